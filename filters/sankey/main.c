/* pulse-sankey - how users move through events: Sankey links. */
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
	struct sankey_opts o = {7, 0, STRVEC_INIT};
	struct sankey *s;
	struct cli c;
	struct rec *r;
	char msg[256];
	int opt, status;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_STEPS:
			o.steps = (unsigned)cli_parse_uint(
				&c, "--steps", optarg, 2, SANKEY_MAX_STEPS);
			break;
		case OPT_REQUIRE:
			cli_parse_list(&c, "--require", optarg, &o.require);
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
	while (cli_next(&c, &r)) {
		if (sankey_add(s, r, cli_sink(&c), msg, sizeof msg) < 0)
			cli_bad(&c, "%s", msg);
		cli_commit(&c);
	}
	if (sankey_finish(s, cli_sink(&c), msg, sizeof msg) < 0)
		die(EX_SOFTWARE, "%s", msg);
	status = cli_finish(&c);
	sankey_free(s);
	strvec_clear(&o.require);
	return status;
}
