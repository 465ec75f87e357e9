/*
 * err.h - diagnostics and exit codes shared by every pulse program.
 *
 * Messages go to stderr as "prog: message" (git's tone: lowercase, no final
 * period, subjects in single quotes).  Data errors name their position:
 * "prog: file:line: message".  The library modules never call die(); they
 * return a status and a message and main() picks the exit.  The exceptions
 * are the x-allocators below and a buffer's growth past SIZE_MAX (buf.c):
 * running out of memory is not recoverable.  lib/cli.c is the command-line
 * layer of main(): it may end the program (cli_usage(), cli_bad()).
 *
 * Exit codes (sysexits style, listed once here and in each man page):
 *   0  ok
 *   64 EX_USAGE        bad command line
 *   65 EX_DATAERR      bad input data
 *   66 EX_NOINPUT      cannot open an input
 *   69 EX_UNAVAILABLE  a service (database, API) is unavailable
 *   70 EX_SOFTWARE     internal error (a bug)
 *   71 EX_OSERR        out of memory or another system failure
 *   73 EX_CANTCREAT    cannot create the output file
 *   74 EX_IOERR        read or write error
 */
#ifndef PULSE_ERR_H
#define PULSE_ERR_H

#include <stdarg.h>
#include <stddef.h>
#include <sysexits.h>

#define ERR_PRINTF(fmt, args) __attribute__((format(printf, fmt, args)))

/* The program's name, set once by err_setprog() from argv[0]. */
extern const char *progname;

/* Sets progname to the last path component of argv0. */
void err_setprog(const char *argv0);

/* Prints "prog: message" and exits with code. */
_Noreturn void die(int code, const char *fmt, ...) ERR_PRINTF(2, 3);

/* As die(), with ": strerror(errno)" appended. */
_Noreturn void die_errno(int code, const char *fmt, ...) ERR_PRINTF(2, 3);

/* Prints "prog: message" and goes on. */
void warn(const char *fmt, ...) ERR_PRINTF(1, 2);

/* warn() with a va_list. */
void vwarn(const char *fmt, va_list ap) ERR_PRINTF(1, 0);

/* Prints "prog: message"; @return -1, so callers can "return error(...)". */
int error(const char *fmt, ...) ERR_PRINTF(1, 2);

/* Allocators that die with EX_OSERR when memory runs out. */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/*
 * Asks the kernel for huge pages under the 2 MB-aligned part of p[0..n)
 * (Linux, MADV_HUGEPAGE; elsewhere nothing): for the tables of a map much
 * larger than the caches, where every 4 KB page would cost a page fault
 * and a TLB miss.  Advice only: nothing changes but speed.
 */
void xadvise_huge(void *p, size_t n);

#endif
