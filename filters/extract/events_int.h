/*
 * events_int.h - what the files of the events engine share (events.h is
 * its interface): events_read.c reads the tables row by row and the
 * dictionary, events_write.c orders and writes the records.
 */
#ifndef PULSE_EVENTS_INT_H
#define PULSE_EVENTS_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "csv.h"
#include "err.h"
#include "events.h"
#include "hmap.h"
#include "in.h"
#include "rec.h"

enum { SRC_EVENTS, SRC_PAYMENTS };

#define EV_PAYMENT UINT32_MAX

/* One table read file after file, one row at a time. */
struct cursor {
	int src;
	char **files;
	int nfiles, fi;
	int open, is_csv;
	int first; /* NDJSON: the file's first row is yet to come */
	struct in in;
	struct csv csv;
	long col[4]; /* CSV: id, user_id, event_id or amount, created_at */
	uint64_t rowno;
	struct rec rec;
	const char *where;
	uint64_t line;

	/* the current row */
	int64_t sec, id;
	int32_t nsec;
	uint32_t ev;
	int user_num;
	struct buf user, ts, amount, raw, tmp;
	/* the previous row's key, for sorted */
	int64_t psec, pid;
	int32_t pnsec;
	int started;
};

/*
 * A held row: its sort key and its text in the arena: user_id (ulen bytes:
 * it may hold a NUL), then ts and amount, each ended by a NUL (checked
 * as a time and a number, they hold none).
 */
struct held {
	int64_t sec, id;
	int32_t nsec;
	uint8_t src, user_num;
	uint16_t file; /* the index of its file (UINT16_MAX: or a later one) */
	uint32_t ev;
	uint32_t ulen;
	size_t off;
};

struct events {
	enum csv_enc enc;
	char *payment_event;
	int sorted;
	struct hmap dict; /* int64 id -> uint32 index + 1 */
	struct buf names; /* the names, back to back (a name may hold a NUL) */
	size_t *name_off; /* nnames + 1: name i is [name_off[i],
			     name_off[i+1]) */
	size_t nnames;
	struct held *h;
	size_t nh, caph;
	struct buf arena;

	/* the run */
	char **files[2]; /* each table's files */
	int nfiles[2];
	struct buf dup; /* a row written twice, for the report */
	struct sink *out;
	struct report *rep;
	struct buf *err;
};

/* The table a source is: "events", "payments". */
extern const char *const events_table[];

/* Sets the message of an error that ends the run.  @return status. */
int events_fail(struct events *x, int status, const char *fmt, ...)
	ERR_PRINTF(3, 4);

void events_cursor_init(struct cursor *c, int src, char **files, int n);
void events_cursor_release(struct cursor *c);

/*
 * The next good row of the table into c (bad ones go to x->rep).
 * @return 1, 0 at the end, or an exit status < 0 negated (-65...) with
 * the message in x->err.
 */
int events_cursor_next(struct events *x, struct cursor *c);

#endif
