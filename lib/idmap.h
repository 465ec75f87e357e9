/*
 * idmap.h - dense numbers for keys: the i-th distinct key seen gets i.
 *
 * Made for the user ids of event records, taken as their raw JSON bytes
 * (7 and "7" are two keys).  Most are plain integers: a key of up to 19
 * digits without a leading zero is kept as its value inside the slot, so
 * a lookup touches one cache line and never the key's bytes.  So is a
 * string holding a UUID in lowercase ("0f8fad5b-d9cb-469f-a165-70867728950e",
 * what PostgreSQL and most libraries write), as its 128 bits in a table
 * of its own: 20 bytes a slot instead of the hmap's entry and the key's
 * 38 bytes.  Any other key goes through an hmap.  With idmap_init_vals() the
 * map also keeps a value of vsize bytes per number, zeroed when the key is
 * first seen, in one array (idmap_val(); a pointer is valid until the next new
 * key).
 *
 * Numbers are 32-bit: a map takes IDMAP_MAX keys, and refuses a new key
 * after that (IDMAP_FULL), for the caller to report; it never ends the
 * program but through the x-allocators (err.h), out of memory.
 */
#ifndef PULSE_IDMAP_H
#define PULSE_IDMAP_H

#include <stddef.h>
#include <stdint.h>

#include "hmap.h"

struct idslot {
	uint32_t lo, hi; /* the integer key */
	uint32_t id1;	 /* its number + 1; 0: empty */
};

#define IDMAP_MAX (UINT32_MAX - 2) /* keys a map takes */
#define IDMAP_FULL UINT32_MAX	   /* the number of a key it refused */

struct iduslot {
	uint32_t k[4]; /* the UUID's 128 bits */
	uint32_t id1;  /* its number + 1; 0: empty */
};

struct idmap {
	struct idslot *slots;
	size_t nslots, nint;
	struct iduslot *uslots;
	size_t nuslots, nuuid;
	struct hmap other; /* other keys -> uint32_t number */
	size_t n;	   /* numbers given */
	char *vals;	   /* idmap_init_vals(): vsize bytes per number */
	size_t vsize, vcap;
	size_t max; /* keys it takes: IDMAP_MAX (a test may lower it) */
};

void idmap_init(struct idmap *m);
void idmap_init_vals(struct idmap *m, size_t vsize);
void idmap_release(struct idmap *m);

/*
 * The number of key (raw bytes), given when first seen: *isnew says
 * which.  Numbers are 0, 1, 2, ... in order of first sight.  @return
 * IDMAP_FULL when the key is new and the map holds max keys already (it
 * is not added; *isnew is 0).
 */
uint32_t idmap_put(struct idmap *m, const char *key, size_t n, int *isnew);

/*
 * For batches: a key as the integer the map keeps inside its slots
 * (@return 1), or 0 when it goes through the hmap.  Prefetching the slot
 * of a batch's keys before idmap_put_int() hides the memory latency of a
 * map much larger than the caches.  idmap_put_int() returns as
 * idmap_put() does (IDMAP_FULL too).
 */
int idmap_int_key(const char *key, size_t n, uint64_t *k);
void idmap_prefetch(const struct idmap *m, uint64_t k);
uint32_t idmap_put_int(struct idmap *m, uint64_t k, int *isnew);

/*
 * The same for every key kept inside a slot, an integer or a UUID: a batch
 * entry holds a struct idmap_key.  idmap_slot_key() @return 1 with *k set,
 * or 0 when the key goes through the hmap.
 */
struct idmap_key {
	uint64_t a, b; /* an integer: a; a UUID: its two halves */
	int uuid;
};
int idmap_slot_key(const char *key, size_t n, struct idmap_key *k);
void idmap_prefetch_key(const struct idmap *m, const struct idmap_key *k);
uint32_t idmap_put_key(struct idmap *m, const struct idmap_key *k, int *isnew);

/* The value of number num (idmap_init_vals()). */
static inline void *idmap_val(const struct idmap *m, size_t num)
{
	return m->vals + num * m->vsize;
}

static inline size_t idmap_len(const struct idmap *m)
{
	return m->n;
}

/* Whether k more new keys are sure to be taken (for a batch). */
static inline int idmap_room(const struct idmap *m, size_t k)
{
	return m->n + k <= m->max;
}

/* Bytes the map holds, for memory reports. */
size_t idmap_bytes(const struct idmap *m);

#endif
