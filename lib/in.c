/* in.c - plain or zstd input, framed as lines, an array or a sequence. */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include "in.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

#include "err.h"

#define IN_CHUNK (1 << 20)

struct in_zstd {
	ZSTD_DStream *ds;
	char *zbuf;
	size_t zcap, zpos, zlen;
	size_t last; /* ZSTD_decompressStream's last hint: 0 = frame done */
	int raw_eof;
};

static const unsigned char zmagic[4] = {0x28, 0xb5, 0x2f, 0xfd};

int in_open(struct in *in, const char *path, enum in_mode mode)
{
	memset(in, 0, sizeof *in);
	in->mode = mode;
	in->nextline = 1;
	if (!path || strcmp(path, "-") == 0) {
		in->name = "-";
		in->display = "<stdin>";
		in->fd = 0;
	} else {
		in->name = path;
		in->display = path;
		in->fd = open(path, O_RDONLY);
		if (in->fd < 0) {
			snprintf(in->msg, sizeof in->msg,
				 "cannot open '%s': %s", path, strerror(errno));
			return -1;
		}
	}
	in->cap = IN_CHUNK;
	{
		struct stat st;

		if (fstat(in->fd, &st) == 0) {
			/* a directory opens, and read() fails: it is no
			 * input (66), not a read error (74) */
			if (S_ISDIR(st.st_mode)) {
				snprintf(in->msg, sizeof in->msg,
					 "cannot read '%s': %s", in->display,
					 strerror(EISDIR));
				if (in->fd > 0)
					close(in->fd);
				in->fd = -1;
				errno = EISDIR;
				return -1;
			}
			/* a small file (a map, a rules file) gets a small
			 * buffer: the buffer grows when zstd makes more */
			if (S_ISREG(st.st_mode) && st.st_size < IN_CHUNK / 4)
				in->cap = (size_t)st.st_size < 4096
						  ? 4096
						  : (size_t)st.st_size * 2;
#ifdef F_SETPIPE_SZ
			/*
			 * A pipe as big as a read (Linux; 64 KiB by
			 * default): the stage before writes a megabyte before
			 * it waits, and each read(2) takes that much, a
			 * sixteenth of the context switches.
			 */
			if (S_ISFIFO(st.st_mode))
				fcntl(in->fd, F_SETPIPE_SZ, IN_CHUNK);
#endif
		}
	}
	in->buf = xmalloc(in->cap + 1);
	return 0;
}

void in_close(struct in *in)
{
	if (in->fd > 0)
		close(in->fd);
	in->fd = -1;
	free(in->buf);
	in->buf = NULL;
	if (in->z) {
		ZSTD_freeDStream(in->z->ds);
		free(in->z->zbuf);
		free(in->z);
		in->z = NULL;
	}
}

static int eio(struct in *in)
{
	snprintf(in->msg, sizeof in->msg, "read error on '%s': %s", in->display,
		 strerror(errno));
	return IN_EIO;
}

/* read(2) that retries on EINTR. */
static ssize_t rd(int fd, char *p, size_t n)
{
	ssize_t r;

	do
		r = read(fd, p, n);
	while (r < 0 && errno == EINTR);
	return r;
}

/* Decompresses into buf[end..cap).  @return bytes produced or IN_* < 0. */
static ssize_t zfill(struct in *in)
{
	struct in_zstd *z = in->z;
	ZSTD_outBuffer out = {in->buf + in->end, in->cap - in->end, 0};
	ssize_t r;

	while (out.pos == 0) {
		if (z->zpos == z->zlen) {
			if (z->raw_eof) {
				if (z->last != 0) {
					snprintf(in->msg, sizeof in->msg,
						 "'%s': truncated zstd stream",
						 in->display);
					return IN_EZSTD;
				}
				return 0;
			}
			r = rd(in->fd, z->zbuf, z->zcap);
			if (r < 0)
				return eio(in);
			in->bytes_in += (uint64_t)r;
			z->zpos = 0;
			z->zlen = (size_t)r;
			if (r == 0) {
				z->raw_eof = 1;
				continue;
			}
		}
		ZSTD_inBuffer zin = {z->zbuf, z->zlen, z->zpos};
		size_t ret = ZSTD_decompressStream(z->ds, &out, &zin);
		z->zpos = zin.pos;
		if (ZSTD_isError(ret)) {
			snprintf(in->msg, sizeof in->msg,
				 "'%s': corrupt zstd stream: %s", in->display,
				 ZSTD_getErrorName(ret));
			return IN_EZSTD;
		}
		z->last = ret;
	}
	return (ssize_t)out.pos;
}

/*
 * Reads more bytes after buf[end], compacting or growing the buffer.
 * @return 1 when bytes came, 0 at EOF, IN_* < 0 on error.
 */
