/* sankey_links.c - pulse-sankey's engine; see sankey.h. */
#include "sankey.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "group.h"
#include "hmap.h"
#include "idmap.h"
#include "jw.h"

#define MAX_NAMES SANKEY_MAX_NAMES

/*
 * A user's state, vsize bytes: n and req, then the ids of the kept
 * events, then (at ts_off, 8-aligned) their times in microseconds.
 */
struct user_head {
	uint8_t n;   /* events kept, <= steps */
	uint8_t req; /* has one of the --require events */
	uint16_t ids[];
};

/*
 * Unsorted input goes through in batches: the users' slots and states of
 * a batch are prefetched before they are used, so that the memory
 * latency of a million users' state overlaps instead of adding up.
 */
#define BATCH 32

struct pending {
	struct idmap_key user; /* the user id kept in a slot (idmap_slot_key) */
	int64_t us;
	uint32_t name, num;
};

struct sankey {
	struct sankey_opts o;
	struct pending batch[BATCH];
	unsigned nbatch;
	size_t vsize, ts_off;

	struct hmap names; /* decoded name -> uint32 id (= insertion index) */
	struct hmap_memo names_memo;
	struct jkey_memo names_dec; /* escaped names, decoded once */
	unsigned char *isreq;	    /* per name id */
	size_t isreq_cap;

	struct idmap users; /* raw user_id -> number and state (unsorted) */
	struct group grp;   /* --sorted */
	char *one;	    /* --sorted: the current user's state */

	struct hmap links; /* packed (step, from, to) -> uint64 users */
	struct buf scratch;
};

static int64_t *user_ts(const struct sankey *s, char *u)
{
	return (int64_t *)(void *)(u + s->ts_off);
}

/* The id of name, interned on first sight.  @return -1 when full. */
static long name_id(struct sankey *s, const char *name, size_t n)
{
	int isnew;
	uint32_t *v = hmap_put_memo(&s->names, &s->names_memo, name, n, &isnew);

	if (isnew) {
		size_t id = hmap_len(&s->names) - 1;

		if (id >= MAX_NAMES) {
			*v = UINT32_MAX; /* the map keeps it, never to be used
					  */
			return -1;
		}
		*v = (uint32_t)id;
		if (id >= s->isreq_cap) {
			s->isreq_cap = s->isreq_cap ? 2 * s->isreq_cap : 64;
			s->isreq = xrealloc(s->isreq, s->isreq_cap);
		}
		s->isreq[id] = 0;
	}
	return *v >= MAX_NAMES ? -1 : (long)*v;
}

struct sankey *sankey_new(const struct sankey_opts *o)
{
	struct sankey *s = xcalloc(1, sizeof *s);
	size_t i;

	s->o = *o;
	s->ts_off = (sizeof(struct user_head) + 2 * o->steps + 7) & ~(size_t)7;
	s->vsize = s->ts_off + 8 * o->steps;
	hmap_init(&s->names, sizeof(uint32_t));
	idmap_init_vals(&s->users, s->vsize);
	hmap_init(&s->links, sizeof(uint64_t));
	s->one = xcalloc(1, s->vsize);
	for (i = 0; i < o->require.n; i++) {
		long id = name_id(s, o->require.v[i], strlen(o->require.v[i]));

		if (id >= 0)
			s->isreq[id] = 1;
	}
	return s;
}

/* Puts event (id, us) among user u's first steps events. */
static void keep(struct sankey *s, char *u, unsigned id, int64_t us)
{
	struct user_head *h = (struct user_head *)(void *)u;
	int64_t *ts = user_ts(s, u);
	unsigned n = h->n, p = n, steps = s->o.steps;

	if (s->isreq[id])
		h->req = 1;
	/* after every kept event that is not later: equal times keep order */
	while (p > 0 && ts[p - 1] > us)
		p--;
	if (p >= steps)
		return;
	if (n == steps)
		n--; /* the last one falls out */
	memmove(&ts[p + 1], &ts[p], (n - p) * sizeof *ts);
	memmove(&h->ids[p + 1], &h->ids[p], (n - p) * sizeof *h->ids);
	ts[p] = us;
	h->ids[p] = (uint16_t)id;
	h->n = (uint8_t)(n + 1);
}

