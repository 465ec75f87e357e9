/* render_sales.c - link and metric records into the report; see render.h. */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

static struct sref keep(struct render_report *r, const char *p, size_t n)
{
	struct sref s = {r->str.len, n};

	buf_add(&r->str, p, n);
	return s;
}

static const struct sref null_sref = {0, SIZE_MAX};

static int bad_type(const char *key, struct json_span v, const char *want,
		    char *msg, size_t msz)
{
	int an = v.type == JSON_ARRAY || v.type == JSON_OBJECT;

	snprintf(msg, msz, "field '%s' is %s %s, not %s", key, an ? "an" : "a",
		 json_type_name(v.type), want);
	return -1;
}

/* A string member: @return 1 when set, 0 when absent or null, -1 (msg). */
static int get_str(struct render_report *r, const struct rec *in,
		   const char *key, struct buf *scratch, struct sref *out,
		   char *msg, size_t msz)
{
	struct json_span v = rec_get(in, key);
	const char *p;
	size_t n;

	*out = null_sref;
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_STRING)
		return bad_type(key, v, "a string", msg, msz);
	json_str_view(v, scratch, &p, &n);
	*out = keep(r, p, n);
	return 1;
}

static int missing(const char *key, char *msg, size_t msz)
{
	snprintf(msg, msz, "missing field '%s'", key);
	return -1;
}

static int get_count(const struct rec *in, const char *key, int64_t min,
		     int64_t *out, char *msg, size_t msz)
{
	struct json_span v = rec_get(in, key);

	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return missing(key, msg, msz);
	if (json_to_i64(v, out) < 0 || *out < min) {
		snprintf(msg, msz, "field '%s' is not an integer >= %lld", key,
			 (long long)min);
		return -1;
	}
	return 0;
}

/* An integer >= 0 or null (NaN); absent is null unless required. */
static int get_int(const struct rec *in, const char *key, int required,
		   double *out, char *msg, size_t msz)
{
	struct render_check c = {in, NULL, msg, msz};
	int64_t i;
	int st;

	*out = NAN;
	st = render_check_int(&c, key, 0, INT64_MAX,
			      required ? RC_REQUIRED : RC_NULL, &i);
	if (st > 0)
		*out = (double)i;
	return st < 0 ? -1 : 0;
}

/* The mean of the 7 days before, as the charts show it: 2 decimals. */
static int get_mean(const struct rec *in, double *out, char *msg, size_t msz)
{
	struct json_span v = rec_get(in, "mean_7d");
	struct render_check c = {in, NULL, msg, msz};
	struct buf t = BUF_INIT;
	double d;
	int st;

	*out = NAN;
	if ((st = render_check_num(&c, "mean_7d", 0, HUGE_VAL, RC_NULL, &d)) <=
	    0)
		return st;
	/* rounded as text, so 12.428571428571429 is the 12.43 it once was */
	if (render_util_round(&t, v.p, v.n, RENDER_SALES_MEAN_DECIMALS, 1) <
	    0) {
		buf_release(&t);
		return render_check_bad(&c, "mean_7d", v, "a number >= 0");
	}
	*out = strtod(t.p, NULL);
	buf_release(&t);
	return 0;
}

static int add_link(struct render_report *r, const struct rec *in,
		    struct buf *scratch, char *msg, size_t msz)
{
	struct render_check c = {in, scratch, msg, msz};
	struct link l;
	int st;

	if (get_count(in, "step", 1, &l.step, msg, msz) < 0 ||
	    get_count(in, "value", 0, &l.value, msg, msz) < 0)
		return -1;
	if (l.step > RENDER_SALES_MAX_STEP)
		return render_check_bad(&c, "step", rec_get(in, "step"),
					"an integer from 1 to 999");
	/* no node's users can then overflow */
	if (l.value > INT64_MAX - r->link_users) {
		snprintf(msg, msz,
			 "field 'value': the links add up to more than %lld "
			 "users",
			 (long long)INT64_MAX);
		return -1;
	}
	if ((st = get_str(r, in, "from", scratch, &l.from, msg, msz)) <= 0)
		return st < 0 ? -1 : missing("from", msg, msz);
	if ((st = get_str(r, in, "to", scratch, &l.to, msg, msz)) <= 0)
		return st < 0 ? -1 : missing("to", msg, msz);
	if (r->nlinks == r->caplinks) {
		r->caplinks = r->caplinks ? 2 * r->caplinks : 64;
		r->links = xrealloc(r->links, r->caplinks * sizeof *r->links);
	}
	r->links[r->nlinks++] = l;
	r->link_users += l.value;
	return 0;
}

static int add_metric(struct render_report *r, const struct rec *in,
		      struct buf *scratch, char *msg, size_t msz)
{
	struct metric m;
	struct sref day;
	struct ptime t;
	int st;

	if ((st = get_str(r, in, "name", scratch, &m.name, msg, msz)) <= 0)
		return st < 0 ? -1 : missing("name", msg, msz);
	if (get_str(r, in, "title", scratch, &m.title, msg, msz) < 0)
		return -1;
	if ((st = get_str(r, in, "day", scratch, &day, msg, msz)) <= 0)
		return st < 0 ? -1 : missing("day", msg, msz);
	if (day.len != 10 || ptime_parse(sref_p(r, day), day.len, &t) < 0) {
		struct buf shown = BUF_INIT;

		render_util_shown(&shown, sref_p(r, day), day.len, 40);
		snprintf(msg, msz, "field 'day': not a date YYYY-MM-DD '%s'",
			 shown.p);
		buf_release(&shown);
		return -1;
	}
	m.day = ptime_day(t.sec);
	/* counts of users, and the mean of seven of them */
	if (get_int(in, "value", 1, &m.value, msg, msz) < 0 ||
	    get_int(in, "prev_day", 0, &m.prev_day, msg, msz) < 0 ||
	    get_int(in, "week_ago", 0, &m.week_ago, msg, msz) < 0 ||
	    get_mean(in, &m.mean_7d, msg, msz) < 0)
		return -1;
	if (r->nmetrics == r->capmetrics) {
		r->capmetrics = r->capmetrics ? 2 * r->capmetrics : 64;
		r->metrics = xrealloc(r->metrics,
				      r->capmetrics * sizeof *r->metrics);
	}
	r->metrics[r->nmetrics++] = m;
	return 0;
}

int render_sales_add(struct render_report *r, const struct rec *in, char *msg,
		     size_t msz)
{
	struct buf scratch = BUF_INIT;
	size_t mark = r->str.len;
	int st;

	if (json_str_eq(rec_get(in, "kind"), "link", 4))
		st = add_link(r, in, &scratch, msg, msz);
	else
		st = add_metric(r, in, &scratch, msg, msz);
	buf_release(&scratch);
	if (st < 0)
		r->str.len = mark; /* forget what the bad record left */
	return st;
}
