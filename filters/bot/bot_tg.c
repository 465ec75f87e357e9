/*
 * bot_tg.c - the Bot API calls of pulse-bot, on lib/http.
 *
 * lib/http makes one attempt (retries: none): the Bot API tells a 429's
 * wait in the body (parameters.retry_after), which only this layer reads.
 * A 429 waits retry_after seconds; a 5xx or no answer waits the backoff,
 * doubled each time up to 30 s; getUpdates asks again until told to stop,
 * a message max_tries times.  Another 4xx is an answer: the message is
 * refused (a bad chat), getUpdates fails (a bad token, another poller).
 */
#include "bot.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "http.h"
#include "json.h"
#include "jw.h"

#define MAX_WAIT_MS 30000

void bot_log(const struct bot_tg *t, const char *fmt, ...)
{
	struct buf raw = BUF_INIT, out = BUF_INIT;
	va_list ap;
	char tmp[1024];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_adds(&raw, tmp);
	if (t && t->h)
		http_mask(t->h, raw.p, &out);
	else
		buf_add(&out, raw.p, raw.len);
	fprintf(stderr, "%s: %s\n", progname, out.p);
	fflush(stderr);
	buf_release(&raw);
	buf_release(&out);
}

static void http_log(void *arg, const char *msg)
{
	(void)arg;
	fprintf(stderr, "%s: %s\n", progname, msg);
}

int bot_tg_init(struct bot_tg *t, const char *api, const char *token,
		long timeout_s, struct buf *err)
{
	struct http_opts o;
	size_t n = strlen(api);

	memset(&o, 0, sizeof o);
	o.retries = -1;
	o.timeout_ms = (timeout_s + 15) * 1000;
	if (t->verbose)
		o.log = http_log;
	t->h = http_new(&o, err);
	if (!t->h)
		return EX_SOFTWARE;
	http_secret(t->h, token);
	/* the secret half alone, as an URL-encoding server may echo it */
	if (strchr(token, ':'))
		http_secret(t->h, strchr(token, ':') + 1);
	while (n && api[n - 1] == '/')
		n--;
	buf_add(&t->url, api, n);
	buf_adds(&t->url, "/bot");
	buf_adds(&t->url, token);
	buf_addc(&t->url, '/');
	t->url_base = t->url.len;
	return 0;
}

void bot_tg_release(struct bot_tg *t)
{
	if (t->h)
		http_free(t->h);
	t->h = NULL;
	buf_release(&t->url);
	buf_release(&t->body);
}

static int on_data(void *arg, const char *p, size_t n)
{
	buf_add(arg, p, n);
	return 0;
}

static void on_reset(void *arg)
{
	buf_reset(arg);
}

/* The member key of object span o (JSON_NONE when absent). */
static struct json_span member(struct json_span o, const char *key)
{
	struct json_iter it;
	struct json_span k, v, none;

	memset(&none, 0, sizeof none);
	if (o.type != JSON_OBJECT || json_iter_init(&it, o) < 0)
		return none;
	while (json_iter_next(&it, &k, &v))
		if (json_str_eq(k, key, strlen(key)))
			return v;
	return none;
}

/* Sleeps ms milliseconds, in slices; stops early when stop says so. */
static void nap(const struct bot_tg *t, long ms, int stoppable)
{
	while (ms > 0 && !(stoppable && t->stop && *t->stop)) {
		long s = ms > 100 ? 100 : ms;
		struct timespec ts = {0, s * 1000000L};
		nanosleep(&ts, NULL);
		ms -= s;
	}
}

/*
 * One call with its retries: the answer's "result" span goes into *result
 * (pointing into t->body).  persistent: getUpdates, which waits out any
 * number of failures until *t->stop (then @return 0 with a JSON_NONE
 * result).
 */
