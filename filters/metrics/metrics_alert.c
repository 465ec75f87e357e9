/*
 * metrics_alert.c - pulse-metrics --alerts: the day's counts against each
 * metric's band, and the silent rules; see metrics.h and
 * schemas/alert.schema.json.
 *
 * Every comparison is made on integers or on doubles computed the same way
 * on every machine (sums of counts below 2^53, one product each), so a run
 * over the same input writes the same alerts, byte for byte.
 */
#include "metrics.h"

#include <stdio.h>
#include <string.h>

#include "jw.h"
#include "ptime.h"

#define US_PER_SEC INT64_C(1000000)
#define US_PER_HOUR (3600 * US_PER_SEC)

/* The band of a metric: the same weekday over the weeks judged. */
struct band {
	int weeks; /* the weeks the input covers (<= the rule's) */
	uint64_t sum, min, max;
	int all_nonzero; /* no day of the band was 0 */
};

static void band_get(const struct metric_alert *a, const struct series *s,
		     int64_t day, int64_t first, struct band *b)
{
	int w;

	memset(b, 0, sizeof *b);
	b->all_nonzero = 1;
	for (w = 1; w <= a->weeks && day - 7 * w >= first; w++) {
		uint64_t v = series_get(s, day - 7 * w);

		b->sum += v;
		if (!b->weeks || v < b->min)
			b->min = v;
		if (!b->weeks || v > b->max)
			b->max = v;
		if (!v)
			b->all_nonzero = 0;
		b->weeks++;
	}
}

/* "2026-01-14" */
static void day_str(struct buf *o, int64_t day)
{
	char d[16];

	ptime_fmt_day(d, day);
	buf_adds(o, d);
}

/* The start shared by every alert record, up to "value":. */
static void head(struct buf *o, const struct metrics_opts *op, const char *rule,
		 const char *name, const char *title)
{
	char t[16];
	int64_t s;

	buf_adds(o, "{\"kind\":\"alert\",\"rule\":\"");
	buf_adds(o, rule);
	buf_adds(o, "\",\"metric\":");
	jw_cstr(o, name);
	if (title) {
		buf_adds(o, ",\"title\":");
		jw_cstr(o, title);
	}
	buf_adds(o, ",\"day\":\"");
	day_str(o, op->alert_day);
	buf_adds(o, "\",\"until\":");
	if (op->cut_us < 0) {
		jw_null(o);
	} else {
		s = op->cut_us / US_PER_SEC;
		snprintf(t, sizeof t, "\"%02d:%02d:%02d\"", (int)(s / 3600),
			 (int)(s / 60 % 60), (int)(s % 60));
		buf_adds(o, t);
	}
}

