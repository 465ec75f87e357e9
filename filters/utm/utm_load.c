/* utm_load.c - the --map and --alias files; see utm.h. */
#include "utm.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "err.h"
#include "text.h"
#include "utf8.h"

static const char *const field_names[U_NFIELDS] = {
	"utm_source",  "utm_medium", "utm_campaign",
	"utm_content", "utm_term",   "ad_group",
};

static const char *const origin_names[O_NORIGINS] = {
	"given", "url", "map", "none", "crm_source",
};

const char *utm_field_name(int f)
{
	return field_names[f];
}

const char *utm_origin_name(int o)
{
	return origin_names[o];
}

void utm_init(struct utm *u)
{
	memset(u, 0, sizeof *u);
	hmap_init(&u->alias, sizeof(struct utm_cell));
	hmap_init(&u->srcnames, sizeof(struct utm_cell));
}

/* The per-record buffers of u (its own, in a clone too). */
static void release_scratch(struct utm *u)
{
	size_t i;

	for (i = 0; i < U_NFIELDS; i++) {
		buf_release(&u->dec[i]);
		buf_release(&u->fill[i]);
	}
	buf_release(&u->scratch);
	buf_release(&u->fold);
	buf_release(&u->url);
	buf_release(&u->crm);
	rec_out_release(&u->out);
}

void utm_release(struct utm *u)
{
	size_t i;

	for (i = 0; i < u->nmaps; i++) {
		free(u->maps[i].keyfield);
		free(u->maps[i].cells);
		hmap_release(&u->maps[i].rows);
		buf_release(&u->maps[i].vals);
	}
	free(u->maps);
	hmap_release(&u->alias);
	buf_release(&u->alias_vals);
	hmap_release(&u->srcnames);
	buf_release(&u->srcvals);
	release_scratch(u);
	free(u->url_fields);
}

struct utm *utm_clone(const struct utm *base)
{
	static const struct buf nobuf = BUF_INIT;
	static const struct rec_out noout = REC_OUT_INIT;
	struct utm *u = xmalloc(sizeof *u);
	size_t i;

	*u = *base;
	memset(u->count, 0, sizeof u->count);
	u->other = 0;
	for (i = 0; i < U_NFIELDS; i++)
		u->dec[i] = u->fill[i] = nobuf;
	u->scratch = u->fold = u->url = u->crm = nobuf;
	u->out = noout;
	return u;
}

void utm_clone_free(struct utm *u)
{
	if (!u)
		return;
	release_scratch(u);
	free(u);
}

static int field_index(const char *s, size_t n)
{
	int f;

	for (f = 0; f < U_NFIELDS; f++)
		if (strlen(field_names[f]) == n &&
		    memcmp(field_names[f], s, n) == 0)
			return f;
	return -1;
}

/* A cell's text (UTF-8: the CSV reader converts), trimmed, in out. */
static void cell_text(const struct csv_field *c, struct buf *out)
{
	const char *p = c->p;
	size_t n = c->n;

	buf_reset(out);
	p = text_trim(p, &n);
	buf_add(out, p, n);
}

/* Puts the reason in err.  @return status. */
static int fail(struct buf *err, int status, const char *fmt, ...)
	ERR_PRINTF(3, 4);

