/* json_test.c - unit tests of lib/json.c (scanner, decoding, writers). */
#include <check.h>
#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "jw.h"

/* Check's ck_assert() talks to the parent process at every call: too slow
 * for loops over many values. */
#define QUICK_ASSERT(c)                                                        \
	do {                                                                   \
		if (!(c))                                                      \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);     \
	} while (0)

/* String literals may hold NUL bytes: their length is sizeof - 1. */
#define LIT(s) (s), (sizeof(s) - 1)

static int valid_n(const char *p, size_t n)
{
	struct json_error e;

	return json_validate(p, n, &e) == 0;
}

#define VALID(s) ck_assert_msg(valid_n(LIT(s)), "should be valid: %s", s)
#define INVALID(s) ck_assert_msg(!valid_n(LIT(s)), "should be invalid: %s", s)

/* Validates s, expecting failure at byte off with a message containing msg. */
#define FAILS_AT(s, off_, msg_)                                                \
	do {                                                                   \
		struct json_error e_;                                          \
		memset(&e_, 0, sizeof e_);                                     \
		ck_assert_int_eq(json_validate(LIT(s), &e_), -1);              \
		ck_assert_uint_eq(e_.off, off_);                               \
		ck_assert_msg(strstr(e_.msg, msg_) != NULL,                    \
			      "message '%s' lacks '%s'", e_.msg, msg_);        \
	} while (0)

/* The span of the single value s (which must be valid). */
static struct json_span span_n(const char *p, size_t n)
{
	struct json_span sp;
	struct json_error e;
	const char *end;

	end = json_scan_value(p, p, p + n, &sp, &e);
	ck_assert_msg(end != NULL, "scan failed: %s", e.msg);
	ck_assert_ptr_eq(end, p + n);
	return sp;
}
#define SPAN(s) span_n(LIT(s))

/* Decodes JSON string literal s and compares with want[0..wn). */
static void decodes_to(const char *s, size_t n, const char *want, size_t wn)
{
	struct json_span sp = span_n(s, n);
	struct buf b = BUF_INIT;

	ck_assert_int_eq(sp.type, JSON_STRING);
	ck_assert_int_eq(json_str_decode(sp, &b), 0);
	ck_assert_uint_eq(b.len, wn);
	ck_assert_mem_eq(b.p, want, wn);
	ck_assert_uint_le(b.len, n); /* decoding never grows */
	ck_assert_int_eq(b.p[b.len], '\0');
	ck_assert_int_eq(json_str_eq(sp, want, wn), 1);
	buf_release(&b);
}
#define DECODES(s, want) decodes_to(LIT(s), LIT(want))

/* ---- escapes ------------------------------------------------------------- */

START_TEST(escapes_all)
{
	DECODES("\"\\\"\"", "\"");
	DECODES("\"\\\\\"", "\\");
	DECODES("\"\\/\"", "/");
	DECODES("\"\\b\"", "\b");
	DECODES("\"\\f\"", "\f");
	DECODES("\"\\n\"", "\n");
	DECODES("\"\\r\"", "\r");
	DECODES("\"\\t\"", "\t");
	DECODES("\"a\\\"b\\\\c\\/d\\be\\ff\\ng\\rh\\ti\"",
		"a\"b\\c/d\be\ff\ng\rh\ti");
	DECODES("\"\\u0041\"", "A");
	DECODES("\"\\u00e9\\u00E9\"", "\xc3\xa9\xc3\xa9");
	DECODES("\"\\u20ac\"", "\xe2\x82\xac");
	DECODES("\"\\u0000\"", "\0");
	DECODES("\"a\\u0000b\"", "a\0b");
	DECODES("\"\\u001f\\u007f\"", "\x1f\x7f");
	DECODES("\"\\u0800\\uffff\"", "\xe0\xa0\x80\xef\xbf\xbf");
	DECODES("\"\"", "");
	DECODES("\"plain \xc3\xa9 text\"", "plain \xc3\xa9 text");
}
END_TEST

START_TEST(escapes_invalid)
{
	INVALID("\"\\x\"");
	INVALID("\"\\'\"");
	INVALID("\"\\a\"");
	INVALID("\"\\U0041\"");
	INVALID("\"\\u12\"");
	INVALID("\"\\u123\"");
	INVALID("\"\\u12G4\"");
	INVALID("\"\\u-123\"");
	INVALID("\"\\\"");
	INVALID("\"\\");
	INVALID("\"abc");
	INVALID("\"\\u00");
	FAILS_AT("\"ab\\qc\"", 3, "invalid escape");
	FAILS_AT("[\"ab\\u12\"]", 4, "\\u escape");
	FAILS_AT("  \"abc", 2, "unterminated string");
}
END_TEST

START_TEST(escapes_flags)
{
	struct json_span s;

	s = SPAN("\"abc\"");
	ck_assert_int_eq(s.flags, 0);
	s = SPAN("\"a\\nc\"");
	ck_assert_int_eq(s.flags, JSON_F_ESC);
	s = SPAN("\"\xc3\xa9\"");
	ck_assert_int_eq(s.flags, JSON_F_NONASCII);
	s = SPAN("\"\\u00e9 \xc3\xa9\"");
	ck_assert_int_eq(s.flags, JSON_F_ESC | JSON_F_NONASCII);
	/* long strings take the 8-bytes-at-a-time path */
	s = SPAN("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\\n\"");
	ck_assert_int_eq(s.flags, JSON_F_ESC);
	s = SPAN("\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\xd0\xb4\"");
	ck_assert_int_eq(s.flags, JSON_F_NONASCII);
}
END_TEST

/* ---- surrogates ---------------------------------------------------------- */

START_TEST(surrogate_pairs)
{
	DECODES("\"\\ud83d\\ude00\"", "\xf0\x9f\x98\x80");
	DECODES("\"\\uD834\\uDD1E\"", "\xf0\x9d\x84\x9e");
	DECODES("\"\\ud800\\udc00\"", "\xf0\x90\x80\x80");
	DECODES("\"\\udbff\\udfff\"", "\xf4\x8f\xbf\xbf");
	DECODES("\"x\\ud83d\\ude00y\\ud83d\\ude01\"",
		"x\xf0\x9f\x98\x80y\xf0\x9f\x98\x81");
}
END_TEST

START_TEST(surrogate_lone)
{
	FAILS_AT("\"\\ud800\"", 1, "lone high surrogate");
	FAILS_AT("\"ab\\udbff\"", 3, "lone high surrogate");
	FAILS_AT("\"\\udc00\"", 1, "lone low surrogate");
	FAILS_AT("\"\\udfff\\ud800\"", 1, "lone low surrogate");
	INVALID("\"\\ud800\\u0041\"");
	INVALID("\"\\ud800\\ud800\"");
	INVALID("\"\\ud800\\n\"");
	INVALID("\"\\ud800x\"");
	INVALID("\"\\ud800\\\"");
	INVALID("\"\\ud800\\u");
	INVALID("\"\\ud800\\udc0");
	INVALID("\"\\ud800\\udc0g\"");
}
END_TEST

