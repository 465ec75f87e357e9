/*
 * gen_bitrix.c - pulse-gen bitrix: the leads, deals and stage histories of
 * a car-parts shop's Bitrix24, and the files they are written to.
 *
 * Lead i (0-based, of N) is created at a slot time that grows with i: the
 * span is cut into months of unequal weight (the month dynamics), and the
 * leads of a month fill it evenly.  Its special roles come from a fixed
 * permutation of the indices, p(i) = (i * K + N/3) mod N with K prime to
 * N: p(i) < E (E = round(317 N / 1200)) means no UTM source (the first
 * 220/317 of them with the ad id in utm_content, the rest with a URL),
 * E <= p(i) < E + H (H = round(45 N / 1200)) means no stage history, so
 * both counts are exact for any N.  Everything else of lead i comes from
 * its own random stream (rng_seed(seed, i)), so a lead does not depend on
 * the ones before it, and the deals of a lead are numbered in lead order.
 */
#include "gen_bitrix.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "err.h"
#include "gen.h"
#include "json.h"
#include "jw.h"
#include "ptime.h"
#include "text.h"
#include "utf8.h"

#define DAY 86400
#define HOUR 3600
#define OFF (3 * HOUR) /* the portal's zone: Moscow, +03:00 */
#define LEAD_BASE 20001
#define DEAL_BASE 7001
#define HIST_BASE 100001
#define DEAL_HIST_BASE 500001
#define PAGE 50
#define EMPTY_UTM 317 /* per 1200 leads */
#define EMPTY_UTM_MAP 220
#define NO_HISTORY 45
#define PER 1200
#define HOT_DAYS 24

void bitrix_opts_init(struct bitrix_opts *o)
{
	struct ptime t;

	memset(o, 0, sizeof *o);
	o->leads = PER;
	o->seed = 1;
	ptime_parse("2026-01-21T18:00:00+03:00", 25, &t);
	o->as_of = t.sec;
	o->days = 183;
}

/* ---- the shop ------------------------------------------------------------ */

/* clang-format off */
struct user {
	int id;
	const char *first, *last;
	double weight;
	double from; /* joins at this fraction of the span */
};

/* users[0] is the portal's administrator: robots and connectors act as it */
static const struct user users[] = {
	{1, "Администратор", "", 0, 0},
	{7, "Марина", "Лебедева", 0.27, 0},
	{12, "Глеб", "Кузнецов", 0.19, 0},
	{15, "Роман", "Орлов", 0.15, 0},
	{23, "Светлана", "Белова", 0.12, 0},
	{31, "Артём", "Захаров", 0.10, 0},
	{40, "Ирина", "Волкова", 0.08, 0},
	{44, "Павел", "Морозов", 0.06, 0},
	{52, "Ксения", "Фролова", 0.03, 0.6},
};
#define NUSERS (sizeof users / sizeof users[0])

enum { AD_NONE, AD_AVITO, AD_YANDEX, AD_VK };

struct source {
	const char *id, *name;
	double w0, w1; /* weight at the start and at the end of the span */
	int ads;
};

static const struct source sources[] = {
	{"UC_AVITO", "Авито", 0.26, 0.40, AD_AVITO},
	{"UC_YANDEX", "Яндекс Директ", 0.25, 0.13, AD_YANDEX},
	{"UC_VK", "ВКонтакте", 0.07, 0.10, AD_VK},
	{"WEB", "Веб-сайт", 0.12, 0.11, AD_NONE},
	{"CALL", "Звонок", 0.18, 0.15, AD_NONE},
	{"RECOMMENDATION", "По рекомендации", 0.06, 0.06, AD_NONE},
	{"REPEAT_SALE", "Повторные продажи", 0.06, 0.05, AD_NONE},
};
#define NSOURCES (sizeof sources / sizeof sources[0])
#define SRC_WEB 3
#define SRC_REPEAT 6

enum { G_BUMPERS, G_OPTICS, G_GRILLES, G_BODY, G_ACCESSORIES, NGROUPS };

static const char *const group_name[NGROUPS] = {
	"bumpers", "optics", "grilles", "body-parts", "accessories"};

static const struct ad {
	const char *id;
	int kind;
	const char *medium, *campaign;
	int group;
} ads[] = {
	{"4021300011", AD_AVITO, "cpc", "avito_msk_bampery", G_BUMPERS},
	{"4021300029", AD_AVITO, "cpc", "avito_msk_bampery", G_BUMPERS},
	{"4021300037", AD_AVITO, "cpc", "avito_msk_optika", G_OPTICS},
	{"4021300045", AD_AVITO, "cpc", "avito_msk_optika", G_OPTICS},
	{"4021300053", AD_AVITO, "cpc", "avito_msk_reshetki", G_GRILLES},
	{"4021300061", AD_AVITO, "cpc", "avito_msk_reshetki", G_GRILLES},
	{"4021300079", AD_AVITO, "cpc", "avito_spb_bampery", G_BUMPERS},
	{"4021300087", AD_AVITO, "cpc", "avito_spb_kuzov", G_BODY},
	{"4021300095", AD_AVITO, "cpc", "avito_spb_kuzov", G_BODY},
	{"4021300103", AD_AVITO, "cpc", "avito_kzn_optika", G_OPTICS},
	{"4021300111", AD_AVITO, "cpc", "avito_msk_aksessuary", G_ACCESSORIES},
	{"4021300129", AD_AVITO, "cpc", "avito_msk_aksessuary", G_ACCESSORIES},
	{"16734500017", AD_YANDEX, "cpc", "ya_search_bampery", G_BUMPERS},
	{"16734500025", AD_YANDEX, "cpc", "ya_search_bampery", G_BUMPERS},
	{"16734500033", AD_YANDEX, "cpc", "ya_search_optika", G_OPTICS},
	{"16734500041", AD_YANDEX, "cpc", "ya_search_optika", G_OPTICS},
	{"16734500059", AD_YANDEX, "cpc", "ya_rsya_reshetki", G_GRILLES},
	{"16734500067", AD_YANDEX, "cpc", "ya_rsya_reshetki", G_GRILLES},
	{"16734500075", AD_YANDEX, "cpc", "ya_rsya_kuzov", G_BODY},
	{"16734500083", AD_YANDEX, "cpc", "ya_rsya_kuzov", G_BODY},
	{"16734500091", AD_YANDEX, "cpc", "ya_search_aksessuary", G_ACCESSORIES},
	{"16734500109", AD_YANDEX, "cpc", "ya_search_aksessuary", G_ACCESSORIES},
	{"310455017", AD_VK, "cpm", "vk_target_bampery", G_BUMPERS},
	{"310455025", AD_VK, "cpm", "vk_target_bampery", G_BUMPERS},
	{"310455033", AD_VK, "cpm", "vk_target_optika", G_OPTICS},
	{"310455041", AD_VK, "cpm", "vk_target_optika", G_OPTICS},
	{"310455059", AD_VK, "cpm", "vk_retarget_vse", G_GRILLES},
	{"310455067", AD_VK, "cpm", "vk_retarget_vse", G_BODY},
};
#define NADS (sizeof ads / sizeof ads[0])

/* How a lead's utm_source may be spelled, per ad kind (pulse-utm's
 * aliases make them one). */
static const char *const spell_avito[] = {"avito", "avito", "avito",
					  "Avito", "avito.ru", "AVITO "};
static const char *const spell_yandex[] = {"yandex", "yandex", "yandex",
					   "Yandex", "yandex.ru", "direct"};
static const char *const spell_vk[] = {"vk", "vk", "VK", "vk.com"};

