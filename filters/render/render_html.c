/*
 * render_html.c - the leads dashboard as one self-contained page; see
 * render.h.
 *
 * The page is static: no network (a Content-Security-Policy forbids it),
 * no fonts, no CDN.  C writes the frame (title, section headings, all
 * HTML-escaped), the words of the language and the records as JSON in a
 * <script type="application/json"> block; the inline script
 * (dashboard.js, built in by the Makefile like dashboard.css) draws every
 * table and SVG chart from that data, and draws them again for the group
 * a click picks: the funnel records of pulse-funnel --by source or --by
 * manager are the filtered views, so the numbers shown are always
 * pulse-funnel's own.  Data reaches the page only as JSON text and
 * through textContent, never as markup.
 */
#include "render.h"

#include <string.h>

#include "jw.h"
#include "ptime.h"

/* build/gen/render_page.c, from dashboard.js and dashboard.css */
extern const char render_page_js[], render_page_css[];

/* The words of the page, one language per column. */
static const char *const words[][3] = {
	{"title", "Leads dashboard", "Лиды: дашборд"},
	{"as_of", "as of", "на"},
	{"hint",
	 "Click a source or a manager to filter the whole page; click it again to clear the filter.",
	 "Щёлкните источник или менеджера, чтобы отфильтровать всю страницу; повторный щелчок снимает фильтр."},
	{"filter", "Filter", "Фильтр"},
	{"all", "all", "все"},
	{"clear", "Clear", "Сбросить"},
	{"csv", "CSV", "CSV"},
	{"csv_title", "Download the table as shown (CSV)",
	 "Скачать таблицу как показана (CSV)"},
	{"sort_title", "Sort", "Сортировать"},
	{"rows_shown",
	 "The first %1 rows of %2 are shown; the CSV has them all.",
	 "Показаны первые %1 строк из %2; в CSV — все."},
	{"no_data", "No data for this selection.",
	 "Нет данных для этого выбора."},
	{"no_records",
	 "The input has no funnel records: pipe pulse-funnel into pulse-render.",
	 "Во входных данных нет записей funnel: подайте на вход вывод pulse-funnel."},
	{"no_view",
	 "The input has no figures for the whole period (pulse-funnel without --by); pick a value above.",
	 "Во входных данных нет итогов за весь период (pulse-funnel без --by); выберите значение выше."},
	{"none", "(none)", "(нет)"},
	{"no_stage", "(no stage)", "(без стадии)"},
	{"s_summary", "Summary", "Итоги"},
	{"s_funnel", "Funnel", "Воронка"},
	{"s_dropoff", "Where lost leads and deals drop out",
	 "Где теряются лиды и сделки"},
	{"s_sources", "Sources and campaigns", "Источники и кампании"},
	{"s_top_sources", "Top 5 sources by month",
	 "Топ-5 источников по месяцам"},
	{"s_dynamics", "Month and quarter dynamics",
	 "Динамика по месяцам и кварталам"},
	{"s_managers", "Managers", "Менеджеры"},
	{"s_manager_months", "Managers by month", "Менеджеры по месяцам"},
	{"s_age", "Time in the current stage", "Время на текущей стадии"},
	{"s_stale", "Stale leads and deals", "Зависшие лиды и сделки"},
	{"n_funnel",
	 "Shares are of all records created in the period, so the stages do not add up to 100%; conversion is from the previous stage.",
	 "Доли считаются от всех записей, созданных за период, поэтому стадии не складываются в 100%; конверсия — от предыдущей стадии."},
	{"t_pivot_month",
	 "Top 5 by month: leads (change against the month before)",
	 "Топ-5 по месяцам: лиды (изменение к прошлому месяцу)"},
	{"t_pivot_quarter",
	 "Top 5 by quarter, from the leads: leads (change against the quarter before)",
	 "Топ-5 по кварталам, по лидам: лиды (изменение к прошлому кварталу)"},
	{"t_loss_reasons", "Loss reasons: share of the lost",
	 "Причины отказа: доля от проигранных"},
	{"s_ads", "Ads (utm_content)", "Объявления (utm_content)"},
	{"n_ads",
	 "The ads of the leads the explore filters leave, by revenue, then won deals; a deal counts for its lead's ad.",
	 "Объявления лидов, которые оставляют фильтры разреза, по выручке, затем по выигранным сделкам; сделка считается за объявлением своего лида."},
	{"c_utm_content", "Ad (utm_content)", "Объявление (utm_content)"},
	{"d_utm_content", "ad", "объявление"},
	{"s_speed", "Speed to lead", "Скорость реакции на лид"},
	{"n_speed",
	 "Minutes from a lead's creation to its first change of stage, of the leads the explore filters leave; median and 90th percentile (nine leads in ten were taken up sooner).",
	 "Минуты от создания лида до первой смены стадии, по лидам, которые оставляют фильтры разреза; медиана и 90-й перцентиль (девять лидов из десяти взяты в работу быстрее)."},
	{"c_changed", "Stage changed", "Стадия менялась"},
	{"c_median_min", "Median", "Медиана"},
	{"c_p90_min", "p90", "p90"},
	{"u_min", "min", "мин"},
	{"u_h", "h", "ч"},
	{"u_d", "d", "д"},
	{"s_health", "Data health", "Качество данных"},
	{"n_health",
	 "Of the leads the explore filters leave; a count opens its leads.",
	 "По лидам, которые оставляют фильтры разреза; число открывает их список."},
	{"c_check", "Check", "Проверка"},
	{"h_no_stage", "Leads without stage history",
	 "Лиды без истории стадий"},
	{"h_no_change", "Leads whose stage never changed",
	 "Лиды, у которых стадия ни разу не менялась"},
	{"h_no_utm", "Leads without UTM (no field, URL or map gave one)",
	 "Лиды без UTM (ни поле, ни ссылка, ни карта объявлений)"},
	{"h_crm_source", "of them with the source of Bitrix's SOURCE_ID",
	 "из них с источником из SOURCE_ID Битрикс24"},
	{"h_ad_unmapped", "Leads whose ad id the ad map lacks",
	 "Лиды с id объявления, которого нет в карте объявлений"},
	{"h_no_manager", "Leads without a responsible manager",
	 "Лиды без ответственного"},
	{"h_ad_ids", "Ad ids missing from the map (%1):",
	 "Id объявлений, которых нет в карте (%1):"},
	{"n_reassigned",
	 "Reassigned leads are not counted: the export has no history of the responsible (a lead counts for its current one).",
	 "Переназначенные лиды не посчитаны: в выгрузке нет истории ответственных (лид считается за текущим)."},
	{"s_explore", "Leads and deals: explore", "Лиды и сделки: разрез"},
	{"n_explore",
	 "Filters combine; a count elsewhere on the page opens its leads here. A stage is reached when the record's stage history has it.",
	 "Фильтры сочетаются; число в любой таблице выше открывает здесь свои лиды. Стадия пройдена, если она есть в истории стадий записи."},
	{"x_entity", "show", "показать"},
	{"x_from", "created from", "создан с"},
	{"x_to", "to", "по"},
	{"x_matched", "%1 of %2 %3", "%1 из %2 (%3)"},
	{"x_now", "Their stage now", "Их стадия сейчас"},
	{"open_title", "Open the list of these records",
	 "Открыть список этих записей"},
	{"c_ad_group", "Ad group", "Группа объявлений"},
	{"c_amount", "Amount", "Сумма"},
	{"n_crm_source",
	 "%1 leads without UTM take their source from Bitrix's own SOURCE_ID field: %2.",
	 "%1 лидов без UTM получили источник из поля «Источник» Битрикс24 (SOURCE_ID): %2."},
	{"crm_source_tip", "no UTM: Bitrix SOURCE_ID %1",
	 "нет UTM: источник Битрикс24 %1"},
	{"n_managers",
	 "A lead counts for its current responsible, once, however often it changed hands.",
	 "Лид считается за текущим ответственным, один раз, сколько бы раз его ни передавали."},
	{"n_stale",
	 "Open records that have lain in their stage longer than --stale-days, oldest first.",
	 "Открытые записи, которые лежат на стадии дольше --stale-days, сначала самые старые."},
	{"k_leads", "Leads", "Лиды"},
	{"k_qualified", "Qualified", "Квалифицировано"},
	{"k_won", "Won deals", "Выиграно сделок"},
	{"k_revenue", "Revenue", "Выручка"},
	{"k_rpl", "Revenue per lead", "Выручка на лид"},
	{"e_lead", "Leads", "Лиды"},
	{"ent_lead", "lead", "лид"},
	{"ent_deal", "deal", "сделка"},
	{"sem_P", "in progress", "в работе"},
	{"sem_S", "success", "успех"},
	{"sem_F", "failure", "провал"},
	{"period", "period", "период"},
	{"e_deal", "Deals", "Сделки"},
	{"pipeline", "pipeline", "направление"},
	{"t_month", "By month", "По месяцам"},
	{"t_quarter", "By quarter", "По кварталам"},
	{"d_source", "source", "источник"},
	{"d_manager", "manager", "менеджер"},
	{"d_utm_campaign", "campaign", "кампания"},
	{"d_ad_group", "ad group", "группа объявлений"},
	{"d_month", "month", "месяц"},
	{"d_quarter", "quarter", "квартал"},
	{"c_entity", "Entity", "Сущность"},
	{"c_category", "Pipeline", "Направление"},
	{"c_stage", "Stage", "Стадия"},
	{"c_semantic", "Kind", "Тип"},
	{"c_position", "#", "№"},
	{"c_reached", "Reached", "Дошли"},
	{"c_total", "Total", "Всего"},
	{"c_share", "Share", "Доля"},
	{"c_from_previous", "From previous", "С предыдущей"},
	{"c_conversion", "Conversion", "Конверсия"},
	{"c_lost_stage", "Lost as", "Проиграна как"},
	{"c_loss_reason", "Reason", "Причина"},
	{"c_count", "Count", "Количество"},
	{"c_source", "Source", "Источник"},
	{"c_utm_campaign", "Campaign", "Кампания"},
	{"c_leads", "Leads", "Лиды"},
	{"c_qualified", "Qualified", "Квалиф."},
	{"c_won", "Won", "Выиграно"},
	{"c_revenue", "Revenue", "Выручка"},
	{"c_revenue_per_lead", "Revenue per lead", "Выручка на лид"},
	{"c_month", "Month", "Месяц"},
	{"c_rank", "Rank", "Место"},
	{"c_previous", "Month before", "Месяцем ранее"},
	{"c_change", "Change", "Изменение"},
	{"c_change_share", "Change, %", "Изменение, %"},
	{"c_period", "Period", "Период"},
	{"c_manager", "Manager", "Менеджер"},
	{"c_days_with_leads", "Days with leads", "Дней с лидами"},
	{"c_mean_per_day", "Leads per day", "Лидов в день"},
	{"c_average_check", "Average check", "Средний чек"},
	{"c_open", "Open", "Открыто"},
	{"c_days_mean", "Mean days", "Дней в среднем"},
	{"c_days_max", "Max days", "Дней максимум"},
	{"c_id", "ID", "ID"},
	{"c_title", "Title", "Название"},
	{"c_since", "In the stage since", "На стадии с"},
	{"c_days", "Days", "Дней"},
	{"c_created", "Created", "Создан"},
	{"ch_leads_month", "Leads, qualified and won per month",
	 "Лиды, квалифицированные и выигранные по месяцам"},
	{"ch_manager_months", "Leads per manager and month",
	 "Лиды по менеджерам и месяцам"},
	{"ch_sources", "Leads per source", "Лиды по источникам"},
	{"ch_average_check", "Average check per manager and month",
	 "Средний чек по менеджерам и месяцам"},
	{"ch_managers", "Leads per manager", "Лиды по менеджерам"},
	{"ch_age", "Mean and longest days in the stage",
	 "Среднее и наибольшее число дней на стадии"},
};

