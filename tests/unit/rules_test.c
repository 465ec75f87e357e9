/* rules_test.c - unit tests of lib/rules.c (parsing, matching, matcher). */
#include <check.h>
#include <fcntl.h>
#include <sysexits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rules.h"

#define S(x) x, strlen(x)

static int parse(struct rules *rs, const char *text, struct buf *err)
{
	return rules_parse(rs, text, strlen(text), "t.rules", err);
}

/* Parses text expecting an error; @return the message (static storage). */
static const char *parse_err(const char *text)
{
	static char msg[256];
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;

	ck_assert_int_eq(parse(&rs, text, &err), -1);
	snprintf(msg, sizeof(msg), "%s", err.p ? err.p : "");
	buf_release(&err);
	rules_release(&rs);
	return msg;
}

START_TEST(parse_sections)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	const struct rule_section *sec;

	ck_assert_int_eq(parse(&rs,
			       "# comment\n"
			       "\n"
			       "[spam]\r\n"
			       "subject   CASINO  \r\n"
			       "text\tViagra Pills\n"
			       "  # indented comment\n"
			       "[partner]\n"
			       "domain @Partner.Example\n"
			       "domain .other.example\n"
			       "email Boss@Example.com\n"
			       "[topic:course_dates]\n"
			       "any Wann # not a comment\n"
			       "sender noreply@\n"
			       "[staff]",
			       &err),
			 0);
	ck_assert_uint_eq(rs.n, 4);
	sec = rules_section(&rs, "spam");
	ck_assert_ptr_nonnull(sec);
	ck_assert_uint_eq(sec->n, 2);
	ck_assert_int_eq(sec->r[0].field, RULE_SUBJECT);
	ck_assert_str_eq(sec->r[0].pat, "casino");
	ck_assert_uint_eq(sec->r[0].len, 6);
	ck_assert_int_eq(sec->r[1].field, RULE_TEXT);
	ck_assert_str_eq(sec->r[1].pat, "viagra pills");
	sec = rules_section(&rs, "partner");
	ck_assert_uint_eq(sec->n, 3);
	ck_assert_int_eq(sec->r[0].field, RULE_DOMAIN);
	ck_assert_str_eq(sec->r[0].pat, "partner.example");
	ck_assert_str_eq(sec->r[1].pat, "other.example");
	ck_assert_int_eq(sec->r[2].field, RULE_EMAIL);
	ck_assert_str_eq(sec->r[2].pat, "boss@example.com");
	sec = rules_section(&rs, "topic:course_dates");
	ck_assert_uint_eq(sec->n, 2);
	ck_assert_int_eq(sec->r[0].field, RULE_ANY);
	ck_assert_str_eq(sec->r[0].pat, "wann # not a comment");
	ck_assert_int_eq(sec->r[1].field, RULE_SENDER);
	sec = rules_section(&rs, "staff");
	ck_assert_ptr_nonnull(sec);
	ck_assert_uint_eq(sec->n, 0);
	ck_assert_ptr_null(rules_section(&rs, "insolvency"));
	ck_assert_str_eq(rs.s[2].name, "topic:course_dates");
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

START_TEST(parse_folds_unicode)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	const struct rule_section *sec;

	ck_assert_int_eq(
		parse(&rs,
		      "[x]\nany BESTELLBESTÄTIGUNG\nany БАНКРОТ\nany STRAẞE\n",
		      &err),
		0);
	sec = rules_section(&rs, "x");
	ck_assert_str_eq(sec->r[0].pat, "bestellbestätigung");
	ck_assert_str_eq(sec->r[1].pat, "банкрот");
	ck_assert_str_eq(sec->r[2].pat, "straße");
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

START_TEST(sections_add_up)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	const struct rule_section *sec;

	ck_assert_int_eq(
		parse(&rs, "[spam]\nsubject a\n[autoreply]\nsubject b\n", &err),
		0);
	ck_assert_int_eq(
		parse(&rs, "[spam]\nsubject c\n[topic:x]\nany d\n", &err), 0);
	rules_add(&rs, "partner", RULE_DOMAIN, S("Example.COM"));
	ck_assert_uint_eq(rs.n, 4);
	sec = rules_section(&rs, "spam");
	ck_assert_uint_eq(sec->n, 2);
	ck_assert_str_eq(sec->r[1].pat, "c");
	ck_assert_str_eq(rs.s[1].name, "autoreply");
	ck_assert_str_eq(rs.s[2].name, "topic:x");
	sec = rules_section(&rs, "partner");
	ck_assert_str_eq(sec->r[0].pat, "example.com");
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

