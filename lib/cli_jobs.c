/*
 * cli_jobs.c - cli_run(): a stage's loop on one thread, or on -j N
 * threads whose partial results are combined; see cli.h.
 *
 * Each thread has a cli of its own (a copy of the program's, c->w set):
 * its bad records and warnings are kept as messages with their place in
 * the input (file, range, line) and printed by the main thread in input
 * order once every thread is done, so that what one thread would have
 * printed is printed, and a run that fails stops at the first bad record
 * of the input, whichever thread met it.
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_int.h"
#include "hmap.h"
#include "in_int.h"
#include "jkey.h"

struct msg {
	uint32_t fi, part; /* input file, its range (the thread that read it) */
	uint64_t line;	   /* 0: before the file's records */
	uint32_t worker, seq;
	int status;  /* raises the exit status */
	int fatal;   /* 1: exit with status here; 2: with the worst so far */
	int remap;   /* line counts from the range's start */
	char *where; /* "where:line: text"; NULL: "text" alone */
	char *text;
	char *raw; /* the record, for quarantine (NULL: none) */
	size_t rawlen;
};

struct job {
	const struct cli_stage *st;
	struct cli *c; /* the program's */
	unsigned n;
	int range;	  /* CLI_SPLIT_RANGE */
	uint64_t *bounds; /* range: per file n + 1 offsets, or all 0: whole */
	struct tee *tee;  /* key: the inputs copied to every thread, or NULL */
	struct route **routes; /* key: per file, read once and routed, or
				  NULL */
	/* ordered: the chunk whose output is written next, and whether a
	 * thread stopped (no output after its chunk's) */
	pthread_mutex_t wmu;
	pthread_cond_t wcv;
	uint32_t wfile;
	uint64_t wchunk;
	int wstop;
};

struct cli_worker {
	struct cli c;
	struct job *jb;
	unsigned i;
	uint32_t fi; /* range: the file being read */
	struct msg *m;
	size_t nm, cap;
	int stopped;
	struct sink *outs; /* key: one; range: one per file */
	void **engines;	   /* the same */
	uint64_t *nl;	   /* range: per file, the lines of this range */
	struct hmap first; /* order_first: key -> where it first came */
	struct rpos rp;	   /* routed: the place in the file at hand */
	int routed;	   /* the file at hand is routed */
	char *rdone;	   /* per file: its route passed */
};

/* ---- a thread's messages ------------------------------------------------ */

static char *vformat(const char *fmt, va_list ap)
{
	char *s = NULL;

	if (vasprintf(&s, fmt, ap) < 0)
		die(EX_OSERR, "out of memory");
	return s;
}

static struct msg *new_msg(struct cli *c, uint64_t line)
{
	struct cli_worker *w = c->w;
	struct msg *m;

	if (w->nm == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->m = xrealloc(w->m, w->cap * sizeof *w->m);
	}
	m = &w->m[w->nm];
	memset(m, 0, sizeof *m);
	m->fi = w->jb->range ? w->fi : (uint32_t)(c->fi > 0 ? c->fi - 1 : 0);
	m->part = w->jb->range ? w->i : 0;
	m->line = line;
	m->worker = w->i;
	m->seq = (uint32_t)w->nm++;
	m->remap = w->jb->range &&
		   w->jb->bounds[m->fi * (w->jb->n + 1) + w->jb->n] != 0;
	return m;
}

int cli_worker_stopped(const struct cli *c)
{
	return c->w->stopped;
}

void cli_worker_bad(struct cli *c, const char *where, uint64_t line,
		    const char *raw, size_t rawlen, const char *fmt, va_list ap)
{
	struct msg *m;

	m = new_msg(c, line);
	/* a message of the engine's own input (cli_bad_at()) keeps its
	 * line; one of this thread's range counts from the range */
	m->remap = m->remap && where == c->in.display;
	m->where = xstrdup(where);
	m->text = vformat(fmt, ap);
	c->nbad++;
	switch (c->onerr) {
	case CLI_FAIL:
		m->status = EX_DATAERR;
		m->fatal = 1;
		c->w->stopped = 1;
		break;
	case CLI_SKIP:
		c->nskipped++;
		break;
	case CLI_QUARANTINE:
		m->raw = xmalloc(rawlen + 1);
		memcpy(m->raw, raw, rawlen);
		m->rawlen = rawlen;
		c->nquarantined++;
		break;
	}
}

