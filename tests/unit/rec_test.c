/* rec_test.c - unit tests of lib/rec.c (parse, get, emit). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rec.h"
#include "jw.h"

#define LIT(s) (s), (sizeof(s) - 1)

static struct rec r;

static void setup(void)
{
	rec_init(&r);
}

static void teardown(void)
{
	rec_release(&r);
}

static void parses(const char *s, size_t n)
{
	struct json_error e;

	ck_assert_msg(rec_parse(&r, s, n, &e) == 0, "'%s': %s at %zu", s, e.msg,
		      e.off);
}
#define PARSES(s) parses(LIT(s))

#define PARSE_FAILS(s, off_, msg_)                                             \
	do {                                                                   \
		struct json_error e_;                                          \
		ck_assert_int_eq(rec_parse(&r, LIT(s), &e_), -1);              \
		ck_assert_msg(strstr(e_.msg, msg_) != NULL,                    \
			      "%s: message '%s' lacks '%s'", s, e_.msg, msg_); \
		ck_assert_msg(e_.off == (off_), "%s: offset %zu, want %zu", s, \
			      e_.off, (size_t)(off_));                         \
	} while (0)

/* The raw bytes of a span equal s. */
#define SPAN_IS(sp, s)                                                         \
	do {                                                                   \
		struct json_span sp_ = (sp);                                   \
		ck_assert_msg(sp_.n == sizeof(s) - 1 &&                        \
				      memcmp(sp_.p, s, sp_.n) == 0,            \
			      "span '%.*s', want '%s'", (int)sp_.n, sp_.p, s); \
	} while (0)

/* ---- rec_parse ----------------------------------------------------------- */

START_TEST(parse_members)
{
	PARSES("{\"a\":1,\"b\":\"x\",\"c\":[1, 2],\"d\":{\"e\":null},\"f\":true}");
	ck_assert_uint_eq(r.nf, 5);
	SPAN_IS(r.f[0].key, "\"a\"");
	SPAN_IS(r.f[0].val, "1");
	SPAN_IS(r.f[1].val, "\"x\"");
	SPAN_IS(r.f[2].val, "[1, 2]");
	SPAN_IS(r.f[3].val, "{\"e\":null}");
	ck_assert_int_eq(r.f[2].val.type, JSON_ARRAY);
	ck_assert_int_eq(r.f[3].val.type, JSON_OBJECT);
	ck_assert_int_eq(r.f[4].val.type, JSON_TRUE);
	PARSES(" \t{ \"a\" :\t1 , \"b\" : 2 }\t \r");
	ck_assert_uint_eq(r.nf, 2);
	SPAN_IS(r.f[1].val, "2");
	PARSES("{}");
	ck_assert_uint_eq(r.nf, 0);
	PARSES("{ }");
	ck_assert_uint_eq(r.nf, 0);
	PARSES("{\"a\":1}\r");
	ck_assert_uint_eq(r.nf, 1);
	PARSES("{\"\":\"\"}");
	ck_assert_uint_eq(r.nf, 1);
	ck_assert_int_eq(r.f[0].key.type, JSON_STRING);
}
END_TEST

START_TEST(parse_errors)
{
	PARSE_FAILS("", 0, "empty line");
	PARSE_FAILS("   ", 3, "empty line");
	PARSE_FAILS("[1]", 0, "got an array");
	PARSE_FAILS(" 1", 1, "got a scalar");
	PARSE_FAILS("\"x\"", 0, "got a scalar");
	PARSE_FAILS("null", 0, "got a scalar");
	PARSE_FAILS("[1,", 3, "expected a value");
	PARSE_FAILS("x", 0, "unexpected character");
	PARSE_FAILS("{", 1, "unterminated object");
	PARSE_FAILS("{\"a\":1", 6, "unterminated object");
	PARSE_FAILS("{\"a\":1,", 7, "unterminated object");
	PARSE_FAILS("{\"a\" 1}", 5, "expected ':'");
	PARSE_FAILS("{\"a\":1,}", 7, "expected a string key");
	PARSE_FAILS("{a:1}", 1, "expected a string key");
	PARSE_FAILS("{\"a\":1 \"b\":2}", 7, "expected ',' or '}'");
	PARSE_FAILS("{\"a\":1}x", 7, "unexpected text after the object");
	PARSE_FAILS("{\"a\":1}{\"b\":2}", 7,
		    "unexpected text after the object");
	PARSE_FAILS("{\"a\":tru}", 5, "invalid literal");
	PARSE_FAILS("{\"a\":01}", 6, "expected ',' or '}'");
	PARSE_FAILS("{\"a\":\"\\x\"}", 6, "invalid escape");
	PARSE_FAILS("{\"a\\ud800\":1}", 3, "lone high surrogate");
	PARSE_FAILS("{\"a\":\"b\xff\"}", 7, "invalid UTF-8");
	PARSE_FAILS("{\"a\":\"b\tc\"}", 7, "control character");
	PARSE_FAILS("{\"a\":[1,]}", 8, "expected a value");
	PARSE_FAILS("{\"a\":1}\x00", 7, "unexpected text");
	PARSE_FAILS("{\"a\":1,\"a\"}", 10, "expected ':'");
}
END_TEST

