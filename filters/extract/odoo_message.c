/*
 * odoo_message.c - the odoo engine: who is staff, and each mail.message of
 * a ticket to a `message` record (its direction, its sender, its text,
 * the ticket's joined fields).  See odoo.h.
 */
#include "odoo.h"
#include "odoo_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "jw.h"
#include "ptime.h"
#include "show.h"
#include "text.h"

/* ---- small helpers ------------------------------------------------------- */

static int staff_configured(const struct odoo *x)
{
	return hmap_len(&x->partners) || hmap_len(&x->emails) ||
	       hmap_len(&x->domains) || x->nsenders;
}

/* memmem(3) and memrchr(3) are GNU extensions: portable ones. */
static int has_sub(const char *h, size_t hn, const char *nd, size_t nn)
{
	size_t i;

	for (i = 0; i + nn <= hn; i++)
		if (h[i] == nd[0] && memcmp(h + i, nd, nn) == 0)
			return 1;
	return 0;
}

static const char *last_of(const char *p, char c, size_t n)
{
	while (n-- > 0)
		if (p[n] == c)
			return p + n;
	return NULL;
}

static const char *plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

static const char *type_name(struct json_span v)
{
	return json_type_name(v.type);
}

/* ---- staff from options and rules ---------------------------------------- */

int odoo_staff_domain(struct odoo *x, const char *d, size_t n)
{
	while (n > 0 && (*d == '@' || *d == '.')) {
		d++;
		n--;
	}
	if (n == 0)
		return -1;
	odoo_set_add_lower(&x->domains, d, n);
	return 0;
}

int odoo_staff_email(struct odoo *x, const char *e, size_t n)
{
	if (!memchr(e, '@', n))
		return -1;
	odoo_set_add_lower(&x->emails, e, n);
	return 0;
}

void odoo_note_subtype(struct odoo *x, int64_t id)
{
	x->note_subtypes = xrealloc(x->note_subtypes,
				    (x->nnote + 1) * sizeof *x->note_subtypes);
	x->note_subtypes[x->nnote++] = id;
}

size_t odoo_staff_rules(struct odoo *x, const struct rules *rs)
{
	const struct rule_section *sec = rules_section(rs, "staff");
	size_t i, ignored = 0;
	struct sender *s;

	if (!sec)
		return 0;
	for (i = 0; i < sec->n; i++) {
		const struct rule *ru = &sec->r[i];

		switch (ru->field) {
		case RULE_DOMAIN:
			odoo_set_add_lower(&x->domains, ru->pat, ru->len);
			break;
		case RULE_EMAIL:
			odoo_set_add_lower(&x->emails, ru->pat, ru->len);
			break;
		case RULE_SENDER:
			x->senders = xrealloc(x->senders,
					      (x->nsenders + 1) *
						      sizeof *x->senders);
			s = &x->senders[x->nsenders++];
			s->p = xstrndup(ru->pat, ru->len);
			s->n = ru->len;
			odoo_lower_ascii(s->p, s->n);
			break;
		default:
			ignored++;
		}
	}
	return ignored;
}

static int is_staff(const struct odoo *x, int has_author, int64_t author,
		    const char *addr, size_t alen)
{
	const char *at, *d;
	size_t i, dn;

	if (has_author && hmap_get(&x->partners, &author, sizeof author))
		return 1;
	if (!alen)
		return 0;
	if (hmap_get(&x->emails, addr, alen))
		return 1;
	for (i = 0; i < x->nsenders; i++)
		if (has_sub(addr, alen, x->senders[i].p, x->senders[i].n))
			return 1;
	if (!hmap_len(&x->domains))
		return 0;
	at = last_of(addr, '@', alen);
	if (!at)
		return 0;
	d = at + 1;
	dn = alen - (size_t)(d - addr);
	while (dn) {
		const char *dot;

		if (hmap_get(&x->domains, d, dn))
			return 1;
		dot = memchr(d, '.', dn);
		if (!dot)
			break;
		dn -= (size_t)(dot + 1 - d);
		d = dot + 1;
	}
	return 0;
}

/* ---- one message --------------------------------------------------------- */

/*
 * Splits email_from ("Name" <a@b>, Name <a@b>, a@b) into the lower-cased
 * address (x->addr) and the display name, unquoted (x->name); either may
 * end up empty.
 */
