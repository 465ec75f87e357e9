/* fsum.c - the funnel tables as sums, written; see fsum.h. */
#include "fsum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"

/* The sums of a row of sources, dynamics, managers or manager_months. */
struct fs_row {
	uint64_t leads, qualified, won, days;
	uint32_t cash; /* its first currency, FSUM_NONE */
};

struct fs_total {
	uint64_t total, nostage;
};

struct fs_reach {
	uint64_t reached, fromprev;
};

struct fs_age {
	uint64_t open, sum, max;
};

/* Keys with a month or a day: no padding, so they hash as bytes. */
struct fs_tkey {
	uint32_t g, id;
	int64_t t;
};

/*
 * acc += v, noting a sum a record cannot hold (above 2^63-1, as written
 * with jw_i64()) in s->overflow.
 */
static inline void add(struct fsum *s, uint64_t *acc, uint64_t v)
{
	if (v > (uint64_t)INT64_MAX - *acc)
		s->overflow = 1;
	*acc += v;
}

void fsum_init(struct fsum *s)
{
	memset(s, 0, sizeof *s);
	hmap_init(&s->strs, sizeof(uint32_t));
	hmap_init(&s->groups, sizeof(uint32_t));
	hmap_init(&s->pipes, sizeof(uint32_t));
	hmap_init(&s->stages, sizeof(uint32_t));
	hmap_init(&s->totals, sizeof(struct fs_total));
	hmap_init(&s->reached, sizeof(struct fs_reach));
	hmap_init(&s->drops, sizeof(uint64_t));
	hmap_init(&s->srcs, sizeof(struct fs_row));
	hmap_init(&s->tops, sizeof(uint64_t));
	hmap_init(&s->dyns, sizeof(struct fs_row));
	hmap_init(&s->mgrs, sizeof(struct fs_row));
	hmap_init(&s->days, 0);
	hmap_init(&s->mmonths, sizeof(struct fs_row));
	hmap_init(&s->ages, sizeof(struct fs_age));
}

void fsum_release(struct fsum *s)
{
	struct hmap *maps[] = {
		&s->strs,    &s->groups, &s->pipes,   &s->stages, &s->totals,
		&s->reached, &s->drops,	 &s->srcs,    &s->tops,	  &s->dyns,
		&s->mgrs,    &s->days,	 &s->mmonths, &s->ages,
	};
	size_t i;

	for (i = 0; i < sizeof maps / sizeof maps[0]; i++)
		hmap_release(maps[i]);
	free(s->pipe);
	free(s->stage);
	free(s->cash);
	free(s->stale);
	free(s->gleads);
	memset(s, 0, sizeof *s);
}

uint32_t fsum_str(struct fsum *s, const char *p, size_t n)
{
	int isnew;
	uint32_t *v = hmap_put(&s->strs, p, n, &isnew);

	if (isnew)
		*v = (uint32_t)(hmap_len(&s->strs) - 1);
	return *v;
}

uint32_t fsum_str_memo(struct fsum *s, struct hmap_memo *memo, const char *p,
		       size_t n)
{
	int isnew;
	uint32_t *v = hmap_put_memo(&s->strs, memo, p, n, &isnew);

	if (isnew)
		*v = (uint32_t)(hmap_len(&s->strs) - 1);
	return *v;
}

const char *fsum_strp(const struct fsum *s, uint32_t i, size_t *n)
{
	const struct hmap_entry *e = hmap_entry_at(&s->strs, i);

	*n = e->klen;
	return e->key;
}

/* An index for key[0..n) in map, counted from 0 as keys come. */
static uint32_t index_of(struct hmap *map, const void *k, size_t n, int *isnew)
{
	uint32_t *v = hmap_put(map, k, n, isnew);

	if (*isnew)
		*v = (uint32_t)(hmap_len(map) - 1);
	return *v;
}

uint32_t fsum_group(struct fsum *s, uint32_t by, uint32_t value)
{
	uint32_t k[2] = {by, value}, g;
	int isnew;

	g = index_of(&s->groups, k, sizeof k, &isnew);
	if (isnew) {
		if (g >= s->capgroup) {
			s->capgroup = s->capgroup ? 2 * s->capgroup : 16;
			s->gleads = xrealloc(s->gleads,
					     s->capgroup * sizeof *s->gleads);
		}
		s->gleads[g] = 0;
	}
	return g;
}

uint32_t fsum_pipe(struct fsum *s, char kind, uint32_t cat)
{
	uint32_t k[2] = {(uint32_t)(unsigned char)kind, cat}, i;
	int isnew;

	i = index_of(&s->pipes, k, sizeof k, &isnew);
	if (isnew) {
		if (s->npipe == s->cappipe) {
			s->cappipe = s->cappipe ? 2 * s->cappipe : 8;
			s->pipe =
				xrealloc(s->pipe, s->cappipe * sizeof *s->pipe);
		}
		s->pipe[s->npipe].kind = kind;
		s->pipe[s->npipe].cat = cat;
		s->npipe++;
	}
	return i;
}