void cli_worker_warn(struct cli *c, int status, int fatal, const char *fmt,
		     va_list ap)
{
	struct msg *m;

	if (fatal)
		c->w->stopped = 1;
	/* every thread reads every file: the first says what befell one */
	if (!c->w->jb->range && c->w->i > 0)
		return;
	m = new_msg(c, c->in_open ? c->in.nextline : 0);
	m->status = status;
	m->fatal = fatal ? 2 : 0;
	m->text = vformat(fmt, ap);
}

/* A message of the engine (add or finish), not of a record's place. */
static void engine_msg(struct cli *c, int rc, const char *text)
{
	struct msg *m = new_msg(c, c->in_open ? c->in.lineno : UINT64_MAX);

	if (!c->in_open) /* finish: after every input */
		m->fi = UINT32_MAX;
	m->status = rc > 0 ? rc : 0;
	m->fatal = rc > 0;
	m->text = xstrdup(text);
	if (rc > 0)
		c->w->stopped = 1;
}

/* The thread reads input fi's lines from its route rt. */
static void routed_open(struct cli_worker *w, uint32_t fi, const char *path,
			struct route *rt)
{
	struct cli *c = &w->c;

	memset(&c->in, 0, sizeof c->in);
	c->in.name = path;
	c->in.display = strcmp(path, "-") == 0 ? "<stdin>" : path;
	c->in.fd = -1;
	c->in.mode = IN_LINES;
	cli_route_start(rt, &w->rp, w->i);
	w->routed = 1;
	w->fi = fi;
}

int cli_worker_open(struct cli *c, const char *path)
{
	struct cli_worker *w = c->w;
	struct job *jb = w->jb;
	const uint64_t *b;
	uint32_t fi;

	fi = jb->range ? w->fi : (uint32_t)(c->fi - 1);
	w->routed = 0;
	if (jb->routes && jb->routes[fi]) {
		routed_open(w, fi, path, jb->routes[fi]);
		return 0;
	}
	if (jb->tee && jb->tee->teed[fi]) {
		int rc = cli_tee_open(jb->tee, (int)fi, w->i, &c->in, path,
				      c->mode);

		if (rc == 1) /* a plain stream, routed */
			routed_open(w, fi, path, jb->tee->routes[fi]);
		return rc == 1 ? 0 : rc;
	}
	if (!jb->range)
		return in_open(&c->in, path, c->mode);
	b = &jb->bounds[fi * (jb->n + 1)];
	if (b[jb->n] == 0) /* not cut: the first thread reads it whole */
		return in_open(&c->in, path, c->mode);
	return in_open_range(&c->in, path, b[w->i], b[w->i + 1] - b[w->i]);
}

int cli_worker_next(struct cli *c, const char **p, size_t *n,
		    struct json_span *key)
{
	struct cli_worker *w = c->w;
	int st;

	key->p = NULL;
	if (!w->routed)
		return in_next(&c->in, p, n);
	st = cli_route_next(c, &w->rp, w->i, p, n, key);
	if (st != IN_OK) {
		w->rdone[w->fi] = 1;
		w->routed = 0;
	}
	return st;
}

void cli_worker_chunk_done(struct cli *c, uint64_t k, int last)
{
	struct cli_worker *w = c->w;
	struct job *jb = w->jb;
	struct buf *b = &w->outs[0].b;

	pthread_mutex_lock(&jb->wmu);
	while (jb->wfile != w->fi || jb->wchunk != k)
		pthread_cond_wait(&jb->wcv, &jb->wmu);
	if (!jb->wstop)
		cli_write(jb->c, b->p, b->len);
	if (w->stopped) /* its records up to the bad one, then none */
		jb->wstop = 1;
	if (last) {
		jb->wfile++;
		jb->wchunk = 0;
	} else {
		jb->wchunk++;
	}
	pthread_cond_broadcast(&jb->wcv);
	pthread_mutex_unlock(&jb->wmu);
	buf_reset(b);
}

/*
 * A thread that stopped early passes the routes it has not: the others
 * wait for the chunks it frames, and a chunk is kept till every thread
 * has passed it.  A stream's route is known once the copying thread has
 * opened it (one copied is left, as cli_tee_leave() does).
 */
