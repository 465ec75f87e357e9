/* csv.c - CSV rows as fields; see csv.h. */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

void csv_row_release(struct csv_row *row)
{
	free(row->f);
	buf_release(&row->data);
	row->f = NULL;
	row->n = row->cap = 0;
}

static struct csv_field *new_field(struct csv_row *row)
{
	if (row->n == row->cap) {
		row->cap = row->cap ? row->cap * 2 : 16;
		row->f = xrealloc(row->f, row->cap * sizeof *row->f);
	}
	return &row->f[row->n++];
}

/* Appends without growing: csv_split made room for the whole row. */
static void put(struct buf *b, const char *p, size_t n)
{
	memcpy(b->p + b->len, p, n);
	b->len += n;
}

int csv_split(struct csv_row *row, const char *s, size_t n, char delim)
{
	struct buf *d = &row->data;
	size_t i = 0;
	int status = 0;

	row->n = 0;
	buf_reset(d);
	/*
	 * A field is never longer than its raw bytes, and there are at most
	 * n + 1 fields, each with a NUL: 2n + 2 bytes never move, so the
	 * fields can point into d as they are made.
	 */
	buf_grow(d, 2 * n + 2);
	for (;;) {
		struct csv_field *f = new_field(row);
		size_t start = d->len;
		const char *q;

		f->quoted = 0;
		if (i < n && s[i] == '"') {
			f->quoted = 1;
			i++;
			for (;;) {
				q = memchr(s + i, '"', n - i);
				if (!q) {
					put(d, s + i, n - i);
					i = n;
					status = -1;
					break;
				}
				put(d, s + i, (size_t)(q - (s + i)));
				i = (size_t)(q - s) + 1;
				if (i < n && s[i] == '"') {
					put(d, "\"", 1);
					i++;
					continue;
				}
				break;
			}
		}
		/* unquoted, or what follows a closing quote */
		q = i < n ? memchr(s + i, delim, n - i) : NULL;
		size_t j = q ? (size_t)(q - s) : n;
		put(d, s + i, j - i);
		i = j;
		f->p = d->p + start;
		f->n = d->len - start;
		d->p[d->len++] = '\0';
		if (i >= n || status)
			break;
		i++; /* the delimiter: another field follows, maybe empty */
	}
	d->p[d->len] = '\0';
	return status;
}

char csv_detect(const char *s, size_t n)
{
	static const char cand[] = {',', ';', '\t', '|'};
	size_t count[sizeof cand] = {0}, i, k, best = 0;
	int start = 1, quoted = 0;

	for (i = 0; i < n; i++) {
		char c = s[i];
		if (quoted) {
			if (c == '"') {
				if (i + 1 < n && s[i + 1] == '"')
					i++;
				else
					quoted = 0;
			}
			continue;
		}
		if (start && c == '"') {
			quoted = 1;
			start = 0;
			continue;
		}
		start = 0;
		for (k = 0; k < sizeof cand; k++) {
			if (c == cand[k]) {
				count[k]++;
				start = 1;
			}
		}
	}
	for (k = 1; k < sizeof cand; k++)
		if (count[k] > count[best])
			best = k;
	return cand[best];
}

long csv_find(const struct csv_row *row, const char *name)
{
	size_t i, len = strlen(name);

	for (i = 0; i < row->n; i++)
		if (row->f[i].n == len && memcmp(row->f[i].p, name, len) == 0)
			return (long)i;
	return -1;
}

int csv_open(struct csv *c, const char *path, char delim)
{
	memset(c, 0, sizeof *c);
	c->delim = delim;
	if (in_open(&c->in, path, IN_CSV) != 0) {
		snprintf(c->msg, sizeof c->msg, "%s", c->in.msg);
		return -1;
	}
	c->in.csv_delim = delim;
	return 0;
}

void csv_adopt(struct csv *c, struct in *in, char delim)
{
	memset(c, 0, sizeof *c);
	c->in = *in;
	c->in.mode = IN_CSV;
	c->in.csv_delim = delim;
	c->delim = delim;
	memset(in, 0, sizeof *in);
	in->fd = -1;
}

int csv_next(struct csv *c)
{
	const char *p;
	size_t n;
	int r;

	r = in_next(&c->in, &p, &n);
	if (r < 0) {
		snprintf(c->msg, sizeof c->msg, "%s", c->in.msg);
		return r;
	}
	if (r == IN_EOF)
		return r;
	c->raw = p;
	c->rawlen = n;
	if (!c->delim) {
		c->delim = csv_detect(p, n);
		c->in.csv_delim = c->delim;
	}
	if (csv_split(&c->row, p, n, c->delim) != 0) {
		snprintf(c->msg, sizeof c->msg,
			 "%s:%llu: unterminated quoted field", c->in.display,
			 (unsigned long long)c->in.lineno);
		return IN_EFRAME;
	}
	return IN_OK;
}

void csv_close(struct csv *c)
{
	in_close(&c->in);
	csv_row_release(&c->row);
}
