/*
 * render_xlsx.c - records as an Excel workbook (libxlsxwriter); see
 * render.h.
 *
 * A sheet per table of render_table.c, in the order the tables first
 * appear: a funnel table each, then (as they come) the records of each
 * kind.  Its first row holds the headers in the report's language
 * (render_lang.c), frozen, with an autofilter over the whole table; then a
 * row per record.  Sheet names are the tables' names in the language, cut
 * to Excel's 31 characters, without []:*?/\ and unique (Excel compares them
 * ignoring case).
 *
 * What a cell holds is never a formula, only a value:
 *  - a JSON number: a number cell; shares and conversions as percentages,
 *    the means with their decimals, an integer written as digits as one;
 *  - money (a funnel table's "revenue.RUB", a lead's "amount" with its
 *    "currency"): a number cell in the currency's number format;
 *  - a string that is a date, a time (RFC 3339, also with a space) or, in a
 *    month column, a month: a date cell in the language's date format; a
 *    time shows the wall clock it was written in, its offset left out;
 *  - true and false: booleans; null: an empty cell;
 *  - any other string, and arrays and objects (as their JSON text), a
 *    string cell.
 * A number Excel would not keep, an integer or money with more than the 15
 * significant digits Excel keeps (every integer past 2^53 among them) or a
 * number beyond Excel's range, is written as text, as in the record, and
 * counted in a warning.  A fraction is kept as libxlsxwriter writes it, to
 * 16 significant digits (Excel shows 15).
 *
 * In a string, a control character but tab and line ends becomes U+FFFD as
 * in CSV, CR LF and CR become LF (Excel's line break), and text Excel
 * would read as its own escape (_x0041_) is escaped (_x005F_x0041_).  A
 * string longer than Excel's 32767 characters (UTF-16 code units) is cut
 * to them, ending in "…", and counted in a warning.
 *
 * libxlsxwriter writes files: the workbook goes to a temporary file (in
 * $TMPDIR, else /tmp), which is read back into the output and removed.
 */
#include "render.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "err.h"

#define XLSX_STR_MAX 32767 /* UTF-16 code units in a cell */
#define XLSX_SHEET_MAX 31  /* in a sheet's name */
#define XLSX_DIGITS 15	   /* significant digits Excel keeps */
#define XLSX_NUM_MAX 9.99999999999999e307
#define XLSX_WIDTH_MAX 60    /* a column's width, in characters */
#define XLSX_MAX_DECIMALS 10 /* the number formats kept for fixed decimals */

struct xlsx {
	const struct render_opts *o;
	lxw_workbook *wb;
	lxw_format *head, *integer, *pct, *date, *datetime, *month, *plain;
	lxw_format *dec[XLSX_MAX_DECIMALS + 1];
	struct hmap money;  /* currency -> lxw_format * */
	struct hmap sheets; /* the sheet names taken, folded */
	struct buf text, fmt;
	double *width; /* of each column of the sheet being written */
	const char *sheet;
	uint64_t as_text, cut; /* numbers written as text, strings cut */
	char first_text[128], first_cut[128];
};

/* ---- strings ---------------------------------------------------------- */

/* UTF-16 code units of the UTF-8 sequence that starts with byte c. */
static size_t units(unsigned char c)
{
	return c >= 0xf0 ? 2 : 1;
}

