/*
** text.c -- one input document: read, checked as UTF-8, indexed by line.
**
** The bytes stay exactly as read so that every offset reported anywhere
** is an offset into the input file.  One pass over the bytes finds NULs,
** the first invalid UTF-8 sequence and the start of every line; line and
** column are then computed on demand from that index.
**
** Reading a file is bounded: it stops at the size cap (a file whose size
** is known to be larger is not read at all) and after the first block
** holding a NUL byte, so /dev/zero or an endless pipe costs one block or
** the cap, never all memory.  A regular file must not change while it is
** read.
*/
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>
#include "core/buf.h"
#include "core/bytes16.h"
#include "core/bytes8.h"
#include "core/error.h"
#include "text/srcmap.h"
#include "text/text.h"
#include "text/utf8.h"
#include "core/grow.h"

#define READ_CHUNK 65536

/* Decodes one sequence of s[i..end); ASCII without a call. */
static size_t next_cp(const unsigned char *s, size_t i, size_t end, int32_t *cp) {
  if (s[i] < 0x80) {
    *cp = s[i];
    return 1;
  }
  return ct_utf8_decode(s + i, end - i, cp);
}

/* ---- eight bytes at a time ---------------------------------------------
** Most text is ASCII, and most of it is bytes the one pass, a column
** count or a span copy does nothing with but step over.  These tests
** look at eight bytes at once (core/bytes8.h); each is exact, so a loop
** that steps over a word only when its test says so does what the byte
** loop does. */

#if CT_BYTES16
/* ascii8 and plain8 for sixteen bytes (core/bytes16.h): a byte from 0x80
** compares negative, so "above 0x0D" is ASCII from 0x0E. */
static int ascii16(const unsigned char *p) {
  return ct_high16(ct_load16(p)) == 0;
}

static int plain16(const unsigned char *p) {
  return ct_mask16(ct_above16(ct_load16(p), 0x0D)) == 0xFFFFu;
}
#endif

/* All eight bytes ASCII: each is a character of its own. */
static int ascii8(const unsigned char *p) {
  return (ct_load8(p) & CT_HIGHS) == 0;
}

/* All eight bytes ASCII and from 0x0E: no NUL, LF or CR, nothing for the
** scan to record (the other controls below 0x0E, TAB among them, go the
** byte way too).  A byte below 0x0E borrows in x - 0x0E.., and the borrow
** sets that byte's high bit; with none, no high bit is set. */
static int plain8(const unsigned char *p) {
  uint64_t x = ct_load8(p);
  return ((x | (x - CT_ONES * 0x0E)) & CT_HIGHS) == 0;
}

/* ---- Markdown's bytes ------------------------------------------------- */

/* The bytes Markdown structure begins with (segment/markdown.c's
** structure_at finds structure only at them). */
static const unsigned char md_byte[256] = {
  ['*'] = 1, ['_'] = 1, ['['] = 1, [']'] = 1, ['<'] = 1, ['>'] = 1
};

/* Sixteen bytes a test where the machine can (bytes16.h: '<' '>' and
** ']' '_' are two apart, one compare each), four bytes a test while four
** remain, then one by one. */
int ct_text_md_bytes(const unsigned char *p, size_t n) {
  size_t i = 0;
#if CT_BYTES16
  for (; n - i >= 16; i += 16) {
    ct_v16 x = ct_load16(p + i);
    if (ct_mask16(ct_or16(ct_or16(ct_eq_or16(x, 0x02, '>'),
                                  ct_eq_or16(x, 0x02, '_')),
                          ct_or16(ct_eq16(x, '['), ct_eq16(x, '*')))))
      return 1;
  }
#endif
  while (n - i >= 4 &&
         (md_byte[p[i]] | md_byte[p[i + 1]] | md_byte[p[i + 2]] |
          md_byte[p[i + 3]]) == 0)
    i += 4;
  while (i < n && !md_byte[p[i]]) i++;
  return i < n;
}

/* ---- line index ------------------------------------------------------ */

