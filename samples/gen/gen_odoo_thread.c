/*
 * gen_odoo_thread.c - one ticket's thread, built for its category, and the
 * labels derived back from it by the classification rules.
 *
 * Builders place every message at or before as-of, in strictly increasing
 * time.  The time limits that decide a category (72 hours since our last
 * answer, whole days since the oldest unanswered mail) are kept with
 * margin, except in the V_BOUNDARY variants, which sit on them exactly.
 */
#include "gen_odoo.h"

#include <stdio.h>
#include <string.h>

#include "err.h"

#define RECENT_SEC (3 * SEC_DAY) /* an answer at most this old is recent */

const char *const odoo_cat_name[C_NCAT] = {
	"NO_RESPONSE",		"RECENT_RESPONSE",
	"PARTNER_NO_RESPONSE",	"PARTNER_RECENT",
	"CUSTOMER_FOLLOWUP",	"UNCLEAR",
	"INSOLVENCY_RESPONDED", "SPAM",
	"ORDER_CONFIRMATION",	"RESPONDED_NO_FOLLOWUP",
};
const char *const odoo_prio_name[] = {
	NULL, "critical", "high", "urgent", "medium", "low", "monitor",
};
const char *const odoo_topic_name[KW_NTOPICS] = {
	"course_dates",	 "voucher_delivery", "online_materials",
	"group_booking", "insolvency",
};

struct bctx {
	struct thread *t;
	struct rng *r;
	int64_t as_of;
};

/* The time of the last message so far (the ticket's creation when none). */
static int64_t last_ts(const struct thread *t)
{
	return t->n ? t->m[t->n - 1].ts : t->created - 1;
}

/* A staff answer's delay: minutes to two weeks, in whole minutes. */
static int64_t staff_delay(struct rng *r)
{
	double u = rng_unit(r);

	if (u < 0.3)
		return rng_range(r, 5, 120) * 60;
	if (u < 0.7)
		return rng_range(r, 120, 1440) * 60;
	if (u < 0.95)
		return rng_range(r, 1440, 5760) * 60;
	return rng_range(r, 5760, 20160) * 60;
}

/* A customer's delay: ten minutes to ten days. */
static int64_t customer_delay(struct rng *r)
{
	double u = rng_unit(r);

	if (u < 0.2)
		return rng_range(r, 600, 3 * SEC_HOUR);
	if (u < 0.7)
		return rng_range(r, 3 * SEC_HOUR, 2 * SEC_DAY);
	return rng_range(r, 2 * SEC_DAY, 10 * SEC_DAY);
}

/*
 * A time delay after the last message, at least min after it and no
 * later than limit; a delay that does not fit becomes a uniform pick in
 * what room there is (clamping would pile messages up on the limit).
 * @return -1 when not even min fits.
 */
static int64_t after(const struct bctx *b, int64_t delay, int64_t min,
		     int64_t limit)
{
	int64_t t0 = last_ts(b->t), t;

	if (limit > b->as_of)
		limit = b->as_of;
	if (t0 + min > limit)
		return -1;
	t = t0 + (delay < min ? min : delay);
	if (t > limit)
		t = rng_range(b->r, t0 + min, limit);
	return t;
}

/*
 * Moves a first answer off an exact half hundredth of an hour, so that
 * first_response_hours rounds the same however it is computed.
 */
static int64_t untie(int64_t first_in, int64_t t, int64_t limit)
{
	if ((t - first_in) % 36 == 18)
		t += t + 1 <= limit ? 1 : -1;
	return t;
}

static const struct msg *first_in(const struct thread *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->m[i].dir == D_IN)
			return &t->m[i];
	return NULL;
}

static int has_out(const struct thread *t)
{
	int i;

	for (i = 0; i < t->n; i++)
		if (t->m[i].dir == D_OUT)
			return 1;
	return 0;
}

/* Adds our answer at ts (moved off a rounding tie when it is the first). */
static void answer(struct bctx *b, int64_t ts, int64_t limit, int style,
		   int insolv)
{
	const struct msg *fi = first_in(b->t);

	if (fi && !has_out(b->t))
		ts = untie(fi->ts, ts, limit);
	odoo_staff_reply(b->t, b->r, odoo_msg_add(b->t, ts), style, insolv,
			 b->t->variant == V_SPAM_ANSWERED);
}

