/*
 * render_md_topic.c - the topics of the ticket report in words: each
 * topic's label, share, target, what it touches (the entities of its
 * tickets), example tickets and recommendation, from the tickets and the
 * notes of the rules file (rules.h); see render_md.h.
 */
#include "render_md.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOUCH_NAMES 6 /* names of one kind shown for a topic */

static const struct md_words en = {
	.topics_note = "A ticket may have several topics, so the shares add up "
		       "to more than 100%",
	.topics_cols = "Topic|Tickets|Share|Open|Target",
	.other = "Other",
	.touches = "Touches",
	.examples = "Examples",
	.recommend = "Recommendation",
	.of_requests = "of requests",
	.open_now = "open now",
	.improve_h3 = "System improvements",
	.monitor_h2 = "Metrics to monitor",
	.monitor_cols = "Metric|Current|Target",
	.topic_share = "Share of requests:",
	.t_median = "First response time, median",
	.t_p90 = "First response time, p90",
	.t_unanswered = "Tickets without an answer",
	.t_breached = "SLA breached (open tickets)",
	.a_topic_open = "open",
	.a_breached = "Answer the waiting tickets past their SLA deadline",
	.a_remind = "Reminders for tickets waiting longer than the first "
		    "response target",
	.a_faq = "An FAQ for the largest topics",
	.none = "—",
	.odoo_h2 = "Priorities, SLA and channels",
	.sla_h3 = "Open tickets by Odoo priority and team: SLA deadlines",
	.no_sla = "The export has no SLA deadlines (sla_deadline).",
	.sla_prio_cols = "Priority|Open|SLA breached|Due today|Due this week",
	.sla_team_cols = "Team|Open|SLA breached|Due today|Due this week",
	.channels_h3 = "Channels",
	.channels_cols = "Channel|Tickets|Open|First response, median",
	.ch_email = "Email alias",
	.ch_unknown = "(unknown)",
	.t_unclear = "Undecided (UNCLEAR)",
	.unclear_h2 = "Undecided: UNCLEAR",
	.unclear_intro =
		"The rules could not decide these tickets: neither open "
		"nor closed. Check them by hand; the trace says why.",
	.unclear_cols = "ID|Created|Request|Rule trace",
};

static const struct md_words ru = {
	.topics_note = "У тикета может быть несколько тем, поэтому сумма долей "
		       "больше 100%",
	.topics_cols = "Тема|Тикетов|Доля|Открыто|Цель",
	.other = "Прочее",
	.touches = "Затронуто",
	.examples = "Примеры",
	.recommend = "Рекомендация",
	.of_requests = "запросов",
	.open_now = "открыто сейчас",
	.improve_h3 = "СИСТЕМНЫЕ УЛУЧШЕНИЯ",
	.monitor_h2 = "Метрики для мониторинга",
	.monitor_cols = "Метрика|Текущее|Цель",
	.topic_share = "Доля запросов:",
	.t_median = "Время первого ответа, медиана",
	.t_p90 = "Время первого ответа, p90",
	.t_unanswered = "Тикеты без ответа",
	.t_breached = "Нарушен SLA (открытые тикеты)",
	.a_topic_open = "открыто",
	.a_breached = "Ответить на ждущие тикеты с нарушенным SLA",
	.a_remind = "Автоматические напоминания о тикетах, ждущих дольше цели "
		    "первого ответа",
	.a_faq = "FAQ по самым частым темам",
	.none = "—",
	.odoo_h2 = "Приоритеты, SLA и каналы",
	.sla_h3 = "Открытые тикеты по приоритету Odoo и команде: сроки SLA",
	.no_sla = "В выгрузке нет сроков SLA (sla_deadline).",
	.sla_prio_cols =
		"Приоритет|Открыто|SLA нарушен|Срок сегодня|Срок на неделе",
	.sla_team_cols =
		"Команда|Открыто|SLA нарушен|Срок сегодня|Срок на неделе",
	.channels_h3 = "Каналы",
	.channels_cols = "Канал|Тикетов|Открыто|Первый ответ, медиана",
	.ch_email = "Почтовый алиас",
	.ch_unknown = "(неизвестно)",
	.t_unclear = "Неопределённые (UNCLEAR)",
	.unclear_h2 = "Неопределённые: UNCLEAR",
	.unclear_intro =
		"Правила не смогли решить, открыты эти тикеты или "
		"закрыты. Проверьте их вручную; трасса говорит почему.",
	.unclear_cols = "ID|Создан|Суть|Трасса правил",
};