/* ---- UTF-8 --------------------------------------------------------------- */

START_TEST(utf8_valid_strings)
{
	VALID("\"\xc2\x80\"");	       /* U+0080 */
	VALID("\"\xdf\xbf\"");	       /* U+07FF */
	VALID("\"\xe0\xa0\x80\"");     /* U+0800 */
	VALID("\"\xed\x9f\xbf\"");     /* U+D7FF */
	VALID("\"\xee\x80\x80\"");     /* U+E000 */
	VALID("\"\xef\xbf\xbf\"");     /* U+FFFF */
	VALID("\"\xf0\x90\x80\x80\""); /* U+10000 */
	VALID("\"\xf4\x8f\xbf\xbf\""); /* U+10FFFF */
	VALID("\"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82\"");
	DECODES("\"\xf0\x9f\x98\x80\"", "\xf0\x9f\x98\x80");
}
END_TEST

START_TEST(utf8_invalid)
{
	/* overlong forms */
	FAILS_AT("\"\xc0\x80\"", 1, "invalid UTF-8");
	INVALID("\"\xc1\xbf\"");
	INVALID("\"\xe0\x80\x80\"");
	INVALID("\"\xe0\x9f\xbf\"");
	INVALID("\"\xf0\x80\x80\x80\"");
	INVALID("\"\xf0\x8f\xbf\xbf\"");
	/* surrogates encoded in UTF-8 */
	INVALID("\"\xed\xa0\x80\"");
	INVALID("\"\xed\xbf\xbf\"");
	INVALID("\"\xed\xa0\xbd\xed\xb8\x80\""); /* CESU-8 pair */
	/* above U+10FFFF */
	INVALID("\"\xf4\x90\x80\x80\"");
	INVALID("\"\xf5\x80\x80\x80\"");
	INVALID("\"\xf7\xbf\xbf\xbf\"");
	INVALID("\"\xf8\x88\x80\x80\x80\"");
	INVALID("\"\xfc\x84\x80\x80\x80\x80\"");
	INVALID("\"\xfe\"");
	INVALID("\"\xff\"");
	/* stray continuation bytes */
	INVALID("\"\x80\"");
	INVALID("\"\xbf\"");
	INVALID("\"a\xc3\xa9\xa9\"");
	/* truncated sequences */
	FAILS_AT("\"ab\xc3\"", 3, "invalid UTF-8");
	INVALID("\"\xe2\x82\"");
	INVALID("\"\xf0\x9f\x98\"");
	INVALID("\"\xf0\x9f\"");
	INVALID("\"\xe2\x82x\"");
	INVALID("\"\xc3");
	INVALID("\"\xf0\x9f\x98");
	/* in keys too, and after the fast path */
	INVALID("{\"\xff\":1}");
	INVALID("\"aaaaaaaaaaaaaaaaaaaaaaaa\xc0\xaf\"");
}
END_TEST

START_TEST(utf8_positions)
{
	/* Every kind of byte the 8-at-a-time scan stops at, at every offset
	 * of the window, before and after runs of ASCII and of non-ASCII. */
	static const struct {
		const char *s;
		int ok;
	} x[] = {
		{"\xc3\xa9", 1},
		{"\xe2\x82\xac", 1},
		{"\xf0\x9f\x98\x80", 1},
		{"\\n", 1},
		{"\\u00e9", 1},
		{"\\ud83d\\ude00", 1},
		{"\x7f", 1},
		{"\xc3(", 0},
		{"\xc3", 0},
		{"\x01", 0},
		{"\xed\xa0\x80", 0},
		{"\xc0\xaf", 0},
		{"\xf4\x90\x80\x80", 0},
		{"\x80", 0},
		{"\\x", 0},
	};
	static const char *const fill[] = {"a", "\xd0\xb4", "\\t"};
	char s[256];
	size_t i, f, k, m, n;
	struct json_error e;

	for (i = 0; i < sizeof x / sizeof x[0]; i++)
		for (f = 0; f < 3; f++)
			for (k = 0; k < 20; k++)
				for (m = 0; m < 12; m += 5) {
					size_t j, pre;
					n = 0;
					s[n++] = '"';
					for (j = 0; j < k; j++)
						n += (size_t)sprintf(
							s + n, "%s", fill[f]);
					pre = n;
					n += (size_t)sprintf(s + n, "%s",
							     x[i].s);
					for (j = 0; j < m; j++)
						s[n++] = 'b';
					s[n++] = '"';
					int r = json_validate(s, n, &e);
					if (x[i].ok ? r != 0
						    : r != -1 || e.off != pre)
						ck_abort_msg(
							"'%s' after %zu x '%s', %zu more: "
							"%d at %zu (%s)",
							x[i].s, k, fill[f], m,
							r, e.off, e.msg);
					if (!x[i].ok)
						continue;
					struct json_span sp = {
						s, n, JSON_STRING, JSON_F_ESC};
					struct buf d = BUF_INIT;
					json_str_decode(sp, &d);
					QUICK_ASSERT(d.len <= n - 2);
					buf_release(&d);
				}
}
END_TEST

/*
 * A reference for the string scanner: byte by byte, as RFC 8259 reads.
 * @return the offset of the first bad byte in s[0..n) (the content after
 * the opening quote, up to the end of the text), or -1 when the closing
 * quote comes first (*len then gets the content's length).
 */
static long ref_string(const unsigned char *s, size_t n, size_t *len, int *hi,
		       int *esc)
{
	size_t i = 0, k;

	*hi = *esc = 0;
	while (i < n) {
		unsigned char c = s[i];
		if (c == '"') {
			*len = i;
			return -1;
		}
		if (c == '\\') {
			*esc = 1;
			if (i + 1 >= n)
				return 0; /* unterminated: reported at the quote
					   */
			if (strchr("\"\\/bfnrt", s[i + 1]) && s[i + 1]) {
				i += 2;
				continue;
			}
			return (long)i; /* only simple escapes are generated */
		}
		if (c < 0x20)
			return (long)i;
		if (c < 0x80) {
			i++;
			continue;
		}
		*hi = 1;
		k = c >= 0xc2 && c <= 0xdf   ? 2
		    : c >= 0xe0 && c <= 0xef ? 3
		    : c >= 0xf0 && c <= 0xf4 ? 4
					     : 0;
		if (!k || i + k > n)
			return (long)i;
		for (size_t j = 1; j < k; j++)
			if ((s[i + j] & 0xc0) != 0x80)
				return (long)i;
		if ((c == 0xe0 && s[i + 1] < 0xa0) ||
		    (c == 0xed && s[i + 1] > 0x9f) ||
		    (c == 0xf0 && s[i + 1] < 0x90) ||
		    (c == 0xf4 && s[i + 1] > 0x8f))
			return (long)i;
		i += k;
	}
	return 0;
}

