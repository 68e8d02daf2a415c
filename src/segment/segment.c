/*
** segment.c -- cutting a document into clauses.
**
** Structure first, then sentences.  Lines are grouped into blocks
** (separated by blank lines); a block into units: list items (a marker,
** then the lines indented under it) and paragraphs.  A paragraph of one
** short line without final punctuation is a heading.  Each unit is then
** cut into sentences.  The walk decodes every code point once and keeps
** only positions: no allocation per character, and every clause is a
** (start, end) span of the input, so the result is lossless by
** construction.
*/
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "segment/abbrev.h"
#include "text/srcmap.h"
#include "text/text.h"
#include "text/utf8.h"

#define MAX_DEPTH 16            /* deeper lists count as this deep */
#define HEADING_MAX_CPS 100     /* longer lines are paragraphs */
#define HEADING_MAX_WORDS 16

typedef struct line {
  size_t start, end;   /* content without indentation and trailing space */
  size_t text;         /* where the text starts, after a list marker */
  size_t indent;       /* width of the indentation, tabs count 4 */
  size_t cps;          /* code points of the content */
  int marker;          /* starts with a list marker */
  int title;           /* a Markdown heading: "## Title" */
} line;

typedef struct seg {
  const ct_text *t;
  const unsigned char *s;
  size_t n;
  const ct_abbrevs *ab;
  ct_clause *v;
  size_t nv, cap;
  size_t heading;              /* index of the current section heading */
  size_t ind[MAX_DEPTH];       /* indentation of the open list levels */
  int nind;
  line *lines;                 /* the current block, reused */
  size_t nlines, lcap;
} seg;

/* {=====================================================================
** Characters
** ====================================================================== */

static int32_t cp_at(const seg *g, size_t i, size_t end, size_t *len) {
  int32_t cp;
  *len = ct_utf8_decode(g->s + i, end - i, &cp);
  return cp;
}

/* Where the code point that ends just before position i starts.  A
** continuation byte that no lead byte claims is a (invalid) code point
** of its own, as the forward decoder sees it. */
static size_t prev_start(const seg *g, size_t lo, size_t i) {
  size_t back, len;
  for (back = 1; back <= 4 && back <= i - lo; back++) {
    if ((g->s[i - back] & 0xC0) != 0x80) {
      cp_at(g, i - back, i, &len);
      return len == back ? i - back : i - 1;
    }
  }
  return i - 1;
}

/* The code point that ends just before position i (i > lo). */
static int32_t cp_before(const seg *g, size_t lo, size_t i) {
  size_t len;
  return cp_at(g, prev_start(g, lo, i), i, &len);
}

static size_t skip_space(const seg *g, size_t i, size_t end) {
  size_t len;
  while (i < end && ct_cp_isspace(cp_at(g, i, end, &len))) i += len;
  return i;
}

static size_t trim_end(const seg *g, size_t lo, size_t i) {
  while (i > lo && ct_cp_isspace(cp_before(g, lo, i))) i = prev_start(g, lo, i);
  return i;
}

static int is_terminator(int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
         cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E;
}

static int is_cjk_stop(int32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

static int is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0x2019 || cp == 0x201D || cp == 0xBB || cp == 0x300D ||
         cp == 0x300F || cp == 0xFF09 || cp == 0x3011;
}

static int is_opener(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' ||
         cp == 0x2018 || cp == 0x201C || cp == 0xAB || cp == 0x300C ||
         cp == 0x300E || cp == 0xFF08 || cp == 0x3010;
}

static int is_bracket_open(int32_t cp) {
  return cp == '(' || cp == '[' || cp == '{' || cp == 0xFF08 || cp == 0x3010;
}

static int is_bracket_close(int32_t cp) {
  return cp == ')' || cp == ']' || cp == '}' || cp == 0xFF09 || cp == 0x3011;
}

/* }===================================================================== */

/* {=====================================================================
** Words
** ====================================================================== */

