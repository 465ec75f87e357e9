/*
 * render_csv.c - records as RFC 4180 CSV; see render.h.
 *
 * One header line, then one line per record, CRLF after each.  Columns are
 * the union of the records' top-level members in the order they first
 * appear.  Funnel records (pulse-funnel) are written one table at a time:
 * --table names it, else the table of the first funnel record; "kind" and
 * "table" are left out (they are the same on every line) and their objects
 * ("group", money by currency) become one column per member, named
 * "group.manager", "revenue.RUB".  Other records keep nested values as
 * their JSON text.
 *
 * A cell that begins with '=', '+', '-', '@', a tab or a carriage return
 * and is not a plain number gets a leading apostrophe, so a spreadsheet
 * shows it as text instead of running it as a formula (OWASP "CSV
 * injection"); the apostrophe stays visible in the cell.  A control
 * character other than tab, CR and LF (a NUL, which cuts a cell short in
 * many readers, ESC, DEL, C1) becomes U+FFFD, the replacement character.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "hmap.h"

/*
 * How a number is shown: rounded to dec decimals (-1: as it is), trimmed
 * of trailing zeros or not.  Records carry full precision; a CSV shows
 * the fractions as pulse-funnel and pulse-metrics once rounded them.
 */
struct shown {
	int dec, trim;
};

/* The rows to write and their columns. */
struct csv {
	const struct render_report *r;
	const char *table; /* funnel mode: the table; NULL: any records */
	size_t tlen;
	struct hmap cols;	 /* column name -> its index (size_t) */
	struct json_span *cells; /* one row, by column */
	struct shown *how;	 /* and how each number is shown */
	size_t capcells;
	struct buf name, text, tname;
	struct rec rec;
	uint64_t skipped; /* records of other kinds or tables */
};

/* Whether s[0..n) is a JSON number: such a cell is never a formula. */
static int plain_number(const char *s, size_t n)
{
	size_t i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == d)
		return 0;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	return i == n;
}

/*
 * Appends s[0..n) for a cell: a control character that CSV cannot carry
 * (NUL and the other C0 controls but tab, CR and LF; DEL; C1) as U+FFFD,
 * '"' doubled when quoted.
 */
static void cell_text(struct buf *out, const char *s, size_t n, int quoted)
{
	size_t i, l;

	for (i = 0; i < n; i += l) {
		l = render_util_ctrl(s + i, n - i);
		if (l && s[i] != '\t' && s[i] != '\r' && s[i] != '\n') {
			buf_adds(out, "\xef\xbf\xbd");
			continue;
		}
		l = 1;
		if (quoted && s[i] == '"')
			buf_addc(out, '"');
		buf_addc(out, s[i]);
	}
}

/* Appends one cell: neutralised against formulas, quoted when it must be. */
static void cell(struct buf *out, const char *s, size_t n)
{
	int formula =
		n > 0 && memchr("=+-@\t\r", s[0], 6) && !plain_number(s, n);
	int quote = memchr(s, ',', n) || memchr(s, '"', n) ||
		    memchr(s, '\r', n) || memchr(s, '\n', n);

	if (quote)
		buf_addc(out, '"');
	if (formula)
		buf_addc(out, '\'');
	cell_text(out, s, n, quote);
	if (quote)
		buf_addc(out, '"');
}

/* Loads record i of the report into c->rec. */
static void load(struct csv *c, size_t i)
{
	struct sref s = c->r->recs[i];
	struct json_error e;

	/* the record layer validated it once already */
	if (rec_parse(&c->rec, sref_p(c->r, s), s.len, &e) < 0)
		die(70, "internal error: a kept record does not parse: %s",
		    e.msg);
}

static int is_funnel(const struct rec *in)
{
	return json_str_eq(rec_get(in, "kind"), "funnel", 6);
}

/* Whether the loaded record is a row of the output. */
static int selected(struct csv *c)
{
	if (!c->table)
		return 1;
	return is_funnel(&c->rec) &&
	       json_str_eq(rec_get(&c->rec, "table"), c->table, c->tlen);
}

/* Whether the decoded name (which may hold a NUL) is s. */
static int is_name(const struct buf *name, const char *s)
{
	return name->len == strlen(s) && memcmp(name->p, s, name->len) == 0;
}

/* How the top-level member named c->name of the loaded record is shown. */
static struct shown shown_as(struct csv *c)
{
	struct shown s = {-1, 0};

	if (c->table)
		s.dec = render_funnel_decimals(c->name.p, c->name.len);
	else if (is_name(&c->name, "mean_7d") &&
		 json_str_eq(rec_get(&c->rec, "kind"), "metric", 6))
		s.dec = RENDER_SALES_MEAN_DECIMALS, s.trim = 1;
	return s;
}

/*
 * Calls fn for each column of the loaded record, with its name in c->name,
 * its value and how a number there is shown.
 */
