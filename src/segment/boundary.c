/*
** boundary.c -- where sentences end inside a unit (a list item or a
** paragraph).
**
** A walk over the unit finds terminators (. ! ? … 。 ！ ？), takes the
** closing quotes and brackets after them, and decides whether the
** sentence ends there: not inside brackets, not at an ellipsis, not
** before a lowercase letter, not after an abbreviation unless a common
** sentence opener follows.  One decoding pass; positions only.
*/
#include <string.h>
#include "segment/seg.h"

/* {=====================================================================
** Characters
** ====================================================================== */

static int is_cjk_stop(int32_t cp) {
  return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F;
}

static int is_closer(int32_t cp) {
  return cp == '"' || cp == '\'' || cp == ')' || cp == ']' || cp == '}' ||
         cp == 0x2019 || cp == 0x201D || cp == 0xBB || cp == 0x300D ||
         cp == 0x300F || cp == 0xFF09 || cp == 0x3011;
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

int ct_seg_is_abbrev(const seg *g, const unsigned char *p, size_t n) {
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
    if (ct_seg_is_marker_label(g->s + k, i - k) && (w->ntok == 0 || w->after_colon))
      return 0;
    if (k < i && ct_seg_is_abbrev(g, g->s + k, i - k))
      return is_opener_word(g, ws, end) ? j : 0;
  }
  if (ct_cp_islower(next) || is_bracket_open(next)) return 0;
  return j;
}

size_t ct_seg_sentence_end(const seg *g, size_t from, size_t end) {
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
