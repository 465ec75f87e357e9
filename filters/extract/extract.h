/*
 * extract.h - the command lines of pulse-extract's sources.
 *
 * main.c picks the source (the first argument) and hands the rest of the
 * command line to that source's main function, in extract_SOURCE.c, which
 * owns the run: its options, its inputs, its exit status, and what a bad
 * record means (--on-error).  Only these files and main.c know the command
 * line (cli.h).  The reading is done by each source's engine, which writes
 * records into a struct sink, tells of bad ones through a struct report,
 * and returns an error (an exit status and a message) for a file it cannot
 * read: bitrix.h, odoo.h, events.h, pg.h.  sales.h and html.h are what
 * more than one engine uses.
 */
#ifndef PULSE_EXTRACT_H
#define PULSE_EXTRACT_H

#include "cli.h"
#include "http.h"

/*
 * pulse-extract SOURCE: argv[0] is the program's path, the source's
 * options and files follow.  @return the exit status.
 */
int extract_odoo_main(int argc, char **argv);
int extract_bitrix_main(int argc, char **argv);
int extract_pg_main(int argc, char **argv);
int extract_events_main(int argc, char **argv);

/* ---- extract_fetch.c: what the --fetch command lines share ---- */

/*
 * A secret (a webhook URL, an API key): the first line of file (its
 * trailing blanks dropped; file_what names the file, what the secret in
 * messages), or else $env; dies with missing (exit 78) when there is
 * none.  To be wiped and freed by the caller.
 */
char *extract_secret(const char *file, const char *file_what, const char *what,
		     const char *env, const char *missing);

/* -v: a line of the fetcher's log on stderr. */
void extract_log_line(void *arg, const char *msg);

/*
 * The options of every --fetch, one parser for them all: --rate N,
 * --cacert FILE, --timeout SEC, --retries N and -v, into a struct
 * http_opts (the fetchers' "net").  EXTRACT_FETCH_LONGOPTS goes into a
 * source's long options, "v" into its short ones.
 */
enum {
	EXTRACT_OPT_RATE = CLI_OPT_FIRST_PROGRAM + 0x80,
	EXTRACT_OPT_CACERT,
	EXTRACT_OPT_TIMEOUT,
	EXTRACT_OPT_RETRIES,
};

/* clang-format off */
#define EXTRACT_FETCH_LONGOPTS                                           \
	{"rate", required_argument, NULL, EXTRACT_OPT_RATE},             \
	{"cacert", required_argument, NULL, EXTRACT_OPT_CACERT},         \
	{"timeout", required_argument, NULL, EXTRACT_OPT_TIMEOUT},       \
	{"retries", required_argument, NULL, EXTRACT_OPT_RETRIES},       \
	{"verbose", no_argument, NULL, 'v'}
/* clang-format on */

/* The defaults: rate requests a second, 120 s, 5 retries, no log. */
void extract_fetch_defaults(struct http_opts *o, double rate);

/* Takes opt when it is one of them.  @return 1 taken, 0 not one. */
int extract_fetch_opt(struct cli *c, int opt, const char *arg,
		      struct http_opts *o);

#endif
