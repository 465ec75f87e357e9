/*
 * render_sales.c - link and metric records into the report, and what the
 * svg and telegram formats share about them; see render.h and sales.h.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hist.h"
#include "hmap.h"
#include "jw.h"
#include "ptime.h"
#include "sales.h"

static struct sref keep(struct report *r, const char *p, size_t n)
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
static int get_str(struct report *r, const struct rec *in, const char *key,
		   struct buf *scratch, struct sref *out, char *msg, size_t msz)
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

/* A number or null (NaN); absent is null unless required. */
static int get_num(const struct rec *in, const char *key, int required,
		   double *out, char *msg, size_t msz)
{
	struct json_span v = rec_get(in, key);

	*out = NAN;
	if (v.type == JSON_NONE && required)
		return missing(key, msg, msz);
	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_NUMBER || json_to_double(v, out) < 0 ||
	    !isfinite(*out))
		return bad_type(key, v, "a number", msg, msz);
	return 0;
}

static int add_link(struct report *r, const struct rec *in, struct buf *scratch,
		    char *msg, size_t msz)
{
	struct link l;
	int st;

	if (get_count(in, "step", 1, &l.step, msg, msz) < 0 ||
	    get_count(in, "value", 0, &l.value, msg, msz) < 0)
		return -1;
	if ((st = get_str(r, in, "from", scratch, &l.from, msg, msz)) <= 0)
		return st < 0 ? -1 : missing("from", msg, msz);
	if ((st = get_str(r, in, "to", scratch, &l.to, msg, msz)) <= 0)
		return st < 0 ? -1 : missing("to", msg, msz);
	if (r->nlinks == r->caplinks) {
		r->caplinks = r->caplinks ? 2 * r->caplinks : 64;
		r->links = xrealloc(r->links, r->caplinks * sizeof *r->links);
	}
	r->links[r->nlinks++] = l;
	return 0;
}

static int add_metric(struct report *r, const struct rec *in,
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
		snprintf(msg, msz, "field 'day': not a date YYYY-MM-DD '%.*s'",
			 (int)(day.len > 40 ? 40 : day.len), sref_p(r, day));
		return -1;
	}
	m.day = ptime_day(t.sec);
	if (get_num(in, "value", 1, &m.value, msg, msz) < 0 ||
	    get_num(in, "prev_day", 0, &m.prev_day, msg, msz) < 0 ||
	    get_num(in, "week_ago", 0, &m.week_ago, msg, msz) < 0 ||
	    get_num(in, "mean_7d", 0, &m.mean_7d, msg, msz) < 0)
		return -1;
	if (r->nmetrics == r->capmetrics) {
		r->capmetrics = r->capmetrics ? 2 * r->capmetrics : 64;
		r->metrics = xrealloc(r->metrics,
				      r->capmetrics * sizeof *r->metrics);
	}
	r->metrics[r->nmetrics++] = m;
	return 0;
}

int sales_add(struct report *r, const struct rec *in, char *msg, size_t msz)
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

/* ---- metric series ------------------------------------------------------ */

size_t series_build(const struct report *r, struct series **out)
{
	struct hmap names; /* name -> series index */
	struct series *s = NULL;
	int64_t first = INT64_MAX, last = INT64_MIN;
	size_t i, n, *k;
	int isnew;

	hmap_init(&names, sizeof(size_t));
	for (i = 0; i < r->nmetrics; i++) {
		const struct metric *m = &r->metrics[i];

		k = hmap_put(&names, sref_p(r, m->name), m->name.len, &isnew);
		if (isnew)
			*k = hmap_len(&names) - 1;
		if (m->day < first)
			first = m->day;
		if (m->day > last)
			last = m->day;
	}
	n = hmap_len(&names);
	if (n)
		s = xcalloc(n, sizeof *s);
	for (i = 0; i < n; i++) {
		s[i].first = first;
		s[i].last = last;
		s[i].title = null_sref;
		s[i].at = xmalloc((size_t)(last - first + 1) * sizeof *s[i].at);
		memset(s[i].at, 0xff,
		       (size_t)(last - first + 1) * sizeof *s[i].at);
	}
	for (i = 0; i < r->nmetrics; i++) {
		const struct metric *m = &r->metrics[i];
		struct series *x;

		k = hmap_get(&names, sref_p(r, m->name), m->name.len);
		x = &s[*k];
		x->name = m->name;
		if (!sref_null(m->title))
			x->title = m->title;
		x->at[m->day - first] = (long)i;
	}
	for (i = 0; i < n; i++)
		if (sref_null(s[i].title))
			s[i].title = s[i].name;
	hmap_release(&names);
	*out = s;
	return n;
}

