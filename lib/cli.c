/* cli.c - common options, inputs, bad records and output; see cli.h. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "cli.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli_int.h"
#include "file.h"
#include "jkey.h"

/* The temporary output file to remove if the program dies. */
static char *cleanup_tmp;

static void remove_tmp(void)
{
	if (cleanup_tmp) {
		unlink(cleanup_tmp);
		cleanup_tmp = NULL;
	}
}

static mode_t current_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

static void flush_sink(struct sink *s)
{
	cli_flush(s->arg);
}

static void report_to_cli(struct report *r, const char *where, uint64_t line,
			  const char *raw, size_t rawlen, const char *msg)
{
	cli_bad_at(r->arg, where, line, raw, rawlen, "%s", msg);
}

void cli_init(struct cli *c, int argc, char **argv, const struct cli_info *info)
{
	memset(c, 0, sizeof *c);
	err_setprog(argc > 0 ? argv[0] : info->name);
	if (!progname || !*progname)
		progname = info->name;
	c->info = info;
	c->onerr = CLI_FAIL;
	c->outfd = 1;
	c->mode = IN_AUTO;
	c->out.flush = flush_sink;
	c->out.arg = c;
	c->rep.bad = report_to_cli;
	c->rep.arg = c;
	rec_init(&c->rec);
	/* A closed pipe is an EPIPE from write(), handled in cli_flush(). */
	signal(SIGPIPE, SIG_IGN);
}

void cli_usage(const struct cli *c)
{
	fprintf(stderr, "%s\n", c->info->usage);
	fprintf(stderr, "Try '%s --help' for more information.\n",
		c->info->name);
	exit(EX_USAGE);
}

void cli_usage_error(const struct cli *c, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: ", progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	cli_usage(c);
}

int cli_opt(struct cli *c, int opt, const char *arg)
{
	switch (opt) {
	case CLI_OPT_HELP:
		printf("%s\n%s", c->info->usage, c->info->help);
		if (fflush(stdout) || ferror(stdout))
			exit(EX_IOERR);
		exit(0);
	case CLI_OPT_VERSION:
		printf("%s (pulse) %s\n", c->info->name, VERSION);
		if (fflush(stdout) || ferror(stdout))
			exit(EX_IOERR);
		exit(0);
	case 'o':
		if (!*arg)
			cli_usage_error(c, "option '-o' needs a file name");
		c->outpath = strcmp(arg, "-") == 0 ? NULL : arg;
		return 1;
	case CLI_OPT_ONERROR:
		if (strcmp(arg, "fail") == 0) {
			c->onerr = CLI_FAIL;
		} else if (strcmp(arg, "skip") == 0) {
			c->onerr = CLI_SKIP;
		} else if (strncmp(arg, "quarantine:", 11) == 0 && arg[11]) {
			c->onerr = CLI_QUARANTINE;
			c->qpath = arg + 11;
		} else {
			cli_usage_error(
				c,
				"invalid --on-error '%s' (fail, skip or quarantine:FILE)",
				arg);
		}
		return 1;
	case CLI_OPT_SHARD:
		if (shard_parse(&c->shard, arg) < 0)
			cli_usage_error(
				c, "invalid --shard '%s' (I/N, 1 <= I <= N)",
				arg);
		return 1;
	case CLI_OPT_MAP:
		c->map = 1;
		return 1;
	case CLI_OPT_KEYED:
		c->keyed = 1;
		return 1;
	case 'j':
	case CLI_OPT_JOBS:
		c->jobs = (unsigned)cli_parse_uint(c, "--jobs", arg, 1,
						   CLI_JOBS_MAX);
		return 1;
	case '?':
		cli_usage(c);
	default:
		return 0;
	}
}

void cli_key(struct cli *c, const char *field)
{
	c->key = field;
	c->keylen = strlen(field);
}

/*
 * The key of a one-line record without parsing it: the value of the first
 * member named c->key, when the members before it are strings, numbers or
 * literals (not objects or arrays), blanks allowed between tokens.
 * Records of other shards are skipped this cheaply: each shard of N
 * parses only its own 1/N.  The shard that owns the record parses it in
 * full and checks that the key is the same (a record with the key twice is
 * a bad record under --shard), so every line is still validated once.
 * @return 1 with the key, 0 when the record is not that simple or the key
 * is a string with escapes (then it is parsed).
 */
