/* pulse-tally - count records by group, with sums and histograms. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
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
	"                         (descending, then key) or key\n" CLI_HELP_COMMON
	"\n"
	"Example: pulse-tally --by 'category,week(created)' tickets.ndjson\n",
};

/* Adds s to the list unless it is there: a field is summed only once. */
static void add_name(const char ***v, size_t *n, const char *s)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	*v = xrealloc(*v, (*n + 1) * sizeof **v);
	(*v)[(*n)++] = s;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"by", required_argument, NULL, 'b'},
		{"sum", required_argument, NULL, 's'},
		{"hist", required_argument, NULL, 'H'},
		{"edges", required_argument, NULL, OPT_EDGES},
		{"sort-by", required_argument, NULL, OPT_SORT},
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct tally t;
	struct cli c;
	struct rec *r;
	char msg[256];
	int opt, status;

	memset(&t, 0, sizeof t);
	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, "b:s:H:" CLI_SHORTOPTS, longopts,
				  NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case 'b':
			if (tally_parse_by(&t, optarg, msg, sizeof msg) < 0)
				cli_usage_error(&c, "%s", msg);
			break;
		case 's':
			if (!*optarg)
				cli_usage_error(&c,
						"empty field name in --sum");
			add_name(&t.sum, &t.nsum, optarg);
			break;
		case 'H':
			if (!*optarg)
				cli_usage_error(&c,
						"empty field name in --hist");
			add_name(&t.hist, &t.nhist, optarg);
			break;
		case OPT_EDGES:
			if (tally_parse_edges(&t, optarg, msg, sizeof msg) < 0)
				cli_usage_error(&c, "%s", msg);
			break;
		case OPT_SORT:
			if (jkey_sort_parse(optarg, &t.sort) < 0)
				cli_usage_error(
					&c,
					"invalid --sort-by '%s' (first, count or key)",
					optarg);
			break;
		default:
			cli_usage(&c);
		}
	}
	tally_setup(&t);
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r))
		if (tally_add(&t, r, msg, sizeof msg) < 0)
			cli_bad(&c, "%s", msg);
	tally_emit(&t, &c);
	status = cli_finish(&c);
	tally_release(&t);
	return status;
}
