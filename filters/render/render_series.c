/* render_series.c - metric records grouped into one series per metric. */
#include "render.h"

#include <stdlib.h>
#include <string.h>

#include "hmap.h"

static const struct sref null_sref = {0, SIZE_MAX};

/* Sort keys: series, then day, then the record's place (later wins). */
struct skey {
	size_t series, rec;
	int64_t day;
};

static int by_series_day(const void *a, const void *b)
{
	const struct skey *x = a, *y = b;

	if (x->series != y->series)
		return x->series < y->series ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (x->rec > y->rec) - (x->rec < y->rec);
}

size_t render_series_build(const struct render_report *r,
			   struct render_series **out)
{
	struct hmap names; /* name -> series index */
	struct render_series *s = NULL;
	struct skey *key;
	int64_t first = INT64_MAX, last = INT64_MIN;
	size_t i, j, n, *k;
	int isnew;

	hmap_init(&names, sizeof(size_t));
	key = xmalloc((r->nmetrics + 1) * sizeof *key);
	for (i = 0; i < r->nmetrics; i++) {
		const struct metric *m = &r->metrics[i];

		k = hmap_put(&names, sref_p(r, m->name), m->name.len, &isnew);
		if (isnew)
			*k = hmap_len(&names) - 1;
		key[i].series = *k;
		key[i].rec = i;
		key[i].day = m->day;
		if (m->day < first)
			first = m->day;
		if (m->day > last)
			last = m->day;
	}
	qsort(key, r->nmetrics, sizeof *key, by_series_day);
	n = hmap_len(&names);
	if (n)
		s = xcalloc(n, sizeof *s);
	for (i = 0; i < n; i++) {
		s[i].first = first;
		s[i].last = last;
		s[i].title = null_sref;
	}
	for (i = 0; i < r->nmetrics; i = j) {
		struct render_series *x = &s[key[i].series];

		/* the records of one series, by day: the last of a day wins */
		for (j = i; j < r->nmetrics && key[j].series == key[i].series;
		     j++)
			;
		x->rec = xmalloc((j - i) * sizeof *x->rec);
		for (; i < j; i++) {
			const struct metric *m = &r->metrics[key[i].rec];

			x->name = m->name;
			if (!sref_null(m->title) &&
			    key[i].rec >= x->title_rec) {
				x->title = m->title;
				x->title_rec = key[i].rec;
			}
			if (x->n && r->metrics[x->rec[x->n - 1]].day == m->day)
				x->n--;
			x->rec[x->n++] = key[i].rec;
		}
	}
	for (i = 0; i < n; i++)
		if (sref_null(s[i].title))
			s[i].title = s[i].name;
	free(key);
	hmap_release(&names);
	*out = s;
	return n;
}

int64_t render_series_days(const struct render_report *r)
{
	int64_t first = INT64_MAX, last = INT64_MIN;
	size_t i;

	for (i = 0; i < r->nmetrics; i++) {
		if (r->metrics[i].day < first)
			first = r->metrics[i].day;
		if (r->metrics[i].day > last)
			last = r->metrics[i].day;
	}
	return r->nmetrics ? last - first + 1 : 0;
}

void render_series_free(struct render_series *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(s[i].rec);
	free(s);
}

const struct metric *render_series_get(const struct render_report *r,
				       const struct render_series *s,
				       int64_t day)
{
	size_t lo = 0, hi = s->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->metrics[s->rec[mid]].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < s->n && r->metrics[s->rec[lo]].day == day)
		return &r->metrics[s->rec[lo]];
	return NULL;
}
