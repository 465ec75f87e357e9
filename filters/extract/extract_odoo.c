/*
 * extract_odoo.c - pulse-extract odoo: Odoo mail.message records as
 * search_read returns them, to `message` records (schemas/message.schema.json).
 *
 * One pass over the messages, in input order.  What a message needs from
 * elsewhere is loaded before it: the staff (partner ids from res.users,
 * addresses and domains from the options and the rules) and, with
 * --tickets, each helpdesk.ticket's joined members, rendered once as JSON
 * text so that a join costs one hash lookup and one copy.
 *
 * Nothing is dropped silently: messages of other models, messages without
 * a ticket and messages of tickets missing from --tickets are counted and
 * reported on stderr at the end; bad records go through --on-error.
 */
#include "extract.h"
#include "html.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"
#include "hmap.h"
#include "in.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "record.h"
#include "rules.h"
#include "text.h"

#define TICKET_MODEL "helpdesk.ticket"

enum {
	OPT_TICKETS = CLI_OPT_FIRST_PROGRAM,
	OPT_STAFF_USERS,
	OPT_STAFF_DOMAIN,
	OPT_STAFF_EMAIL,
	OPT_NOTE_SUBTYPE,
	OPT_RULES,
	OPT_NO_DEFAULT_RULES,
};

static const struct option longopts[] = {
	{"tickets", required_argument, NULL, OPT_TICKETS},
	{"staff-users", required_argument, NULL, OPT_STAFF_USERS},
	{"staff-domain", required_argument, NULL, OPT_STAFF_DOMAIN},
	{"staff-email", required_argument, NULL, OPT_STAFF_EMAIL},
	{"note-subtype", required_argument, NULL, OPT_NOTE_SUBTYPE},
	{"rules", required_argument, NULL, OPT_RULES},
	{"no-default-rules", no_argument, NULL, OPT_NO_DEFAULT_RULES},
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static const struct cli_info info = {
	"pulse-extract odoo",
	"usage: pulse-extract odoo [--tickets FILE] [--staff-users FILE] "
	"[options] [file ...]",
	"Turn Odoo mail.message records (search_read output: a JSON array or\n"
	"NDJSON, plain or zstd) of helpdesk tickets into `message` records.\n"
	"\n"
	"      --tickets FILE     join helpdesk.ticket fields (Enterprise or OCA\n"
	"                         helpdesk_mgmt) to the messages, by res_id\n"
	"      --staff-users FILE res.users search_read output: the partners of\n"
	"                         the users with share false are staff\n"
	"      --staff-domain D   senders at domain D or below are staff\n"
	"      --staff-email A    the sender address A is staff\n"
	"      --note-subtype ID  messages of subtype ID are internal notes\n"
	"      --rules FILE       add a rules file ([staff] domain/email lines)\n"
	"      --no-default-rules do not read $PULSE_RULES or the built-in\n"
	"                         rules\n" CLI_HELP_COMMON "\n"
	"Direction: notification, auto_comment, user_notification and unknown\n"
	"types are system; internal messages and Note subtypes are note;\n"
	"email_outgoing is out; otherwise staff authors are out, others in.\n"
	"With no staff configured, comment is out and email is in.\n",
};

/*
 * The members a record is read for, found in one pass over it instead of
 * one rec_get() each (a message is read for eleven, a ticket for fifteen):
 * names are looked up by their length, the last of a duplicated key wins
 * as with rec_get().
 */
#define PICK_MAX 16
#define PICK_MAXLEN 24

struct picker {
	const char *const *names;
	size_t n;
	unsigned char start[PICK_MAXLEN + 2]; /* by[start[k]..start[k+1]):
						 the names of length k */
	unsigned char by[PICK_MAX];
};

static void picker_init(struct picker *pk, const char *const *names, size_t n)
{
	size_t i, k, o = 0;

	pk->names = names;
	pk->n = n;
	for (k = 0; k <= PICK_MAXLEN; k++) {
		pk->start[k] = (unsigned char)o;
		for (i = 0; i < n; i++)
			if (strlen(names[i]) == k)
				pk->by[o++] = (unsigned char)i;
	}
	pk->start[PICK_MAXLEN + 1] = (unsigned char)o;
}

/* Sets out[i] to the member names[i] of r, or to a JSON_NONE span. */
static void pick(const struct picker *pk, const struct rec *r,
		 struct json_span *out, struct buf *scratch)
{
	size_t i, j;

	for (i = 0; i < pk->n; i++) {
		out[i].p = NULL;
		out[i].n = 0;
		out[i].type = JSON_NONE;
		out[i].flags = 0;
	}
	for (i = 0; i < r->nf; i++) {
		const struct json_span *k = &r->f[i].key;
		const char *kp = k->p + 1;
		size_t kn = k->n - 2;

		if (k->flags & JSON_F_ESC) {
			buf_reset(scratch);
			json_str_decode(*k, scratch);
			kp = scratch->p;
			kn = scratch->len;
		}
		if (kn > PICK_MAXLEN)
			continue;
		for (j = pk->start[kn]; j < pk->start[kn + 1]; j++)
			if (pk->names[pk->by[j]][0] == kp[0] &&
			    memcmp(pk->names[pk->by[j]], kp, kn) == 0) {
				out[pk->by[j]] = r->f[i].val;
				break;
			}
	}
}

/* Ticket variants seen while loading --tickets. */
struct tix_load {
	uint64_t n, enterprise, oca;
};

/* A ticket of --tickets: its members, rendered, in o->tix. */
struct tix {
	size_t off, len;     /* ",\"ticket_name\":...": after "channel" */
	size_t choff, chlen; /* the channel's JSON value; chlen 0: none */
};

/*
 * The tickets by id: open addressing, each slot an id and the index of
 * its ticket (16 bytes: the table of 250 000 tickets is 8 MB and stays in
 * the cache much more than one with the tickets in it), the tickets in
 * the order they were read (the messages of a day name tickets read close
 * together).  A general map took three or four cache misses a lookup.
 */
struct tix_slot {
	int64_t id;
	uint32_t used; /* 1 + the index in t */
};

struct tix_map {
	struct tix_slot *slots;
	size_t nslots, n;
	struct tix *t;
	size_t cap;
};

static size_t tix_home(const struct tix_map *m, int64_t id)
{
	return (size_t)(((uint64_t)id * 0x9E3779B97F4A7C15ull) >> 20) &
	       (m->nslots - 1);
}

/* The ticket id, or NULL. */
static struct tix *tix_get(const struct tix_map *m, int64_t id)
{
	size_t j;

	if (!m->n)
		return NULL;
	for (j = tix_home(m, id); m->slots[j].used;
	     j = (j + 1) & (m->nslots - 1))
		if (m->slots[j].id == id)
			return &m->t[m->slots[j].used - 1];
	return NULL;
}

/* The ticket id, added (zeroed) when absent. */
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
	if (m->n == UINT32_MAX - 1)
		die(EX_SOFTWARE, "too many tickets");
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 1024;
		m->t = xrealloc(m->t, m->cap * sizeof *m->t);
	}
	memset(&m->t[m->n], 0, sizeof *m->t);
	m->slots[j].used = (uint32_t)++m->n;
	m->slots[j].id = id;
	return &m->t[m->n - 1];
}

