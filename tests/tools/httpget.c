/*
 * httpget - a test tool: one request through lib/http.c.
 *
 *   httpget [-X METHOD] [-d BODY] [-H HEADER]... [-r RATE] [-n RETRIES]
 *           [-t TIMEOUT_MS] [-c CONNECT_MS] [-b BACKOFF_MS] [-C CACERT]
 *           [-k BYTES] [-v] URL [URL...]
 *
 * Each URL is requested in turn with the same client: a 2xx body is
 * written to stdout once whole (-k: the callback stops after BYTES,
 * exit 70); then "status N, attempts K" on stderr, and a non-2xx
 * answer's body.  A failure prints "httpget: MESSAGE" and exits with its
 * status.  $HTTPGET_SECRET is masked in every message; -v logs each
 * attempt.  At the end "elapsed S" (-r: to check the pacing).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "err.h"
#include "http.h"

static long stop_after = -1;
static struct buf body = BUF_INIT; /* the attempt's: a retry starts again */

static int on_data(void *arg, const char *p, size_t n)
{
	struct buf *err = arg;

	if (stop_after >= 0 && (long)(body.len + n) > stop_after) {
		buf_reset(err);
		buf_adds(err, "stopped by the callback");
		return EX_SOFTWARE;
	}
	buf_add(&body, p, n);
	return 0;
}

static void on_reset(void *arg)
{
	(void)arg;
	buf_reset(&body);
}

static void log_line(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "httpget: %s\n", msg);
}

int main(int argc, char **argv)
{
	struct http_opts o;
	struct http_req rq;
	struct http_resp rs;
	struct http *h;
	struct buf err = BUF_INIT;
	const char *hdrs[16];
	size_t nh = 0;
	struct timespec t0, t1;
	int opt, st = 0, i;

	err_setprog("httpget");
	memset(&o, 0, sizeof o);
	memset(&rq, 0, sizeof rq);
	memset(&rs, 0, sizeof rs);
	o.retries = 3;
	o.backoff_ms = 100;
	while ((opt = getopt(argc, argv, "X:d:H:r:n:t:c:b:C:k:v")) != -1) {
		switch (opt) {
		case 'X':
			rq.method = optarg;
			break;
		case 'd':
			rq.body = optarg;
			rq.body_len = strlen(optarg);
			break;
		case 'H':
			if (nh < 15)
				hdrs[nh++] = optarg;
			break;
		case 'r':
			o.rate = atof(optarg);
			break;
		case 'n':
			o.retries = atoi(optarg);
			break;
		case 't':
			o.timeout_ms = atol(optarg);
			break;
		case 'c':
			o.connect_timeout_ms = atol(optarg);
			break;
		case 'b':
			o.backoff_ms = atol(optarg);
			break;
		case 'C':
			o.cacert = optarg;
			break;
		case 'k':
			stop_after = atol(optarg);
			break;
		case 'v':
			o.log = log_line;
			break;
		default:
			return EX_USAGE;
		}
	}
	if (optind >= argc)
		die(EX_USAGE, "usage: httpget [options] URL...");
	hdrs[nh] = NULL;
	rq.headers = hdrs;
	rq.on_data = on_data;
	rq.on_reset = on_reset;
	rq.arg = &err;
	h = http_new(&o, &err);
	if (!h)
		die(EX_SOFTWARE, "%s", err.p);
	http_secret(h, getenv("HTTPGET_SECRET"));
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (i = optind; i < argc && !st; i++) {
		rq.url = argv[i];
		st = http_do(h, &rq, &rs, &err);
		fwrite(body.p, 1, body.len, stdout);
		fflush(stdout);
		if (st) {
			fprintf(stderr, "httpget: %s\n", err.p);
			break;
		}
		fprintf(stderr, "status %ld, attempts %d\n", rs.status,
			rs.attempts);
		if (rs.body.len) {
			struct buf m = BUF_INIT;

			buf_addc(&rs.body, '\0');
			http_mask(h, rs.body.p, &m);
			fprintf(stderr, "%s\n", m.p);
			buf_release(&m);
		}
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	if (o.rate > 0)
		fprintf(stderr, "elapsed %.1f\n",
			(double)(t1.tv_sec - t0.tv_sec) +
				(double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	buf_release(&rs.body);
	buf_release(&err);
	buf_release(&body);
	http_free(h);
	return st;
}
