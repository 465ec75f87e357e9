/* fsum.c - the funnel tables as sums; see fsum.h (fsum_write.c writes). */
#include "fsum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"

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
	hmap_init(&s->totals, sizeof(struct fsum_pipesum));
	hmap_init(&s->reached, sizeof(struct fsum_reach));
	hmap_init(&s->drops, sizeof(uint64_t));
	hmap_init(&s->srcs, sizeof(struct fsum_row));
	hmap_init(&s->tops, sizeof(uint64_t));
	hmap_init(&s->dyns, sizeof(struct fsum_row));
	hmap_init(&s->mgrs, sizeof(struct fsum_row));
	hmap_init(&s->days, 0);
	hmap_init(&s->mmonths, sizeof(struct fsum_row));
	hmap_init(&s->ages, sizeof(struct fsum_agesum));
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

int fsum_strcmp(const struct fsum *s, uint32_t a, uint32_t b)
{
	const char *pa, *pb;
	size_t na, nb;
	int c;

	if (a == b)
		return 0;
	if (a == FSUM_NONE || b == FSUM_NONE)
		return a == FSUM_NONE ? -1 : 1;
	pa = fsum_strp(s, a, &na);
	pb = fsum_strp(s, b, &nb);
	c = memcmp(pa, pb, na < nb ? na : nb);
	return c ? c : (na > nb) - (na < nb);
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
	struct fsum_pipesum *v = hmap_put(&s->totals, k, sizeof k, NULL);

	add(s, &v->total, total);
	add(s, &v->nostage, nostage);
}

void fsum_reached(struct fsum *s, uint32_t g, uint32_t stage, uint64_t reached,
		  uint64_t from_previous)
{
	uint32_t k[2] = {g, stage};
	struct fsum_reach *v = hmap_put(&s->reached, k, sizeof k, NULL);

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
			struct fsum_row **out)
{
	int isnew;
	struct fsum_row *r = hmap_put(map, k, n, &isnew);

	if (isnew)
		r->cash = FSUM_NONE;
	*out = r;
	return (uint32_t)(r - (struct fsum_row *)hmap_val_at(map, 0));
}

uint32_t fsum_source(struct fsum *s, uint32_t g, uint32_t src, uint32_t camp,
		     uint64_t leads, uint64_t qualified, uint64_t won)
{
	uint32_t k[3] = {g, src, camp}, i;
	struct fsum_row *r;

	i = row_put(&s->srcs, k, sizeof k, &r);
	add(s, &r->leads, leads);
	add(s, &r->qualified, qualified);
	add(s, &r->won, won);
	return i;
}

void fsum_top(struct fsum *s, uint32_t g, int64_t month, uint32_t src,
	      uint64_t leads)
{
	struct fsum_tkey k = {g, src, month};

	add(s, hmap_put(&s->tops, &k, sizeof k, NULL), leads);
}

uint32_t fsum_dynamics(struct fsum *s, uint32_t g, int quarter, int64_t period,
		       uint64_t leads, uint64_t qualified, uint64_t won)
{
	struct fsum_tkey k = {g, (uint32_t) !!quarter, period};
	struct fsum_row *r;
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
	struct fsum_row *r;

	i = row_put(&s->mgrs, k, sizeof k, &r);
	add(s, &r->leads, leads);
	add(s, &r->won, won);
	add(s, &s->gleads[g], leads);
	return i;
}

void fsum_manager_day(struct fsum *s, uint32_t g, uint32_t mgr, int64_t day)
{
	struct fsum_tkey k = {g, mgr, day};
	int isnew;

	hmap_put(&s->days, &k, sizeof k, &isnew);
	if (isnew) {
		uint32_t mk[2] = {g, mgr};
		struct fsum_row *r;

		row_put(&s->mgrs, mk, sizeof mk, &r);
		r->days++;
	}
}

uint32_t fsum_manager_month(struct fsum *s, uint32_t g, uint32_t mgr,
			    int64_t month, uint64_t leads, uint64_t won)
{
	struct fsum_tkey k = {g, mgr, month};
	struct fsum_row *r;
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
	struct fsum_row *r = hmap_val_at(money_map(s, t), row);
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
	struct fsum_agesum *v = hmap_put(&s->ages, k, sizeof k, NULL);

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

void fsum_first_month(struct fsum *s, int64_t month)
{
	if (!s->has_first || month < s->first_month)
		s->first_month = month;
	s->has_first = 1;
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
	if (y < 1) /* the years 0001 to 9999, as every time */
		return -1;
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
