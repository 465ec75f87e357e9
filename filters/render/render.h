/*
 * render.h - pulse-render: the records it reads and the formats it writes.
 *
 * render_load.c turns the input into a struct render_report, keeping the
 * records of the kinds the format draws, each checked against its schema when
 * read (render_check.c; tickets in render_load.c, link and metric records in
 * render_sales.c, histograms in render_hist.c, funnel records in
 * render_funnel.c): tickets, links and metrics parsed, count, histogram and
 * funnel records as their raw lines; records of other kinds only counted.
 * A format (render_md.c, render_svg.c, render_telegram.c, render_html.c,
 * render_csv.c) is a function from a finished report to bytes: it does not
 * read input and does not fail on data.  What formats share: statistics,
 * text cutting, control characters, numbers and days as text
 * (render_util.c), the words of each language (render_lang.c), metric
 * series (render_series.c) and histograms (render_hist.c).
 *
 * Nothing here takes the command line's state (cli.h): main.c reads the
 * input, hands each record to render_load_add() and reports what it
 * returns.  Everything a function returns is owned by the caller and freed
 * with the matching _free/_release function; strings point into the
 * report's arena.
 */
#ifndef PULSE_RENDER_H
#define PULSE_RENDER_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "hmap.h"
#include "rec.h"
#include "rules.h"

/* Categories in report order: the five open ones, then the five closed. */
enum cat {
	CAT_NO_RESPONSE,
	CAT_RECENT_RESPONSE,
	CAT_PARTNER_NO_RESPONSE,
	CAT_PARTNER_RECENT,
	CAT_CUSTOMER_FOLLOWUP,
	CAT_UNCLEAR,
	CAT_INSOLVENCY_RESPONDED,
	CAT_SPAM,
	CAT_ORDER_CONFIRMATION,
	CAT_RESPONDED_NO_FOLLOWUP,
	CAT_N,
	CAT_FIRST_CLOSED = CAT_UNCLEAR,
};

enum prio {
	PRIO_NONE = -1,
	PRIO_CRITICAL,
	PRIO_HIGH,
	PRIO_URGENT,
	PRIO_MEDIUM,
	PRIO_LOW,
	PRIO_MONITOR,
	PRIO_N,
};

extern const char *const render_load_cats[CAT_N];
extern const char *const render_load_prios[PRIO_N];

#define T_NONE INT64_MIN /* a time or number that is null */

/* A string in the report's arena; len == SIZE_MAX for null. */
struct sref {
	size_t off, len;
};

struct ticket {
	int64_t id;
	int open;
	enum cat cat;
	enum prio
		prio; /* as given, or derived for open tickets (render_load) */
	int64_t days; /* days_waiting, or T_NONE */
	double frh;   /* first_response_hours, NaN when null */
	int64_t as_of, created, first_in, last_in, last_out, last_ts; /* sec */
	int64_t n_messages;
	int partner;
	struct sref email, name, subject, summary;
	size_t topic0, ntopics; /* in report.topics */
	/* the latest customer message: what it asks and who wrote it */
	struct sref excerpt, from_name, from_email;
	int from_partner;
	struct sref reason, team, channel, stage;
	size_t ent0, nent;    /* entities: nent (kind, name) pairs at
				 report.ents[ent0] */
	int stars;	      /* Odoo's ticket_priority 0..3, or -1 */
	int64_t sla_deadline; /* or T_NONE */
	/* who answered: first, last, and agent0..+nagents in report.topics */
	struct sref first_response_by, last_out_by;
	size_t agent0, nagents;
};

/* The kinds of record pulse-render reads; RK_OTHER is any other kind. */
enum render_kind {
	RK_TICKET,
	RK_COUNT,
	RK_LINK,
	RK_METRIC,
	RK_HISTOGRAM,
	RK_FUNNEL,
	RK_ALERT,
	RK_NAME,
	RK_OTHER,
	RK_N,
};

#define RK_BIT(k) (1u << (k))

/* "ticket", "link", ...: the value of "kind" of each (RK_OTHER: NULL). */
extern const char *const render_load_kinds[RK_N];

