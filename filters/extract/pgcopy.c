/*
 * pgcopy.c - the engine of pulse-extract pg: the SQL, the connection, the
 * rows of COPY ... TO STDOUT and their records.  See pgcopy.h.
 */
#include "pgcopy.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "err.h"
#include "jw.h"
#include "ptime.h"
#include "sales.h"
#include "show.h"

/* Type oids (server/catalog/pg_type_d.h, stable since PostgreSQL 7). */
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_FLOAT4 700
#define OID_FLOAT8 701
#define OID_TIMESTAMP 1114
#define OID_TIMESTAMPTZ 1184
#define OID_NUMERIC 1700

struct pgcopy {
	const struct pgcopy_opts *o;
	struct pgstate *st; /* from the bookmark, then advanced */
	PGconn *conn;
	struct pgconn *k; /* the connection string and its secrets */
	struct buf who;	  /* "host=... port=... dbname=... user=..." */
	int user_num;	  /* user_id is an integer column */
	int has_amount;
	uint64_t rows;
	struct buf sql, msg, dec, sh2;
	struct sink *out;
	struct report *rep;
	struct buf *err;
};

/* Sets the message of an error.  @return status. */
static int fail(struct pgcopy *x, int status, const char *fmt, ...)
	ERR_PRINTF(3, 4);

static int fail(struct pgcopy *x, int status, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_reset(x->err);
	buf_adds(x->err, msg);
	return status;
}

/* The exit status of a failed command: 69 when the connection is gone or
 * the server refuses service, 65 when the query itself failed. */
static int failure_code(const struct pgcopy *x, const PGresult *res)
{
	const char *state =
		res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;

	if (PQstatus(x->conn) != CONNECTION_OK)
		return EX_UNAVAILABLE;
	if (state &&
	    (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0 ||
	     strncmp(state, "53", 2) == 0))
		return EX_UNAVAILABLE;
	return EX_DATAERR;
}

/*
 * The server's message about res (or the connection's), its password
 * scrubbed, in x->err; res is cleared.  @return the exit status.
 */
static int server_error(struct pgcopy *x, PGresult *res, const char *what)
{
	const char *m = res ? PQresultErrorMessage(res) : "";
	int code = failure_code(x, res);

	if (!m || !*m)
		m = PQerrorMessage(x->conn);
	pgconn_scrub(x->k, m, &x->msg);
	PQclear(res);
	if (code == EX_UNAVAILABLE) {
		if (strcmp(what, "the query failed") == 0)
			what = "lost the connection to the server";
		pgconn_describe(x->conn, &x->who);
		return fail(x, code, "%s (%s): %s", what,
			    x->who.p ? x->who.p : "", x->msg.p ? x->msg.p : "");
	}
	return fail(x, code, "%s: %s", what, x->msg.p ? x->msg.p : "");
}

/* ---- connecting ---------------------------------------------------------- */

int pgcopy_connect(struct pgcopy *x, struct pgconn *k, struct buf *err)
{
	/* later keywords win: the user's string overrides the timeout */
	const char *keys[] = {"connect_timeout", "fallback_application_name",
			      "dbname", NULL};
	const char *vals[] = {"10", "pulse-extract",
			      k->conninfo.p ? k->conninfo.p : "", NULL};
	PGresult *res;

	x->k = k;
	x->err = err;
	x->conn = PQconnectdbParams(keys, vals, 1);
	if (!x->conn)
		return fail(x, EX_OSERR, "cannot allocate a connection");
	if (PQpass(x->conn))
		pgconn_add_secret(k, PQpass(x->conn));
	if (PQstatus(x->conn) != CONNECTION_OK)
		return server_error(x, NULL, "cannot connect to the database");
	if (PQpass(x->conn))
		pgconn_add_secret(k, PQpass(x->conn));
	res = PQexec(x->conn,
		     "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD';"
		     " SET client_encoding = 'UTF8';"
		     " SET extra_float_digits = 3");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return server_error(x, res, "cannot set up the session");
	PQclear(res);
	return 0;
}

/* ---- the SQL ------------------------------------------------------------- */

