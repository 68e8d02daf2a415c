/*
** test_output.c -- JSON escaping and the segment output formats.
**
** The writers run on texts from ct_text_from_buffer and hand-made clause
** arrays, so these tests fix the output formats without depending on
** where the segmenter puts its boundaries.
*/
#include <errno.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "clausetag.h"
#include "helpers.h"
#include "output/json.h"
#include "output/writer.h"

/* ---- helpers --------------------------------------------------------- */

static void expect_json(const char *in, size_t n, const char *want) {
  ct_buf b = {0};
  assert_int_equal(ct_json_string(&b, in, n), CT_OK);
  assert_string_equal(b.s, want);
  assert_int_equal(b.len, strlen(want));
  ct_buf_free(&b);
}

#define JSON(lit, want) expect_json(lit, sizeof lit - 1, want)

static ct_text *load(const char *name, const char *s, ct_invalid mode) {
  ct_text *t = NULL;
  ct_error err = {0};
  if (ct_text_from_buffer(name, s, strlen(s), mode, &t, &err) != CT_OK)
    fail_msg("unexpected error: %s", err.msg);
  return t;
}

/* A clause over the first occurrence of `needle` in the text. */
static ct_clause clause_at(const ct_text *t, const char *needle, size_t index,
                           ct_kind kind, int depth, size_t heading) {
  const char *d = ct_text_data(t), *p = strstr(d, needle);
  ct_clause c;
  if (p == NULL) fail_msg("'%s' not in the text", needle);
  memset(&c, 0, sizeof c);
  c.index = index;
  c.kind = kind;
  c.depth = depth;
  c.start = (size_t)(p - d);
  c.end = c.start + strlen(needle);
  c.heading = heading;
  ct_text_linecol(t, c.start, &c.line, &c.col);
  return c;
}

/* Runs the whole writer protocol into memory; returns the output. */
static char *write_all(const char *format, const ct_text *t,
                       const ct_clause *c, size_t n) {
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  const ct_format *fmt = ct_format_find(ct_segment_formats, format);
  ct_writer w;
  ct_error err = {0};
  assert_non_null(f);
  assert_non_null(fmt);
  ct_writer_init(&w, fmt, f);
  assert_int_equal(ct_writer_begin(&w, &err), CT_OK);
  assert_int_equal(ct_writer_document(&w, t, c, n, &err), CT_OK);
  assert_int_equal(ct_writer_end(&w, &err), CT_OK);
  assert_int_equal(w.records, n);
  ct_writer_free(&w);
  fclose(f);
  return out;
}

static void expect_output(const char *format, const ct_text *t,
                          const ct_clause *c, size_t n, const char *want) {
  char *got = write_all(format, t, c, n);
  assert_string_equal(got, want);
  free(got);
}

/* ---- JSON strings ---------------------------------------------------- */

static void test_json_plain(void **state) {
  (void)state;
  JSON("", "\"\"");
  JSON("We will cooperate.", "\"We will cooperate.\"");
}

static void test_json_quote_backslash(void **state) {
  (void)state;
  JSON("say \"no\"", "\"say \\\"no\\\"\"");
  JSON("C:\\dir\\", "\"C:\\\\dir\\\\\"");
  JSON("/", "\"/\"");   /* JSON allows \/ but does not need it */
}

static void test_json_controls(void **state) {
  (void)state;
  JSON("a\nb\rc\td", "\"a\\nb\\rc\\td\"");
  JSON("\b\f", "\"\\b\\f\"");
  JSON("\x01\x1f", "\"\\u0001\\u001f\"");
  JSON("x\0y", "\"x\\u0000y\"");
  JSON("\x7f", "\"\x7f\"");   /* DEL is not a JSON control */
}

static void test_json_non_ascii(void **state) {
  (void)state;
  JSON("caf\xc3\xa9", "\"caf\xc3\xa9\"");
  JSON("\xed\x83\x84\xec\x86\x8c\xec\xa4\x91\xeb\xa6\xbd",
       "\"\xed\x83\x84\xec\x86\x8c\xec\xa4\x91\xeb\xa6\xbd\"");
  JSON("a\xe2\x80\xa8" "b\xe2\x80\xa9", "\"a\xe2\x80\xa8" "b\xe2\x80\xa9\"");
  JSON("\xef\xbf\xbd", "\"\xef\xbf\xbd\"");
}

