/*
 * funnel_test.c - unit tests of pulse-funnel's engine
 * (filters/funnel/funnel_load.c): what happens when a map of ids is full.
 * lib/idmap refuses a new key past its max; the engine makes that a bad
 * record naming the limit (it used to end the program), and an id already
 * read is still taken.  The real limit is 2^32-3; the tests lower it.
 */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "funnel.h"

static struct funnel *f;
static struct sink out = SINK_INIT;
static char msg[256];

static void setup(void)
{
	struct funnel_opts o;

	memset(&o, 0, sizeof o);
	o.by = FN_BY_NONE;
	o.stale_days = -1;
	o.as_of = INT64_C(1768953600);
	f = funnel_new(&o);
	f->ids[0].max = 3; /* leads */
	f->ids[1].max = 2; /* deals */
	msg[0] = '\0';
}

static void teardown(void)
{
	funnel_free(f);
	buf_release(&out.b);
}

static int add(const char *line)
{
	struct rec r;
	struct json_error e;
	int rc;

	rec_init(&r);
	ck_assert_int_eq(rec_parse(&r, line, strlen(line), &e), 0);
	rc = funnel_add(f, &r, &out, msg, sizeof msg);
	rec_release(&r);
	return rc;
}

static int lead(const char *id)
{
	char line[256];

	snprintf(line, sizeof line,
		 "{\"kind\":\"lead\",\"id\":%s,\"status\":\"NEW\","
		 "\"created\":\"2026-01-05T10:00:00Z\"}",
		 id);
	return add(line);
}

static int stage(const char *entity, const char *id)
{
	char line[256];

	snprintf(line, sizeof line,
		 "{\"kind\":\"stage\",\"entity\":\"%s\",\"id\":%s,"
		 "\"stage\":\"NEW\",\"ts\":\"2026-01-05T10:00:00Z\"}",
		 entity, id);
	return add(line);
}

START_TEST(full_map_refuses_a_new_lead)
{
	ck_assert_int_eq(lead("1"), 0);
	ck_assert_int_eq(lead("\"a\""), 0);
	ck_assert_int_eq(lead("3"), 0);
	ck_assert_int_eq(lead("4"), -1);
	ck_assert_str_eq(msg, "more than 4294967293 leads: pulse-funnel holds "
			      "no more");
	ck_assert_int_eq(lead("\"b\""), -1);
	/* ids read before are still taken, as integers and as strings */
	ck_assert_int_eq(lead("1"), 0);
	ck_assert_int_eq(lead("\"a\""), 0);
	ck_assert_int_eq(lead("\"3\""), 0);
}
END_TEST

START_TEST(full_map_refuses_a_new_id_in_a_stage_change)
{
	/* integer ids wait in a batch: room is kept for all of them */
	ck_assert_int_eq(stage("lead", "1"), 0);
	ck_assert_int_eq(stage("lead", "2"), 0);
	ck_assert_int_eq(stage("lead", "2"), 0);
	ck_assert_int_eq(lead("\"s\""), 0);
	ck_assert_int_eq(stage("lead", "3"), -1);
	ck_assert_int_eq(stage("lead", "\"t\""), -1);
	ck_assert_int_eq(stage("lead", "1"), 0);
	ck_assert_int_eq(stage("lead", "\"s\""), 0);
	/* deals have a map of their own */
	ck_assert_int_eq(stage("deal", "1"), 0);
	ck_assert_int_eq(stage("deal", "2"), 0);
	ck_assert_int_eq(stage("deal", "3"), -1);
	ck_assert_str_eq(msg, "more than 4294967293 deals: pulse-funnel holds "
			      "no more");
	funnel_flush(f);
	ck_assert_int_eq(funnel_finish(f, &out, msg, sizeof msg), 0);
	ck_assert_uint_eq(f->nhist, 7);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("funnel");
	TCase *tc = tcase_create("idmap full");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, full_map_refuses_a_new_lead);
	tcase_add_test(tc, full_map_refuses_a_new_id_in_a_stage_change);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}
