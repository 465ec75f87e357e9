/*
 * render_md_plan.c - the end of the ticket report a head of support acts
 * on: the action plan (today, this week, system improvements), made from
 * the counts and the topics' notes of the rules file, and the metrics to
 * monitor, each with its current value and its target; see render_md.h.
 */
#include "render_md.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define MAX_IDS 10  /* ticket ids listed inline in the action plan */
#define TOPIC_IDS 5 /* ... for a topic's action */

/* " (1, 2, 3, …)": the first max ids of t[0..n). */
static void add_ids(struct md *m, const struct ticket *const *t, size_t n,
		    size_t max)
{
	size_t i;

	for (i = 0; i < n && i < max; i++)
		buf_addf(m->out, "%s%lld", i ? ", " : " (",
			 (long long)t[i]->id);
	if (n > max)
		buf_adds(m->out, ", …");
	if (n)
		buf_addc(m->out, ')');
}

/*
 * The open tickets past their SLA deadline (Odoo's sla_deadline: the
 * nearest one not reached), in report order; with waiting, only those
 * waiting for our answer.
 */
static size_t breached(struct md *m, const struct ticket **out, int waiting)
{
	const struct render_report *r = m->r;
	size_t i, n = 0;

	for (i = 0; i < r->n; i++)
		if (r->t[i].open && r->t[i].sla_deadline != T_NONE &&
		    r->as_of != T_NONE && r->t[i].sla_deadline < r->as_of &&
		    (!waiting || r->t[i].days != T_NONE))
			out[n++] = &r->t[i];
	return n;
}

static int any_sla(const struct render_report *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (r->t[i].sla_deadline != T_NONE)
			return 1;
	return 0;
}

/* The topics' actions of key (today, week) with open tickets, numbered
 * from *k. */
static void topic_actions(struct md *m, const struct md_topics *ts,
			  const char *key, int ids, size_t *k)
{
	size_t i;

	for (i = 0; i < ts->n; i++) {
		const struct md_topic *tp = &ts->t[i];
		const char *a = render_md_topic_note(m, tp, key);

		if (!a || !tp->open)
			continue;
		buf_addf(m->out, "%zu. ", (*k)++);
		render_util_md_cell(m->out, a, strlen(a), 400);
		buf_adds(m->out, " — ");
		render_md_topic_label(m, tp);
		buf_addf(m->out, ": %llu %s", (unsigned long long)tp->open,
			 m->mw->a_topic_open);
		if (ids)
			add_ids(m, tp->open_t, tp->open, TOPIC_IDS);
		buf_addc(m->out, '\n');
	}
}

static double frt_quantile(const struct render_report *r, double p)
{
	double *v = xmalloc((r->n ? r->n : 1) * sizeof *v), q;
	size_t i, n = 0;

	for (i = 0; i < r->n; i++)
		if (!isnan(r->t[i].frh))
			v[n++] = r->t[i].frh;
	q = render_util_quantile(v, n, p);
	free(v);
	return q;
}

