/* funnel_emit.c - the tables of schemas/funnel.schema.json; see funnel.h. */
#include "funnel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

/* Money of one row in one currency. */
struct money {
	num_i128 fx;
	uint64_t n; /* addends with an amount */
	int scale;
};

/* What every table function gets: the records of one --by group. */
struct slice {
	struct funnel *f;
	const uint32_t *ents; /* cohort records with a record, of the group */
	size_t n;
	const char *gj; /* the group as JSON */
	size_t gjn;
	const uint32_t *pipe_rank; /* place of each pipeline in the output */
	const uint32_t *curs; /* the currencies, sorted; FN_NONE for none */
	size_t ncurs;
	struct buf *out;
};

/* ---- small writers ------------------------------------------------------- */

static void head(const struct slice *s, const char *table)
{
	buf_adds(s->out, "{\"kind\":\"funnel\",\"table\":\"");
	buf_adds(s->out, table);
	buf_adds(s->out, "\",\"group\":");
	buf_add(s->out, s->gj, s->gjn);
}

static void key(struct buf *b, const char *k)
{
	buf_addc(b, ',');
	buf_addc(b, '"');
	buf_adds(b, k);
	buf_adds(b, "\":");
}

/* An interned string, or none_text (NULL: JSON null) for FN_NONE. */
static void put_str(struct buf *b, const struct funnel *f, uint32_t i,
		    const char *none_text)
{
	const char *p;
	size_t n;

	if (i == FN_NONE) {
		jw_cstr(b, none_text);
		return;
	}
	p = fn_str(f, i, &n);
	jw_str(b, p, n);
}

static void put_u64(struct buf *b, uint64_t v)
{
	jw_i64(b, (int64_t)v);
}

/* a/den with dec decimals; 0 when den is 0. */
static void put_ratio(struct buf *b, uint64_t a, uint64_t den, int dec)
{
	if (!den)
		den = 1, a = 0;
	fn_ratio(b, a, den, dec);
}

/* Signed a/den, 4 decimals. */
static void put_sratio(struct buf *b, int64_t a, uint64_t den)
{
	if (a < 0)
		buf_addc(b, '-');
	fn_ratio(b, (uint64_t)(a < 0 ? -a : a), den, 4);
}

/*
 * fx (scaled by 1e9) divided by div, rounded half away from zero to scale
 * decimals, as a JSON string.
 */
