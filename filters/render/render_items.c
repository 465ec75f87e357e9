/*
 * render_items.c - the leads and deals behind the dashboard's counts; see
 * render.h.
 *
 * --format html also takes pulse-utm's lead, deal and stage records (the
 * records pulse-funnel counted) and keeps them, small, for the page's
 * lists: a lead or deal as an object of the members a list shows or
 * filters on, a stage row as [entity, id, stage, ts, type].  The page
 * joins them: which leads reached a stage, lie without one, match a
 * combination of filters.  Values are copied as the JSON text they were
 * (a string, a number or null); a member of another type is left out.
 */
#include "render.h"

#include <stdio.h>
#include <string.h>

#include "jw.h"

/* record member -> the page's short name */
static const char *const members[][2] = {
	{"id", "id"},	       {"title", "t"},	       {"created", "c"},
	{"status", "st"},      {"semantic", "sm"},     {"source", "src"},
	{"utm_source", "us"},  {"utm_campaign", "uc"}, {"ad_group", "ag"},
	{"utm_content", "ad"}, {"utm_origin", "uo"},   {"manager", "m"},
	{"amount", "a"},       {"currency", "cur"},    {"category", "cat"},
	{"lead_id", "lid"},    {"loss_reason", "lr"},
};

static int plain(struct json_span v)
{
	return v.type == JSON_STRING || v.type == JSON_NUMBER ||
	       v.type == JSON_NULL;
}

static int is_str(struct json_span v, const char *s)
{
	size_t n = strlen(s);

	return v.type == JSON_STRING && v.n == n + 2 &&
	       memcmp(v.p + 1, s, n) == 0;
}

static void sep(struct render_report *r)
{
	if (r->items.len)
		buf_adds(&r->items, ",\n");
}

int render_items_add(struct render_report *r, const struct rec *in, char *msg,
		     size_t msz)
{
	struct json_span kind = rec_get(in, "kind"), v;
	size_t i;

	if (is_str(kind, "lead") || is_str(kind, "deal")) {
		v = rec_get(in, "id");
		if (v.type != JSON_STRING && v.type != JSON_NUMBER) {
			snprintf(msg, msz, "a %s without a string 'id'",
				 kind.p[1] == 'l' ? "lead" : "deal");
			return -1;
		}
		sep(r);
		buf_adds(&r->items, "{\"e\":");
		buf_add(&r->items, kind.p, kind.n);
		for (i = 0; i < sizeof members / sizeof members[0]; i++) {
			v = rec_get(in, members[i][0]);
			if (!plain(v))
				continue;
			buf_addc(&r->items, ',');
			jw_cstr(&r->items, members[i][1]);
			buf_addc(&r->items, ':');
			buf_add(&r->items, v.p, v.n);
		}
		buf_addc(&r->items, '}');
		r->nitems++;
		return 1;
	}
	if (is_str(kind, "stage")) {
		static const char *const row[] = {"entity", "id", "stage", "ts",
						  "type"};
		struct json_span vs[5];

		for (i = 0; i < 5; i++) {
			vs[i] = rec_get(in, row[i]);
			if (i < 4 ? vs[i].type != JSON_STRING : !plain(vs[i])) {
				snprintf(msg, msz,
					 "a stage row without a string '%s'",
					 row[i]);
				return -1;
			}
		}
		sep(r);
		buf_addc(&r->items, '[');
		for (i = 0; i < 5; i++) {
			if (i)
				buf_addc(&r->items, ',');
			buf_add(&r->items, vs[i].p, vs[i].n);
		}
		buf_addc(&r->items, ']');
		r->nitems++;
		return 1;
	}
	return 0;
}
