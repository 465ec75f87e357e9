/*
 * gen_odoo.c - pulse-gen odoo: the tickets of the sample, one after the
 * other, and the files they are written to.
 *
 * Ticket i (0-based, of N) is created at slot time
 *	start + floor((i + h_i) * span / N),  h_i in [0, 1) from the seed,
 * so creation times increase with the ticket id and fill the span evenly.
 * Its category is drawn from shares that depend on its age (an open
 * ticket is a recent one), and some slots are reserved for the tricky
 * cases every sample of NFSPECS tickets or more shows (the forced list
 * below), placed at the free slot nearest to the age they need.  In a
 * small sample they are most of the tickets: a showcase.
 */
#include "gen_odoo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"

#define TICKET_BASE 230001
#define MESSAGE_BASE 1480000
#define MAX_FORCED 40

void odoo_opts_init(struct odoo_opts *o)
{
	struct ptime t;

	memset(o, 0, sizeof *o);
	o->tickets = 1000;
	o->seed = 1;
	ptime_parse("2026-01-21T18:00:00Z", 20, &t);
	o->as_of = t.sec;
	o->days = 107;
}

/* ---- categories by age --------------------------------------------- */

/* clang-format off */
static const struct {
	double share; /* per 1000 tickets */
	int64_t min_age, max_age; /* seconds; max_age 0: no limit */
} cat_spec[C_NCAT] = {
	[C_NO_RESPONSE] = {32, 0, 15 * SEC_DAY},
	[C_RECENT_RESPONSE] = {15, 2 * SEC_HOUR, 15 * SEC_DAY},
	[C_PARTNER_NO_RESPONSE] = {2, 0, 6 * SEC_DAY},
	[C_PARTNER_RECENT] = {1, 2 * SEC_HOUR, 10 * SEC_DAY},
	[C_CUSTOMER_FOLLOWUP] = {1, SEC_DAY, 35 * SEC_DAY},
	[C_UNCLEAR] = {40, 0, 0},
	[C_INSOLVENCY_RESPONDED] = {247, 74 * SEC_HOUR, 0},
	[C_SPAM] = {211, 0, 0},
	[C_ORDER_CONFIRMATION] = {95, 0, 0},
	[C_RESPONDED_NO_FOLLOWUP] = {356, 74 * SEC_HOUR, 0},
};

/* clang-format on */

static int is_open(int c)
{
	return c <= C_CUSTOMER_FOLLOWUP;
}

static int fits_age(int c, int64_t age)
{
	return age >= cat_spec[c].min_age &&
	       (!cat_spec[c].max_age || age < cat_spec[c].max_age);
}

/* Whether a variant's thread fits in a ticket of that age. */
static int variant_fits(int variant, int64_t age)
{
	switch (variant) {
	case V_BOUNDARY: /* NO_RESPONSE's are exact; the others sit on 72 h */
		return age >= 73 * SEC_HOUR || age % SEC_DAY == 0;
	case V_AFTER_CUSTOMER:
		return age >= SEC_DAY;
	case V_ORDER_THEN_QUESTION:
		return age % SEC_DAY >= 3 * SEC_HOUR;
	default:
		return 1;
	}
}

