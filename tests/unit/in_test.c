/* in_test.c - unit tests of lib/in.c (framing, BOM, zstd). */
#include <check.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "buf.h"
#include "in.h"
#include "rec.h"

#define LIT(s) (s), (sizeof(s) - 1)

#define QUICK_ASSERT(c)                                                        \
	do {                                                                   \
		if (!(c))                                                      \
			ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);     \
	} while (0)

static char path[64];

static void setup(void)
{
	int fd;

	snprintf(path, sizeof path, "/tmp/pulse-input-test.XXXXXX");
	fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	close(fd);
}

static void teardown(void)
{
	unlink(path);
}

static void write_file(const void *p, size_t n)
{
	FILE *f = fopen(path, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(p, 1, n, f), n);
	ck_assert_int_eq(fclose(f), 0);
}

/* What a reader handed out: the records joined by '|', their lines. */
struct got {
	struct buf recs;
	struct buf lines; /* "1,3,4" */
	uint64_t n, bad;
	int status; /* the in_next result that ended the input */
	char msg[160];
};

static void got_release(struct got *g)
{
	buf_release(&g->recs);
	buf_release(&g->lines);
}

static struct got read_all(enum in_mode mode)
{
	struct got g = {BUF_INIT, BUF_INIT, 0, 0, 0, ""};
	struct in in;
	const char *p;
	size_t n;
	int st;

	ck_assert_int_eq(in_open(&in, path, mode), 0);
	while ((st = in_next(&in, &p, &n)) == IN_OK || st == IN_EBAD) {
		if (g.n) {
			buf_addc(&g.recs, '|');
			buf_addc(&g.lines, ',');
		}
		if (st == IN_EBAD) /* bytes that are not a record: marked */
			buf_addc(&g.recs, '!');
		buf_add(&g.recs, p, n);
		buf_addf(&g.lines, "%llu", (unsigned long long)in.lineno);
		g.n++;
		if (st == IN_EBAD)
			g.bad++;
		QUICK_ASSERT(in.recno + g.bad == g.n);
	}
	g.status = st;
	memcpy(g.msg, in.msg, sizeof g.msg);
	/* the end is sticky, and so are read and zstd errors */
	if (st == IN_EOF || st == IN_EZSTD || st == IN_EIO)
		ck_assert_int_eq(in_next(&in, &p, &n), st);
	in_close(&in);
	if (!g.recs.p)
		buf_addf(&g.recs, "%s", "");
	if (!g.lines.p)
		buf_addf(&g.lines, "%s", "");
	return g;
}

#define READS(data, mode, want_recs, want_lines, want_status)                  \
	do {                                                                   \
		struct got g_;                                                 \
		write_file(LIT(data));                                         \
		g_ = read_all(mode);                                           \
		ck_assert_str_eq(g_.recs.p, want_recs);                        \
		ck_assert_str_eq(g_.lines.p, want_lines);                      \
		ck_assert_int_eq(g_.status, want_status);                      \
		got_release(&g_);                                              \
	} while (0)

/* ---- lines --------------------------------------------------------------- */

START_TEST(lines_basic)
{
	READS("{\"a\":1}\n{\"b\":2}\n", IN_LINES, "{\"a\":1}|{\"b\":2}", "1,2",
	      IN_EOF);
	READS("a\nb\r\n\n  \n\t\r\nc", IN_LINES, "a|b|c", "1,2,6", IN_EOF);
	READS("last line without newline", IN_LINES,
	      "last line without newline", "1", IN_EOF);
	READS("", IN_LINES, "", "", IN_EOF);
	READS("\n\n \r\n", IN_LINES, "", "", IN_EOF);
	READS("x \t\r\n", IN_LINES, "x", "1",
	      IN_EOF); /* trailing blanks trimmed */
	READS("  x\n", IN_LINES, "  x", "1", IN_EOF); /* leading ones kept */
	READS("a\rb\n", IN_LINES, "a\rb", "1", IN_EOF);
}
END_TEST

START_TEST(lines_nul)
{
	/* a NUL byte is data like any other */
	struct got g;

	write_file(LIT("a\0b\nc\n"));
	g = read_all(IN_LINES);
	ck_assert_uint_eq(g.n, 2);
	ck_assert_uint_eq(g.recs.len, 5);
	ck_assert_mem_eq(g.recs.p, "a\0b|c", 5);
	got_release(&g);
}
END_TEST