static void put_money(struct buf *b, num_i128 fx, uint64_t div, int scale)
{
	char tmp[64], *q = tmp + sizeof tmp;
	unsigned __int128 u, d = div ? div : 1;
	int i, neg = fx < 0;

	u = neg ? (unsigned __int128)0 - (unsigned __int128)fx :
		  (unsigned __int128)fx;
	for (i = scale; i < NUM_FX_DIGITS; i++)
		d *= 10;
	u = (u + d / 2) / d;
	if (!u)
		neg = 0;
	*--q = '"';
	for (i = 0; i < scale; i++) {
		*--q = (char)('0' + (int)(u % 10));
		u /= 10;
	}
	if (scale)
		*--q = '.';
	do {
		*--q = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	if (neg)
		*--q = '-';
	*--q = '"';
	buf_add(b, q, (size_t)(tmp + sizeof tmp - q));
}

enum money_mode { M_SUM, M_PER, M_AVG };

/*
 * The money object of row: per currency, the sum (M_SUM), the sum divided
 * by per (M_PER) or by the number of addends (M_AVG), the divisions with at
 * least 2 decimals.
 */
static void put_moneys(const struct slice *s, const struct hmap *m,
		       uint32_t row, enum money_mode mode, uint64_t per)
{
	struct buf *b = s->out;
	size_t i;
	int first = 1;

	buf_addc(b, '{');
	for (i = 0; i < s->ncurs; i++) {
		uint32_t k[2] = {row, s->curs[i]};
		const struct money *v = hmap_get(m, k, sizeof k);
		uint64_t div = mode == M_SUM ? 1 : mode == M_PER ? per : v ? v->n : 0;
		int scale;

		if (!v || !v->n || !div)
			continue;
		scale = v->scale;
		if (mode != M_SUM && scale < 2)
			scale = 2;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		put_str(b, s->f, s->curs[i], "XXX");
		buf_addc(b, ':');
		put_money(b, v->fx, div, scale);
	}
	buf_addc(b, '}');
}

static void money_add(struct hmap *m, uint32_t row, const struct fn_ent *e)
{
	uint32_t k[2] = {row, e->currency};
	struct money *v;

	if (!e->has_amount)
		return;
	v = hmap_put(m, k, sizeof k, NULL);
	v->fx += e->amount;
	v->n++;
	if (e->amount_scale > v->scale)
		v->scale = e->amount_scale;
}

/* A row index in map for key[0..n), counted from 0 as keys come. */
static uint32_t row_of(struct hmap *map, const void *k, size_t n)
{
	int isnew;
	uint32_t *v = hmap_put(map, k, n, &isnew);

	if (isnew)
		*v = (uint32_t)(hmap_len(map) - 1);
	return *v;
}

static int str_cmp(const struct funnel *f, uint32_t a, uint32_t b,
		   const char *none_text)
{
	const char *pa, *pb;
	size_t na, nb, n;
	int c;

	if (a == b)
		return 0;
	if (a == FN_NONE)
		pa = none_text, na = strlen(none_text);
	else
		pa = fn_str(f, a, &na);
	if (b == FN_NONE)
		pb = none_text, nb = strlen(none_text);
	else
		pb = fn_str(f, b, &nb);
	n = na < nb ? na : nb;
	c = memcmp(pa, pb, n);
	return c ? c : (na > nb) - (na < nb);
}

static int64_t month_of(int64_t day, int quarter)
{
	int64_t y;
	unsigned m, d;

	civil_from_days(day, &y, &m, &d);
	return quarter ? y * 4 + (m - 1) / 3 : y * 12 + (m - 1);
}

static void put_month(struct buf *b, int64_t mo, int quarter)
{
	int64_t y = mo / (quarter ? 4 : 12), r = mo % (quarter ? 4 : 12);

	if (r < 0)
		r += quarter ? 4 : 12, y--;
	if (quarter)
		buf_addf(b, "\"%04lld-Q%lld\"", (long long)y, (long long)r + 1);
	else
		buf_addf(b, "\"%04lld-%02lld\"", (long long)y, (long long)r + 1);
}

/* Whether lead e has passed the first stage of its pipeline, not failed. */
static int qualified(const struct funnel *f, const struct fn_ent *e)
{
	const struct fn_pipe *p = &f->pipe[e->pipe];
	size_t j;

	if (e->sem == 'F')
		return 0;
	if (e->sem == 'S')
		return 1;
	if (e->cur != FN_NONE && f->stage[e->cur].sem != 'F' &&
	    e->cur != p->first)
		return 1;
	for (j = 0; j < e->hn; j++) {
		uint32_t s = f->hist[e->h0 + j].stage;

		if (f->stage[s].sem != 'F' && s != f->pipe[f->stage[s].pipe].first)
			return 1;
	}
	return 0;
}

/* Whole days e has lain in its current stage. */
static int64_t days_in_stage(const struct funnel *f, const struct fn_ent *e)
{
	int64_t d = f->as_of - e->since_sec;

	return d < 0 ? 0 : d / 86400;
}

/* ---- stages ------------------------------------------------------------------ */

static void t_stages(const struct slice *s)
{
	struct funnel *f = s->f;
	uint64_t *reached = xcalloc(f->nstage + 1, sizeof *reached);
	uint64_t *fromprev = xcalloc(f->nstage + 1, sizeof *fromprev);
	uint64_t *total = xcalloc(f->npipe + 1, sizeof *total);
	uint64_t *nostage = xcalloc(f->npipe + 1, sizeof *nostage);
	uint32_t *set = NULL, *pipes = NULL;
	size_t cap = 0, i, j, k, n, np, r;
	struct buf *b = s->out;

	for (i = 0; i < s->n; i++) {
		const struct fn_ent *e = &f->ent[s->ents[i]];

		if (!e->hn) {
			total[e->pipe]++;
			nostage[e->pipe]++;
			continue;
		}
		if (e->hn + 1 > cap) {
			cap = e->hn + 1;
			set = xrealloc(set, cap * sizeof *set);
			pipes = xrealloc(pipes, (cap + 1) * sizeof *pipes);
		}
		n = 0;
		for (j = 0; j <= e->hn; j++) {
			uint32_t st = j < e->hn ? f->hist[e->h0 + j].stage : e->cur;

			if (st == FN_NONE)
				continue;
			for (k = 0; k < n && set[k] != st; k++)
				;
			if (k == n)
				set[n++] = st;
		}
		np = 0;
		pipes[np++] = e->pipe;
		for (j = 0; j < n; j++) {
			uint32_t p = f->stage[set[j]].pipe, prev;

			for (k = 0; k < np && pipes[k] != p; k++)
				;
			if (k == np)
				pipes[np++] = p;
			reached[set[j]]++;
			prev = f->stage[set[j]].prev;
			if (prev == FN_NONE)
				continue;
			for (k = 0; k < n && set[k] != prev; k++)
				;
			if (k < n)
				fromprev[set[j]]++;
		}
		for (k = 0; k < np; k++)
			total[pipes[k]]++;
	}

	for (r = 0; r < f->npipe; r++) {
		const struct fn_pipe *p = NULL;
		uint32_t pi = 0;

		for (pi = 0; pi < f->npipe; pi++)
			if (s->pipe_rank[pi] == r)
				break;
		p = &f->pipe[pi];
		if (!total[pi])
			continue;
		for (j = 0; j <= p->n; j++) {
			const struct fn_stage *st = j < p->n ? &f->stage[p->order[j]] : NULL;
			uint64_t reach = st ? reached[p->order[j]] : nostage[pi];

			head(s, "stages");
			key(b, "entity");
			buf_adds(b, p->kind == 'L' ? "\"lead\"" : "\"deal\"");
			key(b, "category");
			put_str(b, f, p->cat, NULL);
			key(b, "stage");
			if (st)
				put_str(b, f, st->name, NULL);
			else
				buf_adds(b, "\"(no stage)\"");
			key(b, "semantic");
			if (st && st->sem)
				buf_addf(b, "\"%c\"", st->sem);
			else
				buf_adds(b, "null");
			key(b, "position");
			put_u64(b, st ? st->pos : 0);
			key(b, "reached");
			put_u64(b, reach);
			key(b, "total");
			put_u64(b, total[pi]);
			key(b, "share");
			put_ratio(b, reach, total[pi], 4);
			key(b, "from_previous");
			if (st && st->prev != FN_NONE)
				put_u64(b, fromprev[p->order[j]]);
			else
				buf_adds(b, "null");
			key(b, "conversion");
			if (st && st->prev != FN_NONE && reached[st->prev])
				put_ratio(b, fromprev[p->order[j]],
					  reached[st->prev], 4);
			else
				buf_adds(b, "null");
			buf_adds(b, "}\n");
		}
	}
	free(reached);
	free(fromprev);
	free(total);
	free(nostage);
	free(set);
	free(pipes);
}

/* ---- drop-off ----------------------------------------------------------------- */

struct drop_row {
	uint32_t k[4]; /* pipe, last P stage, lost stage, loss reason */
	uint64_t count;
};

struct drop_sort {
	const struct slice *s;
	struct drop_row *rows;
};

static int drop_cmp_ctx(const struct slice *s, const struct drop_row *x,
			const struct drop_row *y)
{
	const struct funnel *f = s->f;
	uint32_t px, py;
	int i;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	if (x->k[0] != y->k[0])
		return s->pipe_rank[x->k[0]] < s->pipe_rank[y->k[0]] ? -1 : 1;
	for (i = 1; i < 3; i++) {
		px = x->k[i] == FN_NONE ? UINT32_MAX : f->stage[x->k[i]].pos;
		py = y->k[i] == FN_NONE ? UINT32_MAX : f->stage[y->k[i]].pos;
		if (px != py)
			return px < py ? -1 : 1;
	}
	return str_cmp(f, x->k[3], y->k[3], "");
}

/* Insertion sort: qsort has no context, and the rows are few. */
static void drop_sort(const struct slice *s, struct drop_row *rows, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct drop_row t = rows[i];

		for (j = i; j > 0 && drop_cmp_ctx(s, &t, &rows[j - 1]) < 0; j--)
			rows[j] = rows[j - 1];
		rows[j] = t;
	}
}

