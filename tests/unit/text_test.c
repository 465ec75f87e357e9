/* text_test.c - unit tests of lib/text.c (folding, trimming, summaries). */
#include <check.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

static char *fold(const char *s)
{
	struct buf b = BUF_INIT;

	text_fold(s, strlen(s), &b);
	return buf_detach(&b, NULL);
}

#define FOLDS(in, want)                                                        \
	do {                                                                   \
		char *got_ = fold(in);                                         \
		ck_assert_str_eq(got_, want);                                  \
		ck_assert_uint_le(strlen(got_), strlen(in));                   \
		free(got_);                                                    \
	} while (0)

START_TEST(fold_ascii)
{
	FOLDS("Hello WORLD 123 @[]`{}", "hello world 123 @[]`{}");
	FOLDS("", "");
}
END_TEST

START_TEST(fold_latin)
{
	FOLDS("ÄÖÜ äöü", "äöü äöü");
	FOLDS("BESTELLBESTÄTIGUNG", "bestellbestätigung");
	FOLDS("ẞ", "ß");
	FOLDS("STRAẞE Straße", "straße straße");
	FOLDS("ÀÉÎÕØÞ", "àéîõøþ");
	FOLDS("×÷", "×÷"); /* not letters */
	FOLDS("ŸŁŽŚĆŃŐ", "ÿłžśćńő");
	FOLDS("İ", "i");
	FOLDS("ıĸŉſ", "ıĸŉſ"); /* no capital pair: unchanged */
}
END_TEST

START_TEST(fold_cyrillic)
{
	FOLDS("ПРИВЕТ Мир", "привет мир");
	FOLDS("Ё", "ё");
	FOLDS("ЁЛКА", "ёлка");
	FOLDS("ЄІЇҐ", "єіїґ");
	FOLDS("АБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ",
	      "абвгдежзийклмнопрстуфхцчшщъыьэюя");
	FOLDS("ЂЃЅЈЉЊЋЌЎЏ", "ђѓѕјљњћќўџ");
	FOLDS("БАНКРОТСТВО", "банкротство");
}
END_TEST

START_TEST(fold_other_unchanged)
{
	FOLDS("ΣΩ 日本 😀", "ΣΩ 日本 😀");
}
END_TEST

START_TEST(fold_invalid_utf8)
{
	FOLDS("A\xff"
	      "B",
	      "a\xff"
	      "b");
	FOLDS("\xc3(", "\xc3(");
	FOLDS("X\xd0", "x\xd0"); /* truncated at the end */
	FOLDS("\xe2\x82", "\xe2\x82");
	FOLDS("\xc0\xaf", "\xc0\xaf");	       /* overlong */
	FOLDS("\xed\xa0\x80", "\xed\xa0\x80"); /* surrogate */
	FOLDS("\x80\xd0\x9f", "\x80\xd0\xbf"); /* stray continuation, П */
}
END_TEST

START_TEST(fold_appends)
{
	struct buf b = BUF_INIT;

	buf_adds(&b, "X:");
	text_fold("ÄB", strlen("ÄB"), &b);
	ck_assert_str_eq(b.p, "X:äb");
	ck_assert_uint_eq(b.len, 5);
	buf_release(&b);
}
END_TEST

START_TEST(fold_char)
{
	char out[4];
	size_t olen;

	ck_assert_uint_eq(text_fold_char("Q", 1, out, &olen), 1);
	ck_assert_uint_eq(olen, 1);
	ck_assert_int_eq(out[0], 'q');
	ck_assert_uint_eq(text_fold_char("\xe1\xba\x9e!", 4, out, &olen), 3);
	ck_assert_uint_eq(olen, 2);
	ck_assert_int_eq(memcmp(out, "ß", 2), 0);
	ck_assert_uint_eq(text_fold_char("\xd0\x81", 2, out, &olen), 2);
	ck_assert_int_eq(memcmp(out, "ё", 2), 0);
	/* a sequence cut by n is invalid: one byte copied */
	ck_assert_uint_eq(text_fold_char("\xd0\x81", 1, out, &olen), 1);
	ck_assert_uint_eq(olen, 1);
	ck_assert_int_eq((unsigned char)out[0], 0xd0);
}
END_TEST

START_TEST(contains_fold)
{
	struct buf sc = BUF_INIT;
	const char *s = "Ihre BESTELLBESTÄTIGUNG Nr. 5 – БАНКРОТ";

	ck_assert(text_contains_fold(s, strlen(s), "bestellbestätigung",
				     strlen("bestellbestätigung"), &sc));
	ck_assert(text_contains_fold(s, strlen(s), "банкрот", strlen("банкрот"),
				     &sc));
	ck_assert(!text_contains_fold(s, strlen(s), "casino", 6, &sc));
	ck_assert(text_contains_fold(s, strlen(s), "", 0, &sc));
	ck_assert(!text_contains_fold("", 0, "a", 1, &sc));
	/* twice with the same scratch */
	ck_assert(text_contains_fold(s, strlen(s), "nr. 5", 5, &sc));
	buf_release(&sc);
}
END_TEST

START_TEST(trim)
{
	size_t n = 9;
	const char *p = text_trim(" \t ab c\r\n", &n);

	ck_assert_uint_eq(n, 4);
	ck_assert_int_eq(memcmp(p, "ab c", 4), 0);
	n = 3;
	p = text_trim("   ", &n);
	ck_assert_uint_eq(n, 0);
	n = 0;
	text_trim("", &n);
	ck_assert_uint_eq(n, 0);
}
END_TEST