struct odoo {
	struct cli c;

	/* staff */
	struct hmap partners; /* int64 partner ids */
	struct hmap emails;   /* lower-case addresses */
	struct hmap domains;  /* lower-case domains */
	char **senders;	      /* lower-case substrings of addresses (rules) */
	size_t nsenders;
	int64_t *note_subtypes;
	size_t nnote;

	/* tickets */
	const char *tickets_path;
	struct tix_map tickets;
	struct buf tix;
	struct tix_load tl;

	/* what was not emitted */
	struct hmap other; /* model name -> uint64_t count */
	uint64_t nother, nnores, nunknown;
	struct hmap unknown; /* int64 ticket ids not in --tickets */

	/* scratch, reused for every message */
	struct buf sc, body, text, tmp, addr, name;
	struct picker tpick, mpick;
};

/* ---- small helpers ------------------------------------------------------- */

static int staff_configured(const struct odoo *x)
{
	return hmap_len(&x->partners) || hmap_len(&x->emails) ||
	       hmap_len(&x->domains) || x->nsenders;
}

static void lower_ascii(char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] >= 'A' && p[i] <= 'Z')
			p[i] = (char)(p[i] - 'A' + 'a');
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

static void set_add_lower(struct hmap *m, const char *s, size_t n)
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
	lower_ascii(p, n);
	hmap_put(m, p, n, NULL);
	buf_release(&b);
}

static const char *plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

static const char *type_name(struct json_span v)
{
	return json_type_name(v.type);
}

