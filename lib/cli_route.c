/*
 * cli_route.c - a plain NDJSON file or stream of a CLI_SPLIT_KEY run read
 * once by all its threads (cli_jobs.c), each line handed to the thread
 * whose share of the keys holds it.
 *
 * The file is cut into chunks: chunk k holds the lines that start in
 * [k * size, (k + 1) * size), so that a thread finds a chunk's lines
 * without the chunks before it.  Thread t reads and frames the chunks
 * k = t, t + n, ...: it peeks each line's key (cli_peek()) and notes the
 * line in the list of the thread the key belongs to, or in every list
 * when the key cannot be peeked (each thread parses such a line, as
 * without routing).  Every thread then takes its lines chunk after
 * chunk, in input order; a chunk is kept until all have passed it, at
 * most ROUTE_AHEAD chunks a thread ahead of the slowest.
 *
 * So each line is read and framed once, where each thread used to read
 * and frame them all to skip the others' (three quarters of a parsed
 * line's cost).  The lines a thread gets are those it kept before, with
 * the same line numbers, so output and messages do not change.
 *
 * A stream (standard input, a FIFO: cli_tee.c) is read in turn: one more
 * thread reads it a chunk after another, cut after a line's end, frames
 * each and hands its lines out the same way (cli_route_feed()).
 *
 * Ordered (pulse-utm: a record in, a record out): a chunk's lines are all
 * its framer's, and the thread writes the chunk's output when the chunks
 * before it have been written (cli_worker_chunk_done()).
 *
 * Progress: the slowest thread's next chunk is framed or can be, by its
 * framer (a thread ahead has passed it, so framed it; a thread at it
 * frames it, its slot being free as every thread passed the chunk before
 * in that slot).  A thread that stops early (a failing bad record) still
 * frames its chunks and passes every chunk (cli_route_drain()).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_int.h"
#include "in_int.h"
#include "shard.h"

/* small enough that a chunk and its lists stay in the caches while the
 * threads take its lines */
#define ROUTE_CHUNK_MAX ((uint64_t)1 << 18)
#define ROUTE_CHUNK_MIN ((uint64_t)4096)
#define ROUTE_CHUNK_STREAM ((uint64_t)1 << 18) /* its size unknown */
#define ROUTE_AHEAD 4

enum { FREE, BUSY, READY };

struct rline {
	uint32_t off, len;   /* in the chunk's buf */
	uint32_t lno;	     /* the line's place among the chunk's lines */
	uint32_t koff, klen; /* its key peeked, from off; klen NOKEY: none */
};

#define NOKEY UINT32_MAX

struct rlist {
	struct rline *v;
	size_t n, cap;
};

struct rchunk {
	uint64_t k;    /* the chunk held */
	int state;     /* FREE, BUSY (being framed), READY */
	unsigned left; /* threads yet to pass it */
	char *buf;
	size_t cap;
	uint64_t nlines;  /* lines that start in it, blank ones too */
	int err;	  /* errno of a failed read, or 0 */
	struct rlist *to; /* per thread */
};

struct route {
	pthread_mutex_t mu;
	pthread_cond_t cv;
	int fd;
	char *path;
	uint64_t size, chunk, nchunks;
	unsigned n, nslot;
	size_t bom;  /* bytes of a byte order mark at the start */
	int stream;  /* read in turn by one thread (cli_route_feed()) */
	int ordered; /* a chunk's lines its framer's, output in order */
	struct rchunk *slot;
};

static struct route *route_new(const char *path, int fd, unsigned n)
{
	struct route *rt = xcalloc(1, sizeof *rt);
	unsigned s;

	pthread_mutex_init(&rt->mu, NULL);
	pthread_cond_init(&rt->cv, NULL);
	rt->fd = fd;
	rt->path = xstrdup(path);
	rt->n = n;
	rt->nslot = n * ROUTE_AHEAD;
	rt->slot = xcalloc(rt->nslot, sizeof *rt->slot);
	for (s = 0; s < rt->nslot; s++)
		rt->slot[s].to = xcalloc(n, sizeof *rt->slot[s].to);
	return rt;
}

