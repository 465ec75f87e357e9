/*
 * render_md_agents.c - who carries the load, and how it grew: per agent
 * the tickets answered, the open tickets last answered and the first
 * response times; per day of the period the open tickets at its end and
 * the oldest one still without a first answer; see render_md.h.
 */
#include "render_md.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

/* the backlog table's rows, at most: the last ones (the words say 92) */
#define BACKLOG_DAYS 92

struct agent_words {
	const char *h2, *intro, *cols, *unanswered, *no_agents;
	const char *over; /* a column: first answers slower than the target */
	const char *backlog_h2, *backlog_intro, *backlog_cols, *backlog_cut;
};

static const struct agent_words en = {
	.h2 = "Load per agent",
	.intro = "Who answered: an agent is the author of an answer (out "
		 "message; auto-replies do not count). \"Open, last answered\" "
		 "are the open tickets whose latest answer is the agent's; the "
		 "first response times are of the tickets the agent answered "
		 "first; slower: those first answers later than the median's "
		 "target.",
	.cols = "Agent|Tickets answered|First answers|Open, last "
		"answered|First response, median|First response, p90",
	.over = "Slower than",
	.unanswered = "Open tickets nobody has answered yet",
	.no_agents = "No answer in these tickets names its author (no out "
		     "messages, or records written before pulse-classify "
		     "recorded the agents).",
	.backlog_h2 = "Backlog per day",
	.backlog_intro =
		"At the end of each day (UTC; the last day at the report's "
		"time): the tickets open (created, and not yet closed: a closed "
		"ticket counts as closed from its last message), those of them "
		"without a first answer, and the oldest wait for a first "
		"answer. Spam and order confirmations are left out.",
	.backlog_cols = "Day|Open|Without a first answer|Oldest wait|Ticket",
	.backlog_cut = "Only the last 92 days of the period are shown.",
};

static const struct agent_words ru = {
	.h2 = "Нагрузка по сотрудникам",
	.intro =
		"Кто отвечал: сотрудник — автор ответа (исходящего "
		"сообщения; автоответы не считаются). «Открытые, последний "
		"ответ» — открытые тикеты, последний ответ в которых его; время "
		"первого ответа — по тикетам, где он ответил первым; дольше — "
		"первые ответы позже цели времени первого ответа.",
	.cols = "Сотрудник|Тикетов с ответом|Первых ответов|Открытые, "
		"последний ответ|Первый ответ, медиана|Первый ответ, p90",
	.over = "Дольше",
	.unanswered = "Открытые тикеты, на которые ещё никто не ответил",
	.no_agents = "Ни в одном ответе этих тикетов нет автора (нет "
		     "исходящих сообщений или записи сделаны до того, как "
		     "pulse-classify стал записывать сотрудников).",
	.backlog_h2 = "Очередь по дням",
	.backlog_intro =
		"На конец каждого дня (UTC; последний день — на момент "
		"отчёта): открытые тикеты (созданы и ещё не закрыты; закрытый "
		"тикет считается закрытым с его последнего сообщения), из них "
		"без первого ответа, и самое долгое ожидание первого ответа. "
		"Спам и подтверждения заказов не учитываются.",
	.backlog_cols = "День|Открыто|Без первого ответа|Самое долгое "
			"ожидание|Тикет",
	.backlog_cut = "Показаны только последние 92 дня периода.",
};

static const struct agent_words *words(const struct md *m)
{
	return m->o->lang == LANG_RU ? &ru : &en;
}

/* One agent's counts. */
struct load {
	uint64_t answered, first, open_last;
	uint64_t slow; /* of them, slower than the median's target */
	double *frh;   /* first response hours of the tickets answered first */
	size_t nfrh, capfrh;
};

static struct load *row(struct hmap *h, const struct render_report *r,
			struct sref s)
{
	return hmap_put(h, sref_p(r, s), s.len, NULL);
}

/* Most tickets answered first, then most first answers, then by name. */
static const struct hmap *sort_map;

static int by_load(const void *a, const void *b)
{
	size_t i = *(const size_t *)a, j = *(const size_t *)b;
	const struct load *x = hmap_val_at(sort_map, i),
			  *y = hmap_val_at(sort_map, j);
	const struct hmap_entry *p = hmap_entry_at(sort_map, i),
				*q = hmap_entry_at(sort_map, j);
	size_t n = p->klen < q->klen ? p->klen : q->klen;
	int c;

	if (x->answered != y->answered)
		return x->answered < y->answered ? 1 : -1;
	if (x->first != y->first)
		return x->first < y->first ? 1 : -1;
	c = memcmp(p->key, q->key, n);
	return c ? c : (p->klen > q->klen) - (p->klen < q->klen);
}

static void hours(struct md *m, double h)
{
	if (isnan(h))
		buf_adds(m->out, "—");
	else
		buf_addf(m->out, "%.1f %s", h, m->w->hours);
}

