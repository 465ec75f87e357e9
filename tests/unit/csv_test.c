/* csv_test.c - unit tests of lib/csv.c and in.c's IN_CSV framing. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zstd.h>

#include "buf.h"
#include "csv.h"

#define LIT(s) (s), (sizeof(s) - 1)

static char path[64];

static void setup(void)
{
	int fd;

	snprintf(path, sizeof path, "/tmp/pulse-csv-test.XXXXXX");
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

/* The fields of a row as "a|b|c", quoted ones marked with a '*'. */
static void show(const struct csv_row *row, struct buf *out)
{
	size_t i;

	buf_reset(out);
	for (i = 0; i < row->n; i++) {
		if (i)
			buf_addc(out, '|');
		if (row->f[i].quoted)
			buf_addc(out, '*');
		buf_add(out, row->f[i].p, row->f[i].n);
		ck_assert_int_eq(row->f[i].p[row->f[i].n], '\0');
	}
}

static void check_split(const char *s, size_t n, char delim, int status,
			const char *want)
{
	struct csv_row row = CSV_ROW_INIT;
	struct buf b = BUF_INIT;

	ck_assert_int_eq(csv_split(&row, s, n, delim), status);
	show(&row, &b);
	ck_assert_str_eq(b.p, want);
	buf_release(&b);
	csv_row_release(&row);
}

START_TEST(split_plain)
{
	check_split(LIT("a,b,c"), ',', 0, "a|b|c");
	check_split(LIT("a"), ',', 0, "a");
	check_split(LIT(",,"), ',', 0, "||");
	check_split(LIT("a,"), ',', 0, "a|");
	check_split(LIT(",a"), ',', 0, "|a");
	check_split(LIT("a;b,c"), ';', 0, "a|b,c");
	check_split(LIT("a\tb"), '\t', 0, "a|b");
	check_split(LIT(" a , b "), ',', 0, " a | b ");
}
END_TEST

START_TEST(split_quoted)
{
	check_split(LIT("\"a,b\",c"), ',', 0, "*a,b|c");
	check_split(LIT("\"\""), ',', 0, "*");
	check_split(LIT("\"\",x"), ',', 0, "*|x");
	check_split(LIT("\"say \"\"hi\"\"\""), ',', 0, "*say \"hi\"");
	check_split(LIT("\"two\nlines\",2"), ',', 0, "*two\nlines|2");
	check_split(LIT("\"\"\"\""), ',', 0, "*\"");
	check_split(LIT("x,\"a;b\";c"), ';', 0, "x,\"a|b\"|c");
}
END_TEST

START_TEST(split_lenient)
{
	/* a quote inside an unquoted field is data */
	check_split(LIT("ab\"c,d"), ',', 0, "ab\"c|d");
	/* text after a closing quote is appended */
	check_split(LIT("\"ab\"c,d"), ',', 0, "*abc|d");
	/* an open quote: the rest is the field, and an error */
	check_split(LIT("a,\"b,c"), ',', -1, "a|*b,c");
}
END_TEST

START_TEST(split_reuse)
{
	struct csv_row row = CSV_ROW_INIT;
	struct buf b = BUF_INIT;
	char many[200];
	size_t i;

	for (i = 0; i < 100; i++) {
		many[2 * i] = 'x';
		many[2 * i + 1] = ',';
	}
	ck_assert_int_eq(csv_split(&row, many, 199, ','), 0);
	ck_assert_uint_eq(row.n, 100);
	ck_assert_int_eq(csv_split(&row, LIT("p,\"q\""), ','), 0);
	show(&row, &b);
	ck_assert_str_eq(b.p, "p|*q");
	buf_release(&b);
	csv_row_release(&row);
}
END_TEST

START_TEST(detect)
{
	ck_assert_int_eq(csv_detect(LIT("a,b,c")), ',');
	ck_assert_int_eq(csv_detect(LIT("a;b;c")), ';');
	ck_assert_int_eq(csv_detect(LIT("\"a,b,c\";d")), ';');
	ck_assert_int_eq(csv_detect(LIT("a\tb\tc,d")), '\t');
	ck_assert_int_eq(csv_detect(LIT("a|b")), '|');
	ck_assert_int_eq(csv_detect(LIT("abc")), ',');
	ck_assert_int_eq(csv_detect(LIT("a;b,c")), ',');
}
END_TEST