static size_t seqlen(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/* Whether s[0..n) starts with Excel's escape _xHHHH_. */
static int excel_escape(const char *s, size_t n)
{
	size_t i;

	if (n < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_')
		return 0;
	for (i = 2; i < 6; i++)
		if (!((s[i] >= '0' && s[i] <= '9') ||
		      (s[i] >= 'a' && s[i] <= 'f') ||
		      (s[i] >= 'A' && s[i] <= 'F')))
			return 0;
	return 1;
}

/*
 * The bytes of the character at s (n > 0 bytes) when it is a control
 * character or U+FFFE, U+FFFF, which XML may not hold; else 0.
 */
static size_t bad_char(const char *s, size_t n)
{
	if (n >= 3 && s[0] == '\xef' && s[1] == '\xbf' &&
	    (s[2] == '\xbe' || s[2] == '\xbf'))
		return 3;
	return render_util_ctrl(s, n);
}

/*
 * One character of s[0..n) at i as a cell holds it, appended to out when
 * out is not NULL: a control character (and U+FFFE, U+FFFF, which XML may
 * not hold) as U+FFFD, CR LF and CR as LF, Excel's escape escaped.  *l
 * gets the bytes read.  @return the UTF-16 code units appended.
 */
static size_t cell_char(const char *s, size_t n, size_t i, size_t *l,
			struct buf *out)
{
	unsigned char c = (unsigned char)s[i];
	const char *rep = NULL;
	size_t ctrl;

	*l = seqlen(c);
	if (c == '\r') {
		*l = i + 1 < n && s[i + 1] == '\n' ? 2 : 1;
		rep = "\n";
	} else if (c == '\t' || c == '\n') {
		rep = NULL;
	} else if ((ctrl = bad_char(s + i, n - i))) {
		*l = ctrl;
		rep = "\xef\xbf\xbd";
	} else if (c == '_' && excel_escape(s + i, n - i)) {
		if (out)
			buf_adds(out, "_x005F_");
		return 7;
	}
	if (out && rep)
		buf_adds(out, rep);
	else if (out)
		buf_add(out, s + i, *l);
	return rep ? 1 : units(c);
}

/*
 * Sets x->text to s[0..n) as a cell holds it (cell_char()), at most
 * XLSX_STR_MAX code units: a longer text is cut and ends in "…".
 * @return 1 when it was cut.
 */
static int cell_text(struct xlsx *x, const char *s, size_t n)
{
	size_t i, l, u, used = 0, limit = XLSX_STR_MAX;

	buf_reset(&x->text);
	buf_grow(&x->text, n + 8);
	for (i = 0; i < n && used <= XLSX_STR_MAX; i += l)
		used += cell_char(s, n, i, &l, NULL);
	if (used > XLSX_STR_MAX)
		limit = XLSX_STR_MAX - 1; /* and the ellipsis */
	for (i = 0, used = 0; i < n; i += l) {
		u = cell_char(s, n, i, &l, NULL);
		if (used + u > limit) {
			buf_adds(&x->text, "\xe2\x80\xa6");
			return 1;
		}
		used += cell_char(s, n, i, &l, &x->text);
	}
	return 0;
}

/* Names cell (row, col) of the sheet being written in *first. */
static void note(struct xlsx *x, char *first, size_t sz, lxw_row_t row,
		 lxw_col_t col, uint64_t *count)
{
	char name[LXW_MAX_CELL_NAME_LENGTH];

	if ((*count)++)
		return;
	lxw_rowcol_to_cell(name, row, col);
	snprintf(first, sz, "sheet '%s', cell %s", x->sheet, name);
}

static void widen(struct xlsx *x, lxw_col_t col, double w)
{
	if (w > x->width[col])
		x->width[col] = w > XLSX_WIDTH_MAX ? XLSX_WIDTH_MAX : w;
}

/* Writes s[0..n) as a string cell.  @return a libxlsxwriter error. */
static lxw_error put_text(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row,
			  lxw_col_t col, const char *s, size_t n, lxw_format *f)
{
	const char *nl;

	if (cell_text(x, s, n))
		note(x, x->first_cut, sizeof x->first_cut, row, col, &x->cut);
	nl = memchr(x->text.p, '\n', x->text.len);
	widen(x, col,
	      (double)render_util_chars(x->text.p, nl ? (size_t)(nl - x->text.p)
						      : x->text.len) +
		      2);
	return worksheet_write_string(ws, row, col, x->text.p, f);
}

/* ---- numbers and dates ------------------------------------------------ */

/*
 * Reads the number s[0..n) (a JSON number or a decimal string) into *v.
 * @return its significant digits, or -1 when Excel cannot hold it at all
 * (infinite, beyond its range, too small); *integral says whether it is a
 * whole number.
 */
static int number(struct xlsx *x, const char *s, size_t n, double *v,
		  int *integral)
{
	size_t i, first = 0, last = 0, nd = 0;
	int any = 0;

	for (i = 0; i < n && s[i] != 'e' && s[i] != 'E'; i++) {
		if (s[i] < '0' || s[i] > '9')
			continue;
		nd++;
		if (s[i] != '0') {
			if (!any)
				first = nd;
			last = nd;
			any = 1;
		}
	}
	buf_reset(&x->fmt);
	buf_add(&x->fmt, s, n);
	*v = strtod(x->fmt.p, NULL);
	if (!isfinite(*v) || fabs(*v) > XLSX_NUM_MAX ||
	    (any && fabs(*v) < DBL_MIN))
		return -1;
	*integral = floor(*v) == *v;
	return any ? (int)(last - first + 1) : 0;
}

/* A number format: "0.00", "#,##0.00 \"RUB\"". */
static lxw_format *format(struct xlsx *x, const char *num)
{
	lxw_format *f = workbook_add_format(x->wb);

	format_set_num_format(f, num);
	return f;
}

/* The format of money in currency cur (a JSON string, or not one). */
static lxw_format *money_format(struct xlsx *x, struct json_span cur)
{
	lxw_format **f;
	size_t i;
	int isnew;

	buf_reset(&x->fmt);
	if (cur.type == JSON_STRING)
		json_str_decode(cur, &x->fmt);
	/* a currency code, quoted in the format; anything else left out */
	for (i = 0; i < x->fmt.len; i++)
		if (x->fmt.p[i] == '"' || x->fmt.p[i] == '\\' ||
		    bad_char(x->fmt.p + i, x->fmt.len - i))
			break;
	if (i < x->fmt.len || x->fmt.len == 0 || x->fmt.len > 16)
		return x->plain;
	f = hmap_put(&x->money, x->fmt.p, x->fmt.len, &isnew);
	if (isnew) {
		buf_reset(&x->text);
		buf_addf(&x->text, "#,##0.00 \"%s\"", x->fmt.p);
		*f = format(x, x->text.p);
	}
	return *f;
}

static int digits(const char *s, int n, int *v)
{
	int i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

static int days_in(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0))
		return 29;
	return d[m - 1];
}

/*
 * Reads a date the cell can hold: "YYYY-MM" (when month), "YYYY-MM-DD" or
 * "YYYY-MM-DD[T ]hh:mm[:ss[.f]][Z|+hh:mm|-hh:mm]", from 1900-03-01 (Excel's
 * days before are off by one) to 9999.  @return 0 (not one), 1 a date, 2
 * a time, 3 a month.
 */
static int date(const char *s, size_t n, int month, lxw_datetime *dt)
{
	size_t i = 10;
	int sec = 0, h, m;

	memset(dt, 0, sizeof *dt);
	if (n < 7 || digits(s, 4, &dt->year) || s[4] != '-' ||
	    digits(s + 5, 2, &dt->month) || dt->month < 1 || dt->month > 12 ||
	    dt->year < 1900 || (dt->year == 1900 && dt->month < 3))
		return 0;
	if (n == 7) {
		dt->day = 1;
		return month ? 3 : 0;
	}
	if (n < 10 || s[7] != '-' || digits(s + 8, 2, &dt->day) ||
	    dt->day < 1 || dt->day > days_in(dt->year, dt->month))
		return 0;
	if (n == 10)
		return 1;
	if ((s[10] != 'T' && s[10] != ' ') || n < 16 ||
	    digits(s + 11, 2, &dt->hour) || s[13] != ':' ||
	    digits(s + 14, 2, &dt->min) || dt->hour > 23 || dt->min > 59)
		return 0;
	i = 16;
	if (i < n && s[i] == ':') {
		if (n < i + 3 || digits(s + i + 1, 2, &sec) || sec > 59)
			return 0;
		dt->sec = sec;
		i += 3;
		if (i < n && s[i] == '.') {
			double scale = 0.1;

			if (++i >= n || s[i] < '0' || s[i] > '9')
				return 0;
			for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) {
				dt->sec += (s[i] - '0') * scale;
				scale /= 10;
			}
		}
	}
	if (i < n && s[i] == 'Z')
		i++;
	else if (i < n && (s[i] == '+' || s[i] == '-')) {
		if (n != i + 6 || digits(s + i + 1, 2, &h) || s[i + 3] != ':' ||
		    digits(s + i + 4, 2, &m) || h > 23 || m > 59)
			return 0;
		i += 6;
	}
	return i == n ? 2 : 0;
}

