/* tz.c - the report's time zone; see tz.h. */
#include "tz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "ptime.h"

/* "+03:00", "-0530", "+05": @return 0 with *off, -1. */
static int parse_offset(const char *s, int32_t *off)
{
	size_t n = strlen(s);
	int h, m = 0, sign;

	if (n < 3 || (s[0] != '+' && s[0] != '-'))
		return -1;
	sign = s[0] == '-' ? -1 : 1;
	if (s[1] < '0' || s[1] > '9' || s[2] < '0' || s[2] > '9')
		return -1;
	h = (s[1] - '0') * 10 + (s[2] - '0');
	s += 3;
	n -= 3;
	if (n && *s == ':') {
		s++;
		n--;
		if (n != 2)
			return -1;
	}
	if (n == 2) {
		if (s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9')
			return -1;
		m = (s[0] - '0') * 10 + (s[1] - '0');
	} else if (n) {
		return -1;
	}
	if (h > 23 || m > 59)
		return -1;
	*off = sign * (h * 3600 + m * 60);
	return 0;
}

/* Is name a zone file of the database (and nothing outside it)? */
static int zone_exists(const char *name)
{
	const char *dir = getenv("TZDIR");
	char path[4096];
	struct stat st;

	if (!*name || name[0] == '/' || strstr(name, ".."))
		return 0;
	if (!dir || !*dir)
		dir = "/usr/share/zoneinfo";
	if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, name) >=
	    sizeof path)
		return 0;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int tz_init(struct tz *z, const char *spec, char *msg, size_t msz)
{
	memset(z, 0, sizeof *z);
	if (strcmp(spec, "UTC") == 0 || strcmp(spec, "Z") == 0 ||
	    strcmp(spec, "utc") == 0)
		return 0;
	if (parse_offset(spec, &z->off) == 0)
		return 0;
	if (spec[0] == '+' || spec[0] == '-' || !zone_exists(spec)) {
		snprintf(
			msg, msz,
			"unknown time zone '%s' (UTC, an offset like +03:00, or a name like Europe/Moscow)",
			spec);
		return -1;
	}
	if (setenv("TZ", spec, 1) != 0) {
		snprintf(msg, msz, "cannot set the time zone '%s'", spec);
		return -1;
	}
	tzset();
	z->named = 1;
	return 0;
}

static int32_t ask(int64_t utc_sec)
{
	time_t t = (time_t)utc_sec;
	struct tm tm;

	if (!localtime_r(&t, &tm))
		return 0;
	return (int32_t)tm.tm_gmtoff;
}

int32_t tz_offset(struct tz *z, int64_t utc_sec)
{
	int64_t day;
	struct tz_day *c;

	if (!z->named)
		return z->off;
	day = ptime_day(utc_sec);
	c = &z->cache[(uint64_t)day % TZ_CACHE];
	if (c->day1 != day + 1) {
		c->day1 = day + 1;
		c->off0 = ask(day * 86400);
		c->off1 = ask(day * 86400 + 86399);
	}
	if (c->off0 == c->off1)
		return c->off0;
	return ask(utc_sec);
}

int64_t tz_day(struct tz *z, int64_t utc_sec)
{
	return ptime_day(utc_sec + tz_offset(z, utc_sec));
}
