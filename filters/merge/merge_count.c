/*
 * merge_count.c - the count kind: pulse-tally's groups.
 *
 * Records of equal "by" and "key" add "count", each "sum" (exactly, as
 * tally adds: lib/num) and each "sum_skipped".  A sum that is not a finite
 * number (null, 1e309), or a total that would not be one, makes a bad
 * record: a sum is never null, with or without values skipped.  The groups come
 * out in the order --sort-by asks, compared as pulse-tally compares them
 * (lib/jkey), each followed by its histograms when merge_tally.c linked the
 * histogram kind (merge_int.h).
 */
#include "merge_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "jkey.h"
#include "jw.h"
#include "num.h"

/* One --sum field of a group. */
struct csum {
	struct num_sum s;
	uint64_t skipped;
	uint32_t field; /* in struct counts' names */
};

/* A group: the value of the groups map, keyed by BY '\0' KEY. */
struct cgroup {
	uint64_t count;
	struct csum *sum; /* in the order the fields first came */
	size_t nsum;
};

/* A sum member of the record being read. */
struct rsum {
	uint32_t field;
	int has_sum, has_skipped;
	struct num v;
	int big; /* v is past a double's range: the value is in bigv */
	long double bigv;
	uint64_t skipped;
};

struct counts {
	struct merge_opts o;
	struct hmap groups;
	struct hmap names;	 /* sum field (decoded) -> uint32 index */
	merge_follow_fn *follow; /* writes what follows a group, or NULL */
	void *follow_arg;

	struct buf key, name, scratch;
	struct buf last_name_buf; /* the raw JSON of the last sum field */
	struct json_span last_name;
	uint32_t last_field;
	struct rsum *rs;
	size_t nrs, caprs;
};

static void *count_create(const struct merge_opts *o)
{
	struct counts *t = xcalloc(1, sizeof *t);

	t->o = *o;
	hmap_init(&t->groups, sizeof(struct cgroup));
	hmap_init(&t->names, sizeof(uint32_t));
	return t;
}

void merge_count_follow(void *count_st, merge_follow_fn *follow, void *arg)
{
	struct counts *t = count_st;

	t->follow = follow;
	t->follow_arg = arg;
}

int merge_count_has(void *count_st, const char *bykey, size_t n)
{
	return hmap_get(&((struct counts *)count_st)->groups, bykey, n) != NULL;
}

/* The record's sum member of field, added to t->rs when new. */
static struct rsum *rsum_of(struct counts *t, struct json_span name)
{
	uint32_t field, *ip;
	size_t i;
	int isnew;

	/* the same few fields in every record: skip the map for the last */
	if (t->last_name.n && name.n == t->last_name.n &&
	    memcmp(name.p, t->last_name.p, name.n) == 0) {
		field = t->last_field;
	} else {
		buf_reset(&t->name);
		json_str_decode(name, &t->name);
		ip = hmap_put(&t->names, t->name.p ? t->name.p : "",
			      t->name.len, &isnew);
		if (isnew)
			*ip = (uint32_t)(hmap_len(&t->names) - 1);
		field = *ip;
		buf_reset(&t->last_name_buf);
		buf_add(&t->last_name_buf, name.p, name.n);
		t->last_name.p = t->last_name_buf.p;
		t->last_name.n = name.n;
		t->last_field = field;
	}
	for (i = 0; i < t->nrs; i++)
		if (t->rs[i].field == field)
			return &t->rs[i];
	if (t->nrs == t->caprs) {
		t->caprs = t->caprs ? 2 * t->caprs : 8;
		t->rs = xrealloc(t->rs, t->caprs * sizeof *t->rs);
	}
	memset(&t->rs[t->nrs], 0, sizeof t->rs[t->nrs]);
	t->rs[t->nrs].field = field;
	return &t->rs[t->nrs++];
}

/* Reads "sum" and "sum_skipped" into t->rs.  @return 0 or -1 with msg. */
/* A JSON number past a double's range, finite as a long double, into
 * *x.  @return 1, or -1 when it is not one. */
static int read_big(struct json_span v, struct buf *scratch, long double *x)
{
	char *end;

	buf_reset(scratch);
	buf_add(scratch, v.p, v.n);
	buf_addc(scratch, '\0');
	*x = strtold(scratch->p, &end);
	return *end == '\0' && isfinite(*x) ? 1 : -1;
}

static void add_rsum(struct num_sum *sum, const struct rsum *r)
{
	if (r->big) {
		sum->fl += r->bigv;
		sum->nfl++;
	} else {
		num_sum_add(sum, &r->v);
	}
}

static int read_sums(struct counts *t, struct json_span sum,
		     struct json_span skipped, char *msg, size_t msz)
{
	struct json_iter it;
	struct json_span k, v;
	struct rsum *s;

