/*
 * merge_hist.c - the histogram kind: pulse-tally --hist and pulse-metrics
 * --durations.
 *
 * Records of equal "field", "by", "key" and "edges" add "counts" element
 * by element, "count", "sum" (exactly: lib/num) and "null".  A sum that is
 * not a finite number (null, 1e309), or a total that would not be one,
 * makes a bad record, as does a sum of no values that is not 0.  Members
 * beyond those (pulse-metrics' event, p50, p90, unit) are kept as the
 * first record of the group has them, in its order, and must be equal in
 * every record of the group; p50 and p90 are estimated again from the
 * merged buckets (hist_quantile(), as pulse-metrics does).
 */
#include "merge_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"
#include "hmap.h"
#include "jkey.h"
#include "jw.h"

/*
 * In a group's tail, QMARK and a digit stand for a quantile to compute:
 * canonical JSON holds no raw control character, so the byte is free.
 */
#define QMARK '\x01'
#define NONE ((uint32_t)-1)

struct hgroup {
	struct hist_edges edges;
	struct hist *h;
	size_t bykey; /* bytes of BY '\0' KEY at the start of the map key */
	size_t field; /* where the canonical field starts in the map key */
	size_t flen;
	struct buf tail; /* the other members: ,"event":"x","p50":QMARK 5 */
	int quantiles;	 /* the tail has p50 or p90 */
	int claimed;	 /* the count kind writes it (merge_int.h) */
	uint32_t next;	 /* the next group of equal BY '\0' KEY, or NONE */
};

struct hists {
	struct merge_opts o;
	struct hmap groups; /* BY '\0' KEY '\0' FIELD '\0' EDGES -> index */
	struct hgroup *g;
	size_t ng, capg;
	struct hmap heads; /* BY '\0' KEY -> uint32 first group, when linked */

	/* the record being read */
	struct buf key, tail, scratch;
	struct hist_edges edges;
	uint64_t *counts;
	size_t capcounts;
	struct num sum;
};

static void *hist_create(const struct merge_opts *o)
{
	struct hists *t = xcalloc(1, sizeof *t);

	t->o = *o;
	hmap_init(&t->groups, sizeof(uint32_t));
	hmap_init(&t->heads, sizeof(uint32_t));
	return t;
}

/* Reads "edges" into t->edges and appends their canonical text to t->key. */
static int read_edges(struct hists *t, struct json_span v, char *msg,
		      size_t msz)
{
	struct json_iter it;
	struct json_span e;
	double d;

	t->edges.n = 0;
	if (v.type != JSON_ARRAY) {
		snprintf(msg, msz, "'edges' is not an array");
		return -1;
	}
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		if (e.type != JSON_NUMBER || json_to_double(e, &d) < 0 ||
		    !isfinite(d)) {
			snprintf(msg, msz,
				 "'edges' holds %.*s, not a finite number",
				 (int)(e.n > 40 ? 40 : e.n), e.p);
			return -1;
		}
		if (t->edges.n && d <= t->edges.v[t->edges.n - 1]) {
			snprintf(msg, msz, "'edges' must increase: %g after %g",
				 d, t->edges.v[t->edges.n - 1]);
			return -1;
		}
		t->edges.v = xrealloc(t->edges.v,
				      (t->edges.n + 1) * sizeof *t->edges.v);
		t->edges.v[t->edges.n++] = d;
		if (t->edges.n > 1)
			buf_addc(&t->key, ',');
		jw_f64(&t->key, d);
	}
	if (!t->edges.n) {
		snprintf(msg, msz, "'edges' is empty");
		return -1;
	}
	return 0;
}

/* Reads "counts" (edges.n + 1 of them) and checks "count" is their sum. */
static int read_counts(struct hists *t, struct json_span v, uint64_t count,
		       char *msg, size_t msz)
{
	struct json_iter it;
	struct json_span e;
	uint64_t total = 0;
	size_t n = 0;

	if (v.type != JSON_ARRAY) {
		snprintf(msg, msz, "'counts' is not an array");
		return -1;
	}
	if (t->capcounts < t->edges.n + 1) {
		t->capcounts = t->edges.n + 1;
		t->counts =
			xrealloc(t->counts, t->capcounts * sizeof *t->counts);
	}
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		if (n == t->edges.n + 1)
			break;
		if (merge_count_val(e, "counts", &t->counts[n], msg, msz) < 0)
			return -1;
		if (merge_u64_add(total, t->counts[n], &total) < 0) {
			snprintf(msg, msz, "'counts' add up past 2^63-1");
			return -1;
		}
		n++;
	}
	if (n != t->edges.n + 1 || json_iter_next(&it, NULL, &e)) {
		snprintf(
			msg, msz,
			"'counts' must have one more element than 'edges' (%zu)",
			t->edges.n + 1);
		return -1;
	}
	if (total != count) {
		snprintf(msg, msz,
			 "'count' %llu is not the sum of 'counts' (%llu)",
			 (unsigned long long)count, (unsigned long long)total);
		return -1;
	}
	return 0;
}