void render_md_agents(struct md *m)
{
	const struct render_report *r = m->r;
	const struct agent_words *aw = words(m);
	struct hmap h;
	struct buf cols = BUF_INIT;
	uint64_t unanswered = 0;
	size_t i, j, *order;

	hmap_init(&h, sizeof(struct load));
	for (i = 0; i < r->n; i++) {
		const struct ticket *t = &r->t[i];
		struct load *l;

		for (j = 0; j < t->nagents; j++)
			row(&h, r, r->topics[t->agent0 + j])->answered++;
		if (!sref_null(t->first_response_by)) {
			l = row(&h, r, t->first_response_by);
			l->first++;
			if (!isnan(t->frh)) {
				if (l->nfrh == l->capfrh) {
					l->capfrh =
						l->capfrh ? 2 * l->capfrh : 16;
					l->frh = xrealloc(
						l->frh,
						l->capfrh * sizeof *l->frh);
				}
				l->frh[l->nfrh++] = t->frh;
				l->slow += t->frh > m->tg.median_h;
			}
		}
		if (t->open && !sref_null(t->last_out_by))
			row(&h, r, t->last_out_by)->open_last++;
		else if (t->open && t->last_out == T_NONE)
			unanswered++;
	}
	buf_addf(m->out, "## %s\n\n%s\n\n", aw->h2, aw->intro);
	if (!hmap_len(&h)) {
		buf_addf(m->out, "%s\n\n", aw->no_agents);
	} else {
		order = xmalloc(hmap_len(&h) * sizeof *order);
		for (i = 0; i < hmap_len(&h); i++)
			order[i] = i;
		sort_map = &h;
		qsort(order, hmap_len(&h), sizeof *order, by_load);
		buf_addf(&cols, "%s|%s %g %s", aw->cols, aw->over,
			 m->tg.median_h, m->w->hours);
		render_md_table_head(m, cols.p);
		for (i = 0; i < hmap_len(&h); i++) {
			const struct hmap_entry *e =
				hmap_entry_at(&h, order[i]);
			struct load *l = hmap_val_at(&h, order[i]);

			buf_adds(m->out, "| ");
			render_util_md_cell(m->out, e->key, e->klen,
					    RENDER_MD_SUBJECT_CHARS);
			buf_addf(m->out, " | %llu | %llu | %llu | ",
				 (unsigned long long)l->answered,
				 (unsigned long long)l->first,
				 (unsigned long long)l->open_last);
			hours(m, render_util_quantile(l->frh, l->nfrh, 0.5));
			buf_adds(m->out, " | ");
			hours(m, render_util_quantile(l->frh, l->nfrh, 0.9));
			buf_addf(m->out, " | %llu |\n",
				 (unsigned long long)l->slow);
			free(l->frh);
		}
		buf_addc(m->out, '\n');
		free(order);
	}
	buf_addf(m->out, "**%s:** %llu\n\n", aw->unanswered,
		 (unsigned long long)unanswered);
	hmap_release(&h);
	buf_release(&cols);
	render_md_hr(m);
}

/* Whether t is load at all: spam and order confirmations are not. */
static int counted(const struct ticket *t)
{
	return t->cat != CAT_SPAM && t->cat != CAT_ORDER_CONFIRMATION &&
	       t->created != T_NONE;
}

/* When t stops being open: its last message when closed, else never. */
static int64_t closed_at(const struct ticket *t)
{
	if (t->open)
		return INT64_MAX;
	return t->last_ts == T_NONE ? t->created : t->last_ts;
}

/* When t got its first answer, else never. */
static int64_t answered_at(const struct ticket *t)
{
	if (t->first_in == T_NONE || isnan(t->frh))
		return INT64_MAX;
	return t->first_in + (int64_t)llround(t->frh * 3600.0);
}

void render_md_backlog(struct md *m)
{
	const struct render_report *r = m->r;
	const struct agent_words *aw = words(m);
	int64_t first = INT64_MAX, last = INT64_MIN, day;
	size_t i;

	for (i = 0; i < r->n; i++) {
		if (!counted(&r->t[i]))
			continue;
		if (ptime_day(r->t[i].created) < first)
			first = ptime_day(r->t[i].created);
		if (ptime_day(r->t[i].created) > last)
			last = ptime_day(r->t[i].created);
	}
	if (r->as_of != T_NONE && ptime_day(r->as_of) > last)
		last = ptime_day(r->as_of);
	buf_addf(m->out, "## %s\n\n%s\n\n", aw->backlog_h2, aw->backlog_intro);
	if (first == INT64_MAX) {
		buf_addf(m->out, "%s\n\n", m->w->no_tickets);
		render_md_hr(m);
		return;
	}
	if (last - first + 1 > BACKLOG_DAYS) {
		first = last - BACKLOG_DAYS + 1;
		buf_addf(m->out, "%s\n\n", aw->backlog_cut);
	}
	render_md_table_head(m, aw->backlog_cols);
	for (day = first; day <= last; day++) {
		int64_t end = (day + 1) * 86400 - 1, wait = -1;
		uint64_t open = 0, unans = 0;
		const struct ticket *oldest = NULL;

		if (r->as_of != T_NONE && r->as_of < end)
			end = r->as_of;
		for (i = 0; i < r->n; i++) {
			const struct ticket *t = &r->t[i];

			if (!counted(t) || t->created > end ||
			    closed_at(t) <= end)
				continue;
			open++;
			if (t->first_in == T_NONE || t->first_in > end ||
			    answered_at(t) <= end)
				continue;
			unans++;
			if (end - t->first_in > wait ||
			    (end - t->first_in == wait && t->id < oldest->id)) {
				wait = end - t->first_in;
				oldest = t;
			}
		}
		buf_adds(m->out, "| ");
		render_md_date(m, day);
		buf_addf(m->out, " | %llu | %llu | ", (unsigned long long)open,
			 (unsigned long long)unans);
		if (oldest) {
			/* floored: 47 h 59 min is 47 h, 3 days 23 h 3 days */
			if (wait < 48 * 3600)
				buf_addf(m->out, "%lld %s",
					 (long long)(wait / 3600), m->w->hours);
			else
				render_lang_count(m->w, m->out,
						  (uint64_t)(wait / 86400),
						  m->w->day);
			buf_addf(m->out, " | %lld |\n", (long long)oldest->id);
		} else {
			buf_adds(m->out, "— | — |\n");
		}
	}
	buf_addc(m->out, '\n');
	render_md_hr(m);
}
