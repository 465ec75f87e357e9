/* tally_group.c - group keys, counters and the output; see tally.h. */
#include "tally.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "jw.h"
#include "num.h"
#include "ptime.h"

enum tally_fn { TALLY_FIELD, TALLY_DAY, TALLY_WEEK, TALLY_MONTH };

/* One element of --by: "category" or "week(created)". */
struct tally_by {
	const char *spec; /* as written, for "by" in the output */
	char *field;	  /* owned */
	enum tally_fn fn;
};

/* A --sum: the exact sum (num.h) and the values it could not add. */
struct tally_sum {
	struct num_sum s;
	uint64_t skipped; /* null, absent, non-numeric or out of range */
};

struct tally {
	struct tally_by *by;
	size_t nby;
	const char *const *sum;
	size_t nsum;
	const char *const *hist;
	size_t nhist;
	struct hist_edges edges;
	enum jkey_sort sort;

	/* the block of a group: sums, histograms, count */
	size_t vsize, off_hist, hist_size, off_count;
	struct buf by_json; /* ["category","day(created)"] */
	struct hmap groups;
	struct hmap_memo memo;	/* the groups met last, by key */
	struct jkey_memo canon; /* escaped strings' canonical forms */

	/* per-record scratch, reused */
	struct buf *vals; /* nby: the candidate key values of each --by */
	size_t **offs;	  /* nby: start offsets into vals[i], plus the end */
	size_t *noffs, *capoffs;
	size_t *pos; /* odometer over the candidates */
	struct buf key;
	struct buf scratch;
	struct num *sumv; /* nsum */
	int *sumok;
	struct num *histv; /* nhist */
	int *histst;	   /* 1 number, 0 null */
};

/* ---- options ------------------------------------------------------------- */

/* Reads --by element spec (trimmed, not empty) into b. */
static int parse_one_by(struct tally_by *b, const char *spec, char *msg,
			size_t msz)
{
	static const struct {
		const char *name;
		enum tally_fn fn;
	} fns[] = {{"day", TALLY_DAY},
		   {"week", TALLY_WEEK},
		   {"month", TALLY_MONTH}};
	const char *open, *arg;
	size_t i, len = strlen(spec), alen;

	b->spec = spec;
	b->fn = TALLY_FIELD;
	open = strchr(spec, '(');
	if (!open) {
		b->field = xstrdup(spec);
		return 0;
	}
	arg = open + 1;
	alen = (size_t)(spec + len - 1 - arg);
	while (alen > 0 && (*arg == ' ' || *arg == '\t')) {
		arg++;
		alen--;
	}
	while (alen > 0 && (arg[alen - 1] == ' ' || arg[alen - 1] == '\t'))
		alen--;
	if (spec[len - 1] != ')' || alen == 0 || memchr(arg, '(', alen) ||
	    memchr(arg, ')', alen)) {
		snprintf(msg, msz, "invalid --by element '%s'", spec);
		return -1;
	}
	for (i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		if ((size_t)(open - spec) == strlen(fns[i].name) &&
		    memcmp(spec, fns[i].name, strlen(fns[i].name)) == 0) {
			b->fn = fns[i].fn;
			b->field = xstrndup(arg, alen);
			return 0;
		}
	}
	snprintf(msg, msz, "unknown function in --by '%s' (day, week or month)",
		 spec);
	return -1;
}

static size_t round16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

struct tally *tally_new(const struct tally_opts *o, char *msg, size_t msz)
{
	struct tally *t = xcalloc(1, sizeof *t);
	size_t i;

	t->by = xcalloc(o->by.n + 1, sizeof *t->by);
	for (i = 0; i < o->by.n; i++) {
		if (parse_one_by(&t->by[i], o->by.v[i], msg, msz) < 0) {
			tally_free(t);
			return NULL;
		}
		t->nby++;
	}
	t->sum = (const char *const *)o->sum.v;
	t->nsum = o->sum.n;
	t->hist = (const char *const *)o->hist.v;
	t->nhist = o->hist.n;
	t->sort = o->sort;
	if (o->edges.n) {
		t->edges.v = xmalloc(o->edges.n * sizeof *t->edges.v);
		memcpy(t->edges.v, o->edges.v, o->edges.n * sizeof *t->edges.v);
		t->edges.n = o->edges.n;
	} else {
		hist_edges_default(&t->edges);
	}
	t->off_hist = round16(t->nsum * sizeof(struct tally_sum));
	t->hist_size = hist_size(&t->edges);
	t->off_count = t->off_hist + t->nhist * t->hist_size;
	t->vsize = round16(t->off_count + sizeof(uint64_t));
	hmap_init(&t->groups, t->vsize);

