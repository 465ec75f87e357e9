/* ptime_test.c - unit tests of lib/ptime.c. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ptime.h"

/* Check's ck_assert() talks to the parent process at every call: too slow
 * for loops over millions of values. */
#define QUICK_ASSERT(c)                                                        \
	do {                                                                   \
		if (!(c))                                                      \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);     \
	} while (0)

static struct ptime parsed(const char *s)
{
	struct ptime t;

	memset(&t, 0x5a, sizeof t);
	ck_assert_msg(ptime_parse(s, strlen(s), &t) == 0, "'%s' rejected", s);
	return t;
}

#define REJECTS(s)                                                             \
	do {                                                                   \
		struct ptime t_;                                               \
		ck_assert_msg(ptime_parse(s, strlen(s), &t_) == -1,            \
			      "'%s' accepted", s);                             \
	} while (0)

/* 2025-01-10T08:00:00Z */
#define T0 1736496000

START_TEST(parse_forms)
{
	struct ptime t;

	t = parsed("2025-01-10T08:00:00Z");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.nsec, 0);
	ck_assert_int_eq(t.has_off, 1);
	ck_assert_int_eq(t.off_sec, 0);
	t = parsed("2025-01-10t08:00:00z");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.has_off, 1);
	t = parsed("2025-01-10 08:00:00");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.has_off, 0);
	ck_assert_int_eq(t.off_sec, 0);
	ck_assert_int_eq(t.nsec, 0);
	t = parsed("2025-01-10T08:00:00");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.has_off, 0);
	t = parsed("2025-01-10T08:00");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.has_off, 0);
	t = parsed("2025-01-10T08:00Z");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.has_off, 1);
	t = parsed("2025-01-10");
	ck_assert_int_eq(t.sec, T0 - 8 * 3600);
	ck_assert_int_eq(t.has_off, 0);
	ck_assert_int_eq(t.nsec, 0);
	t = parsed("1970-01-01T00:00:00Z");
	ck_assert_int_eq(t.sec, 0);
	t = parsed("1969-12-31T23:59:59Z");
	ck_assert_int_eq(t.sec, -1);
	t = parsed("2025-01-10T08:00:60Z"); /* a leap second */
	ck_assert_int_eq(t.sec, T0 + 60);
}
END_TEST

START_TEST(parse_fractions)
{
	struct ptime t;

	t = parsed("2025-01-10T08:00:00.5Z");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.nsec, 500000000);
	t = parsed("2025-01-10T08:00:00.123456789Z");
	ck_assert_int_eq(t.nsec, 123456789);
	t = parsed("2025-01-10T08:00:00.1234567891234Z");
	ck_assert_int_eq(t.nsec, 123456789);
	t = parsed("2025-01-10T08:00:00,25");
	ck_assert_int_eq(t.nsec, 250000000);
	ck_assert_int_eq(t.has_off, 0);
	t = parsed("2025-01-10 08:00:00.000001+01:00");
	ck_assert_int_eq(t.nsec, 1000);
	ck_assert_int_eq(t.sec, T0 - 3600);
	REJECTS("2025-01-10T08:00:00.Z");
	REJECTS("2025-01-10T08:00:00.");
	REJECTS("2025-01-10T08:00:00.x");
}
END_TEST

START_TEST(parse_offsets)
{
	struct ptime t;

	t = parsed("2025-01-10T10:00:00+02:00");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.has_off, 1);
	ck_assert_int_eq(t.off_sec, 7200);
	t = parsed("2025-01-10T10:00:00+0200");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.off_sec, 7200);
	t = parsed("2025-01-10T10:00:00+02");
	ck_assert_int_eq(t.sec, T0);
	t = parsed("2025-01-10T02:30:00-05:30");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.off_sec, -19800);
	t = parsed("2025-01-10T08:00:00-00:00");
	ck_assert_int_eq(t.sec, T0);
	ck_assert_int_eq(t.has_off, 1);
	t = parsed("2025-01-10T08:00+00:00");
	ck_assert_int_eq(t.sec, T0);
	t = parsed("2025-01-01T01:00:00+14:00"); /* crosses the year */
	ck_assert_int_eq(t.sec, ptime_days_from_civil(2024, 12, 31) * 86400 +
					11 * 3600);
	REJECTS("2025-01-10T08:00:00+2");
	REJECTS("2025-01-10T08:00:00+02:0");
	REJECTS("2025-01-10T08:00:00+02:");
	REJECTS("2025-01-10T08:00:00+020");
	REJECTS("2025-01-10T08:00:00+24:00");
	REJECTS("2025-01-10T08:00:00+02:60");
	REJECTS("2025-01-10T08:00:00+02:00Z");
	REJECTS("2025-01-10T08:00:00 +02:00");
	REJECTS("2025-01-10T08:00:00Zx");
	REJECTS("2025-01-10T08:00:00UTC");
}
END_TEST