START_TEST(string_blocks_random)
{
	/*
	 * Strings of pieces that straddle the scanner's 16-byte blocks at
	 * every offset, inside records with members before them, so the
	 * last block (read back from the end of the line) is exercised too:
	 * the verdict, the span and the flags are the reference's, and an
	 * error is at the reference's byte.
	 */
	static const char *const piece[] = {
		"a",
		" ",
		"Z~",
		"\xc3\xa9",
		"\xd0\xaf",
		"\xd1\x8f\xd0\xb0",
		"\xe2\x82\xac",
		"\xf0\x9f\x98\x80",
		"\\n",
		"\\\"",
		"\\\\",
		"\x7f",
		"\xdf\xbf",
		"\xc2\x80",
		/* bad ones, rarely */
		"\x80",
		"\xc3",
		"\xc0\xaf",
		"\xed\xa0\x80",
		"\x01",
		"\xf5\x80",
		"\xe2\x82",
		"\"",
		"\xff",
	};
	const size_t ngood = 14, npiece = sizeof piece / sizeof piece[0];
	unsigned seed = 4242;
	char line[512];
	struct json_error e;
	size_t round;

	for (round = 0; round < 60000; round++) {
		size_t n = 0, pre, np, j, len = 0;
		int hi, esc;
		long bad;

		seed = seed * 1103515245 + 12345;
		pre = (seed >> 8) % 24; /* members' bytes before the key */
		n += (size_t)sprintf(line, "{");
		if (pre)
			n += (size_t)sprintf(line + n, "\"p\":\"%.*s\",",
					     (int)pre,
					     "ppppppppppppppppppppppppp");
		n += (size_t)sprintf(line + n, "\"k\":\"");
		size_t cstart = n;
		seed = seed * 1103515245 + 12345;
		np = (seed >> 8) % 40;
		for (j = 0; j < np; j++) {
			seed = seed * 1103515245 + 12345;
			size_t w = (seed >> 8) % 64 == 0 ? (seed >> 16) % npiece
							 : (seed >> 16) % ngood;
			n += (size_t)sprintf(line + n, "%s", piece[w]);
		}
		seed = seed * 1103515245 + 12345;
		size_t tail = (seed >> 8) % 3; /* 0: "}, 1: ",... 2: cut */
		if (tail == 0)
			n += (size_t)sprintf(line + n, "\"}");
		else if (tail == 1)
			n += (size_t)sprintf(line + n, "\",\"z\":1}");
		bad = ref_string((const unsigned char *)line + cstart,
				 n - cstart, &len, &hi, &esc);
		int ok = bad < 0;
		/* a raw quote piece ends the string early: what follows is
		 * no ',' or '}', so the record is bad after it */
		if (ok) {
			char after = line[cstart + len + 1];
			if (cstart + len + 1 >= n ||
			    (after != '}' && after != ','))
				ok = 0;
			else if (after == ',' && tail != 1)
				ok = 0;
			else if (after == '}' && cstart + len + 2 != n)
				ok = 0;
		}
		int r = json_validate(line, n, &e);
		if ((r == 0) != ok)
			ck_abort_msg("round %zu: %d, want %d: %.*s", round, r,
				     ok, (int)n, line);
		if (bad > 0 && line[cstart + (size_t)bad] != '\\')
			QUICK_ASSERT(e.off == cstart + (size_t)bad);
		if (bad < 0 && ok) {
			struct json_span sp;
			const char *v = line + cstart - 1;
			QUICK_ASSERT(json_scan_value(line, v, line + n, &sp,
						     &e) == v + len + 2);
			QUICK_ASSERT(sp.n == len + 2);
			QUICK_ASSERT(!!(sp.flags & JSON_F_NONASCII) == hi);
			QUICK_ASSERT(!!(sp.flags & JSON_F_ESC) == esc);
		}
	}
}
END_TEST

/* ---- control characters -------------------------------------------------- */

START_TEST(control_chars)
{
	char s[32];
	int c;

	for (c = 0; c < 0x20; c++) {
		struct json_error e;
		snprintf(s, sizeof s, "\"ab?cdefghijklmnop\"");
		s[3] = (char)c;
		ck_assert_int_eq(json_validate(s, 19, &e), -1);
		ck_assert_uint_eq(e.off, 3);
		ck_assert_msg(strstr(e.msg, "control character") != NULL,
			      "0x%02x: %s", c, e.msg);
		s[16] = (char)c; /* also on the SWAR path */
		s[3] = 'x';
		ck_assert_int_eq(json_validate(s, 19, &e), -1);
		ck_assert_uint_eq(e.off, 16);
	}
	VALID("\"\x7f\"");
	VALID("\"\\u0001\"");
	VALID(" \t\r\n\"x\" \t\r\n");
	INVALID("\f\"x\"");
	INVALID("\"x\"\v");
	INVALID("\xc2\xa0\"x\""); /* NBSP is not JSON whitespace */
}
END_TEST

/* ---- literals and numbers ------------------------------------------------ */

START_TEST(literals)
{
	ck_assert_int_eq(SPAN("true").type, JSON_TRUE);
	ck_assert_int_eq(SPAN("false").type, JSON_FALSE);
	ck_assert_int_eq(SPAN("null").type, JSON_NULL);
	INVALID("tru");
	INVALID("nul");
	INVALID("fals");
	INVALID("True");
	INVALID("NULL");
	INVALID("truex");
	INVALID("nan");
	INVALID("NaN");
	INVALID("Infinity");
	INVALID("-Infinity");
	INVALID("undefined");
	INVALID("'x'");
	INVALID("");
	INVALID("   ");
	FAILS_AT("[true,nul]", 6, "invalid literal");
}
END_TEST

START_TEST(numbers_forms)
{
	VALID("0");
	VALID("-0");
	VALID("1");
	VALID("-1");
	VALID("1234567890");
	VALID("1.5");
	VALID("-1.5e10");
	VALID("0.0");
	VALID("0e0");
	VALID("0E+0");
	VALID("1e5");
	VALID("1E+5");
	VALID("1e-5");
	VALID("1.0E-0");
	VALID("123456789012345678901234567890");
	VALID("1e400");
	VALID("-1e-400");
	INVALID("01");
	INVALID("-01");
	INVALID("00");
	INVALID("1.");
	INVALID("1.e5");
	INVALID(".5");
	INVALID("-.5");
	INVALID("+1");
	INVALID("-");
	INVALID("--1");
	INVALID("- 1");
	INVALID("1e");
	INVALID("1e+");
	INVALID("1E-");
	INVALID("0x1");
	INVALID("1_000");
	INVALID("1.5.5");
	INVALID("1e5e5");
	FAILS_AT("[1,01]", 4, "expected ',' or ']'");
	FAILS_AT("01", 1, "unexpected text");
	FAILS_AT("{\"a\":-}", 5, "invalid number");
	ck_assert_int_eq(SPAN("-1.5e10").type, JSON_NUMBER);
}
END_TEST