/* Whether column name[0..n) holds months ("2024-01"). */
static int month_column(const char *name, size_t n)
{
	static const char *const cols[] = {"month", "period", "group.month",
					   "first_month"};
	size_t i;

	for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (strlen(cols[i]) == n && memcmp(cols[i], name, n) == 0)
			return 1;
	return 0;
}

/* Whether s[0..n) is an integer written as digits: -?[0-9]+ */
static int digits_only(const char *s, size_t n)
{
	size_t i = n > 0 && s[0] == '-';

	if (i == n)
		return 0;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* The format of the number s[0..n) of a cell that is not money. */
static lxw_format *number_format(struct xlsx *x, const struct render_cell *c,
				 const char *s, size_t n)
{
	size_t i;

	if (c->frac)
		return x->pct;
	if (c->dec > 0 && c->dec <= XLSX_MAX_DECIMALS) {
		if (!x->dec[c->dec]) {
			buf_reset(&x->text);
			buf_adds(&x->text, "0.");
			for (i = 0; i < (size_t)c->dec; i++)
				buf_addc(&x->text, '0');
			x->dec[c->dec] = format(x, x->text.p);
		}
		return x->dec[c->dec];
	}
	/* "General" would show 123456789012 as 1.23457E+11 */
	return digits_only(s, n) ? x->integer : NULL;
}

/* About the characters a number shows in its format, and a margin. */
static double shown_width(const struct render_cell *c, double v, size_t n,
			  int money)
{
	char b[64];
	int len;

	if (money) /* grouped, and the currency */
		len = snprintf(b, sizeof b, "%.2f", v) * 4 / 3 + 5;
	else if (c->frac)
		len = snprintf(b, sizeof b, "%.2f%%", v * 100);
	else if (c->dec > 0)
		len = snprintf(b, sizeof b, "%.*f", c->dec, v);
	else
		len = n > 16 ? 16 : (int)n;
	return len + 2;
}

/*
 * Writes the number s[0..n) (money when money is set) as a number cell,
 * or as text when Excel would not keep it.  @return a libxlsxwriter error.
 */
static lxw_error put_number(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row,
			    lxw_col_t col, const struct render_cell *c,
			    const char *s, size_t n, int money)
{
	lxw_format *f;
	double v;
	int integral, sig = number(x, s, n, &v, &integral);

	if (sig < 0 || (sig > XLSX_DIGITS && (money || integral))) {
		note(x, x->first_text, sizeof x->first_text, row, col,
		     &x->as_text);
		return put_text(x, ws, row, col, s, n, NULL);
	}
	f = money ? money_format(x, c->cur) : number_format(x, c, s, n);
	widen(x, col, shown_width(c, v, n, money));
	return worksheet_write_number(ws, row, col, v, f);
}

/* Whether s[0..n) is an exact decimal, -?[0-9]+(.[0-9]+)?, as money is. */
static int decimal(const char *s, size_t n)
{
	size_t i = n > 0 && s[0] == '-', d;

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
	return i == n;
}

/* Writes one cell of column name[0..nlen).  @return a libxlsxwriter error. */
static lxw_error put_cell(struct xlsx *x, lxw_worksheet *ws, lxw_row_t row,
			  lxw_col_t col, const struct render_cell *c,
			  const char *name, size_t nlen, struct buf *s)
{
	static const double widths[] = {0, 12, 18, 10};
	lxw_format *const fmts[] = {NULL, x->date, x->datetime, x->month};
	lxw_datetime dt;
	int d;

	switch (c->v.type) {
	case JSON_NUMBER:
		return put_number(x, ws, row, col, c, c->v.p, c->v.n, c->money);
	case JSON_STRING:
		buf_reset(s);
		json_str_decode(c->v, s);
		if (c->money && decimal(s->p, s->len))
			return put_number(x, ws, row, col, c, s->p, s->len, 1);
		d = date(s->p, s->len, month_column(name, nlen), &dt);
		if (d) {
			widen(x, col, widths[d]);
			return worksheet_write_datetime(ws, row, col, &dt,
							fmts[d]);
		}
		return put_text(x, ws, row, col, s->p, s->len, NULL);
	case JSON_TRUE:
	case JSON_FALSE:
		widen(x, col, 7);
		return worksheet_write_boolean(ws, row, col,
					       c->v.type == JSON_TRUE, NULL);
	case JSON_ARRAY:
	case JSON_OBJECT:
		return put_text(x, ws, row, col, c->v.p, c->v.n, NULL);
	default: /* null, absent: an empty cell */
		return LXW_NO_ERROR;
	}
}

/* ---- sheets ----------------------------------------------------------- */

/*
 * Appends the case folding of s[0..n) Excel's sheet names ignore: ASCII and
 * Cyrillic letters to lower case.
 */
static void fold(struct buf *out, const char *s, size_t n)
{
	size_t i;
	unsigned c, d;

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		d = i + 1 < n ? (unsigned char)s[i + 1] : 0;
		if (c >= 'A' && c <= 'Z') {
			buf_addc(out, (char)(c + 32));
		} else if (c == 0xd0 && d >= 0x90 && d <= 0x9f) { /* А..П */
			buf_addc(out, (char)0xd0);
			buf_addc(out, (char)(d + 0x20));
			i++;
		} else if (c == 0xd0 && d >= 0xa0 && d <= 0xaf) { /* Р..Я */
			buf_addc(out, (char)0xd1);
			buf_addc(out, (char)(d - 0x20));
			i++;
		} else if (c == 0xd0 && d >= 0x80 && d <= 0x8f) { /* Ѐ..Џ, Ё */
			buf_addc(out, (char)0xd1);
			buf_addc(out, (char)(d + 0x10));
			i++;
		} else {
			buf_addc(out, (char)c);
		}
	}
}