static void parse_from(struct odoo *x, const char *p, size_t n)
{
	const char *lt = last_of(p, '<', n), *gt = NULL, *a = NULL, *nm;
	size_t an = 0, nn, k;

	if (lt)
		gt = memchr(lt, '>', n - (size_t)(lt - p));
	if (lt && gt) {
		a = lt + 1;
		an = (size_t)(gt - a);
		nm = p;
		nn = (size_t)(lt - p);
	} else {
		nn = n;
		nm = text_trim(p, &nn);
		if (memchr(nm, '@', nn)) {
			a = nm;
			an = nn;
			nn = 0;
		}
	}
	buf_reset(&x->addr);
	buf_reset(&x->name);
	if (a) {
		a = text_trim(a, &an);
		buf_add(&x->addr, a, an);
		odoo_lower_ascii(x->addr.p, an);
	}
	nm = text_trim(nm, &nn);
	if (nn >= 2 && nm[0] == '"' && nm[nn - 1] == '"') {
		for (k = 1; k + 1 < nn; k++) {
			if (nm[k] == '\\' && k + 2 < nn)
				k++;
			buf_addc(&x->name, nm[k]);
		}
	} else {
		buf_add(&x->name, nm, nn);
	}
}

static int is_ticket_model(struct json_span v)
{
	static const char raw[] = "\"" TICKET_MODEL "\"";

	if (v.type != JSON_STRING)
		return 0;
	if (!(v.flags & JSON_F_ESC))
		return v.n == sizeof raw - 1 && memcmp(v.p, raw, v.n) == 0;
	return json_str_eq(v, TICKET_MODEL, sizeof TICKET_MODEL - 1);
}

static void count_other(struct odoo *x, struct json_span model)
{
	const char *p = "(none)";
	size_t n = 6;
	uint64_t *cnt;

	if (model.type == JSON_STRING)
		json_str_view(model, &x->sc, &p, &n);
	cnt = hmap_put(&x->other, p, n, NULL);
	(*cnt)++;
	x->nother++;
}

static int name_is(const char *p, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n == k && strncasecmp(p, s, k) == 0;
}

/* Subtypes that are internal notes by name: Note (16/17), Notes (master). */
static int note_name(struct odoo *x, struct json_span name)
{
	const char *p;
	size_t n;

	if (name.type != JSON_STRING)
		return 0;
	json_str_view(name, &x->sc, &p, &n);
	p = text_trim(p, &n);
	return name_is(p, n, "note") || name_is(p, n, "notes") ||
	       name_is(p, n, "notiz") || name_is(p, n, "notizen");
}

enum mtype { MT_OTHER, MT_EMAIL, MT_COMMENT, MT_OUTGOING, MT_WHATSAPP };

static enum mtype mtype_of(struct json_span v)
{
	if (v.type != JSON_STRING || (v.flags & JSON_F_ESC))
		return MT_OTHER;
	if (v.n == 7 && memcmp(v.p, "\"email\"", 7) == 0)
		return MT_EMAIL;
	if (v.n == 9 && memcmp(v.p, "\"comment\"", 9) == 0)
		return MT_COMMENT;
	if (v.n == 16 && memcmp(v.p, "\"email_outgoing\"", 16) == 0)
		return MT_OUTGOING;
	if (v.n == 18 && memcmp(v.p, "\"whatsapp_message\"", 18) == 0)
		return MT_WHATSAPP;
	return MT_OTHER;
}

/* Appends a string literal. */
#define ADD_LIT(b, lit) buf_add((b), (lit), sizeof(lit) - 1)

/* Writes a string span as it came (it is valid JSON), or null. */
static void put_raw_or_null(struct buf *o, struct json_span v)
{
	if (v.type == JSON_STRING && v.n > 2)
		buf_add(o, v.p, v.n);
	else
		ADD_LIT(o, "null");
}

/* The fields of one mail.message, checked. */
struct msg {
	int64_t id, res_id, author, subtype;
	char ts[21]; /* "YYYY-MM-DDTHH:MM:SSZ" */
	struct json_span mtype, subname, authname, from, subject, body;
	int has_author, has_subtype, internal;
};

/* Sets the reason for a bad record.  @return -1. */
static int fail(char *msg, size_t msz, const char *fmt, ...) ERR_PRINTF(3, 4);

static int fail(char *msg, size_t msz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, msz, fmt, ap);
	va_end(ap);
	return -1;
}

#define BAD_TYPE(field, want, v)                                               \
	fail(msg, msz, "field '%s': expected %s, got %s", field, want,         \
	     type_name(v))