/*
 * A report: the records of the kinds its format draws, checked, and a
 * count of the others, which it ignores.
 */
struct render_report {
	struct ticket *t;
	size_t n, cap;
	struct buf str;	     /* the arena of struct sref */
	struct sref *topics; /* the tickets' topics and agents */
	size_t ntopics, captopics;
	struct sref *ents; /* kind, name, kind, name, ... */
	size_t nents, capents;
	int64_t as_of; /* --as-of, else the largest as_of, else T_NONE */
	uint64_t messages;
	struct sref *aggs; /* count and histogram records, raw lines */
	size_t naggs, capaggs;
	struct link *links; /* render_sales.c: link records */
	size_t nlinks, caplinks;
	int64_t link_users;	/* their values added up */
	struct metric *metrics; /* render_sales.c: metric records */
	size_t nmetrics, capmetrics;
	struct alert *alerts; /* render_alert.c: alert records */
	size_t nalerts, capalerts;
	struct sref *recs; /* funnel records (every record when raw), lines */
	size_t nrecs, caprecs;
	int want_items;	  /* html: keep lead, deal and stage records, small */
	struct buf items; /* render_items.c: them, comma-separated JSON */
	uint64_t nitems;

	unsigned kinds;		/* RK_BIT()s of the kinds the format draws */
	int raw;		/* csv: records are kept as their lines only */
	int final_only;		/* html: a partial funnel row is a bad one */
	uint64_t nkind[RK_N];	/* good records of each kind drawn */
	uint64_t ignored;	/* records of the other kinds */
	struct hmap ignored_by; /* their "kind" values -> how many (uint64_t) */
};

enum lang_id { LANG_EN, LANG_RU };

/*
 * render_names.c: the --names file, CSV event,label: what a report shows
 * for event names.  render_names_load() @return 0, or an exit status with
 * msg: EX_NOINPUT (it cannot be opened), EX_DATAERR (not a names file:
 * empty, another column, an empty cell, an event named twice, a row not
 * in the file's encoding) or EX_IOERR.
 */
struct render_names {
	struct hmap map; /* event -> where its label is in vals */
	struct buf vals;
};

void render_names_init(struct render_names *n);
int render_names_load(struct render_names *n, const char *path, char *msg,
		      size_t msz);
void render_names_release(struct render_names *n);

/* The label of event s[0..len) (*out bytes), or NULL; n may be NULL. */
const char *render_names_get(const struct render_names *n, const char *s,
			     size_t len, size_t *out);

struct render_opts {
	enum lang_id lang;
	const char *title;   /* NULL: the language's */
	int64_t as_of;	     /* T_NONE: from the tickets */
	const char *chat_id; /* telegram: --chat-id */
	const char *chart; /* svg: --chart sankey|metrics|histogram, or NULL */
	int64_t day;	   /* telegram: --day (a day number), or T_NONE */
	int bom;	   /* csv: --bom */
	const char *table; /* csv: --table, or NULL */
	const char *as_of_text; /* --as-of as given, or NULL */
	int csv_dialect; /* csv: --csv-dialect, enum render_csv_dialect */
	const struct render_names *names; /* --names: event labels, or NULL */
	int width; /* svg: --width, the most pixels; 0: as wide as needed */
	const char *portal_url;	       /* html: --portal-url, no trailing '/' */
	const char *from_day, *to_day; /* html: --from, --to (YYYY-MM-DD) */
	const struct rules *rules;     /* md: topic labels, actions (or NULL) */
};

enum render_csv_dialect { RENDER_CSV_RFC4180, RENDER_CSV_EXCEL_RU };

#define RENDER_MIN_WIDTH 400 /* --width: the narrowest chart drawn */

/* render_load.c: a report of the records of kinds (RK_BIT()s). */
void render_load_init(struct render_report *r, unsigned kinds);
void render_load_release(struct render_report *r);

/*
 * Takes one input record: a record of a kind the format draws is checked
 * against its schema and kept, one of another kind counted as ignored.
 * @return 0, or -1 with msg when it is a bad record.
 */
