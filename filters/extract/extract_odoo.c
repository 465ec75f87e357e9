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
#include "rules.h"

enum {
	OPT_TICKETS = CLI_OPT_FIRST_PROGRAM,
	OPT_STAFF_USERS,
	OPT_STAFF_DOMAIN,
	OPT_STAFF_EMAIL,
	OPT_NOTE_SUBTYPE,
	OPT_RULES,
	OPT_NO_DEFAULT_RULES,
};

static const struct option longopts[] = {
	{"tickets", required_argument, NULL, OPT_TICKETS},
	{"staff-users", required_argument, NULL, OPT_STAFF_USERS},
	{"staff-domain", required_argument, NULL, OPT_STAFF_DOMAIN},
	{"staff-email", required_argument, NULL, OPT_STAFF_EMAIL},
	{"note-subtype", required_argument, NULL, OPT_NOTE_SUBTYPE},
	{"rules", required_argument, NULL, OPT_RULES},
	{"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES},
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static const struct cli_info info = {
	"pulse-extract odoo",
	"usage: pulse-extract odoo [--tickets FILE] [--staff-users FILE] "
	"[options] [file ...]",
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
	"                         rules\n" CLI_HELP_COMMON "\n"
	"Direction: notification, auto_comment, user_notification and unknown\n"
	"types are system; internal messages and Note subtypes are note;\n"
	"email_outgoing is out; otherwise staff authors are out, others in.\n"
	"With no staff configured, comment is out and email is in.\n",
};

int extract_odoo_main(int argc, char **argv)
{
	struct cli c;
	struct odoo *x;
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	struct strvec rules_files = STRVEC_INIT, users_files = STRVEC_INIT,
		      lines = STRVEC_INIT;
	const char *tickets = NULL;
	char msg[512];
	size_t i, ignored;
	uint64_t internal;
	int opt, no_default = 0, status;
	struct rec *r;

	x = odoo_new();
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
		default:
			cli_usage(&c);
		}
	}

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
