/* metrics_count.c - pulse-metrics' engine; see metrics.h. */
#include "metrics.h"

#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "event.h"
#include "group.h"
#include "hmap.h"
#include "idmap.h"
#include "jw.h"
#include "ptime.h"
#include "series.h"

#define US_PER_SEC INT64_C(1000000)
#define EC_NAIVE 0x8000 /* the event's time had no offset */
#define EC_CLASS 0x7fff
#define NO_PREV ((unsigned)-1)
#define BATCH 32
#define NAMES_MAX 4096

/* A user of the unsorted input, as its events come. */
struct ustate {
	int64_t last_us;    /* the last event, when seen */
	uint16_t last;	    /* its class | EC_NAIVE */
	uint8_t seen;	    /* SEEN, and PASSED while the log is replayed */
	uint8_t disordered; /* an event came before the last: recount */
	uint32_t last_pay;  /* by_outcome: the log index + 1 of the user's
			       last payment, or 0 (it fits the padding) */
};

#define SEEN 1
#define PASSED 2 /* replaying the log: the last payment is behind */

_Static_assert(sizeof(struct ustate) == 16, "struct ustate grew");

/* A duration's outcome: the index of its histogram among an event's. */
#define OUT_PAY 0
#define OUT_OTHER 1
#define DUR_NONE (-1) /* count_step(): no duration (counted later) */

struct pending {
	struct idmap_key user; /* the user id kept in a slot (idmap_slot_key) */
	int64_t us;
	uint16_t ec;
};

#define LOG_REC 14 /* a logged event: user number 4, us 8, ec 2 */

/* One event of a user being counted. */
struct uev {
	int64_t us;
	uint32_t idx; /* input order, for equal times */
	uint16_t ec;
};

struct metrics {
	struct metrics_opts o;

	/*
	 * decoded name -> uint16 class: 1..ncls-1 for the names the
	 * definitions mention, 0 for the others, which are added as they
	 * come (up to NAMES_MAX of them) so that every event's lookup goes
	 * through the memo
	 */
	struct hmap names;
	struct hmap_memo names_memo;
	struct jkey_memo names_dec; /* escaped names, decoded once */
	size_t ncls;
	size_t *mfirst, *mlist; /* metrics whose event is class c:
				   mlist[mfirst[c] .. mfirst[c+1]) */
	unsigned char *after;	/* ndefs x ncls: after[m * ncls + p] */
	int *durslot;		/* per class: index of its --durations, or -1 */
	unsigned paycls;	/* by_outcome: the payment event's class */

	struct series *dc;     /* per metric */
	struct series *dcut;   /* --as-of: per metric, up to its time of day */
	unsigned char *silent; /* nsilent x ncls: the events of each rule */
	int64_t *last_us;      /* per silent rule: its last event, local */
	int64_t dmin, dmax;
	int have_day;
	struct hist **dh; /* per --durations event and outcome: ds * nout + o */
	size_t nout;	  /* 2 by outcome (OUT_PAY, OUT_OTHER), or 1 */

	/*
	 * unsorted: each user's last event.  Most users' events come in time
	 * order and are counted as they come, in constant memory per user.
	 * Every event is also logged (14 bytes) to a temporary file; at the
	 * end the users whose events came out of order are counted again
	 * from it: what was counted for them as they came is taken back and
	 * their sorted events are counted.
	 */
	struct idmap users; /* user_id -> number and struct ustate */
	/* integer user ids whose number is still to be looked up: a batch,
	 * their slots and states prefetched, so the cache misses overlap */
	struct pending batch[BATCH];
	unsigned nb;
	FILE *log;
	struct buf logbuf;
	uint64_t nlog;
	size_t ndisordered;

	/* sorted: the current user's events */
	struct group grp;
	struct uev *ue;
	size_t nue, capue;

	struct buf scratch;

	/* the run cannot go on: an exit status and why (the first such) */
	int fatal;
	char err[200];
};

/* Notes a fatal error (the first one counts).  @return status. */
static int fail(struct metrics *m, int status, const char *fmt, ...)
	ERR_PRINTF(3, 4);

static int fail(struct metrics *m, int status, const char *fmt, ...)
{
	va_list ap;

	if (!m->fatal) {
		m->fatal = status;
		va_start(ap, fmt);
		vsnprintf(m->err, sizeof m->err, fmt, ap);
		va_end(ap);
	}
	return status;
}

