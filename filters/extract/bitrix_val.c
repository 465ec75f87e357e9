/*
 * bitrix_val.c - values of a Bitrix24 export: money as exact
 * decimals, the time formats of its exports, the CSV header map.
 * See bitrix_int.h.
 */
#include "bitrix_int.h"

#include <string.h>

#include "text.h"

/* ---- money --------------------------------------------------------------- */

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* A digit group separator at s (n > 0 bytes): its length, or 0. */
static size_t group_sep(const char *s, size_t n)
{
	if (*s == ' ' || *s == '\'')
		return 1;
	if (n >= 2 && memcmp(s, "\xc2\xa0", 2) == 0) /* U+00A0 */
		return 2;
	if (n >= 3 && (memcmp(s, "\xe2\x80\xaf", 3) == 0 || /* U+202F */
		       memcmp(s, "\xe2\x80\x89", 3) == 0))  /* U+2009 */
		return 3;
	return 0;
}

/* What may follow an amount: a currency.  @return its code, or NULL. */
static const char *currency_word(const char *s, size_t n, char code[4])
{
	static const struct {
		const char *word, *code;
	} words[] = {
		{"\xe2\x82\xbd", "RUB"},	      /* ₽ */
		{"\xd1\x80\xd1\x83\xd0\xb1.", "RUB"}, /* руб. */
		{"\xd1\x80\xd1\x83\xd0\xb1", "RUB"},
		{"\xd1\x80.", "RUB"}, /* р. */
		{"$", "USD"},
		{"\xe2\x82\xac", "EUR"}, /* € */
		{"\xe2\x82\xb4", "UAH"}, /* ₴ */
		{"\xe2\x82\xb8", "KZT"}, /* ₸ */
	};
	size_t i;

	if (n == 3 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' &&
	    s[1] <= 'Z' && s[2] >= 'A' && s[2] <= 'Z') {
		memcpy(code, s, 3);
		code[3] = '\0';
		return code;
	}
	for (i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strlen(words[i].word) == n &&
		    memcmp(words[i].word, s, n) == 0)
			return words[i].code;
	return NULL;
}

int bitrix_money(const char *s, size_t n, struct buf *out, struct buf *cur)
{
	char digits[64], code[4];
	size_t i = 0, nd = 0, k, ndot = 0, ncomma = 0, lastsep = 0, intend;
	const char *ccy = NULL, *tail;
	int neg = 0, any = 0;

	s = text_trim(s, &n);
	if (n == 0)
		return 0;
	/* "19999.99|RUB": Bitrix's money fields */
	tail = memchr(s, '|', n);
	if (tail) {
		size_t tn = n - (size_t)(tail - s) - 1;
		const char *t = text_trim(tail + 1, &tn);

		if (!(ccy = currency_word(t, tn, code)))
			return -1;
		n = (size_t)(tail - s);
		s = text_trim(s, &n);
		if (n == 0)
			return -1;
	}
	if (s[0] == '-' || s[0] == '+') {
		neg = s[0] == '-';
		i = 1;
	}
	/* digits, separators; the rest is a currency or an error */
	for (; i < n; i++) {
		if (is_digit(s[i])) {
			if (nd >= sizeof digits - 1)
				return -1;
			digits[nd++] = s[i];
			any = 1;
		} else if (s[i] == '.' || s[i] == ',') {
			if (s[i] == '.')
				ndot++;
			else
				ncomma++;
			if (nd >= sizeof digits - 1)
				return -1;
			digits[nd++] = s[i];
		} else if ((k = group_sep(s + i, n - i)) > 0) {
			/* a separator between digits; before a currency, a gap
			 */
			if (i + k < n && is_digit(s[i + k]) && any) {
				i += k - 1;
				continue;
			}
			break;
		} else {
			break;
		}
	}
	if (i < n) {
		size_t tn = n - i;
		const char *t = text_trim(s + i, &tn);

		if (ccy || !(ccy = currency_word(t, tn, code)))
			return -1;
	}
	if (!any)
		return -1;
	digits[nd] = '\0';
	/* which separator is the decimal point */
	for (k = 0; k < nd; k++)
		if (digits[k] == '.' || digits[k] == ',')
			lastsep = k + 1;
	intend = nd;
	if (ndot + ncomma > 0) {
		char point = digits[lastsep - 1];
		size_t npoint = point == '.' ? ndot : ncomma;

		/* one of the last kind: the point, the others grouped digits
		 * before it; several: all grouping, unless both kinds are */
		if (npoint == 1)
			intend = lastsep - 1;
		else if (ndot && ncomma)
			return -1;
		if (intend == 0 || intend + 1 == nd)
			return -1; /* ",5" or "5," */
		/* grouping marks are followed by three digits: "1,234,567" */
		for (k = 0; k < intend; k++) {
			size_t j = k + 1;

			if (digits[k] != '.' && digits[k] != ',')
				continue;
			while (j < intend && is_digit(digits[j]))
				j++;
			if (j - k - 1 != 3 || k == 0)
				return -1;
		}
	}
	/* the integer part without separators and leading zeros */
	{
		char ip[64], fp[64];
		size_t ni = 0, nf = 0, z = 0;
		int nonzero = 0;

		for (k = 0; k < intend; k++)
			if (is_digit(digits[k]))
				ip[ni++] = digits[k];
		if (ni == 0)
			return -1;
		for (k = intend + 1; k < nd; k++) {
			if (!is_digit(digits[k]))
				return -1;
			fp[nf++] = digits[k];
		}
		while (z + 1 < ni && ip[z] == '0')
			z++;
		for (k = 0; k < ni; k++)
			nonzero |= ip[k] != '0';
		for (k = 0; k < nf; k++)
			nonzero |= fp[k] != '0';
		if (neg && nonzero)
			buf_addc(out, '-');
		buf_add(out, ip + z, ni - z);
		if (nf) {
			buf_addc(out, '.');
			buf_add(out, fp, nf);
		}
	}
	if (ccy && cur)
		buf_adds(cur, ccy);
	return 1;
}

