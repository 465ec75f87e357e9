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
		} else if (!key_is(k, "description")) {
			buf_reset(&kb);
			json_str_decode(k, &kb);
			snprintf(
				msg, msz,
				"metrics[%zu]: unknown member '%.60s' (name, event, after, title, description)",
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

int metrics_defs_parse(const char *text, size_t len, struct metric_def **defs,
		       size_t *ndefs, char *msg, size_t msz)
{
	struct json_error e;
	struct json_span top, k, v, list = {NULL, 0, JSON_NONE, 0};
	struct json_iter it;
	const char *p = text, *end = text + len;
	size_t i, j;

	*defs = NULL;
	*ndefs = 0;
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
		if (!key_is(k, "metrics"))
			continue;
		if (list.type != JSON_NONE) {
			/* which one was meant? the last one was taken */
			snprintf(msg, msz, "\"metrics\" given twice");
			return -1;
		}
		list = v;
	}
	if (list.type != JSON_ARRAY) {
		snprintf(msg, msz, "no \"metrics\" array");
		return -1;
	}
	json_iter_init(&it, list);
	while (json_iter_next(&it, NULL, &v)) {
		struct metric_def *d;

		*defs = xrealloc(*defs, (*ndefs + 1) * sizeof **defs);
		d = &(*defs)[(*ndefs)++];
		memset(d, 0, sizeof *d);
		if (parse_one(v, *ndefs - 1, d, msg, msz) < 0)
			goto fail;
	}
	if (*ndefs == 0) {
		snprintf(msg, msz, "no metrics defined");
		return -1;
	}
	for (i = 0; i < *ndefs; i++)
		for (j = 0; j < i; j++)
			if (strcmp((*defs)[i].name, (*defs)[j].name) == 0) {
				snprintf(
					msg, msz,
					"metrics[%zu]: name '%.60s' used twice",
					i, (*defs)[i].name);
				goto fail;
			}
	return 0;
fail:
	metrics_defs_free(*defs, *ndefs);
	*defs = NULL;
	*ndefs = 0;
	return -1;
}

void metrics_defs_free(struct metric_def *defs, size_t ndefs)
{
	size_t i, j;

	for (i = 0; i < ndefs; i++) {
		free(defs[i].name);
		free(defs[i].title);
		free(defs[i].event);
		for (j = 0; j < defs[i].nafter; j++)
			free(defs[i].after[j]);
		free(defs[i].after);
	}
	free(defs);
}
