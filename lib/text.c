/* text.c - case folding and trimming for UTF-8 text; see text.h. */
#include "text.h"

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

/*
 * Decodes one well-formed UTF-8 sequence at p (n > 0 bytes available).
 * @return its length with *cp set, or 0 when the bytes are not one.
 */
static size_t utf8_get(const unsigned char *p, size_t n, unsigned long *cp)
{
	unsigned char c = p[0];

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		if (n < 2 || (p[1] & 0xC0) != 0x80)
			return 0;
		*cp = ((unsigned long)(c & 0x1F) << 6) | (p[1] & 0x3F);
		return 2;
	}
	if (c >= 0xE0 && c <= 0xEF) {
		if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
			return 0;
		*cp = ((unsigned long)(c & 0x0F) << 12) |
		      ((unsigned long)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
		if (*cp < 0x800 || (*cp >= 0xD800 && *cp <= 0xDFFF))
			return 0;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 ||
		    (p[3] & 0xC0) != 0x80)
			return 0;
		*cp = ((unsigned long)(c & 0x07) << 18) |
		      ((unsigned long)(p[1] & 0x3F) << 12) |
		      ((unsigned long)(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
		if (*cp < 0x10000 || *cp > 0x10FFFF)
			return 0;
		return 4;
	}
	return 0;
}

static size_t utf8_put(unsigned char *d, unsigned long cp)
{
	if (cp < 0x80) {
		d[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (unsigned char)(0xC0 | (cp >> 6));
		d[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (unsigned char)(0xE0 | (cp >> 12));
		d[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (unsigned char)(0xF0 | (cp >> 18));
	d[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	d[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	d[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
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
	*olen = utf8_put((unsigned char *)out, fold_cp(cp));
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
static const unsigned short cp1251_hi[64] = {
	0x0402, 0x0403, 0x201A, 0x0453, 0x201E, 0x2026, 0x2020, 0x2021,
	0x20AC, 0x2030, 0x0409, 0x2039, 0x040A, 0x040C, 0x040B, 0x040F,
	0x0452, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0xFFFD, 0x2122, 0x0459, 0x203A, 0x045A, 0x045C, 0x045B, 0x045F,
	0x00A0, 0x040E, 0x045E, 0x0408, 0x00A4, 0x0490, 0x00A6, 0x00A7,
	0x0401, 0x00A9, 0x0404, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0x0407,
	0x00B0, 0x00B1, 0x0406, 0x0456, 0x0491, 0x00B5, 0x00B6, 0x00B7,
	0x0451, 0x2116, 0x0454, 0x00BB, 0x0458, 0x0405, 0x0455, 0x0457,
};

size_t text_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t i = 0, k;

	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_get(p + i, n - i, &cp);
		if (k == 0)
			return i;
		i += k;
	}
	return n;
}

void text_cp1251_to_utf8(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char tmp[4];
	unsigned long cp;
	size_t i, start = 0;

	for (i = 0; i < n; i++) {
		if (p[i] < 0x80)
			continue;
		buf_add(out, s + start, i - start);
		cp = p[i] >= 0xC0 ? 0x0410 + (p[i] - 0xC0u)
				  : cp1251_hi[p[i] - 0x80];
		buf_add(out, tmp, utf8_put(tmp, cp));
		start = i + 1;
	}
	buf_add(out, s + start, n - start);
}

size_t text_utf8_to_cp1251(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned long cp;
	size_t i = 0, k, bad = 0;
	unsigned j;

	while (i < n) {
		if (p[i] < 0x80) {
			buf_addc(out, (char)p[i++]);
			continue;
		}
		k = utf8_get(p + i, n - i, &cp);
		if (k == 0) {
			buf_addc(out, '?');
			bad++;
			i++;
			continue;
		}
		i += k;
		if (cp >= 0x0410 && cp <= 0x044F) {
			buf_addc(out, (char)(0xC0 + (cp - 0x0410)));
			continue;
		}
		for (j = 0; j < 64; j++)
			if (cp1251_hi[j] == cp && cp != 0xFFFD)
				break;
		if (j < 64) {
			buf_addc(out, (char)(0x80 + j));
		} else {
			buf_addc(out, '?');
			bad++;
		}
	}
	return bad;
}