int fsum_stage_ok(const struct fsum *s, uint32_t pipe, uint32_t name, char sem,
		  uint32_t pos)
{
	uint32_t k[2] = {pipe, name};
	const uint32_t *v = hmap_get(&s->stages, k, sizeof k);
	const struct fsum_stage *st;
	size_t j;

	if (!pos)
		return 0;
	if (!v) {
		for (j = 0; j < s->nstage; j++) /* stages are few */
			if (s->stage[j].pipe == pipe && s->stage[j].pos == pos)
				return 0;
		return 1;
	}
	st = &s->stage[*v];
	return st->pos == pos && (!sem || !st->sem || sem == st->sem);
}

uint32_t fsum_stage(struct fsum *s, uint32_t pipe, uint32_t name, char sem,
		    uint32_t pos)
{
	uint32_t k[2] = {pipe, name}, *v;
	int isnew;

	if (!fsum_stage_ok(s, pipe, name, sem, pos))
		return FSUM_NONE;
	v = hmap_put(&s->stages, k, sizeof k, &isnew);
	if (isnew) {
		*v = (uint32_t)s->nstage;
		if (s->nstage == s->capstage) {
			s->capstage = s->capstage ? 2 * s->capstage : 64;
			s->stage = xrealloc(s->stage,
					    s->capstage * sizeof *s->stage);
		}
		s->stage[s->nstage++] =
			(struct fsum_stage){pipe, name, sem, pos};
	} else if (!s->stage[*v].sem) {
		s->stage[*v].sem = sem;
	}
	return *v;
}

void fsum_total(struct fsum *s, uint32_t g, uint32_t pipe, uint64_t total,
		uint64_t nostage)
{
	uint32_t k[2] = {g, pipe};
	struct fs_total *v = hmap_put(&s->totals, k, sizeof k, NULL);

	add(s, &v->total, total);
	add(s, &v->nostage, nostage);
}

void fsum_reached(struct fsum *s, uint32_t g, uint32_t stage, uint64_t reached,
		  uint64_t from_previous)
{
	uint32_t k[2] = {g, stage};
	struct fs_reach *v = hmap_put(&s->reached, k, sizeof k, NULL);

	add(s, &v->reached, reached);
	add(s, &v->fromprev, from_previous);
}

void fsum_drop(struct fsum *s, uint32_t g, uint32_t pipe, uint32_t stage,
	       uint32_t lost, uint32_t loss, uint64_t count)
{
	uint32_t k[5] = {g, pipe, stage, lost, loss};

	add(s, hmap_put(&s->drops, k, sizeof k, NULL), count);
}

/* The row of key in map, its money list empty when new. */
static uint32_t row_put(struct hmap *map, const void *k, size_t n,
			struct fs_row **out)
{
	int isnew;
	struct fs_row *r = hmap_put(map, k, n, &isnew);

	if (isnew)
		r->cash = FSUM_NONE;
	*out = r;
	return (uint32_t)(r - (struct fs_row *)hmap_val_at(map, 0));
}

uint32_t fsum_source(struct fsum *s, uint32_t g, uint32_t src, uint32_t camp,
		     uint64_t leads, uint64_t qualified, uint64_t won)
{
	uint32_t k[3] = {g, src, camp}, i;
	struct fs_row *r;

	i = row_put(&s->srcs, k, sizeof k, &r);
	add(s, &r->leads, leads);
	add(s, &r->qualified, qualified);
	add(s, &r->won, won);
	return i;
}

void fsum_top(struct fsum *s, uint32_t g, int64_t month, uint32_t src,
	      uint64_t leads)
{
	struct fs_tkey k = {g, src, month};

	add(s, hmap_put(&s->tops, &k, sizeof k, NULL), leads);
}

uint32_t fsum_dynamics(struct fsum *s, uint32_t g, int quarter, int64_t period,
		       uint64_t leads, uint64_t qualified, uint64_t won)
{
	struct fs_tkey k = {g, (uint32_t) !!quarter, period};
	struct fs_row *r;
	uint32_t i;

	i = row_put(&s->dyns, &k, sizeof k, &r);
	add(s, &r->leads, leads);
	add(s, &r->qualified, qualified);
	add(s, &r->won, won);
	return i;
}

uint32_t fsum_manager(struct fsum *s, uint32_t g, uint32_t mgr, uint64_t leads,
		      uint64_t won)
{
	uint32_t k[2] = {g, mgr}, i;
	struct fs_row *r;

	i = row_put(&s->mgrs, k, sizeof k, &r);
	add(s, &r->leads, leads);
	add(s, &r->won, won);
	add(s, &s->gleads[g], leads);
	return i;
}

void fsum_manager_day(struct fsum *s, uint32_t g, uint32_t mgr, int64_t day)
{
	struct fs_tkey k = {g, mgr, day};
	int isnew;

	hmap_put(&s->days, &k, sizeof k, &isnew);
	if (isnew) {
		uint32_t mk[2] = {g, mgr};
		struct fs_row *r;

		row_put(&s->mgrs, mk, sizeof mk, &r);
		r->days++;
	}
}

uint32_t fsum_manager_month(struct fsum *s, uint32_t g, uint32_t mgr,
			    int64_t month, uint64_t leads, uint64_t won)
{
	struct fs_tkey k = {g, mgr, month};
	struct fs_row *r;
	uint32_t i;

	i = row_put(&s->mmonths, &k, sizeof k, &r);
	add(s, &r->leads, leads);
	add(s, &r->won, won);
	return i;
}

