/* pulse-sankey - how users move through events: Sankey links. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "sankey.h"

enum {
	OPT_STEPS = CLI_OPT_FIRST_PROGRAM,
	OPT_REQUIRE,
	OPT_SORTED,
};

static const struct cli_info info = {
	"pulse-sankey",
	"usage: pulse-sankey [--steps N] [--require EVENT[,EVENT...]] [--sorted] [options] [file ...]",
	"Take each user's first N events in time order and count the users per\n"
	"transition: one 'link' record per distinct (step, from, to).\n"
	"\n"
	"      --steps N          events per user (default 7: links of steps 1-6)\n"
	"      --require LIST     only users with at least one of these events\n"
	"                         anywhere in their history (comma-separated,\n"
	"                         repeatable)\n"
	"      --sorted           input grouped by user_id: constant memory\n" CLI_HELP_KEYED
		CLI_HELP_COMMON "\n"
	"Reads event records (user_id, ts, event), writes link records\n"
	"{\"kind\":\"link\",\"step\":1,\"from\":A,\"to\":B,\"value\":USERS}, ordered by\n"
	"step, then value descending, then from and to.  See pulse-sankey(1).\n",
};

/* Adds the names of a comma-separated list; empty names are an error. */
static void add_require(struct cli *c, struct sankey_opts *o, char *list)
{
	char *p = list, *comma;

	for (;;) {
		comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if (!*p)
			cli_usage_error(c, "empty event name in --require");
		o->require = xrealloc(o->require,
				      (o->nrequire + 1) * sizeof *o->require);
		o->require[o->nrequire++] = p;
		if (!comma)
			return;
		p = comma + 1;
	}
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"steps", required_argument, NULL, OPT_STEPS},
		{"require", required_argument, NULL, OPT_REQUIRE},
		{"sorted", no_argument, NULL, OPT_SORTED},
		CLI_KEYED_LONGOPTS,
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct sankey_opts o = {7, 0, NULL, 0};
	struct sankey *s;
	struct cli c;
	struct rec *r;
	char *end;
	long v;
	int opt, status;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_STEPS:
			v = strtol(optarg, &end, 10);
			if (end == optarg || *end || v < 2 ||
			    v > SANKEY_MAX_STEPS)
				cli_usage_error(
					&c, "invalid --steps '%s' (2 to %d)",
					optarg, SANKEY_MAX_STEPS);
			o.steps = (unsigned)v;
			break;
		case OPT_REQUIRE:
			add_require(&c, &o, optarg);
			break;
		case OPT_SORTED:
			o.sorted = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	s = sankey_new(&o);
	cli_key(&c, "user_id");
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r))
		sankey_add(s, &c, r);
	sankey_finish(s, &c);
	status = cli_finish(&c);
	sankey_free(s);
	free(o.require);
	return status;
}