static const char *const aliases[][2] = {
	{"avito.ru", "avito"},	   {"www.avito.ru", "avito"},
	{"yandex.ru", "yandex"},   {"direct", "yandex"},
	{"yandex direct", "yandex"}, {"ya.direct", "yandex"},
	{"vk.com", "vk"},	   {"vkontakte", "vk"},
	{"вконтакте", "vk"},	   {"авито", "avito"},
};

static const char *const parts[NGROUPS][4] = {
	{"Бампер передний", "Бампер задний", "Усилитель бампера",
	 "Накладка бампера"},
	{"Фара левая", "Фара правая", "Противотуманная фара", "Фонарь задний"},
	{"Решётка радиатора", "Решётка бампера", "Решётка радиатора хром",
	 "Сетка бампера"},
	{"Капот", "Крыло переднее", "Дверь передняя", "Крышка багажника"},
	{"Коврики салона", "Брызговики", "Дефлекторы окон", "Чехлы сидений"},
};

/* base price in roubles of a part of each group: lo..hi */
static const int price[NGROUPS][2] = {
	{7900, 34900}, {5900, 58900}, {2900, 14900}, {6900, 42900}, {590, 4900}};

static const char *const cars[] = {
	"Kia Rio",	 "Hyundai Solaris", "VW Polo",	     "Skoda Rapid",
	"Lada Vesta",	 "Toyota Camry",    "Renault Logan", "Kia Sportage",
	"Hyundai Creta", "Skoda Octavia",   "Lada Granta",   "Nissan Qashqai",
};

static const char *const cities[] = {
	"Москва", "Москва", "Москва", "Санкт-Петербург", "Казань",
	"Нижний Новгород", "Екатеринбург", "Тверь"};

static const char *const first_names[] = {
	"Алексей", "Сергей", "Андрей", "Николай", "Евгений", "Татьяна",
	"Ольга",   "Наталья", "Виктор", "Максим",  "Юлия",    "Денис"};

/* lead statuses: the STATUS dictionary of crm.status.list */
enum { LS_NEW, LS_PROCESS, LS_QUAL, LS_HOT, LS_CONVERTED, LS_JUNK, LS_DUP, NLS };

static const struct stat {
	const char *id, *name;
	char sem;
} lead_st[NLS] = {
	{"NEW", "Новый лид", 'P'},
	{"IN_PROCESS", "В работе", 'P'},
	{"UC_QUAL", "Квалификация", 'P'},
	{"UC_HOT", "Горячий лид", 'P'},
	{"CONVERTED", "Качественный лид", 'S'},
	{"JUNK", "Некачественный лид", 'F'},
	{"UC_DUP", "Дубль", 'F'},
};

/* deal stages of pipeline 0 and of pipeline 1 (Avito delivery) */
enum { DS_NEW, DS_PREP, DS_INVOICE, DS_DELIVERY, DS_WON, DS_LOSE, NDS };

static const struct stat deal_st[2][NDS] = {
	{{"NEW", "Новая", 'P'},
	 {"PREPARATION", "Подбор детали", 'P'},
	 {"PREPAYMENT_INVOICE", "Счёт выставлен", 'P'},
	 {"EXECUTING", "Доставка", 'P'},
	 {"WON", "Сделка успешна", 'S'},
	 {"LOSE", "Сделка провалена", 'F'}},
	{{"C1:NEW", "Новая", 'P'},
	 {"C1:PREPARATION", "Ожидает отправки", 'P'},
	 {NULL, NULL, 0}, /* no invoice step: Avito takes the payment */
	 {"C1:EXECUTING", "В пути", 'P'},
	 {"C1:WON", "Получено покупателем", 'S'},
	 {"C1:LOSE", "Возврат", 'F'}},
};

static const char *const lead_loss[] = {
	"Не дозвонились", "Дорого", "Нет в наличии", "Не подошла деталь",
	"Купил в другом месте", "Спам"};
static const char *const deal_loss[] = {
	"Дорого", "Нет в наличии", "Не подошла деталь", "Купил у конкурентов",
	"Передумал", "Долгая доставка"};

/* clang-format on */

/* ---- JSON in the two styles Bitrix24 pages come in ----------------------- */

/*
 * A page is written compact, or pretty (PHP's JSON_PRETTY_PRINT: four
 * spaces, "key": value), and its strings plain UTF-8 or escaped as PHP's
 * json_encode() does by default ("\/" and "\uXXXX").
 */
struct jw {
	struct buf *b;
	int pretty, php;
	int depth;
	int first[16];
};

static void jw_nl(struct jw *w)
{
	int i;

	if (!w->pretty)
		return;
	buf_addc(w->b, '\n');
	for (i = 0; i < w->depth; i++)
		buf_add(w->b, "    ", 4);
}

static void jw_sep(struct jw *w)
{
	if (!w->first[w->depth])
		buf_addc(w->b, ',');
	w->first[w->depth] = 0;
	jw_nl(w);
}

static void jw_open(struct jw *w, char c)
{
	buf_addc(w->b, c);
	w->depth++;
	w->first[w->depth] = 1;
}

static void jw_close(struct jw *w, char c)
{
	int empty = w->first[w->depth];

	w->depth--;
	if (!empty)
		jw_nl(w);
	buf_addc(w->b, c);
}

static void put_u16(struct buf *b, unsigned long v)
{
	static const char hex[] = "0123456789abcdef";
	char u[6] = {'\\',
		     'u',
		     hex[v >> 12 & 15],
		     hex[v >> 8 & 15],
		     hex[v >> 4 & 15],
		     hex[v & 15]};

	buf_add(b, u, 6);
}

static void jw_string(struct jw *w, const char *s)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	struct buf *b = w->b;
	unsigned long cp;

	buf_addc(b, '"');
	while (*p) {
		unsigned char c = *p;

		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
			p++;
		} else if (c < 0x20) {
			if (c == '\n') {
				buf_add(b, "\\n", 2);
			} else if (c == '\r') {
				buf_add(b, "\\r", 2);
			} else if (c == '\t') {
				buf_add(b, "\\t", 2);
			} else {
				buf_add(b, "\\u00", 4);
				buf_addc(b, hex[c >> 4]);
				buf_addc(b, hex[c & 15]);
			}
			p++;
		} else if (c == '/' && w->php) {
			buf_add(b, "\\/", 2);
			p++;
		} else if (c >= 0x80 && w->php) {
			/* the generator's text is valid UTF-8 */
			int n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2, k;

			cp = c & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
			for (k = 1; k < n; k++)
				cp = (cp << 6) | (p[k] & 0x3F);
			p += n;
			if (cp >= 0x10000) {
				unsigned long v = cp - 0x10000;

				put_u16(b, 0xD800 + ((v >> 10) & 0x3FF));
				cp = 0xDC00 + (v & 0x3FF);
			}
			put_u16(b, cp & 0xFFFF);
		} else {
			const unsigned char *q = p;
			while (*q >= 0x20 && *q != '"' && *q != '\\' &&
			       !(w->php && (*q == '/' || *q >= 0x80)))
				q++;
			buf_add(b, p, (size_t)(q - p));
			p = q;
		}
	}
	buf_addc(b, '"');
}

static void jw_key(struct jw *w, const char *k)
{
	jw_sep(w);
	jw_string(w, k);
	if (w->pretty)
		buf_add(w->b, ": ", 2);
	else
		buf_addc(w->b, ':');
}

static void kstr(struct jw *w, const char *k, const char *v)
{
	jw_key(w, k);
	if (v)
		jw_string(w, v);
	else
		buf_add(w->b, "null", 4);
}

static void kraw(struct jw *w, const char *k, const char *raw)
{
	jw_key(w, k);
	buf_adds(w->b, raw);
}

static void kint(struct jw *w, const char *k, int64_t v)
{
	jw_key(w, k);
	buf_addf(w->b, "%lld", (long long)v);
}

