/* pulse-render - the ticket report from ticket (and tally) records. */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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
	OPT_CSV_DIALECT,
	OPT_NAMES,
	OPT_WIDTH,
	OPT_PORTAL_URL,
	OPT_FROM,
	OPT_TO,
	OPT_RULES,
	OPT_NODEFAULT,
};

static const struct cli_info info = {
	"pulse-render",
	"usage: pulse-render [--format md|svg|telegram|html|csv|xlsx] [--lang en|ru] [--as-of TIME] [--title TEXT] [--chart KIND] [--chat-id ID] [--day DATE] [--bom] [--table NAME] [--csv-dialect NAME] [--names FILE] [--width PX] [--portal-url URL] [--from DAY] [--to DAY] [--rules FILE]... [--no-default-rules] [options] [file ...]",
	"Write the ticket report from 'ticket' records (pulse-classify) and\n"
	"'count' and 'histogram' records (pulse-tally), which become extra tables;\n"
	"charts of 'link', 'metric' and 'histogram' records (svg); the daily\n"
	"metrics, or a message per 'alert' record (pulse-metrics --alerts), as\n"
	"Telegram Bot API sendMessage payloads (telegram); the leads\n"
	"dashboard from 'funnel' records (pulse-funnel) as one page (html), with\n"
	"the lead, deal and stage records behind its counts; any records as CSV\n"
	"(csv).\n"
	"\n"
	"  -f, --format FORMAT    md: Markdown (the default); svg: one chart;\n"
	"                         telegram: sendMessage payloads, one per line;\n"
	"                         html: the leads dashboard; csv: a table;\n"
	"                         xlsx: an Excel workbook, a sheet per table\n"
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
	"      --table NAME       csv: only the funnel records of that table\n"
	"      --csv-dialect NAME csv: rfc4180 (default) or excel-ru: ';', decimal\n"
	"                         comma, byte order mark, headers in --lang\n"
	"      --names FILE       CSV event,label: the words shown for event names\n"
	"                         (default: payment and exit in the report's\n"
	"                         language, other names as they are)\n"
	"      --width PX         svg: at most PX pixels wide (1080 for a phone;\n"
	"                         default: as wide as the chart needs)\n"
	"      --portal-url URL   html: link each lead and deal to its card,\n"
	"                         URL/crm/lead/details/ID/ (https://x.bitrix24.ru)\n"
	"      --from DAY, --to DAY  html: the period of pulse-funnel --from/--to\n"
	"                         (YYYY-MM-DD), where the lists start\n"
	"      --rules FILE       md: the rules file of pulse-classify (repeatable;\n"
	"                         adds to $PULSE_RULES or the built-in rules): the\n"
	"                         topics' labels, recommendations, actions, targets\n"
	"                         and the entity kinds' labels\n"
	"      --no-default-rules md: use only the --rules files\n" CLI_HELP_COMMON
	"\n"
	"Example: pulse-classify msgs.ndjson | pulse-render --lang ru -o report.md\n",
};

#define K(k) RK_BIT(RK_##k)

/*
 * --portal-url: http(s)://host[/path], without spaces, quotes, '<', '>',
 * '\\', '?' or '#' (the page adds /crm/lead/details/ID/); its trailing '/'
 * dropped.  @return it (in arg).
 */
static const char *portal_url(const struct cli *c, char *arg)
{
	size_t n = strlen(arg), i, start;

	start = strncmp(arg, "https://", 8) == 0  ? 8
		: strncmp(arg, "http://", 7) == 0 ? 7
						  : 0;
	for (i = start; start && i < n; i++)
		if ((unsigned char)arg[i] <= ' ' || arg[i] == 0x7f ||
		    strchr("\"'<>\\?#`", arg[i]))
			break;
	if (!start || i < n || n == start || arg[start] == '/')
		cli_usage_error(c,
				"invalid --portal-url '%s' (https://HOST, "
				"e.g. https://company.bitrix24.ru)",
				arg);
	while (n > start && arg[n - 1] == '/')
		arg[--n] = '\0';
	return arg;
}

/*
 * The formats: one function each, from a finished report to bytes, and
 * the kinds of record it draws (the others are ignored and counted).
 */
static const struct format {
	const char *name;
	void (*render)(const struct render_report *, const struct render_opts *,
		       struct buf *);
	unsigned kinds;
} formats[] = {
	{"md", render_md, K(TICKET) | K(COUNT) | K(HISTOGRAM)},
	{"svg", render_svg, K(LINK) | K(METRIC) | K(HISTOGRAM)},
	{"telegram", render_telegram,
	 K(METRIC) | K(ALERT) | K(FUNNEL) | K(TICKET) | K(NAME)},
	{"html", render_html, K(FUNNEL) | K(NAME)},
	{"csv", render_csv, RK_BIT(RK_N) - 1},
};

/* xlsx: a format that can fail, render_xlsx() (0 or an exit status). */
static const struct format xlsx_format = {"xlsx", NULL, RK_BIT(RK_N) - 1};