/* clang-format off */
/* The tricky cases, by category, variant and the age they want (days). */
static const struct fspec {
	int cat, variant;
	double age_days;
	int exact; /* created exactly age_days before as-of */
} fspecs[] = {
	{C_NO_RESPONSE, V_BOUNDARY, 1, 1},
	{C_NO_RESPONSE, V_BOUNDARY, 2, 1},
	{C_NO_RESPONSE, V_BOUNDARY, 3, 1},
	{C_NO_RESPONSE, V_BOUNDARY, 4, 1},
	{C_RECENT_RESPONSE, V_BOUNDARY, 5.2, 0},
	{C_RESPONDED_NO_FOLLOWUP, V_BOUNDARY, 6.3, 0},
	{C_PARTNER_NO_RESPONSE, V_PLAIN, 1.6, 0},
	{C_PARTNER_NO_RESPONSE, V_AFTER_CUSTOMER, 7.5, 0},
	{C_PARTNER_RECENT, V_PLAIN, 4.4, 0},
	{C_CUSTOMER_FOLLOWUP, V_PLAIN, 30.5, 0},
	{C_NO_RESPONSE, V_ORDER_THEN_QUESTION, 5.6, 0},
	{C_RESPONDED_NO_FOLLOWUP, V_SPAM_ANSWERED, 40, 0},
	{C_NO_RESPONSE, V_NOTE_ONLY, 6.6, 0},
	{C_NO_RESPONSE, V_ACK_ONLY, 0.4, 0},
	{C_RESPONDED_NO_FOLLOWUP, V_OOO_AFTER, 20, 0},
	{C_RECENT_RESPONSE, V_OOO_AFTER, 2.2, 0},
	{C_UNCLEAR, V_AUTOREPLY_ONLY, 50, 0},
	{C_UNCLEAR, V_NOTES_ONLY, 60, 0},
	{C_UNCLEAR, V_SYSTEM_ONLY, 100, 0},
	{C_INSOLVENCY_RESPONDED, V_OUT_ONLY_INSOLV, 70, 0},
	{C_RESPONDED_NO_FOLLOWUP, V_NOTE_INSOLV, 80, 0},
	{C_ORDER_CONFIRMATION, V_TWO_CONFIRMATIONS, 90, 0},
	{C_SPAM, V_SPAM_TWICE, 25, 0},
	{C_NO_RESPONSE, V_RUSSIAN, 8.3, 0},
	{C_RESPONDED_NO_FOLLOWUP, V_STAFF_NO_AUTHOR, 33, 0},
	{C_NO_RESPONSE, V_PORTAL, 9.3, 0},
	{C_RESPONDED_NO_FOLLOWUP, V_EMAIL_OUTGOING, 45, 0},
	{C_NO_RESPONSE, V_NO_SUBJECT, 10.2, 0},
	{C_INSOLVENCY_RESPONDED, V_RUSSIAN, 55, 0},
};
/* clang-format on */
#define NFSPECS (sizeof fspecs / sizeof fspecs[0])

struct forced {
	uint64_t slot;
	int cat, variant;
	int64_t created; /* -1: the slot's time */
};

struct gen {
	const struct odoo_opts *o;
	int64_t start, span;
	double share[C_NCAT]; /* after the forced tickets are taken out */
	struct forced f[MAX_FORCED];
	size_t nf;
	uint64_t pool; /* customers */
	int64_t next_tid, next_mid, next_track, next_attach;
	struct gen_out msgs, tix, labels;
	uint64_t nmsgs, ntix;
	struct buf scratch;
};

static int64_t slot_time(const struct gen *g, uint64_t i)
{
	double h =
		(double)(gen_mix(g->o->seed, 0x736c6f74ULL ^ (i << 8)) >> 11) *
		0x1.0p-53;

	return g->start + (int64_t)(((double)i + h) * (double)g->span /
				    (double)g->o->tickets);
}

/* The last slot created at or before t, or -1. */
static int64_t slot_at(const struct gen *g, int64_t t)
{
	uint64_t n = g->o->tickets;
	int64_t i;

	if (t < g->start)
		return -1;
	i = (int64_t)((double)(t - g->start) * (double)n / (double)g->span);
	if (i >= (int64_t)n)
		i = (int64_t)n - 1;
	while (i + 1 < (int64_t)n && slot_time(g, (uint64_t)i + 1) <= t)
		i++;
	while (i >= 0 && slot_time(g, (uint64_t)i) > t)
		i--;
	return i;
}

static int slot_taken(const struct gen *g, uint64_t s)
{
	size_t k;

	for (k = 0; k < g->nf; k++)
		if (g->f[k].slot == s)
			return 1;
	return 0;
}

static int cmp_forced(const void *a, const void *b)
{
	const struct forced *x = a, *y = b;

	return x->slot < y->slot ? -1 : x->slot > y->slot;
}

/*
 * Places the tricky cases when the sample is big enough to hold them all
 * besides its ordinary tickets, and takes them out of the shares.
 */