void series_free(struct series *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i].at);
	free(s);
}

const struct metric *series_get(const struct report *r, const struct series *s,
				int64_t day)
{
	if (day < s->first || day > s->last || s->at[day - s->first] < 0)
		return NULL;
	return &r->metrics[s->at[day - s->first]];
}

/* ---- histograms ---------------------------------------------------------- */

/* The record's own p50/p90, else the estimate lib/hist.h makes. */
static double quantile_of(const struct rec *a, const char *key,
			  const struct hrec *h, double q)
{
	struct hist_edges e = {h->edges, h->nedges};
	struct hist *x;
	double v;

	if (json_to_double(rec_get(a, key), &v) == 0)
		return v;
	x = xcalloc(1, hist_size(&e));
	memcpy(x->counts, h->counts, (h->nedges + 1) * sizeof *h->counts);
	x->n = h->count;
	v = hist_quantile(x, &e, q);
	free(x);
	return v;
}

static int hist_parse(const struct rec *a, struct hrec *h, struct buf *sc)
{
	struct json_span v, e;
	struct json_iter it;
	const char *p;
	size_t n, i;
	int64_t c;

	memset(h, 0, sizeof *h);
	h->p50 = h->p90 = NAN;
	v = rec_get(a, "edges");
	if (v.type != JSON_ARRAY)
		return -1;
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		if (h->nedges % 16 == 0)
			h->edges = xrealloc(h->edges, (h->nedges + 16) *
							      sizeof *h->edges);
		if (json_to_double(e, &h->edges[h->nedges]) < 0 ||
		    (h->nedges &&
		     h->edges[h->nedges] <= h->edges[h->nedges - 1]))
			return -1;
		h->nedges++;
	}
	if (!h->nedges)
		return -1;
	h->counts = xcalloc(h->nedges + 1, sizeof *h->counts);
	v = rec_get(a, "counts");
	if (v.type != JSON_ARRAY)
		return -1;
	json_iter_init(&it, v);
	i = 0;
	while (json_iter_next(&it, NULL, &e)) {
		if (i > h->nedges || json_to_i64(e, &c) < 0 || c < 0)
			return -1;
		h->counts[i++] = (uint64_t)c;
		h->count += (uint64_t)c;
	}
	if (i != h->nedges + 1)
		return -1;
	if (rec_str(a, "field", sc, &p, &n) == 1) {
		buf_add(&h->text, p, n);
		h->hours = n == 13 && memcmp(p, "hours_to_next", 13) == 0;
	}
	if (rec_str(a, "event", sc, &p, &n) == 1) {
		buf_reset(&h->text);
		buf_add(&h->text, p, n);
		h->has_event = 1;
	} else {
		/* a tally histogram: field, then the group's key */
		v = rec_get(a, "key");
		if (v.type == JSON_ARRAY) {
			json_iter_init(&it, v);
			while (json_iter_next(&it, NULL, &e)) {
				buf_adds(&h->text, ", ");
				if (e.type == JSON_STRING) {
					json_str_view(e, sc, &p, &n);
					buf_add(&h->text, p, n);
				} else {
					buf_add(&h->text, e.p, e.n);
				}
			}
		}
	}
	h->p50 = quantile_of(a, "p50", h, 0.5);
	h->p90 = quantile_of(a, "p90", h, 0.9);
	return 0;
}

