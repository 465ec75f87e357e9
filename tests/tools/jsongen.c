/*
 * jsongen - a test tool: seeded random NDJSON records, and mutations.
 *
 *   jsongen [--seed N] [--count N] [--canonical]
 *   jsongen --mutate [--seed N] [--per-line N] < lines
 *
 * Generates --count (default 1000) JSON objects, one per line, from --seed
 * (default 1): nested values, every escape, raw and \u-escaped non-ASCII
 * (astral plane as raw UTF-8 and as surrogate pairs), numbers of many
 * forms, duplicate and escaped keys, whitespace everywhere JSON allows it.
 * Numbers stay within ±1e300 so that every tool reads the same double.
 *
 * --canonical writes what `jq -c .` would print for the same record: no
 * whitespace inside values (only around the top-level members), no
 * duplicate keys, strings escaped the way jq 1.6 escapes them, integers
 * and short decimals only.  A record-copying stage must then reproduce
 * `jq -c .` byte for byte.
 *
 * --mutate reads lines and writes --per-line (default 4) mutants of each:
 * bytes replaced, inserted or deleted, the line cut short, a piece
 * repeated.  A mutant never contains a newline and is never blank, so
 * line N of the output is mutant N for every reader.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545f4914f6cdd1dULL;
}

static unsigned below(unsigned n)
{
	return (unsigned)(rnd() % n);
}

static int chance(unsigned pct)
{
	return below(100) < pct;
}

struct gen {
	int canonical;
	struct buf *b;
};

static void ws(struct gen *g, int top)
{
	static const char *const sp[] = {" ", "  ", "\t", " \t ", "\r", "   "};

	if (g->canonical && !top)
		return;
	if (chance(25))
		buf_adds(g->b, sp[below(sizeof sp / sizeof sp[0])]);
}

static void put_utf8(struct buf *b, uint32_t cp)
{
	if (cp < 0x80) {
		buf_addc(b, (char)cp);
	} else if (cp < 0x800) {
		buf_addc(b, (char)(0xc0 | cp >> 6));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else if (cp < 0x10000) {
		buf_addc(b, (char)(0xe0 | cp >> 12));
		buf_addc(b, (char)(0x80 | (cp >> 6 & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	} else {
		buf_addc(b, (char)(0xf0 | cp >> 18));
		buf_addc(b, (char)(0x80 | (cp >> 12 & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp >> 6 & 0x3f)));
		buf_addc(b, (char)(0x80 | (cp & 0x3f)));
	}
}

/* A code point that is not a surrogate, from several ranges. */
static uint32_t random_cp(void)
{
	switch (below(6)) {
	case 0:
		return 0x80 + below(0x780); /* 2 bytes */
	case 1:
		return 0x800 + below(0xd800 - 0x800); /* 3 bytes */
	case 2:
		return 0xe000 + below(0x2000); /* 3 bytes, after */
	case 3:
		return 0x10000 + below(0x100000); /* astral */
	case 4:
		return 0x1f600 + below(0x50); /* emoji */
	default:
		return 0x410 + below(0x40); /* Cyrillic */
	}
}

