/*
 * in_int.h - what in.c (the buffer, zstd, lines and CSV rows) and
 * in_frame.c (arrays and sequences) share; not for the rest of pulse.
 */
#ifndef PULSE_IN_INT_H
#define PULSE_IN_INT_H

#include <stddef.h>
#include <stdint.h>

#include "in.h"

/* A read fills the buffer in steps of this much. */
#define IN_CHUNK (1 << 20)

static inline int in_is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
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
