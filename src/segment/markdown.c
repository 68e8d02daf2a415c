/*
** markdown.c -- Markdown structure, which is not clause text.
**
** Directories are read for *.md, and text saved from the web often
** carries Markdown, so the segmenter reads every document with these in
** mind: heading hashes ("## Title") and setext underlines, blockquote
** markers ("> "), table pipes and separator rows, thematic breaks
** ("---"), HTML comments ("<!-- ... -->"), emphasis markers ("**",
** "_"), link and image syntax ("[text](url)" is "text").
**
** Structure at the edge of a line or clause is left out of the clause's
** span, as a list marker is; structure inside a span stays in it (a span
** is one range of the input) and ct_clause_text leaves it out of the
** text.  Offsets always point into the source.  Text a reader made from
** HTML or PDF (a text with blocks) is not Markdown: there every function
** here finds no structure (seg.md is 0).
*/
#include <stdlib.h>
#include <string.h>
#include "core/bytes16.h"
#include "segment/seg.h"
#include "segment/segment.h"

#define LINK_MAX 2048   /* a link's "(url)" is looked for this far */

/* {=====================================================================
** Inline structure
** ====================================================================== */

int ct_md_is_emph(unsigned char c) { return c == '*' || c == '_'; }

static int is_alnum_byte(unsigned char c) {
  return c >= 0x80 || (c < 0x80 && ct_cp_isalnum(c));
}

/* Is the code point at i white space or invisible (a tab, a no-break or
** zero-width space)?  Nothing a URL holds. */
static int blank_at(const seg *g, size_t i, size_t end) {
  size_t len;
  int32_t cp = cp_at(g, i, end, &len);
  return cp_invisible(cp);
}

/* "](url)" or "](url "title")" at j: the position after it, or 0.  A
** URL has no white space: "](https:\t/x.org)" is text, so that the clause
** keeps it (outside a clause, only structure may be left); a quote opens
** a title only after a space ("](htt"Fig. "ps://x)" is no link). */
static size_t tail_at(const seg *g, size_t j, size_t end) {
  size_t i, lim = j + LINK_MAX < end ? j + LINK_MAX : end;
  int title = 0;                 /* 1 inside a title, 2 after it */
  if (!g->md) return 0;
  if (j + 2 >= end || g->s[j] != ']' || g->s[j + 1] != '(') return 0;
  for (i = j + 2; i < lim; i++) {
    unsigned char c = g->s[i];
    if (title == 1) title = c == '"' ? 2 : 1;  /* a title ends at its quote */
    else if (c == ')') return i + 1;
    else if (title == 2) { if (c != ' ') return 0; } /* only ')' after it */
    else if (c == '"' && g->s[i - 1] == ' ') title = 1;
    else if (c == '(') return 0;
    else if (c == ' ' && i + 1 < lim && g->s[i + 1] == '"') continue;
    else if (blank_at(g, i, lim)) return 0;
  }
  return 0;
}

/* A '[' at i that opens a link: its "](url)" follows before the next
** bracket.  The position of the ']', or 0. */
static size_t link_close(const seg *g, size_t i, size_t end) {
  size_t j, lim = i + LINK_MAX < end ? i + LINK_MAX : end;
  for (j = i + 1; j < lim; j++) {
    if (g->s[j] == '[' || g->s[j] == '\n') return 0;
    if (g->s[j] == ']') return tail_at(g, j, end) ? j : 0;
  }
  return 0;
}

/* A link's "](url)" is syntax only after its "[": a stray "](a)" is
** text, and stays in the clause. */
size_t ct_md_link_tail(const seg *g, size_t j, size_t end) {
  size_t k, lo = j > LINK_MAX ? j - LINK_MAX : 0, e = tail_at(g, j, end);
  if (e == 0) return 0;
  for (k = j; k > lo; k--) {
    unsigned char c = g->s[k - 1];
    if (c == '[') return link_close(g, k - 1, g->n) == j ? e : 0;
    if (c == ']' || c == '\n') return 0;
  }
  return 0;
}

