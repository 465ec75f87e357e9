/*
 * bitrix_dict.c - the dictionaries of the bitrix engine: --map (more CSV
 * headers), --statuses (crm.status.list: the semantics of custom stages,
 * the ids of the names a CSV export shows) and --users (user.get: managers
 * by name).  Each is read whole before the inputs; one that is empty or
 * not what it should be is an error (65), never an empty dictionary that
 * leaves managers as raw ids.  See bitrix.h.
 */
#include "bitrix.h"
#include "bitrix_int.h"

#include <string.h>

#include "csv.h"
#include "jw.h"
#include "show.h"
#include "text.h"
#include "utf8.h"

static void dict_key(struct buf *b, char kind, const char *s, size_t n)
{
	buf_reset(b);
	buf_addc(b, kind);
	buf_addc(b, '\t');
	buf_add(b, s, n);
}

char bitrix_dict_semantic(struct bitrix *x, char kind, const char *s, size_t n)
{
	struct status *st;

	if (!x->have_statuses)
		return 0;
	dict_key(&x->sc2, kind, s, n);
	st = hmap_get(&x->statuses, x->sc2.p, x->sc2.len);
	return st ? st->sem : 0;
}

const struct status *bitrix_dict_id(struct bitrix *x, char kind, const char *s,
				    size_t n)
{
	if (!x->have_statuses)
		return NULL;
	dict_key(&x->sc2, kind, s, n);
	return hmap_get(&x->names, x->sc2.p, x->sc2.len);
}

/* The kind of dictionary an ENTITY_ID names: 'L', 'D', 'S', or 0. */
static char entity_kind(const char *e, size_t n)
{
	if (memchr(e, '\0', n))
		return 0;
	if (n == 6 && memcmp(e, "STATUS", 6) == 0)
		return 'L';
	if (n >= 10 && memcmp(e, "DEAL_STAGE", 10) == 0) /* _1: pipeline 1 */
		return 'D';
	if (n == 6 && memcmp(e, "SOURCE", 6) == 0)
		return 'S';
	return 0;
}

/*
 * A "name" record into x->namerecs: what the portal calls code (of a
 * stage, a source or a pipeline); entity and cat may be NULL.
 */
static void name_rec(struct bitrix *x, const char *of, const char *entity,
		     const char *cat, size_t catn, const char *code,
		     size_t coden, const char *name, size_t namen)
{
	struct buf *b = &x->namerecs;

	buf_adds(b, "{\"kind\":\"name\",\"of\":");
	jw_cstr(b, of);
	buf_adds(b, ",\"entity\":");
	jw_cstr(b, entity);
	buf_adds(b, ",\"category\":");
	if (cat)
		jw_str(b, cat, catn);
	else
		jw_null(b);
	buf_adds(b, ",\"code\":");
	jw_str(b, code, coden);
	buf_adds(b, ",\"name\":");
	jw_str(b, name, namen);
	buf_adds(b, "}\n");
}

void bitrix_emit_names(struct bitrix *x, struct sink *out)
{
	buf_add(&out->b, x->namerecs.p ? x->namerecs.p : "", x->namerecs.len);
	sink_commit(out);
}

/* A crm.status.list item. */
static void status_item(struct bitrix *x, struct item *it, enum ctx ctx)
{
	const struct kv *ent = bitrix_get_named(x, it, "entity id");
	const struct kv *id = bitrix_get_named(x, it, "status id");
	const struct kv *name = bitrix_get_named(x, it, "name");
	const struct kv *sem = bitrix_get_named(x, it, "semantics");
	struct status *st;
	char kind, s = 'P';
	int isnew, fresh;

	(void)ctx;
	if (!ent || !id) {
		bitrix_bad(x, it,
			   "not a crm.status.list item: no ENTITY_ID or "
			   "STATUS_ID");
		return;
	}
	kind = entity_kind(kv_text(it, ent), ent->vlen);
	if (!kind)
		return; /* other dictionaries */
	if (sem) {
		size_t n = sem->vlen;
		const char *p = text_trim(kv_text(it, sem), &n);

		if (n == 1 && (*p == 'S' || *p == 'F' || *p == 'P')) {
			s = *p;
		} else if (n) {
			bitrix_bad(x, it,
				   "field 'SEMANTICS': expected S, F or null, "
				   "got '%s'",
				   show(&x->shv, kv_text(it, sem), sem->vlen,
					SHOW_MAX));
			return;
		}
	}
	dict_key(&x->sc, kind, kv_text(it, id), id->vlen);
	st = hmap_put(&x->statuses, x->sc.p, x->sc.len, &isnew);
	fresh = isnew;
	st->off = x->dict.len;
	st->len = id->vlen;
	buf_add(&x->dict, kv_text(it, id), id->vlen);
	st->sem = s;
	x->ntaken++;
	if (name) {
		size_t n = name->vlen;
		const char *p = text_trim(kv_text(it, name), &n);
		struct status *byname;

		if (fresh && n) {
			size_t idn = id->vlen;
			const char *idp = text_trim(kv_text(it, id), &idn);
			/* DEAL_STAGE is pipeline 0, DEAL_STAGE_1 pipeline 1 */
			const char *e = kv_text(it, ent);

			if (kind == 'S')
				name_rec(x, "source", NULL, NULL, 0, idp, idn,
					 p, n);
			else if (kind == 'L')
				name_rec(x, "stage", "lead", NULL, 0, idp, idn,
					 p, n);
			else
				name_rec(x, "stage", "deal",
					 ent->vlen > 11 ? e + 11 : "0",
					 ent->vlen > 11 ? ent->vlen - 11 : 1,
					 idp, idn, p, n);
		}
		dict_key(&x->sc, kind, p, n);
		byname = hmap_put(&x->names, x->sc.p, x->sc.len, &isnew);
		if (isnew) /* a name in two pipelines: the first one */
			*byname = *st;
	}
}

