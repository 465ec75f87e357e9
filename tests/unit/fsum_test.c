/* fsum_test.c - unit tests of lib/fsum.c. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sink.h"
#include "fsum.h"
#include "ptime.h"

static uint32_t str(struct fsum *s, const char *p)
{
	return fsum_str(s, p, strlen(p));
}

START_TEST(periods)
{
	int64_t m;

	ck_assert_int_eq(fsum_parse_period("2024-03", 7, 0, &m), 0);
	ck_assert_int_eq(m, fsum_month(ptime_days_from_civil(2024, 3, 31), 0));
	ck_assert_int_eq(fsum_parse_period("2024-Q2", 7, 1, &m), 0);
	ck_assert_int_eq(m, fsum_month(ptime_days_from_civil(2024, 6, 1), 1));
	ck_assert_int_eq(
		fsum_month(ptime_days_from_civil(2024, 1, 1), 0) -
			fsum_month(ptime_days_from_civil(2023, 12, 31), 0),
		1);
	ck_assert_int_eq(fsum_parse_period("2024-13", 7, 0, &m), -1);
	ck_assert_int_eq(fsum_parse_period("2024-00", 7, 0, &m), -1);
	ck_assert_int_eq(fsum_parse_period("2024-Q5", 7, 1, &m), -1);
	ck_assert_int_eq(fsum_parse_period("2024-03", 7, 1, &m), -1);
	ck_assert_int_eq(fsum_parse_period("2024-3", 6, 0, &m), -1);
	/* the years 0001 to 9999, as every time */
	ck_assert_int_eq(fsum_parse_period("0000-12", 7, 0, &m), -1);
	ck_assert_int_eq(fsum_parse_period("0000-Q4", 7, 1, &m), -1);
	ck_assert_int_eq(fsum_parse_period("0001-01", 7, 0, &m), 0);
}
END_TEST

START_TEST(scales)
{
	ck_assert_int_eq(fsum_scale("1.50", 4), 2);
	ck_assert_int_eq(fsum_scale("15", 2), 0);
	ck_assert_int_eq(fsum_scale("1.5e1", 5), 0);
	ck_assert_int_eq(fsum_scale("1.25e-1", 7), 3);
	ck_assert_int_eq(fsum_scale("1e-12", 5), 9);
}
END_TEST

START_TEST(stages)
{
	struct fsum s;
	uint32_t p, a, b;

	fsum_init(&s);
	p = fsum_pipe(&s, 'L', FSUM_NONE);
	ck_assert_uint_eq(fsum_pipe(&s, 'D', FSUM_NONE), p + 1);
	ck_assert_uint_eq(fsum_pipe(&s, 'L', FSUM_NONE), p);
	a = fsum_stage(&s, p, str(&s, "NEW"), 0, 1);
	ck_assert_uint_ne(a, FSUM_NONE);
	/* the semantic comes later; one stage at one place */
	ck_assert_uint_eq(fsum_stage(&s, p, str(&s, "NEW"), 'P', 1), a);
	ck_assert_int_eq(s.stage[a].sem, 'P');
	ck_assert_uint_eq(fsum_stage(&s, p, str(&s, "NEW"), 'F', 1), FSUM_NONE);
	ck_assert_uint_eq(fsum_stage(&s, p, str(&s, "NEW"), 'P', 2), FSUM_NONE);
	ck_assert_uint_eq(fsum_stage(&s, p, str(&s, "WON"), 'S', 1), FSUM_NONE);
	ck_assert_uint_eq(fsum_stage(&s, p, str(&s, "WON"), 'S', 0), FSUM_NONE);
	ck_assert_int_eq(fsum_stage_ok(&s, p, str(&s, "WON"), 'S', 2), 1);
	ck_assert_uint_eq(s.nstage, 1); /* fsum_stage_ok() adds nothing */
	b = fsum_stage(&s, p, str(&s, "WON"), 'S', 2);
	ck_assert_uint_eq(b, a + 1);
	/* the same name in another pipeline is another stage */
	ck_assert_uint_ne(fsum_stage(&s, p + 1, str(&s, "WON"), 'S', 1),
			  FSUM_NONE);
	fsum_release(&s);
}
END_TEST

/* The output of fsum_write(), NUL-terminated; the caller frees. */
static char *written(struct fsum *s, int partial)
{
	struct sink out = SINK_INIT;
	char msg[128];

	ck_assert_int_eq(fsum_write(s, &out, partial, msg, sizeof msg), 0);
	buf_addc(&out.b, '\0');
	return out.b.p;
}

/* Whether out has needle. */
static int has(const char *out, const char *needle)
{
	return strstr(out, needle) != NULL;
}

