/*
 * render_svg.c - one chart in SVG 1.1; see render.h and render_svg.h.
 *
 *  - link records: a Sankey diagram (laid out by render_sankey.c, drawn by
 *    render_svg_sankey.c);
 *  - metric records: one bar chart per metric, a bar per day, the report's
 *    last day darker, the mean of the 7 days before as a dashed line
 *    (render_svg_bars.c);
 *  - histogram records: one bar chart per record, a bar per bucket, the
 *    edges under the bucket boundaries, p50 and p90 marked
 *    (render_svg_bars.c).
 *
 * This file holds what they draw with: text widths, escaping, <text>, the
 * document and its title.  Every string from the records is escaped.
 */
#include "render_svg.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FONT "DejaVu Sans, Verdana, Arial, sans-serif"

const char *const render_svg_palette[20] = {
	"#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#b07aa1",
	"#76b7b2", "#edc948", "#9c755f", "#ff9da7", "#499894",
	"#d37295", "#86bcb6", "#b6992d", "#a0cbe8", "#8cd17d",
	"#79706e", "#ffbe7d", "#d4a6c8", "#9d7660", "#bab0ac",
};

const char *render_svg_colour(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return render_svg_palette[h % 20];
}

/* ---- text ---------------------------------------------------------------- */
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

double render_svg_text_width(const char *s, size_t n, double fs)
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

size_t render_svg_fit(const char *s, size_t n, double fs, double maxw)
{
	double w = 0;
	uint32_t cp;
	size_t i = 0, l;

	while (i < n) {
		l = utf8_next(s + i, n - i, &cp);
		if (w + advance(cp) * fs > maxw)
			break;
		w += advance(cp) * fs;
		i += l;
	}
	return i;
}

void render_svg_esc(struct buf *out, const char *s, size_t n)
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
			else if (c == 0xc2 && i + 1 < n &&
				 (unsigned char)s[i + 1] <= 0x9f &&
				 (unsigned char)s[i + 1] >= 0x80) {
				buf_addc(out, ' '); /* C1 */
				i++;
			} else if (c == 0xef && i + 2 < n &&
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

void render_svg_text(struct buf *out, double x, double y,
		     const struct tstyle *t, const char *s, size_t n,
		     const char *suffix, double maxw)
{
	size_t sl = suffix ? strlen(suffix) : 0, keep = n;
	double w = render_svg_text_width(s, n, t->fs) +
		   render_svg_text_width(suffix, sl, t->fs);

	if (maxw > 0 && w > maxw)
		keep = fit_bytes(
			s, n, t->fs,
			maxw - render_svg_text_width(suffix, sl, t->fs));
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
		render_svg_esc(out, s, n);
		render_svg_esc(out, suffix, sl);
		buf_adds(out, "</title>");
	}
	render_svg_esc(out, s, keep);
	if (keep < n)
		buf_adds(out, "…");
	render_svg_esc(out, suffix, sl);
	buf_adds(out, "</text>\n");
}

/* ---- wrapped text ---------------------------------------------------------
 */

static size_t sfx_skip(const struct render_svg_line *l, const char *suffix)
{
	size_t i = 0;

	if (!l->len && !l->ell)
		while (suffix[i] == ' ')
			i++;
	return i;
}

static double line_width(const char *s, const char *suffix, double fs,
			 const struct render_svg_line *l)
{
	double w = render_svg_text_width(s + l->off, l->len, fs);

	if (l->ell)
		w += advance(0x2026) * fs;
	if (l->suf) {
		size_t k = sfx_skip(l, suffix);

		w += render_svg_text_width(suffix + k, strlen(suffix + k), fs);
	}
	return w;
}

/*
 * The end of the line that starts at s[i] (not a space) in maxw: whole
 * words, or as much of a word too wide for a line of its own (at least
 * one character).
 */
