/* excerpt.c - the first meaningful sentence of a message; see excerpt.h. */
#include "excerpt.h"

#include <stdint.h>
#include <string.h>

#include "text.h"
#include "utf8.h"

/* Folded (lower case) words a greeting line starts with. */
static const char *const greetings[] = {
	"hallo",	"hello",	  "hi",		  "hey",
	"guten tag",	"guten morgen",	  "guten abend",  "sehr geehrte",
	"liebe",	"lieber",	  "liebes",	  "dear",
	"good morning", "good afternoon", "good evening", "moin",
	"servus",	"grüß gott",	  "grüezi",	  "здравствуйте",
	"добрый день",	"добрый вечер",	  "доброе утро",  "привет",
	"уважаемые",	"уважаемый",	  "уважаемая",	  "добрый",
	"greetings",	"hola",		  "bonjour",	  NULL,
};

/* Folded sign-offs: the line that starts with one (and is short) ends the
 * sender's words. */
static const char *const signoffs[] = {
	"mit freundlichen grüßen",
	"mit freundlichen grüssen",
	"mit freundlichem gruß",
	"freundliche grüße",
	"viele grüße",
	"viele grüsse",
	"liebe grüße",
	"liebe grüsse",
	"beste grüße",
	"herzliche grüße",
	"schöne grüße",
	"sonnige grüße",
	"danke und viele grüße",
	"danke und liebe grüße",
	"vielen dank und viele grüße",
	"grüße",
	"gruß",
	"lg",
	"vg",
	"mfg",
	"best regards",
	"kind regards",
	"warm regards",
	"regards",
	"best wishes",
	"best",
	"cheers",
	"thanks",
	"thank you",
	"many thanks",
	"thanks in advance",
	"yours sincerely",
	"sincerely",
	"с уважением",
	"заранее спасибо",
	"спасибо",
	"всего доброго",
	"всего хорошего",
	"с наилучшими пожеланиями",
	NULL,
};

/* Folded starts of lines that begin someone else's words. */
static const char *const cuts[] = {
	"-----",
	"from:",
	"von:",
	"от:",
	"sent:",
	"gesendet:",
	"sent from my",
	"gesendet von meinem",
	"von meinem iphone",
	"отправлено с",
	"get outlook for",
	"________",
	NULL,
};

/* Folded sentences that open a mail without saying anything. */
static const char *const fillers[] = {
	"ich hoffe, es geht ihnen gut",
	"ich hoffe, ihnen geht es gut",
	"i hope you are well",
	"i hope this email finds you well",
	"i hope this message finds you well",
	"i hope you're well",
	"надеюсь, у вас всё хорошо",
	"надеюсь, у вас все хорошо",
	NULL,
};

static int is_word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* Whether folded line f starts with phrase p followed by no more letters. */
static int starts_word(const char *f, size_t n, const char *p)
{
	size_t k = strlen(p);

	return n >= k && !memcmp(f, p, k) &&
	       (k == n || !is_word_byte((unsigned char)f[k]));
}

/* Whether folded line f starts with any of list, as a plain prefix. */
static int starts_pfx(const char *f, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (n >= strlen(*list) && !memcmp(f, *list, strlen(*list)))
			return 1;
	return 0;
}

static int starts_any(const char *f, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (starts_word(f, n, *list))
			return 1;
	return 0;
}

/* Whether f[0..n) ends with the ASCII string s. */
static int ends_with(const char *f, size_t n, const char *s)
{
	size_t k = strlen(s);

	return n >= k && !memcmp(f + n - k, s, k);
}

/* Whether folded line f is a quote header: "On ... wrote:", "Am ...
 * schrieb ...:", "20.01.2026, 19:00, "x@y":". */
static int quote_header(const char *f, size_t n)
{
	if (!n || f[n - 1] != ':')
		return 0;
	if (starts_word(f, n, "on") && ends_with(f, n, "wrote:"))
		return 1;
	if (starts_word(f, n, "am") && text_find(f, n, "schrieb", 7))
		return 1;
	if (text_find(f, n, "написал", 14) || text_find(f, n, "пишет", 10))
		return 1;
	/* a date, a time and an address or name: a quoted mail's header */
	return f[0] >= '0' && f[0] <= '9' && memchr(f, ':', n - 1) &&
	       (memchr(f, '@', n) || memchr(f, '"', n));
}

