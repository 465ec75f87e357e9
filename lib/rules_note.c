/*
 * rules_note.c - the notes of a rules file: what a report says about a
 * topic (its label, recommendation, actions and target per language) and
 * the entities a ticket may touch; see rules.h.
 */
#include "rules.h"

#include <stdlib.h>
#include <string.h>

#include "err.h"
#include "text.h"

/* Keys of [topic:NAME] sections, followed by a language. */
static const char *const topic_keys[] = {
	"label", "recommend", "today", "week", "improve", "target", NULL,
};

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int key_is(const char *l, size_t k, const char *key)
{
	return strlen(key) == k && !memcmp(l, key, k);
}

static struct rule_note *note_new(struct rules *rs, const char *sec,
				  const char *key)
{
	struct rule_note *n;

	if (rs->nnote == rs->capnote) {
		rs->capnote = rs->capnote ? rs->capnote * 2 : 32;
		rs->note = xrealloc(rs->note, rs->capnote * sizeof(*rs->note));
	}
	n = &rs->note[rs->nnote++];
	memset(n, 0, sizeof(*n));
	n->section = xstrdup(sec);
	n->key = xstrdup(key);
	return n;
}

/* The lines of the [targets] section, and what each value may be. */
static const struct {
	const char *key;
	int hours; /* else a count */
} target_keys[] = {
	{"first_response_median", 1},
	{"first_response_p90", 1},
	{"unanswered", 0},
	{"sla_breached", 0},
};

#define TARGET_MAX_HOURS 8760	 /* a year */
#define TARGET_MAX_COUNT 1000000 /* tickets */

/*
 * "KEY VALUE" of the [targets] section: hours, a number above 0 (digits,
 * a '.' and digits), or a count, a whole number; nothing else.
 */
static int parse_target(struct rules *rs, const char *l, size_t n,
			struct buf *why)
{
	size_t k, a, i, t, dots = 0, digits = 0;
	struct rule_note *note;
	double v;
	char num[32];

	for (k = 0; k < n && !is_blank(l[k]); k++)
		;
	for (t = 0; t < sizeof target_keys / sizeof target_keys[0]; t++)
		if (key_is(l, k, target_keys[t].key))
			break;
	buf_reset(why);
	if (t == sizeof target_keys / sizeof target_keys[0]) {
		buf_addf(why,
			 "unknown target '%.*s' (first_response_median, "
			 "first_response_p90, unanswered, sla_breached)",
			 (int)(k > 60 ? 60 : k), l);
		return -1;
	}
	for (a = k; a < n && is_blank(l[a]); a++)
		;
	for (i = a; i < n; i++) {
		if (l[i] == '.' && target_keys[t].hours)
			dots++;
		else if (l[i] >= '0' && l[i] <= '9')
			digits++;
		else
			break;
	}
	v = 0;
	if (i == n && digits && dots <= 1 && l[a] != '.' && l[n - 1] != '.' &&
	    n - a < sizeof num) {
		memcpy(num, l + a, n - a);
		num[n - a] = '\0';
		v = strtod(num, NULL);
	}
	if (target_keys[t].hours ? !(v > 0 && v <= TARGET_MAX_HOURS)
				 : !(i == n && digits && n - a < sizeof num &&
				     v <= TARGET_MAX_COUNT)) {
		if (target_keys[t].hours)
			buf_addf(why,
				 "target %s needs hours, a number above 0 "
				 "and at most %d (got '%.*s')",
				 target_keys[t].key, TARGET_MAX_HOURS,
				 (int)(n - a > 40 ? 40 : n - a), l + a);
		else
			buf_addf(why,
				 "target %s needs a count, a whole number "
				 "from 0 to %d (got '%.*s')",
				 target_keys[t].key, TARGET_MAX_COUNT,
				 (int)(n - a > 40 ? 40 : n - a), l + a);
		return -1;
	}
	note = note_new(rs, "targets", target_keys[t].key);
	note->text = xstrndup(l + a, n - a);
	note->tlen = n - a;
	return 1;
}

int rules_target(const struct rules *rs, const char *key, double *v)
{
	size_t i = rs->nnote;

	while (i--) {
		const struct rule_note *n = &rs->note[i];

		if (!strcmp(n->section, "targets") && !strcmp(n->key, key)) {
			*v = strtod(n->text, NULL);
			return 1;
		}
	}
	return 0;
}

