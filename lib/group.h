/*
 * group.h - following input that is grouped by a key (--sorted).
 *
 * A program that reads records grouped by a key (all of a user's events
 * together, in any order of the groups) keeps one group's state at a time.
 * group_next() says, record by record, whether the key continues the
 * current group, starts a new one, or belongs to a group that has already
 * ended: the input is not grouped, and the record is a bad one.
 *
 * To know the ended groups it keeps a 64-bit hash of each finished key
 * (11 to 22 bytes per group, the table being 3/8 to 3/4 full, against a
 * whole state per key without --sorted).  Two keys with the same hash
 * would make a new group look ended: with n groups that happens with
 * probability about n^2 / 2^65 (3e-8 for a million).
 *
 * Most grouped input is also sorted: by the key's bytes (sort(1) in the C
 * locale, a Hadoop shuffle) or as integers (SQL ORDER BY), ascending or
 * descending.  While the keys come in one of these orders, a key that
 * does not follow it is the only way a group can come back, so after
 * GROUP_SET_MAX groups in order the hashes are dropped and memory stays
 * constant whatever the input's size; a key out of order after that is
 * GROUP_UNORDERED (a bad record: its group may have ended, and the hashes
 * that would tell are gone).
 */
#ifndef PULSE_GROUP_H
#define PULSE_GROUP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct group {
	struct buf cur; /* the current key */
	int have;	/* a group is open */
	uint64_t curhash;
	uint64_t *done; /* open addressing; 0 = free (hash 0 is stored as 1) */
	size_t nslots, ndone;
	unsigned orders; /* GROUP_ORD_* the keys have followed so far */
	int dropped; /* the hashes were dropped: the keys must stay in order */
	uint64_t ngroups;
};

#define GROUP_SET_MAX (1u << 19)

#define GROUP_INIT                                                             \
	{                                                                      \
		BUF_INIT, 0, 0, NULL, 0, 0, 0, 0, 0                            \
	}

enum group_step {
	GROUP_SAME = 0, /* key continues the current group */
	GROUP_NEW = 1, /* a new group starts (the current one, if any, ended) */
	GROUP_ENDED = -1,     /* key's group ended earlier: input not grouped */
	GROUP_UNORDERED = -2, /* key out of the order kept since the hashes
				 were dropped (the record is not taken) */
};

/* Where key[0..n) stands; for GROUP_NEW it becomes the current group. */
enum group_step group_next(struct group *g, const char *key, size_t n);

/* What a GROUP_ENDED or GROUP_UNORDERED key is, for a message. */
static inline const char *group_why(enum group_step st)
{
	return st == GROUP_ENDED
		       ? "seen again"
		       : "out of the order of the first 524288 groups";
}

/* The current key (valid after a GROUP_NEW or GROUP_SAME). */
static inline const char *group_key(const struct group *g, size_t *n)
{
	*n = g->cur.len;
	return g->cur.p ? g->cur.p : "";
}

void group_release(struct group *g);

#endif
