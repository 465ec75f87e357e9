/* render_load.c - ticket, count and histogram records into a report. */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

const char *const render_load_cats[CAT_N] = {
	"NO_RESPONSE",		"RECENT_RESPONSE",
	"PARTNER_NO_RESPONSE",	"PARTNER_RECENT",
	"CUSTOMER_FOLLOWUP",	"UNCLEAR",
	"INSOLVENCY_RESPONDED", "SPAM",
	"ORDER_CONFIRMATION",	"RESPONDED_NO_FOLLOWUP",
};

const char *const render_load_prios[PRIO_N] = {
	"critical", "high", "urgent", "medium", "low", "monitor",
};

void render_load_init(struct report *r)
{
	memset(r, 0, sizeof *r);
	r->as_of = T_NONE;
}

void render_load_release(struct report *r)
{
	free(r->t);
	free(r->topics);
	free(r->aggs);
	free(r->links);
	free(r->metrics);
	free(r->recs);
	buf_release(&r->str);
	render_load_init(r);
}

static struct sref keep(struct report *r, const char *p, size_t n)
{
	struct sref s = {r->str.len, n};

	buf_add(&r->str, p, n);
	return s;
}

static const struct sref null_sref = {0, SIZE_MAX};

/* The parts of one check: the record, the scratch and where to complain. */
struct ld {
	struct report *r;
	const struct rec *in;
	struct buf scratch;
	char *msg;
	size_t msz;
};

static const char *a_an(int type)
{
	return type == JSON_ARRAY || type == JSON_OBJECT ? "an" : "a";
}

static int bad_type(struct ld *l, const char *key, struct json_span v,
		    const char *want)
{
	snprintf(l->msg, l->msz, "field '%s' is %s %s, not %s", key,
		 a_an(v.type), json_type_name(v.type), want);
	return -1;
}

static int get_str(struct ld *l, const char *key, struct sref *out)
{
	struct json_span v = rec_get(l->in, key);
	const char *p;
	size_t n;

	*out = null_sref;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_STRING)
		return bad_type(l, key, v, "a string");
	json_str_view(v, &l->scratch, &p, &n);
	*out = keep(l->r, p, n);
	return 0;
}

static int get_time(struct ld *l, const char *key, int64_t *out)
{
	struct json_span v = rec_get(l->in, key);
	struct ptime t;
	const char *p;
	size_t n;

	*out = T_NONE;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_STRING)
		return bad_type(l, key, v, "a time");
	json_str_view(v, &l->scratch, &p, &n);
	if (ptime_parse(p, n, &t) < 0) {
		snprintf(l->msg, l->msz, "field '%s': cannot parse time '%.*s'",
			 key, (int)(n > 60 ? 60 : n), p);
		return -1;
	}
	*out = t.sec;
	return 0;
}

static int get_int(struct ld *l, const char *key, int64_t *out)
{
	struct json_span v = rec_get(l->in, key);

	*out = T_NONE;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (json_to_i64(v, out) < 0 || *out == T_NONE)
		return bad_type(l, key, v, "an integer");
	return 0;
}

/* One of names[0..n) as a string: @return its index, or -1 with msg. */
static int get_enum(struct ld *l, const char *key, const char *const *names,
		    int n, int required)
{
	struct json_span v = rec_get(l->in, key);
	const char *p;
	size_t len;
	int i;

	if (v.type == JSON_NONE || v.type == JSON_NULL) {
		if (!required)
			return -2;
		snprintf(l->msg, l->msz, "missing field '%s'", key);
		return -1;
	}
	if (v.type != JSON_STRING)
		return bad_type(l, key, v, "a string");
	json_str_view(v, &l->scratch, &p, &len);
	for (i = 0; i < n; i++)
		if (strlen(names[i]) == len && memcmp(names[i], p, len) == 0)
			return i;
	snprintf(l->msg, l->msz, "field '%s': unknown value '%.*s'", key,
		 (int)(len > 60 ? 60 : len), p);
	return -1;
}

static int get_topics(struct ld *l, struct ticket *t)
{
	struct json_span v = rec_get(l->in, "topics"), e;
	struct json_iter it;
	struct report *r = l->r;
	const char *p;
	size_t n;

	t->topic0 = r->ntopics;
	t->ntopics = 0;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_ARRAY)
		return bad_type(l, "topics", v, "an array");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		if (e.type != JSON_STRING)
			return bad_type(l, "topics", e, "a string element");
		json_str_view(e, &l->scratch, &p, &n);
		if (r->ntopics == r->captopics) {
			r->captopics = r->captopics ? 2 * r->captopics : 64;
			r->topics = xrealloc(r->topics,
					     r->captopics * sizeof *r->topics);
		}
		r->topics[r->ntopics++] = keep(r, p, n);
		t->ntopics++;
	}
	return 0;
}

