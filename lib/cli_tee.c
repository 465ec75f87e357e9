/*
 * cli_tee.c - the inputs of a CLI_SPLIT_KEY run that can be read once
 * only (standard input, a FIFO, a device): one more thread opens each in
 * input order and copies it to every thread through a pipe of its own.
 */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_int.h"
#include "in_int.h"

/* Copies buf[0..r) (read already; r < 0: none), then the rest of fd,
 * to every thread's pipe. */
static void copy_out(struct tee *t, int fi, int fd, char *buf, ssize_t r)
{
	int *out = &t->wr[(size_t)fi * t->n];
	unsigned i, live = t->n;
	ssize_t w;
	size_t off;

	while (live > 0) {
		if (r < 0) {
			r = read(fd, buf, IN_CHUNK);
			if (r < 0 && errno == EINTR) {
				r = -1;
				continue;
			}
			if (r < 0) {
				t->readerr[fi] = errno;
				break;
			}
		}
		if (r == 0)
			break;
		for (i = 0; i < t->n; i++) {
			for (off = 0; out[i] >= 0 && off < (size_t)r;) {
				w = write(out[i], buf + off, (size_t)r - off);
				if (w < 0 && errno == EINTR)
					continue;
				if (w < 0) { /* EPIPE: it stopped reading */
					close(out[i]);
					out[i] = -1;
					live--;
					break;
				}
				off += (size_t)w;
			}
		}
		r = -1;
	}
	for (i = 0; i < t->n; i++)
		if (out[i] >= 0) {
			close(out[i]);
			out[i] = -1;
		}
}

/*
 * The first bytes of fd, enough to tell a plain NDJSON stream (no zstd
 * magic, not an array: its first byte that is not blank is not '['):
 * @return their count, or -1 when the first read fails (then the copy
 * reads and says so), with *plain and *bom.
 */
