/*
 * render_svg_hist.c - the histogram charts of the svg format; see
 * render_svg.h.  One panel per histogram record: a bar per bucket, the
 * edges under the bucket boundaries, p50 and p90 as dashed lines at their
 * place inside their bucket.  The two records of an event that
 * pulse-metrics --by-outcome writes (outcome "payment" and "other", the
 * same edges) share one panel: a pair of bars per bucket, each the share
 * of its own group (the groups differ in size, the question is whether
 * their times differ), a legend with each group's count, p50 and p90, and
 * the counts over the bars where they fit.
 */
#include "render_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PLOT_L RENDER_BARS_L
#define PLOT_H RENDER_BARS_H
#define PANEL_H RENDER_BARS_PANEL_H
#define PAIR_H (RENDER_BARS_PANEL_H + 16) /* a legend line more */
#define CHART_TOP RENDER_BARS_TOP
#define st_panel render_svg_bars_st_panel
#define st_xlab render_svg_bars_st_xlab
#define st_val render_svg_bars_st_val

/* The colours of the outcomes: a payment, the others. */
static const char *const out_col[2] = {"#59a14f", "#4e79a7"};
static const char *const q_col = "#b22222"; /* quantiles of one record */

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

/* A value rounded to 0.1 for people ("2.8", "2,8"). */
static void num1(struct buf *t, double v, int comma)
{
	render_util_num(t, round(v * 10) / 10, comma);
}

/* ---- a panel's heading -----------------------------------------------------
 */

/*
 * A panel's heading: its title, then a subtitle or the two lines of a
 * legend, each item wrapped at the plot's width into HEAD_LINES lines at
 * most.  Its last baseline is 12 pixels over the plot; a heading of one
 * line per item is as high as the charts have always had it (extra 0).
 */
#define HEAD_ITEMS 3
#define HEAD_LINES 2

struct item {
	struct buf t;
	const struct tstyle *st;
	double lh, dist; /* between its lines; to the next item's first */
	double x, maxw;
	int key; /* the colour square of outcome key before it, or -1 */
	struct render_svg_line l[HEAD_LINES];
	size_t nl;
};

struct head {
	struct item it[HEAD_ITEMS];
	size_t n;
	double extra; /* the height its wrapped lines add */
};

static const struct tstyle st_legend = {12, "start",  "#333333",
					0,  "legend", NULL};

static struct buf *head_add(struct head *h, const struct tstyle *st, double lh,
			    double dist, double x, double maxw, int key)
{
	struct item *it = &h->it[h->n++];

	it->t = (struct buf)BUF_INIT;
	it->st = st;
	it->lh = lh;
	it->dist = dist;
	it->x = x;
	it->maxw = maxw;
	it->key = key;
	return &it->t;
}

/* Wraps every item: how many lines, and the height they add. */
static void head_wrap(struct head *h)
{
	size_t i;

	h->extra = 0;
	for (i = 0; i < h->n; i++) {
		struct item *it = &h->it[i];
		size_t skip = it->t.len && it->t.p[0] == ' ';

		it->nl = render_svg_wrap(it->t.p + skip, it->t.len - skip, NULL,
					 it->st->fs, it->maxw, it->l,
					 HEAD_LINES);
		h->extra += (double)(it->nl - 1) * it->lh;
	}
}

static void head_draw(struct buf *out, const struct head *h, double top)
{
	double y = top - 12 - h->extra;
	size_t i, skip;

	for (i = 0; i + 1 < h->n; i++)
		y -= h->it[i].dist;
	for (i = 0; i < h->n; i++) {
		const struct item *it = &h->it[i];

		if (it->key >= 0)
			buf_addf(out,
				 "<rect class=\"key\" x=\"%.1f\" y=\"%.1f\" "
				 "width=\"10\" height=\"10\" fill=\"%s\"/>\n",
				 it->x - 16, y - 9, out_col[it->key]);
		skip = it->t.len && it->t.p[0] == ' ';
		render_svg_text_lines(out, it->x, y, it->lh, it->st,
				      it->t.p + skip, it->t.len - skip, NULL,
				      it->l, it->nl, 1);
		y += (double)(it->nl - 1) * it->lh + it->dist;
	}
}

