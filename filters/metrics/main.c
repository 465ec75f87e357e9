/* pulse-metrics - daily counts of events after given events. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "merge.h"
#include "metrics.h"
#include "ptime.h"

enum {
	OPT_DEFS = CLI_OPT_FIRST_PROGRAM,
	OPT_TZ,
	OPT_DURATIONS,
	OPT_EDGES,
	OPT_SORTED,
	OPT_PARTIAL,
	OPT_BY_OUTCOME,
	OPT_PAYMENT_EVENT,
	OPT_ALERTS,
	OPT_DAY,
	OPT_ASOF,
};

static const struct cli_info info = {
	"pulse-metrics",
	"usage: pulse-metrics [--defs FILE] [--tz ZONE] [--durations EVENT[,EVENT...] [--by-outcome]] [--alerts --day DATE|--as-of TIME] [--sorted] [options] [file ...]",
	"Count, per day, the events a definitions file names, each when the same\n"
	"user's preceding event is one of those it lists: one 'metric' record per\n"
	"metric and day.  --durations: a 'histogram' of the hours from an event\n"
	"to the user's next event.\n"
	"\n"
	"      --defs FILE        {\"metrics\":[{\"name\":N,\"event\":E,\"after\":[A,...]},...]}\n"
	"      --tz ZONE          the report's zone: UTC (default), +03:00 or\n"
	"                         Europe/Moscow; times without an offset are\n"
	"                         taken as already in it\n"
	"      --durations LIST   events to time (comma-separated, repeatable)\n"
	"      --edges LIST       hour edges of the --durations buckets (default\n"
	"                         0,0.25,0.5,1,2,3,4,6,8,12,24,48,72,168,336,720)\n"
	"      --by-outcome       two --durations histograms per event: outcome\n"
	"                         \"payment\" when a payment of the same user\n"
	"                         follows the event, \"other\" when none does\n"
	"      --payment-event NAME\n"
	"                         the event of a payment (default payment)\n"
	"      --sorted           input grouped by user_id: constant memory\n"
	"      --partial          day counts only (no prev_day, week_ago, mean_7d),\n"
	"                         for shards to be added up\n"
	"      --alerts           alert records instead of metric records: the\n"
	"                         day against each metric's \"alert\" band and the\n"
	"                         \"silent\" rules of --defs\n"
	"      --day DATE         --alerts: judge the whole day DATE\n"
	"      --as-of TIME       --alerts: judge TIME's day up to TIME, against\n"
	"                         the same weekdays up to the same time of day\n" CLI_HELP_JOBS
		CLI_HELP_KEYED CLI_HELP_COMMON "\n"
	"Reads event records (user_id, ts, event), writes metric records\n"
	"(name, day, value, prev_day, week_ago, mean_7d) and histogram records.\n"
	"See pulse-metrics(1).\n",
};

static const char default_edges[] =
	"0,0.25,0.5,1,2,3,4,6,8,12,24,48,72,168,336,720";

static void load_defs(struct metrics_defs *d, const char *path)
{
	struct buf text = BUF_INIT;
	char msg[256];

	cli_slurp(path, &text);
	if (metrics_defs_parse(text.p ? text.p : "", text.len, d, msg,
			       sizeof msg) < 0)
		die(EX_DATAERR, "%s: %s", path, msg);
	buf_release(&text);
}

#define US_PER_DAY (INT64_C(86400) * 1000000)

/* --alerts: the day judged (--day) or the moment (--as-of) into o. */
static void set_judged(const struct cli *c, struct metrics_opts *o,
		       const char *day, const char *as_of)
{
	struct ptime t;
	int64_t local;

	if (!o->alerts) {
		if (day || as_of)
			cli_usage_error(c,
					"--day and --as-of go with --alerts");
		return;
	}
	if (!day == !as_of)
		cli_usage_error(c, "--alerts needs the day judged: --day DATE "
				   "or --as-of TIME");
	if (o->durations.n || o->partial)
		cli_usage_error(c, "--alerts goes with neither --durations nor "
				   "--partial");
	if (day) {
		if (ptime_parse(day, strlen(day), &t) < 0 || t.sec % 86400)
			cli_usage_error(
				c, "--day '%s' is not a date YYYY-MM-DD", day);
		o->alert_day = ptime_day(t.sec);
		o->cut_us = -1;
		o->until_us = (o->alert_day + 1) * US_PER_DAY - 1;
		return;
	}
	cli_parse_time(c, "--as-of", as_of, &t); /* or now */
	/* a time with an offset is moved to --tz; one without is in it */
	local = t.has_off ? t.sec + tz_offset(&o->tz, t.sec) : t.sec;
	o->alert_day = ptime_day(local);
	o->until_us = local * 1000000 + t.nsec / 1000;
	o->cut_us = o->until_us - o->alert_day * US_PER_DAY;
}

/* The edges of --edges list arg, or of the default. */
static void set_edges(const struct cli *c, struct hist_edges *e,
		      const char *arg)
{
	struct strvec sv = STRVEC_INIT;
	char msg[128];

	cli_parse_list(c, "--edges", arg, &sv);
	if (hist_edges_set(e, (const char *const *)sv.v, sv.n, msg,
			   sizeof msg) < 0)
		cli_usage_error(c, "invalid --edges '%s' (%s)", arg, msg);
	strvec_clear(&sv);
}

