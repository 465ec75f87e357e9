/* render_html.c - the leads dashboard as one self-contained page; see render.h. */
#include "render.h"

void render_html(const struct report *r, const struct render_opts *o,
		 struct buf *out)
{
	(void)r;
	(void)o;
	(void)out;
}