static int to_i64(const char *s, int64_t *v)
{
	struct json_span sp = span_n(s, strlen(s));

	return json_to_i64(sp, v);
}

START_TEST(numbers_i64)
{
	int64_t v;

	ck_assert_int_eq(to_i64("0", &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(to_i64("-0", &v), 0);
	ck_assert_int_eq(v, 0);
	ck_assert_int_eq(to_i64("42", &v), 0);
	ck_assert_int_eq(v, 42);
	ck_assert_int_eq(to_i64("-42", &v), 0);
	ck_assert_int_eq(v, -42);
	ck_assert_int_eq(to_i64("9223372036854775807", &v), 0);
	ck_assert(v == INT64_MAX);
	ck_assert_int_eq(to_i64("-9223372036854775808", &v), 0);
	ck_assert(v == INT64_MIN);
	ck_assert_int_eq(to_i64("9223372036854775806", &v), 0);
	ck_assert(v == INT64_MAX - 1);
	ck_assert_int_eq(to_i64("9223372036854775808", &v), -1);
	ck_assert_int_eq(to_i64("-9223372036854775809", &v), -1);
	ck_assert_int_eq(to_i64("9223372036854775810", &v), -1);
	ck_assert_int_eq(to_i64("18446744073709551616", &v), -1);
	ck_assert_int_eq(to_i64("99999999999999999999", &v), -1);
	ck_assert_int_eq(to_i64("1.0", &v), -1);
	ck_assert_int_eq(to_i64("1e2", &v), -1);
	ck_assert_int_eq(to_i64("\"1\"", &v), -1);
	ck_assert_int_eq(to_i64("null", &v), -1);
}
END_TEST

START_TEST(numbers_double)
{
	double d;

	ck_assert_int_eq(json_to_double(SPAN("1.5"), &d), 0);
	ck_assert_double_eq(d, 1.5);
	ck_assert_int_eq(json_to_double(SPAN("-0.25e2"), &d), 0);
	ck_assert_double_eq(d, -25.0);
	ck_assert_int_eq(json_to_double(SPAN("1.7976931348623157e308"), &d), 0);
	ck_assert_double_eq(d, DBL_MAX);
	ck_assert_int_eq(json_to_double(SPAN("5e-324"), &d), 0);
	ck_assert_double_eq(d, 4.9406564584124654e-324);
	ck_assert_int_eq(json_to_double(SPAN("-0"), &d), 0);
	ck_assert(d == 0 && signbit(d));
	/* longer than the function's stack buffer */
	ck_assert_int_eq(
		json_to_double(
			SPAN("0.1000000000000000000000000000000000000000000000000000000000000000000000000001"),
			&d),
		0);
	ck_assert_double_eq(d, 0.1);
	ck_assert_int_eq(json_to_double(SPAN("\"1\""), &d), -1);
}
END_TEST

/* ---- structure and nesting ----------------------------------------------- */

START_TEST(structure)
{
	VALID("{}");
	VALID("[]");
	VALID(" { } ");
	VALID("{\"a\":[1,{\"b\":null}],\"c\":{}}");
	VALID("[1,\"a\",true,false,null,{},[]]");
	VALID("{ \"a\" : 1 , \"b\" : 2 }");
	VALID("{\"a\":1,\"a\":2}");
	FAILS_AT("", 0, "end of input");
	FAILS_AT("[1,]", 3, "expected a value");
	FAILS_AT("{\"a\" 1}", 5, "expected ':'");
	FAILS_AT("{\"a\":1,}", 7, "expected a string key");
	FAILS_AT("{,}", 1, "expected a string key");
	FAILS_AT("{a:1}", 1, "expected a string key");
	FAILS_AT("[1 2]", 3, "expected ',' or ']'");
	FAILS_AT("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'");
	FAILS_AT("{} x", 3, "unexpected text after the value");
	FAILS_AT("[1", 2, "unterminated array");
	FAILS_AT("{\"a\":1", 6, "unterminated object");
	FAILS_AT("[}", 1, "unexpected character");
	FAILS_AT("{]", 1, "expected a string key");
	FAILS_AT("[1]]", 3, "unexpected text");
	FAILS_AT("{\"a\":1}}", 7, "unexpected text");
	FAILS_AT("\x00", 0, "unexpected character");
	INVALID("{\"a\":1}\x00");
	INVALID("[1,2");
	INVALID("{\"a\"");
	INVALID("{\"a\":");
	INVALID("[,1]");
	INVALID("[1,,2]");
	INVALID("{\"a\":1,,\"b\":2}");
	INVALID("{\"a\"::1}");
	INVALID("{1:1}");
	INVALID("{null:1}");
	INVALID("[\"a\":1]");
	INVALID("/* c */ {}");
}
END_TEST

static char *nested(int depth, const char *open, const char *close,
		    const char *inner)
{
	size_t lo = strlen(open), lc = strlen(close), li = strlen(inner);
	char *s = malloc((size_t)depth * (lo + lc) + li + 1), *p = s;
	int i;

	for (i = 0; i < depth; i++, p += lo)
		memcpy(p, open, lo);
	memcpy(p, inner, li);
	p += li;
	for (i = 0; i < depth; i++, p += lc)
		memcpy(p, close, lc);
	*p = '\0';
	return s;
}

START_TEST(nesting_limit)
{
	struct json_error e;
	char *s;

	s = nested(JSON_MAX_DEPTH, "[", "]", "");
	ck_assert_int_eq(json_validate(s, strlen(s), &e), 0);
	free(s);
	s = nested(JSON_MAX_DEPTH + 1, "[", "]", "");
	ck_assert_int_eq(json_validate(s, strlen(s), &e), -1);
	ck_assert_str_eq(e.msg, "nesting too deep");
	ck_assert_uint_eq(e.off, JSON_MAX_DEPTH);
	free(s);
	s = nested(JSON_MAX_DEPTH, "{\"k\":", "}", "1");
	ck_assert_int_eq(json_validate(s, strlen(s), &e), 0);
	free(s);
	s = nested(JSON_MAX_DEPTH + 1, "{\"k\":", "}", "1");
	ck_assert_int_eq(json_validate(s, strlen(s), &e), -1);
	free(s);
	s = nested(JSON_MAX_DEPTH / 2 + 1, "[{\"k\":", "}]", "1");
	ck_assert_int_eq(json_validate(s, strlen(s), &e), -1);
	free(s);
	/* json_scan_nested counts the outer levels */
	s = nested(JSON_MAX_DEPTH - 3, "[", "]", "");
	ck_assert_ptr_nonnull(
		json_scan_nested(s, s, s + strlen(s), 3, NULL, &e));
	ck_assert_ptr_null(json_scan_nested(s, s, s + strlen(s), 4, NULL, &e));
	ck_assert_str_eq(e.msg, "nesting too deep");
	ck_assert_ptr_null(json_scan_nested(s, s, s + strlen(s),
					    JSON_MAX_DEPTH + 9, NULL, &e));
	ck_assert_ptr_nonnull(
		json_scan_nested("1", "1", "1" + 1, JSON_MAX_DEPTH, NULL, &e));
	free(s);
	/* far deeper than the limit: an error, not a stack overflow */
	s = nested(100000, "[", "]", "");
	ck_assert_int_eq(json_validate(s, strlen(s), &e), -1);
	free(s);
}
END_TEST

START_TEST(scan_value)
{
	const char *t = "{\"a\":[1,2]} , 5";
	struct json_span sp;
	struct json_error e;
	const char *end;

	end = json_scan_value(t, t, t + strlen(t), &sp, &e);
	ck_assert_ptr_eq(end, t + 11);
	ck_assert_int_eq(sp.type, JSON_OBJECT);
	ck_assert_uint_eq(sp.n, 11);
	ck_assert_ptr_eq(sp.p, t);
	end = json_scan_value(t, t + 14, t + strlen(t), &sp, &e);
	ck_assert_ptr_eq(end, t + 15);
	ck_assert_int_eq(sp.type, JSON_NUMBER);
	/* a value cut by end */
	end = json_scan_value(t, t, t + 5, &sp, &e);
	ck_assert_ptr_null(end);
	/* error offsets are relative to base */
	end = json_scan_value(t, t + 13, t + strlen(t), &sp, &e);
	ck_assert_ptr_null(end);
	ck_assert_uint_eq(e.off, 13);
	end = json_scan_value(t, t + 5, t + 10, NULL, &e); /* out may be NULL */
	ck_assert_ptr_eq(end, t + 10);
	end = json_scan_value(t, t, t, NULL, NULL); /* e may be NULL */
	ck_assert_ptr_null(end);
	ck_assert_int_eq(SPAN("\"x\"").type, JSON_STRING);
	ck_assert_int_eq(SPAN("[]").type, JSON_ARRAY);
	ck_assert_int_eq(SPAN("-5").type, JSON_NUMBER);
	ck_assert_str_eq(json_type_name(JSON_STRING), "string");
	ck_assert_str_eq(json_type_name(JSON_NUMBER), "number");
	ck_assert_str_eq(json_type_name(JSON_OBJECT), "object");
	ck_assert_str_eq(json_type_name(JSON_ARRAY), "array");
	ck_assert_str_eq(json_type_name(JSON_NULL), "null");
	ck_assert_str_eq(json_type_name(JSON_TRUE), "true");
	ck_assert_str_eq(json_type_name(JSON_FALSE), "false");
	ck_assert_str_eq(json_type_name(JSON_NONE), "nothing");
}
END_TEST

/* ---- string helpers and iteration ---------------------------------------- */

START_TEST(str_helpers)
{
	struct buf scratch = BUF_INIT, b = BUF_INIT;
	const char *s = "\"plain\"";
	struct json_span sp = span_n(s, strlen(s));
	const char *p;
	size_t n;
	char big[600];

	ck_assert_int_eq(json_str_view(sp, &scratch, &p, &n), 0);
	ck_assert_ptr_eq(p, s + 1); /* no copy */
	ck_assert_uint_eq(n, 5);
	sp = SPAN("\"a\\tb\"");
	ck_assert_int_eq(json_str_view(sp, &scratch, &p, &n), 0);
	ck_assert_ptr_eq(p, scratch.p);
	ck_assert_uint_eq(n, 3);
	ck_assert_mem_eq(p, "a\tb", 3);
	ck_assert_int_eq(json_str_view(SPAN("1"), &scratch, &p, &n), -1);
	ck_assert_int_eq(json_str_decode(SPAN("[]"), &b), -1);
	ck_assert_int_eq(json_str_eq(SPAN("\"ab\""), "ab", 2), 1);
	ck_assert_int_eq(json_str_eq(SPAN("\"ab\""), "abc", 3), 0);
	ck_assert_int_eq(json_str_eq(SPAN("\"ab\""), "a", 1), 0);
	ck_assert_int_eq(json_str_eq(SPAN("\"a\\u0062\""), "ab", 2), 1);
	ck_assert_int_eq(json_str_eq(SPAN("\"a\\u0062\""), "ac", 2), 0);
	ck_assert_int_eq(json_str_eq(SPAN("5"), "5", 1), 0);
	/* json_str_decode appends */
	buf_adds(&b, "x");
	json_str_decode(SPAN("\"\\u0041\""), &b);
	json_str_decode(SPAN("\"B\""), &b);
	ck_assert_str_eq(b.p, "xAB");
	/* json_str_eq on an escaped string longer than its stack buffer */
	memset(big, 'q', sizeof big);
	big[0] = '"';
	big[1] = '\\';
	big[2] = 'n';
	big[sizeof big - 1] = '"';
	sp = span_n(big, sizeof big);
	buf_reset(&b);
	json_str_decode(sp, &b);
	ck_assert_uint_eq(b.len, sizeof big - 3);
	ck_assert_int_eq(json_str_eq(sp, b.p, b.len), 1);
	b.p[b.len - 1] = 'r';
	ck_assert_int_eq(json_str_eq(sp, b.p, b.len), 0);
	buf_release(&scratch);
	buf_release(&b);
}
END_TEST

START_TEST(iter)
{
	const char *t =
		"{ \"a\" : [1, \"],}\" ,{\"x\":\"\\\"}\"}] , \"b\\n\":true,"
		"\"c\":\"\\\\\",\"d\": -1.5e3 ,\"e\":{}}";
	struct json_span c = span_n(t, strlen(t)), k, v, k2, v2;
	struct json_iter it, it2;
	struct buf b = BUF_INIT;
	int n = 0;

	ck_assert_int_eq(json_iter_init(&it, c), 0);
	ck_assert_int_eq(json_iter_next(&it, &k, &v), 1);
	ck_assert_int_eq(json_str_eq(k, "a", 1), 1);
	ck_assert_int_eq(v.type, JSON_ARRAY);
	ck_assert_int_eq(json_iter_init(&it2, v), 0);
	ck_assert_int_eq(json_iter_next(&it2, &k2, &v2), 1);
	ck_assert_int_eq(k2.type, JSON_NONE);
	ck_assert_int_eq(v2.type, JSON_NUMBER);
	ck_assert_uint_eq(v2.n, 1);
	ck_assert_int_eq(json_iter_next(&it2, NULL, &v2), 1);
	ck_assert_int_eq(json_str_eq(v2, "],}", 3), 1);
	ck_assert_int_eq(json_iter_next(&it2, NULL, &v2), 1);
	ck_assert_int_eq(v2.type, JSON_OBJECT);
	ck_assert_mem_eq(v2.p, "{\"x\":\"\\\"}\"}", v2.n);
	ck_assert_int_eq(json_iter_next(&it2, NULL, &v2), 0);
	ck_assert_int_eq(json_iter_next(&it2, NULL, &v2), 0);
	ck_assert_int_eq(json_iter_next(&it, &k, &v), 1);
	ck_assert_int_eq(k.flags, JSON_F_ESC);
	ck_assert_int_eq(json_str_eq(k, "b\n", 2), 1);
	ck_assert_int_eq(v.type, JSON_TRUE);
	ck_assert_int_eq(json_iter_next(&it, &k, &v), 1);
	json_str_decode(v, &b);
	ck_assert_str_eq(b.p, "\\");
	ck_assert_int_eq(json_iter_next(&it, &k, &v), 1);
	ck_assert_int_eq(v.type, JSON_NUMBER);
	ck_assert_mem_eq(v.p, "-1.5e3", 6);
	ck_assert_uint_eq(v.n, 6);
	ck_assert_int_eq(json_iter_next(&it, &k, &v), 1);
	ck_assert_int_eq(v.type, JSON_OBJECT);
	ck_assert_uint_eq(v.n, 2);
	ck_assert_int_eq(json_iter_next(&it, &k, &v), 0);

	ck_assert_int_eq(json_iter_init(&it, SPAN("[]")), 0);
	ck_assert_int_eq(json_iter_next(&it, NULL, &v), 0);
	ck_assert_int_eq(json_iter_init(&it, SPAN("[ ]")), 0);
	ck_assert_int_eq(json_iter_next(&it, NULL, &v), 0);
	ck_assert_int_eq(json_iter_init(&it, SPAN("{ }")), 0);
	ck_assert_int_eq(json_iter_next(&it, &k, &v), 0);
	ck_assert_int_eq(json_iter_init(&it, SPAN("[null,false,[[]]]")), 0);
	while (json_iter_next(&it, NULL, &v))
		n++;
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(v.type, JSON_ARRAY);
	ck_assert_uint_eq(v.n, 4);
	ck_assert_int_eq(json_iter_init(&it, SPAN("\"[]\"")), -1);
	ck_assert_int_eq(json_iter_init(&it, SPAN("1")), -1);
	buf_release(&b);
}
END_TEST

/* ---- writers ------------------------------------------------------------- */

static void writes_str(const char *in, size_t n, const char *want, size_t wn)
{
	struct buf b = BUF_INIT;
	struct json_error e;

	jw_str(&b, in, n);
	ck_assert_msg(b.len == wn && memcmp(b.p, want, wn) == 0,
		      "jw_str wrote '%s', want '%.*s'", b.p, (int)wn, want);
	ck_assert_int_eq(json_validate(b.p, b.len, &e), 0);
	buf_release(&b);
}
#define WRITES(in, want) writes_str(LIT(in), LIT(want))

START_TEST(writer_str)
{
	WRITES("", "\"\"");
	WRITES("abc", "\"abc\"");
	WRITES("a\"b\\c/", "\"a\\\"b\\\\c/\"");
	WRITES("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"");
	WRITES("\x01\x1f\x00", "\"\\u0001\\u001f\\u0000\"");
	WRITES("\x7f", "\"\x7f\"");
	WRITES("\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80",
	       "\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\"");
	/* each invalid byte becomes U+FFFD */
	WRITES("a\xff"
	       "b",
	       "\"a\xef\xbf\xbd"
	       "b\"");
	WRITES("\xc0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\"");
	WRITES("\xed\xa0\x80", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	WRITES("\xf4\x90\x80\x80",
	       "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"");
	WRITES("x\xe2\x82", "\"x\xef\xbf\xbd\xef\xbf\xbd\"");
	WRITES("\x80\"", "\"\xef\xbf\xbd\\\"\"");
}
END_TEST

START_TEST(writer_str_random)
{
	/* whatever the bytes, the output is valid JSON; ASCII decodes back */
	struct buf b = BUF_INIT, d = BUF_INIT;
	struct json_error e;
	unsigned seed = 12345;
	char in[64];
	int i, j;

	for (i = 0; i < 20000; i++) {
		int n = (int)(seed % 64), ascii = i & 1;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245 + 12345;
			in[j] = (char)(seed >> 16);
			if (ascii)
				in[j] &= 0x7f;
		}
		buf_reset(&b);
		jw_str(&b, in, (size_t)n);
		QUICK_ASSERT(json_validate(b.p, b.len, &e) == 0);
		if (ascii) {
			struct json_span sp = {b.p, b.len, JSON_STRING,
					       JSON_F_ESC};
			buf_reset(&d);
			json_str_decode(sp, &d);
			QUICK_ASSERT(d.len == (size_t)n);
			QUICK_ASSERT(memcmp(d.p, in, (size_t)n) == 0);
		}
	}
	buf_release(&b);
	buf_release(&d);
}
END_TEST

/* jw_str as it was written byte by byte: the reference. */
static void ref_jw_str(struct buf *b, const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *end = p + n;

	buf_addc(b, '"');
	while (p < end) {
		unsigned char c = *p;
		size_t k = 0;

		if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
			buf_addc(b, (char)c);
			p++;
			continue;
		}
		if (c >= 0x80) {
			k = c >= 0xc2 && c <= 0xdf   ? 2
			    : c >= 0xe0 && c <= 0xef ? 3
			    : c >= 0xf0 && c <= 0xf4 ? 4
						     : 0;
			if (k && (size_t)(end - p) < k)
				k = 0;
			for (size_t j = 1; k && j < k; j++)
				if ((p[j] & 0xc0) != 0x80)
					k = 0;
			if (k && ((c == 0xe0 && p[1] < 0xa0) ||
				  (c == 0xed && p[1] > 0x9f) ||
				  (c == 0xf0 && p[1] < 0x90) ||
				  (c == 0xf4 && p[1] > 0x8f)))
				k = 0;
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
			char u[6] = {'\\', 'u',		'0',
				     '0',  hex[c >> 4], hex[c & 15]};
			buf_add(b, u, 6);
		}
		}
	}
	buf_addc(b, '"');
}

/*
 * Text of up to maxp pieces at random: of the first nfirst pieces, but one
 * in every `other` from all npiece.  @return its length.
 */
static size_t random_pieces(char *in, unsigned *seed, const char *const *piece,
			    size_t npiece, size_t maxp, unsigned other,
			    size_t nfirst)
{
	size_t n = 0, np, j, w;

	*seed = *seed * 1103515245 + 12345;
	np = (*seed >> 8) % maxp;
	for (j = 0; j < np; j++) {
		*seed = *seed * 1103515245 + 12345;
		w = (*seed >> 8) % other ? (*seed >> 16) % nfirst
					 : (*seed >> 16) % npiece;
		n += (size_t)sprintf(in + n, "%s", piece[w]);
	}
	return n;
}

START_TEST(writer_str_reference)
{
	/* pieces of every kind at every offset of a 16-byte block */
	static const char *const piece[] = {
		"a",	    "bc",	    "\xc3\xa9",
		"\xd0\xaf", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
		"\"",	    "\\",	    "\n",
		"\x01",	    "\x7f",	    "\x80",
		"\xc3",	    "\xc0\xaf",	    "\xed\xa0\x80",
		"\xff",	    "\xe2\x82",
	};
	const size_t npiece = sizeof piece / sizeof piece[0];
	struct buf got = BUF_INIT, want = BUF_INIT;
	unsigned seed = 777;
	char in[256];
	size_t round;

	for (round = 0; round < 40000; round++) {
		size_t n = random_pieces(in, &seed, piece, npiece, 48, 4, 6);

		buf_reset(&got);
		buf_reset(&want);
		jw_str(&got, in, n);
		ref_jw_str(&want, (const unsigned char *)in, n);
		if (got.len != want.len || memcmp(got.p, want.p, got.len))
			ck_abort_msg("jw_str differs on %zu bytes: %s vs %s", n,
				     got.p, want.p);
	}
	buf_release(&got);
	buf_release(&want);
}
END_TEST

/* jw_str_utf8 writes what jw_str writes, on valid UTF-8 of every kind at
 * every offset of a 16-byte block, and at the end of the text. */
START_TEST(writer_str_utf8)
{
	static const char *const piece[] = {
		"a",	    "bc",	    "\xc3\xa9",
		"\xd0\xaf", "\xe2\x82\xac", "\xf0\x9f\x98\x80",
		"\"",	    "\\",	    "\n",
		"\x01",	    "\x1f",	    "\x7f",
		" ",	    "\t",	    "0123456789abcdef",
	};
	const size_t npiece = sizeof piece / sizeof piece[0];
	struct buf got = BUF_INIT, want = BUF_INIT;
	unsigned seed = 4242;
	char in[1200];
	size_t round;

	for (round = 0; round < 40000; round++) {
		size_t n = random_pieces(in, &seed, piece, npiece, 64, 3, 2);

		/* a NUL too (in place of an ASCII byte: the text stays
		 * valid), which sprintf cannot write */
		if (n && round % 7 == 0 &&
		    (unsigned char)in[(seed >> 4) % n] < 0x80)
			in[(seed >> 4) % n] = '\0';
		buf_reset(&got);
		buf_reset(&want);
		jw_str_utf8(&got, in, n);
		jw_str(&want, in, n);
		if (got.len != want.len || memcmp(got.p, want.p, got.len))
			ck_abort_msg(
				"jw_str_utf8 differs on %zu bytes: %s vs %s", n,
				got.p, want.p);
	}
	buf_release(&got);
	buf_release(&want);
}
END_TEST

START_TEST(writer_scalars)
{
	struct buf b = BUF_INIT;

	jw_cstr(&b, NULL);
	buf_addc(&b, ',');
	jw_cstr(&b, "x");
	buf_addc(&b, ',');
	jw_null(&b);
	buf_addc(&b, ',');
	jw_bool(&b, 1);
	buf_addc(&b, ',');
	jw_bool(&b, 0);
	buf_addc(&b, ',');
	jw_i64(&b, 0);
	buf_addc(&b, ',');
	jw_i64(&b, -1);
	buf_addc(&b, ',');
	jw_i64(&b, INT64_MAX);
	buf_addc(&b, ',');
	jw_i64(&b, INT64_MIN);
	ck_assert_str_eq(b.p, "null,\"x\",null,true,false,0,-1,"
			      "9223372036854775807,-9223372036854775808");
	buf_release(&b);
}
END_TEST

static void f64_round_trips(double v)
{
	struct buf b = BUF_INIT;
	struct json_error e;
	double back;

	jw_f64(&b, v);
	QUICK_ASSERT(json_validate(b.p, b.len, &e) == 0);
	struct json_span sp = {b.p, b.len, JSON_NUMBER, 0};
	QUICK_ASSERT(json_to_double(sp, &back) == 0);
	if (back != v)
		ck_abort_msg("%.17g -> '%s' -> %.17g", v, b.p, back);
	buf_release(&b);
}

START_TEST(writer_f64)
{
	static const double vals[] = {
		0.0,
		1.0,
		-1.0,
		0.1,
		0.2,
		0.3,
		1.0 / 3,
		2.0 / 3,
		1e15,
		9e15,
		9007199254740992.0,
		9007199254740993.0,
		1e16,
		1e17,
		1e21,
		1e22,
		1e300,
		-1e300,
		1.7976931348623157e308,
		5e-324,
		2.2250738585072014e-308,
		123456.789,
		-0.000123,
		1e-7,
		9223372036854775807.0,
		-9223372036854775808.0,
		18446744073709551616.0,
		4.35,
		100.0,
		1234567890123.5,
	};
	struct buf b = BUF_INIT;
	uint64_t bits = 0x9e3779b97f4a7c15ULL;
	size_t i;
	double v;

	for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
		f64_round_trips(vals[i]);
		f64_round_trips(-vals[i]);
	}
	for (i = 0; i < 100000; i++) {
		bits ^= bits << 13;
		bits ^= bits >> 7;
		bits ^= bits << 17;
		memcpy(&v, &bits, sizeof v);
		if (isfinite(v))
			f64_round_trips(v);
	}
	jw_f64(&b, 1.0);
	buf_addc(&b, ',');
	jw_f64(&b, 0.1);
	buf_addc(&b, ',');
	jw_f64(&b, -2.5);
	buf_addc(&b, ',');
	jw_f64(&b, NAN);
	buf_addc(&b, ',');
	jw_f64(&b, INFINITY);
	buf_addc(&b, ',');
	jw_f64(&b, -INFINITY);
	buf_addc(&b, ',');
	jw_f64(&b, 1e300);
	ck_assert_str_eq(b.p, "1,0.1,-2.5,null,null,null,1e+300");
	buf_release(&b);
}
END_TEST

static void fixed_is(double v, int dec, const char *want)
{
	struct buf b = BUF_INIT;

	jw_fixed(&b, v, dec);
	ck_assert_msg(strcmp(b.p, want) == 0,
		      "jw_fixed(%.17g, %d) = '%s', want '%s'", v, dec, b.p,
		      want);
	buf_release(&b);
}

START_TEST(writer_fixed)
{
	fixed_is(1.5, 2, "1.5");
	fixed_is(2.0, 2, "2");
	fixed_is(-2.5, 2, "-2.5");
	fixed_is(3.14159, 3, "3.142");
	fixed_is(100.0, 0, "100"); /* no '.': no zeros trimmed */
	fixed_is(100.0, 2, "100");
	fixed_is(120.0, 1, "120");
	fixed_is(0.0, 2, "0");
	fixed_is(-0.001, 2, "0");
	fixed_is(-0.0, 1, "0");
	fixed_is(0.5, 0, "0"); /* round half to even */
	fixed_is(1.25, 1, "1.2");
	fixed_is(10.05, 4, "10.05");
	fixed_is(1e20, 2, "100000000000000000000");
	fixed_is(NAN, 2, "null");
	fixed_is(INFINITY, 2, "null");
	fixed_is(1e300, 2, "1e+300"); /* too long for fixed: shortest form */
}
END_TEST

/* ---- runs of \u escapes (the SIMD check of two at once) ----------------- */

static int ref_hex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
	       (c >= 'A' && c <= 'F');
}

