/*
 * render_sankey.c - where the nodes and bands of a Sankey diagram go; see
 * render_svg.h.  Nothing here writes SVG: render_svg_sankey.c draws what
 * this lays out.
 *
 * One column per step; a node per (step, event) as tall as the larger of
 * the users flowing in and out; links as bands as thick as their value.
 * The users a node after the first step does not send on are the ones
 * whose events end there: they flow into one exit node at the bottom of
 * the next column, so that the exit nodes and the last column add up to
 * the first column.  Links count the users with a second event only, so
 * that is what the first column holds.
 *
 * Nodes are sorted in their column by size (then name), the exit node
 * last, and each gets a vertical slot as high as its label (name and
 * count, right of the node, wrapped at the room between the columns), so
 * the labels never overlap: the scale is the largest one at which every
 * column's slots fit the plot height, and the plot grows when even the
 * labels alone do not fit.  The room between the columns is the widest
 * label's, within limits, or what --width leaves.  Bands leave a node in
 * the order of their targets and enter one in the order of their
 * sources, so that they do not cross needlessly.
 */
#include "render_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"

#define SK_GAP 6.0
#define SK_FS 12.0
#define SK_GAP_MIN 140.0 /* the room between columns, without --width */
#define SK_GAP_MAX 300.0
#define SK_GAP_NARROW 70.0 /* ... with it, at least: "… (12345)" */
#define SK_MAX_STEP RENDER_SALES_MAX_STEP /* render_sales.c refuses more */

/* The layout being made: the report and the columns, besides the result. */
struct sk {
	const struct render_report *r;
	const struct render_opts *o;
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
	int exit;
	int64_t value;
	const char *name;
	size_t len, idx;
};

struct lkey {
	size_t node; /* the node the link leaves (or enters) */
	double y;    /* the other end's node position */
	size_t idx;
};

/* The exit node last; larger first, then by name bytewise. */
static int by_size(const void *a, const void *b)
{
	const struct nkey *x = a, *y = b;
	size_t l = x->len < y->len ? x->len : y->len;
	int c;

	if (x->exit != y->exit)
		return x->exit - y->exit;
	if (x->value != y->value)
		return x->value > y->value ? -1 : 1;
	c = l ? memcmp(x->name, y->name, l) : 0;
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

		key[i].exit = x->exit;
		key[i].value = render_sankey_value(x);
		key[i].name = x->exit ? "" : sref_p(s->r, x->name);
		key[i].len = x->exit ? 0 : x->name.len;
		key[i].idx = col[i];
	}
	qsort(key, n, sizeof *key, by_size);
	for (i = 0; i < n; i++)
		col[i] = key[i].idx;
	free(key);
}

/*
 * Orders the bands order[0..n): grouped by the node they leave (out) or
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

/* A new node in column col. */
static size_t add_node(struct render_sankey *k, int col)
{
	size_t i = k->nn++;

	k->n = xrealloc(k->n, k->nn * sizeof *k->n);
	memset(&k->n[i], 0, sizeof k->n[i]);
	k->n[i].col = col;
	return i;
}

/* The node of (col, name), made on first sight (in = out = 0). */
static size_t node_of(const struct render_report *r, struct render_sankey *k,
		      struct hmap *m, int col, struct sref name)
{
	struct buf key = BUF_INIT;
	size_t *v, i;
	int isnew;

	buf_addf(&key, "%d:", col);
	buf_add(&key, sref_p(r, name), name.len);
	v = hmap_put(m, key.p, key.len, &isnew);
	buf_release(&key);
	if (!isnew)
		return *v;
	i = add_node(k, col);
	*v = i;
	k->n[i].name = name;
	return i;
}

/*
 * The nodes of the link records and their users in and out: into k (its
 * nodes, cols, from and to).
 */
static void link_nodes(const struct render_report *r, struct render_sankey *k)
{
	struct hmap m;
	size_t i;

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
		k->from[i] = node_of(r, k, &m, (int)l->step - 1, l->from);
		k->to[i] = node_of(r, k, &m, (int)l->step, l->to);
		k->n[k->from[i]].out += l->value;
		k->n[k->to[i]].in += l->value;
	}
	hmap_release(&m);
}

