/* pulse-merge - combine the partial results of sharded aggregates. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "merge.h"
#include "merge_int.h"

enum {
	OPT_PARTIAL = CLI_OPT_FIRST_PROGRAM,
	OPT_SORT,
};

/* The kinds merged, by the "kind" member of a record. */
static const struct merge_kind *const kinds[] = {
	&merge_count,  &merge_histogram, &merge_link,
	&merge_metric, &merge_funnel,
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

static const struct cli_info info = {
	"pulse-merge",
	"usage: pulse-merge [--partial] [--sort-by ORDER] [options] [file ...]",
	"Combine what shards of an aggregate wrote (pulse-tally, pulse-sankey,\n"
	"pulse-metrics --partial, pulse-funnel --partial) into what one run over\n"
	"the whole input writes.\n"
	"\n"
	"      --partial          write partial records again, to be merged later\n"
	"                         (metric records stay partial)\n"
	"      --sort-by ORDER    count records: first (default: first appearance),\n"
	"                         count (descending, then key) or key, as\n"
	"                         pulse-tally --sort-by\n" CLI_HELP_COMMON "\n"
	"Reads count, histogram, link, metric and funnel records (the last two as\n"
	"--partial writes them); each kind comes out grouped, kinds in the order\n"
	"first met.  See pulse-merge(1).\n",
};

/*
 * The order the kinds come out in: the order first met, except that a kind
 * goes before another that it precedes in some input file (an empty shard
 * of pulse-metrics --durations writes its histograms but no metric: the
 * other shards still say metrics come first).
 */
struct kind_order {
	size_t first[NKINDS]; /* 1 + rank of first appearance, 0: not met */
	size_t nmet;
	unsigned char before[NKINDS][NKINDS]; /* i came before j in a file */
	unsigned char infile[NKINDS];	      /* met in the current file */
	int fi;				      /* the current file */
};

static void order_met(struct kind_order *ko, size_t k, int fi)
{
	size_t j;

	if (fi != ko->fi) {
		memset(ko->infile, 0, sizeof ko->infile);
		ko->fi = fi;
	}
	if (!ko->first[k])
		ko->first[k] = ++ko->nmet;
	if (ko->infile[k])
		return;
	for (j = 0; j < NKINDS; j++)
		if (ko->infile[j])
			ko->before[j][k] = 1;
	ko->infile[k] = 1;
}

/* Fills seq[0..nmet) with the kinds to finish, in order. */
static void order_kinds(const struct kind_order *ko, size_t *seq)
{
	unsigned char done[NKINDS] = {0};
	size_t n, k, j, pick;

	for (n = 0; n < ko->nmet; n++) {
		pick = NKINDS;
		for (k = 0; k < NKINDS; k++) {
			if (!ko->first[k] || done[k])
				continue;
			for (j = 0; j < NKINDS; j++)
				if (ko->first[j] && !done[j] && j != k &&
				    ko->before[j][k] && !ko->before[k][j])
					break;
			if (j == NKINDS &&
			    (pick == NKINDS || ko->first[k] < ko->first[pick]))
				pick = k;
		}
		if (pick == NKINDS) /* inputs disagree: the first met */
			for (k = 0; k < NKINDS; k++)
				if (ko->first[k] && !done[k] &&
				    (pick == NKINDS ||
				     ko->first[k] < ko->first[pick]))
					pick = k;
		done[pick] = 1;
		seq[n] = pick;
	}
}

/* The names of the kinds, for the message on an unknown one. */
static void kind_list(struct buf *b)
{
	size_t k;

	for (k = 0; k < NKINDS; k++) {
		if (k)
			buf_adds(b, k + 1 == NKINDS ? " or " : ", ");
		buf_adds(b, kinds[k]->kind);
	}
}

static size_t find_kind(const struct rec *r, struct cli *c, struct buf *names)
{
	struct json_span v = rec_get(r, "kind");
	size_t k;

	if (v.type != JSON_STRING) {
		cli_bad(c,
			v.type == JSON_NONE
				? "a record without 'kind' (pulse-merge reads %s)"
				: "'kind' is not a string (pulse-merge reads %s)",
			names->p);
		return NKINDS;
	}
	for (k = 0; k < NKINDS; k++)
		if (json_str_eq(v, kinds[k]->kind, strlen(kinds[k]->kind)))
			return k;
	cli_bad(c, "kind %.*s is not one pulse-merge combines (%s)",
		(int)(v.n > 40 ? 40 : v.n), v.p, names->p);
	return NKINDS;
}

/* Tally's histograms go after their count records (merge_int.h). */
static void link_tally(void **st)
{
	size_t k, kc = NKINDS, kh = NKINDS;

	for (k = 0; k < NKINDS; k++) {
		if (kinds[k] == &merge_count)
			kc = k;
		else if (kinds[k] == &merge_histogram)
			kh = k;
	}
	if (kc == NKINDS || kh == NKINDS || !st[kc] || !st[kh])
		return;
	merge_tally_link(st[kc], st[kh]);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"partial", no_argument, NULL, OPT_PARTIAL},
		{"sort-by", required_argument, NULL, OPT_SORT},
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	static struct kind_order ko;
	void *st[NKINDS] = {0};
	size_t seq[NKINDS], k;
	struct merge_opts o;
	struct buf names = BUF_INIT;
	struct cli c;
	struct rec *r;
	uint64_t nbad;
	int opt, status;

	memset(&o, 0, sizeof o);
	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_PARTIAL:
			o.partial = 1;
			break;
		case OPT_SORT:
			if (jkey_sort_parse(optarg, &o.sort) < 0)
				cli_usage_error(
					&c,
					"invalid --sort-by '%s' (first, count or key)",
					optarg);
			break;
		default:
			cli_usage(&c);
		}
	}
	kind_list(&names);
	ko.fi = -1;
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r)) {
		k = find_kind(r, &c, &names);
		if (k == NKINDS)
			continue;
		if (!st[k])
			st[k] = kinds[k]->create(&o);
		nbad = c.nbad;
		kinds[k]->add(st[k], &c, r);
		/* a bad record does not decide where its kind goes */
		if (c.nbad == nbad)
			order_met(&ko, k, c.fi);
	}
	link_tally(st);
	order_kinds(&ko, seq);
	for (k = 0; k < ko.nmet; k++)
		kinds[seq[k]]->finish(st[seq[k]], &c);
	status = cli_finish(&c);
	for (k = 0; k < NKINDS; k++)
		if (st[k])
			kinds[k]->destroy(st[k]);
	buf_release(&names);
	return status;
}
