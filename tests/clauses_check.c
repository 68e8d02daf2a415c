/*
** clauses_check.c -- checking a segmentation's promises (clauses_check.h).
**
** Pure checking: reads the text and the clauses, allocates three byte maps
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

#define MAX_MARKER 7     /* "(viii)", "⁃9.", "①**" */
#define MAX_DEPTH 16

static int is_space_at(const unsigned char *s, size_t n, size_t i,
                       size_t *len) {
  int32_t cp;
  *len = ct_utf8_decode(s + i, n - i, &cp);
  return ct_cp_isspace(cp);
}

/* White space, or a format character (a zero-width space, a byte order
** mark): nothing a reader sees, so a line of only these is blank. */
static int is_blank_at(const unsigned char *s, size_t n, size_t i,
                       size_t *len) {
  int32_t cp;
  *len = ct_utf8_decode(s + i, n - i, &cp);
  return ct_cp_isspace(cp) || ct_cp_isformat(cp);
}

/* A token shaped like a list marker: one symbol (a bullet, "①"), or a
** label of at most four letters or digits, or one Hangul syllable, closed
** as "1." "1)" "1.)" "(1)", a bullet possibly before it ("⁃9."). */
static int is_marker_token(const unsigned char *s, size_t a, size_t b) {
  size_t i = a, lab, len;
  int32_t cp;
  len = ct_utf8_decode(s + i, b - i, &cp);
  if (len == b - a) return !ct_cp_isalnum(cp) || cp >= 0x2460;
  if (cp >= 0x80 && !ct_cp_isalpha(cp)) i += len;     /* "⁃9." */
  if (i < b && s[i] == '(') i++;
  lab = i;
  len = ct_utf8_decode(s + i, b - i, &cp);
  if (cp >= 0xAC00 && cp <= 0xD7A3) i += len;
  else
    while (i < b && i - lab < 4 && s[i] < 0x80 && ct_cp_isalnum(s[i])) i++;
  if (i == lab) return 0;
  if (i < b && s[i] == '.') i++;
  if (i < b && s[i] == ')') i++;
  return i == b && s[b - 1] != s[lab];
}

/* The text and where HTML comments are ("<!-- ... -->": the segmenter
** leaves them out of clauses at their edges). */
typedef struct src {
  const unsigned char *s;
  size_t n, body;
  const unsigned char *comment;    /* per byte: inside a comment */
} src;

/* Does only white space or a comment (and '>' when `quotes`) come before
** a on its line? */
static int line_start(const src *x, size_t a, int quotes) {
  const unsigned char *s = x->s;
  while (a > x->body && s[a - 1] != '\n' && s[a - 1] != '\r') {
    size_t p = a - 1, len;
    while (p > x->body && a - p < 4 && (s[p] & 0xC0) == 0x80) p--;
    if (!(is_blank_at(s, x->n, p, &len) || x->comment[p] ||
          (quotes && s[p] == '>')))
      return 0;
    a = p;
  }
  return 1;
}

/* Is every byte of the line around a one of `set`, white space or in a
** comment (which the segmenter reads as nothing, as line_start does),
** after the blockquote markers that begin it ("> ---")?  Any white space
** counts, not only ' ' and '\t': the segmenter trims a line's edges of
** all of it ("---\v"). */
static int line_of(const src *x, size_t a, const char *set) {
  const unsigned char *s = x->s;
  size_t i = a, len = 1;
  int quotes = 1;
  while (i > x->body && s[i - 1] != '\n' && s[i - 1] != '\r') i--;
  for (; i < x->n && s[i] != '\n' && s[i] != '\r'; i += len) {
    len = 1;
    if (x->comment[i] || (quotes && s[i] == '>')) continue;
    if (is_space_at(s, x->n, i, &len)) continue;
    quotes = 0;
    if (!s[i] || !strchr(set, s[i])) return 0;
  }
  return 1;
}

static int all_of(const unsigned char *s, size_t a, size_t b,
                  const char *set) {
  size_t i;
  for (i = a; i < b; i++)
    if (!s[i] || !strchr(set, s[i])) return 0;
  return b > a;
}