static struct hmap *money_map(struct fsum *s, enum fsum_table t)
{
	switch (t) {
	case FSUM_SOURCES:
		return &s->srcs;
	case FSUM_DYNAMICS:
		return &s->dyns;
	case FSUM_MANAGERS:
		return &s->mgrs;
	default:
		return &s->mmonths;
	}
}

void fsum_money(struct fsum *s, enum fsum_table t, uint32_t row, uint32_t cur,
		num_i128 fx, uint64_t n, int scale)
{
	struct fs_row *r = hmap_val_at(money_map(s, t), row);
	struct fsum_cash *c;
	uint32_t i;

	for (i = r->cash; i != FSUM_NONE; i = s->cash[i].next)
		if (s->cash[i].cur == cur)
			break;
	if (i == FSUM_NONE) {
		if (s->ncash == s->capcash) {
			s->capcash = s->capcash ? 2 * s->capcash : 256;
			s->cash =
				xrealloc(s->cash, s->capcash * sizeof *s->cash);
		}
		i = (uint32_t)s->ncash++;
		c = &s->cash[i];
		memset(c, 0, sizeof *c);
		c->cur = cur;
		c->next = r->cash;
		r->cash = i;
	}
	c = &s->cash[i];
	if (__builtin_add_overflow(c->fx, fx, &c->fx))
		s->overflow = 1;
	add(s, &c->n, n);
	if (scale > c->scale)
		c->scale = scale;
}

void fsum_age(struct fsum *s, uint32_t g, uint32_t pipe, uint32_t stage,
	      uint64_t open, uint64_t days_sum, uint64_t days_max)
{
	uint32_t k[3] = {g, pipe, stage};
	struct fs_age *v = hmap_put(&s->ages, k, sizeof k, NULL);

	add(s, &v->open, open);
	add(s, &v->sum, days_sum);
	if (days_max > v->max)
		v->max = days_max;
}

void fsum_stale(struct fsum *s, const struct fsum_stale *row)
{
	if (s->nstale == s->capstale) {
		s->capstale = s->capstale ? 2 * s->capstale : 64;
		s->stale = xrealloc(s->stale, s->capstale * sizeof *s->stale);
	}
	s->stale[s->nstale++] = *row;
}

/* ---- helpers ------------------------------------------------------------- */

int64_t fsum_month(int64_t day, int quarter)
{
	int64_t y;
	unsigned m, d;

	ptime_civil_from_days(day, &y, &m, &d);
	return quarter ? y * 4 + (m - 1) / 3 : y * 12 + (m - 1);
}

int fsum_parse_period(const char *p, size_t n, int quarter, int64_t *out)
{
	int64_t y = 0;
	size_t i;
	int m;

	if (n != 7 || p[4] != '-')
		return -1;
	for (i = 0; i < 4; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		y = y * 10 + (p[i] - '0');
	}
	if (quarter) {
		if (p[5] != 'Q' || p[6] < '1' || p[6] > '4')
			return -1;
		*out = y * 4 + (p[6] - '1');
		return 0;
	}
	if (p[5] < '0' || p[5] > '9' || p[6] < '0' || p[6] > '9')
		return -1;
	m = (p[5] - '0') * 10 + (p[6] - '0');
	if (m < 1 || m > 12)
		return -1;
	*out = y * 12 + m - 1;
	return 0;
}

int fsum_scale(const char *p, size_t n)
{
	const char *end = p + n, *dot = memchr(p, '.', n);
	long frac = 0, e = 0;
	int eneg = 0;

	if (dot)
		for (dot++; dot < end && *dot >= '0' && *dot <= '9'; dot++)
			frac++;
	for (; p < end && *p != 'e' && *p != 'E'; p++)
		;
	if (p < end) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		for (; p < end && e < 100; p++)
			e = e * 10 + (*p - '0');
	}
	frac += eneg ? e : -e;
	return frac < 0 ? 0 : frac > NUM_FX_DIGITS ? NUM_FX_DIGITS : (int)frac;
}

/* ---- writing ------------------------------------------------------------- */

/* What the table writers share. */
struct wctx {
	struct fsum *s;
	struct sink *out;
	struct buf *b; /* &out->b */
	int partial;
	uint32_t *grank; /* place of each group in the output */
	uint32_t *prank; /* place of each pipeline */
	uint32_t *prev;	 /* each stage's previous P/S stage, FSUM_NONE */
	uint32_t *mrank; /* each manager row's place in its group */
};

static int bytes_cmp(const char *a, size_t na, const char *b, size_t nb)
{
	int c = memcmp(a, b, na < nb ? na : nb);

	return c ? c : (na > nb) - (na < nb);
}

/* Strings by their bytes, null (FSUM_NONE) first. */
static int str_cmp(const struct fsum *s, uint32_t a, uint32_t b)
{
	const char *pa, *pb;
	size_t na, nb;

	if (a == b)
		return 0;
	if (a == FSUM_NONE || b == FSUM_NONE)
		return a == FSUM_NONE ? -1 : 1;
	pa = fsum_strp(s, a, &na);
	pb = fsum_strp(s, b, &nb);
	return bytes_cmp(pa, na, pb, nb);
}

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

