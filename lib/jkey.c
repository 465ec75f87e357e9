/* jkey.c - canonical JSON keys and their order; see jkey.h. */
#include "jkey.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#include "jw.h"
#include "utf8.h"

/* ---- canonical form ------------------------------------------------------ */

void jkey_canon(struct json_span v, struct buf *out, struct buf *scratch)
{
	struct json_iter it;
	struct json_span k, e;
	int first = 1;

	switch (v.type) {
	case JSON_NONE:
		jw_null(out);
		return;
	case JSON_STRING:
		if (!(v.flags & JSON_F_ESC)) {
			buf_add(out, v.p, v.n);
		} else {
			buf_reset(scratch);
			json_str_decode(v, scratch);
			jw_str(out, scratch->p, scratch->len);
		}
		return;
	case JSON_ARRAY:
	case JSON_OBJECT:
		buf_addc(out, v.type == JSON_ARRAY ? '[' : '{');
		json_iter_init(&it, v);
		while (json_iter_next(&it, &k, &e)) {
			if (!first)
				buf_addc(out, ',');
			first = 0;
			if (v.type == JSON_OBJECT) {
				jkey_canon(k, out, scratch);
				buf_addc(out, ':');
			}
			jkey_canon(e, out, scratch);
		}
		buf_addc(out, v.type == JSON_ARRAY ? ']' : '}');
		return;
	default:
		buf_add(out, v.p, v.n);
		return;
	}
}

/* The memo's slot for raw string v (8 to JKEY_MEMO_MAX bytes). */
static size_t memo_slot(struct json_span v)
{
	uint64_t a = 0, z = 0;

	memcpy(&a, v.p, 8);
	memcpy(&z, v.p + v.n - 8, 8);
	return (size_t)(((a ^ z * 0x9e3779b97f4a7c15ULL ^ v.n) *
			 0xbf58476d1ce4e5b9ULL) >>
			58) &
	       (JKEY_MEMO_SLOTS - 1);
}

static int memo_hit(const struct jkey_memo *m, size_t j, struct json_span v)
{
	return m->e[j].raw && m->e[j].rn == v.n &&
	       memcmp(m->e[j].raw, v.p, v.n) == 0;
}

/* Slot j holds v and its form out[0..n) from now on. */
static void memo_store(struct jkey_memo *m, size_t j, struct json_span v,
		       const char *out, size_t n)
{
	free(m->e[j].raw);
	m->e[j].rn = v.n;
	m->e[j].cn = n;
	m->e[j].raw = xmalloc(v.n + n + 1);
	memcpy(m->e[j].raw, v.p, v.n);
	memcpy(m->e[j].raw + v.n, out, n);
	m->e[j].raw[v.n + n] = '\0';
}

static int memo_takes(struct json_span v)
{
	return v.type == JSON_STRING && (v.flags & JSON_F_ESC) &&
	       v.n <= JKEY_MEMO_MAX && v.n >= 8;
}

void jkey_canon_memo(struct jkey_memo *m, struct json_span v, struct buf *out,
		     struct buf *scratch)
{
	size_t j, start;

	if (!memo_takes(v)) {
		jkey_canon(v, out, scratch);
		return;
	}
	j = memo_slot(v);
	if (memo_hit(m, j, v)) {
		buf_add(out, m->e[j].raw + v.n, m->e[j].cn);
		return;
	}
	start = out->len;
	jkey_canon(v, out, scratch);
	memo_store(m, j, v, out->p + start, out->len - start);
}

int jkey_decode_memo(struct jkey_memo *m, struct json_span v, const char **p,
		     size_t *n)
{
	size_t j;

	if (!memo_takes(v))
		return 0;
	j = memo_slot(v);
	if (!memo_hit(m, j, v)) {
		struct buf d = BUF_INIT;

		json_str_decode(v, &d);
		memo_store(m, j, v, d.p ? d.p : "", d.len);
		buf_release(&d);
	}
	*p = m->e[j].raw + v.n;
	*n = m->e[j].cn;
	return 1;
}

void jkey_memo_release(struct jkey_memo *m)
{
	size_t j;

	for (j = 0; j < JKEY_MEMO_SLOTS; j++)
		free(m->e[j].raw);
	memset(m, 0, sizeof *m);
}

/* ---- order --------------------------------------------------------------- */

static int type_rank(int type)
{
	switch (type) {
	case JSON_NULL:
		return 0;
	case JSON_FALSE:
		return 1;
	case JSON_TRUE:
		return 2;
	case JSON_NUMBER:
		return 3;
	case JSON_STRING:
		return 4;
	case JSON_ARRAY:
		return 5;
	default:
		return 6;
	}
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return c >= 'A' && c <= 'F' ? c - 'A' + 10 : 0;
}

/*
 * The next decoded character of a JSON string at *p (before end), as
 * UTF-8 bytes in out.  @return the number of bytes, 0 at the closing quote.
 */
