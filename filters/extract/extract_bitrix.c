/*
 * extract_bitrix.c - pulse-extract bitrix: Bitrix24 leads, deals and stage
 * history, from REST pages or the CSV export, to `lead`, `deal` and `stage`
 * records (schemas/lead.schema.json, deal.schema.json, stage.schema.json).
 *
 * Each input file is looked at first (in_peek): '{' or '[' starts JSON,
 * anything else is a CSV export.  JSON files hold REST pages as a user
 * saves them: crm.lead.list / crm.deal.list pages ({"result":[...],
 * "total":N,"next":50,"time":{...}}), crm.stagehistory.list pages
 * ({"result":{"items":[...]}}), one after the other (pretty-printed or not,
 * IN_SEQ) or in one JSON array; a bare item and crm.*.get's single object
 * are read too, an error page ({"error":...}) is a bad record.
 *
 * Either way an item becomes a list of (name, value) pairs, the names being
 * API codes (a CSV header is mapped to one, bitrix.h), and one function
 * turns that list into a record: REST and CSV differ only in how the
 * values are read.  Memory holds one page or one CSV row at a time, plus
 * the --users and --statuses dictionaries.
 */
#include "extract.h"
#include "bitrix.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "csv.h"
#include "hmap.h"
#include "in.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "record.h"
#include "text.h"
#include "utf8.h"

/* How much of a file decides JSON or CSV, and a CSV's encoding. */
#define SNIFF_BYTES (64 * 1024)

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

/* clang-format off */
static const struct code {
	const char *name;
	enum bxf f;
	char hint; /* 'L': only leads have it, 'D': only deals */
} codes[] = {
	{"ID", F_ID, 0},
	{"TITLE", F_TITLE, 0},
	{"STATUS_ID", F_STATUS, 'L'},
	{"STAGE_ID", F_STATUS, 'D'},
	{"STATUS_SEMANTIC_ID", F_SEMANTIC, 'L'},
	{"STAGE_SEMANTIC_ID", F_SEMANTIC, 'D'},
	{"SOURCE_ID", F_SOURCE, 0},
	{"ASSIGNED_BY_ID", F_MANAGER, 0},
	{"DATE_CREATE", F_CREATED, 0},
	{"DATE_MODIFY", F_MODIFIED, 0},
	{"DATE_CLOSED", F_CLOSED, 'L'},
	{"CLOSEDATE", F_CLOSED, 'D'},
	{"OPPORTUNITY", F_AMOUNT, 0},
	{"CURRENCY_ID", F_CURRENCY, 0},
	{"UTM_SOURCE", F_UTM_SOURCE, 0},
	{"UTM_MEDIUM", F_UTM_MEDIUM, 0},
	{"UTM_CAMPAIGN", F_UTM_CAMPAIGN, 0},
	{"UTM_CONTENT", F_UTM_CONTENT, 0},
	{"UTM_TERM", F_UTM_TERM, 0},
	{"LEAD_ID", F_LEAD_ID, 'D'},
	{"CATEGORY_ID", F_CATEGORY, 'D'},
	{"SOURCE_DESCRIPTION", F_SOURCE_DESC, 0},
	{"WEB", F_WEB, 0},
	{"COMMENTS", F_COMMENTS, 0},
	{"CLOSED", F_CLOSED_FLAG, 'D'},
	{"OWNER_ID", F_OWNER, 0},
	{"TYPE_ID", F_TYPE, 0},
	{"CREATED_TIME", F_CREATED_TIME, 0},
	{"ENTITY_TYPE_ID", F_ETYPE, 0},
	{"entityTypeId", F_ETYPE, 0},
};

/* clang-format on */

#define NCODES (sizeof codes / sizeof codes[0])

/* ---- an item: what one REST object or CSV row holds ---------------------- */

struct kv {
	size_t name, nlen; /* the API code (or a CSV header), in it->text */
	int field;	   /* enum bxf, -1 when pulse does not read it */
	char hint;
	int null;	  /* null, false, "" or an empty cell */
	size_t val, vlen; /* the value as text, in it->text */
	const char *raw;  /* REST: the JSON value as sent; CSV: NULL */
	size_t rawlen;
	const char *label; /* CSV: the column's header, for messages */
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
	size_t off, len; /* the id, in bx.dict */
	char sem;	 /* 'P', 'S', 'F' */
};

/* A value of --users: the name, in bx.dict. */
struct user {
	size_t off, len;
};

/* One CSV column. */
struct col {
	char *name;  /* the API code, else the normalised header */
	char *label; /* the header as written (UTF-8) */
	int field;
	char hint;
	int mapped;
};

struct bx {
	struct cli c;
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
	struct hmap codes; /* API code -> index in codes[] + 1 */
	struct hmap
		hdrmap; /* --map: normalised header -> offset of code in dict */

	/* dictionaries */
	struct hmap statuses; /* "L\tNEW", "D\tC1:WON", "S\tCALL" -> struct
				 status */
	struct hmap names; /* "L\tНовый" ... -> struct status (the id) */
	struct hmap users; /* ID -> struct user */
	struct buf dict;
	int have_statuses;

	/* reading */
	int aux; /* reading --users or --statuses: bad items are fatal */
	void (*on_item)(struct bx *x, struct item *it, enum ctx ctx);
	struct item it;
	struct buf rec;			/* the record being written */
	struct buf sc, sc2, name, stat; /* scratch */

	/* counts */
	uint64_t nlead, ndeal, nstage, nother_etype;
};

static const char *plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

static void item_reset(struct item *it)
{
	int i;

	it->n = 0;
	buf_reset(&it->text);
	for (i = 0; i < NF; i++)
		it->idx[i] = -1;
	it->csv = 0;
	it->file_hint = 0;
}

static const char *kv_text(const struct item *it, const struct kv *k)
{
	return it->text.p + k->val;
}

static const char *kv_name(const struct item *it, const struct kv *k)
{
	return it->text.p + k->name;
}

/* The name to use in messages: the CSV column, else the API code. */
static void kv_label(const struct item *it, const struct kv *k, struct buf *out)
{
	buf_reset(out);
	if (k->label)
		buf_addf(out, "%s", k->label);
	else
		buf_add(out, kv_name(it, k), k->nlen);
}

static struct kv *item_add(struct bx *x, struct item *it, const char *name,
			   size_t nlen)
{
	struct kv *k;
	size_t *ci;

	if (it->n == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 64;
		it->kv = xrealloc(it->kv, it->cap * sizeof *it->kv);
	}
	k = &it->kv[it->n++];
	memset(k, 0, sizeof *k);
	k->name = it->text.len;
	k->nlen = nlen;
	buf_add(&it->text, name, nlen);
	buf_addc(&it->text, '\0');
	k->field = -1;
	ci = hmap_get(&x->codes, name, nlen);
	if (ci) {
		k->field = (int)codes[*ci - 1].f;
		k->hint = codes[*ci - 1].hint;
	}
	k->null = 1;
	return k;
}

/* Sets k's text value (and null when it is empty); indexes the field. */
static void kv_set(struct item *it, struct kv *k, const char *v, size_t n)
{
	k->val = it->text.len;
	k->vlen = n;
	buf_add(&it->text, v, n);
	buf_addc(&it->text, '\0');
	k->null = n == 0;
}

static void kv_index(struct item *it, struct kv *k)
{
	if (k->field >= 0)
		it->idx[k->field] = (int)(k - it->kv);
}

/* The field's kv when it has a value, else NULL. */
static const struct kv *get(const struct item *it, enum bxf f)
{
	int i = it->idx[f];

	if (i < 0 || it->kv[i].null)
		return NULL;
	return &it->kv[i];
}

/*
 * Whether name[0..n) (an API code or a CSV header) is the normalised name
 * norm: ASCII names are compared folding case and '_' to ' ' (the fast
 * path, no allocation); others through bx_header_norm().
 */
