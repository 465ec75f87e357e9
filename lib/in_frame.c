/*
 * in_frame.c - the framing of JSON arrays and sequences (IN_ARRAY, IN_SEQ):
 * where each element ends, found 64 bytes at a time, and how reading goes
 * on after a broken one; see in.h.
 */
#include "in.h"

#include <stdio.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "in_int.h"

static int eframe(struct in *in, const char *what)
{
	snprintf(in->msg, sizeof in->msg, "%s:%llu: %s", in->display,
		 (unsigned long long)in->nextline, what);
	return IN_EFRAME;
}

/*
 * Whether the line at p[0..n) can start a record: '{' or '[' first; in an
 * array, '{' after blanks (an element).
 */
static int starts_record(const struct in *in, const char *p, size_t n)
{
	if (in->mode == IN_ARRAY) {
		while (n > 0 && (*p == ' ' || *p == '\t')) {
			p++;
			n--;
		}
		return n > 0 && *p == '{';
	}
	return n > 0 && (*p == '{' || *p == '[');
}

/*
 * Hands out as IN_EBAD the bytes from buf[start] to the next line that
 * starts with '{' or '[' (or to the end), and goes on from there: what a
 * sequence does with text between its documents.
 */
static int ebad(struct in *in, const char *what, const char **rec, size_t *len)
{
	size_t i = 0, n;
	char *p;
	int r;

	for (;;) {
		p = in->buf + in->start;
		n = in->end - in->start;
		for (; i + 1 < n; i++)
			if (p[i] == '\n' &&
			    starts_record(in, p + i + 1, n - i - 1))
				break;
		if (i + 1 < n || in->eof)
			break;
		if ((r = in_fill(in)) < 0)
			return r;
	}
	p = in->buf + in->start;
	n = i + 1 < in->end - in->start ? i + 1 : in->end - in->start;
	in->lineno = in->nextline;
	snprintf(in->msg, sizeof in->msg, "%s", what);
	in->nextline += in_count_nl(p, n);
	in->start += n;
	while (n > 0 && in_is_ws(p[n - 1]))
		n--;
	in->multiline = in_count_nl(p, n) > 0;
	*rec = p;
	*len = n;
	return IN_EBAD;
}

size_t in_resync(struct in *in, const char *rec, size_t len, size_t err_off)
{
	size_t s, k, inner, el;

	if ((in->mode != IN_SEQ && in->mode != IN_ARRAY) || !in->buf ||
	    rec < in->buf || rec + len > in->buf + in->end)
		return len;
	if (err_off > len)
		err_off = len;
	/* how far the record's second line is indented: its members' */
	for (k = 0; k < len && rec[k] != '\n'; k++)
		;
	for (s = ++k; k < len && (rec[k] == ' ' || rec[k] == '\t'); k++)
		;
	inner = k < len ? k - s : 0;
	/* the start of the line that holds the error */
	for (el = err_off; el > 0 && rec[el - 1] != '\n'; el--)
		;
	/*
	 * A sequence's documents start at the start of a line, and a
	 * document cut short may take in a whole next one before the error
	 * shows: the first such line after the record's start.  An array's
	 * next element is less indented than this one's members, or, from
	 * the error's line on, a '{' line after a ','.
	 */
	for (s = 1; s < len; s++) {
		if (rec[s - 1] != '\n')
			continue;
		if (in->mode == IN_SEQ && starts_record(in, rec + s, len - s))
			break;
		if (in->mode == IN_ARRAY) {
			for (k = s;
			     k < len && (rec[k] == ' ' || rec[k] == '\t'); k++)
				;
			if (k < len && rec[k] == '{') {
				size_t b = s - 1;

				while (b > 0 && in_is_ws(rec[b]))
					b--;
				if (k - s < inner ||
				    (long)(k - s) == in->rec_indent ||
				    (s >= el && rec[b] == ',')) {
					s = k;
					break;
				}
			}
		}
	}
	if (s >= len)
		return len;
	/* what follows the broken record's first s bytes is read again */
	in->start = (size_t)(rec - in->buf) + s;
	in->nextline = in->lineno + in_count_nl(rec, s);
	if (in->mode == IN_ARRAY)
		in->array_state = 1;
	while (s > 0 && in_is_ws(rec[s - 1]))
		s--;
	return s;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The offset of the first '"' or '\\' in the 16 bytes at q, or 16. */
static inline unsigned quote_or_bslash16(const char *q)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	unsigned m = (unsigned)_mm_movemask_epi8(
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));

	return m ? (unsigned)__builtin_ctz(m) : 16;
}

