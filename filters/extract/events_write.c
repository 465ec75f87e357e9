/*
 * events_write.c - the events engine's records, in the order pulse-extract
 * pg writes them: every row held and sorted at the end, or, when each
 * table comes sorted, the two merged as they are read.  See events.h.
 */
#include "events.h"
#include "events_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sales.h"

/* Appends one record to b.  @return 0, or an exit status. */
static int emit(struct events *x, struct buf *b, const char *user, size_t usern,
		int user_num, const char *ts, size_t tsn, uint32_t ev,
		const char *amount, size_t amountn)
{
	struct sales_row r;
	const char *why;

	r.user_id = user;
	r.user_idn = usern;
	r.user_num = user_num;
	r.ts = ts;
	r.tsn = tsn;
	if (ev == EV_PAYMENT) {
		r.event = x->payment_event;
		r.eventn = strlen(x->payment_event);
		r.amount = amount;
		r.amountn = amountn;
	} else {
		r.event = x->names.p + x->name_off[ev];
		r.eventn = x->name_off[ev + 1] - x->name_off[ev];
		r.amount = NULL;
		r.amountn = 0;
	}
	if (sales_event(b, &r, &why) != 0)
		return events_fail(x, EX_SOFTWARE, "a checked row failed: %s",
				   why);
	if (b == &x->out->b)
		sink_commit(x->out);
	return 0;
}

static int key_cmp(int64_t s1, int32_t n1, int src1, int64_t id1, int64_t s2,
		   int32_t n2, int src2, int64_t id2)
{
	if (s1 != s2)
		return s1 < s2 ? -1 : 1;
	if (n1 != n2)
		return n1 < n2 ? -1 : 1;
	if (src1 != src2)
		return src1 < src2 ? -1 : 1;
	return (id1 > id2) - (id1 < id2);
}

/* The same key: the same row of one table. */
static int held_same(const struct held *p, const struct held *q)
{
	return key_cmp(p->sec, p->nsec, p->src, p->id, q->sec, q->nsec, q->src,
		       q->id) == 0;
}

/* By key, then as read: of rows of one key, the first read comes first. */
static int held_cmp(const void *a, const void *b)
{
	const struct held *p = a, *q = b;
	int c = key_cmp(p->sec, p->nsec, p->src, p->id, q->sec, q->nsec, q->src,
			q->id);

	if (c)
		return c;
	return (p->off > q->off) - (p->off < q->off);
}

/* Holds the current row of c.  @return 0, or an exit status. */
static int hold(struct events *x, const struct cursor *c)
{
	struct held *h;

	if (c->user.len > UINT32_MAX)
		return events_fail(x, EX_DATAERR,
				   "%s:%llu: a user_id of over 4 GB", c->where,
				   (unsigned long long)c->line);
	if (x->nh == x->caph) {
		x->caph = x->caph ? x->caph * 2 : 4096;
		x->h = xrealloc(x->h, x->caph * sizeof *x->h);
	}
	h = &x->h[x->nh++];
	h->sec = c->sec;
	h->nsec = c->nsec;
	h->src = (uint8_t)c->src;
	h->id = c->id;
	h->ev = c->ev;
	h->user_num = (uint8_t)c->user_num;
	h->file = (uint16_t)(c->fi - 1 < UINT16_MAX ? c->fi - 1 : UINT16_MAX);
	h->ulen = (uint32_t)c->user.len;
	h->off = x->arena.len;
	buf_add(&x->arena, c->user.p, c->user.len);
	buf_add(&x->arena, c->ts.p, c->ts.len);
	buf_addc(&x->arena, '\0');
	if (c->src == SRC_PAYMENTS)
		buf_add(&x->arena, c->amount.p, c->amount.len);
	buf_addc(&x->arena, '\0');
	return 0;
}

/*
 * A row whose table, id and time were written already (a dump given twice,
 * overlapping dumps): a bad row, for the report, never written twice.
 */
static void duplicate(struct events *x, const char *where, uint64_t line,
		      int src, int64_t id, const char *raw, size_t rawlen)
{
	char msg[200];

	snprintf(msg, sizeof msg,
		 "the %s row with id %lld and this created_at is there "
		 "already: written once",
		 events_table[src], (long long)id);
	x->rep->bad(x->rep, where, line, raw, rawlen, msg);
}

static int emit_held(struct events *x, struct buf *b, const struct held *h)
{
	const char *user = x->arena.p + h->off;
	size_t un = h->ulen;
	const char *ts = user + un;
	size_t tn = strlen(ts);
	const char *amount = ts + tn + 1;

	return emit(x, b, user, un, h->user_num, ts, tn, h->ev, amount,
		    strlen(amount));
}

static int emit_cursor(struct events *x, const struct cursor *c)
{
	return emit(x, &x->out->b, c->user.p, c->user.len, c->user_num, c->ts.p,
		    c->ts.len, c->ev, c->amount.p, c->amount.len);
}