struct route *cli_route_new(const char *path, int fd, uint64_t size, size_t bom,
			    unsigned n)
{
	struct route *rt = route_new(path, fd, n);

	rt->size = size;
	rt->bom = bom;
	/* small files in several chunks a thread too */
	rt->chunk = size / (8 * (uint64_t)n);
	if (rt->chunk > ROUTE_CHUNK_MAX)
		rt->chunk = ROUTE_CHUNK_MAX;
	if (rt->chunk < ROUTE_CHUNK_MIN)
		rt->chunk = ROUTE_CHUNK_MIN;
	rt->nchunks = (size + rt->chunk - 1) / rt->chunk;
	return rt;
}

void cli_route_ordered(struct route *rt)
{
	rt->ordered = 1;
}

struct route *cli_route_stream(const char *display, unsigned n)
{
	struct route *rt = route_new(display, -1, n);

	rt->stream = 1;
	rt->chunk = ROUTE_CHUNK_STREAM;
	rt->nchunks = UINT64_MAX; /* till the end is read */
	return rt;
}

void cli_route_free(struct route *rt)
{
	unsigned s, t;

	if (!rt)
		return;
	for (s = 0; s < rt->nslot; s++) {
		for (t = 0; t < rt->n; t++)
			free(rt->slot[s].to[t].v);
		free(rt->slot[s].to);
		free(rt->slot[s].buf);
	}
	free(rt->slot);
	if (rt->fd >= 0)
		close(rt->fd);
	free(rt->path);
	pthread_mutex_destroy(&rt->mu);
	pthread_cond_destroy(&rt->cv);
	free(rt);
}

/* Reads [off, off + len) of the file into ch->buf at at: the bytes read
 * (fewer at the file's end), or -1 with ch->err. */
