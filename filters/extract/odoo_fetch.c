/*
 * odoo_fetch.c - pulse-extract odoo --fetch: the two APIs, the paging,
 * Odoo's errors and the bookmark.  See odoo_fetch.h.
 */
#include "odoo_fetch.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "err.h"
#include "fetch.h"
#include "file.h"
#include "hmap.h"
#include "http.h"
#include "json.h"
#include "jw.h"
#include "rec.h"
#include "show.h"

#define MODEL_TICKET "helpdesk.ticket"

struct of {
	struct odoo *x;
	const struct odoo_fetch_opts *o;
	struct http *h;
	struct fetch_page pg; /* the answer at hand */
	struct buf base;      /* the URL without a trailing '/' */
	struct buf url, body, name, auth, dbh, sc, named, tfields, ids;
	struct rec r;	      /* a JSON-RPC answer */
	struct rec row;	      /* a record of the answer */
	struct json_span val; /* the answer's value */
	struct hmap asked;    /* ticket ids asked for */
	struct buf *err;
	int64_t uid;
	long rpc_id;
	struct sink *out;
	struct report *rep;
	const struct odoo_state *was; /* the bookmark the run began with */
	int64_t *changed;	      /* tickets whose messages are rewritten */
	size_t nchanged, capchanged;
	char wd[ODOO_DT_LEN + 1]; /* the tickets' latest write_date */
	int64_t wd_id;		  /* the highest id taken of that second */
	struct buf twfields;	  /* the ticket fields and write_date */
};

static const char msg_fields[] =
	"[\"id\",\"date\",\"model\",\"res_id\",\"message_type\","
	"\"subtype_id\",\"is_internal\",\"author_id\",\"email_from\","
	"\"subject\",\"body\"]";

/* ---- the bookmark ------------------------------------------------------- */

/*
 * A write_date as Odoo answers it, "YYYY-MM-DD HH:MM:SS", into out[20].
 * @return 0, or -1 when v is something else.
 */
static int odoo_dt_copy(struct json_span v, struct buf *sc, char *out)
{
	static const char pat[] = "dddd-dd-dd dd:dd:dd";
	size_t i;

	if (v.type != JSON_STRING)
		return -1;
	buf_reset(sc);
	json_str_decode(v, sc);
	if (sc->len != ODOO_DT_LEN)
		return -1;
	for (i = 0; i < ODOO_DT_LEN; i++)
		if (pat[i] == 'd' ? (sc->p[i] < '0' || sc->p[i] > '9')
				  : sc->p[i] != pat[i])
			return -1;
	memcpy(out, sc->p, ODOO_DT_LEN);
	out[ODOO_DT_LEN] = '\0';
	return 0;
}

int odoo_state_load(struct odoo_state *s, const char *path, struct buf *err)
{
	struct buf text = BUF_INIT, sc = BUF_INIT;
	struct rec r = REC_INIT, m = REC_INIT;
	struct json_error e;
	struct json_span v;
	int st, none;

	memset(s, 0, sizeof *s);
	st = fetch_state_open(path, "odoo", &text, &r, &none, err);
	if (st || none)
		goto out;
	v = rec_get(&r, "messages");
	if (v.type != JSON_NULL) {
		if (v.type != JSON_OBJECT || rec_parse(&m, v.p, v.n, &e) < 0 ||
		    fetch_i64(rec_get(&m, "id"), &sc, &s->msg_id) < 0 ||
		    s->msg_id < 0) {
			st = fetch_damaged(
				err, path,
				"'messages' is not null or {\"id\":N}");
			goto out;
		}
		s->set = 1;
	}
	v = rec_get(&r, "tickets"); /* absent: a bookmark of before */
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		goto out;
	if (v.type != JSON_OBJECT || rec_parse(&m, v.p, v.n, &e) < 0 ||
	    fetch_i64(rec_get(&m, "id"), &sc, &s->tk_id) < 0 || s->tk_id < 0 ||
	    odoo_dt_copy(rec_get(&m, "write_date"), &sc, s->tk_wd) < 0) {
		st = fetch_damaged(err, path,
				   "'tickets' is not null or {\"write_date\":"
				   "\"YYYY-MM-DD HH:MM:SS\",\"id\":N}");
		goto out;
	}
	s->tk_set = 1;
out:
	rec_release(&r);
	rec_release(&m);
	buf_release(&text);
	buf_release(&sc);
	return st;
}

