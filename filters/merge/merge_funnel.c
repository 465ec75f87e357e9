/*
 * merge_funnel.c - the funnel kind: pulse-funnel --partial rows.
 *
 * Each row is read back into a struct fsum (lib/fsum.h), the sums of
 * rows of equal identity (table, group and the table's identity members)
 * add up, and the fsum writes the tables as pulse-funnel writes them: the
 * shares, conversions, averages, ranks and row orders come from the same
 * code, so shards of the cohort merge into what one run writes, byte for
 * byte.  The shards must have read the same input (pulse-funnel --shard):
 * rows that put a stage at another place in its pipeline's order are bad
 * records, as are final rows (without "partial": true) and rows whose
 * counts one run cannot write (a reached above its total, days in an age
 * row with none open, more lead days than leads, more deals with an amount
 * than won): their shares and means would be no run's.
 */
#include "merge_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fsum.h"
#include "ptime.h"

struct fmerge {
	struct merge_opts o;
	struct fsum s;
	struct buf scratch;
	char msg[256]; /* what is wrong with the row, before its table */
};

/* The members a row may have besides its table's. */
#define COMMON "table", "group", "partial"

enum table {
	T_STAGES,
	T_DROPOFF,
	T_SOURCES,
	T_TOP,
	T_DYNAMICS,
	T_MANAGERS,
	T_MMONTHS,
	T_AGE,
	T_STALE,
	T_N,
};

static const char *const table_names[T_N] = {
	"stages",   "dropoff",	      "sources", "top_sources", "dynamics",
	"managers", "manager_months", "age",	 "stale",
};

/* The members of each table's partial rows, after COMMON. */
static const char *const members[T_N][12] = {
	[T_STAGES] = {COMMON, "entity", "category", "stage", "semantic",
		      "position", "reached", "total", "from_previous"},
	[T_DROPOFF] = {COMMON, "entity", "category", "stage", "stage_position",
		       "lost_stage", "lost_position", "loss_reason", "count"},
	[T_SOURCES] = {COMMON, "source", "utm_campaign", "leads", "qualified",
		       "won", "revenue"},
	[T_TOP] = {COMMON, "month", "source", "leads", "first_month"},
	[T_DYNAMICS] = {COMMON, "period", "period_type", "leads", "qualified",
			"won", "revenue"},
	[T_MANAGERS] = {COMMON, "manager", "leads", "lead_days", "won",
			"revenue", "won_with_amount"},
	[T_MMONTHS] = {COMMON, "manager", "month", "leads", "won", "revenue",
		       "won_with_amount"},
	[T_AGE] = {COMMON, "entity", "category", "stage", "position", "open",
		   "days_sum", "days_max"},
	[T_STALE] = {COMMON, "entity", "id", "title", "manager", "source",
		     "stage", "since", "days", "created"},
};

static size_t nmembers(enum table t)
{
	size_t n = 0;

	while (n < 12 && members[t][n])
		n++;
	return n;
}

/* The value of member name of the row being read (JSON_NONE: absent). */
struct row {
	struct fmerge *m;
	enum table t;
	struct json_span v[12];
	uint32_t g;
};

static struct json_span val(const struct row *r, const char *name)
{
	const char *const *names = members[r->t];
	size_t i;

	for (i = 0; i < 12 && names[i]; i++)
		if (strcmp(names[i], name) == 0)
			return r->v[i];
	return r->v[11]; /* not reached: every caller names a member */
}

static int fail(struct row *r, const char *fmt, ...) ERR_PRINTF(2, 3);

static int fail(struct row *r, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->m->msg, sizeof r->m->msg, fmt, ap);
	va_end(ap);
	return -1;
}

