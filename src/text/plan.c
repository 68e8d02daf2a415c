/*
** plan.c -- the first pass over a large text file (see plan.h).
**
** One loop over the bytes, a block at a time: the first NUL ends the
** pass (it is the error whatever else the file holds), the first invalid
** sequence is kept, line breaks are counted as the line index counts them
** (LF, CR LF, CR), and the characters since the line start give a
** column.  A block is decoded up to 3 bytes before its end, so that no
** sequence is cut: those bytes go to the front of the next block.
*/
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "core/error.h"
#include "text/cut.h"
#include "text/plan.h"
#include "text/text.h"
#include "text/utf8.h"
#include "core/grow.h"

#define BLOCK ((size_t)1 << 20)
#define OVERLAP ((size_t)8192)   /* text before a cut for a run to settle */
#define RING 64                  /* boundaries remembered for overlaps */
#define ONES ((uint64_t)0x0101010101010101u)
#define HIGHS ((uint64_t)0x8080808080808080u)

typedef struct bound {
  size_t at, line, col;
} bound;

/* An error found, and where. */
typedef struct spot {
  int found;
  size_t off, line, col;
  unsigned char byte;
} spot;

typedef struct pass {
  ct_plan *p;
  size_t piece, max, overlap;
  size_t cap;                  /* room in p->cuts */
  size_t line;                 /* line breaks so far */
  size_t line_start;           /* file offset where the current line starts */
  size_t chars;                /* characters since then (for a column) */
  int blank;                   /* the current line: ASCII white space only */
  int after_blank;             /* it follows a blank line ended by LF */
  unsigned char last;          /* its last byte but ct_cut_space ones */
  unsigned char prev_last;     /* the line before's, when ended by LF */
  unsigned char head[4];       /* the first bytes, for a wide byte order
                               ** mark (ct_text_check_wide) */
  size_t nhead;
  int open;                    /* a block is open (text/cut.h): a line
                               ** that is not blank since the last blank
                               ** one */
  size_t block_at;             /* where that block's first line starts */
  size_t vline;                /* where the line starts for its window
                               ** sentences: its start or its last one */
  size_t slow_at;              /* from here on bytes go one at a time, so
                               ** that `hist` holds them (a window before
                               ** a window sentence may come) */
  uint64_t hist;               /* the latest bytes, for ct_cut_sentence */
  spot nul, bad;
  bound ring[RING];            /* the latest boundaries, circular */
  size_t nring;
  int too_big, nomem;
} pass;

static const bound *ring_at(const pass *ps, size_t back) {
  return &ps->ring[(ps->nring - 1 - back) % RING];
}

static int add_cut(pass *ps, size_t at, size_t line, const bound *from) {
  ct_plan *p = ps->p;
  if (p->ncuts == ps->cap) {
    ct_cut *v = ct_grow(p->cuts, p->ncuts, &ps->cap, sizeof *v, 16);
    if (v == NULL) {
      ps->nomem = 1;
      return 0;
    }
    p->cuts = v;
  }
  p->cuts[p->ncuts].at = at;
  p->cuts[p->ncuts].line = line;
  p->cuts[p->ncuts].from = from->at;
  p->cuts[p->ncuts].from_line = from->line;
  p->cuts[p->ncuts].from_col = from->col;
  p->ncuts++;
  return 1;
}

/* Kinds of boundary: after a blank line, a window line, a window
** sentence (text/cut.h). */
enum { AFTER_BLANK, WINDOW_LINE, WINDOW_SENTENCE };

/* A boundary at `at`, `col` characters into its line: kept for overlaps,
** and a cut when the current piece is long enough.  Its span (from the
** current cut's start to here) must fit the cap.  A run that reaches a
** window line as the whole file's does starts in an earlier window (its
** block must have begun there); one for a window sentence starts there:
** the segmenter is in the same state at one, whatever came before. */
static void boundary(pass *ps, size_t at, size_t col, int kind) {
  const ct_cut *cur = &ps->p->cuts[ps->p->ncuts - 1];
  bound here;
  size_t k;
  here.at = at, here.line = ps->line, here.col = col;
  if (at - cur->at >= ps->piece) {
    const bound *from = NULL;
    if (at - cur->from > ps->max) {
      ps->too_big = 1;
      return;
    }
    /* the latest boundary far enough back, else the oldest kept */
    for (k = 0; kind != WINDOW_SENTENCE && k < ps->nring && k < RING; k++) {
      from = ring_at(ps, k);
      if (at - from->at >= ps->overlap &&
          (kind == AFTER_BLANK ||
           ct_cut_new_window(from->at, at, ps->p->window)))
        break;
    }
    add_cut(ps, at, ps->line, from != NULL ? from : &here);
  }
  ps->ring[ps->nring % RING] = here;
  ps->nring++;
}