/* The page's sections, in order: id, heading word, note word or NULL. */
static const char *const sections[][3] = {
	{"summary", "s_summary", NULL},
	{"funnel", "s_funnel", "n_funnel"},
	{"dropoff", "s_dropoff", NULL},
	{"sources", "s_sources", NULL},
	{"ads", "s_ads", NULL},
	{"top_sources", "s_top_sources", NULL},
	{"dynamics", "s_dynamics", NULL},
	{"managers", "s_managers", "n_managers"},
	{"manager_months", "s_manager_months", NULL},
	{"age", "s_age", NULL},
	{"stale", "s_stale", "n_stale"},
	{"speed", "s_speed", "n_speed"},
	{"health", "s_health", "n_health"},
	{"explore", "s_explore", "n_explore"},
};

static const char *word(const char *key, enum lang_id lang)
{
	size_t i;

	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(words[i][0], key) == 0)
			return words[i][lang == LANG_RU ? 2 : 1];
	return key;
}

/*
 * Appends s[0..n) escaped for HTML text and attribute values, control
 * characters (C0, DEL, C1: parse errors in HTML) as spaces.
 */
static void html_esc(struct buf *out, const char *s, size_t n)
{
	size_t i, from = 0, l;
	const char *rep;

	for (i = 0; i < n; i++) {
		if ((l = render_util_ctrl(s + i, n - i))) {
			buf_add(out, s + from, i - from);
			buf_addc(out, ' ');
			from = i + l;
			i += l - 1;
			continue;
		}
		switch (s[i]) {
		case '&':
			rep = "&amp;";
			break;
		case '<':
			rep = "&lt;";
			break;
		case '>':
			rep = "&gt;";
			break;
		case '"':
			rep = "&quot;";
			break;
		case '\'':
			rep = "&#39;";
			break;
		default:
			continue;
		}
		buf_add(out, s + from, i - from);
		buf_adds(out, rep);
		from = i + 1;
	}
	buf_add(out, s + from, n - from);
}

