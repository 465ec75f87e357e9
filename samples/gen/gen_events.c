/*
 * gen_events.c - pulse-gen events: the sales events of an online English
 * school (synthetic), as the three PostgreSQL tables of the sales-analytics
 * task: events, events_dict and payments.
 *
 * Each user walks a funnel built on the story of the task: an application
 * (Создание заявки); the first line gets a call task and calls for exactly
 * three hours, after which the request goes back to "created", an intro
 * lesson (ВУ) is booked anyway, or the calls go on; or the student books
 * the intro lesson alone, sometimes applying and booking again.  A
 * methodist (МВУ) runs the intro lesson a day or three later; after a
 * successful one the student pays at once, or the second line calls for up
 * to a day, or a demo lesson (ДУ) comes first.  Some users write in
 * WhatsApp.  Automated steps share the second of the step before them
 * (equal timestamps on purpose), and so do some payments.
 *
 * User i draws from its own PRNG stream (gen_mix of the seed and i), so a
 * user's history does not depend on the users before it.  Events after
 * --as-of are cut: the export is taken at that moment.  Row ids follow
 * time: all events are sorted by (time, user, step) before they are
 * numbered, as an append-only table's serial ids would be; the same for
 * payments.  Memory: 16 bytes per event.
 */
#include "gen_events.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "gen.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"

#define SEC_MIN 60
#define SEC_HOUR 3600
#define SEC_DAY 86400

/* ---- the event dictionary ------------------------------------------------ */

enum ev {
	E_CREATED = 1,
	E_CALL1_TASK,
	E_CALL1_ANSWERED,
	E_INTRO_BOOKED,
	E_INTRO_JOINED,
	E_INTRO_OK,
	E_CALL2_TASK,
	E_CALL2_REACHED,
	E_DEMO_STARTED,
	E_DEMO_DONE,
	E_WHATSAPP,
	E_INTRO_CANCELLED,
	E_INTRO_NOSHOW,
	E_REFUSED,
	E_N
};

/* clang-format off */
static const struct {
	const char *name;
	const char *description;
} dict[E_N] = {
	[E_CREATED] = {"Создание заявки", "Пользователь оставил заявку на сайте"},
	[E_CALL1_TASK] = {"Назначение задачи на звонок 1Л", "Заявка передана первой линии, оператор звонит"},
	[E_CALL1_ANSWERED] = {"Ученик ответил на звонок оператора 1л", "Оператор первой линии дозвонился"},
	[E_INTRO_BOOKED] = {"Назначение ВУ", "Назначен вводный урок (ВУ)"},
	[E_INTRO_JOINED] = {"Выход МВУ на ВУ", "Методист вводных уроков (МВУ) вышел на урок"},
	[E_INTRO_OK] = {"Успешный ВУ", "Вводный урок проведён"},
	[E_CALL2_TASK] = {"Назначена задача на вторую линию", "После ВУ заявка передана второй линии"},
	[E_CALL2_REACHED] = {"Дозвон 2Л", "Вторая линия дозвонилась"},
	[E_DEMO_STARTED] = {"Переход на ДУ (ДУ начался)", "Ученик начал демонстрационный урок (ДУ)"},
	[E_DEMO_DONE] = {"ДУ завершен", "Демонстрационный урок завершён"},
	[E_WHATSAPP] = {"Общение в WhatsApp", "Переписка с учеником в WhatsApp"},
	[E_INTRO_CANCELLED] = {"Отмена ВУ", "Вводный урок отменён, \"перенос\" или отказ"},
	[E_INTRO_NOSHOW] = {"Неявка на ВУ", "Ученик не пришёл на вводный урок"},
	[E_REFUSED] = {"Отказ от обучения", "Ученик отказался от покупки"},
};

/* Lesson packages, in kopecks. */
static const int64_t price[] = {499000, 899000, 1599000, 2999000};
static const double price_w[] = {30, 40, 22, 8};
/* clang-format on */

/* ---- options --------------------------------------------------------------
 */

struct events_opts {
	uint64_t users;
	uint64_t seed;
	int64_t as_of;
	int64_t days;
	int ndjson;
	int by_user; /* --expected grouped by user */
	const char *events, *dict, *payments, *expected;
	const char *payment_event;
};

/* ---- one user --------------------------------------------------------------
 */

#define MAXEV 64

struct uev {
	int64_t ts;
	int ev; /* enum ev, or 0 for a payment */
	int64_t cents;
};

