/*
** srcmap.c -- extracted text with a map back to its source (srcmap.h),
** and the queries that answer in the source.
*/
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "text/srcmap.h"
#include "core/grow.h"

/* ---- building ---------------------------------------------------------- */

/* Records that the last n bytes of text came from [src, src + slen).  A
** copy that continues the run before it extends that run. */
static void push_run(ct_srcmap *m, size_t n, size_t src, size_t slen) {
  ct_srcrun *r = m->nruns ? &m->runs[m->nruns - 1] : NULL, *v;
  size_t at = m->text.len - n;
  if (r != NULL && n == slen && r->tlen == r->slen &&
      r->text + r->tlen == at && r->src + r->slen == src) {
    r->tlen += n, r->slen += n;
    return;
  }
  if ((v = ct_grow(m->runs, m->nruns, &m->rcap, sizeof *v, 32)) == NULL) {
    m->oom = 1;
    return;
  }
  m->runs = v;
  v[m->nruns].text = at, v[m->nruns].tlen = n;
  v[m->nruns].src = src, v[m->nruns].slen = slen;
  m->nruns++;
}

void ct_srcmap_add(ct_srcmap *m, const char *s, size_t n, size_t src,
                   size_t slen) {
  if (n == 0 || m->oom) return;
  if (ct_buf_add(&m->text, s, n) != CT_OK) {
    m->oom = 1;
    return;
  }
  push_run(m, n, src, slen);
}

static int ends_in_space(const ct_srcmap *m) {
  char c = m->text.len ? m->text.s[m->text.len - 1] : '\n';
  return c == ' ' || c == '\n';
}

void ct_srcmap_space(ct_srcmap *m, size_t src, size_t slen) {
  if (!ends_in_space(m)) ct_srcmap_add(m, " ", 1, src, slen);
}

/* The text was cut back to its present length: noted, so that a mark
** taken before knows that its length is no longer all its own. */
static void note_low(ct_srcmap *m) {
  size_t *v = ct_grow(m->lows, m->nlows, &m->lowcap, sizeof *v, 32);
  if (v == NULL) {
    m->oom = 1;
    return;
  }
  m->lows = v;
  v[m->nlows++] = m->text.len;
}

/* Drops trailing spaces (and their runs' bytes) so a line never ends in
** one; the runs keep covering the text exactly. */
static void trim_spaces(ct_srcmap *m) {
  size_t was = m->text.len;
  while (m->text.len > 0 && m->text.s[m->text.len - 1] == ' ' &&
         m->nruns > 0) {
    ct_srcrun *r = &m->runs[m->nruns - 1];
    int copy = r->tlen == r->slen;   /* a whole run stays whole */
    m->text.s[--m->text.len] = '\0';
    if (--r->tlen == 0) m->nruns--;
    else if (copy) r->slen = r->tlen;
  }
  if (m->text.len < was) note_low(m);
}

void ct_srcmap_break(ct_srcmap *m, size_t src, int newlines) {
  int have = 0;
  trim_spaces(m);
  if (m->text.len == 0) return;
  while (have < (int)m->text.len && have < newlines &&
         m->text.s[m->text.len - 1 - (size_t)have] == '\n')
    have++;
  for (; have < newlines; have++) ct_srcmap_add(m, "\n", 1, src, 0);
}

void ct_srcmap_end_block(ct_srcmap *m) {
  ct_block *b;
  if (!m->open) return;
  m->open = 0;
  trim_spaces(m);
  b = &m->blocks[m->nblocks - 1];
  b->end = m->text.len;
  if (b->end <= b->start) m->nblocks--;
}

void ct_srcmap_block(ct_srcmap *m, ct_block_kind kind, int depth) {
  ct_block *v;
  ct_srcmap_end_block(m);
  if ((v = ct_grow(m->blocks, m->nblocks, &m->bcap, sizeof *v, 32)) == NULL) {
    m->oom = 1;
    return;
  }
  m->blocks = v;
  v[m->nblocks].start = v[m->nblocks].end = m->text.len;
  v[m->nblocks].kind = kind;
  v[m->nblocks].depth = depth;
  m->nblocks++;
  m->open = 1;
  m->block_lows = m->nlows;
}

void ct_srcmap_mark(const ct_srcmap *m, ct_srcmark *k) {
  k->text = m->text.len;
  k->nblocks = m->nblocks;
  k->nlows = m->nlows;
  k->open = m->open;
}

/* Trailing spaces trimmed since the mark may have left the text shorter
** than it was, and text added after that is not the mark's (a character
** cut in two: fuzz_html): the text goes back to the shortest it has been
** since.  A block closed (or dropped) since is what it is now. */
void ct_srcmap_truncate(ct_srcmap *m, const ct_srcmark *k) {
  size_t was = m->text.len, len = k->text < was ? k->text : was, i;
  ct_srcrun *r;
  for (i = k->nlows; i < m->nlows; i++)     /* (marks are not nested: */
    if (m->lows[i] < len) len = m->lows[i];  /* a block's is older) */
  while (m->nruns > 0 && m->runs[m->nruns - 1].text >= len) m->nruns--;
  /* A copy run may have grown across the mark (push_run joins contiguous
  ** copies); a whole run never does, it went in at once. */
  r = m->nruns ? &m->runs[m->nruns - 1] : NULL;
  if (r != NULL && r->text + r->tlen > len && r->tlen == r->slen)
    r->tlen = r->slen = len - r->text;
  if (len < m->text.len) {
    m->text.len = len;
    m->text.s[len] = '\0';
  }
  if (m->nblocks > k->nblocks) m->nblocks = k->nblocks;
  m->open = k->open && m->nblocks == k->nblocks;
  if (len < was) note_low(m);
}