/* svg: the chart of each kind, for --chart. */
static const struct chart {
	const char *name;
	enum render_kind kind;
} charts[] = {
	{"sankey", RK_LINK},
	{"metrics", RK_METRIC},
	{"histogram", RK_HISTOGRAM},
};

/*
 * svg without --chart: the one chart of the kinds in the input.  @return
 * 0, or -1 when the input has records of several (which a message says).
 */
static int pick_chart(const struct render_report *rep, struct render_opts *o)
{
	struct buf kinds = BUF_INIT;
	unsigned have = 0;
	size_t i, n = 0;

	for (i = 0; i < sizeof charts / sizeof charts[0]; i++)
		if (rep->nkind[charts[i].kind]) {
			have |= RK_BIT(charts[i].kind);
			o->chart = charts[i].name;
			n++;
		}
	if (n <= 1)
		return 0;
	render_load_kind_list(have, &kinds);
	error("the input has %s records: pick one chart with --chart", kinds.p);
	buf_release(&kinds);
	return -1;
}

/* The days a metrics chart draws a bar for, at most: ten years. */
#define MAX_CHART_DAYS 3660

/* svg --chart metrics: @return 0, or -1 when the days are too many. */
static int check_days(const struct render_report *rep)
{
	int64_t days = render_series_days(rep);

	if (days <= MAX_CHART_DAYS)
		return 0;
	error("the metric records span %lld days, more than the %d a chart "
	      "shows",
	      (long long)days, MAX_CHART_DAYS);
	return -1;
}

/*
 * After the input: says what was ignored, and fails (65) when that is all
 * there was.  @return 0 when there is something to draw, or nothing at all.
 */
