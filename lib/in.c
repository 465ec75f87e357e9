/* in.c - plain or zstd input, framed as lines or CSV rows; see in.h. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "in.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include "err.h"
#include "in_int.h"

struct in_zstd {
	ZSTD_DStream *ds;
	char *zbuf;
	size_t zcap, zpos, zlen;
	size_t last; /* ZSTD_decompressStream's last hint: 0 = frame done */
	int raw_eof;
};

static const unsigned char zmagic[4] = {0x28, 0xb5, 0x2f, 0xfd};

int in_open(struct in *in, const char *path, enum in_mode mode)
{
	int fd = 0;

	if (path && strcmp(path, "-") != 0) {
		fd = open(path, O_RDONLY);
		if (fd < 0) {
			memset(in, 0, sizeof *in);
			in->fd = -1;
			snprintf(in->msg, sizeof in->msg,
				 "cannot open '%s': %s", path, strerror(errno));
			return -1;
		}
	}
	return in_open_fd(in, fd, fd ? path : NULL, mode);
}

int in_open_fd(struct in *in, int fd, const char *path, enum in_mode mode)
{
	memset(in, 0, sizeof *in);
	in->mode = mode;
	in->nextline = 1;
	in->limit = UINT64_MAX;
	in->fd = fd;
	in->name = path ? path : "-";
	in->display = path ? path : "<stdin>";
	in->cap = IN_CHUNK;
	{
		struct stat st;

		if (fstat(in->fd, &st) == 0) {
			/* a directory opens, and read() fails: it is no
			 * input (66), not a read error (74) */
			if (S_ISDIR(st.st_mode)) {
				snprintf(in->msg, sizeof in->msg,
					 "cannot read '%s': %s", in->display,
					 strerror(EISDIR));
				if (in->fd > 0)
					close(in->fd);
				in->fd = -1;
				errno = EISDIR;
				return -1;
			}
			/* a small file (a map, a rules file) gets a small
			 * buffer: the buffer grows when zstd makes more */
			if (S_ISREG(st.st_mode) && st.st_size < IN_CHUNK / 4)
				in->cap = (size_t)st.st_size < 4096
						  ? 4096
						  : (size_t)st.st_size * 2;
#ifdef F_SETPIPE_SZ
			/*
			 * A pipe as big as a read (Linux; 64 KiB by
			 * default): the stage before writes a megabyte before
			 * it waits, and each read(2) takes that much, a
			 * sixteenth of the context switches.
			 */
			if (S_ISFIFO(st.st_mode))
				fcntl(in->fd, F_SETPIPE_SZ, IN_CHUNK);
#endif
		}
	}
	in->buf = xmalloc(in->cap + 1);
	return 0;
}

int in_open_range(struct in *in, const char *path, uint64_t off, uint64_t len)
{
	if (in_open(in, path, IN_LINES) < 0)
		return -1;
	if (off && lseek(in->fd, (off_t)off, SEEK_SET) < 0) {
		snprintf(in->msg, sizeof in->msg, "cannot read '%s': %s", path,
			 strerror(errno));
		return -1;
	}
	in->limit = len;
	in->began = off > 0; /* a BOM or zstd's magic only at the start */
	return 0;
}

void in_close(struct in *in)
{
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
	free(in->buf);
	in->buf = NULL;
	if (in->z) {
		ZSTD_freeDStream(in->z->ds);
		free(in->z->zbuf);
		free(in->z);
		in->z = NULL;
	}
}

static int eio(struct in *in)
{
	snprintf(in->msg, sizeof in->msg, "read error on '%s': %s", in->display,
		 strerror(errno));
	return IN_EIO;
}

/* read(2) that retries on EINTR. */
static ssize_t rd(int fd, char *p, size_t n)
{
	ssize_t r;

	do
		r = read(fd, p, n);
	while (r < 0 && errno == EINTR);
	return r;
}

