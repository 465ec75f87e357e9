/*
 * fsum_write.c - the funnel tables written from their sums; see fsum.h.
 *
 * Each table is a description (struct table): its columns, its rows in
 * order, and the view of a row (struct fsum_view) the columns read.  One
 * loop (fsum_write()) writes every table, each row through
 * fsum_write_row() (fsum_row.c).
 */
#include "fsum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

/* What the tables share while they are written. */
struct wctx {
	struct fsum *s;
	int partial;
	uint32_t *grank;  /* place of each group in the output */
	uint32_t *prank;  /* place of each pipeline */
	uint32_t *prev;	  /* each stage's previous P/S stage, FSUM_NONE */
	uint32_t *mrank;  /* each manager row's place in its group */
	uint32_t *mfirst; /* partial managers: days[mfirst[r] .. mfirst[r+1]) */
	int64_t *mdays;	  /* of row r, ascending */
	uint32_t *srow;	  /* stages: group, pipeline, stage of each row */
	uint64_t rank;	  /* top_sources: the rank of the row before */
	int64_t first;	  /* the period's first month */
};

/* ---- orders -------------------------------------------------------------- */

static int u64_desc(uint64_t a, uint64_t b)
{
	return (a < b) - (a > b);
}

static int u32_asc(uint32_t a, uint32_t b)
{
	return (a > b) - (a < b);
}

static int i64_asc(int64_t a, int64_t b)
{
	return (a > b) - (a < b);
}

typedef int (*wcmp_fn)(const struct wctx *w, uint32_t a, uint32_t b);

/* A merge sort of indices: stable, and qsort() has no context. */
static void isort(const struct wctx *w, wcmp_fn cmp, uint32_t *v, uint32_t *tmp,
		  size_t n)
{
	size_t h, i, j, k;

	if (n < 2)
		return;
	h = n / 2;
	isort(w, cmp, v, tmp, h);
	isort(w, cmp, v + h, tmp, n - h);
	for (i = 0, j = h, k = 0; i < h || j < n;)
		if (j >= n || (i < h && cmp(w, v[i], v[j]) <= 0))
			tmp[k++] = v[i++];
		else
			tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

/* The indices 0..n-1 sorted by cmp.  The caller frees. */
static uint32_t *sorted(const struct wctx *w, wcmp_fn cmp, size_t n)
{
	uint32_t *v = xcalloc(n + 1, sizeof *v), *tmp;
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = (uint32_t)i;
	tmp = xcalloc(n + 1, sizeof *tmp);
	isort(w, cmp, v, tmp, n);
	free(tmp);
	return v;
}

/* The place of each of 0..n-1 in the order of cmp.  The caller frees. */
static uint32_t *ranks(const struct wctx *w, wcmp_fn cmp, size_t n)
{
	uint32_t *order = sorted(w, cmp, n), *rank;
	size_t i;

	rank = xcalloc(n + 1, sizeof *rank);
	for (i = 0; i < n; i++)
		rank[order[i]] = (uint32_t)i;
	free(order);
	return rank;
}

static const uint32_t *key_of(const struct hmap *m, uint32_t i)
{
	return (const uint32_t *)(const void *)hmap_entry_at(m, i)->key;
}

static const struct fsum_tkey *tkey_of(const struct hmap *m, uint32_t i)
{
	return (const struct fsum_tkey *)(const void *)hmap_entry_at(m, i)->key;
}

static const struct fsum_row *row_at(const struct hmap *m, uint32_t i)
{
	return hmap_val_at(m, i);
}

static uint32_t stage_pos(const struct wctx *w, uint32_t st)
{
	return st == FSUM_NONE ? UINT32_MAX : w->s->stage[st].pos;
}

/* Groups by name, then value, null last. */
static int group_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const uint32_t *x = key_of(&w->s->groups, a);
	const uint32_t *y = key_of(&w->s->groups, b);
	int c;

	if (x[0] != y[0] && (c = fsum_strcmp(w->s, x[0], y[0])))
		return c;
	if (x[1] == y[1])
		return 0;
	if (x[1] == FSUM_NONE || y[1] == FSUM_NONE) /* null last */
		return x[1] == FSUM_NONE ? 1 : -1;
	return fsum_strcmp(w->s, x[1], y[1]);
}

