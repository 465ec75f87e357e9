/* series.c - daily counts and metric records; see series.h. */
#include "series.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"

/* seven counts may each come near 2^63: their sum needs more bits */
__extension__ typedef unsigned __int128 u128;

static void grow(struct series *s, int64_t day)
{
	if (!s->n) {
		s->n = 64;
		s->v = xcalloc(s->n, sizeof *s->v);
		s->base = day - 32;
	} else if (day < s->base) {
		size_t more = (size_t)(s->base - day) + s->n;
		uint64_t *v = xcalloc(s->n + more, sizeof *v);

		memcpy(v + more, s->v, s->n * sizeof *v);
		free(s->v);
		s->v = v;
		s->n += more;
		s->base -= (int64_t)more;
	} else if (day - s->base >= (int64_t)s->n) {
		size_t need = (size_t)(day - s->base) + 1, n = s->n;

		while (n < need)
			n *= 2;
		s->v = xrealloc(s->v, n * sizeof *s->v);
		memset(s->v + s->n, 0, (n - s->n) * sizeof *s->v);
		s->n = n;
	}
}

int series_add(struct series *s, int64_t day, uint64_t v)
{
	uint64_t *p;

	grow(s, day);
	p = &s->v[day - s->base];
	if (v > (uint64_t)INT64_MAX - *p)
		return -1;
	*p += v;
	return 0;
}

int series_sub(struct series *s, int64_t day, uint64_t v)
{
	uint64_t *p;

	if (v == 0)
		return 0;
	if (series_get(s, day) < v) /* also a day never added */
		return -1;
	p = &s->v[day - s->base];
	*p -= v;
	return 0;
}

uint64_t series_get(const struct series *s, int64_t day)
{
	if (!s->n || day < s->base || day - s->base >= (int64_t)s->n)
		return 0;
	return s->v[day - s->base];
}

void series_release(struct series *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

/*
 * The mean of seven counts summing to sum, in full precision (rounding is
 * the renderer's job): exact when it is whole (up to 2^63-1), else the
 * shortest form of the nearest double, as jq prints it.
 */
static void write_mean7(struct buf *o, u128 sum)
{
	if (sum % 7 == 0)
		jw_i64(o, (int64_t)(sum / 7)); /* seven counts <= 2^63-1 each */
	else if (sum < (u128)1 << 53)
		jw_f64(o, (double)sum / 7); /* exact operands: rounded once */
	else
		jw_f64(o, (double)((long double)sum / 7));
}

static void write_opt(struct buf *o, const char *key, int have, uint64_t v)
{
	buf_adds(o, key);
	if (have)
		jw_i64(o, (int64_t)v);
	else
		jw_null(o);
}

void series_write(struct buf *o, const char *name, const char *title,
		  const struct series *s, int64_t day, int64_t first,
		  int partial)
{
	int64_t i = day - first, j;
	u128 sum = 0;
	char d[16];

	buf_adds(o, "{\"kind\":\"metric\",\"name\":");
	jw_cstr(o, name);
	if (title) {
		buf_adds(o, ",\"title\":");
		jw_cstr(o, title);
	}
	ptime_fmt_day(d, day);
	buf_adds(o, ",\"day\":\"");
	buf_adds(o, d);
	buf_adds(o, "\",\"value\":");
	jw_i64(o, (int64_t)series_get(s, day));
	if (partial) {
		buf_adds(o, ",\"partial\":true}\n");
		return;
	}
	write_opt(o, ",\"prev_day\":", i >= 1, series_get(s, day - 1));
	write_opt(o, ",\"week_ago\":", i >= 7, series_get(s, day - 7));
	buf_adds(o, ",\"mean_7d\":");
	if (i >= 7) {
		for (j = 1; j <= 7; j++)
			sum += series_get(s, day - j);
		write_mean7(o, sum);
	} else {
		jw_null(o);
	}
	buf_adds(o, "}\n");
}
