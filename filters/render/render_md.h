/*
 * render_md.h - what the files of the md format share: the state of one
 * report being written (render_md.c) and the tables of pulse-tally's
 * records at its end (render_md_tally.c).
 */
#ifndef PULSE_RENDER_MD_H
#define PULSE_RENDER_MD_H

#include <stdint.h>

#include "render.h"

#define RENDER_MD_SUBJECT_CHARS 80  /* a table cell of free text, at most */
#define RENDER_MD_EXCERPT_CHARS 120 /* what a customer asks, at most */

struct md {
	const struct render_report *r;
	const struct render_opts *o;
	const struct words *w;
	struct buf *out;
	int64_t today; /* day of as_of, or T_NONE */
};

/* render_md.c: a horizontal rule, a table header "| a | b |" and its rule. */
void render_md_hr(struct md *m);
void render_md_table_head2(struct md *m, const char *a, const char *b);

/*
 * render_md_tally.c: the count records as one table per "by" (in order of
 * first appearance), then the histograms in input order; nothing when
 * there are none.
 */
void render_md_tally(struct md *m);

#endif