int odoo_state_save(const struct odoo_state *s, const char *path,
		    struct buf *err)
{
	char m[64], t[96], b[256];

	if (s->set)
		snprintf(m, sizeof m, "{\"id\":%lld}", (long long)s->msg_id);
	else
		snprintf(m, sizeof m, "null");
	if (s->tk_set)
		snprintf(t, sizeof t, "{\"write_date\":\"%s\",\"id\":%lld}",
			 s->tk_wd, (long long)s->tk_id);
	else
		snprintf(t, sizeof t, "null");
	snprintf(b, sizeof b,
		 "{\"source\":\"odoo\",\"messages\":%s,\"tickets\":%s}\n", m,
		 t);
	return file_replace(path, b, strlen(b), "the bookmark", err);
}

/* ---- the calls ---------------------------------------------------------- */

static int ferr(struct of *f, int st, const char *fmt, ...) ERR_PRINTF(3, 4);

static int ferr(struct of *f, int st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	st = fetch_vfail(f->h, f->err, st, fmt, ap);
	va_end(ap);
	return st;
}

static int has(const char *s, size_t n, const char *what)
{
	size_t k = strlen(what), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(s + i, what, k) == 0)
			return 1;
	return 0;
}

/*
 * An error Odoo named: the exception's name (odoo.exceptions.AccessDenied,
 * builtins.ValueError, ...) and its message, into an exit status.
 */
static int odoo_error(struct of *f, const char *what, long status,
		      struct json_span name, struct json_span message)
{
	struct buf nm = BUF_INIT, ms = BUF_INIT, sn = BUF_INIT, sm = BUF_INIT;
	const char *hint;
	int st;

	if (name.type == JSON_STRING)
		json_str_decode(name, &nm);
	if (message.type == JSON_STRING)
		json_str_decode(message, &ms);
	buf_addc(&nm, '\0');
	nm.len--;
	buf_addc(&ms, '\0');
	ms.len--;
	if (has(ms.p, ms.len, "plan") || has(ms.p, ms.len, "subscription")) {
		st = EX_UNAVAILABLE;
		hint = "the external API is not enabled on this database's "
		       "plan (on Odoo Online: the Custom plan)";
	} else if (has(nm.p, nm.len, "AccessDenied") ||
		   has(nm.p, nm.len, "Unauthorized") || status == 401) {
		st = EX_NOPERM;
		hint = "the login or the API key is refused (make a key: "
		       "Preferences > Account Security > New API Key)";
	} else if (has(nm.p, nm.len, "AccessError") ||
		   has(nm.p, nm.len, "Forbidden") || status == 403) {
		st = EX_NOPERM;
		hint = "the key's user may not read this model (give it the "
		       "Helpdesk user rights)";
	} else if (has(nm.p, nm.len, "ValueError") ||
		   has(nm.p, nm.len, "KeyError") ||
		   has(nm.p, nm.len, "MissingError") ||
		   has(nm.p, nm.len, "NotFound") || status == 404 ||
		   status == 422) {
		st = EX_UNAVAILABLE;
		hint = "a model or field this database does not have (is "
		       "Helpdesk installed: Enterprise helpdesk or OCA "
		       "helpdesk_mgmt?)";
	} else {
		st = EX_UNAVAILABLE;
		hint = NULL;
	}
	show(&sn, nm.p, nm.len, 100);
	show(&sm, ms.p, ms.len, 200);
	ferr(f, st, "%s: Odoo error '%s' (HTTP %ld)%s%s%s%s", what,
	     nm.len ? sn.p : "?", status, sm.len ? ": " : "", sm.p,
	     hint ? "; " : "", hint ? hint : "");
	buf_release(&nm);
	buf_release(&ms);
	buf_release(&sn);
	buf_release(&sm);
	return st;
}

