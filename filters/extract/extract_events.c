/*
 * extract_events.c - the command line of pulse-extract events: its
 * options, the dictionary, and what a bad row or a file that cannot be
 * read means (--on-error).  The reading is the engine's (events.h).
 */
#include "extract.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "events.h"

enum {
	OPT_DICT = CLI_OPT_FIRST_PROGRAM,
	OPT_PAYMENTS,
	OPT_PAYMENT_EVENT,
	OPT_SORTED,
	OPT_ENCODING,
};

static const struct option longopts[] = {
	{"dict", required_argument, NULL, OPT_DICT},
	{"payments", required_argument, NULL, OPT_PAYMENTS},
	{"payment-event", required_argument, NULL, OPT_PAYMENT_EVENT},
	{"sorted", no_argument, NULL, OPT_SORTED},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

/* clang-format off */
static const struct cli_info info = {
	"pulse-extract events",
	"usage: pulse-extract events --dict FILE [--payments FILE] [--sorted] [--encoding ENC] "
	"[options] [events-file ...]",
	"Read dumps of the sales tables events, events_dict and payments (CSV\n"
	"with a header or NDJSON, plain or zstd) and write the `event` records\n"
	"pulse-extract pg writes from the same rows, in the same order.\n"
	"\n"
	"      --dict FILE        the events_dict table (id, name)\n"
	"      --payments FILE    the payments table (id, user_id, amount,\n"
	"                         created_at); repeatable\n"
	"      --payment-event NAME\n"
	"                         the event name of payments (default payment)\n"
	"      --sorted           each table's rows come in (created_at, id)\n"
	"                         order: merge them in constant memory\n"
	"      --encoding ENC     the CSV files' encoding: auto (default: UTF-8,\n"
	"                         or Windows-1251 recognised), utf-8, cp1251\n"
	CLI_HELP_COMMON
	"\n"
	"The events files hold the events table (id, user_id, event_id,\n"
	"created_at).\n",
};
/* clang-format on */

int extract_events_main(int argc, char **argv)
{
	struct cli c;
	struct events_opts o;
	struct events *x;
	struct buf err = BUF_INIT;
	struct strvec pay = STRVEC_INIT;
	const char *dict = NULL;
	int opt, status, st;

	memset(&o, 0, sizeof o);
	o.payment_event = "payment";
	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_VERSION) {
			printf("pulse-extract (pulse) %s\n", VERSION);
			exit(fflush(stdout) || ferror(stdout) ? EX_IOERR : 0);
		}
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_DICT:
			dict = optarg;
			break;
		case OPT_PAYMENTS:
			strvec_push(&pay, optarg);
			break;
		case OPT_PAYMENT_EVENT:
			o.payment_event = optarg;
			break;
		case OPT_SORTED:
			o.sorted = 1;
			break;
		case OPT_ENCODING:
			if (csv_enc_parse(optarg, &o.enc) < 0)
				cli_usage_error(
					&c,
					"invalid --encoding '%s' (auto, utf-8 or cp1251)",
					optarg);
			break;
		default:
			cli_usage(&c);
		}
	}
	if (!dict)
		cli_usage_error(&c, "--dict FILE is needed: the events_dict "
				    "table names the event ids");
	x = events_new(&o);
	cli_check(events_load_dict(x, dict, &err), &err);
	cli_start(&c, 0, NULL);
	st = events_run(x, argv + optind, argc - optind, pay.v, (int)pay.n,
			cli_sink(&c), cli_report(&c), &err);
	/* the rows and the run end here, what was written stays written */
	cli_check(st, &err);
	status = cli_finish(&c);
	events_free(x);
	strvec_clear(&pay);
	buf_release(&err);
	return status;
}
