/* render_util.c - what the formats share: quantiles, table cells. */
#include "render.h"

#include <math.h>
#include <stdlib.h>

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

double quantile(double *v, size_t n, double p)
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

size_t utf8_chars(const char *s, size_t n)
{
	size_t i = 0, k = 0, l;

	while (i < n) {
		l = seqlen((unsigned char)s[i]);
		i += l <= n - i ? l : n - i;
		k++;
	}
	return k;
}

static int is_space(const char *s, size_t n, size_t *len)
{
	unsigned char c = (unsigned char)s[0];

	if (c < 0x20 || c == ' ' || c == 0x7f) {
		*len = 1;
		return 1;
	}
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

void md_cell(struct buf *out, const char *s, size_t n, size_t maxchars)
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
	total = utf8_chars(tmp.p, tmp.len);
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
