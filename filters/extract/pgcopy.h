/*
 * pgcopy.h - the engine of pulse-extract pg: `event` records from
 * PostgreSQL through libpq.
 *
 * The rows come through COPY (SELECT ...) TO STDOUT in text format, one
 * row in memory at a time, so a table of any size passes in bounded
 * memory.  The SELECT is first prepared and described, which checks the
 * query and gives the column types (a user_id of an integer type is
 * written as a JSON number, any other as a string) before any row moves.
 *
 * The default query reads the tables of the sales-analytics task:
 * events (id, user_id, event_id, created_at) with each event_id's name from
 * events_dict (id, name), and payments (id, user_id, amount, created_at) as
 * events named payment_event with their amount, ordered by created_at,
 * then events before payments, then id.  A custom query's columns
 * user_id, ts and event (and amount) are found by name.
 *
 * The bookmark (pgstate.h) holds the last (created_at, id) read of each
 * table, as the server printed them; the query asks for the rows after
 * it, and each row read moves it on.  The session runs in UTC: a
 * timestamptz comes as "2025-03-01 10:15:00+00" and is written
 * "2025-03-01T10:15:00Z"; a timestamp without time zone stays naive.
 *
 * The engine writes into a struct sink, tells of bad rows through a struct
 * report and returns an exit status with a message (the password never
 * in it: pgconn.h scrubs it): 69 when the server cannot be reached or the
 * connection is lost, 65 when the query fails.  It never prints or exits.
 */
#ifndef PULSE_PGCOPY_H
#define PULSE_PGCOPY_H

#include <stdint.h>

#include "buf.h"
#include "pgconn.h"
#include "pgstate.h"
#include "report.h"
#include "sink.h"

struct pgcopy_opts {
	const char *query; /* a custom SELECT, or NULL for the default one */
	const char *key;   /* its column that orders rows of one ts, or NULL */
	const char *since; /* only rows with ts >= since (as given), or NULL */
	const char *until; /* only rows with ts < until, or NULL */
	int row_ids;	   /* add "row":"events/ID" to each record */
	const char *payment_event; /* the event name of payments */
};

struct pgcopy;

/*
 * A new engine with the options o (kept: they must outlive it) whose
 * bookmark is st (read before, advanced by pgcopy_run()).
 */
struct pgcopy *pgcopy_new(const struct pgcopy_opts *o, struct pgstate *st);

/* Closes the connection and frees x. */
void pgcopy_free(struct pgcopy *x);

/*
 * Connects with k's connection string and sets the session up.  @return 0,
 * or an exit status (69, or 71 when libpq cannot allocate) with the
 * message in err.
 */
int pgcopy_connect(struct pgcopy *x, struct pgconn *k, struct buf *err);

/*
 * Runs the query and writes a record of each row to out; a row that makes
 * no record goes to rep ("query", its row number).  @return 0, or an exit
 * status with the message in err: 69 the connection is lost, 65 the query
 * fails or its columns are not what they must be, 64 --key names no
 * column.  The records before the error are written.
 */
int pgcopy_run(struct pgcopy *x, struct sink *out, struct report *rep,
	       struct buf *err);

/* Rows read so far. */
uint64_t pgcopy_rows(const struct pgcopy *x);

#endif