static void each_member(struct csv *c,
			void (*fn)(struct csv *, struct json_span,
				   struct shown))
{
	static const struct shown as_is = {-1, 0};
	struct json_span k, v;
	struct json_iter it;
	size_t i, base;

	for (i = 0; i < c->rec.nf; i++) {
		buf_reset(&c->name);
		json_str_decode(c->rec.f[i].key, &c->name);
		v = c->rec.f[i].val;
		if (!c->table || v.type != JSON_OBJECT) {
			if (c->table && (is_name(&c->name, "kind") ||
					 is_name(&c->name, "table")))
				continue;
			fn(c, v, shown_as(c));
			continue;
		}
		buf_addc(&c->name, '.');
		base = c->name.len;
		json_iter_init(&it, v);
		while (json_iter_next(&it, &k, &v)) {
			c->name.len = base;
			json_str_decode(k, &c->name);
			fn(c, v, as_is);
		}
	}
}

static void add_col(struct csv *c, struct json_span v, struct shown s)
{
	int isnew;
	size_t *ix = hmap_put(&c->cols, c->name.p, c->name.len, &isnew);

	(void)v;
	(void)s;
	if (isnew)
		*ix = hmap_len(&c->cols) - 1;
}

static void set_cell(struct csv *c, struct json_span v, struct shown s)
{
	size_t *ix = hmap_get(&c->cols, c->name.p, c->name.len);

	c->cells[*ix] = v;
	c->how[*ix] = s;
}

/* Appends the text of one value as a cell. */
static void value_cell(struct csv *c, struct json_span v, struct shown s,
		       struct buf *out)
{
	switch (v.type) {
	case JSON_STRING:
		buf_reset(&c->text);
		json_str_decode(v, &c->text);
		cell(out, c->text.p, c->text.len);
		break;
	case JSON_NUMBER:
		buf_reset(&c->text);
		if (s.dec >= 0 &&
		    render_util_round(&c->text, v.p, v.n, s.dec, s.trim) == 0) {
			cell(out, c->text.p, c->text.len);
			break;
		}
		cell(out, v.p, v.n);
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		cell(out, v.p, v.n);
		break;
	case JSON_TRUE:
		buf_adds(out, "true");
		break;
	case JSON_FALSE:
		buf_adds(out, "false");
		break;
	default: /* null, absent */
		break;
	}
}

/* Picks the table when none was asked for and funnel records are there. */
static void pick_table(struct csv *c, const struct render_opts *o)
{
	const char *p;
	size_t i, n;

	c->table = o->table;
	c->tlen = o->table ? strlen(o->table) : 0;
	for (i = 0; !c->table && i < c->r->nrecs; i++) {
		load(c, i);
		if (!is_funnel(&c->rec) ||
		    rec_str(&c->rec, "table", &c->text, &p, &n) != 1)
			continue;
		buf_add(&c->tname, p, n);
		c->table = c->tname.p;
		c->tlen = n;
	}
}

void render_csv(const struct render_report *r, const struct render_opts *o,
		struct buf *out)
{
	struct csv c;
	size_t i, j, n;

	memset(&c, 0, sizeof c);
	c.r = r;
	hmap_init(&c.cols, sizeof(size_t));
	rec_init(&c.rec);
	pick_table(&c, o);
	for (i = 0; i < r->nrecs; i++) {
		load(&c, i);
		if (selected(&c))
			each_member(&c, add_col);
		else
			c.skipped++;
	}
	n = hmap_len(&c.cols);
	if (o->bom)
		buf_adds(out, "\xef\xbb\xbf");
	for (j = 0; j < n; j++) {
		const struct hmap_entry *e = hmap_entry_at(&c.cols, j);

		if (j)
			buf_addc(out, ',');
		cell(out, e->key, e->klen);
	}
	if (n)
		buf_adds(out, "\r\n");
	c.cells = xcalloc(n ? n : 1, sizeof *c.cells);
	c.how = xcalloc(n ? n : 1, sizeof *c.how);
	for (i = 0; n && i < r->nrecs; i++) {
		load(&c, i);
		if (!selected(&c))
			continue;
		memset(c.cells, 0, n * sizeof *c.cells);
		each_member(&c, set_cell);
		for (j = 0; j < n; j++) {
			if (j)
				buf_addc(out, ',');
			value_cell(&c, c.cells[j], c.how[j], out);
		}
		buf_adds(out, "\r\n");
	}
	if (o->table && !n)
		warn("no funnel records of table '%s'", o->table);
	if (c.skipped && !o->table)
		warn("left out %llu record%s not of table '%.*s' (choose one with --table)",
		     (unsigned long long)c.skipped, c.skipped == 1 ? "" : "s",
		     (int)c.tlen, c.table);
	free(c.cells);
	free(c.how);
	buf_release(&c.tname);
	buf_release(&c.name);
	buf_release(&c.text);
	rec_release(&c.rec);
	hmap_release(&c.cols);
}
