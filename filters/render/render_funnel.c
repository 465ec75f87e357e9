/*
 * render_funnel.c - funnel records (pulse-funnel) checked against
 * schemas/funnel.schema.json before a format shows them; see render.h.
 *
 * Every member the schema names is checked when present, and each table's
 * required members (those of final rows, or of partial rows) must be
 * there; members the schema does not name pass unchecked.  The derived
 * fractions (shares, conversions, means) are records' full-precision
 * numbers: render_funnel_decimals() says to how many decimals a format
 * shows each, the number pulse-funnel once rounded them to.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

enum ftype {
	F_COUNT,     /* an integer >= 0 */
	F_COUNT_N,   /* an integer >= 0 or null */
	F_POS_N,     /* an integer >= 1 or null */
	F_INT_N,     /* an integer or null */
	F_RANK,	     /* an integer from 1 to 5 */
	F_SHARE,     /* a number from 0 to 1 */
	F_SHARE_N,   /* a number from 0 to 1 or null */
	F_NUM_N,     /* a number or null */
	F_MEAN,	     /* a number >= 0 */
	F_STR,	     /* a string */
	F_STR_N,     /* a string or null */
	F_ENTITY,    /* lead or deal */
	F_SEMANTIC,  /* P, S, F or null */
	F_PTYPE,     /* month or quarter */
	F_MONTH,     /* "YYYY-MM" */
	F_PERIOD,    /* "YYYY-MM" or "YYYY-Qn" */
	F_MONEY,     /* {"RUB": "12.50", ...} */
	F_WITH_AMT,  /* {"RUB": 3, ...}, integers >= 1 */
	F_LEAD_DAYS, /* ["YYYY-MM-DD", ...] */
	F_TRUE,	     /* true (partial) */
};

static const struct member {
	const char *name;
	enum ftype type;
	int decimals; /* shown rounded to these, fixed; -1: as it is */
} members[] = {
	{"entity", F_ENTITY, -1},
	{"category", F_STR_N, -1},
	{"stage", F_STR_N, -1},
	{"semantic", F_SEMANTIC, -1},
	{"position", F_COUNT_N, -1},
	{"reached", F_COUNT, -1},
	{"total", F_COUNT, -1},
	{"share", F_SHARE, 4},
	{"from_previous", F_COUNT_N, -1},
	{"conversion", F_SHARE_N, 4},
	{"lost_stage", F_STR, -1},
	{"stage_position", F_POS_N, -1},
	{"lost_position", F_POS_N, -1},
	{"loss_reason", F_STR_N, -1},
	{"count", F_COUNT, -1},
	{"source", F_STR, -1},
	{"utm_campaign", F_STR, -1},
	{"leads", F_COUNT, -1},
	{"qualified", F_COUNT, -1},
	{"won", F_COUNT, -1},
	{"revenue", F_MONEY, -1},
	{"revenue_per_lead", F_MONEY, -1},
	{"average_check", F_MONEY, -1},
	{"won_with_amount", F_WITH_AMT, -1},
	{"month", F_MONTH, -1},
	{"rank", F_RANK, -1},
	{"previous", F_COUNT_N, -1},
	{"change", F_INT_N, -1},
	{"change_share", F_NUM_N, 4},
	{"period", F_PERIOD, -1},
	{"period_type", F_PTYPE, -1},
	{"manager", F_STR, -1},
	{"days_with_leads", F_COUNT, -1},
	{"lead_days", F_LEAD_DAYS, -1},
	{"mean_per_day", F_MEAN, 2},
	{"open", F_COUNT, -1},
	{"days_sum", F_COUNT, -1},
	{"days_max", F_COUNT, -1},
	{"days_mean", F_MEAN, 1},
	{"id", F_STR, -1},
	{"title", F_STR_N, -1},
	{"since", F_STR, -1},
	{"days", F_COUNT, -1},
	{"created", F_STR, -1},
	{"partial", F_TRUE, -1},
};

