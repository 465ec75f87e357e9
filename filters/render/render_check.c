/*
 * render_check.c - the members of a record checked against its schema;
 * see render.h.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *a_an(int type)
{
	return type == JSON_ARRAY || type == JSON_OBJECT ? "an" : "a";
}

int render_check_bad(struct render_check *c, const char *key,
		     struct json_span v, const char *want)
{
	struct buf shown = BUF_INIT;

	if (v.type == JSON_NUMBER || v.type == JSON_NULL ||
	    v.type == JSON_TRUE || v.type == JSON_FALSE) {
		render_util_shown(&shown, v.p, v.n, 40);
		snprintf(c->msg, c->msz, "field '%s' is %s, not %s", key,
			 shown.p, want);
	} else {
		snprintf(c->msg, c->msz, "field '%s' is %s %s, not %s", key,
			 a_an(v.type), json_type_name(v.type), want);
	}
	buf_release(&shown);
	return -1;
}

int render_check_part(struct render_check *c, const char *key, long index,
		      const char *name, size_t nlen, struct json_span v,
		      const char *want)
{
	struct buf shown = BUF_INIT, part = BUF_INIT;

	render_util_shown(&shown, v.p, v.n, 40);
	if (name) {
		render_util_shown(&part, name, nlen, 40);
		snprintf(c->msg, c->msz,
			 "field '%s': member '%s' is %s, not %s", key, part.p,
			 shown.p, want);
	} else {
		snprintf(c->msg, c->msz,
			 "field '%s': element %ld is %s, not %s", key, index,
			 shown.p, want);
	}
	buf_release(&shown);
	buf_release(&part);
	return -1;
}

int render_check_missing(struct render_check *c, const char *key)
{
	snprintf(c->msg, c->msz, "missing field '%s'", key);
	return -1;
}

/* The member, or 0 when it is absent (or null and flags allow it). */
static int present(struct render_check *c, const char *key, int flags,
		   struct json_span *v)
{
	*v = rec_get(c->in, key);
	if (v->type == JSON_NONE || (v->type == JSON_NULL && (flags & RC_NULL)))
		return (flags & RC_REQUIRED) && v->type == JSON_NONE
			       ? render_check_missing(c, key)
			       : 0;
	return 1;
}

int render_check_int(struct render_check *c, const char *key, int64_t min,
		     int64_t max, int flags, int64_t *out)
{
	struct json_span v;
	char want[80];
	int st;

	if ((st = present(c, key, flags, &v)) <= 0)
		return st;
	if (v.type != JSON_NUMBER || json_to_i64(v, out) < 0 || *out < min ||
	    *out > max) {
		if (max == INT64_MAX)
			snprintf(want, sizeof want, "an integer >= %lld",
				 (long long)min);
		else
			snprintf(want, sizeof want,
				 "an integer from %lld to %lld", (long long)min,
				 (long long)max);
		return render_check_bad(c, key, v, want);
	}
	return 1;
}

int render_check_num(struct render_check *c, const char *key, double min,
		     double max, int flags, double *out)
{
	struct json_span v;
	char want[80];
	int st;

	if ((st = present(c, key, flags, &v)) <= 0)
		return st;
	if (v.type != JSON_NUMBER || json_to_double(v, out) < 0 ||
	    !isfinite(*out) || *out < min || *out > max) {
		if (min == -HUGE_VAL)
			snprintf(want, sizeof want, "a finite number");
		else if (max == HUGE_VAL)
			snprintf(want, sizeof want, "a number >= %g", min);
		else
			snprintf(want, sizeof want, "a number from %g to %g",
				 min, max);
		return render_check_bad(c, key, v, want);
	}
	return 1;
}

int render_check_str(struct render_check *c, const char *key, int flags,
		     const char **p, size_t *n)
{
	struct json_span v;
	int st;

	if ((st = present(c, key, flags, &v)) <= 0)
		return st;
	if (v.type != JSON_STRING)
		return render_check_bad(c, key, v, "a string");
	json_str_view(v, c->scratch, p, n);
	if (!*n && (flags & RC_NONEMPTY))
		return render_check_bad(c, key, v,
					"a string that is not empty");
	return 1;
}

int render_check_enum(struct render_check *c, const char *key, int flags,
		      const char *const *names, int nnames)
{
	const char *p;
	size_t n;
	int i, st;

	if ((st = render_check_str(c, key, flags, &p, &n)) <= 0)
		return st - 1; /* -1: absent or null; -2: bad */
	for (i = 0; i < nnames; i++)
		if (strlen(names[i]) == n && memcmp(names[i], p, n) == 0)
			return i;
	render_check_unknown(c, key, p, n);
	return -2;
}

int render_check_unknown(struct render_check *c, const char *key, const char *p,
			 size_t n)
{
	struct buf shown = BUF_INIT;

	render_util_shown(&shown, p, n, 60);
	snprintf(c->msg, c->msz, "field '%s': unknown value '%s'", key,
		 shown.p);
	buf_release(&shown);
	return -1;
}
