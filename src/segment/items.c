/*
** items.c -- list markers: bullets and labels ("1.", "2)", "(a)", "iv.",
** "가.", "①") that open a list item and are left out of its clause text,
** and items run together on one line ("1) The first 2) The second").
**
** A marker is read into a ct_marker (kind, closing style, value), so that
** a later marker on the line can be seen to continue the sequence: only
** that one cuts the line into items, and only when the line began with a
** marker.  An enumeration that starts inside a sentence ("It will 1)
** develop ...; 2) launch ...") is no list and stays one clause.
*/
#include <string.h>
#include "segment/seg.h"

/* {=====================================================================
** Labels
** ====================================================================== */

static int roman_digit(unsigned char c) {
  switch (c | 0x20) {
  case 'i': return 1;
  case 'v': return 5;
  case 'x': return 10;
  case 'l': return 50;
  default: return 0;
  }
}

/* The value of a roman numeral of at most four letters, all of one case,
** or 0. */
static int roman_value(const unsigned char *p, size_t n) {
  size_t i;
  int v = 0;
  if (n == 0 || n > 4) return 0;
  for (i = 0; i < n; i++) {
    int d = roman_digit(p[i]), e = i + 1 < n ? roman_digit(p[i + 1]) : 0;
    if (d == 0 || (p[i] & 0x20) != (p[0] & 0x20)) return 0;
    v += d < e ? -d : d;
  }
  return v;
}

static int is_roman(const unsigned char *p, size_t n) {
  return roman_value(p, n) > 0;
}

