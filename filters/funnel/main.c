/* pulse-funnel - lead and deal funnel analytics from Bitrix24 records. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "funnel.h"
#include "ptime.h"

enum {
	OPT_FROM = CLI_OPT_FIRST_PROGRAM,
	OPT_TO,
	OPT_STALE,
	OPT_STAGES,
	OPT_ASOF,
	OPT_SOURCE,
	OPT_PARTIAL,
};

static const struct cli_info info = {
	"pulse-funnel",
	"usage: pulse-funnel [-b BY] [--from DATE] [--to DATE] [--stale-days N] [--shard I/N] [--partial] [options] [file ...]",
	"Read lead, deal and stage records (pulse-extract bitrix, pulse-utm) and\n"
	"write the funnel tables as 'funnel' records (schemas/funnel.schema.json):\n"
	"stages, dropoff, sources, top_sources, dynamics, managers,\n"
	"manager_months, age and, with --stale-days, stale.\n"
	"\n"
	"  -b, --by BY            one table per group: manager (the current\n"
	"                         responsible), source, utm_campaign, ad_group,\n"
	"                         month or quarter (of the created date)\n"
	"      --from DATE        only records created on or after DATE (YYYY-MM-DD)\n"
	"      --to DATE          only records created on or before DATE\n"
	"      --stale-days N     list open leads and deals that have lain in their\n"
	"                         stage more than N days\n"
	"      --as-of TIME       the time days in stage are counted to (default now)\n"
	"      --stages LIST      the stage order, comma-separated (default: the\n"
	"                         order stages come in the histories; success, then\n"
	"                         failure stages last)\n"
	"      --source-field F   the field that names a lead's source (default\n"
	"                         utm_source)\n"
	"      --shard I/N        count only the leads (with their deals) of shard\n"
	"                         I of N; every shard reads the whole input\n"
	"      --partial          write the sums alone, for pulse-merge\n" CLI_HELP_JOBS
		CLI_HELP_COMMON "\n"
	"Example: pulse-funnel --by manager --from 2024-01-01 leads.ndjson stages.ndjson\n",
};

/* The date of --from or --to as written (in its own offset): its day. */
static int64_t parse_day(const struct cli *c, const char *opt, const char *arg)
{
	struct ptime t;

	cli_parse_time(c, opt, arg, &t);
	return ptime_day(t.sec + t.off_sec);
}

static enum fn_by parse_by(struct cli *c, const char *s)
{
	static const struct {
		const char *name;
		enum fn_by by;
	} names[] = {
		{"manager", FN_BY_MANAGER},	  {"source", FN_BY_SOURCE},
		{"utm_campaign", FN_BY_CAMPAIGN}, {"campaign", FN_BY_CAMPAIGN},
		{"ad_group", FN_BY_ADGROUP},	  {"month", FN_BY_MONTH},
		{"quarter", FN_BY_QUARTER},
	};
	size_t i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0)
			return names[i].by;
	cli_usage_error(
		c,
		"invalid --by '%s' (manager, source, utm_campaign, ad_group, month or quarter)",
		s);
}

/* The engine as cli_run() drives it (lib/cli.h). */
struct run {
	struct funnel_opts o;
	uint64_t orphans; /* stage changes of leads or deals not met */
};

static void *make(void *arg, const struct shard *shard, int partial)
{
	(void)shard; /* each thread reads a range; joined before counting */
	(void)partial;
	return funnel_new(&((const struct run *)arg)->o);
}

static int absorb(void *into, void *e, char *msg, size_t msz)
{
	return funnel_absorb(into, e, msg, msz);
}

static int add(void *e, const struct rec *r, struct sink *out, char *msg,
	       size_t msz)
{
	return funnel_add(e, r, out, msg, msz);
}

static int finish(void *e, struct sink *out, char *msg, size_t msz)
{
	return funnel_finish(e, out, msg, msz) < 0 ? EX_DATAERR : 0;
}

static void orphans(void *e, void *arg)
{
	((struct run *)arg)->orphans += funnel_orphans(e);
}

static void drop(void *e)
{
	funnel_free(e);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"by", required_argument, NULL, 'b'},
		{"from", required_argument, NULL, OPT_FROM},
		{"to", required_argument, NULL, OPT_TO},
		{"stale-days", required_argument, NULL, OPT_STALE},
		{"stages", required_argument, NULL, OPT_STAGES},
		{"as-of", required_argument, NULL, OPT_ASOF},
		{"source-field", required_argument, NULL, OPT_SOURCE},
		{"partial", no_argument, NULL, OPT_PARTIAL},
		{"shard", required_argument, NULL, CLI_OPT_SHARD},
		CLI_JOBS_LONGOPTS,
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct funnel_opts o;
	struct strvec stages = STRVEC_INIT;
	struct run run;
	struct cli_stage st = {.make = make,
			       .add = add,
			       .finish = finish,
			       .done = orphans,
			       .free = drop,
			       .arg = &run,
			       .split = CLI_SPLIT_RANGE,
			       .absorb = absorb};
	struct cli c;
	int opt, status;

	memset(&o, 0, sizeof o);
	o.stale_days = -1;
	o.as_of = ptime_now();
	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv,
				  "b:" CLI_JOBS_SHORTOPTS CLI_SHORTOPTS,
				  longopts, NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case 'b':
			o.by = parse_by(&c, optarg);
			break;
		case OPT_FROM:
			o.has_from = 1;
			o.from_day = parse_day(&c, "--from", optarg);
			break;
		case OPT_TO:
			o.has_to = 1;
			o.to_day = parse_day(&c, "--to", optarg);
			break;
		case OPT_STALE:
			o.stale_days = (int64_t)cli_parse_uint(
				&c, "--stale-days", optarg, 0, INT32_MAX);
			break;
		case OPT_STAGES:
			cli_parse_list(&c, "--stages", optarg, &stages);
			break;
		case OPT_ASOF:
			o.as_of = cli_parse_time(&c, "--as-of", optarg, NULL);
			break;
		case OPT_SOURCE:
			if (!*optarg)
				cli_usage_error(&c, "empty --source-field");
			o.source_field = optarg;
			break;
		case OPT_PARTIAL:
			o.partial = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	if (o.has_from && o.has_to && o.from_day > o.to_day)
		cli_usage_error(&c, "--from is after --to");
	o.stages = &stages;
	o.shard = cli_shard(&c);
	run.o = o;
	run.orphans = 0;
	cli_start(&c, argc - optind, argv + optind);
	cli_run(&c, &st);
	if (run.orphans)
		warn("%llu stage changes of leads or deals not in the input ignored",
		     (unsigned long long)run.orphans);
	status = cli_finish(&c);
	strvec_clear(&stages);
	return status;
}