static char *deep_record(int depth)
{
	/* {"k": [[[...]]] } with depth levels in all */
	int i, inner = depth - 1;
	char *s = malloc((size_t)inner * 2 + 8), *p = s;

	p += sprintf(p, "{\"k\":");
	for (i = 0; i < inner; i++)
		*p++ = '[';
	for (i = 0; i < inner; i++)
		*p++ = ']';
	*p++ = '}';
	*p = '\0';
	return s;
}

START_TEST(parse_nesting)
{
	/* The record itself is one level: what rec_parse accepts,
	 * json_validate accepts too. */
	struct json_error e;
	char *s;

	s = deep_record(JSON_MAX_DEPTH);
	ck_assert_int_eq(json_validate(s, strlen(s), &e), 0);
	ck_assert_int_eq(rec_parse(&r, s, strlen(s), &e), 0);
	free(s);
	s = deep_record(JSON_MAX_DEPTH + 1);
	ck_assert_int_eq(json_validate(s, strlen(s), &e), -1);
	ck_assert_int_eq(rec_parse(&r, s, strlen(s), &e), -1);
	ck_assert_str_eq(e.msg, "nesting too deep");
	free(s);
	s = deep_record(100000);
	ck_assert_int_eq(rec_parse(&r, s, strlen(s), &e), -1);
	free(s);
}
END_TEST

START_TEST(parse_many_and_reuse)
{
	struct buf line = BUF_INIT;
	struct json_error e;
	int i;

	buf_addc(&line, '{');
	for (i = 0; i < 1000; i++)
		buf_addf(&line, "%s\"k%d\":%d", i ? "," : "", i, i * 7);
	buf_addc(&line, '}');
	ck_assert_int_eq(rec_parse(&r, line.p, line.len, &e), 0);
	ck_assert_uint_eq(r.nf, 1000);
	SPAN_IS(rec_get(&r, "k999"), "6993");
	SPAN_IS(rec_get(&r, "k0"), "0");
	/* a failed parse, then a small one: nothing of the old one left */
	ck_assert_int_eq(rec_parse(&r, LIT("{\"k1\":1,"), &e), -1);
	PARSES("{\"z\":2}");
	ck_assert_uint_eq(r.nf, 1);
	ck_assert_int_eq(rec_get(&r, "k999").type, JSON_NONE);
	buf_release(&line);
}
END_TEST

/* ---- rec_get, rec_str ---------------------------------------------------- */

START_TEST(get_duplicates)
{
	PARSES("{\"a\":1,\"b\":2,\"a\":3}");
	SPAN_IS(rec_get(&r, "a"), "3");
	SPAN_IS(rec_get(&r, "b"), "2");
	ck_assert_int_eq(rec_get(&r, "c").type, JSON_NONE);
	ck_assert_ptr_null(rec_get(&r, "c").p);
	ck_assert_int_eq(rec_get(&r, "").type, JSON_NONE);
	ck_assert_int_eq(rec_get(&r, "ab").type, JSON_NONE);
	PARSES("{\"ab\":1,\"a\\u0062\":2}");
	SPAN_IS(rec_get(&r, "ab"), "2");
	PARSES("{\"a\\u0062\":1,\"ab\":2,\"x\":0}");
	SPAN_IS(rec_get(&r, "ab"), "2");
	PARSES("{\"\":5,\"a\":1,\"\":6}");
	SPAN_IS(rec_get(&r, ""), "6");
}
END_TEST

