/*
 * events.h - the engine of pulse-extract events: the `event` records of
 * the sales tables (events, events_dict, payments) from dumps instead of
 * the database: CSV with a header (COPY ... TO (FORMAT csv, HEADER), any
 * delimiter, UTF-8 or Windows-1251) or NDJSON (row_to_json), each plain or
 * zstd.
 *
 * The records are those pulse-extract pg writes from the same rows, in the
 * same order: by time, events before payments at one time, then by row id.
 * By default every row is held (about 80 bytes a row: 630 MB for 7.6
 * million) and sorted at the end; sorted says each table's rows already
 * come in (created_at, id) order, file after file, and the two tables are
 * merged as they are read, in constant memory.
 *
 * CSV has no types: a user_id that is a JSON integer (digits, no leading
 * zero) is written as a number, as it is from a bigint column; in NDJSON
 * it keeps its JSON type.  A table without an id column is numbered in
 * file order.  Values keep their lengths: a NUL in a user_id or a name is
 * kept, escaped.
 *
 * The engine writes into a struct sink and tells of bad rows through a
 * struct report (report.h); it never prints or exits.
 */
#ifndef PULSE_EVENTS_H
#define PULSE_EVENTS_H

#include "buf.h"
#include "csv.h"
#include "report.h"
#include "sink.h"

struct events_opts {
	enum csv_enc enc;	   /* the CSV files' encoding */
	const char *payment_event; /* the event name of payments */
	int sorted; /* each table comes in (created_at, id) order */
};

struct events;

struct events *events_new(const struct events_opts *o);
void events_free(struct events *x);

/*
 * Loads the events_dict table (id, name) from path.  A UTF-8 BOM and CRLF
 * line ends are accepted.  @return 0, or an exit status with the message
 * in err: 66 cannot open, 74 read error, 65 when it is empty, has no id
 * and name, or a row is bad ("file:line: why").
 */
int events_load_dict(struct events *x, const char *path, struct buf *err);

/*
 * Reads the events table from files[0..nfiles) (none: stdin) and the
 * payments table from pay[0..npay) (none: no payments), and writes their
 * records to out in order; each bad row goes to rep.  @return 0, or an
 * exit status with the message in err: 66 a file cannot be opened, 74 a
 * read error, 65 a file that is not a dump of its table (a header without
 * its columns, an empty payments file), a broken file, or rows out of
 * order when sorted.  In sorted mode the records before the error are
 * written.
 */
int events_run(struct events *x, char **files, int nfiles, char **pay, int npay,
	       struct sink *out, struct report *rep, struct buf *err);

#endif
