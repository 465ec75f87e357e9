/*
 * record_fuzz.c - libFuzzer target for the record layer (make fuzz).
 *
 * The input is split into lines as IN_LINES would, and each line goes
 * through rec_parse(), json_validate(), the string decoders, the number
 * conversions, json_iter and rec_out_emit(), with these invariants:
 *
 *  - whatever rec_parse() accepts, json_validate() accepts, and a line
 *    json_validate() accepts that starts with '{' rec_parse() accepts;
 *  - every member's key and value spans lie inside the line and validate
 *    on their own; decoding a string never yields more bytes than its raw
 *    length; json_str_eq() agrees with the decoded bytes; rec_get() of a
 *    decoded key finds the last member with that key, and rec_pick()
 *    what rec_get() finds;
 *  - rec_out_emit() of an accepted record with no own members re-parses
 *    to the same members byte for byte; with own members set, each
 *    appears exactly once with the value set;
 *  - jw_str() of any bytes is valid JSON;
 *  - error offsets lie within the line.
 *
 * Read with rec_take() as the reader's parser, the records and lines
 * are those read without it, and a record it took has rec_parse()'s
 * members.
 *
 * The whole input is also read through in_open()/in_next() from a
 * temporary file in IN_AUTO and IN_SEQ framing, as the programs read it
 * (a record that does not parse goes to in_resync(), bad bytes between
 * records are read past): every record handed out lies in the reader's
 * buffer, in_resync() keeps at most the record, and there are never more
 * records than bytes (each consumes at least one).
 *
 * tests/fuzz/fuzz_replay.c runs the same function over the corpus during
 * `make check`, without clang.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "in.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "rec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",       \
				__FILE__, __LINE__, #c);                       \
			abort();                                               \
		}                                                              \
	} while (0)

/* Reused between inputs: the harness, not the library, keeps state. */
static struct rec rec, rec2, rec3;
static struct rec_out out;
static struct buf dst, dec, dec2, scratch;

static int inside(const char *p, size_t n, const char *base, size_t len)
{
	return p >= base && n <= len && (size_t)(p - base) <= len - n;
}

static void check_string(struct json_span s)
{
	const char *p;
	size_t n;

	CHECK(s.type == JSON_STRING && s.n >= 2);
	buf_reset(&dec);
	CHECK(json_str_decode(s, &dec) == 0);
	CHECK(dec.len <= s.n - 2);
	CHECK(json_str_eq(s, dec.p, dec.len) == 1);
	CHECK(json_str_view(s, &scratch, &p, &n) == 0);
	CHECK(n == dec.len && memcmp(p, dec.p, n) == 0);
	CHECK(!(s.flags & JSON_F_ESC) == !memchr(s.p, '\\', s.n));
}

static void check_value(struct json_span v, int depth)
{
	struct json_error e;
	struct json_iter it;
	struct json_span k, x;
	int64_t i64;
	double d;

	CHECK(json_validate(v.p, v.n, &e) == 0);
	switch (v.type) {
	case JSON_STRING:
		check_string(v);
		break;
	case JSON_NUMBER:
		CHECK(json_to_double(v, &d) == 0);
		if (json_to_i64(v, &i64) == 0)
			CHECK(!memchr(v.p, '.', v.n) &&
			      !memchr(v.p, 'e', v.n) && !memchr(v.p, 'E', v.n));
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		if (depth > 8)
			break;
		CHECK(json_iter_init(&it, v) == 0);
		while (json_iter_next(&it, &k, &x)) {
			CHECK(inside(x.p, x.n, v.p, v.n));
			if (v.type == JSON_OBJECT)
				check_string(k);
			check_value(x, depth + 1);
		}
		break;
	case JSON_NULL:
	case JSON_TRUE:
	case JSON_FALSE:
		break;
	default:
		CHECK(!"a value of no type");
	}
}

/* The index of the last member whose decoded key is dec2's bytes. */
static size_t last_with_key(const struct rec *r)
{
	size_t i = r->nf, found = (size_t)-1;

	while (i-- > 0) {
		buf_reset(&dec);
		json_str_decode(r->f[i].key, &dec);
		if (dec.len == dec2.len &&
		    memcmp(dec.p, dec2.p, dec.len) == 0) {
			found = i;
			break;
		}
	}
	return found;
}

