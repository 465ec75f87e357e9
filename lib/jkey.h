/*
 * jkey.h - group keys as JSON text: one canonical spelling, and jq's order.
 *
 * pulse-tally keys its groups by the values of its --by fields, and
 * pulse-merge must find the same group in records that went through other
 * tools (jq re-escapes strings, adds spaces): both key by the canonical
 * JSON of a value, and sort keys with the one comparison here.
 */
#ifndef PULSE_JKEY_H
#define PULSE_JKEY_H

#include <stddef.h>

#include <stdint.h>

#include "buf.h"
#include "json.h"

/*
 * Appends the canonical JSON of v (a span that passed json_validate()):
 * no whitespace, strings decoded and written again by jw_str(), numbers
 * and literals as they are; an absent value (JSON_NONE) is null.
 * scratch is reused for decoding.
 */
void jkey_canon(struct json_span v, struct buf *out, struct buf *scratch);

/*
 * jkey_canon() with a memo of the strings with escapes met before: a
 * record's "\u0421\u043e..." name is decoded and written again once, not
 * once a record.  Direct-mapped, JKEY_MEMO_SLOTS strings of up to
 * JKEY_MEMO_MAX raw bytes; other values go to jkey_canon().  Zero it to
 * start; jkey_memo_release() frees its copies.
 */
#define JKEY_MEMO_SLOTS 64
#define JKEY_MEMO_MAX 256
struct jkey_memo {
	struct {
		char *raw; /* the raw string, then its canonical form */
		size_t rn, cn;
	} e[JKEY_MEMO_SLOTS];
};
void jkey_canon_memo(struct jkey_memo *m, struct json_span v, struct buf *out,
		     struct buf *scratch);

/*
 * The same memo for json_str_decode(): the decoded content of string v
 * (with escapes) in *p and *n, pointing into the memo (valid until its
 * next call).  @return 1, or 0 when v is not a string the memo takes (no
 * escapes, too long): the caller decodes it.  A memo serves one of the two
 * functions, never both.
 */
int jkey_decode_memo(struct jkey_memo *m, struct json_span v, const char **p,
		     size_t *n);
void jkey_memo_release(struct jkey_memo *m);

/*
 * Compares two key tuples (canonical JSON values joined by ',') in jq's
 * order: null < false < true < numbers < strings < arrays < objects,
 * strings by their UTF-8 bytes, numbers by value; equal values of
 * different spelling (1 and 1.0) by their bytes.  @return <0, 0 or >0.
 */
int jkey_cmp(const char *a, size_t an, const char *b, size_t bn);

/*
 * The orders of groups --sort-by offers, in pulse-tally and pulse-merge:
 * first appearance, count (descending, then as by key) and key.
 */
enum jkey_sort { JKEY_SORT_FIRST, JKEY_SORT_COUNT, JKEY_SORT_KEY };

/* "first", "count" or "key".  @return 0 with *out set, or -1. */
int jkey_sort_parse(const char *s, enum jkey_sort *out);

/* A group as pulse-tally orders its output (and pulse-merge its count
 * records): its key tuple, its count and where it first appeared. */
struct jkey_order {
	const char *key;
	size_t klen;
	uint64_t count;
	size_t idx;
};

/* qsort() comparators of struct jkey_order: --sort-by key (then first
 * appearance) and --sort-by count (descending, then as by key). */
int jkey_order_by_key(const void *a, const void *b);
int jkey_order_by_count(const void *a, const void *b);

#endif
