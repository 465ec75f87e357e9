/*
 * merge_metric.c - the metric kind: pulse-metrics --partial's day counts.
 *
 * Records of equal name and day add their values.  The output is what
 * pulse-metrics writes without --partial (lib/series, the same code): per
 * metric, in the order first seen, every day from the first to the last
 * day of any metric, zero days included, with prev_day, week_ago and
 * mean_7d computed from the sums.  Each shard's partial output holds every
 * day of its own range for every metric (zeros included), so the merged
 * range is the whole input's.
 */
#include "merge_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "ptime.h"
#include "series.h"

struct metric {
	char *name, *title; /* title NULL when absent */
	struct series s;
};

struct metrics {
	struct merge_opts o;
	struct hmap names; /* decoded name -> uint32 index into m */
	struct metric *m;
	size_t nm, capm;
	int64_t dmin, dmax;
	int have_day;
	struct buf name, title;
};

static void *metric_create(const struct merge_opts *o)
{
	struct metrics *t = xcalloc(1, sizeof *t);

	t->o = *o;
	hmap_init(&t->names, sizeof(uint32_t));
	return t;
}

/* A string member, decoded into b.  @return 0, or -1 with msg. */
static int read_str(struct json_span v, const char *what, struct buf *b,
		    char *msg, size_t msz)
{
	buf_reset(b);
	if (v.type != JSON_STRING) {
		snprintf(msg, msz,
			 v.type == JSON_NONE ? "missing '%s'"
					     : "'%s' is not a string",
			 what);
		return -1;
	}
	json_str_decode(v, b);
	/* pulse-metrics reads its names as C strings */
	if (memchr(b->p ? b->p : "", '\0', b->len)) {
		snprintf(msg, msz, "'%s' holds a NUL character", what);
		return -1;
	}
	buf_addc(b, '\0');
	b->len--;
	return 0;
}

/* "YYYY-MM-DD" as a day number, only in the form pulse-metrics writes. */
static int read_day(struct json_span v, int64_t *day, char *msg, size_t msz)
{
	const char *p = v.p + 1;
	char back[16];
	unsigned mon, mday;
	int64_t y;
	int i;

	if (v.type != JSON_STRING || v.n != 12)
		goto bad;
	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? p[i] != '-' : p[i] < '0' || p[i] > '9')
			goto bad;
	y = (p[0] - '0') * 1000 + (p[1] - '0') * 100 + (p[2] - '0') * 10 +
	    (p[3] - '0');
	mon = (unsigned)((p[5] - '0') * 10 + (p[6] - '0'));
	mday = (unsigned)((p[8] - '0') * 10 + (p[9] - '0'));
	if (mon < 1 || mon > 12 || mday < 1 || mday > 31)
		goto bad;
	if (y < 1) { /* pulse-metrics reads no time before the year 0001 */
		snprintf(msg, msz, "'day' %.*s: %s", (int)v.n, v.p,
			 ptime_strerror(PTIME_ERANGE));
		return -1;
	}
	*day = ptime_days_from_civil(y, mon, mday);
	ptime_fmt_day(back, *day);
	if (memcmp(back, p, 10) == 0) /* not 2025-02-30 */
		return 0;
bad:
	snprintf(msg, msz, "'day' is not a date YYYY-MM-DD: %.*s",
		 (int)(v.n > 40 ? 40 : v.n), v.p);
	return -1;
}

static int metric_add(void *st, const struct rec *r, char *msg, size_t msz)
{
	static const char *const names[] = {"name", "title", "day", "value",
					    "partial"};
	struct metrics *t = st;
	struct json_span v[5];
	struct metric *m = NULL;
	uint64_t value;
	uint32_t *ip;
	int64_t day;
	int isnew;

	if (merge_members(r, names, 5, v, msg, msz) < 0) {
		if (rec_get(r, "prev_day").type != JSON_NONE)
			snprintf(
				msg, msz,
				"a final metric record: merge the output of pulse-metrics --partial");
		goto bad;
	}
	if (v[4].type != JSON_TRUE) {
		snprintf(
			msg, msz,
			"a metric record without \"partial\":true: merge the output of pulse-metrics --partial");
		goto bad;
	}
	if (read_str(v[0], "name", &t->name, msg, msz) < 0 ||
	    read_day(v[2], &day, msg, msz) < 0 ||
	    merge_count_val(v[3], "value", &value, msg, msz) < 0)
		goto bad;
	if (v[1].type != JSON_NONE &&
	    read_str(v[1], "title", &t->title, msg, msz) < 0)
		goto bad;
	ip = hmap_get(&t->names, t->name.p, t->name.len);
	if (ip) {
		m = &t->m[*ip];
		if ((v[1].type == JSON_NONE) != !m->title ||
		    (m->title && strcmp(m->title, t->title.p) != 0)) {
			snprintf(
				msg, msz,
				"metric '%.60s' has another title in an earlier record",
				m->name);
			goto bad;
		}
		if (series_get(&m->s, day) > (uint64_t)INT64_MAX - value) {
			snprintf(msg, msz, "the day's value passes 2^63-1");
			goto bad;
		}
	} else {
		if (t->nm == t->capm) {
			t->capm = t->capm ? 2 * t->capm : 16;
			t->m = xrealloc(t->m, t->capm * sizeof *t->m);
		}
		ip = hmap_put(&t->names, t->name.p, t->name.len, &isnew);
		*ip = (uint32_t)t->nm;
		m = &t->m[t->nm++];
		memset(m, 0, sizeof *m);
		m->name = xstrdup(t->name.p);
		m->title = v[1].type == JSON_NONE ? NULL : xstrdup(t->title.p);
	}
	series_add(&m->s, day, value); /* checked above: cannot fail */
	if (!t->have_day || day < t->dmin)
		t->dmin = day;
	if (!t->have_day || day > t->dmax)
		t->dmax = day;
	t->have_day = 1;
	return 0;
bad:
	return -1;
}

static int metric_finish(void *st, struct sink *out, char *msg, size_t msz)
{
	struct metrics *t = st;
	size_t k;
	int64_t d;

	(void)msg;
	(void)msz;
	if (!t->have_day)
		return 0;
	for (k = 0; k < t->nm; k++)
		for (d = t->dmin; d <= t->dmax; d++) {
			series_write(&out->b, t->m[k].name, t->m[k].title,
				     &t->m[k].s, d, t->dmin, t->o.partial);
			sink_commit(out);
		}
	return 0;
}

static void metric_destroy(void *st)
{
	struct metrics *t = st;
	size_t k;

	if (!t)
		return;
	for (k = 0; k < t->nm; k++) {
		free(t->m[k].name);
		free(t->m[k].title);
		series_release(&t->m[k].s);
	}
	free(t->m);
	hmap_release(&t->names);
	buf_release(&t->name);
	buf_release(&t->title);
	free(t);
}

const struct merge_kind merge_metric = {
	"metric", metric_create, metric_add, metric_finish, metric_destroy,
};
