/*
** seg.h -- what the segmenter's modules share (internal to src/segment/).
**
**   segment.c   blocks and units: lines into list items, paragraphs and
**               headings, clauses emitted; the public entry points
**   boundary.c  sentence boundaries inside a unit
**   items.c     list markers, and items run together on one line
**   lines.c     what a line stands for: heading, headline, dateline, a
**               title glued to its first sentence
**   furniture.c page furniture: weather, dates, bylines, navigation,
**               buttons, box titles, photo credits
**   markdown.c  Markdown structure that is not clause text
**
** Every module works on positions in the input (ct_text's bytes), never
** on copies, and decodes with the helpers below: no allocation per
** character.  Where most text is plain ASCII a module may take a fast
** path that skips what the general steps would only step over; each
** such path is off when seg.general is set, and test_fastpath checks
** that the clauses are the same either way.
*/
#ifndef CT_SEG_H
#define CT_SEG_H

#include <stddef.h>
#include <string.h>
#include "clausetag.h"
#include "core/bytes8.h"
#include "segment/abbrev.h"
#include "segment/segment.h"
#include "text/text.h"
#include "text/utf8.h"

#define MAX_DEPTH CT_SEG_LEVELS  /* deeper lists count as this deep */
#define HEADING_MAX_CPS 100     /* longer lines are paragraphs */
#define HEADING_MAX_WORDS 16
#define HEADLINE_MAX_CPS 250    /* a document's headline may be longer */
#define HEADLINE_MAX_WORDS 40
#define FURNITURE_MAX_CPS 160   /* longer lines are text (captions apart) */
#define WRAP_MIN_COLS 40        /* a block's width is at least this, */
#define WRAP_MAX_COLS 200       /* and at most this: else no wrapped text */
#define WRAP_SLACK(w) (2 + (w) / 25) /* how far short of width w a line
                              ** may end and still be filled */
#define INLINE_LOOKBACK 3       /* lines above a label searched for the
                              ** inline list it goes on */
#define CONTACT_MAX_LINES 6     /* a contact block: name, post, office, ... */

/* A list marker as items.c reads it: its kind and the label's value, so
** that "2)" can be seen to follow "1)". */
typedef struct ct_marker {
  int kind;            /* CT_MK_*: CT_MK_NONE when there is none */
  int32_t style;       /* how the label is closed: '.', ')', '(' for "(a)",
                       ** 'D' for "1.)"; for circled forms the set's first
                       ** code point */
  int32_t bullet;      /* the bullet before the label ("• 9."), or 0 */
  int value;           /* the label's value from 1: 12, b = 2, 나 = 2 */
  int rvalue;          /* as a roman numeral (i, iv), or 0 */
} ct_marker;

enum {
  CT_MK_NONE, CT_MK_BULLET, CT_MK_DIGIT, CT_MK_LOWER, CT_MK_UPPER,
  CT_MK_HANGUL, CT_MK_CIRCLED
};

/* Kinds of page furniture (furniture.c). */
enum {
  CT_FURN_NONE, CT_FURN_DATE, CT_FURN_BYLINE, CT_FURN_WEATHER, CT_FURN_BOX,
  CT_FURN_NAV, CT_FURN_CREDIT, CT_FURN_CONTACT
};

typedef struct line {
  size_t start, end;   /* content without indentation and trailing space */
  size_t text;         /* where the text starts, after a list marker */
  size_t indent;       /* width of the indentation, tabs count 4 */
  size_t cps;          /* code points of the content */
  size_t cols;         /* its columns, as a wrapper counts them: Hangul
                       ** and CJK take two, combining marks none */
  size_t words;        /* words of the content */
  int marker;          /* starts with a list marker */
  int title;           /* a Markdown heading: "## Title" */
  int furn;            /* page furniture on its own (CT_FURN_*): the line
                       ** stands alone */
  int judged;          /* furn is ct_seg_furniture(start, end, 0), or the
                       ** line is too long for furniture: it is no marker
                       ** or title line */
  int table;           /* a Markdown table row: each cell a unit */
  size_t quote;        /* blockquote markers before it ("> > " is 2) */
  ct_marker mk;        /* the marker, when there is one */
  int cont;            /* the rest of a line cut at a window sentence
                       ** (text/cut.h): a paragraph's text going on, the
                       ** first line of its block */
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
  size_t width;                /* the block's width in columns when its
                               ** text looks wrapped (two lines or more
                               ** within a tenth of the longest, which
                               ** is WRAP_MIN_COLS to WRAP_MAX_COLS),
                               ** else 0 */
  int top;                     /* no sentence yet: a headline may come */
  int in_comment;              /* inside an HTML comment over lines */
  int after;                   /* the furniture just emitted (CT_FURN_*) */
  int md;                      /* Markdown structure is read: plain text,
                               ** not the text a reader (HTML, PDF) made */
  int general;                 /* no fast path: every byte through the
                               ** general step (tests compare the two) */
  ct_linecol lc;               /* where the last clause's column was */
  size_t window;               /* a block that began in an earlier window
                               ** of this many bytes ends at the window's
                               ** first window line (text/cut.h) */
  size_t block_at;             /* where the current block's first line
                               ** starts */
  size_t vline;                /* where the current line starts for its
                               ** window sentences: its start or its
                               ** last one */
  ct_seg_probe *probe;         /* places asked about (ct_segment_at) */
  size_t nprobe;
} seg;