/* Words that commonly open a sentence: after an abbreviation such as
** "U.S." a capitalized word is usually a name ("U.S. Department"), but
** one of these starts a new sentence ("... with the R.O.K. The two"). */
static const char *const openers[] = {
  "A", "After", "All", "Also", "An", "And", "Another", "As", "At", "Both",
  "But", "By", "During", "Each", "Finally", "First", "For", "From",
  "Further", "Furthermore", "He", "Her", "His", "How", "However", "I", "If",
  "In", "It", "Its", "Last", "Many", "Meanwhile", "Moreover", "Most", "No",
  "Now", "On", "One", "Our", "She", "Since", "So", "Some", "Such", "That",
  "The", "Their", "There", "These", "They", "This", "Those", "Through",
  "To", "Today", "Together", "Under", "We", "What", "When", "Where",
  "While", "Who", "With", "Yet", NULL
};

static int is_opener_word(const seg *g, size_t i, size_t end) {
  size_t j = i, len, k;
  while (j < end && is_opener(cp_at(g, j, end, &len))) j += len;
  for (k = j; k < end && ct_cp_isalpha(g->s[k] < 0x80 ? g->s[k] : -1); k++)
    ;
  if (k == j || (k < end && g->s[k] >= 0x80)) return 0;
  for (const char *const *w = openers; *w; w++)
    if (strlen(*w) == k - j && memcmp(*w, g->s + j, k - j) == 0) return 1;
  return 0;
}

static int is_roman(const unsigned char *p, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (!strchr("ivxlIVXL", p[i])) return 0;
  return n > 0 && n <= 4;
}

