/*
 * gen.h - what the pulse-gen generators share: a seeded PRNG, weighted
 * picks, and output files written atomically.
 *
 * Determinism is the contract: the same seed and arguments give the same
 * bytes on every machine, so nothing here reads the clock, the
 * environment or the locale, and floating point is used only where the
 * result is rounded to whole units right away.
 *
 * The PRNG is xoshiro256** seeded through splitmix64 (Blackman and Vigna).
 * Independent streams come from gen_mix(): a generator seeds one struct rng
 * per ticket (or lead, or user) from the run seed and the item's index, so
 * an item's content does not depend on how many numbers the items before
 * it consumed.
 *
 * A struct gen_out is an output file (or stdout) fed through a struct buf:
 * a named file is written under a temporary name in the same directory and
 * renamed into place by gen_out_close(); when the program dies first, the
 * temporary file is removed.  A path that names something other than a
 * regular file (/dev/null, a fifo) is written in place.  Write errors die with
 * EX_IOERR (a closed pipe on stdout exits 0 quietly, as every pulse program
 * does).
 */
#ifndef PULSE_GEN_H
#define PULSE_GEN_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "cli.h"

struct rng {
	uint64_t s[4];
};

/* Mixes two words into one (splitmix64 finaliser of a ^ rotated b). */
uint64_t gen_mix(uint64_t a, uint64_t b);

/* Seeds r from seed and stream: equal pairs give equal sequences. */
void rng_seed(struct rng *r, uint64_t seed, uint64_t stream);

/* The next 64 random bits. */
uint64_t rng_next(struct rng *r);

/* Uniform in [0, n); n > 0 (Lemire's multiply-shift, unbiased). */
uint64_t rng_below(struct rng *r, uint64_t n);

/* Uniform in [lo, hi]; lo <= hi. */
int64_t rng_range(struct rng *r, int64_t lo, int64_t hi);

/* Uniform in [0, 1), 53 bits. */
double rng_unit(struct rng *r);

/* 1 with probability p. */
int rng_chance(struct rng *r, double p);

/*
 * An index in [0, n) picked with probability w[i] / sum(w); weights are
 * non-negative and at least one is positive.
 */
size_t rng_weighted(struct rng *r, const double *w, size_t n);

/* A uniformly picked element of a const array (a macro over rng_below). */
#define RNG_PICK(r, arr) ((arr)[rng_below((r), sizeof(arr) / sizeof((arr)[0]))])

struct gen_out {
	const char *path; /* NULL: stdout */
	char *tmp;	  /* the temporary file being written, NULL: in place */
	int fd;
	struct buf b;
};

#define GEN_OUT_FLUSH_AT (1 << 20)

/* Opens path (NULL or "-" is stdout); dies EX_CANTCREAT. */
void gen_out_open(struct gen_out *o, const char *path);

/* Writes the buffer out; dies EX_IOERR (EPIPE on stdout: exit 0). */
void gen_out_flush(struct gen_out *o);

/* Flushes when the buffer is large. */
static inline void gen_out_commit(struct gen_out *o)
{
	if (o->b.len >= GEN_OUT_FLUSH_AT)
		gen_out_flush(o);
}

/* Flushes, closes and renames the file into place; dies on errors. */
void gen_out_close(struct gen_out *o);

/* Option codes every generator shares; each numbers its own after them. */
enum {
	GEN_OPT_AS_OF = CLI_OPT_FIRST_PROGRAM,
	GEN_OPT_DAYS,
	GEN_OPT_NEXT,
};

/* The options every generator takes (gen_common_opt() handles the first
 * three); -o/--output names its main output. */
#define GEN_LONGOPTS_COMMON                                                    \
	{"seed", required_argument, NULL, 's'},                                \
		{"as-of", required_argument, NULL, GEN_OPT_AS_OF},             \
		{"days", required_argument, NULL, GEN_OPT_DAYS},               \
		{"output", required_argument, NULL, 'o'},                      \
		{"help", no_argument, NULL, CLI_OPT_HELP},                     \
	{                                                                      \
		"version", no_argument, NULL, CLI_OPT_VERSION                  \
	}

/*
 * Handles the options every generator takes: -s/--seed, --as-of TIME and
 * --days N (1 to max_days); a bad value is a usage error (exit 64).
 * @return 1 when opt was one of them, 0 otherwise.
 */
int gen_common_opt(const struct cli *c, int opt, const char *arg,
		   uint64_t *seed, int64_t *as_of, int64_t *days,
		   int64_t max_days);

/*
 * The unsigned decimal arg of option opt, at most max; a usage error
 * (exit 64) otherwise.
 */
uint64_t gen_parse_u64(const struct cli *c, const char *opt, const char *arg,
		       uint64_t max);

#endif
