/*
 * classify_engine.c - messages grouped into tickets, and the ticket rules.
 *
 * Each in/out message is matched against every rule section once, when it
 * arrives, and only the result is kept: a bit per section and the first
 * matching rule of the sections a reason may quote.  The texts are never
 * stored; the first customer message's subject, sender, name and summary
 * are kept per ticket, already written as JSON.
 */
#include "classify.h"

#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "text.h"

#define SUMMARY_CHARS 160
#define NONE UINT32_MAX

enum dir { DIR_IN, DIR_OUT, DIR_NOTE, DIR_SYSTEM };

/* The helpdesk.ticket fields pulse-extract joins, in output order. */
static const char *const joined_keys[] = {
	"ticket_name",	"ticket_ref",	   "partner_name", "partner_email",
	"stage",	"ticket_priority", "team",	   "ticket_created",
	"sla_deadline", "channel",
};

enum {
	J_NAME,
	J_REF,
	J_PNAME,
	J_PEMAIL,
	J_STAGE,
	J_PRIO,
	J_TEAM,
	J_CREATED,
	J_SLA,
	J_CHANNEL,
	NJOINED
};

/* The members a message record is read for. */
enum {
	F_KIND,
	F_TICKET,
	F_MSGID,
	F_TS,
	F_DIR,
	F_EMAIL,
	F_AUTHOR,
	F_SUBJECT,
	F_TEXT,
	F_JOINED, /* F_JOINED + J_* */
	NFIELDS = F_JOINED + NJOINED
};

/* Which first rule a message keeps, for the reasons. */
enum { WHY_SPAM, WHY_ORDER, WHY_INSOLV, NWHY };

/* Bytes in the arena; len 0 = absent. */
struct sref {
	size_t off, len;
};

struct cmsg {
	int64_t ts, id;
	uint64_t mask; /* bit i: rule section i matches */
	uint32_t next; /* the ticket's next message (input order), or NONE */
	uint32_t why[NWHY]; /* 1 + index of the first matching rule, or 0 */
	uint8_t dir;
};

struct ctk {
	int64_t id;
	int64_t min_ts; /* of every message, notes included */
	uint64_t nmsg;
	uint32_t head, tail; /* in/out messages, input order */
	int has_fin;	     /* the first `in` so far: */
	int fin_human;	     /* it is not an automatic confirmation */
	int fin_partner;
	int64_t fin_ts, fin_id;
	struct sref fin_email, fin_name, fin_subject, fin_summary; /* JSON */
	struct sref joined[NJOINED]; /* raw JSON values */
	int64_t created;	     /* ticket_created, parsed */
	int has_created;
};

/*
 * int64 ids to uint32 values (ticket_id -> index in tk; the tickets done,
 * for --sorted): open addressing with the key and its value side by side,
 * one cache miss a lookup where a general map takes three.
 */
struct idslot {
	uint64_t key; /* EMPTY_SLOT = free */
	uint32_t val;
};

struct idtab {
	struct idslot *slots;
	size_t nslots, n;
	int has_empty_key; /* EMPTY_SLOT itself is a key: kept apart */
	uint32_t empty_val;
};

#define EMPTY_SLOT ((uint64_t)1 << 63)

struct classifier {
	struct classify_opts o;
	const struct rules *rs;
	struct rules_matcher *m;
	uint64_t b_spam, b_order, b_auto, b_insolv, b_partner, b_topics;
	int s_spam, s_order, s_insolv; /* section indices, or -1 */
	uint64_t want;
	struct buf topic_json; /* "name" strings, back to back */
	struct sref topic_ref[RULES_MAX_SECTIONS];

	struct idtab ids; /* ticket_id -> index in tk (unsorted) */
	struct ctk *tk;
	size_t ntk, tkcap;
	struct cmsg *msg;
	size_t nmsg, msgcap;
	struct buf arena; /* strings of the tickets */
	int have_last;	  /* cache of the last lookup */
	int64_t last_id;
	uint32_t last_tix;