static void head_release(struct head *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		buf_release(&h->it[i].t);
	h->n = 0;
}

/*
 * The panel's title into t: "Hours from «event» to the user's next event"
 * (the event in the report's words), or a tally histogram's field and
 * key; then suffix (NULL: none).
 */
static void title_text(struct buf *t, const struct render_hist *h,
		       const struct render_opts *o, const struct swords *w,
		       const char *suffix)
{
	const char *p;
	size_t n;

	if (h->has_event) {
		p = render_lang_event(o, h->text.p, h->text.len, &n);
		buf_addf(t, "%s «", h->hours ? w->hist_hours_from : "");
		buf_add(t, p, n);
		buf_addf(t, "» %s", w->hist_to_next);
	} else {
		buf_add(t, h->text.p, h->text.len);
	}
	if (suffix)
		buf_adds(t, suffix);
}

/* " · p50 2.5 · p90 3.8 (hours)" */
static void quantile_text(struct buf *t, const struct render_hist *h,
			  const struct swords *w)
{
	buf_adds(t, " · p50 ");
	num1(t, h->p50, w->comma);
	buf_adds(t, " · p90 ");
	num1(t, h->p90, w->comma);
	if (h->hours)
		buf_addf(t, " (%s)", w->hist_unit);
}

/* The heading of one record's panel: title, "n = 613 · p50 ...". */
static void single_head(struct head *hd, const struct render_hist *h,
			const struct render_opts *o, const struct swords *w,
			double pw)
{
	struct buf *t;

	t = head_add(hd, &st_panel, 17, 18, PLOT_L, pw, -1);
	title_text(t, h, o, w,
		   h->outcome == 1   ? w->hist_outcome_pay_title
		   : h->outcome == 2 ? w->hist_outcome_other_title
				     : NULL);
	t = head_add(hd, &render_svg_st_sub, 15, 0, PLOT_L, pw, -1);
	buf_addf(t, "n = %llu", (unsigned long long)h->count);
	quantile_text(t, h, w);
	head_wrap(hd);
}

/* The heading of an event's two outcomes: title, a legend line each. */
static void pair_head(struct head *hd, const struct render_hist *const hp[2],
		      const struct render_opts *o, const struct swords *w,
		      double pw)
{
	struct buf *t;
	int k;

	t = head_add(hd, &st_panel, 17, 18, PLOT_L, pw, -1);
	title_text(t, hp[0], o, w, NULL);
	for (k = 0; k < 2; k++) {
		t = head_add(hd, &st_legend, 15, 16, PLOT_L + 16, pw - 16, k);
		buf_addf(t, "%s: n = %llu",
			 k ? w->hist_outcome_other : w->hist_outcome_pay,
			 (unsigned long long)hp[k]->count);
		if (hp[k]->null)
			buf_addf(t, " (+%llu %s)",
				 (unsigned long long)hp[k]->null,
				 w->hist_no_next);
		quantile_text(t, hp[k], w);
	}
	head_wrap(hd);
}

/* The ticks and edges under the x axis (every k-th that fits). */
static void x_axis(struct buf *out, const struct render_hist *h,
		   const struct swords *w, double base, double slot)
{
	struct buf t = BUF_INIT;
	double lw = 0;
	size_t j, k;

	for (j = 0; j < h->nedges; j++) {
		buf_reset(&t);
		render_util_num(&t, h->edges[j], w->comma);
		lw = fmax(lw, render_svg_text_width(t.p, t.len, st_xlab.fs));
	}
	k = render_svg_bars_thin(lw, slot);
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
	buf_release(&t);
}

/* A bucket as text, for a <title>: "< 0", "[1, 2)", "[720, ∞)". */
static void bucket(struct buf *t, const struct render_hist *h, size_t j,
		   int comma)
{
	if (j == 0)
		buf_adds(t, "&lt; ");
	else {
		buf_adds(t, "[");
		render_util_num(t, h->edges[j - 1], comma);
		buf_adds(t, j == h->nedges ? ", ∞)" : ", ");
	}
	if (j < h->nedges) {
		render_util_num(t, h->edges[j], comma);
		if (j)
			buf_adds(t, ")");
	}
}

