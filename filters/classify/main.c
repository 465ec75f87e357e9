/* pulse-classify - one ticket record per ticket from message records. */
#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "classify.h"
#include "cli.h"
#include "err.h"
#include "ptime.h"
#include "rules.h"

/* clang-format off */
static const struct cli_info info = {
	"pulse-classify",
	"usage: pulse-classify [--as-of TIME] [--rules FILE]... "
	"[--recent-days N] [--partner-domain D]... [--sorted] [file ...]",
	"Group message records by ticket_id and write one ticket record per\n"
	"ticket: its category, state, priority, days waiting and topics.\n"
	"\n"
	"      --as-of TIME        classify as of TIME (RFC 3339, naive = UTC,\n"
	"                          or 'now', the default)\n"
	"      --rules FILE        add the rules of FILE (repeatable) to the\n"
	"                          default ones ($PULSE_RULES, else the\n"
	"                          built-in rules)\n"
	"      --no-default-rules  use only the --rules files\n"
	"      --recent-days N     an answer up to N days old is recent (3)\n"
	"      --partner-domain D  mail from D or its subdomains is a partner's\n"
	"                          (repeatable; adds to the [partner] rules)\n"
	"      --sorted            input grouped by ticket_id: constant memory\n"
	CLI_HELP_JOBS CLI_HELP_COMMON
	"\n"
	"Reads message records (schemas/message.schema.json), writes ticket\n"
	"records (schemas/ticket.schema.json).  See pulse-classify(1).\n",
};
/* clang-format on */

enum {
	OPT_ASOF = CLI_OPT_FIRST_PROGRAM,
	OPT_RULES,
	OPT_NODEFAULT,
	OPT_RECENT,
	OPT_PARTNER,
	OPT_SORTED,
};

struct opts {
	struct classify_opts co;
	const char **rules;
	size_t nrules;
	const char **partners;
	size_t npartners;
	int no_default;
};

static void push(const char ***v, size_t *n, const char *s)
{
	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	(*v)[(*n)++] = s;
}

static void setup_rules(const struct cli *c, const struct opts *o,
			struct rules *rs)
{
	struct buf err = BUF_INIT;
	size_t i;

	if (!o->no_default)
		cli_check(rules_load_default(rs, &err), &err);
	for (i = 0; i < o->nrules; i++)
		cli_check(rules_load(rs, o->rules[i], &err), &err);
	buf_release(&err);
	if (rules_count(rs) == 0)
		warn("no rules loaded: spam, order confirmations, "
		     "auto-replies, "
		     "insolvency and topics are not recognised");
	for (i = 0; i < o->npartners; i++) {
		const char *d = o->partners[i];

		while (*d == '@' || *d == '.')
			d++;
		if (!*d)
			cli_usage_error(c, "invalid --partner-domain '%s'",
					o->partners[i]);
		rules_add(rs, "partner", RULE_DOMAIN, d, strlen(d));
	}
}

/* The engine as cli_run() drives it (lib/cli.h). */
struct run {
	const struct classify_opts *co;
	const struct rules *rs; /* compiled by each engine, read by all */
};

static void *make(void *arg, const struct shard *shard, int partial)
{
	const struct run *run = arg;
	struct buf err = BUF_INIT;
	struct classifier *k;

	(void)shard;   /* the cli keeps this thread's tickets (cli_key()) */
	(void)partial; /* a ticket's record is whole: threads interleave */
	k = classify_new(run->co, run->rs, &err);
	if (!k) /* main() made one with these rules */
		die(EX_DATAERR, "%s", err.p);
	buf_release(&err);
	return k;
}

static int add(void *e, const struct rec *r, struct sink *out, char *msg,
	       size_t msz)
{
	return classify_add(e, r, out, msg, msz);
}

static int finish(void *e, struct sink *out, char *msg, size_t msz)
{
	(void)msg;
	(void)msz;
	classify_finish(e, out);
	return 0;
}

static void drop(void *e)
{
	classify_free(e);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"as-of", required_argument, NULL, OPT_ASOF},
		{"rules", required_argument, NULL, OPT_RULES},
		{"no-default-rules", no_argument, NULL, OPT_NODEFAULT},
		{"recent-days", required_argument, NULL, OPT_RECENT},
		{"partner-domain", required_argument, NULL, OPT_PARTNER},
		{"sorted", no_argument, NULL, OPT_SORTED},
		CLI_JOBS_LONGOPTS,
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct opts o = {{0, 3 * 86400, 0}, NULL, 0, NULL, 0, 0};
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	struct classifier *k;
	struct run run = {&o.co, &rs};
	struct cli_stage st = {.make = make,
			       .add = add,
			       .finish = finish,
			       .free = drop,
			       .arg = &run,
			       .split = CLI_SPLIT_KEY,
			       .order_first = 1};
	struct cli c;
	int opt, have_as_of = 0;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_JOBS_SHORTOPTS CLI_SHORTOPTS,
				  longopts, NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_ASOF:
			o.co.as_of =
				cli_parse_time(&c, "--as-of", optarg, NULL);
			have_as_of = 1;
			break;
		case OPT_RULES:
			push(&o.rules, &o.nrules, optarg);
			break;
		case OPT_NODEFAULT:
			o.no_default = 1;
			break;
		case OPT_RECENT:
			o.co.recent_secs =
				(int64_t)cli_parse_uint(&c, "--recent-days",
							optarg, 0, 36500) *
				86400;
			break;
		case OPT_PARTNER:
			push(&o.partners, &o.npartners, optarg);
			break;
		case OPT_SORTED:
			o.co.sorted = 1;
			break;
		default:
			cli_usage(&c);
		}
	}
	if (!have_as_of)
		o.co.as_of = ptime_now();
	setup_rules(&c, &o, &rs);
	k = classify_new(&o.co, &rs, &err);
	if (!k)
		die(EX_DATAERR, "%s", err.p);
	classify_free(k); /* the rules compile: cli_run() makes its own */
	/* grouped input is checked record after record: one thread */
	if (o.co.sorted)
		c.jobs = 1;
	cli_key(&c, "ticket_id");
	cli_start(&c, argc - optind, argv + optind);
	cli_run(&c, &st);
	rules_release(&rs);
	buf_release(&err);
	free(o.rules);
	free(o.partners);
	return cli_finish(&c);
}