/* The member key of object span obj, or a span of type JSON_NONE. */
static struct json_span member(struct json_span obj, const char *key)
{
	struct json_iter oi;
	struct json_span k, v, none = {NULL, 0, JSON_NONE, 0};

	if (json_iter_init(&oi, obj) < 0)
		return none;
	while (json_iter_next(&oi, &k, &v))
		if (json_str_eq(k, key, strlen(key)))
			return v;
	return none;
}

/*
 * POSTs f->body to f->url; on 0, f->val is the answer's value (JSON-2:
 * the body; JSON-RPC: its 'result').
 */
static int post(struct of *f, const char *what)
{
	const char *hdrs[6];
	struct json_error je;
	struct json_span v, e;
	char ctype[128];
	const char *p, *end;
	long status;
	size_t n;
	int st, ok, k = 0;

	hdrs[k++] = "Content-Type: application/json";
	hdrs[k++] = "Accept: application/json";
	if (f->o->api == ODOO_JSON2) {
		hdrs[k++] = f->auth.p;
		if (f->dbh.len)
			hdrs[k++] = f->dbh.p;
	}
	hdrs[k] = NULL;
	st = fetch_post(f->h, &f->pg, what, f->url.p, hdrs, f->body.p,
			f->body.len, &status, ctype);
	if (st)
		return st;
	ok = status >= 200 && status < 300;
	p = f->pg.page.p;
	n = f->pg.page.len;
	end = p + n;
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	if (p == end || json_validate(p, (size_t)(end - p), &je) < 0 ||
	    !json_scan_value(p, p, end, &v, &je)) {
		if (status == 404 || status == 405)
			return ferr(f, EX_UNAVAILABLE,
				    "%s: HTTP %ld at %s: no %s API there (%s; "
				    "is it the Odoo's URL?)",
				    what, status, f->url.p,
				    f->o->api == ODOO_JSON2 ? "JSON-2"
							    : "JSON-RPC",
				    f->o->api == ODOO_JSON2
					    ? "an Odoo before 19? try --api "
					      "jsonrpc"
					    : "an Odoo 19 or later without it? "
					      "try --api json2");
		if (status == 401 || status == 403)
			return odoo_error(
				f, what, status,
				(struct json_span){NULL, 0, JSON_NONE, 0},
				(struct json_span){NULL, 0, JSON_NONE, 0});
		return ferr(f, ok ? EX_PROTOCOL : EX_UNAVAILABLE,
			    "%s: HTTP %ld, and the answer is %s, not an Odoo "
			    "answer (is $PULSE_ODOO_URL the Odoo's address?)",
			    what, status,
			    fetch_looks(ctype, p, (size_t)(end - p)));
	}
	if (f->o->api == ODOO_JSON2) {
		if (!ok) {
			if (v.type == JSON_OBJECT)
				return odoo_error(f, what, status,
						  member(v, "name"),
						  member(v, "message"));
			return ferr(f, EX_UNAVAILABLE, "%s: HTTP %ld", what,
				    status);
		}
		f->val = v;
		return 0;
	}
	if (v.type != JSON_OBJECT)
		return ferr(f, ok ? EX_PROTOCOL : EX_UNAVAILABLE,
			    "%s: HTTP %ld, and the answer is not a JSON-RPC "
			    "one",
			    what, status);
	e = member(v, "error");
	if (!json_is_empty(e)) {
		struct json_span d = member(e, "data");

		if (d.type == JSON_OBJECT)
			return odoo_error(f, what, status, member(d, "name"),
					  member(d, "message"));
		return odoo_error(f, what, status,
				  (struct json_span){NULL, 0, JSON_NONE, 0},
				  member(e, "message"));
	}
	if (status == 404)
		return ferr(f, EX_UNAVAILABLE,
			    "%s: HTTP 404 at %s: no JSON-RPC API there (an "
			    "Odoo 19 or later without it? try --api json2)",
			    what, f->url.p);
	if (!ok)
		return ferr(f, EX_UNAVAILABLE, "%s: HTTP %ld", what, status);
	f->val = member(v, "result");
	if (f->val.type == JSON_NONE)
		return ferr(f, EX_PROTOCOL,
			    "%s: the answer has no 'result', not a JSON-RPC "
			    "one",
			    what);
	return 0;
}

