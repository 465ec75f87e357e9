/*
 * render_svg.c - one chart in SVG 1.1; see render.h.
 *
 *  - link records: a Sankey diagram.  One column per step; a node per
 *    (step, event) as tall as the larger of the users flowing in and out;
 *    links as filled cubic Bézier bands as thick as their value.  Nodes are
 *    sorted in their column by size (then name) and each gets a vertical
 *    slot at least one label high, so the labels (name and count, right of
 *    the node) never overlap: the scale is the largest one at which every
 *    column's slots fit the plot height, and the plot grows when even the
 *    labels alone do not fit.  A label wider than the gap to the next
 *    column gets a smaller font, then is cut with an ellipsis (the whole
 *    name stays in its <title>).
 *  - metric records: one bar chart per metric, a bar per day, the report's
 *    last day darker, the mean of the 7 days before as a dashed line.
 *  - histogram records: one bar chart per record, a bar per bucket, the
 *    edges under the bucket boundaries, p50 and p90 marked.
 *
 * Text widths are estimated from DejaVu Sans' advance widths (rounded up),
 * since no font is read here.  Every string from the records is escaped.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"

#define FONT "DejaVu Sans, Verdana, Arial, sans-serif"

static const char *const palette[] = {
	"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
	"#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#499894",
	"#d37295", "#86bcb6", "#b6992d", "#a0cbe8", "#8cd17d",
	"#79706e", "#ffbe7d", "#d4a6c8", "#9d7660", "#bab0ac",
};

/* A colour of the palette that depends on the name only. */
static const char *colour(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return palette[h % (sizeof palette / sizeof palette[0])];
}

/* ---- text -----------------------------------------------------------------
 */

/* Bytes of the UTF-8 sequence at s (at most n) and its code point. */
static size_t utf8_next(const char *s, size_t n, uint32_t *cp)
{
	unsigned char c = (unsigned char)s[0];
	size_t l = c < 0x80 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, i;

	if (l > n)
		l = n;
	*cp = l == 1 ? c : l == 2 ? c & 0x1f : l == 3 ? c & 0x0f : c & 0x07;
	for (i = 1; i < l; i++)
		*cp = (*cp << 6) | ((unsigned char)s[i] & 0x3f);
	return l;
}

/* Advance of one character in em, DejaVu Sans rounded up. */
static double advance(uint32_t c)
{
	static const char narrow[] = " !'(),-./:;I[]`fijlrt|";
	static const char wide[] = "%&@MWmw";

	if (c < 0x80) {
		if (c && strchr(narrow, (int)c))
			return c == 'r' || c == 't' || c == 'f' ? 0.42 : 0.34;
		if (c && strchr(wide, (int)c))
			return 1.0;
		if (c >= 'A' && c <= 'Z')
			return 0.78;
		return 0.66;
	}
	if (c >= 0x430 && c <= 0x45f) /* Cyrillic small */
		return c == 0x436 || c == 0x448 || c == 0x449 || c == 0x44b ||
				       c == 0x44e || c == 0x444
			       ? 0.96
			       : 0.68;
	if (c >= 0x400 && c <= 0x42f)
		return c == 0x416 || c == 0x428 || c == 0x429 || c == 0x42b ||
				       c == 0x42e || c == 0x424
			       ? 1.1
			       : 0.8;
	if (c == 0x2026 || c == 0x2014)
		return 1.0;
	return c >= 0x1100 ? 1.3 : 0.8;
}

static double text_width(const char *s, size_t n, double fs)
{
	double w = 0;
	uint32_t cp;
	size_t i, l;

	for (i = 0; i < n; i += l) {
		l = utf8_next(s + i, n - i, &cp);
		w += advance(cp);
	}
	return w * fs;
}

/*
 * Appends s escaped for XML text and attributes: & < > " ' as entities,
 * control characters (not allowed in XML 1.0) as spaces.
 */
static void xml_esc(struct buf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&':
			buf_adds(out, "&amp;");
			break;
		case '<':
			buf_adds(out, "&lt;");
			break;
		case '>':
			buf_adds(out, "&gt;");
			break;
		case '"':
			buf_adds(out, "&quot;");
			break;
		case '\'':
			buf_adds(out, "&apos;");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_addc(out, ' ');
			else if (c == 0xef && i + 2 < n &&
				 (unsigned char)s[i + 1] == 0xbf &&
				 (unsigned char)s[i + 2] >= 0xbe) {
				buf_addc(out, ' '); /* U+FFFE, U+FFFF */
				i += 2;
			} else
				buf_addc(out, (char)c);
		}
	}
}