int render_load_add(struct render_report *r, const struct rec *in, char *msg,
		    size_t msz);

/* The records drawn: the good records of the kinds of r->kinds. */
uint64_t render_load_drawn(const struct render_report *r);

/*
 * Appends what was ignored, for a message: "message: 3, lead: 1" (the
 * first few "kind" values in the order they came, then "…").
 */
void render_load_ignored(const struct render_report *r, struct buf *out);

/* "ticket, count and histogram": the kinds of bits, for messages. */
void render_load_kind_list(unsigned bits, struct buf *out);

/* After the last record: as_of and the derived priorities. */
void render_load_finish(struct render_report *r, const struct render_opts *o);

static inline int sref_null(struct sref s)
{
	return s.len == SIZE_MAX;
}

static inline const char *sref_p(const struct render_report *r, struct sref s)
{
	return r->str.p + s.off;
}

/* render_util.c */

/*
 * The p-quantile (0..1) of v[0..n), sorted in place, by linear
 * interpolation between closest ranks (R-7, numpy's default, Excel's
 * PERCENTILE.INC).  @return NaN when n is 0.
 */
double render_util_quantile(double *v, size_t n, double p);

/*
 * Appends s[0..n) for a Markdown table cell: runs of whitespace and
 * control characters become one space (none at the ends), at most
 * maxchars characters (cut at a character boundary, the last one replaced
 * by an ellipsis), '\' and '|' escaped.  An empty result appends "—".
 */
void render_util_md_cell(struct buf *out, const char *s, size_t n,
			 size_t maxchars);

/* Characters (UTF-8 sequences) in s[0..n). */
size_t render_util_chars(const char *s, size_t n);

/*
 * The bytes of the control character at s (n > 0 bytes): 1 for C0 (NUL
 * included) and DEL, 2 for C1 (U+0080..U+009F); 0 when s starts with
 * another character.  Every format replaces or escapes these.
 */
size_t render_util_ctrl(const char *s, size_t n);

/* Appends s[0..n) with each control character replaced by rep. */
void render_util_clean(struct buf *out, const char *s, size_t n,
		       const char *rep);

/*
 * Sets out to s[0..n) as a message may show it: control characters as
 * \uXXXX, at most maxchars characters and then "…"; out->p is a C string.
 */
void render_util_shown(struct buf *out, const char *s, size_t n,
		       size_t maxchars);

/*
 * Appends the JSON number s[0..n) rounded half away from zero to dec
 * decimals, as its decimal digits (so 0.12345, 1/8 written in full
 * precision, gives 0.1235, as pulse-funnel's own rounding of the fraction
 * did): "0.1235", "-0.6429", "1.0000"; with trim, without trailing zeros
 * ("12.5", "3").  @return 0, or -1 (nothing appended) when s is not a
 * number this can write.
 */
int render_util_round(struct buf *out, const char *s, size_t n, int dec,
		      int trim);

/* render_lang.c: the words of a report, per language. */
struct words {
	const char *title, *as_of, *source, *none, *no_tickets;
	const char *months[12]; /* in the case a date needs: "21 января" */
	int dmy;		/* dates as dd.mm.yyyy, else yyyy-mm-dd */
	int slavic;		/* one / few / many plurals, else one / other */
	const char *ticket[3], *message[3], *day[3]; /* one, few, many */
	const char *days_abbr; /* "дн." after a range; NULL: the noun */
	const char *metric, *value, *count, *description;
	const char *totals, *t_total, *t_open, *t_closed;
	const char *open_by_cat, *closed_by_cat, *category;
	const char *cat_desc[CAT_N];
	const char *crit_h2, *crit_h3, *crit_cols, *crit_action;
	const char *high_h2, *high_h3, *high_cols, *high_action;
	const char *prec_h3, *prec_cols;
	const char *wait_h2[3], *wait_cols; /* urgent, medium, low */
	const char *recent_h2, *recent_intro, *recent_cols;
	const char *today, *yesterday,
		*days_ago; /* after the number: " days ago" */
	const char *topics_h2, *topics_real, *topics_cols, *insolvency;
	const char *perday_h2, *period, *pd_tickets, *pd_days, *pd_mean;
	const char *weeks_h3, *weeks_cols;
	const char *load_h3, *load_total, *load_spam, *load_auto, *load_real,
		*load_period, *load_per_day;
	const char *metrics_h2, *m_median, *m_p90, *m_with, *m_waiting, *m_note,
		*hours, *days_short;
	const char *actions_h2, *today_h3, *a_urgent, *a_partner, *a_crit,
		*week_h3, *a_week;
	const char *tallies_h2, *total, *hist_h3, *bucket;
	const char *footer[2]; /* before and after the number of tickets */
};

