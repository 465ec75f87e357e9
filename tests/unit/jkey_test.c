/* jkey_test.c - unit tests of lib/jkey.c. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "jkey.h"

/* The canonical form of JSON text in (validated first). */
static void canon_is(const char *in, const char *want)
{
	struct buf out = BUF_INIT, scratch = BUF_INIT;
	struct json_error e;
	struct json_span v;
	const char *end;

	end = json_scan_value(in, in, in + strlen(in), &v, &e);
	ck_assert_ptr_nonnull(end);
	jkey_canon(v, &out, &scratch);
	buf_addc(&out, '\0');
	ck_assert_str_eq(out.p, want);
	buf_release(&out);
	buf_release(&scratch);
}

START_TEST(canon)
{
	canon_is("\"a\"", "\"a\"");
	canon_is("\"\\u0061\\/\"", "\"a/\"");
	canon_is("\"\\u00e9\"", "\"\xc3\xa9\"");
	canon_is("[ 1 , \"x\" , null ]", "[1,\"x\",null]");
	canon_is("{ \"k\\u0031\" : [ true ] }", "{\"k1\":[true]}");
	canon_is("1.50", "1.50"); /* numbers as written */
}
END_TEST

/* The memo gives jkey_canon()'s bytes, for strings met again or not, of
 * every length around its limits, and for slots shared by several. */
START_TEST(canon_memo)
{
	struct jkey_memo m;
	struct buf in = BUF_INIT, a = BUF_INIT, b = BUF_INIT, sc = BUF_INIT;
	struct json_error e;
	struct json_span v;
	int round, i, k;

	memset(&m, 0, sizeof m);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 300; i++) {
			buf_reset(&in);
			buf_addc(&in, '"');
			for (k = 0; k < i % 50; k++)
				buf_addf(&in, "\\u%04x", 0x410 + (i + k) % 64);
			buf_addf(&in, "%d\"", i);
			ck_assert_ptr_nonnull(json_scan_value(
				in.p, in.p, in.p + in.len, &v, &e));
			buf_reset(&a);
			buf_reset(&b);
			buf_adds(&a, "x");
			buf_adds(&b, "x");
			jkey_canon(v, &a, &sc);
			jkey_canon_memo(&m, v, &b, &sc);
			ck_assert_uint_eq(a.len, b.len);
			ck_assert(memcmp(a.p, b.p, a.len) == 0);
		}
	}
	jkey_memo_release(&m);
	buf_release(&in);
	buf_release(&a);
	buf_release(&b);
	buf_release(&sc);
}
END_TEST

static int cmp(const char *a, const char *b)
{
	int c = jkey_cmp(a, strlen(a), b, strlen(b));

	return (c > 0) - (c < 0);
}

START_TEST(order)
{
	/* jq's order of types */
	ck_assert_int_eq(cmp("null", "false"), -1);
	ck_assert_int_eq(cmp("false", "true"), -1);
	ck_assert_int_eq(cmp("true", "0"), -1);
	ck_assert_int_eq(cmp("99", "\"0\""), -1);
	ck_assert_int_eq(cmp("\"z\"", "[]"), -1);
	ck_assert_int_eq(cmp("[1]", "{}"), -1);
	/* numbers by value, strings by UTF-8 bytes, escapes decoded */
	ck_assert_int_eq(cmp("9", "10"), -1);
	ck_assert_int_eq(cmp("-1e3", "-2"), -1);
	ck_assert_int_eq(cmp("\"Z\"", "\"a\""), -1);
	ck_assert_int_eq(cmp("\"\\u0061\"", "\"a\""), 0);
	ck_assert_int_eq(cmp("\"ab\"", "\"a\""), 1);
	ck_assert_int_eq(cmp("\"\xd0\xaf\"", "\"z\""), 1);
	/* tuples element by element, shorter first */
	ck_assert_int_eq(cmp("\"a\",2", "\"a\",10"), -1);
	ck_assert_int_eq(cmp("\"a\"", "\"a\",null"), -1);
	ck_assert_int_eq(cmp("[1,2]", "[1,3]"), -1);
	/* equal values spelt apart: by their bytes, never 0 */
	ck_assert_int_eq(cmp("1", "1.0"), -1);
	ck_assert_int_eq(cmp("", ""), 0);
}
END_TEST

static Suite *jkey_suite(void)
{
	Suite *s = suite_create("jkey");
	TCase *tc = tcase_create("jkey");

	tcase_add_test(tc, canon);
	tcase_add_test(tc, canon_memo);
	tcase_add_test(tc, order);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(jkey_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
