/*
 * bitrix.h - what the files of pulse-extract bitrix share: reading the
 * values of a Bitrix24 export (REST or CSV) into record values.
 *
 * extract_bitrix.c reads the files (REST pages, CSV exports) and writes the
 * records; extract_bitrix_val.c turns exported text into exact values:
 * money, times, CSV headers.  Nothing here prints or exits.
 */
#ifndef PULSE_BITRIX_H
#define PULSE_BITRIX_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "ptime.h"

/*
 * Reads an amount as exports write it: "19999.99", "19 999,99" (spaces,
 * no-break spaces or apostrophes group the digits; a single ',' or '.' is
 * the decimal point, both together mean grouping then the point), "-5",
 * Bitrix money fields "19999.99|RUB", and a currency after the number
 * ("1 500 RUB", "1 500 руб.", "1 500 ₽").  Appends the exact decimal
 * string to out ("19999.99": digits after the point as typed, no leading
 * zeros, no "-" on zero) and the currency code, if one was written, to
 * cur.  @return 1, 0 when s is empty or blank, -1 when it is not an
 * amount (exponents and other text are not).
 */
int bx_money(const char *s, size_t n, struct buf *out, struct buf *cur);

/*
 * Reads a date and time: RFC 3339 and the other forms of ptime_parse()
 * (REST), "21.01.2026 14:03:00", "21.01.2026 14:03" and "21.01.2026"
 * (Russian exports), "01/21/2026 02:03 pm" (English exports: month
 * first, seconds and am/pm optional).  A time without an offset stays
 * naive unless has_tz, when it is taken to be at offset tz (seconds east).
 * @return 0, or -1 when s is none of these or not a real date.
 */
int bx_time(const char *s, size_t n, int has_tz, int32_t tz, struct ptime *t);

/*
 * Appends the normalised form of a CSV header to out: case-folded (text.h),
 * trimmed, runs of whitespace, '_' and '-' made one space, a final ':' or
 * '*' dropped.  "UTM_Source " and "utm source" normalise alike.
 */
void bx_header_norm(const char *s, size_t n, struct buf *out);

/*
 * The API field a normalised CSV header stands for in the built-in map
 * ("название лида" -> TITLE, "стадия" -> STATUS_ID, "responsible" ->
 * ASSIGNED_BY_ID; API codes map to themselves), or NULL.  *hint gets 'L'
 * or 'D' when the header only occurs in exports of leads or of deals, else
 * 0.
 */
const char *bx_header_field(const char *norm, size_t n, int *hint);

#endif
