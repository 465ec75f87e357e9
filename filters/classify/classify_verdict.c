/*
 * classify_verdict.c - the verdict on one ticket, from its messages: the
 * category, state, priority and the reason, as pulse-classify(1) gives
 * them; see classify_int.h.
 */
#include "classify_int.h"

#include <string.h>

#include "json.h"

/* Stable sort by (ts, id): messages with equal keys keep input order. */
static int msg_before(const struct cmsg *a, const struct cmsg *b)
{
	return a->ts < b->ts || (a->ts == b->ts && a->id < b->id);
}

void classify_sort(struct classifier *k, struct cmsg *m, size_t n)
{
	size_t i, j, o, w, lo, mid, hi;
	struct cmsg *src = m, *dst = k->merge, *tmp;

	for (i = 1; i < n && !msg_before(&m[i], &m[i - 1]); i++)
		;
	if (i >= n)
		return;
	if (n <= 32) {
		for (i = 1; i < n; i++) {
			struct cmsg x = m[i];

			for (j = i; j > 0 && msg_before(&x, &m[j - 1]); j--)
				m[j] = m[j - 1];
			m[j] = x;
		}
		return;
	}
	for (w = 1; w < n; w *= 2) {
		for (lo = 0; lo < n; lo += 2 * w) {
			mid = lo + w < n ? lo + w : n;
			hi = lo + 2 * w < n ? lo + 2 * w : n;
			i = lo;
			j = mid;
			o = lo;
			while (i < mid && j < hi)
				dst[o++] = msg_before(&src[j], &src[i])
						   ? src[j++]
						   : src[i++];
			while (i < mid)
				dst[o++] = src[i++];
			while (j < hi)
				dst[o++] = src[j++];
		}
		tmp = src;
		src = dst;
		dst = tmp;
	}
	if (src != m)
		memcpy(m, src, n * sizeof(*m));
}

static void rule_reason(struct classifier *k, const char *what, int sec,
			uint32_t why)
{
	const struct rule *r;

	if (sec < 0 || why == 0 || why > k->rs->s[sec].n) {
		buf_addf(&k->reason, "%s: rules match", what);
		return;
	}
	r = &k->rs->s[sec].r[why - 1];
	buf_addf(&k->reason, "%s: ", what);
	switch (r->field) {
	case RULE_SUBJECT:
		buf_adds(&k->reason, "subject matches '");
		break;
	case RULE_TEXT:
		buf_adds(&k->reason, "text matches '");
		break;
	case RULE_ANY:
		buf_adds(&k->reason, "subject or text matches '");
		break;
	case RULE_SENDER:
		buf_adds(&k->reason, "sender matches '");
		break;
	case RULE_DOMAIN:
		buf_adds(&k->reason, "sender domain is '");
		break;
	case RULE_EMAIL:
		buf_adds(&k->reason, "sender is '");
		break;
	}
	buf_add(&k->reason, r->pat, r->len);
	buf_addc(&k->reason, '\'');
}

/* Whether the partner_email of a ticket is a partner's. */
static int partner_email_is_partner(struct classifier *k, struct sref r)
{
	struct json_span s;
	const char *p = aref(k, r);

	if (!k->b_partner || r.len < 2 || p[0] != '"')
		return 0;
	s.p = p;
	s.n = r.len;
	s.type = JSON_STRING;
	s.flags = memchr(p, '\\', r.len) ? JSON_F_ESC : 0;
	buf_reset(&k->tmp);
	json_str_decode(s, &k->tmp);
	return (rules_matcher_run(k->m, NULL, 0, NULL, 0, k->tmp.p, k->tmp.len,
				  0, NULL) &
		k->b_partner) != 0;
}

