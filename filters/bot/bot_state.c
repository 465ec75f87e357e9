/*
 * bot_state.c - what pulse-bot remembers between runs, in STATE/bot:
 *
 * (or --bot-dir):
 *
 *   offset   the next update_id to ask getUpdates for, written (a
 *            temporary file renamed over it) after each handled update,
 *            so that a restart neither answers an update twice nor loses
 *            one;
 *   refused  the foreign chats already told that they are not served,
 *            one id a line, appended as they come.
 */
#include "bot.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file.h"

static int sys_err(struct buf *err, int code, const char *what,
		   const char *path)
{
	buf_reset(err);
	buf_addf(err, "cannot %s '%s': %s", what, path, strerror(errno));
	return code;
}

static int mkdir_p(const char *path)
{
	if (mkdir(path, 0750) == 0 || errno == EEXIST)
		return 0;
	return -1;
}

/* An int64 of a line: digits with an optional '-', nothing else. */
static int parse_i64(const char *s, size_t n, int64_t *out)
{
	char tmp[32], *end;
	long long v;

	if (!n || n >= sizeof tmp || memchr(s, '\0', n))
		return -1;
	memcpy(tmp, s, n);
	tmp[n] = '\0';
	if (!(tmp[0] == '-' || (tmp[0] >= '0' && tmp[0] <= '9')))
		return -1;
	errno = 0;
	v = strtoll(tmp, &end, 10);
	if (errno || *end)
		return -1;
	*out = v;
	return 0;
}

static int read_lines(struct bot_state *s, const char *path, int is_offset,
		      struct buf *err)
{
	struct buf b = BUF_INIT;
	size_t ln = 0;
	const char *p, *end;
	int st;

	if (access(path, F_OK) < 0 && errno == ENOENT)
		return 0;
	st = file_slurp(is_offset ? "the offset" : "the refused chats", path,
			&b, err);
	if (st) {
		buf_release(&b);
		return st;
	}
	p = b.p ? b.p : "";
	end = p + b.len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		int64_t v;
		ln++;
		if (len && p[len - 1] == '\r')
			len--;
		if (len && parse_i64(p, len, &v) < 0) {
			buf_reset(err);
			buf_addf(err, "%s:%zu: not a number", path, ln);
			buf_release(&b);
			return EX_DATAERR;
		}
		if (len && is_offset)
			s->offset = v;
		else if (len && !bot_state_refused(s, v)) {
			if (s->nrefused == s->caprefused) {
				s->caprefused =
					s->caprefused ? 2 * s->caprefused : 16;
				s->refused = xrealloc(
					s->refused,
					s->caprefused * sizeof *s->refused);
			}
			s->refused[s->nrefused++] = v;
		}
		p = nl ? nl + 1 : end;
	}
	buf_release(&b);
	return 0;
}

int bot_state_open(struct bot_state *s, const char *dir, struct buf *err)
{
	struct buf path = BUF_INIT;
	int st;

	memset(s, 0, sizeof *s);
	s->dir = xstrdup(dir);
	if (mkdir_p(s->dir) < 0)
		return sys_err(err, EX_CANTCREAT, "create", s->dir);
	buf_addf(&path, "%s/offset", s->dir);
	st = read_lines(s, path.p, 1, err);
	buf_reset(&path);
	buf_addf(&path, "%s/refused", s->dir);
	if (!st)
		st = read_lines(s, path.p, 0, err);
	buf_release(&path);
	return st;
}

int bot_state_set_offset(struct bot_state *s, int64_t offset, struct buf *err)
{
	struct buf tmp = BUF_INIT, path = BUF_INIT;
	char line[32];
	int fd, n, st = 0;

	buf_addf(&tmp, "%s/.offset.tmp", s->dir);
	buf_addf(&path, "%s/offset", s->dir);
	n = snprintf(line, sizeof line, "%" PRId64 "\n", offset);
	fd = open(tmp.p, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0640);
	if (fd < 0)
		st = sys_err(err, EX_CANTCREAT, "create", tmp.p);
	else if (write(fd, line, (size_t)n) != n) {
		st = sys_err(err, EX_IOERR, "write", tmp.p);
		close(fd);
	} else if (close(fd) < 0)
		st = sys_err(err, EX_IOERR, "write", tmp.p);
	else if (rename(tmp.p, path.p) < 0)
		st = sys_err(err, EX_IOERR, "rename into", path.p);
	if (!st)
		s->offset = offset;
	buf_release(&tmp);
	buf_release(&path);
	return st;
}

int bot_state_refused(const struct bot_state *s, int64_t chat)
{
	size_t i;

	for (i = 0; i < s->nrefused; i++)
		if (s->refused[i] == chat)
			return 1;
	return 0;
}

int bot_state_add_refused(struct bot_state *s, int64_t chat, struct buf *err)
{
	struct buf path = BUF_INIT;
	char line[32];
	int fd, n, st = 0;

	if (bot_state_refused(s, chat))
		return 0;
	buf_addf(&path, "%s/refused", s->dir);
	n = snprintf(line, sizeof line, "%" PRId64 "\n", chat);
	fd = open(path.p, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0640);
	if (fd < 0)
		st = sys_err(err, EX_CANTCREAT, "create", path.p);
	else {
		if (write(fd, line, (size_t)n) != n)
			st = sys_err(err, EX_IOERR, "write", path.p);
		if (close(fd) < 0 && !st)
			st = sys_err(err, EX_IOERR, "write", path.p);
	}
	buf_release(&path);
	if (st)
		return st;
	if (s->nrefused == s->caprefused) {
		s->caprefused = s->caprefused ? 2 * s->caprefused : 16;
		s->refused = xrealloc(s->refused,
				      s->caprefused * sizeof *s->refused);
	}
	s->refused[s->nrefused++] = chat;
	return 0;
}

void bot_state_release(struct bot_state *s)
{
	free(s->dir);
	free(s->refused);
	memset(s, 0, sizeof *s);
}