static void drain_routes(struct cli_worker *w)
{
	struct job *jb = w->jb;
	struct route *rt;
	struct in in;
	int fi, rc;

	for (fi = 0; fi < jb->c->nfiles; fi++) {
		if (w->rdone[fi])
			continue;
		if (w->routed && w->fi == (uint32_t)fi) {
			rt = w->rp.rt;
		} else if (jb->routes && jb->routes[fi]) {
			rt = jb->routes[fi];
			cli_route_start(rt, &w->rp, w->i);
		} else if (jb->tee && jb->tee->teed[fi] &&
			   !(w->fi == (uint32_t)fi && w->c.in_open)) {
			rc = cli_tee_open(jb->tee, fi, w->i, &in,
					  jb->c->files[fi], jb->c->mode);
			if (rc == 0)
				in_close(&in);
			if (rc != 1)
				continue;
			rt = jb->tee->routes[fi];
			cli_route_start(rt, &w->rp, w->i);
		} else {
			continue;
		}
		cli_route_drain(&w->c, &w->rp);
		w->rdone[fi] = 1;
		w->routed = 0;
	}
}

/* ---- cutting files into ranges --------------------------------------------
 */

/*
 * path open, when it is a plain NDJSON file that can be cut at line
 * boundaries (regular, not empty, not zstd, not an array: in.h's
 * in_plain_lines()), with *size and *bom; else -1.  A FIFO is not opened
 * here: a writer would see its reader come and go.
 */
static int open_cuttable(const char *path, uint64_t *size, size_t *bom)
{
	struct stat st;
	char head[4096];
	ssize_t r;
	int fd;

	if (strcmp(path, "-") == 0 || stat(path, &st) < 0 ||
	    !S_ISREG(st.st_mode) || st.st_size == 0)
		return -1;
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	*size = (uint64_t)st.st_size;
	r = pread(fd, head, sizeof head, 0);
	/* an array, or a first line too blank to tell: read it whole */
	if (r < 4 || !in_plain_lines(head, (size_t)r, bom)) {
		close(fd);
		return -1;
	}
	return fd;
}

/* The offset after the first newline at or after off (size: none). */
static uint64_t after_newline(int fd, uint64_t off, uint64_t size)
{
	char buf[65536];
	ssize_t r;
	char *nl;

	while (off < size) {
		r = pread(fd, buf, sizeof buf, (off_t)off);
		if (r <= 0)
			return size;
		nl = memchr(buf, '\n', (size_t)r);
		if (nl)
			return off + (uint64_t)(nl - buf) + 1;
		off += (uint64_t)r;
	}
	return size;
}

/*
 * The files of a CLI_SPLIT_KEY run each thread would read apart: read
 * once and routed (cli_route.c) when they are plain NDJSON files.
 */
static int plan_routes(struct job *jb)
{
	struct cli *c = jb->c;
	uint64_t size;
	size_t bom;
	int fi, fd, any = 0, all = 1;

	if (c->mode != IN_AUTO && c->mode != IN_LINES)
		return 0;
	jb->routes = xcalloc((size_t)c->nfiles, sizeof *jb->routes);
	for (fi = 0; fi < c->nfiles; fi++) {
		all = 0; /* till this one is routed */
		if ((fd = open_cuttable(c->files[fi], &size, &bom)) < 0)
			break;
		jb->routes[fi] =
			cli_route_new(c->files[fi], fd, size, bom, jb->n);
		if (jb->st->ordered)
			cli_route_ordered(jb->routes[fi]);
		any = all = 1;
	}
	if (!any) {
		free(jb->routes);
		jb->routes = NULL;
	}
	return all;
}

static void plan_ranges(struct job *jb)
{
	struct cli *c = jb->c;
	unsigned n = jb->n, k;
	uint64_t size, *b;
	size_t bom;
	int fi, fd;

	jb->bounds = xcalloc((size_t)c->nfiles * (n + 1), sizeof *jb->bounds);
	if (c->mode != IN_AUTO && c->mode != IN_LINES)
		return;
	for (fi = 0; fi < c->nfiles; fi++) {
		/* else the first thread reads it whole, or says why not */
		if ((fd = open_cuttable(c->files[fi], &size, &bom)) < 0)
			continue;
		b = &jb->bounds[(size_t)fi * (n + 1)];
		for (k = 1; k < n; k++) {
			uint64_t at = size / n * k;

			b[k] = at <= b[k - 1] ? b[k - 1]
					      : after_newline(fd, at - 1, size);
		}
		b[n] = size;
		close(fd);
	}
}