/* The engine as cli_run() drives it (lib/cli.h). */
static void *make(void *arg, const struct shard *shard, int partial)
{
	struct metrics_opts o = *(const struct metrics_opts *)arg;
	struct metrics *m;
	char msg[256];

	(void)shard; /* the cli keeps this thread's users (cli_key()) */
	if (partial)
		o.partial = 1; /* day counts, added up by the combination */
	m = metrics_new(&o, msg, sizeof msg);
	if (!m) /* main() made one with these options */
		die(EX_DATAERR, "%s", msg);
	return m;
}

static int add(void *e, const struct rec *r, struct sink *out, char *msg,
	       size_t msz)
{
	return metrics_add(e, r, out, msg, msz);
}

static int finish(void *e, struct sink *out, char *msg, size_t msz)
{
	return metrics_finish(e, out, msg, msz);
}

static void drop(void *e)
{
	metrics_free(e);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"defs", required_argument, NULL, OPT_DEFS},
		{"tz", required_argument, NULL, OPT_TZ},
		{"durations", required_argument, NULL, OPT_DURATIONS},
		{"edges", required_argument, NULL, OPT_EDGES},
		{"sorted", no_argument, NULL, OPT_SORTED},
		{"partial", no_argument, NULL, OPT_PARTIAL},
		{"by-outcome", no_argument, NULL, OPT_BY_OUTCOME},
		{"payment-event", required_argument, NULL, OPT_PAYMENT_EVENT},
		{"alerts", no_argument, NULL, OPT_ALERTS},
		{"day", required_argument, NULL, OPT_DAY},
		{"as-of", required_argument, NULL, OPT_ASOF},
		CLI_JOBS_LONGOPTS,
		CLI_KEYED_LONGOPTS,
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct metrics_opts o;
	struct metrics_defs md;
	struct strvec durations = STRVEC_INIT;
	const char *defs = NULL, *zone = "UTC", *edges = default_edges;
	const char *day = NULL, *as_of = NULL;
	struct merge_opts mo = {0, JKEY_SORT_FIRST};
	struct cli_combine comb;
	struct cli_stage st = {.make = make,
			       .add = add,
			       .finish = finish,
			       .free = drop,
			       .arg = &o,
			       .split = CLI_SPLIT_KEY,
			       .combine = &comb};
	struct metrics *m;
	struct cli c;
	char msg[256];
	size_t i;
	int opt, status;

	memset(&o, 0, sizeof o);
	memset(&md, 0, sizeof md);
	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_JOBS_SHORTOPTS CLI_SHORTOPTS,
				  longopts, NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_DEFS:
			defs = optarg;
			break;
		case OPT_TZ:
			zone = optarg;
			break;
		case OPT_DURATIONS:
			cli_parse_list(&c, "--durations", optarg, &durations);
			break;
		case OPT_EDGES:
			edges = optarg;
			set_edges(&c, &o.edges, edges); /* check it now */
			break;
		case OPT_SORTED:
			o.sorted = 1;
			break;
		case OPT_PARTIAL:
			o.partial = 1;
			break;
		case OPT_BY_OUTCOME:
			o.by_outcome = 1;
			break;
		case OPT_PAYMENT_EVENT:
			if (!*optarg)
				cli_usage_error(&c, "empty --payment-event");
			o.payment_event = optarg;
			break;
		case OPT_ALERTS:
			o.alerts = 1;
			break;
		case OPT_DAY:
			day = optarg;
			break;
		case OPT_ASOF:
			as_of = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	/* an event timed twice has one histogram */
	for (i = 0; i < durations.n; i++)
		if (strvec_find(&o.durations, durations.v[i]) < 0)
			strvec_push(&o.durations, durations.v[i]);
	strvec_clear(&durations);
	if (!defs && !o.durations.n)
		cli_usage_error(&c,
				"nothing to count: give --defs or --durations");
	if (o.by_outcome && !o.durations.n)
		cli_usage_error(&c, "--by-outcome splits --durations: give "
				    "--durations");
	if (o.payment_event && !o.by_outcome)
		cli_usage_error(&c, "--payment-event goes with --by-outcome");
	if (!o.payment_event)
		o.payment_event = "payment";
	if (tz_init(&o.tz, zone, msg, sizeof msg) < 0)
		cli_usage_error(&c, "%s", msg);
	if (!o.edges.n)
		set_edges(&c, &o.edges, edges);
	if (o.alerts && !defs)
		cli_usage_error(&c, "--alerts needs --defs");
	set_judged(&c, &o, day, as_of);
	/* a shard's counts are a part: judged alone they would alert */
	if (o.alerts && (cli_shard(&c)->n || c.map))
		cli_usage_error(&c, "--alerts judges whole counts: not with "
				    "--shard or --map");
	if (defs) {
		load_defs(&md, defs);
		o.defs = md.defs;
		o.ndefs = md.ndefs;
		if (o.alerts) { /* else no event pays for them */
			o.silent = md.silent;
			o.nsilent = md.nsilent;
		}
	}
	m = metrics_new(&o, msg, sizeof msg);
	if (!m)
		die(EX_DATAERR, "%s", msg);
	metrics_free(m); /* the options are good: cli_run() makes its own */
	/* alerts judge whole counts: one thread */
	if (o.alerts)
		c.jobs = 1;
	mo.partial = o.partial;
	merge_combine(&comb, &mo);
	/* grouped input is checked record after record: one thread */
	if (o.sorted)
		c.jobs = 1;
	cli_key(&c, "user_id");
	cli_start(&c, argc - optind, argv + optind);
	cli_run(&c, &st);
	status = cli_finish(&c);
	metrics_defs_release(&md);
	hist_edges_release(&o.edges);
	strvec_clear(&o.durations);
	return status;
}
