/* render_csv.c - records as RFC 4180 CSV; see render.h. */
#include "render.h"

void render_csv(const struct report *r, const struct render_opts *o,
		struct buf *out)
{
	(void)r;
	(void)o;
	(void)out;
}
