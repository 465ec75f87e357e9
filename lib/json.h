/*
 * json.h - JSON values as spans of the input, never as trees.
 *
 * pulse does not build a DOM.  A value is a struct json_span: a pointer
 * into the caller's bytes, a length and a type.  Strings keep their quotes
 * and escapes (the raw bytes, so they can be copied through unchanged);
 * json_str_decode() turns one into UTF-8 when its content is needed.
 *
 * json_validate() is the strict gate (RFC 8259): every byte of a record is
 * checked once, strings must be valid UTF-8 (no overlong forms, no
 * surrogates, nothing above U+10FFFF), escapes must be well-formed and a
 * \u surrogate must be a proper high/low pair.  Nesting is limited to
 * JSON_MAX_DEPTH.  The other functions assume a span that passed it.
 *
 * Nothing here allocates except into a struct buf the caller owns.  The
 * writers are in jw.h.
 */
#ifndef PULSE_JSON_H
#define PULSE_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

#define JSON_MAX_DEPTH 512

enum json_type {
	JSON_NONE = 0, /* absent */
	JSON_NULL,
	JSON_FALSE,
	JSON_TRUE,
	JSON_NUMBER,
	JSON_STRING,
	JSON_ARRAY,
	JSON_OBJECT,
};

enum json_flag {
	JSON_F_ESC = (1 << 0),	    /* a string with at least one backslash */
	JSON_F_NONASCII = (1 << 1), /* a string with bytes >= 0x80 */
};

struct json_span {
	const char *p;	     /* first byte of the value ('"' for strings) */
	size_t n;	     /* bytes, quotes included */
	unsigned char type;  /* enum json_type */
	unsigned char flags; /* enum json_flag, for strings */
};

struct json_error {
	size_t off; /* byte offset of the error in the validated text */
	char msg[80];
};

/*
 * Validates p[0..n) as one JSON value with optional surrounding whitespace.
 * @return 0, or -1 with e filled in.
 */
int json_validate(const char *p, size_t n, struct json_error *e);

/*
 * Scans the value that starts at p (no leading whitespace), not beyond end,
 * validating it.  @return a pointer just past the value, or NULL with e
 * filled in (e->off relative to base).  out receives the span when not NULL.
 */
const char *json_scan_value(const char *base, const char *p, const char *end,
			    struct json_span *out, struct json_error *e);

/*
 * As json_scan_value(), for a value found inside outer levels of nesting
 * (a record's member is inside 1): the JSON_MAX_DEPTH limit counts them,
 * so a record nests no deeper than json_validate() allows.
 */
const char *json_scan_nested(const char *base, const char *p, const char *end,
			     int outer, struct json_span *out,
			     struct json_error *e);

/*
 * Scans one member of an object at p, "key": value (whitespace allowed
 * around the colon), validating both; the value is inside outer levels of
 * nesting, as for json_scan_nested().  khint guesses the key's length,
 * quotes included (the same member's in the record before; 0: no guess):
 * a right guess spares waiting for the search of its end, a wrong one
 * costs a branch.  @return a pointer just past the value, or NULL with e
 * filled in.
 */
const char *json_scan_member(const char *base, const char *p, const char *end,
			     int outer, size_t khint, struct json_span *key,
			     struct json_span *val, struct json_error *e);

/*
 * Appends validated JSON text p[0..n) to b without the whitespace between
 * its tokens (strings are copied as they are).
 */
void json_compact(struct buf *b, const char *p, size_t n);

/* Names a type for messages: "string", "number", ... */
const char *json_type_name(int type);

/*
 * Appends the decoded UTF-8 content of string span s (quotes stripped,
 * escapes resolved) to out.  @return 0, or -1 when s is not a string.
 */
int json_str_decode(struct json_span s, struct buf *out);

/* Compares the decoded content of string span s with str[0..n). */
int json_str_eq(struct json_span s, const char *str, size_t n);

/*
 * The content of a string span with no escapes, quotes stripped, without
 * copying; for strings with escapes, decodes into scratch (reset first) and
 * points there.  @return 0, or -1 when s is not a string.
 */
int json_str_view(struct json_span s, struct buf *scratch, const char **p,
		  size_t *n);

/* Iterates over the members of an array or object span. */
struct json_iter {
	const char *p;
	const char *end;
	int is_object;
};

/* @return 0, or -1 when c is not an array or object. */
int json_iter_init(struct json_iter *it, struct json_span c);

/*
 * Next member: for objects *key gets the key (a string span); key may be
 * NULL for arrays.  @return 1 with a member, 0 at the end.
 */
int json_iter_next(struct json_iter *it, struct json_span *key,
		   struct json_span *val);

/*
 * Number conversions.  json_to_i64 accepts integers only (no fraction or
 * exponent) that fit in int64_t.  Both @return 0, or -1.
 */
int json_to_i64(struct json_span v, int64_t *out);
int json_to_double(struct json_span v, double *out);

/* True when v is null, false or absent: Odoo's and Bitrix's "no value". */
static inline int json_is_empty(struct json_span v)
{
	return v.type == JSON_NONE || v.type == JSON_NULL ||
	       v.type == JSON_FALSE;
}

#endif
