/*
 * bitrix_fetch.c - pulse-extract bitrix --fetch: the calls, the paging,
 * the errors of the portal and the bookmark.  See bitrix_fetch.h.
 */
#include "bitrix_fetch.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "err.h"
#include "fetch.h"
#include "file.h"
#include "http.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "rec.h"
#include "show.h"

#define PAGE 50 /* Bitrix's page size, fixed */

static const char *const mark_names[BX_NMARKS] = {"lead", "deal", "lead_stages",
						  "deal_stages"};

struct fetch {
	struct bitrix *x;
	const struct bitrix_fetch_opts *o;
	struct http *h;
	struct buf base;      /* the webhook URL, ending in '/' */
	struct buf url;	      /* base + method */
	struct fetch_page pg; /* the answer at hand */
	struct buf body;      /* the request */
	struct buf name;      /* "crm.lead.list page 3" */
	struct buf sc;	      /* scratch */
	struct buf kept;      /* a page without the rows already taken */
	struct rec r, r2;     /* the page parsed */
	struct buf *err;      /* the caller's */
	int64_t run_start; /* the portal's clock at the start, or INT64_MIN */
	struct buf run_start_text;
	unsigned long npages;
};

/* ---- the bookmark ------------------------------------------------------- */

void bitrix_state_release(struct bitrix_state *s)
{
	int k;

	for (k = 0; k < BX_NMARKS; k++)
		buf_release(&s->m[k].dm);
}

/* A mark that is not what bitrix_state_save() writes. */
static int bad_mark(struct buf *err, const char *path, int k)
{
	char why[160];

	snprintf(why, sizeof why, "'%s' is not %s", mark_names[k],
		 k <= BX_DEAL ? "null or {\"date_modify\":TIME with an "
				"offset,\"id\":N}"
			      : "null or {\"id\":N}");
	return fetch_damaged(err, path, why);
}

/* A DATE_MODIFY (with its offset) into m->dm and m->dm_sec. */
static int set_dm(struct bitrix_mark *m, struct json_span v, struct buf *sc)
{
	struct ptime t;

	if (v.type != JSON_STRING)
		return -1;
	buf_reset(sc);
	json_str_decode(v, sc);
	if (ptime_parse(sc->p, sc->len, &t) != 0 || !t.has_off)
		return -1;
	buf_reset(&m->dm);
	buf_add(&m->dm, sc->p, sc->len);
	m->dm_sec = t.sec;
	return 0;
}

int bitrix_state_load(struct bitrix_state *s, const char *path, struct buf *err)
{
	struct buf text = BUF_INIT, sc = BUF_INIT;
	struct rec r = REC_INIT;
	struct json_error e;
	struct json_span v, id, dm;
	int k, st = 0, none;

	memset(s, 0, sizeof *s);
	st = fetch_state_open(path, "bitrix", &text, &r, &none, err);
	if (st || none)
		goto out;
	for (k = 0; k < BX_NMARKS; k++) {
		v = rec_get(&r, mark_names[k]);
		if (v.type == JSON_NULL)
			continue;
		if (v.type != JSON_OBJECT) {
			st = bad_mark(err, path, k);
			goto out;
		}
		{
			struct rec m = REC_INIT;

			if (rec_parse(&m, v.p, v.n, &e) < 0) {
				rec_release(&m);
				st = bad_mark(err, path, k);
				goto out;
			}
			id = rec_get(&m, "id");
			dm = rec_get(&m, "date_modify");
			if (fetch_i64(id, &sc, &s->m[k].id) < 0 ||
			    (k <= BX_DEAL && set_dm(&s->m[k], dm, &sc) < 0)) {
				rec_release(&m);
				st = bad_mark(err, path, k);
				goto out;
			}
			rec_release(&m);
		}
		s->m[k].set = 1;
	}
out:
	rec_release(&r);
	buf_release(&text);
	buf_release(&sc);
	return st;
}

int bitrix_state_save(const struct bitrix_state *s, const char *path,
		      struct buf *err)
{
	struct buf b = BUF_INIT;
	int k, st;

	buf_adds(&b, "{\"source\":\"bitrix\"");
	for (k = 0; k < BX_NMARKS; k++) {
		buf_addf(&b, ",\"%s\":", mark_names[k]);
		if (!s->m[k].set) {
			buf_adds(&b, "null");
			continue;
		}
		buf_addc(&b, '{');
		if (k <= BX_DEAL) {
			buf_adds(&b, "\"date_modify\":");
			jw_str(&b, s->m[k].dm.p, s->m[k].dm.len);
			buf_addc(&b, ',');
		}
		buf_addf(&b, "\"id\":%lld}", (long long)s->m[k].id);
	}
	buf_adds(&b, "}\n");
	st = file_replace(path, b.p, b.len, "the bookmark", err);
	buf_release(&b);
	return st;
}

