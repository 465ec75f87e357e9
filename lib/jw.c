/* jw.c - JSON values written into a buffer; see jw.h. */
#include "jw.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* Appends the escape of c: '"', '\\' or a control character. */
static void put_escape(struct buf *b, unsigned char c)
{
	static const char hex[] = "0123456789abcdef";

	switch (c) {
	case '"':
		buf_add(b, "\\\"", 2);
		break;
	case '\\':
		buf_add(b, "\\\\", 2);
		break;
	case '\n':
		buf_add(b, "\\n", 2);
		break;
	case '\r':
		buf_add(b, "\\r", 2);
		break;
	case '\t':
		buf_add(b, "\\t", 2);
		break;
	case '\b':
		buf_add(b, "\\b", 2);
		break;
	case '\f':
		buf_add(b, "\\f", 2);
		break;
	default: {
		char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
		buf_add(b, u, 6);
	}
	}
}

/*
 * How many bytes at the start of p[0..end) need no escape ('"', '\\',
 * below 0x20), 16 at a time; the bytes from lo on may be read (the last
 * block is the 16 bytes before end when they are that far).
 */
static size_t plain_run(const char *lo, const char *p, const char *end)
{
	const char *s = p;
#if defined(__SSE2__) && defined(__GNUC__)
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i c1f = _mm_set1_epi8(0x1f);
	unsigned sh, m;
	__m128i v;

	for (;;) {
		if (end - p >= 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)p);
			sh = 0;
		} else if (p < end && end - lo >= 16) {
			v = _mm_loadu_si128(
				(const __m128i *)(const void *)(end - 16));
			sh = 16 - (unsigned)(end - p);
		} else {
			break;
		}
		/* unsigned v <= 0x1f: min(v, 0x1f) == v */
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_or_si128(_mm_cmpeq_epi8(v, quote),
					 _mm_cmpeq_epi8(v, bslash)),
			    _mm_cmpeq_epi8(_mm_min_epu8(v, c1f), v))) >>
		    sh;
		if (m)
			return (size_t)(p - s) + (unsigned)__builtin_ctz(m);
		if (sh)
			return (size_t)(end - s);
		p += 16;
	}
#else
	(void)lo;
#endif
	while (p < end && (unsigned char)*p >= 0x20 && *p != '"' && *p != '\\')
		p++;
	return (size_t)(p - s);
}

void jw_str_utf8(struct buf *b, const char *s, size_t n)
{
	const char *p = s, *end = s + n;
	size_t k;

	buf_grow(b, n + 2);
	b->p[b->len++] = '"';
	while (p < end) {
		k = plain_run(s, p, end);
		if (k)
			buf_add(b, p, k);
		p += k;
		if (p >= end)
			break;
		put_escape(b, (unsigned char)*p++);
	}
	buf_addc(b, '"');
}

void jw_str(struct buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + n;
	const unsigned char *run;
	unsigned char hi = 0;
	size_t k;

	buf_grow(b, n + 2);
	b->p[b->len++] = '"';
	while (p < end) {
		/* valid UTF-8 with nothing to escape goes as it is */
		run = p;
		p += utf8_clean_run(s, (const char *)p, (const char *)end, &hi);
		if (p > run)
			buf_add(b, run, (size_t)(p - run));
		if (p >= end)
			break;
		unsigned char c = *p;
		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			buf_addc(b, (char)c); /* a run's early stop */
			p++;
			continue;
		}
		if (c >= 0x80) {
			k = utf8_seq(p, end);
			if (k) {
				buf_add(b, p, k);
				p += k;
			} else {
				buf_add(b, "\xef\xbf\xbd", 3);
				p++;
			}
			continue;
		}
		p++;
		put_escape(b, c);
	}
	buf_addc(b, '"');
}

void jw_cstr(struct buf *b, const char *s)
{
	if (s)
		jw_str(b, s, strlen(s));
	else
		jw_null(b);
}

void jw_i64(struct buf *b, int64_t v)
{
	char tmp[24], *q = tmp + sizeof tmp;
	uint64_t u = v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;

	do {
		*--q = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--q = '-';
	buf_add(b, q, (size_t)(tmp + sizeof tmp - q));
}

void jw_f64(struct buf *b, double v)
{
	char tmp[40];
	int prec;

	if (!isfinite(v)) {
		jw_null(b);
		return;
	}
	/* The range test first: converting a double outside int64_t's range is
	 * undefined behaviour. */
	if (fabs(v) < 9e15 && v == (double)(int64_t)v) {
		jw_i64(b, (int64_t)v);
		return;
	}
	for (prec = 15; prec <= 17; prec++) {
		snprintf(tmp, sizeof tmp, "%.*g", prec, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	buf_adds(b, tmp);
}

void jw_fixed(struct buf *b, double v, int decimals)
{
	char tmp[64];
	int n;

	if (!isfinite(v)) {
		jw_null(b);
		return;
	}
	n = snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
	if (n <= 0 || (size_t)n >= sizeof tmp) {
		jw_f64(b, v);
		return;
	}
	if (strchr(tmp, '.')) {
		while (n > 0 && tmp[n - 1] == '0')
			n--;
		if (n > 0 && tmp[n - 1] == '.')
			n--;
	}
	tmp[n] = '\0';
	if (strcmp(tmp, "-0") == 0)
		buf_adds(b, "0");
	else
		buf_add(b, tmp, (size_t)n);
}

void jw_null(struct buf *b)
{
	buf_add(b, "null", 4);
}

void jw_bool(struct buf *b, int v)
{
	if (v)
		buf_add(b, "true", 4);
	else
		buf_add(b, "false", 5);
}