/* ---- times --------------------------------------------------------------- */

/* Reads 1..maxd digits at s[*i].  @return the value, or -1. */
static long num_at(const char *s, size_t n, size_t *i, int mind, int maxd)
{
	long v = 0;
	int d = 0;

	while (*i < n && is_digit(s[*i]) && d < maxd) {
		v = v * 10 + (s[*i] - '0');
		(*i)++;
		d++;
	}
	return d >= mind ? v : -1;
}

static int days_in(long y, long m)
{
	static const int dm[] = {31, 28, 31, 30, 31, 30,
				 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return dm[m - 1];
}

static int lower_eq(const char *s, size_t n, const char *w)
{
	size_t i;

	if (strlen(w) != n)
		return 0;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != w[i])
			return 0;
	}
	return 1;
}

/* "DD.MM.YYYY[ HH:MM[:SS]]" or "MM/DD/YYYY[ HH:MM[:SS][ am|pm]]". */
static int local_form(const char *s, size_t n, struct ptime *t)
{
	long a, b, y, h = 0, mi = 0, se = 0, mo, d;
	size_t i = 0;
	char sep;

	if ((a = num_at(s, n, &i, 1, 2)) < 0 || i >= n)
		return -1;
	sep = s[i++];
	if (sep != '.' && sep != '/')
		return -1;
	if ((b = num_at(s, n, &i, 1, 2)) < 0 || i >= n || s[i++] != sep)
		return -1;
	if ((y = num_at(s, n, &i, 4, 4)) < 0)
		return -1;
	if (sep == '.') {
		d = a;
		mo = b;
	} else {
		mo = a;
		d = b;
	}
	if (i < n) {
		if (s[i] != ' ' && s[i] != 'T')
			return -1;
		while (i < n && s[i] == ' ')
			i++;
		if (s[i] == 'T')
			i++;
		if ((h = num_at(s, n, &i, 1, 2)) < 0 || i >= n || s[i++] != ':')
			return -1;
		if ((mi = num_at(s, n, &i, 2, 2)) < 0)
			return -1;
		if (i < n && s[i] == ':') {
			i++;
			if ((se = num_at(s, n, &i, 2, 2)) < 0)
				return -1;
		}
		while (i < n && s[i] == ' ')
			i++;
		if (i < n) {
			if (sep != '/')
				return -1;
			if (lower_eq(s + i, n - i, "am")) {
				if (h < 1 || h > 12)
					return -1;
				h = h == 12 ? 0 : h;
			} else if (lower_eq(s + i, n - i, "pm")) {
				if (h < 1 || h > 12)
					return -1;
				h = h == 12 ? 12 : h + 12;
			} else {
				return -1;
			}
			i = n;
		}
	}
	if (mo < 1 || mo > 12 || d < 1 || d > days_in(y, mo) || h > 23 ||
	    mi > 59 || se > 60)
		return -1;
	if (se == 60)
		se = 59;
	memset(t, 0, sizeof *t);
	t->sec = ptime_days_from_civil(y, (unsigned)mo, (unsigned)d) * 86400 +
		 h * 3600 + mi * 60 + se;
	return 0;
}

