/*
** test_text.c -- reading documents: UTF-8 checks, line ends, positions,
** spans.  Fixtures are tests/data/text_*; run from the repository root.
*/
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>
#include <utf8proc.h>
#include "clausetag.h"
#include "helpers.h"
#include "text/text.h"
#include "text/utf8.h"

/* ---- helpers --------------------------------------------------------- */

static ct_text *load(const void *s, size_t n, ct_invalid mode) {
  ct_text *t = NULL;
  ct_error err = {0};
  ct_status st = ct_text_from_buffer("buf", s, n, mode, &t, &err);
  if (st != CT_OK) fail_msg("unexpected error: %s", err.msg);
  assert_non_null(t);
  return t;
}

/* Loads a literal, its length taken from sizeof (NULs inside count). */
#define LOAD(lit, mode) load(lit, sizeof lit - 1, mode)

static void expect_pos(const ct_text *t, size_t off, size_t line, size_t col) {
  size_t l = 0, c = 0;
  ct_text_linecol(t, off, &l, &c);
  if (l != line || c != col)
    fail_msg("offset %zu: got %zu:%zu, want %zu:%zu", off, l, c, line, col);
}

static void expect_fail(const void *s, size_t n, ct_invalid mode,
                        ct_status want, const char *msg) {
  ct_text *t = (ct_text *)&t;   /* must be reset to NULL */
  ct_error err = {0};
  ct_status st = ct_text_from_buffer("buf", s, n, mode, &t, &err);
  assert_int_equal(st, want);
  assert_int_equal(err.status, want);
  assert_string_equal(err.msg, msg);
  assert_null(t);
}

static void expect_span(const ct_text *t, size_t a, size_t b, int collapse,
                        const char *want) {
  char *s = ct_text_span(t, a, b, collapse);
  assert_non_null(s);
  assert_string_equal(s, want);
  free(s);
}

/* ---- valid input ----------------------------------------------------- */

static void test_ascii(void **state) {
  ct_text *t = LOAD("hello\nworld", CT_INVALID_ERROR);
  (void)state;
  assert_string_equal(ct_text_name(t), "buf");
  assert_int_equal(ct_text_size(t), 11);
  assert_int_equal(ct_text_body(t), 0);
  assert_memory_equal(ct_text_data(t), "hello\nworld", 12);   /* NUL too */
  assert_int_equal(t->invalid, 0);
  expect_pos(t, 0, 1, 1);
  expect_pos(t, 4, 1, 5);
  expect_pos(t, 5, 1, 6);    /* the LF itself */
  expect_pos(t, 6, 2, 1);
  expect_pos(t, 11, 2, 6);   /* the end */
  ct_text_free(t);
}

static void test_multibyte(void **state) {
  /* 한 (3 bytes) 국 (3) space € (3) x, then é (2) on line 2 */
  ct_text *t = LOAD("\xED\x95\x9C\xEA\xB5\xAD \xE2\x82\xACx\n\xC3\xA9!",
                    CT_INVALID_ERROR);
  (void)state;
  expect_pos(t, 0, 1, 1);
  expect_pos(t, 3, 1, 2);
  expect_pos(t, 6, 1, 3);
  expect_pos(t, 7, 1, 4);
  expect_pos(t, 10, 1, 5);
  expect_pos(t, 12, 2, 1);
  expect_pos(t, 14, 2, 2);
  /* inside a character: that character's column */
  expect_pos(t, 4, 1, 2);
  expect_pos(t, 13, 2, 1);
  ct_text_free(t);
}

static void test_bom(void **state) {
  ct_text *t = LOAD("\xEF\xBB\xBF" "ab\ncd", CT_INVALID_ERROR);
  (void)state;
  assert_int_equal(ct_text_body(t), 3);
  assert_int_equal(ct_text_size(t), 8);
  assert_memory_equal(ct_text_data(t), "\xEF\xBB\xBF" "ab", 5);
  expect_pos(t, 0, 1, 1);   /* inside the BOM */
  expect_pos(t, 3, 1, 1);   /* the BOM is not a column */
  expect_pos(t, 4, 1, 2);
  expect_pos(t, 6, 2, 1);
  expect_span(t, 0, 8, 0, "ab\ncd");   /* spans never include the BOM */
  expect_span(t, 3, 5, 0, "ab");
  ct_text_free(t);
}

static void test_bom_alone(void **state) {
  ct_text *t = LOAD("\xEF\xBB\xBF", CT_INVALID_ERROR);
  (void)state;
  assert_int_equal(ct_text_body(t), 3);
  expect_pos(t, 3, 1, 1);
  expect_span(t, 0, 3, 1, "");
  ct_text_free(t);
}

/* A BOM anywhere but at the start is an ordinary character. */
static void test_bom_inside(void **state) {
  ct_text *t = LOAD("a\xEF\xBB\xBF" "b", CT_INVALID_ERROR);
  (void)state;
  assert_int_equal(ct_text_body(t), 0);
  expect_pos(t, 4, 1, 3);
  ct_text_free(t);
}

/* ---- line ends ------------------------------------------------------- */

static void test_lf(void **state) {
  ct_text *t = LOAD("a\nbb\n\nc\n", CT_INVALID_ERROR);
  (void)state;
  expect_pos(t, 0, 1, 1);
  expect_pos(t, 1, 1, 2);
  expect_pos(t, 2, 2, 1);
  expect_pos(t, 4, 2, 3);
  expect_pos(t, 5, 3, 1);
  expect_pos(t, 6, 4, 1);
  expect_pos(t, 8, 5, 1);   /* after the final LF: an empty last line */
  assert_int_equal(t->nlines, 5);
  ct_text_free(t);
}