int render_sankey_check(const struct render_report *r, char *msg, size_t msz)
{
	struct render_sankey k;
	size_t i;
	int st = 0;

	memset(&k, 0, sizeof k);
	link_nodes(r, &k);
	for (i = 0; i < k.nn && !st; i++) {
		const struct render_sankey_node *n = &k.n[i];

		if (n->col > 0 && n->out > n->in) {
			snprintf(msg, msz,
				 "the links do not add up: %lld users go on "
				 "from '%.*s' at step %d, %lld came to it",
				 (long long)n->out,
				 (int)(n->name.len > 60 ? 60 : n->name.len),
				 sref_p(r, n->name), n->col + 1,
				 (long long)n->in);
			st = -1;
		}
	}
	render_sankey_release(&k);
	return st;
}

/*
 * The nodes of every link, the exit nodes and their bands, by column,
 * each column sorted; the labels of the nodes.
 */
static void make_nodes(struct sk *s)
{
	const struct render_report *r = s->r;
	struct render_sankey *k = s->k;
	size_t i, nn, *exit_of;
	int c;

	link_nodes(r, k);
	/* an exit node per column after a node that users leave early */
	exit_of = xmalloc(((size_t)k->cols + 1) * sizeof *exit_of);
	for (c = 0; c <= k->cols; c++)
		exit_of[c] = SIZE_MAX;
	k->nb = r->nlinks;
	nn = k->nn;
	for (i = 0; i < nn; i++) {
		int col = k->n[i].col;
		int64_t left = k->n[i].in - k->n[i].out;
		size_t b, x;

		if (col == 0 || col + 1 >= k->cols || left <= 0)
			continue;
		if (exit_of[col + 1] == SIZE_MAX) {
			x = add_node(k, col + 1); /* k->n moves */
			k->n[x].exit = 1;
			k->n[x].name.len = SIZE_MAX;
			exit_of[col + 1] = x;
		}
		x = exit_of[col + 1];
		b = k->nb++;
		k->from = xrealloc(k->from, k->nb * sizeof *k->from);
		k->to = xrealloc(k->to, k->nb * sizeof *k->to);
		k->from[b] = i;
		k->to[b] = x;
		k->n[x].in += left;
	}
	free(exit_of);
	k->val = xmalloc((k->nb + 1) * sizeof *k->val);
	for (i = 0; i < k->nb; i++)
		k->val[i] = i < r->nlinks ? r->links[i].value
					  : k->n[k->from[i]].in -
						    k->n[k->from[i]].out;

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
	for (i = 0; i < k->nn; i++) {
		struct render_sankey_node *n = &k->n[i];

		if (n->col == 0)
			k->users += (double)n->out;
		else if (n->exit)
			k->exited += (double)n->in;
		else if (n->col == k->cols - 1)
			k->reached += (double)n->in;
		n->label =
			n->exit ? render_lang_exit(s->o, &n->label_len)
				: render_lang_event(s->o, sref_p(r, n->name),
						    n->name.len, &n->label_len);
		snprintf(n->count, sizeof n->count, " (%lld)",
			 (long long)render_sankey_value(n));
	}
}

/* ---- labels ---------------------------------------------------------------
 */

static double tw(const char *s, size_t n, double fs)
{
	return render_svg_text_width(s, n, fs);
}

/* The height a node's label needs. */
static double label_h(const struct render_sankey_node *n)
{
	return n->nlines * RENDER_SANKEY_LINE_H(n->fs);
}

/*
 * The room between columns: the widest one-line label's, within limits,
 * or less when o->width asks; the labels wrapped in it.
 */