#define NMEMBERS (sizeof members / sizeof members[0])

/* Each table's required members: final rows, then partial rows. */
static const struct table {
	const char *name;
	const char *final, *partial; /* space-separated */
} tables[] = {
	{"stages",
	 "entity category stage semantic position reached total share "
	 "from_previous conversion",
	 "entity category stage semantic position reached total "
	 "from_previous"},
	{"dropoff", "entity category stage lost_stage loss_reason count",
	 "entity category stage stage_position lost_stage lost_position "
	 "loss_reason count"},
	{"sources",
	 "source utm_campaign leads qualified won revenue revenue_per_lead",
	 "source utm_campaign leads qualified won revenue"},
	{"top_sources", "month rank source leads previous change change_share",
	 "month source leads"},
	{"dynamics", "period period_type leads qualified won revenue",
	 "period period_type leads qualified won revenue"},
	{"managers",
	 "manager leads share days_with_leads mean_per_day won revenue "
	 "average_check",
	 "manager leads lead_days won revenue won_with_amount"},
	{"manager_months", "manager month leads won revenue average_check",
	 "manager month leads won revenue won_with_amount"},
	{"age", "entity category stage open days_sum days_max days_mean",
	 "entity category stage position open days_sum days_max"},
	{"stale", "entity id title manager source stage since days created",
	 "entity id title manager source stage since days created"},
};

static const char *const group_dims[] = {
	"manager", "source", "utm_campaign", "ad_group", "month", "quarter",
};

/* Whether s[0..n) is digits and the characters of pat ('9' a digit). */
static int pattern(const char *s, size_t n, const char *pat)
{
	size_t i;

	if (n != strlen(pat))
		return 0;
	for (i = 0; i < n; i++)
		if (pat[i] == '9' ? s[i] < '0' || s[i] > '9' : s[i] != pat[i])
			return 0;
	return 1;
}

/* An exact decimal: -?[0-9]+(\.[0-9]+)? */
static int decimal(const char *s, size_t n)
{
	size_t i = s[0] == '-', d;

	for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i == d)
		return 0;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	return i == n;
}

/* An object whose members are money strings, or integers >= 1. */
static int money(struct render_check *c, const char *key, struct json_span v,
		 int counts)
{
	const char *want = counts ? "an integer >= 1" : "a decimal string";
	struct json_span k, e;
	struct json_iter it;
	const char *p, *q;
	size_t n, m;
	int64_t i;

	if (v.type != JSON_OBJECT)
		return render_check_bad(c, key, v, "an object by currency");
	json_iter_init(&it, v);
	while (json_iter_next(&it, &k, &e)) {
		json_str_view(k, c->scratch, &p, &n);
		if (!n)
			return render_check_bad(c, key, v,
						"an object by currency");
		if (counts ? json_to_i64(e, &i) < 0 || i < 1
			   : e.type != JSON_STRING)
			return render_check_part(c, key, 0, p, n, e, want);
		if (!counts) {
			json_str_view(e, c->scratch, &q, &m);
			if (!decimal(q, m)) {
				/* both views may share the scratch */
				json_str_view(k, c->scratch, &p, &n);
				return render_check_part(c, key, 0, p, n, e,
							 want);
			}
		}
	}
	return 0;
}

static int lead_days(struct render_check *c, const char *key,
		     struct json_span v)
{
	struct json_span e;
	struct json_iter it;
	const char *p = NULL;
	size_t n = 0;
	long i = 0;

	if (v.type != JSON_ARRAY)
		return render_check_bad(c, key, v, "an array of days");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		i++;
		if (e.type == JSON_STRING)
			json_str_view(e, c->scratch, &p, &n);
		if (e.type != JSON_STRING || !pattern(p, n, "9999-99-99"))
			return render_check_part(c, key, i, NULL, 0, e,
						 "a day YYYY-MM-DD");
	}
	return 0;
}

