/*
 * bitrix_csv.c - CSV exports for the bitrix engine: the header's columns
 * are mapped to API codes (--map, then the built-in map of Russian and
 * English titles), each row becomes an item.  A row that is not text in
 * the file's encoding is a bad item; a header that does not tell leads
 * from deals (without --entity) ends the file.  See bitrix_int.h.
 */
#include "bitrix.h"
#include "bitrix_int.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "show.h"
#include "text.h"

/* One CSV column. */
struct col {
	char *name; /* the API code, else the normalised header */
	size_t nlen;
	char *label; /* the header as written (UTF-8) */
	size_t llen;
	int field;
	char hint;
	int mapped;
};

static void cols_free(struct col *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(cols[i].name);
		free(cols[i].label);
	}
	free(cols);
}

/* Tells of the columns that are neither mapped nor kept. */
static void note_unmapped(struct bitrix *x, const struct csv *cv,
			  const struct col *cols)
{
	struct buf unk = BUF_INIT, msg = BUF_INIT;
	size_t i, j, nunk = 0;

	for (i = 0; i < cv->row.n; i++) {
		int used = cols[i].mapped;

		for (j = 0; !used && j < x->nkeep; j++)
			used = bitrix_name_is(x, cols[i].name, cols[i].nlen,
					      x->keep[j]);
		for (j = 0; !used && j < x->nloss; j++)
			used = bitrix_name_is(x, cols[i].name, cols[i].nlen,
					      x->loss[j]);
		if (used || !cols[i].llen)
			continue;
		if (nunk++ < 6) {
			buf_adds(&unk, nunk > 1 ? ", '" : "'");
			buf_adds(&unk, show(&x->shv, cols[i].label,
					    cols[i].llen, (size_t)-1));
			buf_addc(&unk, '\'');
		}
	}
	if (nunk && x->note) {
		buf_addf(&msg,
			 "%s: %zu column%s not mapped, left out: %.*s%s "
			 "(--keep-unknown keeps them, --map maps them)",
			 cv->in.display, nunk, bitrix_plural(nunk),
			 (int)unk.len, unk.p, nunk > 6 ? ", ..." : "");
		x->note(x->note_arg, msg.p);
	}
	buf_release(&unk);
	buf_release(&msg);
}

/* The columns of a header row; the file's entity in *hint. */
static struct col *read_header(struct bitrix *x, const struct csv *cv,
			       char *hint)
{
	struct col *cols = xcalloc(cv->row.n, sizeof *cols);
	struct buf norm = BUF_INIT;
	size_t i, nl = 0, nd = 0;
	const struct mapped *m;
	const char *code;
	size_t clen;
	int h;

	for (i = 0; i < cv->row.n; i++) {
		struct col *c = &cols[i];
		size_t n;
		const char *p;

		n = cv->row.f[i].n;
		p = text_trim(cv->row.f[i].p, &n);
		c->label = xstrndup(p, n);
		c->llen = n;
		buf_reset(&norm);
		bitrix_header_norm(p, n, &norm);
		h = 0;
		code = NULL;
		clen = 0;
		m = hmap_get(&x->hdrmap, norm.p ? norm.p : "", norm.len);
		if (m) {
			code = x->dict.p + m->off;
			clen = m->len;
		} else if ((code = bitrix_header_field(norm.p ? norm.p : "",
						       norm.len, &h)) != NULL) {
			clen = strlen(code);
		}
		if (code) {
			size_t *ci = hmap_get(&x->codes, code, clen);

			c->name = xstrndup(code, clen);
			c->nlen = clen;
			c->field = ci ? (int)bitrix_codes[*ci - 1].f : -1;
			/* the built-in map knows which titles tell; a --map
			 * header tells what its code does */
			c->hint = (char)h;
			if (m)
				c->hint = ci ? bitrix_codes[*ci - 1].hint : 0;
			c->mapped = 1;
		} else {
			c->name = xstrndup(norm.p ? norm.p : "", norm.len);
			c->nlen = norm.len;
			c->field = -1;
		}
		if (c->hint == 'L')
			nl++;
		else if (c->hint == 'D')
			nd++;
	}
	*hint = nd > nl ? 'D' : nl > nd ? 'L' : 0;
	if (!x->aux && !x->keep_unknown)
		note_unmapped(x, cv, cols);
	buf_release(&norm);
	return cols;
}

/* The item of a CSV row, or -1 (reported) when it has too many fields. */
static int row_item(struct bitrix *x, struct csv *cv, const struct col *cols,
		    size_t ncols, char hint)
{
	struct item *it = &x->it;
	size_t i;

	bitrix_item_reset(it);
	it->csv = 1;
	it->file_hint = hint;
	it->file = cv->in.display;
	it->line = cv->in.lineno;
	it->raw = cv->raw;
	it->rawlen = cv->rawlen;
	if (cv->row.n > ncols) {
		for (i = ncols; i < cv->row.n; i++)
			if (cv->row.f[i].n)
				break;
		if (i < cv->row.n) {
			bitrix_bad(x, it, "%zu fields, the header has %zu",
				   cv->row.n, ncols);
			return -1;
		}
	}
	for (i = 0; i < ncols && i < cv->row.n; i++) {
		struct kv *k;
		size_t vn = cv->row.f[i].n;
		const char *vp = text_trim(cv->row.f[i].p, &vn);

		k = bitrix_item_add(x, it, cols[i].name, cols[i].nlen);
		k->field = cols[i].field;
		k->hint = cols[i].hint;
		k->label = cols[i].label;
		k->llen = cols[i].llen;
		bitrix_kv_set(it, k, vp, vn);
		bitrix_kv_index(it, k);
	}
	return 0;
}

int bitrix_read_csv(struct bitrix *x, struct in *in)
{
	struct csv cv;
	struct col *cols = NULL;
	struct item *it = &x->it;
	size_t ncols = 0;
	char hint = 0;
	int st = IN_EOF, rc = 0;

	csv_adopt(&cv, in, x->delim);
	cv.enc = x->enc;
	while (!x->failed && ((st = csv_next(&cv)) == IN_OK || st == IN_EENC)) {
		if (st == IN_EENC && !cols) {
			rc = bitrix_fail(
				x, EX_DATAERR, "%s:%llu: the header: %s",
				cv.in.display, (unsigned long long)cv.in.lineno,
				cv.msg);
			goto out;
		}
		if (st == IN_EENC) {
			bitrix_item_reset(it);
			it->csv = 1;
			it->file = cv.in.display;
			it->line = cv.in.lineno;
			it->raw = cv.raw;
			it->rawlen = cv.rawlen;
			bitrix_bad(x, it, "%s", cv.msg);
			continue;
		}
		if (!cols) {
			cols = read_header(x, &cv, &hint);
			ncols = cv.row.n;
			if (!x->aux && !x->entity && !hint) {
				rc = bitrix_fail(
					x, EX_DATAERR,
					"%s:%llu: cannot tell leads from deals "
					"by the header (use --entity lead or "
					"deal)",
					cv.in.display,
					(unsigned long long)cv.in.lineno);
				goto out;
			}
			continue;
		}
		if (row_item(x, &cv, cols, ncols, hint) == 0)
			x->on_item(x, it, CTX_LIST);
	}
	if (!x->failed && st < 0) {
		rc = bitrix_fail(x, st == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
				 cv.msg);
	}
out:
	if (cols)
		cols_free(cols, ncols);
	csv_close(&cv);
	return rc;
}