static void test_crlf(void **state) {
  ct_text *t = LOAD("a\r\nbb\r\n\r\nc", CT_INVALID_ERROR);
  (void)state;
  expect_pos(t, 1, 1, 2);   /* CR */
  expect_pos(t, 2, 1, 3);   /* LF of the same line end */
  expect_pos(t, 3, 2, 1);
  expect_pos(t, 5, 2, 3);
  expect_pos(t, 7, 3, 1);
  expect_pos(t, 9, 4, 1);
  expect_pos(t, 10, 4, 2);
  assert_int_equal(t->nlines, 4);
  ct_text_free(t);
}

static void test_cr(void **state) {
  ct_text *t = LOAD("a\rbb\r\rc", CT_INVALID_ERROR);
  (void)state;
  expect_pos(t, 1, 1, 2);
  expect_pos(t, 2, 2, 1);
  expect_pos(t, 5, 3, 1);
  expect_pos(t, 6, 4, 1);
  assert_int_equal(t->nlines, 4);
  ct_text_free(t);
}

static void test_mixed_line_ends(void **state) {
  /* LF, CR, CRLF, LF CR (two line ends), CR at the very end */
  ct_text *t = LOAD("a\nb\rc\r\nd\n\re\r", CT_INVALID_ERROR);
  size_t want[] = { 0, 2, 4, 7, 9, 10, 12 };
  size_t i;
  (void)state;
  assert_int_equal(t->nlines, 7);
  for (i = 0; i < 7; i++) {
    assert_int_equal(t->lines[i], want[i]);
    expect_pos(t, want[i], i + 1, 1);
  }
  expect_pos(t, 11, 6, 2);
  ct_text_free(t);
}

static void test_clamp(void **state) {
  ct_text *t = LOAD("ab\ncd", CT_INVALID_ERROR);
  size_t line = 0;
  (void)state;
  expect_pos(t, 5, 2, 3);
  expect_pos(t, 6, 2, 3);
  expect_pos(t, (size_t)-1, 2, 3);
  ct_text_linecol(t, 4, &line, NULL);   /* either output may be NULL */
  assert_int_equal(line, 2);
  ct_text_free(t);
}

static void test_many_lines(void **state) {
  size_t n = 200000, i;
  char *s = malloc(n * 2);
  ct_text *t;
  (void)state;
  assert_non_null(s);
  for (i = 0; i < n; i++) {
    s[2 * i] = 'x';
    s[2 * i + 1] = '\n';
  }
  t = load(s, n * 2, CT_INVALID_ERROR);
  expect_pos(t, 0, 1, 1);
  expect_pos(t, 2 * 12345 + 1, 12346, 2);
  expect_pos(t, 2 * (n - 1), n, 1);
  expect_pos(t, 2 * n, n + 1, 1);
  ct_text_free(t);
  free(s);
}

/* Long lines: positions come from the marks, not from a scan of the
** whole line.  Compared with a plain walk over every byte. */

static uint32_t rnd(uint32_t *seed) {
  *seed = *seed * 1103515245u + 12345u;
  return (*seed >> 16) & 0x7FFF;
}

/* Bytes of a document with long lines of mixed characters; with `bad`,
** invalid sequences too. */
static size_t gen_doc(unsigned char *s, size_t n, int bad, uint32_t seed) {
  static const char *const pieces[] = {
    "a", "b", " ", "\xC3\xA9", "\xED\x95\x9C", "\xF0\x9F\x98\x80",
    "\xC2\xA0", "x", "y", "z", "\xE2\x82\xAC", "q",
  };
  static const char *const bads[] = {
    "\xFF", "\x80", "\xE2\x82", "\xF0\x9F\x98", "\xC3", "\xED\xA0\x80",
  };
  size_t o = 0;
  memcpy(s, "\xEF\xBB\xBF", 3);
  o = 3;
  while (o + 8 < n) {
    uint32_t r = rnd(&seed);
    const char *p;
    if (r % 20000 == 0) p = "\r\n";
    else if (r % 30011 == 1) p = "\n";
    else if (r % 40009 == 2) p = "\r";
    else if (bad && r % 97 == 3) p = bads[r % 6];
    else p = pieces[r % 12];
    memcpy(s + o, p, strlen(p));
    o += strlen(p);
  }
  return o;
}

/* The position of every offset by walking the bytes once. */
static void walk_positions(const unsigned char *s, size_t n, size_t body,
                           size_t *lines, size_t *cols) {
  size_t p, j, line = 1, col = 1;
  for (p = 0; p < body; p++) lines[p] = 1, cols[p] = 1;
  while (p < n) {
    int32_t cp;
    size_t k = ct_utf8_decode(s + p, n - p, &cp);
    for (j = p; j < p + k; j++) lines[j] = line, cols[j] = col;
    if (s[p] == '\n' || (s[p] == '\r' && !(p + 1 < n && s[p + 1] == '\n'))) {
      line++;
      col = 1;
    } else {
      col++;
    }
    p += k;
  }
  lines[n] = line;
  cols[n] = col;
}

