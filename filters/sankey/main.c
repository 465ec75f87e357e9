/* pulse-sankey - how users move through events: Sankey links. */
#include "cli.h"
#include "merge.h"
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
	"      --sorted           input grouped by user_id: constant memory\n" CLI_HELP_JOBS
		CLI_HELP_KEYED CLI_HELP_COMMON "\n"
	"Reads event records (user_id, ts, event), writes link records\n"
	"{\"kind\":\"link\",\"step\":1,\"from\":A,\"to\":B,\"value\":USERS}, ordered by\n"
	"step, then value descending, then from and to.  See pulse-sankey(1).\n",
};

/* The engine as cli_run() drives it (lib/cli.h). */
static void *make(void *arg, const struct shard *shard, int partial)
{
	(void)shard;   /* the cli keeps this thread's users (cli_key()) */
	(void)partial; /* link records add up as they are */
	return sankey_new(arg);
}

static int add(void *e, const struct rec *r, struct sink *out, char *msg,
	       size_t msz)
{
	return sankey_add(e, r, out, msg, msz);
}

static int finish(void *e, struct sink *out, char *msg, size_t msz)
{
	return sankey_finish(e, out, msg, msz) < 0 ? EX_SOFTWARE : 0;
}

static void drop(void *e)
{
	sankey_free(e);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"steps", required_argument, NULL, OPT_STEPS},
		{"require", required_argument, NULL, OPT_REQUIRE},
		{"sorted", no_argument, NULL, OPT_SORTED},
		CLI_JOBS_LONGOPTS,
		CLI_KEYED_LONGOPTS,
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct sankey_opts o = {7, 0, STRVEC_INIT};
	struct merge_opts mo = {0, JKEY_SORT_FIRST};
	struct cli_combine comb;
	struct cli_stage st = {.make = make,
			       .add = add,
			       .finish = finish,
			       .free = drop,
			       .arg = &o,
			       .split = CLI_SPLIT_KEY,
			       .combine = &comb};
	struct cli c;
	int opt, status;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_JOBS_SHORTOPTS CLI_SHORTOPTS,
				  longopts, NULL)) != -1) {
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
	merge_combine(&comb, &mo);
	/* grouped input is checked record after record: one thread */
	if (o.sorted)
		c.jobs = 1;
	cli_key(&c, "user_id");
	cli_start(&c, argc - optind, argv + optind);
	cli_run(&c, &st);
	status = cli_finish(&c);
	strvec_clear(&o.require);
	return status;
}