/* How many bytes of s fit maxw with an ellipsis after them. */
static size_t fit_bytes(const char *s, size_t n, double fs, double maxw)
{
	double w = advance(0x2026) * fs;
	uint32_t cp;
	size_t i = 0, l;

	while (i < n) {
		l = utf8_next(s + i, n - i, &cp);
		if (w + advance(cp) * fs > maxw)
			break;
		w += advance(cp) * fs;
		i += l;
	}
	while (i > 0 && s[i - 1] == ' ')
		i--;
	return i;
}

struct tstyle {
	double fs;
	const char *anchor; /* "start", "middle", "end" */
	const char *fill;
	int bold;
	const char *cls;   /* class, or NULL */
	const char *extra; /* more attributes, or NULL */
};

/*
 * One <text>: s, then suffix (ours, not escaped further than XML),
 * cut with an ellipsis when wider than maxw (0: no limit), with the whole
 * text in a <title> then.
 */
static void text(struct buf *out, double x, double y, const struct tstyle *t,
		 const char *s, size_t n, const char *suffix, double maxw)
{
	size_t sl = suffix ? strlen(suffix) : 0, keep = n;
	double w = text_width(s, n, t->fs) + text_width(suffix, sl, t->fs);

	if (maxw > 0 && w > maxw)
		keep = fit_bytes(s, n, t->fs,
				 maxw - text_width(suffix, sl, t->fs));
	buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"", x, y,
		 t->fs);
	if (t->cls)
		buf_addf(out, " class=\"%s\"", t->cls);
	if (strcmp(t->anchor, "start") != 0)
		buf_addf(out, " text-anchor=\"%s\"", t->anchor);
	if (t->bold)
		buf_adds(out, " font-weight=\"bold\"");
	if (t->fill)
		buf_addf(out, " fill=\"%s\"", t->fill);
	if (t->extra)
		buf_addf(out, " %s", t->extra);
	buf_addc(out, '>');
	if (keep < n) {
		buf_adds(out, "<title>");
		xml_esc(out, s, n);
		xml_esc(out, suffix, sl);
		buf_adds(out, "</title>");
	}
	xml_esc(out, s, keep);
	if (keep < n)
		buf_adds(out, "…");
	xml_esc(out, suffix, sl);
	buf_adds(out, "</text>\n");
}

static void textc(struct buf *out, double x, double y, const struct tstyle *t,
		  const char *s)
{
	text(out, x, y, t, s, strlen(s), NULL, 0);
}

static void svg_begin(struct buf *out, double w, double h)
{
	buf_addf(out,
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		 "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
		 "font-family=\"%s\">\n"
		 "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" "
		 "fill=\"#ffffff\"/>\n",
		 w, h, w, h, FONT, w, h);
}

static void svg_end(struct buf *out)
{
	buf_adds(out, "</svg>\n");
}

static const struct tstyle st_title = {18, "start", "#222222",
				       1,  "title", NULL};
static const struct tstyle st_sub = {12, "start",    "#555555",
				     0,	 "subtitle", NULL};

static void title_block(struct buf *out, const struct render_opts *o,
			const char *dflt, const char *sub)
{
	const char *t = o->title ? o->title : dflt;

	text(out, 24, 34, &st_title, t, strlen(t), NULL, 0);
	if (sub)
		textc(out, 24, 54, &st_sub, sub);
}

static void no_data(struct buf *out, const struct render_opts *o,
		    const char *dflt, const struct swords *w)
{
	static const struct tstyle st = {14, "start", "#555555",
					 0,  "label", NULL};

	svg_begin(out, 480, 120);
	title_block(out, o, dflt, NULL);
	textc(out, 24, 80, &st, w->no_data);
	svg_end(out);
}

/* ---- the Sankey diagram ------------------------------------------------- */

struct node {
	struct sref name;
	int col;
	int64_t in, out;
	double x, y, h; /* the box */
	double slot_y, slot_h;
	double in_off, out_off; /* where the next link attaches */
	double fs;		/* the label's font size */
};

struct sk {
	const struct report *r;
	struct node *n;
	size_t nn;
	size_t **col; /* the nodes of each column, in layout order */
	size_t *ncol;
	int cols;
	size_t *from, *to; /* per link: node indexes */
};

#define SK_NODE_W 14.0
#define SK_GAP 6.0
#define SK_FS 12.0
#define SK_FS_MIN 9.0
#define SK_LABEL_H(fs) ((fs)*1.3)
#define SK_TOP 96.0
#define SK_LEFT 24.0

