/* text.c - case folding and trimming for UTF-8 text; see text.h. */
#include "text.h"

#include "utf8.h"

#include <string.h>

/*
 * The lower-case form of code point cp among the letters text.h names, or
 * cp itself.  U+0130 (capital I with dot) folds to a plain 'i' so that the
 * folded text is never longer than the input.
 */
static unsigned long fold_cp(unsigned long cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
	if (cp < 0x100) /* Latin-1: À..Þ except × */
		return cp >= 0xC0 && cp <= 0xDE && cp != 0xD7 ? cp + 0x20 : cp;
	if (cp < 0x180) { /* Latin Extended-A */
		if (cp == 0x130)
			return 'i';
		if (cp == 0x178)
			return 0xFF;
		if ((cp < 0x138 || (cp >= 0x14A && cp < 0x178)) && !(cp & 1))
			return cp + 1;
		if (((cp >= 0x139 && cp < 0x149) ||
		     (cp >= 0x179 && cp < 0x17F)) &&
		    (cp & 1))
			return cp + 1;
		return cp;
	}
	if (cp >= 0x400 && cp < 0x530) { /* Cyrillic and its supplement */
		if (cp < 0x410)
			return cp + 0x50;
		if (cp < 0x430)
			return cp + 0x20;
		if (cp < 0x460)
			return cp;
		if ((cp < 0x482 || (cp >= 0x48A && cp < 0x4C0) ||
		     cp >= 0x4D0) &&
		    !(cp & 1))
			return cp + 1;
		if (cp == 0x4C0)
			return 0x4CF;
		if (cp > 0x4C0 && cp < 0x4CF && (cp & 1))
			return cp + 1;
		return cp;
	}
	if (cp == 0x1E9E) /* ẞ */
		return 0xDF;
	return cp;
}

size_t text_fold_char(const char *s, size_t n, char out[4], size_t *olen)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t k;

	if (p[0] < 0x80) {
		out[0] =
			(char)(p[0] >= 'A' && p[0] <= 'Z' ? p[0] + 0x20 : p[0]);
		*olen = 1;
		return 1;
	}
	k = utf8_get(p, n, &cp);
	if (!k) {
		out[0] = s[0];
		*olen = 1;
		return 1;
	}
	*olen = utf8_put(out, fold_cp(cp));
	return k;
}

void text_fold(const char *s, size_t n, struct buf *out)
{
	size_t i = 0, k, olen;
	char *d;

	buf_grow(out, n);
	d = out->p + out->len;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x80) {
			*d++ = (char)(c >= 'A' && c <= 'Z' ? c + 0x20 : c);
			i++;
			continue;
		}
		k = text_fold_char(s + i, n - i, d, &olen);
		d += olen;
		i += k;
	}
	out->len = (size_t)(d - out->p);
	out->p[out->len] = '\0';
}

int text_find(const char *hay, size_t n, const char *needle, size_t m)
{
	const char *p = hay, *end = hay + n;

	if (m == 0)
		return 1;
	while ((size_t)(end - p) >= m) {
		p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
		if (!p)
			return 0;
		if (!memcmp(p + 1, needle + 1, m - 1))
			return 1;
		p++;
	}
	return 0;
}

int text_contains_fold(const char *s, size_t n, const char *pat, size_t plen,
		       struct buf *scratch)
{
	if (plen == 0)
		return 1;
	buf_reset(scratch);
	text_fold(s, n, scratch);
	return text_find(scratch->p, scratch->len, pat, plen);
}

static int is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

const char *text_trim(const char *s, size_t *n)
{
	size_t a = 0, b = *n;

	while (a < b && is_space((unsigned char)s[a]))
		a++;
	while (b > a && is_space((unsigned char)s[b - 1]))
		b--;
	*n = b - a;
	return s + a;
}

size_t text_summary(const char *s, size_t n, size_t maxchars, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, nch = 0, k, j, lim, start = out->len;
	unsigned long cp;
	int pending = 0; /* a space is owed before the next character */

	/* the summary is never longer than the text: one allocation */
	buf_grow(out, maxchars < n / 4 ? 4 * maxchars : n);
	while (i < n && nch < maxchars) {
		if (is_space(p[i])) {
			pending = out->len > start;
			i++;
			continue;
		}
		k = utf8_get(p + i, n - i, &cp);
		if (k == 2 && cp == 0xA0) { /* no-break space */
			pending = out->len > start;
			i += 2;
			continue;
		}
		if (!k)
			k = 1;
		if (pending) {
			if (nch + 2 > maxchars)
				break;
			buf_addc(out, ' ');
			pending = 0;
			nch++;
		}
		/* this character, and the ASCII word it starts, in one copy */
		j = i + k;
		nch++;
		if (k == 1) {
			lim = j +
			      (maxchars - nch < n - j ? maxchars - nch : n - j);
			while (j < lim && p[j] > ' ' && p[j] < 0x80)
				j++;
			nch += j - i - 1;
		}
		buf_add(out, s + i, j - i);
		i = j;
	}
	return nch;
}

/* Windows-1251 bytes 0x80..0xBF (0xC0..0xFF are U+0410..U+044F in order);
 * 0x98 is unassigned. */