static int reply_style(struct bctx *b)
{
	double u;

	switch (b->t->variant) {
	case V_STAFF_NO_AUTHOR:
		return SR_NO_AUTHOR;
	case V_EMAIL_OUTGOING:
		return SR_OUTGOING;
	default:
		u = rng_unit(b->r);
		return u < 0.6	  ? SR_COMMENT
		       : u < 0.9  ? SR_EMAIL
		       : u < 0.97 ? SR_OUTGOING
				  : SR_NO_AUTHOR;
	}
}

static void maybe_ack(struct bctx *b, double p)
{
	int64_t ts;

	if (!rng_chance(b->r, p))
		return;
	ts = after(b, rng_range(b->r, 15, 120), 1, b->as_of);
	if (ts >= 0)
		odoo_ack(b->t, b->r, odoo_msg_add(b->t, ts));
}

static void maybe_note(struct bctx *b, double p, int kind, int64_t limit)
{
	int64_t ts;

	if (!rng_chance(b->r, p))
		return;
	ts = after(b, rng_range(b->r, 5 * 60, SEC_DAY), 1, limit);
	if (ts >= 0)
		odoo_note(b->t, b->r, odoo_msg_add(b->t, ts), kind);
}

static void maybe_stage_by(struct bctx *b, double p, int to, int64_t limit);

static void maybe_stage(struct bctx *b, double p, int to)
{
	maybe_stage_by(b, p, to, b->as_of);
}

static void maybe_stage_by(struct bctx *b, double p, int to, int64_t limit)
{
	int64_t ts;

	if (b->t->stage == to || !rng_chance(b->r, p))
		return;
	ts = after(b, rng_range(b->r, 30, 2 * SEC_HOUR), 1, limit);
	if (ts >= 0)
		odoo_stage(b->t, b->r, odoo_msg_add(b->t, ts), to);
}

/* The customer's (or partner's) first mail at the ticket's creation. */
static void opening(struct bctx *b)
{
	struct msg *m = odoo_msg_add(b->t, b->t->created);

	if (b->t->school && b->t->variant != V_AFTER_CUSTOMER)
		odoo_partner_mail(b->t, b->r, m, 1);
	else
		odoo_customer_first(b->t, b->r, m, 1);
}

/* ---- open categories ----------------------------------------------- */

static void build_no_response(struct bctx *b)
{
	struct thread *t = b->t;
	int64_t ts, rem;

	if (t->variant == V_ORDER_THEN_QUESTION) {
		/* The question lands in the same day bucket as the
		 * confirmation, so either one is "the oldest unanswered". */
		rem = (b->as_of - t->created) % SEC_DAY;
		odoo_order(t, b->r, odoo_msg_add(t, t->created), 0);
		ts = t->created + (rem >= 120 ? rng_range(b->r, 60, rem) : rem);
		odoo_customer_first(t, b->r, odoo_msg_add(t, ts), 0);
	} else {
		opening(b);
	}
	maybe_ack(b, t->variant == V_ACK_ONLY ? 1 : 0.8);
	if (t->variant == V_NOTE_ONLY) {
		maybe_note(b, 1, NOTE_ANY, b->as_of);
		maybe_stage(b, 0.5, STAGE_PROGRESS);
	} else {
		maybe_note(b, 0.1, NOTE_ANY, b->as_of);
	}
	if (t->variant != V_ORDER_THEN_QUESTION && rng_chance(b->r, 0.15)) {
		ts = after(b, customer_delay(b->r), 60, b->as_of);
		if (ts >= 0)
			odoo_customer_followup(t, b->r, odoo_msg_add(t, ts),
					       FU_REMINDER);
	}
}

static void build_customer_followup(struct bctx *b)
{
	struct thread *t = b->t;
	int64_t ts;

	opening(b);
	maybe_ack(b, 0.5);
	ts = after(b, staff_delay(b->r), 60, b->as_of - SEC_HOUR);
	answer(b, ts, b->as_of - SEC_HOUR, reply_style(b), 0);
	maybe_stage_by(b, 0.5, STAGE_WAITING, b->as_of - 120);
	ts = after(b, customer_delay(b->r), 60, b->as_of);
	odoo_customer_followup(t, b->r, odoo_msg_add(t, ts),
			       rng_chance(b->r, 0.7) ? FU_REPLY : FU_THANKS);
	if (rng_chance(b->r, 0.2)) {
		ts = after(b, customer_delay(b->r), 60, b->as_of);
		if (ts >= 0)
			odoo_customer_followup(t, b->r, odoo_msg_add(t, ts),
					       FU_REMINDER);
	}
}