/* Leads first, then deals by category (none first). */
static int pipe_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct fsum_pipe *x = &w->s->pipe[a], *y = &w->s->pipe[b];

	if (x->kind != y->kind)
		return x->kind == 'L' ? -1 : 1;
	return fsum_strcmp(w->s, x->cat, y->cat);
}

static int stage_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct fsum_stage *x = &w->s->stage[a], *y = &w->s->stage[b];

	if (x->pipe != y->pipe)
		return u32_asc(w->prank[x->pipe], w->prank[y->pipe]);
	return u32_asc(x->pos, y->pos);
}

/* Each stage's previous P/S stage in its pipeline's order. */
static uint32_t *prev_stages(const struct wctx *w)
{
	const struct fsum *s = w->s;
	uint32_t *order = sorted(w, stage_cmp, s->nstage);
	uint32_t *prev = xcalloc(s->nstage + 1, sizeof *prev), last = FSUM_NONE;
	size_t i;

	for (i = 0; i < s->nstage; i++) {
		uint32_t st = order[i];

		if (i == 0 || s->stage[order[i - 1]].pipe != s->stage[st].pipe)
			last = FSUM_NONE;
		prev[st] = FSUM_NONE;
		if (s->stage[st].sem == 'F')
			continue;
		prev[st] = last;
		last = st;
	}
	free(order);
	return prev;
}

/* ---- the tables ---------------------------------------------------------- */

/*
 * A table: its columns; its rows, in order (*rows for the caller to
 * free, @return how many); and the view of the i-th (@return 0 to skip
 * it).
 */
struct table {
	const char *name;
	const struct fsum_col *cols;
	size_t ncols;
	size_t (*rows)(struct wctx *w, uint32_t **rows);
	int (*view)(struct wctx *w, const uint32_t *rows, size_t i,
		    struct fsum_view *v);
};

/* When a column is written: final rows, partial rows, both. */
#define FIN FSUM_FINAL
#define PAR FSUM_PARTIAL
#define ALL FSUM_BOTH
#define COLS(c) c, sizeof c / sizeof c[0]

/* The entity and category of pipeline p into v->kind, v->str[0]. */
static void view_pipe(const struct wctx *w, uint32_t p, struct fsum_view *v)
{
	v->kind = w->s->pipe[p].kind;
	v->str[0] = w->s->pipe[p].cat;
}

/* Stage st's name into v->str[i], its position into v->u[i] (null: none). */
static void view_stage(const struct wctx *w, uint32_t st, int i,
		       struct fsum_view *v)
{
	if (st == FSUM_NONE) {
		v->str[i] = FSUM_NONE;
		v->null |= 1u << i;
		return;
	}
	v->str[i] = w->s->stage[st].name;
	v->u[i] = w->s->stage[st].pos;
}

/* stages: per group, per pipeline with records, every stage of its order,
 * reached or not, then "(no stage)". */
static const struct fsum_col stages_cols[] = {
	{"entity", FSUM_C_KIND, ALL, 0, 0, NULL},
	{"category", FSUM_C_STR, ALL, 0, 0, NULL},
	{"stage", FSUM_C_STR, ALL, 1, 0, "(no stage)"},
	{"semantic", FSUM_C_SEM, ALL, 0, 0, NULL},
	{"position", FSUM_C_U64, ALL, 0, 0, NULL},
	{"reached", FSUM_C_U64, ALL, 1, 0, NULL},
	{"total", FSUM_C_U64, ALL, 2, 0, NULL},
	{"share", FSUM_C_RATIO, FIN, 1, 2, NULL},
	{"from_previous", FSUM_C_U64N, ALL, 3, 0, NULL},
	{"conversion", FSUM_C_RATION, FIN, 3, 4, NULL},
};

