/* render_svg.c - charts in SVG 1.1; see render.h. */
#include "render.h"

void render_svg(const struct report *r, const struct render_opts *o,
		struct buf *out)
{
	(void)r;
	(void)o;
	(void)out;
}