/* Adds user u's transitions to the link counts. */
static void count_user(struct sankey *s, const char *u)
{
	const struct user_head *h = (const struct user_head *)(const void *)u;
	unsigned i;
	uint64_t key, *v;

	if (s->o.require.n && !h->req)
		return;
	for (i = 0; i + 1 < h->n; i++) {
		key = (uint64_t)(i + 1) << 32 | (uint64_t)h->ids[i] << 16 |
		      h->ids[i + 1];
		v = hmap_put(&s->links, &key, sizeof key, NULL);
		++*v;
	}
}

/* Applies the pending events, in their order. */
static void flush_batch(struct sankey *s)
{
	unsigned i, n = s->nbatch;

	for (i = 0; i < n; i++) {
		struct pending *p = &s->batch[i];
		char *u;

		p->num = idmap_put_key(&s->users, &p->user, NULL);
		u = idmap_val(&s->users, p->num);
		__builtin_prefetch(u, 1);
		__builtin_prefetch(u + s->vsize - 1, 1);
	}
	for (i = 0; i < n; i++)
		keep(s, idmap_val(&s->users, s->batch[i].num), s->batch[i].name,
		     s->batch[i].us);
	s->nbatch = 0;
}

static int too_many_names(char *msg, size_t msz)
{
	snprintf(msg, msz, "more than %d distinct event names", MAX_NAMES);
	return -1;
}

int sankey_add(struct sankey *s, const struct rec *r, struct sink *out,
	       char *msg, size_t msz)
{
	enum group_step st;
	struct event ev;
	uint32_t num;
	struct idmap_key k;
	long id;

	(void)out;
	if (event_read(r, &ev, &s->scratch, &s->names_dec, msg, msz) < 0)
		return -1;
	if (!s->o.sorted) {
		/* the name first: a bad record must not create a user */
		id = name_id(s, ev.name, ev.nlen);
		if (id < 0)
			return too_many_names(msg, msz);
		/* a batch takes only users that are sure to get a number */
		if (idmap_slot_key(ev.user.p, ev.user.n, &k) &&
		    idmap_room(&s->users, s->nbatch + 1)) {
			struct pending *p = &s->batch[s->nbatch++];

			idmap_prefetch_key(&s->users, &k);
			p->user = k;
			p->us = ev.us;
			p->name = (uint32_t)id;
			if (s->nbatch == BATCH)
				flush_batch(s);
			return 0;
		}
		flush_batch(s); /* keep the input order */
		num = idmap_put(&s->users, ev.user.p, ev.user.n, NULL);
		if (num == IDMAP_FULL) {
			snprintf(msg, msz,
				 "more than %u users: group the input by "
				 "user_id and use --sorted",
				 (unsigned)IDMAP_MAX);
			return -1;
		}
		keep(s, idmap_val(&s->users, num), (unsigned)id, ev.us);
		return 0;
	}
	switch (st = group_next(&s->grp, ev.user.p, ev.user.n)) {
	case GROUP_ENDED:
	case GROUP_UNORDERED:
		snprintf(msg, msz,
			 "input not grouped by user_id (user %.*s %s)",
			 (int)(ev.user.n > 60 ? 60 : ev.user.n), ev.user.p,
			 group_why(st));
		return -1;
	case GROUP_NEW:
		count_user(s, s->one);
		memset(s->one, 0, s->vsize);
		break;
	case GROUP_SAME:
		break;
	}
	id = name_id(s, ev.name, ev.nlen);
	if (id < 0)
		return too_many_names(msg, msz);
	keep(s, s->one, (unsigned)id, ev.us);
	return 0;
}

/* ---- output -------------------------------------------------------------- */

struct link {
	unsigned step, from, to;
	unsigned from_rank, to_rank;
	uint64_t value;
};

