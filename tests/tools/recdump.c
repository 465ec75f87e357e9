/*
 * recdump - a test tool: what lib/ sees in NDJSON records.
 *
 *   recdump [--count|--copy|--jq|--check|--numfix] [--lines|--array|--seq]
 *           [--set KEY=JSON]... [--on-error=...] [file ...]
 *
 * --count   (default) reads every record through cli_next() (so bad
 *           records exit 65 as in every pulse program) and prints
 *           "N records".
 * --copy    re-emits each record with rec_out_emit(), applying each
 *           --set KEY=JSON (raw JSON value, not checked) in order: a
 *           record-copying stage.
 * --jq      jq's view of each record: one line per distinct top-level key,
 *           in first-appearance order, "KEY<TAB>TYPE<TAB>VALUE", the value
 *           being rec_get()'s (the last duplicate), then a "--" line.  KEY
 *           and string VALUEs are the decoded content re-escaped the way
 *           jq 1.6 prints strings; TYPE is json_type_name() ("true" and
 *           "false" for booleans); numbers are "%.17g" of json_to_double();
 *           arrays and objects are their raw bytes with the whitespace
 *           outside strings removed.
 * --check   per line (IN_LINES framing, blank lines skipped): "LINE<TAB>ok"
 *           or "LINE<TAB>bad<TAB>BYTE<TAB>MESSAGE" from rec_parse(); never
 *           fails on bad records.
 * --numfix  a filter for the other side of a --jq comparison: copies
 *           "KEY<TAB>number<TAB>TEXT" lines from stdin with TEXT rewritten
 *           as "%.17g" of strtod(TEXT), other lines unchanged.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const struct cli_info info = {
	"recdump",
	"usage: recdump [--count|--copy|--jq|--check|--numfix] "
	"[--lines|--array|--seq] [--set KEY=JSON]... [file ...]",
	"Prints what lib/ sees in NDJSON records (a test tool).\n",
};

enum mode { M_COUNT, M_COPY, M_JQ, M_CHECK, M_NUMFIX };

enum {
	OPT_COUNT = CLI_OPT_FIRST_PROGRAM,
	OPT_COPY,
	OPT_JQ,
	OPT_CHECK,
	OPT_NUMFIX,
	OPT_LINES,
	OPT_ARRAY,
	OPT_SEQ,
	OPT_SET,
};

struct set {
	char *key;
	const char *val;
};

/* Appends s[0..n) as jq 1.6 prints a string (jv_print.c). */
static void jq_str(struct buf *b, const char *s, size_t n)
{
	size_t i;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"':
			buf_adds(b, "\\\"");
			break;
		case '\\':
			buf_adds(b, "\\\\");
			break;
		case '\b':
			buf_adds(b, "\\b");
			break;
		case '\f':
			buf_adds(b, "\\f");
			break;
		case '\n':
			buf_adds(b, "\\n");
			break;
		case '\r':
			buf_adds(b, "\\r");
			break;
		case '\t':
			buf_adds(b, "\\t");
			break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_addf(b, "\\u%04x", c);
			else
				buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}

/* Appends a validated value with the whitespace outside strings removed. */
static void compact(struct buf *b, const char *p, size_t n)
{
	size_t i;
	int in_str = 0;

	for (i = 0; i < n; i++) {
		char c = p[i];
		if (in_str) {
			buf_addc(b, c);
			if (c == '\\')
				buf_addc(b, p[++i]);
			else if (c == '"')
				in_str = 0;
		} else if (c == '"') {
			in_str = 1;
			buf_addc(b, c);
		} else if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
			buf_addc(b, c);
		}
	}
}

static void jq_value(struct buf *b, struct json_span v, struct buf *tmp)
{
	double d;

	switch (v.type) {
	case JSON_STRING:
		buf_reset(tmp);
		if (json_str_decode(v, tmp) < 0)
			die(EX_SOFTWARE, "json_str_decode failed on a string");
		jq_str(b, tmp->p, tmp->len);
		break;
	case JSON_NUMBER:
		if (json_to_double(v, &d) < 0)
			die(EX_SOFTWARE, "json_to_double failed on a number");
		buf_addf(b, "%.17g", d);
		break;
	case JSON_ARRAY:
	case JSON_OBJECT:
		compact(b, v.p, v.n);
		break;
	default:
		buf_add(b, v.p, v.n);
	}
}

/* One record in --jq form. */
static void jq_view(const struct rec *r, struct buf *out)
{
	struct buf key = BUF_INIT, k2 = BUF_INIT, tmp = BUF_INIT;
	size_t i, j;

	for (i = 0; i < r->nf; i++) {
		int seen = 0;
		buf_reset(&key);
		json_str_decode(r->f[i].key, &key);
		for (j = 0; j < i && !seen; j++) {
			buf_reset(&k2);
			json_str_decode(r->f[j].key, &k2);
			seen = k2.len == key.len &&
			       memcmp(k2.p, key.p, key.len) == 0;
		}
		if (seen)
			continue;
		struct json_span v = rec_getn(r, key.p, key.len);
		jq_str(out, key.p, key.len);
		buf_addc(out, '\t');
		buf_adds(out, json_type_name(v.type));
		buf_addc(out, '\t');
		jq_value(out, v, &tmp);
		buf_addc(out, '\n');
	}
	buf_adds(out, "--\n");
	buf_release(&key);
	buf_release(&k2);
	buf_release(&tmp);
}

