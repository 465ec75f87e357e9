/*
 * extract_test.c - unit tests of pulse-extract's engine (filters/extract/):
 * the odoo engine's word-at-a-time helpers against byte-at-a-time
 * references.
 */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "odoo_int.h"

/* Every byte value at every offset of a 24-byte text, lengths 1 to 24:
 * the letters 'A'..'Z' before the length lowered, every other byte kept. */
START_TEST(lower_ascii)
{
	char a[40], b[40];
	int c, pos, k;
	size_t len;

	for (c = 0; c < 256; c++)
		for (pos = 0; pos < 24; pos++)
			for (len = (size_t)pos + 1; len <= 24; len++) {
				for (k = 0; k < 40; k++)
					a[k] = (char)(k * 37 + c);
				a[pos] = (char)c;
				memcpy(b, a, sizeof b);
				odoo_lower_ascii(a, len);
				for (k = 0; k < 40; k++) {
					char w = b[k];

					if ((size_t)k < len && w >= 'A' &&
					    w <= 'Z')
						w = (char)(w - 'A' + 'a');
					ck_assert_msg(a[k] == w,
						      "byte %d of %zu (%d at "
						      "%d)",
						      k, len, c, pos);
				}
			}
}
END_TEST

/*
 * pick() reads each name as rec_get() does: names of every length up to
 * PICK_MAXLEN, and keys one byte away from them (at every position), of
 * the same length, which must not be taken.
 */
START_TEST(picker_words)
{
	static char names_buf[PICK_MAXLEN][PICK_MAXLEN + 1];
	const char *names[PICK_MAXLEN];
	struct picker pk;
	struct json_span out[PICK_MAXLEN];
	struct buf line = BUF_INIT, sc = BUF_INIT;
	struct rec r = REC_INIT;
	size_t i, j, pos;

	for (i = 0; i < PICK_MAXLEN; i++) {
		for (j = 0; j <= i; j++)
			names_buf[i][j] = (char)('a' + (i * 7 + j * 3) % 26);
		names_buf[i][i + 1] = '\0';
		names[i] = names_buf[i];
	}
	picker_init(&pk, names, PICK_MAXLEN);
	for (i = 0; i < PICK_MAXLEN; i++)
		for (pos = 0; pos <= i; pos++) {
			char near[PICK_MAXLEN + 1];

			memcpy(near, names[i], i + 2);
			near[pos] =
				(char)(near[pos] == 'z' ? 'a' : near[pos] + 1);
			buf_reset(&line);
			/* the near key last: a match would win */
			buf_addf(&line, "{\"%s\":1,\"%s\":2}", names[i], near);
			ck_assert_int_eq(rec_parse(&r, line.p, line.len, NULL),
					 0);
			pick(&pk, &r, out, &sc);
			for (j = 0; j < PICK_MAXLEN; j++) {
				struct json_span want = rec_get(&r, names[j]);

				ck_assert_int_eq(out[j].type, want.type);
				ck_assert_ptr_eq(out[j].p, want.p);
			}
		}
	rec_release(&r);
	buf_release(&line);
	buf_release(&sc);
}
END_TEST

static Suite *extract_suite(void)
{
	Suite *s = suite_create("extract");
	TCase *tc = tcase_create("odoo");

	tcase_add_test(tc, lower_ascii);
	tcase_add_test(tc, picker_words);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(extract_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
