/*
** segment.c -- cutting a document into clauses.
**
** Structure first, then sentences.  Lines are grouped into blocks
** (separated by blank lines, and in text without them cut at window
** lines: text/cut.h); a block into units: list items (a marker,
** then the lines indented under it) and paragraphs.  A paragraph of one
** short line without final punctuation is a heading (lines.c).  Each
** unit is then cut into sentences (boundary.c).  The walk decodes every
** code point once and keeps only positions: no allocation per character,
** and every clause is a (start, end) span of the input, so the result is
** lossless by construction.
*/
#include <stdlib.h>
#include <string.h>
#include "core/bytes16.h"
#include "core/error.h"
#include "segment/seg.h"
#include "segment/segment.h"
#include "text/cut.h"
#include "text/srcmap.h"
#include "core/grow.h"

/* {=====================================================================
** Clauses
** ====================================================================== */

/* Moves a past, and b back over, what a reader does not see: white
** space and format characters (a zero-width space a page puts before a
** paragraph, a byte order mark).  ASCII stops at once. */
static void trim_invisible_slow(const seg *g, size_t *a, size_t *b) {
  size_t len;
  while (*a < *b && g->s[*a] >= 0x80 && cp_invisible(cp_at(g, *a, *b, &len)))
    *a = skip_space(g, *a + len, *b);
  while (*b > *a && g->s[*b - 1] >= 0x80) {
    size_t p = prev_start(g, *a, *b);
    if (!cp_invisible(cp_at(g, p, *b, &len))) break;
    *b = trim_end(g, *a, p);
  }
}

static inline void trim_invisible(const seg *g, size_t *a, size_t *b) {
  if (*a < *b && (g->s[*a] >= 0x80 || g->s[*b - 1] >= 0x80))
    trim_invisible_slow(g, a, b);
}

static ct_status emit(seg *g, size_t start, size_t end, ct_kind kind,
                      int depth) {
  ct_clause *c;
  trim_invisible(g, &start, &end);
  ct_md_trim(g, &start, &end);
  trim_invisible(g, &start, &end);
  if (start >= end) return CT_OK;
  if (g->nv == g->cap) {
    ct_clause *v = ct_grow(g->v, g->nv, &g->cap, sizeof *v, 64);
    if (v == NULL) return CT_ENOMEM;
    g->v = v;
  }
  c = &g->v[g->nv++];
  c->index = g->nv;
  c->kind = kind;
  c->depth = depth;
  c->start = start;
  c->end = end;
  if (g->general) ct_text_linecol(g->t, start, &c->line, &c->col);
  else ct_text_linecol_next(g->t, &g->lc, start, &c->line, &c->col);
  c->heading = kind == CT_KIND_HEADING ? 0 : g->heading;
  c->title = kind == CT_KIND_HEADING;
  if (kind == CT_KIND_HEADING) g->heading = c->index;
  if (kind == CT_KIND_SENTENCE || kind == CT_KIND_BULLET) g->top = 0;
  g->after = CT_FURN_NONE;
  return CT_OK;
}

/* A line of page furniture (furniture.c): kind `line`, in no section. */
static ct_status emit_furniture(seg *g, size_t a, size_t b, int furn) {
  ct_status st = emit(g, a, b, CT_KIND_LINE, 0);
  if (st == CT_OK && g->nv > 0) g->v[g->nv - 1].heading = 0;
  g->after = furn;
  return st;
}

/* Past white space and HTML comments: where a sentence may start. */
static size_t skip_gap(const seg *g, size_t p, size_t b) {
  size_t e;
  p = skip_space(g, p, b);
  while (p < b && (e = ct_md_comment_end(g, p, b)) != 0)
    p = skip_space(g, e, b);
  return p;
}

