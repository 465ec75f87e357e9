/* funnel_load.c - taking lead, deal and stage records in; see funnel.h. */
#include "funnel.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

struct funnel *funnel_new(const struct funnel_opts *o)
{
	struct funnel *f = xcalloc(1, sizeof *f);
	size_t i;

	f->o = *o;
	f->source_field =
		xstrdup(o->source_field ? o->source_field : "utm_source");
	f->o.source_field = f->source_field;
	if (o->stages)
		for (i = 0; i < o->stages->n; i++)
			strvec_push(&f->stages, o->stages->v[i]);
	f->o.stages = &f->stages;
	if (o->shard)
		f->shard = *o->shard;
	f->o.shard = &f->shard;
	{
		const char *names[FK_N] = {
			"kind",
			"id",
			"title",
			"status",
			"semantic",
			"manager",
			f->source_field,
			"utm_campaign",
			"ad_group",
			"category",
			"loss_reason",
			"currency",
			"lead_id",
			"created",
			"modified",
			"amount",
			"entity",
			"stage",
			"ts",
			"history_id",
		};

		rec_keys_init(&f->keys, names, FK_N);
	}
	fsum_init(&f->sum);
	idmap_init(&f->ids[0]);
	idmap_init(&f->ids[1]);
	hmap_init(&f->stagemap, sizeof(uint32_t));
	hmap_init(&f->pipemap, sizeof(uint32_t));
	return f;
}

void funnel_free(struct funnel *f)
{
	size_t i;

	if (!f)
		return;
	fsum_release(&f->sum);
	for (i = 0; i < 2; i++) {
		idmap_release(&f->ids[i]);
		free(f->id_ent[i]);
	}
	hmap_release(&f->stagemap);
	hmap_release(&f->pipemap);
	for (i = 0; i < f->npipe; i++)
		free(f->pipe[i].order);
	free(f->pipe);
	free(f->stage);
	free(f->ent);
	free(f->hist);
	strvec_clear(&f->stages);
	free(f->source_field);
	buf_release(&f->scratch);
	buf_release(&f->scratch2);
	buf_release(&f->key);
	buf_release(&f->texts);
	free(f);
}

uint64_t funnel_orphans(const struct funnel *f)
{
	return f->orphan_hist;
}

int funnel_finish(struct funnel *f, struct sink *out, char *msg, size_t msz)
{
	funnel_prep(f);
	return funnel_emit(f, out, msg, msz);
}

uint32_t fn_intern(struct funnel *f, const char *s, size_t n)
{
	return fsum_str(&f->sum, s, n);
}

const char *fn_str(const struct funnel *f, uint32_t i, size_t *n)
{
	return fsum_strp(&f->sum, i, n);
}

const char *fn_text_get(const struct funnel *f, fn_text t, size_t *n)
{
	*n = (size_t)(t & FN_TEXT_MAX);
	return f->texts.p + (t >> 24);
}

const char *fn_id(const struct funnel *f, uint32_t ent, size_t *n)
{
	return fn_text_get(f, f->ent[ent].id, n);
}

/*
 * The ent index slot of number num of kind k, FN_NONE when new; NULL when
 * the map refused a new key (IDMAP_FULL: it holds IDMAP_MAX ids already).
 */
static uint32_t *num_slot(struct funnel *f, int t, uint32_t num, int isnew)
{
	if (num == IDMAP_FULL)
		return NULL;
	if (isnew) {
		if (num >= f->id_cap[t]) {
			f->id_cap[t] = f->id_cap[t] ? 2 * f->id_cap[t] : 1024;
			f->id_ent[t] =
				xrealloc(f->id_ent[t],
					 f->id_cap[t] * sizeof *f->id_ent[t]);
		}
		f->id_ent[t][num] = FN_NONE;
	}
	return &f->id_ent[t][num];
}

/* The ent index slot of the id p[0..n) of kind k, as num_slot(). */
static uint32_t *id_slot(struct funnel *f, char k, const char *p, size_t n)
{
	int t = k == 'D', isnew;
	uint32_t num = idmap_put(&f->ids[t], p, n, &isnew);

	return num_slot(f, t, num, isnew);
}