/* @return 0, or an exit status. */
static int add_literal(struct pgcopy *x, struct buf *b, const char *s, size_t n)
{
	char *lit;

	if (memchr(s, '\0', n))
		return fail(x, EX_DATAERR, "a value for the query holds a NUL");
	lit = PQescapeLiteral(x->conn, s, n);
	if (!lit)
		return server_error(x, NULL, "cannot quote a value");
	buf_adds(b, lit);
	PQfreemem(lit);
	return 0;
}

/* " AND col >= 'since' AND col < 'until' AND (col, id) > ('ts', 'id')" */
static int add_where(struct pgcopy *x, struct buf *b, const char *tscol,
		     const char *idcol, const struct pgstate_mark *m)
{
	int rc;

	if (x->o->since) {
		buf_addf(b, " AND %s >= ", tscol);
		if ((rc = add_literal(x, b, x->o->since,
				      strlen(x->o->since))) != 0)
			return rc;
	}
	if (x->o->until) {
		buf_addf(b, " AND %s < ", tscol);
		if ((rc = add_literal(x, b, x->o->until,
				      strlen(x->o->until))) != 0)
			return rc;
	}
	if (m->set) {
		buf_addf(b, " AND (%s, %s) > (", tscol, idcol);
		if ((rc = add_literal(x, b, m->ts.p, m->ts.len)) != 0)
			return rc;
		buf_adds(b, ", ");
		if ((rc = add_literal(x, b, m->id.p, m->id.len)) != 0)
			return rc;
		buf_adds(b, ")");
	}
	return 0;
}

/*
 * The default SELECT: user_id, ts, event, amount, then the source (0
 * events, 1 payments), the row id and the event_id (for messages).
 */
static int default_sql(struct pgcopy *x, struct buf *b)
{
	int rc;

	buf_adds(b, "SELECT e.user_id, e.created_at, d.name, NULL::numeric, 0,"
		    " e.id, e.event_id FROM events e"
		    " LEFT JOIN events_dict d ON d.id = e.event_id WHERE TRUE");
	if ((rc = add_where(x, b, "e.created_at", "e.id",
			    &x->st->mark[PGSTATE_EVENTS])) != 0)
		return rc;
	buf_adds(b, " UNION ALL SELECT p.user_id, p.created_at, ");
	if ((rc = add_literal(x, b, x->o->payment_event,
			      strlen(x->o->payment_event))) != 0)
		return rc;
	buf_adds(b, "::text, p.amount, 1, p.id, NULL FROM payments p"
		    " WHERE TRUE");
	if ((rc = add_where(x, b, "p.created_at", "p.id",
			    &x->st->mark[PGSTATE_PAYMENTS])) != 0)
		return rc;
	buf_adds(b, " ORDER BY 2, 5, 6");
	return 0;
}

static int add_ident(struct pgcopy *x, struct buf *b, const char *s)
{
	char *id = PQescapeIdentifier(x->conn, s, strlen(s));

	if (!id)
		return server_error(x, NULL, "cannot quote a name");
	buf_adds(b, id);
	PQfreemem(id);
	return 0;
}

/* The user's query without the semicolons and blanks that end it. */
static void user_query(const struct pgcopy *x, struct buf *b)
{
	const char *q = x->o->query;
	size_t n = strlen(q);

	while (n > 0 &&
	       (q[n - 1] == ';' || q[n - 1] == ' ' || q[n - 1] == '\n' ||
		q[n - 1] == '\t' || q[n - 1] == '\r'))
		n--;
	buf_add(b, q, n);
}

/*
 * Prepares sql (unnamed) and describes it into *d.  @return 0, or an exit
 * status when the server rejects it.
 */
static int describe(struct pgcopy *x, const char *sql, PGresult **d)
{
	PGresult *res = PQprepare(x->conn, "", sql, 0, NULL);

	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return server_error(x, res, "the query failed");
	PQclear(res);
	res = PQdescribePrepared(x->conn, "");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return server_error(x, res, "the query failed");
	*d = res;
	return 0;
}

static int is_int_type(Oid t)
{
	return t == OID_INT2 || t == OID_INT4 || t == OID_INT8;
}

