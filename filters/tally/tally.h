/*
 * tally.h - pulse-tally's group-by engine (tally_group.c), behind its CLI
 * (main.c).
 *
 * A tally is a hash map from a group key (the canonical JSON of the key
 * tuple, its elements joined by ',') to a fixed-size block of counters:
 * the record count, one exact sum per --sum field and one histogram per
 * --hist field.  Memory grows with the number of groups only; a record
 * costs no allocation once the reused buffers have grown.
 *
 * The engine follows the contract of every stage: it never sees the
 * command line or exits; tally_add() checks every value of a record
 * before it counts any, and returns -1 with a message when the record is
 * bad (it then leaves no trace); tally_finish() writes every group into a
 * sink.
 */
#ifndef PULSE_TALLY_H
#define PULSE_TALLY_H

#include <stddef.h>

#include "hist.h"
#include "jkey.h"
#include "rec.h"
#include "sink.h"
#include "strvec.h"

struct tally_opts {
	struct strvec by;	 /* "category", "week(created)": as written */
	struct strvec sum;	 /* --sum fields, each once */
	struct strvec hist;	 /* --hist fields, each once */
	struct hist_edges edges; /* of --hist; none: the default (hist.h) */
	enum jkey_sort sort;	 /* the order of the groups written */
};

struct tally;

/*
 * A tally of o's fields (o is copied; its vectors and edges stay the
 * caller's and must outlive the tally).  @return NULL with msg when an
 * element of o->by is not a field or day(F), week(F), month(F) ("unknown
 * function in --by 'year(created)' (day, week or month)").
 */
struct tally *tally_new(const struct tally_opts *o, char *msg, size_t msz);

/*
 * Counts one record (out is not written: groups are written at the end).
 * @return 0, or -1 with msg when the record is bad.
 */
int tally_add(struct tally *t, const struct rec *r, struct sink *out, char *msg,
	      size_t msz);

/*
 * Writes the count and histogram records of every group, in o->sort's
 * order (no --by and no records: one count of 0).  @return 0.
 */
int tally_finish(struct tally *t, struct sink *out, char *msg, size_t msz);

void tally_free(struct tally *t);

#endif
