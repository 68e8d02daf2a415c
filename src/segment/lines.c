/*
** lines.c -- what a line stands for: a heading, a byline or a date line
** (which stand alone but head no section), a dateline, a title glued to
** its first sentence.
*/
#include <string.h>
#include "segment/seg.h"

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

int ct_seg_is_month(const unsigned char *p, size_t n) {
  for (const char *const *m = months; *m; m++)
    if (strlen(*m) == n && memcmp(*m, p, n) == 0) return 1;
  return 0;
}

/* "By Jane Smith", "November 14, 2025", "Fri., Nov. 14, 2025": lines
** that stand alone without being section headings. */
static int is_byline_or_date(const seg *g, size_t a, size_t b) {
  size_t i = a, w;
  int digits = 0, words = 0;
  if (b - a > 3 && memcmp(g->s + a, "By ", 3) == 0 &&
      ct_cp_isupper(cp_at(g, a + 3, b, &w)))
    return 1;
  while (i < b) {
    for (w = i; w < b && g->s[w] != ' ' && g->s[w] != ','; w++)
      ;
    if (w > i) {
      words++;
      if (g->s[i] >= '0' && g->s[i] <= '9') digits = 1;
      else if (!ct_seg_is_month(g->s + i, w - i)) return 0;
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
        !(g->s[i] == '.' && ct_seg_is_abbrev(g, g->s + w, i - w)))
      return 1;
  }
  return 0;
}

/* A one-line paragraph that reads as a heading: short, no final
** punctuation, one sentence. */
int ct_seg_is_heading(const seg *g, const line *l) {
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
size_t ct_seg_glued_heading(const seg *g, const line *l) {
  size_t i, w = l->start, words = 0, len;
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
    /* s[i - 3..i] are ASCII letters by now; s[i + 1] is decoded, since a
    ** lead byte read as a code point can look lowercase (0xED, 'í') */
    if (i >= w + 4 && ct_cp_islower(s[i - 1]) && ct_cp_islower(s[i - 2]) &&
        ct_cp_islower(s[i - 3]) && ct_cp_isupper(s[i]) && i + 1 < l->end &&
        ct_cp_islower(cp_at(g, i + 1, l->end, &len)) &&
        ct_cp_isupper(s[w]) && words >= 1)
      return is_dateline(g, i, l->end) ? 0 : i;
  }
  return 0;
}

/* }===================================================================== */
