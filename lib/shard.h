/*
 * shard.h - which of N shards a key belongs to.
 *
 * A program whose work splits by a key (a user, a lead) runs as N
 * processes with --shard I/N over the same input; each keeps the records
 * whose key falls in its shard, and pulse-merge adds up their outputs.
 * The shard of a key is the same in every program and on every machine:
 * it depends on the key's bytes only (the raw JSON of the key, so 7 and
 * "7" are different keys).
 */
#ifndef PULSE_SHARD_H
#define PULSE_SHARD_H

#include <stddef.h>

struct shard {
	unsigned i, n; /* shard i of n (1 <= i <= n); n 0: every key */
};

#define SHARD_MAX 65536

/*
 * Reads "I/N" (1 <= I <= N <= SHARD_MAX) into s.  @return 0, or -1 when
 * arg is not that.
 */
int shard_parse(struct shard *s, const char *arg);

/* The shard (0 .. nshards - 1, nshards > 0) key[0..n) belongs to. */
unsigned shard_of(unsigned nshards, const void *key, size_t n);

/* Whether key[0..n) belongs to s (always when s->n is 0). */
int shard_mine(const struct shard *s, const void *key, size_t n);

#endif
