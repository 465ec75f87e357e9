/*
 * odoo_fetch.h - pulse-extract odoo --fetch: an Odoo database read over
 * its external API (lib/http.h) and handed to the odoo engine (odoo.h)
 * record by record, so that the records are those the same search_read
 * answers saved as files give (--tickets, --staff-users, the messages).
 *
 * Two APIs, the same calls:
 *   json2    Odoo 19 and later: POST URL/json/2/MODEL/METHOD with the
 *            named arguments as a JSON object, "Authorization: bearer
 *            KEY" and "X-Odoo-Database: DB"; the answer is the value.
 *   jsonrpc  Odoo 16-18: POST URL/jsonrpc, common.authenticate(db, login,
 *            key) for the uid, then object.execute_kw(db, uid, key, MODEL,
 *            METHOD, [], {named arguments}); the answer's 'result'.
 *
 * The calls: helpdesk.ticket fields_get (which of the ticket fields the
 * engine reads this database has: Enterprise helpdesk or OCA
 * helpdesk_mgmt), res.users search_read of [share = false] (the staff),
 * then the tickets changed since the bookmark, then mail.message
 * search_read of [model = helpdesk.ticket, id > LAST], order id, limit N;
 * before each page of messages, the tickets it names that are not loaded
 * yet (helpdesk.ticket search_read of [id in (...)]).  Every search_read
 * is paged by id (id > the last taken, order id, limit N) until a page
 * comes back empty: a server that caps limit below N ends no read early.
 * Every search_read asks with context active_test false, as an export
 * does (archived users and tickets too).
 *
 * The tickets changed: first the latest write_date W of the tickets
 * (search_read, order write_date desc, limit 1), then [write_date >= W0]
 * paged by id, W0 the bookmark's write_date.  W0's second is read again
 * (>=, not >) because Odoo keeps write_date to the microsecond and
 * answers it to the second; the tickets of that second with an id up to
 * the bookmark's, taken by the run before, are loaded but not changed
 * (one written in that second after that run began is missed until it
 * changes again).
 * On a run after another (messages in the bookmark), the older messages
 * of each changed ticket (mail.message of [res_id in (...), id <= LAST])
 * are written again, before the new ones, with the ticket's fields as
 * they are now: what keeps the last version of each message (pulse-daily
 * tickets) sees a ticket's new stage, priority or SLA deadline although
 * no message came with it.
 *
 * The bookmark (--state FILE), one line of JSON:
 *
 *   {"source":"odoo","messages":{"id":1480123},
 *    "tickets":{"write_date":"2026-01-21 17:59:58","id":230044}}
 *
 * the last message taken and the latest write_date of the tickets when
 * the run began, with the highest id of that second taken (null: none
 * yet).  A bookmark without "tickets" (written before they were read by
 * write_date) reads every ticket and writes all the older messages again
 * once, as --full would.  The caller moves the bookmark
 * (odoo_state_save()) only after a complete run whose records are all
 * written.
 *
 * Nothing here prints or exits: errors come back as an exit status and a
 * message, with the key masked.
 */
#ifndef PULSE_ODOO_FETCH_H
#define PULSE_ODOO_FETCH_H

#include <stdint.h>

#include "buf.h"
#include "http.h"
#include "odoo.h"
#include "report.h"
#include "sink.h"

enum odoo_api { ODOO_JSON2, ODOO_JSONRPC };

#define ODOO_DT_LEN 19 /* "YYYY-MM-DD HH:MM:SS" */

struct odoo_state {
	int64_t msg_id; /* the last message taken */
	int set;
	char tk_wd[ODOO_DT_LEN + 1]; /* the tickets' latest write_date */
	int64_t tk_id;		     /* the highest id taken of that second */
	int tk_set;
};

struct odoo_fetch_opts {
	const char *url;   /* https://HOST (a path prefix allowed) */
	const char *db;	   /* NULL: the server's only one (json2) */
	const char *login; /* jsonrpc */
	const char *key;   /* the API key (or password) */
	enum odoo_api api;
	long limit;	      /* records a page */
	struct http_opts net; /* --rate, --cacert, --timeout, --retries, -v */
};

/*
 * Reads the bookmark at path.  @return 0 (a missing file: a first run),
 * or 65 (damaged) / 66 (cannot be read) with the message in err.
 */
int odoo_state_load(struct odoo_state *s, const char *path, struct buf *err);

/* Writes s to path atomically.  @return 0, or 73/74 with err. */
int odoo_state_save(const struct odoo_state *s, const char *path,
		    struct buf *err);

/*
 * Fetches the messages after the mark of s (and the older ones of the
 * tickets changed since it), writing their records to out (bad ones to
 * rep) and moving the marks.  @return 0, or an exit status
 * with the message in err: 78 (a URL that is not one, no --db or login
 * for jsonrpc), 77 (the key or login refused, access denied), 69 (no
 * answer after the retries; no such API at the URL: the message names
 * the other --api; the external API not on the database's plan; a model
 * or field missing, e.g. Helpdesk not installed; another error of
 * Odoo), 76 (an answer that is not an Odoo one: an HTML page; a
 * write_date that is not one), 65 (a bad res.users or helpdesk.ticket
 * record).
 */
int odoo_fetch(struct odoo *x, const struct odoo_fetch_opts *o,
	       struct odoo_state *s, struct sink *out, struct report *rep,
	       struct buf *err);

#endif
