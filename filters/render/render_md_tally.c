/*
 * render_md_tally.c - pulse-tally's count and histogram records as the
 * tables at the end of the Markdown report; see render_md.h.
 */
#include "render_md.h"

#include <stdlib.h>

#include "hmap.h"

/* A key value as a cell: strings decoded, null as a dash, others raw. */
static void key_cell(struct md *m, struct json_span v, struct buf *scratch)
{
	const char *p;
	size_t n;

	if (v.type == JSON_STRING) {
		json_str_view(v, scratch, &p, &n);
		render_util_md_cell(m->out, p, n, RENDER_MD_SUBJECT_CHARS);
	} else if (v.type == JSON_NULL || v.type == JSON_NONE) {
		buf_adds(m->out, "—");
	} else {
		render_util_md_cell(m->out, v.p, v.n, RENDER_MD_SUBJECT_CHARS);
	}
}

/* "category, week(created)" from the by array. */
static void by_title(struct md *m, struct json_span by, struct buf *scratch)
{
	struct json_iter it;
	struct json_span e;
	int first = 1;

	if (by.type == JSON_ARRAY && json_iter_init(&it, by) == 0) {
		while (json_iter_next(&it, NULL, &e)) {
			if (!first)
				buf_adds(m->out, ", ");
			first = 0;
			key_cell(m, e, scratch);
		}
	}
	if (first)
		buf_adds(m->out, m->w->total);
}

/*
 * One table: the count records first .. chained by next[] (all with the
 * same "by"), in input order; the columns come from the first.
 */
static void count_table(struct md *m, size_t first, const size_t *next,
			struct buf *scratch)
{
	const struct render_report *r = m->r;
	struct rec r0 = REC_INIT, rr = REC_INIT;
	struct json_span by, e, k, sum;
	struct json_iter it, is;
	struct json_error err;
	size_t i;

	rec_parse(&r0, sref_p(r, r->aggs[first]), r->aggs[first].len, &err);
	by = rec_get(&r0, "by");
	sum = rec_get(&r0, "sum");
	buf_adds(m->out, "### ");
	by_title(m, by, scratch);
	buf_adds(m->out, "\n\n|");
	if (json_iter_init(&it, by) == 0)
		while (json_iter_next(&it, NULL, &e)) {
			buf_addc(m->out, ' ');
			key_cell(m, e, scratch);
			buf_adds(m->out, " |");
		}
	buf_addf(m->out, " %s |", m->w->count);
	if (sum.type == JSON_OBJECT && json_iter_init(&is, sum) == 0)
		while (json_iter_next(&is, &k, &e)) {
			buf_adds(m->out, " sum(");
			key_cell(m, k, scratch);
			buf_adds(m->out, ") |");
		}
	buf_adds(m->out, "\n|");
	if (json_iter_init(&it, by) == 0)
		while (json_iter_next(&it, NULL, &e))
			buf_adds(m->out, "---|");
	buf_adds(m->out, "--:|");
	if (sum.type == JSON_OBJECT && json_iter_init(&is, sum) == 0)
		while (json_iter_next(&is, &k, &e))
			buf_adds(m->out, "--:|");
	buf_addc(m->out, '\n');
	for (i = first; i != SIZE_MAX; i = next[i]) {
		struct json_span key, s;

		if (rec_parse(&rr, sref_p(r, r->aggs[i]), r->aggs[i].len,
			      &err) < 0)
			continue;
		key = rec_get(&rr, "key");
		buf_addc(m->out, '|');
		if (json_iter_init(&it, key) == 0)
			while (json_iter_next(&it, NULL, &e)) {
				buf_addc(m->out, ' ');
				key_cell(m, e, scratch);
				buf_adds(m->out, " |");
			}
		buf_addc(m->out, ' ');
		key_cell(m, rec_get(&rr, "count"), scratch);
		buf_adds(m->out, " |");
		s = rec_get(&rr, "sum");
		/* the first record's sum fields, looked up in this one */
		if (sum.type == JSON_OBJECT && json_iter_init(&is, sum) == 0)
			while (json_iter_next(&is, &k, &e)) {
				struct json_span sv = {NULL, 0, JSON_NONE, 0};
				struct json_span k2, v2;
				struct json_iter j2;
				const char *kp;
				size_t kn;

				json_str_view(k, scratch, &kp, &kn);
				if (s.type == JSON_OBJECT &&
				    json_iter_init(&j2, s) == 0)
					while (json_iter_next(&j2, &k2, &v2))
						if (json_str_eq(k2, kp, kn))
							sv = v2;
				buf_addc(m->out, ' ');
				key_cell(m, sv, scratch);
				buf_adds(m->out, " |");
			}
		buf_addc(m->out, '\n');
	}
	buf_addc(m->out, '\n');
	rec_release(&r0);
	rec_release(&rr);
}

