/* render_util.c - what the formats share: quantiles, table cells, numbers. */
#include "render.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jw.h"
#include "ptime.h"

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double render_util_quantile(double *v, size_t n, double p)
{
	double h, lo;
	size_t i;

	if (n == 0)
		return NAN;
	qsort(v, n, sizeof *v, cmp_double);
	h = (double)(n - 1) * p;
	lo = floor(h);
	i = (size_t)lo;
	if (i + 1 >= n)
		return v[n - 1];
	return v[i] + (h - lo) * (v[i + 1] - v[i]);
}

/* Bytes of the UTF-8 sequence that starts with c (1 for a stray byte). */
static size_t seqlen(unsigned char c)
{
	if (c >= 0xf0 && c < 0xf8)
		return 4;
	if (c >= 0xe0)
		return c < 0xf0 ? 3 : 1;
	if (c >= 0xc0)
		return 2;
	return 1;
}

size_t render_util_chars(const char *s, size_t n)
{
	size_t i = 0, k = 0, l;

	while (i < n) {
		l = seqlen((unsigned char)s[i]);
		i += l <= n - i ? l : n - i;
		k++;
	}
	return k;
}

size_t render_util_ctrl(const char *s, size_t n)
{
	unsigned char c = (unsigned char)s[0];

	if (c < 0x20 || c == 0x7f)
		return 1;
	if (c == 0xc2 && n >= 2 && (unsigned char)s[1] >= 0x80 &&
	    (unsigned char)s[1] <= 0x9f)
		return 2;
	return 0;
}

static int is_space(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];

	if (c == ' ') {
		*len = 1;
		return 1;
	}
	if ((*len = render_util_ctrl(s, n)))
		return 1;
	/* U+00A0 no-break space, U+2028/2029 line and paragraph separators */
	if (c == 0xc2 && n >= 2 && (unsigned char)s[1] == 0xa0) {
		*len = 2;
		return 1;
	}
	if (c == 0xe2 && n >= 3 && (unsigned char)s[1] == 0x80 &&
	    ((unsigned char)s[2] == 0xa8 || (unsigned char)s[2] == 0xa9)) {
		*len = 3;
		return 1;
	}
	return 0;
}

void render_util_md_cell(struct buf *out, const char *s, size_t n,
			 size_t maxchars)
{
	size_t i = 0, l, chars = 0, start = out->len, total;
	int pending = 0;
	struct buf tmp = BUF_INIT;

	/* collapse whitespace into tmp, then cut and escape */
	while (i < n) {
		if (is_space(s + i, n - i, &l)) {
			pending = tmp.len > 0;
			i += l;
			continue;
		}
		if (pending) {
			buf_addc(&tmp, ' ');
			pending = 0;
		}
		l = seqlen((unsigned char)s[i]);
		if (l > n - i)
			l = n - i;
		buf_add(&tmp, s + i, l);
		i += l;
	}
	total = render_util_chars(tmp.p, tmp.len);
	for (i = 0; i < tmp.len; i += l) {
		l = seqlen((unsigned char)tmp.p[i]);
		if (l > tmp.len - i)
			l = tmp.len - i;
		if (total > maxchars && chars + 1 == maxchars) {
			/* no space before the ellipsis */
			while (out->len > start && out->p[out->len - 1] == ' ')
				out->len--;
			buf_adds(out, "…");
			break;
		}
		if (tmp.p[i] == '|' || tmp.p[i] == '\\')
			buf_addc(out, '\\');
		buf_add(out, tmp.p + i, l);
		chars++;
	}
	if (out->len == start)
		buf_adds(out, "—");
	buf_release(&tmp);
}

void render_util_num(struct buf *out, double v, int comma)
{
	size_t start = out->len, i;

	if (isnan(v)) {
		buf_adds(out, "—");
		return;
	}
	jw_f64(out, v);
	if (comma)
		for (i = start; i < out->len; i++)
			if (out->p[i] == '.')
				out->p[i] = ',';
}

void render_util_day(struct buf *out, int64_t day, int dmy)
{
	int64_t y;
	unsigned m, d;

	ptime_civil_from_days(day, &y, &m, &d);
	if (dmy)
		buf_addf(out, "%02u.%02u.%04lld", d, m, (long long)y);
	else
		buf_addf(out, "%04lld-%02u-%02u", (long long)y, m, d);
}

