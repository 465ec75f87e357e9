/*
 * render_md.c - the ticket report in Markdown; see render.h and render_md.h
 * (the tables of pulse-tally's records at its end are render_md_tally.c).
 */
#include "render_md.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hmap.h"
#include "ptime.h"

#define NAME_CHARS 40
#define EMAIL_CHARS 60
#define MAX_UNCLEAR 30 /* undecided tickets listed */

static int64_t floordiv(int64_t a, int64_t b)
{
	return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

static void add_date(struct md *m, int64_t day)
{
	int64_t y;
	unsigned mo, d;

	ptime_civil_from_days(day, &y, &mo, &d);
	if (m->w->dmy)
		buf_addf(m->out, "%02u.%02u.%04lld", d, mo, (long long)y);
	else
		buf_addf(m->out, "%04lld-%02u-%02u", (long long)y, mo, d);
}

void render_md_date(struct md *m, int64_t day)
{
	add_date(m, day);
}

static void add_date_of(struct md *m, int64_t sec)
{
	if (sec == T_NONE)
		buf_adds(m->out, "—");
	else
		add_date(m, ptime_day(sec));
}

static void add_str(struct md *m, struct sref s, size_t maxchars)
{
	if (sref_null(s))
		buf_adds(m->out, "—");
	else
		render_util_md_cell(m->out, sref_p(m->r, s), s.len, maxchars);
}

/* The subject, else the summary of the first message. */
static void add_subject(struct md *m, const struct ticket *t)
{
	if (!sref_null(t->subject) && t->subject.len > 0)
		add_str(m, t->subject, RENDER_MD_SUBJECT_CHARS);
	else
		add_str(m, t->summary, RENDER_MD_SUBJECT_CHARS);
}

/* What the customer wants: the excerpt of the latest message, else the
 * subject (records from before pulse-classify wrote excerpts). */
static void add_request(struct md *m, const struct ticket *t)
{
	if (!sref_null(t->excerpt) && t->excerpt.len > 0)
		render_util_md_cell(m->out, sref_p(m->r, t->excerpt),
				    t->excerpt.len, RENDER_MD_EXCERPT_CHARS);
	else
		add_subject(m, t);
}

/* Who wrote the latest message (from_*), else the correspondent. */
static struct sref from_name(const struct ticket *t)
{
	return sref_null(t->from_email) && sref_null(t->from_name)
		       ? t->name
		       : t->from_name;
}

static struct sref from_email(const struct ticket *t)
{
	return sref_null(t->from_email) ? t->email : t->from_email;
}

/* "Name, address" of who wrote the latest message. */
static void add_from(struct md *m, const struct ticket *t)
{
	struct sref n = from_name(t), e = from_email(t);

	if (!sref_null(n) && n.len) {
		add_str(m, n, NAME_CHARS);
		if (sref_null(e))
			return;
		buf_adds(m->out, ", ");
	}
	add_str(m, e, EMAIL_CHARS);
}

static void add_id(struct md *m, const struct ticket *t, int bold)
{
	buf_addf(m->out, bold ? "**%lld**" : "%lld", (long long)t->id);
}

void render_md_hr(struct md *m)
{
	buf_adds(m->out, "---\n\n");
}

/* A table header from "A|B|C": the names and a rule as wide as each. */
void render_md_table_head(struct md *m, const char *cols)
{
	const char *p = cols, *bar;
	size_t n;

	buf_adds(m->out, "|");
	for (p = cols;; p = bar + 1) {
		bar = strchr(p, '|');
		n = bar ? (size_t)(bar - p) : strlen(p);
		buf_addc(m->out, ' ');
		buf_add(m->out, p, n);
		buf_adds(m->out, " |");
		if (!bar)
			break;
	}
	buf_adds(m->out, "\n|");
	for (p = cols;; p = bar + 1) {
		bar = strchr(p, '|');
		n = bar ? (size_t)(bar - p) : strlen(p);
		n = render_util_chars(p, n) + 2;
		while (n--)
			buf_addc(m->out, '-');
		buf_addc(m->out, '|');
		if (!bar)
			break;
	}
	buf_addc(m->out, '\n');
}

void render_md_table_head2(struct md *m, const char *a, const char *b)
{
	char cols[160];

	snprintf(cols, sizeof cols, "%s|%s", a, b);
	render_md_table_head(m, cols);
}

static void add_count(struct md *m, uint64_t n, const char *const noun[3])
{
	render_lang_count(m->w, m->out, n, noun);
}

static void add_fixed1(struct md *m, double v)
{
	buf_addf(m->out, "%.1f", v);
}

static void add_pct(struct md *m, uint64_t part, uint64_t whole)
{
	add_fixed1(m, whole ? 100.0 * (double)part / (double)whole : 0.0);
	buf_addc(m->out, '%');
}

/* ---- header and totals --------------------------------------------------- */

static void header(struct md *m, const uint64_t *cats)
{
	const struct words *w = m->w;
	const char *title;
	uint64_t open = 0, i;
	int64_t y;
	unsigned mo, d;

	for (i = 0; i < CAT_FIRST_CLOSED; i++)
		open += cats[i];
	title = m->o->title ? m->o->title : w->title;
	buf_adds(m->out, "# ");
	render_util_clean(m->out, title, strlen(title), " ");
	buf_addf(m->out, "\n\n**%s:** ", w->as_of);
	if (m->r->as_of == T_NONE) {
		buf_adds(m->out, "—");
	} else {
		int64_t s = m->r->as_of - ptime_day(m->r->as_of) * 86400;

		ptime_civil_from_days(ptime_day(m->r->as_of), &y, &mo, &d);
		buf_addf(m->out, "%u %s %lld, %02d:%02d UTC", d,
			 w->months[mo - 1], (long long)y, (int)(s / 3600),
			 (int)(s / 60 % 60));
	}
	buf_addf(m->out, "  \n**%s:** ", w->source);
	add_count(m, m->r->n, w->ticket);
	buf_adds(m->out, ", ");
	add_count(m, m->r->messages, w->message);
	buf_adds(m->out, "\n\n");
	render_md_hr(m);

	buf_addf(m->out, "## %s\n\n", w->totals);
	render_md_table_head2(m, w->metric, w->value);
	buf_addf(m->out, "| **%s** | %zu |\n", w->t_total, m->r->n);
	buf_addf(m->out, "| **%s** | %llu |\n", w->t_open,
		 (unsigned long long)open);
	buf_addf(m->out, "| **%s** | %llu |\n", w->t_closed,
		 (unsigned long long)(m->r->n - open - cats[CAT_UNCLEAR]));
	buf_addf(m->out, "| **%s** | %llu |\n\n", m->mw->t_unclear,
		 (unsigned long long)cats[CAT_UNCLEAR]);
	render_md_hr(m);
}

static const uint64_t *cat_counts; /* for by_cat_count (qsort) */

/* Most tickets first, then the report's order of categories. */
static int by_cat_count(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	if (cat_counts[x] != cat_counts[y])
		return cat_counts[x] > cat_counts[y] ? -1 : 1;
	return (x > y) - (x < y);
}

/* The open and the closed categories, each by count; UNCLEAR is neither
 * (undecided(), after the lists). */
static void categories(struct md *m, const uint64_t *cats)
{
	const struct words *w = m->w;
	char cols[128];
	int c, half, order[CAT_N], n;

	snprintf(cols, sizeof cols, "%s|%s|%s", w->category, w->count,
		 w->description);
	cat_counts = cats;
	for (half = 0; half < 2; half++) {
		n = 0;
		for (c = half ? CAT_FIRST_CLOSED : 0;
		     c < (half ? CAT_N : CAT_FIRST_CLOSED); c++)
			if (c != CAT_UNCLEAR)
				order[n++] = c;
		qsort(order, (size_t)n, sizeof *order, by_cat_count);
		buf_addf(m->out, "## %s\n\n",
			 half ? w->closed_by_cat : w->open_by_cat);
		render_md_table_head(m, cols);
		for (c = 0; c < n; c++)
			buf_addf(m->out,
				 half ? "| **%s** | %llu | %s |\n"
				      : "| %s | %llu | %s |\n",
				 render_load_cats[order[c]],
				 (unsigned long long)cats[order[c]],
				 w->cat_desc[order[c]]);
		buf_addc(m->out, '\n');
		render_md_hr(m);
	}
}

/* ---- the lists ----------------------------------------------------------- */

struct list {
	const struct ticket **t;
	size_t n;
};

/* Odoo's priority descending, then days_waiting descending (null last),
 * then ticket id. */
static int by_days(const void *a, const void *b)
{
	const struct ticket *x = *(const struct ticket *const *)a;
	const struct ticket *y = *(const struct ticket *const *)b;

	if (x->stars != y->stars) /* Odoo's priority first */
		return x->stars > y->stars ? -1 : 1;
	if (x->days != y->days)
		return x->days > y->days ? -1 : 1; /* T_NONE is the smallest */
	return (x->id > y->id) - (x->id < y->id);
}

/* The newest first, then ticket id. */
static int by_created(const void *a, const void *b)
{
	const struct ticket *x = *(const struct ticket *const *)a;
	const struct ticket *y = *(const struct ticket *const *)b;

	if (x->created != y->created)
		return x->created > y->created ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static int64_t last_answer(const struct ticket *t)
{
	return t->last_out != T_NONE ? t->last_out : t->last_ts;
}

/* The most recent answer first, then ticket id. */
static int by_answer(const void *a, const void *b)
{
	const struct ticket *x = *(const struct ticket *const *)a;
	const struct ticket *y = *(const struct ticket *const *)b;
	int64_t dx = last_answer(x), dy = last_answer(y);

	dx = dx == T_NONE ? T_NONE : ptime_day(dx);
	dy = dy == T_NONE ? T_NONE : ptime_day(dy);
	if (dx != dy)
		return dx > dy ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static void collect(const struct render_report *r, struct list *l, int prio,
		    int cat1, int cat2, int (*cmp)(const void *, const void *))
{
	size_t i;

	l->t = xmalloc((r->n ? r->n : 1) * sizeof *l->t);
	l->n = 0;
	for (i = 0; i < r->n; i++) {
		const struct ticket *t = &r->t[i];

		if (prio != PRIO_NONE
			    ? (int)t->prio == prio
			    : (int)t->cat == cat1 || (int)t->cat == cat2)
			l->t[l->n++] = t;
	}
	qsort(l->t, l->n, sizeof *l->t, cmp);
}

static void heading_count(struct md *m, const char *level, const char *text,
			  size_t n)
{
	buf_addf(m->out, "%s %s (", level, text);
	add_count(m, n, m->w->ticket);
	buf_adds(m->out, ")\n\n");
}

static void critical(struct md *m, const struct list *l)
{
	size_t i;

	buf_addf(m->out, "## %s\n\n", m->w->crit_h2);
	heading_count(m, "###", m->w->crit_h3, l->n);
	if (!l->n) {
		buf_addf(m->out, "%s\n\n", m->w->none);
		render_md_hr(m);
		return;
	}
	render_md_table_head(m, m->w->crit_cols);
	for (i = 0; i < l->n; i++) {
		const struct ticket *t = l->t[i];
		int64_t a = t->first_in != T_NONE ? t->first_in : t->created;
		int64_t b = t->last_in != T_NONE ? t->last_in : a;

		buf_adds(m->out, "| ");
		add_id(m, t, 1);
		buf_adds(m->out, " | ");
		add_date_of(m, a);
		if (b != T_NONE && a != T_NONE &&
		    ptime_day(b) != ptime_day(a)) {
			buf_adds(m->out, " – ");
			add_date_of(m, b);
		}
		buf_adds(m->out, " | ");
		add_from(m, t);
		buf_adds(m->out, " | ");
		add_request(m, t);
		buf_adds(m->out, " |\n");
	}
	buf_addf(m->out, "\n%s\n\n", m->w->crit_action);
	render_md_hr(m);
}

static void sec_high(struct md *m, const struct list *l, const struct list *pr)
{
	size_t i;

	buf_addf(m->out, "## %s\n\n", m->w->high_h2);
	heading_count(m, "###", m->w->high_h3, l->n);
	if (!l->n) {
		buf_addf(m->out, "%s\n\n", m->w->none);
	} else {
		render_md_table_head(m, m->w->high_cols);
		for (i = 0; i < l->n; i++) {
			const struct ticket *t = l->t[i];

			buf_adds(m->out, "| ");
			add_id(m, t, 1);
			buf_adds(m->out, " | ");
			add_date_of(m, t->first_in != T_NONE ? t->first_in
							     : t->created);
			buf_adds(m->out, " | ");
			add_from(m, t);
			buf_adds(m->out, " | ");
			add_request(m, t);
			buf_adds(m->out, " |\n");
		}
		buf_addf(m->out, "\n%s\n\n", m->w->high_action);
	}
	heading_count(m, "###", m->w->prec_h3, pr->n);
	if (!pr->n) {
		buf_addf(m->out, "%s\n\n", m->w->none);
	} else {
		render_md_table_head(m, m->w->prec_cols);
		for (i = 0; i < pr->n; i++) {
			const struct ticket *t = pr->t[i];

			buf_adds(m->out, "| ");
			add_id(m, t, 1);
			buf_adds(m->out, " | ");
			add_request(m, t);
			buf_adds(m->out, " | ");
			add_date_of(m, t->last_ts != T_NONE ? t->last_ts
							    : t->last_out);
			buf_adds(m->out, " |\n");
		}
		buf_addc(m->out, '\n');
	}
	render_md_hr(m);
}

/* "0–1 days", "3 days", "1 day" / "0–1 дн.": the range of days_waiting. */
static void days_range(struct md *m, const struct list *l)
{
	int64_t lo = INT64_MAX, hi = INT64_MIN;
	size_t i;

	for (i = 0; i < l->n; i++) {
		if (l->t[i]->days == T_NONE)
			continue;
		if (l->t[i]->days < lo)
			lo = l->t[i]->days;
		if (l->t[i]->days > hi)
			hi = l->t[i]->days;
	}
	if (hi == INT64_MIN)
		return;
	buf_adds(m->out, ", ");
	if (lo != hi)
		buf_addf(m->out, "%lld–", (long long)lo);
	if (m->w->days_abbr)
		buf_addf(m->out, "%lld %s", (long long)hi, m->w->days_abbr);
	else if (lo != hi)
		buf_addf(m->out, "%lld %s", (long long)hi, m->w->day[2]);
	else
		add_count(m, (uint64_t)(hi < 0 ? -hi : hi), m->w->day);
}

static void waiting(struct md *m, int which, const struct list *l)
{
	size_t i;

	buf_addf(m->out, "## %s", m->w->wait_h2[which]);
	days_range(m, l);
	buf_adds(m->out, " (");
	add_count(m, l->n, m->w->ticket);
	buf_adds(m->out, ")\n\n");
	if (!l->n) {
		buf_addf(m->out, "%s\n\n", m->w->none);
		render_md_hr(m);
		return;
	}
	render_md_table_head(m, m->w->wait_cols);
	for (i = 0; i < l->n; i++) {
		const struct ticket *t = l->t[i];

		buf_adds(m->out, "| ");
		add_id(m, t, which < 2);
		buf_adds(m->out, " | ");
		add_str(m, from_name(t), NAME_CHARS);
		buf_adds(m->out, " | ");
		add_str(m, from_email(t), EMAIL_CHARS);
		buf_adds(m->out, " | ");
		add_request(m, t);
		buf_adds(m->out, " | ");
		render_md_stars(m, t->stars);
		if (t->days == T_NONE)
			buf_adds(m->out, " | — |\n");
		else
			buf_addf(m->out, " | %lld |\n", (long long)t->days);
	}
	buf_addc(m->out, '\n');
	render_md_hr(m);
}

static void recent(struct md *m, const struct list *l)
{
	size_t i;

	heading_count(m, "##", m->w->recent_h2, l->n);
	if (!l->n) {
		buf_addf(m->out, "%s\n\n", m->w->none);
		render_md_hr(m);
		return;
	}
	buf_addf(m->out, "%s\n\n", m->w->recent_intro);
	render_md_table_head(m, m->w->recent_cols);
	for (i = 0; i < l->n; i++) {
		const struct ticket *t = l->t[i];
		int64_t a = last_answer(t), ago;

		buf_adds(m->out, "| ");
		add_id(m, t, 0);
		buf_adds(m->out, " | ");
		if (a == T_NONE || m->today == T_NONE) {
			add_date_of(m, a);
		} else {
			ago = m->today - ptime_day(a);
			if (ago == 0)
				buf_adds(m->out, m->w->today);
			else if (ago == 1)
				buf_adds(m->out, m->w->yesterday);
			else if (ago > 1)
				buf_addf(m->out, "%lld%s", (long long)ago,
					 m->w->days_ago);
			else
				add_date_of(m, a); /* after as_of */
		}
		buf_adds(m->out, " | ");
		add_request(m, t);
		buf_adds(m->out, " |\n");
	}
	buf_addc(m->out, '\n');
	render_md_hr(m);
}

/* The UNCLEAR tickets: undecided, with the rule trace that left them so. */
static void undecided(struct md *m, const struct list *l)
{
	size_t i;

	heading_count(m, "##", m->mw->unclear_h2, l->n);
	if (!l->n) {
		buf_addf(m->out, "%s\n\n", m->w->none);
		render_md_hr(m);
		return;
	}
	buf_addf(m->out, "%s\n\n", m->mw->unclear_intro);
	render_md_table_head(m, m->mw->unclear_cols);
	for (i = 0; i < l->n && i < MAX_UNCLEAR; i++) {
		const struct ticket *t = l->t[i];

		buf_adds(m->out, "| ");
		add_id(m, t, 0);
		buf_adds(m->out, " | ");
		add_date_of(m, t->created);
		buf_adds(m->out, " | ");
		add_request(m, t);
		buf_adds(m->out, " | ");
		add_str(m, t->reason, RENDER_MD_EXCERPT_CHARS);
		buf_adds(m->out, " |\n");
	}
	if (l->n > MAX_UNCLEAR)
		buf_addf(m->out, "\n… (+%zu)\n", l->n - MAX_UNCLEAR);
	buf_addc(m->out, '\n');
	render_md_hr(m);
}

/* ---- topics -------------------------------------------------------------- */

static void topics(struct md *m, const uint64_t *cats,
		   const struct md_topics *ts)
{
	uint64_t closed = 0;
	int c;

	render_md_topics(m, ts);
	for (c = CAT_FIRST_CLOSED; c < CAT_N; c++)
		closed += cats[c];
	buf_addf(m->out, "%s ", m->w->insolvency);
	if (closed == 0) {
		buf_adds(m->out, "—\n\n");
	} else {
		add_pct(m, cats[CAT_INSOLVENCY_RESPONDED], closed);
		buf_addf(m->out, " (%llu / %llu)\n\n",
			 (unsigned long long)cats[CAT_INSOLVENCY_RESPONDED],
			 (unsigned long long)closed);
	}
	render_md_hr(m);
}

/* ---- tickets per day ----------------------------------------------------- */

/* Lines of the real-load block, values aligned on the right. */
static void load_block(struct md *m, const char *const *label, char (*val)[48],
		       size_t n)
{
	size_t i, wl = 0, wv = 0, width, k;

	for (i = 0; i < n; i++) {
		if (!label[i])
			continue;
		if (render_util_chars(label[i], strlen(label[i])) > wl)
			wl = render_util_chars(label[i], strlen(label[i]));
		if (render_util_chars(val[i], strlen(val[i])) > wv)
			wv = render_util_chars(val[i], strlen(val[i]));
	}
	width = wl + 4 + wv;
	buf_adds(m->out, "```\n");
	for (i = 0; i < n; i++) {
		if (!label[i]) {
			for (k = 0; k < width; k++)
				buf_adds(m->out, "─");
			buf_addc(m->out, '\n');
			continue;
		}
		buf_adds(m->out, label[i]);
		k = width - render_util_chars(label[i], strlen(label[i])) -
		    render_util_chars(val[i], strlen(val[i]));
		while (k--)
			buf_addc(m->out, ' ');
		buf_adds(m->out, val[i]);
		buf_addc(m->out, '\n');
	}
	buf_adds(m->out, "```\n\n");
}

static void per_day(struct md *m, const uint64_t *cats)
{
	const struct render_report *r = m->r;
	const struct words *w = m->w;
	int64_t first = INT64_MAX, last = INT64_MIN, days, mon0, nweeks, wk;
	uint64_t *per_week, real;
	size_t i, dated = 0;
	struct buf tmp = BUF_INIT;
	char val[8][48];
	const char *label[8];
	char cols[16];

	buf_addf(m->out, "## %s\n\n", w->perday_h2);
	for (i = 0; i < r->n; i++) {
		if (r->t[i].created == T_NONE)
			continue;
		dated++;
		if (ptime_day(r->t[i].created) < first)
			first = ptime_day(r->t[i].created);
		if (ptime_day(r->t[i].created) > last)
			last = ptime_day(r->t[i].created);
	}
	if (!dated) {
		buf_addf(m->out, "%s\n\n", w->no_tickets);
		render_md_hr(m);
		return;
	}
	days = last - first + 1;
	buf_addf(m->out, "**%s:** ", w->period);
	add_date(m, first);
	buf_adds(m->out, " – ");
	add_date(m, last);
	buf_adds(m->out, " (");
	add_count(m, (uint64_t)days, w->day);
	buf_adds(m->out, ")\n\n");
	render_md_table_head2(m, w->metric, w->value);
	buf_addf(m->out, "| %s | %zu |\n| %s | %lld |\n| **%s** | **",
		 w->pd_tickets, r->n, w->pd_days, (long long)days, w->pd_mean);
	add_fixed1(m, (double)r->n / (double)days);
	buf_adds(m->out, "** |\n\n");

	/* ISO weeks, Monday to Sunday, cut to the period */
	mon0 = first - ((first + 3) - floordiv(first + 3, 7) * 7);
	nweeks = floordiv(last - mon0, 7) + 1;
	per_week = xcalloc((size_t)nweeks, sizeof *per_week);
	for (i = 0; i < r->n; i++)
		if (r->t[i].created != T_NONE)
			per_week[floordiv(ptime_day(r->t[i].created) - mon0,
					  7)]++;
	buf_addf(m->out, "### %s\n\n", w->weeks_h3);
	render_md_table_head(m, w->weeks_cols);
	for (wk = 0; wk < nweeks; wk++) {
		int64_t a = mon0 + 7 * wk, b = a + 6;

		if (a < first)
			a = first;
		if (b > last)
			b = last;
		ptime_fmt_week(cols, a);
		buf_addf(m->out, "| %s | ", cols);
		add_date(m, a);
		if (b != a) {
			buf_adds(m->out, " – ");
			add_date(m, b);
		}
		buf_addf(m->out, " | %llu | ",
			 (unsigned long long)per_week[wk]);
		add_fixed1(m, (double)per_week[wk] / (double)(b - a + 1));
		buf_adds(m->out, " |\n");
	}
	buf_addc(m->out, '\n');
	free(per_week);

	real = r->n - cats[CAT_SPAM] - cats[CAT_ORDER_CONFIRMATION];
	buf_addf(m->out, "### %s\n\n", w->load_h3);
	label[0] = w->load_total;
	snprintf(val[0], sizeof val[0], "%zu", r->n);
	label[1] = w->load_spam;
	snprintf(val[1], sizeof val[1], "%s%llu", cats[CAT_SPAM] ? "-" : "",
		 (unsigned long long)cats[CAT_SPAM]);
	label[2] = w->load_auto;
	snprintf(val[2], sizeof val[2], "%s%llu",
		 cats[CAT_ORDER_CONFIRMATION] ? "-" : "",
		 (unsigned long long)cats[CAT_ORDER_CONFIRMATION]);
	label[3] = NULL;
	val[3][0] = '\0';
	label[4] = w->load_real;
	snprintf(val[4], sizeof val[4], "%llu", (unsigned long long)real);
	label[5] = w->load_period;
	render_lang_count(w, &tmp, (uint64_t)days, w->day);
	snprintf(val[5], sizeof val[5], "%s", tmp.p);
	label[6] = NULL;
	val[6][0] = '\0';
	label[7] = w->load_per_day;
	snprintf(val[7], sizeof val[7], "%.1f", (double)real / (double)days);
	load_block(m, label, val, 8);
	buf_release(&tmp);
	render_md_hr(m);
}

void render_md(const struct render_report *r, const struct render_opts *o,
	       struct buf *out)
{
	struct md m = {r,	    o,	    render_lang_words(o->lang),
		       out,	    T_NONE, render_md_words(o->lang),
		       {0, 0, 0, 0}};
	struct list crit, high, prec, wait[3], rec, unclear;
	uint64_t cats[CAT_N] = {0};
	struct md_topics ts;
	struct md_plan plan;
	size_t i;

	m.tg = (struct md_targets){24, 48, 0, 0};
	if (o->rules) {
		rules_target(o->rules, "first_response_median", &m.tg.median_h);
		rules_target(o->rules, "first_response_p90", &m.tg.p90_h);
		rules_target(o->rules, "unanswered", &m.tg.unanswered);
		rules_target(o->rules, "sla_breached", &m.tg.breached);
	}
	if (r->as_of != T_NONE)
		m.today = ptime_day(r->as_of);
	for (i = 0; i < r->n; i++)
		cats[r->t[i].cat]++;
	collect(r, &crit, PRIO_CRITICAL, 0, 0, by_days);
	collect(r, &high, PRIO_HIGH, 0, 0, by_days);
	collect(r, &prec, PRIO_NONE, CAT_PARTNER_RECENT, CAT_PARTNER_RECENT,
		by_answer);
	collect(r, &wait[0], PRIO_URGENT, 0, 0, by_days);
	collect(r, &wait[1], PRIO_MEDIUM, 0, 0, by_days);
	collect(r, &wait[2], PRIO_LOW, 0, 0, by_days);
	collect(r, &rec, PRIO_NONE, CAT_RECENT_RESPONSE, CAT_PARTNER_RECENT,
		by_answer);
	collect(r, &unclear, PRIO_NONE, CAT_UNCLEAR, CAT_UNCLEAR, by_created);

	header(&m, cats);
	categories(&m, cats);
	critical(&m, &crit);
	sec_high(&m, &high, &prec);
	for (i = 0; i < 3; i++)
		waiting(&m, (int)i, &wait[i]);
	recent(&m, &rec);
	undecided(&m, &unclear);
	render_md_topics_count(&m, &ts);
	topics(&m, cats, &ts);
	per_day(&m, cats);
	render_md_agents(&m);
	render_md_backlog(&m);
	plan.urgent = wait[0].t;
	plan.nurgent = wait[0].n;
	plan.high = high.t;
	plan.nhigh = high.n;
	plan.crit = crit.t;
	plan.ncrit = crit.n;
	plan.medium_low = wait[1].n + wait[2].n;
	render_md_odoo(&m);
	render_md_plan(&m, &plan, &ts);
	render_md_monitor(&m, &ts);
	render_md_hr(&m);
	render_md_tally(&m);
	buf_adds(out, m.w->footer[0]);
	buf_addf(out, "%zu", r->n);
	buf_adds(out, m.w->footer[1]);
	buf_addc(out, '\n');

	free(crit.t);
	free(high.t);
	free(prec.t);
	for (i = 0; i < 3; i++)
		free(wait[i].t);
	free(rec.t);
	free(unclear.t);
	render_md_topics_release(&ts);
}
