/* render_load.c - ticket, count and histogram records into a report. */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
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

const char *const render_load_kinds[RK_N] = {
	"ticket", "count", "link", "metric", "histogram",
	"funnel", "alert", "name", NULL,
};

void render_load_init(struct render_report *r, unsigned kinds)
{
	memset(r, 0, sizeof *r);
	r->as_of = T_NONE;
	r->kinds = kinds;
	hmap_init(&r->ignored_by, sizeof(uint64_t));
}

void render_load_release(struct render_report *r)
{
	free(r->t);
	free(r->topics);
	free(r->ents);
	free(r->aggs);
	free(r->links);
	free(r->metrics);
	free(r->alerts);
	free(r->recs);
	buf_release(&r->str);
	buf_release(&r->items);
	hmap_release(&r->ignored_by);
	memset(r, 0, sizeof *r);
	r->as_of = T_NONE;
}

static struct sref keep(struct render_report *r, const char *p, size_t n)
{
	struct sref s = {r->str.len, n};

	buf_add(&r->str, p, n);
	return s;
}

static const struct sref null_sref = {0, SIZE_MAX};

/* The parts of one check: the record, the scratch and where to complain. */
struct ld {
	struct render_report *r;
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
	int rc;
	struct json_span v = rec_get(l->in, key);
	struct buf shown = BUF_INIT;
	struct ptime t;
	const char *p;
	size_t n;

	*out = T_NONE;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_STRING)
		return bad_type(l, key, v, "a time");
	json_str_view(v, &l->scratch, &p, &n);
	if ((rc = ptime_parse(p, n, &t)) < 0) {
		render_util_shown(&shown, p, n, 60);
		if (rc == PTIME_ERANGE)
			snprintf(l->msg, l->msz, "field '%s': time '%s' %s",
				 key, shown.p, ptime_strerror(rc));
		else
			snprintf(l->msg, l->msz,
				 "field '%s': cannot parse time '%s'", key,
				 shown.p);
		buf_release(&shown);
		return -1;
	}
	*out = t.sec;
	return 0;
}

/* An integer >= 0, or null (T_NONE). */
static int get_count(struct ld *l, const char *key, int64_t *out)
{
	struct json_span v = rec_get(l->in, key);
	struct render_check c = {l->in, &l->scratch, l->msg, l->msz};

	*out = T_NONE;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (json_to_i64(v, out) < 0 || *out == T_NONE)
		return bad_type(l, key, v, "an integer");
	if (*out < 0)
		return render_check_bad(&c, key, v, "an integer >= 0");
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
	{
		struct render_check c = {l->in, &l->scratch, l->msg, l->msz};

		return render_check_unknown(&c, key, p, len);
	}
}

/*
 * A member that is an array of strings: its elements appended to
 * report.topics (the topics and the agents of every ticket), *first the
 * index of the first, *n how many; none when absent or null.
 */
static int get_strs(struct ld *l, const char *key, size_t *first, size_t *n)
{
	struct json_span v = rec_get(l->in, key), e;
	struct json_iter it;
	struct render_report *r = l->r;
	const char *p;
	size_t len;

	*first = r->ntopics;
	*n = 0;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_ARRAY)
		return bad_type(l, key, v, "an array");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		if (e.type != JSON_STRING)
			return bad_type(l, key, e, "a string element");
		json_str_view(e, &l->scratch, &p, &len);
		if (r->ntopics == r->captopics) {
			r->captopics = r->captopics ? 2 * r->captopics : 64;
			r->topics = xrealloc(r->topics,
					     r->captopics * sizeof *r->topics);
		}
		r->topics[r->ntopics++] = keep(r, p, len);
		(*n)++;
	}
	return 0;
}