static int name_is(struct bx *x, const char *name, size_t n, const char *norm)
{
	size_t i, nn = strlen(norm);

	/* an ASCII name normalises to as many bytes, and most names are */
	if (n != nn && (unsigned char)name[0] < 0x80 &&
	    (unsigned char)norm[0] < 0x80)
		return 0;
	for (i = 0; i < n; i++)
		if ((unsigned char)name[i] >= 0x80)
			break;
	if (i == n) {
		if (n != nn)
			return 0;
		for (i = 0; i < n; i++) {
			char c = name[i];
			if (c >= 'A' && c <= 'Z')
				c = (char)(c - 'A' + 'a');
			else if (c == '_' || c == '-')
				c = ' ';
			if (c != norm[i])
				return 0;
		}
		return 1;
	}
	buf_reset(&x->name);
	bx_header_norm(name, n, &x->name);
	return x->name.len == nn && memcmp(x->name.p, norm, nn) == 0;
}

/* The first kv named norm that has a value, or NULL. */
static const struct kv *get_named(struct bx *x, const struct item *it,
				  const char *norm)
{
	size_t i;

	for (i = 0; i < it->n; i++)
		if (!it->kv[i].null &&
		    name_is(x, kv_name(it, &it->kv[i]), it->kv[i].nlen, norm))
			return &it->kv[i];
	return NULL;
}

/* ---- bad items ----------------------------------------------------------- */

static void bad(struct bx *x, const struct item *it, const char *fmt, ...)
	ERR_PRINTF(3, 4);

static void bad(struct bx *x, const struct item *it, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (x->aux)
		die(EX_DATAERR, "%s:%llu: %s", it->file,
		    (unsigned long long)it->line, msg);
	cli_bad_at(&x->c, it->file, it->line, it->raw, it->rawlen, "%s", msg);
}

/* A value quoted for a message: at most 60 bytes. */
#define SHOW(k) (int)((k)->vlen > 60 ? 60 : (k)->vlen), kv_text(it, k)

/* ---- dictionaries -------------------------------------------------------- */

static void dict_key(struct buf *b, char kind, const char *s, size_t n)
{
	buf_reset(b);
	buf_addc(b, kind);
	buf_addc(b, '\t');
	buf_add(b, s, n);
}

/* The semantic --statuses gives status s of kind ('L', 'D', 'S'), or 0. */
static char dict_semantic(struct bx *x, char kind, const char *s, size_t n)
{
	struct status *st;

	if (!x->have_statuses)
		return 0;
	dict_key(&x->sc2, kind, s, n);
	st = hmap_get(&x->statuses, x->sc2.p, x->sc2.len);
	return st ? st->sem : 0;
}

/* The id of the status (or source) named s, or NULL. */
static const struct status *dict_id(struct bx *x, char kind, const char *s,
				    size_t n)
{
	if (!x->have_statuses)
		return NULL;
	dict_key(&x->sc2, kind, s, n);
	return hmap_get(&x->names, x->sc2.p, x->sc2.len);
}

/* A crm.status.list item. */
static void status_item(struct bx *x, struct item *it, enum ctx ctx)
{
	const struct kv *ent = get_named(x, it, "entity id");
	const struct kv *id = get_named(x, it, "status id");
	const struct kv *name = get_named(x, it, "name");
	const struct kv *sem = get_named(x, it, "semantics");
	struct status *st;
	const char *e;
	char kind;
	int isnew;

	(void)ctx;
	if (!ent || !id)
		bad(x, it,
		    "not a crm.status.list item: no ENTITY_ID or STATUS_ID");
	e = kv_text(it, ent);
	if (strcmp(e, "STATUS") == 0)
		kind = 'L';
	else if (strncmp(e, "DEAL_STAGE", 10) == 0)
		kind = 'D';
	else if (strcmp(e, "SOURCE") == 0)
		kind = 'S';
	else
		return; /* other dictionaries */
	dict_key(&x->sc, kind, kv_text(it, id), id->vlen);
	st = hmap_put(&x->statuses, x->sc.p, x->sc.len, &isnew);
	st->off = x->dict.len;
	st->len = id->vlen;
	buf_add(&x->dict, kv_text(it, id), id->vlen);
	st->sem = 'P';
	if (sem && (strcmp(kv_text(it, sem), "S") == 0 ||
		    strcmp(kv_text(it, sem), "F") == 0))
		st->sem = kv_text(it, sem)[0];
	if (name) {
		size_t n = name->vlen;
		const char *p = text_trim(kv_text(it, name), &n);
		struct status *byname;

		dict_key(&x->sc, kind, p, n);
		byname = hmap_put(&x->names, x->sc.p, x->sc.len, &isnew);
		if (isnew) /* a name in two pipelines: the first one */
			*byname = *st;
	}
}

/* A user.get item: "NAME LAST_NAME". */
static void user_item(struct bx *x, struct item *it, enum ctx ctx)
{
	const struct kv *id = get(it, F_ID);
	const struct kv *nm = get_named(x, it, "name");
	const struct kv *last = get_named(x, it, "last name");
	struct user *u;
	size_t n, start = x->dict.len;
	const char *p;

	(void)ctx;
	if (!id)
		bad(x, it, "not a user: no ID");
	if (nm) {
		n = nm->vlen;
		p = text_trim(kv_text(it, nm), &n);
		buf_add(&x->dict, p, n);
	}
	if (last) {
		n = last->vlen;
		p = text_trim(kv_text(it, last), &n);
		if (n && x->dict.len > start)
			buf_addc(&x->dict, ' ');
		buf_add(&x->dict, p, n);
	}
	if (x->dict.len == start)
		return; /* no name: the id stays */
	n = id->vlen;
	p = text_trim(kv_text(it, id), &n);
	u = hmap_put(&x->users, p, n, NULL);
	u->off = start;
	u->len = x->dict.len - start;
}

/* ---- records ------------------------------------------------------------- */

static void put_key(struct buf *o, const char *key)
{
	buf_add(o, ",\"", 2);
	buf_adds(o, key);
	buf_add(o, "\":", 2);
}

/* A string member from field f, null when it has no value. */
static void put_field(struct buf *o, const struct item *it, const char *key,
		      enum bxf f, int trim)
{
	const struct kv *k = get(it, f);
	const char *p;
	size_t n;

	put_key(o, key);
	if (!k) {
		jw_null(o);
		return;
	}
	n = k->vlen;
	p = trim ? text_trim(kv_text(it, k), &n) : kv_text(it, k);
	if (n == 0)
		jw_null(o);
	else
		jw_str(o, p, n);
}