/*
 * MODEL.METHOD with the named arguments f->named (members of a JSON
 * object, without the braces), in the words of the API.
 */
static int call_kw(struct of *f, const char *model, const char *method,
		   const char *what)
{
	buf_reset(&f->url);
	buf_add(&f->url, f->base.p, f->base.len);
	buf_reset(&f->body);
	if (f->o->api == ODOO_JSON2) {
		buf_addf(&f->url, "/json/2/%s/%s", model, method);
		buf_addc(&f->body, '{');
		buf_add(&f->body, f->named.p, f->named.len);
		buf_adds(&f->body, "}");
	} else {
		buf_adds(&f->url, "/jsonrpc");
		buf_addf(&f->body,
			 "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"id\":%ld,"
			 "\"params\":{\"service\":\"object\",\"method\":"
			 "\"execute_kw\",\"args\":[",
			 ++f->rpc_id);
		jw_cstr(&f->body, f->o->db);
		buf_addf(&f->body, ",%lld,", (long long)f->uid);
		jw_cstr(&f->body, f->o->key);
		buf_addc(&f->body, ',');
		jw_cstr(&f->body, model);
		buf_addc(&f->body, ',');
		jw_cstr(&f->body, method);
		buf_adds(&f->body, ",[],{");
		buf_add(&f->body, f->named.p, f->named.len);
		buf_adds(&f->body, "}]}}");
	}
	return post(f, what);
}

static int authenticate(struct of *f)
{
	int st;

	buf_reset(&f->url);
	buf_add(&f->url, f->base.p, f->base.len);
	buf_adds(&f->url, "/jsonrpc");
	buf_reset(&f->body);
	buf_addf(&f->body,
		 "{\"jsonrpc\":\"2.0\",\"method\":\"call\",\"id\":%ld,"
		 "\"params\":{\"service\":\"common\",\"method\":"
		 "\"authenticate\",\"args\":[",
		 ++f->rpc_id);
	jw_cstr(&f->body, f->o->db);
	buf_addc(&f->body, ',');
	jw_cstr(&f->body, f->o->login);
	buf_addc(&f->body, ',');
	jw_cstr(&f->body, f->o->key);
	buf_adds(&f->body, ",{}]}}");
	if ((st = post(f, "common.authenticate")) != 0)
		return st;
	if (f->val.type == JSON_FALSE || f->val.type == JSON_NULL)
		return ferr(
			f, EX_NOPERM,
			"common.authenticate: Odoo refused the login with "
			"this key on database '%s' (check $PULSE_ODOO_LOGIN "
			"and the key: Preferences > Account Security > New "
			"API Key)",
			f->o->db);
	if (fetch_i64(f->val, &f->sc, &f->uid) < 0)
		return ferr(f, EX_PROTOCOL,
			    "common.authenticate: the answer is not a user id");
	return 0;
}

/* The ticket fields the engine reads that the database has. */
static int ticket_fields(struct of *f)
{
	const char *const *names;
	size_t i, n = 0, nn = odoo_ticket_query(&names);
	int st;

	buf_reset(&f->named);
	buf_adds(&f->named, "\"attributes\":[\"type\"]");
	if ((st = call_kw(f, MODEL_TICKET, "fields_get",
			  MODEL_TICKET ".fields_get")) != 0)
		return st;
	if (f->val.type != JSON_OBJECT)
		return ferr(f, EX_PROTOCOL,
			    MODEL_TICKET ".fields_get: the answer is not an "
					 "object");
	buf_reset(&f->tfields);
	buf_adds(&f->tfields, "[\"id\"");
	for (i = 1; i < nn; i++)
		if (member(f->val, names[i]).type != JSON_NONE) {
			buf_addf(&f->tfields, ",\"%s\"", names[i]);
			n++;
		}
	buf_addc(&f->tfields, ']');
	buf_reset(&f->twfields);
	buf_add(&f->twfields, f->tfields.p, f->tfields.len - 1);
	buf_adds(&f->twfields, ",\"write_date\"]");
	if (!n)
		return ferr(f, EX_UNAVAILABLE,
			    MODEL_TICKET " has none of the ticket fields "
					 "pulse reads (name, stage_id, ...)");
	return 0;
}

