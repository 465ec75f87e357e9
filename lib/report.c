/* report.c - where an engine tells of bad records; see report.h. */
#include "report.h"

#include <stdarg.h>
#include <stdio.h>

void report_bad(struct report *r, const char *where, uint64_t line,
		const char *raw, size_t rawlen, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	r->bad(r, where, line, raw, rawlen, msg);
}