/*
 * A many2one value: [id, "name"], or Odoo's false (or null, or absent).
 * @return 1 with *id and *name set (name may be JSON_FALSE/NONE), 0 when
 * empty, -1 when it is something else.
 */
static int m2o(struct json_span v, int64_t *id, struct json_span *name)
{
	struct json_iter it;
	struct json_span a, b;

	if (json_is_empty(v))
		return 0;
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

/* A string or Odoo's false.  @return 1 for a string, 0 empty, -1 else. */
static int opt_str(struct json_span v)
{
	if (v.type == JSON_STRING)
		return 1;
	return json_is_empty(v) ? 0 : -1;
}

/* ---- auxiliary files: res.users, helpdesk.ticket ------------------------- */

struct aux {
	const char *file;
	uint64_t line;
};

static _Noreturn void aux_bad(const struct aux *a, const char *fmt, ...)
	ERR_PRINTF(2, 3);

static _Noreturn void aux_bad(const struct aux *a, const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fprintf(stderr, "%s: %s:%llu: ", progname, a->file,
		(unsigned long long)a->line);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EX_DATAERR);
}

typedef void aux_fn(struct odoo *x, const struct rec *r, const struct aux *a);

/* Reads every record of path (array or NDJSON, plain or zstd) into fn. */
static void read_aux(struct odoo *x, const char *path, aux_fn *fn)
{
	struct in in;
	struct rec r = REC_INIT;
	struct json_error e;
	struct aux a;
	const char *p;
	size_t n;
	int st;

	if (in_open(&in, path, IN_AUTO) < 0)
		die(EX_NOINPUT, "%s", in.msg);
	a.file = in.display;
	while ((st = in_next(&in, &p, &n)) == IN_OK) {
		a.line = in.lineno;
		if (rec_parse(&r, p, n, &e) < 0)
			aux_bad(&a, "%s (at byte %zu)", e.msg, e.off + 1);
		fn(x, &r, &a);
	}
	if (st == IN_EBAD)
		die(EX_DATAERR, "%s:%llu: %s", in.display,
		    (unsigned long long)in.lineno, in.msg);
	if (st != IN_EOF)
		die(st == IN_EIO ? EX_IOERR : EX_DATAERR, "%s", in.msg);
	in_close(&in);
	rec_release(&r);
}

static void staff_user(struct odoo *x, const struct rec *r, const struct aux *a)
{
	struct json_span share = rec_get(r, "share");
	struct json_span pid = rec_get(r, "partner_id");
	struct json_span name;
	int64_t id;
	int k;

	if (share.type == JSON_TRUE)
		return; /* a portal or public user: a customer */
	if (!json_is_empty(share))
		aux_bad(a, "field 'share': expected true or false, got %s",
			type_name(share));
	if (pid.type == JSON_NUMBER) {
		if (json_to_i64(pid, &id) < 0)
			aux_bad(a, "field 'partner_id': expected an integer");
		k = 1;
	} else {
		k = m2o(pid, &id, &name);
	}
	if (k < 0)
		aux_bad(a,
			"field 'partner_id': expected [id, name] or false, got %s",
			type_name(pid));
	if (k > 0)
		hmap_put(&x->partners, &id, sizeof id, NULL);
}

/* Appends ,"key": (key needs no escaping). */
static void put_key(struct buf *b, const char *key)
{
	buf_add(b, ",\"", 2);
	buf_adds(b, key);
	buf_add(b, "\":", 2);
}

/* Appends ,"key":<v> when member field, v, is a non-empty string. */
static void tix_str(struct buf *b, struct json_span v, const char *field,
		    const char *key, const struct aux *a)
{
	int k = opt_str(v);

	if (k < 0)
		aux_bad(a, "field '%s': expected a string, got %s", field,
			type_name(v));
	if (k > 0) {
		put_key(b, key);
		buf_add(b, v.p, v.n);
	}
}

/* Appends ,"key":"<name of many2one field>"; @return 1 when it did. */
static int tix_m2o(struct buf *b, struct json_span v, const char *field,
		   const char *key, const struct aux *a)
{
	struct json_span name;
	int64_t id;
	int k = m2o(v, &id, &name);

	if (k < 0)
		aux_bad(a, "field '%s': expected [id, name] or false, got %s",
			field, type_name(v));
	if (k == 0 || name.type != JSON_STRING)
		return 0;
	put_key(b, key);
	buf_add(b, name.p, name.n);
	return 1;
}

