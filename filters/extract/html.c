/*
 * html.c - mail bodies (HTML or plain text) to plain text.
 *
 * Two passes.  The first turns markup into raw lines: tags dropped, block
 * ends made line breaks, entities decoded, source whitespace collapsed as a
 * browser would (not in plain-text bodies or <pre>), and the content of
 * <script>, <style>, <head> and - when cutting quotes - <blockquote> and
 * Odoo's data-o-mail-quote elements skipped.  The second works on lines:
 * it trims them, drops the "> " ones, cuts at the first reply header
 * ("On ... wrote:", "Am ... schrieb ...:", "-----Original Message-----",
 * "Von:"/"From:" above "Gesendet:"/"Sent:") and collapses blank lines.
 * A cut that would leave nothing is undone: a message that is all quote
 * still says something.
 *
 * Invalid UTF-8 cannot arrive (the JSON layer checked it) and every byte
 * written is either copied from the input or a valid encoding, so the
 * result is valid UTF-8.
 */
#include "html.h"

#include <string.h>
#include <strings.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "utf8.h"

struct html {
	const char *s;
	size_t n;
	struct buf *o;
	int html;   /* the body has tags: source whitespace collapses */
	int cut;    /* cut quoted history */
	int pre;    /* inside <pre> */
	int quoted; /* something was cut */
};

