/* hist.c - fixed-bucket histograms; see hist.h. */
#include "hist.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "jw.h"
#include "strvec.h"

static const double default_edges[] = {
	0, 1, 2, 4, 8, 12, 24, 48, 72, 96, 120, 168, 240, 336, 504, 720, 1440};

void hist_edges_default(struct hist_edges *e)
{
	free(e->v);
	e->n = sizeof default_edges / sizeof default_edges[0];
	e->v = xmalloc(sizeof default_edges);
	memcpy(e->v, default_edges, sizeof default_edges);
}

int hist_edges_set(struct hist_edges *e, const char *const *items, size_t n,
		   char *msg, size_t msz)
{
	struct num v;
	size_t i;
	int rc;

	hist_edges_release(e);
	if (n == 0) {
		snprintf(msg, msz, "no edges");
		return -1;
	}
	e->v = xmalloc(n * sizeof *e->v);
	for (i = 0; i < n; i++) {
		rc = num_parse(items[i], strlen(items[i]), &v);
		if (rc < 0) {
			snprintf(msg, msz, "'%.40s' is %s", items[i],
				 rc == NUM_ERANGE
					 ? "beyond the range of a double"
					 : "not a number");
			goto fail;
		}
		if (i > 0 && v.d <= e->v[i - 1]) {
			snprintf(msg, msz,
				 "%.40s after %.40s: the edges must increase",
				 items[i], items[i - 1]);
			goto fail;
		}
		e->v[i] = v.d;
	}
	e->n = n;
	return 0;
fail:
	hist_edges_release(e);
	return -1;
}

int hist_edges_parse(struct hist_edges *e, const char *list, char *msg,
		     size_t msz)
{
	struct strvec sv = STRVEC_INIT;
	int rc;

	if (strvec_split(&sv, list) < 0) {
		strvec_clear(&sv);
		hist_edges_release(e);
		snprintf(msg, msz, "an empty item");
		return -1;
	}
	rc = hist_edges_set(e, (const char *const *)sv.v, sv.n, msg, msz);
	strvec_clear(&sv);
	return rc;
}

void hist_edges_release(struct hist_edges *e)
{
	free(e->v);
	e->v = NULL;
	e->n = 0;
}

size_t hist_size(const struct hist_edges *e)
{
	size_t n = sizeof(struct hist) + (e->n + 1) * sizeof(uint64_t);

	return (n + 15) & ~(size_t)15;
}

size_t hist_bucket(const struct hist_edges *e, double v)
{
	size_t lo = 0, hi = e->n, mid;

	/* the first edge above v; NaN (never from a JSON number) goes last */
	while (lo < hi) {
		mid = (lo + hi) / 2;
		if (v < e->v[mid])
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

void hist_add(struct hist *h, const struct hist_edges *e, const struct num *v)
{
	h->n++;
	num_sum_add(&h->sum, v);
	h->counts[hist_bucket(e, v->d)]++;
}

int hist_sub(struct hist *h, const struct hist_edges *e, const struct num *v)
{
	struct num neg;
	size_t b = hist_bucket(e, v->d);

	if (!h->n || !h->counts[b] || !v->exact)
		return -1;
	h->n--;
	h->counts[b]--;
	num_from_fx(&neg, -v->fx);
	num_sum_add(&h->sum, &neg);
	return 0;
}

void hist_write(struct buf *b, const struct hist_edges *e, const struct hist *h)
{
	size_t k;

	buf_adds(b, "\"edges\":[");
	for (k = 0; k < e->n; k++) {
		if (k)
			buf_addc(b, ',');
		jw_f64(b, e->v[k]);
	}
	buf_adds(b, "],\"counts\":[");
	for (k = 0; k <= e->n; k++) {
		if (k)
			buf_addc(b, ',');
		jw_i64(b, (int64_t)h->counts[k]);
	}
	buf_adds(b, "],\"count\":");
	jw_i64(b, (int64_t)h->n);
	buf_adds(b, ",\"sum\":");
	num_sum_write(&h->sum, b);
	buf_adds(b, ",\"null\":");
	jw_i64(b, (int64_t)h->null);
}

double hist_quantile(const struct hist *h, const struct hist_edges *e, double q)
{
	double rank, cum = 0, lo, hi;
	size_t k;

	if (h->n == 0 || e->n == 0)
		return NAN;
	if (q < 0)
		q = 0;
	if (q > 1)
		q = 1;
	rank = q * (double)h->n;
	for (k = 0; k <= e->n; k++) {
		double c = (double)h->counts[k];

		if (c > 0 && cum + c >= rank)
			break;
		cum += c;
	}
	if (k == 0)
		return e->v[0];
	if (k >= e->n)
		return e->v[e->n - 1];
	lo = e->v[k - 1];
	hi = e->v[k];
	return lo + (hi - lo) * ((rank - cum) / (double)h->counts[k]);
}