int ct_seg_is_marker_label(const unsigned char *p, size_t n) {
  size_t i;
  if (n == 0) return 0;
  if (n == 1 && ((p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z')) return 1;
  for (i = 0; i < n && p[i] >= '0' && p[i] <= '9'; i++)
    ;
  if (i == n && n <= 3) return 1;
  return is_roman(p, n);
}

/* 가 나 다 ... 하: the Korean labels, in order. */
static const int32_t hangul_labels[] = {
  0xAC00, 0xB098, 0xB2E4, 0xB77C, 0xB9C8, 0xBC14, 0xC0AC,
  0xC544, 0xC790, 0xCC28, 0xCE74, 0xD0C0, 0xD30C, 0xD558
};

static int hangul_label(int32_t cp) {
  size_t k;
  for (k = 0; k < sizeof hangul_labels / sizeof *hangul_labels; k++)
    if (hangul_labels[k] == cp) return (int)k + 1;
  return 0;
}

/* Circled and parenthesized numbers and Hangul (① ⑴ ⒈ ㉠ ㉮): the first
** code point of the set, its value in *v; 0 for none. */
static int32_t circled(int32_t cp, int32_t *v) {
  static const int32_t sets[][2] = {
    {0x2460, 20}, {0x2474, 20}, {0x2488, 20}, {0x3260, 14}, {0x326E, 14},
    {0x2776, 10}, {0x2780, 10}, {0x278A, 10}
  };
  size_t k;
  for (k = 0; k < sizeof sets / sizeof *sets; k++)
    if (cp >= sets[k][0] && cp < sets[k][0] + sets[k][1]) {
      *v = cp - sets[k][0] + 1;
      return sets[k][0];
    }
  return 0;
}

/* }===================================================================== */

/* {=====================================================================
** Markers
** ====================================================================== */

/* Bullets: the typographic ones; the squares, circles, diamonds and
** arrows of Korean government documents (□ ○ ◆ ◇ ▶) and of office
** templates (➢ ✓ ▸ ►); and the private-use code points that Symbol and
** Wingdings bullets become when a Word document is saved as text or
** PDF (U+F0B7 , U+F0A7 , U+F0D8 , U+F0FC , U+F076 ). */
static int is_bullet(int32_t cp) {
  switch (cp) {
  case '-': case '*': case 0x2013: case 0x2022: case 0x2023: case 0x2043:
  case 0x25A0: case 0x25A1: case 0x25AA: case 0x25B6: case 0x25B8:
  case 0x25BA: case 0x25C6: case 0x25C7: case 0x25CB: case 0x25CF:
  case 0x25E6: case 0x2713: case 0x2714: case 0x27A2:
  case 0xF076: case 0xF0A7: case 0xF0B7: case 0xF0D8: case 0xF0FC:
    return 1;
  default:
    return 0;
  }
}

/* The kind and value of the label p[0..n) ("12", "b", "iv", "가"). */
static void read_label(const seg *g, size_t lab, size_t n, ct_marker *m) {
  const unsigned char *p = g->s + lab;
  size_t len;
  int32_t cp = cp_at(g, lab, lab + n, &len);
  m->rvalue = roman_value(p, n);
  if (p[0] >= '0' && p[0] <= '9') {
    size_t i;
    m->kind = CT_MK_DIGIT;
    for (i = 0, m->value = 0; i < n; i++)
      m->value = m->value * 10 + (p[i] - '0');
  } else if (len == n && hangul_label(cp)) {
    m->kind = CT_MK_HANGUL;
    m->value = hangul_label(cp);
  } else {
    m->kind = ct_cp_isupper(p[0]) ? CT_MK_UPPER : CT_MK_LOWER;
    m->value = n == 1 ? (p[0] | 0x20) - 'a' + 1 : 0;
  }
}

/* A label marker at i: 1. 1) 1.) (1) a) (a) i. (iv) 가. 가) (가); the
** position after it, or i. */
static size_t label_end(const seg *g, size_t i, size_t end, ct_marker *m) {
  size_t j = i, lab, len;
  int paren = 0;
  if (g->s[j] == '(') { paren = 1; j++; }
  lab = j;
  if (j < end && hangul_label(cp_at(g, j, end, &len))) {
    j += len;
  } else {
    while (j < end && j - lab < 4 && g->s[j] < 0x80 && ct_cp_isalnum(g->s[j]))
      j++;
    if (!ct_seg_is_marker_label(g->s + lab, j - lab)) return i;
  }
  read_label(g, lab, j - lab, m);
  if (paren) {
    if (j >= end || g->s[j] != ')') return i;
    m->style = '(';
    return j + 1;
  }
  if (j < end && g->s[j] == ')') {
    m->style = ')';
    return j + 1;
  }
  if (j >= end || g->s[j] != '.') return i;
  if (j + 1 < end && g->s[j + 1] == ')') {
    m->style = 'D';
    return j + 2;
  }
  /* "A. Smith" is an initial, not an item: letters need "a." or "(a)" */
  if (m->kind == CT_MK_UPPER && j - lab == 1 && !is_roman(g->s + lab, 1))
    return i;
  m->style = '.';
  return j + 1;
}

/* A bullet ending at i, alone ("• ") or before a label ("• 9. ", and
** "⁃9. " glued for the bullets that are no ASCII punctuation). */
static size_t bullet_end(const seg *g, size_t i, size_t end, int32_t cp,
                         ct_marker *m) {
  size_t k = i, e, len;
  if (k < end && g->s[k] == ' ') k++;
  else if (cp < 0x80) k = end;          /* "-1." is a number, "*1)" text */
  if (k < end && (e = label_end(g, k, end, m)) != k && e < end &&
      cp_isspace(cp_at(g, e, end, &len))) {
    m->bullet = cp;
    return e;
  }
  memset(m, 0, sizeof *m);
  m->kind = CT_MK_BULLET;
  m->bullet = cp;
  return i;
}

static int ascii_alnum(unsigned char c) {
  return (unsigned)((c | 0x20) - 'a') < 26 || (unsigned)(c - '0') < 10;
}

size_t ct_seg_marker_end(const seg *g, size_t i, size_t end, ct_marker *m) {
  size_t j, k, len;
  int32_t cp, set, v;
  memset(m, 0, sizeof *m);
  if (i >= end) return i;
  /* An ASCII letter or digit opens a label only with '.' or ')' after at
  ** most four of them (label_end): most lines begin with a word, and are
  ** told from a label here in a few steps. */
  if (!g->general && ascii_alnum(g->s[i])) {
    for (j = i + 1; j < end && j - i < 4 && ascii_alnum(g->s[j]); j++)
      ;
    if (j >= end || (g->s[j] != '.' && g->s[j] != ')')) return i;
  }
  cp = cp_at(g, i, end, &len);
  if ((set = circled(cp, &v)) != 0) {   /* ① needs no space after it */
    m->kind = CT_MK_CIRCLED;
    m->style = set;
    m->value = v;
    return i + len;
  }
  if (is_bullet(cp)) j = bullet_end(g, i + len, end, cp, m);
  else j = label_end(g, i, end, m);
  k = skip_format(g, j, end);                           /* "1.\u200b The" */
  if (j == i || k >= end || !cp_isspace(cp_at(g, k, end, &len))) {
    memset(m, 0, sizeof *m);
    return i;
  }
  return j;
}

/* }===================================================================== */

/* {=====================================================================
** Items run together on one line
** ====================================================================== */

/* Does b continue the list a belongs to: the same bullet, the same
** kind and style of label, the next value ("h." "i." as letters, "i."
** "ii." as roman numerals)? */
static int follows(const ct_marker *a, const ct_marker *b) {
  if (a->bullet != b->bullet || a->kind != b->kind || a->style != b->style)
    return 0;
  if (a->kind == CT_MK_BULLET)       /* a dash or asterisk is prose too */
    return a->bullet > 0x7F && a->bullet != 0x2013;
  return b->value == a->value + 1 ||
         (a->rvalue > 0 && b->rvalue == a->rvalue + 1);
}

/* Words after which a number is a reference, not an item: "Article 2." */
static const char *const refs[] = {
  "Article", "Articles", "article", "Paragraph", "paragraph", "paragraphs",
  "Section", "section", "Chapter", "chapter", "Annex", "annex", "Part",
  "part", "No.", "Nos.", "Rule", "rule", "Resolution", "Phase", "phase",
  "Step", "step", "Tier", "Title", "Schedule", "Appendix", "Figure",
  "Table", "page", "pages", "p.", "pp.", "para.", "Art.", "Sec.", "Vol.",
  NULL
};

static int after_ref(const seg *g, size_t lo, size_t p) {
  size_t e = trim_end(g, lo, p), b = e;
  while (b > lo && !cp_isspace(cp_before(g, lo, b))) b = prev_start(g, lo, b);
  for (const char *const *r = refs; *r; r++)
    if (word_is(*r, g->s + b, e - b)) return 1;
  return 0;
}

/* Could a marker continuing cur start at p?  A test of a byte or two,
** so that the scan decodes nothing but candidates. */
static int may_follow(const seg *g, const ct_marker *cur, size_t p,
                      size_t end) {
  unsigned char c = g->s[p], d = p + 1 < end ? g->s[p + 1] : 0;
  if (cur->bullet) return c >= 0xC0 || c == '-' || c == '*';
  if (cur->style == '(') return c == '(';
  switch (cur->kind) {
  case CT_MK_DIGIT: return c >= '0' && c <= '9';
  case CT_MK_LOWER: return c >= 'a' && c <= 'z' && (d == '.' || d == ')' ||
                                                   cur->rvalue > 0);
  case CT_MK_UPPER: return c >= 'A' && c <= 'Z' && (d == '.' || d == ')' ||
                                                   cur->rvalue > 0);
  case CT_MK_HANGUL: return c >= 0xEA && c <= 0xED;
  case CT_MK_CIRCLED: return c >= 0xE2 && c <= 0xE3;
  default: return 0;
  }
}

/* The next place from *at where a marker continuing cur may start: after
** a space in [from, end).  After a bullet, moreover, at the bullet's
** first byte `lead`: only the same bullet follows (follows), and a
** marker's bullet is the code point it starts with, so the search is for
** that byte, far rarer than a space.  end when there is none. */
static size_t next_place(const seg *g, const ct_marker *cur,
                         unsigned char lead, size_t from, size_t *at,
                         size_t end) {
  const unsigned char *q;
  int by_lead = cur->bullet != 0 && !g->general;
  size_t p;
  while (*at < end &&
         (q = memchr(g->s + *at, by_lead ? lead : ' ', end - *at))) {
    p = (size_t)(q - g->s);
    *at = p + 1;
    if (!by_lead) return p + 1;
    if (p > from && g->s[p - 1] == ' ') return p;
  }
  return end;
}

int ct_seg_inline_before(const seg *g, size_t a, size_t e,
                         const ct_marker *b) {
  size_t p;
  ct_marker m;
  if (b->kind == CT_MK_NONE || b->kind == CT_MK_BULLET) return 0;
  for (p = a; p < e; p++) {            /* a marker line is rare: bytes */
    unsigned char c = g->s[p];
    if ((p == a || g->s[p - 1] == ' ' || g->s[p - 1] == '\n') &&
        (c == '(' || ascii_alnum(c) || c >= 0xC0) &&
        ct_seg_marker_end(g, p, e, &m) != p && follows(&m, b) &&
        !after_ref(g, a, p))
      return 1;
  }
  return 0;
}

size_t ct_seg_next_item(const seg *g, const ct_marker *cur, size_t from,
                        size_t end, size_t *text, ct_marker *next) {
  size_t p, e, at = from;
  char lead[4];
  if (cur->kind == CT_MK_NONE ||
      (cur->kind == CT_MK_BULLET && !follows(cur, cur)))
    return end;                     /* "-" and "–" are dashes in prose too */
  ct_utf8_encode(cur->bullet, lead);
  while ((p = next_place(g, cur, (unsigned char)lead[0], from, &at, end)) <
         end) {
    if (may_follow(g, cur, p, end) &&
        (e = ct_seg_marker_end(g, p, end, next)) != p && follows(cur, next) &&
        !after_ref(g, from, p)) {
      *text = skip_space(g, e, end);
      return p;
    }
  }
  return end;
}

/* }===================================================================== */