static void plan_forced(struct gen *g)
{
	int64_t as_of = g->o->as_of;
	size_t k;
	int c;

	for (c = 0; c < C_NCAT; c++)
		g->share[c] = cat_spec[c].share / 1000;
	if (g->o->tickets < NFSPECS)
		return;
	for (k = 0; k < NFSPECS; k++) {
		const struct fspec *s = &fspecs[k];
		int64_t age = (int64_t)(s->age_days * SEC_DAY), want, i, d;
		int64_t created = -1;

		/* A short span squeezes the old cases into its older part. */
		if (!s->exact && age > g->span * 9 / 10)
			age = g->span * 9 / 10;
		if (age > g->span)
			continue;
		want = as_of - age;
		if (s->exact)
			created = want;
		i = slot_at(g, want);
		if (i < 0)
			continue;
		/* The nearest free slot whose age still fits. */
		for (d = 0; d < 64; d++) {
			int64_t j = i + ((d & 1) ? -(d + 1) / 2 : d / 2);
			int64_t a;

			if (j < 0 || j >= (int64_t)g->o->tickets ||
			    slot_taken(g, (uint64_t)j))
				continue;
			a = created >= 0 ? as_of - created
					 : as_of - slot_time(g, (uint64_t)j);
			if (!fits_age(s->cat, a) && !(s->exact && a >= 0))
				continue;
			if (!variant_fits(s->variant, a))
				continue;
			g->f[g->nf].slot = (uint64_t)j;
			g->f[g->nf].cat = s->cat;
			g->f[g->nf].variant = s->variant;
			g->f[g->nf].created = created;
			g->nf++;
			break;
		}
	}
	qsort(g->f, g->nf, sizeof g->f[0], cmp_forced);
	for (k = 0; k < g->nf; k++) {
		c = g->f[k].cat;
		g->share[c] -= 1.0 / (double)g->o->tickets;
		if (g->share[c] < 0)
			g->share[c] = 0;
	}
}

static int pick_cat(const struct gen *g, struct rng *r, int64_t age)
{
	double w[C_NCAT], open = 0, closed = 0, win;
	int c;

	for (c = 0; c < C_NCAT; c++) {
		w[c] = 0;
		if (!fits_age(c, age))
			continue;
		if (is_open(c)) {
			win = (double)((cat_spec[c].max_age < g->span
						? cat_spec[c].max_age
						: g->span) -
				       cat_spec[c].min_age);
			if (win <= 0)
				continue;
			w[c] = g->share[c] * (double)g->span / win;
			open += w[c];
		} else {
			/* Closed categories that need some age get more of
			 * the older tickets, to keep their overall share. */
			w[c] = g->share[c] * (double)g->span /
			       (double)(g->span - cat_spec[c].min_age > 0
						? g->span - cat_spec[c].min_age
						: g->span);
			closed += w[c];
		}
	}
	if (open > 0.9) {
		for (c = 0; c < C_NCAT; c++)
			if (is_open(c))
				w[c] *= 0.9 / open;
		open = 0.9;
	}
	if (closed > 0)
		for (c = 0; c < C_NCAT; c++)
			if (!is_open(c))
				w[c] *= (1 - open) / closed;
	if (open + closed <= 0)
		return C_UNCLEAR;
	return (int)rng_weighted(r, w, C_NCAT);
}

static int pick_variant(struct rng *r, int cat, int64_t age)
{
	double u = rng_unit(r);

	switch (cat) {
	case C_NO_RESPONSE:
		if (u < 0.03)
			return variant_fits(V_ORDER_THEN_QUESTION, age)
				       ? V_ORDER_THEN_QUESTION
				       : V_PLAIN;
		if (u < 0.11)
			return V_NOTE_ONLY;
		if (u < 0.19)
			return V_ACK_ONLY;
		if (u < 0.22)
			return V_PORTAL;
		if (u < 0.24)
			return V_NO_SUBJECT;
		return V_PLAIN;
	case C_RECENT_RESPONSE:
	case C_PARTNER_RECENT:
		return u < 0.08 ? V_OOO_AFTER : V_PLAIN;
	case C_PARTNER_NO_RESPONSE:
		return u < 0.3 && variant_fits(V_AFTER_CUSTOMER, age)
			       ? V_AFTER_CUSTOMER
			       : V_PLAIN;
	case C_RESPONDED_NO_FOLLOWUP:
		if (u < 0.02)
			return V_SPAM_ANSWERED;
		if (u < 0.08)
			return V_OOO_AFTER;
		if (u < 0.11)
			return V_NOTE_INSOLV;
		if (u < 0.14)
			return V_STAFF_NO_AUTHOR;
		if (u < 0.19)
			return V_EMAIL_OUTGOING;
		if (u < 0.21)
			return V_PORTAL;
		if (u < 0.23)
			return V_NO_SUBJECT;
		return V_PLAIN;
	case C_INSOLVENCY_RESPONDED:
		return u < 0.2 ? V_OUT_ONLY_INSOLV : V_PLAIN;
	case C_SPAM:
		return u < 0.08 ? V_SPAM_TWICE : V_PLAIN;
	case C_ORDER_CONFIRMATION:
		return u < 0.25 ? V_TWO_CONFIRMATIONS : V_PLAIN;
	case C_UNCLEAR:
		return u < 0.3	  ? V_AUTOREPLY_ONLY
		       : u < 0.65 ? V_NOTES_ONLY
				  : V_SYSTEM_ONLY;
	default:
		return V_PLAIN;
	}
}