/* A metric's alert, when its day breaks a rule.  @return 1 when written. */
static int metric_alert(const struct metrics_opts *op, size_t k,
			const struct band *b, uint64_t v, struct buf *o)
{
	const struct metric_def *d = &op->defs[k];
	const struct metric_alert *a = &d->alert;
	double sum = (double)b->sum, kv = (double)b->weeks * (double)v,
	       mean = sum / b->weeks, pct;
	int zero, drop;
	char r[256];

	zero = a->zero && v == 0 && b->all_nonzero;
	/* below the mean by more than each threshold given: sum/k - v > x
	 * is sum - k*v > x*k (and x*sum for a share of the mean) */
	drop = (a->below || a->below_abs) && kv < sum &&
	       (!a->below || sum - kv > a->below * sum) &&
	       (!a->below_abs || sum - kv > a->below_abs * b->weeks);
	if (!zero && !drop)
		return 0;
	head(o, op, zero ? "zero" : "drop", d->name, d->title);
	buf_adds(o, ",\"value\":");
	jw_i64(o, (int64_t)v);
	buf_adds(o, ",\"expected\":{\"mean\":");
	jw_f64(o, mean);
	buf_adds(o, ",\"min\":");
	jw_i64(o, (int64_t)b->min);
	buf_adds(o, ",\"max\":");
	jw_i64(o, (int64_t)b->max);
	buf_adds(o, ",\"weeks\":");
	jw_i64(o, b->weeks);
	buf_adds(o, "},\"threshold\":{\"below\":");
	if (a->below)
		jw_f64(o, a->below);
	else
		jw_null(o);
	buf_adds(o, ",\"below_abs\":");
	if (a->below_abs)
		jw_f64(o, a->below_abs);
	else
		jw_null(o);
	buf_adds(o, ",\"zero\":");
	jw_bool(o, a->zero);
	buf_adds(o, "},\"reason\":");
	pct = (sum - kv) / sum * 100;
	if (zero)
		snprintf(r, sizeof r,
			 "0, where the same weekday of the last %d week%s "
			 "was never 0 (%llu to %llu)",
			 b->weeks, b->weeks == 1 ? "" : "s",
			 (unsigned long long)b->min,
			 (unsigned long long)b->max);
	else
		snprintf(r, sizeof r,
			 "%llu is %.1f%% below %.2f, the mean of the same "
			 "weekday of the last %d week%s",
			 (unsigned long long)v, pct, mean, b->weeks,
			 b->weeks == 1 ? "" : "s");
	jw_cstr(o, r);
	buf_adds(o, "}\n");
	return 1;
}

/* A silent rule's alert, when its source was silent too long. */
static int silent_alert(const struct metrics_opts *op, size_t i, int64_t last,
			struct buf *o)
{
	const struct metric_silent *s = &op->silent[i];
	/* the moment judged: --as-of, or the end of the day */
	int64_t at = op->cut_us < 0 ? (op->alert_day + 1) * 86400 * US_PER_SEC
				    : op->until_us;
	double hours = (double)(at - last) / (double)US_PER_HOUR;
	char t[32], r[160];

	if (last != INT64_MIN && !(hours > s->hours))
		return 0;
	head(o, op, "silent", s->name, NULL);
	buf_adds(o, ",\"value\":");
	if (last == INT64_MIN)
		jw_null(o);
	else
		jw_f64(o, hours);
	buf_adds(o, ",\"last\":");
	if (last == INT64_MIN) {
		jw_null(o);
	} else {
		/* local wall clock, to the second */
		int64_t sec = last / US_PER_SEC - (last % US_PER_SEC < 0);

		ptime_fmt_utc(t, sec);
		t[19] = '\0'; /* no "Z": it is local time */
		buf_addf(o, "\"%s\"", t);
	}
	buf_adds(o, ",\"expected\":{\"max_hours\":");
	jw_f64(o, s->hours);
	buf_adds(o, "},\"reason\":");
	if (last == INT64_MIN)
		snprintf(r, sizeof r, "no event of the source before %s",
			 op->cut_us < 0 ? "the end of the day" : "--as-of");
	else
		snprintf(r, sizeof r,
			 "no event of the source for %.1f hours, more than %g",
			 hours, s->hours);
	jw_cstr(o, r);
	buf_adds(o, "}\n");
	return 1;
}

size_t metrics_alert_write(const struct metrics_opts *o,
			   const struct metrics_counted *c, struct sink *out,
			   char *msg, size_t msz)
{
	size_t k, unjudged = 0;
	struct band b;

	for (k = 0; k < o->ndefs; k++) {
		if (!o->defs[k].alert.on)
			continue;
		band_get(&o->defs[k].alert, &c->dc[k], o->alert_day, c->first,
			 &b);
		if (!c->have_day || !b.weeks) {
			if (!unjudged++)
				snprintf(msg, msz, "%s", o->defs[k].name);
			continue;
		}
		if (metric_alert(o, k, &b, series_get(&c->dc[k], o->alert_day),
				 &out->b))
			sink_commit(out);
	}
	for (k = 0; k < o->nsilent; k++)
		if (silent_alert(o, k, c->last_us[k], &out->b))
			sink_commit(out);
	return unjudged;
}
