/*
 * merge.h - pulse-merge's engine: it combines the partial results of
 * sharded aggregates (pulse-tally, pulse-sankey, pulse-metrics --partial,
 * pulse-funnel --partial) into what one run over the whole input writes.
 *
 * It follows the contract of every stage (merge_new(), merge_add(),
 * merge_finish(), merge_free()): it never sees the command line, never
 * prints and never exits; main.c does.  merge_add() picks the record's
 * kind by its "kind" member and hands it to that kind (merge_int.h); a
 * record of a kind not merged here, or without "kind", is a bad record.
 * merge_finish() writes each kind met, grouped, in the order their first
 * records came, except that a kind goes before another that it precedes
 * in some input (merge_next_input() tells where one ends).
 *
 * Memory grows with the distinct groups, links, days and rows, not with
 * the records.
 */
#ifndef PULSE_MERGE_H
#define PULSE_MERGE_H

#include <stddef.h>

#include "jkey.h"
#include "rec.h"
#include "sink.h"

struct merge_opts {
	int partial; /* --partial: write partial records again (a merge of
			merges), not the final ones */
	enum jkey_sort sort; /* count records: --sort-by */
};

struct merge;

/* A merge with options o (copied).  Dies only when out of memory. */
struct merge *merge_new(const struct merge_opts *o);
void merge_free(struct merge *m);

/* The records from here on come from the next input file. */
void merge_next_input(struct merge *m);

/*
 * Takes one record; writes nothing to out (a merge needs every input).
 * @return 0, or -1 with msg (no position) when the record is bad: then it
 * leaves no trace.
 */
int merge_add(struct merge *m, const struct rec *r, struct sink *out, char *msg,
	      size_t msz);

/*
 * Writes the merged records of every kind to out, sink_commit() after
 * each.  @return 0, or -1 with msg when a total is too large for a record
 * (what was written of the kinds before it stays in out).
 */
int merge_finish(struct merge *m, struct sink *out, char *msg, size_t msz);

struct cli_combine;

/*
 * Fills cb in so that cli_run() (lib/cli.h) combines a stage's threads
 * with this engine under options o (which must outlive the run).
 */
void merge_combine(struct cli_combine *cb, struct merge_opts *o);

#endif