static unsigned two_digits(const char *p)
{
	return (unsigned)(p[0] - '0') * 10 + (unsigned)(p[1] - '0');
}

/*
 * ts for date p[0..n) when it is as Odoo writes it, "2025-10-06 18:00:18"
 * (UTC), with its fields in their ranges and a day up to 28 (one that
 * every month has): ptime_parse() takes that and ptime_fmt_utc() writes
 * its own digits back, so they are copied, without the round trip
 * through seconds (2% of the run).  @return 1, or 0 for any other form
 * (ptime_parse() decides).
 */
static int plain_date(const char *p, size_t n, char *ts)
{
	static const char form[] = "dddd-dd-dd dd:dd:dd";
	size_t k;

	if (n != sizeof form - 1)
		return 0;
	for (k = 0; k < n; k++)
		if (form[k] == 'd' ? p[k] < '0' || p[k] > '9' : p[k] != form[k])
			return 0;
	if (two_digits(p) + two_digits(p + 2) == 0 || /* year 0000 */
	    two_digits(p + 5) - 1 >= 12 || two_digits(p + 8) - 1 >= 28 ||
	    two_digits(p + 11) >= 24 || two_digits(p + 14) >= 60 ||
	    two_digits(p + 17) >= 60)
		return 0;
	memcpy(ts, p, n);
	ts[10] = 'T';
	ts[19] = 'Z';
	ts[20] = '\0';
	return 1;
}

/* The members of a mail.message that are read. */
enum {
	M_MODEL,
	M_ID,
	M_DATE,
	M_RES_ID,
	M_TYPE,
	M_SUBTYPE,
	M_INTERNAL,
	M_AUTHOR,
	M_FROM,
	M_SUBJECT,
	M_BODY,
	M_NFIELDS
};

static const char *const message_fields[M_NFIELDS] = {
	"model",	"id",	      "date",	     "res_id",
	"message_type", "subtype_id", "is_internal", "author_id",
	"email_from",	"subject",    "body",
};

/*
 * Reads r into m.  @return 1 for a message to emit, 0 for one counted and
 * left out, -1 for a bad record (the reason in msg).
 */
static int read_msg(struct odoo *x, const struct rec *r, struct msg *m,
		    char *msg, size_t msz)
{
	int rc;
	struct json_span f[M_NFIELDS], v, vi;
	const char *p;
	size_t n;
	int k;

	pick(&x->mpick, r, f, &x->sc);
	v = f[M_MODEL];
	if (v.type != JSON_NONE && !is_ticket_model(v)) {
		if (v.type != JSON_STRING && !json_is_empty(v))
			return BAD_TYPE("model", "a string", v);
		count_other(x, v);
		return 0;
	}
	v = f[M_ID];
	if (v.type == JSON_NONE)
		return fail(msg, msz, "missing field 'id'");
	if (json_to_i64(v, &m->id) < 0)
		return BAD_TYPE("id", "an integer", v);
	v = f[M_DATE];
	if (v.type == JSON_NONE)
		return fail(msg, msz, "missing field 'date'");
	if (v.type != JSON_STRING)
		return BAD_TYPE("date", "a string", v);
	json_str_view(v, &x->sc, &p, &n);
	if (!plain_date(p, n, m->ts)) {
		struct ptime t;

		if ((rc = ptime_parse(p, n, &t)) < 0)
			return fail(msg, msz, "field 'date': %s: '%s'",
				    rc == PTIME_ERANGE
					    ? "date and time out of range "
					      "(years 0001 to 9999)"
					    : "not a date and time",
				    show(&x->shv, p, n, SHOW_MAX));
		ptime_fmt_utc(m->ts, t.sec);
	}
	v = f[M_RES_ID];
	if (v.type == JSON_NONE)
		return fail(msg, msz, "missing field 'res_id'");
	if (json_is_empty(v)) {
		x->nnores++;
		return 0;
	}
	if (json_to_i64(v, &m->res_id) < 0)
		return BAD_TYPE("res_id", "an integer or false", v);
	if (m->res_id == 0) {
		x->nnores++;
		return 0;
	}

	m->mtype = f[M_TYPE];
	if (odoo_opt_str(m->mtype) < 0)
		return BAD_TYPE("message_type", "a string", m->mtype);
	v = f[M_SUBTYPE];
	k = odoo_m2o(v, &m->subtype, &m->subname);
	if (k < 0)
		return BAD_TYPE("subtype_id", "[id, name] or false", v);
	m->has_subtype = k > 0;
	if (!m->has_subtype)
		m->subname.type = JSON_NONE;
	vi = f[M_INTERNAL];
	if (!json_is_empty(vi) && vi.type != JSON_TRUE)
		return BAD_TYPE("is_internal", "true or false", vi);
	m->internal = vi.type == JSON_TRUE;
	v = f[M_AUTHOR];
	k = odoo_m2o(v, &m->author, &m->authname);
	if (k < 0)
		return BAD_TYPE("author_id", "[id, name] or false", v);
	m->has_author = k > 0;
	if (!m->has_author)
		m->authname.type = JSON_NONE;
	m->from = f[M_FROM];
	if (odoo_opt_str(m->from) < 0)
		return BAD_TYPE("email_from", "a string", m->from);
	m->subject = f[M_SUBJECT];
	if (odoo_opt_str(m->subject) < 0)
		return BAD_TYPE("subject", "a string", m->subject);
	m->body = f[M_BODY];
	if (odoo_opt_str(m->body) < 0)
		return BAD_TYPE("body", "a string", m->body);
	return 1;
}