static void check_long_lines(int bad, uint32_t seed) {
  size_t cap = 100000, n, off;
  unsigned char *s = malloc(cap);
  size_t *lines = malloc((cap + 1) * sizeof *lines);
  size_t *cols = malloc((cap + 1) * sizeof *cols);
  ct_text *t;
  assert_true(s && lines && cols);
  n = gen_doc(s, cap, bad, seed);
  t = load(s, n, CT_INVALID_REPLACE);
  assert_int_equal(t->invalid, bad);
  walk_positions(s, n, 3, lines, cols);
  assert_true(cols[n / 2] > 2 * CT_MARK_EVERY / 4);   /* long lines indeed */
  /* every offset near a mark, a sample of the others */
  for (off = 0; off <= n; off++)
    if (off % CT_MARK_EVERY < 8 || off % CT_MARK_EVERY > CT_MARK_EVERY - 8 ||
        off % 13 == 0 || off + 16 > n)
      expect_pos(t, off, lines[off], cols[off]);
  ct_text_free(t);
  free(s);
  free(lines);
  free(cols);
}

static void test_long_lines(void **state) {
  (void)state;
  check_long_lines(0, 1);
  check_long_lines(1, 2);
  check_long_lines(1, 3);
}

/* The error position on a long line comes from the marks as well. */
static void test_long_line_error(void **state) {
  size_t n = 99999, i, *lines, *cols;
  char *s = malloc(n), want[128];
  (void)state;
  lines = malloc((n + 1) * sizeof *lines);
  cols = malloc((n + 1) * sizeof *cols);
  assert_true(s && lines && cols);
  for (i = 0; i < n; i += 3) memcpy(s + i, i % 2 ? "\xE2\x82\xAC" : "abc", 3);
  s[0] = '\n';
  s[90001] = '\xFF';   /* in the middle of an "abc" */
  walk_positions((unsigned char *)s, n, 0, lines, cols);
  assert_int_equal(lines[90001], 2);
  assert_int_equal(cols[90001], 60001);
  snprintf(want, sizeof want, "buf:2:%zu: invalid UTF-8 (byte 0xFF)", cols[90001]);
  expect_fail(s, n, CT_INVALID_ERROR, CT_EUTF8, want);
  s[90001] = '\0';
  snprintf(want, sizeof want, "buf:2:%zu: binary file (NUL byte)", cols[90001]);
  expect_fail(s, n, CT_INVALID_ERROR, CT_EBINARY, want);
  free(s);
  free(lines);
  free(cols);
}

/* ---- empty and blank ------------------------------------------------- */

static void test_empty(void **state) {
  ct_text *t = load("", 0, CT_INVALID_ERROR);
  (void)state;
  assert_int_equal(ct_text_size(t), 0);
  assert_int_equal(ct_text_body(t), 0);
  assert_string_equal(ct_text_data(t), "");
  expect_pos(t, 0, 1, 1);
  expect_pos(t, 10, 1, 1);
  expect_span(t, 0, 0, 0, "");
  expect_span(t, 0, 10, 1, "");
  ct_text_free(t);
}

static void test_blank(void **state) {
  ct_text *t = LOAD(" \t\r\n\xC2\xA0\n  \xE3\x80\x80\n", CT_INVALID_ERROR);
  (void)state;
  expect_pos(t, 4, 2, 1);
  expect_span(t, 0, ct_text_size(t), 1, "");
  expect_span(t, 0, 3, 0, " \t\r");
  ct_text_free(t);
}

/* ---- invalid UTF-8 --------------------------------------------------- */

/* Three CRLF lines with multibyte characters before the bad sequence:
** "€é" are two columns, so the bad byte is at 3:3. */
#define PREFIX "l\xC3\xADne one\r\nline two\r\n\xE2\x82\xAC\xC3\xA9"

static void bad_case(const char *bad, size_t badlen, const char *hex, int at_eof) {
  char in[64], msg[128];
  size_t n = sizeof PREFIX - 1;
  memcpy(in, PREFIX, n);
  memcpy(in + n, bad, badlen);
  n += badlen;
  if (!at_eof) {
    memcpy(in + n, "ok\r\n", 4);
    n += 4;
  }
  snprintf(msg, sizeof msg, "buf:3:3: invalid UTF-8 (byte 0x%s)", hex);
  expect_fail(in, n, CT_INVALID_ERROR, CT_EUTF8, msg);
}

#define BAD(lit, hex) bad_case(lit, sizeof lit - 1, hex, 0)
#define BAD_EOF(lit, hex) bad_case(lit, sizeof lit - 1, hex, 1)

static void test_invalid_overlong(void **state) {
  (void)state;
  BAD("\xC0\x80", "C0");
  BAD("\xC1\xBF", "C1");
  BAD("\xE0\x80\x80", "E0");
  BAD("\xE0\x9F\xBF", "E0");
  BAD("\xF0\x80\x80\x80", "F0");
  BAD("\xF0\x8F\xBF\xBF", "F0");
}

static void test_invalid_surrogate(void **state) {
  (void)state;
  BAD("\xED\xA0\x80", "ED");   /* U+D800 */
  BAD("\xED\xBF\xBF", "ED");   /* U+DFFF */
}

static void test_invalid_above_max(void **state) {
  (void)state;
  BAD("\xF4\x90\x80\x80", "F4");   /* U+110000 */
  BAD("\xF5\x80\x80\x80", "F5");
  BAD("\xF7", "F7");
}

static void test_invalid_truncated(void **state) {
  (void)state;
  BAD("\xC3", "C3");
  BAD("\xE2\x82", "E2");
  BAD("\xF0\x9F\x98", "F0");
  BAD_EOF("\xC3", "C3");
  BAD_EOF("\xE2\x82", "E2");
  BAD_EOF("\xF0\x9F\x98", "F0");
}