/* The members beyond the histogram's own, as the group's tail. */
static int read_tail(struct hists *t, const struct rec *r, int *quantiles,
		     char *msg, size_t msz)
{
	static const char *const own[] = {"kind",  "field", "by",
					  "key",   "edges", "counts",
					  "count", "sum",   "null"};
	size_t i, j;

	buf_reset(&t->tail);
	*quantiles = 0;
	for (i = 0; i < r->nf; i++) {
		const struct rec_field *f = &r->f[i];
		int q = 0;

		for (j = 0; j < sizeof own / sizeof own[0]; j++)
			if (json_str_eq(f->key, own[j], strlen(own[j])))
				break;
		if (j < sizeof own / sizeof own[0])
			continue;
		if (json_str_eq(f->key, "p50", 3))
			q = '5';
		else if (json_str_eq(f->key, "p90", 3))
			q = '9';
		buf_addc(&t->tail, ',');
		jkey_canon(f->key, &t->tail, &t->scratch);
		buf_addc(&t->tail, ':');
		if (!q) {
			jkey_canon(f->val, &t->tail, &t->scratch);
			continue;
		}
		if (f->val.type != JSON_NUMBER && f->val.type != JSON_NULL) {
			snprintf(msg, msz, "'p%c0' is not a number", q);
			return -1;
		}
		buf_addc(&t->tail, QMARK);
		buf_addc(&t->tail, (char)q);
		*quantiles = 1;
	}
	return 0;
}

static struct hgroup *new_group(struct hists *t, size_t bykey, size_t field,
				size_t flen, int quantiles)
{
	struct hgroup *g;

	if (t->ng == t->capg) {
		t->capg = t->capg ? 2 * t->capg : 16;
		t->g = xrealloc(t->g, t->capg * sizeof *t->g);
	}
	g = &t->g[t->ng++];
	memset(g, 0, sizeof *g);
	g->edges.n = t->edges.n;
	g->edges.v = xmalloc(t->edges.n * sizeof *g->edges.v);
	memcpy(g->edges.v, t->edges.v, t->edges.n * sizeof *g->edges.v);
	g->h = xcalloc(1, hist_size(&g->edges));
	g->bykey = bykey;
	g->field = field;
	g->flen = flen;
	buf_add(&g->tail, t->tail.p ? t->tail.p : "", t->tail.len);
	g->quantiles = quantiles;
	g->next = NONE;
	return g;
}

static int hist_add_rec(void *st, const struct rec *r, char *msg, size_t msz)
{
	struct hists *t = st;
	struct json_span field = rec_get(r, "field"), by = rec_get(r, "by"),
			 key = rec_get(r, "key"), sum = rec_get(r, "sum");
	uint64_t count, nnull, x;
	struct num_sum total;
	size_t bykey, foff, flen, k;
	struct hgroup *g;
	uint32_t *ip;
	int isnew, quantiles;

	buf_reset(&t->key);
	if (merge_by(by, &t->key, &t->scratch) < 0) {
		snprintf(msg, msz, "'by' is not an array of field names");
		goto bad;
	}
	buf_addc(&t->key, '\0');
	if (merge_key(key, &t->key, &t->scratch) < 0) {
		snprintf(msg, msz, "'key' is not an array");
		goto bad;
	}
	bykey = t->key.len;
	buf_addc(&t->key, '\0');
	if (field.type != JSON_STRING || field.n <= 2) {
		snprintf(msg, msz, "'field' is not a field name");
		goto bad;
	}
	foff = t->key.len;
	jkey_canon(field, &t->key, &t->scratch);
	flen = t->key.len - foff;
	buf_addc(&t->key, '\0');
	if (read_edges(t, rec_get(r, "edges"), msg, msz) < 0 ||
	    merge_count_val(rec_get(r, "count"), "count", &count, msg, msz) <
		    0 ||
	    read_counts(t, rec_get(r, "counts"), count, msg, msz) < 0 ||
	    merge_count_val(rec_get(r, "null"), "null", &nnull, msg, msz) < 0 ||
	    read_tail(t, r, &quantiles, msg, msz) < 0)
		goto bad;
	/* the writers' sums are finite: null or 1e309 is none, and would make
	   the total none */
	if (sum.type != JSON_NUMBER ||
	    num_read(sum, &t->scratch, &t->sum) != 1 || !isfinite(t->sum.d)) {
		snprintf(msg, msz,
			 sum.type == JSON_NUMBER || sum.type == JSON_NULL
				 ? "'sum' is not a finite number: %.*s"
				 : "'sum' is not a number",
			 (int)(sum.n > 40 ? 40 : sum.n), sum.p);
		goto bad;
	}
	if (!count && (!t->sum.exact || t->sum.fx)) {
		snprintf(msg, msz, "'sum' of no values is not 0: %.*s",
			 (int)(sum.n > 40 ? 40 : sum.n), sum.p);
		goto bad;
	}

	ip = hmap_get(&t->groups, t->key.p, t->key.len);
	g = ip ? &t->g[*ip] : NULL;
	if (g) {
		if (g->tail.len != t->tail.len ||
		    (t->tail.len &&
		     memcmp(g->tail.p, t->tail.p, t->tail.len) != 0)) {
			snprintf(
				msg, msz,
				"members beyond the histogram's own differ from the group's first record");
			goto bad;
		}
		if (merge_u64_add(g->h->n, count, &x) < 0 ||
		    merge_u64_add(g->h->null, nnull, &x) < 0) {
			snprintf(msg, msz, "the group's count passes 2^63-1");
			goto bad;
		}
		/* each bucket is at most the count, which did not pass */
		total = g->h->sum;
		num_sum_add(&total, &t->sum);
		if (!merge_sum_fits(&total)) {
			snprintf(
				msg, msz,
				"the group's sum passes the largest number a record holds (about 1.8e308)");
			goto bad;
		}
	} else {
		ip = hmap_put(&t->groups, t->key.p, t->key.len, &isnew);
		*ip = (uint32_t)t->ng;
		g = new_group(t, bykey, foff, flen, quantiles);
	}
	g->h->n += count;
	g->h->null += nnull;
	for (k = 0; k <= g->edges.n; k++)
		g->h->counts[k] += t->counts[k];
	num_sum_add(&g->h->sum, &t->sum);
	return 0;
bad:
	return -1;
}

