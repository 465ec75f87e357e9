/*
 * bitrix_int.h - what the files of the bitrix engine share (bitrix.h is
 * its interface):
 *
 *   bitrix_item.c    items, the engine's state, files and their kinds
 *   bitrix_dict.c    the dictionaries: --map, --statuses, --users
 *   bitrix_record.c  an item to a lead, deal or stage record
 *   bitrix_rest.c    REST pages (JSON)
 *   bitrix_csv.c     CSV exports
 *   bitrix_val.c     exported text to exact values: money, times, headers
 *
 * Either way an item becomes a list of (name, value) pairs, the names being
 * API codes (a CSV header is mapped to one), and one function turns that
 * list into a record: REST and CSV differ only in how the values are read.
 * Every name and value keeps its length: a NUL is data, never an end.
 */
#ifndef PULSE_BITRIX_INT_H
#define PULSE_BITRIX_INT_H

#include <stddef.h>
#include <stdint.h>

#include "bitrix.h"
#include "buf.h"
#include "err.h"
#include "hmap.h"
#include "in.h"
#include "ptime.h"
#include "report.h"
#include "sink.h"

/* ---- the fields pulse reads ---------------------------------------------- */

enum bxf {
	F_ID,
	F_TITLE,
	F_STATUS, /* STATUS_ID (leads) or STAGE_ID (deals) */
	F_SEMANTIC,
	F_SOURCE,
	F_MANAGER,
	F_CREATED,
	F_MODIFIED,
	F_CLOSED, /* DATE_CLOSED (leads) or CLOSEDATE (deals) */
	F_AMOUNT,
	F_CURRENCY,
	F_UTM_SOURCE,
	F_UTM_MEDIUM,
	F_UTM_CAMPAIGN,
	F_UTM_CONTENT,
	F_UTM_TERM,
	F_LEAD_ID,
	F_CATEGORY,
	F_SOURCE_DESC,
	F_WEB,
	F_COMMENTS,
	F_CLOSED_FLAG, /* deals: CLOSED Y/N */
	/* stage history */
	F_OWNER,
	F_TYPE,
	F_CREATED_TIME,
	F_ETYPE,
	NF
};

/* Fields a lead or deal record uses; the others may be kept (--keep). */
#define LD_FIELDS ((1u << F_OWNER) - 1)

/* The API codes pulse reads (bitrix_item.c). */
struct bitrix_code {
	const char *name;
	enum bxf f;
	char hint; /* 'L': only leads have it, 'D': only deals */
};

extern const struct bitrix_code bitrix_codes[];

/* ---- an item: what one REST object or CSV row holds ---------------------- */

struct kv {
	size_t name, nlen; /* the API code (or a CSV header), in it->text */
	int field;	   /* enum bxf, -1 when pulse does not read it */
	char hint;
	int null;	  /* null, false, "" or an empty cell */
	size_t val, vlen; /* the value as text, in it->text */
	const char *raw;  /* REST: the JSON value as sent; CSV: NULL */
	int num;	  /* REST: the value is a JSON number */
	size_t rawlen;
	const char *label; /* CSV: the column's header, for messages */
	size_t llen;
};

enum ctx { CTX_AUTO, CTX_LIST, CTX_STAGE };

struct item {
	struct kv *kv;
	size_t n, cap;
	int idx[NF]; /* the kv of each field, or -1 */
	struct buf text;
	int csv;
	char file_hint; /* CSV: what the header says the file holds */
	/* for messages and quarantine */
	const char *file;
	uint64_t line;
	const char *raw;
	size_t rawlen;
};

/* A value of --statuses: a status id and what it means. */
struct status {
	size_t off, len; /* the id, in x->dict */
	char sem;	 /* 'P', 'S', 'F' */
};

/* A value of --users: the name, in x->dict. */
struct user {
	size_t off, len;
};

/* A --map entry: the API code, in x->dict. */
struct mapped {
	size_t off, len;
};

