/* idmap_test.c - unit tests of lib/idmap.c. */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "idmap.h"

#define QUICK_ASSERT(c)                                                        \
	do {                                                                   \
		if (!(c))                                                      \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);     \
	} while (0)

#define LIT(s) (s), (sizeof(s) - 1)

START_TEST(integers_and_others_share_one_numbering)
{
	struct idmap m;
	int isnew = -1;

	idmap_init(&m);
	ck_assert_uint_eq(idmap_put(&m, LIT("7"), &isnew), 0);
	ck_assert_int_eq(isnew, 1);
	/* the string "7" is another key than the number 7 */
	ck_assert_uint_eq(idmap_put(&m, LIT("\"7\""), &isnew), 1);
	ck_assert_int_eq(isnew, 1);
	ck_assert_uint_eq(idmap_put(&m, LIT("7"), &isnew), 0);
	ck_assert_int_eq(isnew, 0);
	/* leading zeros, signs, fractions and 20 digits go by their bytes */
	ck_assert_uint_eq(idmap_put(&m, LIT("07"), &isnew), 2);
	ck_assert_uint_eq(idmap_put(&m, LIT("-7"), &isnew), 3);
	ck_assert_uint_eq(idmap_put(&m, LIT("7.0"), &isnew), 4);
	ck_assert_uint_eq(idmap_put(&m, LIT("18446744073709551616"), &isnew),
			  5);
	ck_assert_uint_eq(idmap_put(&m, LIT("9999999999999999999"), &isnew), 6);
	ck_assert_uint_eq(idmap_put(&m, LIT("0"), &isnew), 7);
	ck_assert_uint_eq(idmap_put(&m, LIT("0"), &isnew), 7);
	ck_assert_int_eq(isnew, 0);
	ck_assert_uint_eq(idmap_put(&m, LIT("07"), &isnew), 2);
	ck_assert_int_eq(isnew, 0);
	ck_assert_uint_eq(idmap_len(&m), 8);
	idmap_release(&m);
}
END_TEST

START_TEST(many_keys_through_growth)
{
	struct idmap m;
	char k[32];
	uint32_t i;
	int isnew, n;

	idmap_init(&m);
	/* keys that differ only in their high 32 bits, then the same again */
	for (i = 0; i < 200000; i++) {
		uint64_t v = (uint64_t)i << 32 | 5;

		n = snprintf(k, sizeof k, "%llu", (unsigned long long)v);
		QUICK_ASSERT(idmap_put(&m, k, (size_t)n, &isnew) == i);
		QUICK_ASSERT(isnew == 1);
	}
	for (i = 0; i < 200000; i++) {
		uint64_t v = (uint64_t)i << 32 | 5;

		n = snprintf(k, sizeof k, "%llu", (unsigned long long)v);
		QUICK_ASSERT(idmap_put(&m, k, (size_t)n, &isnew) == i);
		QUICK_ASSERT(isnew == 0);
		QUICK_ASSERT(idmap_put_int(&m, v, &isnew) == i && !isnew);
	}
	ck_assert_uint_eq(idmap_len(&m), 200000);
	ck_assert_uint_ge(idmap_bytes(&m), 200000 * sizeof(struct idslot));
	idmap_release(&m);
}
END_TEST

START_TEST(a_full_map_refuses_new_keys)
{
	struct idmap m;
	int isnew = -1;

	idmap_init_vals(&m, 8);
	ck_assert_uint_eq(m.max, IDMAP_MAX);
	m.max = 3;
	ck_assert(idmap_room(&m, 3));
	ck_assert_uint_eq(idmap_put(&m, LIT("1"), &isnew), 0);
	ck_assert_uint_eq(idmap_put(&m, LIT("\"a\""), &isnew), 1);
	ck_assert(idmap_room(&m, 1));
	ck_assert(!idmap_room(&m, 2));
	ck_assert_uint_eq(idmap_put_int(&m, 2, &isnew), 2);
	ck_assert_int_eq(isnew, 1);
	ck_assert(!idmap_room(&m, 1));
	/* full: new keys of either kind are refused and not added */
	ck_assert_uint_eq(idmap_put(&m, LIT("4"), &isnew), IDMAP_FULL);
	ck_assert_int_eq(isnew, 0);
	ck_assert_uint_eq(idmap_put_int(&m, 4, &isnew), IDMAP_FULL);
	isnew = -1;
	ck_assert_uint_eq(idmap_put(&m, LIT("\"b\""), &isnew), IDMAP_FULL);
	ck_assert_int_eq(isnew, 0);
	ck_assert_uint_eq(idmap_len(&m), 3);
	/* the keys it holds are still found */
	ck_assert_uint_eq(idmap_put(&m, LIT("\"a\""), &isnew), 1);
	ck_assert_uint_eq(idmap_put(&m, LIT("2"), &isnew), 2);
	ck_assert_int_eq(isnew, 0);
	m.max = 4;
	ck_assert_uint_eq(idmap_put(&m, LIT("\"b\""), &isnew), 3);
	ck_assert_int_eq(isnew, 1);
	idmap_release(&m);
}
END_TEST

static Suite *suite(void)
{
	Suite *s = suite_create("idmap");
	TCase *tc = tcase_create("idmap");

	tcase_add_test(tc, integers_and_others_share_one_numbering);
	tcase_add_test(tc, many_keys_through_growth);
	tcase_add_test(tc, a_full_map_refuses_new_keys);
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