/* REST sends numbers as strings: "ID": "37". */
static void kid(struct jw *w, const char *k, int64_t v)
{
	char t[24];

	if (v <= 0) {
		kraw(w, k, "null");
		return;
	}
	snprintf(t, sizeof t, "%lld", (long long)v);
	kstr(w, k, t);
}

/* "2026-01-21T14:03:00+03:00" */
static void fmt_time(char *dst, int64_t utc)
{
	ptime_fmt_utc(dst, utc + OFF);
	memcpy(dst + 19, "+03:00", 7);
}

static void ktime(struct jw *w, const char *k, int64_t utc)
{
	char t[32];

	if (utc == 0) {
		kraw(w, k, "null");
		return;
	}
	fmt_time(t, utc);
	kstr(w, k, t);
}

/* ---- pages --------------------------------------------------------------- */

enum pkind { PK_LIST, PK_HISTORY };

/* An output file of REST pages, 50 items a page. */
struct pages {
	struct gen_out out;
	int on;
	enum pkind kind;
	int64_t total; /* for "total" and "next"; -1: the fast export (0) */
	uint64_t page, in_page, items;
	int64_t t0; /* the export's time */
	struct jw w;
};

static void pages_open(struct pages *p, const char *path, int on,
		       enum pkind kind, int64_t total, int64_t t0)
{
	memset(p, 0, sizeof *p);
	p->on = on;
	p->kind = kind;
	p->total = total;
	p->t0 = t0;
	if (on)
		gen_out_open(&p->out, path);
}

static void page_begin(struct pages *p)
{
	struct jw *w = &p->w;

	memset(w, 0, sizeof *w);
	w->b = &p->out.b;
	/* a few pages are pretty-printed, a few escaped as PHP does */
	w->pretty = p->page % 5 == 2;
	w->php = p->page % 7 == 3;
	jw_open(w, '{');
	jw_key(w, "result");
	if (p->kind == PK_HISTORY) {
		jw_open(w, '{');
		jw_key(w, "items");
	}
	jw_open(w, '[');
}

static void page_end(struct pages *p)
{
	struct jw *w = &p->w;
	int64_t start = p->t0 + (int64_t)p->page * 3;
	unsigned ms = (unsigned)(p->page * 37 % 900) + 40;
	char t[32];

	jw_close(w, ']');
	if (p->kind == PK_HISTORY)
		jw_close(w, '}');
	if (p->total >= 0) {
		kint(w, "total", p->total);
		if ((int64_t)((p->page + 1) * PAGE) < p->total)
			kint(w, "next", (int64_t)((p->page + 1) * PAGE));
	} else {
		kint(w, "total", 0);
	}
	jw_key(w, "time");
	jw_open(w, '{');
	jw_key(w, "start");
	buf_addf(w->b, "%lld.%04u", (long long)start, ms * 7 % 10000);
	jw_key(w, "finish");
	buf_addf(w->b, "%lld.%04u", (long long)start,
		 (ms * 7 + ms * 10) % 10000);
	jw_key(w, "duration");
	buf_addf(w->b, "0.%04u", ms * 10 % 10000);
	jw_key(w, "processing");
	buf_addf(w->b, "0.%04u", ms * 8 % 10000);
	fmt_time(t, start);
	kstr(w, "date_start", t);
	kstr(w, "date_finish", t);
	kint(w, "operating_reset_at", start + 600);
	jw_key(w, "operating");
	buf_addf(w->b, "%u.%03u", ms / 1000, ms % 1000);
	jw_close(w, '}');
	jw_close(w, '}');
	buf_addc(w->b, '\n');
	p->page++;
	p->in_page = 0;
	gen_out_commit(&p->out);
}

/* Starts an item: the caller writes its members, then item_end(). */
static struct jw *item_begin(struct pages *p)
{
	if (p->in_page == 0)
		page_begin(p);
	jw_sep(&p->w);
	jw_open(&p->w, '{');
	return &p->w;
}

static void item_end(struct pages *p)
{
	jw_close(&p->w, '}');
	p->items++;
	if (++p->in_page == PAGE)
		page_end(p);
}

static void pages_close(struct pages *p)
{
	if (!p->on)
		return;
	/* a list with no item at all is one empty page, as Bitrix24 answers */
	if (p->in_page == 0 && p->page == 0)
		page_begin(p);
	if (p->in_page > 0 || p->page == 0)
		page_end(p);
	gen_out_close(&p->out);
}

/* ---- a lead and its deals ------------------------------------------------ */

struct step {
	int st;	 /* status index */
	int cat; /* deals: pipeline */
	int64_t ts;
	int type; /* TYPE_ID */
};

#define MAXSTEPS 10

struct deal {
	int64_t id;
	int64_t lead; /* 0: none */
	int cat;
	int mgr;
	int64_t created, modified, closedate;
	int closed;
	struct step s[MAXSTEPS];
	int ns;
	int cur; /* current stage index */
	char amount[24];
	const char *loss;
	const char *title_part;
	int src;
};

struct lead {
	int64_t id;
	int64_t idx;
	int64_t created;
	int src, ad, group, part, car, city, name;
	int mgr, creator, mover;
	int utm; /* U_* */
	const char *spell;
	int no_history, no_first_row, hot;
	struct step s[MAXSTEPS];
	int ns;
	int cur;
	int64_t closed;
	const char *loss;
	char title[160];
	char amount[24];
	struct buf url; /* a URL holding the UTM, for U_URL */
	int url_where;	/* 0 SOURCE_DESCRIPTION, 1 WEB, 2 COMMENTS */
	struct deal deals[2];
	int ndeals;
};

enum { U_GIVEN, U_MAP, U_URL, U_NONE };

struct gen {
	const struct bitrix_opts *o;
	int64_t n, start, span;
	int64_t nempty, nempty_map, nnohist;
	uint64_t k; /* the permutation's multiplier */
	int64_t hot_idx;
	double segw[12];
	int nseg;
	int64_t next_deal, next_hist, next_deal_hist;
	struct pages leads, deals, hist, dhist;
	struct gen_out csv;
	int csv_on;
	struct buf row, row1251;
	/* facts */
	int64_t f_deals, f_won, f_lost, f_hist, f_dhist, f_open, f_conv, f_junk;
	int64_t f_utm[4], f_by_mgr[NUSERS], f_reassigned, f_no_first_row;
	int64_t f_hot_since;
	struct buf won_sum; /* exact: kopecks */
	int64_t won_kop;
};

static uint64_t gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static int64_t perm(const struct gen *g, int64_t i)
{
	return (int64_t)(((unsigned __int128)(uint64_t)i * g->k +
			  (uint64_t)(g->n / 3)) %
			 (uint64_t)g->n);
}

static int64_t scaled(int64_t n, int64_t per1200)
{
	return (n * per1200 * 2 + PER) / (2 * PER);
}

/* The creation time of lead i: months of unequal weight, filled evenly. */
static int64_t slot_time(const struct gen *g, int64_t i, double h)
{
	double u = ((double)i + h) / (double)g->n, acc = 0, tot = 0, x;
	int s;

	for (s = 0; s < g->nseg; s++)
		tot += g->segw[s];
	for (s = 0; s < g->nseg; s++) {
		double w = g->segw[s] / tot;
		if (u < acc + w || s == g->nseg - 1) {
			x = (double)s + (u - acc) / w;
			if (x > g->nseg)
				x = g->nseg;
			return g->start +
			       (int64_t)(x / g->nseg * (double)g->span);
		}
		acc += w;
	}
	return g->start + g->span - 1;
}

static int pick_weighted_src(struct rng *r, double x, int ads_only)
{
	double w[NSOURCES];
	size_t i;

	for (i = 0; i < NSOURCES; i++) {
		w[i] = sources[i].w0 + (sources[i].w1 - sources[i].w0) * x;
		if (ads_only && sources[i].ads == AD_NONE)
			w[i] = 0;
	}
	return (int)rng_weighted(r, w, NSOURCES);
}