static int check_types(struct pgcopy *x, const PGresult *d, int cu, int cts,
		       int camount)
{
	Oid t = PQftype(d, cts);

	x->user_num = is_int_type(PQftype(d, cu));
	if (t != OID_TIMESTAMPTZ && t != OID_TIMESTAMP)
		return fail(x, EX_DATAERR,
			    "column '%s' of the query is not a timestamp (type "
			    "oid %u): cast it, e.g. %s::timestamptz",
			    PQfname(d, cts), (unsigned)t, PQfname(d, cts));
	if (camount >= 0) {
		t = PQftype(d, camount);
		if (!is_int_type(t) && t != OID_NUMERIC && t != OID_FLOAT4 &&
		    t != OID_FLOAT8)
			return fail(x, EX_DATAERR,
				    "column 'amount' of the query is not a "
				    "number (type oid %u)",
				    (unsigned)t);
	}
	return 0;
}

/* The names of the columns of d, for a message. */
static void column_list(const PGresult *d, struct buf *b)
{
	int i;

	buf_reset(b);
	for (i = 0; i < PQnfields(d); i++)
		buf_addf(b, "%s%s", i ? ", " : "", PQfname(d, i));
}

/* The COPY statement of a custom query: its columns found by name. */
static int custom_sql(struct pgcopy *x, struct buf *b)
{
	static const char *const need[] = {"user_id", "ts", "event"};
	struct buf q = BUF_INIT, s = BUF_INIT;
	PGresult *d = NULL;
	int col[3], camount, ckey = -1, i, rc;

	user_query(x, &q);
	buf_adds(&s, "SELECT * FROM (");
	buf_add(&s, q.p, q.len);
	buf_adds(&s, "\n) AS q");
	if ((rc = describe(x, s.p, &d)) != 0)
		goto out;
	for (i = 0; i < 3; i++) {
		col[i] = PQfnumber(d, need[i]);
		if (col[i] < 0) {
			column_list(d, &x->msg);
			rc = fail(x, EX_DATAERR,
				  "the query returns no column '%s' (it "
				  "returns: %s)",
				  need[i], x->msg.p ? x->msg.p : "nothing");
			goto out;
		}
	}
	camount = PQfnumber(d, "amount");
	if (x->o->key) {
		/* PQfnumber folds unquoted names: quote to keep the case */
		buf_reset(&s);
		buf_addf(&s, "\"%s\"", x->o->key);
		ckey = PQfnumber(d, s.p);
		if (ckey < 0) {
			column_list(d, &x->msg);
			rc = fail(x, EX_USAGE,
				  "--key: the query returns no column '%s' "
				  "(it returns: %s)",
				  x->o->key, x->msg.p ? x->msg.p : "nothing");
			goto out;
		}
	}
	if ((rc = check_types(x, d, col[0], col[1], camount)) != 0)
		goto out;
	x->has_amount = camount >= 0;

	buf_adds(b, "SELECT q.user_id, q.ts, q.event, ");
	buf_adds(b, camount >= 0 ? "q.amount" : "NULL::numeric");
	if (x->o->key) {
		buf_adds(b, ", 2, q.");
		if ((rc = add_ident(x, b, x->o->key)) != 0)
			goto out;
	}
	buf_adds(b, " FROM (");
	buf_add(b, q.p, q.len);
	buf_adds(b, "\n) AS q WHERE TRUE");
	buf_reset(&s);
	buf_adds(&s, "q.");
	if (x->o->key && (rc = add_ident(x, &s, x->o->key)) != 0)
		goto out;
	if ((rc = add_where(x, b, "q.ts", s.p, &x->st->mark[PGSTATE_QUERY])) !=
	    0)
		goto out;
	if (x->o->key) {
		buf_adds(b, " ORDER BY q.ts, ");
		buf_add(b, s.p, s.len);
	}
out:
	PQclear(d);
	buf_release(&q);
	buf_release(&s);
	return rc;
}

/* ---- the rows ------------------------------------------------------------ */

static int hexval(char h)
{
	if (h >= '0' && h <= '9')
		return h - '0';
	if ((h | 32) >= 'a' && (h | 32) <= 'f')
		return (h | 32) - 'a' + 10;
	return -1;
}