/* ---- the calls ---------------------------------------------------------- */

static int ferr(struct fetch *f, int st, const char *fmt, ...) ERR_PRINTF(3, 4);

static int ferr(struct fetch *f, int st, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	st = fetch_vfail(f->h, f->err, st, fmt, ap);
	va_end(ap);
	return st;
}

/* The error codes of Bitrix24's answers that say more than "failed". */
static const struct {
	const char *code;
	int status;
	const char *hint;
} known[] = {
	{"expired_token", EX_NOPERM,
	 "the webhook or token has expired: make a new inbound webhook"},
	{"invalid_token", EX_NOPERM, "the token is not valid"},
	{"INVALID_CREDENTIALS", EX_NOPERM,
	 "the portal does not know this webhook (deleted, or another secret)"},
	{"NO_AUTH_FOUND", EX_NOPERM, "the portal does not know this webhook"},
	{"insufficient_scope", EX_NOPERM,
	 "the webhook lacks a permission: give it the scopes crm and user"},
	{"ACCESS_DENIED", EX_NOPERM,
	 "the portal's plan has no REST API, or the webhook's user may not "
	 "read the CRM"},
	{"user_access_error", EX_NOPERM,
	 "the webhook's user may not read this"},
	{"QUERY_LIMIT_EXCEEDED", EX_UNAVAILABLE,
	 "the portal's request limit, after the retries: lower --rate"},
	{"OVERLOAD_LIMIT", EX_UNAVAILABLE,
	 "the portal has blocked the webhook for overload"},
	{"ERROR_METHOD_NOT_FOUND", EX_UNAVAILABLE,
	 "no such method on this portal (or the webhook lacks its scope)"},
	{"PORTAL_DELETED", EX_UNAVAILABLE, "the portal is deleted"},
};

/* An answer {"error":...}: the method and the error named. */
static int portal_error(struct fetch *f, const char *method, long status,
			const struct rec *r)
{
	struct json_span e = rec_get(r, "error"),
			 d = rec_get(r, "error_description");
	struct buf code = BUF_INIT, desc = BUF_INIT, sh = BUF_INIT,
		   shd = BUF_INIT;
	size_t i;
	int st = EX_UNAVAILABLE;
	const char *hint = NULL;

	if (e.type == JSON_STRING)
		json_str_decode(e, &code);
	else
		buf_add(&code, e.p, e.n);
	buf_addc(&code, '\0');
	code.len--;
	if (d.type == JSON_STRING)
		json_str_decode(d, &desc);
	for (i = 0; i < sizeof known / sizeof known[0]; i++)
		if (strcasecmp(code.p, known[i].code) == 0) {
			st = known[i].status;
			hint = known[i].hint;
			break;
		}
	if (!hint && (status == 401 || status == 403))
		st = EX_NOPERM;
	show(&sh, code.p, code.len, 100);
	show(&shd, desc.p, desc.len, 200);
	ferr(f, st, "%s: Bitrix24 error '%s' (HTTP %ld)%s%s%s%s", method, sh.p,
	     status, shd.len ? ": " : "", shd.p, hint ? "; " : "",
	     hint ? hint : "");
	buf_release(&code);
	buf_release(&desc);
	buf_release(&sh);
	buf_release(&shd);
	return st;
}

/*
 * POSTs f->body to METHOD; on 0, f->r is the answer (a JSON object with a
 * 'result'), its bytes in f->pg.page.
 */
static int call(struct fetch *f, const char *method)
{
	static const char *const hdrs[] = {"Content-Type: application/json",
					   "Accept: application/json", NULL};
	struct json_error je;
	char ctype[128];
	const char *p;
	long status;
	size_t n;
	int st, ok;

	buf_reset(&f->url);
	buf_add(&f->url, f->base.p, f->base.len);
	buf_adds(&f->url, method);
	st = fetch_post(f->h, &f->pg, method, f->url.p, hdrs, f->body.p,
			f->body.len, &status, ctype);
	if (st)
		return st;
	ok = status >= 200 && status < 300;
	p = f->pg.page.p;
	n = f->pg.page.len;
	f->npages++;
	if (!n || rec_parse(&f->r, p, n, &je) < 0) {
		st = ferr(f, ok ? EX_PROTOCOL : EX_UNAVAILABLE,
			  "%s: HTTP %ld, and the answer is %s, not a "
			  "Bitrix24 page",
			  method, status, fetch_looks(ctype, p, n));
	} else if (!json_is_empty(rec_get(&f->r, "error"))) {
		st = portal_error(f, method, status, &f->r);
	} else if (!ok) {
		st = ferr(f, EX_UNAVAILABLE, "%s: HTTP %ld", method, status);
	} else if (rec_get(&f->r, "result").type == JSON_NONE) {
		st = ferr(f, EX_PROTOCOL,
			  "%s: the answer has no 'result', not a Bitrix24 "
			  "page",
			  method);
	}
	return st;
}