/* The first "-->" in [i, end): the position after it, or 0. */
size_t ct_md_comment_close(const seg *g, size_t i, size_t end) {
  const unsigned char *p;
  if (!g->md) return 0;
  while (i + 3 <= end &&
         (p = memchr(g->s + i, '-', end - i - 2)) != NULL) {
    i = (size_t)(p - g->s);
    if (p[1] == '-' && p[2] == '>') return i + 3;
    i++;
  }
  return 0;
}

/* Where an HTML comment opens in [i, end), or end. */
size_t ct_md_comment_open(const seg *g, size_t i, size_t end) {
  const unsigned char *p;
  if (!g->md) return end;
  while (i + 4 <= end && (p = memchr(g->s + i, '<', end - i - 3)) != NULL) {
    i = (size_t)(p - g->s);
    if (memcmp(p, "<!--", 4) == 0) return i;
    i++;
  }
  return end;
}

/* An HTML comment "<!-- ... -->" at i: the position after it, or 0. */
size_t ct_md_comment_end(const seg *g, size_t i, size_t end) {
  if (!g->md) return 0;
  if (end - i < 7 || memcmp(g->s + i, "<!--", 4) != 0) return 0;
  return ct_md_comment_close(g, i + 4, end);
}

/* An emphasis run ("*", "**", "_") at i that marks emphasis: touching a
** word on one side, white space or punctuation on the other (inside a
** word, as in snake_case or 2*3, it is text).  Its end, or 0. */
size_t ct_md_emph_end(const seg *g, size_t lo, size_t i, size_t end) {
  size_t j = i;
  unsigned char c = g->s[i], before, after;
  if (!g->md) return 0;
  while (j < end && g->s[j] == c && j - i < 3) j++;
  if (j < end && g->s[j] == c) return 0;
  before = i > lo ? g->s[i - 1] : ' ';
  after = j < end ? g->s[j] : ' ';
  if (cp_isspace(before) && (j >= end || cp_isspace(after))) return 0;
  return is_alnum_byte(before) && is_alnum_byte(after) ? 0 : j;
}

/* Is i the first non-blank position of its line? */
static int line_begins(const seg *g, size_t i) {
  while (i > g->t->body && (g->s[i - 1] == ' ' || g->s[i - 1] == '\t')) i--;
  return i <= g->t->body || g->s[i - 1] == '\n' || g->s[i - 1] == '\r';
}

size_t ct_md_skip_open(const seg *g, size_t i, size_t end) {
  size_t e;
  if (!g->md) return i;
  for (;;) {
    if (i < end && ct_md_is_emph(g->s[i]) &&
        (e = ct_md_emph_end(g, i, i, end)) != 0)
      i = e;
    else if (i < end && g->s[i] == '>' && line_begins(g, i) &&
             (e = ct_md_quote_end(g, i, end)) != i)
      i = e;
    else if (i + 1 < end && g->s[i] == '!' && g->s[i + 1] == '[' &&
             link_close(g, i + 1, end))
      i += 2;
    else if (i < end && g->s[i] == '[' && link_close(g, i, end))
      i++;
    else
      return i;
  }
}

/* Where [a, b) ends once trailing emphasis runs and a link's "](url)"
** are left out. */
static size_t trim_close(const seg *g, size_t a, size_t b) {
  for (;;) {
    size_t k = b, open;
    while (k > a && ct_md_is_emph(g->s[k - 1]) && b - k < 3) k--;
    if (k < b && k > a && !cp_isspace(g->s[k - 1]) &&
        (k == a || !ct_md_is_emph(g->s[k - 1]))) {
      b = k;
      continue;
    }
    if (b - a < 4 || g->s[b - 1] != ')') return b;
    for (open = b - 1; open > a && b - open < LINK_MAX && g->s[open] != '(';
         open--)
      ;
    if (open <= a || g->s[open - 1] != ']' ||
        ct_md_link_tail(g, open - 1, b) != b)
      return b;
    b = open - 1;
  }
}

