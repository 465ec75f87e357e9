/* funnel_count.c - the cohort counted into the tables' sums; see funnel.h. */
#include "funnel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ptime.h"

/*
 * The stages table is the hot one (every record, every stage it reached):
 * counted in arrays per group and stage, handed to the fsum at the end.
 */
struct stagecount {
	size_t ng, capg, nstage, npipe;
	uint64_t *reached, *fromprev; /* [g * nstage + stage] */
	uint64_t *total, *nostage;    /* [g * npipe + pipe] */
};

struct counter {
	struct funnel *f;
	struct fsum *s;
	uint32_t by;   /* the --by name, FSUM_NONE */
	uint32_t none; /* "(none)" */
	struct stagecount sc;
	uint32_t *set, *pipes; /* scratch: a record's stages, pipelines */
	size_t capset;
	struct buf key;
};

static void sc_grow(struct stagecount *sc, size_t g)
{
	size_t old = sc->capg;

	if (g < sc->capg)
		return;
	sc->capg = sc->capg ? 2 * sc->capg : 16;
	while (sc->capg <= g)
		sc->capg *= 2;
	sc->reached = xrealloc(sc->reached,
			       sc->capg * sc->nstage * sizeof *sc->reached);
	sc->fromprev = xrealloc(sc->fromprev,
				sc->capg * sc->nstage * sizeof *sc->fromprev);
	sc->total =
		xrealloc(sc->total, sc->capg * sc->npipe * sizeof *sc->total);
	sc->nostage = xrealloc(sc->nostage,
			       sc->capg * sc->npipe * sizeof *sc->nostage);
	memset(sc->reached + old * sc->nstage, 0,
	       (sc->capg - old) * sc->nstage * sizeof *sc->reached);
	memset(sc->fromprev + old * sc->nstage, 0,
	       (sc->capg - old) * sc->nstage * sizeof *sc->fromprev);
	memset(sc->total + old * sc->npipe, 0,
	       (sc->capg - old) * sc->npipe * sizeof *sc->total);
	memset(sc->nostage + old * sc->npipe, 0,
	       (sc->capg - old) * sc->npipe * sizeof *sc->nostage);
}

/* Whether lead e has passed the first stage of its pipeline, not failed. */
static int qualified(const struct funnel *f, const struct fn_ent *e)
{
	const struct fn_pipe *p = &f->pipe[e->pipe];
	size_t j;

	if (e->sem == 'F')
		return 0;
	if (e->sem == 'S')
		return 1;
	if (e->cur != FN_NONE && f->stage[e->cur].sem != 'F' &&
	    e->cur != p->first)
		return 1;
	for (j = 0; j < e->hn; j++) {
		uint32_t s = f->hist[e->h0 + j].stage;

		if (f->stage[s].sem != 'F' &&
		    s != f->pipe[f->stage[s].pipe].first)
			return 1;
	}
	return 0;
}

/* Whole days e has lain in its current stage. */
static int64_t days_in_stage(const struct funnel *f, const struct fn_ent *e)
{
	int64_t d = f->o.as_of - e->since_sec;

	return d < 0 ? 0 : d / 86400;
}

/* The stages e reached (its history and its current one), once each. */
static void count_stages(struct counter *k, const struct fn_ent *e, uint32_t g)
{
	struct funnel *f = k->f;
	struct stagecount *sc = &k->sc;
	uint64_t *reached = sc->reached + g * sc->nstage;
	uint64_t *fromprev = sc->fromprev + g * sc->nstage;
	uint64_t *total = sc->total + g * sc->npipe;
	size_t j, m, n = 0, np = 0;

	if (!e->hn) {
		total[e->pipe]++;
		sc->nostage[g * sc->npipe + e->pipe]++;
		return;
	}
	if (e->hn + 2 > k->capset) {
		k->capset = e->hn + 2;
		k->set = xrealloc(k->set, k->capset * sizeof *k->set);
		k->pipes = xrealloc(k->pipes, k->capset * sizeof *k->pipes);
	}
	for (j = 0; j <= e->hn; j++) {
		uint32_t st = j < e->hn ? f->hist[e->h0 + j].stage : e->cur;

		if (st == FN_NONE)
			continue;
		for (m = 0; m < n && k->set[m] != st; m++)
			;
		if (m == n)
			k->set[n++] = st;
	}
	k->pipes[np++] = e->pipe;
	for (j = 0; j < n; j++) {
		uint32_t p = f->stage[k->set[j]].pipe, prev;

		for (m = 0; m < np && k->pipes[m] != p; m++)
			;
		if (m == np)
			k->pipes[np++] = p;
		reached[k->set[j]]++;
		prev = f->stage[k->set[j]].prev;
		if (prev == FN_NONE)
			continue;
		for (m = 0; m < n && k->set[m] != prev; m++)
			;
		if (m < n)
			fromprev[k->set[j]]++;
	}
	for (m = 0; m < np; m++)
		total[k->pipes[m]]++;
}

