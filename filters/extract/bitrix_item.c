/*
 * bitrix_item.c - the bitrix engine's state, its items (the (name, value)
 * pairs of a REST object or a CSV row), and its files: each is looked at
 * first, '{' or '[' starts JSON, anything else is a CSV export.  See
 * bitrix.h and bitrix_int.h.
 */
#include "bitrix.h"
#include "bitrix_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "in.h"

/* How much of a file decides JSON or CSV. */
#define SNIFF_BYTES (64 * 1024)

/* clang-format off */
const struct bitrix_code bitrix_codes[] = {
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
	{NULL, 0, 0},
};
/* clang-format on */

const char *bitrix_plural(uint64_t n)
{
	return n == 1 ? "" : "s";
}

/* ---- items --------------------------------------------------------------- */

void bitrix_item_reset(struct item *it)
{
	int i;

	it->n = 0;
	buf_reset(&it->text);
	for (i = 0; i < NF; i++)
		it->idx[i] = -1;
	it->csv = 0;
	it->file_hint = 0;
}

int bitrix_kv_is(const struct item *it, const struct kv *k, const char *s)
{
	size_t n = strlen(s);

	return k->vlen == n && memcmp(kv_text(it, k), s, n) == 0;
}

void bitrix_kv_label(const struct item *it, const struct kv *k, struct buf *out)
{
	buf_reset(out);
	if (k->label)
		buf_add(out, k->label, k->llen);
	else
		buf_add(out, kv_name(it, k), k->nlen);
	if (!out->p)
		buf_adds(out, "");
}

struct kv *bitrix_item_add(struct bitrix *x, struct item *it, const char *name,
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
		k->field = (int)bitrix_codes[*ci - 1].f;
		k->hint = bitrix_codes[*ci - 1].hint;
	}
	k->null = 1;
	return k;
}

void bitrix_kv_set(struct item *it, struct kv *k, const char *v, size_t n)
{
	k->val = it->text.len;
	k->vlen = n;
	buf_add(&it->text, v, n);
	buf_addc(&it->text, '\0');
	k->null = n == 0;
}

void bitrix_kv_index(struct item *it, struct kv *k)
{
	if (k->field >= 0)
		it->idx[k->field] = (int)(k - it->kv);
}

/*
 * ASCII names are compared folding case and '_' to ' ' (the fast path,
 * no allocation); others through bitrix_header_norm().
 */
