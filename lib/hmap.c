/* hmap.c - open-addressing hash map with keys in an arena; see hmap.h. */
#include "hmap.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

/* What hmap_put() and hmap_get() point to in a set (vsize 0). */
static char novalue;

struct hmap_arena {
	struct hmap_arena *prev;
	size_t used, cap;
	char data[];
};

void hmap_init(struct hmap *m, size_t vsize)
{
	memset(m, 0, sizeof *m);
	m->vsize = vsize;
}

void hmap_release(struct hmap *m)
{
	struct hmap_arena *a = m->arena, *p;

	while (a) {
		p = a->prev;
		free(a);
		a = p;
	}
	free(m->slots);
	free(m->e);
	free(m->vals);
	hmap_init(m, m->vsize);
}

static inline uint64_t mix(uint64_t a, uint64_t b)
{
	__uint128_t r = (__uint128_t)a * b;

	return (uint64_t)r ^ (uint64_t)(r >> 64);
}

static inline uint64_t rd64(const unsigned char *p)
{
	uint64_t v;

	memcpy(&v, p, 8);
	return v;
}

uint64_t hmap_hash(const void *key, size_t n)
{
	const unsigned char *p = key;
	uint64_t h = 0x243f6a8885a308d3ULL ^ n;
	const uint64_t k1 = 0xa0761d6478bd642fULL, k2 = 0xe7037ed1a0b428dbULL;

	while (n >= 16) {
		h = mix(rd64(p) ^ k1, rd64(p + 8) ^ h);
		p += 16;
		n -= 16;
	}
	if (n >= 8) {
		h = mix(rd64(p) ^ k1, h ^ k2);
		p += 8;
		n -= 8;
	}
	if (n > 0) {
		uint64_t t = 0;
		memcpy(&t, p, n);
		h = mix(t ^ k2, h ^ k1);
	}
	return mix(h, k2 ^ 0x8ebc6af09c88c6e3ULL);
}

static char *arena_copy(struct hmap *m, const void *key, size_t n)
{
	struct hmap_arena *a = m->arena;
	char *p;

	if (!a || a->cap - a->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		a = xmalloc(sizeof *a + cap);
		a->prev = m->arena;
		a->used = 0;
		a->cap = cap;
		m->arena = a;
	}
	p = a->data + a->used;
	if (n)
		memcpy(p, key, n);
	a->used += n;
	return p;
}

static void rehash(struct hmap *m, size_t nslots)
{
	size_t i, j, mask = nslots - 1;

	free(m->slots);
	m->slots = xcalloc(nslots, sizeof *m->slots);
	xadvise_huge(m->slots, nslots * sizeof *m->slots);
	m->nslots = nslots;
	for (i = 0; i < m->n; i++) {
		j = m->e[i].hash & mask;
		while (m->slots[j])
			j = (j + 1) & mask;
		m->slots[j] = i + 1;
	}
}

/*
 * n * size, or SIZE_MAX when that does not fit in a size_t: xrealloc()
 * then fails as it does when memory runs out.
 */
static size_t array_size(size_t n, size_t size)
{
	size_t r;

	return __builtin_mul_overflow(n, size, &r) ? SIZE_MAX : r;
}

static size_t find(const struct hmap *m, const void *key, size_t klen,
		   uint64_t h, int *found)
{
	size_t mask = m->nslots - 1, j = h & mask, s;

	while ((s = m->slots[j]) != 0) {
		const struct hmap_entry *e = &m->e[s - 1];
		if (e->hash == h && e->klen == klen &&
		    memcmp(e->key, key, klen) == 0) {
			*found = 1;
			return j;
		}
		j = (j + 1) & mask;
	}
	*found = 0;
	return j;
}

/* The entry index of a key that is in the map. */
static size_t find_index(const struct hmap *m, const void *key, size_t klen)
{
	int found;
	size_t j = find(m, key, klen, hmap_hash(key, klen), &found);

	return m->slots[j] - 1;
}

void *hmap_get(const struct hmap *m, const void *key, size_t klen)
{
	int found;
	size_t j;

	if (!m->n)
		return NULL;
	j = find(m, key, klen, hmap_hash(key, klen), &found);
	if (!found)
		return NULL;
	if (!m->vsize) /* vals is NULL in a set */
		return &novalue;
	return m->vals + (m->slots[j] - 1) * m->vsize;
}

void *hmap_put(struct hmap *m, const void *key, size_t klen, int *isnew)
{
	uint64_t h = hmap_hash(key, klen);
	int found;
	size_t j, i;

	if (!m->nslots)
		rehash(m, 64);
	j = find(m, key, klen, h, &found);
	if (found) {
		if (isnew)
			*isnew = 0;
		i = m->slots[j] - 1;
		return m->vsize ? m->vals + i * m->vsize : &novalue;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 64;
		m->e = xrealloc(m->e, array_size(m->cap, sizeof *m->e));
		xadvise_huge(m->e, m->cap * sizeof *m->e);
		if (m->vsize) {
			m->vals =
				xrealloc(m->vals, array_size(m->cap, m->vsize));
			xadvise_huge(m->vals, m->cap * m->vsize);
		}
	}
	i = m->n++;
	m->e[i].key = arena_copy(m, key, klen);
	m->e[i].klen = klen;
	m->e[i].hash = h;
	m->slots[j] = i + 1;
	if (m->vsize)
		memset(m->vals + i * m->vsize, 0, m->vsize);
	if (isnew)
		*isnew = 1;
	if (m->n * 4 >= m->nslots * 3) /* load factor 3/4 */
		rehash(m, m->nslots * 2);
	return m->vsize ? m->vals + i * m->vsize : &novalue;
}

static inline size_t memo_slot(const unsigned char *k, size_t n)
{
	uint64_t a = 0, b = 0;

	if (n >= 8) {
		a = rd64(k);
		b = rd64(k + n - 8);
	} else if (n > 0) {
		memcpy(&a, k, n);
	}
	return (size_t)(((a ^ (b * 0x9e3779b97f4a7c15ULL) ^ n) *
			 0xbf58476d1ce4e5b9ULL) >>
			58);
}

void *hmap_put_memo(struct hmap *m, struct hmap_memo *memo, const void *key,
		    size_t klen, int *isnew)
{
	size_t j = memo_slot(key, klen);
	char *v;
	int fresh;

	if (memo->e[j].key && memo->e[j].klen == klen &&
	    memcmp(memo->e[j].key, key, klen) == 0) {
		if (isnew)
			*isnew = 0;
		return m->vsize ? m->vals + memo->e[j].idx * m->vsize
				: &novalue;
	}
	v = hmap_put(m, key, klen, &fresh);
	if (isnew)
		*isnew = fresh;
	{
		/* the entry is found again by its value's place */
		size_t idx = m->vsize ? (size_t)(v - m->vals) / m->vsize
				      : find_index(m, key, klen);

		memo->e[j].key = m->e[idx].key;
		memo->e[j].klen = klen;
		memo->e[j].idx = idx;
	}
	return v;
}
