/*
 * rules_fuzz.c - libFuzzer target for the rules file (lib/rules.c).
 *
 * The input is a rules file (a byte order mark, "\r\n", anything): it is
 * parsed, and when it parses, compiled, and the compiled matcher must
 * agree with rules_match() section by section on messages made of the
 * input's own lines (the first as the subject, the second as the sender,
 * the rest as the text) and of every rule's own pattern.  A file that
 * does not parse says where (its name and a line).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define CHECK(c)                                                               \
	do {                                                                   \
		if (!(c)) {                                                    \
			fprintf(stderr, "%s:%d: invariant broken: %s\n",       \
				__FILE__, __LINE__, #c);                       \
			abort();                                               \
		}                                                              \
	} while (0)

static void agree(const struct rules *rs, const struct rules_matcher *m,
		  const char *s, size_t sl, const char *t, size_t tl,
		  const char *e, size_t el)
{
	unsigned first[RULES_MAX_SECTIONS];
	uint64_t want = rs->n >= 64 ? ~0ULL : (1ULL << rs->n) - 1;
	uint64_t hit = rules_matcher_run(m, s, sl, t, tl, e, el, want, first);
	size_t i;

	for (i = 0; i < rs->n; i++) {
		const struct rule *r =
			rules_match(&rs->s[i], s, sl, t, tl, e, el);

		CHECK(!!(hit >> i & 1) == (r != NULL));
		CHECK(first[i] == (r ? (unsigned)(r - rs->s[i].r) + 1 : 0));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rules rs = RULES_INIT;
	struct buf err = BUF_INIT;
	struct rules_matcher *m;
	const char *p = (const char *)data, *nl1, *nl2, *end = p + size;
	size_t i, j;

	if (rules_parse(&rs, p, size, "fuzz.rules", &err) < 0) {
		CHECK(err.p && strncmp(err.p, "fuzz.rules:", 11) == 0);
		goto out;
	}
	m = rules_matcher_new(&rs, &err);
	if (!m) {
		CHECK(err.len > 0);
		goto out;
	}
	nl1 = memchr(p, '\n', size);
	nl1 = nl1 ? nl1 : end;
	nl2 = nl1 < end ? memchr(nl1 + 1, '\n', (size_t)(end - nl1 - 1)) : NULL;
	nl2 = nl2 ? nl2 : end;
	agree(&rs, m, p, (size_t)(nl1 - p), nl2, (size_t)(end - nl2),
	      nl1 < end ? nl1 + 1 : end, (size_t)(nl2 - nl1 - (nl1 < end)));
	agree(&rs, m, NULL, 0, p, size, NULL, 0);
	for (i = 0; i < rs.n && i < 4; i++)
		for (j = 0; j < rs.s[i].n && j < 8; j++) {
			const struct rule *r = &rs.s[i].r[j];

			agree(&rs, m, r->pat, r->len, r->pat, r->len, r->pat,
			      r->len);
		}
	rules_matcher_free(m);
out:
	rules_release(&rs);
	buf_release(&err);
	return 0;
}