START_TEST(get_escaped_keys)
{
	PARSES("{\"a\\u0062\":1,\"\\u00e9t\\u00E9\":2,\"q\\\"k\":3,"
	       "\"a\\u0000b\":4,\"\\ud83d\\ude00\":5,\"t\\tab\":6,\"s\\/l\":7}");
	SPAN_IS(rec_get(&r, "ab"), "1");
	SPAN_IS(rec_get(&r, "\xc3\xa9t\xc3\xa9"), "2");
	SPAN_IS(rec_get(&r, "q\"k"), "3");
	SPAN_IS(rec_getn(&r, "a\0b", 3), "4");
	ck_assert_int_eq(rec_get(&r, "a").type, JSON_NONE); /* not "a\0b" */
	SPAN_IS(rec_get(&r, "\xf0\x9f\x98\x80"), "5");
	SPAN_IS(rec_get(&r, "t\tab"), "6");
	SPAN_IS(rec_get(&r, "s/l"), "7");
	ck_assert_int_eq(rec_get(&r, "a\\u0062").type, JSON_NONE);
	PARSES("{\"\xc3\xa9t\xc3\xa9\":1}");
	SPAN_IS(rec_get(&r, "\xc3\xa9t\xc3\xa9"), "1");
	ck_assert_int_eq(rec_getn(&r, "\xc3\xa9t", 3).type, JSON_NONE);
}
END_TEST

/* rec_pick() gives what rec_get() gives, key by key. */
static void pick_agrees(const struct rec_keys *ks)
{
	struct json_span out[REC_KEYS_MAX], g;
	size_t i;

	rec_pick(&r, ks, out);
	for (i = 0; i < ks->n; i++) {
		g = rec_getn(&r, ks->name[i], ks->len[i]);
		ck_assert_msg(out[i].type == g.type && out[i].p == g.p &&
				      out[i].n == g.n,
			      "key '%s' of %.*s", ks->name[i], (int)r.len,
			      r.line);
	}
}

START_TEST(pick_keys)
{
	/* a name twice, "", and names of one length and ends (a hash
	 * collision at least) */
	static const char *const names[] = {
		"a",	"ab",	"",	"b",  "ab", "axb",  "ayb",
		"azb",	"kind", "type", "ts", "id", "q\"k", "\xc3\xa9t\xc3\xa9",
		"a\tb",
	};
	static const char *const keys[] = {
		"\"a\"",
		"\"ab\"",
		"\"\"",
		"\"b\"",
		"\"axb\"",
		"\"ayb\"",
		"\"kind\"",
		"\"type\"",
		"\"ts\"",
		"\"id\"",
		"\"a\\u0062\"",
		"\"q\\\"k\"",
		"\"\\u00e9t\\u00E9\"",
		"\"a\\tb\"",
		"\"x\"",
		"\"azc\"",
		"\"\\u0061\"",
		"\"aab\"",
	};
	struct rec_keys ks;
	struct buf b = BUF_INIT;
	unsigned seed = 12345, i, j, m;

	rec_keys_init(&ks, names, sizeof names / sizeof names[0]);
	PARSES("{}");
	pick_agrees(&ks);
	PARSES("{\"a\":1,\"ab\":2,\"a\":3,\"\":[1,{\"ab\":9}],\"ab\":{}}");
	pick_agrees(&ks);
	for (i = 0; i < 3000; i++) { /* records of keys drawn at random */
		buf_reset(&b);
		buf_addc(&b, '{');
		seed = seed * 1103515245u + 12345u;
		m = (seed >> 16) % 12;
		for (j = 0; j < m; j++) {
			seed = seed * 1103515245u + 12345u;
			if (j)
				buf_addc(&b, ',');
			buf_adds(&b, keys[(seed >> 16) %
					  (sizeof keys / sizeof keys[0])]);
			buf_addf(&b, ":%u", j);
		}
		buf_addc(&b, '}');
		parses(b.p, b.len);
		pick_agrees(&ks);
	}
	buf_release(&b);
}
END_TEST