/* A string member that must match one of the patterns (NULL-ended). */
static int str_like(struct render_check *c, const char *key,
		    const char *const *pats, const char *want)
{
	const char *p;
	size_t n, i;

	if (render_check_str(c, key, 0, &p, &n) < 0)
		return -1;
	for (i = 0; pats[i]; i++)
		if (pattern(p, n, pats[i]))
			return 0;
	return render_check_bad(c, key, rec_get(c->in, key), want);
}

static int member(struct render_check *c, const struct member *m)
{
	static const char *const entities[] = {"lead", "deal"};
	static const char *const sems[] = {"P", "S", "F"};
	static const char *const ptypes[] = {"month", "quarter"};
	static const char *const month[] = {"9999-99", NULL};
	static const char *const period[] = {"9999-99", "9999-Q1", "9999-Q2",
					     "9999-Q3", "9999-Q4", NULL};
	struct json_span v = rec_get(c->in, m->name);
	const char *p;
	size_t n;
	int64_t i;
	double d;

	if (v.type == JSON_NONE)
		return 0; /* required() said whether it may be absent */
	switch (m->type) {
	case F_COUNT:
		return render_check_int(c, m->name, 0, INT64_MAX, 0, &i);
	case F_COUNT_N:
		return render_check_int(c, m->name, 0, INT64_MAX, RC_NULL, &i);
	case F_POS_N:
		return render_check_int(c, m->name, 1, INT64_MAX, RC_NULL, &i);
	case F_INT_N:
		return render_check_int(c, m->name, INT64_MIN, INT64_MAX,
					RC_NULL, &i);
	case F_RANK:
		return render_check_int(c, m->name, 1, 5, 0, &i);
	case F_SHARE:
		return render_check_num(c, m->name, 0, 1, 0, &d);
	case F_SHARE_N:
		return render_check_num(c, m->name, 0, 1, RC_NULL, &d);
	case F_NUM_N:
		return render_check_num(c, m->name, -HUGE_VAL, HUGE_VAL,
					RC_NULL, &d);
	case F_MEAN:
		return render_check_num(c, m->name, 0, HUGE_VAL, 0, &d);
	case F_STR:
		return render_check_str(c, m->name, 0, &p, &n);
	case F_STR_N:
		return render_check_str(c, m->name, RC_NULL, &p, &n);
	case F_ENTITY:
		return render_check_enum(c, m->name, 0, entities, 2) < -1 ? -1
									  : 0;
	case F_SEMANTIC:
		return render_check_enum(c, m->name, RC_NULL, sems, 3) < -1 ? -1
									    : 0;
	case F_PTYPE:
		return render_check_enum(c, m->name, 0, ptypes, 2) < -1 ? -1
									: 0;
	case F_MONTH:
		return str_like(c, m->name, month, "a month YYYY-MM");
	case F_PERIOD:
		return str_like(c, m->name, period,
				"a period YYYY-MM or YYYY-Qn");
	case F_MONEY:
		return money(c, m->name, v, 0);
	case F_WITH_AMT:
		return money(c, m->name, v, 1);
	case F_LEAD_DAYS:
		return lead_days(c, m->name, v);
	case F_TRUE: /* checked first, by render_funnel_check() */
		break;
	}
	return 0;
}

static int group(struct render_check *c)
{
	struct json_span v = rec_get(c->in, "group"), k, e;
	struct json_iter it;
	const char *p;
	size_t n, i, nm = 0;

	if (v.type == JSON_NONE)
		return render_check_missing(c, "group");
	if (v.type != JSON_OBJECT)
		return render_check_bad(c, "group", v, "an object");
	json_iter_init(&it, v);
	while (json_iter_next(&it, &k, &e)) {
		if (++nm > 1)
			return render_check_bad(c, "group", v,
						"an object of one member");
		if (e.type != JSON_STRING && e.type != JSON_NULL)
			return render_check_bad(
				c, "group", v,
				"an object of one string or null member");
		json_str_view(k, c->scratch, &p, &n);
		for (i = 0; i < sizeof group_dims / sizeof group_dims[0]; i++)
			if (strlen(group_dims[i]) == n &&
			    memcmp(group_dims[i], p, n) == 0)
				break;
		if (i == sizeof group_dims / sizeof group_dims[0])
			return render_check_unknown(c, "group", p, n);
	}
	return 0;
}

