/* json.c - validating scanner, string decoding and iteration; see json.h. */
#include "json.h"

#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *fail(struct json_error *e, const char *base, const char *at,
			const char *msg)
{
	if (e) {
		e->off = (size_t)(at - base);
		snprintf(e->msg, sizeof e->msg, "%s", msg);
	}
	return NULL;
}

static inline int is_ws(unsigned char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static inline const char *skip_ws(const char *p, const char *end)
{
	while (p < end && (unsigned char)*p <= ' ' && is_ws((unsigned char)*p))
		p++;
	return p;
}

/* A hex digit's value + 1, 0 for any other byte. */
static const unsigned char hex1[256] = {
	['0'] = 1,  ['1'] = 2,	['2'] = 3,  ['3'] = 4,	['4'] = 5,  ['5'] = 6,
	['6'] = 7,  ['7'] = 8,	['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12,
	['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16, ['A'] = 11, ['B'] = 12,
	['C'] = 13, ['D'] = 14, ['E'] = 15, ['F'] = 16,
};

/*
 * Reads 4 hex digits at p (caller checked there are 4 bytes): a table
 * lookup a digit, no branch but the one on the result.  @return the value,
 * or -1.
 */
static inline long hex4(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	unsigned a = hex1[u[0]], b = hex1[u[1]], c = hex1[u[2]], d = hex1[u[3]];

	if (!a || !b || !c || !d)
		return -1;
	return (long)((a - 1) << 12 | (b - 1) << 8 | (c - 1) << 4 | (d - 1));
}

/* The bytes a backslash may escape besides 'u' (RFC 8259, 7). */
static const unsigned char esc2[256] = {
	['"'] = 1, ['\\'] = 1, ['/'] = 1, ['b'] = 1,
	['f'] = 1, ['n'] = 1,  ['r'] = 1, ['t'] = 1,
};

#if defined(__SSE2__) && defined(__GNUC__)
/*
 * Whether the 16 bytes at p start with two \u escapes that are not
 * surrogates ("\u0421\u043e"): the twelve bytes are checked at once, and
 * anything else (another escape, a bad digit, a surrogate, which must
 * pair) is left to the byte-by-byte code, which accepts and refuses
 * exactly the same.
 */
static inline int two_u_escapes(const char *p)
{
	const __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
	const __m128i zero = _mm_setzero_si128();
	const __m128i pat = _mm_setr_epi8('\\', 'u', 0, 0, 0, 0, '\\', 'u', 0,
					  0, 0, 0, 0, 0, 0, 0);
	/* digits: v - '0' in 0..9; letters: (v | 0x20) - 'a' in 0..5 */
	const __m128i d = _mm_sub_epi8(v, _mm_set1_epi8('0'));
	const __m128i l = _mm_or_si128(v, _mm_set1_epi8(0x20));
	const __m128i isd =
		_mm_cmpeq_epi8(_mm_subs_epu8(d, _mm_set1_epi8(9)), zero);
	const __m128i isa = _mm_cmpeq_epi8(
		_mm_subs_epu8(_mm_sub_epi8(l, _mm_set1_epi8('a')),
			      _mm_set1_epi8(5)),
		zero);
	/* a surrogate: D then 8..F as its first two digits */
	const __m128i is_d = _mm_cmpeq_epi8(l, _mm_set1_epi8('d'));
	const __m128i ge8 = _mm_or_si128(
		_mm_and_si128(isd, _mm_cmpgt_epi8(d, _mm_set1_epi8(7))), isa);
	unsigned eq = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, pat));
	unsigned hex = (unsigned)_mm_movemask_epi8(_mm_or_si128(isd, isa));
	unsigned sd = (unsigned)_mm_movemask_epi8(is_d);
	unsigned s8 = (unsigned)_mm_movemask_epi8(ge8);

	return (eq & 0xc3) == 0xc3 && (hex & 0xf3c) == 0xf3c &&
	       !(sd & (s8 >> 1) & 0x104);
}
#endif

/*
 * Scans the string whose opening quote is at start, from p on (what lies
 * between is plain ASCII); sets *flags.
 */
static const char *scan_string_slow(const char *base, const char *start,
				    const char *p, const char *end,
				    unsigned char *flags, struct json_error *e)
{
	unsigned char fl = 0, hi = 0;
	long cp, lo;
	size_t k;

	for (;;) {
		p += utf8_clean_run(start, p, end, &hi);
		if (p >= end)
			return fail(e, base, start, "unterminated string");
		unsigned char c = (unsigned char)*p;
		if (c == '"') {
			*flags = fl | (hi ? JSON_F_NONASCII : 0);
			return p + 1;
		}
		if (c == '\\') {
			fl |= JSON_F_ESC;
			/* escapes back to back (a \u-escaped word) in one
			 * loop, without a run scan between them */
			do {
#if defined(__SSE2__) && defined(__GNUC__)
				if (end - p >= 16 && two_u_escapes(p)) {
					p += 12;
					continue;
				}
#endif
				if (end - p < 2)
					return fail(e, base, start,
						    "unterminated string");
				if (p[1] != 'u') {
					if (!esc2[(unsigned char)p[1]])
						return fail(e, base, p,
							    "invalid escape in "
							    "string");
					p += 2;
					continue;
				}
				if (end - p < 6 || (cp = hex4(p + 2)) < 0)
					return fail(
						e, base, p,
						"invalid \\u escape in string");
				p += 6;
				if ((unsigned long)cp - 0xd800 >= 0x800)
					continue; /* not a surrogate */
				if (cp >= 0xdc00)
					return fail(
						e, base, p - 6,
						"lone low surrogate in string");
				if (end - p < 6 || p[0] != '\\' ||
				    p[1] != 'u' || (lo = hex4(p + 2)) < 0 ||
				    lo < 0xdc00 || lo > 0xdfff)
					return fail(
						e, base, p - 6,
						"lone high surrogate in string");
				p += 6;
			} while (p < end && *p == '\\');
			continue;
		}
		if (c < 0x20)
			return fail(
				e, base, p,
				"control character in string (must be escaped)");
		if (c < 0x80) { /* only in a run's early stop */
			p++;
			continue;
		}
		/* A run of non-ASCII characters (Cyrillic words) in one loop.
		 */
		fl |= JSON_F_NONASCII;
		do {
			const unsigned char *u = (const unsigned char *)p;
			if (u[0] >= 0xc2 && u[0] <= 0xdf && end - p >= 2 &&
			    (u[1] & 0xc0) == 0x80) {
				p += 2;
				continue;
			}
			k = utf8_seq(u, (const unsigned char *)end);
			if (!k)
				return fail(e, base, p,
					    "invalid UTF-8 in string");
			p += k;
		} while (p < end && (unsigned char)*p >= 0x80);
	}
}

/*
 * As scan_string_slow(), with an ASCII string without escapes (a key, a
 * code, a date) done inline, a block at a time until its closing quote.
 */
static inline const char *scan_string(const char *base, const char *p,
				      const char *end, unsigned char *flags,
				      struct json_error *e)
{
#if defined(__SSE2__) && defined(__GNUC__)
	const char *q = p + 1;
	unsigned m, sh = 0;
	__m128i v;

	for (;;) {
		if (end - q >= 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)q);
		} else if (q < end && end - p >= 16) {
			/* the last 16 bytes, those before q shifted out */
			v = _mm_loadu_si128(
				(const __m128i *)(const void *)(end - 16));
			sh = 16 - (unsigned)(end - q);
		} else {
			break;
		}
		m = (unsigned)_mm_movemask_epi8(_mm_or_si128(
			    _mm_or_si128(
				    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
				    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))),
			    _mm_cmplt_epi8(v, _mm_set1_epi8(0x20)))) >>
		    sh;
		if (!m) {
			if (sh) { /* nothing up to end */
				q = end;
				break;
			}
			q += 16;
			continue;
		}
		q += __builtin_ctz(m);
		if (*q != '"')
			break;
		*flags = 0;
		return q + 1;
	}
	/* q is past ASCII bytes only: the slow scan starts there */
	return scan_string_slow(base, p, q, end, flags, e);