const struct words *render_lang_words(enum lang_id lang);

/* "5 tickets": n and the plural form of noun[3] that goes with it. */
void render_lang_count(const struct words *w, struct buf *out, uint64_t n,
		       const char *const noun[3]);

/* render_sales.c: link and metric records (the sales-events job). */
struct link {
	int64_t step, value;
	struct sref from, to;
};

struct metric {
	struct sref name, title;		   /* title: null when absent */
	int64_t day;				   /* days since 1970-01-01 */
	double value, prev_day, week_ago, mean_7d; /* NaN for null */
};

/* render_alert.c: alert records (pulse-metrics --alerts). */
enum alert_rule { ALERT_DROP, ALERT_ZERO, ALERT_SILENT };

struct alert {
	int rule;				/* enum alert_rule */
	struct sref metric, title, until, last; /* null when absent */
	int64_t day;				/* days since 1970-01-01 */
	double value, mean, max_hours;		/* NaN for null */
	int64_t min, max, weeks;		/* -1 for silent */
};

/*
 * Takes one alert record.  @return 0, or -1 with msg when it breaks
 * schemas/alert.schema.json.
 */
int render_alert_add(struct render_report *r, const struct rec *in, char *msg,
		     size_t msz);

/* A link's step: at most the columns a chart can hold. */
#define RENDER_SALES_MAX_STEP 999
#define RENDER_SALES_MEAN_DECIMALS 2 /* a metric's mean_7d as it is shown */

/*
 * Takes one link or metric record.  @return 0, or -1 with msg when it
 * breaks the record's contract.
 */
int render_sales_add(struct render_report *r, const struct rec *in, char *msg,
		     size_t msz);

/*
 * render_series.c: one metric's records, by day: rec[0..n) index
 * r->metrics, one a day, days ascending.
 */
struct render_series {
	struct sref name,
		title;	     /* title: the name when the records have none */
	int64_t first, last; /* the days of all the metric records */
	size_t *rec, n;
	size_t title_rec; /* the record the title is from */
};

/*
 * The metric records grouped by name, in the order the names first appear;
 * every series spans days first..last of all the metric records (a later
 * record for the same name and day wins, and the last title).  Memory
 * goes with the records, not with the days they span.  @return the number
 * of series.
 */
size_t render_series_build(const struct render_report *r,
			   struct render_series **out);
void render_series_free(struct render_series *s, size_t n);

/* The record of s for day, or NULL. */
const struct metric *render_series_get(const struct render_report *r,
				       const struct render_series *s,
				       int64_t day);

/* The days from the first to the last of the metric records, or 0. */
int64_t render_series_days(const struct render_report *r);

/* render_hist.c: a histogram record (pulse-tally, pulse-metrics --durations).
 */
struct render_hist {
	struct buf text;  /* field, event and key, for the title */
	double *edges;	  /* nedges */
	uint64_t *counts; /* nedges + 1 */
	size_t nedges;
	uint64_t count;
	double p50, p90; /* from the record, else hist_quantile(); NaN: none */
	int has_event, hours;
	uint64_t null;
	int outcome; /* --by-outcome: 1 payment, 2 other; 0: none */
};

/*
 * The histogram records of the report that keep the schema (the others
 * are skipped with a warning).  @return how many, *out allocated.
 */
