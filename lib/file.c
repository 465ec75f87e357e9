/* file.c - small files read whole; see file.h. */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

size_t file_bom(const char *p, size_t n)
{
	return n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

int file_blank(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\n' && p[i] != '\r')
			return 0;
	return 1;
}

int file_slurp(const char *what, const char *path, struct buf *out,
	       struct buf *err)
{
	char tmp[65536];
	size_t start = out->len, bom;
	struct stat st;
	ssize_t n;
	int fd;

	buf_reset(err);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		buf_addf(err, "cannot open %s%s'%s': %s", what ? what : "",
			 what ? " " : "", path, strerror(errno));
		return EX_NOINPUT;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		buf_addf(err, "cannot read %s%s'%s': %s", what ? what : "",
			 what ? " " : "", path, strerror(EISDIR));
		close(fd);
		return EX_NOINPUT;
	}
	while ((n = read(fd, tmp, sizeof tmp)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			buf_addf(err, "cannot read %s%s'%s': %s",
				 what ? what : "", what ? " " : "", path,
				 strerror(errno));
			close(fd);
			return EX_IOERR;
		}
		buf_add(out, tmp, (size_t)n);
	}
	close(fd);
	bom = file_bom(out->p + start, out->len - start);
	if (bom) {
		memmove(out->p + start, out->p + start + bom,
			out->len - start - bom);
		out->len -= bom;
		out->p[out->len] = '\0';
	}
	return 0;
}

static int replace_fail(struct buf *err, int code, const char *what,
			const char *file)
{
	buf_reset(err);
	buf_addf(err, "cannot %s '%s': %s", what, file, strerror(errno));
	return code;
}

int file_replace(const char *path, const char *p, size_t n, const char *what,
		 struct buf *err)
{
	struct buf tmp = BUF_INIT;
	size_t off = 0;
	ssize_t w;
	int fd, rc = 0;

	buf_addf(&tmp, "%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp.p);
	if (fd < 0) {
		rc = replace_fail(err, EX_CANTCREAT, "create", tmp.p);
		goto out;
	}
	while (off < n) {
		w = write(fd, p + off, n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			rc = replace_fail(err, EX_IOERR, "write", tmp.p);
			close(fd);
			unlink(tmp.p);
			goto out;
		}
		off += (size_t)w;
	}
	fchmod(fd, 0644);
	if (fsync(fd) != 0 || close(fd) != 0) {
		rc = replace_fail(err, EX_IOERR, "write", tmp.p);
		unlink(tmp.p);
		goto out;
	}
	if (rename(tmp.p, path) != 0) {
		char how[80];
		int e = errno;

		unlink(tmp.p);
		errno = e;
		snprintf(how, sizeof how, "write %s", what);
		rc = replace_fail(err, EX_CANTCREAT, how, path);
	}
out:
	buf_release(&tmp);
	return rc;
}
