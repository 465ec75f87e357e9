/* render_sales.c - link and metric records into a report; see render.h. */
#include "render.h"

int sales_add(struct report *r, const struct rec *in, char *msg, size_t msz)
{
	(void)in;
	(void)msg;
	(void)msz;
	r->ignored++;
	return 0;
}