static ct_status emit_sentences(seg *g, size_t a, size_t b, ct_kind kind,
                                int depth) {
  size_t p = skip_gap(g, a, b), e;
  ct_status st;
  while (p < b) {
    e = ct_seg_sentence_end(g, p, b);
    if ((st = emit(g, p, trim_end(g, p, e), kind, depth)) != CT_OK) return st;
    p = skip_gap(g, e, b);
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

/* What a paragraph of one line is: furniture (on its own, or a place
** beside the weather, a name in capitals under a date line), a heading,
** the document's headline, or text. */
static int line_unit(const seg *g, const line *l) {
  int f = l->furn;
  /* ct_seg_furniture(.., 1) is the judgement scan_line made, or a credit */
  if (f == CT_FURN_NONE)
    f = !l->judged ? ct_seg_furniture(g, l->start, l->end, 1)
        : ct_seg_is_credit(g, l->start, l->end) ? CT_FURN_CREDIT
                                                : CT_FURN_NONE;
  if (f == CT_FURN_NONE && g->after == CT_FURN_WEATHER &&
      ct_seg_is_place(g, l->start, l->end))
    f = CT_FURN_WEATHER;
  if (f == CT_FURN_NONE && g->after == CT_FURN_DATE &&
      ct_seg_is_caps_name(g, l->start, l->end))
    f = CT_FURN_BYLINE;
  if (f != CT_FURN_NONE) return f;
  if (ct_seg_title_shape(g, l)) return -1;
  return 0;
}

/* The sentences of a paragraph from line first to `end`, after the
** heading a lost line break glued to its first line, if any. */
static ct_status emit_text(seg *g, const line *first, size_t end) {
  size_t glue = first->cont ? 0 : ct_seg_glued_heading(g, first);
  ct_status st;
  if (glue) {
    st = emit(g, first->start, trim_end(g, first->start, glue),
              CT_KIND_HEADING, 0);
    if (st != CT_OK) return st;
    return emit_sentences(g, glue, end, CT_KIND_SENTENCE, 0);
  }
  return emit_sentences(g, first->start, end, CT_KIND_SENTENCE, 0);
}

/* Does a paragraph of lines first..last (more than one) read as one
** title wrapped over them ("Cooperation on Clean Energy and" / "Critical
** Minerals Supply Chains")?  Joined, they must have a title's shape,
** its capitals ("The updated FCC software would" / "limit ..." is a
** sentence broken off) and be one sentence, and no line may end in
** punctuation. */
static int wrapped_title(const seg *g, const line *first, const line *last) {
  line t = *first;
  const line *l;
  t.end = last->end;
  t.cps = 0;
  for (l = first; l <= last; l++) {
    if (l < last && is_final_punct(cp_before(g, l->start, l->end))) return 0;
    t.cps += l->cps + 1;
  }
  t.cps--;                                 /* the line ends, as spaces */
  return ct_seg_title_shape(g, &t) && ct_seg_title_case(g, t.start, t.end) &&
         ct_seg_sentence_end(g, t.start, t.end) == t.end;
}

/* The paragraph of lines first..last of the block. */
static ct_status emit_paragraph(seg *g, const line *first, const line *last) {
  size_t end = last->end;
  int u = first->cont ? 0
          : first == last ? line_unit(g, first)
          : wrapped_title(g, first, last) ? -1 : 0;
  g->nind = 0;
  if (u > 0) return emit_furniture(g, first->start, first->end, u);
  if (u < 0) return emit(g, first->start, end, CT_KIND_HEADING, 0);
  return emit_text(g, first, end);
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

/* Does line a break off a sentence: end in a comma or a word a sentence
** goes on from?  Then the next line is its rest, whatever it looks like
** on its own ("... into law on May 1," / "2019."). */
static int broken_off(const seg *g, const line *a) {
  return cp_before(g, a->start, a->end) == ',' ||
         ct_seg_dangling_end(g, a->start, a->end);
}

/* Columns of line l's first word. */
static size_t first_word(const seg *g, const line *l) {
  size_t i = l->start, len, n = 0;
  int32_t cp;
  while (i < l->end && !cp_isspace(cp = cp_at(g, i, l->end, &len)))
    i += len, n += (size_t)ct_cp_width(cp);
  return n;
}

/* Is line a full, as a line that text wrapped at the block's width is:
** would the first word of line b not have fitted after it?
** Then b goes on a's sentence, whatever their punctuation and capitals
** ("... the countries of the ACP-EC Lome" / "Convention as reflected
** ...", from a text wrapped at 72 columns).  Only a block with a width
** tells: the longest line of two says nothing (a headline over its
** source line).  A few characters of slack (WRAP_SLACK): wrappers that
** count bytes give a line with a '•' or an 'é' fewer characters, and
** some aim short of their width. */
static int filled(const seg *g, const line *a, const line *b) {
  if (g->width == 0) return 0;
  return a->cols + 1 + first_word(g, b) + WRAP_SLACK(g->width) > g->width;
}

/* May line a have been wrapped before line b: would b's first word not
** have fitted after a within b's own length?  A line as long as the two
** joined shows a width they did not reach ("Readout of ... of Mexico" /
** "President Joseph R. Biden, Jr. spoke today with ..."). */
static int may_wrap(const seg *g, const line *a, const line *b) {
  return a->cols + 1 + first_word(g, b) > b->cols;
}

/* The block's width (seg.width): none where its lines are shorter or
** longer than text is wrapped at (a list of short lines; a page copied a
** line per paragraph). */
static size_t block_width(const seg *g) {
  size_t k, near = 0, max = 0;
  for (k = 0; k < g->nlines; k++)
    if (g->lines[k].cols > max) max = g->lines[k].cols;
  if (max < WRAP_MIN_COLS || max > WRAP_MAX_COLS) return 0;
  for (k = 0; k < g->nlines; k++)
    near += g->lines[k].cols * 10 >= max * 9;
  return near >= 2 ? max : 0;
}

/* Does line b go on a title above it ("Agreement between the United
** States of America and the Hashemite" / "Kingdom of Jordan on the
** Establishment of a Free Trade Area"): title capitals, no punctuation
** at its end? */
static int title_goes_on(const seg *g, const line *b) {
  return !is_final_punct(cp_before(g, b->start, b->end)) &&
         ct_seg_title_case(g, b->start, b->end);
}

/* Is line b the rest of a long title on line a ("Readout of President
** Biden's Meeting with Prime Minister Suga" / "Yoshihide of Japan")? */
static int title_wraps(const seg *g, const line *a, const line *b) {
  return a->cols >= WRAP_MIN_COLS && ct_seg_title_case(g, a->start, a->end) &&
         title_goes_on(g, b) && may_wrap(g, a, b);
}

/* Does a paragraph break after line a, though no blank line follows?  A
** short line without final punctuation before a capitalized line is a
** heading or a title line, not a wrapped sentence.  Short is measured
** against the block's longest line (maxcps) when a starts its unit (the
** unit's lines run from `unit` to a in g->lines), and against the line
** before it when a is inside one: a line as long as the one above it is
** wrapped text, however narrow the column ("... the Mutual Defense" /
** "Treaty and charts ...").  The document's first line, when it reads as
** its headline, breaks before text whatever its length, unless the text
** goes on from it: a filled line, the rest of a title, or the end of a
** sentence that a line in sentence case began ("President Biden met
** with President of Finland" / "Sauli Niinistö."). */
static int hard_break(const seg *g, const line *unit, const line *a,
                      const line *b, size_t maxcps) {
  int32_t next;
  size_t len;
  if (is_final_punct(cp_before(g, a->start, a->end))) return 0;
  next = cp_at(g, b->start, b->end, &len);
  if (!(ct_cp_isupper(next) || ct_cp_isdigit(next) || is_opener(next) ||
        ct_cp_iscjk(next)) ||
      ct_seg_dangling_end(g, a->start, a->end) || filled(g, a, b))
    return 0;
  if (a == unit && g->top && ct_seg_title_shape(g, a)) /* the headline */
    return !title_wraps(g, a, b) &&
           !(may_wrap(g, a, b) && !ct_seg_title_case(g, a->start, a->end) &&
             is_final_punct(cp_before(g, b->start, b->end)));
  if (a > unit) maxcps = a[-1].cps;
  return a->cps <= HEADING_MAX_CPS && a->cps * 10 < maxcps * 7;
}

/* A Markdown table row: each cell is a paragraph of its own. */
static ct_status emit_cells(seg *g, const line *l) {
  size_t i = l->start, a, b;
  ct_status st = CT_OK;
  g->nind = 0;
  while (st == CT_OK && i < l->end) {
    i = ct_md_cell(g, i, l->end, &a, &b);
    st = emit_sentences(g, a, b, CT_KIND_SENTENCE, 0);
  }
  return st;
}

/* In a block where no line ends in final punctuation (a title over two
** lines, "60.5 F / Los Angeles / Friday, November 14, 2025", a list of
** short lines), a line is its own unit before a capitalized line, and
** between two lines of a few words; but not when it ends in a word a
** sentence goes on from ("Cooperation on Clean Energy and" / "Critical
** Minerals": one title wrapped, which wrapped_title reads), is filled,
** or is a long title line that the next goes on (title_wraps). */
static int loose_break(const seg *g, const line *a, const line *b) {
  size_t len;
  int32_t next = cp_at(g, b->start, b->end, &len);
  if (ct_seg_dangling_end(g, a->start, a->end) || filled(g, a, b) ||
      title_wraps(g, a, b))
    return 0;                                       /* goes on */
  return !ct_cp_islower(next) || (a->words <= 4 && b->words <= 4);
}

/* Does a sentence end where line a ends, by the sentence rules (not
** after "U.S.")?  Then a line after it may start a unit of its own. */
static int ends_sentence(const seg *g, const line *a, const line *b) {
  size_t p = a->start, e;
  while ((e = ct_seg_sentence_end(g, p, b->end)) < a->end) {
    if (e <= p) return 0;
    p = skip_space(g, e, a->end);
  }
  return e == a->end;
}

/* Does line b go on the paragraph that line a is in?  A deeper
** blockquote opens a block of its own ("We agree\n> to trade." is two
** paragraphs, as in CommonMark); a shallower line is a lazy continuation
** of the quoted paragraph ("> We agree\nto trade." is one). */
static int joins(const seg *g, const line *unit, const line *a,
                 const line *b, size_t maxcps, int punct) {
  if (b->marker || b->title || b->table || a->furn) return 0;
  if (b->furn && !broken_off(g, a) && !filled(g, a, b))
    return 0;           /* "... signed in Mauritius on" / "4 November 1995;" */
  if (b->quote > a->quote) return 0;
  if (is_terminator(cp_before(g, a->start, a->end)) &&   /* cheap first */
      ct_seg_heading_shape(g, b) && ends_sentence(g, a, b))
    return 0;
  if (hard_break(g, unit, a, b, maxcps)) return 0;
  return punct || !loose_break(g, a, b);
}

/* Is the item a numbered title ("II. Common Strategic Objectives",
** "(c) Applicability") before a capitalized line?  Then that line is not
** its lazy continuation but the text under it.  A bullet is never one:
** "• Boeing Special Attention Service" / "Bulletin 737-31-1860 ..." is
** an item's wrapped name. */
static int titled_item(const seg *g, const line *item, const line *b) {
  line t = *item;
  size_t len;
  if (item->mk.kind == CT_MK_BULLET) return 0;
  t.start = t.text;
  return ct_cp_isupper(cp_at(g, b->start, b->end, &len)) &&
         ct_seg_heading_shape(g, &t) && ct_seg_title_case(g, t.start, t.end);
}

/* Does an item's text stop where its line a ends, so that an unindented
** line b is no lazy continuation of it?  After a sentence's end, and
** after final punctuation but a comma, a colon, or a semicolon before a
** lowercase line or after a filled one ("... economic cooperation;" /
** "and"). */
static int item_stops(const seg *g, const line *a, const line *b) {
  int32_t last = cp_before(g, a->start, a->end);
  size_t len;
  if (is_terminator(last)) return ends_sentence(g, a, b);
  if (last == ';')
    return !filled(g, a, b) &&
           !ct_cp_islower(cp_at(g, b->start, b->end, &len));
  return last != ',' && last != ':' && is_final_punct(last);
}

/* Does line k go on the list item that line `item` starts?  A line
** indented under the marker does; so does a line that is not (a lazy
** continuation, as in CommonMark) when the item's text goes on
** (item_stops: no final punctuation, a comma, a colon, or a period that
** ends no sentence: "... between 9 a.m." / "and 5 p.m.") and the line
** reads as its rest ("• Secretary of State Clinton, Secretary" / "of
** Foreign Affairs"): after "• Item." an unindented line is a paragraph. */
static int item_goes_on(const seg *g, const line *item, size_t k,
                        size_t maxcps, int punct) {
  const line *a = &g->lines[k - 1], *b = &g->lines[k];
  if (b->marker || b->title || b->table) return 0;
  if (b->indent > item->indent) return 1;
  if (item_stops(g, a, b)) return 0;
  if (a == item && !filled(g, a, b) && !title_wraps(g, a, b) &&
      titled_item(g, item, b))
    return 0;
  return joins(g, item, a, b, maxcps, punct);
}

/* Is the item of lines [first, k) a numbered section title ("II. Common
** Strategic Objectives" over its text): one line whose text reads as a
** heading, alone (no item line just before or after it) and followed
** in its block by a paragraph line? */
static int numbered_title(const seg *g, size_t first, size_t k) {
  if (k != first + 1 || k >= g->nlines) return 0;
  if (first > 0 && g->lines[first - 1].marker) return 0;
  if (g->lines[k].marker || g->lines[k].title || g->lines[k].table)
    return 0;
  return titled_item(g, &g->lines[first], &g->lines[k]);
}

/* A block of a few short lines, none of them a sentence, with an e-mail
** address: a contact ("Audrey L. Ishii, Chief of ... / U.S.G.S. Illinois
** Water Science Center / alishii@usgs.gov"), whose lines are page
** furniture, not the headings their shape would make them. */
static int contact_block(const seg *g) {
  size_t k;
  if (g->nlines > CONTACT_MAX_LINES) return 0;
  for (k = 0; k < g->nlines; k++) {         /* the shape first: it is cheap */
    const line *l = &g->lines[k];
    if (l->marker || l->title || l->table || l->cont ||
        l->cps > FURNITURE_MAX_CPS ||
        is_final_punct(cp_before(g, l->start, l->end)))
      return 0;
  }
  for (k = 0; k < g->nlines; k++)
    if (ct_seg_has_email(g, g->lines[k].start, g->lines[k].end)) return 1;
  return 0;
}

/* Could the marker m stand inside a sentence, where a wrap may have put
** it at a line's start: a dash, or a label ("(ii)", "2)")? */
static int prose_marker(const ct_marker *m) {
  return m->kind != CT_MK_BULLET || m->bullet == '-' ||
         m->bullet == 0x2013 || m->bullet == 0x2014;
}

/* Does the label on line k go on a list written inline in the lines just
** above it (up to INLINE_LOOKBACK of them): a paragraph's, or the text of
** an item of another kind of list ("• The focus should be on: 1) ...;
** 2) ...;" / "3) ..."), but not a list that the item's text begins with
** ("3. (a) A Party shall ..." / "(b) The Parties ..." is a nested list)? */
static int inline_list(const seg *g, size_t k) {
  const ct_marker *m = &g->lines[k].mk;
  const line *l;
  size_t j = k, from;
  if (m->value < 2 && m->rvalue < 2)
    return 0;     /* a first label (or a bare bullet) goes on no list above */
  while (j > 0 && k - j < INLINE_LOOKBACK) {
    l = &g->lines[j - 1];
    if (l->title || l->table ||
        (l->marker && l->mk.kind == m->kind && l->mk.style == m->style))
      break;
    j--;
    if (l->marker) break;
  }
  if (j == k) return 0;
  l = &g->lines[j];
  from = l->start;
  if (l->marker) {          /* not a list the item's text begins with */
    const unsigned char *sp = memchr(g->s + l->text, ' ', l->end - l->text);
    if (sp == NULL) return 0;
    from = (size_t)(sp - g->s) + 1;
  }
  return ct_seg_inline_before(g, from, g->lines[k].start, m);
}

/* A marker that a wrap put at a line's start is text, not a list item:
** after a filled line that breaks off mid-sentence ("... an integrated
** global surveillance system" / "– the Global Pandemic Radar – and
** commit ..."), and a label that goes on a list written inline in the
** paragraph line above ("... are: (i) in writing ...;" / "(ii) made
** available ..."). */
static void unmark_wrapped(seg *g) {
  size_t k;
  for (k = 1; k < g->nlines; k++) {
    const line *a = &g->lines[k - 1];
    line *b = &g->lines[k];
    if (b->marker && prose_marker(&b->mk) && !a->title && !a->table &&
        b->indent <= a->indent &&
        ((!is_final_punct(cp_before(g, a->start, a->end)) &&
          filled(g, a, b)) ||
         inline_list(g, k))) {
      b->marker = 0;
      b->text = b->start;
      memset(&b->mk, 0, sizeof b->mk);
    }
  }
}

static ct_status emit_block(seg *g) {
  size_t k = 0, maxcps = 0, first;
  int punct = 0;
  ct_status st = CT_OK;
  if (contact_block(g)) {
    for (k = 0; st == CT_OK && k < g->nlines; k++)
      st = emit_furniture(g, g->lines[k].start, g->lines[k].end,
                          CT_FURN_CONTACT);
    g->nlines = 0;
    return st;
  }
  for (k = 0; k < g->nlines; k++)
    if (g->lines[k].cps > maxcps) maxcps = g->lines[k].cps;
  g->width = block_width(g);
  unmark_wrapped(g);
  for (k = 0; k < g->nlines; k++) {
    const line *l = &g->lines[k];
    if (!l->marker && !l->title && !l->furn && !l->table)
      punct |= is_final_punct(cp_before(g, l->start, l->end));
  }
  k = 0;
  while (st == CT_OK && k < g->nlines) {
    const line *l = &g->lines[k];
    first = k++;
    if (l->table) {
      st = emit_cells(g, l);
    } else if (l->title) {
      g->nind = 0;
      st = emit(g, l->start, l->end, CT_KIND_HEADING, 0);
    } else if (l->marker) {
      int depth = item_depth(g, l->indent);
      while (k < g->nlines && item_goes_on(g, l, k, maxcps, punct)) k++;
      if (numbered_title(g, first, k)) {
        g->nind = 0;
        st = emit(g, l->text, l->end, CT_KIND_HEADING, 0);
      } else {
        st = emit_items(g, l, g->lines[k - 1].end, depth);
      }
    } else {
      while (k < g->nlines &&
             joins(g, l, &g->lines[k - 1], &g->lines[k], maxcps, punct))
        k++;
      st = emit_paragraph(g, l, &g->lines[k - 1]);
    }
  }
  g->nlines = 0;
  return st;
}

/* Code points and words of l's content, as the byte loop counts them: a
** word starts at a code point that is not white space after one that is
** (or at the start).  Counted in locals: the compiler cannot keep l's
** fields in registers while it reads bytes through g->s. */
static void count_line(const seg *g, line *l) {
  const unsigned char *s = g->s;
  size_t i = l->start, end = l->end, len, cps = 0, words = 0, cols = 0;
  uint64_t sp = 1;                            /* before the line: white */
  while (i < end) {
    uint64_t x, white;
    int is;
#if CT_BYTES16
    if (!g->general && end - i >= 16) {          /* sixteen at a time */
      ct_v16 v = ct_load16(s + i);
      if (ct_high16(v) == 0) {
        unsigned w = ct_mask16(ct_white16(v));
        words += ct_count16(~w & (w << 1 | (unsigned)sp) & 0xFFFFu);
        sp = w >> 15;
        cps += 16;
        cols += 16;
        i += 16;
        continue;
      }
    }
#endif
    if (!g->general && end - i >= 8 &&
        ((x = ct_load8(s + i)) & CT_HIGHS) == 0) {
      white = ct_white_bits(x);
      /* a start: not white, and white before it (sp before byte 0) */
      x = ~white & CT_HIGHS & (white << 8 | sp << 7);
      words += ct_bytes_set(x);
      sp = white >> 63;
      cps += 8;
      cols += 8;
      i += 8;
      continue;
    }
    if (s[i] < 0x80) {
      is = s[i] == ' ' || (s[i] >= 0x09 && s[i] <= 0x0D);
      cols++;
      len = 1;
    } else {
      int32_t cp = cp_at(g, i, end, &len);
      is = cp_isspace(cp);
      cols += (size_t)ct_cp_width(cp);
    }
    cps++;
    words += sp && !is;
    sp = (uint64_t)is;
    i += len;
  }
  l->cps = cps;
  l->cols = cols;
  l->words = words;
}

static size_t count_byte(const seg *g, size_t a, size_t b, unsigned char c) {
  size_t n = 0;
  for (; a < b; a++) n += g->s[a] == c;
  return n;
}

/* Measures one input line [a, b) (line end excluded): its indentation,
** a blockquote marker, a list marker or heading hashes, the Markdown
** structure at its edges, what it is on its own.  The rest of a line cut
** at a window sentence (`cont`) is text going on: none of these. */
static void scan_line(const seg *g, size_t a, size_t b, int cont, line *l) {
  size_t i = a, len;
  int32_t cp;
  memset(l, 0, sizeof *l);
  while (i < b && cp_isspace(cp = cp_at(g, i, b, &len))) {
    l->indent += cp == '\t' ? 4 : 1;
    i += len;
  }
  l->start = cont ? i : ct_md_quote_end(g, i, b);
  l->quote = count_byte(g, i, l->start, '>');
  l->end = trim_end(g, l->start, b);
  trim_invisible(g, &l->start, &l->end);
  l->text = cont ? l->start : ct_seg_marker_end(g, l->start, l->end, &l->mk);
  l->marker = l->text != l->start;
  if (l->marker) l->text = skip_space(g, l->text, l->end);
  l->title = !l->marker && !cont && ct_md_atx(g, l);
  if (!l->marker && !cont) ct_md_trim(g, &l->start, &l->end);
  count_line(g, l);
  l->cont = cont;
  l->judged = !l->marker && !l->title;
  l->furn = !l->judged || cont || l->cps > FURNITURE_MAX_CPS
                ? CT_FURN_NONE
                : ct_seg_furniture_short(g, l->start, l->end);
}


static ct_status push_line(seg *g, const line *l) {
  if (g->nlines == g->lcap) {
    line *v = ct_grow(g->lines, g->nlines, &g->lcap, sizeof *v, 32);
    if (v == NULL) return CT_ENOMEM;
    g->lines = v;
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

/* The part of input line [*a, *b) outside HTML comments, which may run
** over lines: 0 when nothing of it is left. */
static int uncomment(seg *g, size_t *a, size_t *b) {
  size_t o, e;
  if (g->in_comment) {
    if ((e = ct_md_comment_close(g, *a, *b)) == 0) return 0;
    *a = e;
    g->in_comment = 0;
  }
  o = ct_md_comment_open(g, *a, *b);
  while (o < *b && (e = ct_md_comment_end(g, o, *b)) != 0)
    o = ct_md_comment_open(g, e, *b);
  if (o < *b) {
    *b = o;
    g->in_comment = 1;
  }
  e = skip_space(g, *a, *b);
  while (e < *b && (o = ct_md_comment_end(g, e, *b)) != 0)
    e = skip_space(g, o, *b);
  return e < *b;
}

/* A line of Markdown structure only ("---", "===", "|--|--|"): it ends
** the block, and makes a lone line above it a heading (setext) or the
** row above it a table's header.  Only a line inside the same blockquote:
** "Text.\n> ---" is a paragraph and a quoted rule, as in CommonMark. */
static ct_status structure_line(seg *g, const line *l) {
  line *prev = g->nlines > 0 && g->lines[g->nlines - 1].quote == l->quote &&
                       !g->lines[g->nlines - 1].cont
                   ? &g->lines[g->nlines - 1]
                   : NULL;
  unsigned char c = g->s[l->start];
  int pipe = memchr(g->s + l->start, '|', l->end - l->start) != NULL;
  if (prev && (pipe || prev->table)) {
    prev->table = 1;
    return CT_OK;
  }
  if (prev && g->nlines == 1 && !prev->marker && (c == '=' || c == '-'))
    prev->title = 1;
  return emit_block(g);
}

/* Does [a, b) hold nothing visible, only spaces and format characters?
** A page's zero-width spaces or byte order mark on a line of their own
** are a blank line, not a clause (nor, short and unpunctuated, a
** heading that gives the clauses after it their section). */
static int invisible(const seg *g, size_t a, size_t b) {
  size_t len;
  for (; a < b; a += len)
    if (!cp_invisible(cp_at(g, a, b, &len))) return 0;
  return 1;
}

/* Adds input line [a, b) to the block, or ends the block at a blank line.
** A date a site put before the first sentence ("date 2025-11-20 The
** ...") is a line of its own. */
static ct_status add_line(seg *g, size_t a, size_t b) {
  line l, d;
  size_t p;
  ct_status st;
  int in_table = g->nlines > 0 && g->lines[g->nlines - 1].table;
  if (!uncomment(g, &a, &b)) return g->in_comment ? CT_OK : emit_block(g);
  scan_line(g, a, b, 0, &l);
  if (l.start == l.end ||
      (g->s[l.start] >= 0x80 && invisible(g, l.start, l.end)))
    return emit_block(g);
  if (!l.title && ct_md_rule(g, l.start, l.end)) return structure_line(g, &l);
  if (!l.title && ct_md_table_row(g, l.start, l.end, in_table)) {
    l.table = 1;
    l.marker = 0;
    l.furn = CT_FURN_NONE;
    l.judged = 0;
    return push_line(g, &l);
  }
  if (l.marker || l.title || (p = ct_seg_date_prefix(g, l.start, l.end)) == 0)
    return push_line(g, &l);
  d = l;
  d.end = p;
  d.cps = p - l.start;
  d.words = 2;
  d.furn = CT_FURN_DATE;
  if ((st = push_line(g, &d)) != CT_OK) return st;
  scan_line(g, p, b, 0, &l);
  l.indent = d.indent;
  if (l.marker || l.title) {           /* what follows a date is text */
    l.start = l.text = skip_space(g, p, b);
    l.marker = l.title = 0;
  }
  return l.start == l.end ? CT_OK : push_line(g, &l);
}

/* The rest of a line cut at a window sentence, [a, b): text going on,
** whatever its start looks like. */
static ct_status add_cont(seg *g, size_t a, size_t b) {
  line l;
  if (!uncomment(g, &a, &b)) return g->in_comment ? CT_OK : emit_block(g);
  scan_line(g, a, b, 1, &l);
  return l.start == l.end ? CT_OK : push_line(g, &l);
}

/* The first window sentence of the line that starts (for text/cut.h) at
** v, before b; 0 for none. */
static size_t window_sentence(const seg *g, size_t v, size_t b) {
  size_t p;
  if (b - v <= g->window + 1) return 0;
  for (p = v + g->window; p + 1 < b; p++)
    if (ct_cut_before(g->s[p - 1]) &&
        ct_cut_sentence_at(ct_cut_history(g->s, v, p), p - v, g->window))
      return p;
  return 0;
}

static void probe_set(seg *g, size_t r, int fresh) {
  size_t j;
  for (j = 0; j < g->nprobe; j++)
    if (g->probe[j].at == r) g->probe[j].fresh = fresh;
}

static void probe_levels(seg *g, size_t r);

/* Adds input line [a, b), which starts at v (a BOM apart), cut at its
** window sentences: the block ends at each, but inside a comment, and
** the rest goes on (`cont`; the whole line when the text starts at one). */
static ct_status add_long_line(seg *g, size_t v, size_t a, size_t b,
                               int cont) {
  size_t p;
  ct_status st;
  g->vline = v;
  for (;;) {
    p = window_sentence(g, v, b);
    st = cont ? add_cont(g, a, p ? p : b) : add_line(g, a, p ? p : b);
    if (p == 0) return st;
    probe_set(g, p, !g->in_comment);
    if (st == CT_OK && !g->in_comment) {
      st = emit_block(g);
      g->nind = 0;                       /* text goes on: no list is open, */
      g->top = 0;                        /* no headline can come */
      g->block_at = p;
    }
    if (st != CT_OK) return st;
    probe_levels(g, p);
    g->vline = v = a = p;
    cont = 1;
  }
}

/* Does the line that starts at r follow one whose content ends a
** sentence (text/cut.h: ended by LF, trailing spaces apart)? */
static int after_final(const seg *g, size_t r) {
  size_t i = r - 1;
  if (r == 0 || g->s[i] != '\n') return 0;
  if (i > 0 && g->s[i - 1] == '\r') i--;
  while (i > 0 && ct_cut_space(g->s[i - 1])) i--;
  return i > 0 && ct_cut_final(g->s[i - 1]);
}

/* Would the block end before line start r (text/cut.h), text apart:
** none is open, or it began in an earlier window and r follows a
** sentence's end? */
static int block_ends(const seg *g, size_t r) {
  size_t base = g->t->base;
  return g->nlines == 0 ||
         (ct_cut_new_window(base + g->block_at, base + r, g->window) &&
          after_final(g, r));
}

/* Answers the probes at r: whether a block is open (before a window
** line there ends it), and then which list levels are. */
static void probe_fresh(seg *g, size_t r) {
  if (g->nprobe > 0) probe_set(g, r, block_ends(g, r));
}

static void probe_levels(seg *g, size_t r) {
  size_t j;
  for (j = 0; j < g->nprobe; j++) {
    ct_seg_probe *p = &g->probe[j];
    if (p->at != r) continue;
    p->nlevels = g->nind;
    memcpy(p->levels, g->ind, (size_t)g->nind * sizeof *g->ind);
  }
}

/* Is the text's end, inside a line, a window sentence, the two bytes
** after it being as the plan saw them there (a piece's end)?  The plan
** saw a capital and a small letter, or a letter of three bytes (the
** Hangul stands for every CJK letter: ct_cut_cjk). */
static int ends_at_sentence(const seg *g) {
  size_t n = g->n;
  uint64_t h;
  if (g->in_comment || n < g->vline + g->window || n < 8 ||
      !ct_cut_before(g->s[n - 1]))
    return 0;
  h = ct_cut_history(g->s, g->vline, n - 2) << 16;
  return ct_cut_sentence_at(h | 'A' << 8 | 'a', n - g->vline, g->window) ||
         ct_cut_sentence_at(h | 0xEA << 8 | 0x80, n - g->vline, g->window);
}

static ct_status run(seg *g) {
  size_t k, r = (size_t)-1;
  ct_status st = CT_OK;
  int sentence;
  g->top = g->t->col0 == 0;    /* none after a window sentence */
  for (k = 0; st == CT_OK && k < g->t->nlines; k++) {
    r = k == 0 ? g->t->body : g->t->lines[k];
    probe_fresh(g, r);
    if (g->nlines > 0 && r < g->n && block_ends(g, r) &&
        ct_cut_starts_text(g->s + r, g->n - r))
      st = emit_block(g);                  /* a window line */
    if (r < g->n) probe_levels(g, r);
    if (g->nlines == 0) g->block_at = r;
    if (st == CT_OK)
      st = add_long_line(g, k == 0 ? 0 : r, r, line_stop(g->t, k),
                         k == 0 && g->t->col0 > 0);
  }
  if (r != g->n) probe_fresh(g, g->n);       /* no line starts at the end */
  sentence = r != g->n && ends_at_sentence(g);
  if (sentence) probe_set(g, g->n, 1);
  if (st == CT_OK) st = emit_block(g);
  if (sentence) g->nind = 0;             /* as at the window sentence */
  probe_levels(g, g->n);
  return st;
}

/* {=====================================================================
** Blocks a reader marked (HTML, PDF: text/srcmap.h)
** ====================================================================== */

/* A paragraph the reader marked: its lines (from <br>) run on into
** sentences, except after a short line without final punctuation before
** a capitalized one, as in a plain-text paragraph (hard_break).  It is
** never a heading or a list item by its shape: the reader knows; but a
** heading glued to its first sentence is split off as in plain text
** (<p><strong>NEW COMMITMENTS</strong> The following ...).  A line
** of it alone that is page furniture (a date line, a byline, a credit:
** furniture.c) is kind `line`, as in plain text. */
static ct_status emit_marked_paragraph(seg *g, size_t a, size_t b) {
  size_t i = a, k, first = 0, maxcps = 0;
  int furn;
  ct_status st = CT_OK;
  while (st == CT_OK && i < b) {
    const unsigned char *nl = memchr(g->s + i, '\n', b - i);
    size_t e = nl ? (size_t)(nl - g->s) : b;
    line l;
    scan_line(g, i, e, 0, &l);
    if (l.start < l.end) st = push_line(g, &l);
    if (l.cps > maxcps) maxcps = l.cps;
    i = e + 1;
  }
  for (k = 1; st == CT_OK && k <= g->nlines; k++) {
    if (k < g->nlines &&
        !hard_break(g, &g->lines[first], &g->lines[k - 1], &g->lines[k],
                    maxcps))
      continue;
    furn = k - 1 == first
               ? ct_seg_furniture(g, g->lines[first].start,
                                  g->lines[first].end, 1)
               : CT_FURN_NONE;
    st = furn != CT_FURN_NONE
             ? emit_furniture(g, g->lines[first].start, g->lines[first].end,
                              furn)
             : emit_text(g, &g->lines[first], g->lines[k - 1].end);
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

/* Every line one clause, a title line heading the lines below; before
** the first line that is none, the document's headline is one too, as
** in a document. */
static ct_status run_lines(seg *g) {
  size_t k;
  ct_status st = CT_OK;
  g->top = 1;
  for (k = 0; st == CT_OK && k < g->t->nlines; k++) {
    line l;
    size_t before = g->nv;
    scan_line(g, k == 0 ? g->t->body : g->t->lines[k], line_stop(g->t, k), 0,
              &l);
    st = emit(g, l.start, l.end, CT_KIND_LINE, 0);
    if (st != CT_OK || g->nv == before) continue;
    if (ct_seg_is_title(g, &l)) {
      g->v[g->nv - 1].heading = 0;   /* a title line heads the lines below */
      g->v[g->nv - 1].title = 1;
      g->heading = g->nv;
    } else {
      g->top = 0;
    }
  }
  return st;
}

ct_status ct_segment_at(const ct_text *t, const ct_abbrevs *ab,
                        unsigned flags, size_t window, ct_seg_probe *probe,
                        size_t nprobe, ct_clause **out, size_t *n,
                        ct_error *err) {
  seg g;
  ct_status st;
  size_t j;
  memset(&g, 0, sizeof g);
  g.t = t;
  g.s = t->data;
  g.n = t->len;
  g.md = t->nblocks == 0;
  g.ab = ab;
  g.general = (flags & CT_SEG_GENERAL) != 0;
  g.window = window;
  g.probe = probe;
  g.nprobe = nprobe;
  for (j = 0; j < nprobe; j++) probe[j].fresh = probe[j].nlevels = 0;
  if (flags & CT_SEG_LINES) st = run_lines(&g);
  else st = t->nblocks > 0 ? run_blocks(&g) : run(&g);
  free(g.lines);
  if (st != CT_OK) {
    free(g.v);
    return ct_fail(err, st, "%s: out of memory", t->name);
  }
  *out = g.v;
  *n = g.nv;
  return CT_OK;
}

ct_status ct_segment_with(const ct_text *t, const ct_abbrevs *ab,
                          unsigned flags, ct_clause **out, size_t *n,
                          ct_error *err) {
  return ct_segment_at(t, ab, flags, CT_CUT_WINDOW, NULL, 0, out, n, err);
}

ct_status ct_segment(const ct_text *t, const ct_abbrevs *ab, ct_clause **out,
                     size_t *n, ct_error *err) {
  return ct_segment_with(t, ab, 0, out, n, err);
}

/* No abbreviations, as always: a title line is judged without them. */
ct_status ct_segment_lines(const ct_text *t, ct_clause **out, size_t *n,
                           ct_error *err) {
  return ct_segment_with(t, NULL, CT_SEG_LINES, out, n, err);
}

const char *ct_kind_name(ct_kind k) {
  static const char *const names[] = {"heading", "bullet", "sentence", "line"};
  return (unsigned)k < sizeof names / sizeof *names ? names[k] : "?";
}