static int run_check(int nfiles, char **files, enum in_mode mode)
{
	struct rec r = REC_INIT;
	struct json_error e;
	struct in in;
	const char *p;
	size_t n;
	int st, i, status = 0;
	char *stdin_only[] = {"-"};

	if (nfiles == 0) {
		nfiles = 1;
		files = stdin_only;
	}
	for (i = 0; i < nfiles; i++) {
		if (in_open(&in, files[i], mode) < 0)
			die(EX_NOINPUT, "%s", in.msg);
		while ((st = in_next(&in, &p, &n)) == IN_OK) {
			if (rec_parse(&r, p, n, &e) == 0)
				printf("%llu\tok\n",
				       (unsigned long long)in.lineno);
			else
				printf("%llu\tbad\t%zu\t%s\n",
				       (unsigned long long)in.lineno, e.off + 1,
				       e.msg);
		}
		if (st != IN_EOF) {
			warn("%s", in.msg);
			status = st == IN_EIO ? EX_IOERR : EX_DATAERR;
		}
		in_close(&in);
	}
	rec_release(&r);
	if (fflush(stdout) || ferror(stdout))
		die(EX_IOERR, "cannot write the output");
	return status;
}

static int run_numfix(void)
{
	char *line = NULL, *t1, *t2, *endp;
	size_t cap = 0;
	ssize_t n;
	double d;

	while ((n = getline(&line, &cap, stdin)) > 0) {
		t1 = strchr(line, '\t');
		t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
		if (!t2 || strncmp(t1, "\tnumber\t", 8) != 0) {
			fwrite(line, 1, (size_t)n, stdout);
			continue;
		}
		errno = 0;
		d = strtod(t2 + 1, &endp);
		if (endp == t2 + 1)
			die(EX_DATAERR, "not a number: %s", t2 + 1);
		printf("%.*s%.17g\n", (int)(t2 + 1 - line), line, d);
	}
	free(line);
	if (fflush(stdout) || ferror(stdout))
		die(EX_IOERR, "cannot write the output");
	return 0;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"count", no_argument, NULL, OPT_COUNT},
		{"copy", no_argument, NULL, OPT_COPY},
		{"jq", no_argument, NULL, OPT_JQ},
		{"check", no_argument, NULL, OPT_CHECK},
		{"numfix", no_argument, NULL, OPT_NUMFIX},
		{"lines", no_argument, NULL, OPT_LINES},
		{"array", no_argument, NULL, OPT_ARRAY},
		{"seq", no_argument, NULL, OPT_SEQ},
		{"set", required_argument, NULL, OPT_SET},
		CLI_LONGOPTS,
		{NULL, 0, NULL, 0},
	};
	struct rec_out o = REC_OUT_INIT;
	struct set *sets = NULL;
	size_t nsets = 0, i;
	enum mode mode = M_COUNT;
	uint64_t count = 0;
	struct rec *r;
	struct cli c;
	char *eq;
	int opt;

	cli_init(&c, argc, argv, &info);
	while ((opt = getopt_long(argc, argv, CLI_SHORTOPTS, longopts, NULL)) !=
	       -1) {
		if (cli_opt(&c, opt, optarg))
			continue;
		switch (opt) {
		case OPT_COUNT:
			mode = M_COUNT;
			break;
		case OPT_COPY:
			mode = M_COPY;
			break;
		case OPT_JQ:
			mode = M_JQ;
			break;
		case OPT_CHECK:
			mode = M_CHECK;
			break;
		case OPT_NUMFIX:
			mode = M_NUMFIX;
			break;
		case OPT_LINES:
			c.mode = IN_LINES;
			break;
		case OPT_ARRAY:
			c.mode = IN_ARRAY;
			break;
		case OPT_SEQ:
			c.mode = IN_SEQ;
			break;
		case OPT_SET:
			eq = strchr(optarg, '=');
			if (!eq)
				cli_usage_error(&c, "--set needs KEY=JSON");
			sets = xrealloc(sets, (nsets + 1) * sizeof *sets);
			sets[nsets].key =
				xstrndup(optarg, (size_t)(eq - optarg));
			sets[nsets].val = eq + 1;
			nsets++;
			break;
		default:
			cli_usage(&c);
		}
	}
	if (mode == M_CHECK)
		return run_check(argc - optind, argv + optind, c.mode);
	if (mode == M_NUMFIX)
		return run_numfix();
	cli_start(&c, argc - optind, argv + optind);
	while (cli_next(&c, &r)) {
		count++;
		if (mode == M_COPY) {
			rec_out_reset(&o);
			for (i = 0; i < nsets; i++)
				rec_out_raw(&o, sets[i].key, sets[i].val,
					    strlen(sets[i].val));
			rec_out_emit(&o, r, cli_out(&c));
		} else if (mode == M_JQ) {
			jq_view(r, cli_out(&c));
		}
		cli_commit(&c);
	}
	if (mode == M_COUNT)
		buf_addf(cli_out(&c), "%llu records\n",
			 (unsigned long long)count);
	rec_out_release(&o);
	for (i = 0; i < nsets; i++)
		free(sets[i].key);
	free(sets);
	return cli_finish(&c);
}
