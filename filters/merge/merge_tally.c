/*
 * merge_tally.c - pulse-tally's two kinds linked: each count record
 * followed by its histograms (merge_int.h).  The count and histogram
 * kinds know nothing of each other; this is the only place that knows
 * both.
 */
#include "merge_int.h"

void merge_tally_link(void *count_st, void *hist_st)
{
	merge_hist_claim(hist_st, merge_count_has, count_st);
	merge_count_follow(count_st, merge_hist_write_group, hist_st);
}