static void build_partner_no_response(struct bctx *b)
{
	struct thread *t = b->t;
	int64_t ts;

	opening(b);
	maybe_ack(b, 0.3);
	if (t->variant == V_AFTER_CUSTOMER) {
		ts = after(b, staff_delay(b->r), 60, b->as_of - SEC_HOUR);
		answer(b, ts, b->as_of - SEC_HOUR, reply_style(b), 0);
		ts = after(b, customer_delay(b->r), 60, b->as_of);
		odoo_partner_mail(t, b->r, odoo_msg_add(t, ts), 0);
	} else if (rng_chance(b->r, 0.4)) {
		ts = after(b, customer_delay(b->r), 60, b->as_of);
		if (ts >= 0)
			odoo_partner_mail(t, b->r, odoo_msg_add(t, ts), 0);
	}
	maybe_note(b, 0.2, NOTE_CALLBACK, b->as_of);
}

/* The last answer falls within RECENT_SEC of as-of. */
static void build_recent(struct bctx *b)
{
	struct thread *t = b->t;
	int64_t lo = b->as_of - RECENT_SEC, ts;

	opening(b);
	maybe_ack(b, 0.6);
	if (t->variant == V_BOUNDARY) {
		answer(b, lo, lo, reply_style(b), 0);
	} else {
		/* An earlier exchange when there is room before the window. */
		if (lo - last_ts(t) > 2 * SEC_DAY && rng_chance(b->r, 0.4)) {
			ts = after(b, staff_delay(b->r), 60, lo - SEC_DAY);
			answer(b, ts, lo - SEC_DAY, reply_style(b), 0);
			ts = after(b, customer_delay(b->r), 60, lo - SEC_HOUR);
			if (t->school)
				odoo_partner_mail(t, b->r, odoo_msg_add(t, ts),
						  0);
			else
				odoo_customer_followup(
					t, b->r, odoo_msg_add(t, ts), FU_REPLY);
		}
		if (last_ts(t) < lo)
			ts = lo + 60 + rng_below(b->r, RECENT_SEC - 120);
		else
			ts = after(b, staff_delay(b->r), 60, b->as_of);
		answer(b, ts, b->as_of, reply_style(b), 0);
	}
	if (t->variant == V_OOO_AFTER) {
		ts = after(b, rng_range(b->r, 20, 300), 1, b->as_of);
		if (ts >= 0)
			odoo_autoreply(t, b->r, odoo_msg_add(t, ts), NULL);
	}
	maybe_stage(b, 0.4, STAGE_WAITING);
}

/* ---- closed categories --------------------------------------------- */

/* Answered, the last answer older than RECENT_SEC. */
static void build_responded(struct bctx *b, int insolv)
{
	struct thread *t = b->t;
	int64_t lim = b->as_of - RECENT_SEC - 1, ts;
	int style = reply_style(b);
	int out_insolv = insolv;

	if (t->variant == V_SPAM_ANSWERED)
		odoo_spam(t, b->r, odoo_msg_add(t, t->created), 0);
	else
		opening(b);
	if (t->variant != V_SPAM_ANSWERED)
		maybe_ack(b, 0.8);
	if (t->variant == V_NOTE_INSOLV)
		maybe_note(b, 1, NOTE_INSOLV, lim - 180);
	if (t->variant != V_BOUNDARY)
		maybe_stage_by(b, 0.5, STAGE_PROGRESS, lim - 120);
	if (t->variant == V_BOUNDARY) {
		answer(b, lim, lim, style, out_insolv);
	} else {
		ts = after(b, staff_delay(b->r), 60, lim);
		answer(b, ts, lim, style, out_insolv);
		if (t->variant == V_OOO_AFTER) {
			ts = after(b, rng_range(b->r, 20, 300), 1, b->as_of);
			odoo_autoreply(t, b->r, odoo_msg_add(t, ts), NULL);
		}
		/* Sometimes another round. */
		if (t->variant != V_OOO_AFTER &&
		    t->variant != V_SPAM_ANSWERED &&
		    lim - last_ts(t) > 2 * SEC_HOUR && rng_chance(b->r, 0.45)) {
			ts = after(b, customer_delay(b->r), 60, lim - 60);
			odoo_customer_followup(
				t, b->r, odoo_msg_add(t, ts),
				rng_chance(b->r, 0.6) ? FU_REPLY : FU_THANKS);
			maybe_stage_by(b, 0.3, STAGE_PROGRESS, lim - 60);
			ts = after(b, staff_delay(b->r), 60, lim);
			if (ts >= 0)
				answer(b, ts, lim, style,
				       insolv && rng_chance(b->r, 0.5));
			else
				die(EX_SOFTWARE, "ticket %lld: no room",
				    (long long)t->id);
		}
	}
	maybe_note(b, 0.08, NOTE_ANY, b->as_of);
	maybe_stage(b, 0.6, STAGE_SOLVED);
}