static int pick_topic(struct rng *r, int cat, int variant)
{
	static const int topics[] = {KW_DATES, KW_VOUCHER, KW_ONLINE,
				     KW_GROUP, KW_INSOLV,  0};
	static const double open_w[] = {45, 20, 10, 10, 3, 12};
	static const double done_w[] = {40, 25, 12, 10, 0, 13};
	static const double out_only_w[] = {30, 60, 0, 0, 0, 10};

	switch (cat) {
	case C_INSOLVENCY_RESPONDED:
		if (variant != V_OUT_ONLY_INSOLV)
			return KW_INSOLV;
		return topics[rng_weighted(r, out_only_w, 6)];
	case C_RESPONDED_NO_FOLLOWUP:
		return topics[rng_weighted(r, done_w, 6)];
	case C_NO_RESPONSE:
	case C_RECENT_RESPONSE:
	case C_CUSTOMER_FOLLOWUP:
		return topics[rng_weighted(r, open_w, 6)];
	default:
		return 0;
	}
}

/* ---- one ticket ---------------------------------------------------- */

static void setup_thread(struct gen *g, struct thread *t, struct rng *r,
			 uint64_t i, int cat, int variant, int64_t created)
{
	static const int second[] = {KW_DATES, KW_VOUCHER, KW_ONLINE, KW_GROUP};
	uint64_t c;
	int k;

	t->id = g->next_tid;
	snprintf(t->ref, sizeof t->ref, "%05lld",
		 (long long)((t->id - 200000) % 100000));
	t->cat = cat;
	t->variant = variant;
	t->created = created;
	t->school = NULL;
	if (variant == V_PORTAL) {
		odoo_person_portal(&t->cust, g->o->seed,
				   (int)rng_below(r, NPORTAL));
	} else {
		/* Some customers write more than once. */
		c = rng_below(r, g->pool);
		for (k = 0;; k++) {
			struct rng lr;
			int lang;

			rng_seed(&lr, g->o->seed, 0x6c616e67ULL + c);
			lang = odoo_pick_lang(&lr);
			if (variant != V_RUSSIAN || lang == L_RU || k > 200) {
				odoo_person_customer(
					&t->cust, g->o->seed, c,
					variant == V_RUSSIAN ? L_RU : lang);
				break;
			}
			c = (c + 1) % g->pool;
		}
	}
	if (cat == C_PARTNER_NO_RESPONSE || cat == C_PARTNER_RECENT)
		t->school = &odoo_schools[rng_below(r, odoo_nschools)];
	t->lang = t->cust.lang;
	odoo_tvals(&t->v, r, created);
	t->topic = pick_topic(r, cat, variant);
	t->topic2 = 0;
	if (t->topic != KW_INSOLV || cat == C_INSOLVENCY_RESPONDED) {
		if (t->topic && rng_chance(r, 0.12)) {
			k = (int)rng_below(r, 4);
			if (second[k] != t->topic)
				t->topic2 = second[k];
		}
	}
	t->staff = (int)rng_below(r, odoo_nstaff - 1);
	if (g->o->as_of - created > 60 * SEC_DAY && rng_chance(r, 0.15))
		t->staff = (int)odoo_nstaff - 1; /* has left since */
	if (t->lang == L_RU) {
		t->entities = 0;
		t->quote_style = 3;
	} else {
		double u = rng_unit(r);

		t->entities = u < 0.65 ? 0 : u < 0.9 ? 1 : 2;
		u = rng_unit(r);
		if (t->lang == L_EN)
			t->quote_style = u < 0.6 ? 1 : 2;
		else
			t->quote_style = u < 0.5 ? 0 : u < 0.7 ? 1 : 2;
	}
	(void)i;
}

/* ---- writers ------------------------------------------------------- */

static void jw_odoo_date(struct buf *b, int64_t sec)
{
	char d[24];

	ptime_fmt_utc(d, sec);
	d[10] = ' ';
	d[19] = '\0';
	jw_str(b, d, 19);
}

static void jw_m2o(struct buf *b, int64_t id, const char *name, size_t n)
{
	if (!id) {
		buf_adds(b, "false");
		return;
	}
	buf_addc(b, '[');
	jw_i64(b, id);
	buf_addc(b, ',');
	jw_str(b, name, n);
	buf_addc(b, ']');
}