START_TEST(find)
{
	struct csv_row row = CSV_ROW_INIT;

	ck_assert_int_eq(csv_split(&row, LIT("id,user_id,\"ts\""), ','), 0);
	ck_assert_int_eq(csv_find(&row, "id"), 0);
	ck_assert_int_eq(csv_find(&row, "ts"), 2);
	ck_assert_int_eq(csv_find(&row, "user"), -1);
	csv_row_release(&row);
}
END_TEST

/* Reads path whole: rows as show() gives them, joined by '/', lines. */
static int read_all(char delim, struct buf *rows, struct buf *lines, char *msg,
		    size_t msgsz)
{
	struct csv c;
	struct buf b = BUF_INIT;
	int r, k = 0;

	buf_reset(rows);
	buf_reset(lines);
	ck_assert_int_eq(csv_open(&c, path, delim), 0);
	while ((r = csv_next(&c)) == IN_OK) {
		show(&c.row, &b);
		if (k++) {
			buf_addc(rows, '/');
			buf_addc(lines, ',');
		}
		buf_add(rows, b.p, b.len);
		buf_addf(lines, "%llu", (unsigned long long)c.in.lineno);
	}
	if (msg)
		snprintf(msg, msgsz, "%s", c.msg);
	csv_close(&c);
	buf_release(&b);
	return r;
}

/* Reads the file as enc: rows "a|b" joined by '/', failed rows as "!msg". */
static void read_enc(enum csv_enc enc, struct buf *out)
{
	struct csv c;
	struct buf b = BUF_INIT;
	int r, k = 0;

	buf_reset(out);
	ck_assert_int_eq(csv_open(&c, path, 0), 0);
	c.enc = enc;
	while ((r = csv_next(&c)) == IN_OK || r == IN_EENC) {
		if (k++)
			buf_addc(out, '/');
		if (r == IN_EENC) {
			buf_addf(out, "!%llu %s",
				 (unsigned long long)c.in.lineno, c.msg);
			continue;
		}
		show(&c.row, &b);
		buf_add(out, b.p, b.len);
	}
	if (r != IN_EOF)
		buf_addf(out, "/!%s", c.msg);
	csv_close(&c);
	buf_release(&b);
}

START_TEST(encodings)
{
	struct buf out = BUF_INIT;
	enum csv_enc e;

	/* Windows-1251, recognised at the first row that is not ASCII */
	write_file(LIT("id;name\n1;plain\n2;\xcf\xf0\xe8\xe2\xe5\xf2, "
		       "\xec\xe8\xf0\n3;\xb9 5 \xab\xc0\xe1\xe2\xbb\n"));
	read_enc(CSV_ENC_AUTO, &out);
	ck_assert_str_eq(out.p, "id|name/1|plain/2|Привет, мир/3|№ 5 «Абв»");
	read_enc(CSV_ENC_CP1251, &out);
	ck_assert_str_eq(out.p, "id|name/1|plain/2|Привет, мир/3|№ 5 «Абв»");
	read_enc(CSV_ENC_UTF8, &out);
	ck_assert_str_eq(out.p,
			 "id|name/1|plain/!3 not valid UTF-8 (at byte 3; "
			 "--encoding cp1251 reads Windows-1251)/!4 not valid "
			 "UTF-8 (at byte 3; --encoding cp1251 reads "
			 "Windows-1251)");
	/* UTF-8 first: a Windows-1251 row after it is refused, alone */
	write_file(LIT("\xd0\xb0;1\n\xe0;2\nb;3\n"));
	read_enc(CSV_ENC_AUTO, &out);
	ck_assert_str_eq(out.p, "а|1/!2 not valid UTF-8 (at byte 1), though "
				"the rows before are UTF-8/b|3");
	/* Latin-1 is neither, whichever comes first */
	write_file(LIT("name\nM\xfc"
		       "ller\nGr\xf6\xdf"
		       "e\n"));
	read_enc(CSV_ENC_AUTO, &out);
	ck_assert_str_eq(out.p, "name/!2 neither UTF-8 nor Windows-1251 text "
				"(at byte 2; if it is Windows-1251, say "
				"--encoding cp1251)/!3 neither UTF-8 nor "
				"Windows-1251 text (at byte 3; if it is "
				"Windows-1251, say --encoding cp1251)");
	/* 0x98 is not a Windows-1251 byte */
	write_file(LIT("\xe0\x98\n"));
	read_enc(CSV_ENC_CP1251, &out);
	ck_assert_str_eq(out.p,
			 "!1 byte 0x98 is not Windows-1251 text (at byte 2)");
	/* UTF-16 is refused whole */
	write_file(LIT("\xff\xfe"
		       "a\x00,\x00"
		       "b\x00\n\x00"));
	read_enc(CSV_ENC_AUTO, &out);
	ck_assert_ptr_nonnull(strstr(out.p, "UTF-16 text is not read"));
	ck_assert_int_eq(csv_enc_parse("UTF-8", &e), 0);
	ck_assert_int_eq(e, CSV_ENC_UTF8);
	ck_assert_int_eq(csv_enc_parse("Windows-1251", &e), 0);
	ck_assert_int_eq(e, CSV_ENC_CP1251);
	ck_assert_int_eq(csv_enc_parse("auto", &e), 0);
	ck_assert_int_eq(e, CSV_ENC_AUTO);
	ck_assert_int_eq(csv_enc_parse("koi8-r", &e), -1);
	buf_release(&out);
}
END_TEST

