/*
 * extract_bitrix.c - the command line of pulse-extract bitrix: its
 * options, the dictionaries, the inputs and what a bad item or a file that
 * cannot be read means (--on-error).  The reading is the engine's
 * (bitrix.h).
 */
#include "extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bitrix.h"
#include "bitrix_fetch.h"
#include "file.h"
#include "cli.h"
#include "csv.h"
#include "ptime.h"

enum {
	OPT_ENTITY = CLI_OPT_FIRST_PROGRAM,
	OPT_USERS,
	OPT_STATUSES,
	OPT_CATEGORIES,
	OPT_NAMES,
	OPT_LOSS_FIELD,
	OPT_KEEP,
	OPT_KEEP_UNKNOWN,
	OPT_MAP,
	OPT_ENCODING,
	OPT_DELIMITER,
	OPT_TZ,
	OPT_FETCH,
	OPT_WEBHOOK_FILE,
	OPT_STATE,
};

static const struct option longopts[] = {
	{"entity", required_argument, NULL, OPT_ENTITY},
	{"users", required_argument, NULL, OPT_USERS},
	{"statuses", required_argument, NULL, OPT_STATUSES},
	{"categories", required_argument, NULL, OPT_CATEGORIES},
	{"names", no_argument, NULL, OPT_NAMES},
	{"loss-field", required_argument, NULL, OPT_LOSS_FIELD},
	{"keep", required_argument, NULL, OPT_KEEP},
	{"keep-unknown", no_argument, NULL, OPT_KEEP_UNKNOWN},
	{"map", required_argument, NULL, OPT_MAP},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"delimiter", required_argument, NULL, OPT_DELIMITER},
	{"tz", required_argument, NULL, OPT_TZ},
	{"fetch", no_argument, NULL, OPT_FETCH},
	{"webhook-file", required_argument, NULL, OPT_WEBHOOK_FILE},
	{"state", required_argument, NULL, OPT_STATE},
	EXTRACT_FETCH_LONGOPTS,
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static const struct cli_info info = {
	"pulse-extract bitrix",
	"usage: pulse-extract bitrix [--users FILE] [--statuses FILE] "
	"[options] [file ...]\n"
	"       pulse-extract bitrix --fetch [--state FILE] [options]",
	"Turn Bitrix24 exports into `lead`, `deal` and `stage` records:\n"
	"crm.lead.list, crm.deal.list and crm.stagehistory.list pages (JSON,\n"
	"one after the other or in an array), and the CSV export of leads or\n"
	"deals (; or , UTF-8 or Windows-1251, Russian or English headers).\n"
	"Files may be zstd-compressed.\n"
	"\n"
	"      --entity KIND      lead or deal: what list pages and CSV files "
	"hold\n"
	"                         when their fields do not tell\n"
	"      --users FILE       user.get pages (or a CSV with ID, NAME,\n"
	"                         LAST_NAME): managers by name, not by id\n"
	"      --statuses FILE    crm.status.list pages: the semantics of "
	"custom\n"
	"                         stages, the ids of the stage and source "
	"names "
	"a\n"
	"                         CSV export shows\n"
	"      --names            write the names --statuses gives stages and\n"
	"                         sources as 'name' records, before the others\n"
	"      --categories FILE  crm.category.list pages: the names of the "
	"deal\n"
	"                         pipelines, as 'name' records (implies "
	"--names)\n"
	"      --loss-field NAME  the loss reason is in field NAME (an API "
	"code\n"
	"                         like UF_CRM_LOSS_REASON, or a CSV header); "
	"first\n"
	"                         one with a value wins, before the defaults\n"
	"                         (a 'loss reason' column, STATUS_DESCRIPTION "
	"of\n"
	"                         leads)\n"
	"      --keep NAME        keep field NAME too, under its lower-case "
	"name\n"
	"      --keep-unknown     keep every field pulse does not read\n"
	"      --map FILE         more CSV headers: lines 'header,API_CODE'\n"
	"      --encoding ENC     CSV encoding: auto (default), utf-8, cp1251\n"
	"      --delimiter C      CSV delimiter (default: found in the "
	"header)\n"
	"      --tz OFFSET        offset of CSV times written without one\n"
	"                         (+03:00); default: they stay "
	"without\n"
	"\n"
	"Reading the portal itself (the webhook URL from "
	"$PULSE_BITRIX_WEBHOOK):\n"
	"      --fetch            call crm.status.list, crm.category.list, "
	"user.get,\n"
	"                         crm.lead.list, crm.deal.list and\n"
	"                         crm.stagehistory.list over the inbound "
	"webhook\n"
	"      --webhook-file FILE  the webhook URL from FILE (its first "
	"line)\n"
	"      --state FILE       fetch only what changed since the bookmark "
	"in\n"
	"                         FILE; moved when the run is complete\n"
	"      --rate N           requests a second (default 2)\n"
	"      --cacert FILE      trust the CA certificates in FILE (PEM)\n"
	"      --timeout SEC      the longest request (default 120)\n"
	"      --retries N        a failed request is made again N times "
	"(default 5)\n"
	"  -v, --verbose          log each request on stderr (the secret "
	"masked)\n" CLI_HELP_COMMON,
};

