/* classify_write.c - a ticket record from its verdict; see classify_int.h. */
#include "classify_int.h"

#include <string.h>

#include "ptime.h"

/* The helpdesk.ticket fields pulse-extract joins, in output order. */
const char *const classify_joined_keys[NJOINED] = {
	"ticket_name",	"ticket_ref",	   "partner_name", "partner_email",
	"stage",	"ticket_priority", "team",	   "ticket_created",
	"sla_deadline", "channel",
};

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

/* Whether JSON strings a and b are the same, ignoring ASCII case. */
static int same_jstr(struct classifier *k, struct sref a, struct sref b)
{
	const char *p = aref(k, a), *q = aref(k, b);
	size_t i;

	if (sref_empty(k, a) || a.len != b.len)
		return 0;
	for (i = 0; i < a.len; i++) {
		char x = p[i], y = q[i];

		if (x >= 'A' && x <= 'Z')
			x = (char)(x + 32);
		if (y >= 'A' && y <= 'Z')
			y = (char)(y + 32);
		if (x != y)
			return 0;
	}
	return 1;
}

/*
 * The latest customer message: its excerpt and who wrote it (a sender
 * without a name that is the ticket's partner_email gets partner_name).
 */
static void put_latest(struct classifier *k, const struct ctk *t, struct buf *b)
{
	struct sref name = t->lin_name;

	put_key(b, "excerpt");
	if (t->has_lin)
		buf_add(b, aref(k, t->lin_excerpt), t->lin_excerpt.len);
	else
		buf_adds(b, "\"\"");
	if (t->has_lin && sref_empty(k, name) &&
	    same_jstr(k, t->lin_email, t->joined[J_PEMAIL]))
		name = t->joined[J_PNAME];
	put_sref(k, b, "from_name", t->has_lin ? name : (struct sref){0, 0});
	put_sref(k, b, "from_email",
		 t->has_lin ? t->lin_email : (struct sref){0, 0});
	put_key(b, "from_partner");
	jw_bool(b, t->has_lin && t->lin_partner);
}

static void put_agent(struct classifier *k, struct buf *b, const char *key,
		      const struct cmsg *m)
{
	const struct agent *a = m ? classify_agent(k, m->who) : NULL;

	put_key(b, key);
	if (a)
		buf_add(b, k->agent_json.p + a->json.off, a->json.len);
	else
		jw_null(b);
}

/*
 * Who answered: the author of the first answer, of the last one, and every
 * author of an answer (auto-replies never), in the order they first wrote.
 */
static void put_agents(struct classifier *k, const struct classify_verdict *v,
		       struct buf *b)
{
	size_t i;
	int first = 1;

	put_agent(k, b, "first_response_by", v->fout);
	put_agent(k, b, "last_out_by", v->lout);
	put_key(b, "agents");
	buf_addc(b, '[');
	k->nwritten++;
	for (i = 0; i < v->n; i++) {
		const struct cmsg *x = &v->m[i];
		struct agent *a;

		if (x->dir != DIR_OUT || (x->mask & k->b_auto) ||
		    !(a = classify_agent(k, x->who)) || a->seen == k->nwritten)
			continue;
		a->seen = k->nwritten;
		if (!first)
			buf_addc(b, ',');
		first = 0;
		buf_add(b, k->agent_json.p + a->json.off, a->json.len);
	}
	buf_addc(b, ']');
}

void classify_write(struct classifier *k, const struct ctk *t,
		    const struct classify_verdict *v, struct buf *b)
{
	char tbuf[32];
	size_t i;

	buf_adds(b, "{\"kind\":\"ticket\",\"ticket_id\":");
	jw_i64(b, t->id);
	put_key(b, "state");
	jw_cstr(b, v->state);
	put_key(b, "category");
	jw_cstr(b, v->category);
	put_key(b, "priority");
	jw_cstr(b, v->priority);
	put_key(b, "days_waiting");
	if (v->waiting)
		jw_i64(b, v->days);
	else
		jw_null(b);
	put_key(b, "topics");
	buf_addc(b, '[');
	if (!v->topics) {
		buf_adds(b, "\"other\"");
	} else {
		int first = 1;

		for (i = 0; i < k->rs->n; i++) {
			if (!(v->topics & (1ull << i)))
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
	if (v->fout)
		jw_f64(b, (double)(v->fout->ts - v->fin->ts) / 3600.0);
	else
		jw_null(b);
	put_key(b, "reason");
	jw_str(b, v->reason->p, v->reason->len);
	put_key(b, "as_of");
	ptime_fmt_utc(tbuf, k->o.as_of);
	jw_str(b, tbuf, 20);
	put_key(b, "created");
	ptime_fmt_utc(tbuf, t->has_created ? t->created : t->min_ts);
	jw_str(b, tbuf, 20);
	put_time(b, "first_in", v->fin);
	put_time(b, "last_in", v->lin);
	put_time(b, "last_out", v->lout);
	put_time(b, "last_ts", v->last);
	put_key(b, "n_messages");
	jw_i64(b, (int64_t)t->nmsg);
	put_key(b, "n_in");
	jw_i64(b, (int64_t)v->n_in);
	put_key(b, "n_out");
	jw_i64(b, (int64_t)v->n_out);
	put_agents(k, v, b);
	put_sref(k, b, "email", v->email);
	put_sref(k, b, "name", v->name);
	put_sref(k, b, "subject", v->subject);
	put_key(b, "summary");
	if (v->fin)
		buf_add(b, aref(k, t->fin_summary), t->fin_summary.len);
	else
		buf_adds(b, "\"\"");
	put_key(b, "partner");
	jw_bool(b, v->partner);
	put_latest(k, t, b);
	classify_entity_write(k, t, b);
	for (i = 0; i < NJOINED; i++)
		if (t->joined[i].len)
			put_sref(k, b, classify_joined_keys[i], t->joined[i]);
	buf_adds(b, "}\n");
}