static char *summary(const char *s, size_t max, size_t *nch)
{
	struct buf b = BUF_INIT;

	*nch = text_summary(s, strlen(s), max, &b);
	buf_addc(&b, '\0');
	return buf_detach(&b, NULL);
}

START_TEST(summary_collapse)
{
	size_t n;
	char *s = summary("  Hallo,\n\n  wann gibt\t es\u00a0Termine?  \n", 160,
			  &n);

	ck_assert_str_eq(s, "Hallo, wann gibt es Termine?");
	ck_assert_uint_eq(n, 28);
	free(s);
	s = summary(" \n ", 160, &n);
	ck_assert_str_eq(s, "");
	ck_assert_uint_eq(n, 0);
	free(s);
}
END_TEST

START_TEST(summary_cut)
{
	size_t n;
	char *s;

	/* characters, not bytes: 5 Cyrillic letters are 10 bytes */
	s = summary("ПриветМир", 5, &n);
	ck_assert_str_eq(s, "Приве");
	ck_assert_uint_eq(n, 5);
	free(s);
	/* no trailing space when the cut falls on a blank */
	s = summary("abcd efgh", 5, &n);
	ck_assert_str_eq(s, "abcd");
	ck_assert_uint_eq(n, 4);
	free(s);
	s = summary("ab cd", 4, &n);
	ck_assert_str_eq(s, "ab c");
	free(s);
	/* an invalid byte counts as one character */
	s = summary("a\xff"
		    "bc",
		    3, &n);
	ck_assert_str_eq(s, "a\xff"
			    "b");
	free(s);
}
END_TEST

/* text_summary() as it was written, a character at a time: the reference. */
static size_t ref_summary(const char *s, size_t n, size_t maxchars,
			  struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, nch = 0, k, start = out->len;
	int pending = 0;

	while (i < n && nch < maxchars) {
		if (strchr(" \t\n\r\f\v", p[i]) && p[i]) {
			pending = out->len > start;
			i++;
			continue;
		}
		if (i + 1 < n && p[i] == 0xc2 && p[i + 1] == 0xa0) {
			pending = out->len > start;
			i += 2;
			continue;
		}
		k = utf8_valid(s + i, n - i > 4 ? 4 : n - i);
		if (p[i] < 0x80 || k == 0) {
			k = 1;
		} else { /* the length of the one valid sequence at i */
			k = p[i] >= 0xf0 ? 4 : p[i] >= 0xe0 ? 3 : 2;
		}
		if (pending) {
			if (nch + 2 > maxchars)
				break;
			buf_addc(out, ' ');
			pending = 0;
			nch++;
		}
		buf_add(out, s + i, k);
		i += k;
		nch++;
	}
	return nch;
}

START_TEST(summary_random)
{
	static const char *const piece[] = {
		"a",
		"word",
		" ",
		"  ",
		"\n",
		"\t",
		"\xc2\xa0",
		"\xc3\xa9",
		"\xd0\x9f",
		"\xe2\x82\xac",
		"\xf0\x9f\x98\x80",
		"\xff",
		"\x01",
		"x.",
		"\xc3",
	};
	struct buf got = BUF_INIT, want = BUF_INIT;
	unsigned seed = 31;
	char in[512];
	size_t round;

	for (round = 0; round < 30000; round++) {
		size_t n = 0, np, j, max, a, b;

		seed = seed * 1103515245 + 12345;
		np = (seed >> 8) % 60;
		max = (seed >> 16) % 40;
		for (j = 0; j < np; j++) {
			seed = seed * 1103515245 + 12345;
			n += (size_t)sprintf(
				in + n, "%s",
				piece[(seed >> 8) %
				      (sizeof piece / sizeof piece[0])]);
		}
		buf_reset(&got);
		buf_reset(&want);
		buf_adds(&got, "<");
		buf_adds(&want, "<");
		a = text_summary(in, n, max, &got);
		b = ref_summary(in, n, max, &want);
		if (a != b || got.len != want.len ||
		    memcmp(got.p, want.p, got.len))
			ck_abort_msg(
				"summary of %zu bytes, %zu chars: %zu '%s', "
				"want %zu '%s'",
				n, max, a, got.p, b, want.p);
	}
	buf_release(&got);
	buf_release(&want);
}
END_TEST

START_TEST(summary_160)
{
	char in[400];
	size_t n;
	char *s;

	memset(in, 'x', 399);
	in[399] = '\0';
	in[10] = ' ';
	in[11] = ' ';
	s = summary(in, 160, &n);
	ck_assert_uint_eq(n, 160);
	ck_assert_uint_eq(strlen(s), 160);
	ck_assert_int_eq(s[10], ' ');
	ck_assert_int_eq(s[11], 'x');
	free(s);
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("fold");

	tcase_add_test(tc, fold_ascii);
	tcase_add_test(tc, fold_latin);
	tcase_add_test(tc, fold_cyrillic);
	tcase_add_test(tc, fold_other_unchanged);
	tcase_add_test(tc, fold_invalid_utf8);
	tcase_add_test(tc, fold_appends);
	tcase_add_test(tc, fold_char);
	tcase_add_test(tc, contains_fold);
	suite_add_tcase(s, tc);
	tc = tcase_create("trim");
	tcase_add_test(tc, trim);
	suite_add_tcase(s, tc);
	tc = tcase_create("summary");
	tcase_add_test(tc, summary_collapse);
	tcase_add_test(tc, summary_cut);
	tcase_add_test(tc, summary_160);
	tcase_add_test(tc, summary_random);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(text_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