uint32_t fn_find(struct funnel *f, char k, const char *p, size_t n)
{
	uint32_t *v = id_slot(f, k, p, n);

	return v ? *v : FN_NONE; /* refused: not one of those read */
}

static int bad(char *msg, size_t msz, const char *key, const char *what)
{
	snprintf(msg, msz, "field '%s' %s", key, what);
	return -1;
}

/*
 * A string member (or a number, as ids may be written) interned into *out;
 * null, false, absent and "" give FN_NONE.  @return 0, or -1 with msg.
 */
static int get_str(struct funnel *f, enum fn_key fk, enum fn_field fld,
		   uint32_t *out, char *msg, size_t msz)
{
	struct json_span v = f->v[fk];
	const char *key = f->keys.name[fk];
	const char *p;
	size_t n;

	*out = FN_NONE;
	switch (v.type) {
	case JSON_NONE:
	case JSON_NULL:
	case JSON_FALSE:
		return 0;
	case JSON_NUMBER:
		*out = fsum_str_memo(&f->sum, &f->memo[fld], v.p, v.n);
		return 0;
	case JSON_STRING:
		json_str_view(v, &f->scratch, &p, &n);
		if (n)
			*out = fsum_str_memo(&f->sum, &f->memo[fld], p, n);
		return 0;
	default:
		snprintf(msg, msz, "field '%s' is %s %s, not a string", key,
			 v.type == JSON_ARRAY || v.type == JSON_OBJECT ? "an"
								       : "a",
			 json_type_name(v.type));
		return -1;
	}
}

/*
 * As get_str(), into funnel.texts: null, false, absent and "" give
 * FN_NOTEXT.
 */
static int get_text(struct funnel *f, enum fn_key fk, fn_text *out, char *msg,
		    size_t msz)
{
	struct json_span v = f->v[fk];
	const char *key = f->keys.name[fk];
	const char *p = v.p;
	size_t n = v.n;

	*out = FN_NOTEXT;
	switch (v.type) {
	case JSON_NONE:
	case JSON_NULL:
	case JSON_FALSE:
		return 0;
	case JSON_NUMBER:
		break;
	case JSON_STRING:
		json_str_view(v, &f->scratch, &p, &n);
		if (!n)
			return 0;
		break;
	default:
		snprintf(msg, msz, "field '%s' is %s %s, not a string", key,
			 v.type == JSON_ARRAY || v.type == JSON_OBJECT ? "an"
								       : "a",
			 json_type_name(v.type));
		return -1;
	}
	if (n > FN_TEXT_MAX)
		return bad(msg, msz, key, "is longer than 16 MiB");
	*out = (uint64_t)f->texts.len << 24 | n;
	buf_add(&f->texts, p, n);
	return 0;
}

/* The id of a record: a string or a number, not empty. */
static int get_id(struct funnel *f, const char **p, size_t *n, char *msg,
		  size_t msz)
{
	struct json_span v = f->v[FK_ID];

	if (v.type == JSON_NUMBER) {
		*p = v.p;
		*n = v.n;
		return 0;
	}
	if (v.type == JSON_STRING) {
		json_str_view(v, &f->scratch2, p, n);
		if (*n > FN_TEXT_MAX)
			return bad(msg, msz, "id", "is longer than 16 MiB");
		if (*n)
			return 0;
	}
	if (json_is_empty(v) || v.type == JSON_STRING)
		return bad(msg, msz, "id", "is missing");
	snprintf(msg, msz, "field 'id' is %s %s, not a string",
		 v.type == JSON_ARRAY || v.type == JSON_OBJECT ? "an" : "a",
		 json_type_name(v.type));
	return -1;
}

static int get_time(struct funnel *f, enum fn_key fk, int required,
		    struct ptime *t, fn_text *txt, char *msg, size_t msz)
{
	int rc;
	struct json_span v = f->v[fk];
	const char *key = f->keys.name[fk];
	const char *p;
	size_t n;