/* ---- the threads ----------------------------------------------------------
 */

/* A key's canonical bytes (jkey.h: "crm\/7" is "crm/7") into b. */
static void key_bytes(struct json_span k, struct buf *b, struct buf *tmp)
{
	buf_reset(b);
	if (k.type == JSON_STRING && (k.flags & JSON_F_ESC))
		jkey_canon(k, b, tmp);
	else
		buf_add(b, k.p, k.n);
}

/* order_first: where r's key first came, kept. */
static void note_first(struct cli_worker *w, const struct rec *r, struct buf *b,
		       struct buf *tmp)
{
	struct json_span k = rec_get(r, w->c.key);
	uint64_t *at;
	int isnew;

	if (!k.p)
		return;
	key_bytes(k, b, tmp);
	at = hmap_put(&w->first, b->p, b->len, &isnew);
	if (isnew) {
		at[0] = (uint64_t)(w->c.fi - 1);
		at[1] = w->c.in.lineno;
	}
}

static void run_engine(struct cli_worker *w, void *e, struct sink *out)
{
	const struct cli_stage *st = w->jb->st;
	struct rec *r;
	char msg[256];
	int rc;

	struct buf kb = BUF_INIT, tmp = BUF_INIT;

	while (cli_next(&w->c, &r)) {
		if (st->order_first)
			note_first(w, r, &kb, &tmp);
		rc = st->add(e, r, out, msg, sizeof msg);
		if (rc < 0)
			cli_bad(&w->c, "%s", msg);
		else if (rc > 0)
			engine_msg(&w->c, rc, msg);
	}
	buf_release(&kb);
	buf_release(&tmp);
	if (w->c.in_open) {
		in_close(&w->c.in);
		w->c.in_open = 0;
	}
	if (w->stopped || st->absorb) /* absorb: finished after joining */
		return;
	rc = st->finish(e, out, msg, sizeof msg);
	if (rc)
		engine_msg(&w->c, rc, msg);
}

static void *worker_run(void *arg)
{
	struct cli_worker *w = arg;
	struct job *jb = w->jb;
	struct cli *c = jb->c;
	struct shard all = {0, 0}, mine = {w->i + 1, jb->n};
	int fi;

	if (!jb->range) {
		w->engines[0] = jb->st->make(jb->st->arg, &mine, 1);
		run_engine(w, w->engines[0], &w->outs[0]);
		if (jb->routes || jb->tee)
			drain_routes(w);
	} else {
		for (fi = 0; fi < c->nfiles && !w->stopped; fi++) {
			const uint64_t *b = &jb->bounds[fi * (jb->n + 1)];

			if (b[jb->n] ? b[w->i] == b[w->i + 1] : w->i > 0)
				continue; /* nothing of this file here */
			w->fi = (uint32_t)fi;
			w->c.files = &c->files[fi];
			w->c.nfiles = 1;
			w->c.fi = 0;
			w->engines[fi] = jb->st->make(jb->st->arg, &all,
						      !jb->st->absorb);
			run_engine(w, w->engines[fi], &w->outs[fi]);
			w->nl[fi] = w->c.in.nextline - 1;
		}
	}
	if (jb->tee)
		cli_tee_leave(jb->tee, w->i);
	rec_release(&w->c.rec);
	return NULL;
}

static int msg_cmp(const void *a, const void *b)
{
	const struct msg *x = a, *y = b;

	if (x->fi != y->fi)
		return x->fi < y->fi ? -1 : 1;
	if (x->part != y->part)
		return x->part < y->part ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->worker != y->worker)
		return x->worker < y->worker ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Prints the threads' messages in input order; exits at a fatal one. */
