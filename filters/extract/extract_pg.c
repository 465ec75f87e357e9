/*
 * extract_pg.c - pulse-extract pg: `event` records from PostgreSQL through
 * libpq.
 *
 * The rows come through COPY (SELECT ...) TO STDOUT in text format, one
 * row in memory at a time, so a table of any size passes in bounded
 * memory.  The SELECT is first prepared and described, which checks the
 * query and gives the column types (a user_id of an integer type is
 * written as a JSON number, any other as a string) before any row moves.
 *
 * The default query reads the tables of the sales-analytics task:
 * events (id, user_id, event_id, created_at) with each event_id's name from
 * events_dict (id, name), and payments (id, user_id, amount, created_at) as
 * events named "payment" (--payment-event) with their amount, ordered by
 * created_at, then events before payments, then id.  --query runs the
 * user's SELECT, whose columns user_id, ts and event (and amount) are
 * found by name.
 *
 * The bookmark (--state FILE, pgstate.h) is the last (created_at, id)
 * read of each table (of (ts, KEY) with --query --key KEY), as the server
 * printed them; the next run asks for the rows after it, (created_at, id)
 * > (last), so a run that stopped between rows sharing one time loses
 * none of them and repeats none.  It is written (atomically) only after
 * every row was written and the output closed, to --state's file or to
 * --state-to's.  A damaged bookmark is exit 65, never a first run; --full
 * starts over without reading it.  --row-ids names each record's source
 * row ("row":"events/17"), which is what pulse-daily's archive knows its
 * events by.
 *
 * The session runs in UTC (SET TimeZone): a timestamptz comes as
 * "2025-03-01 10:15:00+00" and is written "2025-03-01T10:15:00Z"; a
 * timestamp without time zone has no offset and stays naive.
 *
 * The connection string comes from --db-file FILE (its first line), or
 * --db (which may not hold a password: a command line is visible to every
 * local user in ps), or $PULSE_DB, else libpq's defaults (PG* variables,
 * ~/.pgpass, a service file).
 *
 * Errors: a server that cannot be reached or a connection lost on the way
 * exits 69, a failing query 65, each with the server's message.  No
 * message shows the password: the connection is named by its host, port,
 * database and user only, and the password's text is cut from whatever
 * libpq says.
 */
#include "extract.h"
#include "sales.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>

#include "cli.h"
#include "err.h"
#include "json.h"
#include "jw.h"
#include "pgconn.h"
#include "pgstate.h"
#include "ptime.h"
#include "record.h"

/* Type oids (server/catalog/pg_type_d.h, stable since PostgreSQL 7). */
#define OID_INT8 20
#define OID_INT2 21
#define OID_INT4 23
#define OID_FLOAT4 700
#define OID_FLOAT8 701
#define OID_TIMESTAMP 1114
#define OID_TIMESTAMPTZ 1184
#define OID_NUMERIC 1700

enum {
	OPT_DB = CLI_OPT_FIRST_PROGRAM,
	OPT_DB_FILE,
	OPT_QUERY,
	OPT_SINCE,
	OPT_UNTIL,
	OPT_STATE,
	OPT_STATE_TO,
	OPT_FULL,
	OPT_ROW_IDS,
	OPT_KEY,
	OPT_PAYMENT_EVENT,
};

