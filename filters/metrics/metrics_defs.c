/* metrics_defs.c - the --defs file; see metrics.h. */
#include "metrics.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"

/*
 * A decoded copy of string span v, or NULL when it holds a NUL: names are
 * C strings, and "A\u0000B" would be cut to "A" (another event's name).
 */
static char *str_dup(struct json_span v)
{
	struct buf b = BUF_INIT;

	json_str_decode(v, &b);
	if (b.len && memchr(b.p, '\0', b.len)) {
		buf_release(&b);
		return NULL;
	}
	buf_addc(&b, '\0'); /* never NULL, even when empty */
	return b.p;
}

static int has_nul(size_t i, const char *what, char *msg, size_t msz)
{
	snprintf(msg, msz, "metrics[%zu]: '%s' holds a NUL character (\\u0000)",
		 i, what);
	return -1;
}

static int key_is(struct json_span k, const char *s)
{
	return json_str_eq(k, s, strlen(s));
}

/* "is 2, not ..." or "is a string, not ...": what v is, for a message. */
static void what_is(struct json_span v, char *out, size_t osz)
{
	if (v.type == JSON_NUMBER)
		snprintf(out, osz, "is %.*s", (int)(v.n > 30 ? 30 : v.n), v.p);
	else
		snprintf(out, osz, "is %s%s",
			 v.type == JSON_STRING	? "a "
			 : v.type >= JSON_ARRAY ? "an "
						: "",
			 json_type_name(v.type));
}

/*
 * A number member of "alert" or "silent" in (lo, hi) (lo itself when
 * lo_ok), or an integer when integer.  @return 0, or -1 with msg.
 */
static int alert_num(struct json_span v, const char *where, const char *key,
		     double lo, int lo_ok, double hi, int integer,
		     const char *want, double *out, char *msg, size_t msz)
{
	char is[48];
	int64_t iv;

	if (v.type == JSON_NUMBER && json_to_double(v, out) == 0 &&
	    (*out > lo || (lo_ok && *out == lo)) && *out < hi &&
	    (!integer || json_to_i64(v, &iv) == 0))
		return 0;
	what_is(v, is, sizeof is);
	snprintf(msg, msz, "%s: '%s' %s, not %s", where, key, is, want);
	return -1;
}

/* The "alert" member of metrics[i]. */
static int parse_alert(struct json_span obj, size_t i, struct metric_alert *a,
		       char *msg, size_t msz)
{
	struct json_iter it;
	struct json_span k, v;
	struct buf kb = BUF_INIT;
	char where[48];
	double x;

	snprintf(where, sizeof where, "metrics[%zu].alert", i);
	if (obj.type != JSON_OBJECT) {
		snprintf(msg, msz,
			 "%s: not an object {\"weeks\":N,\"below\":F,"
			 "\"below_abs\":N,\"zero\":B}",
			 where);
		return -1;
	}
	if (a->on) {
		snprintf(msg, msz, "%s: given twice", where);
		return -1;
	}
	a->on = 1;
	a->weeks = 4;
	a->zero = 1;
	json_iter_init(&it, obj);
	while (json_iter_next(&it, &k, &v)) {
		if (key_is(k, "weeks")) {
			if (alert_num(v, where, "weeks", 1, 1, 53, 1,
				      "a number of weeks 1..52", &x, msg,
				      msz) < 0)
				return -1;
			a->weeks = (int)x;
		} else if (key_is(k, "below")) {
			if (alert_num(v, where, "below", 0, 0, 1, 0,
				      "a share of the mean above 0 and below 1 "
				      "(0.5: half)",
				      &a->below, msg, msz) < 0)
				return -1;
		} else if (key_is(k, "below_abs")) {
			if (alert_num(v, where, "below_abs", 0, 0, 1e15, 0,
				      "a count above 0 (and below 1e15)",
				      &a->below_abs, msg, msz) < 0)
				return -1;
		} else if (key_is(k, "zero")) {
			if (v.type != JSON_TRUE && v.type != JSON_FALSE) {
				char is[48];

				what_is(v, is, sizeof is);
				snprintf(msg, msz,
					 "%s: 'zero' %s, not true or false",
					 where, is);
				return -1;
			}
			a->zero = v.type == JSON_TRUE;
		} else {
			json_str_decode(k, &kb);
			snprintf(msg, msz,
				 "%s: unknown member '%.60s' (weeks, below, "
				 "below_abs, zero)",
				 where, kb.p ? kb.p : "");
			buf_release(&kb);
			return -1;
		}
	}
	if (!a->below && !a->below_abs && !a->zero) {
		snprintf(msg, msz,
			 "%s: no rule: give 'below', 'below_abs' or "
			 "\"zero\":true",
			 where);
		return -1;
	}
	return 0;
}

