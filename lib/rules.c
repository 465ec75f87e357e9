/* rules.c - the keyword rules file and its matchers; see rules.h. */
#include "rules.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "err.h"
#include "file.h"
#include "text.h"
#include "utf8.h"

static const char *const field_names[] = {
	[RULE_SUBJECT] = "subject", [RULE_TEXT] = "text",
	[RULE_ANY] = "any",	    [RULE_SENDER] = "sender",
	[RULE_DOMAIN] = "domain",   [RULE_EMAIL] = "email",
};

const char *rules_field_name(enum rule_field f)
{
	if ((unsigned)f < sizeof(field_names) / sizeof(field_names[0]))
		return field_names[f];
	return "?";
}

/* ---- building ------------------------------------------------------------ */

static struct rule_section *section_get(struct rules *rs, const char *name,
					size_t n)
{
	struct rule_section *sec;
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (strlen(rs->s[i].name) == n &&
		    !memcmp(rs->s[i].name, name, n))
			return &rs->s[i];
	if (rs->n == rs->cap) {
		rs->cap = rs->cap ? rs->cap * 2 : 16;
		rs->s = xrealloc(rs->s, rs->cap * sizeof(*rs->s));
	}
	sec = &rs->s[rs->n++];
	sec->name = xstrndup(name, n);
	sec->r = NULL;
	sec->n = sec->cap = 0;
	return sec;
}

static void section_add(struct rule_section *sec, enum rule_field field,
			const char *pat, size_t len)
{
	struct buf b = BUF_INIT;
	struct rule *r;

	if (sec->n == sec->cap) {
		sec->cap = sec->cap ? sec->cap * 2 : 8;
		sec->r = xrealloc(sec->r, sec->cap * sizeof(*sec->r));
	}
	text_fold(pat, len, &b);
	r = &sec->r[sec->n++];
	r->field = field;
	r->pat = buf_detach(&b, &r->len);
}

void rules_add(struct rules *rs, const char *name, enum rule_field field,
	       const char *pat, size_t len)
{
	section_add(section_get(rs, name, strlen(name)), field, pat, len);
}

const struct rule_section *rules_section(const struct rules *rs,
					 const char *name)
{
	size_t i;

	for (i = 0; i < rs->n; i++)
		if (!strcmp(rs->s[i].name, name))
			return &rs->s[i];
	return NULL;
}

void rules_release(struct rules *rs)
{
	size_t i, j;

	for (i = 0; i < rs->n; i++) {
		for (j = 0; j < rs->s[i].n; j++)
			free(rs->s[i].r[j].pat);
		free(rs->s[i].r);
		free(rs->s[i].name);
	}
	free(rs->s);
	rs->s = NULL;
	rs->n = rs->cap = 0;
	rules_note_release(rs);
}

/* ---- parsing ------------------------------------------------------------- */

static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static int name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ||
	       c == '-';
}

/* A section name: word, or "topic:" or "entity:" word. */
static int valid_section_name(const char *s, size_t n)
{
	size_t i = 0;

	if (n > 6 && !memcmp(s, "topic:", 6))
		i = 6;
	else if (n > 7 && !memcmp(s, "entity:", 7))
		i = 7;
	if (i == n)
		return 0;
	for (; i < n; i++)
		if (!name_char(s[i]))
			return 0;
	return 1;
}

static int parse_fail(struct buf *err, const char *name, size_t line,
		      const char *what, const char *s, size_t n)
{
	buf_reset(err);
	buf_addf(err, "%s:%zu: %s", name, line, what);
	if (s)
		buf_addf(err, " '%.*s'", (int)n, s);
	return -1;
}

static int parse_field(const char *s, size_t n, enum rule_field *f)
{
	size_t i;

	for (i = 0; i < sizeof(field_names) / sizeof(field_names[0]); i++)
		if (strlen(field_names[i]) == n &&
		    !memcmp(field_names[i], s, n)) {
			*f = (enum rule_field)i;
			return 0;
		}
	return -1;
}

int rules_parse(struct rules *rs, const char *text, size_t n, const char *name,
		struct buf *err)
{
	struct rule_section *sec = NULL;
	size_t pos = 0, line = 0;

