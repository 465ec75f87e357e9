/*
 * bitrix.h - the engine of pulse-extract bitrix: Bitrix24 leads, deals and
 * stage history, from REST pages or the CSV export, to `lead`, `deal` and
 * `stage` records (schemas/lead.schema.json, deal.schema.json,
 * stage.schema.json).
 *
 * Each input file is looked at first: '{' or '[' starts JSON, anything
 * else is a CSV export.  JSON files hold REST pages as a user saves them:
 * crm.lead.list / crm.deal.list pages ({"result":[...],"total":N,"next":50,
 * "time":{...}}), crm.stagehistory.list pages ({"result":{"items":[...]}}),
 * one after the other (pretty-printed or not) or in one JSON array; a bare
 * item and crm.*.get's single object are read too, an error page
 * ({"error":...}) is a bad record.  Memory holds one page or one CSV row
 * at a time, plus the --users and --statuses dictionaries.
 *
 * The engine writes whole records into a struct sink (sink_commit() after
 * each) and tells of bad items through a struct report, which may not
 * return (report.h); it never prints or exits.  A file it cannot read, or
 * that cannot be read as a whole, is an error it returns: an exit status
 * and a message naming the file, for the caller to act on.
 */
#ifndef PULSE_BITRIX_H
#define PULSE_BITRIX_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "csv.h"
#include "report.h"
#include "sink.h"

struct bitrix_opts {
	char entity; /* --entity: 'L' (lead), 'D' (deal), 0: from the data */
	enum csv_enc enc;  /* CSV files' encoding */
	char delim;	   /* CSV delimiter, 0: found in the header */
	int has_tz;	   /* CSV times without an offset are at tz */
	int32_t tz;	   /* seconds east of UTC */
	int keep_unknown;  /* keep every field pulse does not read */
	const char **keep; /* --keep: fields kept too (API codes, headers) */
	size_t nkeep;
	const char **loss; /* --loss-field: where the loss reason is, first */
	size_t nloss;
	/*
	 * Where the engine says what is not an error but should be known (a
	 * CSV file's columns that are not mapped); NULL: nowhere.
	 */
	void (*note)(void *arg, const char *msg);
	void *note_arg;
};

struct bitrix;

/* A new engine with the options o (copied). */
struct bitrix *bitrix_new(const struct bitrix_opts *o);

void bitrix_free(struct bitrix *x);

/*
 * The dictionaries, read before any input: --map (CSV lines "header,CODE"),
 * --statuses (crm.status.list pages), --users (user.get pages, or a CSV
 * with ID, NAME and LAST_NAME).  Each may be given more than once.  A
 * UTF-8 byte order mark and CRLF line ends are accepted.  @return 0, or
 * an exit status with the message in err: 66 when path cannot be opened,
 * 74 on a read error, 65 when it is empty or not what it should be (a
 * users file that holds statuses, garbage, a bad item: "file:line: why").
 */
int bitrix_load_map(struct bitrix *x, const char *path, struct buf *err);
int bitrix_load_statuses(struct bitrix *x, const char *path, struct buf *err);
int bitrix_load_users(struct bitrix *x, const char *path, struct buf *err);
/* --categories: crm.category.list (or crm.dealcategory.list) pages */
int bitrix_load_categories(struct bitrix *x, const char *path, struct buf *err);

/*
 * Writes the "name" records of the dictionaries read (a stage, source or
 * pipeline code and the name the portal shows for it), once each, to out:
 * before the inputs' records, so that a stage after may name codes.
 */
void bitrix_emit_names(struct bitrix *x, struct sink *out);

/*
 * Reads one input (path "-" is stdin; plain or zstd) and writes its
 * records to out; each bad item goes to rep ("file", line, its bytes).
 * @return 0, or an exit status with the message in err: 66 when path
 * cannot be opened (nothing was read), 74 on a read error, 65 when the
 * file is not read to its end (a broken zstd stream or framing, UTF-16, an
 * HTML page, a CSV header that does not tell leads from deals): the
 * records before the error are written.
 */
int bitrix_read(struct bitrix *x, const char *path, struct sink *out,
		struct report *rep, struct buf *err);

/*
 * Pages taken one at a time, as a fetcher gets them (pulse-extract
 * bitrix --fetch): bitrix_begin() says what they are (the records, or a
 * dictionary), bitrix_page() reads one parsed page (r, from rec_parse() of
 * p[0..n)), named name in messages, as bitrix_read() reads a page of a
 * file, and bitrix_end() ends a dictionary (an empty one is an error, as
 * from a file; but a portal's list of pipelines may be empty).  @return 0, or
 * an exit status with the message in err (65: a dictionary's bad item, or an
 * empty dictionary).
 */
enum bitrix_use {
	BITRIX_RECORDS,
	BITRIX_STATUSES,
	BITRIX_CATEGORIES,
	BITRIX_USERS
};

struct rec;
void bitrix_begin(struct bitrix *x, enum bitrix_use use, struct sink *out,
		  struct report *rep, struct buf *err);
int bitrix_page(struct bitrix *x, const char *name, const struct rec *r,
		const char *p, size_t n);
int bitrix_end(struct bitrix *x, enum bitrix_use use, const char *name);

/* What was written and what was left out so far. */
struct bitrix_counts {
	uint64_t leads, deals, stages;
	uint64_t other_etype; /* stage history rows of other entity types */
};

void bitrix_counts(const struct bitrix *x, struct bitrix_counts *c);

#endif