/* Decompresses into buf[end..cap).  @return bytes produced or IN_* < 0. */
static ssize_t zfill(struct in *in)
{
	struct in_zstd *z = in->z;
	ZSTD_outBuffer out = {in->buf + in->end, in->cap - in->end, 0};
	ssize_t r;

	while (out.pos == 0) {
		if (z->zpos == z->zlen) {
			if (z->raw_eof) {
				if (z->last != 0) {
					snprintf(in->msg, sizeof in->msg,
						 "'%s': truncated zstd stream",
						 in->display);
					return IN_EZSTD;
				}
				return 0;
			}
			r = rd(in->fd, z->zbuf, z->zcap);
			if (r < 0)
				return eio(in);
			in->bytes_in += (uint64_t)r;
			z->zpos = 0;
			z->zlen = (size_t)r;
			if (r == 0) {
				z->raw_eof = 1;
				continue;
			}
		}
		ZSTD_inBuffer zin = {z->zbuf, z->zlen, z->zpos};
		size_t ret = ZSTD_decompressStream(z->ds, &out, &zin);
		z->zpos = zin.pos;
		if (ZSTD_isError(ret)) {
			snprintf(in->msg, sizeof in->msg,
				 "'%s': corrupt zstd stream: %s", in->display,
				 ZSTD_getErrorName(ret));
			return IN_EZSTD;
		}
		z->last = ret;
	}
	return (ssize_t)out.pos;
}

/*
 * Reads more bytes after buf[end], compacting or growing the buffer.
 * @return 1 when bytes came, 0 at EOF, IN_* < 0 on error.
 */
int in_fill(struct in *in)
{
	ssize_t r;

	if (in->eof) /* at the end, or after an error: the same answer */
		return in->eof < 0 ? in->eof : 0;
	if (in->start > 0 && (in->end == in->cap || in->start >= in->cap / 2)) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	if (in->end == in->cap) {
		in->cap *= 2;
		in->buf = xrealloc(in->buf, in->cap + 1);
	}
	if (in->compressed) {
		r = zfill(in);
	} else {
		size_t want = in->cap - in->end;

		if (want > in->limit)
			want = (size_t)in->limit;
		r = want ? rd(in->fd, in->buf + in->end, want) : 0;
		if (r < 0)
			return in->eof = eio(in);
		in->bytes_in += (uint64_t)r;
		in->limit -= (uint64_t)r;
	}
	if (r < 0)
		return in->eof = (int)r;
	if (r == 0) {
		in->eof = 1;
		return 0;
	}
	in->end += (size_t)r;
	return 1;
}

/* Switches to zstd when the first bytes are its magic number. */
static int detect(struct in *in)
{
	int r = 1;

	while (in->end < 4 && (r = in_fill(in)) > 0)
		;
	if (r < 0)
		return r;
	if (in->end < 4 || memcmp(in->buf, zmagic, sizeof zmagic) != 0)
		return 1;
	in->z = xcalloc(1, sizeof *in->z);
	in->z->ds = ZSTD_createDStream();
	if (!in->z->ds) {
		snprintf(in->msg, sizeof in->msg,
			 "'%s': cannot create a zstd decompression context",
			 in->display);
		return in->eof = IN_EIO;
	}
	ZSTD_initDStream(in->z->ds);
	in->z->zcap = ZSTD_DStreamInSize() > IN_CHUNK ? ZSTD_DStreamInSize()
						      : IN_CHUNK;
	in->z->zbuf = xmalloc(in->z->zcap);
	if (in->cap < IN_CHUNK) { /* a small file may hold much */
		in->cap = IN_CHUNK;
		in->buf = xrealloc(in->buf, in->cap + 1);
	}
	memcpy(in->z->zbuf, in->buf, in->end);
	in->z->zlen = in->end;
	in->z->last = 1;
	in->start = in->end = 0;
	in->eof = 0;
	in->compressed = 1;
	return 1;
}

