/* tally_group.c - group keys, counters and the output; see tally.h. */
#include "tally.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jkey.h"
#include "jw.h"
#include "ptime.h"

/* ---- options ------------------------------------------------------------- */

static char *trimdup(const char *s, size_t n)
{
	while (n > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	return xstrndup(s, n);
}

static int parse_one_by(struct tally_by *b, const char *s, size_t n, char *msg,
			size_t msz)
{
	static const struct {
		const char *name;
		enum tally_fn fn;
	} fns[] = {{"day", TALLY_DAY},
		   {"week", TALLY_WEEK},
		   {"month", TALLY_MONTH}};
	const char *open;
	size_t i, len;

	b->spec = trimdup(s, n);
	b->fn = TALLY_FIELD;
	len = strlen(b->spec);
	if (len == 0) {
		snprintf(msg, msz, "empty field name in --by");
		return -1;
	}
	open = strchr(b->spec, '(');
	if (!open) {
		b->field = xstrdup(b->spec);
		return 0;
	}
	if (b->spec[len - 1] != ')' || open[1] == ')') {
		snprintf(msg, msz, "invalid --by element '%s'", b->spec);
		return -1;
	}
	for (i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		if ((size_t)(open - b->spec) == strlen(fns[i].name) &&
		    memcmp(b->spec, fns[i].name, strlen(fns[i].name)) == 0) {
			b->fn = fns[i].fn;
			b->field = trimdup(open + 1, (size_t)(b->spec + len -
							      1 - open - 1));
			return 0;
		}
	}
	snprintf(msg, msz, "unknown function in --by '%s' (day, week or month)",
		 b->spec);
	return -1;
}

int tally_parse_by(struct tally *t, const char *list, char *msg, size_t msz)
{
	const char *p = list, *start = list;
	int depth = 0;

	for (;; p++) {
		if (*p == '(')
			depth++;
		else if (*p == ')')
			depth--;
		if ((*p == ',' && depth == 0) || *p == '\0') {
			struct tally_by *b;

			t->by = xrealloc(t->by, (t->nby + 1) * sizeof *t->by);
			b = &t->by[t->nby++];
			memset(b, 0, sizeof *b);
			if (parse_one_by(b, start, (size_t)(p - start), msg,
					 msz) < 0)
				return -1;
			if (*p == '\0')
				return 0;
			start = p + 1;
		}
	}
}

int tally_parse_edges(struct tally *t, const char *list, char *msg, size_t msz)
{
	return hist_edges_parse(&t->edges, list, msg, msz);
}

static size_t round16(size_t n)
{
	return (n + 15) & ~(size_t)15;
}

void tally_setup(struct tally *t)
{
	size_t i;

	if (!t->edges.n)
		hist_edges_default(&t->edges);
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
		if (rc == PTIME_ERANGE)
			snprintf(msg, msz, "field '%s': time '%.*s' %s",
				 b->field, (int)(n > 60 ? 60 : n), p,
				 ptime_strerror(rc));
		else
			snprintf(msg, msz,
				 "field '%s': cannot parse time '%.*s'",
				 b->field, (int)(n > 60 ? 60 : n), p);
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
				jkey_canon(e, out, &t->scratch);
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
		jkey_canon(v, out, &t->scratch);
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

int tally_add(struct tally *t, const struct rec *r, char *msg, size_t msz)
{
	size_t i, j;
	int st;

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
		count_into(t, hmap_put(&t->groups, t->key.p ? t->key.p : "",
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

static void emit_group(struct tally *t, struct cli *c, size_t idx)
{
	const struct hmap_entry *e = hmap_entry_at(&t->groups, idx);
	char *g = hmap_val_at(&t->groups, idx);
	struct buf *o = cli_out(c);
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
	cli_commit(c);
}

void tally_emit(struct tally *t, struct cli *c)
{
	size_t i, n = hmap_len(&t->groups);
	struct jkey_order *ord;

	/* no --by and no records: still one total, of zero */
	if (n == 0 && t->nby == 0) {
		hmap_put(&t->groups, "", 0, NULL);
		n = 1;
	}
	if (t->sort == JKEY_SORT_FIRST) {
		for (i = 0; i < n; i++)
			emit_group(t, c, i);
		return;
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
	for (i = 0; i < n; i++)
		emit_group(t, c, ord[i].idx);
	free(ord);
}

void tally_release(struct tally *t)
{
	size_t i;

	for (i = 0; i < t->nby; i++) {
		free(t->by[i].spec);
		free(t->by[i].field);
		if (t->vals)
			buf_release(&t->vals[i]);
		if (t->offs)
			free(t->offs[i]);
	}
	free(t->by);
	free(t->sum);
	free(t->hist);
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
}
