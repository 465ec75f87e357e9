/*
 * odoo_int.h - what the files of the odoo engine share (odoo.h is its
 * interface): odoo_aux.c loads the res.users and helpdesk.ticket files,
 * odoo_message.c writes the messages.
 */
#ifndef PULSE_ODOO_INT_H
#define PULSE_ODOO_INT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"
#include "hmap.h"
#include "json.h"
#include "odoo.h"
#include "rec.h"

#define TICKET_MODEL "helpdesk.ticket"

/*
 * The members a record is read for, found in one pass over it instead of
 * one rec_get() each (a message is read for eleven, a ticket for fifteen):
 * names are looked up by their length, the last of a duplicated key wins
 * as with rec_get().
 */
#define PICK_MAX 24
#define PICK_MAXLEN 24

struct picker {
	const char *const *names;
	size_t n;
	unsigned char start[PICK_MAXLEN + 2]; /* by[start[k]..start[k+1]):
						 the names of length k */
	unsigned char by[PICK_MAX];
	uint64_t w[PICK_MAX][3]; /* name by[j]'s words, as pick_words() */
};

/*
 * The bytes of a name or key p[0..n) (1 <= n <= PICK_MAXLEN) as three
 * words, read without going past them (overlapping reads for short
 * ones): equal words, equal bytes, for two of the same length.  A call
 * to memcmp() for each key of each record was a tenth of reading it.
 */
static inline void pick_words(const char *p, size_t n, uint64_t *w)
{
	uint32_t a, b;

	if (n >= 8) {
		memcpy(&w[0], p, 8);
		memcpy(&w[1], p + n - 8, 8);
		w[2] = 0;
		if (n > 16)
			memcpy(&w[2], p + 8, 8);
	} else if (n >= 4) {
		memcpy(&a, p, 4);
		memcpy(&b, p + n - 4, 4);
		w[0] = a;
		w[1] = b;
		w[2] = 0;
	} else {
		w[0] = (uint64_t)(unsigned char)p[0] |
		       (uint64_t)(unsigned char)p[n / 2] << 8 |
		       (uint64_t)(unsigned char)p[n - 1] << 16;
		w[1] = w[2] = 0;
	}
}

static inline void picker_init(struct picker *pk, const char *const *names,
			       size_t n)
{
	size_t i, k, o = 0;

	pk->names = names;
	pk->n = n;
	for (k = 0; k <= PICK_MAXLEN; k++) {
		pk->start[k] = (unsigned char)o;
		for (i = 0; i < n; i++)
			if (strlen(names[i]) == k) {
				if (k)
					pick_words(names[i], k, pk->w[o]);
				pk->by[o++] = (unsigned char)i;
			}
	}
	pk->start[PICK_MAXLEN + 1] = (unsigned char)o;
}

/* Sets out[i] to the member names[i] of r, or to a JSON_NONE span. */
static inline void pick(const struct picker *pk, const struct rec *r,
			struct json_span *out, struct buf *scratch)
{
	size_t i, j;
	uint64_t w[3];

	for (i = 0; i < pk->n; i++) {
		out[i].p = NULL;
		out[i].n = 0;
		out[i].type = JSON_NONE;
		out[i].flags = 0;
	}
	for (i = 0; i < r->nf; i++) {
		const struct json_span *k = &r->f[i].key;
		const char *kp = k->p + 1;
		size_t kn = k->n - 2;

		if (k->flags & JSON_F_ESC) {
			buf_reset(scratch);
			json_str_decode(*k, scratch);
			kp = scratch->p;
			kn = scratch->len;
		}
		if (kn > PICK_MAXLEN || kn == 0)
			continue;
		pick_words(kp, kn, w);
		for (j = pk->start[kn]; j < pk->start[kn + 1]; j++)
			if (((pk->w[j][0] ^ w[0]) | (pk->w[j][1] ^ w[1]) |
			     (pk->w[j][2] ^ w[2])) == 0) {
				out[pk->by[j]] = r->f[i].val;
				break;
			}
	}
}

/* Ticket variants seen while loading --tickets. */
struct tix_load {
	uint64_t n, enterprise, oca;
};

