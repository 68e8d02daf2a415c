/*
** test_input.c -- the HTML and PDF readers and the source map.
**
** The offset test is the one that matters most: for every clause of an
** HTML page, the source range the library reports, parsed again on its
** own with libxml2 (tags and entities resolved, white space collapsed),
** must read as the clause text.  It runs on the feature page in
** tests/data and on every saved page in tests/docs.
*/
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <libxml/HTMLparser.h>
#include "clausetag.h"
#include "helpers.h"
#include "text/srcmap.h"

/* ---- helpers ------------------------------------------------------------ */

static ct_text *read_as(const char *path, ct_input_format f) {
  ct_text *t = NULL;
  ct_error err;
  ct_status st = ct_text_read_format(path, f, CT_INVALID_ERROR,
                                     CT_DEFAULT_MAX_DOCUMENT_BYTES, &t, &err);
  if (st != CT_OK) fail_msg("%s", err.msg);
  return t;
}

static ct_text *html(const char *s) {
  ct_text *t = NULL;
  ct_error err;
  if (ct_text_from_format("t.html", s, strlen(s), CT_INPUT_HTML,
                          CT_INVALID_ERROR, &t, &err) != CT_OK)
    fail_msg("%s", err.msg);
  return t;
}

/* White space collapsed to single spaces, ends trimmed, in place. */
static char *collapse(char *s) {
  char *o = s, *i = s;
  int sp = 0;
  for (; *i; i++) {
    int ws = *i == ' ' || *i == '\t' || *i == '\n' || *i == '\r' ||
             *i == '\f' || (i[0] == '\xC2' && i[1] == '\xA0');
    if (ws) {
      if (i[0] == '\xC2') i++;
      sp = o > s;
      continue;
    }
    if (sp) *o++ = ' ';
    sp = 0;
    *o++ = *i;
  }
  *o = '\0';
  return s;
}