static size_t line_end(const char *s, size_t n, size_t i, double fs,
		       double maxw)
{
	size_t end = i, j, w = i;

	for (;;) {
		for (j = end; j < n && s[j] == ' '; j++)
			;
		for (w = j; w < n && s[w] != ' '; w++)
			;
		if (w == j || render_svg_text_width(s + i, w - i, fs) > maxw)
			break;
		end = w;
	}
	if (end > i)
		return end;
	end = i + render_svg_fit(s + i, w - i, fs, maxw);
	if (end == i) /* one character, however wide */
		for (end = i + 1; end < n && (s[end] & 0xc0) == 0x80; end++)
			;
	return end;
}

/*
 * The suffix does not fit after line l[nl - 1]: moves its last word to a
 * line of its own, l[nl], with the suffix after it, when that fits.
 * @return 1 when moved.
 */
static int move_last_word(const char *s, const char *sfx, double fs,
			  double maxw, struct render_svg_line *l, size_t nl)
{
	struct render_svg_line *a = &l[nl - 1], *b = &l[nl];
	size_t sp = a->len;

	while (sp > 0 && s[a->off + sp - 1] != ' ')
		sp--;
	if (sp == 0)
		return 0;
	b->off = a->off + sp;
	b->len = a->len - sp;
	b->ell = 0;
	b->suf = 1;
	if (line_width(s, sfx, fs, b) > maxw)
		return 0;
	while (sp > 0 && s[a->off + sp - 1] == ' ')
		sp--;
	a->len = sp;
	return 1;
}

size_t render_svg_wrap(const char *s, size_t n, const char *suffix, double fs,
		       double maxw, struct render_svg_line *l, size_t max)
{
	const char *sfx = suffix ? suffix : "";
	size_t i = 0, end, f, nl = 0;
	struct render_svg_line *c;
	double room;

	while (i < n && nl <= max) {
		while (i < n && s[i] == ' ')
			i++;
		if (i >= n)
			break;
		end = line_end(s, n, i, fs, maxw);
		if (nl < max) {
			l[nl].off = i;
			l[nl].len = end - i;
			l[nl].ell = l[nl].suf = 0;
		}
		nl++;
		i = end;
	}
	if (nl <= max) {
		if (!*sfx && nl)
			return nl;
		if (nl) { /* the suffix after the last line, if it fits */
			l[nl - 1].suf = 1;
			if (line_width(s, sfx, fs, &l[nl - 1]) <= maxw)
				return nl;
			l[nl - 1].suf = 0;
		}
		if (nl && nl < max && sfx[0] != ' ' &&
		    move_last_word(s, sfx, fs, maxw, l, nl))
			return nl + 1;
		if (nl < max) {
			l[nl].off = n;
			l[nl].len = 0;
			l[nl].ell = 0;
			l[nl].suf = 1;
			return nl + 1;
		}
	}
	/* cut: the last line holds what fits of the rest, "…" and the suffix */
	c = &l[max - 1];
	c->ell = c->suf = 1;
	c->len = 0;
	room = maxw - line_width(s, sfx, fs, c);
	f = room > 0 ? render_svg_fit(s + c->off, n - c->off, fs, room) : 0;
	while (f > 0 && s[c->off + f - 1] == ' ')
		f--;
	c->len = f;
	return max;
}

size_t render_svg_nlines(const char *s, size_t n, const char *suffix, double fs,
			 double maxw, size_t max)
{
	struct render_svg_line *l = xmalloc((max + 1) * sizeof *l);
	size_t nl = render_svg_wrap(s, n, suffix, fs, maxw, l, max);

	free(l);
	return nl;
}