START_TEST(parse_errors)
{
	ck_assert_str_eq(parse_err("[spam]\nsubject x\nsubjekt y\n"),
			 "t.rules:3: unknown field 'subjekt'");
	ck_assert_str_eq(parse_err("# c\nsubject x\n"),
			 "t.rules:2: rule before any [section]");
	ck_assert_str_eq(parse_err("[Spam]\n"),
			 "t.rules:1: bad section name 'Spam'");
	ck_assert_str_eq(parse_err("\n\n[topic:]\n"),
			 "t.rules:3: bad section name 'topic:'");
	ck_assert_str_eq(parse_err("[two words]\n"),
			 "t.rules:1: bad section name 'two words'");
	ck_assert_str_eq(parse_err("[]\n"), "t.rules:1: bad section name ''");
	ck_assert_str_eq(parse_err("[spam\n"),
			 "t.rules:1: unterminated section '[spam'");
	ck_assert_str_eq(parse_err("[spam]\nsubject   \n"),
			 "t.rules:2: missing pattern after 'subject'");
	ck_assert_str_eq(parse_err("[spam]\ndomain @\n"),
			 "t.rules:2: missing pattern after 'domain'");
	ck_assert_str_eq(parse_err("[spam]\r\n\r\nany ok\r\nany bad\xff\r\n"),
			 "t.rules:4: invalid UTF-8");
}
END_TEST

START_TEST(targets)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	double v = -1;

	ck_assert_int_eq(rules_target(&rs, "unanswered", &v), 0);
	ck_assert_int_eq(parse(&rs,
			       "[targets]\nfirst_response_median 24\n"
			       "first_response_p90  1.5\nunanswered 0\n",
			       &err),
			 0);
	ck_assert_int_eq(
		parse(&rs, "[targets]\nfirst_response_median 8\n", &err), 0);
	ck_assert_int_eq(rules_target(&rs, "first_response_median", &v), 1);
	ck_assert(v == 8);
	ck_assert_int_eq(rules_target(&rs, "first_response_p90", &v), 1);
	ck_assert(v == 1.5);
	ck_assert_int_eq(rules_target(&rs, "unanswered", &v), 1);
	ck_assert(v == 0);
	ck_assert_int_eq(rules_target(&rs, "sla_breached", &v), 0);
	ck_assert_uint_eq(rules_count(&rs), 0);
	buf_release(&err);
	rules_release(&rs);
	ck_assert_str_eq(parse_err("[targets]\nfirst_response_p90 48h\n"),
			 "t.rules:2: target first_response_p90 needs hours, a "
			 "number above 0 and at most 8760 (got '48h')");
	ck_assert_str_eq(parse_err("[targets]\nunanswered 1.0\n"),
			 "t.rules:2: target unanswered needs a count, a whole "
			 "number from 0 to 1000000 (got '1.0')");
	ck_assert_str_eq(
		parse_err("[targets]\nany x\n"),
		"t.rules:2: unknown target 'any' (first_response_median, "
		"first_response_p90, unanswered, sla_breached)");
}
END_TEST

