/* cli_test.c - unit tests of lib/cli.c, in process (die paths: exit tests) */
#include <check.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include "cli.h"

#define LIT(s) (s), (sizeof(s) - 1)

static const struct cli_info info = {
	"pulse-test",
	"usage: pulse-test [options] [file ...]",
	"Tests the common command line.\n" CLI_HELP_COMMON,
};

static char dir[64];
static struct cli c;

static char *argv0[] = {"/usr/local/bin/pulse-test", NULL};

static void remove_dir(void)
{
	char cmd[128];

	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

/* Each test runs in its own process; exit tests end it with exit(), so the
 * directory goes at exit rather than in a teardown. */
static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/pulse-cli-test.XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	atexit(remove_dir);
	cli_init(&c, 1, argv0, &info);
	/* the messages are not what is tested here */
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stderr));
}

/* dir/name, in a static buffer per slot. */
static char *in_dir(int slot, const char *name)
{
	static char paths[6][128];

	snprintf(paths[slot], sizeof paths[slot], "%s/%s", dir, name);
	return paths[slot];
}

static char *put_file(int slot, const char *name, const void *p, size_t n)
{
	char *path = in_dir(slot, name);
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(p, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
	return path;
}

static char *slurp(const char *path)
{
	struct buf b = BUF_INIT;

	cli_slurp(path, &b);
	return buf_detach(&b, NULL);
}

/* ---- options ------------------------------------------------------------- */

START_TEST(init_defaults)
{
	char *none[] = {NULL};

	ck_assert_str_eq(progname, "pulse-test");
	ck_assert_int_eq(c.onerr, CLI_FAIL);
	ck_assert_int_eq(c.outfd, 1);
	ck_assert_int_eq(c.mode, IN_AUTO);
	ck_assert_ptr_null(c.outpath);
	cli_init(&c, 0, none, &info);
	ck_assert_str_eq(progname, "pulse-test");
	/* SIGPIPE is ignored: a closed pipe is an EPIPE */
	struct sigaction sa;
	sigaction(SIGPIPE, NULL, &sa);
	ck_assert_ptr_eq(sa.sa_handler, SIG_IGN);
}
END_TEST

START_TEST(opt_common)
{
	ck_assert_int_eq(cli_opt(&c, 'o', "out.ndjson"), 1);
	ck_assert_str_eq(c.outpath, "out.ndjson");
	ck_assert_int_eq(cli_opt(&c, 'o', "-"), 1);
	ck_assert_ptr_null(c.outpath);
	ck_assert_int_eq(cli_opt(&c, CLI_OPT_ONERROR, "skip"), 1);
	ck_assert_int_eq(c.onerr, CLI_SKIP);
	ck_assert_int_eq(cli_opt(&c, CLI_OPT_ONERROR, "quarantine:bad.ndjson"),
			 1);
	ck_assert_int_eq(c.onerr, CLI_QUARANTINE);
	ck_assert_str_eq(c.qpath, "bad.ndjson");
	ck_assert_int_eq(cli_opt(&c, CLI_OPT_ONERROR, "fail"), 1);
	ck_assert_int_eq(c.onerr, CLI_FAIL);
	ck_assert_int_eq(cli_opt(&c, 'b', "x"), 0);
	ck_assert_int_eq(cli_opt(&c, CLI_OPT_FIRST_PROGRAM, NULL), 0);
}
END_TEST

START_TEST(opt_getopt)
{
	/* the common options through getopt_long, as a program uses them */
	static const struct option longopts[] = {CLI_LONGOPTS,
						 {NULL, 0, NULL, 0}};
	char *argv[] = {
		"pulse-test", "--on-error=skip", "-o", "x.out", "a", "b", NULL};
	int opt;

	optind = 1;
	while ((opt = getopt_long(6, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1)
		ck_assert_int_eq(cli_opt(&c, opt, optarg), 1);
	ck_assert_int_eq(c.onerr, CLI_SKIP);
	ck_assert_str_eq(c.outpath, "x.out");
	ck_assert_int_eq(optind, 4);
}
END_TEST

START_TEST(opt_help)
{
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stdout));
	cli_opt(&c, CLI_OPT_HELP, NULL); /* exits 0 */
}
END_TEST

START_TEST(opt_version)
{
	ck_assert_ptr_nonnull(freopen("/dev/null", "w", stdout));
	cli_opt(&c, CLI_OPT_VERSION, NULL); /* exits 0 */
}
END_TEST

START_TEST(opt_help_full)
{
	/* --help to a full disk is a write error */
	ck_assert_ptr_nonnull(freopen("/dev/full", "w", stdout));
	cli_opt(&c, CLI_OPT_HELP, NULL);
}
END_TEST

START_TEST(opt_onerror_bad)
{
	cli_opt(&c, CLI_OPT_ONERROR, "ignore");
}
END_TEST

START_TEST(opt_quarantine_empty)
{
	cli_opt(&c, CLI_OPT_ONERROR, "quarantine:");
}
END_TEST

START_TEST(opt_output_empty)
{
	cli_opt(&c, 'o', "");
}
END_TEST

START_TEST(opt_unknown)
{
	cli_opt(&c, '?', NULL);
}
END_TEST

START_TEST(usage_line)
{
	cli_usage(&c);
}
END_TEST

START_TEST(usage_error)
{
	cli_usage_error(&c, "bad %s", "thing");
}
END_TEST

/* ---- option values --------------------------------------------------------
 */

START_TEST(parse_values)
{
	struct strvec sv = STRVEC_INIT;
	struct ptime t;

	ck_assert_uint_eq(cli_parse_uint(&c, "--steps", "7", 2, 255), 7);
	ck_assert_uint_eq(cli_parse_uint(&c, "--steps", "255", 2, 255), 255);
	ck_assert(cli_parse_time(&c, "--as-of", "2026-01-21T18:00:00+03:00",
				 &t) == INT64_C(1769007600));
	ck_assert(t.has_off);
	ck_assert(cli_parse_time(&c, "--as-of", "2026-01-21", NULL) ==
		  INT64_C(1768953600));
	ck_assert(cli_parse_time(&c, "--as-of", "now", &t) >= ptime_now() - 1);
	cli_parse_list(&c, "--require", "a, b c ,d", &sv);
	ck_assert_uint_eq(sv.n, 3);
	ck_assert_str_eq(sv.v[1], "b c");
	strvec_clear(&sv);
}
END_TEST

START_TEST(parse_uint_sign)
{
	cli_parse_uint(&c, "--steps", "-1", 0, 10);
}
END_TEST

START_TEST(parse_uint_range)
{
	cli_parse_uint(&c, "--steps", "256", 2, 255);
}
END_TEST

START_TEST(parse_uint_overflow)
{
	cli_parse_uint(&c, "--steps", "99999999999999999999999", 0, ~0ULL);
}
END_TEST

START_TEST(parse_uint_junk)
{
	cli_parse_uint(&c, "--steps", "7x", 0, 10);
}
END_TEST

START_TEST(parse_time_bad)
{
	cli_parse_time(&c, "--as-of", "yesterday", NULL);
}
END_TEST

START_TEST(parse_time_range)
{
	cli_parse_time(&c, "--as-of", "0000-01-01", NULL);
}
END_TEST

START_TEST(parse_list_empty)
{
	struct strvec sv = STRVEC_INIT;

	cli_parse_list(&c, "--require", "a,,b", &sv);
}
END_TEST

/* ---- records ------------------------------------------------------------- */

/* Runs the records of files through the cli, writing "file:line:a" lines
 * to -o dir/out.  @return cli_finish's status. */
static int run(int nfiles, char **files, const char *onerr)
{
	struct rec *r;

	cli_opt(&c, 'o', in_dir(5, "out"));
	if (onerr)
		cli_opt(&c, CLI_OPT_ONERROR, onerr);
	cli_start(&c, nfiles, files);
	while (cli_next(&c, &r)) {
		struct json_span a = rec_get(r, "a");
		if (a.type == JSON_NONE) {
			cli_bad(&c, "missing field 'a'");
			continue;
		}
		const char *f = strrchr(cli_file(&c), '/');
		buf_addf(cli_out(&c), "%s:%llu:%.*s\n",
			 f ? f + 1 : cli_file(&c),
			 (unsigned long long)cli_line(&c), (int)a.n, a.p);
		cli_commit(&c);
	}
	return cli_finish(&c);
}

START_TEST(run_skip)
{
	char *files[2];

	files[0] =
		put_file(0, "a.ndjson",
			 LIT("{\"a\":1}\nnot json\n\n{\"b\":2}\n{\"a\":3}\n"));
	files[1] = put_file(1, "b.json", LIT("[\n{\"a\":4},\n{\"a\":5}\n]\n"));
	ck_assert_int_eq(run(2, files, "skip"), 0);
	char *out = slurp(in_dir(5, "out"));
	ck_assert_str_eq(
		out, "a.ndjson:1:1\na.ndjson:5:3\nb.json:2:4\nb.json:3:5\n");
	free(out);
	ck_assert_uint_eq(c.nbad, 2);
	ck_assert_uint_eq(c.nskipped, 2);
	ck_assert_uint_eq(c.nquarantined, 0);
}
END_TEST

START_TEST(run_quarantine)
{
	char *files[1];
	char *q = in_dir(2, "q.ndjson");
	char arg[160];

	files[0] = put_file(0, "a.ndjson",
			    LIT("{\"a\":1}\n  not json\t\r\n{\"b\":2}\n[1]\n"));
	snprintf(arg, sizeof arg, "quarantine:%s", q);
	ck_assert_int_eq(run(1, files, arg), 0);
	char *out = slurp(q);
	ck_assert_str_eq(out, "  not json\n{\"b\":2}\n[1]\n");
	free(out);
	ck_assert_uint_eq(c.nquarantined, 3);
}
END_TEST

START_TEST(run_fail)
{
	/* exits 65 at the bad record; the output file is not created */
	char *files[1];

	files[0] = put_file(0, "a.ndjson", LIT("{\"a\":1}\n{\"a\":\n"));
	run(1, files, NULL);
}
END_TEST

START_TEST(run_fail_bad)
{
	/* a record the program rejects */
	char *files[1];

	files[0] = put_file(0, "a.ndjson", LIT("{\"a\":1}\n{\"b\":1}\n"));
	run(1, files, "fail");
}
END_TEST

/* Items that are not records of the inputs: a database or CSV row. */
START_TEST(bad_at_quarantine)
{
	char *q = in_dir(2, "q.txt");
	char arg[160];

	snprintf(arg, sizeof arg, "quarantine:%s", q);
	cli_opt(&c, 'o', in_dir(5, "out"));
	cli_opt(&c, CLI_OPT_ONERROR, arg);
	cli_start(&c, 0, NULL);
	cli_bad_at(&c, "query", 3, LIT("7\tNaN"),
		   "amount 'NaN' is not a number");
	cli_bad_at(&c, "x.csv", 0, LIT("a,\"b\nc\""), "no line");
	ck_assert_int_eq(cli_finish(&c), 0);
	char *out = slurp(q);
	ck_assert_str_eq(out, "7\tNaN\na,\"b\nc\"\n");
	free(out);
	ck_assert_uint_eq(c.nbad, 2);
	ck_assert_uint_eq(c.nquarantined, 2);
}
END_TEST

START_TEST(bad_at_fail)
{
	cli_start(&c, 0, NULL);
	cli_bad_at(&c, "query", 3, LIT("row"), "bad");
}
END_TEST

START_TEST(run_missing_input)
{
	char *files[3];

	files[0] = put_file(0, "a.ndjson", LIT("{\"a\":1}\n"));
	files[1] = in_dir(1, "missing.ndjson");
	files[2] = put_file(2, "c.ndjson", LIT("{\"a\":2}\n"));
	ck_assert_int_eq(run(3, files, NULL), EX_NOINPUT);
	/* a failed run does not replace -o's file */
	ck_assert_int_eq(access(in_dir(5, "out"), F_OK), -1);
}
END_TEST

START_TEST(run_frame_error_skip)
{
	/* a framing error ends that file (65 at the end), the next is read */
	char *files[2];

	files[0] = put_file(0, "a.json", LIT("[{\"a\":1}] trailing"));
	files[1] = put_file(1, "b.ndjson", LIT("{\"a\":2}\n"));
	ck_assert_int_eq(run(2, files, "skip"), EX_DATAERR);
	ck_assert_int_eq(access(in_dir(5, "out"), F_OK), -1);
}
END_TEST

START_TEST(run_frame_error_fail)
{
	char *files[1];

	files[0] = put_file(0, "a.json", LIT("[{\"a\":1},]"));
	run(1, files, NULL); /* exits 65 */
}
END_TEST

START_TEST(run_zstd_truncated)
{
	char text[4096], z[4096];
	char *files[1];
	size_t n = 0, zn;
	int i;

	for (i = 0; i < 200; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "{\"a\":%d}\n",
				      i);
	zn = ZSTD_compress(z, sizeof z, text, n, 3);
	ck_assert(!ZSTD_isError(zn));
	files[0] = put_file(0, "a.ndjson.zst", z, zn - 3);
	run(1, files, NULL); /* exits 65 */
}
END_TEST

START_TEST(run_zstd)
{
	char z[256];
	char *files[1];
	size_t zn;

	zn = ZSTD_compress(z, sizeof z, LIT("{\"a\":1}\n{\"a\":2}\n"), 1);
	ck_assert(!ZSTD_isError(zn));
	files[0] = put_file(0, "plain-name.json", z, zn);
	ck_assert_int_eq(run(1, files, NULL), 0);
	char *out = slurp(in_dir(5, "out"));
	ck_assert_str_eq(out, "plain-name.json:1:1\nplain-name.json:2:2\n");
	free(out);
}
END_TEST

START_TEST(run_stdin)
{
	char *path = put_file(0, "in.ndjson", LIT("{\"a\":\"x\"}\n"));

	ck_assert_ptr_nonnull(freopen(path, "rb", stdin));
	ck_assert_int_eq(run(0, NULL, NULL), 0);
	char *out = slurp(in_dir(5, "out"));
	ck_assert_str_eq(out, "<stdin>:1:\"x\"\n");
	free(out);
}
END_TEST

START_TEST(output_atomic)
{
	char *files[1];
	struct rec *r;
	struct stat st;
	mode_t old = umask(022);
	char *out = in_dir(5, "out");

	put_file(4, "out", LIT("old content\n"));
	files[0] = put_file(0, "a.ndjson", LIT("{\"a\":1}\n"));
	cli_opt(&c, 'o', out);
	cli_start(&c, 1, files);
	ck_assert_ptr_nonnull(c.tmppath);
	ck_assert_ptr_nonnull(strstr(c.tmppath, "/.out."));
	ck_assert_int_eq(access(c.tmppath, F_OK), 0);
	while (cli_next(&c, &r))
		buf_adds(cli_out(&c), "new content\n");
	cli_flush(&c);
	char *s = slurp(out);
	ck_assert_str_eq(s, "old content\n"); /* not yet */
	free(s);
	ck_assert_int_eq(cli_finish(&c), 0);
	s = slurp(out);
	ck_assert_str_eq(s, "new content\n");
	free(s);
	ck_assert_int_eq(stat(out, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0644);
	umask(old);
}
END_TEST

START_TEST(output_relative)
{
	/* -o with no directory part: the temporary file in the cwd */
	char *files[1];
	struct rec *r;

	files[0] = put_file(0, "a.ndjson", LIT("{\"a\":1}\n"));
	ck_assert_int_eq(chdir(dir), 0);
	cli_opt(&c, 'o', "rel.out");
	cli_start(&c, 1, files);
	ck_assert_int_eq(strncmp(c.tmppath, ".rel.out.", 9), 0);
	while (cli_next(&c, &r))
		buf_adds(cli_out(&c), "x\n");
	ck_assert_int_eq(cli_finish(&c), 0);
	char *s = slurp(in_dir(1, "rel.out"));
	ck_assert_str_eq(s, "x\n");
	free(s);
}
END_TEST

START_TEST(output_uncreatable)
{
	cli_opt(&c, 'o', "/nonexistent-dir/out");
	cli_start(&c, 0, NULL); /* exits 73 */
}
END_TEST

START_TEST(quarantine_uncreatable)
{
	cli_opt(&c, CLI_OPT_ONERROR, "quarantine:/nonexistent-dir/q");
	cli_start(&c, 0, NULL); /* exits 73 */
}
END_TEST

START_TEST(flush_epipe)
{
	int fds[2];

	ck_assert_int_eq(pipe(fds), 0);
	close(fds[0]);
	c.outfd = fds[1];
	buf_adds(cli_out(&c), "{}\n");
	cli_flush(&c); /* exits 0, quietly */
	ck_abort_msg("cli_flush returned");
}
END_TEST

START_TEST(flush_full)
{
	c.outfd = open("/dev/full", O_WRONLY);
	ck_assert_int_ge(c.outfd, 0);
	buf_adds(cli_out(&c), "{}\n");
	cli_flush(&c); /* exits 74 */
	ck_abort_msg("cli_flush returned");
}
END_TEST

START_TEST(commit_threshold)
{
	int fds[2];
	char tmp[16];

	ck_assert_int_eq(pipe(fds), 0);
	c.outfd = fds[1];
	buf_adds(cli_out(&c), "abc");
	cli_commit(&c); /* below the threshold: kept */
	ck_assert_uint_eq(c.out.b.len, 3);
	cli_flush(&c);
	ck_assert_uint_eq(c.out.b.len, 0);
	ck_assert_int_eq(read(fds[0], tmp, sizeof tmp), 3);
	close(fds[0]);
	close(fds[1]);
}
END_TEST

START_TEST(slurp_file)
{
	struct buf b = BUF_INIT;
	char big[200000];

	memset(big, 'r', sizeof big);
	cli_slurp(put_file(0, "rules", big, sizeof big), &b);
	ck_assert_uint_eq(b.len, sizeof big);
	ck_assert_int_eq(b.p[b.len], '\0');
	cli_slurp(put_file(1, "empty", "", 0), &b); /* appends */
	ck_assert_uint_eq(b.len, sizeof big);
	buf_release(&b);
}
END_TEST

START_TEST(slurp_missing)
{
	struct buf b = BUF_INIT;

	cli_slurp("/nonexistent/rules", &b); /* exits 66 */
}
END_TEST

static Suite *cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc;

	tc = tcase_create("options");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, init_defaults);
	tcase_add_test(tc, opt_common);
	tcase_add_test(tc, opt_getopt);
	tcase_add_exit_test(tc, opt_help, 0);
	tcase_add_exit_test(tc, opt_version, 0);
	tcase_add_exit_test(tc, opt_help_full, EX_IOERR);
	tcase_add_exit_test(tc, opt_onerror_bad, EX_USAGE);
	tcase_add_exit_test(tc, opt_quarantine_empty, EX_USAGE);
	tcase_add_exit_test(tc, opt_output_empty, EX_USAGE);
	tcase_add_exit_test(tc, opt_unknown, EX_USAGE);
	tcase_add_exit_test(tc, usage_line, EX_USAGE);
	tcase_add_exit_test(tc, usage_error, EX_USAGE);
	tcase_add_test(tc, parse_values);
	tcase_add_exit_test(tc, parse_uint_sign, EX_USAGE);
	tcase_add_exit_test(tc, parse_uint_range, EX_USAGE);
	tcase_add_exit_test(tc, parse_uint_overflow, EX_USAGE);
	tcase_add_exit_test(tc, parse_uint_junk, EX_USAGE);
	tcase_add_exit_test(tc, parse_time_bad, EX_USAGE);
	tcase_add_exit_test(tc, parse_time_range, EX_USAGE);
	tcase_add_exit_test(tc, parse_list_empty, EX_USAGE);
	suite_add_tcase(s, tc);
	tc = tcase_create("records");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, run_skip);
	tcase_add_test(tc, run_quarantine);
	tcase_add_exit_test(tc, run_fail, EX_DATAERR);
	tcase_add_exit_test(tc, run_fail_bad, EX_DATAERR);
	tcase_add_test(tc, run_missing_input);
	tcase_add_test(tc, bad_at_quarantine);
	tcase_add_exit_test(tc, bad_at_fail, EX_DATAERR);
	tcase_add_test(tc, run_frame_error_skip);
	tcase_add_exit_test(tc, run_frame_error_fail, EX_DATAERR);
	tcase_add_exit_test(tc, run_zstd_truncated, EX_DATAERR);
	tcase_add_test(tc, run_zstd);
	tcase_add_test(tc, run_stdin);
	suite_add_tcase(s, tc);
	tc = tcase_create("output");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, output_atomic);
	tcase_add_test(tc, output_relative);
	tcase_add_exit_test(tc, output_uncreatable, EX_CANTCREAT);
	tcase_add_exit_test(tc, quarantine_uncreatable, EX_CANTCREAT);
	tcase_add_exit_test(tc, flush_epipe, 0);
	tcase_add_exit_test(tc, flush_full, EX_IOERR);
	tcase_add_test(tc, commit_threshold);
	tcase_add_test(tc, slurp_file);
	tcase_add_exit_test(tc, slurp_missing, EX_NOINPUT);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(cli_suite());
	int failed;

	/* the exit tests need each test in its own process */
	srunner_set_fork_status(sr, CK_FORK);
	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