static int parse_one(struct json_span obj, size_t i, struct metric_def *d,
		     char *msg, size_t msz)
{
	struct json_iter it, ia;
	struct json_span k, v, a;
	struct buf kb = BUF_INIT;

	if (obj.type != JSON_OBJECT) {
		snprintf(msg, msz, "metrics[%zu]: not an object", i);
		return -1;
	}
	json_iter_init(&it, obj);
	while (json_iter_next(&it, &k, &v)) {
		if (key_is(k, "name") || key_is(k, "event") ||
		    key_is(k, "title")) {
			char **dst = key_is(k, "name")	  ? &d->name
				     : key_is(k, "event") ? &d->event
							  : &d->title;

			if (v.type != JSON_STRING) {
				buf_reset(&kb);
				json_str_decode(k, &kb);
				snprintf(msg, msz,
					 "metrics[%zu]: '%s' is not a string",
					 i, kb.p);
				buf_release(&kb);
				return -1;
			}
			free(*dst);
			*dst = str_dup(v);
			if (!*dst)
				return has_nul(i,
					       key_is(k, "name")    ? "name"
					       : key_is(k, "event") ? "event"
								    : "title",
					       msg, msz);
		} else if (key_is(k, "after")) {
			if (v.type != JSON_ARRAY) {
				snprintf(
					msg, msz,
					"metrics[%zu]: 'after' is not an array of event names",
					i);
				return -1;
			}
			d->has_after = 1;
			json_iter_init(&ia, v);
			while (json_iter_next(&ia, NULL, &a)) {
				if (a.type != JSON_STRING) {
					snprintf(
						msg, msz,
						"metrics[%zu]: 'after' is not an array of event names",
						i);
					return -1;
				}
				d->after = xrealloc(d->after,
						    (d->nafter + 1) *
							    sizeof *d->after);
				d->after[d->nafter] = str_dup(a);
				if (!d->after[d->nafter])
					return has_nul(i, "after", msg, msz);
				d->nafter++;
			}
		} else if (key_is(k, "alert")) {
			if (parse_alert(v, i, &d->alert, msg, msz) < 0) {
				buf_release(&kb);
				return -1;
			}
		} else if (!key_is(k, "description")) {
			buf_reset(&kb);
			json_str_decode(k, &kb);
			snprintf(
				msg, msz,
				"metrics[%zu]: unknown member '%.60s' (name, event, after, title, description, alert)",
				i, kb.p ? kb.p : "");
			buf_release(&kb);
			return -1;
		}
	}
	buf_release(&kb);
	if (!d->name || !*d->name) {
		snprintf(msg, msz, "metrics[%zu]: %s 'name'", i,
			 d->name ? "empty" : "missing");
		return -1;
	}
	if (!d->event) {
		snprintf(msg, msz, "metrics[%zu]: missing 'event'", i);
		return -1;
	}
	if (d->has_after && d->nafter == 0) {
		snprintf(
			msg, msz,
			"metrics[%zu]: empty 'after' (leave it out to count every '%s')",
			i, d->event);
		return -1;
	}
	return 0;
}