static int64_t node_value(const struct node *n)
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
static void sort_column(const struct sk *k, size_t *col, size_t n)
{
	struct nkey *key = xmalloc((n + 1) * sizeof *key);
	size_t i;

	for (i = 0; i < n; i++) {
		const struct node *x = &k->n[col[i]];

		key[i].value = node_value(x);
		key[i].name = sref_p(k->r, x->name);
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
static void sort_links(const struct sk *k, size_t *order, size_t n, int out)
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

static size_t node_of(struct sk *k, struct hmap *m, int col, struct sref name)
{
	struct buf key = BUF_INIT;
	size_t *v, i;
	int isnew;

	buf_addf(&key, "%d:", col);
	buf_add(&key, sref_p(k->r, name), name.len);
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

/* The height a column needs at scale s. */
static double col_height(const struct sk *k, int c, double s)
{
	double h = 0, nh;
	size_t i;

	for (i = 0; i < k->ncol[c]; i++) {
		const struct node *n = &k->n[k->col[c][i]];

		nh = (double)node_value(n) * s;
		if (nh < 1)
			nh = 1;
		h += fmax(nh, SK_LABEL_H(n->fs)) + (i ? SK_GAP : 0);
	}
	return h;
}

static void sankey(const struct report *r, const struct render_opts *o,
		   struct buf *out)
{
	const struct swords *w = render_lang_swords(o->lang);
	struct sk k = {r, NULL, 0, NULL, NULL, 0, NULL, NULL};
	struct hmap m;
	size_t i, j, *order;
	double ph = 560, s, lo, hi, colgap, width, height, labelw, maxlab = 0;
	double users = 0;
	int c, it;
	char sub[160];

	hmap_init(&m, sizeof(size_t));
	for (i = 0; i < r->nlinks; i++)
		if (r->links[i].step + 1 > k.cols && r->links[i].step < 1000)
			k.cols = (int)r->links[i].step + 1;
	k.from = xmalloc(r->nlinks * sizeof *k.from);
	k.to = xmalloc(r->nlinks * sizeof *k.to);
	for (i = 0; i < r->nlinks; i++) {
		const struct link *l = &r->links[i];

		if (l->step >= 1000) {
			k.from[i] = k.to[i] = SIZE_MAX;
			continue;
		}
		k.from[i] = node_of(&k, &m, (int)l->step - 1, l->from);
		k.to[i] = node_of(&k, &m, (int)l->step, l->to);
		k.n[k.from[i]].out += l->value;
		k.n[k.to[i]].in += l->value;
	}
	k.col = xcalloc((size_t)k.cols + 1, sizeof *k.col);
	k.ncol = xcalloc((size_t)k.cols + 1, sizeof *k.ncol);
	for (i = 0; i < k.nn; i++)
		k.ncol[k.n[i].col]++;
	for (c = 0; c < k.cols; c++) {
		k.col[c] = xmalloc((k.ncol[c] + 1) * sizeof **k.col);
		k.ncol[c] = 0;
	}
	for (i = 0; i < k.nn; i++)
		k.col[k.n[i].col][k.ncol[k.n[i].col]++] = i;
	for (c = 0; c < k.cols; c++)
		sort_column(&k, k.col[c], k.ncol[c]);
	for (i = 0; i < k.ncol[0]; i++)
		users += (double)k.n[k.col[0][i]].out;

	/* the gap between columns: the widest label at SK_FS, within limits */
	for (i = 0; i < k.nn; i++) {
		char num[32];

		snprintf(num, sizeof num, " (%lld)",
			 (long long)node_value(&k.n[i]));
		labelw = text_width(sref_p(r, k.n[i].name), k.n[i].name.len,
				    SK_FS) +
			 text_width(num, strlen(num), SK_FS);
		if (labelw > maxlab)
			maxlab = labelw;
	}
	colgap = fmin(fmax(maxlab + 16, 140), 300);
	labelw = colgap - 14; /* room for a label: 5 before, 9 after */
	for (i = 0; i < k.nn; i++) {
		char num[32];
		double lw;

		snprintf(num, sizeof num, " (%lld)",
			 (long long)node_value(&k.n[i]));
		lw = text_width(sref_p(r, k.n[i].name), k.n[i].name.len,
				SK_FS) +
		     text_width(num, strlen(num), SK_FS);
		k.n[i].fs = SK_FS;
		if (lw > labelw)
			k.n[i].fs = fmax(SK_FS_MIN,
					 floor(SK_FS * labelw / lw * 2) / 2);
	}

	/* the largest scale at which every column fits ph */
	for (c = 0; c < k.cols; c++)
		if (col_height(&k, c, 0) > ph)
			ph = col_height(&k, c, 0) + 120;
	lo = 0;
	hi = 0;
	for (c = 0; c < k.cols; c++) {
		double tot = 0;
		for (i = 0; i < k.ncol[c]; i++)
			tot += (double)node_value(&k.n[k.col[c][i]]);
		if (tot > 0 && (hi == 0 || ph / tot < hi))
			hi = ph / tot;
	}
	for (it = 0; it < 60; it++) {
		double mid = (lo + hi) / 2;
		int fits = 1;

		for (c = 0; c < k.cols && fits; c++)
			fits = col_height(&k, c, mid) <= ph;
		if (fits)
			lo = mid;
		else
			hi = mid;
	}
	s = lo;

	/* place the nodes: columns centred in the plot */
	for (c = 0; c < k.cols; c++) {
		double y = SK_TOP + (ph - col_height(&k, c, s)) / 2;

		for (i = 0; i < k.ncol[c]; i++) {
			struct node *n = &k.n[k.col[c][i]];

			n->h = fmax((double)node_value(n) * s, 1);
			n->slot_y = y;
			n->slot_h = fmax(n->h, SK_LABEL_H(n->fs));
			n->y = y + (n->slot_h - n->h) / 2;
			n->x = SK_LEFT + c * (SK_NODE_W + colgap);
			n->in_off = n->out_off = n->y;
			y += n->slot_h + SK_GAP;
		}
	}
	width = SK_LEFT + k.cols * SK_NODE_W + (k.cols - 1) * colgap + colgap;
	height = SK_TOP + ph + 24;
	if (width < 480)
		width = 480;
	svg_begin(out, width, height);
	snprintf(sub, sizeof sub, "%s %d · %s %.0f", w->steps_n, k.cols,
		 w->users_n, users);
	title_block(out, o, w->sankey_title, sub);
	for (c = 0; c < k.cols; c++) {
		static const struct tstyle st = {12, "start", "#555555",
						 1,  "step",  NULL};
		char h[64];

		snprintf(h, sizeof h, "%s %d", w->step, c + 1);
		textc(out, SK_LEFT + c * (SK_NODE_W + colgap), SK_TOP - 14, &st,
		      h);
	}

	/* links: out of a node in the order of their targets, into a node in
	 * the order of their sources, so that bands do not cross needlessly */
	order = xmalloc((r->nlinks + 1) * sizeof *order);
	j = 0;
	for (i = 0; i < r->nlinks; i++)
		if (k.from[i] != SIZE_MAX)
			order[j++] = i;
	sort_links(&k, order, j, 1);
	buf_adds(out, "<g class=\"links\" fill-opacity=\"0.45\">\n");
	{
		double *a0 = xmalloc((r->nlinks + 1) * sizeof *a0);

		for (i = 0; i < j; i++) {
			size_t li = order[i];
			struct node *f = &k.n[k.from[li]];

			a0[li] = f->out_off;
			f->out_off += (double)r->links[li].value * s;
		}
		sort_links(&k, order, j, 0);
		for (i = 0; i < j; i++) {
			size_t li = order[i];
			const struct link *l = &r->links[li];
			struct node *f = &k.n[k.from[li]], *t = &k.n[k.to[li]];
			double th = (double)l->value * s, x0 = f->x + SK_NODE_W,
			       x1 = t->x, xm = (x0 + x1) / 2, b0 = t->in_off;

			t->in_off += th;
			if (th < 0.5)
				th = 0.5;
			buf_addf(out,
				 "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f "
				 "%.1f %.1f"
				 "L%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fZ\" "
				 "fill=\"%s\">",
				 x0, a0[li], xm, a0[li], xm, b0, x1, b0, x1,
				 b0 + th, xm, b0 + th, xm, a0[li] + th, x0,
				 a0[li] + th,
				 colour(sref_p(r, f->name), f->name.len));
			buf_adds(out, "<title>");
			xml_esc(out, sref_p(r, l->from), l->from.len);
			buf_adds(out, " → ");
			xml_esc(out, sref_p(r, l->to), l->to.len);
			buf_addf(out, ": %lld</title></path>\n",
				 (long long)l->value);
		}
		free(a0);
	}
	buf_adds(out, "</g>\n<g class=\"nodes\">\n");
	for (i = 0; i < k.nn; i++) {
		const struct node *n = &k.n[i];

		buf_addf(out,
			 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			 "height=\"%.1f\" fill=\"%s\"><title>",
			 n->x, n->y, SK_NODE_W, n->h,
			 colour(sref_p(r, n->name), n->name.len));
		xml_esc(out, sref_p(r, n->name), n->name.len);
		buf_addf(out, ": %lld</title></rect>\n",
			 (long long)node_value(n));
	}
	buf_adds(out, "</g>\n<g class=\"labels\">\n");
	for (i = 0; i < k.nn; i++) {
		const struct node *n = &k.n[i];
		struct tstyle halo = {n->fs,
				      "start",
				      "#ffffff",
				      0,
				      "halo",
				      "stroke=\"#ffffff\" stroke-width=\"3\" "
				      "stroke-linejoin=\"round\""};
		struct tstyle lab = {n->fs, "start", "#222222",
				     0,	    "label", NULL};
		double x = n->x + SK_NODE_W + 5,
		       y = n->slot_y + n->slot_h / 2 + n->fs * 0.36;
		char num[32];

		snprintf(num, sizeof num, " (%lld)", (long long)node_value(n));
		/* the halo: the same text under it, outlined in white */
		text(out, x, y, &halo, sref_p(r, n->name), n->name.len, num,
		     labelw);
		text(out, x, y, &lab, sref_p(r, n->name), n->name.len, num,
		     labelw);
	}
	buf_adds(out, "</g>\n");
	svg_end(out);

	free(order);
	for (c = 0; c < k.cols; c++)
		free(k.col[c]);
	free(k.col);
	free(k.ncol);
	free(k.from);
	free(k.to);
	free(k.n);
	hmap_release(&m);
}

/* ---- axes, shared by the bar charts -------------------------------------- */

#define PLOT_L 72.0 /* room for the tick labels */
#define PLOT_W 840.0
#define PLOT_H 170.0
#define PANEL_H 270.0 /* a panel: its title, the plot, the x labels */
#define CHART_TOP 76.0

static const struct tstyle st_panel = {14, "start", "#222222",
				       1,  "panel", NULL};
static const struct tstyle st_tick = {10, "end", "#666666", 0, "tick", NULL};
static const struct tstyle st_xlab = {10, "middle", "#444444",
				      0,  "xlabel", NULL};
static const struct tstyle st_val = {10, "middle", "#222222", 0, "value", NULL};

/* A round step that splits 0..max into about n ticks. */
static double nice_step(double max, int n)
{
	double raw, p, f;

	if (!(max > 0))
		return 1;
	raw = max / n;
	p = pow(10, floor(log10(raw)));
	f = raw / p;
	return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * p;
}

/* Gridlines and their labels; @return the value at the plot's top. */
static double y_axis(struct buf *out, double top, double max, int comma)
{
	double step = nice_step(max, 4), ymax, v, y;
	struct buf lab = BUF_INIT;

	if (step < 1 && max >= 1)
		step = 1;
	ymax = ceil(max / step) * step;
	if (ymax <= 0)
		ymax = step;
	buf_adds(out,
		 "<g class=\"grid\" stroke=\"#e3e3e3\" stroke-width=\"1\">\n");
	for (v = 0; v <= ymax + step / 2; v += step) {
		y = top + PLOT_H - v / ymax * PLOT_H;
		buf_addf(out,
			 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			 "y2=\"%.1f\"/>\n",
			 PLOT_L, y, PLOT_L + PLOT_W, y);
	}
	buf_adds(out, "</g>\n");
	for (v = 0; v <= ymax + step / 2; v += step) {
		y = top + PLOT_H - v / ymax * PLOT_H;
		buf_reset(&lab);
		render_util_num(&lab, round(v / step) * step, comma);
		text(out, PLOT_L - 6, y + 3.5, &st_tick, lab.p, lab.len, NULL,
		     0);
	}
	buf_addf(out,
		 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		 "stroke=\"#888888\" stroke-width=\"1\"/>\n",
		 PLOT_L, top + PLOT_H, PLOT_L + PLOT_W, top + PLOT_H);
	buf_release(&lab);
	return ymax;
}

/* Every k-th label fits when labels are lw wide and slots slot apart. */
static size_t thin(double lw, double slot)
{
	size_t k = (size_t)ceil((lw + 8) / slot);

	return k ? k : 1;
}

/* ---- daily metrics ----------------------------------------------------------
 */

static void day_short(struct buf *b, int64_t day, int dmy)
{
	struct buf t = BUF_INIT;

	render_util_day(&t, day, dmy);
	if (dmy)
		buf_add(b, t.p, 5); /* DD.MM */
	else
		buf_add(b, t.p + 5, 5); /* MM-DD */
	buf_release(&t);
}

static void metric_panel(struct buf *out, const struct report *r,
			 const struct render_series *s, const struct swords *w,
			 double top, const char *col)
{
	int64_t nd = s->last - s->first + 1, d;
	double slot = PLOT_W / (double)nd, bw = fmin(slot * 0.8, 48), max = 0;
	double ymax, base = top + PLOT_H, x, y, h, vw = 0;
	const struct metric *m, *last = render_series_get(r, s, s->last);
	struct buf t = BUF_INIT;
	int open = 0;
	size_t k;

	for (d = 0; d < nd; d++)
		if ((m = render_series_get(r, s, s->first + d))) {
			if (m->value > max)
				max = m->value;
			if (m->mean_7d > max)
				max = m->mean_7d;
			buf_reset(&t);
			render_util_num(&t, m->value, w->comma);
			vw = fmax(vw, text_width(t.p, t.len, st_val.fs));
		}
	buf_reset(&t);
	buf_adds(&t, ": ");
	render_util_num(&t, last ? last->value : NAN, w->comma);
	buf_adds(&t, " (");
	render_util_day(&t, s->last, w->dmy);
	buf_addc(&t, ')');
	text(out, PLOT_L, top - 30, &st_panel, sref_p(r, s->title),
	     s->title.len, t.p, PLOT_W);
	ymax = y_axis(out, top, max, w->comma);
	buf_addf(out, "<g class=\"bars\" fill=\"%s\">\n", col);
	for (d = 0; d < nd; d++) {
		if (!(m = render_series_get(r, s, s->first + d)) ||
		    isnan(m->value))
			continue;
		h = m->value / ymax * PLOT_H;
		x = PLOT_L + (double)d * slot + (slot - bw) / 2;
		buf_addf(out,
			 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			 "height=\"%.1f\"%s><title>",
			 x, base - h, bw, h,
			 d == nd - 1 ? "" : " fill-opacity=\"0.55\"");
		buf_reset(&t);
		render_util_day(&t, s->first + d, w->dmy);
		buf_adds(&t, ": ");
		render_util_num(&t, m->value, w->comma);
		xml_esc(out, t.p, t.len);
		buf_adds(out, "</title></rect>\n");
	}
	buf_adds(out, "</g>\n");
	if (vw + 2 <= slot)
		for (d = 0; d < nd; d++) {
			if (!(m = render_series_get(r, s, s->first + d)) ||
			    isnan(m->value))
				continue;
			buf_reset(&t);
			render_util_num(&t, m->value, w->comma);
			text(out, PLOT_L + ((double)d + 0.5) * slot,
			     base - m->value / ymax * PLOT_H - 4, &st_val, t.p,
			     t.len, NULL, 0);
		}
	/* the mean of the 7 days before, broken where it is null */
	for (d = 0; d < nd; d++) {
		m = render_series_get(r, s, s->first + d);
		if (!m || isnan(m->mean_7d)) {
			if (open)
				buf_adds(out, "\"/>\n");
			open = 0;
			continue;
		}
		x = PLOT_L + ((double)d + 0.5) * slot;
		y = base - m->mean_7d / ymax * PLOT_H;
		if (!open)
			buf_adds(out, "<polyline class=\"mean\" fill=\"none\" "
				      "stroke=\"#333333\" "
				      "stroke-width=\"1.5\" "
				      "stroke-dasharray=\"5 3\" points=\"");
		buf_addf(out, "%s%.1f,%.1f", open ? " " : "", x, y);
		open = 1;
	}
	if (open)
		buf_adds(out, "\"/>\n");
	k = thin(text_width("00-00", 5, st_xlab.fs), slot);
	for (d = nd - 1; d >= 0; d--) {
		if ((size_t)(nd - 1 - d) % k)
			continue;
		buf_reset(&t);
		day_short(&t, s->first + d, w->dmy);
		text(out, PLOT_L + ((double)d + 0.5) * slot, base + 16,
		     &st_xlab, t.p, t.len, NULL, 0);
	}
	buf_release(&t);
}

static void metrics_chart(const struct report *r, const struct render_opts *o,
			  struct buf *out)
{
	const struct swords *w = render_lang_swords(o->lang);
	static const struct tstyle st_leg = {11, "start",  "#333333",
					     0,	 "legend", NULL};
	struct render_series *s;
	struct buf sub = BUF_INIT;
	size_t ns = render_series_build(r, &s), i;
	double lx;

	if (!ns) {
		no_data(out, o, w->metrics_title, w);
		return;
	}
	svg_begin(out, PLOT_L + PLOT_W + 32,
		  CHART_TOP + 10 + (double)ns * PANEL_H);
	render_util_day(&sub, s[0].first, w->dmy);
	buf_adds(&sub, " – ");
	render_util_day(&sub, s[0].last, w->dmy);
	title_block(out, o, w->metrics_title, sub.p);
	lx = PLOT_L + PLOT_W - text_width(w->mean_7d, strlen(w->mean_7d), 11) -
	     34;
	buf_addf(out,
		 "<line x1=\"%.1f\" y1=\"50\" x2=\"%.1f\" y2=\"50\" "
		 "stroke=\"#333333\" "
		 "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n",
		 lx, lx + 26);
	textc(out, lx + 32, 54, &st_leg, w->mean_7d);
	for (i = 0; i < ns; i++)
		metric_panel(out, r, &s[i], w,
			     CHART_TOP + 56 + (double)i * PANEL_H,
			     palette[i % 10]);
	svg_end(out);
	buf_release(&sub);
	render_series_free(s, ns);
}

/* ---- histograms
 * -------------------------------------------------------------- */

/* Where v falls on the bucket axis of h (slots of width slot from PLOT_L). */
static double hist_x(const struct render_hist *h, double v, double slot)
{
	size_t k = 0, n = h->nedges;
	double lo, hi, wd;

	while (k < n && v >= h->edges[k])
		k++;
	if (k == 0) {
		wd = n > 1 ? h->edges[1] - h->edges[0] : 1;
		lo = h->edges[0] - wd;
		hi = h->edges[0];
	} else if (k == n) {
		wd = n > 1 ? h->edges[n - 1] - h->edges[n - 2] : 1;
		lo = h->edges[n - 1];
		hi = lo + wd;
	} else {
		lo = h->edges[k - 1];
		hi = h->edges[k];
	}
	return PLOT_L +
	       ((double)k + fmin(fmax((v - lo) / (hi - lo), 0), 1)) * slot;
}

static void hist_panel(struct buf *out, const struct render_hist *h,
		       const struct swords *w, double top)
{
	static const struct tstyle st_q = {11, "start",	   "#b22222",
					   1,  "quantile", NULL};
	size_t nb = h->nedges + 1, j, k;
	double slot = PLOT_W / (double)nb, bw = slot * 0.9, max = 0, ymax,
	       base = top + PLOT_H, hh, lw = 0, vw = 0, x50, x90;
	const char *col = colour(h->text.p, h->text.len);
	struct buf t = BUF_INIT;

	for (j = 0; j < nb; j++)
		if ((double)h->counts[j] > max)
			max = (double)h->counts[j];
	buf_reset(&t);
	if (h->has_event) {
		buf_addf(&t, "%s «", h->hours ? w->hist_hours_from : "");
		buf_add(&t, h->text.p, h->text.len);
		buf_addf(&t, "» %s", w->hist_to_next);
	} else {
		buf_add(&t, h->text.p, h->text.len);
	}
	text(out, PLOT_L, top - 30, &st_panel, t.p + (t.p[0] == ' '),
	     t.len - (t.p[0] == ' '), NULL, PLOT_W);
	buf_reset(&t);
	buf_addf(&t, "n = %llu · p50 ", (unsigned long long)h->count);
	render_util_num(&t, round(h->p50 * 10) / 10, w->comma);
	buf_adds(&t, " · p90 ");
	render_util_num(&t, round(h->p90 * 10) / 10, w->comma);
	if (h->hours)
		buf_addf(&t, " (%s)", w->hist_unit);
	textc(out, PLOT_L, top - 12, &st_sub, t.p);
	/* headroom above the tallest bar for the p50 and p90 labels */
	ymax = y_axis(out, top, max * 1.45, w->comma);
	buf_addf(out, "<g class=\"bars\" fill=\"%s\">\n", col);
	for (j = 0; j < nb; j++) {
		hh = (double)h->counts[j] / ymax * PLOT_H;
		buf_addf(out,
			 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			 "height=\"%.1f\"><title>",
			 PLOT_L + (double)j * slot + (slot - bw) / 2, base - hh,
			 bw, hh);
		buf_reset(&t);
		if (j == 0)
			buf_adds(&t, "&lt; ");
		else {
			buf_adds(&t, "[");
			render_util_num(&t, h->edges[j - 1], w->comma);
			buf_adds(&t, j == h->nedges ? ", ∞)" : ", ");
		}
		if (j < h->nedges) {
			render_util_num(&t, h->edges[j], w->comma);
			if (j)
				buf_adds(&t, ")");
		}
		buf_addf(&t, ": %llu", (unsigned long long)h->counts[j]);
		buf_add(out, t.p, t.len); /* only our own characters */
		buf_adds(out, "</title></rect>\n");
		buf_reset(&t);
		buf_addf(&t, "%llu", (unsigned long long)h->counts[j]);
		vw = fmax(vw, text_width(t.p, t.len, st_val.fs));
	}
	buf_adds(out, "</g>\n");
	if (vw + 2 <= slot)
		for (j = 0; j < nb; j++) {
			if (!h->counts[j])
				continue;
			buf_reset(&t);
			buf_addf(&t, "%llu", (unsigned long long)h->counts[j]);
			text(out, PLOT_L + ((double)j + 0.5) * slot,
			     base - (double)h->counts[j] / ymax * PLOT_H - 4,
			     &st_val, t.p, t.len, NULL, 0);
		}
	for (j = 0; j < h->nedges; j++) {
		buf_reset(&t);
		render_util_num(&t, h->edges[j], w->comma);
		lw = fmax(lw, text_width(t.p, t.len, st_xlab.fs));
	}
	k = thin(lw, slot);
	for (j = 0; j < h->nedges; j++) {
		if (j % k)
			continue;
		buf_reset(&t);
		render_util_num(&t, h->edges[j], w->comma);
		buf_addf(out,
			 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			 "y2=\"%.1f\" stroke=\"#888888\"/>\n",
			 PLOT_L + (double)(j + 1) * slot, base,
			 PLOT_L + (double)(j + 1) * slot, base + 4);
		text(out, PLOT_L + (double)(j + 1) * slot, base + 16, &st_xlab,
		     t.p, t.len, NULL, 0);
	}
	if (!isnan(h->p50) && !isnan(h->p90)) {
		double y50 = top + 12, y90 = top + 12, lw50;

		x50 = hist_x(h, h->p50, slot);
		x90 = hist_x(h, h->p90, slot);
		buf_reset(&t);
		buf_adds(&t, "p50 ");
		render_util_num(&t, round(h->p50 * 10) / 10, w->comma);
		lw50 = text_width(t.p, t.len, st_q.fs);
		if (x90 < x50 + lw50 + 12)
			y90 += 16;
		buf_addf(out,
			 "<g class=\"quantiles\" stroke=\"#b22222\" "
			 "stroke-width=\"1.5\" stroke-dasharray=\"4 3\">\n"
			 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			 "y2=\"%.1f\"/>\n"
			 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			 "y2=\"%.1f\"/>\n</g>\n",
			 x50, top, x50, base, x90, top, x90, base);
		text(out, x50 + 4, y50, &st_q, t.p, t.len, NULL, 0);
		buf_reset(&t);
		buf_adds(&t, "p90 ");
		render_util_num(&t, round(h->p90 * 10) / 10, w->comma);
		text(out, x90 + 4, y90, &st_q, t.p, t.len, NULL, 0);
	}
	buf_release(&t);
}

static void hist_chart(const struct render_opts *o, struct buf *out,
		       struct render_hist *h, size_t nh)
{
	const struct swords *w = render_lang_swords(o->lang);
	static const struct tstyle st_note = {10, "start", "#777777",
					      0,  "note",  NULL};
	size_t i;

	if (!nh) {
		no_data(out, o, w->hist_title, w);
		return;
	}
	svg_begin(out, PLOT_L + PLOT_W + 32,
		  CHART_TOP + 40 + (double)nh * PANEL_H);
	title_block(out, o, w->hist_title, NULL);
	for (i = 0; i < nh; i++)
		hist_panel(out, &h[i], w, CHART_TOP + 56 + (double)i * PANEL_H);
	textc(out, PLOT_L, CHART_TOP + 30 + (double)nh * PANEL_H, &st_note,
	      w->hist_bucket_note);
	svg_end(out);
}

void render_svg(const struct report *r, const struct render_opts *o,
		struct buf *out)
{
	const struct swords *w = render_lang_swords(o->lang);
	const char *chart = o->chart;
	struct render_hist *h = NULL;
	size_t nh = render_hist_load(r, &h);
	int kinds = (r->nlinks > 0) + (r->nmetrics > 0) + (nh > 0);

	if (!chart && kinds > 1)
		die(EX_USAGE,
		    "the input has %s%s%s%s%s records: pick one chart with "
		    "--chart",
		    r->nlinks ? "link" : "",
		    r->nlinks ? (kinds == 3 ? ", " : " and ") : "",
		    r->nmetrics ? "metric" : "",
		    r->nmetrics && nh ? " and " : "", nh ? "histogram" : "");
	if (!chart)
		chart = r->nlinks     ? "sankey"
			: r->nmetrics ? "metrics"
			: nh	      ? "histogram"
				      : NULL;
	if (!chart)
		no_data(out, o, "pulse", w);
	else if (strcmp(chart, "sankey") == 0) {
		if (r->nlinks)
			sankey(r, o, out);
		else
			no_data(out, o, w->sankey_title, w);
	} else if (strcmp(chart, "metrics") == 0)
		metrics_chart(r, o, out);
	else
		hist_chart(o, out, h, nh);
	render_hist_free(h, nh);
	free(h);
}
