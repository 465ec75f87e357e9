/*
 * render_names.c - the --names file: CSV event,label, the words a report
 * shows for event names (render_lang_event() looks them up); see render.h.
 *
 * The header names the columns event and label (any order, any case);
 * every other row gives an event's label.  Cells are trimmed.  An empty
 * event or label, an event named twice or another column makes the file
 * bad: a report must not show a label the file's author did not mean.
 * The file is read through lib/csv: a byte order mark, CRLF, ';' or TAB
 * as the delimiter and Windows-1251 (as Russian Excel saves it) are fine.
 */
#include "render.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "err.h"
#include "text.h"

/* What a label is in n->vals. */
struct nval {
	size_t off, len;
};

void render_names_init(struct render_names *n)
{
	hmap_init(&n->map, sizeof(struct nval));
	n->vals = (struct buf)BUF_INIT;
}

void render_names_release(struct render_names *n)
{
	hmap_release(&n->map);
	buf_release(&n->vals);
}

static int fail(char *msg, size_t msz, int status, const char *fmt, ...)
	ERR_PRINTF(4, 5);

static int fail(char *msg, size_t msz, int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, msz, fmt, ap);
	va_end(ap);
	return status;
}

/* A cell, trimmed, into out (a C string). */
static void cell(const struct csv_field *c, struct buf *out)
{
	size_t n = c->n;
	const char *p = text_trim(c->p, &n);

	buf_reset(out);
	buf_add(out, p, n);
}

/*
 * The next row.  @return 1, 0 at the end, or -1 with the status in *st
 * and the reason in msg.
 */
static int next_row(struct csv *c, int *st, char *msg, size_t msz)
{
	int r = csv_next(c);

	if (r >= 0)
		return r;
	if (r == IN_EENC)
		*st = fail(msg, msz, EX_DATAERR, "%s:%llu: %s", c->in.display,
			   (unsigned long long)c->in.lineno, c->msg);
	else
		*st = fail(msg, msz, r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
			   c->msg);
	return -1;
}

/* The header: the columns event and label.  @return 0 or a status. */
static int header(struct csv *c, const char *path, long *ie, long *il,
		  struct buf *t, char *msg, size_t msz)
{
	size_t i, j;

	*ie = *il = -1;
	for (i = 0; i < c->row.n; i++) {
		cell(&c->row.f[i], t);
		for (j = 0; j < t->len; j++)
			if (t->p[j] >= 'A' && t->p[j] <= 'Z')
				t->p[j] = (char)(t->p[j] - 'A' + 'a');
		if (strcmp(t->p, "event") == 0 && *ie < 0)
			*ie = (long)i;
		else if (strcmp(t->p, "label") == 0 && *il < 0)
			*il = (long)i;
		else
			return fail(msg, msz, EX_DATAERR,
				    "%s:%llu: unknown column '%.60s' (the "
				    "header is event,label)",
				    path, (unsigned long long)c->in.lineno,
				    t->p);
	}
	if (*ie < 0 || *il < 0)
		return fail(msg, msz, EX_DATAERR,
			    "%s:%llu: the header must name the columns event "
			    "and label",
			    path, (unsigned long long)c->in.lineno);
	return 0;
}

int render_names_load(struct render_names *n, const char *path, char *msg,
		      size_t msz)
{
	struct buf t = BUF_INIT, ev = BUF_INIT;
	struct csv c;
	long ie, il;
	int st = 0, r;

	if (csv_open(&c, path, 0) < 0)
		return fail(msg, msz, EX_NOINPUT, "%s", c.msg);
	if ((r = next_row(&c, &st, msg, msz)) <= 0) {
		if (r == 0)
			st = fail(msg, msz, EX_DATAERR,
				  "%s: empty names file: the header is "
				  "event,label",
				  path);
		goto out;
	}
	if ((st = header(&c, path, &ie, &il, &t, msg, msz)) != 0)
		goto out;
	while ((r = next_row(&c, &st, msg, msz)) > 0) {
		unsigned long long line = c.in.lineno;
		struct nval *v;
		int isnew;

		if (c.row.n == 1 && !c.row.f[0].n && !c.row.f[0].quoted)
			continue;
		if (c.row.n > 2 || (size_t)ie >= c.row.n ||
		    (size_t)il >= c.row.n) {
			st = fail(msg, msz, EX_DATAERR,
				  "%s:%llu: %zu fields, not 2 (event,label)",
				  path, line, c.row.n);
			goto out;
		}
		cell(&c.row.f[ie], &ev);
		cell(&c.row.f[il], &t);
		if (!ev.len || !t.len) {
			st = fail(msg, msz, EX_DATAERR, "%s:%llu: empty %s",
				  path, line, ev.len ? "label" : "event");
			goto out;
		}
		v = hmap_put(&n->map, ev.p, ev.len, &isnew);
		if (!isnew) {
			st = fail(msg, msz, EX_DATAERR,
				  "%s:%llu: event '%.60s' has a label already",
				  path, line, ev.p);
			goto out;
		}
		v->off = n->vals.len;
		v->len = t.len;
		buf_add(&n->vals, t.p, t.len);
	}
	if (r < 0)
		goto out;
	st = 0;
out:
	csv_close(&c);
	buf_release(&t);
	buf_release(&ev);
	return st;
}

const char *render_names_get(const struct render_names *n, const char *s,
			     size_t len, size_t *out)
{
	const struct nval *v;

	if (!n || !(v = hmap_get(&n->map, s, len)))
		return NULL;
	*out = v->len;
	return n->vals.p + v->off;
}