/* Where bytes go one at a time for a line that starts at v. */
static size_t slow_from(const pass *ps, size_t v) {
  return ps->p->window > 8 ? v + ps->p->window - 8 : v;
}

/* A window sentence at p, `col` characters into its line: a boundary,
** and a block and a line for the rules of cut.h start there. */
static void sentence(pass *ps, size_t p, size_t col) {
  boundary(ps, p, col, WINDOW_SENTENCE);
  ps->open = 1;
  ps->block_at = p;
  ps->vline = p;
  ps->slow_at = slow_from(ps, p);
  ps->hist &= 0xFFFF;                 /* the bytes from p on */
}

/* Byte b at file offset q, taken alone: is q - 1 a window sentence?
** `col`: the characters before q - 1 on its line.  Only the bytes from
** slow_at on are kept (push): the test reads eight of them, a window or
** more into the line.  1 when it is one. */
static int keep(pass *ps, unsigned char b, size_t q, size_t col) {
  ps->hist = ps->hist << 8 | b;
  if (q <= ps->vline ||
      !ct_cut_sentence_at(ps->hist, q - 1 - ps->vline, ps->p->window))
    return 0;
  sentence(ps, q - 1, col);
  return 1;
}

static inline int push(pass *ps, unsigned char b, size_t q, size_t col) {
  return q >= ps->slow_at && keep(ps, b, q, col);
}

/* Where the eight-byte steps over s (the block at file offset `off`,
** lim bytes) stop: lim, or where bytes go one at a time. */
static size_t fast_end(const pass *ps, size_t off, size_t lim) {
  if (ps->slow_at <= off) return 0;
  return ps->slow_at - off < lim ? ps->slow_at - off : lim;
}

static void line_break(pass *ps, size_t next, int lf) {
  if (ps->blank) {
    ps->open = 0;
  } else if (!ps->open) {
    ps->open = 1;
    ps->block_at = ps->line_start;
  }
  ps->prev_last = lf ? ps->last : 0;
  ps->last = 0;
  ps->after_blank = ps->blank && lf;
  ps->line++;
  ps->line_start = next;
  ps->chars = 0;
  ps->blank = 1;
  ps->vline = next;
  ps->slow_at = slow_from(ps, next);
  ps->hist = 0;
}

static void note(spot *s, size_t off, const pass *ps, unsigned char byte) {
  if (s->found) return;
  s->found = 1;
  s->off = off;
  s->line = ps->line + 1;
  s->col = ps->chars + 1;
  s->byte = byte;
}

/* Is the line that starts at file offset `at` a window line (cut.h)? */
static int window_line(const pass *ps, size_t at) {
  return ps->open && ct_cut_final(ps->prev_last) &&
         ct_cut_new_window(ps->block_at, at, ps->p->window);
}

/* A line starts at file offset `at`, s (n bytes on): a boundary? */
static void line_start(pass *ps, const unsigned char *s, size_t n,
                       size_t at) {
  if (ps->line == 0 || !ct_cut_starts_text(s, n)) return;
  if (ps->after_blank) {
    boundary(ps, at, 0, AFTER_BLANK);
  } else if (window_line(ps, at)) {
    boundary(ps, at, 0, WINDOW_LINE);
    ps->block_at = at;
  }
}

