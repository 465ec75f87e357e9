/*
 * extract_events.c - pulse-extract events: the `event` records of the
 * sales tables (events, events_dict, payments) from dumps instead of the
 * database: CSV with a header (COPY ... TO (FORMAT csv, HEADER), any
 * delimiter) or NDJSON (row_to_json), each plain or zstd.
 *
 * The records are those pulse-extract pg writes from the same rows, in the
 * same order: by time, events before payments at one time, then by row id.
 * By default every row is held (about 80 bytes a row: 630 MB for 7.6 million)
 * and sorted at the end; with --sorted each table's rows must already come in
 * (created_at, id) order, file after file, and the two tables are merged as
 * they are read, in constant memory.
 *
 * CSV has no types: a user_id that is a JSON integer (digits, no leading
 * zero) is written as a number, as it is from a bigint column; in NDJSON
 * it keeps its JSON type.  A table without an id column is numbered in
 * file order.
 */
#include "extract.h"
#include "sales.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "err.h"
#include "hmap.h"
#include "in.h"
#include "json.h"
#include "ptime.h"
#include "record.h"

enum {
	OPT_DICT = CLI_OPT_FIRST_PROGRAM,
	OPT_PAYMENTS,
	OPT_PAYMENT_EVENT,
	OPT_SORTED,
	OPT_ENCODING,
};

