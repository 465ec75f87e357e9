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

enum {
	ORD_BYTES_UP = 1,
	ORD_BYTES_DOWN = 2,
	ORD_INT_UP = 4,
	ORD_INT_DOWN = 8,
	ORD_ALL = 15,
};

/* Whether key is a plain non-negative integer (no sign, no leading 0). */
static int is_int(const char *k, size_t n)
{
	size_t i;

	if (n == 0 || (k[0] == '0' && n > 1))
		return 0;
	for (i = 0; i < n; i++)
		if (k[i] < '0' || k[i] > '9')
			return 0;
	return 1;
}

static int bytes_cmp(const char *a, size_t an, const char *b, size_t bn)
{
	int c = memcmp(a, b, an < bn ? an : bn);

	return c ? c : (an > bn) - (an < bn);
}

/* The orders of ord that still hold when key follows the current one. */
static unsigned orders_after(const struct group *g, unsigned ord,
			     const char *key, size_t n)
{
	const char *p = g->cur.p;
	size_t pn = g->cur.len;
	int c;

	if (ord & (ORD_BYTES_UP | ORD_BYTES_DOWN)) {
		c = bytes_cmp(p, pn, key, n);
		if (c >= 0)
			ord &= ~(unsigned)ORD_BYTES_UP;
		if (c <= 0)
			ord &= ~(unsigned)ORD_BYTES_DOWN;
	}
	if (ord & (ORD_INT_UP | ORD_INT_DOWN)) {
		/* the current key is an integer: the orders say so already */
		if (!is_int(key, n)) {
			ord &= ~(unsigned)(ORD_INT_UP | ORD_INT_DOWN);
		} else {
			c = pn != n ? (pn < n ? -1 : 1) : memcmp(p, key, n);
			if (c >= 0)
				ord &= ~(unsigned)ORD_INT_UP;
			if (c <= 0)
				ord &= ~(unsigned)ORD_INT_DOWN;
		}
	}
	return ord;
}

enum group_step group_next(struct group *g, const char *key, size_t n)
{
	unsigned ord;
	uint64_t h;

	if (g->have && g->cur.len == n && memcmp(g->cur.p, key, n) == 0)
		return GROUP_SAME;
	if (g->have)
		ord = orders_after(g, g->orders, key, n);
	else /* the integer orders hold only while every key is one */
		ord = is_int(key, n) ? ORD_ALL : ORD_BYTES_UP | ORD_BYTES_DOWN;
	if (g->dropped) {
		if (!ord)
			return GROUP_UNORDERED;
	} else {
		h = hmap_hash(key, n);
		if (!h)
			h = 1;
		if (set_has(g, h))
			return GROUP_ENDED;
		if (g->have)
			set_insert(g, g->curhash);
		g->curhash = h;
		if (ord && g->ngroups >= GROUP_SET_MAX) {
			/* in order all along: the order alone tells now */
			free(g->done);
			g->done = NULL;
			g->nslots = g->ndone = 0;
			g->dropped = 1;
		}
	}
	g->orders = ord;
	g->ngroups++;
	buf_reset(&g->cur);
	buf_add(&g->cur, key, n);
	g->have = 1;
	return GROUP_NEW;
}

void group_release(struct group *g)
{
	buf_release(&g->cur);
	free(g->done);
	memset(g, 0, sizeof *g);
}
