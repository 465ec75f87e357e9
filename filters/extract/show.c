/* show.c - values quoted in pulse-extract's messages; see show.h. */
#include "show.h"

#include <stdio.h>

const char *show(struct buf *out, const char *s, size_t n, size_t max)
{
	size_t i;

	buf_reset(out);
	if (n > max)
		n = max;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			buf_addf(out, "\\u%04x", c);
		else
			buf_addc(out, (char)c);
	}
	if (!out->p)
		buf_adds(out, "");
	return out->p;
}