static const char *direction(struct odoo *x, const struct msg *m)
{
	enum mtype t = mtype_of(m->mtype);
	size_t i;

	if (t == MT_OTHER)
		return "system";
	if (m->internal || note_name(x, m->subname))
		return "note";
	if (m->has_subtype)
		for (i = 0; i < x->nnote; i++)
			if (x->note_subtypes[i] == m->subtype)
				return "note";
	if (t == MT_OUTGOING)
		return "out";
	if (!staff_configured(x))
		return t == MT_COMMENT ? "out" : "in";
	return is_staff(x, m->has_author, m->author, x->addr.p, x->addr.len)
		       ? "out"
		       : "in";
}

int odoo_add(struct odoo *x, const struct rec *r, struct sink *out, char *msg,
	     size_t msz)
{
	struct buf *o = &out->b;
	const struct tix *t = NULL;
	struct msg m;
	const char *p;
	size_t n;
	int k;

	if ((k = read_msg(x, r, &m, msg, msz)) <= 0)
		return k;
	/*
	 * The ticket is three loads that miss the cache one after the other
	 * (its slot, its index entry, its rendered members): the first is
	 * started now and the last when the ticket is found, each with
	 * other work before its bytes are needed.
	 */
	if (x->have_tickets && x->tickets.n)
		__builtin_prefetch(tix_first_slot(&x->tickets, m.res_id));
	buf_reset(&x->addr);
	buf_reset(&x->name);
	if (m.from.type == JSON_STRING) {
		json_str_view(m.from, &x->sc, &p, &n);
		parse_from(x, p, n);
	}
	buf_reset(&x->text);
	if (m.body.type == JSON_STRING) {
		json_str_view(m.body, &x->body, &p, &n);
		html_to_text(p, n, &x->text, &x->tmp, 0);
	}

	if (x->have_tickets) {
		t = tix_get(&x->tickets, m.res_id);
		if (!t) {
			x->nunknown++;
			hmap_put(&x->unknown, &m.res_id, sizeof m.res_id, NULL);
		} else {
			__builtin_prefetch(x->tix.p + t->off);
			__builtin_prefetch(x->tix.p + t->off + 64);
			if (t->chlen)
				__builtin_prefetch(x->tix.p + t->choff);
		}
	}
	ADD_LIT(o, "{\"kind\":\"message\",\"ticket_id\":");
	jw_i64(o, m.res_id);
	ADD_LIT(o, ",\"message_id\":");
	jw_i64(o, m.id);
	ADD_LIT(o, ",\"ts\":\"");
	buf_add(o, m.ts, 20);
	ADD_LIT(o, "\",\"direction\":\"");
	buf_adds(o, direction(x, &m));
	ADD_LIT(o, "\",\"message_type\":");
	put_raw_or_null(o, m.mtype);
	ADD_LIT(o, ",\"subtype\":");
	put_raw_or_null(o, m.subname);
	ADD_LIT(o, ",\"email\":");
	if (x->addr.len)
		jw_str(o, x->addr.p, x->addr.len);
	else
		ADD_LIT(o, "null");
	ADD_LIT(o, ",\"author\":");
	if (m.authname.type == JSON_STRING && m.authname.n > 2)
		buf_add(o, m.authname.p, m.authname.n);
	else if (x->name.len)
		jw_str(o, x->name.p, x->name.len);
	else
		ADD_LIT(o, "null");
	ADD_LIT(o, ",\"subject\":");
	put_raw_or_null(o, m.subject);
	ADD_LIT(o, ",\"text\":");
	/* the text is valid UTF-8 (html.h): only escaped, not checked */
	jw_str_utf8(o, x->text.p ? x->text.p : "", x->text.len);
	ADD_LIT(o, ",\"channel\":");
	if (t && t->chlen)
		buf_add(o, x->tix.p + t->choff, t->chlen);
	else if (mtype_of(m.mtype) == MT_EMAIL)
		ADD_LIT(o, "\"email\"");
	else if (mtype_of(m.mtype) == MT_WHATSAPP)
		ADD_LIT(o, "\"WhatsApp\"");
	else
		ADD_LIT(o, "null");
	if (t)
		buf_add(o, x->tix.p + t->off, t->len);
	ADD_LIT(o, "}\n");
	sink_commit(out);
	return 0;
}