typedef int row_fn(struct of *f, const char *where, uint64_t line,
		   struct json_span v, int64_t id);

/*
 * MODEL search_read of [extra..., id > *last], order id, page after page
 * of o->limit until an empty one (or want records, when want is not 0:
 * as many ids as asked for), each record to fn; *last moves to the last
 * id taken.
 */
static int search_read(struct of *f, const char *model, const char *extra,
		       const char *fields, size_t want, int64_t *last,
		       row_fn *fn)
{
	size_t total = 0;

	struct json_iter it;
	struct json_span v;
	unsigned long k = 0;
	int64_t id, top;
	long count;
	int st;

	for (;;) {
		buf_reset(&f->named);
		buf_addf(&f->named, "\"domain\":[%s%s[\"id\",\">\",%lld]]",
			 extra, *extra ? "," : "", (long long)*last);
		buf_addf(&f->named,
			 ",\"fields\":%s,\"order\":\"id\",\"limit\":%ld,"
			 "\"context\":{\"active_test\":false}",
			 fields, f->o->limit);
		buf_reset(&f->name);
		buf_addf(&f->name, "%s page %lu", model, ++k);
		if ((st = call_kw(f, model, "search_read", f->name.p)) != 0)
			return st;
		if (f->val.type != JSON_ARRAY)
			return ferr(f, EX_PROTOCOL,
				    "%s: the answer is not a list of records",
				    f->name.p);
		count = 0;
		top = *last;
		json_iter_init(&it, f->val);
		while (json_iter_next(&it, NULL, &v)) {
			count++;
			if (v.type != JSON_OBJECT ||
			    fetch_i64(member(v, "id"), &f->sc, &id) < 0)
				return ferr(f, EX_PROTOCOL,
					    "%s: record %ld has no id",
					    f->name.p, count);
			if (id <= *last)
				return ferr(f, EX_PROTOCOL,
					    "%s: Odoo did not page (id %lld "
					    "is not above %lld)",
					    f->name.p, (long long)id,
					    (long long)*last);
			if (id > top)
				top = id;
			if ((st = fn(f, f->name.p, (uint64_t)count, v, id)) !=
			    0)
				return st;
		}
		*last = top;
		total += (size_t)count;
		if (!count || (want && total >= want)) /* not count < limit: */
			break;			       /* a server may cap it */
	}
	return 0;
}

/* ---- the records ---------------------------------------------------------
 */

static int parse_row(struct of *f, struct json_span v)
{
	struct json_error je;

	return rec_parse(&f->row, v.p, v.n, &je);
}

static int staff_row(struct of *f, const char *where, uint64_t line,
		     struct json_span v, int64_t id)
{
	(void)id;
	parse_row(f, v);
	return odoo_staff_user(f->x, &f->row, where, line, f->err);
}

static int ticket_row(struct of *f, const char *where, uint64_t line,
		      struct json_span v, int64_t id)
{
	(void)id;
	parse_row(f, v);
	return odoo_ticket(f->x, &f->row, where, line, f->err);
}