double render_svg_text_lines(struct buf *out, double x, double y, double lh,
			     const struct tstyle *t, const char *s, size_t n,
			     const char *suffix,
			     const struct render_svg_line *l, size_t nl,
			     int title)
{
	const char *sfx = suffix ? suffix : "";
	int cut = nl && l[nl - 1].ell;
	size_t i, k;

	for (i = 0; i < nl; i++) {
		buf_addf(out, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%.1f\"",
			 x, y + (double)i * lh, t->fs);
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
		if (cut && title && i == 0) {
			buf_adds(out, "<title>");
			render_svg_esc(out, s, n);
			render_svg_esc(out, sfx, strlen(sfx));
			buf_adds(out, "</title>");
		}
		render_svg_esc(out, s + l[i].off, l[i].len);
		if (l[i].ell)
			buf_adds(out, "…");
		if (l[i].suf) {
			k = sfx_skip(&l[i], sfx);
			render_svg_esc(out, sfx + k, strlen(sfx + k));
		}
		buf_adds(out, "</text>\n");
	}
	return (double)nl * lh;
}

double render_svg_text_wrap(struct buf *out, double x, double y, double lh,
			    const struct tstyle *t, const char *s, size_t n,
			    const char *suffix, double maxw, size_t max)
{
	struct render_svg_line *l = xmalloc((max + 1) * sizeof *l);
	size_t nl = render_svg_wrap(s, n, suffix, t->fs, maxw, l, max);
	double h =
		render_svg_text_lines(out, x, y, lh, t, s, n, suffix, l, nl, 1);

	free(l);
	return h;
}

void render_svg_textc(struct buf *out, double x, double y,
		      const struct tstyle *t, const char *s)
{
	render_svg_text(out, x, y, t, s, strlen(s), NULL, 0);
}

void render_svg_begin(struct buf *out, double w, double h)
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

void render_svg_begin_fit(struct buf *out, double w, double h, double maxw)
{
	double dw = w, dh = h;

	if (maxw > 0 && w > maxw) {
		dw = maxw;
		dh = ceil(h * maxw / w);
	}
	buf_addf(out,
		 "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		 "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" "
		 "width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
		 "font-family=\"%s\">\n"
		 "<rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" "
		 "fill=\"#ffffff\"/>\n",
		 dw, dh, w, h, FONT, w, h);
}

void render_svg_end(struct buf *out)
{
	buf_adds(out, "</svg>\n");
}

static const struct tstyle st_title = {18, "start", "#222222",
				       1,  "title", NULL};
const struct tstyle render_svg_st_sub = {12, "start",	 "#555555",
					 0,  "subtitle", NULL};

void render_svg_title(struct buf *out, const struct render_opts *o,
		      const char *dflt, const char *sub, double w)
{
	const char *t = o->title ? o->title : dflt;

	render_svg_text(out, 24, 34, &st_title, t, strlen(t), NULL, w - 48);
	if (sub)
		render_svg_text(out, 24, 54, &render_svg_st_sub, sub,
				strlen(sub), NULL, w - 48);
}

static void no_data(struct buf *out, const struct render_opts *o,
		    const char *dflt, const struct swords *w)
{
	static const struct tstyle st = {14, "start", "#555555",
					 0,  "label", NULL};

	render_svg_begin(out, 480, 120);
	render_svg_title(out, o, dflt, NULL, 480);
	render_svg_textc(out, 24, 80, &st, w->no_data);
	render_svg_end(out);
}

void render_svg(const struct render_report *r, const struct render_opts *o,
		struct buf *out)
{
	const struct swords *w = render_lang_swords(o->lang);
	const char *chart = o->chart;
	struct render_hist *h = NULL;
	size_t nh;

	/* main.c picked the chart of the records, or left none: no records */
	if (!chart)
		no_data(out, o, "pulse", w);
	else if (strcmp(chart, "sankey") == 0) {
		if (r->nlinks)
			render_svg_sankey(r, o, out);
		else
			no_data(out, o, w->sankey_title, w);
	} else if (strcmp(chart, "metrics") == 0) {
		if (r->nmetrics)
			render_svg_bars_metrics(r, o, out);
		else
			no_data(out, o, w->metrics_title, w);
	} else {
		nh = render_hist_load(r, &h);
		if (nh)
			render_svg_hist(o, out, h, nh);
		else
			no_data(out, o, w->hist_title, w);
		render_hist_free(h, nh);
		free(h);
	}
}