START_TEST(parse_invalid)
{
	REJECTS("");
	REJECTS("2025");
	REJECTS("2025-01");
	REJECTS("2025-1-10");
	REJECTS("2025-01-1");
	REJECTS("25-01-10");
	REJECTS("2025/01/10");
	REJECTS("2025-01-10x");
	REJECTS("2025-01-10 ");
	REJECTS("2025-01-10T");
	REJECTS("2025-01-10T08");
	REJECTS("2025-01-10T08:0");
	REJECTS("2025-01-10T8:00:00");
	REJECTS("2025-01-10T08:00:0");
	REJECTS("2025-01-10T08:00:00 ");
	REJECTS("2025-01-10_08:00:00");
	REJECTS(" 2025-01-10");
	/* out of range */
	REJECTS("2025-13-01");
	REJECTS("2025-00-10");
	REJECTS("2025-01-00");
	REJECTS("2025-01-32");
	REJECTS("2025-02-30");
	REJECTS("2025-04-31");
	REJECTS("2025-06-31");
	REJECTS("2025-09-31");
	REJECTS("2025-11-31");
	REJECTS("2025-01-10T24:00:00Z");
	REJECTS("2025-01-10T23:60:00Z");
	REJECTS("2025-01-10T23:59:61Z");
	REJECTS("-025-01-10");
	REJECTS("+2025-01-10");
}
END_TEST

/* One range for every program: the instant in the years 0001 to 9999. */
START_TEST(parse_range)
{
	struct ptime t;

	ck_assert_int_eq(ptime_parse("0001-01-01T00:00:00Z", 20, &t), 0);
	ck_assert(t.sec == PTIME_MIN);
	ck_assert_int_eq(ptime_parse("9999-12-31T23:59:59Z", 20, &t), 0);
	ck_assert(t.sec == PTIME_MAX);
	ck_assert_int_eq(ptime_parse("9999-12-31T23:59:59+23:59", 25, &t), 0);
	ck_assert_int_eq(ptime_parse("9999-12-31", 10, &t), 0);
	/* the digits are fine, the instant is not */
	ck_assert_int_eq(ptime_parse("9999-12-31T23:59:59-23:59", 25, &t),
			 PTIME_ERANGE);
	ck_assert_int_eq(ptime_parse("9999-12-31T23:59:60Z", 20, &t),
			 PTIME_ERANGE);
	ck_assert_int_eq(ptime_parse("0001-01-01T00:00:00+00:01", 25, &t),
			 PTIME_ERANGE);
	ck_assert_int_eq(ptime_parse("0000-06-15", 10, &t), PTIME_ERANGE);
	ck_assert_int_eq(ptime_parse("0000-01-01T00:00:00Z", 20, &t),
			 PTIME_ERANGE);
	ck_assert_str_eq(ptime_strerror(PTIME_ERANGE),
			 "out of range (years 0001 to 9999)");
	ck_assert_str_eq(ptime_strerror(-1), "not a time");
}
END_TEST

START_TEST(leap_years)
{
	struct ptime t;

	t = parsed("2024-02-29");
	ck_assert_int_eq(t.sec,
			 ptime_days_from_civil(2024, 3, 1) * 86400 - 86400);
	parsed("2000-02-29");
	parsed("1600-02-29");
	parsed("2025-02-28");
	REJECTS("2023-02-29");
	REJECTS("2025-02-29");
	REJECTS("1900-02-29");
	REJECTS("2100-02-29");
	REJECTS("2024-02-30");
	ck_assert_int_eq(ptime_days_from_civil(2024, 12, 31) -
				 ptime_days_from_civil(2024, 1, 1),
			 365);
	ck_assert_int_eq(ptime_days_from_civil(2023, 12, 31) -
				 ptime_days_from_civil(2023, 1, 1),
			 364);
	ck_assert_int_eq(ptime_days_from_civil(2100, 3, 1) -
				 ptime_days_from_civil(2100, 2, 28),
			 1);
	ck_assert_int_eq(ptime_days_from_civil(2000, 3, 1) -
				 ptime_days_from_civil(2000, 2, 28),
			 2);
}
END_TEST