/* A file name can be any bytes: invalid UTF-8 becomes U+FFFD, one per
** maximal invalid sequence, so every line stays valid JSON (found by
** reading the code while fuzzing; tests/fuzz/README.md). */
static void test_json_invalid_utf8(void **state) {
  (void)state;
  JSON("bad\xff.txt", "\"bad\xef\xbf\xbd.txt\"");
  JSON("\xc3", "\"\xef\xbf\xbd\"");
  JSON("\xed\xa0\x80\"", "\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\\\"\"");
  JSON("\xe2\x82x\xc3\xa9", "\"\xef\xbf\xbdx\xc3\xa9\"");
}

static void expect_number(double v, const char *want) {
  ct_buf b = {0};
  assert_int_equal(ct_json_number(&b, v), CT_OK);
  assert_string_equal(b.s, want);
  ct_buf_free(&b);
}

/* Two `when`s returning 1e308 add up to an infinite score: JSON has no
** infinity, so the output must still parse (fuzz finding). */
static void test_json_number(void **state) {
  (void)state;
  expect_number(1, "1.0");
  expect_number(2.5, "2.5");
  expect_number(-1, "-1.0");
  expect_number(1e20, "1e+20");
  expect_number(HUGE_VAL, "1.79769e+308");
  expect_number(-HUGE_VAL, "-1.79769e+308");
  expect_number(NAN, "null");
}

static void test_json_appends(void **state) {
  ct_buf b = {0};
  (void)state;
  assert_int_equal(ct_buf_adds(&b, "{\"k\":"), CT_OK);
  assert_int_equal(ct_json_cstr(&b, "v\""), CT_OK);
  assert_int_equal(ct_buf_adds(&b, ",\"n\":"), CT_OK);
  assert_int_equal(ct_json_cstr(&b, NULL), CT_OK);
  assert_int_equal(ct_buf_addc(&b, '}'), CT_OK);
  assert_string_equal(b.s, "{\"k\":\"v\\\"\",\"n\":null}");
  ct_buf_free(&b);
}

/* ---- the format table ------------------------------------------------ */

static void test_format_find(void **state) {
  (void)state;
  assert_string_equal(ct_segment_formats[0]->name, "text");   /* default */
  assert_non_null(ct_format_find(ct_segment_formats, "text"));
  assert_non_null(ct_format_find(ct_segment_formats, "lines"));
  assert_non_null(ct_format_find(ct_segment_formats, "jsonl"));
  assert_null(ct_format_find(ct_segment_formats, "json"));
  assert_null(ct_format_find(ct_segment_formats, "TEXT"));
  assert_null(ct_format_find(ct_segment_formats, ""));
}

/* The names ct_writer_formats hands out are the tables', in order. */
static void check_names(const ct_format *const *t, const char *const *names) {
  for (; *t != NULL; t++, names++) {
    assert_non_null(*names);
    assert_string_equal((*t)->name, *names);
  }
  assert_null(*names);
}

static void test_format_names(void **state) {
  (void)state;
  check_names(ct_segment_formats, ct_segment_format_names);
  check_names(ct_classify_formats, ct_classify_format_names);
}

/* ---- the segment formats --------------------------------------------- */

static const char doc[] =
    "Commitment to Peace\n"
    "\n"
    "  - We will  work\n"
    "    together.\tAnd \"more\".\n"
    "\n"
    "Caf\xc3\xa9 talks end.\n";

/* Heading, a bullet over two lines, a bullet, a sentence after "é". */
static size_t doc_clauses(const ct_text *t, ct_clause c[4]) {
  c[0] = clause_at(t, "Commitment to Peace", 1, CT_KIND_HEADING, 0, 0);
  c[1] = clause_at(t, "We will  work\n    together.", 2, CT_KIND_BULLET, 1, 1);
  c[2] = clause_at(t, "And \"more\".", 3, CT_KIND_BULLET, 1, 1);
  c[3] = clause_at(t, "talks end.", 4, CT_KIND_SENTENCE, 0, 1);
  return 4;
}

static void test_text_format(void **state) {
  ct_text *t = load("docs/x.txt", doc, CT_INVALID_ERROR);
  ct_clause c[4];
  size_t n = doc_clauses(t, c);
  (void)state;
  expect_output("text", t, c, n,
                "docs/x.txt:1:1: heading: Commitment to Peace\n"
                "docs/x.txt:3:5: bullet: We will work together.\n"
                "docs/x.txt:4:15: bullet: And \"more\".\n"
                "docs/x.txt:6:6: sentence: talks end.\n");
  ct_text_free(t);
}

