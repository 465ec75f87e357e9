/*
 * hist.h - fixed-bucket histograms, the one implementation pulse has.
 *
 * A histogram counts numbers into the buckets that fixed, strictly
 * increasing edges make: with n edges there are n+1 buckets, counts[0]
 * below edges[0], counts[k] for edges[k-1] <= v < edges[k], counts[n] from
 * edges[n-1] up (a value on an edge goes to the bucket above it).  It also
 * keeps the exact sum of the values (num.h), how many there were, and how
 * many were null.  Edges never come from the data, so histograms of shards
 * merge exactly: add counts element by element, count, sum and null
 * (schemas/histogram.schema.json).
 *
 * struct hist ends in its counts: it lives in memory the caller sizes with
 * hist_size() (pulse-tally keeps one per group inside a hash map value),
 * zeroed before the first hist_add().  hist_write() writes the members a
 * histogram record shares; the caller writes "kind", "field", "by", "key"
 * and its own members around them.
 */
#ifndef PULSE_HIST_H
#define PULSE_HIST_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "num.h"

/* Bucket edges; v is owned (hist_edges_release frees it). */
struct hist_edges {
	double *v;
	size_t n;
};

/*
 * The default edges, in hours: an hour, a day, a week, a month, two
 * months (0,1,2,4,8,12,24,48,72,96,120,168,240,336,504,720,1440).
 */
void hist_edges_default(struct hist_edges *e);

/*
 * Sets e, replacing what it held, to the n numbers items[] (JSON numbers a
 * double holds, strictly increasing: an --edges list cli_parse_list()
 * split).  @return 0, or -1 with msg ("'x' is not a number", "1 after 2:
 * the edges must increase"); e is then empty.
 */
int hist_edges_set(struct hist_edges *e, const char *const *items, size_t n,
		   char *msg, size_t msz);

/* As hist_edges_set(), of the comma-separated list "0,1,2.5". */
int hist_edges_parse(struct hist_edges *e, const char *list, char *msg,
		     size_t msz);

void hist_edges_release(struct hist_edges *e);

struct hist {
	struct num_sum sum;
	uint64_t n;	   /* numeric values: the sum of counts */
	uint64_t null;	   /* null or absent values */
	uint64_t counts[]; /* edges.n + 1 */
};

/* Bytes of a struct hist for e (a multiple of 16, so blocks can follow). */
size_t hist_size(const struct hist_edges *e);

/* The bucket of v: 0 .. e->n. */
size_t hist_bucket(const struct hist_edges *e, double v);

/* Counts v (its double picks the bucket, the sum takes it exactly). */
void hist_add(struct hist *h, const struct hist_edges *e, const struct num *v);

/*
 * Takes back an exact v that hist_add() added (the sum stays exact).
 * @return 0, or -1 when v is not exact or its bucket is empty: it was
 * never added (a caller's bug), and h is unchanged.
 */
int hist_sub(struct hist *h, const struct hist_edges *e, const struct num *v);

static inline void hist_add_null(struct hist *h)
{
	h->null++;
}

/*
 * Appends "edges":[...],"counts":[...],"count":N,"sum":S,"null":K to b
 * (no braces, no leading or trailing comma); the sum of no values is 0.
 */
void hist_write(struct buf *b, const struct hist_edges *e,
		const struct hist *h);

/*
 * The q-quantile (0 <= q <= 1) estimated from the buckets: the bucket
 * holding the value of rank q*count, and inside it linear interpolation
 * between its edges, as if its values were spread evenly.  The open
 * buckets have one edge only: below the first edge the answer is
 * edges[0], from the last edge up it is edges[n-1].  @return NaN when the
 * histogram holds no value.
 */
double hist_quantile(const struct hist *h, const struct hist_edges *e,
		     double q);

#endif