static void t_dropoff(const struct slice *s)
{
	struct funnel *f = s->f;
	struct hmap m;
	struct drop_row *rows;
	size_t i, n;
	struct buf *b = s->out;

	hmap_init(&m, sizeof(uint64_t));
	for (i = 0; i < s->n; i++) {
		const struct fn_ent *e = &f->ent[s->ents[i]];
		uint32_t k[4] = {e->pipe, FN_NONE, e->cur, e->loss};
		size_t j;

		if (e->sem != 'F')
			continue;
		for (j = e->hn; j-- > 0;) {
			uint32_t st = f->hist[e->h0 + j].stage;

			if (f->stage[st].sem == 'P' ||
			    (!f->stage[st].sem && f->hist[e->h0 + j].sem == 'P')) {
				k[1] = st;
				break;
			}
		}
		if (k[2] == FN_NONE && e->hn)
			k[2] = f->hist[e->h0 + e->hn - 1].stage;
		k[0] = k[2] != FN_NONE ? f->stage[k[2]].pipe : e->pipe;
		(*(uint64_t *)hmap_put(&m, k, sizeof k, NULL))++;
	}
	n = hmap_len(&m);
	rows = xcalloc(n + 1, sizeof *rows);
	for (i = 0; i < n; i++) {
		memcpy(rows[i].k, hmap_entry_at(&m, i)->key, sizeof rows[i].k);
		rows[i].count = *(uint64_t *)hmap_val_at(&m, i);
	}
	drop_sort(s, rows, n);
	for (i = 0; i < n; i++) {
		const struct fn_pipe *p = &f->pipe[rows[i].k[0]];

		head(s, "dropoff");
		key(b, "entity");
		buf_adds(b, p->kind == 'L' ? "\"lead\"" : "\"deal\"");
		key(b, "category");
		put_str(b, f, p->cat, NULL);
		key(b, "stage");
		put_str(b, f, rows[i].k[1] == FN_NONE ? FN_NONE :
			f->stage[rows[i].k[1]].name, NULL);
		key(b, "lost_stage");
		put_str(b, f, rows[i].k[2] == FN_NONE ? FN_NONE :
			f->stage[rows[i].k[2]].name, "(unknown)");
		key(b, "loss_reason");
		put_str(b, f, rows[i].k[3], NULL);
		key(b, "count");
		put_u64(b, rows[i].count);
		buf_adds(b, "}\n");
	}
	free(rows);
	hmap_release(&m);
}