	if (!name)
		name = "<rules>";
	while (pos < n) {
		const char *l = text + pos, *nl = memchr(l, '\n', n - pos);
		size_t len = nl ? (size_t)(nl - l) : n - pos, k;
		enum rule_field f;

		pos += len + (nl != NULL);
		line++;
		if (utf8_valid(l, len) != len)
			return parse_fail(err, name, line, "invalid UTF-8",
					  NULL, 0);
		l = text_trim(l, &len);
		if (!len || l[0] == '#')
			continue;
		if (l[0] == '[') {
			if (l[len - 1] != ']')
				return parse_fail(err, name, line,
						  "unterminated section", l,
						  len);
			if (!valid_section_name(l + 1, len - 2))
				return parse_fail(err, name, line,
						  "bad section name", l + 1,
						  len - 2);
			sec = section_get(rs, l + 1, len - 2);
			continue;
		}
		switch (rules_note_parse(rs, sec ? sec->name : NULL, l, len,
					 err)) {
		case 1:
			continue;
		case -1: {
			char why[256];

			snprintf(why, sizeof why, "%s", err->p);
			return parse_fail(err, name, line, why, NULL, 0);
		}
		}
		for (k = 0; k < len && !is_blank(l[k]); k++)
			;
		if (parse_field(l, k, &f))
			return parse_fail(err, name, line, "unknown field", l,
					  k);
		if (!sec)
			return parse_fail(err, name, line,
					  "rule before any [section]", NULL, 0);
		l += k;
		len -= k;
		l = text_trim(l, &len);
		if (f == RULE_DOMAIN && len && (l[0] == '@' || l[0] == '.')) {
			l++;
			len--;
		}
		if (!len)
			return parse_fail(
				err, name, line, "missing pattern after",
				field_names[f], strlen(field_names[f]));
		section_add(sec, f, l, len);
	}
	return 0;
}

size_t rules_count(const struct rules *rs)
{
	size_t i, n = 0;

	for (i = 0; i < rs->n; i++)
		n += rs->s[i].n;
	return n;
}

int rules_load(struct rules *rs, const char *path, struct buf *err)
{
	struct buf b = BUF_INIT;
	size_t before = rules_count(rs) + rs->nnote;
	int st = file_slurp("rules", path, &b, err);

	if (st == 0 && rules_parse(rs, b.p ? b.p : "", b.len, path, err) < 0)
		st = EX_DATAERR;
	if (st == 0 && rules_count(rs) + rs->nnote == before) {
		/* an empty file given by name is a mistake, not "no rules" */
		buf_reset(err);
		buf_addf(err,
			 "%s: no rules in the file (empty, or only comments)",
			 path);
		st = EX_DATAERR;
	}
	buf_release(&b);
	return st;
}

int rules_load_default(struct rules *rs, struct buf *err)
{
	const char *env = getenv("PULSE_RULES");

	if (env)
		return *env ? rules_load(rs, env, err) : 0;
	if (rules_parse(rs, rules_builtin, rules_builtin_len,
			"<built-in rules>", err) < 0)
		return EX_SOFTWARE;
	return 0;
}

/* ---- matching one section ------------------------------------------------ */

/* Whether the folded form of s[0..n) is exactly pat[0..plen). */
static int fold_eq(const char *s, size_t n, const char *pat, size_t plen)
{
	size_t i = 0, j = 0, k, olen;
	char tmp[4];

	while (i < n) {
		k = text_fold_char(s + i, n - i, tmp, &olen);
		if (j + olen > plen || memcmp(pat + j, tmp, olen))
			return 0;
		i += k;
		j += olen;
	}
	return j == plen;
}

/* The domain of an address: what follows its last '@', or NULL. */
static const char *email_domain(const char *e, size_t n, size_t *dn)
{
	const char *at = NULL, *p;

	for (p = e; p < e + n; p++)
		if (*p == '@')
			at = p;
	if (!at || at + 1 == e + n)
		return NULL;
	*dn = (size_t)(e + n - at - 1);
	return at + 1;
}