static int call(struct bot_tg *t, const char *method, const char *ctype,
		const char *body, size_t len, int persistent,
		struct json_span *result, struct buf *err)
{
	const char *hdr[2] = {ctype, NULL};
	struct buf msg = BUF_INIT;
	long wait = 0, backoff = t->backoff_ms;
	int tries = 0, st;

	memset(result, 0, sizeof *result);
	t->url.len = t->url_base;
	buf_adds(&t->url, method);
	for (;;) {
		struct http_req rq;
		struct http_resp resp;
		struct json_span top;
		const char *desc = "";
		struct buf dbuf = BUF_INIT;

		memset(&rq, 0, sizeof rq);
		memset(&resp, 0, sizeof resp);
		rq.method = "POST";
		rq.url = t->url.p;
		rq.headers = hdr;
		rq.body = body;
		rq.body_len = len;
		rq.on_data = on_data;
		rq.on_reset = on_reset;
		rq.arg = &t->body;
		buf_reset(&t->body);
		buf_reset(&msg);
		st = http_do(t->h, &rq, &resp, &msg);
		tries++;
		if (st && st != EX_UNAVAILABLE) {
			buf_release(&resp.body);
			buf_reset(err);
			buf_addf(err, "%s: %s", method, msg.p);
			buf_release(&msg);
			return st;
		}
		if (!st) {
			const struct buf *b =
				resp.status / 100 == 2 ? &t->body : &resp.body;
			memset(&top, 0, sizeof top);
			if (b->len && json_validate(b->p, b->len, NULL) == 0) {
				const char *q = b->p;
				while (*q == ' ' || *q == '\n' || *q == '\r' ||
				       *q == '\t')
					q++;
				json_scan_value(b->p, q, b->p + b->len, &top,
						NULL);
			}
			if (resp.status / 100 == 2 &&
			    member(top, "ok").type == JSON_TRUE) {
				*result = member(top, "result");
				buf_release(&resp.body);
				buf_release(&msg);
				return 0;
			}
			if (member(top, "description").type == JSON_STRING) {
				json_str_decode(member(top, "description"),
						&dbuf);
				desc = dbuf.p;
			} else if (resp.status / 100 == 2)
				desc = "an answer that is not the API's JSON";
			if (resp.status == 429) {
				double ra = -1;
				json_to_double(member(member(top, "parameters"),
						      "retry_after"),
					       &ra);
				if (ra < 0)
					ra = resp.retry_after;
				wait = ra >= 0 ? (long)(ra * 1000) : backoff;
			} else if (resp.status >= 500 ||
				   resp.status / 100 == 2) {
				wait = backoff;
				backoff *= 2;
			} else {
				buf_reset(err);
				buf_addf(err, "%s: refused by the API: %ld %s",
					 method, resp.status, desc);
				buf_release(&dbuf);
				buf_release(&resp.body);
				buf_release(&msg);
				return EX_UNAVAILABLE;
			}
			buf_reset(&msg);
			buf_addf(&msg, "%ld %s", resp.status, desc);
		} else {
			wait = backoff;
			backoff *= 2;
		}
		buf_release(&dbuf);
		buf_release(&resp.body);
		if (backoff > MAX_WAIT_MS)
			backoff = MAX_WAIT_MS;
		if (wait > MAX_WAIT_MS && !persistent)
			wait = MAX_WAIT_MS;
		if (!persistent && tries >= t->max_tries) {
			buf_reset(err);
			buf_addf(err, "%s: not delivered after %d tries: %s",
				 method, tries, msg.p);
			buf_release(&msg);
			return EX_TEMPFAIL;
		}
		bot_log(t, "%s: %s; again in %.1f s", method, msg.p,
			(double)wait / 1000);
		nap(t, wait, persistent);
		if (persistent && t->stop && *t->stop) {
			buf_release(&msg);
			return 0;
		}
	}
}

int bot_tg_json(struct bot_tg *t, const char *method, const char *body,
		size_t len, struct buf *err)
{
	struct json_span r;

	return call(t, method, "Content-Type: application/json", body, len, 0,
		    &r, err);
}

