/*
** clauses_check.c -- checking a segmentation's promises (clauses_check.h).
**
** Pure checking: reads the text and the clauses, allocates two byte maps
** the size of the text, never aborts, so a fuzz target and a cmocka
** suite can both report what it finds in their own way.
*/
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clauses_check.h"
#include "text/utf8.h"

#define MAX_MARKER 6     /* "(viii)", "######" */
#define MAX_DEPTH 16

static int is_space_at(const unsigned char *s, size_t n, size_t i,
                       size_t *len) {
  int32_t cp;
  *len = ct_utf8_decode(s + i, n - i, &cp);
  return ct_cp_isspace(cp);
}

/* A list marker: a single token (no space inside) that starts a line's
** text; the segmenter leaves exactly these out of clauses. */
static int is_marker_run(const unsigned char *s, size_t n, size_t body,
                         size_t a, size_t b) {
  size_t i = a, len;
  while (i > body && s[i - 1] != '\n' && s[i - 1] != '\r') i--;
  for (; i < a; i += len)            /* only indentation before it */
    if (!is_space_at(s, n, i, &len)) return 0;
  for (i = a; i < b; i += len)
    if (is_space_at(s, n, i, &len)) return 0;
  return b - a <= MAX_MARKER;
}

static int failed(char *msg, size_t cap, const char *fmt, ...) {
  va_list ap;
  if (cap > 0) {
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
  }
  return 0;
}

/* The clause-by-clause properties; fills covered[] with the clauses. */
static int check_each(const ct_text *t, const ct_clause *c, size_t n,
                      const unsigned char *bound, unsigned char *covered,
                      char *msg, size_t cap) {
  const unsigned char *s = (const unsigned char *)ct_text_data(t);
  size_t len = ct_text_size(t), prev_end = ct_text_body(t), k;
  for (k = 0; k < n; k++) {
    size_t l1, l2, last;
    const ct_clause *x = &c[k];
    if (x->index != k + 1)
      return failed(msg, cap, "clause %zu: index %zu", k + 1, x->index);
    if (x->start < prev_end)
      return failed(msg, cap, "clause %zu: starts at %zu, before %zu (the "
                    "end of the one before or the BOM)", k + 1, x->start,
                    prev_end);
    if (!(x->start < x->end && x->end <= len))
      return failed(msg, cap, "clause %zu: bytes %zu..%zu out of 0..%zu",
                    k + 1, x->start, x->end, len);
    if (!bound[x->start] || !bound[x->end])
      return failed(msg, cap, "clause %zu: bytes %zu..%zu cut a character",
                    k + 1, x->start, x->end);
    for (last = x->end - 1; !bound[last]; last--)
      ;
    if (is_space_at(s, len, x->start, &l1) || is_space_at(s, len, last, &l2))
      return failed(msg, cap, "clause %zu: bytes %zu..%zu begin or end with "
                    "white space", k + 1, x->start, x->end);
    ct_text_linecol(t, x->start, &l1, &l2);
    if (x->line != l1 || x->col != l2)
      return failed(msg, cap, "clause %zu: at %zu:%zu, ct_text_linecol says "
                    "%zu:%zu", k + 1, x->line, x->col, l1, l2);
    if ((unsigned)x->kind > CT_KIND_LINE || x->depth < 0 ||
        x->depth > MAX_DEPTH)
      return failed(msg, cap, "clause %zu: kind %d, depth %d", k + 1,
                    (int)x->kind, x->depth);
    if (x->heading != 0 && (x->heading >= x->index ||
                            !c[x->heading - 1].title))
      return failed(msg, cap, "clause %zu: heading %zu is not an earlier "
                    "title", k + 1, x->heading);
    memset(covered + x->start, 1, x->end - x->start);
    prev_end = x->end;
  }
  return 1;
}

/* Lossless: every run of non-space bytes outside the clauses is a list
** marker. */
static int check_coverage(const ct_text *t, const unsigned char *covered,
                          char *msg, size_t cap) {
  const unsigned char *s = (const unsigned char *)ct_text_data(t);
  size_t len = ct_text_size(t), body = ct_text_body(t), i, j, step;
  for (i = body; i < len;) {
    if (covered[i] || is_space_at(s, len, i, &step)) {
      i += covered[i] ? 1 : step;
      continue;
    }
    for (j = i; j < len && !covered[j] && !is_space_at(s, len, j, &step);)
      j += step;
    if (!is_marker_run(s, len, body, i, j))
      return failed(msg, cap, "bytes %zu..%zu (\"%.*s\") are in no clause",
                    i, j, (int)(j - i < 80 ? j - i : 80),
                    (const char *)s + i);
    i = j;
  }
  return 1;
}

int th_check_clauses(const ct_text *t, const ct_clause *c, size_t n,
                     char *msg, size_t cap) {
  const unsigned char *s = (const unsigned char *)ct_text_data(t);
  size_t len = ct_text_size(t), i, k;
  unsigned char *covered = calloc(len + 1, 1), *bound = calloc(len + 1, 1);
  int ok = 0;
  if (covered == NULL || bound == NULL) {
    failed(msg, cap, "out of memory");
    goto done;
  }
  for (i = ct_text_body(t); i < len; i += k) {   /* code point starts */
    int32_t cp;
    bound[i] = 1;
    k = ct_utf8_decode(s + i, len - i, &cp);
  }
  bound[len] = 1;
  ok = check_each(t, c, n, bound, covered, msg, cap) &&
       check_coverage(t, covered, msg, cap);
done:
  free(covered);
  free(bound);
  return ok;
}