/* Index of the line holding `off`: the last line starting at or before. */
static size_t line_index(const ct_text *t, size_t off) {
  size_t lo = 0, hi = t->nlines;   /* lines[lo] <= off < lines[hi] */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->lines[mid] <= off) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* Sequences in [*at, off) that end at or before off, so an offset inside
** a multibyte character counts as that character's position; *at is left
** where the count stopped, a sequence boundary. */
static size_t count_on(const ct_text *t, size_t *at, size_t off) {
  size_t c = 0, p = *at;
  while (p < off) {
    int32_t cp;
    size_t k;
#if CT_BYTES16
    if (off - p >= 16 && ascii16(t->data + p)) {   /* sixteen characters */
      p += 16;
      c += 16;
      continue;
    }
#endif
    if (off - p >= 8 && ascii8(t->data + p)) {   /* eight characters */
      p += 8;
      c += 8;
      continue;
    }
    k = next_cp(t->data, p, t->len, &cp);
    if (p + k > off) break;
    p += k;
    c++;
  }
  *at = p;
  return c;
}

static size_t count_chars(const ct_text *t, size_t p, size_t off) {
  return count_on(t, &p, off);
}

/* Characters in [body, off), from the nearest mark at or before off. */
static size_t chars_before(const ct_text *t, size_t off) {
  size_t k = off / CT_MARK_EVERY;
  if (k >= t->nmarks) k = t->nmarks - 1;
  while (k > 0 && t->marks[k].off > off) k--;   /* off inside a character */
  return t->marks[k].chars + count_chars(t, t->marks[k].off, off);
}

void ct_text_linecol(const ct_text *t, size_t off, size_t *line, size_t *col) {
  size_t i, p, c;
  if (t->src != NULL) {   /* extracted text: answer in the source */
    ct_text_source_linecol(t, ct_srcmap_start(t, off), line, col);
    return;
  }
  if (off > t->len) off = t->len;
  i = line_index(t, off);
  p = t->lines[i];
  if (p < t->body) p = t->body;   /* the BOM is not a column */
  if (off <= p) c = 0;
  else if (off - p <= CT_MARK_EVERY) c = count_chars(t, p, off);
  else c = chars_before(t, off) - chars_before(t, p);
  if (line) *line = i + 1;
  if (col) *col = c + 1 + (i == 0 ? t->col0 : 0);
}

/* The same answers as ct_text_linecol: the line found by stepping on from
** the last one, and the column counted on from where the last count
** stopped (a count from the line's start that stopped at a sequence
** boundary can go on from there).  An offset before the last one, or
** extracted text, takes ct_text_linecol. */
void ct_text_linecol_next(const ct_text *t, ct_linecol *lc, size_t off,
                          size_t *line, size_t *col) {
  size_t p;
  if (off > t->len) off = t->len;
  if (t->src != NULL || off < lc->last) {
    ct_text_linecol(t, off, line, col);
    return;
  }
  lc->last = off;
  while (lc->line + 1 < t->nlines && t->lines[lc->line + 1] <= off)
    lc->line++;
  p = t->lines[lc->line] < t->body ? t->body : t->lines[lc->line];
  if (lc->pos < p) {              /* a new line: pos was on an earlier one */
    lc->pos = p;
    lc->chars = 0;
  }
  if (off > lc->pos) lc->chars += count_on(t, &lc->pos, off);
  if (line) *line = lc->line + 1;
  if (col) *col = (off <= p ? 0 : lc->chars) + 1 +
                  (lc->line == 0 ? t->col0 : 0);
}

/* ---- building a text ------------------------------------------------- */

static void text_release(ct_text *t) {
  if (t == NULL) return;
  free(t->name);
  free(t->data);
  free(t->lines);
  free(t->marks);
  ct_text_free(t->src);
  free(t->runs);
  free(t->blocks);
  free(t->pages);
  free(t);
}

void ct_text_free(ct_text *t) { text_release(t); }

static ct_status oom(ct_error *err, const char *name) {
  return ct_fail(err, CT_ENOMEM, "%s: out of memory", name);
}