/* Whether s is already RFC 3339 with seconds and an offset, as REST writes. */
static int canonical(const char *s, size_t n)
{
	static const char pat[] = "dddd-dd-ddTdd:dd:dd";
	size_t i;

	if (n != 20 && n != 25)
		return 0;
	for (i = 0; i < 19; i++)
		if (pat[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9')
				  : s[i] != pat[i])
			return 0;
	if (n == 20)
		return s[19] == 'Z';
	return (s[19] == '+' || s[19] == '-') && s[20] >= '0' && s[20] <= '9' &&
	       s[21] >= '0' && s[21] <= '9' && s[22] == ':' && s[23] >= '0' &&
	       s[23] <= '9' && s[24] >= '0' && s[24] <= '9';
}

/* A time member; -1 (reported) when the value is not a time. */
static int put_time(struct bx *x, struct buf *o, const struct item *it,
		    const char *key, enum bxf f, int required)
{
	const struct kv *k = get(it, f);
	char tb[PTIME_LOCAL_MAX];
	struct ptime t;

	if (!k) {
		if (required) {
			const char *code =
				it->idx[f] >= 0
					? kv_name(it, &it->kv[it->idx[f]])
				: f == F_CREATED ? "DATE_CREATE"
						 : "CREATED_TIME";
			bad(x, it, "missing field '%s'", code);
			return -1;
		}
		put_key(o, key);
		jw_null(o);
		return 0;
	}
	if (bx_time(kv_text(it, k), k->vlen, x->has_tz, x->tz, &t) != 0) {
		kv_label(it, k, &x->sc);
		bad(x, it, "field '%s': not a date and time: '%.*s'", x->sc.p,
		    SHOW(k));
		return -1;
	}
	put_key(o, key);
	buf_addc(o, '"');
	if (canonical(kv_text(it, k), k->vlen))
		buf_add(o, kv_text(it, k), k->vlen); /* "+00:00" stays */
	else
		buf_add(o, tb, ptime_fmt_local(tb, &t));
	buf_addc(o, '"');
	return 0;
}

/* The semantic Bitrix24's default ids have (crm.status.list defaults). */
static char default_semantic(char entity, const char *s)
{
	static const char *const lead_p[] = {"NEW", "IN_PROCESS", "PROCESSED"};
	static const char *const deal_p[] = {"NEW", "PREPARATION",
					     "PREPAYMENT_INVOICE", "EXECUTING",
					     "FINAL_INVOICE"};
	const char *colon;
	size_t i;

	if (entity == 'L') {
		if (strcmp(s, "CONVERTED") == 0)
			return 'S';
		if (strcmp(s, "JUNK") == 0)
			return 'F';
		for (i = 0; i < sizeof lead_p / sizeof lead_p[0]; i++)
			if (strcmp(s, lead_p[i]) == 0)
				return 'P';
		return 0;
	}
	/* "C1:WON" in pipeline 1 */
	if (s[0] == 'C' && (colon = strchr(s, ':')) != NULL &&
	    strspn(s + 1, "0123456789") == (size_t)(colon - s - 1))
		s = colon + 1;
	if (strcmp(s, "WON") == 0)
		return 'S';
	if (strcmp(s, "LOSE") == 0 || strcmp(s, "APOLOGY") == 0)
		return 'F';
	for (i = 0; i < sizeof deal_p / sizeof deal_p[0]; i++)
		if (strcmp(s, deal_p[i]) == 0)
			return 'P';
	return 0;
}

/*
 * The semantic of an item: its *_SEMANTIC_ID, else --statuses, else the
 * default ids.  @return 'P', 'S', 'F', 0 when unknown, -1 (reported) when
 * the field holds something else.
 */
static int semantic_of(struct bx *x, const struct item *it, char entity,
		       const char *status, size_t slen)
{
	const struct kv *k = get(it, F_SEMANTIC);
	char s;

	if (k) {
		size_t n = k->vlen;
		const char *p = text_trim(kv_text(it, k), &n);

		if (n == 1 && (*p == 'P' || *p == 'S' || *p == 'F'))
			return *p;
		if (n > 0) {
			kv_label(it, k, &x->sc);
			bad(x, it, "field '%s': expected P, S or F, got '%.*s'",
			    x->sc.p, SHOW(k));
			return -1;
		}
	}
	if ((s = dict_semantic(x, entity, status, slen)) != 0)
		return s;
	return default_semantic(entity, status);
}

/* An id member (trimmed; REST numbers as their digits). */
static int id_ok(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		char c = p[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
		      (c >= 'a' && c <= 'z') || c == '_' || c == '-'))
			return 0;
	}
	return n > 0;
}

static int need_id(struct bx *x, const struct item *it, enum bxf f,
		   const char *code, const char **p, size_t *n)
{
	const struct kv *k = get(it, f);

	if (!k) {
		bad(x, it, "missing field '%s'", code);
		return -1;
	}
	*n = k->vlen;
	*p = text_trim(kv_text(it, k), n);
	if (!id_ok(*p, *n)) {
		kv_label(it, k, &x->sc);
		bad(x, it, "field '%s': not an id: '%.*s'", x->sc.p, SHOW(k));
		return -1;
	}
	return 0;
}

/* The entity an item is, from --entity, its fields or its file. */
static char entity_of(struct bx *x, const struct item *it)
{
	int st = it->idx[F_STATUS];
	size_t i;

	if (x->entity)
		return x->entity;
	if (it->csv)
		return it->file_hint;
	if (st >= 0 && it->kv[st].hint)
		return it->kv[st].hint;
	for (i = 0; i < it->n; i++)
		if (it->kv[i].hint == 'D')
			return 'D';
	for (i = 0; i < it->n; i++)
		if (it->kv[i].hint == 'L')
			return 'L';
	return 0;
}

static int member_named(const char *key, const char *const *used, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(key, used[i]) == 0)
			return 1;
	return 0;
}

/*
 * Appends a JSON value as sent, without the whitespace outside its strings:
 * a value from a pretty-printed page spans lines, a record must not.
 */
static void put_compact(struct buf *o, const char *p, size_t n)
{
	size_t i, start = 0;
	int in_str = 0;

	for (i = 0; i < n; i++) {
		char c = p[i];

		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
		} else if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
			buf_add(o, p + start, i - start);
			start = i + 1;
		}
	}
	buf_add(o, p + start, n - start);
}

/* --keep and --keep-unknown: the fields a record does not use. */
static void put_extras(struct bx *x, struct buf *o, const struct item *it)
{
	static const char *const used[] = {
		"kind",	       "id",	     "title",
		"status",      "semantic",   "source",
		"manager",     "created",    "modified",
		"closed",      "amount",     "currency",
		"utm_source",  "utm_medium", "utm_campaign",
		"utm_content", "utm_term",   "loss_reason",
		"lead_id",     "category",   "source_description",
		"web",	       "comments",   "utm_origin",
		"ad_group"};
	size_t i, j;

	for (i = 0; i < it->n; i++) {
		const struct kv *k = &it->kv[i];
		const char *name = kv_name(it, k);
		int keep = x->keep_unknown;

		if (k->field >= 0 && (LD_FIELDS >> k->field & 1))
			continue;
		for (j = 0; !keep && j < x->nkeep; j++)
			keep = name_is(x, name, k->nlen, x->keep[j]);
		if (!keep)
			continue;
		/* the member's name: lower case, '_' for spaces */
		buf_reset(&x->sc);
		bx_header_norm(name, k->nlen, &x->sc);
		for (j = 0; j < x->sc.len; j++)
			if (x->sc.p[j] == ' ')
				x->sc.p[j] = '_';
		if (x->sc.len == 0)
			continue;
		buf_addc(o, ',');
		/* never two members of one name */
		if (member_named(x->sc.p, used, sizeof used / sizeof used[0])) {
			buf_reset(&x->sc2);
			buf_adds(&x->sc2, "x_");
			buf_add(&x->sc2, x->sc.p, x->sc.len);
			jw_str(o, x->sc2.p, x->sc2.len);
		} else {
			jw_str(o, x->sc.p, x->sc.len);
		}
		buf_addc(o, ':');
		if (k->raw)
			put_compact(o, k->raw, k->rawlen);
		else if (k->null)
			jw_null(o);
		else
			jw_str(o, kv_text(it, k), k->vlen);
	}
}