/* Whether domain d[0..n), or a parent domain of it, is pat. */
static int domain_is(const char *d, size_t n, const char *pat, size_t plen)
{
	size_t i;

	if (fold_eq(d, n, pat, plen))
		return 1;
	for (i = 0; i < n; i++)
		if (d[i] == '.' && fold_eq(d + i + 1, n - i - 1, pat, plen))
			return 1;
	return 0;
}

/* A string folded on demand, on the stack when it is short. */
struct folded {
	const char *src;
	size_t srclen;
	int done;
	struct buf heap;
	char small[1024];
	const char *p;
	size_t n;
};

static void folded_init(struct folded *f, const char *s, size_t n)
{
	f->src = s;
	f->srclen = n;
	f->done = 0;
	f->heap = (struct buf)BUF_INIT;
}

static void folded_get(struct folded *f)
{
	size_t i = 0, k, olen, o = 0;

	if (f->done)
		return;
	f->done = 1;
	if (f->srclen > sizeof(f->small)) {
		text_fold(f->src, f->srclen, &f->heap);
		f->p = f->heap.p;
		f->n = f->heap.len;
		return;
	}
	while (i < f->srclen) {
		k = text_fold_char(f->src + i, f->srclen - i, f->small + o,
				   &olen);
		i += k;
		o += olen;
	}
	f->p = f->small;
	f->n = o;
}

static int folded_has(struct folded *f, const struct rule *r)
{
	if (!f->src)
		return 0;
	folded_get(f);
	return r->len == 0 || text_find(f->p, f->n, r->pat, r->len);
}

const struct rule *rules_match(const struct rule_section *sec,
			       const char *subject, size_t slen,
			       const char *text, size_t tlen, const char *email,
			       size_t elen)
{
	struct folded fs, ft, fe;
	const struct rule *hit = NULL;
	const char *dom = NULL;
	size_t dn = 0, i;

	if (!sec)
		return NULL;
	folded_init(&fs, subject, slen);
	folded_init(&ft, text, tlen);
	folded_init(&fe, email, elen);
	if (email)
		dom = email_domain(email, elen, &dn);
	for (i = 0; i < sec->n && !hit; i++) {
		const struct rule *r = &sec->r[i];
		int m = 0;

		switch (r->field) {
		case RULE_SUBJECT:
			m = folded_has(&fs, r);
			break;
		case RULE_TEXT:
			m = folded_has(&ft, r);
			break;
		case RULE_ANY:
			m = folded_has(&fs, r) || folded_has(&ft, r);
			break;
		case RULE_SENDER:
			m = folded_has(&fe, r);
			break;
		case RULE_DOMAIN:
			m = dom && domain_is(dom, dn, r->pat, r->len);
			break;
		case RULE_EMAIL:
			m = email && fold_eq(email, elen, r->pat, r->len);
			break;
		}
		if (m)
			hit = r;
	}
	buf_release(&fs.heap);
	buf_release(&ft.heap);
	buf_release(&fe.heap);
	return hit;
}

/* ---- the compiled matcher ------------------------------------------------ */

/*
 * Streams: the subject, the text and the sender are scanned by the same
 * automaton; a rule's field says in which streams its pattern counts.
 */
enum { ST_SUBJECT, ST_TEXT, ST_SENDER, NSTREAMS };

#define HIT 0x80000000u

struct pat {
	unsigned sec, idx; /* section, rule index in it */
	unsigned streams;  /* (1 << ST_*) */
	int next;	   /* next pattern ending at the same state, or -1 */
};

struct whole { /* a domain or email rule */
	unsigned sec, idx;
	const struct rule *r;
};

struct rules_matcher {
	unsigned char cls[256]; /* byte -> class; ASCII capitals as small */
	unsigned ncls;
	uint32_t *delta; /* [state * ncls + class] = row of next | HIT */
	size_t nstates;
	uint64_t (*mask)[NSTREAMS]; /* per state: sections that match */
	int *out;	/* per state: first pattern ending here, or -1 */
	uint32_t *dict; /* per state: row of the nearest state on the
			   fail chain with patterns, or UINT32_MAX */
	struct pat *pats;
	size_t npats;
	struct whole *wh;
	size_t nwh;
	uint64_t root_mask[NSTREAMS]; /* empty patterns */
};