struct user {
	struct uev e[MAXEV];
	int n;
	int64_t t; /* the time of the last step */
};

static void add(struct user *u, int ev, int64_t ts)
{
	if (u->n < MAXEV) {
		u->e[u->n].ts = ts;
		u->e[u->n].ev = ev;
		u->e[u->n].cents = 0;
		u->n++;
	}
	u->t = ts;
}

static void pay(struct user *u, struct rng *r, int64_t ts)
{
	int64_t c = price[rng_weighted(r, price_w, 4)];

	if (rng_chance(r, 0.15)) /* a 10% discount */
		c = c / 10 * 9;
	else if (rng_chance(r, 0.05)) /* paid with bonus points */
		c -= rng_range(r, 1, 500) * 10 + 50;
	add(u, 0, ts);
	u->e[u->n - 1].cents = c;
	/* the second half of an instalment, a month later */
	if (rng_chance(r, 0.06)) {
		add(u, 0, ts + 30 * SEC_DAY + rng_range(r, 0, 6 * SEC_HOUR));
		u->e[u->n - 1].cents = c;
		u->t = ts;
	}
}

/* A working moment (9:00 to 21:00 Moscow time, 6:00 to 18:00 UTC) of the
 * day that holds t, or of the next day when that one is past. */
static int64_t workday_time(struct rng *r, int64_t t)
{
	int64_t day = ptime_day(t) * SEC_DAY;
	int64_t at = day + 6 * SEC_HOUR + rng_range(r, 0, 12 * SEC_HOUR - 1);

	return at > t ? at : at + SEC_DAY;
}

/* A short wait: 0 seconds (automation) with probability p0. */
static int64_t step(struct rng *r, double p0, int64_t lo, int64_t hi)
{
	return rng_chance(r, p0) ? 0 : rng_range(r, lo, hi);
}

/* After the second line (or a demo lesson): a payment or not. */
static void second_line(struct user *u, struct rng *r)
{
	add(u, E_CALL2_TASK, u->t + step(r, 0.5, 30, 30 * SEC_MIN));
	/* the second line calls at once and goes on for a day */
	if (rng_chance(r, 0.72)) {
		add(u, E_CALL2_REACHED,
		    u->t + rng_range(r, 1 * SEC_MIN, 24 * SEC_HOUR));
		if (rng_chance(r, 0.4)) /* a follow-up call */
			add(u, E_CALL2_REACHED,
			    u->t + rng_range(r, 10 * SEC_MIN, 20 * SEC_HOUR));
		if (rng_chance(r, 0.45)) {
			int64_t t = rng_chance(r, 0.08)
					    ? u->t
					    : u->t + rng_range(r, 5 * SEC_MIN,
							       48 * SEC_HOUR);
			pay(u, r, t);
		} else if (rng_chance(r, 0.4)) {
			add(u, E_REFUSED, u->t + rng_range(r, 1, 3 * SEC_DAY));
		}
	}
}

static void intro_lesson(struct user *u, struct rng *r)
{
	int64_t lesson = workday_time(
		r, u->t + rng_range(r, 20 * SEC_HOUR, 3 * SEC_DAY));

	if (rng_chance(r, 0.1)) {
		add(u, E_INTRO_CANCELLED,
		    u->t + rng_range(r, SEC_HOUR, lesson - u->t));
		if (rng_chance(r, 0.4)) { /* booked again */
			add(u, E_INTRO_BOOKED,
			    u->t + step(r, 0.3, 60, SEC_DAY));
			intro_lesson(u, r);
		}
		return;
	}
	if (rng_chance(r, 0.1)) {
		add(u, E_INTRO_NOSHOW, lesson + 15 * SEC_MIN);
		return;
	}
	add(u, E_INTRO_JOINED, lesson + rng_range(r, -120, 300));
	if (!rng_chance(r, 0.84))
		return;
	add(u, E_INTRO_OK, u->t + rng_range(r, 35 * SEC_MIN, 60 * SEC_MIN));
	double w[] = {0.2, 0.1, 0.6, 0.1}; /* pay, demo, 2L, nothing */
	switch (rng_weighted(r, w, 4)) {
	case 0:
		pay(u, r, u->t + step(r, 0.1, 2 * SEC_MIN, 3 * SEC_HOUR));
		break;
	case 1:
		add(u, E_DEMO_STARTED,
		    u->t + rng_range(r, SEC_HOUR, 2 * SEC_DAY));
		add(u, E_DEMO_DONE, u->t + rng_range(r, SEC_DAY, 7 * SEC_DAY));
		if (rng_chance(r, 0.35))
			pay(u, r, u->t + rng_range(r, SEC_HOUR, 48 * SEC_HOUR));
		else
			second_line(u, r);
		break;
	case 2:
		second_line(u, r);
		break;
	default:
		break;
	}
}

