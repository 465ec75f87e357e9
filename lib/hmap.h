/*
 * hmap.h - a hash map from byte strings to a fixed-size value.
 *
 * Keys are copied into an arena owned by the map; values are vsize bytes,
 * zeroed when the key is first seen, and live in a single array, so a
 * pointer from hmap_get() stays valid only until the next insertion.
 * Entries remember insertion order: hmap_at(m, i) for i in [0, hmap_len(m))
 * walks them in the order the keys first appeared.  Open addressing,
 * power-of-two table, 64-bit hash (wyhash-style multiply-mix).
 *
 * A map holds as many keys as memory does: it never refuses one, and the
 * only way it ends the program is the x-allocators' (err.h), out of
 * memory.
 */
#ifndef PULSE_HMAP_H
#define PULSE_HMAP_H

#include <stddef.h>
#include <stdint.h>

struct hmap_entry {
	const char *key;
	size_t klen;
	uint64_t hash;
};

struct hmap {
	size_t *slots; /* 0 = empty, else entry index + 1 */
	size_t nslots;
	struct hmap_entry *e;
	char *vals;
	size_t n, cap, vsize;
	struct hmap_arena *arena;
};

/* vsize may be 0 for a set. */
void hmap_init(struct hmap *m, size_t vsize);
void hmap_release(struct hmap *m);

uint64_t hmap_hash(const void *key, size_t n);

/*
 * The value of key, inserted (zeroed) when absent; *isnew (may be NULL)
 * tells which.  @return a pointer to the value (non-NULL even for vsize 0).
 */
void *hmap_put(struct hmap *m, const void *key, size_t klen, int *isnew);

/* The value of key, or NULL when absent. */
void *hmap_get(const struct hmap *m, const void *key, size_t klen);

static inline size_t hmap_len(const struct hmap *m)
{
	return m->n;
}

/*
 * A memo in front of a map with a few hot keys (event names, looked up
 * once per record): direct-mapped by a cheap hash of the key's length and
 * ends, it skips hmap_hash() and the probe for a key met before.  Zero it
 * to start; it stays valid while the map only grows.
 */
#define HMAP_MEMO_SLOTS 64

struct hmap_memo {
	struct {
		const char *key; /* the map's copy */
		size_t klen, idx;
	} e[HMAP_MEMO_SLOTS];
};

/* As hmap_put(), through the memo. */
void *hmap_put_memo(struct hmap *m, struct hmap_memo *memo, const void *key,
		    size_t klen, int *isnew);

/* The i-th entry in insertion order, and its value. */
static inline const struct hmap_entry *hmap_entry_at(const struct hmap *m,
						     size_t i)
{
	return &m->e[i];
}

static inline void *hmap_val_at(const struct hmap *m, size_t i)
{
	return m->vals + i * m->vsize;
}

#endif