static void test_invalid_stray(void **state) {
  (void)state;
  BAD("\x80", "80");
  BAD("\xBF", "BF");
  BAD_EOF("\x80", "80");
  BAD("\xFE", "FE");
  BAD("\xFF", "FF");
  BAD_EOF("\xFF", "FF");
}

/* Only the first invalid sequence is reported. */
static void test_invalid_first_reported(void **state) {
  (void)state;
  expect_fail("ab\xFF\ncd\xC3", 7, CT_INVALID_ERROR, CT_EUTF8,
              "buf:1:3: invalid UTF-8 (byte 0xFF)");
}

/* Each invalid sequence is one column, the BOM none. */
static void test_invalid_columns(void **state) {
  ct_text *t = LOAD("\xEF\xBB\xBF" "a\xE2\x82" "b\x80\x80" "c", CT_INVALID_REPLACE);
  (void)state;
  expect_pos(t, 3, 1, 1);    /* a */
  expect_pos(t, 4, 1, 2);    /* E2 82: one sequence */
  expect_pos(t, 6, 1, 3);    /* b */
  expect_pos(t, 7, 1, 4);    /* 80 */
  expect_pos(t, 8, 1, 5);    /* 80 */
  expect_pos(t, 9, 1, 6);    /* c */
  expect_fail("\xEF\xBB\xBF" "a\xE2\x82" "b", 7, CT_INVALID_ERROR, CT_EUTF8,
              "buf:1:2: invalid UTF-8 (byte 0xE2)");
  expect_fail("\xEF\xBB\xBF" "a\xE2\x82" "b\x80", 8, CT_INVALID_ERROR, CT_EUTF8,
              "buf:1:2: invalid UTF-8 (byte 0xE2)");
  ct_text_free(t);
}