/* "entities": {KIND: [NAME, ...], ...} as (kind, name) pairs. */
static int get_entities(struct ld *l, struct ticket *t)
{
	struct json_span v = rec_get(l->in, "entities"), key, arr, e;
	struct json_iter it, ia;
	struct render_report *r = l->r;
	struct sref kind;
	const char *p;
	size_t n;

	t->ent0 = r->nents;
	t->nent = 0;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_OBJECT)
		return bad_type(l, "entities", v, "an object");
	json_iter_init(&it, v);
	while (json_iter_next(&it, &key, &arr)) {
		json_str_view(key, &l->scratch, &p, &n);
		kind = keep(r, p, n);
		if (arr.type != JSON_ARRAY)
			return bad_type(l, "entities", arr,
					"an object of arrays");
		json_iter_init(&ia, arr);
		while (json_iter_next(&ia, NULL, &e)) {
			if (e.type != JSON_STRING)
				return bad_type(l, "entities", e,
						"an object of string arrays");
			json_str_view(e, &l->scratch, &p, &n);
			if (r->nents + 2 > r->capents) {
				r->capents = r->capents ? 2 * r->capents : 64;
				r->ents = xrealloc(
					r->ents, r->capents * sizeof *r->ents);
			}
			r->ents[r->nents++] = kind;
			r->ents[r->nents++] = keep(r, p, n);
			t->nent++;
		}
	}
	return 0;
}

static int load_ticket(struct ld *l, struct ticket *t)
{
	static const char *const states[] = {"closed", "open"};
	static const char *const stars[] = {"0", "1", "2", "3"};
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
	if (get_count(l, "days_waiting", &t->days) < 0 ||
	    get_count(l, "n_messages", &t->n_messages) < 0)
		return -1;
	v = rec_get(l->in, "first_response_hours");
	t->frh = NAN;
	if (v.type != JSON_NONE && v.type != JSON_NULL &&
	    json_to_double(v, &t->frh) < 0)
		return bad_type(l, "first_response_hours", v, "a number");
	if (!isnan(t->frh) && !(t->frh >= 0 && isfinite(t->frh))) {
		struct render_check c = {l->in, &l->scratch, l->msg, l->msz};

		return render_check_bad(&c, "first_response_hours", v,
					"a finite number >= 0");
	}
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
	if (get_str(l, "excerpt", &t->excerpt) < 0 ||
	    get_str(l, "from_name", &t->from_name) < 0 ||
	    get_str(l, "from_email", &t->from_email) < 0 ||
	    get_str(l, "reason", &t->reason) < 0 ||
	    get_str(l, "team", &t->team) < 0 ||
	    get_str(l, "channel", &t->channel) < 0 ||
	    get_str(l, "stage", &t->stage) < 0 ||
	    get_time(l, "sla_deadline", &t->sla_deadline) < 0)
		return -1;
	v = rec_get(l->in, "from_partner");
	if (v.type != JSON_NONE && v.type != JSON_NULL && v.type != JSON_TRUE &&
	    v.type != JSON_FALSE)
		return bad_type(l, "from_partner", v, "a boolean");
	t->from_partner = v.type == JSON_TRUE;
	k = get_enum(l, "ticket_priority", stars, 4, 0);
	if (k == -1)
		return -1;
	t->stars = k < 0 ? -1 : k;
	if (get_entities(l, t) < 0 ||
	    get_str(l, "first_response_by", &t->first_response_by) < 0 ||
	    get_str(l, "last_out_by", &t->last_out_by) < 0 ||
	    get_strs(l, "agents", &t->agent0, &t->nagents) < 0)
		return -1;
	return get_strs(l, "topics", &t->topic0, &t->ntopics);
}

/* Which kind the record is of. */
static enum render_kind kind_of(const struct rec *in)
{
	struct json_span kind = rec_get(in, "kind");
	int k;

	for (k = 0; k < RK_OTHER; k++)
		if (json_str_eq(kind, render_load_kinds[k],
				strlen(render_load_kinds[k])))
			return (enum render_kind)k;
	return RK_OTHER;
}

/* Counts a record of a kind the format does not draw. */
static void ignore(struct render_report *r, const struct rec *in)
{
	struct json_span kind = rec_get(in, "kind");
	struct buf name = BUF_INIT;
	uint64_t *n;

	if (kind.type == JSON_STRING)
		json_str_decode(kind, &name);
	else if (kind.type == JSON_NONE || kind.type == JSON_NULL)
		buf_adds(&name, "(no kind)");
	else
		buf_addf(&name, "(%s)", json_type_name(kind.type));
	n = hmap_put(&r->ignored_by, name.p ? name.p : "", name.len, NULL);
	(*n)++;
	r->ignored++;
	buf_release(&name);
}

