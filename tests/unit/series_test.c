/* series_test.c - unit tests of lib/series.c. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"
#include "series.h"

static int64_t day(const char *ymd)
{
	return ptime_days_from_civil(strtol(ymd, NULL, 10),
				     (unsigned)strtol(ymd + 5, NULL, 10),
				     (unsigned)strtol(ymd + 8, NULL, 10));
}

START_TEST(add_get)
{
	struct series s;
	int64_t d0 = day("2025-03-01");

	memset(&s, 0, sizeof s);
	ck_assert_uint_eq(series_get(&s, d0), 0);
	ck_assert_int_eq(series_add(&s, d0, 2), 0);
	/* far before and far after: the array grows both ways */
	ck_assert_int_eq(series_add(&s, d0 - 400, 1), 0);
	ck_assert_int_eq(series_add(&s, d0 + 900, 5), 0);
	ck_assert_int_eq(series_add(&s, d0, 3), 0);
	ck_assert_uint_eq(series_get(&s, d0), 5);
	ck_assert_uint_eq(series_get(&s, d0 - 400), 1);
	ck_assert_uint_eq(series_get(&s, d0 + 900), 5);
	ck_assert_uint_eq(series_get(&s, d0 + 1), 0);
	ck_assert_uint_eq(series_get(&s, d0 - 5000), 0);
	/* a count a record cannot hold is refused, the old one kept */
	ck_assert_int_eq(series_add(&s, d0, (uint64_t)INT64_MAX - 5), 0);
	ck_assert_int_eq(series_add(&s, d0, 1), -1);
	ck_assert_uint_eq(series_get(&s, d0), (uint64_t)INT64_MAX);
	/* taking back: never more than the day holds, nor from a day outside */
	ck_assert_int_eq(series_sub(&s, d0 + 900, 2), 0);
	ck_assert_uint_eq(series_get(&s, d0 + 900), 3);
	ck_assert_int_eq(series_sub(&s, d0 + 900, 4), -1);
	ck_assert_uint_eq(series_get(&s, d0 + 900), 3);
	ck_assert_int_eq(series_sub(&s, d0 + 9000, 1), -1);
	ck_assert_int_eq(series_sub(&s, d0 - 9000, 1), -1);
	ck_assert_int_eq(series_sub(&s, d0 - 9000, 0), 0);
	ck_assert_uint_eq(series_get(&s, d0 - 400), 1);
	series_release(&s);
	ck_assert_ptr_null(s.v);
	series_release(&s);
}
END_TEST

/* The record of day d of a report starting at first, without newline. */
static char *rec(const struct series *s, const char *d, const char *first,
		 const char *title, int partial)
{
	struct buf b = BUF_INIT;

	series_write(&b, "m", title, s, day(d), day(first), partial);
	ck_assert(b.len > 0 && b.p[b.len - 1] == '\n');
	b.p[b.len - 1] = '\0';
	return b.p;
}

START_TEST(write)
{
	struct series s;
	char *r;
	int i;

	memset(&s, 0, sizeof s);
	/* 2025-03-01 .. 03-08: 1, 2, 0, 0, 0, 0, 4, then 3 */
	series_add(&s, day("2025-03-01"), 1);
	series_add(&s, day("2025-03-02"), 2);
	series_add(&s, day("2025-03-07"), 4);
	series_add(&s, day("2025-03-08"), 3);
	r = rec(&s, "2025-03-01", "2025-03-01", NULL, 0);
	ck_assert_str_eq(
		r,
		"{\"kind\":\"metric\",\"name\":\"m\",\"day\":\"2025-03-01\",\"value\":1,\"prev_day\":null,\"week_ago\":null,\"mean_7d\":null}");
	free(r);
	r = rec(&s, "2025-03-07", "2025-03-01", "T \"q\"", 0);
	ck_assert_str_eq(
		r,
		"{\"kind\":\"metric\",\"name\":\"m\",\"title\":\"T \\\"q\\\"\",\"day\":\"2025-03-07\",\"value\":4,\"prev_day\":0,\"week_ago\":null,\"mean_7d\":null}");
	free(r);
	/* the 8th day has a week behind it: (1+2+0+0+0+0+4)/7 = 1 */
	r = rec(&s, "2025-03-08", "2025-03-01", NULL, 0);
	ck_assert_str_eq(
		r,
		"{\"kind\":\"metric\",\"name\":\"m\",\"day\":\"2025-03-08\",\"value\":3,\"prev_day\":4,\"week_ago\":1,\"mean_7d\":1}");
	free(r);
	/* (2+0+0+0+0+4+3)/7: full precision, the shortest form of the double */
	r = rec(&s, "2025-03-09", "2025-03-01", NULL, 0);
	ck_assert_str_eq(
		r,
		"{\"kind\":\"metric\",\"name\":\"m\",\"day\":\"2025-03-09\",\"value\":0,\"prev_day\":3,\"week_ago\":2,\"mean_7d\":1.2857142857142858}");
	free(r);
	/* a report that starts later has no week behind the same day */
	r = rec(&s, "2025-03-08", "2025-03-02", NULL, 0);
	ck_assert(strstr(r,
			 "\"prev_day\":4,\"week_ago\":null,\"mean_7d\":null}"));
	free(r);
	r = rec(&s, "2025-03-08", "2025-03-01", "T", 1);
	ck_assert_str_eq(
		r,
		"{\"kind\":\"metric\",\"name\":\"m\",\"title\":\"T\",\"day\":\"2025-03-08\",\"value\":3,\"partial\":true}");
	free(r);
	series_release(&s);

	/* a whole mean has no decimals */
	memset(&s, 0, sizeof s);
	for (i = 1; i <= 7; i++)
		series_add(&s, day("2025-03-01") + i - 1,
			   i == 1 ? 7 * 3 + 7 : 0);
	r = rec(&s, "2025-03-08", "2025-03-01", NULL, 0);
	ck_assert(strstr(r, "\"mean_7d\":4}"));
	free(r);
	series_add(&s, day("2025-03-02"), 7);
	series_add(&s, day("2025-03-03"), 3); /* 38 / 7 = 5.428... */
	r = rec(&s, "2025-03-08", "2025-03-01", NULL, 0);
	ck_assert(strstr(r, "\"mean_7d\":5.428571428571429}"));
	free(r);
	series_release(&s);

	/* seven counts near 2^63: a whole mean is exact, another the double */
	memset(&s, 0, sizeof s);
	for (i = 0; i < 7; i++)
		series_add(&s, day("2025-03-01") + i, (uint64_t)INT64_MAX);
	r = rec(&s, "2025-03-08", "2025-03-01", NULL, 0);
	ck_assert(strstr(r, "\"mean_7d\":9223372036854775807}"));
	free(r);
	ck_assert_int_eq(series_sub(&s, day("2025-03-01"), 1), 0);
	r = rec(&s, "2025-03-08", "2025-03-01", NULL, 0);
	ck_assert(strstr(r, "\"mean_7d\":9.223372036854776e+18}"));
	free(r);
	series_release(&s);

	/* small sums: the mean is the double nearest sum / 7 */
	memset(&s, 0, sizeof s);
	series_add(&s, day("2025-03-01"), 2);
	r = rec(&s, "2025-03-08", "2025-03-01", NULL, 0);
	ck_assert(strstr(r, "\"mean_7d\":0.2857142857142857}"));
	free(r);
	series_release(&s);
}
END_TEST

static Suite *series_suite(void)
{
	Suite *s = suite_create("series");
	TCase *tc = tcase_create("series");

	tcase_add_test(tc, add_get);
	tcase_add_test(tc, write);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(series_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