static const uint32_t *key_of(const struct hmap *m, uint32_t i)
{
	return (const uint32_t *)(const void *)hmap_entry_at(m, i)->key;
}

static const struct fs_tkey *tkey_of(const struct hmap *m, uint32_t i)
{
	return (const struct fs_tkey *)(const void *)hmap_entry_at(m, i)->key;
}

static void put_str(const struct wctx *w, uint32_t i)
{
	const char *p;
	size_t n;

	if (i == FSUM_NONE) {
		buf_adds(w->b, "null");
		return;
	}
	p = fsum_strp(w->s, i, &n);
	jw_str(w->b, p, n);
}

static void put_u64(struct buf *b, uint64_t v)
{
	jw_i64(b, (int64_t)v);
}

/* a/den rounded half away from zero to dec decimals; 0 when den is 0. */
static void put_ratio(struct buf *b, uint64_t a, uint64_t den, int dec)
{
	unsigned __int128 q = a, p10 = 1;
	int i;

	if (!den)
		den = 1, q = 0;
	for (i = 0; i < dec; i++)
		p10 *= 10;
	q = (q * p10 * 2 + den) / (2 * (unsigned __int128)den);
	buf_addf(b, "%llu", (unsigned long long)(q / p10));
	if (dec) {
		char tmp[24];
		unsigned long long fr = (unsigned long long)(q % p10);

		snprintf(tmp, sizeof tmp, "%0*llu", dec, fr);
		buf_addc(b, '.');
		buf_adds(b, tmp);
	}
}

/* Signed a/den, 4 decimals. */
static void put_sratio(struct buf *b, int64_t a, uint64_t den)
{
	if (a < 0)
		buf_addc(b, '-');
	put_ratio(b, (uint64_t)(a < 0 ? -a : a), den, 4);
}

static void put_period(struct buf *b, int64_t mo, int quarter)
{
	int64_t y = mo / (quarter ? 4 : 12), r = mo % (quarter ? 4 : 12);

	if (r < 0)
		r += quarter ? 4 : 12, y--;
	if (quarter)
		buf_addf(b, "\"%04lld-Q%lld\"", (long long)y, (long long)r + 1);
	else
		buf_addf(b, "\"%04lld-%02lld\"", (long long)y,
			 (long long)r + 1);
}

/*
 * fx (1e-9 units) divided by div, rounded half away from zero to scale
 * decimals, as a JSON string.
 */
static void put_money(struct buf *b, num_i128 fx, uint64_t div, int scale)
{
	char tmp[64], *q = tmp + sizeof tmp;
	unsigned __int128 u, d = div ? div : 1;
	int i, neg = fx < 0;

	u = neg ? (unsigned __int128)0 - (unsigned __int128)fx
		: (unsigned __int128)fx;
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

enum money_mode { M_SUM, M_PER, M_AVG, M_COUNT };

/*
 * The money object of a row: per currency (by name), the sum (M_SUM), the
 * sum divided by per (M_PER) or by the number of addends (M_AVG), the
 * divisions with at least 2 decimals; or the number of addends (M_COUNT).
 */
static void put_moneys(const struct wctx *w, uint32_t cash,
		       enum money_mode mode, uint64_t per)
{
	const struct fsum *s = w->s;
	uint32_t v[64], *all = v, i;
	size_t n = 0, cap = 64, j, k;
	int first = 1;

	for (i = cash; i != FSUM_NONE; i = s->cash[i].next) {
		if (n == cap) {
			cap *= 2;
			if (all == v) {
				all = xmalloc(cap * sizeof *all);
				memcpy(all, v, n * sizeof *all);
			} else {
				all = xrealloc(all, cap * sizeof *all);
			}
		}
		for (j = n; j > 0 && str_cmp(s, s->cash[all[j - 1]].cur,
					     s->cash[i].cur) > 0;
		     j--)
			all[j] = all[j - 1];
		all[j] = i;
		n++;
	}
	buf_addc(w->b, '{');
	for (k = 0; k < n; k++) {
		const struct fsum_cash *c = &s->cash[all[k]];
		uint64_t div = mode == M_PER ? per : mode == M_AVG ? c->n : 1;
		int scale = c->scale;

		if (!c->n || !div)
			continue;
		if ((mode == M_PER || mode == M_AVG) && scale < 2)
			scale = 2;
		if (!first)
			buf_addc(w->b, ',');
		first = 0;
		put_str(w, c->cur);
		buf_addc(w->b, ':');
		if (mode == M_COUNT)
			put_u64(w->b, c->n);
		else
			put_money(w->b, c->fx, div, scale);
	}
	buf_addc(w->b, '}');
	if (all != v)
		free(all);
}

static void key(struct buf *b, const char *k)
{
	buf_addc(b, ',');
	buf_addc(b, '"');
	buf_adds(b, k);
	buf_adds(b, "\":");
}

/* The group as JSON: {} or {"by":value}. */
static void put_group(struct wctx *w, uint32_t g)
{
	const uint32_t *k = key_of(&w->s->groups, g);
	struct buf *b = w->b;

	if (k[0] == FSUM_NONE) {
		buf_adds(b, "{}");
		return;
	}
	buf_addc(b, '{');
	put_str(w, k[0]);
	buf_addc(b, ':');
	put_str(w, k[1]);
	buf_addc(b, '}');
}

static void head(struct wctx *w, const char *table, uint32_t g)
{
	buf_adds(w->b, "{\"kind\":\"funnel\",\"table\":\"");
	buf_adds(w->b, table);
	buf_adds(w->b, "\",\"group\":");
	put_group(w, g);
}

static void tail(struct wctx *w)
{
	buf_adds(w->b, w->partial ? ",\"partial\":true}\n" : "}\n");
	sink_commit(w->out);
}

static void put_entity(struct wctx *w, uint32_t pipe)
{
	const struct fsum_pipe *p = &w->s->pipe[pipe];

	key(w->b, "entity");
	buf_adds(w->b, p->kind == 'L' ? "\"lead\"" : "\"deal\"");
	key(w->b, "category");
	put_str(w, p->cat);
}

/* A stage's name (null for none), and with partial its position. */
static void put_stage(struct wctx *w, const char *name, const char *posname,
		      uint32_t st, const char *none_text)
{
	key(w->b, name);
	if (st != FSUM_NONE)
		put_str(w, w->s->stage[st].name);
	else
		jw_cstr(w->b, none_text);
	if (!w->partial)
		return;
	key(w->b, posname);
	if (st != FSUM_NONE)
		put_u64(w->b, w->s->stage[st].pos);
	else
		buf_adds(w->b, "null");
}

static uint32_t stage_pos(const struct wctx *w, uint32_t st)
{
	return st == FSUM_NONE ? UINT32_MAX : w->s->stage[st].pos;
}

/* ---- ranks of groups, pipelines, stages ---------------------------------- */

static int group_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const uint32_t *x = key_of(&w->s->groups, a);
	const uint32_t *y = key_of(&w->s->groups, b);
	int c;

	if (x[0] != y[0] && (c = str_cmp(w->s, x[0], y[0])))
		return c;
	if (x[1] == y[1])
		return 0;
	if (x[1] == FSUM_NONE || y[1] == FSUM_NONE) /* null last */
		return x[1] == FSUM_NONE ? 1 : -1;
	return str_cmp(w->s, x[1], y[1]);
}

