/*
 * render_sankey.c - where the nodes and bands of a Sankey diagram go; see
 * render_svg.h.  Nothing here writes SVG: render_svg_sankey.c draws what
 * this lays out.
 *
 * One column per step; a node per (step, event) as tall as the larger of
 * the users flowing in and out; links as bands as thick as their value.
 * Nodes are sorted in their column by size (then name) and each gets a
 * vertical slot at least one label high, so the labels (name and count,
 * right of the node) never overlap: the scale is the largest one at which
 * every column's slots fit the plot height, and the plot grows when even
 * the labels alone do not fit.  A label wider than the gap to the next
 * column gets a smaller font (the drawing cuts it further with an
 * ellipsis).  Bands leave a node in the order of their targets and enter
 * one in the order of their sources, so that they do not cross needlessly.
 */
#include "render_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"

#define SK_GAP 6.0
#define SK_FS 12.0
#define SK_FS_MIN 9.0
#define SK_LABEL_H(fs) ((fs)*1.3)
#define SK_MAX_STEP RENDER_SALES_MAX_STEP /* render_sales.c refuses more */

/* The layout being made: the report and the columns, besides the result. */
struct sk {
	const struct render_report *r;
	struct render_sankey *k;
	size_t **col; /* the nodes of each column, in layout order */
	size_t *ncol;
};

int64_t render_sankey_value(const struct render_sankey_node *n)
{
	return n->in > n->out ? n->in : n->out;
}

/* Sort keys that carry what the comparison needs (qsort has no context). */
struct nkey {
	int64_t value;
	const char *name;
	size_t len, idx;
};

struct lkey {
	size_t node; /* the node the link leaves (or enters) */
	double y;    /* the other end's node position */
	size_t idx;
};

/* Larger first, then by name bytewise. */
static int by_size(const void *a, const void *b)
{
	const struct nkey *x = a, *y = b;
	size_t l = x->len < y->len ? x->len : y->len;
	int c;

	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	c = memcmp(x->name, y->name, l);
	if (c)
		return c;
	return (x->len > y->len) - (x->len < y->len);
}

static int by_end(const void *a, const void *b)
{
	const struct lkey *x = a, *y = b;

	if (x->node != y->node)
		return x->node < y->node ? -1 : 1;
	if (x->y != y->y)
		return x->y < y->y ? -1 : 1;
	return (x->idx > y->idx) - (x->idx < y->idx);
}

/* Sorts the nodes of one column by size. */
static void sort_column(const struct sk *s, size_t *col, size_t n)
{
	struct nkey *key = xmalloc((n + 1) * sizeof *key);
	size_t i;

	for (i = 0; i < n; i++) {
		const struct render_sankey_node *x = &s->k->n[col[i]];

		key[i].value = render_sankey_value(x);
		key[i].name = sref_p(s->r, x->name);
		key[i].len = x->name.len;
		key[i].idx = col[i];
	}
	qsort(key, n, sizeof *key, by_size);
	for (i = 0; i < n; i++)
		col[i] = key[i].idx;
	free(key);
}

/*
 * Orders the links order[0..n): grouped by the node they leave (out) or
 * enter (!out), inside a node by the position of their other end.
 */
static void sort_links(const struct render_sankey *k, size_t *order, size_t n,
		       int out)
{
	struct lkey *key = xmalloc((n + 1) * sizeof *key);
	size_t i, l;

	for (i = 0; i < n; i++) {
		l = order[i];
		key[i].node = out ? k->from[l] : k->to[l];
		key[i].y = k->n[out ? k->to[l] : k->from[l]].y;
		key[i].idx = l;
	}
	qsort(key, n, sizeof *key, by_end);
	for (i = 0; i < n; i++)
		order[i] = key[i].idx;
	free(key);
}

static size_t node_of(struct sk *s, struct hmap *m, int col, struct sref name)
{
	struct render_sankey *k = s->k;
	struct buf key = BUF_INIT;
	size_t *v, i;
	int isnew;

	buf_addf(&key, "%d:", col);
	buf_add(&key, sref_p(s->r, name), name.len);
	v = hmap_put(m, key.p, key.len, &isnew);
	buf_release(&key);
	if (!isnew)
		return *v;
	i = k->nn++;
	*v = i;
	k->n = xrealloc(k->n, k->nn * sizeof *k->n);
	memset(&k->n[i], 0, sizeof k->n[i]);
	k->n[i].name = name;
	k->n[i].col = col;
	return i;
}

