/*
 * utm.h - pulse-utm's engine, shared by main.c and utm_*.c.
 *
 * For each lead or deal record: the UTM fields it has are kept ("given");
 * without a utm_source they are read from the query string of a URL in
 * the --url-field fields ("url"), else looked up in the --map files by the
 * ad id or another key field ("map"), else the record has none ("none").
 * Every value is trimmed and normalised through the --alias table.
 * Other records pass through byte for byte.
 *
 * The maps and the alias table are read whole into memory; a record costs
 * no allocation once the reused buffers have grown.
 */
#ifndef PULSE_UTM_H
#define PULSE_UTM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "csv.h"
#include "hmap.h"
#include "rec.h"

/* The fields pulse-utm fills, in this order. */
enum utm_field {
	U_SOURCE,
	U_MEDIUM,
	U_CAMPAIGN,
	U_CONTENT,
	U_TERM,
	U_ADGROUP,
	U_NFIELDS,
	U_NUTM = U_ADGROUP, /* the five utm_* fields come first */
};

enum utm_origin { O_GIVEN, O_URL, O_MAP, O_NONE, O_CRM, O_NORIGINS };

/* A string in a struct utm_map's vals (len 0: no value). */
struct utm_cell {
	uint32_t off, len;
};

/* One --map file: key value -> the fields of its row. */
struct utm_map {
	const char *path;
	char *keyfield;	    /* the header's first column */
	int keyidx;	    /* its enum utm_field, or -1 for another field */
	int has[U_NFIELDS]; /* the file has a column for the field */
	struct hmap rows;   /* key -> uint32_t row */
	struct utm_cell *cells; /* U_NFIELDS per row */
	size_t nrows;
	struct buf vals;
};

struct utm {
	/* options */
	const char **url_fields;
	size_t nurl_fields;
	int stats;
	int crm_source;	  /* --crm-source */
	enum csv_enc enc; /* of the --map and --alias files */

	struct utm_map *maps;
	size_t nmaps;
	struct hmap alias; /* field byte + folded alias -> struct utm_cell */
	struct buf alias_vals;

	struct hmap srcnames; /* SOURCE_ID -> struct utm_cell in srcvals */
	struct buf srcvals;

	uint64_t count[2][O_NORIGINS]; /* leads, deals */
	uint64_t other;		       /* records of other kinds */

	/* per-record scratch, reused */
	struct buf dec[U_NFIELDS];  /* the record's values, decoded */
	struct buf fill[U_NFIELDS]; /* values read from a URL */
	struct buf scratch, fold, url, crm;
	struct rec_out out;
};

/* Names of the fields: "utm_source", ... "ad_group". */
const char *utm_field_name(int f);
/* "given", "url", "map", "none", "crm_source". */
const char *utm_origin_name(int o);

void utm_init(struct utm *u);
void utm_release(struct utm *u);

/*
 * A utm for another thread: base's options, maps and aliases shared (read
 * only; base outlives it), its own buffers and counts.  Not with
 * crm_source (the names come with the input, in order).
 */
struct utm *utm_clone(const struct utm *base);
/* Frees a clone (not what it shares). */
void utm_clone_free(struct utm *u);

/*
 * Reads a --map file (CSV with a header, in u->enc) into u.  @return 0, or
 * an exit status with the reason in err: 66 when it cannot be read, 65
 * when it is empty or malformed, 74 on a read error.
 */
int utm_map_load(struct utm *u, const char *path, struct buf *err);

/* Reads an --alias file (CSV: alias,canonical[,field]); @return as above. */
int utm_alias_load(struct utm *u, const char *path, struct buf *err);

/*
 * Writes record r, enriched when it is a lead or a deal, as one line to
 * out.  @return 0, or -1 with msg when the record is bad (nothing written).
 */
int utm_record(struct utm *u, const struct rec *r, struct buf *out, char *msg,
	       size_t msz);

/*
 * Percent-decodes a query string component s[0..n) ('+' is a space) and
 * appends it to out.  Exposed for the tests.
 */
void utm_pct_decode(const char *s, size_t n, struct buf *out);

#endif
