/*
 * fuzz_extract.h - what the fuzz targets of pulse-extract's engines
 * (events_fuzz.c, bitrix_fuzz.c, odoo_fuzz.c) share: the input in a
 * temporary file (the engines read files), a report that counts the bad
 * records and checks what it is told, and checks of the records written.
 * A broken invariant aborts with the line that failed.
 */
#ifndef PULSE_FUZZ_EXTRACT_H
#define PULSE_FUZZ_EXTRACT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "json.h"
#include "rec.h"
#include "report.h"
#include "sink.h"

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",       \
				__FILE__, __LINE__, #c);                       \
			abort();                                               \
		}                                                              \
	} while (0)

/* A report that counts: every bad record says where and why. */
struct fuzz_extract_report {
	struct report r;
	uint64_t n;
};

void fuzz_extract_report_init(struct fuzz_extract_report *fr);

/*
 * Writes data to temporary file number slot (0..7), made once and removed
 * at exit.  @return its path.
 */
const char *fuzz_extract_tmp(int slot, const void *data, size_t size);

/*
 * Checks that out holds whole lines, each a JSON object in valid UTF-8
 * with no member named twice, and calls fn with each.  @return the lines.
 */
size_t fuzz_extract_records(const struct buf *out,
			    void (*fn)(const struct rec *r, void *arg),
			    void *arg);

/* Member checks: each aborts when the member is not so. */
void fuzz_extract_str(const struct rec *r, const char *key);
void fuzz_extract_str_or_null(const struct rec *r, const char *key);
void fuzz_extract_int(const struct rec *r, const char *key);
/* A string that ptime_parse() reads (or null when null_ok). */
void fuzz_extract_time(const struct rec *r, const char *key, int null_ok);
/* A string equal to one of the NULL-terminated values (or null). */
void fuzz_extract_enum(const struct rec *r, const char *key, int null_ok,
		       const char *const *values);
/* Whether the member is the string s. */
int fuzz_extract_is(const struct rec *r, const char *key, const char *s);

/* The status an engine returned: 0 or want, a message iff not 0. */
void fuzz_extract_status(int st, const struct buf *err);

#endif
