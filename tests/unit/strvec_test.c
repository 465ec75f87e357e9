/* strvec_test.c - unit tests of lib/strvec.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strvec.h"

START_TEST(push_find)
{
	struct strvec sv = STRVEC_INIT;
	int i;
	char s[8];

	for (i = 0; i < 100; i++) {
		snprintf(s, sizeof s, "s%d", i);
		strvec_push(&sv, s);
	}
	ck_assert_uint_eq(sv.n, 100);
	ck_assert_ptr_null(sv.v[100]);
	ck_assert_int_eq(strvec_find(&sv, "s42"), 42);
	ck_assert_int_eq(strvec_find(&sv, "s100"), -1);
	strvec_pushn(&sv, "abc", 2);
	ck_assert_str_eq(sv.v[100], "ab");
	strvec_clear(&sv);
	ck_assert_uint_eq(sv.n, 0);
	ck_assert_ptr_null(sv.v);
}
END_TEST

START_TEST(split)
{
	struct strvec sv = STRVEC_INIT;

	ck_assert_int_eq(strvec_split(&sv, "a"), 0);
	ck_assert_int_eq(strvec_split(&sv, " b ,\tc d\t,e"), 0);
	ck_assert_uint_eq(sv.n, 4);
	ck_assert_str_eq(sv.v[0], "a");
	ck_assert_str_eq(sv.v[1], "b");
	ck_assert_str_eq(sv.v[2], "c d");
	ck_assert_str_eq(sv.v[3], "e");
	/* an empty item appends nothing at all */
	ck_assert_int_eq(strvec_split(&sv, "x,,y"), -1);
	ck_assert_int_eq(strvec_split(&sv, "x,"), -1);
	ck_assert_int_eq(strvec_split(&sv, ""), -1);
	ck_assert_int_eq(strvec_split(&sv, " "), -1);
	ck_assert_uint_eq(sv.n, 4);
	ck_assert_ptr_null(sv.v[4]);
	strvec_clear(&sv);
}
END_TEST

static Suite *strvec_suite(void)
{
	Suite *s = suite_create("strvec");
	TCase *tc = tcase_create("strvec");

	tcase_add_test(tc, push_find);
	tcase_add_test(tc, split);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(strvec_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
