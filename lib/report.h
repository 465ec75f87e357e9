/*
 * report.h - where an engine tells of the bad records it met.
 *
 * An engine that takes one input record at a time says a record is bad
 * by returning -1 with the reason (the contract of every stage).  A reader
 * that makes many records of one input item (a Bitrix page, a CSV row, a
 * database row) and meets bad ones among good ones tells of each through a
 * struct report instead, and goes on: the owner decides what a bad record
 * means (cli.c: fail with 65, skip and count, or quarantine, per
 * --on-error).  A report may not return (the owner may exit).
 */
#ifndef PULSE_REPORT_H
#define PULSE_REPORT_H

#include <stddef.h>
#include <stdint.h>

#include "err.h"

struct report {
	/*
	 * A bad record: where (a file name) and line (0: none) place it,
	 * raw[0..rawlen) are its bytes as read (for a quarantine file),
	 * msg says what is wrong.
	 */
	void (*bad)(struct report *r, const char *where, uint64_t line,
		    const char *raw, size_t rawlen, const char *msg);
	void *arg; /* the owner's */
};

/* Tells r of a bad record, the reason printf-style. */
void report_bad(struct report *r, const char *where, uint64_t line,
		const char *raw, size_t rawlen, const char *fmt, ...)
	ERR_PRINTF(6, 7);

#endif