/* ---- sources ------------------------------------------------------------------- */

struct src_row {
	uint32_t src, camp;
	uint32_t row;
	uint64_t leads, qualified, won;
};

/* Sorts rows by leads (descending), then the two names. */
static void src_sort(const struct funnel *f, struct src_row *rows, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++) {
		struct src_row t = rows[i];

		for (j = i; j > 0; j--) {
			const struct src_row *y = &rows[j - 1];
			int c = t.leads != y->leads ? (t.leads > y->leads ? -1 : 1) :
				str_cmp(f, t.src, y->src, "(none)");

			if (!c)
				c = str_cmp(f, t.camp, y->camp, "(none)");
			if (c >= 0)
				break;
			rows[j] = rows[j - 1];
		}
		rows[j] = t;
	}
}

static void t_sources(const struct slice *s)
{
	struct funnel *f = s->f;
	struct hmap keys, money;
	struct src_row *rows = NULL;
	size_t i, n = 0, cap = 0;
	struct buf *b = s->out;

	hmap_init(&keys, sizeof(uint32_t));
	hmap_init(&money, sizeof(struct money));
	for (i = 0; i < s->n; i++) {
		const struct fn_ent *e = &f->ent[s->ents[i]];
		uint32_t k[2] = {e->esrc, e->ecamp}, r;

		if (e->kind == 'D' && e->sem != 'S')
			continue;
		r = row_of(&keys, k, sizeof k);
		if (r == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 64;
				rows = xrealloc(rows, cap * sizeof *rows);
			}
			memset(&rows[n], 0, sizeof rows[n]);
			rows[n].src = e->esrc;
			rows[n].camp = e->ecamp;
			rows[n].row = r;
			n++;
		}
		if (e->kind == 'L') {
			rows[r].leads++;
			rows[r].qualified += (uint64_t)qualified(f, e);
		} else {
			rows[r].won++;
			money_add(&money, r, e);
		}
	}
	src_sort(f, rows, n);
	for (i = 0; i < n; i++) {
		head(s, "sources");
		key(b, "source");
		put_str(b, f, rows[i].src, "(none)");
		key(b, "utm_campaign");
		put_str(b, f, rows[i].camp, "(none)");
		key(b, "leads");
		put_u64(b, rows[i].leads);
		key(b, "qualified");
		put_u64(b, rows[i].qualified);
		key(b, "won");
		put_u64(b, rows[i].won);
		key(b, "revenue");
		put_moneys(s, &money, rows[i].row, M_SUM, 1);
		key(b, "revenue_per_lead");
		put_moneys(s, &money, rows[i].row, M_PER, rows[i].leads);
		buf_adds(b, "}\n");
	}
	free(rows);
	hmap_release(&keys);
	hmap_release(&money);
}

/* ---- top sources per month -------------------------------------------------- */

struct top_row {
	int64_t month;
	uint32_t src;
	uint64_t leads;
};

static int top_cmp(const struct funnel *f, const struct top_row *x,
		   const struct top_row *y)
{
	if (x->month != y->month)
		return x->month < y->month ? -1 : 1;
	if (x->leads != y->leads)
		return x->leads > y->leads ? -1 : 1;
	return str_cmp(f, x->src, y->src, "(none)");
}

static void t_top_sources(const struct slice *s)
{
	struct funnel *f = s->f;
	struct hmap m;
	struct top_row *rows;
	size_t i, j, n, rank;
	struct buf *b = s->out;

	hmap_init(&m, sizeof(uint64_t));
	for (i = 0; i < s->n; i++) {
		const struct fn_ent *e = &f->ent[s->ents[i]];
		struct {
			int64_t month;
			uint32_t src, pad;
		} k;

		if (e->kind != 'L')
			continue;
		memset(&k, 0, sizeof k);
		k.month = month_of(e->eday, 0);
		k.src = e->esrc;
		(*(uint64_t *)hmap_put(&m, &k, sizeof k, NULL))++;
	}
	n = hmap_len(&m);
	rows = xcalloc(n + 1, sizeof *rows);
	for (i = 0; i < n; i++) {
		const char *kp = hmap_entry_at(&m, i)->key;

		memcpy(&rows[i].month, kp, sizeof rows[i].month);
		memcpy(&rows[i].src, kp + sizeof(int64_t), sizeof rows[i].src);
		rows[i].leads = *(uint64_t *)hmap_val_at(&m, i);
	}
	for (i = 1; i < n; i++) {
		struct top_row t = rows[i];

		for (j = i; j > 0 && top_cmp(f, &t, &rows[j - 1]) < 0; j--)
			rows[j] = rows[j - 1];
		rows[j] = t;
	}
	for (i = 0, rank = 0; i < n; i++) {
		struct {
			int64_t month;
			uint32_t src, pad;
		} k;
		const uint64_t *pv;
		uint64_t prev;

		rank = i > 0 && rows[i - 1].month == rows[i].month ? rank + 1 : 1;
		if (rank > 5)
			continue;
		memset(&k, 0, sizeof k);
		k.month = rows[i].month - 1;
		k.src = rows[i].src;
		pv = hmap_get(&m, &k, sizeof k);
		prev = pv ? *pv : 0;
		head(s, "top_sources");
		key(b, "month");
		put_month(b, rows[i].month, 0);
		key(b, "rank");
		put_u64(b, rank);
		key(b, "source");
		put_str(b, f, rows[i].src, "(none)");
		key(b, "leads");
		put_u64(b, rows[i].leads);
		key(b, "previous");
		put_u64(b, prev);
		key(b, "change");
		jw_i64(b, (int64_t)rows[i].leads - (int64_t)prev);
		key(b, "change_share");
		if (prev)
			put_sratio(b, (int64_t)rows[i].leads - (int64_t)prev, prev);
		else
			buf_adds(b, "null");
		buf_adds(b, "}\n");
	}
	free(rows);
	hmap_release(&m);
}