/* One character of string content, written as the generator likes. */
static void str_char(struct gen *g)
{
	static const char *const esc[] = {"\\\"", "\\\\", "\\/", "\\b",
					  "\\f",  "\\n",  "\\r", "\\t"};
	static const char *const words[] = {"<p>", "</p>", "Hello", " ", "a",
					    "Z",   "0",	   "&amp;", "{", "]",
					    ",",   ":",	   "'"};
	struct buf *b = g->b;
	uint32_t cp;

	switch (below(10)) {
	case 0: /* a short escape */
		if (g->canonical) {
			static const char *const cesc[] = {
				"\\\"", "\\\\", "\\b", "\\f",
				"\\n",	"\\r",	"\\t"};
			buf_adds(b, cesc[below(7)]);
		} else {
			buf_adds(b, esc[below(8)]);
		}
		break;
	case 1: /* a control character, or DEL, as \u00XX */
		cp = below(3) ? below(0x20) : 0x7f;
		if (g->canonical &&
		    (cp == 8 || cp == 9 || cp == 10 || cp == 12 || cp == 13))
			cp = 0x1f;
		buf_addf(b, g->canonical || chance(50) ? "\\u%04x" : "\\u%04X",
			 cp);
		break;
	case 2: /* raw UTF-8 */
		put_utf8(b, random_cp());
		break;
	case 3: /* \u-escaped BMP or a surrogate pair */
		cp = random_cp();
		if (g->canonical) {
			put_utf8(b, cp);
		} else if (cp >= 0x10000) {
			cp -= 0x10000;
			buf_addf(b,
				 chance(50) ? "\\u%04x\\u%04x"
					    : "\\u%04X\\u%04X",
				 0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
		} else {
			buf_addf(b, chance(50) ? "\\u%04x" : "\\u%04X", cp);
		}
		break;
	case 4: /* printable ASCII escaped for no reason */
		if (g->canonical)
			buf_addc(b, (char)('a' + below(26)));
		else
			buf_addf(b, "\\u%04x", 0x20 + below(0x5f));
		break;
	case 5:
		buf_adds(b, words[below(sizeof words / sizeof words[0])]);
		break;
	default:
		buf_addc(b,
			 (char)(below(3) ? 'a' + below(26) : ' ' + below(95)));
		if (b->p[b->len - 1] == '"' || b->p[b->len - 1] == '\\')
			b->p[b->len - 1] = '_';
		break;
	}
}

static void string(struct gen *g, unsigned maxlen)
{
	unsigned n = below(maxlen + 1), i;

	buf_addc(g->b, '"');
	for (i = 0; i < n; i++)
		str_char(g);
	buf_addc(g->b, '"');
}

static void digits(struct buf *b, unsigned n)
{
	while (n--)
		buf_addc(b, (char)('0' + below(10)));
}

static void number(struct gen *g)
{
	struct buf *b = g->b;

	if (g->canonical) {
		static const char *const dec[] = {"1.5", "-0.25", "3.125",
						  "0.5", "-2.75", "100.5"};
		switch (below(4)) {
		case 0:
			buf_addf(b, "%u", below(10));
			break;
		case 1:
			buf_addf(b, "-%u", 1 + below(100000));
			break;
		case 2:
			buf_addf(b, "%llu",
				 (unsigned long long)(rnd() %
						      1000000000000000ULL));
			break;
		default:
			buf_adds(b, dec[below(6)]);
			break;
		}
		return;
	}
	if (chance(30))
		buf_addc(b, '-');
	switch (below(8)) {
	case 0:
		buf_addc(b, '0');
		break;
	case 1: /* an integer, maybe beyond 2^53 or int64 */
		buf_addc(b, (char)('1' + below(9)));
		digits(b, below(25));
		break;
	default:
		if (chance(40)) {
			buf_addc(b, '0');
		} else {
			buf_addc(b, (char)('1' + below(9)));
			digits(b, below(6));
		}
		if (chance(60)) {
			buf_addc(b, '.');
			digits(b, 1 + below(12));
		}
		if (chance(50)) {
			buf_addc(b, chance(50) ? 'e' : 'E');
			if (chance(60))
				buf_addc(b, chance(50) ? '+' : '-');
			if (chance(20))
				buf_addc(b, '0');
			buf_addf(b, "%u", below(chance(80) ? 20 : 290));
		}
		break;
	}
}

static void value(struct gen *g, int depth);

/* A key from a small pool, so duplicates happen; maybe escaped. */
static void key(struct gen *g, int idx, int allow_dup)
{
	static const char *const pool[] = {"id",
					   "body",
					   "subject",
					   "date",
					   "a",
					   "b",
					   "k",
					   "x y",
					   "\xc3\xa9t\xc3\xa9",
					   "\xd0\xb8\xd0\xbc\xd1\x8f",
					   "\xf0\x9f\x98\x80",
					   "",
					   "author_id",
					   "tags"};
	const char *k;
	size_t i, n;

	if (!allow_dup) {
		/* unique: the member's index makes it so */
		buf_addf(g->b, "\"k%d", idx);
		if (chance(30))
			buf_adds(g->b, "\xc3\xa9");
		buf_addc(g->b, '"');
		return;
	}
	if (chance(20)) {
		string(g, 6);
		return;
	}
	k = pool[below(sizeof pool / sizeof pool[0])];
	n = strlen(k);
	buf_addc(g->b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)k[i];
		if (c < 0x80 && chance(15))
			buf_addf(g->b, "\\u%04x", c);
		else
			buf_addc(g->b, (char)c);
	}
	buf_addc(g->b, '"');
}

static void object(struct gen *g, int depth, int top)
{
	unsigned n = top ? 1 + below(14) : below(5), i;
	int dup = !g->canonical;

	buf_addc(g->b, '{');
	ws(g, top);
	for (i = 0; i < n; i++) {
		if (i) {
			ws(g, top);
			buf_addc(g->b, ',');
			ws(g, top);
		}
		key(g, (int)i, dup);
		ws(g, top);
		buf_addc(g->b, ':');
		ws(g, top);
		value(g, depth + 1);
	}
	ws(g, top);
	buf_addc(g->b, '}');
}

static void array(struct gen *g, int depth)
{
	unsigned n = below(5), i;

	buf_addc(g->b, '[');
	ws(g, 0);
	for (i = 0; i < n; i++) {
		if (i) {
			ws(g, 0);
			buf_addc(g->b, ',');
			ws(g, 0);
		}
		value(g, depth + 1);
	}
	ws(g, 0);
	buf_addc(g->b, ']');
}

