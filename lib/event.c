/* event.c - reading event records; see event.h. */
#include "event.h"

#include <stdio.h>
#include <string.h>

#include "jw.h"

#define US_PER_SEC INT64_C(1000000)

/* "an array", "a boolean", ... */
static const char *a_type(int type)
{
	switch (type) {
	case JSON_ARRAY:
		return "an array";
	case JSON_OBJECT:
		return "an object";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	default:
		return type == JSON_NUMBER ? "a number" : "a string";
	}
}

/*
 * Whether number v is written as an integer: no fraction, no exponent,
 * no "-0".  7.0, 7e0 and 70e-1 are 7 too, and taken as raw bytes they
 * would be three more users.
 *
 * It runs for every event, so it looks at eight bytes at a time: in a
 * JSON number the digits are the bytes with bit 0x10 set ('.', 'e', 'E',
 * '+' and '-' have it clear).  The last word read ends with the number
 * and may start up to seven bytes before it: v is user_id's value in a
 * record's line, where "user_id": (ten bytes) comes before it.
 */
static int plain_integer(struct json_span v)
{
	const uint64_t m = 0x1010101010101010ULL;
	const char *q = v.p + (v.p[0] == '-'), *end = v.p + v.n;
	size_t left = (size_t)(end - q);
	uint64_t w, k;

	if (left == 0 || (left == 1 && q > v.p && *q == '0'))
		return 0; /* "-" cannot be, "-0" is 0 */
	for (; left > 8; q += 8, left -= 8) {
		memcpy(&w, q, 8);
		if ((w & m) != m)
			return 0;
	}
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&w, end - 8, 8);
	k = m << (8 * (8 - left)); /* the word's last left bytes */
	return (w & k) == k;
#else
	(void)w;
	(void)k;
	for (; q < end; q++)
		if (!(*q & 0x10))
			return 0;
	return 1;
#endif
}

int event_read(const struct rec *r, struct event *ev, struct buf *scratch,
	       struct jkey_memo *names, char *msg, size_t msz)
{
	struct json_span v;
	size_t uend;
	int rc, ucanon = 0;

	v = rec_get(r, "kind");
	if (v.type != JSON_NONE && !json_str_eq(v, "event", 5)) {
		if (v.type == JSON_STRING && v.n < 60)
			snprintf(msg, msz, "not an event record (kind %.*s)",
				 (int)v.n, v.p);
		else
			snprintf(msg, msz, "not an event record");
		return -1;
	}
	ev->user = rec_get(r, "user_id");
	if (ev->user.type == JSON_NONE || ev->user.type == JSON_NULL) {
		snprintf(msg, msz, "missing field 'user_id'");
		return -1;
	}
	if (ev->user.type != JSON_NUMBER && ev->user.type != JSON_STRING) {
		snprintf(msg, msz,
			 "field 'user_id' is %s, not a number or string",
			 a_type(ev->user.type));
		return -1;
	}
	if (ev->user.type == JSON_NUMBER && !plain_integer(ev->user)) {
		snprintf(msg, msz,
			 "field 'user_id': number %.*s is not written as an "
			 "integer (an id is an integer like 42, or a string)",
			 (int)(ev->user.n > 40 ? 40 : ev->user.n), ev->user.p);
		return -1;
	}
	v = rec_get(r, "event");
	if (v.type == JSON_NONE || v.type == JSON_NULL) {
		snprintf(msg, msz, "missing field 'event'");
		return -1;
	}
	if (v.type != JSON_STRING) {
		snprintf(msg, msz, "field 'event' is %s, not a string",
			 a_type(v.type));
		return -1;
	}
	/*
	 * Strings with escapes are written again in scratch: the user id in
	 * its canonical form (jkey.h: "crm\/7" and "\u0037" are "crm/7" and
	 * "7", as PHP and Python write them, and taken as raw bytes they were
	 * other users), then the decoded name; pointers are taken once both
	 * are there.
	 */
	buf_reset(scratch);
	if (ev->user.type == JSON_STRING && (ev->user.flags & JSON_F_ESC)) {
		struct buf dec = BUF_INIT;

		json_str_decode(ev->user, &dec);
		jw_str(scratch, dec.p ? dec.p : "", dec.len);
		buf_release(&dec);
		ucanon = 1;
	}
	uend = scratch->len;
	if ((v.flags & JSON_F_ESC) && names &&
	    jkey_decode_memo(names, v, &ev->name, &ev->nlen)) {
		/* the name lives in the memo */
	} else if (v.flags & JSON_F_ESC) {
		json_str_decode(v, scratch);
		ev->name = scratch->p + uend;
		ev->nlen = scratch->len - uend;
	} else {
		ev->name = v.p + 1;
		ev->nlen = v.n - 2;
	}
	if (ucanon) {
		ev->user.p = scratch->p;
		ev->user.n = uend;
		ev->user.flags &= ~JSON_F_ESC;
	}
	v = rec_get(r, "ts");
	if (v.type == JSON_NONE || v.type == JSON_NULL) {
		snprintf(msg, msz, "missing field 'ts'");
		return -1;
	}
	if (v.type != JSON_STRING) {
		snprintf(msg, msz, "field 'ts' is %s, not a time",
			 a_type(v.type));
		return -1;
	}
	/* the name may live in scratch: read ts without it */
	rc = (v.flags & JSON_F_ESC) ? -1
				    : ptime_parse(v.p + 1, v.n - 2, &ev->ts);
	if (rc < 0) {
		if (rc == PTIME_ERANGE)
			snprintf(msg, msz, "field 'ts': time '%.*s' %s",
				 (int)(v.n - 2 > 60 ? 60 : v.n - 2), v.p + 1,
				 ptime_strerror(rc));
		else
			snprintf(msg, msz,
				 "field 'ts': cannot parse time '%.*s'",
				 (int)(v.n - 2 > 60 ? 60 : v.n - 2), v.p + 1);
		return -1;
	}
	ev->us = ev->ts.sec * US_PER_SEC + ev->ts.nsec / 1000;
	return 0;
}