/* A string member, interned; FSUM_NONE for null when nullable. */
static int get_str(struct row *r, const char *name, int nullable, uint32_t *out)
{
	struct json_span v = val(r, name);
	const char *p;
	size_t n;

	if (v.type == JSON_NULL && nullable) {
		*out = FSUM_NONE;
		return 0;
	}
	if (v.type == JSON_NONE)
		return fail(r, "missing '%s'", name);
	if (v.type != JSON_STRING)
		return fail(r,
			    nullable ? "'%s' is not a string or null"
				     : "'%s' is not a string",
			    name);
	json_str_view(v, &r->m->scratch, &p, &n);
	*out = fsum_str(&r->m->s, p, n);
	return 0;
}

static int get_count(struct row *r, const char *name, uint64_t *out)
{
	return merge_count_val(val(r, name), name, out, r->m->msg,
			       sizeof r->m->msg);
}

/* An integer or null (*isnull set). */
static int get_count_or_null(struct row *r, const char *name, uint64_t *out,
			     int *isnull)
{
	*isnull = val(r, name).type == JSON_NULL;
	*out = 0;
	return *isnull ? 0 : get_count(r, name, out);
}

/* The group: {} or {"by": string or null}. */
static int get_group(struct row *r)
{
	struct json_span v = val(r, "group"), k, x;
	struct json_iter it;
	uint32_t by = FSUM_NONE, value = FSUM_NONE;
	const char *p;
	size_t n;
	int nm = 0;

	if (v.type != JSON_OBJECT)
		return fail(r, "%s is not an object", "'group'");
	json_iter_init(&it, v);
	while (json_iter_next(&it, &k, &x)) {
		if (++nm > 1 || (x.type != JSON_STRING && x.type != JSON_NULL))
			return fail(
				r, "%s is not {} or {\"by\": a string or null}",
				"'group'");
		json_str_view(k, &r->m->scratch, &p, &n);
		by = fsum_str(&r->m->s, p, n);
		if (x.type == JSON_STRING) {
			json_str_view(x, &r->m->scratch, &p, &n);
			value = fsum_str(&r->m->s, p, n);
		}
	}
	r->g = fsum_group(&r->m->s, by, value);
	return 0;
}

/* entity and category: the pipeline. */
static int get_pipe(struct row *r, uint32_t *pipe)
{
	struct json_span e = val(r, "entity");
	uint32_t cat;
	char kind;

	if (json_str_eq(e, "lead", 4))
		kind = 'L';
	else if (json_str_eq(e, "deal", 4))
		kind = 'D';
	else
		return fail(r, "%s is not \"lead\" or \"deal\"", "'entity'");
	if (get_str(r, "category", 1, &cat) < 0)
		return -1;
	*pipe = fsum_pipe(&r->m->s, kind, cat);
	return 0;
}

/*
 * A stage by its name and position members: null and null for none.  The
 * stage is only checked here (*name, *pos set); fsum_stage() adds it once
 * the whole row is good.
 */
static int get_stage(struct row *r, uint32_t pipe, const char *name_m,
		     const char *pos_m, int nullname, char sem, uint32_t *name,
		     uint32_t *pos)
{
	uint64_t p;
	int isnull;

	if (get_count_or_null(r, pos_m, &p, &isnull) < 0)
		return -1;
	if (isnull) {
		*pos = 0;
		*name = FSUM_NONE;
		if (nullname && val(r, name_m).type != JSON_NULL)
			return fail(r, "'%s' without a position", name_m);
		return 0;
	}
	if (get_str(r, name_m, 0, name) < 0)
		return -1;
	if (p < 1 || p > UINT32_MAX - 1)
		return fail(r, "'%s' is not a stage position", pos_m);
	*pos = (uint32_t)p;
	if (!fsum_stage_ok(&r->m->s, pipe, *name, sem, *pos))
		return fail(
			r,
			"%s: another place or semantic in the stage order than in rows before (shards of different inputs or --stages?)",
			name_m);
	return 0;
}

/* ---- money --------------------------------------------------------------- */

#define MAXCUR 64

struct cash {
	size_t n;
	uint32_t cur[MAXCUR];
	num_i128 fx[MAXCUR];
	int scale[MAXCUR];
	uint64_t count[MAXCUR];
};