size_t render_hist_load(const struct render_report *r,
			struct render_hist **out);
void render_hist_free(struct render_hist *h, size_t n);

/* render_util.c: appends v in its shortest form ("42", "3.5"), with a decimal
 * comma when comma is set; "—" for NaN. */
void render_util_num(struct buf *out, double v, int comma);

/* Appends a day as YYYY-MM-DD, or DD.MM.YYYY when dmy is set. */
void render_util_day(struct buf *out, int64_t day, int dmy);

/* 0 = Monday ... 6 = Sunday. */
int render_util_weekday(int64_t day);

/* render_lang.c: the words of the sales formats. */
struct swords {
	int dmy, comma;
	const char *wdays[7];
	const char *report_title; /* telegram's header */
	const char *no_metrics;
	const char *vs_prev, *vs_week; /* after the change */
	const char *na;
	const char *sankey_title, *step, *steps_n, *users_n; /* "Steps:" */
	const char *reached_step; /* "reached step" 7: users */
	const char *metrics_title, *mean_7d;
	const char *hist_title, *hist_hours_from, *hist_to_next, *hist_unit,
		*hist_bucket_note;
	/* the outcomes of pulse-metrics --by-outcome: in a legend, after a
	 * panel's title when alone, the note under the chart */
	const char *hist_outcome_pay, *hist_outcome_other;
	const char *hist_outcome_pay_title, *hist_outcome_other_title;
	const char *hist_no_next, *hist_outcome_note, *of;
	const char *no_data;
	/* telegram: alert records */
	const char *a_alert, *a_silent, *a_until, *a_pct_pre, *a_below, *a_band,
		*a_weeks, *a_zero, *a_silent_for, *a_hours, *a_allowed, *a_none,
		*a_last;
};

const struct swords *render_lang_swords(enum lang_id lang);

/*
 * render_lang.c: appends the header of a table's column in lang:
 * "revenue.RUB" is "Revenue, RUB", "group.manager" "Group: Manager"; a
 * name it does not know as it is.
 */
void render_lang_column(enum lang_id lang, const char *name, size_t n,
			struct buf *out);

/* A table's name (a funnel table, a kind) in lang, or NULL. */
const char *render_lang_table(enum lang_id lang, const char *name, size_t n);

/*
 * What o's report shows for event name s[0..n) (*len bytes): its label in
 * the --names file, else pulse's own word for the events pulse names
 * itself (payment: "Payment", «Оплата»), else the name as it is.
 */
const char *render_lang_event(const struct render_opts *o, const char *s,
			      size_t n, size_t *len);

/*
 * The Sankey's node of the users whose events end before the last step:
 * the --names file's label of "exit", else "Exit", «Выбыли».
 */
const char *render_lang_exit(const struct render_opts *o, size_t *len);

/* render_check.c: one record's members against its schema. */
struct render_check {
	const struct rec *in;
	struct buf *scratch; /* for decoded strings */
	char *msg;	     /* where the reason goes */
	size_t msz;
};

enum {
	RC_REQUIRED = (1 << 0), /* absent is bad */
	RC_NULL = (1 << 1),	/* null is allowed (as absent) */
	RC_NONEMPTY = (1 << 2), /* strings: "" is bad */
};

/*
 * Each checks member key: @return 1 with *out set when it is there with
 * its type (and in range), 0 when it is absent (or null, with RC_NULL),
 * -1 with the reason in c->msg.  render_check_enum() @return the index
 * of the value in names, -1 when absent or null, -2 when bad.
 */
int render_check_int(struct render_check *c, const char *key, int64_t min,
		     int64_t max, int flags, int64_t *out);
int render_check_num(struct render_check *c, const char *key, double min,
		     double max, int flags, double *out);
int render_check_str(struct render_check *c, const char *key, int flags,
		     const char **p, size_t *n);
int render_check_enum(struct render_check *c, const char *key, int flags,
		      const char *const *names, int nnames);

