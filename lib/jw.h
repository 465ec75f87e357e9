/*
 * jw.h - JSON values written into a buffer.
 *
 * Each jw_* appends one JSON value to a struct buf (buf.h) the caller
 * owns; the output is always valid JSON, whatever the input bytes.
 * Records are built from these (rec.h's rec_out_*), so that what a
 * stage writes can be read back by json.h's strict scanner.
 */
#ifndef PULSE_JW_H
#define PULSE_JW_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/*
 * jw_str escapes '"', '\\' and control characters (a NUL as \u0000),
 * passes valid UTF-8 through and replaces each invalid byte with U+FFFD.
 */
void jw_str(struct buf *b, const char *s, size_t n);
/*
 * jw_str for text known to be valid UTF-8 (made by pulse from checked
 * input: html.h's text): the same output, without checking it again -
 * only '"', '\\' and control characters stop the copying.
 */
void jw_str_utf8(struct buf *b, const char *s, size_t n);
void jw_cstr(struct buf *b, const char *s); /* NULL writes null */
void jw_i64(struct buf *b, int64_t v);
/* Shortest form that reads back as the same double; non-finite as null. */
void jw_f64(struct buf *b, double v);
/* Fixed decimals, trailing zeros trimmed ("1.5", "2"); non-finite as null. */
void jw_fixed(struct buf *b, double v, int decimals);
void jw_null(struct buf *b);
void jw_bool(struct buf *b, int v);

#endif
