/* render_hist.c - histogram records read back for the charts. */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"

/* The record's own p50/p90, else the estimate lib/hist.h makes. */
static double quantile_of(const struct rec *a, const char *key,
			  const struct render_hist *h, double q)
{
	struct hist_edges e = {h->edges, h->nedges};
	struct hist *x;
	double v;

	if (json_to_double(rec_get(a, key), &v) == 0)
		return v;
	x = xcalloc(1, hist_size(&e));
	memcpy(x->counts, h->counts, (h->nedges + 1) * sizeof *h->counts);
	x->n = h->count;
	v = hist_quantile(x, &e, q);
	free(x);
	return v;
}

static int hist_parse(const struct rec *a, struct render_hist *h,
		      struct buf *sc)
{
	struct json_span v, e;
	struct json_iter it;
	const char *p;
	size_t n, i;
	int64_t c;

	memset(h, 0, sizeof *h);
	h->p50 = h->p90 = NAN;
	v = rec_get(a, "edges");
	if (v.type != JSON_ARRAY)
		return -1;
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		if (h->nedges % 16 == 0)
			h->edges = xrealloc(h->edges, (h->nedges + 16) *
							      sizeof *h->edges);
		if (json_to_double(e, &h->edges[h->nedges]) < 0 ||
		    (h->nedges &&
		     h->edges[h->nedges] <= h->edges[h->nedges - 1]))
			return -1;
		h->nedges++;
	}
	if (!h->nedges)
		return -1;
	h->counts = xcalloc(h->nedges + 1, sizeof *h->counts);
	v = rec_get(a, "counts");
	if (v.type != JSON_ARRAY)
		return -1;
	json_iter_init(&it, v);
	i = 0;
	while (json_iter_next(&it, NULL, &e)) {
		if (i > h->nedges || json_to_i64(e, &c) < 0 || c < 0)
			return -1;
		h->counts[i++] = (uint64_t)c;
		h->count += (uint64_t)c;
	}
	if (i != h->nedges + 1)
		return -1;
	if (rec_str(a, "field", sc, &p, &n) == 1) {
		buf_add(&h->text, p, n);
		h->hours = n == 13 && memcmp(p, "hours_to_next", 13) == 0;
	}
	if (rec_str(a, "event", sc, &p, &n) == 1) {
		buf_reset(&h->text);
		buf_add(&h->text, p, n);
		h->has_event = 1;
	} else {
		/* a tally histogram: field, then the group's key */
		v = rec_get(a, "key");
		if (v.type == JSON_ARRAY) {
			json_iter_init(&it, v);
			while (json_iter_next(&it, NULL, &e)) {
				buf_adds(&h->text, ", ");
				if (e.type == JSON_STRING) {
					json_str_view(e, sc, &p, &n);
					buf_add(&h->text, p, n);
				} else {
					buf_add(&h->text, e.p, e.n);
				}
			}
		}
	}
	h->p50 = quantile_of(a, "p50", h, 0.5);
	h->p90 = quantile_of(a, "p90", h, 0.9);
	return 0;
}

size_t render_hist_load(const struct report *r, struct render_hist **out)
{
	struct rec a = REC_INIT;
	struct buf sc = BUF_INIT;
	struct json_error err;
	struct render_hist *h = NULL;
	size_t i, n = 0;

	for (i = 0; i < r->naggs; i++) {
		if (rec_parse(&a, sref_p(r, r->aggs[i]), r->aggs[i].len, &err) <
			    0 ||
		    !json_str_eq(rec_get(&a, "kind"), "histogram", 9))
			continue;
		h = xrealloc(h, (n + 1) * sizeof *h);
		if (hist_parse(&a, &h[n], &sc) < 0) {
			warn("skipped a histogram record that breaks its "
			     "schema");
			render_hist_free(h + n, 1);
			continue;
		}
		n++;
	}
	rec_release(&a);
	buf_release(&sc);
	*out = h;
	return n;
}

void render_hist_free(struct render_hist *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(h[i].edges);
		free(h[i].counts);
		buf_release(&h[i].text);
	}
}
