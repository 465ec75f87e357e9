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

uint32_t idmap_put(struct idmap *m, const char *key, size_t n, int *isnew)
{
	uint64_t k;
	uint32_t *v;
	int fresh;

	if (idmap_int_key(key, n, &k))
		return idmap_put_int(m, k, isnew);
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
	return m->nslots * sizeof *m->slots + m->vcap * m->vsize;
}