static int fail(struct buf *err, int status, const char *fmt, ...)
{
	char tmp[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	buf_reset(err);
	buf_adds(err, tmp);
	return status;
}

/* A header cell: trimmed, ASCII lower case. */
static void header_text(const struct csv_field *c, struct buf *out)
{
	size_t i;

	cell_text(c, out);
	for (i = 0; i < out->len; i++)
		if (out->p[i] >= 'A' && out->p[i] <= 'Z')
			out->p[i] = (char)(out->p[i] - 'A' + 'a');
}

static int open_csv(struct csv *c, const char *path, enum csv_enc enc,
		    struct buf *err)
{
	if (csv_open(c, path, 0) < 0)
		return fail(err, EX_NOINPUT, "%s", c->msg);
	c->enc = enc;
	return 0;
}

/*
 * The next row: @return IN_OK or IN_EOF, or -1 with the reason in err and
 * the exit status in *st.
 */
static int next_row(struct csv *c, struct buf *err, int *st)
{
	int r = csv_next(c);

	if (r == IN_EENC) {
		*st = fail(err, EX_DATAERR, "%s:%llu: %s", c->in.display,
			   (unsigned long long)c->in.lineno, c->msg);
		return -1;
	}
	if (r < 0) {
		*st = fail(err, r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
			   c->msg);
		return -1;
	}
	return r;
}

static int row_empty(const struct csv_row *row)
{
	size_t i, n;

	for (i = 0; i < row->n; i++) {
		n = row->f[i].n;
		text_trim(row->f[i].p, &n);
		if (n)
			return 0;
	}
	return 1;
}

int utm_map_load(struct utm *u, const char *path, struct buf *err)
{
	struct utm_map *m;
	struct csv c;
	struct buf t = BUF_INIT;
	int *col = NULL; /* field of each column, -1 for the key */
	size_t i, ncol;
	int st = 0, r;

	u->maps = xrealloc(u->maps, (u->nmaps + 1) * sizeof *u->maps);
	m = &u->maps[u->nmaps++];
	memset(m, 0, sizeof *m);
	m->path = path;
	hmap_init(&m->rows, sizeof(uint32_t));
	if ((st = open_csv(&c, path, u->enc, err)) != 0)
		return st;
	if ((r = next_row(&c, err, &st)) <= 0) {
		if (r == 0)
			st = fail(
				err, EX_DATAERR,
				"%s: empty map file: the header names the key field, then utm_* or ad_group columns",
				path);
		goto out;
	}
	ncol = c.row.n;
	col = xcalloc(ncol, sizeof *col);
	for (i = 0; i < ncol; i++) {
		header_text(&c.row.f[i], &t);
		if (i == 0) {
			if (!t.len) {
				st = fail(
					err, EX_DATAERR,
					"%s:%llu: the first column must name the key field (utm_content, or another field)",
					path, (unsigned long long)c.in.lineno);
				goto out;
			}
			m->keyfield = xstrndup(t.p, t.len);
			m->keyidx = field_index(t.p, t.len);
			col[i] = -1;
			continue;
		}
		col[i] = field_index(t.p, t.len);
		if (col[i] < 0) {
			st = fail(
				err, EX_DATAERR,
				"%s:%llu: unknown column '%s' (utm_source, utm_medium, utm_campaign, utm_content, utm_term or ad_group)",
				path, (unsigned long long)c.in.lineno, t.p);
			goto out;
		}
		if (col[i] == m->keyidx || m->has[col[i]]) {
			st = fail(err, EX_DATAERR,
				  "%s:%llu: column '%s' named twice", path,
				  (unsigned long long)c.in.lineno, t.p);
			goto out;
		}
		m->has[col[i]] = 1;
	}
	while ((r = next_row(&c, err, &st)) > 0) {
		struct utm_cell *cells;
		uint32_t *row;
		int isnew;

		if (row_empty(&c.row))
			continue;
		if (c.row.n > ncol) {
			st = fail(err, EX_DATAERR,
				  "%s:%llu: %zu fields, the header has %zu",
				  path, (unsigned long long)c.in.lineno,
				  c.row.n, ncol);
			goto out;
		}
		cell_text(&c.row.f[0], &t);
		if (!t.len) {
			st = fail(err, EX_DATAERR, "%s:%llu: empty key", path,
				  (unsigned long long)c.in.lineno);
			goto out;
		}
		row = hmap_put(&m->rows, t.p, t.len, &isnew);
		if (!isnew)
			continue; /* the first row of a key wins */
		*row = (uint32_t)m->nrows;
		m->cells = xrealloc(m->cells, (m->nrows + 1) * U_NFIELDS *
						      sizeof *m->cells);
		cells = m->cells + m->nrows * U_NFIELDS;
		memset(cells, 0, U_NFIELDS * sizeof *cells);
		m->nrows++;
		for (i = 1; i < c.row.n; i++) {
			cell_text(&c.row.f[i], &t);
			if (!t.len)
				continue;
			if (m->vals.len + t.len > UINT32_MAX) {
				st = fail(err, EX_DATAERR, "%s: map too large",
					  path);
				goto out;
			}
			cells[col[i]].off = (uint32_t)m->vals.len;
			cells[col[i]].len = (uint32_t)t.len;
			buf_add(&m->vals, t.p, t.len);
		}
	}
	if (r < 0)
		goto out;
	st = 0;
out:
	csv_close(&c);
	free(col);
	buf_release(&t);
	return st;
}

int utm_alias_load(struct utm *u, const char *path, struct buf *err)
{
	struct csv c;
	struct buf t = BUF_INIT, key = BUF_INIT;
	long ia = -1, ic = -1, ifld = -1;
	size_t i;
	int st, r;

	if ((st = open_csv(&c, path, u->enc, err)) != 0)
		return st;
	if ((r = next_row(&c, err, &st)) <= 0) {
		if (r == 0)
			st = fail(
				err, EX_DATAERR,
				"%s: empty alias file: the header is alias,canonical[,field]",
				path);
		goto out;
	}
	for (i = 0; i < c.row.n; i++) {
		header_text(&c.row.f[i], &t);
		if (strcmp(t.p ? t.p : "", "alias") == 0 && ia < 0)
			ia = (long)i;
		else if (strcmp(t.p ? t.p : "", "canonical") == 0 && ic < 0)
			ic = (long)i;
		else if (strcmp(t.p ? t.p : "", "field") == 0 && ifld < 0)
			ifld = (long)i;
		else {
			st = fail(
				err, EX_DATAERR,
				"%s:%llu: unknown column '%s' (alias, canonical, field)",
				path, (unsigned long long)c.in.lineno,
				t.p ? t.p : "");
			goto out;
		}
	}
	if (ia < 0 || ic < 0) {
		st = fail(
			err, EX_DATAERR,
			"%s:%llu: the header must name the columns alias and canonical",
			path, (unsigned long long)c.in.lineno);
		goto out;
	}
	while ((r = next_row(&c, err, &st)) > 0) {
		struct utm_cell *v;
		char fb = U_NFIELDS; /* any field */
		size_t kn;
		int isnew;

		if (row_empty(&c.row))
			continue;
		if ((size_t)ia >= c.row.n || (size_t)ic >= c.row.n) {
			st = fail(err, EX_DATAERR, "%s:%llu: no %s", path,
				  (unsigned long long)c.in.lineno,
				  (size_t)ia >= c.row.n ? "alias"
							: "canonical");
			goto out;
		}
		if (ifld >= 0 && (size_t)ifld < c.row.n) {
			header_text(&c.row.f[ifld], &t);
			if (t.len) {
				int f = field_index(t.p, t.len);

				if (f < 0) {
					st = fail(
						err, EX_DATAERR,
						"%s:%llu: unknown field '%s' (utm_source, utm_medium, utm_campaign, utm_content, utm_term or ad_group)",
						path,
						(unsigned long long)c.in.lineno,
						t.p);
					goto out;
				}
				fb = (char)f;
			}
		}
		cell_text(&c.row.f[ia], &t);
		if (!t.len) {
			st = fail(err, EX_DATAERR, "%s:%llu: empty alias", path,
				  (unsigned long long)c.in.lineno);
			goto out;
		}
		buf_reset(&key);
		buf_addc(&key, fb);
		text_fold(t.p, t.len, &key);
		kn = key.len;
		cell_text(&c.row.f[ic], &t);
		if (!t.len) {
			st = fail(err, EX_DATAERR,
				  "%s:%llu: empty canonical value", path,
				  (unsigned long long)c.in.lineno);
			goto out;
		}
		v = hmap_put(&u->alias, key.p, kn, &isnew);
		if (!isnew)
			continue; /* the first row of an alias wins */
		v->off = (uint32_t)u->alias_vals.len;
		v->len = (uint32_t)t.len;
		buf_add(&u->alias_vals, t.p, t.len);
		/* the canonical value in any case is itself: AVITO -> avito */
		buf_reset(&key);
		buf_addc(&key, fb);
		text_fold(t.p, t.len, &key);
		v = hmap_put(&u->alias, key.p, key.len, &isnew);
		if (isnew) {
			v->off = (uint32_t)(u->alias_vals.len - t.len);
			v->len = (uint32_t)t.len;
		}
	}
	if (r < 0)
		goto out;
	st = 0;
out:
	csv_close(&c);
	buf_release(&t);
	buf_release(&key);
	return st;
}