	struct idtab done; /* --sorted */
	int in_group;

	struct buf sb, tb, eb, ab, kb, tmp, reason;
	struct cmsg *sorted, *merge;
	size_t sortcap;
};

/* ---- small helpers ------------------------------------------------------- */

static size_t idtab_home(const struct idtab *t, uint64_t key)
{
	return (size_t)((key * 0x9E3779B97F4A7C15ull) >> 20) & (t->nslots - 1);
}

static void idtab_grow(struct idtab *t)
{
	struct idslot *old = t->slots;
	size_t oldn = t->nslots, i, j;

	t->nslots = oldn ? oldn * 2 : 1024;
	t->slots = xmalloc(t->nslots * sizeof(*t->slots));
	for (i = 0; i < t->nslots; i++)
		t->slots[i].key = EMPTY_SLOT;
	for (i = 0; i < oldn; i++) {
		if (old[i].key == EMPTY_SLOT)
			continue;
		j = idtab_home(t, old[i].key);
		while (t->slots[j].key != EMPTY_SLOT)
			j = (j + 1) & (t->nslots - 1);
		t->slots[j] = old[i];
	}
	free(old);
}

/*
 * The value of id, set to val when id is new (*isnew tells).  @return a
 * pointer to it, valid until the next insertion.
 */
static uint32_t *idtab_put(struct idtab *t, int64_t id, uint32_t val,
			   int *isnew)
{
	uint64_t key = (uint64_t)id;
	size_t j;

	*isnew = 0;
	if (key == EMPTY_SLOT) {
		if (!t->has_empty_key) {
			t->has_empty_key = 1;
			t->empty_val = val;
			*isnew = 1;
		}
		return &t->empty_val;
	}
	if ((t->n + 1) * 2 > t->nslots)
		idtab_grow(t);
	j = idtab_home(t, key);
	while (t->slots[j].key != EMPTY_SLOT) {
		if (t->slots[j].key == key)
			return &t->slots[j].val;
		j = (j + 1) & (t->nslots - 1);
	}
	t->slots[j].key = key;
	t->slots[j].val = val;
	t->n++;
	*isnew = 1;
	return &t->slots[j].val;
}

static int idtab_has(const struct idtab *t, int64_t id)
{
	uint64_t key = (uint64_t)id;
	size_t j;

	if (key == EMPTY_SLOT)
		return t->has_empty_key;
	if (!t->nslots)
		return 0;
	j = idtab_home(t, key);
	while (t->slots[j].key != EMPTY_SLOT) {
		if (t->slots[j].key == key)
			return 1;
		j = (j + 1) & (t->nslots - 1);
	}
	return 0;
}

static const char *aref(const struct classifier *k, struct sref r)
{
	return k->arena.p + r.off;
}

/* Whether a stored JSON value is absent, null or false. */
static int sref_empty(const struct classifier *k, struct sref r)
{
	return r.len == 0 || aref(k, r)[0] == 'n' || aref(k, r)[0] == 'f';
}

static struct sref arena_raw(struct classifier *k, const char *p, size_t n)
{
	struct sref r = {k->arena.len, n};

	buf_add(&k->arena, p, n);
	return r;
}

static struct sref arena_jstr(struct classifier *k, const char *p, size_t n)
{
	struct sref r = {k->arena.len, 0};

	if (p)
		jw_str(&k->arena, p, n);
	else
		jw_null(&k->arena);
	r.len = k->arena.len - r.off;
	return r;
}

static int section_index(const struct rules *rs, const char *name)
{
	const struct rule_section *s = rules_section(rs, name);

	return s ? (int)(s - rs->s) : -1;
}

static uint64_t bit(int i)
{
	return i < 0 ? 0 : 1ull << i;
}

/* ---- setup --------------------------------------------------------------- */

