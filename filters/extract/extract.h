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
