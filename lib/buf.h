/*
 * buf.h - a growable byte buffer (git's strbuf, reduced).
 *
 * A struct buf owns p.  The bytes p[0..len) are the content; p[len] is kept
 * '\0' once anything has been added, so p can be used as a C string when the
 * content has no NUL.  BUF_INIT is an empty buffer that has allocated
 * nothing.  Growth dies on out-of-memory (see err.h).
 */
#ifndef PULSE_BUF_H
#define PULSE_BUF_H

#include <stddef.h>
#include <string.h>

#include "err.h"

struct buf {
	char *p;
	size_t len;
	size_t cap;
};

#define BUF_INIT                                                               \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/* Makes room for extra more bytes plus the trailing NUL. */
void buf_grow(struct buf *b, size_t extra);

/* Appends n bytes (data may be NULL when n is 0: an empty buf's p). */
static inline void buf_add(struct buf *b, const void *data, size_t n)
{
	if (b->cap - b->len <= n)
		buf_grow(b, n);
	if (n)
		memcpy(b->p + b->len, data, n);
	b->len += n;
	b->p[b->len] = '\0';
}

static inline void buf_addc(struct buf *b, char c)
{
	if (b->cap - b->len <= 1)
		buf_grow(b, 1);
	b->p[b->len++] = c;
	b->p[b->len] = '\0';
}

static inline void buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Appends printf-formatted text. */
void buf_addf(struct buf *b, const char *fmt, ...) ERR_PRINTF(2, 3);

/* Empties the buffer and keeps its memory. */
static inline void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->p)
		b->p[0] = '\0';
}

/* Frees the content; the buffer is BUF_INIT again. */
void buf_release(struct buf *b);

/* Hands the content (NUL-terminated, never NULL) to the caller. */
char *buf_detach(struct buf *b, size_t *len);

#endif
