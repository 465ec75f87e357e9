/*
 * pgconn.c - pulse-extract pg's connection string and secrets (pgconn.h).
 */
#include "pgconn.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "err.h"

static int fail(int *code, int c)
{
	*code = c;
	return -1;
}

/* Reads the first line of path into k->conninfo. */
static int read_file(struct pgconn *k, const char *path, struct buf *err,
		     struct buf *warning, int *code)
{
	struct buf b = BUF_INIT;
	struct stat st;
	char tmp[4096];
	ssize_t got;
	size_t i = 0, n;
	int fd = open(path, O_RDONLY), rc = -1;

	if (fd < 0) {
		buf_addf(err, "cannot open --db-file '%s': %s", path,
			 strerror(errno));
		return fail(code, EX_NOINPUT);
	}
	if (fstat(fd, &st) != 0) {
		buf_addf(err, "cannot read --db-file '%s': %s", path,
			 strerror(errno));
		close(fd);
		return fail(code, EX_IOERR);
	}
	if (S_ISDIR(st.st_mode)) {
		buf_addf(err, "--db-file '%s' is a directory", path);
		close(fd);
		return fail(code, EX_NOINPUT);
	}
	while ((got = read(fd, tmp, sizeof tmp)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			buf_addf(err, "cannot read --db-file '%s': %s", path,
				 strerror(errno));
			fail(code, EX_IOERR);
			goto out;
		}
		buf_add(&b, tmp, (size_t)got);
		if (memchr(tmp, '\n', (size_t)got) || b.len > 65536)
			break;
	}
	if ((st.st_mode & 077) != 0)
		buf_addf(warning,
			 "--db-file '%s' can be read by other users (chmod 600 "
			 "it)",
			 path);
	if (b.len >= 3 && memcmp(b.p, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (n = i; n < b.len && b.p[n] != '\n'; n++)
		;
	while (n > i &&
	       (b.p[n - 1] == '\r' || b.p[n - 1] == ' ' || b.p[n - 1] == '\t'))
		n--;
	if (n == i) {
		buf_addf(err,
			 "--db-file '%s': no connection string on its "
			 "first line",
			 path);
		fail(code, EX_DATAERR);
		goto out;
	}
	if (memchr(b.p + i, '\0', n - i)) {
		buf_addf(err, "--db-file '%s': a NUL in the connection string",
			 path);
		fail(code, EX_DATAERR);
		goto out;
	}
	buf_add(&k->conninfo, b.p + i, n - i);
	rc = 0;
out:
	close(fd);
	buf_release(&b);
	return rc;
}

/* libpq's complaint about a string, with what it quotes of it cut. */
static void parse_error(const char *m, struct buf *out)
{
	int quoted = 0;

	for (; *m; m++) {
		if (*m == '"') {
			quoted = !quoted;
			buf_adds(out, quoted ? "\"..." : "\"");
		} else if (!quoted && *m != '\n') {
			buf_addc(out, *m);
		}
	}
}

int pgconn_find(struct pgconn *k, const char *db, const char *db_file,
		struct buf *err, struct buf *warning, int *code)
{
	PQconninfoOption *opts, *o;
	const char *env = getenv("PULSE_DB");
	char *perr = NULL;
	int has_pw = 0;

	buf_reset(err);
	buf_reset(warning);
	pgconn_add_secret(k, getenv("PGPASSWORD"));
	if (db_file) {
		if (read_file(k, db_file, err, warning, code) < 0)
			return -1;
		k->from = "--db-file";
	} else if (db) {
		buf_adds(&k->conninfo, db);
		k->from = "--db";
	} else if (env && *env) {
		buf_adds(&k->conninfo, env);
		k->from = "PULSE_DB";
	}
	if (!k->conninfo.len)
		return 0;
	opts = PQconninfoParse(k->conninfo.p, &perr);
	if (!opts) {
		if (db_file)
			buf_addf(err,
				 "--db-file '%s': invalid connection "
				 "string: ",
				 db_file);
		else
			buf_addf(err,
				 "invalid %s connection string: ", k->from);
		parse_error(perr ? perr : "cannot parse it", err);
		if (perr)
			PQfreemem(perr);
		return fail(code, db_file ? EX_DATAERR : EX_USAGE);
	}
	for (o = opts; o->keyword; o++) {
		if (strcmp(o->keyword, "password") == 0 && o->val && *o->val) {
			pgconn_add_secret(k, o->val);
			has_pw = 1;
		}
	}
	PQconninfoFree(opts);
	if (has_pw && !db_file && db) {
		buf_adds(err, "--db holds a password, which every local user "
			      "can read on a command line: use --db-file, "
			      "PULSE_DB, PGPASSWORD or ~/.pgpass");
		return fail(code, EX_USAGE);
	}
	return 0;
}

void pgconn_add_secret(struct pgconn *k, const char *p)
{
	int i;

	if (!p || !*p)
		return;
	for (i = 0; i < PGCONN_NSECRETS; i++) {
		if (!k->secrets[i]) {
			k->secrets[i] = xstrdup(p);
			return;
		}
		if (strcmp(k->secrets[i], p) == 0)
			return;
	}
}

void pgconn_scrub(const struct pgconn *k, const char *s, struct buf *out)
{
	size_t i, j, n = strlen(s);

	buf_reset(out);
	for (i = 0; i < n;) {
		for (j = 0; j < PGCONN_NSECRETS; j++) {
			const char *p = k->secrets[j];
			size_t pn = p ? strlen(p) : 0;
			if (pn && pn <= n - i && memcmp(s + i, p, pn) == 0)
				break;
		}
		if (j < PGCONN_NSECRETS) {
			buf_adds(out, "***");
			i += strlen(k->secrets[j]);
			continue;
		}
		buf_addc(out, s[i++]);
	}
	while (out->len > 0 &&
	       (out->p[out->len - 1] == '\n' || out->p[out->len - 1] == ' '))
		out->p[--out->len] = '\0';
}

void pgconn_describe(PGconn *conn, struct buf *who)
{
	static const char *const keep[] = {"host",   "hostaddr", "port",
					   "dbname", "user",	 NULL};
	PQconninfoOption *opts = conn ? PQconninfo(conn) : NULL, *o;
	int i;

	buf_reset(who);
	if (!opts)
		return;
	for (i = 0; keep[i]; i++) {
		for (o = opts; o->keyword; o++) {
			if (strcmp(o->keyword, keep[i]) != 0 || !o->val ||
			    !*o->val)
				continue;
			if (who->len)
				buf_addc(who, ' ');
			buf_addf(who, "%s=%s", o->keyword, o->val);
		}
	}
	PQconninfoFree(opts);
}

void pgconn_release(struct pgconn *k)
{
	int i;

	for (i = 0; i < PGCONN_NSECRETS; i++) {
		free(k->secrets[i]);
		k->secrets[i] = NULL;
	}
	buf_release(&k->conninfo);
}
