/* strvec.c - a growable array of strings; see strvec.h. */
#include "strvec.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"

const char *strvec_pushn(struct strvec *sv, const char *s, size_t n)
{
	if (sv->n + 2 > sv->cap) {
		sv->cap = sv->cap ? 2 * sv->cap : 8;
		sv->v = xrealloc(sv->v, sv->cap * sizeof *sv->v);
	}
	sv->v[sv->n] = xstrndup(s, n);
	sv->v[++sv->n] = NULL;
	return sv->v[sv->n - 1];
}

const char *strvec_push(struct strvec *sv, const char *s)
{
	return strvec_pushn(sv, s, strlen(s));
}

static int is_space(char c)
{
	return c == ' ' || c == '\t';
}

int strvec_split(struct strvec *sv, const char *list)
{
	size_t start = sv->n, n;
	const char *p = list, *q, *end;

	for (;;) {
		q = strchr(p, ',');
		end = q ? q : p + strlen(p);
		while (p < end && is_space(*p))
			p++;
		n = (size_t)(end - p);
		while (n > 0 && is_space(p[n - 1]))
			n--;
		if (n == 0) {
			while (sv->n > start)
				free(sv->v[--sv->n]);
			if (sv->v)
				sv->v[sv->n] = NULL;
			return -1;
		}
		strvec_pushn(sv, p, n);
		if (!q)
			return 0;
		p = q + 1;
	}
}

long strvec_find(const struct strvec *sv, const char *s)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		if (strcmp(sv->v[i], s) == 0)
			return (long)i;
	return -1;
}

void strvec_clear(struct strvec *sv)
{
	size_t i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}