static void test_replace(void **state) {
  static const char in[] = "a\xE2\x82z\r\nb\x80\xC0\x80" "c\xF4\x90\x80\x80" "d";
  ct_text *t = LOAD(in, CT_INVALID_REPLACE);
  (void)state;
  assert_int_equal(t->invalid, 1);
  assert_int_equal(ct_text_size(t), sizeof in - 1);
  assert_memory_equal(ct_text_data(t), in, sizeof in);   /* bytes kept */
  expect_span(t, 0, 4, 0, "a\xEF\xBF\xBDz");
  expect_span(t, 6, 11, 0, "b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "c");
  /* F4 90 80 80: F4 alone is the maximal invalid prefix, then three
  ** stray continuation bytes */
  expect_span(t, 11, 16, 0,
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "d");
  expect_span(t, 0, sizeof in, 1,
              "a\xEF\xBF\xBDz b\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "c"
              "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "d");
  expect_pos(t, 6, 2, 1);
  expect_pos(t, 10, 2, 5);
  ct_text_free(t);
}

/* A valid text never grows in a span, except where the span cuts a
** character: every piece becomes U+FFFD. */
static void test_span_cuts_character(void **state) {
  ct_text *t = LOAD("\xF0\x9F\x98\x80\xF0\x9F\x98\x80", CT_INVALID_ERROR);
  (void)state;
  expect_span(t, 1, 7, 0, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  expect_span(t, 4, 5, 0, "\xEF\xBF\xBD");
  expect_span(t, 0, 4, 0, "\xF0\x9F\x98\x80");
  ct_text_free(t);
}

/* ---- NUL bytes ------------------------------------------------------- */

static void test_nul(void **state) {
  (void)state;
  expect_fail("ab\ncd\0ef", 8, CT_INVALID_ERROR, CT_EBINARY,
              "buf:2:3: binary file (NUL byte)");
  expect_fail("\0", 1, CT_INVALID_ERROR, CT_EBINARY,
              "buf:1:1: binary file (NUL byte)");
  /* NUL wins over invalid UTF-8, even when it comes later */
  expect_fail("\xFF\r\n\xC3\xA9\0", 6, CT_INVALID_ERROR, CT_EBINARY,
              "buf:2:2: binary file (NUL byte)");
  /* and replace mode does not make a binary file text */
  expect_fail("x\0", 2, CT_INVALID_REPLACE, CT_EBINARY,
              "buf:1:2: binary file (NUL byte)");
}

/* A UTF-16 or UTF-32 byte order mark names the encoding, before any NUL
** or invalid byte is reported; a UTF-8 mark, or FF without FE, does not. */
static void test_wide_mark(void **state) {
  (void)state;
  expect_fail("\xFF\xFEH\0i\0", 6, CT_INVALID_ERROR, CT_EBINARY,
              "buf:1:1: UTF-16LE text (byte order mark FF FE), not UTF-8: "
              "convert it first (iconv -f UTF-16 -t UTF-8)");
  expect_fail("\xFE\xFF\0H", 4, CT_INVALID_REPLACE, CT_EBINARY,
              "buf:1:1: UTF-16BE text (byte order mark FE FF), not UTF-8: "
              "convert it first (iconv -f UTF-16 -t UTF-8)");
  expect_fail("\xFF\xFE\0\0H\0\0\0", 8, CT_INVALID_ERROR, CT_EBINARY,
              "buf:1:1: UTF-32LE text (byte order mark FF FE 00 00), not "
              "UTF-8: convert it first (iconv -f UTF-32 -t UTF-8)");
  expect_fail("\0\0\xFE\xFF\0\0\0H", 8, CT_INVALID_ERROR, CT_EBINARY,
              "buf:1:1: UTF-32BE text (byte order mark 00 00 FE FF), not "
              "UTF-8: convert it first (iconv -f UTF-32 -t UTF-8)");
  /* the mark alone, with nothing after it */
  expect_fail("\xFF\xFE", 2, CT_INVALID_ERROR, CT_EBINARY,
              "buf:1:1: UTF-16LE text (byte order mark FF FE), not UTF-8: "
              "convert it first (iconv -f UTF-16 -t UTF-8)");
  expect_fail("\xFF\xFD\0", 3, CT_INVALID_ERROR, CT_EBINARY,
              "buf:1:3: binary file (NUL byte)");
  expect_fail("\xFF\n", 2, CT_INVALID_ERROR, CT_EUTF8,
              "buf:1:1: invalid UTF-8 (byte 0xFF)");
  expect_fail("x\xFF\xFE\0", 4, CT_INVALID_ERROR, CT_EBINARY,
              "buf:1:4: binary file (NUL byte)");
}

/* ---- files ----------------------------------------------------------- */

static void test_file(void **state) {
  const char *path = "tests/data/text_bom_crlf.txt";
  size_t n;
  char *raw = th_read_file(path, &n);
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  assert_int_equal(ct_text_read_file(path, CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_string_equal(ct_text_name(t), path);
  assert_int_equal(ct_text_size(t), n);
  assert_memory_equal(ct_text_data(t), raw, n + 1);
  assert_int_equal(ct_text_body(t), 3);
  expect_pos(t, 3, 1, 1);
  expect_pos(t, 21, 2, 1);
  expect_pos(t, 23, 3, 1);
  expect_pos(t, 34, 3, 6);   /* "• 한미 c" */
  expect_pos(t, 59, 4, 1);
  expect_span(t, 0, n, 1,
              "Joint Fact Sheet \xE2\x80\xA2 \xED\x95\x9C\xEB\xAF\xB8 "
              "cooperation on climate. Last line");
  ct_text_free(t);
  free(raw);
}

static void test_file_errors(void **state) {
  ct_text *t = (ct_text *)&t;
  ct_error err = {0};
  char want[256];
  (void)state;
  assert_int_equal(ct_text_read_file("tests/data/text_bad_utf8.txt",
                                     CT_INVALID_ERROR, &t, &err), CT_EUTF8);
  assert_null(t);
  assert_string_equal(err.msg, "tests/data/text_bad_utf8.txt:2:9: "
                               "invalid UTF-8 (byte 0xE2)");
  assert_int_equal(ct_text_read_file("tests/data/text_bad_utf8.txt",
                                     CT_INVALID_REPLACE, &t, &err), CT_OK);
  expect_span(t, 11, 29, 0, "Second \xC3\xA9\xEF\xBF\xBD broken");
  ct_text_free(t);

  assert_int_equal(ct_text_read_file("tests/data/text_nul.txt",
                                     CT_INVALID_REPLACE, &t, &err), CT_EBINARY);
  assert_string_equal(err.msg, "tests/data/text_nul.txt:2:8: "
                               "binary file (NUL byte)");

  snprintf(want, sizeof want, "tests/data/text_missing.txt: cannot read: %s",
           strerror(ENOENT));
  assert_int_equal(ct_text_read_file("tests/data/text_missing.txt",
                                     CT_INVALID_ERROR, &t, &err), CT_EIO);
  assert_int_equal(err.status, CT_EIO);
  assert_string_equal(err.msg, want);
  assert_null(t);

  assert_int_equal(ct_text_read_file("tests/data", CT_INVALID_ERROR, &t, &err),
                   CT_EIO);
  assert_string_equal(err.msg, "tests/data: cannot read: Is a directory");
  assert_null(t);
}

/* A NULL error pointer is allowed: the status alone comes back. */
static void test_null_error(void **state) {
  ct_text *t = NULL;
  (void)state;
  assert_int_equal(ct_text_read_file("tests/data/text_missing.txt",
                                     CT_INVALID_ERROR, &t, NULL), CT_EIO);
  assert_int_equal(ct_text_from_buffer("x", "\xFF", 1, CT_INVALID_ERROR, &t,
                                       NULL), CT_EUTF8);
  assert_null(t);
}

static void test_stdin(void **state) {
  const char *path = "tests/data/text_bom_crlf.txt";
  size_t n;
  char *raw = th_read_file(path, &n);
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  assert_non_null(freopen(path, "rb", stdin));
  assert_int_equal(ct_text_read_file("-", CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_string_equal(ct_text_name(t), "<stdin>");
  assert_int_equal(ct_text_size(t), n);
  assert_memory_equal(ct_text_data(t), raw, n);
  ct_text_free(t);

  assert_non_null(freopen("tests/data/text_nul.txt", "rb", stdin));
  assert_int_equal(ct_text_read_file("-", CT_INVALID_ERROR, &t, &err),
                   CT_EBINARY);
  assert_string_equal(err.msg, "<stdin>:2:8: binary file (NUL byte)");
  free(raw);
}

/* ---- bounded reading ------------------------------------------------ */

/* `got` came from a read into *t (passed by address: it is read only
** once the read is over). */
static void expect_read_fail(ct_status got, ct_status want, ct_text **t,
                             const ct_error *err, const char *msg) {
  assert_int_equal(got, want);
  assert_int_equal(err->status, want);
  assert_string_equal(err->msg, msg);
  assert_null(*t);
}

/* A file of exactly the cap is read; one byte more is not (its size is
** known, so nothing is read). */
static void test_cap_file(void **state) {
  const char *path = "tests/data/text_bom_crlf.txt";
  size_t n;
  char *raw = th_read_file(path, &n), want[256];
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  assert_int_equal(ct_text_read_file_max(path, CT_INVALID_ERROR, n, &t, &err),
                   CT_OK);
  assert_int_equal(ct_text_size(t), n);
  ct_text_free(t);
  snprintf(want, sizeof want, "%s: larger than %zu bytes, the document size "
           "cap", path, n - 1);
  expect_read_fail(ct_text_read_file_max(path, CT_INVALID_ERROR, n - 1, &t,
                                         &err), CT_ETOOBIG, &t, &err, want);
  free(raw);
}

/* A pipe of k bytes, read with cap max: its size is not known before. */
static ct_status read_pipe(size_t k, size_t max, ct_text **t, ct_error *err) {
  int fd[2];
  char buf[256];
  FILE *f;
  ct_file_state fs;
  ct_status st;
  assert_true(k <= sizeof buf);
  memset(buf, 'a', k);
  assert_int_equal(pipe(fd), 0);
  assert_int_equal(write(fd[1], buf, k), (ssize_t)k);
  close(fd[1]);
  assert_non_null(f = fdopen(fd[0], "rb"));
  ct_file_state_of(f, &fs);
  assert_int_equal(fs.known, 0);
  st = ct_text_read_stream(f, "pipe", &fs, CT_INVALID_ERROR, max, t, err);
  fclose(f);
  return st;
}

static void test_cap_pipe(void **state) {
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  assert_int_equal(read_pipe(100, 100, &t, &err), CT_OK);
  assert_int_equal(ct_text_size(t), 100);
  ct_text_free(t);
  expect_read_fail(read_pipe(100, 99, &t, &err), CT_ETOOBIG, &t, &err,
                   "pipe: larger than 99 bytes, the document size cap");
  assert_int_equal(read_pipe(0, 1, &t, &err), CT_OK);
  assert_int_equal(ct_text_size(t), 0);
  ct_text_free(t);
}

/* An endless device: reading stops at the first block, which has a NUL,
** however high the cap (the test would run out of memory otherwise). */
static void test_endless_binary(void **state) {
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  expect_read_fail(ct_text_read_file_max("/dev/zero", CT_INVALID_REPLACE,
                                         SIZE_MAX, &t, &err),
                   CT_EBINARY, &t, &err, "/dev/zero:1:1: binary file (NUL byte)");
  expect_read_fail(ct_text_read_file("/dev/zero", CT_INVALID_ERROR, &t, &err),
                   CT_EBINARY, &t, &err, "/dev/zero:1:1: binary file (NUL byte)");
}

/* Standard input redirected from a file, already read past its BOM: the
** cap counts the bytes from there on. */
static void test_cap_stdin(void **state) {
  const char *path = "tests/data/text_bom_crlf.txt";
  size_t n;
  char *raw = th_read_file(path, &n), want[64];
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  assert_non_null(freopen(path, "rb", stdin));
  assert_int_equal(fseek(stdin, 3, SEEK_SET), 0);
  assert_int_equal(ct_text_read_file_max("-", CT_INVALID_ERROR, n - 3, &t,
                                         &err), CT_OK);
  assert_int_equal(ct_text_size(t), n - 3);
  assert_memory_equal(ct_text_data(t), raw + 3, n - 3);
  ct_text_free(t);
  assert_non_null(freopen(path, "rb", stdin));
  snprintf(want, sizeof want, "<stdin>: larger than %zu bytes, the document "
           "size cap", n - 1);
  expect_read_fail(ct_text_read_file_max("-", CT_INVALID_ERROR, n - 1, &t,
                                         &err), CT_ETOOBIG, &t, &err, want);
  free(raw);
}

/* The changed-file tests run twice: through the stream reader (standard
** input, pipes) and through the descriptor reader regular files take
** (ct_text_read_fd: one read of the size fstat gave, no read to see 0). */
static int by_fd;

static ct_status read_open(FILE *f, const char *path, const ct_file_state *fs,
                           size_t max, ct_text **t, ct_error *err) {
  if (by_fd)
    return ct_text_read_fd(fileno(f), path, fs, CT_INVALID_ERROR, max, t, err);
  return ct_text_read_stream(f, path, fs, CT_INVALID_ERROR, max, t, err);
}

/* Reads path as if its state when opened had been off by the deltas: a
** file that shrank, grew or was rewritten while it was read. */
static ct_status read_changed(const char *path, long long dsize,
                              long long dmtime, int left_too, ct_text **t,
                              ct_error *err) {
  FILE *f = fopen(path, "rb");
  ct_file_state fs;
  ct_status st;
  assert_non_null(f);
  ct_file_state_of(f, &fs);
  assert_int_equal(fs.known, 1);
  fs.size = (unsigned long long)((long long)fs.size + dsize);
  if (left_too) fs.left = (size_t)((long long)fs.left + dsize);
  fs.mtime_s += dmtime;
  st = read_open(f, path, &fs, SIZE_MAX, t, err);
  fclose(f);
  return st;
}

static void test_changed_while_read(void **state) {
  const char *path = "tests/data/text_bom_crlf.txt";
  size_t n;
  char *raw = th_read_file(path, &n), want[256];
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  assert_int_equal(read_changed(path, 0, 0, 1, &t, &err), CT_OK);
  assert_int_equal(ct_text_size(t), n);
  ct_text_free(t);
  /* truncated: 10 bytes fewer than the size said */
  snprintf(want, sizeof want, "%s: changed while being read (expected %zu "
           "bytes, read %zu)", path, n + 10, n);
  expect_read_fail(read_changed(path, 10, 0, 1, &t, &err), CT_EIO, &t, &err,
                   want);
  /* growing: 5 bytes more */
  snprintf(want, sizeof want, "%s: changed while being read (expected %zu "
           "bytes, read %zu)", path, n - 5, n);
  expect_read_fail(read_changed(path, -5, 0, 1, &t, &err), CT_EIO, &t, &err,
                   want);
  /* every byte read, but the size moved before the read was over */
  snprintf(want, sizeof want, "%s: changed while being read (%zu bytes when "
           "opened, %zu after)", path, n + 1, n);
  expect_read_fail(read_changed(path, 1, 0, 0, &t, &err), CT_EIO, &t, &err,
                   want);
  /* rewritten in place: the same size, a new modification time */
  snprintf(want, sizeof want, "%s: changed while being read (modified "
           "during the read)", path);
  expect_read_fail(read_changed(path, 0, -1, 1, &t, &err), CT_EIO, &t, &err,
                   want);
  free(raw);
}

/* A real file changed between the stat and the read, through another
** descriptor, as a writer would change it: cut short, grown, then
** rewritten in place with the same size and a later time. */
static FILE *changed_file(char *path, const char *text, ct_file_state *fs,
                          int *fd) {
  FILE *f;
  assert_true((*fd = mkstemp(path)) >= 0);
  assert_int_equal(write(*fd, text, strlen(text)), (ssize_t)strlen(text));
  assert_non_null(f = fopen(path, "rb"));
  ct_file_state_of(f, fs);
  assert_int_equal(fs->known, 1);
  assert_int_equal(fs->left, strlen(text));
  return f;
}

static void changed_done(FILE *f, int fd, char *path) {
  fclose(f);
  close(fd);
  unlink(path);
  strcpy(path + strlen(path) - 6, "XXXXXX");   /* the template again */
}

static void test_changed_for_real(void **state) {
  static const char text[] = "Twenty bytes of text";
  const struct timespec later[2] = {{0, UTIME_OMIT}, {2000000000, 0}};
  char path[] = "/tmp/clausetag-changed.XXXXXX", want[256];
  ct_file_state fs;
  ct_text *t = NULL;
  ct_error err = {0};
  int fd;
  FILE *f;
  (void)state;
  f = changed_file(path, text, &fs, &fd);
  assert_int_equal(ftruncate(fd, 8), 0);
  snprintf(want, sizeof want, "%s: changed while being read (expected 20 "
           "bytes, read 8)", path);
  expect_read_fail(read_open(f, path, &fs, 100, &t, &err), CT_EIO, &t, &err,
                   want);
  changed_done(f, fd, path);

  f = changed_file(path, text, &fs, &fd);
  assert_int_equal(write(fd, " and more", 9), 9);
  snprintf(want, sizeof want, "%s: changed while being read (expected 20 "
           "bytes, read 29)", path);
  expect_read_fail(read_open(f, path, &fs, 100, &t, &err), CT_EIO, &t, &err,
                   want);
  changed_done(f, fd, path);

  f = changed_file(path, text, &fs, &fd);
  assert_int_equal(pwrite(fd, "Thirty", 6, 0), 6);
  assert_int_equal(futimens(fd, later), 0);
  snprintf(want, sizeof want, "%s: changed while being read (modified "
           "during the read)", path);
  expect_read_fail(read_open(f, path, &fs, 100, &t, &err), CT_EIO, &t, &err,
                   want);
  changed_done(f, fd, path);
}

static void test_changed_while_read_fd(void **state) {
  by_fd = 1;
  test_changed_while_read(state);
  by_fd = 0;
}

static void test_changed_for_real_fd(void **state) {
  by_fd = 1;
  test_changed_for_real(state);
  by_fd = 0;
}

/* The descriptor reader gives the bytes of files of 0 to 300 bytes (its
** buffer's room around the size, the padding after), and a file larger
** than its state said is read to its end, then reported as changed. */
static void test_read_fd_sizes(void **state) {
  char path[] = "/tmp/clausetag-fd.XXXXXX", buf[300], want[256];
  ct_file_state fs;
  ct_text *t = NULL;
  ct_error err = {0};
  size_t n, i;
  int fd;
  (void)state;
  for (i = 0; i < sizeof buf; i++) buf[i] = (char)('a' + i % 26);
  assert_true((fd = mkstemp(path)) >= 0);
  for (n = 0; n <= sizeof buf; n++) {
    struct stat st;
    assert_int_equal(ftruncate(fd, 0), 0);
    assert_int_equal(pwrite(fd, buf, n, 0), (ssize_t)n);
    assert_int_equal(fstat(fd, &st), 0);
    memset(&fs, 0, sizeof fs);
    fs.known = 1, fs.size = n, fs.left = n;
    fs.mtime_s = st.st_mtim.tv_sec, fs.mtime_ns = st.st_mtim.tv_nsec;
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    assert_int_equal(ct_text_read_fd(fd, path, &fs, CT_INVALID_ERROR, 1000,
                                     &t, &err), CT_OK);
    assert_int_equal(ct_text_size(t), n);
    assert_memory_equal(ct_text_data(t), buf, n);
    assert_int_equal(ct_text_data(t)[n], '\0');
    ct_text_free(t);
    if (n >= 1) {   /* said one byte shorter: read whole, then refused */
      fs.size = n - 1, fs.left = n - 1;
      assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
      snprintf(want, sizeof want, "%s: changed while being read (expected "
               "%zu bytes, read %zu)", path, n - 1, n);
      expect_read_fail(ct_text_read_fd(fd, path, &fs, CT_INVALID_ERROR, 1000,
                                       &t, &err), CT_EIO, &t, &err, want);
    }
  }
  close(fd);
  unlink(path);
}

/* Files under /proc say they hold 0 bytes and hold more: the size alone
** does not make a change. */
static void test_proc_file(void **state) {
  ct_text *t = NULL;
  ct_error err = {0};
  (void)state;
  if (access("/proc/self/stat", R_OK) != 0) skip();
  assert_int_equal(ct_text_read_file("/proc/self/stat", CT_INVALID_ERROR, &t,
                                     &err), CT_OK);
  assert_true(ct_text_size(t) > 0);
  ct_text_free(t);
}

/* ---- spans ----------------------------------------------------------- */

static void test_span(void **state) {
  static const char in[] =
      "  One\xC2\xA0two\t\tthree \r\n\r\n four\xE3\x80\x80\xE3\x80\x80" "five\r  ";
  ct_text *t = LOAD(in, CT_INVALID_ERROR);
  size_t n = sizeof in - 1;
  (void)state;
  expect_span(t, 0, n, 0, in);
  expect_span(t, 0, n, 1, "One two three four five");
  expect_span(t, 2, 5, 1, "One");
  expect_span(t, 2, 5, 0, "One");
  expect_span(t, 5, 7, 0, "\xC2\xA0");
  expect_span(t, 5, 7, 1, "");
  expect_span(t, 0, n + 100, 1, "One two three four five");   /* clamped */
  expect_span(t, 9, 3, 0, "");                                /* start > end */
  expect_span(t, n, n, 0, "");
  ct_text_free(t);
}

/* Hangul syllables are answered without utf8proc's tables (most of a
** Korean text): the answers are utf8proc's, over the whole block and
** the code points on either side of it. */
static void test_hangul_classes(void **state) {
  int32_t cp;
  (void)state;
  for (cp = 0xAC00 - 2; cp <= 0xD7A3 + 2; cp++) {
    utf8proc_category_t c = utf8proc_category(cp);
    int alpha = c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
    int digit = c == UTF8PROC_CATEGORY_ND;
    if (ct_cp_isalpha(cp) != alpha || ct_cp_isdigit(cp) != digit ||
        ct_cp_isalnum(cp) != (alpha || digit) ||
        ct_cp_isupper(cp) != (c == UTF8PROC_CATEGORY_LU ||
                              c == UTF8PROC_CATEGORY_LT) ||
        ct_cp_islower(cp) != (c == UTF8PROC_CATEGORY_LL) ||
        ct_cp_ismark(cp) != (c == UTF8PROC_CATEGORY_MN ||
                             c == UTF8PROC_CATEGORY_MC ||
                             c == UTF8PROC_CATEGORY_ME) ||
        ct_cp_isformat(cp) != (c == UTF8PROC_CATEGORY_CF) ||
        ct_cp_width(cp) != utf8proc_charwidth(cp))
      fail_msg("U+%04X", (unsigned)cp);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_ascii),
    cmocka_unit_test(test_multibyte),
    cmocka_unit_test(test_bom),
    cmocka_unit_test(test_bom_alone),
    cmocka_unit_test(test_bom_inside),
    cmocka_unit_test(test_lf),
    cmocka_unit_test(test_crlf),
    cmocka_unit_test(test_cr),
    cmocka_unit_test(test_mixed_line_ends),
    cmocka_unit_test(test_clamp),
    cmocka_unit_test(test_many_lines),
    cmocka_unit_test(test_long_lines),
    cmocka_unit_test(test_long_line_error),
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_blank),
    cmocka_unit_test(test_invalid_overlong),
    cmocka_unit_test(test_invalid_surrogate),
    cmocka_unit_test(test_invalid_above_max),
    cmocka_unit_test(test_invalid_truncated),
    cmocka_unit_test(test_invalid_stray),
    cmocka_unit_test(test_invalid_first_reported),
    cmocka_unit_test(test_invalid_columns),
    cmocka_unit_test(test_replace),
    cmocka_unit_test(test_span_cuts_character),
    cmocka_unit_test(test_nul),
    cmocka_unit_test(test_wide_mark),
    cmocka_unit_test(test_file),
    cmocka_unit_test(test_file_errors),
    cmocka_unit_test(test_null_error),
    cmocka_unit_test(test_stdin),
    cmocka_unit_test(test_cap_file),
    cmocka_unit_test(test_cap_pipe),
    cmocka_unit_test(test_endless_binary),
    cmocka_unit_test(test_cap_stdin),
    cmocka_unit_test(test_changed_while_read),
    cmocka_unit_test(test_changed_for_real),
    cmocka_unit_test(test_changed_while_read_fd),
    cmocka_unit_test(test_changed_for_real_fd),
    cmocka_unit_test(test_read_fd_sizes),
    cmocka_unit_test(test_proc_file),
    cmocka_unit_test(test_span),
    cmocka_unit_test(test_hangul_classes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