struct classifier *classify_new(const struct classify_opts *o,
				const struct rules *rs, struct buf *err)
{
	struct classifier *k;
	size_t i;

	k = xcalloc(1, sizeof(*k));
	k->o = *o;
	k->rs = rs;
	k->m = rules_matcher_new(rs, err);
	if (!k->m) {
		free(k);
		return NULL;
	}
	k->s_spam = section_index(rs, "spam");
	k->s_order = section_index(rs, "order_confirmation");
	k->s_insolv = section_index(rs, "insolvency");
	k->b_spam = bit(k->s_spam);
	k->b_order = bit(k->s_order);
	k->b_insolv = bit(k->s_insolv);
	k->b_auto = bit(section_index(rs, "autoreply"));
	k->b_partner = bit(section_index(rs, "partner"));
	k->want = k->b_spam | k->b_order | k->b_insolv;
	for (i = 0; i < rs->n; i++) {
		const char *name = rs->s[i].name;

		if (strncmp(name, "topic:", 6) != 0)
			continue;
		k->b_topics |= 1ull << i;
		k->topic_ref[i].off = k->topic_json.len;
		jw_cstr(&k->topic_json, name + 6);
		k->topic_ref[i].len = k->topic_json.len - k->topic_ref[i].off;
	}
	return k;
}

void classify_free(struct classifier *k)
{
	struct buf *bufs[] = {&k->topic_json, &k->arena, &k->sb,
			      &k->tb,	      &k->eb,	 &k->ab,
			      &k->kb,	      &k->tmp,	 &k->reason};
	size_t i;

	if (!k)
		return;
	rules_matcher_free(k->m);
	free(k->ids.slots);
	free(k->tk);
	free(k->msg);
	free(k->done.slots);
	free(k->sorted);
	free(k->merge);
	for (i = 0; i < sizeof(bufs) / sizeof(*bufs); i++)
		buf_release(bufs[i]);
	free(k);
}

/* ---- one ticket's verdict ------------------------------------------------ */

/* Stable sort by (ts, id): messages with equal keys keep input order. */
static int msg_before(const struct cmsg *a, const struct cmsg *b)
{
	return a->ts < b->ts || (a->ts == b->ts && a->id < b->id);
}

/* k->merge must hold n messages. */
static void sort_msgs(struct classifier *k, struct cmsg *m, size_t n)
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

/* Appends ,"key": (the keys are this file's: nothing to escape). */
static void put_key(struct buf *b, const char *key)
{
	size_t n = strlen(key);

	if (b->cap - b->len <= n + 4)
		buf_grow(b, n + 4);
	b->p[b->len++] = ',';
	b->p[b->len++] = '"';
	memcpy(b->p + b->len, key, n);
	b->len += n;
	b->p[b->len++] = '"';
	b->p[b->len++] = ':';
	b->p[b->len] = '\0';
}

static void put_time(struct buf *b, const char *key, const struct cmsg *m)
{
	char t[32];

	put_key(b, key);
	if (!m) {
		jw_null(b);
		return;
	}
	ptime_fmt_utc(t, m->ts);
	buf_addc(b, '"');
	buf_add(b, t, 20); /* digits, '-', ':', 'T', 'Z' */
	buf_addc(b, '"');
}

