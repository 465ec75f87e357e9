/*
 * http.h - HTTP requests over libcurl, for the programs that talk to a
 * server (pulse-extract bitrix --fetch, a Telegram bot, ...).
 *
 * One struct http is a connection cache with its policy: TLS verified
 * against the system's CAs (or opts.cacert), the proxy variables
 * (https_proxy, http_proxy, no_proxy) respected as curl does, connect and
 * total timeouts, gzip/deflate/br answers accepted and decoded, redirects
 * not followed, only http and https.  Requests are spaced by a leaky
 * bucket of opts.rate a second (retries count), and a request that may
 * pass when made again (a timeout, a reset or refused connection, a body
 * cut short, HTTP 429 or 5xx) is made again after a backoff: opts.backoff_ms,
 * doubled each time up to 30 s, or the answer's Retry-After when it says
 * more; opts.retries times at most.
 *
 * A 2xx body is streamed to the request's on_data as it arrives, never
 * held here; any other body is kept (its first HTTP_ERRBODY bytes) in the
 * answer for the caller to read the error it tells of.  Before each
 * attempt on_reset is called, so that a caller drops what a failed
 * attempt gave it.
 *
 * Secrets (a webhook's path, a token) added with http_secret() are masked
 * ("***") in every message this module writes: errors, the -v log.  The
 * module never prints and never exits; it returns an exit status
 * (sysexits) and a message.
 */
#ifndef PULSE_HTTP_H
#define PULSE_HTTP_H

#include <stddef.h>

#include "buf.h"

#define HTTP_ERRBODY 65536

struct http_opts {
	const char *cacert;	 /* a CA bundle (PEM) for a private CA; NULL:
				    the system's */
	long connect_timeout_ms; /* 0: 10 s */
	long timeout_ms;	 /* a whole attempt; 0: 120 s */
	int retries;		 /* attempts after the first; < 0: none */
	long backoff_ms;	 /* the first wait before a retry; 0: 1 s */
	long max_wait_ms;	 /* the longest single wait; 0: 30 s */
	double rate;		 /* requests a second; 0: no limit */
	const char *user_agent;	 /* NULL: "pulse/VERSION" */
	/* each attempt and its outcome, masked (-v); NULL: nowhere */
	void (*log)(void *arg, const char *msg);
	void *log_arg;
};

struct http_req {
	const char *method; /* "GET", "POST", ...; NULL: GET, or POST with a
			       body */
	const char *url;
	const char *const *headers; /* "Name: value", NULL-terminated */
	const char *body;	    /* NULL: none */
	size_t body_len;
	/*
	 * A 2xx body, piece by piece; a non-zero return ends the request
	 * (http_do() returns it, with the message the callback put in err).
	 */
	int (*on_data)(void *arg, const char *p, size_t n);
	void (*on_reset)(void *arg); /* before each attempt; may be NULL */
	void *arg;
	/* a status that is an answer, not a failure to retry (e.g. a 503
	   that the caller reads itself); 0: none */
	long no_retry_status;
};

struct http_resp {
	long status;		/* the last answer's HTTP status */
	char content_type[128]; /* its Content-Type, "" when none */
	struct buf body;	/* a non-2xx answer's body (its start) */
	int attempts;		/* made, with the retries */
	double retry_after;	/* its Retry-After in seconds, or -1 */
};

struct http;

/* A new client; NULL with the message in err when curl cannot start. */
struct http *http_new(const struct http_opts *o, struct buf *err);

void http_free(struct http *h);

/* Masks s (when at least 4 bytes long) in every message from now on. */
void http_secret(struct http *h, const char *s);

/* Appends s to out with the secrets masked. */
void http_mask(const struct http *h, const char *s, struct buf *out);

/*
 * Makes the request, with the retries.  @return 0 when an answer came
 * (any status: see resp->status; a 429 or 5xx is the last one, after the
 * retries), or an exit status with the message (masked) in err:
 * EX_UNAVAILABLE (69) when no whole answer came (no connection, a
 * timeout, a reset, a body cut short, after the retries), EX_CONFIG (78)
 * for a bad URL or --cacert file, EX_SOFTWARE (70) for what curl cannot
 * do, or what on_data returned.  resp->body is to be released by the
 * caller (buf_release).
 */
int http_do(struct http *h, const struct http_req *rq, struct http_resp *resp,
	    struct buf *err);

#endif