uint64_t in_count_nl(const char *p, size_t n)
{
	const char *end = p + n;
	uint64_t k = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/*
 * Consumes whitespace, counting lines and the blanks since the last
 * newline (in->indent, which next_framed() sets to -1 when it takes a
 * byte that is not blank).  @return 1 at a non-blank byte.
 */
int in_skip_blank(struct in *in)
{
	int r;

	for (;;) {
		while (in->start < in->end && in_is_ws(in->buf[in->start])) {
			if (in->buf[in->start] == '\n') {
				in->nextline++;
				in->indent = 0;
			} else if (in->indent >= 0) {
				in->indent++;
			}
			in->start++;
		}
		if (in->start < in->end)
			return 1;
		if ((r = in_fill(in)) <= 0)
			return r;
	}
}

static int begin(struct in *in)
{
	int r = 1;

	in->began = 1;
	if ((r = detect(in)) < 0)
		return r;
	while (in->end - in->start < 3 && (r = in_fill(in)) > 0)
		;
	if (r < 0)
		return r;
	if (in->end - in->start >= 3 &&
	    memcmp(in->buf + in->start, "\xef\xbb\xbf", 3) == 0)
		in->start += 3;
	if (in->mode == IN_AUTO) {
		r = in_skip_blank(in);
		if (r < 0)
			return r;
		in->mode = r == 1 && in->buf[in->start] == '[' ? IN_ARRAY
							       : IN_LINES;
	}
	return 1;
}

static int next_line(struct in *in, const char **rec, size_t *len)
{
	size_t scanned = 0, n;
	char *nl, *p;
	int r;

	for (;;) {
		p = in->buf + in->start;
		nl = memchr(p + scanned, '\n', in->end - in->start - scanned);
		if (nl || (in->eof > 0 && in->start < in->end)) {
			n = nl ? (size_t)(nl - p) : in->end - in->start;
			in->lineno = in->nextline++;
			in->start += n + (nl != NULL);
			n = in_line_len(p, n);
			if (!n) { /* blank line: no record */
				scanned = 0;
				continue;
			}
			*rec = p;
			*len = n;
			in->recno++;
			return IN_OK;
		}
		scanned = in->end - in->start;
		if ((r = in_fill(in)) < 0)
			return r;
		if (r == 0 && in->start >= in->end)
			return IN_EOF;
	}
}

static int is_csv_delim(char c, char delim)
{
	if (delim)
		return c == delim;
	return c == ',' || c == ';' || c == '\t' || c == '|';
}

/*
 * IN_CSV: the row ends at the first newline outside quotes.  The scan
 * restarts from the row's start after a refill (the state is not kept
 * across fills: rows are short next to the buffer).  A quote opens only at
 * a field's start; in a quoted section "" is a quote and a lone quote
 * closes it.
 */
static int next_csv(struct in *in, const char **rec, size_t *len)
{
	enum { START, PLAIN, QUOTED, QUOTE } st;
	const char delim = in->csv_delim;
	uint64_t nl;
	size_t i, n;
	char *p;
	int r;

	for (;;) {
		p = in->buf + in->start;
		n = in->end - in->start;
		if (n == 0 && in->eof > 0)
			return IN_EOF;
		st = START;
		for (i = 0; i < n; i++) {
			char c = p[i];
			if (st == QUOTED) {
				const char *q = memchr(p + i, '"', n - i);
				if (!q) {
					i = n;
					break;
				}
				i = (size_t)(q - p);
				st = QUOTE;
				continue;
			}
			if (c == '\n')
				break;
			if (st == QUOTE && c == '"')
				st = QUOTED;
			else if (is_csv_delim(c, delim))
				st = START;
			else if (st == START && c == '"')
				st = QUOTED;
			else
				st = PLAIN;
		}
		if (i == n && in->eof <= 0) { /* no row end in the buffer */
			if ((r = in_fill(in)) < 0)
				return r;
			if (r > 0 || in->start < in->end)
				continue;
			return IN_EOF;
		}
		/* buf[start + i] is the newline, or i == n at the end */
		in->lineno = in->nextline;
		nl = in_count_nl(p, i); /* in quoted fields */
		in->multiline = nl > 0;
		in->nextline += nl + (i < n);
		in->start += i + (i < n);
		n = i;
		while (n > 0 && p[n - 1] == '\r')
			n--;
		if (n == 0) /* a blank line: no row */
			continue;
		*rec = p;
		*len = n;
		in->recno++;
		return IN_OK;
	}
}

int in_peek(struct in *in, size_t want, const char **p, size_t *n)
{
	int r;

	if (!in->began && (r = begin(in)) < 0)
		return r;
	while (in->end - in->start < want) {
		if ((r = in_fill(in)) < 0)
			return r;
		if (r == 0)
			break;
	}
	*p = in->buf + in->start;
	*n = in->end - in->start;
	return *n > 0 ? IN_OK : IN_EOF;
}

int in_next(struct in *in, const char **rec, size_t *len)
{
	int r;

	in->parsed = 0;
	if (!in->began && (r = begin(in)) <= 0)
		return r;
	if (in->mode == IN_LINES)
		return next_line(in, rec, len);
	if (in->mode == IN_CSV)
		return next_csv(in, rec, len);
	return in_next_framed(in, rec, len);
}
