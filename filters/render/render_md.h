/*
 * render_md.h - what the files of the md format share: the state of one
 * report being written (render_md.c) and the tables of pulse-tally's
 * records at its end (render_md_tally.c).
 */
#ifndef PULSE_RENDER_MD_H
#define PULSE_RENDER_MD_H

#include <stdint.h>

#include "render.h"

#define RENDER_MD_SUBJECT_CHARS 80  /* a table cell of free text, at most */
#define RENDER_MD_EXCERPT_CHARS 120 /* what a customer asks, at most */

struct md_words;

/*
 * The targets the report measures against: the [targets] section of the
 * rules (rules.h), else 24 h, 48 h, 0 and 0.
 */
struct md_targets {
	double median_h, p90_h; /* first response, hours */
	double unanswered, breached;
};

struct md {
	const struct render_report *r;
	const struct render_opts *o;
	const struct words *w;
	struct buf *out;
	int64_t today; /* day of as_of, or T_NONE */
	const struct md_words *mw;
	struct md_targets tg;
};

/* render_md.c: a horizontal rule, a table header "| a | b |" and its rule. */
void render_md_hr(struct md *m);
void render_md_table_head2(struct md *m, const char *a, const char *b);
/* A table header from "A|B|C". */
void render_md_table_head(struct md *m, const char *cols);
/* A day (days since 1970-01-01) as the report's language writes dates. */
void render_md_date(struct md *m, int64_t day);

/* The words of the parts of the report in render_md_topic.c. */
struct md_words {
	const char *topics_note; /* "A ticket may have several topics ..." */
	const char *topics_cols, *other, *touches, *examples, *recommend;
	const char *of_requests, *open_now;
	const char *improve_h3, *monitor_h2, *monitor_cols, *topic_share;
	const char *t_median, *t_p90, *t_unanswered, *t_breached;
	const char *a_topic_open, *a_breached, *a_remind, *a_faq, *none;
	const char *odoo_h2, *sla_h3, *no_sla, *sla_prio_cols, *sla_team_cols;
	const char *channels_h3, *channels_cols, *ch_email, *ch_unknown;
	const char *t_unclear, *unclear_h2, *unclear_intro, *unclear_cols;
};

const struct md_words *render_md_words(enum lang_id lang);

#define MD_EXAMPLES 3 /* example tickets of a topic */

/* A topic of the real tickets (not spam, not order confirmations). */
struct md_topic {
	const char *id; /* "course_dates", in the report's arena */
	size_t idlen;
	uint64_t count, open;
	const struct ticket *ex[MD_EXAMPLES]; /* open first, newest first */
	size_t nex;
	const struct ticket **open_t; /* its open tickets, for the plan */
	struct hmap ents;	      /* "kind\x1fname" -> uint64_t tickets */
};

struct md_topics {
	struct md_topic *t; /* most tickets first */
	size_t n;
	uint64_t real, sum; /* real tickets; their topics, added up */
};

/*
 * render_md_topic.c: the topics of m's tickets; the "Topics" section
 * (label, share, target, what each touches, examples, recommendation);
 * the label and the notes of a topic in the report's language (NULL when
 * the rules give none).
 */
/* What the action plan counts (render_md.c's lists, in their order). */
struct md_plan {
	const struct ticket *const *urgent, *const *high, *const *crit;
	size_t nurgent, nhigh, ncrit, medium_low;
};

/*
 * render_md_plan.c: the action plan (today, this week, system
 * improvements) from the counts and the topics' notes; the metrics to
 * monitor with their current value and target.
 */
void render_md_plan(struct md *m, const struct md_plan *p,
		    const struct md_topics *ts);
void render_md_monitor(struct md *m, const struct md_topics *ts);

/*
 * render_md_odoo.c: Odoo's priority (0..3 stars, else -1) in words; the
 * section of Odoo's signals: open tickets and their SLA deadlines per
 * priority and per team, the channels and their first response times.
 */
void render_md_stars(struct md *m, int stars);
void render_md_odoo(struct md *m);

void render_md_topics_count(struct md *m, struct md_topics *ts);
void render_md_topics(struct md *m, const struct md_topics *ts);
void render_md_topics_release(struct md_topics *ts);
void render_md_topic_label(struct md *m, const struct md_topic *t);
const char *render_md_topic_note(struct md *m, const struct md_topic *t,
				 const char *key);

/*
 * render_md_agents.c: the load per agent (tickets answered, first answers,
 * open tickets last answered, first response median and p90); the backlog
 * per day (open tickets, those without a first answer, the oldest wait).
 */
void render_md_agents(struct md *m);
void render_md_backlog(struct md *m);

/*
 * render_md_tally.c: the count records as one table per "by" (in order of
 * first appearance), then the histograms in input order; nothing when
 * there are none.
 */
void render_md_tally(struct md *m);

#endif
