/*
 * merge.h - pulse-merge's kinds: each combines the partial results of one
 * record kind written by shards of an aggregate (pulse-tally, pulse-sankey,
 * pulse-metrics --partial, pulse-funnel --partial) into what one run over
 * the whole input writes.
 *
 * main.c reads every input record, picks the kind by its "kind" member and
 * hands the record to that kind's add(); at the end it calls finish() for
 * each kind met, in the order their first records came.  A record of a
 * kind not listed here, or without "kind", is a bad record (--on-error).
 */
#ifndef PULSE_MERGE_H
#define PULSE_MERGE_H

#include "cli.h"
#include "jkey.h"
#include "record.h"

struct merge_opts {
	int partial; /* --partial: write partial records again (a merge of
			merges), not the final ones */
	enum jkey_sort sort; /* count records: --sort-by */
};

struct merge_kind {
	const char *kind; /* the "kind" member it takes: "count" */
	void *(*create)(const struct merge_opts *o);
	/* Adds one record; a malformed one is reported with cli_bad(). */
	void (*add)(void *st, struct cli *c, const struct rec *r);
	/* Writes the merged records to cli_out(c), cli_commit() after each. */
	void (*finish)(void *st, struct cli *c);
	void (*destroy)(void *st);
};

extern const struct merge_kind merge_count;	/* merge_count.c */
extern const struct merge_kind merge_histogram; /* merge_hist.c */
extern const struct merge_kind merge_link;	/* merge_link.c */
extern const struct merge_kind merge_metric;	/* merge_metric.c */
extern const struct merge_kind merge_funnel;	/* merge_funnel.c */

#endif
