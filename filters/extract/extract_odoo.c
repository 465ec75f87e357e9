/*
 * extract_odoo.c - the command line of pulse-extract odoo: its options,
 * the rules, users and tickets it loads, the messages it reads through
 * cli_next() and what a bad one means (--on-error).  The reading is the
 * engine's (odoo.h).
 */
#include "extract.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "odoo.h"
#include "odoo_fetch.h"
#include "rules.h"

enum {
	OPT_TICKETS = CLI_OPT_FIRST_PROGRAM,
	OPT_STAFF_USERS,
	OPT_STAFF_DOMAIN,
	OPT_STAFF_EMAIL,
	OPT_NOTE_SUBTYPE,
	OPT_RULES,
	OPT_NO_DEFAULT_RULES,
	OPT_FETCH,
	OPT_API,
	OPT_KEY_FILE,
	OPT_STATE,
	OPT_LIMIT,
};

static const struct option longopts[] = {
	{"tickets", required_argument, NULL, OPT_TICKETS},
	{"staff-users", required_argument, NULL, OPT_STAFF_USERS},
	{"staff-domain", required_argument, NULL, OPT_STAFF_DOMAIN},
	{"staff-email", required_argument, NULL, OPT_STAFF_EMAIL},
	{"note-subtype", required_argument, NULL, OPT_NOTE_SUBTYPE},
	{"rules", required_argument, NULL, OPT_RULES},
	{"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES},
	{"fetch", no_argument, NULL, OPT_FETCH},
	{"api", required_argument, NULL, OPT_API},
	{"key-file", required_argument, NULL, OPT_KEY_FILE},
	{"state", required_argument, NULL, OPT_STATE},
	{"limit", required_argument, NULL, OPT_LIMIT},
	EXTRACT_FETCH_LONGOPTS,
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static const struct cli_info info = {
	"pulse-extract odoo",
	"usage: pulse-extract odoo [--tickets FILE] [--staff-users FILE] "
	"[options] [file ...]\n"
	"       pulse-extract odoo --fetch [--api json2|jsonrpc] [--state FILE] "
	"[options]",
	"Turn Odoo mail.message records (search_read output: a JSON array or\n"
	"NDJSON, plain or zstd) of helpdesk tickets into `message` records.\n"
	"\n"
	"      --tickets FILE     join helpdesk.ticket fields (Enterprise or OCA\n"
	"                         helpdesk_mgmt) to the messages, by res_id\n"
	"      --staff-users FILE res.users search_read output: the partners of\n"
	"                         the users with share false are staff\n"
	"      --staff-domain D   senders at domain D or below are staff\n"
	"      --staff-email A    the sender address A is staff\n"
	"      --note-subtype ID  messages of subtype ID are internal notes\n"
	"      --rules FILE       add a rules file ([staff] domain/email lines)\n"
	"      --no-default-rules do not read $PULSE_RULES or the built-in\n"
	"                         rules\n"
	"\n"
	"Reading the database itself ($PULSE_ODOO_URL, $PULSE_ODOO_DB,\n"
	"$PULSE_ODOO_LOGIN, the API key in $PULSE_ODOO_KEY):\n"
	"      --fetch            read res.users, helpdesk.ticket and\n"
	"                         mail.message over the external API\n"
	"      --api API          json2 (Odoo 19 and later, the default) or\n"
	"                         jsonrpc (Odoo 16-18: needs the database and\n"
	"                         the login)\n"
	"      --key-file FILE    the API key from FILE (its first line)\n"
	"      --state FILE       fetch only the messages after the bookmark "
	"in\n"
	"                         FILE, and the tickets written since (their\n"
	"                         older messages again, with the new fields);\n"
	"                         moved when the run is complete\n"
	"      --limit N          records a page (default 1000)\n"
	"      --rate N           requests a second (default 5)\n"
	"      --cacert FILE      trust the CA certificates in FILE (PEM)\n"
	"      --timeout SEC      the longest request (default 120)\n"
	"      --retries N        a failed request is made again N times "
	"(default 5)\n"
	"  -v, --verbose          log each request on stderr (the key "
	"masked)\n" CLI_HELP_COMMON "\n"
	"Direction: notification, auto_comment, user_notification and unknown\n"
	"types are system; internal messages and Note subtypes are note;\n"
	"email_outgoing is out; otherwise staff authors are out, others in.\n"
	"With no staff configured, comment is out, email and whatsapp_message\n"
	"in.\n",
};

/* --fetch: the database's records, the bookmark moved when all is written. */
static int fetch_main(struct cli *c, struct odoo *x, struct odoo_fetch_opts *fo,
		      const char *key_file, const char *state)
{
	struct odoo_state s;
	struct buf err = BUF_INIT;
	struct strvec lines = STRVEC_INIT;
	char *key;
	size_t i;
	int st, status;

	fo->url = getenv("PULSE_ODOO_URL");
	fo->db = getenv("PULSE_ODOO_DB");
	fo->login = getenv("PULSE_ODOO_LOGIN");
	if (!fo->url || !*fo->url)
		die(EX_CONFIG, "--fetch needs the Odoo's address in "
			       "$PULSE_ODOO_URL (https://example.odoo.com)");
	if (fo->api == ODOO_JSONRPC &&
	    (!fo->db || !*fo->db || !fo->login || !*fo->login))
		die(EX_CONFIG, "--api jsonrpc needs the database in "
			       "$PULSE_ODOO_DB and the user's login in "
			       "$PULSE_ODOO_LOGIN");
	key = extract_secret(key_file, "the key file", "API key",
			     "PULSE_ODOO_KEY",
			     "--fetch needs an API key: in $PULSE_ODOO_KEY, or "
			     "in a file named by --key-file (Odoo: Preferences "
			     "> Account Security > New API Key)");
	fo->key = key;
	memset(&s, 0, sizeof s);
	if (state)
		cli_check(odoo_state_load(&s, state, &err), &err);
	cli_start(c, 0, NULL);
	st = odoo_fetch(x, fo, &s, cli_sink(c), cli_report(c), &err);
	memset(key, 0, strlen(key));
	free(key);
	if (st) {
		cli_flush(c);
		die(st, "%s", err.p ? err.p : "failed");
	}
	cli_flush(c);
	if (!odoo_staff_count(x))
		warn("no internal users (share false) in res.users");
	buf_reset(&err);
	odoo_tickets_note(x, &err);
	warn("tickets: %s", err.p);
	odoo_left_out(x, "helpdesk.ticket", &lines);
	for (i = 0; i < lines.n; i++)
		warn("%s", lines.v[i]);
	status = cli_finish(c);
	if (status == 0 && state) {
		st = odoo_state_save(&s, state, &err);
		if (st)
			die(st, "%s", err.p);
	}
	strvec_clear(&lines);
	buf_release(&err);
	return status;
}

int extract_odoo_main(int argc, char **argv)
{
	struct cli c;
	struct odoo *x;
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	struct strvec rules_files = STRVEC_INIT, users_files = STRVEC_INIT,
		      lines = STRVEC_INIT;
	const char *tickets = NULL, *key_file = NULL, *state = NULL;
	struct odoo_fetch_opts fo;
	int fetch = 0;
	char msg[512];
	size_t i, ignored;
	uint64_t internal;
	int opt, no_default = 0, status;
	struct rec *r;

	memset(&fo, 0, sizeof fo);
	fo.api = ODOO_JSON2;
	fo.limit = 1000;
	extract_fetch_defaults(&fo.net, 5);
	x = odoo_new();
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
		case OPT_TICKETS:
			tickets = optarg;
			break;
		case OPT_STAFF_USERS:
			strvec_push(&users_files, optarg);
			break;
		case OPT_STAFF_DOMAIN:
			if (odoo_staff_domain(x, optarg, strlen(optarg)) < 0)
				cli_usage_error(
					&c, "--staff-domain needs a domain");
			break;
		case OPT_STAFF_EMAIL:
			if (odoo_staff_email(x, optarg, strlen(optarg)) < 0)
				cli_usage_error(&c,
						"--staff-email '%s' is not an "
						"address",
						optarg);
			break;
		case OPT_NOTE_SUBTYPE:
			odoo_note_subtype(x, (int64_t)cli_parse_uint(
						     &c, "--note-subtype",
						     optarg, 1, INT64_MAX));
			break;
		case OPT_RULES:
			strvec_push(&rules_files, optarg);
			break;
		case OPT_NO_DEFAULT_RULES:
			no_default = 1;
			break;
		case OPT_FETCH:
			fetch = 1;
			break;
		case OPT_API:
			if (strcmp(optarg, "json2") == 0)
				fo.api = ODOO_JSON2;
			else if (strcmp(optarg, "jsonrpc") == 0)
				fo.api = ODOO_JSONRPC;
			else
				cli_usage_error(&c,
						"invalid --api '%s' (json2 or "
						"jsonrpc)",
						optarg);
			break;
		case OPT_KEY_FILE:
			key_file = optarg;
			break;
		case OPT_STATE:
			state = optarg;
			break;
		case OPT_LIMIT:
			fo.limit = (long)cli_parse_uint(&c, "--limit", optarg,
							1, 100000);
			break;
		default:
			cli_usage(&c);
		}
	}

	if (!fetch && (key_file || state || fo.net.cacert))
		cli_usage_error(&c, "--key-file, --state and --cacert go with "
				    "--fetch");
	if (fetch && optind < argc)
		cli_usage_error(&c, "--fetch reads the database, not files");
	if (fetch && (tickets || users_files.n))
		cli_usage_error(&c, "--fetch reads the tickets and users from "
				    "the database: no --tickets or "
				    "--staff-users");
	if (!no_default)
		cli_check(rules_load_default(&rs, &err), &err);
	for (i = 0; i < rules_files.n; i++)
		cli_check(rules_load(&rs, rules_files.v[i], &err), &err);
	ignored = odoo_staff_rules(x, &rs);
	if (ignored)
		warn("rules: %zu line%s of [staff] ignored (only domain, email "
		     "and sender apply)",
		     ignored, ignored == 1 ? "" : "s");
	rules_release(&rs);
	for (i = 0; i < users_files.n; i++) {
		cli_check(odoo_load_staff_users(x, users_files.v[i], &internal,
						&err),
			  &err);
		if (!internal)
			warn("no internal users (share false) in '%s'",
			     users_files.v[i]);
	}
	if (fetch) {
		status = fetch_main(&c, x, &fo, key_file, state);
		odoo_free(x);
		strvec_clear(&rules_files);
		strvec_clear(&users_files);
		buf_release(&err);
		return status;
	}
	if (tickets) {
		cli_check(odoo_load_tickets(x, tickets, &err), &err);
		buf_reset(&err);
		odoo_tickets_note(x, &err);
		warn("tickets: %s", err.p);
	}

	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r)) {
		if (odoo_add(x, r, cli_sink(&c), msg, sizeof msg) < 0)
			cli_bad(&c, "%s", msg);
		cli_commit(&c);
	}
	cli_flush(&c); /* the records, then what was left out */
	odoo_left_out(x, tickets, &lines);
	for (i = 0; i < lines.n; i++)
		warn("%s", lines.v[i]);
	status = cli_finish(&c);
	odoo_free(x);
	strvec_clear(&rules_files);
	strvec_clear(&users_files);
	strvec_clear(&lines);
	buf_release(&err);
	return status;
}
