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

struct hit {
	size_t a, b; /* f[a..b) */
	const struct ent_pat *p;
};

/* Whether hit x lies inside a longer hit of the same kind ("Ramen" in
 * "Ramen@Home"). */
static int inside(const struct hit *h, size_t n, const struct hit *x)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (&h[i] != x && h[i].p->kind == x->p->kind &&
		    h[i].a <= x->a && x->b <= h[i].b &&
		    h[i].b - h[i].a > x->b - x->a)
			return 1;
	return 0;
}

/* Finds every pattern in folded f[0..n) as a whole word. */
static void scan(struct classifier *k, struct ctk *t, const char *f, size_t n)
{
	struct hit h[ENT_PER_TICKET];
	size_t e, i, nh = 0;

	for (e = 0; e < k->nent && nh < ENT_PER_TICKET; e++) {
		const struct ent_pat *p = &k->ent[e];
		const char *pat = p->note->text;
		size_t m = p->note->tlen;

		if (!m || m > n)
			continue;
		for (i = 0; i + m <= n && nh < ENT_PER_TICKET; i++) {
			if ((pat[0] != '#' && f[i] != pat[0]) ||
			    !at(f, i, pat, m, p->digits))
				continue;
			if (word_byte((unsigned char)pat[0]) && i > 0 &&
			    word_byte((unsigned char)f[i - 1]))
				continue;
			if (word_byte((unsigned char)pat[m - 1]) && i + m < n &&
			    word_byte((unsigned char)f[i + m]))
				continue;
			h[nh].a = i;
			h[nh].b = i + m;
			h[nh++].p = p;
			i += m - 1;
		}
	}
	for (i = 0; i < nh; i++) {
		if (inside(h, nh, &h[i]))
			continue;
		if (h[i].p->note->name)
			add(k, t, h[i].p->kind, h[i].p->note->name,
			    strlen(h[i].p->note->name));
		else
			add(k, t, h[i].p->kind, f + h[i].a, h[i].b - h[i].a);
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