static size_t keep_line(struct render_report *r, struct sref **v, size_t *nv,
			size_t *cap, const struct rec *in)
{
	if (*nv == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = xrealloc(*v, *cap * sizeof **v);
	}
	(*v)[*nv] = keep(r, in->line, in->len);
	return (*nv)++;
}

static int add_ticket(struct render_report *r, const struct rec *in, char *msg,
		      size_t msz)
{
	struct ld l = {r, in, BUF_INIT, msg, msz};
	int st;

	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 256;
		r->t = xrealloc(r->t, r->cap * sizeof *r->t);
	}
	st = load_ticket(&l, &r->t[r->n]);
	buf_release(&l.scratch);
	if (st < 0)
		return -1;
	if (r->t[r->n].n_messages != T_NONE) {
		if ((uint64_t)r->t[r->n].n_messages >
		    UINT64_MAX - r->messages) {
			snprintf(msg, msz,
				 "field 'n_messages': the tickets add up to "
				 "more than %llu messages",
				 (unsigned long long)UINT64_MAX);
			return -1;
		}
		r->messages += (uint64_t)r->t[r->n].n_messages;
	}
	r->n++;
	return 0;
}

int render_load_add(struct render_report *r, const struct rec *in, char *msg,
		    size_t msz)
{
	enum render_kind k = kind_of(in);
	size_t mark_str = r->str.len, mark_topics = r->ntopics, mark_n = r->n;
	size_t mark_links = r->nlinks, mark_metrics = r->nmetrics;
	size_t mark_alerts = r->nalerts;
	uint64_t mark_messages = r->messages;
	int64_t mark_users = r->link_users;
	int st = 0;

	if (r->want_items && k == RK_OTHER) {
		st = render_items_add(r, in, msg, msz);
		if (st)
			return st < 0 ? -1 : 0;
	}
	if (!(r->kinds & RK_BIT(k))) {
		ignore(r, in);
		return 0;
	}
	switch (k) {
	case RK_TICKET:
		st = add_ticket(r, in, msg, msz);
		break;
	case RK_LINK:
	case RK_METRIC:
		st = render_sales_add(r, in, msg, msz);
		break;
	case RK_HISTOGRAM:
		st = render_hist_check(in, msg, msz);
		break;
	case RK_COUNT:
		st = render_load_check_count(in, msg, msz);
		break;
	case RK_FUNNEL:
		st = render_funnel_check(in, r->final_only, msg, msz);
		break;
	case RK_ALERT:
		st = render_alert_add(r, in, msg, msz);
		break;
	case RK_NAME:
		st = render_funnel_check_name(in, msg, msz);
		break;
	default:
		break;
	}
	if (st < 0 || r->raw) {
		/* forget what the record left: all of it when bad */
		r->str.len = mark_str;
		r->ntopics = mark_topics;
		r->n = mark_n;
		r->nlinks = mark_links;
		r->nmetrics = mark_metrics;
		r->nalerts = mark_alerts;
		r->messages = mark_messages;
		r->link_users = mark_users;
	}
	if (st < 0)
		return -1;
	if (r->raw || k == RK_FUNNEL || k == RK_NAME)
		keep_line(r, &r->recs, &r->nrecs, &r->caprecs, in);
	else if (k == RK_HISTOGRAM || k == RK_COUNT)
		keep_line(r, &r->aggs, &r->naggs, &r->capaggs, in);
	r->nkind[k]++;
	return 0;
}

uint64_t render_load_drawn(const struct render_report *r)
{
	uint64_t n = 0;
	int k;

	for (k = 0; k < RK_N; k++)
		if (r->kinds & RK_BIT(k))
			n += r->nkind[k];
	return n;
}

#define MAX_KINDS_SHOWN 6

