/*
 * classify_int.h - what the parts of pulse-classify's engine share: the
 * state of the tickets (classify_take.c takes the records into it), the
 * verdict on one ticket (classify_verdict.c decides it, from the ticket
 * and its messages alone) and the ticket record (classify_write.c writes
 * the verdict).  Not for main.c: it sees classify.h.
 *
 * Each in/out message is matched against every rule section once, when
 * it arrives, and only the result is kept: a bit per section and the
 * first matching rule of the sections a reason may quote.  The texts are
 * never stored; the first customer message's subject, sender, name and
 * summary, and the latest one's sender, name and excerpt (excerpt.h) are
 * kept per ticket, already written as JSON, in the arena.
 */
#ifndef PULSE_CLASSIFY_INT_H
#define PULSE_CLASSIFY_INT_H

#include <stdint.h>

#include "buf.h"
#include "hmap.h"
#include "classify.h"
#include "jw.h"
#include "rules.h"

#define SUMMARY_CHARS 160
#define NONE UINT32_MAX /* no message */

enum dir { DIR_IN, DIR_OUT, DIR_NOTE, DIR_SYSTEM };

enum {
	J_NAME,
	J_REF,
	J_PNAME,
	J_PEMAIL,
	J_STAGE,
	J_PRIO,
	J_TEAM,
	J_CREATED,
	J_SLA,
	J_CHANNEL,
	NJOINED
};

/* The members a message record is read for. */
enum {
	F_KIND,
	F_TICKET,
	F_MSGID,
	F_TS,
	F_DIR,
	F_EMAIL,
	F_AUTHOR,
	F_SUBJECT,
	F_TEXT,
	F_JOINED, /* F_JOINED + J_* */
	NFIELDS = F_JOINED + NJOINED
};

/* Which first rule a message keeps, for the reasons. */
enum { WHY_SPAM, WHY_ORDER, WHY_INSOLV, NWHY };

/* Bytes in the arena; len 0 = absent. */
struct sref {
	size_t off, len;
};

struct cmsg {
	int64_t ts, id;
	uint64_t mask; /* bit i: rule section i matches */
	uint32_t next; /* the ticket's next message (input order), or NONE */
	uint32_t why[NWHY]; /* 1 + index of the first matching rule, or 0 */
	uint32_t who;	    /* out: its author in k->agents, or NONE */
	uint8_t dir;
};

struct ctk {
	int64_t id;
	int64_t min_ts; /* of every message, notes included */
	uint64_t nmsg;
	uint32_t head, tail; /* in/out messages, input order */
	int has_fin;	     /* the first `in` so far: */
	int fin_human;	     /* it is not an automatic confirmation */
	int fin_partner;
	int64_t fin_ts, fin_id;
	struct sref fin_email, fin_name, fin_subject, fin_summary; /* JSON */
	int has_lin;	 /* the latest `in` so far (human ones first): */
	int lin_human;	 /* it is not an automatic confirmation */
	int lin_partner; /* its sender is a partner */
	int64_t lin_ts, lin_id;
	struct sref lin_email, lin_name, lin_excerpt; /* JSON */
	struct sref ents; /* entities found: (kind, u16 length, name)... */
	struct sref joined[NJOINED]; /* raw JSON values */
	int64_t created;	     /* ticket_created, parsed */
	int has_created;
};

/*
 * int64 ids to uint32 values (ticket_id -> index in tk; the tickets done,
 * for --sorted): open addressing with the key and its value side by side,
 * one cache miss a lookup where a general map takes three.
 */
struct idslot {
	uint64_t key; /* EMPTY_SLOT = free */
	uint32_t val;
};

struct idtab {
	struct idslot *slots;
	size_t nslots, n;
	int has_empty_key; /* EMPTY_SLOT itself is a key: kept apart */
	uint32_t empty_val;
};

#define EMPTY_SLOT ((uint64_t)1 << 63)

struct classifier {
	struct classify_opts o;
	const struct rules *rs;
	struct rules_matcher *m;
	uint64_t b_spam, b_order, b_auto, b_insolv, b_partner, b_topics;
	int s_spam, s_order, s_insolv; /* section indices, or -1 */
	uint64_t want;
	struct buf topic_json; /* "name" strings, back to back */
	struct sref topic_ref[RULES_MAX_SECTIONS];

	struct idtab ids; /* ticket_id -> index in tk (unsorted) */
	struct ctk *tk;
	size_t ntk, tkcap;
	struct cmsg *msg;
	size_t nmsg, msgcap;
	struct buf arena; /* strings of the tickets */
	int have_last;	  /* cache of the last lookup */
	int64_t last_id;
	uint32_t last_tix;

