/*
 * merge_int.h - what pulse-merge's own kinds share (merge_util.c), and
 * the link between the count and histogram kinds.
 *
 * Every kind checks a whole record before it adds any of it: a bad record
 * (cli_bad()) leaves no trace.  Keys are compared in canonical JSON
 * (lib/jkey.h), so records that went through jq still find their group.
 */
#ifndef PULSE_MERGE_INT_H
#define PULSE_MERGE_INT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cli.h"
#include "json.h"
#include "record.h"

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

/* a + b into *sum unless it passes INT64_MAX.  @return 0 or -1. */
static inline int merge_add(uint64_t a, uint64_t b, uint64_t *sum)
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
 * record.  So that a merge writes them there too, main.c links the two
 * kinds before finish(): the count kind then writes, after each count
 * record, the histograms of equal "by" and "key" that carry no quantiles
 * (pulse-metrics' do), in the order they first came; the histogram kind
 * writes the others.  Both key a group by BY '\0' KEY (merge_by(),
 * merge_key()).
 */
void merge_count_link(void *count_st, void *hist_st); /* merge_count.c */
int merge_count_has(void *count_st, const char *bykey, size_t n);
void merge_hist_link(void *hist_st, void *count_st); /* merge_hist.c */
void merge_hist_write_group(void *hist_st, struct cli *c, const char *bykey,
			    size_t n);

#endif
