/*
 * merge_comb.c - pulse-merge's engine as the combiner of a stage's
 * threads (lib/cli.h: cli_run()): pulse-tally, pulse-sankey, pulse-metrics
 * and pulse-funnel add up their threads' partial results as pulse-merge
 * adds up those of their shards.
 */
#include "cli.h"
#include "merge.h"

static void *comb_open(void *arg)
{
	return merge_new(arg);
}

static void comb_next(void *m)
{
	merge_next_input(m);
}

static int comb_add(void *m, const struct rec *r, struct sink *out, char *msg,
		    size_t msz)
{
	return merge_add(m, r, out, msg, msz);
}

static int comb_finish(void *m, struct sink *out, char *msg, size_t msz)
{
	return merge_finish(m, out, msg, msz);
}

static void comb_close(void *m)
{
	merge_free(m);
}

void merge_combine(struct cli_combine *cb, struct merge_opts *o)
{
	cb->open = comb_open;
	cb->next_input = comb_next;
	cb->add = comb_add;
	cb->finish = comb_finish;
	cb->close = comb_close;
	cb->arg = o;
}
