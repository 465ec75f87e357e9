/*
 * fsum.h - the funnel tables as sums, and the one code that writes
 * them (schemas/funnel.schema.json).
 *
 * pulse-funnel counts its cohort into a struct fsum and writes it; with
 * --partial it writes the sums alone ("partial":true rows), and pulse-merge
 * (filters/merge/merge_funnel.c) reads such rows back into a struct fsum,
 * adding rows of equal identity, and writes it the same way.  So the shares,
 * conversions, means, averages, ranks and row orders of a merge are those of
 * one run over the whole input, byte for byte: they are worked out here, from
 * the sums, in both programs.  Every row order is a total order on the sums
 * (ties broken by names), never the order rows came in.
 *
 * Strings are interned (fsum_str()); FSUM_NONE stands for null.  Names that
 * the tables write as "(none)" (a source, a manager) and currencies ("XXX"
 * for none) are interned as that text, so they are one row however they
 * came.  Money is exact: sums of 1e-9 units (lib/num) per currency, with
 * the largest number of decimals an addend was written with.
 *
 * fsum.c adds the sums up; fsum_write.c writes them, one loop for every
 * table over a description of its columns (struct fsum_col), each row
 * through fsum_row.c.
 *
 * Memory grows with the rows (and the stale list), not with the records.
 */
#ifndef PULSE_FSUM_H
#define PULSE_FSUM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hmap.h"
#include "num.h"
#include "sink.h"

#define FSUM_NONE UINT32_MAX

/* The tables with money, for fsum_money(). */
enum fsum_table { FSUM_SOURCES, FSUM_DYNAMICS, FSUM_MANAGERS, FSUM_MMONTHS };

/* A stale row: one open lead or deal. */
struct fsum_stale {
	uint32_t group;
	char kind; /* 'L' or 'D' */
	uint32_t id, title, manager, source, stage, since, created;
	int64_t days;
};

/* Money of one row in one currency. */
struct fsum_cash {
	uint32_t cur, next; /* next: the row's next currency, FSUM_NONE */
	int scale;	    /* most decimals of an addend */
	uint64_t n;	    /* addends (deals with an amount) */
	num_i128 fx;	    /* the sum, in 1e-9 units */
};

struct fsum_pipe {
	char kind;    /* 'L' leads, 'D' deals */
	uint32_t cat; /* deal category, FSUM_NONE */
};

struct fsum_stage {
	uint32_t pipe, name;
	char sem;     /* 'P', 'S', 'F', 0 unknown */
	uint32_t pos; /* 1-based place in its pipeline's order */
};

/* The values of the maps of struct fsum: the sums of a row. */

/* sources, dynamics, managers, manager_months */
struct fsum_row {
	uint64_t leads, qualified, won, days;
	uint32_t cash; /* its first currency, FSUM_NONE */
};

/* totals: a pipeline's records, those without stage history */
struct fsum_pipesum {
	uint64_t total, nostage;
};

/* reached: a stage's records, those that came from the previous one */
struct fsum_reach {
	uint64_t reached, fromprev;
};

/* ages: open records, their days in the stage added up and the most */
struct fsum_agesum {
	uint64_t open, sum, max;
};

/* Keys with a month or a day: no padding, so they hash as bytes. */
struct fsum_tkey {
	uint32_t g, id;
	int64_t t;
};

struct fsum {
	struct hmap strs;	   /* string -> uint32_t index */
	struct hmap groups;	   /* by, value -> uint32_t index */
	struct hmap pipes, stages; /* -> uint32_t index into pipe, stage */
	struct fsum_pipe *pipe;
	struct fsum_stage *stage;
	size_t npipe, nstage, cappipe, capstage;

	/* the tables: values are the sums of a row, keyed by its identity */
	struct hmap totals, reached, drops, srcs, tops, dyns, mgrs, days,
		mmonths, ages;
	struct fsum_cash *cash;
	size_t ncash, capcash;
	struct fsum_stale *stale;
	size_t nstale, capstale;
	uint64_t *gleads; /* each group's leads (managers' shares) */
	size_t capgroup;
	int64_t first_month; /* of the period (fsum_first_month()) */
	int has_first;
	int overflow; /* a count above 2^63-1 or money above ~1.7e29 */
};

void fsum_init(struct fsum *s);
void fsum_release(struct fsum *s);

