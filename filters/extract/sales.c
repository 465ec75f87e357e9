/*
 * sales.c - the `event` record that pulse-extract pg and
 * pulse-extract events both write, so that the same rows give the same
 * bytes from the database and from its dumps.
 */
#include "sales.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"

#include "json.h"
#include "jw.h"
#include "ptime.h"

/* JSON's number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
int sales_is_number(const char *s, size_t n, int integer)
{
	size_t i = 0, d;

	if (i < n && s[i] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return 0;
	if (s[i] == '0' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
		return 0;
	while (i < n && s[i] >= '0' && s[i] <= '9')
		i++;
	if (integer)
		return i == n;
	if (i < n && s[i] == '.') {
		for (d = ++i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (d = i; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i == d)
			return 0;
	}
	return i == n;
}

int sales_is_finite(const char *s, size_t n)
{
	char tmp[128], *c = n < sizeof tmp ? tmp : xmalloc(n + 1);
	int ok;

	memcpy(c, s, n);
	c[n] = '\0';
	ok = isfinite(strtod(c, NULL));
	if (c != tmp)
		free(c);
	return ok;
}

int sales_ts(struct buf *out, const char *s, size_t n)
{
	struct ptime t;
	char d[24];
	int64_t sec;
	int32_t ns;
	int k;

	if (n < 19 || ptime_parse(s, n, &t) != 0)
		return -1;
	/* sec is UTC with an offset, the wall clock without (ptime.h) */
	sec = t.sec;
	ptime_fmt_utc(d, sec);
	buf_add(out, d, 19);
	if (t.nsec) {
		char f[10];
		ns = t.nsec;
		for (k = 8; k >= 0; k--) {
			f[k] = (char)('0' + ns % 10);
			ns /= 10;
		}
		k = 9;
		while (k > 0 && f[k - 1] == '0')
			k--;
		buf_addc(out, '.');
		buf_add(out, f, (size_t)k);
	}
	if (t.has_off)
		buf_addc(out, 'Z');
	return 0;
}

int sales_event(struct buf *out, const struct sales_row *r, const char **why)
{
	size_t mark = out->len;

	if (!r->user_id) {
		*why = "null user_id";
		return -1;
	}
	if (!r->ts) {
		*why = "null ts";
		return -1;
	}
	if (!r->event) {
		*why = "null event";
		return -1;
	}
	buf_adds(out, "{\"kind\":\"event\",\"user_id\":");
	if (r->user_num) {
		if (!sales_is_number(r->user_id, r->user_idn, 1)) {
			*why = "user_id is not an integer";
			goto bad;
		}
		buf_add(out, r->user_id, r->user_idn);
	} else {
		jw_str(out, r->user_id, r->user_idn);
	}
	buf_adds(out, ",\"ts\":\"");
	if (sales_ts(out, r->ts, r->tsn) != 0) {
		*why = "ts is not a time";
		goto bad;
	}
	buf_adds(out, "\",\"event\":");
	jw_str(out, r->event, r->eventn);
	if (r->amount) {
		if (!sales_is_number(r->amount, r->amountn, 0)) {
			*why = "amount is not a number";
			goto bad;
		}
		if (!sales_is_finite(r->amount, r->amountn)) {
			*why = "amount is out of range (not a finite number)";
			goto bad;
		}
		buf_adds(out, ",\"amount\":");
		buf_add(out, r->amount, r->amountn);
	}
	buf_adds(out, "}\n");
	return 0;
bad:
	out->len = mark;
	out->p[mark] = '\0';
	return -1;
}