static void say_all(struct job *jb, struct cli_worker *ws)
{
	struct cli *c = jb->c;
	size_t total = 0, k = 0, i;
	struct msg *all;
	unsigned n = jb->n, t;

	for (t = 0; t < n; t++)
		total += ws[t].nm;
	all = xmalloc((total + 1) * sizeof *all);
	for (t = 0; t < n; t++) {
		for (i = 0; i < ws[t].nm; i++) {
			struct msg *m = &ws[t].m[i];
			unsigned p;

			/* a range's lines follow those of the ranges before */
			if (m->remap && m->line && m->fi < (uint32_t)c->nfiles)
				for (p = 0; p < m->part; p++)
					m->line += ws[p].nl[m->fi];
			all[k++] = *m;
		}
		free(ws[t].m);
		ws[t].m = NULL;
	}
	qsort(all, total, sizeof *all, msg_cmp);
	fflush(stdout);
	for (i = 0; i < total; i++) {
		struct msg *m = &all[i];

		if (!m->where)
			fprintf(stderr, "%s: %s\n", progname, m->text);
		else if (m->line)
			fprintf(stderr, "%s: %s:%llu: %s\n", progname, m->where,
				(unsigned long long)m->line, m->text);
		else
			fprintf(stderr, "%s: %s: %s\n", progname, m->where,
				m->text);
		if (m->raw) {
			fwrite(m->raw, 1, m->rawlen, c->qf);
			fputc('\n', c->qf);
			if (ferror(c->qf))
				die_errno(EX_IOERR, "cannot write '%s'",
					  c->qpath);
		}
		cli_status(c, m->status);
		if (m->fatal == 1)
			exit(m->status);
		if (m->fatal == 2) {
			cli_finish(c);
			exit(c->status);
		}
		free(m->where);
		free(m->text);
		free(m->raw);
	}
	free(all);
}

/*
 * The next record of a thread's output *p .. end into rec (a thread
 * writes whole records: a bad one is a bug, 70).  @return 0 at the end.
 */
static int next_out(const char **p, const char *end, struct rec *rec)
{
	const char *nl;
	struct json_error e;

	if (*p >= end)
		return 0;
	nl = memchr(*p, '\n', (size_t)(end - *p));
	if (!nl)
		nl = end;
	if (rec_parse(rec, *p, (size_t)(nl - *p), &e) < 0)
		die(EX_SOFTWARE, "a thread wrote a bad record: %s", e.msg);
	*p = nl + 1;
	return 1;
}

/* A record of a thread's output, where its key first came. */
struct placed {
	uint64_t fi, line;
	const char *p;
	size_t n;
};

/* A thread's output records, placed (in the order they were written). */
static struct placed *place(struct cli_worker *w, size_t *np)
{
	struct buf *b = &w->outs[0].b, kb = BUF_INIT, tmp = BUF_INIT;
	const char *p = b->p, *end = b->p + b->len;
	struct placed *v = NULL;
	size_t n = 0, cap = 0;
	struct rec rec;
	uint64_t *at;

	rec_init(&rec);
	while (next_out(&p, end, &rec)) {
		key_bytes(rec_get(&rec, w->c.key), &kb, &tmp);
		at = kb.len ? hmap_get(&w->first, kb.p, kb.len) : NULL;
		if (!at)
			die(EX_SOFTWARE, "a thread wrote a record of a key it "
					 "was not given");
		if (n == cap) {
			cap = cap ? 2 * cap : 256;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n].fi = at[0];
		v[n].line = at[1];
		v[n].p = rec.line;
		v[n++].n = rec.len;
	}
	rec_release(&rec);
	buf_release(&kb);
	buf_release(&tmp);
	*np = n;
	return v;
}

/* Interleaves the threads' records in the order their keys first came. */
static void interleave(struct job *jb, struct cli_worker *ws)
{
	struct cli *c = jb->c;
	struct placed **v = xcalloc(jb->n, sizeof *v);
	size_t *n = xcalloc(jb->n, sizeof *n), *at = xcalloc(jb->n, sizeof *at);
	unsigned t, best;

	for (t = 0; t < jb->n; t++)
		v[t] = place(&ws[t], &n[t]);
	for (;;) {
		best = jb->n;
		for (t = 0; t < jb->n; t++) {
			const struct placed *x = &v[t][at[t]], *y;

			if (at[t] == n[t])
				continue;
			y = best < jb->n ? &v[best][at[best]] : NULL;
			if (!y || x->fi < y->fi ||
			    (x->fi == y->fi && x->line < y->line))
				best = t;
		}
		if (best == jb->n)
			break;
		buf_add(cli_out(c), v[best][at[best]].p, v[best][at[best]].n);
		if (v[best][at[best]].p[v[best][at[best]].n - 1] != '\n')
			buf_addc(cli_out(c), '\n');
		at[best]++;
		cli_commit(c);
	}
	for (t = 0; t < jb->n; t++) {
		free(v[t]);
		buf_release(&ws[t].outs[0].b);
	}
	free(v);
	free(n);
	free(at);
}