/* A list marker's label: "12", "b", "iv" (its period or bracket apart). */
static int is_marker_label(const unsigned char *p, size_t n) {
  size_t i;
  if (n == 0) return 0;
  if (n == 1 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z')) return 1;
  for (i = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
    ;
  if (i == n && n <= 3) return 1;
  return is_roman(p, n);
}

/* Dotted initialisms by shape: U.S, R.O.K, e.g, a.m, Ph.D (the final
** period not included), and single-letter initials. */
static int is_initialism(const unsigned char *p, size_t n) {
  size_t i = 0, run = 0, groups = 0;
  if (n == 1) return ct_cp_isalpha(p[0]);
  for (i = 0; i < n; i++) {
    if (p[i] < 0x80 && ct_cp_isalpha(p[i])) {
      if (++run > 3) return 0;
    } else if (p[i] == '.' && run > 0) {
      run = 0;
      groups++;
    } else {
      return 0;
    }
  }
  return run > 0 && groups > 0;
}

/* Is the token p[0..n) followed by a period an abbreviation? */
static int is_abbrev(const seg *g, const unsigned char *p, size_t n) {
  size_t i;
  if (ct_abbrevs_has(g->ab, (const char *)p, n + 1)) return 1;
  for (i = n; i > 0; i--)          /* U.S.-R.O.K. : look at the last part */
    if (p[i - 1] == '-' || p[i - 1] == '/') break;
  if (i > 0 && ct_abbrevs_has(g->ab, (const char *)p + i, n - i + 1))
    return 1;
  return is_initialism(p + i, n - i);
}

/* }===================================================================== */

/* {=====================================================================
** Sentences
** ====================================================================== */

/* State of the walk through one sentence. */
typedef struct walk {
  size_t tok;        /* start of the current token */
  int intok;
  int ntok;          /* tokens finished so far in this sentence */
  int after_colon;   /* the previous token ended in ':' or ';' */
  int depth;         /* open brackets */
} walk;

/* Start of the current token with its opening brackets and quotes
** stripped: the word an abbreviation check looks at. */
static size_t word_start(const seg *g, size_t tok, size_t i) {
  size_t len;
  while (tok < i && is_opener(cp_at(g, tok, i, &len))) tok += len;
  return tok;
}

/* Decides whether the terminator at i ends the sentence; returns the end
** of the sentence (after closing quotes and brackets) or 0. */
static size_t at_terminator(const seg *g, const walk *w, size_t i,
                            size_t end) {
  size_t j = i, len, k, ws;
  int dots = 0, others = 0, cjk = 0, depth = w->depth;
  int32_t cp, prev, next;
  while (j < end && is_terminator(cp = cp_at(g, j, end, &len))) {
    if (cp == '.') dots++;
    else if (cp == 0x2026) dots += 3;
    else others++;
    cjk |= is_cjk_stop(cp);
    j += len;
  }
  while (j < end && is_closer(cp = cp_at(g, j, end, &len))) {
    if (is_bracket_close(cp) && depth > 0) depth--;
    j += len;
  }
  if ((dots > 1 && others == 0) || depth > 0) return 0;   /* ellipsis */
  if (j >= end) return end;
  next = cp_at(g, j, end, &len);
  if (!ct_cp_isspace(next)) {
    prev = i > 0 ? cp_before(g, 0, i) : ' ';
    if (cjk || (ct_cp_iscjk(prev) && ct_cp_iscjk(next))) return j;
    return 0;
  }
  ws = skip_space(g, j, end);
  if (ws >= end) return j;
  next = cp_at(g, ws, end, &len);
  if (dots == 1 && others == 0) {
    k = word_start(g, w->tok, i);
    if (is_marker_label(g->s + k, i - k) && (w->ntok == 0 || w->after_colon))
      return 0;
    if (k < i && is_abbrev(g, g->s + k, i - k))
      return is_opener_word(g, ws, end) ? j : 0;
  }
  if (ct_cp_islower(next) || is_bracket_open(next)) return 0;
  return j;
}

/* The end of the sentence that starts at `from`: after its terminator
** and closers, or `end`. */
static size_t sentence_end(const seg *g, size_t from, size_t end) {
  walk w = {from, 0, 0, 0, 0};
  size_t i = from, len, len2, r;
  while (i < end) {
    int32_t cp = cp_at(g, i, end, &len);
    if (ct_cp_isspace(cp)) {
      if (w.intok) {
        int32_t last = cp_before(g, w.tok, i);
        w.intok = 0;
        w.ntok++;
        w.after_colon = last == ':' || last == ';';
      }
      i += len;
      continue;
    }
    if (!w.intok) {
      w.tok = i;
      w.intok = 1;
    }
    if (is_bracket_open(cp)) w.depth++;
    else if (is_bracket_close(cp) && w.depth > 0) w.depth--;
    else if (is_terminator(cp)) {
      if ((r = at_terminator(g, &w, i, end)) != 0) return r;
      while (i + len < end && is_terminator(cp_at(g, i + len, end, &len2)))
        i += len, len = len2;   /* an ellipsis is judged once, whole */
    }
    i += len;
  }
  return end;
}

/* }===================================================================== */

/* {=====================================================================
** List markers
** ====================================================================== */

static int is_bullet(int32_t cp) {
  return cp == 0x2022 || cp == 0x25E6 || cp == 0x25AA || cp == '-' ||
         cp == '*' || cp == 0x2013 || cp == 0x25CF || cp == 0x25A0 ||
         cp == 0x2023 || cp == 0x2043;
}

/* If a list marker starts at i and is followed by white space, returns
** the position after it, else i.  Markers: bullets, 1. 1) 1.) (1) a) (a)
** i. (iv). */
static size_t marker_end(const seg *g, size_t i, size_t end) {
  size_t j = i, len, lab;
  int paren = 0;
  if (i >= end) return i;
  if (is_bullet(cp_at(g, i, end, &len))) {
    j = i + len;
  } else {
    if (g->s[j] == '(') { paren = 1; j++; }
    lab = j;
    while (j < end && j - lab < 4 && g->s[j] < 0x80 && ct_cp_isalnum(g->s[j]))
      j++;
    if (!is_marker_label(g->s + lab, j - lab)) return i;
    if (paren) {
      if (j >= end || g->s[j] != ')') return i;
      j++;
    } else if (j < end && g->s[j] == '.') {
      j++;
      if (j < end && g->s[j] == ')') j++;
      /* "A. Smith" is an initial, not an item: letters need "a." or "(a)" */
      else if (j - lab == 2 && ct_cp_isupper(g->s[lab]) &&
               !is_roman(g->s + lab, 1))
        return i;
    } else if (j < end && g->s[j] == ')') {
      j++;
    } else {
      return i;
    }
  }
  if (j >= end || !ct_cp_isspace(cp_at(g, j, end, &len))) return i;
  return j;
}

/* }===================================================================== */

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
    e = sentence_end(g, p, b);
    if ((st = emit(g, p, trim_end(g, p, e), kind, depth)) != CT_OK) return st;
    p = skip_space(g, e, b);
  }
  return CT_OK;
}

/* }===================================================================== */

/* {=====================================================================
** Headings, datelines, bylines
** ====================================================================== */

