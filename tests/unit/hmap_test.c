/* hmap_test.c - unit tests of lib/hmap.c. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"

/* Check's ck_assert() talks to the parent process at every call: too slow
 * for loops over many values. */
#define QUICK_ASSERT(c)                                                        \
	do {                                                                   \
		if (!(c))                                                      \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);     \
	} while (0)

#define LIT(s) (s), (sizeof(s) - 1)

START_TEST(basic)
{
	struct hmap m;
	int isnew = -1;
	int *v;

	hmap_init(&m, sizeof(int));
	ck_assert_uint_eq(hmap_len(&m), 0);
	ck_assert_ptr_null(hmap_get(&m, LIT("a")));
	v = hmap_put(&m, LIT("a"), &isnew);
	ck_assert_int_eq(isnew, 1);
	ck_assert_int_eq(*v, 0); /* zeroed */
	*v = 41;
	v = hmap_put(&m, LIT("a"), &isnew);
	ck_assert_int_eq(isnew, 0);
	ck_assert_int_eq(*v, 41);
	++*v;
	v = hmap_get(&m, LIT("a"));
	ck_assert_ptr_nonnull(v);
	ck_assert_int_eq(*v, 42);
	ck_assert_ptr_null(hmap_get(&m, LIT("b")));
	ck_assert_ptr_null(hmap_get(&m, LIT("aa")));
	ck_assert_ptr_null(hmap_get(&m, LIT("")));
	hmap_put(&m, LIT("b"), NULL); /* isnew may be NULL */
	ck_assert_uint_eq(hmap_len(&m), 2);
	ck_assert_uint_eq(hmap_entry_at(&m, 1)->klen, 1);
	ck_assert_mem_eq(hmap_entry_at(&m, 1)->key, "b", 1);
	ck_assert_int_eq(*(int *)hmap_val_at(&m, 0), 42);
	hmap_release(&m);
	ck_assert_uint_eq(hmap_len(&m), 0);
	ck_assert_ptr_null(hmap_get(&m, LIT("a")));
	/* usable again after release */
	v = hmap_put(&m, LIT("a"), &isnew);
	ck_assert_int_eq(isnew, 1);
	ck_assert_int_eq(*v, 0);
	hmap_release(&m);
}
END_TEST

START_TEST(many_keys)
{
	enum { N = 100000 };
	struct hmap m;
	char key[32];
	size_t i;
	int isnew;

	hmap_init(&m, sizeof(uint64_t));
	for (i = 0; i < N; i++) {
		int n = snprintf(key, sizeof key, "key-%zu", i * 7919);
		uint64_t *v = hmap_put(&m, key, (size_t)n, &isnew);
		QUICK_ASSERT((isnew) == (1));
		*v = i;
	}
	QUICK_ASSERT((hmap_len(&m)) == (N));
	for (i = 0; i < N; i++) {
		int n = snprintf(key, sizeof key, "key-%zu", i * 7919);
		uint64_t *v = hmap_get(&m, key, (size_t)n);
		QUICK_ASSERT((v) != NULL);
		QUICK_ASSERT((*v) == (i));
		/* insertion order */
		const struct hmap_entry *e = hmap_entry_at(&m, i);
		QUICK_ASSERT((e->klen) == ((size_t)n));
		QUICK_ASSERT(memcmp(e->key, key, (size_t)n) == 0);
		QUICK_ASSERT(*(uint64_t *)hmap_val_at(&m, i) == i);
		QUICK_ASSERT(e->hash == hmap_hash(key, (size_t)n));
		v = hmap_put(&m, key, (size_t)n, &isnew);
		QUICK_ASSERT((isnew) == (0));
		QUICK_ASSERT((*v) == (i));
	}
	for (i = N; i < N + 1000; i++) {
		int n = snprintf(key, sizeof key, "key-%zu", i * 7919);
		QUICK_ASSERT((hmap_get(&m, key, (size_t)n)) == NULL);
	}
	QUICK_ASSERT((hmap_len(&m)) == (N));
	hmap_release(&m);
}
END_TEST

START_TEST(special_keys)
{
	struct hmap m;
	char big[100000];
	int isnew, *v;

	hmap_init(&m, sizeof(int));
	*(int *)hmap_put(&m, "", 0, &isnew) = 1;
	ck_assert_int_eq(isnew, 1);
	*(int *)hmap_put(&m, LIT("\0"), &isnew) = 2;
	ck_assert_int_eq(isnew, 1);
	*(int *)hmap_put(&m, LIT("\0\0"), &isnew) = 3;
	ck_assert_int_eq(isnew, 1);
	*(int *)hmap_put(&m, LIT("a\0b"), &isnew) = 4;
	ck_assert_int_eq(isnew, 1);
	*(int *)hmap_put(&m, LIT("a\0c"), &isnew) = 5;
	ck_assert_int_eq(isnew, 1);
	*(int *)hmap_put(&m, LIT("a"), &isnew) = 6;
	ck_assert_int_eq(isnew, 1);
	ck_assert_int_eq(*(int *)hmap_get(&m, "", 0), 1);
	ck_assert_int_eq(*(int *)hmap_get(&m, LIT("\0")), 2);
	ck_assert_int_eq(*(int *)hmap_get(&m, LIT("\0\0")), 3);
	ck_assert_int_eq(*(int *)hmap_get(&m, LIT("a\0b")), 4);
	ck_assert_int_eq(*(int *)hmap_get(&m, LIT("a\0c")), 5);
	ck_assert_int_eq(*(int *)hmap_get(&m, LIT("a")), 6);
	ck_assert_ptr_null(hmap_get(&m, LIT("\0\0\0")));
	ck_assert_ptr_null(hmap_get(&m, LIT("a\0")));
	/* a key larger than an arena block, and keys after it */
	memset(big, 'x', sizeof big);
	v = hmap_put(&m, big, sizeof big, &isnew);
	*v = 7;
	big[sizeof big - 1] = 'y';
	ck_assert_ptr_null(hmap_get(&m, big, sizeof big));
	big[sizeof big - 1] = 'x';
	ck_assert_int_eq(*(int *)hmap_get(&m, big, sizeof big), 7);
	*(int *)hmap_put(&m, LIT("after"), &isnew) = 8;
	ck_assert_int_eq(*(int *)hmap_get(&m, LIT("after")), 8);
	ck_assert_int_eq(*(int *)hmap_get(&m, LIT("a\0b")), 4);
	/* UTF-8 keys that differ in one byte of a long tail */
	*(int *)hmap_put(
		&m,
		LIT("\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x80"),
		&isnew) = 9;
	ck_assert_ptr_null(hmap_get(
		&m,
		LIT("\xd0\xbf\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xd0\xbc\xd0\xb8\xd1\x81")));
	ck_assert_uint_eq(hmap_len(&m), 9);
	hmap_release(&m);
}
END_TEST