static int pick_manager(struct rng *r, double x)
{
	double w[NUSERS];
	size_t i;

	w[0] = 0;
	for (i = 1; i < NUSERS; i++)
		w[i] = x >= users[i].from ? users[i].weight : 0;
	return (int)rng_weighted(r, w, NUSERS);
}

static int pick_ad(struct rng *r, int kind)
{
	int idx[NADS], n = 0;
	size_t i;

	for (i = 0; i < NADS; i++)
		if (ads[i].kind == kind)
			idx[n++] = (int)i;
	return idx[rng_below(r, (uint64_t)n)];
}

static int64_t delay(struct rng *r)
{
	/* minutes mostly, hours often, days sometimes */
	uint64_t k = rng_below(r, 10);

	if (k < 5)
		return rng_range(r, 5 * 60, 90 * 60);
	if (k < 8)
		return rng_range(r, 2 * HOUR, 20 * HOUR);
	return rng_range(r, DAY, 6 * DAY);
}

static void add_step(struct step *s, int *ns, int st, int cat, int64_t ts,
		     int type)
{
	if (*ns >= MAXSTEPS)
		return;
	s[*ns].st = st;
	s[*ns].cat = cat;
	s[*ns].ts = ts;
	s[*ns].type = type;
	(*ns)++;
}

static void money(char *dst, size_t n, struct rng *r, int group)
{
	int64_t rub = rng_range(r, price[group][0], price[group][1]);
	int kop = 0;

	rub = rub / 100 * 100 - (rng_chance(r, 0.5) ? 10 : 0);
	if (rng_chance(r, 0.1))
		kop = (int)rng_range(r, 1, 99);
	snprintf(dst, n, "%lld.%02d", (long long)rub, kop);
}

static void build_deal(struct gen *g, struct lead *l, struct rng *r, int64_t at,
		       int standalone)
{
	struct deal *d = &l->deals[l->ndeals++];
	int64_t t, as_of = g->o->as_of;
	double p_open;
	int stops, i;

	memset(d, 0, sizeof *d);
	d->id = g->next_deal++;
	d->lead = standalone ? 0 : l->id;
	d->src = standalone ? SRC_REPEAT : l->src;
	d->created = at;
	d->mgr = l->mgr;
	if (!standalone && rng_chance(r, 0.2)) /* a senior manager takes it */
		d->mgr = pick_manager(r, 1.0);
	if (standalone)
		d->mgr = pick_manager(r, (double)(at - g->start) / g->span);
	d->title_part = parts[l->group][l->part];
	money(d->amount, sizeof d->amount, r, l->group);
	d->cat = 0;
	if (sources[d->src].ads == AD_AVITO && rng_chance(r, 0.45))
		d->cat = 1;
	t = at;
	add_step(d->s, &d->ns, DS_NEW, d->cat, t, 1);
	p_open = as_of - at < 4 * DAY	 ? 0.7
		 : as_of - at < 15 * DAY ? 0.3
					 : 0.01;
	stops = rng_chance(r, p_open) ? (int)rng_range(r, 0, 2) : 9;
	/* an Avito order moved to the delivery pipeline */
	if (d->cat == 0 && sources[d->src].ads == AD_AVITO &&
	    rng_chance(r, 0.15)) {
		t += delay(r);
		d->cat = 1;
		add_step(d->s, &d->ns, DS_NEW, 1, t, 5);
	}
	for (i = DS_PREP; i <= DS_DELIVERY && i <= stops; i++) {
		if (!deal_st[d->cat][i].id)
			continue;
		if (rng_chance(r, 0.12)) /* a skipped stage */
			continue;
		t += delay(r);
		if (t >= as_of - 60)
			break;
		add_step(d->s, &d->ns, i, d->cat, t, 2);
		if (stops == 9 && rng_chance(r, 0.2)) /* lost on the way */
			break;
	}
	d->cur = d->s[d->ns - 1].st;
	d->closedate = at + 7 * DAY;
	if (stops == 9) {
		int won = rng_chance(r, 0.64);

		t += delay(r);
		if (t < as_of - 60) {
			add_step(d->s, &d->ns, won ? DS_WON : DS_LOSE, d->cat,
				 t, 3);
			d->cur = won ? DS_WON : DS_LOSE;
			d->closed = 1;
			d->closedate = t;
			if (!won)
				d->loss = RNG_PICK(r, deal_loss);
		}
	}
	d->modified = d->s[d->ns - 1].ts + rng_range(r, 0, HOUR);
	if (d->modified > as_of)
		d->modified = as_of;
}

