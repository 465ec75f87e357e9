/* num.c - numbers read from records, exact sums; see num.h. */
#include "num.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "jw.h"

#define FX_DIGITS NUM_FX_DIGITS
#define FX_SCALE ((num_i128)1000000000)
/* 1e36: fixed-point values (1e27 units) stay far from overflow when summed. */
#define FX_LIMIT ((num_i128)1000000000000000000 * (num_i128)1000000000000000000)

int num_parse(const char *s, size_t n, struct num *out)
{
	const char *p = s, *end = s + n;
	num_i128 m = 0;
	int neg = 0, frac = 0, mdig = 0, big = 0;
	long e = 0;
	char tmp[128];

	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	if (p >= end || *p < '0' || *p > '9')
		return -1;
	if (*p == '0' && p + 1 < end && p[1] >= '0' && p[1] <= '9')
		return -1;
	for (; p < end && *p >= '0' && *p <= '9'; p++) {
		if (mdig < 36) {
			m = m * 10 + (*p - '0');
			if (m)
				mdig++;
		} else {
			big = 1;
		}
	}
	if (p < end && *p == '.') {
		p++;
		if (p >= end || *p < '0' || *p > '9')
			return -1;
		for (; p < end && *p >= '0' && *p <= '9'; p++) {
			if (mdig < 36) {
				m = m * 10 + (*p - '0');
				if (m)
					mdig++;
				frac++;
			} else if (*p != '0') {
				big = 1;
			}
		}
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		int eneg = 0;

		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		if (p >= end || *p < '0' || *p > '9')
			return -1;
		for (; p < end && *p >= '0' && *p <= '9'; p++)
			if (e < 100000)
				e = e * 10 + (*p - '0');
		if (eneg)
			e = -e;
	}
	if (p != end)
		return -1;

	/* the double, for histograms and the inexact path */
	if (n < sizeof tmp) {
		memcpy(tmp, s, n);
		tmp[n] = '\0';
		out->d = strtod(tmp, NULL);
	} else {
		char *c = xstrndup(s, n);

		out->d = strtod(c, NULL);
		free(c);
	}
	/* infinite, or read as 0 though a digit is not: not a double's */
	if (isinf(out->d) || (out->d == 0 && (m != 0 || big)))
		return NUM_ERANGE;

	out->exact = 0;
	if (!big) {
		long sh = FX_DIGITS + e - frac; /* value = m * 10^(sh - 9) */

		while (sh < 0 && m % 10 == 0 && m != 0) {
			m /= 10;
			sh++;
		}
		if (m == 0)
			sh = 0;
		if (sh >= 0) {
			for (; sh > 0 && m < FX_LIMIT; sh--)
				m *= 10;
			if (sh == 0 && m < FX_LIMIT) {
				out->exact = 1;
				out->fx = neg ? -m : m;
			}
		}
	}
	return 0;
}

int num_read(struct json_span v, struct buf *scratch, struct num *out)
{
	const char *p;
	size_t n;
	int rc;

	switch (v.type) {
	case JSON_NONE:
	case JSON_NULL:
		return 0;
	case JSON_NUMBER:
		p = v.p;
		n = v.n;
		break;
	case JSON_STRING:
		if (json_str_view(v, scratch, &p, &n) < 0)
			return -1;
		break;
	default:
		return -1;
	}
	rc = num_parse(p, n, out);
	return rc == 0 ? 1 : rc;
}

void num_from_fx(struct num *out, num_i128 fx)
{
	out->exact = 1;
	out->fx = fx;
	out->d = (double)((long double)fx / (long double)FX_SCALE);
}

void num_sum_add(struct num_sum *s, const struct num *n)
{
	if (n->exact) {
		s->fx += n->fx;
		/* keep fx in range: spill to fl when it grows too large */
		if (s->fx >= FX_LIMIT || s->fx <= -FX_LIMIT) {
			s->fl += (long double)s->fx / (long double)FX_SCALE;
			s->fx = 0;
			s->nfl++;
		}
	} else {
		s->fl += (long double)n->d;
		s->nfl++;
	}
}

void num_sum_write(const struct num_sum *s, struct buf *b)
{
	char tmp[64], *q = tmp + sizeof tmp;
	unsigned __int128 u;
	int i, started = 0;

	if (s->nfl) {
		long double t =
			s->fl + (long double)s->fx / (long double)FX_SCALE;

		if (isfinite(t) && fabsl(t) > DBL_MAX) {
			/* finite addends: a sum past a double's is still one */
			snprintf(tmp, sizeof tmp, "%.17Lg", t);
			buf_adds(b, tmp);
		} else {
			jw_f64(b, (double)t);
		}
		return;
	}
	u = s->fx < 0 ? (unsigned __int128)0 - (unsigned __int128)s->fx
		      : (unsigned __int128)s->fx;
	/* fraction digits, trailing zeros dropped */
	for (i = 0; i < FX_DIGITS; i++) {
		int d = (int)(u % 10);

		u /= 10;
		if (d || started) {
			*--q = (char)('0' + d);
			started = 1;
		}
	}
	if (started)
		*--q = '.';
	do {
		*--q = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u);
	if (s->fx < 0)
		*--q = '-';
	buf_add(b, q, (size_t)(tmp + sizeof tmp - q));
}