/* Interns p[0..n).  @return its index. */
uint32_t fsum_str(struct fsum *s, const char *p, size_t n);
/* As fsum_str(), through a memo of the caller's (hmap.h) for hot keys. */
uint32_t fsum_str_memo(struct fsum *s, struct hmap_memo *memo, const char *p,
		       size_t n);
/* The string of an index (not FSUM_NONE), with *n set. */
const char *fsum_strp(const struct fsum *s, uint32_t i, size_t *n);

/* Strings a and b by their bytes, null (FSUM_NONE) first: <0, 0, >0. */
int fsum_strcmp(const struct fsum *s, uint32_t a, uint32_t b);

/*
 * The group of rows: by names the --by ("manager"; FSUM_NONE: no --by,
 * the group {}), value its value (FSUM_NONE: null).  @return its index.
 */
uint32_t fsum_group(struct fsum *s, uint32_t by, uint32_t value);

/* The pipeline of kind 'L' or 'D' and category cat.  @return its index. */
uint32_t fsum_pipe(struct fsum *s, char kind, uint32_t cat);

/*
 * The stage name of pipeline pipe, at pos (>= 1) in its order, semantic sem
 * (0 when not known here).  @return its index, or FSUM_NONE when the stage
 * is known at another place or with another semantic, or another stage is
 * at pos (inputs that did not share one stage order).
 */
uint32_t fsum_stage(struct fsum *s, uint32_t pipe, uint32_t name, char sem,
		    uint32_t pos);

/* Whether fsum_stage() would take the stage, without adding it. */
int fsum_stage_ok(const struct fsum *s, uint32_t pipe, uint32_t name, char sem,
		  uint32_t pos);

/*
 * The counts.  Each adds to the row of its identity (group g first),
 * creating it with zeros.  Rows that take money return their index for
 * fsum_money().
 */
/* stages: records of pipe (total), those without stage history */
void fsum_total(struct fsum *s, uint32_t g, uint32_t pipe, uint64_t total,
		uint64_t nostage);
/* stages: records that reached stage, and also its previous P/S stage */
void fsum_reached(struct fsum *s, uint32_t g, uint32_t stage, uint64_t reached,
		  uint64_t from_previous);
/* dropoff: stage, lost are stage indices or FSUM_NONE, loss a string */
void fsum_drop(struct fsum *s, uint32_t g, uint32_t pipe, uint32_t stage,
	       uint32_t lost, uint32_t loss, uint64_t count);
uint32_t fsum_source(struct fsum *s, uint32_t g, uint32_t src, uint32_t camp,
		     uint64_t leads, uint64_t qualified, uint64_t won);
/* top_sources: leads of a month (fsum_month()) and source */
void fsum_top(struct fsum *s, uint32_t g, int64_t month, uint32_t src,
	      uint64_t leads);
uint32_t fsum_dynamics(struct fsum *s, uint32_t g, int quarter, int64_t period,
		       uint64_t leads, uint64_t qualified, uint64_t won);
uint32_t fsum_manager(struct fsum *s, uint32_t g, uint32_t mgr, uint64_t leads,
		      uint64_t won);
/* managers: a day (days since 1970) on which mgr got a lead */
void fsum_manager_day(struct fsum *s, uint32_t g, uint32_t mgr, int64_t day);
uint32_t fsum_manager_month(struct fsum *s, uint32_t g, uint32_t mgr,
			    int64_t month, uint64_t leads, uint64_t won);
/* money of row (of table t) in currency cur: fx in 1e-9 units, n addends */
void fsum_money(struct fsum *s, enum fsum_table t, uint32_t row, uint32_t cur,
		num_i128 fx, uint64_t n, int scale);
/* age: open records now in stage (FSUM_NONE: none known) of pipe */
void fsum_age(struct fsum *s, uint32_t g, uint32_t pipe, uint32_t stage,
	      uint64_t open, uint64_t days_sum, uint64_t days_max);
void fsum_stale(struct fsum *s, const struct fsum_stale *row);

/*
 * The first month (fsum_month()) the rows count whole: nothing (or not
 * all) is known of the month before it, so top_sources has no previous up
 * to it.  Called again, the earliest month wins (a merge of shards, or of
 * periods).  Without a call, the first month of top_sources' rows.
 */
