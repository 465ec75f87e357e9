/* event_test.c - unit tests of lib/event.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"

struct fix {
	struct rec r;
	struct buf scratch;
	struct jkey_memo names;
	struct event ev;
	char msg[160];
};

static void fix_init(struct fix *f)
{
	memset(f, 0, sizeof *f);
	rec_init(&f->r);
}

/*
 * Reads line as an event: @return event_read()'s answer.  It is read
 * without the names memo, then twice with it (the second time the name
 * comes from the memo): the same answer and name each time.
 */
static int rd(struct fix *f, const char *line)
{
	struct json_error e;
	char name[256];
	size_t nlen;
	int rc, k;

	ck_assert_msg(rec_parse(&f->r, line, strlen(line), &e) == 0,
		      "bad JSON: %s", line);
	f->msg[0] = '\0';
	rc = event_read(&f->r, &f->ev, &f->scratch, NULL, f->msg,
			sizeof f->msg);
	if (rc < 0)
		return rc;
	nlen = f->ev.nlen < sizeof name ? f->ev.nlen : sizeof name;
	memcpy(name, f->ev.name, nlen);
	for (k = 0; k < 2; k++) {
		ck_assert_int_eq(event_read(&f->r, &f->ev, &f->scratch,
					    &f->names, f->msg, sizeof f->msg),
				 0);
		ck_assert_uint_eq(f->ev.nlen < sizeof name ? f->ev.nlen
							   : sizeof name,
				  nlen);
		ck_assert(memcmp(f->ev.name, name, nlen) == 0);
	}
	return rc;
}

#define BAD(line, want)                                                        \
	do {                                                                   \
		ck_assert_int_eq(rd(&f, line), -1);                            \
		ck_assert_str_eq(f.msg, want);                                 \
	} while (0)

START_TEST(good)
{
	struct fix f;

	fix_init(&f);

	ck_assert_int_eq(rd(&f,
			    "{\"kind\":\"event\",\"user_id\":42,"
			    "\"ts\":\"2025-03-01T10:15:00Z\","
			    "\"event\":\"\xd0\x92\xd0\xa3\",\"amount\":1.5}"),
			 0);
	ck_assert_uint_eq(f.ev.user.n, 2);
	ck_assert_mem_eq(f.ev.user.p, "42", 2);
	ck_assert_uint_eq(f.ev.nlen, 4);
	ck_assert_mem_eq(f.ev.name, "\xd0\x92\xd0\xa3", 4);
	ck_assert(f.ev.ts.has_off);
	ck_assert(f.ev.us == INT64_C(1740824100) * 1000000);

	/* no kind; a string user; escapes decoded; fractions and naive */
	ck_assert_int_eq(rd(&f, "{\"user_id\":\"u-7\",\"event\":\"a\\u0062c\","
				"\"ts\":\"2025-03-01T10:15:00.25\"}"),
			 0);
	ck_assert_mem_eq(f.ev.user.p, "\"u-7\"", 5);
	ck_assert_uint_eq(f.ev.nlen, 3);
	ck_assert_mem_eq(f.ev.name, "abc", 3);
	ck_assert(!f.ev.ts.has_off);
	ck_assert(f.ev.us == INT64_C(1740824100) * 1000000 + 250000);

	/* a string id in its canonical form, whatever the escapes; the name
	 * decoded beside it */
	ck_assert_int_eq(
		rd(&f, "{\"user_id\":\"crm\\/\\u0037\\u0000\\n\",\"event\":"
		       "\"a\\u0062\",\"ts\":\"2025-03-01T10:15:00Z\"}"),
		0);
	ck_assert_uint_eq(f.ev.user.n, 15);
	ck_assert_mem_eq(f.ev.user.p, "\"crm/7\\u0000\\n\"", 15);
	ck_assert(!(f.ev.user.flags & JSON_F_ESC));
	ck_assert_uint_eq(f.ev.nlen, 2);
	ck_assert_mem_eq(f.ev.name, "ab", 2);
	ck_assert_int_eq(rd(&f, "{\"user_id\":\"\\u00e9\",\"event\":\"x\","
				"\"ts\":\"2025-03-01T10:15:00Z\"}"),
			 0);
	ck_assert_uint_eq(f.ev.user.n, 4);
	ck_assert_mem_eq(f.ev.user.p, "\"\xc3\xa9\"", 4);
	ck_assert_mem_eq(f.ev.name, "x", 1);

	/* integers of any size and sign are ids as written; "7.0" a string */
	ck_assert_int_eq(rd(&f, "{\"user_id\":-12345678901234567890123,"
				"\"event\":\"x\",\"ts\":\"2025-01-01\"}"),
			 0);
	ck_assert_int_eq(rd(&f, "{\"user_id\":0,\"event\":\"x\","
				"\"ts\":\"2025-01-01\"}"),
			 0);
	ck_assert_int_eq(rd(&f, "{\"user_id\":\"7.0\",\"event\":\"x\","
				"\"ts\":\"2025-01-01\"}"),
			 0);

	/* the ends of the range */
	ck_assert_int_eq(
		rd(&f,
		   "{\"user_id\":1,\"event\":\"x\",\"ts\":\"0001-01-01T00:00:00Z\"}"),
		0);
	ck_assert(f.ev.us == INT64_C(-62135596800) * 1000000);
	ck_assert_int_eq(
		rd(&f,
		   "{\"user_id\":1,\"event\":\"x\",\"ts\":\"9999-12-31T23:59:59.999999999Z\"}"),
		0);
	ck_assert(f.ev.us == INT64_C(253402300799) * 1000000 + 999999);
	rec_release(&f.r);
	buf_release(&f.scratch);
	jkey_memo_release(&f.names);
}
END_TEST