static const struct option longopts[] = {
	{"db", required_argument, NULL, OPT_DB},
	{"db-file", required_argument, NULL, OPT_DB_FILE},
	{"query", required_argument, NULL, OPT_QUERY},
	{"since", required_argument, NULL, OPT_SINCE},
	{"until", required_argument, NULL, OPT_UNTIL},
	{"state", required_argument, NULL, OPT_STATE},
	{"state-to", required_argument, NULL, OPT_STATE_TO},
	{"full", no_argument, NULL, OPT_FULL},
	{"row-ids", no_argument, NULL, OPT_ROW_IDS},
	{"key", required_argument, NULL, OPT_KEY},
	{"payment-event", required_argument, NULL, OPT_PAYMENT_EVENT},
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

/* clang-format off */
static const struct cli_info info = {
	"pulse-extract pg",
	"usage: pulse-extract pg [--db-file FILE | --db CONNINFO] "
	"[--query SQL [--key COLUMN]] [--since TIME] [--until TIME] "
	"[--state FILE [--state-to FILE] [--full]] [--row-ids] [options]",
	"Read sales events from PostgreSQL and write `event` records.\n"
	"By default: the tables events, events_dict and payments (payments as\n"
	"events named 'payment' with their amount), by time.\n"
	"\n"
	"      --db-file FILE     read the connection string (libpq key=value or\n"
	"                         URI, with the password if any) from FILE\n"
	"      --db CONNINFO      a connection string without a password: a\n"
	"                         command line is visible to every local user\n"
	"                         (default: $PULSE_DB, else the PG* variables,\n"
	"                         ~/.pgpass, a service file)\n"
	"      --query SQL        run this SELECT instead; it returns the columns\n"
	"                         user_id, ts, event and, for payments, amount\n"
	"      --key COLUMN       with --query: a column that orders rows of one\n"
	"                         ts (a row id); needed by --state\n"
	"      --since TIME       only rows with ts >= TIME\n"
	"      --until TIME       only rows with ts < TIME\n"
	"      --state FILE       a bookmark: read only the rows after the last\n"
	"                         run's; FILE is updated when the run succeeds\n"
	"      --state-to FILE    write the new bookmark to FILE instead\n"
	"      --full             read every row, as on a first run (the\n"
	"                         bookmark is not read; a damaged one is exit 65)\n"
	"      --row-ids          name each record's source row: \"row\":\n"
	"                         \"events/ID\", \"payments/ID\" or \"query/KEY\"\n"
	"      --payment-event NAME\n"
	"                         the event name of payments (default payment)\n"
	CLI_HELP_COMMON
	"\n"
	"Exit status 69: the server cannot be reached or the connection was\n"
	"lost; 65: the query failed, or the bookmark is damaged.\n",
};
/* clang-format on */

struct opts {
	const char *db;
	const char *db_file;
	const char *query;
	const char *key;
	const char *since, *until;
	const char *state;
	const char *state_to;
	int full;
	int row_ids;
	const char *payment_event;
};

struct pg {
	struct cli c;
	struct opts o;
	PGconn *conn;
	struct pgconn k;   /* the connection string and its secrets */
	struct buf who;	   /* "host=... port=... dbname=... user=..." */
	struct pgstate st; /* from the bookmark, then advanced */
	int user_num;	   /* user_id is an integer column */
	int has_amount;
	uint64_t rows;
	struct buf sql, msg, dec;
};

/* The exit status of a failed command: 69 when the connection is gone or
 * the server refuses service, 65 when the query itself failed. */
static int failure_code(const struct pg *x, const PGresult *res)
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

/* Dies with the server's message about res (or the connection's). */
static _Noreturn void pg_die(struct pg *x, PGresult *res, const char *what)
{
	const char *m = res ? PQresultErrorMessage(res) : "";
	int code = failure_code(x, res);

	if (!m || !*m)
		m = PQerrorMessage(x->conn);
	cli_flush(&x->c);
	pgconn_scrub(&x->k, m, &x->msg);
	if (code == EX_UNAVAILABLE) {
		if (strcmp(what, "the query failed") == 0)
			what = "lost the connection to the server";
		pgconn_describe(x->conn, &x->who);
		die(code, "%s (%s): %s", what, x->who.p ? x->who.p : "",
		    x->msg.p ? x->msg.p : "");
	}
	die(code, "%s: %s", what, x->msg.p ? x->msg.p : "");
}

/* ---- connecting ------------------------------------------------------------
 */

/* Finds the connection string; dies when it cannot be used. */
static void conn_setup(struct pg *x)
{
	struct buf err = BUF_INIT, warning = BUF_INIT;
	int code = 0;

	if (pgconn_find(&x->k, x->o.db, x->o.db_file, &err, &warning, &code) <
	    0) {
		if (code == EX_USAGE && x->o.db)
			cli_usage_error(&x->c, "%s", err.p);
		die(code, "%s", err.p);
	}
	if (warning.len)
		warn("%s", warning.p);
	buf_release(&err);
	buf_release(&warning);
}

static void pg_connect(struct pg *x)
{
	/* later keywords win: the user's string overrides the timeout */
	const char *keys[] = {"connect_timeout", "fallback_application_name",
			      "dbname", NULL};
	const char *vals[] = {"10", "pulse-extract",
			      x->k.conninfo.p ? x->k.conninfo.p : "", NULL};
	PGresult *res;

	x->conn = PQconnectdbParams(keys, vals, 1);
	if (!x->conn)
		die(EX_OSERR, "cannot allocate a connection");
	if (PQpass(x->conn))
		pgconn_add_secret(&x->k, PQpass(x->conn));
	if (PQstatus(x->conn) != CONNECTION_OK)
		pg_die(x, NULL, "cannot connect to the database");
	if (PQpass(x->conn))
		pgconn_add_secret(&x->k, PQpass(x->conn));
	res = PQexec(x->conn,
		     "SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD';"
		     " SET client_encoding = 'UTF8';"
		     " SET extra_float_digits = 3");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		pg_die(x, res, "cannot set up the session");
	PQclear(res);
}

/* ---- the SQL ----------------------------------------------------------------
 */

static void add_literal(struct pg *x, struct buf *b, const char *s, size_t n)
{
	char *lit = PQescapeLiteral(x->conn, s, n);

	if (!lit)
		pg_die(x, NULL, "cannot quote a value");
	buf_adds(b, lit);
	PQfreemem(lit);
}

/* " AND col >= 'since' AND col < 'until' AND (col, id) > ('ts', 'id')" */
static void add_where(struct pg *x, struct buf *b, const char *tscol,
		      const char *idcol, const struct pgstate_mark *m)
{
	if (x->o.since) {
		buf_addf(b, " AND %s >= ", tscol);
		add_literal(x, b, x->o.since, strlen(x->o.since));
	}
	if (x->o.until) {
		buf_addf(b, " AND %s < ", tscol);
		add_literal(x, b, x->o.until, strlen(x->o.until));
	}
	if (m->set) {
		buf_addf(b, " AND (%s, %s) > (", tscol, idcol);
		add_literal(x, b, m->ts.p, m->ts.len);
		buf_adds(b, ", ");
		add_literal(x, b, m->id.p, m->id.len);
		buf_adds(b, ")");
	}
}

/*
 * The default SELECT: user_id, ts, event, amount, then the source (0
 * events, 1 payments), the row id and the event_id (for messages).
 */
static void default_sql(struct pg *x, struct buf *b)
{
	buf_adds(b, "SELECT e.user_id, e.created_at, d.name, NULL::numeric, 0,"
		    " e.id, e.event_id FROM events e"
		    " LEFT JOIN events_dict d ON d.id = e.event_id WHERE TRUE");
	add_where(x, b, "e.created_at", "e.id", &x->st.mark[PGSTATE_EVENTS]);
	buf_adds(b, " UNION ALL SELECT p.user_id, p.created_at, ");
	add_literal(x, b, x->o.payment_event, strlen(x->o.payment_event));
	buf_adds(b, "::text, p.amount, 1, p.id, NULL FROM payments p"
		    " WHERE TRUE");
	add_where(x, b, "p.created_at", "p.id", &x->st.mark[PGSTATE_PAYMENTS]);
	buf_adds(b, " ORDER BY 2, 5, 6");
}

static void add_ident(struct pg *x, struct buf *b, const char *s)
{
	char *id = PQescapeIdentifier(x->conn, s, strlen(s));

	if (!id)
		pg_die(x, NULL, "cannot quote a name");
	buf_adds(b, id);
	PQfreemem(id);
}

/* The user's query without the semicolons and blanks that end it. */
static void user_query(const struct pg *x, struct buf *b)
{
	size_t n = strlen(x->o.query);

	while (n > 0 &&
	       (x->o.query[n - 1] == ';' || x->o.query[n - 1] == ' ' ||
		x->o.query[n - 1] == '\n' || x->o.query[n - 1] == '\t' ||
		x->o.query[n - 1] == '\r'))
		n--;
	buf_add(b, x->o.query, n);
}

/* Prepares sql (unnamed) and describes it; dies when the server rejects
 * it. */
static PGresult *describe(struct pg *x, const char *sql)
{
	PGresult *res = PQprepare(x->conn, "", sql, 0, NULL);

	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		pg_die(x, res, "the query failed");
	PQclear(res);
	res = PQdescribePrepared(x->conn, "");
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		pg_die(x, res, "the query failed");
	return res;
}

static int is_int_type(Oid t)
{
	return t == OID_INT2 || t == OID_INT4 || t == OID_INT8;
}

static void check_types(struct pg *x, const PGresult *d, int cu, int cts,
			int camount)
{
	Oid t = PQftype(d, cts);

	x->user_num = is_int_type(PQftype(d, cu));
	if (t != OID_TIMESTAMPTZ && t != OID_TIMESTAMP)
		die(EX_DATAERR,
		    "column '%s' of the query is not a timestamp (type oid "
		    "%u): "
		    "cast it, e.g. %s::timestamptz",
		    PQfname(d, cts), (unsigned)t, PQfname(d, cts));
	if (camount >= 0) {
		t = PQftype(d, camount);
		if (!is_int_type(t) && t != OID_NUMERIC && t != OID_FLOAT4 &&
		    t != OID_FLOAT8)
			die(EX_DATAERR,
			    "column 'amount' of the query is not a number "
			    "(type "
			    "oid %u)",
			    (unsigned)t);
	}
}

/* The names of the columns of d, for a message. */
static void column_list(const PGresult *d, struct buf *b)
{
	int i;

	buf_reset(b);
	for (i = 0; i < PQnfields(d); i++)
		buf_addf(b, "%s%s", i ? ", " : "", PQfname(d, i));
}

/* The COPY statement of --query: its columns found by name. */
static void custom_sql(struct pg *x, struct buf *b)
{
	static const char *const need[] = {"user_id", "ts", "event"};
	struct buf q = BUF_INIT, s = BUF_INIT;
	PGresult *d;
	int col[3], camount, ckey = -1, i;

	user_query(x, &q);
	buf_adds(&s, "SELECT * FROM (");
	buf_add(&s, q.p, q.len);
	buf_adds(&s, "\n) AS q");
	d = describe(x, s.p);
	for (i = 0; i < 3; i++) {
		col[i] = PQfnumber(d, need[i]);
		if (col[i] < 0) {
			column_list(d, &x->msg);
			die(EX_DATAERR,
			    "the query returns no column '%s' (it returns: %s)",
			    need[i], x->msg.p ? x->msg.p : "nothing");
		}
	}
	camount = PQfnumber(d, "amount");
	if (x->o.key) {
		/* PQfnumber folds unquoted names: quote to keep the case */
		buf_reset(&s);
		buf_addf(&s, "\"%s\"", x->o.key);
		ckey = PQfnumber(d, s.p);
		if (ckey < 0) {
			column_list(d, &x->msg);
			die(EX_USAGE,
			    "--key: the query returns no column '%s' (it "
			    "returns: %s)",
			    x->o.key, x->msg.p ? x->msg.p : "nothing");
		}
	}
	check_types(x, d, col[0], col[1], camount);
	x->has_amount = camount >= 0;
	PQclear(d);

	buf_adds(b, "SELECT q.user_id, q.ts, q.event, ");
	buf_adds(b, camount >= 0 ? "q.amount" : "NULL::numeric");
	if (x->o.key) {
		buf_adds(b, ", 2, q.");
		add_ident(x, b, x->o.key);
	}
	buf_adds(b, " FROM (");
	buf_add(b, q.p, q.len);
	buf_adds(b, "\n) AS q WHERE TRUE");
	buf_reset(&s);
	buf_adds(&s, "q.");
	if (x->o.key)
		add_ident(x, &s, x->o.key);
	add_where(x, b, "q.ts", s.p, &x->st.mark[PGSTATE_QUERY]);
	if (x->o.key) {
		buf_adds(b, " ORDER BY q.ts, ");
		buf_add(b, s.p, s.len);
	}
	buf_release(&q);
	buf_release(&s);
}

/* ---- the rows -------------------------------------------------------------
 */

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
 * NUL.  @return the number of fields.
 */
static int copy_fields(struct pg *x, const char *p, size_t n, const char **f,
		       size_t *fn, int max)
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
static void add_row_id(struct pg *x, struct buf *out, const char **f,
		       const size_t *fn)
{
	static const char *const table[] = {"events/", "payments/"};

	buf_reset(&x->msg);
	buf_adds(&x->msg, x->o.query ? "query/" : table[row_src(f, fn)]);
	if (f[5])
		buf_add(&x->msg, f[5], fn[5]);
	out->len -= 2;
	buf_adds(out, ",\"row\":");
	jw_str(out, x->msg.p, x->msg.len);
	buf_adds(out, "}\n");
}

static void row(struct pg *x, const char *p, size_t n, int nexpect)
{
	const char *f[7] = {NULL}, *why = NULL;
	size_t fn[7] = {0};
	struct sales_row r;
	struct ptime t;
	int k = copy_fields(x, p, n, f, fn, 7);

	x->rows++;
	if (k != nexpect)
		die(EX_SOFTWARE, "a COPY row has %d fields, not %d", k,
		    nexpect);
	r.user_id = f[0];
	r.user_idn = fn[0];
	r.user_num = x->user_num;
	r.ts = f[1];
	r.tsn = fn[1];
	r.event = f[2];
	r.eventn = fn[2];
	r.amount = f[3];
	r.amountn = fn[3];
	if (sales_event(cli_out(&x->c), &r, &why) != 0) {
		/* the raw COPY line, without its newline, for quarantine */
		size_t rn = n > 0 && p[n - 1] == '\n' ? n - 1 : n;
		if (!x->o.query && !r.event && f[6])
			cli_bad_at(&x->c, "query", x->rows, p, rn,
				   "event_id %s of events row %s is not in "
				   "events_dict",
				   f[6], f[5] ? f[5] : "?");
		else
			cli_bad_at(&x->c, "query", x->rows, p, rn,
				   "%s (user_id %s, ts %s)", why,
				   f[0] ? f[0] : "null", f[1] ? f[1] : "null");
	} else if (x->o.row_ids) {
		add_row_id(x, cli_out(&x->c), f, fn);
	}
	/* the bookmark moves past bad rows too (they were reported), but
	 * only to a time: the next run compares with it */
	if (f[1] && f[5] && ptime_parse(f[1], fn[1], &t) == 0) {
		if (x->o.query)
			pgstate_set(&x->st.mark[PGSTATE_QUERY], f[1], fn[1],
				    f[5], fn[5]);
		else
			pgstate_set(&x->st.mark[row_src(f, fn)], f[1], fn[1],
				    f[5], fn[5]);
	}
	cli_commit(&x->c);
}

static void run(struct pg *x)
{
	struct buf sel = BUF_INIT;
	PGresult *res;
	char *p;
	int n, nexpect;

	if (x->o.query) {
		custom_sql(x, &sel);
		nexpect = x->o.key ? 6 : 4;
	} else {
		default_sql(x, &sel);
		res = describe(x, sel.p);
		check_types(x, res, 0, 1, 3);
		PQclear(res);
		nexpect = 7;
	}
	buf_adds(&x->sql, "COPY (");
	buf_add(&x->sql, sel.p, sel.len);
	buf_adds(&x->sql, ") TO STDOUT");
	buf_release(&sel);
	res = PQexec(x->conn, x->sql.p);
	if (PQresultStatus(res) != PGRES_COPY_OUT)
		pg_die(x, res, "the query failed");
	PQclear(res);
	while ((n = PQgetCopyData(x->conn, &p, 0)) > 0) {
		row(x, p, (size_t)n, nexpect);
		PQfreemem(p);
	}
	if (n == -2)
		pg_die(x, NULL, "lost the connection to the server");
	res = PQgetResult(x->conn);
	if (PQresultStatus(res) != PGRES_COMMAND_OK)
		pg_die(x, res, "the query failed");
	PQclear(res);
	while ((res = PQgetResult(x->conn)) != NULL)
		PQclear(res);
}

/* ---- main ------------------------------------------------------------------
 */

static void check_time(struct pg *x, const char *opt, const char *s)
{
	struct ptime t;

	if (ptime_parse(s, strlen(s), &t) != 0)
		cli_usage_error(&x->c,
				"invalid %s '%s' (e.g. 2025-03-01 or "
				"2025-03-01T10:00:00Z)",
				opt, s);
}

static void parse_opts(struct pg *x, int argc, char **argv)
{
	int opt;

	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_VERSION) {
			printf("pulse-extract (pulse) %s\n", VERSION);
			exit(fflush(stdout) || ferror(stdout) ? EX_IOERR : 0);
		}
		if (cli_opt(&x->c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_DB:
			x->o.db = optarg;
			break;
		case OPT_DB_FILE:
			x->o.db_file = optarg;
			break;
		case OPT_QUERY:
			x->o.query = optarg;
			break;
		case OPT_KEY:
			x->o.key = optarg;
			break;
		case OPT_SINCE:
			check_time(x, "--since", optarg);
			x->o.since = optarg;
			break;
		case OPT_UNTIL:
			check_time(x, "--until", optarg);
			x->o.until = optarg;
			break;
		case OPT_STATE:
			x->o.state = optarg;
			break;
		case OPT_STATE_TO:
			x->o.state_to = optarg;
			break;
		case OPT_FULL:
			x->o.full = 1;
			break;
		case OPT_ROW_IDS:
			x->o.row_ids = 1;
			break;
		case OPT_PAYMENT_EVENT:
			x->o.payment_event = optarg;
			break;
		default:
			cli_usage(&x->c);
		}
	}
	if (optind < argc)
		cli_usage_error(&x->c, "pg reads no files ('%s')",
				argv[optind]);
	if (x->o.key && !x->o.query)
		cli_usage_error(&x->c, "--key goes with --query");
	if (x->o.query && x->o.state && !x->o.key)
		cli_usage_error(&x->c,
				"--state with --query needs --key COLUMN: "
				"a column that orders the rows of one ts");
	if (x->o.query && x->o.row_ids && !x->o.key)
		cli_usage_error(&x->c,
				"--row-ids with --query needs --key COLUMN: "
				"the column that names a row");
	if (x->o.query && !*x->o.query)
		cli_usage_error(&x->c, "--query is empty");
	if ((x->o.state_to || x->o.full) && !x->o.state)
		cli_usage_error(&x->c, "%s goes with --state",
				x->o.full ? "--full" : "--state-to");
	if (x->o.state && !*x->o.state)
		cli_usage_error(&x->c, "--state is empty");
	if (x->o.state_to && !*x->o.state_to)
		cli_usage_error(&x->c, "--state-to is empty");
	if (x->o.db && x->o.db_file)
		cli_usage_error(&x->c, "--db and --db-file: give one");
}