static void parse_tz(const struct cli *c, struct bitrix_opts *o,
		     const char *arg)
{
	struct ptime t;
	char tmp[40];

	/* an offset alone: read it as the offset of a time */
	if (strlen(arg) > 8)
		cli_usage_error(c, "invalid --tz '%s' (an offset like +03:00)",
				arg);
	snprintf(tmp, sizeof tmp, "2000-01-01T00:00:00%s", arg);
	if (strcmp(arg, "UTC") == 0 || strcmp(arg, "Z") == 0) {
		o->tz = 0;
	} else if (ptime_parse(tmp, strlen(tmp), &t) != 0 || !t.has_off) {
		cli_usage_error(c, "invalid --tz '%s' (an offset like +03:00)",
				arg);
	} else {
		o->tz = t.off_sec;
	}
	o->has_tz = 1;
}

/* --fetch: the portal's pages, the bookmark moved when all is written. */
static int fetch_main(struct cli *c, struct bitrix *x,
		      struct bitrix_fetch_opts *fo, const char *webhook_file,
		      const char *state)
{
	struct bitrix_state s;
	struct bitrix_counts n;
	struct buf err = BUF_INIT;
	char *url = extract_secret(
		webhook_file, "the webhook file", "webhook URL",
		"PULSE_BITRIX_WEBHOOK",
		"--fetch needs the webhook URL: in $PULSE_BITRIX_WEBHOOK, or "
		"in a file named by --webhook-file");
	int st, status;

	memset(&s, 0, sizeof s);
	if (state)
		cli_check(bitrix_state_load(&s, state, &err), &err);
	fo->webhook = url;
	cli_start(c, 0, NULL);
	st = bitrix_fetch(x, fo, &s, cli_sink(c), cli_report(c), &err);
	if (st) {
		cli_flush(c);
		die(st, "%s", err.p ? err.p : "failed");
	}
	cli_flush(c);
	bitrix_counts(x, &n);
	if (n.other_etype)
		warn("%llu stage history row%s of other entity types (not "
		     "leads or deals) left out",
		     (unsigned long long)n.other_etype,
		     n.other_etype == 1 ? "" : "s");
	status = cli_finish(c);
	if (status == 0 && state) {
		st = bitrix_state_save(&s, state, &err);
		if (st)
			die(st, "%s", err.p);
	}
	bitrix_state_release(&s);
	memset(url, 0, strlen(url));
	free(url);
	buf_release(&err);
	return status;
}

static void note(void *arg, const char *msg)
{
	(void)arg;
	warn("%s", msg);
}

/*
 * A file the engine could not read to its end: reported, and its exit
 * status kept; but for a file that cannot be opened (the next one is
 * read, as cli_next() does), --on-error=fail ends the run there.
 */
static void file_failed(struct cli *c, int status, const struct buf *err)
{
	warn("%s", err->p ? err->p : "failed");
	cli_status(c, status);
	if (status != EX_NOINPUT && c->onerr == CLI_FAIL) {
		cli_flush(c);
		exit(cli_finish(c));
	}
}

