/* group.c - following input grouped by a key; see group.h. */
#include "group.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "hmap.h"

static void set_insert(struct group *g, uint64_t h);

static void set_grow(struct group *g)
{
	uint64_t *old = g->done;
	size_t oldn = g->nslots, i;

	g->nslots = oldn ? oldn * 2 : 1024;
	g->done = xcalloc(g->nslots, sizeof *g->done);
	g->ndone = 0;
	for (i = 0; i < oldn; i++)
		if (old[i])
			set_insert(g, old[i]);
	free(old);
}

static void set_insert(struct group *g, uint64_t h)
{
	size_t j, mask;

	if ((g->ndone + 1) * 4 > g->nslots * 3)
		set_grow(g);
	mask = g->nslots - 1;
	for (j = (size_t)(h >> 7) & mask; g->done[j]; j = (j + 1) & mask)
		if (g->done[j] == h)
			return;
	g->done[j] = h;
	g->ndone++;
}

static int set_has(const struct group *g, uint64_t h)
{
	size_t j, mask;

	if (!g->nslots)
		return 0;
	mask = g->nslots - 1;
	for (j = (size_t)(h >> 7) & mask; g->done[j]; j = (j + 1) & mask)
		if (g->done[j] == h)
			return 1;
	return 0;
}

enum group_step group_next(struct group *g, const char *key, size_t n)
{
	uint64_t h;

	if (g->have && g->cur.len == n && memcmp(g->cur.p, key, n) == 0)
		return GROUP_SAME;
	h = hmap_hash(key, n);
	if (!h)
		h = 1;
	if (set_has(g, h))
		return GROUP_ENDED;
	if (g->have)
		set_insert(g, g->curhash);
	buf_reset(&g->cur);
	buf_add(&g->cur, key, n);
	g->curhash = h;
	g->have = 1;
	return GROUP_NEW;
}

void group_release(struct group *g)
{
	buf_release(&g->cur);
	free(g->done);
	memset(g, 0, sizeof *g);
}