/* The tickets of the page's messages that are not loaded yet. */
static int page_tickets(struct of *f, struct json_span rows)
{
	struct json_iter it;
	struct json_span v;
	int64_t id, last = 0;
	int isnew, st;
	size_t n = 0;

	buf_reset(&f->ids);
	buf_adds(&f->ids, "[\"id\",\"in\",[");
	json_iter_init(&it, rows);
	while (json_iter_next(&it, NULL, &v)) {
		if (v.type != JSON_OBJECT ||
		    !json_str_eq(member(v, "model"), MODEL_TICKET,
				 strlen(MODEL_TICKET)) ||
		    fetch_i64(member(v, "res_id"), &f->sc, &id) < 0 ||
		    odoo_has_ticket(f->x, id))
			continue;
		hmap_put(&f->asked, &id, sizeof id, &isnew);
		if (!isnew)
			continue;
		buf_addf(&f->ids, "%s%lld", n++ ? "," : "", (long long)id);
	}
	if (!n)
		return 0;
	buf_adds(&f->ids, "]]");
	{
		/* search_read's answer replaces the page's in f->pg */
		struct buf keep = f->pg.page;

		f->pg.page = (struct buf)BUF_INIT;
		st = search_read(f, MODEL_TICKET, f->ids.p, f->tfields.p, n,
				 &last, ticket_row);
		buf_release(&f->pg.page);
		f->pg.page = keep;
	}
	return st;
}

/* A changed ticket (write_date at or after the bookmark's). */
static int changed_row(struct of *f, const char *where, uint64_t line,
		       struct json_span v, int64_t id)
{
	char wd[ODOO_DT_LEN + 1];
	int st;

	if ((st = ticket_row(f, where, line, v, id)) != 0)
		return st;
	if (odoo_dt_copy(member(v, "write_date"), &f->sc, wd) < 0)
		return ferr(f, EX_PROTOCOL,
			    "%s: record %llu: its write_date is not a date "
			    "and time (YYYY-MM-DD HH:MM:SS)",
			    where, (unsigned long long)line);
	if (strcmp(wd, f->wd) == 0 && id > f->wd_id)
		f->wd_id = id;
	if (f->was->tk_set && strcmp(wd, f->was->tk_wd) == 0 &&
	    id <= f->was->tk_id)
		return 0; /* taken by the run before, as it is */
	if (!f->was->set)
		return 0; /* no older messages to write again */
	if (f->nchanged == f->capchanged) {
		f->capchanged = f->capchanged ? 2 * f->capchanged : 256;
		f->changed = xrealloc(f->changed,
				      f->capchanged * sizeof *f->changed);
	}
	f->changed[f->nchanged++] = id;
	return 0;
}

/*
 * The tickets written since the bookmark: loaded, and those changed
 * listed in f->changed; the mark moves to the latest write_date.
 */
static int fetch_tickets(struct of *f, struct odoo_state *s)
{
	struct json_iter it;
	struct json_span v;
	struct buf dom = BUF_INIT;
	int64_t last = 0;
	int st;

	if (s->tk_set)
		buf_addf(&dom, "[\"write_date\",\">=\",\"%s\"]", s->tk_wd);
	buf_addc(&dom, '\0');
	buf_reset(&f->named);
	buf_addf(&f->named,
		 "\"domain\":[%s],\"fields\":[\"id\",\"write_date\"],"
		 "\"order\":\"write_date desc, id desc\",\"limit\":1,"
		 "\"context\":{\"active_test\":false}",
		 dom.p);
	buf_reset(&f->name);
	buf_adds(&f->name, MODEL_TICKET " latest write_date");
	if ((st = call_kw(f, MODEL_TICKET, "search_read", f->name.p)) != 0)
		goto out;
	if (f->val.type != JSON_ARRAY) {
		st = ferr(f, EX_PROTOCOL,
			  "%s: the answer is not a list of records", f->name.p);
		goto out;
	}
	json_iter_init(&it, f->val);
	if (!json_iter_next(&it, NULL, &v))
		goto out; /* no tickets (since the mark) */
	if (v.type != JSON_OBJECT ||
	    odoo_dt_copy(member(v, "write_date"), &f->sc, f->wd) < 0) {
		st = ferr(f, EX_PROTOCOL,
			  "%s: its write_date is not a date and time "
			  "(YYYY-MM-DD HH:MM:SS)",
			  f->name.p);
		goto out;
	}
	f->wd_id = 0;
	if ((st = search_read(f, MODEL_TICKET, dom.p, f->twfields.p, 0, &last,
			      changed_row)) != 0)
		goto out;
	memcpy(s->tk_wd, f->wd, sizeof s->tk_wd);
	s->tk_id = f->wd_id;
	s->tk_set = 1;
	if (f->o->net.log) {
		char m[160];

		snprintf(m, sizeof m,
			 MODEL_TICKET ": %zu changed since %s, the latest "
				      "written at %s",
			 f->nchanged, f->was->tk_set ? f->was->tk_wd : "ever",
			 f->wd);
		f->o->net.log(f->o->net.log_arg, m);
	}
out:
	buf_release(&dom);
	return st;
}

