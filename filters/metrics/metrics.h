/*
 * metrics.h - between pulse-metrics' CLI (main.c), its definitions file
 * (metrics_defs.c) and its engine (metrics_count.c).
 *
 * A metric counts, per day, the events named `event` whose user's
 * immediately preceding event (time order, equal times in input order) is
 * one of `after` (every such event when `after` is absent).  The day is
 * the event's local day: a time without an offset is taken as already in
 * the report's zone, one with an offset is moved to --tz.  --durations
 * adds, per named event, a histogram of the hours to the same user's next
 * event (lib/hist.h).
 *
 * Both need each user's events in time order.  Unsorted, the engine keeps
 * each user's last event (16 bytes, and ~25 in lib/idmap) and counts an
 * event as it comes when it is not earlier than its user's last; every
 * event is also logged (14 bytes) to a temporary file, and the users that
 * went back in time are counted again from it at the end: what was
 * counted for them is taken back, then their sorted events are counted.
 * Events whose names no definition mentions are kept as one class "other",
 * since they still come between two events.  Sorted (input grouped by
 * user_id), it keeps one user's events at a time (lib/group.h).  Per day
 * counts are one array per metric over the days seen (lib/series.h).
 */
#ifndef PULSE_METRICS_H
#define PULSE_METRICS_H

#include <stddef.h>

#include "cli.h"
#include "hist.h"
#include "record.h"
#include "tz.h"

struct metric_def {
	char *name;
	char *title; /* NULL when absent */
	char *event;
	char **after;
	size_t nafter;
	int has_after; /* "after" present (then nafter >= 1) */
};

struct metrics_opts {
	struct metric_def *defs;
	size_t ndefs;
	const char **durations; /* --durations events */
	size_t ndur;
	struct hist_edges edges; /* for --durations */
	struct tz tz;
	int sorted;
	int partial; /* day counts only, for merging */
};

/* metrics_defs.c */

/*
 * Parses the definitions file's text (path for messages) into *defs.
 * @return 0, or -1 with msg naming the place ("metrics[2]: missing
 * 'event'").
 */
int metrics_defs_parse(const char *text, size_t len, struct metric_def **defs,
		       size_t *ndefs, char *msg, size_t msz);

void metrics_defs_free(struct metric_def *defs, size_t ndefs);

/* metrics_count.c */

struct metrics;

struct metrics *metrics_new(const struct metrics_opts *o);

/* Takes the cli's current record. */
void metrics_add(struct metrics *m, struct cli *c, const struct rec *r);

/* Counts what is still held, writes the metric and histogram records. */
void metrics_finish(struct metrics *m, struct cli *c);

void metrics_free(struct metrics *m);

#endif
