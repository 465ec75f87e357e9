/*
 * bitrix_record.c - an item of the bitrix engine (a REST object or a CSV
 * row, as (name, value) pairs) to a `lead`, `deal` or `stage` record.  A
 * bad item is reported and leaves no trace in the output.  See
 * bitrix_int.h.
 */
#include "bitrix.h"
#include "bitrix_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "jw.h"
#include "ptime.h"
#include "show.h"
#include "text.h"

/* For a message: k's label in x->shl, its value (cut) in x->shv. */
static void shown(struct bitrix *x, const struct item *it, const struct kv *k)
{
	bitrix_kv_label(it, k, &x->sc);
	show(&x->shl, x->sc.p, x->sc.len, (size_t)-1);
	show(&x->shv, kv_text(it, k), k->vlen, SHOW_MAX);
}

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
	const struct kv *k = kv_get(it, f);
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
static int put_time(struct bitrix *x, struct buf *o, const struct item *it,
		    const char *key, enum bxf f, int required)
{
	const struct kv *k = kv_get(it, f);
	char tb[PTIME_LOCAL_MAX];
	struct ptime t;
	int rc;

	if (!k) {
		if (required) {
			const char *code =
				it->idx[f] >= 0
					? kv_name(it, &it->kv[it->idx[f]])
				: f == F_CREATED ? "DATE_CREATE"
						 : "CREATED_TIME";
			bitrix_bad(x, it, "missing field '%s'", code);
			return -1;
		}
		put_key(o, key);
		jw_null(o);
		return 0;
	}
	if ((rc = bitrix_time(kv_text(it, k), k->vlen, x->has_tz, x->tz, &t)) !=
	    0) {
		shown(x, it, k);
		bitrix_bad(x, it, "field '%s': %s: '%s'", x->shl.p,
			   rc == PTIME_ERANGE ? "date and time out of range "
						"(years 0001 to 9999)"
					      : "not a date and time",
			   x->shv.p);
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

/* Whether s[0..n) is the C string w. */
static int is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

/* The semantic Bitrix24's default ids have (crm.status.list defaults). */
static char default_semantic(char entity, const char *s, size_t n)
{
	static const char *const lead_p[] = {"NEW", "IN_PROCESS", "PROCESSED"};
	static const char *const deal_p[] = {"NEW", "PREPARATION",
					     "PREPAYMENT_INVOICE", "EXECUTING",
					     "FINAL_INVOICE"};
	size_t i;

	if (entity == 'L') {
		if (is(s, n, "CONVERTED"))
			return 'S';
		if (is(s, n, "JUNK"))
			return 'F';
		for (i = 0; i < sizeof lead_p / sizeof lead_p[0]; i++)
			if (is(s, n, lead_p[i]))
				return 'P';
		return 0;
	}
	/* "C1:WON" in pipeline 1 */
	if (n > 0 && s[0] == 'C') {
		for (i = 1; i < n && s[i] >= '0' && s[i] <= '9'; i++)
			;
		if (i < n && s[i] == ':') {
			s += i + 1;
			n -= i + 1;
		}
	}
	if (is(s, n, "WON"))
		return 'S';
	if (is(s, n, "LOSE") || is(s, n, "APOLOGY"))
		return 'F';
	for (i = 0; i < sizeof deal_p / sizeof deal_p[0]; i++)
		if (is(s, n, deal_p[i]))
			return 'P';
	return 0;
}

/*
 * The semantic of an item: its *_SEMANTIC_ID, else --statuses, else the
 * default ids.  @return 'P', 'S', 'F', 0 when unknown, -1 (reported) when
 * the field holds something else.
 */
static int semantic_of(struct bitrix *x, const struct item *it, char entity,
		       const char *status, size_t slen)
{
	const struct kv *k = kv_get(it, F_SEMANTIC);
	char s;

	if (k) {
		size_t n = k->vlen;
		const char *p = text_trim(kv_text(it, k), &n);

		if (n == 1 && (*p == 'P' || *p == 'S' || *p == 'F'))
			return *p;
		if (n > 0) {
			shown(x, it, k);
			bitrix_bad(x, it,
				   "field '%s': expected P, S or F, got '%s'",
				   x->shl.p, x->shv.p);
			return -1;
		}
	}
	if ((s = bitrix_dict_semantic(x, entity, status, slen)) != 0)
		return s;
	return default_semantic(entity, status, slen);
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

/*
 * The ids an item holds as JSON numbers are integers: 1e5 is not the id
 * "1e5", and 7.0 would not find user 7.  @return 0, or -1 (reported).
 */
static int numbers_are_ids(struct bitrix *x, const struct item *it)
{
	static const enum bxf ids[] = {F_ID, F_OWNER, F_MANAGER, F_LEAD_ID,
				       F_CATEGORY};
	const struct kv *k;
	const char *p;
	size_t i, j;

	for (i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		if (!(k = kv_get(it, ids[i])) || !k->num)
			continue;
		p = kv_text(it, k);
		for (j = p[0] == '-'; j < k->vlen; j++)
			if (p[j] < '0' || p[j] > '9')
				break;
		if (j < k->vlen) {
			shown(x, it, k);
			bitrix_bad(x, it, "field '%s': not an id: '%s'",
				   x->shl.p, x->shv.p);
			return -1;
		}
	}
	return 0;
}

static int need_id(struct bitrix *x, const struct item *it, enum bxf f,
		   const char *code, const char **p, size_t *n)
{
	const struct kv *k = kv_get(it, f);

	if (!k) {
		bitrix_bad(x, it, "missing field '%s'", code);
		return -1;
	}
	*n = k->vlen;
	*p = text_trim(kv_text(it, k), n);
	if (!id_ok(*p, *n)) {
		shown(x, it, k);
		bitrix_bad(x, it, "field '%s': not an id: '%s'", x->shl.p,
			   x->shv.p);
		return -1;
	}
	return 0;
}

/* The entity an item is, from --entity, its fields or its file. */
static char entity_of(struct bitrix *x, const struct item *it)
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

static int member_named(const char *key, size_t klen, const char *const *used,
			size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (is(key, klen, used[i]))
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

/* A kept field: its member's name in x->xnames, and its pair. */
struct extra {
	size_t off, len, kv;
	const char *name;
	int skip;
};

static int extra_cmp(const void *a, const void *b)
{
	const struct extra *p = *(const struct extra *const *)a;
	const struct extra *q = *(const struct extra *const *)b;
	size_t n = p->len < q->len ? p->len : q->len;
	int c = memcmp(p->name, q->name, n);

	if (c)
		return c;
	if (p->len != q->len)
		return p->len < q->len ? -1 : 1;
	return p->kv < q->kv ? -1 : p->kv > q->kv;
}

/*
 * --keep and --keep-unknown: the fields a record does not use, each under
 * its lower-case name ('_' for spaces, "x_" before a name the record
 * uses).  Two fields of one name (a key twice in an object, "Type ID" and
 * TYPE_ID): the last one, as rec_get() reads it.
 */
static void put_extras(struct bitrix *x, struct buf *o, const struct item *it)
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
	struct extra *e;
	size_t i, j, n = 0;

	buf_reset(&x->xnames);
	for (i = 0; i < it->n; i++) {
		const struct kv *k = &it->kv[i];
		const char *name = kv_name(it, k);
		int keep = x->keep_unknown;
		size_t start;

		if (k->field >= 0 && (LD_FIELDS >> k->field & 1))
			continue;
		for (j = 0; !keep && j < x->nkeep; j++)
			keep = bitrix_name_is(x, name, k->nlen, x->keep[j]);
		if (!keep)
			continue;
		/* the member's name: lower case, '_' for spaces */
		buf_reset(&x->sc);
		bitrix_header_norm(name, k->nlen, &x->sc);
		for (j = 0; j < x->sc.len; j++)
			if (x->sc.p[j] == ' ')
				x->sc.p[j] = '_';
		if (x->sc.len == 0)
			continue;
		start = x->xnames.len;
		if (member_named(x->sc.p, x->sc.len, used,
				 sizeof used / sizeof used[0]))
			buf_adds(&x->xnames, "x_");
		buf_add(&x->xnames, x->sc.p, x->sc.len);
		if (n == x->nextra) {
			x->nextra = x->nextra ? 2 * x->nextra : 16;
			x->extra = xrealloc(x->extra,
					    x->nextra * sizeof *x->extra);
			x->byname = xrealloc(x->byname,
					     x->nextra * sizeof *x->byname);
		}
		e = &x->extra[n++];
		e->off = start;
		e->len = x->xnames.len - start;
		e->kv = i;
		e->skip = 0;
	}
	if (n > 1) {
		/* never two members of one name: the last one */
		for (i = 0; i < n; i++) {
			x->extra[i].name = x->xnames.p + x->extra[i].off;
			x->byname[i] = &x->extra[i];
		}
		qsort(x->byname, n, sizeof *x->byname, extra_cmp);
		for (i = 0; i + 1 < n; i++)
			if (x->byname[i]->len == x->byname[i + 1]->len &&
			    memcmp(x->byname[i]->name, x->byname[i + 1]->name,
				   x->byname[i]->len) == 0)
				x->byname[i]->skip = 1;
	}
	for (i = 0; i < n; i++) {
		const struct kv *k = &it->kv[x->extra[i].kv];

		if (x->extra[i].skip)
			continue;
		buf_addc(o, ',');
		jw_str(o, x->xnames.p + x->extra[i].off, x->extra[i].len);
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
static void emit_entity(struct bitrix *x, struct item *it, char entity)
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
	if (numbers_are_ids(x, it) < 0 ||
	    need_id(x, it, F_ID, "ID", &p, &n) < 0)
		return;
	put_key(o, "id");
	jw_str(o, p, n);
	put_key(o, "title");
	k = kv_get(it, F_TITLE);
	if (k)
		jw_str(o, kv_text(it, k), k->vlen);
	else
		jw_str(o, "", 0);

	k = kv_get(it, F_STATUS);
	if (!k) {
		bitrix_bad(x, it, "missing field '%s'",
			   entity == 'L' ? "STATUS_ID" : "STAGE_ID");
		return;
	}
	slen = k->vlen;
	status = text_trim(kv_text(it, k), &slen);
	if (it->csv) { /* the export shows names: their ids */
		const struct status *st =
			bitrix_dict_id(x, entity, status, slen);
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
	k = kv_get(it, F_SOURCE);
	if (!k) {
		jw_null(o);
	} else {
		const struct status *st = NULL;

		n = k->vlen;
		p = text_trim(kv_text(it, k), &n);
		if (it->csv)
			st = bitrix_dict_id(x, 'S', p, n);
		if (st)
			jw_str(o, x->dict.p + st->off, st->len);
		else if (n)
			jw_str(o, p, n);
		else
			jw_null(o);
	}

	put_key(o, "manager");
	k = kv_get(it, F_MANAGER);
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
	k = kv_get(it, F_CLOSED_FLAG);
	if (entity == 'D' && k && bitrix_kv_is(it, k, "N")) {
		put_key(o, "closed");
		jw_null(o);
	} else if (put_time(x, o, it, "closed", F_CLOSED, 0) < 0) {
		return;
	}

	buf_reset(amt);
	buf_reset(cur);
	k = kv_get(it, F_AMOUNT);
	put_key(o, "amount");
	if (!k) {
		jw_null(o);
	} else {
		int r = bitrix_money(kv_text(it, k), k->vlen, amt, cur);

		if (r < 0) {
			shown(x, it, k);
			bitrix_bad(x, it, "field '%s': not an amount: '%s'",
				   x->shl.p, x->shv.p);
			return;
		}
		if (r == 0)
			jw_null(o);
		else
			jw_str(o, amt->p, amt->len);
	}
	k = kv_get(it, F_CURRENCY);
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
		k = bitrix_get_named(x, it, x->loss[i]);
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
	buf_add(&x->out->b, o->p, o->len);
	if (entity == 'L')
		x->nlead++;
	else
		x->ndeal++;
}

/* One crm.stagehistory.list item. */
static void emit_stage(struct bitrix *x, struct item *it)
{
	struct buf *o = &x->rec;
	const struct kv *k;
	const char *p, *stage;
	size_t n, slen;
	int64_t type;
	char entity = 0, *end;
	int sem;

	k = kv_get(it, F_ETYPE);
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
		bitrix_bad(x, it,
			   "stage history row without STATUS_ID or STAGE_ID");
		return;
	}
	buf_reset(o);
	buf_adds(o, entity == 'L' ? "{\"kind\":\"stage\",\"entity\":\"lead\""
				  : "{\"kind\":\"stage\",\"entity\":\"deal\"");
	if (numbers_are_ids(x, it) < 0 ||
	    need_id(x, it, F_OWNER, "OWNER_ID", &p, &n) < 0)
		return;
	put_key(o, "id");
	jw_str(o, p, n);
	if (put_time(x, o, it, "ts", F_CREATED_TIME, 1) < 0)
		return;
	k = kv_get(it, F_STATUS);
	if (!k) {
		bitrix_bad(x, it, "missing field '%s'",
			   entity == 'L' ? "STATUS_ID" : "STAGE_ID");
		return;
	}
	slen = k->vlen;
	stage = text_trim(kv_text(it, k), &slen);
	put_key(o, "stage");
	jw_str(o, stage, slen);

	k = kv_get(it, F_TYPE);
	if (!k) {
		bitrix_bad(x, it, "missing field 'TYPE_ID'");
		return;
	}
	n = k->vlen;
	p = text_trim(kv_text(it, k), &n);
	errno = 0;
	type = n ? strtoll(p, &end, 10) : 0;
	if (n == 0 || end != p + n || errno ||
	    !(type == 1 || type == 2 || type == 3 || type == 5)) {
		shown(x, it, k);
		bitrix_bad(x, it,
			   "field 'TYPE_ID': expected 1, 2, 3 or 5, got '%s'",
			   x->shv.p);
		return;
	}
	buf_reset(&x->stat);
	buf_add(&x->stat, stage, slen);
	if ((sem = semantic_of(x, it, entity, x->stat.p, x->stat.len)) < 0)
		return;
	if (!sem && (type == 1 || type == 2))
		sem = 'P';
	if (!sem) {
		bitrix_bad(x, it,
			   "no %s and stage '%s' is unknown (--statuses "
			   "tells its semantic)",
			   entity == 'L' ? "STATUS_SEMANTIC_ID"
					 : "STAGE_SEMANTIC_ID",
			   show(&x->shv, stage, slen, SHOW_MAX));
		return;
	}
	buf_addf(o, ",\"semantic\":\"%c\",\"type\":%d", sem, (int)type);
	if (entity == 'D')
		put_field(o, it, "category", F_CATEGORY, 1);
	else
		buf_adds(o, ",\"category\":null");
	put_field(o, it, "history_id", F_ID, 1);
	buf_adds(o, "}\n");
	buf_add(&x->out->b, o->p, o->len);
	x->nstage++;
}

void bitrix_emit_item(struct bitrix *x, struct item *it, enum ctx ctx)
{
	char entity;

	if (ctx == CTX_AUTO)
		ctx = it->idx[F_OWNER] >= 0 && it->idx[F_CREATED_TIME] >= 0
			      ? CTX_STAGE
			      : CTX_LIST;
	if (ctx == CTX_STAGE) {
		emit_stage(x, it);
	} else if ((entity = entity_of(x, it)) == 0) {
		bitrix_bad(x, it,
			   "cannot tell a lead from a deal: no STATUS_ID or "
			   "STAGE_ID (use --entity)");
	} else {
		emit_entity(x, it, entity);
	}
	sink_commit(x->out);
}