static void build_spam(struct bctx *b)
{
	struct thread *t = b->t;
	int64_t ts;

	odoo_spam(t, b->r, odoo_msg_add(t, t->created), 0);
	if (t->variant == V_SPAM_TWICE) {
		ts = after(b, customer_delay(b->r), 60, b->as_of);
		if (ts >= 0)
			odoo_spam(t, b->r, odoo_msg_add(t, ts), 1);
	}
	maybe_ack(b, 0.6);
	maybe_note(b, 0.1, NOTE_SPAM, b->as_of);
	maybe_stage(b, 0.7, STAGE_CANCELLED);
}

static void build_order(struct bctx *b)
{
	struct thread *t = b->t;
	int64_t ts;

	odoo_order(t, b->r, odoo_msg_add(t, t->created), 0);
	if (t->variant == V_TWO_CONFIRMATIONS) {
		ts = after(b, rng_range(b->r, 5, 300), 1, b->as_of);
		if (ts >= 0)
			odoo_order(t, b->r, odoo_msg_add(t, ts), 1);
	}
	maybe_ack(b, 0.5);
	maybe_stage(b, 0.7, STAGE_SOLVED);
}

static void build_unclear(struct bctx *b)
{
	struct thread *t = b->t;
	struct msg *m;
	char subj[96];
	int64_t ts;

	switch (t->variant) {
	case V_AUTOREPLY_ONLY:
		/* An out-of-office answer to a newsletter opens a ticket. */
		snprintf(subj, sizeof subj, "%s Newsletter: Neue Kurse im %s",
			 BRAND, t->v.month);
		m = odoo_msg_add(t, t->created);
		odoo_autoreply(t, b->r, m, subj);
		m->parent = 0;
		t->has_name = 1;
		buf_reset(&t->name);
		buf_add(&t->name, m->subject.p, m->subject.len);
		maybe_stage(b, 0.5, STAGE_CANCELLED);
		break;
	case V_SYSTEM_ONLY:
		t->has_name = 1;
		buf_reset(&t->name);
		buf_addf(&t->name, "Kundenanruf %s",
			 t->cust.name[0] ? t->cust.name : t->cust.email);
		odoo_assign_notice(t, b->r, odoo_msg_add(t, t->created));
		maybe_stage(b, 1, STAGE_PROGRESS);
		maybe_stage(b, 0.5, STAGE_SOLVED);
		break;
	default: /* V_NOTES_ONLY */
		t->has_name = 1;
		buf_reset(&t->name);
		buf_addf(&t->name, "Rückruf %s",
			 t->cust.name[0] ? t->cust.name : t->cust.email);
		odoo_note(t, b->r, odoo_msg_add(t, t->created), NOTE_CALLBACK);
		if (rng_chance(b->r, 0.4)) {
			ts = after(b, customer_delay(b->r), 60, b->as_of);
			if (ts >= 0)
				odoo_note(t, b->r, odoo_msg_add(t, ts),
					  NOTE_ANY);
		}
		maybe_stage(b, 0.5, STAGE_SOLVED);
		break;
	}
}

