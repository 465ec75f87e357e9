/*
 * strvec.h - a growable array of strings (git's strvec).
 *
 * A struct strvec owns its strings (copies) and keeps v NULL-terminated,
 * so v can be handed to what takes a char ** and a count.  STRVEC_INIT is
 * empty and has allocated nothing.  Growth dies on out-of-memory (err.h).
 */
#ifndef PULSE_STRVEC_H
#define PULSE_STRVEC_H

#include <stddef.h>

struct strvec {
	char **v; /* n strings, then NULL (when anything was pushed) */
	size_t n;
	size_t cap;
};

#define STRVEC_INIT                                                            \
	{                                                                      \
		NULL, 0, 0                                                     \
	}

/* Appends a copy of s; @return the copy. */
const char *strvec_push(struct strvec *sv, const char *s);

/* Appends a copy of s[0..n). */
const char *strvec_pushn(struct strvec *sv, const char *s, size_t n);

/*
 * Appends the items of a comma-separated list, each with the spaces
 * around it trimmed.  @return 0, or -1 when an item is empty ("a,,b",
 * "a,", "") with nothing appended.
 */
int strvec_split(struct strvec *sv, const char *list);

/* The index of the string equal to s, or -1. */
long strvec_find(const struct strvec *sv, const char *s);

/* Frees the strings and the array; sv is STRVEC_INIT again. */
void strvec_clear(struct strvec *sv);

#endif