static void html_escs(struct buf *out, const char *s)
{
	html_esc(out, s, strlen(s));
}

/*
 * Appends JSON text j[0..n) for a script data block: '<', '>' and '&' can
 * only be inside strings there, so \u escapes for them keep the JSON equal
 * and leave nothing ("</script>", "<!--") that could end the block; so do
 * \u escapes for DEL and the C1 controls, which JSON lets through raw but
 * an HTML page may not hold.
 */
static void json_for_script(struct buf *out, const char *j, size_t n)
{
	size_t i, from = 0, l;
	const char *rep;

	for (i = 0; i < n; i++) {
		/* not C0: tabs and newlines between tokens are JSON's */
		if ((unsigned char)j[i] >= 0x7f &&
		    (l = render_util_ctrl(j + i, n - i))) {
			buf_add(out, j + from, i - from);
			buf_addf(out, "\\u%04x", (unsigned char)j[i + l - 1]);
			from = i + l;
			i += l - 1;
			continue;
		}
		switch (j[i]) {
		case '<':
			rep = "\\u003c";
			break;
		case '>':
			rep = "\\u003e";
			break;
		case '&':
			rep = "\\u0026";
			break;
		default:
			continue;
		}
		buf_add(out, j + from, i - from);
		buf_adds(out, rep);
		from = i + 1;
	}
	buf_add(out, j + from, n - from);
}