/* Reads s[0..lim) of the block that starts at file offset `off` (the
** block holds len >= lim bytes: a sequence may read past lim).  Returns
** where it stopped: lim, or at a NUL. */
static size_t run(pass *ps, const unsigned char *s, size_t lim, size_t len,
                  size_t off) {
  size_t i = 0, fast = fast_end(ps, off, lim);
  while (ps->nhead < sizeof ps->head && ps->nhead >= off &&
         ps->nhead - off < len)
    ps->head[ps->nhead] = s[ps->nhead - off], ps->nhead++;
  while (i < lim) {
    unsigned c;
    if (off + i == ps->line_start) {
      line_start(ps, s + i, len - i, off + i);
      if (ps->too_big || ps->nomem) return i;
    }
    /* most of a text is printable ASCII: eight bytes at a time, but for
    ** the end of a long line (its window sentences) */
    while (i + 8 <= fast) {
      uint64_t x;
      memcpy(&x, s + i, 8);
      if (((x + ONES * 1) | x) & HIGHS || ((x - ONES * 0x20) & ~x & HIGHS))
        break;                         /* a byte above 0x7E or below 0x20 */
      if (x != ONES * ' ') {
        size_t j = 7;
        while (s[i + j] == ' ') j--;
        ps->last = s[i + j];
        ps->blank = 0;
      }
      ps->chars += 8;
      i += 8;
    }
    if (i >= lim) break;
    c = s[i];
    if (c == '\n') {
      line_break(ps, off + i + 1, 1);
      fast = fast_end(ps, off, lim);
      i++;
    } else if (c == '\r') {
      int lf = i + 1 < len && s[i + 1] == '\n';
      line_break(ps, off + i + 1 + lf, lf);
      fast = fast_end(ps, off, lim);
      i += 1 + (size_t)lf;
    } else if (c == 0) {
      note(&ps->nul, off + i, ps, 0);
      return i;
    } else if (c < 0x80) {
      if (!ct_cut_space((unsigned char)c)) ps->blank = 0, ps->last = c;
      if (push(ps, (unsigned char)c, off + i, ps->chars - 1)) {
        if (ps->too_big || ps->nomem) return i;
        fast = fast_end(ps, off, lim);
      }
      ps->chars++;
      i++;
    } else {
      int32_t cp;
      size_t k = ct_utf8_decode(s + i, len - i, &cp), j;
      if (cp < 0) note(&ps->bad, off + i, ps, (unsigned char)c);
      for (j = 0; j < k; j++)     /* q - 1 is a character before, or ours */
        if (push(ps, s[i + j], off + i + j, j ? ps->chars : ps->chars - 1))
          fast = fast_end(ps, off, lim);
      if (ps->too_big || ps->nomem) return i;
      ps->last = (unsigned char)c;
      if (!(off + i == 0 && cp == 0xFEFF)) {   /* the BOM is no column */
        ps->blank = 0;
        ps->chars++;
      }
      i += k;
    }
  }
  return i;
}

static ct_status fail_at(const ct_plan *p, const spot *s, ct_status st,
                         ct_error *err) {
  if (st == CT_EBINARY)
    return ct_fail(err, st, "%s:%zu:%zu: binary file (NUL byte)", p->name,
                   s->line, s->col);
  return ct_fail(err, st, "%s:%zu:%zu: invalid UTF-8 (byte 0x%02X)", p->name,
                 s->line, s->col, (unsigned)s->byte);
}

static ct_status too_big(const ct_plan *p, size_t max, ct_error *err) {
  return ct_fail(err, CT_ETOOBIG,
                 "%s: larger than %zu bytes, the document size cap", p->name,
                 max);
}

/* The most of standard input kept: CT_PLAN_STDIN_CAPS caps. */
static size_t stdin_cap(size_t max) {
  return max > (size_t)-1 / CT_PLAN_STDIN_CAPS ? (size_t)-1
                                               : max * CT_PLAN_STDIN_CAPS;
}

/* Keeps n bytes of standard input (plan.h): in memory up to
** CT_PLAN_KEEP, then in the spill; in memory again, up to the cap, when
** no spill can be made. */
static ct_status keep_input(pass *ps, const unsigned char *b, size_t n,
                            ct_error *err) {
  ct_plan *p = ps->p;
  if (n > stdin_cap(ps->max) - p->kept.len - p->spill.len)
    return ct_fail(err, CT_ETOOBIG, "%s: larger than %zu bytes, %d times "
                   "the document size cap", p->name, stdin_cap(ps->max),
                   CT_PLAN_STDIN_CAPS);
  if (p->kept.len < CT_PLAN_KEEP && p->spill.len == 0) {
    size_t k = CT_PLAN_KEEP - p->kept.len < n ? CT_PLAN_KEEP - p->kept.len
                                              : n;
    if (ct_buf_add(&p->kept, b, k) != CT_OK) goto nomem;
    b += k, n -= k;
  }
  if (n == 0) return CT_OK;
  if (p->spill.state != 2) {
    if (ct_spill_put(&p->spill, b, n) == n) return CT_OK;
    if (p->spill.len > 0)         /* a full disk halfway: nowhere to go on */
      return ct_fail(err, CT_EIO, "%s: cannot keep it for reading in "
                     "pieces: a temporary file in $TMPDIR: %s", p->name,
                     strerror(errno ? errno : EIO));
  }
  /* no temporary file: in memory, as reading it whole would */
  if (p->kept.len + n > ps->max) return too_big(p, ps->max, err);
  if (ct_buf_add(&p->kept, b, n) == CT_OK) return CT_OK;
nomem:
  return ct_fail(err, CT_ENOMEM, "%s: out of memory", p->name);
}