/* A lead or a deal. */
static void emit_entity(struct bx *x, struct item *it, char entity)
{
	struct buf *o = &x->rec;
	const struct kv *k;
	const char *p, *status;
	size_t n, slen, i;
	int sem;
	struct buf *amt = &x->sc, *cur = &x->sc2;

	buf_reset(o);
	buf_adds(o,
		 entity == 'L' ? "{\"kind\":\"lead\"" : "{\"kind\":\"deal\"");
	if (need_id(x, it, F_ID, "ID", &p, &n) < 0)
		return;
	put_key(o, "id");
	jw_str(o, p, n);
	put_key(o, "title");
	k = get(it, F_TITLE);
	if (k)
		jw_str(o, kv_text(it, k), k->vlen);
	else
		jw_str(o, "", 0);

	k = get(it, F_STATUS);
	if (!k) {
		bad(x, it, "missing field '%s'",
		    entity == 'L' ? "STATUS_ID" : "STAGE_ID");
		return;
	}
	slen = k->vlen;
	status = text_trim(kv_text(it, k), &slen);
	if (it->csv) { /* the export shows names: their ids */
		const struct status *st = dict_id(x, entity, status, slen);
		if (st) {
			status = x->dict.p + st->off;
			slen = st->len;
		}
	}
	put_key(o, "status");
	jw_str(o, status, slen);
	buf_reset(&x->stat);
	buf_add(&x->stat, status, slen);
	if ((sem = semantic_of(x, it, entity, x->stat.p, x->stat.len)) < 0)
		return;
	put_key(o, "semantic");
	if (sem)
		buf_addf(o, "\"%c\"", sem);
	else
		jw_null(o);

	put_key(o, "source");
	k = get(it, F_SOURCE);
	if (!k) {
		jw_null(o);
	} else {
		const struct status *st = NULL;

		n = k->vlen;
		p = text_trim(kv_text(it, k), &n);
		if (it->csv)
			st = dict_id(x, 'S', p, n);
		if (st)
			jw_str(o, x->dict.p + st->off, st->len);
		else if (n)
			jw_str(o, p, n);
		else
			jw_null(o);
	}

	put_key(o, "manager");
	k = get(it, F_MANAGER);
	if (!k) {
		jw_null(o);
	} else {
		const struct user *u;

		n = k->vlen;
		p = text_trim(kv_text(it, k), &n);
		u = hmap_get(&x->users, p, n);
		if (u)
			jw_str(o, x->dict.p + u->off, u->len);
		else if (n)
			jw_str(o, p, n);
		else
			jw_null(o);
	}

	if (put_time(x, o, it, "created", F_CREATED, 1) < 0 ||
	    put_time(x, o, it, "modified", F_MODIFIED, 0) < 0)
		return;
	/* a deal's CLOSEDATE is the planned date until CLOSED says "Y" */
	k = get(it, F_CLOSED_FLAG);
	if (entity == 'D' && k && strcmp(kv_text(it, k), "N") == 0) {
		put_key(o, "closed");
		jw_null(o);
	} else if (put_time(x, o, it, "closed", F_CLOSED, 0) < 0) {
		return;
	}

	buf_reset(amt);
	buf_reset(cur);
	k = get(it, F_AMOUNT);
	put_key(o, "amount");
	if (!k) {
		jw_null(o);
	} else {
		int r = bx_money(kv_text(it, k), k->vlen, amt, cur);

		if (r < 0) {
			buf_reset(&x->name);
			kv_label(it, k, &x->name);
			bad(x, it, "field '%s': not an amount: '%.*s'",
			    x->name.p, SHOW(k));
			return;
		}
		if (r == 0)
			jw_null(o);
		else
			jw_str(o, amt->p, amt->len);
	}
	k = get(it, F_CURRENCY);
	put_key(o, "currency");
	if (k) {
		n = k->vlen;
		p = text_trim(kv_text(it, k), &n);
		jw_str(o, p, n);
	} else if (cur->len) {
		jw_str(o, cur->p, cur->len);
	} else {
		jw_null(o);
	}

	put_field(o, it, "utm_source", F_UTM_SOURCE, 0);
	put_field(o, it, "utm_medium", F_UTM_MEDIUM, 0);
	put_field(o, it, "utm_campaign", F_UTM_CAMPAIGN, 0);
	put_field(o, it, "utm_content", F_UTM_CONTENT, 0);
	put_field(o, it, "utm_term", F_UTM_TERM, 0);

	put_key(o, "loss_reason");
	k = NULL;
	for (i = 0; !k && i < x->nloss; i++) {
		/* STATUS_DESCRIPTION is a lead's note on its status */
		if (entity == 'D' &&
		    strcmp(x->loss[i], "status description") == 0)
			continue;
		k = get_named(x, it, x->loss[i]);
	}
	if (k) {
		n = k->vlen;
		p = text_trim(kv_text(it, k), &n);
	}
	if (k && n)
		jw_str(o, p, n);
	else
		jw_null(o);

	if (entity == 'D') {
		put_field(o, it, "lead_id", F_LEAD_ID, 1);
		put_field(o, it, "category", F_CATEGORY, 1);
	}
	if (it->idx[F_SOURCE_DESC] >= 0)
		put_field(o, it, "source_description", F_SOURCE_DESC, 0);
	if (it->idx[F_WEB] >= 0)
		put_field(o, it, "web", F_WEB, 0);
	if (it->idx[F_COMMENTS] >= 0)
		put_field(o, it, "comments", F_COMMENTS, 0);
	if (x->keep_unknown || x->nkeep)
		put_extras(x, o, it);
	buf_adds(o, "}\n");
	buf_add(cli_out(&x->c), o->p, o->len);
	if (entity == 'L')
		x->nlead++;
	else
		x->ndeal++;
}

/* One crm.stagehistory.list item. */
static void emit_stage(struct bx *x, struct item *it)
{
	struct buf *o = &x->rec;
	const struct kv *k;
	const char *p, *stage;
	size_t n, slen;
	int64_t type;
	char entity = 0, *end;
	int sem;

	k = get(it, F_ETYPE);
	if (k) {
		n = k->vlen;
		p = text_trim(kv_text(it, k), &n);
		if (n == 1 && *p == '1') {
			entity = 'L';
		} else if (n == 1 && *p == '2') {
			entity = 'D';
		} else {
			x->nother_etype++; /* invoices, smart processes */
			return;
		}
	} else if (it->idx[F_STATUS] >= 0 && it->kv[it->idx[F_STATUS]].hint) {
		entity = it->kv[it->idx[F_STATUS]].hint;
	} else {
		entity = x->entity;
	}
	if (!entity) {
		bad(x, it, "stage history row without STATUS_ID or STAGE_ID");
		return;
	}
	buf_reset(o);
	buf_adds(o, entity == 'L' ? "{\"kind\":\"stage\",\"entity\":\"lead\""
				  : "{\"kind\":\"stage\",\"entity\":\"deal\"");
	if (need_id(x, it, F_OWNER, "OWNER_ID", &p, &n) < 0)
		return;
	put_key(o, "id");
	jw_str(o, p, n);
	if (put_time(x, o, it, "ts", F_CREATED_TIME, 1) < 0)
		return;
	k = get(it, F_STATUS);
	if (!k) {
		bad(x, it, "missing field '%s'",
		    entity == 'L' ? "STATUS_ID" : "STAGE_ID");
		return;
	}
	slen = k->vlen;
	stage = text_trim(kv_text(it, k), &slen);
	put_key(o, "stage");
	jw_str(o, stage, slen);

	k = get(it, F_TYPE);
	if (!k) {
		bad(x, it, "missing field 'TYPE_ID'");
		return;
	}
	n = k->vlen;
	p = text_trim(kv_text(it, k), &n);
	errno = 0;
	type = n ? strtoll(p, &end, 10) : 0;
	if (n == 0 || end != p + n || errno ||
	    !(type == 1 || type == 2 || type == 3 || type == 5)) {
		bad(x, it, "field 'TYPE_ID': expected 1, 2, 3 or 5, got '%.*s'",
		    SHOW(k));
		return;
	}
	buf_reset(&x->stat);
	buf_add(&x->stat, stage, slen);
	if ((sem = semantic_of(x, it, entity, x->stat.p, x->stat.len)) < 0)
		return;
	if (!sem && (type == 1 || type == 2))
		sem = 'P';
	if (!sem) {
		bad(x, it,
		    "no %s and stage '%.*s' is unknown (--statuses "
		    "tells its semantic)",
		    entity == 'L' ? "STATUS_SEMANTIC_ID" : "STAGE_SEMANTIC_ID",
		    (int)(slen > 60 ? 60 : slen), stage);
		return;
	}
	buf_addf(o, ",\"semantic\":\"%c\",\"type\":%d", sem, (int)type);
	if (entity == 'D')
		put_field(o, it, "category", F_CATEGORY, 1);
	else
		buf_adds(o, ",\"category\":null");
	put_field(o, it, "history_id", F_ID, 1);
	buf_adds(o, "}\n");
	buf_add(cli_out(&x->c), o->p, o->len);
	x->nstage++;
}

