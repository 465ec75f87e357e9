/* gen_out.c - atomic output files of pulse-gen; see gen.h. */
#include "gen.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
#include "err.h"
#include "ptime.h"

/*
 * The temporary files still open, removed if the program dies before
 * renaming them (pulse-gen writes at most a handful of files per run).
 */
#define GEN_MAX_TMP 16
static char *pending_tmp[GEN_MAX_TMP];

static void remove_pending(void)
{
	int i;

	for (i = 0; i < GEN_MAX_TMP; i++) {
		if (pending_tmp[i]) {
			unlink(pending_tmp[i]);
			pending_tmp[i] = NULL;
		}
	}
}

static void track_tmp(char *tmp, int on)
{
	static int registered;
	int i;

	if (!registered) {
		atexit(remove_pending);
		registered = 1;
	}
	for (i = 0; i < GEN_MAX_TMP; i++) {
		if (on && !pending_tmp[i]) {
			pending_tmp[i] = tmp;
			return;
		}
		if (!on && pending_tmp[i] == tmp) {
			pending_tmp[i] = NULL;
			return;
		}
	}
	if (on)
		die(EX_SOFTWARE, "too many output files");
}

static mode_t current_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

void gen_out_open(struct gen_out *o, const char *path)
{
	const char *slash;
	struct stat st;

	memset(o, 0, sizeof *o);
	o->fd = 1;
	/* A closed pipe is an EPIPE from write(), handled in gen_out_flush().
	 */
	signal(SIGPIPE, SIG_IGN);
	if (!path || strcmp(path, "-") == 0)
		return;
	o->path = path;
	/* Devices and pipes (/dev/null, /dev/stdout, a fifo) are written in
	 * place: renaming a file over them would replace the device. */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		o->fd = open(path, O_WRONLY);
		if (o->fd < 0)
			die_errno(EX_CANTCREAT, "cannot open '%s'", path);
		return;
	}
	slash = strrchr(path, '/');
	o->tmp = xmalloc(strlen(path) + 16);
	sprintf(o->tmp, "%.*s.%s.XXXXXX", slash ? (int)(slash - path) + 1 : 0,
		path, slash ? slash + 1 : path);
	o->fd = mkstemp(o->tmp);
	if (o->fd < 0)
		die_errno(EX_CANTCREAT, "cannot create '%s'", path);
	fchmod(o->fd, 0666 & ~current_umask());
	track_tmp(o->tmp, 1);
}

void gen_out_flush(struct gen_out *o)
{
	size_t off = 0;
	ssize_t n;

	while (off < o->b.len) {
		n = write(o->fd, o->b.p + off, o->b.len - off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EPIPE && !o->path)
				exit(0);
			die_errno(EX_IOERR, "cannot write '%s'",
				  o->path ? o->path : "<stdout>");
		}
		off += (size_t)n;
	}
	buf_reset(&o->b);
}

void gen_out_close(struct gen_out *o)
{
	gen_out_flush(o);
	if (o->path && !o->tmp) {
		if (close(o->fd) != 0)
			die_errno(EX_IOERR, "cannot write '%s'", o->path);
	} else if (o->path) {
		if (close(o->fd) != 0)
			die_errno(EX_IOERR, "cannot write '%s'", o->path);
		if (rename(o->tmp, o->path) != 0)
			die_errno(EX_CANTCREAT, "cannot rename '%s' to '%s'",
				  o->tmp, o->path);
		track_tmp(o->tmp, 0);
		free(o->tmp);
	}
	buf_release(&o->b);
	memset(o, 0, sizeof *o);
	o->fd = -1;
}

uint64_t gen_parse_u64(const struct cli *c, const char *opt, const char *arg,
		       uint64_t max)
{
	char *end;
	unsigned long long v;

	errno = 0;
	if (!*arg || *arg == '-')
		cli_usage_error(c, "invalid %s '%s'", opt, arg);
	v = strtoull(arg, &end, 10);
	if (errno || *end || v > max)
		cli_usage_error(c, "invalid %s '%s'", opt, arg);
	return v;
}

int gen_common_opt(const struct cli *c, int opt, const char *arg,
		   uint64_t *seed, int64_t *as_of, int64_t *days,
		   int64_t max_days)
{
	struct ptime t;

	switch (opt) {
	case 's':
		*seed = gen_parse_u64(c, "--seed", arg, UINT64_MAX);
		return 1;
	case GEN_OPT_AS_OF:
		if (ptime_parse(arg, strlen(arg), &t) != 0)
			cli_usage_error(c, "invalid --as-of '%s'", arg);
		*as_of = t.sec;
		return 1;
	case GEN_OPT_DAYS:
		*days = (int64_t)gen_parse_u64(c, "--days", arg,
					       (uint64_t)max_days);
		if (*days < 1)
			cli_usage_error(c, "invalid --days '%s'", arg);
		return 1;
	default:
		return 0;
	}
}