/* Leads first, then deals by category (none first). */
static int pipe_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct fsum_pipe *x = &w->s->pipe[a], *y = &w->s->pipe[b];

	if (x->kind != y->kind)
		return x->kind == 'L' ? -1 : 1;
	return str_cmp(w->s, x->cat, y->cat);
}

static int stage_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct fsum_stage *x = &w->s->stage[a], *y = &w->s->stage[b];

	if (x->pipe != y->pipe)
		return u32_asc(w->prank[x->pipe], w->prank[y->pipe]);
	return u32_asc(x->pos, y->pos);
}

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

/* ---- stages -------------------------------------------------------------- */

static uint64_t reached_of(const struct fsum *s, uint32_t g, uint32_t st)
{
	uint32_t k[2] = {g, st};
	const struct fs_reach *r = hmap_get(&s->reached, k, sizeof k);

	return r ? r->reached : 0;
}

/* One stages row: stage st of pipeline p in group g (FSUM_NONE: none). */
static void stage_row(struct wctx *w, uint32_t g, uint32_t p, uint32_t st,
		      const struct fs_total *tot)
{
	const struct fsum *s = w->s;
	const struct fsum_stage *sp = st != FSUM_NONE ? &s->stage[st] : NULL;
	uint32_t prev = sp ? w->prev[st] : FSUM_NONE, rk[2] = {g, st};
	const struct fs_reach *r =
		sp ? hmap_get(&s->reached, rk, sizeof rk) : NULL;
	uint64_t reach = sp ? (r ? r->reached : 0) : tot->nostage;
	uint64_t fromprev = r ? r->fromprev : 0, pr;
	struct buf *b = w->b;

	head(w, "stages", g);
	put_entity(w, p);
	key(b, "stage");
	if (sp)
		put_str(w, sp->name);
	else
		buf_adds(b, "\"(no stage)\"");
	key(b, "semantic");
	if (sp && sp->sem)
		buf_addf(b, "\"%c\"", sp->sem);
	else
		buf_adds(b, "null");
	key(b, "position");
	put_u64(b, sp ? sp->pos : 0);
	key(b, "reached");
	put_u64(b, reach);
	key(b, "total");
	put_u64(b, tot->total);
	if (!w->partial) {
		key(b, "share");
		put_ratio(b, reach, tot->total, 4);
	}
	key(b, "from_previous");
	if (prev != FSUM_NONE)
		put_u64(b, fromprev);
	else
		buf_adds(b, "null");
	if (!w->partial) {
		pr = prev != FSUM_NONE ? reached_of(s, g, prev) : 0;
		key(b, "conversion");
		if (pr)
			put_ratio(b, fromprev, pr, 4);
		else
			buf_adds(b, "null");
	}
	tail(w);
}

/*
 * Per group, per pipeline with records in it: every stage of the
 * pipeline in order, reached or not, then "(no stage)".
 */
