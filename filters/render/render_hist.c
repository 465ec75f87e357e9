/*
 * render_hist.c - histogram records (pulse-tally --hist, pulse-metrics
 * --durations) checked against schemas/histogram.schema.json, and read
 * back for the charts.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
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
	if (json_to_i64(rec_get(a, "null"), &c) == 0 && c > 0)
		h->null = (uint64_t)c;
	if (h->has_event && rec_str(a, "outcome", sc, &p, &n) == 1)
		h->outcome = n == 7 && memcmp(p, "payment", 7) == 0 ? 1
			     : n == 5 && memcmp(p, "other", 5) == 0 ? 2
								    : 0;
	h->p50 = quantile_of(a, "p50", h, 0.5);
	h->p90 = quantile_of(a, "p90", h, 0.9);
	return 0;
}

/* Edges: finite numbers, strictly increasing.  @return how many, or -1. */
static long check_edges(struct render_check *c)
{
	struct json_span v = rec_get(c->in, "edges"), e;
	struct json_iter it;
	double d, prev = 0;
	long n = 0;

	if (v.type == JSON_NONE)
		return render_check_missing(c, "edges");
	if (v.type != JSON_ARRAY)
		return render_check_bad(c, "edges", v, "an array");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		n++;
		if (json_to_double(e, &d) < 0 || !isfinite(d))
			return render_check_part(c, "edges", n, NULL, 0, e,
						 "a finite number");
		if (n > 1 && d <= prev)
			return render_check_part(c, "edges", n, NULL, 0, e,
						 "above the edge before");
		prev = d;
	}
	if (!n)
		return render_check_bad(c, "edges", v,
					"an array of at least one edge");
	return n;
}

/* Counts: nedges + 1 integers >= 0, adding up to "count". */
static int check_counts(struct render_check *c, long nedges)
{
	struct json_span v = rec_get(c->in, "counts"), e;
	struct json_iter it;
	int64_t k, count;
	uint64_t sum = 0;
	long n = 0;

	if (v.type == JSON_NONE)
		return render_check_missing(c, "counts");
	if (v.type != JSON_ARRAY)
		return render_check_bad(c, "counts", v, "an array");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		n++;
		if (json_to_i64(e, &k) < 0 || k < 0 ||
		    (uint64_t)k > UINT64_MAX - sum)
			return render_check_part(c, "counts", n, NULL, 0, e,
						 "an integer >= 0");
		sum += (uint64_t)k;
	}
	if (n != nedges + 1) {
		snprintf(c->msg, c->msz,
			 "field 'counts' has %ld element%s, not %ld (one more "
			 "than 'edges')",
			 n, n == 1 ? "" : "s", nedges + 1);
		return -1;
	}
	if (render_check_int(c, "count", 0, INT64_MAX, RC_REQUIRED, &count) < 0)
		return -1;
	if ((uint64_t)count != sum) {
		snprintf(c->msg, c->msz,
			 "field 'count' is %lld, but the counts add up to "
			 "%llu",
			 (long long)count, (unsigned long long)sum);
		return -1;
	}
	return 0;
}

int render_hist_check(const struct rec *in, char *msg, size_t msz)
{
	static const char *const outcomes[] = {"payment", "other"};
	struct buf scratch = BUF_INIT;
	struct render_check c = {in, &scratch, msg, msz};
	const char *p;
	size_t n;
	int64_t k;
	double d;
	long nedges;
	int st = -1;

	if (render_check_str(&c, "field", RC_REQUIRED | RC_NONEMPTY, &p, &n) <
		    0 ||
	    render_load_check_by_key(&c) < 0 ||
	    (nedges = check_edges(&c)) < 0 || check_counts(&c, nedges) < 0)
		goto out;
	if (rec_get(in, "sum").type == JSON_NONE) {
		render_check_missing(&c, "sum");
		goto out;
	}
	if (render_check_num(&c, "sum", -HUGE_VAL, HUGE_VAL, RC_NULL, &d) < 0 ||
	    render_check_int(&c, "null", 0, INT64_MAX, RC_REQUIRED, &k) < 0 ||
	    render_check_str(&c, "event", 0, &p, &n) < 0 ||
	    render_check_num(&c, "p50", -HUGE_VAL, HUGE_VAL, RC_NULL, &d) < 0 ||
	    render_check_num(&c, "p90", -HUGE_VAL, HUGE_VAL, RC_NULL, &d) < 0 ||
	    render_check_str(&c, "unit", 0, &p, &n) < 0 ||
	    render_check_enum(&c, "outcome", 0, outcomes, 2) == -2)
		goto out;
	st = 0;
out:
	buf_release(&scratch);
	return st;
}

size_t render_hist_load(const struct render_report *r, struct render_hist **out)
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
			/* render_hist_check() let it in: cannot happen */
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