static ssize_t fill(struct route *rt, struct rchunk *ch, size_t at,
		    uint64_t off, size_t len)
{
	size_t got = 0;
	ssize_t r;

	if (at + len > ch->cap) {
		ch->cap = at + len;
		ch->buf = xrealloc(ch->buf, ch->cap);
	}
	while (got < len) {
		r = pread(rt->fd, ch->buf + at + got, len - got,
			  (off_t)(off + got));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			ch->err = errno;
			return -1;
		}
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

static inline void note(struct rlist *l, size_t off, size_t len, uint64_t lno,
			size_t koff, size_t klen)
{
	struct rline *x;

	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 1024;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	x = &l->v[l->n++];
	x->off = (uint32_t)off;
	x->len = (uint32_t)len;
	x->lno = (uint32_t)lno;
	x->koff = (uint32_t)koff;
	x->klen = (uint32_t)klen;
}

/*
 * The line ch->buf[s..e) (without its newline), as in.c's IN_LINES takes
 * it (ends '\r', ' ' and '\t' trimmed; a blank line counted, not taken),
 * in the list of the thread of its key, or in every list.  @return 0, or
 * -1 with ch->err.
 */
static int take_line(struct cli *c, struct route *rt, struct rchunk *ch,
		     size_t s, size_t e)
{
	struct json_span key;
	size_t n;
	unsigned t;

	if (e > UINT32_MAX) { /* a line of 4 GiB: no room in rline */
		ch->err = EFBIG;
		return -1;
	}
	n = in_line_len(ch->buf + s, e - s);
	if (n) {
		if (rt->ordered) {
			note(&ch->to[ch->k % rt->n], s, n, ch->nlines, 0,
			     NOKEY);
		} else if (cli_peek(c, ch->buf + s, n, &key)) {
			note(&ch->to[shard_of(rt->n, key.p, key.n)], s, n,
			     ch->nlines, (size_t)(key.p - (ch->buf + s)),
			     key.n);
		} else {
			for (t = 0; t < rt->n; t++)
				note(&ch->to[t], s, n, ch->nlines, 0, NOKEY);
		}
	}
	ch->nlines++;
	return 0;
}

/*
 * Frames chunk k into ch: its lines, as in.c's IN_LINES frames them
 * (ends '\r', ' ' and '\t' trimmed, blank lines counted and skipped),
 * each in the list of the thread of its key, or in every list.
 */
static void frame(struct cli *c, struct route *rt, struct rchunk *ch,
		  uint64_t k)
{
	uint64_t lo = k * rt->chunk, hi = lo + rt->chunk, from;
	size_t len, s, e, more = 0;
	ssize_t r;
	const char *nl;
	unsigned t;

	for (t = 0; t < rt->n; t++)
		ch->to[t].n = 0;
	ch->nlines = 0;
	ch->err = 0;
	if (hi > rt->size)
		hi = rt->size;
	from = lo ? lo - 1 : 0; /* the byte before: is lo a line's start? */
	if ((r = fill(rt, ch, 0, from, (size_t)(hi - from))) < 0)
		return;
	len = (size_t)r;
	if (lo == 0) {
		s = rt->bom;
	} else {
		nl = memchr(ch->buf, '\n', len);
		s = nl ? (size_t)(nl - ch->buf) + 1 : len;
	}
	while (from + s < hi && s < len) {
		nl = memchr(ch->buf + s, '\n', len - s);
		if (!nl && from + len < rt->size) {
			/* the last line goes on past the chunk: read on */
			/* a line is mostly short: a page, then doubling */
			more = more ? 2 * more : 4096;
			if ((r = fill(rt, ch, len, from + len, more)) < 0)
				return;
			if (r > 0) {
				len += (size_t)r;
				continue;
			}
		}
		e = nl ? (size_t)(nl - ch->buf) : len;
		if (take_line(c, rt, ch, s, e) < 0)
			return;
		s = e + 1;
	}
}

/*
 * Chunk k, framed: this thread frames its own chunks up to ROUTE_AHEAD
 * ahead while it waits for another's (a stream's are framed by the thread
 * that reads it).  NULL past a stream's end.
 */
static struct rchunk *get(struct cli *c, struct route *rt, struct rpos *ps)
{
	struct rchunk *ch, *mine;
	uint64_t k = ps->k;

	pthread_mutex_lock(&rt->mu);
	for (;;) {
		if (k >= rt->nchunks) { /* a stream's end */
			ch = NULL;
			break;
		}
		ch = &rt->slot[k % rt->nslot];
		if (ch->state == READY && ch->k == k)
			break;
		if (!rt->stream && ps->nf < rt->nchunks &&
		    ps->nf < k + rt->nslot &&
		    rt->slot[ps->nf % rt->nslot].state == FREE) {
			mine = &rt->slot[ps->nf % rt->nslot];
			mine->state = BUSY;
			mine->k = ps->nf;
			pthread_mutex_unlock(&rt->mu);
			frame(c, rt, mine, ps->nf);
			pthread_mutex_lock(&rt->mu);
			mine->state = READY;
			mine->left = rt->n;
			ps->nf += rt->n;
			pthread_cond_broadcast(&rt->cv);
			continue;
		}
		pthread_cond_wait(&rt->cv, &rt->mu);
	}
	pthread_mutex_unlock(&rt->mu);
	return ch;
}

/* Done with the chunk at hand. */
static void pass(struct cli *c, struct route *rt, struct rpos *ps)
{
	struct rchunk *ch = ps->ch;

	if (rt->ordered && ch->k % rt->n == ps->me)
		cli_worker_chunk_done(c, ch->k,
				      !rt->stream && ch->k + 1 == rt->nchunks);
	pthread_mutex_lock(&rt->mu);
	ps->base += ch->nlines;
	if (--ch->left == 0) {
		ch->state = FREE;
		pthread_cond_broadcast(&rt->cv);
	}
	pthread_mutex_unlock(&rt->mu);
	ps->ch = NULL;
	ps->i = 0;
	ps->k++;
}

void cli_route_start(struct route *rt, struct rpos *ps, unsigned me)
{
	memset(ps, 0, sizeof *ps);
	ps->rt = rt;
	ps->nf = rt->stream ? UINT64_MAX : me;
	ps->me = me;
}

int cli_route_next(struct cli *c, struct rpos *ps, unsigned me, const char **p,
		   size_t *n, struct json_span *key)
{
	struct route *rt = ps->rt;
	struct rline *x;

	for (;;) {
		if (ps->ch) {
			if (ps->i < ps->ch->to[me].n) {
				x = &ps->ch->to[me].v[ps->i++];
				*p = ps->ch->buf + x->off;
				*n = x->len;
				key->p = x->klen == NOKEY ? NULL : *p + x->koff;
				key->n = x->klen;
				c->in.lineno = ps->base + x->lno + 1;
				c->in.recno++;
				return IN_OK;
			}
			if (ps->ch->err) { /* after the lines read before it */
				int err = ps->ch->err;

				pass(c, rt, ps);
				cli_route_drain(c, ps);
				if (me > 0) /* the first thread says it */
					return IN_EOF;
				snprintf(c->in.msg, sizeof c->in.msg,
					 "read error on '%s': %s", rt->path,
					 strerror(err));
				return IN_EIO;
			}
			pass(c, rt, ps);
		}
		if (!rt->stream && ps->k >= rt->nchunks)
			return IN_EOF;
		if (!(ps->ch = get(c, rt, ps)))
			return IN_EOF;
	}
}

void cli_route_drain(struct cli *c, struct rpos *ps)
{
	struct route *rt = ps->rt;

	for (;;) {
		if (ps->ch)
			pass(c, rt, ps);
		if (!rt->stream && ps->k >= rt->nchunks)
			return;
		if (!(ps->ch = get(c, rt, ps)))
			return;
	}
}

/*
 * The stream's reader: chunks of whole lines (the last one's rest carried
 * to the next), each framed and handed out as cli_route_new()'s are,
 * until the end of fd.  pre[0..npre): bytes read from fd already (a BOM
 * left out).
 */
void cli_route_feed(struct route *rt, struct cli *c, int fd, const char *pre,
		    size_t npre)
{
	char *carry;
	size_t ncarry = npre, len, cut, s, scanned;
	uint64_t k;
	int eof = 0, err = 0;
	ssize_t r;
	const char *nl;

	carry = xmalloc(npre ? npre : 1);
	memcpy(carry, pre, npre);
	for (k = 0;; k++) {
		struct rchunk *ch = &rt->slot[k % rt->nslot];
		unsigned t;

		pthread_mutex_lock(&rt->mu);
		while (ch->state != FREE)
			pthread_cond_wait(&rt->cv, &rt->mu);
		ch->state = BUSY;
		ch->k = k;
		pthread_mutex_unlock(&rt->mu);
		for (t = 0; t < rt->n; t++)
			ch->to[t].n = 0;
		ch->nlines = 0;
		ch->err = 0;
		len = ncarry;
		if (ch->cap < len + rt->chunk) {
			ch->cap = len + rt->chunk;
			ch->buf = xrealloc(ch->buf, ch->cap);
		}
		memcpy(ch->buf, carry, ncarry);
		/* a chunk's worth, and on to a line's end */
		scanned = 0;
		for (;;) {
			if (len >= rt->chunk &&
			    memchr(ch->buf + scanned, '\n', len - scanned))
				break;
			if (len >= rt->chunk)
				scanned = len;
			if (eof)
				break;
			if (ch->cap - len < 65536) {
				ch->cap *= 2;
				ch->buf = xrealloc(ch->buf, ch->cap);
			}
			r = read(fd, ch->buf + len, ch->cap - len);
			if (r < 0 && errno == EINTR)
				continue;
			if (r <= 0) {
				err = r < 0 ? errno : 0;
				eof = 1;
				continue;
			}
			len += (size_t)r;
		}
		cut = len;
		if (!eof)
			while (ch->buf[cut - 1] != '\n')
				cut--;
		ncarry = len - cut;
		carry = xrealloc(carry, ncarry ? ncarry : 1);
		memcpy(carry, ch->buf + cut, ncarry);
		for (s = 0; s < cut; s = (size_t)(nl - ch->buf) + 1) {
			nl = memchr(ch->buf + s, '\n', cut - s);
			if (!nl)
				nl = ch->buf + cut; /* the last, unended */
			if (take_line(c, rt, ch, s, (size_t)(nl - ch->buf)) <
			    0) {
				eof = 1;
				break;
			}
		}
		if (err)
			ch->err = err;
		pthread_mutex_lock(&rt->mu);
		ch->state = READY;
		ch->left = rt->n;
		if (eof)
			rt->nchunks = k + 1;
		pthread_cond_broadcast(&rt->cv);
		pthread_mutex_unlock(&rt->mu);
		if (eof)
			break;
	}
	free(carry);
}