struct extra;

struct bitrix {
	char entity; /* --entity: 'L', 'D', 0 */
	enum csv_enc enc;
	char delim;
	int has_tz;
	int32_t tz;
	int keep_unknown;
	char **keep; /* normalised names */
	size_t nkeep;
	char **loss; /* normalised names, the defaults last */
	size_t nloss;
	void (*note)(void *arg, const char *msg);
	void *note_arg;
	struct hmap codes;  /* API code -> index in bitrix_codes[] + 1 */
	struct hmap hdrmap; /* --map: normalised header -> struct mapped */

	/* dictionaries */
	struct hmap statuses; /* "L\tNEW", "D\tC1:WON", "S\tCALL" -> struct
				 status */
	struct hmap names; /* "L\tНовый" ... -> struct status (the id) */
	struct hmap users; /* ID -> struct user */
	struct hmap cats;  /* pipeline ids named (a set) */
	struct buf dict;
	struct buf namerecs; /* the "name" records of the dictionaries */
	int have_statuses;

	/* reading */
	void (*on_item)(struct bitrix *x, struct item *it, enum ctx ctx);
	struct sink *out;     /* where records go */
	struct report *rep;   /* where bad items go */
	struct buf *err;      /* the message of an error returned */
	int aux;	      /* reading a dictionary: a bad item ends it */
	struct report auxrep; /* a dictionary's: keeps the first bad item */
	struct buf auxerr;
	int failed;	     /* a dictionary's bad item was met: stop reading */
	uint64_t ntaken;     /* a dictionary's items taken */
	size_t users_before; /* users known before this dictionary */
	struct item it;
	struct buf rec;			/* the record being written */
	struct buf sc, sc2, name, stat; /* scratch */
	struct buf shl, shv;		/* shown in messages */
	struct extra *extra, **byname;	/* the fields kept (--keep) */
	size_t nextra;
	struct buf xnames;

	/* counts */
	uint64_t nlead, ndeal, nstage, nother_etype;
};

static inline const char *kv_text(const struct item *it, const struct kv *k)
{
	return it->text.p + k->val;
}

static inline const char *kv_name(const struct item *it, const struct kv *k)
{
	return it->text.p + k->name;
}

/* The field's kv when it has a value, else NULL. */
static inline const struct kv *kv_get(const struct item *it, enum bxf f)
{
	int i = it->idx[f];

	if (i < 0 || it->kv[i].null)
		return NULL;
	return &it->kv[i];
}

/* Whether k's value is exactly s (a C string). */
int bitrix_kv_is(const struct item *it, const struct kv *k, const char *s);

/* ---- bitrix_item.c ------------------------------------------------------- */

const char *bitrix_plural(uint64_t n);

void bitrix_item_reset(struct item *it);

/* Adds a pair named name[0..nlen) without a value (null). */
struct kv *bitrix_item_add(struct bitrix *x, struct item *it, const char *name,
			   size_t nlen);

/* Sets k's text value (and null when it is empty). */
void bitrix_kv_set(struct item *it, struct kv *k, const char *v, size_t n);

/* Makes k the item's pair of its field. */
void bitrix_kv_index(struct item *it, struct kv *k);

/* The name to use in messages: the CSV column, else the API code. */
void bitrix_kv_label(const struct item *it, const struct kv *k,
		     struct buf *out);

/*
 * Whether name[0..n) (an API code or a CSV header) is the normalised name
 * norm.
 */
int bitrix_name_is(struct bitrix *x, const char *name, size_t n,
		   const char *norm);

/* The first pair named norm that has a value, or NULL. */
const struct kv *bitrix_get_named(struct bitrix *x, const struct item *it,
				  const char *norm);

/* Whether the item has a pair named norm, with a value or not. */
int bitrix_has_named(struct bitrix *x, const struct item *it, const char *norm);

