/*
 * extract.h - what the parts of pulse-extract share.
 *
 * main.c picks the source (the first argument) and hands the rest of the
 * command line to that source's main function, which owns the run: its
 * options, its inputs and its exit status.  Each source is one
 * extract_SOURCE.c; helpers more than one source may use live in their own
 * extract_*.c (extract_html.c: HTML bodies to plain text).
 */
#ifndef PULSE_EXTRACT_H
#define PULSE_EXTRACT_H

#include <stddef.h>

#include "buf.h"

/*
 * pulse-extract odoo: argv[0] is the program's path, the options and files
 * follow.  @return the exit status.
 */
int extract_odoo_main(int argc, char **argv);

/* pulse-extract bitrix (extract_bitrix.c, bitrix.h). */
int extract_bitrix_main(int argc, char **argv);

/* pulse-extract pg (extract_pg.c) and events (extract_events.c). */
int extract_pg_main(int argc, char **argv);
int extract_events_main(int argc, char **argv);

/*
 * One row of the sales events, as text (extract_sales.c): a NULL pointer
 * is SQL's null.  user_num says that user_id is written as a number (an
 * integer column) rather than a string.
 */
struct sales_row {
	const char *user_id;
	size_t user_idn;
	int user_num;
	const char *ts; /* as the database or the dump writes it */
	size_t tsn;
	const char *event;
	size_t eventn;
	const char *amount; /* NULL: not a payment */
	size_t amountn;
};

/*
 * Appends r's `event` record and a newline to out: ts in RFC 3339, in UTC
 * with a "Z" when it has an offset, as it is (naive) when not; the amount's
 * digits as they are.  @return 0, or -1 with *why set and out unchanged.
 */
int sales_event(struct buf *out, const struct sales_row *r, const char **why);

/* Appends ts (see sales_event) without quotes.  @return 0, or -1. */
int sales_ts(struct buf *out, const char *s, size_t n);

/* s[0..n) is a JSON number (an integer when integer).  @return 1 or 0. */
int sales_is_number(const char *s, size_t n, int integer);

/* Options of html_to_text(). */
enum html_flag {
	HTML_KEEP_QUOTES = (1 << 0), /* do not cut quoted reply history */
};

/*
 * Appends to out the plain text of an HTML (or plain-text) body s[0..n),
 * which must be valid UTF-8: tags dropped, line breaks where blocks end,
 * entities decoded, quoted reply history cut (unless HTML_KEEP_QUOTES, or
 * when cutting would leave nothing), runs of blank lines collapsed to one,
 * trailing blanks removed, the whole trimmed.  tmp is scratch space; it is
 * reset.  Allocates only by growing out and tmp.
 */
void html_to_text(const char *s, size_t n, struct buf *out, struct buf *tmp,
		  unsigned flags);

#endif
