/*
 * classify.h - between pulse-classify's CLI (main.c) and its engine
 * (classify_engine.c).
 *
 * The engine takes `message` records one at a time and writes one `ticket`
 * record per ticket_id (schemas/ticket.schema.json) to the cli's output.
 * Unsorted, it keeps every ticket (about 250 bytes) and every in/out
 * message (48 bytes: times, ids, rule bits; never the texts) until the
 * end and emits the tickets in order of first appearance.  Sorted, it keeps
 * one ticket at a time and a set of the ticket ids already done (16 bytes
 * each), and emits each ticket when its group ends.
 *
 * The engine takes a record at a time (classify_take.c), decides a ticket
 * from its messages alone (classify_verdict.c) and writes the decision
 * (classify_write.c); classify_int.h is what they share.  A bad record is
 * refused with its reason and leaves no trace in the state.  The rules
 * must outlive the engine.
 */
#ifndef PULSE_CLASSIFY_H
#define PULSE_CLASSIFY_H

#include <stdint.h>

#include "buf.h"
#include "rec.h"
#include "rules.h"
#include "sink.h"

struct classify_opts {
	int64_t as_of;	     /* seconds since the epoch, UTC */
	int64_t recent_secs; /* --recent-days * 86400 */
	int sorted;	     /* --sorted: input grouped by ticket_id */
};

struct classifier;

/*
 * Compiles the rules.  @return the engine, or NULL with the reason in err
 * (rules the matcher cannot take).
 */
struct classifier *classify_new(const struct classify_opts *o,
				const struct rules *rs, struct buf *err);

/*
 * Takes one message record; with --sorted, the ticket whose group it ends
 * is written to out.  @return 0, or -1 with the reason in msg when the
 * record is bad (not a message, a field missing or of the wrong type,
 * a ticket seen again after its group ended).
 */
int classify_add(struct classifier *k, const struct rec *r, struct sink *out,
		 char *msg, size_t msz);

/* Writes what is still held to out: every ticket, or the last group. */
void classify_finish(struct classifier *k, struct sink *out);

void classify_free(struct classifier *k);

#endif
