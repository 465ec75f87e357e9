/*
 * render_telegram.c - the daily metrics as Telegram Bot API sendMessage
 * payloads; see render.h.  Alert records (pulse-metrics --alerts) are
 * written instead when the input has any: a message each, in their order.
 *
 * The text is HTML (parse_mode "HTML"): every string that comes from the
 * records is escaped (& < >), the markup is ours.  It is built as lines,
 * then packed into messages of at most TG_LIMIT UTF-16 code units (markup
 * included, which is stricter than Telegram's count after parsing); a line
 * longer than that is cut between characters or entities, never inside a
 * tag or an entity, its open tags closed at the cut and opened again in the
 * next piece.
 */
#include "render.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jw.h"
#include "ptime.h"

#define TG_LIMIT 4096

/* The lines of the text, each a span of one buffer. */
struct lines {
	struct buf b;
	size_t *end; /* line i is b.p[end[i-1]..end[i]) */
	size_t n, cap;
};

static void line_end(struct lines *l)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 32;
		l->end = xrealloc(l->end, l->cap * sizeof *l->end);
	}
	l->end[l->n++] = l->b.len;
}

static size_t line_start(const struct lines *l, size_t i)
{
	return i ? l->end[i - 1] : 0;
}

static void html_esc(struct buf *out, const char *s, size_t n)
{
	size_t i, run = 0;

	for (i = 0; i < n; i++) {
		const char *e = s[i] == '&'   ? "&amp;"
				: s[i] == '<' ? "&lt;"
				: s[i] == '>' ? "&gt;"
					      : NULL;
		if (!e)
			continue;
		buf_add(out, s + run, i - run);
		buf_adds(out, e);
		run = i + 1;
	}
	buf_add(out, s + run, n - run);
}

/*
 * A user string on one line: control characters (newlines, NUL, DEL, C1)
 * become spaces.
 */
static void html_line(struct buf *out, const char *s, size_t n)
{
	struct buf clean = BUF_INIT;

	render_util_clean(&clean, s, n, " ");
	html_esc(out, clean.p ? clean.p : "", clean.len);
	buf_release(&clean);
}

/* "▲ +10.5% vs the day before (38)" */
static void change(struct buf *b, const struct swords *w, double v, double base,
		   const char *what)
{
	char tmp[64];
	double pct;
	size_t i, n;

	if (isnan(v) || isnan(base) || base == 0) {
		buf_addf(b, "%s %s", w->na, what);
	} else {
		pct = (v - base) / fabs(base) * 100;
		n = (size_t)snprintf(tmp, sizeof tmp, "%.1f", fabs(pct));
		if (w->comma)
			for (i = 0; i < n; i++)
				if (tmp[i] == '.')
					tmp[i] = ',';
		if (v > base)
			buf_addf(b, "▲ +%s%% %s", tmp, what);
		else if (v < base)
			buf_addf(b, "▼ -%s%% %s", tmp, what);
		else
			buf_addf(b, "= %s%% %s", tmp, what);
	}
	if (!isnan(base)) {
		buf_adds(b, " (");
		render_util_num(b, base, w->comma);
		buf_addc(b, ')');
	}
}

static void build_text(const struct render_report *r,
		       const struct render_opts *o, struct lines *l)
{
	const struct swords *w = render_lang_swords(o->lang);
	struct render_series *s;
	size_t ns, i;
	int64_t day = o->day;
	struct buf *b = &l->b;

	ns = render_series_build(r, &s);
	if (day == T_NONE && ns)
		day = s[0].last;
	buf_adds(b, "<b>");
	if (o->title)
		html_line(b, o->title, strlen(o->title));
	else
		buf_adds(b, w->report_title);
	if (day != T_NONE) {
		buf_adds(b, ", ");
		render_util_day(b, day, w->dmy);
		buf_addf(b, " (%s)", w->wdays[render_util_weekday(day)]);
	}
	buf_adds(b, "</b>");
	line_end(l);
	if (!ns) {
		line_end(l);
		buf_adds(b, w->no_metrics);
		line_end(l);
	}
	for (i = 0; i < ns; i++) {
		const struct metric *m = render_series_get(r, &s[i], day);
		double v = m ? m->value : NAN, prev, week;

		/* the day's own record knows the days outside the input */
		prev = m ? m->prev_day : NAN;
		week = m ? m->week_ago : NAN;
		if (!m || isnan(prev)) {
			const struct metric *p =
				render_series_get(r, &s[i], day - 1);
			if (p)
				prev = p->value;
		}
		if (!m || isnan(week)) {
			const struct metric *p =
				render_series_get(r, &s[i], day - 7);
			if (p)
				week = p->value;
		}
		line_end(l);
		buf_adds(b, "<b>");
		html_line(b, sref_p(r, s[i].title), s[i].title.len);
		buf_adds(b, "</b>: ");
		if (isnan(v))
			buf_adds(b, w->na);
		else {
			buf_adds(b, "<b>");
			render_util_num(b, v, w->comma);
			buf_adds(b, "</b>");
		}
		line_end(l);
		change(b, w, v, prev, w->vs_prev);
		line_end(l);
		change(b, w, v, week, w->vs_week);
		line_end(l);
	}
	render_series_free(s, ns);
}

