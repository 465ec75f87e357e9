/*
 * recbench - a test tool: how fast lib/ reads records.
 *
 *   recbench [--repeat N] [--only MEASURE] FILE
 *
 * Reads FILE (NDJSON, plain or zstd) and times, best of N (default 3):
 *   in_next      lines framing alone (read(2), buffer, memchr);
 *   +rec_parse   the same, each line parsed and its members indexed;
 *   rec_parse    rec_parse alone over the lines already in memory;
 *   validate     json_validate alone over the lines in memory;
 *   +decode      rec_parse then json_str_decode of every string member.
 * Prints MB/s (10^6 bytes of input per second) per measure, of the
 * process's CPU time (not wall: on a shared machine other work would
 * count).  --only NAME runs that measure alone (for perf record).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "in.h"
#include "rec.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct line {
	const char *p;
	size_t n;
};

static struct line *lines;
static size_t nlines;
static struct buf text = BUF_INIT;

static void load(const char *path)
{
	struct in in;
	const char *p;
	size_t n, i, off = 0;
	size_t *offs = NULL, cap = 0;

	if (in_open(&in, path, IN_LINES) < 0)
		die(EX_NOINPUT, "%s", in.msg);
	while (in_next(&in, &p, &n) == IN_OK) {
		if (nlines == cap) {
			cap = cap ? cap * 2 : 1024;
			offs = xrealloc(offs, cap * 2 * sizeof *offs);
		}
		offs[2 * nlines] = text.len;
		offs[2 * nlines + 1] = n;
		buf_add(&text, p, n);
		nlines++;
	}
	in_close(&in);
	lines = xmalloc((nlines ? nlines : 1) * sizeof *lines);
	for (i = 0; i < nlines; i++) {
		off = offs[2 * i];
		lines[i].p = text.p + off;
		lines[i].n = offs[2 * i + 1];
	}
	free(offs);
}

/* One pass of measure m; @return bytes of input covered. */
static size_t pass(int m, const char *path, struct rec *r, struct buf *dec,
		   size_t *bad)
{
	struct json_error e;
	struct in in;
	const char *p;
	size_t n, i, bytes = 0, f;

	*bad = 0;
	if (m <= 1) {
		if (in_open(&in, path, IN_LINES) < 0)
			die(EX_NOINPUT, "%s", in.msg);
		while (in_next(&in, &p, &n) == IN_OK) {
			bytes += n + 1;
			if (m == 1 && rec_parse(r, p, n, &e) < 0)
				++*bad;
		}
		in_close(&in);
		return bytes;
	}
	for (i = 0; i < nlines; i++) {
		bytes += lines[i].n + 1;
		if (m == 2) {
			if (rec_parse(r, lines[i].p, lines[i].n, &e) < 0)
				++*bad;
		} else if (m == 3) {
			if (json_validate(lines[i].p, lines[i].n, &e) < 0)
				++*bad;
		} else {
			if (rec_parse(r, lines[i].p, lines[i].n, &e) < 0) {
				++*bad;
				continue;
			}
			for (f = 0; f < r->nf; f++) {
				if (r->f[f].val.type != JSON_STRING)
					continue;
				buf_reset(dec);
				json_str_decode(r->f[f].val, dec);
			}
		}
	}
	return bytes;
}

int main(int argc, char **argv)
{
	static const char *const names[] = {"in_next", "in_next+rec_parse",
					    "rec_parse", "json_validate",
					    "rec_parse+decode"};
	struct rec r = REC_INIT;
	struct buf dec = BUF_INIT;
	int repeat = 3, m, k, a = 1, only = -1;
	size_t bytes = 0, bad = 0;

	err_setprog(argv[0]);
	for (;;) {
		if (argc > a + 1 && strcmp(argv[a], "--repeat") == 0) {
			repeat = atoi(argv[a + 1]);
			a += 2;
		} else if (argc > a + 1 && strcmp(argv[a], "--only") == 0) {
			for (m = 0; m < 5; m++)
				if (strcmp(argv[a + 1], names[m]) == 0)
					only = m;
			if (only < 0)
				die(EX_USAGE, "no measure %s", argv[a + 1]);
			a += 2;
		} else {
			break;
		}
	}
	if (a != argc - 1 || repeat < 1)
		die(EX_USAGE,
		    "usage: recbench [--repeat N] [--only MEASURE] FILE");
	load(argv[a]);
	printf("%zu lines, %.1f MB\n", nlines, (double)text.len / 1e6);
	for (m = 0; m < 5; m++) {
		double best = 1e30;

		if (only >= 0 && m != only)
			continue;
		for (k = 0; k < repeat; k++) {
			double t0 = now();
			bytes = pass(m, argv[a], &r, &dec, &bad);
			double t = now() - t0;
			if (t < best)
				best = t;
		}
		printf("%-20s %8.0f MB/s  (%.3f s%s)\n", names[m],
		       (double)bytes / 1e6 / best, best,
		       bad ? ", some lines rejected" : "");
	}
	rec_release(&r);
	buf_release(&dec);
	buf_release(&text);
	free(lines);
	return 0;
}