/* ---- month and quarter dynamics ------------------------------------------------ */

struct dyn_row {
	int64_t period;
	uint32_t row;
	uint64_t leads, qualified, won;
};

static void t_dynamics(const struct slice *s)
{
	struct funnel *f = s->f;
	struct buf *b = s->out;
	int q;

	for (q = 0; q < 2; q++) {
		struct hmap keys, money;
		struct dyn_row *rows = NULL;
		size_t i, j, n = 0, cap = 0;

		hmap_init(&keys, sizeof(uint32_t));
		hmap_init(&money, sizeof(struct money));
		for (i = 0; i < s->n; i++) {
			const struct fn_ent *e = &f->ent[s->ents[i]];
			int64_t per = month_of(e->eday, q);
			uint32_t r;

			if (e->kind == 'D' && e->sem != 'S')
				continue;
			r = row_of(&keys, &per, sizeof per);
			if (r == n) {
				if (n == cap) {
					cap = cap ? 2 * cap : 32;
					rows = xrealloc(rows, cap * sizeof *rows);
				}
				memset(&rows[n], 0, sizeof rows[n]);
				rows[n].period = per;
				rows[n].row = r;
				n++;
			}
			if (e->kind == 'L') {
				rows[r].leads++;
				rows[r].qualified += (uint64_t)qualified(f, e);
			} else {
				rows[r].won++;
				money_add(&money, r, e);
			}
		}
		for (i = 1; i < n; i++) {
			struct dyn_row t = rows[i];

			for (j = i; j > 0 && rows[j - 1].period > t.period; j--)
				rows[j] = rows[j - 1];
			rows[j] = t;
		}
		for (i = 0; i < n; i++) {
			head(s, "dynamics");
			key(b, "period");
			put_month(b, rows[i].period, q);
			key(b, "period_type");
			buf_adds(b, q ? "\"quarter\"" : "\"month\"");
			key(b, "leads");
			put_u64(b, rows[i].leads);
			key(b, "qualified");
			put_u64(b, rows[i].qualified);
			key(b, "won");
			put_u64(b, rows[i].won);
			key(b, "revenue");
			put_moneys(s, &money, rows[i].row, M_SUM, 1);
			buf_adds(b, "}\n");
		}
		free(rows);
		hmap_release(&keys);
		hmap_release(&money);
	}
}

/* ---- managers ------------------------------------------------------------------- */

struct mgr_row {
	uint32_t mgr, row;
	int64_t month; /* manager_months */
	uint64_t leads, won, days;
	size_t rank; /* place of the manager in the managers table */
};

static int mgr_cmp(const struct funnel *f, const struct mgr_row *x,
		   const struct mgr_row *y)
{
	if (x->leads != y->leads)
		return x->leads > y->leads ? -1 : 1;
	if (x->won != y->won)
		return x->won > y->won ? -1 : 1;
	return str_cmp(f, x->mgr, y->mgr, "(none)");
}

/* Managers of the slice, sorted; per month too when months. */
static struct mgr_row *mgr_rows(const struct slice *s, int months,
				struct hmap *money, size_t *np)
{
	struct funnel *f = s->f;
	struct hmap keys, days;
	struct mgr_row *rows = NULL;
	size_t i, j, n = 0, cap = 0;

	hmap_init(&keys, sizeof(uint32_t));
	hmap_init(&days, 0);
	for (i = 0; i < s->n; i++) {
		const struct fn_ent *e = &f->ent[s->ents[i]];
		struct {
			int64_t month;
			uint32_t mgr, pad;
		} k;
		uint32_t r;

		if (e->kind == 'D' && e->sem != 'S')
			continue;
		memset(&k, 0, sizeof k);
		k.month = months ? month_of(e->eday, 0) : 0;
		k.mgr = e->manager;
		r = row_of(&keys, &k, sizeof k);
		if (r == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 32;
				rows = xrealloc(rows, cap * sizeof *rows);
			}
			memset(&rows[n], 0, sizeof rows[n]);
			rows[n].mgr = e->manager;
			rows[n].month = k.month;
			rows[n].row = r;
			n++;
		}
		if (e->kind == 'L') {
			int isnew;

			k.month = e->eday; /* the day, for days_with_leads */
			hmap_put(&days, &k, sizeof k, &isnew);
			rows[r].leads++;
			rows[r].days += (uint64_t)isnew;
		} else {
			rows[r].won++;
			money_add(money, r, e);
		}
	}
	for (i = 1; i < n; i++) {
		struct mgr_row t = rows[i];

		for (j = i; j > 0 && mgr_cmp(f, &t, &rows[j - 1]) < 0; j--)
			rows[j] = rows[j - 1];
		rows[j] = t;
	}
	hmap_release(&keys);
	hmap_release(&days);
	*np = n;
	return rows;
}