static void first_line(struct user *u, struct rng *r)
{
	int round;

	add(u, E_CALL1_TASK, u->t + step(r, 0.4, 10, 10 * SEC_MIN));
	for (round = 0; round < 4; round++) {
		if (rng_chance(r, 0.5)) {
			/* answered within the three hours */
			add(u, E_CALL1_ANSWERED,
			    u->t + rng_range(r, 30, 3 * SEC_HOUR - 1));
			if (rng_chance(r, 0.75)) {
				add(u, E_INTRO_BOOKED,
				    u->t + rng_range(r, 60, 15 * SEC_MIN));
				intro_lesson(u, r);
			} else if (rng_chance(r, 0.5)) {
				add(u, E_REFUSED, u->t + rng_range(r, 60, 600));
			}
			return;
		}
		/* exactly three hours without an answer: one of three */
		int64_t t = u->t + 3 * SEC_HOUR;
		double w[] = {0.35, 0.3, 0.35};
		switch (rng_weighted(r, w, 3)) {
		case 0:
			add(u, E_CREATED, t);
			return;
		case 1:
			add(u, E_INTRO_BOOKED, t);
			intro_lesson(u, r);
			return;
		default:
			add(u, E_CALL1_TASK, t);
			break;
		}
	}
}

static void self_booking(struct user *u, struct rng *r)
{
	add(u, E_INTRO_BOOKED, u->t + step(r, 0.3, 60, SEC_HOUR));
	if (rng_chance(r, 0.2)) {
		/* applies again and books again, maybe twice */
		add(u, E_CREATED, u->t + rng_range(r, 10 * SEC_MIN, SEC_DAY));
		add(u, E_INTRO_BOOKED, u->t + step(r, 0.3, 60, SEC_HOUR));
		if (rng_chance(r, 0.5))
			add(u, E_INTRO_BOOKED,
			    u->t + rng_range(r, SEC_HOUR, SEC_DAY));
	}
	intro_lesson(u, r);
}

/* Sorts a user's steps by time, equal times in the order they were made. */
static void user_sort(struct user *u)
{
	int i, j;

	for (i = 1; i < u->n; i++) {
		struct uev x = u->e[i];
		for (j = i; j > 0 && u->e[j - 1].ts > x.ts; j--)
			u->e[j] = u->e[j - 1];
		u->e[j] = x;
	}
}

static void make_user(struct user *u, const struct events_opts *o, uint64_t idx)
{
	struct rng r;
	int64_t start = o->as_of - o->days * SEC_DAY;
	int64_t created;

	rng_seed(&r, o->seed, idx);
	u->n = 0;
	/* most applications by day, Moscow time, some at night */
	created = start + rng_range(&r, 0, o->days - 1) * SEC_DAY;
	if (rng_chance(&r, 0.85))
		created += rng_range(&r, 5 * SEC_HOUR, 19 * SEC_HOUR - 1);
	else
		created += rng_range(&r, 0, SEC_DAY - 1);
	add(u, E_CREATED, created);
	if (rng_chance(&r, 0.72))
		first_line(u, &r);
	else
		self_booking(u, &r);
	/* no payment yet: some apply again weeks later */
	if (rng_chance(&r, 0.45)) {
		int k, paid = 0;
		for (k = 0; k < u->n; k++)
			paid |= u->e[k].ev == 0;
		if (!paid) {
			add(u, E_CREATED,
			    u->t + rng_range(&r, 7 * SEC_DAY, 40 * SEC_DAY));
			first_line(u, &r);
		}
	}
	/* WhatsApp messages somewhere in the story */
	if (rng_chance(&r, 0.3)) {
		int64_t span = u->t - created + 2 * SEC_HOUR;
		int k, nwa = (int)rng_range(&r, 1, 5);
		for (k = 0; k < nwa; k++)
			add(u, E_WHATSAPP,
			    created + rng_range(&r, SEC_MIN, span));
	}
	user_sort(u);
	while (u->n > 0 && u->e[u->n - 1].ts >= o->as_of)
		u->n--;
}

/* ---- all users -------------------------------------------------------------
 */

