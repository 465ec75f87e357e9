/*
 * render_table.c - records as tables of cells, what the CSV and the xlsx
 * formats share; see render.h.
 *
 * A table is the funnel records of one "table", the records of one kind,
 * or every record.  Its columns are the top-level members of its records
 * in the order they first appear, but those every row has the same value
 * of ("kind", and "table" in a funnel table).  In a funnel table an
 * object ("group", money by currency) becomes one column per member,
 * "group.manager", "revenue.RUB"; elsewhere it stays one cell.  A cell is
 * the member's JSON value and what it is: a number shown with some
 * decimals, a fraction, an amount of money and its currency.
 *
 * Name records (pulse-extract bitrix --statuses, --categories) make no
 * table: in a funnel table they name the codes, as the dashboard does.
 * A stage, lost_stage, source, group.source or category column then
 * shows the name where the records give one (the code where not), and a
 * column after it, its name and ".code", keeps the code: the code named,
 * the code of a source that is a CRM source's name (pulse-utm
 * --crm-source), else nothing.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "hmap.h"

static const struct render_cell as_is = {{NULL, 0, 0, 0}, -1, 0, 0, 0,
					 {NULL, 0, 0, 0}};

/* Parses record i of the report into rec. */
static void parse(struct rec *rec, const struct render_report *r, size_t i)
{
	struct sref s = r->recs[i];
	struct json_error e;

	/* the record layer validated it once already */
	if (rec_parse(rec, sref_p(r, s), s.len, &e) < 0)
		die(70, "internal error: a kept record does not parse: %s",
		    e.msg);
}

/* Loads record i of the report into t->rec. */
static void load(struct render_table *t, size_t i)
{
	parse(&t->rec, t->r, i);
}

static int is_funnel(const struct rec *in)
{
	return json_str_eq(rec_get(in, "kind"), "funnel", 6);
}

static int is_name_rec(const struct rec *in)
{
	return json_str_eq(rec_get(in, "kind"), "name", 4);
}

/* Whether the loaded record is a row of the table. */
static int selected(const struct render_table *t)
{
	struct json_span kind = rec_get(&t->rec, "kind");

	if (is_name_rec(&t->rec))
		return 0;
	switch (t->sel) {
	case RT_FUNNEL:
		return is_funnel(&t->rec) &&
		       json_str_eq(rec_get(&t->rec, "table"), t->name, t->nlen);
	case RT_KIND:
		return json_str_eq(kind, t->name, t->nlen);
	case RT_NO_KIND:
		return kind.type != JSON_STRING;
	default:
		return 1;
	}
}

/* Whether the decoded name (which may hold a NUL) is s. */
static int is_name(const struct buf *name, const char *s)
{
	return name->len == strlen(s) && memcmp(name->p, s, name->len) == 0;
}

/* Whether the member named t->key is left out: the same in every row. */
static int left_out(const struct render_table *t)
{
	if (t->sel == RT_ALL)
		return 0;
	return is_name(&t->key, "kind") ||
	       (t->sel == RT_FUNNEL && is_name(&t->key, "table"));
}

/* What the top-level member named t->key of the loaded record is. */
static struct render_cell cell_of(struct render_table *t, struct json_span v)
{
	struct render_cell c = as_is;

	c.v = v;
	if (t->sel == RT_FUNNEL) {
		c.dec = render_funnel_decimals(t->key.p, t->key.len);
		/* the fractions, and only they, are shown to 4 decimals */
		c.frac = c.dec == 4;
	} else if (is_name(&t->key, "mean_7d") &&
		   json_str_eq(rec_get(&t->rec, "kind"), "metric", 6)) {
		c.dec = RENDER_SALES_MEAN_DECIMALS, c.trim = 1;
	} else if (is_name(&t->key, "amount") &&
		   (v.type == JSON_STRING || v.type == JSON_NUMBER)) {
		/* a lead's, a deal's, a payment's */
		c.money = 1;
		c.cur = rec_get(&t->rec, "currency");
	}
	return c;
}

