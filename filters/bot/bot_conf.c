/*
 * bot_conf.c - pulse-bot's configuration file: the reply keyboard's
 * buttons and what each answers; see bot.h and pulse-bot(1).
 *
 *	# a comment
 *	lang = ru
 *	columns = 3
 *	days = 28
 *	button = Первая линия
 *	metric = intro_lessons_by_first_line
 *	histogram = Назначение задачи на звонок 1Л
 *
 * A "metric" and a "histogram" line belong to the button above them.
 */
#include "bot.h"

#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "utf8.h"

static const char default_conf[] =
	"lang = ru\n"
	"button = Первая линия\n"
	"metric = intro_lessons_by_first_line\n"
	"histogram = Назначение задачи на звонок 1Л\n"
	"button = Методисты\n"
	"metric = payments_without_second_line\n"
	"button = Вторая линия\n"
	"metric = payments_with_second_line\n"
	"histogram = Назначена задача на вторую линию\n";

void bot_conf_release(struct bot_conf *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->b[i].label);
		free(c->b[i].metric);
		free(c->b[i].hist);
	}
	free(c->b);
	memset(c, 0, sizeof *c);
}

static int bad(struct buf *err, const char *name, size_t line, const char *what)
{
	buf_reset(err);
	buf_addf(err, "%s:%zu: %s", name, line, what);
	return EX_DATAERR;
}

static char *trim(char *s)
{
	char *e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

/* A small positive integer. */
static int num(const char *v, int max)
{
	char *end;
	long n = strtol(v, &end, 10);

	if (end == v || *end || n < 1 || n > max)
		return -1;
	return (int)n;
}

static int set_line(struct bot_conf *c, const char *name, size_t ln,
		    const char *k, char *v, struct buf *err)
{
	struct bot_button *b = c->n ? &c->b[c->n - 1] : NULL;

	if (!*v)
		return bad(err, name, ln, "a setting without a value");
	if (!strcmp(k, "lang")) {
		if (strcmp(v, "ru") && strcmp(v, "en"))
			return bad(err, name, ln, "lang must be ru or en");
		c->ru = !strcmp(v, "ru");
	} else if (!strcmp(k, "columns")) {
		if ((c->columns = num(v, 8)) < 0)
			return bad(err, name, ln,
				   "columns must be a number from 1 to 8");
	} else if (!strcmp(k, "days")) {
		if ((c->days = num(v, 366)) < 0)
			return bad(err, name, ln,
				   "days must be a number from 1 to 366");
	} else if (!strcmp(k, "button")) {
		size_t i;
		if (utf8_valid(v, strlen(v)) != strlen(v) || strlen(v) > 120)
			return bad(err, name, ln,
				   "a button's text must be UTF-8 of at most "
				   "120 bytes");
		if (v[0] == '/')
			return bad(err, name, ln,
				   "a button's text may not start with '/' "
				   "(commands do)");
		for (i = 0; i < c->n; i++)
			if (!strcmp(c->b[i].label, v))
				return bad(err, name, ln,
					   "a second button of the same text");
		if (c->n >= 24)
			return bad(err, name, ln, "more than 24 buttons");
		c->b = xrealloc(c->b, (c->n + 1) * sizeof *c->b);
		memset(&c->b[c->n], 0, sizeof *c->b);
		c->b[c->n++].label = xstrdup(v);
	} else if (!strcmp(k, "metric") || !strcmp(k, "histogram")) {
		char **slot;
		if (!b)
			return bad(err, name, ln,
				   "a metric or histogram before any button");
		if (utf8_valid(v, strlen(v)) != strlen(v))
			return bad(err, name, ln, "not UTF-8");
		slot = !strcmp(k, "metric") ? &b->metric : &b->hist;
		if (*slot)
			return bad(
				err, name, ln,
				!strcmp(k, "metric")
					? "a second metric for the button"
					: "a second histogram for the button");
		*slot = xstrdup(v);
	} else {
		buf_reset(err);
		buf_addf(err,
			 "%s:%zu: unknown setting (lang, columns, days, "
			 "button, metric, histogram)",
			 name, ln);
		return EX_DATAERR;
	}
	return 0;
}

int bot_conf_parse(const char *name, const char *p, size_t n,
		   struct bot_conf *c, struct buf *err)
{
	size_t ln = 0, i;
	const char *end = p + n;
	char *line = NULL;
	int st = 0;

	memset(c, 0, sizeof *c);
	c->columns = 3;
	c->days = 28;
	c->ru = 1;
	if (memchr(p, '\0', n)) {
		const char *z = memchr(p, '\0', n), *q;
		for (q = p, ln = 1; q < z; q++)
			ln += *q == '\n';
		return bad(err, name, ln, "a NUL byte: not a text file");
	}
	p += file_bom(p, n);
	while (p < end && !st) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *s, *eq;
		ln++;
		line = xrealloc(line, len + 1);
		memcpy(line, p, len);
		line[len] = '\0';
		p = nl ? nl + 1 : end;
		s = trim(line);
		if (!*s || *s == '#')
			continue;
		eq = strchr(s, '=');
		if (!eq) {
			st = bad(err, name, ln, "not a 'setting = value' line");
			break;
		}
		*eq = '\0';
		st = set_line(c, name, ln, trim(s), trim(eq + 1), err);
	}
	free(line);
	if (!st && !c->n)
		st = bad(err, name, ln ? ln : 1, "no button");
	for (i = 0; !st && i < c->n; i++)
		if (!c->b[i].metric) {
			buf_reset(err);
			buf_addf(err, "%s: the button '%s' has no metric", name,
				 c->b[i].label);
			st = EX_DATAERR;
		}
	if (st)
		bot_conf_release(c);
	return st;
}

int bot_conf_load(const char *path, struct bot_conf *c, struct buf *err)
{
	struct buf b = BUF_INIT;
	int st;

	if (!path)
		return bot_conf_parse("(built-in)", default_conf,
				      sizeof default_conf - 1, c, err);
	st = file_slurp("config", path, &b, err);
	if (!st)
		st = bot_conf_parse(path, b.p ? b.p : "", b.len, c, err);
	buf_release(&b);
	return st;
}