void classify_decide(struct classifier *k, const struct ctk *t,
		     const struct cmsg *m, size_t n, struct classify_verdict *v)
{
	const struct cmsg *fin = NULL, *lin = NULL, *lout = NULL, *last = NULL,
			  *fout = NULL, *insolv = NULL, *oldest = NULL;
	size_t i, n_in = 0, n_out = 0;
	uint64_t topics = 0;
	int human_after = 0, partner, wait = 0;
	const char *category, *state = "open", *priority = NULL;
	int64_t days = 0, recent = k->o.recent_secs;
	struct sref email, name, subject;

	for (i = 0; i < n; i++) {
		const struct cmsg *x = &m[i];

		if (x->mask & k->b_auto)
			continue;
		last = x;
		if (!insolv && (x->mask & k->b_insolv))
			insolv = x;
		if (x->dir == DIR_IN) {
			n_in++;
			if (!fin)
				fin = x;
			else if (!(x->mask & k->b_order))
				human_after = 1;
			lin = x;
			topics |= x->mask & k->b_topics;
			if (!oldest)
				oldest = x;
		} else {
			n_out++;
			lout = x;
			oldest = NULL;
			if (fin && !fout)
				fout = x;
		}
	}

	email = t->fin_email;
	if (!fin || sref_empty(k, email)) {
		email = t->joined[J_PEMAIL];
		partner = !sref_empty(k, email) &&
			  partner_email_is_partner(k, email);
	} else {
		partner = t->fin_partner;
	}
	/* a partner is known by its address, in whichever ticket it writes */
	if (t->has_lin && t->lin_partner)
		partner = 1;
	name = fin && !sref_empty(k, t->fin_name) ? t->fin_name
						  : t->joined[J_PNAME];
	subject = !sref_empty(k, t->joined[J_NAME]) ? t->joined[J_NAME]
		  : fin				    ? t->fin_subject
						    : (struct sref){0, 0};

	buf_reset(&k->reason);
	if (!last) {
		category = "UNCLEAR";
		state = "closed";
		buf_addf(&k->reason,
			 "unclear: no in or out message (%llu message%s: "
			 "notes, system messages or auto-replies only)",
			 (unsigned long long)t->nmsg, t->nmsg == 1 ? "" : "s");
	} else if (n_out == 0 && (fin->mask & k->b_spam)) {
		category = "SPAM";
		state = "closed";
		rule_reason(k, "spam", k->s_spam, fin->why[WHY_SPAM]);
	} else if (fin && (fin->mask & k->b_order) && !human_after) {
		category = "ORDER_CONFIRMATION";
		state = "closed";
		rule_reason(k, "order confirmation", k->s_order,
			    fin->why[WHY_ORDER]);
	} else if (last->dir == DIR_IN) {
		wait = 1;
		if (k->o.as_of > oldest->ts)
			days = (k->o.as_of - oldest->ts) / 86400;
		if (partner || (last->mask & k->b_partner)) {
			category = "PARTNER_NO_RESPONSE";
			priority = "high";
			buf_adds(&k->reason,
				 "partner: last message in from a partner");
		} else if (lout) {
			category = "CUSTOMER_FOLLOWUP";
			priority = "critical";
			buf_adds(&k->reason,
				 "follow-up: last message in after our answer");
		} else {
			category = "NO_RESPONSE";
			priority = days <= 1   ? "urgent"
				   : days <= 3 ? "medium"
					       : "low";
			buf_addf(&k->reason,
				 "no response: waiting %lld day%s for a first "
				 "answer",
				 (long long)days, days == 1 ? "" : "s");
		}
	} else if (k->o.as_of - last->ts <= recent) {
		category = partner ? "PARTNER_RECENT" : "RECENT_RESPONSE";
		priority = "monitor";
		buf_addf(&k->reason, "recent: last answer within %lld day%s%s",
			 (long long)(recent / 86400),
			 recent == 86400 ? "" : "s",
			 partner ? ", to a partner" : "");
	} else if (insolv) {
		category = "INSOLVENCY_RESPONDED";
		state = "closed";
		rule_reason(k, "insolvency", k->s_insolv,
			    insolv->why[WHY_INSOLV]);
	} else {
		category = "RESPONDED_NO_FOLLOWUP";
		state = "closed";
		buf_addf(&k->reason,
			 "responded: last answer older than %lld day%s",
			 (long long)(recent / 86400),
			 recent == 86400 ? "" : "s");
	}

	v->category = category;
	v->state = state;
	v->priority = priority;
	v->waiting = wait;
	v->days = days;
	v->partner = partner;
	v->topics = topics;
	v->n_in = n_in;
	v->n_out = n_out;
	v->fin = fin;
	v->lin = lin;
	v->lout = lout;
	v->last = last;
	v->fout = fout;
	v->m = m;
	v->n = n;
	v->email = email;
	v->name = name;
	v->subject = subject;
	v->reason = &k->reason;
}
