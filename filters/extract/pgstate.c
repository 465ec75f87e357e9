/*
 * pgstate.c - the bookmark of pulse-extract pg: reading it strictly,
 * writing it atomically (pgstate.h).
 */
#include "pgstate.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "err.h"
#include "file.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "rec.h"

/* A bookmark is one short line; anything much longer is not one. */
#define PGSTATE_MAX (1 << 20)

static const char *const src_member[PGSTATE_N] = {"events", "payments", "last"};

/* "an array", "a string", "null": a JSON type for a message. */
static const char *a_type(int type)
{
	switch (type) {
	case JSON_NUMBER:
		return "a number";
	case JSON_STRING:
		return "a string";
	case JSON_ARRAY:
		return "an array";
	case JSON_OBJECT:
		return "an object";
	default:
		return json_type_name(type);
	}
}

static int damaged(struct buf *err, int *code, const char *path,
		   const char *why)
{
	buf_reset(err);
	buf_addf(err, "%s: damaged bookmark: %s; --full reads every row again",
		 path, why);
	*code = EX_DATAERR;
	return -1;
}

/* Reads a mark member: null, or {"ts": a time, idname: a string}. */
static int load_mark(struct pgstate *s, const struct rec *r, int src,
		     const char *path, struct buf *err, int *code)
{
	const char *name = src_member[src];
	const char *idname = src == PGSTATE_QUERY ? "key" : "id";
	struct json_span v = rec_get(r, name), ts = {0}, id = {0}, k, val;
	struct pgstate_mark *m = &s->mark[src];
	struct json_iter it;
	struct ptime t;
	struct buf why = BUF_INIT;
	int rc = 0;

	if (v.type == JSON_NONE) {
		buf_addf(&why, "no member '%s'", name);
		goto bad;
	}
	if (v.type == JSON_NULL)
		return 0;
	if (v.type != JSON_OBJECT) {
		buf_addf(&why, "'%s' is %s, not an object or null", name,
			 a_type(v.type));
		goto bad;
	}
	json_iter_init(&it, v);
	while (json_iter_next(&it, &k, &val)) {
		if (json_str_eq(k, "ts", 2))
			ts = val;
		else if (json_str_eq(k, idname, strlen(idname)))
			id = val;
	}
	if (ts.type != JSON_STRING || id.type != JSON_STRING) {
		const char *miss = ts.type != JSON_STRING ? "ts" : idname;
		struct json_span bad = ts.type != JSON_STRING ? ts : id;
		if (bad.type == JSON_NONE)
			buf_addf(&why, "'%s' has no member '%s'", name, miss);
		else
			buf_addf(&why, "'%s.%s' is %s, not a string", name,
				 miss, a_type(bad.type));
		goto bad;
	}
	buf_reset(&m->ts);
	buf_reset(&m->id);
	json_str_decode(ts, &m->ts);
	json_str_decode(id, &m->id);
	if (m->ts.len == 0 || memchr(m->ts.p, '\0', m->ts.len) ||
	    ptime_parse(m->ts.p, m->ts.len, &t) != 0) {
		buf_addf(&why, "'%s.ts' is not a time", name);
		goto bad;
	}
	if (m->id.len == 0 || memchr(m->id.p, '\0', m->id.len)) {
		buf_addf(&why, "'%s.%s' is empty or holds a NUL", name, idname);
		goto bad;
	}
	m->set = 1;
	goto out;
bad:
	rc = damaged(err, code, path, why.p);
out:
	buf_release(&why);
	return rc;
}

/* Checks the parsed bookmark r and takes its marks. */
static int load_rec(struct pgstate *s, const struct rec *r, const char *path,
		    struct buf *err, int *code)
{
	struct json_span src = rec_get(r, "source"), q = rec_get(r, "query");
	struct json_span key = rec_get(r, "key");
	int custom;

	if (src.type != JSON_STRING || !json_str_eq(src, "pg", 2))
		return damaged(err, code, path,
			       src.type == JSON_NONE
				       ? "no member 'source'"
				       : "'source' is not \"pg\": not a "
					 "bookmark of pulse-extract pg");
	if (q.type == JSON_NONE)
		return damaged(err, code, path, "no member 'query'");
	if (q.type == JSON_STRING && json_str_eq(q, "default", 7))
		custom = 0;
	else if (q.type == JSON_STRING && json_str_eq(q, "custom", 6))
		custom = 1;
	else
		return damaged(err, code, path,
			       "'query' is neither \"default\" nor \"custom\"");
	if (custom && key.type != JSON_STRING)
		return damaged(err, code, path,
			       key.type == JSON_NONE ? "no member 'key'"
						     : "'key' is not a string");
	if (custom != (s->key != NULL)) {
		buf_reset(err);
		buf_addf(err, "%s: the bookmark is of %s, not of %s", path,
			 custom ? "--query" : "the default query",
			 s->key ? "--query" : "the default query");
		*code = EX_USAGE;
		return -1;
	}
	if (custom && !json_str_eq(key, s->key, strlen(s->key))) {
		buf_reset(err);
		buf_addf(err, "%s: the bookmark is not of --key %s", path,
			 s->key);
		*code = EX_USAGE;
		return -1;
	}
	if (custom)
		return load_mark(s, r, PGSTATE_QUERY, path, err, code);
	if (load_mark(s, r, PGSTATE_EVENTS, path, err, code) < 0 ||
	    load_mark(s, r, PGSTATE_PAYMENTS, path, err, code) < 0)
		return -1;
	return 0;
}