/* The portal's clock at the first answer: time.date_start. */
static void note_start(struct fetch *f)
{
	struct json_span t = rec_get(&f->r, "time"), k, v;
	struct json_iter it;
	struct ptime pt;

	if (f->run_start != INT64_MIN || t.type != JSON_OBJECT)
		return;
	json_iter_init(&it, t);
	while (json_iter_next(&it, &k, &v)) {
		if (!json_str_eq(k, "date_start", 10) || v.type != JSON_STRING)
			continue;
		buf_reset(&f->sc);
		json_str_decode(v, &f->sc);
		if (ptime_parse(f->sc.p, f->sc.len, &pt) == 0 && pt.has_off) {
			f->run_start = pt.sec;
			buf_reset(&f->run_start_text);
			buf_add(&f->run_start_text, f->sc.p, f->sc.len);
		}
	}
}

static void note_log(struct fetch *f, const char *fmt, ...) ERR_PRINTF(2, 3);

static void note_log(struct fetch *f, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!f->o->net.log)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	f->o->net.log(f->o->net.log_arg, msg);
}

/* ---- the dictionaries: paged by start and next ----------------------------
 */

static int fetch_dict(struct fetch *f, const char *method, enum bitrix_use use)
{
	int64_t start = 0, next;
	unsigned long k = 0;
	int st;

	bitrix_begin(f->x, use, NULL, NULL, f->err);
	for (;;) {
		buf_reset(&f->body);
		if (use == BITRIX_USERS) /* user.get's own words */
			buf_addf(&f->body,
				 "{\"sort\":\"ID\",\"order\":\"ASC\","
				 "\"start\":%lld}",
				 (long long)start);
		else
			buf_addf(&f->body,
				 "{\"order\":{\"ID\":\"ASC\"},\"start\":%lld}",
				 (long long)start);
		buf_reset(&f->name);
		buf_addf(&f->name, "%s page %lu", method, ++k);
		if ((st = call(f, method)) != 0)
			return st;
		if (rec_get(&f->r, "result").type != JSON_ARRAY)
			return ferr(f, EX_PROTOCOL,
				    "%s: 'result' is not a list", method);
		st = bitrix_page(f->x, f->name.p, &f->r, f->pg.page.p,
				 f->pg.page.len);
		if (st)
			return st;
		if (fetch_i64(rec_get(&f->r, "next"), &f->sc, &next) < 0)
			break;
		if (next <= start)
			return ferr(f, EX_PROTOCOL,
				    "%s: 'next' %lld does not move on", method,
				    (long long)next);
		start = next;
	}
	return bitrix_end(f->x, use, method);
}

static int fetch_categories(struct fetch *f)
{
	struct json_span res, cats = {NULL, 0, JSON_NONE, 0}, k, v;
	struct json_iter it;
	size_t n = 0;
	int st;

	buf_reset(&f->body);
	buf_adds(&f->body, "{\"entityTypeId\":2}");
	buf_reset(&f->name);
	buf_adds(&f->name, "crm.category.list");
	if ((st = call(f, "crm.category.list")) != 0)
		return st;
	res = rec_get(&f->r, "result");
	if (res.type == JSON_OBJECT) {
		json_iter_init(&it, res);
		while (json_iter_next(&it, &k, &v))
			if (json_str_eq(k, "categories", 10))
				cats = v;
	}
	if (cats.type != JSON_ARRAY)
		return ferr(f, EX_PROTOCOL,
			    "crm.category.list: no 'result.categories' list");
	json_iter_init(&it, cats);
	while (json_iter_next(&it, NULL, &v))
		n++;
	bitrix_begin(f->x, BITRIX_CATEGORIES, NULL, NULL, f->err);
	if ((st = bitrix_page(f->x, f->name.p, &f->r, f->pg.page.p,
			      f->pg.page.len)) != 0 ||
	    (st = bitrix_end(f->x, BITRIX_CATEGORIES, f->name.p)) != 0)
		return st;
	note_log(f, "crm.category.list: %zu deal pipeline%s", n,
		 n == 1 ? "" : "s");
	return 0;
}