static int msg_row(struct of *f, const char *where, uint64_t line,
		   struct json_span v, int64_t id)
{
	char msg[512];

	(void)id;
	parse_row(f, v);
	if (odoo_add(f->x, &f->row, f->out, msg, sizeof msg) < 0)
		report_bad(f->rep, where, line, v.p, v.n, "%s", msg);
	sink_commit(f->out);
	return 0;
}

/*
 * The messages up to the bookmark's of the changed tickets, written
 * again with the tickets' fields as they are now.
 */
static int rewrite_messages(struct of *f)
{
	struct buf dom = BUF_INIT;
	size_t i, j;
	int64_t last;
	int st = 0;

	for (i = 0; i < f->nchanged && !st; i += 200) {
		buf_reset(&dom);
		buf_adds(&dom, "[\"model\",\"=\",\"" MODEL_TICKET
			       "\"],[\"res_id\",\"in\",[");
		for (j = i; j < f->nchanged && j < i + 200; j++)
			buf_addf(&dom, "%s%lld", j > i ? "," : "",
				 (long long)f->changed[j]);
		buf_addf(&dom, "]],[\"id\",\"<=\",%lld]",
			 (long long)f->was->msg_id);
		last = 0;
		st = search_read(f, "mail.message", dom.p, msg_fields, 0, &last,
				 msg_row);
	}
	buf_release(&dom);
	return st;
}

static int fetch_messages(struct of *f, struct odoo_state *s, struct sink *out,
			  struct report *rep)
{
	struct json_iter it;
	struct json_span v;
	struct json_error je;
	unsigned long k = 0;
	int64_t last = s->set ? s->msg_id : 0, id, top;
	long count;
	char msg[512];
	int st;

	for (;;) {
		buf_reset(&f->named);
		buf_addf(&f->named,
			 "\"domain\":[[\"model\",\"=\",\"" MODEL_TICKET
			 "\"],[\"id\",\">\",%lld]],\"fields\":%s,"
			 "\"order\":\"id\",\"limit\":%ld,"
			 "\"context\":{\"active_test\":false}",
			 (long long)last, msg_fields, f->o->limit);
		buf_reset(&f->name);
		buf_addf(&f->name, "mail.message page %lu", ++k);
		if ((st = call_kw(f, "mail.message", "search_read",
				  f->name.p)) != 0)
			return st;
		if (f->val.type != JSON_ARRAY)
			return ferr(f, EX_PROTOCOL,
				    "%s: the answer is not a list of records",
				    f->name.p);
		{
			struct buf name = f->name;
			struct json_span rows = f->val;

			f->name = (struct buf)BUF_INIT;
			st = page_tickets(f, rows);
			buf_release(&f->name);
			f->name = name;
			f->val = rows;
			if (st)
				return st;
		}
		count = 0;
		top = last;
		json_iter_init(&it, f->val);
		while (json_iter_next(&it, NULL, &v)) {
			count++;
			if (v.type != JSON_OBJECT ||
			    fetch_i64(member(v, "id"), &f->sc, &id) < 0)
				return ferr(f, EX_PROTOCOL,
					    "%s: record %ld has no id",
					    f->name.p, count);
			if (id <= last)
				return ferr(f, EX_PROTOCOL,
					    "%s: Odoo did not page (id %lld "
					    "is not above %lld)",
					    f->name.p, (long long)id,
					    (long long)last);
			if (id > top)
				top = id;
			rec_parse(&f->row, v.p, v.n, &je);
			if (odoo_add(f->x, &f->row, out, msg, sizeof msg) < 0)
				report_bad(rep, f->name.p, (uint64_t)count, v.p,
					   v.n, "%s", msg);
			sink_commit(out);
		}
		last = top;
		if (!count) /* not count < limit: a server may cap it */
			break;
		s->msg_id = last, s->set = 1;
	}
	if (f->o->net.log) {
		char m[128];

		snprintf(m, sizeof m, "mail.message: %lu page%s", k,
			 k == 1 ? "" : "s");
		f->o->net.log(f->o->net.log_arg, m);
	}
	return 0;
}

