/* render_telegram.c - Bot API sendMessage payloads; see render.h. */
#include "render.h"

void render_telegram(const struct report *r, const struct render_opts *o,
		     struct buf *out)
{
	(void)r;
	(void)o;
	(void)out;
}