/* Has the pass, at `at`, gone past the cap with no boundary to cut at?
** Then none can come in time: standard input stops there, as a whole
** read stops at the cap (a file goes on, for a NUL byte further on wins).
** A boundary may be noted a few bytes after its place (a window
** sentence, when the capital after it is seen): hence the margin. */
static int past_cap(const pass *ps, size_t at) {
  size_t span = at - ps->p->cuts[ps->p->ncuts - 1].from;
  return span > ps->max && span - ps->max > 64;
}

/* Reads the whole file through run(), a block at a time. */
static ct_status read_all(pass *ps, FILE *f, ct_error *err) {
  unsigned char *buf = malloc(BLOCK);
  size_t have = 0, off = 0, used;
  ct_status st;
  int eof = 0;
  if (buf == NULL) return ct_fail(err, CT_ENOMEM, "%s: out of memory",
                                  ps->p->name);
  while (!eof) {
    int e;
    size_t got = ct_stream_fread(f, buf + have, BLOCK - have, &e), lim;
    if (e != 0) {
      free(buf);
      return ct_fail(err, CT_EIO, "%s: cannot read: %s", ps->p->name,
                     strerror(e));
    }
    if (got < BLOCK - have) eof = 1;
    have += got;
    lim = eof ? have : have - 3;
    used = run(ps, buf, lim, have, off);
    if (ps->p->stream && past_cap(ps, off + used)) ps->too_big = 1;
    if (ps->nul.found || ps->too_big || ps->nomem) break;
    if (ps->p->stream &&     /* kept once the pass found nothing wrong */
        (st = keep_input(ps, buf + have - got, got, err)) != CT_OK) {
      free(buf);
      return st;
    }
    memmove(buf, buf + used, have - used);
    off += used;
    have -= used;
  }
  free(buf);
  ps->p->size = off + have;
  return CT_OK;
}

/* Standard input is read once: a pipe's bytes are kept as the pass
** reads them (keep_input), but a regular file (`< FILE`) can be read
** again, as a file is, through a copy of its descriptor from where it
** stood (base).  Without a copy it is kept as a pipe is. */
static void stdin_source(ct_plan *p) {
  if (p->state.known &&
      (p->fd = fcntl(fileno(stdin), F_DUPFD_CLOEXEC, 0)) >= 0) {
    p->base = p->state.size - p->state.left;
    return;
  }
  p->stream = 1;
}

ct_status ct_plan_file(const char *path, ct_invalid mode, size_t piece,
                       size_t max, size_t window, ct_plan *out,
                       ct_error *err) {
  pass ps;
  bound first;
  ct_file_state after;
  ct_status st;
  int is_stdin = strcmp(path, "-") == 0;
  FILE *f;
  memset(out, 0, sizeof *out);
  memset(&ps, 0, sizeof ps);
  out->fd = -1;
  if ((out->name = strdup(is_stdin ? "<stdin>" : path)) == NULL)
    return ct_fail(err, CT_ENOMEM, "%s: out of memory", path);
  if ((f = is_stdin ? stdin : fopen(path, "rb")) == NULL) {
    st = ct_fail(err, CT_EIO, "%s: cannot read: %s", path, strerror(errno));
    ct_plan_clear(out);
    return st;
  }
  ct_file_state_of(f, &out->state);
  if (is_stdin) stdin_source(out);
  ps.p = out;
  out->window = window > 0 ? window : CT_CUT_WINDOW;
  ps.max = max;
  ps.piece = piece < max / 4 ? piece : max / 4;
  if (ps.piece == 0) ps.piece = 1;
  ps.overlap = OVERLAP < ps.piece ? OVERLAP : ps.piece;
  ps.blank = 1;
  ps.slow_at = slow_from(&ps, 0);
  memset(&first, 0, sizeof first);
  if (!add_cut(&ps, 0, 0, &first)) st = CT_ENOMEM;
  else st = read_all(&ps, f, err);
  ct_file_state_of(f, &after);
  if (!is_stdin) fclose(f);
  if (st == CT_OK && ps.nomem)
    st = ct_fail(err, CT_ENOMEM, "%s: out of memory", out->name);
  else if (st == CT_OK &&
           ct_text_check_wide(out->name, ps.head, ps.nhead, err) != CT_OK)
    st = CT_EBINARY;
  else if (st == CT_OK && ps.nul.found)
    st = fail_at(out, &ps.nul, CT_EBINARY, err);
  else if (st == CT_OK && (ps.too_big ||
                           out->size - out->cuts[out->ncuts - 1].from > max))
    st = too_big(out, max, err);
  else if (st == CT_OK && !out->stream &&
           (!ct_file_state_same(&after, &out->state) ||
            out->size != out->state.left))
    st = ct_fail(err, CT_EIO, "%s: changed while being read (expected %zu "
                 "bytes, read %zu)", out->name, out->state.left, out->size);
  else if (st == CT_OK && ps.bad.found && mode == CT_INVALID_ERROR)
    st = fail_at(out, &ps.bad, CT_EUTF8, err);
  out->invalid = ps.bad.found;
  if (st != CT_OK) ct_plan_clear(out);
  return st;
}