static void build_lead(struct gen *g, struct lead *l, int64_t i)
{
	struct rng r;
	int64_t p = perm(g, i), t, as_of = g->o->as_of, age;
	double x;
	int outcome, k; /* 0 open, 1 converted, 2 junk, 3 dup */

	memset(l, 0, offsetof(struct lead, url));
	buf_reset(&l->url);
	l->ndeals = 0;
	rng_seed(&r, g->o->seed, (uint64_t)i);
	l->idx = i;
	l->id = LEAD_BASE + i;
	l->created = slot_time(g, i, rng_unit(&r));
	x = (double)(l->created - g->start) / (double)g->span;
	l->utm = p < g->nempty_map ? U_MAP : p < g->nempty ? U_URL : U_GIVEN;
	l->no_history = p >= g->nempty && p < g->nempty + g->nnohist;
	l->hot = i == g->hot_idx;
	l->src = pick_weighted_src(&r, x, l->utm != U_GIVEN || l->hot);
	if (sources[l->src].ads == AD_NONE) {
		l->utm = U_NONE;
		l->ad = -1;
		l->group = (int)rng_below(&r, NGROUPS);
	} else {
		l->ad = pick_ad(&r, sources[l->src].ads);
		l->group = ads[l->ad].group;
		if (l->utm == U_GIVEN) {
			const char *const *sp =
				sources[l->src].ads == AD_AVITO ? spell_avito
				: sources[l->src].ads == AD_YANDEX
					? spell_yandex
					: spell_vk;
			size_t nsp =
				sources[l->src].ads == AD_AVITO
					? sizeof spell_avito /
						  sizeof *spell_avito
				: sources[l->src].ads == AD_YANDEX
					? sizeof spell_yandex /
						  sizeof *spell_yandex
					: sizeof spell_vk / sizeof *spell_vk;
			l->spell = sp[rng_below(&r, nsp)];
		}
	}
	l->part = (int)rng_below(&r, 4);
	l->car = (int)rng_below(&r, sizeof cars / sizeof *cars);
	l->city = (int)rng_below(&r, sizeof cities / sizeof *cities);
	l->name = (int)rng_below(&r, sizeof first_names / sizeof *first_names);
	l->mgr = pick_manager(&r, x);
	/* chats and connectors come in as the administrator; a lead is
	 * passed on between managers before it settles */
	l->creator = sources[l->src].ads == AD_AVITO || l->src == SRC_WEB
			     ? 0
			     : l->mgr;
	l->mover = l->mgr;
	if (rng_chance(&r, 0.22)) {
		l->mover = pick_manager(&r, x);
		if (l->mover != l->mgr || l->creator != l->mgr)
			g->f_reassigned++;
	} else if (l->creator != l->mgr) {
		g->f_reassigned++;
	}
	if (l->src == 4)
		snprintf(l->title, sizeof l->title, "Звонок: %s %s",
			 parts[l->group][l->part], cars[l->car]);
	else if (sources[l->src].ads == AD_AVITO)
		snprintf(l->title, sizeof l->title, "Авито: %s %s",
			 parts[l->group][l->part], cars[l->car]);
	else
		snprintf(l->title, sizeof l->title, "%s %s",
			 parts[l->group][l->part], cars[l->car]);
	/* titles a report must escape, now and then */
	if (i % 97 == 13)
		snprintf(l->title, sizeof l->title,
			 "<script>alert(1)</script> %s",
			 parts[l->group][l->part]);
	else if (i % 89 == 7)
		snprintf(l->title, sizeof l->title, "%s \"%s\"; срочно",
			 parts[l->group][l->part], cars[l->car]);
	if (rng_chance(&r, 0.4))
		money(l->amount, sizeof l->amount, &r, l->group);
	if (l->utm == U_URL) {
		const struct ad *a = &ads[l->ad];
		const char *src = a->kind == AD_AVITO	 ? "avito"
				  : a->kind == AD_YANDEX ? "yandex"
							 : "vk";

		l->url_where = (int)rng_below(&r, 3);
		buf_addf(&l->url,
			 "https://avtodetal.example/catalog/%s?utm_source=%s%s"
			 "utm_medium=%s%sutm_campaign=%s%sutm_content=%s",
			 group_name[a->group], src,
			 l->url_where == 2 && i % 3 == 0 ? "&amp;" : "&",
			 a->medium, "&", a->campaign, "&", a->id);
	}

	/* the path through the statuses */
	age = as_of - l->created;
	if (l->hot) {
		outcome = 0;
	} else {
		double p_open = age < 3 * DAY	 ? 0.7
				: age < 14 * DAY ? 0.3
						 : 0.015;

		if (rng_chance(&r, p_open)) {
			outcome = 0;
		} else {
			uint64_t u = rng_below(&r, 100);
			outcome = u < 42 ? 1 : u < 93 ? 2 : 3;
		}
	}
	t = l->created;
	add_step(l->s, &l->ns, LS_NEW, 0, t, 1);
	if (l->hot) {
		int64_t hot_at = as_of - HOT_DAYS * DAY - 5 * HOUR - 17 * 60;

		t += delay(&r);
		if (t > hot_at - HOUR)
			t = hot_at - HOUR;
		add_step(l->s, &l->ns, LS_PROCESS, 0, t, 2);
		t = hot_at;
		add_step(l->s, &l->ns, LS_HOT, 0, t, 2);
		g->f_hot_since = t;
	} else if (outcome == 3) {
		t += delay(&r);
		if (t < as_of - 60)
			add_step(l->s, &l->ns, LS_DUP, 0, t, 3);
	} else {
		int last = outcome == 0	  ? (int)rng_range(&r, LS_NEW, LS_HOT)
			   : outcome == 2 ? (int)rng_range(&r, LS_NEW, LS_HOT)
					  : LS_HOT;

		for (k = LS_PROCESS; k <= last; k++) {
			double skip = k == LS_PROCESS ? 0.08
				      : k == LS_QUAL  ? 0.3
						      : 0.45;
			if (rng_chance(&r, skip))
				continue; /* a stage skipped */
			t += delay(&r);
			if (t >= as_of - 60)
				break;
			add_step(l->s, &l->ns, k, 0, t, 2);
		}
		if (outcome != 0) {
			t += delay(&r);
			if (t < as_of - 60)
				add_step(l->s, &l->ns,
					 outcome == 1 ? LS_CONVERTED : LS_JUNK,
					 0, t, 3);
		}
	}
	l->cur = l->s[l->ns - 1].st;
	if (lead_st[l->cur].sem != 'P')
		l->closed = l->s[l->ns - 1].ts;
	if (l->cur == LS_JUNK)
		l->loss = RNG_PICK(&r, lead_loss);
	else if (l->cur == LS_DUP)
		l->loss = "Дубль";
	if (!l->no_history && l->ns > 1 && !l->hot && rng_chance(&r, 0.03)) {
		l->no_first_row = 1; /* history recorded from the second row */
		g->f_no_first_row++;
	}
	if (l->cur == LS_CONVERTED)
		build_deal(g, l, &r, l->closed, 0);
	if (sources[l->src].ads == AD_NONE && rng_chance(&r, 0.04)) {
		int64_t at = l->created + HOUR + (int64_t)rng_below(&r, HOUR);
		if (at < as_of - 60)
			build_deal(g, l, &r, at, 1);
	}
}

/* ---- writing ------------------------------------------------------------- */

static void utm_values(const struct lead *l, const char *v[5])
{
	memset(v, 0, 5 * sizeof *v);
	if (l->ad < 0)
		return;
	if (l->utm == U_GIVEN) {
		v[0] = l->spell;
		v[1] = ads[l->ad].medium;
		v[2] = ads[l->ad].campaign;
		v[3] = ads[l->ad].id;
	} else if (l->utm == U_MAP) {
		v[3] = ads[l->ad].id; /* the ad id alone */
	}
}

/* DATE_MODIFY: a little after the last move */
static int64_t lead_modified(const struct gen *g, const struct lead *l)
{
	int64_t m = l->s[l->ns - 1].ts + (l->idx % 4) * 600;

	return m > g->o->as_of ? g->o->as_of : m;
}

static void write_lead(struct gen *g, const struct lead *l)
{
	struct jw *w;
	const char *utm[5];
	char id[24];
	int64_t moved = l->s[l->ns - 1].ts;
	int64_t modified = lead_modified(g, l);

	if (!g->leads.on)
		return;
	utm_values(l, utm);
	w = item_begin(&g->leads);
	kid(w, "ID", l->id);
	kstr(w, "TITLE", l->title);
	kraw(w, "HONORIFIC", "null");
	kstr(w, "NAME", first_names[l->name]);
	kraw(w, "SECOND_NAME", "null");
	kraw(w, "LAST_NAME", "null");
	kraw(w, "COMPANY_TITLE", "null");
	kraw(w, "COMPANY_ID", "null");
	kraw(w, "CONTACT_ID", "null");
	kstr(w, "IS_RETURN_CUSTOMER", l->src == SRC_REPEAT ? "Y" : "N");
	kstr(w, "SOURCE_ID", sources[l->src].id);
	kstr(w, "SOURCE_DESCRIPTION",
	     l->utm == U_URL && l->url_where == 0 ? l->url.p : NULL);
	kstr(w, "STATUS_ID", lead_st[l->cur].id);
	kstr(w, "STATUS_DESCRIPTION", l->loss);
	if (l->utm == U_URL && l->url_where == 2) {
		struct buf c = BUF_INIT;

		buf_addf(&c,
			 "Клиент пришёл по ссылке %s\nперезвонить после 18:00",
			 l->url.p);
		kstr(w, "COMMENTS", c.p);
		buf_release(&c);
	} else {
		kstr(w, "COMMENTS",
		     l->idx % 11 == 4 ? "Нужна деталь в цвет; "
					"уточнить VIN"
				      : NULL);
	}
	kstr(w, "CURRENCY_ID", "RUB");
	kstr(w, "OPPORTUNITY", l->amount[0] ? l->amount : "0.00");
	kstr(w, "IS_MANUAL_OPPORTUNITY", "N");
	kstr(w, "HAS_PHONE", l->src == 4 ? "Y" : "N");
	kstr(w, "HAS_EMAIL", "N");
	kstr(w, "HAS_IMOL", sources[l->src].ads == AD_AVITO ? "Y" : "N");
	kid(w, "ASSIGNED_BY_ID", users[l->mgr].id);
	kid(w, "CREATED_BY_ID", users[l->creator].id);
	kid(w, "MODIFY_BY_ID", users[l->mover].id);
	kid(w, "MOVED_BY_ID", users[l->mover].id);
	ktime(w, "DATE_CREATE", l->created);
	ktime(w, "DATE_MODIFY", modified);
	ktime(w, "MOVED_TIME", moved);
	ktime(w, "DATE_CLOSED", l->closed);
	kstr(w, "STATUS_SEMANTIC_ID", (const char[]){lead_st[l->cur].sem, 0});
	kstr(w, "OPENED", "Y");
	kraw(w, "ORIGINATOR_ID", "null");
	kraw(w, "ORIGIN_ID", "null");
	kstr(w, "UTM_SOURCE", utm[0]);
	kstr(w, "UTM_MEDIUM", utm[1]);
	kstr(w, "UTM_CAMPAIGN", utm[2]);
	kstr(w, "UTM_CONTENT", utm[3]);
	kstr(w, "UTM_TERM", utm[4]);
	ktime(w, "LAST_ACTIVITY_TIME", moved);
	kid(w, "LAST_ACTIVITY_BY", users[l->mover].id);
	kstr(w, "UF_CRM_CITY", cities[l->city]);
	if (l->utm == U_URL && l->url_where == 1) {
		snprintf(id, sizeof id, "%lld", (long long)(l->id * 3 + 1));
		jw_key(w, "WEB");
		jw_open(w, '[');
		jw_sep(w);
		jw_open(w, '{');
		kstr(w, "ID", id);
		kstr(w, "VALUE_TYPE", "WORK");
		kstr(w, "VALUE", l->url.p);
		kstr(w, "TYPE_ID", "WEB");
		jw_close(w, '}');
		jw_close(w, ']');
	}
	item_end(&g->leads);
}