/* Tells x->rep of a bad item (reason printf-style). */
void bitrix_bad(struct bitrix *x, const struct item *it, const char *fmt, ...)
	ERR_PRINTF(3, 4);

/*
 * An error that ends the file: the message in x->err.  @return status.
 */
int bitrix_fail(struct bitrix *x, int status, const char *fmt, ...)
	ERR_PRINTF(3, 4);

/* A framing or read error of in: its message in x->err.  @return 74 or 65. */
int bitrix_input_error(struct bitrix *x, const struct in *in, int st);

/* Reads one file (bitrix_read(), or a dictionary when x->aux). */
int bitrix_read_file(struct bitrix *x, const char *path);

/* ---- bitrix_dict.c ------------------------------------------------------- */

/* The semantic --statuses gives status s of kind ('L', 'D', 'S'), or 0. */
char bitrix_dict_semantic(struct bitrix *x, char kind, const char *s, size_t n);

/* The id of the status (or source) named s, or NULL. */
const struct status *bitrix_dict_id(struct bitrix *x, char kind, const char *s,
				    size_t n);

/* ---- bitrix_record.c ----------------------------------------------------- */

/* Writes the record of an item (the on_item of inputs). */
void bitrix_emit_item(struct bitrix *x, struct item *it, enum ctx ctx);

/* ---- bitrix_rest.c, bitrix_csv.c ----------------------------------------- */

/* Reads REST pages from in, opened in mode IN_SEQ or IN_ARRAY. */
int bitrix_read_rest(struct bitrix *x, struct in *in);

/* Reads a CSV export from in (csv_adopt()); in is closed after. */
int bitrix_read_csv(struct bitrix *x, struct in *in);

/* ---- bitrix_val.c: exported text to values ------------------------------- */

/*
 * Reads an amount as exports write it: "19999.99", "19 999,99" (spaces,
 * no-break spaces or apostrophes group the digits; a single ',' or '.' is
 * the decimal point, both together mean grouping then the point), "-5",
 * Bitrix money fields "19999.99|RUB", and a currency after the number
 * ("1 500 RUB", "1 500 руб.", "1 500 ₽").  Appends the exact decimal
 * string to out ("19999.99": digits after the point as typed, no leading
 * zeros, no "-" on zero) and the currency code, if one was written, to
 * cur.  @return 1, 0 when s is empty or blank, -1 when it is not an
 * amount (exponents and other text are not).
 */
int bitrix_money(const char *s, size_t n, struct buf *out, struct buf *cur);

/*
 * Reads a date and time: RFC 3339 and the other forms of ptime_parse()
 * (REST), "21.01.2026 14:03:00", "21.01.2026 14:03" and "21.01.2026"
 * (Russian exports), "01/21/2026 02:03 pm" (English exports: month
 * first, seconds and am/pm optional).  A time without an offset stays
 * naive unless has_tz, when it is taken to be at offset tz (seconds east).
 * @return 0, -1 when s is none of these or not a real date, PTIME_ERANGE
 * when the instant (a naive time: as written) is outside the years 0001
 * to 9999.
 */
int bitrix_time(const char *s, size_t n, int has_tz, int32_t tz,
		struct ptime *t);

/*
 * Appends the normalised form of a CSV header to out: case-folded (text.h),
 * trimmed, runs of whitespace, '_' and '-' made one space, a final ':' or
 * '*' dropped.  "UTM_Source " and "utm source" normalise alike.
 */
void bitrix_header_norm(const char *s, size_t n, struct buf *out);

/*
 * The API field a normalised CSV header stands for in the built-in map
 * ("название лида" -> TITLE, "стадия" -> STATUS_ID, "responsible" ->
 * ASSIGNED_BY_ID; API codes map to themselves), or NULL.  *hint gets 'L'
 * or 'D' when the header only occurs in exports of leads or of deals, else
 * 0.
 */
const char *bitrix_header_field(const char *norm, size_t n, int *hint);

#endif