/* Appends base cut to at most max code units, at a character boundary. */
static void add_cut(struct buf *out, const char *s, size_t n, size_t max)
{
	size_t i, l, used = 0;

	for (i = 0; i < n; i += l) {
		l = seqlen((unsigned char)s[i]);
		if (used + units((unsigned char)s[i]) > max)
			break;
		used += units((unsigned char)s[i]);
		buf_add(out, s + i, l);
	}
}

/*
 * Sets name to a sheet name Excel takes for table s[0..n): no []:*?/\ or
 * control characters, not starting or ending with an apostrophe, at most
 * 31 code units, not taken (ignoring case) by an earlier sheet nor
 * "History", which Excel keeps for itself.
 */
static void sheet_name(struct xlsx *x, const char *s, size_t n,
		       struct buf *name)
{
	struct buf base = BUF_INIT, folded = BUF_INIT;
	size_t i, l, k;
	char suffix[32];

	for (i = 0; i < n; i += l) {
		l = seqlen((unsigned char)s[i]);
		if (bad_char(s + i, n - i) || memchr("[]:*?/\\", s[i], 7))
			buf_addc(&base, '_');
		else
			buf_add(&base, s + i, l);
	}
	while (base.len && base.p[base.len - 1] == '\'')
		base.len--;
	for (i = 0; i < base.len && base.p[i] == '\''; i++)
		;
	for (k = 1;; k++) {
		buf_reset(name);
		suffix[0] = '\0';
		if (k > 1)
			snprintf(suffix, sizeof suffix, " (%zu)", k);
		add_cut(name, i < base.len ? base.p + i : "Sheet",
			i < base.len ? base.len - i : 5,
			XLSX_SHEET_MAX - strlen(suffix));
		buf_adds(name, suffix);
		buf_reset(&folded);
		fold(&folded, name->p, name->len);
		if (strcmp(folded.p, "history") == 0 ||
		    hmap_get(&x->sheets, folded.p, folded.len))
			continue;
		hmap_put(&x->sheets, folded.p, folded.len, NULL);
		break;
	}
	buf_release(&base);
	buf_release(&folded);
}