/* A list of names (events of "silent"): a non-empty array of strings. */
static int parse_names(struct json_span v, const char *where, char ***out,
		       size_t *n, char *msg, size_t msz)
{
	struct json_iter it;
	struct json_span a;

	if (v.type != JSON_ARRAY) {
		snprintf(msg, msz,
			 "%s: 'events' is not an array of event names", where);
		return -1;
	}
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &a)) {
		if (a.type != JSON_STRING) {
			snprintf(msg, msz,
				 "%s: 'events' is not an array of event names",
				 where);
			return -1;
		}
		*out = xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[*n] = str_dup(a);
		if (!(*out)[*n]) {
			snprintf(msg, msz,
				 "%s: 'events' holds a NUL character (\\u0000)",
				 where);
			return -1;
		}
		(*n)++;
	}
	if (!*n) {
		snprintf(msg, msz,
			 "%s: empty 'events' (leave it out for every event)",
			 where);
		return -1;
	}
	return 0;
}

/* silent[i]: {"name":N,"events":[E,...],"hours":H}. */
static int parse_silent(struct json_span obj, size_t i, struct metric_silent *s,
			char *msg, size_t msz)
{
	struct json_iter it;
	struct json_span k, v;
	struct buf kb = BUF_INIT;
	char where[48];
	int has_hours = 0;

	snprintf(where, sizeof where, "silent[%zu]", i);
	if (obj.type != JSON_OBJECT) {
		snprintf(msg, msz, "%s: not an object", where);
		return -1;
	}
	json_iter_init(&it, obj);
	while (json_iter_next(&it, &k, &v)) {
		if (key_is(k, "name")) {
			if (v.type != JSON_STRING) {
				snprintf(msg, msz, "%s: 'name' is not a string",
					 where);
				return -1;
			}
			free(s->name);
			s->name = str_dup(v);
			if (!s->name) {
				snprintf(msg, msz,
					 "%s: 'name' holds a NUL character "
					 "(\\u0000)",
					 where);
				return -1;
			}
		} else if (key_is(k, "events")) {
			if (s->nevents) {
				snprintf(msg, msz, "%s: 'events' given twice",
					 where);
				return -1;
			}
			if (parse_names(v, where, &s->events, &s->nevents, msg,
					msz) < 0)
				return -1;
		} else if (key_is(k, "hours")) {
			/* a year at most: a longer silence is no alert */
			if (alert_num(
				    v, where, "hours", 0, 0, 8785, 0,
				    "a number of hours above 0 (at most 8784)",
				    &s->hours, msg, msz) < 0)
				return -1;
			has_hours = 1;
		} else if (!key_is(k, "description")) {
			json_str_decode(k, &kb);
			snprintf(msg, msz,
				 "%s: unknown member '%.60s' (name, events, "
				 "hours, description)",
				 where, kb.p ? kb.p : "");
			buf_release(&kb);
			return -1;
		}
	}
	if (!s->name || !*s->name) {
		snprintf(msg, msz, "%s: %s 'name'", where,
			 s->name ? "empty" : "missing");
		return -1;
	}
	if (!has_hours) {
		snprintf(msg, msz, "%s: missing 'hours'", where);
		return -1;
	}
	return 0;
}

/* The name of metric or silent rule j of all of d (metrics first). */
static const char *any_name(const struct metrics_defs *d, size_t j)
{
	return j < d->ndefs ? d->defs[j].name : d->silent[j - d->ndefs].name;
}

/* No two names alike, among the metrics and the silent rules (an alert
 * is known by its name and day).  @return 0, or -1 with msg. */
static int check_names(const struct metrics_defs *d, char *msg, size_t msz)
{
	size_t i, j, n = d->ndefs + d->nsilent;

	for (i = 0; i < n; i++)
		for (j = 0; j < i; j++)
			if (strcmp(any_name(d, i), any_name(d, j)) == 0) {
				if (i < d->ndefs)
					snprintf(msg, msz,
						 "metrics[%zu]: name '%.60s' "
						 "used twice",
						 i, any_name(d, i));
				else
					snprintf(msg, msz,
						 "silent[%zu]: name '%.60s' "
						 "used twice%s",
						 i - d->ndefs, any_name(d, i),
						 j < d->ndefs ? " (a metric's)"
							      : "");
				return -1;
			}
	return 0;
}