/* The offset of the first byte that matters to framing (frame_byte) in
 * the 16 bytes at q, or 16. */
static inline unsigned frame_byte16(const char *q)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	/* '[' ']' and '{' '}' differ from their pair in bit 5 only: with it
	 * set, one compare each for the brackets and the braces */
	__m128i w = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i m = _mm_or_si128(
		_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('"')),
			     _mm_cmpeq_epi8(v, _mm_set1_epi8(','))),
		_mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('{')),
			     _mm_cmpeq_epi8(w, _mm_set1_epi8('}'))));
	unsigned k = (unsigned)_mm_movemask_epi8(m);

	return k ? (unsigned)__builtin_ctz(k) : 16;
}
#endif

/*
 * The closing quote of the string whose content starts at q, or NULL when
 * the buffer ends first.  A block at a time while none is '"' or '\\':
 * string content is most of an export's bytes.
 */
static const char *string_end(const char *q, const char *end)
{
	for (;;) {
#if defined(__SSE2__) && defined(__GNUC__)
		unsigned k = 16;

		while (end - q >= 16 && (k = quote_or_bslash16(q)) == 16)
			q += 16;
		if (k < 16)
			q += k;
		else
#endif
			while (q < end && *q != '"' && *q != '\\')
				q++;
		if (q >= end)
			return NULL;
		if (*q == '"')
			return q;
		q += 2; /* an escape: skip the escaped byte */
		if (q > end)
			return NULL;
	}
}

/* Bytes that matter to framing outside strings. */
static const unsigned char frame_byte[256] = {
	['"'] = 1, ['['] = 1, ['{'] = 1, [']'] = 1, ['}'] = 1, [','] = 1,
};

/*
 * Finds the end of the value that starts at p (not blank), before end.
 * In an array, the value ends before a ',' or ']' at depth 0; in a
 * sequence, after the bracket that closes it.  @return the offset of the
 * end relative to p, or (size_t)-1 when the buffer ends first.
 */
static size_t frame_end_bytes(const char *p, const char *end, int in_array)
{
	const char *q;
	int depth = 0;

	for (q = p; q < end; q++) {
#if defined(__SSE2__) && defined(__GNUC__)
		unsigned k = 16;

		while (end - q >= 16 && (k = frame_byte16(q)) == 16)
			q += 16;
		if (k < 16)
			q += k;
		else
#endif
			while (q < end && !frame_byte[(unsigned char)*q])
				q++;
		if (q >= end)
			break;
		switch (*q) {
		case '"':
			q = string_end(q + 1, end);
			if (!q)
				return (size_t)-1;
			break;
		case '[':
		case '{':
			depth++;
			break;
		case ']':
		case '}':
			if (depth == 0)
				return (size_t)(q - p);
			if (--depth == 0 && !in_array)
				return (size_t)(q + 1 - p);
			break;
		default: /* ',' */
			if (depth == 0 && in_array)
				return (size_t)(q - p);
			break;
		}
	}
	return (size_t)-1;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* The bytes of 64 that matter to framing, as bit masks (bit i: q[i]). */
struct fblock {
	uint64_t quote, bslash, bracket;
};

/* The masks of 16 bytes at q, for bits 16 * i on. */
static inline void fblock16(const char *q, int i, struct fblock *b)
{
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)q);
	/* '[' ']' and '{' '}' differ from their pair in bit 5 only */
	__m128i w = _mm_or_si128(v, _mm_set1_epi8(0x20));
	__m128i br = _mm_or_si128(_mm_cmpeq_epi8(w, _mm_set1_epi8('{')),
				  _mm_cmpeq_epi8(w, _mm_set1_epi8('}')));
	int sh = 16 * i;

	b->quote |= (uint64_t)(unsigned)_mm_movemask_epi8(
			    _mm_cmpeq_epi8(v, _mm_set1_epi8('"')))
		    << sh;
	b->bslash |= (uint64_t)(unsigned)_mm_movemask_epi8(
			     _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')))
		     << sh;
	b->bracket |= (uint64_t)(unsigned)_mm_movemask_epi8(br) << sh;
}