const struct md_words *render_md_words(enum lang_id lang)
{
	return lang == LANG_RU ? &ru : &en;
}

static const char *lang_code(const struct md *m)
{
	return m->o->lang == LANG_RU ? "ru" : "en";
}

/* The note key of section "PREFIX:NAME" in the report's language, else in
 * English, else NULL. */
static const char *note(struct md *m, const char *prefix, const char *name,
			size_t n, const char *key)
{
	char sec[256];
	const char *v;

	if (!m->o->rules || n > 200)
		return NULL;
	snprintf(sec, sizeof sec, "%s:%.*s", prefix, (int)n, name);
	v = rules_note_get(m->o->rules, sec, key, lang_code(m));
	if (!v && m->o->lang != LANG_EN)
		v = rules_note_get(m->o->rules, sec, key, "en");
	return v;
}

const char *render_md_topic_note(struct md *m, const struct md_topic *t,
				 const char *key)
{
	return note(m, "topic", t->id, t->idlen, key);
}

void render_md_topic_label(struct md *m, const struct md_topic *t)
{
	const char *l = render_md_topic_note(m, t, "label");

	if (l)
		render_util_md_cell(m->out, l, strlen(l),
				    RENDER_MD_SUBJECT_CHARS);
	else if (t->idlen == 5 && !memcmp(t->id, "other", 5))
		buf_adds(m->out, m->mw->other);
	else
		render_util_md_cell(m->out, t->id, t->idlen,
				    RENDER_MD_SUBJECT_CHARS);
}

static int is_real(const struct ticket *t)
{
	return t->cat != CAT_SPAM && t->cat != CAT_ORDER_CONFIRMATION;
}

/* Whether a is a better example than b: open first, then the newest. */
static int better(const struct ticket *a, const struct ticket *b)
{
	int64_t x = a->last_ts != T_NONE ? a->last_ts : a->created;
	int64_t y = b->last_ts != T_NONE ? b->last_ts : b->created;

	if (a->open != b->open)
		return a->open;
	if (x != y)
		return x > y;
	return a->id < b->id;
}

static void add_example(struct md_topic *tp, const struct ticket *t)
{
	size_t i;

	if (tp->nex < MD_EXAMPLES)
		tp->ex[tp->nex++] = t;
	else if (better(t, tp->ex[MD_EXAMPLES - 1]))
		tp->ex[MD_EXAMPLES - 1] = t;
	else
		return;
	for (i = tp->nex - 1; i > 0 && better(tp->ex[i], tp->ex[i - 1]); i--) {
		const struct ticket *x = tp->ex[i];

		tp->ex[i] = tp->ex[i - 1];
		tp->ex[i - 1] = x;
	}
}

static int by_count(const void *a, const void *b)
{
	const struct md_topic *x = a, *y = b;
	size_t n = x->idlen < y->idlen ? x->idlen : y->idlen;
	int c;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	c = memcmp(x->id, y->id, n);
	return c ? c : (x->idlen > y->idlen) - (x->idlen < y->idlen);
}

/* Counts the entities of t once each into tp. */
static void add_entities(const struct render_report *r, struct md_topic *tp,
			 const struct ticket *t, struct buf *key)
{
	size_t i;

	for (i = 0; i < t->nent; i++) {
		struct sref k = r->ents[t->ent0 + 2 * i];
		struct sref v = r->ents[t->ent0 + 2 * i + 1];
		int isnew;

		buf_reset(key);
		buf_add(key, sref_p(r, k), k.len);
		buf_addc(key, '\x1f');
		buf_add(key, sref_p(r, v), v.len);
		(*(uint64_t *)hmap_put(&tp->ents, key->p, key->len, &isnew))++;
	}
}

