/* group_test.c - unit tests of lib/group.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"

#define QUICK_ASSERT(c)                                                        \
	do {                                                                   \
		if (!(c))                                                      \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);     \
	} while (0)

#define STEP(g, s) group_next(g, s, strlen(s))

START_TEST(steps)
{
	struct group g = GROUP_INIT;
	const char *k;
	size_t n;

	ck_assert_int_eq(STEP(&g, "1"), GROUP_NEW);
	ck_assert_int_eq(STEP(&g, "1"), GROUP_SAME);
	ck_assert_int_eq(STEP(&g, "\"1\""), GROUP_NEW);
	k = group_key(&g, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_mem_eq(k, "\"1\"", 3);
	ck_assert_int_eq(STEP(&g, "2"), GROUP_NEW);
	ck_assert_int_eq(STEP(&g, "1"), GROUP_ENDED);
	/* the current group is not ended by a bad record */
	ck_assert_int_eq(STEP(&g, "2"), GROUP_SAME);
	ck_assert_int_eq(STEP(&g, ""), GROUP_NEW);
	ck_assert_int_eq(STEP(&g, ""), GROUP_SAME);
	ck_assert_int_eq(STEP(&g, "2"), GROUP_ENDED);
	ck_assert_int_eq(STEP(&g, "3"), GROUP_NEW);
	ck_assert_int_eq(STEP(&g, ""), GROUP_ENDED);
	group_release(&g);
	ck_assert_int_eq(STEP(&g, "1"), GROUP_NEW); /* usable again */
	group_release(&g);
}
END_TEST

START_TEST(many)
{
	struct group g = GROUP_INIT;
	char key[32];
	int i, n;

	for (i = 0; i < 200000; i++) {
		n = snprintf(key, sizeof key, "%d", i);
		QUICK_ASSERT(group_next(&g, key, (size_t)n) == GROUP_NEW);
		QUICK_ASSERT(group_next(&g, key, (size_t)n) == GROUP_SAME);
	}
	for (i = 0; i < 199999; i++) {
		n = snprintf(key, sizeof key, "%d", i);
		QUICK_ASSERT(group_next(&g, key, (size_t)n) == GROUP_ENDED);
	}
	ck_assert_int_eq(group_next(&g, "x", 1), GROUP_NEW);
	group_release(&g);
}
END_TEST

/* Keys in integer order: after GROUP_SET_MAX groups the hashes go and the
 * order alone tells; a key out of order is then GROUP_UNORDERED and not
 * taken, so the next key in order is still new. */
START_TEST(ordered_drops_hashes)
{
	struct group g = GROUP_INIT;
	char key[32];
	int i, n;

	for (i = 1; i <= (int)GROUP_SET_MAX + 10; i++) {
		n = snprintf(key, sizeof key, "%d", i * 3);
		QUICK_ASSERT(group_next(&g, key, (size_t)n) == GROUP_NEW);
	}
	ck_assert_int_eq(g.dropped, 1);
	ck_assert_ptr_null(g.done);
	ck_assert_int_eq(group_next(&g, "6", 1), GROUP_UNORDERED);
	ck_assert_int_eq(group_next(&g, "7", 1), GROUP_UNORDERED);
	n = snprintf(key, sizeof key, "%d", ((int)GROUP_SET_MAX + 10) * 3);
	ck_assert_int_eq(group_next(&g, key, (size_t)n), GROUP_SAME);
	n = snprintf(key, sizeof key, "%d", ((int)GROUP_SET_MAX + 11) * 3);
	ck_assert_int_eq(group_next(&g, key, (size_t)n), GROUP_NEW);
	group_release(&g);
}
END_TEST

/* Descending byte order counts too; grouped keys in no order keep their
 * hashes and find an ended group however many there are. */
START_TEST(orders)
{
	struct group g = GROUP_INIT;
	char key[32];
	int i, n;

	for (i = (int)GROUP_SET_MAX + 5; i > 0; i--) {
		n = snprintf(key, sizeof key, "u%08d", i);
		QUICK_ASSERT(group_next(&g, key, (size_t)n) == GROUP_NEW);
	}
	ck_assert_int_eq(g.dropped, 1);
	ck_assert_int_eq(group_next(&g, "u00000009", 9), GROUP_UNORDERED);
	group_release(&g);

	memset(&g, 0, sizeof g);
	for (i = 0; i < (int)GROUP_SET_MAX + 5; i++) {
		/* 7919 is prime to the count: every key once, in no order */
		n = snprintf(
			key, sizeof key, "%d",
			(int)(((long)i * 7919) % ((long)GROUP_SET_MAX + 5)));
		QUICK_ASSERT(group_next(&g, key, (size_t)n) == GROUP_NEW);
	}
	ck_assert_int_eq(g.dropped, 0);
	ck_assert_int_eq(group_next(&g, "7919", 4), GROUP_ENDED);
	group_release(&g);
}
END_TEST

static Suite *group_suite(void)
{
	Suite *s = suite_create("group");
	TCase *tc = tcase_create("group");

	tcase_add_test(tc, steps);
	tcase_add_test(tc, many);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, ordered_drops_hashes);
	tcase_add_test(tc, orders);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(group_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
