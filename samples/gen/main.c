/*
 * pulse-gen - deterministic sample data for pulse.
 *
 *	pulse-gen odoo [options]
 *	pulse-gen bitrix [options]
 *
 * main.c holds the command line only; gen_odoo*.c make the Odoo sample,
 * gen_bitrix.c the Bitrix24 one.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "gen.h"
#include "gen_bitrix.h"
#include "gen_events.h"
#include "gen_odoo.h"
#include "ptime.h"

static const struct cli_info gen_info = {
	"pulse-gen",
	"usage: pulse-gen COMMAND [options]   (COMMAND: odoo, events, bitrix)",
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
	"  bitrix                 a Bitrix24 export of a car-parts shop: "
	"leads,\n"
	"                         deals, stage history, a CSV export, and "
	"the\n"
	"                         ad map and aliases for pulse-utm\n"
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
	OPT_FORMAT = GEN_OPT_NEXT,
	OPT_VARIANT,
	OPT_TICKETS_OUT,
	OPT_USERS,
	OPT_LABELS,
	OPT_RULES_OUT,
};

static int odoo_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"tickets", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"variant", required_argument, NULL, OPT_VARIANT},
		{"messages", required_argument, NULL, 'o'},
		{"tickets-out", required_argument, NULL, OPT_TICKETS_OUT},
		{"users", required_argument, NULL, OPT_USERS},
		{"labels", required_argument, NULL, OPT_LABELS},
		{"rules-out", required_argument, NULL, OPT_RULES_OUT},
		GEN_LONGOPTS_COMMON,
		{NULL, 0, NULL, 0},
	};
	struct odoo_opts o;
	struct cli c;
	int opt;

	cli_init(&c, argc, argv, &odoo_info);
	odoo_opts_init(&o);
	while ((opt = getopt_long(argc, argv, "n:s:o:", longopts, NULL)) !=
	       -1) {
		if (gen_common_opt(&c, opt, optarg, &o.seed, &o.as_of, &o.days,
				   36500))
			continue;
		switch (opt) {
		case 'n':
			o.tickets = gen_parse_u64(&c, "--tickets", optarg,
						  1000000000ULL);
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

static const struct cli_info bitrix_info = {
	"pulse-gen",
	"usage: pulse-gen bitrix [--leads N] [--seed S] [--as-of TIME] "
	"[options]",
	"Write a synthetic Bitrix24 export of a car-parts shop: crm.lead.list\n"
	"pages of N leads on stdout (50 a page, some pretty-printed, some\n"
	"escaped as PHP does), and the other files on request.  The same\n"
	"options give the same bytes.\n"
	"\n"
	"  -n, --leads N            leads to make (default 1200)\n"
	"  -s, --seed S             the random seed (default 1)\n"
	"      --as-of TIME         the moment of the export (default\n"
	"                           2026-01-21T18:00:00+03:00)\n"
	"      --days D             leads are created over the D days before "
	"it\n"
	"                           (default 183)\n"
	"  -o, --leads-out FILE     write the lead pages to FILE, not stdout\n"
	"      --deals FILE         crm.deal.list pages\n"
	"      --history FILE       crm.stagehistory.list pages of the leads\n"
	"      --deal-history FILE  crm.stagehistory.list pages of the deals\n"
	"      --csv FILE           the leads as the CSV export: "
	"Windows-1251,\n"
	"                           ';', Russian headers, names not ids\n"
	"      --users FILE         user.get pages (the managers)\n"
	"      --statuses FILE      crm.status.list pages (stages, sources)\n"
	"      --categories FILE    crm.category.list (the deal pipelines)\n"
	"      --ad-map FILE        the ad map for pulse-utm --map (CSV)\n"
	"      --aliases FILE       the source aliases for pulse-utm --alias\n"
	"      --facts FILE         what the sample was built to show (JSON)\n"
	"      --help               print this help and exit\n"
	"      --version            print the version and exit\n"
	"\n"
	"Files are written atomically (a temporary file renamed into place).\n",
};

enum {
	OPT_DEALS = OPT_RULES_OUT + 1,
	OPT_HISTORY,
	OPT_DEAL_HISTORY,
	OPT_CSV,
	OPT_BX_USERS,
	OPT_STATUSES,
	OPT_CATEGORIES,
	OPT_AD_MAP,
	OPT_ALIASES,
	OPT_FACTS,
};

static int bitrix_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"leads", required_argument, NULL, 'n'},
		{"leads-out", required_argument, NULL, 'o'},
		{"deals", required_argument, NULL, OPT_DEALS},
		{"history", required_argument, NULL, OPT_HISTORY},
		{"deal-history", required_argument, NULL, OPT_DEAL_HISTORY},
		{"csv", required_argument, NULL, OPT_CSV},
		{"users", required_argument, NULL, OPT_BX_USERS},
		{"statuses", required_argument, NULL, OPT_STATUSES},
		{"categories", required_argument, NULL, OPT_CATEGORIES},
		{"ad-map", required_argument, NULL, OPT_AD_MAP},
		{"aliases", required_argument, NULL, OPT_ALIASES},
		{"facts", required_argument, NULL, OPT_FACTS},
		GEN_LONGOPTS_COMMON,
		{NULL, 0, NULL, 0},
	};
	struct bitrix_opts o;
	struct cli c;
	int opt;

	cli_init(&c, argc, argv, &bitrix_info);
	bitrix_opts_init(&o);
	while ((opt = getopt_long(argc, argv, "n:s:o:", longopts, NULL)) !=
	       -1) {
		if (gen_common_opt(&c, opt, optarg, &o.seed, &o.as_of, &o.days,
				   3650))
			continue;
		switch (opt) {
		case 'n':
			o.leads = gen_parse_u64(&c, "--leads", optarg,
						100000000ULL);
			break;
		case 'o':
			o.leads_out = strcmp(optarg, "-") == 0 ? NULL : optarg;
			break;
		case OPT_DEALS:
			o.deals = optarg;
			break;
		case OPT_HISTORY:
			o.history = optarg;
			break;
		case OPT_DEAL_HISTORY:
			o.deal_history = optarg;
			break;
		case OPT_CSV:
			o.csv = optarg;
			break;
		case OPT_BX_USERS:
			o.users = optarg;
			break;
		case OPT_STATUSES:
			o.statuses = optarg;
			break;
		case OPT_CATEGORIES:
			o.categories = optarg;
			break;
		case OPT_AD_MAP:
			o.ad_map = optarg;
			break;
		case OPT_ALIASES:
			o.aliases = optarg;
			break;
		case OPT_FACTS:
			o.facts = optarg;
			break;
		default:
			if (!cli_opt(&c, opt, optarg))
				cli_usage(&c);
		}
	}
	if (optind < argc)
		cli_usage_error(&c, "unexpected argument '%s'", argv[optind]);
	if (o.as_of - o.days * 86400 < 0)
		cli_usage_error(&c, "--as-of minus --days is before 1970");
	return bitrix_generate(&o);
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
	if (argc > 1 && strcmp(argv[1], "bitrix") == 0) {
		argv[1] = argv[0];
		return bitrix_main(argc - 1, argv + 1);
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