static size_t stages_rows(struct wctx *w, uint32_t **rows)
{
	const struct fsum *s = w->s;
	size_t ng = hmap_len(&s->groups), n = 0, cap = 0, gi, pi, si, s0, i;
	uint32_t *groups = sorted(w, group_cmp, ng);
	uint32_t *pipes = sorted(w, pipe_cmp, s->npipe);
	uint32_t *stages = sorted(w, stage_cmp, s->nstage);

	for (gi = 0; gi < ng; gi++) {
		for (pi = 0, si = 0; pi < s->npipe; pi++) {
			uint32_t k[2] = {groups[gi], pipes[pi]};
			const struct fsum_pipesum *t;

			/* stages[s0 .. si): the pipeline's, in order */
			for (s0 = si; si < s->nstage &&
				      s->stage[stages[si]].pipe == pipes[pi];
			     si++)
				;
			t = hmap_get(&s->totals, k, sizeof k);
			if (!t || !t->total)
				continue;
			for (; s0 <= si; s0++) {
				if (n == cap) {
					cap = cap ? 2 * cap : 64;
					w->srow = xrealloc(
						w->srow,
						3 * cap * sizeof *w->srow);
				}
				w->srow[3 * n] = k[0];
				w->srow[3 * n + 1] = k[1];
				w->srow[3 * n + 2] =
					s0 < si ? stages[s0] : FSUM_NONE;
				n++;
			}
		}
	}
	free(groups);
	free(pipes);
	free(stages);
	*rows = xcalloc(n + 1, sizeof **rows);
	for (i = 0; i < n; i++)
		(*rows)[i] = (uint32_t)i;
	return n;
}

static int stages_view(struct wctx *w, const uint32_t *rows, size_t i,
		       struct fsum_view *v)
{
	const struct fsum *s = w->s;
	const uint32_t *r = &w->srow[3 * rows[i]];
	uint32_t tk[2] = {r[0], r[1]}, st = r[2], prev, k[2];
	const struct fsum_pipesum *tot = hmap_get(&s->totals, tk, sizeof tk);
	const struct fsum_reach *re = NULL, *pre = NULL;

	v->group = r[0];
	view_pipe(w, r[1], v);
	v->str[1] = FSUM_NONE;
	v->u[1] = tot->nostage;
	v->u[2] = tot->total;
	v->null = 1u << 3; /* from_previous */
	if (st == FSUM_NONE)
		return 1;
	k[0] = r[0];
	k[1] = st;
	re = hmap_get(&s->reached, k, sizeof k);
	v->str[1] = s->stage[st].name;
	v->sem = s->stage[st].sem;
	v->u[0] = s->stage[st].pos;
	v->u[1] = re ? re->reached : 0;
	prev = w->prev[st];
	if (prev == FSUM_NONE)
		return 1;
	k[1] = prev;
	pre = hmap_get(&s->reached, k, sizeof k);
	v->null = 0;
	v->u[3] = re ? re->fromprev : 0;
	v->u[4] = pre ? pre->reached : 0;
	return 1;
}

/* dropoff: by count descending, then pipeline, the stages, the reason. */
static const struct fsum_col dropoff_cols[] = {
	{"entity", FSUM_C_KIND, ALL, 0, 0, NULL},
	{"category", FSUM_C_STR, ALL, 0, 0, NULL},
	{"stage", FSUM_C_STR, ALL, 1, 0, NULL},
	{"stage_position", FSUM_C_U64N, PAR, 1, 0, NULL},
	{"lost_stage", FSUM_C_STR, ALL, 2, 0, "(unknown)"},
	{"lost_position", FSUM_C_U64N, PAR, 2, 0, NULL},
	{"loss_reason", FSUM_C_STR, ALL, 3, 0, NULL},
	{"count", FSUM_C_U64, ALL, 0, 0, NULL},
};