/* A label on a white halo: it stays legible over a line or a bar. */
static void value_label(struct buf *out, double x, double y,
			const struct tstyle *st, const char *s, size_t n)
{
	struct tstyle halo = *st;

	halo.cls = "halo";
	halo.fill = "#ffffff";
	halo.extra = "stroke=\"#ffffff\" stroke-width=\"3\" "
		     "stroke-linejoin=\"round\"";
	render_svg_text(out, x, y, &halo, s, n, NULL, 0);
	render_svg_text(out, x, y, st, s, n, NULL, 0);
}

/* ---- quantile lines ---------------------------------------------------- */

#define MAX_Q 4

struct qmark {
	double x;  /* the line */
	double x0; /* where its label starts: right of it, or left of it
		      when the canvas ends first */
	const char *col;
	char text[48];
};

static int qmark_cmp(const void *pa, const void *pb)
{
	const struct qmark *a = pa, *b = pb;

	return (a->x0 > b->x0) - (a->x0 < b->x0);
}

/*
 * The quantile lines of a panel and their labels, left to right (by
 * x0), each label in the first row (from top + 12, 16 apart) where it
 * keeps 12 pixels from the label before it.
 */
static void quantiles(struct buf *out, const struct qmark *lines, size_t nq,
		      double top, double base)
{
	struct qmark q[MAX_Q];
	static const struct tstyle st_q = {11, "start",	   NULL,
					   1,  "quantile", NULL};
	double end[MAX_Q]; /* per row: where its last label ends */
	size_t i, row, nrows = 0;

	if (!nq)
		return;
	buf_adds(out, "<g class=\"quantiles\" stroke-width=\"1.5\" "
		      "stroke-dasharray=\"4 3\">\n");
	for (i = 0; i < nq; i++)
		buf_addf(out,
			 "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
			 "y2=\"%.1f\" stroke=\"%s\"/>\n",
			 lines[i].x, top, lines[i].x, base, lines[i].col);
	buf_adds(out, "</g>\n");
	memcpy(q, lines, nq * sizeof *q);
	qsort(q, nq, sizeof *q, qmark_cmp);
	for (i = 0; i < nq; i++) {
		struct tstyle st = st_q;
		double w = render_svg_text_width(q[i].text, strlen(q[i].text),
						 st.fs);

		for (row = 0; row < nrows && q[i].x0 < end[row] + 12; row++)
			;
		if (row == nrows)
			nrows++;
		end[row] = q[i].x0 + w;
		st.fill = q[i].col;
		value_label(out, q[i].x0, top + 12 + 16 * (double)row, &st,
			    q[i].text, strlen(q[i].text));
	}
}

/*
 * Adds the p50 and p90 marks of h, in colour col, to q[*nq]; a label
 * goes left of its line when it would pass the canvas (pw + 28 from the
 * plot's left) on its right.
 */
static void add_marks(struct qmark *q, size_t *nq, const struct render_hist *h,
		      double slot, double pw, const char *col, int comma)
{
	struct buf t = BUF_INIT;
	double v[2] = {h->p50, h->p90}, lw;
	int i;

	if (isnan(h->p50) || isnan(h->p90))
		return;
	for (i = 0; i < 2; i++) {
		buf_reset(&t);
		buf_adds(&t, i ? "p90 " : "p50 ");
		num1(&t, v[i], comma);
		q[*nq].x = hist_x(h, v[i], slot);
		q[*nq].col = col;
		snprintf(q[*nq].text, sizeof q[*nq].text, "%s", t.p);
		lw = render_svg_text_width(t.p, t.len, 11);
		q[*nq].x0 = q[*nq].x + 4 + lw > PLOT_L + pw + 28
				    ? q[*nq].x - 4 - lw
				    : q[*nq].x + 4;
		++*nq;
	}
	buf_release(&t);
}

/* ---- one record -------------------------------------------------------- */

