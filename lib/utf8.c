/* utf8.c - UTF-8 decoded, written and checked; Windows-1251; see utf8.h. */
#include "utf8.h"

size_t utf8_get(const unsigned char *p, size_t n, unsigned long *cp)
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

size_t utf8_put(char *d, unsigned long cp)
{
	if (cp < 0x80) {
		d[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		d[0] = (char)(0xC0 | (cp >> 6));
		d[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		d[0] = (char)(0xE0 | (cp >> 12));
		d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		d[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	d[0] = (char)(0xF0 | (cp >> 18));
	d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	d[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

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

size_t utf8_valid(const char *s, size_t n)
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

void utf8_from_cp1251(const char *s, size_t n, struct buf *out)
{
	const unsigned char *p = (const unsigned char *)s;
	char tmp[4];
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

size_t utf8_to_cp1251(const char *s, size_t n, struct buf *out)
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
