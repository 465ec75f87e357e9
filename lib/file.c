/* file.c - small files read whole; see file.h. */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
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
