/*
 * sankey.h - between pulse-sankey's CLI (main.c) and its engine
 * (sankey_links.c).
 *
 * The engine takes `event` records (lib/event.h) one at a time and keeps,
 * per user, the first `steps` events in time order (equal times in input
 * order): their event names as small integers (an interned name table)
 * and their times, so a late event that belongs among them still finds its
 * place.  Unsorted, every user's state stays until the end: 2 + 10 * steps
 * bytes plus the hash map's ~40 bytes per user (112 at --steps 7).
 * Sorted (input grouped by user_id), one user's state at a time plus 11-22
 * bytes per finished user to catch ungrouped input (lib/group.h).
 *
 * At the end (or at each group's end) a user's kept events become
 * transitions, counted per (step, from, to); sankey_finish() writes one
 * `link` record per distinct transition, ordered by step, then value
 * descending, then from and to (bytewise).
 *
 * The engine follows the contract of every stage: it never sees the
 * command line or exits; sankey_add() returns -1 with a message for a bad
 * record (not an event, more than SANKEY_MAX_NAMES distinct names, more
 * users than lib/idmap numbers, input not grouped under --sorted), which
 * leaves no trace in the counts.
 */
#ifndef PULSE_SANKEY_H
#define PULSE_SANKEY_H

#include <stddef.h>

#include "rec.h"
#include "sink.h"
#include "strvec.h"

#define SANKEY_MAX_STEPS 255
#define SANKEY_MAX_NAMES 65535

struct sankey_opts {
	unsigned steps; /* 2 .. SANKEY_MAX_STEPS */
	int sorted;
	struct strvec require; /* names: keep users with any of them (the
				  caller's: it must outlive the engine) */
};

struct sankey;

struct sankey *sankey_new(const struct sankey_opts *o);

/*
 * Takes one event record (out is not written: links are counted to the
 * end).  @return 0, or -1 with msg when the record is bad.
 */
int sankey_add(struct sankey *s, const struct rec *r, struct sink *out,
	       char *msg, size_t msz);

/* Counts what is still held and writes the link records.  @return 0. */
int sankey_finish(struct sankey *s, struct sink *out, char *msg, size_t msz);

void sankey_free(struct sankey *s);

#endif
