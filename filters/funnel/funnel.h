/*
 * funnel.h - pulse-funnel's engine, shared by main.c and funnel_*.c.
 *
 * The engine follows the contract of every stage (funnel_new(),
 * funnel_add(), funnel_finish(), funnel_free()); it never sees the command
 * line, never prints and never exits: main.c does.
 *
 * funnel_add() keeps every lead and deal (the last copy of an id wins, by
 * 'modified', so a lead counts once however often it was exported) and
 * every stage change, in memory: a lead's stage history may come before or
 * after the lead itself.  funnel_finish() then sorts each record's history
 * by time and works out the stage order of each pipeline (funnel_prep()),
 * and counts the cohort (of its shard) into a struct fsum (lib/fsum.h),
 * which writes the tables of schemas/funnel.schema.json, final or partial
 * (funnel_emit()).
 *
 * Strings are interned in the fsum's table (fn_intern()): a record holds
 * indices, FN_NONE for null.  Memory grows with the records and their stage
 * changes.
 */
#ifndef PULSE_FUNNEL_H
#define PULSE_FUNNEL_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "fsum.h"
#include "hmap.h"
#include "idmap.h"
#include "num.h"
#include "rec.h"
#include "shard.h"
#include "sink.h"
#include "strvec.h"

#define FN_NONE FSUM_NONE

enum fn_by {
	FN_BY_NONE,
	FN_BY_MANAGER,
	FN_BY_SOURCE,
	FN_BY_CAMPAIGN,
	FN_BY_ADGROUP,
	FN_BY_MONTH,
	FN_BY_QUARTER,
};

/*
 * A text that is only written out, never compared (a title, a time as the
 * export wrote it): kept in funnel.texts, not interned, as most are unique.
 * Its offset << 24 | its length; FN_NOTEXT for null.
 */
typedef uint64_t fn_text;
#define FN_NOTEXT UINT64_MAX
#define FN_TEXT_MAX ((1u << 24) - 1)

/* A lead or a deal. */
struct fn_ent {
	uint32_t status, manager, source, campaign, adgroup;
	uint32_t category, loss, currency;
	fn_text id, title, lead_id, created_txt;
	char kind;    /* 'L' lead, 'D' deal */
	char sem;     /* 'P', 'S', 'F', 0 unknown */
	char has_rec; /* the record itself was read (not only its stages) */
	char has_amount;
	int amount_scale;
	num_i128 amount;		  /* exact, scaled by 1e9 */
	int64_t created_sec, created_day; /* day: of the local date */
	int64_t modified_sec;
	size_t h0, hn; /* its stage changes: hist[h0 .. h0 + hn) */

	/* derived by funnel_prep() */
	uint32_t pipe;	/* the pipeline of its current status */
	uint32_t cur;	/* the stage of its current status, or FN_NONE */
	uint32_t group; /* the --by value (interned), or FN_NONE */
	uint32_t lead;	/* a deal's lead (index into ent), FN_NONE */
	uint32_t esrc, ecamp, eadg; /* its lead's, when linked */
	int64_t eday; /* cohort day: its lead's created day, when linked */
	int in_cohort;
	int64_t since_sec; /* entered the current stage */
	fn_text since_txt;
};

/* One stage change. */
struct fn_hist {
	uint32_t ent;
	uint32_t name;	/* the stage id (interned) */
	uint32_t cat;	/* category of the stage record, FN_NONE when none */
	uint32_t stage; /* resolved by funnel_prep() */
	fn_text ts_txt;
	char sem;
	int32_t nsec;
	int64_t sec;
	uint64_t hid; /* history_id + 1 when numeric, else 0: a tie-break */
	uint64_t seq; /* input order, the last tie-break */
};

/* A stage of a pipeline. */
struct fn_stage {
	uint32_t pipe, name;
	char sem;
	double rank_sum; /* where it first came in histories, added up */
	uint64_t rank_n;
	uint32_t pos;  /* 1-based place in its pipeline's order */
	uint32_t prev; /* the P/S stage before it, FN_NONE */
	uint32_t sidx; /* its index in funnel.sum */
};

/* A pipeline: leads, or the deals of one category. */
struct fn_pipe {
	char kind;
	uint32_t cat;
	uint32_t *order; /* stage indices */
	size_t n;
	uint32_t first; /* the first P/S stage, FN_NONE */
	uint32_t sidx;	/* its index in funnel.sum */
};

/*
 * Stage changes with an integer id wait in a batch of this many, their
 * record's slot in funnel.ids prefetched, before they are looked up: they
 * come in time order, so each lookup would otherwise wait for memory.
 */
#define FN_BATCH 32

struct fn_pending {
	struct fn_hist h;
	uint64_t id;
	char kind;
};

/* The string fields read from every record, each with its memo. */
enum fn_field {
	FN_F_STATUS,
	FN_F_MANAGER,
	FN_F_SOURCE,
	FN_F_CAMPAIGN,
	FN_F_ADGROUP,
	FN_F_CATEGORY,
	FN_F_LOSS,
	FN_F_CURRENCY,
	FN_F_STAGE,
	FN_F_STAGE_CATEGORY,
	FN_F_N,
};