START_TEST(lines_bom)
{
	READS("\xef\xbb\xbf{\"a\":1}\n", IN_LINES, "{\"a\":1}", "1", IN_EOF);
	READS("\xef\xbb\xbf{\"a\":1}\n", IN_AUTO, "{\"a\":1}", "1", IN_EOF);
	READS("\xef\xbb\xbf\n\n{}\n", IN_AUTO, "{}", "3", IN_EOF);
	READS("\xef\xbb\xbf", IN_AUTO, "", "", IN_EOF);
	READS("\xef\xbb", IN_LINES, "\xef\xbb", "1", IN_EOF);
	/* only at the start */
	READS("{}\n\xef\xbb\xbf{}\n", IN_LINES, "{}|\xef\xbb\xbf{}", "1,2",
	      IN_EOF);
}
END_TEST

START_TEST(lines_long)
{
	/* lines longer than the 1 MiB buffer, around short ones */
	size_t big = 3 * 1024 * 1024 + 17, i;
	struct buf data = BUF_INIT;
	struct in in;
	const char *p;
	size_t n;

	buf_adds(&data, "{\"s\":1}\n");
	buf_addc(&data, '"');
	for (i = 0; i < big; i++)
		buf_addc(&data, (char)('a' + i % 26));
	buf_adds(&data, "\"\n{\"t\":2}\n");
	buf_addc(&data, '"');
	for (i = 0; i < big * 2; i++)
		buf_addc(&data, 'z');
	buf_addc(&data, '"'); /* no final newline */
	write_file(data.p, data.len);
	ck_assert_int_eq(in_open(&in, path, IN_AUTO), 0);
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_uint_eq(n, 7);
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_uint_eq(n, big + 2);
	ck_assert_uint_eq(in.lineno, 2);
	ck_assert_mem_eq(p, data.p + 8, n);
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_mem_eq(p, "{\"t\":2}", 7);
	ck_assert_uint_eq(in.lineno, 3);
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_uint_eq(n, big * 2 + 2);
	ck_assert_uint_eq(in.lineno, 4);
	ck_assert_int_eq(p[0], '"');
	ck_assert_int_eq(p[n - 1], '"');
	ck_assert_int_eq(in_next(&in, &p, &n), IN_EOF);
	ck_assert_uint_eq(in.bytes_in, data.len);
	in_close(&in);
	buf_release(&data);
}
END_TEST

