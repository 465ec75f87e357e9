/*
 * render_telegram_funnel.c - the leads funnel's digest for Telegram (what
 * pulse-daily leads sends and pulse-bot's /leads answers): the whole
 * period's leads, won and revenue, the last month against the one before,
 * the first sources and the stale count, from the funnel records of the
 * whole period (group {}); see render.h.  The lines go through
 * render_telegram.c's packing, escaped by its html_line.
 */
#include "render.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TOP_SOURCES 5

struct fwords {
	const char *title, *leads, *won, *revenue, *last, *before, *sources,
		*stale, *none, *as_of;
	const char *no_source; /* "(none)": no UTM source, as on the page */
};

static const struct fwords fw_en = {"Leads funnel",
				    "leads",
				    "won",
				    "revenue",
				    "Last month",
				    "the month before",
				    "First sources",
				    "open leads and deals lying in their stage",
				    "no funnel records of the whole period",
				    "as of",
				    "(none)"};
static const struct fwords fw_ru = {
	"Воронка лидов",
	"лидов",
	"выиграно",
	"выручка",
	"Последний месяц",
	"месяц до него",
	"Главные источники",
	"открытых лидов и сделок лежат в своей стадии",
	"нет записей воронки за весь период",
	"на",
	"(нет)"};

#define NCUR 4

/* The numbers of one source (its campaigns' rows added up) or month. */
struct frow {
	char name[128];
	long long leads, won;
	char cur[NCUR][8]; /* the currencies of the revenue, in order met */
	double rev[NCUR];  /* shown rounded to cents: the renderer's job */
};

static long long int_of(const struct rec *r, const char *key)
{
	struct json_span v = rec_get(r, key);

	if (v.type != JSON_NUMBER)
		return 0;
	return strtoll(v.p, NULL, 10);
}

/* Adds a money object {"RUB":"123.45",...} to f's revenue. */
static void money_add(const struct rec *r, const char *key, struct frow *f)
{
	struct json_span v = rec_get(r, key);
	struct rec m = REC_INIT;
	struct json_error e;
	size_t i;
	int c;

	if (v.type != JSON_OBJECT || rec_parse(&m, v.p, v.n, &e) != 0) {
		rec_release(&m);
		return;
	}
	for (i = 0; i < m.nf; i++) {
		const struct json_span *k = &m.f[i].key, *a = &m.f[i].val;
		size_t kn = k->n - 2;

		if (a->type != JSON_STRING || kn == 0 || kn >= sizeof f->cur[0])
			continue;
		for (c = 0; c < NCUR && f->cur[c][0]; c++)
			if (strlen(f->cur[c]) == kn &&
			    !memcmp(f->cur[c], k->p + 1, kn))
				break;
		if (c == NCUR)
			continue; /* a fifth currency: not in a digest */
		if (!f->cur[c][0])
			memcpy(f->cur[c], k->p + 1, kn);
		f->rev[c] += strtod(a->p + 1, NULL);
	}
	rec_release(&m);
}