	if (json_is_empty(v)) {
		if (required)
			return bad(msg, msz, key, "is missing");
		memset(t, 0, sizeof *t);
		if (txt)
			*txt = FN_NOTEXT;
		return 0;
	}
	if (v.type != JSON_STRING)
		return bad(msg, msz, key, "is not a time string");
	json_str_view(v, &f->scratch, &p, &n);
	if ((rc = ptime_parse(p, n, t)) < 0) {
		if (rc == PTIME_ERANGE)
			snprintf(msg, msz, "field '%s': time '%.*s' %s", key,
				 n > 40 ? 40 : (int)n, p, ptime_strerror(rc));
		else
			snprintf(msg, msz, "field '%s' is not a time: '%.*s'",
				 key, n > 40 ? 40 : (int)n, p);
		return -1;
	}
	if (txt) {
		*txt = (uint64_t)f->texts.len << 24 | n; /* n <= 40 */
		buf_add(&f->texts, p, n);
	}
	return 0;
}

static int get_sem(const struct funnel *f, enum fn_key fk, char *out, char *msg,
		   size_t msz)
{
	struct json_span v = f->v[fk];
	const char *key = f->keys.name[fk];

	*out = 0;
	if (json_is_empty(v))
		return 0;
	if (v.type == JSON_STRING && v.n == 3 &&
	    (v.p[1] == 'P' || v.p[1] == 'S' || v.p[1] == 'F')) {
		*out = v.p[1];
		return 0;
	}
	return bad(msg, msz, key, "is not \"P\", \"S\", \"F\" or null");
}

static int get_amount(struct funnel *f, struct fn_ent *e, char *msg, size_t msz)
{
	struct json_span v = f->v[FK_AMOUNT];
	struct num x;
	const char *p;
	size_t n;
	int st;

	e->has_amount = 0;
	if (v.type == JSON_STRING) {
		json_str_view(v, &f->scratch2, &p, &n);
		if (n == 0)
			return 0;
	}
	st = num_read(v, &f->scratch2, &x);
	if (st == 0 || v.type == JSON_FALSE)
		return 0;
	if (st == NUM_ERANGE || (st > 0 && !x.exact && !(fabs(x.d) < 1e27)))
		return bad(msg, msz, "amount",
			   "is too large (1e27 or more) to add up exactly");
	if (st < 0)
		return bad(msg, msz, "amount", "is not a decimal number");
	if (!x.exact)
		return bad(msg, msz, "amount",
			   "is not an exact decimal (at most 9 decimals)");
	if (v.type == JSON_STRING)
		json_str_view(v, &f->scratch2, &p, &n);
	else
		p = v.p, n = v.n;
	e->has_amount = 1;
	e->amount = x.fx;
	e->amount_scale = fsum_scale(p, n);
	return 0;
}

/* Room for one more record: its index. */
static uint32_t ent_next(struct funnel *f)
{
	if (f->nent == f->capent) {
		f->capent = f->capent ? 2 * f->capent : 1024;
		f->ent = xrealloc(f->ent, f->capent * sizeof *f->ent);
	}
	return (uint32_t)f->nent++;
}

/* A new record of kind k in *slot, with id p[0..n). */
static uint32_t ent_new(struct funnel *f, uint32_t *slot, char k, const char *p,
			size_t n)
{
	struct fn_ent *e;

	*slot = ent_next(f);
	e = &f->ent[*slot];
	memset(e, 0, sizeof *e);
	e->kind = k;
	e->status = e->manager = e->source = FN_NONE;
	e->campaign = e->adgroup = e->category = e->loss = FN_NONE;
	e->currency = FN_NONE;
	e->title = e->lead_id = e->created_txt = FN_NOTEXT;
	e->id = (uint64_t)f->texts.len << 24 | n; /* n: a record's field */
	buf_add(&f->texts, p, n);
	return *slot;
}

/*
 * The record of kind k ('L'/'D') and id p[0..n), created when new;
 * FN_NONE when it is new and there is no room for it.
 */
static uint32_t ent_get(struct funnel *f, char k, const char *p, size_t n)
{
	uint32_t *v = id_slot(f, k, p, n);

	if (!v)
		return FN_NONE;
	return *v != FN_NONE ? *v : ent_new(f, v, k, p, n);
}

static int full(char *msg, size_t msz, char k)
{
	snprintf(msg, msz, "more than %u %s: pulse-funnel holds no more",
		 (unsigned)IDMAP_MAX, k == 'D' ? "deals" : "leads");
	return -1;
}