void render_md_plan(struct md *m, const struct md_plan *p,
		    const struct md_topics *ts)
{
	const struct words *w = m->w;
	const struct ticket **br = xmalloc((m->r->n + 1) * sizeof *br);
	size_t nbr = breached(m, br, 1), k = 1, i;
	double p90 = frt_quantile(m->r, 0.9);

	buf_addf(m->out, "## %s\n\n### %s\n\n", w->actions_h2, w->today_h3);
	buf_addf(m->out, "%zu. %s: %zu", k++, w->a_urgent, p->nurgent);
	add_ids(m, p->urgent, p->nurgent, MAX_IDS);
	buf_addf(m->out, "\n%zu. %s: %zu", k++, w->a_partner, p->nhigh);
	add_ids(m, p->high, p->nhigh, MAX_IDS);
	buf_addf(m->out, "\n%zu. %s: %zu", k++, w->a_crit, p->ncrit);
	add_ids(m, p->crit, p->ncrit, MAX_IDS);
	buf_addc(m->out, '\n');
	if (nbr) {
		buf_addf(m->out, "%zu. %s: %zu", k++, m->mw->a_breached, nbr);
		add_ids(m, br, nbr, MAX_IDS);
		buf_addc(m->out, '\n');
	}
	topic_actions(m, ts, "today", 1, &k);

	k = 1;
	buf_addf(m->out, "\n### %s\n\n%zu. %s: %zu\n", w->week_h3, k++,
		 w->a_week, p->medium_low);
	topic_actions(m, ts, "week", 0, &k);

	k = 1;
	buf_addf(m->out, "\n### %s\n\n", m->mw->improve_h3);
	for (i = 0; i < ts->n; i++) {
		const struct md_topic *tp = &ts->t[i];
		const char *a = render_md_topic_note(m, tp, "improve");

		if (!a)
			continue;
		buf_addf(m->out, "%zu. ", k++);
		render_util_md_cell(m->out, a, strlen(a), 400);
		buf_adds(m->out, " (");
		render_md_topic_label(m, tp);
		buf_addf(m->out, ", %.1f%% %s)\n",
			 ts->real ? 100.0 * (double)tp->count / (double)ts->real
				  : 0.0,
			 m->mw->of_requests);
	}
	if (!isnan(p90) && p90 > m->tg.p90_h)
		buf_addf(m->out, "%zu. %s (p90 %.1f %s)\n", k++,
			 m->mw->a_remind, p90, w->hours);
	if (k == 1)
		buf_addf(m->out, "%s\n", m->mw->none);
	buf_addc(m->out, '\n');
	render_md_hr(m);
	free(br);
}

static void add_hours(struct md *m, double h)
{
	if (isnan(h)) {
		buf_adds(m->out, "—");
		return;
	}
	buf_addf(m->out, "%.1f %s", h, m->w->hours);
	if (h >= 24)
		buf_addf(m->out, " (%.1f %s)", h / 24, m->w->days_short);
}

/* A count's target and the row's end: "0", else "≤ n". */
static void add_count_target(struct md *m, double n)
{
	buf_addf(m->out, "%s%.0f |\n", n > 0 ? "≤ " : "", n);
}

void render_md_monitor(struct md *m, const struct md_topics *ts)
{
	const struct render_report *r = m->r;
	const struct words *w = m->w;
	const struct ticket **br = xmalloc((r->n + 1) * sizeof *br);
	size_t i, with = 0, waiting = 0;

	for (i = 0; i < r->n; i++) {
		if (!isnan(r->t[i].frh))
			with++;
		if (r->t[i].days != T_NONE)
			waiting++;
	}
	buf_addf(m->out, "## %s\n\n", m->mw->monitor_h2);
	render_md_table_head(m, m->mw->monitor_cols);
	buf_addf(m->out, "| %s | ", m->mw->t_median);
	add_hours(m, frt_quantile(r, 0.5));
	buf_addf(m->out, " | < %g %s |\n| %s | ", m->tg.median_h, w->hours,
		 m->mw->t_p90);
	add_hours(m, frt_quantile(r, 0.9));
	buf_addf(m->out, " | < %g %s |\n| %s | %zu | — |\n| %s | %zu | ",
		 m->tg.p90_h, w->hours, w->m_with, with, m->mw->t_unanswered,
		 waiting);
	add_count_target(m, m->tg.unanswered);
	if (any_sla(r)) {
		buf_addf(m->out, "| %s | %zu | ", m->mw->t_breached,
			 breached(m, br, 0));
		add_count_target(m, m->tg.breached);
	}
	for (i = 0; i < ts->n; i++) {
		const struct md_topic *tp = &ts->t[i];
		const char *target = render_md_topic_note(m, tp, "target");

		if (!target)
			continue;
		buf_addf(m->out, "| %s ", m->mw->topic_share);
		render_md_topic_label(m, tp);
		buf_addf(m->out, " | %.1f%% | ",
			 ts->real ? 100.0 * (double)tp->count / (double)ts->real
				  : 0.0);
		render_util_md_cell(m->out, target, strlen(target),
				    RENDER_MD_SUBJECT_CHARS);
		buf_adds(m->out, " |\n");
	}
	buf_addf(m->out, "\n%s\n\n", w->m_note);
	free(br);
}