/* ---- output -------------------------------------------------------------- */

static void write_one(struct hists *t, struct sink *out, size_t i)
{
	const struct hgroup *g = &t->g[i];
	const char *key = hmap_entry_at(&t->groups, i)->key;
	const char *sep = memchr(key, '\0', g->bykey);
	struct buf *o = &out->b;
	size_t k;

	buf_adds(o, "{\"kind\":\"histogram\",\"field\":");
	buf_add(o, key + g->field, g->flen);
	buf_adds(o, ",\"by\":");
	buf_add(o, key, (size_t)(sep - key));
	buf_adds(o, ",\"key\":[");
	buf_add(o, sep + 1, g->bykey - (size_t)(sep + 1 - key));
	buf_adds(o, "],");
	hist_write(o, &g->edges, g->h);
	for (k = 0; k < g->tail.len; k++) {
		if (g->tail.p[k] != QMARK) {
			buf_addc(o, g->tail.p[k]);
			continue;
		}
		k++;
		jw_f64(o, hist_quantile(g->h, &g->edges,
					g->tail.p[k] == '5' ? 0.5 : 0.9));
	}
	buf_adds(o, "}\n");
	sink_commit(out);
}

void merge_hist_claim(void *hist_st, merge_has_fn *has, void *arg)
{
	struct hists *t = hist_st;
	uint32_t *last, i;
	int isnew;

	/* last[] is the tail of each chain while they are built */
	last = xmalloc((t->ng ? t->ng : 1) * sizeof *last);
	for (i = 0; i < t->ng; i++) {
		const char *key = hmap_entry_at(&t->groups, i)->key;
		struct hgroup *g = &t->g[i];
		uint32_t *head;

		if (g->quantiles || !has(arg, key, g->bykey))
			continue;
		g->claimed = 1;
		head = hmap_put(&t->heads, key, g->bykey, &isnew);
		if (isnew)
			*head = i;
		else
			t->g[last[*head]].next = i;
		last[*head] = i;
	}
	free(last);
}

void merge_hist_write_group(void *hist_st, struct sink *out, const char *bykey,
			    size_t n)
{
	struct hists *t = hist_st;
	uint32_t *head = hmap_get(&t->heads, bykey, n), i;

	for (i = head ? *head : NONE; i != NONE; i = t->g[i].next)
		write_one(t, out, i);
}

static int hist_finish(void *st, struct sink *out, char *msg, size_t msz)
{
	struct hists *t = st;
	size_t i;

	(void)msg;
	(void)msz;
	for (i = 0; i < t->ng; i++)
		if (!t->g[i].claimed)
			write_one(t, out, i);
	return 0;
}

static void hist_destroy(void *st)
{
	struct hists *t = st;
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->ng; i++) {
		hist_edges_release(&t->g[i].edges);
		free(t->g[i].h);
		buf_release(&t->g[i].tail);
	}
	free(t->g);
	hmap_release(&t->groups);
	hmap_release(&t->heads);
	buf_release(&t->key);
	buf_release(&t->tail);
	buf_release(&t->scratch);
	hist_edges_release(&t->edges);
	free(t->counts);
	free(t);
}

const struct merge_kind merge_histogram = {
	"histogram", hist_create, hist_add_rec, hist_finish, hist_destroy,
};