	buf_addc(&t->by_json, '[');
	for (i = 0; i < t->nby; i++) {
		if (i)
			buf_addc(&t->by_json, ',');
		jw_cstr(&t->by_json, t->by[i].spec);
	}
	buf_addc(&t->by_json, ']');

	t->vals = xcalloc(t->nby + 1, sizeof *t->vals);
	t->offs = xcalloc(t->nby + 1, sizeof *t->offs);
	t->noffs = xcalloc(t->nby + 1, sizeof *t->noffs);
	t->capoffs = xcalloc(t->nby + 1, sizeof *t->capoffs);
	t->pos = xcalloc(t->nby + 1, sizeof *t->pos);
	t->sumv = xcalloc(t->nsum + 1, sizeof *t->sumv);
	t->sumok = xcalloc(t->nsum + 1, sizeof *t->sumok);
	t->histv = xcalloc(t->nhist + 1, sizeof *t->histv);
	t->histst = xcalloc(t->nhist + 1, sizeof *t->histst);
	return t;
}

/* ---- keys ---------------------------------------------------------------- */

static void add_cand_start(struct tally *t, size_t i)
{
	if (t->noffs[i] == t->capoffs[i]) {
		t->capoffs[i] = t->capoffs[i] ? 2 * t->capoffs[i] : 8;
		t->offs[i] = xrealloc(t->offs[i],
				      t->capoffs[i] * sizeof *t->offs[i]);
	}
	t->offs[i][t->noffs[i]++] = t->vals[i].len;
}

/* The day(), week() or month() of time string v as a JSON string. */
static int time_key(const struct tally *t, const struct tally_by *b,
		    struct json_span v, struct buf *out, struct buf *scratch,
		    char *msg, size_t msz)
{
	int rc;
	struct ptime tm;
	const char *p;
	size_t n;
	char d[16];
	int64_t day;

	(void)t;
	if (v.type == JSON_NONE || v.type == JSON_NULL) {
		jw_null(out);
		return 0;
	}
	if (v.type != JSON_STRING) {
		snprintf(msg, msz, "field '%s' is %s %s, not a time", b->field,
			 v.type == JSON_ARRAY || v.type == JSON_OBJECT ? "an"
								       : "a",
			 json_type_name(v.type));
		return -1;
	}
	json_str_view(v, scratch, &p, &n);
	if ((rc = ptime_parse(p, n, &tm)) < 0) {
		/* the value as written: a NUL or a newline shows escaped */
		int wn = (int)(v.n - 2 > 60 ? 60 : v.n - 2);

		if (rc == PTIME_ERANGE)
			snprintf(msg, msz, "field '%s': time '%.*s' %s",
				 b->field, wn, v.p + 1, ptime_strerror(rc));
		else
			snprintf(msg, msz,
				 "field '%s': cannot parse time '%.*s'",
				 b->field, wn, v.p + 1);
		return -1;
	}
	day = ptime_day(tm.sec);
	switch (b->fn) {
	case TALLY_DAY:
		n = ptime_fmt_day(d, day);
		break;
	case TALLY_WEEK:
		n = ptime_fmt_week(d, day);
		break;
	default:
		n = ptime_fmt_month(d, day);
		break;
	}
	buf_addc(out, '"');
	buf_add(out, d, n);
	buf_addc(out, '"');
	return 0;
}

