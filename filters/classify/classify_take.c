/*
 * classify_take.c - message records taken into tickets: the ticket table,
 * each message's rule bits, and the tickets handed to classify_decide()
 * and classify_write() when they are done; see classify.h and
 * classify_int.h.
 */
#include "classify_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "excerpt.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "text.h"

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
	classify_entity_init(k);
	hmap_init(&k->agents, sizeof(struct agent));
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
			      &k->kb,	      &k->tmp,	 &k->reason,
			      &k->fold,	      &k->ents,	 &k->agent_json};
	size_t i;

	if (!k)
		return;
	rules_matcher_free(k->m);
	hmap_release(&k->agents);
	free(k->ids.slots);
	free(k->tk);
	free(k->msg);
	free(k->done.slots);
	free(k->sorted);
	free(k->merge);
	classify_entity_free(k);
	for (i = 0; i < sizeof(bufs) / sizeof(*bufs); i++)
		buf_release(bufs[i]);
	free(k);
}

/* Gathers ticket t's messages, sorts them, decides and writes the ticket. */
static void finish_ticket(struct classifier *k, struct sink *out, struct ctk *t)
{
	struct classify_verdict v;
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
	classify_sort(k, k->sorted, n);
	classify_decide(k, t, k->sorted, n, &v);
	classify_write(k, t, &v, &out->b);
	sink_commit(out);
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

/* The reason a record is bad, printf-style, into msg.  @return -1. */
static int bad(char *msg, size_t msz, const char *fmt, ...) ERR_PRINTF(3, 4);

static int bad(char *msg, size_t msz, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, msz, fmt, ap);
	va_end(ap);
	return -1;
}

/* A string member: @return 0 (*p NULL when empty), -1 when bad. */
static int str_field(struct json_span v, const char *key, struct buf *scratch,
		     const char **p, size_t *n, char *msg, size_t msz)
{
	*p = NULL;
	*n = 0;
	if (json_is_empty(v))
		return 0;
	if (v.type != JSON_STRING)
		return bad(msg, msz, "field '%s' is not a string", key);
	json_str_view(v, scratch, p, n);
	return 0;
}

