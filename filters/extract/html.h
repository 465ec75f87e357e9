/*
 * html.h - mail bodies (HTML or plain text) to plain text, for the
 * `text` of pulse-extract odoo's message records.
 */
#ifndef PULSE_HTML_H
#define PULSE_HTML_H

#include <stddef.h>

#include "buf.h"

/* Options of html_to_text(). */
enum html_flag {
	HTML_KEEP_QUOTES = (1 << 0), /* do not cut quoted reply history */
};

/*
 * Appends to out the plain text of an HTML (or plain-text) body s[0..n),
 * which must be valid UTF-8 (it may hold NULs: they are kept):
 * tags dropped, line breaks where blocks end, entities decoded, quoted
 * reply history cut (unless HTML_KEEP_QUOTES, or when cutting would leave
 * nothing), runs of blank lines collapsed to one, trailing blanks removed,
 * the whole trimmed.  tmp is scratch space; it is reset.  Allocates only
 * by growing out and tmp.
 */
void html_to_text(const char *s, size_t n, struct buf *out, struct buf *tmp,
		  unsigned flags);

#endif
