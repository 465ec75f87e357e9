/*
 * event.h - reading `event` records: one thing a user did, at a time.
 *
 *   {"kind":"event","user_id":42,"ts":"2025-03-01T10:15:00Z",
 *    "event":"Назначение ВУ"[,"amount":123.45]}
 *
 * written by pulse-extract pg and pulse-extract events, read by
 * pulse-sankey and pulse-metrics.  "kind" may be absent (records made by
 * other tools); any other kind is not an event.  user_id is an opaque key:
 * a number or a string, taken as its JSON text (so 7 and "7" are two
 * users): a string in its canonical form (jkey.h: "crm\/7" is "crm/7"), a
 * number as written, which must be an integer (7, not 7.0 or 7e0: those
 * would be other users), else the record is bad.  ts is a time
 * ptime.h reads; a naive one compares as if it were
 * UTC.  Times are kept as microseconds since 1970 (PostgreSQL's
 * precision), which hold every time ptime.h reads.
 */
#ifndef PULSE_EVENT_H
#define PULSE_EVENT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "jkey.h"
#include "json.h"
#include "ptime.h"
#include "rec.h"

struct event {
	struct json_span user; /* user_id's JSON text (see above) */
	const char *name;      /* the decoded event name (into the record or */
	size_t nlen;	       /* the scratch buffer) */
	struct ptime ts;
	int64_t us; /* ts in microseconds since 1970 (naive: as if UTC) */
};

/*
 * Reads r as an event.  user and name point into r's line, or into
 * scratch or names when they had escapes (valid until the next call with
 * them).  names (may be NULL) is a memo of the names with escapes met
 * before (jkey.h), decoded once.  @return 0, or -1 with msg ("missing
 * field 'user_id'", ...).
 */
int event_read(const struct rec *r, struct event *ev, struct buf *scratch,
	       struct jkey_memo *names, char *msg, size_t msz);

#endif