static void w_stages(struct wctx *w, const uint32_t *groups, size_t ng)
{
	struct fsum *s = w->s;
	uint32_t *pipes = sorted(w, pipe_cmp, s->npipe);
	uint32_t *stages = sorted(w, stage_cmp, s->nstage);
	size_t gi, pi, si, s0;

	for (gi = 0; gi < ng; gi++) {
		for (pi = 0, si = 0; pi < s->npipe; pi++) {
			uint32_t k[2] = {groups[gi], pipes[pi]};
			const struct fs_total *t;
			struct fs_total tot;

			/* stages[s0 .. si): the pipeline's, in order */
			for (s0 = si; si < s->nstage &&
				      s->stage[stages[si]].pipe == pipes[pi];
			     si++)
				;
			t = hmap_get(&s->totals, k, sizeof k);
			if (!t || !t->total)
				continue;
			tot = *t;
			for (; s0 < si; s0++)
				stage_row(w, k[0], k[1], stages[s0], &tot);
			stage_row(w, k[0], k[1], FSUM_NONE, &tot);
		}
	}
	free(pipes);
	free(stages);
}

/* ---- dropoff ------------------------------------------------------------- */

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
	return str_cmp(w->s, x[4], y[4]);
}

static void w_dropoff(struct wctx *w)
{
	const struct hmap *m = &w->s->drops;
	size_t i, n = hmap_len(m);
	uint32_t *rows = sorted(w, drop_cmp, n);

	for (i = 0; i < n; i++) {
		const uint32_t *k = key_of(m, rows[i]);

		head(w, "dropoff", k[0]);
		put_entity(w, k[1]);
		put_stage(w, "stage", "stage_position", k[2], NULL);
		put_stage(w, "lost_stage", "lost_position", k[3], "(unknown)");
		key(w->b, "loss_reason");
		put_str(w, k[4]);
		key(w->b, "count");
		put_u64(w->b, *(uint64_t *)hmap_val_at(m, rows[i]));
		tail(w);
	}
	free(rows);
}

/* ---- sources ------------------------------------------------------------- */

static const struct fs_row *row_at(const struct hmap *m, uint32_t i)
{
	return hmap_val_at(m, i);
}

static int src_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->srcs;
	const uint32_t *x = key_of(m, a), *y = key_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x[0]], w->grank[y[0]])))
		return c;
	if ((c = u64_desc(row_at(m, a)->leads, row_at(m, b)->leads)))
		return c;
	if ((c = str_cmp(w->s, x[1], y[1])))
		return c;
	return str_cmp(w->s, x[2], y[2]);
}

static void w_sources(struct wctx *w)
{
	const struct hmap *m = &w->s->srcs;
	size_t i, n = hmap_len(m);
	uint32_t *rows = sorted(w, src_cmp, n);
	struct buf *b = w->b;

	for (i = 0; i < n; i++) {
		const uint32_t *k = key_of(m, rows[i]);
		const struct fs_row *r = row_at(m, rows[i]);

		head(w, "sources", k[0]);
		key(b, "source");
		put_str(w, k[1]);
		key(b, "utm_campaign");
		put_str(w, k[2]);
		key(b, "leads");
		put_u64(b, r->leads);
		key(b, "qualified");
		put_u64(b, r->qualified);
		key(b, "won");
		put_u64(b, r->won);
		key(b, "revenue");
		put_moneys(w, r->cash, M_SUM, 1);
		if (!w->partial) {
			key(b, "revenue_per_lead");
			put_moneys(w, r->cash, M_PER, r->leads);
		}
		tail(w);
	}
	free(rows);
}

/* ---- top sources per month ----------------------------------------------- */

static int top_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->tops;
	const struct fs_tkey *x = tkey_of(m, a), *y = tkey_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x->g], w->grank[y->g])))
		return c;
	if ((c = i64_asc(x->t, y->t)))
		return c;
	if ((c = u64_desc(*(uint64_t *)hmap_val_at(m, a),
			  *(uint64_t *)hmap_val_at(m, b))))
		return c;
	return str_cmp(w->s, x->id, y->id);
}

static void w_top_sources(struct wctx *w)
{
	const struct hmap *m = &w->s->tops;
	size_t i, n = hmap_len(m), rank = 0;
	uint32_t *rows = sorted(w, top_cmp, n);
	struct buf *b = w->b;

	for (i = 0; i < n; i++) {
		const struct fs_tkey *k = tkey_of(m, rows[i]), *pk;
		struct fs_tkey prevk;
		uint64_t leads = *(uint64_t *)hmap_val_at(m, rows[i]), prev;
		const uint64_t *pv;

		pk = i ? tkey_of(m, rows[i - 1]) : NULL;
		rank = pk && pk->g == k->g && pk->t == k->t ? rank + 1 : 1;
		if (!w->partial && rank > 5)
			continue;
		head(w, "top_sources", k->g);
		key(b, "month");
		put_period(b, k->t, 0);
		if (w->partial) {
			key(b, "source");
			put_str(w, k->id);
			key(b, "leads");
			put_u64(b, leads);
			tail(w);
			continue;
		}
		prevk = (struct fs_tkey){k->g, k->id, k->t - 1};
		pv = hmap_get(m, &prevk, sizeof prevk);
		prev = pv ? *pv : 0;
		key(b, "rank");
		put_u64(b, rank);
		key(b, "source");
		put_str(w, k->id);
		key(b, "leads");
		put_u64(b, leads);
		key(b, "previous");
		put_u64(b, prev);
		key(b, "change");
		jw_i64(b, (int64_t)leads - (int64_t)prev);
		key(b, "change_share");
		if (prev)
			put_sratio(b, (int64_t)leads - (int64_t)prev, prev);
		else
			buf_adds(b, "null");
		tail(w);
	}
	free(rows);
}