/* revenue: {"CUR": "exact decimal", ...}; counts (may be NULL) the addends. */
static int get_cash(struct row *r, struct cash *c, const char *counts)
{
	struct json_span v = val(r, "revenue"), k, x;
	struct json_iter it;
	const char *p;
	size_t n, i;
	struct num num;
	unsigned char seen[MAXCUR];

	c->n = 0;
	if (v.type != JSON_OBJECT)
		return fail(r, "%s is not an object", "'revenue'");
	json_iter_init(&it, v);
	while (json_iter_next(&it, &k, &x)) {
		if (c->n == MAXCUR)
			return fail(r, "%s: too many currencies", "'revenue'");
		json_str_view(k, &r->m->scratch, &p, &n);
		c->cur[c->n] = fsum_str(&r->m->s, p, n);
		if (x.type != JSON_STRING)
			return fail(r, "%s: an amount is not a string",
				    "'revenue'");
		json_str_view(x, &r->m->scratch, &p, &n);
		if (num_parse(p, n, &num) < 0 || !num.exact)
			return fail(r, "%s: an amount is not an exact decimal",
				    "'revenue'");
		c->fx[c->n] = num.fx;
		c->scale[c->n] = fsum_scale(p, n);
		c->count[c->n] = 1; /* present: all sources and dynamics need */
		c->n++;
	}
	if (!counts)
		return 0;
	v = val(r, counts);
	if (v.type != JSON_OBJECT)
		return fail(r, "'%s' is not an object", counts);
	memset(seen, 0, sizeof seen);
	json_iter_init(&it, v);
	while (json_iter_next(&it, &k, &x)) {
		uint32_t cur;

		json_str_view(k, &r->m->scratch, &p, &n);
		cur = fsum_str(&r->m->s, p, n);
		for (i = 0; i < c->n && c->cur[i] != cur; i++)
			;
		if (i == c->n || seen[i])
			return fail(
				r,
				"'%s' names a currency not in 'revenue' or twice",
				counts);
		if (merge_count_val(x, counts, &c->count[i], r->m->msg,
				    sizeof r->m->msg) < 0)
			return -1;
		if (!c->count[i])
			return fail(r, "'%s' counts a currency 0 times",
				    counts);
		seen[i] = 1;
	}
	for (i = 0; i < c->n; i++)
		if (!seen[i])
			return fail(r, "'%s' lacks a currency of 'revenue'",
				    counts);
	return 0;
}

/* The deals with an amount are some of the won ones. */
static int check_won(struct row *r, const struct cash *c, uint64_t won)
{
	uint64_t n = 0;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (c->count[i] > won - n)
			return fail(
				r, "%s",
				"'won_with_amount' counts more deals than 'won'");
		n += c->count[i];
	}
	return 0;
}

static void add_cash(struct fmerge *m, enum fsum_table t, uint32_t row,
		     const struct cash *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		fsum_money(&m->s, t, row, c->cur[i], c->fx[i], c->count[i],
			   c->scale[i]);
}

/* ---- the tables ---------------------------------------------------------- */