static int parse(struct pgstate *s, const char *p, size_t n, const char *path,
		 struct buf *err, int *code)
{
	struct rec r = REC_INIT;
	struct json_error e;
	struct buf why = BUF_INIT;
	size_t skip = 0, i;
	int rc;

	if (n >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		skip = 3;
	for (i = skip; i < n; i++)
		if (!(p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
		      p[i] == '\n'))
			break;
	if (i == n)
		return damaged(err, code, path, "the file is empty");
	if (rec_parse(&r, p + skip, n - skip, &e) != 0) {
		buf_addf(&why, "%s at byte %zu", e.msg, skip + e.off + 1);
		rc = damaged(err, code, path, why.p);
	} else {
		rc = load_rec(s, &r, path, err, code);
	}
	rec_release(&r);
	buf_release(&why);
	return rc < 0 ? -1 : 1;
}

int pgstate_load(struct pgstate *s, const char *path, struct buf *err,
		 int *code)
{
	struct buf b = BUF_INIT;
	struct stat st;
	char tmp[4096];
	ssize_t got;
	int fd = open(path, O_RDONLY), rc;

	buf_reset(err);
	if (fd < 0 && errno == ENOENT)
		return 0; /* the first run */
	if (fd < 0) {
		buf_addf(err, "cannot open the bookmark '%s': %s", path,
			 strerror(errno));
		*code = EX_NOINPUT;
		return -1;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		buf_addf(err, "the bookmark '%s' is a directory", path);
		*code = EX_NOINPUT;
		return -1;
	}
	while ((got = read(fd, tmp, sizeof tmp)) != 0) {
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			buf_addf(err, "cannot read the bookmark '%s': %s", path,
				 strerror(errno));
			*code = EX_IOERR;
			close(fd);
			buf_release(&b);
			return -1;
		}
		buf_add(&b, tmp, (size_t)got);
		if (b.len > PGSTATE_MAX)
			break;
	}
	close(fd);
	if (b.len > PGSTATE_MAX)
		rc = damaged(err, code, path, "more than a megabyte");
	else
		rc = parse(s, b.p ? b.p : "", b.len, path, err, code);
	buf_release(&b);
	return rc;
}

static void put_mark(struct buf *b, const struct pgstate_mark *m,
		     const char *idname)
{
	if (!m->set) {
		jw_null(b);
		return;
	}
	buf_adds(b, "{\"ts\":");
	jw_str(b, m->ts.p, m->ts.len);
	buf_addf(b, ",\"%s\":", idname);
	jw_str(b, m->id.p, m->id.len);
	buf_addc(b, '}');
}

int pgstate_save(const struct pgstate *s, const char *path, struct buf *err,
		 int *code)
{
	struct buf b = BUF_INIT;
	int rc;

	buf_adds(&b, "{\"source\":\"pg\",\"query\":");
	if (s->key) {
		buf_adds(&b, "\"custom\",\"key\":");
		jw_cstr(&b, s->key);
		buf_adds(&b, ",\"last\":");
		put_mark(&b, &s->mark[PGSTATE_QUERY], "key");
	} else {
		buf_adds(&b, "\"default\",\"events\":");
		put_mark(&b, &s->mark[PGSTATE_EVENTS], "id");
		buf_adds(&b, ",\"payments\":");
		put_mark(&b, &s->mark[PGSTATE_PAYMENTS], "id");
	}
	buf_adds(&b, "}\n");
	rc = file_replace(path, b.p, b.len, "the bookmark", err);
	if (rc) {
		*code = rc;
		rc = -1;
	}
	buf_release(&b);
	return rc;
}

void pgstate_set(struct pgstate_mark *m, const char *ts, size_t tsn,
		 const char *id, size_t idn)
{
	buf_reset(&m->ts);
	buf_add(&m->ts, ts, tsn);
	buf_reset(&m->id);
	buf_add(&m->id, id, idn);
	m->set = 1;
}

void pgstate_release(struct pgstate *s)
{
	int k;

	for (k = 0; k < PGSTATE_N; k++) {
		buf_release(&s->mark[k].ts);
		buf_release(&s->mark[k].id);
	}
}