/* The state of the one pass over the bytes. */
typedef struct scanner {
  size_t i;          /* next byte */
  size_t extra;      /* continuation bytes of multibyte sequences so far */
  size_t bad;        /* first invalid sequence, NONE if none yet */
  size_t linecap, markcap;
} scanner;

#define NONE ((size_t)-1)

static int push_line(ct_text *t, scanner *sc) {
  size_t *p = ct_grow(t->lines, t->nlines, &sc->linecap, sizeof *p, 64);
  if (p == NULL) return 0;
  t->lines = p;
  t->lines[t->nlines++] = sc->i;
  return 1;
}

static int push_mark(ct_text *t, scanner *sc) {
  ct_mark *p = ct_grow(t->marks, t->nmarks, &sc->markcap, sizeof *p, 64);
  if (p == NULL) return 0;
  t->marks = p;
  t->marks[t->nmarks].off = sc->i;
  t->marks[t->nmarks].chars = sc->i - t->body - sc->extra;
  t->nmarks++;
  return 1;
}

/* UTF-32 first: its little-endian mark starts with UTF-16's. */
static const struct wide {
  const char *name, *family, *shown;
  unsigned char mark[4];
  size_t n;
} wides[] = {
  { "UTF-32LE", "UTF-32", "FF FE 00 00", { 0xFF, 0xFE, 0x00, 0x00 }, 4 },
  { "UTF-32BE", "UTF-32", "00 00 FE FF", { 0x00, 0x00, 0xFE, 0xFF }, 4 },
  { "UTF-16LE", "UTF-16", "FF FE", { 0xFF, 0xFE, 0, 0 }, 2 },
  { "UTF-16BE", "UTF-16", "FE FF", { 0xFE, 0xFF, 0, 0 }, 2 },
};

ct_status ct_text_check_wide(const char *name, const unsigned char *s,
                             size_t n, ct_error *err) {
  size_t i;
  for (i = 0; i < sizeof wides / sizeof wides[0]; i++) {
    const struct wide *w = &wides[i];
    if (n >= w->n && memcmp(s, w->mark, w->n) == 0)
      return ct_fail(err, CT_EBINARY, "%s:1:1: %s text (byte order mark "
                     "%s), not UTF-8: convert it first (iconv -f %s -t "
                     "UTF-8)", name, w->name, w->shown, w->family);
  }
  return CT_OK;
}

/* Scans until sc->i reaches `stop` (or passes it, finishing a character)
** or the end.  Stops at a NUL byte with CT_EBINARY. */
static ct_status scan_to(ct_text *t, scanner *sc, size_t stop) {
  const unsigned char *s = t->data;
  size_t n = t->len < stop ? t->len : stop, i = sc->i;
  while (i < n) {
    unsigned c;
#if CT_BYTES16
    if (n - i >= 16 && plain16(s + i)) {
      i += 16;
      continue;
    }
#endif
    if (n - i >= 8 && plain8(s + i)) {
      i += 8;
      continue;
    }
    c = s[i];
    if (c >= 0x80) {
      int32_t cp;
      size_t k = ct_utf8_decode(s + i, t->len - i, &cp);
      if (cp < 0 && sc->bad == NONE) sc->bad = i;
      sc->extra += k - 1;
      i += k;
    } else if (c == '\n' || c == '\r') {
      i += (c == '\r' && i + 1 < t->len && s[i + 1] == '\n') ? 2 : 1;
      sc->i = i;
      if (!push_line(t, sc)) return CT_ENOMEM;
    } else if (c == 0) {
      break;
    } else {
      i++;
    }
  }
  sc->i = i;
  return i < n ? CT_EBINARY : CT_OK;
}

