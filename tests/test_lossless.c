/*
** test_lossless.c -- properties every segmentation must have.
**
** On every sample, every text fixture and thousands of generated
** documents: clause offsets in range, increasing and not overlapping,
** on code point boundaries, without white space at either end; and
** lossless: every byte that is not white space lies in exactly one
** clause, except list markers (marker-shaped tokens where a line's text
** begins or after white space: items run together on one line) and
** Markdown structure (emphasis runs and link syntax at a clause's edge,
** heading hashes, blockquote markers, table pipes, rule lines, HTML
** comments).
*/
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "helpers.h"
#include "text/utf8.h"

static int is_space_at(const unsigned char *s, size_t n, size_t i,
                       size_t *len) {
  int32_t cp;
  *len = ct_utf8_decode(s + i, n - i, &cp);
  return ct_cp_isspace(cp);
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

static const unsigned char *comment;   /* per byte: inside an HTML comment */

/* Does only white space or a comment (and '>' when `quotes`) come before
** a on its line? */
static int line_start(const unsigned char *s, size_t n, size_t body,
                      size_t a, int quotes) {
  while (a > body && s[a - 1] != '\n' && s[a - 1] != '\r') {
    size_t p = a - 1, len;
    while (p > body && a - p < 4 && (s[p] & 0xC0) == 0x80) p--;
    if (!(is_space_at(s, n, p, &len) || comment[p] ||
          (quotes && s[p] == '>')))
      return 0;
    a = p;
  }
  return 1;
}

/* Is every byte of the line around a one of `set` or white space? */
static int line_of(const unsigned char *s, size_t n, size_t body, size_t a,
                   const char *set) {
  size_t i = a;
  while (i > body && s[i - 1] != '\n' && s[i - 1] != '\r') i--;
  for (; i < n && s[i] != '\n' && s[i] != '\r'; i++)
    if (s[i] != ' ' && s[i] != '\t' && (!s[i] || !strchr(set, s[i])))
      return 0;
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
** blockquote markers where a line begins, table pipes, lines of
** structure only ("---", "|--|:-:|"). */
static int is_structure_run(const unsigned char *s, size_t n, size_t body,
                            size_t a, size_t b) {
  size_t k = a;
  while (k < b && k - a < 8 && s[k] && strchr("*_[!|", s[k])) k++;
  if (k == b) return 1;                          /* emphasis, "[", pipes */
  if (b - k >= 2 && s[k] == ']' && s[k + 1] == '(') return 1;   /* "](url)" */
  if (all_of(s, a, b, "#") && line_start(s, n, body, a, 1)) return 1;
  if (all_of(s, a, b, ">") && line_start(s, n, body, a, 1)) return 1;
  if (all_of(s, a, b, "|-:")) return memchr(s + a, '|', b - a) != NULL ||
                                     line_of(s, n, body, a, "-*_=|:");
  return all_of(s, a, b, "-*_=") && line_of(s, n, body, a, "-*_=|:");
}

/* Does white space, a comment or the start of the body come just before
** a? */
static int space_before(const unsigned char *s, size_t n, size_t body,
                        size_t a) {
  size_t p = a, len;
  if (a <= body) return 1;
  do p--; while (p > body && a - p < 4 && (s[p] & 0xC0) == 0x80);
  return (is_space_at(s, n, p, &len) && p + len == a) || comment[a - 1];
}

/* Bytes the segmenter leaves out of clauses: a marker token where a
** line's text begins or after white space (items run together on one
** line: "1) The first 2) The second"), or Markdown structure. */
static int is_marker_run(const unsigned char *s, size_t n, size_t body,
                         size_t a, size_t b) {
  size_t i, len;
  for (i = a; i < b; i += len)
    if (is_space_at(s, n, i, &len)) return 0;
  if (is_structure_run(s, n, body, a, b)) return 1;
  if (!space_before(s, n, body, a)) return 0;
  for (i = a + 1; i < b && i - a <= 7; i++)   /* "①**": a marker, emphasis */
    if (is_marker_token(s, a, i) && is_structure_run(s, n, body, i, b))
      return 1;
  return b - a <= 7 && is_marker_token(s, a, b);
}

/* Marks HTML comments "<!-- ... -->" (an unclosed one runs to the end):
** the segmenter leaves them out of clauses at their edges. */
static void mark_comments(const unsigned char *s, size_t n,
                          unsigned char *ok) {
  size_t i, j;
  for (i = 0; i + 4 <= n; i++) {
    if (memcmp(s + i, "<!--", 4) != 0) continue;
    for (j = i + 4; j + 3 <= n && memcmp(s + j, "-->", 3) != 0; j++)
      ;
    j = j + 3 <= n ? j + 3 : n;
    memset(ok + i, 1, j - i);
    i = j - 1;
  }
}

static void check_properties(const char *name, const char *data, size_t len,
                             ct_invalid mode) {
  const unsigned char *s = (const unsigned char *)data;
  ct_text *t;
  ct_clause *c;
  size_t n, i, k, prev_end, body;
  ct_error err;
  unsigned char *covered, *bound, *cmt;
  assert_int_equal(ct_text_from_buffer(name, data, len, mode, &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, NULL, &c, &n, &err), CT_OK);
  body = ct_text_body(t);
  covered = calloc(len + 1, 1);
  bound = calloc(len + 1, 1);
  assert_non_null(covered);
  assert_non_null(bound);
  for (i = body; i < len; i += k) {   /* code point (or invalid) starts */
    int32_t cp;
    bound[i] = 1;
    k = ct_utf8_decode(s + i, len - i, &cp);
  }
  bound[len] = 1;
  prev_end = body;
  for (k = 0; k < n; k++) {
    size_t l1, l2;
    assert_true(c[k].start >= prev_end);
    assert_true(c[k].start < c[k].end && c[k].end <= len);
    assert_true(bound[c[k].start] && bound[c[k].end]);
    assert_false(is_space_at(s, len, c[k].start, &l1));
    (void)l2;
    assert_int_equal(c[k].index, k + 1);
    ct_text_linecol(t, c[k].start, &l1, &l2);
    assert_int_equal(c[k].line, l1);
    assert_int_equal(c[k].col, l2);
    memset(covered + c[k].start, 1, c[k].end - c[k].start);
    prev_end = c[k].end;
  }
  cmt = calloc(len + 1, 1);
  assert_non_null(cmt);
  mark_comments(s, len, cmt);
  comment = cmt;
  for (i = body; i < len;) {
    size_t step, j;
    if (covered[i] || cmt[i] || is_space_at(s, len, i, &step)) {
      i += covered[i] || cmt[i] ? 1 : step;
      continue;
    }
    for (j = i; j < len && !covered[j] && !cmt[j] &&
                !is_space_at(s, len, j, &step);)
      j += step;
    if (!is_marker_run(s, len, body, i, j))
      fail_msg("%s: bytes %zu..%zu (\"%.*s\") are in no clause", name, i, j,
               (int)(j - i), data + i);
    i = j;
  }
  free(covered);
  free(bound);
  free(cmt);
  free(c);
  ct_text_free(t);
}

static void check_file(const char *path) {
  size_t n;
  char *data = th_read_file(path, &n);
  if (memchr(data, '\0', n) == NULL)
    check_properties(path, data, n, CT_INVALID_REPLACE);
  free(data);
}

static void check_dir(const char *dir) {
  DIR *d = opendir(dir);
  struct dirent *e;
  char path[1024];
  assert_non_null(d);
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if ((l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) ||
        (l > 3 && strcmp(e->d_name + l - 3, ".md") == 0)) {
      snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
      check_file(path);
    }
  }
  closedir(d);
}

static void samples(void **state) {
  (void)state;
  check_dir("samples");
}

static void fixtures(void **state) {
  (void)state;
  check_dir("tests/data");
}

/* Documents stitched from the pieces segmentation rules care about. */
static void generated(void **state) {
  static const char *const pieces[] = {
    "The ", "U.S. ", "R.O.K.", "e.g. ", "Dr. ", "J. ", "$1.1 ", "p.m. ",
    "...", "…", "?", "!", "\"", "”", "(", ")", "[", "] ", ". ", ".", " ",
    "  ", "\n", "\n\n", "\r\n", "\r", "\t", "  • ", "    ◦ ", "1. ", "2.) ",
    "(a) ", "- ", "word", "Title Case", "1) ", " 2) ", "a. ", " b. ",
    "• 9. ", " • 10. ", "⁃9. ", "가. ", " 나. ", "①", "② ", ". . .",
    "....", "you and I. ", "6 P.M. Mr. ", "2022. 5. 21. ", "” Kim said. ",
    "**", "*", "_", "[", "](https://x.org/a.b)", "> ", "\n> ", "| ", " | ",
    "\n|---|:--|\n", "<!-- c. -->", "<!--", "-->", "\n---\n", "\n===\n",
    "## ", "34.5 F\n", "Published: 14 Nov. 2025\n", "date 2025-11-20 ",
    "Key Takeaways\n", "[YONHAP]", "By Jane Smith\n",
    "Home > News > ", "InnovationAs ", "다. ", "양국은 ",
    "。", "」", "https://x.gov/a.b ", "a@b.org. ", "\xC2\xA0", "\xE3\x80\x80",
    "\xEF\xBB\xBF", "\xC3", "\x80", "\xED\xA0\x80", ":", ";", "—", "–",
  };
  const size_t np = sizeof pieces / sizeof *pieces;
  char buf[4096];
  unsigned seed = 12345;
  int doc;
  (void)state;
  for (doc = 0; doc < 3000; doc++) {
    size_t len = 0, k, count;
    char name[32];
    seed = seed * 1103515245u + 12345u;
    count = 1 + (seed >> 16) % 60;
    for (k = 0; k < count; k++) {
      const char *p;
      seed = seed * 1103515245u + 12345u;
      p = pieces[(seed >> 16) % np];
      if (len + strlen(p) >= sizeof buf) break;
      memcpy(buf + len, p, strlen(p));
      len += strlen(p);
    }
    snprintf(name, sizeof name, "generated-%d", doc);
    check_properties(name, buf, len, CT_INVALID_REPLACE);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(samples),
    cmocka_unit_test(fixtures),
    cmocka_unit_test(generated),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
