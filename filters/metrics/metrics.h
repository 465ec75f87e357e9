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
 * event (lib/hist.h); with by_outcome, two per event: the events a payment
 * of the same user follows (at any later place in time order, equal times
 * in input order), and the others (their next event too is none).
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
 *
 * A duration's outcome (by_outcome) depends on the user's later events,
 * so unsorted input counts no duration as it comes: each user also keeps
 * the place of its last payment in the event log (in the 16 bytes above),
 * and at the end the log is read once more, in order, to count the
 * durations of the users whose events came in time order (those of the
 * others are counted from their sorted events, as before).
 *
 * With alerts (--alerts), the engine writes alert records instead of
 * metric records (metrics_alert.c): each metric with an "alert" judged on
 * one day against the same weekday of the weeks before, and each "silent"
 * rule at one moment.  With a time of day (--as-of), every day is also
 * counted up to it (a second series per metric), so that a morning is
 * compared with mornings; the silent rules keep the latest event of each
 * up to the moment, from every record as it comes (order does not matter).
 *
 * The engine follows the contract of every stage: it never sees the
 * command line or exits.  metrics_add() returns -1 with a message for a
 * bad record, which leaves no trace in the counts; metrics_add() and
 * metrics_finish() return an exit status (> 0) with a message when the
 * run cannot go on: the temporary event log cannot be created (73),
 * written or read back (74), or holds 2^32 events, or the counts do not
 * add up (70, a bug).
 */
#ifndef PULSE_METRICS_H
#define PULSE_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "hist.h"
#include "rec.h"
#include "series.h"
#include "sink.h"
#include "strvec.h"
#include "tz.h"

/*
 * A metric's "alert" member: the day judged is below its band, the mean of
 * the same weekday over the last `weeks` weeks the input covers, by more
 * than every threshold given (below: a share of the mean; below_abs: a
 * count), or it is zero where every day of the band was not (zero).
 */
struct metric_alert {
	int on;		  /* the definition has "alert" */
	int weeks;	  /* 1..52, default 4 */
	double below;	  /* 0 < below < 1, or 0: none */
	double below_abs; /* > 0, or 0: none */
	int zero;	  /* default 1 */
};

struct metric_def {
	char *name;
	char *title; /* NULL when absent */
	char *event;
	char **after;
	size_t nafter;
	int has_after; /* "after" present (then nafter >= 1) */
	struct metric_alert alert;
};

/*
 * A "silent" rule: a source whose events (any of `events`, every event
 * when nevents is 0) stopped: none for more than `hours` before the
 * moment judged.
 */
struct metric_silent {
	char *name;
	char **events;
	size_t nevents;
	double hours; /* > 0 */
};

/* The definitions file. */
struct metrics_defs {
	struct metric_def *defs;
	size_t ndefs;
	struct metric_silent *silent;
	size_t nsilent;
};

struct metrics_opts {
	struct metric_def *defs;
	size_t ndefs;
	struct strvec durations; /* --durations events, each once */
	struct hist_edges edges; /* for --durations */
	struct tz tz;
	int sorted;
	int partial;		   /* day counts only, for merging */
	int by_outcome;		   /* --durations split by outcome */
	const char *payment_event; /* its event: "payment" (pulse-extract) */

	/* --alerts: alert records instead of metric records */
	struct metric_silent *silent;
	size_t nsilent;
	int alerts;
	int64_t alert_day; /* the day judged */
	int64_t cut_us;	   /* --as-of: its local time of day in microseconds,
			      the days counted up to it; -1: whole days */
	int64_t until_us;  /* the moment judged, local wall clock: the last
			      microsecond of the day, or --as-of */
};

/* metrics_defs.c */

/*
 * Parses the definitions file's text into *d.  @return 0, or -1 with
 * msg naming the place ("metrics[2]: missing 'event'",
 * "metrics[0].alert: 'below' is 2, not a share between 0 and 1") when the
 * text is not a definitions file: empty, not JSON, without one "metrics"
 * list of good definitions, a bad "alert" or "silent", or with a NUL in a
 * string (names are C strings); *d is then empty.
 */
int metrics_defs_parse(const char *text, size_t len, struct metrics_defs *d,
		       char *msg, size_t msz);

void metrics_defs_release(struct metrics_defs *d);

/* metrics_alert.c */

/* What the engine counted, for the alerts. */
struct metrics_counted {
	const struct series *dc; /* per metric: counts (up to cut_us) */
	int64_t first;		 /* the first day of the input */
	int have_day;		 /* the input had a day at all */
	const int64_t *last_us;	 /* per silent rule: its last event up to
				    until_us (local), or INT64_MIN */
};

/*
 * Appends the alert records of o's day (schemas/alert.schema.json), each
 * committed to out: the metrics in the order of the definitions, then the
 * silent rules.  @return how many metrics with an "alert" could not be
 * judged (no same weekday before the day in the input), the first one's
 * name in msg.
 */
size_t metrics_alert_write(const struct metrics_opts *o,
			   const struct metrics_counted *c, struct sink *out,
			   char *msg, size_t msz);

/* metrics_count.c */

struct metrics;

/*
 * The engine of o (copied; what it points to stays the caller's and must
 * outlive the engine).  @return NULL with msg when the definitions and
 * --durations name more than 32767 distinct events.
 */
struct metrics *metrics_new(const struct metrics_opts *o, char *msg,
			    size_t msz);

/*
 * Takes one event record (out is not written: counts are written at the
 * end).  @return 0; -1 with msg when the record is bad; an exit status
 * with msg when the run cannot go on.
 */
int metrics_add(struct metrics *m, const struct rec *r, struct sink *out,
		char *msg, size_t msz);

/*
 * Counts what is still held, writes the metric and histogram records (the
 * alert records with --alerts).  @return 0; -1 with a warning in msg (the
 * metrics with an alert that could not be judged); or an exit status with
 * msg.
 */
int metrics_finish(struct metrics *m, struct sink *out, char *msg, size_t msz);

void metrics_free(struct metrics *m);

#endif
