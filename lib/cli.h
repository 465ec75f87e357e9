/*
 * cli.h - what every pulse program does the same way.
 *
 *  - the common options: --help, --version, -o/--output FILE and
 *    --on-error=fail|skip|quarantine:FILE (CLI_LONGOPTS, cli_opt());
 *  - the inputs: the files named on the command line, or stdin when none
 *    (or "-"), each plain or zstd, NDJSON or one JSON array (in.h);
 *  - bad records: a line that is not a JSON object, or one the program
 *    rejects with cli_bad(), is reported as "prog: file:line: what" and then
 *    fails the run (exit 65), is skipped, or is copied to the quarantine
 *    file; the skipped and quarantined counts are printed on stderr at the
 *    end.  Nothing is dropped silently;
 *  - the output: stdout, or -o FILE written to a temporary file in the same
 *    directory and renamed over FILE only when the run succeeds (the
 *    temporary file is removed when the program dies);
 *  - a closed pipe: when the reader of stdout goes away (| head -1) the
 *    program stops quietly with status 0.
 *
 * Typical main():
 *
 *	static const struct option longopts[] = {
 *		{"by", required_argument, NULL, 'b'},
 *		CLI_LONGOPTS,
 *		{NULL, 0, NULL, 0},
 *	};
 *	struct cli c;
 *	cli_init(&c, argc, argv, &prog_info);
 *	while ((opt = getopt_long(argc, argv, "b:" CLI_SHORTOPTS, longopts,
 *				  NULL)) != -1) {
 *		if (cli_opt(&c, opt, optarg))
 *			continue;
 *		switch (opt) { case 'b': ...; break; default: cli_usage(&c); }
 *	}
 *	cli_start(&c, argc - optind, argv + optind);
 *	struct rec *r;
 *	while (cli_next(&c, &r)) {
 *		... rec_get(r, "ticket_id") ...
 *		if (bad) { cli_bad(&c, "missing field 'ticket_id'"); continue; }
 *		rec_out_emit(&o, r, cli_out(&c));
 *		cli_commit(&c);
 *	}
 *	return cli_finish(&c);
 */
#ifndef PULSE_CLI_H
#define PULSE_CLI_H

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "err.h"
#include "in.h"
#include "ptime.h"
#include "rec.h"
#include "report.h"
#include "shard.h"
#include "sink.h"
#include "strvec.h"

#ifndef VERSION
#define VERSION "0.0.0"
#endif

/* Option codes above the range of characters. */
enum {
	CLI_OPT_HELP = 0x1000,
	CLI_OPT_VERSION,
	CLI_OPT_ONERROR,
	CLI_OPT_SHARD,
	CLI_OPT_MAP,
	CLI_OPT_KEYED,
	CLI_OPT_JOBS,
	CLI_OPT_FIRST_PROGRAM = 0x1100, /* programs number theirs from here */
};

#define CLI_SHORTOPTS "o:"
/* clang-format off */
#define CLI_LONGOPTS                                                     \
	{"help", no_argument, NULL, CLI_OPT_HELP},                       \
	{"version", no_argument, NULL, CLI_OPT_VERSION},                 \
	{"output", required_argument, NULL, 'o'},                        \
	{"on-error", required_argument, NULL, CLI_OPT_ONERROR}
/* clang-format on */

/* The common options, for help texts. */
#define CLI_HELP_COMMON                                                           \
	"  -o, --output FILE      write to FILE (atomically) instead of stdout\n" \
	"      --on-error MODE    bad records: fail (default, exit 65), skip,\n"  \
	"                         or quarantine:FILE (copy them to FILE)\n"       \
	"      --help             print this help and exit\n"                     \
	"      --version          print the version and exit\n"