	t->nrs = 0;
	if (sum.type != JSON_NONE && sum.type != JSON_OBJECT) {
		snprintf(msg, msz, "'sum' is not an object");
		return -1;
	}
	if (skipped.type != JSON_NONE && skipped.type != JSON_OBJECT) {
		snprintf(msg, msz, "'sum_skipped' is not an object");
		return -1;
	}
	if (sum.type == JSON_OBJECT) {
		json_iter_init(&it, sum);
		while (json_iter_next(&it, &k, &v)) {
			s = rsum_of(t, k);
			if (s->has_sum) {
				snprintf(msg, msz, "'sum' has %.*s twice",
					 (int)(k.n > 60 ? 60 : k.n), k.p);
				return -1;
			}
			s->has_sum = 1;
			if (v.type != JSON_NUMBER && v.type != JSON_NULL) {
				snprintf(msg, msz,
					 "'sum' of %.*s is not a number",
					 (int)(k.n > 60 ? 60 : k.n), k.p);
				return -1;
			}
			/* pulse-tally writes finite sums: null is no sum;
			   one past a double's range (a sum of doubles) is
			   read as the long double it was added in */
			s->big = 0;
			if (v.type == JSON_NUMBER &&
			    num_read(v, &t->scratch, &s->v) == NUM_ERANGE)
				s->big = read_big(v, &t->scratch, &s->bigv);
			else if (v.type == JSON_NULL ||
				 num_read(v, &t->scratch, &s->v) != 1 ||
				 !isfinite(s->v.d))
				s->big = -1;
			if (s->big < 0) {
				snprintf(
					msg, msz,
					"'sum' of %.*s is not a finite number: %.*s",
					(int)(k.n > 60 ? 60 : k.n), k.p,
					(int)(v.n > 40 ? 40 : v.n), v.p);
				return -1;
			}
		}
	}
	if (skipped.type == JSON_OBJECT) {
		json_iter_init(&it, skipped);
		while (json_iter_next(&it, &k, &v)) {
			s = rsum_of(t, k);
			if (s->has_skipped) {
				snprintf(msg, msz,
					 "'sum_skipped' has %.*s twice",
					 (int)(k.n > 60 ? 60 : k.n), k.p);
				return -1;
			}
			s->has_skipped = 1;
			if (merge_count_val(v, "sum_skipped", &s->skipped, msg,
					    msz) < 0)
				return -1;
		}
	}
	return 0;
}

/* The group's sum of field, added when new. */
static struct csum *csum_of(struct cgroup *g, uint32_t field)
{
	size_t i;

	for (i = 0; i < g->nsum; i++)
		if (g->sum[i].field == field)
			return &g->sum[i];
	g->sum = xrealloc(g->sum, (g->nsum + 1) * sizeof *g->sum);
	memset(&g->sum[g->nsum], 0, sizeof g->sum[g->nsum]);
	g->sum[g->nsum].field = field;
	return &g->sum[g->nsum++];
}

/*
 * Whether adding the record to g would pass what a record can hold: a
 * count above 2^63-1, a sum beyond the largest double.  @return 0, or -1
 * with msg.
 */
static int overflows(const struct counts *t, const struct cgroup *g,
		     uint64_t count, char *msg, size_t msz)
{
	const struct hmap_entry *e;
	struct num_sum sum;
	size_t i, j;
	uint64_t x;

	if (merge_u64_add(g->count, count, &x) < 0) {
		snprintf(msg, msz, "the group's count passes 2^63-1");
		return -1;
	}
	for (i = 0; i < t->nrs; i++)
		for (j = 0; j < g->nsum; j++) {
			if (g->sum[j].field != t->rs[i].field)
				continue;
			e = hmap_entry_at(&t->names, t->rs[i].field);
			if (merge_u64_add(g->sum[j].skipped, t->rs[i].skipped,
					  &x) < 0) {
				snprintf(
					msg, msz,
					"the group's sum_skipped of \"%.*s\" passes 2^63-1",
					(int)(e->klen > 60 ? 60 : e->klen),
					e->key);
				return -1;
			}
			sum = g->sum[j].s;
			if (t->rs[i].has_sum)
				add_rsum(&sum, &t->rs[i]);
			/* pulse-tally adds in long double and writes a sum
			 * past a double's range as it is (lib/num.h): so
			 * does a merge of its ranges or shards */
			if (sum.nfl &&
			    !isfinite(sum.fl + (long double)sum.fx / 1e9L)) {
				snprintf(
					msg, msz,
					"the group's sum of \"%.*s\" is not a finite number",
					(int)(e->klen > 60 ? 60 : e->klen),
					e->key);
				return -1;
			}
		}
	return 0;
}