/* The required members of the table's final or partial rows. */
static int required(struct render_check *c, const char *list)
{
	char key[32];
	size_t n;

	while (*list) {
		n = strcspn(list, " ");
		snprintf(key, sizeof key, "%.*s", (int)n, list);
		if (rec_get(c->in, key).type == JSON_NONE)
			return render_check_missing(c, key);
		list += n + (list[n] == ' ');
	}
	return 0;
}

int render_funnel_check(const struct rec *in, int final_only, char *msg,
			size_t msz)
{
	struct buf scratch = BUF_INIT;
	struct render_check c = {in, &scratch, msg, msz};
	struct json_span v;
	const char *p;
	size_t n, i;
	int partial, st = -1;

	if (render_check_str(&c, "table", RC_REQUIRED, &p, &n) < 0)
		goto out;
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strlen(tables[i].name) == n &&
		    memcmp(tables[i].name, p, n) == 0)
			break;
	if (i == sizeof tables / sizeof tables[0]) {
		render_check_unknown(&c, "table", p, n);
		goto out;
	}
	if (group(&c) < 0)
		goto out;
	v = rec_get(in, "partial");
	if (v.type != JSON_NONE && v.type != JSON_TRUE) {
		render_check_bad(&c, "partial", v, "true");
		goto out;
	}
	partial = v.type == JSON_TRUE;
	if (partial && final_only) {
		snprintf(msg, msz,
			 "a partial row (pulse-funnel --partial): "
			 "add the partial rows up with pulse-merge "
			 "first");
		goto out;
	}
	if (required(&c, partial ? tables[i].partial : tables[i].final) < 0)
		goto out;
	for (i = 0; i < NMEMBERS; i++)
		if (member(&c, &members[i]) < 0)
			goto out;
	st = 0;
out:
	buf_release(&scratch);
	return st;
}

int render_funnel_check_name(const struct rec *in, char *msg, size_t msz)
{
	static const char *const ofs[] = {"stage", "source", "category"};
	static const char *const ents[] = {"lead", "deal"};
	struct buf scratch = BUF_INIT;
	struct render_check c = {in, &scratch, msg, msz};
	const char *p;
	size_t n;
	int of, st = -1;

	of = render_check_enum(&c, "of", RC_REQUIRED, ofs, 3);
	if (of < 0)
		goto out;
	if (render_check_enum(&c, "entity", of == 0 ? RC_REQUIRED : RC_NULL,
			      ents, 2) < -1 ||
	    render_check_str(&c, "category", RC_NULL, &p, &n) < 0 ||
	    render_check_str(&c, "code", RC_REQUIRED | RC_NONEMPTY, &p, &n) <
		    0 ||
	    render_check_str(&c, "name", RC_REQUIRED | RC_NONEMPTY, &p, &n) < 0)
		goto out;
	st = 0;
out:
	buf_release(&scratch);
	return st;
}

int render_funnel_decimals(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < NMEMBERS; i++)
		if (strlen(members[i].name) == n &&
		    memcmp(members[i].name, key, n) == 0)
			return members[i].decimals;
	return -1;
}

int render_funnel_money(const char *key, size_t n)
{
	size_t i;

	for (i = 0; i < NMEMBERS; i++)
		if (strlen(members[i].name) == n &&
		    memcmp(members[i].name, key, n) == 0)
			return members[i].type == F_MONEY;
	return 0;
}
