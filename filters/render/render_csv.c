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

#include <string.h>

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

/* How a CSV is written: as RFC 4180 says, or for a Russian Excel. */
struct dialect {
	char sep;	   /* between fields */
	int comma;	   /* a decimal comma in numbers and money */
	int labels;	   /* headers in the report's language */
	int quote_formula; /* a cell neutralised against formulas is quoted */
};

static const struct dialect rfc4180 = {',', 0, 0, 0}, excel_ru = {';', 1, 1, 1};

/*
 * Appends one cell: neutralised against formulas (unless it is a number
 * pulse wrote), quoted when it must be.
 */
static void cell(struct buf *out, const char *s, size_t n,
		 const struct dialect *d, int number)
{
	int formula = !number && n > 0 && memchr("=+-@\t\r", s[0], 6) &&
		      !plain_number(s, n);
	int quote = memchr(s, d->sep, n) || memchr(s, '"', n) ||
		    memchr(s, '\r', n) || memchr(s, '\n', n) ||
		    (formula && d->quote_formula);

	if (quote)
		buf_addc(out, '"');
	if (formula)
		buf_addc(out, '\'');
	cell_text(out, s, n, quote);
	if (quote)
		buf_addc(out, '"');
}

/* Appends a number's text, its decimal point a comma when d says so. */
static void number_cell(struct buf *out, char *s, size_t n,
			const struct dialect *d)
{
	char *dot = d->comma ? memchr(s, '.', n) : NULL;

	if (dot)
		*dot = ',';
	cell(out, s, n, d, 1);
}

/* Whether s[0..n) is an exact decimal, -?[0-9]+(.[0-9]+)?, as money is. */
static int decimal(const char *s, size_t n)
{
	return n > 0 && plain_number(s, n) && !memchr(s, 'e', n) &&
	       !memchr(s, 'E', n);
}

/* Appends the text of one cell. */
static void value_cell(struct buf *text, const struct render_cell *c,
		       const struct dialect *d, struct buf *out)
{
	struct json_span v = c->v;

	switch (v.type) {
	case JSON_STRING:
		buf_reset(text);
		json_str_decode(v, text);
		if (d->comma && c->money && decimal(text->p, text->len))
			number_cell(out, text->p, text->len, d);
		else
			cell(out, text->p, text->len, d, 0);
		break;
	case JSON_NUMBER:
		buf_reset(text);
		if (!(c->dec >= 0 &&
		      render_util_round(text, v.p, v.n, c->dec, c->trim) == 0))
			buf_add(text, v.p, v.n);
		number_cell(out, text->p, text->len, d);
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		cell(out, v.p, v.n, d, 0);
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

/* The first funnel table of the report into name; @return 0 when none. */
static int first_funnel(const struct render_report *r, struct buf *name)
{
	struct render_tables l;
	size_t i;
	int found = 0;

	render_table_list(r, &l);
	for (i = 0; i < l.n && !found; i++)
		if (l.t[i].sel == RT_FUNNEL) {
			buf_add(name, l.text.p + l.t[i].off, l.t[i].len);
			found = 1;
		}
	render_table_list_release(&l);
	return found;
}

void render_csv(const struct render_report *r, const struct render_opts *o,
		struct buf *out)
{
	const struct dialect *d =
		o->csv_dialect == RENDER_CSV_EXCEL_RU ? &excel_ru : &rfc4180;
	struct buf tname = BUF_INIT, text = BUF_INIT;
	struct render_table t;
	const char *name;
	size_t j, n, len;

	if (o->table)
		render_table_init(&t, r, RT_FUNNEL, o->table, strlen(o->table));
	else if (first_funnel(r, &tname))
		render_table_init(&t, r, RT_FUNNEL, tname.p, tname.len);
	else
		render_table_init(&t, r, RT_ALL, NULL, 0);
	n = t.ncols;
	if (o->bom || d == &excel_ru)
		buf_adds(out, "\xef\xbb\xbf");
	for (j = 0; j < n; j++) {
		name = render_table_col(&t, j, &len);
		if (j)
			buf_addc(out, d->sep);
		if (d->labels) {
			buf_reset(&text);
			render_lang_column(o->lang, name, len, &text);
			name = text.p, len = text.len;
		}
		cell(out, name, len, d, 0);
	}
	if (n)
		buf_adds(out, "\r\n");
	while (n && render_table_next(&t)) {
		for (j = 0; j < n; j++) {
			if (j)
				buf_addc(out, d->sep);
			value_cell(&text, &t.row[j], d, out);
		}
		buf_adds(out, "\r\n");
	}
	if (o->table && !n)
		warn("no funnel records of table '%s'", o->table);
	if (t.skipped && !o->table && t.sel == RT_FUNNEL)
		warn("left out %llu record%s not of table '%.*s' (choose one with --table)",
		     (unsigned long long)t.skipped, t.skipped == 1 ? "" : "s",
		     (int)t.nlen, t.name);
	render_table_release(&t);
	buf_release(&tname);
	buf_release(&text);
}