static void write_deal(struct gen *g, const struct lead *l,
		       const struct deal *d)
{
	struct jw *w;
	const char *utm[5];
	char title[200], cat[8];

	if (!g->deals.on)
		return;
	if (d->lead)
		utm_values(l, utm);
	else
		memset(utm, 0, sizeof utm);
	snprintf(title, sizeof title, "%s%s %s",
		 d->lead ? "" : "Повторная покупка: ", d->title_part,
		 cars[l->car]);
	snprintf(cat, sizeof cat, "%d", d->cat);
	w = item_begin(&g->deals);
	kid(w, "ID", d->id);
	kstr(w, "TITLE", title);
	kstr(w, "TYPE_ID", "SALE");
	kstr(w, "CATEGORY_ID", cat);
	kstr(w, "STAGE_ID", deal_st[d->cat][d->cur].id);
	kstr(w, "STAGE_SEMANTIC_ID",
	     (const char[]){deal_st[d->cat][d->cur].sem, 0});
	kstr(w, "IS_NEW", d->ns == 1 ? "Y" : "N");
	kstr(w, "IS_RECURRING", "N");
	kstr(w, "IS_RETURN_CUSTOMER", d->lead ? "N" : "Y");
	kstr(w, "IS_REPEATED_APPROACH", "N");
	kstr(w, "PROBABILITY", NULL);
	kstr(w, "CURRENCY_ID", "RUB");
	kstr(w, "OPPORTUNITY", d->amount);
	kstr(w, "IS_MANUAL_OPPORTUNITY", "Y");
	kstr(w, "TAX_VALUE", "0.00");
	kraw(w, "COMPANY_ID", "\"0\"");
	kraw(w, "CONTACT_ID", "null");
	kraw(w, "QUOTE_ID", "null");
	{
		char t[32];
		fmt_time(t, d->created - (d->created + OFF) % DAY);
		kstr(w, "BEGINDATE", t);
		fmt_time(t, d->closedate - (d->closedate + OFF) % DAY);
		kstr(w, "CLOSEDATE", t);
	}
	kstr(w, "OPENED", "Y");
	kstr(w, "CLOSED", d->closed ? "Y" : "N");
	kraw(w, "COMMENTS", "null");
	kid(w, "ASSIGNED_BY_ID", users[d->mgr].id);
	kid(w, "CREATED_BY_ID", users[l->mover].id);
	kid(w, "MODIFY_BY_ID", users[d->mgr].id);
	kid(w, "MOVED_BY_ID", users[d->mgr].id);
	ktime(w, "DATE_CREATE", d->created);
	ktime(w, "DATE_MODIFY", d->modified);
	ktime(w, "MOVED_TIME", d->s[d->ns - 1].ts);
	kstr(w, "SOURCE_ID", sources[d->src].id);
	kraw(w, "SOURCE_DESCRIPTION", "null");
	kid(w, "LEAD_ID", d->lead);
	kraw(w, "ADDITIONAL_INFO", "null");
	kraw(w, "LOCATION_ID", "null");
	kraw(w, "ORIGINATOR_ID", "null");
	kraw(w, "ORIGIN_ID", "null");
	kstr(w, "UTM_SOURCE", utm[0]);
	kstr(w, "UTM_MEDIUM", utm[1]);
	kstr(w, "UTM_CAMPAIGN", utm[2]);
	kstr(w, "UTM_CONTENT", utm[3]);
	kstr(w, "UTM_TERM", utm[4]);
	ktime(w, "LAST_ACTIVITY_TIME", d->s[d->ns - 1].ts);
	kid(w, "LAST_ACTIVITY_BY", users[d->mgr].id);
	kstr(w, "UF_CRM_LOSS_REASON", d->loss);
	item_end(&g->deals);
}

static void write_history(struct gen *g, const struct lead *l)
{
	int k;

	if (l->no_history)
		return;
	for (k = l->no_first_row; k < l->ns; k++) {
		const struct step *s = &l->s[k];
		struct jw *w;
		char t[32];

		g->f_hist++;
		if (!g->hist.on) {
			g->next_hist++;
			continue;
		}
		w = item_begin(&g->hist);
		/* in the documentation's example these are real numbers */
		kint(w, "ID", g->next_hist++);
		kint(w, "TYPE_ID", s->type);
		kint(w, "OWNER_ID", l->id);
		fmt_time(t, s->ts);
		kstr(w, "CREATED_TIME", t);
		kstr(w, "STATUS_ID", lead_st[s->st].id);
		kstr(w, "STATUS_SEMANTIC_ID",
		     (const char[]){lead_st[s->st].sem, 0});
		item_end(&g->hist);
	}
}

static void write_deal_history(struct gen *g, const struct deal *d)
{
	int k;

	for (k = 0; k < d->ns; k++) {
		const struct step *s = &d->s[k];
		const struct stat *st = &deal_st[s->cat][s->st];
		struct jw *w;
		char t[32];

		g->f_dhist++;
		if (!g->dhist.on) {
			g->next_deal_hist++;
			continue;
		}
		w = item_begin(&g->dhist);
		kint(w, "ID", g->next_deal_hist++);
		kint(w, "TYPE_ID", s->type);
		kint(w, "OWNER_ID", d->id);
		fmt_time(t, s->ts);
		kstr(w, "CREATED_TIME", t);
		kint(w, "CATEGORY_ID", s->cat);
		kstr(w, "STAGE_ID", st->id);
		kstr(w, "STAGE_SEMANTIC_ID", (const char[]){st->sem, 0});
		item_end(&g->dhist);
	}
}

/* ---- the CSV export ------------------------------------------------------ */

static void csv_cell(struct buf *b, const char *s, int first)
{
	if (!first)
		buf_addc(b, ';');
	if (!s)
		return;
	if (strpbrk(s, ";\"\r\n")) {
		buf_addc(b, '"');
		for (; *s; s++) {
			if (*s == '"')
				buf_addc(b, '"');
			buf_addc(b, *s);
		}
		buf_addc(b, '"');
	} else {
		buf_adds(b, s);
	}
}

/* "21.01.2026 14:03:00", Moscow time, as the Russian UI writes it */
static void csv_time(char *dst, size_t n, int64_t utc)
{
	char t[24];

	if (!utc) {
		dst[0] = '\0';
		return;
	}
	ptime_fmt_utc(t, utc + OFF);
	snprintf(dst, n, "%.2s.%.2s.%.4s %.8s", t + 8, t + 5, t, t + 11);
}