/* v to one decimal, without ".0", with a decimal comma when comma. */
static void num1(struct buf *b, double v, int comma)
{
	char t[64];
	int n = snprintf(t, sizeof t, "%.1f", v), i;

	if (n > 2 && t[n - 1] == '0' && t[n - 2] == '.')
		t[n -= 2] = '\0';
	for (i = 0; comma && i < n; i++)
		if (t[i] == '.')
			t[i] = ',';
	buf_adds(b, t);
}

/* A local time YYYY-MM-DDTHH:MM:SS as the day and HH:MM. */
static void local_time(const struct render_report *r, struct sref s,
		       const struct swords *w, struct buf *b)
{
	struct ptime t;

	if (s.len == 19 && ptime_parse(sref_p(r, s), s.len, &t) == 0) {
		render_util_day(b, ptime_day(t.sec), w->dmy);
		buf_addf(b, " %.5s", sref_p(r, s) + 11);
	} else {
		html_line(b, sref_p(r, s), s.len);
	}
}

/* The lines of alert a: what broke, on which day, against what. */
static void alert_text(const struct render_report *r, const struct alert *a,
		       const struct render_opts *o, struct lines *l)
{
	const struct swords *w = render_lang_swords(o->lang);
	struct sref name = sref_null(a->title) ? a->metric : a->title;
	struct buf *b = &l->b;

	buf_addf(b, "⚠️ <b>%s: ",
		 a->rule == ALERT_SILENT ? w->a_silent : w->a_alert);
	html_line(b, sref_p(r, name), name.len);
	buf_adds(b, "</b>");
	line_end(l);
	render_util_day(b, a->day, w->dmy);
	buf_addf(b, " (%s)", w->wdays[render_util_weekday(a->day)]);
	if (!sref_null(a->until)) {
		buf_addf(b, ", %s ", w->a_until);
		html_line(b, sref_p(r, a->until),
			  a->until.len > 5 ? 5 : a->until.len);
	}
	line_end(l);
	if (a->rule == ALERT_SILENT) {
		if (isnan(a->value)) {
			buf_adds(b, w->a_none);
		} else {
			buf_addf(b, "%s <b>", w->a_silent_for);
			num1(b, a->value, w->comma);
			buf_addf(b, " %s</b>", w->a_hours);
		}
		buf_addf(b, "; %s ", w->a_allowed);
		num1(b, a->max_hours, w->comma);
		buf_addf(b, " %s", w->a_hours);
		line_end(l);
		if (!sref_null(a->last)) {
			buf_addf(b, "%s ", w->a_last);
			local_time(r, a->last, w, b);
			line_end(l);
		}
		return;
	}
	buf_adds(b, "<b>");
	render_util_num(b, a->value, w->comma);
	buf_adds(b, "</b>: ");
	if (a->rule == ALERT_ZERO) {
		buf_adds(b, w->a_zero);
	} else {
		buf_adds(b, w->a_pct_pre);
		num1(b, a->mean > 0 ? (a->mean - a->value) / a->mean * 100 : 0,
		     w->comma);
		buf_addf(b, "%% %s ", w->a_below);
		num1(b, a->mean, w->comma);
	}
	line_end(l);
	buf_addf(b, "(%s %lld %s: %lld–%lld)", w->a_band, (long long)a->weeks,
		 w->a_weeks, (long long)a->min, (long long)a->max);
	line_end(l);
}

/* UTF-16 code units of the UTF-8 sequence that starts with c. */
static size_t u16_units(unsigned char c)
{
	return c >= 0xf0 ? 2 : (c & 0xc0) == 0x80 ? 0 : 1;
}

static size_t u16_len(const char *s, size_t n)
{
	size_t i, k = 0;

	for (i = 0; i < n; i++)
		k += u16_units((unsigned char)s[i]);
	return k;
}

/* The next token of HTML text at s: a tag, an entity or one character. */
static size_t token(const char *s, size_t n)
{
	const char *e;
	size_t k = 1;

	if (s[0] == '<' || s[0] == '&') {
		e = memchr(s, s[0] == '<' ? '>' : ';', n);
		if (e)
			return (size_t)(e - s) + 1;
	}
	while (k < n && ((unsigned char)s[k] & 0xc0) == 0x80)
		k++;
	return k;
}

struct msgs {
	struct buf cur; /* the message being packed */
	size_t units;
	const char *chat_id;
	int numeric;
	struct buf *out;
};

