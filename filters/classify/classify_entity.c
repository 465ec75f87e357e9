/*
 * classify_entity.c - what a ticket touches: the courses, cities, order
 * numbers ([entity:KIND] "match" notes of the rules, rules.h) its
 * customer's messages name; see classify_int.h.
 */
#include "classify_int.h"

#include <stdlib.h>
#include <string.h>

#include "jw.h"
#include "text.h"

#define ENT_NAME_MAX 200 /* bytes of a name found by a '#' pattern */
#define ENT_PER_TICKET 64

static int starts(const struct ent_pat *p, unsigned c)
{
	unsigned char f = (unsigned char)p->note->text[0];

	return f == c || (f == '#' && c >= '0' && c <= '9');
}

/*
 * The patterns by the byte they start with, so that a scan looks at a
 * byte's few candidates instead of matching every pattern everywhere.
 */
static void index_first(struct classifier *k)
{
	size_t e, n = 0;
	unsigned c;

	for (c = 0; c < 256; c++)
		for (e = 0; e < k->nent; e++)
			n += k->ent[e].note->tlen && starts(&k->ent[e], c);
	k->ent_by = xmalloc((n ? n : 1) * sizeof(*k->ent_by));
	n = 0;
	for (c = 0; c < 256; c++) {
		k->ent_off[c] = (uint32_t)n;
		for (e = 0; e < k->nent; e++)
			if (k->ent[e].note->tlen && starts(&k->ent[e], c))
				k->ent_by[n++] = (uint32_t)e;
	}
	k->ent_off[256] = (uint32_t)n;
	memset(k->ent_pair, 0, sizeof(k->ent_pair));
	for (e = 0; e < k->nent; e++) {
		const char *t = k->ent[e].note->text;
		size_t m = k->ent[e].note->tlen;
		unsigned a, b;

		for (a = 0; m && a < 256; a++) {
			if (!starts(&k->ent[e], a))
				continue;
			for (b = 0; b < 256; b++)
				if (m == 1 || (unsigned char)t[1] == b ||
				    (t[1] == '#' && b >= '0' && b <= '9'))
					k->ent_pair[(a << 8 | b) >> 6] |=
						1ull << (b & 63);
		}
	}
	k->ent_next = xmalloc((k->nent ? k->nent : 1) * sizeof(*k->ent_next));
	k->ent_cnt = xmalloc((k->nent ? k->nent : 1) * sizeof(*k->ent_cnt));
}

void classify_entity_init(struct classifier *k)
{
	const struct rules *rs = k->rs;
	size_t i, j;

	k->ent = xmalloc((rs->nnote ? rs->nnote : 1) * sizeof(*k->ent));
	k->nent = k->nent_kind = 0;
	for (i = 0; i < rs->nnote; i++) {
		const struct rule_note *n = &rs->note[i];
		const char *kind = n->section + 7;

		if (strcmp(n->key, "match") != 0)
			continue;
		for (j = 0; j < k->nent_kind; j++)
			if (!strcmp(k->ent_kind[j], kind))
				break;
		if (j == k->nent_kind) {
			if (j == RULES_MAX_SECTIONS)
				continue; /* cannot be: a kind is a section */
			k->ent_kind[k->nent_kind++] = kind;
		}
		k->ent[k->nent].note = n;
		k->ent[k->nent].kind = (unsigned)j;
		k->ent[k->nent].digits = memchr(n->text, '#', n->tlen) != NULL;
		k->nent++;
	}
	index_first(k);
}

void classify_entity_free(struct classifier *k)
{
	free(k->ent);
	free(k->ent_by);
	free(k->hits);
	free(k->ent_next);
	free(k->ent_cnt);
}

static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c >= 0x80;
}

/* Whether pattern p[0..m) ('#': a digit) is at f[i..i+m). */
static int at(const char *f, size_t i, const char *p, size_t m, int digits)
{
	size_t j;

	if (!digits)
		return !memcmp(f + i, p, m);
	for (j = 0; j < m; j++) {
		if (p[j] == '#' ? f[i + j] < '0' || f[i + j] > '9'
				: f[i + j] != p[j])
			return 0;
	}
	return 1;
}

/* Adds entity (kind, name) to t unless it has it. */
static void add(struct classifier *k, struct ctk *t, unsigned kind,
		const char *name, size_t n)
{
	const unsigned char *e =
		t->ents.len ? (const unsigned char *)aref(k, t->ents) : NULL;
	size_t i = 0, cnt = 0, len;

	if (n > ENT_NAME_MAX)
		n = ENT_NAME_MAX;
	while (t->ents.len && i < t->ents.len) {
		len = (size_t)e[i + 1] << 8 | e[i + 2];
		if (e[i] == kind && len == n && !memcmp(e + i + 3, name, n))
			return;
		i += 3 + len;
		cnt++;
	}
	if (cnt >= ENT_PER_TICKET)
		return;
	/* the list again, one longer, at the end of the arena */
	buf_reset(&k->ents);
	if (t->ents.len)
		buf_add(&k->ents, aref(k, t->ents), t->ents.len);
	buf_addc(&k->ents, (char)kind);
	buf_addc(&k->ents, (char)(n >> 8));
	buf_addc(&k->ents, (char)(n & 0xFF));
	buf_add(&k->ents, name, n);
	t->ents.off = k->arena.len;
	t->ents.len = k->ents.len;
	buf_add(&k->arena, k->ents.p, k->ents.len);
}