/*
 * Sorted: the next row of c, checked to be in order.  @return 1, 0 at the
 * end, or -status.
 */
static int next_sorted(struct events *x, struct cursor *c)
{
	int r, cmp;

	for (;;) {
		if ((r = events_cursor_next(x, c)) <= 0)
			return r;
		cmp = c->started ? key_cmp(c->sec, c->nsec, 0, c->id, c->psec,
					   c->pnsec, 0, c->pid)
				 : 1;
		if (cmp < 0)
			return -events_fail(
				x, EX_DATAERR,
				"%s:%llu: the %s rows are not in (created_at, "
				"id) order, as --sorted wants (drop --sorted "
				"to sort them)",
				c->where, (unsigned long long)c->line,
				events_table[c->src]);
		if (cmp == 0) {
			duplicate(x, c->where, c->line, c->src, c->id, c->raw.p,
				  c->raw.len);
			continue;
		}
		break;
	}
	c->started = 1;
	c->psec = c->sec;
	c->pnsec = c->nsec;
	c->pid = c->id;
	return 1;
}

/* Merges the two sorted tables.  @return 0 or an exit status. */
static int merge(struct events *x, struct cursor *ce, struct cursor *cp)
{
	int he = next_sorted(x, ce), hp, rc;

	if (he < 0)
		return -he;
	if ((hp = next_sorted(x, cp)) < 0)
		return -hp;
	while (he || hp) {
		if (he && (!hp || key_cmp(ce->sec, ce->nsec, 0, ce->id, cp->sec,
					  cp->nsec, 1, cp->id) < 0)) {
			if ((rc = emit_cursor(x, ce)) != 0)
				return rc;
			if ((he = next_sorted(x, ce)) < 0)
				return -he;
		} else {
			if ((rc = emit_cursor(x, cp)) != 0)
				return rc;
			if ((hp = next_sorted(x, cp)) < 0)
				return -hp;
		}
	}
	return 0;
}

/* Holds every row, sorts them and writes them.  @return 0 or a status. */
static int sort_all(struct events *x, struct cursor *ce, struct cursor *cp)
{
	size_t i;
	int r, rc;

	while ((r = events_cursor_next(x, ce)) > 0)
		if ((rc = hold(x, ce)) != 0)
			return rc;
	if (r < 0)
		return -r;
	while ((r = events_cursor_next(x, cp)) > 0)
		if ((rc = hold(x, cp)) != 0)
			return rc;
	if (r < 0)
		return -r;
	if (x->nh)
		qsort(x->h, x->nh, sizeof *x->h, held_cmp);
	for (i = 0; i < x->nh; i++) {
		const struct held *h = &x->h[i];

		if (i > 0 && held_same(h - 1, h)) {
			int src = h->src, f = h->file;
			const char *where = f < x->nfiles[src] && f < UINT16_MAX
						    ? x->files[src][f]
						    : events_table[src];

			/* the record it would be, for a quarantine file */
			buf_reset(&x->dup);
			if ((rc = emit_held(x, &x->dup, h)) != 0)
				return rc;
			duplicate(x, strcmp(where, "-") ? where : "<stdin>", 0,
				  src, h->id, x->dup.p, x->dup.len - 1);
			continue;
		}
		if ((rc = emit_held(x, &x->out->b, h)) != 0)
			return rc;
	}
	return 0;
}

int events_run(struct events *x, char **files, int nfiles, char **pay, int npay,
	       struct sink *out, struct report *rep, struct buf *err)
{
	struct cursor ce, cp;
	int rc;

	x->out = out;
	x->rep = rep;
	x->err = err;
	x->files[0] = files;
	x->nfiles[0] = nfiles;
	x->files[1] = pay;
	x->nfiles[1] = npay;
	events_cursor_init(&ce, SRC_EVENTS, files, nfiles);
	events_cursor_init(&cp, SRC_PAYMENTS, pay, npay);
	if (npay == 0)
		cp.nfiles = 0;
	rc = x->sorted ? merge(x, &ce, &cp) : sort_all(x, &ce, &cp);
	events_cursor_release(&ce);
	events_cursor_release(&cp);
	return rc;
}

struct events *events_new(const struct events_opts *o)
{
	struct events *x = xcalloc(1, sizeof *x);

	x->enc = o->enc;
	x->payment_event =
		xstrdup(o->payment_event ? o->payment_event : "payment");
	x->sorted = o->sorted;
	hmap_init(&x->dict, sizeof(uint32_t));
	return x;
}

void events_free(struct events *x)
{
	if (!x)
		return;
	hmap_release(&x->dict);
	buf_release(&x->names);
	buf_release(&x->arena);
	buf_release(&x->dup);
	free(x->name_off);
	free(x->h);
	free(x->payment_event);
	free(x);
}
