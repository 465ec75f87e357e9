/* rec.c - one NDJSON record: parse, look up, re-emit; see rec.h. */
#include "rec.h"
#include "jw.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

void rec_init(struct rec *r)
{
	struct rec z = REC_INIT;

	*r = z;
}

void rec_release(struct rec *r)
{
	free(r->f);
	buf_release(&r->scratch);
	rec_init(r);
}

static inline const char *ws(const char *p, const char *end)
{
	while (p < end && (unsigned char)*p <= ' ' &&
	       (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

static int perr(struct json_error *e, const char *base, const char *at,
		const char *msg)
{
	if (e) {
		e->off = (size_t)(at - base);
		snprintf(e->msg, sizeof e->msg, "%s", msg);
	}
	return -1;
}

/*
 * The members of the object whose '{' is at p (the first of them at
 * ws(p + 1)), indexed into r.  @return the byte after its '}', or NULL
 * with e filled in.
 */
static const char *members(struct rec *r, const char *line, const char *p,
			   const char *end, struct json_error *e)
{
	struct rec_field *f;

	p = ws(p + 1, end);
	if (p < end && *p == '}')
		return p + 1;
	for (;;) {
		if (p >= end) {
			perr(e, line, p, "unterminated object");
			return NULL;
		}
		if (r->nf == r->cap) {
			size_t old = r->cap;

			r->cap = r->cap ? r->cap * 2 : 16;
			r->f = xrealloc(r->f, r->cap * sizeof *r->f);
			/* no guesses at the keys in the new entries */
			memset(r->f + old, 0, (r->cap - old) * sizeof *r->f);
		}
		/* Straight into the index: spans copied through the stack were
		 * read back before their bytes were stored (a stall).  The
		 * entry still holds the previous record's member there: the
		 * records of a file have their keys in the same order, and its
		 * key's length is the guess at this one's. */
		f = &r->f[r->nf];
		p = json_scan_member(line, p, end, 1, f->key.n, &f->key,
				     &f->val, e);
		if (!p)
			return NULL;
		r->nf++;
		p = ws(p, end);
		if (p < end && *p == ',') {
			p = ws(p + 1, end);
			continue;
		}
		if (p < end && *p == '}')
			return p + 1;
		perr(e, line, p,
		     p < end ? "expected ',' or '}' in object"
			     : "unterminated object");
		return NULL;
	}
}

int rec_parse(struct rec *r, const char *line, size_t len, struct json_error *e)
{
	const char *p = line, *end = line + len;

	r->line = line;
	r->len = len;
	r->nf = 0;
	r->multiline = 0;
	p = ws(p, end);
	if (p >= end)
		return perr(e, line, p, "empty line, expected a JSON object");
	if (*p != '{') {
		/* Say what it is when it is valid JSON, else why it is not. */
		if (json_validate(line, len, e) == 0)
			return perr(
				e, line, p,
				*p == '['
					? "expected a JSON object, got an array"
					: "expected a JSON object, got a scalar");
		return -1;
	}
	p = members(r, line, p, end, e);
	if (!p)
		return -1;
	p = ws(p, end);
	if (p != end)
		return perr(e, line, p, "unexpected text after the object");
	return 0;
}

size_t rec_take(void *arg, const char *line, size_t avail)
{
	struct rec *r = arg;
	const char *q;

	r->nf = 0;
	r->multiline = 0;
	if (!avail || *line != '{')
		return 0;
	q = members(r, line, line, line + avail, NULL);
	if (!q)
		return 0;
	r->line = line;
	r->len = (size_t)(q - line);
	return r->len;
}

static int key_is(const struct rec_field *f, const char *key, size_t klen)
{
	const struct json_span *k = &f->key;

	/* the first byte before memcmp(): keys of one length ("kind",
	 * "type") mostly differ there, and the call is most of the cost */
	if (!(k->flags & JSON_F_ESC))
		return k->n - 2 == klen && (!klen || k->p[1] == key[0]) &&
		       memcmp(k->p + 1, key, klen) == 0;
	return json_str_eq(*k, key, klen);
}

struct json_span rec_getn(const struct rec *r, const char *key, size_t klen)
{
	struct json_span none = {NULL, 0, JSON_NONE, 0};
	size_t i = r->nf;

	while (i-- > 0)
		if (key_is(&r->f[i], key, klen))
			return r->f[i].val;
	return none;
}

struct json_span rec_get(const struct rec *r, const char *key)
{
	return rec_getn(r, key, strlen(key));
}

static unsigned keys_hash(const char *k, size_t n)
{
	return n ? ((unsigned)n * 29u + (unsigned char)k[0] * 7u +
		    (unsigned char)k[n - 1]) &
			       (REC_KEYS_SLOTS - 1)
		 : 0;
}

void rec_keys_init(struct rec_keys *ks, const char *const *names, size_t n)
{
	size_t i, j;
	unsigned h;

	if (n > REC_KEYS_MAX)
		abort(); /* a program's own list: a bug */
	memset(ks, 0, sizeof *ks);
	ks->n = n;
	for (i = 0; i < n; i++) {
		ks->name[i] = names[i];
		ks->len[i] = strlen(names[i]);
		ks->dup[i] = -1;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++) /* a name again: chained to the first */
			if (ks->len[j] == ks->len[i] &&
			    memcmp(ks->name[j], ks->name[i], ks->len[i]) == 0)
				break;
		if (j < i) {
			while (ks->dup[j] >= 0)
				j = (size_t)ks->dup[j];
			ks->dup[j] = (int)i;
			continue;
		}
		h = keys_hash(names[i], ks->len[i]);
		while (ks->slot[h])
			h = (h + 1) & (REC_KEYS_SLOTS - 1);
		ks->slot[h] = (unsigned char)(i + 1);
	}
}

static void pick_set(const struct rec_keys *ks, int i, struct json_span *out,
		     struct json_span v)
{
	for (; i >= 0; i = ks->dup[i])
		out[i] = v;
}

void rec_pick(const struct rec *r, const struct rec_keys *ks,
	      struct json_span *out)
{
	struct json_span none = {NULL, 0, JSON_NONE, 0};
	size_t i, j;

	for (i = 0; i < ks->n; i++)
		out[i] = none;
	for (i = 0; i < r->nf; i++) {
		const struct rec_field *f = &r->f[i];
		const char *k = f->key.p + 1;
		size_t n = f->key.n - 2;
		unsigned h, s;

		if (f->key.flags & JSON_F_ESC) {
			for (j = 0; j < ks->n; j++)
				if (json_str_eq(f->key, ks->name[j],
						ks->len[j]))
					out[j] = f->val;
			continue;
		}
		for (h = keys_hash(k, n); (s = ks->slot[h]) != 0;
		     h = (h + 1) & (REC_KEYS_SLOTS - 1))
			if (ks->len[s - 1] == n &&
			    memcmp(ks->name[s - 1], k, n) == 0) {
				pick_set(ks, (int)s - 1, out, f->val);
				break;
			}
	}
}

int rec_str(const struct rec *r, const char *key, struct buf *scratch,
	    const char **p, size_t *n)
{
	struct json_span v = rec_get(r, key);

	if (v.type == JSON_NONE || v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_STRING)
		return -1;
	json_str_view(v, scratch, p, n);
	return 1;
}

/* ---- output -------------------------------------------------------------- */

void rec_out_reset(struct rec_out *o)
{
	buf_reset(&o->vals);
	o->n = 0;
}

void rec_out_release(struct rec_out *o)
{
	struct rec_out z = REC_OUT_INIT;

	buf_release(&o->vals);
	free(o->items);
	*o = z;
}

static void close_open(struct rec_out *o)
{
	if (o->n)
		o->items[o->n - 1].len = o->vals.len - o->items[o->n - 1].off;
}

struct buf *rec_out_set(struct rec_out *o, const char *key)
{
	struct rec_out_item *it;
	size_t klen = strlen(key), i;

	close_open(o);
	/*
	 * Setting a key twice: the later value wins; the earlier item is
	 * marked dead with a NULL key ("" is a key like any other).
	 */
	for (i = 0; i < o->n; i++) {
		if (o->items[i].key && o->items[i].klen == klen &&
		    memcmp(o->items[i].key, key, klen) == 0) {
			o->items[i].key = NULL;
			break;
		}
	}
	if (o->n == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->items = xrealloc(o->items, o->cap * sizeof *o->items);
	}
	it = &o->items[o->n++];
	it->key = key;
	it->klen = klen;
	it->off = o->vals.len;
	it->len = 0;
	it->done = 0;
	return &o->vals;
}

void rec_out_str(struct rec_out *o, const char *key, const char *s, size_t n)
{
	jw_str(rec_out_set(o, key), s, n);
}

void rec_out_cstr(struct rec_out *o, const char *key, const char *s)
{
	jw_cstr(rec_out_set(o, key), s);
}

void rec_out_i64(struct rec_out *o, const char *key, int64_t v)
{
	jw_i64(rec_out_set(o, key), v);
}

void rec_out_null(struct rec_out *o, const char *key)
{
	jw_null(rec_out_set(o, key));
}

void rec_out_raw(struct rec_out *o, const char *key, const char *raw, size_t n)
{
	buf_add(rec_out_set(o, key), raw, n);
}

static void put_member(struct buf *dst, int *first, const char *k, size_t kn,
		       const char *v, size_t vn, int compact)
{
	if (compact) {
		if (!*first)
			buf_addc(dst, ',');
		*first = 0;
		buf_add(dst, k, kn);
		buf_addc(dst, ':');
		json_compact(dst, v, vn);
		return;
	}
	buf_grow(dst, kn + vn + 2);
	if (!*first)
		dst->p[dst->len++] = ',';
	*first = 0;
	memcpy(dst->p + dst->len, k, kn);
	dst->len += kn;
	dst->p[dst->len++] = ':';
	memcpy(dst->p + dst->len, v, vn);
	dst->len += vn;
	dst->p[dst->len] = '\0';
}

static struct rec_out_item *find_item(struct rec_out *o,
				      const struct rec_field *f)
{
	size_t i;

	for (i = 0; i < o->n; i++)
		if (o->items[i].key &&
		    key_is(f, o->items[i].key, o->items[i].klen))
			return &o->items[i];
	return NULL;
}

void rec_out_emit(struct rec_out *o, const struct rec *in, struct buf *dst)
{
	struct rec_out_item *it;
	size_t i;
	int first = 1;

	close_open(o);
	for (i = 0; i < o->n; i++)
		o->items[i].done = 0;
	buf_addc(dst, '{');
	if (in) {
		for (i = 0; i < in->nf; i++) {
			const struct rec_field *f = &in->f[i];
			it = o->n ? find_item(o, f) : NULL;
			if (!it) {
				put_member(dst, &first, f->key.p, f->key.n,
					   f->val.p, f->val.n, in->multiline);
				continue;
			}
			if (it->done)
				continue; /* a later duplicate of a set key */
			it->done = 1;
			put_member(dst, &first, f->key.p, f->key.n,
				   o->vals.p + it->off, it->len, 0);
		}
	}
	for (i = 0; i < o->n; i++) {
		it = &o->items[i];
		if (!it->key || it->done)
			continue;
		if (!first)
			buf_addc(dst, ',');
		first = 0;
		jw_str(dst, it->key, it->klen);
		buf_addc(dst, ':');
		buf_add(dst, o->vals.p + it->off, it->len);
	}
	buf_add(dst, "}\n", 2);
}

void rec_emit_line(const struct rec *r, struct buf *dst)
{
	if (r->multiline)
		json_compact(dst, r->line, r->len);
	else
		buf_add(dst, r->line, r->len);
	buf_addc(dst, '\n');
}