static void emit_item(struct bx *x, struct item *it, enum ctx ctx)
{
	char entity;

	if (ctx == CTX_AUTO)
		ctx = it->idx[F_OWNER] >= 0 && it->idx[F_CREATED_TIME] >= 0
			      ? CTX_STAGE
			      : CTX_LIST;
	if (ctx == CTX_STAGE) {
		emit_stage(x, it);
	} else if ((entity = entity_of(x, it)) == 0) {
		bad(x, it,
		    "cannot tell a lead from a deal: no STATUS_ID or "
		    "STAGE_ID (use --entity)");
	} else {
		emit_entity(x, it, entity);
	}
	cli_commit(&x->c);
}

/* ---- REST pages ---------------------------------------------------------- */

static uint64_t count_nl(const char *p, size_t n)
{
	uint64_t k = 0;
	const char *end = p + n;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

/* Appends the text of a REST multifield ([{"VALUE":...}, ...]) or array. */
static void array_text(struct json_span arr, struct buf *out)
{
	struct json_iter ai, oi;
	struct json_span v, key, mv;
	size_t start = out->len;

	json_iter_init(&ai, arr);
	while (json_iter_next(&ai, NULL, &v)) {
		if (v.type == JSON_OBJECT) {
			json_iter_init(&oi, v);
			while (json_iter_next(&oi, &key, &mv))
				if (json_str_eq(key, "VALUE", 5) &&
				    mv.type == JSON_STRING)
					break;
			if (mv.type != JSON_STRING ||
			    !json_str_eq(key, "VALUE", 5))
				continue;
			v = mv;
		}
		if (v.type != JSON_STRING && v.type != JSON_NUMBER)
			continue;
		if (out->len > start)
			buf_addc(out, ' ');
		if (v.type == JSON_STRING)
			json_str_decode(v, out);
		else
			buf_add(out, v.p, v.n);
	}
}

/* Fills x->it from a REST object; file, line and raw are set by the caller. */
static void item_from_json(struct bx *x, struct item *it, struct json_span obj)
{
	struct json_iter oi;
	struct json_span key, v;
	struct kv *k;
	const char *kp;
	size_t kn, start;

	item_reset(it);
	json_iter_init(&oi, obj);
	while (json_iter_next(&oi, &key, &v)) {
		json_str_view(key, &x->sc, &kp, &kn);
		k = item_add(x, it, kp, kn);
		k->raw = v.p;
		k->rawlen = v.n;
		switch (v.type) {
		case JSON_STRING:
			start = it->text.len;
			json_str_decode(v, &it->text);
			k->val = start;
			k->vlen = it->text.len - start;
			buf_addc(&it->text, '\0');
			k->null = k->vlen == 0;
			break;
		case JSON_NUMBER:
			kv_set(it, k, v.p, v.n);
			break;
		case JSON_TRUE:
			kv_set(it, k, "Y", 1);
			break;
		case JSON_ARRAY:
			start = it->text.len;
			array_text(v, &it->text);
			k->val = start;
			k->vlen = it->text.len - start;
			buf_addc(&it->text, '\0');
			k->null = k->vlen == 0;
			break;
		default: /* null, false, objects */
			kv_set(it, k, "", 0);
			break;
		}
		kv_index(it, k);
	}
}

/* The member key of object span obj, or a span of type JSON_NONE. */
static struct json_span member(struct json_span obj, const char *key)
{
	struct json_iter oi;
	struct json_span k, v, none = {NULL, 0, JSON_NONE, 0};

	if (json_iter_init(&oi, obj) < 0)
		return none;
	while (json_iter_next(&oi, &k, &v))
		if (json_str_eq(k, key, strlen(key)))
			return v;
	return none;
}

static void items_of(struct bx *x, struct json_span arr, enum ctx ctx,
		     const char *file, uint64_t line, const char *page)
{
	struct json_iter ai;
	struct json_span v;
	struct item *it = &x->it;
	const char *counted = page;

	json_iter_init(&ai, arr);
	while (json_iter_next(&ai, NULL, &v)) {
		/* the item's line: newlines counted once per page */
		line += count_nl(counted, (size_t)(v.p - counted));
		counted = v.p;
		it->file = file;
		it->line = line;
		it->raw = v.p;
		it->rawlen = v.n;
		if (v.type != JSON_OBJECT) {
			item_reset(it);
			bad(x, it, "an item of 'result' is a %s, not an object",
			    json_type_name(v.type));
			continue;
		}
		item_from_json(x, it, v);
		x->on_item(x, it, ctx);
	}
}

static void page(struct bx *x, const struct rec *r, const char *file,
		 uint64_t line, const char *p, size_t n)
{
	struct json_span res = rec_get(r, "result"), err = rec_get(r, "error");
	struct json_span whole = {p, n, JSON_OBJECT, 0}, items;
	struct item *it = &x->it;

	it->file = file;
	it->line = line;
	it->raw = p;
	it->rawlen = n;
	if (!json_is_empty(err)) {
		struct json_span d = rec_get(r, "error_description");
		struct buf *e = &x->sc, *dd = &x->sc2;

		buf_reset(e);
		buf_reset(dd);
		if (err.type == JSON_STRING)
			json_str_decode(err, e);
		else
			buf_add(e, err.p, err.n);
		if (d.type == JSON_STRING)
			json_str_decode(d, dd);
		item_reset(it);
		bad(x, it, "Bitrix24 error '%.*s'%s%.*s",
		    (int)(e->len > 100 ? 100 : e->len), e->p,
		    dd->len ? ": " : "", (int)(dd->len > 200 ? 200 : dd->len),
		    dd->len ? dd->p : "");
		return;
	}
	switch (res.type) {
	case JSON_ARRAY:
		items_of(x, res, CTX_LIST, file, line, p);
		return;
	case JSON_OBJECT:
		items = member(res, "items");
		if (items.type == JSON_ARRAY) {
			items_of(x, items, CTX_STAGE, file, line, p);
			return;
		}
		if (member(res, "ID").type != JSON_NONE) { /* crm.lead.get */
			it->line = line + count_nl(p, (size_t)(res.p - p));
			it->raw = res.p;
			it->rawlen = res.n;
			item_from_json(x, it, res);
			x->on_item(x, it, CTX_LIST);
			return;
		}
		item_reset(it);
		bad(x, it, "'result' is an object without 'items' or 'ID'");
		return;
	case JSON_NONE:
		if (rec_get(r, "ID").type != JSON_NONE ||
		    rec_get(r, "OWNER_ID").type != JSON_NONE) {
			item_from_json(x, it, whole); /* a bare item */
			x->on_item(x, it, CTX_AUTO);
			return;
		}
		item_reset(it);
		bad(x, it, "not a Bitrix24 page: no 'result', no 'ID'");
		return;
	default:
		item_reset(it);
		bad(x, it, "'result' is %s", json_type_name(res.type));
		return;
	}
}

/* An input error: reported, then the end of that file (as cli_next()). */
static void input_error(struct bx *x, const struct in *in, int st)
{
	if (x->aux)
		die(st == IN_EIO ? EX_IOERR : EX_DATAERR, "%s", in->msg);
	warn("%s", in->msg);
	cli_status(&x->c, st == IN_EIO ? EX_IOERR : EX_DATAERR);
	if (x->c.onerr == CLI_FAIL) {
		int status;

		cli_flush(&x->c);
		status = cli_finish(&x->c);
		exit(status);
	}
}

/*
 * A file that cannot be read as a whole (a CSV header pulse cannot use):
 * reported, exit status 65, and with --on-error=fail the end of the run,
 * as for a broken input.
 */
static void file_error(struct bx *x, const char *fmt, ...) ERR_PRINTF(2, 3);

static void file_error(struct bx *x, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (x->aux)
		die(EX_DATAERR, "%s", msg);
	warn("%s", msg);
	cli_status(&x->c, EX_DATAERR);
	if (x->c.onerr == CLI_FAIL) {
		cli_flush(&x->c);
		exit(cli_finish(&x->c));
	}
}

static const char *skip_blank(const char *p, const char *end)
{
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
		p++;
	return p;
}

/*
 * The items of a page cut short, p[0..n), that are whole before the cut:
 * its 'result' array, or the 'items' array of its 'result' object, up to
 * the first item that does not scan, are taken as any page's.  @return
 * how many were.
 */
static size_t salvage(struct bx *x, const char *p, size_t n, const char *file,
		      uint64_t line)
{
	const char *q = p, *end = p + n, *arr = NULL, *last = NULL;
	struct json_span k, v;
	struct json_error e;
	size_t count = 0;
	int depth = 1;
	enum ctx ctx = CTX_LIST;

	q = skip_blank(q, end);
	if (q >= end || *q != '{')
		return 0;
	q++;
	while (!arr) {
		q = skip_blank(q, end);
		if (q >= end || *q != '"' ||
		    !(q = json_scan_nested(p, q, end, depth, &k, &e)))
			return 0;
		q = skip_blank(q, end);
		if (q >= end || *q++ != ':')
			return 0;
		q = skip_blank(q, end);
		if (q < end && depth == 1 && json_str_eq(k, "result", 6) &&
		    (*q == '[' || *q == '{')) {
			if (*q == '[') {
				arr = q;
				break;
			}
			depth = 2; /* result: {"items": [...]} */
			ctx = CTX_STAGE;
			q++;
			continue;
		}
		if (q < end && depth == 2 && json_str_eq(k, "items", 5) &&
		    *q == '[') {
			arr = q;
			break;
		}
		if (!(q = json_scan_nested(p, q, end, depth, &v, &e)))
			return 0;
		q = skip_blank(q, end);
		if (q < end && *q == ',')
			q++;
	}
	for (q = arr + 1;; count++) {
		q = skip_blank(q, end);
		if (count && q < end && *q == ',')
			q = skip_blank(q + 1, end);
		if (q >= end || !json_scan_nested(p, q, end, depth + 1, &v, &e))
			break;
		q = last = v.p + v.n;
	}
	if (count) {
		/* the whole items as an array: its last byte stands for ']' */
		struct json_span whole = {arr, (size_t)(last - arr) + 1,
					  JSON_ARRAY, 0};

		items_of(x, whole, ctx, file, line, p);
	}
	return count;
}

static void read_json(struct bx *x, struct in *in)
{
	struct rec r = REC_INIT;
	struct json_error e;
	struct item *it = &x->it;
	const char *p;
	size_t n, kept;
	int st;

	while ((st = in_next(in, &p, &n)) == IN_OK || st == IN_EBAD) {
		if (st == IN_EBAD) {
			/* text between pages: the pages after it are read */
			item_reset(it);
			it->file = in->display;
			it->line = in->lineno;
			it->raw = p;
			it->rawlen = n;
			bad(x, it, "%s", in->msg);
			continue;
		}
		if (rec_parse(&r, p, n, &e) < 0) {
			/* a page cut short took the pages after it in: they
			 * are read again, and its whole items kept */
			n = in_resync(in, p, n, e.off);
			kept = salvage(x, p, n, in->display, in->lineno);
			item_reset(it);
			it->file = in->display;
			it->line = in->lineno;
			it->raw = p;
			it->rawlen = n;
			if (kept)
				bad(x, it,
				    "%s (at byte %zu): a page cut short; its "
				    "%zu whole item%s before the cut are kept, "
				    "the rest of it is lost",
				    e.msg, e.off + 1, kept, plural(kept));
			else
				bad(x, it, "%s (at byte %zu)", e.msg,
				    e.off + 1);
			continue;
		}
		page(x, &r, in->display, in->lineno, p, n);
	}
	if (st != IN_EOF)
		input_error(x, in, st);
	rec_release(&r);
}

/* ---- CSV exports --------------------------------------------------------- */

static void cols_free(struct col *cols, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(cols[i].name);
		free(cols[i].label);
	}
	free(cols);
}