static void jw_str_or_false(struct buf *b, const char *s, size_t n)
{
	if (n)
		jw_str(b, s, n);
	else
		buf_adds(b, "false");
}

static void item_begin(struct gen_out *o, uint64_t *n, int ndjson)
{
	if (!ndjson)
		buf_adds(&o->b, *n ? ",\n" : "[\n");
	(*n)++;
}

static void item_end(struct gen_out *o, int ndjson)
{
	if (ndjson)
		buf_addc(&o->b, '\n');
	gen_out_commit(o);
}

static void list_end(struct gen_out *o, uint64_t n, int ndjson)
{
	if (!ndjson)
		buf_adds(&o->b, n ? "\n]\n" : "[]\n");
}

static const char *const mtype_name[] = {
	"email",	"comment",	     "notification",
	"auto_comment", "user_notification", "email_outgoing",
};

static void write_message(struct gen *g, const struct thread *t,
			  const struct msg *m, struct rng *r)
{
	struct buf *b = &g->msgs.b;
	struct buf *s = &g->scratch;

	item_begin(&g->msgs, &g->nmsgs, g->o->ndjson);
	buf_adds(b, "{\"id\":");
	jw_i64(b, m->id);
	buf_adds(b, ",\"date\":");
	jw_odoo_date(b, m->ts);
	buf_adds(b, ",\"subject\":");
	if (m->has_subject)
		jw_str(b, m->subject.p, m->subject.len);
	else
		buf_adds(b, "false");
	buf_adds(b, ",\"body\":");
	jw_str(b, m->body.len ? m->body.p : "", m->body.len);
	buf_adds(b, ",\"message_type\":\"");
	buf_adds(b, mtype_name[m->mtype]);
	buf_adds(b, "\",\"subtype_id\":");
	switch (m->subtype) {
	case ST_DISCUSSIONS:
		buf_adds(b, "[1,\"Discussions\"]");
		break;
	case ST_NOTE:
		buf_adds(b, "[2,\"Note\"]");
		break;
	case ST_STAGE:
		buf_adds(b, "[7,\"Stage Changed\"]");
		break;
	case ST_CREATED:
		buf_adds(b, "[6,\"Ticket Created\"]");
		break;
	default:
		buf_adds(b, "false");
		break;
	}
	buf_adds(b, ",\"is_internal\":");
	jw_bool(b, m->internal);
	buf_adds(b, ",\"author_id\":");
	jw_m2o(b, m->author_id, m->author.p, m->author.len);
	buf_adds(b, ",\"email_from\":");
	jw_str_or_false(b, m->from.p, m->from.len);
	buf_adds(b, ",\"model\":\"helpdesk.ticket\",\"res_id\":");
	jw_i64(b, t->id);
	buf_adds(b, ",\"record_name\":");
	buf_reset(s);
	buf_add(s, t->name.p, t->name.len);
	buf_addf(s, " (#%s)", t->ref);
	jw_str(b, s->p, s->len);
	buf_adds(b, ",\"partner_ids\":[");
	if (m->recipient)
		jw_i64(b, m->recipient);
	buf_adds(b, "],\"parent_id\":");
	if (m->parent)
		jw_m2o(b, t->m[m->parent - 1].id, s->p, s->len);
	else
		buf_adds(b, "false");
	buf_adds(b, ",\"message_id\":\"");
	if (m->dir == D_IN || m->dir == D_AUTOREPLY) {
		const char *at = strchr(m->from.len ? m->from.p : "", '@');
		size_t dl = at ? strcspn(at + 1, ">\"") : 0;

		buf_addf(b, "<%016llx.%lld@%.*s>",
			 (unsigned long long)rng_next(r), (long long)m->ts,
			 (int)dl, at ? at + 1 : "");
	} else {
		buf_addf(b,
			 "<%lld.%lld.%06llu-openerp-%lld-helpdesk.ticket@%s>",
			 (long long)m->id, (long long)m->ts,
			 (unsigned long long)(rng_next(r) % 1000000),
			 (long long)t->id, STAFF_DOMAIN);
	}
	buf_adds(b, "\",\"attachment_ids\":[");
	if (m->dir == D_IN && m->mtype == MT_EMAIL && rng_chance(r, 0.05))
		jw_i64(b, g->next_attach++);
	buf_adds(b, "],\"tracking_value_ids\":[");
	if (m->ntracking)
		jw_i64(b, g->next_track++);
	buf_adds(b, "]}");
	item_end(&g->msgs, g->o->ndjson);
}

