/*
 * sales.h - what the svg and telegram formats share about the records of
 * the sales-events job: metric records grouped into one series per metric,
 * histogram records read back from the report, numbers and days as text,
 * the words of both languages.
 *
 * Everything returned is owned by the caller and freed with the matching
 * _free/_release function; strings point into the report's arena.
 */
#ifndef PULSE_RENDER_SALES_H
#define PULSE_RENDER_SALES_H

#include <stddef.h>
#include <stdint.h>

#include "render.h"

/* One metric's days: at[d] indexes r->metrics for day first + d, or -1. */
struct series {
	struct sref name,
		title;	     /* title: the name when the records have none */
	int64_t first, last; /* days; first > last when the series is empty */
	long *at;
};

/*
 * The metric records grouped by name, in the order the names first appear;
 * every series spans days first..last of all the metric records (a later
 * record for the same name and day wins).  @return the number of series.
 */
size_t series_build(const struct report *r, struct series **out);
void series_free(struct series *s, size_t n);

/* The record of s for day, or NULL. */
const struct metric *series_get(const struct report *r, const struct series *s,
				int64_t day);

/* A histogram record (pulse-tally, or pulse-metrics --durations). */
struct hrec {
	struct buf text;  /* field, event and key, for the title */
	double *edges;	  /* nedges */
	uint64_t *counts; /* nedges + 1 */
	size_t nedges;
	uint64_t count;
	double p50, p90; /* from the record, else hist_quantile(); NaN: none */
	int has_event, hours;
};

/*
 * The histogram records of the report that keep the schema (the others
 * are skipped with a warning).  @return how many, *out allocated.
 */
size_t hrecs_load(const struct report *r, struct hrec **out);
void hrecs_free(struct hrec *h, size_t n);

/* Appends v in its shortest form ("42", "3.5"), with a decimal comma when
 * comma is set; "—" for NaN. */
void num_add(struct buf *out, double v, int comma);

/* Appends a day as YYYY-MM-DD, or DD.MM.YYYY when dmy is set. */
void day_add(struct buf *out, int64_t day, int dmy);

/* 0 = Monday ... 6 = Sunday. */
int day_weekday(int64_t day);

/* The words of the sales formats. */
struct swords {
	int dmy, comma;
	const char *wdays[7];
	const char *report_title; /* telegram's header */
	const char *no_metrics;
	const char *vs_prev, *vs_week; /* after the change */
	const char *na;
	const char *sankey_title, *step, *steps_n, *users_n; /* "Steps:" */
	const char *metrics_title, *mean_7d;
	const char *hist_title, *hist_hours_from, *hist_to_next, *hist_unit,
		*hist_bucket_note;
	const char *no_data;
};

const struct swords *swords_for(enum lang_id lang);

#endif
