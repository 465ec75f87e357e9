/*
 * fsum_row.c - one row of a funnel table written: its cells, as its
 * columns say (struct fsum_col); see fsum.h.
 */
#include "fsum.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "jw.h"
#include "ptime.h"

static const uint32_t *key_of(const struct hmap *m, uint32_t i)
{
	return (const uint32_t *)(const void *)hmap_entry_at(m, i)->key;
}

/* ---- values -------------------------------------------------------------- */

static void put_str(struct buf *b, const struct fsum *s, uint32_t i,
		    const char *none)
{
	const char *p;
	size_t n;

	if (i == FSUM_NONE) {
		jw_cstr(b, none);
		return;
	}
	p = fsum_strp(s, i, &n);
	jw_str(b, p, n);
}

/* a/den as the nearest double, in full (jw_f64()). */
static void put_ratio(struct buf *b, uint64_t a, uint64_t den)
{
	jw_f64(b, (double)a / (double)den);
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

static void put_days(struct buf *b, const int64_t *days, size_t n)
{
	char tmp[16];
	size_t i;

	buf_addc(b, '[');
	for (i = 0; i < n; i++) {
		if (i)
			buf_addc(b, ',');
		buf_addc(b, '"');
		buf_add(b, tmp, ptime_fmt_day(tmp, days[i]));
		buf_addc(b, '"');
	}
	buf_addc(b, ']');
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

/*
 * The money object of a row: per currency (by name), the sum
 * (FSUM_C_MONEY), the sum divided by per (_PER) or by the number of
 * addends (_AVG), the divisions with at least 2 decimals; or the number of
 * addends (_N).
 */
static void put_moneys(struct buf *b, const struct fsum *s, uint32_t cash,
		       enum fsum_cell how, uint64_t per)
{
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
		for (j = n; j > 0 && fsum_strcmp(s, s->cash[all[j - 1]].cur,
						 s->cash[i].cur) > 0;
		     j--)
			all[j] = all[j - 1];
		all[j] = i;
		n++;
	}
	buf_addc(b, '{');
	for (k = 0; k < n; k++) {
		const struct fsum_cash *c = &s->cash[all[k]];
		uint64_t div = how == FSUM_C_MONEY_PER	 ? per
			       : how == FSUM_C_MONEY_AVG ? c->n
							 : 1;
		int scale = c->scale;

		if (!c->n || !div)
			continue;
		if ((how == FSUM_C_MONEY_PER || how == FSUM_C_MONEY_AVG) &&
		    scale < 2)
			scale = 2;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		put_str(b, s, c->cur, NULL);
		buf_addc(b, ':');
		if (how == FSUM_C_MONEY_N)
			jw_i64(b, (int64_t)c->n);
		else
			put_money(b, c->fx, div, scale);
	}
	buf_addc(b, '}');
	if (all != v)
		free(all);
}

/* The group as JSON: {} or {"by":value}. */
static void put_group(struct buf *b, const struct fsum *s, uint32_t g)
{
	const uint32_t *k = key_of(&s->groups, g);

	if (k[0] == FSUM_NONE) {
		buf_adds(b, "{}");
		return;
	}
	buf_addc(b, '{');
	put_str(b, s, k[0], NULL);
	buf_addc(b, ':');
	put_str(b, s, k[1], NULL);
	buf_addc(b, '}');
}

static void put_cell(struct buf *b, const struct fsum *s,
		     const struct fsum_col *c, const struct fsum_view *v)
{
	uint64_t x = v->u[c->a], y = v->u[c->b];
	int xnull = (v->null >> c->a) & 1, ynull = (v->null >> c->b) & 1;

	switch ((enum fsum_cell)c->cell) {
	case FSUM_C_STR:
		put_str(b, s, v->str[c->a], c->none);
		break;
	case FSUM_C_KIND:
		buf_adds(b, v->kind == 'L' ? "\"lead\"" : "\"deal\"");
		break;
	case FSUM_C_SEM:
		if (v->sem)
			buf_addf(b, "\"%c\"", v->sem);
		else
			jw_null(b);
		break;
	case FSUM_C_U64:
		jw_i64(b, (int64_t)x);
		break;
	case FSUM_C_U64N:
		if (xnull)
			jw_null(b);
		else
			jw_i64(b, (int64_t)x);
		break;
	case FSUM_C_DIFF:
		if (ynull)
			jw_null(b);
		else
			jw_i64(b, (int64_t)x - (int64_t)y);
		break;
	case FSUM_C_RATIO:
		if (y)
			put_ratio(b, x, y);
		else
			jw_i64(b, 0);
		break;
	case FSUM_C_RATION:
		if (xnull || ynull || !y)
			jw_null(b);
		else
			put_ratio(b, x, y);
		break;
	case FSUM_C_CHANGE:
		if (ynull || !y)
			jw_null(b);
		else
			jw_f64(b,
			       (double)((int64_t)x - (int64_t)y) / (double)y);
		break;
	case FSUM_C_MONTH:
		put_period(b, v->t[c->a], 0);
		break;
	case FSUM_C_PERIOD:
		put_period(b, v->t[c->a], v->quarter);
		break;
	case FSUM_C_PTYPE:
		buf_adds(b, v->quarter ? "\"quarter\"" : "\"month\"");
		break;
	case FSUM_C_MONEY:
	case FSUM_C_MONEY_PER:
	case FSUM_C_MONEY_AVG:
	case FSUM_C_MONEY_N:
		put_moneys(b, s, v->cash, (enum fsum_cell)c->cell, x);
		break;
	case FSUM_C_DAYS:
		put_days(b, v->days, v->ndays);
		break;
	}
}

void fsum_write_row(struct buf *b, const struct fsum *s, const char *table,
		    const struct fsum_col *cols, size_t ncols,
		    const struct fsum_view *v, int partial)
{
	unsigned when = partial ? FSUM_PARTIAL : FSUM_FINAL;
	size_t i;

	buf_adds(b, "{\"kind\":\"funnel\",\"table\":\"");
	buf_adds(b, table);
	buf_adds(b, "\",\"group\":");
	put_group(b, s, v->group);
	for (i = 0; i < ncols; i++) {
		if (!(cols[i].when & when))
			continue;
		buf_adds(b, ",\"");
		buf_adds(b, cols[i].name);
		buf_adds(b, "\":");
		put_cell(b, s, &cols[i], v);
	}
	buf_adds(b, partial ? ",\"partial\":true}\n" : "}\n");
}
