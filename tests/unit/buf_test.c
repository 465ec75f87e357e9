/* buf_test.c - unit tests of lib/buf.c and lib/err.c (buffers, dying). */
#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

/* Under ASan, let a huge malloc return NULL as libc's does. */
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

START_TEST(buf_add_and_grow)
{
	struct buf b = BUF_INIT;
	size_t i;

	ck_assert_ptr_null(b.p);
	buf_add(&b, "", 0);
	ck_assert_ptr_nonnull(b.p); /* something added: p is a C string */
	ck_assert_str_eq(b.p, "");
	for (i = 0; i < 100000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	ck_assert_uint_eq(b.len, 100000);
	ck_assert_uint_gt(b.cap, b.len);
	ck_assert_int_eq(b.p[b.len], '\0');
	ck_assert_int_eq(b.p[99999], 'a' + 99999 % 26);
	buf_adds(&b, "xyz");
	ck_assert_str_eq(b.p + 100000, "xyz");
	buf_add(&b, "a\0b", 3);
	ck_assert_uint_eq(b.len, 100006);
	ck_assert_mem_eq(b.p + 100003, "a\0b", 4);
	buf_reset(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.p, "");
	ck_assert_uint_gt(b.cap, 100000); /* memory kept */
	buf_release(&b);
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.cap, 0);
	buf_reset(&b); /* on an empty buffer */
	buf_release(&b);
}
END_TEST

START_TEST(buf_printf)
{
	struct buf b = BUF_INIT;
	char big[1000];

	buf_addf(&b, "%d-%s", 42, "x");
	ck_assert_str_eq(b.p, "42-x");
	memset(big, 'q', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	buf_addf(&b, "[%s]", big); /* longer than the first try */
	ck_assert_uint_eq(b.len, 4 + 2 + 999);
	ck_assert_int_eq(b.p[5], 'q');
	ck_assert_int_eq(b.p[b.len - 1], ']');
	ck_assert_int_eq(b.p[b.len], '\0');
	buf_addf(&b, "%s", "");
	ck_assert_uint_eq(b.len, 1005);
	buf_release(&b);
}
END_TEST

START_TEST(buf_detach_owns)
{
	struct buf b = BUF_INIT;
	size_t n = 99;
	char *s;

	s = buf_detach(&b, &n); /* never NULL, even empty */
	ck_assert_ptr_nonnull(s);
	ck_assert_uint_eq(n, 0);
	ck_assert_str_eq(s, "");
	free(s);
	buf_adds(&b, "kept");
	s = buf_detach(&b, NULL);
	ck_assert_str_eq(s, "kept");
	ck_assert_ptr_null(b.p);
	ck_assert_uint_eq(b.len, 0);
	free(s);
}
END_TEST

START_TEST(err_progname)
{
	err_setprog("/usr/local/bin/pulse-x");
	ck_assert_str_eq(progname, "pulse-x");
	err_setprog("pulse-y");
	ck_assert_str_eq(progname, "pulse-y");
	err_setprog("");
	ck_assert_str_eq(progname, "pulse-y");
	err_setprog(NULL);
	ck_assert_str_eq(progname, "pulse-y");
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	ck_assert_int_eq(error("x %d", 1), -1);
	warn("y");
}
END_TEST

START_TEST(err_dup)
{
	char *s = xstrdup("abc"), *t = xstrndup("abcdef", 2);

	ck_assert_str_eq(s, "abc");
	ck_assert_str_eq(t, "ab");
	free(s);
	free(t);
	s = xmalloc(0);
	ck_assert_ptr_nonnull(s);
	free(s);
	s = xcalloc(0, 8);
	ck_assert_ptr_nonnull(s);
	free(s);
}
END_TEST

START_TEST(err_die)
{
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	die(EX_DATAERR, "bad %s", "data");
}
END_TEST

START_TEST(err_die_errno)
{
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	die_errno(EX_IOERR, "cannot write");
}
END_TEST

START_TEST(err_oom)
{
	/* more than any machine has: dies with EX_OSERR, not NULL */
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	void *volatile p = xmalloc(SIZE_MAX / 2);
	ck_abort_msg("xmalloc returned %p", p);
}
END_TEST

START_TEST(buf_overflow)
{
	/* a size that wraps around dies instead of writing out of bounds */
	struct buf b = BUF_INIT;

	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
	buf_adds(&b, "x");
	buf_grow(&b, SIZE_MAX);
	ck_abort_msg("buf_grow returned");
}
END_TEST

static Suite *buf_suite(void)
{
	Suite *s = suite_create("buf");
	TCase *tc;

	tc = tcase_create("buf");
	tcase_add_test(tc, buf_add_and_grow);
	tcase_add_test(tc, buf_printf);
	tcase_add_test(tc, buf_detach_owns);
	tcase_add_exit_test(tc, buf_overflow, EX_OSERR);
	suite_add_tcase(s, tc);
	tc = tcase_create("err");
	tcase_add_test(tc, err_progname);
	tcase_add_test(tc, err_dup);
	tcase_add_exit_test(tc, err_die, EX_DATAERR);
	tcase_add_exit_test(tc, err_die_errno, EX_IOERR);
	tcase_add_exit_test(tc, err_oom, EX_OSERR);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(buf_suite());
	int failed;

	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