/* ---- dynamics ------------------------------------------------------------ */

static int dyn_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->dyns;
	const struct fs_tkey *x = tkey_of(m, a), *y = tkey_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x->g], w->grank[y->g])))
		return c;
	if ((c = u32_asc(x->id, y->id))) /* months, then quarters */
		return c;
	return i64_asc(x->t, y->t);
}

static void w_dynamics(struct wctx *w)
{
	const struct hmap *m = &w->s->dyns;
	size_t i, n = hmap_len(m);
	uint32_t *rows = sorted(w, dyn_cmp, n);
	struct buf *b = w->b;

	for (i = 0; i < n; i++) {
		const struct fs_tkey *k = tkey_of(m, rows[i]);
		const struct fs_row *r = row_at(m, rows[i]);

		head(w, "dynamics", k->g);
		key(b, "period");
		put_period(b, k->t, (int)k->id);
		key(b, "period_type");
		buf_adds(b, k->id ? "\"quarter\"" : "\"month\"");
		key(b, "leads");
		put_u64(b, r->leads);
		key(b, "qualified");
		put_u64(b, r->qualified);
		key(b, "won");
		put_u64(b, r->won);
		key(b, "revenue");
		put_moneys(w, r->cash, M_SUM, 1);
		tail(w);
	}
	free(rows);
}

/* ---- managers ------------------------------------------------------------ */

static int mgr_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->mgrs;
	const uint32_t *x = key_of(m, a), *y = key_of(m, b);
	const struct fs_row *ra = row_at(m, a), *rb = row_at(m, b);
	int c;

	if ((c = u32_asc(w->grank[x[0]], w->grank[y[0]])))
		return c;
	if ((c = u64_desc(ra->leads, rb->leads)))
		return c;
	if ((c = u64_desc(ra->won, rb->won)))
		return c;
	return str_cmp(w->s, x[1], y[1]);
}

/* managers with partial: the days, sorted, of each manager row. */
static void put_days(struct wctx *w, uint32_t row, const uint32_t *first,
		     const int64_t *days)
{
	char tmp[16];
	uint32_t i;

	buf_addc(w->b, '[');
	for (i = first[row]; i < first[row + 1]; i++) {
		if (i > first[row])
			buf_addc(w->b, ',');
		buf_addc(w->b, '"');
		buf_add(w->b, tmp, ptime_fmt_day(tmp, days[i]));
		buf_addc(w->b, '"');
	}
	buf_addc(w->b, ']');
}

static int i64_qcmp(const void *a, const void *b)
{
	return i64_asc(*(const int64_t *)a, *(const int64_t *)b);
}

/*
 * The days of each manager row, for partial rows: days[first[r] ..
 * first[r + 1]) sorted.  The caller frees both.
 */