/*
 * The report's time as text in dst (PTIME_LOCAL_MAX bytes): --as-of in the
 * offset it was given in (the export's, usually), only its date when the
 * time is midnight; else the date of the report's as_of.  "" when none.
 */
static void as_of_text(const struct render_report *r,
		       const struct render_opts *o, char *dst)
{
	struct ptime t;
	size_t n;

	dst[0] = '\0';
	if (o->as_of_text &&
	    ptime_parse(o->as_of_text, strlen(o->as_of_text), &t) == 0) {
		n = ptime_fmt_local(dst, &t);
		if (n >= 19 && memcmp(dst + 10, "T00:00:00", 9) == 0 &&
		    (n == 19 || dst[19] != '.'))
			n = 10;
		dst[n] = '\0';
	} else if (r->as_of != T_NONE) {
		dst[ptime_fmt_day(dst, ptime_day(r->as_of))] = '\0';
	}
}

/*
 * The as-of text of as_of_text() as the reader's language writes it:
 * 21.01.2026 18:00 (UTC+03:00) in Russian, 2026-01-21 18:00 (UTC+03:00)
 * in English; seconds only when not :00; a date alone as a date.
 */
static void as_of_words(const char *t, enum lang_id lang, struct buf *out)
{
	size_t n = strlen(t);

	if (n < 10 || t[4] != '-' || t[7] != '-') {
		buf_adds(out, t);
		return;
	}
	if (lang == LANG_RU) {
		buf_add(out, t + 8, 2);
		buf_addc(out, '.');
		buf_add(out, t + 5, 2);
		buf_addc(out, '.');
		buf_add(out, t, 4);
	} else {
		buf_add(out, t, 10);
	}
	if (n < 16 || t[10] != 'T')
		return;
	buf_addc(out, ' ');
	buf_add(out, t + 11, 5);
	if (n >= 19 && memcmp(t + 16, ":00", 3) != 0)
		buf_add(out, t + 16, 3);
	t += 19;
	while (*t && *t != 'Z' && *t != '+' && *t != '-')
		t++; /* fractions */
	if (*t == 'Z')
		buf_adds(out, " (UTC)");
	else if (*t)
		buf_addf(out, " (UTC%s)", t);
}