static int64_t stage_time(const struct thread *t, int stage)
{
	int i;

	for (i = t->n - 1; i >= 0; i--)
		if (t->m[i].subtype == ST_STAGE)
			return t->stage == stage ? t->m[i].ts : -1;
	return -1;
}

static void write_ticket(struct gen *g, const struct thread *t, struct rng *r)
{
	struct buf *b = &g->tix.b;
	const struct staff *st = &odoo_staff[t->staff];
	int closed = t->stage == STAGE_SOLVED || t->stage == STAGE_CANCELLED;
	int64_t closed_at = closed ? stage_time(t, t->stage) : -1;
	int64_t last = t->n ? t->m[t->n - 1].ts : t->created;
	const struct msg *first = t->n ? &t->m[0] : NULL;
	static const int prio_w_open[] = {35, 35, 20, 10};
	double pw[4];
	int k, prio;

	for (k = 0; k < 4; k++)
		pw[k] = is_open(t->cat) ? prio_w_open[k]
					: (k == 0   ? 60
					   : k == 1 ? 30
						    : 8);
	prio = (int)rng_weighted(r, pw, 4);

	item_begin(&g->tix, &g->ntix, g->o->ndjson);
	buf_adds(b, "{\"id\":");
	jw_i64(b, t->id);
	buf_adds(b, ",\"name\":");
	jw_str(b, t->name.p, t->name.len);
	if (g->o->oca) {
		buf_addf(b, ",\"number\":\"HT%s\"", t->ref);
	} else {
		buf_addf(b, ",\"ticket_ref\":\"%s\"", t->ref);
	}
	buf_adds(b, ",\"description\":");
	if (first && first->dir == D_IN)
		jw_str(b, first->body.p, first->body.len);
	else
		buf_adds(b, "false");
	buf_adds(b, ",\"partner_id\":");
	jw_m2o(b, t->cust.partner_id, t->cust.name, strlen(t->cust.name));
	buf_adds(b, ",\"partner_name\":");
	jw_str_or_false(b, t->cust.name, strlen(t->cust.name));
	buf_adds(b, ",\"partner_email\":");
	jw_str_or_false(b, t->cust.email, strlen(t->cust.email));
	buf_addf(b, ",\"stage_id\":[%d,", t->stage + 1);
	jw_cstr(b, odoo_stage_name[t->stage]);
	buf_addf(b, "],\"priority\":\"%d\"", prio);
	if (t->school)
		buf_adds(b, ",\"team_id\":[2,\"Partner Support\"]");
	else
		buf_adds(b, ",\"team_id\":[1,\"Customer Care\"]");
	buf_adds(b, ",\"user_id\":");
	if (t->cat == C_SPAM && rng_chance(r, 0.7))
		buf_adds(b, "false");
	else
		jw_m2o(b, st->user_id, st->name, strlen(st->name));
	buf_adds(b, ",\"create_date\":");
	jw_odoo_date(b, t->created);
	buf_adds(b, ",\"write_date\":");
	jw_odoo_date(b, last);
	if (g->o->oca) {
		const char *ch = "Email";
		int chid = 2;

		if (t->variant == V_PORTAL) {
			ch = "Web";
			chid = 1;
		} else if (t->variant == V_NOTES_ONLY ||
			   t->variant == V_SYSTEM_ONLY) {
			ch = "Phone";
			chid = 3;
		}
		buf_addf(b, ",\"channel_id\":[%d,\"%s\"]", chid, ch);
		buf_adds(b, ",\"closed\":");
		jw_bool(b, closed);
		buf_adds(b, ",\"closed_date\":");
		if (closed_at >= 0)
			jw_odoo_date(b, closed_at);
		else
			buf_adds(b, "false");
		buf_adds(b, ",\"last_stage_update\":");
		jw_odoo_date(b, stage_time(t, t->stage) >= 0
					? stage_time(t, t->stage)
					: t->created);
		buf_adds(b, ",\"category_id\":false");
	} else {
		buf_adds(b, ",\"close_date\":");
		if (closed_at >= 0)
			jw_odoo_date(b, closed_at);
		else
			buf_adds(b, "false");
		buf_adds(b, ",\"sla_deadline\":");
		if (is_open(t->cat) && !closed)
			jw_odoo_date(b, t->created + (4 - prio) * SEC_DAY);
		else
			buf_adds(b, "false");
		buf_adds(b, ",\"kanban_state\":\"normal\"");
	}
	buf_adds(b, ",\"tag_ids\":[],\"active\":true}");
	item_end(&g->tix, g->o->ndjson);
}

