/* fuzz_extract.c - what pulse-extract's fuzz targets share; see the .h. */
#include "fuzz_extract.h"

#include <string.h>
#include <unistd.h>

#include "err.h"
#include "ptime.h"
#include "utf8.h"

static char tmp_path[8][64];

static void fx_bad(struct report *r, const char *where, uint64_t line,
		   const char *raw, size_t rawlen, const char *msg)
{
	struct fuzz_extract_report *fr = (struct fuzz_extract_report *)r;

	(void)line;
	CHECK(where && *where);
	CHECK(msg && *msg);
	CHECK(raw || rawlen == 0);
	fr->n++;
}

void fuzz_extract_report_init(struct fuzz_extract_report *fr)
{
	fr->r.bad = fx_bad;
	fr->r.arg = fr;
	fr->n = 0;
}

const char *fuzz_extract_tmp(int slot, const void *data, size_t size)
{
	FILE *f;
	int fd;

	if (!tmp_path[slot][0]) {
		snprintf(tmp_path[slot], sizeof tmp_path[slot],
			 "/tmp/pulse-fuzz.XXXXXX");
		fd = mkstemp(tmp_path[slot]);
		CHECK(fd >= 0);
		close(fd);
	}
	f = fopen(tmp_path[slot], "wb");
	CHECK(f != NULL);
	CHECK(fwrite(data, 1, size, f) == size);
	CHECK(fclose(f) == 0);
	return tmp_path[slot];
}

/* libFuzzer calls nothing at exit; the temporary files go here. */
__attribute__((destructor)) static void fuzz_cleanup(void)
{
	int i;

	for (i = 0; i < 8; i++)
		if (tmp_path[i][0])
			unlink(tmp_path[i]);
}

static int same_key(struct json_span a, struct json_span b, struct buf *s1,
		    struct buf *s2)
{
	buf_reset(s1);
	buf_reset(s2);
	json_str_decode(a, s1);
	json_str_decode(b, s2);
	return s1->len == s2->len &&
	       (!s1->len || !memcmp(s1->p, s2->p, s1->len));
}

size_t fuzz_extract_records(const struct buf *out,
			    void (*fn)(const struct rec *r, void *arg),
			    void *arg)
{
	static struct rec rec;
	static struct buf s1, s2;
	struct json_error e;
	const char *p, *end, *nl;
	size_t n = 0, i, j;

	if (!out->len)
		return 0;
	p = out->p;
	end = out->p + out->len;
	CHECK(out->p[out->len - 1] == '\n');
	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		CHECK(nl != NULL);
		CHECK(utf8_valid(p, (size_t)(nl - p)) == (size_t)(nl - p));
		CHECK(rec_parse(&rec, p, (size_t)(nl - p), &e) == 0);
		for (i = 0; i < rec.nf; i++)
			for (j = i + 1; j < rec.nf; j++)
				if (same_key(rec.f[i].key, rec.f[j].key, &s1,
					     &s2)) {
					fprintf(stderr, "%.*s\n", (int)(nl - p),
						p);
					CHECK(!"a member named twice");
				}
		if (fn)
			fn(&rec, arg);
		n++;
		p = nl + 1;
	}
	return n;
}

void fuzz_extract_str(const struct rec *r, const char *key)
{
	CHECK(rec_get(r, key).type == JSON_STRING);
}

void fuzz_extract_str_or_null(const struct rec *r, const char *key)
{
	struct json_span v = rec_get(r, key);

	CHECK(v.type == JSON_STRING || v.type == JSON_NULL);
}

void fuzz_extract_int(const struct rec *r, const char *key)
{
	int64_t i;

	CHECK(json_to_i64(rec_get(r, key), &i) == 0);
}

void fuzz_extract_time(const struct rec *r, const char *key, int null_ok)
{
	static struct buf s;
	struct json_span v = rec_get(r, key);
	struct ptime t;
	const char *p;
	size_t n;

	if (null_ok && v.type == JSON_NULL)
		return;
	CHECK(v.type == JSON_STRING);
	CHECK(json_str_view(v, &s, &p, &n) == 0);
	CHECK(ptime_parse(p, n, &t) == 0);
}

void fuzz_extract_enum(const struct rec *r, const char *key, int null_ok,
		       const char *const *values)
{
	struct json_span v = rec_get(r, key);

	if (null_ok && v.type == JSON_NULL)
		return;
	CHECK(v.type == JSON_STRING);
	for (; *values; values++)
		if (json_str_eq(v, *values, strlen(*values)))
			return;
	CHECK(!"a value not of its set");
}

int fuzz_extract_is(const struct rec *r, const char *key, const char *s)
{
	struct json_span v = rec_get(r, key);

	return v.type == JSON_STRING && json_str_eq(v, s, strlen(s));
}

void fuzz_extract_status(int st, const struct buf *err)
{
	CHECK(st == 0 || st == EX_DATAERR);
	if (st)
		CHECK(err->len > 0 && err->p[0]);
}