/* What a funnel column named key holds the codes of, or NULL. */
static const char *coded(const char *key, size_t n)
{
	static const struct {
		const char *key, *of;
	} cols[] = {
		{"stage", "stage"},	  {"lost_stage", "stage"},
		{"source", "source"},	  {"group.source", "source"},
		{"category", "category"},
	};
	size_t i;

	for (i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (strlen(cols[i].key) == n && !memcmp(cols[i].key, key, n))
			return cols[i].of;
	return NULL;
}

/*
 * Calls fn with cell c of column t->key, and when the column holds codes
 * and the records name codes, with the name in it instead and the code in
 * the column t->key ".code" after it.
 */
static void put(struct render_table *t, struct render_cell c,
		void (*fn)(struct render_table *, struct render_cell))
{
	const char *of = NULL;
	struct render_cell named = c;
	size_t n = t->key.len;

	if (t->sel == RT_FUNNEL && render_codes_any(&t->codes))
		of = coded(t->key.p, t->key.len);
	if (!of) {
		fn(t, c);
		return;
	}
	if (render_codes_name(&t->codes, of, rec_get(&t->rec, "entity"), c.v,
			      &named.v)) {
		named.dec = -1, named.frac = 0;
	} else if (!strcmp(of, "source") &&
		   render_codes_source(&t->codes, c.v, &c.v)) {
		c.dec = -1, c.frac = 0; /* a CRM source's name: its code */
	} else {
		c.v = (struct json_span){NULL, 0, JSON_NONE, 0}; /* no code */
	}
	/* render_codes.c used its own key: t->key is still the column's */
	fn(t, named);
	buf_adds(&t->key, ".code");
	fn(t, c);
	t->key.len = n;
	t->key.p[n] = '\0';
}

/*
 * Calls fn for each column of the loaded record, with its name in t->key
 * and its cell.
 */
static void each_member(struct render_table *t,
			void (*fn)(struct render_table *, struct render_cell))
{
	struct render_cell c;
	struct json_span k, v;
	struct json_iter it;
	size_t i, base;
	int money;

	for (i = 0; i < t->rec.nf; i++) {
		buf_reset(&t->key);
		json_str_decode(t->rec.f[i].key, &t->key);
		v = t->rec.f[i].val;
		if (left_out(t))
			continue;
		if (t->sel != RT_FUNNEL || v.type != JSON_OBJECT) {
			put(t, cell_of(t, v), fn);
			continue;
		}
		money = render_funnel_money(t->key.p, t->key.len);
		buf_addc(&t->key, '.');
		base = t->key.len;
		json_iter_init(&it, v);
		while (json_iter_next(&it, &k, &v)) {
			t->key.len = base;
			json_str_decode(k, &t->key);
			c = as_is;
			c.v = v;
			if (money && v.type == JSON_STRING)
				c.money = 1, c.cur = k;
			put(t, c, fn);
		}
	}
}

static void add_col(struct render_table *t, struct render_cell c)
{
	int isnew;
	size_t *ix = hmap_put(&t->cols, t->key.p, t->key.len, &isnew);

	(void)c;
	if (isnew)
		*ix = hmap_len(&t->cols) - 1;
}

static void set_cell(struct render_table *t, struct render_cell c)
{
	size_t *ix = hmap_get(&t->cols, t->key.p, t->key.len);

	t->row[*ix] = c;
}

void render_table_init(struct render_table *t, const struct render_report *r,
		       enum render_tsel sel, const char *name, size_t nlen)
{
	size_t i;

	memset(t, 0, sizeof *t);
	t->r = r;
	t->sel = sel;
	t->name = name;
	t->nlen = nlen;
	hmap_init(&t->cols, sizeof(size_t));
	rec_init(&t->rec);
	render_codes_init(&t->codes, r);
	for (i = 0; i < r->nrecs; i++) {
		load(t, i);
		if (!selected(t)) {
			/* name records name codes: not left out of a table */
			t->skipped += !is_name_rec(&t->rec);
			continue;
		}
		t->nrows++;
		each_member(t, add_col);
	}
	t->ncols = hmap_len(&t->cols);
	t->row = xcalloc(t->ncols ? t->ncols : 1, sizeof *t->row);
}

const char *render_table_col(const struct render_table *t, size_t j,
			     size_t *len)
{
	const struct hmap_entry *e = hmap_entry_at(&t->cols, j);

	*len = e->klen;
	return e->key;
}

int render_table_next(struct render_table *t)
{
	size_t j;

	for (; t->next < t->r->nrecs; t->next++) {
		load(t, t->next);
		if (!selected(t))
			continue;
		for (j = 0; j < t->ncols; j++)
			t->row[j] = as_is;
		each_member(t, set_cell);
		t->next++;
		return 1;
	}
	return 0;
}

void render_table_release(struct render_table *t)
{
	free(t->row);
	buf_release(&t->key);
	rec_release(&t->rec);
	hmap_release(&t->cols);
	render_codes_release(&t->codes);
}

void render_table_list(const struct render_report *r, struct render_tables *l)
{
	struct render_tref ref;
	struct buf key = BUF_INIT, scratch = BUF_INIT;
	struct hmap seen;
	struct json_span kind;
	struct rec rec;
	const char *p;
	size_t i, n;
	int isnew;

	memset(l, 0, sizeof *l);
	hmap_init(&seen, 0);
	rec_init(&rec);
	for (i = 0; i < r->nrecs; i++) {
		parse(&rec, r, i);
		if (is_name_rec(&rec))
			continue; /* names for the codes, not a table */
		kind = rec_get(&rec, "kind");
		ref.sel = RT_NO_KIND;
		p = "", n = 0;
		if (is_funnel(&rec) &&
		    rec_str(&rec, "table", &scratch, &p, &n) == 1)
			ref.sel = RT_FUNNEL;
		else if (kind.type == JSON_STRING &&
			 rec_str(&rec, "kind", &scratch, &p, &n) == 1)
			ref.sel = RT_KIND;
		buf_reset(&key);
		buf_addc(&key, (char)ref.sel);
		buf_add(&key, p, n);
		hmap_put(&seen, key.p, key.len, &isnew);
		if (!isnew)
			continue;
		ref.off = l->text.len;
		ref.len = n;
		buf_add(&l->text, p, n);
		buf_addc(&l->text, '\0');
		if (l->n == l->cap) {
			l->cap = l->cap ? 2 * l->cap : 8;
			l->t = xrealloc(l->t, l->cap * sizeof *l->t);
		}
		l->t[l->n++] = ref;
	}
	rec_release(&rec);
	hmap_release(&seen);
	buf_release(&key);
	buf_release(&scratch);
}

void render_table_list_release(struct render_tables *l)
{
	free(l->t);
	buf_release(&l->text);
}
