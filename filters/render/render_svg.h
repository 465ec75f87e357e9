/*
 * render_svg.h - what the files of the svg format share: the drawing
 * primitives (render_svg.c), the Sankey layout (render_sankey.c) and the
 * charts that draw with them (render_svg_sankey.c, render_svg_bars.c).
 *
 * Coordinates are SVG user units (pixels), y down.  Text widths are
 * estimated from DejaVu Sans' advance widths (rounded up), since no font
 * is read here.  Every string from the records goes through
 * render_svg_esc(), directly or by render_svg_text().
 */
#ifndef PULSE_RENDER_SVG_H
#define PULSE_RENDER_SVG_H

#include <stddef.h>
#include <stdint.h>

#include "render.h"

/* ---- render_svg.c: primitives ------------------------------------------ */

/* The palette's colours, and a colour that depends on s[0..n) only. */
extern const char *const render_svg_palette[20];
const char *render_svg_colour(const char *s, size_t n);

/* The width of s[0..n) at font size fs. */
double render_svg_text_width(const char *s, size_t n, double fs);

/*
 * Appends s[0..n) escaped for XML text and attributes: & < > " ' as
 * entities, control characters (C0, DEL, C1: not allowed or discouraged
 * in XML 1.0) and U+FFFE, U+FFFF as spaces.
 */
void render_svg_esc(struct buf *out, const char *s, size_t n);

struct tstyle {
	double fs;
	const char *anchor; /* "start", "middle", "end" */
	const char *fill;
	int bold;
	const char *cls;   /* class, or NULL */
	const char *extra; /* more attributes, or NULL */
};

/*
 * One <text>: s[0..n), then suffix (ours, not escaped further than XML),
 * cut with an ellipsis when wider than maxw (0: no limit), with the whole
 * text in a <title> then.
 */
void render_svg_text(struct buf *out, double x, double y,
		     const struct tstyle *t, const char *s, size_t n,
		     const char *suffix, double maxw);

/* render_svg_text() of a C string, no limit. */
void render_svg_textc(struct buf *out, double x, double y,
		      const struct tstyle *t, const char *s);

/* The document's start (a white background) and end. */
void render_svg_begin(struct buf *out, double w, double h);
void render_svg_end(struct buf *out);

extern const struct tstyle render_svg_st_sub; /* a subtitle */

/* The chart's title (--title, else dflt) and, when sub, a subtitle. */
void render_svg_title(struct buf *out, const struct render_opts *o,
		      const char *dflt, const char *sub);

/* ---- render_sankey.c: the Sankey layout --------------------------------- */

struct render_sankey_node {
	struct sref name;
	int col;
	int64_t in, out;
	double x, y, h; /* the box */
	double slot_y, slot_h;
	double fs; /* the label's font size */
};

#define RENDER_SANKEY_NODE_W 14.0
#define RENDER_SANKEY_TOP 96.0
#define RENDER_SANKEY_LEFT 24.0

/* Where everything of a Sankey diagram goes. */
struct render_sankey {
	struct render_sankey_node *n;
	size_t nn;
	int cols;
	size_t *from, *to; /* per link: node indexes */
	double *y0, *y1;   /* per link: where its band leaves and enters */
	double scale;	   /* pixels per user */
	size_t *order;	   /* the links in drawing order */
	size_t norder;
	double colgap; /* from one column's nodes to the next */
	double labelw; /* room for a label right of its node */
	double width, height;
	double users; /* leaving the first column */
};

/* A node's size: the larger of the users flowing in and out. */
int64_t render_sankey_value(const struct render_sankey_node *n);

/*
 * Lays out the link records of r: one column per step, a node per (step,
 * event), nodes sorted in their column by size (then name), each in a
 * slot at least one label high, at the largest scale at which every
 * column fits the plot (which grows when the labels alone do not fit).
 */
void render_sankey_layout(const struct render_report *r,
			  struct render_sankey *k);
void render_sankey_release(struct render_sankey *k);

/* ---- the charts ---------------------------------------------------------- */

/* render_svg_sankey.c: the Sankey diagram of r's link records. */
void render_svg_sankey(const struct render_report *r,
		       const struct render_opts *o, struct buf *out);

/* render_svg_bars.c: one bar chart per metric, per day. */
void render_svg_bars_metrics(const struct render_report *r,
			     const struct render_opts *o, struct buf *out);

/* render_svg_bars.c: one bar chart per histogram record, per bucket. */
void render_svg_bars_hist(const struct render_opts *o, struct buf *out,
			  const struct render_hist *h, size_t nh);

#endif
