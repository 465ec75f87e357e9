/* utm_fill.c - one record: given, url, map or none; see utm.h. */
#include "utm.h"

#include <stdio.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

/* A value: bytes that live until the record is written; n 0 is none. */
struct val {
	const char *p;
	size_t n;
};

/* s[0..*n) without ASCII whitespace and no-break spaces at either end. */
static const char *trim(const char *s, size_t *n)
{
	size_t m;

	for (;;) {
		m = *n;
		s = text_trim(s, &m);
		if (m >= 2 && (unsigned char)s[0] == 0xc2 &&
		    (unsigned char)s[1] == 0xa0) {
			s += 2;
			m -= 2;
		} else if (m >= 2 && (unsigned char)s[m - 2] == 0xc2 &&
			   (unsigned char)s[m - 1] == 0xa0) {
			m -= 2;
		} else {
			*n = m;
			return s;
		}
		*n = m;
	}
}

static int kind_is(struct json_span v, const char *s, size_t n)
{
	return v.type == JSON_STRING && v.n == n + 2 &&
	       memcmp(v.p + 1, s, n) == 0;
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

void utm_pct_decode(const char *s, size_t n, struct buf *out)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int hi, lo;

		if (s[i] == '+') {
			buf_addc(out, ' ');
		} else if (s[i] == '%' && i + 2 < n &&
			   (hi = hexval(s[i + 1])) >= 0 &&
			   (lo = hexval(s[i + 2])) >= 0) {
			buf_addc(out, (char)(hi << 4 | lo));
			i += 2;
		} else {
			buf_addc(out, s[i]);
		}
	}
}

/* Sets v[f] from a query parameter value, when it is not empty. */
static void take_param(struct utm *u, int f, const char *s, size_t n,
		       struct val *v)
{
	struct buf *b = &u->fill[f];
	const char *p;
	size_t len;

	buf_reset(b);
	buf_reset(&u->scratch);
	utm_pct_decode(s, n, &u->scratch);
	p = u->scratch.p ? u->scratch.p : "";
	len = u->scratch.len;
	p = trim(p, &len);
	if (!len)
		return;
	/* old forms and counters may encode Windows-1251 */
	if (utf8_valid(p, len) == len)
		buf_add(b, p, len);
	else
		utf8_from_cp1251(p, len, b);
	v[f].p = b->p;
	v[f].n = b->len;
}

static int query_end(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' ||
	       c == '\'' || c == '<' || c == '>' || c == '#';
}

/* Fills the empty utm_* values from the query strings of the URLs in s. */
static void scan_urls(struct utm *u, const char *s, size_t n, struct val *v)
{
	const char *p = s, *end = s + n, *q, *e, *a, *b, *eq;

	while (p < end && (q = memchr(p, '?', (size_t)(end - p))) != NULL) {
		for (e = ++q; e < end && !query_end(*e); e++)
			;
		for (a = q; a < e; a = b + 1) {
			size_t i, kn;
			int f;

			for (b = a; b < e && *b != '&' && *b != ';'; b++)
				;
			if (b - a > 4 && memcmp(a, "amp;", 4) == 0)
				a += 4; /* &amp; in HTML */
			eq = memchr(a, '=', (size_t)(b - a));
			if (!eq)
				continue;
			buf_reset(&u->fold);
			utm_pct_decode(a, (size_t)(eq - a), &u->fold);
			kn = u->fold.len;
			if (kn < 8 || kn > 12)
				continue;
			for (i = 0; i < kn; i++)
				if (u->fold.p[i] >= 'A' && u->fold.p[i] <= 'Z')
					u->fold.p[i] += 'a' - 'A';
			for (f = 0; f < U_NUTM; f++)
				if (strlen(utm_field_name(f)) == kn &&
				    memcmp(utm_field_name(f), u->fold.p, kn) ==
					    0)
					break;
			if (f < U_NUTM && !v[f].n)
				take_param(u, f, eq + 1, (size_t)(b - eq - 1),
					   v);
		}
		p = e;
	}
}

/*
 * Fills the empty values from the first --map row whose key matches
 * (only ad_group when only_adgroup).
 */
static void map_fill(struct utm *u, const struct rec *r, struct val *v,
		     int only_adgroup)
{
	size_t i;
	int f;

	for (i = 0; i < u->nmaps; i++) {
		const struct utm_map *m = &u->maps[i];
		const struct utm_cell *cells;
		const uint32_t *row;
		const char *p;
		size_t n;

		if (only_adgroup && (!m->has[U_ADGROUP] || v[U_ADGROUP].n))
			continue;
		if (m->keyidx >= 0) {
			p = v[m->keyidx].p;
			n = v[m->keyidx].n;
		} else {
			struct json_span k = rec_get(r, m->keyfield);

			if (k.type == JSON_NUMBER) {
				p = k.p;
				n = k.n;
			} else if (rec_str(r, m->keyfield, &u->scratch, &p,
					   &n) != 1) {
				continue;
			}
			p = trim(p, &n);
		}
		if (!n || !(row = hmap_get(&m->rows, p, n)))
			continue;
		cells = m->cells + (size_t)*row * U_NFIELDS;
		for (f = 0; f < U_NFIELDS; f++) {
			if (!cells[f].len || v[f].n)
				continue;
			if (only_adgroup && f != U_ADGROUP)
				continue;
			v[f].p = m->vals.p + cells[f].off;
			v[f].n = cells[f].len;
		}
	}
}