START_TEST(set_mode)
{
	struct hmap m;
	int isnew;
	size_t i;
	char k[16];

	hmap_init(&m, 0);
	ck_assert_ptr_null(hmap_get(&m, LIT("a")));
	ck_assert_ptr_nonnull(hmap_put(&m, LIT("a"), &isnew));
	ck_assert_int_eq(isnew, 1);
	ck_assert_ptr_nonnull(hmap_put(&m, LIT("a"), &isnew));
	ck_assert_int_eq(isnew, 0);
	ck_assert_msg(hmap_get(&m, LIT("a")) != NULL,
		      "a set member must be found by hmap_get");
	ck_assert_ptr_null(hmap_get(&m, LIT("b")));
	for (i = 0; i < 1000; i++) {
		int n = snprintf(k, sizeof k, "%zu", i);
		hmap_put(&m, k, (size_t)n, NULL);
	}
	ck_assert_uint_eq(hmap_len(&m), 1001); /* "a" and "0".."999" */
	hmap_release(&m);
}
END_TEST

START_TEST(growth_keeps_values)
{
	/* values move when the map grows: re-get after inserting */
	struct hmap m;
	char big[64];
	int i, isnew;

	hmap_init(&m, sizeof big);
	for (i = 0; i < 5000; i++) {
		char key[16];
		int n = snprintf(key, sizeof key, "%d", i);
		char *v = hmap_put(&m, key, (size_t)n, &isnew);
		memset(v, i & 0xff, sizeof big);
	}
	for (i = 0; i < 5000; i++) {
		char key[16];
		int n = snprintf(key, sizeof key, "%d", i);
		memset(big, i & 0xff, sizeof big);
		QUICK_ASSERT(memcmp(hmap_get(&m, key, (size_t)n), big,
				    sizeof big) == 0);
	}
	hmap_release(&m);
}
END_TEST

START_TEST(hash_values)
{
	char buf[40];
	size_t n;

	ck_assert(hmap_hash("abc", 3) == hmap_hash("abc", 3));
	ck_assert(hmap_hash("", 0) != hmap_hash("\0", 1));
	ck_assert(hmap_hash("\0", 1) != hmap_hash("\0\0", 2));
	ck_assert(hmap_hash("abc", 3) != hmap_hash("abd", 3));
	/* every length 0..39 goes through a different tail path */
	memset(buf, 'z', sizeof buf);
	for (n = 1; n < sizeof buf; n++)
		ck_assert(hmap_hash(buf, n) != hmap_hash(buf, n - 1));
	/* the bytes beyond n are not read */
	memcpy(buf, "0123456789abcdefXYZ", 19);
	uint64_t h = hmap_hash(buf, 17);
	buf[17] = 'Q';
	ck_assert(hmap_hash(buf, 17) == h);
}
END_TEST

/* hmap_put_memo() answers as hmap_put() does, through growth and memo
 * slots shared by many keys. */
START_TEST(memo_agrees)
{
	struct hmap m;
	struct hmap_memo memo;
	char k[64];
	int i, round, isnew, n;
	int *v;

	hmap_init(&m, sizeof(int));
	memset(&memo, 0, sizeof memo);
	for (round = 0; round < 3; round++) {
		for (i = 0; i < 3000; i++) {
			n = snprintf(k, sizeof k, "event name number %d",
				     i % 700);
			v = hmap_put_memo(&m, &memo, k, (size_t)n, &isnew);
			QUICK_ASSERT(isnew == (round == 0 && i < 700));
			if (isnew)
				*v = i;
			QUICK_ASSERT(*v == i % 700);
			QUICK_ASSERT(v == hmap_get(&m, k, (size_t)n));
		}
	}
	ck_assert_uint_eq(hmap_len(&m), 700);
	v = hmap_put_memo(&m, &memo, "", 0, &isnew);
	ck_assert_int_eq(isnew, 1);
	v = hmap_put_memo(&m, &memo, "", 0, &isnew);
	ck_assert_int_eq(isnew, 0);
	hmap_release(&m);
}
END_TEST

static Suite *hmap_suite(void)
{
	Suite *s = suite_create("hmap");
	TCase *tc;

	tc = tcase_create("put_get");
	tcase_add_test(tc, basic);
	tcase_add_test(tc, special_keys);
	tcase_add_test(tc, set_mode);
	suite_add_tcase(s, tc);
	tc = tcase_create("growth");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, many_keys);
	tcase_add_test(tc, growth_keeps_values);
	tcase_add_test(tc, memo_agrees);
	suite_add_tcase(s, tc);
	tc = tcase_create("hash");
	tcase_add_test(tc, hash_values);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(hmap_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
