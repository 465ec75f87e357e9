/*
 * events_read.c - the tables of the events engine, read row by row from
 * their dumps (CSV with a header or NDJSON, plain or zstd), and the
 * events_dict table, read whole.  See events.h.
 */
#include "events.h"
#include "events_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "json.h"
#include "ptime.h"
#include "sales.h"
#include "show.h"

const char *const events_table[] = {"events", "payments"};

static const char *const csv_cols[2][4] = {
	{"id", "user_id", "event_id", "created_at"},
	{"id", "user_id", "amount", "created_at"},
};

int events_fail(struct events *x, int status, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_reset(x->err);
	buf_adds(x->err, msg);
	return status;
}

/* A read error's status: 74 for I/O, 65 for the rest. */
static int in_status(int r)
{
	return r == IN_EIO ? EX_IOERR : EX_DATAERR;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Opens path and tells CSV from NDJSON by its first byte that is not
 * blank.  @return 0, 1 when the file is empty (nothing but blanks), or an
 * exit status with the message in x->err.
 */
static int open_dump(struct events *x, struct in *in, const char *path,
		     int *is_csv)
{
	const char *p;
	size_t n, i;
	int r;

	if (in_open(in, path, IN_AUTO) != 0) {
		r = events_fail(x, EX_NOINPUT, "%s", in->msg);
		in_close(in);
		return r;
	}
	r = in_peek(in, 64, &p, &n);
	if (r < 0) {
		r = events_fail(x, in_status(r), "%s", in->msg);
		in_close(in);
		return r;
	}
	for (i = 0; i < n && is_blank(p[i]); i++)
		;
	*is_csv = !(i < n && (p[i] == '{' || p[i] == '['));
	if (i == n && n < 64)
		return 1;
	return 0;
}

/* Opens the next file.  @return 1, 0 when none is left, or -status. */
static int cursor_open(struct events *x, struct cursor *c)
{
	int r;
	size_t i;

	if (c->fi >= c->nfiles)
		return 0;
	r = open_dump(x, &c->in, c->files[c->fi++], &c->is_csv);
	if (r > 1)
		return -r;
	if (r == 1 && c->src == SRC_PAYMENTS) {
		r = events_fail(
			x, EX_DATAERR,
			"%s: an empty file, not a dump of the payments "
			"table (leave --payments out when there are none)",
			c->in.display);
		in_close(&c->in);
		return -r;
	}
	c->where = c->in.display;
	c->open = 1;
	c->first = 1;
	if (!c->is_csv)
		return 1;
	csv_adopt(&c->csv, &c->in, 0);
	c->csv.enc = x->enc;
	c->where = c->csv.in.display;
	r = csv_next(&c->csv);
	if (r == IN_EENC)
		return -events_fail(
			x, EX_DATAERR, "%s:%llu: the header: %s", c->where,
			(unsigned long long)c->csv.in.lineno, c->csv.msg);
	if (r < 0)
		return -events_fail(x, in_status(r), "%s", c->csv.msg);
	if (r == IN_EOF)
		return 1; /* an empty file: no header, no rows */
	for (i = 0; i < 4; i++) {
		c->col[i] = csv_find(&c->csv.row, csv_cols[c->src][i]);
		if (c->col[i] < 0 && i > 0)
			return -events_fail(
				x, EX_DATAERR,
				"%s:%llu: the %s table has no column '%s'",
				c->where, (unsigned long long)c->csv.in.lineno,
				events_table[c->src], csv_cols[c->src][i]);
	}
	return 1;
}

static void cursor_close(struct cursor *c)
{
	if (!c->open)
		return;
	if (c->is_csv)
		csv_close(&c->csv);
	else
		in_close(&c->in);
	c->open = 0;
}

/* A field of the current row: *p (NULL for null) and *n. */
struct val {
	const char *p;
	size_t n;
	int json_type; /* NDJSON: enum json_type of the member */
};

/* @return 0, or -1 when the row lacks field i. */
static int get_val(struct cursor *c, int i, struct val *v)
{
	struct json_span s;

	if (c->is_csv) {
		if (c->col[i] < 0 || (size_t)c->col[i] >= c->csv.row.n)
			return -1;
		const struct csv_field *f = &c->csv.row.f[c->col[i]];
		/* COPY ... CSV writes null as an empty unquoted field */
		v->p = f->n == 0 && !f->quoted ? NULL : f->p;
		v->n = f->n;
		v->json_type = JSON_STRING;
		return 0;
	}
	s = rec_get(&c->rec, csv_cols[c->src][i]);
	if (s.type == JSON_NONE)
		return -1;
	v->json_type = s.type;
	if (s.type == JSON_NULL) {
		v->p = NULL;
		v->n = 0;
	} else if (s.type == JSON_STRING) {
		struct buf *b = i == 1	 ? &c->user
				: i == 2 ? &c->amount
				: i == 3 ? &c->ts
					 : &c->tmp;
		buf_reset(b);
		json_str_decode(s, b);
		v->p = b->p ? b->p : "";
		v->n = b->len;
	} else {
		v->p = s.p;
		v->n = s.n;
	}
	return 0;
}

static int parse_i64(const char *p, size_t n, int64_t *out)
{
	int64_t v = 0;
	size_t i = 0;
	int neg = 0;

	if (n > 0 && p[0] == '-') {
		neg = 1;
		i = 1;
	}
	if (i >= n || n - i > 18)
		return -1;
	for (; i < n; i++) {
		if (p[i] < '0' || p[i] > '9')
			return -1;
		v = v * 10 + (p[i] - '0');
	}
	*out = neg ? -v : v;
	return 0;
}

static void bad_row(struct events *x, const struct cursor *c, const char *fmt,
		    ...) ERR_PRINTF(3, 4);

static void bad_row(struct events *x, const struct cursor *c, const char *fmt,
		    ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	x->rep->bad(x->rep, c->where, c->line, c->raw.p, c->raw.len, msg);
}

/*
 * An NDJSON file's first row that is a row of the other table (the events
 * given as payments): the file is not a dump of its table.  @return 0 or
 * an exit status.
 */
static int check_first(struct events *x, struct cursor *c)
{
	const char *mine = csv_cols[c->src][2];
	const char *other = csv_cols[!c->src][2];

	c->first = 0;
	if (rec_get(&c->rec, mine).type != JSON_NONE ||
	    rec_get(&c->rec, other).type == JSON_NONE)
		return 0;
	return events_fail(x, EX_DATAERR,
			   "%s:%llu: a row of the %s table (it has '%s', no "
			   "'%s'), not of %s",
			   c->where, (unsigned long long)c->line,
			   events_table[!c->src], other, mine,
			   events_table[c->src]);
}

/*
 * Checks and keeps the current row's values.  @return 0, or -1 after
 * reporting it.
 */
static int take_row(struct events *x, struct cursor *c)
{
	int rc = 0;
	struct val v[4];
	struct ptime t;
	const char *why = NULL;
	int i;

	for (i = 0; i < 4; i++) {
		if (get_val(c, i, &v[i]) != 0) {
			if (i == 0) { /* no id: numbered in file order */
				v[0].p = NULL;
				v[0].n = 0;
				v[0].json_type = JSON_NONE;
				continue;
			}
			bad_row(x, c, "no %s", csv_cols[c->src][i]);
			return -1;
		}
		if (i > 0 && !v[i].p) {
			bad_row(x, c, "null %s", csv_cols[c->src][i]);
			return -1;
		}
	}
	c->rowno++;
	if (v[0].json_type == JSON_NONE) {
		c->id = (int64_t)c->rowno;
	} else if (!v[0].p || parse_i64(v[0].p, v[0].n, &c->id) != 0) {
		why = "id is not an integer";
		goto bad;
	}
	/* user_id */
	c->user_num = c->is_csv ? sales_is_number(v[1].p, v[1].n, 1)
				: v[1].json_type == JSON_NUMBER;
	if (!c->is_csv && v[1].json_type != JSON_NUMBER &&
	    v[1].json_type != JSON_STRING) {
		why = "user_id is not a number or a string";
		goto bad;
	}
	if (c->user_num && !sales_is_number(v[1].p, v[1].n, 1)) {
		why = "user_id is not an integer";
		goto bad;
	}
	if (v[1].p != c->user.p) {
		buf_reset(&c->user);
		buf_add(&c->user, v[1].p, v[1].n);
	}
	/* created_at */
	if (v[3].p != c->ts.p) {
		buf_reset(&c->ts);
		buf_add(&c->ts, v[3].p, v[3].n);
	}
	if (c->ts.len < 19 || (rc = ptime_parse(c->ts.p, c->ts.len, &t)) != 0) {
		why = c->ts.len >= 19 && rc == PTIME_ERANGE
			      ? "created_at out of range (years 0001 to 9999)"
			      : "created_at is not a time";
		goto bad;
	}
	c->sec = t.sec;
	c->nsec = t.nsec;
	/* event_id or amount */
	if (c->src == SRC_EVENTS) {
		int64_t eid;
		uint32_t *idx;
		if (parse_i64(v[2].p, v[2].n, &eid) != 0) {
			why = "event_id is not an integer";
			goto bad;
		}
		idx = hmap_get(&x->dict, &eid, sizeof eid);
		if (!idx) {
			bad_row(x, c, "event_id %lld is not in events_dict",
				(long long)eid);
			return -1;
		}
		c->ev = *idx - 1;
	} else {
		if (v[2].p != c->amount.p) {
			buf_reset(&c->amount);
			buf_add(&c->amount, v[2].p, v[2].n);
		}
		if (!sales_is_number(c->amount.p, c->amount.len, 0)) {
			why = "amount is not a number";
			goto bad;
		}
		if (!sales_is_finite(c->amount.p, c->amount.len)) {
			why = "amount is out of range (not a finite number)";
			goto bad;
		}
		c->ev = EV_PAYMENT;
	}
	return 0;
bad:
	bad_row(x, c, "%s", why);
	return -1;
}

int events_cursor_next(struct events *x, struct cursor *c)
{
	struct json_error e;
	const char *p;
	size_t n;
	int r;

	for (;;) {
		if (!c->open && (r = cursor_open(x, c)) <= 0)
			return r;
		if (c->is_csv) {
			r = csv_next(&c->csv);
			if (r == IN_EENC) {
				x->rep->bad(x->rep, c->where, c->csv.in.lineno,
					    c->csv.raw, c->csv.rawlen,
					    c->csv.msg);
				continue;
			}
			if (r < 0)
				return -events_fail(x, in_status(r), "%s",
						    c->csv.msg);
		} else {
			r = in_next(&c->in, &p, &n);
			if (r == IN_EBAD) {
				x->rep->bad(x->rep, c->where, c->in.lineno, p,
					    n, c->in.msg);
				continue;
			}
			if (r < 0)
				return -events_fail(x, in_status(r), "%s",
						    c->in.msg);
		}
		if (r == IN_EOF) {
			cursor_close(c);
			continue;
		}
		if (c->is_csv) {
			/* as read, for quarantine */
			buf_reset(&c->raw);
			buf_add(&c->raw, c->csv.raw, c->csv.rawlen);
			c->line = c->csv.in.lineno;
		} else {
			buf_reset(&c->raw);
			buf_add(&c->raw, p, n);
			c->line = c->in.lineno;
			if (rec_parse(&c->rec, c->raw.p, c->raw.len, &e) != 0) {
				char msg[300];

				n = in_resync(&c->in, p, n, e.off);
				snprintf(msg, sizeof msg, "%s (at byte %zu)",
					 e.msg, e.off + 1);
				x->rep->bad(x->rep, c->where, c->in.lineno, p,
					    n, msg);
				continue;
			}
			if (c->first && (r = check_first(x, c)) != 0)
				return -r;
		}
		if (take_row(x, c) != 0)
			continue;
		return 1;
	}
}

void events_cursor_init(struct cursor *c, int src, char **files, int n)
{
	static char *stdin_only[] = {"-"};

	memset(c, 0, sizeof *c);
	c->src = src;
	c->files = n > 0 ? files : stdin_only;
	c->nfiles = n > 0 ? n : 1;
	rec_init(&c->rec);
}

void events_cursor_release(struct cursor *c)
{
	cursor_close(c);
	rec_release(&c->rec);
	buf_release(&c->user);
	buf_release(&c->ts);
	buf_release(&c->amount);
	buf_release(&c->raw);
	buf_release(&c->tmp);
}

/* ---- the dictionary ------------------------------------------------------ */

/* Takes one id and name.  @return 0, or an exit status. */
static int dict_add(struct events *x, const char *path, uint64_t line,
		    const char *idp, size_t idn, const char *name, size_t namen)
{
	int64_t id;
	uint32_t *slot;
	int isnew;

	if (parse_i64(idp, idn, &id) != 0) {
		struct buf sh = BUF_INIT;
		int rc = events_fail(x, EX_DATAERR,
				     "%s:%llu: id '%s' is not an integer", path,
				     (unsigned long long)line,
				     show(&sh, idp, idn, (size_t)-1));

		buf_release(&sh);
		return rc;
	}
	slot = hmap_put(&x->dict, &id, sizeof id, &isnew);
	if (!isnew)
		return events_fail(x, EX_DATAERR,
				   "%s:%llu: id %lld appears twice", path,
				   (unsigned long long)line, (long long)id);
	x->name_off =
		xrealloc(x->name_off, (x->nnames + 2) * sizeof *x->name_off);
	if (x->nnames == 0)
		x->name_off[0] = 0;
	buf_add(&x->names, name, namen);
	x->name_off[x->nnames + 1] = x->names.len;
	*slot = (uint32_t)++x->nnames;
	return 0;
}

/* The rows of a CSV events_dict.  @return 0 or an exit status. */
static int dict_csv(struct events *x, struct csv *cv, const char *path)
{
	long cid = -1, cname = -1;
	uint64_t line;
	int r;

	while ((r = csv_next(cv)) != IN_EOF) {
		if (r == IN_EENC)
			return events_fail(x, EX_DATAERR, "%s:%llu: %s", path,
					   (unsigned long long)cv->in.lineno,
					   cv->msg);
		if (r < 0)
			return events_fail(x, in_status(r), "%s", cv->msg);
		line = cv->in.lineno;
		if (cid < 0) {
			cid = csv_find(&cv->row, "id");
			cname = csv_find(&cv->row, "name");
			if (cid < 0 || cname < 0)
				return events_fail(
					x, EX_DATAERR,
					"%s:%llu: the events_dict table needs "
					"the columns id and name",
					path, (unsigned long long)line);
			continue;
		}
		if ((size_t)cid >= cv->row.n || (size_t)cname >= cv->row.n)
			return events_fail(x, EX_DATAERR,
					   "%s:%llu: a short row", path,
					   (unsigned long long)line);
		r = dict_add(x, path, line, cv->row.f[cid].p, cv->row.f[cid].n,
			     cv->row.f[cname].p, cv->row.f[cname].n);
		if (r)
			return r;
	}
	return 0;
}

/* The rows of an NDJSON events_dict.  @return 0 or an exit status. */
static int dict_json(struct events *x, struct in *in, const char *path)
{
	struct rec rec = REC_INIT;
	struct buf name = BUF_INIT;
	struct json_error e;
	struct json_span sid, sname;
	const char *p;
	size_t n;
	uint64_t line;
	int r, rc = 0;

	while ((r = in_next(in, &p, &n)) != IN_EOF) {
		if (r == IN_EBAD) {
			rc = events_fail(x, EX_DATAERR, "%s:%llu: %s", path,
					 (unsigned long long)in->lineno,
					 in->msg);
			break;
		}
		if (r < 0) {
			rc = events_fail(x, in_status(r), "%s", in->msg);
			break;
		}
		line = in->lineno;
		if (rec_parse(&rec, p, n, &e) != 0) {
			rc = events_fail(x, EX_DATAERR,
					 "%s:%llu: %s (at byte %zu)", path,
					 (unsigned long long)line, e.msg,
					 e.off + 1);
			break;
		}
		sid = rec_get(&rec, "id");
		sname = rec_get(&rec, "name");
		if (sid.type != JSON_NUMBER || sname.type != JSON_STRING) {
			rc = events_fail(x, EX_DATAERR,
					 "%s:%llu: an events_dict row needs a "
					 "number id and a string name",
					 path, (unsigned long long)line);
			break;
		}
		buf_reset(&name);
		json_str_decode(sname, &name);
		rc = dict_add(x, path, line, sid.p, sid.n, name.p ? name.p : "",
			      name.len);
		if (rc)
			break;
	}
	rec_release(&rec);
	buf_release(&name);
	return rc;
}

int events_load_dict(struct events *x, const char *path, struct buf *err)
{
	struct in in;
	struct csv cv;
	int is_csv = 0, r;

	x->err = err;
	r = open_dump(x, &in, path, &is_csv);
	if (r > 1)
		return r;
	if (is_csv) {
		csv_adopt(&cv, &in, 0);
		cv.enc = x->enc;
		r = dict_csv(x, &cv, path);
		csv_close(&cv);
	} else {
		r = dict_json(x, &in, path);
		in_close(&in);
	}
	if (!r && !x->nnames)
		r = events_fail(x, EX_DATAERR,
				"%s: no events in it (--dict reads the "
				"events_dict table: id and name)",
				strcmp(path, "-") == 0 ? "<stdin>" : path);
	return r;
}