/* "12 490,00" */
static void csv_money(char *dst, size_t n, const char *amount)
{
	const char *dot = strchr(amount, '.');
	size_t ni = dot ? (size_t)(dot - amount) : strlen(amount), i, k = 0;

	for (i = 0; i < ni && k + 2 < n; i++) {
		if (i > 0 && (ni - i) % 3 == 0)
			dst[k++] = ' ';
		dst[k++] = amount[i];
	}
	snprintf(dst + k, n - k, ",%s", dot ? dot + 1 : "00");
}

static const char *const csv_header[] = {"ID",
					 "Название лида",
					 "Стадия",
					 "Источник",
					 "Ответственный",
					 "Дата создания",
					 "Дата изменения",
					 "Дата закрытия",
					 "Возможная сумма сделки",
					 "Валюта",
					 "UTM Source",
					 "UTM Medium",
					 "UTM Campaign",
					 "UTM Content",
					 "UTM Term",
					 "Дополнительно об источнике",
					 "Комментарий",
					 "Дополнительно о статусе",
					 "Город"};

static void csv_flush_row(struct gen *g)
{
	buf_add(&g->row, "\r\n", 2);
	if (utf8_to_cp1251(g->row.p, g->row.len, &g->csv.b) != 0)
		die(EX_SOFTWARE, "a character Windows-1251 does not have: %s",
		    g->row.p);
	buf_reset(&g->row);
	gen_out_commit(&g->csv);
}

static void write_csv(struct gen *g, const struct lead *l)
{
	char id[24], cr[32], md[32], cl[32], amt[40], mgr[96], com[600];
	const char *utm[5];
	int k;

	if (!g->csv_on)
		return;
	utm_values(l, utm);
	snprintf(id, sizeof id, "%lld", (long long)l->id);
	csv_time(cr, sizeof cr, l->created);
	csv_time(md, sizeof md, lead_modified(g, l));
	csv_time(cl, sizeof cl, l->closed);
	csv_money(amt, sizeof amt, l->amount[0] ? l->amount : "0.00");
	snprintf(mgr, sizeof mgr, "%s %s", users[l->mgr].first,
		 users[l->mgr].last);
	com[0] = '\0';
	if (l->utm == U_URL && l->url_where == 2)
		snprintf(com, sizeof com,
			 "Клиент пришёл по ссылке %s\nперезвонить после 18:00",
			 l->url.p);
	else if (l->idx % 11 == 4)
		snprintf(com, sizeof com, "Нужна деталь в цвет; уточнить VIN");
	csv_cell(&g->row, id, 1);
	csv_cell(&g->row, l->title, 0);
	csv_cell(&g->row, lead_st[l->cur].name, 0);
	csv_cell(&g->row, sources[l->src].name, 0);
	csv_cell(&g->row, mgr, 0);
	csv_cell(&g->row, cr, 0);
	csv_cell(&g->row, md, 0);
	csv_cell(&g->row, cl, 0);
	csv_cell(&g->row, amt, 0);
	csv_cell(&g->row, "RUB", 0);
	for (k = 0; k < 5; k++)
		csv_cell(&g->row, utm[k], 0);
	csv_cell(&g->row,
		 l->utm == U_URL && l->url_where != 2 ? l->url.p : NULL, 0);
	csv_cell(&g->row, com, 0);
	csv_cell(&g->row, l->loss, 0);
	csv_cell(&g->row, cities[l->city], 0);
	csv_flush_row(g);
}

/* ---- the small files ----------------------------------------------------- */

static void write_users(const char *path)
{
	struct pages p;
	size_t i;
	char email[64];

	pages_open(&p, path, 1, PK_LIST, (int64_t)NUSERS, 0);
	for (i = 0; i < NUSERS; i++) {
		struct jw *w = item_begin(&p);

		kid(w, "ID", users[i].id);
		kraw(w, "ACTIVE", "true");
		kstr(w, "NAME", users[i].first);
		kstr(w, "LAST_NAME", users[i].last);
		kstr(w, "SECOND_NAME", "");
		snprintf(email, sizeof email, "user%d@avtodetal.example",
			 users[i].id);
		kstr(w, "EMAIL", email);
		kstr(w, "WORK_POSITION",
		     i == 0   ? ""
		     : i == 1 ? "Старший менеджер"
			      : "Менеджер по продажам");
		kraw(w, "UF_DEPARTMENT", i == 0 ? "[1]" : "[3]");
		item_end(&p);
	}
	pages_close(&p);
}

static void status_row(struct pages *p, int *id, const char *entity,
		       const char *sid, const char *name, int sort, char sem,
		       int cat)
{
	struct jw *w = item_begin(p);
	char s[2] = {sem, 0};

	kid(w, "ID", (*id)++);
	kstr(w, "ENTITY_ID", entity);
	kstr(w, "STATUS_ID", sid);
	kstr(w, "NAME", name);
	kstr(w, "NAME_INIT", name);
	kint(w, "SORT", sort);
	kstr(w, "SYSTEM",
	     strchr(sid, '_') && strncmp(sid, "UC_", 3) == 0 ? "N" : "Y");
	if (sem == 'S' || sem == 'F')
		kstr(w, "SEMANTICS", s);
	else
		kraw(w, "SEMANTICS", "null");
	if (cat >= 0)
		kint(w, "CATEGORY_ID", cat);
	else
		kraw(w, "CATEGORY_ID", "null");
	item_end(p);
}

static void write_statuses(const char *path)
{
	struct pages p;
	int id = 1, k, c;
	size_t i;

	pages_open(&p, path, 1, PK_LIST, -1, 0);
	for (k = 0; k < NLS; k++)
		status_row(&p, &id, "STATUS", lead_st[k].id, lead_st[k].name,
			   (k + 1) * 10, lead_st[k].sem, -1);
	for (c = 0; c < 2; c++)
		for (k = 0; k < NDS; k++)
			if (deal_st[c][k].id)
				status_row(&p, &id,
					   c ? "DEAL_STAGE_1" : "DEAL_STAGE",
					   deal_st[c][k].id, deal_st[c][k].name,
					   (k + 1) * 10, deal_st[c][k].sem, c);
	for (i = 0; i < NSOURCES; i++)
		status_row(&p, &id, "SOURCE", sources[i].id, sources[i].name,
			   (int)(i + 1) * 10, 0, -1);
	pages_close(&p);
}

/* crm.category.list?entityTypeId=2: the deal pipelines, one page */
static void write_categories(const char *path)
{
	static const char *const names[2] = {"Продажи", "Доставка Авито"};
	struct gen_out o;
	int c;

	gen_out_open(&o, path);
	buf_adds(&o.b, "{\"result\":{\"categories\":[");
	for (c = 0; c < 2; c++)
		buf_addf(&o.b,
			 "%s{\"id\":%d,\"name\":\"%s\",\"sort\":%d,"
			 "\"entityTypeId\":2,\"isDefault\":\"%s\"}",
			 c ? "," : "", c, names[c], (c + 1) * 100,
			 c ? "N" : "Y");
	buf_adds(&o.b, "]},\"total\":2}\n");
	gen_out_close(&o);
}

static void write_ad_map(const char *path)
{
	struct gen_out o;
	size_t i;

	gen_out_open(&o, path);
	buf_adds(&o.b,
		 "utm_content,utm_source,utm_medium,utm_campaign,ad_group\n");
	for (i = 0; i < NADS; i++)
		buf_addf(&o.b, "%s,%s,%s,%s,%s\n", ads[i].id,
			 ads[i].kind == AD_AVITO    ? "avito"
			 : ads[i].kind == AD_YANDEX ? "yandex"
						    : "vk",
			 ads[i].medium, ads[i].campaign,
			 group_name[ads[i].group]);
	gen_out_close(&o);
}