START_TEST(str_member)
{
	struct buf sc = BUF_INIT;
	const char *p;
	size_t n;

	PARSES("{\"s\":\"plain\",\"e\":\"a\\nb\",\"n\":null,\"i\":5,\"f\":false}");
	ck_assert_int_eq(rec_str(&r, "s", &sc, &p, &n), 1);
	ck_assert_uint_eq(n, 5);
	ck_assert_mem_eq(p, "plain", 5);
	ck_assert_int_eq(rec_str(&r, "e", &sc, &p, &n), 1);
	ck_assert_uint_eq(n, 3);
	ck_assert_mem_eq(p, "a\nb", 3);
	ck_assert_int_eq(rec_str(&r, "n", &sc, &p, &n), 0);
	ck_assert_int_eq(rec_str(&r, "absent", &sc, &p, &n), 0);
	ck_assert_int_eq(rec_str(&r, "i", &sc, &p, &n), -1);
	ck_assert_int_eq(rec_str(&r, "f", &sc, &p, &n), -1);
	buf_release(&sc);
}
END_TEST

/* ---- rec_out ------------------------------------------------------------- */

static struct rec_out o;
static struct buf dst;

static void out_setup(void)
{
	struct rec_out z = REC_OUT_INIT;
	struct buf bz = BUF_INIT;

	rec_init(&r);
	o = z;
	dst = bz;
}

static void out_teardown(void)
{
	rec_out_release(&o);
	buf_release(&dst);
	rec_release(&r);
}

/* Emits o applied to input record in (NULL: none) and compares. */
static void emits(const char *in, const char *want)
{
	struct json_error e;
	struct rec back;

	buf_reset(&dst);
	if (in) {
		parses(in, strlen(in));
		rec_out_emit(&o, &r, &dst);
	} else {
		rec_out_emit(&o, NULL, &dst);
	}
	ck_assert_msg(strcmp(dst.p, want) == 0, "emitted\n  %s want\n  %s",
		      dst.p, want);
	rec_init(&back);
	ck_assert_int_eq(rec_parse(&back, dst.p, dst.len - 1, &e), 0);
	rec_release(&back);
}

START_TEST(emit_copy)
{
	emits("{ \"a\" : 1 , \"b\" :[1, 2] ,\"c\":\"x\\n\\u00e9\"}",
	      "{\"a\":1,\"b\":[1, 2],\"c\":\"x\\n\\u00e9\"}\n");
	emits("{\"a\":1,\"a\":2}", "{\"a\":1,\"a\":2}\n"); /* untouched */
	emits("{}", "{}\n");
	emits(" { } ", "{}\n");
	emits(NULL, "{}\n");
}
END_TEST

START_TEST(emit_replace)
{
	rec_out_i64(&o, "b", 20);
	emits("{\"a\":1,\"b\":2,\"c\":3}", "{\"a\":1,\"b\":20,\"c\":3}\n");
	/* later duplicates of a replaced key are dropped */
	emits("{\"a\":1,\"b\":2,\"b\":3,\"c\":4,\"b\":5}",
	      "{\"a\":1,\"b\":20,\"c\":4}\n");
	/* the key keeps its original bytes */
	emits("{\"\\u0062\":2}", "{\"\\u0062\":20}\n");
	/* appended when absent */
	emits("{\"a\":1}", "{\"a\":1,\"b\":20}\n");
	emits("{}", "{\"b\":20}\n");
	emits(NULL, "{\"b\":20}\n");
}
END_TEST

START_TEST(emit_append_order)
{
	rec_out_str(&o, "z", "last", 4);
	rec_out_cstr(&o, "y", "q\"k");
	rec_out_null(&o, "x");
	rec_out_raw(&o, "w", LIT("[1,{\"v\":2}]"));
	rec_out_cstr(&o, "n", NULL);
	rec_out_i64(&o, "k\"ey", -7);
	emits("{\"a\":0}",
	      "{\"a\":0,\"z\":\"last\",\"y\":\"q\\\"k\",\"x\":null,"
	      "\"w\":[1,{\"v\":2}],\"n\":null,\"k\\\"ey\":-7}\n");
	emits("{\"x\":1,\"a\":0}",
	      "{\"x\":null,\"a\":0,\"z\":\"last\",\"y\":\"q\\\"k\","
	      "\"w\":[1,{\"v\":2}],\"n\":null,\"k\\\"ey\":-7}\n");
}
END_TEST