/* One pass: line starts, marks, the first NUL (an error at once) and the
** first invalid sequence (reported only when no NUL follows: NUL wins). */
static ct_status scan(ct_text *t, ct_invalid mode, ct_error *err) {
  scanner sc = { 0, 0, NONE, 0, 0 };
  size_t stop, line, col;
  ct_status st = ct_text_check_wide(t->name, t->data, t->len, err);
  if (st != CT_OK) return st;
  if (!push_line(t, &sc)) return oom(err, t->name);
  sc.i = t->body;
  if (!push_mark(t, &sc)) return oom(err, t->name);
  for (stop = CT_MARK_EVERY; st == CT_OK && sc.i < t->len; stop += CT_MARK_EVERY) {
    st = scan_to(t, &sc, stop);
    if (st == CT_OK && sc.i >= stop && !push_mark(t, &sc)) st = CT_ENOMEM;
  }
  if (st == CT_ENOMEM) return oom(err, t->name);
  if (st == CT_EBINARY) {
    ct_text_linecol(t, sc.i, &line, &col);
    return ct_fail(err, CT_EBINARY, "%s:%zu:%zu: binary file (NUL byte)",
                   t->name, line, col);
  }
  if (sc.bad == NONE) return CT_OK;
  if (mode == CT_INVALID_REPLACE) {
    t->invalid = 1;
    return CT_OK;
  }
  ct_text_linecol(t, sc.bad, &line, &col);
  return ct_fail(err, CT_EUTF8, "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X)",
                 t->name, line, col, (unsigned)t->data[sc.bad]);
}

/* Takes ownership of data (len bytes + NUL) whatever happens. */
static ct_status text_build(const char *name, unsigned char *data, size_t len,
                            ct_invalid mode, ct_text **out, ct_error *err) {
  ct_text *t;
  ct_status st;
  unsigned char *padded;
  *out = NULL;
  /* PCRE2's JIT reads whole vectors past a subject's end: zeroed padding
  ** keeps that read inside the block and defined. */
  padded = realloc(data, len + 1 + CT_TEXT_PAD);
  if (padded == NULL) {
    free(data);
    return oom(err, name);
  }
  memset(padded + len, 0, 1 + CT_TEXT_PAD);
  data = padded;
  t = calloc(1, sizeof *t);
  if (t == NULL || (t->name = strdup(name)) == NULL) {
    free(t);
    free(data);
    return oom(err, name);
  }
  t->data = data;
  t->len = len;
  if (len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF)
    t->body = 3;
  st = scan(t, mode, err);
  if (st != CT_OK) {
    text_release(t);
    return st;
  }
  /* here, in the reading thread, once for every clause */
  t->no_md = !ct_text_md_bytes(data, len);
  *out = t;
  return CT_OK;
}

ct_status ct_text_from_buffer(const char *name, const void *data, size_t len,
                              ct_invalid mode, ct_text **out, ct_error *err) {
  unsigned char *copy;
  *out = NULL;
  if (len == (size_t)-1 || (copy = malloc(len + 1)) == NULL)
    return oom(err, name);
  if (len) memcpy(copy, data, len);
  copy[len] = '\0';
  return text_build(name, copy, len, mode, out, err);
}

/* Offsets stay t's: the copy reports them with t's base. */
ct_status ct_text_extend(const ct_text *t, const void *data, size_t len,
                         ct_invalid mode, ct_text **out, ct_error *err) {
  unsigned char *copy;
  ct_status s;
  *out = NULL;
  if (t->src != NULL)
    return ct_fail(err, CT_EUSAGE, "%s: only a plain text can be extended",
                   t->name);
  if (len > (size_t)-2 - t->len || (copy = malloc(t->len + len + 1)) == NULL)
    return oom(err, t->name);
  memcpy(copy, t->data, t->len);
  if (len) memcpy(copy + t->len, data, len);
  copy[t->len + len] = '\0';
  s = text_build(t->name, copy, t->len + len, mode, out, err);
  if (s == CT_OK) (*out)->base = t->base, (*out)->col0 = t->col0;
  return s;
}

/* ---- reading files --------------------------------------------------- */

