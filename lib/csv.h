/*
 * csv.h - CSV files as rows of fields (RFC 4180 and what spreadsheets,
 * PostgreSQL's COPY ... CSV and CRM exports write).
 *
 * A struct csv reads a file or stdin through in.h (plain or zstd, a
 * UTF-8 byte order mark skipped) framed as IN_CSV rows: a row ends at a
 * newline outside quotes, so a quoted field may hold newlines, delimiters
 * and doubled quotes ("").  "\r\n" endings are accepted; blank lines are
 * not rows.  Memory holds one row at a time, whatever the file's size.
 *
 * The delimiter is given (',' ';' '\t' ...) or, when 0, found in the
 * first row: the most frequent of , ; TAB | outside quotes (',' when none
 * occurs; ties go in that order).
 *
 * Lenient where real files are, as Python's csv module is by default: a
 * quote inside an unquoted field is data (ab"c), and text after a closing
 * quote is appended to the field ("ab"c is abc).  The one error is a
 * quoted field still open at the end of the input.
 *
 * Encodings (enum csv_enc): what Russian Excel and 1C write by default is
 * Windows-1251, so every CSV pulse reads goes through csv_next(), which
 * hands out rows as UTF-8.  CSV_ENC_AUTO (the default) takes UTF-8 (with
 * or without a byte order mark) and recognises Windows-1251 at the first
 * row that is not ASCII: a row that is valid UTF-8 decides UTF-8, one that
 * reads as Windows-1251 text decides that (converted from then on); any
 * other row is refused, and so is a row that breaks the encoding the file
 * showed before.  A UTF-16 file (its byte order mark) is refused whole.
 * CSV_ENC_UTF8 and CSV_ENC_CP1251 say which without looking.
 *
 * Fields are decoded into memory the struct csv_row owns, each one
 * NUL-terminated (a field may also contain NULs; use n), and stay valid
 * until the row is split again.  quoted tells "" (an empty string) from an
 * empty unquoted field, which COPY ... CSV writes for NULL.
 */
#ifndef PULSE_CSV_H
#define PULSE_CSV_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "in.h"

struct csv_field {
	const char *p; /* decoded content, NUL-terminated */
	size_t n;
	int quoted; /* the field was (or began) quoted */
};

struct csv_row {
	struct csv_field *f;
	size_t n; /* fields in the row (at least 1) */
	size_t cap;
	struct buf data; /* the decoded fields, back to back */
};

#define CSV_ROW_INIT                                                           \
	{                                                                      \
		NULL, 0, 0, BUF_INIT                                           \
	}

void csv_row_release(struct csv_row *row);

/*
 * Splits one row s[0..n) (no row-ending newline) at delim into row's
 * fields, decoding quoted ones.  @return 0, or -1 when a quoted field is
 * not closed (row then holds the fields up to the end, the last one with
 * what followed its quote).
 */
int csv_split(struct csv_row *row, const char *s, size_t n, char delim);

/*
 * The delimiter of a row: the most frequent of , ; TAB | outside quotes,
 * ',' when none occurs.
 */
char csv_detect(const char *s, size_t n);

/*
 * The index of the field equal to name (exact bytes; a header row), or -1.
 */
long csv_find(const struct csv_row *row, const char *name);

enum csv_enc { CSV_ENC_AUTO, CSV_ENC_UTF8, CSV_ENC_CP1251 };

/*
 * Reads an --encoding value: auto, utf-8 (utf8) or cp1251 (windows-1251),
 * any case.  @return 0 with *out set, or -1.
 */
int csv_enc_parse(const char *s, enum csv_enc *out);

struct csv {
	struct in in;	    /* in.lineno: the line the current row starts on */
	char delim;	    /* 0 until the first row is read when not given */
	enum csv_enc enc;   /* what the caller said (csv_open: AUTO) */
	enum csv_enc found; /* AUTO: what the rows showed so far, or AUTO */
	struct buf text;    /* the current row as UTF-8, when converted */
	struct csv_row row; /* the current row */
	const char *raw; /* the current row's bytes as read (for quarantine), */
	size_t rawlen;	 /* valid until the next csv_next() */
	char msg[200];	 /* the reason for the last error */
};

/*
 * Opens path ("-" or NULL is stdin) with the given delimiter (0: find it
 * in the first row).  @return 0, or -1 with msg filled in.
 */
int csv_open(struct csv *c, const char *path, char delim);

/*
 * Reads as CSV an input the caller opened with in_open() and has not read
 * from yet (in_peek() may have looked at it): c takes it over, and *in is
 * left closed (in_close() on it is harmless).  delim as for csv_open().
 */
void csv_adopt(struct csv *c, struct in *in, char delim);

/*
 * Reads the next row into c->row.  @return IN_OK (1), IN_EOF (0), or an
 * enum in_status error < 0 with c->msg filled in: IN_EIO, IN_EZSTD, or
 * IN_EFRAME for a quoted field left open at the end of the input
 * ("file:line: unterminated quoted field") or a UTF-16 file, which end
 * the input; or IN_EENC for a row that is not text in the file's
 * encoding: c->msg says why without the position ("not valid UTF-8 (at
 * byte 7)"), c->raw is the row, and the next call reads the next row.
 */
int csv_next(struct csv *c);

/* Closes the file and frees what c holds. */
void csv_close(struct csv *c);

#endif