static int load_ticket(struct ld *l, struct ticket *t)
{
	static const char *const states[] = {"closed", "open"};
	struct json_span v;
	int k;

	memset(t, 0, sizeof *t);
	v = rec_get(l->in, "ticket_id");
	if (v.type == JSON_NONE) {
		snprintf(l->msg, l->msz, "missing field 'ticket_id'");
		return -1;
	}
	if (json_to_i64(v, &t->id) < 0)
		return bad_type(l, "ticket_id", v, "an integer");
	if ((k = get_enum(l, "state", states, 2, 1)) < 0)
		return -1;
	t->open = k;
	if ((k = get_enum(l, "category", render_load_cats, CAT_N, 1)) < 0)
		return -1;
	t->cat = (enum cat)k;
	if (t->open != (t->cat < CAT_FIRST_CLOSED)) {
		snprintf(l->msg, l->msz, "category '%s' is not a%s category",
			 render_load_cats[t->cat],
			 t->open ? "n open" : " closed");
		return -1;
	}
	k = get_enum(l, "priority", render_load_prios, PRIO_N, 0);
	if (k == -1)
		return -1;
	t->prio = k < 0 ? PRIO_NONE : (enum prio)k;
	if (get_int(l, "days_waiting", &t->days) < 0 ||
	    get_int(l, "n_messages", &t->n_messages) < 0)
		return -1;
	v = rec_get(l->in, "first_response_hours");
	t->frh = NAN;
	if (v.type != JSON_NONE && v.type != JSON_NULL &&
	    json_to_double(v, &t->frh) < 0)
		return bad_type(l, "first_response_hours", v, "a number");
	if (get_time(l, "as_of", &t->as_of) < 0 ||
	    get_time(l, "created", &t->created) < 0 ||
	    get_time(l, "first_in", &t->first_in) < 0 ||
	    get_time(l, "last_in", &t->last_in) < 0 ||
	    get_time(l, "last_out", &t->last_out) < 0 ||
	    get_time(l, "last_ts", &t->last_ts) < 0)
		return -1;
	if (get_str(l, "email", &t->email) < 0 ||
	    get_str(l, "name", &t->name) < 0 ||
	    get_str(l, "subject", &t->subject) < 0 ||
	    get_str(l, "summary", &t->summary) < 0)
		return -1;
	v = rec_get(l->in, "partner");
	if (v.type != JSON_NONE && v.type != JSON_NULL && v.type != JSON_TRUE &&
	    v.type != JSON_FALSE)
		return bad_type(l, "partner", v, "a boolean");
	t->partner = v.type == JSON_TRUE;
	return get_topics(l, t);
}

int render_load_add(struct report *r, const struct rec *in, char *msg,
		    size_t msz)
{
	struct json_span kind = rec_get(in, "kind");
	struct ld l = {r, in, BUF_INIT, msg, msz};
	size_t mark_str = r->str.len, mark_topics = r->ntopics;
	int st;

	if (r->keep == KEEP_ALL ||
	    (r->keep == KEEP_FUNNEL && json_str_eq(kind, "funnel", 6))) {
		if (r->nrecs == r->caprecs) {
			r->caprecs = r->caprecs ? 2 * r->caprecs : 64;
			r->recs =
				xrealloc(r->recs, r->caprecs * sizeof *r->recs);
		}
		r->recs[r->nrecs++] = keep(r, in->line, in->len);
		return 0;
	}
	if (json_str_eq(kind, "count", 5) ||
	    json_str_eq(kind, "histogram", 9)) {
		if (r->naggs == r->capaggs) {
			r->capaggs = r->capaggs ? 2 * r->capaggs : 16;
			r->aggs =
				xrealloc(r->aggs, r->capaggs * sizeof *r->aggs);
		}
		r->aggs[r->naggs++] = keep(r, in->line, in->len);
		return 0;
	}
	if (json_str_eq(kind, "link", 4) || json_str_eq(kind, "metric", 6))
		return render_sales_add(r, in, msg, msz);
	if (!json_str_eq(kind, "ticket", 6)) {
		r->ignored++;
		return 0;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 256;
		r->t = xrealloc(r->t, r->cap * sizeof *r->t);
	}
	st = load_ticket(&l, &r->t[r->n]);
	buf_release(&l.scratch);
	if (st < 0) {
		/* forget what the bad record left in the arena */
		r->str.len = mark_str;
		r->ntopics = mark_topics;
		return -1;
	}
	if (r->t[r->n].n_messages != T_NONE)
		r->messages += (uint64_t)r->t[r->n].n_messages;
	r->n++;
	return 0;
}

/* The priority the contract implies when classify left it null. */
static enum prio derive_prio(const struct ticket *t)
{
	switch (t->cat) {
	case CAT_CUSTOMER_FOLLOWUP:
		return PRIO_CRITICAL;
	case CAT_PARTNER_NO_RESPONSE:
		return PRIO_HIGH;
	case CAT_NO_RESPONSE:
		if (t->days == T_NONE || t->days <= 1)
			return PRIO_URGENT;
		return t->days <= 3 ? PRIO_MEDIUM : PRIO_LOW;
	case CAT_RECENT_RESPONSE:
	case CAT_PARTNER_RECENT:
		return PRIO_MONITOR;
	default:
		return PRIO_NONE;
	}
}

void render_load_finish(struct report *r, const struct render_opts *o)
{
	size_t i;

	r->as_of = o->as_of;
	for (i = 0; i < r->n; i++) {
		struct ticket *t = &r->t[i];

		if (o->as_of == T_NONE && t->as_of != T_NONE &&
		    (r->as_of == T_NONE || t->as_of > r->as_of))
			r->as_of = t->as_of;
		if (!t->open)
			t->prio = PRIO_NONE;
		else if (t->prio == PRIO_NONE)
			t->prio = derive_prio(t);
		if (t->created == T_NONE)
			t->created = t->first_in;
	}
}
