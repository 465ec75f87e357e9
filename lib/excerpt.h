/*
 * excerpt.h - what a customer's message asks, in one line: the first
 * meaningful sentence of a mail body, for a report's table cell.
 *
 * text_excerpt() reads the plain text of one message (pulse-extract's
 * "text": tags dropped, most quoted history already cut) line by line and
 *
 *  - stops at what is not the sender's own words any more: quoted lines
 *    ("> ..."), a signature delimiter ("-- "), a forwarded or quoted
 *    header ("-----Original Message-----", "On ... wrote:", "Am ...
 *    schrieb ...:", "From:", "Von:", "От:", a line starting with a date
 *    and ending in ':'), "Sent from my ..." lines and a sign-off line
 *    ("Mit freundlichen Grüßen", "Best regards", "LG", "С уважением", ...);
 *  - drops the greeting ("Hallo,", "Sehr geehrte Damen und Herren,",
 *    "Dear team,", "Здравствуйте!"), as a line of its own or the start of
 *    the first line, and well-wishing openers ("I hope you are well.");
 *  - joins what is left with whitespace collapsed and keeps its first
 *    sentence, or its first two when the first is very short ("Danke!").
 *
 * The greetings and sign-offs known are German, English and Russian ones;
 * matching is case-insensitive (text.h folding).  When nothing is left
 * (a message that is only a greeting), the whole text is used.  The result
 * is at most maxchars characters: a longer one is cut at a word (else at a
 * character boundary, never inside a UTF-8 sequence) and ends in "…".
 */
#ifndef PULSE_EXCERPT_H
#define PULSE_EXCERPT_H

#include <stddef.h>

#include "buf.h"

#define EXCERPT_CHARS 120 /* what the ticket records carry, at most */

/*
 * Appends the excerpt of s[0..n) to out (nothing for an empty or blank
 * text).  @return the characters appended.
 */
size_t text_excerpt(const char *s, size_t n, size_t maxchars, struct buf *out);

#endif