#else
	return scan_string_slow(base, p, p + 1, end, flags, e);
#endif
}

static const char *scan_number(const char *base, const char *p, const char *end,
			       struct json_error *e)
{
	const char *start = p;

	if (p < end && *p == '-')
		p++;
	if (p >= end)
		return fail(e, base, start, "invalid number");
	if (*p == '0') {
		p++;
	} else if (*p >= '1' && *p <= '9') {
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	} else {
		return fail(e, base, start, "invalid number");
	}
	if (p < end && *p == '.') {
		p++;
		if (p >= end || *p < '0' || *p > '9')
			return fail(e, base, start, "invalid number");
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || *p < '0' || *p > '9')
			return fail(e, base, start, "invalid number");
		while (p < end && *p >= '0' && *p <= '9')
			p++;
	}
	return p;
}

static int literal(const char *p, const char *end, const char *lit, size_t n)
{
	return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

/*
 * A string, number or literal without json_scan_nested()'s machinery for
 * nesting: most values of a record are one.  @return NULL with *done 0
 * when p starts something else (json_scan_nested() takes it, and reports
 * what is wrong), NULL with *done 1 after an error.
 */
static inline const char *scan_scalar(const char *base, const char *p,
				      const char *end, struct json_span *out,
				      struct json_error *e, int *done)
{
	const char *q;
	unsigned char fl = 0, type;

	*done = 1;
	switch (*p) {
	case '"':
		q = scan_string(base, p, end, &fl, e);
		type = JSON_STRING;
		break;
	case '-':
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	case '8':
	case '9':
		q = scan_number(base, p, end, e);
		type = JSON_NUMBER;
		break;
	case 't':
		if (!literal(p, end, "true", 4))
			return fail(e, base, p, "invalid literal");
		q = p + 4;
		type = JSON_TRUE;
		break;
	case 'f':
		if (!literal(p, end, "false", 5))
			return fail(e, base, p, "invalid literal");
		q = p + 5;
		type = JSON_FALSE;
		break;
	case 'n':
		if (!literal(p, end, "null", 4))
			return fail(e, base, p, "invalid literal");
		q = p + 4;
		type = JSON_NULL;
		break;
	default:
		*done = 0;
		return NULL;
	}
	if (q && out) {
		out->p = p;
		out->n = (size_t)(q - p);
		out->type = type;
		out->flags = fl;
	}
	return q;
}

/*
 * An array of strings, numbers and literals (a record's [id, "name"] and
 * its lists of ids) without json_scan_nested()'s machinery, which six
 * members of each Odoo message went through.  @return the byte after its
 * ']', or NULL for anything else - a value nested in it, or an error,
 * which json_scan_nested() then meets again and reports.
 */
static inline const char *scan_flat_array(const char *base, const char *p,
					  const char *end)
{
	unsigned char fl;
	int done;

	p = skip_ws(p + 1, end);
	if (p < end && *p == ']')
		return p + 1;
	for (;;) {
		if (p >= end || *p == '[' || *p == '{')
			return NULL;
		if (*p == '"')
			p = scan_string(base, p, end, &fl, NULL);
		else
			p = scan_scalar(base, p, end, NULL, NULL, &done);
		if (!p)
			return NULL;
		p = skip_ws(p, end);
		if (p >= end)
			return NULL;
		if (*p == ']')
			return p + 1;
		if (*p != ',')
			return NULL;
		p = skip_ws(p + 1, end);
	}
}

const char *json_scan_value(const char *base, const char *p, const char *end,
			    struct json_span *out, struct json_error *e)
{
	return json_scan_nested(base, p, end, 0, out, e);
}

#if defined(__SSE2__) && defined(__GNUC__)
/*
 * Whether the string at p (its '"') is khint bytes long, quotes included,
 * ASCII and without escapes: its first byte that a string scan stops at
 * is a '"' at p + khint - 1.  The caller checked 2 <= khint <= 17 and 17
 * bytes at p.  The answer goes to a branch, and the end of the key is
 * known without the wait for the search (a chain of dependent steps that
 * each of a record's members waited for).
 */
static inline int key_is_hint(const char *p, size_t khint)
{
	const __m128i v =
		_mm_loadu_si128((const __m128i *)(const void *)(p + 1));
	unsigned q = (unsigned)_mm_movemask_epi8(
		_mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
	unsigned s = (unsigned)_mm_movemask_epi8(
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\\')),
			     _mm_cmplt_epi8(v, _mm_set1_epi8(0x20))));
	unsigned bit = 1u << (khint - 2);

	return ((q | s) & ((bit << 1) - 1)) == bit && (q & bit);
}
#endif

const char *json_scan_member(const char *base, const char *p, const char *end,
			     int outer, size_t khint, struct json_span *key,
			     struct json_span *val, struct json_error *e)
{
	const char *q;
	int done;

	if (p >= end || *p != '"')
		return fail(e, base, p, "expected a string key in object");
#if defined(__SSE2__) && defined(__GNUC__)
	if (khint >= 2 && khint <= 17 && end - p >= 17 &&
	    key_is_hint(p, khint)) {
		q = p + khint;
		key->flags = 0;
	} else
#endif
	{
		q = scan_string(base, p, end, &key->flags, e);
		if (!q)
			return NULL;
	}
	key->p = p;
	key->n = (size_t)(q - p);
	key->type = JSON_STRING;
	p = skip_ws(q, end);
	if (p >= end || *p != ':')
		return fail(e, base, p, "expected ':' after key in object");
	p = skip_ws(p + 1, end);
	if (p < end && *p == '"') {
		q = scan_string(base, p, end, &val->flags, e);
		if (!q)
			return NULL;
		val->p = p;
		val->n = (size_t)(q - p);
		val->type = JSON_STRING;
		return q;
	}
	if (p < end && *p == '[' && outer < JSON_MAX_DEPTH &&
	    (q = scan_flat_array(base, p, end))) {
		val->p = p;
		val->n = (size_t)(q - p);
		val->type = JSON_ARRAY;
		val->flags = 0;
		return q;
	}
	if (p < end) {
		q = scan_scalar(base, p, end, val, e, &done);
		if (done)
			return q;
	}
	return json_scan_nested(base, p, end, outer, val, e);
}

const char *json_scan_nested(const char *base, const char *p, const char *end,
			     int outer, struct json_span *out,
			     struct json_error *e)
{
	unsigned char stack[JSON_MAX_DEPTH]; /* 1: object, 0: array */
	int depth = 0;
	int max = outer < 0		   ? JSON_MAX_DEPTH
		  : outer > JSON_MAX_DEPTH ? 0
					   : JSON_MAX_DEPTH - outer;
	const char *start = p, *q;
	unsigned char fl = 0, type;
	int done;

	if (p >= end)
		return fail(e, base, p, "expected a value, got end of input");
	q = scan_scalar(base, p, end, out, e, &done);
	if (done)
		return q;
	switch (*p) {
	case '{':
		type = JSON_OBJECT;
		break;
	case '[':
		type = JSON_ARRAY;
		break;
	case '"':
		type = JSON_STRING;
		break;
	case 't':
		type = JSON_TRUE;
		break;
	case 'f':
		type = JSON_FALSE;
		break;
	case 'n':
		type = JSON_NULL;
		break;
	default:
		type = JSON_NUMBER;
		break;
	}

value:
	if (p >= end)
		return fail(e, base, p, "expected a value, got end of input");
	switch (*p) {
	case '{':
		if (depth == max)
			return fail(e, base, p, "nesting too deep");
		stack[depth++] = 1;
		p = skip_ws(p + 1, end);
		if (p < end && *p == '}') {
			p++;
			depth--;
			goto after;
		}
		goto key;
	case '[':
		if (depth == max)
			return fail(e, base, p, "nesting too deep");
		stack[depth++] = 0;
		p = skip_ws(p + 1, end);
		if (p < end && *p == ']') {
			p++;
			depth--;
			goto after;
		}
		goto value;
	case '"': {
		unsigned char sf;
		p = scan_string(base, p, end, &sf, e);
		if (!p)
			return NULL;
		if (depth == 0)
			fl = sf;
		goto after;
	}
	case 't':
		if (!literal(p, end, "true", 4))
			return fail(e, base, p, "invalid literal");
		p += 4;
		goto after;
	case 'f':
		if (!literal(p, end, "false", 5))
			return fail(e, base, p, "invalid literal");
		p += 5;
		goto after;
	case 'n':
		if (!literal(p, end, "null", 4))
			return fail(e, base, p, "invalid literal");
		p += 4;
		goto after;
	case '-':
	case '0':
	case '1':
	case '2':
	case '3':
	case '4':
	case '5':
	case '6':
	case '7':
	case '8':
	case '9':
		p = scan_number(base, p, end, e);
		if (!p)
			return NULL;
		goto after;
	default:
		return fail(e, base, p,
			    "unexpected character, expected a value");
	}

after:
	if (depth == 0)
		goto done;
	p = skip_ws(p, end);
	if (p >= end)
		return fail(e, base, p,
			    stack[depth - 1] ? "unterminated object"
					     : "unterminated array");
	if (*p == ',') {
		p = skip_ws(p + 1, end);
		if (stack[depth - 1])
			goto key;
		goto value;
	}
	if (*p == (stack[depth - 1] ? '}' : ']')) {
		p++;
		depth--;
		goto after;
	}
	return fail(e, base, p,
		    stack[depth - 1] ? "expected ',' or '}' in object"
				     : "expected ',' or ']' in array");

key:
	if (p >= end)
		return fail(e, base, p, "unterminated object");
	if (*p != '"')
		return fail(e, base, p, "expected a string key in object");
	{
		unsigned char kf;
		p = scan_string(base, p, end, &kf, e);
		if (!p)
			return NULL;
	}
	p = skip_ws(p, end);
	if (p >= end || *p != ':')
		return fail(e, base, p, "expected ':' after key in object");
	p = skip_ws(p + 1, end);
	goto value;

done:
	if (out) {
		out->p = start;
		out->n = (size_t)(p - start);
		out->type = type;
		out->flags = fl;
	}
	return p;
}

int json_validate(const char *p, size_t n, struct json_error *e)
{
	const char *end = p + n, *q;

	q = skip_ws(p, end);
	q = json_scan_value(p, q, end, NULL, e);
	if (!q)
		return -1;
	q = skip_ws(q, end);
	if (q != end) {
		fail(e, p, q, "unexpected text after the value");
		return -1;
	}
	return 0;
}

void json_compact(struct buf *b, const char *p, size_t n)
{
	const char *end = p + n, *q;

	buf_grow(b, n);
	while (p < end) {
		if (*p == '"') {
			for (q = p + 1; q < end && *q != '"'; q++)
				if (*q == '\\')
					q++;
			q = q < end ? q + 1 : end;
			buf_add(b, p, (size_t)(q - p));
			p = q;
		} else if (is_ws((unsigned char)*p)) {
			p++;
		} else {
			buf_addc(b, *p++);
		}
	}
}

const char *json_type_name(int type)
{
	switch (type) {
	case JSON_NULL:
		return "null";
	case JSON_FALSE:
		return "false";
	case JSON_TRUE:
		return "true";
	case JSON_NUMBER:
		return "number";
	case JSON_STRING:
		return "string";
	case JSON_ARRAY:
		return "array";
	case JSON_OBJECT:
		return "object";
	default:
		return "nothing";
	}
}

/* ---- decoding ------------------------------------------------------------ */

/*
 * Decodes the content of a validated string span into d, which has room
 * for s.n bytes (decoding never grows).  @return the decoded length.
 */
static size_t decode_into(struct json_span s, char *d)
{
	const char *p = s.p + 1, *end = s.p + s.n - 1, *bs;
	char *d0 = d;
	long cp, lo;

	while (p < end) {
		if (*p != '\\') {
			bs = memchr(p, '\\', (size_t)(end - p));
			if (!bs) {
				memcpy(d, p, (size_t)(end - p));
				d += end - p;
				break;
			}
			memcpy(d, p, (size_t)(bs - p));
			d += bs - p;
			p = bs;
		}
		p++;
		if (*p == 'u' && (cp = hex4(p + 1)) >= 0 &&
		    (unsigned long)cp - 0xd800 >= 0x800) {
			/* the common \u escape, written inline */
			p += 5;
			if (cp < 0x80) {
				*d++ = (char)cp;
			} else if (cp < 0x800) {
				d[0] = (char)(0xc0 | (cp >> 6));
				d[1] = (char)(0x80 | (cp & 0x3f));
				d += 2;
			} else {
				d[0] = (char)(0xe0 | (cp >> 12));
				d[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
				d[2] = (char)(0x80 | (cp & 0x3f));
				d += 3;
			}
			continue;
		}
		switch (*p++) {
		case 'b':
			*d++ = '\b';
			break;
		case 'f':
			*d++ = '\f';
			break;
		case 'n':
			*d++ = '\n';
			break;
		case 'r':
			*d++ = '\r';
			break;
		case 't':
			*d++ = '\t';
			break;
		case 'u':
			cp = hex4(p);
			p += 4;
			if (cp >= 0xd800 && cp <= 0xdbff && end - p >= 6 &&
			    p[0] == '\\' && p[1] == 'u') {
				lo = hex4(p + 2);
				if (lo >= 0xdc00 && lo <= 0xdfff) {
					cp = 0x10000 + ((cp - 0xd800) << 10) +
					     (lo - 0xdc00);
					p += 6;
				}
			}
			if (cp < 0 || (cp >= 0xd800 && cp <= 0xdfff))
				cp = 0xfffd;
			d += utf8_put(d, (unsigned long)cp);
			break;
		default: /* '"', '\\', '/' */
			*d++ = p[-1];
			break;
		}
	}
	return (size_t)(d - d0);
}

int json_str_decode(struct json_span s, struct buf *out)
{
	if (s.type != JSON_STRING || s.n < 2)
		return -1;
	if (!(s.flags & JSON_F_ESC)) {
		buf_add(out, s.p + 1, s.n - 2);
		return 0;
	}
	buf_grow(out, s.n);
	out->len += decode_into(s, out->p + out->len);
	out->p[out->len] = '\0';
	return 0;
}

int json_str_view(struct json_span s, struct buf *scratch, const char **p,
		  size_t *n)
{
	if (s.type != JSON_STRING || s.n < 2)
		return -1;
	if (!(s.flags & JSON_F_ESC)) {
		*p = s.p + 1;
		*n = s.n - 2;
		return 0;
	}
	buf_reset(scratch);
	json_str_decode(s, scratch);
	*p = scratch->p;
	*n = scratch->len;
	return 0;
}

int json_str_eq(struct json_span s, const char *str, size_t n)
{
	char tmp[256];
	char *d;
	size_t len;
	int eq;

	if (s.type != JSON_STRING || s.n < 2)
		return 0;
	if (!(s.flags & JSON_F_ESC))
		return s.n - 2 == n && memcmp(s.p + 1, str, n) == 0;
	d = s.n <= sizeof tmp ? tmp : xmalloc(s.n);
	len = decode_into(s, d);
	eq = len == n && memcmp(d, str, n) == 0;
	if (d != tmp)
		free(d);
	return eq;
}

/* ---- iteration over validated values ------------------------------------- */

/* Skips a validated value at p; fills *out. */
/*
 * The first '"' or '\\' at or after q, or end: eight bytes at a time while
 * there is none, since string content is most of a record.  Sets *hi when
 * a byte passed is >= 0x80.
 */
static inline const char *str_stop(const char *q, const char *end,
				   unsigned char *hi)
{
	const uint64_t ones = 0x0101010101010101ULL;
	const uint64_t highs = 0x8080808080808080ULL;
	uint64_t v, a, b, acc = 0;

	while (end - q >= 8) {
		memcpy(&v, q, 8);
		a = v ^ (ones * '"');
		b = v ^ (ones * '\\');
		if (((a - ones) & ~a & highs) | ((b - ones) & ~b & highs))
			break;
		acc |= v;
		q += 8;
	}
	if (acc & highs)
		*hi = 1;
	while (q < end && *q != '"' && *q != '\\') {
		if ((unsigned char)*q >= 0x80)
			*hi = 1;
		q++;
	}
	return q;
}

static const char *skip_value(const char *p, const char *end,
			      struct json_span *out)
{
	const char *start = p;
	unsigned char fl = 0, type, hi = 0;
	int depth = 0;

	switch (*p) {
	case '"':
		type = JSON_STRING;
		p++;
		for (;;) {
			const char *q = str_stop(p, end, &hi);
			if (q >= end) {
				p = end;
				break;
			}
			if (*q == '\\') {
				fl |= JSON_F_ESC;
				p = q + 2;
				continue;
			}
			p = q + 1;
			break;
		}
		if (hi)
			fl |= JSON_F_NONASCII;
		break;
	case '{':
	case '[':
		type = *p == '{' ? JSON_OBJECT : JSON_ARRAY;
		for (; p < end; p++) {
			char c = *p;
			if (c == '"') {
				for (p++; p < end; p += 2) {
					p = str_stop(p, end, &hi);
					if (p >= end || *p == '"')
						break;
				}
			} else if (c == '{' || c == '[') {
				depth++;
			} else if (c == '}' || c == ']') {
				if (--depth == 0) {
					p++;
					break;
				}
			}
		}
		break;
	default:
		type = *p == 't'   ? JSON_TRUE
		       : *p == 'f' ? JSON_FALSE
		       : *p == 'n' ? JSON_NULL
				   : JSON_NUMBER;
		while (p < end && *p != ',' && *p != '}' && *p != ']' &&
		       !is_ws((unsigned char)*p))
			p++;
		break;
	}
	out->p = start;
	out->n = (size_t)(p - start);
	out->type = type;
	out->flags = fl;
	return p;
}

int json_iter_init(struct json_iter *it, struct json_span c)
{
	if (c.type != JSON_ARRAY && c.type != JSON_OBJECT)
		return -1;
	it->p = c.p + 1;
	it->end = c.p + c.n - 1;
	it->is_object = c.type == JSON_OBJECT;
	return 0;
}

int json_iter_next(struct json_iter *it, struct json_span *key,
		   struct json_span *val)
{
	struct json_span k;
	const char *p = skip_ws(it->p, it->end);

	if (p < it->end && *p == ',')
		p = skip_ws(p + 1, it->end);
	if (p >= it->end) {
		it->p = it->end;
		return 0;
	}
	if (it->is_object) {
		p = skip_value(p, it->end, &k);
		if (key)
			*key = k;
		p = skip_ws(p, it->end);
		if (p < it->end && *p == ':')
			p++;
		p = skip_ws(p, it->end);
	} else if (key) {
		key->p = NULL;
		key->n = 0;
		key->type = JSON_NONE;
		key->flags = 0;
	}
	it->p = skip_value(p, it->end, val);
	return 1;
}

/* ---- numbers ------------------------------------------------------------- */

int json_to_i64(struct json_span v, int64_t *out)
{
	const char *p = v.p, *end = v.p + v.n;
	int neg = 0;
	uint64_t acc = 0, lim;

	if (v.type != JSON_NUMBER || v.n == 0)
		return -1;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (p >= end)
		return -1;
	lim = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	/* up to 18 digits cannot overflow: no division for ids and counts */
	if (end - p <= 18) {
		for (; p < end; p++) {
			if (*p < '0' || *p > '9')
				return -1;
			acc = acc * 10 + (uint64_t)(*p - '0');
		}
	}
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return -1;
		if (acc > (lim - (uint64_t)(*p - '0')) / 10)
			return -1;
		acc = acc * 10 + (uint64_t)(*p - '0');
	}
	if (neg)
		*out = acc == (uint64_t)INT64_MAX + 1 ? INT64_MIN
						      : -(int64_t)acc;
	else
		*out = (int64_t)acc;
	return 0;
}

int json_to_double(struct json_span v, double *out)
{
	char tmp[64];
	char *s, *endp;
	double d;

	if (v.type != JSON_NUMBER || v.n == 0)
		return -1;
	s = v.n < sizeof tmp ? tmp : xmalloc(v.n + 1);
	memcpy(s, v.p, v.n);
	s[v.n] = '\0';
	d = strtod(s, &endp);
	if (s != tmp)
		free(s);
	*out = d;
	return 0;
}