int render_util_weekday(int64_t day)
{
	int64_t w = (day + 3) % 7; /* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

void render_util_clean(struct buf *out, const char *s, size_t n,
		       const char *rep)
{
	size_t i = 0, from = 0, l;

	while (i < n) {
		if (!(l = render_util_ctrl(s + i, n - i))) {
			i++;
			continue;
		}
		buf_add(out, s + from, i - from);
		buf_adds(out, rep);
		i += l;
		from = i;
	}
	buf_add(out, s + from, n - from);
}

void render_util_shown(struct buf *out, const char *s, size_t n,
		       size_t maxchars)
{
	size_t i = 0, l, chars = 0;

	buf_reset(out);
	while (i < n) {
		if (chars == maxchars) {
			buf_adds(out, "…");
			break;
		}
		if ((l = render_util_ctrl(s + i, n - i))) {
			/* C0 and DEL are one byte, C1 the second of two */
			buf_addf(out, "\\u%04x", (unsigned char)s[i + l - 1]);
		} else {
			l = seqlen((unsigned char)s[i]);
			if (l > n - i)
				l = n - i;
			buf_add(out, s + i, l);
		}
		i += l;
		chars++;
	}
	buf_addc(out, '\0');
	out->len--;
}

/* ---- numbers rounded as text --------------------------------------------- */

int render_util_round(struct buf *out, const char *s, size_t n, int dec,
		      int trim)
{
	struct buf dg = BUF_INIT; /* the digits, then the result's */
	size_t i = 0, j;
	long point = 0, e = 0, keep;
	int neg = 0, nonzero = 0, esign = 1, up;

	if (i < n && s[i] == '-')
		neg = 1, i++;
	for (; i < n && s[i] >= '0' && s[i] <= '9'; i++, point++)
		buf_addc(&dg, s[i]);
	if (i < n && s[i] == '.')
		for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			buf_addc(&dg, s[i]);
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			esign = s[i++] == '-' ? -1 : 1;
		for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			if (e < 1000000)
				e = e * 10 + (s[i] - '0');
	}
	if (i != n || !dg.len || dec < 0 || dec > 30) {
		buf_release(&dg);
		return -1;
	}
	for (j = 0; j < dg.len; j++)
		nonzero |= dg.p[j] != '0';
	/* digit j is worth 10^(point - 1 - j): keep those worth 10^-dec */
	point += esign * e;
	if (point > 100000) {
		buf_release(&dg);
		return -1;
	}
	keep = point + dec;
	up = keep >= 0 && (size_t)keep < dg.len && dg.p[keep] >= '5';
	dg.len = keep < 0 ? 0 : (size_t)keep < dg.len ? (size_t)keep : dg.len;
	while ((long)dg.len < keep)
		buf_addc(&dg, '0');
	for (j = dg.len; up && j-- > 0;) {
		up = dg.p[j] == '9';
		dg.p[j] = up ? '0' : (char)(dg.p[j] + 1);
	}
	if (up) {
		buf_addc(&dg, '0');
		memmove(dg.p + 1, dg.p, dg.len - 1);
		dg.p[0] = '1';
	}
	while (dg.len < (size_t)dec + 1) { /* at least one integer digit */
		buf_addc(&dg, '0');
		memmove(dg.p + 1, dg.p, dg.len - 1);
		dg.p[0] = '0';
	}
	for (j = 0; j + 1 < dg.len - (size_t)dec && dg.p[j] == '0'; j++)
		;
	if (neg && nonzero)
		buf_addc(out, '-');
	buf_add(out, dg.p + j, dg.len - (size_t)dec - j);
	if (dec) {
		buf_addc(out, '.');
		buf_add(out, dg.p + dg.len - dec, (size_t)dec);
	}
	if (trim && dec) {
		while (out->p[out->len - 1] == '0')
			out->len--;
		if (out->p[out->len - 1] == '.')
			out->len--;
		out->p[out->len] = '\0';
	}
	buf_release(&dg);
	return 0;
}
