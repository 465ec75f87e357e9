/*
 * text.h - small text helpers for UTF-8 strings: case folding for keyword
 * matching, trimming, UTF-8 validity and Windows-1251 (old Russian
 * exports) to and from UTF-8.
 *
 * text_fold() lowercases ASCII, the Latin-1 supplement and Latin Extended-A
 * letters (Ä -> ä, Ü -> ü, ẞ -> ß), and Cyrillic (А-Я, Ё, Ukrainian Є І Ї Ґ);
 * other characters pass unchanged.  Invalid UTF-8 bytes pass unchanged too,
 * so folding never fails and never grows the text by more than the input
 * length (the buffer may grow to hold it).
 */
#ifndef PULSE_TEXT_H
#define PULSE_TEXT_H

#include <stddef.h>

#include "buf.h"

/* Appends the folded form of s[0..n) to out. */
void text_fold(const char *s, size_t n, struct buf *out);

/*
 * Finds folded pattern pat in s[0..n), folding s on the way (scratch is
 * used for that).  @return 1 when found.
 */
int text_contains_fold(const char *s, size_t n, const char *pat, size_t plen,
		       struct buf *scratch);

/*
 * Folds the one character at s (n > 0 bytes available) into out, which
 * receives at most as many bytes as were read.  An invalid UTF-8 byte is
 * copied alone.  @return the bytes read from s (1..4), with *olen set to
 * the bytes written.
 */
size_t text_fold_char(const char *s, size_t n, char out[4], size_t *olen);

/*
 * Appends to out the first maxchars characters of s[0..n) with runs of
 * whitespace (ASCII and U+00A0) collapsed into one space and none at
 * either end, cut at a character boundary (an invalid byte counts as one
 * character).  @return the characters appended.
 */
size_t text_summary(const char *s, size_t n, size_t maxchars, struct buf *out);

/* Whether needle[0..m) occurs in hay[0..n) (memmem is not POSIX). */
int text_find(const char *hay, size_t n, const char *needle, size_t m);

/* The part of s[0..*n) without leading and trailing ASCII whitespace. */
const char *text_trim(const char *s, size_t *n);

#endif
