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
};

static const struct cli_info info = {
	"pulse-render",
	"usage: pulse-render [--format md] [--lang en|ru] [--as-of TIME] [--title TEXT] [options] [file ...]",
	"Write the ticket report from 'ticket' records (pulse-classify) and\n"
	"'count' and 'histogram' records (pulse-tally), which become extra tables.\n"
	"\n"
	"  -f, --format FORMAT    md: Markdown (the default and, for now, the only)\n"
	"  -l, --lang LANG        en (default) or ru\n"
	"      --as-of TIME       the report's date (default: the latest as_of of\n"
	"                         the tickets); \"today\" and \"N days ago\" count from it\n"
	"      --title TEXT       the report's title\n"
	CLI_HELP_COMMON
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
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"lang", required_argument, NULL, 'l'},
		{"as-of", required_argument, NULL, OPT_ASOF},
		{"title", required_argument, NULL, OPT_TITLE},
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct render_opts o = {LANG_EN, NULL, T_NONE};
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
				cli_usage_error(&c, "unknown --format '%s' (md)",
						optarg);
			fmt = &formats[i];
			break;
		case 'l':
			if (strcmp(optarg, "en") == 0)
				o.lang = LANG_EN;
			else if (strcmp(optarg, "ru") == 0)
				o.lang = LANG_RU;
			else
				cli_usage_error(&c, "unknown --lang '%s' (en or ru)",
						optarg);
			break;
		case OPT_ASOF:
			if (time_parse(optarg, strlen(optarg), &t) < 0)
				cli_usage_error(&c, "cannot parse --as-of '%s'",
						optarg);
			o.as_of = t.sec;
			break;
		case OPT_TITLE:
			o.title = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	report_init(&rep);
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r))
		if (report_add(&rep, r, msg, sizeof msg) < 0)
			cli_bad(&c, "%s", msg);
	if (rep.ignored)
		warn("ignored %llu record%s of other kinds",
		     (unsigned long long)rep.ignored, rep.ignored == 1 ? "" : "s");
	report_finish(&rep, &o);
	fmt->render(&rep, &o, cli_out(&c));
	status = cli_finish(&c);
	report_release(&rep);
	return status;
}