static const char *const months[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December", "Jan.",
  "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.",
  "Nov.", "Dec.", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
  "Saturday", "Sunday", NULL
};

static int is_month(const unsigned char *p, size_t n) {
  for (const char *const *m = months; *m; m++)
    if (strlen(*m) == n && memcmp(*m, p, n) == 0) return 1;
  return 0;
}

/* "By Jane Smith", "November 14, 2025", "Fri., Nov. 14, 2025": lines
** that stand alone without being section headings. */
static int is_byline_or_date(const seg *g, size_t a, size_t b) {
  size_t i = a, w;
  int digits = 0, words = 0;
  if (b - a > 3 && memcmp(g->s + a, "By ", 3) == 0 && a + 3 < b &&
      ct_cp_isupper(g->s[a + 3]))
    return 1;
  while (i < b) {
    for (w = i; w < b && g->s[w] != ' ' && g->s[w] != ','; w++)
      ;
    if (w > i) {
      words++;
      if (g->s[i] >= '0' && g->s[i] <= '9') digits = 1;
      else if (!is_month(g->s + i, w - i)) return 0;
    }
    i = w + 1;
  }
  return digits && words <= 5;
}

/* A '.', '!' or '?' before white space that is not an abbreviation's:
** "The White House - West Wing. (Photo)" is a caption, not a heading. */
static int has_inner_stop(const seg *g, size_t a, size_t b) {
  size_t i, w = a;
  for (i = a; i + 1 < b; i++) {
    if (g->s[i] == ' ') w = i + 1;
    if ((g->s[i] == '.' || g->s[i] == '!' || g->s[i] == '?') &&
        g->s[i + 1] == ' ' &&
        !(g->s[i] == '.' && is_abbrev(g, g->s + w, i - w)))
      return 1;
  }
  return 0;
}

static int is_final_punct(int32_t cp) {
  return is_terminator(cp) || cp == ':' || cp == ';' || cp == ',';
}

/* A one-line paragraph that reads as a heading: short, no final
** punctuation, one sentence. */
static int is_heading(const seg *g, const line *l) {
  size_t i = l->start, len, words = 0;
  int32_t last = cp_before(g, l->start, l->end);
  int inword = 0;
  if (l->cps > HEADING_MAX_CPS || is_final_punct(last)) return 0;
  for (; i < l->end; i += len) {
    int sp = ct_cp_isspace(cp_at(g, i, l->end, &len));
    if (!sp && !inword) words++;
    inword = !sp;
  }
  if (words > HEADING_MAX_WORDS || is_byline_or_date(g, l->start, l->end))
    return 0;
  return !has_inner_stop(g, l->start, l->end);
}

/* "Washington, D.C. – The": a place, then a dash opening the story. */
static int is_dateline(const seg *g, size_t i, size_t end) {
  size_t lim = i + 64 < end ? i + 64 : end, len;
  while (i < lim) {
    int32_t cp = cp_at(g, i, lim, &len);
    if (cp == 0x2013 || cp == 0x2014 || (cp == '-' && i + 1 < lim &&
                                         (g->s[i + 1] == ' ' || g->s[i + 1] == '-')))
      return 1;
    if (!(ct_cp_isalpha(cp) || ct_cp_isspace(cp) || cp == ',' || cp == '.' ||
          cp == '(' || cp == ')'))
      return 0;
    i += len;
  }
  return 0;
}

static int is_small_word(const unsigned char *p, size_t n) {
  static const char *const small[] = {"a", "an", "and", "at", "by", "for",
                                      "in", "of", "on", "or", "the", "to",
                                      "with", NULL};
  for (const char *const *w = small; *w; w++)
    if (strlen(*w) == n && memcmp(*w, p, n) == 0) return 1;
  return 0;
}