/* The height a column needs at scale sc. */
static double col_height(const struct sk *s, int c, double sc)
{
	double h = 0, nh;
	size_t i;

	for (i = 0; i < s->ncol[c]; i++) {
		const struct render_sankey_node *n = &s->k->n[s->col[c][i]];

		nh = (double)render_sankey_value(n) * sc;
		if (nh < 1)
			nh = 1;
		h += fmax(nh, SK_LABEL_H(n->fs)) + (i ? SK_GAP : 0);
	}
	return h;
}

/* The nodes of every link, by column, each column sorted by size. */
static void make_nodes(struct sk *s)
{
	const struct render_report *r = s->r;
	struct render_sankey *k = s->k;
	struct hmap m;
	size_t i;
	int c;

	hmap_init(&m, sizeof(size_t));
	for (i = 0; i < r->nlinks; i++)
		if (r->links[i].step + 1 > k->cols &&
		    r->links[i].step <= SK_MAX_STEP)
			k->cols = (int)r->links[i].step + 1;
	k->from = xmalloc((r->nlinks + 1) * sizeof *k->from);
	k->to = xmalloc((r->nlinks + 1) * sizeof *k->to);
	for (i = 0; i < r->nlinks; i++) {
		const struct link *l = &r->links[i];

		if (l->step > SK_MAX_STEP) {
			k->from[i] = k->to[i] = SIZE_MAX;
			continue;
		}
		k->from[i] = node_of(s, &m, (int)l->step - 1, l->from);
		k->to[i] = node_of(s, &m, (int)l->step, l->to);
		k->n[k->from[i]].out += l->value;
		k->n[k->to[i]].in += l->value;
	}
	hmap_release(&m);
	s->col = xcalloc((size_t)k->cols + 1, sizeof *s->col);
	s->ncol = xcalloc((size_t)k->cols + 1, sizeof *s->ncol);
	for (i = 0; i < k->nn; i++)
		s->ncol[k->n[i].col]++;
	for (c = 0; c < k->cols; c++) {
		s->col[c] = xmalloc((s->ncol[c] + 1) * sizeof **s->col);
		s->ncol[c] = 0;
	}
	for (i = 0; i < k->nn; i++)
		s->col[k->n[i].col][s->ncol[k->n[i].col]++] = i;
	for (c = 0; c < k->cols; c++)
		sort_column(s, s->col[c], s->ncol[c]);
	for (i = 0; i < s->ncol[0]; i++)
		k->users += (double)k->n[s->col[0][i]].out;
}

/* A node's label, "name (count)", at font size fs. */
static double label_width(const struct sk *s,
			  const struct render_sankey_node *n, double fs)
{
	char num[32];

	snprintf(num, sizeof num, " (%lld)", (long long)render_sankey_value(n));
	return render_svg_text_width(sref_p(s->r, n->name), n->name.len, fs) +
	       render_svg_text_width(num, strlen(num), fs);
}

/* The gap between columns (the widest label, within limits), font sizes. */
static void label_sizes(struct sk *s)
{
	struct render_sankey *k = s->k;
	double maxlab = 0, lw;
	size_t i;

	for (i = 0; i < k->nn; i++) {
		lw = label_width(s, &k->n[i], SK_FS);
		if (lw > maxlab)
			maxlab = lw;
	}
	k->colgap = fmin(fmax(maxlab + 16, 140), 300);
	k->labelw = k->colgap - 14; /* room for a label: 5 before, 9 after */
	for (i = 0; i < k->nn; i++) {
		lw = label_width(s, &k->n[i], SK_FS);
		k->n[i].fs = SK_FS;
		if (lw > k->labelw)
			k->n[i].fs =
				fmax(SK_FS_MIN,
				     floor(SK_FS * k->labelw / lw * 2) / 2);
	}
}