static unsigned field_streams(enum rule_field f)
{
	switch (f) {
	case RULE_SUBJECT:
		return 1u << ST_SUBJECT;
	case RULE_TEXT:
		return 1u << ST_TEXT;
	case RULE_ANY:
		return (1u << ST_SUBJECT) | (1u << ST_TEXT);
	case RULE_SENDER:
		return 1u << ST_SENDER;
	default:
		return 0;
	}
}

/* The trie under construction: goto[state * 256 + byte], 0 = none. */
struct trie {
	uint32_t *go;
	size_t n, cap;
};

static uint32_t trie_new_state(struct trie *t)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->go = xrealloc(t->go, t->cap * 256 * sizeof(*t->go));
	}
	memset(t->go + t->n * 256, 0, 256 * sizeof(*t->go));
	return (uint32_t)t->n++;
}

static void build_classes(struct rules_matcher *m, const struct rules *rs)
{
	unsigned char used[256] = {0};
	size_t i, j, k;
	unsigned c;

	for (i = 0; i < rs->n; i++)
		for (j = 0; j < rs->s[i].n; j++)
			if (field_streams(rs->s[i].r[j].field))
				for (k = 0; k < rs->s[i].r[j].len; k++)
					used[(unsigned char)rs->s[i]
						     .r[j]
						     .pat[k]] = 1;
	m->ncls = 1;
	memset(m->cls, 0, sizeof(m->cls));
	for (c = 0; c < 256; c++)
		if (used[c] && !(c >= 'A' && c <= 'Z'))
			m->cls[c] = (unsigned char)m->ncls++;
	for (c = 'A'; c <= 'Z'; c++)
		m->cls[c] = m->cls[c + 0x20];
}

struct rules_matcher *rules_matcher_new(const struct rules *rs, struct buf *err)
{
	struct rules_matcher *m;
	struct trie t = {NULL, 0, 0};
	uint32_t *fail, *queue, s, u;
	size_t i, j, k, qh = 0, qt = 0, npat = 0, nwh = 0;
	unsigned c;