static void days_of_rows(const struct fsum *s, uint32_t **firstp,
			 int64_t **daysp)
{
	size_t nr = hmap_len(&s->mgrs), nd = hmap_len(&s->days), i;
	uint32_t *first = xcalloc(nr + 2, sizeof *first), *row, *fill;
	int64_t *days = xcalloc(nd + 1, sizeof *days);

	row = xcalloc(nd + 1, sizeof *row);
	for (i = 0; i < nd; i++) {
		const struct fs_tkey *k = tkey_of(&s->days, (uint32_t)i);
		uint32_t mk[2] = {k->g, k->id};
		const struct fs_row *r = hmap_get(&s->mgrs, mk, sizeof mk);

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
	*firstp = first;
	*daysp = days;
}

/* Writes managers and sets w->mrank. */
static void w_managers(struct wctx *w)
{
	const struct hmap *m = &w->s->mgrs;
	size_t i, n = hmap_len(m);
	uint32_t *rows = sorted(w, mgr_cmp, n), *rank, *first = NULL;
	int64_t *days = NULL;
	uint64_t all = 0;
	struct buf *b = w->b;

	rank = xcalloc(n + 1, sizeof *rank);
	for (i = 0; i < n; i++)
		rank[rows[i]] = (uint32_t)i;
	if (w->partial)
		days_of_rows(w->s, &first, &days);
	for (i = 0; i < n; i++) {
		const uint32_t *k = key_of(m, rows[i]);
		const struct fs_row *r = row_at(m, rows[i]);

		all = w->s->gleads[k[0]];
		head(w, "managers", k[0]);
		key(b, "manager");
		put_str(w, k[1]);
		key(b, "leads");
		put_u64(b, r->leads);
		if (w->partial) {
			key(b, "lead_days");
			put_days(w, rows[i], first, days);
		} else {
			key(b, "share");
			put_ratio(b, r->leads, all, 4);
			key(b, "days_with_leads");
			put_u64(b, r->days);
			key(b, "mean_per_day");
			put_ratio(b, r->leads, r->days, 2);
		}
		key(b, "won");
		put_u64(b, r->won);
		key(b, "revenue");
		put_moneys(w, r->cash, M_SUM, 1);
		if (w->partial) {
			key(b, "won_with_amount");
			put_moneys(w, r->cash, M_COUNT, 1);
		} else {
			key(b, "average_check");
			put_moneys(w, r->cash, M_AVG, 0);
		}
		tail(w);
	}
	free(rows);
	free(first);
	free(days);
	w->mrank = rank;
}

/* manager_months: managers as in managers (their ranks), then months. */
static uint32_t mm_rank(const struct wctx *w, const struct fs_tkey *k)
{
	uint32_t mk[2] = {k->g, k->id};
	const struct fs_row *r = hmap_get(&w->s->mgrs, mk, sizeof mk);

	return r ? w->mrank[r - row_at(&w->s->mgrs, 0)] : UINT32_MAX;
}

static int mm_cmp(const struct wctx *w, uint32_t a, uint32_t b)
{
	const struct hmap *m = &w->s->mmonths;
	const struct fs_tkey *x = tkey_of(m, a), *y = tkey_of(m, b);
	int c;

	if ((c = u32_asc(w->grank[x->g], w->grank[y->g])))
		return c;
	if ((c = u32_asc(mm_rank(w, x), mm_rank(w, y))))
		return c;
	return i64_asc(x->t, y->t);
}

static void w_manager_months(struct wctx *w)
{
	const struct hmap *m = &w->s->mmonths;
	size_t i, n = hmap_len(m);
	uint32_t *rows = sorted(w, mm_cmp, n);
	struct buf *b = w->b;

	for (i = 0; i < n; i++) {
		const struct fs_tkey *k = tkey_of(m, rows[i]);
		const struct fs_row *r = row_at(m, rows[i]);

		head(w, "manager_months", k->g);
		key(b, "manager");
		put_str(w, k->id);
		key(b, "month");
		put_period(b, k->t, 0);
		key(b, "leads");
		put_u64(b, r->leads);
		key(b, "won");
		put_u64(b, r->won);
		key(b, "revenue");
		put_moneys(w, r->cash, M_SUM, 1);
		if (w->partial) {
			key(b, "won_with_amount");
			put_moneys(w, r->cash, M_COUNT, 1);
		} else {
			key(b, "average_check");
			put_moneys(w, r->cash, M_AVG, 0);
		}
		tail(w);
	}
	free(rows);
}

/* ---- age ----------------------------------------------------------------- */

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

static void w_age(struct wctx *w)
{
	const struct hmap *m = &w->s->ages;
	size_t i, n = hmap_len(m);
	uint32_t *rows = sorted(w, age_cmp, n);
	struct buf *b = w->b;

	for (i = 0; i < n; i++) {
		const uint32_t *k = key_of(m, rows[i]);
		const struct fs_age *a = hmap_val_at(m, rows[i]);

		head(w, "age", k[0]);
		put_entity(w, k[1]);
		put_stage(w, "stage", "position", k[2], NULL);
		key(b, "open");
		put_u64(b, a->open);
		key(b, "days_sum");
		put_u64(b, a->sum);
		key(b, "days_max");
		put_u64(b, a->max);
		if (!w->partial) {
			key(b, "days_mean");
			put_ratio(b, a->sum, a->open, 1);
		}
		tail(w);
	}
	free(rows);
}

/* ---- stale --------------------------------------------------------------- */

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

static void w_stale(struct wctx *w)
{
	size_t i, n = w->s->nstale;
	uint32_t *rows = sorted(w, stale_cmp, n);
	struct buf *b = w->b;

	for (i = 0; i < n; i++) {
		const struct fsum_stale *r = &w->s->stale[rows[i]];

		head(w, "stale", r->group);
		key(b, "entity");
		buf_adds(b, r->kind == 'L' ? "\"lead\"" : "\"deal\"");
		key(b, "id");
		put_str(w, r->id);
		key(b, "title");
		put_str(w, r->title);
		key(b, "manager");
		put_str(w, r->manager);
		key(b, "source");
		put_str(w, r->source);
		key(b, "stage");
		put_str(w, r->stage);
		key(b, "since");
		put_str(w, r->since);
		key(b, "days");
		jw_i64(b, r->days);
		key(b, "created");
		put_str(w, r->created);
		tail(w);
	}
	free(rows);
}

/* ---- the whole output ---------------------------------------------------- */

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

int fsum_write(struct fsum *s, struct sink *out, int partial, char *msg,
	       size_t msz)
{
	struct wctx w;
	uint32_t *groups;

	if (s->overflow) {
		snprintf(msg, msz,
			 "a count or a sum of money is too large to write");
		return -1;
	}
	memset(&w, 0, sizeof w);
	w.s = s;
	w.out = out;
	w.b = &out->b;
	w.partial = partial;
	w.grank = ranks(&w, group_cmp, hmap_len(&s->groups));
	w.prank = ranks(&w, pipe_cmp, s->npipe);
	w.prev = prev_stages(&w);
	groups = sorted(&w, group_cmp, hmap_len(&s->groups));

	w_stages(&w, groups, hmap_len(&s->groups));
	w_dropoff(&w);
	w_sources(&w);
	w_top_sources(&w);
	w_dynamics(&w);
	w_managers(&w);
	w_manager_months(&w);
	w_age(&w);
	w_stale(&w);

	free(w.mrank);
	free(groups);
	free(w.grank);
	free(w.prank);
	free(w.prev);
	return 0;
}
