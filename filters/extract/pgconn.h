/*
 * pgconn.h - where pulse-extract pg finds its connection string, and the
 * secrets it must never print.
 *
 * The connection string comes from, in this order:
 *   --db-file FILE  its first line (a UTF-8 BOM, CR and trailing blanks
 *                   dropped): the place for one with a password;
 *   --db CONNINFO   only without a password: a command line is visible to
 *                   every local user (ps, /proc/PID/cmdline);
 *   $PULSE_DB       the environment, which only the user and root see;
 *   nothing         libpq's own defaults: PG* variables, ~/.pgpass, a
 *                   service file.
 * The password of the string, and $PGPASSWORD, become secrets:
 * pgconn_scrub() cuts them from any message (libpq's included).
 *
 * Errors: functions return < 0 with a message in err (no program name)
 * and the exit status in *code; nothing here prints or exits.
 */
#ifndef PULSE_PGCONN_H
#define PULSE_PGCONN_H

#include <libpq-fe.h>

#include "buf.h"

#define PGCONN_NSECRETS 4

struct pgconn {
	struct buf conninfo; /* empty: libpq's defaults */
	const char *from;    /* "--db-file", "--db", "PULSE_DB" or NULL */
	char *secrets[PGCONN_NSECRETS];
};

/*
 * Finds the connection string (db: --db or NULL, db_file: --db-file or
 * NULL) and collects its secrets.  A --db-file that others can read puts a
 * note in warning (else it is left empty).  @return 0, or < 0 with *code
 * 64 (--db holds a password; --db or $PULSE_DB does not parse), 65
 * (--db-file holds no valid string), 66 (cannot open it, a directory) or
 * 74.
 */
int pgconn_find(struct pgconn *k, const char *db, const char *db_file,
		struct buf *err, struct buf *warning, int *code);

/* Adds p (a password) to the secrets; NULL and "" are ignored. */
void pgconn_add_secret(struct pgconn *k, const char *p);

/* Copies s to out (reset first) with each secret replaced by "***" and the
 * trailing newlines and blanks of libpq's messages dropped. */
void pgconn_scrub(const struct pgconn *k, const char *s, struct buf *out);

/* Writes "host=H port=P dbname=D user=U" (what conn used, never the
 * password) to who (reset first). */
void pgconn_describe(PGconn *conn, struct buf *who);

void pgconn_release(struct pgconn *k);

#endif