/* A ticket of --tickets: its members, rendered, in o->tix. */
struct tix {
	size_t off, len;     /* ",\"ticket_name\":...": after "channel" */
	size_t choff, chlen; /* the channel's JSON value; chlen 0: none */
};

/*
 * The tickets by id: open addressing, each slot an id and the index of
 * its ticket (16 bytes: the table of 250 000 tickets is 8 MB and stays in
 * the cache much more than one with the tickets in it), the tickets in
 * the order they were read (the messages of a day name tickets read close
 * together).  A general map took three or four cache misses a lookup.
 */
struct tix_slot {
	int64_t id;
	uint32_t used; /* 1 + the index in t */
};

/*
 * Ids that differ only in their last TIX_RUN bits have slots side by side
 * (the runs of ids scattered by a hash): the tickets of a day's messages
 * were opened close together, and their slots share cache lines.
 */
#define TIX_RUN 4

struct tix_map {
	struct tix_slot *slots;
	size_t nslots, n;
	struct tix *t;
	size_t cap;
};

static inline size_t tix_home(const struct tix_map *m, int64_t id)
{
	uint64_t u = (uint64_t)id;
	uint64_t run = ((u >> TIX_RUN) * 0x9E3779B97F4A7C15ull) >> 20;

	return (size_t)(run << TIX_RUN | (u & ((1u << TIX_RUN) - 1))) &
	       (m->nslots - 1);
}

/*
 * The slot where the lookup of id begins, to prefetch: a message's ticket
 * is seldom in the cache, and the work between the prefetch and tix_get()
 * hides the wait.  (A function that only prefetched would be taken for
 * one without effects, and its call dropped.)
 */
static inline const void *tix_first_slot(const struct tix_map *m, int64_t id)
{
	return m->n ? &m->slots[tix_home(m, id)] : NULL;
}

/* The ticket id, or NULL. */
static inline struct tix *tix_get(const struct tix_map *m, int64_t id)
{
	size_t j;

	if (!m->n)
		return NULL;
	for (j = tix_home(m, id); m->slots[j].used;
	     j = (j + 1) & (m->nslots - 1))
		if (m->slots[j].id == id)
			return &m->t[m->slots[j].used - 1];
	return NULL;
}

/* A sender pattern of the rules: a lower-case part of an address. */
struct sender {
	char *p;
	size_t n;
};

struct odoo {
	/* staff */
	struct hmap partners; /* int64 partner ids */
	struct hmap emails;   /* lower-case addresses */
	struct hmap domains;  /* lower-case domains */
	struct sender *senders;
	size_t nsenders;
	int64_t *note_subtypes;
	size_t nnote;

	/* tickets */
	int have_tickets;
	struct tix_map tickets;
	struct buf tix;
	struct tix_load tl;
	uint64_t ninternal; /* staff users of the file being loaded */

	/* what was not emitted */
	struct hmap other; /* model name -> uint64_t count */
	uint64_t nother, nnores, nunknown;
	struct hmap unknown; /* int64 ticket ids not in the tickets */

	/* scratch, reused for every message */
	struct buf sc, body, text, tmp, addr, name;
	struct buf shv; /* a value shown in a message */
	struct picker tpick, mpick;
};

/* ---- odoo_aux.c ---------------------------------------------------------- */

/*
 * A many2one value: [id, "name"], or Odoo's false (or null, or absent).
 * @return 1 with *id and *name set (name may be JSON_FALSE/NONE), 0 when
 * empty, -1 when it is something else.
 */
int odoo_m2o(struct json_span v, int64_t *id, struct json_span *name);

/* A string or Odoo's false.  @return 1 for a string, 0 empty, -1 else. */
int odoo_opt_str(struct json_span v);

void odoo_lower_ascii(char *p, size_t n);

/* Adds s[0..n), lower-cased, to the set m. */
void odoo_set_add_lower(struct hmap *m, const char *s, size_t n);

/* The fields of a ticket the picker reads (odoo_new() sets it up). */
extern const char *const odoo_ticket_fields[];
extern const size_t odoo_nticket_fields;

#endif
