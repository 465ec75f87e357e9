/* pulse-merge - combine the partial results of sharded aggregates. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "merge.h"

enum {
	OPT_PARTIAL = CLI_OPT_FIRST_PROGRAM,
	OPT_SORT,
};

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

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"partial", no_argument, NULL, OPT_PARTIAL},
		{"sort-by", required_argument, NULL, OPT_SORT},
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct merge_opts o;
	struct merge *m;
	struct cli c;
	struct rec *r;
	char msg[256];
	int opt, status, fi = -1;

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
	m = merge_new(&o);
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r)) {
		if (c.fi != fi) {
			fi = c.fi;
			merge_next_input(m);
		}
		if (merge_add(m, r, cli_sink(&c), msg, sizeof msg) < 0)
			cli_bad(&c, "%s", msg);
		cli_commit(&c);
	}
	if (merge_finish(m, cli_sink(&c), msg, sizeof msg) < 0)
		die(EX_DATAERR, "%s", msg);
	status = cli_finish(&c);
	merge_free(m);
	return status;
}