/* A heading glued to the next sentence by a lost line break:
** "Technology and InnovationAs global leaders ...".  Returns the glue
** position or 0.  The words before it must read as a title (capitalized
** but for small words, at least two), the last one long enough not to be
** a name like "McDonald", and what follows must not be a dateline (those
** stay with their sentence). */
static size_t glued_heading(const seg *g, const line *l) {
  size_t i, w = l->start, words = 0;
  const unsigned char *s = g->s;
  for (i = l->start; i < l->end && i - l->start < 200; i++) {
    if (s[i] == ' ') {
      if (i > w && !ct_cp_isupper(s[w]) && !is_small_word(s + w, i - w))
        return 0;
      if (i > w) words++;
      w = i + 1;
      continue;
    }
    if (s[i] >= 0x80 || ct_cp_isalpha(s[i]) == 0) {
      if (s[i] != '-') return 0;
      continue;
    }
    if (i >= w + 4 && ct_cp_islower(s[i - 1]) && ct_cp_islower(s[i - 2]) &&
        ct_cp_islower(s[i - 3]) && ct_cp_isupper(s[i]) && i + 1 < l->end &&
        ct_cp_islower(s[i + 1]) && ct_cp_isupper(s[w]) && words >= 1)
      return is_dateline(g, i, l->end) ? 0 : i;
  }
  return 0;
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
  if (one_line && is_heading(g, first))
    return emit(g, first->start, first->end, CT_KIND_HEADING, 0);
  glue = glued_heading(g, first);
  if (glue) {
    if ((st = emit(g, first->start, glue, CT_KIND_HEADING, 0)) != CT_OK)
      return st;
    return emit_sentences(g, glue, end, CT_KIND_SENTENCE, 0);
  }
  return emit_sentences(g, first->start, end, CT_KIND_SENTENCE, 0);
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
      st = emit_sentences(g, l->text, g->lines[k - 1].end, CT_KIND_BULLET,
                          depth);
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
  l->text = marker_end(g, l->start, l->end);
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

/* {=====================================================================
** Blocks a reader marked (HTML, PDF: text/srcmap.h)
** ====================================================================== */

/* A paragraph the reader marked: its lines (from <br>) run on into
** sentences, except after a short line without final punctuation before
** a capitalized one, as in a plain-text paragraph (hard_break).  It is
** never a heading or a list item by its shape: the reader knows. */
static ct_status emit_marked_paragraph(seg *g, size_t a, size_t b) {
  size_t i = a, k, first = 0, maxcps = 0;
  ct_status st = CT_OK;
  while (st == CT_OK && i < b) {
    const unsigned char *nl = memchr(g->s + i, '\n', b - i);
    size_t e = nl ? (size_t)(nl - g->s) : b;
    line l;
    scan_line(g, i, e, &l);
    if (l.title) l.start = skip_space(g, i, e);   /* '#' is text here */
    if (l.start < l.end) st = push_line(g, &l);
    if (l.cps > maxcps) maxcps = l.cps;
    i = e + 1;
  }
  for (k = 1; st == CT_OK && k <= g->nlines; k++) {
    if (k < g->nlines &&
        !hard_break(g, &g->lines[k - 1], &g->lines[k], maxcps))
      continue;
    st = emit_sentences(g, g->lines[first].start, g->lines[k - 1].end,
                        CT_KIND_SENTENCE, 0);
    first = k;
  }
  g->nlines = 0;
  return st;
}

static ct_status run_blocks(seg *g) {
  size_t k;
  ct_status st = CT_OK;
  for (k = 0; st == CT_OK && k < g->t->nblocks; k++) {
    const ct_block *b = &g->t->blocks[k];
    size_t a = skip_space(g, b->start, b->end), e = trim_end(g, a, b->end);
    int depth = b->depth < 1 ? 1 : b->depth > MAX_DEPTH ? MAX_DEPTH : b->depth;
    if (b->kind == CT_BLOCK_HEADING)
      st = emit(g, a, e, CT_KIND_HEADING, 0);
    else if (b->kind == CT_BLOCK_ITEM)
      st = emit_sentences(g, a, e, CT_KIND_BULLET, depth);
    else
      st = emit_marked_paragraph(g, a, e);
  }
  return st;
}

/* }===================================================================== */

ct_status ct_segment(const ct_text *t, const ct_abbrevs *ab, ct_clause **out,
                     size_t *n, ct_error *err) {
  seg g;
  ct_status st;
  memset(&g, 0, sizeof g);
  g.t = t;
  g.s = t->data;
  g.n = t->len;
  g.ab = ab;
  st = t->nblocks > 0 ? run_blocks(&g) : run(&g);
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
    if (st == CT_OK && g.nv > before && is_heading(&g, &l)) {
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