static void check_emit(const struct rec *r)
{
	struct json_error e;
	size_t i, seen;

	/* a plain copy re-parses to the same members */
	rec_out_reset(&out);
	buf_reset(&dst);
	rec_out_emit(&out, r, &dst);
	CHECK(dst.len >= 3 && dst.p[dst.len - 1] == '\n');
	CHECK(rec_parse(&rec2, dst.p, dst.len - 1, &e) == 0);
	CHECK(rec2.nf == r->nf);
	for (i = 0; i < r->nf; i++) {
		CHECK(rec2.f[i].key.n == r->f[i].key.n &&
		      memcmp(rec2.f[i].key.p, r->f[i].key.p, r->f[i].key.n) ==
			      0);
		CHECK(rec2.f[i].val.n == r->f[i].val.n &&
		      memcmp(rec2.f[i].val.p, r->f[i].val.p, r->f[i].val.n) ==
			      0);
	}
	/* own members: the first key of the record, "" and a new one */
	rec_out_reset(&out);
	buf_reset(&dst);
	buf_reset(&dec2);
	if (r->nf)
		json_str_decode(r->f[0].key, &dec2);
	buf_addc(&dec2, '\0'); /* rec_out keys are C strings */
	rec_out_i64(&out, dec2.p, 7);
	rec_out_cstr(&out, "", "x");
	rec_out_raw(&out, "zz-new", "[1]", 3);
	rec_out_emit(&out, r, &dst);
	CHECK(rec_parse(&rec2, dst.p, dst.len - 1, &e) == 0);
	dec2.len = strlen(dec2.p);
	seen = 0;
	for (i = 0; i < rec2.nf; i++)
		if (json_str_eq(rec2.f[i].key, dec2.p, dec2.len))
			seen++;
	CHECK(seen == 1);
	/* each set key once, with the value set last */
	if (dec2.len && strcmp(dec2.p, "zz-new") != 0) {
		struct json_span v = rec_getn(&rec2, dec2.p, dec2.len);
		CHECK(v.n == 1 && v.p[0] == '7');
	}
	CHECK(json_str_eq(rec_get(&rec2, ""), "x", 1));
	CHECK(rec_get(&rec2, "zz-new").n == 3);
	for (i = 0, seen = 0; i < rec2.nf; i++)
		seen += json_str_eq(rec2.f[i].key, "", 0);
	CHECK(seen == 1);
}

/* rec_pick() finds what rec_get() finds, for a set of usual names */
static void check_pick(const struct rec *r)
{
	static const char *const names[] = {
		"", "a", "id", "kind", "ts", "user_id", "\xc3\xa9", "a", "b",
	};
	static struct rec_keys ks;
	static int init;
	struct json_span got[REC_KEYS_MAX], v;
	size_t i;

	if (!init) {
		rec_keys_init(&ks, names, sizeof names / sizeof names[0]);
		init = 1;
	}
	rec_pick(r, &ks, got);
	for (i = 0; i < ks.n; i++) {
		v = rec_get(r, names[i]);
		CHECK(got[i].type == v.type && got[i].p == v.p &&
		      got[i].n == v.n);
	}
}

static void check_line(const char *p, size_t n)
{
	struct json_error e1, e2;
	const char *q = p, *end = p + n;
	size_t i, j;
	int parsed, valid;

	e1.off = e2.off = 0;
	parsed = rec_parse(&rec, p, n, &e1) == 0;
	valid = json_validate(p, n, &e2) == 0;
	if (!parsed)
		CHECK(e1.off <= n);
	if (!valid)
		CHECK(e2.off <= n);
	while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
		q++;
	CHECK(parsed == (valid && q < end && *q == '{'));
	if (parsed) {
		for (i = 0; i < rec.nf; i++) {
			CHECK(inside(rec.f[i].key.p, rec.f[i].key.n, p, n));
			CHECK(inside(rec.f[i].val.p, rec.f[i].val.n, p, n));
			check_string(rec.f[i].key);
			check_value(rec.f[i].val, 0);
			/* rec_get answers the last member with this key */
			buf_reset(&dec2);
			json_str_decode(rec.f[i].key, &dec2);
			j = last_with_key(&rec);
			CHECK(j != (size_t)-1 && j >= i);
			struct json_span v = rec_getn(&rec, dec2.p, dec2.len);
			CHECK(v.p == rec.f[j].val.p && v.n == rec.f[j].val.n);
		}
		check_pick(&rec);
		check_emit(&rec);
	}
	/* the writer makes valid JSON of anything */
	buf_reset(&dst);
	jw_str(&dst, p, n);
	CHECK(json_validate(dst.p, dst.len, &e1) == 0);
	/* times: whatever parses formats and parses back */
	struct ptime t, t2;
	char tb[32];
	if (ptime_parse(p, n, &t) == 0 && t.sec > -62135596800LL &&
	    t.sec < 253402300800LL) {
		ptime_fmt_utc(tb, t.sec);
		CHECK(ptime_parse(tb, 20, &t2) == 0 && t2.sec == t.sec);
	}
}

