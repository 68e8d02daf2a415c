/*
** lines.c -- what a line stands for: a heading, the document's
** headline, a dateline, a title glued to its first sentence.
*/
#include <string.h>
#include "segment/seg.h"

/* {=====================================================================
** Headings, headlines, datelines
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
    if (word_is(*m, p, n)) return 1;
  return 0;
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

/* Words of [a, b). */
static size_t count_words(const seg *g, size_t a, size_t b) {
  size_t i, len, words = 0;
  int inword = 0;
  for (i = a; i < b; i += len) {
    int sp = cp_isspace(cp_at(g, i, b, &len));
    if (!sp && !inword) words++;
    inword = !sp;
  }
  return words;
}

static int is_small_word(const unsigned char *p, size_t n) {
  static const char *const small[] = {"a", "an", "and", "at", "by", "for",
                                      "in", "of", "on", "or", "the", "to",
                                      "with", NULL};
  for (const char *const *w = small; *w; w++)
    if (word_is(*w, p, n)) return 1;
  return 0;
}

/* Does [a, b) end in a lowercase word that cannot end a title, one a
** sentence goes on from ("... their governments will", "... and")?  A
** title capitalizes its last word or ends in a content word: the small
** words of a title, and these. */
int ct_seg_dangling_end(const seg *g, size_t a, size_t b) {
  static const char *const more[] = {
      "are", "as", "be", "from", "into", "is", "shall", "than", "that",
      "which", "will", "would", NULL};
  size_t w = b;
  while (w > a && g->s[w - 1] != ' ') w--;
  if (is_small_word(g->s + w, b - w)) return 1;
  for (const char *const *p = more; *p; p++)
    if (word_is(*p, g->s + w, b - w)) return 1;
  return 0;
}

/* Is every word of [a, b) capitalized, but for the small words of a
** title ("Explanation of Certain Provisions for Alternative Methods")?
** A word is read from its first letter or digit ("(Lion" is
** capitalized); a script without case passes. */
int ct_seg_title_case(const seg *g, size_t a, size_t b) {
  static const char *const small[] = {
      "against", "among", "between", "from", "into", "over", "per",
      "through", "toward", "towards", "under", "upon", "via", "al", "bin",
      "da", "de", "del", "der", "du", "la", "le", "van", "von", NULL};
  size_t i = a, len;
  while (i < b) {
    size_t w, e;
    int32_t cp = 0;
    while (i < b && cp_isspace(cp_at(g, i, b, &len))) i += len;
    for (w = e = i; e < b && !cp_isspace(cp_at(g, e, b, &len)); e += len)
      ;
    while (i < e && !ct_cp_isalnum(cp = cp_at(g, i, e, &len))) i += len;
    if (i < e && ct_cp_islower(cp) && !is_small_word(g->s + w, e - w)) {
      const char *const *p = small;
      while (*p != NULL && !word_is(*p, g->s + w, e - w)) p++;
      if (*p == NULL) return 0;
    }
    i = e;
  }
  return 1;
}

/* Shaped like a title: no final punctuation (but '?' or '!' when `ask`),
** not starting lowercase, not ending in a word a sentence goes on from,
** one sentence, within the limits. */
static int title_shape(const seg *g, const line *l, size_t maxcps,
                       size_t maxwords, int ask) {
  int32_t last = cp_before(g, l->start, l->end), first;
  size_t len;
  if (l->cps > maxcps || (is_final_punct(last) && !(ask && (last == '?' ||
                                                            last == '!'))))
    return 0;
  if (ct_seg_dangling_end(g, l->start, l->end)) return 0;
  first = cp_at(g, l->start, l->end, &len);
  if (ct_cp_islower(first) ||
      count_words(g, l->start, l->end) > maxwords)
    return 0;
  return !has_inner_stop(g, l->start, l->end);
}

/* A heading: short, no final punctuation, one sentence. */
int ct_seg_heading_shape(const seg *g, const line *l) {
  return title_shape(g, l, HEADING_MAX_CPS, HEADING_MAX_WORDS, 0);
}

/* The document's headline: a heading however long, '?' or '!' allowed. */
static int headline_shape(const seg *g, const line *l) {
  return title_shape(g, l, HEADLINE_MAX_CPS, HEADLINE_MAX_WORDS, 1) &&
         ct_seg_sentence_end(g, l->start, l->end) == l->end;
}

int ct_seg_title_shape(const seg *g, const line *l) {
  return ct_seg_heading_shape(g, l) || (g->top && headline_shape(g, l));
}

int ct_seg_is_title(const seg *g, const line *l) {
  return ct_seg_title_shape(g, l) &&
         ct_seg_furniture(g, l->start, l->end, 1) == CT_FURN_NONE;
}

/* "Washington, D.C. – The": a place, then a dash opening the story. */
static int is_dateline(const seg *g, size_t i, size_t end) {
  size_t lim = i + 64 < end ? i + 64 : end, len;
  while (i < lim) {
    int32_t cp = cp_at(g, i, lim, &len);
    if (cp == 0x2013 || cp == 0x2014 || (cp == '-' && i + 1 < lim &&
                                         (g->s[i + 1] == ' ' || g->s[i + 1] == '-')))
      return 1;
    if (!(ct_cp_isalpha(cp) || cp_isspace(cp) || cp == ',' || cp == '.' ||
          cp == '(' || cp == ')'))
      return 0;
    i += len;
  }
  return 0;
}

/* A heading in capitals before the sentence on its line, where a page's
** bold title and line break were lost: "NEW COMMITMENTS The following
** companies ...".  Returns where the sentence starts, or 0.  At least
** two words of capitals, digits, '-', '&' or '\'', one of them six
** letters or more (acronyms are shorter: "ASEAN SME Academy" stays
** whole), then a word opening a sentence: a capital and a lowercase
** letter.  A colon keeps a run-in heading with its text, as the label
** conventions do ("SUMMARY: The FAA ..."). */
static size_t caps_heading(const seg *g, const line *l) {
  size_t i, w = l->start, words = 0, letters = 0, longest = 0, len;
  const unsigned char *s = g->s;
  for (i = l->start; i < l->end && i - l->start < HEADING_MAX_CPS; i++) {
    if (s[i] == ' ') {
      if (i == w || letters == 0) return 0;
      if (letters > longest) longest = letters;
      words++;
      w = i + 1;
      letters = 0;
      if (i + 2 < l->end && s[w] >= 'A' && s[w] <= 'Z' &&  /* one byte */
          ct_cp_islower(cp_at(g, w + 1, l->end, &len)))
        return words >= 2 && longest >= 6 ? w : 0;
    } else if (s[i] >= 'A' && s[i] <= 'Z') {
      letters++;
    } else if (!(ct_cp_isdigit(s[i]) || s[i] == '-' || s[i] == '&' ||
                 s[i] == '\'')) {
      return 0;
    }
  }
  return 0;
}

/* A heading glued to the next sentence by a lost line break:
** "Technology and InnovationAs global leaders ...", or a heading in
** capitals (caps_heading).  Returns the glue position or 0.  The words
** before it must read as a title (capitalized but for small words, at
** least two), the last one long enough not to be a name like
** "McDonald", and what follows must not be a dateline (those stay with
** their sentence). */
size_t ct_seg_glued_heading(const seg *g, const line *l) {
  size_t i, w = l->start, words = 0, len;
  const unsigned char *s = g->s;
  if ((i = caps_heading(g, l)) != 0) return i;   /* stops at a lowercase */
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
