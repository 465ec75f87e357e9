/* pulse-tally - count records by group, with sums and histograms. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "merge.h"
#include "tally.h"

enum {
	OPT_EDGES = CLI_OPT_FIRST_PROGRAM,
	OPT_SORT,
};

static const struct cli_info info = {
	"pulse-tally",
	"usage: pulse-tally [-b FIELD[,FIELD...]] [-s FIELD] [-H FIELD] [options] [file ...]",
	"Count NDJSON records per group; write one 'count' record per group\n"
	"(and one 'histogram' record per group and --hist field).\n"
	"\n"
	"  -b, --by LIST          group by these fields, comma-separated; a field\n"
	"                         may be day(F), week(F) or month(F) of a time F;\n"
	"                         an array field counts the record once per element\n"
	"  -s, --sum FIELD        add up FIELD per group (repeatable)\n"
	"  -H, --hist FIELD       a fixed-bucket histogram of FIELD per group\n"
	"                         (repeatable)\n"
	"      --edges LIST       bucket edges for --hist (default 0,1,2,4,8,12,24,\n"
	"                         48,72,96,120,168,240,336,504,720,1440)\n"
	"      --sort-by ORDER    first (default: first appearance), count\n"
	"                         (descending, then key) or key\n" CLI_HELP_JOBS
		CLI_HELP_COMMON "\n"
	"Example: pulse-tally --by 'category,week(created)' tickets.ndjson\n",
};

/* Adds field (not empty) to the list unless it is there: a field is
 * summed only once. */
static void add_field(const struct cli *c, const char *opt, const char *field,
		      struct strvec *sv)
{
	if (!*field)
		cli_usage_error(c, "empty field name in %s", opt);
	if (strvec_find(sv, field) < 0)
		strvec_push(sv, field);
}

/* The engine as cli_run() drives it (lib/cli.h). */
static void *make(void *arg, const struct shard *shard, int partial)
{
	struct tally_opts o = *(const struct tally_opts *)arg;
	char msg[256];
	struct tally *t;

	(void)shard;
	/* a range's groups in first appearance: the combination orders them
	 * as asked */
	if (partial)
		o.sort = JKEY_SORT_FIRST;
	t = tally_new(&o, msg, sizeof msg);
	if (!t) /* main() made one with these options */
		die(EX_SOFTWARE, "%s", msg);
	return t;
}

static int add(void *e, const struct rec *r, struct sink *out, char *msg,
	       size_t msz)
{
	return tally_add(e, r, out, msg, msz);
}

static int finish(void *e, struct sink *out, char *msg, size_t msz)
{
	return tally_finish(e, out, msg, msz) < 0 ? EX_SOFTWARE : 0;
}

static void drop(void *e)
{
	tally_free(e);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"by", required_argument, NULL, 'b'},
		{"sum", required_argument, NULL, 's'},
		{"hist", required_argument, NULL, 'H'},
		{"edges", required_argument, NULL, OPT_EDGES},
		{"sort-by", required_argument, NULL, OPT_SORT},
		CLI_JOBS_LONGOPTS,
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct tally_opts o = {STRVEC_INIT,
			       STRVEC_INIT,
			       STRVEC_INIT,
			       {NULL, 0},
			       JKEY_SORT_FIRST};
	struct strvec edges = STRVEC_INIT;
	struct merge_opts mo = {0, JKEY_SORT_FIRST};
	struct cli_combine comb;
	struct cli_stage st = {.make = make,
			       .add = add,
			       .finish = finish,
			       .free = drop,
			       .arg = &o,
			       .split = CLI_SPLIT_RANGE,
			       .combine = &comb};
	struct tally *t;
	struct cli c;
	char msg[256];
	int opt, status;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv,
				  "b:s:H:" CLI_JOBS_SHORTOPTS CLI_SHORTOPTS,
				  longopts, NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case 'b':
			cli_parse_list(&c, "--by", optarg, &o.by);
			break;
		case 's':
			add_field(&c, "--sum", optarg, &o.sum);
			break;
		case 'H':
			add_field(&c, "--hist", optarg, &o.hist);
			break;
		case OPT_EDGES:
			strvec_clear(&edges); /* the last --edges counts */
			cli_parse_list(&c, "--edges", optarg, &edges);
			if (hist_edges_set(&o.edges,
					   (const char *const *)edges.v,
					   edges.n, msg, sizeof msg) < 0)
				cli_usage_error(&c, "invalid --edges '%s' (%s)",
						optarg, msg);
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
	t = tally_new(&o, msg, sizeof msg);
	if (!t)
		cli_usage_error(&c, "%s", msg);
	tally_free(t); /* the options are good: cli_run() makes its own */
	mo.sort = o.sort;
	merge_combine(&comb, &mo);
	cli_start(&c, argc - optind, argv + optind);
	cli_run(&c, &st);
	status = cli_finish(&c);
	strvec_clear(&o.by);
	strvec_clear(&o.sum);
	strvec_clear(&o.hist);
	strvec_clear(&edges);
	hist_edges_release(&o.edges);
	return status;
}