/* As fail(), with ": strerror(errno)" appended. */
static int fail_errno(struct metrics *m, int status, const char *what)
{
	return fail(m, status, "%s: %s", what, strerror(errno));
}

/* The fatal error, if any, into msg.  @return its status or 0. */
static int fatal(const struct metrics *m, char *msg, size_t msz)
{
	if (m->fatal)
		snprintf(msg, msz, "%s", m->err);
	return m->fatal;
}

/* The class of a name of the definitions; a new one when the classes
 * last (ncls then passes EC_CLASS: the caller checks). */
static unsigned intern(struct metrics *m, const char *name)
{
	int isnew;
	uint16_t *v = hmap_put(&m->names, name, strlen(name), &isnew);

	if (isnew) {
		if (m->ncls++ > EC_CLASS)
			return 0;
		*v = (uint16_t)(m->ncls - 1);
	}
	return *v;
}

struct metrics *metrics_new(const struct metrics_opts *o, char *msg, size_t msz)
{
	struct metrics *m = xcalloc(1, sizeof *m);
	unsigned *ev_cls;
	size_t i, j, k;

	m->o = *o;
	hmap_init(&m->names, sizeof(uint16_t));
	idmap_init_vals(&m->users, sizeof(struct ustate));
	m->ncls = 1;
	ev_cls = xcalloc(o->ndefs + 1, sizeof *ev_cls);
	for (i = 0; i < o->ndefs; i++) {
		ev_cls[i] = intern(m, o->defs[i].event);
		for (j = 0; j < o->defs[i].nafter; j++)
			intern(m, o->defs[i].after[j]);
	}
	for (i = 0; i < o->durations.n; i++)
		intern(m, o->durations.v[i]);
	if (o->by_outcome)
		m->paycls = intern(m, o->payment_event);
	for (i = 0; i < o->nsilent; i++)
		for (j = 0; j < o->silent[i].nevents; j++)
			intern(m, o->silent[i].events[j]);
	if (m->ncls > EC_CLASS + 1) {
		snprintf(msg, msz,
			 "more than %d distinct event names in the definitions "
			 "and --durations",
			 EC_CLASS);
		free(ev_cls);
		hmap_release(&m->names);
		idmap_release(&m->users);
		free(m);
		return NULL;
	}

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
				 *(uint16_t *)hmap_get(
					 &m->names, o->defs[i].after[j],
					 strlen(o->defs[i].after[j]))] = 1;
	free(ev_cls);

	m->durslot = xmalloc(m->ncls * sizeof *m->durslot);
	for (k = 0; k < m->ncls; k++)
		m->durslot[k] = -1;
	m->nout = o->by_outcome ? 2 : 1;
	m->dh = xcalloc(o->durations.n * m->nout + 1, sizeof *m->dh);
	for (i = 0; i < o->durations.n; i++) {
		unsigned c = *(uint16_t *)hmap_get(&m->names, o->durations.v[i],
						   strlen(o->durations.v[i]));

		if (m->durslot[c] < 0)
			m->durslot[c] = (int)i;
		for (j = 0; j < m->nout; j++)
			m->dh[i * m->nout + j] =
				xcalloc(1, hist_size(&o->edges));
	}
	m->dc = xcalloc(o->ndefs + 1, sizeof *m->dc);
	if (o->alerts && o->cut_us >= 0)
		m->dcut = xcalloc(o->ndefs + 1, sizeof *m->dcut);
	m->silent = xcalloc(o->nsilent * m->ncls + 1, 1);
	m->last_us = xmalloc((o->nsilent + 1) * sizeof *m->last_us);
	for (i = 0; i < o->nsilent; i++) {
		m->last_us[i] = INT64_MIN;
		for (j = 0; j < o->silent[i].nevents; j++)
			m->silent[i * m->ncls +
				  *(uint16_t *)hmap_get(
					  &m->names, o->silent[i].events[j],
					  strlen(o->silent[i].events[j]))] = 1;
	}
	return m;
}

/* ---- days ---------------------------------------------------------------- */

