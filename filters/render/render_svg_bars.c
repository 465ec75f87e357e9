/*
 * render_svg_bars.c - the bar charts of the svg format: one panel per
 * metric (a bar per day, the report's last day darker, the mean of the 7
 * days before as a dashed line), and the axes that the histograms
 * (render_svg_hist.c) share; see render_svg.h.
 */
#include "render_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- axes ---------------------------------------------------------------- */

#define PLOT_L RENDER_BARS_L
#define PLOT_H RENDER_BARS_H
#define PANEL_H RENDER_BARS_PANEL_H
#define CHART_TOP RENDER_BARS_TOP

const struct tstyle render_svg_bars_st_panel = {14, "start", "#222222",
						1,  "panel", NULL};
static const struct tstyle st_tick = {10, "end", "#666666", 0, "tick", NULL};
const struct tstyle render_svg_bars_st_xlab = {10, "middle", "#444444",
					       0,  "xlabel", NULL};
const struct tstyle render_svg_bars_st_val = {10, "middle", "#222222",
					      0,  "value",  NULL};

#define st_panel render_svg_bars_st_panel
#define st_xlab render_svg_bars_st_xlab
#define st_val render_svg_bars_st_val

double render_svg_bars_plot_w(const struct render_opts *o)
{
	if (o->width > 0 && PLOT_L + RENDER_BARS_W + 32 > o->width)
		return o->width - PLOT_L - 32;
	return RENDER_BARS_W;
}

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

/*
 * The label of tick k of a step: with the decimals of the step, so that
 * 3 * 0.2 is "0.6", not the 0.6000000000000001 the double holds.
 */
static void tick_label(struct buf *b, double k, double step, int comma,
		       const char *unit)
{
	int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
	size_t start = b->len, i;

	buf_addf(b, "%.*f", dec, k * step);
	if (dec) {
		while (b->p[b->len - 1] == '0')
			b->len--;
		if (b->p[b->len - 1] == '.')
			b->len--;
		b->p[b->len] = '\0';
	}
	if (comma)
		for (i = start; i < b->len; i++)
			if (b->p[i] == '.')
				b->p[i] = ',';
	buf_adds(b, unit);
}

double render_svg_bars_y_axis(struct buf *out, double top, double pw,
			      double max, int comma, const char *unit)
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
			 PLOT_L, y, PLOT_L + pw, y);
	}
	buf_adds(out, "</g>\n");
	for (v = 0; v <= ymax + step / 2; v += step) {
		y = top + PLOT_H - v / ymax * PLOT_H;
		buf_reset(&lab);
		tick_label(&lab, round(v / step), step, comma, unit);
		render_svg_text(out, PLOT_L - 6, y + 3.5, &st_tick, lab.p,
				lab.len, NULL, 0);
	}
	buf_addf(out,
		 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
		 "stroke=\"#888888\" stroke-width=\"1\"/>\n",
		 PLOT_L, top + PLOT_H, PLOT_L + pw, top + PLOT_H);
	buf_release(&lab);
	return ymax;
}

size_t render_svg_bars_thin(double lw, double slot)
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

#define TITLE_LINES 2 /* a panel's title, wrapped, at most */
#define TITLE_LH 17.0

/* ": 21 (2026-01-20)": the last day's value, after a metric's title. */
static void title_suffix(struct buf *t, const struct render_report *r,
			 const struct render_series *s, const struct swords *w)
{
	const struct metric *last = render_series_get(r, s, s->last);

	buf_adds(t, ": ");
	render_util_num(t, last ? last->value : NAN, w->comma);
	buf_adds(t, " (");
	render_util_day(t, s->last, w->dmy);
	buf_addc(t, ')');
}

/* The height a metric's title adds when it wraps at pw. */
static double title_extra(const struct render_report *r,
			  const struct render_series *s, const struct swords *w,
			  double pw)
{
	struct buf t = BUF_INIT;
	size_t nl;

	title_suffix(&t, r, s, w);
	nl = render_svg_nlines(sref_p(r, s->title), s->title.len, t.p,
			       st_panel.fs, pw, TITLE_LINES);
	buf_release(&t);
	return (double)(nl - 1) * TITLE_LH;
}

