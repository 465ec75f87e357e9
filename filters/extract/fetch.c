/*
 * fetch.c - the pieces the fetchers share.  See fetch.h.
 */
#include "fetch.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "err.h"
#include "file.h"

void fetch_page_release(struct fetch_page *pg)
{
	buf_release(&pg->page);
	buf_release(&pg->sc);
}

static int on_data(void *arg, const char *p, size_t n)
{
	struct fetch_page *pg = arg;

	if (pg->page.len + n > FETCH_PAGE_MAX) {
		buf_reset(pg->err);
		buf_addf(pg->err, "%s: an answer larger than %u MB",
			 pg->name && pg->name->p ? pg->name->p : "a call",
			 FETCH_PAGE_MAX >> 20);
		return EX_PROTOCOL;
	}
	buf_add(&pg->page, p, n);
	return 0;
}

static void on_reset(void *arg)
{
	struct fetch_page *pg = arg;

	buf_reset(&pg->page);
}

int fetch_post(struct http *h, struct fetch_page *pg, const char *what,
	       const char *url, const char *const *headers, const char *body,
	       size_t body_len, long *status, char *ctype)
{
	struct http_req rq;
	struct http_resp rs;
	int st;

	memset(&rq, 0, sizeof rq);
	memset(&rs, 0, sizeof rs);
	rq.method = "POST";
	rq.url = url;
	rq.headers = headers;
	rq.body = body;
	rq.body_len = body_len;
	rq.on_data = on_data;
	rq.on_reset = on_reset;
	rq.arg = pg;
	st = http_do(h, &rq, &rs, pg->err);
	if (st) {
		if (st != EX_PROTOCOL) { /* on_data's names the page */
			buf_reset(&pg->sc);
			buf_addf(&pg->sc, "%s: ", what);
			buf_add(&pg->sc, pg->err->p, pg->err->len);
			buf_reset(pg->err);
			buf_add(pg->err, pg->sc.p, pg->sc.len);
		}
		buf_release(&rs.body);
		return st;
	}
	*status = rs.status;
	memcpy(ctype, rs.content_type, sizeof rs.content_type);
	if (rs.status < 200 || rs.status >= 300) { /* its start: rs.body */
		buf_reset(&pg->page);
		buf_add(&pg->page, rs.body.p, rs.body.len);
	}
	buf_release(&rs.body);
	return 0;
}

const char *fetch_looks(const char *ctype, const char *p, size_t n)
{
	size_t i = 0;

	while (i < n && (p[i] == ' ' || p[i] == '\n' || p[i] == '\r'))
		i++;
	if (strstr(ctype, "html") || (i < n && p[i] == '<'))
		return "an HTML page";
	if (i == n)
		return "empty";
	return "not JSON";
}

int fetch_i64(struct json_span v, struct buf *sc, int64_t *out)
{
	char tmp[32];

	if (v.type == JSON_NUMBER)
		return json_to_i64(v, out);
	if (v.type != JSON_STRING)
		return -1;
	buf_reset(sc);
	json_str_decode(v, sc);
	if (sc->len == 0 || sc->len >= sizeof tmp ||
	    strspn(sc->p, "0123456789") != sc->len)
		return -1;
	memcpy(tmp, sc->p, sc->len);
	tmp[sc->len] = '\0';
	*out = strtoll(tmp, NULL, 10);
	return 0;
}

int fetch_damaged(struct buf *err, const char *path, const char *why)
{
	buf_reset(err);
	buf_addf(err,
		 "%s: a damaged bookmark: %s (remove it to fetch all "
		 "again)",
		 path, why);
	return EX_DATAERR;
}

int fetch_state_open(const char *path, const char *source, struct buf *text,
		     struct rec *r, int *none, struct buf *err)
{
	struct json_error e;
	char why[96];
	int st;

	*none = 0;
	st = file_slurp("the bookmark", path, text, err);
	if (st == EX_NOINPUT && access(path, F_OK) != 0) {
		*none = 1; /* none yet: a first run */
		return 0;
	}
	if (st)
		return st;
	while (text->len && (text->p[text->len - 1] == '\n' ||
			     text->p[text->len - 1] == '\r'))
		text->len--;
	if (!text->len || rec_parse(r, text->p, text->len, &e) < 0)
		return fetch_damaged(err, path,
				     text->len ? "not JSON" : "empty");
	if (!json_str_eq(rec_get(r, "source"), source, strlen(source))) {
		snprintf(why, sizeof why, "not a bookmark of pulse-extract %s",
			 source);
		return fetch_damaged(err, path, why);
	}
	return 0;
}

int fetch_vfail(struct http *h, struct buf *err, int st, const char *fmt,
		va_list ap)
{
	char msg[1024];

	vsnprintf(msg, sizeof msg, fmt, ap);
	buf_reset(err);
	http_mask(h, msg, err);
	return st;
}
