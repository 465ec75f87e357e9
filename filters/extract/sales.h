/*
 * sales.h - the `event` record that pulse-extract pg and pulse-extract
 * events both write (schemas/event.schema.json), so that the same rows
 * give the same bytes from the database and from its dumps.  Nothing here
 * prints or exits.
 */
#ifndef PULSE_SALES_H
#define PULSE_SALES_H

#include <stddef.h>

#include "buf.h"

/*
 * One row of the sales events, as text: a NULL pointer is SQL's null.
 * user_num says that user_id is written as a number (an integer column)
 * rather than a string.  Every value has its length: it may hold a NUL.
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

/*
 * Whether the number s[0..n) (sales_is_number()) is finite as a double:
 * 1e309 and a 400-digit amount are not.  @return 1 or 0.
 */
int sales_is_finite(const char *s, size_t n);

#endif
