/* hist_test.c - unit tests of lib/hist.c. */
#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"

static struct hist *hist_new(const struct hist_edges *e)
{
	struct hist *h = calloc(1, hist_size(e));

	ck_assert_ptr_nonnull(h);
	return h;
}

static void add(struct hist *h, const struct hist_edges *e, const char *s)
{
	struct num n;

	ck_assert(num_parse(s, strlen(s), &n) == 0);
	hist_add(h, e, &n);
}

START_TEST(edges)
{
	struct hist_edges e = {NULL, 0};
	char msg[128];

	hist_edges_default(&e);
	ck_assert_uint_eq(e.n, 17);
	ck_assert(e.v[0] == 0 && e.v[16] == 1440);
	ck_assert_int_eq(hist_edges_parse(&e, "0,1,2.5", msg, sizeof msg), 0);
	ck_assert_uint_eq(e.n, 3);
	ck_assert(e.v[2] == 2.5);
	ck_assert_int_eq(hist_edges_parse(&e, "1,1", msg, sizeof msg), -1);
	ck_assert_str_eq(msg, "1 after 1: the edges must increase");
	ck_assert_uint_eq(e.n, 0);
	ck_assert_int_eq(hist_edges_parse(&e, "1,x", msg, sizeof msg), -1);
	ck_assert_str_eq(msg, "'x' is not a number");
	ck_assert_int_eq(hist_edges_parse(&e, "", msg, sizeof msg), -1);
	ck_assert_int_eq(hist_edges_parse(&e, "1,", msg, sizeof msg), -1);
	ck_assert_int_eq(hist_edges_parse(&e, "inf", msg, sizeof msg), -1);
	/* JSON numbers only, and only those a double holds */
	ck_assert_int_eq(hist_edges_parse(&e, "0x10", msg, sizeof msg), -1);
	ck_assert_int_eq(hist_edges_parse(&e, "nan", msg, sizeof msg), -1);
	ck_assert_int_eq(hist_edges_parse(&e, "+1", msg, sizeof msg), -1);
	ck_assert_int_eq(hist_edges_parse(&e, "0,1e309", msg, sizeof msg), -1);
	ck_assert_str_eq(msg, "'1e309' is beyond the range of a double");
	ck_assert_int_eq(hist_edges_parse(&e, "-1e-400,1", msg, sizeof msg),
			 -1);
	ck_assert_int_eq(hist_edges_parse(&e, " 0 , 1e1 ", msg, sizeof msg), 0);
	ck_assert(e.n == 2 && e.v[1] == 10);
	{
		static const char *const items[] = {"-5", "0.25"};

		ck_assert_int_eq(hist_edges_set(&e, items, 2, msg, sizeof msg),
				 0);
		ck_assert(e.n == 2 && e.v[0] == -5 && e.v[1] == 0.25);
		ck_assert_int_eq(hist_edges_set(&e, items, 0, msg, sizeof msg),
				 -1);
		ck_assert_uint_eq(e.n, 0);
	}
	ck_assert_int_eq(hist_edges_parse(&e, "-5", msg, sizeof msg), 0);
	hist_edges_release(&e);
	hist_edges_release(&e); /* twice is fine */
	ck_assert_ptr_null(e.v);
}
END_TEST

START_TEST(buckets)
{
	struct hist_edges e = {NULL, 0};
	char msg[64];

	ck_assert_int_eq(hist_edges_parse(&e, "0,1,24", msg, sizeof msg), 0);
	ck_assert_uint_eq(hist_bucket(&e, -0.5), 0);
	ck_assert_uint_eq(hist_bucket(&e, 0), 1); /* an edge goes up */
	ck_assert_uint_eq(hist_bucket(&e, 0.99), 1);
	ck_assert_uint_eq(hist_bucket(&e, 1), 2);
	ck_assert_uint_eq(hist_bucket(&e, 23.999), 2);
	ck_assert_uint_eq(hist_bucket(&e, 24), 3);
	ck_assert_uint_eq(hist_bucket(&e, 1e9), 3);
	ck_assert_uint_eq(hist_size(&e) % 16, 0);
	ck_assert_uint_ge(hist_size(&e), sizeof(struct hist) + 4 * 8);
	hist_edges_release(&e);
}
END_TEST