static long ref_u(const char *p)
{
	char t[5];

	memcpy(t, p, 4);
	t[4] = '\0';
	return strtol(t, NULL, 16);
}

/* RFC 8259's escapes, byte by byte: is body[0..n) a valid string body? */
static int ref_body_ok(const char *b, size_t n)
{
	size_t i = 0, k;
	long cp, lo;

	while (i < n) {
		if (b[i] != '\\') {
			i++; /* ASCII letters or whole UTF-8 sequences only */
			continue;
		}
		if (i + 1 >= n)
			return 0;
		if (strchr("\"\\/bfnrt", b[i + 1]) && b[i + 1]) {
			i += 2;
			continue;
		}
		if (b[i + 1] != 'u' || i + 6 > n)
			return 0;
		for (k = 2; k < 6; k++)
			if (!ref_hex((unsigned char)b[i + k]))
				return 0;
		cp = ref_u(b + i + 2);
		i += 6;
		if (cp >= 0xdc00 && cp <= 0xdfff)
			return 0;
		if (cp >= 0xd800 && cp <= 0xdbff) {
			if (i + 6 > n || b[i] != '\\' || b[i + 1] != 'u')
				return 0;
			for (k = 2; k < 6; k++)
				if (!ref_hex((unsigned char)b[i + k]))
					return 0;
			lo = ref_u(b + i + 2);
			if (lo < 0xdc00 || lo > 0xdfff)
				return 0;
			i += 6;
		}
	}
	return 1;
}

