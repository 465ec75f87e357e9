/*
 * merge_int.h - what pulse-merge's own kinds share (merge_util.c), and
 * what the count and histogram kinds offer merge_tally.c.
 *
 * Every kind checks a whole record before it adds any of it: a bad record
 * leaves no trace.  Keys are compared in canonical JSON
 * (lib/jkey.h), so records that went through jq still find their group.
 */
#ifndef PULSE_MERGE_INT_H
#define PULSE_MERGE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "json.h"
#include "merge.h"
#include "num.h"
#include "rec.h"
#include "sink.h"

/*
 * One kind of record merge_add() takes.  add() checks the whole record
 * before it adds any of it: @return 0, or -1 with msg (the record leaves
 * no trace).  finish() writes the merged records to out, sink_commit()
 * after each: @return 0, or -1 with msg.
 */
struct merge_kind {
	const char *kind; /* the "kind" member it takes: "count" */
	void *(*create)(const struct merge_opts *o);
	int (*add)(void *st, const struct rec *r, char *msg, size_t msz);
	int (*finish)(void *st, struct sink *out, char *msg, size_t msz);
	void (*destroy)(void *st);
};

extern const struct merge_kind merge_count;	/* merge_count.c */
extern const struct merge_kind merge_histogram; /* merge_hist.c */
extern const struct merge_kind merge_link;	/* merge_link.c */
extern const struct merge_kind merge_metric;	/* merge_metric.c */
extern const struct merge_kind merge_funnel;	/* merge_funnel.c */

/*
 * Finds the members names[0..n) of r (the last of duplicates, as rec_get())
 * into vals[] (JSON_NONE when absent).  @return 0, or -1 with msg naming a
 * member not in names ("kind" is always allowed).
 */
int merge_members(const struct rec *r, const char *const *names, size_t n,
		  struct json_span *vals, char *msg, size_t msz);

/*
 * Reads an integer 0 .. INT64_MAX (what the aggregates write counts as).
 * @return 0, or -1 with msg naming member what.
 */
int merge_count_val(struct json_span v, const char *what, uint64_t *out,
		    char *msg, size_t msz);

/*
 * Whether num_sum_write() writes s as a finite number (a sum that spilled
 * past the exact range may pass the largest double).
 */
int merge_sum_fits(const struct num_sum *s);

/* a + b into *sum unless it passes INT64_MAX.  @return 0 or -1. */
static inline int merge_u64_add(uint64_t a, uint64_t b, uint64_t *sum)
{
	if (b > (uint64_t)INT64_MAX - a)
		return -1;
	*sum = a + b;
	return 0;
}

/*
 * Appends the canonical JSON of the elements of array v joined by ','
 * (pulse-tally's group key: "\"a\",1").  @return 0, or -1 when v is not
 * an array.
 */
int merge_key(struct json_span v, struct buf *out, struct buf *scratch);

/*
 * Appends the canonical JSON of a "by" array of strings.  @return 0, or
 * -1 when v is not one.
 */
int merge_by(struct json_span v, struct buf *out, struct buf *scratch);

/*
 * pulse-tally writes each group's histogram records right after its count
 * record.  So that a merge writes them there too, merge_tally.c links the
 * two kinds before finish(): the histogram kind claims the histograms of
 * equal "by" and "key" as a count group that carry no quantiles
 * (pulse-metrics' do), and the count kind, after each count record, has
 * the histogram kind write the group's claimed ones, in the order they
 * first came; the histogram kind writes the others.  Both key a group by
 * BY '\0' KEY (merge_by(), merge_key()).  Neither kind knows the other:
 * each takes a function of the other's through merge_tally.c.
 */

/* What comes after a count record: the histograms of bykey[0..n). */
typedef void merge_follow_fn(void *arg, struct sink *out, const char *bykey,
			     size_t n);
/* Whether the count kind has the group bykey[0..n). */
typedef int merge_has_fn(void *arg, const char *bykey, size_t n);

/* merge_count.c: after each count record, follow(arg, ...) writes more. */
void merge_count_follow(void *count_st, merge_follow_fn *follow, void *arg);
int merge_count_has(void *count_st, const char *bykey, size_t n);

/* merge_hist.c: claims the groups has(arg, ...) says a count record has. */
void merge_hist_claim(void *hist_st, merge_has_fn *has, void *arg);
void merge_hist_write_group(void *hist_st, struct sink *out, const char *bykey,
			    size_t n);

/* merge_tally.c: links the two kinds of pulse-tally's output. */
void merge_tally_link(void *count_st, void *hist_st);

#endif
