/* idmap.c - dense numbers for keys; see idmap.h. */
#include "idmap.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

void idmap_init(struct idmap *m)
{
	memset(m, 0, sizeof *m);
	hmap_init(&m->other, sizeof(uint32_t));
	m->max = IDMAP_MAX;
}

void idmap_init_vals(struct idmap *m, size_t vsize)
{
	idmap_init(m);
	m->vsize = vsize;
}

void idmap_release(struct idmap *m)
{
	free(m->vals);
	free(m->slots);
	free(m->uslots);
	hmap_release(&m->other);
	idmap_init(m);
}

/* The key as an integer: 1 to 19 digits, no leading zero. */
int idmap_int_key(const char *p, size_t n, uint64_t *v)
{
	uint64_t x = 0;
	size_t i;

	if (n == 0 || n > 19 || (p[0] == '0' && n > 1))
		return 0;
	for (i = 0; i < n; i++) {
		unsigned d = (unsigned char)p[i] - '0';

		if (d > 9)
			return 0;
		x = x * 10 + d;
	}
	*v = x;
	return 1;
}

static inline size_t slot_of(uint64_t k, size_t mask)
{
	return (size_t)((k * 0x9e3779b97f4a7c15ULL) >> 32) & mask;
}

static void grow(struct idmap *m)
{
	size_t nn = m->nslots ? 2 * m->nslots : 1024, i, j, mask = nn - 1;
	struct idslot *s = xcalloc(nn, sizeof *s);

	xadvise_huge(s, nn * sizeof *s);

	for (i = 0; i < m->nslots; i++) {
		const struct idslot *o = &m->slots[i];

		if (!o->id1)
			continue;
		j = slot_of((uint64_t)o->hi << 32 | o->lo, mask);
		while (s[j].id1)
			j = (j + 1) & mask;
		s[j] = *o;
	}
	free(m->slots);
	m->slots = s;
	m->nslots = nn;
}

/* A new number, its value (if any) zeroed; the map has room for it. */
static uint32_t next_id(struct idmap *m)
{
	if (m->vsize) {
		if (m->n == m->vcap) {
			m->vcap = m->vcap ? 2 * m->vcap : 1024;
			m->vals = xrealloc(m->vals, m->vcap * m->vsize);
			xadvise_huge(m->vals, m->vcap * m->vsize);
		}
		memset(m->vals + m->n * m->vsize, 0, m->vsize);
	}
	return (uint32_t)m->n++;
}

void idmap_prefetch(const struct idmap *m, uint64_t k)
{
	if (m->nslots)
		__builtin_prefetch(&m->slots[slot_of(k, m->nslots - 1)]);
}

/* A lowercase hex digit's value + 1, 0 for any other byte. */
static const unsigned char lhex1[256] = {
	['0'] = 1,  ['1'] = 2,	['2'] = 3,  ['3'] = 4,	['4'] = 5,  ['5'] = 6,
	['6'] = 7,  ['7'] = 8,	['8'] = 9,  ['9'] = 10, ['a'] = 11, ['b'] = 12,
	['c'] = 13, ['d'] = 14, ['e'] = 15, ['f'] = 16,
};

/*
 * The raw JSON text "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" (lowercase hex
 * only: "A" and "a" are other strings, the uppercase form goes through the
 * hmap) as its 128 bits.
 */
static int uuid_key(const char *p, size_t n, uint64_t *a, uint64_t *b)
{
	/* the hex digits' places in the text, quote included */
	static const unsigned char at[32] = {
		1,  2,	3,  4,	5,  6,	7,  8,	10, 11, 12, 13, 15, 16, 17, 18,
		20, 21, 22, 23, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36,
	};
	const unsigned char *u = (const unsigned char *)p;
	uint64_t x = 0, y = 0;
	unsigned ok = 1, i, h;

	if (n != 38 || u[0] != '"' || u[37] != '"' || u[9] != '-' ||
	    u[14] != '-' || u[19] != '-' || u[24] != '-')
		return 0;
	for (i = 0; i < 16; i++) {
		h = lhex1[u[at[i]]];
		ok &= h != 0;
		x = x << 4 | ((h - 1) & 15);
		h = lhex1[u[at[i + 16]]];
		ok &= h != 0;
		y = y << 4 | ((h - 1) & 15);
	}
	*a = x;
	*b = y;
	return (int)ok;
}

int idmap_slot_key(const char *key, size_t n, struct idmap_key *k)
{
	k->uuid = 0;
	k->b = 0;
	if (idmap_int_key(key, n, &k->a))
		return 1;
	if (uuid_key(key, n, &k->a, &k->b)) {
		k->uuid = 1;
		return 1;
	}
	return 0;
}