void odoo_build(struct thread *t, struct rng *r, int64_t as_of)
{
	struct bctx b = {t, r, as_of};
	int64_t fixed;
	int i;

	/* An answer fixed on a boundary cannot move off a rounding tie of
	 * first_response_hours: move the opening mail instead. */
	if (t->variant == V_BOUNDARY &&
	    (t->cat == C_RECENT_RESPONSE || t->cat == C_RESPONDED_NO_FOLLOWUP ||
	     t->cat == C_INSOLVENCY_RESPONDED)) {
		fixed = as_of - RECENT_SEC -
			(t->cat == C_RECENT_RESPONSE ? 0 : 1);
		if ((fixed - t->created) % 36 == 18)
			t->created--;
	}
	t->n = 0;
	t->has_name = 0;
	t->subj_kw = 0;
	t->stage = STAGE_NEW;
	switch (t->cat) {
	case C_NO_RESPONSE:
	case C_PARTNER_NO_RESPONSE:
		if (t->cat == C_PARTNER_NO_RESPONSE)
			build_partner_no_response(&b);
		else
			build_no_response(&b);
		break;
	case C_CUSTOMER_FOLLOWUP:
		build_customer_followup(&b);
		break;
	case C_RECENT_RESPONSE:
	case C_PARTNER_RECENT:
		build_recent(&b);
		break;
	case C_INSOLVENCY_RESPONDED:
		build_responded(&b, 1);
		break;
	case C_RESPONDED_NO_FOLLOWUP:
		build_responded(&b, 0);
		break;
	case C_SPAM:
		build_spam(&b);
		break;
	case C_ORDER_CONFIRMATION:
		build_order(&b);
		break;
	default:
		build_unclear(&b);
		break;
	}
	for (i = 0; i < t->n; i++) {
		if (t->m[i].ts > as_of || t->m[i].ts < 0 ||
		    (i > 0 && t->m[i].ts <= t->m[i - 1].ts))
			die(EX_SOFTWARE,
			    "ticket %lld (%s): message %d at a bad time",
			    (long long)t->id, odoo_cat_name[t->cat], i);
	}
}

/* ---- the rules, applied to what was built -------------------------- */

static int64_t floor_div(int64_t a, int64_t b)
{
	int64_t q = a / b;

	return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

void odoo_derive(struct thread *t, int64_t as_of)
{
	const struct msg *fi = NULL, *last = NULL, *lastout = NULL;
	const struct msg *oldest = NULL, *fo = NULL;
	int i, later_human = 0;

	t->topics = 0;
	t->days = -1;
	t->frh_sec = -1;
	t->prio = P_NONE;
	for (i = 0; i < t->n; i++) {
		const struct msg *m = &t->m[i];

		if (m->dir != D_IN && m->dir != D_OUT)
			continue;
		last = m;
		if (m->dir == D_IN) {
			t->topics |= m->kw & KW_TOPICS;
			if (!fi)
				fi = m;
			else if (!(m->kw & KW_ORDER))
				later_human = 1;
			if (!oldest)
				oldest = m;
		} else {
			lastout = m;
			oldest = NULL;
			if (fi && !fo)
				fo = m;
		}
	}
	if (fi && fo)
		t->frh_sec = fo->ts - fi->ts;
	if (!last) {
		t->dcat = C_UNCLEAR;
	} else if (fi && !lastout && (fi->kw & KW_SPAM)) {
		t->dcat = C_SPAM;
	} else if (fi && (fi->kw & KW_ORDER) && !later_human) {
		t->dcat = C_ORDER_CONFIRMATION;
	} else if (last->dir == D_IN) {
		t->days = floor_div(as_of - oldest->ts, SEC_DAY);
		if (last->partner) {
			t->dcat = C_PARTNER_NO_RESPONSE;
			t->prio = P_HIGH;
		} else if (lastout) {
			t->dcat = C_CUSTOMER_FOLLOWUP;
			t->prio = P_CRITICAL;
		} else {
			t->dcat = C_NO_RESPONSE;
			t->prio = t->days <= 1	 ? P_URGENT
				  : t->days <= 3 ? P_MEDIUM
						 : P_LOW;
		}
	} else if (as_of - last->ts <= RECENT_SEC) {
		t->dcat = fi && fi->partner ? C_PARTNER_RECENT
					    : C_RECENT_RESPONSE;
		t->prio = P_MONITOR;
	} else {
		t->dcat = C_RESPONDED_NO_FOLLOWUP;
		for (i = 0; i < t->n; i++)
			if ((t->m[i].dir == D_IN || t->m[i].dir == D_OUT) &&
			    (t->m[i].kw & KW_INSOLV))
				t->dcat = C_INSOLVENCY_RESPONDED;
	}
}