/* Adds the threads' partial results up into c's output. */
static void combine(struct job *jb, struct cli_worker *ws)
{
	const struct cli_combine *cb = jb->st->combine;
	struct cli *c = jb->c;
	struct rec rec;
	char msg[256];
	void *m = cb->open(cb->arg);
	unsigned nfile = jb->range ? (unsigned)c->nfiles : 1, fi, t;

	rec_init(&rec);
	for (fi = 0; fi < nfile; fi++) {
		for (t = 0; t < jb->n; t++) {
			struct buf *b = &ws[t].outs[fi].b;
			const char *p = b->p, *end = b->p + b->len;

			if (!ws[t].engines[fi])
				continue;
			cb->next_input(m);
			while (next_out(&p, end, &rec))
				if (cb->add(m, &rec, cli_sink(c), msg,
					    sizeof msg) < 0)
					die(EX_SOFTWARE,
					    "cannot combine the threads' "
					    "results: %s",
					    msg);
			buf_release(b);
		}
	}
	if (cb->finish(m, cli_sink(c), msg, sizeof msg) < 0)
		die(EX_DATAERR, "%s", msg);
	cli_commit(c);
	cb->close(m);
	rec_release(&rec);
}

/*
 * Takes the engines into the first, in input order, and finishes it into
 * c's output.
 */
static void join(struct job *jb, struct cli_worker *ws)
{
	const struct cli_stage *st = jb->st;
	struct cli *c = jb->c;
	void *into = NULL;
	unsigned fi, t;
	char msg[256];
	int rc;

	for (fi = 0; fi < (unsigned)c->nfiles; fi++)
		for (t = 0; t < jb->n; t++) {
			void *e = ws[t].engines[fi];

			if (!e)
				continue;
			if (!into) {
				into = e;
				continue;
			}
			if (st->absorb(into, e, msg, sizeof msg) < 0)
				die(EX_DATAERR, "%s", msg);
			st->free(e);
			ws[t].engines[fi] = NULL;
		}
	if (!into)
		into = ws[0].engines[0] =
			st->make(st->arg, &(struct shard){0, 0}, 0);
	rc = st->finish(into, cli_sink(c), msg, sizeof msg);
	if (rc < 0)
		warn("%s", msg);
	else if (rc > 0)
		die(rc, "%s", msg);
	cli_commit(c);
}

static void run_one(struct cli *c, const struct cli_stage *st)
{
	static const struct shard all = {0, 0};
	void *e = st->make(st->arg, &all, 0);
	struct rec *r;
	char msg[256];
	int rc;

	while (cli_next(c, &r)) {
		rc = st->add(e, r, cli_sink(c), msg, sizeof msg);
		if (rc < 0)
			cli_bad(c, "%s", msg);
		else if (rc > 0)
			die(rc, "%s", msg);
		cli_commit(c);
	}
	rc = st->finish(e, cli_sink(c), msg, sizeof msg);
	if (rc < 0)
		warn("%s", msg);
	else if (rc > 0)
		die(rc, "%s", msg);
	if (st->done)
		st->done(e, st->arg);
	st->free(e);
}

static unsigned default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > CLI_JOBS_MAX ? CLI_JOBS_MAX : (unsigned)n;
}

