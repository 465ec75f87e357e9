/*
 * fetch.h - what the fetchers of pulse-extract (bitrix --fetch, odoo
 * --fetch) share: a POST whose 2xx answer is gathered into one page (up
 * to a limit), the name of what a body that is not JSON looks like, and
 * an integer that a server writes as a number or as a string of digits.
 */
#ifndef PULSE_FETCH_H
#define PULSE_FETCH_H

#include <stdarg.h>
#include <stdint.h>

#include "buf.h"
#include "err.h"
#include "http.h"
#include "json.h"
#include "rec.h"

#define FETCH_PAGE_MAX (256u * 1024 * 1024) /* a page larger is an error */

/* The answer of the call at hand. */
struct fetch_page {
	struct buf page;	/* the body (a non-2xx one too: its start) */
	const struct buf *name; /* "crm.lead.list page 3", for messages */
	struct buf *err;
	struct buf sc;
};

void fetch_page_release(struct fetch_page *pg);

/*
 * POSTs body to url with the headers (NULL-terminated "Name: value").
 * @return 0 with the answer in pg->page and its status and Content-Type
 * in *status and ctype[128], or an exit status of http_do() with the
 * message in pg->err, prefixed with what ("METHOD: ").
 */
int fetch_post(struct http *h, struct fetch_page *pg, const char *what,
	       const char *url, const char *const *headers, const char *body,
	       size_t body_len, long *status, char *ctype);

/* "an HTML page", "empty" or "not JSON": a body that does not parse. */
const char *fetch_looks(const char *ctype, const char *p, size_t n);

/*
 * The bookmark of a fetcher (--state FILE): reads path into text and
 * parses it into r, checking that its "source" is source.  @return 0 with
 * *none set when there is no file yet (a first run), 0 with r the
 * bookmark, or an exit status with the message in err (EX_DATAERR for a
 * damaged one, as fetch_damaged() says it).
 */
int fetch_state_open(const char *path, const char *source, struct buf *text,
		     struct rec *r, int *none, struct buf *err);

/* "PATH: a damaged bookmark: WHY (remove it ...)".  @return EX_DATAERR. */
int fetch_damaged(struct buf *err, const char *path, const char *why);

/* A number, or a string of digits, into *out.  @return 0, or -1. */
int fetch_i64(struct json_span v, struct buf *sc, int64_t *out);

/*
 * A fetcher's error: the message formatted into err with h's secrets
 * masked (http_mask()).  @return st, the exit status it stands for.
 */
int fetch_vfail(struct http *h, struct buf *err, int st, const char *fmt,
		va_list ap) ERR_PRINTF(4, 0);

#endif