static void write_aliases(const char *path)
{
	struct gen_out o;
	size_t i;

	gen_out_open(&o, path);
	buf_adds(&o.b, "alias,canonical\n");
	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
		buf_addf(&o.b, "%s,%s\n", aliases[i][0], aliases[i][1]);
	gen_out_close(&o);
}

static void write_facts(struct gen *g, const char *path)
{
	struct gen_out o;
	char t[32];
	size_t i;

	gen_out_open(&o, path);
	fmt_time(t, g->f_hot_since);
	buf_addf(&o.b,
		 "{\"kind\":\"facts\",\"leads\":%lld,\"deals\":%lld,"
		 "\"lead_history_rows\":%lld,\"deal_history_rows\":%lld,"
		 "\"no_history\":%lld,\"no_first_row\":%lld,"
		 "\"utm_given\":%lld,\"utm_map\":%lld,\"utm_url\":%lld,"
		 "\"utm_none\":%lld,\"converted\":%lld,\"junk\":%lld,"
		 "\"open\":%lld,\"won\":%lld,\"lost\":%lld,",
		 (long long)g->n, (long long)g->f_deals, (long long)g->f_hist,
		 (long long)g->f_dhist, (long long)g->nnohist,
		 (long long)g->f_no_first_row, (long long)g->f_utm[U_GIVEN],
		 (long long)g->f_utm[U_MAP], (long long)g->f_utm[U_URL],
		 (long long)g->f_utm[U_NONE], (long long)g->f_conv,
		 (long long)g->f_junk, (long long)g->f_open,
		 (long long)g->f_won, (long long)g->f_lost);
	buf_addf(&o.b, "\"won_amount\":\"%lld.%02lld\",\"currency\":\"RUB\",",
		 (long long)(g->won_kop / 100), (long long)(g->won_kop % 100));
	if (g->hot_idx >= 0)
		buf_addf(&o.b,
			 "\"hot_lead\":\"%lld\",\"hot_since\":\"%s\","
			 "\"hot_days\":%d,",
			 (long long)(LEAD_BASE + g->hot_idx), t, HOT_DAYS);
	else
		buf_adds(&o.b, "\"hot_lead\":null,");
	buf_adds(&o.b, "\"leads_by_manager\":{");
	for (i = 1; i < NUSERS; i++)
		buf_addf(&o.b, "%s\"%s %s\":%lld", i > 1 ? "," : "",
			 users[i].first, users[i].last,
			 (long long)g->f_by_mgr[i]);
	buf_addf(&o.b, "},\"reassigned\":%lld}\n", (long long)g->f_reassigned);
	gen_out_close(&o);
}

/* ---- the run ------------------------------------------------------------- */

/* The hot lead: the latest one created 26 days or more before as_of that
 * keeps its history and has a source with ads. */
static int64_t find_hot(struct gen *g)
{
	int64_t lo = 0, hi = g->n, i, limit = g->o->as_of - 26 * DAY;
	struct rng r;

	/* slot times grow with i: the last index created before limit */
	while (lo < hi) {
		int64_t mid = lo + (hi - lo) / 2;
		rng_seed(&r, g->o->seed, (uint64_t)mid);
		if (slot_time(g, mid, rng_unit(&r)) <= limit)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (i = lo - 1; i >= 0; i--) {
		int64_t p = perm(g, i);
		if (p >= g->nempty + g->nnohist)
			return i;
	}
	return -1;
}

int bitrix_generate(const struct bitrix_opts *o)
{
	struct gen g;
	struct lead l;
	int64_t i;
	int s, k;

	memset(&g, 0, sizeof g);
	memset(&l, 0, sizeof l);
	g.o = o;
	g.n = (int64_t)o->leads;
	g.span = o->days * DAY;
	g.start = o->as_of - g.span;
	g.nempty = scaled(g.n, EMPTY_UTM);
	g.nempty_map = scaled(g.n, EMPTY_UTM_MAP);
	g.nnohist = scaled(g.n, NO_HISTORY);
	if (g.nempty + g.nnohist > g.n) {
		g.nempty = g.n / 2;
		g.nempty_map = g.nempty * EMPTY_UTM_MAP / EMPTY_UTM;
		g.nnohist = g.n - g.nempty;
	}
	g.k = 7919;
	while (g.n > 0 && gcd(g.k, (uint64_t)g.n) != 1)
		g.k += 2;
	/* the month weights: a summer dip, an autumn peak, growth */
	g.nseg = (int)(o->days / 30);
	if (g.nseg < 1)
		g.nseg = 1;
	if (g.nseg > 12)
		g.nseg = 12;
	for (s = 0; s < g.nseg; s++)
		g.segw[s] = 1.0 + 0.3 * ((s * 7 + 3) % 5 - 2) / 2.0 + 0.05 * s;
	g.hot_idx = g.n > 0 && o->days > 26 ? find_hot(&g) : -1;
	g.next_deal = DEAL_BASE;
	g.next_hist = HIST_BASE;
	g.next_deal_hist = DEAL_HIST_BASE;

	pages_open(&g.leads, o->leads_out, 1, PK_LIST, g.n, o->as_of);
	pages_open(&g.deals, o->deals, o->deals != NULL, PK_LIST, -1, o->as_of);
	pages_open(&g.hist, o->history, o->history != NULL, PK_HISTORY, -1,
		   o->as_of);
	pages_open(&g.dhist, o->deal_history, o->deal_history != NULL,
		   PK_HISTORY, -1, o->as_of);
	g.csv_on = o->csv != NULL;
	if (g.csv_on) {
		gen_out_open(&g.csv, o->csv);
		for (k = 0; k < (int)(sizeof csv_header / sizeof *csv_header);
		     k++)
			csv_cell(&g.row, csv_header[k], k == 0);
		csv_flush_row(&g);
	}
	for (i = 0; i < g.n; i++) {
		build_lead(&g, &l, i);
		write_lead(&g, &l);
		write_history(&g, &l);
		write_csv(&g, &l);
		g.f_utm[l.utm]++;
		g.f_by_mgr[l.mgr]++;
		if (l.cur == LS_CONVERTED)
			g.f_conv++;
		else if (lead_st[l.cur].sem == 'F')
			g.f_junk++;
		else
			g.f_open++;
		for (k = 0; k < l.ndeals; k++) {
			const struct deal *d = &l.deals[k];

			write_deal(&g, &l, d);
			write_deal_history(&g, d);
			g.f_deals++;
			if (d->closed && deal_st[d->cat][d->cur].sem == 'S') {
				long long rub = 0, kop = 0;
				sscanf(d->amount, "%lld.%lld", &rub, &kop);
				g.won_kop += rub * 100 + kop;
				g.f_won++;
			} else if (d->closed) {
				g.f_lost++;
			}
		}
		gen_out_commit(&g.leads.out);
		if (g.deals.on)
			gen_out_commit(&g.deals.out);
	}
	pages_close(&g.leads);
	pages_close(&g.deals);
	pages_close(&g.hist);
	pages_close(&g.dhist);
	if (g.csv_on)
		gen_out_close(&g.csv);
	if (o->users)
		write_users(o->users);
	if (o->statuses)
		write_statuses(o->statuses);
	if (o->categories)
		write_categories(o->categories);
	if (o->ad_map)
		write_ad_map(o->ad_map);
	if (o->aliases)
		write_aliases(o->aliases);
	if (o->facts)
		write_facts(&g, o->facts);
	buf_release(&l.url);
	buf_release(&g.row);
	buf_release(&g.row1251);
	return 0;
}