/*
 * The options of programs whose work splits by a key (a user, a lead):
 *
 *   --shard I/N  keep only the records whose key falls in shard I of N
 *                (1 <= I <= N): N runs with I = 1..N over the same input
 *                split the keys between them, and pulse-merge adds up
 *                their outputs (scripts/pulse-shard);
 *   --map        write each record as KEY TAB RECORD and nothing else: a
 *                Hadoop Streaming mapper (scripts/pulse-hadoop);
 *   --keyed      the input lines are KEY TAB RECORD (a Hadoop Streaming
 *                reducer's input): the key is dropped.
 *
 * The key is the raw JSON bytes of the field cli_key() names (7 and "7"
 * differ).  A record without it is a bad record under --shard and --map.
 */
/* clang-format off */
#define CLI_KEYED_LONGOPTS                                               \
	{"shard", required_argument, NULL, CLI_OPT_SHARD},               \
	{"map", no_argument, NULL, CLI_OPT_MAP},                         \
	{"keyed", no_argument, NULL, CLI_OPT_KEYED}
/* clang-format on */

#define CLI_HELP_KEYED                                                               \
	"      --shard I/N        only the keys of shard I of N (for pulse-merge)\n" \
	"      --map              write KEY TAB RECORD lines (Hadoop mapper)\n"      \
	"      --keyed            input lines are KEY TAB RECORD (Hadoop reducer)\n"

/*
 * -j N, --jobs N: the threads of cli_run() (lib/cli_jobs.c), for a
 * program that runs its engine through it; short option "j:".
 */
#define CLI_JOBS_SHORTOPTS "j:"
#define CLI_JOBS_LONGOPTS                                                      \
	{                                                                      \
		"jobs", required_argument, NULL, CLI_OPT_JOBS                  \
	}
#define CLI_HELP_JOBS                                                                \
	"  -j, --jobs N           threads (default: the machine's cores; 1: one);\n" \
	"                         the output is the same whatever N\n"

#define CLI_JOBS_MAX 256

struct cli_info {
	const char *name;  /* "pulse-classify" */
	const char *usage; /* "usage: pulse-classify [options] [file ...]" */
	const char *help;  /* what follows usage in --help: a line on what the
			      program does, then the options */
};

enum cli_onerr { CLI_FAIL, CLI_SKIP, CLI_QUARANTINE };

struct cli {
	const struct cli_info *info;
	enum cli_onerr onerr;
	const char *qpath;
	FILE *qf;
	const char *outpath;
	char *tmppath;	     /* -o: the temporary file being written */
	int outpath_inplace; /* -o names a device or FIFO: no temporary */
	char *outreal; /* -o named a symbolic link: the file it points to */
	int outfd;
	struct sink out;   /* output not yet written, and how to write it */
	struct report rep; /* bad records of a program's own reading */
	enum in_mode mode;

	char **files;
	int nfiles, fi;
	struct in in;
	int in_open;
	const char *cur; /* the current record's bytes */
	size_t curlen;
	struct rec rec;

	uint64_t nbad, nskipped, nquarantined;
	int status; /* worst exit status so far */

	const char *key; /* cli_key(): the field records split by */
	size_t keylen;
	char peekpre[64]; /* the bytes before the key in the last record */
	size_t npeek;
	struct shard shard; /* --shard I/N; n 0: all records */
	int map, keyed;	    /* --map, --keyed */

	unsigned jobs; /* -j N; 0: the machine's cores */
	/* a thread of cli_run(): its messages are kept to be printed in
	 * input order, and its input may be a range of a file or a pipe
	 * (NULL in a program's own cli) */
	struct cli_worker *w;
};

/* Sets progname and the defaults. */
void cli_init(struct cli *c, int argc, char **argv,
	      const struct cli_info *info);

/*
 * Handles a common option.  @return 1 when opt was one (--help and
 * --version exit here), 0 when it is the program's own.
 */
int cli_opt(struct cli *c, int opt, const char *arg);

/*
 * Names the field this program's work splits by ("user_id"), for
 * CLI_KEYED_LONGOPTS: with --shard, cli_next() returns only the records of
 * this shard; with --map, cli_next() writes every record as KEY TAB
 * RECORD itself and, at the end of the input, finishes the output and
 * exits: the program never sees a record.  Call before cli_start().
 */
void cli_key(struct cli *c, const char *field);