static int time_field(struct classifier *k, struct json_span v, const char *key,
		      int64_t *sec, char *msg, size_t msz)
{
	int rc;
	struct ptime pt;
	const char *p;
	size_t n;

	if (v.type != JSON_STRING)
		return bad(msg, msz, "field '%s' is not a string", key);
	json_str_view(v, &k->tmp, &p, &n);
	if ((rc = ptime_parse(p, n, &pt)) < 0) {
		if (rc == PTIME_ERANGE)
			return bad(msg, msz, "field '%s': time '%.*s' %s", key,
				   (int)(n > 40 ? 40 : n), p,
				   ptime_strerror(rc));
		return bad(msg, msz, "bad time '%.*s' in field '%s'",
			   (int)(n > 40 ? 40 : n), p, key);
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

/*
 * --sorted: the ticket of the group id (the group before it is written to
 * out), or NULL when id is done.
 */
static struct ctk *group_get(struct classifier *k, struct sink *out, int64_t id)
{
	int isnew;

	if (k->in_group && k->tk[0].id == id)
		return &k->tk[0];
	if (idtab_has(&k->done, id))
		return NULL;
	if (k->in_group)
		finish_ticket(k, out, &k->tk[0]);
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

/* A new message of t, or NULL when no more can be held. */
static struct cmsg *msg_new(struct classifier *k, struct ctk *t)
{
	uint32_t i;

	if (k->nmsg == k->msgcap) {
		if (k->msgcap >= NONE / 2)
			return NULL;
		k->msgcap = k->msgcap ? k->msgcap * 2 : 4096;
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

/*
 * The agent who wrote an out message: its author, else its sender's
 * address; NONE when it has neither.
 */
static uint32_t agent_of(struct classifier *k, const char *author, size_t alen,
			 const char *email, size_t elen)
{
	struct agent *a;
	int isnew;

	if (!author || !alen) {
		author = email;
		alen = elen;
	}
	if (!author || !alen)
		return NONE;
	a = hmap_put(&k->agents, author, alen, &isnew);
	if (isnew) {
		a->json.off = k->agent_json.len;
		jw_str(&k->agent_json, author, alen);
		a->json.len = k->agent_json.len - a->json.off;
		a->seen = 0;
	}
	return (uint32_t)(((char *)a - k->agents.vals) / k->agents.vsize);
}

/*
 * Keeps the sender and the excerpt of in message m of t when it is the
 * latest so far, human messages before automatic ones: what the customer
 * (or the partner) wants now, and who asks.
 */
static void take_latest(struct classifier *k, struct ctk *t,
			const struct cmsg *m, int human, const char *email,
			size_t elen, const char *author, size_t alen,
			const char *text, size_t tlen)
{
	if (t->has_lin && (human < t->lin_human ||
			   (human == t->lin_human &&
			    (m->ts < t->lin_ts ||
			     (m->ts == t->lin_ts && m->id < t->lin_id)))))
		return;
	t->has_lin = 1;
	t->lin_human = human;
	t->lin_ts = m->ts;
	t->lin_id = m->id;
	t->lin_partner = (m->mask & k->b_partner) != 0;
	t->lin_email = arena_jstr(k, email, elen);
	t->lin_name = arena_jstr(k, author, alen);
	buf_reset(&k->tmp);
	if (text)
		text_excerpt(text, tlen, EXCERPT_CHARS, &k->tmp);
	t->lin_excerpt = arena_jstr(k, k->tmp.p ? k->tmp.p : "", k->tmp.len);
}

int classify_add(struct classifier *k, const struct rec *r, struct sink *out,
		 char *msg, size_t msz)
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
		return bad(msg, msz, "record is not a message (field 'kind')");
	}
	if (f[F_TICKET].type == JSON_NONE) {
		return bad(msg, msz, "missing field 'ticket_id'");
	}
	if (f[F_TICKET].type != JSON_NUMBER || json_to_i64(f[F_TICKET], &tid)) {
		return bad(msg, msz, "field 'ticket_id' is not an integer");
	}
	if (!json_is_empty(f[F_MSGID]) &&
	    (f[F_MSGID].type != JSON_NUMBER || json_to_i64(f[F_MSGID], &mid))) {
		return bad(msg, msz, "field 'message_id' is not an integer");
	}
	if (f[F_TS].type == JSON_NONE) {
		return bad(msg, msz, "missing field 'ts'");
	}
	if (time_field(k, f[F_TS], "ts", &ts, msg, msz))
		return -1;
	if (f[F_DIR].type == JSON_NONE) {
		return bad(msg, msz, "missing field 'direction'");
	}
	if (f[F_DIR].type != JSON_STRING) {
		return bad(msg, msz, "field 'direction' is not a string");
	}
	dir = parse_dir(f[F_DIR]);
	if (dir < 0) {
		return bad(msg, msz,
			   "unknown direction %.*s (in, out, note or system)",
			   (int)(f[F_DIR].n > 40 ? 40 : f[F_DIR].n),
			   f[F_DIR].p);
	}
	if (str_field(f[F_SUBJECT], "subject", &k->sb, &subj, &slen, msg,
		      msz) ||
	    str_field(f[F_TEXT], "text", &k->tb, &text, &tlen, msg, msz) ||
	    str_field(f[F_EMAIL], "email", &k->eb, &email, &elen, msg, msz) ||
	    str_field(f[F_AUTHOR], "author", &k->ab, &author, &alen, msg, msz))
		return -1;
	if (!json_is_empty(f[F_JOINED + J_CREATED]) &&
	    time_field(k, f[F_JOINED + J_CREATED], "ticket_created", &created,
		       msg, msz))
		return -1;
	if (k->nmsg >= NONE / 2 && k->nmsg == k->msgcap)
		return bad(msg, msz,
			   "more messages than pulse-classify holds (use "
			   "--sorted)");

	if (k->o.sorted) {
		t = group_get(k, out, tid);
		if (!t)
			return bad(msg, msz,
				   "input not grouped by ticket_id (ticket "
				   "%lld seen again)",
				   (long long)tid);
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
		return 0;

	m = msg_new(k, t); /* there is room: checked above */
	m->ts = ts;
	m->id = mid;
	m->dir = (uint8_t)dir;
	m->mask = rules_matcher_run(k->m, subj, slen, text, tlen, email, elen,
				    k->want, first);
	m->why[WHY_SPAM] = k->s_spam >= 0 ? first[k->s_spam] : 0;
	m->why[WHY_ORDER] = k->s_order >= 0 ? first[k->s_order] : 0;
	m->why[WHY_INSOLV] = k->s_insolv >= 0 ? first[k->s_insolv] : 0;
	m->who = dir == DIR_OUT ? agent_of(k, author, alen, email, elen) : NONE;
	if (dir != DIR_IN || (m->mask & k->b_auto))
		return 0;
	/*
	 * The correspondent is the sender of the earliest human `in`: a
	 * ticket opened by an automatic order confirmation and followed by a
	 * customer's question is that customer's, not the shop robot's.
	 */
	human = !(m->mask & k->b_order);
	take_latest(k, t, m, human, email, elen, author, alen, text, tlen);
	if (k->nent)
		classify_entity_take(k, t, subj, slen, text, tlen);
	if (t->has_fin &&
	    (human < t->fin_human ||
	     (human == t->fin_human &&
	      (ts > t->fin_ts || (ts == t->fin_ts && mid >= t->fin_id)))))
		return 0;
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
	return 0;
}

void classify_finish(struct classifier *k, struct sink *out)
{
	size_t i;

	if (k->o.sorted) {
		if (k->in_group)
			finish_ticket(k, out, &k->tk[0]);
		k->in_group = 0;
		return;
	}
	for (i = 0; i < k->ntk; i++)
		finish_ticket(k, out, &k->tk[i]);
}