START_TEST(write)
{
	struct hist_edges e = {NULL, 0};
	struct buf b = BUF_INIT;
	struct hist *h;
	char msg[64];

	ck_assert_int_eq(hist_edges_parse(&e, "0,1.5,24", msg, sizeof msg), 0);
	h = hist_new(&e);
	hist_write(&b, &e, h);
	ck_assert_str_eq(b.p, "\"edges\":[0,1.5,24],\"counts\":[0,0,0,0],"
			      "\"count\":0,\"sum\":0,\"null\":0");
	add(h, &e, "0.1");
	add(h, &e, "0.2");
	add(h, &e, "30");
	add(h, &e, "-1");
	hist_add_null(h);
	buf_reset(&b);
	hist_write(&b, &e, h);
	ck_assert_str_eq(b.p, "\"edges\":[0,1.5,24],\"counts\":[1,2,0,1],"
			      "\"count\":4,\"sum\":29.3,\"null\":1");
	/* taking back what was added, and refusing what was not */
	{
		struct num v;

		ck_assert_int_eq(num_parse("0.2", 3, &v), 0);
		ck_assert_int_eq(hist_sub(h, &e, &v), 0);
		ck_assert_int_eq(num_parse("2", 1, &v), 0);
		ck_assert_int_eq(hist_sub(h, &e, &v), -1); /* bucket 2: empty */
		ck_assert_int_eq(num_parse("0.12345678912", 13, &v), 0);
		ck_assert_int_eq(hist_sub(h, &e, &v), -1); /* not exact */
	}
	buf_reset(&b);
	hist_write(&b, &e, h);
	ck_assert_str_eq(b.p, "\"edges\":[0,1.5,24],\"counts\":[1,1,0,1],"
			      "\"count\":3,\"sum\":29.1,\"null\":1");
	free(h);
	buf_release(&b);
	hist_edges_release(&e);
}
END_TEST

START_TEST(quantiles)
{
	struct hist_edges e = {NULL, 0};
	struct hist *h;
	char msg[64];
	int i;

	ck_assert_int_eq(hist_edges_parse(&e, "0,1,2,4", msg, sizeof msg), 0);
	h = hist_new(&e);
	ck_assert(isnan(hist_quantile(h, &e, 0.5)));
	/* one value in [1,2), two in [2,4) */
	add(h, &e, "1");
	add(h, &e, "2.5");
	add(h, &e, "3");
	/* rank 1.5: half way into the [2,4) bucket's two values: 2.5 */
	ck_assert(hist_quantile(h, &e, 0.5) == 2.5);
	/* rank 2.7: 0.85 of [2,4) */
	ck_assert(fabs(hist_quantile(h, &e, 0.9) - 3.7) < 1e-12);
	/* rank 0: the lower edge of the first non-empty bucket */
	ck_assert(hist_quantile(h, &e, 0) == 1);
	ck_assert(hist_quantile(h, &e, 1) == 4);
	free(h);

	/* the open buckets answer their one edge */
	h = hist_new(&e);
	add(h, &e, "-7");
	ck_assert(hist_quantile(h, &e, 0.5) == 0);
	free(h);
	h = hist_new(&e);
	for (i = 0; i < 9; i++)
		add(h, &e, "100");
	add(h, &e, "0.5");
	ck_assert(hist_quantile(h, &e, 0.5) == 4);
	/* rank 0.5 of 10: half way into [0,1) */
	ck_assert(hist_quantile(h, &e, 0.05) == 0.5);
	free(h);
	hist_edges_release(&e);
}
END_TEST

static Suite *hist_suite(void)
{
	Suite *s = suite_create("hist");
	TCase *tc;

	tc = tcase_create("edges");
	tcase_add_test(tc, edges);
	tcase_add_test(tc, buckets);
	suite_add_tcase(s, tc);
	tc = tcase_create("record");
	tcase_add_test(tc, write);
	tcase_add_test(tc, quantiles);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(hist_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
