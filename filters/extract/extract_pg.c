/*
 * extract_pg.c - the command line of pulse-extract pg: its options, the
 * connection string (pgconn.h), the bookmark (pgstate.h) and what a bad
 * row or a failure means.  The reading is the engine's (pgcopy.h).
 *
 * The bookmark (--state FILE) is the last (created_at, id) read of each
 * table (of (ts, KEY) with --query --key KEY); the next run asks for the
 * rows after it, so a run that stopped between rows sharing one time
 * loses none of them and repeats none.  It is written (atomically) only
 * after every row was written and the output closed, to --state's file or
 * to --state-to's.  A damaged bookmark is exit 65, never a first run;
 * --full starts over without reading it.  --row-ids names each record's
 * source row ("row":"events/17"), which is what pulse-daily's archive
 * knows its events by.
 *
 * The connection string comes from --db-file FILE (its first line), or
 * --db (which may not hold a password: a command line is visible to every
 * local user in ps), or $PULSE_DB, else libpq's defaults (PG* variables,
 * ~/.pgpass, a service file).
 */
#include "extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "pgconn.h"
#include "pgcopy.h"
#include "pgstate.h"

enum {
	OPT_DB = CLI_OPT_FIRST_PROGRAM,
	OPT_DB_FILE,
	OPT_QUERY,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_STATE,
	OPT_STATE_TO,
	OPT_FULL,
	OPT_ROW_IDS,
	OPT_KEY,
	OPT_PAYMENT_EVENT,
};

static const struct option longopts[] = {
	{"db", required_argument, NULL, OPT_DB},
	{"db-file", required_argument, NULL, OPT_DB_FILE},
	{"query", required_argument, NULL, OPT_QUERY},
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"state", required_argument, NULL, OPT_STATE},
	{"state-to", required_argument, NULL, OPT_STATE_TO},
	{"full", no_argument, NULL, OPT_FULL},
	{"row-ids", no_argument, NULL, OPT_ROW_IDS},
	{"key", required_argument, NULL, OPT_KEY},
	{"payment-event", required_argument, NULL, OPT_PAYMENT_EVENT},
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

/* clang-format off */
static const struct cli_info info = {
	"pulse-extract pg",
	"usage: pulse-extract pg [--db-file FILE | --db CONNINFO] "
	"[--query SQL [--key COLUMN]] [--since TIME] [--until TIME] "
	"[--state FILE [--state-to FILE] [--full]] [--row-ids] [options]",
	"Read sales events from PostgreSQL and write `event` records.\n"
	"By default: the tables events, events_dict and payments (payments as\n"
	"events named 'payment' with their amount), by time.\n"
	"\n"
	"      --db-file FILE     read the connection string (libpq key=value or\n"
	"                         URI, with the password if any) from FILE\n"
	"      --db CONNINFO      a connection string without a password: a\n"
	"                         command line is visible to every local user\n"
	"                         (default: $PULSE_DB, else the PG* variables,\n"
	"                         ~/.pgpass, a service file)\n"
	"      --query SQL        run this SELECT instead; it returns the columns\n"
	"                         user_id, ts, event and, for payments, amount\n"
	"      --key COLUMN       with --query: a column that orders rows of one\n"
	"                         ts (a row id); needed by --state\n"
	"      --since TIME       only rows with ts >= TIME\n"
	"      --until TIME       only rows with ts < TIME\n"
	"      --state FILE       a bookmark: read only the rows after the last\n"
	"                         run's; FILE is updated when the run succeeds\n"
	"      --state-to FILE    write the new bookmark to FILE instead\n"
	"      --full             read every row, as on a first run (the\n"
	"                         bookmark is not read; a damaged one is exit 65)\n"
	"      --row-ids          name each record's source row: \"row\":\n"
	"                         \"events/ID\", \"payments/ID\" or \"query/KEY\"\n"
	"      --payment-event NAME\n"
	"                         the event name of payments (default payment)\n"
	CLI_HELP_COMMON
	"\n"
	"Exit status 69: the server cannot be reached or the connection was\n"
	"lost; 65: the query failed, or the bookmark is damaged.\n",
};
/* clang-format on */

