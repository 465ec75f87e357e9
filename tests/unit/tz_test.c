/* tz_test.c - unit tests of lib/tz.c. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ptime.h"
#include "tz.h"

static int64_t utc(const char *s)
{
	struct ptime t;

	ck_assert(ptime_parse(s, strlen(s), &t) == 0 && t.has_off);
	return t.sec;
}

static int64_t day(const char *s)
{
	struct ptime t;

	ck_assert(ptime_parse(s, strlen(s), &t) == 0);
	return ptime_day(t.sec);
}

START_TEST(fixed)
{
	static const struct {
		const char *spec;
		int32_t off;
	} ok[] = {{"UTC", 0},	     {"Z", 0},	     {"+03:00", 10800},
		  {"-0530", -19800}, {"+05", 18000}, {"-00:00", 0},
		  {"+23:59", 86340}};
	static const char *const bad[] = {"+3",	   "+24:00",  "+03:60", "03:00",
					  "+03:0", "+03:000", "",	"+0a"};
	char msg[160];
	struct tz z;
	size_t i;

	for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		ck_assert_msg(tz_init(&z, ok[i].spec, msg, sizeof msg) == 0,
			      "'%s' rejected", ok[i].spec);
		ck_assert_int_eq(tz_offset(&z, 1700000000), ok[i].off);
	}
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(tz_init(&z, bad[i], msg, sizeof msg) == -1,
			      "'%s' accepted", bad[i]);
	ck_assert(tz_init(&z, "+03:00", msg, sizeof msg) == 0);
	/* 21:30Z is 00:30 the next day three hours east */
	ck_assert_int_eq(tz_day(&z, utc("2025-03-01T21:30:00Z")),
			 day("2025-03-02"));
	ck_assert_int_eq(tz_day(&z, utc("2025-03-01T20:59:59Z")),
			 day("2025-03-01"));
	ck_assert(tz_init(&z, "-05:00", msg, sizeof msg) == 0);
	ck_assert_int_eq(tz_day(&z, utc("2025-03-01T04:59:59Z")),
			 day("2025-02-28"));
	/* before 1970 */
	ck_assert_int_eq(tz_day(&z, utc("1969-12-31T23:00:00Z")),
			 day("1969-12-31"));
}
END_TEST

START_TEST(named)
{
	char msg[160];
	struct tz z;

	if (tz_init(&z, "Europe/Berlin", msg, sizeof msg) != 0) {
		/* the database is part of Debian's required set (tzdata) */
		ck_abort_msg("no Europe/Berlin: %s", msg);
	}
	/* CET to CEST at 2025-03-30T01:00:00Z */
	ck_assert_int_eq(tz_offset(&z, utc("2025-03-29T12:00:00Z")), 3600);
	ck_assert_int_eq(tz_offset(&z, utc("2025-03-30T00:59:59Z")), 3600);
	ck_assert_int_eq(tz_offset(&z, utc("2025-03-30T01:00:00Z")), 7200);
	ck_assert_int_eq(tz_offset(&z, utc("2025-03-30T00:00:00Z")), 3600);
	ck_assert_int_eq(tz_offset(&z, utc("2025-07-01T00:00:00Z")), 7200);
	ck_assert_int_eq(tz_day(&z, utc("2025-07-01T22:00:00Z")),
			 day("2025-07-02"));
	ck_assert_int_eq(tz_day(&z, utc("2025-12-01T22:59:59Z")),
			 day("2025-12-01"));
	ck_assert_int_eq(tz_day(&z, utc("2025-12-01T23:00:00Z")),
			 day("2025-12-02"));

	/* days in a scattered order, over many years: the cache agrees with
	 * the C library at every hour */
	{
		int64_t i, d, sec;
		time_t t;
		struct tm tm;

		for (i = 0; i < 5000; i++) {
			d = 10000 + (i * 7919) % 12000;
			sec = d * 86400 + (i % 24) * 3600 + 59;
			t = (time_t)sec;
			localtime_r(&t, &tm);
			if (tz_offset(&z, sec) != tm.tm_gmtoff)
				ck_abort_msg("day %lld: %d, not %ld",
					     (long long)d, tz_offset(&z, sec),
					     tm.tm_gmtoff);
		}
	}

	ck_assert(tz_init(&z, "Europe/Moscow", msg, sizeof msg) == 0);
	ck_assert_int_eq(tz_offset(&z, utc("2025-03-01T00:00:00Z")), 10800);
	ck_assert_int_eq(tz_offset(&z, utc("2012-03-01T00:00:00Z")), 14400);

	ck_assert(tz_init(&z, "Mars/Olympus_Mons", msg, sizeof msg) == -1);
	ck_assert_str_eq(
		msg,
		"unknown time zone 'Mars/Olympus_Mons' (UTC, an offset like +03:00, or a name like Europe/Moscow)");
	ck_assert(tz_init(&z, "../../etc/passwd", msg, sizeof msg) == -1);
	ck_assert(tz_init(&z, "/etc/localtime", msg, sizeof msg) == -1);
	ck_assert(tz_init(&z, "Europe", msg, sizeof msg) == -1); /* a dir */
}
END_TEST

static Suite *tz_suite(void)
{
	Suite *s = suite_create("tz");
	TCase *tc;

	tc = tcase_create("tz");
	tcase_add_test(tc, fixed);
	tcase_add_test(tc, named);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(tz_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
