/*
 * http.c - HTTP requests over libcurl: the policy (TLS, timeouts, rate,
 * retries) and the masking of secrets.  See http.h.
 */
#include "http.h"

#include <curl/curl.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "err.h"

struct http {
	CURL *c;
	struct http_opts o;
	char *cacert;
	char *ua;
	char **secrets;
	size_t nsecrets;
	double next; /* the leaky bucket: when the next request may go */
	char errbuf[CURL_ERROR_SIZE];
};

/* What one attempt's callbacks share. */
struct attempt {
	struct http *h;
	const struct http_req *rq;
	struct http_resp *resp;
	int cb_status; /* what on_data returned */
};

static int curl_ready;

static double now_s(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void sleep_s(double s)
{
	struct timespec ts;

	if (s <= 0)
		return;
	ts.tv_sec = (time_t)s;
	ts.tv_nsec = (long)((s - (double)ts.tv_sec) * 1e9);
	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

struct http *http_new(const struct http_opts *o, struct buf *err)
{
	struct http *h;

	if (!curl_ready) {
		if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
			buf_reset(err);
			buf_adds(err, "libcurl could not start");
			return NULL;
		}
		curl_ready = 1;
	}
	h = xcalloc(1, sizeof *h);
	h->o = *o;
	h->c = curl_easy_init();
	if (!h->c) {
		free(h);
		buf_reset(err);
		buf_adds(err, "libcurl could not start");
		return NULL;
	}
	if (o->cacert)
		h->cacert = xstrdup(o->cacert);
	h->ua = xstrdup(o->user_agent ? o->user_agent : "pulse/" VERSION);
	if (!h->o.connect_timeout_ms)
		h->o.connect_timeout_ms = 10000;
	if (!h->o.timeout_ms)
		h->o.timeout_ms = 120000;
	if (!h->o.backoff_ms)
		h->o.backoff_ms = 1000;
	if (!h->o.max_wait_ms)
		h->o.max_wait_ms = 30000;
	return h;
}

void http_free(struct http *h)
{
	size_t i;

	if (!h)
		return;
	curl_easy_cleanup(h->c);
	for (i = 0; i < h->nsecrets; i++)
		free(h->secrets[i]);
	free(h->secrets);
	free(h->cacert);
	free(h->ua);
	free(h);
}

void http_secret(struct http *h, const char *s)
{
	if (!s || strlen(s) < 4)
		return;
	h->secrets =
		xrealloc(h->secrets, (h->nsecrets + 1) * sizeof *h->secrets);
	h->secrets[h->nsecrets++] = xstrdup(s);
}

void http_mask(const struct http *h, const char *s, struct buf *out)
{
	size_t i, n, best;
	const char *hit, *first;

	for (;;) {
		first = NULL;
		best = 0;
		for (i = 0; i < h->nsecrets; i++) {
			hit = strstr(s, h->secrets[i]);
			n = strlen(h->secrets[i]);
			if (hit && (!first || hit < first ||
				    (hit == first && n > best))) {
				first = hit;
				best = n;
			}
		}
		if (!first)
			break;
		buf_add(out, s, (size_t)(first - s));
		buf_adds(out, "***");
		s = first + best;
	}
	buf_adds(out, s);
}

static void logf_masked(struct http *h, const char *fmt, ...) ERR_PRINTF(2, 3);

static void logf_masked(struct http *h, const char *fmt, ...)
{
	struct buf raw = BUF_INIT, m = BUF_INIT;
	va_list ap;
	int n;

	if (!h->o.log)
		return;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	buf_grow(&raw, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(raw.p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	raw.len = (size_t)n;
	http_mask(h, raw.p, &m);
	h->o.log(h->o.log_arg, m.p);
	buf_release(&raw);
	buf_release(&m);
}

/* err = the masked message. */
static int fail(struct http *h, struct buf *err, int status, const char *fmt,
		...) ERR_PRINTF(4, 5);

static int fail(struct http *h, struct buf *err, int status, const char *fmt,
		...)
{
	char tmp[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_reset(err);
	http_mask(h, tmp, err);
	return status;
}

static size_t on_header(char *p, size_t size, size_t nmemb, void *arg)
{
	struct attempt *a = arg;
	size_t n = size * nmemb, k, len;
	const char *v;

	if (n >= 5 && memcmp(p, "HTTP/", 5) == 0) { /* a new answer (100) */
		a->resp->content_type[0] = '\0';
		a->resp->retry_after = -1;
		return n;
	}
	v = memchr(p, ':', n);
	if (!v)
		return n;
	k = (size_t)(v - p);
	v++;
	while (v < p + n && (*v == ' ' || *v == '\t'))
		v++;
	len = (size_t)(p + n - v);
	while (len &&
	       (v[len - 1] == '\r' || v[len - 1] == '\n' || v[len - 1] == ' '))
		len--;
	if (k == 12 && strncasecmp(p, "Content-Type", 12) == 0) {
		if (len >= sizeof a->resp->content_type)
			len = sizeof a->resp->content_type - 1;
		memcpy(a->resp->content_type, v, len);
		a->resp->content_type[len] = '\0';
	} else if (k == 11 && strncasecmp(p, "Retry-After", 11) == 0 && len &&
		   len < 8 && v[0] >= '0' && v[0] <= '9') {
		char num[8];

		memcpy(num, v, len);
		num[len] = '\0';
		a->resp->retry_after = strtod(num, NULL);
	}
	return n;
}

static size_t on_body(char *p, size_t size, size_t nmemb, void *arg)
{
	struct attempt *a = arg;
	size_t n = size * nmemb, room;
	long code = 0;

	curl_easy_getinfo(a->h->c, CURLINFO_RESPONSE_CODE, &code);
	if (code >= 200 && code < 300) {
		if (a->rq->on_data) {
			a->cb_status = a->rq->on_data(a->rq->arg, p, n);
			if (a->cb_status)
				return 0; /* curl ends the transfer */
		}
		return n;
	}
	room = HTTP_ERRBODY - a->resp->body.len;
	buf_add(&a->resp->body, p, n < room ? n : room);
	return n;
}

static int retry_status(const struct http_req *rq, long code)
{
	if (code == rq->no_retry_status)
		return 0;
	return code == 429 || code == 408 ||
	       (code >= 500 && code != 501 && code != 505);
}

static int retry_curl(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_PARTIAL_FILE:
	case CURLE_SEND_ERROR:
	case CURLE_RECV_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_SSL_CONNECT_ERROR:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_BAD_CONTENT_ENCODING:
		return 1;
	default:
		return 0;
	}
}

static int setup(struct http *h, const struct http_req *rq,
		 struct curl_slist **hdrs, struct attempt *a)
{
	CURL *c = h->c;
	const char *const *hp;
	const char *method = rq->method;

	curl_easy_reset(c);
	*hdrs = NULL;
	for (hp = rq->headers; hp && *hp; hp++)
		*hdrs = curl_slist_append(*hdrs, *hp);
	if (!method)
		method = rq->body ? "POST" : "GET";
	curl_easy_setopt(c, CURLOPT_URL, rq->url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
	curl_easy_setopt(c, CURLOPT_USERAGENT, h->ua);
	curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, h->o.connect_timeout_ms);
	curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, h->o.timeout_ms);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L);
	if (h->cacert)
		curl_easy_setopt(c, CURLOPT_CAINFO, h->cacert);
	curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, *hdrs);
	if (strcmp(method, "GET") == 0) {
		curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
	} else {
		if (strcmp(method, "POST") != 0)
			curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
		curl_easy_setopt(c, CURLOPT_POST, 1L);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS,
				 rq->body ? rq->body : "");
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE,
				 (curl_off_t)(rq->body ? rq->body_len : 0));
	}
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, a);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, a);
	return 0;
}