static ssize_t sniff(int fd, char *buf, int *plain, size_t *bom)
{
	size_t n = 0, i;
	ssize_t r;

	*plain = 0;
	*bom = 0;
	for (;;) {
		r = read(fd, buf + n, IN_CHUNK - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return n ? (ssize_t)n : -1;
		n += (size_t)r;
		i = n >= 3 && !memcmp(buf, "\xef\xbb\xbf", 3) ? 3 : 0;
		while (i < n && in_is_ws(buf[i]))
			i++;
		if ((i < n && n >= 4) || r == 0 || n == IN_CHUNK)
			break;
	}
	*plain = in_plain_lines(buf, n, bom);
	return (ssize_t)n;
}

void *cli_tee_run(void *arg)
{
	struct tee *t = arg;
	char *buf = xmalloc(IN_CHUNK);
	int fi, fd, plain = 0;
	size_t bom = 0;
	ssize_t r;

	for (fi = 0; fi < t->nfiles; fi++) {
		if (!t->teed[fi])
			continue;
		fd = strcmp(t->files[fi], "-") == 0
			     ? 0
			     : open(t->files[fi], O_RDONLY);
		r = -1;
		if (fd >= 0 && t->routes) {
			r = sniff(fd, buf, &plain, &bom);
			if (plain)
				t->routes[fi] = cli_route_stream(
					fd == 0 ? "<stdin>" : t->files[fi],
					t->n);
		}
		pthread_mutex_lock(&t->mu);
		t->openerr[fi] = fd < 0 ? errno : 0;
		pthread_cond_broadcast(&t->cv);
		pthread_mutex_unlock(&t->mu);
		if (fd >= 0 && t->routes && t->routes[fi]) {
			unsigned i;

			for (i = 0; i < t->n; i++) /* no copies */
				close(t->wr[(size_t)fi * t->n + i]);
			cli_route_feed(t->routes[fi], t->peek, fd, buf + bom,
				       (size_t)r - bom);
			if (fd > 0)
				close(fd);
		} else if (fd >= 0) {
			copy_out(t, fi, fd, buf, r);
			if (fd > 0)
				close(fd);
		} else {
			unsigned i;

			for (i = 0; i < t->n; i++)
				close(t->wr[(size_t)fi * t->n + i]);
		}
	}
	free(buf);
	return NULL;
}

/* Sets t up for the inputs of c that can be read once only.  @return
 * whether there is one. */
int cli_tee_plan(struct tee *t, struct cli *c, unsigned n)
{
	struct stat st;
	size_t k;
	int fi, any = 0, p[2];

	memset(t, 0, sizeof *t);
	t->n = n;
	t->nfiles = c->nfiles;
	t->files = c->files;
	t->teed = xcalloc((size_t)c->nfiles, sizeof *t->teed);
	for (fi = 0; fi < c->nfiles; fi++) {
		t->teed[fi] = strcmp(c->files[fi], "-") == 0 ||
			      (stat(c->files[fi], &st) == 0 &&
			       !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode));
		any |= t->teed[fi];
	}
	if (!any) {
		free(t->teed);
		t->teed = NULL;
		return 0;
	}
	t->rd = xmalloc((size_t)c->nfiles * n * sizeof *t->rd);
	t->wr = xmalloc((size_t)c->nfiles * n * sizeof *t->wr);
	t->openerr = xmalloc((size_t)c->nfiles * sizeof *t->openerr);
	t->readerr = xcalloc((size_t)c->nfiles, sizeof *t->readerr);
	for (fi = 0; fi < c->nfiles; fi++) {
		t->openerr[fi] = -1;
		for (k = (size_t)fi * n; k < (size_t)(fi + 1) * n; k++) {
			t->rd[k] = t->wr[k] = -1;
			if (!t->teed[fi])
				continue;
			if (pipe(p) < 0)
				die_errno(EX_OSERR, "cannot make a pipe");
#ifdef F_SETPIPE_SZ
			fcntl(p[1], F_SETPIPE_SZ, IN_CHUNK);
#endif
			t->rd[k] = p[0];
			t->wr[k] = p[1];
		}
	}
	pthread_mutex_init(&t->mu, NULL);
	pthread_cond_init(&t->cv, NULL);
	/* plain NDJSON is routed by the key cli_peek() finds */
	if (c->key && (c->mode == IN_AUTO || c->mode == IN_LINES)) {
		t->routes = xcalloc((size_t)c->nfiles, sizeof *t->routes);
		t->peek = xmalloc(sizeof *t->peek);
		*t->peek = *c;
		t->peek->npeek = 0;
	}
	return 1;
}

/* Opens thread i's copy of input fi into in.  @return as in_open(). */
int cli_tee_open(struct tee *t, int fi, unsigned i, struct in *in,
		 const char *path, enum in_mode mode)
{
	size_t k = (size_t)fi * t->n + i;
	int e, fd;

	pthread_mutex_lock(&t->mu);
	while ((e = t->openerr[fi]) < 0)
		pthread_cond_wait(&t->cv, &t->mu);
	pthread_mutex_unlock(&t->mu);
	if (e) {
		memset(in, 0, sizeof *in);
		in->fd = -1;
		snprintf(in->msg, sizeof in->msg, "cannot open '%s': %s", path,
			 strerror(e));
		return -1;
	}
	fd = t->rd[k];
	if (t->routes && t->routes[fi])
		return 1;
	t->rd[k] = -1; /* in_close() closes it */
	return in_open_fd(in, fd, strcmp(path, "-") == 0 ? NULL : path, mode);
}

/* Closes thread i's ends of the copies it did not read. */
void cli_tee_leave(struct tee *t, unsigned i)
{
	int fi;

	for (fi = 0; fi < t->nfiles; fi++)
		if (t->rd[(size_t)fi * t->n + i] >= 0) {
			close(t->rd[(size_t)fi * t->n + i]);
			t->rd[(size_t)fi * t->n + i] = -1;
		}
}

void cli_tee_free(struct tee *t)
{
	free(t->teed);
	free(t->rd);
	free(t->wr);
	free(t->openerr);
	free(t->readerr);
	if (t->routes) {
		int fi;

		for (fi = 0; fi < t->nfiles; fi++)
			cli_route_free(t->routes[fi]);
	}
	free(t->routes);
	free(t->peek);
	pthread_mutex_destroy(&t->mu);
	pthread_cond_destroy(&t->cv);
}