/* Fills vals[i]/offs[i] with the candidate key values of --by element i. */
static int candidates(struct tally *t, size_t i, const struct rec *r, char *msg,
		      size_t msz)
{
	const struct tally_by *b = &t->by[i];
	struct json_span v = rec_get(r, b->field), e;
	struct json_iter it;
	struct buf *out = &t->vals[i];
	int any = 0;

	buf_reset(out);
	t->noffs[i] = 0;
	if (v.type == JSON_ARRAY) {
		json_iter_init(&it, v);
		while (json_iter_next(&it, NULL, &e)) {
			add_cand_start(t, i);
			any = 1;
			if (b->fn == TALLY_FIELD)
				jkey_canon_memo(&t->canon, e, out, &t->scratch);
			else if (time_key(t, b, e, out, &t->scratch, msg, msz) <
				 0)
				return -1;
		}
		if (any) {
			add_cand_start(t, i); /* the end */
			return 0;
		}
		v.type = JSON_NONE; /* an empty array counts as absent */
	}
	add_cand_start(t, i);
	if (b->fn == TALLY_FIELD)
		jkey_canon_memo(&t->canon, v, out, &t->scratch);
	else if (time_key(t, b, v, out, &t->scratch, msg, msz) < 0)
		return -1;
	add_cand_start(t, i);
	return 0;
}

static void count_into(struct tally *t, char *g)
{
	size_t j;

	(*(uint64_t *)(g + t->off_count))++;
	for (j = 0; j < t->nsum; j++) {
		struct tally_sum *s = (struct tally_sum *)g + j;

		if (t->sumok[j])
			num_sum_add(&s->s, &t->sumv[j]);
		else
			s->skipped++;
	}
	for (j = 0; j < t->nhist; j++) {
		struct hist *h =
			(struct hist *)(g + t->off_hist + j * t->hist_size);

		if (t->histst[j])
			hist_add(h, &t->edges, &t->histv[j]);
		else
			hist_add_null(h);
	}
}

int tally_add(struct tally *t, const struct rec *r, struct sink *out, char *msg,
	      size_t msz)
{
	size_t i, j;
	int st;

	(void)out;
	for (i = 0; i < t->nby; i++)
		if (candidates(t, i, r, msg, msz) < 0)
			return -1;
	for (j = 0; j < t->nsum; j++) {
		st = num_read(rec_get(r, t->sum[j]), &t->scratch, &t->sumv[j]);
		t->sumok[j] = st == 1;
	}
	for (j = 0; j < t->nhist; j++) {
		struct json_span v = rec_get(r, t->hist[j]);

		st = num_read(v, &t->scratch, &t->histv[j]);
		if (st == NUM_ERANGE) {
			snprintf(msg, msz,
				 "field '%s': number %.*s out of range "
				 "(magnitudes 4.9e-324 to 1.8e308)",
				 t->hist[j], (int)(v.n > 60 ? 60 : v.n), v.p);
			return -1;
		}
		if (st < 0) {
			snprintf(msg, msz, "field '%s' is %s %s, not a number",
				 t->hist[j],
				 v.type == JSON_ARRAY || v.type == JSON_OBJECT
					 ? "an"
					 : "a",
				 json_type_name(v.type));
			return -1;
		}
		t->histst[j] = st;
	}

	/* every combination of the candidates: usually exactly one */
	memset(t->pos, 0, t->nby * sizeof *t->pos);
	for (;;) {
		buf_reset(&t->key);
		for (i = 0; i < t->nby; i++) {
			size_t a = t->offs[i][t->pos[i]];
			size_t z = t->offs[i][t->pos[i] + 1];

			if (i)
				buf_addc(&t->key, ',');
			buf_add(&t->key, t->vals[i].p + a, z - a);
		}
		count_into(t, hmap_put_memo(&t->groups, &t->memo,
					    t->key.p ? t->key.p : "",
					    t->key.len, NULL));
		for (i = t->nby; i-- > 0;) {
			if (++t->pos[i] + 1 < t->noffs[i])
				break;
			t->pos[i] = 0;
		}
		if (i == (size_t)-1)
			return 0;
	}
}

/* ---- output -------------------------------------------------------------- */

static void emit_head(struct buf *o, const char *kind)
{
	buf_adds(o, "{\"kind\":\"");
	buf_adds(o, kind);
	buf_adds(o, "\",");
}

