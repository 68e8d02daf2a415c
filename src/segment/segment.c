/*
** segment.c -- cutting a document into clauses.
**
** Structure first, then sentences.  Lines are grouped into blocks
** (separated by blank lines); a block into units: list items (a marker,
** then the lines indented under it) and paragraphs.  A paragraph of one
** short line without final punctuation is a heading (lines.c).  Each
** unit is then cut into sentences (boundary.c).  The walk decodes every
** code point once and keeps only positions: no allocation per character,
** and every clause is a (start, end) span of the input, so the result is
** lossless by construction.
*/
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "segment/seg.h"

/* {=====================================================================
** Clauses
** ====================================================================== */

static ct_status emit(seg *g, size_t start, size_t end, ct_kind kind,
                      int depth) {
  ct_clause *c;
  if (start >= end) return CT_OK;
  if (g->nv == g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 64;
    ct_clause *v = realloc(g->v, cap * sizeof *v);
    if (v == NULL) return CT_ENOMEM;
    g->v = v;
    g->cap = cap;
  }
  c = &g->v[g->nv++];
  c->index = g->nv;
  c->kind = kind;
  c->depth = depth;
  c->start = start;
  c->end = end;
  ct_text_linecol(g->t, start, &c->line, &c->col);
  c->heading = kind == CT_KIND_HEADING ? 0 : g->heading;
  c->title = kind == CT_KIND_HEADING;
  if (kind == CT_KIND_HEADING) g->heading = c->index;
  return CT_OK;
}

static ct_status emit_sentences(seg *g, size_t a, size_t b, ct_kind kind,
                                int depth) {
  size_t p = skip_space(g, a, b), e;
  ct_status st;
  while (p < b) {
    e = ct_seg_sentence_end(g, p, b);
    if ((st = emit(g, p, trim_end(g, p, e), kind, depth)) != CT_OK) return st;
    p = skip_space(g, e, b);
  }
  return CT_OK;
}

/* }===================================================================== */

/* {=====================================================================
** Blocks and units
** ====================================================================== */

/* List depth of an item indented by `indent`. */
static int item_depth(seg *g, size_t indent) {
  while (g->nind > 0 && g->ind[g->nind - 1] > indent) g->nind--;
  if ((g->nind == 0 || g->ind[g->nind - 1] < indent) && g->nind < MAX_DEPTH)
    g->ind[g->nind++] = indent;
  return g->nind;
}

static ct_status emit_paragraph(seg *g, const line *first, size_t end,
                                int one_line) {
  size_t glue;
  ct_status st;
  g->nind = 0;
  if (one_line && ct_seg_is_heading(g, first))
    return emit(g, first->start, first->end, CT_KIND_HEADING, 0);
  glue = ct_seg_glued_heading(g, first);
  if (glue) {
    if ((st = emit(g, first->start, glue, CT_KIND_HEADING, 0)) != CT_OK)
      return st;
    return emit_sentences(g, glue, end, CT_KIND_SENTENCE, 0);
  }
  return emit_sentences(g, first->start, end, CT_KIND_SENTENCE, 0);
}

/* A list item from line l to `end`, cut where a marker continuing l's
** list follows on the same unit ("1) The first 2) The second"). */
static ct_status emit_items(seg *g, const line *l, size_t end, int depth) {
  ct_marker cur = l->mk, next;
  size_t a = l->text, b, text;
  ct_status st;
  for (;;) {
    b = ct_seg_next_item(g, &cur, a, end, &text, &next);
    st = emit_sentences(g, a, b, CT_KIND_BULLET, depth);
    if (st != CT_OK || b >= end) return st;
    a = text;
    cur = next;
  }
}

/* Does a paragraph break after line a, though no blank line follows?  A
** short line without final punctuation before a capitalized line is a
** heading or a title line, not a wrapped sentence. */
static int hard_break(const seg *g, const line *a, const line *b,
                      size_t maxcps) {
  int32_t next;
  size_t len;
  if (is_final_punct(cp_before(g, a->start, a->end))) return 0;
  next = cp_at(g, b->start, b->end, &len);
  if (!(ct_cp_isupper(next) || ct_cp_isdigit(next) || is_opener(next) ||
        ct_cp_iscjk(next)))
    return 0;
  return a->cps <= HEADING_MAX_CPS && a->cps * 10 < maxcps * 7;
}

static ct_status emit_block(seg *g) {
  size_t k = 0, maxcps = 0, first;
  ct_status st = CT_OK;
  for (k = 0; k < g->nlines; k++)
    if (g->lines[k].cps > maxcps) maxcps = g->lines[k].cps;
  k = 0;
  while (st == CT_OK && k < g->nlines) {
    const line *l = &g->lines[k];
    first = k++;
    if (l->title) {
      g->nind = 0;
      st = emit(g, l->start, l->end, CT_KIND_HEADING, 0);
    } else if (l->marker) {
      int depth = item_depth(g, l->indent);
      while (k < g->nlines && !g->lines[k].marker && !g->lines[k].title &&
             g->lines[k].indent > l->indent)
        k++;
      st = emit_items(g, l, g->lines[k - 1].end, depth);
    } else {
      while (k < g->nlines && !g->lines[k].marker && !g->lines[k].title &&
             !hard_break(g, &g->lines[k - 1], &g->lines[k], maxcps))
        k++;
      st = emit_paragraph(g, l, g->lines[k - 1].end, k - first == 1);
    }
  }
  g->nlines = 0;
  return st;
}

