/*
 * cli_int.h - what cli.c (one thread's loop) and cli_jobs.c (several
 * threads) share; not for the rest of pulse.
 */
#ifndef PULSE_CLI_INT_H
#define PULSE_CLI_INT_H

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>

#include "cli.h"

/*
 * A message about the input that is not a bad record (a file that cannot
 * be opened, a read error): printed, and status raised; fatal: the run
 * ends there (the caller exits, or a thread stops).
 */
void cli_warn(struct cli *c, int status, int fatal, const char *fmt, ...)
	ERR_PRINTF(4, 5);

/* A thread's cli (c->w set): */

/* Whether the thread has met what ends its run. */
int cli_worker_stopped(const struct cli *c);

/* Opens c->in on path: the thread's range of it, or its copy of stdin. */
int cli_worker_open(struct cli *c, const char *path);

/* Keeps a bad record's message (and the record, for quarantine). */
void cli_worker_bad(struct cli *c, const char *where, uint64_t line,
		    const char *raw, size_t rawlen, const char *fmt,
		    va_list ap);

/* Keeps a cli_warn() message. */
void cli_worker_warn(struct cli *c, int status, int fatal, const char *fmt,
		     va_list ap);

/*
 * The inputs of a CLI_SPLIT_KEY run that can be read once only (standard
 * input, a FIFO, a device), copied to every thread by one more
 * (cli_tee.c).
 */
struct tee {
	unsigned n; /* threads */
	int nfiles;
	int *teed;    /* per input: copied */
	int *rd, *wr; /* per input and thread: the pipe's ends, or -1 */
	int *openerr; /* per input: -1 not opened yet, 0, or errno */
	int *readerr; /* per input: errno of a failed read, or 0 */
	char **files;
	/* per input: a plain NDJSON stream read once and routed, each line
	 * to the thread of its key (cli_route.c), or NULL: copied; the
	 * array NULL when no input can be routed (no key, another mode) */
	struct route **routes;
	struct cli *peek; /* for the routing: the program's key */
	pthread_mutex_t mu;
	pthread_cond_t cv;
};

/* Sets t up for the inputs of c that can be read once only.  @return
 * whether there is one (else t holds nothing). */
int cli_tee_plan(struct tee *t, struct cli *c, unsigned n);

/* The copying thread (arg: the struct tee). */
void *cli_tee_run(void *arg);

/* Opens thread i's copy of input fi (t->teed[fi]) into in.  @return as
 * in_open(), or 1 when the input is routed (t->routes[fi]): in is not
 * opened. */
int cli_tee_open(struct tee *t, int fi, unsigned i, struct in *in,
		 const char *path, enum in_mode mode);

/* Closes thread i's ends of the copies it did not read. */
void cli_tee_leave(struct tee *t, unsigned i);

void cli_tee_free(struct tee *t);

/*
 * A plain NDJSON file of a CLI_SPLIT_KEY run read once, each line handed
 * to the thread of its key (cli_route.c).
 */
struct route;
struct rchunk;

struct rpos { /* a thread's place in a route */
	struct route *rt;
	struct rchunk *ch; /* the chunk at hand, or NULL */
	uint64_t k;	   /* its number */
	uint64_t nf;	   /* the next chunk this thread frames */
	uint64_t base;	   /* lines before chunk k */
	size_t i;	   /* the next of its lines for this thread */
	unsigned me;	   /* the thread */
};

/* A route over the file open on fd (size bytes, a BOM of bom bytes) for
 * n threads; it closes fd. */
struct route *cli_route_new(const char *path, int fd, uint64_t size, size_t bom,
			    unsigned n);
/* Each chunk's lines to the thread that frames it, whose output is
 * written in chunk order (cli_worker_chunk_done()). */
void cli_route_ordered(struct route *rt);
/* A route over a stream that cli_route_feed() reads. */
struct route *cli_route_stream(const char *display, unsigned n);
/* Reads fd to its end into rt's chunks (pre[0..npre): read already). */
void cli_route_feed(struct route *rt, struct cli *c, int fd, const char *pre,
		    size_t npre);
void cli_route_free(struct route *rt);
/* Thread me starts reading rt. */
void cli_route_start(struct route *rt, struct rpos *ps, unsigned me);
/* The next line for thread me, as in_next() (IN_OK, IN_EOF, IN_EIO with
 * c->in.msg); c->in.lineno is its line; key->p its key as peeked, or
 * NULL. */
int cli_route_next(struct cli *c, struct rpos *ps, unsigned me, const char **p,
		   size_t *n, struct json_span *key);
/* Passes the rest of the route (framing this thread's chunks). */
void cli_route_drain(struct cli *c, struct rpos *ps);

/* The key of a simple record, as --shard peeks it (cli.c): 1 with *key,
 * or 0. */
int cli_peek(struct cli *c, const char *p, size_t n, struct json_span *key);

/* Writes p[0..n) to c's output as cli_flush() does (EPIPE exits 0). */
void cli_write(struct cli *c, const char *p, size_t n);

/*
 * An ordered route (st->ordered): the thread has done its chunk k (last:
 * the input's last): its output is written when the chunks before have
 * been, unless the run stopped before (cli_jobs.c).
 */
void cli_worker_chunk_done(struct cli *c, uint64_t k, int last);

/* A thread's next line: from its route (key->p: its key, peeked while
 * routing, or NULL), or read as in_next() (key->p NULL). */
int cli_worker_next(struct cli *c, const char **p, size_t *n,
		    struct json_span *key);

#endif