START_TEST(managers)
{
	struct fsum s;
	uint32_t g, r;
	char *out, *a, *b, *n;

	fsum_init(&s);
	g = fsum_group(&s, FSUM_NONE, FSUM_NONE);
	/* Boris and Anna tie on leads and won: by name; (none) has fewer */
	r = fsum_manager(&s, g, str(&s, "Boris"), 2, 1);
	fsum_money(&s, FSUM_MANAGERS, r, str(&s, "RUB"), 10005000000000, 1, 2);
	fsum_money(&s, FSUM_MANAGERS, r, str(&s, "RUB"), 0, 1, 0);
	fsum_manager_day(&s, g, str(&s, "Boris"), 100);
	fsum_manager_day(&s, g, str(&s, "Boris"), 100);
	fsum_manager_day(&s, g, str(&s, "Boris"), 99);
	fsum_manager(&s, g, str(&s, "Anna"), 2, 1);
	fsum_manager_day(&s, g, str(&s, "Anna"), 100);
	fsum_manager(&s, g, str(&s, "(none)"), 1, 0);
	fsum_manager_day(&s, g, str(&s, "(none)"), 100);
	out = written(&s, 0);
	a = strstr(out, "\"manager\":\"Anna\"");
	b = strstr(out, "\"manager\":\"Boris\"");
	n = strstr(out, "\"manager\":\"(none)\"");
	ck_assert(a && b && n && a < b && b < n);
	/* 10005 / 2 deals = 5002.5: half away from zero, 2 decimals */
	ck_assert(has(out, "\"manager\":\"Boris\",\"leads\":2,\"share\":0.4,"
			   "\"days_with_leads\":2,\"mean_per_day\":1,\"won\":1,"
			   "\"revenue\":{\"RUB\":\"10005.00\"},"
			   "\"average_check\":{\"RUB\":\"5002.50\"}}"));
	free(out);
	out = written(&s, 1);
	ck_assert(has(out,
		      "\"manager\":\"Boris\",\"leads\":2,"
		      "\"lead_days\":[\"1970-04-10\",\"1970-04-11\"],\"won\":1,"
		      "\"revenue\":{\"RUB\":\"10005.00\"},"
		      "\"won_with_amount\":{\"RUB\":2},\"partial\":true}"));
	ck_assert(!has(out, "share"));
	free(out);
	fsum_release(&s);
}
END_TEST

START_TEST(groups)
{
	struct fsum s;
	uint32_t by;
	char *out, *a, *b, *n;

	fsum_init(&s);
	by = str(&s, "manager");
	/* groups by value, null last, whatever order they came in */
	fsum_top(&s, fsum_group(&s, by, FSUM_NONE), 1, str(&s, "x"), 1);
	fsum_top(&s, fsum_group(&s, by, str(&s, "B")), 1, str(&s, "x"), 1);
	fsum_top(&s, fsum_group(&s, by, str(&s, "A")), 1, str(&s, "x"), 1);
	out = written(&s, 0);
	a = strstr(out, "{\"manager\":\"A\"}");
	b = strstr(out, "{\"manager\":\"B\"}");
	n = strstr(out, "{\"manager\":null}");
	ck_assert(a && b && n && a < b && b < n);
	free(out);
	fsum_release(&s);
}
END_TEST

START_TEST(overflow)
{
	struct fsum s;
	struct sink out = SINK_INIT;
	char msg[128];
	uint32_t g;

	fsum_init(&s);
	g = fsum_group(&s, FSUM_NONE, FSUM_NONE);
	fsum_top(&s, g, 1, str(&s, "x"), (uint64_t)INT64_MAX);
	fsum_top(&s, g, 1, str(&s, "x"), 1);
	ck_assert_int_eq(fsum_write(&s, &out, 0, msg, sizeof msg), -1);
	ck_assert_uint_eq(out.b.len, 0);
	ck_assert_str_eq(msg,
			 "a count or a sum of money is too large to write");
	fsum_release(&s);
}
END_TEST