/* fs from what fstat said of a file whose position is `at` (-1: not
** known, read as the start). */
static void state_from(const struct stat *st, off_t at, ct_file_state *fs) {
  memset(fs, 0, sizeof *fs);
  if (!S_ISREG(st->st_mode) || st->st_size < 0) return;
  fs->known = 1;
  fs->size = (unsigned long long)st->st_size;
  fs->left = at >= 0 && at <= st->st_size ? (size_t)(st->st_size - at)
                                          : (size_t)st->st_size;
  fs->mtime_s = (long long)st->st_mtim.tv_sec;
  fs->mtime_ns = (long)st->st_mtim.tv_nsec;
}

void ct_file_state_of(FILE *f, ct_file_state *fs) {
  struct stat st;
  memset(fs, 0, sizeof *fs);
  if (fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0)
    return;
  state_from(&st, ftello(f), fs);   /* standard input may start inside its file */
}

void ct_file_state_fd(int fd, ct_file_state *fs) {
  struct stat st;
  memset(fs, 0, sizeof *fs);
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0)
    state_from(&st, 0, fs);
}

int ct_file_state_same(const ct_file_state *a, const ct_file_state *b) {
  return a->known && b->known && a->size == b->size &&
         a->mtime_s == b->mtime_s && a->mtime_ns == b->mtime_ns;
}

size_t ct_stream_fread(FILE *f, void *p, size_t n, int *errnum) {
  size_t got = 0;
  *errnum = 0;
  while (got < n) {
    errno = 0;
    got += fread((char *)p + got, 1, n - got, f);
    if (got == n || !ferror(f)) break;         /* all of it, or the end */
    if (errno != EINTR) {
      *errnum = errno ? errno : EIO;
      break;
    }
    clearerr(f);
  }
  return got;
}

/* How reading ended: at the end of the file, at a block holding a NUL
** byte (a binary file: the scan reports it, the rest need not be read),
** or one byte past the cap. */
typedef enum read_end { READ_EOF, READ_NUL, READ_OVER } read_end;

/* Where bytes come from: a stream (standard input, a pipe, anything not
** a regular file), or the descriptor of a regular file read with read(2)
** (no stdio buffer, no lseek, no read to see 0 after a file of known
** size). */
typedef struct source {
  FILE *f;       /* NULL: read fd */
  int fd;
} source;

/* Up to want bytes at p; *got is how many (some, from a stream, even
** when it then failed).  Returns 0 or an errno. */
static int source_read(const source *src, void *p, size_t want, size_t *got) {
  ssize_t n;
  if (src->f != NULL) {
    int e;
    *got = ct_stream_fread(src->f, p, want, &e);
    return e;
  }
  *got = 0;
  while ((n = read(src->fd, p, want)) < 0)
    if (errno != EINTR) return errno ? errno : EIO;
  *got = (size_t)n;
  return 0;
}

/* The source's state now (for the check after the read). */
static void source_state(const source *src, ct_file_state *fs) {
  if (src->f != NULL) ct_file_state_of(src->f, fs);
  else ct_file_state_fd(src->fd, fs);
}

/* Reads src into b until one of the read_ends: into the room b has, then
** a block of READ_CHUNK bytes at a time.  A short fread is the end; a
** short read(2) is when it brings b to `expect` bytes (the size fstat
** gave; NONE: not known), or when it gives nothing (a file that grew
** meanwhile gives more, and the check after the read sees any change).
** Returns 0 or the errno of the failure (ENOMEM when the buffer cannot
** grow). */
static int read_capped(const source *src, size_t max, int binary,
                       size_t expect, ct_buf *b, read_end *how) {
  for (;;) {
    size_t want = READ_CHUNK, got, left = max - b->len;
    size_t room = b->cap > b->len + 1 ? b->cap - b->len - 1 : 0;
    int e;
    /* first the room a file of known size was given, then blocks */
    if (room > 0 && (b->len == 0 || room >= READ_CHUNK / 16)) want = room;
    else if (ct_buf_reserve(b, READ_CHUNK) != CT_OK) return ENOMEM;
    if (left < want) want = left + 1;   /* the byte past the cap tells */
    e = source_read(src, b->s + b->len, want, &got);
    /* A NUL stops a stream of unknown size early; a file of known size
    ** is read whole anyway, and the scan after finds the NUL (without
    ** this pass the feeder takes 3% less time a document). */
    *how = !binary && expect == NONE &&
                   memchr(b->s + b->len, '\0', got) ? READ_NUL : READ_EOF;
    b->len += got;
    b->s[b->len] = '\0';
    if (*how == READ_NUL) return 0;
    if (b->len > max) {
      *how = READ_OVER;
      return 0;
    }
    if (e != 0) return e;
    if (got == 0 ||
        (got < want && (src->f != NULL || b->len == expect)))
      return 0;
  }
}