START_TEST(u_escape_runs_random)
{
	static const char *const tok[] = {
		"\\u0421", "\\u043e", "\\u00E9", "\\uFFFF", "\\u0000",
		"\\ud83d", "\\udE00", "\\uD7FF", "\\uE000", "\\ud800\\udc00",
		"\\n",	   "\\/",     "a",	 " ",	    "\xd0\x96",
		"\\u12g4", "\\u12",   "\\x",	 "\\uDBFF", "\\uDC00",
		"\\u0d80", "\\uDa00", "\\u8d00", "\\u1Fa9",
	};
	const size_t ntok = sizeof tok / sizeof tok[0];
	unsigned seed = 13;
	char body[1024], line[1100];
	struct json_error e;
	int t, j, k, n, valid = 0;
	size_t len;

	for (t = 0; t < 30000; t++) {
		len = 0;
		n = 2 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 40;
		for (j = 0; j < n; j++) {
			seed = seed * 1103515245u + 12345u;
			/* mostly good non-surrogate escapes: long runs */
			k = (int)((seed >> 16) % (ntok * 3));
			if (k >= (int)ntok)
				k = (k & 1) ? 0 : 1;
			memcpy(body + len, tok[k], strlen(tok[k]));
			len += strlen(tok[k]);
		}
		n = snprintf(line, sizeof line, "\"%.*s\"", (int)len, body);
		ck_assert_msg((json_validate(line, (size_t)n, &e) == 0) ==
				      ref_body_ok(body, len),
			      "json_validate and the reference differ on %s",
			      line);
		valid += ref_body_ok(body, len);
	}
	ck_assert_int_gt(valid, 3000);
	ck_assert_int_lt(valid, 27000);
}
END_TEST