/* One row of every kind of cell, final and partial (fsum_write_row()). */
START_TEST(write_row)
{
	static const struct fsum_col cols[] = {
		{"s", FSUM_C_STR, FSUM_BOTH, 0, 0, NULL},
		{"none", FSUM_C_STR, FSUM_BOTH, 1, 0, "(none)"},
		{"null", FSUM_C_STR, FSUM_FINAL, 1, 0, NULL},
		{"entity", FSUM_C_KIND, FSUM_BOTH, 0, 0, NULL},
		{"sem", FSUM_C_SEM, FSUM_PARTIAL, 0, 0, NULL},
		{"u", FSUM_C_U64, FSUM_BOTH, 0, 0, NULL},
		{"un", FSUM_C_U64N, FSUM_BOTH, 3, 0, NULL},
		{"diff", FSUM_C_DIFF, FSUM_FINAL, 1, 0, NULL},
		{"diffn", FSUM_C_DIFF, FSUM_FINAL, 1, 3, NULL},
		{"ratio", FSUM_C_RATIO, FSUM_FINAL, 1, 2, NULL},
		{"ratio0", FSUM_C_RATIO, FSUM_FINAL, 1, 4, NULL},
		{"ration", FSUM_C_RATION, FSUM_FINAL, 1, 4, NULL},
		{"change", FSUM_C_CHANGE, FSUM_FINAL, 1, 0, NULL},
		{"month", FSUM_C_MONTH, FSUM_BOTH, 0, 0, NULL},
		{"period", FSUM_C_PERIOD, FSUM_BOTH, 1, 0, NULL},
		{"type", FSUM_C_PTYPE, FSUM_BOTH, 0, 0, NULL},
		{"money", FSUM_C_MONEY, FSUM_BOTH, 0, 0, NULL},
		{"per", FSUM_C_MONEY_PER, FSUM_FINAL, 2, 0, NULL},
		{"avg", FSUM_C_MONEY_AVG, FSUM_FINAL, 0, 0, NULL},
		{"n", FSUM_C_MONEY_N, FSUM_PARTIAL, 0, 0, NULL},
		{"days", FSUM_C_DAYS, FSUM_PARTIAL, 0, 0, NULL},
	};
	static const int64_t days[] = {0, 19723};
	struct fsum s;
	struct fsum_view v;
	struct buf b = BUF_INIT;
	uint32_t row;
	size_t ncols = sizeof cols / sizeof cols[0];

	fsum_init(&s);
	memset(&v, 0, sizeof v);
	v.group = fsum_group(&s, str(&s, "manager"), str(&s, "Anna"));
	row = fsum_source(&s, v.group, str(&s, "x"), FSUM_NONE, 3, 0, 2);
	fsum_money(&s, FSUM_SOURCES, row, str(&s, "USD"), 2500000000, 1, 1);
	fsum_money(&s, FSUM_SOURCES, row, str(&s, "EUR"), 1000000000, 1, 0);
	fsum_money(&s, FSUM_SOURCES, row, str(&s, "EUR"), 0, 1, 0);
	v.cash = ((const struct fsum_row *)hmap_val_at(&s.srcs, row))->cash;
	v.kind = 'D';
	v.sem = 'S';
	v.str[0] = str(&s, "a\"b");
	v.str[1] = FSUM_NONE;
	v.u[0] = 7;
	v.u[1] = 2;
	v.u[2] = 3;
	v.null = 1u << 3;
	v.t[0] = 2024 * 12 + 2;
	v.t[1] = 2024 * 4 + 3;
	v.quarter = 1;
	v.days = days;
	v.ndays = 2;

	fsum_write_row(&b, &s, "t", cols, ncols, &v, 0);
	buf_addc(&b, '\0');
	ck_assert_str_eq(
		b.p,
		"{\"kind\":\"funnel\",\"table\":\"t\",\"group\":{\"manager\":\"Anna\"},"
		"\"s\":\"a\\\"b\",\"none\":\"(none)\",\"null\":null,\"entity\":\"deal\","
		"\"u\":7,\"un\":null,\"diff\":-5,\"diffn\":null,\"ratio\":0.6666666666666666,"
		"\"ratio0\":0,\"ration\":null,\"change\":-0.7142857142857143,"
		"\"month\":\"2024-03\",\"period\":\"2024-Q4\",\"type\":\"quarter\","
		"\"money\":{\"EUR\":\"1\",\"USD\":\"2.5\"},"
		"\"per\":{\"EUR\":\"0.33\",\"USD\":\"0.83\"},"
		"\"avg\":{\"EUR\":\"0.50\",\"USD\":\"2.50\"}}\n");
	buf_reset(&b);
	v.group = fsum_group(&s, FSUM_NONE, FSUM_NONE);
	v.quarter = 0;
	v.t[1] = 2025 * 12 + 3;
	fsum_write_row(&b, &s, "t", cols, ncols, &v, 1);
	buf_addc(&b, '\0');
	ck_assert_str_eq(
		b.p,
		"{\"kind\":\"funnel\",\"table\":\"t\",\"group\":{},"
		"\"s\":\"a\\\"b\",\"none\":\"(none)\",\"entity\":\"deal\","
		"\"sem\":\"S\",\"u\":7,\"un\":null,"
		"\"month\":\"2024-03\",\"period\":\"2025-04\",\"type\":\"month\","
		"\"money\":{\"EUR\":\"1\",\"USD\":\"2.5\"},"
		"\"n\":{\"EUR\":2,\"USD\":1},"
		"\"days\":[\"1970-01-01\",\"2024-01-01\"],\"partial\":true}\n");
	buf_release(&b);
	fsum_release(&s);
}
END_TEST

static Suite *fsum_suite(void)
{
	Suite *s = suite_create("fsum");
	TCase *tc = tcase_create("fsum");

	tcase_add_test(tc, periods);
	tcase_add_test(tc, scales);
	tcase_add_test(tc, stages);
	tcase_add_test(tc, managers);
	tcase_add_test(tc, groups);
	tcase_add_test(tc, overflow);
	suite_add_tcase(s, tc);
	tc = tcase_create("write");
	tcase_add_test(tc, write_row);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(fsum_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
