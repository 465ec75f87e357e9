/* shard_test.c - unit tests of lib/shard.c. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "shard.h"

START_TEST(parse)
{
	struct shard s = {0, 0};

	ck_assert_int_eq(shard_parse(&s, "1/1"), 0);
	ck_assert_int_eq(shard_parse(&s, "3/8"), 0);
	ck_assert_uint_eq(s.i, 3);
	ck_assert_uint_eq(s.n, 8);
	ck_assert_int_eq(shard_parse(&s, "65536/65536"), 0);
	ck_assert_int_eq(shard_parse(&s, "0/2"), -1);
	ck_assert_int_eq(shard_parse(&s, "3/2"), -1);
	ck_assert_int_eq(shard_parse(&s, "1/65537"), -1);
	ck_assert_int_eq(shard_parse(&s, "-1/2"), -1);
	ck_assert_int_eq(shard_parse(&s, "1/-2"), -1);
	ck_assert_int_eq(shard_parse(&s, "1/"), -1);
	ck_assert_int_eq(shard_parse(&s, "/2"), -1);
	ck_assert_int_eq(shard_parse(&s, "1/2x"), -1);
	ck_assert_int_eq(shard_parse(&s, "1"), -1);
	ck_assert_uint_eq(s.i, 65536); /* a failed parse leaves s alone */
}
END_TEST

/* Every key is in exactly one shard, and the shards are near even. */
START_TEST(partition)
{
	struct shard s[4];
	unsigned count[4] = {0}, i, k, mine;
	char key[32];

	for (i = 0; i < 4; i++) {
		s[i].i = i + 1;
		s[i].n = 4;
	}
	for (k = 0; k < 40000; k++) {
		int n = snprintf(key, sizeof key, k % 2 ? "%u" : "\"user-%u\"",
				 k);

		mine = 0;
		for (i = 0; i < 4; i++)
			if (shard_mine(&s[i], key, (size_t)n)) {
				mine++;
				count[i]++;
			}
		ck_assert_uint_eq(mine, 1);
	}
	for (i = 0; i < 4; i++)
		ck_assert(count[i] > 9000 && count[i] < 11000);
	s[0].n = 0;
	ck_assert(shard_mine(&s[0], "x", 1));
}
END_TEST

static Suite *shard_suite(void)
{
	Suite *s = suite_create("shard");
	TCase *tc = tcase_create("shard");

	tcase_add_test(tc, parse);
	tcase_add_test(tc, partition);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(shard_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