static int64_t floor_sec(int64_t us)
{
	return us >= 0 ? us / US_PER_SEC
		       : -((-us + US_PER_SEC - 1) / US_PER_SEC);
}

/* The report day of an event: naive times are already local. */
static int64_t event_day(struct metrics *m, int64_t us, unsigned ec)
{
	int64_t sec = floor_sec(us);

	return (ec & EC_NAIVE) ? ptime_day(sec) : tz_day(&m->o.tz, sec);
}

/* The local wall clock of an event, in microseconds. */
static int64_t event_local(struct metrics *m, int64_t us, unsigned ec)
{
	if (ec & EC_NAIVE)
		return us;
	return us + (int64_t)tz_offset(&m->o.tz, floor_sec(us)) * US_PER_SEC;
}

/* --as-of: the event is before its day's time of day (or at it). */
static int before_cut(struct metrics *m, int64_t us, unsigned ec)
{
	int64_t t = event_local(m, us, ec) % (86400 * US_PER_SEC);

	if (t < 0)
		t += 86400 * US_PER_SEC;
	return t <= m->o.cut_us;
}

/* Adds (or takes back) one event of metric k on day. */
static void count_day(struct metrics *m, size_t k, int64_t day, int cut,
		      int take_back)
{
	struct series *s[2] = {&m->dc[k], cut ? &m->dcut[k] : NULL};
	size_t i;

	for (i = 0; i < 2 && s[i]; i++) {
		if (take_back) {
			if (series_sub(s[i], day, 1) < 0)
				fail(m, EX_SOFTWARE,
				     "internal error: taking back an event "
				     "never counted");
		} else if (series_add(s[i], day, 1) < 0) {
			fail(m, EX_SOFTWARE,
			     "metric '%.60s': a day's count passes 2^63-1",
			     m->o.defs[k].name);
		}
	}
}

/* The silent rules: the last event of each, up to the moment judged. */
static void note_silent(struct metrics *m, int64_t us, unsigned ec)
{
	int64_t t = event_local(m, us, ec);
	size_t i;

	if (t > m->o.until_us)
		return;
	for (i = 0; i < m->o.nsilent; i++)
		if ((!m->o.silent[i].nevents ||
		     m->silent[i * m->ncls + (ec & EC_CLASS)]) &&
		    t > m->last_us[i])
			m->last_us[i] = t;
}

/* ---- one user ------------------------------------------------------------ */