static void label_sizes(struct sk *s)
{
	struct render_sankey *k = s->k;
	double maxlab = 0, lw, fixed;
	size_t i;

	for (i = 0; i < k->nn; i++) {
		struct render_sankey_node *n = &k->n[i];

		n->fs = SK_FS;
		lw = tw(n->label, n->label_len, n->fs) +
		     tw(n->count, strlen(n->count), n->fs);
		if (lw > maxlab)
			maxlab = lw;
	}
	k->colgap = fmin(fmax(maxlab + 16, SK_GAP_MIN), SK_GAP_MAX);
	fixed = RENDER_SANKEY_LEFT + k->cols * RENDER_SANKEY_NODE_W;
	if (s->o->width > 0 && fixed + k->cols * k->colgap > s->o->width)
		k->colgap = fmax(floor((s->o->width - fixed) / k->cols),
				 SK_GAP_NARROW);
	k->labelw = k->colgap - 14; /* room for a label: 5 before, 9 after */
	for (i = 0; i < k->nn; i++) {
		struct render_sankey_node *n = &k->n[i];

		n->nlines = (int)render_svg_wrap(n->label, n->label_len,
						 n->count, n->fs, k->labelw,
						 n->line, RENDER_SANKEY_LINES);
	}
}

/* ---- the layout ------------------------------------------------------------
 */

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
		h += fmax(nh, label_h(n)) + (i ? SK_GAP : 0);
	}
	return h;
}

/* The largest scale at which every column fits the plot; its height. */
static double fit_scale(struct sk *s, double *plot_h)
{
	struct render_sankey *k = s->k;
	double ph = 560, lo = 0, hi = 0;
	size_t i;
	int c, it;

	/* room for the bands besides the labels: half their height more,
	 * up to 400 pixels */
	for (c = 0; c < k->cols; c++) {
		double lh = col_height(s, c, 0);

		if (lh + fmin(lh / 2, 400) > ph)
			ph = ceil(lh + fmin(lh / 2, 400));
	}
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
	double minw = 480;
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
			n->slot_h = fmax(n->h, label_h(n));
			n->y = y + (n->slot_h - n->h) / 2;
			n->x = RENDER_SANKEY_LEFT +
			       c * (RENDER_SANKEY_NODE_W + k->colgap);
			y += n->slot_h + SK_GAP;
		}
	}
	k->width = RENDER_SANKEY_LEFT +
		   k->cols * (RENDER_SANKEY_NODE_W + k->colgap);
	k->height = RENDER_SANKEY_TOP + ph + 24;
	if (s->o->width > 0 && s->o->width < minw)
		minw = s->o->width;
	if (k->width < minw)
		k->width = minw;
}

/*
 * Where each band attaches: out of a node in the order of their targets,
 * into a node in the order of their sources; the drawing order is the
 * latter.
 */
static void attach_links(struct sk *s)
{
	struct render_sankey *k = s->k;
	double *out_off = xmalloc((k->nn + 1) * sizeof *out_off);
	double *in_off = xmalloc((k->nn + 1) * sizeof *in_off);
	size_t i, j = 0, li;

	for (i = 0; i < k->nn; i++)
		out_off[i] = in_off[i] = k->n[i].y;
	k->y0 = xmalloc((k->nb + 1) * sizeof *k->y0);
	k->y1 = xmalloc((k->nb + 1) * sizeof *k->y1);
	k->order = xmalloc((k->nb + 1) * sizeof *k->order);
	for (i = 0; i < k->nb; i++)
		if (k->from[i] != SIZE_MAX)
			k->order[j++] = i;
	k->norder = j;
	sort_links(k, k->order, j, 1);
	for (i = 0; i < j; i++) {
		li = k->order[i];
		k->y0[li] = out_off[k->from[li]];
		out_off[k->from[li]] += (double)k->val[li] * k->scale;
	}
	sort_links(k, k->order, j, 0);
	for (i = 0; i < j; i++) {
		li = k->order[i];
		k->y1[li] = in_off[k->to[li]];
		in_off[k->to[li]] += (double)k->val[li] * k->scale;
	}
	free(out_off);
	free(in_off);
}

void render_sankey_layout(const struct render_report *r,
			  const struct render_opts *o, struct render_sankey *k)
{
	struct sk s = {r, o, k, NULL, NULL};
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
	free(k->val);
	free(k->y0);
	free(k->y1);
	free(k->order);
	memset(k, 0, sizeof *k);
}