/* Reads the bookmark unless --full; dies when it cannot be used. */
static void state_load(struct pg *x)
{
	struct buf err = BUF_INIT;
	int code = 0;

	x->st.key = x->o.query ? x->o.key : NULL;
	if (x->o.full)
		return;
	if (pgstate_load(&x->st, x->o.state, &err, &code) < 0)
		die(code, "%s", err.p);
	buf_release(&err);
}

static void state_save(struct pg *x)
{
	struct buf err = BUF_INIT;
	int code = 0;

	if (pgstate_save(&x->st, x->o.state_to ? x->o.state_to : x->o.state,
			 &err, &code) < 0)
		die(code, "%s", err.p);
	buf_release(&err);
}

int extract_pg_main(int argc, char **argv)
{
	struct pg x;
	int status;

	memset(&x, 0, sizeof x);
	cli_init(&x.c, argc, argv, &info);
	x.o.payment_event = "payment";
	parse_opts(&x, argc, argv);
	conn_setup(&x);
	if (x.o.state)
		state_load(&x);
	cli_start(&x.c, 0, NULL);
	pg_connect(&x);
	run(&x);
	PQfinish(x.conn);
	x.conn = NULL;
	status = cli_finish(&x.c);
	if (status == 0 && x.o.state)
		state_save(&x);
	pgstate_release(&x.st);
	pgconn_release(&x.k);
	buf_release(&x.who);
	buf_release(&x.sql);
	buf_release(&x.msg);
	buf_release(&x.dec);
	return status;
}