static int uev_cmp(const void *pa, const void *pb)
{
	const struct uev *a = pa, *b = pb;

	if (a->us != b->us)
		return a->us < b->us ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

/*
 * The duration from an event of --durations slot ds to the next one, into
 * the histogram of outcome outc.
 */
static void count_duration(struct metrics *m, int ds, int64_t from, int64_t to,
			   int take_back, int outc)
{
	/* unsigned: 10 000 years of microseconds, times 10, fit */
	uint64_t d = (uint64_t)to - (uint64_t)from;
	struct hist *hg = m->dh[(size_t)ds * m->nout + (size_t)outc];
	struct num h;

	/* hours in units of 1e-9 h (3.6 microseconds), rounded */
	num_from_fx(&h, (num_i128)((d * 10 + 18) / 36));
	if (!take_back)
		hist_add(hg, &m->o.edges, &h);
	else if (hist_sub(hg, &m->o.edges, &h) < 0)
		fail(m, EX_SOFTWARE,
		     "internal error: taking back a duration never counted");
}

/*
 * Counts the event (us, ec) whose user's preceding event is prev (its
 * class | EC_NAIVE, at prev_us) or NO_PREV: the metrics it makes, and the
 * preceding event's duration, into the histogram of outcome dur (none
 * when DUR_NONE).  take_back undoes exactly that.
 */
static void count_step(struct metrics *m, unsigned prev, int64_t prev_us,
		       int64_t us, unsigned ec, int take_back, int dur)
{
	unsigned c = ec & EC_CLASS,
		 pc = prev == NO_PREV ? NO_PREV : prev & EC_CLASS;
	size_t j;
	int cut;

	if (pc != NO_PREV && m->durslot[pc] >= 0 && dur != DUR_NONE)
		count_duration(m, m->durslot[pc], prev_us, us, take_back, dur);
	if (!c || m->mfirst[c] == m->mfirst[c + 1])
		return;
	cut = m->dcut && before_cut(m, us, ec);
	for (j = m->mfirst[c]; j < m->mfirst[c + 1]; j++) {
		size_t k = m->mlist[j];

		if (m->o.defs[k].has_after &&
		    (pc == NO_PREV || !m->after[k * m->ncls + pc]))
			continue;
		count_day(m, k, event_day(m, us, ec), cut, take_back);
	}
}

/*
 * The last event of a user has no next one: a null duration, of the
 * outcome "other" (no payment follows it either).
 */
static void count_last(struct metrics *m, unsigned ec)
{
	int ds = m->durslot[ec & EC_CLASS];

	if (ds >= 0)
		hist_add_null(m->dh[(size_t)ds * m->nout + m->nout - 1]);
}

/* Counts one user's events e[0..n), in input order: sorts them first. */
static void count_user(struct metrics *m, struct uev *e, size_t n)
{
	size_t i, pay = 0; /* the last payment's index + 1, or 0 */

	for (i = 1; i < n && e[i].us >= e[i - 1].us; i++)
		;
	if (i < n)
		qsort(e, n, sizeof *e, uev_cmp);
	for (i = 0; m->o.by_outcome && i < n; i++)
		if ((e[i].ec & EC_CLASS) == m->paycls)
			pay = i + 1;
	/* e[i - 1]'s duration: a payment follows it when pay - 1 > i - 1 */
	for (i = 0; i < n; i++)
		count_step(m, i ? e[i - 1].ec : NO_PREV, i ? e[i - 1].us : 0,
			   e[i].us, e[i].ec, 0,
			   m->nout == 1 || pay > i ? OUT_PAY : OUT_OTHER);
	if (n)
		count_last(m, e[n - 1].ec);
}

/* ---- input --------------------------------------------------------------- */

static void log_event(struct metrics *m, uint32_t u, int64_t us, unsigned ec)
{
	unsigned char rec[LOG_REC];
	uint16_t e16 = (uint16_t)ec;

	memcpy(rec, &u, 4);
	memcpy(rec + 4, &us, 8);
	memcpy(rec + 12, &e16, 2);
	buf_add(&m->logbuf, rec, LOG_REC);
	if (m->logbuf.len >= (1 << 20)) {
		if (!m->log && !(m->log = tmpfile())) {
			fail_errno(m, EX_CANTCREAT,
				   "cannot create a temporary file for the "
				   "event log");
			return;
		}
		if (fwrite(m->logbuf.p, 1, m->logbuf.len, m->log) !=
		    m->logbuf.len) {
			fail_errno(m, EX_IOERR,
				   "cannot write the temporary event log");
			return;
		}
		m->logbuf.len = 0;
	}
	if (++m->nlog > UINT32_MAX)
		fail(m, EX_SOFTWARE,
		     "more than 4294967295 events: group the input by user_id "
		     "and use --sorted");
}

/* An event of user number u, in input order: counted now when it is
 * not earlier than the user's last one. */
static void take_event(struct metrics *m, uint32_t u, int64_t us, unsigned ec)
{
	struct ustate *s = idmap_val(&m->users, u);

	log_event(m, u, us, ec);
	if (s->disordered)
		return;
	if (s->seen && us < s->last_us) {
		s->disordered = 1;
		m->ndisordered++;
		return;
	}
	if (m->o.by_outcome && (ec & EC_CLASS) == m->paycls)
		s->last_pay = (uint32_t)m->nlog; /* fatal past UINT32_MAX */
	/* by outcome, the durations wait for the user's last event */
	count_step(m, s->seen ? s->last : NO_PREV, s->last_us, us, ec, 0,
		   m->o.by_outcome ? DUR_NONE : OUT_PAY);
	s->seen = SEEN;
	s->last = (uint16_t)ec;
	s->last_us = us;
}

/* Numbers the batch's users, prefetches their states, takes the events. */
static void flush_batch(struct metrics *m)
{
	uint32_t num[BATCH];
	unsigned i;

	for (i = 0; i < m->nb; i++) {
		num[i] = idmap_put_key(&m->users, &m->batch[i].user, NULL);
		__builtin_prefetch(idmap_val(&m->users, num[i]), 1);
	}
	for (i = 0; i < m->nb; i++)
		take_event(m, num[i], m->batch[i].us, m->batch[i].ec);
	m->nb = 0;
}

int metrics_add(struct metrics *m, const struct rec *r, struct sink *out,
		char *msg, size_t msz)
{
	struct event ev;
	uint16_t *cp;
	unsigned ec;
	int64_t day;

	(void)out;
	if (m->fatal)
		return fatal(m, msg, msz);
	if (event_read(r, &ev, &m->scratch, &m->names_dec, msg, msz) < 0)
		return -1;
	if (m->o.sorted) {
		enum group_step st = group_next(&m->grp, ev.user.p, ev.user.n);

		if (st == GROUP_ENDED || st == GROUP_UNORDERED) {
			snprintf(msg, msz,
				 "input not grouped by user_id (user %.*s %s)",
				 (int)(ev.user.n > 60 ? 60 : ev.user.n),
				 ev.user.p, group_why(st));
			return -1;
		}
		if (st == GROUP_NEW) {
			count_user(m, m->ue, m->nue);
			m->nue = 0;
		}
	}
	if (hmap_len(&m->names) < m->ncls + NAMES_MAX) /* new: class 0 */
		cp = hmap_put_memo(&m->names, &m->names_memo, ev.name, ev.nlen,
				   NULL);
	else
		cp = hmap_get(&m->names, ev.name, ev.nlen);
	ec = cp ? *cp : 0;
	if (!ev.ts.has_off)
		ec |= EC_NAIVE;
	day = event_day(m, ev.us, ec);
	if (m->o.nsilent)
		note_silent(m, ev.us, ec);

	if (m->o.sorted) {
		if (m->nue == m->capue) {
			m->capue = m->capue ? 2 * m->capue : 256;
			m->ue = xrealloc(m->ue, m->capue * sizeof *m->ue);
		}
		m->ue[m->nue].us = ev.us;
		m->ue[m->nue].idx = (uint32_t)m->nue;
		m->ue[m->nue].ec = (uint16_t)ec;
		m->nue++;
	} else {
		struct idmap_key k;
		uint32_t u;

		/* a batch takes only users that are sure to get a number */
		if (idmap_slot_key(ev.user.p, ev.user.n, &k) &&
		    idmap_room(&m->users, m->nb + 1)) {
			struct pending *p = &m->batch[m->nb++];

			idmap_prefetch_key(&m->users, &k);
			p->user = k;
			p->us = ev.us;
			p->ec = (uint16_t)ec;
			if (m->nb == BATCH)
				flush_batch(m);
		} else {
			flush_batch(m); /* keep the input order */
			u = idmap_put(&m->users, ev.user.p, ev.user.n, NULL);
			if (u == IDMAP_FULL) {
				snprintf(msg, msz,
					 "more than %u users: group the input "
					 "by user_id and use --sorted",
					 (unsigned)IDMAP_MAX);
				return m->fatal ? fatal(m, msg, msz) : -1;
			}
			take_event(m, u, ev.us, ec);
		}
	}
	/* the days the report covers: only of records taken */
	if (!m->have_day || day < m->dmin)
		m->dmin = day;
	if (!m->have_day || day > m->dmax)
		m->dmax = day;
	m->have_day = 1;
	return fatal(m, msg, msz);
}

struct logged {
	uint32_t u, idx;
	int64_t us;
	uint16_t ec;
};

static int logged_cmp(const void *pa, const void *pb)
{
	const struct logged *a = pa, *b = pb;

	if (a->u != b->u)
		return a->u < b->u ? -1 : 1;
	return (a->idx > b->idx) - (a->idx < b->idx);
}

/* Starts reading the event log from its first event.  @return 0 or -1. */
static int log_rewind(struct metrics *m)
{
	if (m->log &&
	    (fflush(m->log) != 0 || fseek(m->log, 0, SEEK_SET) != 0)) {
		fail_errno(m, EX_IOERR,
			   "cannot read back the temporary event log");
		return -1;
	}
	return 0;
}

/*
 * Reads logged event idx into rec: idx is 0 after log_rewind(), then one
 * more at each call.  @return 0 or -1.
 */
static int log_read(struct metrics *m, uint64_t idx, unsigned char rec[LOG_REC])
{
	uint64_t off = idx * LOG_REC, inmem = m->nlog * LOG_REC - m->logbuf.len;

	if (off >= inmem) {
		memcpy(rec, m->logbuf.p + (off - inmem), LOG_REC);
		return 0;
	}
	if (fread(rec, 1, LOG_REC, m->log) == LOG_REC)
		return 0;
	if (!ferror(m->log))
		errno = EIO; /* cut short */
	fail_errno(m, EX_IOERR, "cannot read back the temporary event log");
	return -1;
}

/*
 * By outcome: the durations of the users whose events came in time order
 * (input order, then), read from the log in order.  A duration's outcome
 * is a payment while the user's last payment is still ahead.
 */
static void replay_durations(struct metrics *m)
{
	unsigned char rec[LOG_REC];
	size_t u, nu = idmap_len(&m->users);
	uint64_t idx;
	uint32_t uu;
	int64_t us;
	uint16_t e16;

	for (u = 0; u < nu; u++)
		((struct ustate *)idmap_val(&m->users, u))->seen = 0;
	if (log_rewind(m) < 0)
		return;
	for (idx = 0; idx < m->nlog; idx++) {
		struct ustate *s;
		unsigned pc;

		if (log_read(m, idx, rec) < 0)
			return;
		memcpy(&uu, rec, 4);
		s = idmap_val(&m->users, uu);
		if (s->disordered)
			continue;
		memcpy(&us, rec + 4, 8);
		memcpy(&e16, rec + 12, 2);
		pc = s->last & EC_CLASS;
		if (s->seen && m->durslot[pc] >= 0)
			count_duration(m, m->durslot[pc], s->last_us, us, 0,
				       s->last_pay && !(s->seen & PASSED)
					       ? OUT_PAY
					       : OUT_OTHER);
		s->seen |= SEEN;
		s->last = e16;
		s->last_us = us;
		if (s->last_pay == idx + 1)
			s->seen |= PASSED;
	}
}

/*
 * The users whose events came out of time order: takes back what was
 * counted for them as their events came (the same steps, replayed from
 * the log up to the first event out of order) and counts their sorted
 * events instead.
 */
static void recount_disordered(struct metrics *m)
{
	unsigned char rec[LOG_REC];
	struct logged *v = NULL;
	struct uev *e;
	size_t n = 0, cap = 0, i, j, k;
	uint64_t idx;
	uint16_t e16;

	if (log_rewind(m) < 0)
		return;
	for (idx = 0; idx < m->nlog; idx++) {
		if (log_read(m, idx, rec) < 0) {
			free(v);
			return;
		}
		if (n == cap) {
			cap = cap ? 2 * cap : 1024;
			v = xrealloc(v, cap * sizeof *v);
		}
		memcpy(&v[n].u, rec, 4);
		if (!((struct ustate *)idmap_val(&m->users, v[n].u))
			     ->disordered)
			continue;
		memcpy(&v[n].us, rec + 4, 8);
		memcpy(&e16, rec + 12, 2);
		v[n].ec = e16;
		v[n].idx = (uint32_t)idx;
		n++;
	}
	qsort(v, n, sizeof *v, logged_cmp);
	e = xmalloc((n ? n : 1) * sizeof *e);
	for (i = 0; i < n; i = j) {
		unsigned prev = NO_PREV;
		int64_t prev_us = 0;

		for (j = i; j < n && v[j].u == v[i].u; j++)
			;
		/* take back: the steps take_event() counted, in input order */
		for (k = i; k < j; k++) {
			if (prev != NO_PREV && v[k].us < prev_us)
				break;
			count_step(m, prev, prev_us, v[k].us, v[k].ec, 1,
				   m->o.by_outcome ? DUR_NONE : OUT_PAY);
			prev = v[k].ec;
			prev_us = v[k].us;
		}
		for (k = i; k < j; k++) {
			e[k - i].us = v[k].us;
			e[k - i].idx = v[k].idx;
			e[k - i].ec = v[k].ec;
		}
		count_user(m, e, j - i);
	}
	free(e);
	free(v);
}

/* Counts what the unsorted input left: the users' last events, and the
 * users whose events came out of order. */
static void count_all(struct metrics *m)
{
	size_t u, nu;

	flush_batch(m);
	nu = idmap_len(&m->users);
	for (u = 0; u < nu; u++) {
		const struct ustate *s = idmap_val(&m->users, u);

		if (s->seen && !s->disordered)
			count_last(m, s->last);
	}
	if (m->o.by_outcome && m->o.durations.n)
		replay_durations(m);
	if (m->ndisordered && !m->fatal)
		recount_disordered(m);
}

/* ---- output -------------------------------------------------------------- */

static void emit_metric(struct metrics *m, struct sink *out, size_t k)
{
	const struct metric_def *d = &m->o.defs[k];
	int64_t t;

	for (t = m->dmin; t <= m->dmax; t++) {
		series_write(&out->b, d->name, d->title, &m->dc[k], t, m->dmin,
			     m->o.partial);
		sink_commit(out);
	}
}

/* The histogram of --durations event k and outcome outc. */
static void emit_durations(struct metrics *m, struct sink *out, size_t k,
			   size_t outc)
{
	static const char *const outcome[] = {"payment", "other"};
	const char *name = m->o.durations.v[k];
	const struct hist *h = m->dh[k * m->nout + outc];
	struct buf *o = &out->b;

	buf_adds(o, "{\"kind\":\"histogram\",\"field\":\"hours_to_next\","
		    "\"by\":[\"event\"");
	if (m->o.by_outcome)
		buf_adds(o, ",\"outcome\"");
	buf_adds(o, "],\"key\":[");
	jw_cstr(o, name);
	if (m->o.by_outcome)
		buf_addf(o, ",\"%s\"", outcome[outc]);
	buf_adds(o, "],");
	hist_write(o, &m->o.edges, h);
	buf_adds(o, ",\"event\":");
	jw_cstr(o, name);
	if (m->o.by_outcome)
		buf_addf(o, ",\"outcome\":\"%s\"", outcome[outc]);
	buf_adds(o, ",\"p50\":");
	jw_f64(o, hist_quantile(h, &m->o.edges, 0.5));
	buf_adds(o, ",\"p90\":");
	jw_f64(o, hist_quantile(h, &m->o.edges, 0.9));
	buf_adds(o, ",\"unit\":\"hours\"}\n");
	sink_commit(out);
}

int metrics_finish(struct metrics *m, struct sink *out, char *msg, size_t msz)
{
	size_t k, j;

	if (m->fatal)
		return fatal(m, msg, msz);
	if (m->o.sorted)
		count_user(m, m->ue, m->nue);
	else
		count_all(m);
	m->nue = 0;
	if (m->fatal)
		return fatal(m, msg, msz);
	if (m->o.alerts) {
		struct metrics_counted c = {m->dcut ? m->dcut : m->dc, m->dmin,
					    m->have_day, m->last_us};

		size_t n = metrics_alert_write(&m->o, &c, out, m->err,
					       sizeof m->err);

		if (!n)
			return 0;
		snprintf(msg, msz,
			 "%zu metric%s not judged: the input has no %s before "
			 "the day (first: '%.60s')",
			 n, n == 1 ? "" : "s", "same weekday", m->err);
		return -1;
	}
	if (m->have_day)
		for (k = 0; k < m->o.ndefs; k++)
			emit_metric(m, out, k);
	for (k = 0; k < m->o.durations.n; k++)
		for (j = 0; j < m->nout; j++)
			emit_durations(m, out, k, j);
	return 0;
}

void metrics_free(struct metrics *m)
{
	size_t k;

	if (!m)
		return;
	for (k = 0; k < m->o.ndefs; k++) {
		series_release(&m->dc[k]);
		if (m->dcut)
			series_release(&m->dcut[k]);
	}
	free(m->dcut);
	free(m->silent);
	free(m->last_us);
	for (k = 0; k < m->o.durations.n * m->nout; k++)
		free(m->dh[k]);
	free(m->dc);
	free(m->dh);
	free(m->mfirst);
	free(m->mlist);
	free(m->after);
	free(m->durslot);
	if (m->log)
		fclose(m->log);
	buf_release(&m->logbuf);
	free(m->ue);
	idmap_release(&m->users);
	hmap_release(&m->names);
	group_release(&m->grp);
	buf_release(&m->scratch);
	jkey_memo_release(&m->names_dec);
	free(m);
}