/* Waits for the leaky bucket to let one more request out. */
static void pace(struct http *h)
{
	double t = now_s();

	if (h->o.rate <= 0)
		return;
	if (h->next > t)
		sleep_s(h->next - t);
	t = now_s();
	h->next = (h->next > t ? h->next : t) + 1.0 / h->o.rate;
}

static int final_curl_error(struct http *h, CURLcode rc, const char *method,
			    const char *url, int attempts, struct buf *err)
{
	const char *why = h->errbuf[0] ? h->errbuf : curl_easy_strerror(rc);
	int st = EX_UNAVAILABLE;

	switch (rc) {
	case CURLE_URL_MALFORMAT:
	case CURLE_UNSUPPORTED_PROTOCOL:
	case CURLE_SSL_CACERT_BADFILE:
	case CURLE_SSL_CERTPROBLEM:
		st = EX_CONFIG;
		break;
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
		st = EX_UNAVAILABLE;
		break;
	case CURLE_OUT_OF_MEMORY:
	case CURLE_NOT_BUILT_IN:
	case CURLE_FAILED_INIT:
		st = EX_SOFTWARE;
		break;
	default:
		break;
	}
	if (attempts > 1)
		return fail(h, err, st, "%s %s: %s (%d attempts)", method, url,
			    why, attempts);
	return fail(h, err, st, "%s %s: %s", method, url, why);
}

int http_do(struct http *h, const struct http_req *rq, struct http_resp *resp,
	    struct buf *err)
{
	struct attempt a;
	struct curl_slist *hdrs;
	const char *method =
		rq->method ? rq->method : (rq->body ? "POST" : "GET");
	CURLcode rc;
	double wait = (double)h->o.backoff_ms / 1000.0, w, t0;
	double maxw = (double)h->o.max_wait_ms / 1000.0;
	int retries = h->o.retries < 0 ? 0 : h->o.retries;
	long code;

	memset(&a, 0, sizeof a);
	a.h = h;
	a.rq = rq;
	a.resp = resp;
	resp->attempts = 0;
	for (;;) {
		resp->status = 0;
		resp->content_type[0] = '\0';
		resp->retry_after = -1;
		buf_reset(&resp->body);
		a.cb_status = 0;
		h->errbuf[0] = '\0';
		if (rq->on_reset)
			rq->on_reset(rq->arg);
		pace(h);
		setup(h, rq, &hdrs, &a);
		resp->attempts++;
		t0 = now_s();
		rc = curl_easy_perform(h->c);
		curl_slist_free_all(hdrs);
		code = 0;
		curl_easy_getinfo(h->c, CURLINFO_RESPONSE_CODE, &code);
		resp->status = code;
		if (a.cb_status)
			return a.cb_status; /* err: the callback's */
		if (rc == CURLE_OK) {
			logf_masked(h, "%s %s: %ld (%.2f s)", method, rq->url,
				    code, now_s() - t0);
			if (!retry_status(rq, code) || resp->attempts > retries)
				return 0;
		} else {
			logf_masked(h, "%s %s: %s", method, rq->url,
				    h->errbuf[0] ? h->errbuf
						 : curl_easy_strerror(rc));
			if (!retry_curl(rc) || resp->attempts > retries)
				return final_curl_error(h, rc, method, rq->url,
							resp->attempts, err);
		}
		w = wait;
		if (resp->retry_after > w)
			w = resp->retry_after;
		if (w > maxw)
			w = maxw;
		logf_masked(h, "retry %d of %d in %.1f s", resp->attempts,
			    retries, w);
		sleep_s(w);
		wait = wait * 2 > maxw ? maxw : wait * 2;
	}
}