void render_load_ignored(const struct render_report *r, struct buf *out)
{
	struct buf shown = BUF_INIT;
	size_t i, n = hmap_len(&r->ignored_by);

	for (i = 0; i < n && i < MAX_KINDS_SHOWN; i++) {
		const struct hmap_entry *e = hmap_entry_at(&r->ignored_by, i);

		render_util_shown(&shown, e->key, e->klen, 40);
		buf_addf(out, "%s%s: %llu", i ? ", " : "", shown.p,
			 (unsigned long long)*(uint64_t *)hmap_val_at(
				 &r->ignored_by, i));
	}
	if (n > MAX_KINDS_SHOWN)
		buf_adds(out, ", …");
	buf_release(&shown);
}

void render_load_kind_list(unsigned bits, struct buf *out)
{
	int k, n = 0, total = 0;

	for (k = 0; k < RK_OTHER; k++)
		total += (bits & RK_BIT(k)) != 0;
	for (k = 0; k < RK_OTHER; k++) {
		if (!(bits & RK_BIT(k)))
			continue;
		n++;
		buf_addf(out, "%s%s",
			 n == 1	      ? ""
			 : n == total ? " and "
				      : ", ",
			 render_load_kinds[k]);
	}
}

/* ---- count records (pulse-tally) ----------------------------------------- */

/* An array of strings that are not empty: @return its length, or -1. */
static long names(struct render_check *c, const char *key)
{
	struct json_span v = rec_get(c->in, key), e;
	struct json_iter it;
	long n = 0;

	if (v.type == JSON_NONE)
		return render_check_missing(c, key);
	if (v.type != JSON_ARRAY)
		return render_check_bad(c, key, v, "an array of names");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		n++;
		if (e.type != JSON_STRING || e.n == 2)
			return render_check_part(c, key, n, NULL, 0, e,
						 "a name");
	}
	return n;
}

int render_load_check_by_key(struct render_check *c)
{
	struct json_span v = rec_get(c->in, "key"), e;
	struct json_iter it;
	long nby = names(c, "by"), n = 0;

	if (nby < 0)
		return -1;
	if (v.type == JSON_NONE)
		return render_check_missing(c, "key");
	if (v.type != JSON_ARRAY)
		return render_check_bad(c, "key", v, "an array");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e))
		n++;
	if (n != nby) {
		snprintf(c->msg, c->msz,
			 "field 'key' has %ld element%s, 'by' %ld", n,
			 n == 1 ? "" : "s", nby);
		return -1;
	}
	return 0;
}

/* An object of members of one type: numbers or null, or counts. */
static int sums(struct render_check *c, const char *key, int counts)
{
	struct json_span v = rec_get(c->in, key), k, e;
	struct json_iter it;
	const char *p;
	size_t n;
	int64_t i;
	double d;

	if (v.type == JSON_NONE)
		return 0;
	if (v.type != JSON_OBJECT)
		return render_check_bad(c, key, v, "an object");
	json_iter_init(&it, v);
	while (json_iter_next(&it, &k, &e))
		if (counts ? json_to_i64(e, &i) < 0 || i < 0
			   : e.type != JSON_NULL &&
				     (json_to_double(e, &d) < 0 ||
				      !isfinite(d))) {
			json_str_view(k, c->scratch, &p, &n);
			return render_check_part(
				c, key, 0, p, n, e,
				counts ? "an integer >= 0"
				       : "a finite number or null");
		}
	return 0;
}

int render_load_check_count(const struct rec *in, char *msg, size_t msz)
{
	struct buf scratch = BUF_INIT;
	struct render_check c = {in, &scratch, msg, msz};
	int64_t n;
	int st = -1;

	if (render_load_check_by_key(&c) == 0 &&
	    render_check_int(&c, "count", 0, INT64_MAX, RC_REQUIRED, &n) > 0 &&
	    sums(&c, "sum", 0) == 0 && sums(&c, "sum_skipped", 1) == 0)
		st = 0;
	buf_release(&scratch);
	return st;
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

void render_load_finish(struct render_report *r, const struct render_opts *o)
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