struct name_ref {
	const char *key;
	size_t klen;
	unsigned id;
};

static int name_ref_cmp(const void *pa, const void *pb)
{
	const struct name_ref *x = pa, *y = pb;
	size_t n = x->klen < y->klen ? x->klen : y->klen;
	int c = n ? memcmp(x->key, y->key, n) : 0;

	return c ? c : (x->klen > y->klen) - (x->klen < y->klen);
}

/* Replaces each link's from and to by the name's bytewise rank. */
static void rank_names(const struct hmap *names, struct link *v, size_t n,
		       unsigned *rank_of)
{
	size_t i, nn = hmap_len(names);
	struct name_ref *r = xmalloc((nn ? nn : 1) * sizeof *r);

	for (i = 0; i < nn; i++) {
		r[i].key = hmap_entry_at(names, i)->key;
		r[i].klen = hmap_entry_at(names, i)->klen;
		r[i].id = (unsigned)i;
	}
	qsort(r, nn, sizeof *r, name_ref_cmp);
	for (i = 0; i < nn; i++)
		rank_of[r[i].id] = (unsigned)i;
	for (i = 0; i < n; i++) {
		v[i].from_rank = rank_of[v[i].from];
		v[i].to_rank = rank_of[v[i].to];
	}
	free(r);
}

static int link_cmp(const void *pa, const void *pb)
{
	const struct link *a = pa, *b = pb;

	if (a->step != b->step)
		return a->step < b->step ? -1 : 1;
	if (a->value != b->value)
		return a->value > b->value ? -1 : 1;
	if (a->from_rank != b->from_rank)
		return a->from_rank < b->from_rank ? -1 : 1;
	return (a->to_rank > b->to_rank) - (a->to_rank < b->to_rank);
}

static void write_name(struct buf *o, const struct hmap *names, unsigned id)
{
	const struct hmap_entry *e = hmap_entry_at(names, id);

	jw_str(o, e->key, e->klen);
}

int sankey_finish(struct sankey *s, struct sink *out, char *msg, size_t msz)
{
	size_t i, n;
	struct link *v;
	unsigned *rank;
	struct buf *o = &out->b;

	(void)msg;
	(void)msz;
	if (s->o.sorted) {
		count_user(s, s->one);
	} else {
		flush_batch(s);
		for (i = 0; i < idmap_len(&s->users); i++)
			count_user(s, idmap_val(&s->users, i));
	}
	n = hmap_len(&s->links);
	v = xmalloc((n ? n : 1) * sizeof *v);
	for (i = 0; i < n; i++) {
		uint64_t key;

		memcpy(&key, hmap_entry_at(&s->links, i)->key, sizeof key);
		v[i].step = (unsigned)(key >> 32);
		v[i].from = (unsigned)(key >> 16 & 0xffff);
		v[i].to = (unsigned)(key & 0xffff);
		v[i].value = *(uint64_t *)hmap_val_at(&s->links, i);
	}
	rank = xmalloc((hmap_len(&s->names) + 1) * sizeof *rank);
	rank_names(&s->names, v, n, rank);
	qsort(v, n, sizeof *v, link_cmp);
	free(rank);
	for (i = 0; i < n; i++) {
		buf_adds(o, "{\"kind\":\"link\",\"step\":");
		jw_i64(o, v[i].step);
		buf_adds(o, ",\"from\":");
		write_name(o, &s->names, v[i].from);
		buf_adds(o, ",\"to\":");
		write_name(o, &s->names, v[i].to);
		buf_adds(o, ",\"value\":");
		jw_i64(o, (int64_t)v[i].value);
		buf_adds(o, "}\n");
		sink_commit(out);
	}
	free(v);
	return 0;
}

void sankey_free(struct sankey *s)
{
	if (!s)
		return;
	hmap_release(&s->names);
	idmap_release(&s->users);
	hmap_release(&s->links);
	group_release(&s->grp);
	buf_release(&s->scratch);
	jkey_memo_release(&s->names_dec);
	free(s->isreq);
	free(s->one);
	free(s);
}