static int drop_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->drops;
	const uint32_t *x = key_of(m, a), *y = key_of(m, b);
	int c, i;

	if ((c = u32_asc(w->grank[x[0]], w->grank[y[0]])))
		return c;
	if ((c = u64_desc(*(uint64_t *)hmap_val_at(m, a),
			  *(uint64_t *)hmap_val_at(m, b))))
		return c;
	if ((c = u32_asc(w->prank[x[1]], w->prank[y[1]])))
		return c;
	for (i = 2; i < 4; i++)
		if ((c = u32_asc(stage_pos(w, x[i]), stage_pos(w, y[i]))))
			return c;
	return fsum_strcmp(w->s, x[4], y[4]);
}

static size_t dropoff_rows(struct wctx *w, uint32_t **rows)
{
	size_t n = hmap_len(&w->s->drops);

	*rows = sorted(w, drop_cmp, n);
	return n;
}

static int dropoff_view(struct wctx *w, const uint32_t *rows, size_t i,
			struct fsum_view *v)
{
	const struct hmap *m = &w->s->drops;
	const uint32_t *k = key_of(m, rows[i]);

	v->group = k[0];
	view_pipe(w, k[1], v);
	view_stage(w, k[2], 1, v);
	view_stage(w, k[3], 2, v);
	v->str[3] = k[4];
	v->u[0] = *(uint64_t *)hmap_val_at(m, rows[i]);
	return 1;
}

/* sources: by leads descending, then source, campaign. */
static const struct fsum_col sources_cols[] = {
	{"source", FSUM_C_STR, ALL, 0, 0, NULL},
	{"utm_campaign", FSUM_C_STR, ALL, 1, 0, NULL},
	{"leads", FSUM_C_U64, ALL, 0, 0, NULL},
	{"qualified", FSUM_C_U64, ALL, 1, 0, NULL},
	{"won", FSUM_C_U64, ALL, 2, 0, NULL},
	{"revenue", FSUM_C_MONEY, ALL, 0, 0, NULL},
	{"revenue_per_lead", FSUM_C_MONEY_PER, FIN, 0, 0, NULL},
};

static int src_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->srcs;
	const uint32_t *x = key_of(m, a), *y = key_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x[0]], w->grank[y[0]])))
		return c;
	if ((c = u64_desc(row_at(m, a)->leads, row_at(m, b)->leads)))
		return c;
	if ((c = fsum_strcmp(w->s, x[1], y[1])))
		return c;
	return fsum_strcmp(w->s, x[2], y[2]);
}

static size_t sources_rows(struct wctx *w, uint32_t **rows)
{
	size_t n = hmap_len(&w->s->srcs);

	*rows = sorted(w, src_cmp, n);
	return n;
}

/* The counts and money of a row into v->u[0..3), v->cash. */
static void view_row(const struct fsum_row *r, struct fsum_view *v)
{
	v->u[0] = r->leads;
	v->u[1] = r->qualified;
	v->u[2] = r->won;
	v->cash = r->cash;
}

static int sources_view(struct wctx *w, const uint32_t *rows, size_t i,
			struct fsum_view *v)
{
	const struct hmap *m = &w->s->srcs;
	const uint32_t *k = key_of(m, rows[i]);

	v->group = k[0];
	v->str[0] = k[1];
	v->str[1] = k[2];
	view_row(row_at(m, rows[i]), v);
	return 1;
}

/* top_sources: per month, the 5 sources with the most leads. */
static const struct fsum_col top_cols[] = {
	{"month", FSUM_C_MONTH, ALL, 0, 0, NULL},
	{"rank", FSUM_C_U64, FIN, 2, 0, NULL},
	{"source", FSUM_C_STR, ALL, 0, 0, NULL},
	{"leads", FSUM_C_U64, ALL, 0, 0, NULL},
	{"previous", FSUM_C_U64N, FIN, 1, 0, NULL},
	{"change", FSUM_C_DIFF, FIN, 0, 1, NULL},
	{"change_share", FSUM_C_CHANGE, FIN, 0, 1, NULL},
	{"first_month", FSUM_C_MONTH, PAR, 1, 0, NULL},
};