static int peek_blank(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

/* The end of the string whose opening quote is at p (after its closing
 * quote), or NULL; *esc: whether it holds a backslash (esc NULL: not
 * asked, the string is passed). */
static const char *peek_string(const char *p, const char *end, int *esc)
{
	const char *q = p + 1, *bs;

	for (;;) {
		q = memchr(q, '"', (size_t)(end - q));
		if (!q)
			return NULL;
		bs = q;
		while (bs > p + 1 && bs[-1] == '\\')
			bs--;
		if (((q - bs) & 1) == 0)
			break;
		q++; /* an escaped quote */
	}
	if (esc)
		*esc = memchr(p + 1, '\\', (size_t)(q - p - 1)) != NULL;
	return q + 1;
}

/* The end of a string, number or literal at p, or NULL; *esc as
 * peek_string() (esc may be NULL). */
static const char *simple_value(const char *p, const char *end, int *esc)
{
	const char *v = p;

	if (esc)
		*esc = 0;
	if (p < end && *p == '"')
		return peek_string(p, end, esc);
	while (p < end && *p != ',' && !peek_blank(*p)) {
		if (*p == '{' || *p == '[' || *p == '"' || *p == '}')
			return NULL;
		p++;
	}
	return p == v ? NULL : p;
}

static const char *skip_blank(const char *p, const char *end)
{
	while (p < end && peek_blank(*p))
		p++;
	return p;
}

static int peek_key(struct cli *c, const char *p, size_t n,
		    struct json_span *key)
{
	const char *end = p + n, *start = p, *name, *name_end, *v, *vend;
	size_t klen = c->keylen;
	int esc;

	while (end > p && peek_blank(end[-1]))
		end--;
	if (end - p < 2 || p[0] != '{' || end[-1] != '}')
		return 0;
	end--; /* the closing brace */
	/* the members before the key as in the last record: the key's value
	 * starts at the same place (the common case: one writer's records) */
	if (c->npeek && (size_t)(end - p) > c->npeek &&
	    memcmp(p, c->peekpre, c->npeek) == 0) {
		v = p + c->npeek;
		p = simple_value(v, end, &esc);
		if (!p || esc || (p < end && *skip_blank(p, end) != ','))
			return 0;
		key->p = v;
		key->n = (size_t)(p - v);
		return 1;
	}
	p = skip_blank(p + 1, end);
	while (p < end) {
		if (*p != '"')
			return 0;
		name = p + 1;
		p = peek_string(p, end, NULL);
		if (!p)
			return 0;
		name_end = p - 1;
		p = skip_blank(p, end);
		if (p >= end || *p != ':')
			return 0;
		v = skip_blank(p + 1, end);
		vend = simple_value(v, end, NULL);
		if (!vend)
			return 0;
		p = skip_blank(vend, end);
		if (p < end && *p != ',')
			return 0;
		if ((size_t)(name_end - name) == klen &&
		    memcmp(name, c->key, klen) == 0) {
			if (*v == '"' &&
			    memchr(v + 1, '\\', (size_t)(vend - v - 2)))
				return 0; /* escaped: parsed */
			key->p = v;
			key->n = (size_t)(vend - v);
			if ((size_t)(v - start) <= sizeof c->peekpre) {
				c->npeek = (size_t)(v - start);
				memcpy(c->peekpre, start, c->npeek);
			}
			return 1;
		}
		p = skip_blank(p + 1, end); /* after the comma */
	}
	return 0;
}

int cli_peek(struct cli *c, const char *p, size_t n, struct json_span *key)
{
	return peek_key(c, p, n, key);
}

/*
 * --map and --shard for one record: @return 1 when the program is to see
 * it, 0 when it was written as KEY TAB RECORD, belongs to another shard
 * or lacks the key (a bad record).
 */
static int keyed_record(struct cli *c, const struct rec *r,
			const struct json_span *peeked)
{
	struct json_span k;

	if (!c->key || (!c->map && !c->shard.n))
		return 1;
	k = rec_get(r, c->key);
	if (peeked->p) {
		if (k.n != peeked->n || memcmp(k.p, peeked->p, k.n) != 0) {
			cli_bad(c, "member '%s' given twice (--shard)", c->key);
			return 0;
		}
		return 1; /* ours: peek_key() said so */
	}
	if (!k.p) {
		/* under --shard every shard sees it: shard 1 reports it */
		if (c->map || c->shard.i == 1)
			cli_bad(c, "missing field '%s'", c->key);
		return 0;
	}
	if (k.type == JSON_STRING && (k.flags & JSON_F_ESC)) {
		/* "crm\/7" is "crm/7": one key, one shard (as event.h reads
		 * user ids) */
		struct buf canon = BUF_INIT, tmp = BUF_INIT;
		int mine;

		jkey_canon(k, &canon, &tmp);
		mine = shard_mine(&c->shard, canon.p, canon.len);
		if (mine && c->map) {
			buf_add(&c->out.b, canon.p, canon.len);
			buf_addc(&c->out.b, '\t');
			rec_emit_line(r, &c->out.b);
			cli_commit(c);
		}
		buf_release(&canon);
		buf_release(&tmp);
		return mine && !c->map;
	}
	if (!shard_mine(&c->shard, k.p, k.n))
		return 0;
	if (!c->map)
		return 1;
	buf_add(&c->out.b, k.p, k.n);
	buf_addc(&c->out.b, '\t');
	rec_emit_line(r, &c->out.b);
	cli_commit(c);
	return 0;
}

void cli_start(struct cli *c, int nfiles, char **files)
{
	static char *stdin_only[] = {"-"};
	const char *slash;
	struct stat st;
	size_t dirlen;
	int fd;

	/*
	 * A bigger pipe buffer (Linux) halves the context switches between
	 * stages of a pipeline that move hundreds of megabytes.
	 */
#ifdef F_SETPIPE_SZ
	if (!c->outpath && fstat(1, &st) == 0 && S_ISFIFO(st.st_mode))
		fcntl(1, F_SETPIPE_SZ, 1 << 20);
#endif
	c->files = nfiles > 0 ? files : stdin_only;
	c->nfiles = nfiles > 0 ? nfiles : 1;
	c->fi = 0;
	if (c->onerr == CLI_QUARANTINE) {
		c->qf = fopen(c->qpath, "w");
		if (!c->qf)
			die_errno(EX_CANTCREAT, "cannot create '%s'", c->qpath);
	}
	if (!c->outpath)
		return;
	/*
	 * Devices and pipes (-o /dev/null, a FIFO) are written in place: a
	 * rename would replace the device node with a regular file.
	 */
	if (stat(c->outpath, &st) == 0 && !S_ISREG(st.st_mode)) {
		fd = open(c->outpath, O_WRONLY | O_TRUNC);
		if (fd < 0)
			die_errno(EX_CANTCREAT, "cannot open '%s'", c->outpath);
		c->outfd = fd;
		c->outpath_inplace = 1;
		return;
	}
	/* A symbolic link: replace the file it points to, not the link. */
	if (lstat(c->outpath, &st) == 0 && S_ISLNK(st.st_mode)) {
		char *real = realpath(c->outpath, NULL);
		if (real)
			c->outpath = c->outreal = real;
	}
	slash = strrchr(c->outpath, '/');
	dirlen = slash ? (size_t)(slash - c->outpath) + 1 : 0;
	c->tmppath =
		xmalloc(dirlen + strlen(slash ? slash + 1 : c->outpath) + 16);
	sprintf(c->tmppath, "%.*s.%s.XXXXXX", (int)dirlen, c->outpath,
		slash ? slash + 1 : c->outpath);
	fd = mkstemp(c->tmppath);
	if (fd < 0)
		die_errno(EX_CANTCREAT, "cannot create '%s'", c->outpath);
	/* A file that exists keeps its permissions. */
	fchmod(fd, stat(c->outpath, &st) == 0 ? st.st_mode & 07777
					      : 0666 & ~current_umask());
	c->outfd = fd;
	cleanup_tmp = c->tmppath;
	atexit(remove_tmp);
}

const char *cli_file(const struct cli *c)
{
	return c->in_open ? c->in.display : "-";
}

uint64_t cli_line(const struct cli *c)
{
	return c->in.lineno;
}

static void vbad_at(struct cli *c, const char *where, uint64_t line,
		    const char *raw, size_t rawlen, const char *fmt, va_list ap)
{
	if (c->w) { /* a thread's: printed later, in input order */
		cli_worker_bad(c, where, line, raw, rawlen, fmt, ap);
		return;
	}
	/* What came before a fatal bad record is written, as jq does. */
	if (c->onerr == CLI_FAIL && !c->outpath)
		cli_flush(c);
	fflush(stdout);
	if (line)
		fprintf(stderr, "%s: %s:%llu: ", progname, where,
			(unsigned long long)line);
	else
		fprintf(stderr, "%s: %s: ", progname, where);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	c->nbad++;
	switch (c->onerr) {
	case CLI_FAIL:
		exit(EX_DATAERR);
	case CLI_SKIP:
		c->nskipped++;
		break;
	case CLI_QUARANTINE:
		fwrite(raw, 1, rawlen, c->qf);
		fputc('\n', c->qf);
		if (ferror(c->qf))
			die_errno(EX_IOERR, "cannot write '%s'", c->qpath);
		c->nquarantined++;
		break;
	}
}

void cli_bad(struct cli *c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vbad_at(c, cli_file(c), cli_line(c), c->cur, c->curlen, fmt, ap);
	va_end(ap);
}

void cli_bad_at(struct cli *c, const char *where, uint64_t line,
		const char *raw, size_t rawlen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vbad_at(c, where, line, raw, rawlen, fmt, ap);
	va_end(ap);
}

void cli_warn(struct cli *c, int status, int fatal, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	if (c->w) {
		cli_worker_warn(c, status, fatal, fmt, ap);
	} else {
		vwarn(fmt, ap);
		cli_status(c, status);
	}
	va_end(ap);
}

static void bad_json(struct cli *c, const struct json_error *e)
{
	cli_bad(c, "%s (at byte %zu)", e->msg, e->off + 1);
}

void cli_status(struct cli *c, int code)
{
	if (c->status == 0 || (code != 0 && code > c->status))
		c->status = code;
}

int cli_next(struct cli *c, struct rec **r)
{
	struct json_span peeked, routed;
	struct json_error e;
	const char *p;
	size_t n;
	int st;

	for (;;) {
		if (c->w && cli_worker_stopped(c))
			return 0;
		if (!c->in_open) {
			if (c->fi >= c->nfiles) {
				if (c->map) /* the mapper's work is done */
					exit(cli_finish(c));
				return 0;
			}
			if ((c->w ? cli_worker_open(c, c->files[c->fi++])
				  : in_open(&c->in, c->files[c->fi++],
					    c->mode)) < 0) {
				cli_warn(c, EX_NOINPUT, 0, "%s", c->in.msg);
				in_close(&c->in);
				continue;
			}
			c->in_open = 1;
			/* an element is parsed as it is framed, unless a
			 * key is looked at first (sharding, --keyed) */
			if (!c->keyed && !c->shard.n) {
				c->in.parse = rec_take;
				c->in.parse_arg = &c->rec;
			}
		}
		routed.p = NULL;
		st = c->w ? cli_worker_next(c, &p, &n, &routed)
			  : in_next(&c->in, &p, &n);
		if (st == IN_OK) {
			c->cur = p;
			c->curlen = n;
			if (c->keyed) {
				const char *tab = memchr(p, '\t', n);

				if (!tab) {
					cli_bad(c,
						"no tab after the key (--keyed)");
					continue;
				}
				n -= (size_t)(tab + 1 - p);
				p = tab + 1;
			}
			peeked.p = NULL;
			if (routed.p) /* peeked and found ours (cli_route.c) */
				peeked = routed;
			else if (c->shard.n && c->key && !c->map &&
				 peek_key(c, p, n, &peeked) &&
				 !shard_mine(&c->shard, peeked.p, peeked.n))
				continue; /* another shard's, not even parsed */
			if (!c->in.parsed && rec_parse(&c->rec, p, n, &e) < 0) {
				/* an element cut short took the next ones in:
				 * they are read again */
				c->curlen =
					in_resync(&c->in, c->cur, c->curlen,
						  e.off + (size_t)(p - c->cur));
				/* a line whose shard is unknown is seen by all
				 * shards: shard 1 reports it */
				if (!c->shard.n || peeked.p || c->shard.i == 1)
					bad_json(c, &e);
				continue;
			}
			/* the framing knows whether the record spans lines */
			c->rec.multiline = c->in.multiline;
			if (!keyed_record(c, &c->rec, &peeked))
				continue;
			*r = &c->rec;
			return 1;
		}
		if (st == IN_EBAD) {
			/* text where a record belongs; the next one is read */
			c->cur = p;
			c->curlen = n;
			if (!c->shard.n || c->shard.i == 1)
				cli_bad(c, "%s", c->in.msg);
			continue;
		}
		if (st != IN_EOF) {
			cli_warn(c, st == IN_EIO ? EX_IOERR : EX_DATAERR,
				 c->onerr == CLI_FAIL, "%s", c->in.msg);
			if (c->onerr == CLI_FAIL && !c->w) {
				cli_finish(c);
				exit(c->status);
			}
		}
		in_close(&c->in);
		c->in_open = 0;
	}
}

void cli_write(struct cli *c, const char *p, size_t n)
{
	ssize_t w;

	while (n > 0) {
		w = write(c->outfd, p, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE)
				exit(0); /* the reader is gone: stop quietly */
			if (c->outpath)
				die_errno(EX_IOERR, "cannot write '%s'",
					  c->outpath);
			die_errno(EX_IOERR, "cannot write the output");
		}
		p += w;
		n -= (size_t)w;
	}
}