/* The byte of the escape whose backslash is before p[*i] (COPY text
 * format: \b \f \n \r \t \v, \xHH, \OOO, else the byte itself). */
static char copy_escape(const char *p, size_t n, size_t *i)
{
	char c = p[(*i)++];
	int v, d;

	switch (c) {
	case 'b':
		return '\b';
	case 'f':
		return '\f';
	case 'n':
		return '\n';
	case 'r':
		return '\r';
	case 't':
		return '\t';
	case 'v':
		return '\v';
	case 'x':
		for (v = 0, d = 0; d < 2 && *i < n && hexval(p[*i]) >= 0; d++)
			v = v * 16 + hexval(p[(*i)++]);
		return (char)v;
	default:
		if (c < '0' || c > '7')
			return c;
		for (v = c - '0', d = 1;
		     d < 3 && *i < n && p[*i] >= '0' && p[*i] <= '7'; d++)
			v = v * 8 + p[(*i)++] - '0';
		return (char)v;
	}
}

/*
 * Splits a COPY text row (tab-separated, \N for null, backslash escapes)
 * into at most max (<= 8) fields, decoded into x->dec, each followed by a
 * NUL (a field may hold one too: use fn).  @return the number of fields.
 */
static int copy_fields(struct pgcopy *x, const char *p, size_t n,
		       const char **f, size_t *fn, int max)
{
	size_t i = 0, offs[8];
	int k = 0;

	buf_reset(&x->dec);
	/* decoded bytes and NULs never outnumber the row's bytes plus one */
	buf_grow(&x->dec, n + 1);
	if (n > 0 && p[n - 1] == '\n')
		n--;
	for (;; k++) {
		size_t start = x->dec.len;
		int null = i + 2 <= n && p[i] == '\\' && p[i + 1] == 'N' &&
			   (i + 2 == n || p[i + 2] == '\t');

		if (null) {
			i += 2;
		} else {
			while (i < n && p[i] != '\t') {
				char c = p[i++];
				if (c == '\\' && i < n)
					c = copy_escape(p, n, &i);
				x->dec.p[x->dec.len++] = c;
			}
			x->dec.p[x->dec.len++] = '\0';
		}
		if (k < max) {
			offs[k] = null ? (size_t)-1 : start;
			fn[k] = null ? 0 : x->dec.len - 1 - start;
		}
		if (i >= n)
			break;
		i++; /* the tab */
	}
	k++;
	for (i = 0; i < (size_t)k && i < (size_t)max; i++)
		f[i] = offs[i] == (size_t)-1 ? NULL : x->dec.p + offs[i];
	return k;
}

/* The source of a row of the default query: its fifth field, 0 or 1. */
static int row_src(const char **f, const size_t *fn)
{
	return fn[4] == 1 && f[4] && f[4][0] == '1' ? PGSTATE_PAYMENTS
						    : PGSTATE_EVENTS;
}

/*
 * Adds "row":"events/ID" (payments/ID, query/KEY) to the record that
 * sales_event() just wrote at the end of out, before its "}\n".
 */
static void add_row_id(struct pgcopy *x, struct buf *out, const char **f,
		       const size_t *fn)
{
	static const char *const table[] = {"events/", "payments/"};

	buf_reset(&x->msg);
	buf_adds(&x->msg, x->o->query ? "query/" : table[row_src(f, fn)]);
	if (f[5])
		buf_add(&x->msg, f[5], fn[5]);
	out->len -= 2;
	buf_adds(out, ",\"row\":");
	jw_str(out, x->msg.p, x->msg.len);
	buf_adds(out, "}\n");
}

/* Field i for a message in b, "null" for SQL's null. */
static const char *shown(struct buf *b, const char **f, const size_t *fn, int i)
{
	if (!f[i]) {
		buf_reset(b);
		buf_adds(b, "null");
		return b->p;
	}
	return show(b, f[i], fn[i], (size_t)-1);
}

