/*
 * rec.h - one NDJSON record: a JSON object on one line.
 *
 * rec_parse() validates the whole line (json.h) and indexes its top-level
 * members as spans into the line; no member is decoded until asked for.
 * The line must outlive the struct rec's use of it.
 *
 * Output keeps what a stage does not know: rec_out collects the stage's own
 * members, then rec_out_emit() writes the input record's members byte for
 * byte (whitespace between the tokens of a record that spanned lines is
 * dropped, so the output is always one line), a member the stage set replaced
 * in place (later duplicates of its key dropped), the stage's new members
 * appended in the order they were set.
 *
 * Duplicate keys: rec_get() answers the last one, as jq does.
 */
#ifndef PULSE_REC_H
#define PULSE_REC_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "json.h"

struct rec_field {
	struct json_span key; /* a string span, quotes included */
	struct json_span val;
};

struct rec {
	const char *line;
	size_t len;
	struct rec_field *f;
	size_t nf;
	size_t cap;
	struct buf scratch; /* for decoding escaped keys */
	int multiline;	    /* the record spans lines (an array element or a
			       pretty-printed object): rec_out_emit() compacts
			       the values it copies; set by the reader (cli.c) */
};

#define REC_INIT                                                               \
	{                                                                      \
		NULL, 0, NULL, 0, 0, BUF_INIT, 0                               \
	}

void rec_init(struct rec *r);
void rec_release(struct rec *r);

/*
 * Parses line[0..len) (no trailing newline; a trailing '\r' is allowed as
 * whitespace).  @return 0, or -1 with e filled in (also when the value is
 * valid JSON but not an object).
 */
int rec_parse(struct rec *r, const char *line, size_t len,
	      struct json_error *e);

/*
 * As rec_parse() of the object at the start of line[0..avail), which may
 * run on past it (the reader's buffer: an in_parse_fn, in.h, with r as
 * arg): the same members, without the error's message.  @return the
 * object's length (r->len), or 0 when it is not a valid object or avail
 * cuts it (r is then to be parsed again).
 */
size_t rec_take(void *r, const char *line, size_t avail);

/* The member named key, or a span of type JSON_NONE when absent. */
struct json_span rec_get(const struct rec *r, const char *key);
struct json_span rec_getn(const struct rec *r, const char *key, size_t klen);

/*
 * Keys looked up together: rec_pick() finds them all in one pass over a
 * record's members, where rec_get() per key would pass over them once a
 * key.  A name may come twice (each gets the value).
 */
#define REC_KEYS_MAX 32
#define REC_KEYS_SLOTS 128

struct rec_keys {
	const char *name[REC_KEYS_MAX];
	size_t len[REC_KEYS_MAX];
	int dup[REC_KEYS_MAX]; /* the next key of the same name, or -1 */
	size_t n;
	unsigned char slot[REC_KEYS_SLOTS]; /* index + 1 of a key, 0: none */
};

/* The set of names[0..n) (n <= REC_KEYS_MAX; the names are not copied). */
void rec_keys_init(struct rec_keys *ks, const char *const *names, size_t n);

/*
 * out[i]: the member named ks->name[i] (the last one when the key comes
 * twice, as rec_get()), or a span of type JSON_NONE.
 */
void rec_pick(const struct rec *r, const struct rec_keys *ks,
	      struct json_span *out);

/*
 * A string member's content, decoded when it has escapes (into scratch,
 * which is reset).  @return 1 with *p and *n set, 0 when absent or null, -1
 * when present with another type.
 */
int rec_str(const struct rec *r, const char *key, struct buf *scratch,
	    const char **p, size_t *n);

/* The stage's own members for one output record. */
struct rec_out {
	struct buf vals; /* raw JSON values, back to back */
	struct rec_out_item {
		const char *key; /* not owned: string literals or caller's */
		size_t klen;
		size_t off, len; /* value in vals */
		int done;
	} * items;
	size_t n, cap;
	size_t open_off; /* start of the value being written */
};

#define REC_OUT_INIT                                                           \
	{                                                                      \
		BUF_INIT, NULL, 0, 0, 0                                        \
	}

/* Forgets the members of the previous record, keeps the memory. */
void rec_out_reset(struct rec_out *o);
void rec_out_release(struct rec_out *o);

/*
 * Starts member key (the key is not copied: it must live until emit) and
 * returns the buffer to append its raw JSON value to, with the jw_*
 * writers, before the next rec_out_set() or rec_out_emit().
 */
struct buf *rec_out_set(struct rec_out *o, const char *key);

/* Convenience setters. */
void rec_out_str(struct rec_out *o, const char *key, const char *s, size_t n);
void rec_out_cstr(struct rec_out *o, const char *key, const char *s);
void rec_out_i64(struct rec_out *o, const char *key, int64_t v);
void rec_out_null(struct rec_out *o, const char *key);
void rec_out_raw(struct rec_out *o, const char *key, const char *raw, size_t n);

/*
 * Appends record r unchanged to dst as one line and a '\n': the line as
 * read, or compacted when the record spanned lines.
 */
void rec_emit_line(const struct rec *r, struct buf *dst);

/*
 * Appends to dst one line: in's members (in may be NULL) with o's applied,
 * as described at the top, and a '\n'.
 */
void rec_out_emit(struct rec_out *o, const struct rec *in, struct buf *dst);

#endif