void cli_flush(struct cli *c)
{
	cli_write(c, c->out.b.p, c->out.b.len);
	buf_reset(&c->out.b);
}

int cli_finish(struct cli *c)
{
	cli_flush(c);
	if (c->in_open) {
		in_close(&c->in);
		c->in_open = 0;
	}
	if (c->qf) {
		if (fclose(c->qf) != 0)
			die_errno(EX_IOERR, "cannot write '%s'", c->qpath);
		c->qf = NULL;
	}
	if (c->nskipped)
		warn("%llu bad record%s skipped",
		     (unsigned long long)c->nskipped,
		     c->nskipped == 1 ? "" : "s");
	if (c->nquarantined)
		warn("%llu bad record%s quarantined in '%s'",
		     (unsigned long long)c->nquarantined,
		     c->nquarantined == 1 ? "" : "s", c->qpath);
	if (c->outpath && c->outpath_inplace) {
		if (close(c->outfd) != 0)
			die_errno(EX_IOERR, "cannot write '%s'", c->outpath);
		c->outfd = -1;
	} else if (c->outpath) {
		if (fsync(c->outfd) != 0 && errno != EINVAL)
			die_errno(EX_IOERR, "cannot write '%s'", c->outpath);
		if (close(c->outfd) != 0)
			die_errno(EX_IOERR, "cannot write '%s'", c->outpath);
		c->outfd = -1;
		if (c->status == 0) {
			if (rename(c->tmppath, c->outpath) != 0)
				die_errno(EX_CANTCREAT, "cannot create '%s'",
					  c->outpath);
		} else {
			unlink(c->tmppath);
		}
		cleanup_tmp = NULL;
		free(c->tmppath);
		c->tmppath = NULL;
		free(c->outreal);
		c->outreal = NULL;
	}
	rec_release(&c->rec);
	buf_release(&c->out.b);
	return c->status;
}