static void t_managers(const struct slice *s)
{
	struct funnel *f = s->f;
	struct hmap money;
	struct mgr_row *rows;
	size_t i, n;
	uint64_t all = 0;
	struct buf *b = s->out;

	hmap_init(&money, sizeof(struct money));
	rows = mgr_rows(s, 0, &money, &n);
	for (i = 0; i < n; i++)
		all += rows[i].leads;
	for (i = 0; i < n; i++) {
		head(s, "managers");
		key(b, "manager");
		put_str(b, f, rows[i].mgr, "(none)");
		key(b, "leads");
		put_u64(b, rows[i].leads);
		key(b, "share");
		put_ratio(b, rows[i].leads, all, 4);
		key(b, "days_with_leads");
		put_u64(b, rows[i].days);
		key(b, "mean_per_day");
		put_ratio(b, rows[i].leads, rows[i].days, 2);
		key(b, "won");
		put_u64(b, rows[i].won);
		key(b, "revenue");
		put_moneys(s, &money, rows[i].row, M_SUM, 1);
		key(b, "average_check");
		put_moneys(s, &money, rows[i].row, M_AVG, 0);
		buf_adds(b, "}\n");
	}
	free(rows);
	hmap_release(&money);
}

static void t_manager_months(const struct slice *s)
{
	struct funnel *f = s->f;
	struct hmap money, dummy, rank;
	struct mgr_row *mgrs, *rows;
	size_t i, j, n, nm;
	struct buf *b = s->out;

	hmap_init(&dummy, sizeof(struct money));
	hmap_init(&money, sizeof(struct money));
	hmap_init(&rank, sizeof(size_t));
	mgrs = mgr_rows(s, 0, &dummy, &nm);
	for (i = 0; i < nm; i++)
		*(size_t *)hmap_put(&rank, &mgrs[i].mgr, sizeof mgrs[i].mgr,
				    NULL) = i;
	rows = mgr_rows(s, 1, &money, &n);
	for (i = 0; i < n; i++)
		rows[i].rank = *(size_t *)hmap_get(&rank, &rows[i].mgr,
						   sizeof rows[i].mgr);
	for (i = 1; i < n; i++) {
		struct mgr_row t = rows[i];

		for (j = i; j > 0 && (rows[j - 1].rank > t.rank ||
				      (rows[j - 1].rank == t.rank &&
				       rows[j - 1].month > t.month)); j--)
			rows[j] = rows[j - 1];
		rows[j] = t;
	}
	for (i = 0; i < n; i++) {
		head(s, "manager_months");
		key(b, "manager");
		put_str(b, f, rows[i].mgr, "(none)");
		key(b, "month");
		put_month(b, rows[i].month, 0);
		key(b, "leads");
		put_u64(b, rows[i].leads);
		key(b, "won");
		put_u64(b, rows[i].won);
		key(b, "revenue");
		put_moneys(s, &money, rows[i].row, M_SUM, 1);
		key(b, "average_check");
		put_moneys(s, &money, rows[i].row, M_AVG, 0);
		buf_adds(b, "}\n");
	}
	free(mgrs);
	free(rows);
	hmap_release(&money);
	hmap_release(&dummy);
	hmap_release(&rank);
}

/* ---- time in stage ------------------------------------------------------------- */

struct age_row {
	uint32_t pipe, stage;
	uint64_t open, sum, max;
};

