/* funnel_prep.c - histories sorted, stage order, derived fields (funnel.h) */
#include "funnel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

static int hist_cmp(const void *a, const void *b)
{
	const struct fn_hist *x = a, *y = b;

	if (x->ent != y->ent)
		return x->ent < y->ent ? -1 : 1;
	if (x->sec != y->sec)
		return x->sec < y->sec ? -1 : 1;
	if (x->nsec != y->nsec)
		return x->nsec < y->nsec ? -1 : 1;
	if (x->hid && y->hid && x->hid != y->hid)
		return x->hid < y->hid ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static uint32_t pipe_get(struct funnel *f, char kind, uint32_t cat)
{
	char key[5];
	uint32_t *v;
	int isnew;

	key[0] = kind;
	memcpy(key + 1, &cat, 4);
	v = hmap_put_memo(&f->pipemap, &f->pipememo, key, sizeof key, &isnew);
	if (isnew) {
		struct fn_pipe *p;

		if (f->npipe == f->cappipe) {
			f->cappipe = f->cappipe ? 2 * f->cappipe : 8;
			f->pipe =
				xrealloc(f->pipe, f->cappipe * sizeof *f->pipe);
		}
		*v = (uint32_t)f->npipe;
		p = &f->pipe[f->npipe++];
		memset(p, 0, sizeof *p);
		p->kind = kind;
		p->cat = cat;
		p->first = FN_NONE;
	}
	return *v;
}

static uint32_t stage_get(struct funnel *f, uint32_t pipe, uint32_t name,
			  char sem)
{
	uint32_t key[2] = {pipe, name}, *v;
	struct fn_stage *s;
	int isnew;

	v = hmap_put_memo(&f->stagemap, &f->stagememo, key, sizeof key, &isnew);
	if (isnew) {
		if (f->nstage == f->capstage) {
			f->capstage = f->capstage ? 2 * f->capstage : 64;
			f->stage = xrealloc(f->stage,
					    f->capstage * sizeof *f->stage);
		}
		*v = (uint32_t)f->nstage;
		s = &f->stage[f->nstage++];
		memset(s, 0, sizeof *s);
		s->pipe = pipe;
		s->name = name;
		s->prev = FN_NONE;
	}
	s = &f->stage[*v];
	if (!s->sem)
		s->sem = sem;
	return *v;
}

/* Where each stage first came in each history: the default order. */
static void rank_stages(struct funnel *f)
{
	uint32_t *seen = NULL;
	size_t cap = 0, i, j, k, n;

	for (i = 0; i < f->nent; i++) {
		const struct fn_ent *e = &f->ent[i];

		if (e->hn > cap) {
			cap = e->hn;
			seen = xrealloc(seen, cap * sizeof *seen);
		}
		n = 0;
		for (j = 0; j < e->hn; j++) {
			uint32_t s = f->hist[e->h0 + j].stage;

			for (k = 0; k < n && seen[k] != s; k++)
				;
			if (k < n)
				continue;
			seen[n] = s;
			f->stage[s].rank_sum += (double)n;
			f->stage[s].rank_n++;
			n++;
		}
	}
	free(seen);
}

struct order_key {
	uint32_t stage;
	int listed; /* 0: in --stages, at listpos; 1: not */
	size_t listpos;
	int cls; /* 0 in progress (or unknown), 1 success, 2 failure */
	double mean;
	const char *name;
	size_t nlen;
};

static int order_cmp(const void *a, const void *b)
{
	const struct order_key *x = a, *y = b;
	size_t n;
	int c;

	if (x->listed != y->listed)
		return x->listed - y->listed;
	if (!x->listed && x->listpos != y->listpos)
		return x->listpos < y->listpos ? -1 : 1;
	if (x->cls != y->cls)
		return x->cls - y->cls;
	if (x->mean != y->mean)
		return x->mean < y->mean ? -1 : 1;
	n = x->nlen < y->nlen ? x->nlen : y->nlen;
	c = memcmp(x->name, y->name, n);
	return c ? c : (x->nlen > y->nlen) - (x->nlen < y->nlen);
}

static void order_pipes(struct funnel *f)
{
	struct order_key *keys = xcalloc(f->nstage + 1, sizeof *keys);
	size_t p, i, j, n;

	for (p = 0; p < f->npipe; p++) {
		struct fn_pipe *pp = &f->pipe[p];
		uint32_t prev = FN_NONE;

		n = 0;
		for (i = 0; i < f->nstage; i++) {
			const struct fn_stage *s = &f->stage[i];
			struct order_key *k;

			if (s->pipe != p)
				continue;
			k = &keys[n++];
			k->stage = (uint32_t)i;
			k->name = fn_str(f, s->name, &k->nlen);
			k->listed = 1;
			k->listpos = 0;
			for (j = 0; j < f->stages.n; j++)
				if (strlen(f->stages.v[j]) == k->nlen &&
				    memcmp(f->stages.v[j], k->name, k->nlen) ==
					    0) {
					k->listed = 0;
					k->listpos = j;
					break;
				}
			k->cls = s->sem == 'S' ? 1 : s->sem == 'F' ? 2 : 0;
			k->mean = s->rank_n ? s->rank_sum / (double)s->rank_n
					    : 1e300;
		}
		qsort(keys, n, sizeof *keys, order_cmp);
		pp->order = xmalloc((n + 1) * sizeof *pp->order);
		pp->n = n;
		for (i = 0; i < n; i++) {
			struct fn_stage *s = &f->stage[keys[i].stage];

			pp->order[i] = keys[i].stage;
			s->pos = (uint32_t)(i + 1);
			if (s->sem == 'F')
				continue;
			s->prev = prev;
			if (prev == FN_NONE)
				pp->first = keys[i].stage;
			prev = keys[i].stage;
		}
	}
	free(keys);
}

static uint32_t month_str(struct funnel *f, int64_t day, int quarter)
{
	int64_t y;
	unsigned m, d;
	char tmp[32];
	int n;

	ptime_civil_from_days(day, &y, &m, &d);
	if (quarter)
		n = snprintf(tmp, sizeof tmp, "%04lld-Q%u", (long long)y,
			     (m - 1) / 3 + 1);
	else
		n = snprintf(tmp, sizeof tmp, "%04lld-%02u", (long long)y, m);
	return fn_intern(f, tmp, (size_t)n);
}

/* When e entered its current stage (its created time without history). */
static void find_since(struct fn_ent *e, const struct fn_hist *h)
{
	size_t j;

	e->since_sec = e->created_sec;
	e->since_txt = e->created_txt;
	if (!e->hn)
		return;
	j = e->hn - 1;
	if (e->cur != FN_NONE && h[j].stage == e->cur)
		while (j > 0 && h[j - 1].stage == e->cur)
			j--;
	e->since_sec = h[j].sec;
	e->since_txt = h[j].ts_txt;
}

static void derive(struct funnel *f, struct fn_ent *e)
{
	const struct fn_hist *h = f->hist + e->h0;
	const struct fn_ent *lead = NULL;

	if (!e->sem && e->cur != FN_NONE)
		e->sem = f->stage[e->cur].sem;
	if (!e->sem && e->hn)
		e->sem = h[e->hn - 1].sem;
	if (!e->sem)
		e->sem = 'P';

	if (e->kind == 'D' && e->lead_id != FN_NOTEXT) {
		const char *p;
		size_t n;
		uint32_t l;

		p = fn_text_get(f, e->lead_id, &n);
		l = fn_find(f, 'L', p, n);
		if (l != FN_NONE && f->ent[l].has_rec)
			lead = &f->ent[l];
	}
	e->lead = lead ? (uint32_t)(lead - f->ent) : FN_NONE;
	if (!lead)
		lead = e;
	e->esrc = lead->source;
	e->ecamp = lead->campaign;
	e->eadg = lead->adgroup;
	e->eday = lead->created_day;
	e->in_cohort = (!f->o.has_from || e->eday >= f->o.from_day) &&
		       (!f->o.has_to || e->eday <= f->o.to_day);

	switch (f->o.by) {
	case FN_BY_NONE:
		e->group = FN_NONE;
		break;
	case FN_BY_MANAGER:
		e->group = e->manager;
		break;
	case FN_BY_SOURCE:
		e->group = e->esrc;
		break;
	case FN_BY_CAMPAIGN:
		e->group = e->ecamp;
		break;
	case FN_BY_ADGROUP:
		e->group = e->eadg;
		break;
	case FN_BY_MONTH:
		e->group = month_str(f, e->eday, 0);
		break;
	case FN_BY_QUARTER:
		e->group = month_str(f, e->eday, 1);
		break;
	}
	find_since(e, h);
}

void funnel_prep(struct funnel *f)
{
	size_t i, j;

	funnel_flush(f);
	if (f->nhist)
		qsort(f->hist, f->nhist, sizeof *f->hist, hist_cmp);
	for (i = 0; i < f->nent; i++)
		f->ent[i].hn = 0;
	for (i = 0; i < f->nhist; i = j) {
		struct fn_ent *e = &f->ent[f->hist[i].ent];

		for (j = i; j < f->nhist && f->hist[j].ent == f->hist[i].ent;
		     j++)
			;
		e->h0 = i;
		e->hn = j - i;
		if (!e->has_rec)
			f->orphan_hist += e->hn;
	}
	/* leads' pipeline first, then deals' by category as they come */
	pipe_get(f, 'L', FN_NONE);
	for (i = 0; i < f->nhist; i++) {
		struct fn_hist *h = &f->hist[i];
		const struct fn_ent *e = &f->ent[h->ent];
		uint32_t cat = h->cat;

		if (e->kind == 'D' && cat == FN_NONE)
			cat = e->category;
		h->stage = stage_get(f, pipe_get(f, e->kind, cat), h->name,
				     h->sem);
	}
	for (i = 0; i < f->nent; i++) {
		struct fn_ent *e = &f->ent[i];

		e->pipe = pipe_get(f, e->kind, e->category);
		e->cur = FN_NONE;
		if (e->has_rec && e->status != FN_NONE)
			e->cur = stage_get(f, e->pipe, e->status, e->sem);
	}
	rank_stages(f);
	order_pipes(f);
	for (i = 0; i < f->nent; i++)
		if (f->ent[i].has_rec)
			derive(f, &f->ent[i]);
}
