/*
 * odoo_fuzz.c - libFuzzer target for pulse-extract odoo's engine
 * (filters/extract/odoo.h): the input is read as the mail.message export
 * (a JSON array or NDJSON, plain or zstd), framed as cli_next() frames it
 * (a record cut short is split again with in_resync(), bytes between
 * records are read past), and each record goes to odoo_add() with a sink;
 * it is also loaded as the tickets and the users files, and a message of
 * each ticket loaded is written, to see its joined fields.
 *
 * Invariants: odoo_add() writes one whole record or nothing, and returns
 * -1 with a reason exactly when it writes nothing for a bad record; each
 * record is a JSON object in UTF-8 with no member twice and the fields
 * schemas/message.schema.json requires (ticket_id and message_id
 * integers, ts a time, direction in, out, note or system, text a string,
 * the joined ticket fields strings or times); the loaders return 0 or 65
 * with a message; never more records than input bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../filters/extract/odoo_int.h"
#include "fuzz_extract.h"
#include "in.h"
#include "jw.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_message(const struct rec *r, void *arg)
{
	static const char *const dirs[] = {"in", "out", "note", "system", NULL};
	static const char *const strs[] = {
		"message_type", "subtype", "email", "author",
		"subject",	"channel", NULL};
	static const char *const tix[] = {"ticket_name",  "ticket_ref",
					  "partner_name", "partner_email",
					  "stage",	  "ticket_priority",
					  "team",	  NULL};
	size_t i;

	(void)arg;
	CHECK(fuzz_extract_is(r, "kind", "message"));
	fuzz_extract_int(r, "ticket_id");
	fuzz_extract_int(r, "message_id");
	fuzz_extract_time(r, "ts", 0);
	fuzz_extract_enum(r, "direction", 0, dirs);
	fuzz_extract_str(r, "text");
	for (i = 0; strs[i]; i++)
		fuzz_extract_str_or_null(r, strs[i]);
	for (i = 0; tix[i]; i++)
		if (rec_get(r, tix[i]).type != JSON_NONE)
			fuzz_extract_str(r, tix[i]);
	if (rec_get(r, "ticket_created").type != JSON_NONE)
		fuzz_extract_time(r, "ticket_created", 0);
	if (rec_get(r, "sla_deadline").type != JSON_NONE)
		fuzz_extract_time(r, "sla_deadline", 1);
}

/* One record to odoo_add(): a whole line, or nothing and a reason. */
static void add(struct odoo *x, const struct rec *r, struct sink *out)
{
	char msg[256];
	size_t before = out->b.len;
	const char *nl;

	msg[0] = '\0';
	if (odoo_add(x, r, out, msg, sizeof msg) < 0) {
		CHECK(msg[0] != '\0');
		CHECK(out->b.len == before);
		return;
	}
	if (out->b.len == before)
		return; /* counted, not written */
	nl = memchr(out->b.p + before, '\n', out->b.len - before);
	CHECK(nl == out->b.p + out->b.len - 1);
}

/* The input as the messages, framed as the command line frames it. */
static void messages(const char *path, size_t size)
{
	struct odoo *x = odoo_new();
	struct sink out = SINK_INIT;
	struct rec r = REC_INIT;
	struct json_error e;
	struct in in;
	struct strvec lines = STRVEC_INIT;
	const char *p;
	size_t n, nrec = 0;
	uint64_t seen = 0;
	int st;

	CHECK(odoo_staff_domain(x, "shop.example", 12) == 0);
	CHECK(odoo_staff_email(x, "anna@example.de", 15) == 0);
	CHECK(in_open(&in, path, IN_AUTO) == 0);
	while ((st = in_next(&in, &p, &n)) == IN_OK || st == IN_EBAD) {
		CHECK(++seen <= size);
		if (st == IN_EBAD)
			continue;
		if (rec_parse(&r, p, n, &e) < 0) {
			CHECK(in_resync(&in, p, n, e.off) <= n);
			continue;
		}
		add(x, &r, &out);
	}
	CHECK(st == IN_EOF || st == IN_EFRAME || st == IN_EZSTD);
	in_close(&in);
	nrec = fuzz_extract_records(&out.b, check_message, NULL);
	CHECK(nrec <= seen);
	odoo_left_out(x, "t", &lines);
	strvec_clear(&lines);
	odoo_free(x);
	rec_release(&r);
	buf_release(&out.b);
}

/* A message of each ticket loaded: its fields joined. */
static void joined(struct odoo *x)
{
	struct sink out = SINK_INIT;
	struct buf line = BUF_INIT;
	struct rec r = REC_INIT;
	struct json_error e;
	size_t i, k = 0;

	for (i = 0; i < x->tickets.nslots && k < 64; i++) {
		if (!x->tickets.slots[i].used)
			continue;
		buf_reset(&line);
		buf_adds(&line, "{\"id\":1,\"date\":\"2025-10-07 09:12:00\","
				"\"model\":\"helpdesk.ticket\",\"res_id\":");
		jw_i64(&line, x->tickets.slots[i].id);
		buf_adds(&line, ",\"message_type\":\"email\"}");
		CHECK(rec_parse(&r, line.p, line.len, &e) == 0);
		add(x, &r, &out);
		k++;
	}
	CHECK(fuzz_extract_records(&out.b, check_message, NULL) == k);
	rec_release(&r);
	buf_release(&line);
	buf_release(&out.b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *in = fuzz_extract_tmp(0, data, size);
	struct buf err = BUF_INIT;
	struct odoo *x;
	uint64_t internal;
	int st;

	messages(in, size);

	x = odoo_new();
	st = odoo_load_tickets(x, in, &err);
	fuzz_extract_status(st, &err);
	if (st == 0) {
		buf_reset(&err);
		odoo_tickets_note(x, &err);
		CHECK(err.len > 0);
		joined(x);
	}
	odoo_free(x);

	x = odoo_new();
	buf_reset(&err);
	st = odoo_load_staff_users(x, in, &internal, &err);
	fuzz_extract_status(st, &err);
	odoo_free(x);
	buf_release(&err);
	return 0;
}
