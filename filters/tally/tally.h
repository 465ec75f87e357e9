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
#include "json.h"
#include "record.h"

enum tally_fn { TALLY_FIELD, TALLY_DAY, TALLY_WEEK, TALLY_MONTH };

/* One element of --by: "category" or "week(created)". */
struct tally_by {
	char *spec; /* as written, for "by" in the output; owned */
	char *field; /* owned */
	enum tally_fn fn;
};

enum tally_sort { TALLY_SORT_FIRST, TALLY_SORT_COUNT, TALLY_SORT_KEY };

/*
 * An exact-where-possible sum: numbers that are multiples of 1e-9 below
 * 1e27 in magnitude add exactly in fx (scaled by 1e9); the others add
 * in long double fl.
 */
__extension__ typedef __int128 tally_i128;

struct tally_sum {
	tally_i128 fx;
	long double fl;
	uint64_t nfl; /* addends that went to fl */
	uint64_t skipped; /* --sum: null, absent or non-numeric values */
};

/* A number read from a record. */
struct tally_num {
	int exact; /* fx holds the value scaled by 1e9 */
	tally_i128 fx;
	double d;
};

struct tally {
	struct tally_by *by;
	size_t nby;
	const char **sum;
	size_t nsum;
	const char **hist;
	size_t nhist;
	double *edges;
	size_t nedges;
	enum tally_sort sort;

	/* derived by tally_setup() */
	size_t vsize, off_hist, hist_size, off_count;
	struct buf by_json; /* ["category","day(created)"] */
	struct hmap groups;

	/* per-record scratch, reused */
	struct buf *vals; /* nby: the candidate key values of each --by */
	size_t **offs; /* nby: start offsets into vals[i], plus the end */
	size_t *noffs, *capoffs;
	size_t *pos; /* odometer over the candidates */
	struct buf key;
	struct buf scratch;
	struct tally_num *sumv; /* nsum */
	int *sumok;
	struct tally_num *histv; /* nhist */
	int *histst; /* 1 number, 0 null */
};

/* Splits "a,day(b)" into t->by (appending).  @return 0, or -1 with msg. */
int tally_parse_by(struct tally *t, const char *list, char *msg, size_t msz);

/* Parses "0,1,2.5" into t->edges.  @return 0, or -1 with msg. */
int tally_parse_edges(struct tally *t, const char *list, char *msg,
		      size_t msz);

/* After the options: sizes the group block, sets default edges. */
void tally_setup(struct tally *t);

/* Counts one record.  @return 0, or -1 with msg when the record is bad. */
int tally_add(struct tally *t, const struct rec *r, char *msg, size_t msz);

/* Writes the count and histogram records of every group to c's output. */
void tally_emit(struct tally *t, struct cli *c);

void tally_release(struct tally *t);

/* tally_num.c */

/*
 * Reads a JSON number (or a string holding exactly one, as Bitrix24 writes
 * amounts).  @return 1 with *out set, 0 when v is null or absent, -1 when
 * v is something else.
 */
int tally_num_read(struct json_span v, struct buf *scratch,
		   struct tally_num *out);

void tally_sum_add(struct tally_sum *s, const struct tally_num *n);

/* Writes the sum as a JSON number: exact decimal when it can be. */
void tally_sum_write(const struct tally_sum *s, struct buf *b);

/*
 * Compares two key tuples (canonical JSON values joined by ',') in jq's
 * order: null < false < true < numbers < strings < arrays < objects,
 * strings by their UTF-8 bytes, numbers by value.
 */
int tally_key_cmp(const char *a, size_t an, const char *b, size_t bn);

#endif
