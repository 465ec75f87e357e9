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
 * descending, then from and to (bytewise).  Bad records are reported
 * through cli_bad() and leave no trace.
 */
#ifndef PULSE_SANKEY_H
#define PULSE_SANKEY_H

#include <stddef.h>

#include "cli.h"
#include "record.h"

#define SANKEY_MAX_STEPS 255

struct sankey_opts {
	unsigned steps; /* 2 .. SANKEY_MAX_STEPS */
	int sorted;
	const char **require; /* names: keep users with any of them */
	size_t nrequire;
};

struct sankey;

struct sankey *sankey_new(const struct sankey_opts *o);

/* Takes the cli's current record. */
void sankey_add(struct sankey *s, struct cli *c, const struct rec *r);

/* Counts what is still held and writes the link records. */
void sankey_finish(struct sankey *s, struct cli *c);

void sankey_free(struct sankey *s);

#endif
