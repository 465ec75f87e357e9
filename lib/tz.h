/*
 * tz.h - the report's time zone: which local day an instant falls on.
 *
 * A zone is "UTC" (or "Z"), a fixed offset ("+03:00", "-0530", "+05"), or
 * an IANA name ("Europe/Moscow") read from the system's time zone database
 * (TZDIR, else /usr/share/zoneinfo) through the C library: tz_init() sets
 * the TZ environment variable and calls tzset(), so one process works in
 * one named zone at a time.  tz_offset() asks localtime_r() once per UTC
 * day and remembers the answers of TZ_CACHE days (direct-mapped: events
 * of a few months in any order hit it); a day with a transition (the
 * offsets at its first and last second differ) is asked second by second.
 */
#ifndef PULSE_TZ_H
#define PULSE_TZ_H

#include <stddef.h>
#include <stdint.h>

#define TZ_CACHE 512

struct tz {
	int named;   /* an IANA zone, else a fixed offset */
	int32_t off; /* fixed: seconds east of UTC */
	/* named: UTC days asked (day + 1, 0 = empty) and their offsets at
	   the first and the last second */
	struct tz_day {
		int64_t day1;
		int32_t off0, off1;
	} cache[TZ_CACHE];
};

/*
 * Sets z to the zone spec names.  @return 0, or -1 with msg when spec is
 * neither UTC, an offset (at most 23:59), nor a zone the database has.
 */
int tz_init(struct tz *z, const char *spec, char *msg, size_t msz);

/* Seconds east of UTC in zone z at the instant utc_sec. */
int32_t tz_offset(struct tz *z, int64_t utc_sec);

/* The local day (days since 1970-01-01) of the instant utc_sec in z. */
int64_t tz_day(struct tz *z, int64_t utc_sec);

#endif
