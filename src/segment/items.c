/*
** items.c -- list markers: bullets and labels ("1.", "2)", "(a)", "iv.")
** that open a list item, left out of the clause text.
*/
#include <string.h>
#include "segment/seg.h"

static int is_roman(const unsigned char *p, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (!strchr("ivxlIVXL", p[i])) return 0;
  return n > 0 && n <= 4;
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
size_t ct_seg_marker_end(const seg *g, size_t i, size_t end, ct_marker *m) {
  size_t j = i, len, lab;
  int paren = 0;
  m->kind = CT_MK_NONE;
  if (i >= end) return i;
  if (is_bullet(cp_at(g, i, end, &len))) {
    j = i + len;
  } else {
    if (g->s[j] == '(') { paren = 1; j++; }
    lab = j;
    while (j < end && j - lab < 4 && g->s[j] < 0x80 && ct_cp_isalnum(g->s[j]))
      j++;
    if (!ct_seg_is_marker_label(g->s + lab, j - lab)) return i;
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