static const struct option longopts[] = {
	{"dict", required_argument, NULL, OPT_DICT},
	{"payments", required_argument, NULL, OPT_PAYMENTS},
	{"payment-event", required_argument, NULL, OPT_PAYMENT_EVENT},
	{"sorted", no_argument, NULL, OPT_SORTED},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

/* clang-format off */
static const struct cli_info info = {
	"pulse-extract events",
	"usage: pulse-extract events --dict FILE [--payments FILE] [--sorted] [--encoding ENC] "
	"[options] [events-file ...]",
	"Read dumps of the sales tables events, events_dict and payments (CSV\n"
	"with a header or NDJSON, plain or zstd) and write the `event` records\n"
	"pulse-extract pg writes from the same rows, in the same order.\n"
	"\n"
	"      --dict FILE        the events_dict table (id, name)\n"
	"      --payments FILE    the payments table (id, user_id, amount,\n"
	"                         created_at); repeatable\n"
	"      --payment-event NAME\n"
	"                         the event name of payments (default payment)\n"
	"      --sorted           each table's rows come in (created_at, id)\n"
	"                         order: merge them in constant memory\n"
	"      --encoding ENC     the CSV files' encoding: auto (default: UTF-8,\n"
	"                         or Windows-1251 recognised), utf-8, cp1251\n"
	CLI_HELP_COMMON
	"\n"
	"The events files hold the events table (id, user_id, event_id,\n"
	"created_at).\n",
};
/* clang-format on */

enum { SRC_EVENTS, SRC_PAYMENTS };

#define EV_PAYMENT UINT32_MAX

/* One table read file after file, one row at a time. */
struct cursor {
	int src;
	char **files;
	int nfiles, fi;
	int open, is_csv;
	struct in in;
	struct csv csv;
	long col[4]; /* CSV: id, user_id, event_id or amount, created_at */
	uint64_t rowno;
	struct rec rec;
	const char *where;
	uint64_t line;

	/* the current row */
	int64_t sec, id;
	int32_t nsec;
	uint32_t ev;
	int user_num;
	struct buf user, ts, amount, raw, tmp;
	/* the previous row's key, for --sorted */
	int64_t psec, pid;
	int32_t pnsec;
	int started;
};

/*
 * A held row: its sort key and its text in the arena: user_id (ulen bytes:
 * it may hold a NUL), then ts and amount, each ended by a NUL (checked
 * as a time and a number, they hold none).
 */
struct held {
	int64_t sec, id;
	int32_t nsec;
	uint8_t src, user_num;
	uint32_t ev;
	uint32_t ulen;
	size_t off;
};

struct evx {
	struct cli c;
	enum csv_enc enc;
	const char *payment_event;
	int sorted;
	struct hmap dict; /* int64 id -> uint32 index + 1 */
	struct buf names; /* the names, back to back (a name may hold a NUL) */
	size_t *name_off; /* nnames + 1: name i is [name_off[i], name_off[i+1])
			   */
	size_t nnames;
	struct held *h;
	size_t nh, caph;
	struct buf arena;
};

static const char *const src_table[] = {"events", "payments"};

/* ---- reading a table -------------------------------------------------------
 */

static const char *const csv_cols[2][4] = {
	{"id", "user_id", "event_id", "created_at"},
	{"id", "user_id", "amount", "created_at"},
};

/* Opens the next file; @return 1, or 0 when none is left. */
static int cursor_open(struct evx *x, struct cursor *c)
{
	const char *p;
	size_t n, i;
	int r;

	if (c->fi >= c->nfiles)
		return 0;
	if (in_open(&c->in, c->files[c->fi++], IN_AUTO) != 0)
		die(EX_NOINPUT, "%s", c->in.msg);
	r = in_peek(&c->in, 64, &p, &n);
	if (r < 0)
		die(r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s", c->in.msg);
	for (i = 0; i < n && strchr(" \t\r\n", p[i]); i++)
		;
	c->is_csv = !(i < n && (p[i] == '{' || p[i] == '['));
	c->where = c->in.display;
	c->open = 1;
	if (!c->is_csv)
		return 1;
	csv_adopt(&c->csv, &c->in, 0);
	c->csv.enc = x->enc;
	c->where = c->csv.in.display;
	r = csv_next(&c->csv);
	if (r == IN_EENC)
		die(EX_DATAERR, "%s:%llu: the header: %s", c->where,
		    (unsigned long long)c->csv.in.lineno, c->csv.msg);
	if (r < 0)
		die(r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s", c->csv.msg);
	if (r == IN_EOF)
		return 1; /* an empty file: no header, no rows */
	for (i = 0; i < 4; i++) {
		c->col[i] = csv_find(&c->csv.row, csv_cols[c->src][i]);
		if (c->col[i] < 0 && i > 0)
			die(EX_DATAERR,
			    "%s:%llu: the %s table has no column '%s'",
			    c->where, (unsigned long long)c->csv.in.lineno,
			    src_table[c->src], csv_cols[c->src][i]);
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

/* A field of the current row: *p (NULL for null) and *n.  @return 0, or
 * -1 when the row lacks it. */
struct val {
	const char *p;
	size_t n;
	int json_type; /* NDJSON: enum json_type of the member */
};

static int get_val(struct cursor *c, int i, struct val *v)
{
	static const char *const json_names[2][4] = {
		{"id", "user_id", "event_id", "created_at"},
		{"id", "user_id", "amount", "created_at"},
	};
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
	s = rec_get(&c->rec, json_names[c->src][i]);
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

/*
 * Checks and keeps the current row's values.  @return 0, or -1 after
 * reporting it (cli_bad_at: exits in fail mode).
 */
static int take_row(struct evx *x, struct cursor *c)
{
	int rc;
	static const char *const what[2][4] = {
		{"id", "user_id", "event_id", "created_at"},
		{"id", "user_id", "amount", "created_at"},
	};
	struct val v[4];
	struct ptime t;
	const char *why = NULL;
	int i;

	if (c->is_csv) {
		/* as read, for quarantine */
		buf_reset(&c->raw);
		buf_add(&c->raw, c->csv.raw, c->csv.rawlen);
		c->line = c->csv.in.lineno;
	} else {
		c->line = c->in.lineno;
	}
	for (i = 0; i < 4; i++) {
		if (get_val(c, i, &v[i]) != 0) {
			if (i == 0) { /* no id: numbered in file order */
				v[0].p = NULL;
				v[0].n = 0;
				v[0].json_type = JSON_NONE;
				continue;
			}
			cli_bad_at(&x->c, c->where, c->line, c->raw.p,
				   c->raw.len, "no %s", what[c->src][i]);
			return -1;
		}
		if (i > 0 && !v[i].p) {
			cli_bad_at(&x->c, c->where, c->line, c->raw.p,
				   c->raw.len, "null %s", what[c->src][i]);
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
			cli_bad_at(&x->c, c->where, c->line, c->raw.p,
				   c->raw.len,
				   "event_id %lld is not in events_dict",
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
		c->ev = EV_PAYMENT;
	}
	return 0;
bad:
	cli_bad_at(&x->c, c->where, c->line, c->raw.p, c->raw.len, "%s", why);
	return -1;
}

/* The next good row of the table.  @return 1, or 0 at the end. */
static int cursor_next(struct evx *x, struct cursor *c)
{
	struct json_error e;
	const char *p;
	size_t n;
	int r;

	for (;;) {
		if (!c->open && !cursor_open(x, c))
			return 0;
		if (c->is_csv) {
			r = csv_next(&c->csv);
			if (r == IN_EENC) {
				cli_bad_at(&x->c, c->where, c->csv.in.lineno,
					   c->csv.raw, c->csv.rawlen, "%s",
					   c->csv.msg);
				continue;
			}
			if (r < 0)
				die(r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
				    c->csv.msg);
		} else {
			r = in_next(&c->in, &p, &n);
			if (r == IN_EBAD) {
				cli_bad_at(&x->c, c->where, c->in.lineno, p, n,
					   "%s", c->in.msg);
				continue;
			}
			if (r < 0)
				die(r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
				    c->in.msg);
		}
		if (r == IN_EOF) {
			cursor_close(c);
			continue;
		}
		if (!c->is_csv) {
			buf_reset(&c->raw);
			buf_add(&c->raw, p, n);
			if (rec_parse(&c->rec, c->raw.p, c->raw.len, &e) != 0) {
				n = in_resync(&c->in, p, n, e.off);
				cli_bad_at(&x->c, c->where, c->in.lineno, p, n,
					   "%s (at byte %zu)", e.msg,
					   e.off + 1);
				continue;
			}
		}
		if (take_row(x, c) != 0)
			continue;
		return 1;
	}
}

/* ---- the dictionary ---------------------------------------------------------
 */

static void load_dict(struct evx *x, const char *path)
{
	struct cursor c;
	struct json_error e;
	const char *p;
	size_t n;
	long cid = -1, cname = -1;
	int r;

	memset(&c, 0, sizeof c);
	c.src = SRC_EVENTS;
	rec_init(&c.rec);
	if (in_open(&c.in, path, IN_AUTO) != 0)
		die(EX_NOINPUT, "%s", c.in.msg);
	r = in_peek(&c.in, 64, &p, &n);
	if (r < 0)
		die(r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s", c.in.msg);
	size_t i = 0;
	while (i < n && strchr(" \t\r\n", p[i]))
		i++;
	c.is_csv = !(i < n && (p[i] == '{' || p[i] == '['));
	if (c.is_csv) {
		csv_adopt(&c.csv, &c.in, 0);
		c.csv.enc = x->enc;
	}
	for (;;) {
		struct json_span sid, sname;
		const char *name, *idp;
		size_t namen, idn;
		int64_t id;
		uint32_t *slot;
		int isnew;
		uint64_t line;

		if (c.is_csv) {
			r = csv_next(&c.csv);
			if (r == IN_EENC)
				die(EX_DATAERR, "%s:%llu: %s", path,
				    (unsigned long long)c.csv.in.lineno,
				    c.csv.msg);
			if (r < 0)
				die(r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
				    c.csv.msg);
			if (r == IN_EOF)
				break;
			line = c.csv.in.lineno;
			if (cid < 0) {
				cid = csv_find(&c.csv.row, "id");
				cname = csv_find(&c.csv.row, "name");
				if (cid < 0 || cname < 0)
					die(EX_DATAERR,
					    "%s:%llu: the events_dict table "
					    "needs "
					    "the columns id and name",
					    path, (unsigned long long)line);
				continue;
			}
			if ((size_t)cid >= c.csv.row.n ||
			    (size_t)cname >= c.csv.row.n)
				die(EX_DATAERR, "%s:%llu: a short row", path,
				    (unsigned long long)line);
			idp = c.csv.row.f[cid].p;
			idn = c.csv.row.f[cid].n;
			name = c.csv.row.f[cname].p;
			namen = c.csv.row.f[cname].n;
		} else {
			r = in_next(&c.in, &p, &n);
			if (r == IN_EBAD)
				die(EX_DATAERR, "%s:%llu: %s", path,
				    (unsigned long long)c.in.lineno, c.in.msg);
			if (r < 0)
				die(r == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
				    c.in.msg);
			if (r == IN_EOF)
				break;
			line = c.in.lineno;
			if (rec_parse(&c.rec, p, n, &e) != 0)
				die(EX_DATAERR, "%s:%llu: %s (at byte %zu)",
				    path, (unsigned long long)line, e.msg,
				    e.off + 1);
			sid = rec_get(&c.rec, "id");
			sname = rec_get(&c.rec, "name");
			if (sid.type != JSON_NUMBER ||
			    sname.type != JSON_STRING)
				die(EX_DATAERR,
				    "%s:%llu: an events_dict row needs a "
				    "number "
				    "id and a string name",
				    path, (unsigned long long)line);
			idp = sid.p;
			idn = sid.n;
			buf_reset(&c.tmp);
			json_str_decode(sname, &c.tmp);
			name = c.tmp.p ? c.tmp.p : "";
			namen = c.tmp.len;
		}
		if (parse_i64(idp, idn, &id) != 0)
			die(EX_DATAERR, "%s:%llu: id '%.*s' is not an integer",
			    path, (unsigned long long)line, (int)idn, idp);
		slot = hmap_put(&x->dict, &id, sizeof id, &isnew);
		if (!isnew)
			die(EX_DATAERR, "%s:%llu: id %lld appears twice", path,
			    (unsigned long long)line, (long long)id);
		x->name_off = xrealloc(x->name_off,
				       (x->nnames + 2) * sizeof *x->name_off);
		if (x->nnames == 0)
			x->name_off[0] = 0;
		buf_add(&x->names, name, namen);
		x->name_off[x->nnames + 1] = x->names.len;
		*slot = (uint32_t)++x->nnames;
	}
	if (c.is_csv)
		csv_close(&c.csv);
	else
		in_close(&c.in);
	rec_release(&c.rec);
	buf_release(&c.tmp);
}

/* ---- writing ------------------------------------------------------------- */

static void emit(struct evx *x, const char *user, size_t usern, int user_num,
		 const char *ts, size_t tsn, uint32_t ev, const char *amount,
		 size_t amountn)
{
	struct sales_row r;
	const char *why;

	r.user_id = user;
	r.user_idn = usern;
	r.user_num = user_num;
	r.ts = ts;
	r.tsn = tsn;
	if (ev == EV_PAYMENT) {
		r.event = x->payment_event;
		r.eventn = strlen(x->payment_event);
		r.amount = amount;
		r.amountn = amountn;
	} else {
		r.event = x->names.p + x->name_off[ev];
		r.eventn = x->name_off[ev + 1] - x->name_off[ev];
		r.amount = NULL;
		r.amountn = 0;
	}
	if (sales_event(cli_out(&x->c), &r, &why) != 0)
		die(EX_SOFTWARE, "a checked row failed: %s", why);
	cli_commit(&x->c);
}

static int key_cmp(int64_t s1, int32_t n1, int src1, int64_t id1, int64_t s2,
		   int32_t n2, int src2, int64_t id2)
{
	if (s1 != s2)
		return s1 < s2 ? -1 : 1;
	if (n1 != n2)
		return n1 < n2 ? -1 : 1;
	if (src1 != src2)
		return src1 < src2 ? -1 : 1;
	return (id1 > id2) - (id1 < id2);
}

static int held_cmp(const void *a, const void *b)
{
	const struct held *p = a, *q = b;

	return key_cmp(p->sec, p->nsec, p->src, p->id, q->sec, q->nsec, q->src,
		       q->id);
}

static void hold(struct evx *x, const struct cursor *c)
{
	struct held *h;

	if (x->nh == x->caph) {
		x->caph = x->caph ? x->caph * 2 : 4096;
		x->h = xrealloc(x->h, x->caph * sizeof *x->h);
	}
	h = &x->h[x->nh++];
	h->sec = c->sec;
	h->nsec = c->nsec;
	h->src = (uint8_t)c->src;
	h->id = c->id;
	h->ev = c->ev;
	h->user_num = (uint8_t)c->user_num;
	if (c->user.len > UINT32_MAX)
		die(EX_DATAERR, "%s:%llu: a user_id of over 4 GB", c->where,
		    (unsigned long long)c->line);
	h->ulen = (uint32_t)c->user.len;
	h->off = x->arena.len;
	buf_add(&x->arena, c->user.p, c->user.len);
	buf_add(&x->arena, c->ts.p, c->ts.len);
	buf_addc(&x->arena, '\0');
	if (c->src == SRC_PAYMENTS)
		buf_add(&x->arena, c->amount.p, c->amount.len);
	buf_addc(&x->arena, '\0');
}

static void emit_held(struct evx *x, const struct held *h)
{
	const char *user = x->arena.p + h->off;
	size_t un = h->ulen;
	const char *ts = user + un;
	size_t tn = strlen(ts);
	const char *amount = ts + tn + 1;

	emit(x, user, un, h->user_num, ts, tn, h->ev, amount, strlen(amount));
}

static void emit_cursor(struct evx *x, const struct cursor *c)
{
	emit(x, c->user.p, c->user.len, c->user_num, c->ts.p, c->ts.len, c->ev,
	     c->amount.p, c->amount.len);
}

/* --sorted: the next row of c, checked to be in order.  @return 1 or 0. */
static int next_sorted(struct evx *x, struct cursor *c)
{
	if (!cursor_next(x, c))
		return 0;
	if (c->started && key_cmp(c->sec, c->nsec, 0, c->id, c->psec, c->pnsec,
				  0, c->pid) < 0)
		die(EX_DATAERR,
		    "%s:%llu: the %s rows are not in (created_at, id) order, "
		    "as --sorted wants (drop --sorted to sort them)",
		    c->where, (unsigned long long)c->line, src_table[c->src]);
	c->started = 1;
	c->psec = c->sec;
	c->pnsec = c->nsec;
	c->pid = c->id;
	return 1;
}

static void cursor_init(struct cursor *c, int src, char **files, int n)
{
	static char *stdin_only[] = {"-"};

	memset(c, 0, sizeof *c);
	c->src = src;
	c->files = n > 0 ? files : stdin_only;
	c->nfiles = n > 0 ? n : 1;
	rec_init(&c->rec);
}

static void cursor_release(struct cursor *c)
{
	cursor_close(c);
	rec_release(&c->rec);
	buf_release(&c->user);
	buf_release(&c->ts);
	buf_release(&c->amount);
	buf_release(&c->raw);
	buf_release(&c->tmp);
}

int extract_events_main(int argc, char **argv)
{
	struct evx x;
	struct cursor ce, cp;
	const char *dict = NULL;
	char **pay = xcalloc((size_t)argc + 1, sizeof(char *));
	int npay = 0, opt, status, he, hp;
	size_t i;

	memset(&x, 0, sizeof x);
	cli_init(&x.c, argc, argv, &info);
	x.payment_event = "payment";
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_VERSION) {
			printf("pulse-extract (pulse) %s\n", VERSION);
			exit(fflush(stdout) || ferror(stdout) ? EX_IOERR : 0);
		}
		if (cli_opt(&x.c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_DICT:
			dict = optarg;
			break;
		case OPT_PAYMENTS:
			pay[npay++] = optarg;
			break;
		case OPT_PAYMENT_EVENT:
			x.payment_event = optarg;
			break;
		case OPT_SORTED:
			x.sorted = 1;
			break;
		case OPT_ENCODING:
			if (csv_enc_parse(optarg, &x.enc) < 0)
				cli_usage_error(
					&x.c,
					"invalid --encoding '%s' (auto, utf-8 or cp1251)",
					optarg);
			break;
		default:
			cli_usage(&x.c);
		}
	}
	if (!dict)
		cli_usage_error(&x.c, "--dict FILE is needed: the events_dict "
				      "table names the event ids");
	hmap_init(&x.dict, sizeof(uint32_t));
	load_dict(&x, dict);
	cli_start(&x.c, 0, NULL);
	cursor_init(&ce, SRC_EVENTS, argv + optind, argc - optind);
	cursor_init(&cp, SRC_PAYMENTS, pay, npay);
	if (npay == 0)
		cp.nfiles = 0;

	if (x.sorted) {
		he = next_sorted(&x, &ce);
		hp = next_sorted(&x, &cp);
		while (he || hp) {
			if (he &&
			    (!hp || key_cmp(ce.sec, ce.nsec, 0, ce.id, cp.sec,
					    cp.nsec, 1, cp.id) < 0)) {
				emit_cursor(&x, &ce);
				he = next_sorted(&x, &ce);
			} else {
				emit_cursor(&x, &cp);
				hp = next_sorted(&x, &cp);
			}
		}
	} else {
		while (cursor_next(&x, &ce))
			hold(&x, &ce);
		while (cursor_next(&x, &cp))
			hold(&x, &cp);
		qsort(x.h, x.nh, sizeof *x.h, held_cmp);
		for (i = 0; i < x.nh; i++)
			emit_held(&x, &x.h[i]);
	}
	status = cli_finish(&x.c);
	cursor_release(&ce);
	cursor_release(&cp);
	hmap_release(&x.dict);
	buf_release(&x.names);
	buf_release(&x.arena);
	free(x.name_off);
	free(x.h);
	free(pay);
	return status;
}
