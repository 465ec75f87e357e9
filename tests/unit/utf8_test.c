/* utf8_test.c - unit tests of lib/utf8.c (validity, code points, cp1251). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- UTF-8 validity, Windows-1251 ---------------------------------------- */

#define VALID(s, want) ck_assert_uint_eq(utf8_valid(s, sizeof(s) - 1), want)

START_TEST(valid)
{
	VALID("", 0);
	VALID("plain ascii", 11);
	VALID("\xd0\x9f\xd1\x80\xd0\xb8", 6); /* При */
	VALID("\xe2\x82\xac \xf0\x9f\x98\x80", 8);
	VALID("ab\xc0\x80", 2);		      /* overlong */
	VALID("a\xed\xa0\x80", 1);	      /* surrogate */
	VALID("a\xf4\x90\x80\x80", 1);	      /* above U+10FFFF */
	VALID("ab\xe2\x82", 2);		      /* cut by the end */
	VALID("\xcf\xf0\xe8\xe2\xe5\xf2", 0); /* Привет in cp1251 */
	VALID("x\x80", 1);
}
END_TEST

static char *from1251(const char *s, size_t n)
{
	struct buf b = BUF_INIT;

	utf8_from_cp1251(s, n, &b);
	return buf_detach(&b, NULL);
}

START_TEST(cp1251_decode)
{
	/* the high half as Python's cp1251 codec decodes it */
	static const char want_hi[] =
		"\xd0\x82\xd0\x83\xe2\x80\x9a\xd1\x93\xe2\x80\x9e\xe2\x80\xa6\xe2"
		"\x80\xa0\xe2\x80\xa1\xe2\x82\xac\xe2\x80\xb0\xd0\x89\xe2\x80\xb9"
		"\xd0\x8a\xd0\x8c\xd0\x8b\xd0\x8f\xd1\x92\xe2\x80\x98\xe2\x80\x99"
		"\xe2\x80\x9c\xe2\x80\x9d\xe2\x80\xa2\xe2\x80\x93\xe2\x80\x94\xef"
		"\xbf\xbd\xe2\x84\xa2\xd1\x99\xe2\x80\xba\xd1\x9a\xd1\x9c\xd1\x9b"
		"\xd1\x9f\xc2\xa0\xd0\x8e\xd1\x9e\xd0\x88\xc2\xa4\xd2\x90\xc2\xa6"
		"\xc2\xa7\xd0\x81\xc2\xa9\xd0\x84\xc2\xab\xc2\xac\xc2\xad\xc2\xae"
		"\xd0\x87\xc2\xb0\xc2\xb1\xd0\x86\xd1\x96\xd2\x91\xc2\xb5\xc2\xb6"
		"\xc2\xb7\xd1\x91\xe2\x84\x96\xd1\x94\xc2\xbb\xd1\x98\xd0\x85\xd1"
		"\x95\xd1\x97";
	char in[64], *s;
	int i;

	s = from1251("\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0!", 12);
	ck_assert_str_eq(s, "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, "
			    "\xd0\xbc\xd0\xb8\xd1\x80!");
	free(s);
	s = from1251("\xc0\xdf\xe0\xff", 4); /* А Я а я */
	ck_assert_str_eq(s, "\xd0\x90\xd0\xaf\xd0\xb0\xd1\x8f");
	free(s);
	for (i = 0; i < 64; i++)
		in[i] = (char)(0x80 + i);
	s = from1251(in, 64);
	ck_assert_str_eq(s, want_hi);
	ck_assert_uint_eq(utf8_valid(s, strlen(s)), strlen(s));
	free(s);
	s = from1251("", 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(cp1251_encode)
{
	struct buf b = BUF_INIT, u = BUF_INIT;
	char all[256];
	int i;

	/* every assigned byte goes there and back */
	for (i = 0; i < 256; i++)
		all[i] = (char)(i == 0x98 ? 'x' : i);
	utf8_from_cp1251(all, 256, &u);
	ck_assert_uint_eq(utf8_to_cp1251(u.p, u.len, &b), 0);
	ck_assert_uint_eq(b.len, 256);
	ck_assert_mem_eq(b.p, all, 256);
	/* what it has no byte for */
	buf_reset(&b);
	ck_assert_uint_eq(
		utf8_to_cp1251("a\xe2\x82\xac\xc3\xa4\xef\xbf\xbd\xff", 10, &b),
		3);
	ck_assert_str_eq(b.p, "a\x88???");
	buf_release(&b);
	buf_release(&u);
}
END_TEST

START_TEST(get_put)
{
	static const unsigned long cps[] = {0x24,   0xA2,    0x439,   0x20AC,
					    0xFFFD, 0x1F600, 0x10FFFF};
	char d[4];
	unsigned long cp;
	size_t i, k;

	for (i = 0; i < sizeof cps / sizeof *cps; i++) {
		k = utf8_put(d, cps[i]);
		ck_assert_uint_eq(k, i < 1 ? 1 : i < 3 ? 2 : i < 5 ? 3 : 4);
		ck_assert_uint_eq(utf8_get((unsigned char *)d, k, &cp), k);
		ck_assert_uint_eq(cp, cps[i]);
		ck_assert_uint_eq(utf8_valid(d, k), k);
		/* one byte short is not a sequence */
		if (k > 1)
			ck_assert_uint_eq(
				utf8_get((unsigned char *)d, k - 1, &cp), 0);
	}
}
END_TEST

static Suite *utf8_suite(void)
{
	Suite *s = suite_create("utf8");
	TCase *tc = tcase_create("utf8");

	tcase_add_test(tc, valid);
	tcase_add_test(tc, get_put);
	suite_add_tcase(s, tc);
	tc = tcase_create("cp1251");
	tcase_add_test(tc, cp1251_decode);
	tcase_add_test(tc, cp1251_encode);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(utf8_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