START_TEST(emit_set_twice)
{
	rec_out_i64(&o, "a", 1);
	rec_out_i64(&o, "new", 1);
	rec_out_i64(&o, "a", 2);
	rec_out_i64(&o, "new", 2);
	emits("{\"a\":0,\"b\":0}", "{\"a\":2,\"b\":0,\"new\":2}\n");
	emits("{\"b\":0}", "{\"b\":0,\"a\":2,\"new\":2}\n");
}
END_TEST

START_TEST(emit_writers_and_reset)
{
	struct buf *b;

	b = rec_out_set(&o, "arr");
	buf_addc(b, '[');
	jw_i64(b, 1);
	buf_addc(b, ',');
	jw_str(b, "\xff", 1);
	buf_addc(b, ']');
	b = rec_out_set(&o, "f");
	jw_f64(b, 0.5);
	emits("{\"f\":0}", "{\"f\":0.5,\"arr\":[1,\"\xef\xbf\xbd\"]}\n");
	/* emitting again gives the same */
	emits("{\"f\":0}", "{\"f\":0.5,\"arr\":[1,\"\xef\xbf\xbd\"]}\n");
	rec_out_reset(&o);
	emits("{\"f\":0}", "{\"f\":0}\n");
	rec_out_i64(&o, "g", 3);
	emits("{\"f\":0}", "{\"f\":0,\"g\":3}\n");
	/* records appended one after another to dst */
	buf_reset(&dst);
	rec_out_emit(&o, NULL, &dst);
	rec_out_emit(&o, NULL, &dst);
	ck_assert_str_eq(dst.p, "{\"g\":3}\n{\"g\":3}\n");
}
END_TEST

START_TEST(emit_many_fields)
{
	char keys[40][8];
	struct buf want = BUF_INIT;
	int i;

	buf_addc(&want, '{');
	for (i = 0; i < 40; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		rec_out_i64(&o, keys[i], i);
		buf_addf(&want, "%s\"k%d\":%d", i ? "," : "", i, i);
	}
	buf_adds(&want, "}\n");
	emits("{}", want.p);
	buf_release(&want);
}
END_TEST

START_TEST(emit_empty_key)
{
	rec_out_i64(&o, "", 1);
	emits("{\"a\":0}", "{\"a\":0,\"\":1}\n");
	emits("{\"\":0,\"a\":0}", "{\"\":1,\"a\":0}\n");
}
END_TEST

START_TEST(emit_multiline)
{
	const char *in =
		"{\"a\": [1,\n 2], \"b\":{\"c\" :\n \"x \\\" y\"},\n\"d\":0}";

	parses(in, strlen(in));
	r.multiline = 1;
	rec_out_i64(&o, "d", 1);
	buf_reset(&dst);
	rec_out_emit(&o, &r, &dst);
	ck_assert_str_eq(dst.p,
			 "{\"a\":[1,2],\"b\":{\"c\":\"x \\\" y\"},\"d\":1}\n");
	buf_reset(&dst);
	rec_emit_line(&r, &dst);
	ck_assert_str_eq(dst.p,
			 "{\"a\":[1,2],\"b\":{\"c\":\"x \\\" y\"},\"d\":0}\n");
	r.multiline = 0;
	buf_reset(&dst);
	rec_emit_line(&r, &dst);
	ck_assert_mem_eq(dst.p, in, strlen(in));
}
END_TEST

static Suite *record_suite(void)
{
	Suite *s = suite_create("record");
	TCase *tc;

	tc = tcase_create("parse");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, parse_members);
	tcase_add_test(tc, parse_errors);
	tcase_add_test(tc, parse_nesting);
	tcase_add_test(tc, parse_many_and_reuse);
	suite_add_tcase(s, tc);
	tc = tcase_create("get");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, get_duplicates);
	tcase_add_test(tc, get_escaped_keys);
	tcase_add_test(tc, pick_keys);
	tcase_add_test(tc, str_member);
	suite_add_tcase(s, tc);
	tc = tcase_create("emit");
	tcase_add_checked_fixture(tc, out_setup, out_teardown);
	tcase_add_test(tc, emit_copy);
	tcase_add_test(tc, emit_replace);
	tcase_add_test(tc, emit_append_order);
	tcase_add_test(tc, emit_set_twice);
	tcase_add_test(tc, emit_writers_and_reset);
	tcase_add_test(tc, emit_many_fields);
	tcase_add_test(tc, emit_empty_key);
	tcase_add_test(tc, emit_multiline);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(record_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