/* Whether a short folded line is a sign-off: a phrase and then only
 * punctuation (or a name on the same line after a comma). */
static int signoff(const char *f, size_t n)
{
	const char *const *p;

	if (n > 48)
		return 0;
	for (p = signoffs; *p; p++) {
		size_t k = strlen(*p), i;

		if (!starts_word(f, n, *p))
			continue;
		for (i = k; i < n; i++)
			if (f[i] != ',' && f[i] != '!' && f[i] != '.' &&
			    f[i] != ' ')
				break;
		if (i == n)
			return 1;
		/* "Viele Grüße aus Berlin", "Best regards, Tom" */
		if (text_find(*p, k, "grüß", 5) ||
		    text_find(*p, k, "grüss", 6) ||
		    text_find(*p, k, "gruß", 4) ||
		    text_find(*p, k, "regards", 7))
			return 1;
	}
	return 0;
}

/*
 * The greeting at the start of line s[0..n) (folded f): the bytes to drop,
 * all of it when the line is only a greeting, else through its first ','
 * or '!' in the first 60 bytes; 0 when it does not start with one.
 */
static size_t greeting(const char *s, size_t n, const char *f, size_t fn)
{
	size_t i;

	if (!starts_any(f, fn, greetings))
		return 0;
	for (i = 0; i < n && i < 60; i++)
		if (s[i] == ',' || s[i] == '!' || s[i] == ':')
			break;
	if (i < n && i < 60)
		return i + 1;
	return n <= 40 ? n : 0;
}

/* Abbreviations a '.' follows inside a sentence (folded ASCII). */
static const char *const abbrevs[] = {
	"nr",  "no",  "str",  "ca",  "co",   "dr",  "mr",   "mrs", "ms",
	"st",  "bzw", "usw",  "vgl", "evtl", "ggf", "inkl", "tel", "z.b",
	"u.a", "d.h", "z",    "b",   "u",    "a",   "d",    "h",   "e.g",
	"i.e", "etc", "prof", "hr",  "fr",   "jan", "feb",  "mär", "apr",
	"jun", "jul", "aug",  "sep", "sept", "okt", "oct",  "nov", "dez",
	"dec", "т.е", "т.к",  "г",   "ул",   "тел", NULL,
};

/* Whether word s[0..n) is one of abbrevs, ignoring ASCII case. */
static int abbrev(const char *s, size_t n)
{
	const char *const *a;
	size_t i;

	for (a = abbrevs; *a; a++) {
		if (strlen(*a) != n)
			continue;
		for (i = 0; i < n; i++) {
			char c = s[i];

			if (c >= 'A' && c <= 'Z')
				c = (char)(c + 32);
			if (c != (*a)[i])
				break;
		}
		if (i == n)
			return 1;
	}
	return 0;
}

/* The end of the sentence starting at b[0..n): the byte after its '.',
 * '!', '?' or '…', or n. */
static size_t sentence_end(const char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)b[i];
		size_t k = 1, w;

		if (i + 3 <= n && !memcmp(b + i, "…", 3))
			k = 3;
		else if (c != '.' && c != '!' && c != '?')
			continue;
		while (i + k < n &&
		       (b[i + k] == '.' || b[i + k] == '!' || b[i + k] == '?'))
			k++;
		if (i + k < n && b[i + k] != ' ')
			continue; /* "z.B", "www.x.de", "1.5" */
		if (c == '.' && k == 1 && i + k < n) {
			/* "Nr. 600", "20. Januar", "Dr. X": not an end */
			for (w = i; w > 0 && b[w - 1] >= '0' && b[w - 1] <= '9';
			     w--)
				;
			if (w < i && i - w <= 2 && (w == 0 || b[w - 1] == ' '))
				continue; /* an ordinal: "24. Januar" */
			for (w = i; w > 0 && b[w - 1] != ' ' && b[w - 1] != '(';
			     w--)
				;
			if (i + k + 1 < n && b[i + k + 1] >= '0' &&
			    b[i + k + 1] <= '9')
				continue;
			if (abbrev(b + w, i - w))
				continue;
		}
		return i + k;
	}
	return n;
}