/* One row.  @return 0, or an exit status. */
static int row(struct pgcopy *x, const char *p, size_t n, int nexpect)
{
	const char *f[7] = {NULL}, *why = NULL;
	size_t fn[7] = {0};
	struct sales_row r;
	struct ptime t;
	int k = copy_fields(x, p, n, f, fn, 7);

	x->rows++;
	if (k != nexpect)
		return fail(x, EX_SOFTWARE, "a COPY row has %d fields, not %d",
			    k, nexpect);
	r.user_id = f[0];
	r.user_idn = fn[0];
	r.user_num = x->user_num;
	r.ts = f[1];
	r.tsn = fn[1];
	r.event = f[2];
	r.eventn = fn[2];
	r.amount = f[3];
	r.amountn = fn[3];
	if (sales_event(&x->out->b, &r, &why) != 0) {
		/* the raw COPY line, without its newline, for quarantine */
		size_t rn = n > 0 && p[n - 1] == '\n' ? n - 1 : n;
		if (!x->o->query && !r.event && f[6])
			report_bad(x->rep, "query", x->rows, p, rn,
				   "event_id %s of events row %s is not in "
				   "events_dict",
				   shown(&x->msg, f, fn, 6),
				   f[5] ? shown(&x->sh2, f, fn, 5) : "?");
		else
			report_bad(x->rep, "query", x->rows, p, rn,
				   "%s (user_id %s, ts %s)", why,
				   shown(&x->msg, f, fn, 0),
				   shown(&x->sh2, f, fn, 1));
	} else if (x->o->row_ids) {
		add_row_id(x, &x->out->b, f, fn);
	}
	/* the bookmark moves past bad rows too (they were reported), but
	 * only to a time: the next run compares with it */
	if (f[1] && f[5] && ptime_parse(f[1], fn[1], &t) == 0) {
		if (x->o->query)
			pgstate_set(&x->st->mark[PGSTATE_QUERY], f[1], fn[1],
				    f[5], fn[5]);
		else
			pgstate_set(&x->st->mark[row_src(f, fn)], f[1], fn[1],
				    f[5], fn[5]);
	}
	sink_commit(x->out);
	return 0;
}

int pgcopy_run(struct pgcopy *x, struct sink *out, struct report *rep,
	       struct buf *err)
{
	struct buf sel = BUF_INIT;
	PGresult *res = NULL;
	char *p;
	int n, nexpect, rc;

	x->out = out;
	x->rep = rep;
	x->err = err;
	if (x->o->query) {
		rc = custom_sql(x, &sel);
		nexpect = x->o->key ? 6 : 4;
	} else {
		rc = default_sql(x, &sel);
		if (!rc)
			rc = describe(x, sel.p, &res);
		if (!rc)
			rc = check_types(x, res, 0, 1, 3);
		PQclear(res);
		nexpect = 7;
	}
	if (rc) {
		buf_release(&sel);
		return rc;
	}
	buf_reset(&x->sql);
	buf_adds(&x->sql, "COPY (");
	buf_add(&x->sql, sel.p, sel.len);
	buf_adds(&x->sql, ") TO STDOUT");
	buf_release(&sel);
	res = PQexec(x->conn, x->sql.p);
	if (PQresultStatus(res) != PGRES_COPY_OUT)
		return server_error(x, res, "the query failed");
	PQclear(res);
	while ((n = PQgetCopyData(x->conn, &p, 0)) > 0) {
		rc = row(x, p, (size_t)n, nexpect);
		PQfreemem(p);
		if (rc)
			return rc;
	}
	if (n == -2)
		return server_error(x, NULL,
				    "lost the connection to the server");
	res = PQgetResult(x->conn);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		return server_error(x, res, "the query failed");
	PQclear(res);
	while ((res = PQgetResult(x->conn)) != NULL)
		PQclear(res);
	return 0;
}

struct pgcopy *pgcopy_new(const struct pgcopy_opts *o, struct pgstate *st)
{
	struct pgcopy *x = xcalloc(1, sizeof *x);

	x->o = o;
	x->st = st;
	return x;
}

void pgcopy_free(struct pgcopy *x)
{
	if (!x)
		return;
	if (x->conn)
		PQfinish(x->conn);
	buf_release(&x->who);
	buf_release(&x->sql);
	buf_release(&x->msg);
	buf_release(&x->dec);
	buf_release(&x->sh2);
	free(x);
}

uint64_t pgcopy_rows(const struct pgcopy *x)
{
	return x->rows;
}
