/*
 * merge_kinds.c - pulse-merge's engine: each record to its kind, and the
 * order the kinds come out in; see merge.h.
 */
#include "merge.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "merge_int.h"

/* The kinds merged, by the "kind" member of a record. */
static const struct merge_kind *const kinds[] = {
	&merge_count,  &merge_histogram, &merge_link,
	&merge_metric, &merge_funnel,
};

#define NKINDS (sizeof kinds / sizeof kinds[0])

/*
 * The order the kinds come out in: the order first met, except that a kind
 * goes before another that it precedes in some input file (an empty shard
 * of pulse-metrics --durations writes its histograms but no metric: the
 * other shards still say metrics come first).
 */
struct kind_order {
	size_t first[NKINDS]; /* 1 + rank of first appearance, 0: not met */
	size_t nmet;
	unsigned char before[NKINDS][NKINDS]; /* i came before j in a file */
	unsigned char infile[NKINDS];	      /* met in the current file */
};

struct merge {
	struct merge_opts o;
	void *st[NKINDS];
	struct kind_order ko;
	struct buf names; /* the kinds, for the message on an unknown one */
};

static void order_met(struct kind_order *ko, size_t k)
{
	size_t j;

	if (!ko->first[k])
		ko->first[k] = ++ko->nmet;
	if (ko->infile[k])
		return;
	for (j = 0; j < NKINDS; j++)
		if (ko->infile[j])
			ko->before[j][k] = 1;
	ko->infile[k] = 1;
}

/* Fills seq[0..nmet) with the kinds to finish, in order. */
static void order_kinds(const struct kind_order *ko, size_t *seq)
{
	unsigned char done[NKINDS] = {0};
	size_t n, k, j, pick;

	for (n = 0; n < ko->nmet; n++) {
		pick = NKINDS;
		for (k = 0; k < NKINDS; k++) {
			if (!ko->first[k] || done[k])
				continue;
			for (j = 0; j < NKINDS; j++)
				if (ko->first[j] && !done[j] && j != k &&
				    ko->before[j][k] && !ko->before[k][j])
					break;
			if (j == NKINDS &&
			    (pick == NKINDS || ko->first[k] < ko->first[pick]))
				pick = k;
		}
		if (pick == NKINDS) /* inputs disagree: the first met */
			for (k = 0; k < NKINDS; k++)
				if (ko->first[k] && !done[k] &&
				    (pick == NKINDS ||
				     ko->first[k] < ko->first[pick]))
					pick = k;
		done[pick] = 1;
		seq[n] = pick;
	}
}

struct merge *merge_new(const struct merge_opts *o)
{
	struct merge *m = xcalloc(1, sizeof *m);
	size_t k;

	m->o = *o;
	for (k = 0; k < NKINDS; k++) {
		if (k)
			buf_adds(&m->names, k + 1 == NKINDS ? " or " : ", ");
		buf_adds(&m->names, kinds[k]->kind);
	}
	return m;
}

void merge_free(struct merge *m)
{
	size_t k;

	if (!m)
		return;
	for (k = 0; k < NKINDS; k++)
		if (m->st[k])
			kinds[k]->destroy(m->st[k]);
	buf_release(&m->names);
	free(m);
}

void merge_next_input(struct merge *m)
{
	memset(m->ko.infile, 0, sizeof m->ko.infile);
}

int merge_add(struct merge *m, const struct rec *r, struct sink *out, char *msg,
	      size_t msz)
{
	struct json_span v = rec_get(r, "kind");
	size_t k;

	(void)out;
	if (v.type != JSON_STRING) {
		snprintf(
			msg, msz,
			v.type == JSON_NONE
				? "a record without 'kind' (pulse-merge reads %s)"
				: "'kind' is not a string (pulse-merge reads %s)",
			m->names.p);
		return -1;
	}
	for (k = 0; k < NKINDS; k++)
		if (json_str_eq(v, kinds[k]->kind, strlen(kinds[k]->kind)))
			break;
	if (k == NKINDS) {
		snprintf(msg, msz,
			 "kind %.*s is not one pulse-merge combines (%s)",
			 (int)(v.n > 40 ? 40 : v.n), v.p, m->names.p);
		return -1;
	}
	if (!m->st[k])
		m->st[k] = kinds[k]->create(&m->o);
	if (kinds[k]->add(m->st[k], r, msg, msz) < 0)
		return -1;
	/* a bad record does not decide where its kind goes */
	order_met(&m->ko, k);
	return 0;
}

/* Tally's histograms go after their count records (merge_int.h). */
static void link_tally(struct merge *m)
{
	size_t k, kc = NKINDS, kh = NKINDS;

	for (k = 0; k < NKINDS; k++) {
		if (kinds[k] == &merge_count)
			kc = k;
		else if (kinds[k] == &merge_histogram)
			kh = k;
	}
	if (kc == NKINDS || kh == NKINDS || !m->st[kc] || !m->st[kh])
		return;
	merge_tally_link(m->st[kc], m->st[kh]);
}

int merge_finish(struct merge *m, struct sink *out, char *msg, size_t msz)
{
	size_t seq[NKINDS], k;

	link_tally(m);
	order_kinds(&m->ko, seq);
	for (k = 0; k < m->ko.nmet; k++)
		if (kinds[seq[k]]->finish(m->st[seq[k]], out, msg, msz) < 0)
			return -1;
	return 0;
}
