/*
 * classify_test.c - unit tests of pulse-classify's decision
 * (filters/classify/classify_verdict.c): a ticket's messages in, its
 * category, state, priority, days waiting and reason out, with nothing
 * read or written.
 */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "classify_int.h"

#define DAY 86400
#define AS_OF (INT64_C(1768953600) + 18 * 3600) /* 2026-01-21T18:00Z */

static const char rules_text[] = "[spam]\nsubject casino\n"
				 "[order_confirmation]\nsubject order\n"
				 "[autoreply]\nsubject out of office\n"
				 "[insolvency]\nany insolvency\n"
				 "[partner]\ndomain partner.example\n"
				 "[topic:voucher]\nany voucher\n"
				 "[topic:dates]\nany dates\n";

static struct rules rs;
static struct classifier *k;
static struct ctk t;
static struct cmsg m[8];
static size_t n;
static struct classify_verdict v;

static uint64_t sec(const char *name)
{
	const struct rule_section *s = rules_section(&rs, name);

	ck_assert_ptr_nonnull(s);
	return 1ull << (s - rs.s);
}

static void setup(void)
{
	struct classify_opts o = {AS_OF, 3 * DAY, 0};
	struct buf err = BUF_INIT;

	memset(&rs, 0, sizeof rs);
	ck_assert_int_eq(rules_parse(&rs, rules_text, sizeof rules_text - 1,
				     "t.rules", &err),
			 0);
	k = classify_new(&o, &rs, &err);
	ck_assert_ptr_nonnull(k);
	memset(&t, 0, sizeof t);
	t.id = 7;
	n = 0;
	buf_release(&err);
}

static void teardown(void)
{
	classify_free(k);
	rules_release(&rs);
}

/* Adds a message days_ago before --as-of, in or out, with rule bits. */
static void add(int dir, double days_ago, uint64_t mask)
{
	struct cmsg *x = &m[n];

	memset(x, 0, sizeof *x);
	x->ts = AS_OF - (int64_t)(days_ago * DAY);
	x->id = (int64_t)n + 1;
	x->dir = (uint8_t)dir;
	x->mask = mask;
	x->next = NONE;
	/* the first rule of each section a reason quotes */
	x->why[WHY_SPAM] = (mask & sec("spam")) != 0;
	x->why[WHY_ORDER] = (mask & sec("order_confirmation")) != 0;
	x->why[WHY_INSOLV] = (mask & sec("insolvency")) != 0;
	n++;
}

static void decide(void)
{
	classify_decide(k, &t, m, n, &v);
}

#define VERDICT(cat, st, prio)                                                 \
	do {                                                                   \
		ck_assert_str_eq(v.category, cat);                             \
		ck_assert_str_eq(v.state, st);                                 \
		if (prio)                                                      \
			ck_assert_str_eq(v.priority, (const char *)(prio));    \
		else                                                           \
			ck_assert_ptr_null(v.priority);                        \
	} while (0)

START_TEST(unclear)
{
	decide();
	VERDICT("UNCLEAR", "closed", NULL);
	ck_assert_str_eq(v.reason->p,
			 "unclear: no in or out message (0 messages: notes, "
			 "system messages or auto-replies only)");
	/* an auto-reply is not a message of the conversation */
	add(DIR_IN, 1, sec("autoreply"));
	decide();
	VERDICT("UNCLEAR", "closed", NULL);
}
END_TEST

START_TEST(spam_and_orders)
{
	add(DIR_IN, 2, sec("spam"));
	decide();
	VERDICT("SPAM", "closed", NULL);
	ck_assert_str_eq(v.reason->p, "spam: subject matches 'casino'");
	/* spam that we answered is a conversation */
	add(DIR_OUT, 1, 0);
	decide();
	ck_assert_str_ne(v.category, "SPAM");
	n = 0;
	add(DIR_IN, 2, sec("order_confirmation"));
	add(DIR_IN, 1, sec("order_confirmation"));
	decide();
	VERDICT("ORDER_CONFIRMATION", "closed", NULL);
	ck_assert_str_eq(v.reason->p,
			 "order confirmation: subject matches 'order'");
	/* a human question after the confirmation: the customer waits, since
	 * the confirmation */
	add(DIR_IN, 0.5, 0);
	decide();
	VERDICT("NO_RESPONSE", "open", "medium");
	ck_assert(v.days == 2);
}
END_TEST