int bitrix_name_is(struct bitrix *x, const char *name, size_t n,
		   const char *norm)
{
	size_t i, nn = strlen(norm);

	/* an ASCII name normalises to as many bytes, and most names are */
	if (n != nn && n > 0 && (unsigned char)name[0] < 0x80 &&
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
	bitrix_header_norm(name, n, &x->name);
	return x->name.len == nn && memcmp(x->name.p, norm, nn) == 0;
}

const struct kv *bitrix_get_named(struct bitrix *x, const struct item *it,
				  const char *norm)
{
	size_t i;

	for (i = 0; i < it->n; i++)
		if (!it->kv[i].null &&
		    bitrix_name_is(x, kv_name(it, &it->kv[i]), it->kv[i].nlen,
				   norm))
			return &it->kv[i];
	return NULL;
}

int bitrix_has_named(struct bitrix *x, const struct item *it, const char *norm)
{
	size_t i;

	for (i = 0; i < it->n; i++)
		if (bitrix_name_is(x, kv_name(it, &it->kv[i]), it->kv[i].nlen,
				   norm))
			return 1;
	return 0;
}

/* ---- bad items and errors ------------------------------------------------ */

void bitrix_bad(struct bitrix *x, const struct item *it, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	x->rep->bad(x->rep, it->file, it->line, it->raw, it->rawlen, msg);
}

int bitrix_fail(struct bitrix *x, int status, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	buf_reset(x->err);
	buf_adds(x->err, msg);
	return status;
}

int bitrix_input_error(struct bitrix *x, const struct in *in, int st)
{
	return bitrix_fail(x, st == IN_EIO ? EX_IOERR : EX_DATAERR, "%s",
			   in->msg);
}

/* A dictionary's bad item: the first one is kept, and ends the reading. */
static void aux_bad(struct report *r, const char *where, uint64_t line,
		    const char *raw, size_t rawlen, const char *msg)
{
	struct bitrix *x = r->arg;

	(void)raw;
	(void)rawlen;
	if (x->failed)
		return;
	x->failed = 1;
	buf_reset(&x->auxerr);
	if (line)
		buf_addf(&x->auxerr, "%s:%llu: %s", where,
			 (unsigned long long)line, msg);
	else
		buf_addf(&x->auxerr, "%s: %s", where, msg);
}

/* ---- files --------------------------------------------------------------- */

int bitrix_read_file(struct bitrix *x, const char *path)
{
	struct in in;
	const char *p;
	size_t n, i;
	int st;

	if (in_open(&in, path, IN_SEQ) < 0) {
		st = bitrix_fail(x, EX_NOINPUT, "%s", in.msg);
		in_close(&in);
		return st;
	}
	st = in_peek(&in, SNIFF_BYTES, &p, &n);
	if (st < 0) {
		st = bitrix_input_error(x, &in, st);
		in_close(&in);
		return st;
	}
	if (st == IN_EOF) {
		in_close(&in);
		return 0; /* empty */
	}
	for (i = 0; i < n; i++)
		if (p[i] != ' ' && p[i] != '\t' && p[i] != '\r' && p[i] != '\n')
			break;
	/* what the list's "Excel" export and Excel's "Unicode text" are */
	if (n >= 2 && ((p[0] == '\xff' && p[1] == '\xfe') ||
		       (p[0] == '\xfe' && p[1] == '\xff'))) {
		st = bitrix_fail(x, EX_DATAERR,
				 "%s: UTF-16 text is not read (save it as CSV "
				 "in UTF-8 or Windows-1251)",
				 in.display);
		in_close(&in);
		return st;
	}
	if (i < n && p[i] == '<') {
		st = bitrix_fail(x, EX_DATAERR,
				 "%s: an HTML or XML file is not read (the "
				 "list's Excel export is an HTML table: export "
				 "CSV)",
				 in.display);
		in_close(&in);
		return st;
	}
	if (i == n || p[i] == '{' || p[i] == '[') {
		in.mode = i < n && p[i] == '[' ? IN_ARRAY : IN_SEQ;
		st = bitrix_read_rest(x, &in);
		in_close(&in);
		return st;
	}
	return bitrix_read_csv(x, &in);
}

int bitrix_read(struct bitrix *x, const char *path, struct sink *out,
		struct report *rep, struct buf *err)
{
	x->out = out;
	x->rep = rep;
	x->err = err;
	x->aux = 0;
	x->on_item = bitrix_emit_item;
	return bitrix_read_file(x, path);
}

/* ---- the engine ---------------------------------------------------------- */

static char *norm_dup(const char *s)
{
	struct buf b = BUF_INIT;

	bitrix_header_norm(s, strlen(s), &b);
	if (!b.p)
		buf_adds(&b, "");
	return buf_detach(&b, NULL);
}

static void add_names(char ***list, size_t *n, const char **names, size_t k)
{
	size_t i;

	*list = xrealloc(*list, (*n + k + 1) * sizeof **list);
	for (i = 0; i < k; i++)
		(*list)[(*n)++] = norm_dup(names[i]);
}

struct bitrix *bitrix_new(const struct bitrix_opts *o)
{
	static const char *const loss_defaults[] = {"LOSS_REASON",
						    "STATUS_DESCRIPTION"};
	struct bitrix *x = xcalloc(1, sizeof *x);
	size_t i, *v;

	x->entity = o->entity;
	x->enc = o->enc;
	x->delim = o->delim;
	x->has_tz = o->has_tz;
	x->tz = o->tz;
	x->keep_unknown = o->keep_unknown;
	x->note = o->note;
	x->note_arg = o->note_arg;
	add_names(&x->keep, &x->nkeep, o->keep, o->nkeep);
	add_names(&x->loss, &x->nloss, o->loss, o->nloss);
	add_names(&x->loss, &x->nloss, (const char **)loss_defaults, 2);
	hmap_init(&x->codes, sizeof(size_t));
	for (i = 0; bitrix_codes[i].name; i++) {
		v = hmap_put(&x->codes, bitrix_codes[i].name,
			     strlen(bitrix_codes[i].name), NULL);
		*v = i + 1;
	}
	hmap_init(&x->hdrmap, sizeof(struct mapped));
	hmap_init(&x->statuses, sizeof(struct status));
	hmap_init(&x->names, sizeof(struct status));
	hmap_init(&x->users, sizeof(struct user));
	hmap_init(&x->cats, sizeof(char));
	bitrix_item_reset(&x->it);
	x->auxrep.bad = aux_bad;
	x->auxrep.arg = x;
	x->on_item = bitrix_emit_item;
	return x;
}

void bitrix_free(struct bitrix *x)
{
	size_t i;

	if (!x)
		return;
	hmap_release(&x->codes);
	hmap_release(&x->hdrmap);
	hmap_release(&x->statuses);
	hmap_release(&x->names);
	hmap_release(&x->users);
	hmap_release(&x->cats);
	for (i = 0; i < x->nkeep; i++)
		free(x->keep[i]);
	free(x->keep);
	for (i = 0; i < x->nloss; i++)
		free(x->loss[i]);
	free(x->loss);
	free(x->it.kv);
	buf_release(&x->it.text);
	buf_release(&x->dict);
	buf_release(&x->namerecs);
	buf_release(&x->auxerr);
	buf_release(&x->rec);
	buf_release(&x->sc);
	buf_release(&x->sc2);
	buf_release(&x->name);
	buf_release(&x->stat);
	buf_release(&x->shl);
	buf_release(&x->shv);
	buf_release(&x->xnames);
	free(x->extra);
	free(x->byname);
	free(x);
}

void bitrix_counts(const struct bitrix *x, struct bitrix_counts *c)
{
	c->leads = x->nlead;
	c->deals = x->ndeal;
	c->stages = x->nstage;
	c->other_etype = x->nother_etype;
}