static int add_stages(struct row *r)
{
	struct fsum *s = &r->m->s;
	struct json_span sv = val(r, "semantic");
	uint64_t pos, reached, total, fp;
	uint32_t pipe, name, st;
	int isnull;
	char sem = 0;

	if (get_pipe(r, &pipe) < 0 || get_str(r, "stage", 0, &name) < 0 ||
	    get_count(r, "position", &pos) < 0 ||
	    get_count(r, "reached", &reached) < 0 ||
	    get_count(r, "total", &total) < 0 ||
	    get_count_or_null(r, "from_previous", &fp, &isnull) < 0)
		return -1;
	/* what one run writes: more would make shares above 1 */
	if (reached > total || (!isnull && fp > reached))
		return fail(
			r, "%s",
			"'from_previous' <= 'reached' <= 'total' does not hold");
	if (sv.type == JSON_STRING && sv.n == 3 &&
	    (sv.p[1] == 'P' || sv.p[1] == 'S' || sv.p[1] == 'F'))
		sem = sv.p[1];
	else if (sv.type != JSON_NULL)
		return fail(r, "%s is not \"P\", \"S\", \"F\" or null",
			    "'semantic'");
	if (pos == 0) { /* "(no stage)": the pipeline's total */
		size_t n;
		const char *p = fsum_strp(s, name, &n);

		if (n != 10 || memcmp(p, "(no stage)", 10) != 0 || sem)
			return fail(r, "%s 0 is the \"(no stage)\" row's",
				    "'position'");
		fsum_total(s, r->g, pipe, total, reached);
		return 0;
	}
	if (pos > UINT32_MAX - 1)
		return fail(r, "'%s' is not a stage position", "position");
	if (!fsum_stage_ok(s, pipe, name, sem, (uint32_t)pos))
		return fail(
			r,
			"%s: another place or semantic in the stage order than in rows before (shards of different inputs or --stages?)",
			"'stage'");
	st = fsum_stage(s, pipe, name, sem, (uint32_t)pos);
	fsum_reached(s, r->g, st, reached, fp);
	return 0;
}

static int add_dropoff(struct row *r)
{
	struct fsum *s = &r->m->s;
	uint32_t pipe, name, lname, loss, pos, lpos, st = FSUM_NONE,
						     lost = FSUM_NONE;
	uint64_t count;

	if (get_pipe(r, &pipe) < 0 ||
	    get_stage(r, pipe, "stage", "stage_position", 1, 0, &name, &pos) <
		    0 ||
	    get_stage(r, pipe, "lost_stage", "lost_position", 0, 0, &lname,
		      &lpos) < 0 ||
	    get_str(r, "loss_reason", 1, &loss) < 0 ||
	    get_count(r, "count", &count) < 0)
		return -1;
	if (lpos == 0 && val(r, "lost_stage").type != JSON_STRING)
		return fail(r, "%s is not a string", "'lost_stage'");
	if (pos && lpos && (pos == lpos) != (name == lname))
		return fail(r, "%s: stage and lost_stage disagree on positions",
			    "dropoff");
	if (pos)
		st = fsum_stage(s, pipe, name, 0, pos);
	if (lpos)
		lost = fsum_stage(s, pipe, lname, 0, lpos);
	fsum_drop(s, r->g, pipe, st, lost, loss, count);
	return 0;
}

static int add_sources(struct row *r)
{
	uint32_t src, camp, row;
	uint64_t leads, q, won;
	struct cash c;

	if (get_str(r, "source", 0, &src) < 0 ||
	    get_str(r, "utm_campaign", 0, &camp) < 0 ||
	    get_count(r, "leads", &leads) < 0 ||
	    get_count(r, "qualified", &q) < 0 ||
	    get_count(r, "won", &won) < 0 || get_cash(r, &c, NULL) < 0)
		return -1;
	row = fsum_source(&r->m->s, r->g, src, camp, leads, q, won);
	add_cash(r->m, FSUM_SOURCES, row, &c);
	return 0;
}

static int get_period(struct row *r, const char *name, int quarter,
		      int64_t *out)
{
	struct json_span v = val(r, name);

	if (v.type != JSON_STRING ||
	    fsum_parse_period(v.p + 1, v.n - 2, quarter, out) < 0)
		return fail(r,
			    quarter ? "'%s' is not \"YYYY-Qn\""
				    : "'%s' is not \"YYYY-MM\"",
			    name);
	return 0;
}

static int add_top(struct row *r)
{
	uint32_t src;
	uint64_t leads;
	int64_t month, first;

	if (get_period(r, "month", 0, &month) < 0 ||
	    get_str(r, "source", 0, &src) < 0 ||
	    get_count(r, "leads", &leads) < 0 ||
	    get_period(r, "first_month", 0, &first) < 0)
		return -1;
	fsum_top(&r->m->s, r->g, month, src, leads);
	fsum_first_month(&r->m->s, first);
	return 0;
}

