/*
 * botconf_fuzz.c - libFuzzer target for pulse-bot's configuration file
 * (filters/bot/bot_conf.c).
 *
 * The input is the file's text.  Invariants: a refused file says why
 * ("fuzz:LINE: ..." or "fuzz: ...") and leaves no buttons; an accepted one
 * has 1 to 24 buttons, each with a label of valid UTF-8 that is not empty,
 * holds no newline, does not start with '/', and differs from every other
 * label, and a metric; columns 1..8, days 1..366; written back as a
 * configuration and read again, it is the same.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../filters/bot/bot.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",       \
				__FILE__, __LINE__, #c);                       \
			abort();                                               \
		}                                                              \
	} while (0)

static void write_conf(struct buf *b, const struct bot_conf *c)
{
	size_t i;

	buf_addf(b, "lang = %s\ncolumns = %d\ndays = %d\n", c->ru ? "ru" : "en",
		 c->columns, c->days);
	for (i = 0; i < c->n; i++) {
		buf_addf(b, "button = %s\nmetric = %s\n", c->b[i].label,
			 c->b[i].metric);
		if (c->b[i].hist)
			buf_addf(b, "histogram = %s\n", c->b[i].hist);
	}
}

static void same(const struct bot_conf *a, const struct bot_conf *b)
{
	size_t i;

	CHECK(a->n == b->n && a->columns == b->columns && a->days == b->days &&
	      a->ru == b->ru);
	for (i = 0; i < a->n; i++) {
		CHECK(!strcmp(a->b[i].label, b->b[i].label));
		CHECK(!strcmp(a->b[i].metric, b->b[i].metric));
		CHECK(!a->b[i].hist == !b->b[i].hist);
		CHECK(!a->b[i].hist || !strcmp(a->b[i].hist, b->b[i].hist));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct bot_conf c, again;
	struct buf err = BUF_INIT, text = BUF_INIT;
	size_t i, j;
	int st;

	st = bot_conf_parse("fuzz", (const char *)data, size, &c, &err);
	if (st) {
		CHECK(st == EX_DATAERR);
		CHECK(err.len > 5 && !memcmp(err.p, "fuzz", 4));
		CHECK(c.n == 0 && c.b == NULL);
		buf_release(&err);
		return 0;
	}
	CHECK(c.n >= 1 && c.n <= 24);
	CHECK(c.columns >= 1 && c.columns <= 8 && c.days >= 1 && c.days <= 366);
	for (i = 0; i < c.n; i++) {
		const char *l = c.b[i].label;

		CHECK(*l && l[0] != '/' && !strchr(l, '\n'));
		CHECK(utf8_valid(l, strlen(l)) == strlen(l));
		CHECK(c.b[i].metric && *c.b[i].metric);
		for (j = 0; j < i; j++)
			CHECK(strcmp(c.b[j].label, l));
	}
	write_conf(&text, &c);
	st = bot_conf_parse("again", text.p, text.len, &again, &err);
	if (st)
		fprintf(stderr, "%s\n", err.p);
	CHECK(st == 0);
	same(&c, &again);
	bot_conf_release(&again);
	bot_conf_release(&c);
	buf_release(&text);
	buf_release(&err);
	return 0;
}
