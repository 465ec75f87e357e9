/*
 * pulse-gen - deterministic sample data for pulse.
 *
 *	pulse-gen odoo [options]
 *
 * main.c holds the command line only; gen_odoo*.c make the Odoo sample.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "gen.h"
#include "gen_events.h"
#include "gen_odoo.h"
#include "ptime.h"

static const struct cli_info gen_info = {
	"pulse-gen",
	"usage: pulse-gen odoo [options]",
	"Write deterministic, synthetic sample data for pulse.\n"
	"\n"
	"Commands:\n"
	"  odoo                   an Odoo Helpdesk export: mail.message "
	"records,\n"
	"                         and on request helpdesk.ticket, res.users, a "
	"rules\n"
	"                         file and the labels the classification must "
	"give\n"
	"  events                 the sales events of an online school: the\n"
	"                         PostgreSQL tables events, events_dict and\n"
	"                         payments (CSV or NDJSON)\n"
	"\n"
	"  pulse-gen COMMAND --help  describes a command's options.\n"
	"      --help             print this help and exit\n"
	"      --version          print the version and exit\n",
};

static const struct cli_info odoo_info = {
	"pulse-gen",
	"usage: pulse-gen odoo [--tickets N] [--seed S] [--as-of TIME] "
	"[options]",
	"Write a synthetic Odoo Helpdesk export of a cooking-course "
	"marketplace:\n"
	"the mail.message records of N tickets (search_read shape, id "
	"ascending) on\n"
	"stdout.  The same options give the same bytes.\n"
	"\n"
	"  -n, --tickets N          tickets to make (default 1000, about 4 "
	"messages each)\n"
	"  -s, --seed S             the random seed (default 1)\n"
	"      --as-of TIME         the moment of the export (default\n"
	"                           2026-01-21T18:00:00Z); no message is "
	"later\n"
	"      --days D             tickets are created over the D days before "
	"it\n"
	"                           (default 107)\n"
	"      --format FORMAT      array (one JSON array, default) or ndjson\n"
	"      --variant VARIANT    helpdesk.ticket fields of Odoo Enterprise\n"
	"                           (default) or of OCA helpdesk_mgmt (oca)\n"
	"  -o, --messages FILE      write the messages to FILE instead of "
	"stdout\n"
	"      --tickets-out FILE   write the helpdesk.ticket records to FILE\n"
	"      --users FILE         write the res.users records to FILE\n"
	"      --labels FILE        write each ticket's expected "
	"classification\n"
	"                           (NDJSON: category, priority, "
	"days_waiting,\n"
	"                           topics, first_response_hours) to FILE\n"
	"      --rules-out FILE     write the staff and partner domains as a "
	"rules file\n"
	"      --help               print this help and exit\n"
	"      --version            print the version and exit\n"
	"\n"
	"Files are written atomically (a temporary file renamed into place).\n",
};

enum {
	OPT_AS_OF = CLI_OPT_FIRST_PROGRAM,
	OPT_DAYS,
	OPT_FORMAT,
	OPT_VARIANT,
	OPT_TICKETS_OUT,
	OPT_USERS,
	OPT_LABELS,
	OPT_RULES_OUT,
};

static uint64_t parse_u64(const struct cli *c, const char *opt, const char *arg,
			  uint64_t max)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (!*arg || *arg == '-')
		cli_usage_error(c, "invalid %s '%s'", opt, arg);
	v = strtoull(arg, &end, 10);
	if (errno || *end || v > max)
		cli_usage_error(c, "invalid %s '%s'", opt, arg);
	return v;
}

static int odoo_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"tickets", required_argument, NULL, 'n'},
		{"seed", required_argument, NULL, 's'},
		{"as-of", required_argument, NULL, OPT_AS_OF},
		{"days", required_argument, NULL, OPT_DAYS},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"variant", required_argument, NULL, OPT_VARIANT},
		{"messages", required_argument, NULL, 'o'},
		{"output", required_argument, NULL, 'o'},
		{"tickets-out", required_argument, NULL, OPT_TICKETS_OUT},
		{"users", required_argument, NULL, OPT_USERS},
		{"labels", required_argument, NULL, OPT_LABELS},
		{"rules-out", required_argument, NULL, OPT_RULES_OUT},
		{"help", no_argument, NULL, CLI_OPT_HELP},
		{"version", no_argument, NULL, CLI_OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	struct odoo_opts o;
	struct cli c;
	struct ptime t;
	int opt;

	cli_init(&c, argc, argv, &odoo_info);
	odoo_opts_init(&o);
	while ((opt = getopt_long(argc, argv, "n:s:o:", longopts, NULL)) !=
	       -1) {
		switch (opt) {
		case 'n':
			o.tickets = parse_u64(&c, "--tickets", optarg,
					      1000000000ULL);
			break;
		case 's':
			o.seed = parse_u64(&c, "--seed", optarg, UINT64_MAX);
			break;
		case OPT_AS_OF:
			if (time_parse(optarg, strlen(optarg), &t) != 0)
				cli_usage_error(&c, "invalid --as-of '%s'",
						optarg);
			o.as_of = t.sec;
			break;
		case OPT_DAYS:
			o.days =
				(int64_t)parse_u64(&c, "--days", optarg, 36500);
			if (o.days < 1)
				cli_usage_error(&c, "invalid --days '%s'",
						optarg);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "array") == 0)
				o.ndjson = 0;
			else if (strcmp(optarg, "ndjson") == 0)
				o.ndjson = 1;
			else
				cli_usage_error(&c,
						"invalid --format '%s' (array "
						"or ndjson)",
						optarg);
			break;
		case OPT_VARIANT:
			if (strcmp(optarg, "enterprise") == 0)
				o.oca = 0;
			else if (strcmp(optarg, "oca") == 0)
				o.oca = 1;
			else
				cli_usage_error(&c,
						"invalid --variant '%s' "
						"(enterprise or oca)",
						optarg);
			break;
		case 'o':
			o.messages = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case OPT_TICKETS_OUT:
			o.tickets_out = optarg;
			break;
		case OPT_USERS:
			o.users = optarg;
			break;
		case OPT_LABELS:
			o.labels = optarg;
			break;
		case OPT_RULES_OUT:
			o.rules_out = optarg;
			break;
		default:
			if (!cli_opt(&c, opt, optarg))
				cli_usage(&c);
		}
	}
	if (optind < argc)
		cli_usage_error(&c, "unexpected argument '%s'", argv[optind]);
	if (o.as_of - o.days * SEC_DAY < 0)
		cli_usage_error(&c, "--as-of minus --days is before 1970");
	return odoo_generate(&o);
}

int main(int argc, char **argv)
{
	struct cli c;
	int opt;
	static const struct option longopts[] = {
		{"help", no_argument, NULL, CLI_OPT_HELP},
		{"version", no_argument, NULL, CLI_OPT_VERSION},
		{NULL, 0, NULL, 0},
	};

	cli_init(&c, argc, argv, &gen_info);
	/* A command sees its options from argv[1] on, under the program's
	 * name, so that getopt's messages name pulse-gen too. */
	if (argc > 1 && strcmp(argv[1], "odoo") == 0) {
		argv[1] = argv[0];
		return odoo_main(argc - 1, argv + 1);
	}
	if (argc > 1 && strcmp(argv[1], "events") == 0) {
		argv[1] = argv[0];
		return events_main(argc - 1, argv + 1);
	}
	if (argc > 1 && argv[1][0] != '-')
		cli_usage_error(&c, "unknown command '%s'", argv[1]);
	/* Only --help and --version come before a command. */
	while ((opt = getopt_long(argc, argv, "+", longopts, NULL)) != -1)
		if (!cli_opt(&c, opt, optarg))
			cli_usage(&c);
	cli_usage_error(&c, "a command is needed");
}
