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

#endif
