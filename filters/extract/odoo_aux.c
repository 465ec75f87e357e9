/*
 * odoo_aux.c - the files the odoo engine loads before the messages: the
 * res.users records whose partners are staff, and the helpdesk.ticket
 * records joined to the messages.  Each is search_read output (an array or
 * NDJSON, plain or zstd).  They are configuration: a file that is empty,
 * holds records of another model (a tickets file given as users, the
 * messages given as tickets) or a bad record is an error (65 with the file
 * and line), never a file silently taken for nothing.  See odoo.h.
 */
#include "odoo.h"
#include "odoo_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "in.h"
#include "jw.h"
#include "ptime.h"
#include "show.h"

/* ---- small helpers ------------------------------------------------------- */

void odoo_lower_ascii(char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101ull, highs = ones * 0x80;
	uint64_t v, low, upper;
	size_t i = 0;

	/* eight bytes at a time (every sender's address): a byte is 'A'..'Z'
	 * when below 0x80, at least 'A' and not above 'Z' - each test
	 * a carry into its high bit that stays within the byte */
	for (; n - i >= 8; i += 8) {
		memcpy(&v, p + i, 8);
		low = v & ~highs;
		upper = ((low + ones * (0x80 - 'A')) ^
			 (low + ones * (0x7f - 'Z'))) &
			~v & highs;
		v ^= upper >> 2;
		memcpy(p + i, &v, 8);
	}
	for (; i < n; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
}

void odoo_set_add_lower(struct hmap *m, const char *s, size_t n)
{
	char tmp[256];
	struct buf b = BUF_INIT;
	char *p = tmp;

	if (n > sizeof tmp) {
		buf_add(&b, s, n);
		p = b.p;
	} else {
		memcpy(tmp, s, n);
	}
	odoo_lower_ascii(p, n);
	hmap_put(m, p, n, NULL);
	buf_release(&b);
}

/*
 * odoo_m2o() of [id,"name"] as Odoo writes it: up to 18 digits, a comma
 * and a string without escapes that ends the array, read in one pass
 * without the iterator (two of each message's members and four of each
 * ticket's are one).  v is a validated array.  @return 1 with *id and
 * *name set as the iterator sets them, 0 for any other form.
 */
static int m2o_compact(struct json_span v, int64_t *id, struct json_span *name)
{
	const char *p = v.p + 1, *end = v.p + v.n - 1, *s; /* *end: ']' */
	uint64_t acc = 0;
	unsigned char hi = 0;

	if (p >= end || *p < '1' || *p > '9')
		return 0;
	for (s = p; p < end && *p >= '0' && *p <= '9'; p++)
		acc = acc * 10 + (uint64_t)(*p - '0');
	if (p - s > 18 || end - p < 3 || p[0] != ',' || p[1] != '"')
		return 0;
	s = ++p;
	for (p++; p < end && *p != '"' && *p != '\\'; p++)
		hi |= (unsigned char)*p;
	if (p != end - 1 || *p != '"')
		return 0;
	*id = (int64_t)acc;
	name->p = s;
	name->n = (size_t)(end - s);
	name->type = JSON_STRING;
	name->flags = hi & 0x80 ? JSON_F_NONASCII : 0;
	return 1;
}

int odoo_m2o(struct json_span v, int64_t *id, struct json_span *name)
{
	struct json_iter it;
	struct json_span a, b;

	if (json_is_empty(v))
		return 0;
	if (v.type == JSON_ARRAY && m2o_compact(v, id, name))
		return 1;
	if (v.type != JSON_ARRAY || json_iter_init(&it, v) < 0)
		return -1;
	if (!json_iter_next(&it, NULL, &a) || json_to_i64(a, id) < 0)
		return -1;
	if (!json_iter_next(&it, NULL, &b))
		b.type = JSON_NONE;
	else if (b.type != JSON_STRING && !json_is_empty(b))
		return -1;
	*name = b;
	return 1;
}

int odoo_opt_str(struct json_span v)
{
	if (v.type == JSON_STRING)
		return 1;
	return json_is_empty(v) ? 0 : -1;
}

static const char *type_name(struct json_span v)
{
	return json_type_name(v.type);
}

/* ---- reading a file ------------------------------------------------------ */

/* Where a record of a file is, and the message of its first error. */
struct aux {
	const char *file;
	uint64_t line;
	struct buf *err;
};

/* Sets the message "file:line: why".  @return -1. */
static int aux_bad(const struct aux *a, const char *fmt, ...) ERR_PRINTF(2, 3);

static int aux_bad(const struct aux *a, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_reset(a->err);
	buf_addf(a->err, "%s:%llu: %s", a->file, (unsigned long long)a->line,
		 msg);
	return -1;
}

typedef int aux_fn(struct odoo *x, const struct rec *r, const struct aux *a);

/*
 * Reads every record of path into fn, which returns -1 (the message set)
 * on a bad one.  @return 0 with *count records read, or an exit status
 * with the message in err.
 */
static int read_aux(struct odoo *x, const char *path, aux_fn *fn,
		    uint64_t *count, struct buf *err)
{
	struct in in;
	struct rec r = REC_INIT;
	struct json_error e;
	struct aux a;
	const char *p;
	size_t n;
	int st, rc = 0;

	*count = 0;
	if (in_open(&in, path, IN_AUTO) < 0) {
		buf_reset(err);
		buf_adds(err, in.msg);
		in_close(&in);
		return EX_NOINPUT;
	}
	a.file = in.display;
	a.err = err;
	in.parse = rec_take; /* an array's elements parsed as they are framed */
	in.parse_arg = &r;
	while ((st = in_next(&in, &p, &n)) == IN_OK) {
		a.line = in.lineno;
		if (!in.parsed && rec_parse(&r, p, n, &e) < 0) {
			aux_bad(&a, "%s (at byte %zu)", e.msg, e.off + 1);
			rc = EX_DATAERR;
			goto out;
		}
		if (fn(x, &r, &a) < 0) {
			rc = EX_DATAERR;
			goto out;
		}
		++*count;
	}
	if (st == IN_EBAD) {
		a.line = in.lineno;
		aux_bad(&a, "%s", in.msg);
		rc = EX_DATAERR;
	} else if (st != IN_EOF) {
		buf_reset(err);
		buf_adds(err, in.msg);
		rc = st == IN_EIO ? EX_IOERR : EX_DATAERR;
	}
out:
	in_close(&in);
	rec_release(&r);
	return rc;
}

static const char *shown(const char *path)
{
	return !path || strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* ---- res.users ----------------------------------------------------------- */

/* A member that only records of another model have, or NULL. */
static const char *foreign(const struct rec *r, const char *const *names)
{
	for (; *names; names++)
		if (rec_get(r, *names).type != JSON_NONE)
			return *names;
	return NULL;
}

static const char *const ticket_marks[] = {
	"stage_id", "team_id", "ticket_ref", "number", "sla_deadline", NULL,
};

static const char *const message_marks[] = {
	"res_id",
	"message_type",
	"subtype_id",
	NULL,
};

static int staff_user(struct odoo *x, const struct rec *r, const struct aux *a)
{
	struct json_span share = rec_get(r, "share");
	struct json_span pid = rec_get(r, "partner_id");
	struct json_span name;
	const char *m;
	int64_t id;
	int k;

	if ((m = foreign(r, message_marks)) != NULL)
		return aux_bad(a,
			       "a mail.message record (it has '%s'), not a "
			       "res.users one",
			       m);
	if ((m = foreign(r, ticket_marks)) != NULL)
		return aux_bad(a,
			       "a helpdesk.ticket record (it has '%s'), not a "
			       "res.users one: that is a --tickets file",
			       m);
	if (pid.type == JSON_NONE)
		return aux_bad(a, "not a res.users record: no 'partner_id' "
				  "(search_read it with partner_id and share)");
	if (share.type == JSON_TRUE)
		return 0; /* a portal or public user: a customer */
	if (!json_is_empty(share))
		return aux_bad(a,
			       "field 'share': expected true or false, got %s",
			       type_name(share));
	if (pid.type == JSON_NUMBER) {
		if (json_to_i64(pid, &id) < 0)
			return aux_bad(a, "field 'partner_id': expected an "
					  "integer");
		k = 1;
	} else {
		k = odoo_m2o(pid, &id, &name);
	}
	if (k < 0)
		return aux_bad(a,
			       "field 'partner_id': expected [id, name] or "
			       "false, got %s",
			       type_name(pid));
	if (k > 0) {
		hmap_put(&x->partners, &id, sizeof id, NULL);
		x->ninternal++;
	}
	return 0;
}

int odoo_load_staff_users(struct odoo *x, const char *path, uint64_t *internal,
			  struct buf *err)
{
	uint64_t count;
	int st;

	x->ninternal = 0;
	st = read_aux(x, path, staff_user, &count, err);
	*internal = x->ninternal;
	if (!st && !count) {
		buf_reset(err);
		buf_addf(err,
			 "%s: no res.users records in it (--staff-users reads "
			 "search_read output with partner_id and share)",
			 shown(path));
		st = EX_DATAERR;
	}
	return st;
}

int odoo_staff_user(struct odoo *x, const struct rec *r, const char *where,
		    uint64_t line, struct buf *err)
{
	struct aux a = {where, line, err};

	return staff_user(x, r, &a) < 0 ? EX_DATAERR : 0;
}

uint64_t odoo_staff_count(const struct odoo *x)
{
	return x->ninternal;
}

/* ---- helpdesk.ticket ----------------------------------------------------- */

/* Appends ,"key": (key needs no escaping). */
static void put_key(struct buf *b, const char *key)
{
	buf_add(b, ",\"", 2);
	buf_adds(b, key);
	buf_add(b, "\":", 2);
}

/* Appends ,"key":<v> when member field, v, is a non-empty string. */
static int tix_str(struct buf *b, struct json_span v, const char *field,
		   const char *key, const struct aux *a)
{
	int k = odoo_opt_str(v);

	if (k < 0)
		return aux_bad(a, "field '%s': expected a string, got %s",
			       field, type_name(v));
	if (k > 0) {
		put_key(b, key);
		buf_add(b, v.p, v.n);
	}
	return 0;
}

/*
 * Appends ,"key":"<name of many2one field>".  @return 1 when it did, 0
 * when not, -1 when v is not a many2one value.
 */
static int tix_m2o(struct buf *b, struct json_span v, const char *field,
		   const char *key, const struct aux *a)
{
	struct json_span name;
	int64_t id;
	int k = odoo_m2o(v, &id, &name);

	if (k < 0)
		return aux_bad(a,
			       "field '%s': expected [id, name] or false, got "
			       "%s",
			       field, type_name(v));
	if (k == 0 || name.type != JSON_STRING)
		return 0;
	put_key(b, key);
	buf_add(b, name.p, name.n);
	return 1;
}

/* A string, or a number kept as its digits in a string (ticket_ref...). */
static int tix_code(struct buf *b, struct json_span v, const char *field,
		    const char *key, const struct aux *a)
{
	if (v.type == JSON_NUMBER) {
		put_key(b, key);
		buf_addc(b, '"');
		buf_add(b, v.p, v.n);
		buf_addc(b, '"');
		return 0;
	}
	return tix_str(b, v, field, key, a);
}

/* Appends ,"key":"RFC 3339" for an Odoo datetime; null_if_false for false. */
static int tix_time(struct odoo *x, struct buf *b, struct json_span v,
		    const char *field, const char *key, int null_if_false,
		    const struct aux *a)
{
	int rc;
	struct ptime t;
	const char *p;
	size_t n;
	char ts[32];
	int k = odoo_opt_str(v);

	if (k < 0)
		return aux_bad(a, "field '%s': expected a string, got %s",
			       field, type_name(v));
	if (k == 0) {
		if (null_if_false && v.type != JSON_NONE) {
			put_key(b, key);
			buf_add(b, "null", 4);
		}
		return 0;
	}
	json_str_view(v, &x->sc, &p, &n);
	if ((rc = ptime_parse(p, n, &t)) < 0)
		return aux_bad(a, "field '%s': %s: '%s'", field,
			       rc == PTIME_ERANGE
				       ? "date and time out of range "
					 "(years 0001 to 9999)"
				       : "not a date and time",
			       show(&x->shv, p, n, SHOW_MAX));
	ptime_fmt_utc(ts, t.sec);
	put_key(b, key);
	buf_addc(b, '"');
	buf_adds(b, ts);
	buf_addc(b, '"');
	return 0;
}

/* The members of a helpdesk.ticket that are read. */
enum {
	T_ID,
	T_NAME,
	T_REF,
	T_NUMBER,
	T_PARTNER_ID,
	T_PARTNER_NAME,
	T_PARTNER_EMAIL,
	T_STAGE,
	T_PRIORITY,
	T_TEAM,
	T_CREATED,
	T_SLA,
	T_CHANNEL,
	T_ORIGIN,
	/* what tells a record of another model */
	T_LOGIN,
	T_SHARE,
	T_RES_ID,
	T_MESSAGE_TYPE,
	T_NFIELDS
};

const char *const odoo_ticket_fields[T_NFIELDS] = {
	"id",
	"name",
	"ticket_ref",
	"number",
	"partner_id",
	"partner_name",
	"partner_email",
	"stage_id",
	"priority",
	"team_id",
	"create_date",
	"sla_deadline",
	"channel_id",
	"origin_channel_id",
	"login",
	"share",
	"res_id",
	"message_type",
};

const size_t odoo_nticket_fields = T_NFIELDS;

/* The ticket id, added (zeroed) when absent; the caller checked room. */
static struct tix *tix_put(struct tix_map *m, int64_t id)
{
	struct tix_slot *old = m->slots;
	size_t oldn = m->nslots, i, j;

	if ((m->n + 1) * 2 > m->nslots) {
		m->nslots = oldn ? 2 * oldn : 1024;
		m->slots = xcalloc(m->nslots, sizeof *m->slots);
		for (i = 0; i < oldn; i++) {
			if (!old[i].used)
				continue;
			j = tix_home(m, old[i].id);
			while (m->slots[j].used)
				j = (j + 1) & (m->nslots - 1);
			m->slots[j] = old[i];
		}
		free(old);
	}
	for (j = tix_home(m, id); m->slots[j].used;
	     j = (j + 1) & (m->nslots - 1))
		if (m->slots[j].id == id)
			return &m->t[m->slots[j].used - 1];
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 1024;
		m->t = xrealloc(m->t, m->cap * sizeof *m->t);
	}
	memset(&m->t[m->n], 0, sizeof *m->t);
	m->slots[j].used = (uint32_t)++m->n;
	m->slots[j].id = id;
	return &m->t[m->n - 1];
}

/* Whether a ticket record has one of the members of tickets. */
static int ticket_like(const struct json_span *f)
{
	int i;

	for (i = T_NAME; i <= T_CHANNEL; i++)
		if (f[i].type != JSON_NONE)
			return 1;
	return 0;
}

static int ticket(struct odoo *x, const struct rec *r, const struct aux *a)
{
	struct tix_load *tl = &x->tl;
	struct json_span f[T_NFIELDS], vid, ch, chname, oname;
	struct buf *b = &x->tix;
	struct tix *t;
	size_t start = b->len;
	int64_t id, chid, oid;
	int oca = 0, k, ko;

	pick(&x->tpick, r, f, &x->sc);
	if (f[T_LOGIN].type != JSON_NONE || f[T_SHARE].type != JSON_NONE)
		return aux_bad(a,
			       "a res.users record (it has '%s'), not a "
			       "helpdesk.ticket: that is a --staff-users file",
			       f[T_LOGIN].type != JSON_NONE ? "login"
							    : "share");
	if (f[T_RES_ID].type != JSON_NONE ||
	    f[T_MESSAGE_TYPE].type != JSON_NONE)
		return aux_bad(a,
			       "a mail.message record (it has '%s'), not a "
			       "helpdesk.ticket",
			       f[T_RES_ID].type != JSON_NONE ? "res_id"
							     : "message_type");
	vid = f[T_ID];
	if (vid.type == JSON_NONE)
		return aux_bad(a, "missing field 'id'");
	if (json_to_i64(vid, &id) < 0)
		return aux_bad(a, "field 'id': expected an integer, got %s",
			       type_name(vid));
	if (!ticket_like(f))
		return aux_bad(a, "not a helpdesk.ticket record: none of name, "
				  "ticket_ref, number, partner_id, stage_id, "
				  "team_id, create_date");
	if (tix_str(b, f[T_NAME], "name", "ticket_name", a) < 0)
		goto bad;
	if (f[T_REF].type != JSON_NONE) {
		tl->enterprise++;
		if (tix_code(b, f[T_REF], "ticket_ref", "ticket_ref", a) < 0)
			goto bad;
	}
	if (f[T_NUMBER].type != JSON_NONE) {
		oca = 1;
		if (json_is_empty(f[T_REF]) &&
		    tix_code(b, f[T_NUMBER], "number", "ticket_ref", a) < 0)
			goto bad;
	}
	k = tix_m2o(b, f[T_PARTNER_ID], "partner_id", "partner_name", a);
	if (k < 0 || (k == 0 && tix_str(b, f[T_PARTNER_NAME], "partner_name",
					"partner_name", a) < 0))
		goto bad;
	if (tix_str(b, f[T_PARTNER_EMAIL], "partner_email", "partner_email",
		    a) < 0 ||
	    tix_m2o(b, f[T_STAGE], "stage_id", "stage", a) < 0 ||
	    tix_code(b, f[T_PRIORITY], "priority", "ticket_priority", a) < 0 ||
	    tix_m2o(b, f[T_TEAM], "team_id", "team", a) < 0 ||
	    tix_time(x, b, f[T_CREATED], "create_date", "ticket_created", 0,
		     a) < 0 ||
	    tix_time(x, b, f[T_SLA], "sla_deadline", "sla_deadline", 1, a) < 0)
		goto bad;
	ch = f[T_CHANNEL];
	if (ch.type != JSON_NONE)
		oca = 1;
	k = odoo_m2o(ch, &chid, &chname);
	if (k < 0) {
		aux_bad(a,
			"field 'channel_id': expected [id, name] or false, "
			"got %s",
			type_name(ch));
		goto bad;
	}
	ko = odoo_m2o(f[T_ORIGIN], &oid, &oname);
	if (ko < 0) {
		aux_bad(a,
			"field 'origin_channel_id': expected [id, name] or "
			"false, got %s",
			type_name(f[T_ORIGIN]));
		goto bad;
	}
	if (x->tickets.n == UINT32_MAX - 1) {
		aux_bad(a, "too many tickets");
		goto bad;
	}
	t = tix_put(&x->tickets, id);
	t->off = start;
	t->len = b->len - start;
	t->chlen = 0;
	if (k > 0 && chname.type == JSON_STRING) {
		t->choff = b->len;
		buf_add(b, chname.p, chname.n);
		t->chlen = chname.n;
	} else if (ko > 0) { /* made from a live chat (Odoo 18 and later) */
		t->choff = b->len;
		buf_adds(b, "\"Live chat\"");
		t->chlen = b->len - t->choff;
	}
	tl->oca += oca;
	tl->n++;
	return 0;
bad:
	b->len = start;
	return -1;
}

int odoo_load_tickets(struct odoo *x, const char *path, struct buf *err)
{
	uint64_t count;
	int st;

	x->have_tickets = 1;
	st = read_aux(x, path, ticket, &count, err);
	if (!st && !count) {
		buf_reset(err);
		buf_addf(err,
			 "%s: no helpdesk.ticket records in it (--tickets "
			 "reads search_read output)",
			 shown(path));
		st = EX_DATAERR;
	}
	return st;
}

int odoo_ticket(struct odoo *x, const struct rec *r, const char *where,
		uint64_t line, struct buf *err)
{
	struct aux a = {where, line, err};

	x->have_tickets = 1;
	return ticket(x, r, &a) < 0 ? EX_DATAERR : 0;
}

void odoo_join_tickets(struct odoo *x)
{
	x->have_tickets = 1;
}

size_t odoo_ticket_query(const char *const **names)
{
	*names = odoo_ticket_fields;
	return T_ORIGIN + 1;
}

int odoo_has_ticket(const struct odoo *x, int64_t id)
{
	return tix_get(&x->tickets, id) != NULL;
}

void odoo_tickets_note(const struct odoo *x, struct buf *out)
{
	const struct tix_load *tl = &x->tl;

	buf_addf(out, "%zu loaded (", x->tickets.n);
	if (tl->enterprise && !tl->oca)
		buf_adds(out, "Enterprise fields");
	else if (tl->oca && !tl->enterprise)
		buf_adds(out, "OCA helpdesk_mgmt fields");
	else if (tl->oca && tl->enterprise)
		buf_addf(out,
			 "mixed: %llu with Enterprise fields, %llu with OCA "
			 "helpdesk_mgmt fields",
			 (unsigned long long)tl->enterprise,
			 (unsigned long long)tl->oca);
	else
		buf_adds(out, "neither ticket_ref nor number: variant unknown");
	buf_addc(out, ')');
}