static void t_age(const struct slice *s)
{
	struct funnel *f = s->f;
	struct hmap m;
	struct age_row *rows;
	size_t i, j, n;
	struct buf *b = s->out;

	hmap_init(&m, sizeof(struct age_row));
	for (i = 0; i < s->n; i++) {
		const struct fn_ent *e = &f->ent[s->ents[i]];
		uint32_t k[2] = {e->pipe, e->cur};
		struct age_row *r;
		uint64_t d;

		if (e->sem != 'P')
			continue;
		d = (uint64_t)days_in_stage(f, e);
		r = hmap_put(&m, k, sizeof k, NULL);
		r->pipe = e->pipe;
		r->stage = e->cur;
		r->open++;
		r->sum += d;
		if (d > r->max)
			r->max = d;
	}
	n = hmap_len(&m);
	rows = xcalloc(n + 1, sizeof *rows);
	for (i = 0; i < n; i++)
		rows[i] = *(struct age_row *)hmap_val_at(&m, i);
	for (i = 1; i < n; i++) {
		struct age_row t = rows[i];

		for (j = i; j > 0; j--) {
			const struct age_row *y = &rows[j - 1];
			uint32_t pt = t.stage == FN_NONE ? UINT32_MAX : f->stage[t.stage].pos;
			uint32_t py = y->stage == FN_NONE ? UINT32_MAX : f->stage[y->stage].pos;

			if (s->pipe_rank[y->pipe] < s->pipe_rank[t.pipe] ||
			    (y->pipe == t.pipe && py <= pt))
				break;
			rows[j] = rows[j - 1];
		}
		rows[j] = t;
	}
	for (i = 0; i < n; i++) {
		const struct fn_pipe *p = &f->pipe[rows[i].pipe];

		head(s, "age");
		key(b, "entity");
		buf_adds(b, p->kind == 'L' ? "\"lead\"" : "\"deal\"");
		key(b, "category");
		put_str(b, f, p->cat, NULL);
		key(b, "stage");
		put_str(b, f, rows[i].stage == FN_NONE ? FN_NONE :
			f->stage[rows[i].stage].name, NULL);
		key(b, "open");
		put_u64(b, rows[i].open);
		key(b, "days_sum");
		put_u64(b, rows[i].sum);
		key(b, "days_max");
		put_u64(b, rows[i].max);
		key(b, "days_mean");
		put_ratio(b, rows[i].sum, rows[i].open, 1);
		buf_adds(b, "}\n");
	}
	free(rows);
	hmap_release(&m);
}

/* ---- stale ------------------------------------------------------------------------ */

struct stale_row {
	int64_t days;
	uint32_t ent;
};

static int stale_cmp(const struct funnel *f, const struct stale_row *x,
		     const struct stale_row *y)
{
	const struct fn_ent *a = &f->ent[x->ent], *b = &f->ent[y->ent];
	const char *pa, *pb;
	size_t na, nb;

	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind == 'L' ? -1 : 1;
	pa = fn_str(f, a->id, &na);
	pb = fn_str(f, b->id, &nb);
	if (na != nb) /* numeric ids: shorter is smaller */
		return na < nb ? -1 : 1;
	return memcmp(pa, pb, na);
}

static int stale_qcmp_f(const struct funnel *f, const void *a, const void *b)
{
	return stale_cmp(f, a, b);
}

/* A merge sort: stale lists can be long, and qsort has no context. */
static void stale_sort(const struct funnel *f, struct stale_row *v,
		       struct stale_row *tmp, size_t n)
{
	size_t h, i, j, k;

	if (n < 2)
		return;
	h = n / 2;
	stale_sort(f, v, tmp, h);
	stale_sort(f, v + h, tmp, n - h);
	for (i = 0, j = h, k = 0; i < h || j < n;)
		if (j >= n || (i < h && stale_qcmp_f(f, &v[i], &v[j]) <= 0))
			tmp[k++] = v[i++];
		else
			tmp[k++] = v[j++];
	memcpy(v, tmp, n * sizeof *v);
}

static void t_stale(const struct slice *s)
{
	struct funnel *f = s->f;
	struct stale_row *rows = xcalloc(s->n + 1, sizeof *rows);
	struct stale_row *tmp = xcalloc(s->n + 1, sizeof *tmp);
	size_t i, n = 0;
	struct buf *b = s->out;

	for (i = 0; i < s->n; i++) {
		const struct fn_ent *e = &f->ent[s->ents[i]];
		int64_t d;

		if (e->sem != 'P')
			continue;
		d = days_in_stage(f, e);
		if (d <= f->stale_days)
			continue;
		rows[n].days = d;
		rows[n].ent = s->ents[i];
		n++;
	}
	stale_sort(f, rows, tmp, n);
	for (i = 0; i < n; i++) {
		const struct fn_ent *e = &f->ent[rows[i].ent];

		head(s, "stale");
		key(b, "entity");
		buf_adds(b, e->kind == 'L' ? "\"lead\"" : "\"deal\"");
		key(b, "id");
		put_str(b, f, e->id, NULL);
		key(b, "title");
		put_str(b, f, e->title, NULL);
		key(b, "manager");
		put_str(b, f, e->manager, "(none)");
		key(b, "source");
		put_str(b, f, e->esrc, "(none)");
		key(b, "stage");
		put_str(b, f, e->status, NULL);
		key(b, "since");
		put_str(b, f, e->since_txt, NULL);
		key(b, "days");
		jw_i64(b, rows[i].days);
		key(b, "created");
		put_str(b, f, e->created_txt, NULL);
		buf_adds(b, "}\n");
	}
	free(rows);
	free(tmp);
}

/* ---- the whole output -------------------------------------------------------------- */

struct gkey {
	uint32_t group, ent;
	const char *p;
	size_t n;
};