void cli_slurp(const char *path, struct buf *out)
{
	struct buf err = BUF_INIT;

	cli_check(file_slurp(NULL, path, out, &err), &err);
	buf_release(&err);
}

void cli_check(int status, const struct buf *err)
{
	if (status)
		die(status, "%s", err->p ? err->p : "failed");
}

static _Noreturn void bad_value(const struct cli *c, const char *opt,
				const char *arg, const char *want)
{
	cli_usage_error(c, "invalid %s '%s' (%s)", opt, arg, want);
}

unsigned long long cli_parse_uint(const struct cli *c, const char *opt,
				  const char *arg, unsigned long long min,
				  unsigned long long max)
{
	unsigned long long v;
	char want[80], *end;

	snprintf(want, sizeof want, "an integer from %llu to %llu", min, max);
	if (arg[0] < '0' || arg[0] > '9')
		bad_value(c, opt, arg, want);
	errno = 0;
	v = strtoull(arg, &end, 10);
	if (*end || errno == ERANGE || v < min || v > max)
		bad_value(c, opt, arg, want);
	return v;
}

int64_t cli_parse_time(const struct cli *c, const char *opt, const char *arg,
		       struct ptime *t)
{
	struct ptime tmp;
	int rc;

	if (!t)
		t = &tmp;
	if (strcmp(arg, "now") == 0) {
		memset(t, 0, sizeof *t);
		t->sec = ptime_now();
		t->has_off = 1;
		return t->sec;
	}
	rc = ptime_parse(arg, strlen(arg), t);
	if (rc == PTIME_ERANGE)
		bad_value(c, opt, arg, ptime_strerror(rc));
	if (rc < 0)
		bad_value(c, opt, arg,
			  "a time like 2026-01-21T18:00:00Z, a date, or now");
	return t->sec;
}

void cli_parse_list(const struct cli *c, const char *opt, const char *arg,
		    struct strvec *sv)
{
	if (strvec_split(sv, arg) < 0)
		bad_value(c, opt, arg, "a comma-separated list, no empty item");
}