struct row {
	int64_t ts;
	uint32_t user; /* index */
	uint16_t seq;  /* step within the user */
	uint16_t ev;   /* enum ev; payments: unused */
};

struct rows {
	struct row *r;
	int64_t *cents; /* payments: the amount of r[i], by seq */
	size_t n, cap;
};

static void rows_add(struct rows *rs, const struct row *x)
{
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 4096;
		rs->r = xrealloc(rs->r, rs->cap * sizeof *rs->r);
	}
	rs->r[rs->n++] = *x;
}

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->ts != y->ts)
		return x->ts < y->ts ? -1 : 1;
	if (x->user != y->user)
		return x->user < y->user ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

static int64_t user_id(const struct events_opts *o, uint64_t idx)
{
	return 100000 + (int64_t)idx * 3 + (int64_t)(gen_mix(o->seed, idx) % 3);
}

/* "2025-11-22 09:15:03+00" (CSV, as COPY writes in UTC) or
 * "2025-11-22T09:15:03+00:00" (NDJSON, as row_to_json writes). */
static void put_ts(struct buf *b, int64_t ts, int ndjson)
{
	char s[24];

	ptime_fmt_utc(s, ts);
	if (ndjson) {
		s[19] = '\0';
		buf_addf(b, "\"%s+00:00\"", s);
	} else {
		s[10] = ' ';
		s[19] = '\0';
		buf_addf(b, "%s+00", s);
	}
}

static void put_amount(struct buf *b, int64_t cents)
{
	buf_addf(b, "%lld.%02lld", (long long)(cents / 100),
		 (long long)(cents % 100));
}

/* A CSV field, quoted when it must be (RFC 4180). */
static void put_csv(struct buf *b, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		buf_adds(b, s);
		return;
	}
	buf_addc(b, '"');
	for (; *s; s++) {
		if (*s == '"')
			buf_addc(b, '"');
		buf_addc(b, *s);
	}
	buf_addc(b, '"');
}

static void write_dict(const struct events_opts *o)
{
	struct gen_out out;
	int i;

	gen_out_open(&out, o->dict);
	if (!o->ndjson)
		buf_adds(&out.b, "id,name,description\n");
	for (i = 1; i < E_N; i++) {
		if (o->ndjson) {
			buf_addf(&out.b, "{\"id\":%d,\"name\":", i);
			jw_cstr(&out.b, dict[i].name);
			buf_adds(&out.b, ",\"description\":");
			jw_cstr(&out.b, dict[i].description);
			buf_adds(&out.b, "}\n");
		} else {
			buf_addf(&out.b, "%d,", i);
			put_csv(&out.b, dict[i].name);
			buf_addc(&out.b, ',');
			put_csv(&out.b, dict[i].description);
			buf_addc(&out.b, '\n');
		}
	}
	gen_out_close(&out);
}

static void write_events(const struct events_opts *o, const struct rows *ev)
{
	struct gen_out out;
	size_t i;

	gen_out_open(&out, o->events);
	if (!o->ndjson)
		buf_adds(&out.b, "id,user_id,event_id,created_at\n");
	for (i = 0; i < ev->n; i++) {
		const struct row *x = &ev->r[i];
		long long uid = (long long)user_id(o, x->user);
		if (o->ndjson) {
			buf_addf(&out.b,
				 "{\"id\":%zu,\"user_id\":%lld,\"event_id\":%d,"
				 "\"created_at\":",
				 i + 1, uid, x->ev);
			put_ts(&out.b, x->ts, 1);
			buf_adds(&out.b, "}\n");
		} else {
			buf_addf(&out.b, "%zu,%lld,%d,", i + 1, uid, x->ev);
			put_ts(&out.b, x->ts, 0);
			buf_addc(&out.b, '\n');
		}
		gen_out_commit(&out);
	}
	gen_out_close(&out);
}

static void write_payments(const struct events_opts *o, const struct rows *p)
{
	struct gen_out out;
	size_t i;

	gen_out_open(&out, o->payments);
	if (!o->ndjson)
		buf_adds(&out.b, "id,user_id,amount,created_at\n");
	for (i = 0; i < p->n; i++) {
		const struct row *x = &p->r[i];
		long long uid = (long long)user_id(o, x->user);
		if (o->ndjson) {
			buf_addf(&out.b,
				 "{\"id\":%zu,\"user_id\":%lld,\"amount\":",
				 i + 1, uid);
			put_amount(&out.b, p->cents[i]);
			buf_adds(&out.b, ",\"created_at\":");
			put_ts(&out.b, x->ts, 1);
			buf_adds(&out.b, "}\n");
		} else {
			buf_addf(&out.b, "%zu,%lld,", i + 1, uid);
			put_amount(&out.b, p->cents[i]);
			buf_addc(&out.b, ',');
			put_ts(&out.b, x->ts, 0);
			buf_addc(&out.b, '\n');
		}
		gen_out_commit(&out);
	}
	gen_out_close(&out);
}