int fn_ent_put(struct funnel *f, const struct fn_ent *e, uint32_t *out,
	       char *msg, size_t msz)
{
	size_t n;
	const char *id = fn_text_get(f, e->id, &n);
	uint32_t *v = id_slot(f, e->kind, id, n);

	if (!v)
		return full(msg, msz, e->kind);
	if (*v == FN_NONE) {
		*v = ent_next(f);
		f->ent[*v] = *e;
	}
	*out = *v;
	return 0;
}

/*
 * Before the id p[0..n) of kind k may go into its map: room for it and
 * every id pending (funnel_flush() puts those; they may all be new), or
 * -1 when it is new and the map is full.
 */
static int make_room(struct funnel *f, char k, const char *p, size_t n,
		     char *msg, size_t msz)
{
	struct idmap *m = &f->ids[k == 'D'];

	if (!idmap_room(m, f->npend + 1))
		funnel_flush(f);
	if (!idmap_room(m, 1) && fn_find(f, k, p, n) == FN_NONE)
		return full(msg, msz, k);
	return 0;
}

void fn_hist_push(struct funnel *f, const struct fn_hist *h)
{
	if (f->nhist == f->caphist) {
		f->caphist = f->caphist ? 2 * f->caphist : 4096;
		f->hist = xrealloc(f->hist, f->caphist * sizeof *f->hist);
	}
	f->hist[f->nhist++] = *h;
}

void funnel_flush(struct funnel *f)
{
	size_t i;

	for (i = 0; i < f->npend; i++) {
		struct fn_pending *q = &f->pend[i];
		int t = q->kind == 'D', isnew;
		uint32_t num = idmap_put_int(&f->ids[t], q->id, &isnew);
		uint32_t *v = num_slot(f, t, num, isnew);

		if (!v) /* cannot be: make_room() kept room for it */
			abort();
		if (*v == FN_NONE) { /* the integer's digits are the id */
			char tmp[24];
			int n = snprintf(tmp, sizeof tmp, "%llu",
					 (unsigned long long)q->id);

			ent_new(f, v, q->kind, tmp, (size_t)n);
		}
		q->h.ent = *v;
		fn_hist_push(f, &q->h);
	}
	f->npend = 0;
}

static int kind_is(struct json_span v, const char *s)
{
	return v.type == JSON_STRING && !(v.flags & JSON_F_ESC) &&
	       v.n == strlen(s) + 2 && memcmp(v.p + 1, s, v.n - 2) == 0;
}

static int add_entity(struct funnel *f, char k, char *msg, size_t msz)
{
	struct fn_ent e;
	struct ptime created, modified;
	const char *id;
	size_t idn;
	uint32_t i;

	memset(&e, 0, sizeof e);
	if (get_text(f, FK_TITLE, &e.title, msg, msz) < 0 ||
	    get_str(f, FK_STATUS, FN_F_STATUS, &e.status, msg, msz) < 0 ||
	    get_sem(f, FK_SEMANTIC, &e.sem, msg, msz) < 0 ||
	    get_str(f, FK_MANAGER, FN_F_MANAGER, &e.manager, msg, msz) < 0 ||
	    get_str(f, FK_SOURCE, FN_F_SOURCE, &e.source, msg, msz) < 0 ||
	    get_str(f, FK_CAMPAIGN, FN_F_CAMPAIGN, &e.campaign, msg, msz) < 0 ||
	    get_str(f, FK_ADGROUP, FN_F_ADGROUP, &e.adgroup, msg, msz) < 0 ||
	    get_str(f, FK_CATEGORY, FN_F_CATEGORY, &e.category, msg, msz) < 0 ||
	    get_str(f, FK_LOSS, FN_F_LOSS, &e.loss, msg, msz) < 0 ||
	    get_str(f, FK_CURRENCY, FN_F_CURRENCY, &e.currency, msg, msz) < 0 ||
	    get_text(f, FK_LEAD_ID, &e.lead_id, msg, msz) < 0 ||
	    get_time(f, FK_CREATED, 1, &created, &e.created_txt, msg, msz) <
		    0 ||
	    get_time(f, FK_MODIFIED, 0, &modified, NULL, msg, msz) < 0 ||
	    get_amount(f, &e, msg, msz) < 0 ||
	    get_id(f, &id, &idn, msg, msz) < 0)
		return -1;
	if (e.currency == FN_NONE) /* as the tables name it */
		e.currency = fn_intern(f, "XXX", 3);
	if (k == 'L')
		e.category = FN_NONE; /* one lead pipeline */
	e.created_sec = created.sec;
	e.created_day = ptime_day(created.sec + created.off_sec);
	e.modified_sec = modified.sec;

	if (make_room(f, k, id, idn, msg, msz) < 0)
		return -1;
	if (f->npend) /* records are numbered as first named */
		funnel_flush(f);
	i = ent_get(f, k, id, idn);
	if (f->ent[i].has_rec && f->ent[i].modified_sec > e.modified_sec)
		return 0; /* an older copy of a record already read */
	e.kind = k;
	e.id = f->ent[i].id;
	e.has_rec = 1;
	e.h0 = f->ent[i].h0;
	e.hn = f->ent[i].hn;
	f->ent[i] = e;
	return 0;
}

