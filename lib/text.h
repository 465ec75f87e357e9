/*
 * text.h - small text helpers for UTF-8 strings: case folding for keyword
 * matching, and trimming.
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

/* The part of s[0..*n) without leading and trailing ASCII whitespace. */
const char *text_trim(const char *s, size_t *n);

#endif
