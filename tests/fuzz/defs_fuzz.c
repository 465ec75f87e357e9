/*
 * defs_fuzz.c - libFuzzer target for pulse-metrics' definitions file
 * (filters/metrics/metrics_defs.c).
 *
 * The input is the file's text.  Invariants: a refused file says why and
 * leaves no definitions; an accepted one has at least one definition,
 * each with a non-empty name (no two alike), an event, an "after" list
 * that is absent or not empty, and no string holding a NUL (names are C
 * strings: a NUL would cut one into another's name); written back as JSON
 * and read again, the definitions are the same.
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

static void write_defs(struct buf *b, const struct metric_def *d, size_t n)
{
	size_t i, j;

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
		buf_addc(b, '}');
	}
	buf_adds(b, "]}");
}

static int same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct metric_def *d, *e;
	size_t n, m, i, j;
	char msg[256], msg2[256];
	struct buf b = BUF_INIT;

	msg[0] = '\0';
	if (metrics_defs_parse((const char *)data, size, &d, &n, msg,
			       sizeof msg) < 0) {
		CHECK(msg[0] != '\0');
		CHECK(d == NULL && n == 0);
		return 0;
	}
	CHECK(n >= 1);
	for (i = 0; i < n; i++) {
		CHECK(d[i].name && d[i].name[0] && d[i].event);
		CHECK(d[i].has_after == (d[i].nafter > 0));
		for (j = 0; j < i; j++)
			CHECK(strcmp(d[i].name, d[j].name) != 0);
	}
	write_defs(&b, d, n);
	msg2[0] = '\0';
	if (metrics_defs_parse(b.p, b.len, &e, &m, msg2, sizeof msg2) < 0) {
		fprintf(stderr, "written back, refused: %s\n", msg2);
		CHECK(0);
	}
	CHECK(m == n);
	for (i = 0; i < n; i++) {
		CHECK(same_str(d[i].name, e[i].name));
		CHECK(same_str(d[i].event, e[i].event));
		CHECK(same_str(d[i].title, e[i].title));
		CHECK(d[i].nafter == e[i].nafter);
		for (j = 0; j < d[i].nafter; j++)
			CHECK(same_str(d[i].after[j], e[i].after[j]));
	}
	metrics_defs_free(e, m);
	metrics_defs_free(d, n);
	buf_release(&b);
	return 0;
}
