/*
 * utf8.h - UTF-8 checked, decoded and written; Windows-1251 converted.
 *
 * The byte-level pieces every reader and writer of text shares: the JSON
 * scanner and writer (json.c, jw.c), case folding (text.c), the CSV
 * reader's encodings (csv.c) and the keys of pulse-tally (jkey.c).
 * "Well-formed" is RFC 3629: no overlong forms, no surrogates, nothing
 * above U+10FFFF.  Nothing here allocates except into a caller's buf.
 */
#ifndef PULSE_UTF8_H
#define PULSE_UTF8_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL
/* Nonzero when some byte of v is below n (n <= 128). */
#define HAS_LESS(v, n) (((v)-ONES * (n)) & ~(v)&HIGHS)
#define HAS_ZERO(v) HAS_LESS(v, 1)

/*
 * Length of the valid UTF-8 sequence starting at p (first byte >= 0x80),
 * or 0 when it is invalid or runs past end.
 */
static inline size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	size_t avail = (size_t)(end - p);

	if (c >= 0xc2 && c <= 0xdf) {
		if (avail < 2 || (p[1] & 0xc0) != 0x80)
			return 0;
		return 2;
	}
	if (c >= 0xe0 && c <= 0xef) {
		if (avail < 3 || (p[1] & 0xc0) != 0x80 || (p[2] & 0xc0) != 0x80)
			return 0;
		if (c == 0xe0 && p[1] < 0xa0)
			return 0; /* overlong */
		if (c == 0xed && p[1] > 0x9f)
			return 0; /* surrogate */
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4) {
		if (avail < 4 || (p[1] & 0xc0) != 0x80 ||
		    (p[2] & 0xc0) != 0x80 || (p[3] & 0xc0) != 0x80)
			return 0;
		if (c == 0xf0 && p[1] < 0x90)
			return 0; /* overlong */
		if (c == 0xf4 && p[1] > 0x8f)
			return 0; /* above U+10FFFF */
		return 4;
	}
	return 0;
}

/*
 * How many bytes at the start of p[0..end) a string scan can pass without a
 * closer look: no '"', '\\' or control character, valid UTF-8 that ends on
 * a character boundary.  Sixteen bytes at a time with SSE2, where a block
 * of ASCII and two-byte sequences (Latin-1, Cyrillic) is checked whole;
 * anything else (a longer sequence) is left to the caller's byte-by-byte
 * code: the run may stop early, never late.  The bytes from lo on may be
 * read (lo <= p): the last block is the last 16 bytes before end, when
 * they are that far, so a string near the end of a line is not walked a
 * byte at a time.  Sets *hi when it passed a byte >= 0x80.
 */
#if defined(__SSE2__) && defined(__GNUC__)
static inline size_t utf8_clean_run(const char *lo, const char *p,
				    const char *end, unsigned char *hi)
{
	const char *s = p;
	const __m128i quote = _mm_set1_epi8('"'), bslash = _mm_set1_epi8('\\');
	const __m128i space = _mm_set1_epi8(0x20);
	/* signed compares: 0xc1 is -63, 0xe0 is -32, 0xc0 is -64 */
	const __m128i c1 = _mm_set1_epi8(-63), e0 = _mm_set1_epi8(-32);
	const __m128i c0 = _mm_set1_epi8(-64);
	unsigned sh, n;
	__m128i v;

	for (;;) {
		if (end - p >= 16) {
			v = _mm_loadu_si128((const __m128i *)(const void *)p);
			/* a block of plain ASCII (most of a text's) passes
			 * with three compares */
			if (!_mm_movemask_epi8(_mm_or_si128(
				    _mm_or_si128(_mm_cmpeq_epi8(v, quote),
						 _mm_cmpeq_epi8(v, bslash)),
				    _mm_cmplt_epi8(v, space)))) {
				p += 16;
				continue;
			}
			sh = 0;
			n = 16;
		} else if (p < end && end - lo >= 16) {
			v = _mm_loadu_si128(
				(const __m128i *)(const void *)(end - 16));
			n = (unsigned)(end - p);
			sh = 16 - n; /* bytes before p in the block */
		} else {
			break;
		}
		/* below 0x20 as signed: controls and every byte >= 0x80 */
		__m128i sp =
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, quote),
						  _mm_cmpeq_epi8(v, bslash)),
				     _mm_cmplt_epi8(v, space));
		unsigned hm = (unsigned)_mm_movemask_epi8(v) >> sh;
		unsigned stop = ((unsigned)_mm_movemask_epi8(sp) >> sh) & ~hm;
		unsigned lim = stop ? (unsigned)__builtin_ctz(stop) : n;
		unsigned keep = (1u << lim) - 1, h = hm & keep;

		if (h) {
			unsigned lead = (unsigned)_mm_movemask_epi8(
				_mm_and_si128(_mm_cmpgt_epi8(v, c1),
					      _mm_cmplt_epi8(v, e0)));
			unsigned cont = (unsigned)_mm_movemask_epi8(
				_mm_cmplt_epi8(v, c0));

			lead = (lead >> sh) & keep;
			cont = (cont >> sh) & keep;
			/* every byte >= 0x80 a C2..DF lead followed by one
			 * 80..BF continuation, or the caller looks */
			if ((h & ~(lead | cont)) ||
			    cont != ((lead << 1) & keep))
				return (size_t)(p - s) +
				       (size_t)__builtin_ctz(h);
			*hi = 1;
			if (lead >> (lim - 1)) /* its continuation is beyond */
				lim--;
		}
		p += lim;
		if (stop || n < 16)
			return (size_t)(p - s);
	}
	while (p < end && (unsigned char)*p >= 0x20 &&
	       (unsigned char)*p < 0x80 && *p != '"' && *p != '\\')
		p++;
	return (size_t)(p - s);
}
#else
static inline size_t utf8_clean_run(const char *lo, const char *p,
				    const char *end, unsigned char *hi)
{
	const char *s = p;
	uint64_t v;

	(void)lo;
	(void)hi;
	while (end - p >= 8) {
		memcpy(&v, p, 8);
		if ((v & HIGHS) | HAS_LESS(v, 0x20) |
		    HAS_ZERO(v ^ (ONES * '"')) | HAS_ZERO(v ^ (ONES * '\\')))
			break;
		p += 8;
	}
	while (p < end && (unsigned char)*p >= 0x20 &&
	       (unsigned char)*p < 0x80 && *p != '"' && *p != '\\')
		p++;
	return (size_t)(p - s);
}
#endif

/*
 * Decodes one well-formed sequence at p (n > 0 bytes available).
 * @return its length with *cp set, or 0 when the bytes are not one.
 */
size_t utf8_get(const unsigned char *p, size_t n, unsigned long *cp);

/* Writes code point cp (at most U+10FFFF) to d.  @return 1 to 4 bytes. */
size_t utf8_put(char *d, unsigned long cp);

/*
 * The length of the longest well-formed prefix of s[0..n): n when all of
 * it is.  A sequence cut by the end counts as not well-formed.
 */
size_t utf8_valid(const char *s, size_t n);

/* Appends s[0..n), Windows-1251 text, to out as UTF-8 (0x98, unassigned,
 * becomes U+FFFD). */
void utf8_from_cp1251(const char *s, size_t n, struct buf *out);

/*
 * Appends UTF-8 text s[0..n) to out in Windows-1251; characters it has no
 * byte for (and invalid bytes) become '?'.  @return how many did.
 */
size_t utf8_to_cp1251(const char *s, size_t n, struct buf *out);

#endif