static int gkey_cmp(const void *a, const void *b)
{
	const struct gkey *x = a, *y = b;
	size_t n;
	int c;

	if (x->group != y->group) {
		if (x->group == FN_NONE || y->group == FN_NONE)
			return x->group == FN_NONE ? 1 : -1;
		n = x->n < y->n ? x->n : y->n;
		c = memcmp(x->p, y->p, n);
		if (c || x->n != y->n)
			return c ? c : x->n < y->n ? -1 : 1;
	}
	return (x->ent > y->ent) - (x->ent < y->ent);
}

static int u32_str_cmp(const struct funnel *f, uint32_t a, uint32_t b)
{
	if (a == b)
		return 0;
	if (a == FN_NONE || b == FN_NONE)
		return a == FN_NONE ? -1 : 1;
	return str_cmp(f, a, b, "");
}

static const char *by_name(enum fn_by by)
{
	switch (by) {
	case FN_BY_MANAGER: return "manager";
	case FN_BY_SOURCE: return "source";
	case FN_BY_CAMPAIGN: return "utm_campaign";
	case FN_BY_ADGROUP: return "ad_group";
	case FN_BY_MONTH: return "month";
	case FN_BY_QUARTER: return "quarter";
	default: return NULL;
	}
}

void funnel_emit(struct funnel *f, struct cli *c)
{
	static void (*const tables[])(const struct slice *) = {
		t_stages, t_dropoff, t_sources, t_top_sources, t_dynamics,
		t_managers, t_manager_months, t_age, t_stale,
	};
	struct gkey *gk = xcalloc(f->nent + 1, sizeof *gk);
	uint32_t *ents = xcalloc(f->nent + 1, sizeof *ents);
	uint32_t *pipe_rank = xcalloc(f->npipe + 1, sizeof *pipe_rank);
	uint32_t *curs = NULL;
	size_t *gstart, ng = 0, n = 0, ncurs = 0, i, j, t;
	struct hmap cur;
	struct buf gj = BUF_INIT;
	struct slice s;

	for (i = 0; i < f->nent; i++) {
		const struct fn_ent *e = &f->ent[i];

		if (!e->has_rec || !e->in_cohort)
			continue;
		gk[n].group = e->group;
		gk[n].ent = (uint32_t)i;
		if (e->group != FN_NONE)
			gk[n].p = fn_str(f, e->group, &gk[n].n);
		n++;
	}
	qsort(gk, n, sizeof *gk, gkey_cmp);
	gstart = xcalloc(n + 2, sizeof *gstart);
	for (i = 0; i < n; i++) {
		ents[i] = gk[i].ent;
		if (i == 0 || gk[i].group != gk[i - 1].group)
			gstart[ng++] = i;
	}
	gstart[ng] = n;

	/* pipelines: leads, then deals by category (none first) */
	for (i = 0; i < f->npipe; i++) {
		uint32_t r = 0;

		for (j = 0; j < f->npipe; j++) {
			const struct fn_pipe *a = &f->pipe[j], *b = &f->pipe[i];
			int cmp = a->kind != b->kind ? (a->kind == 'L' ? -1 : 1) :
				  u32_str_cmp(f, a->cat, b->cat);

			r += cmp < 0;
		}
		pipe_rank[i] = r;
	}

	/* currencies of won deals with an amount, sorted */
	hmap_init(&cur, 0);
	for (i = 0; i < n; i++) {
		const struct fn_ent *e = &f->ent[ents[i]];
		int isnew;

		if (e->kind != 'D' || e->sem != 'S' || !e->has_amount)
			continue;
		hmap_put(&cur, &e->currency, sizeof e->currency, &isnew);
		if (!isnew)
			continue;
		curs = xrealloc(curs, (ncurs + 1) * sizeof *curs);
		for (j = ncurs; j > 0 && str_cmp(f, curs[j - 1], e->currency, "XXX") > 0; j--)
			curs[j] = curs[j - 1];
		curs[j] = e->currency;
		ncurs++;
	}
	hmap_release(&cur);

	memset(&s, 0, sizeof s);
	s.f = f;
	s.pipe_rank = pipe_rank;
	s.curs = curs;
	s.ncurs = ncurs;
	s.out = cli_out(c);
	for (t = 0; t < sizeof tables / sizeof tables[0]; t++) {
		if (tables[t] == t_stale && f->stale_days < 0)
			continue;
		for (i = 0; i < ng; i++) {
			const struct fn_ent *e = &f->ent[ents[gstart[i]]];

			buf_reset(&gj);
			if (f->by == FN_BY_NONE) {
				buf_adds(&gj, "{}");
			} else {
				buf_adds(&gj, "{\"");
				buf_adds(&gj, by_name(f->by));
				buf_adds(&gj, "\":");
				put_str(&gj, f, e->group, NULL);
				buf_addc(&gj, '}');
			}
			s.gj = gj.p;
			s.gjn = gj.len;
			s.ents = ents + gstart[i];
			s.n = gstart[i + 1] - gstart[i];
			tables[t](&s);
			cli_commit(c);
		}
	}
	buf_release(&gj);
	free(gk);
	free(ents);
	free(gstart);
	free(pipe_rank);
	free(curs);
}