/* A string, or a number kept as its digits in a string (ticket_ref...). */
static void tix_code(struct buf *b, struct json_span v, const char *field,
		     const char *key, const struct aux *a)
{
	if (v.type == JSON_NUMBER) {
		put_key(b, key);
		buf_addc(b, '"');
		buf_add(b, v.p, v.n);
		buf_addc(b, '"');
		return;
	}
	tix_str(b, v, field, key, a);
}

/* Appends ,"key":"RFC 3339" for an Odoo datetime; null_if_false for false. */
static void tix_time(struct odoo *x, struct buf *b, struct json_span v,
		     const char *field, const char *key, int null_if_false,
		     const struct aux *a)
{
	int rc;
	struct ptime t;
	const char *p;
	size_t n;
	char ts[32];
	int k = opt_str(v);

	if (k < 0)
		aux_bad(a, "field '%s': expected a string, got %s", field,
			type_name(v));
	if (k == 0) {
		if (null_if_false && v.type != JSON_NONE) {
			put_key(b, key);
			buf_add(b, "null", 4);
		}
		return;
	}
	json_str_view(v, &x->sc, &p, &n);
	if ((rc = ptime_parse(p, n, &t)) < 0)
		aux_bad(a, "field '%s': %s: '%.*s'", field,
			rc == PTIME_ERANGE
				? "date and time out of range (years 0001 to 9999)"
				: "not a date and time",
			(int)(n > 60 ? 60 : n), p);
	ptime_fmt_utc(ts, t.sec);
	put_key(b, key);
	buf_addc(b, '"');
	buf_adds(b, ts);
	buf_addc(b, '"');
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
	T_NFIELDS
};

static const char *const ticket_fields[T_NFIELDS] = {
	"id",		"name",		 "ticket_ref", "number",   "partner_id",
	"partner_name", "partner_email", "stage_id",   "priority", "team_id",
	"create_date",	"sla_deadline",	 "channel_id",
};

static void ticket(struct odoo *x, const struct rec *r, const struct aux *a)
{
	struct tix_load *tl = &x->tl;
	struct json_span f[T_NFIELDS], vid, ch, chname;
	struct buf *b = &x->tix;
	struct tix *t;
	int64_t id, chid;
	int oca = 0, k;

	pick(&x->tpick, r, f, &x->sc);
	vid = f[T_ID];
	if (vid.type == JSON_NONE)
		aux_bad(a, "missing field 'id'");
	if (json_to_i64(vid, &id) < 0)
		aux_bad(a, "field 'id': expected an integer, got %s",
			type_name(vid));
	t = tix_put(&x->tickets, id);
	t->off = b->len;
	tix_str(b, f[T_NAME], "name", "ticket_name", a);
	if (f[T_REF].type != JSON_NONE) {
		tl->enterprise++;
		tix_code(b, f[T_REF], "ticket_ref", "ticket_ref", a);
	}
	if (f[T_NUMBER].type != JSON_NONE) {
		oca = 1;
		if (json_is_empty(f[T_REF]))
			tix_code(b, f[T_NUMBER], "number", "ticket_ref", a);
	}
	if (!tix_m2o(b, f[T_PARTNER_ID], "partner_id", "partner_name", a))
		tix_str(b, f[T_PARTNER_NAME], "partner_name", "partner_name",
			a);
	tix_str(b, f[T_PARTNER_EMAIL], "partner_email", "partner_email", a);
	tix_m2o(b, f[T_STAGE], "stage_id", "stage", a);
	tix_code(b, f[T_PRIORITY], "priority", "ticket_priority", a);
	tix_m2o(b, f[T_TEAM], "team_id", "team", a);
	tix_time(x, b, f[T_CREATED], "create_date", "ticket_created", 0, a);
	tix_time(x, b, f[T_SLA], "sla_deadline", "sla_deadline", 1, a);
	t->len = b->len - t->off;

	t->chlen = 0;
	ch = f[T_CHANNEL];
	if (ch.type != JSON_NONE)
		oca = 1;
	k = m2o(ch, &chid, &chname);
	if (k < 0)
		aux_bad(a,
			"field 'channel_id': expected [id, name] or false, got %s",
			type_name(ch));
	if (k > 0 && chname.type == JSON_STRING) {
		t->choff = b->len;
		buf_add(b, chname.p, chname.n);
		t->chlen = chname.n;
	}
	tl->oca += oca;
	tl->n++;
}