void render_md_topics_count(struct md *m, struct md_topics *ts)
{
	const struct render_report *r = m->r;
	struct hmap idx; /* topic -> index + 1 */
	struct buf key = BUF_INIT;
	size_t i, j, k;

	memset(ts, 0, sizeof *ts);
	hmap_init(&idx, sizeof(size_t));
	ts->t = xcalloc(r->ntopics + 1, sizeof *ts->t);
	for (i = 0; i < r->n; i++) {
		const struct ticket *t = &r->t[i];

		if (!is_real(t))
			continue;
		ts->real++;
		for (j = 0; j < t->ntopics; j++) {
			struct sref s = r->topics[t->topic0 + j];
			struct md_topic *tp;
			size_t *x;
			int isnew;

			/* a topic listed twice counts once for its ticket */
			for (k = 0; k < j; k++) {
				struct sref o = r->topics[t->topic0 + k];

				if (o.len == s.len &&
				    !memcmp(sref_p(r, o), sref_p(r, s), s.len))
					break;
			}
			if (k < j)
				continue;
			x = hmap_put(&idx, sref_p(r, s), s.len, &isnew);
			if (isnew) {
				*x = ts->n++;
				tp = &ts->t[*x];
				tp->id = sref_p(r, s);
				tp->idlen = s.len;
				hmap_init(&tp->ents, sizeof(uint64_t));
				tp->open_t = xmalloc(r->n * sizeof *tp->open_t);
			}
			tp = &ts->t[*x];
			tp->count++;
			ts->sum++;
			if (t->open)
				tp->open_t[tp->open++] = t;
			add_example(tp, t);
			add_entities(r, tp, t, &key);
		}
	}
	qsort(ts->t, ts->n, sizeof *ts->t, by_count);
	hmap_release(&idx);
	buf_release(&key);
}

void render_md_topics_release(struct md_topics *ts)
{
	size_t i;

	for (i = 0; i < ts->n; i++) {
		hmap_release(&ts->t[i].ents);
		free(ts->t[i].open_t);
	}
	free(ts->t);
	memset(ts, 0, sizeof *ts);
}

static void add_pct(struct md *m, uint64_t part, uint64_t whole)
{
	buf_addf(m->out, "%.1f%%",
		 whole ? 100.0 * (double)part / (double)whole : 0.0);
}

struct ent_n {
	const char *name;
	size_t n;
	uint64_t count;
};

static int by_ent_count(const void *a, const void *b)
{
	const struct ent_n *x = a, *y = b;
	size_t n = x->n < y->n ? x->n : y->n;
	int c;

	if (x->count != y->count)
		return x->count > y->count ? -1 : 1;
	c = memcmp(x->name, y->name, n);
	return c ? c : (x->n > y->n) - (x->n < y->n);
}

/* Where the section of entity kind k[0..n) is among the rules' notes. */
static size_t kind_rank(struct md *m, const char *k, size_t n)
{
	const struct rules *rs = m->o->rules;
	size_t i;

	for (i = 0; rs && i < rs->nnote; i++) {
		const char *sec = rs->note[i].section;

		if (!strncmp(sec, "entity:", 7) && strlen(sec + 7) == n &&
		    !memcmp(sec + 7, k, n))
			return i;
	}
	return SIZE_MAX;
}

/* The kinds in the order of the rules file (others as they came). */
static void sort_kinds(struct md *m, const char **k, size_t *kl, size_t n)
{
	size_t i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0 && kind_rank(m, k[j], kl[j]) <
					     kind_rank(m, k[j - 1], kl[j - 1]);
		     j--) {
			const char *x = k[j];
			size_t y = kl[j];

			k[j] = k[j - 1];
			kl[j] = kl[j - 1];
			k[j - 1] = x;
			kl[j - 1] = y;
		}
}