/* Replaces v[f] by its canonical form when the alias table has one. */
static void alias(struct utm *u, int f, struct val *v)
{
	const struct utm_cell *c;
	char fb[2] = {(char)f, (char)U_NFIELDS};
	int i;

	for (i = 0; i < 2; i++) {
		buf_reset(&u->fold);
		buf_addc(&u->fold, fb[i]);
		text_fold(v->p, v->n, &u->fold);
		c = hmap_get(&u->alias, u->fold.p, u->fold.len);
		if (c) {
			v->p = u->alias_vals.p + c->off;
			v->n = c->len;
			return;
		}
	}
}

/* The members utm_record() looks at, found in one pass over the record. */
struct members {
	struct json_span kind, origin, f[U_NFIELDS];
};

static int key_eq(const struct json_span *k, const char *s, size_t n)
{
	if (!(k->flags & JSON_F_ESC))
		return k->n == n + 2 && memcmp(k->p + 1, s, n) == 0;
	return json_str_eq(*k, s, n);
}

/* Like rec_get() for each (the last of a duplicated key wins). */
static void find_members(const struct rec *r, struct members *m)
{
	static const struct {
		const char *s;
		size_t n;
	} names[U_NFIELDS] = {
		{"utm_source", 10},  {"utm_medium", 10}, {"utm_campaign", 12},
		{"utm_content", 11}, {"utm_term", 8},	 {"ad_group", 8},
	};
	size_t i;
	int f;

	memset(m, 0, sizeof *m);
	for (i = 0; i < r->nf; i++) {
		const struct json_span *k = &r->f[i].key;
		size_t n = k->n - 2;

		if (!(k->flags & JSON_F_ESC) &&
		    (n < 4 || n > 12 ||
		     (k->p[1] != 'k' && k->p[1] != 'u' && k->p[1] != 'a')))
			continue;
		if (key_eq(k, "kind", 4)) {
			m->kind = r->f[i].val;
			continue;
		}
		if (key_eq(k, "utm_origin", 10)) {
			m->origin = r->f[i].val;
			continue;
		}
		for (f = 0; f < U_NFIELDS; f++)
			if (key_eq(k, names[f].s, names[f].n)) {
				m->f[f] = r->f[i].val;
				break;
			}
	}
}

/*
 * The kind member, as rec_get() finds it (the last of a duplicated key):
 * a record that is neither a lead nor a deal needs nothing else looked at.
 */
static struct json_span find_kind(const struct rec *r)
{
	static const struct json_span none = {NULL, 0, JSON_NONE, 0};
	size_t i = r->nf;

	while (i-- > 0) {
		const struct json_span *k = &r->f[i].key;

		if (k->n == 6 && memcmp(k->p, "\"kind\"", 6) == 0)
			return r->f[i].val;
		if ((k->flags & JSON_F_ESC) && json_str_eq(*k, "kind", 4))
			return r->f[i].val;
	}
	return none;
}

/* The utm_origin the record already has, or -1. */
static int had_origin(struct json_span s)
{
	int o;

	for (o = 0; o < O_NORIGINS; o++)
		if (kind_is(s, utm_origin_name(o), strlen(utm_origin_name(o))))
			return o;
	return -1;
}

/*
 * A "name" record of a source (pulse-extract bitrix --names): its name
 * into u->srcnames, the first one a code is given.
 */
static void source_name(struct utm *u, const struct rec *r)
{
	struct json_span of = rec_get(r, "of");
	struct utm_cell *c;
	const char *p;
	size_t n;
	int isnew;

	if (!kind_is(of, "source", 6) ||
	    rec_str(r, "code", &u->scratch, &p, &n) != 1 || !n)
		return;
	c = hmap_put(&u->srcnames, p, n, &isnew);
	if (!isnew)
		return;
	c->off = c->len = 0;
	if (rec_str(r, "name", &u->scratch, &p, &n) != 1 || !n ||
	    u->srcvals.len + n > UINT32_MAX)
		return;
	p = trim(p, &n);
	c->off = (uint32_t)u->srcvals.len;
	c->len = (uint32_t)n;
	buf_add(&u->srcvals, p, n);
}