void ct_srcmap_drop_block(ct_srcmap *m) {
  ct_srcmark k;
  if (!m->open) return;
  k.text = m->blocks[m->nblocks - 1].start;
  k.nblocks = m->nblocks - 1;
  k.nlows = m->block_lows;
  k.open = 0;
  ct_srcmap_truncate(m, &k);
}

void ct_srcmap_page(ct_srcmap *m, size_t src) {
  size_t *v = ct_grow(m->pages, m->npages, &m->pcap, sizeof *v, 32);
  if (v == NULL) {
    m->oom = 1;
    return;
  }
  m->pages = v;
  v[m->npages++] = src;
}

void ct_srcmap_free(ct_srcmap *m) {
  ct_buf_free(&m->text);
  free(m->runs);
  free(m->blocks);
  free(m->pages);
  free(m->lows);
  memset(m, 0, sizeof *m);
}

ct_status ct_srcmap_finish(ct_srcmap *m, ct_text *src, ct_input_format f,
                           ct_text **out, ct_error *err) {
  ct_text *t;
  ct_status st;
  *out = NULL;
  ct_srcmap_end_block(m);
  trim_spaces(m);
  if (m->oom) {
    st = ct_fail(err, CT_ENOMEM, "%s: out of memory", src->name);
  } else {
    /* Extracted text is valid UTF-8 without NUL by construction; the
    ** checks are the same as for any text all the same. */
    st = ct_text_from_buffer(src->name, m->text.s ? m->text.s : "",
                             m->text.len, CT_INVALID_REPLACE, &t, err);
  }
  if (st != CT_OK) {
    ct_text_free(src);
    ct_srcmap_free(m);
    return st;
  }
  t->format = f;
  t->src = src;
  t->runs = m->runs, t->nruns = m->nruns;
  t->blocks = m->blocks, t->nblocks = m->nblocks;
  t->pages = m->pages, t->npages = m->npages;
  m->runs = NULL, m->blocks = NULL, m->pages = NULL;
  ct_srcmap_free(m);
  *out = t;
  return CT_OK;
}

/* ---- queries ----------------------------------------------------------- */

/* The run holding extracted byte off (the last one starting at or before
** it), or NULL when there is none. */
static const ct_srcrun *run_at(const ct_text *t, size_t off) {
  size_t lo = 0, hi = t->nruns;
  if (hi == 0 || t->runs[0].text > off) return NULL;
  while (hi - lo > 1) {           /* runs[lo].text <= off < runs[hi].text */
    size_t mid = lo + (hi - lo) / 2;
    if (t->runs[mid].text <= off) lo = mid;
    else hi = mid;
  }
  return &t->runs[lo];
}

static size_t source_end(const ct_text *t) {
  const ct_srcrun *r = t->nruns ? &t->runs[t->nruns - 1] : NULL;
  return r ? r->src + r->slen : 0;
}

size_t ct_srcmap_start(const ct_text *t, size_t off) {
  const ct_srcrun *r;
  if (off >= t->len) return source_end(t);
  if ((r = run_at(t, off)) == NULL) return 0;
  if (r->tlen == r->slen) return r->src + (off - r->text);
  return r->src;
}

/* The source offset where extracted bytes ending at `end` end. */
static size_t map_end(const ct_text *t, size_t end) {
  const ct_srcrun *r;
  if (end == 0 || (r = run_at(t, end - 1)) == NULL) return 0;
  if (r->tlen == r->slen) return r->src + (end - r->text);
  return r->src + r->slen;
}

void ct_text_source_span(const ct_text *t, size_t start, size_t end,
                         size_t *src_start, size_t *src_end) {
  size_t a = start + t->base, b = end + t->base;
  if (t->src != NULL) {
    a = ct_srcmap_start(t, start);
    b = end > start ? map_end(t, end) : a;
    if (b < a) b = a;
  }
  if (src_start) *src_start = a;
  if (src_end) *src_end = b;
}

/* Index of the page holding source offset src (pages[k] <= src). */
static size_t page_index(const ct_text *t, size_t src) {
  size_t lo = 0, hi = t->npages;
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (t->pages[mid] <= src) lo = mid;
    else hi = mid;
  }
  return lo;
}

/* A page starts after a form feed, not at a line start: its first line
** counts from the form feed, its columns too. */
void ct_text_source_linecol(const ct_text *t, size_t src, size_t *line,
                            size_t *col) {
  size_t l, c, pl, pc;
  if (t->src == NULL) {
    ct_text_linecol(t, src, line, col);
    return;
  }
  ct_text_linecol(t->src, src, &l, &c);
  if (t->npages > 0) {
    ct_text_linecol(t->src, t->pages[page_index(t, src)], &pl, &pc);
    if (l == pl) c = c - pc + 1;
    l = l - pl + 1;
  }
  if (line) *line = l;
  if (col) *col = c;
}

size_t ct_text_page(const ct_text *t, size_t off) {
  if (t->npages == 0) return 0;
  return page_index(t, ct_srcmap_start(t, off)) + 1;
}

ct_input_format ct_text_format(const ct_text *t) { return t->format; }