/* "match PATTERN [= NAME]" of an [entity:KIND] section. */
static int parse_match(struct rules *rs, const char *sec, const char *l,
		       size_t n, struct buf *why)
{
	const char *eq = NULL, *pat = l, *name;
	size_t i, plen = n, nlen = 0;
	struct rule_note *note;
	struct buf b = BUF_INIT;

	for (i = 0; i + 1 < n; i++)
		if (is_blank(l[i]) && l[i + 1] == '=' &&
		    (i + 2 == n || is_blank(l[i + 2])))
			eq = l + i;
	if (eq) {
		plen = (size_t)(eq - l);
		name = eq + 2;
		nlen = n - plen - 2;
		pat = text_trim(pat, &plen);
		name = text_trim(name, &nlen);
	} else {
		name = pat;
		nlen = plen;
	}
	if (!plen || (eq && !nlen)) {
		buf_reset(why);
		buf_adds(why, eq ? "missing name after '='"
				 : "missing pattern after match");
		return -1;
	}
	note = note_new(rs, sec, "match");
	text_fold(pat, plen, &b);
	note->text = buf_detach(&b, &note->tlen);
	if (eq || !memchr(pat, '#', plen))
		note->name = xstrndup(name, nlen);
	return 1;
}

int rules_note_parse(struct rules *rs, const char *sec, const char *l, size_t n,
		     struct buf *why)
{
	size_t k, a, i;
	int topic = sec && !strncmp(sec, "topic:", 6);
	int entity = sec && !strncmp(sec, "entity:", 7);
	const char *key = NULL;
	struct rule_note *note;

	if (sec && !strcmp(sec, "targets"))
		return parse_target(rs, l, n, why);
	for (k = 0; k < n && !is_blank(l[k]); k++)
		;
	if (key_is(l, k, "match")) {
		key = "match";
	} else {
		for (i = 0; topic_keys[i]; i++)
			if (key_is(l, k, topic_keys[i]))
				key = topic_keys[i];
	}
	if (!key)
		return 0;
	buf_reset(why);
	if (!strcmp(key, "match")
		    ? !entity
		    : !topic && !(entity && !strcmp(key, "label"))) {
		buf_addf(why, "'%s' outside %s section", key,
			 !strcmp(key, "match") ? "an [entity:KIND]"
					       : "a [topic:NAME]");
		return -1;
	}
	for (a = k; a < n && is_blank(l[a]); a++)
		;
	if (!strcmp(key, "match"))
		return parse_match(rs, sec, l + a, n - a, why);
	/* a language: two or three lowercase letters */
	for (k = a; k < n && l[k] >= 'a' && l[k] <= 'z'; k++)
		;
	if (k - a < 2 || k - a > 3 || (k < n && !is_blank(l[k]))) {
		buf_addf(why, "'%s' needs a language code (en, ru) first", key);
		return -1;
	}
	for (i = k; i < n && is_blank(l[i]); i++)
		;
	if (i == n) {
		buf_addf(why, "missing text after '%s %.*s'", key, (int)(k - a),
			 l + a);
		return -1;
	}
	note = note_new(rs, sec, key);
	note->lang = xstrndup(l + a, k - a);
	note->text = xstrndup(l + i, n - i);
	note->tlen = n - i;
	return 1;
}

const char *rules_note_get(const struct rules *rs, const char *sec,
			   const char *key, const char *lang)
{
	size_t i = rs->nnote;

	while (i--) {
		const struct rule_note *n = &rs->note[i];

		if (!strcmp(n->section, sec) && !strcmp(n->key, key) &&
		    n->lang && !strcmp(n->lang, lang))
			return n->text;
	}
	return NULL;
}

void rules_note_release(struct rules *rs)
{
	size_t i;

	for (i = 0; i < rs->nnote; i++) {
		free(rs->note[i].section);
		free(rs->note[i].key);
		free(rs->note[i].lang);
		free(rs->note[i].text);
		free(rs->note[i].name);
	}
	free(rs->note);
	rs->note = NULL;
	rs->nnote = rs->capnote = 0;
}