START_TEST(file_rows)
{
	struct buf rows = BUF_INIT, lines = BUF_INIT;

	write_file(LIT("id,name,note\r\n"
		       "1,\"Smith, J\",\"line one\r\nline two\"\r\n"
		       "\r\n"
		       "2,x,\"a \"\"b\"\"\"\n"
		       "3,,\"\""));
	ck_assert_int_eq(read_all(0, &rows, &lines, NULL, 0), IN_EOF);
	ck_assert_str_eq(rows.p, "id|name|note/1|*Smith, J|*line one\r\nline "
				 "two/2|x|*a \"b\"/3||*");
	ck_assert_str_eq(lines.p, "1,2,5,6");
	buf_release(&rows);
	buf_release(&lines);
}
END_TEST

START_TEST(file_bom_semicolon)
{
	struct buf rows = BUF_INIT, lines = BUF_INIT;

	write_file(LIT("\xef\xbb\xbf"
		       "ID;TITLE;\"COMMENTS\"\n"
		       "7;\"a;b\";\"x\ny\"\n"
		       "8;plain, with comma;\n"));
	ck_assert_int_eq(read_all(0, &rows, &lines, NULL, 0), IN_EOF);
	ck_assert_str_eq(rows.p, "ID|TITLE|*COMMENTS/7|*a;b|*x\ny/8|plain, "
				 "with comma|");
	ck_assert_str_eq(lines.p, "1,2,4");
	/* a given delimiter is used as given */
	ck_assert_int_eq(read_all(',', &rows, &lines, NULL, 0), IN_EOF);
	ck_assert_str_eq(rows.p, "ID;TITLE;\"COMMENTS\"/7;\"a;b\";\"x/y\"/8;"
				 "plain| with comma;");
	buf_release(&rows);
	buf_release(&lines);
}
END_TEST

START_TEST(file_unterminated)
{
	struct buf rows = BUF_INIT, lines = BUF_INIT;
	char msg[200];

	write_file(LIT("a,b\n1,\"open\n2,3\n"));
	ck_assert_int_eq(read_all(',', &rows, &lines, msg, sizeof msg),
			 IN_EFRAME);
	ck_assert_str_eq(rows.p, "a|b");
	ck_assert_ptr_nonnull(strstr(msg, ":2: unterminated quoted field"));
	buf_release(&rows);
	buf_release(&lines);
}
END_TEST

/* A quoted field larger than the input buffer (1 MiB), and many rows. */
START_TEST(file_big)
{
	struct buf in = BUF_INIT, rows = BUF_INIT, lines = BUF_INIT;
	struct csv c;
	size_t i, big = 3u << 20;
	int r, k = 0;

	buf_adds(&in, "h1,h2\n");
	buf_adds(&in, "\"");
	for (i = 0; i < big; i++)
		buf_addc(&in, i % 1000 == 999 ? '\n' : 'x');
	buf_adds(&in, "\",end\n");
	for (i = 0; i < 100000; i++)
		buf_addf(&in, "%zu,\"q%zu\"\n", i, i);
	write_file(in.p, in.len);
	ck_assert_int_eq(csv_open(&c, path, ','), 0);
	while ((r = csv_next(&c)) == IN_OK) {
		ck_assert_uint_eq(c.row.n, 2);
		if (k == 1) {
			ck_assert_uint_eq(c.row.f[0].n, big);
			ck_assert_str_eq(c.row.f[1].p, "end");
		} else if (k >= 2) {
			char want[32];
			snprintf(want, sizeof want, "q%d", k - 2);
			ck_assert_str_eq(c.row.f[1].p, want);
		}
		k++;
	}
	ck_assert_int_eq(r, IN_EOF);
	ck_assert_int_eq(k, 100002);
	ck_assert_uint_eq(c.in.lineno, 2 + big / 1000 + 100000);
	csv_close(&c);
	buf_release(&in);
	buf_release(&rows);
	buf_release(&lines);
}
END_TEST

