/*
 * extract_fetch.c - what the command lines of bitrix --fetch and odoo
 * --fetch share: the secret from a file or the environment, the -v log.
 */
#include "extract.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cli.h"
#include "err.h"
#include "file.h"

char *extract_secret(const char *file, const char *file_what, const char *what,
		     const char *env, const char *missing)
{
	struct buf b = BUF_INIT, err = BUF_INIT;
	const char *v;
	size_t n;

	if (file) {
		cli_check(file_slurp(file_what, file, &b, &err), &err);
		buf_addc(&b, '\0');
		n = strcspn(b.p, "\r\n");
		while (n && (b.p[n - 1] == ' ' || b.p[n - 1] == '\t'))
			n--;
		b.p[n] = '\0';
		if (!n)
			die(EX_CONFIG, "%s: no %s on its first line", file,
			    what);
		buf_release(&err);
		return buf_detach(&b, NULL);
	}
	v = getenv(env);
	if (!v || !*v)
		die(EX_CONFIG, "%s", missing);
	return xstrdup(v);
}

void extract_log_line(void *arg, const char *msg)
{
	(void)arg;
	warn("%s", msg);
}

void extract_fetch_defaults(struct http_opts *o, double rate)
{
	memset(o, 0, sizeof *o);
	o->rate = rate;
	o->timeout_ms = 120000;
	o->retries = 5;
}

int extract_fetch_opt(struct cli *c, int opt, const char *arg,
		      struct http_opts *o)
{
	switch (opt) {
	case EXTRACT_OPT_RATE:
		o->rate = (double)cli_parse_uint(c, "--rate", arg, 1, 1000);
		return 1;
	case EXTRACT_OPT_CACERT:
		o->cacert = arg;
		return 1;
	case EXTRACT_OPT_TIMEOUT:
		o->timeout_ms =
			(long)cli_parse_uint(c, "--timeout", arg, 1, 86400) *
			1000;
		return 1;
	case EXTRACT_OPT_RETRIES:
		o->retries = (int)cli_parse_uint(c, "--retries", arg, 0, 100);
		return 1;
	case 'v':
		o->log = extract_log_line;
		return 1;
	}
	return 0;
}