/*
 * This run's --shard (n 0 without one), for an engine whose key is not one
 * field of the record (pulse-funnel: a deal goes with its lead): it asks
 * shard_mine() itself.
 */
static inline const struct shard *cli_shard(const struct cli *c)
{
	return &c->shard;
}

/* Prints the one-line usage on stderr and exits 64. */
_Noreturn void cli_usage(const struct cli *c);

/* Prints "prog: message", the usage line, and exits 64. */
_Noreturn void cli_usage_error(const struct cli *c, const char *fmt, ...)
	ERR_PRINTF(2, 3);

/*
 * Takes the input files (nfiles may be 0: stdin) and opens the output.
 * Dies with 73 when the output cannot be created.
 */
void cli_start(struct cli *c, int nfiles, char **files);

/*
 * The next good record of all inputs, in order.  Records that are not JSON
 * objects are handled by the --on-error mode here.  A file that cannot be
 * opened is reported (exit status 66 at the end) and the next one is read;
 * a read or decompression error is reported and ends that file (74 or 65).
 * @return 1 with *r set, 0 when every input is done.
 */
int cli_next(struct cli *c, struct rec **r);

/*
 * Reports the current record as bad (printf-style reason, no position:
 * the file and line are added) and applies --on-error: exits 65 in fail
 * mode, otherwise counts (and quarantines) it and returns.
 */
void cli_bad(struct cli *c, const char *fmt, ...) ERR_PRINTF(2, 3);

/*
 * As cli_bad(), for an item that does not come from cli_next()'s inputs (a
 * database row, a CSV row): the message names where and line ("where:line:
 * reason"; line 0 leaves the line out), and quarantine copies
 * raw[0..rawlen) and a newline.
 */
void cli_bad_at(struct cli *c, const char *where, uint64_t line,
		const char *raw, size_t rawlen, const char *fmt, ...)
	ERR_PRINTF(6, 7);

/*
 * Raises the exit status cli_finish() will return to code, when code is
 * worse (higher) than the status so far: for inputs a program reads
 * itself, as cli_next() does for its own (66 cannot open, 74 read error).
 */
void cli_status(struct cli *c, int code);

/* The position of the current record, for a program's own messages. */
const char *cli_file(const struct cli *c);
uint64_t cli_line(const struct cli *c);

/* The output buffer: append whole records, then call cli_commit(). */
static inline struct buf *cli_out(struct cli *c)
{
	return &c->out.b;
}

/*
 * The bad records an engine meets as a report (report.h): each goes to
 * cli_bad_at(), so --on-error applies.
 */
static inline struct report *cli_report(struct cli *c)
{
	return &c->rep;
}

/* The output as a sink, for an engine (sink.h). */
static inline struct sink *cli_sink(struct cli *c)
{
	return &c->out;
}

/*
 * A stage's engine as cli_run() drives it: records in, the engine's
 * records out, on one thread or on several.
 */
enum cli_split {
	/* each thread reads every input and keeps the keys of its shard
	 * (cli_key(), or the engine asks the shard make() gives it) */
	CLI_SPLIT_KEY,
	/* plain NDJSON files are cut at line boundaries into a range per
	 * thread; the partial results are combined in input order */
	CLI_SPLIT_RANGE,
};

struct cli_combine { /* partial results into the output: pulse-merge's */
	void *(*open)(void *arg);
	void (*next_input)(void *m);
	int (*add)(void *m, const struct rec *r, struct sink *out, char *msg,
		   size_t msz);
	int (*finish)(void *m, struct sink *out, char *msg, size_t msz);
	void (*close)(void *m);
	void *arg;
};

