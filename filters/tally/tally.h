/*
 * tally.h - pulse-tally's group-by engine, shared by main.c and tally_*.c.
 *
 * A tally is a hash map from a group key (the canonical JSON of the key
 * tuple, its elements joined by ',') to a fixed-size block of counters:
 * the record count, one exact sum per --sum field and one histogram per
 * --hist field.  Memory grows with the number of groups only; a record
 * costs no allocation once the reused buffers have grown.
 *
 * tally_add() never accumulates part of a record: it checks every value
 * first and returns -1 with a message when the record is bad.
 */
#ifndef PULSE_TALLY_H
#define PULSE_TALLY_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cli.h"
#include "hmap.h"
#include "jkey.h"
#include "hist.h"
#include "json.h"
#include "num.h"
#include "record.h"

enum tally_fn { TALLY_FIELD, TALLY_DAY, TALLY_WEEK, TALLY_MONTH };

/* One element of --by: "category" or "week(created)". */
struct tally_by {
	char *spec;  /* as written, for "by" in the output; owned */
	char *field; /* owned */
	enum tally_fn fn;
};

/* A --sum: the exact sum (num.h) and the values it could not add. */
struct tally_sum {
	struct num_sum s;
	uint64_t skipped; /* null, absent or non-numeric values */
};

struct tally {
	struct tally_by *by;
	size_t nby;
	const char **sum;
	size_t nsum;
	const char **hist;
	size_t nhist;
	struct hist_edges edges;
	enum jkey_sort sort;

	/* derived by tally_setup() */
	size_t vsize, off_hist, hist_size, off_count;
	struct buf by_json; /* ["category","day(created)"] */
	struct hmap groups;

	/* per-record scratch, reused */
	struct buf *vals; /* nby: the candidate key values of each --by */
	size_t **offs;	  /* nby: start offsets into vals[i], plus the end */
	size_t *noffs, *capoffs;
	size_t *pos; /* odometer over the candidates */
	struct buf key;
	struct buf scratch;
	struct num *sumv; /* nsum */
	int *sumok;
	struct num *histv; /* nhist */
	int *histst;	   /* 1 number, 0 null */
};

/* Splits "a,day(b)" into t->by (appending).  @return 0, or -1 with msg. */
int tally_parse_by(struct tally *t, const char *list, char *msg, size_t msz);

/* Parses "0,1,2.5" into t->edges.  @return 0, or -1 with msg. */
int tally_parse_edges(struct tally *t, const char *list, char *msg, size_t msz);

/* After the options: sizes the group block, sets default edges. */
void tally_setup(struct tally *t);

/* Counts one record.  @return 0, or -1 with msg when the record is bad. */
int tally_add(struct tally *t, const struct rec *r, char *msg, size_t msz);

/* Writes the count and histogram records of every group to c's output. */
void tally_emit(struct tally *t, struct cli *c);

void tally_release(struct tally *t);

#endif