/* Whether p[0..n) holds the string s. */
static int holds(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s), i;

	for (i = 0; i + k <= n; i++)
		if (p[i] == s[0] && !memcmp(p + i, s, k))
			return 1;
	return 0;
}

static void part(struct buf *b, const char *bd, const char *name,
		 const char *val, size_t n)
{
	buf_addf(b,
		 "--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n",
		 bd, name);
	buf_add(b, val, n);
	buf_adds(b, "\r\n");
}

int bot_tg_photo(struct bot_tg *t, int64_t chat, const char *png, size_t n,
		 const char *caption, const char *markup, struct buf *err)
{
	static unsigned long seq;
	struct buf b = BUF_INIT, ct = BUF_INIT;
	struct json_span r;
	char bd[64], id[32];
	int st;

	do
		snprintf(bd, sizeof bd, "pulse-bot-%lx-%lx",
			 (unsigned long)time(NULL), ++seq);
	while (holds(png, n, bd));
	snprintf(id, sizeof id, "%" PRId64, chat);
	part(&b, bd, "chat_id", id, strlen(id));
	if (caption && *caption)
		part(&b, bd, "caption", caption, strlen(caption));
	if (markup)
		part(&b, bd, "reply_markup", markup, strlen(markup));
	buf_addf(&b,
		 "--%s\r\nContent-Disposition: form-data; name=\"photo\"; "
		 "filename=\"chart.png\"\r\nContent-Type: image/png\r\n\r\n",
		 bd);
	buf_add(&b, png, n);
	buf_addf(&b, "\r\n--%s--\r\n", bd);
	buf_addf(&ct, "Content-Type: multipart/form-data; boundary=%s", bd);
	st = call(t, "sendPhoto", ct.p, b.p, b.len, 0, &r, err);
	buf_release(&b);
	buf_release(&ct);
	return st;
}

void bot_updates_free(struct bot_update *u, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		buf_release(&u[i].text);
	free(u);
}

int bot_tg_updates(struct bot_tg *t, int64_t offset, long timeout,
		   int persistent, struct bot_update **u, size_t *n,
		   struct buf *err)
{
	struct buf body = BUF_INIT;
	struct json_span r, v;
	struct json_iter it;
	size_t cap = 0;
	int st;

	*u = NULL;
	*n = 0;
	buf_addf(&body,
		 "{\"offset\":%" PRId64 ",\"timeout\":%ld,\"limit\":100,"
		 "\"allowed_updates\":[\"message\"]}",
		 offset, timeout);
	st = call(t, "getUpdates", "Content-Type: application/json", body.p,
		  body.len, persistent, &r, err);
	buf_release(&body);
	if (st || r.type == JSON_NONE)
		return st;
	if (r.type != JSON_ARRAY || json_iter_init(&it, r) < 0) {
		buf_reset(err);
		buf_adds(err, "getUpdates: the result is not an array");
		return EX_PROTOCOL;
	}
	while (json_iter_next(&it, NULL, &v)) {
		struct json_span m = member(v, "message"), x;
		struct bot_update *p;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			*u = xrealloc(*u, cap * sizeof **u);
		}
		p = &(*u)[*n];
		memset(p, 0, sizeof *p);
		if (json_to_i64(member(v, "update_id"), &p->id) < 0) {
			buf_reset(err);
			buf_adds(err,
				 "getUpdates: an update without update_id");
			return EX_PROTOCOL;
		}
		(*n)++;
		if (m.type != JSON_OBJECT ||
		    json_to_i64(member(member(m, "chat"), "id"), &p->chat) < 0)
			continue;
		p->has_msg = 1;
		json_to_i64(member(member(m, "from"), "id"), &p->user);
		x = member(m, "text");
		if (x.type == JSON_STRING)
			json_str_decode(x, &p->text);
		if (!p->text.p)
			buf_adds(&p->text, "");
	}
	return 0;
}
