/*
** text.h -- the inside of a ct_text (see clausetag.h for the promises).
**
** The bytes are the input exactly as read, plus a NUL.  `lines` holds the
** offset where each line starts (line 1 at lines[0] == 0), so line and
** column of any offset cost one binary search plus a scan of one line.
** A very long line would make that scan slow for every clause on it, so
** `marks` also count the characters at the first character boundary at
** or after every CT_MARK_EVERY bytes: no column costs more than a scan of
** a few kilobytes.
*/
#ifndef CT_TEXT_H
#define CT_TEXT_H

#include "clausetag.h"

#define CT_MARK_EVERY 4096

typedef struct ct_mark {
  size_t off;           /* first character boundary >= k * CT_MARK_EVERY */
  size_t chars;         /* characters in [body, off), invalid sequences
                        ** counting one each */
} ct_mark;

#define CT_TEXT_PAD 64   /* zero bytes after the data, for vector reads */

struct ct_text {
  char *name;           /* path or name as given */
  unsigned char *data;  /* len bytes + NUL + CT_TEXT_PAD zero bytes */
  size_t len;
  size_t body;          /* 3 after a UTF-8 BOM, else 0 */
  size_t *lines;        /* start offset of each line */
  size_t nlines;
  ct_mark *marks;       /* marks[k] for block k; marks[0] is at body */
  size_t nmarks;
  int invalid;          /* holds invalid UTF-8 (only under CT_INVALID_REPLACE) */
  int no_md;            /* none of the bytes Markdown structure begins with
                        ** (ct_text_md_bytes) is in data: no clause needs
                        ** looking at for it */
  /* A document read from another format (srcmap.h): data is the text
  ** extracted from it, src the source every offset is reported in. */
  ct_input_format format;
  struct ct_text *src;  /* owned; NULL for plain text */
  struct ct_srcrun *runs;   /* the map from data to src, by data offset */
  size_t nruns;
  struct ct_block *blocks;  /* the reader's structure, in order */
  size_t nblocks;
  size_t *pages;        /* src offset where each page starts (PDF) */
  size_t npages;
  /* A piece of a larger file (src/stream/): the file offset of data[0],
  ** added to every offset reported for the text (ct_text_source_span);
  ** 0 for a whole document. */
  size_t base;
  /* A piece that starts mid-line (at a window sentence, text/cut.h): the
  ** characters of that line before data[0], added to the columns of the
  ** text's first line; 0 otherwise. */
  size_t col0;
};

/* The bytes of t->data from offset `end` (at most t->len) on that may be
** read: the rest of the text, its NUL and the padding.  For a reader
** that loads whole blocks to the end of a part of the text. */
static inline size_t ct_text_readable(const ct_text *t, size_t end) {
  return t->len - end + 1 + CT_TEXT_PAD;
}

/* What fstat says of an open file before it is read, to notice that it
** changed while it was read.  known: a regular file; the rest is then
** its size, the bytes from the current position to its end, and its
** modification time. */
typedef struct ct_file_state {
  int known;
  unsigned long long size;
  size_t left;
  long long mtime_s;
  long mtime_ns;
} ct_file_state;

void ct_file_state_of(FILE *f, ct_file_state *fs);
/* The same for a descriptor, its position taken as 0. */
void ct_file_state_fd(int fd, ct_file_state *fs);
/* Are a and b one regular file unchanged: size and modification time? */
int ct_file_state_same(const ct_file_state *a, const ct_file_state *b);

/* Fails with CT_EBINARY ("NAME:1:1: UTF-16LE text (byte order mark FF
** FE), not UTF-8: ...") when the n bytes at s, a text's first, start with
** a UTF-16 or UTF-32 byte order mark, else returns CT_OK.  Such a file
** would otherwise be called binary at its first NUL, which tells the
** user nothing; every reader of text checks this first, so each reports
** the same. */
ct_status ct_text_check_wide(const char *name, const unsigned char *s,
                             size_t n, ct_error *err);

/* fread of up to n bytes that goes on when a signal interrupts it: a
** handler installed without SA_RESTART (a program's timer, a fuzzer's)
** makes read(2) on a pipe fail with EINTR, which stdio reports as an
** error.  Returns the bytes read; *errnum is 0 (the end, or n read) or
** the errno of a real failure. */
size_t ct_stream_fread(FILE *f, void *p, size_t n, int *errnum);

/* ct_text_read_file_max on an open stream named `name`, `before` being
** its state when opened (tests pass a state of their own to stand for a
** file that changed under the reader).  f is not closed. */
ct_status ct_text_read_stream(FILE *f, const char *name,
                              const ct_file_state *before, ct_invalid mode,
                              size_t max, ct_text **out, ct_error *err);

/* ct_text_read_stream on an open regular file (read from its start,
** as ct_text_read_file_max reads one), with read(2): a file of known
** size in one read.  fd is not closed. */
ct_status ct_text_read_fd(int fd, const char *name,
                          const ct_file_state *before, ct_invalid mode,
                          size_t max, ct_text **out, ct_error *err);

/* The bytes of path ("-": standard input) into out, as they are (NUL
** bytes and all: a PDF), with the size cap and the change check of
** ct_text_read_file_max; out is empty after a failure.  The stream form
** reads f (named `name` in messages) to its end and leaves it open. */
struct ct_buf;
ct_status ct_read_stream_bytes(FILE *f, const char *name, size_t max,
                               struct ct_buf *out, ct_error *err);
ct_status ct_read_bytes(const char *path, size_t max, struct ct_buf *out,
                        ct_error *err);

/* Does p[0..n) hold one of the bytes Markdown structure begins with:
** * _ [ ] < > (sixteen bytes a test)? */
int ct_text_md_bytes(const unsigned char *p, size_t n);

/* Where ct_text_linecol_next left off; zeroed to start. */
typedef struct ct_linecol {
  size_t last;          /* the offset last asked for */
  size_t line;          /* its line's index */
  size_t pos, chars;    /* characters in [line start, pos) */
} ct_linecol;

/* ct_text_linecol for offsets in increasing order (the segmenter's
** clauses): linear in the text over all calls, not a search and a count
** from the line's start for each. */
void ct_text_linecol_next(const ct_text *t, ct_linecol *lc, size_t off,
                          size_t *line, size_t *col);

/* ct_text_span appended to b (NUL-terminated), with no allocation of
** its own once b is large enough; CT_ENOMEM leaves b as it was. */
ct_status ct_text_span_add(struct ct_buf *b, const ct_text *t, size_t start,
                           size_t end, int collapse);

#endif
