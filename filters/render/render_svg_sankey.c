/*
 * render_svg_sankey.c - the Sankey diagram that render_sankey.c laid out,
 * as SVG; see render_svg.h.  Links are filled cubic Bézier bands; a label
 * too wide for the gap to the next column is cut with an ellipsis (the
 * whole name stays in its <title>).
 */
#include "render_svg.h"

#include <stdio.h>

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

static void bands(struct buf *out, const struct render_report *r,
		  const struct render_sankey *k)
{
	size_t i;

	buf_adds(out, "<g class=\"links\" fill-opacity=\"0.45\">\n");
	for (i = 0; i < k->norder; i++) {
		size_t li = k->order[i];
		const struct link *l = &r->links[li];
		const struct render_sankey_node *f = &k->n[k->from[li]],
						*t = &k->n[k->to[li]];
		double th = (double)l->value * k->scale,
		       x0 = f->x + RENDER_SANKEY_NODE_W, x1 = t->x,
		       xm = (x0 + x1) / 2, a0 = k->y0[li], b0 = k->y1[li];

		if (th < 0.5)
			th = 0.5;
		buf_addf(out,
			 "<path d=\"M%.1f %.1fC%.1f %.1f %.1f %.1f "
			 "%.1f %.1f"
			 "L%.1f %.1fC%.1f %.1f %.1f %.1f %.1f %.1fZ\" "
			 "fill=\"%s\">",
			 x0, a0, xm, a0, xm, b0, x1, b0, x1, b0 + th, xm,
			 b0 + th, xm, a0 + th, x0, a0 + th,
			 render_svg_colour(sref_p(r, f->name), f->name.len));
		buf_adds(out, "<title>");
		render_svg_esc(out, sref_p(r, l->from), l->from.len);
		buf_adds(out, " → ");
		render_svg_esc(out, sref_p(r, l->to), l->to.len);
		buf_addf(out, ": %lld</title></path>\n", (long long)l->value);
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
			 "height=\"%.1f\" fill=\"%s\"><title>",
			 n->x, n->y, RENDER_SANKEY_NODE_W, n->h,
			 render_svg_colour(sref_p(r, n->name), n->name.len));
		render_svg_esc(out, sref_p(r, n->name), n->name.len);
		buf_addf(out, ": %lld</title></rect>\n",
			 (long long)render_sankey_value(n));
	}
	buf_adds(out, "</g>\n");
}

static void labels(struct buf *out, const struct render_report *r,
		   const struct render_sankey *k)
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
		double x = n->x + RENDER_SANKEY_NODE_W + 5,
		       y = n->slot_y + n->slot_h / 2 + n->fs * 0.36;
		char num[32];

		snprintf(num, sizeof num, " (%lld)",
			 (long long)render_sankey_value(n));
		/* the halo: the same text under it, outlined in white */
		render_svg_text(out, x, y, &halo, sref_p(r, n->name),
				n->name.len, num, k->labelw);
		render_svg_text(out, x, y, &lab, sref_p(r, n->name),
				n->name.len, num, k->labelw);
	}
	buf_adds(out, "</g>\n");
}

void render_svg_sankey(const struct render_report *r,
		       const struct render_opts *o, struct buf *out)
{
	const struct swords *w = render_lang_swords(o->lang);
	struct render_sankey k;
	char sub[160];

	render_sankey_layout(r, &k);
	render_svg_begin(out, k.width, k.height);
	snprintf(sub, sizeof sub, "%s %d · %s %.0f", w->steps_n, k.cols,
		 w->users_n, k.users);
	render_svg_title(out, o, w->sankey_title, sub);
	steps(out, &k, w);
	bands(out, r, &k);
	nodes(out, r, &k);
	labels(out, r, &k);
	render_svg_end(out);
	render_sankey_release(&k);
}
