/*
 * funnel_join.c - one funnel made of two that read consecutive parts of
 * the input (pulse-funnel -j: each thread loads a range; see funnel.h).
 *
 * What the funnel keeps before funnel_finish() depends on the input only
 * through the order things first came: strings are interned, records
 * numbered, stage changes sequenced in input order (funnel_add() creates
 * a record's entry where it is first named, batches included).  So the
 * later part's strings, records and stage changes, renumbered after the
 * earlier part's, are what one funnel reading both parts holds; a record
 * read in both parts is the copy of its largest 'modified', the later one
 * on a tie, as funnel_add() keeps it.
 */
#include "funnel.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static fn_text shift(fn_text t, uint64_t base)
{
	return t == FN_NOTEXT ? t : t + (base << 24);
}

static uint32_t remap(const uint32_t *smap, uint32_t s)
{
	return s == FN_NONE ? s : smap[s];
}

/* src's record e with its strings and texts as dst has them. */
static void ent_remap(struct fn_ent *e, const uint32_t *smap, uint64_t base)
{
	e->status = remap(smap, e->status);
	e->manager = remap(smap, e->manager);
	e->source = remap(smap, e->source);
	e->campaign = remap(smap, e->campaign);
	e->adgroup = remap(smap, e->adgroup);
	e->category = remap(smap, e->category);
	e->loss = remap(smap, e->loss);
	e->currency = remap(smap, e->currency);
	e->id = shift(e->id, base);
	e->title = shift(e->title, base);
	e->lead_id = shift(e->lead_id, base);
	e->created_txt = shift(e->created_txt, base);
}

int funnel_absorb(struct funnel *dst, struct funnel *src, char *msg, size_t msz)
{
	size_t nstr = src->sum.strs.n, i;
	uint64_t base;
	uint32_t *smap, *emap;
	int rc = 0;

	funnel_flush(dst);
	funnel_flush(src);
	smap = xmalloc((nstr ? nstr : 1) * sizeof *smap);
	for (i = 0; i < nstr; i++) { /* in src's order: as they first came */
		const char *p;
		size_t n;

		p = fsum_strp(&src->sum, (uint32_t)i, &n);
		smap[i] = fn_intern(dst, p, n);
	}
	base = dst->texts.len;
	buf_add(&dst->texts, src->texts.p, src->texts.len);
	buf_release(&src->texts);
	/* room made once, and src's parts freed as they are taken: the
	 * peak is about dst's and src's, not more */
	if (dst->capent < dst->nent + src->nent) {
		dst->capent = dst->nent + src->nent;
		dst->ent = xrealloc(dst->ent, dst->capent * sizeof *dst->ent);
	}
	emap = xmalloc((src->nent ? src->nent : 1) * sizeof *emap);
	for (i = 0; i < src->nent; i++) {
		struct fn_ent e = src->ent[i];
		const char *id;
		size_t n;
		uint32_t d;

		ent_remap(&e, smap, base);
		id = fn_text_get(dst, e.id, &n);
		d = fn_find(dst, e.kind, id, n);
		if (d == FN_NONE) {
			if (fn_ent_put(dst, &e, &d, msg, msz) < 0) {
				rc = -1;
				goto out;
			}
		} else if (e.has_rec &&
			   !(dst->ent[d].has_rec &&
			     dst->ent[d].modified_sec > e.modified_sec)) {
			e.id = dst->ent[d].id;
			dst->ent[d] = e;
		}
		emap[i] = d;
	}
	free(src->ent);
	src->ent = NULL;
	src->nent = src->capent = 0;
	for (i = 0; i < 2; i++) { /* its ids: looked up no more */
		idmap_release(&src->ids[i]);
		free(src->id_ent[i]);
		src->id_ent[i] = NULL;
		src->id_cap[i] = 0;
	}
	if (dst->caphist < dst->nhist + src->nhist) {
		dst->caphist = dst->nhist + src->nhist;
		dst->hist =
			xrealloc(dst->hist, dst->caphist * sizeof *dst->hist);
	}
	for (i = 0; i < src->nhist; i++) {
		struct fn_hist h = src->hist[i];

		h.ent = emap[h.ent];
		h.name = remap(smap, h.name);
		h.cat = remap(smap, h.cat);
		h.ts_txt = shift(h.ts_txt, base);
		h.seq += dst->seq;
		fn_hist_push(dst, &h);
	}
	dst->seq += src->seq;
out:
	free(smap);
	free(emap);
	return rc;
}
