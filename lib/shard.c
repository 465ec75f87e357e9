/* shard.c - which of N shards a key belongs to; see shard.h. */
#include "shard.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"

int shard_parse(struct shard *s, const char *arg)
{
	unsigned long i, n;
	char *end;

	if (arg[0] < '0' || arg[0] > '9')
		return -1;
	i = strtoul(arg, &end, 10);
	if (*end != '/' || end[1] < '0' || end[1] > '9')
		return -1;
	n = strtoul(end + 1, &end, 10);
	if (*end || i < 1 || n < i || n > SHARD_MAX)
		return -1;
	s->i = (unsigned)i;
	s->n = (unsigned)n;
	return 0;
}

unsigned shard_of(unsigned nshards, const void *key, size_t n)
{
	uint64_t h;

	if (n <= 8) { /* most keys: a cheaper hash, as well mixed */
		const unsigned char *k = key;
		uint64_t x = 0;
		size_t i;

		/* the bytes little-endian, as memcpy() into x on x86 (not a
		 * call: the routing hashes every line) */
		for (i = 0; i < n; i++)
			x |= (uint64_t)k[i] << (8 * i);
		h = (x ^ n) * 0x9e3779b97f4a7c15ULL;
		h ^= h >> 29;
		h *= 0xbf58476d1ce4e5b9ULL;
		h ^= h >> 32;
	} else {
		h = hmap_hash(key, n);
	}
	if (!(nshards & (nshards - 1))) /* 2, 4, 8: no division */
		return (unsigned)(h & (nshards - 1));
	return (unsigned)(h % nshards);
}

int shard_mine(const struct shard *s, const void *key, size_t n)
{
	return s->n == 0 || shard_of(s->n, key, n) == s->i - 1;
}