int bitrix_time(const char *s, size_t n, int has_tz, int32_t tz,
		struct ptime *t)
{
	int rc;

	s = text_trim(s, &n);
	if (n == 0)
		return -1;
	if ((rc = ptime_parse(s, n, t)) != 0 && local_form(s, n, t) != 0)
		return rc == PTIME_ERANGE ? PTIME_ERANGE : -1;
	if (!t->has_off && has_tz) {
		t->has_off = 1;
		t->off_sec = tz;
		t->sec -= tz;
	}
	/* one range for every program: the instant, or the naive time */
	if (t->sec < PTIME_MIN || t->sec > PTIME_MAX)
		return PTIME_ERANGE;
	return 0;
}

/* ---- CSV headers --------------------------------------------------------- */

void bitrix_header_norm(const char *s, size_t n, struct buf *out)
{
	struct buf f = BUF_INIT;
	size_t i, start = out->len;
	int space = 0;

	s = text_trim(s, &n);
	text_fold(s, n, &f);
	for (i = 0; i < f.len; i++) {
		char c = f.p[i];

		if (c == ' ' || c == '\t' || c == '_' || c == '-' ||
		    c == '\r' || c == '\n') {
			space = out->len > start;
			continue;
		}
		if (f.len - i >= 2 && memcmp(f.p + i, "\xc2\xa0", 2) == 0) {
			space = out->len > start;
			i++;
			continue;
		}
		if (space)
			buf_addc(out, ' ');
		space = 0;
		buf_addc(out, c);
	}
	while (out->len > start &&
	       (out->p[out->len - 1] == ':' || out->p[out->len - 1] == '*' ||
		out->p[out->len - 1] == ' '))
		out->p[--out->len] = '\0';
	buf_release(&f);
}

/*
 * The built-in header map, normalised headers (bitrix_header_norm) on the
 * left.  The titles of the Bitrix24 list export in Russian and English
 * are not documented (reference/upstream-formats.md 2.6): these are the
 * ones its UI shows, and the API codes themselves; --map adds more.
 */