void fsum_first_month(struct fsum *s, int64_t month);

/*
 * Writes every table to out (sink_commit() after each row): the final
 * rows, or with partial the sums that add up ("partial":true).  @return 0,
 * or -1 with msg (nothing written) when a sum passed what a record holds:
 * a count above 2^63-1, money above about 1.7e29.
 */
int fsum_write(struct fsum *s, struct sink *out, int partial, char *msg,
	       size_t msz);

/* ---- one row, as the writer sees it (fsum_write.c) ----------------------- */

/* How a column's value is written, from the slots of a struct fsum_view. */
enum fsum_cell {
	FSUM_C_STR,    /* str[a]; FSUM_NONE: the column's none, or null */
	FSUM_C_KIND,   /* kind: "lead" for 'L', else "deal" */
	FSUM_C_SEM,    /* sem: "P", "S" or "F"; null for 0 */
	FSUM_C_U64,    /* u[a] */
	FSUM_C_U64N,   /* u[a], null when bit a of null is set */
	FSUM_C_DIFF,   /* u[a] - u[b], null when u[b] is null */
	FSUM_C_RATIO,  /* u[a] / u[b], 0 when u[b] is 0 */
	FSUM_C_RATION, /* u[a] / u[b], null when u[a] is null or u[b] 0 */
	FSUM_C_CHANGE, /* (u[a] - u[b]) / u[b], null when u[b] is null or 0 */
	FSUM_C_MONTH,  /* t[a] as "YYYY-MM" */
	FSUM_C_PERIOD, /* t[a] as "YYYY-MM", or "YYYY-Qn" when quarter */
	FSUM_C_PTYPE,  /* "month", or "quarter" when quarter */
	FSUM_C_MONEY,  /* the row's money, per currency */
	FSUM_C_MONEY_PER, /* the money / u[a], at least 2 decimals */
	FSUM_C_MONEY_AVG, /* the money / its addends, at least 2 decimals */
	FSUM_C_MONEY_N,	  /* the addends per currency */
	FSUM_C_DAYS,	  /* days[0 .. ndays) as ["YYYY-MM-DD", ...] */
};

/* When a column is written. */
enum { FSUM_FINAL = 1, FSUM_PARTIAL = 2, FSUM_BOTH = 3 };

/* A column of a table: its member's name and how its value is written. */
struct fsum_col {
	const char *name;
	unsigned char cell; /* enum fsum_cell */
	unsigned char when; /* FSUM_FINAL, FSUM_PARTIAL or FSUM_BOTH */
	unsigned char a, b; /* the slots it reads */
	const char *none;   /* FSUM_C_STR: the text for FSUM_NONE, or NULL */
};

/* One row's values, in slots the columns name (a, b < FSUM_SLOTS). */
#define FSUM_SLOTS 8
struct fsum_view {
	uint32_t group;
	char kind, sem;
	int quarter;
	uint32_t str[FSUM_SLOTS]; /* string indices, FSUM_NONE */
	uint64_t u[FSUM_SLOTS];	  /* counts */
	unsigned null;		  /* bit i: u[i] is null */
	int64_t t[2];		  /* months (quarters) */
	uint32_t cash;	     /* the row's first money (s->cash), FSUM_NONE */
	const int64_t *days; /* days since 1970, ascending */
	size_t ndays;
};

/*
 * Appends one row of table to b: {"kind":"funnel","table":...,"group":...,
 * then the columns cols[0..ncols) that are written when partial (or not),
 * then "partial":true when partial} and a newline.
 */
void fsum_write_row(struct buf *b, const struct fsum *s, const char *table,
		    const struct fsum_col *cols, size_t ncols,
		    const struct fsum_view *v, int partial);

/* ---- helpers the readers share ------------------------------------------- */

/* The month (quarter) number of a day: year * 12 + month - 1 (* 4 + q). */
int64_t fsum_month(int64_t day, int quarter);

/*
 * Parses "YYYY-MM" (quarter 0) or "YYYY-Qn" (1), of the years 0001 to 9999,
 * into a month (quarter) number.  @return 0, or -1.
 */
int fsum_parse_period(const char *p, size_t n, int quarter, int64_t *out);

/* Decimals a number was written with ("1.50": 2, "1.5e1": 0), at most 9. */
int fsum_scale(const char *p, size_t n);

#endif
