/*
 * render_telegram_tickets.c - the ticket report's digest for Telegram (what
 * pulse-daily tickets sends and pulse-bot's /tickets answers): the totals,
 * the open tickets per category, then the critical and high priority
 * tickets with what each customer wants, from ticket records; see
 * render.h.  The words are the Markdown report's (render_lang.c); the
 * lines go through render_telegram.c's packing and escaping.
 */
#include "render.h"

#include <stdlib.h>
#include <string.h>

/* At most this many tickets listed per priority: the report has them all. */
#define TG_LIST 10

/* A string that is there and not empty (null is SIZE_MAX long). */
static int has(struct sref s)
{
	return !sref_null(s) && s.len > 0;
}

static void ticket_line(const struct render_report *r, const struct ticket *t,
			const struct words *w, struct buf *b)
{
	struct sref who = has(t->from_name)    ? t->from_name
			  : has(t->from_email) ? t->from_email
			  : has(t->name)       ? t->name
					       : t->email;
	struct sref what = has(t->excerpt)   ? t->excerpt
			   : has(t->summary) ? t->summary
					     : t->subject;

	buf_addf(b, "• <b>#%lld</b>", (long long)t->id);
	if (has(who)) {
		buf_adds(b, " ");
		render_tg_html(b, sref_p(r, who), who.len);
	}
	if (has(what)) {
		buf_adds(b, ": ");
		render_tg_html(b, sref_p(r, what), what.len);
	}
	if (t->days != T_NONE) {
		buf_adds(b, " (");
		render_lang_count(w, b, (uint64_t)t->days, w->day);
		buf_adds(b, ")");
	}
}

/* The open tickets of priority p, most days waiting first, at most TG_LIST. */
static void prio_list(const struct render_report *r, enum prio p,
		      const char *head, const struct words *w, void *lines)
{
	struct buf *b = render_tg_buf(lines);
	const struct ticket **v = NULL;
	size_t i, j, n = 0;

	for (i = 0; i < r->n; i++)
		if (r->t[i].open && r->t[i].prio == p)
			n++;
	if (!n)
		return;
	v = xmalloc(n * sizeof *v);
	for (i = 0, j = 0; i < r->n; i++)
		if (r->t[i].open && r->t[i].prio == p)
			v[j++] = &r->t[i];
	/* insertion sort, stable: days waiting down, then input order */
	for (i = 1; i < n; i++) {
		const struct ticket *x = v[i];
		int64_t dx = x->days == T_NONE ? -1 : x->days;

		for (j = i; j > 0; j--) {
			int64_t dj =
				v[j - 1]->days == T_NONE ? -1 : v[j - 1]->days;
			if (dj >= dx)
				break;
			v[j] = v[j - 1];
		}
		v[j] = x;
	}
	render_tg_end(lines);
	buf_addf(b, "<b>%s</b> (%zu)", head, n);
	render_tg_end(lines);
	for (i = 0; i < n && i < TG_LIST; i++) {
		ticket_line(r, v[i], w, b);
		render_tg_end(lines);
	}
	if (n > TG_LIST) {
		buf_addf(b, "… +%zu", n - TG_LIST);
		render_tg_end(lines);
	}
	free(v);
}

void render_telegram_tickets(const struct render_report *r,
			     const struct render_opts *o, void *lines)
{
	const struct words *w = render_lang_words(o->lang);
	struct buf *b = render_tg_buf(lines);
	uint64_t per[CAT_N] = {0}, open = 0;
	size_t i;

	for (i = 0; i < r->n; i++) {
		per[r->t[i].cat]++;
		open += r->t[i].open != 0;
	}
	buf_adds(b, "<b>");
	if (o->title)
		render_tg_html(b, o->title, strlen(o->title));
	else
		buf_adds(b, w->title);
	buf_adds(b, "</b>");
	render_tg_end(lines);
	if (r->as_of != T_NONE) {
		buf_addf(b, "%s ", w->as_of);
		render_util_day(b, r->as_of / 86400 - (r->as_of % 86400 < 0),
				w->dmy);
		render_tg_end(lines);
	}
	render_tg_end(lines);
	buf_addf(b, "%s: <b>%zu</b>; %s: <b>%llu</b>; %s: %llu", w->t_total,
		 r->n, w->t_open, (unsigned long long)open, w->t_closed,
		 (unsigned long long)(r->n - open));
	render_tg_end(lines);
	if (open) {
		render_tg_end(lines);
		buf_addf(b, "<b>%s</b>", w->open_by_cat);
		render_tg_end(lines);
		for (i = 0; i < CAT_FIRST_CLOSED; i++) {
			if (!per[i])
				continue;
			buf_addf(b, "• %s: %llu", w->cat_desc[i],
				 (unsigned long long)per[i]);
			render_tg_end(lines);
		}
	}
	prio_list(r, PRIO_CRITICAL, w->crit_h2, w, lines);
	prio_list(r, PRIO_HIGH, w->high_h2, w, lines);
}