static void put_record(struct buf *b, const struct events_opts *o,
		       const struct row *x, const char *event,
		       const int64_t *cents)
{
	char s[24];

	ptime_fmt_utc(s, x->ts);
	buf_addf(
		b,
		"{\"kind\":\"event\",\"user_id\":%lld,\"ts\":\"%s\",\"event\":",
		(long long)user_id(o, x->user), s);
	jw_cstr(b, event);
	if (cents) {
		buf_adds(b, ",\"amount\":");
		put_amount(b, *cents);
	}
	buf_adds(b, "}\n");
}

/* The records pulse-extract makes: by time, events before payments, then
 * by row id. */
static void write_expected(const struct events_opts *o, const struct rows *ev,
			   const struct rows *p)
{
	struct gen_out out;
	size_t i = 0, j = 0;

	gen_out_open(&out, o->expected);
	while (i < ev->n || j < p->n) {
		if (j >= p->n || (i < ev->n && ev->r[i].ts <= p->r[j].ts)) {
			put_record(&out.b, o, &ev->r[i], dict[ev->r[i].ev].name,
				   NULL);
			i++;
		} else {
			put_record(&out.b, o, &p->r[j], o->payment_event,
				   &p->cents[j]);
			j++;
		}
		gen_out_commit(&out);
	}
	gen_out_close(&out);
}

/*
 * --by-user: the same records grouped by user, users in the order they are
 * made, each user's in the order of the time-ordered file (by time, events
 * before payments at one time, then by step), so that a program reading it
 * with --sorted gives what it gives on the time-ordered file.  Made again
 * from each user's stream: nothing is kept but one user.
 */
static void write_expected_by_user(const struct events_opts *o)
{
	struct gen_out out;
	struct user *u = xmalloc(sizeof *u);
	uint64_t idx;
	int i, j, pass;

	gen_out_open(&out, o->expected);
	for (idx = 0; idx < o->users; idx++) {
		make_user(u, o, idx);
		/* a run of equal times: its events, then its payments */
		for (i = 0; i < u->n; i = j) {
			for (j = i; j < u->n && u->e[j].ts == u->e[i].ts; j++)
				;
			for (pass = 0; pass < 2; pass++) {
				int k;
				for (k = i; k < j; k++) {
					struct row x = {u->e[k].ts,
							(uint32_t)idx,
							(uint16_t)k,
							(uint16_t)u->e[k].ev};
					if ((x.ev == 0) != pass)
						continue;
					put_record(&out.b, o, &x,
						   x.ev ? dict[x.ev].name
							: o->payment_event,
						   x.ev ? NULL
							: &u->e[k].cents);
				}
			}
		}
		gen_out_commit(&out);
	}
	gen_out_close(&out);
	free(u);
}

static int generate(const struct events_opts *o)
{
	struct rows ev = {0}, p = {0};
	struct user *u = xmalloc(sizeof *u);
	int64_t *cents = NULL;
	uint64_t idx;
	size_t i;
	int k;

	for (idx = 0; idx < o->users; idx++) {
		make_user(u, o, idx);
		for (k = 0; k < u->n; k++) {
			struct row x = {u->e[k].ts, (uint32_t)idx, (uint16_t)k,
					(uint16_t)u->e[k].ev};
			rows_add(u->e[k].ev ? &ev : &p, &x);
		}
	}
	/*
	 * A payment's amount is made again from its user's stream after the
	 * sort (payments are few): the rows stay 16 bytes.
	 */
	qsort(ev.r, ev.n, sizeof *ev.r, row_cmp);
	qsort(p.r, p.n, sizeof *p.r, row_cmp);
	if (p.n) {
		cents = xmalloc(p.n * sizeof *cents);
		for (i = 0; i < p.n; i++) {
			make_user(u, o, p.r[i].user);
			cents[i] = u->e[p.r[i].seq].cents;
		}
	}
	p.cents = cents;
	if (o->dict)
		write_dict(o);
	if (o->payments)
		write_payments(o, &p);
	if (o->expected && o->by_user)
		write_expected_by_user(o);
	else if (o->expected)
		write_expected(o, &ev, &p);
	write_events(o, &ev);
	free(ev.r);
	free(p.r);
	free(cents);
	free(u);
	return 0;
}

