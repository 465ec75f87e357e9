/* merge_util.c - what pulse-merge's kinds share; see merge_int.h. */
#include "merge_int.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "jkey.h"

int merge_members(const struct rec *r, const char *const *names, size_t n,
		  struct json_span *vals, char *msg, size_t msz)
{
	size_t i, j;

	memset(vals, 0, n * sizeof *vals);
	for (i = 0; i < r->nf; i++) {
		const struct rec_field *f = &r->f[i];

		for (j = 0; j < n; j++)
			if (json_str_eq(f->key, names[j], strlen(names[j])))
				break;
		if (j < n) {
			vals[j] = f->val;
			continue;
		}
		if (json_str_eq(f->key, "kind", 4))
			continue;
		snprintf(msg, msz, "unexpected member %.*s",
			 (int)(f->key.n > 60 ? 60 : f->key.n), f->key.p);
		return -1;
	}
	return 0;
}

int merge_count_val(struct json_span v, const char *what, uint64_t *out,
		    char *msg, size_t msz)
{
	int64_t i;

	if (v.type == JSON_NONE) {
		snprintf(msg, msz, "missing '%s'", what);
		return -1;
	}
	if (v.type != JSON_NUMBER || json_to_i64(v, &i) < 0 || i < 0) {
		snprintf(msg, msz, "'%s' is not an integer 0 .. 2^63-1: %.*s",
			 what, (int)(v.n > 40 ? 40 : v.n), v.p);
		return -1;
	}
	*out = (uint64_t)i;
	return 0;
}

int merge_key(struct json_span v, struct buf *out, struct buf *scratch)
{
	struct json_iter it;
	struct json_span e;
	int first = 1;

	if (v.type != JSON_ARRAY)
		return -1;
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e)) {
		if (!first)
			buf_addc(out, ',');
		first = 0;
		jkey_canon(e, out, scratch);
	}
	return 0;
}

int merge_by(struct json_span v, struct buf *out, struct buf *scratch)
{
	struct json_iter it;
	struct json_span e;

	if (v.type != JSON_ARRAY)
		return -1;
	json_iter_init(&it, v);
	while (json_iter_next(&it, NULL, &e))
		if (e.type != JSON_STRING || e.n <= 2)
			return -1;
	jkey_canon(v, out, scratch);
	return 0;
}

int merge_sum_fits(const struct num_sum *s)
{
	return !s->nfl || isfinite((double)(s->fl + (long double)s->fx / 1e9L));
}