START_TEST(lines_many)
{
	/* lines cut by every buffer boundary: all there, numbered right */
	struct buf data = BUF_INIT;
	struct in in;
	const char *p;
	size_t n;
	uint64_t k = 0, blank = 0;
	int st;

	while (data.len < 5 * 1024 * 1024) {
		buf_addf(
			&data, "{\"n\":%llu,\"pad\":\"%.*s\"}\n",
			(unsigned long long)k, (int)(k % 97),
			"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
		k++;
		if (k % 1000 == 0) {
			buf_adds(&data, "\r\n");
			blank++;
		}
	}
	write_file(data.p, data.len);
	ck_assert_int_eq(in_open(&in, path, IN_AUTO), 0);
	uint64_t i = 0, line = 1;
	while ((st = in_next(&in, &p, &n)) == IN_OK) {
		char want[32];
		int wn = snprintf(want, sizeof want, "{\"n\":%llu,",
				  (unsigned long long)i);
		QUICK_ASSERT(memcmp(p, want, (size_t)wn) == 0);
		QUICK_ASSERT(n == (size_t)wn + 7 + i % 97 + 2);
		QUICK_ASSERT(in.lineno == line);
		i++;
		line++;
		if (i % 1000 == 0)
			line++;
	}
	ck_assert_int_eq(st, IN_EOF);
	ck_assert_uint_eq(i, k);
	in_close(&in);
	buf_release(&data);
}
END_TEST

START_TEST(lines_forced)
{
	/* IN_LINES on a file that starts with '[': lines all the same */
	READS("[1,\n2]\n", IN_LINES, "[1,|2]", "1,2", IN_EOF);
}
END_TEST

START_TEST(open_errors)
{
	struct in in;
	const char *p;
	size_t n;

	ck_assert_int_eq(in_open(&in, "/nonexistent/pulse/x.ndjson", IN_AUTO),
			 -1);
	ck_assert_int_eq(errno, ENOENT);
	ck_assert_ptr_nonnull(
		strstr(in.msg, "cannot open '/nonexistent/pulse/x.ndjson'"));
	in_close(&in);
	/* a directory is no input, not a read error */
	ck_assert_int_eq(in_open(&in, "/tmp", IN_AUTO), -1);
	ck_assert_int_eq(errno, EISDIR);
	ck_assert_str_eq(in.msg, "cannot read '/tmp': Is a directory");
	in_close(&in);
	(void)p;
	(void)n;
}
END_TEST

START_TEST(stdin_input)
{
	struct in in;
	const char *p;
	size_t n;
	FILE *f;

	write_file(LIT("{\"x\":1}\n"));
	f = freopen(path, "rb", stdin);
	ck_assert_ptr_nonnull(f);
	ck_assert_int_eq(in_open(&in, NULL, IN_AUTO), 0);
	ck_assert_str_eq(in.name, "-");
	ck_assert_str_eq(in.display, "<stdin>");
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_mem_eq(p, "{\"x\":1}", n);
	in_close(&in);
	ck_assert_int_eq(in_open(&in, "-", IN_AUTO), 0);
	ck_assert_str_eq(in.display, "<stdin>");
	in_close(&in);
}
END_TEST

/* ---- arrays -------------------------------------------------------------- */

START_TEST(array_basic)
{
	READS("[\n {\"a\":1},\n\n {\"b\":\n 2}\n]\n", IN_ARRAY,
	      "{\"a\":1}|{\"b\":\n 2}", "2,4", IN_EOF);
	READS("[\n {\"a\":1},\n\n {\"b\":\n 2}\n]\n", IN_AUTO,
	      "{\"a\":1}|{\"b\":\n 2}", "2,4", IN_EOF);
	READS("\n\n  [{\"a\":1},{\"b\":2}]", IN_AUTO, "{\"a\":1}|{\"b\":2}",
	      "3,3", IN_EOF);
	READS("\xef\xbb\xbf[{}]", IN_AUTO, "{}", "1", IN_EOF);
	READS("[{\"s\":\"],[}{\\\"\"},{\"t\":[[],{}]}]", IN_ARRAY,
	      "{\"s\":\"],[}{\\\"\"}|{\"t\":[[],{}]}", "1,1", IN_EOF);
	READS("[1, \"x\", [2], null]", IN_ARRAY, "1|\"x\"|[2]|null", "1,1,1,1",
	      IN_EOF);
	READS("[ {\"a\":1} , {\"b\":2} ]", IN_ARRAY, "{\"a\":1}|{\"b\":2}",
	      "1,1", IN_EOF);
	READS("[\r\n{}\r\n,\r\n{}\r\n]\r\n", IN_ARRAY, "{}|{}", "2,4", IN_EOF);
}
END_TEST

START_TEST(array_empty)
{
	READS("[]", IN_ARRAY, "", "", IN_EOF);
	READS("[ \n ]\n\n", IN_AUTO, "", "", IN_EOF);
	READS("", IN_ARRAY, "", "", IN_EOF);
}
END_TEST

START_TEST(array_errors)
{
	struct got g;

	READS("[{\"a\":1},]", IN_ARRAY, "{\"a\":1}", "1", IN_EFRAME);
	READS("[{\"a\":1}]x", IN_ARRAY, "{\"a\":1}", "1", IN_EFRAME);
	READS("[{\"a\":1}]\n[{\"b\":1}]", IN_ARRAY, "{\"a\":1}", "1",
	      IN_EFRAME);
	READS("[]]", IN_ARRAY, "", "", IN_EFRAME);
	READS("[{\"a\":1}", IN_ARRAY, "{\"a\":1}", "1", IN_EFRAME);
	READS("[{\"a\":1},\n", IN_ARRAY, "{\"a\":1}", "1", IN_EFRAME);
	READS("[", IN_ARRAY, "", "", IN_EFRAME);
	READS("[,{}]", IN_ARRAY, "", "", IN_EFRAME);
	READS("[{},,{}]", IN_ARRAY, "{}", "1", IN_EFRAME);
	READS("[}", IN_ARRAY, "", "", IN_EFRAME);
	/* text where a ',' belongs: bad bytes, then the rest is read */
	READS("[{\"a\":1}}]", IN_ARRAY, "{\"a\":1}|!}]", "1,1", IN_EFRAME);
	/* text after an element that runs on to a ',' is the element's: a
	 * bad one for rec_parse, which in_resync() splits */
	READS("[\n {\"a\":1}\n x\n {\"b\":1}\n]", IN_ARRAY,
	      "{\"a\":1}\n x\n {\"b\":1}", "2", IN_EOF);
	READS("{\"a\":1}", IN_ARRAY, "", "", IN_EFRAME);
	/* an unterminated string swallows the rest: handed out, then the
	 * missing ']' */
	READS("[{\"a\":\"x]}", IN_ARRAY, "{\"a\":\"x]}", "1", IN_EFRAME);
	/* a missing comma between objects: one bad element, for rec_parse */
	READS("[{} {}]", IN_ARRAY, "{} {}", "1", IN_EOF);
	write_file(LIT("[\n{},\n\n]"));
	g = read_all(IN_ARRAY);
	ck_assert_int_eq(g.status, IN_EFRAME);
	ck_assert_ptr_nonnull(strstr(g.msg, "trailing ','"));
	ck_assert_ptr_nonnull(strstr(g.msg, path));
	got_release(&g);
	write_file(LIT("[{}] {}"));
	g = read_all(IN_AUTO);
	ck_assert_ptr_nonnull(strstr(g.msg, "after the closing ']'"));
	got_release(&g);
	write_file(LIT("[{}\n\n"));
	g = read_all(IN_AUTO);
	ck_assert_ptr_nonnull(strstr(g.msg, "missing ']'"));
	got_release(&g);
}
END_TEST

START_TEST(array_buffer_edges)
{
	/* An element whose comma, or closing bracket, is the last byte of a
	 * read; or whose comma is followed by the end of a read. */
	size_t chunk = 1 << 20, at, pad;
	struct buf data = BUF_INIT;
	struct got g;
	static const char *seps[] = {",", ", ", ",\n", " ,", "\n,\n"};
	size_t si;

	for (si = 0; si < sizeof seps / sizeof seps[0]; si++) {
		for (at = chunk - 3; at <= chunk + 2; at++) {
			buf_reset(&data);
			buf_adds(&data, "[{\"pad\":\"");
			pad = at - data.len - 2 - strlen(seps[si]) + 1;
			while (pad--)
				buf_addc(&data, 'p');
			buf_adds(&data, "\"}");
			buf_adds(&data, seps[si]);
			buf_adds(&data, "{\"b\":2}]\n");
			write_file(data.p, data.len);
			g = read_all(IN_AUTO);
			ck_assert_int_eq(g.status, IN_EOF);
			ck_assert_uint_eq(g.n, 2);
			ck_assert_str_eq(g.recs.p + g.recs.len - 8,
					 "|{\"b\":2}");
			ck_assert_mem_eq(g.recs.p, data.p + 1, g.recs.len - 8);
			got_release(&g);
		}
	}
	buf_release(&data);
}
END_TEST

START_TEST(array_big)
{
	/* 3 MiB of elements spanning lines: all there, numbered right */
	struct buf data = BUF_INIT;
	struct in in;
	const char *p;
	size_t n;
	uint64_t i = 0, k = 0;

	buf_adds(&data, "[\n");
	while (data.len < 3 * 1024 * 1024) {
		buf_addf(&data, "%s{\n  \"n\": %llu,\n  \"s\": \"%s\"\n}",
			 k ? ",\n" : "", (unsigned long long)k,
			 k % 3 ? "x,]}" : "y");
		k++;
	}
	buf_adds(&data, "\n]\n");
	write_file(data.p, data.len);
	ck_assert_int_eq(in_open(&in, path, IN_AUTO), 0);
	while (in_next(&in, &p, &n) == IN_OK) {
		char want[40];
		int wn = snprintf(want, sizeof want, "{\n  \"n\": %llu,",
				  (unsigned long long)i);
		QUICK_ASSERT(memcmp(p, want, (size_t)wn) == 0);
		QUICK_ASSERT(p[n - 1] == '}');
		QUICK_ASSERT(in.lineno == 2 + 4 * i);
		i++;
	}
	ck_assert_uint_eq(i, k);
	in_close(&in);
	buf_release(&data);
}
END_TEST

/*
 * A random value for the framing tests: nested arrays and objects, and
 * strings full of what framing must see through (brackets, commas,
 * escaped quotes, runs of backslashes), at every offset of a block.
 */
static void random_value(struct buf *b, unsigned *seed, int depth)
{
	static const char *const bits[] = {
		"a",	    "[",
		"]",	    "{",
		"}",	    ",",
		"\\\"",	    "\\\\",
		"\\\\\\\"", "\\\\\\\\",
		"\\n",	    "\xc3\xa9",
		"  ",	    "xyzxyzxyzxyz",
		"\\u005c",
	};
	unsigned r, n, i;

	*seed = *seed * 1103515245 + 12345;
	r = (*seed >> 8) % (depth > 3 ? 3 : 6);
	n = (*seed >> 16) % 5;
	switch (r) {
	case 0:
		buf_addf(b, "%u", *seed % 1000);
		break;
	case 1:
	case 2:
		buf_addc(b, '"');
		n = (*seed >> 12) % 24;
		for (i = 0; i < n; i++) {
			*seed = *seed * 1103515245 + 12345;
			buf_adds(b, bits[(*seed >> 8) %
					 (sizeof bits / sizeof bits[0])]);
		}
		buf_addc(b, '"');
		break;
	case 3:
	case 4:
		buf_addc(b, '{');
		for (i = 0; i < n; i++) {
			buf_adds(b, i ? ", " : "");
			buf_addf(b, "\"k%u\": ", i);
			random_value(b, seed, depth + 1);
		}
		buf_addc(b, '}');
		break;
	default:
		buf_addc(b, '[');
		for (i = 0; i < n; i++) {
			buf_adds(b, i ? ",\n" : "");
			random_value(b, seed, depth + 1);
		}
		buf_addc(b, ']');
		break;
	}
}

START_TEST(framing_random)
{
	/*
	 * Arrays and sequences of random values, over 3 MiB so that values
	 * straddle reads: each element handed out is the one written.
	 */
	struct buf data = BUF_INIT, el = BUF_INIT;
	size_t *starts = NULL, *lens = NULL, cap = 0, k, i;
	unsigned seed = 99;
	int mode;

	for (mode = 0; mode < 2; mode++) {
		int array = mode == 0;

		buf_reset(&data);
		buf_adds(&data, array ? "[\n" : "");
		for (k = 0; data.len < 3 * 1024 * 1024; k++) {
			if (k == cap) {
				cap = cap ? 2 * cap : 1024;
				starts = realloc(starts, cap * sizeof *starts);
				lens = realloc(lens, cap * sizeof *lens);
				ck_assert_ptr_nonnull(starts);
				ck_assert_ptr_nonnull(lens);
			}
			if (k)
				buf_adds(&data, array ? (k % 3 ? ",\n" : " , ")
						      : (k % 3 ? "\n" : ""));
			do {
				buf_reset(&el);
				random_value(&el, &seed, array ? 0 : 1);
			} while (!array && el.p[0] != '{' && el.p[0] != '[');
			if (!array && el.p[0] == '[' && seed % 2)
				buf_reset(&el),
					buf_adds(&el, "[\"\\\\\",\"]\"]");
			starts[k] = data.len;
			lens[k] = el.len;
			buf_add(&data, el.p, el.len);
		}
		buf_adds(&data, array ? "\n]\n" : "\n");
		write_file(data.p, data.len);

		struct in in;
		const char *p;
		size_t n;
		int st;

		ck_assert_int_eq(in_open(&in, path, array ? IN_AUTO : IN_SEQ),
				 0);
		for (i = 0; (st = in_next(&in, &p, &n)) == IN_OK; i++) {
			QUICK_ASSERT(i < k);
			QUICK_ASSERT(in.multiline ==
				     (memchr(p, '\n', n) != NULL));
			if (n != lens[i] || memcmp(p, data.p + starts[i], n))
				ck_abort_msg(
					"%s element %zu: got %.*s, want %.*s",
					array ? "array" : "sequence", i,
					(int)(n > 200 ? 200 : n), p,
					(int)(lens[i] > 200 ? 200 : lens[i]),
					data.p + starts[i]);
		}
		ck_assert_int_eq(st, IN_EOF);
		ck_assert_uint_eq(i, k);
		in_close(&in);
	}
	free(starts);
	free(lens);
	buf_release(&data);
	buf_release(&el);
}
END_TEST

/* ---- sequences ----------------------------------------------------------- */

START_TEST(seq_mode)
{
	READS("{\"a\":1}{\"b\":2}\n{\n\"c\":3\n}\n[1]", IN_SEQ,
	      "{\"a\":1}|{\"b\":2}|{\n\"c\":3\n}|[1]", "1,1,2,5", IN_EOF);
	READS("  {\"s\":\"}{\"}  \n\n", IN_SEQ, "{\"s\":\"}{\"}", "1", IN_EOF);
	READS("", IN_SEQ, "", "", IN_EOF);
	/* text between documents: bad bytes up to the next line that
	 * starts one, which is read */
	READS("{\"a\":1} x", IN_SEQ, "{\"a\":1}|!x", "1,1", IN_EOF);
	READS("{\"a\":1}, {}", IN_SEQ, "{\"a\":1}|!, {}", "1,1", IN_EOF);
	READS("{\"a\":1}\ngarbage\nmore\n{\"b\":2}\n", IN_SEQ,
	      "{\"a\":1}|!garbage\nmore|{\"b\":2}", "1,2,4", IN_EOF);
	READS("5", IN_SEQ, "!5", "1", IN_EOF);
	READS("{\"a\":1", IN_SEQ, "{\"a\":1", "1", IN_EOF);
	READS("\xef\xbb\xbf{}", IN_SEQ, "{}", "1", IN_EOF);
}
END_TEST

/* A record cut short takes the next ones in; in_resync() gives them back. */
static void resync_case(enum in_mode mode, const char *data, const char *want)
{
	struct buf got = BUF_INIT;
	struct rec r = REC_INIT;
	struct json_error e;
	struct in in;
	const char *p;
	size_t n;
	int st;

	write_file(data, strlen(data));
	ck_assert_int_eq(in_open(&in, path, mode), 0);
	while ((st = in_next(&in, &p, &n)) == IN_OK || st == IN_EBAD) {
		if (got.len)
			buf_addc(&got, '|');
		if (st == IN_OK && rec_parse(&r, p, n, &e) < 0) {
			n = in_resync(&in, p, n, e.off);
			buf_addc(&got, '!');
		}
		buf_addf(&got, "%llu:", (unsigned long long)in.lineno);
		buf_add(&got, p, n);
	}
	ck_assert_int_eq(st, IN_EOF);
	ck_assert_str_eq(got.p, want);
	in_close(&in);
	rec_release(&r);
	buf_release(&got);
}

START_TEST(resync)
{
	/* cut in a string, then outside one; the pages after are read */
	resync_case(IN_SEQ, "{\"a\":1,\"b\":\"cut\n{\"c\":2}\n{\"d\":3}\n",
		    "!1:{\"a\":1,\"b\":\"cut|2:{\"c\":2}|3:{\"d\":3}");
	resync_case(IN_SEQ, "{\"a\":[1,\n2,\n{\"c\":2}\n{\"d\":3}\n",
		    "!1:{\"a\":[1,\n2,|3:{\"c\":2}|4:{\"d\":3}");
	/* pretty-printed: the next document starts at a line's start */
	resync_case(IN_SEQ, "{\n  \"a\": [\n    1,\n{\n  \"c\": 2\n}\n",
		    "!1:{\n  \"a\": [\n    1,|4:{\n  \"c\": 2\n}");
	/* nothing to resync to: the whole is bad */
	resync_case(IN_SEQ, "{\"a\":\"cut\n", "!1:{\"a\":\"cut");
	/* an array element cut short: the next element, after a ',' or
	 * less indented than the members */
	resync_case(IN_ARRAY,
		    "[\n  {\n    \"a\": 1,\n    \"t\": \"x\n  {\n    \"a\": "
		    "2\n  },\n  {\n    \"a\": 3\n  }\n]\n",
		    "!2:{\n    \"a\": 1,\n    \"t\": \"x|5:{\n    \"a\": "
		    "2\n  }|8:{\n    \"a\": 3\n  }");
	/* lines need none: each is read on its own */
	resync_case(IN_LINES, "{\"a\":\"cut\n{\"b\":1}\n",
		    "!1:{\"a\":\"cut|2:{\"b\":1}");
}
END_TEST

/* ---- zstd ---------------------------------------------------------------- */

static void compress_to(struct buf *out, const char *p, size_t n, int level)
{
	size_t cap = ZSTD_compressBound(n), r;

	buf_grow(out, cap);
	r = ZSTD_compress(out->p + out->len, cap, p, n, level);
	ck_assert_msg(!ZSTD_isError(r), "%s", ZSTD_getErrorName(r));
	out->len += r;
}

START_TEST(zstd_plain)
{
	static const char text[] =
		"{\"a\":1}\n\n{\"b\":\"\xc3\xa9\"}\r\n{\"c\":3}";
	struct buf z = BUF_INIT;
	struct got g;

	compress_to(&z, LIT(text), 3);
	write_file(z.p, z.len);
	g = read_all(IN_AUTO);
	ck_assert_str_eq(g.recs.p, "{\"a\":1}|{\"b\":\"\xc3\xa9\"}|{\"c\":3}");
	ck_assert_str_eq(g.lines.p, "1,3,4");
	ck_assert_int_eq(g.status, IN_EOF);
	got_release(&g);
	/* the magic alone decides, and a BOM inside is skipped */
	buf_reset(&z);
	compress_to(&z, LIT("\xef\xbb\xbf[{\"x\":1},\n{\"y\":2}]"), 1);
	write_file(z.p, z.len);
	g = read_all(IN_AUTO);
	ck_assert_str_eq(g.recs.p, "{\"x\":1}|{\"y\":2}");
	ck_assert_str_eq(g.lines.p, "1,2");
	got_release(&g);
	/* empty content */
	buf_reset(&z);
	compress_to(&z, "", 0, 1);
	write_file(z.p, z.len);
	g = read_all(IN_AUTO);
	ck_assert_uint_eq(g.n, 0);
	ck_assert_int_eq(g.status, IN_EOF);
	got_release(&g);
	buf_release(&z);
}
END_TEST

START_TEST(zstd_frames)
{
	/* concatenated frames, the boundary in the middle of a record */
	struct buf z = BUF_INIT;
	struct got g;

	compress_to(&z, LIT("{\"a\":1}\n{\"b\""), 1);
	compress_to(&z, LIT(":2}\n"), 19);
	compress_to(&z, "", 0, 1);
	compress_to(&z, LIT("{\"c\":3}\n"), 1);
	write_file(z.p, z.len);
	g = read_all(IN_LINES);
	ck_assert_str_eq(g.recs.p, "{\"a\":1}|{\"b\":2}|{\"c\":3}");
	ck_assert_str_eq(g.lines.p, "1,2,3");
	ck_assert_int_eq(g.status, IN_EOF);
	got_release(&g);
	buf_release(&z);
}
END_TEST

START_TEST(zstd_big)
{
	/* more than the buffer, decompressed and compressed */
	struct buf text = BUF_INIT, z = BUF_INIT;
	struct in in;
	const char *p;
	size_t n;
	uint64_t k = 0, i = 0;
	uint32_t x = 1;

	while (text.len < 6 * 1024 * 1024) {
		int j;
		buf_addf(&text, "{\"n\":%llu,\"r\":\"",
			 (unsigned long long)k++);
		for (j = 0; j < 40; j++) {
			x = x * 1664525 + 1013904223;
			buf_addc(&text, (char)('!' + (x >> 24) % 90 +
					       ((x >> 24) % 90 >= 1 ? 1 : 0)));
		}
		buf_adds(&text, "\"}\n");
	}
	compress_to(&z, text.p, text.len, 1);
	ck_assert_uint_gt(z.len, 1 << 20);
	write_file(z.p, z.len);
	ck_assert_int_eq(in_open(&in, path, IN_AUTO), 0);
	while (in_next(&in, &p, &n) == IN_OK) {
		char want[32];
		int wn = snprintf(want, sizeof want, "{\"n\":%llu,",
				  (unsigned long long)i);
		QUICK_ASSERT(memcmp(p, want, (size_t)wn) == 0);
		QUICK_ASSERT(n == (size_t)wn + 47);
		i++;
	}
	ck_assert_uint_eq(i, k);
	ck_assert_uint_eq(in.bytes_in, z.len);
	in_close(&in);
	buf_release(&text);
	buf_release(&z);
}
END_TEST

START_TEST(zstd_truncated)
{
	struct buf z = BUF_INIT, text = BUF_INIT;
	struct got g;
	int i;

	for (i = 0; i < 1000; i++)
		buf_addf(&text, "{\"i\":%d}\n", i);
	compress_to(&z, text.p, text.len, 3);
	write_file(z.p, z.len - 5);
	g = read_all(IN_AUTO);
	ck_assert_int_eq(g.status, IN_EZSTD);
	ck_assert_ptr_nonnull(strstr(g.msg, "truncated zstd stream"));
	got_release(&g);
	/* cut right after the frame header */
	write_file(z.p, 6);
	g = read_all(IN_AUTO);
	ck_assert_int_eq(g.status, IN_EZSTD);
	got_release(&g);
	/* the magic alone */
	write_file("\x28\xb5\x2f\xfd", 4);
	g = read_all(IN_AUTO);
	ck_assert_int_eq(g.status, IN_EZSTD);
	got_release(&g);
	/* corrupt: garbage after the magic */
	write_file(LIT("\x28\xb5\x2f\xfd garbage garbage garbage\n"));
	g = read_all(IN_AUTO);
	ck_assert_int_eq(g.status, IN_EZSTD);
	ck_assert_ptr_nonnull(strstr(g.msg, "zstd"));
	got_release(&g);
	/* a good frame then a truncated one */
	buf_reset(&z);
	compress_to(&z, LIT("{\"a\":1}\n"), 1);
	compress_to(&z, text.p, text.len, 1);
	write_file(z.p, z.len - 1);
	g = read_all(IN_AUTO);
	ck_assert_int_eq(g.status, IN_EZSTD);
	ck_assert_uint_ge(g.n, 1);
	ck_assert_mem_eq(g.recs.p, "{\"a\":1}", 7);
	got_release(&g);
	/* an unfinished sequence element before a corrupt frame: the error,
	 * and nothing handed out after it */
	/* (found by the fuzz target: the element's rest was handed out by
	 * the next call) */
	write_file(LIT("\x28\xb5\x2f\xfd\x04\x58\xcd\x00\x00\x88\x7b\x22"
		       "\x7a\x22\x3a\x31\x7d\x0a\x7b\x22\x7a\x22\x3a\x5b\x5d"
		       "\x7d\x0a\x02\x00\xc0\x13\x12\xa0\x04\x5f\x12\xdc\x32"
		       "\x32"));
	g = read_all(IN_SEQ);
	ck_assert_int_eq(g.status, IN_EZSTD);
	ck_assert_str_eq(g.recs.p, "{\"z\":1}");
	got_release(&g);
	g = read_all(IN_LINES);
	ck_assert_int_eq(g.status, IN_EZSTD);
	ck_assert_str_eq(
		g.recs.p,
		"{\"z\":1}|{\"z\":[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]}");
	got_release(&g);
	/* three bytes of the magic: not zstd, a line */
	READS("\x28\xb5\x2f", IN_AUTO, "\x28\xb5\x2f", "1", IN_EOF);
	buf_release(&z);
	buf_release(&text);
}
END_TEST

/* ---- peek ---------------------------------------------------------------- */

START_TEST(peek_then_read)
{
	struct buf z = BUF_INIT;
	struct in in;
	const char *p;
	size_t n;

	/* the BOM is skipped, nothing consumed, the mode set afterwards */
	write_file(LIT("\xef\xbb\xbf  {\"a\":1}\n{\"b\":2}"));
	ck_assert_int_eq(in_open(&in, path, IN_SEQ), 0);
	ck_assert_int_eq(in_peek(&in, 4, &p, &n), IN_OK);
	ck_assert_uint_eq(n, 17);
	ck_assert_mem_eq(p, "  {", 3);
	ck_assert_int_eq(in_peek(&in, 100, &p, &n), IN_OK);
	ck_assert_uint_eq(n, 17);
	in.mode = IN_LINES;
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_uint_eq(n, 9);
	ck_assert_mem_eq(p, "  {\"a\":1}", 9);
	ck_assert_uint_eq(in.lineno, 1);
	in_close(&in);
	/* through zstd */
	compress_to(&z, LIT("ID;Name\n1;x\n"), 3);
	write_file(z.p, z.len);
	ck_assert_int_eq(in_open(&in, path, IN_SEQ), 0);
	ck_assert_int_eq(in_peek(&in, 2, &p, &n), IN_OK);
	ck_assert_uint_ge(n, 2);
	ck_assert_mem_eq(p, "ID", 2);
	in.mode = IN_CSV;
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_uint_eq(n, 7);
	ck_assert_int_eq(in_next(&in, &p, &n), IN_OK);
	ck_assert_mem_eq(p, "1;x", 3);
	ck_assert_uint_eq(in.lineno, 2);
	ck_assert_int_eq(in_next(&in, &p, &n), IN_EOF);
	in_close(&in);
	/* empty, and only a BOM */
	write_file(LIT(""));
	ck_assert_int_eq(in_open(&in, path, IN_SEQ), 0);
	ck_assert_int_eq(in_peek(&in, 10, &p, &n), IN_EOF);
	ck_assert_uint_eq(n, 0);
	in_close(&in);
	write_file(LIT("\xef\xbb\xbf"));
	ck_assert_int_eq(in_open(&in, path, IN_SEQ), 0);
	ck_assert_int_eq(in_peek(&in, 10, &p, &n), IN_EOF);
	in_close(&in);
	/* a corrupt zstd stream is an error here already */
	write_file(LIT("\x28\xb5\x2f\xfd\xff\xff\xff\xff"));
	ck_assert_int_eq(in_open(&in, path, IN_SEQ), 0);
	ck_assert_int_eq(in_peek(&in, 10, &p, &n), IN_EZSTD);
	in_close(&in);
	buf_release(&z);
}
END_TEST

static Suite *in_suite(void)
{
	Suite *s = suite_create("in");
	TCase *tc;

	tc = tcase_create("lines");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, lines_basic);
	tcase_add_test(tc, lines_nul);
	tcase_add_test(tc, lines_bom);
	tcase_add_test(tc, lines_long);
	tcase_add_test(tc, lines_many);
	tcase_add_test(tc, lines_forced);
	tcase_add_test(tc, open_errors);
	tcase_add_test(tc, stdin_input);
	suite_add_tcase(s, tc);
	tc = tcase_create("array");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, array_basic);
	tcase_add_test(tc, array_empty);
	tcase_add_test(tc, array_errors);
	tcase_add_test(tc, array_buffer_edges);
	tcase_add_test(tc, array_big);
	tcase_add_test(tc, framing_random);
	suite_add_tcase(s, tc);
	tc = tcase_create("seq");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, seq_mode);
	tcase_add_test(tc, resync);
	tcase_add_test(tc, peek_then_read);
	suite_add_tcase(s, tc);
	tc = tcase_create("zstd");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, zstd_plain);
	tcase_add_test(tc, zstd_frames);
	tcase_add_test(tc, zstd_big);
	tcase_add_test(tc, zstd_truncated);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(in_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
