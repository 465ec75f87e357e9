/* pulse-render - the ticket report from ticket (and tally) records. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "ptime.h"
#include "render.h"

enum {
	OPT_FORMAT = CLI_OPT_FIRST_PROGRAM,
	OPT_LANG,
	OPT_ASOF,
	OPT_TITLE,
	OPT_CHAT_ID,
	OPT_CHART,
	OPT_DAY,
	OPT_BOM,
	OPT_TABLE,
};

static const struct cli_info info = {
	"pulse-render",
	"usage: pulse-render [--format md|svg|telegram|html|csv] [--lang en|ru] [--as-of TIME] [--title TEXT] [--chart KIND] [--chat-id ID] [--day DATE] [--bom] [--table NAME] [options] [file ...]",
	"Write the ticket report from 'ticket' records (pulse-classify) and\n"
	"'count' and 'histogram' records (pulse-tally), which become extra tables;\n"
	"charts of 'link', 'metric' and 'histogram' records (svg); the daily\n"
	"metrics as Telegram Bot API sendMessage payloads (telegram); the leads\n"
	"dashboard from 'funnel' records (pulse-funnel) as one page (html); any\n"
	"records as CSV (csv).\n"
	"\n"
	"  -f, --format FORMAT    md: Markdown (the default); svg: one chart;\n"
	"                         telegram: sendMessage payloads, one per line;\n"
	"                         html: the leads dashboard; csv: a table\n"
	"  -l, --lang LANG        en (default) or ru\n"
	"      --as-of TIME       the report's date (default: the latest as_of of\n"
	"                         the tickets); \"today\" and \"N days ago\" count from it\n"
	"      --title TEXT       the report's title\n"
	"      --chart KIND       svg: sankey, metrics or histogram (default: the\n"
	"                         kind in the input)\n"
	"      --chat-id ID       telegram: the chat (a number or @channel)\n"
	"      --day DATE         telegram: the report's day (default: the last day\n"
	"                         of the metric records)\n"
	"      --bom              csv: start with a UTF-8 byte order mark (Excel)\n"
	"      --table NAME       csv: only the funnel records of that table\n" CLI_HELP_COMMON
	"\n"
	"Example: pulse-classify msgs.ndjson | pulse-render --lang ru -o report.md\n",
};

/* The formats: one function each, from a finished report to bytes. */
static const struct format {
	const char *name;
	void (*render)(const struct report *, const struct render_opts *,
		       struct buf *);
} formats[] = {
	{"md", render_md},
	{"svg", render_svg},
	{"telegram", render_telegram},
	{"html", render_html},
	{"csv", render_csv},
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"lang", required_argument, NULL, 'l'},
		{"as-of", required_argument, NULL, OPT_ASOF},
		{"title", required_argument, NULL, OPT_TITLE},
		{"chat-id", required_argument, NULL, OPT_CHAT_ID},
		{"chart", required_argument, NULL, OPT_CHART},
		{"day", required_argument, NULL, OPT_DAY},
		{"bom", no_argument, NULL, OPT_BOM},
		{"table", required_argument, NULL, OPT_TABLE},
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct render_opts o = {LANG_EN, NULL, T_NONE, NULL, NULL,
				T_NONE,	 0,    NULL,   NULL};
	const struct format *fmt = &formats[0];
	struct report rep;
	struct ptime t;
	struct cli c;
	struct rec *r;
	char msg[256];
	size_t i;
	int opt, status;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, "f:l:" CLI_SHORTOPTS, longopts,
				  NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case 'f':
			for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
				if (strcmp(optarg, formats[i].name) == 0)
					break;
			if (i == sizeof formats / sizeof formats[0])
				cli_usage_error(&c, "unknown --format '%s'",
						optarg);
			fmt = &formats[i];
			break;
		case 'l':
			if (strcmp(optarg, "en") == 0)
				o.lang = LANG_EN;
			else if (strcmp(optarg, "ru") == 0)
				o.lang = LANG_RU;
			else
				cli_usage_error(
					&c, "unknown --lang '%s' (en or ru)",
					optarg);
			break;
		case OPT_ASOF:
			if (ptime_parse(optarg, strlen(optarg), &t) < 0)
				cli_usage_error(&c, "cannot parse --as-of '%s'",
						optarg);
			o.as_of = t.sec;
			o.as_of_text = optarg;
			break;
		case OPT_TITLE:
			o.title = optarg;
			break;
		case OPT_CHAT_ID:
			o.chat_id = optarg;
			break;
		case OPT_CHART:
			if (strcmp(optarg, "sankey") != 0 &&
			    strcmp(optarg, "metrics") != 0 &&
			    strcmp(optarg, "histogram") != 0)
				cli_usage_error(
					&c,
					"unknown --chart '%s' (sankey, metrics or histogram)",
					optarg);
			o.chart = optarg;
			break;
		case OPT_DAY:
			if (ptime_parse(optarg, strlen(optarg), &t) < 0)
				cli_usage_error(&c, "cannot parse --day '%s'",
						optarg);
			o.day = ptime_day(t.sec);
			break;
		case OPT_BOM:
			o.bom = 1;
			break;
		case OPT_TABLE:
			o.table = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	if (fmt->render == render_telegram && (!o.chat_id || !*o.chat_id))
		cli_usage_error(&c, "--format telegram needs --chat-id");
	render_load_init(&rep);
	if (fmt->render == render_html)
		rep.keep = KEEP_FUNNEL;
	else if (fmt->render == render_csv)
		rep.keep = KEEP_ALL;
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r))
		if (render_load_add(&rep, r, msg, sizeof msg) < 0)
			cli_bad(&c, "%s", msg);
	if (rep.ignored)
		warn("ignored %llu record%s of other kinds",
		     (unsigned long long)rep.ignored,
		     rep.ignored == 1 ? "" : "s");
	render_load_finish(&rep, &o);
	fmt->render(&rep, &o, cli_out(&c));
	status = cli_finish(&c);
	render_load_release(&rep);
	return status;
}
