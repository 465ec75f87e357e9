/*
 * cli_int.h - what cli.c (one thread's loop) and cli_jobs.c (several
 * threads) share; not for the rest of pulse.
 */
#ifndef PULSE_CLI_INT_H
#define PULSE_CLI_INT_H

#include <stdarg.h>
#include <stdint.h>

#include "cli.h"

/*
 * A message about the input that is not a bad record (a file that cannot
 * be opened, a read error): printed, and status raised; fatal: the run
 * ends there (the caller exits, or a thread stops).
 */
void cli_warn(struct cli *c, int status, int fatal, const char *fmt, ...)
	ERR_PRINTF(4, 5);

/* A thread's cli (c->w set): */

/* Whether the thread has met what ends its run. */
int cli_worker_stopped(const struct cli *c);

/* Opens c->in on path: the thread's range of it, or its copy of stdin. */
int cli_worker_open(struct cli *c, const char *path);

/* Keeps a bad record's message (and the record, for quarantine). */
void cli_worker_bad(struct cli *c, const char *where, uint64_t line,
		    const char *raw, size_t rawlen, const char *fmt,
		    va_list ap);

/* Keeps a cli_warn() message. */
void cli_worker_warn(struct cli *c, int status, int fatal, const char *fmt,
		     va_list ap);

#endif