/* The failure e ended in: its last P stage, the F stage, the reason. */
static void count_drop(struct counter *k, const struct fn_ent *e, uint32_t g)
{
	struct funnel *f = k->f;
	uint32_t last = FN_NONE, lost = e->cur, pipe;
	size_t j;

	for (j = e->hn; j-- > 0;) {
		uint32_t st = f->hist[e->h0 + j].stage;

		if (f->stage[st].sem == 'P' ||
		    (!f->stage[st].sem && f->hist[e->h0 + j].sem == 'P')) {
			last = st;
			break;
		}
	}
	if (lost == FN_NONE && e->hn)
		lost = f->hist[e->h0 + e->hn - 1].stage;
	pipe = lost != FN_NONE ? f->stage[lost].pipe : e->pipe;
	fsum_drop(k->s, g, f->pipe[pipe].sidx,
		  last != FN_NONE ? f->stage[last].sidx : FSUM_NONE,
		  lost != FN_NONE ? f->stage[lost].sidx : FSUM_NONE, e->loss,
		  1);
}

static uint32_t or_none(const struct counter *k, uint32_t s)
{
	return s == FN_NONE ? k->none : s;
}

/* A text interned for the fsum, FSUM_NONE for none. */
static uint32_t text(struct counter *k, fn_text t)
{
	const char *p;
	size_t n;

	if (t == FN_NOTEXT)
		return FSUM_NONE;
	p = fn_text_get(k->f, t, &n);
	return fsum_str(k->s, p, n);
}

static void count_stale(struct counter *k, const struct fn_ent *e, uint32_t g,
			int64_t days)
{
	struct fsum_stale r;
	const char *p;
	size_t n;

	memset(&r, 0, sizeof r);
	r.group = g;
	r.kind = e->kind;
	p = fn_id(k->f, (uint32_t)(e - k->f->ent), &n);
	r.id = fsum_str(k->s, p, n);
	r.title = text(k, e->title);
	r.manager = or_none(k, e->manager);
	r.source = or_none(k, e->esrc);
	r.stage = e->status;
	r.since = text(k, e->since_txt);
	r.created = text(k, e->created_txt);
	r.days = days;
	fsum_stale(k->s, &r);
}

/* Everything record e adds to the tables of group g. */
static void count(struct counter *k, const struct fn_ent *e, uint32_t g)
{
	struct funnel *f = k->f;
	struct fsum *s = k->s;
	int64_t month = fsum_month(e->eday, 0);
	uint32_t src = or_none(k, e->esrc), mgr = or_none(k, e->manager);

	count_stages(k, e, g);
	if (e->sem == 'F')
		count_drop(k, e, g);
	if (e->kind == 'L') {
		uint64_t q = (uint64_t)qualified(f, e);

		fsum_source(s, g, src, or_none(k, e->ecamp), 1, q, 0);
		fsum_top(s, g, month, src, 1);
		fsum_dynamics(s, g, 0, month, 1, q, 0);
		fsum_dynamics(s, g, 1, fsum_month(e->eday, 1), 1, q, 0);
		fsum_manager(s, g, mgr, 1, 0);
		fsum_manager_day(s, g, mgr, e->eday);
		fsum_manager_month(s, g, mgr, month, 1, 0);
	} else if (e->sem == 'S') {
		uint32_t r[4];
		int i;

		r[0] = fsum_source(s, g, src, or_none(k, e->ecamp), 0, 0, 1);
		r[1] = fsum_dynamics(s, g, 0, month, 0, 0, 1);
		r[2] = fsum_dynamics(s, g, 1, fsum_month(e->eday, 1), 0, 0, 1);
		r[3] = fsum_manager(s, g, mgr, 0, 1);
		if (e->has_amount) {
			static const enum fsum_table t[4] = {
				FSUM_SOURCES, FSUM_DYNAMICS, FSUM_DYNAMICS,
				FSUM_MANAGERS};

			for (i = 0; i < 4; i++)
				fsum_money(s, t[i], r[i], e->currency,
					   e->amount, 1, e->amount_scale);
		}
		i = (int)fsum_manager_month(s, g, mgr, month, 0, 1);
		if (e->has_amount)
			fsum_money(s, FSUM_MMONTHS, (uint32_t)i, e->currency,
				   e->amount, 1, e->amount_scale);
	}
	if (e->sem == 'P') {
		int64_t d = days_in_stage(f, e);

		fsum_age(s, g, f->pipe[e->pipe].sidx,
			 e->cur != FN_NONE ? f->stage[e->cur].sidx : FSUM_NONE,
			 1, (uint64_t)d, (uint64_t)d);
		if (f->o.stale_days >= 0 && d > f->o.stale_days)
			count_stale(k, e, g, d);
	}
}