/* The largest scale at which every column fits the plot; its height. */
static double fit_scale(struct sk *s, double *plot_h)
{
	struct render_sankey *k = s->k;
	double ph = 560, lo = 0, hi = 0;
	size_t i;
	int c, it;

	for (c = 0; c < k->cols; c++)
		if (col_height(s, c, 0) > ph)
			ph = col_height(s, c, 0) + 120;
	for (c = 0; c < k->cols; c++) {
		double tot = 0;
		for (i = 0; i < s->ncol[c]; i++)
			tot += (double)render_sankey_value(&k->n[s->col[c][i]]);
		if (tot > 0 && (hi == 0 || ph / tot < hi))
			hi = ph / tot;
	}
	for (it = 0; it < 60; it++) {
		double mid = (lo + hi) / 2;
		int fits = 1;

		for (c = 0; c < k->cols && fits; c++)
			fits = col_height(s, c, mid) <= ph;
		if (fits)
			lo = mid;
		else
			hi = mid;
	}
	*plot_h = ph;
	return lo;
}

/* Places the nodes: columns centred in the plot. */
static void place_nodes(struct sk *s, double ph)
{
	struct render_sankey *k = s->k;
	size_t i;
	int c;

	for (c = 0; c < k->cols; c++) {
		double y = RENDER_SANKEY_TOP +
			   (ph - col_height(s, c, k->scale)) / 2;

		for (i = 0; i < s->ncol[c]; i++) {
			struct render_sankey_node *n = &k->n[s->col[c][i]];

			n->h = fmax((double)render_sankey_value(n) * k->scale,
				    1);
			n->slot_y = y;
			n->slot_h = fmax(n->h, SK_LABEL_H(n->fs));
			n->y = y + (n->slot_h - n->h) / 2;
			n->x = RENDER_SANKEY_LEFT +
			       c * (RENDER_SANKEY_NODE_W + k->colgap);
			y += n->slot_h + SK_GAP;
		}
	}
	k->width = RENDER_SANKEY_LEFT + k->cols * RENDER_SANKEY_NODE_W +
		   (k->cols - 1) * k->colgap + k->colgap;
	k->height = RENDER_SANKEY_TOP + ph + 24;
	if (k->width < 480)
		k->width = 480;
}

/*
 * Where each band attaches: out of a node in the order of their targets,
 * into a node in the order of their sources; the drawing order is the
 * latter.
 */
static void attach_links(struct sk *s)
{
	const struct render_report *r = s->r;
	struct render_sankey *k = s->k;
	double *out_off = xmalloc((k->nn + 1) * sizeof *out_off);
	double *in_off = xmalloc((k->nn + 1) * sizeof *in_off);
	size_t i, j = 0, li;

	for (i = 0; i < k->nn; i++)
		out_off[i] = in_off[i] = k->n[i].y;
	k->y0 = xmalloc((r->nlinks + 1) * sizeof *k->y0);
	k->y1 = xmalloc((r->nlinks + 1) * sizeof *k->y1);
	k->order = xmalloc((r->nlinks + 1) * sizeof *k->order);
	for (i = 0; i < r->nlinks; i++)
		if (k->from[i] != SIZE_MAX)
			k->order[j++] = i;
	k->norder = j;
	sort_links(k, k->order, j, 1);
	for (i = 0; i < j; i++) {
		li = k->order[i];
		k->y0[li] = out_off[k->from[li]];
		out_off[k->from[li]] += (double)r->links[li].value * k->scale;
	}
	sort_links(k, k->order, j, 0);
	for (i = 0; i < j; i++) {
		li = k->order[i];
		k->y1[li] = in_off[k->to[li]];
		in_off[k->to[li]] += (double)r->links[li].value * k->scale;
	}
	free(out_off);
	free(in_off);
}

void render_sankey_layout(const struct render_report *r,
			  struct render_sankey *k)
{
	struct sk s = {r, k, NULL, NULL};
	double ph;
	int c;

	memset(k, 0, sizeof *k);
	make_nodes(&s);
	label_sizes(&s);
	k->scale = fit_scale(&s, &ph);
	place_nodes(&s, ph);
	attach_links(&s);
	for (c = 0; c < k->cols; c++)
		free(s.col[c]);
	free(s.col);
	free(s.ncol);
}

void render_sankey_release(struct render_sankey *k)
{
	free(k->n);
	free(k->from);
	free(k->to);
	free(k->y0);
	free(k->y1);
	free(k->order);
	memset(k, 0, sizeof *k);
}