static int str_next(const char **p, const char *end, unsigned char out[4])
{
	const char *s = *p;
	unsigned long cp;

	if (s >= end || *s == '"')
		return 0;
	if (*s != '\\') {
		out[0] = (unsigned char)*s;
		*p = s + 1;
		return 1;
	}
	s++;
	switch (*s) {
	case 'b':
		out[0] = '\b';
		break;
	case 'f':
		out[0] = '\f';
		break;
	case 'n':
		out[0] = '\n';
		break;
	case 'r':
		out[0] = '\r';
		break;
	case 't':
		out[0] = '\t';
		break;
	case 'u':
		cp = (unsigned long)(hexval(s[1]) << 12 | hexval(s[2]) << 8 |
				     hexval(s[3]) << 4 | hexval(s[4]));
		s += 5;
		if (cp >= 0xd800 && cp < 0xdc00 && s + 6 <= end &&
		    s[0] == '\\') {
			unsigned long lo = (unsigned long)(hexval(s[2]) << 12 |
							   hexval(s[3]) << 8 |
							   hexval(s[4]) << 4 |
							   hexval(s[5]));

			cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
			s += 6;
		}
		*p = s;
		return utf8_put((char *)out, cp);
	default:
		out[0] = (unsigned char)*s;
		break;
	}
	*p = s + 1;
	return 1;
}

static int str_cmp(struct json_span a, struct json_span b)
{
	const char *pa = a.p + 1, *pb = b.p + 1;
	const char *ea = a.p + a.n, *eb = b.p + b.n;
	unsigned char ca[4], cb[4];
	int na, nb, i;

	for (;;) {
		na = str_next(&pa, ea, ca);
		nb = str_next(&pb, eb, cb);
		if (!na || !nb)
			return na - nb;
		for (i = 0; i < na && i < nb; i++)
			if (ca[i] != cb[i])
				return ca[i] < cb[i] ? -1 : 1;
		if (na != nb)
			return na < nb ? -1 : 1;
	}
}

static int val_cmp(struct json_span a, struct json_span b);

static int container_cmp(struct json_span a, struct json_span b)
{
	struct json_iter ia, ib;
	struct json_span ka, va, kb, vb;
	int ha, hb, c;

	if (a.type == JSON_OBJECT) {
		/* objects: by their bytes, enough for a stable order */
		size_t n = a.n < b.n ? a.n : b.n;

		c = memcmp(a.p, b.p, n);
		return c ? c : (a.n > b.n) - (a.n < b.n);
	}
	json_iter_init(&ia, a);
	json_iter_init(&ib, b);
	for (;;) {
		ha = json_iter_next(&ia, &ka, &va);
		hb = json_iter_next(&ib, &kb, &vb);
		if (!ha || !hb)
			return ha - hb;
		c = val_cmp(va, vb);
		if (c)
			return c;
	}
}

static int val_cmp(struct json_span a, struct json_span b)
{
	int ra = type_rank(a.type), rb = type_rank(b.type);
	double da, db;

	if (ra != rb)
		return ra < rb ? -1 : 1;
	switch (a.type) {
	case JSON_NUMBER:
		json_to_double(a, &da);
		json_to_double(b, &db);
		if (da != db)
			return da < db ? -1 : 1;
		break;
	case JSON_STRING:
		return str_cmp(a, b);
	case JSON_ARRAY:
	case JSON_OBJECT:
		return container_cmp(a, b);
	default:
		break;
	}
	/* equal values of different spelling (1 and 1.0): by bytes */
	{
		size_t n = a.n < b.n ? a.n : b.n;
		int c = memcmp(a.p, b.p, n);

		return c ? c : (a.n > b.n) - (a.n < b.n);
	}
}

int jkey_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	const char *pa = a, *pb = b, *ea = a + an, *eb = b + bn;
	struct json_span sa, sb;
	struct json_error e;
	int c;

	for (;;) {
		if (pa >= ea || pb >= eb)
			return (pa < ea) - (pb < eb);
		pa = json_scan_value(a, pa, ea, &sa, &e);
		pb = json_scan_value(b, pb, eb, &sb, &e);
		if (!pa || !pb)
			return 0; /* cannot happen: keys are canonical JSON */
		c = val_cmp(sa, sb);
		if (c)
			return c;
		if (pa < ea && *pa == ',')
			pa++;
		if (pb < eb && *pb == ',')
			pb++;
	}
}

int jkey_sort_parse(const char *s, enum jkey_sort *out)
{
	static const char *const names[] = {"first", "count", "key"};
	int i;

	for (i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*out = (enum jkey_sort)i;
			return 0;
		}
	return -1;
}

int jkey_order_by_key(const void *a, const void *b)
{
	const struct jkey_order *x = a, *y = b;
	int c = jkey_cmp(x->key, x->klen, y->key, y->klen);

	return c ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

int jkey_order_by_count(const void *a, const void *b)
{
	const struct jkey_order *x = a, *y = b;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	return jkey_order_by_key(a, b);
}
