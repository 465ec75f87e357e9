/*
 * file.h - small files read whole: rules, maps, metric definitions,
 * dictionaries, bookmarks.
 *
 * Every file pulse reads may have been saved by Notepad or Excel: a UTF-8
 * byte order mark at the start is dropped here, and the readers of each
 * format accept "\r\n" line ends.  What a file must hold is the reader's
 * business; an empty one is for it to refuse (file_blank() says whether
 * there is anything but whitespace).
 */
#ifndef PULSE_FILE_H
#define PULSE_FILE_H

#include <stddef.h>

#include "buf.h"

/*
 * Appends the bytes of the file at path to out, without a leading UTF-8
 * byte order mark.  @return 0, or an exit status with the reason in err
 * (reset first; "cannot open rules 'x': ...", what naming the kind of
 * file, or NULL): EX_NOINPUT when it cannot be opened or is a directory,
 * EX_IOERR on a read error.
 */
int file_slurp(const char *what, const char *path, struct buf *out,
	       struct buf *err);

/* Whether p[0..n) holds nothing but spaces, tabs and line ends. */
int file_blank(const char *p, size_t n);

/*
 * Replaces the file at path with p[0..n) atomically: a temporary file
 * beside it (mode 0644), synced, then renamed over it; what names the
 * file in messages ("the bookmark").  @return 0, or an exit status with
 * the reason in err (reset first): EX_CANTCREAT when it cannot be created
 * or renamed, EX_IOERR when it cannot be written.
 */
int file_replace(const char *path, const char *p, size_t n, const char *what,
		 struct buf *err);

/* The length of a UTF-8 byte order mark at the start of p[0..n): 3 or 0. */
size_t file_bom(const char *p, size_t n);

#endif