int extract_bitrix_main(int argc, char **argv)
{
	struct cli c;
	struct bitrix_opts o;
	/* static: reachable when a failing file exits from file_failed() */
	static struct bitrix *x;
	struct bitrix_counts n;
	struct strvec users = STRVEC_INIT, statuses = STRVEC_INIT,
		      cats = STRVEC_INIT, maps = STRVEC_INIT,
		      keep = STRVEC_INIT, loss = STRVEC_INIT;
	struct buf err = BUF_INIT;
	struct bitrix_fetch_opts fo;
	const char *webhook_file = NULL, *state = NULL;
	size_t i;
	int opt, status, st, fetch = 0, names = 0;

	memset(&o, 0, sizeof o);
	memset(&fo, 0, sizeof fo);
	extract_fetch_defaults(&fo.net, 2);
	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, "v" CLI_SHORTOPTS, longopts,
				  NULL)) != -1) {
		if (opt == CLI_OPT_VERSION) {
			printf("pulse-extract (pulse) %s\n", VERSION);
			exit(fflush(stdout) || ferror(stdout) ? EX_IOERR : 0);
		}
		if (cli_opt(&c, opt, optarg) ||
		    extract_fetch_opt(&c, opt, optarg, &fo.net))
			continue;
		switch (opt) {
		case OPT_ENTITY:
			if (strcmp(optarg, "lead") == 0)
				o.entity = 'L';
			else if (strcmp(optarg, "deal") == 0)
				o.entity = 'D';
			else
				cli_usage_error(&c,
						"invalid --entity '%s' (lead "
						"or deal)",
						optarg);
			break;
		case OPT_USERS:
			strvec_push(&users, optarg);
			break;
		case OPT_STATUSES:
			strvec_push(&statuses, optarg);
			break;
		case OPT_CATEGORIES:
			strvec_push(&cats, optarg);
			names = 1;
			break;
		case OPT_NAMES:
			names = 1;
			break;
		case OPT_LOSS_FIELD:
			if (!*optarg)
				cli_usage_error(&c,
						"--loss-field needs a name");
			strvec_push(&loss, optarg);
			break;
		case OPT_KEEP:
			if (!*optarg)
				cli_usage_error(&c, "--keep needs a name");
			strvec_push(&keep, optarg);
			break;
		case OPT_KEEP_UNKNOWN:
			o.keep_unknown = 1;
			break;
		case OPT_MAP:
			strvec_push(&maps, optarg);
			break;
		case OPT_ENCODING:
			if (csv_enc_parse(optarg, &o.enc) < 0)
				cli_usage_error(&c,
						"invalid --encoding '%s' "
						"(auto, utf-8 or cp1251)",
						optarg);
			break;
		case OPT_DELIMITER:
			if (strcmp(optarg, "\\t") == 0 ||
			    strcmp(optarg, "tab") == 0)
				o.delim = '\t';
			else if (strlen(optarg) == 1 && optarg[0] != '"' &&
				 optarg[0] != '\n' && optarg[0] != '\r')
				o.delim = optarg[0];
			else
				cli_usage_error(&c,
						"invalid --delimiter '%s' "
						"(one character)",
						optarg);
			break;
		case OPT_TZ:
			parse_tz(&c, &o, optarg);
			break;
		case OPT_FETCH:
			fetch = 1;
			break;
		case OPT_WEBHOOK_FILE:
			webhook_file = optarg;
			break;
		case OPT_STATE:
			state = optarg;
			break;
		default:
			cli_usage(&c);
		}
	}
	o.keep = (const char **)keep.v;
	o.nkeep = keep.n;
	o.loss = (const char **)loss.v;
	o.nloss = loss.n;
	o.note = note;
	if (!fetch && (webhook_file || state || fo.net.cacert))
		cli_usage_error(&c, "--webhook-file, --state and --cacert go "
				    "with --fetch");
	if (fetch && optind < argc)
		cli_usage_error(&c, "--fetch reads the portal, not files");
	if (fetch && (users.n || statuses.n || maps.n || cats.n))
		cli_usage_error(&c, "--fetch reads the users, statuses and "
				    "pipelines from the portal: no --users, "
				    "--statuses, --categories or --map");
	x = bitrix_new(&o);
	if (fetch) {
		fo.names = names;
		status = fetch_main(&c, x, &fo, webhook_file, state);
		bitrix_free(x);
		strvec_clear(&keep);
		strvec_clear(&loss);
		return status;
	}

	/* the dictionaries, before any output file is created */
	for (i = 0; i < maps.n; i++)
		cli_check(bitrix_load_map(x, maps.v[i], &err), &err);
	for (i = 0; i < statuses.n; i++)
		cli_check(bitrix_load_statuses(x, statuses.v[i], &err), &err);
	for (i = 0; i < cats.n; i++)
		cli_check(bitrix_load_categories(x, cats.v[i], &err), &err);
	for (i = 0; i < users.n; i++)
		cli_check(bitrix_load_users(x, users.v[i], &err), &err);

	cli_start(&c, argc - optind, argv + optind);
	if (names)
		bitrix_emit_names(x, cli_sink(&c));
	for (i = 0; i < (size_t)c.nfiles; i++) {
		st = bitrix_read(x, c.files[i], cli_sink(&c), cli_report(&c),
				 &err);
		if (st)
			file_failed(&c, st, &err);
	}
	cli_flush(&c);
	bitrix_counts(x, &n);
	if (n.other_etype)
		warn("%llu stage history row%s of other entity types (not "
		     "leads or deals) left out",
		     (unsigned long long)n.other_etype,
		     n.other_etype == 1 ? "" : "s");
	status = cli_finish(&c);
	bitrix_free(x);
	strvec_clear(&users);
	strvec_clear(&statuses);
	strvec_clear(&cats);
	strvec_clear(&maps);
	strvec_clear(&keep);
	strvec_clear(&loss);
	buf_release(&err);
	return status;
}
