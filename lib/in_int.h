/*
 * in_int.h - what in.c (the buffer, zstd, lines and CSV rows) and
 * in_frame.c (arrays and sequences) share; not for the rest of pulse.
 */
#ifndef PULSE_IN_INT_H
#define PULSE_IN_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "in.h"

/* A read fills the buffer in steps of this much. */
#define IN_CHUNK (1 << 20)

static inline int in_is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/*
 * IN_LINES' record of the line p[0..n) (no newline): its length with
 * '\r', ' ' and '\t' at the end trimmed, or 0 when it is blank (no
 * record).  The readers of lines (in.c, cli_route.c) take lines by it.
 */
static inline size_t in_line_len(const char *p, size_t n)
{
	size_t i = 0;

	while (n > 0 &&
	       (p[n - 1] == '\r' || p[n - 1] == ' ' || p[n - 1] == '\t'))
		n--;
	while (i < n && in_is_ws(p[i]))
		i++;
	return i == n ? 0 : n;
}

/*
 * Whether the first n bytes of an input (n < all of it only when they
 * fill the caller's buffer) are plain NDJSON that can be cut at line
 * boundaries: not zstd, not an array (the first byte that is not blank is
 * not '['), not blank as far as they go.  *bom: the bytes of a byte order
 * mark at the start (3 or 0).
 */
static inline int in_plain_lines(const char *p, size_t n, size_t *bom)
{
	size_t i;

	*bom = n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	if (n >= 4 && memcmp(p, "\x28\xb5\x2f\xfd", 4) == 0)
		return 0;
	for (i = *bom; i < n && in_is_ws(p[i]); i++)
		;
	return i < n && p[i] != '[';
}

/*
 * Reads more bytes after buf[end], compacting or growing the buffer.
 * @return 1 when bytes came, 0 at EOF, IN_* < 0 on error.
 */
int in_fill(struct in *in);

/* The newlines in p[0..n). */
uint64_t in_count_nl(const char *p, size_t n);

/*
 * Consumes whitespace, counting lines and the blanks since the last
 * newline (in->indent).  @return 1 at a non-blank byte, 0 at the end, or
 * an error < 0.
 */
int in_skip_blank(struct in *in);

/* The next element of an array or a sequence: in_next() in those modes. */
int in_next_framed(struct in *in, const char **rec, size_t *len);

#endif