/* ---- the lists: start=-1, order by ID, filter >ID -------------------------
 */

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
 * One list: what changed since mark m (leads, deals: etype 0) or what is
 * new (stage history of entityTypeId etype), into the engine's records;
 * m moves to the last row taken.
 */
static int fetch_list(struct fetch *f, const char *method, int etype,
		      struct bitrix_mark *m)
{
	const struct bitrix_mark was = *m;
	struct bitrix_mark top = *m;
	struct json_span res, items, v;
	struct json_iter it;
	int64_t last = 0, id, pagemax;
	unsigned long k = 0, nrows = 0;
	size_t count, skipped;
	int st;

	top.dm = (struct buf)BUF_INIT;
	buf_add(&top.dm, m->dm.p, m->dm.len);
	if (etype && m->set)
		last = m->id;
	for (;;) {
		buf_reset(&f->body);
		buf_adds(&f->body, "{");
		if (etype)
			buf_addf(&f->body, "\"entityTypeId\":%d,", etype);
		buf_addf(&f->body,
			 "\"order\":{\"ID\":\"ASC\"},\"filter\":{\">ID\":%lld",
			 (long long)last);
		if (!etype && was.set) {
			buf_adds(&f->body, ",\">=DATE_MODIFY\":");
			jw_str(&f->body, was.dm.p, was.dm.len);
		}
		buf_adds(&f->body, "}");
		if (!etype)
			buf_adds(&f->body, ",\"select\":[\"*\",\"UF_*\"]");
		buf_adds(&f->body, ",\"start\":-1}");
		buf_reset(&f->name);
		buf_addf(&f->name, "%s page %lu", method, ++k);
		if ((st = call(f, method)) != 0)
			goto out;
		note_start(f);
		res = rec_get(&f->r, "result");
		items = etype ? (res.type == JSON_OBJECT ? member(res, "items")
							 : res)
			      : res;
		if (items.type != JSON_ARRAY) {
			st = ferr(f, EX_PROTOCOL, "%s: %s is not a list",
				  method,
				  etype ? "'result.items'" : "'result'");
			goto out;
		}
		count = skipped = 0;
		pagemax = last;
		buf_reset(&f->kept);
		json_iter_init(&it, items);
		while (json_iter_next(&it, NULL, &v)) {
			struct bitrix_mark row = {BUF_INIT, 0, 0, 1};
			int same;

			count++;
			if (v.type != JSON_OBJECT ||
			    fetch_i64(member(v, "ID"), &f->sc, &id) < 0) {
				st = ferr(f, EX_PROTOCOL,
					  "%s: row %zu of page %lu has no ID",
					  method, count, k);
				goto out;
			}
			if (id > pagemax)
				pagemax = id;
			if (etype) {
				if (id > top.id || !top.set) {
					top.id = id;
					top.set = 1;
				}
				continue;
			}
			if (set_dm(&row, member(v, "DATE_MODIFY"), &f->sc) <
			    0) {
				/* no mark from it; the engine says what is
				   wrong with it */
				buf_release(&row.dm);
				if (f->kept.len)
					buf_addc(&f->kept, ',');
				buf_add(&f->kept, v.p, v.n);
				continue;
			}
			same = was.set && row.dm_sec == was.dm_sec &&
			       id <= was.id;
			if (was.set && (row.dm_sec < was.dm_sec || same)) {
				/* taken by the run that set the mark */
				skipped++;
				buf_release(&row.dm);
				continue;
			}
			if (f->kept.len)
				buf_addc(&f->kept, ',');
			buf_add(&f->kept, v.p, v.n);
			if (!top.set || row.dm_sec > top.dm_sec ||
			    (row.dm_sec == top.dm_sec && id > top.id)) {
				buf_reset(&top.dm);
				buf_add(&top.dm, row.dm.p, row.dm.len);
				top.dm_sec = row.dm_sec;
				top.id = id;
				top.set = 1;
			}
			buf_release(&row.dm);
		}
		if (count && pagemax <= last) {
			st = ferr(f, EX_PROTOCOL,
				  "%s: the portal did not page (no ID above "
				  "%lld on page %lu)",
				  method, (long long)last, k);
			goto out;
		}
		last = pagemax;
		if (skipped) { /* a page without the rows taken before */
			struct json_error je;

			buf_reset(&f->sc);
			buf_adds(&f->sc, "{\"result\":[");
			buf_add(&f->sc, f->kept.p, f->kept.len);
			buf_adds(&f->sc, "]}");
			buf_reset(&f->kept);
			buf_add(&f->kept, f->sc.p, f->sc.len);
			rec_parse(&f->r2, f->kept.p, f->kept.len, &je);
			st = bitrix_page(f->x, f->name.p, &f->r2, f->kept.p,
					 f->kept.len);
		} else {
			st = bitrix_page(f->x, f->name.p, &f->r, f->pg.page.p,
					 f->pg.page.len);
		}
		if (st)
			goto out;
		nrows += count - skipped;
		if (count < PAGE)
			break;
	}
	/* never a mark later than the portal's clock when the run began */
	if (!etype && top.set && f->run_start != INT64_MIN &&
	    top.dm_sec > f->run_start) {
		buf_reset(&top.dm);
		buf_add(&top.dm, f->run_start_text.p, f->run_start_text.len);
		top.dm_sec = f->run_start;
		top.id = 0;
	}
	buf_release(&m->dm);
	*m = top;
	top.dm = (struct buf)BUF_INIT;
	note_log(f, "%s%s: %lu row%s in %lu page%s", method,
		 etype == 1   ? " (leads)"
		 : etype == 2 ? " (deals)"
			      : "",
		 nrows, nrows == 1 ? "" : "s", k, k == 1 ? "" : "s");
out:
	buf_release(&top.dm);
	return st;
}