static int top_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->tops;
	const struct fsum_tkey *x = tkey_of(m, a), *y = tkey_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x->g], w->grank[y->g])))
		return c;
	if ((c = i64_asc(x->t, y->t)))
		return c;
	if ((c = u64_desc(*(uint64_t *)hmap_val_at(m, a),
			  *(uint64_t *)hmap_val_at(m, b))))
		return c;
	return fsum_strcmp(w->s, x->id, y->id);
}

static size_t top_rows(struct wctx *w, uint32_t **rows)
{
	size_t n = hmap_len(&w->s->tops);

	*rows = sorted(w, top_cmp, n);
	return n;
}

static int top_view(struct wctx *w, const uint32_t *rows, size_t i,
		    struct fsum_view *v)
{
	const struct hmap *m = &w->s->tops;
	const struct fsum_tkey *k = tkey_of(m, rows[i]), *pk;
	struct fsum_tkey prevk = {k->g, k->id, k->t - 1};
	const uint64_t *pv;

	/* rows come in order: the rank counts those of the group and month */
	pk = i ? tkey_of(m, rows[i - 1]) : NULL;
	w->rank = pk && pk->g == k->g && pk->t == k->t ? w->rank + 1 : 1;
	if (!w->partial && w->rank > 5)
		return 0;
	v->group = k->g;
	v->t[0] = k->t;
	v->str[0] = k->id;
	v->u[0] = *(uint64_t *)hmap_val_at(m, rows[i]);
	v->t[1] = w->first;
	if (k->t <= w->first) { /* the month before the period: unknown */
		v->null = 1u << 1;
	} else {
		pv = hmap_get(m, &prevk, sizeof prevk);
		v->u[1] = pv ? *pv : 0;
	}
	v->u[2] = w->rank;
	return 1;
}

/* dynamics: months, then quarters, in time order. */
static const struct fsum_col dynamics_cols[] = {
	{"period", FSUM_C_PERIOD, ALL, 0, 0, NULL},
	{"period_type", FSUM_C_PTYPE, ALL, 0, 0, NULL},
	{"leads", FSUM_C_U64, ALL, 0, 0, NULL},
	{"qualified", FSUM_C_U64, ALL, 1, 0, NULL},
	{"won", FSUM_C_U64, ALL, 2, 0, NULL},
	{"revenue", FSUM_C_MONEY, ALL, 0, 0, NULL},
};

static int dyn_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->dyns;
	const struct fsum_tkey *x = tkey_of(m, a), *y = tkey_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x->g], w->grank[y->g])))
		return c;
	if ((c = u32_asc(x->id, y->id))) /* months, then quarters */
		return c;
	return i64_asc(x->t, y->t);
}

static size_t dynamics_rows(struct wctx *w, uint32_t **rows)
{
	size_t n = hmap_len(&w->s->dyns);

	*rows = sorted(w, dyn_cmp, n);
	return n;
}

static int dynamics_view(struct wctx *w, const uint32_t *rows, size_t i,
			 struct fsum_view *v)
{
	const struct hmap *m = &w->s->dyns;
	const struct fsum_tkey *k = tkey_of(m, rows[i]);

	v->group = k->g;
	v->t[0] = k->t;
	v->quarter = (int)k->id;
	view_row(row_at(m, rows[i]), v);
	return 1;
}

/* managers: by leads descending, then won descending, then name. */
static const struct fsum_col managers_cols[] = {
	{"manager", FSUM_C_STR, ALL, 0, 0, NULL},
	{"leads", FSUM_C_U64, ALL, 0, 0, NULL},
	{"lead_days", FSUM_C_DAYS, PAR, 0, 0, NULL},
	{"share", FSUM_C_RATIO, FIN, 0, 3, NULL},
	{"days_with_leads", FSUM_C_U64, FIN, 4, 0, NULL},
	{"mean_per_day", FSUM_C_RATIO, FIN, 0, 4, NULL},
	{"won", FSUM_C_U64, ALL, 2, 0, NULL},
	{"revenue", FSUM_C_MONEY, ALL, 0, 0, NULL},
	{"won_with_amount", FSUM_C_MONEY_N, PAR, 0, 0, NULL},
	{"average_check", FSUM_C_MONEY_AVG, FIN, 0, 0, NULL},
};

