/*
 * odoo.h - the engine of pulse-extract odoo: Odoo mail.message records as
 * search_read returns them, to `message` records
 * (schemas/message.schema.json).
 *
 * One pass over the messages, in input order, one record at a time
 * (odoo_add()).  What a message needs from elsewhere is loaded before it:
 * the staff (partner ids from res.users files, addresses and domains from
 * the options and the rules) and, with a tickets file, each
 * helpdesk.ticket's joined members, rendered once as JSON text so that a
 * join costs one hash lookup and one copy.
 *
 * Nothing is dropped silently: messages of other models, messages without
 * a ticket and messages of tickets missing from the tickets file are
 * counted, and odoo_left_out() says so.  Values keep their lengths: a NUL
 * (\u0000) in a subject, a body, an address or a name is kept, escaped.
 * The engine never prints or exits: a bad message is -1 with the reason,
 * a file it cannot load an exit status with a message.
 */
#ifndef PULSE_ODOO_H
#define PULSE_ODOO_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "rec.h"
#include "rules.h"
#include "sink.h"
#include "strvec.h"

struct odoo;

struct odoo *odoo_new(void);
void odoo_free(struct odoo *x);

/*
 * Staff: senders at domain d[0..n) (a leading '@' or '.' is dropped) or
 * below; the address e[0..n).  @return 0, or -1 when d is empty or e has
 * no '@'.
 */
int odoo_staff_domain(struct odoo *x, const char *d, size_t n);
int odoo_staff_email(struct odoo *x, const char *e, size_t n);

/* Messages of subtype id are internal notes. */
void odoo_note_subtype(struct odoo *x, int64_t id);

/*
 * Takes the [staff] section of rs: domain, email and sender lines.
 * @return how many of its lines are of other fields (not used).
 */
size_t odoo_staff_rules(struct odoo *x, const struct rules *rs);

/*
 * Loads a res.users file (search_read output: an array or NDJSON, plain
 * or zstd; a UTF-8 BOM and CRLF accepted): the partners of the users whose
 * share is false or absent are staff.  *internal gets how many such users
 * it held.  A tickets file loads each helpdesk.ticket.  @return 0, or an
 * exit status with the message in err: 66 cannot open, 74 read error, 65
 * when the file is empty, not of res.users (helpdesk.ticket) records, or
 * holds a bad one ("file:line: why").
 */
int odoo_load_staff_users(struct odoo *x, const char *path, uint64_t *internal,
			  struct buf *err);
int odoo_load_tickets(struct odoo *x, const char *path, struct buf *err);

/*
 * One record of a res.users (helpdesk.ticket) search_read, as a line of
 * such a file: where and line name it in a message.  A ticket read again
 * replaces the one of its id.  @return 0, or 65 with the message in err.
 */
int odoo_staff_user(struct odoo *x, const struct rec *r, const char *where,
		    uint64_t line, struct buf *err);
int odoo_ticket(struct odoo *x, const struct rec *r, const char *where,
		uint64_t line, struct buf *err);

/* Staff users taken so far (share false, with a partner). */
uint64_t odoo_staff_count(const struct odoo *x);

/* Messages are joined to tickets (as with a tickets file). */
void odoo_join_tickets(struct odoo *x);

/*
 * The helpdesk.ticket fields read (the first is "id"), for a search_read.
 * @return how many.
 */
size_t odoo_ticket_query(const char *const **names);

/* Whether ticket id is loaded. */
int odoo_has_ticket(const struct odoo *x, int64_t id);

/*
 * Appends to out what the tickets loaded so far are: "3 loaded (OCA
 * helpdesk_mgmt fields)".
 */
void odoo_tickets_note(const struct odoo *x, struct buf *out);

/*
 * Writes the message record of mail.message r to out (when r is a
 * message of a ticket; others are counted).  @return 0, or -1 with the
 * reason in msg (nothing written) when r is a bad record.
 */
int odoo_add(struct odoo *x, const struct rec *r, struct sink *out, char *msg,
	     size_t msz);

/*
 * Appends to lines one line for each kind of message that was counted and
 * not written (other models, no ticket, tickets not in the tickets file,
 * whose name is tickets_path).
 */
void odoo_left_out(const struct odoo *x, const char *tickets_path,
		   struct strvec *lines);

#endif