static void write_label(struct gen *g, const struct thread *t)
{
	struct buf *b = &g->labels.b;
	int k, any = 0;

	buf_adds(b, "{\"ticket_id\":");
	jw_i64(b, t->id);
	buf_adds(b, ",\"category\":\"");
	buf_adds(b, odoo_cat_name[t->dcat]);
	buf_adds(b, "\",\"priority\":");
	jw_cstr(b, odoo_prio_name[t->prio]);
	buf_adds(b, ",\"days_waiting\":");
	if (t->days >= 0)
		jw_i64(b, t->days);
	else
		jw_null(b);
	buf_adds(b, ",\"topics\":[");
	for (k = 0; k < KW_NTOPICS; k++) {
		if (t->topics & (1u << k)) {
			if (any++)
				buf_addc(b, ',');
			buf_addc(b, '"');
			buf_adds(b, odoo_topic_name[k]);
			buf_addc(b, '"');
		}
	}
	if (!any)
		buf_adds(b, "\"other\"");
	buf_adds(b, "],\"first_response_hours\":");
	if (t->frh_sec >= 0)
		jw_fixed(b, (double)t->frh_sec / 3600.0, 2);
	else
		jw_null(b);
	buf_adds(b, "}\n");
	gen_out_commit(&g->labels);
}

static void write_users(const struct odoo_opts *o)
{
	struct gen_out out;
	uint64_t n = 0;
	size_t k;
	int i;

	gen_out_open(&out, o->users);
	item_begin(&out, &n, o->ndjson);
	buf_adds(&out.b, "{\"id\":1,\"login\":\"__system__\",\"name\":"
			 "\"OdooBot\",\"partner_id\":[2,\"OdooBot\"],\"share\":"
			 "false,\"active\":false}");
	item_end(&out, o->ndjson);
	item_begin(&out, &n, o->ndjson);
	buf_adds(&out.b, "{\"id\":2,\"login\":\"admin\",\"name\":"
			 "\"Administrator\",\"partner_id\":[3,"
			 "\"Administrator\"],\"share\":false,\"active\":true}");
	item_end(&out, o->ndjson);
	item_begin(&out, &n, o->ndjson);
	buf_addf(&out.b,
		 "{\"id\":6,\"login\":\"%s\",\"name\":\"%s\",\"partner_id\":[%"
		 "d,\"%s\"],\"share\":false,\"active\":true}",
		 SUPPORT_EMAIL, SUPPORT_NAME, SUPPORT_PARTNER, SUPPORT_NAME);
	item_end(&out, o->ndjson);
	for (k = 0; k < odoo_nstaff; k++) {
		const struct staff *s = &odoo_staff[k];

		item_begin(&out, &n, o->ndjson);
		buf_addf(&out.b,
			 "{\"id\":%lld,\"login\":", (long long)s->user_id);
		jw_cstr(&out.b, s->email);
		buf_adds(&out.b, ",\"name\":");
		jw_cstr(&out.b, s->name);
		buf_addf(&out.b, ",\"partner_id\":[%lld,",
			 (long long)s->partner_id);
		jw_cstr(&out.b, s->name);
		buf_addf(&out.b, "],\"share\":false,\"active\":%s}",
			 s->active ? "true" : "false");
		item_end(&out, o->ndjson);
	}
	for (i = 0; i < NPORTAL; i++) {
		struct person p;

		odoo_person_portal(&p, o->seed, i);
		item_begin(&out, &n, o->ndjson);
		buf_addf(&out.b, "{\"id\":%d,\"login\":", PORTAL_USER_BASE + i);
		jw_cstr(&out.b, p.email);
		buf_adds(&out.b, ",\"name\":");
		jw_cstr(&out.b, p.name);
		buf_addf(&out.b, ",\"partner_id\":[%lld,",
			 (long long)p.partner_id);
		jw_cstr(&out.b, p.name);
		buf_adds(&out.b, "],\"share\":true,\"active\":true}");
		item_end(&out, o->ndjson);
	}
	list_end(&out, n, o->ndjson);
	gen_out_close(&out);
}

