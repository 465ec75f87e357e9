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
 * Bad records are reported through cli_bad() and leave no trace in the
 * state.  The rules must outlive the engine.
 */
#ifndef PULSE_CLASSIFY_H
#define PULSE_CLASSIFY_H

#include <stdint.h>

#include "buf.h"
#include "cli.h"
#include "record.h"
#include "rules.h"

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

/* Takes one record (the cli's current one). */
void classify_add(struct classifier *k, struct cli *c, const struct rec *r);

/* Emits what is still held: every ticket, or the last group. */
void classify_finish(struct classifier *k, struct cli *c);

void classify_free(struct classifier *k);

#endif
