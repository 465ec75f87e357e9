/*
 * pulse-extract - records from the systems pulse reads.
 *
 * The first argument names the source; the rest of the command line is
 * that source's (see extract.h).  This file only dispatches.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "err.h"
#include "extract.h"

static const struct source {
	const char *name;
	int (*main)(int argc, char **argv);
	const char *what;
} sources[] = {
	{"odoo", extract_odoo_main,
	 "Odoo mail.message of helpdesk tickets -> message records"},
	{"bitrix", extract_bitrix_main,
	 "Bitrix24 REST pages or CSV exports -> lead, deal, stage records"},
	{"pg", extract_pg_main,
	 "PostgreSQL sales events (or a query) -> event records"},
	{"events", extract_events_main,
	 "dumps of the sales tables (CSV, NDJSON) -> event records"},
};

#define NSOURCES (sizeof sources / sizeof sources[0])

static const char usage_line[] =
	"usage: pulse-extract SOURCE [options] [file ...]";

static _Noreturn void usage(void)
{
	fprintf(stderr, "%s\n", usage_line);
	fprintf(stderr, "Try 'pulse-extract --help' for more information.\n");
	exit(EX_USAGE);
}

static int help(void)
{
	size_t i;

	printf("%s\n"
	       "Read what a CRM or helpdesk exports and write NDJSON records.\n"
	       "\n"
	       "Sources:\n",
	       usage_line);
	for (i = 0; i < NSOURCES; i++)
		printf("  %-8s %s\n", sources[i].name, sources[i].what);
	printf("\n"
	       "  -h, --help     print this help and exit\n"
	       "      --version  print the version and exit\n"
	       "\n"
	       "'pulse-extract SOURCE --help' lists the options of a source.\n");
	return fflush(stdout) || ferror(stdout) ? EX_IOERR : 0;
}

int main(int argc, char **argv)
{
	size_t i;

	err_setprog(argc > 0 ? argv[0] : "pulse-extract");
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return help();
	if (strcmp(argv[1], "--version") == 0) {
		printf("pulse-extract (pulse) %s\n", VERSION);
		return fflush(stdout) || ferror(stdout) ? EX_IOERR : 0;
	}
	for (i = 0; i < NSOURCES; i++) {
		if (strcmp(argv[1], sources[i].name) == 0) {
			/* the source sees "pulse-extract [its options] ..." */
			argv[1] = argv[0];
			return sources[i].main(argc - 1, argv + 1);
		}
	}
	if (argv[1][0] == '-')
		fprintf(stderr, "%s: a source must come first, not '%s'\n",
			progname, argv[1]);
	else
		fprintf(stderr, "%s: unknown source '%s'\n", progname, argv[1]);
	usage();
}
