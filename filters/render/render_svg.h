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
 * How many bytes of s[0..n) fit maxw at font size fs (whole UTF-8
 * characters; 0 when not even the first one does).
 */
size_t render_svg_fit(const char *s, size_t n, double fs, double maxw);

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

/*
 * One line of a wrapped text s (render_svg_wrap()): s[off..off+len), then
 * an ellipsis when ell (the text is cut there), then the suffix when suf
 * (without its leading spaces on a line of its own).
 */
struct render_svg_line {
	size_t off, len;
	int ell, suf;
};

/*
 * Wraps s[0..n) and then suffix (NULL: none) at maxw, font size fs: whole
 * words a line (a word wider than a line is broken), the suffix after the
 * last word; where it does not fit, on a line of its own when it starts
 * with a space (" (12)"), else with the last word before it (": 21"); at
 * most max lines (max >= 1); what does not fit them is cut with an
 * ellipsis, and the suffix stays.
 * @return the lines, in l[0..).
 */
size_t render_svg_wrap(const char *s, size_t n, const char *suffix, double fs,
		       double maxw, struct render_svg_line *l, size_t max);

/*
 * The lines l[0..nl) of s[0..n) and suffix as <text>s, lh apart from
 * baseline y;
 * when the text is cut, the first holds the whole of it in a <title> (if
 * title is set).  @return the height they take, nl * lh.
 */
double render_svg_text_lines(struct buf *out, double x, double y, double lh,
			     const struct tstyle *t, const char *s, size_t n,
			     const char *suffix,
			     const struct render_svg_line *l, size_t nl,
			     int title);

/*
 * Wraps s[0..n) and suffix at maxw into at most max lines and draws them
 * (a <title> when cut).  @return the height they take.
 */
double render_svg_text_wrap(struct buf *out, double x, double y, double lh,
			    const struct tstyle *t, const char *s, size_t n,
			    const char *suffix, double maxw, size_t max);

/* The lines render_svg_wrap() makes of s[0..n) and suffix. */
size_t render_svg_nlines(const char *s, size_t n, const char *suffix, double fs,
			 double maxw, size_t max);

/* render_svg_text() of a C string, no limit. */
void render_svg_textc(struct buf *out, double x, double y,
		      const struct tstyle *t, const char *s);

/* The document's start (a white background) and end. */
void render_svg_begin(struct buf *out, double w, double h);
void render_svg_end(struct buf *out);

/*
 * As render_svg_begin(), but a drawing wider than maxw (> 0) is shown
 * scaled down to maxw pixels wide (its viewBox stays w by h).
 */
void render_svg_begin_fit(struct buf *out, double w, double h, double maxw);

extern const struct tstyle render_svg_st_sub; /* a subtitle */

/*
 * The chart's title (--title, else dflt) and, when sub, a subtitle, each
 * cut with an ellipsis to fit a canvas w pixels wide.
 */
void render_svg_title(struct buf *out, const struct render_opts *o,
		      const char *dflt, const char *sub, double w);

/* ---- render_sankey.c: the Sankey layout --------------------------------- */

#define RENDER_SANKEY_LINES 4 /* a label's lines, at most */

struct render_sankey_node {
	struct sref name;  /* the event; null for an exit node */
	const char *label; /* what the report shows for it (render_lang.c) */
	size_t label_len;
	int exit; /* the users whose events end at the column before */
	int col;
	int64_t in, out;
	double x, y, h; /* the box */
	double slot_y, slot_h;
	double fs;	/* the label's font size */
	char count[32]; /* " (12)": the users, after the label */
	struct render_svg_line line[RENDER_SANKEY_LINES];
	int nlines;
};

#define RENDER_SANKEY_NODE_W 14.0
#define RENDER_SANKEY_TOP 96.0
#define RENDER_SANKEY_LEFT 24.0
#define RENDER_SANKEY_LINE_H(fs) ((fs)*1.25)

/*
 * Where everything of a Sankey diagram goes.  Bands are the link records
 * (index < r->nlinks, the same index), then one per node that users leave
 * early, into the exit node of the next column.
 */
struct render_sankey {
	struct render_sankey_node *n;
	size_t nn;
	int cols;
	size_t nb;	   /* bands */
	size_t *from, *to; /* per band: node indexes (SIZE_MAX: not drawn) */
	int64_t *val;	   /* per band: users */
	double *y0, *y1;   /* per band: where it leaves and enters */
	double scale;	   /* pixels per user */
	size_t *order;	   /* the bands in drawing order */
	size_t norder;
	double colgap; /* from one column's nodes to the next */
	double labelw; /* room for a label right of its node */
	double width, height;
	double users;	/* leaving the first column */
	double reached; /* in the last column */
	double exited;	/* in the exit nodes */
};

/* A node's size: the larger of the users flowing in and out. */
int64_t render_sankey_value(const struct render_sankey_node *n);

/*
 * Lays out the link records of r: one column per step, a node per (step,
 * event), nodes sorted in their column by size (then name), and an exit
 * node at the bottom of a column for the users whose events end at the
 * column before (render_sankey_check() said they add up); each node in a
 * slot as high as its label, at the largest scale at which every column
 * fits the plot (which grows when the labels alone do not fit).  Labels
 * wrap (RENDER_SANKEY_LINES at most, then cut) at the room between
 * columns, which o->width may narrow.
 */
void render_sankey_layout(const struct render_report *r,
			  const struct render_opts *o, struct render_sankey *k);
void render_sankey_release(struct render_sankey *k);

/* ---- the charts ---------------------------------------------------------- */

/* render_svg_sankey.c: the Sankey diagram of r's link records. */
void render_svg_sankey(const struct render_report *r,
		       const struct render_opts *o, struct buf *out);

/* render_svg_bars.c: one bar chart per metric, per day. */
void render_svg_bars_metrics(const struct render_report *r,
			     const struct render_opts *o, struct buf *out);

/* ---- render_svg_bars.c: what the bar charts share ------------------------ */

#define RENDER_BARS_L 72.0  /* the plot's left: room for the tick labels */
#define RENDER_BARS_W 840.0 /* its width, unless --width asks for less */
#define RENDER_BARS_H 170.0
#define RENDER_BARS_PANEL_H 270.0 /* a panel: title, plot, x labels */
#define RENDER_BARS_TOP 76.0

extern const struct tstyle render_svg_bars_st_panel; /* a panel's title */
extern const struct tstyle render_svg_bars_st_xlab;  /* under the x axis */
extern const struct tstyle render_svg_bars_st_val;   /* over a bar */

/* The plot's width: RENDER_BARS_W, or what o->width leaves. */
double render_svg_bars_plot_w(const struct render_opts *o);

/*
 * Gridlines of a plot pw wide from top, for values 0..max, and their
 * labels (unit after each: "" or "%").  @return the value at the top.
 */
double render_svg_bars_y_axis(struct buf *out, double top, double pw,
			      double max, int comma, const char *unit);

/* Every k-th label fits when labels are lw wide and slots slot apart. */
size_t render_svg_bars_thin(double lw, double slot);

/*
 * render_svg_hist.c: one bar chart per histogram record, a bar per bucket;
 * the two outcomes of an event (pulse-metrics --by-outcome) side by side
 * in one.
 */
void render_svg_hist(const struct render_opts *o, struct buf *out,
		     const struct render_hist *h, size_t nh);

#endif