START_TEST(waiting)
{
	add(DIR_IN, 0.5, 0);
	decide();
	VERDICT("NO_RESPONSE", "open", "urgent");
	ck_assert(v.waiting && v.days == 0);
	n = 0;
	add(DIR_IN, 2.5, 0);
	decide();
	VERDICT("NO_RESPONSE", "open", "medium");
	ck_assert(v.days == 2);
	ck_assert_str_eq(v.reason->p,
			 "no response: waiting 2 days for a first answer");
	n = 0;
	add(DIR_IN, 9, 0);
	add(DIR_IN, 1, 0); /* the wait counts from the oldest unanswered */
	decide();
	VERDICT("NO_RESPONSE", "open", "low");
	ck_assert(v.days == 9);
	ck_assert_uint_eq(v.n_in, 2);
}
END_TEST

START_TEST(followup_and_partner)
{
	add(DIR_IN, 5, 0);
	add(DIR_OUT, 4, 0);
	add(DIR_IN, 1.2, 0);
	decide();
	VERDICT("CUSTOMER_FOLLOWUP", "open", "critical");
	ck_assert(v.days == 1); /* since the last answer */
	ck_assert(v.fout == &m[1] && v.fin == &m[0] && v.lin == &m[2]);
	n = 0;
	add(DIR_IN, 1, sec("partner"));
	decide();
	VERDICT("PARTNER_NO_RESPONSE", "open", "high");
}
END_TEST

START_TEST(answered)
{
	add(DIR_IN, 10, 0);
	add(DIR_OUT, 1, 0);
	decide();
	VERDICT("RECENT_RESPONSE", "open", "monitor");
	ck_assert(!v.waiting);
	ck_assert_str_eq(v.reason->p, "recent: last answer within 3 days");
	n = 0;
	add(DIR_IN, 10, sec("partner"));
	add(DIR_OUT, 1, 0);
	/* the first customer message's sender, as the engine keeps it */
	buf_adds(&k->arena, "\"a@partner.example\"");
	t.fin_email.off = 0;
	t.fin_email.len = k->arena.len;
	t.fin_partner = 1;
	decide();
	VERDICT("PARTNER_RECENT", "open", "monitor");
	ck_assert_str_eq(v.reason->p,
			 "recent: last answer within 3 days, to a partner");
	t.fin_partner = 0;
	t.fin_email.len = 0;
	n = 0;
	add(DIR_IN, 10, sec("insolvency"));
	add(DIR_OUT, 5, 0);
	decide();
	VERDICT("INSOLVENCY_RESPONDED", "closed", NULL);
	ck_assert_str_eq(v.reason->p,
			 "insolvency: subject or text matches 'insolvency'");
	n = 0;
	add(DIR_IN, 10, 0);
	add(DIR_OUT, 5, 0);
	decide();
	VERDICT("RESPONDED_NO_FOLLOWUP", "closed", NULL);
	ck_assert_str_eq(v.reason->p,
			 "responded: last answer older than 3 days");
}
END_TEST

START_TEST(topics)
{
	add(DIR_IN, 1, sec("topic:voucher"));
	add(DIR_IN, 0.5, sec("topic:dates") | sec("topic:voucher"));
	add(DIR_OUT, 0.1, sec("topic:dates")); /* ours: not a topic */
	decide();
	ck_assert(v.topics == (sec("topic:voucher") | sec("topic:dates")));
	n = 0;
	add(DIR_IN, 1, 0);
	add(DIR_OUT, 0.1, sec("topic:dates"));
	decide();
	ck_assert(v.topics == 0);
}
END_TEST

static Suite *classify_suite(void)
{
	Suite *s = suite_create("classify");
	TCase *tc = tcase_create("decide");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, unclear);
	tcase_add_test(tc, spam_and_orders);
	tcase_add_test(tc, waiting);
	tcase_add_test(tc, followup_and_partner);
	tcase_add_test(tc, answered);
	tcase_add_test(tc, topics);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(classify_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