static void load_tickets(struct odoo *x, const char *path)
{
	struct tix_load tl;
	const char *kind;
	char mixed[128];

	read_aux(x, path, ticket);
	tl = x->tl;
	if (tl.enterprise && !tl.oca) {
		kind = "Enterprise fields";
	} else if (tl.oca && !tl.enterprise) {
		kind = "OCA helpdesk_mgmt fields";
	} else if (tl.oca && tl.enterprise) {
		snprintf(
			mixed, sizeof mixed,
			"mixed: %llu with Enterprise fields, %llu with OCA helpdesk_mgmt fields",
			(unsigned long long)tl.enterprise,
			(unsigned long long)tl.oca);
		kind = mixed;
	} else {
		kind = "neither ticket_ref nor number: variant unknown";
	}
	warn("tickets: %zu loaded (%s)", x->tickets.n, kind);
}

/* ---- staff from options and rules ---------------------------------------- */

static void add_domain(struct odoo *x, const char *d)
{
	size_t n;

	while (*d == '@' || *d == '.')
		d++;
	n = strlen(d);
	if (n == 0)
		cli_usage_error(&x->c, "--staff-domain needs a domain");
	set_add_lower(&x->domains, d, n);
}

static void add_email(struct odoo *x, const char *e)
{
	if (!strchr(e, '@'))
		cli_usage_error(&x->c, "--staff-email '%s' is not an address",
				e);
	set_add_lower(&x->emails, e, strlen(e));
}

/* Takes the [staff] section of the rules: domain, email and sender lines. */
static void staff_from_rules(struct odoo *x, const struct rules *rs)
{
	const struct rule_section *sec = rules_section(rs, "staff");
	size_t i, ignored = 0;

	if (!sec)
		return;
	for (i = 0; i < sec->n; i++) {
		const struct rule *ru = &sec->r[i];

		switch (ru->field) {
		case RULE_DOMAIN:
			set_add_lower(&x->domains, ru->pat, ru->len);
			break;
		case RULE_EMAIL:
			set_add_lower(&x->emails, ru->pat, ru->len);
			break;
		case RULE_SENDER:
			x->senders = xrealloc(x->senders,
					      (x->nsenders + 1) *
						      sizeof *x->senders);
			x->senders[x->nsenders] = xstrndup(ru->pat, ru->len);
			lower_ascii(x->senders[x->nsenders], ru->len);
			x->nsenders++;
			break;
		default:
			ignored++;
		}
	}
	if (ignored)
		warn("rules: %zu line%s of [staff] ignored (only domain, email and sender apply)",
		     ignored, ignored == 1 ? "" : "s");
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
		if (has_sub(addr, alen, x->senders[i], strlen(x->senders[i])))
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
		lower_ascii(x->addr.p, an);
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

enum mtype { MT_OTHER, MT_EMAIL, MT_COMMENT, MT_OUTGOING };

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
	struct ptime ts;
	struct json_span mtype, subname, authname, from, subject, body;
	int has_author, has_subtype, internal;
};

#define BAD_TYPE(x, field, want, v)                                            \
	(cli_bad(&(x)->c, "field '%s': expected %s, got %s", field, want,      \
		 type_name(v)),                                                \
	 -1)

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
 * left out, -1 for a bad record (already reported).
 */