static int fill(struct in *in)
{
	ssize_t r;

	if (in->eof) /* at the end, or after an error: the same answer */
		return in->eof < 0 ? in->eof : 0;
	if (in->start > 0 && (in->end == in->cap || in->start >= in->cap / 2)) {
		memmove(in->buf, in->buf + in->start, in->end - in->start);
		in->end -= in->start;
		in->start = 0;
	}
	if (in->end == in->cap) {
		in->cap *= 2;
		in->buf = xrealloc(in->buf, in->cap + 1);
	}
	if (in->compressed) {
		r = zfill(in);
	} else {
		r = rd(in->fd, in->buf + in->end, in->cap - in->end);
		if (r < 0)
			return in->eof = eio(in);
		in->bytes_in += (uint64_t)r;
	}
	if (r < 0)
		return in->eof = (int)r;
	if (r == 0) {
		in->eof = 1;
		return 0;
	}
	in->end += (size_t)r;
	return 1;
}

/* Switches to zstd when the first bytes are its magic number. */
static int detect(struct in *in)
{
	int r = 1;

	while (in->end < 4 && (r = fill(in)) > 0)
		;
	if (r < 0)
		return r;
	if (in->end < 4 || memcmp(in->buf, zmagic, sizeof zmagic) != 0)
		return 1;
	in->z = xcalloc(1, sizeof *in->z);
	in->z->ds = ZSTD_createDStream();
	if (!in->z->ds) {
		snprintf(in->msg, sizeof in->msg,
			 "'%s': cannot create a zstd decompression context",
			 in->display);
		return in->eof = IN_EIO;
	}
	ZSTD_initDStream(in->z->ds);
	in->z->zcap = ZSTD_DStreamInSize() > IN_CHUNK ? ZSTD_DStreamInSize()
						      : IN_CHUNK;
	in->z->zbuf = xmalloc(in->z->zcap);
	if (in->cap < IN_CHUNK) { /* a small file may hold much */
		in->cap = IN_CHUNK;
		in->buf = xrealloc(in->buf, in->cap + 1);
	}
	memcpy(in->z->zbuf, in->buf, in->end);
	in->z->zlen = in->end;
	in->z->last = 1;
	in->start = in->end = 0;
	in->eof = 0;
	in->compressed = 1;
	return 1;
}

static uint64_t count_nl(const char *p, size_t n)
{
	const char *end = p + n;
	uint64_t k = 0;

	while ((p = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		k++;
		p++;
	}
	return k;
}

static int is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/*
 * Consumes whitespace, counting lines and the blanks since the last
 * newline (in->indent, which next_framed() sets to -1 when it takes a
 * byte that is not blank).  @return 1 at a non-blank byte.
 */
static int skip_blank(struct in *in)
{
	int r;

	for (;;) {
		while (in->start < in->end && is_ws(in->buf[in->start])) {
			if (in->buf[in->start] == '\n') {
				in->nextline++;
				in->indent = 0;
			} else if (in->indent >= 0) {
				in->indent++;
			}
			in->start++;
		}
		if (in->start < in->end)
			return 1;
		if ((r = fill(in)) <= 0)
			return r;
	}
}

static int begin(struct in *in)
{
	int r = 1;

	in->began = 1;
	if ((r = detect(in)) < 0)
		return r;
	while (in->end - in->start < 3 && (r = fill(in)) > 0)
		;
	if (r < 0)
		return r;
	if (in->end - in->start >= 3 &&
	    memcmp(in->buf + in->start, "\xef\xbb\xbf", 3) == 0)
		in->start += 3;
	if (in->mode == IN_AUTO) {
		r = skip_blank(in);
		if (r < 0)
			return r;
		in->mode = r == 1 && in->buf[in->start] == '[' ? IN_ARRAY
							       : IN_LINES;
	}
	return 1;
}

static int next_line(struct in *in, const char **rec, size_t *len)
{
	size_t scanned = 0, n;
	char *nl, *p;
	int r;

	for (;;) {
		p = in->buf + in->start;
		nl = memchr(p + scanned, '\n', in->end - in->start - scanned);
		if (nl || (in->eof > 0 && in->start < in->end)) {
			n = nl ? (size_t)(nl - p) : in->end - in->start;
			in->lineno = in->nextline++;
			in->start += n + (nl != NULL);
			while (n > 0 && (p[n - 1] == '\r' || p[n - 1] == ' ' ||
					 p[n - 1] == '\t'))
				n--;
			size_t i = 0;
			while (i < n && is_ws(p[i]))
				i++;
			if (i == n) { /* blank line: no record */
				scanned = 0;
				continue;
			}
			*rec = p;
			*len = n;
			in->recno++;
			return IN_OK;
		}
		scanned = in->end - in->start;
		if ((r = fill(in)) < 0)
			return r;
		if (r == 0 && in->start >= in->end)
			return IN_EOF;
	}
}

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
		if ((r = fill(in)) < 0)
			return r;
	}
	p = in->buf + in->start;
	n = i + 1 < in->end - in->start ? i + 1 : in->end - in->start;
	in->lineno = in->nextline;
	snprintf(in->msg, sizeof in->msg, "%s", what);
	in->nextline += count_nl(p, n);
	in->start += n;
	while (n > 0 && is_ws(p[n - 1]))
		n--;
	in->multiline = count_nl(p, n) > 0;
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

				while (b > 0 && is_ws(rec[b]))
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
	in->nextline = in->lineno + count_nl(rec, s);
	if (in->mode == IN_ARRAY)
		in->array_state = 1;
	while (s > 0 && is_ws(rec[s - 1]))
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
			for (t = p + off + k + 1; t < end && is_ws(*t); t++)
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