static int mgr_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->mgrs;
	const uint32_t *x = key_of(m, a), *y = key_of(m, b);
	const struct fsum_row *ra = row_at(m, a), *rb = row_at(m, b);
	int c;

	if ((c = u32_asc(w->grank[x[0]], w->grank[y[0]])))
		return c;
	if ((c = u64_desc(ra->leads, rb->leads)))
		return c;
	if ((c = u64_desc(ra->won, rb->won)))
		return c;
	return fsum_strcmp(w->s, x[1], y[1]);
}

static int i64_qcmp(const void *a, const void *b)
{
	return i64_asc(*(const int64_t *)a, *(const int64_t *)b);
}

/*
 * The days of each manager row, for partial rows: w->mdays[w->mfirst[r]
 * .. w->mfirst[r + 1]) sorted.
 */
static void days_of_rows(struct wctx *w)
{
	const struct fsum *s = w->s;
	size_t nr = hmap_len(&s->mgrs), nd = hmap_len(&s->days), i;
	uint32_t *first = xcalloc(nr + 2, sizeof *first), *row, *fill;
	int64_t *days = xcalloc(nd + 1, sizeof *days);

	row = xcalloc(nd + 1, sizeof *row);
	for (i = 0; i < nd; i++) {
		const struct fsum_tkey *k = tkey_of(&s->days, (uint32_t)i);
		uint32_t mk[2] = {k->g, k->id};
		const struct fsum_row *r = hmap_get(&s->mgrs, mk, sizeof mk);

		row[i] = (uint32_t)(r - row_at(&s->mgrs, 0));
		first[row[i] + 1]++;
	}
	for (i = 0; i < nr; i++)
		first[i + 1] += first[i];
	fill = xcalloc(nr + 1, sizeof *fill);
	for (i = 0; i < nd; i++)
		days[first[row[i]] + fill[row[i]]++] =
			tkey_of(&s->days, (uint32_t)i)->t;
	for (i = 0; i < nr; i++)
		qsort(days + first[i], first[i + 1] - first[i], sizeof *days,
		      i64_qcmp);
	free(row);
	free(fill);
	w->mfirst = first;
	w->mdays = days;
}

/* The managers' rows; sets w->mrank (manager_months), and the days. */
static size_t managers_rows(struct wctx *w, uint32_t **rows)
{
	size_t n = hmap_len(&w->s->mgrs), i;

	*rows = sorted(w, mgr_cmp, n);
	w->mrank = xcalloc(n + 1, sizeof *w->mrank);
	for (i = 0; i < n; i++)
		w->mrank[(*rows)[i]] = (uint32_t)i;
	if (w->partial)
		days_of_rows(w);
	return n;
}

static int managers_view(struct wctx *w, const uint32_t *rows, size_t i,
			 struct fsum_view *v)
{
	const struct hmap *m = &w->s->mgrs;
	const uint32_t *k = key_of(m, rows[i]);
	const struct fsum_row *r = row_at(m, rows[i]);

	v->group = k[0];
	v->str[0] = k[1];
	view_row(r, v);
	v->u[3] = w->s->gleads[k[0]];
	v->u[4] = r->days;
	if (w->mdays) {
		v->days = w->mdays + w->mfirst[rows[i]];
		v->ndays = w->mfirst[rows[i] + 1] - w->mfirst[rows[i]];
	}
	return 1;
}

/* manager_months: managers as in managers (their ranks), then months. */
static const struct fsum_col mmonths_cols[] = {
	{"manager", FSUM_C_STR, ALL, 0, 0, NULL},
	{"month", FSUM_C_MONTH, ALL, 0, 0, NULL},
	{"leads", FSUM_C_U64, ALL, 0, 0, NULL},
	{"won", FSUM_C_U64, ALL, 2, 0, NULL},
	{"revenue", FSUM_C_MONEY, ALL, 0, 0, NULL},
	{"won_with_amount", FSUM_C_MONEY_N, PAR, 0, 0, NULL},
	{"average_check", FSUM_C_MONEY_AVG, FIN, 0, 0, NULL},
};

