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
 * then mail.message search_read of [model = helpdesk.ticket, id > LAST],
 * order id, limit N, until a page holds fewer than N; before each page
 * of messages, the tickets it names that are not loaded yet
 * (helpdesk.ticket search_read of [id in (...)]).  Every search_read asks
 * with context active_test false, as an export does (archived users and
 * tickets too).
 *
 * The bookmark (--state FILE), one line of JSON:
 *
 *   {"source":"odoo","messages":{"id":1480123}}
 *
 * the last message taken (null: none yet).  The records written are the
 * messages; a ticket is read when one of its messages is, with its fields
 * as they are then.  The caller moves the bookmark (odoo_state_save())
 * only after a complete run whose records are all written.
 *
 * Nothing here prints or exits: errors come back as an exit status and a
 * message, with the key masked.
 */
#ifndef PULSE_ODOO_FETCH_H
#define PULSE_ODOO_FETCH_H

#include <stdint.h>

#include "buf.h"
#include "odoo.h"
#include "report.h"
#include "sink.h"

enum odoo_api { ODOO_JSON2, ODOO_JSONRPC };

struct odoo_state {
	int64_t msg_id; /* the last message taken */
	int set;
};

struct odoo_fetch_opts {
	const char *url;   /* https://HOST (a path prefix allowed) */
	const char *db;	   /* NULL: the server's only one (json2) */
	const char *login; /* jsonrpc */
	const char *key;   /* the API key (or password) */
	enum odoo_api api;
	long limit; /* records a page */
	double rate;
	const char *cacert;
	long timeout_ms;
	int retries;
	void (*log)(void *arg, const char *msg); /* -v; NULL: none */
	void *log_arg;
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
 * Fetches the messages after the mark of s, writing their records to out
 * (bad ones to rep) and moving the mark.  @return 0, or an exit status
 * with the message in err: 78 (a URL that is not one, no --db or login
 * for jsonrpc), 77 (the key or login refused, access denied), 69 (no
 * answer after the retries; no such API at the URL: the message names
 * the other --api; the external API not on the database's plan; a model
 * or field missing, e.g. Helpdesk not installed; another error of
 * Odoo), 76 (an answer that is not an Odoo one: an HTML page), 65 (a bad
 * res.users or helpdesk.ticket record).
 */
int odoo_fetch(struct odoo *x, const struct odoo_fetch_opts *o,
	       struct odoo_state *s, struct sink *out, struct report *rep,
	       struct buf *err);

#endif
