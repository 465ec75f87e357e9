/*
 * ptime.h - the times pulse reads and writes.
 *
 * Accepted (ptime_parse):
 *   2025-01-10T08:00:00Z          RFC 3339, also with a fraction or an offset
 *   2025-01-10T08:00:00+02:00     (offsets +HH:MM, +HHMM or +HH)
 *   2025-01-10 08:00:00           Odoo: space separator, no offset (UTC)
 *   2025-01-10T08:00              minutes only
 *   2025-01-10                    a date: midnight
 * A time without an offset is "naive": has_off is 0 and sec counts as if
 * the wall clock were UTC; the caller decides what zone that is.
 * Fractions of a second are kept in nsec.
 *
 * One range for every program: the instant (in UTC; a naive time as
 * written) lies in the years 0001 to 9999, PTIME_MIN to PTIME_MAX.  A time
 * outside it is refused, never clamped or wrapped, so that every day,
 * week and month pulse writes is the one the input meant.
 *
 * All day arithmetic is on the proleptic Gregorian calendar
 * (ptime_days_from_civil, Howard Hinnant's algorithm); no time zone database is
 * read here.
 */
#ifndef PULSE_PTIME_H
#define PULSE_PTIME_H

#include <stddef.h>
#include <stdint.h>

struct ptime {
	int64_t sec; /* seconds since 1970-01-01T00:00:00 (UTC if has_off) */
	int32_t nsec;
	int32_t off_sec; /* the offset that was written, in seconds east */
	int has_off;
};

/* 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z in seconds */
#define PTIME_MIN INT64_C(-62135596800)
#define PTIME_MAX INT64_C(253402300799)

/* What ptime_parse() returns for a time outside PTIME_MIN..PTIME_MAX. */
#define PTIME_ERANGE (-2)

/*
 * @return 0, -1 when s[0..n) is not one of the accepted forms, or
 * PTIME_ERANGE when it is one but outside the years 0001 to 9999.
 */
int ptime_parse(const char *s, size_t n, struct ptime *t);

/*
 * Why ptime_parse() returned rc, for messages: "not a time" or "out of
 * range (years 0001 to 9999)".
 */
const char *ptime_strerror(int rc);

/* Days since 1970-01-01 of a civil date, and back. */
int64_t ptime_days_from_civil(int64_t y, unsigned m, unsigned d);
void ptime_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d);

/* Floor division of seconds into days (correct before 1970 too). */
int64_t ptime_day(int64_t sec);

/* Writes "YYYY-MM-DDTHH:MM:SSZ" (20 bytes and a NUL) to dst. @return 20 */
size_t ptime_fmt_utc(char *dst, int64_t sec);

/*
 * Writes t as RFC 3339 in the offset it was written with: the wall time,
 * a fraction when nsec is not 0 (trailing zeros dropped), then "Z" for a
 * zero offset, "+HH:MM" or "-HH:MM" (seconds of an offset are dropped);
 * a naive time gets no offset.  dst holds PTIME_LOCAL_MAX bytes.
 * @return the length.
 */
#define PTIME_LOCAL_MAX 36
size_t ptime_fmt_local(char *dst, const struct ptime *t);

/* Writes "YYYY-MM-DD" (10 bytes and a NUL) for a day number. @return 10 */
size_t ptime_fmt_day(char *dst, int64_t day);

/* ISO 8601 week: writes "YYYY-Www" (8 bytes and a NUL). @return 8 */
size_t ptime_fmt_week(char *dst, int64_t day);

/* Writes "YYYY-MM" (7 bytes and a NUL). @return 7 */
size_t ptime_fmt_month(char *dst, int64_t day);

/* The current time, seconds since the epoch. */
int64_t ptime_now(void);

#endif