static int next_framed(struct in *in, const char **rec, size_t *len)
{
	int in_array = in->mode == IN_ARRAY, r;
	uint64_t nl;
	size_t n, k;
	char *p;

	for (;;) {
		r = skip_blank(in);
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
				if ((r = skip_blank(in)) < 0)
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
				if ((r = skip_blank(in)) < 0)
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
		while ((n = frame_end(in, in_array)) == (size_t)-1) {
			if ((r = fill(in)) < 0)
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
		while (n > 0 && is_ws(p[n - 1]))
			n--;
		nl = count_nl(p, n);
		in->multiline = nl > 0;
		in->nextline += nl + count_nl(p + n, k - n);
		if (in_array)
			in->array_state = 3;
		*rec = p;
		*len = n;
		in->recno++;
		return IN_OK;
	}
}

static int is_csv_delim(char c, char delim)
{
	if (delim)
		return c == delim;
	return c == ',' || c == ';' || c == '\t' || c == '|';
}

/*
 * IN_CSV: the row ends at the first newline outside quotes.  The scan
 * restarts from the row's start after a refill (the state is not kept
 * across fills: rows are short next to the buffer).  A quote opens only at
 * a field's start; in a quoted section "" is a quote and a lone quote
 * closes it.
 */
static int next_csv(struct in *in, const char **rec, size_t *len)
{
	enum { START, PLAIN, QUOTED, QUOTE } st;
	const char delim = in->csv_delim;
	uint64_t nl;
	size_t i, n;
	char *p;
	int r;

	for (;;) {
		p = in->buf + in->start;
		n = in->end - in->start;
		if (n == 0 && in->eof > 0)
			return IN_EOF;
		st = START;
		for (i = 0; i < n; i++) {
			char c = p[i];
			if (st == QUOTED) {
				const char *q = memchr(p + i, '"', n - i);
				if (!q) {
					i = n;
					break;
				}
				i = (size_t)(q - p);
				st = QUOTE;
				continue;
			}
			if (c == '\n')
				break;
			if (st == QUOTE && c == '"')
				st = QUOTED;
			else if (is_csv_delim(c, delim))
				st = START;
			else if (st == START && c == '"')
				st = QUOTED;
			else
				st = PLAIN;
		}
		if (i == n && in->eof <= 0) { /* no row end in the buffer */
			if ((r = fill(in)) < 0)
				return r;
			if (r > 0 || in->start < in->end)
				continue;
			return IN_EOF;
		}
		/* buf[start + i] is the newline, or i == n at the end */
		in->lineno = in->nextline;
		nl = count_nl(p, i); /* in quoted fields */
		in->multiline = nl > 0;
		in->nextline += nl + (i < n);
		in->start += i + (i < n);
		n = i;
		while (n > 0 && p[n - 1] == '\r')
			n--;
		if (n == 0) /* a blank line: no row */
			continue;
		*rec = p;
		*len = n;
		in->recno++;
		return IN_OK;
	}
}

int in_peek(struct in *in, size_t want, const char **p, size_t *n)
{
	int r;

	if (!in->began && (r = begin(in)) < 0)
		return r;
	while (in->end - in->start < want) {
		if ((r = fill(in)) < 0)
			return r;
		if (r == 0)
			break;
	}
	*p = in->buf + in->start;
	*n = in->end - in->start;
	return *n > 0 ? IN_OK : IN_EOF;
}

int in_next(struct in *in, const char **rec, size_t *len)
{
	int r;

	if (!in->began && (r = begin(in)) <= 0)
		return r;
	if (in->mode == IN_LINES)
		return next_line(in, rec, len);
	if (in->mode == IN_CSV)
		return next_csv(in, rec, len);
	return next_framed(in, rec, len);
}
