/*
 * render_md_odoo.c - Odoo Helpdesk's own signals in the ticket report:
 * the priority stars in words, the SLA deadlines of the open tickets
 * (breached, due today, due this week) per priority and per team, and the
 * channels with their first response times; see render_md.h.
 */
#include "render_md.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

static const char *const stars_en[4] = {"low", "medium", "high", "urgent"};
static const char *const stars_ru[4] = {"низкий", "средний", "высокий",
					"срочный"};

void render_md_stars(struct md *m, int stars)
{
	if (stars < 0 || stars > 3)
		buf_adds(m->out, "—");
	else
		buf_adds(m->out, m->o->lang == LANG_RU ? stars_ru[stars]
						       : stars_en[stars]);
}

/* One row's counts: open tickets and their SLA state. */
struct sla_row {
	uint64_t open, breached, today, week, frh_n;
	double *frh;
};

enum { SLA_NONE, SLA_BREACHED, SLA_TODAY, SLA_WEEK, SLA_LATER };

static int sla_state(const struct md *m, const struct ticket *t)
{
	int64_t d = t->sla_deadline, a = m->r->as_of;

	if (!t->open || d == T_NONE || a == T_NONE)
		return SLA_NONE;
	if (d < a)
		return SLA_BREACHED;
	if (ptime_day(d) == ptime_day(a))
		return SLA_TODAY;
	if (d - a <= 7 * 86400)
		return SLA_WEEK;
	return SLA_LATER;
}

static void count(const struct md *m, struct sla_row *row,
		  const struct ticket *t)
{
	switch (sla_state(m, t)) {
	case SLA_BREACHED:
		row->breached++;
		break;
	case SLA_TODAY:
		row->today++;
		break;
	case SLA_WEEK:
		row->week++;
		break;
	}
	row->open += t->open != 0;
}

static void row_out(struct md *m, const struct sla_row *row)
{
	buf_addf(m->out, " | %llu | %llu | %llu | %llu |\n",
		 (unsigned long long)row->open,
		 (unsigned long long)row->breached,
		 (unsigned long long)row->today, (unsigned long long)row->week);
}

/* Open tickets and their SLA per priority, then per team. */
static void sla(struct md *m)
{
	const struct render_report *r = m->r;
	struct sla_row prio[5] = {{0}}, *row;
	struct hmap teams;
	size_t i;
	int s, any = 0;

	hmap_init(&teams, sizeof(struct sla_row));
	for (i = 0; i < r->n; i++) {
		const struct ticket *t = &r->t[i];
		const char *team = sref_null(t->team) ? "" : sref_p(r, t->team);
		size_t tl = sref_null(t->team) ? 0 : t->team.len;

		if (!t->open)
			continue;
		any |= t->sla_deadline != T_NONE;
		count(m, &prio[t->stars < 0 ? 4 : t->stars], t);
		row = hmap_put(&teams, team, tl, NULL);
		count(m, row, t);
	}
	buf_addf(m->out, "### %s\n\n", m->mw->sla_h3);
	if (!any)
		buf_addf(m->out, "%s\n\n", m->mw->no_sla);
	render_md_table_head(m, m->mw->sla_prio_cols);
	for (s = 3; s >= -1; s--) {
		row = &prio[s < 0 ? 4 : s];
		if (!row->open)
			continue;
		buf_adds(m->out, "| ");
		render_md_stars(m, s);
		row_out(m, row);
	}
	buf_addc(m->out, '\n');
	render_md_table_head(m, m->mw->sla_team_cols);
	for (i = 0; i < hmap_len(&teams); i++) {
		const struct hmap_entry *e = hmap_entry_at(&teams, i);

		buf_adds(m->out, "| ");
		if (e->klen)
			render_util_md_cell(m->out, e->key, e->klen, 40);
		else
			buf_adds(m->out, "—");
		row_out(m, hmap_val_at(&teams, i));
	}
	buf_addc(m->out, '\n');
	hmap_release(&teams);
}

/* Tickets, open ones and the first response median per channel. */
static void channels(struct md *m)
{
	const struct render_report *r = m->r;
	struct hmap ch;
	size_t i;

	hmap_init(&ch, sizeof(struct sla_row));
	for (i = 0; i < r->n; i++) {
		const struct ticket *t = &r->t[i];
		const char *c =
			sref_null(t->channel) ? "" : sref_p(r, t->channel);
		size_t cl = sref_null(t->channel) ? 0 : t->channel.len;
		struct sla_row *row = hmap_put(&ch, c, cl, NULL);

		row->week++; /* tickets */
		row->open += t->open != 0;
		if (!isnan(t->frh)) {
			if (!row->frh)
				row->frh = xmalloc(r->n * sizeof *row->frh);
			row->frh[row->frh_n++] = t->frh;
		}
	}
	buf_addf(m->out, "### %s\n\n", m->mw->channels_h3);
	render_md_table_head(m, m->mw->channels_cols);
	for (i = 0; i < hmap_len(&ch); i++) {
		const struct hmap_entry *e = hmap_entry_at(&ch, i);
		struct sla_row *row = hmap_val_at(&ch, i);
		double med = render_util_quantile(row->frh, row->frh_n, 0.5);

		buf_adds(m->out, "| ");
		if (e->klen == 5 && !memcmp(e->key, "email", 5))
			buf_adds(m->out, m->mw->ch_email);
		else if (e->klen)
			render_util_md_cell(m->out, e->key, e->klen, 40);
		else
			buf_adds(m->out, m->mw->ch_unknown);
		buf_addf(m->out, " | %llu | %llu | ",
			 (unsigned long long)row->week,
			 (unsigned long long)row->open);
		if (isnan(med))
			buf_adds(m->out, "—");
		else
			buf_addf(m->out, "%.1f %s", med, m->w->hours);
		buf_adds(m->out, " |\n");
		free(row->frh);
	}
	buf_addc(m->out, '\n');
	hmap_release(&ch);
}

void render_md_odoo(struct md *m)
{
	buf_addf(m->out, "## %s\n\n", m->mw->odoo_h2);
	sla(m);
	channels(m);
	render_md_hr(m);
}
