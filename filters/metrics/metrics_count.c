/* metrics_count.c - pulse-metrics' engine; see metrics.h. */
#include "metrics.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "group.h"
#include "hmap.h"
#include "idmap.h"
#include "ptime.h"
#include "series.h"

#define NS_PER_SEC INT64_C(1000000000)
#define EC_NAIVE 0x8000 /* the event's time had no offset */
#define EC_CLASS 0x7fff
#define NO_PREV ((unsigned)-1)
#define BATCH 32
#define NAMES_MAX 4096

/* One event of a user being counted. */
struct uev {
	int64_t ns;
	uint32_t idx; /* input order, for equal times */
	uint16_t ec;
};

struct metrics {
	struct metrics_opts o;

	/* classes: 0 = a name no definition mentions, 1..ncls-1 named */
	struct hmap cls; /* decoded name -> uint16 class */
	/* every name met (up to NAMES_MAX), with its class: one memoised
	 * lookup per event, for names that have no class too */
	struct hmap names;
	struct hmap_memo names_memo;
	size_t ncls;
	size_t *mfirst, *mlist; /* metrics whose event is class c:
				   mlist[mfirst[c] .. mfirst[c+1]) */
	unsigned char *after; /* ndefs x ncls: after[m * ncls + p] */
	int *durslot; /* per class: index of its --durations, or -1 */

	struct series *dc; /* per metric */
	int64_t dmin, dmax;
	int have_day;
	struct hist **dh; /* per --durations event */

	/* unsorted: every event, and its user's number (idmap) */
	struct idmap users;
	uint32_t *uid;
	/* integer user ids whose number is still to be looked up: a batch,
	 * their slots prefetched, so the lookups' cache misses overlap */
	uint64_t bkey[BATCH];
	uint32_t bidx[BATCH];
	unsigned nb;
	int64_t *ns;
	uint16_t *ec;
	size_t nev, capev;

	/* sorted: the current user's events */
	struct group grp;
	struct uev *ue;
	size_t nue, capue;

	struct buf scratch;
	char msg[200];
};

static unsigned intern(struct metrics *m, const char *name)
{
	int isnew;
	uint16_t *v = hmap_put(&m->cls, name, strlen(name), &isnew);

	if (isnew) {
		if (m->ncls > EC_CLASS)
			die(EX_DATAERR, "more than %d event names in the definitions",
			    EC_CLASS);
		*v = (uint16_t)m->ncls++;
	}
	return *v;
}

struct metrics *metrics_new(const struct metrics_opts *o)
{
	struct metrics *m = xcalloc(1, sizeof *m);
	unsigned *ev_cls;
	size_t i, j, k;

	m->o = *o;
	hmap_init(&m->cls, sizeof(uint16_t));
	hmap_init(&m->names, sizeof(uint16_t));
	idmap_init(&m->users);
	m->ncls = 1;
	ev_cls = xcalloc(o->ndefs + 1, sizeof *ev_cls);
	for (i = 0; i < o->ndefs; i++) {
		ev_cls[i] = intern(m, o->defs[i].event);
		for (j = 0; j < o->defs[i].nafter; j++)
			intern(m, o->defs[i].after[j]);
	}
	for (i = 0; i < o->ndur; i++)
		intern(m, o->durations[i]);

	m->mfirst = xcalloc(m->ncls + 1, sizeof *m->mfirst);
	m->mlist = xcalloc(o->ndefs + 1, sizeof *m->mlist);
	for (i = 0; i < o->ndefs; i++)
		m->mfirst[ev_cls[i] + 1]++;
	for (k = 0; k < m->ncls; k++)
		m->mfirst[k + 1] += m->mfirst[k];
	{
		size_t *fill = xcalloc(m->ncls + 1, sizeof *fill);

		for (i = 0; i < o->ndefs; i++)
			m->mlist[m->mfirst[ev_cls[i]] + fill[ev_cls[i]]++] = i;
		free(fill);
	}
	m->after = xcalloc(o->ndefs * m->ncls + 1, 1);
	for (i = 0; i < o->ndefs; i++)
		for (j = 0; j < o->defs[i].nafter; j++)
			m->after[i * m->ncls +
				 *(uint16_t *)hmap_get(&m->cls, o->defs[i].after[j],
						       strlen(o->defs[i].after[j]))] = 1;
	free(ev_cls);

	m->durslot = xmalloc(m->ncls * sizeof *m->durslot);
	for (k = 0; k < m->ncls; k++)
		m->durslot[k] = -1;
	m->dh = xcalloc(o->ndur + 1, sizeof *m->dh);
	for (i = 0; i < o->ndur; i++) {
		unsigned c = *(uint16_t *)hmap_get(&m->cls, o->durations[i],
						   strlen(o->durations[i]));

		if (m->durslot[c] < 0)
			m->durslot[c] = (int)i;
		m->dh[i] = xcalloc(1, hist_size(&o->edges));
	}
	m->dc = xcalloc(o->ndefs + 1, sizeof *m->dc);
	return m;
}