/* A numeric history_id (string or number) + 1, else 0. */
static uint64_t history_id(struct json_span v)
{
	const char *p = v.p, *end = v.p + v.n;
	uint64_t x = 0;

	if (v.type == JSON_STRING)
		p++, end--;
	else if (v.type != JSON_NUMBER)
		return 0;
	if (p == end || end - p > 18)
		return 0;
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return 0;
		x = x * 10 + (uint64_t)(*p - '0');
	}
	return x + 1;
}

static int add_stage(struct funnel *f, char *msg, size_t msz)
{
	struct json_span v = f->v[FK_ENTITY];
	struct fn_hist h;
	struct ptime ts;
	const char *id;
	size_t idn;
	uint64_t key;
	char k;

	if (kind_is(v, "lead"))
		k = 'L';
	else if (kind_is(v, "deal"))
		k = 'D';
	else if (json_is_empty(v))
		return bad(msg, msz, "entity", "is missing");
	else
		return bad(msg, msz, "entity", "is not \"lead\" or \"deal\"");
	memset(&h, 0, sizeof h);
	if (get_str(f, FK_STAGE, FN_F_STAGE, &h.name, msg, msz) < 0 ||
	    get_sem(f, FK_SEMANTIC, &h.sem, msg, msz) < 0 ||
	    get_str(f, FK_CATEGORY, FN_F_STAGE_CATEGORY, &h.cat, msg, msz) <
		    0 ||
	    get_time(f, FK_TS, 1, &ts, &h.ts_txt, msg, msz) < 0 ||
	    get_id(f, &id, &idn, msg, msz) < 0)
		return -1;
	if (h.name == FN_NONE)
		return bad(msg, msz, "stage", "is missing");
	if (k == 'L')
		h.cat = FN_NONE;
	h.hid = history_id(f->v[FK_HISTORY_ID]);
	h.sec = ts.sec;
	h.nsec = ts.nsec;
	h.seq = f->seq++;
	h.stage = FN_NONE;
	if (make_room(f, k, id, idn, msg, msz) < 0)
		return -1;
	if (idmap_int_key(id, idn, &key)) {
		struct fn_pending *q = &f->pend[f->npend++];

		q->h = h;
		q->id = key;
		q->kind = k;
		idmap_prefetch(&f->ids[k == 'D'], key);
		if (f->npend == FN_BATCH)
			funnel_flush(f);
		return 0;
	}
	if (f->npend) /* records are numbered as first named */
		funnel_flush(f);
	h.ent = ent_get(f, k, id, idn);
	fn_hist_push(f, &h);
	return 0;
}

int funnel_add(struct funnel *f, const struct rec *r, struct sink *out,
	       char *msg, size_t msz)
{
	struct json_span k;

	(void)out;
	rec_pick(r, &f->keys, f->v);
	k = f->v[FK_KIND];
	if (kind_is(k, "stage"))
		return add_stage(f, msg, msz);
	if (kind_is(k, "lead"))
		return add_entity(f, 'L', msg, msz);
	if (kind_is(k, "deal"))
		return add_entity(f, 'D', msg, msz);
	return 0;
}
