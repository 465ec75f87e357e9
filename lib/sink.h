/*
 * sink.h - where a stage's engine writes its records.
 *
 * An engine appends whole records to s->b (jw.h, rec_out_emit()) and calls
 * sink_commit() after each one; the owner of the sink (cli.c for a
 * program, a unit test for a test) empties the buffer when it has grown
 * past SINK_FLUSH_AT, so an engine that writes a million groups holds a
 * quarter of a megabyte of them, not all.  Writing is the owner's
 * business: an engine never sees a write error (cli.c exits 74 on one, or
 * 0 when the reader of a pipe has gone away).
 *
 * A sink without a flush function only grows: what a test reads back.
 */
#ifndef PULSE_SINK_H
#define PULSE_SINK_H

#include "buf.h"

struct sink {
	struct buf b;		       /* records not yet written */
	void (*flush)(struct sink *s); /* writes b out and empties it */
	void *arg;		       /* the owner's */
};

#define SINK_INIT                                                              \
	{                                                                      \
		BUF_INIT, NULL, NULL                                           \
	}

#define SINK_FLUSH_AT (256 * 1024)

/* Hands the buffer to the owner once it holds SINK_FLUSH_AT bytes. */
static inline void sink_commit(struct sink *s)
{
	if (s->flush && s->b.len >= SINK_FLUSH_AT)
		s->flush(s);
}

#endif