/* ---- the whole run ------------------------------------------------------ */

static int base_url(struct of *f, const char *url)
{
	size_t n;

	if (!url ||
	    (strncmp(url, "https://", 8) != 0 &&
	     strncmp(url, "http://", 7) != 0) ||
	    strchr(url, '?') || strchr(url, '#') || strchr(url, ' '))
		return ferr(f, EX_CONFIG,
			    "$PULSE_ODOO_URL is not an http(s) URL (like "
			    "https://example.odoo.com)");
	n = strlen(url);
	while (n && url[n - 1] == '/')
		n--;
	buf_add(&f->base, url, n);
	buf_addc(&f->base, '\0');
	f->base.len--;
	return 0;
}

int odoo_fetch(struct odoo *x, const struct odoo_fetch_opts *o,
	       struct odoo_state *s, struct sink *out, struct report *rep,
	       struct buf *err)
{
	struct of f;
	struct odoo_state was;
	int64_t last = 0;
	int st;

	memset(&f, 0, sizeof f);
	rec_init(&f.r);
	rec_init(&f.row);
	hmap_init(&f.asked, 0);
	f.x = x;
	f.o = o;
	f.out = out;
	f.rep = rep;
	was = *s;
	f.was = &was;
	f.err = err;
	f.pg.err = err;
	f.pg.name = &f.name;
	if (!(f.h = http_new(&o->net, err))) {
		st = EX_SOFTWARE;
		goto out;
	}
	http_secret(f.h, o->key);
	if ((st = base_url(&f, o->url)) != 0)
		goto out;
	buf_adds(&f.auth, "Authorization: bearer ");
	buf_adds(&f.auth, o->key);
	if (o->db && *o->db)
		buf_addf(&f.dbh, "X-Odoo-Database: %s", o->db);
	if (o->api == ODOO_JSONRPC && (st = authenticate(&f)) != 0)
		goto out;
	if ((st = ticket_fields(&f)) != 0)
		goto out;
	if ((st = search_read(&f, "res.users", "[\"share\",\"=\",false]",
			      "[\"id\",\"partner_id\",\"share\"]", 0, &last,
			      staff_row)) != 0)
		goto out;
	odoo_join_tickets(x);
	if ((st = fetch_tickets(&f, s)) != 0 ||
	    (st = rewrite_messages(&f)) != 0)
		goto out;
	st = fetch_messages(&f, s, out, rep);
out:
	if (f.auth.p)
		memset(f.auth.p, 0, f.auth.len);
	if (f.body.p)
		memset(f.body.p, 0, f.body.len);
	http_free(f.h);
	fetch_page_release(&f.pg);
	buf_release(&f.base);
	buf_release(&f.url);
	buf_release(&f.body);
	buf_release(&f.name);
	buf_release(&f.auth);
	buf_release(&f.dbh);
	buf_release(&f.sc);
	buf_release(&f.named);
	buf_release(&f.tfields);
	buf_release(&f.ids);
	buf_release(&f.twfields);
	free(f.changed);
	rec_release(&f.r);
	rec_release(&f.row);
	hmap_release(&f.asked);
	return st;
}