static uint32_t mm_rank(const struct wctx *w, const struct fsum_tkey *k)
{
	uint32_t mk[2] = {k->g, k->id};
	const struct fsum_row *r = hmap_get(&w->s->mgrs, mk, sizeof mk);

	return r ? w->mrank[r - row_at(&w->s->mgrs, 0)] : UINT32_MAX;
}

static int mm_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->mmonths;
	const struct fsum_tkey *x = tkey_of(m, a), *y = tkey_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x->g], w->grank[y->g])))
		return c;
	if ((c = u32_asc(mm_rank(w, x), mm_rank(w, y))))
		return c;
	return i64_asc(x->t, y->t);
}

static size_t mmonths_rows(struct wctx *w, uint32_t **rows)
{
	size_t n = hmap_len(&w->s->mmonths);

	*rows = sorted(w, mm_cmp, n);
	return n;
}

static int mmonths_view(struct wctx *w, const uint32_t *rows, size_t i,
			struct fsum_view *v)
{
	const struct hmap *m = &w->s->mmonths;
	const struct fsum_tkey *k = tkey_of(m, rows[i]);

	v->group = k->g;
	v->str[0] = k->id;
	v->t[0] = k->t;
	view_row(row_at(m, rows[i]), v);
	return 1;
}

/* age: per pipeline, in stage order. */
static const struct fsum_col age_cols[] = {
	{"entity", FSUM_C_KIND, ALL, 0, 0, NULL},
	{"category", FSUM_C_STR, ALL, 0, 0, NULL},
	{"stage", FSUM_C_STR, ALL, 1, 0, NULL},
	{"position", FSUM_C_U64N, PAR, 1, 0, NULL},
	{"open", FSUM_C_U64, ALL, 2, 0, NULL},
	{"days_sum", FSUM_C_U64, ALL, 3, 0, NULL},
	{"days_max", FSUM_C_U64, ALL, 4, 0, NULL},
	{"days_mean", FSUM_C_RATIO, FIN, 3, 2, NULL},
};

static int age_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->ages;
	const uint32_t *x = key_of(m, a), *y = key_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x[0]], w->grank[y[0]])))
		return c;
	if ((c = u32_asc(w->prank[x[1]], w->prank[y[1]])))
		return c;
	return u32_asc(stage_pos(w, x[2]), stage_pos(w, y[2]));
}

static size_t age_rows(struct wctx *w, uint32_t **rows)
{
	size_t n = hmap_len(&w->s->ages);

	*rows = sorted(w, age_cmp, n);
	return n;
}

static int age_view(struct wctx *w, const uint32_t *rows, size_t i,
		    struct fsum_view *v)
{
	const struct hmap *m = &w->s->ages;
	const uint32_t *k = key_of(m, rows[i]);
	const struct fsum_agesum *a = hmap_val_at(m, rows[i]);

	v->group = k[0];
	view_pipe(w, k[1], v);
	view_stage(w, k[2], 1, v);
	v->u[2] = a->open;
	v->u[3] = a->sum;
	v->u[4] = a->max;
	return 1;
}

/* stale: longest first, then leads before deals, then by id. */
static const struct fsum_col stale_cols[] = {
	{"entity", FSUM_C_KIND, ALL, 0, 0, NULL},
	{"id", FSUM_C_STR, ALL, 0, 0, NULL},
	{"title", FSUM_C_STR, ALL, 1, 0, NULL},
	{"manager", FSUM_C_STR, ALL, 2, 0, NULL},
	{"source", FSUM_C_STR, ALL, 3, 0, NULL},
	{"stage", FSUM_C_STR, ALL, 4, 0, NULL},
	{"since", FSUM_C_STR, ALL, 5, 0, NULL},
	{"days", FSUM_C_U64, ALL, 0, 0, NULL},
	{"created", FSUM_C_STR, ALL, 6, 0, NULL},
};