void ct_md_trim(const seg *g, size_t *a, size_t *b) {
  size_t s = *a, e = *b;
  if (!g->md) return;
  s = skip_space(g, ct_md_skip_open(g, s, e), e);
  if (s < e) e = trim_end(g, s, trim_close(g, s, e));
  if (s < e) {
    *a = s;
    *b = e;
  }
}

/* }===================================================================== */

/* {=====================================================================
** Lines
** ====================================================================== */

/* "> " (nested "> > " too) at i: the position after it, or i. */
size_t ct_md_quote_end(const seg *g, size_t i, size_t end) {
  if (!g->md) return i;
  while (i < end && g->s[i] == '>' &&
         (i + 1 >= end || g->s[i + 1] == ' ' || g->s[i + 1] == '>' ||
          g->s[i + 1] == '\t'))
    i = skip_space(g, i + 1, end);
  return i;
}

/* "## Title": the hashes are a marker like a bullet, left out of the
** clause.  Moves l->start past them. */
int ct_md_atx(const seg *g, line *l) {
  size_t i = l->start;
  if (!g->md) return 0;
  while (i < l->end && g->s[i] == '#' && i - l->start < 7) i++;
  if (i == l->start || i - l->start > 6 || i >= l->end || g->s[i] != ' ')
    return 0;
  l->start = l->text = skip_space(g, i, l->end);
  return 1;
}

/* A line of structure only: a thematic break or setext underline ("---",
** "***", "===", "- - -") or a table's separator row ("|---|:--:|"). */
int ct_md_rule(const seg *g, size_t a, size_t b) {
  size_t i, marks = 0;
  unsigned char c = 0;
  int pipes = 0;
  if (!g->md) return 0;
  for (i = a; i < b; i++) {
    unsigned char x = g->s[i];
    if (x == ' ' || x == '\t') continue;
    if (x == '|') pipes++;
    else if (x == ':' && pipes > 0) continue;
    else if ((x == '-' || x == '*' || x == '_' || x == '=') &&
             (c == 0 || c == x)) {
      c = x;
      marks++;
    } else {
      return 0;
    }
  }
  return marks >= 3 || (pipes > 0 && marks > 0);
}

/* A table row: "| a | b |", or a line with a pipe when `in_table`. */
int ct_md_table_row(const seg *g, size_t a, size_t b, int in_table) {
  const unsigned char *p = g->s + a;
  if (!g->md) return 0;
  if (b - a < 2) return 0;
  if (p[0] == '|') return memchr(p + 1, '|', b - a - 1) != NULL;
  return in_table && memchr(p, '|', b - a) != NULL;
}

/* The next cell of a table row from i: *ca, *cb its text, trimmed; the
** position after its pipe is returned (b at the end). */
size_t ct_md_cell(const seg *g, size_t i, size_t b, size_t *ca, size_t *cb) {
  size_t j = i;
  int code = 0;
  if (j < b && g->s[j] == '|') j++;
  i = j;
  while (j < b && (g->s[j] != '|' || code || g->s[j - 1] == '\\')) {
    if (g->s[j] == '`') code = !code;
    j++;
  }
  *ca = skip_space(g, i, j);
  *cb = trim_end(g, *ca, j);
  return j;
}

/* }===================================================================== */

/* {=====================================================================
** Clause text
** ====================================================================== */