static int read_msg(struct odoo *x, const struct rec *r, struct msg *m)
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
			return BAD_TYPE(x, "model", "a string", v);
		count_other(x, v);
		return 0;
	}
	v = f[M_ID];
	if (v.type == JSON_NONE)
		return cli_bad(&x->c, "missing field 'id'"), -1;
	if (json_to_i64(v, &m->id) < 0)
		return BAD_TYPE(x, "id", "an integer", v);
	v = f[M_DATE];
	if (v.type == JSON_NONE)
		return cli_bad(&x->c, "missing field 'date'"), -1;
	if (v.type != JSON_STRING)
		return BAD_TYPE(x, "date", "a string", v);
	json_str_view(v, &x->sc, &p, &n);
	if ((rc = ptime_parse(p, n, &m->ts)) < 0)
		return cli_bad(&x->c, "field 'date': %s: '%.*s'",
			       rc == PTIME_ERANGE
				       ? "date and time out of range (years 0001 to 9999)"
				       : "not a date and time",
			       (int)(n > 60 ? 60 : n), p),
		       -1;
	v = f[M_RES_ID];
	if (v.type == JSON_NONE)
		return cli_bad(&x->c, "missing field 'res_id'"), -1;
	if (json_is_empty(v)) {
		x->nnores++;
		return 0;
	}
	if (json_to_i64(v, &m->res_id) < 0)
		return BAD_TYPE(x, "res_id", "an integer or false", v);
	if (m->res_id == 0) {
		x->nnores++;
		return 0;
	}

	m->mtype = f[M_TYPE];
	if (opt_str(m->mtype) < 0)
		return BAD_TYPE(x, "message_type", "a string", m->mtype);
	v = f[M_SUBTYPE];
	k = m2o(v, &m->subtype, &m->subname);
	if (k < 0)
		return BAD_TYPE(x, "subtype_id", "[id, name] or false", v);
	m->has_subtype = k > 0;
	if (!m->has_subtype)
		m->subname.type = JSON_NONE;
	vi = f[M_INTERNAL];
	if (!json_is_empty(vi) && vi.type != JSON_TRUE)
		return BAD_TYPE(x, "is_internal", "true or false", vi);
	m->internal = vi.type == JSON_TRUE;
	v = f[M_AUTHOR];
	k = m2o(v, &m->author, &m->authname);
	if (k < 0)
		return BAD_TYPE(x, "author_id", "[id, name] or false", v);
	m->has_author = k > 0;
	if (!m->has_author)
		m->authname.type = JSON_NONE;
	m->from = f[M_FROM];
	if (opt_str(m->from) < 0)
		return BAD_TYPE(x, "email_from", "a string", m->from);
	m->subject = f[M_SUBJECT];
	if (opt_str(m->subject) < 0)
		return BAD_TYPE(x, "subject", "a string", m->subject);
	m->body = f[M_BODY];
	if (opt_str(m->body) < 0)
		return BAD_TYPE(x, "body", "a string", m->body);
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

static void message(struct odoo *x, const struct rec *r)
{
	struct buf *o = cli_out(&x->c);
	const struct tix *t = NULL;
	struct msg m;
	const char *p;
	size_t n;
	char ts[32];

	if (read_msg(x, r, &m) <= 0)
		return;
	buf_reset(&x->addr);
	buf_reset(&x->name);
	if (m.from.type == JSON_STRING) {
		json_str_view(m.from, &x->sc, &p, &n);
		parse_from(x, p, n);
	}
	if (x->tickets_path) {
		t = tix_get(&x->tickets, m.res_id);
		if (!t) {
			x->nunknown++;
			hmap_put(&x->unknown, &m.res_id, sizeof m.res_id, NULL);
		}
	}

	ADD_LIT(o, "{\"kind\":\"message\",\"ticket_id\":");
	jw_i64(o, m.res_id);
	ADD_LIT(o, ",\"message_id\":");
	jw_i64(o, m.id);
	ptime_fmt_utc(ts, m.ts.sec);
	ADD_LIT(o, ",\"ts\":\"");
	buf_add(o, ts, 20);
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
	buf_reset(&x->text);
	if (m.body.type == JSON_STRING) {
		json_str_view(m.body, &x->body, &p, &n);
		html_to_text(p, n, &x->text, &x->tmp, 0);
	}
	jw_str(o, x->text.p ? x->text.p : "", x->text.len);
	ADD_LIT(o, ",\"channel\":");
	if (t && t->chlen)
		buf_add(o, x->tix.p + t->choff, t->chlen);
	else if (mtype_of(m.mtype) == MT_EMAIL)
		ADD_LIT(o, "\"email\"");
	else
		ADD_LIT(o, "null");
	if (t)
		buf_add(o, x->tix.p + t->off, t->len);
	ADD_LIT(o, "}\n");
}

/* ---- the run ------------------------------------------------------------- */

/* The end-of-run counts of what was not emitted. */
static void report(struct odoo *x)
{
	struct buf b = BUF_INIT;
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

			buf_addf(&b, "%s%.*s: %llu", i ? ", " : "",
				 (int)e->klen, e->key,
				 (unsigned long long)*(uint64_t *)hmap_val_at(
					 &x->other, idx[i]));
		}
		if (n > 8)
			buf_adds(&b, ", ...");
		warn("%llu message%s of other models ignored (%s)",
		     (unsigned long long)x->nother, plural(x->nother), b.p);
		free(idx);
	}
	if (x->nnores)
		warn("%llu message%s without a ticket (res_id false or 0) ignored",
		     (unsigned long long)x->nnores, plural(x->nnores));
	if (x->nunknown)
		warn("%llu message%s of %zu ticket%s not in '%s': no ticket fields joined",
		     (unsigned long long)x->nunknown, plural(x->nunknown),
		     hmap_len(&x->unknown), plural(hmap_len(&x->unknown)),
		     x->tickets_path);
	buf_release(&b);
}