size_t hrecs_load(const struct report *r, struct hrec **out)
{
	struct rec a = REC_INIT;
	struct buf sc = BUF_INIT;
	struct json_error err;
	struct hrec *h = NULL;
	size_t i, n = 0;

	for (i = 0; i < r->naggs; i++) {
		if (rec_parse(&a, sref_p(r, r->aggs[i]), r->aggs[i].len, &err) <
			    0 ||
		    !json_str_eq(rec_get(&a, "kind"), "histogram", 9))
			continue;
		h = xrealloc(h, (n + 1) * sizeof *h);
		if (hist_parse(&a, &h[n], &sc) < 0) {
			warn("skipped a histogram record that breaks its "
			     "schema");
			hrecs_free(h + n, 1);
			continue;
		}
		n++;
	}
	rec_release(&a);
	buf_release(&sc);
	*out = h;
	return n;
}

void hrecs_free(struct hrec *h, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(h[i].edges);
		free(h[i].counts);
		buf_release(&h[i].text);
	}
}

/* ---- numbers, days, words ------------------------------------------------ */

void num_add(struct buf *out, double v, int comma)
{
	size_t start = out->len, i;

	if (isnan(v)) {
		buf_adds(out, "—");
		return;
	}
	jw_f64(out, v);
	if (comma)
		for (i = start; i < out->len; i++)
			if (out->p[i] == '.')
				out->p[i] = ',';
}

void day_add(struct buf *out, int64_t day, int dmy)
{
	int64_t y;
	unsigned m, d;

	ptime_civil_from_days(day, &y, &m, &d);
	if (dmy)
		buf_addf(out, "%02u.%02u.%04lld", d, m, (long long)y);
	else
		buf_addf(out, "%04lld-%02u-%02u", (long long)y, m, d);
}

int day_weekday(int64_t day)
{
	int64_t w = (day + 3) % 7; /* 1970-01-01 was a Thursday */

	return (int)(w < 0 ? w + 7 : w);
}

static const struct swords en = {
	.dmy = 0,
	.comma = 0,
	.wdays = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"},
	.report_title = "Daily metrics",
	.no_metrics = "No metric records.",
	.vs_prev = "vs the day before",
	.vs_week = "vs the same day a week ago",
	.na = "n/a",
	.sankey_title = "How users move through the statuses",
	.step = "Step",
	.steps_n = "Steps:",
	.users_n = "users:",
	.metrics_title = "Daily metrics",
	.mean_7d = "mean of the 7 days before",
	.hist_title = "Distribution",
	.hist_hours_from = "Hours from",
	.hist_to_next = "to the user's next event",
	.hist_unit = "hours",
	.hist_bucket_note =
		"p50 and p90 interpolate linearly inside their bucket",
	.no_data = "No data.",
};

static const struct swords ru = {
	.dmy = 1,
	.comma = 1,
	.wdays = {"пн", "вт", "ср", "чт", "пт", "сб", "вс"},
	.report_title = "Показатели за день",
	.no_metrics = "Нет записей metric.",
	.vs_prev = "к предыдущему дню",
	.vs_week = "к тому же дню неделю назад",
	.na = "н/д",
	.sankey_title = "Как пользователи переходят между статусами",
	.step = "Шаг",
	.steps_n = "Шагов:",
	.users_n = "пользователей:",
	.metrics_title = "Показатели по дням",
	.mean_7d = "среднее за 7 предыдущих дней",
	.hist_title = "Распределение",
	.hist_hours_from = "Часов от",
	.hist_to_next = "до следующего события пользователя",
	.hist_unit = "часы",
	.hist_bucket_note =
		"p50 и p90 — линейная интерполяция внутри интервала",
	.no_data = "Нет данных.",
};

const struct swords *swords_for(enum lang_id lang)
{
	return lang == LANG_RU ? &ru : &en;
}
