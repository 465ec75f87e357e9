/*
 * merge_link.c - the link kind: pulse-sankey's transitions.
 *
 * Records of equal step, from and to add their values; the links come out
 * as pulse-sankey orders them: by step, then value descending, then from
 * and to by their UTF-8 bytes.
 */
#include "merge_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "jw.h"

struct links {
	struct merge_opts o;
	/* STEP (4 bytes) FROMLEN (4 bytes) FROM TO, names decoded -> value */
	struct hmap links;
	struct buf key, scratch;
};

static void *link_create(const struct merge_opts *o)
{
	struct links *t = xcalloc(1, sizeof *t);

	t->o = *o;
	hmap_init(&t->links, sizeof(uint64_t));
	return t;
}

static int read_name(struct links *t, struct json_span v, const char *what,
		     char *msg, size_t msz)
{
	if (v.type != JSON_STRING) {
		snprintf(msg, msz,
			 v.type == JSON_NONE ? "missing '%s'"
					     : "'%s' is not a string",
			 what);
		return -1;
	}
	json_str_decode(v, &t->key);
	return 0;
}

static int link_add(void *st, const struct rec *r, char *msg, size_t msz)
{
	static const char *const names[] = {"step", "from", "to", "value"};
	struct links *t = st;
	struct json_span v[4];
	uint64_t step, value, *p;
	uint32_t u;
	size_t flen;

	buf_reset(&t->key);
	if (merge_members(r, names, 4, v, msg, msz) < 0 ||
	    merge_count_val(v[0], "step", &step, msg, msz) < 0 ||
	    merge_count_val(v[3], "value", &value, msg, msz) < 0)
		goto bad;
	if (step < 1 || step > UINT32_MAX) {
		snprintf(msg, msz, "'step' is not 1 .. 2^32-1");
		goto bad;
	}
	if (value < 1) {
		snprintf(msg, msz, "'value' is not 1 or more");
		goto bad;
	}
	u = (uint32_t)step;
	buf_add(&t->key, &u, sizeof u);
	buf_add(&t->key, &u, sizeof u); /* FROMLEN, set below */
	if (read_name(t, v[1], "from", msg, msz) < 0)
		goto bad;
	flen = t->key.len - 2 * sizeof u;
	if (flen > UINT32_MAX) {
		snprintf(msg, msz, "'from' is too long");
		goto bad;
	}
	u = (uint32_t)flen;
	memcpy(t->key.p + sizeof u, &u, sizeof u);
	if (read_name(t, v[2], "to", msg, msz) < 0)
		goto bad;
	p = hmap_get(&t->links, t->key.p, t->key.len);
	if (p && merge_u64_add(*p, value, &value) < 0) {
		snprintf(msg, msz, "the link's value passes 2^63-1");
		goto bad;
	}
	if (!p)
		p = hmap_put(&t->links, t->key.p, t->key.len, NULL);
	*p = value;
	return 0;
bad:
	return -1;
}

/* ---- output -------------------------------------------------------------- */

struct olink {
	uint32_t step;
	uint64_t value;
	const char *from, *to;
	size_t flen, tlen;
};

static int bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

/* As pulse-sankey: step, value descending, from, to. */
static int olink_cmp(const void *pa, const void *pb)
{
	const struct olink *a = pa, *b = pb;
	int c;

	if (a->step != b->step)
		return a->step < b->step ? -1 : 1;
	if (a->value != b->value)
		return a->value > b->value ? -1 : 1;
	c = bytes_cmp(a->from, a->flen, b->from, b->flen);
	return c ? c : bytes_cmp(a->to, a->tlen, b->to, b->tlen);
}

static int link_finish(void *st, struct sink *out, char *msg, size_t msz)
{
	struct links *t = st;
	size_t i, n = hmap_len(&t->links);
	struct olink *v = xmalloc((n ? n : 1) * sizeof *v);
	struct buf *o = &out->b;

	(void)msg;
	(void)msz;
	for (i = 0; i < n; i++) {
		const struct hmap_entry *e = hmap_entry_at(&t->links, i);
		uint32_t u;

		memcpy(&v[i].step, e->key, sizeof u);
		memcpy(&u, e->key + sizeof u, sizeof u);
		v[i].from = e->key + 2 * sizeof u;
		v[i].flen = u;
		v[i].to = v[i].from + u;
		v[i].tlen = e->klen - 2 * sizeof u - u;
		v[i].value = *(uint64_t *)hmap_val_at(&t->links, i);
	}
	qsort(v, n, sizeof *v, olink_cmp);
	for (i = 0; i < n; i++) {
		buf_adds(o, "{\"kind\":\"link\",\"step\":");
		jw_i64(o, v[i].step);
		buf_adds(o, ",\"from\":");
		jw_str(o, v[i].from, v[i].flen);
		buf_adds(o, ",\"to\":");
		jw_str(o, v[i].to, v[i].tlen);
		buf_adds(o, ",\"value\":");
		jw_i64(o, (int64_t)v[i].value);
		buf_adds(o, "}\n");
		sink_commit(out);
	}
	free(v);
	return 0;
}

static void link_destroy(void *st)
{
	struct links *t = st;

	if (!t)
		return;
	hmap_release(&t->links);
	buf_release(&t->key);
	buf_release(&t->scratch);
	free(t);
}

const struct merge_kind merge_link = {
	"link", link_create, link_add, link_finish, link_destroy,
};
