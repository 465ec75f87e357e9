/* csv.c - CSV rows as fields; see csv.h. */
#include "csv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "err.h"
#include "utf8.h"

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

int csv_enc_parse(const char *s, enum csv_enc *out)
{
	if (strcasecmp(s, "auto") == 0)
		*out = CSV_ENC_AUTO;
	else if (strcasecmp(s, "utf-8") == 0 || strcasecmp(s, "utf8") == 0)
		*out = CSV_ENC_UTF8;
	else if (strcasecmp(s, "cp1251") == 0 ||
		 strcasecmp(s, "windows-1251") == 0)
		*out = CSV_ENC_CP1251;
	else
		return -1;
	return 0;
}

/* The offset of the first byte >= 0x80 in p[0..n), or n. */
static size_t first_high(const char *p, size_t n)
{
	size_t i = 0;
	uint64_t v;

	for (; i + 8 <= n; i += 8) {
		memcpy(&v, p + i, 8);
		if (v & 0x8080808080808080ULL)
			break;
	}
	while (i < n && !((unsigned char)p[i] & 0x80))
		i++;
	return i;
}

static int ascii_letter(unsigned char b)
{
	return (b | 0x20) >= 'a' && (b | 0x20) <= 'z';
}

/*
 * Whether p[0..n), not UTF-8, reads as Windows-1251 text.  Its one
 * unassigned byte (0x98) says no.  So do runs of high bytes inside Latin
 * words, as Latin-1 and Windows-1252 write German or French ("M\xfcller",
 * "Gr\xf6\xdfe"): Cyrillic words are high bytes from end to end, between
 * spaces, digits or punctuation.  @return the offset of the first byte
 * that says no, or n.
 */
static size_t cp1251_text(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, j, runs = 0, inside = 0, first_inside = n;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		for (j = i; j < n && p[j] >= 0x80; j++)
			if (p[j] == 0x98)
				return j;
		runs++;
		if (i > 0 && j < n && ascii_letter(p[i - 1]) &&
		    ascii_letter(p[j]) && !inside++)
			first_inside = i;
		i = j;
	}
	return inside * 2 > runs ? first_inside : n;
}

/*
 * Points *t and *tn at row p[0..n) as UTF-8: the row itself, or c->text.
 * @return 0, or -1 with the reason in c->msg.
 */
static int decode_row(struct csv *c, const char *p, size_t n, const char **t,
		      size_t *tn)
{
	size_t h = first_high(p, n), k;
	enum csv_enc enc = c->enc != CSV_ENC_AUTO ? c->enc : c->found;

	*t = p;
	*tn = n;
	if (h == n)
		return 0; /* ASCII is both */
	if (enc == CSV_ENC_UTF8 || enc == CSV_ENC_AUTO) {
		k = h + utf8_valid(p + h, n - h);
		if (k == n) {
			c->found = CSV_ENC_UTF8;
			return 0;
		}
		if (enc == CSV_ENC_UTF8) {
			snprintf(c->msg, sizeof c->msg,
				 c->enc == CSV_ENC_UTF8
					 ? "not valid UTF-8 (at byte %zu; "
					   "--encoding cp1251 reads "
					   "Windows-1251)"
					 : "not valid UTF-8 (at byte %zu), "
					   "though the rows before are UTF-8",
				 k + 1);
			return -1;
		}
		k = cp1251_text(p, n);
		if (k < n) {
			snprintf(c->msg, sizeof c->msg,
				 "neither UTF-8 nor Windows-1251 text (at byte "
				 "%zu; if it is Windows-1251, say --encoding "
				 "cp1251)",
				 k + 1);
			return -1;
		}
		c->found = CSV_ENC_CP1251;
	} else {
		for (k = h; k < n && (unsigned char)p[k] != 0x98; k++)
			;
		if (k < n) {
			snprintf(c->msg, sizeof c->msg,
				 "byte 0x98 is not Windows-1251 text (at byte "
				 "%zu)",
				 k + 1);
			return -1;
		}
	}
	buf_reset(&c->text);
	utf8_from_cp1251(p, n, &c->text);
	*t = c->text.p;
	*tn = c->text.len;
	return 0;
}

int csv_next(struct csv *c)
{
	const char *p, *t;
	size_t n, tn;
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
	if (c->in.recno == 1 && n >= 2 &&
	    ((p[0] == '\xff' && p[1] == '\xfe') ||
	     (p[0] == '\xfe' && p[1] == '\xff'))) {
		snprintf(c->msg, sizeof c->msg,
			 "%s: UTF-16 text is not read (save it as CSV in UTF-8 "
			 "or Windows-1251)",
			 c->in.display);
		return IN_EFRAME;
	}
	if (decode_row(c, p, n, &t, &tn) < 0)
		return IN_EENC;
	p = t;
	n = tn;
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
	buf_release(&c->text);
}