/*
 * --crm-source: the name of the record's SOURCE_ID (its "source"), else
 * the code itself, into *v; nothing when it has none.
 */
static void crm_fill(struct utm *u, const struct rec *r, struct val *v)
{
	const struct utm_cell *c;
	const char *p;
	size_t n;

	if (rec_str(r, "source", &u->crm, &p, &n) != 1)
		return;
	p = trim(p, &n);
	if (!n)
		return;
	c = hmap_get(&u->srcnames, p, n);
	if (c && c->len) {
		v->p = u->srcvals.p + c->off;
		v->n = c->len;
	} else {
		v->p = p;
		v->n = n;
	}
}

int utm_record(struct utm *u, const struct rec *r, struct buf *out, char *msg,
	       size_t msz)
{
	struct members mb;
	struct json_span *raw = mb.f;
	struct val v[U_NFIELDS], dec[U_NFIELDS];
	int f, origin, had, changed = 0, ch[U_NFIELDS];
	size_t i, n;

	mb.kind = find_kind(r);
	if (!kind_is(mb.kind, "lead", 4) && !kind_is(mb.kind, "deal", 4)) {
		if (u->crm_source && kind_is(mb.kind, "name", 4))
			source_name(u, r);
		u->other++;
		rec_emit_line(r, out);
		return 0;
	}
	find_members(r, &mb);
	for (f = 0; f < U_NFIELDS; f++) {
		v[f].p = NULL;
		v[f].n = 0;
		switch (raw[f].type) {
		case JSON_NONE:
		case JSON_NULL:
		case JSON_FALSE:
			break;
		case JSON_NUMBER:
			v[f].p = raw[f].p;
			v[f].n = raw[f].n;
			break;
		case JSON_STRING:
			json_str_view(raw[f], &u->dec[f], &v[f].p, &v[f].n);
			break;
		default:
			snprintf(msg, msz, "field '%s' is %s %s, not a string",
				 utm_field_name(f),
				 raw[f].type == JSON_ARRAY ||
						 raw[f].type == JSON_OBJECT
					 ? "an"
					 : "a",
				 json_type_name(raw[f].type));
			return -1;
		}
		dec[f] = v[f];
		if (v[f].n)
			v[f].p = trim(v[f].p, &v[f].n);
	}

	had = had_origin(mb.origin);
	if (v[U_SOURCE].n) {
		origin = had == O_URL || had == O_MAP || had == O_CRM ? had
								      : O_GIVEN;
		if (u->nmaps && !v[U_ADGROUP].n)
			map_fill(u, r, v, 1);
	} else {
		for (i = 0; i < u->nurl_fields; i++) {
			const char *p;

			if (rec_str(r, u->url_fields[i], &u->url, &p, &n) == 1)
				scan_urls(u, p, n, v);
		}
		origin = v[U_SOURCE].n ? O_URL : O_NONE;
		if (u->nmaps)
			map_fill(u, r, v, 0);
		if (origin == O_NONE && v[U_SOURCE].n)
			origin = O_MAP;
		if (origin == O_NONE && u->crm_source) {
			crm_fill(u, r, &v[U_SOURCE]);
			if (v[U_SOURCE].n)
				origin = O_CRM;
		}
	}
	u->count[mb.kind.p[1] == 'd'][origin]++;

	for (f = 0; f < U_NFIELDS; f++) {
		if (v[f].n && hmap_len(&u->alias))
			alias(u, f, &v[f]);
		if (!v[f].n) /* none: "" and null stay as they were */
			ch[f] = dec[f].n > 0;
		else
			ch[f] = raw[f].type != JSON_STRING ||
				dec[f].n != v[f].n ||
				memcmp(dec[f].p, v[f].p, v[f].n) != 0;
		changed |= ch[f];
	}

	if (!changed && had == origin) {
		rec_emit_line(r, out);
		return 0;
	}
	if (!changed) {
		/* the common case: only utm_origin to add, at the end */
		n = r->len;
		while (n > 0 && r->line[n - 1] != '}')
			n--;
		if (had < 0 && n > 1 && !r->multiline) {
			buf_grow(out, n + 32);
			buf_add(out, r->line, n - 1);
			buf_adds(out, ",\"utm_origin\":\"");
			buf_adds(out, utm_origin_name(origin));
			buf_adds(out, "\"}\n");
			return 0;
		}
	}
	rec_out_reset(&u->out);
	for (f = 0; f < U_NFIELDS; f++) {
		if (!ch[f])
			continue;
		if (v[f].n)
			rec_out_str(&u->out, utm_field_name(f), v[f].p, v[f].n);
		else
			rec_out_null(&u->out, utm_field_name(f));
	}
	rec_out_cstr(&u->out, "utm_origin", utm_origin_name(origin));
	rec_out_emit(&u->out, r, out);
	return 0;
}