	/* the authors of out messages (agents): name -> struct agent */
	struct hmap agents;
	struct buf agent_json; /* their names as JSON strings */
	uint64_t nwritten;     /* tickets written, for struct agent's seen */

	struct idtab done; /* --sorted */
	int in_group;

	struct buf sb, tb, eb, ab, kb, tmp, reason;
	/* classify_entity.c: the [entity:KIND] matches of the rules */
	const char *ent_kind[RULES_MAX_SECTIONS]; /* KIND of each kind */
	size_t nent_kind;
	struct ent_pat *ent;
	size_t nent;
	/* the patterns that may start at a byte: ent_by[ent_off[c] ..
	 * ent_off[c + 1]), in rule order ('#' first: at every digit) */
	uint32_t ent_off[257];
	uint32_t *ent_by;
	/* bit c0 << 8 | c1: a pattern may start with bytes c0 c1 (or is
	 * c0 alone) */
	uint64_t ent_pair[1024];
	struct ent_hit *hits; /* scratch of one scan */
	size_t hitcap;
	size_t *ent_next;      /* per pattern: where it may match next */
	unsigned *ent_cnt;     /* per pattern: its hits in this scan */
	struct buf fold, ents; /* scratch */
	struct cmsg *sorted, *merge;
	size_t sortcap;
};

/* A pattern found at f[a..b) of a scan (classify_entity.c). */
struct ent_hit {
	size_t a, b;
	uint32_t e; /* index in ent */
};

/* An entity pattern: a "match" note of kind ent_kind[kind]. */
struct ent_pat {
	const struct rule_note *note;
	unsigned kind;
	int digits; /* the pattern has '#' */
};

/*
 * classify_entity.c: the entity patterns of k's rules (classify_new);
 * adds to t->ents the entities subject and text mention (as whole words);
 * writes ,"entities":{KIND:[NAME,...],...} of t.
 */
void classify_entity_init(struct classifier *k);
void classify_entity_free(struct classifier *k);
void classify_entity_take(struct classifier *k, struct ctk *t, const char *subj,
			  size_t slen, const char *text, size_t tlen);
void classify_entity_write(struct classifier *k, const struct ctk *t,
			   struct buf *b);

/* An agent: the author of out messages, in k->agents. */
struct agent {
	struct sref json; /* in k->agent_json */
	uint64_t seen;	  /* 1 + the last ticket written naming it */
};

/* Agent who of k->agents, or NULL when who is NONE. */
static inline struct agent *classify_agent(struct classifier *k, uint32_t who)
{
	return who == NONE ? NULL
			   : (struct agent *)hmap_val_at(&k->agents, who);
}

/* The names of the joined fields, in output order (classify_write.c). */
extern const char *const classify_joined_keys[NJOINED];

static inline const char *aref(const struct classifier *k, struct sref r)
{
	return k->arena.p + r.off;
}

/* Whether a stored JSON value is absent, null or false. */
static inline int sref_empty(const struct classifier *k, struct sref r)
{
	return r.len == 0 || aref(k, r)[0] == 'n' || aref(k, r)[0] == 'f';
}

/*
 * The verdict on one ticket: what classify_decide() makes of its messages
 * and classify_write() writes.  The message pointers point into the
 * sorted messages decided on.
 */
struct classify_verdict {
	const char *category;
	const char *state;    /* "open" or "closed" */
	const char *priority; /* NULL when closed */
	int waiting;	      /* days is how long the customer waits */
	int64_t days;
	int partner;
	uint64_t topics; /* bit i: rule section i, a topic */
	size_t n_in, n_out;
	const struct cmsg *fin, *lin, *lout, *last, *fout;
	const struct cmsg *m; /* the messages decided on, n of them */
	size_t n;
	struct sref email, name, subject;
	struct buf *reason; /* k->reason: why, in words */
};

/*
 * Decides ticket t from its in/out messages m[0..n), sorted by (ts, id):
 * its category, state, priority and the reason, as the rules and the
 * options of k say.  Writes nothing; v's reason is k's buffer.
 */
void classify_decide(struct classifier *k, const struct ctk *t,
		     const struct cmsg *m, size_t n,
		     struct classify_verdict *v);

/* Appends the ticket record of t with verdict v, and a newline, to b. */
void classify_write(struct classifier *k, const struct ctk *t,
		    const struct classify_verdict *v, struct buf *b);

/* Sorts m[0..n) by (ts, id), stably; k->merge must hold n messages. */
void classify_sort(struct classifier *k, struct cmsg *m, size_t n);

#endif
