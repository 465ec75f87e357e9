/*
 * render_alert.c - alert records (pulse-metrics --alerts) into the report,
 * checked against schemas/alert.schema.json; see render.h.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "ptime.h"

static const char *const rules[] = {"drop", "zero", "silent"};

static struct sref keep(struct render_report *r, const char *p, size_t n)
{
	struct sref s = {r->str.len, n};

	buf_add(&r->str, p, n);
	return s;
}

static const struct sref null_sref = {0, SIZE_MAX};

/* A string member kept in the arena; absent or null (unless required) is
 * null.  @return 0 or -1. */
static int str(struct render_check *c, struct render_report *r, const char *key,
	       int flags, struct sref *out)
{
	const char *p;
	size_t n;
	int st = render_check_str(c, key, flags, &p, &n);

	*out = null_sref;
	if (st > 0)
		*out = keep(r, p, n);
	return st < 0 ? -1 : 0;
}

/* A member of "expected": a number >= 0.  @return 0 or -1. */
static int expected_num(struct render_check *c, struct json_span k,
			struct json_span v, int integer, double *out)
{
	int64_t i;

	if (v.type == JSON_NUMBER && json_to_double(v, out) == 0 && *out >= 0 &&
	    isfinite(*out) &&
	    (!integer || (json_to_i64(v, &i) == 0 && i <= 52 * 1000000)))
		return 0;
	return render_check_part(c, "expected", 0, k.p + 1, k.n - 2, v,
				 integer ? "an integer >= 0" : "a number >= 0");
}

static int get_expected(struct render_check *c, struct alert *a)
{
	struct json_span e = rec_get(c->in, "expected"), k, v;
	struct json_iter it;
	double x;

	a->mean = a->max_hours = NAN;
	a->min = a->max = a->weeks = -1;
	if (e.type == JSON_NONE)
		return render_check_missing(c, "expected");
	if (e.type != JSON_OBJECT)
		return render_check_bad(c, "expected", e, "an object");
	json_iter_init(&it, e);
	while (json_iter_next(&it, &k, &v)) {
		int integer = !json_str_eq(k, "mean", 4) &&
			      !json_str_eq(k, "max_hours", 9);

		if (!json_str_eq(k, "mean", 4) && !json_str_eq(k, "min", 3) &&
		    !json_str_eq(k, "max", 3) && !json_str_eq(k, "weeks", 5) &&
		    !json_str_eq(k, "max_hours", 9))
			return render_check_part(
				c, "expected", 0, k.p + 1, k.n - 2, v,
				"a member of the schema (mean, min, max, "
				"weeks, max_hours)");
		if (expected_num(c, k, v, integer, &x) < 0)
			return -1;
		if (json_str_eq(k, "mean", 4))
			a->mean = x;
		else if (json_str_eq(k, "max_hours", 9))
			a->max_hours = x;
		else if (json_str_eq(k, "min", 3))
			a->min = (int64_t)x;
		else if (json_str_eq(k, "max", 3))
			a->max = (int64_t)x;
		else
			a->weeks = (int64_t)x;
	}
	if (a->rule == ALERT_SILENT ? isnan(a->max_hours)
				    : isnan(a->mean) || a->min < 0 ||
					      a->max < 0 || a->weeks < 1) {
		snprintf(c->msg, c->msz, "field 'expected': %s alerts need %s",
			 rules[a->rule],
			 a->rule == ALERT_SILENT ? "max_hours"
						 : "mean, min, max and weeks");
		return -1;
	}
	return 0;
}

/* HH:MM:SS, a time of day. */
static int time_of_day(const char *s, size_t n)
{
	size_t i;

	if (n != 8 || s[2] != ':' || s[5] != ':')
		return 0;
	for (i = 0; i < 8; i++)
		if (i != 2 && i != 5 && (s[i] < '0' || s[i] > '9'))
			return 0;
	return (s[0] - '0') * 10 + (s[1] - '0') < 24 && s[3] < '6' &&
	       s[6] < '6';
}

static int add(struct render_report *r, struct render_check *c)
{
	struct alert a;
	struct sref day;
	struct ptime t;
	int st;

	memset(&a, 0, sizeof a);
	if ((st = render_check_enum(c, "rule", RC_REQUIRED, rules, 3)) < 0)
		return -1;
	a.rule = st;
	if (str(c, r, "metric", RC_REQUIRED | RC_NONEMPTY, &a.metric) < 0 ||
	    str(c, r, "title", RC_NULL, &a.title) < 0 ||
	    str(c, r, "day", RC_REQUIRED, &day) < 0 ||
	    str(c, r, "until", RC_NULL, &a.until) < 0 ||
	    str(c, r, "last", RC_NULL, &a.last) < 0)
		return -1;
	if (day.len != 10 || ptime_parse(sref_p(r, day), day.len, &t) < 0)
		return render_check_bad(c, "day", rec_get(c->in, "day"),
					"a date YYYY-MM-DD");
	a.day = ptime_day(t.sec);
	if (!sref_null(a.until) &&
	    !time_of_day(sref_p(r, a.until), a.until.len))
		return render_check_bad(c, "until", rec_get(c->in, "until"),
					"a time of day HH:MM:SS");
	if (render_check_num(c, "value", 0, HUGE_VAL,
			     a.rule == ALERT_SILENT ? RC_NULL : RC_REQUIRED,
			     &a.value) < 0)
		return -1;
	if (rec_get(c->in, "value").type == JSON_NULL ||
	    rec_get(c->in, "value").type == JSON_NONE)
		a.value = NAN;
	if (get_expected(c, &a) < 0)
		return -1;
	if (r->nalerts == r->capalerts) {
		r->capalerts = r->capalerts ? 2 * r->capalerts : 16;
		r->alerts =
			xrealloc(r->alerts, r->capalerts * sizeof *r->alerts);
	}
	r->alerts[r->nalerts++] = a;
	return 0;
}

int render_alert_add(struct render_report *r, const struct rec *in, char *msg,
		     size_t msz)
{
	struct buf scratch = BUF_INIT;
	struct render_check c = {in, &scratch, msg, msz};
	size_t mark = r->str.len;
	int st = add(r, &c);

	buf_release(&scratch);
	if (st < 0)
		r->str.len = mark; /* forget what the bad record left */
	return st;
}