static ct_status too_big(ct_error *err, const char *name, size_t max) {
  return ct_fail(err, CT_ETOOBIG,
                 "%s: larger than %zu bytes, the document size cap", name,
                 max);
}

/* A file that changes while it is read would be processed as a document
** that never existed (half old, half new, or cut short).  Its size and
** modification time after the read must be those before it.  Bytes read
** against the size are not enough alone: files under /proc say 0 bytes
** and have more, and they do not change. */
static ct_status check_unchanged(const source *src, const char *name,
                                 const ct_file_state *before, size_t got,
                                 ct_error *err) {
  ct_file_state now;
  source_state(src, &now);
  if (!before->known || ct_file_state_same(&now, before)) return CT_OK;
  if (got != before->left)
    return ct_fail(err, CT_EIO, "%s: changed while being read (expected %zu "
                   "bytes, read %zu)", name, before->left, got);
  if (now.known && now.size != before->size)
    return ct_fail(err, CT_EIO, "%s: changed while being read (%llu bytes "
                   "when opened, %llu after)", name, before->size, now.size);
  return ct_fail(err, CT_EIO, "%s: changed while being read (modified during "
                 "the read)", name);
}

static ct_status read_text(const source *src, const char *name,
                           const ct_file_state *before, ct_invalid mode,
                           size_t max, ct_text **out, ct_error *err) {
  ct_buf b = {0};
  read_end how;
  ct_status st;
  size_t len;
  int e;
  *out = NULL;
  if (before->known && before->left > max) return too_big(err, name, max);
  /* One allocation for a file of known size, with room to see its end
  ** and for the padding text_build adds (so that it need not move it),
  ** read in one go. */
  if (before->known) {
    b.cap = before->left + 2 + CT_TEXT_PAD;
    if ((b.s = malloc(b.cap)) == NULL) return oom(err, name);
  }
  e = read_capped(src, max, 0, before->known ? before->left : NONE, &b, &how);
  if (e == ENOMEM) st = oom(err, name);
  else if (e != 0)
    st = ct_fail(err, CT_EIO, "%s: cannot read: %s", name, strerror(e));
  else if (how == READ_OVER) st = too_big(err, name, max);
  else if (how == READ_EOF) st = check_unchanged(src, name, before, b.len, err);
  else st = CT_OK;   /* a NUL byte: the scan says where */
  if (st != CT_OK) {
    ct_buf_free(&b);
    return st;
  }
  len = b.len;
  return text_build(name, (unsigned char *)ct_buf_take(&b), len, mode, out, err);
}

ct_status ct_text_read_stream(FILE *f, const char *name,
                              const ct_file_state *before, ct_invalid mode,
                              size_t max, ct_text **out, ct_error *err) {
  source src = {f, -1};
  return read_text(&src, name, before, mode, max, out, err);
}

ct_status ct_text_read_fd(int fd, const char *name,
                          const ct_file_state *before, ct_invalid mode,
                          size_t max, ct_text **out, ct_error *err) {
  source src = {NULL, fd};
  return read_text(&src, name, before, mode, max, out, err);
}