/* {=====================================================================
** Characters
** ====================================================================== */

/* The code point at i (ASCII without a call: most text is). */
static inline int32_t cp_at(const seg *g, size_t i, size_t end, size_t *len) {
  int32_t cp;
  if (g->s[i] < 0x80) {
    *len = 1;
    return g->s[i];
  }
  *len = ct_utf8_decode(g->s + i, end - i, &cp);
  return cp;
}

/* ct_cp_isspace, ASCII without a call. */
static inline int cp_isspace(int32_t cp) {
  return cp < 0x80 ? cp == ' ' || (cp >= 0x09 && cp <= 0x0D)
                   : ct_cp_isspace(cp);
}

/* Where the code point that ends just before position i starts.  A
** continuation byte that no lead byte claims is a (invalid) code point
** of its own, as the forward decoder sees it. */
static inline size_t prev_start(const seg *g, size_t lo, size_t i) {
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
static inline int32_t cp_before(const seg *g, size_t lo, size_t i) {
  size_t len;
  return cp_at(g, prev_start(g, lo, i), i, &len);
}

/* White space or a format character (a zero-width space, a byte order
** mark): nothing a reader sees. */
static inline int cp_invisible(int32_t cp) {
  return cp_isspace(cp) || (cp >= 0x80 && ct_cp_isformat(cp));
}

/* Past format characters at i (a zero-width space, a byte order mark):
** nothing a reader sees, so what follows them follows what is before. */
static inline size_t skip_format(const seg *g, size_t i, size_t end) {
  size_t len;
  while (i < end && g->s[i] >= 0x80 && ct_cp_isformat(cp_at(g, i, end, &len)))
    i += len;
  return i;
}

static inline size_t skip_space(const seg *g, size_t i, size_t end) {
  size_t len;
  while (i < end && cp_isspace(cp_at(g, i, end, &len))) i += len;
  return i;
}

static inline size_t trim_end(const seg *g, size_t lo, size_t i) {
  while (i > lo && cp_isspace(cp_before(g, lo, i)))
    i = prev_start(g, lo, i);
  return i;
}

static inline int is_terminator(int32_t cp) {
  return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 ||
         cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0xFF0E;
}

static inline int is_opener(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == '(' || cp == '[' || cp == '{' ||
         cp == 0x2018 || cp == 0x201C || cp == 0xAB || cp == 0x300C ||
         cp == 0x300E || cp == 0xFF08 || cp == 0x3010;
}

/* Is p[0..n) the word w?  (First byte first: lists are searched often.) */
static inline int word_is(const char *w, const unsigned char *p, size_t n) {
  return n > 0 && (unsigned char)w[0] == p[0] && strlen(w) == n &&
         memcmp(w, p, n) == 0;
}

static inline int is_final_punct(int32_t cp) {
  return is_terminator(cp) || cp == ':' || cp == ';' || cp == ',';
}

/* }===================================================================== */

/* boundary.c: the end of the sentence that starts at `from` (after its
** terminator and closers), or `end`. */
size_t ct_seg_sentence_end(const seg *g, size_t from, size_t end);

/* boundary.c: is the token p[0..n), followed by a period, an
** abbreviation (listed, or by shape: U.S., e.g., a single initial)? */
int ct_seg_is_abbrev(const seg *g, const unsigned char *p, size_t n);

/* items.c: if a list marker starts at i and is followed by white space,
** the position after it (m filled in), else i. */
size_t ct_seg_marker_end(const seg *g, size_t i, size_t end, ct_marker *m);

/* items.c: the next marker after `from` that continues the list of
** marker *cur on this unit ("2)" after "1)"), preceded by white space,
** or `end`; *text is where its item's text starts, *next its marker. */
size_t ct_seg_next_item(const seg *g, const ct_marker *cur, size_t from,
                        size_t end, size_t *text, ct_marker *next);

/* items.c: does a marker that b continues stand in the text [a, e), at a
** or after white space ("... on: 1) humane ...; 2) return ... 3)" over
** "4) support ..."), not as a reference ("Article 1.")?  Never for a
** bullet. */
int ct_seg_inline_before(const seg *g, size_t a, size_t e,
                         const ct_marker *b);

/* items.c: is p[0..n) a list label ("12", "b", "iv")? */
int ct_seg_is_marker_label(const unsigned char *p, size_t n);

/* lines.c: is p[0..n) a month or a day of the week ("Nov.", "Friday")? */
int ct_seg_is_month(const unsigned char *p, size_t n);

/* lines.c: does [a, b) end in a lowercase word a sentence goes on from
** ("... will", "... and the")?  Such a line is no title, and no break. */
int ct_seg_dangling_end(const seg *g, size_t a, size_t b);

/* lines.c: are the words of [a, b) capitalized but for a title's small
** words ("of", "and", "between")? */
int ct_seg_title_case(const seg *g, size_t a, size_t b);

/* lines.c: the shape of a heading: short, no final punctuation, one
** sentence, not lowercase, no dangling last word. */
int ct_seg_heading_shape(const seg *g, const line *l);

/* lines.c: the shape of a title: a heading's, or, while g->top (no
** sentence or line of text yet), the document's headline's, which may
** be longer (the caller has ruled out page furniture). */
int ct_seg_title_shape(const seg *g, const line *l);

/* lines.c: does the one-line paragraph l read as a title: its shape,
** and not page furniture (a byline, a date)? */
int ct_seg_is_title(const seg *g, const line *l);

/* furniture.c: the kind of page furniture [a, b) is (CT_FURN_*), or
** CT_FURN_NONE; with `alone` (a one-line paragraph) photo credits too. */
int ct_seg_furniture(const seg *g, size_t a, size_t b, int alone);

/* furniture.c: ct_seg_furniture(g, a, b, 0) for a line whose code points
** were counted, at most FURNITURE_MAX_CPS (the count not made again). */
int ct_seg_furniture_short(const seg *g, size_t a, size_t b);
/* furniture.c: does [a, b) hold an e-mail address ("name@host.org")? */
int ct_seg_has_email(const seg *g, size_t a, size_t b);

/* furniture.c: a photo credit ("... [YONHAP]", "Photo: ..."), the one
** kind of furniture that needs the line alone in its paragraph (a < b). */
int ct_seg_is_credit(const seg *g, size_t a, size_t b);

/* furniture.c: "date 2025-11-20 Text ...": the end of the date a site put
** before the text, or 0. */
size_t ct_seg_date_prefix(const seg *g, size_t a, size_t b);

/* furniture.c: a place ("Los Angeles") beside a weather line? */
int ct_seg_is_place(const seg *g, size_t a, size_t b);

/* furniture.c: a name in capitals ("KIM MIN-YOUNG") under a date line? */
int ct_seg_is_caps_name(const seg *g, size_t a, size_t b);

/* lines.c: a heading glued to its first sentence by a lost line break
** ("Technology and InnovationAs global leaders ...", "NEW COMMITMENTS
** The following ..."): where the sentence starts, or 0. */
size_t ct_seg_glued_heading(const seg *g, const line *l);

/* markdown.c: is c an emphasis character ('*', '_')? */
int ct_md_is_emph(unsigned char c);

/* markdown.c: an emphasis run at i ("**" touching a word): its end, or 0;
** lo is where the text begins (nothing before it counts). */
size_t ct_md_emph_end(const seg *g, size_t lo, size_t i, size_t end);

/* markdown.c: the "](url)" at j of a link opened by a "[" before it on
** its line: the position after it, or 0. */
size_t ct_md_link_tail(const seg *g, size_t j, size_t end);

/* markdown.c: past emphasis runs, a link's "[" and a blockquote marker
** that begins a line, at i. */
size_t ct_md_skip_open(const seg *g, size_t i, size_t end);

/* markdown.c: narrows [*a, *b) past the structure at its edges (emphasis
** runs, "[", "](url)"), when text remains. */
void ct_md_trim(const seg *g, size_t *a, size_t *b);

/* markdown.c: HTML comments: one at i ("<!-- ... -->", its end or 0),
** the first "-->" in [i, end) (the position after it, or 0), the first
** "<!--" in [i, end) (or end). */
size_t ct_md_comment_end(const seg *g, size_t i, size_t end);
size_t ct_md_comment_close(const seg *g, size_t i, size_t end);
size_t ct_md_comment_open(const seg *g, size_t i, size_t end);

/* markdown.c: past a blockquote marker ("> ", "> > ") at i. */
size_t ct_md_quote_end(const seg *g, size_t i, size_t end);

/* markdown.c: "## Title": moves l->start past the hashes, returns 1. */
int ct_md_atx(const seg *g, line *l);

/* markdown.c: a line of structure only: "---", "***", "===", a table's
** separator row "|---|:--:|". */
int ct_md_rule(const seg *g, size_t a, size_t b);

/* markdown.c: a table row ("| a | b |", or any line with a pipe when the
** line before was a row). */
int ct_md_table_row(const seg *g, size_t a, size_t b, int in_table);

/* markdown.c: the next cell of a table row from i, its text in [*ca, *cb);
** returns where the cell ends (at its closing pipe, or b). */
size_t ct_md_cell(const seg *g, size_t i, size_t b, size_t *ca, size_t *cb);

#endif
