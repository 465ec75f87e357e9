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

START_TEST(uuids_in_slots_and_other_strings_apart)
{
	struct idmap m;
	struct idmap_key k;
	char key[64];
	uint32_t i;
	int isnew = -1, n;

	idmap_init(&m);
	/* a lowercase UUID is kept in a slot; its uppercase form, one with
	 * a digit changed, one too short and one without a dash are other
	 * keys (through the hmap but the changed digit) */
	ck_assert_int_eq(
		idmap_slot_key(LIT("\"0f8fad5b-d9cb-469f-a165-70867728950e\""),
			       &k),
		1);
	ck_assert_int_eq(k.uuid, 1);
	ck_assert(k.a == 0x0f8fad5bd9cb469fULL && k.b == 0xa16570867728950eULL);
	ck_assert_uint_eq(
		idmap_put(&m, LIT("\"0f8fad5b-d9cb-469f-a165-70867728950e\""),
			  &isnew),
		0);
	ck_assert_int_eq(isnew, 1);
	ck_assert_int_eq(
		idmap_slot_key(LIT("\"0F8FAD5B-D9CB-469F-A165-70867728950E\""),
			       &k),
		0);
	ck_assert_uint_eq(
		idmap_put(&m, LIT("\"0F8FAD5B-D9CB-469F-A165-70867728950E\""),
			  &isnew),
		1);
	ck_assert_int_eq(isnew, 1);
	ck_assert_uint_eq(
		idmap_put(&m, LIT("\"0f8fad5b-d9cb-469f-a165-70867728950f\""),
			  &isnew),
		2);
	ck_assert_int_eq(
		idmap_slot_key(LIT("\"0f8fad5b-d9cb-469f-a165-70867728950\""),
			       &k),
		0);
	ck_assert_int_eq(
		idmap_slot_key(LIT("\"0f8fad5bd9cb-469f-a165-70867728950e0\""),
			       &k),
		0);
	ck_assert_int_eq(
		idmap_slot_key(LIT("\"0f8fad5b-d9cb-469f-a165-70867728950g\""),
			       &k),
		0);
	ck_assert_uint_eq(
		idmap_put(&m, LIT("\"0f8fad5b-d9cb-469f-a165-70867728950g\""),
			  &isnew),
		3);
	ck_assert_uint_eq(
		idmap_put(&m, LIT("\"0f8fad5b-d9cb-469f-a165-70867728950e\""),
			  &isnew),
		0);
	ck_assert_int_eq(isnew, 0);
	/* numbers, UUIDs and strings share one numbering, through growth */
	for (i = 0; i < 100000; i++) {
		n = snprintf(key, sizeof key, "\"%08x-0000-4000-8000-%012x\"",
			     i * 2654435761u, i);
		QUICK_ASSERT(idmap_put(&m, key, (size_t)n, &isnew) ==
			     4 + 2 * i);
		QUICK_ASSERT(isnew == 1);
		n = snprintf(key, sizeof key, "%u", i);
		QUICK_ASSERT(idmap_put(&m, key, (size_t)n, &isnew) ==
			     5 + 2 * i);
	}
	for (i = 0; i < 100000; i++) {
		n = snprintf(key, sizeof key, "\"%08x-0000-4000-8000-%012x\"",
			     i * 2654435761u, i);
		QUICK_ASSERT(idmap_slot_key(key, (size_t)n, &k) == 1);
		QUICK_ASSERT(idmap_put_key(&m, &k, &isnew) == 4 + 2 * i);
		QUICK_ASSERT(isnew == 0);
	}
	ck_assert_uint_eq(idmap_len(&m), 200004);
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
	tcase_add_test(tc, uuids_in_slots_and_other_strings_apart);
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