ct_status ct_read_stream_bytes(FILE *f, const char *name, size_t max,
                               ct_buf *out, ct_error *err) {
  ct_file_state before;
  ct_status st;
  read_end how;
  source src = {NULL, -1};
  int e;
  src.f = f;
  ct_file_state_of(f, &before);
  if (before.known && before.left > max) st = too_big(err, name, max);
  /* a file of known size in one buffer of its size: growing one by
  ** doubling touches twice the pages (the 184 KiB of the shipped
  ** weights.lua, read at every start) */
  else if (before.known && out->cap == 0 &&
           ct_buf_reserve(out, before.left + 1) != CT_OK)
    st = oom(err, name);
  else if ((e = read_capped(&src, max, 1, NONE, out, &how)) == ENOMEM)
    st = oom(err, name);
  else if (e != 0)
    st = ct_fail(err, CT_EIO, "%s: cannot read: %s", name, strerror(e));
  else if (how == READ_OVER) st = too_big(err, name, max);
  else st = check_unchanged(&src, name, &before, out->len, err);
  if (st != CT_OK) ct_buf_free(out);
  return st;
}

ct_status ct_read_bytes(const char *path, size_t max, ct_buf *out,
                        ct_error *err) {
  int is_stdin = strcmp(path, "-") == 0;
  const char *name = is_stdin ? "<stdin>" : path;
  ct_status st;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (f == NULL)
    return ct_fail(err, CT_EIO, "%s: cannot read: %s", name, strerror(errno));
  st = ct_read_stream_bytes(f, name, max, out, err);
  if (!is_stdin) fclose(f);
  return st;
}

/* A regular file is read with open and read into a buffer of its size
** (stdio's buffer, its lseeks and its second fstat cost a quarter of the
** reading thread's time on 32 KiB files); anything else (standard input,
** a pipe, a directory named as a file) through a stream, as always. */
ct_status ct_text_read_file_max(const char *path, ct_invalid mode,
                                size_t max_bytes, ct_text **out,
                                ct_error *err) {
  int is_stdin = strcmp(path, "-") == 0, fd = -1;
  const char *name = is_stdin ? "<stdin>" : path;
  ct_file_state before;
  struct stat st;
  ct_status s;
  FILE *f;
  *out = NULL;
  if (!is_stdin) {
    if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
      return ct_fail(err, CT_EIO, "%s: cannot read: %s", name,
                     strerror(errno));
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
      state_from(&st, 0, &before);
      s = ct_text_read_fd(fd, name, &before, mode, max_bytes, out, err);
      close(fd);
      return s;
    }
  }
  f = is_stdin ? stdin : fdopen(fd, "rb");
  if (f == NULL) {
    int e = errno;
    close(fd);
    return ct_fail(err, CT_EIO, "%s: cannot read: %s", name, strerror(e));
  }
  ct_file_state_of(f, &before);
  s = ct_text_read_stream(f, name, &before, mode, max_bytes, out, err);
  if (!is_stdin) fclose(f);
  return s;
}

ct_status ct_text_read_file(const char *path, ct_invalid mode,
                            ct_text **out, ct_error *err) {
  return ct_text_read_file_max(path, mode, CT_DEFAULT_MAX_DOCUMENT_BYTES, out,
                               err);
}

/* ---- accessors ------------------------------------------------------- */

const char *ct_text_name(const ct_text *t) { return t->name; }
const char *ct_text_data(const ct_text *t) { return (const char *)t->data; }
size_t ct_text_size(const ct_text *t) { return t->len; }
size_t ct_text_body(const ct_text *t) { return t->body; }

/* ---- spans ----------------------------------------------------------- */

static const char replacement[3] = { '\xEF', '\xBF', '\xBD' };

