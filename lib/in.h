/*
 * in.h - records from a file or stdin, plain or zstd-compressed.
 *
 * A zstd stream is recognised by its magic bytes (28 b5 2f fd), whatever
 * the file is called; concatenated frames are read in sequence.  A UTF-8
 * byte order mark at the start is skipped.
 *
 * Framing (enum in_mode):
 *   IN_LINES  one record per line (NDJSON); "\r\n" endings are accepted.
 *   IN_ARRAY  one JSON array whose elements are the records, streamed: the
 *             array is never held in memory whole, only the element at hand.
 *   IN_AUTO   IN_ARRAY when the first byte that is not whitespace is '[',
 *             IN_LINES otherwise.  Every pulse program reads IN_AUTO.
 *   IN_SEQ    whitespace-separated objects or arrays, each of which may
 *             span lines (pretty-printed or concatenated JSON documents).
 *   IN_CSV    one CSV row (RFC 4180): a row ends at a newline outside
 *             quotes, so a quoted field may hold newlines.  A quote opens
 *             a quoted section only at the start of a field, after
 *             in->csv_delim (0: any of , ; TAB |); elsewhere it is data.
 *             "\r\n" endings are accepted, blank lines skipped.  Rows are
 *             split into fields by csv.h, which also reads the delimiter.
 *
 * A record handed out by in_next() points into the reader's buffer and is
 * valid until the next call.  Its bytes are not validated here: that is
 * rec_parse()'s job.  In IN_ARRAY and IN_SEQ modes the reader finds the
 * end of each element by counting brackets outside strings; a break in the
 * framing itself (a missing comma between elements, text after the closing
 * bracket) is reported as IN_EFRAME and ends the input.
 *
 * Except where a record can be found again after the break: in IN_SEQ,
 * text between documents (a garbage line), and in IN_ARRAY, text where
 * a ',' belongs, are handed out as IN_EBAD (a bad record: *rec and *len
 * point at the bytes, in->msg says why without the position, in->lineno
 * is where they start), and reading goes on at the next line that
 * starts a record.  A record that the framing took whole but that does
 * not parse (a document cut short, and the next one taken into it) is
 * split again with in_resync().
 */
#ifndef PULSE_IN_H
#define PULSE_IN_H

#include <stddef.h>
#include <stdint.h>

enum in_mode { IN_AUTO, IN_LINES, IN_ARRAY, IN_SEQ, IN_CSV };

enum in_status {
	IN_OK = 1, /* a record */
	IN_EOF = 0,
	IN_EIO = -1,	/* read error: errno-style message in msg */
	IN_EZSTD = -2,	/* corrupt or truncated zstd stream */
	IN_EFRAME = -3, /* broken array or sequence framing */
	IN_EENC = -4,	/* a CSV row not in the file's encoding (csv.h) */
	IN_EBAD = -5,	/* bytes that are not a record: read on after them */
};

struct in_zstd; /* opaque: the decompression state */

/*
 * A parser in_next() tries on each element (IN_ARRAY, IN_SEQ) before it
 * frames it: framing then parsing went over a record's bytes twice.  It
 * takes the value at the start of p[0..avail), which runs on past it, and
 * @return its length, or 0 when it took nothing (a bad record, one the
 * buffer cuts, one it is not for): the element is then framed as ever,
 * and whatever the parser filled in is to be done again.  rec_take()
 * (rec.h) is one.
 */
typedef size_t in_parse_fn(void *arg, const char *p, size_t avail);

struct in {
	const char *name;    /* as given; "-" for stdin */
	const char *display; /* for messages: the name, or "<stdin>" */
	int fd;
	enum in_mode mode;
	uint64_t lineno;   /* line on which the current record starts */
	uint64_t recno;	   /* records handed out so far */
	uint64_t bytes_in; /* bytes read from the file (compressed size) */
	int multiline;	   /* the record handed out holds a newline (an
			      element, a sequence's value, a CSV row; in
			      IN_LINES, never) */
	char msg[160];	   /* the reason for the last error */
	char csv_delim; /* IN_CSV: the field delimiter; 0: any of , ; TAB | */
	in_parse_fn *parse; /* NULL, or tried on each element (set after
			       in_open()) */
	void *parse_arg;
	int parsed; /* the record handed out is the one parse took */

	/* private */
	char *buf;
	size_t cap, start, end; /* unread bytes are buf[start..end) */
	uint64_t nextline;	/* line number at buf[start] */
	int eof;	 /* no more bytes from the source (< 0: the error) */
	int began;	 /* BOM and mode detection done */
	long indent;	 /* blanks skipped since the last newline, or -1 */
	long rec_indent; /* the record's indent (IN_ARRAY, IN_SEQ), or -1 */
	int array_state; /* IN_ARRAY: 0 before '[', 1 in, 2 after ']',
			    3 after an element */
	int compressed;
	uint64_t limit; /* bytes still to read from fd (in_open_range()) */
	struct in_zstd *z;
};

/*
 * Opens path ("-" or NULL is stdin).  @return 0, or -1 with errno set and
 * in->msg filled in.
 */
int in_open(struct in *in, const char *path, enum in_mode mode);

/*
 * As in_open(), for a descriptor already open (a pipe; closed by
 * in_close() unless it is 0); path names it in messages (NULL: stdin).
 */
int in_open_fd(struct in *in, int fd, const char *path, enum in_mode mode);

/*
 * Opens len bytes of path's from offset off, as lines (IN_LINES): a range
 * of a plain file that threads read in parallel (lib/cli_jobs.c).  A
 * byte order mark is skipped, and zstd detected, only at offset 0; line
 * numbers count from the range's start (1).  @return as in_open().
 */
int in_open_range(struct in *in, const char *path, uint64_t off, uint64_t len);

/*
 * Reads the next record into *rec and *len (no trailing newline).
 * @return enum in_status.
 */
int in_next(struct in *in, const char **rec, size_t *len);

/*
 * Looks at the start of the input before the first in_next(), for a
 * program that reads more than one format: detects zstd and skips a UTF-8
 * BOM as in_next() does, reads until at least want bytes are buffered (or
 * the input ends), and points *p and *n at them without consuming any.
 * in->mode (and in->csv_delim) may be set after it, before the first
 * in_next(); IN_AUTO is resolved here.  @return IN_OK, IN_EOF when the
 * input is empty, or an error < 0 with in->msg filled in.
 */
int in_peek(struct in *in, size_t want, const char **p, size_t *n);

/*
 * After rec[0..len), the record in_next() handed out last, failed to parse
 * at byte err_off: in IN_SEQ and IN_ARRAY, where a document cut short
 * swallows the ones after it, the reader goes back to the first line
 * after the record's start that starts a record (IN_SEQ: a '{' or '[' at
 * the start of a line; IN_ARRAY: a '{' line as indented as the record,
 * or less than its members, or from the error's line on, one after a
 * ','), so
 * that they are read again.  @return how many bytes of rec are the bad
 * record (len when there is no such line, and in the other modes).
 */
size_t in_resync(struct in *in, const char *rec, size_t len, size_t err_off);

/* Closes the file (not stdin) and frees the buffers. */
void in_close(struct in *in);

#endif