/* "Courses: Dim Sum (12), Ramen (3), … (+4); Cities: …" */
static void touches(struct md *m, const struct md_topic *tp)
{
	size_t ne = hmap_len(&tp->ents), i, j, nk, shown;
	struct ent_n *e;
	const char *kinds[64];
	size_t klen[64];
	int first_kind = 1;

	if (!ne)
		return;
	e = xmalloc(ne * sizeof *e);
	nk = 0;
	/* the kinds in the order they first came */
	for (i = 0; i < ne; i++) {
		const struct hmap_entry *h = hmap_entry_at(&tp->ents, i);
		const char *sep = memchr(h->key, '\x1f', h->klen);
		size_t kl = sep ? (size_t)(sep - (const char *)h->key) : 0;

		for (j = 0; j < nk; j++)
			if (klen[j] == kl && !memcmp(kinds[j], h->key, kl))
				break;
		if (j == nk && nk < 64) {
			kinds[nk] = h->key;
			klen[nk++] = kl;
		}
	}
	sort_kinds(m, kinds, klen, nk);
	buf_addf(m->out, "**%s:** ", m->mw->touches);
	for (j = 0; j < nk; j++) {
		const char *label =
			note(m, "entity", kinds[j], klen[j], "label");
		size_t n = 0;

		for (i = 0; i < ne; i++) {
			const struct hmap_entry *h =
				hmap_entry_at(&tp->ents, i);

			if (h->klen <= klen[j] ||
			    memcmp(h->key, kinds[j], klen[j]) ||
			    ((const char *)h->key)[klen[j]] != '\x1f')
				continue;
			e[n].name = (const char *)h->key + klen[j] + 1;
			e[n].n = h->klen - klen[j] - 1;
			e[n].count = *(uint64_t *)hmap_val_at(&tp->ents, i);
			n++;
		}
		qsort(e, n, sizeof *e, by_ent_count);
		buf_adds(m->out, first_kind ? "" : "; ");
		first_kind = 0;
		if (label)
			render_util_md_cell(m->out, label, strlen(label), 40);
		else
			render_util_md_cell(m->out, kinds[j], klen[j], 40);
		buf_adds(m->out, ": ");
		shown = n < TOUCH_NAMES ? n : TOUCH_NAMES;
		for (i = 0; i < shown; i++) {
			if (i)
				buf_adds(m->out, ", ");
			render_util_md_cell(m->out, e[i].name, e[i].n, 60);
			if (e[i].count > 1)
				buf_addf(m->out, " (%llu)",
					 (unsigned long long)e[i].count);
		}
		if (n > shown)
			buf_addf(m->out, ", … (+%zu)", n - shown);
	}
	buf_adds(m->out, "  \n");
	free(e);
}

void render_md_topics(struct md *m, const struct md_topics *ts)
{
	size_t i, j;

	buf_addf(m->out, "## %s\n\n", m->w->topics_h2);
	if (ts->real == 0) {
		buf_addf(m->out, "%s\n\n", m->w->no_tickets);
		return;
	}
	buf_addf(m->out, "%s %llu.", m->w->topics_real,
		 (unsigned long long)ts->real);
	if (ts->sum > ts->real) {
		buf_addf(m->out, " %s (", m->mw->topics_note);
		add_pct(m, ts->sum, ts->real);
		buf_adds(m->out, ").");
	}
	buf_adds(m->out, "\n\n");
	if (!ts->n)
		return;
	render_md_table_head(m, m->mw->topics_cols);
	for (i = 0; i < ts->n; i++) {
		const struct md_topic *tp = &ts->t[i];
		const char *target = render_md_topic_note(m, tp, "target");

		buf_adds(m->out, "| ");
		render_md_topic_label(m, tp);
		buf_addf(m->out, " | %llu | ", (unsigned long long)tp->count);
		add_pct(m, tp->count, ts->real);
		buf_addf(m->out, " | %llu | ", (unsigned long long)tp->open);
		if (target)
			render_util_md_cell(m->out, target, strlen(target),
					    RENDER_MD_SUBJECT_CHARS);
		else
			buf_adds(m->out, "—");
		buf_adds(m->out, " |\n");
	}
	buf_addc(m->out, '\n');
	for (i = 0; i < ts->n; i++) {
		const struct md_topic *tp = &ts->t[i];
		const char *rec = render_md_topic_note(m, tp, "recommend");

		buf_addf(m->out, "### %zu. ", i + 1);
		render_md_topic_label(m, tp);
		buf_adds(m->out, " (");
		add_pct(m, tp->count, ts->real);
		buf_addf(m->out, " %s", m->mw->of_requests);
		if (tp->open)
			buf_addf(m->out, ", %llu %s",
				 (unsigned long long)tp->open, m->mw->open_now);
		buf_adds(m->out, ")\n\n");
		touches(m, tp);
		buf_addf(m->out, "**%s:** ", m->mw->examples);
		for (j = 0; j < tp->nex; j++)
			buf_addf(m->out, "%s%lld", j ? ", " : "",
				 (long long)tp->ex[j]->id);
		buf_adds(m->out, "  \n");
		if (rec) {
			buf_addf(m->out, "**%s:** ", m->mw->recommend);
			render_util_md_cell(m->out, rec, strlen(rec), 400);
			buf_addc(m->out, '\n');
		}
		buf_addc(m->out, '\n');
	}
}