START_TEST(civil_days)
{
	int64_t z, y;
	unsigned m, d;

	ck_assert_int_eq(ptime_days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(ptime_days_from_civil(1969, 12, 31), -1);
	ck_assert_int_eq(ptime_days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(ptime_days_from_civil(2025, 1, 10), 20098);
	ck_assert_int_eq(ptime_days_from_civil(1, 1, 1), -719162);
	ck_assert_int_eq(ptime_days_from_civil(0, 3, 1), -719468);
	ptime_civil_from_days(-1, &y, &m, &d);
	ck_assert(y == 1969 && m == 12 && d == 31);
	ptime_civil_from_days(-719469, &y, &m, &d);
	ck_assert(y == 0 && m == 2 && d == 29); /* year 0 is a leap year */
	ptime_civil_from_days(-719470 - 365, &y, &m, &d);
	ck_assert(y == -1 && m == 2 && d == 28);
	/* round trip over ±3000 years, consecutive days, valid dates */
	int64_t prev_y = -1;
	unsigned prev_m = 0, prev_d = 0;
	for (z = -1800000; z <= 1800000; z++) {
		ptime_civil_from_days(z, &y, &m, &d);
		QUICK_ASSERT(m >= 1 && m <= 12 && d >= 1 && d <= 31);
		QUICK_ASSERT(ptime_days_from_civil(y, m, d) == z);
		if (z > -1800000)
			QUICK_ASSERT(d == prev_d + 1 ||
				     (d == 1 && (m == prev_m + 1 ||
						 (m == 1 && prev_m == 12 &&
						  y == prev_y + 1))));
		prev_y = y;
		prev_m = m;
		prev_d = d;
	}
}
END_TEST

START_TEST(day_floor)
{
	ck_assert_int_eq(ptime_day(0), 0);
	ck_assert_int_eq(ptime_day(86399), 0);
	ck_assert_int_eq(ptime_day(86400), 1);
	ck_assert_int_eq(ptime_day(-1), -1);
	ck_assert_int_eq(ptime_day(-86399), -1);
	ck_assert_int_eq(ptime_day(-86400), -1);
	ck_assert_int_eq(ptime_day(-86401), -2);
	ck_assert(ptime_now() > 1700000000);
}
END_TEST

START_TEST(format)
{
	char b[32];

	ck_assert_uint_eq(ptime_fmt_utc(b, T0), 20);
	ck_assert_str_eq(b, "2025-01-10T08:00:00Z");
	ptime_fmt_utc(b, -1);
	ck_assert_str_eq(b, "1969-12-31T23:59:59Z");
	ptime_fmt_utc(b, -86400 * 365 - 3661);
	ck_assert_str_eq(b, "1968-12-31T22:58:59Z");
	ptime_fmt_utc(b, 253402300799); /* the last second of 9999 */
	ck_assert_str_eq(b, "9999-12-31T23:59:59Z");
	ck_assert_uint_eq(ptime_fmt_day(b, 0), 10);
	ck_assert_str_eq(b, "1970-01-01");
	ptime_fmt_day(b, -1);
	ck_assert_str_eq(b, "1969-12-31");
	ptime_fmt_day(b, ptime_days_from_civil(2024, 2, 29));
	ck_assert_str_eq(b, "2024-02-29");
	ck_assert_uint_eq(
		ptime_fmt_month(b, ptime_days_from_civil(2024, 2, 29)), 7);
	ck_assert_str_eq(b, "2024-02");
	ptime_fmt_month(b, -1);
	ck_assert_str_eq(b, "1969-12");
	ptime_fmt_day(b, ptime_days_from_civil(5, 6, 7));
	ck_assert_str_eq(b, "0005-06-07");
}
END_TEST

START_TEST(format_utc_vs_libc)
{
	uint64_t x = 88172645463325252ULL;
	char mine[32], libc[32];
	struct tm tm;
	int i;

	for (i = 0; i < 200000; i++) {
		x ^= x << 13;
		x ^= x >> 7;
		x ^= x << 17;
		/* 1900 .. 2200 */
		time_t s =
			(time_t)((int64_t)(x % 9467280000ULL) - 2208988800LL);
		ptime_fmt_utc(mine, (int64_t)s);
		gmtime_r(&s, &tm);
		strftime(libc, sizeof libc, "%Y-%m-%dT%H:%M:%SZ", &tm);
		QUICK_ASSERT(strcmp(mine, libc) == 0);
		/* and back */
		struct ptime t;
		QUICK_ASSERT(ptime_parse(mine, 20, &t) == 0 &&
			     t.sec == (int64_t)s);
	}
}
END_TEST

static void week_is(int y, unsigned m, unsigned d, const char *want)
{
	char b[16];

	ck_assert_uint_eq(ptime_fmt_week(b, ptime_days_from_civil(y, m, d)), 8);
	ck_assert_msg(strcmp(b, want) == 0, "%04d-%02u-%02u: %s, want %s", y, m,
		      d, b, want);
}

START_TEST(iso_weeks)
{
	week_is(2024, 12, 30, "2025-W01");
	week_is(2021, 1, 3, "2020-W53");
	week_is(2026, 1, 1, "2026-W01");
	week_is(2020, 12, 31, "2020-W53");
	week_is(2021, 1, 4, "2021-W01");
	week_is(2008, 12, 29, "2009-W01");
	week_is(2010, 1, 3, "2009-W53");
	week_is(2005, 1, 1, "2004-W53");
	week_is(2025, 1, 10, "2025-W02");
	week_is(1970, 1, 1, "1970-W01");
	week_is(1969, 12, 29, "1970-W01");
	week_is(1969, 12, 28, "1969-W52");
}
END_TEST

START_TEST(iso_weeks_vs_libc)
{
	int64_t day;
	char mine[16], libc[16];
	struct tm tm;

	for (day = ptime_days_from_civil(1900, 1, 1);
	     day <= ptime_days_from_civil(2200, 12, 31); day++) {
		time_t s = (time_t)(day * 86400);
		gmtime_r(&s, &tm);
		strftime(libc, sizeof libc, "%G-W%V", &tm);
		ptime_fmt_week(mine, day);
		if (strcmp(mine, libc) != 0)
			ck_abort_msg("day %lld: %s, libc %s", (long long)day,
				     mine, libc);
	}
}
END_TEST

static void utc_zone(void)
{
	/* gmtime_r/strftime: no zone file to look up at every call */
	setenv("TZ", "UTC", 1);
	tzset();
}

START_TEST(format_local)
{
	char b[PTIME_LOCAL_MAX];
	struct ptime t;

#define ROUND(in, want)                                                        \
	do {                                                                   \
		ck_assert_int_eq(ptime_parse(in, strlen(in), &t), 0);          \
		ck_assert_uint_eq(ptime_fmt_local(b, &t), strlen(want));       \
		ck_assert_str_eq(b, want);                                     \
	} while (0)
	ROUND("2024-09-02T18:37:18+02:00", "2024-09-02T18:37:18+02:00");
	ROUND("2024-09-02T00:10:00+03:00", "2024-09-02T00:10:00+03:00");
	ROUND("2024-09-02T23:10:00-0530", "2024-09-02T23:10:00-05:30");
	ROUND("2024-09-02T18:37:18+00:00", "2024-09-02T18:37:18Z");
	ROUND("2024-09-02T18:37:18Z", "2024-09-02T18:37:18Z");
	ROUND("2024-09-02 18:37:18", "2024-09-02T18:37:18");
	ROUND("2024-09-02", "2024-09-02T00:00:00");
	ROUND("2024-09-02T18:37:18.250+05", "2024-09-02T18:37:18.25+05:00");
	ROUND("2024-01-01T00:30:00+14:00", "2024-01-01T00:30:00+14:00");
	ROUND("1969-12-31T23:59:59.000000001-01:00",
	      "1969-12-31T23:59:59.000000001-01:00");
#undef ROUND
	/* the instant is kept: the same sec, another offset */
	ck_assert_int_eq(ptime_parse("2024-09-02T18:37:18+02:00", 25, &t), 0);
	t.off_sec = 3 * 3600;
	ptime_fmt_local(b, &t);
	ck_assert_str_eq(b, "2024-09-02T19:37:18+03:00");
}
END_TEST

static Suite *ptime_suite(void)
{
	Suite *s = suite_create("ptime");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_test(tc, parse_forms);
	tcase_add_test(tc, parse_fractions);
	tcase_add_test(tc, parse_offsets);
	tcase_add_test(tc, parse_invalid);
	tcase_add_test(tc, parse_range);
	tcase_add_test(tc, leap_years);
	suite_add_tcase(s, tc);
	tc = tcase_create("days");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, civil_days);
	tcase_add_test(tc, day_floor);
	suite_add_tcase(s, tc);
	tc = tcase_create("format");
	tcase_set_timeout(tc, 60);
	tcase_add_unchecked_fixture(tc, utc_zone, NULL);
	tcase_add_test(tc, format);
	tcase_add_test(tc, format_local);
	tcase_add_test(tc, format_utc_vs_libc);
	tcase_add_test(tc, iso_weeks);
	tcase_add_test(tc, iso_weeks_vs_libc);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(ptime_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