/* Whether hit x lies inside a longer hit of the same kind ("Ramen" in
 * "Ramen@Home"). */
static int inside(const struct classifier *k, const struct ent_hit *h, size_t n,
		  const struct ent_hit *x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (&h[i] != x && k->ent[h[i].e].kind == k->ent[x->e].kind &&
		    h[i].a <= x->a && x->b <= h[i].b &&
		    h[i].b - h[i].a > x->b - x->a)
			return 1;
	return 0;
}

static int hit_cmp(const void *a, const void *b)
{
	const struct ent_hit *x = a, *y = b;

	if (x->e != y->e)
		return x->e < y->e ? -1 : 1;
	return x->a < y->a ? -1 : x->a > y->a;
}

/*
 * Finds every pattern in folded f[0..n) as a whole word: each pattern's
 * matches left to right, a match skipping the text it covers, the first
 * ENT_PER_TICKET in the order of the patterns, then of the text.  One pass
 * over f: at each byte only the patterns starting with it are tried.
 */
static void scan(struct classifier *k, struct ctk *t, const char *f, size_t n)
{
	const uint32_t *off = k->ent_off;
	struct ent_hit *h;
	size_t e, i, x, m, nh = 0;

	if (!k->nent)
		return;
	memset(k->ent_next, 0, k->nent * sizeof(*k->ent_next));
	memset(k->ent_cnt, 0, k->nent * sizeof(*k->ent_cnt));
	for (i = 0; i < n; i++) {
		unsigned c = (unsigned char)f[i], pr;

		/* the byte after f's last is taken as 0: a pattern of one
		 * byte has every bit of its row */
		pr = c << 8 | (i + 1 < n ? (unsigned char)f[i + 1] : 0);
		if (!(k->ent_pair[pr >> 6] >> (pr & 63) & 1))
			continue;
		for (x = off[c]; x < off[c + 1]; x++) {
			const struct ent_pat *p = &k->ent[k->ent_by[x]];
			const char *pat = p->note->text;

			e = k->ent_by[x];
			m = p->note->tlen;
			if (i < k->ent_next[e] || m > n - i ||
			    k->ent_cnt[e] >= ENT_PER_TICKET ||
			    !at(f, i, pat, m, p->digits))
				continue;
			if (word_byte((unsigned char)pat[0]) && i > 0 &&
			    word_byte((unsigned char)f[i - 1]))
				continue;
			if (word_byte((unsigned char)pat[m - 1]) && i + m < n &&
			    word_byte((unsigned char)f[i + m]))
				continue;
			if (nh == k->hitcap) {
				k->hitcap = k->hitcap ? 2 * k->hitcap : 64;
				k->hits = xrealloc(
					k->hits, k->hitcap * sizeof(*k->hits));
			}
			k->hits[nh].a = i;
			k->hits[nh].b = i + m;
			k->hits[nh++].e = (uint32_t)e;
			k->ent_next[e] = i + m;
			k->ent_cnt[e]++;
		}
	}
	h = k->hits;
	if (nh > 1) /* hits may be NULL when there are none */
		qsort(h, nh, sizeof(*h), hit_cmp);
	if (nh > ENT_PER_TICKET)
		nh = ENT_PER_TICKET;
	for (i = 0; i < nh; i++) {
		const struct ent_pat *p = &k->ent[h[i].e];

		if (inside(k, h, nh, &h[i]))
			continue;
		if (p->note->name)
			add(k, t, p->kind, p->note->name,
			    strlen(p->note->name));
		else
			add(k, t, p->kind, f + h[i].a, h[i].b - h[i].a);
	}
}

void classify_entity_take(struct classifier *k, struct ctk *t, const char *subj,
			  size_t slen, const char *text, size_t tlen)
{
	buf_reset(&k->fold);
	if (subj)
		text_fold(subj, slen, &k->fold);
	buf_addc(&k->fold, '\n');
	if (text)
		text_fold(text, tlen, &k->fold);
	scan(k, t, k->fold.p, k->fold.len);
}

void classify_entity_write(struct classifier *k, const struct ctk *t,
			   struct buf *b)
{
	const unsigned char *e =
		t->ents.len ? (const unsigned char *)aref(k, t->ents) : NULL;
	size_t kind, i, len;
	int any_kind = 0, first;

	buf_adds(b, ",\"entities\":{");
	for (kind = 0; kind < k->nent_kind; kind++) {
		first = 1;
		for (i = 0; t->ents.len && i < t->ents.len; i += 3 + len) {
			len = (size_t)e[i + 1] << 8 | e[i + 2];
			if (e[i] != kind)
				continue;
			if (first) {
				if (any_kind)
					buf_addc(b, ',');
				jw_cstr(b, k->ent_kind[kind]);
				buf_adds(b, ":[");
			} else {
				buf_addc(b, ',');
			}
			jw_str(b, (const char *)e + i + 3, len);
			first = 0;
			any_kind = 1;
		}
		if (!first)
			buf_addc(b, ']');
	}
	buf_addc(b, '}');
}
