/* render_series.c - metric records grouped into one series per metric. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "hmap.h"

static const struct sref null_sref = {0, SIZE_MAX};

size_t render_series_build(const struct report *r, struct render_series **out)
{
	struct hmap names; /* name -> series index */
	struct render_series *s = NULL;
	int64_t first = INT64_MAX, last = INT64_MIN;
	size_t i, n, *k;
	int isnew;

	hmap_init(&names, sizeof(size_t));
	for (i = 0; i < r->nmetrics; i++) {
		const struct metric *m = &r->metrics[i];

		k = hmap_put(&names, sref_p(r, m->name), m->name.len, &isnew);
		if (isnew)
			*k = hmap_len(&names) - 1;
		if (m->day < first)
			first = m->day;
		if (m->day > last)
			last = m->day;
	}
	n = hmap_len(&names);
	if (n)
		s = xcalloc(n, sizeof *s);
	for (i = 0; i < n; i++) {
		s[i].first = first;
		s[i].last = last;
		s[i].title = null_sref;
		s[i].at = xmalloc((size_t)(last - first + 1) * sizeof *s[i].at);
		memset(s[i].at, 0xff,
		       (size_t)(last - first + 1) * sizeof *s[i].at);
	}
	for (i = 0; i < r->nmetrics; i++) {
		const struct metric *m = &r->metrics[i];
		struct render_series *x;

		k = hmap_get(&names, sref_p(r, m->name), m->name.len);
		x = &s[*k];
		x->name = m->name;
		if (!sref_null(m->title))
			x->title = m->title;
		x->at[m->day - first] = (long)i;
	}
	for (i = 0; i < n; i++)
		if (sref_null(s[i].title))
			s[i].title = s[i].name;
	hmap_release(&names);
	*out = s;
	return n;
}

void render_series_free(struct render_series *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i].at);
	free(s);
}

const struct metric *render_series_get(const struct report *r,
				       const struct render_series *s,
				       int64_t day)
{
	if (day < s->first || day > s->last || s->at[day - s->first] < 0)
		return NULL;
	return &r->metrics[s->at[day - s->first]];
}
