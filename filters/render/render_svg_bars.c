/*
 * render_svg_bars.c - the bar charts of the svg format: one panel per
 * metric (a bar per day, the report's last day darker, the mean of the 7
 * days before as a dashed line) or per histogram record (a bar per bucket,
 * the edges under the bucket boundaries, p50 and p90 marked); see
 * render_svg.h.
 */
#include "render_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- axes ---------------------------------------------------------------- */

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

/*
 * The label of tick k of a step: with the decimals of the step, so that
 * 3 * 0.2 is "0.6", not the 0.6000000000000001 the double holds.
 */
static void tick_label(struct buf *b, double k, double step, int comma)
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
		tick_label(&lab, round(v / step), step, comma);
		render_svg_text(out, PLOT_L - 6, y + 3.5, &st_tick, lab.p,
				lab.len, NULL, 0);
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

static void metric_panel(struct buf *out, const struct render_report *r,
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
			vw = fmax(vw,
				  render_svg_text_width(t.p, t.len, st_val.fs));
		}
	buf_reset(&t);
	buf_adds(&t, ": ");
	render_util_num(&t, last ? last->value : NAN, w->comma);
	buf_adds(&t, " (");
	render_util_day(&t, s->last, w->dmy);
	buf_addc(&t, ')');
	render_svg_text(out, PLOT_L, top - 30, &st_panel, sref_p(r, s->title),
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
	k = thin(render_svg_text_width("00-00", 5, st_xlab.fs), slot);
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
	double lx;

	render_svg_begin(out, PLOT_L + PLOT_W + 32,
			 CHART_TOP + 10 + (double)ns * PANEL_H);
	render_util_day(&sub, s[0].first, w->dmy);
	buf_adds(&sub, " – ");
	render_util_day(&sub, s[0].last, w->dmy);
	render_svg_title(out, o, w->metrics_title, sub.p);
	lx = PLOT_L + PLOT_W -
	     render_svg_text_width(w->mean_7d, strlen(w->mean_7d), 11) - 34;
	buf_addf(out,
		 "<line x1=\"%.1f\" y1=\"50\" x2=\"%.1f\" y2=\"50\" "
		 "stroke=\"#333333\" "
		 "stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>\n",
		 lx, lx + 26);
	render_svg_textc(out, lx + 32, 54, &st_leg, w->mean_7d);
	for (i = 0; i < ns; i++)
		metric_panel(out, r, &s[i], w,
			     CHART_TOP + 56 + (double)i * PANEL_H,
			     render_svg_palette[i % 10]);
	render_svg_end(out);
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
	const char *col = render_svg_colour(h->text.p, h->text.len);
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
	render_svg_text(out, PLOT_L, top - 30, &st_panel, t.p + (t.p[0] == ' '),
			t.len - (t.p[0] == ' '), NULL, PLOT_W);
	buf_reset(&t);
	buf_addf(&t, "n = %llu · p50 ", (unsigned long long)h->count);
	render_util_num(&t, round(h->p50 * 10) / 10, w->comma);
	buf_adds(&t, " · p90 ");
	render_util_num(&t, round(h->p90 * 10) / 10, w->comma);
	if (h->hours)
		buf_addf(&t, " (%s)", w->hist_unit);
	render_svg_textc(out, PLOT_L, top - 12, &render_svg_st_sub, t.p);
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
		vw = fmax(vw, render_svg_text_width(t.p, t.len, st_val.fs));
	}
	buf_adds(out, "</g>\n");
	if (vw + 2 <= slot)
		for (j = 0; j < nb; j++) {
			if (!h->counts[j])
				continue;
			buf_reset(&t);
			buf_addf(&t, "%llu", (unsigned long long)h->counts[j]);
			render_svg_text(
				out, PLOT_L + ((double)j + 0.5) * slot,
				base - (double)h->counts[j] / ymax * PLOT_H - 4,
				&st_val, t.p, t.len, NULL, 0);
		}
	for (j = 0; j < h->nedges; j++) {
		buf_reset(&t);
		render_util_num(&t, h->edges[j], w->comma);
		lw = fmax(lw, render_svg_text_width(t.p, t.len, st_xlab.fs));
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
		render_svg_text(out, PLOT_L + (double)(j + 1) * slot, base + 16,
				&st_xlab, t.p, t.len, NULL, 0);
	}
	if (!isnan(h->p50) && !isnan(h->p90)) {
		double y50 = top + 12, y90 = top + 12, lw50;

		x50 = hist_x(h, h->p50, slot);
		x90 = hist_x(h, h->p90, slot);
		buf_reset(&t);
		buf_adds(&t, "p50 ");
		render_util_num(&t, round(h->p50 * 10) / 10, w->comma);
		lw50 = render_svg_text_width(t.p, t.len, st_q.fs);
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
		render_svg_text(out, x50 + 4, y50, &st_q, t.p, t.len, NULL, 0);
		buf_reset(&t);
		buf_adds(&t, "p90 ");
		render_util_num(&t, round(h->p90 * 10) / 10, w->comma);
		render_svg_text(out, x90 + 4, y90, &st_q, t.p, t.len, NULL, 0);
	}
	buf_release(&t);
}

void render_svg_bars_hist(const struct render_opts *o, struct buf *out,
			  const struct render_hist *h, size_t nh)
{
	const struct swords *w = render_lang_swords(o->lang);
	static const struct tstyle st_note = {10, "start", "#777777",
					      0,  "note",  NULL};
	size_t i;

	render_svg_begin(out, PLOT_L + PLOT_W + 32,
			 CHART_TOP + 40 + (double)nh * PANEL_H);
	render_svg_title(out, o, w->hist_title, NULL);
	for (i = 0; i < nh; i++)
		hist_panel(out, &h[i], w, CHART_TOP + 56 + (double)i * PANEL_H);
	render_svg_textc(out, PLOT_L, CHART_TOP + 30 + (double)nh * PANEL_H,
			 &st_note, w->hist_bucket_note);
	render_svg_end(out);
}
