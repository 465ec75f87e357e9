/*
 * bitrix_rest.c - REST pages for the bitrix engine: crm.lead.list and
 * crm.deal.list pages, crm.stagehistory.list pages, a bare item and
 * crm.*.get's object, one after the other or in an array.  A page cut
 * short keeps its whole items; the reader goes on at the next page after
 * a broken one (in.h: IN_EBAD, in_resync()).  See bitrix_int.h.
 */
#include "bitrix.h"
#include "bitrix_int.h"

#include <string.h>

#include "in.h"
#include "json.h"
#include "rec.h"
#include "show.h"

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
static void item_from_json(struct bitrix *x, struct item *it,
			   struct json_span obj)
{
	struct json_iter oi;
	struct json_span key, v;
	struct kv *k;
	const char *kp;
	size_t kn, start;

	bitrix_item_reset(it);
	json_iter_init(&oi, obj);
	while (json_iter_next(&oi, &key, &v)) {
		json_str_view(key, &x->sc, &kp, &kn);
		k = bitrix_item_add(x, it, kp, kn);
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
			bitrix_kv_set(it, k, v.p, v.n);
			k->num = 1;
			break;
		case JSON_TRUE:
			bitrix_kv_set(it, k, "Y", 1);
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
			bitrix_kv_set(it, k, "", 0);
			break;
		}
		bitrix_kv_index(it, k);
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

static void items_of(struct bitrix *x, struct json_span arr, enum ctx ctx,
		     const char *file, uint64_t line, const char *page)
{
	struct json_iter ai;
	struct json_span v;
	struct item *it = &x->it;
	const char *counted = page;

	json_iter_init(&ai, arr);
	while (!x->failed && json_iter_next(&ai, NULL, &v)) {
		/* the item's line: newlines counted once per page */
		line += count_nl(counted, (size_t)(v.p - counted));
		counted = v.p;
		it->file = file;
		it->line = line;
		it->raw = v.p;
		it->rawlen = v.n;
		if (v.type != JSON_OBJECT) {
			bitrix_item_reset(it);
			bitrix_bad(x, it,
				   "an item of 'result' is a %s, not an object",
				   json_type_name(v.type));
			continue;
		}
		item_from_json(x, it, v);
		x->on_item(x, it, ctx);
	}
}

static void page(struct bitrix *x, const struct rec *r, const char *file,
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
		bitrix_item_reset(it);
		show(&x->shl, e->p, e->len, 100);
		show(&x->shv, dd->p, dd->len, 200);
		bitrix_bad(x, it, "Bitrix24 error '%s'%s%s", x->shl.p,
			   dd->len ? ": " : "", x->shv.p);
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
		items = member(res, "categories"); /* crm.category.list */
		if (items.type == JSON_ARRAY) {
			items_of(x, items, CTX_LIST, file, line, p);
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
		bitrix_item_reset(it);
		bitrix_bad(x, it,
			   "'result' is an object without 'items', "
			   "'categories' or 'ID'");
		return;
	case JSON_NONE:
		if (rec_get(r, "ID").type != JSON_NONE ||
		    rec_get(r, "OWNER_ID").type != JSON_NONE) {
			item_from_json(x, it, whole); /* a bare item */
			x->on_item(x, it, CTX_AUTO);
			return;
		}
		bitrix_item_reset(it);
		bitrix_bad(x, it, "not a Bitrix24 page: no 'result', no 'ID'");
		return;
	default:
		bitrix_item_reset(it);
		bitrix_bad(x, it, "'result' is %s", json_type_name(res.type));
		return;
	}
}

/* An input error: reported, then the end of that file (as cli_next()). */
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
static size_t salvage(struct bitrix *x, const char *p, size_t n,
		      const char *file, uint64_t line)
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
		if (count) { /* items are whole only up to a missing ',' */
			if (q >= end || *q != ',')
				break;
			q = skip_blank(q + 1, end);
		}
		if (q >= end ||
		    !json_scan_nested(p, q, end, depth + 1, &v, &e) ||
		    v.type != JSON_OBJECT)
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

int bitrix_read_rest(struct bitrix *x, struct in *in)
{
	struct rec r = REC_INIT;
	struct json_error e;
	struct item *it = &x->it;
	const char *p;
	size_t n, kept;
	int st = IN_EOF, rc = 0;

	while (!x->failed &&
	       ((st = in_next(in, &p, &n)) == IN_OK || st == IN_EBAD)) {
		if (st == IN_EBAD) {
			/* text between pages: the pages after it are read */
			bitrix_item_reset(it);
			it->file = in->display;
			it->line = in->lineno;
			it->raw = p;
			it->rawlen = n;
			bitrix_bad(x, it, "%s", in->msg);
			continue;
		}
		if (rec_parse(&r, p, n, &e) < 0) {
			/* a page cut short took the pages after it in: they
			 * are read again, and its whole items kept */
			n = in_resync(in, p, n, e.off);
			kept = salvage(x, p, n, in->display, in->lineno);
			bitrix_item_reset(it);
			it->file = in->display;
			it->line = in->lineno;
			it->raw = p;
			it->rawlen = n;
			if (kept)
				bitrix_bad(
					x, it,
					"%s (at byte %zu): a page cut short; its "
					"%zu whole item%s before the cut are kept, "
					"the rest of it is lost",
					e.msg, e.off + 1, kept,
					bitrix_plural(kept));
			else
				bitrix_bad(x, it, "%s (at byte %zu)", e.msg,
					   e.off + 1);
			continue;
		}
		page(x, &r, in->display, in->lineno, p, n);
	}
	if (!x->failed && st != IN_EOF)
		rc = bitrix_input_error(x, in, st);
	rec_release(&r);
	return rc;
}

int bitrix_page(struct bitrix *x, const char *name, const struct rec *r,
		const char *p, size_t n)
{
	page(x, r, name, 1, p, n);
	if (x->aux && x->failed) {
		buf_reset(x->err);
		buf_add(x->err, x->auxerr.p, x->auxerr.len);
		return EX_DATAERR;
	}
	return 0;
}