static void odoo_init(struct odoo *x)
{
	memset(x, 0, sizeof *x);
	hmap_init(&x->partners, 0);
	hmap_init(&x->emails, 0);
	hmap_init(&x->domains, 0);
	hmap_init(&x->other, sizeof(uint64_t));
	hmap_init(&x->unknown, 0);
	picker_init(&x->tpick, ticket_fields, T_NFIELDS);
	picker_init(&x->mpick, message_fields, M_NFIELDS);
}

static void odoo_release(struct odoo *x)
{
	size_t i;

	hmap_release(&x->partners);
	hmap_release(&x->emails);
	hmap_release(&x->domains);
	free(x->tickets.slots);
	free(x->tickets.t);
	hmap_release(&x->other);
	hmap_release(&x->unknown);
	for (i = 0; i < x->nsenders; i++)
		free(x->senders[i]);
	free(x->senders);
	free(x->note_subtypes);
	buf_release(&x->tix);
	buf_release(&x->sc);
	buf_release(&x->body);
	buf_release(&x->text);
	buf_release(&x->tmp);
	buf_release(&x->addr);
	buf_release(&x->name);
}

static void add_note_subtype(struct odoo *x, const char *arg)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(arg, &end, 10);
	if (errno || end == arg || *end || v <= 0)
		cli_usage_error(&x->c, "--note-subtype '%s' is not an id", arg);
	x->note_subtypes = xrealloc(x->note_subtypes,
				    (x->nnote + 1) * sizeof *x->note_subtypes);
	x->note_subtypes[x->nnote++] = v;
}

int extract_odoo_main(int argc, char **argv)
{
	struct odoo x;
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	const char **rules_files = xcalloc((size_t)argc + 1, sizeof(char *));
	const char **users_files = xcalloc((size_t)argc + 1, sizeof(char *));
	size_t nrules = 0, nusers = 0, i, before;
	int opt, no_default = 0, status;
	struct rec *r;

	odoo_init(&x);
	cli_init(&x.c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_VERSION) {
			printf("pulse-extract (pulse) %s\n", VERSION);
			exit(fflush(stdout) || ferror(stdout) ? EX_IOERR : 0);
		}
		if (cli_opt(&x.c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_TICKETS:
			x.tickets_path = optarg;
			break;
		case OPT_STAFF_USERS:
			users_files[nusers++] = optarg;
			break;
		case OPT_STAFF_DOMAIN:
			add_domain(&x, optarg);
			break;
		case OPT_STAFF_EMAIL:
			add_email(&x, optarg);
			break;
		case OPT_NOTE_SUBTYPE:
			add_note_subtype(&x, optarg);
			break;
		case OPT_RULES:
			rules_files[nrules++] = optarg;
			break;
		case OPT_NO_DEFAULT_RULES:
			no_default = 1;
			break;
		default:
			cli_usage(&x.c);
		}
	}

	if (!no_default)
		cli_check(rules_load_default(&rs, &err), &err);
	for (i = 0; i < nrules; i++)
		cli_check(rules_load(&rs, rules_files[i], &err), &err);
	buf_release(&err);
	staff_from_rules(&x, &rs);
	rules_release(&rs);
	for (i = 0; i < nusers; i++) {
		before = hmap_len(&x.partners);
		read_aux(&x, users_files[i], staff_user);
		if (hmap_len(&x.partners) == before)
			warn("no internal users (share false) in '%s'",
			     users_files[i]);
	}
	if (x.tickets_path)
		load_tickets(&x, x.tickets_path);

	cli_start(&x.c, argc - optind, argv + optind);
	while (cli_next(&x.c, &r)) {
		message(&x, r);
		cli_commit(&x.c);
	}
	cli_flush(&x.c); /* the records, then what was left out */
	report(&x);
	status = cli_finish(&x.c);
	odoo_release(&x);
	free(rules_files);
	free(users_files);
	return status;
}