static inline void fblock_of(const char *q, struct fblock *b)
{
	b->quote = b->bslash = b->bracket = 0;
	fblock16(q, 0, b);
	fblock16(q + 16, 1, b);
	fblock16(q + 32, 2, b);
	fblock16(q + 48, 3, b);
}

/* Bit i set when an odd number of bits at or below i are set in x. */
static inline uint64_t prefix_xor(uint64_t x)
{
	x ^= x << 1;
	x ^= x << 2;
	x ^= x << 4;
	x ^= x << 8;
	x ^= x << 16;
	x ^= x << 32;
	return x;
}

/*
 * frame_end_bytes() 64 bytes at a time for an object or an array, as
 * simdjson finds strings: the escaped bytes are those after an odd run of
 * backslashes, the unescaped quotes toggle a mask of the bytes inside
 * strings, and only the brackets outside it are walked one by one.  In an
 * array, the ',' or ']' after the closing bracket is looked for there.
 * Anything else - a backslash outside a string, other text after the
 * value (not JSON, but framed all the same) - is left to the byte walk.
 */
static size_t frame_end_blocks(const char *p, const char *end, int in_array)
{
	const uint64_t even = 0x5555555555555555ULL;
	uint64_t prev_esc = 0, prev_str = 0;
	size_t off, len = (size_t)(end - p);
	char pad[64];
	long depth = 0;
	struct fblock b;

	for (off = 0; off < len; off += 64) {
		const char *q = p + off, *t;

		if (len - off < 64) { /* the last bytes, padded with blanks */
			memset(pad, ' ', sizeof pad);
			memcpy(pad, q, len - off);
			q = pad;
		}
		fblock_of(q, &b);
		uint64_t bs = b.bslash & ~prev_esc;
		uint64_t follows = (bs << 1) | prev_esc;
		uint64_t odd_starts = bs & ~even & ~follows, even_runs;
		prev_esc = __builtin_add_overflow(odd_starts, bs, &even_runs);
		uint64_t escaped = (even ^ (even_runs << 1)) & follows;
		uint64_t instr = prefix_xor(b.quote & ~escaped) ^ prev_str;

		prev_str = (uint64_t)0 - (instr >> 63);
		if (b.bslash & ~instr)
			return frame_end_bytes(p, end, in_array);
		for (uint64_t br = b.bracket & ~instr; br; br &= br - 1) {
			unsigned k = (unsigned)__builtin_ctzll(br);

			if (q[k] == '{' || q[k] == '[') {
				depth++;
				continue;
			}
			if (depth == 0) /* (not after an opening bracket) */
				return frame_end_bytes(p, end, in_array);
			if (--depth)
				continue;
			if (!in_array)
				return off + k + 1;
			for (t = p + off + k + 1; t < end && in_is_ws(*t); t++)
				;
			if (t >= end)
				return (size_t)-1;
			if (*t == ',' || *t == ']')
				return (size_t)(t - p);
			return frame_end_bytes(p, end, in_array);
		}
	}
	return (size_t)-1;
}
#endif

/* frame_end_bytes() or frame_end_blocks() for the value at buf[start]. */
static size_t frame_end(const struct in *in, int in_array)
{
	const char *p = in->buf + in->start, *end = in->buf + in->end;

	if (!in_array && *p != '{' && *p != '[')
		return 0; /* not a bracket: the caller reports */
#if defined(__SSE2__) && defined(__GNUC__)
	if (*p == '{' || *p == '[')
		return frame_end_blocks(p, end, in_array);
#endif
	return frame_end_bytes(p, end, in_array);
}