/* A crm.category.list item (id, name; or ID, NAME): a pipeline's name. */
static void category_item(struct bitrix *x, struct item *it, enum ctx ctx)
{
	const struct kv *id = bitrix_get_named(x, it, "id");
	const struct kv *name = bitrix_get_named(x, it, "name");
	size_t n, idn;
	const char *p, *idp;

	(void)ctx;
	if (bitrix_has_named(x, it, "entity id") ||
	    bitrix_has_named(x, it, "last name") || it->idx[F_STATUS] >= 0 ||
	    it->idx[F_CREATED] >= 0) {
		bitrix_bad(x, it,
			   "not a crm.category.list item (a status, user, "
			   "lead or deal)");
		return;
	}
	if (!id || !name) {
		bitrix_bad(x, it,
			   "not a crm.category.list item: no ID or NAME");
		return;
	}
	x->ntaken++;
	n = name->vlen;
	p = text_trim(kv_text(it, name), &n);
	idn = id->vlen;
	idp = text_trim(kv_text(it, id), &idn);
	if (n && idn && !hmap_get(&x->cats, idp, idn)) {
		hmap_put(&x->cats, idp, idn, NULL);
		name_rec(x, "category", "deal", NULL, 0, idp, idn, p, n);
	}
}

/* A user.get item: "NAME LAST_NAME". */
static void user_item(struct bitrix *x, struct item *it, enum ctx ctx)
{
	const struct kv *id = kv_get(it, F_ID);
	const struct kv *nm = bitrix_get_named(x, it, "name");
	const struct kv *last = bitrix_get_named(x, it, "last name");
	struct user *u;
	size_t n, start = x->dict.len;
	const char *p;

	(void)ctx;
	if (bitrix_has_named(x, it, "entity id")) {
		bitrix_bad(x, it,
			   "a crm.status.list item, not a user (that is a "
			   "--statuses file)");
		return;
	}
	if (it->idx[F_TITLE] >= 0 || it->idx[F_STATUS] >= 0 ||
	    it->idx[F_CREATED] >= 0 || it->idx[F_OWNER] >= 0) {
		bitrix_bad(x, it,
			   "a lead, deal or stage history item, not a user "
			   "(its NAME would be a client's)");
		return;
	}
	if (!id) {
		bitrix_bad(x, it, "not a user: no ID");
		return;
	}
	if (!bitrix_has_named(x, it, "name") &&
	    !bitrix_has_named(x, it, "last name")) {
		bitrix_bad(x, it, "not a user: no NAME or LAST_NAME");
		return;
	}
	x->ntaken++;
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

static const char *shown(const char *path)
{
	return !path || strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* Reads a dictionary's items into fn; its first bad item ends it (65). */
static int load_aux(struct bitrix *x, const char *path,
		    void (*fn)(struct bitrix *x, struct item *it, enum ctx ctx),
		    struct buf *err)
{
	int st;

	x->aux = 1;
	x->on_item = fn;
	x->rep = &x->auxrep;
	x->err = err;
	x->out = NULL;
	x->failed = 0;
	x->ntaken = 0;
	st = bitrix_read_file(x, path);
	x->aux = 0;
	x->on_item = bitrix_emit_item;
	if (x->failed) {
		buf_reset(err);
		buf_add(err, x->auxerr.p, x->auxerr.len);
		return EX_DATAERR;
	}
	return st;
}

/* An empty dictionary is an error: managers would stay raw ids. */
static int check_statuses(struct bitrix *x, const char *name, int st)
{
	if (!st && !x->ntaken)
		st = bitrix_fail(x, EX_DATAERR,
				 "%s: no statuses of leads, deals or sources "
				 "in it (--statuses reads crm.status.list "
				 "pages)",
				 name);
	return st;
}

int bitrix_load_categories(struct bitrix *x, const char *path, struct buf *err)
{
	int st = load_aux(x, path, category_item, err);

	if (!st && !x->ntaken)
		st = bitrix_fail(x, EX_DATAERR,
				 "%s: no pipelines in it (--categories reads "
				 "crm.category.list pages)",
				 shown(path));
	return st;
}

static int check_users(struct bitrix *x, const char *name, int st)
{
	if (!st && !x->ntaken)
		st = bitrix_fail(x, EX_DATAERR,
				 "%s: no users in it (--users reads user.get "
				 "pages, or a CSV with ID, NAME and LAST_NAME)",
				 name);
	else if (!st && hmap_len(&x->users) == x->users_before)
		st = bitrix_fail(x, EX_DATAERR,
				 "%s: no user in it has a NAME or LAST_NAME",
				 name);
	return st;
}

int bitrix_load_statuses(struct bitrix *x, const char *path, struct buf *err)
{
	x->have_statuses = 1;
	return check_statuses(x, shown(path),
			      load_aux(x, path, status_item, err));
}

int bitrix_load_users(struct bitrix *x, const char *path, struct buf *err)
{
	x->users_before = hmap_len(&x->users);
	return check_users(x, shown(path), load_aux(x, path, user_item, err));
}

void bitrix_begin(struct bitrix *x, enum bitrix_use use, struct sink *out,
		  struct report *rep, struct buf *err)
{
	x->err = err;
	x->failed = 0;
	x->ntaken = 0;
	if (use == BITRIX_RECORDS) {
		x->aux = 0;
		x->on_item = bitrix_emit_item;
		x->out = out;
		x->rep = rep;
		return;
	}
	x->aux = 1;
	x->rep = &x->auxrep;
	x->out = NULL;
	if (use == BITRIX_STATUSES) {
		x->have_statuses = 1;
		x->on_item = status_item;
	} else if (use == BITRIX_CATEGORIES) {
		x->on_item = category_item;
	} else {
		x->users_before = hmap_len(&x->users);
		x->on_item = user_item;
	}
}

int bitrix_end(struct bitrix *x, enum bitrix_use use, const char *name)
{
	int st = 0;

	if (use == BITRIX_STATUSES)
		st = check_statuses(x, name, 0);
	else if (use == BITRIX_USERS)
		st = check_users(x, name, 0);
	x->aux = 0;
	x->on_item = bitrix_emit_item;
	return st;
}

/* An API field code: UF_CRM_1234, entityTypeId. */
static int is_code(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!((p[i] >= 'A' && p[i] <= 'Z') ||
		      (p[i] >= 'a' && p[i] <= 'z') ||
		      (p[i] >= '0' && p[i] <= '9') || p[i] == '_'))
			return 0;
	return n > 0;
}

/* --map FILE: CSV lines "header,CODE". */
int bitrix_load_map(struct bitrix *x, const char *path, struct buf *err)
{
	struct csv cv;
	struct buf norm = BUF_INIT;
	struct mapped *m;
	int st, rc = 0;

	x->err = err;
	if (csv_open(&cv, path, 0) < 0) {
		rc = bitrix_fail(x, EX_NOINPUT, "%s", cv.msg);
		csv_close(&cv);
		return rc;
	}
	while ((st = csv_next(&cv)) == IN_OK) {
		size_t n;
		const char *code;

		if (cv.row.n < 2 || cv.row.f[0].n == 0) {
			rc = bitrix_fail(x, EX_DATAERR,
					 "%s:%llu: expected 'header,FIELD'",
					 cv.in.display,
					 (unsigned long long)cv.in.lineno);
			goto out;
		}
		n = cv.row.f[1].n;
		code = text_trim(cv.row.f[1].p, &n);
		if (n == 0 ||
		    utf8_valid(cv.row.f[0].p, cv.row.f[0].n) != cv.row.f[0].n) {
			rc = bitrix_fail(x, EX_DATAERR,
					 "%s:%llu: expected 'header,FIELD' in "
					 "UTF-8",
					 cv.in.display,
					 (unsigned long long)cv.in.lineno);
			goto out;
		}
		if (!is_code(code, n)) {
			rc = bitrix_fail(x, EX_DATAERR,
					 "%s:%llu: expected 'header,FIELD', "
					 "FIELD an API code (letters, digits, "
					 "'_'), not '%s'",
					 cv.in.display,
					 (unsigned long long)cv.in.lineno,
					 show(&x->shv, code, n, SHOW_MAX));
			goto out;
		}
		buf_reset(&norm);
		bitrix_header_norm(cv.row.f[0].p, cv.row.f[0].n, &norm);
		m = hmap_put(&x->hdrmap, norm.p ? norm.p : "", norm.len, NULL);
		m->off = x->dict.len;
		m->len = n;
		buf_add(&x->dict, code, n);
	}
	if (st == IN_EENC)
		rc = bitrix_fail(x, EX_DATAERR, "%s:%llu: %s", cv.in.display,
				 (unsigned long long)cv.in.lineno, cv.msg);
	else if (st < 0)
		rc = bitrix_fail(x, st == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
				 cv.msg);
	else if (cv.in.recno == 0)
		rc = bitrix_fail(x, EX_DATAERR,
				 "%s: no 'header,FIELD' lines: an empty --map",
				 cv.in.display);
out:
	csv_close(&cv);
	buf_release(&norm);
	return rc;
}