static int add_dynamics(struct row *r)
{
	struct json_span pt = val(r, "period_type");
	uint64_t leads, q, won;
	uint32_t row;
	int64_t per;
	struct cash c;
	int quarter;

	if (json_str_eq(pt, "month", 5))
		quarter = 0;
	else if (json_str_eq(pt, "quarter", 7))
		quarter = 1;
	else
		return fail(r, "%s is not \"month\" or \"quarter\"",
			    "'period_type'");
	if (get_period(r, "period", quarter, &per) < 0 ||
	    get_count(r, "leads", &leads) < 0 ||
	    get_count(r, "qualified", &q) < 0 ||
	    get_count(r, "won", &won) < 0 || get_cash(r, &c, NULL) < 0)
		return -1;
	row = fsum_dynamics(&r->m->s, r->g, quarter, per, leads, q, won);
	add_cash(r->m, FSUM_DYNAMICS, row, &c);
	return 0;
}

/*
 * managers' days: ["YYYY-MM-DD", ...], a day for each lead at most, one at
 * least when there are leads; checked before any is added.
 */
static int check_days(struct row *r, uint64_t leads)
{
	struct json_span v = val(r, "lead_days"), x;
	struct json_iter it;
	struct ptime t;
	uint64_t n = 0;

	if (v.type != JSON_ARRAY)
		return fail(r, "%s is not an array", "'lead_days'");
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &x)) {
		if (x.type != JSON_STRING || x.n != 12 ||
		    ptime_parse(x.p + 1, 10, &t) < 0)
			return fail(r, "%s: a day is not \"YYYY-MM-DD\"",
				    "'lead_days'");
		n++;
	}
	if (n > leads || (leads && !n))
		return fail(
			r, "%s",
			"'lead_days' has more days than 'leads', or none for them");
	return 0;
}

static int add_managers(struct row *r)
{
	struct fsum *s = &r->m->s;
	struct json_span x;
	struct json_iter it;
	struct ptime t;
	uint32_t mgr, row;
	uint64_t leads, won;
	struct cash c;

	if (get_str(r, "manager", 0, &mgr) < 0 ||
	    get_count(r, "leads", &leads) < 0 || check_days(r, leads) < 0 ||
	    get_count(r, "won", &won) < 0 ||
	    get_cash(r, &c, "won_with_amount") < 0 || check_won(r, &c, won) < 0)
		return -1;
	row = fsum_manager(s, r->g, mgr, leads, won);
	json_iter_init(&it, val(r, "lead_days"));
	while (json_iter_next(&it, NULL, &x)) {
		ptime_parse(x.p + 1, 10, &t);
		fsum_manager_day(s, r->g, mgr, ptime_day(t.sec));
	}
	add_cash(r->m, FSUM_MANAGERS, row, &c);
	return 0;
}

static int add_mmonths(struct row *r)
{
	uint32_t mgr, row;
	uint64_t leads, won;
	int64_t month;
	struct cash c;

	if (get_str(r, "manager", 0, &mgr) < 0 ||
	    get_period(r, "month", 0, &month) < 0 ||
	    get_count(r, "leads", &leads) < 0 ||
	    get_count(r, "won", &won) < 0 ||
	    get_cash(r, &c, "won_with_amount") < 0 || check_won(r, &c, won) < 0)
		return -1;
	row = fsum_manager_month(&r->m->s, r->g, mgr, month, leads, won);
	add_cash(r->m, FSUM_MMONTHS, row, &c);
	return 0;
}