void cli_run(struct cli *c, const struct cli_stage *st)
{
	struct job jb;
	struct cli_worker *ws;
	pthread_t *tid, tee_tid;
	struct tee tee;
	unsigned t, nout;
	int fi, stopped = 0, rc;

	memset(&jb, 0, sizeof jb);
	jb.st = st;
	jb.c = c;
	jb.n = c->jobs ? c->jobs : default_jobs();
	if (jb.n <= 1 ||
	    !(st->combine || st->order_first || st->absorb || st->ordered) ||
	    c->map || c->keyed || c->shard.n) {
		run_one(c, st);
		return;
	}
	jb.range = st->split == CLI_SPLIT_RANGE;
	if (jb.range)
		plan_ranges(&jb);
	if (st->ordered && !plan_routes(&jb)) { /* not all plain files */
		if (jb.routes)
			for (fi = 0; fi < c->nfiles; fi++)
				cli_route_free(jb.routes[fi]);
		free(jb.routes);
		run_one(c, st);
		return;
	}
	pthread_mutex_init(&jb.wmu, NULL);
	pthread_cond_init(&jb.wcv, NULL);
	if (!jb.range && !st->ordered && cli_tee_plan(&tee, c, jb.n))
		jb.tee = &tee;
	if (!jb.range && !st->ordered)
		plan_routes(&jb);
	nout = jb.range ? (unsigned)c->nfiles : 1;
	ws = xcalloc(jb.n, sizeof *ws);
	tid = xcalloc(jb.n, sizeof *tid);
	for (t = 0; t < jb.n; t++) {
		struct cli_worker *w = &ws[t];

		w->c = *c;
		w->c.w = w;
		w->c.in_open = 0;
		memset(&w->c.in, 0, sizeof w->c.in);
		rec_init(&w->c.rec);
		memset(&w->c.out, 0, sizeof w->c.out);
		w->c.rep.arg = &w->c;
		w->c.qf = NULL;
		w->c.nbad = w->c.nskipped = w->c.nquarantined = 0;
		w->c.status = 0;
		w->c.npeek = 0;
		w->c.shard.i = t + 1;
		w->c.shard.n = jb.range || st->ordered ? 0 : jb.n;
		w->jb = &jb;
		w->i = t;
		w->outs = xcalloc(nout, sizeof *w->outs);
		w->engines = xcalloc(nout, sizeof *w->engines);
		w->nl = xcalloc(nout, sizeof *w->nl);
		hmap_init(&w->first, 2 * sizeof(uint64_t));
		w->rdone = xcalloc((size_t)c->nfiles + 1, 1);
	}
	if (jb.tee && (rc = pthread_create(&tee_tid, NULL, cli_tee_run, &tee)))
		die(EX_OSERR, "cannot start a thread: %s", strerror(rc));
	for (t = 0; t < jb.n; t++)
		if ((rc = pthread_create(&tid[t], NULL, worker_run, &ws[t])))
			die(EX_OSERR, "cannot start a thread: %s",
			    strerror(rc));
	for (t = 0; t < jb.n; t++) {
		pthread_join(tid[t], NULL);
		stopped |= ws[t].stopped;
	}
	/* a run that stopped at a bad record ends below, the copying thread
	 * perhaps waiting for a FIFO's writer: it is not waited for */
	if (jb.tee && !stopped) {
		pthread_join(tee_tid, NULL);
		for (fi = 0; fi < c->nfiles; fi++)
			if (tee.readerr[fi]) {
				warn("read error on '%s': %s",
				     strcmp(c->files[fi], "-") == 0
					     ? "<stdin>"
					     : c->files[fi],
				     strerror(tee.readerr[fi]));
				cli_status(c, EX_IOERR);
			}
		cli_tee_free(&tee);
	}
	for (t = 0; t < jb.n; t++) {
		c->nbad += ws[t].c.nbad;
		c->nskipped += ws[t].c.nskipped;
		c->nquarantined += ws[t].c.nquarantined;
		cli_status(c, ws[t].c.status);
	}
	say_all(&jb, ws);
	if (st->combine)
		combine(&jb, ws);
	else if (st->absorb)
		join(&jb, ws);
	else if (!st->ordered) /* ordered: written as the chunks were done */
		interleave(&jb, ws);
	else
		for (t = 0; t < jb.n; t++)
			buf_release(&ws[t].outs[0].b);
	for (fi = 0; fi < (int)nout; fi++)
		for (t = 0; t < jb.n; t++)
			if (ws[t].engines[fi]) {
				if (st->done)
					st->done(ws[t].engines[fi], st->arg);
				st->free(ws[t].engines[fi]);
			}
	for (t = 0; t < jb.n; t++) {
		free(ws[t].outs);
		free(ws[t].engines);
		free(ws[t].nl);
		hmap_release(&ws[t].first);
		free(ws[t].rdone);
	}
	if (jb.routes)
		for (fi = 0; fi < c->nfiles; fi++)
			cli_route_free(jb.routes[fi]);
	free(jb.routes);
	free(ws);
	free(tid);
	free(jb.bounds);
}