/* The members funnel_add() reads (funnel.keys), FK_SOURCE --source-field. */
enum fn_key {
	FK_KIND,
	FK_ID,
	FK_TITLE,
	FK_STATUS,
	FK_SEMANTIC,
	FK_MANAGER,
	FK_SOURCE,
	FK_CAMPAIGN,
	FK_ADGROUP,
	FK_CATEGORY,
	FK_LOSS,
	FK_CURRENCY,
	FK_LEAD_ID,
	FK_CREATED,
	FK_MODIFIED,
	FK_AMOUNT,
	FK_ENTITY,
	FK_STAGE,
	FK_TS,
	FK_HISTORY_ID,
	FK_N,
};

/* What main.c makes of the options; funnel_new() copies all of it. */
struct funnel_opts {
	enum fn_by by;		     /* --by */
	int has_from, has_to;	     /* --from, --to given */
	int64_t from_day, to_day;    /* their days (days since 1970) */
	int64_t stale_days;	     /* --stale-days; -1: no stale table */
	int64_t as_of;		     /* --as-of, seconds since 1970 */
	const char *source_field;    /* --source-field; NULL: utm_source */
	const struct strvec *stages; /* --stages, in order; NULL: none */
	const struct shard *shard;   /* --shard; NULL or n 0: every cohort */
	int partial;		     /* --partial */
};

struct funnel {
	struct funnel_opts o; /* source_field, stages, shard: the copies */
	char *source_field;
	struct strvec stages;
	struct shard shard;

	struct fsum sum; /* the strings, and the tables' sums */
	/*
	 * The ids of leads [0] and deals [1] numbered (most are integers:
	 * one cache line a lookup), and each number's index into ent, or
	 * FN_NONE for an id only looked up.
	 */
	struct idmap ids[2];
	uint32_t *id_ent[2];
	size_t id_cap[2];
	struct buf texts; /* the fn_text bytes */
	struct fn_ent *ent;
	size_t nent, capent;
	struct fn_hist *hist;
	size_t nhist, caphist;
	struct hmap stagemap; /* pipe, name -> index into stage */
	struct fn_stage *stage;
	size_t nstage, capstage;
	struct hmap pipemap; /* kind, cat -> index into pipe */
	struct fn_pipe *pipe;
	size_t npipe, cappipe;
	uint64_t seq;
	uint64_t orphan_hist; /* stage changes of records not in the input */

	struct rec_keys keys;		      /* the members of enum fn_key */
	struct json_span v[FK_N];	      /* the record's, by rec_pick() */
	struct hmap_memo memo[FN_F_N];	      /* most fields take few values */
	struct hmap_memo pipememo, stagememo; /* a lookup per stage change */
	struct fn_pending pend[FN_BATCH];
	size_t npend;
	struct buf scratch, scratch2, key;
};

/* A funnel with options o (copied).  Dies only when out of memory. */
struct funnel *funnel_new(const struct funnel_opts *o);
void funnel_free(struct funnel *f);

/* Interns s[0..n).  @return its index. */
uint32_t fn_intern(struct funnel *f, const char *s, size_t n);
/* The string of an index (not FN_NONE), with *n set. */
const char *fn_str(const struct funnel *f, uint32_t i, size_t *n);
/* The bytes of a text (not FN_NOTEXT), with *n set. */
const char *fn_text_get(const struct funnel *f, fn_text t, size_t *n);
/* The id of record ent, with *n set. */
const char *fn_id(const struct funnel *f, uint32_t ent, size_t *n);
/* The record of kind k ('L', 'D') and id p[0..n) read, or FN_NONE. */
uint32_t fn_find(struct funnel *f, char k, const char *p, size_t n);

/*
 * Takes one record: lead, deal or stage (other kinds are ignored).  It
 * writes nothing to out (the tables need the whole input).  @return 0, or
 * -1 with msg (no position) when the record is bad: then it leaves no
 * trace.
 */
int funnel_add(struct funnel *f, const struct rec *r, struct sink *out,
	       char *msg, size_t msz);

/*
 * Works out the stage orders and writes every table to out (final, or the
 * partial rows pulse-merge adds up with o.partial), sink_commit() after
 * each row.  @return 0, or -1 with msg when a count or a sum of money is
 * too large for a record (nothing written).
 */
int funnel_finish(struct funnel *f, struct sink *out, char *msg, size_t msz);

/* Stage changes of leads or deals not in the input (funnel_finish()). */
uint64_t funnel_orphans(const struct funnel *f);

/* Takes the stage changes still waiting in a batch. */
void funnel_flush(struct funnel *f);

/*
 * funnel_join.c: adds src, which read the part of the input that follows
 * dst's, into dst (neither finished), as if dst had read both parts; src
 * is left to funnel_free().  @return 0, or -1 with msg (dst holds too many
 * records).
 */
int funnel_absorb(struct funnel *dst, struct funnel *src, char *msg,
		  size_t msz);

/* A record e (strings and texts dst's) added under its id, unless there
 * is one: *out its index.  @return 0, or -1 with msg (no room). */
int fn_ent_put(struct funnel *f, const struct fn_ent *e, uint32_t *out,
	       char *msg, size_t msz);
/* Appends a stage change. */
void fn_hist_push(struct funnel *f, const struct fn_hist *h);

/* funnel_prep.c: histories sorted, stages ordered, records derived. */
void funnel_prep(struct funnel *f);

/*
 * funnel_count.c: counts the cohort records of the shard (the key of a
 * lead is its id, of a deal its lead's, or "deal " and its own id when it
 * has no lead in the input) and writes every table to out: the final
 * rows, or with o.partial the sums pulse-merge adds up.  @return 0, or -1
 * with msg.
 */
int funnel_emit(struct funnel *f, struct sink *out, char *msg, size_t msz);

#endif