/*
 * The end of the element at buf[start] as frame_end() finds it, when
 * in->parse takes the element: a valid value ends where its brackets
 * close, and its bytes are not looked at again to frame it.  In an array
 * a ',' or ']' must follow (anything else is left to the framing, which
 * says what is wrong).  @return (size_t)-1 when the parser did not take
 * it.
 */
static size_t parsed_end(struct in *in, int in_array)
{
	const char *p = in->buf + in->start, *end = in->buf + in->end, *t;
	size_t n = in->parse(in->parse_arg, p, (size_t)(end - p));

	if (!n || n > (size_t)(end - p))
		return (size_t)-1;
	if (in_array) {
		for (t = p + n; t < end && in_is_ws(*t); t++)
			;
		if (t >= end || (*t != ',' && *t != ']'))
			return (size_t)-1;
		n = (size_t)(t - p);
	}
	in->parsed = 1;
	return n;
}

int in_next_framed(struct in *in, const char **rec, size_t *len)
{
	int in_array = in->mode == IN_ARRAY, r;
	uint64_t nl;
	size_t n, k;
	char *p;

	for (;;) {
		r = in_skip_blank(in);
		if (r < 0)
			return r;
		if (r == 0) {
			if (in_array &&
			    (in->array_state == 1 || in->array_state == 3))
				return eframe(
					in, "unterminated array (missing ']')");
			return IN_EOF;
		}
		char c = in->buf[in->start];
		if (in_array) {
			if (in->array_state == 3) {
				/*
				 * The separator after the previous element is
				 * read only now: reading it then could have
				 * refilled the buffer under the record handed
				 * out.
				 */
				if (c == ']') {
					in->start++;
					in->indent = -1;
					in->array_state = 2;
					continue;
				}
				if (c != ',') {
					/* the element after the garbage, if
					 * any, is read on */
					in->array_state = 1;
					return ebad(
						in,
						"expected ',' or ']' after an array element",
						rec, len);
				}
				in->start++;
				in->indent = -1;
				if ((r = in_skip_blank(in)) < 0)
					return r;
				if (r > 0 && in->buf[in->start] == ']')
					return eframe(
						in, "trailing ',' before ']'");
				in->array_state = 1;
				continue;
			}
			if (in->array_state == 0) {
				if (c != '[')
					return eframe(
						in,
						"expected '[' to open the array");
				in->start++;
				in->indent = -1;
				in->array_state = 1;
				/* an empty array? */
				if ((r = in_skip_blank(in)) < 0)
					return r;
				if (r > 0 && in->buf[in->start] == ']') {
					in->start++;
					in->indent = -1;
					in->array_state = 2;
				}
				continue;
			}
			if (in->array_state == 2)
				return eframe(
					in,
					"unexpected text after the closing ']'");
			if (c == ',' || c == ']')
				return eframe(in, "expected an array element");
		} else if (c != '{' && c != '[') {
			return ebad(in, "expected '{' or '[' to start a record",
				    rec, len);
		}
		n = in->parse && (c == '{' || c == '[')
			    ? parsed_end(in, in_array)
			    : (size_t)-1;
		while (n == (size_t)-1 &&
		       (n = frame_end(in, in_array)) == (size_t)-1) {
			if ((r = in_fill(in)) < 0)
				return r;
			if (r == 0) {
				n = in->end - in->start;
				break;
			}
		}
		if (n == 0) /* a closing bracket where an element belongs */
			return eframe(in, "expected an array element");
		p = in->buf + in->start;
		in->lineno = in->nextline;
		in->rec_indent = in->indent;
		in->indent = -1;
		in->start += n;
		k = n;
		while (n > 0 && in_is_ws(p[n - 1]))
			n--;
		nl = in_count_nl(p, n);
		in->multiline = nl > 0;
		in->nextline += nl + in_count_nl(p + n, k - n);
		if (in_array)
			in->array_state = 3;
		*rec = p;
		*len = n;
		in->recno++;
		return IN_OK;
	}
}