/* ---- the command line --------------------------------------------------- */

/* clang-format off */
static const struct cli_info info = {
	"pulse-gen",
	"usage: pulse-gen events [--users N] [--seed S] [--as-of TIME] "
	"[options]",
	"Write the sales events of a synthetic online English school: the\n"
	"PostgreSQL tables events, events_dict and payments (see\n"
	"samples/sales-schema.sql) as CSV with a header, as COPY writes it, or\n"
	"NDJSON as row_to_json writes it.  The same options give the same bytes.\n"
	"\n"
	"  -n, --users N            users to make (default 1000, about 6 events\n"
	"                           each)\n"
	"  -s, --seed S             the random seed (default 1)\n"
	"      --as-of TIME         the moment of the export (default\n"
	"                           2026-01-21T00:00:00Z); nothing is later\n"
	"      --days D             users apply over the D days before it\n"
	"                           (default 60)\n"
	"      --format FORMAT      csv (default) or ndjson\n"
	"  -o, --events FILE        write the events table to FILE (default\n"
	"                           stdout)\n"
	"      --dict FILE          write the events_dict table to FILE\n"
	"      --payments FILE      write the payments table to FILE\n"
	"      --expected FILE      write the event records pulse-extract makes\n"
	"                           of the tables to FILE\n"
	"      --payment-event NAME the event name of payments in --expected\n"
	"                           (default payment)\n"
	"      --by-user            --expected grouped by user, not in time\n"
	"                           order (the input of --sorted)\n"
	"      --help               print this help and exit\n"
	"      --version            print the version and exit\n"
	"\n"
	"Files are written atomically (a temporary file renamed into place).\n",
};
/* clang-format on */

enum {
	OPT_FORMAT = GEN_OPT_NEXT,
	OPT_DICT,
	OPT_PAYMENTS,
	OPT_EXPECTED,
	OPT_PAYMENT_EVENT,
	OPT_BY_USER,
};

int events_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"users", required_argument, NULL, 'n'},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"events", required_argument, NULL, 'o'},
		{"dict", required_argument, NULL, OPT_DICT},
		{"payments", required_argument, NULL, OPT_PAYMENTS},
		{"expected", required_argument, NULL, OPT_EXPECTED},
		{"payment-event", required_argument, NULL, OPT_PAYMENT_EVENT},
		{"by-user", no_argument, NULL, OPT_BY_USER},
		GEN_LONGOPTS_COMMON,
		{NULL, 0, NULL, 0},
	};
	struct events_opts o;
	struct cli c;
	struct ptime t;
	int opt;

	cli_init(&c, argc, argv, &info);
	memset(&o, 0, sizeof o);
	o.users = 1000;
	o.seed = 1;
	ptime_parse("2026-01-21T00:00:00Z", 20, &t);
	o.as_of = t.sec;
	o.days = 60;
	o.payment_event = "payment";
	while ((opt = getopt_long(argc, argv, "n:s:o:", longopts, NULL)) !=
	       -1) {
		if (gen_common_opt(&c, opt, optarg, &o.seed, &o.as_of, &o.days,
				   36500))
			continue;
		switch (opt) {
		case 'n':
			o.users =
				gen_parse_u64(&c, "--users", optarg, 100000000);
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "csv") == 0)
				o.ndjson = 0;
			else if (strcmp(optarg, "ndjson") == 0)
				o.ndjson = 1;
			else
				cli_usage_error(&c,
						"invalid --format '%s' (csv or "
						"ndjson)",
						optarg);
			break;
		case 'o':
			o.events = optarg;
			break;
		case OPT_DICT:
			o.dict = optarg;
			break;
		case OPT_PAYMENTS:
			o.payments = optarg;
			break;
		case OPT_EXPECTED:
			o.expected = optarg;
			break;
		case OPT_PAYMENT_EVENT:
			o.payment_event = optarg;
			break;
		case OPT_BY_USER:
			o.by_user = 1;
			break;
		default:
			if (!cli_opt(&c, opt, optarg))
				cli_usage(&c);
		}
	}
	if (optind < argc)
		cli_usage_error(&c, "unexpected argument '%s'", argv[optind]);
	if (o.as_of - o.days * SEC_DAY < 0)
		cli_usage_error(&c, "--as-of minus --days is before 1970");
	return generate(&o);
}