static void write_rules(const struct odoo_opts *o)
{
	struct gen_out out;
	size_t k;

	gen_out_open(&out, o->rules_out);
	buf_addf(&out.b,
		 "# The company-specific rules of the sample made by pulse-gen "
		 "odoo:\n"
		 "# %s (staff under %s) and its partner cooking schools.\n"
		 "# Use them together with samples/rules/tickets.rules.\n\n"
		 "[staff]\ndomain %s\n\n[partner]\n",
		 COMPANY, STAFF_DOMAIN, STAFF_DOMAIN);
	for (k = 0; k < odoo_nschools; k++)
		buf_addf(&out.b, "domain %s\n", odoo_schools[k].domain);
	odoo_write_entities(&out.b);
	gen_out_close(&out);
}

/* ---- the run ------------------------------------------------------- */

static void emit_ticket(struct gen *g, struct thread *t, struct rng *r)
{
	int k;

	for (k = 0; k < t->n; k++) {
		/* Other records' messages take ids in between. */
		g->next_mid +=
			1 + (rng_chance(r, 0.25) ? rng_range(r, 1, 40) : 0);
		t->m[k].id = g->next_mid;
	}
	for (k = 0; k < t->n; k++)
		write_message(g, t, &t->m[k], r);
	/* About one message in a hundred belongs to a crm.lead. */
	if (rng_chance(r, 0.04)) {
		int64_t ts = t->created + rng_range(r, 0, 2 * SEC_HOUR);
		int64_t lead =
			rng_chance(r, 0.5) ? t->id : rng_range(r, 5000, 9999);

		if (ts > g->o->as_of)
			ts = g->o->as_of;
		g->next_mid += 1;
		item_begin(&g->msgs, &g->nmsgs, g->o->ndjson);
		odoo_lead_msg(&g->msgs.b, r, g->next_mid, ts, lead);
		item_end(&g->msgs, g->o->ndjson);
	}
	if (g->o->tickets_out)
		write_ticket(g, t, r);
	if (g->o->labels)
		write_label(g, t);
}

int odoo_generate(const struct odoo_opts *o)
{
	struct gen g;
	struct thread *t = xcalloc(1, sizeof *t);
	size_t fi = 0;
	uint64_t i;
	int k;

	memset(&g, 0, sizeof g);
	g.o = o;
	g.span = o->days * SEC_DAY;
	g.start = o->as_of - g.span;
	g.pool = o->tickets * 85 / 100 + 16;
	g.next_tid = TICKET_BASE;
	g.next_mid = MESSAGE_BASE;
	g.next_track = 90001;
	g.next_attach = 40001;
	plan_forced(&g);

	if (o->users)
		write_users(o);
	if (o->rules_out)
		write_rules(o);
	gen_out_open(&g.msgs, o->messages);
	if (o->tickets_out)
		gen_out_open(&g.tix, o->tickets_out);
	if (o->labels)
		gen_out_open(&g.labels, o->labels);

	for (i = 0; i < o->tickets; i++) {
		struct rng r;
		int64_t created = slot_time(&g, i), age;
		int cat, variant;

		rng_seed(&r, o->seed, i);
		if (fi < g.nf && g.f[fi].slot == i) {
			cat = g.f[fi].cat;
			variant = g.f[fi].variant;
			if (g.f[fi].created >= 0)
				created = g.f[fi].created;
			fi++;
		} else {
			age = o->as_of - created;
			cat = pick_cat(&g, &r, age);
			variant = pick_variant(&r, cat, age);
		}
		setup_thread(&g, t, &r, i, cat, variant, created);
		odoo_build(t, &r, o->as_of);
		odoo_derive(t, o->as_of);
		if (t->dcat != t->cat)
			die(EX_SOFTWARE,
			    "ticket %lld: built as %s (variant %d), the rules "
			    "say %s",
			    (long long)t->id, odoo_cat_name[t->cat], t->variant,
			    odoo_cat_name[t->dcat]);
		emit_ticket(&g, t, &r);
		g.next_tid +=
			1 + (rng_chance(&r, 0.03) ? rng_range(&r, 1, 3) : 0);
	}

	list_end(&g.msgs, g.nmsgs, o->ndjson);
	gen_out_close(&g.msgs);
	if (o->tickets_out) {
		list_end(&g.tix, g.ntix, o->ndjson);
		gen_out_close(&g.tix);
	}
	if (o->labels)
		gen_out_close(&g.labels);
	for (k = 0; k < MAXMSG; k++) {
		buf_release(&t->m[k].author);
		buf_release(&t->m[k].from);
		buf_release(&t->m[k].subject);
		buf_release(&t->m[k].body);
		buf_release(&t->m[k].plain);
	}
	buf_release(&t->name);
	buf_release(&g.scratch);
	free(t);
	return 0;
}