static Suite *json_suite(void)
{
	Suite *s = suite_create("json");
	TCase *tc;

	tc = tcase_create("escapes");
	tcase_add_test(tc, escapes_all);
	tcase_add_test(tc, escapes_invalid);
	tcase_add_test(tc, escapes_flags);
	suite_add_tcase(s, tc);
	tc = tcase_create("surrogates");
	tcase_add_test(tc, surrogate_pairs);
	tcase_add_test(tc, surrogate_lone);
	suite_add_tcase(s, tc);
	tc = tcase_create("utf8");
	tcase_add_test(tc, utf8_valid_strings);
	tcase_add_test(tc, utf8_invalid);
	tcase_add_test(tc, utf8_positions);
	tcase_add_test(tc, control_chars);
	tcase_add_test(tc, string_blocks_random);
	tcase_add_test(tc, u_escape_runs_random);
	suite_add_tcase(s, tc);
	tc = tcase_create("scalars");
	tcase_add_test(tc, literals);
	tcase_add_test(tc, numbers_forms);
	tcase_add_test(tc, numbers_i64);
	tcase_add_test(tc, numbers_double);
	suite_add_tcase(s, tc);
	tc = tcase_create("structure");
	tcase_add_test(tc, structure);
	tcase_add_test(tc, nesting_limit);
	tcase_add_test(tc, scan_value);
	suite_add_tcase(s, tc);
	tc = tcase_create("strings");
	tcase_add_test(tc, str_helpers);
	tcase_add_test(tc, iter);
	suite_add_tcase(s, tc);
	tc = tcase_create("writers");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, writer_str);
	tcase_add_test(tc, writer_str_random);
	tcase_add_test(tc, writer_str_reference);
	tcase_add_test(tc, writer_str_utf8);
	tcase_add_test(tc, writer_scalars);
	tcase_add_test(tc, writer_f64);
	tcase_add_test(tc, writer_fixed);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(json_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