/* The length of the structure at i inside [lo, end), 0 for text:
** emphasis runs, "[" and "![" of a link, its "](url)", a comment, and a
** blockquote marker after a line break. */
static size_t structure_at(const seg *g, size_t lo, size_t i, size_t end) {
  unsigned char c = g->s[i];
  size_t e, k;
  if (ct_md_is_emph(c)) return (e = ct_md_emph_end(g, lo, i, end)) ? e - i : 0;
  if (c == '[') return link_close(g, i, g->n) ? 1 : 0;   /* its "](url)" */
  if (c == '!') return i + 1 < end && g->s[i + 1] == '[' &&  /* may lie past */
                       link_close(g, i + 1, g->n) ? 2 : 0;  /* the clause */
  if (c == ']') return (e = ct_md_link_tail(g, i, end)) ? e - i : 0;
  if (c == '<') return (e = ct_md_comment_end(g, i, end)) ? e - i : 0;
  if (c == '>') {
    for (k = i; k > lo && (g->s[k - 1] == ' ' || g->s[k - 1] == '\t'); k--)
      ;
    if (k > lo && (g->s[k - 1] == '\n' || g->s[k - 1] == '\r'))
      return ct_md_quote_end(g, i, end) - i;
  }
  return 0;
}

/* Appends the text of [a, b) to b (a piece between structure), putting
** one space before it where white space was, when both it and what came
** before it since `from` are not empty. */
static ct_status add_piece(ct_buf *b, const ct_text *t, size_t a, size_t e,
                           int collapse, int space, size_t from) {
  size_t at = b->len;
  int gap = collapse && space && at > from;
  if (gap && ct_buf_addc(b, ' ') != CT_OK) return CT_ENOMEM;
  if (ct_text_span_add(b, t, a, e, collapse) != CT_OK) {
    b->len = at;
    b->s[at] = '\0';
    return CT_ENOMEM;
  }
  if (gap && b->len == at + 1) b->s[b->len = at] = '\0';   /* empty piece */
  return CT_OK;
}

size_t ct_clause_mask(const ct_text *t, const ct_clause *c,
                      unsigned char *buf) {
  seg g;
  size_t i, k, len, masked = 0;
  if (t->nblocks > 0 || t->no_md ||
      !ct_text_md_bytes(t->data + c->start, c->end - c->start))
    return 0;
  memset(&g, 0, sizeof g);
  g.t = t;
  g.s = t->data;
  g.n = t->len;
  g.md = 1;
  for (i = c->start; i < c->end; i += k) {
    if ((k = structure_at(&g, c->start, i, c->end)) == 0) {
      cp_at(&g, i, c->end, &len);
      k = len;
      continue;
    }
    if (k > c->end - i) k = c->end - i;
    if (buf != NULL) memset(buf + i, ' ', k);
    masked += k;
  }
  return masked;
}

ct_status ct_clause_text_add(ct_buf *b, const ct_text *t,
                            const ct_clause *c, int collapse) {
  seg g;
  size_t i, piece, len, from = b->len;
  int space = 0;
  if (t->nblocks > 0 || t->no_md ||
      !ct_text_md_bytes(t->data + c->start, c->end - c->start))
    return ct_text_span_add(b, t, c->start, c->end, collapse);
  memset(&g, 0, sizeof g);
  g.t = t;
  g.s = t->data;
  g.n = t->len;
  g.md = 1;
  for (i = piece = c->start; i < c->end;) {
    size_t k = structure_at(&g, c->start, i, c->end);
    if (k == 0) {
      cp_at(&g, i, c->end, &len);
      i += len;
      continue;
    }
    if (add_piece(b, t, piece, i, collapse, space, from) != CT_OK) break;
    space = (i > piece && cp_isspace(g.s[i - 1])) ||
            (i + k < c->end && cp_isspace(g.s[i + k])) ||
            (space && i == piece);
    i = piece = i + k;
  }
  if (i >= c->end &&
      add_piece(b, t, piece, c->end, collapse, space, from) == CT_OK)
    return CT_OK;
  if (b->s != NULL) b->s[b->len = from] = '\0';
  return CT_ENOMEM;
}

char *ct_clause_text(const ct_text *t, const ct_clause *c, int collapse) {
  ct_buf b = {0};
  if (ct_clause_text_add(&b, t, c, collapse) != CT_OK) {
    ct_buf_free(&b);
    return NULL;
  }
  return ct_buf_take(&b);
}

/* }===================================================================== */