/* The text a fragment of HTML shows, by libxml2's tree this time (not
** the reader's SAX walk): every text node under the fragment's body. */
static char *fragment_text(const char *src, size_t n) {
  char *copy = malloc(2 * n + 1), *o = copy;
  size_t i;
  htmlDocPtr doc;
  /* a line break shows as white space, as the reader's \n does */
  for (i = 0; i < n; i++) {
    if (src[i] == '<' && i + 3 <= n && strncmp(src + i, "<br", 3) == 0)
      *o++ = ' ';
    *o++ = src[i];
  }
  doc = htmlReadMemory(copy, (int)(o - copy), NULL, "UTF-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                       HTML_PARSE_NONET);
  free(copy);
  xmlChar *c = doc ? xmlNodeGetContent(xmlDocGetRootElement(doc)) : NULL;
  char *s = strdup(c ? (const char *)c : "");
  xmlFree(c);
  if (doc) xmlFreeDoc(doc);
  return collapse(s);
}

typedef struct clauses {
  ct_clause *v;
  size_t n;
} clauses;

static clauses cut(const ct_text *t) {
  clauses c;
  ct_error err;
  ct_abbrevs *ab = ct_abbrevs_new(1);
  if (ct_segment(t, ab, &c.v, &c.n, &err) != CT_OK) fail_msg("%s", err.msg);
  ct_abbrevs_free(ab);
  return c;
}

static char *clause_text(const ct_text *t, const ct_clause *c) {
  return ct_text_span(t, c->start, c->end, 1);
}

/* Every clause's source range reads as the clause. */
static void check_offsets(const char *path) {
  ct_text *t = read_as(path, CT_INPUT_HTML);
  const ct_text *src = t->src;
  clauses c = cut(t);
  size_t k;
  assert_non_null(src);
  assert_true(c.n > 0);
  for (k = 0; k < c.n; k++) {
    size_t a, b, line, col;
    char *want = clause_text(t, &c.v[k]), *got;
    ct_text_source_span(t, c.v[k].start, c.v[k].end, &a, &b);
    assert_true(a < b && b <= ct_text_size(src));
    got = fragment_text(ct_text_data(src) + a, b - a);
    if (strcmp(want, got) != 0)
      fail_msg("%s clause %zu: [%zu,%zu) reads \"%s\", clause \"%s\"", path,
               k + 1, a, b, got, want);
    ct_text_source_linecol(t, a, &line, &col);
    assert_int_equal(line, c.v[k].line);
    assert_int_equal(col, c.v[k].col);
    free(want);
    free(got);
  }
  free(c.v);
  ct_text_free(t);
}

/* ---- the source map ------------------------------------------------------ */

static void test_map_copy_and_whole(void **state) {
  ct_srcmap m;
  ct_text *src, *t;
  ct_error err;
  size_t a, b;
  (void)state;
  memset(&m, 0, sizeof m);
  /* source "ab&amp;cd" -> text "ab&cd" */
  assert_int_equal(ct_text_from_buffer("s", "ab&amp;cd", 9, CT_INVALID_ERROR,
                                       &src, &err), CT_OK);
  ct_srcmap_add(&m, "ab", 2, 0, 2);
  ct_srcmap_add(&m, "&", 1, 2, 5);
  ct_srcmap_add(&m, "cd", 2, 7, 2);
  assert_int_equal(ct_srcmap_finish(&m, src, CT_INPUT_HTML, &t, &err), CT_OK);
  assert_string_equal(ct_text_data(t), "ab&cd");
  ct_text_source_span(t, 0, 5, &a, &b);
  assert_int_equal(a, 0), assert_int_equal(b, 9);
  ct_text_source_span(t, 1, 2, &a, &b);   /* "b": byte for byte */
  assert_int_equal(a, 1), assert_int_equal(b, 2);
  ct_text_source_span(t, 2, 3, &a, &b);   /* "&": the whole entity */
  assert_int_equal(a, 2), assert_int_equal(b, 7);
  ct_text_source_span(t, 3, 5, &a, &b);
  assert_int_equal(a, 7), assert_int_equal(b, 9);
  assert_int_equal(ct_text_format(t), CT_INPUT_HTML);
  assert_int_equal(ct_text_page(t, 0), 0);
  ct_text_free(t);
}

static void test_map_space_break_trim(void **state) {
  ct_srcmap m;
  ct_text *src, *t;
  ct_error err;
  size_t a, b;
  (void)state;
  memset(&m, 0, sizeof m);
  assert_int_equal(ct_text_from_buffer("s", "x   y <p>z", 10, CT_INVALID_ERROR,
                                       &src, &err), CT_OK);
  ct_srcmap_break(&m, 0, 2);            /* nothing at the start */
  ct_srcmap_add(&m, "x", 1, 0, 1);
  ct_srcmap_space(&m, 1, 3);
  ct_srcmap_space(&m, 1, 3);            /* collapses */
  ct_srcmap_add(&m, "y", 1, 4, 1);
  ct_srcmap_space(&m, 5, 1);
  ct_srcmap_break(&m, 9, 2);            /* trailing space dropped */
  ct_srcmap_add(&m, "z", 1, 9, 1);
  assert_int_equal(ct_srcmap_finish(&m, src, CT_INPUT_HTML, &t, &err), CT_OK);
  assert_string_equal(ct_text_data(t), "x y\n\nz");
  ct_text_source_span(t, 0, 3, &a, &b);
  assert_int_equal(a, 0), assert_int_equal(b, 5);
  ct_text_source_span(t, 5, 6, &a, &b);
  assert_int_equal(a, 9), assert_int_equal(b, 10);
  ct_text_free(t);
}

/* Plain text answers with its own offsets. */
static void test_map_identity(void **state) {
  ct_text *t;
  ct_error err;
  size_t a, b, line, col;
  (void)state;
  assert_int_equal(ct_text_from_buffer("t", "ab\ncd", 5, CT_INVALID_ERROR, &t,
                                       &err), CT_OK);
  ct_text_source_span(t, 1, 4, &a, &b);
  assert_int_equal(a, 1), assert_int_equal(b, 4);
  ct_text_source_linecol(t, 4, &line, &col);
  assert_int_equal(line, 2), assert_int_equal(col, 2);
  assert_int_equal(ct_text_format(t), CT_INPUT_TEXT);
  ct_text_free(t);
}

static void test_format_of(void **state) {
  (void)state;
  assert_int_equal(ct_input_format_of("a/b.html"), CT_INPUT_HTML);
  assert_int_equal(ct_input_format_of("B.HTM"), CT_INPUT_HTML);
  assert_int_equal(ct_input_format_of("x.pdf"), CT_INPUT_PDF);
  assert_int_equal(ct_input_format_of("x.txt"), CT_INPUT_TEXT);
  assert_int_equal(ct_input_format_of(".pdf"), CT_INPUT_TEXT);
  assert_int_equal(ct_input_format_of("-"), CT_INPUT_TEXT);
  assert_string_equal(ct_input_format_name(CT_INPUT_PDF), "pdf");
}

/* ---- HTML ---------------------------------------------------------------- */

static void expect_clauses(const char *page, const char *const *want,
                           const ct_kind *kinds) {
  ct_text *t = html(page);
  clauses c = cut(t);
  size_t k;
  for (k = 0; want[k] != NULL; k++) {
    char *s;
    if (k >= c.n) fail_msg("clause %zu missing: %s", k + 1, want[k]);
    s = clause_text(t, &c.v[k]);
    assert_string_equal(s, want[k]);
    if (kinds) assert_int_equal(c.v[k].kind, kinds[k]);
    free(s);
  }
  assert_int_equal(c.n, k);
  free(c.v);
  ct_text_free(t);
}

static void test_html_structure(void **state) {
  static const char *const want[] = {
    "Title here", "First sentence.", "Second one.", "Bold Heading",
    "Item one.", "Nested item.", "Item two", NULL
  };
  static const ct_kind kinds[] = {
    CT_KIND_HEADING, CT_KIND_SENTENCE, CT_KIND_SENTENCE, CT_KIND_HEADING,
    CT_KIND_BULLET, CT_KIND_BULLET, CT_KIND_BULLET
  };
  (void)state;
  expect_clauses("<h3>Title  here</h3><p>First sentence. Second one.</p>"
                 "<p><b>Bold Heading</b></p><ol><li>Item one.<ul><li>"
                 "Nested item.</li></ul></li><li>Item two</li></ol>",
                 want, kinds);
}

static void test_html_depth(void **state) {
  ct_text *t = html("<ul><li>a<ul><li>b<ol><li>c</li></ol></li></ul></li>"
                    "<li>d</li></ul>");
  clauses c = cut(t);
  (void)state;
  assert_int_equal(c.n, 4);
  assert_int_equal(c.v[0].depth, 1);
  assert_int_equal(c.v[1].depth, 2);
  assert_int_equal(c.v[2].depth, 3);
  assert_int_equal(c.v[3].depth, 1);
  free(c.v);
  ct_text_free(t);
}

/* Furniture and hidden elements never reach the text, however nested. */
static void test_html_dropped(void **state) {
  static const char *const want[] = {"Kept.", "Also kept.", NULL};
  (void)state;
  expect_clauses(
      "<header><h1>Site</h1></header><nav>Home News</nav><aside>Share</aside>"
      "<p>Kept.</p><footer><p>Privacy</p></footer><form>Search</form>"
      "<button>Listen</button><script>x()</script><style>p{}</style>"
      "<noscript>JS</noscript><div hidden><p>h</p></div>"
      "<div aria-hidden=\"true\">a</div><p style=\"x:y;display:none\">d</p>"
      "<p style=\"visibility: hidden\">v</p><div aria-hidden=\"false\">"
      "Also kept.</div>", want, NULL);
}

/* <br> ends a line; a short line before a capitalized one ends a unit. */
static void test_html_br(void **state) {
  static const char *const want[] = {
    "Washington, DC", "The two leaders met today and agreed on a plan.",
    "A line broken by the author keeps going.", NULL
  };
  ct_text *t;
  clauses c;
  char *s;
  (void)state;
  expect_clauses("<p>Washington, DC<br>The two leaders met today and agreed"
                 " on a plan.</p><p>A line broken<br>by the author keeps "
                 "going.</p>", want, NULL);
  t = html("<p>One<br><br>Two.</p>");
  c = cut(t);
  s = ct_text_span(t, c.v[0].start, c.v[c.n - 1].end, 0);
  assert_non_null(strstr(s, "One\n"));
  free(s);
  free(c.v);
  ct_text_free(t);
}

static void test_html_entities(void **state) {
  static const char *const want[] = {
    "AT&T said “yes” — café ok.", NULL
  };
  ct_text *t;
  clauses c;
  size_t a, b;
  (void)state;
  expect_clauses("<p>AT&amp;T said &ldquo;yes&rdquo; &#x2014; caf&eacute;"
                 "&nbsp;ok.</p>", want, NULL);
  /* a clause starting and ending at entities maps to their whole text */
  t = html("<p>&ldquo;Quoted.&rdquo;</p>");
  c = cut(t);
  ct_text_source_span(t, c.v[0].start, c.v[0].end, &a, &b);
  assert_int_equal(a, 3);
  assert_int_equal(b, 3 + strlen("&ldquo;Quoted.&rdquo;"));
  free(c.v);
  ct_text_free(t);
}

/* A declared charset is ignored: the bytes are the file's UTF-8. */
static void test_html_charset_ignored(void **state) {
  static const char *const want[] = {"Caf\xC3\xA9 \xED\x95\x9C\xEA\xB5\xAD.",
                                     NULL};
  (void)state;
  expect_clauses("<meta charset=\"iso-8859-1\"><p>Caf\xC3\xA9 "
                 "\xED\x95\x9C\xEA\xB5\xAD.</p>", want, NULL);
}

static void test_html_invalid(void **state) {
  ct_text *t = NULL;
  ct_error err;
  clauses c;
  char *s;
  (void)state;
  assert_int_equal(ct_text_from_format("bad.html", "<p>a\xFF b.</p>", 11,
                                       CT_INPUT_HTML, CT_INVALID_ERROR, &t,
                                       &err), CT_EUTF8);
  assert_string_equal(err.msg, "bad.html:1:5: invalid UTF-8 (byte 0xFF)");
  assert_null(t);
  assert_int_equal(ct_text_from_format("bad.html", "<p>a\xFF b.</p>", 11,
                                       CT_INPUT_HTML, CT_INVALID_REPLACE, &t,
                                       &err), CT_OK);
  c = cut(t);
  s = clause_text(t, &c.v[0]);
  assert_string_equal(s, "a\xEF\xBF\xBD b.");
  free(s);
  free(c.v);
  ct_text_free(t);
  assert_int_equal(ct_text_from_format("nul.html", "<p>a\0b</p>", 9,
                                       CT_INPUT_HTML, CT_INVALID_ERROR, &t,
                                       &err), CT_EBINARY);
}

static void test_html_empty(void **state) {
  ct_text *t = html("<html><head><title>x</title></head><body> </body>");
  clauses c = cut(t);
  (void)state;
  assert_int_equal(c.n, 0);
  free(c.v);
  ct_text_free(t);
}

/* Deep nesting and broken markup: no crash, text kept in order. */
static void test_html_hostile(void **state) {
  size_t n = 20000, k;
  char *s = malloc(n * 5 + 64), *p = s;
  ct_text *t;
  clauses c;
  (void)state;
  for (k = 0; k < n; k++) p += sprintf(p, "<div>");
  strcpy(p, "Deep text.</p></li></td><<>>&bogus; end");
  t = html(s);
  c = cut(t);
  assert_true(c.n >= 1);
  free(c.v);
  ct_text_free(t);
  free(s);
}

static void test_html_offsets_fixture(void **state) {
  (void)state;
  check_offsets("tests/data/html_page.html");
}

/* Every saved page under tests/docs. */
static void test_html_offsets_real_pages(void **state) {
  DIR *d = opendir("tests/docs");
  struct dirent *e;
  int pages = 0;
  (void)state;
  assert_non_null(d);
  while ((e = readdir(d)) != NULL) {
    char path[512];
    if (ct_input_format_of(e->d_name) != CT_INPUT_HTML) continue;
    snprintf(path, sizeof path, "tests/docs/%s", e->d_name);
    check_offsets(path);
    pages++;
  }
  closedir(d);
  print_message("checked %d saved pages\n", pages);
}

/* The source line and column are the file's. */
static void test_html_linecol(void **state) {
  ct_text *t = html("<html>\n<body>\n  <p>\n    Caf\xC3\xA9 ok. Second.</p>");
  clauses c = cut(t);
  (void)state;
  assert_int_equal(c.n, 2);
  assert_int_equal(c.v[0].line, 4), assert_int_equal(c.v[0].col, 5);
  assert_int_equal(c.v[1].line, 4), assert_int_equal(c.v[1].col, 14);
  free(c.v);
  ct_text_free(t);
}

/* ---- PDF ------------------------------------------------------------------ */

#define FR "tests/docs/federal-register-2020-17221.pdf"

static int any_clause_has(const ct_text *t, const clauses *c,
                          const char *needle) {
  size_t k;
  int found = 0;
  for (k = 0; !found && k < c->n; k++) {
    char *s = clause_text(t, &c->v[k]);
    found = strstr(s, needle) != NULL;
    free(s);
  }
  return found;
}

static void test_pdf_real(void **state) {
  ct_text *t = read_as(FR, CT_INPUT_PDF);
  clauses c = cut(t);
  size_t k, last_page = 1;
  (void)state;
  assert_int_equal(ct_text_format(t), CT_INPUT_PDF);
  assert_true(c.n > 100);
  /* running heads, printer's lines and margin notes of every page */
  assert_false(any_clause_has(t, &c, "Federal Register / Vol. 85"));
  assert_false(any_clause_has(t, &c, "VerDate"));
  assert_false(any_clause_has(t, &c, "DSKJLSW7X2PROD"));
  /* pages go 1..15 in order, lines count within the page */
  for (k = 0; k < c.n; k++) {
    size_t page = ct_text_page(t, c.v[k].start);
    assert_true(page >= last_page && page <= 15);
    assert_true(c.v[k].line >= 1 && c.v[k].line < 400);
    last_page = page;
  }
  assert_int_equal(last_page, 15);
  free(c.v);
  ct_text_free(t);
}

/* Clause text is the text layer's, with joined hyphens and synthetic
** indentation aside: every letter comes from the source range, in order. */
static void test_pdf_offsets(void **state) {
  ct_text *t = read_as(FR, CT_INPUT_PDF);
  clauses c = cut(t);
  const char *layer = ct_text_data(t->src);
  size_t k;
  (void)state;
  for (k = 0; k < c.n; k++) {
    size_t a, b, i;
    char *s = clause_text(t, &c.v[k]);
    const char *p;
    ct_text_source_span(t, c.v[k].start, c.v[k].end, &a, &b);
    for (i = a, p = s; *p; p++) {
      if (*p == ' ') continue;
      while (i < b && layer[i] != *p) i++;
      if (i == b) fail_msg("clause %zu \"%s\" not in [%zu,%zu)", k + 1, s, a, b);
      i++;
    }
    free(s);
  }
  free(c.v);
  ct_text_free(t);
}

static void expect_fail(const char *name, const void *data, size_t len,
                        ct_status want, const char *msg) {
  ct_text *t = NULL;
  ct_error err;
  assert_int_equal(ct_text_from_format(name, data, len, CT_INPUT_PDF,
                                       CT_INVALID_ERROR, &t, &err), want);
  assert_null(t);
  assert_non_null(strstr(err.msg, msg));
}

static void test_pdf_bad(void **state) {
  size_t n;
  char *enc = th_read_file("tests/bad/input/encrypted.pdf", &n);
  (void)state;
  expect_fail("enc.pdf", enc, n, CT_ESYNTAX, "enc.pdf: encrypted PDF");
  free(enc);
  expect_fail("x.pdf", "Not a PDF at all.\n", 18, CT_ESYNTAX,
              "x.pdf: not a PDF poppler can read");
  expect_fail("e.pdf", "", 0, CT_ESYNTAX, "e.pdf: not a PDF");
  enc = th_read_file(FR, &n);
  expect_fail("cut.pdf", enc, n / 3, CT_ESYNTAX, "cut.pdf:");
  free(enc);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_map_copy_and_whole),
    cmocka_unit_test(test_map_space_break_trim),
    cmocka_unit_test(test_map_identity),
    cmocka_unit_test(test_format_of),
    cmocka_unit_test(test_html_structure),
    cmocka_unit_test(test_html_depth),
    cmocka_unit_test(test_html_dropped),
    cmocka_unit_test(test_html_br),
    cmocka_unit_test(test_html_entities),
    cmocka_unit_test(test_html_charset_ignored),
    cmocka_unit_test(test_html_invalid),
    cmocka_unit_test(test_html_empty),
    cmocka_unit_test(test_html_hostile),
    cmocka_unit_test(test_html_linecol),
    cmocka_unit_test(test_html_offsets_fixture),
    cmocka_unit_test(test_html_offsets_real_pages),
    cmocka_unit_test(test_pdf_real),
    cmocka_unit_test(test_pdf_offsets),
    cmocka_unit_test(test_pdf_bad),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