/* Whether sentence b[0..n) is a filler ("I hope you are well."). */
static int filler(const char *b, size_t n, struct buf *scratch)
{
	buf_reset(scratch);
	text_fold(b, n < 80 ? n : 80, scratch);
	return starts_any(scratch->p, scratch->len, fillers);
}

/* Characters (UTF-8 lead bytes and invalid bytes) in b[0..n). */
static size_t chars(const char *b, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += ((unsigned char)b[i] & 0xC0) != 0x80;
	return c;
}

/* The byte after the first c characters of b[0..n), or n. */
static size_t after_chars(const char *b, size_t n, size_t c)
{
	size_t i = 0, k;
	unsigned long cp;

	while (i < n && c--) {
		k = utf8_get((const unsigned char *)b + i, n - i, &cp);
		i += k ? k : 1;
	}
	return i;
}

/* Appends b[0..n) cut to maxchars characters (ending in "…" when cut). */
static size_t add_cut(struct buf *out, const char *b, size_t n, size_t maxchars)
{
	size_t cut, sp;

	if (after_chars(b, n, maxchars) >= n) {
		buf_add(out, b, n);
		return chars(b, n);
	}
	if (maxchars == 0)
		return 0;
	cut = after_chars(b, n, maxchars - 1);
	for (sp = cut; sp > 0 && b[sp] != ' '; sp--)
		;
	if (sp > cut / 2)
		cut = sp; /* at a word */
	while (cut > 0 && (b[cut - 1] == ' ' || b[cut - 1] == ',' ||
			   b[cut - 1] == ':' || b[cut - 1] == ';'))
		cut--;
	buf_add(out, b, cut);
	buf_adds(out, "…");
	return chars(b, cut) + 1;
}

size_t text_excerpt(const char *s, size_t n, size_t maxchars, struct buf *out)
{
	struct buf body = BUF_INIT, f = BUF_INIT;
	size_t pos = 0, lines = 0, got, a, e, len;
	const char *p;

	while (pos < n) {
		const char *l = s + pos, *nl = memchr(l, '\n', n - pos);
		size_t ln = nl ? (size_t)(nl - l) : n - pos, g;

		pos += ln + (nl != NULL);
		l = text_trim(l, &ln);
		if (!ln)
			continue;
		buf_reset(&f);
		text_fold(l, ln < 200 ? ln : 200, &f);
		if (l[0] == '>' || (ln == 2 && !memcmp(l, "--", 2)) ||
		    starts_pfx(f.p, f.len, cuts) || quote_header(f.p, f.len))
			break;
		if (signoff(f.p, f.len))
			break;
		if (!lines++ && (g = greeting(l, ln, f.p, f.len)) > 0) {
			l += g;
			ln -= g;
			l = text_trim(l, &ln);
			if (!ln)
				continue;
		}
		if (body.len)
			buf_addc(&body, ' ');
		text_summary(l, ln, SIZE_MAX, &body);
	}
	if (!body.len) /* only a greeting, or nothing: the text itself */
		text_summary(s, n, SIZE_MAX, &body);
	p = body.p ? body.p : "";
	len = body.len;
	/* the first sentence that says something */
	a = 0;
	for (;;) {
		e = sentence_end(p + a, len - a);
		if (a + e >= len || !filler(p + a, e, &f))
			break;
		a += e;
		while (a < len && p[a] == ' ')
			a++;
	}
	if (a + e < len && chars(p + a, e) < 24) {
		/* "Danke!", "Noch eine Frage:": the next sentence too */
		size_t e2 = sentence_end(p + a + e + 1, len - a - e - 1);

		if (chars(p + a, e + 1 + e2) <= maxchars)
			e += 1 + e2;
	}
	got = add_cut(out, p + a, e, maxchars);
	buf_release(&body);
	buf_release(&f);
	return got;
}