static void test_lines_format(void **state) {
  ct_text *t = load("x", doc, CT_INVALID_ERROR);
  ct_clause c[4];
  size_t n = doc_clauses(t, c);
  (void)state;
  expect_output("lines", t, c, n,
                "Commitment to Peace\n"
                "We will work together.\n"
                "And \"more\".\n"
                "talks end.\n");
  ct_text_free(t);
}

static void test_jsonl_format(void **state) {
  ct_text *t = load("docs/x.txt", doc, CT_INVALID_ERROR);
  ct_clause c[4];
  size_t n = doc_clauses(t, c);
  (void)state;
  expect_output("jsonl", t, c, n,
      "{\"file\":\"docs/x.txt\",\"clause\":1,\"line\":1,\"col\":1,"
      "\"start\":0,\"end\":19,\"kind\":\"heading\",\"depth\":0,"
      "\"heading\":null,\"text\":\"Commitment to Peace\"}\n"
      "{\"file\":\"docs/x.txt\",\"clause\":2,\"line\":3,\"col\":5,"
      "\"start\":25,\"end\":52,\"kind\":\"bullet\",\"depth\":1,"
      "\"heading\":\"Commitment to Peace\","
      "\"text\":\"We will  work\\n    together.\"}\n"
      "{\"file\":\"docs/x.txt\",\"clause\":3,\"line\":4,\"col\":15,"
      "\"start\":53,\"end\":64,\"kind\":\"bullet\",\"depth\":1,"
      "\"heading\":\"Commitment to Peace\",\"text\":\"And \\\"more\\\".\"}\n"
      "{\"file\":\"docs/x.txt\",\"clause\":4,\"line\":6,\"col\":6,"
      "\"start\":72,\"end\":82,\"kind\":\"sentence\",\"depth\":0,"
      "\"heading\":\"Commitment to Peace\",\"text\":\"talks end.\"}\n");
  ct_text_free(t);
}

/* jsonl text is the exact span: CRLF and tabs survive, escaped. */
static void test_jsonl_exact_span(void **state) {
  ct_text *t = load("crlf.txt", "One\r\ntwo\tthree.\r\n", CT_INVALID_ERROR);
  ct_clause c = clause_at(t, "One\r\ntwo\tthree.", 1, CT_KIND_SENTENCE, 0, 0);
  (void)state;
  expect_output("jsonl", t, &c, 1,
      "{\"file\":\"crlf.txt\",\"clause\":1,\"line\":1,\"col\":1,"
      "\"start\":0,\"end\":15,\"kind\":\"sentence\",\"depth\":0,"
      "\"heading\":null,\"text\":\"One\\r\\ntwo\\tthree.\"}\n");
  expect_output("lines", t, &c, 1, "One two three.\n");
  ct_text_free(t);
}

/* Under --invalid replace a bad byte is written as U+FFFD. */
static void test_invalid_replaced(void **state) {
  ct_text *t = load("r.txt", "Bad \xc3( byte.\n", CT_INVALID_REPLACE);
  ct_clause c = clause_at(t, "Bad", 1, CT_KIND_SENTENCE, 0, 0);
  (void)state;
  c.end = 12;
  expect_output("lines", t, &c, 1, "Bad \xef\xbf\xbd( byte.\n");
  expect_output("jsonl", t, &c, 1,
      "{\"file\":\"r.txt\",\"clause\":1,\"line\":1,\"col\":1,\"start\":0,"
      "\"end\":12,\"kind\":\"sentence\",\"depth\":0,\"heading\":null,"
      "\"text\":\"Bad \xef\xbf\xbd( byte.\"}\n");
  ct_text_free(t);
}

static void test_kind_line(void **state) {
  ct_text *t = load("-", "  one line  \n", CT_INVALID_ERROR);
  ct_clause c = clause_at(t, "one line", 1, CT_KIND_LINE, 0, 0);
  (void)state;
  expect_output("text", t, &c, 1, "-:1:3: line: one line\n");
  ct_text_free(t);
}

/* A heading found by its index even where the array does not start at 1
** (a caller's subset of a document). */
static void test_heading_by_index(void **state) {
  ct_text *t = load("h", "Title\n\nBody one.\n", CT_INVALID_ERROR);
  ct_clause c[2];
  char *out;
  (void)state;
  c[0] = clause_at(t, "Body one.", 8, CT_KIND_SENTENCE, 0, 5);
  c[1] = clause_at(t, "Title", 5, CT_KIND_HEADING, 0, 0);
  out = write_all("jsonl", t, c, 2);
  assert_non_null(strstr(out, "\"clause\":8,"));
  assert_non_null(strstr(out, "\"heading\":\"Title\",\"text\":\"Body one.\""));
  free(out);
  c[0].heading = 99;   /* not in the array: written as none */
  out = write_all("jsonl", t, c, 1);
  assert_non_null(strstr(out, "\"heading\":null,"));
  free(out);
  ct_text_free(t);
}

