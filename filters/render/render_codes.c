/*
 * render_codes.c - what the portal calls a code: the name records
 * (pulse-extract bitrix --statuses, --categories) among the report's
 * records, for the formats that show names where the records keep codes
 * (the tables of CSV and xlsx, the funnel digest of telegram), as the
 * dashboard does; see render.h.
 *
 * A stage is named per entity (a lead's NEW is not a deal's NEW), a
 * source and a pipeline by their code alone; the first name of a code
 * wins, as on the dashboard.
 */
#include "render.h"

#include <string.h>

/* "of \x1f entity \x1f code" into key; entity only for a stage. */
static void make_key(struct buf *key, const char *of, struct json_span entity,
		     struct json_span code)
{
	buf_reset(key);
	buf_adds(key, of);
	buf_addc(key, '\x1f');
	if (!strcmp(of, "stage") && entity.type == JSON_STRING)
		json_str_decode(entity, key);
	buf_addc(key, '\x1f');
	if (code.type == JSON_NUMBER) /* a pipeline's id as a number */
		buf_add(key, code.p, code.n);
	else
		json_str_decode(code, key);
}

void render_codes_init(struct render_codes *c, const struct render_report *r)
{
	static const char *const ofs[] = {"stage", "source", "category"};
	struct rec rec = REC_INIT;
	struct json_error e;
	size_t i, k;

	hmap_init(&c->map, sizeof(struct json_span));
	c->key = (struct buf)BUF_INIT;
	for (i = 0; i < r->nrecs; i++) {
		struct json_span of, code, name, *v;
		int isnew;

		if (rec_parse(&rec, sref_p(r, r->recs[i]), r->recs[i].len,
			      &e) != 0 ||
		    !json_str_eq(rec_get(&rec, "kind"), "name", 4))
			continue;
		of = rec_get(&rec, "of");
		code = rec_get(&rec, "code");
		name = rec_get(&rec, "name");
		if (code.type != JSON_STRING || name.type != JSON_STRING)
			continue; /* render_funnel_check_name() refused it */
		for (k = 0; k < 3; k++)
			if (json_str_eq(of, ofs[k], strlen(ofs[k])))
				break;
		if (k == 3)
			continue;
		make_key(&c->key, ofs[k], rec_get(&rec, "entity"), code);
		v = hmap_put(&c->map, c->key.p, c->key.len, &isnew);
		if (isnew)
			*v = name; /* points into r->str, which stays */
		if (k != 1)
			continue;
		/* a source's name, as pulse-utm --crm-source gives it */
		make_key(&c->key, "srcname", name, name);
		v = hmap_put(&c->map, c->key.p, c->key.len, &isnew);
		if (isnew)
			*v = code;
	}
	rec_release(&rec);
}

void render_codes_release(struct render_codes *c)
{
	hmap_release(&c->map);
	buf_release(&c->key);
}

int render_codes_name(struct render_codes *c, const char *of,
		      struct json_span entity, struct json_span code,
		      struct json_span *name)
{
	const struct json_span *v;

	if (!hmap_len(&c->map) ||
	    (code.type != JSON_STRING && code.type != JSON_NUMBER))
		return 0;
	make_key(&c->key, of, entity, code);
	v = hmap_get(&c->map, c->key.p, c->key.len);
	if (!v)
		return 0;
	*name = *v;
	return 1;
}

int render_codes_source(struct render_codes *c, struct json_span name,
			struct json_span *code)
{
	const struct json_span *v;

	if (!hmap_len(&c->map) || name.type != JSON_STRING)
		return 0;
	make_key(&c->key, "srcname", name, name);
	v = hmap_get(&c->map, c->key.p, c->key.len);
	if (!v)
		return 0;
	*code = *v;
	return 1;
}