	if (rs->n > RULES_MAX_SECTIONS) {
		buf_reset(err);
		buf_addf(err, "too many rule sections (%zu, at most %d)", rs->n,
			 RULES_MAX_SECTIONS);
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	build_classes(m, rs);
	for (i = 0; i < rs->n; i++)
		for (j = 0; j < rs->s[i].n; j++) {
			if (field_streams(rs->s[i].r[j].field))
				npat++;
			else
				nwh++;
		}
	m->pats = xcalloc(npat ? npat : 1, sizeof(*m->pats));
	m->wh = xcalloc(nwh ? nwh : 1, sizeof(*m->wh));

	/* the trie over folded bytes */
	trie_new_state(&t);
	{
		int *own = NULL;
		size_t owncap = 0;

		for (i = 0; i < rs->n; i++)
			for (j = 0; j < rs->s[i].n; j++) {
				const struct rule *r = &rs->s[i].r[j];
				unsigned st = field_streams(r->field);
				struct pat *p;

				if (!st) {
					m->wh[m->nwh].sec = (unsigned)i;
					m->wh[m->nwh].idx = (unsigned)j;
					m->wh[m->nwh++].r = r;
					continue;
				}
				s = 0;
				for (k = 0; k < r->len; k++) {
					unsigned char b =
						(unsigned char)r->pat[k];

					if (!t.go[s * 256 + b]) {
						u = trie_new_state(&t);
						t.go[s * 256 + b] = u;
					}
					s = t.go[s * 256 + b];
				}
				if (t.n > owncap) {
					size_t old = owncap;

					owncap = t.cap;
					own = xrealloc(own,
						       owncap * sizeof(*own));
					for (; old < owncap; old++)
						own[old] = -1;
				}
				p = &m->pats[m->npats];
				p->sec = (unsigned)i;
				p->idx = (unsigned)j;
				p->streams = st;
				/* keep each state's list in rule order */
				p->next = -1;
				if (own[s] < 0) {
					own[s] = (int)m->npats;
				} else {
					int q = own[s];

					while (m->pats[q].next >= 0)
						q = m->pats[q].next;
					m->pats[q].next = (int)m->npats;
				}
				m->npats++;
			}
		m->nstates = t.n;
		m->out = xmalloc(t.n * sizeof(*m->out));
		for (i = 0; i < t.n; i++)
			m->out[i] = i < owncap ? own[i] : -1;
		free(own);
	}

	/* fail links in breadth-first order, then the full DFA */
	fail = xcalloc(m->nstates, sizeof(*fail));
	queue = xmalloc(m->nstates * sizeof(*queue));
	m->mask = xcalloc(m->nstates, sizeof(*m->mask));
	m->dict = xmalloc(m->nstates * sizeof(*m->dict));
	for (i = 0; i < m->nstates; i++)
		m->dict[i] = UINT32_MAX;
	for (c = 0; c < 256; c++)
		if (t.go[c]) {
			fail[t.go[c]] = 0;
			queue[qt++] = t.go[c];
		}
	while (qh < qt) {
		s = queue[qh++];
		for (c = 0; c < 256; c++) {
			u = t.go[s * 256 + c];
			if (!u)
				continue;
			fail[u] = t.go[fail[s] * 256 + c];
			queue[qt++] = u;
		}
		/* complete s's row: missing edges follow the fail link */
		for (c = 0; c < 256; c++)
			if (!t.go[s * 256 + c])
				t.go[s * 256 + c] = t.go[fail[s] * 256 + c];
	}
	/* masks: own patterns plus the fail chain's, root first */
	{
		int q;

		for (q = m->out[0]; q >= 0; q = m->pats[q].next)
			for (k = 0; k < NSTREAMS; k++)
				if (m->pats[q].streams & (1u << k))
					m->root_mask[k] |= 1ull
							   << m->pats[q].sec;
		for (i = 0; i < qt; i++) {
			s = queue[i];
			for (k = 0; k < NSTREAMS; k++)
				m->mask[s][k] = m->mask[fail[s]][k];
			if (m->out[fail[s]] >= 0)
				m->dict[s] = fail[s];
			else
				m->dict[s] = m->dict[fail[s]];
			for (q = m->out[s]; q >= 0; q = m->pats[q].next)
				for (k = 0; k < NSTREAMS; k++)
					if (m->pats[q].streams & (1u << k))
						m->mask[s][k] |=
							1ull << m->pats[q].sec;
		}
		/* the root's own (empty) patterns are handled at the start */
		for (k = 0; k < NSTREAMS; k++)
			m->mask[0][k] = 0;
		for (i = 0; i < m->nstates; i++)
			if (m->dict[i] == 0)
				m->dict[i] = UINT32_MAX;
	}
	/* the class-compressed table, rows pre-multiplied, HIT flagged */
	m->delta = xmalloc(m->nstates * m->ncls * sizeof(*m->delta));
	for (i = 0; i < m->nstates; i++) {
		for (c = 0; c < 256; c++) {
			unsigned cl = m->cls[c];

			if (c >= 'A' && c <= 'Z')
				continue;
			u = t.go[i * 256 + c];
			m->delta[i * m->ncls + cl] =
				(uint32_t)(u * m->ncls) |
				((m->mask[u][0] | m->mask[u][1] | m->mask[u][2])
					 ? HIT
					 : 0);
		}
	}
	free(fail);
	free(queue);
	free(t.go);
	if (m->nstates * m->ncls >= HIT) {
		buf_reset(err);
		buf_addf(err,
			 "rules too large for the matcher (%zu states of %zu "
			 "byte classes)",
			 (size_t)m->nstates, (size_t)m->ncls);
		rules_matcher_free(m);
		return NULL;
	}
	return m;
}

void rules_matcher_free(struct rules_matcher *m)
{
	if (!m)
		return;
	free(m->delta);
	free(m->mask);
	free(m->out);
	free(m->dict);
	free(m->pats);
	free(m->wh);
	free(m);
}

static void note_first(const struct rules_matcher *m, uint32_t st,
		       unsigned stream, uint64_t want, unsigned *first)
{
	uint32_t s = st;

	while (s != UINT32_MAX) {
		int q;

		for (q = m->out[s]; q >= 0; q = m->pats[q].next) {
			const struct pat *p = &m->pats[q];

			if ((p->streams & (1u << stream)) &&
			    (want & (1ull << p->sec)) &&
			    (!first[p->sec] || p->idx + 1 < first[p->sec]))
				first[p->sec] = p->idx + 1;
		}
		s = m->dict[s];
	}
}

static inline void on_hit(const struct rules_matcher *m, uint32_t row,
			  unsigned stream, uint64_t want, unsigned *first,
			  uint64_t *acc)
{
	uint32_t st = row / m->ncls;
	uint64_t mk = m->mask[st][stream];

	*acc |= mk;
	if (want & mk)
		note_first(m, st, stream, want, first);
}

static uint64_t scan(const struct rules_matcher *m, const char *s, size_t n,
		     unsigned stream, uint64_t want, unsigned *first)
{
	const uint32_t *delta = m->delta;
	const unsigned char *cls = m->cls;
	const unsigned char *p = (const unsigned char *)s;
	uint64_t acc = m->root_mask[stream];
	uint32_t row = 0, t;
	size_t i = 0, k, olen, j;
	char tmp[4];

	if (want & m->root_mask[stream])
		note_first(m, 0, stream, want, first);
	while (i < n) {
		if (p[i] < 0x80) {
			t = delta[row + cls[p[i++]]];
			row = t & ~HIT;
			if (t & HIT)
				on_hit(m, row, stream, want, first, &acc);
			continue;
		}
		k = text_fold_char(s + i, n - i, tmp, &olen);
		i += k;
		for (j = 0; j < olen; j++) {
			t = delta[row + cls[(unsigned char)tmp[j]]];
			row = t & ~HIT;
			if (t & HIT)
				on_hit(m, row, stream, want, first, &acc);
		}
	}
	return acc;
}

uint64_t rules_matcher_run(const struct rules_matcher *m, const char *subject,
			   size_t slen, const char *text, size_t tlen,
			   const char *email, size_t elen, uint64_t want,
			   unsigned *first)
{
	uint64_t acc = 0;
	size_t i, dn = 0, k, olen, fn = 0;
	const char *dom = NULL;
	char small[256];
	int folded = 0;

	for (i = 0; want && i < RULES_MAX_SECTIONS; i++)
		if (want & (1ull << i))
			first[i] = 0;
	if (subject)
		acc |= scan(m, subject, slen, ST_SUBJECT, want, first);
	if (text)
		acc |= scan(m, text, tlen, ST_TEXT, want, first);
	if (!email)
		return acc;
	acc |= scan(m, email, elen, ST_SENDER, want, first);
	if (!m->nwh)
		return acc;
	/*
	 * The address folded once, when it is of a usual length: then a rule
	 * is one comparison (a domain rule with the domain, or with its end
	 * after a dot), not a fold of the address per rule and per dot.
	 */
	if (elen <= sizeof small) {
		for (i = 0; i < elen; i += k) {
			k = text_fold_char(email + i, elen - i, small + fn,
					   &olen);
			fn += olen;
		}
		email = small;
		elen = fn;
		folded = 1;
	}
	dom = email_domain(email, elen, &dn);
	for (i = 0; i < m->nwh; i++) {
		const struct whole *w = &m->wh[i];
		const char *pat = w->r->pat;
		size_t plen = w->r->len;
		int hit;

		if (!folded && w->r->field == RULE_DOMAIN)
			hit = dom && domain_is(dom, dn, pat, plen);
		else if (!folded)
			hit = fold_eq(email, elen, pat, plen);
		else if (w->r->field == RULE_DOMAIN)
			hit = dom && dn >= plen &&
			      (dn == plen || dom[dn - plen - 1] == '.') &&
			      memcmp(dom + dn - plen, pat, plen) == 0;
		else
			hit = elen == plen && memcmp(email, pat, plen) == 0;
		if (!hit)
			continue;
		acc |= 1ull << w->sec;
		if ((want & (1ull << w->sec)) &&
		    (!first[w->sec] || w->idx + 1 < first[w->sec]))
			first[w->sec] = w->idx + 1;
	}
	return acc;
}