static void test_no_clauses(void **state) {
  ct_text *t = load("empty.txt", "", CT_INVALID_ERROR);
  (void)state;
  expect_output("text", t, NULL, 0, "");
  expect_output("jsonl", t, NULL, 0, "");
  ct_text_free(t);
}

/* ---- the writer ------------------------------------------------------ */

static int hook_calls;

static ct_status count_begin(ct_writer *w) {
  hook_calls++;
  return ct_buf_adds(&w->buf, "[");
}

static ct_status count_clause(ct_writer *w, const ct_record *r) {
  return ct_buf_printf(&w->buf, "%zu,", r->clauses[r->i].index);
}

static ct_status count_end(ct_writer *w) {
  hook_calls++;
  return ct_buf_printf(&w->buf, "%zu]", w->records);
}

/* Formats that wrap the whole run get begin and end, around all
** documents, with the record count known at the end. */
static void test_begin_end_hooks(void **state) {
  static const ct_format wrap = {"wrap", count_begin, count_clause, count_end,
                                 NULL, NULL, CT_HITS_NONE};
  ct_text *t = load("w", "A. B.\n", CT_INVALID_ERROR);
  ct_clause c[2];
  ct_writer w;
  ct_error err = {0};
  char *out = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&out, &len);
  (void)state;
  c[0] = clause_at(t, "A.", 1, CT_KIND_SENTENCE, 0, 0);
  c[1] = clause_at(t, "B.", 2, CT_KIND_SENTENCE, 0, 0);
  hook_calls = 0;
  ct_writer_init(&w, &wrap, f);
  assert_int_equal(ct_writer_begin(&w, &err), CT_OK);
  assert_int_equal(ct_writer_document(&w, t, c, 2, &err), CT_OK);
  assert_int_equal(ct_writer_document(&w, t, c + 1, 1, &err), CT_OK);
  assert_int_equal(ct_writer_end(&w, &err), CT_OK);
  ct_writer_free(&w);
  fclose(f);
  assert_int_equal(hook_calls, 2);
  assert_string_equal(out, "[1,2,2,3]");
  free(out);
  ct_text_free(t);
}

/* A full disk is reported once, with its errno, and stops the writer. */
static void test_write_error(void **state) {
  ct_text *t = load("x", doc, CT_INVALID_ERROR);
  ct_clause c[4];
  size_t n = doc_clauses(t, c), i;
  FILE *f = fopen("/dev/full", "w");
  ct_writer w;
  ct_error err = {0};
  ct_status s = CT_OK;
  (void)state;
  if (f == NULL) skip();
  ct_writer_init(&w, ct_segment_formats[0], f);
  for (i = 0; i < 10000 && s == CT_OK; i++)
    s = ct_writer_document(&w, t, c, n, &err);
  if (s == CT_OK) s = ct_writer_end(&w, &err);
  assert_int_equal(s, CT_EIO);
  assert_int_equal(w.errnum, ENOSPC);
  assert_string_equal(err.msg, "write error: No space left on device");
  assert_int_equal(ct_writer_document(&w, t, c, n, &err), CT_EIO);
  assert_int_equal(ct_writer_end(&w, &err), CT_EIO);
  ct_writer_free(&w);
  fclose(f);
  ct_text_free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_json_plain),
    cmocka_unit_test(test_json_quote_backslash),
    cmocka_unit_test(test_json_controls),
    cmocka_unit_test(test_json_non_ascii),
    cmocka_unit_test(test_json_invalid_utf8),
    cmocka_unit_test(test_json_number),
    cmocka_unit_test(test_json_appends),
    cmocka_unit_test(test_format_find),
      cmocka_unit_test(test_format_names),
    cmocka_unit_test(test_text_format),
    cmocka_unit_test(test_lines_format),
    cmocka_unit_test(test_jsonl_format),
    cmocka_unit_test(test_jsonl_exact_span),
    cmocka_unit_test(test_invalid_replaced),
    cmocka_unit_test(test_kind_line),
    cmocka_unit_test(test_heading_by_index),
    cmocka_unit_test(test_no_clauses),
    cmocka_unit_test(test_begin_end_hooks),
    cmocka_unit_test(test_write_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