/* "## Title" (Markdown, which directories are read for): the hashes are a
** marker like a bullet, left out of the clause.  Moves l->start past them. */
static int atx_heading(const seg *g, line *l) {
  size_t i = l->start;
  while (i < l->end && g->s[i] == '#' && i - l->start < 7) i++;
  if (i == l->start || i - l->start > 6 || i >= l->end || g->s[i] != ' ')
    return 0;
  l->start = l->text = skip_space(g, i, l->end);
  return 1;
}

/* Measures one input line [a, b) (line end excluded). */
static void scan_line(const seg *g, size_t a, size_t b, line *l) {
  size_t i = a, len;
  int32_t cp;
  l->indent = 0;
  while (i < b && ct_cp_isspace(cp = cp_at(g, i, b, &len))) {
    l->indent += cp == '\t' ? 4 : 1;
    i += len;
  }
  l->start = i;
  l->end = trim_end(g, i, b);
  l->cps = 0;
  for (i = l->start; i < l->end; i += len) {
    cp_at(g, i, l->end, &len);
    l->cps++;
  }
  l->text = ct_seg_marker_end(g, l->start, l->end, &l->mk);
  l->marker = l->text != l->start;
  if (l->marker) l->text = skip_space(g, l->text, l->end);
  l->title = !l->marker && atx_heading(g, l);
}

static ct_status push_line(seg *g, const line *l) {
  if (g->nlines == g->lcap) {
    size_t cap = g->lcap ? g->lcap * 2 : 32;
    line *v = realloc(g->lines, cap * sizeof *v);
    if (v == NULL) return CT_ENOMEM;
    g->lines = v;
    g->lcap = cap;
  }
  g->lines[g->nlines++] = *l;
  return CT_OK;
}

/* End of line k's content: the next line's start minus its line break. */
static size_t line_stop(const ct_text *t, size_t k) {
  size_t e = k + 1 < t->nlines ? t->lines[k + 1] : t->len;
  if (k + 1 < t->nlines) {
    if (e > 0 && t->data[e - 1] == '\n') e--;
    if (e > 0 && t->data[e - 1] == '\r') e--;
  }
  return e;
}

/* }===================================================================== */

static ct_status run(seg *g) {
  size_t k;
  ct_status st = CT_OK;
  for (k = 0; st == CT_OK && k < g->t->nlines; k++) {
    size_t a = k == 0 ? g->t->body : g->t->lines[k];
    line l;
    scan_line(g, a, line_stop(g->t, k), &l);
    if (l.start == l.end) st = emit_block(g);
    else st = push_line(g, &l);
  }
  if (st == CT_OK) st = emit_block(g);
  return st;
}

ct_status ct_segment(const ct_text *t, const ct_abbrevs *ab, ct_clause **out,
                     size_t *n, ct_error *err) {
  seg g;
  ct_status st;
  memset(&g, 0, sizeof g);
  g.t = t;
  g.s = t->data;
  g.n = t->len;
  g.ab = ab;
  st = run(&g);
  free(g.lines);
  if (st != CT_OK) {
    free(g.v);
    return ct_fail(err, st, "%s: out of memory", t->name);
  }
  *out = g.v;
  *n = g.nv;
  return CT_OK;
}

ct_status ct_segment_lines(const ct_text *t, ct_clause **out, size_t *n,
                           ct_error *err) {
  seg g;
  size_t k;
  ct_status st = CT_OK;
  memset(&g, 0, sizeof g);
  g.t = t;
  g.s = t->data;
  g.n = t->len;
  for (k = 0; st == CT_OK && k < t->nlines; k++) {
    line l;
    size_t before = g.nv;
    scan_line(&g, k == 0 ? t->body : t->lines[k], line_stop(t, k), &l);
    st = emit(&g, l.start, l.end, CT_KIND_LINE, 0);
    if (st == CT_OK && g.nv > before && ct_seg_is_heading(&g, &l)) {
      g.v[g.nv - 1].heading = 0;     /* a title line heads the lines below */
      g.v[g.nv - 1].title = 1;
      g.heading = g.nv;
    }
  }
  if (st != CT_OK) {
    free(g.v);
    return ct_fail(err, st, "%s: out of memory", t->name);
  }
  *out = g.v;
  *n = g.nv;
  return CT_OK;
}

const char *ct_kind_name(ct_kind k) {
  static const char *const names[] = {"heading", "bullet", "sentence", "line"};
  return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}

char *ct_clause_text(const ct_text *t, const ct_clause *c, int collapse) {
  return ct_text_span(t, c->start, c->end, collapse);
}