static void hist_panel(struct buf *out, const struct render_hist *h,
		       const struct swords *w, double top, double pw)
{
	size_t nb = h->nedges + 1, j, nq = 0;
	double slot = pw / (double)nb, bw = slot * 0.9, max = 0, ymax,
	       base = top + PLOT_H, hh, vw = 0;
	const char *col = render_svg_colour(h->text.p, h->text.len);
	struct qmark q[MAX_Q];
	struct buf t = BUF_INIT;

	for (j = 0; j < nb; j++)
		if ((double)h->counts[j] > max)
			max = (double)h->counts[j];
	/* headroom above the tallest bar for the p50 and p90 labels */
	ymax = render_svg_bars_y_axis(out, top, pw, max * 1.45, w->comma, "");
	buf_addf(out, "<g class=\"bars\" fill=\"%s\">\n", col);
	for (j = 0; j < nb; j++) {
		hh = (double)h->counts[j] / ymax * PLOT_H;
		buf_addf(out,
			 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
			 "height=\"%.1f\"><title>",
			 PLOT_L + (double)j * slot + (slot - bw) / 2, base - hh,
			 bw, hh);
		buf_reset(&t);
		bucket(&t, h, j, w->comma);
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
	x_axis(out, h, w, base, slot);
	add_marks(q, &nq, h, slot, pw, q_col, w->comma);
	quantiles(out, q, nq, top, base);
	buf_release(&t);
}

/* ---- the two outcomes of an event ---------------------------------------- */

/* The share of a group's values in bucket j, in percent. */
static double share(const struct render_hist *h, size_t j)
{
	return h->count ? (double)h->counts[j] * 100 / (double)h->count : 0;
}

static void pair_panel(struct buf *out, const struct render_hist *const hp[2],
		       const struct swords *w, double top, double pw)
{
	const struct render_hist *h = hp[0];
	size_t nb = h->nedges + 1, j, nq = 0;
	double slot = pw / (double)nb, bw = slot * 0.45, max = 0, ymax,
	       base = top + PLOT_H, hh, vw = 0, x;
	struct tstyle stv = st_val;
	struct qmark q[MAX_Q];
	struct buf t = BUF_INIT;
	int k;

	stv.fs = 9;
	for (k = 0; k < 2; k++)
		for (j = 0; j < nb; j++) {
			max = fmax(max, share(hp[k], j));
			buf_reset(&t);
			buf_addf(&t, "%llu",
				 (unsigned long long)hp[k]->counts[j]);
			vw = fmax(vw,
				  render_svg_text_width(t.p, t.len, stv.fs));
		}
	/* headroom above the tallest bar for four quantile labels */
	ymax = render_svg_bars_y_axis(out, top, pw, max * 1.6, w->comma, "%");
	for (k = 0; k < 2; k++) {
		buf_addf(out, "<g class=\"bars\" fill=\"%s\">\n", out_col[k]);
		for (j = 0; j < nb; j++) {
			hh = share(hp[k], j) / ymax * PLOT_H;
			x = PLOT_L + (double)j * slot + slot * 0.05 +
			    (double)k * bw;
			buf_addf(out,
				 "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" "
				 "height=\"%.1f\"><title>",
				 x, base - hh, bw, hh);
			buf_reset(&t);
			buf_adds(&t, k ? w->hist_outcome_other
				       : w->hist_outcome_pay);
			buf_adds(&t, ", ");
			bucket(&t, h, j, w->comma);
			buf_addf(&t, ": %llu %s %llu (",
				 (unsigned long long)hp[k]->counts[j], w->of,
				 (unsigned long long)hp[k]->count);
			num1(&t, share(hp[k], j), w->comma);
			buf_adds(&t, "%)");
			buf_add(out, t.p, t.len); /* our own characters */
			buf_adds(out, "</title></rect>\n");
		}
		buf_adds(out, "</g>\n");
	}
	x_axis(out, h, w, base, slot);
	for (k = 0; k < 2; k++)
		add_marks(q, &nq, hp[k], slot, pw, out_col[k], w->comma);
	quantiles(out, q, nq, top, base);
	/* the counts last, over the quantile lines */
	if (vw + 1 <= bw)
		for (k = 0; k < 2; k++)
			for (j = 0; j < nb; j++) {
				if (!hp[k]->counts[j])
					continue;
				buf_reset(&t);
				buf_addf(&t, "%llu",
					 (unsigned long long)hp[k]->counts[j]);
				value_label(
					out,
					PLOT_L + (double)j * slot +
						slot * 0.05 +
						((double)k + 0.5) * bw,
					base - share(hp[k], j) / ymax * PLOT_H -
						3,
					&stv, t.p, t.len);
			}
	buf_release(&t);
}

/* The other outcome of h[i] among h[0..nh) with the same edges, or nh. */
static size_t partner(const struct render_hist *h, size_t nh, size_t i)
{
	size_t j;

	if (!h[i].outcome || !h[i].has_event)
		return nh;
	for (j = 0; j < nh; j++)
		if (j != i && h[j].has_event &&
		    h[j].outcome == 3 - h[i].outcome &&
		    h[j].text.len == h[i].text.len &&
		    memcmp(h[j].text.p, h[i].text.p, h[i].text.len) == 0 &&
		    h[j].nedges == h[i].nedges && h[j].hours == h[i].hours &&
		    memcmp(h[j].edges, h[i].edges,
			   h[i].nedges * sizeof *h[i].edges) == 0)
			return j;
	return nh;
}

void render_svg_hist(const struct render_opts *o, struct buf *out,
		     const struct render_hist *h, size_t nh)
{
	const struct swords *w = render_lang_swords(o->lang);
	static const struct tstyle st_note = {10, "start", "#777777",
					      0,  "note",  NULL};
	size_t *pair = xmalloc((nh + 1) * sizeof *pair), i;
	struct head *hd = xcalloc(nh + 1, sizeof *hd);
	const struct render_hist *hp[2];
	double pw = render_svg_bars_plot_w(o), height = CHART_TOP + 40, y;
	int pairs = 0;

	for (i = 0; i < nh; i++)
		pair[i] = partner(h, nh, i);
	/* a pair is mutual: a third record of an outcome is drawn alone */
	for (i = 0; i < nh; i++)
		if (pair[i] != nh && pair[pair[i]] != i)
			pair[i] = nh;
	for (i = 0; i < nh; i++) {
		if (pair[i] == nh) {
			single_head(&hd[i], &h[i], o, w, pw);
			height += PANEL_H + hd[i].extra;
		} else if (pair[i] > i) {
			hp[h[i].outcome - 1] = &h[i];
			hp[h[pair[i]].outcome - 1] = &h[pair[i]];
			pair_head(&hd[i], hp, o, w, pw);
			height += PAIR_H + hd[i].extra;
			pairs = 1;
		}
	}
	if (pairs)
		height += render_svg_nlines(w->hist_outcome_note,
					    strlen(w->hist_outcome_note), NULL,
					    st_note.fs, pw, 3) *
			  14;
	height += (render_svg_nlines(w->hist_bucket_note,
				     strlen(w->hist_bucket_note), NULL,
				     st_note.fs, pw, 3) -
		   1) *
		  14;
	render_svg_begin(out, PLOT_L + pw + 32, height);
	render_svg_title(out, o, w->hist_title, NULL, PLOT_L + pw + 32);
	y = CHART_TOP + 56;
	for (i = 0; i < nh; i++) {
		if (pair[i] != nh && pair[i] < i)
			continue;
		y += hd[i].extra + (pair[i] == nh ? 0 : PAIR_H - PANEL_H);
		head_draw(out, &hd[i], y);
		if (pair[i] == nh) {
			hist_panel(out, &h[i], w, y, pw);
		} else {
			hp[h[i].outcome - 1] = &h[i];
			hp[h[pair[i]].outcome - 1] = &h[pair[i]];
			pair_panel(out, hp, w, y, pw);
		}
		y += PANEL_H;
		head_release(&hd[i]);
	}
	y -= 26;
	if (pairs)
		y += render_svg_text_wrap(
			out, PLOT_L, y, 14, &st_note, w->hist_outcome_note,
			strlen(w->hist_outcome_note), NULL, pw, 3);
	render_svg_text_wrap(out, PLOT_L, y, 14, &st_note, w->hist_bucket_note,
			     strlen(w->hist_bucket_note), NULL, pw, 3);
	render_svg_end(out);
	free(pair);
	free(hd);
}