struct cli_stage {
	/*
	 * A new engine.  shard: the keys it is to keep (n 0: all), for an
	 * engine that shards itself; partial: it runs on one of several
	 * threads and writes what combine adds up.
	 */
	void *(*make)(void *arg, const struct shard *shard, int partial);
	/* One record: 0, -1 when it is bad (msg), or an exit status > 0
	 * that ends the run (msg). */
	int (*add)(void *e, const struct rec *r, struct sink *out, char *msg,
		   size_t msz);
	/* The end: 0, -1 a warning (msg), or an exit status > 0 (msg). */
	int (*finish)(void *e, struct sink *out, char *msg, size_t msz);
	/* After finish(), engine by engine in input order (may be NULL):
	 * for counts the program reports itself. */
	void (*done)(void *e, void *arg);
	void (*free)(void *e);
	void *arg;
	enum cli_split split;
	/* how the threads' results become the output: combine adds them up;
	 * or, with order_first (CLI_SPLIT_KEY, an engine that writes one
	 * record per key, in the order the keys first came, each holding its
	 * key as cli_key() names it), they are interleaved in that order;
	 * or absorb (CLI_SPLIT_RANGE) takes each engine, unfinished, into
	 * the one of the input before it (0, or -1 with msg), and that one
	 * is finished.  None: one thread only. */
	const struct cli_combine *combine;
	int order_first;
	int (*absorb)(void *into, void *e, char *msg, size_t msz);
	/* or ordered (a stage that writes each record as it reads it, with
	 * no state from one to the next): when every input is a plain file,
	 * the files are cut into chunks that the threads take in turn, each
	 * chunk's output written in input order; else one thread */
	int ordered;
};

/*
 * Runs st over the inputs cli_start() took: the loop of cli_next(),
 * st->add() (a bad record goes to cli_bad()), st->finish(), with the
 * output left in the cli's sink for cli_finish().  With -j N (N > 1),
 * unless --map, --keyed or --shard is given, N threads run N engines as
 * st->split says and st->combine adds up their partial results; the
 * output, the messages (held and printed in input order) and the exit
 * status are those of one thread.  Standard input is copied to every
 * thread by one more (CLI_SPLIT_KEY) or read by the first
 * (CLI_SPLIT_RANGE), as are zstd files, arrays and anything that is not
 * a plain regular file.  A plain NDJSON file of a CLI_SPLIT_KEY run is
 * read once, each line handed to the thread of its key (cli_route.c).
 * Dies as the loop would (65 on a bad record under --on-error fail, st's
 * exit statuses).
 */
void cli_run(struct cli *c, const struct cli_stage *st);

/* Writes the buffer out (EPIPE exits 0, other errors die 74). */
void cli_flush(struct cli *c);

static inline void cli_commit(struct cli *c)
{
	sink_commit(&c->out);
}

/*
 * Flushes and closes the output (renaming -o's temporary file into place
 * when the status is still 0), reports skipped/quarantined counts, frees
 * what the cli holds.  @return the exit status for main().
 */
int cli_finish(struct cli *c);

/*
 * Option values, the same way in every program.  Each takes the option's
 * name as written ("--steps") for its message and, when arg is not what
 * it should be, prints "prog: invalid --steps 'x' (what it should be)"
 * and the usage line and exits 64.
 */

/* An integer from min to max, digits only (no sign, no spaces). */
unsigned long long cli_parse_uint(const struct cli *c, const char *opt,
				  const char *arg, unsigned long long min,
				  unsigned long long max);

/*
 * A time ptime.h reads (a date is its midnight), or "now".  @return the
 * seconds since the epoch; *t, when not NULL, gets the parsed time (now:
 * UTC).
 */
int64_t cli_parse_time(const struct cli *c, const char *opt, const char *arg,
		       struct ptime *t);

/* A comma-separated list whose items are not empty, appended to sv. */
void cli_parse_list(const struct cli *c, const char *opt, const char *arg,
		    struct strvec *sv);

/*
 * When status (an exit status a lib/ function returned) is not 0: prints
 * "prog: " and the message in err and exits with it.
 */
void cli_check(int status, const struct buf *err);

/*
 * Reads a whole small file (rules, maps, --defs, state) into out, a UTF-8
 * byte order mark dropped; dies 66 when it cannot be opened or is a
 * directory, 74 on a read error.
 */
void cli_slurp(const char *path, struct buf *out);

#endif
