/*
 * csv_fuzz.c - libFuzzer target for the CSV reader (lib/csv.c and in.c's
 * IN_CSV framing), in each encoding and with the delimiter found or given.
 *
 * Invariants: every row handed out holds at least one field, each field's
 * bytes are NUL-terminated and valid UTF-8 (the reader converts or
 * refuses, never hands out what it did not check), the row's raw bytes lie
 * in the reader's buffer; a refused row (IN_EENC) says why and the next
 * one is read; there are never more rows than bytes; the only ends are
 * the end of the input, an unterminated quote or UTF-16 (IN_EFRAME) and a
 * broken zstd stream.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csv.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",       \
				__FILE__, __LINE__, #c);                       \
			abort();                                               \
		}                                                              \
	} while (0)

static char tmp_path[64];

static void read_as(size_t size, enum csv_enc enc, char delim)
{
	struct csv c;
	uint64_t rows = 0, bad = 0;
	size_t i;
	int st;

	CHECK(csv_open(&c, tmp_path, delim) == 0);
	c.enc = enc;
	while ((st = csv_next(&c)) == IN_OK || st == IN_EENC) {
		CHECK(++rows <= size + 1);
		CHECK(c.raw >= c.in.buf &&
		      c.raw + c.rawlen <= c.in.buf + c.in.end);
		if (st == IN_EENC) {
			CHECK(c.msg[0] != '\0');
			bad++;
			continue;
		}
		CHECK(c.row.n >= 1);
		for (i = 0; i < c.row.n; i++) {
			const struct csv_field *f = &c.row.f[i];

			CHECK(f->p[f->n] == '\0');
			CHECK(utf8_valid(f->p, f->n) == f->n);
		}
		if (enc == CSV_ENC_CP1251)
			CHECK(c.found == CSV_ENC_AUTO);
	}
	CHECK(st == IN_EOF || st == IN_EFRAME || st == IN_EZSTD);
	if (st != IN_EOF)
		CHECK(c.msg[0] != '\0');
	csv_close(&c);
	(void)bad;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f;
	int fd;

	if (!tmp_path[0]) {
		snprintf(tmp_path, sizeof tmp_path, "/tmp/pulse-fuzz.XXXXXX");
		fd = mkstemp(tmp_path);
		CHECK(fd >= 0);
		close(fd);
	}
	f = fopen(tmp_path, "wb");
	CHECK(f != NULL);
	CHECK(fwrite(data, 1, size, f) == size);
	CHECK(fclose(f) == 0);
	read_as(size, CSV_ENC_AUTO, 0);
	read_as(size, CSV_ENC_UTF8, ',');
	read_as(size, CSV_ENC_CP1251, ';');
	return 0;
}

/* libFuzzer calls nothing at exit; the temporary file goes here. */
__attribute__((destructor)) static void fuzz_cleanup(void)
{
	if (tmp_path[0])
		unlink(tmp_path);
}
