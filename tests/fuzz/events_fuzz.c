/*
 * events_fuzz.c - libFuzzer target for pulse-extract events' engine
 * (filters/extract/events.h): the input is read as a dump of the events
 * table, of the payments table and of events_dict (CSV or NDJSON, plain
 * or zstd, in any encoding), each through the engine with a sink and a
 * report, as the command line does but without it.
 *
 * Invariants: the engine returns 0 or 65 with a message (never 70, "a
 * checked row failed", nor anything else); every record written is a
 * JSON object in UTF-8, no member twice, of kind event with the fields
 * schemas/event.schema.json requires (user_id an integer or a string, ts
 * a time, event a string, amount a number when there); the records come
 * in time order; there are never more records and bad rows than input
 * bytes; and the held mode and the sorted mode, when both succeed, write
 * the same records and report as many bad rows.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../filters/extract/events.h"
#include "fuzz_extract.h"
#include "ptime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct order {
	int64_t sec;
	int32_t nsec;
	int started;
};

static void check_event(const struct rec *r, void *arg)
{
	static struct buf s;
	struct order *o = arg;
	struct json_span v;
	struct ptime t;
	const char *p;
	size_t n;
	int64_t i;
	double d;

	CHECK(fuzz_extract_is(r, "kind", "event"));
	v = rec_get(r, "user_id");
	CHECK(v.type == JSON_STRING ||
	      (v.type == JSON_NUMBER && json_to_i64(v, &i) == 0));
	fuzz_extract_str(r, "event");
	v = rec_get(r, "amount");
	CHECK(v.type == JSON_NONE ||
	      (v.type == JSON_NUMBER && json_to_double(v, &d) == 0));
	v = rec_get(r, "ts");
	CHECK(v.type == JSON_STRING);
	json_str_view(v, &s, &p, &n);
	CHECK(n >= 19 && p[10] == 'T');
	CHECK(ptime_parse(p, n, &t) == 0);
	if (o->started)
		CHECK(t.sec > o->sec || (t.sec == o->sec && t.nsec >= o->nsec));
	o->started = 1;
	o->sec = t.sec;
	o->nsec = t.nsec;
}

/* The lines of b, sorted: the records as a set. */
static int line_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sorted_lines(struct buf *b, char ***lines, size_t *n)
{
	char *p, *nl;

	*n = 0;
	*lines = NULL;
	if (!b->len)
		return;
	for (p = b->p; p < b->p + b->len; p = nl + 1) {
		nl = memchr(p, '\n', (size_t)(b->p + b->len - p));
		*nl = '\0';
		*lines = realloc(*lines, (*n + 1) * sizeof **lines);
		CHECK(*lines != NULL);
		(*lines)[(*n)++] = p;
	}
	qsort(*lines, *n, sizeof **lines, line_cmp);
}

/*
 * One run: the events from ev (or none), the payments from pay (or
 * none).  @return the status; out and the count of bad rows are kept.
 */
static int run(const char *dict, char *ev, char *pay, int sorted, size_t size,
	       struct sink *out, uint64_t *nbad)
{
	struct events_opts o = {CSV_ENC_AUTO, "payment", sorted};
	struct events *x = events_new(&o);
	struct fuzz_extract_report rep;
	struct buf err = BUF_INIT;
	struct order ord = {0, 0, 0};
	size_t nrec;
	int st;

	fuzz_extract_report_init(&rep);
	st = events_load_dict(x, dict, &err);
	fuzz_extract_status(st, &err);
	if (st == 0) {
		buf_reset(&err);
		st = events_run(x, ev ? &ev : NULL, ev ? 1 : 0,
				pay ? &pay : NULL, pay ? 1 : 0, out, &rep.r,
				&err);
		fuzz_extract_status(st, &err);
		nrec = fuzz_extract_records(&out->b, check_event, &ord);
		CHECK(nrec + rep.n <= size + 8);
	}
	*nbad = rep.n;
	events_free(x);
	buf_release(&err);
	return st;
}

/* The input as one table, held and sorted: the same records. */
static void both_modes(const char *dict, char *ev, char *pay, size_t size)
{
	struct sink a = SINK_INIT, b = SINK_INIT;
	uint64_t na, nb;
	char **la, **lb;
	size_t n, m, i;
	int sa = run(dict, ev, pay, 0, size, &a, &na);
	int sb = run(dict, ev, pay, 1, size, &b, &nb);

	if (sa == 0 && sb == 0) {
		CHECK(na == nb);
		sorted_lines(&a.b, &la, &n);
		sorted_lines(&b.b, &lb, &m);
		CHECK(n == m);
		for (i = 0; i < n; i++)
			CHECK(strcmp(la[i], lb[i]) == 0);
		free(la);
		free(lb);
	}
	buf_release(&a.b);
	buf_release(&b.b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char dict_csv[] = "id,name\n1,visit\n2,buy\n3,A\0B\n";
	static const char ev_csv[] = "id,user_id,event_id,created_at\n"
				     "1,7,1,2025-12-31 10:20:03+00\n"
				     "2,8,2,2025-12-31 10:21:03+00\n";
	const char *in = fuzz_extract_tmp(0, data, size);
	const char *dict = fuzz_extract_tmp(1, dict_csv, sizeof dict_csv - 1);
	char *ev = (char *)fuzz_extract_tmp(2, ev_csv, sizeof ev_csv - 1);
	struct sink s = SINK_INIT;
	uint64_t nbad;

	/* the input as the events, and as the payments */
	both_modes(dict, (char *)in, NULL, size);
	both_modes(dict, ev, (char *)in, size);
	/* as the dictionary of the fixed events */
	run(in, ev, NULL, 0, size, &s, &nbad);
	buf_release(&s.b);
	return 0;
}