/* The columns of a header row; the file's entity in *hint. */
static struct col *read_header(struct bx *x, const struct csv *cv, char *hint)
{
	struct col *cols = xcalloc(cv->row.n, sizeof *cols);
	struct buf norm = BUF_INIT, unk = BUF_INIT;
	size_t i, nl = 0, nd = 0, nunk = 0;
	size_t *mapped;
	const char *code;
	int h;

	for (i = 0; i < cv->row.n; i++) {
		struct col *c = &cols[i];
		size_t n;
		const char *p;

		n = cv->row.f[i].n;
		p = text_trim(cv->row.f[i].p, &n);
		c->label = xstrndup(p, n);
		buf_reset(&norm);
		bx_header_norm(p, n, &norm);
		h = 0;
		code = NULL;
		mapped = hmap_get(&x->hdrmap, norm.p ? norm.p : "", norm.len);
		if (mapped)
			code = x->dict.p + *mapped;
		else
			code = bx_header_field(norm.p ? norm.p : "", norm.len,
					       &h);
		if (code) {
			size_t *ci = hmap_get(&x->codes, code, strlen(code));

			c->name = xstrdup(code);
			c->field = ci ? (int)codes[*ci - 1].f : -1;
			/* the built-in map knows which titles tell; a --map
			 * header tells what its code does */
			c->hint = (char)h;
			if (mapped)
				c->hint = ci ? codes[*ci - 1].hint : 0;
			c->mapped = 1;
		} else {
			c->name = xstrdup(norm.p ? norm.p : "");
			c->field = -1;
		}
		if (c->hint == 'L')
			nl++;
		else if (c->hint == 'D')
			nd++;
	}
	*hint = nd > nl ? 'D' : nl > nd ? 'L' : 0;
	if (!x->aux && !x->keep_unknown) {
		for (i = 0; i < cv->row.n; i++) {
			size_t j;
			int used = cols[i].mapped;

			for (j = 0; !used && j < x->nkeep; j++)
				used = name_is(x, cols[i].name,
					       strlen(cols[i].name),
					       x->keep[j]);
			for (j = 0; !used && j < x->nloss; j++)
				used = name_is(x, cols[i].name,
					       strlen(cols[i].name),
					       x->loss[j]);
			if (used || !*cols[i].label)
				continue;
			if (nunk++ < 6)
				buf_addf(&unk, "%s'%s'", nunk > 1 ? ", " : "",
					 cols[i].label);
		}
		if (nunk)
			warn("%s: %zu column%s not mapped, left out: %s%s "
			     "(--keep-unknown keeps them, --map maps them)",
			     cv->in.display, nunk, plural(nunk), unk.p,
			     nunk > 6 ? ", ..." : "");
	}
	buf_release(&norm);
	buf_release(&unk);
	return cols;
}

