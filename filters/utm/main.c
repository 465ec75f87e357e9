/* pulse-utm - fill in the UTM fields of leads and deals. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "utm.h"

enum {
	OPT_MAP = CLI_OPT_FIRST_PROGRAM,
	OPT_ALIAS,
	OPT_URL_FIELD,
	OPT_STATS,
	OPT_ENCODING,
	OPT_CRM_SOURCE,
};

static const struct cli_info info = {
	"pulse-utm",
	"usage: pulse-utm [--map FILE] [--alias FILE] [--url-field NAME] [--crm-source] [--stats] [--encoding ENC] [options] [file ...]",
	"Fill in the UTM fields of lead and deal records and say where they came\n"
	"from in utm_origin: given (the record had a utm_source), url (the query\n"
	"string of a URL in a --url-field), map (a --map row), crm_source (the\n"
	"CRM's own source, --crm-source) or none.  Other records pass through\n"
	"unchanged.\n"
	"\n"
	"      --map FILE         CSV: the first column names the key field\n"
	"                         (utm_content: the ad id, or another field), the\n"
	"                         others are utm_source, utm_medium, utm_campaign,\n"
	"                         utm_content, utm_term, ad_group (repeatable)\n"
	"      --alias FILE       CSV alias,canonical[,field]: values are normalised\n"
	"                         through it, case-insensitively (repeatable)\n"
	"      --url-field NAME   a field that may hold URLs with utm_* parameters\n"
	"                         (repeatable; default url, source_description,\n"
	"                         web, comments)\n"
	"      --crm-source       a lead or deal left without a utm_source takes\n"
	"                         the name of its Bitrix SOURCE_ID (from the\n"
	"                         'name' records of pulse-extract bitrix --names\n"
	"                         before it; else the code), utm_origin crm_source\n"
	"      --stats            print how many leads and deals each origin filled\n"
	"      --encoding ENC     of the --map and --alias files: auto (default:\n"
	"                         UTF-8, or Windows-1251 recognised), utf-8, cp1251\n" CLI_HELP_JOBS
		CLI_HELP_COMMON "\n"
	"Example: pulse-utm --map ads.csv --alias sources.csv --stats leads.ndjson\n",
};

/*
 * The engine as cli_run() drives it (lib/cli.h): each thread a clone of
 * u, whose counts come back to u (done()); with --crm-source u itself (it
 * learns the names as it reads: one thread).
 */
static void *make(void *arg, const struct shard *shard, int partial)
{
	struct utm *u = arg;

	(void)shard;
	(void)partial;
	return u->crm_source ? u : utm_clone(u);
}

static int add(void *e, const struct rec *r, struct sink *out, char *msg,
	       size_t msz)
{
	return utm_record(e, r, &out->b, msg, msz);
}

static int finish(void *e, struct sink *out, char *msg, size_t msz)
{
	(void)e;
	(void)out;
	(void)msg;
	(void)msz;
	return 0;
}

/* A clone's counts into u's (--stats). */
static void done(void *e, void *arg)
{
	struct utm *u = arg, *t = e;
	size_t i, j;

	if (t == u)
		return;
	for (i = 0; i < 2; i++)
		for (j = 0; j < O_NORIGINS; j++)
			u->count[i][j] += t->count[i][j];
	u->other += t->other;
}

static void drop(void *e)
{
	if (!((struct utm *)e)->crm_source)
		utm_clone_free(e);
}

static const char *const default_url_fields[] = {
	"url",
	"source_description",
	"web",
	"comments",
};

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"map", required_argument, NULL, OPT_MAP},
		{"alias", required_argument, NULL, OPT_ALIAS},
		{"url-field", required_argument, NULL, OPT_URL_FIELD},
		{"stats", no_argument, NULL, OPT_STATS},
		{"crm-source", no_argument, NULL, OPT_CRM_SOURCE},
		{"encoding", required_argument, NULL, OPT_ENCODING},
		CLI_JOBS_LONGOPTS,
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	const char **maps = NULL, **aliases = NULL;
	size_t nmaps = 0, naliases = 0, i;
	struct utm u;
	struct buf err = BUF_INIT;
	struct cli_stage st = {.make = make,
			       .add = add,
			       .finish = finish,
			       .done = done,
			       .free = drop,
			       .arg = &u};
	struct cli c;
	int opt, status;

	utm_init(&u);
	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_JOBS_SHORTOPTS CLI_SHORTOPTS,
				  longopts, NULL)) != -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_MAP:
			maps = xrealloc(maps, (nmaps + 1) * sizeof *maps);
			maps[nmaps++] = optarg;
			break;
		case OPT_ALIAS:
			aliases = xrealloc(aliases,
					   (naliases + 1) * sizeof *aliases);
			aliases[naliases++] = optarg;
			break;
		case OPT_URL_FIELD:
			if (!*optarg)
				cli_usage_error(&c, "empty --url-field");
			u.url_fields = xrealloc(u.url_fields,
						(u.nurl_fields + 1) *
							sizeof *u.url_fields);
			u.url_fields[u.nurl_fields++] = optarg;
			break;
		case OPT_CRM_SOURCE:
			u.crm_source = 1;
			break;
		case OPT_STATS:
			u.stats = 1;
			break;
		case OPT_ENCODING:
			if (csv_enc_parse(optarg, &u.enc) < 0)
				cli_usage_error(
					&c,
					"invalid --encoding '%s' (auto, utf-8 or cp1251)",
					optarg);
			break;
		default:
			cli_usage(&c);
		}
	}
	if (!u.nurl_fields) {
		u.nurl_fields = sizeof default_url_fields /
				sizeof default_url_fields[0];
		u.url_fields = xmalloc(sizeof default_url_fields);
		memcpy(u.url_fields, default_url_fields,
		       sizeof default_url_fields);
	}
	/* read the tables before any output file is created */
	for (i = 0; i < nmaps; i++)
		cli_check(utm_map_load(&u, maps[i], &err), &err);
	for (i = 0; i < naliases; i++)
		cli_check(utm_alias_load(&u, aliases[i], &err), &err);
	buf_release(&err);
	/* records in, records out, in order: chunks of plain files on every
	 * core; the names of --crm-source come with the input, in order */
	st.ordered = !u.crm_source;
	cli_start(&c, argc - optind, argv + optind);
	cli_run(&c, &st);
	if (u.stats) {
		static const char *const kinds[2] = {"leads", "deals"};

		for (i = 0; i < 2; i++) {
			fprintf(stderr,
				"%s: %s: utm_origin given %llu, url %llu, map %llu, ",
				progname, kinds[i],
				(unsigned long long)u.count[i][O_GIVEN],
				(unsigned long long)u.count[i][O_URL],
				(unsigned long long)u.count[i][O_MAP]);
			if (u.crm_source)
				fprintf(stderr, "crm_source %llu, ",
					(unsigned long long)u.count[i][O_CRM]);
			fprintf(stderr, "none %llu\n",
				(unsigned long long)u.count[i][O_NONE]);
		}
		fprintf(stderr,
			"%s: %llu records of other kinds passed through\n",
			progname, (unsigned long long)u.other);
	}
	status = cli_finish(&c);
	utm_release(&u);
	free(maps);
	free(aliases);
	return status;
}
