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
 * Sections the ticket stages read: staff, partner, spam,
 * order_confirmation, autoreply, insolvency, topic:NAME.
 */
#ifndef PULSE_RULES_H
#define PULSE_RULES_H

#include <stddef.h>

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

struct rules {
	struct rule_section *s;
	size_t n, cap;
};

#define RULES_INIT {NULL, 0, 0}

/*
 * Adds the rules of file path (or of text[0..n), named name in messages).
 * @return 0, or -1 with "file:line: reason" (or the open error) in err.
 */
int rules_load(struct rules *rs, const char *path, struct buf *err);
int rules_parse(struct rules *rs, const char *text, size_t n,
		const char *name, struct buf *err);

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
			       const char *text, size_t tlen,
			       const char *email, size_t elen);

void rules_release(struct rules *rs);

#endif
