/*
 * pgstate.h - the bookmark of pulse-extract pg (--state FILE).
 *
 * One line of JSON, written by pgstate_save() and read back by
 * pgstate_load():
 *
 *   {"source":"pg","query":"default",
 *    "events":{"ts":"2026-01-21 00:00:00+00","id":"1336"},
 *    "payments":null}
 *   {"source":"pg","query":"custom","key":"row_id",
 *    "last":{"ts":"2026-01-21 02:00:00+00","key":"1341"}}
 *
 * Each mark is the last (ts, id) read from one source, as the server
 * printed them, or null when that source has given no row yet.  Every
 * member is required: a bookmark that lacks one, or is empty, not JSON,
 * cut short or of the wrong types, is damaged, never taken for a first
 * run (which would read every row again).  A UTF-8 BOM and a CRLF line
 * end (an editor's) are accepted.
 *
 * Errors: both functions return < 0 with a message in err (without the
 * program's name; the file is named in it) and the exit status for it in
 * *code; main() decides.  Nothing here exits.
 */
#ifndef PULSE_PGSTATE_H
#define PULSE_PGSTATE_H

#include <stddef.h>

#include "buf.h"

/* A bookmark's mark: the last (ts, id) of one source. */
struct pgstate_mark {
	struct buf ts, id;
	int set;
};

enum pgstate_src { PGSTATE_EVENTS, PGSTATE_PAYMENTS, PGSTATE_QUERY, PGSTATE_N };

struct pgstate {
	const char *key; /* --key of --query, NULL for the default query */
	struct pgstate_mark mark[PGSTATE_N];
};

/*
 * Reads the bookmark at path into s (whose key says which query it must
 * be of).  @return 1 read, 0 no such file (a first run), or < 0 with *code
 * 65 (damaged), 64 (a bookmark of another query or key) or 66 (cannot
 * read it, a directory).
 */
int pgstate_load(struct pgstate *s, const char *path, struct buf *err,
		 int *code);

/*
 * Writes s to path: a temporary file beside it, synced, then renamed over
 * it.  @return 0, or < 0 with *code 73 or 74.
 */
int pgstate_save(const struct pgstate *s, const char *path, struct buf *err,
		 int *code);

/* Moves a mark to (ts, id). */
void pgstate_set(struct pgstate_mark *m, const char *ts, size_t tsn,
		 const char *id, size_t idn);

/* Frees the marks' buffers. */
void pgstate_release(struct pgstate *s);

#endif