/* Reasons: "field 'k' is a string, not want" ("is -1, not ..." for
 * numbers), "missing field 'k'", "field 'k': unknown value 'v'".
 * @return -1. */
int render_check_bad(struct render_check *c, const char *key,
		     struct json_span v, const char *want);
int render_check_missing(struct render_check *c, const char *key);

/*
 * A bad part of member key: element index (from 1) of an array, or, when
 * name is not NULL, member name[0..nlen) of an object: "field 'k':
 * element 2 is \"x\", not want".  @return -1.
 */
int render_check_part(struct render_check *c, const char *key, long index,
		      const char *name, size_t nlen, struct json_span v,
		      const char *want);
int render_check_unknown(struct render_check *c, const char *key, const char *p,
			 size_t n);

/*
 * render_funnel.c: checks a funnel record (final rows only, when
 * final_only).  @return 0, or -1 with msg.
 */
int render_funnel_check(const struct rec *in, int final_only, char *msg,
			size_t msz);

/*
 * render_items.c: keeps a lead, deal or stage record small in r->items
 * (--format html).  @return 1 when taken, 0 when of another kind, -1 with
 * msg when bad.
 */
int render_items_add(struct render_report *r, const struct rec *in, char *msg,
		     size_t msz);

/*
 * render_funnel.c: checks a name record (pulse-extract bitrix --statuses,
 * --categories: what the portal calls a stage, source or pipeline code).
 * @return 0, or -1 with msg.
 */
int render_funnel_check_name(const struct rec *in, char *msg, size_t msz);

/*
 * The decimals a funnel member (share, conversion, ...) is shown with,
 * fixed; -1 for a member shown as it is.
 */
int render_funnel_decimals(const char *key, size_t n);

/* render_hist.c: checks a histogram record.  @return 0, or -1 with msg. */
int render_hist_check(const struct rec *in, char *msg, size_t msz);

/* render_load.c: checks a count record.  @return 0, or -1 with msg. */
int render_load_check_count(const struct rec *in, char *msg, size_t msz);

/*
 * render_load.c: checks the "by" (names) and "key" (as many values) of a
 * count or histogram record.  @return 0, or -1 with the reason.
 */
int render_load_check_by_key(struct render_check *c);

/*
 * render_sankey.c: the link records add up as pulse-sankey's do: no node
 * after the first step sends on more users than come to it (the rest
 * leave there, the exit node's users).  @return 0, or -1 with msg.
 */
int render_sankey_check(const struct render_report *r, char *msg, size_t msz);

/* render_svg.c: a Sankey diagram, metric charts or histograms in SVG. */
void render_svg(const struct render_report *r, const struct render_opts *o,
		struct buf *out);

/*
 * render_telegram_funnel.c: the leads funnel's digest (funnel records of
 * the whole period) as lines of render_telegram.c's text, written with
 * render_tg_buf() (where a line's bytes go), render_tg_end() (ends one)
 * and render_tg_html() (a string of the records, escaped, on one line).
 */
void render_telegram_funnel(const struct render_report *r,
			    const struct render_opts *o, void *lines);
/* render_telegram_tickets.c: the ticket report's digest, likewise. */
void render_telegram_tickets(const struct render_report *r,
			     const struct render_opts *o, void *lines);
struct buf *render_tg_buf(void *lines);
void render_tg_end(void *lines);
void render_tg_html(struct buf *out, const char *s, size_t n);

/* render_telegram.c: Bot API sendMessage payloads, one per line. */
void render_telegram(const struct render_report *r, const struct render_opts *o,
		     struct buf *out);

/* render_html.c: the leads dashboard, one self-contained page. */
void render_html(const struct render_report *r, const struct render_opts *o,
		 struct buf *out);

/* render_csv.c: records as RFC 4180 CSV, funnel records one table at once. */
void render_csv(const struct render_report *r, const struct render_opts *o,
		struct buf *out);