static inline size_t uslot_of(uint64_t a, uint64_t b, size_t mask)
{
	return (size_t)(((a ^ b * 0xbf58476d1ce4e5b9ULL) *
			 0x9e3779b97f4a7c15ULL) >>
			32) &
	       mask;
}

static void ugrow(struct idmap *m)
{
	size_t nn = m->nuslots ? 2 * m->nuslots : 1024, i, j, mask = nn - 1;
	struct iduslot *s = xcalloc(nn, sizeof *s);

	xadvise_huge(s, nn * sizeof *s);

	for (i = 0; i < m->nuslots; i++) {
		const struct iduslot *o = &m->uslots[i];

		if (!o->id1)
			continue;
		j = uslot_of((uint64_t)o->k[0] << 32 | o->k[1],
			     (uint64_t)o->k[2] << 32 | o->k[3], mask);
		while (s[j].id1)
			j = (j + 1) & mask;
		s[j] = *o;
	}
	free(m->uslots);
	m->uslots = s;
	m->nuslots = nn;
}

static uint32_t put_uuid(struct idmap *m, uint64_t a, uint64_t b, int *isnew)
{
	uint32_t k[4] = {(uint32_t)(a >> 32), (uint32_t)a, (uint32_t)(b >> 32),
			 (uint32_t)b};
	size_t j, mask;

	if ((m->nuuid + 1) * 4 > m->nuslots * 3)
		ugrow(m);
	mask = m->nuslots - 1;
	for (j = uslot_of(a, b, mask);; j = (j + 1) & mask) {
		struct iduslot *s = &m->uslots[j];

		if (!s->id1) {
			if (m->n >= m->max) {
				if (isnew)
					*isnew = 0;
				return IDMAP_FULL;
			}
			memcpy(s->k, k, sizeof k);
			s->id1 = next_id(m) + 1;
			m->nuuid++;
			if (isnew)
				*isnew = 1;
			return s->id1 - 1;
		}
		if (((s->k[0] ^ k[0]) | (s->k[1] ^ k[1]) | (s->k[2] ^ k[2]) |
		     (s->k[3] ^ k[3])) == 0) {
			if (isnew)
				*isnew = 0;
			return s->id1 - 1;
		}
	}
}

void idmap_prefetch_key(const struct idmap *m, const struct idmap_key *k)
{
	if (!k->uuid)
		idmap_prefetch(m, k->a);
	else if (m->nuslots)
		__builtin_prefetch(
			&m->uslots[uslot_of(k->a, k->b, m->nuslots - 1)]);
}

uint32_t idmap_put_key(struct idmap *m, const struct idmap_key *k, int *isnew)
{
	return k->uuid ? put_uuid(m, k->a, k->b, isnew)
		       : idmap_put_int(m, k->a, isnew);
}

uint32_t idmap_put(struct idmap *m, const char *key, size_t n, int *isnew)
{
	struct idmap_key sk;
	uint32_t *v;
	int fresh;

	if (idmap_slot_key(key, n, &sk))
		return idmap_put_key(m, &sk, isnew);
	if (m->n >= m->max) {
		if (isnew)
			*isnew = 0;
		v = hmap_get(&m->other, key, n);
		return v ? *v : IDMAP_FULL;
	}
	v = hmap_put(&m->other, key, n, &fresh);
	if (fresh)
		*v = next_id(m);
	if (isnew)
		*isnew = fresh;
	return *v;
}

uint32_t idmap_put_int(struct idmap *m, uint64_t k, int *isnew)
{
	size_t j, mask;
	uint32_t lo, hi;

	if ((m->nint + 1) * 4 > m->nslots * 3)
		grow(m);
	mask = m->nslots - 1;
	lo = (uint32_t)k;
	hi = (uint32_t)(k >> 32);
	for (j = slot_of(k, mask);; j = (j + 1) & mask) {
		struct idslot *s = &m->slots[j];

		if (!s->id1) {
			if (m->n >= m->max) {
				if (isnew)
					*isnew = 0;
				return IDMAP_FULL;
			}
			s->lo = lo;
			s->hi = hi;
			s->id1 = next_id(m) + 1;
			m->nint++;
			if (isnew)
				*isnew = 1;
			return s->id1 - 1;
		}
		if (s->lo == lo && s->hi == hi) {
			if (isnew)
				*isnew = 0;
			return s->id1 - 1;
		}
	}
}

size_t idmap_bytes(const struct idmap *m)
{
	return m->nslots * sizeof *m->slots + m->nuslots * sizeof *m->uslots +
	       m->vcap * m->vsize;
}