START_TEST(bad)
{
	struct fix f;

	fix_init(&f);

	BAD("{\"kind\":\"ticket\",\"user_id\":1,\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "not an event record (kind \"ticket\")");
	BAD("{\"kind\":7,\"user_id\":1,\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "not an event record");
	BAD("{\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "missing field 'user_id'");
	BAD("{\"user_id\":null,\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "missing field 'user_id'");
	BAD("{\"user_id\":[1],\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "field 'user_id' is an array, not a number or string");
	BAD("{\"user_id\":false,\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "field 'user_id' is a boolean, not a number or string");
	BAD("{\"user_id\":{},\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "field 'user_id' is an object, not a number or string");
	/* ids of every length, the dot or exponent anywhere: bad */
	{
		static const char *const ok[] = {
			"0",
			"7",
			"-7",
			"12345678",
			"-12345678",
			"123456789",
			"1234567890123456",
			"12345678901234567",
			"-123456789012345678901234567890"};
		static const char *const no[] = {"-0",
						 "0.5",
						 "1e5",
						 "1E+5",
						 "12345678.0",
						 "1234567.8",
						 "1.2345678",
						 "123456789e1",
						 "12345678901234567.5",
						 "1234567890123456e-1",
						 "-1.5",
						 "-12345678901e3"};
		char line[160];
		size_t i;

		for (i = 0; i < sizeof ok / sizeof ok[0]; i++) {
			snprintf(line, sizeof line,
				 "{\"user_id\":%s,\"event\":\"x\","
				 "\"ts\":\"2025-01-01\"}",
				 ok[i]);
			ck_assert_msg(rd(&f, line) == 0, "%s: %s", ok[i],
				      f.msg);
		}
		for (i = 0; i < sizeof no / sizeof no[0]; i++) {
			snprintf(line, sizeof line,
				 "{\"user_id\":%s,\"event\":\"x\","
				 "\"ts\":\"2025-01-01\"}",
				 no[i]);
			ck_assert_msg(rd(&f, line) == -1, "%s taken", no[i]);
		}
	}
	/* a number id not written as an integer: 7.0 would be another user */
	BAD("{\"user_id\":7.0,\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "field 'user_id': number 7.0 is not written as an integer (an id "
	    "is an integer like 42, or a string)");
	BAD("{\"user_id\":7e0,\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "field 'user_id': number 7e0 is not written as an integer (an id "
	    "is an integer like 42, or a string)");
	BAD("{\"user_id\":-0,\"event\":\"x\",\"ts\":\"2025-01-01\"}",
	    "field 'user_id': number -0 is not written as an integer (an id "
	    "is an integer like 42, or a string)");
	BAD("{\"user_id\":1,\"ts\":\"2025-01-01\"}", "missing field 'event'");
	BAD("{\"user_id\":1,\"event\":5,\"ts\":\"2025-01-01\"}",
	    "field 'event' is a number, not a string");
	BAD("{\"user_id\":1,\"event\":\"x\"}", "missing field 'ts'");
	BAD("{\"user_id\":1,\"event\":\"x\",\"ts\":17}",
	    "field 'ts' is a number, not a time");
	BAD("{\"user_id\":1,\"event\":\"x\",\"ts\":\"yesterday\"}",
	    "field 'ts': cannot parse time 'yesterday'");
	BAD("{\"user_id\":1,\"event\":\"x\",\"ts\":\"0000-12-31T23:59:59Z\"}",
	    "field 'ts': time '0000-12-31T23:59:59Z' out of range (years 0001 to 9999)");
	BAD("{\"user_id\":1,\"event\":\"x\",\"ts\":\"9999-12-31T23:59:59-00:01\"}",
	    "field 'ts': time '9999-12-31T23:59:59-00:01' out of range (years 0001 to 9999)");
	BAD("{\"user_id\":1,\"event\":\"x\",\"ts\":\"0001-01-01T00:00:00+00:01\"}",
	    "field 'ts': time '0001-01-01T00:00:00+00:01' out of range (years 0001 to 9999)");
	rec_release(&f.r);
	buf_release(&f.scratch);
	jkey_memo_release(&f.names);
}
END_TEST

static Suite *event_suite(void)
{
	Suite *s = suite_create("event");
	TCase *tc = tcase_create("read");

	tcase_add_test(tc, good);
	tcase_add_test(tc, bad);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(event_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
