/*
 * reshape - a test tool: the same NDJSON records in another shape, the one
 * PostgreSQL's text output through a script or Python's json.dumps gives.
 *
 *   reshape < IN.ndjson > OUT.ndjson
 *
 * Each record (a JSON object on one line) is written again with the same
 * meaning for pulse and its peers, and other bytes:
 *   - its members in the reverse order;
 *   - ", " between members and ": " after each key;
 *   - every non-ASCII character of a string \u-escaped (a surrogate pair
 *     above U+FFFF), '"', '\\' and control characters escaped as JSON
 *     requires;
 *   - a string that is a date and time ("2025-03-01T10:15:00Z",
 *     "2025-07-22T22:05:03+03:00", with or without a fraction) as the UTC
 *     time with a space and no zone: "2025-03-01 10:15:00" (pulse reads
 *     a naive time as UTC; the peers compare the strings);
 *   - an integer user_id as a string shaped like a UUID, distinct for
 *     distinct ids: its low 16 hex digits are a bijection of the id.
 * Other values (numbers, literals, arrays, objects) are copied as they are.
 * Deterministic: the same input gives the same bytes.  A line that is not
 * a JSON object stops it with exit 65.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "ptime.h"
#include "rec.h"
#include "utf8.h"

/* splitmix64's finaliser: a bijection of the 64-bit integers */
static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* s[0..n) as a JSON string, non-ASCII \u-escaped */
static void put_str(struct buf *o, const char *s, size_t n)
{
	size_t i = 0, k;
	unsigned long cp;

	buf_addc(o, '"');
	while (i < n) {
		unsigned char c = (unsigned char)s[i];
		if (c == '"' || c == '\\') {
			buf_addc(o, '\\');
			buf_addc(o, (char)c);
			i++;
		} else if (c < 0x20) {
			buf_addf(o, "\\u%04x", c);
			i++;
		} else if (c < 0x80) {
			buf_addc(o, (char)c);
			i++;
		} else {
			k = utf8_get((const unsigned char *)s + i, n - i, &cp);
			if (!k)
				die(EX_DATAERR, "invalid UTF-8 in a string");
			i += k;
			if (cp >= 0x10000) {
				cp -= 0x10000;
				buf_addf(o, "\\u%04lx\\u%04lx",
					 0xd800 + (cp >> 10),
					 0xdc00 + (cp & 0x3ff));
			} else {
				buf_addf(o, "\\u%04lx", cp);
			}
		}
	}
	buf_addc(o, '"');
}

/* A date and time with a 'T' as the UTC time with a space, no zone. */
static int put_time(struct buf *o, const char *s, size_t n)
{
	struct ptime t;
	int64_t y, sec;
	unsigned mo, d;

	if (n < 19 || s[10] != 'T' || ptime_parse(s, n, &t) != 0)
		return 0;
	sec = t.sec % 86400;
	if (sec < 0)
		sec += 86400;
	ptime_civil_from_days((t.sec - sec) / 86400, &y, &mo, &d);
	buf_addf(o, "\"%04lld-%02u-%02u %02lld:%02lld:%02lld", (long long)y, mo,
		 d, (long long)(sec / 3600), (long long)(sec / 60 % 60),
		 (long long)(sec % 60));
	if (t.nsec) {
		char f[16];
		int k;

		snprintf(f, sizeof f, "%09d", (int)t.nsec);
		for (k = 9; k > 1 && f[k - 1] == '0'; k--)
			;
		buf_addf(o, ".%.*s", k, f);
	}
	buf_addc(o, '"');
	return 1;
}

static void put_uuid(struct buf *o, struct json_span v)
{
	uint64_t id = (uint64_t)strtoll(v.p, NULL, 10);
	uint64_t hi = mix(id ^ 0x5bd1e9955bd1e995ULL), lo = mix(id);

	hi = (hi & ~0xf000ULL) | 0x4000ULL; /* "version 4" */
	buf_addf(o, "\"%08llx-%04llx-%04llx-%04llx-%012llx\"",
		 (unsigned long long)(hi >> 32),
		 (unsigned long long)(hi >> 16 & 0xffff),
		 (unsigned long long)(hi & 0xffff),
		 (unsigned long long)(lo >> 48),
		 (unsigned long long)(lo & 0xffffffffffffULL));
}

int main(int argc, char **argv)
{
	struct rec r = REC_INIT;
	struct buf o = BUF_INIT, dec = BUF_INIT;
	struct json_error e;
	char *line = NULL;
	size_t cap = 0, i, lineno = 0;
	ssize_t n;

	err_setprog(argv[0]);
	if (argc > 1)
		die(EX_USAGE, "usage: reshape < IN.ndjson > OUT.ndjson");
	while ((n = getline(&line, &cap, stdin)) > 0) {
		lineno++;
		if (line[n - 1] == '\n')
			n--;
		if (rec_parse(&r, line, (size_t)n, &e) < 0)
			die(EX_DATAERR, "-:%zu: %s", lineno, e.msg);
		buf_reset(&o);
		buf_addc(&o, '{');
		for (i = r.nf; i-- > 0;) {
			struct json_span k = r.f[i].key, v = r.f[i].val;

			buf_reset(&dec);
			json_str_decode(k, &dec);
			put_str(&o, dec.p ? dec.p : "", dec.len);
			buf_add(&o, ": ", 2);
			if (v.type == JSON_STRING) {
				buf_reset(&dec);
				json_str_decode(v, &dec);
				if (!put_time(&o, dec.p ? dec.p : "", dec.len))
					put_str(&o, dec.p ? dec.p : "",
						dec.len);
			} else if (v.type == JSON_NUMBER && dec.len == 7 &&
				   memcmp(dec.p, "user_id", 7) == 0 &&
				   strspn(v.p, "0123456789") == v.n) {
				put_uuid(&o, v);
			} else {
				buf_add(&o, v.p, v.n);
			}
			if (i)
				buf_add(&o, ", ", 2);
		}
		buf_add(&o, "}\n", 2);
		if (fwrite(o.p, 1, o.len, stdout) != o.len)
			die(EX_IOERR, "write: %s", strerror(errno));
	}
	if (ferror(stdin))
		die(EX_IOERR, "read: %s", strerror(errno));
	if (fflush(stdout) != 0)
		die(EX_IOERR, "write: %s", strerror(errno));
	free(line);
	buf_release(&o);
	buf_release(&dec);
	rec_release(&r);
	return 0;
}