/* Writes one table as a sheet.  @return 0, or an exit status with msg. */
static int put_table(struct xlsx *x, const struct render_report *r,
		     const struct render_tref *ref, const char *tname,
		     char *msg, size_t msz)
{
	struct buf name = BUF_INIT, s = BUF_INIT;
	struct render_table t;
	lxw_worksheet *ws;
	lxw_error err = LXW_NO_ERROR;
	lxw_row_t row = 0;
	const char *col, *label;
	size_t j, len;
	int st = 0;

	label = render_lang_table(x->o->lang, tname, ref->len);
	if (ref->sel == RT_NO_KIND)
		label = render_lang_table(x->o->lang, "records", 7);
	sheet_name(x, label ? label : tname, label ? strlen(label) : ref->len,
		   &name);
	render_table_init(&t, r, ref->sel, tname, ref->len);
	if (t.nrows >= LXW_ROW_MAX || t.ncols > LXW_COL_MAX) {
		snprintf(
			msg, msz,
			"sheet '%s': %llu rows of %zu columns, more than an "
			"Excel sheet holds (%d rows below the header, %d columns)",
			name.p, (unsigned long long)t.nrows, t.ncols,
			LXW_ROW_MAX - 1, LXW_COL_MAX);
		st = EX_DATAERR;
		goto out;
	}
	ws = workbook_add_worksheet(x->wb, name.p);
	if (!ws) {
		snprintf(msg, msz, "cannot add sheet '%s'", name.p);
		st = EX_SOFTWARE;
		goto out;
	}
	x->sheet = name.p;
	x->width = xcalloc(t.ncols ? t.ncols : 1, sizeof *x->width);
	for (j = 0; j < t.ncols && !err; j++) {
		col = render_table_col(&t, j, &len);
		buf_reset(&s);
		render_lang_column(x->o->lang, col, len, &s);
		err = put_text(x, ws, 0, (lxw_col_t)j, s.p, s.len, x->head);
	}
	while (!err && render_table_next(&t))
		for (row++, j = 0; j < t.ncols && !err; j++) {
			col = render_table_col(&t, j, &len);
			err = put_cell(x, ws, row, (lxw_col_t)j, &t.row[j], col,
				       len, &s);
		}
	for (j = 0; j < t.ncols && !err; j++)
		err = worksheet_set_column(ws, (lxw_col_t)j, (lxw_col_t)j,
					   x->width[j] < 8 ? 8 : x->width[j],
					   NULL);
	if (!err && t.ncols) {
		/* printed: landscape, as wide as a page, headers on each */
		worksheet_set_landscape(ws);
		worksheet_fit_to_pages(ws, 1, 0);
		err = worksheet_repeat_rows(ws, 0, 0);
	}
	if (!err && t.ncols) {
		worksheet_freeze_panes(ws, 1, 0);
		err = worksheet_autofilter(ws, 0, 0, row,
					   (lxw_col_t)(t.ncols - 1));
	}
	if (err) {
		snprintf(msg, msz, "sheet '%s': %s", name.p, lxw_strerror(err));
		st = EX_SOFTWARE;
	}
	free(x->width);
	x->width = NULL;
out:
	render_table_release(&t);
	buf_release(&name);
	buf_release(&s);
	return st;
}