static int stale_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct fsum_stale *x = &w->s->stale[a], *y = &w->s->stale[b];
	const char *pa, *pb;
	size_t na, nb;
	int c;

	if ((c = u32_asc(w->grank[x->group], w->grank[y->group])))
		return c;
	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind == 'L' ? -1 : 1;
	pa = fsum_strp(w->s, x->id, &na);
	pb = fsum_strp(w->s, y->id, &nb);
	if (na != nb) /* numeric ids: shorter is smaller */
		return na < nb ? -1 : 1;
	return memcmp(pa, pb, na);
}

static size_t stale_rows(struct wctx *w, uint32_t **rows)
{
	*rows = sorted(w, stale_cmp, w->s->nstale);
	return w->s->nstale;
}

static int stale_view(struct wctx *w, const uint32_t *rows, size_t i,
		      struct fsum_view *v)
{
	const struct fsum_stale *r = &w->s->stale[rows[i]];

	v->group = r->group;
	v->kind = r->kind;
	v->str[0] = r->id;
	v->str[1] = r->title;
	v->str[2] = r->manager;
	v->str[3] = r->source;
	v->str[4] = r->stage;
	v->str[5] = r->since;
	v->str[6] = r->created;
	v->u[0] = (uint64_t)r->days;
	return 1;
}

/* In the order they are written (schemas/funnel.schema.json). */
static const struct table tables[] = {
	{"stages", COLS(stages_cols), stages_rows, stages_view},
	{"dropoff", COLS(dropoff_cols), dropoff_rows, dropoff_view},
	{"sources", COLS(sources_cols), sources_rows, sources_view},
	{"top_sources", COLS(top_cols), top_rows, top_view},
	{"dynamics", COLS(dynamics_cols), dynamics_rows, dynamics_view},
	{"managers", COLS(managers_cols), managers_rows, managers_view},
	{"manager_months", COLS(mmonths_cols), mmonths_rows, mmonths_view},
	{"age", COLS(age_cols), age_rows, age_view},
	{"stale", COLS(stale_cols), stale_rows, stale_view},
};

/* The period's first month: the one set, else top_sources' first. */
static int64_t first_month(const struct fsum *s)
{
	int64_t first = INT64_MAX;
	size_t i;

	if (s->has_first)
		return s->first_month;
	for (i = 0; i < hmap_len(&s->tops); i++)
		if (tkey_of(&s->tops, (uint32_t)i)->t < first)
			first = tkey_of(&s->tops, (uint32_t)i)->t;
	return first;
}

/* ---- the whole output ---------------------------------------------------- */

int fsum_write(struct fsum *s, struct sink *out, int partial, char *msg,
	       size_t msz)
{
	struct wctx w;
	struct fsum_view v;
	uint32_t *rows;
	size_t t, i, n, k;

	if (s->overflow) {
		snprintf(msg, msz,
			 "a count or a sum of money is too large to write");
		return -1;
	}
	memset(&w, 0, sizeof w);
	w.s = s;
	w.partial = partial;
	w.grank = ranks(&w, group_cmp, hmap_len(&s->groups));
	w.prank = ranks(&w, pipe_cmp, s->npipe);
	w.prev = prev_stages(&w);
	w.first = first_month(s);

	for (t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		const struct table *tb = &tables[t];

		n = tb->rows(&w, &rows);
		for (i = 0; i < n; i++) {
			memset(&v, 0, sizeof v);
			for (k = 0; k < sizeof v.str / sizeof v.str[0]; k++)
				v.str[k] = FSUM_NONE;
			v.cash = FSUM_NONE;
			if (!tb->view(&w, rows, i, &v))
				continue;
			fsum_write_row(&out->b, s, tb->name, tb->cols,
				       tb->ncols, &v, partial);
			sink_commit(out);
		}
		free(rows);
	}

	free(w.grank);
	free(w.prank);
	free(w.prev);
	free(w.mrank);
	free(w.mfirst);
	free(w.mdays);
	free(w.srow);
	return 0;
}