static void put_sref(struct classifier *k, struct buf *b, const char *key,
		     struct sref r)
{
	put_key(b, key);
	if (r.len)
		buf_add(b, aref(k, r), r.len);
	else
		jw_null(b);
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

/*
 * Classifies ticket t from its in/out messages m[0..n), sorted, and writes
 * its record.
 */
static void emit_ticket(struct classifier *k, struct cli *c, struct ctk *t,
			const struct cmsg *m, size_t n)
{
	struct buf *b = cli_out(c);
	const struct cmsg *fin = NULL, *lin = NULL, *lout = NULL, *last = NULL,
			  *fout = NULL, *insolv = NULL, *oldest = NULL;
	size_t i, n_in = 0, n_out = 0;
	uint64_t topics = 0;
	int human_after = 0, partner, wait = 0;
	const char *category, *state = "open", *priority = NULL;
	int64_t days = 0, recent = k->o.recent_secs;
	struct sref email, name, subject;
	char tbuf[32];

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
	name = fin && !sref_empty(k, t->fin_name) ? t->fin_name
						  : t->joined[J_PNAME];
	subject = !sref_empty(k, t->joined[J_NAME]) ? t->joined[J_NAME]
		  : fin				    ? t->fin_subject
						    : (struct sref){0, 0};

	buf_reset(&k->reason);
	if (!last) {
		category = "UNCLEAR";
		state = "closed";
		buf_adds(&k->reason, "unclear: no in or out message");
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

	buf_adds(b, "{\"kind\":\"ticket\",\"ticket_id\":");
	jw_i64(b, t->id);
	put_key(b, "state");
	jw_cstr(b, state);
	put_key(b, "category");
	jw_cstr(b, category);
	put_key(b, "priority");
	jw_cstr(b, priority);
	put_key(b, "days_waiting");
	if (wait)
		jw_i64(b, days);
	else
		jw_null(b);
	put_key(b, "topics");
	buf_addc(b, '[');
	if (!topics) {
		buf_adds(b, "\"other\"");
	} else {
		int first = 1;

		for (i = 0; i < k->rs->n; i++) {
			if (!(topics & (1ull << i)))
				continue;
			if (!first)
				buf_addc(b, ',');
			first = 0;
			buf_add(b, k->topic_json.p + k->topic_ref[i].off,
				k->topic_ref[i].len);
		}
	}
	buf_addc(b, ']');
	put_key(b, "first_response_hours");
	if (fout)
		jw_fixed(b, (double)(fout->ts - fin->ts) / 3600.0, 2);
	else
		jw_null(b);
	put_key(b, "reason");
	jw_str(b, k->reason.p, k->reason.len);
	put_key(b, "as_of");
	ptime_fmt_utc(tbuf, k->o.as_of);
	jw_str(b, tbuf, 20);
	put_key(b, "created");
	ptime_fmt_utc(tbuf, t->has_created ? t->created : t->min_ts);
	jw_str(b, tbuf, 20);
	put_time(b, "first_in", fin);
	put_time(b, "last_in", lin);
	put_time(b, "last_out", lout);
	put_time(b, "last_ts", last);
	put_key(b, "n_messages");
	jw_i64(b, (int64_t)t->nmsg);
	put_key(b, "n_in");
	jw_i64(b, (int64_t)n_in);
	put_key(b, "n_out");
	jw_i64(b, (int64_t)n_out);
	put_sref(k, b, "email", email);
	put_sref(k, b, "name", name);
	put_sref(k, b, "subject", subject);
	put_key(b, "summary");
	if (fin)
		buf_add(b, aref(k, t->fin_summary), t->fin_summary.len);
	else
		buf_adds(b, "\"\"");
	put_key(b, "partner");
	jw_bool(b, partner);
	for (i = 0; i < NJOINED; i++)
		if (t->joined[i].len)
			put_sref(k, b, joined_keys[i], t->joined[i]);
	buf_adds(b, "}\n");
	cli_commit(c);
}

/* Gathers ticket t's messages, sorts them and emits the ticket. */
static void finish_ticket(struct classifier *k, struct cli *c, struct ctk *t)
{
	size_t n = 0;
	uint32_t i;

	for (i = t->head; i != NONE; i = k->msg[i].next)
		n++;
	if (k->sortcap < n) {
		k->sortcap = n;
		k->sorted = xrealloc(k->sorted, n * sizeof(*k->sorted));
		k->merge = xrealloc(k->merge, n * sizeof(*k->merge));
	}
	n = 0;
	for (i = t->head; i != NONE; i = k->msg[i].next)
		k->sorted[n++] = k->msg[i];
	sort_msgs(k, k->sorted, n);
	emit_ticket(k, c, t, k->sorted, n);
}

/* ---- taking records ------------------------------------------------------ */

/*
 * The index of member name p[0..n) among those read, or -1: by length
 * first, since pick_fields() asks for every member of every record.
 */
static int key_index(const char *p, size_t n)
{
#define KEY(s, i)                                                              \
	do {                                                                   \
		if (!memcmp(p, s, sizeof(s) - 1))                              \
			return i;                                              \
	} while (0)
	switch (n) {
	case 2:
		KEY("ts", F_TS);
		break;
	case 4:
		KEY("kind", F_KIND);
		KEY("text", F_TEXT);
		KEY("team", F_JOINED + J_TEAM);
		break;
	case 5:
		KEY("email", F_EMAIL);
		KEY("stage", F_JOINED + J_STAGE);
		break;
	case 6:
		KEY("author", F_AUTHOR);
		break;
	case 7:
		KEY("subject", F_SUBJECT);
		KEY("channel", F_JOINED + J_CHANNEL);
		break;
	case 9:
		KEY("ticket_id", F_TICKET);
		KEY("direction", F_DIR);
		break;
	case 10:
		KEY("message_id", F_MSGID);
		KEY("ticket_ref", F_JOINED + J_REF);
		break;
	case 11:
		KEY("ticket_name", F_JOINED + J_NAME);
		break;
	case 12:
		KEY("partner_name", F_JOINED + J_PNAME);
		KEY("sla_deadline", F_JOINED + J_SLA);
		break;
	case 13:
		KEY("partner_email", F_JOINED + J_PEMAIL);
		break;
	case 14:
		KEY("ticket_created", F_JOINED + J_CREATED);
		break;
	case 15:
		KEY("ticket_priority", F_JOINED + J_PRIO);
		break;
	}
	return -1;
#undef KEY
}

/* The members of r this stage reads (last duplicate wins, as rec_get). */
static void pick_fields(struct classifier *k, const struct rec *r,
			struct json_span *f)
{
	size_t i;

	memset(f, 0, NFIELDS * sizeof(*f));
	for (i = 0; i < r->nf; i++) {
		const struct json_span *key = &r->f[i].key;
		const char *p = key->p + 1;
		size_t n = key->n - 2;
		int x;

		if (key->flags & JSON_F_ESC) {
			buf_reset(&k->kb);
			json_str_decode(*key, &k->kb);
			p = k->kb.p;
			n = k->kb.len;
		}
		if (n == 0)
			continue;
		x = key_index(p, n);
		if (x >= 0)
			f[x] = r->f[i].val;
	}
}

/* A string member: @return 0 (*p NULL when empty), -1 when bad. */
static int str_field(struct cli *c, struct json_span v, const char *key,
		     struct buf *scratch, const char **p, size_t *n)
{
	*p = NULL;
	*n = 0;
	if (json_is_empty(v))
		return 0;
	if (v.type != JSON_STRING) {
		cli_bad(c, "field '%s' is not a string", key);
		return -1;
	}
	json_str_view(v, scratch, p, n);
	return 0;
}

static int time_field(struct cli *c, struct classifier *k, struct json_span v,
		      const char *key, int64_t *sec)
{
	int rc;
	struct ptime pt;
	const char *p;
	size_t n;

	if (v.type != JSON_STRING) {
		cli_bad(c, "field '%s' is not a string", key);
		return -1;
	}
	json_str_view(v, &k->tmp, &p, &n);
	if ((rc = ptime_parse(p, n, &pt)) < 0) {
		if (rc == PTIME_ERANGE)
			cli_bad(c, "field '%s': time '%.*s' %s", key,
				(int)(n > 40 ? 40 : n), p, ptime_strerror(rc));
		else
			cli_bad(c, "bad time '%.*s' in field '%s'",
				(int)(n > 40 ? 40 : n), p, key);
		return -1;
	}
	*sec = pt.sec;
	return 0;
}

static void ticket_reset(struct ctk *t, int64_t id)
{
	memset(t, 0, sizeof(*t));
	t->id = id;
	t->head = t->tail = NONE;
}

static struct ctk *ticket_get(struct classifier *k, int64_t id)
{
	uint32_t *ix;
	int isnew;

	if (k->have_last && k->last_id == id)
		return &k->tk[k->last_tix];
	ix = idtab_put(&k->ids, id, (uint32_t)k->ntk, &isnew);
	if (isnew) {
		if (k->ntk == k->tkcap) {
			k->tkcap = k->tkcap ? k->tkcap * 2 : 1024;
			k->tk = xrealloc(k->tk, k->tkcap * sizeof(*k->tk));
		}
		*ix = (uint32_t)k->ntk;
		ticket_reset(&k->tk[k->ntk++], id);
	}
	k->have_last = 1;
	k->last_id = id;
	k->last_tix = *ix;
	return &k->tk[*ix];
}

/* --sorted: the ticket of the group id, or NULL when id is done. */
static struct ctk *group_get(struct classifier *k, struct cli *c, int64_t id)
{
	int isnew;

	if (k->in_group && k->tk[0].id == id)
		return &k->tk[0];
	if (idtab_has(&k->done, id)) {
		cli_bad(c,
			"input not grouped by ticket_id (ticket %lld seen "
			"again)",
			(long long)id);
		return NULL;
	}
	if (k->in_group)
		finish_ticket(k, c, &k->tk[0]);
	if (!k->tk) {
		k->tkcap = 1;
		k->tk = xmalloc(sizeof(*k->tk));
	}
	k->nmsg = 0;
	buf_reset(&k->arena);
	ticket_reset(&k->tk[0], id);
	k->in_group = 1;
	idtab_put(&k->done, id, 0, &isnew);
	return &k->tk[0];
}

static int parse_dir(struct json_span v)
{
	if (json_str_eq(v, "in", 2))
		return DIR_IN;
	if (json_str_eq(v, "out", 3))
		return DIR_OUT;
	if (json_str_eq(v, "note", 4))
		return DIR_NOTE;
	if (json_str_eq(v, "system", 6))
		return DIR_SYSTEM;
	return -1;
}

static struct cmsg *msg_new(struct classifier *k, struct ctk *t)
{
	uint32_t i;

	if (k->nmsg == k->msgcap) {
		k->msgcap = k->msgcap ? k->msgcap * 2 : 4096;
		if (k->msgcap >= NONE)
			die(EX_SOFTWARE, "too many messages (use --sorted)");
		k->msg = xrealloc(k->msg, k->msgcap * sizeof(*k->msg));
	}
	i = (uint32_t)k->nmsg++;
	k->msg[i].next = NONE;
	if (t->tail == NONE)
		t->head = i;
	else
		k->msg[t->tail].next = i;
	t->tail = i;
	return &k->msg[i];
}

void classify_add(struct classifier *k, struct cli *c, const struct rec *r)
{
	struct json_span f[NFIELDS];
	const char *subj, *text, *email, *author;
	size_t slen, tlen, elen, alen, i;
	int64_t tid, mid = 0, ts, created = 0;
	int dir, human;
	struct ctk *t;
	struct cmsg *m;
	unsigned first[RULES_MAX_SECTIONS];

	pick_fields(k, r, f);
	if (f[F_KIND].type != JSON_NONE &&
	    !json_str_eq(f[F_KIND], "message", 7)) {
		cli_bad(c, "record is not a message (field 'kind')");
		return;
	}
	if (f[F_TICKET].type == JSON_NONE) {
		cli_bad(c, "missing field 'ticket_id'");
		return;
	}
	if (f[F_TICKET].type != JSON_NUMBER || json_to_i64(f[F_TICKET], &tid)) {
		cli_bad(c, "field 'ticket_id' is not an integer");
		return;
	}
	if (!json_is_empty(f[F_MSGID]) &&
	    (f[F_MSGID].type != JSON_NUMBER || json_to_i64(f[F_MSGID], &mid))) {
		cli_bad(c, "field 'message_id' is not an integer");
		return;
	}
	if (f[F_TS].type == JSON_NONE) {
		cli_bad(c, "missing field 'ts'");
		return;
	}
	if (time_field(c, k, f[F_TS], "ts", &ts))
		return;
	if (f[F_DIR].type == JSON_NONE) {
		cli_bad(c, "missing field 'direction'");
		return;
	}
	if (f[F_DIR].type != JSON_STRING) {
		cli_bad(c, "field 'direction' is not a string");
		return;
	}
	dir = parse_dir(f[F_DIR]);
	if (dir < 0) {
		cli_bad(c, "unknown direction %.*s (in, out, note or system)",
			(int)(f[F_DIR].n > 40 ? 40 : f[F_DIR].n), f[F_DIR].p);
		return;
	}
	if (str_field(c, f[F_SUBJECT], "subject", &k->sb, &subj, &slen) ||
	    str_field(c, f[F_TEXT], "text", &k->tb, &text, &tlen) ||
	    str_field(c, f[F_EMAIL], "email", &k->eb, &email, &elen) ||
	    str_field(c, f[F_AUTHOR], "author", &k->ab, &author, &alen))
		return;
	if (!json_is_empty(f[F_JOINED + J_CREATED]) &&
	    time_field(c, k, f[F_JOINED + J_CREATED], "ticket_created",
		       &created))
		return;

	if (k->o.sorted) {
		t = group_get(k, c, tid);
		if (!t)
			return;
	} else {
		t = ticket_get(k, tid);
	}
	if (!t->nmsg || ts < t->min_ts)
		t->min_ts = ts;
	t->nmsg++;
	for (i = 0; i < NJOINED; i++) {
		struct json_span v = f[F_JOINED + i];

		if (v.type == JSON_NONE)
			continue;
		if (t->joined[i].len &&
		    !(sref_empty(k, t->joined[i]) && !json_is_empty(v)))
			continue;
		t->joined[i] = arena_raw(k, v.p, v.n);
		if (i == J_CREATED && !json_is_empty(v)) {
			t->created = created;
			t->has_created = 1;
		}
	}
	if (dir != DIR_IN && dir != DIR_OUT)
		return;

	m = msg_new(k, t);
	m->ts = ts;
	m->id = mid;
	m->dir = (uint8_t)dir;
	m->mask = rules_matcher_run(k->m, subj, slen, text, tlen, email, elen,
				    k->want, first);
	m->why[WHY_SPAM] = k->s_spam >= 0 ? first[k->s_spam] : 0;
	m->why[WHY_ORDER] = k->s_order >= 0 ? first[k->s_order] : 0;
	m->why[WHY_INSOLV] = k->s_insolv >= 0 ? first[k->s_insolv] : 0;
	if (dir != DIR_IN || (m->mask & k->b_auto))
		return;
	/*
	 * The correspondent is the sender of the earliest human `in`: a
	 * ticket opened by an automatic order confirmation and followed by a
	 * customer's question is that customer's, not the shop robot's.
	 */
	human = !(m->mask & k->b_order);
	if (t->has_fin &&
	    (human < t->fin_human ||
	     (human == t->fin_human &&
	      (ts > t->fin_ts || (ts == t->fin_ts && mid >= t->fin_id)))))
		return;
	/* the earliest customer message so far: keep its words */
	t->has_fin = 1;
	t->fin_human = human;
	t->fin_ts = ts;
	t->fin_id = mid;
	t->fin_partner = (m->mask & k->b_partner) != 0;
	t->fin_email = arena_jstr(k, email, elen);
	t->fin_name = arena_jstr(k, author, alen);
	t->fin_subject = arena_jstr(k, subj, slen);
	buf_reset(&k->tmp);
	if (text)
		text_summary(text, tlen, SUMMARY_CHARS, &k->tmp);
	t->fin_summary = arena_jstr(k, k->tmp.p ? k->tmp.p : "", k->tmp.len);
}

void classify_finish(struct classifier *k, struct cli *c)
{
	size_t i;

	if (k->o.sorted) {
		if (k->in_group)
			finish_ticket(k, c, &k->tk[0]);
		k->in_group = 0;
		return;
	}
	for (i = 0; i < k->ntk; i++)
		finish_ticket(k, c, &k->tk[i]);
}