static int count_add(void *st, const struct rec *r, char *msg, size_t msz)
{
	static const char *const names[] = {"by", "key", "count", "sum",
					    "sum_skipped"};
	struct counts *t = st;
	struct json_span v[5];
	struct cgroup *g;
	uint64_t count;
	size_t i;
	int isnew;

	if (merge_members(r, names, 5, v, msg, msz) < 0)
		goto bad;
	buf_reset(&t->key);
	if (merge_by(v[0], &t->key, &t->scratch) < 0) {
		snprintf(msg, msz, "'by' is not an array of field names");
		goto bad;
	}
	buf_addc(&t->key, '\0');
	if (merge_key(v[1], &t->key, &t->scratch) < 0) {
		snprintf(msg, msz, "'key' is not an array");
		goto bad;
	}
	if (merge_count_val(v[2], "count", &count, msg, msz) < 0 ||
	    read_sums(t, v[3], v[4], msg, msz) < 0)
		goto bad;
	for (i = 0; i < t->nrs; i++)
		if (t->rs[i].skipped > count) {
			const struct hmap_entry *e =
				hmap_entry_at(&t->names, t->rs[i].field);

			snprintf(
				msg, msz,
				"'sum_skipped' of \"%.*s\" is more than 'count'",
				(int)(e->klen > 60 ? 60 : e->klen), e->key);
			goto bad;
		}
	/* one lookup: a new group cannot overflow, so it is never undone */
	g = hmap_put(&t->groups, t->key.p, t->key.len, &isnew);
	if (!isnew && overflows(t, g, count, msg, msz) < 0)
		goto bad;
	g->count += count;
	for (i = 0; i < t->nrs; i++) {
		struct csum *s = csum_of(g, t->rs[i].field);

		if (t->rs[i].has_sum)
			add_rsum(&s->s, &t->rs[i]);
		s->skipped += t->rs[i].skipped;
	}
	return 0;
bad:
	return -1;
}

/* ---- output -------------------------------------------------------------- */

static void write_name(struct buf *o, const struct hmap *names, uint32_t i)
{
	const struct hmap_entry *e = hmap_entry_at(names, i);

	jw_str(o, e->key, e->klen);
}

static void write_group(struct counts *t, struct sink *out, size_t idx)
{
	const struct hmap_entry *e = hmap_entry_at(&t->groups, idx);
	const struct cgroup *g = hmap_val_at(&t->groups, idx);
	const char *sep = memchr(e->key, '\0', e->klen);
	size_t bylen = (size_t)(sep - e->key), j;
	struct buf *o = &out->b;

	buf_adds(o, "{\"kind\":\"count\",\"by\":");
	buf_add(o, e->key, bylen);
	buf_adds(o, ",\"key\":[");
	buf_add(o, sep + 1, e->klen - bylen - 1);
	buf_adds(o, "],\"count\":");
	jw_i64(o, (int64_t)g->count);
	if (g->nsum) {
		buf_adds(o, ",\"sum\":{");
		for (j = 0; j < g->nsum; j++) {
			if (j)
				buf_addc(o, ',');
			write_name(o, &t->names, g->sum[j].field);
			buf_addc(o, ':');
			num_sum_write(&g->sum[j].s, o);
		}
		buf_adds(o, "},\"sum_skipped\":{");
		for (j = 0; j < g->nsum; j++) {
			if (j)
				buf_addc(o, ',');
			write_name(o, &t->names, g->sum[j].field);
			buf_addc(o, ':');
			jw_i64(o, (int64_t)g->sum[j].skipped);
		}
		buf_addc(o, '}');
	}
	buf_adds(o, "}\n");
	if (t->follow)
		t->follow(t->follow_arg, out, e->key, e->klen);
	sink_commit(out);
}

static int count_finish(void *st, struct sink *out, char *msg, size_t msz)
{
	struct counts *t = st;
	size_t i, n = hmap_len(&t->groups);
	struct jkey_order *ord;

	(void)msg;
	(void)msz;
	if (t->o.sort == JKEY_SORT_FIRST) {
		for (i = 0; i < n; i++)
			write_group(t, out, i);
		return 0;
	}
	ord = xmalloc((n ? n : 1) * sizeof *ord);
	for (i = 0; i < n; i++) {
		const struct hmap_entry *e = hmap_entry_at(&t->groups, i);
		const char *sep = memchr(e->key, '\0', e->klen);

		ord[i].key = sep + 1;
		ord[i].klen = e->klen - (size_t)(sep + 1 - e->key);
		ord[i].count =
			((const struct cgroup *)hmap_val_at(&t->groups, i))
				->count;
		ord[i].idx = i;
	}
	qsort(ord, n, sizeof *ord,
	      t->o.sort == JKEY_SORT_COUNT ? jkey_order_by_count
					   : jkey_order_by_key);
	for (i = 0; i < n; i++)
		write_group(t, out, ord[i].idx);
	free(ord);
	return 0;
}

static void count_destroy(void *st)
{
	struct counts *t = st;
	size_t i;

	if (!t)
		return;
	for (i = 0; i < hmap_len(&t->groups); i++)
		free(((struct cgroup *)hmap_val_at(&t->groups, i))->sum);
	hmap_release(&t->groups);
	hmap_release(&t->names);
	buf_release(&t->key);
	buf_release(&t->name);
	buf_release(&t->last_name_buf);
	buf_release(&t->scratch);
	free(t->rs);
	free(t);
}

const struct merge_kind merge_count = {
	"count", count_create, count_add, count_finish, count_destroy,
};
