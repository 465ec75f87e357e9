/*
 * fuzz_replay - runs a libFuzzer target (tests/fuzz/NAME_fuzz.c, linked
 * with this into $B/tests/fuzz/NAME_replay) without libFuzzer, so `make
 * check` exercises its invariants with any compiler.
 *
 *   NAME_replay [--mutants N] [--seed S] DIR|FILE...
 *
 * Feeds every file (directories are read one level deep) to
 * LLVMFuzzerTestOneInput, then N (default 0) seeded random mutants of them
 * (bytes replaced, inserted, deleted, pieces repeated, inputs spliced).
 * Prints "N inputs, M mutants" and exits 0, or aborts on a broken
 * invariant.
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "err.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct buf *inputs;
static size_t ninputs;

static void load(const char *path)
{
	struct buf b = BUF_INIT;
	struct stat st;
	DIR *d;
	struct dirent *de;
	char sub[4096];

	if (stat(path, &st) != 0)
		die_errno(EX_NOINPUT, "cannot open '%s'", path);
	if (S_ISDIR(st.st_mode)) {
		d = opendir(path);
		if (!d)
			die_errno(EX_NOINPUT, "cannot open '%s'", path);
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
			load(sub);
		}
		closedir(d);
		return;
	}
	{
		FILE *f = fopen(path, "rb");
		char tmp[65536];
		size_t n;
		if (!f)
			die_errno(EX_NOINPUT, "cannot open '%s'", path);
		while ((n = fread(tmp, 1, sizeof tmp, f)) > 0)
			buf_add(&b, tmp, n);
		fclose(f);
	}
	if (!b.p)
		buf_grow(&b, 0);
	inputs = xrealloc(inputs, (ninputs + 1) * sizeof *inputs);
	inputs[ninputs++] = b;
}

static uint64_t rng = 88172645463325252ULL;

static size_t rnd(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return n ? (size_t)(rng % n) : 0;
}

static void mutant(struct buf *m)
{
	static const char *const bytes[] = {
		"\"",
		"\\",
		"{",
		"}",
		"[",
		"]",
		",",
		":",
		"\n",
		"0",
		"-",
		"e",
		"\\u",
		"\\ud800",
		"\x00",
		"\x1f",
		"\x80",
		"\xc3",
		"\xed\xa0\x80",
		"\xff",
		"\xef\xbb\xbf",
		"\x28\xb5\x2f\xfd",
		"\r\n",
		" ",
	};
	const struct buf *a = &inputs[rnd(ninputs)], *b = &inputs[rnd(ninputs)];
	size_t k, rounds = 1 + rnd(4), pos, len;
	const char *ins;

	buf_reset(m);
	buf_add(m, a->p, a->len);
	for (k = 0; k < rounds; k++) {
		pos = rnd(m->len + 1);
		switch (rnd(5)) {
		case 0: /* replace */
			if (m->len)
				m->p[rnd(m->len)] = (char)rnd(256);
			break;
		case 1: /* insert */
			ins = bytes[rnd(sizeof bytes / sizeof bytes[0])];
			len = ins[0] ? strlen(ins) : 1;
			buf_grow(m, len);
			memmove(m->p + pos + len, m->p + pos, m->len - pos);
			memcpy(m->p + pos, ins, len);
			m->len += len;
			break;
		case 2: /* delete */
			len = rnd(8);
			if (pos + len > m->len)
				len = m->len - pos;
			memmove(m->p + pos, m->p + pos + len,
				m->len - pos - len);
			m->len -= len;
			break;
		case 3: /* repeat */
			len = rnd(16);
			if (pos + len > m->len)
				len = m->len - pos;
			buf_grow(m, len);
			memmove(m->p + pos + len, m->p + pos, m->len - pos);
			m->len += len;
			break;
		default: /* splice the tail of another input */
			if (b->len) {
				size_t from = rnd(b->len);
				m->len = pos;
				buf_add(m, b->p + from, b->len - from);
			}
			break;
		}
	}
}

int main(int argc, char **argv)
{
	struct buf m = BUF_INIT;
	unsigned long nmut = 0, i;
	int a;

	err_setprog(argv[0]);
	for (a = 1; a < argc; a++) {
		if (strcmp(argv[a], "--mutants") == 0 && a + 1 < argc)
			nmut = strtoul(argv[++a], NULL, 10);
		else if (strcmp(argv[a], "--seed") == 0 && a + 1 < argc)
			rng ^= strtoull(argv[++a], NULL, 10) *
			       0x9e3779b97f4a7c15ULL;
		else
			load(argv[a]);
	}
	if (!ninputs)
		die(EX_USAGE,
		    "usage: fuzz_replay [--mutants N] [--seed S] DIR|FILE...");
	for (i = 0; i < ninputs; i++)
		LLVMFuzzerTestOneInput((const uint8_t *)inputs[i].p,
				       inputs[i].len);
	for (i = 0; i < nmut; i++) {
		mutant(&m);
		LLVMFuzzerTestOneInput((const uint8_t *)m.p, m.len);
	}
	printf("%zu inputs, %lu mutants\n", ninputs, nmut);
	for (i = 0; i < ninputs; i++)
		buf_release(&inputs[i]);
	free(inputs);
	buf_release(&m);
	return 0;
}