static void msg_flush(struct msgs *m)
{
	struct buf *o = m->out;

	/* no empty lines at the ends: Telegram would trim them */
	while (m->cur.len && m->cur.p[m->cur.len - 1] == '\n')
		m->cur.len--;
	if (!m->cur.len)
		return;
	buf_adds(o, "{\"chat_id\":");
	if (m->numeric)
		buf_adds(o, m->chat_id);
	else
		jw_cstr(o, m->chat_id);
	buf_adds(o, ",\"text\":");
	jw_str(o, m->cur.p, m->cur.len);
	buf_adds(o, ",\"parse_mode\":\"HTML\"}\n");
	buf_reset(&m->cur);
	m->units = 0;
}

/* Adds one line (at most TG_LIMIT units) to the message, or to a new one. */
static void msg_line(struct msgs *m, const char *s, size_t n)
{
	size_t u = u16_len(s, n);

	if (m->units && m->units + 1 + u > TG_LIMIT)
		msg_flush(m);
	if (!m->units && !n)
		return; /* no message starts with an empty line */
	if (m->units || m->cur.len) {
		buf_addc(&m->cur, '\n');
		m->units++;
	}
	buf_add(&m->cur, s, n);
	m->units += u;
}

#define MAX_OPEN 8

/* Cuts a long line into pieces that each close the tags they open. */
static void msg_long_line(struct msgs *m, const char *s, size_t n)
{
	struct buf piece = BUF_INIT;
	const char *open[MAX_OPEN];
	size_t openlen[MAX_OPEN], nopen = 0, units = 0, base = 0, closing = 0;
	size_t i, j, t, tu, after;
	int opens, closes;

	for (i = 0; i < n; i += t) {
		t = token(s + i, n - i);
		tu = u16_len(s + i, t);
		closes = s[i] == '<' && t > 2 && s[i + 1] == '/' && nopen;
		opens = s[i] == '<' && t > 2 && s[i + 1] != '/' &&
			s[t - 2 + i] != '/' && nopen < MAX_OPEN;
		after = closing;
		if (closes)
			after -= openlen[nopen - 1] + 3;
		if (opens)
			after += strcspn(s + i + 1, " >") + 3;
		if (units > base && units + tu + after > TG_LIMIT) {
			/* close what is open before this token, reopen after */
			for (j = nopen; j-- > 0;)
				buf_addf(&piece, "</%.*s>", (int)openlen[j],
					 open[j]);
			msg_line(m, piece.p, piece.len);
			msg_flush(m);
			buf_reset(&piece);
			for (j = 0; j < nopen; j++)
				buf_addf(&piece, "<%.*s>", (int)openlen[j],
					 open[j]);
			units = base = u16_len(piece.p, piece.len);
		}
		if (closes)
			nopen--;
		if (opens) {
			open[nopen] = s + i + 1;
			openlen[nopen] = strcspn(s + i + 1, " >");
			nopen++;
		}
		closing = after;
		buf_add(&piece, s + i, t);
		units += tu;
	}
	if (piece.len)
		msg_line(m, piece.p, piece.len);
	buf_release(&piece);
}

static int is_number(const char *s)
{
	size_t i = s[0] == '-', n = strlen(s);

	if (i == n || n - i > 18)
		return 0;
	if (s[i] == '0' && n - i > 1)
		return 0;
	for (; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* What render_telegram_funnel.c writes its lines with (render.h). */
struct buf *render_tg_buf(void *lines)
{
	return &((struct lines *)lines)->b;
}

void render_tg_end(void *lines)
{
	line_end(lines);
}

void render_tg_html(struct buf *out, const char *s, size_t n)
{
	html_line(out, s, n);
}

/* Packs the lines into messages, the last one flushed. */
static void pack(struct msgs *m, const struct lines *l)
{
	size_t i, a, n;

	for (i = 0; i < l->n; i++) {
		a = line_start(l, i);
		n = l->end[i] - a;
		if (u16_len(l->b.p + a, n) > TG_LIMIT)
			msg_long_line(m, l->b.p + a, n);
		else
			msg_line(m, l->b.p + a, n);
	}
	msg_flush(m);
}

void render_telegram(const struct render_report *r, const struct render_opts *o,
		     struct buf *out)
{
	struct lines l = {BUF_INIT, NULL, 0, 0};
	struct msgs m = {BUF_INIT, 0, o->chat_id, is_number(o->chat_id), out};
	size_t i;

	if (!r->nalerts && !r->nmetrics && r->n) {
		/* ticket records only: the ticket report's digest */
		render_telegram_tickets(r, o, &l);
		pack(&m, &l);
	} else if (!r->nalerts && !r->nmetrics && r->nrecs) {
		/* funnel records only: the leads funnel's digest */
		render_telegram_funnel(r, o, &l);
		pack(&m, &l);
	} else if (!r->nalerts) {
		build_text(r, o, &l);
		pack(&m, &l);
	}
	/* alerts: a message each (or more, when long), in input order */
	for (i = 0; i < r->nalerts; i++) {
		buf_reset(&l.b);
		l.n = 0;
		alert_text(r, &r->alerts[i], o, &l);
		pack(&m, &l);
	}
	buf_release(&m.cur);
	buf_release(&l.b);
	free(l.end);
}