static int add_age(struct row *r)
{
	uint32_t pipe, name, pos, st = FSUM_NONE;
	uint64_t open, sum, max;

	if (get_pipe(r, &pipe) < 0 ||
	    get_stage(r, pipe, "stage", "position", 1, 0, &name, &pos) < 0 ||
	    get_count(r, "open", &open) < 0 ||
	    get_count(r, "days_sum", &sum) < 0 ||
	    get_count(r, "days_max", &max) < 0)
		return -1;
	if (max > sum || (!open && sum))
		return fail(
			r, "%s",
			"'days_max' <= 'days_sum', and no days without 'open', do not hold");
	if (pos)
		st = fsum_stage(&r->m->s, pipe, name, 0, pos);
	fsum_age(&r->m->s, r->g, pipe, st, open, sum, max);
	return 0;
}

static int add_stale(struct row *r)
{
	struct json_span e = val(r, "entity");
	struct fsum_stale st;
	uint64_t days;

	memset(&st, 0, sizeof st);
	if (json_str_eq(e, "lead", 4))
		st.kind = 'L';
	else if (json_str_eq(e, "deal", 4))
		st.kind = 'D';
	else
		return fail(r, "%s is not \"lead\" or \"deal\"", "'entity'");
	if (get_str(r, "id", 0, &st.id) < 0 ||
	    get_str(r, "title", 1, &st.title) < 0 ||
	    get_str(r, "manager", 0, &st.manager) < 0 ||
	    get_str(r, "source", 0, &st.source) < 0 ||
	    get_str(r, "stage", 1, &st.stage) < 0 ||
	    get_str(r, "since", 1, &st.since) < 0 ||
	    get_count(r, "days", &days) < 0 ||
	    get_str(r, "created", 1, &st.created) < 0)
		return -1;
	st.group = r->g;
	st.days = (int64_t)days;
	fsum_stale(&r->m->s, &st);
	return 0;
}

static int (*const adders[T_N])(struct row *) = {
	add_stages,   add_dropoff, add_sources, add_top,   add_dynamics,
	add_managers, add_mmonths, add_age,	add_stale,
};

/* ---- the kind ------------------------------------------------------------ */

static void *fm_create(const struct merge_opts *o)
{
	struct fmerge *m = xcalloc(1, sizeof *m);

	m->o = *o;
	fsum_init(&m->s);
	return m;
}

static int fm_add(void *st, const struct rec *rec, char *msg, size_t msz)
{
	struct fmerge *m = st;
	struct json_span tv = rec_get(rec, "table"), pv;
	struct row r;
	size_t t;

	for (t = 0; t < T_N; t++)
		if (json_str_eq(tv, table_names[t], strlen(table_names[t])))
			break;
	if (t == T_N) {
		snprintf(msg, msz,
			 "funnel: 'table' is not one of pulse-funnel's");
		return -1;
	}
	memset(&r, 0, sizeof r);
	r.m = m;
	r.t = (enum table)t;
	pv = rec_get(rec, "partial");
	if (pv.type != JSON_TRUE) {
		snprintf(
			msg, msz,
			"funnel %s: not a partial row (merge the output of pulse-funnel --partial)",
			table_names[t]);
		return -1;
	}
	if (merge_members(rec, members[t], nmembers(r.t), r.v, m->msg,
			  sizeof m->msg) < 0 ||
	    get_group(&r) < 0 || adders[t](&r) < 0) {
		snprintf(msg, msz, "funnel %s: %s", table_names[t], m->msg);
		return -1;
	}
	return 0;
}

static int fm_finish(void *st, struct sink *out, char *msg, size_t msz)
{
	struct fmerge *m = st;
	char why[128];

	if (fsum_write(&m->s, out, m->o.partial, why, sizeof why) < 0) {
		snprintf(msg, msz, "funnel: %s", why);
		return -1;
	}
	return 0;
}

static void fm_destroy(void *st)
{
	struct fmerge *m = st;

	fsum_release(&m->s);
	buf_release(&m->scratch);
	free(m);
}

const struct merge_kind merge_funnel = {
	"funnel", fm_create, fm_add, fm_finish, fm_destroy,
};
