/*
 * rules.h - the keyword rules file of the ticket stages.
 *
 * A small line-based text format, UTF-8:
 *
 *	# a comment
 *	[spam]                    a section; names are lowercase words, and
 *	subject casino            "topic:NAME" for a topic
 *	sender  @promo-mail.      FIELD PATTERN: the pattern is the rest of the
 *	text    viagra            line, leading and trailing blanks trimmed
 *
 * Fields: subject, text (the message body), any (subject or text),
 * sender (the sender's address), domain (the sender's domain, or a parent
 * domain of it), email (the sender's whole address).  Patterns of subject,
 * text, any and sender match as case-insensitive substrings (ASCII, Latin-1
 * letters and Cyrillic folded, see text.h); domain and email compare whole,
 * case-insensitively.  Sections of the same name add up, so a user's file
 * can extend the default one (rules_load() can be called several times).
 *
 * Details: a '#' starts a comment only at the start of a line (patterns may
 * hold one); section names are [a-z0-9_-] words; a domain pattern may be
 * written "@example.com" or ".example.com"; a line that is not valid UTF-8
 * is an error.  On an error the rules before the bad line stay added.
 *
 * Sections the ticket stages read: staff, partner, spam,
 * order_confirmation, autoreply, insolvency, topic:NAME, entity:KIND,
 * targets.
 */
#ifndef PULSE_RULES_H
#define PULSE_RULES_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

enum rule_field {
	RULE_SUBJECT,
	RULE_TEXT,
	RULE_ANY,
	RULE_SENDER,
	RULE_DOMAIN,
	RULE_EMAIL,
};

struct rule {
	enum rule_field field;
	char *pat; /* folded to lower case (text_fold) */
	size_t len;
};

struct rule_section {
	char *name;
	struct rule *r;
	size_t n, cap;
};

/*
 * A note: a line of a section that is not a rule but says something about
 * it (rules_note.c).  In a [topic:NAME] section, KEY LANG TEXT with KEY one
 * of label, recommend, today, week, improve, target and LANG a language
 * code ("en", "ru"): the topic's name, its recommendation, what to do
 * today, this week and to improve the system, and its target, as a report
 * in LANG shows them.  In an [entity:KIND] section, "match PATTERN" or
 * "match PATTERN = NAME": a thing a ticket may touch (a course, a city, an
 * order number), and "label LANG TEXT" for the kind's name in a report; a
 * match is found as a whole word (case-insensitive, as rules) in
 * the customer's messages and named NAME (default: PATTERN as written); a
 * '#' in PATTERN stands for any digit and the text found is the name.
 * In the [targets] section, every line is "KEY VALUE": the targets the
 * ticket report measures against, first_response_median and
 * first_response_p90 in hours (a number above 0, at most 8760) and
 * unanswered and sla_breached as counts (a whole number, at most
 * 1000000); another key or value is an error.
 */
struct rule_note {
	char *section; /* the section's name, as rule_section.name */
	char *key;     /* label, recommend, ..., match */
	char *lang;    /* "en", ...; NULL for match */
	char *text;    /* the rest of the line, trimmed; for match the pattern
			  folded */
	size_t tlen;
	char *name; /* match: the name (NULL: a '#' pattern, the text found) */
};

struct rules {
	struct rule_section *s;
	size_t n, cap;
	struct rule_note *note;
	size_t nnote, capnote;
};

#define RULES_INIT                                                             \
	{                                                                      \
		NULL, 0, 0, NULL, 0, 0                                         \
	}

/*
 * rules_note.c: takes line l[0..n) of section sec (NULL before any) when it
 * is a note.  @return 1 when taken, 0 when it is not a note, -1 with the
 * reason in why (a bad note: no language or text, a key outside its kind
 * of section).
 */
int rules_note_parse(struct rules *rs, const char *sec, const char *l, size_t n,
		     struct buf *why);

/* The text of note key in lang of section sec, or NULL (the last given). */
const char *rules_note_get(const struct rules *rs, const char *sec,
			   const char *key, const char *lang);

void rules_note_release(struct rules *rs);

/*
 * The target key of the [targets] section into *v (the last given).
 * @return 1, or 0 when the rules set none.
 */
int rules_target(const struct rules *rs, const char *key, double *v);

/*
 * Adds the rules of text[0..n), named name in messages.  @return 0, or -1
 * with "name:line: reason" in err.
 */
int rules_parse(struct rules *rs, const char *text, size_t n, const char *name,
		struct buf *err);

/*
 * Adds the rules of the file at path (a byte order mark and "\r\n" line
 * ends are fine).  @return 0, or an exit status with the reason in err:
 * EX_NOINPUT when the file cannot be read, EX_DATAERR when it is not a
 * rules file.
 */
int rules_load(struct rules *rs, const char *path, struct buf *err);

/*
 * Adds the default rules: the file $PULSE_RULES names when that is set
 * (set and empty: none), else the built-in ones (rules_builtin).
 * @return 0, or an exit status with the reason in err, as rules_load().
 */
int rules_load_default(struct rules *rs, struct buf *err);

/* How many rules rs holds, in all its sections. */
size_t rules_count(const struct rules *rs);

/* The section called name, or NULL. */
const struct rule_section *rules_section(const struct rules *rs,
					 const char *name);

/* Adds one rule to section name (created when absent); pat is copied. */
void rules_add(struct rules *rs, const char *name, enum rule_field field,
	       const char *pat, size_t len);

/*
 * The first rule of section sec that matches a message, or NULL.  Any of
 * the strings may be NULL (absent).  subject and text need not be folded.
 */
const struct rule *rules_match(const struct rule_section *sec,
			       const char *subject, size_t slen,
			       const char *text, size_t tlen, const char *email,
			       size_t elen);

void rules_release(struct rules *rs);

/*
 * The default rules built into pulse: samples/rules/tickets.rules as it
 * was at build time (generated into the library by the Makefile), so an
 * uninstalled build behaves like an installed one.
 */
extern const char rules_builtin[];
extern const size_t rules_builtin_len;

/*
 * A compiled matcher: the rules of every section in one automaton (a DFA
 * over folded bytes, Aho-Corasick), so one pass over a message's subject,
 * text and sender answers for all sections at once, with no allocation.
 * It gives the same answers as rules_match() section by section.  The
 * rules must outlive the matcher and not change while it is in use.
 */
#define RULES_MAX_SECTIONS 64

struct rules_matcher;

/*
 * Compiles rs.  @return the matcher, or NULL with the reason in err (more
 * than RULES_MAX_SECTIONS sections, or an automaton of over 2^31 cells).
 */
struct rules_matcher *rules_matcher_new(const struct rules *rs,
					struct buf *err);
void rules_matcher_free(struct rules_matcher *m);

/*
 * Matches one message (any string may be NULL: absent).  @return the set
 * of sections with a matching rule: bit i for rs->s[i].  For each section
 * i in want, first[i] is set to 1 + the index in rs->s[i].r of the first
 * rule that matches (the one rules_match() returns), or to 0; first may be
 * NULL when want is 0.
 */
uint64_t rules_matcher_run(const struct rules_matcher *m, const char *subject,
			   size_t slen, const char *text, size_t tlen,
			   const char *email, size_t elen, uint64_t want,
			   unsigned *first);

/* The name of a field as the rules file writes it ("subject", ...). */
const char *rules_field_name(enum rule_field f);

#endif