static void read_csv(struct bx *x, struct in *in)
{
	struct csv cv;
	struct col *cols = NULL;
	struct item *it = &x->it;
	size_t ncols = 0, i;
	char hint = 0;
	int st;

	csv_adopt(&cv, in, x->delim);
	cv.enc = x->enc;
	while ((st = csv_next(&cv)) == IN_OK || st == IN_EENC) {
		if (st == IN_EENC && !cols) {
			file_error(x, "%s:%llu: the header: %s", cv.in.display,
				   (unsigned long long)cv.in.lineno, cv.msg);
			break;
		}
		if (st == IN_EENC) {
			item_reset(it);
			it->csv = 1;
			it->file = cv.in.display;
			it->line = cv.in.lineno;
			it->raw = cv.raw;
			it->rawlen = cv.rawlen;
			bad(x, it, "%s", cv.msg);
			continue;
		}
		if (!cols) {
			cols = read_header(x, &cv, &hint);
			ncols = cv.row.n;
			if (!cols)
				break;
			if (!x->aux && !x->entity && !hint) {
				file_error(x,
					   "%s:%llu: cannot tell leads from "
					   "deals by the header (use --entity "
					   "lead or deal)",
					   cv.in.display,
					   (unsigned long long)cv.in.lineno);
				break;
			}
			continue;
		}
		item_reset(it);
		it->csv = 1;
		it->file_hint = hint;
		it->file = cv.in.display;
		it->line = cv.in.lineno;
		it->raw = cv.raw;
		it->rawlen = cv.rawlen;
		if (cv.row.n > ncols) {
			for (i = ncols; i < cv.row.n; i++)
				if (cv.row.f[i].n)
					break;
			if (i < cv.row.n) {
				bad(x, it, "%zu fields, the header has %zu",
				    cv.row.n, ncols);
				continue;
			}
		}
		for (i = 0; i < ncols && i < cv.row.n; i++) {
			struct kv *k;
			size_t vn = cv.row.f[i].n;
			const char *vp = text_trim(cv.row.f[i].p, &vn);

			k = item_add(x, it, cols[i].name, strlen(cols[i].name));
			k->field = cols[i].field;
			k->hint = cols[i].hint;
			k->label = cols[i].label;
			kv_set(it, k, vp, vn);
			kv_index(it, k);
		}
		x->on_item(x, it, CTX_LIST);
	}
	if (st < 0) {
		size_t ml = strlen(cv.msg);

		if (ml >= sizeof cv.in.msg)
			ml = sizeof cv.in.msg - 1;
		memcpy(cv.in.msg, cv.msg, ml);
		cv.in.msg[ml] = '\0';
		input_error(x, &cv.in, st);
	}
	if (cols)
		cols_free(cols, ncols);
	csv_close(&cv);
}

/* ---- files --------------------------------------------------------------- */

static void read_file(struct bx *x, const char *path)
{
	struct in in;
	const char *p;
	size_t n, i;
	int st;

	if (in_open(&in, path, IN_SEQ) < 0) {
		if (x->aux)
			die(EX_NOINPUT, "%s", in.msg);
		warn("%s", in.msg);
		cli_status(&x->c, EX_NOINPUT);
		in_close(&in);
		return;
	}
	st = in_peek(&in, SNIFF_BYTES, &p, &n);
	if (st < 0) {
		input_error(x, &in, st);
		in_close(&in);
		return;
	}
	if (st == IN_EOF) {
		in_close(&in);
		return; /* empty */
	}
	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			break;
	/* what the list's "Excel" export and Excel's "Unicode text" are */
	if (n >= 2 && ((p[0] == '\xff' && p[1] == '\xfe') ||
		       (p[0] == '\xfe' && p[1] == '\xff'))) {
		file_error(x,
			   "%s: UTF-16 text is not read (save it as CSV in "
			   "UTF-8 or Windows-1251)",
			   in.display);
		in_close(&in);
		return;
	}
	if (i < n && p[i] == '<') {
		file_error(x,
			   "%s: an HTML or XML file is not read (the list's "
			   "Excel export is an HTML table: export CSV)",
			   in.display);
		in_close(&in);
		return;
	}
	if (i == n || p[i] == '{' || p[i] == '[') {
		in.mode = i < n && p[i] == '[' ? IN_ARRAY : IN_SEQ;
		read_json(x, &in);
		in_close(&in);
	} else {
		read_csv(x, &in);
	}
}

static void read_aux(struct bx *x, const char *path,
		     void (*fn)(struct bx *x, struct item *it, enum ctx ctx))
{
	void (*saved)(struct bx * x, struct item * it, enum ctx ctx) =
		x->on_item;

	x->aux = 1;
	x->on_item = fn;
	read_file(x, path);
	x->on_item = saved;
	x->aux = 0;
}

/* --map FILE: CSV lines "header,CODE". */
static void load_map(struct bx *x, const char *path)
{
	struct csv cv;
	struct buf norm = BUF_INIT;
	size_t *off;
	int st;

	if (csv_open(&cv, path, 0) < 0)
		die(EX_NOINPUT, "%s", cv.msg);
	while ((st = csv_next(&cv)) == IN_OK) {
		size_t n;
		const char *code;

		if (cv.row.n < 2 || cv.row.f[0].n == 0)
			die(EX_DATAERR, "%s:%llu: expected 'header,FIELD'",
			    cv.in.display, (unsigned long long)cv.in.lineno);
		n = cv.row.f[1].n;
		code = text_trim(cv.row.f[1].p, &n);
		if (n == 0 ||
		    utf8_valid(cv.row.f[0].p, cv.row.f[0].n) != cv.row.f[0].n)
			die(EX_DATAERR,
			    "%s:%llu: expected 'header,FIELD' in UTF-8",
			    cv.in.display, (unsigned long long)cv.in.lineno);
		buf_reset(&norm);
		bx_header_norm(cv.row.f[0].p, cv.row.f[0].n, &norm);
		off = hmap_put(&x->hdrmap, norm.p ? norm.p : "", norm.len,
			       NULL);
		*off = x->dict.len;
		buf_add(&x->dict, code, n);
		buf_addc(&x->dict, '\0');
	}
	if (st == IN_EENC)
		die(EX_DATAERR, "%s:%llu: %s", cv.in.display,
		    (unsigned long long)cv.in.lineno, cv.msg);
	if (st < 0)
		die(st == IN_EIO ? EX_IOERR : EX_DATAERR, "%s", cv.msg);
	if (cv.in.recno == 0)
		die(EX_DATAERR, "%s: no 'header,FIELD' lines: an empty --map",
		    cv.in.display);
	csv_close(&cv);
	buf_release(&norm);
}

/* ---- the command line ---------------------------------------------------- */

enum {
	OPT_ENTITY = CLI_OPT_FIRST_PROGRAM,
	OPT_USERS,
	OPT_STATUSES,
	OPT_LOSS_FIELD,
	OPT_KEEP,
	OPT_KEEP_UNKNOWN,
	OPT_MAP,
	OPT_ENCODING,
	OPT_DELIMITER,
	OPT_TZ,
};

static const struct option longopts[] = {
	{"entity", required_argument, NULL, OPT_ENTITY},
	{"users", required_argument, NULL, OPT_USERS},
	{"statuses", required_argument, NULL, OPT_STATUSES},
	{"loss-field", required_argument, NULL, OPT_LOSS_FIELD},
	{"keep", required_argument, NULL, OPT_KEEP},
	{"keep-unknown", no_argument, NULL, OPT_KEEP_UNKNOWN},
	{"map", required_argument, NULL, OPT_MAP},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"delimiter", required_argument, NULL, OPT_DELIMITER},
	{"tz", required_argument, NULL, OPT_TZ},
	CLI_LONGOPTS,
	{NULL, 0, NULL, 0},
};