/* ---- days ----------------------------------------------------------------- */

static int64_t floor_sec(int64_t ns)
{
	return ns >= 0 ? ns / NS_PER_SEC : -((-ns + NS_PER_SEC - 1) / NS_PER_SEC);
}

/* The report day of an event: naive times are already local. */
static int64_t event_day(struct metrics *m, int64_t ns, unsigned ec)
{
	int64_t sec = floor_sec(ns);

	return (ec & EC_NAIVE) ? time_day(sec) : tz_day(&m->o.tz, sec);
}

/* ---- one user ------------------------------------------------------------- */

static int uev_cmp(const void *pa, const void *pb)
{
	const struct uev *a = pa, *b = pb;

	if (a->ns != b->ns)
		return a->ns < b->ns ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Counts one user's events e[0..n), in input order: sorts them first. */
static void count_user(struct metrics *m, struct uev *e, size_t n)
{
	size_t i, j;
	unsigned prev = NO_PREV;

	for (i = 1; i < n && e[i].ns >= e[i - 1].ns; i++)
		;
	if (i < n)
		qsort(e, n, sizeof *e, uev_cmp);
	for (i = 0; i < n; i++) {
		unsigned c = e[i].ec & EC_CLASS;
		int ds;

		if (!c) {
			prev = 0;
			continue;
		}
		for (j = m->mfirst[c]; j < m->mfirst[c + 1]; j++) {
			size_t k = m->mlist[j];

			if (!m->o.defs[k].has_after ||
			    (prev != NO_PREV && m->after[k * m->ncls + prev]))
				series_add(&m->dc[k],
					   event_day(m, e[i].ns, e[i].ec), 1);
		}
		ds = m->durslot[c];
		if (ds >= 0) {
			if (i + 1 < n) {
				/* unsigned: 584 years of nanoseconds fit */
				uint64_t d = (uint64_t)e[i + 1].ns - (uint64_t)e[i].ns;
				struct num h;

				/* hours in units of 1e-9 h (3.6 microseconds) */
				num_from_fx(&h, (num_i128)((d + 1800) / 3600));
				hist_add(m->dh[ds], &m->o.edges, &h);
			} else {
				hist_add_null(m->dh[ds]);
			}
		}
		prev = c;
	}
}

/* ---- input ---------------------------------------------------------------- */

/* Gives the batch's events their users' numbers. */
static void flush_batch(struct metrics *m)
{
	unsigned i;

	for (i = 0; i < m->nb; i++)
		m->uid[m->bidx[i]] = idmap_put_int(&m->users, m->bkey[i], NULL);
	m->nb = 0;
}

void metrics_add(struct metrics *m, struct cli *c, const struct rec *r)
{
	struct event ev;
	uint16_t *cp;
	unsigned ec;
	int64_t day;

	if (event_read(r, &ev, &m->scratch, m->msg, sizeof m->msg) < 0) {
		cli_bad(c, "%s", m->msg);
		return;
	}
	if (m->o.sorted) {
		enum group_step st = group_next(&m->grp, ev.user.p, ev.user.n);

		if (st == GROUP_ENDED) {
			cli_bad(c, "input not grouped by user_id (user %.*s seen again)",
				(int)(ev.user.n > 60 ? 60 : ev.user.n), ev.user.p);
			return;
		}
		if (st == GROUP_NEW) {
			count_user(m, m->ue, m->nue);
			m->nue = 0;
		}
	}
	if (hmap_len(&m->names) < NAMES_MAX) {
		int isnew;

		cp = hmap_put_memo(&m->names, &m->names_memo, ev.name, ev.nlen,
				   &isnew);
		if (isnew) {
			uint16_t *known = hmap_get(&m->cls, ev.name, ev.nlen);

			*cp = known ? *known : 0;
		}
	} else {
		cp = hmap_get(&m->cls, ev.name, ev.nlen);
	}
	ec = cp ? *cp : 0;
	if (!ev.ts.has_off)
		ec |= EC_NAIVE;
	day = event_day(m, ev.ns, ec);
	if (!m->have_day || day < m->dmin)
		m->dmin = day;
	if (!m->have_day || day > m->dmax)
		m->dmax = day;
	m->have_day = 1;

	if (m->o.sorted) {
		if (m->nue == m->capue) {
			m->capue = m->capue ? 2 * m->capue : 256;
			m->ue = xrealloc(m->ue, m->capue * sizeof *m->ue);
		}
		m->ue[m->nue].ns = ev.ns;
		m->ue[m->nue].idx = (uint32_t)m->nue;
		m->ue[m->nue].ec = (uint16_t)ec;
		m->nue++;
		return;
	}
	if (m->nev == m->capev) {
		m->capev = m->capev ? m->capev + m->capev / 2 : 4096;
		if (m->capev > UINT32_MAX)
			die(EX_SOFTWARE, "more than 4294967295 events: group the input by user_id and use --sorted");
		m->uid = xrealloc(m->uid, m->capev * sizeof *m->uid);
		m->ns = xrealloc(m->ns, m->capev * sizeof *m->ns);
		m->ec = xrealloc(m->ec, m->capev * sizeof *m->ec);
	}
	{
		uint64_t k;

		if (idmap_int_key(ev.user.p, ev.user.n, &k)) {
			idmap_prefetch(&m->users, k);
			m->bkey[m->nb] = k;
			m->bidx[m->nb++] = (uint32_t)m->nev;
			if (m->nb == BATCH)
				flush_batch(m);
		} else {
			m->uid[m->nev] = idmap_put(&m->users, ev.user.p,
						   ev.user.n, NULL);
		}
	}
	m->ns[m->nev] = ev.ns;
	m->ec[m->nev] = (uint16_t)ec;
	m->nev++;
}

/* Counts every user of the unsorted input. */
static void count_all(struct metrics *m)
{
	size_t nu, i, u, maxn = 0;
	uint32_t *start, *perm;
	struct uev *e;

	flush_batch(m);
	nu = idmap_len(&m->users);
	/* start[u + 1]: user u's events, then the prefix sums */
	start = xcalloc(nu + 1, sizeof *start);
	for (i = 0; i < m->nev; i++)
		start[m->uid[i] + 1]++;
	for (u = 0; u < nu; u++) {
		if (start[u + 1] > maxn)
			maxn = start[u + 1];
		start[u + 1] += start[u];
	}
	/* a stable counting sort by user: input order within a user */
	perm = xmalloc((m->nev ? m->nev : 1) * sizeof *perm);
	for (i = 0; i < m->nev; i++)
		perm[start[m->uid[i]]++] = (uint32_t)i;
	free(m->uid);
	m->uid = NULL;
	e = xmalloc((maxn ? maxn : 1) * sizeof *e);
	for (u = 0, i = 0; u < nu; u++) {
		size_t n = 0;

		for (; i < start[u]; i++, n++) {
			e[n].ns = m->ns[perm[i]];
			e[n].idx = perm[i];
			e[n].ec = m->ec[perm[i]];
		}
		count_user(m, e, n);
	}
	free(e);
	free(perm);
	free(start);
}

/* ---- output --------------------------------------------------------------- */

static void emit_metric(struct metrics *m, struct cli *c, size_t k)
{
	const struct metric_def *d = &m->o.defs[k];
	int64_t t;

	for (t = m->dmin; t <= m->dmax; t++) {
		series_write(cli_out(c), d->name, d->title, &m->dc[k], t,
			     m->dmin, m->o.partial);
		cli_commit(c);
	}
}

static void emit_durations(struct metrics *m, struct cli *c, size_t k)
{
	const char *name = m->o.durations[k];
	const struct hist *h = m->dh[k];
	struct buf *o = cli_out(c);

	buf_adds(o, "{\"kind\":\"histogram\",\"field\":\"hours_to_next\","
		    "\"by\":[\"event\"],\"key\":[");
	jw_cstr(o, name);
	buf_adds(o, "],");
	hist_write(o, &m->o.edges, h);
	buf_adds(o, ",\"event\":");
	jw_cstr(o, name);
	buf_adds(o, ",\"p50\":");
	jw_fixed(o, hist_quantile(h, &m->o.edges, 0.5), 3);
	buf_adds(o, ",\"p90\":");
	jw_fixed(o, hist_quantile(h, &m->o.edges, 0.9), 3);
	buf_adds(o, ",\"unit\":\"hours\"}\n");
	cli_commit(c);
}

void metrics_finish(struct metrics *m, struct cli *c)
{
	size_t k;

	if (m->o.sorted)
		count_user(m, m->ue, m->nue);
	else
		count_all(m);
	m->nue = 0;
	if (m->have_day)
		for (k = 0; k < m->o.ndefs; k++)
			emit_metric(m, c, k);
	for (k = 0; k < m->o.ndur; k++)
		emit_durations(m, c, k);
}

void metrics_free(struct metrics *m)
{
	size_t k;

	if (!m)
		return;
	for (k = 0; k < m->o.ndefs; k++)
		series_release(&m->dc[k]);
	for (k = 0; k < m->o.ndur; k++)
		free(m->dh[k]);
	free(m->dc);
	free(m->dh);
	free(m->mfirst);
	free(m->mlist);
	free(m->after);
	free(m->durslot);
	free(m->uid);
	free(m->ns);
	free(m->ec);
	free(m->ue);
	hmap_release(&m->cls);
	idmap_release(&m->users);
	hmap_release(&m->names);
	group_release(&m->grp);
	buf_release(&m->scratch);
	free(m);
}