/* The data block's JSON: language, words, as-of and the records. */
static void page_data(const struct render_report *r,
		      const struct render_opts *o, const char *title,
		      struct buf *j)
{
	char day[PTIME_LOCAL_MAX];
	size_t i;

	buf_adds(j, "{\"lang\":");
	jw_cstr(j, o->lang == LANG_RU ? "ru" : "en");
	buf_adds(j, ",\"title\":");
	jw_cstr(j, title);
	buf_adds(j, ",\"as_of\":");
	as_of_text(r, o, day);
	jw_cstr(j, *day ? day : NULL);
	buf_adds(j, ",\"words\":{");
	for (i = 0; i < sizeof words / sizeof words[0]; i++) {
		if (i)
			buf_addc(j, ',');
		jw_cstr(j, words[i][0]);
		buf_addc(j, ':');
		jw_cstr(j, words[i][o->lang == LANG_RU ? 2 : 1]);
	}
	buf_adds(j, "},\"period\":[");
	jw_cstr(j, o->from_day);
	buf_addc(j, ',');
	jw_cstr(j, o->to_day);
	buf_adds(j, "],\"portal\":");
	jw_cstr(j, o->portal_url);
	buf_adds(j, ",\"items\":[");
	buf_add(j, r->items.p ? r->items.p : "", r->items.len);
	buf_adds(j, "],\"records\":[");
	for (i = 0; i < r->nrecs; i++) {
		if (i)
			buf_adds(j, ",\n");
		buf_add(j, sref_p(r, r->recs[i]), r->recs[i].len);
	}
	buf_adds(j, "]}");
}

void render_html(const struct render_report *r, const struct render_opts *o,
		 struct buf *out)
{
	const char *title = o->title ? o->title : word("title", o->lang);
	struct buf j = BUF_INIT;
	char day[PTIME_LOCAL_MAX];
	size_t i;

	buf_adds(out, "<!DOCTYPE html>\n<html lang=\"");
	buf_adds(out, o->lang == LANG_RU ? "ru" : "en");
	buf_adds(
		out,
		"\">\n<head>\n<meta charset=\"utf-8\">\n"
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		"style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
		"<meta name=\"generator\" content=\"pulse-render " VERSION
		"\">\n"
		"<title>");
	html_escs(out, title);
	buf_adds(out, "</title>\n<style>\n");
	buf_adds(out, render_page_css);
	buf_adds(out, "</style>\n</head>\n<body>\n<header>\n<h1>");
	html_escs(out, title);
	buf_adds(out, "</h1>\n<p class=\"meta\" id=\"meta\">");
	as_of_text(r, o, day);
	if (*day) {
		struct buf shown = BUF_INIT;

		as_of_words(day, o->lang, &shown);
		html_escs(out, word("as_of", o->lang));
		buf_addc(out, ' ');
		html_escs(out, shown.p);
		buf_release(&shown);
	}
	buf_adds(out, "</p>\n<nav class=\"filters\" id=\"filters\"></nav>\n"
		      "<p class=\"hint\" id=\"hint\">");
	html_escs(out, word("hint", o->lang));
	buf_adds(out, "</p>\n</header>\n<main>\n<noscript><p>");
	html_escs(
		out,
		o->lang == LANG_RU
			? "Для этой страницы нужен JavaScript; те же таблицы пишет pulse-render --format csv."
			: "This page needs JavaScript; pulse-render --format csv writes the same tables.");
	buf_adds(out, "</p></noscript>\n");
	for (i = 0; i < sizeof sections / sizeof sections[0]; i++) {
		buf_adds(out, "<section id=\"s-");
		buf_adds(out, sections[i][0]);
		buf_adds(out, "\">\n<h2>");
		html_escs(out, word(sections[i][1], o->lang));
		buf_adds(out, "</h2>\n");
		if (sections[i][2]) {
			buf_adds(out, "<p class=\"note\">");
			html_escs(out, word(sections[i][2], o->lang));
			buf_adds(out, "</p>\n");
		}
		buf_adds(out, "<div class=\"body\"></div>\n</section>\n");
	}
	buf_adds(out, "</main>\n<footer>pulse-render " VERSION "</footer>\n"
		      "<script type=\"application/json\" id=\"pulse-data\">\n");
	page_data(r, o, title, &j);
	json_for_script(out, j.p, j.len);
	buf_adds(out, "\n</script>\n<script>\n");
	buf_adds(out, render_page_js);
	buf_adds(out, "</script>\n</body>\n</html>\n");
	buf_release(&j);
}
