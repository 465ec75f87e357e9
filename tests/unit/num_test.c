/* num_test.c - unit tests of lib/num.c. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

static struct num parsed(const char *s)
{
	struct num n;

	memset(&n, 0x5a, sizeof n);
	ck_assert_msg(num_parse(s, strlen(s), &n) == 0, "'%s' rejected", s);
	return n;
}

/* The sum of the given numbers, as num_sum_write writes it. */
static char *sum_of(const char *const *v, size_t n)
{
	struct num_sum s;
	struct buf b = BUF_INIT;
	size_t i;

	memset(&s, 0, sizeof s);
	for (i = 0; i < n; i++) {
		struct num x = parsed(v[i]);

		num_sum_add(&s, &x);
	}
	num_sum_write(&s, &b);
	return buf_detach(&b, NULL);
}

#define SUM_IS(want, ...)                                                      \
	do {                                                                   \
		static const char *const v_[] = {__VA_ARGS__};                 \
		char *got_ = sum_of(v_, sizeof v_ / sizeof v_[0]);             \
		ck_assert_str_eq(got_, want);                                  \
		free(got_);                                                    \
	} while (0)

START_TEST(parse_exact)
{
	struct num n;

	n = parsed("0");
	ck_assert(n.exact && n.fx == 0);
	n = parsed("123.45");
	ck_assert(n.exact && n.fx == (num_i128)123450000000);
	ck_assert(n.d == 123.45);
	n = parsed("-0.000000001");
	ck_assert(n.exact && n.fx == -1);
	n = parsed("1e3");
	ck_assert(n.exact && n.fx == (num_i128)1000 * 1000000000);
	n = parsed("2.5E-1");
	ck_assert(n.exact && n.fx == 250000000);
	/* finer than 1e-9: only the double */
	n = parsed("0.0000000001");
	ck_assert(!n.exact);
	ck_assert(n.d == 1e-10);
	n = parsed("1e300");
	ck_assert(!n.exact);
	/* the edges of a double's range are numbers */
	n = parsed("1.7976931348623157e308");
	ck_assert(!n.exact && isfinite(n.d));
	n = parsed("-4.9e-324");
	ck_assert(!n.exact && n.d < 0);
	n = parsed("0e99999999");
	ck_assert(n.exact && n.fx == 0);
	n = parsed("-0.000e-99999");
	ck_assert(n.exact && n.fx == 0);
}
END_TEST

START_TEST(parse_out_of_range)
{
	/* JSON numbers a double cannot hold: infinite, or not 0 but read as 0
	 */
	static const char *const far[] = {
		"1e309",
		"-1e309",
		"1.8e308",
		"1e99999999999",
		"1e-400",
		"-1E-400",
		"2e-324",
		"0.1e-330",
		"-0.0000001e-320",
		"179769313486231580793728971405303415079934132710037826936173778"
		"980444968292764750946649017977587207096330286416692887910946555"
		"547851940402630657488671505820681908902000708383676273854845817"
		"711531764475730270069855571366959622842914819860834936475292719"
		"074168444365510704342711559699508093042880177904174497792"};
	struct num n;
	size_t i;

	for (i = 0; i < sizeof far / sizeof far[0]; i++)
		ck_assert_msg(num_parse(far[i], strlen(far[i]), &n) ==
				      NUM_ERANGE,
			      "'%s' not out of range", far[i]);
}
END_TEST

START_TEST(parse_rejects)
{
	static const char *const bad[] = {"",	  "-",	   "01", "1.",
					  ".5",	  "1e",	   "+1", "1x",
					  "0x10", "1.5.2", " 1"};
	struct num n;
	size_t i;

	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(num_parse(bad[i], strlen(bad[i]), &n) == -1,
			      "'%s' accepted", bad[i]);
}
END_TEST

START_TEST(read_spans)
{
	struct buf scratch = BUF_INIT;
	struct json_span v;
	struct num n;

	v.p = "12.5";
	v.n = 4;
	v.type = JSON_NUMBER;
	v.flags = 0;
	ck_assert_int_eq(num_read(v, &scratch, &n), 1);
	ck_assert(n.d == 12.5);
	v.p = "\"7.25\"";
	v.n = 6;
	v.type = JSON_STRING;
	ck_assert_int_eq(num_read(v, &scratch, &n), 1);
	ck_assert(n.exact && n.fx == 7250000000);
	v.p = "\"seven\"";
	v.n = 7;
	ck_assert_int_eq(num_read(v, &scratch, &n), -1);
	v.p = "null";
	v.n = 4;
	v.type = JSON_NULL;
	ck_assert_int_eq(num_read(v, &scratch, &n), 0);
	v.type = JSON_NONE;
	ck_assert_int_eq(num_read(v, &scratch, &n), 0);
	v.p = "true";
	v.type = JSON_TRUE;
	ck_assert_int_eq(num_read(v, &scratch, &n), -1);
	v.p = "-1e999";
	v.n = 6;
	v.type = JSON_NUMBER;
	ck_assert_int_eq(num_read(v, &scratch, &n), NUM_ERANGE);
	v.p = "\"1e999\"";
	v.n = 7;
	v.type = JSON_STRING;
	ck_assert_int_eq(num_read(v, &scratch, &n), NUM_ERANGE);
	buf_release(&scratch);
}
END_TEST

START_TEST(sums)
{
	SUM_IS("0.3", "0.1", "0.2");
	SUM_IS("0", "1.5", "-1.5");
	SUM_IS("-2.000000001", "-1", "-1.000000001");
	SUM_IS("100", "1e2");
	SUM_IS("12345678901234567890.5", "12345678901234567890", "0.5");
	/* an inexact addend makes the whole sum a double */
	SUM_IS("1.0000000001", "1", "0.0000000001");
	/* past a double's range the sum is still written, never null */
	SUM_IS("2e+308", "1e308", "1e308");
	SUM_IS("-3.5e+308", "-1.75e308", "-1.75e308");
	SUM_IS("1e+308", "1e308", "1e308", "-1e308");
}
END_TEST

START_TEST(from_fx)
{
	struct num n;
	struct num_sum s;
	struct buf b = BUF_INIT;

	memset(&s, 0, sizeof s);
	num_from_fx(&n, 2500000000);
	ck_assert(n.exact && n.d == 2.5);
	num_sum_add(&s, &n);
	num_from_fx(&n, 1);
	num_sum_add(&s, &n);
	num_sum_write(&s, &b);
	ck_assert_str_eq(b.p, "2.500000001");
	buf_release(&b);
}
END_TEST

static Suite *num_suite(void)
{
	Suite *s = suite_create("num");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_test(tc, parse_exact);
	tcase_add_test(tc, parse_rejects);
	tcase_add_test(tc, parse_out_of_range);
	tcase_add_test(tc, read_spans);
	suite_add_tcase(s, tc);
	tc = tcase_create("sum");
	tcase_add_test(tc, sums);
	tcase_add_test(tc, from_fx);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(num_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