void ct_plan_clear(ct_plan *p) {
  if (p == NULL) return;
  free(p->name);
  free(p->cuts);
  ct_buf_free(&p->kept);
  ct_spill_close(&p->spill);
  if (p->fd >= 0) close(p->fd);
  memset(p, 0, sizeof *p);
  p->fd = -1;
}

/* Bytes [from, to) of standard input, from where the pass kept them. */
static ct_status kept_bytes(const ct_plan *p, size_t from, size_t to,
                            unsigned char *buf, ct_error *err) {
  size_t mem = p->kept.len, k = from < mem ? (to < mem ? to : mem) - from : 0;
  if (k > 0) memcpy(buf, p->kept.s + from, k);
  if (from + k < to &&
      ct_spill_read(&p->spill, from + k - mem, buf + k, to - from - k) !=
          CT_OK)
    return ct_fail(err, CT_EIO, "%s: cannot read back its temporary copy: %s",
                   p->name, strerror(errno));
  return CT_OK;
}

/* Bytes [from, to) of the file, read again (by name, or standard input
** through its copy, from its base): CT_EIO when it changed. */
static ct_status file_bytes(const ct_plan *p, size_t from, size_t to,
                            unsigned char *buf, ct_error *err) {
  int fd = p->fd >= 0 ? p->fd : open(p->name, O_RDONLY | O_CLOEXEC);
  ct_file_state now;
  size_t got = 0;
  ssize_t k = 1;
  if (fd < 0)
    return ct_fail(err, CT_EIO, "%s: cannot read: %s", p->name,
                   strerror(errno));
  ct_file_state_fd(fd, &now);
  if (!ct_file_state_same(&now, &p->state)) {
    if (fd != p->fd) close(fd);
    return ct_fail(err, CT_EIO, "%s: changed while being read (modified "
                   "during the read)", p->name);
  }
  while (got < to - from && k != 0)
    if ((k = pread(fd, buf + got, to - from - got,
                   (off_t)(p->base + from + got))) > 0)
      got += (size_t)k;
    else if (k < 0 && errno != EINTR)
      break;
  if (fd != p->fd) close(fd);
  if (got != to - from)
    return ct_fail(err, CT_EIO, "%s: changed while being read (expected %zu "
                   "bytes, read %zu)", p->name, to - from, got);
  return CT_OK;
}

ct_status ct_plan_read(const ct_plan *p, ct_invalid mode, size_t from,
                       size_t col, size_t to, ct_text **out, ct_error *err) {
  unsigned char *buf;
  ct_status st;
  *out = NULL;
  if ((buf = malloc(to - from + 1)) == NULL)
    return ct_fail(err, CT_ENOMEM, "%s: out of memory", p->name);
  st = p->stream ? kept_bytes(p, from, to, buf, err)
                 : file_bytes(p, from, to, buf, err);
  if (st == CT_OK)
    st = ct_text_from_buffer(p->name, buf, to - from, mode, out, err);
  free(buf);
  if (st == CT_OK) (*out)->base = from, (*out)->col0 = col;
  return st;
}

/* ---- the public plan: one malloc'ed ct_plan ---------------------------- */

ct_status ct_plan_open(const char *path, ct_invalid mode, size_t piece,
                       size_t max, ct_plan **out, ct_error *err) {
  ct_plan *p = malloc(sizeof *p);
  ct_status s;
  *out = NULL;
  if (p == NULL) return ct_fail(err, CT_ENOMEM, "out of memory");
  if ((s = ct_plan_file(path, mode, piece, max, CT_CUT_WINDOW, p, err)) !=
      CT_OK) {
    free(p);
    return s;
  }
  *out = p;
  return CT_OK;
}

void ct_plan_free(ct_plan *p) {
  if (p == NULL) return;
  ct_plan_clear(p);
  free(p);
}

size_t ct_plan_pieces(const ct_plan *p) { return p->ncuts; }

const char *ct_plan_name(const ct_plan *p) { return p->name; }
