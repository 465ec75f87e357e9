/*
 * bitrix_fuzz.c - libFuzzer target for pulse-extract bitrix's engine
 * (filters/extract/bitrix.h): the input is read as an export (REST pages
 * or a CSV file, plain or zstd, in any encoding), with the entity found
 * and given, and as each dictionary (--users, --statuses, --map), which
 * then serve a small fixed export; all through the engine with a sink and
 * a report, without the command line.
 *
 * Invariants: the engine returns 0 or 65 with a message; every record is
 * a JSON object in UTF-8 with no member twice, a lead or a deal with the
 * fields schemas/lead.schema.json and deal.schema.json require (an id of
 * [0-9A-Za-z_-], times that read as times, an amount of digits, semantic
 * P, S, F or null), or a stage with those of stage.schema.json; the
 * engine's counts are the records written; and there are never more
 * records and bad items than input bytes.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../filters/extract/bitrix.h"
#include "fuzz_extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const sems[] = {"P", "S", "F", NULL};

static void check_id(const struct rec *r, const char *key)
{
	static struct buf s;
	struct json_span v = rec_get(r, key);
	const char *p;
	size_t n, i;

	CHECK(v.type == JSON_STRING);
	json_str_view(v, &s, &p, &n);
	CHECK(n > 0);
	for (i = 0; i < n; i++)
		CHECK((p[i] >= '0' && p[i] <= '9') ||
		      (p[i] >= 'A' && p[i] <= 'Z') ||
		      (p[i] >= 'a' && p[i] <= 'z') || p[i] == '_' ||
		      p[i] == '-');
}

static void check_amount(const struct rec *r)
{
	static struct buf s;
	struct json_span v = rec_get(r, "amount");
	const char *p;
	size_t n, i = 0, d;

	if (v.type == JSON_NULL)
		return;
	CHECK(v.type == JSON_STRING);
	json_str_view(v, &s, &p, &n);
	if (i < n && p[i] == '-')
		i++;
	for (d = i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
		;
	CHECK(i > d);
	if (i < n && p[i] == '.') {
		for (d = ++i; i < n && p[i] >= '0' && p[i] <= '9'; i++)
			;
		CHECK(i > d);
	}
	CHECK(i == n);
}

struct counts {
	uint64_t leads, deals, stages;
};

static void check_record(const struct rec *r, void *arg)
{
	static const char *const strs[] = {"source",	  "manager",
					   "currency",	  "utm_source",
					   "utm_medium",  "utm_campaign",
					   "utm_content", "utm_term",
					   "loss_reason", NULL};
	static const char *const entities[] = {"lead", "deal", NULL};
	static const char *const types[] = {"1", "2", "3", "5"};
	struct counts *c = arg;
	struct json_span v;
	size_t i;
	int deal;

	if (fuzz_extract_is(r, "kind", "stage")) {
		fuzz_extract_enum(r, "entity", 0, entities);
		fuzz_extract_str(r, "id");
		fuzz_extract_time(r, "ts", 0);
		fuzz_extract_str(r, "stage");
		fuzz_extract_enum(r, "semantic", 0, sems);
		v = rec_get(r, "type");
		CHECK(v.type == JSON_NUMBER && v.n == 1);
		for (i = 0; i < 4 && types[i][0] != v.p[0]; i++)
			;
		CHECK(i < 4);
		fuzz_extract_str_or_null(r, "category");
		c->stages++;
		return;
	}
	deal = fuzz_extract_is(r, "kind", "deal");
	CHECK(deal || fuzz_extract_is(r, "kind", "lead"));
	check_id(r, "id");
	fuzz_extract_str(r, "title");
	fuzz_extract_str(r, "status");
	fuzz_extract_enum(r, "semantic", 1, sems);
	fuzz_extract_time(r, "created", 0);
	fuzz_extract_time(r, "modified", 1);
	fuzz_extract_time(r, "closed", 1);
	check_amount(r);
	for (i = 0; strs[i]; i++)
		fuzz_extract_str_or_null(r, strs[i]);
	if (deal) {
		fuzz_extract_str_or_null(r, "lead_id");
		fuzz_extract_str_or_null(r, "category");
		c->deals++;
	} else {
		c->leads++;
	}
}

/* Reads path with x and checks what it wrote. */
static void read_with(struct bitrix *x, const char *path, size_t size)
{
	struct sink out = SINK_INIT;
	struct fuzz_extract_report rep;
	struct buf err = BUF_INIT;
	struct bitrix_counts n;
	struct counts c = {0, 0, 0};
	size_t nrec;
	int st;

	fuzz_extract_report_init(&rep);
	bitrix_counts(x, &n);
	st = bitrix_read(x, path, &out, &rep.r, &err);
	fuzz_extract_status(st, &err);
	nrec = fuzz_extract_records(&out.b, check_record, &c);
	CHECK(nrec + rep.n <= size + 1);
	{
		struct bitrix_counts m;

		bitrix_counts(x, &m);
		CHECK(m.leads - n.leads == c.leads);
		CHECK(m.deals - n.deals == c.deals);
		CHECK(m.stages - n.stages == c.stages);
	}
	buf_release(&out.b);
	buf_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char leads[] =
		"{\"result\":[{\"ID\":\"1\",\"TITLE\":\"a\",\"STATUS_ID\":"
		"\"UC_1\",\"SOURCE_ID\":\"CALL\",\"ASSIGNED_BY_ID\":\"7\","
		"\"DATE_CREATE\":\"2026-01-02T10:00:00+03:00\"}]}\n";
	static const char csv[] = "ID;Стадия;Дата создания;Ответственный;"
				  "Сумма;My header\n"
				  "2;Новый;21.01.2026 14:03;7;1 500,50;x\n";
	static const char *keep[] = {"UF_CRM_A", "My header"};
	const char *in = fuzz_extract_tmp(0, data, size);
	const char *fixed = fuzz_extract_tmp(1, leads, sizeof leads - 1);
	const char *fixed_csv = fuzz_extract_tmp(2, csv, sizeof csv - 1);
	struct bitrix_opts o;
	struct bitrix *x;
	struct buf err = BUF_INIT;
	int st;

	/* the input as an export: the entity found, then given */
	memset(&o, 0, sizeof o);
	x = bitrix_new(&o);
	read_with(x, in, size);
	bitrix_free(x);
	o.entity = 'D';
	o.keep_unknown = 1;
	o.has_tz = 1;
	o.tz = 3 * 3600;
	x = bitrix_new(&o);
	read_with(x, in, size);
	bitrix_free(x);

	/* the input as each dictionary, then the fixed exports */
	memset(&o, 0, sizeof o);
	o.entity = 'L';
	o.keep = keep;
	o.nkeep = 2;
	x = bitrix_new(&o);
	st = bitrix_load_map(x, in, &err);
	fuzz_extract_status(st, &err);
	st = bitrix_load_statuses(x, in, &err);
	fuzz_extract_status(st, &err);
	st = bitrix_load_users(x, in, &err);
	fuzz_extract_status(st, &err);
	read_with(x, fixed, sizeof leads);
	read_with(x, fixed_csv, sizeof csv);
	bitrix_free(x);
	buf_release(&err);
	return 0;
}
