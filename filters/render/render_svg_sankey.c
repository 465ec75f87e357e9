/*
 * render_svg_sankey.c - the Sankey diagram that render_sankey.c laid out,
 * as SVG; see render_svg.h.  Links are filled cubic Bézier bands, the
 * bands of the users who leave into an exit node grey; a label is one
 * <text> per line (a cut one holds the whole name in its <title>), over a
 * white halo so that it reads on the bands it crosses.
 */
#include "render_svg.h"

#include <stdio.h>

#define EXIT_FILL "#9a9a9a"

static void steps(struct buf *out, const struct render_sankey *k,
		  const struct swords *w)
{
	static const struct tstyle st = {12, "start", "#555555",
					 1,  "step",  NULL};
	char h[64];
	int c;

	for (c = 0; c < k->cols; c++) {
		snprintf(h, sizeof h, "%s %d", w->step, c + 1);
		render_svg_textc(out,
				 RENDER_SANKEY_LEFT +
					 c * (RENDER_SANKEY_NODE_W + k->colgap),
				 RENDER_SANKEY_TOP - 14, &st, h);
	}
}

static const char *fill(const struct render_report *r,
			const struct render_sankey_node *n)
{
	return n->exit ? EXIT_FILL
		       : render_svg_colour(sref_p(r, n->name), n->name.len);
}

/* "label: value" of a node, for a <title>. */
static void node_title(struct buf *out, const struct render_sankey_node *n)
{
	render_svg_esc(out, n->label, n->label_len);
	buf_addf(out, ": %lld", (long long)render_sankey_value(n));
}

static void bands(struct buf *out, const struct render_report *r,
		  const struct render_sankey *k)
{
	size_t i;

	buf_adds(out, "<g class=\"links\" fill-opacity=\"0.45\">\n");
	for (i = 0; i < k->norder; i++) {
		size_t li = k->order[i];
		const struct render_sankey_node *f = &k->n[k->from[li]],
						*t = &k->n[k->to[li]];
		double th = (double)k->val[li] * k->scale,
		       x0 = f->x + RENDER_SANKEY_NODE_W, x1 = t->x,
		       xm = (x0 + x1) / 2, a0 = k->y0[li], b0 = k->y1[li];

		if (th < 0.5)
			th = 0.5;
		buf_addf(out,
			 "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f "
			 "%.1f %.1f"
			 "L%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fZ\" "
			 "fill=\"%s\"%s>",
			 x0, a0, xm, a0, xm, b0, x1, b0, x1, b0 + th, xm,
			 b0 + th, xm, a0 + th, x0, a0 + th,
			 t->exit ? EXIT_FILL : fill(r, f),
			 t->exit ? " class=\"exit\" fill-opacity=\"0.3\"" : "");
		buf_adds(out, "<title>");
		render_svg_esc(out, f->label, f->label_len);
		buf_adds(out, " → ");
		render_svg_esc(out, t->label, t->label_len);
		buf_addf(out, ": %lld</title></path>\n", (long long)k->val[li]);
	}
	buf_adds(out, "</g>\n");
}

static void nodes(struct buf *out, const struct render_report *r,
		  const struct render_sankey *k)
{
	size_t i;

	buf_adds(out, "<g class=\"nodes\">\n");
	for (i = 0; i < k->nn; i++) {
		const struct render_sankey_node *n = &k->n[i];

		buf_addf(out,
			 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			 "height=\"%.1f\" fill=\"%s\"%s><title>",
			 n->x, n->y, RENDER_SANKEY_NODE_W, n->h, fill(r, n),
			 n->exit ? " class=\"exit\"" : "");
		node_title(out, n);
		buf_adds(out, "</title></rect>\n");
	}
	buf_adds(out, "</g>\n");
}

static void labels(struct buf *out, const struct render_sankey *k)
{
	size_t i;

	buf_adds(out, "<g class=\"labels\">\n");
	for (i = 0; i < k->nn; i++) {
		const struct render_sankey_node *n = &k->n[i];
		struct tstyle halo = {n->fs,
				      "start",
				      "#ffffff",
				      0,
				      "halo",
				      "stroke=\"#ffffff\" stroke-width=\"3\" "
				      "stroke-linejoin=\"round\""};
		struct tstyle lab = {n->fs, "start", "#222222",
				     0,	    "label", NULL};
		double lh = RENDER_SANKEY_LINE_H(n->fs),
		       x = n->x + RENDER_SANKEY_NODE_W + 5,
		       y = n->slot_y + (n->slot_h - n->nlines * lh) / 2 +
			   lh / 2 + n->fs * 0.36;

		/* the halo: the same text under it, outlined in white */
		render_svg_text_lines(out, x, y, lh, &halo, n->label,
				      n->label_len, n->count, n->line,
				      (size_t)n->nlines, 0);
		render_svg_text_lines(out, x, y, lh, &lab, n->label,
				      n->label_len, n->count, n->line,
				      (size_t)n->nlines, 1);
	}
	buf_adds(out, "</g>\n");
}

void render_svg_sankey(const struct render_report *r,
		       const struct render_opts *o, struct buf *out)
{
	const struct swords *w = render_lang_swords(o->lang);
	struct render_sankey k;
	struct buf sub = BUF_INIT;
	size_t el;
	const char *ex = render_lang_exit(o, &el);

	render_sankey_layout(r, o, &k);
	/* more steps than --width holds at the narrowest: scaled down */
	render_svg_begin_fit(out, k.width, k.height, o->width);
	buf_addf(&sub, "%s %d · %s %.0f", w->steps_n, k.cols, w->users_n,
		 k.users);
	if (k.exited > 0) {
		buf_addf(&sub, " · %s %d: %.0f · ", w->reached_step, k.cols,
			 k.reached);
		buf_add(&sub, ex, el);
		buf_addf(&sub, ": %.0f", k.exited);
	}
	render_svg_title(out, o, w->sankey_title, sub.p, k.width);
	steps(out, &k, w);
	bands(out, r, &k);
	nodes(out, r, &k);
	labels(out, &k);
	render_svg_end(out);
	render_sankey_release(&k);
	buf_release(&sub);
}