static void value(struct gen *g, int depth)
{
	unsigned k = below(depth >= 4 ? 6 : 10);

	switch (k) {
	case 0:
		buf_adds(g->b, "null");
		break;
	case 1:
		buf_adds(g->b, chance(50) ? "true" : "false");
		break;
	case 2:
	case 3:
		number(g);
		break;
	case 4:
	case 5:
		string(g, chance(10) ? 200 : 12);
		break;
	case 6:
	case 7:
		array(g, depth);
		break;
	default:
		object(g, depth, 0);
		break;
	}
}

/* ---- mutation ------------------------------------------------------------ */

static const char *const interesting[] = {
	"\"",
	"\\",
	"{",
	"}",
	"[",
	"]",
	",",
	":",
	" ",
	"0",
	"1",
	"-",
	"+",
	".",
	"e",
	"E",
	"u",
	"x",
	"t",
	"n",
	"f",
	"\\u",
	"\\ud800",
	"\\udc00",
	"\x00",
	"\x01",
	"\x1f",
	"\x7f",
	"\x80",
	"\xbf",
	"\xc0",
	"\xc3",
	"\xe2\x82",
	"\xed\xa0\x80",
	"\xf0\x9f\x98",
	"\xf4\x90\x80\x80",
	"\xff",
	"\xef\xbb\xbf",
	"\r",
	"\t",
	"nan",
	"NaN",
	"Infinity",
	"01",
	".5",
	"1.",
	"true",
	"null",
	"\"\"",
	"{}",
	"[]",
	"/",
	"'",
};

static void mutate(const char *line, size_t n, struct buf *out)
{
	size_t pos, i, len;
	const char *ins;

	buf_reset(out);
	pos = n ? below((unsigned)n) : 0;
	ins = interesting[below(sizeof interesting / sizeof interesting[0])];
	len = strlen(ins);
	if (ins[0] == '\0')
		len = 1; /* the NUL byte */
	switch (below(6)) {
	case 0: /* replace one byte */
		buf_add(out, line, n);
		if (n)
			out->p[pos] = ins[0];
		break;
	case 1: /* insert */
		buf_add(out, line, pos);
		buf_add(out, ins, len);
		buf_add(out, line + pos, n - pos);
		break;
	case 2: /* delete a byte or a few */
		len = 1 + below(3);
		if (pos + len > n)
			len = n - pos;
		buf_add(out, line, pos);
		buf_add(out, line + pos + len, n - pos - len);
		break;
	case 3: /* cut short */
		buf_add(out, line, pos);
		break;
	case 4: /* flip a bit */
		buf_add(out, line, n);
		if (n)
			out->p[pos] ^= (char)(1 << below(8));
		break;
	default: /* repeat a piece */
		len = 1 + below(8);
		if (pos + len > n)
			len = n - pos;
		buf_add(out, line, pos + len);
		buf_add(out, line + pos, n - pos);
		break;
	}
	for (i = 0; i < out->len; i++)
		if (out->p[i] == '\n')
			out->p[i] = ' ';
	for (i = 0; i < out->len; i++)
		if (out->p[i] != ' ' && out->p[i] != '\t' && out->p[i] != '\r')
			break;
	if (i == out->len)
		buf_addc(out, 'x'); /* never blank */
}

static int run_mutate(unsigned per_line)
{
	struct buf out = BUF_INIT;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned k;

	while ((n = getline(&line, &cap, stdin)) > 0) {
		if (line[n - 1] == '\n')
			n--;
		for (k = 0; k < per_line; k++) {
			mutate(line, (size_t)n, &out);
			fwrite(out.p, 1, out.len, stdout);
			putchar('\n');
		}
	}
	free(line);
	buf_release(&out);
	return 0;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: jsongen [--seed N] [--count N] [--canonical]\n"
		"       jsongen --mutate [--seed N] [--per-line N] < lines\n");
	exit(EX_USAGE);
}

int main(int argc, char **argv)
{
	struct buf b = BUF_INIT;
	struct gen g = {0, &b};
	unsigned long count = 1000, i, per_line = 4;
	int mut = 0, a;

	err_setprog(argv[0]);
	rng_state = 1;
	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--canonical") == 0)
			g.canonical = 1;
		else if (strcmp(argv[a], "--mutate") == 0)
			mut = 1;
		else if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc)
			rng_state =
				strtoull(argv[++a], NULL, 10) * 2654435761ULL +
				1;
		else if (strcmp(argv[a], "--count") == 0 && a + 1 < argc)
			count = strtoul(argv[++a], NULL, 10);
		else if (strcmp(argv[a], "--per-line") == 0 && a + 1 < argc)
			per_line = strtoul(argv[++a], NULL, 10);
		else
			usage();
	}
	if (mut)
		return run_mutate((unsigned)per_line);
	for (i = 0; i < count; i++) {
		buf_reset(&b);
		ws(&g, 1);
		object(&g, 0, 1);
		ws(&g, 1);
		buf_addc(&b, '\n');
		fwrite(b.p, 1, b.len, stdout);
	}
	buf_release(&b);
	if (fflush(stdout) || ferror(stdout))
		die(EX_IOERR, "cannot write the output");
	return 0;
}
