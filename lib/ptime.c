/* ptime.c - parsing and formatting times; see ptime.h. */
#include "ptime.h"

#include <stdio.h>
#include <time.h>

int64_t ptime_days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

void ptime_civil_from_days(int64_t z, int64_t *y, unsigned *m, unsigned *d)
{
	int64_t era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = doy - (153 * mp + 2) / 5 + 1;
	*m = mp < 10 ? mp + 3 : mp - 9;
	*y = (int64_t)yoe + era * 400 + (*m <= 2);
}

int64_t ptime_day(int64_t sec)
{
	return sec >= 0 ? sec / 86400 : -((-sec + 86399) / 86400);
}

static int digits(const char *s, size_t n, int *out)
{
	size_t i;
	int v = 0;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return 0;
}

static int days_in_month(int y, int m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30,
				 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

int ptime_parse(const char *s, size_t n, struct ptime *t)
{
	int y, mo, d, h = 0, mi = 0, se = 0, oh, om = 0;
	size_t i;
	int32_t nsec = 0;

	if (n < 10 || digits(s, 4, &y) || s[4] != '-' ||
	    digits(s + 5, 2, &mo) || s[7] != '-' || digits(s + 8, 2, &d))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return -1;
	t->has_off = 0;
	t->off_sec = 0;
	i = 10;
	if (i < n) {
		if ((s[i] != 'T' && s[i] != 't' && s[i] != ' ') || n < i + 6 ||
		    digits(s + i + 1, 2, &h) || s[i + 3] != ':' ||
		    digits(s + i + 4, 2, &mi))
			return -1;
		i += 6;
		if (i < n && s[i] == ':') {
			if (n < i + 3 || digits(s + i + 1, 2, &se))
				return -1;
			i += 3;
			if (i < n && (s[i] == '.' || s[i] == ',')) {
				int32_t scale = 100000000;
				i++;
				if (i >= n || s[i] < '0' || s[i] > '9')
					return -1;
				for (; i < n && s[i] >= '0' && s[i] <= '9';
				     i++) {
					nsec += (s[i] - '0') * scale;
					scale /= 10;
				}
			}
		}
		if (h > 23 || mi > 59 || se > 60)
			return -1;
		if (i < n) {
			if (s[i] == 'Z' || s[i] == 'z') {
				t->has_off = 1;
				i++;
			} else if (s[i] == '+' || s[i] == '-') {
				int sign = s[i] == '-' ? -1 : 1;
				if (n < i + 3 || digits(s + i + 1, 2, &oh))
					return -1;
				i += 3;
				int colon = i < n && s[i] == ':';
				i += (size_t)colon;
				if (i < n || colon) { /* "+02:" is not "+02" */
					if (n < i + 2 || digits(s + i, 2, &om))
						return -1;
					i += 2;
				}
				if (oh > 23 || om > 59)
					return -1;
				t->has_off = 1;
				t->off_sec = sign * (oh * 3600 + om * 60);
			}
		}
		if (i != n)
			return -1;
	}
	t->sec = ptime_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
		 h * 3600 + mi * 60 + se - t->off_sec;
	t->nsec = nsec;
	/* the instant, not only the digits: 9999-12-31T23:00-05:00 is in
	 * the year 10000 */
	if (t->sec < PTIME_MIN || t->sec > PTIME_MAX)
		return PTIME_ERANGE;
	return 0;
}

const char *ptime_strerror(int rc)
{
	return rc == PTIME_ERANGE ? "out of range (years 0001 to 9999)"
				  : "not a time";
}

static void put2(char *d, unsigned v)
{
	d[0] = (char)('0' + v / 10 % 10);
	d[1] = (char)('0' + v % 10);
}

/* Years outside 0000-9999 are clamped: ptime_parse() never makes one. */
static void put_ymd(char *dst, int64_t y, unsigned m, unsigned d)
{
	unsigned yy = y < 0 ? 0 : y > 9999 ? 9999 : (unsigned)y;

	put2(dst, yy / 100);
	put2(dst + 2, yy % 100);
	dst[4] = '-';
	put2(dst + 5, m);
	dst[7] = '-';
	put2(dst + 8, d);
}

size_t ptime_fmt_day(char *dst, int64_t day)
{
	int64_t y;
	unsigned m, d;

	ptime_civil_from_days(day, &y, &m, &d);
	put_ymd(dst, y, m, d);
	dst[10] = '\0';
	return 10;
}

size_t ptime_fmt_utc(char *dst, int64_t sec)
{
	int64_t day = ptime_day(sec), rem = sec - day * 86400;

	ptime_fmt_day(dst, day);
	dst[10] = 'T';
	put2(dst + 11, (unsigned)(rem / 3600));
	dst[13] = ':';
	put2(dst + 14, (unsigned)(rem / 60 % 60));
	dst[16] = ':';
	put2(dst + 17, (unsigned)(rem % 60));
	dst[19] = 'Z';
	dst[20] = '\0';
	return 20;
}

size_t ptime_fmt_local(char *dst, const struct ptime *t)
{
	int64_t wall = t->sec + (t->has_off ? t->off_sec : 0);
	int64_t day = ptime_day(wall), rem = wall - day * 86400;
	size_t n;
	int32_t v, off;
	int k;

	ptime_fmt_day(dst, day);
	dst[10] = 'T';
	put2(dst + 11, (unsigned)(rem / 3600));
	dst[13] = ':';
	put2(dst + 14, (unsigned)(rem / 60 % 60));
	dst[16] = ':';
	put2(dst + 17, (unsigned)(rem % 60));
	n = 19;
	if (t->nsec > 0 && t->nsec < 1000000000) {
		dst[n++] = '.';
		for (v = t->nsec, k = 8; k >= 0; k--, v /= 10)
			dst[n + (size_t)k] = (char)('0' + v % 10);
		n += 9;
		while (dst[n - 1] == '0')
			n--;
	}
	if (t->has_off) {
		off = t->off_sec;
		if (off == 0) {
			dst[n++] = 'Z';
		} else {
			dst[n++] = off < 0 ? '-' : '+';
			if (off < 0)
				off = -off;
			put2(dst + n, (unsigned)(off / 3600 % 100));
			dst[n + 2] = ':';
			put2(dst + n + 3, (unsigned)(off / 60 % 60));
			n += 5;
		}
	}
	dst[n] = '\0';
	return n;
}

size_t ptime_fmt_week(char *dst, int64_t day)
{
	/* ISO 8601: the week belongs to the year of its Thursday. */
	int64_t wd = ((day % 7) + 7 + 3) %
		     7; /* 0 = Monday; 1970-01-01 was a Thursday */
	int64_t thu = day - wd + 3, y, jan1;
	unsigned m, d;

	ptime_civil_from_days(thu, &y, &m, &d);
	jan1 = ptime_days_from_civil(y, 1, 1);
	put_ymd(dst, y, 1, 1);
	dst[4] = '-';
	dst[5] = 'W';
	put2(dst + 6, (unsigned)((thu - jan1) / 7 + 1));
	dst[8] = '\0';
	return 8;
}

size_t ptime_fmt_month(char *dst, int64_t day)
{
	int64_t y;
	unsigned m, d;

	ptime_civil_from_days(day, &y, &m, &d);
	put_ymd(dst, y, m, 1);
	dst[7] = '\0';
	return 7;
}

int64_t ptime_now(void)
{
	return (int64_t)time(NULL);
}
