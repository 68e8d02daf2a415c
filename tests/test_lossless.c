/*
** test_lossless.c -- properties every segmentation must have.
**
** On every sample, every text fixture and thousands of generated
** documents: clause offsets in range, increasing and not overlapping,
** on code point boundaries, without white space at either end; and
** lossless: every byte that is not white space lies in exactly one
** clause, except list markers, each a single token where a line's text
** begins.
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
  return b - a <= 6;
}

static void check_properties(const char *name, const char *data, size_t len,
                             ct_invalid mode) {
  const unsigned char *s = (const unsigned char *)data;
  ct_text *t;
  ct_clause *c;
  size_t n, i, k, prev_end, body;
  ct_error err;
  unsigned char *covered, *bound;
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
  for (i = body; i < len;) {
    size_t step, j;
    if (covered[i] || is_space_at(s, len, i, &step)) {
      i += covered[i] ? 1 : step;
      continue;
    }
    for (j = i; j < len && !covered[j] && !is_space_at(s, len, j, &step);)
      j += step;
    if (!is_marker_run(s, len, body, i, j))
      fail_msg("%s: bytes %zu..%zu (\"%.*s\") are in no clause", name, i, j,
               (int)(j - i), data + i);
    i = j;
  }
  free(covered);
  free(bound);
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
    if (l > 4 && strcmp(e->d_name + l - 4, ".txt") == 0) {
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
    "(a) ", "- ", "word", "Title Case", "InnovationAs ", "다. ", "양국은 ",
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