/*
 * render_table.c: records as a table of cells, for csv and xlsx.  A table
 * is every record (RT_ALL), the records of one kind (RT_KIND; RT_NO_KIND:
 * those without a string "kind"), or the funnel records of one table
 * (RT_FUNNEL).  Columns are the records' top-level members in the order
 * they first appear, but "kind" (and a funnel table's "table") when every
 * row has the same; a funnel table's objects become one column per
 * member: "group.manager", "revenue.RUB".
 */
enum render_tsel { RT_ALL, RT_KIND, RT_NO_KIND, RT_FUNNEL };

/* One cell: a member's value and what it is. */
struct render_cell {
	struct json_span v; /* JSON_NONE when the record has no such member */
	int dec, trim;	    /* a number shown rounded to dec decimals (-1: as it
			       is), trailing zeros trimmed (render_util_round) */
	int frac;	    /* a fraction: a share, a conversion */
	int money; /* an amount of money, a decimal string or a number */
	struct json_span cur; /* its currency, a JSON string (or not) */
};

/*
 * render_codes.c: the names of the codes, from the report's name records
 * (kept in recs): a stage's per entity, a source's, a pipeline's
 * (category).
 */
struct render_codes {
	struct hmap map; /* "of\x1fentity\x1fcode" -> struct json_span */
	struct buf key;
};

void render_codes_init(struct render_codes *c, const struct render_report *r);
void render_codes_release(struct render_codes *c);

/*
 * The name of code (a JSON string or number) of of ("stage" of entity,
 * "source", "category") into *name, a JSON string.  @return 1, or 0 when
 * the records do not name it.
 */
int render_codes_name(struct render_codes *c, const char *of,
		      struct json_span entity, struct json_span code,
		      struct json_span *name);

/*
 * The code of a source named name (a JSON string), as pulse-utm
 * --crm-source writes a source: its name.  @return 1, or 0.
 */
int render_codes_source(struct render_codes *c, struct json_span name,
			struct json_span *code);

/* Whether the records name any code at all. */
static inline int render_codes_any(const struct render_codes *c)
{
	return hmap_len(&c->map) != 0;
}

struct render_table {
	const struct render_report *r;
	enum render_tsel sel;
	const char *name; /* the kind or the funnel table */
	size_t nlen;
	size_t ncols;
	struct render_cell *row; /* after render_table_next(): by column */
	uint64_t nrows;		 /* the records in the table */
	uint64_t skipped;	 /* and those not in it */
	/* private */
	struct hmap cols; /* column name -> index (size_t) */
	size_t next;
	struct rec rec;
	struct buf key;
	struct render_codes codes; /* a funnel table: names for codes */
};

/* Finds the table's rows and columns (a pass over the records). */
void render_table_init(struct render_table *t, const struct render_report *r,
		       enum render_tsel sel, const char *name, size_t nlen);

/* Column j's name (it may hold a NUL: *len bytes). */
const char *render_table_col(const struct render_table *t, size_t j,
			     size_t *len);

/* The next row into t->row.  @return 1, or 0 after the last one. */
int render_table_next(struct render_table *t);
void render_table_release(struct render_table *t);

/* The tables of a report's records in the order they first appear. */
struct render_tref {
	enum render_tsel sel; /* RT_KIND, RT_NO_KIND or RT_FUNNEL */
	size_t off, len;      /* the name in text (NUL-terminated there) */
};

struct render_tables {
	struct render_tref *t;
	size_t n, cap;
	struct buf text;
};

void render_table_list(const struct render_report *r, struct render_tables *l);
void render_table_list_release(struct render_tables *l);

/* render_funnel.c: whether a funnel member is money by currency. */
int render_funnel_money(const char *key, size_t n);

/*
 * render_xlsx.c: an Excel workbook, a sheet per table of render_table.c,
 * cells typed.  @return 0, or an exit status (73 no temporary file, 74,
 * 65 a table larger than a sheet) with the reason in msg.
 */
int render_xlsx(const struct render_report *r, const struct render_opts *o,
		struct buf *out, char *msg, size_t msz);

/* render_md.c: the report in Markdown. */
void render_md(const struct render_report *r, const struct render_opts *o,
	       struct buf *out);

#endif
