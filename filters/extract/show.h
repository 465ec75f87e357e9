/*
 * show.h - values quoted in pulse-extract's messages: "field 'date': not
 * a date and time: '2025-10-07 09:12:00\u0000x'".  A value is cut at max
 * bytes, and its control characters (a NUL first of all, which would end
 * the message there and hide what follows) are written as \u00XX, so the
 * message shows what the data holds.
 */
#ifndef PULSE_SHOW_H
#define PULSE_SHOW_H

#include <stddef.h>

#include "buf.h"

/* The length of a value shown in a message, as it always was. */
#define SHOW_MAX 60

/*
 * Resets out to the first max bytes of s[0..n), control characters
 * escaped.  @return out->p (NUL-terminated; "" for nothing).
 */
const char *show(struct buf *out, const char *s, size_t n, size_t max);

#endif
