/*
 * series.h - daily counts of a metric and the metric records written from
 * them, the one piece pulse-metrics and pulse-merge share so that a merge
 * of shards writes what one run writes, byte for byte.
 *
 * A series holds one non-negative count per day (a day number as
 * ptime.h's ptime_day() gives); days never added read as 0.  A report
 * covers the days first..last of all its metrics (zero days included):
 * series_write() writes the record of one day of it,
 *
 *   {"kind":"metric","name":N[,"title":T],"day":"YYYY-MM-DD","value":V,
 *    "prev_day":P,"week_ago":W,"mean_7d":M}
 *
 * where prev_day, week_ago and mean_7d (the mean of the seven days before,
 * in full precision: the shortest form of the double, as jq prints it;
 * rounding is the renderer's job) are null until the report has the days
 * they look back on;
 * a partial record stops after value with "partial":true
 * (schemas/metric.schema.json).
 */
#ifndef PULSE_SERIES_H
#define PULSE_SERIES_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Counts per day: v[i] is day base + i.  Zeroed memory is an empty one. */
struct series {
	int64_t base;
	size_t n;
	uint64_t *v;
};

/*
 * Adds v to the count of day.  @return 0, or -1 when the count would pass
 * INT64_MAX (a record holds it as a JSON integer); it is then unchanged.
 */
int series_add(struct series *s, int64_t day, uint64_t v);

/* The count of day (0 when never added). */
uint64_t series_get(const struct series *s, int64_t day);

/*
 * Takes back v of what series_add() added on day (an engine that counted
 * too early).  @return 0, or -1 when the day holds less (a caller's bug):
 * it is then unchanged.
 */
int series_sub(struct series *s, int64_t day, uint64_t v);

void series_release(struct series *s);

/*
 * Appends the record of day (first <= day) of a report whose first day is
 * first, newline included.  title may be NULL; partial: the partial record.
 */
void series_write(struct buf *o, const char *name, const char *title,
		  const struct series *s, int64_t day, int64_t first,
		  int partial);

#endif