/* ---- the whole run ------------------------------------------------------ */

/* The webhook's secret: the path segment after /rest/USER/. */
static int webhook(struct fetch *f, const char *url, struct buf *secret)
{
	const char *p = strstr(url, "/rest/"), *q, *s;

	if ((strncmp(url, "https://", 8) != 0 &&
	     strncmp(url, "http://", 7) != 0) ||
	    !p)
		goto bad;
	q = p + 6;
	if (!(*q >= '0' && *q <= '9'))
		goto bad;
	q += strspn(q, "0123456789");
	if (*q != '/')
		goto bad;
	s = ++q;
	q += strcspn(q, "/?#");
	if (q == s || (*q && *q != '/') || (*q == '/' && q[1]))
		goto bad;
	buf_add(secret, s, (size_t)(q - s));
	buf_addc(secret, '\0');
	buf_adds(&f->base, url);
	if (!*q)
		buf_addc(&f->base, '/');
	return 0;
bad:
	buf_reset(f->err);
	buf_adds(f->err, "the webhook is not an inbound webhook's URL "
			 "(https://PORTAL/rest/USER/SECRET/; it is not shown "
			 "here)");
	return EX_CONFIG;
}

static void fetch_release(struct fetch *f)
{
	http_free(f->h);
	buf_release(&f->base);
	buf_release(&f->url);
	fetch_page_release(&f->pg);
	buf_release(&f->body);
	buf_release(&f->name);
	buf_release(&f->sc);
	buf_release(&f->kept);
	buf_release(&f->run_start_text);
	rec_release(&f->r);
	rec_release(&f->r2);
}

int bitrix_fetch(struct bitrix *x, const struct bitrix_fetch_opts *o,
		 struct bitrix_state *s, struct sink *out, struct report *rep,
		 struct buf *err)
{
	struct fetch f;
	struct buf secret = BUF_INIT;
	int st;

	memset(&f, 0, sizeof f);
	rec_init(&f.r);
	rec_init(&f.r2);
	f.x = x;
	f.o = o;
	f.err = err;
	f.pg.err = err;
	f.pg.name = &f.name;
	f.run_start = INT64_MIN;
	if ((st = webhook(&f, o->webhook, &secret)) != 0)
		goto out;
	if (!(f.h = http_new(&o->net, err))) {
		st = EX_SOFTWARE;
		goto out;
	}
	http_secret(f.h, secret.p);
	if ((st = fetch_dict(&f, "crm.status.list", BITRIX_STATUSES)) ||
	    (st = fetch_categories(&f)) ||
	    (st = fetch_dict(&f, "user.get", BITRIX_USERS)))
		goto out;
	if (o->names)
		bitrix_emit_names(x, out);
	bitrix_begin(x, BITRIX_RECORDS, out, rep, err);
	if ((st = fetch_list(&f, "crm.lead.list", 0, &s->m[BX_LEAD])) ||
	    (st = fetch_list(&f, "crm.deal.list", 0, &s->m[BX_DEAL])) ||
	    (st = fetch_list(&f, "crm.stagehistory.list", 1,
			     &s->m[BX_LEAD_STAGES])) ||
	    (st = fetch_list(&f, "crm.stagehistory.list", 2,
			     &s->m[BX_DEAL_STAGES])))
		goto out;
out:
	buf_release(&secret);
	fetch_release(&f);
	return st;
}