static char tmp_path[64];

/*
 * Reading the file written by check_framing() with rec_take() as the
 * reader's parser (in->parse) hands out what reading without it does:
 * the same statuses, records and lines; a record the parser took has the
 * members rec_parse() finds in it.
 */
static void check_parsed(enum in_mode mode)
{
	struct in a, b;
	const char *pa, *pb;
	size_t na, nb, i;
	int sa, sb;
	struct json_error e;

	CHECK(in_open(&a, tmp_path, mode) == 0);
	CHECK(in_open(&b, tmp_path, mode) == 0);
	b.parse = rec_take;
	b.parse_arg = &rec3;
	for (;;) {
		sa = in_next(&a, &pa, &na);
		sb = in_next(&b, &pb, &nb);
		CHECK(sa == sb);
		if (sa != IN_OK && sa != IN_EBAD)
			break;
		CHECK(na == nb && memcmp(pa, pb, na) == 0);
		CHECK(a.lineno == b.lineno && a.multiline == b.multiline);
		if (sa == IN_OK && b.parsed) {
			CHECK(rec_parse(&rec, pa, na, &e) == 0);
			CHECK(rec.nf == rec3.nf);
			for (i = 0; i < rec.nf; i++) {
				CHECK(rec.f[i].key.p - pa ==
				      rec3.f[i].key.p - pb);
				CHECK(rec.f[i].key.n == rec3.f[i].key.n);
				CHECK(rec.f[i].val.p - pa ==
				      rec3.f[i].val.p - pb);
				CHECK(rec.f[i].val.n == rec3.f[i].val.n);
				CHECK(rec.f[i].val.type == rec3.f[i].val.type);
			}
		}
		if (sa == IN_OK && rec_parse(&rec, pa, na, &e) < 0) {
			CHECK(in_resync(&a, pa, na, e.off) ==
			      in_resync(&b, pb, nb, e.off));
		}
	}
	in_close(&a);
	in_close(&b);
}

static void check_framing(const uint8_t *data, size_t size, enum in_mode mode)
{
	struct in in;
	const char *p;
	size_t n;
	uint64_t count = 0;
	int fd, st;

	if (!tmp_path[0]) {
		snprintf(tmp_path, sizeof tmp_path, "/tmp/pulse-fuzz.XXXXXX");
		fd = mkstemp(tmp_path);
		CHECK(fd >= 0);
		close(fd);
	}
	FILE *f = fopen(tmp_path, "wb");
	CHECK(f != NULL);
	CHECK(fwrite(data, 1, size, f) == size);
	CHECK(fclose(f) == 0);
	CHECK(in_open(&in, tmp_path, mode) == 0);
	while ((st = in_next(&in, &p, &n)) == IN_OK || st == IN_EBAD) {
		struct json_error e;
		size_t k;

		CHECK(inside(p, n, in.buf, in.end));
		CHECK(++count <= size);
		CHECK(in.lineno >= 1);
		if (st == IN_EBAD)
			continue;
		if (count <= 64)
			check_line(p, n);
		if (rec_parse(&rec, p, n, &e) < 0) {
			k = in_resync(&in, p, n, e.off);
			CHECK(k <= n);
		}
	}
	CHECK(st == IN_EOF || st == IN_EFRAME || st == IN_EZSTD);
	CHECK(in_next(&in, &p, &n) <= 0); /* the end stays the end */
	in_close(&in);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *p = (const char *)data, *end = p + size, *nl;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			nl = end;
		check_line(p, (size_t)(nl - p));
		p = nl + 1;
	}
	check_framing(data, size, IN_AUTO);
	check_framing(data, size, IN_SEQ);
	check_parsed(IN_AUTO);
	check_parsed(IN_SEQ);
	return 0;
}

/* libFuzzer calls nothing at exit; the temporary file goes here. */
__attribute__((destructor)) static void fuzz_cleanup(void)
{
	if (tmp_path[0])
		unlink(tmp_path);
}