/* s[0..n) into out, cut at a character to fit cap bytes with its NUL. */
static void copy_cut(char *out, size_t cap, const char *s, size_t n)
{
	if (n >= cap) {
		n = cap - 1; /* cut below at a character */
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	memcpy(out, s, n);
	out[n] = '\0';
}

static void str_of(const struct rec *r, const char *key, char *out, size_t cap)
{
	struct buf scratch = BUF_INIT;
	const char *p;
	size_t n;

	out[0] = '\0';
	if (rec_str(r, key, &scratch, &p, &n) == 1)
		copy_cut(out, cap, p, n);
	buf_release(&scratch);
}

/*
 * The source of a sources row as the page shows it: its name when the
 * name records give one, "(none)" in the report's language, else as it is.
 */
static void src_name(struct render_codes *codes, const struct fwords *w,
		     const struct rec *r, char *out, size_t cap)
{
	struct json_span null = {NULL, 0, JSON_NULL, 0}, name;
	struct buf dec = BUF_INIT;

	if (!render_codes_name(codes, "source", null, rec_get(r, "source"),
			       &name)) {
		str_of(r, "source", out, cap);
		if (!strcmp(out, "(none)"))
			copy_cut(out, cap, w->no_source, strlen(w->no_source));
		return;
	}
	json_str_decode(name, &dec);
	copy_cut(out, cap, dec.p ? dec.p : "", dec.len);
	buf_release(&dec);
}

static void row_line(struct buf *b, const struct frow *f,
		     const struct fwords *w, int comma)
{
	int c;

	render_tg_html(b, f->name, strlen(f->name));
	buf_adds(b, ": ");
	render_util_num(b, (double)f->leads, comma);
	buf_addf(b, " %s, %s ", w->leads, w->won);
	render_util_num(b, (double)f->won, comma);

	for (c = 0; c < NCUR && f->cur[c][0]; c++) {
		buf_addf(b, c ? ", " : ", %s ", w->revenue);
		render_util_num(b, (double)(long long)(f->rev[c] + 0.5), comma);
		buf_adds(b, " ");
		render_tg_html(b, f->cur[c], strlen(f->cur[c]));
	}
}

static int by_leads(const void *a, const void *b)
{
	const struct frow *x = a, *y = b;

	if (x->leads != y->leads)
		return x->leads > y->leads ? -1 : 1;
	return strcmp(x->name, y->name);
}

void render_telegram_funnel(const struct render_report *r,
			    const struct render_opts *o, void *lines)
{
	const struct fwords *w = o->lang == LANG_RU ? &fw_ru : &fw_en;
	const struct swords *sw = render_lang_swords(o->lang);
	struct buf *b = render_tg_buf(lines);
	struct frow *src = NULL, month[2];
	size_t nsrc = 0, capsrc = 0, i;
	long long leads = 0, won = 0, stale = 0;
	int nmonth = 0, any = 0;
	struct rec rec = REC_INIT;
	struct json_error e;
	struct render_codes codes;

	render_codes_init(&codes, r);
	memset(month, 0, sizeof month);
	for (i = 0; i < r->nrecs; i++) {
		struct json_span g, t;

		if (rec_parse(&rec, sref_p(r, r->recs[i]), r->recs[i].len,
			      &e) != 0)
			continue;
		g = rec_get(&rec, "group");
		t = rec_get(&rec, "table");
		/* the whole period's rows: an empty group */
		if (g.type != JSON_OBJECT || g.n != 2 || t.type != JSON_STRING)
			continue;
		any = 1;
		if (t.n == 9 && !memcmp(t.p, "\"sources\"", 9)) {
			struct frow one, *f;
			size_t j;

			/* a row per source and campaign: added per source,
			 * by its name when the name records give one */
			src_name(&codes, w, &rec, one.name, sizeof one.name);
			for (j = 0; j < nsrc; j++)
				if (!strcmp(src[j].name, one.name))
					break;
			if (j == nsrc) {
				if (nsrc == capsrc) {
					capsrc = capsrc ? 2 * capsrc : 16;
					src = xrealloc(src,
						       capsrc * sizeof *src);
				}
				memset(&src[nsrc], 0, sizeof *src);
				memcpy(src[nsrc].name, one.name,
				       sizeof one.name);
				nsrc++;
			}
			f = &src[j];
			f->leads += int_of(&rec, "leads");
			f->won += int_of(&rec, "won");
			money_add(&rec, "revenue", f);
			leads += int_of(&rec, "leads");
			won += int_of(&rec, "won");
		} else if (t.n == 10 && !memcmp(t.p, "\"dynamics\"", 10)) {
			struct frow m;
			char type[16];

			str_of(&rec, "period_type", type, sizeof type);
			if (strcmp(type, "month"))
				continue;
			memset(&m, 0, sizeof m);
			str_of(&rec, "period", m.name, sizeof m.name);
			m.leads = int_of(&rec, "leads");
			m.won = int_of(&rec, "won");
			money_add(&rec, "revenue", &m);
			/* keep the last two months, whatever the order */
			if (nmonth < 2) {
				month[nmonth++] = m;
			} else if (strcmp(m.name, month[1].name) > 0) {
				month[0] = month[1];
				month[1] = m;
			} else if (strcmp(m.name, month[0].name) > 0) {
				month[0] = m;
			}
			if (nmonth == 2 &&
			    strcmp(month[0].name, month[1].name) > 0) {
				struct frow x = month[0];

				month[0] = month[1];
				month[1] = x;
			}
		} else if (t.n == 7 && !memcmp(t.p, "\"stale\"", 7)) {
			stale++;
		}
	}
	rec_release(&rec);
	render_codes_release(&codes);

	buf_adds(b, "<b>");
	if (o->title)
		render_tg_html(b, o->title, strlen(o->title));
	else
		buf_adds(b, w->title);
	if (r->as_of != T_NONE) {
		buf_addf(b, ", %s ", w->as_of);
		render_util_day(b, r->as_of / 86400 - (r->as_of < 0), sw->dmy);
	}
	buf_adds(b, "</b>");
	render_tg_end(lines);
	if (!any) {
		buf_adds(b, w->none);
		render_tg_end(lines);
		free(src);
		return;
	}
	/* the whole period: the sources' rows add up to every lead */
	render_tg_end(lines);
	buf_adds(b, "<b>");
	render_util_num(b, (double)leads, sw->comma);
	buf_addf(b, "</b> %s, %s <b>", w->leads, w->won);
	render_util_num(b, (double)won, sw->comma);
	buf_adds(b, "</b>");
	if (leads > 0) {
		buf_adds(b, " (");
		render_util_num(b, (double)(won * 1000 / leads) / 10.0,
				sw->comma);
		buf_adds(b, "%)");
	}
	render_tg_end(lines);
	if (nmonth) {
		render_tg_end(lines);
		buf_addf(b, "<b>%s</b> ", w->last);
		row_line(b, &month[nmonth - 1], w, sw->comma);
		render_tg_end(lines);
		if (nmonth == 2) {
			buf_addf(b, "%s ", w->before);
			row_line(b, &month[0], w, sw->comma);
			render_tg_end(lines);
		}
	}
	if (nsrc) {
		qsort(src, nsrc, sizeof *src, by_leads);
		render_tg_end(lines);
		buf_addf(b, "<b>%s</b>", w->sources);
		render_tg_end(lines);
		for (i = 0; i < nsrc && i < TOP_SOURCES; i++) {
			buf_adds(b, "• ");
			row_line(b, &src[i], w, sw->comma);
			render_tg_end(lines);
		}
	}
	if (stale) {
		render_tg_end(lines);
		render_util_num(b, (double)stale, sw->comma);
		buf_addf(b, " %s", w->stale);
		render_tg_end(lines);
	}
	free(src);
}