static int check_drawn(const struct render_report *rep,
		       const struct format *fmt, const struct render_opts *o)
{
	struct buf b = BUF_INIT;

	/* telegram writes one digest: metrics (or alerts) before tickets
	 * before funnel records; the kinds it passes over are said */
	if (fmt->render == render_telegram) {
		int first = rep->nmetrics || rep->nalerts;
		uint64_t nf = rep->nkind[RK_FUNNEL], nn = rep->nkind[RK_NAME];

		if (first && rep->n)
			warn("ignored %zu ticket record%s: the metric records "
			     "make the message",
			     rep->n, rep->n == 1 ? "" : "s");
		if ((first || rep->n) && nf)
			warn("ignored %llu funnel record%s: the %s records "
			     "make the message",
			     (unsigned long long)nf, nf == 1 ? "" : "s",
			     first ? "metric" : "ticket");
		if ((first || rep->n) && nn)
			warn("ignored %llu name record%s: the %s records "
			     "make the message",
			     (unsigned long long)nn, nn == 1 ? "" : "s",
			     first ? "metric" : "ticket");
	}
	if (rep->ignored) {
		render_load_ignored(rep, &b);
		warn("ignored %llu record%s of other kinds (%s)",
		     (unsigned long long)rep->ignored,
		     rep->ignored == 1 ? "" : "s", b.p);
		buf_reset(&b);
	}
	/* name records name the codes of the others: alone, nothing */
	if (fmt->render != render_html && rep->nkind[RK_NAME] &&
	    rep->nkind[RK_NAME] == render_load_drawn(rep)) {
		error("nothing to draw: name records only name the codes of "
		      "funnel records");
		buf_release(&b);
		return -1;
	}
	if (!rep->ignored || render_load_drawn(rep)) {
		buf_release(&b);
		return 0;
	}
	render_load_kind_list(rep->kinds, &b);
	if (fmt->render == render_svg && o->chart)
		error("nothing to draw: --chart %s draws %s records", o->chart,
		      b.p);
	else if (fmt->render == render_csv && o->table)
		error("nothing to draw: --table %s takes funnel records",
		      o->table);
	else
		error("nothing to draw: --format %s draws %s records",
		      fmt->name, b.p);
	buf_release(&b);
	return -1;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"lang", required_argument, NULL, 'l'},
		{"as-of", required_argument, NULL, OPT_ASOF},
		{"title", required_argument, NULL, OPT_TITLE},
		{"portal-url", required_argument, NULL, OPT_PORTAL_URL},
		{"from", required_argument, NULL, OPT_FROM},
		{"to", required_argument, NULL, OPT_TO},
		{"chat-id", required_argument, NULL, OPT_CHAT_ID},
		{"chart", required_argument, NULL, OPT_CHART},
		{"day", required_argument, NULL, OPT_DAY},
		{"bom", no_argument, NULL, OPT_BOM},
		{"table", required_argument, NULL, OPT_TABLE},
		{"csv-dialect", required_argument, NULL, OPT_CSV_DIALECT},
		{"names", required_argument, NULL, OPT_NAMES},
		{"width", required_argument, NULL, OPT_WIDTH},
		{"rules", required_argument, NULL, OPT_RULES},
		{"no-default-rules", no_argument, NULL, OPT_NODEFAULT},
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct render_opts o = {
		.lang = LANG_EN, .as_of = T_NONE, .day = T_NONE};
	struct render_names names;
	const char *names_path = NULL;
	const char **rules_paths = xmalloc((size_t)argc * sizeof(char *));
	size_t nrules = 0;
	int default_rules = 1;
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	const struct format *fmt = &formats[0];
	struct render_report rep;
	struct ptime t;
	struct cli c;
	struct rec *r;
	char msg[256];
	unsigned kinds;
	size_t i;
	int opt, status;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, "f:l:" CLI_SHORTOPTS, longopts,
				  NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case 'f':
			if (strcmp(optarg, "xlsx") == 0) {
				fmt = &xlsx_format;
				break;
			}
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
		case OPT_PORTAL_URL:
			o.portal_url = portal_url(&c, optarg);
			break;
		case OPT_FROM:
		case OPT_TO:
			/* a day: the explore lists start with pulse-funnel's
			 * period */
			if (strlen(optarg) != 10 ||
			    ptime_parse(optarg, 10, &t) < 0)
				cli_usage_error(&c,
						"invalid --%s '%s' (a day, "
						"YYYY-MM-DD)",
						opt == OPT_FROM ? "from" : "to",
						optarg);
			if (opt == OPT_FROM)
				o.from_day = optarg;
			else
				o.to_day = optarg;
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
		case OPT_CSV_DIALECT:
			if (strcmp(optarg, "rfc4180") == 0)
				o.csv_dialect = RENDER_CSV_RFC4180;
			else if (strcmp(optarg, "excel-ru") == 0)
				o.csv_dialect = RENDER_CSV_EXCEL_RU;
			else
				cli_usage_error(
					&c,
					"unknown --csv-dialect '%s' (rfc4180 or excel-ru)",
					optarg);
			break;
		case OPT_NAMES:
			names_path = optarg;
			break;
		case OPT_WIDTH:
			o.width = (int)cli_parse_uint(&c, "--width", optarg,
						      RENDER_MIN_WIDTH, 100000);
			break;
		case OPT_RULES:
			rules_paths[nrules++] = optarg;
			break;
		case OPT_NODEFAULT:
			default_rules = 0;
			break;
		default:
			cli_usage(&c);
		}
	}
	if (fmt == &xlsx_format && !c.outpath && isatty(STDOUT_FILENO))
		cli_usage_error(&c,
				"an xlsx workbook is binary: not writing it "
				"to a terminal (use -o FILE)");
	if (fmt->render == render_telegram && (!o.chat_id || !*o.chat_id))
		cli_usage_error(&c, "--format telegram needs --chat-id");
	render_names_init(&names);
	if (names_path) {
		status = render_names_load(&names, names_path, msg, sizeof msg);
		if (status)
			die(status, "%s", msg);
		o.names = &names;
	}
	if (fmt->render == render_md) {
		status = default_rules ? rules_load_default(&rs, &err) : 0;
		for (i = 0; status == 0 && i < nrules; i++)
			status = rules_load(&rs, rules_paths[i], &err);
		if (status)
			die(status, "%s", err.p);
		o.rules = &rs;
	}
	kinds = fmt->kinds;
	for (i = 0; o.chart && i < sizeof charts / sizeof charts[0]; i++)
		if (fmt->render == render_svg &&
		    strcmp(o.chart, charts[i].name) == 0)
			kinds = RK_BIT(charts[i].kind);
	if (fmt->render == render_csv && o.table)
		kinds = RK_BIT(RK_FUNNEL) | RK_BIT(RK_NAME);
	render_load_init(&rep, kinds);
	rep.raw = fmt->render == render_csv;
	rep.final_only =
		fmt->render == render_html || fmt->render == render_telegram;
	rep.want_items = fmt->render == render_html;
	if (fmt == &xlsx_format)
		rep.raw = 1;
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r))
		if (render_load_add(&rep, r, msg, sizeof msg) < 0)
			cli_bad(&c, "%s", msg);
	if (check_drawn(&rep, fmt, &o) < 0)
		cli_status(&c, EX_DATAERR);
	else if (fmt->render == render_svg && !o.chart &&
		 pick_chart(&rep, &o) < 0)
		cli_status(&c, EX_USAGE);
	else if (fmt->render == render_svg && o.chart &&
		 strcmp(o.chart, "metrics") == 0 && check_days(&rep) < 0)
		cli_status(&c, EX_DATAERR);
	else if (fmt == &xlsx_format) {
		render_load_finish(&rep, &o);
		status = render_xlsx(&rep, &o, cli_out(&c), msg, sizeof msg);
		if (status) {
			error("%s", msg);
			cli_status(&c, status);
		}
	} else if (fmt->render == render_svg && o.chart &&
		   strcmp(o.chart, "sankey") == 0 &&
		   render_sankey_check(&rep, msg, sizeof msg) < 0) {
		error("%s", msg);
		cli_status(&c, EX_DATAERR);
	} else {
		render_load_finish(&rep, &o);
		fmt->render(&rep, &o, cli_out(&c));
	}
	status = cli_finish(&c);
	render_load_release(&rep);
	render_names_release(&names);
	rules_release(&rs);
	buf_release(&err);
	free(rules_paths);
	return status;
}