int metrics_defs_parse(const char *text, size_t len, struct metrics_defs *d,
		       char *msg, size_t msz)
{
	struct json_error e;
	struct json_span top, k, v, list = {NULL, 0, JSON_NONE, 0},
				    silent = {NULL, 0, JSON_NONE, 0};
	struct json_iter it;
	const char *p = text, *end = text + len;

	memset(d, 0, sizeof *d);
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	if (p == end) {
		snprintf(msg, msz,
			 "an empty file, not definitions {\"metrics\":[...]}");
		return -1;
	}
	if (json_validate(text, len, &e) < 0) {
		snprintf(msg, msz, "not JSON: %s at byte %zu", e.msg, e.off);
		return -1;
	}
	json_scan_value(text, p, end, &top, &e);
	if (top.type != JSON_OBJECT) {
		snprintf(msg, msz, "not a JSON object {\"metrics\":[...]}");
		return -1;
	}
	json_iter_init(&it, top);
	while (json_iter_next(&it, &k, &v)) {
		struct json_span *dst = key_is(k, "metrics")  ? &list
					: key_is(k, "silent") ? &silent
							      : NULL;

		if (!dst)
			continue;
		if (dst->type != JSON_NONE) {
			/* which one was meant? the last one was taken */
			snprintf(msg, msz, "\"%s\" given twice",
				 dst == &list ? "metrics" : "silent");
			return -1;
		}
		*dst = v;
	}
	if (list.type != JSON_ARRAY) {
		snprintf(msg, msz, "no \"metrics\" array");
		return -1;
	}
	json_iter_init(&it, list);
	while (json_iter_next(&it, NULL, &v)) {
		struct metric_def *m;

		d->defs = xrealloc(d->defs, (d->ndefs + 1) * sizeof *d->defs);
		m = &d->defs[d->ndefs++];
		memset(m, 0, sizeof *m);
		if (parse_one(v, d->ndefs - 1, m, msg, msz) < 0)
			goto fail;
	}
	if (d->ndefs == 0) {
		snprintf(msg, msz, "no metrics defined");
		return -1;
	}
	if (silent.type != JSON_NONE && silent.type != JSON_ARRAY) {
		snprintf(msg, msz,
			 "\"silent\" is not an array of "
			 "{\"name\":N,\"events\":[E,...],\"hours\":H}");
		goto fail;
	}
	if (silent.type == JSON_ARRAY) {
		json_iter_init(&it, silent);
		while (json_iter_next(&it, NULL, &v)) {
			struct metric_silent *s;

			d->silent =
				xrealloc(d->silent,
					 (d->nsilent + 1) * sizeof *d->silent);
			s = &d->silent[d->nsilent++];
			memset(s, 0, sizeof *s);
			if (parse_silent(v, d->nsilent - 1, s, msg, msz) < 0)
				goto fail;
		}
	}
	if (check_names(d, msg, msz) < 0)
		goto fail;
	return 0;
fail:
	metrics_defs_release(d);
	return -1;
}

void metrics_defs_release(struct metrics_defs *d)
{
	size_t i, j;

	for (i = 0; i < d->ndefs; i++) {
		free(d->defs[i].name);
		free(d->defs[i].title);
		free(d->defs[i].event);
		for (j = 0; j < d->defs[i].nafter; j++)
			free(d->defs[i].after[j]);
		free(d->defs[i].after);
	}
	free(d->defs);
	for (i = 0; i < d->nsilent; i++) {
		free(d->silent[i].name);
		for (j = 0; j < d->silent[i].nevents; j++)
			free(d->silent[i].events[j]);
		free(d->silent[i].events);
	}
	free(d->silent);
	memset(d, 0, sizeof *d);
}