/* ---- the workbook ----------------------------------------------------- */

static void formats(struct xlsx *x)
{
	int dmy = render_lang_words(x->o->lang)->dmy;

	x->head = workbook_add_format(x->wb);
	format_set_bold(x->head);
	x->integer = format(x, "0");
	x->pct = format(x, "0.00%");
	x->plain = format(x, "#,##0.00");
	x->date = format(x, dmy ? "dd.mm.yyyy" : "yyyy-mm-dd");
	x->datetime = format(x, dmy ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm");
	x->month = format(x, dmy ? "mm.yyyy" : "yyyy-mm");
}

/* The exit status of a libxlsxwriter error at workbook_close(). */
static int close_status(lxw_error err)
{
	switch (err) {
	case LXW_ERROR_CREATING_XLSX_FILE:
	case LXW_ERROR_CREATING_TMPFILE:
		return EX_CANTCREAT;
	case LXW_ERROR_MEMORY_MALLOC_FAILED:
		return EX_OSERR;
	case LXW_ERROR_ZIP_FILE_OPERATION:
	case LXW_ERROR_ZIP_PARAMETER_ERROR:
	case LXW_ERROR_ZIP_BAD_ZIP_FILE:
	case LXW_ERROR_ZIP_INTERNAL_ERROR:
	case LXW_ERROR_ZIP_FILE_ADD:
	case LXW_ERROR_ZIP_CLOSE:
	case LXW_ERROR_READING_TMPFILE:
		return EX_IOERR;
	default:
		return EX_SOFTWARE;
	}
}

/* Appends the file at path to out.  @return 0, or -1 with errno set. */
static int slurp(const char *path, struct buf *out)
{
	FILE *f = fopen(path, "rb");
	size_t got;

	if (!f)
		return -1;
	do {
		buf_grow(out, 65536);
		got = fread(out->p + out->len, 1, 65536, f);
		out->len += got;
	} while (got > 0);
	out->p[out->len] = '\0';
	if (ferror(f)) {
		fclose(f);
		errno = EIO;
		return -1;
	}
	return fclose(f);
}

int render_xlsx(const struct render_report *r, const struct render_opts *o,
		struct buf *out, char *msg, size_t msz)
{
	const char *dir = getenv("TMPDIR");
	struct buf path = BUF_INIT;
	struct render_tables l;
	struct xlsx x;
	lxw_workbook_options wo;
	lxw_error err;
	size_t i;
	int fd, st = 0;

	if (!dir || !*dir)
		dir = "/tmp";
	buf_addf(&path, "%s/pulse-render.XXXXXX", dir);
	fd = mkstemp(path.p);
	if (fd < 0) {
		snprintf(msg, msz, "cannot create a temporary file in '%s': %s",
			 dir, strerror(errno));
		buf_release(&path);
		return EX_CANTCREAT;
	}
	close(fd);
	memset(&x, 0, sizeof x);
	memset(&wo, 0, sizeof wo);
	x.o = o;
	hmap_init(&x.money, sizeof(lxw_format *));
	hmap_init(&x.sheets, 0);
	wo.tmpdir = (char *)dir;
	x.wb = workbook_new_opt(path.p, &wo);
	if (!x.wb) {
		snprintf(msg, msz, "cannot create the workbook in '%s'", dir);
		st = EX_CANTCREAT;
		goto out;
	}
	formats(&x);
	render_table_list(r, &l);
	for (i = 0; i < l.n && !st; i++)
		st = put_table(&x, r, &l.t[i], l.text.p + l.t[i].off, msg, msz);
	render_table_list_release(&l);
	if (!st && !l.n && !workbook_add_worksheet(x.wb, NULL)) {
		snprintf(msg, msz, "cannot add a sheet");
		st = EX_SOFTWARE;
	}
	err = workbook_close(x.wb);
	if (!st && err) {
		snprintf(msg, msz, "cannot write the workbook: %s",
			 lxw_strerror(err));
		st = close_status(err);
	}
	if (!st && slurp(path.p, out) < 0) {
		snprintf(msg, msz,
			 "cannot read the workbook back from '%s': %s", path.p,
			 strerror(errno));
		st = EX_IOERR;
	}
	if (!st && x.as_text)
		warn("wrote %llu number%s as text: more digits than Excel keeps, "
		     "or beyond its range (the first: %s)",
		     (unsigned long long)x.as_text, x.as_text == 1 ? "" : "s",
		     x.first_text);
	if (!st && x.cut)
		warn("cut %llu text%s to Excel's %d characters, ending in '…' "
		     "(the first: %s)",
		     (unsigned long long)x.cut, x.cut == 1 ? "" : "s",
		     XLSX_STR_MAX, x.first_cut);
out:
	unlink(path.p);
	buf_release(&path);
	buf_release(&x.text);
	buf_release(&x.fmt);
	hmap_release(&x.money);
	hmap_release(&x.sheets);
	return st;
}