/* ---- the run ------------------------------------------------------------- */

void odoo_left_out(const struct odoo *x, const char *tickets_path,
		   struct strvec *lines)
{
	struct buf b = BUF_INIT, line = BUF_INIT, sh = BUF_INIT;
	size_t n = hmap_len(&x->other), *idx, i, j, tmp;

	if (x->nother) {
		idx = xmalloc(n * sizeof *idx);
		for (i = 0; i < n; i++)
			idx[i] = i;
		for (i = 1; i < n; i++) /* by count, descending; stable */
			for (j = i;
			     j > 0 &&
			     *(uint64_t *)hmap_val_at(&x->other, idx[j]) >
				     *(uint64_t *)hmap_val_at(&x->other,
							      idx[j - 1]);
			     j--) {
				tmp = idx[j];
				idx[j] = idx[j - 1];
				idx[j - 1] = tmp;
			}
		for (i = 0; i < n && i < 8; i++) {
			const struct hmap_entry *e =
				hmap_entry_at(&x->other, idx[i]);

			buf_addf(&b, "%s%s: %llu", i ? ", " : "",
				 show(&sh, e->key, e->klen, (size_t)-1),
				 (unsigned long long)*(uint64_t *)hmap_val_at(
					 &x->other, idx[i]));
		}
		if (n > 8)
			buf_adds(&b, ", ...");
		buf_addf(&line, "%llu message%s of other models ignored (%s)",
			 (unsigned long long)x->nother, plural(x->nother), b.p);
		strvec_push(lines, line.p);
		free(idx);
	}
	if (x->nnores) {
		buf_reset(&line);
		buf_addf(&line,
			 "%llu message%s without a ticket (res_id false or 0) "
			 "ignored",
			 (unsigned long long)x->nnores, plural(x->nnores));
		strvec_push(lines, line.p);
	}
	if (x->nunknown) {
		buf_reset(&line);
		buf_addf(&line,
			 "%llu message%s of %zu ticket%s not in '%s': no "
			 "ticket fields joined",
			 (unsigned long long)x->nunknown, plural(x->nunknown),
			 hmap_len(&x->unknown), plural(hmap_len(&x->unknown)),
			 tickets_path);
		strvec_push(lines, line.p);
	}
	buf_release(&b);
	buf_release(&line);
	buf_release(&sh);
}

struct odoo *odoo_new(void)
{
	struct odoo *x = xcalloc(1, sizeof *x);

	hmap_init(&x->partners, 0);
	hmap_init(&x->emails, 0);
	hmap_init(&x->domains, 0);
	hmap_init(&x->other, sizeof(uint64_t));
	hmap_init(&x->unknown, 0);
	picker_init(&x->tpick, odoo_ticket_fields, odoo_nticket_fields);
	picker_init(&x->mpick, message_fields, M_NFIELDS);
	return x;
}

void odoo_free(struct odoo *x)
{
	size_t i;

	if (!x)
		return;
	hmap_release(&x->partners);
	hmap_release(&x->emails);
	hmap_release(&x->domains);
	free(x->tickets.slots);
	free(x->tickets.t);
	hmap_release(&x->other);
	hmap_release(&x->unknown);
	for (i = 0; i < x->nsenders; i++)
		free(x->senders[i].p);
	free(x->senders);
	free(x->note_subtypes);
	buf_release(&x->tix);
	buf_release(&x->sc);
	buf_release(&x->body);
	buf_release(&x->text);
	buf_release(&x->tmp);
	buf_release(&x->addr);
	buf_release(&x->name);
	buf_release(&x->shv);
	free(x);
}