/* find(3) is a GNU extension: this is the portable one. */
static const char *find(const char *h, size_t hn, const char *nd, size_t nn)
{
	const char *p = h, *end = h + hn;

	if (nn == 0)
		return h;
	while ((size_t)(end - p) >= nn &&
	       (p = memchr(p, nd[0], (size_t)(end - p) - nn + 1))) {
		if (memcmp(p, nd, nn) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* ---- output helpers ------------------------------------------------------ */

static char last_char(const struct buf *o)
{
	return o->len ? o->p[o->len - 1] : '\n';
}

/* A space, unless the line is empty so far or already ends in one. */
static void put_space(struct buf *o)
{
	char c = last_char(o);

	if (c != ' ' && c != '\n')
		buf_addc(o, ' ');
}

/* A line break only where a line has been started. */
static void soft_break(struct buf *o)
{
	if (last_char(o) != '\n')
		buf_addc(o, '\n');
}

static void put_utf8(struct buf *o, unsigned long cp)
{
	char u[4];

	buf_add(o, u, utf8_put(u, cp));
}

/* Whitespace from the source or from an entity: collapses in HTML. */
static void put_ws(struct html *h, char c)
{
	if (h->html && !h->pre)
		put_space(h->o);
	else
		buf_addc(h->o, c == '\r' ? '\n' : c);
}

/* ---- entities ------------------------------------------------------------ */

/* A name and its text, with their lengths (no strlen() for each entity
 * of a body and each name tried). */
#define ENTITY(name, utf8)                                                     \
	{                                                                      \
		name, utf8, sizeof name - 1, sizeof utf8 - 1                   \
	}

static const struct entity {
	const char *name;
	const char *utf8;
	unsigned char nlen, ulen;
} entities[] = {
	ENTITY("amp", "&"),
	ENTITY("lt", "<"),
	ENTITY("gt", ">"),
	ENTITY("quot", "\""),
	ENTITY("apos", "'"),
	ENTITY("nbsp", " "),
	ENTITY("auml", "\xc3\xa4"),
	ENTITY("ouml", "\xc3\xb6"),
	ENTITY("uuml", "\xc3\xbc"),
	ENTITY("Auml", "\xc3\x84"),
	ENTITY("Ouml", "\xc3\x96"),
	ENTITY("Uuml", "\xc3\x9c"),
	ENTITY("szlig", "\xc3\x9f"),
	ENTITY("euro", "\xe2\x82\xac"),
	ENTITY("eacute", "\xc3\xa9"),
	ENTITY("Eacute", "\xc3\x89"),
	ENTITY("egrave", "\xc3\xa8"),
	ENTITY("ecirc", "\xc3\xaa"),
	ENTITY("agrave", "\xc3\xa0"),
	ENTITY("aacute", "\xc3\xa1"),
	ENTITY("acirc", "\xc3\xa2"),
	ENTITY("ccedil", "\xc3\xa7"),
	ENTITY("iacute", "\xc3\xad"),
	ENTITY("oacute", "\xc3\xb3"),
	ENTITY("uacute", "\xc3\xba"),
	ENTITY("ntilde", "\xc3\xb1"),
	ENTITY("copy", "\xc2\xa9"),
	ENTITY("reg", "\xc2\xae"),
	ENTITY("trade", "\xe2\x84\xa2"),
	ENTITY("laquo", "\xc2\xab"),
	ENTITY("raquo", "\xc2\xbb"),
	ENTITY("ndash", "\xe2\x80\x93"),
	ENTITY("mdash", "\xe2\x80\x94"),
	ENTITY("hellip", "\xe2\x80\xa6"),
	ENTITY("bdquo", "\xe2\x80\x9e"),
	ENTITY("ldquo", "\xe2\x80\x9c"),
	ENTITY("rdquo", "\xe2\x80\x9d"),
	ENTITY("lsquo", "\xe2\x80\x98"),
	ENTITY("rsquo", "\xe2\x80\x99"),
	ENTITY("sbquo", "\xe2\x80\x9a"),
	ENTITY("bull", "\xe2\x80\xa2"),
	ENTITY("middot", "\xc2\xb7"),
	ENTITY("deg", "\xc2\xb0"),
	ENTITY("sect", "\xc2\xa7"),
	ENTITY("para", "\xc2\xb6"),
	ENTITY("times", "\xc3\x97"),
	ENTITY("plusmn", "\xc2\xb1"),
	ENTITY("micro", "\xc2\xb5"),
	ENTITY("pound", "\xc2\xa3"),
	ENTITY("cent", "\xc2\xa2"),
	ENTITY("yen", "\xc2\xa5"),
	ENTITY("frac12", "\xc2\xbd"),
	ENTITY("iexcl", "\xc2\xa1"),
	ENTITY("iquest", "\xc2\xbf"),
	ENTITY("ensp", " "),
	ENTITY("emsp", " "),
	ENTITY("thinsp", " "),
	ENTITY("shy", ""),
	ENTITY("zwnj", ""),
	ENTITY("zwj", ""),
	ENTITY("lrm", ""),
	ENTITY("rlm", ""),
};

/* HTML5: &#128;..&#159; name the Windows-1252 characters (0 = keep). */
static const unsigned short cp1252[32] = {
	0x20AC, 0,	0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,	0x017D, 0,
	0,	0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,	0x017E, 0x0178,
};

static int is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static int hexval(char c)
{
	if (is_digit(c))
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static void put_codepoint(struct html *h, unsigned long cp)
{
	if (cp >= 0x80 && cp <= 0x9F && cp1252[cp - 0x80])
		cp = cp1252[cp - 0x80];
	if (cp == '\t' || cp == '\n' || cp == '\r' || cp == ' ') {
		put_ws(h, (char)cp);
		return;
	}
	if (cp == 0 || cp < 0x20 || cp == 0x7F ||
	    (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp == 0xA0)
		cp = ' ';
	put_utf8(h->o, cp);
}

/*
 * Decodes the entity at s[i] ('&').  @return the bytes it takes, or 0 when
 * it is not one (the '&' is then literal).
 */
static size_t entity(struct html *h, size_t i)
{
	const char *s = h->s;
	size_t n = h->n, j = i + 1, k;
	unsigned long cp = 0;
	int d, any = 0;

	if (j < n && s[j] == '#') {
		j++;
		if (j < n && (s[j] == 'x' || s[j] == 'X')) {
			for (j++; j < n && (d = hexval(s[j])) >= 0;
			     j++, any = 1)
				if (cp <= 0x10FFFF)
					cp = cp * 16 + (unsigned long)d;
		} else {
			for (; j < n && is_digit(s[j]); j++, any = 1)
				if (cp <= 0x10FFFF)
					cp = cp * 10 +
					     (unsigned long)(s[j] - '0');
		}
		if (!any || j >= n || s[j] != ';')
			return 0;
		put_codepoint(h, cp);
		return j + 1 - i;
	}
	for (; j < n && j - i <= 8 && (is_alpha(s[j]) || is_digit(s[j])); j++)
		;
	if (j >= n || s[j] != ';' || j == i + 1)
		return 0;
	for (k = 0; k < sizeof entities / sizeof entities[0]; k++) {
		const char *nm = entities[k].name;

		if (entities[k].nlen == j - i - 1 && nm[0] == s[i + 1] &&
		    memcmp(nm, s + i + 1, j - i - 1) == 0) {
			buf_add(h->o, entities[k].utf8, entities[k].ulen);
			return j + 1 - i;
		}
	}
	return 0;
}

/* ---- tags ---------------------------------------------------------------- */

enum tag_kind { TAG_OPEN, TAG_CLOSE, TAG_COMMENT };

struct tag {
	enum tag_kind kind;
	const char *name; /* not lower-cased */
	size_t nlen;
	const char *attr; /* what lies between the name and '>' */
	size_t alen;
	int selfclose;
	size_t end; /* index just past the tag */
};

static int is_name_char(char c)
{
	return is_alpha(c) || is_digit(c) || c == '-' || c == ':' || c == '_' ||
	       c == '.';
}

/* Parses the markup at s[i] ('<').  @return 1, or 0 when it is text. */
static int parse_tag(const char *s, size_t n, size_t i, struct tag *t)
{
	size_t j = i + 1;
	char q = 0;
	const char *e;

	memset(t, 0, sizeof *t);
	if (j < n && s[j] == '!' && n - j >= 3 && s[j + 1] == '-' &&
	    s[j + 2] == '-') {
		e = find(s + j + 3, n - j - 3, "-->", 3);
		t->kind = TAG_COMMENT;
		t->end = e ? (size_t)(e - s) + 3 : n;
		return 1;
	}
	if (j < n && (s[j] == '!' || s[j] == '?')) {
		e = memchr(s + j, '>', n - j);
		if (!e)
			return 0;
		t->kind = TAG_COMMENT;
		t->end = (size_t)(e - s) + 1;
		return 1;
	}
	t->kind = TAG_OPEN;
	if (j < n && s[j] == '/') {
		t->kind = TAG_CLOSE;
		j++;
	}
	if (j >= n || !is_alpha(s[j]))
		return 0;
	t->name = s + j;
	while (j < n && is_name_char(s[j]))
		j++;
	t->nlen = (size_t)(s + j - t->name);
	t->attr = s + j;
	for (; j < n; j++) {
		if (q) {
			if (s[j] == q)
				q = 0;
		} else if (s[j] == '"' || s[j] == '\'') {
			q = s[j];
		} else if (s[j] == '>') {
			break;
		}
	}
	if (j >= n)
		return 0;
	t->alen = (size_t)(s + j - t->attr);
	t->selfclose = t->alen > 0 && s[j - 1] == '/';
	t->end = j + 1;
	return 1;
}

enum tag_code {
	T_OTHER,
	T_BR,
	T_P,
	T_HR,
	T_DIV,
	T_LI,
	T_TR,
	T_TD,
	T_TH,
	T_PRE,
	T_H,
	T_TABLE,
	T_UL,
	T_OL,
	T_BLOCKQUOTE,
	T_SCRIPT,
	T_STYLE,
	T_TITLE,
	T_HEAD,
	T_VOID, /* other elements without content */
};

static const struct tag_name {
	const char *name;
	unsigned char len, code;
} tag_names[] = {
	{"br", 2, T_BR},
	{"p", 1, T_P},
	{"hr", 2, T_HR},
	{"div", 3, T_DIV},
	{"li", 2, T_LI},
	{"tr", 2, T_TR},
	{"td", 2, T_TD},
	{"th", 2, T_TH},
	{"pre", 3, T_PRE},
	{"table", 5, T_TABLE},
	{"ul", 2, T_UL},
	{"ol", 2, T_OL},
	{"blockquote", 10, T_BLOCKQUOTE},
	{"script", 6, T_SCRIPT},
	{"style", 5, T_STYLE},
	{"title", 5, T_TITLE},
	{"head", 4, T_HEAD},
	{"img", 3, T_VOID},
	{"meta", 4, T_VOID},
	{"link", 4, T_VOID},
	{"input", 5, T_VOID},
	{"wbr", 3, T_VOID},
	{"col", 3, T_VOID},
	{"area", 4, T_VOID},
	{"base", 4, T_VOID},
	{"source", 6, T_VOID},
	{"track", 5, T_VOID},
	{"embed", 5, T_VOID},
	{"param", 5, T_VOID},
};

/* memcmp() for a few bytes, without the call. */
static int same_bytes(const char *a, const char *b, size_t n)
{
	while (n-- > 0)
		if (*a++ != *b++)
			return 0;
	return 1;
}

/* What the tag is, by its name, case-insensitively. */
static enum tag_code tag_code(const struct tag *t)
{
	char nm[10];
	size_t k;

	if (t->nlen == 0 || t->nlen > sizeof nm)
		return T_OTHER;
	for (k = 0; k < t->nlen; k++)
		nm[k] = (char)(t->name[k] >= 'A' && t->name[k] <= 'Z'
				       ? t->name[k] - 'A' + 'a'
				       : t->name[k]);
	if (t->nlen == 2 && nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6')
		return T_H;
	/* the first letter before the rest: a call to memcmp() a name was
	 * a twentieth of the conversion */
	for (k = 0; k < sizeof tag_names / sizeof tag_names[0]; k++)
		if (tag_names[k].len == t->nlen &&
		    tag_names[k].name[0] == nm[0] &&
		    same_bytes(tag_names[k].name + 1, nm + 1, t->nlen - 1))
			return (enum tag_code)tag_names[k].code;
	return T_OTHER;
}

static int is_void(enum tag_code c)
{
	return c == T_BR || c == T_HR || c == T_VOID;
}

/* True when the tag carries Odoo's data-o-mail-quote attribute. */
static int odoo_quote(const struct tag *t)
{
	static const char a[] = "data-o-mail-quote";
	const char *p = t->attr, *end = t->attr + t->alen, *m;
	char c;

	while (p < end && (m = find(p, (size_t)(end - p), a, sizeof a - 1))) {
		p = m + sizeof a - 1;
		c = p < end ? *p : '>';
		if (c != '-' && !is_name_char(c))
			return 1;
	}
	return 0;
}

/*
 * The index just past the end tag matching open tag t (same name, nesting
 * counted), or n when it never comes.
 */
static size_t skip_element(const char *s, size_t n, const struct tag *t)
{
	size_t i = t->end;
	int depth = 1;
	struct tag u;
	const char *lt;

	while (i < n && (lt = memchr(s + i, '<', n - i))) {
		i = (size_t)(lt - s);
		if (!parse_tag(s, n, i, &u)) {
			i++;
			continue;
		}
		i = u.end;
		if (u.kind == TAG_COMMENT || u.nlen != t->nlen ||
		    strncasecmp(u.name, t->name, t->nlen) != 0)
			continue;
		if (u.kind == TAG_CLOSE) {
			if (--depth == 0)
				return i;
		} else if (!u.selfclose) {
			depth++;
		}
	}
	return n;
}

/*
 * Skips raw text up to the end tag of t (script, style): no markup inside
 * counts.  @return the index past it, or 0 when there is none.
 */
static size_t skip_raw(const char *s, size_t n, const struct tag *t)
{
	size_t i = t->end;
	const char *lt, *gt;

	while (i < n && (lt = memchr(s + i, '<', n - i))) {
		i = (size_t)(lt - s);
		if (i + 2 + t->nlen <= n && s[i + 1] == '/' &&
		    strncasecmp(s + i + 2, t->name, t->nlen) == 0 &&
		    (i + 2 + t->nlen == n ||
		     !is_name_char(s[i + 2 + t->nlen]))) {
			gt = memchr(s + i, '>', n - i);
			return gt ? (size_t)(gt - s) + 1 : n;
		}
		i++;
	}
	return 0;
}

/* Acts on the tag at s[i].  @return the index to go on from. */
static size_t do_tag(struct html *h, size_t i)
{
	struct tag t;
	enum tag_code c;
	size_t e;

	if (!parse_tag(h->s, h->n, i, &t)) {
		buf_addc(h->o, '<');
		return i + 1;
	}
	if (t.kind == TAG_COMMENT)
		return t.end;
	c = tag_code(&t);
	if (t.kind == TAG_CLOSE) {
		switch (c) {
		case T_P:
		case T_DIV:
		case T_LI:
		case T_TR:
			buf_addc(h->o, '\n');
			break;
		case T_TD:
		case T_TH:
			put_space(h->o);
			break;
		case T_PRE:
			if (h->pre)
				h->pre--;
			buf_addc(h->o, '\n');
			break;
		case T_H:
		case T_TABLE:
		case T_UL:
		case T_OL:
		case T_BLOCKQUOTE:
			soft_break(h->o);
			break;
		default:
			break;
		}
		return t.end;
	}
	if (h->cut && odoo_quote(&t)) {
		h->quoted = 1;
		return t.selfclose || is_void(c) ? t.end
						 : skip_element(h->s, h->n, &t);
	}
	switch (c) {
	case T_BR:
	case T_P:
	case T_HR:
		buf_addc(h->o, '\n');
		break;
	case T_DIV:
	case T_LI:
	case T_TR:
	case T_TABLE:
	case T_UL:
	case T_OL:
	case T_H:
		soft_break(h->o);
		break;
	case T_PRE:
		soft_break(h->o);
		if (!t.selfclose)
			h->pre++;
		break;
	case T_BLOCKQUOTE:
		if (h->cut && !t.selfclose) {
			h->quoted = 1;
			return skip_element(h->s, h->n, &t);
		}
		soft_break(h->o);
		break;
	case T_SCRIPT:
	case T_STYLE:
	case T_TITLE:
		if (t.selfclose)
			break;
		e = skip_raw(h->s, h->n, &t);
		return e ? e : h->n;
	case T_HEAD:
		if (t.selfclose)
			break;
		/* an unclosed <head> hides only itself, not the body */
		e = skip_raw(h->s, h->n, &t);
		return e ? e : t.end;
	default:
		break;
	}
	return t.end;
}

/* ---- pass 1: markup to raw lines ----------------------------------------- */

/*
 * Bytes that stop the copying of a run: 1 in HTML, 2 in plain text, 3 both;
 * 4 marks the space, which need not stop a run when it stands alone.
 */
static const unsigned char stop[256] = {
	['<'] = 1,  ['&'] = 3,	[' '] = 5,  ['\t'] = 1,
	['\n'] = 1, ['\r'] = 3, ['\f'] = 1, [0xC2] = 3,
};

/*
 * Does the body look like HTML?  A tag is "<name" ended by a blank, '>' or
 * "/", an end tag or a comment; "<a@b.example>" in a plain-text mail is not.
 */
static int has_tags(const char *s, size_t n)
{
	const char *p = s, *end = s + n, *q;

	while ((p = memchr(p, '<', (size_t)(end - p))) && p + 1 < end) {
		q = p + 1;
		if (*q == '/' && q + 1 < end && is_alpha(q[1]))
			return 1;
		if (*q == '!' && q + 2 < end && q[1] == '-' && q[2] == '-')
			return 1;
		if (is_alpha(*q)) {
			while (q < end && (is_alpha(*q) || is_digit(*q)))
				q++;
			if (q == end || *q == '>' || *q == '/' || *q == ' ' ||
			    *q == '\t' || *q == '\n' || *q == '\r')
				return 1;
		}
		p++;
	}
	return 0;
}

#if defined(__SSE2__) && defined(__GNUC__)
/*
 * Passes the bytes from s[j] on that cannot stop a run, 16 at a time
 * while 16 are left: in HTML every stop byte but the space, and a space
 * followed by a byte of class 1 (the last of a block is left to the
 * caller to decide); in plain text '&', '\r' and 0xC2.  Text is most of a
 * body, and a table lookup a byte was most of the conversion's time.  A
 * run's first byte is not looked at here: a space there always stops it.
 * @return the offset of the first byte the caller must look at.
 */
static size_t quiet_run(const char *s, size_t j, size_t n, int html)
{
	const __m128i amp = _mm_set1_epi8('&'), cr = _mm_set1_epi8('\r');
	const __m128i c2 = _mm_set1_epi8((char)0xC2);

	if (html) {
		const __m128i lt = _mm_set1_epi8('<'), sp = _mm_set1_epi8(' ');
		/* '\t' '\n' (9, 10) and '\f' '\r' (12, 13): 11 is not one */
		const __m128i nine = _mm_set1_epi8(9), four = _mm_set1_epi8(4);
		const __m128i vt = _mm_set1_epi8(11);

		for (; n - j >= 16; j += 16) {
			__m128i v = _mm_loadu_si128(
				(const __m128i *)(const void *)(s + j));
			__m128i ws = _mm_andnot_si128(
				_mm_cmpeq_epi8(v, vt),
				_mm_cmpeq_epi8(
					_mm_subs_epu8(_mm_sub_epi8(v, nine),
						      four),
					_mm_setzero_si128()));
			__m128i a = _mm_or_si128(
				_mm_or_si128(_mm_cmpeq_epi8(v, lt),
					     _mm_cmpeq_epi8(v, amp)),
				_mm_or_si128(ws, _mm_cmpeq_epi8(v, c2)));
			unsigned am = (unsigned)_mm_movemask_epi8(a);
			unsigned sm = (unsigned)_mm_movemask_epi8(
				_mm_cmpeq_epi8(v, sp));
			unsigned m = am | (sm & (((am | sm) >> 1) | 0x8000));

			if (m)
				return j + (unsigned)__builtin_ctz(m);
		}
		return j;
	}
	for (; n - j >= 16; j += 16) {
		__m128i v =
			_mm_loadu_si128((const __m128i *)(const void *)(s + j));
		unsigned m = (unsigned)_mm_movemask_epi8(
			_mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, amp),
						  _mm_cmpeq_epi8(v, cr)),
				     _mm_cmpeq_epi8(v, c2)));

		if (m)
			return j + (unsigned)__builtin_ctz(m);
	}
	return j;
}
#endif

static void markup_pass(struct html *h)
{
	const char *s = h->s;
	size_t n = h->n, i = 0, j, k;
	unsigned char mask = h->html ? 1 : 2, cls;
	struct buf *o = h->o;

	while (i < n) {
		for (j = i; j < n; j++) {
#if defined(__SSE2__) && defined(__GNUC__)
			if (j > i) {
				j = quiet_run(s, j, n, h->html);
				if (j >= n)
					break;
			}
#endif
			cls = stop[(unsigned char)s[j]];
			if (!(cls & mask))
				continue;
			/* one space between words: no collapsing to do */
			if ((cls & 4) && j > i && j + 1 < n &&
			    !(stop[(unsigned char)s[j + 1]] & 1))
				continue;
			break;
		}
		if (j > i) {
			buf_add(o, s + i, j - i);
			i = j;
			if (i >= n)
				break;
		}
		switch (s[i]) {
		case '<':
			i = do_tag(h, i);
			break;
		case '&':
			k = entity(h, i);
			if (k) {
				i += k;
			} else {
				buf_addc(o, '&');
				i++;
			}
			break;
		case '\r':
			if (i + 1 < n && s[i + 1] == '\n')
				i++;
			put_ws(h, '\n');
			i++;
			break;
		case '\xC2':
			if (i + 1 < n && s[i + 1] == '\xA0') {
				buf_addc(o, ' '); /* U+00A0 */
				i += 2;
			} else {
				buf_addc(o, s[i++]);
			}
			break;
		default: /* whitespace, in HTML */
			put_ws(h, s[i]);
			i++;
			break;
		}
	}
}

/* ---- pass 2: lines ------------------------------------------------------- */

struct line {
	const char *p;
	size_t n;
};

static int is_blank_char(char c)
{
	return c == ' ' || c == '\t';
}

/*
 * The first '\n' in p[0..n), or NULL: memchr() without the call, which
 * cost more than the search on lines of a few dozen bytes.
 */
static const char *find_nl(const char *p, size_t n)
{
	const char *end = p + n;

#if defined(__SSE2__) && defined(__GNUC__)
	const __m128i nl = _mm_set1_epi8('\n');

	for (; end - p >= 16; p += 16) {
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(
			_mm_loadu_si128((const __m128i *)(const void *)p), nl));

		if (m)
			return p + __builtin_ctz(m);
	}
#endif
	for (; p < end; p++)
		if (*p == '\n')
			return p;
	return NULL;
}

/* The line starting at t[*pos], trimmed; *pos moves past it. */
static struct line next_line(const char *t, size_t n, size_t *pos)
{
	struct line l;
	const char *nl = find_nl(t + *pos, n - *pos);
	size_t end = nl ? (size_t)(nl - t) : n;

	l.p = t + *pos;
	l.n = end - *pos;
	*pos = nl ? end + 1 : n;
	while (l.n && is_blank_char(l.p[l.n - 1]))
		l.n--;
	while (l.n && is_blank_char(l.p[0])) {
		l.p++;
		l.n--;
	}
	return l;
}

/* ASCII letters only: the prefixes below are ASCII. */
static char lower_ascii(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether l starts with pre (lower case), as strncasecmp() in the C
 * locale, without its call for each line. */
static int starts_ci(struct line l, const char *pre)
{
	size_t k;

	for (k = 0; pre[k]; k++)
		if (k >= l.n || lower_ascii(l.p[k]) != pre[k])
			return 0;
	return 1;
}

static int ends_ci(const char *p, size_t n, const char *suf)
{
	size_t k = strlen(suf);

	return n >= k && strncasecmp(p + n - k, suf, k) == 0;
}

static int contains_ci(const char *p, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (strncasecmp(p + i, needle, k) == 0)
			return 1;
	return 0;
}

/* A clock time ("10:00") or an address: what mail programs' headers hold. */
static int time_or_address(const char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (p[i] == '@')
			return 1;
		if (p[i] == ':' && i > 0 && i + 2 < n && is_digit(p[i - 1]) &&
		    is_digit(p[i + 1]) && is_digit(p[i + 2]))
			return 1;
	}
	return 0;
}

/*
 * "On ... wrote:" and "Am ... schrieb ...:", which mail programs wrap over
 * up to three lines: joins them (into j) until one ends the header.  It
 * must hold a time or an address, so that "Am Montag schrieb ich Ihnen:"
 * in a customer's own words is not taken for one.
 */
static int wrapped_header(struct line l, const char *t, size_t n, size_t pos,
			  int german)
{
	char j[600];
	size_t jn = 0;
	int k;

	for (k = 0; k < 3; k++) {
		if (l.n == 0 || jn + l.n + 1 > sizeof j)
			return 0;
		if (jn)
			j[jn++] = ' ';
		memcpy(j + jn, l.p, l.n);
		jn += l.n;
		if (german ? ends_ci(j, jn, ":") &&
				     contains_ci(j, jn, " schrieb")
			   : ends_ci(j, jn, "wrote:"))
			return time_or_address(j, jn);
		if (pos >= n)
			return 0;
		l = next_line(t, n, &pos);
	}
	return 0;
}

static int from_key(struct line l)
{
	return starts_ci(l, "von:") || starts_ci(l, "from:");
}

static int sent_key(struct line l)
{
	return starts_ci(l, "gesendet:") || starts_ci(l, "sent:");
}

/* Is line l (followed by t[pos..n)) the header of quoted history? */
static int reply_header(struct line l, const char *t, size_t n, size_t pos)
{
	struct line m;

	switch (l.p[0] | 0x20) { /* the first letter of every header below */
	case 'o':
	case 'a':
	case '-':
	case 'v':
	case 'f':
	case 'g':
	case 's':
		break;
	default:
		return 0;
	}
	if (starts_ci(l, "on "))
		return wrapped_header(l, t, n, pos, 0);
	if (starts_ci(l, "am "))
		return wrapped_header(l, t, n, pos, 1);
	if (starts_ci(l, "---"))
		return contains_ci(l.p, l.n, "original message") ||
		       contains_ci(l.p, l.n, "ursprüngliche nachricht") ||
		       contains_ci(l.p, l.n, "original-nachricht");
	if (from_key(l) || sent_key(l)) {
		m = next_line(t, n, &pos);
		if (m.n == 0 && pos < n)
			m = next_line(t, n, &pos);
		return from_key(l) ? sent_key(m) : from_key(m);
	}
	return 0;
}

static void lines_pass(struct html *h, const char *t, size_t n, struct buf *out)
{
	size_t pos = 0, start = out->len;
	int blank = 0;
	struct line l;
	const char *raw;
	size_t rawn;

	while (pos < n) {
		raw = t + pos;
		l = next_line(t, n, &pos);
		if (l.n == 0) {
			blank = out->len > start;
			continue;
		}
		if (h->cut && l.p[0] == '>') {
			h->quoted = 1;
			continue;
		}
		if (h->cut && reply_header(l, t, n, pos)) {
			h->quoted = 1;
			break;
		}
		if (out->len > start)
			buf_add(out, blank ? "\n\n" : "\n", blank ? 2 : 1);
		blank = 0;
		if (!h->html) { /* plain text keeps its indentation */
			rawn = (size_t)(l.p + l.n - raw);
			buf_add(out, raw, rawn);
		} else {
			buf_add(out, l.p, l.n);
		}
	}
}

void html_to_text(const char *s, size_t n, struct buf *out, struct buf *tmp,
		  unsigned flags)
{
	struct html h;
	size_t start = out->len;

	memset(&h, 0, sizeof h);
	h.s = s;
	h.n = n;
	h.o = tmp;
	h.html = has_tags(s, n);
	h.cut = !(flags & HTML_KEEP_QUOTES);
	buf_reset(tmp);
	markup_pass(&h);
	lines_pass(&h, tmp->p ? tmp->p : "", tmp->len, out);
	if (out->len == start && h.quoted)
		html_to_text(s, n, out, tmp, flags | HTML_KEEP_QUOTES);
}