static const char *by_name(enum fn_by by)
{
	switch (by) {
	case FN_BY_MANAGER:
		return "manager";
	case FN_BY_SOURCE:
		return "source";
	case FN_BY_CAMPAIGN:
		return "utm_campaign";
	case FN_BY_ADGROUP:
		return "ad_group";
	case FN_BY_MONTH:
		return "month";
	case FN_BY_QUARTER:
		return "quarter";
	default:
		return NULL;
	}
}

/* Whether e's cohort key (funnel.h) is in the shard. */
static int mine(struct counter *k, const struct fn_ent *e)
{
	const struct shard *sh = &k->f->shard;
	const char *p;
	size_t n;

	if (!sh->n)
		return 1;
	if (e->lead != FN_NONE) {
		p = fn_id(k->f, e->lead, &n);
		return shard_mine(sh, p, n);
	}
	p = fn_id(k->f, (uint32_t)(e - k->f->ent), &n);
	if (e->kind == 'L')
		return shard_mine(sh, p, n);
	buf_reset(&k->key);
	buf_adds(&k->key, "deal ");
	buf_add(&k->key, p, n);
	return shard_mine(sh, k->key.p, k->key.len);
}

/*
 * The first month the period covers whole (fsum_first_month()): that of
 * --from, or the next one when --from is not the 1st; without --from, that
 * of the first record of the cohort, of every shard (each reads the whole
 * input), so that every shard writes the same.  INT64_MAX: no record.
 */
static int64_t first_month(const struct funnel *f)
{
	int64_t first = INT64_MAX, y;
	unsigned m, d;
	size_t i;

	if (f->o.has_from) {
		ptime_civil_from_days(f->o.from_day, &y, &m, &d);
		return fsum_month(f->o.from_day, 0) + (d != 1);
	}
	for (i = 0; i < f->nent; i++)
		if (f->ent[i].has_rec && f->ent[i].in_cohort &&
		    fsum_month(f->ent[i].eday, 0) < first)
			first = fsum_month(f->ent[i].eday, 0);
	return first;
}

static void counter_release(struct counter *k)
{
	free(k->sc.reached);
	free(k->sc.fromprev);
	free(k->sc.total);
	free(k->sc.nostage);
	free(k->set);
	free(k->pipes);
	buf_release(&k->key);
}

int funnel_emit(struct funnel *f, struct sink *out, char *msg, size_t msz)
{
	struct counter k;
	struct stagecount *sc = &k.sc;
	size_t i, g, j;
	int64_t first;
	int rc;

	memset(&k, 0, sizeof k);
	k.f = f;
	k.s = &f->sum;
	k.none = fn_intern(f, "(none)", 6);
	k.by = f->o.by == FN_BY_NONE ? FSUM_NONE
				     : fn_intern(f, by_name(f->o.by),
						 strlen(by_name(f->o.by)));
	/* every pipeline and stage: the stage order is the whole input's */
	for (i = 0; i < f->npipe; i++)
		f->pipe[i].sidx =
			fsum_pipe(k.s, f->pipe[i].kind, f->pipe[i].cat);
	for (i = 0; i < f->nstage; i++) {
		struct fn_stage *st = &f->stage[i];

		st->sidx = fsum_stage(k.s, f->pipe[st->pipe].sidx, st->name,
				      st->sem, st->pos);
		if (st->sidx == FSUM_NONE) { /* funnel_prep() numbers them */
			snprintf(msg, msz,
				 "internal error: two stages at one place");
			counter_release(&k);
			return -1;
		}
	}
	sc->nstage = f->nstage;
	sc->npipe = f->npipe;

	if ((first = first_month(f)) != INT64_MAX)
		fsum_first_month(k.s, first);

	for (i = 0; i < f->nent; i++) {
		const struct fn_ent *e = &f->ent[i];

		if (!e->has_rec || !e->in_cohort || !mine(&k, e))
			continue;
		g = fsum_group(k.s, k.by, e->group);
		sc_grow(sc, g);
		if (g >= sc->ng)
			sc->ng = g + 1;
		count(&k, e, (uint32_t)g);
	}

	for (g = 0; g < sc->ng; g++) {
		for (j = 0; j < sc->npipe; j++)
			if (sc->total[g * sc->npipe + j])
				fsum_total(k.s, (uint32_t)g, f->pipe[j].sidx,
					   sc->total[g * sc->npipe + j],
					   sc->nostage[g * sc->npipe + j]);
		for (j = 0; j < sc->nstage; j++)
			if (sc->reached[g * sc->nstage + j])
				fsum_reached(k.s, (uint32_t)g, f->stage[j].sidx,
					     sc->reached[g * sc->nstage + j],
					     sc->fromprev[g * sc->nstage + j]);
	}
	rc = fsum_write(k.s, out, f->o.partial, msg, msz);
	counter_release(&k);
	return rc;
}