static int is_control(int32_t cp) {
  return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

/* A byte a span copies as it is, with no decoding: printable ASCII; and
** without collapse any ASCII (white space and controls are kept then). */
static int span_plain(unsigned char c, int collapse) {
  return collapse ? c > 0x20 && c < 0x7F : c < 0x80;
}

/* Collapsing, may the eight bytes at p (p[8] readable, and not the first
** byte of a run) be copied as they are?  Printable ASCII and spaces,
** each space followed by printable ASCII: span_write's run test, byte by
** byte, for all eight. */
static int keep8(const unsigned char *p) {
  uint64_t x = ct_load8(p), print, space;
  if (x & CT_HIGHS) return 0;
  print = ct_range_bits(x, 0x21, 0x7E);
  space = ct_range_bits(x, ' ', ' ');
  if ((print | space) != CT_HIGHS) return 0;
  print = print >> 8 | (uint64_t)span_plain(p[8], 1) << 63;  /* the next */
  return (space & ~print) == 0;
}

#if CT_BYTES16
/* keep8 for sixteen bytes (p[16] readable): each byte printable, or a
** space before a printable byte. */
static int keep16(const unsigned char *p) {
  ct_v16 x = ct_load16(p);
  ct_v16 ok = ct_or16(ct_print16(x), ct_and16(ct_eq16(x, ' '),
                                              ct_print16(ct_load16(p + 1))));
  return ct_mask16(ok) == 0xFFFFu;
}
#endif

/* Writes the span [start, end) into out (room for span_room bytes) and
** returns its length.  Runs of plain bytes are copied whole; the rest
** goes one sequence at a time: white space collapsed, controls and
** invalid sequences as U+FFFD. */
static size_t span_write(const unsigned char *s, size_t start, size_t end,
                         int collapse, char *out) {
  size_t i = start, o = 0;
  int pending = 0;
  while (i < end) {
    int32_t cp;
    size_t k = i;
    /* collapsed, one space between two kept bytes is itself kept */
    while (k < end && (span_plain(s[k], collapse) ||
                       (s[k] == ' ' && k > i && k + 1 < end &&
                        span_plain(s[k + 1], collapse)))) {
      k++;
      if (collapse) {
#if CT_BYTES16
        while (end - k > 16 && keep16(s + k)) k += 16;
#endif
        while (end - k > 8 && keep8(s + k)) k += 8;
      } else {
        while (end - k >= 8 && ascii8(s + k)) k += 8;
      }
    }
    if (k > i) {
      if (pending) out[o++] = ' ';
      pending = 0;
      memcpy(out + o, s + i, k - i);
      o += k - i;
      i = k;
      continue;
    }
    k = next_cp(s, i, end, &cp);
    if (collapse && ct_cp_isspace(cp)) {
      pending = o > 0;
    } else {
      if (pending) out[o++] = ' ';
      pending = 0;
      if (cp < 0 || (collapse && is_control(cp))) {
        memcpy(out + o, replacement, 3);
        o += 3;
      } else {
        memcpy(out + o, s + i, k);
        o += k;
      }
    }
    i += k;
  }
  return o;
}

/* The BOM is never content, so a span never starts inside it: clamps
** [*start, *end) into the body.  Returns the room span_write may need,
** or 0 when that does not fit in a size_t.  An invalid byte or a
** control character (collapsed) may grow to U+FFFD (three bytes); in a
** valid text without collapse only a span cutting a character can do
** that, at most three stray bytes at the start and one cut prefix at
** the end. */
static size_t span_room(const ct_text *t, size_t *start, size_t *end,
                        int collapse) {
  size_t n;
  if (*end > t->len) *end = t->len;
  if (*start < t->body) *start = t->body;
  if (*start > *end) *start = *end;
  n = *end - *start;
  if (n > ((size_t)-1 - 16) / 3) return 0;
  return (t->invalid || collapse ? n * 3 : n + 8) + 1;
}

char *ct_text_span(const ct_text *t, size_t start, size_t end, int collapse) {
  size_t cap = span_room(t, &start, &end, collapse), o;
  char *out;
  if (cap == 0 || (out = malloc(cap)) == NULL) return NULL;
  o = span_write(t->data, start, end, collapse, out);
  out[o] = '\0';
  return out;
}

ct_status ct_text_span_add(ct_buf *b, const ct_text *t, size_t start,
                           size_t end, int collapse) {
  size_t cap = span_room(t, &start, &end, collapse);
  if (cap == 0 || ct_buf_reserve(b, cap) != CT_OK) return CT_ENOMEM;
  b->len += span_write(t->data, start, end, collapse, b->s + b->len);
  b->s[b->len] = '\0';
  return CT_OK;
}