/* clang-format off */
static const struct hdr {
	const char *norm, *field;
	char hint;
} headers[] = {
	/* API codes */
	{"id", "ID", 0},
	{"title", "TITLE", 0},
	{"status id", "STATUS_ID", 'L'},
	{"stage id", "STAGE_ID", 'D'},
	{"status semantic id", "STATUS_SEMANTIC_ID", 'L'},
	{"stage semantic id", "STAGE_SEMANTIC_ID", 'D'},
	{"source id", "SOURCE_ID", 0},
	{"source description", "SOURCE_DESCRIPTION", 0},
	{"assigned by id", "ASSIGNED_BY_ID", 0},
	{"date create", "DATE_CREATE", 0},
	{"date modify", "DATE_MODIFY", 0},
	{"date closed", "DATE_CLOSED", 'L'},
	{"closedate", "CLOSEDATE", 'D'},
	{"opportunity", "OPPORTUNITY", 0},
	{"currency id", "CURRENCY_ID", 0},
	{"utm source", "UTM_SOURCE", 0},
	{"utm medium", "UTM_MEDIUM", 0},
	{"utm campaign", "UTM_CAMPAIGN", 0},
	{"utm content", "UTM_CONTENT", 0},
	{"utm term", "UTM_TERM", 0},
	{"lead id", "LEAD_ID", 'D'},
	{"category id", "CATEGORY_ID", 'D'},
	{"status description", "STATUS_DESCRIPTION", 'L'},
	{"web", "WEB", 0},
	{"comments", "COMMENTS", 0},
	/* Russian */
	{"название лида", "TITLE", 'L'},
	{"название сделки", "TITLE", 'D'},
	{"название", "TITLE", 0},
	{"стадия", "STATUS_ID", 0},
	{"статус", "STATUS_ID", 0},
	{"статус лида", "STATUS_ID", 'L'},
	{"стадия лида", "STATUS_ID", 'L'},
	{"стадия сделки", "STAGE_ID", 'D'},
	{"источник", "SOURCE_ID", 0},
	{"дополнительно об источнике", "SOURCE_DESCRIPTION", 0},
	{"источник: дополнительно", "SOURCE_DESCRIPTION", 0},
	{"ответственный", "ASSIGNED_BY_ID", 0},
	{"дата создания", "DATE_CREATE", 0},
	{"создан", "DATE_CREATE", 0},
	{"дата изменения", "DATE_MODIFY", 0},
	{"изменен", "DATE_MODIFY", 0},
	{"изменён", "DATE_MODIFY", 0},
	{"дата закрытия", "DATE_CLOSED", 0},
	{"дата завершения", "CLOSEDATE", 'D'},
	{"предполагаемая дата закрытия", "CLOSEDATE", 'D'},
	{"сумма", "OPPORTUNITY", 0},
	{"сумма сделки", "OPPORTUNITY", 'D'},
	{"возможная сумма сделки", "OPPORTUNITY", 'L'},
	{"валюта", "CURRENCY_ID", 0},
	{"лид", "LEAD_ID", 'D'},
	{"id лида", "LEAD_ID", 'D'},
	{"воронка", "CATEGORY_ID", 'D'},
	{"направление", "CATEGORY_ID", 'D'},
	{"дополнительно о статусе", "STATUS_DESCRIPTION", 'L'},
	{"причина отказа", "LOSS_REASON", 0},
	{"причина провала", "LOSS_REASON", 0},
	{"комментарий", "COMMENTS", 0},
	{"комментарии", "COMMENTS", 0},
	{"сайт", "WEB", 0},
	{"веб сайт", "WEB", 0},
	/* English */
	{"lead name", "TITLE", 'L'},
	{"deal name", "TITLE", 'D'},
	{"lead title", "TITLE", 'L'},
	{"deal title", "TITLE", 'D'},
	{"status", "STATUS_ID", 0},
	{"stage", "STATUS_ID", 0},
	{"lead status", "STATUS_ID", 'L'},
	{"lead stage", "STATUS_ID", 'L'},
	{"deal stage", "STAGE_ID", 'D'},
	{"source", "SOURCE_ID", 0},
	{"source information", "SOURCE_DESCRIPTION", 0},
	{"responsible", "ASSIGNED_BY_ID", 0},
	{"responsible person", "ASSIGNED_BY_ID", 0},
	{"assigned to", "ASSIGNED_BY_ID", 0},
	{"created", "DATE_CREATE", 0},
	{"created on", "DATE_CREATE", 0},
	{"date created", "DATE_CREATE", 0},
	{"modified", "DATE_MODIFY", 0},
	{"modified on", "DATE_MODIFY", 0},
	{"date modified", "DATE_MODIFY", 0},
	{"closed", "DATE_CLOSED", 0},
	{"closed on", "DATE_CLOSED", 0},
	{"close date", "CLOSEDATE", 'D'},
	{"amount", "OPPORTUNITY", 0},
	{"total", "OPPORTUNITY", 0},
	{"currency", "CURRENCY_ID", 0},
	{"lead", "LEAD_ID", 'D'},
	{"pipeline", "CATEGORY_ID", 'D'},
	{"status information", "STATUS_DESCRIPTION", 'L'},
	{"loss reason", "LOSS_REASON", 0},
	{"reason for loss", "LOSS_REASON", 0},
	{"comment", "COMMENTS", 0},
	{"website", "WEB", 0},
};

/* clang-format on */

const char *bitrix_header_field(const char *norm, size_t n, int *hint)
{
	size_t i;

	for (i = 0; i < sizeof headers / sizeof headers[0]; i++) {
		if (strlen(headers[i].norm) == n &&
		    memcmp(headers[i].norm, norm, n) == 0) {
			*hint = headers[i].hint;
			return headers[i].field;
		}
	}
	*hint = 0;
	return NULL;
}
