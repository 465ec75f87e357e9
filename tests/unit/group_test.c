/* group_test.c - unit tests of lib/group.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "group.h"

#define QUICK_ASSERT(c)                                                      \
	do {                                                                 \
		if (!(c))                                                    \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);   \
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

static Suite *group_suite(void)
{
	Suite *s = suite_create("group");
	TCase *tc = tcase_create("group");

	tcase_add_test(tc, steps);
	tcase_add_test(tc, many);
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