static void emit_group(struct tally *t, struct buf *o, size_t idx)
{
	const struct hmap_entry *e = hmap_entry_at(&t->groups, idx);
	char *g = hmap_val_at(&t->groups, idx);
	size_t j;

	emit_head(o, "count");
	buf_adds(o, "\"by\":");
	buf_add(o, t->by_json.p, t->by_json.len);
	buf_adds(o, ",\"key\":[");
	buf_add(o, e->key, e->klen);
	buf_adds(o, "],\"count\":");
	jw_i64(o, (int64_t) * (uint64_t *)(g + t->off_count));
	if (t->nsum) {
		buf_adds(o, ",\"sum\":{");
		for (j = 0; j < t->nsum; j++) {
			if (j)
				buf_addc(o, ',');
			jw_cstr(o, t->sum[j]);
			buf_addc(o, ':');
			num_sum_write(&((struct tally_sum *)g + j)->s, o);
		}
		buf_adds(o, "},\"sum_skipped\":{");
		for (j = 0; j < t->nsum; j++) {
			if (j)
				buf_addc(o, ',');
			jw_cstr(o, t->sum[j]);
			buf_addc(o, ':');
			jw_i64(o,
			       (int64_t)((struct tally_sum *)g + j)->skipped);
		}
		buf_addc(o, '}');
	}
	buf_adds(o, "}\n");
	for (j = 0; j < t->nhist; j++) {
		const struct hist *h = (const struct hist *)(g + t->off_hist +
							     j * t->hist_size);

		emit_head(o, "histogram");
		buf_adds(o, "\"field\":");
		jw_cstr(o, t->hist[j]);
		buf_adds(o, ",\"by\":");
		buf_add(o, t->by_json.p, t->by_json.len);
		buf_adds(o, ",\"key\":[");
		buf_add(o, e->key, e->klen);
		buf_adds(o, "],");
		hist_write(o, &t->edges, h);
		buf_adds(o, "}\n");
	}
}

int tally_finish(struct tally *t, struct sink *out, char *msg, size_t msz)
{
	size_t i, n = hmap_len(&t->groups);
	struct jkey_order *ord;

	(void)msg;
	(void)msz;
	/* no --by and no records: still one total, of zero */
	if (n == 0 && t->nby == 0) {
		hmap_put(&t->groups, "", 0, NULL);
		n = 1;
	}
	if (t->sort == JKEY_SORT_FIRST) {
		for (i = 0; i < n; i++) {
			emit_group(t, &out->b, i);
			sink_commit(out);
		}
		return 0;
	}
	ord = xmalloc((n ? n : 1) * sizeof *ord);
	for (i = 0; i < n; i++) {
		const struct hmap_entry *e = hmap_entry_at(&t->groups, i);

		ord[i].key = e->key;
		ord[i].klen = e->klen;
		ord[i].count =
			*(uint64_t *)((char *)hmap_val_at(&t->groups, i) +
				      t->off_count);
		ord[i].idx = i;
	}
	qsort(ord, n, sizeof *ord,
	      t->sort == JKEY_SORT_COUNT ? jkey_order_by_count
					 : jkey_order_by_key);
	for (i = 0; i < n; i++) {
		emit_group(t, &out->b, ord[i].idx);
		sink_commit(out);
	}
	free(ord);
	return 0;
}

void tally_free(struct tally *t)
{
	size_t i;

	if (!t)
		return;
	for (i = 0; i < t->nby; i++) {
		free(t->by[i].field);
		if (t->vals)
			buf_release(&t->vals[i]);
		if (t->offs)
			free(t->offs[i]);
	}
	free(t->by);
	hist_edges_release(&t->edges);
	free(t->vals);
	free(t->offs);
	free(t->noffs);
	free(t->capoffs);
	free(t->pos);
	free(t->sumv);
	free(t->sumok);
	free(t->histv);
	free(t->histst);
	buf_release(&t->by_json);
	buf_release(&t->key);
	buf_release(&t->scratch);
	hmap_release(&t->groups);
	jkey_memo_release(&t->canon);
	free(t);
}
