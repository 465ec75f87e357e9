/*
 * defs_fuzz.c - libFuzzer target for pulse-metrics' definitions file
 * (filters/metrics/metrics_defs.c).
 *
 * The input is the file's text.  Invariants: a refused file says why and
 * leaves no definitions; an accepted one has at least one definition,
 * each with a non-empty name (no two alike), an event, an "after" list
 * that is absent or not empty, thresholds in their ranges, and no string
 * holding a NUL (names are C strings: a NUL would cut one into another's
 * name); written back as JSON and read again, the definitions, their
 * alerts and the silent rules are the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../filters/metrics/metrics.h"
#include "jw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",       \
				__FILE__, __LINE__, #c);                       \
			abort();                                               \
		}                                                              \
	} while (0)

static void write_alert(struct buf *b, const struct metric_alert *a)
{
	buf_adds(b, ",\"alert\":{\"weeks\":");
	jw_i64(b, a->weeks);
	if (a->below) {
		buf_adds(b, ",\"below\":");
		jw_f64(b, a->below);
	}
	if (a->below_abs) {
		buf_adds(b, ",\"below_abs\":");
		jw_f64(b, a->below_abs);
	}
	buf_adds(b, ",\"zero\":");
	jw_bool(b, a->zero);
	buf_addc(b, '}');
}

static void write_silent(struct buf *b, const struct metric_silent *s, size_t n)
{
	size_t i, j;

	buf_adds(b, ",\"silent\":[");
	for (i = 0; i < n; i++) {
		buf_adds(b, i ? ",{\"name\":" : "{\"name\":");
		jw_cstr(b, s[i].name);
		buf_adds(b, ",\"hours\":");
		jw_f64(b, s[i].hours);
		if (s[i].nevents) {
			buf_adds(b, ",\"events\":[");
			for (j = 0; j < s[i].nevents; j++) {
				if (j)
					buf_addc(b, ',');
				jw_cstr(b, s[i].events[j]);
			}
			buf_addc(b, ']');
		}
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
}

static void write_defs(struct buf *b, const struct metrics_defs *md)
{
	const struct metric_def *d = md->defs;
	size_t i, j, n = md->ndefs;

	buf_adds(b, "{\"metrics\":[");
	for (i = 0; i < n; i++) {
		buf_adds(b, i ? ",{\"name\":" : "{\"name\":");
		jw_cstr(b, d[i].name);
		buf_adds(b, ",\"event\":");
		jw_cstr(b, d[i].event);
		if (d[i].title) {
			buf_adds(b, ",\"title\":");
			jw_cstr(b, d[i].title);
		}
		if (d[i].has_after) {
			buf_adds(b, ",\"after\":[");
			for (j = 0; j < d[i].nafter; j++) {
				if (j)
					buf_addc(b, ',');
				jw_cstr(b, d[i].after[j]);
			}
			buf_addc(b, ']');
		}
		if (d[i].alert.on)
			write_alert(b, &d[i].alert);
		buf_addc(b, '}');
	}
	buf_addc(b, ']');
	if (md->nsilent)
		write_silent(b, md->silent, md->nsilent);
	buf_addc(b, '}');
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct metrics_defs md, me;
	struct metric_def *d, *e;
	size_t n, i, j;
	char msg[256], msg2[256];
	struct buf b = BUF_INIT;

	msg[0] = '\0';
	if (metrics_defs_parse((const char *)data, size, &md, msg, sizeof msg) <
	    0) {
		CHECK(msg[0] != '\0');
		CHECK(md.defs == NULL && md.ndefs == 0 && md.silent == NULL &&
		      md.nsilent == 0);
		return 0;
	}
	d = md.defs;
	n = md.ndefs;
	CHECK(n >= 1);
	for (i = 0; i < n; i++) {
		CHECK(d[i].name && d[i].name[0] && d[i].event);
		CHECK(d[i].has_after == (d[i].nafter > 0));
		for (j = 0; j < i; j++)
			CHECK(strcmp(d[i].name, d[j].name) != 0);
		if (d[i].alert.on) {
			CHECK(d[i].alert.weeks >= 1 && d[i].alert.weeks <= 52);
			CHECK(d[i].alert.below >= 0 && d[i].alert.below < 1);
			CHECK(d[i].alert.below_abs >= 0);
			CHECK(d[i].alert.below || d[i].alert.below_abs ||
			      d[i].alert.zero);
		}
	}
	for (i = 0; i < md.nsilent; i++) {
		CHECK(md.silent[i].name && md.silent[i].name[0]);
		CHECK(md.silent[i].hours > 0);
		for (j = 0; j < n; j++)
			CHECK(strcmp(md.silent[i].name, d[j].name) != 0);
	}
	write_defs(&b, &md);
	msg2[0] = '\0';
	if (metrics_defs_parse(b.p, b.len, &me, msg2, sizeof msg2) < 0) {
		fprintf(stderr, "written back, refused: %s\n", msg2);
		CHECK(0);
	}
	e = me.defs;
	CHECK(me.ndefs == n && me.nsilent == md.nsilent);
	for (i = 0; i < n; i++) {
		CHECK(same_str(d[i].name, e[i].name));
		CHECK(same_str(d[i].event, e[i].event));
		CHECK(same_str(d[i].title, e[i].title));
		CHECK(d[i].nafter == e[i].nafter);
		for (j = 0; j < d[i].nafter; j++)
			CHECK(same_str(d[i].after[j], e[i].after[j]));
		CHECK(memcmp(&d[i].alert, &e[i].alert, sizeof d[i].alert) == 0);
	}
	for (i = 0; i < md.nsilent; i++) {
		CHECK(same_str(md.silent[i].name, me.silent[i].name));
		CHECK(md.silent[i].hours == me.silent[i].hours);
		CHECK(md.silent[i].nevents == me.silent[i].nevents);
		for (j = 0; j < md.silent[i].nevents; j++)
			CHECK(same_str(md.silent[i].events[j],
				       me.silent[i].events[j]));
	}
	metrics_defs_release(&me);
	metrics_defs_release(&md);
	buf_release(&b);
	return 0;
}