/* Markdown structure the segmenter leaves out of clauses: emphasis runs
** and a link's "[" or "](url)" at a clause's edge, heading hashes and
** blockquote markers where a line begins, table pipes and the cells
** between them that hold only emphasis markers (of any length: the
** segmenter trims a cell of them all), lines of structure only ("---",
** "|--|:-:|", "|===|": one kind of mark, with pipes). */
static int is_structure_run(const src *x, size_t a, size_t b) {
  const unsigned char *s = x->s;
  size_t k = a;
  while (k < b && k - a < 8 && s[k] && strchr("*_[!|", s[k])) k++;
  if (k == b) return 1;                          /* emphasis, "[", pipes */
  if (b - k >= 2 && s[k] == ']' && s[k + 1] == '(') return 1;   /* "](url)" */
  if (all_of(s, a, b, "|*_") && memchr(s + a, '|', b - a) != NULL)
    return 1;                      /* table cells of emphasis only, "|*||" */
  if (all_of(s, a, b, "#") && line_start(x, a, 1)) return 1;
  if (all_of(s, a, b, ">") && line_start(x, a, 1)) return 1;
  if (all_of(s, a, b, "|-:") && memchr(s + a, '|', b - a) != NULL)
    return 1;                                   /* a table's separator */
  return all_of(s, a, b, "-*_=|:") && line_of(x, a, "-*_=|:");
}

/* Does white space, a comment or the start of the body come just before
** a? */
static int space_before(const src *x, size_t a) {
  size_t p = a, len;
  if (a <= x->body) return 1;
  do p--; while (p > x->body && a - p < 4 && (x->s[p] & 0xC0) == 0x80);
  return (is_blank_at(x->s, x->n, p, &len) && p + len == a) ||
         x->comment[a - 1];
}

/* Bytes the segmenter leaves out of clauses: a marker token where a
** line's text begins or after white space (items run together on one
** line: "1) The first 2) The second"), or Markdown structure. */
static int is_marker_run(const src *x, size_t a, size_t b) {
  size_t i, len;
  for (i = a; i < b; i += len)
    if (is_space_at(x->s, x->n, i, &len)) return 0;
  if (is_structure_run(x, a, b)) return 1;
  if (!space_before(x, a)) return 0;
  for (i = a + 1; i < b && i - a <= MAX_MARKER; i++)  /* "①**" */
    if (is_marker_token(x->s, a, i) && is_structure_run(x, i, b)) return 1;
  return b - a <= MAX_MARKER && is_marker_token(x->s, a, b);
}

static void mark_comments(const unsigned char *s, size_t n,
                          unsigned char *in) {
  size_t i, j;
  for (i = 0; i + 4 <= n; i++) {
    if (memcmp(s + i, "<!--", 4) != 0) continue;
    for (j = i + 4; j + 3 <= n && memcmp(s + j, "-->", 3) != 0; j++)
      ;
    j = j + 3 <= n ? j + 3 : n;
    memset(in + i, 1, j - i);
    i = j - 1;
  }
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
    if (is_blank_at(s, len, x->start, &l1) || is_blank_at(s, len, last, &l2))
      return failed(msg, cap, "clause %zu: bytes %zu..%zu begin or end with "
                    "white space or a format character", k + 1, x->start,
                    x->end);
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

/* Lossless: every run of visible bytes outside the clauses and HTML
** comments is a list marker or Markdown structure. */
static int check_coverage(const ct_text *t, const unsigned char *covered,
                          const unsigned char *comment, char *msg,
                          size_t cap) {
  src x;
  size_t i, j, step;
  x.s = (const unsigned char *)ct_text_data(t);
  x.n = ct_text_size(t);
  x.body = ct_text_body(t);
  x.comment = comment;
  for (i = x.body; i < x.n;) {
    if (covered[i] || comment[i] || is_blank_at(x.s, x.n, i, &step)) {
      i += covered[i] || comment[i] ? 1 : step;
      continue;
    }
    for (j = i; j < x.n && !covered[j] && !comment[j] &&
                !is_blank_at(x.s, x.n, j, &step);)
      j += step;
    if (!is_marker_run(&x, i, j))
      return failed(msg, cap, "bytes %zu..%zu (\"%.*s\") are in no clause",
                    i, j, (int)(j - i < 80 ? j - i : 80),
                    (const char *)x.s + i);
    i = j;
  }
  return 1;
}

int th_check_clauses(const ct_text *t, const ct_clause *c, size_t n,
                     char *msg, size_t cap) {
  const unsigned char *s = (const unsigned char *)ct_text_data(t);
  size_t len = ct_text_size(t), i, k;
  unsigned char *covered = calloc(len + 1, 1), *bound = calloc(len + 1, 1);
  unsigned char *comment = calloc(len + 1, 1);
  int ok = 0;
  if (covered == NULL || bound == NULL || comment == NULL) {
    failed(msg, cap, "out of memory");
    goto done;
  }
  for (i = ct_text_body(t); i < len; i += k) {   /* code point starts */
    int32_t cp;
    bound[i] = 1;
    k = ct_utf8_decode(s + i, len - i, &cp);
  }
  bound[len] = 1;
  mark_comments(s, len, comment);
  ok = check_each(t, c, n, bound, covered, msg, cap) &&
       check_coverage(t, covered, comment, msg, cap);
done:
  free(covered);
  free(bound);
  free(comment);
  return ok;
}