START_TEST(load_file)
{
	char path[] = "/tmp/rules_test_XXXXXX";
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	int fd = mkstemp(path);
	const char *text = "[spam]\nsubject casino\nbogus line\n";
	char want[300];

	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	ck_assert_int_eq(rules_load(&rs, path, &err), EX_DATAERR);
	snprintf(want, sizeof(want), "%s:3: unknown field 'bogus'", path);
	ck_assert_str_eq(err.p, want);
	/* what Notepad writes: a byte order mark and CRLF */
	text = "\xef\xbb\xbf[spam]\r\nsubject casino\r\n";
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	ck_assert_int_eq(rules_load(&rs, path, &err), 0);
	ck_assert_ptr_nonnull(rules_section(&rs, "spam"));
	/* nothing but comments and blank lines is not a rules file */
	text = "# nothing yet\r\n\r\n";
	fd = open(path, O_WRONLY | O_TRUNC);
	ck_assert_int_eq(write(fd, text, strlen(text)), (int)strlen(text));
	close(fd);
	ck_assert_int_eq(rules_load(&rs, path, &err), EX_DATAERR);
	snprintf(want, sizeof(want),
		 "%s: no rules in the file (empty, or only comments)", path);
	ck_assert_str_eq(err.p, want);
	unlink(path);
	ck_assert_int_eq(rules_load(&rs, path, &err), EX_NOINPUT);
	snprintf(want, sizeof(want),
		 "cannot open rules '%s': No such file or directory", path);
	ck_assert_str_eq(err.p, want);
	ck_assert_int_eq(rules_load(&rs, "/tmp", &err), EX_NOINPUT);
	ck_assert_str_eq(err.p, "cannot read rules '/tmp': Is a directory");
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

static struct rules rs_match;

static void match_setup(void)
{
	struct buf err = BUF_INIT;

	rs_match = (struct rules)RULES_INIT;
	ck_assert_int_eq(parse(&rs_match,
			       "[s]\n"
			       "subject casino\n"
			       "text viagra\n"
			       "any Insolvenz\n"
			       "sender noreply@\n"
			       "[d]\n"
			       "domain partner.example\n"
			       "email boss@firm.example\n",
			       &err),
			 0);
	buf_release(&err);
}

static void match_teardown(void)
{
	rules_release(&rs_match);
}

static long which(const char *subj, const char *text, const char *email,
		  const char *secname)
{
	const struct rule_section *sec = rules_section(&rs_match, secname);
	const struct rule *r = rules_match(sec, subj, subj ? strlen(subj) : 0,
					   text, text ? strlen(text) : 0, email,
					   email ? strlen(email) : 0);

	return r ? r - sec->r : -1;
}

START_TEST(match_fields)
{
	ck_assert_int_eq(which("Best CASINO bonus", NULL, NULL, "s"), 0);
	ck_assert_int_eq(which(NULL, "best casino bonus", NULL, "s"), -1);
	ck_assert_int_eq(which("hi", "Cheap VIAGRA", NULL, "s"), 1);
	ck_assert_int_eq(which("viagra", "x", NULL, "s"), -1);
	ck_assert_int_eq(which("INSOLVENZ", NULL, NULL, "s"), 2);
	ck_assert_int_eq(which(NULL, "die insolvenz", NULL, "s"), 2);
	ck_assert_int_eq(which(NULL, NULL, "NoReply@shop.example", "s"), 3);
	ck_assert_int_eq(which("noreply@", NULL, "a@b.example", "s"), -1);
	/* the first rule in file order wins */
	ck_assert_int_eq(which("casino", "viagra insolvenz", "noreply@x", "s"),
			 0);
	ck_assert_int_eq(which(NULL, NULL, NULL, "s"), -1);
	ck_assert_ptr_null(rules_match(NULL, S("casino"), NULL, 0, NULL, 0));
}
END_TEST

START_TEST(match_domain_email)
{
	ck_assert_int_eq(which(NULL, NULL, "a@partner.example", "d"), 0);
	ck_assert_int_eq(which(NULL, NULL, "a@Mail.PARTNER.example", "d"), 0);
	ck_assert_int_eq(which(NULL, NULL, "a@notpartner.example", "d"), -1);
	ck_assert_int_eq(which(NULL, NULL, "a@partner.example.org", "d"), -1);
	ck_assert_int_eq(which(NULL, NULL, "partner.example", "d"), -1);
	ck_assert_int_eq(which(NULL, NULL, "a@", "d"), -1);
	ck_assert_int_eq(which(NULL, NULL, "Boss@Firm.Example", "d"), 1);
	ck_assert_int_eq(which(NULL, NULL, "xboss@firm.example", "d"), -1);
	ck_assert_int_eq(
		which("partner.example", "boss@firm.example", NULL, "d"), -1);
}
END_TEST

START_TEST(match_long_text)
{
	/* longer than the stack buffer used for folding */
	size_t n = 5000;
	char *t = malloc(n + 1);

	memset(t, 'x', n);
	memcpy(t + n - 6, "VIAGRA", 6);
	t[n] = '\0';
	ck_assert_int_eq(which(NULL, t, NULL, "s"), 1);
	free(t);
}
END_TEST

/* ---- the compiled matcher against rules_match ---- */

static const char *const words[] = {
	"casino",
	"Casino",
	"CAS",
	"ino",
	"viagra",
	"insolvenz",
	"INSOLVENZ",
	"Insolvenzverfahren",
	"noreply@",
	"банкрот",
	"БАНКРОТ",
	"банк",
	"ÄRGER",
	"ärger",
	"gutschein",
	"GUTSCHEIN",
	"wann",
	"wanne",
	"termin",
	"Termine",
	"ß",
	"ẞ",
	"\xff",
	"\xd0",
	" ",
	"\n",
	"@",
	"partner.example",
	"a@partner.example",
	"mail.partner.example",
	"boss@firm.example",
	"x",
	"aa",
	"aaa",
	"abab",
};

static const char *const rule_text = "[spam]\n"
				     "subject casino\n"
				     "text viagra\n"
				     "any insolvenz\n"
				     "sender noreply@\n"
				     "any банкрот\n"
				     "[topic:a]\n"
				     "any termin\n"
				     "any wann\n"
				     "any ärger\n"
				     "[topic:b]\n"
				     "any insolvenzverfahren\n"
				     "subject gutschein\n"
				     "text straẞe\n"
				     "any aa\n"
				     "text abab\n"
				     "[partner]\n"
				     "domain partner.example\n"
				     "email boss@firm.example\n"
				     "sender @partner\n"
				     "[topic:c]\n"
				     "any an\n"
				     "any bank\n"
				     "subject ß\n"
				     "any a\n";

static void rand_text_n(unsigned *seed, struct buf *b, int most)
{
	int k = rand_r(seed) % most, i;

	buf_reset(b);
	for (i = 0; i < k; i++) {
		buf_adds(
			b,
			words[rand_r(seed) % (sizeof(words) / sizeof(*words))]);
		if (rand_r(seed) % 2)
			buf_addc(b, ' ');
	}
}

static void rand_text(unsigned *seed, struct buf *b)
{
	rand_text_n(seed, b, 6);
}

START_TEST(matcher_agrees)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT, sb = BUF_INIT, tb = BUF_INIT, eb = BUF_INIT;
	struct rules_matcher *m;
	unsigned seed = 42, first[RULES_MAX_SECTIONS];
	int iter;
	size_t i;

	ck_assert_int_eq(parse(&rs, rule_text, &err), 0);
	m = rules_matcher_new(&rs, &err);
	ck_assert_ptr_nonnull(m);
	for (iter = 0; iter < 20000; iter++) {
		int has_s = rand_r(&seed) % 4 != 0,
		    has_t = rand_r(&seed) % 4 != 0,
		    has_e = rand_r(&seed) % 3 != 0;
		const char *sp, *tp, *ep;
		uint64_t got;

		rand_text(&seed, &sb);
		rand_text(&seed, &tb);
		rand_text(&seed, &eb);
		sp = has_s ? (sb.p ? sb.p : "") : NULL;
		tp = has_t ? (tb.p ? tb.p : "") : NULL;
		ep = has_e ? (eb.p ? eb.p : "") : NULL;
		got = rules_matcher_run(
			m, sp, has_s ? sb.len : 0, tp, has_t ? tb.len : 0, ep,
			has_e ? eb.len : 0, ~0ull >> (64 - rs.n), first);
		for (i = 0; i < rs.n; i++) {
			const struct rule *r = rules_match(
				&rs.s[i], sp, has_s ? sb.len : 0, tp,
				has_t ? tb.len : 0, ep, has_e ? eb.len : 0);
			unsigned want = r ? (unsigned)(r - rs.s[i].r) + 1 : 0;

			ck_assert_msg(((got >> i) & 1) == (r != NULL),
				      "section %s on [%s] [%s] [%s]",
				      rs.s[i].name, sp ? sp : "-",
				      tp ? tp : "-", ep ? ep : "-");
			ck_assert_msg(
				first[i] == want,
				"section %s first %u want %u on [%s] [%s] [%s]",
				rs.s[i].name, first[i], want, sp ? sp : "-",
				tp ? tp : "-", ep ? ep : "-");
		}
	}
	rules_matcher_free(m);
	buf_release(&sb);
	buf_release(&tb);
	buf_release(&eb);
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

START_TEST(matcher_agrees_long)
{
	/*
	 * Long texts, with characters that fold shorter (U+0130, U+1E9E)
	 * among the matches: the same answers as rules_match().
	 */
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT, tb = BUF_INIT, sb = BUF_INIT;
	struct rules_matcher *m;
	unsigned seed = 7, first[RULES_MAX_SECTIONS];
	int iter, k;
	size_t i;

	ck_assert_int_eq(parse(&rs, rule_text, &err), 0);
	m = rules_matcher_new(&rs, &err);
	ck_assert_ptr_nonnull(m);
	for (iter = 0; iter < 3000; iter++) {
		uint64_t got;

		buf_reset(&tb);
		for (k = rand_r(&seed) % 40; k > 0; k--) {
			rand_text_n(&seed, &sb, 8);
			buf_add(&tb, sb.p ? sb.p : "", sb.len);
			if (rand_r(&seed) % 5 == 0)
				buf_adds(&tb, rand_r(&seed) % 2
						      ? "\xc4\xb0\xc4\xb0"
						      : "\xe1\xba\x9e");
		}
		rand_text(&seed, &sb);
		got = rules_matcher_run(m, sb.p ? sb.p : "", sb.len,
					tb.p ? tb.p : "", tb.len, "x@y.example",
					11, ~0ull >> (64 - rs.n), first);
		for (i = 0; i < rs.n; i++) {
			const struct rule *r = rules_match(
				&rs.s[i], sb.p ? sb.p : "", sb.len,
				tb.p ? tb.p : "", tb.len, "x@y.example", 11);
			unsigned want = r ? (unsigned)(r - rs.s[i].r) + 1 : 0;

			if (((got >> i) & 1) != (r != NULL) || first[i] != want)
				ck_abort_msg("section %s: %d first %u, want %d "
					     "first %u, on %zu bytes [%s]",
					     rs.s[i].name,
					     (int)((got >> i) & 1), first[i],
					     r != NULL, want, tb.len,
					     tb.p ? tb.p : "");
		}
	}
	rules_matcher_free(m);
	buf_release(&sb);
	buf_release(&tb);
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

START_TEST(matcher_want_subset)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	struct rules_matcher *m;
	unsigned first[RULES_MAX_SECTIONS];
	uint64_t got;

	ck_assert_int_eq(parse(&rs, rule_text, &err), 0);
	m = rules_matcher_new(&rs, &err);
	memset(first, 0xee, sizeof(first));
	got = rules_matcher_run(m, S("Casino"), S("viagra wann"),
				S("x@mail.partner.example"), 1u << 0, first);
	ck_assert_uint_eq(got, (1u << 0) | (1u << 1) | (1u << 3) | (1u << 4));
	ck_assert_uint_eq(first[0], 1);
	ck_assert_uint_eq(first[1], 0xeeeeeeeeu); /* not asked for */
	got = rules_matcher_run(m, NULL, 0, NULL, 0, NULL, 0, 0, NULL);
	ck_assert_uint_eq(got, 0);
	rules_matcher_free(m);
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

START_TEST(matcher_empty_rules)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	struct rules_matcher *m = rules_matcher_new(&rs, &err);

	ck_assert_ptr_nonnull(m);
	ck_assert_uint_eq(
		rules_matcher_run(m, S("a"), S("b"), S("c@d"), 0, NULL), 0);
	rules_matcher_free(m);
	buf_release(&err);
}
END_TEST

START_TEST(matcher_too_many_sections)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	char name[32];
	int i;

	for (i = 0; i < RULES_MAX_SECTIONS + 1; i++) {
		snprintf(name, sizeof(name), "topic:t%d", i);
		rules_add(&rs, name, RULE_ANY, S("x"));
	}
	ck_assert_ptr_null(rules_matcher_new(&rs, &err));
	ck_assert_str_eq(err.p, "too many rule sections (65, at most 64)");
	buf_release(&err);
	rules_release(&rs);
}
END_TEST

static Suite *rules_suite(void)
{
	Suite *s = suite_create("rules");
	TCase *tc = tcase_create("parse");

	tcase_add_test(tc, parse_sections);
	tcase_add_test(tc, parse_folds_unicode);
	tcase_add_test(tc, sections_add_up);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, load_file);
	tcase_add_test(tc, targets);
	suite_add_tcase(s, tc);
	tc = tcase_create("match");
	tcase_add_checked_fixture(tc, match_setup, match_teardown);
	tcase_add_test(tc, match_fields);
	tcase_add_test(tc, match_domain_email);
	tcase_add_test(tc, match_long_text);
	suite_add_tcase(s, tc);
	tc = tcase_create("matcher");
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, matcher_agrees);
	tcase_add_test(tc, matcher_agrees_long);
	tcase_add_test(tc, matcher_want_subset);
	tcase_add_test(tc, matcher_empty_rules);
	tcase_add_test(tc, matcher_too_many_sections);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rules_suite());
	int failed;

	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