static void hist_table(struct md *m, const struct rec *h, struct buf *scratch)
{
	struct json_span by = rec_get(h, "by"), key = rec_get(h, "key");
	struct json_span edges = rec_get(h, "edges"),
			 counts = rec_get(h, "counts");
	struct json_span e, prev = {NULL, 0, JSON_NONE, 0}, c;
	struct json_iter ib, ik, ie, ic;
	int first = 1;

	buf_addf(m->out, "### %s: ", m->w->hist_h3);
	key_cell(m, rec_get(h, "field"), scratch);
	if (by.type == JSON_ARRAY && key.type == JSON_ARRAY &&
	    json_iter_init(&ib, by) == 0 && json_iter_init(&ik, key) == 0) {
		struct json_span bv, kv;

		while (json_iter_next(&ib, NULL, &bv) &&
		       json_iter_next(&ik, NULL, &kv)) {
			buf_adds(m->out, first ? " (" : ", ");
			first = 0;
			key_cell(m, bv, scratch);
			buf_adds(m->out, " = ");
			key_cell(m, kv, scratch);
		}
		if (!first)
			buf_addc(m->out, ')');
	}
	buf_adds(m->out, "\n\n");
	render_md_table_head2(m, m->w->bucket, m->w->count);
	if (json_iter_init(&ie, edges) < 0 || json_iter_init(&ic, counts) < 0) {
		buf_addc(m->out, '\n');
		return;
	}
	while (json_iter_next(&ic, NULL, &c)) {
		int more = json_iter_next(&ie, NULL, &e);

		buf_adds(m->out, "| ");
		if (prev.type == JSON_NONE && more) {
			buf_adds(m->out, "< ");
			buf_add(m->out, e.p, e.n);
		} else if (more) {
			buf_add(m->out, prev.p, prev.n);
			buf_adds(m->out, " – ");
			buf_add(m->out, e.p, e.n);
		} else if (prev.type != JSON_NONE) {
			buf_adds(m->out, "≥ ");
			buf_add(m->out, prev.p, prev.n);
		}
		buf_adds(m->out, " | ");
		key_cell(m, c, scratch);
		buf_adds(m->out, " |\n");
		if (more)
			prev = e;
		else
			prev.type = JSON_NULL; /* past the last edge */
	}
	buf_adds(m->out, "| null | ");
	key_cell(m, rec_get(h, "null"), scratch);
	buf_adds(m->out, " |\n\n");
}

void render_md_tally(struct md *m)
{
	const struct render_report *r = m->r;
	struct rec a = REC_INIT;
	struct buf scratch = BUF_INIT;
	struct json_error err;
	struct hmap tables; /* by bytes -> {first, last} */
	size_t *next, i, *fl;
	int isnew;

	if (!r->naggs)
		return;
	buf_addf(m->out, "## %s\n\n", m->w->tallies_h2);
	hmap_init(&tables, 2 * sizeof(size_t));
	next = xmalloc(r->naggs * sizeof *next);
	for (i = 0; i < r->naggs; i++) {
		struct json_span by;

		next[i] = SIZE_MAX;
		if (rec_parse(&a, sref_p(r, r->aggs[i]), r->aggs[i].len, &err) <
			    0 ||
		    !json_str_eq(rec_get(&a, "kind"), "count", 5))
			continue;
		by = rec_get(&a, "by");
		fl = hmap_put(&tables, by.p ? by.p : "", by.n, &isnew);
		if (isnew)
			fl[0] = i;
		else
			next[fl[1]] = i;
		fl[1] = i;
	}
	for (i = 0; i < hmap_len(&tables); i++)
		count_table(m, ((size_t *)hmap_val_at(&tables, i))[0], next,
			    &scratch);
	for (i = 0; i < r->naggs; i++)
		if (rec_parse(&a, sref_p(r, r->aggs[i]), r->aggs[i].len,
			      &err) == 0 &&
		    json_str_eq(rec_get(&a, "kind"), "histogram", 9))
			hist_table(m, &a, &scratch);
	render_md_hr(m);
	free(next);
	hmap_release(&tables);
	rec_release(&a);
	buf_release(&scratch);
}
