/*
 * num.h - numbers read from records, and sums that stay exact.
 *
 * A struct num is a JSON number (or a string holding exactly one, as
 * Bitrix24 writes amounts) read once: its double, and, when the value is a
 * multiple of 1e-9 below 1e27 in magnitude, the same value exactly as an
 * integer count of 1e-9 units (fx).  A struct num_sum adds such numbers:
 * the exact ones in fx, so "0.1" + "0.2" is "0.3" and sums of money or of
 * counts never pick up binary fractions; the others (and an fx sum that
 * grows too large) in long double fl.
 *
 * A JSON number a double cannot hold (beyond +-1.8e308, or not 0 but
 * closer to 0 than 4.9e-324) is refused with NUM_ERANGE: it would be
 * infinite (a null sum) or a 0 of either sign (a wrong bucket).  A sum
 * of numbers that are all finite stays finite: num_sum_write() writes it
 * even when it passes a double's range.
 *
 * Nothing here allocates except num_read()'s decoding into the caller's
 * scratch buffer (only for strings with escapes).
 */
#ifndef PULSE_NUM_H
#define PULSE_NUM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "json.h"

__extension__ typedef __int128 num_i128;

#define NUM_FX_DIGITS 9 /* fx counts units of 1e-9 */

struct num {
	int exact; /* fx holds the value scaled by 1e9 */
	num_i128 fx;
	double d;
};

struct num_sum {
	num_i128 fx;
	long double fl;
	uint64_t nfl; /* addends that went to fl */
};

#define NUM_ERANGE (-2) /* a JSON number beyond a double's range */

/*
 * Parses s[0..n) as a JSON number.  @return 0 with *out set (exact when
 * the value is a multiple of 1e-9 below 1e27), -1 when the text is not a
 * JSON number, NUM_ERANGE when it is one a double cannot hold.
 */
int num_parse(const char *s, size_t n, struct num *out);

/*
 * Reads a JSON number, or a string holding exactly one.  @return 1 with
 * *out set, 0 when v is null or absent, NUM_ERANGE when it is a number a
 * double cannot hold, -1 when v is something else.
 */
int num_read(struct json_span v, struct buf *scratch, struct num *out);

/* The exact number fx * 1e-9 (d is its nearest double). */
void num_from_fx(struct num *out, num_i128 fx);

void num_sum_add(struct num_sum *s, const struct num *n);

/*
 * Writes the sum as a JSON number: the exact decimal when it can be, else
 * the shortest form of its double (17 digits past a double's range); null
 * only when an addend was not finite (num_from_fx() and num_parse() make
 * none).
 */
void num_sum_write(const struct num_sum *s, struct buf *b);

#endif