/* One metric's panel, its plot from top; its title extra higher. */
static void metric_panel(struct buf *out, const struct render_report *r,
			 const struct render_series *s, const struct swords *w,
			 double top, double extra, double pw, const char *col)
{
	int64_t nd = s->last - s->first + 1, d;
	double slot = pw / (double)nd, bw = fmin(slot * 0.8, 48), max = 0;
	double ymax, base = top + PLOT_H, x, y, h, vw = 0;
	const struct metric *m;
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
			vw = fmax(vw,
				  render_svg_text_width(t.p, t.len, st_val.fs));
		}
	buf_reset(&t);
	title_suffix(&t, r, s, w);
	render_svg_text_wrap(out, PLOT_L, top - 30 - extra, TITLE_LH, &st_panel,
			     sref_p(r, s->title), s->title.len, t.p, pw,
			     TITLE_LINES);
	ymax = render_svg_bars_y_axis(out, top, pw, max, w->comma, "");
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
		render_svg_esc(out, t.p, t.len);
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
			render_svg_text(out, PLOT_L + ((double)d + 0.5) * slot,
					base - m->value / ymax * PLOT_H - 4,
					&st_val, t.p, t.len, NULL, 0);
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
	k = render_svg_bars_thin(render_svg_text_width("00-00", 5, st_xlab.fs),
				 slot);
	for (d = nd - 1; d >= 0; d--) {
		if ((size_t)(nd - 1 - d) % k)
			continue;
		buf_reset(&t);
		day_short(&t, s->first + d, w->dmy);
		render_svg_text(out, PLOT_L + ((double)d + 0.5) * slot,
				base + 16, &st_xlab, t.p, t.len, NULL, 0);
	}
	buf_release(&t);
}

void render_svg_bars_metrics(const struct render_report *r,
			     const struct render_opts *o, struct buf *out)
{
	const struct swords *w = render_lang_swords(o->lang);
	static const struct tstyle st_leg = {11, "start",  "#333333",
					     0,	 "legend", NULL};
	struct render_series *s;
	struct buf sub = BUF_INIT;
	size_t ns = render_series_build(r, &s), i;
	double pw = render_svg_bars_plot_w(o), lx, ly = 50, extra = 0, y;

	for (i = 0; i < ns; i++)
		extra += title_extra(r, &s[i], w, pw);
	render_svg_begin(out, PLOT_L + pw + 32,
			 CHART_TOP + 10 + (double)ns * PANEL_H + extra);
	render_util_day(&sub, s[0].first, w->dmy);
	buf_adds(&sub, " – ");
	render_util_day(&sub, s[0].last, w->dmy);
	render_svg_title(out, o, w->metrics_title, sub.p, PLOT_L + pw + 32);
	lx = PLOT_L + pw -
	     render_svg_text_width(w->mean_7d, strlen(w->mean_7d), 11) - 34;
	/* the legend right of the subtitle, or under it when narrow */
	if (lx <
	    24 + render_svg_text_width(sub.p, sub.len, render_svg_st_sub.fs) +
		    16) {
		lx = 24;
		ly = 70;
	}
	buf_addf(out,
		 "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" "
		 "stroke=\"#333333\" "
		 "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n",
		 lx, ly, lx + 26, ly);
	render_svg_textc(out, lx + 32, ly + 4, &st_leg, w->mean_7d);
	y = CHART_TOP + 56;
	for (i = 0; i < ns; i++) {
		extra = title_extra(r, &s[i], w, pw);
		metric_panel(out, r, &s[i], w, y + extra, extra, pw,
			     render_svg_palette[i % 10]);
		y += PANEL_H + extra;
	}
	render_svg_end(out);
	buf_release(&sub);
	render_series_free(s, ns);
}