static void parse_opts(struct cli *c, struct pgcopy_opts *o, const char **state,
		       const char **state_to, int *full, const char **db,
		       const char **db_file, int argc, char **argv)
{
	int opt;

	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_VERSION) {
			printf("pulse-extract (pulse) %s\n", VERSION);
			exit(fflush(stdout) || ferror(stdout) ? EX_IOERR : 0);
		}
		if (cli_opt(c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_DB:
			*db = optarg;
			break;
		case OPT_DB_FILE:
			*db_file = optarg;
			break;
		case OPT_QUERY:
			o->query = optarg;
			break;
		case OPT_KEY:
			o->key = optarg;
			break;
		case OPT_SINCE:
			cli_parse_time(c, "--since", optarg, NULL);
			o->since = optarg;
			break;
		case OPT_UNTIL:
			cli_parse_time(c, "--until", optarg, NULL);
			o->until = optarg;
			break;
		case OPT_STATE:
			*state = optarg;
			break;
		case OPT_STATE_TO:
			*state_to = optarg;
			break;
		case OPT_FULL:
			*full = 1;
			break;
		case OPT_ROW_IDS:
			o->row_ids = 1;
			break;
		case OPT_PAYMENT_EVENT:
			o->payment_event = optarg;
			break;
		default:
			cli_usage(c);
		}
	}
	if (optind < argc)
		cli_usage_error(c, "pg reads no files ('%s')", argv[optind]);
	if (o->key && !o->query)
		cli_usage_error(c, "--key goes with --query");
	if (o->query && *state && !o->key)
		cli_usage_error(c, "--state with --query needs --key COLUMN: "
				   "a column that orders the rows of one ts");
	if (o->query && o->row_ids && !o->key)
		cli_usage_error(c, "--row-ids with --query needs --key COLUMN: "
				   "the column that names a row");
	if (o->query && !*o->query)
		cli_usage_error(c, "--query is empty");
	if ((*state_to || *full) && !*state)
		cli_usage_error(c, "%s goes with --state",
				*full ? "--full" : "--state-to");
	if (*state && !**state)
		cli_usage_error(c, "--state is empty");
	if (*state_to && !**state_to)
		cli_usage_error(c, "--state-to is empty");
	if (*db && *db_file)
		cli_usage_error(c, "--db and --db-file: give one");
}

/* What came before is written, then the message, then the exit. */
static void fail(struct cli *c, int code, const struct buf *err)
{
	cli_flush(c);
	die(code, "%s", err->p ? err->p : "failed");
}

int extract_pg_main(int argc, char **argv)
{
	struct cli c;
	struct pgcopy_opts o;
	struct pgconn k;
	struct pgstate st;
	struct pgcopy *x;
	struct buf err = BUF_INIT, warning = BUF_INIT;
	const char *state = NULL, *state_to = NULL, *db = NULL, *db_file = NULL;
	int full = 0, code = 0, status, rc;

	memset(&o, 0, sizeof o);
	memset(&k, 0, sizeof k);
	memset(&st, 0, sizeof st);
	o.payment_event = "payment";
	cli_init(&c, argc, argv, &info);
	parse_opts(&c, &o, &state, &state_to, &full, &db, &db_file, argc, argv);

	/* the connection string, and the secrets never to print */
	if (pgconn_find(&k, db, db_file, &err, &warning, &code) < 0) {
		if (code == EX_USAGE && db)
			cli_usage_error(&c, "%s", err.p);
		die(code, "%s", err.p);
	}
	if (warning.len)
		warn("%s", warning.p);

	/* the bookmark, unless --full */
	st.key = o.query ? o.key : NULL;
	if (state && !full && pgstate_load(&st, state, &err, &code) < 0)
		die(code, "%s", err.p);

	cli_start(&c, 0, NULL);
	x = pgcopy_new(&o, &st);
	if ((rc = pgcopy_connect(x, &k, &err)) != 0)
		fail(&c, rc, &err);
	if ((rc = pgcopy_run(x, cli_sink(&c), cli_report(&c), &err)) != 0)
		fail(&c, rc, &err);
	pgcopy_free(x);
	status = cli_finish(&c);
	if (status == 0 && state &&
	    pgstate_save(&st, state_to ? state_to : state, &err, &code) < 0)
		die(code, "%s", err.p);
	pgstate_release(&st);
	pgconn_release(&k);
	buf_release(&err);
	buf_release(&warning);
	return status;
}