START_TEST(file_zstd)
{
	static const char text[] = "a,b\n\"1\n2\",3\n";
	char z[256];
	size_t zn = ZSTD_compress(z, sizeof z, text, sizeof text - 1, 3);
	struct buf rows = BUF_INIT, lines = BUF_INIT;

	ck_assert(!ZSTD_isError(zn));
	write_file(z, zn);
	ck_assert_int_eq(read_all(0, &rows, &lines, NULL, 0), IN_EOF);
	ck_assert_str_eq(rows.p, "a|b/*1\n2|3");
	ck_assert_str_eq(lines.p, "1,2");
	buf_release(&rows);
	buf_release(&lines);
}
END_TEST

START_TEST(file_empty)
{
	struct buf rows = BUF_INIT, lines = BUF_INIT;

	write_file(LIT(""));
	ck_assert_int_eq(read_all(0, &rows, &lines, NULL, 0), IN_EOF);
	ck_assert_uint_eq(rows.len, 0);
	write_file(LIT("\n\r\n\n"));
	ck_assert_int_eq(read_all(0, &rows, &lines, NULL, 0), IN_EOF);
	ck_assert_uint_eq(rows.len, 0);
	buf_release(&rows);
	buf_release(&lines);
}
END_TEST

START_TEST(open_missing)
{
	struct csv c;

	ck_assert_int_eq(csv_open(&c, "/nonexistent/x.csv", ','), -1);
	ck_assert_ptr_nonnull(strstr(c.msg, "cannot open"));
}
END_TEST

START_TEST(adopt_peeked)
{
	struct csv c;
	struct in in;
	const char *p;
	size_t n;

	write_file(LIT("\xef\xbb\xbf\nID;TITLE\n7;\"a;\nb\"\n"));
	ck_assert_int_eq(in_open(&in, path, IN_SEQ), 0);
	ck_assert_int_eq(in_peek(&in, 64, &p, &n), IN_OK);
	ck_assert_int_eq(p[0], '\n');
	csv_adopt(&c, &in, 0);
	in_close(&in);
	ck_assert_int_eq(csv_next(&c), IN_OK);
	ck_assert_int_eq(c.delim, ';');
	ck_assert_uint_eq(c.row.n, 2);
	ck_assert_str_eq(c.row.f[1].p, "TITLE");
	ck_assert_uint_eq(c.in.lineno, 2);
	ck_assert_int_eq(csv_next(&c), IN_OK);
	ck_assert_str_eq(c.row.f[1].p, "a;\nb");
	ck_assert_uint_eq(c.rawlen, 8);
	ck_assert_mem_eq(c.raw, "7;\"a;\nb\"", 8);
	ck_assert_uint_eq(c.in.lineno, 3);
	ck_assert_int_eq(csv_next(&c), IN_EOF);
	csv_close(&c);
}
END_TEST

static Suite *csv_suite(void)
{
	Suite *s = suite_create("csv");
	TCase *tc = tcase_create("split");

	tcase_add_test(tc, split_plain);
	tcase_add_test(tc, split_quoted);
	tcase_add_test(tc, split_lenient);
	tcase_add_test(tc, split_reuse);
	tcase_add_test(tc, detect);
	tcase_add_test(tc, find);
	suite_add_tcase(s, tc);
	tc = tcase_create("file");
	tcase_set_timeout(tc, 60);
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, file_rows);
	tcase_add_test(tc, encodings);
	tcase_add_test(tc, file_bom_semicolon);
	tcase_add_test(tc, file_unterminated);
	tcase_add_test(tc, file_big);
	tcase_add_test(tc, file_zstd);
	tcase_add_test(tc, file_empty);
	tcase_add_test(tc, open_missing);
	tcase_add_test(tc, adopt_peeked);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(csv_suite());
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