static const struct cli_info info = {
	"pulse-extract bitrix",
	"usage: pulse-extract bitrix [--users FILE] [--statuses FILE] "
	"[options] [file ...]",
	"Turn Bitrix24 exports into `lead`, `deal` and `stage` records:\n"
	"crm.lead.list, crm.deal.list and crm.stagehistory.list pages (JSON,\n"
	"one after the other or in an array), and the CSV export of leads or\n"
	"deals (; or , UTF-8 or Windows-1251, Russian or English headers).\n"
	"Files may be zstd-compressed.\n"
	"\n"
	"      --entity KIND      lead or deal: what list pages and CSV files "
	"hold\n"
	"                         when their fields do not tell\n"
	"      --users FILE       user.get pages (or a CSV with ID, NAME,\n"
	"                         LAST_NAME): managers by name, not by id\n"
	"      --statuses FILE    crm.status.list pages: the semantics of "
	"custom\n"
	"                         stages, the ids of the stage and source "
	"names "
	"a\n"
	"                         CSV export shows\n"
	"      --loss-field NAME  the loss reason is in field NAME (an API "
	"code\n"
	"                         like UF_CRM_LOSS_REASON, or a CSV header); "
	"first\n"
	"                         one with a value wins, before the defaults\n"
	"                         (a 'loss reason' column, STATUS_DESCRIPTION "
	"of\n"
	"                         leads)\n"
	"      --keep NAME        keep field NAME too, under its lower-case "
	"name\n"
	"      --keep-unknown     keep every field pulse does not read\n"
	"      --map FILE         more CSV headers: lines 'header,API_CODE'\n"
	"      --encoding ENC     CSV encoding: auto (default), utf-8, cp1251\n"
	"      --delimiter C      CSV delimiter (default: found in the "
	"header)\n"
	"      --tz OFFSET        offset of CSV times written without one\n"
	"                         (+03:00); default: they stay "
	"without\n" CLI_HELP_COMMON,
};

static char *norm_dup(const char *s)
{
	struct buf b = BUF_INIT;

	bx_header_norm(s, strlen(s), &b);
	if (!b.p)
		buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

static void add_name(char ***list, size_t *n, const char *s)
{
	*list = xrealloc(*list, (*n + 1) * sizeof **list);
	(*list)[(*n)++] = norm_dup(s);
}

static void parse_tz(struct bx *x, const char *arg)
{
	struct ptime t;
	char tmp[40];

	/* an offset alone: read it as the offset of a time */
	if (strlen(arg) > 8)
		cli_usage_error(&x->c,
				"invalid --tz '%s' (an offset like +03:00)",
				arg);
	snprintf(tmp, sizeof tmp, "2000-01-01T00:00:00%s", arg);
	if (strcmp(arg, "UTC") == 0 || strcmp(arg, "Z") == 0) {
		x->tz = 0;
	} else if (ptime_parse(tmp, strlen(tmp), &t) != 0 || !t.has_off) {
		cli_usage_error(&x->c,
				"invalid --tz '%s' (an offset like +03:00)",
				arg);
	} else {
		x->tz = t.off_sec;
	}
	x->has_tz = 1;
}

static void bx_init(struct bx *x)
{
	size_t i, *v;

	memset(x, 0, sizeof *x);
	hmap_init(&x->codes, sizeof(size_t));
	for (i = 0; i < NCODES; i++) {
		v = hmap_put(&x->codes, codes[i].name, strlen(codes[i].name),
			     NULL);
		*v = i + 1;
	}
	hmap_init(&x->hdrmap, sizeof(size_t));
	hmap_init(&x->statuses, sizeof(struct status));
	hmap_init(&x->names, sizeof(struct status));
	hmap_init(&x->users, sizeof(struct user));
	item_reset(&x->it);
	x->on_item = emit_item;
}

static void bx_release(struct bx *x)
{
	size_t i;

	hmap_release(&x->codes);
	hmap_release(&x->hdrmap);
	hmap_release(&x->statuses);
	hmap_release(&x->names);
	hmap_release(&x->users);
	for (i = 0; i < x->nkeep; i++)
		free(x->keep[i]);
	free(x->keep);
	for (i = 0; i < x->nloss; i++)
		free(x->loss[i]);
	free(x->loss);
	free(x->it.kv);
	buf_release(&x->it.text);
	buf_release(&x->dict);
	buf_release(&x->rec);
	buf_release(&x->sc);
	buf_release(&x->sc2);
	buf_release(&x->name);
	buf_release(&x->stat);
}

int extract_bitrix_main(int argc, char **argv)
{
	struct bx x;
	const char **users = xcalloc((size_t)argc + 1, sizeof(char *));
	const char **statuses = xcalloc((size_t)argc + 1, sizeof(char *));
	const char **maps = xcalloc((size_t)argc + 1, sizeof(char *));
	size_t nusers = 0, nstatuses = 0, nmaps = 0, i;
	int opt, status;

	bx_init(&x);
	cli_init(&x.c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (opt == CLI_OPT_VERSION) {
			printf("pulse-extract (pulse) %s\n", VERSION);
			exit(fflush(stdout) || ferror(stdout) ? EX_IOERR : 0);
		}
		if (cli_opt(&x.c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_ENTITY:
			if (strcmp(optarg, "lead") == 0)
				x.entity = 'L';
			else if (strcmp(optarg, "deal") == 0)
				x.entity = 'D';
			else
				cli_usage_error(&x.c,
						"invalid --entity '%s' (lead "
						"or deal)",
						optarg);
			break;
		case OPT_USERS:
			users[nusers++] = optarg;
			break;
		case OPT_STATUSES:
			statuses[nstatuses++] = optarg;
			break;
		case OPT_LOSS_FIELD:
			if (!*optarg)
				cli_usage_error(&x.c,
						"--loss-field needs a name");
			add_name(&x.loss, &x.nloss, optarg);
			break;
		case OPT_KEEP:
			if (!*optarg)
				cli_usage_error(&x.c, "--keep needs a name");
			add_name(&x.keep, &x.nkeep, optarg);
			break;
		case OPT_KEEP_UNKNOWN:
			x.keep_unknown = 1;
			break;
		case OPT_MAP:
			maps[nmaps++] = optarg;
			break;
		case OPT_ENCODING:
			if (csv_enc_parse(optarg, &x.enc) < 0)
				cli_usage_error(&x.c,
						"invalid --encoding '%s' "
						"(auto, utf-8 or cp1251)",
						optarg);
			break;
		case OPT_DELIMITER:
			if (strcmp(optarg, "\\t") == 0 ||
			    strcmp(optarg, "tab") == 0)
				x.delim = '\t';
			else if (strlen(optarg) == 1 && optarg[0] != '"' &&
				 optarg[0] != '\n' && optarg[0] != '\r')
				x.delim = optarg[0];
			else
				cli_usage_error(&x.c,
						"invalid --delimiter '%s' "
						"(one character)",
						optarg);
			break;
		case OPT_TZ:
			parse_tz(&x, optarg);
			break;
		default:
			cli_usage(&x.c);
		}
	}
	add_name(&x.loss, &x.nloss, "LOSS_REASON");
	add_name(&x.loss, &x.nloss, "STATUS_DESCRIPTION");

	for (i = 0; i < nmaps; i++)
		load_map(&x, maps[i]);
	for (i = 0; i < nstatuses; i++) {
		x.have_statuses = 1;
		read_aux(&x, statuses[i], status_item);
	}
	for (i = 0; i < nusers; i++)
		read_aux(&x, users[i], user_item);

	cli_start(&x.c, argc - optind, argv + optind);
	for (i = 0; i < (size_t)x.c.nfiles; i++)
		read_file(&x, x.c.files[i]);
	cli_flush(&x.c);
	if (x.nother_etype)
		warn("%llu stage history row%s of other entity types (not "
		     "leads or deals) left out",
		     (unsigned long long)x.nother_etype,
		     plural(x.nother_etype));
	status = cli_finish(&x.c);
	bx_release(&x);
	free(users);
	free(statuses);
	free(maps);
	return status;
}
