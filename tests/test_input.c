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
#include "text/utf8.h"

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

/* A block taken back leaves the text and the runs as they were before
** it, even where its first bytes had joined the run before. */
static void test_map_drop_block(void **state) {
  ct_srcmap m;
  ct_text *src, *t;
  ct_error err;
  size_t a, b;
  (void)state;
  memset(&m, 0, sizeof m);
  assert_int_equal(ct_text_from_buffer("s", "keep gone", 9, CT_INVALID_ERROR,
                                       &src, &err), CT_OK);
  ct_srcmap_block(&m, CT_BLOCK_PARAGRAPH, 0);
  ct_srcmap_add(&m, "keep", 4, 0, 4);
  ct_srcmap_end_block(&m);
  ct_srcmap_block(&m, CT_BLOCK_PARAGRAPH, 0);
  ct_srcmap_add(&m, " gone", 5, 4, 5);        /* joins the run of "keep" */
  assert_int_equal(m.nruns, 1);
  ct_srcmap_drop_block(&m);
  assert_int_equal(m.nblocks, 1);
  ct_srcmap_drop_block(&m);                   /* nothing open: nothing */
  assert_int_equal(m.nblocks, 1);
  assert_int_equal(ct_srcmap_finish(&m, src, CT_INPUT_HTML, &t, &err), CT_OK);
  assert_string_equal(ct_text_data(t), "keep");
  ct_text_source_span(t, 0, 4, &a, &b);
  assert_int_equal(a, 0), assert_int_equal(b, 4);
  ct_text_free(t);
}

/* Truncating to a mark inside an open block opens it again; text, runs
** and blocks after the mark go. */
static void test_map_truncate(void **state) {
  ct_srcmap m;
  ct_srcmark k;
  ct_text *src, *t;
  ct_error err;
  size_t a, b;
  (void)state;
  memset(&m, 0, sizeof m);
  assert_int_equal(ct_text_from_buffer("s", "ab cd ef", 8, CT_INVALID_ERROR,
                                       &src, &err), CT_OK);
  ct_srcmap_block(&m, CT_BLOCK_PARAGRAPH, 0);
  ct_srcmap_add(&m, "ab ", 3, 0, 3);
  ct_srcmap_mark(&m, &k);
  ct_srcmap_add(&m, "cd", 2, 3, 2);            /* joins the run of "ab " */
  ct_srcmap_end_block(&m);
  ct_srcmap_break(&m, 5, 2);
  ct_srcmap_block(&m, CT_BLOCK_HEADING, 0);
  ct_srcmap_add(&m, "x", 1, 5, 1);
  ct_srcmap_truncate(&m, &k);
  assert_int_equal(m.nblocks, 1);
  assert_true(m.open);
  ct_srcmap_add(&m, "ef", 2, 6, 2);
  assert_int_equal(ct_srcmap_finish(&m, src, CT_INPUT_HTML, &t, &err), CT_OK);
  assert_string_equal(ct_text_data(t), "ab ef");
  assert_int_equal(t->nblocks, 1);
  assert_int_equal(t->blocks[0].end, 5);
  ct_text_source_span(t, 0, 5, &a, &b);
  assert_int_equal(a, 0), assert_int_equal(b, 8);
  ct_text_source_span(t, 3, 5, &a, &b);
  assert_int_equal(a, 6), assert_int_equal(b, 8);
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

/* A heading in capitals glued to its paragraph's first sentence is cut
** off as in plain text; a run-in heading with a colon stays. */
static void test_html_glued_heading(void **state) {
  static const char *const want[] = {
    "NEW COMMITMENTS", "The following companies will invest.",
    "Clean Energy: The two will build.", NULL
  };
  static const ct_kind kinds[] = {
    CT_KIND_HEADING, CT_KIND_SENTENCE, CT_KIND_SENTENCE
  };
  (void)state;
  expect_clauses("<p><strong>NEW COMMITMENTS</strong> The following "
                 "companies will invest.</p><p><b>Clean Energy:</b> The two "
                 "will build.</p>", want, kinds);
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

/* Furniture known by its role, its class or id, or by being nothing but
** links; never the page or its main content, whatever their class. */
static void test_html_furniture(void **state) {
  static const char *const want[] = {
    "Kept heading", "Kept.", "A sentence with a link and words.",
    "Read the statement", "AnchorOnly", "In the sidebar body.", "Main text.",
    "Article text.", "In a layout.", "Item one", "Item two", NULL
  };
  (void)state;
  expect_clauses(
      "<body class=\"one-sidebar sidebar-first\">"
      "<div role=\"navigation\"><h2>Menu heading</h2></div>"
      "<div role=\"banner\">Site</div><div role=\"search\">Find</div>"
      "<div role=\"contentinfo\">Contact</div><p role=\"button\">Go</p>"
      "<p><a class=\"element-invisible\" href=\"#c\">Jump to content</a></p>"
      "<span class=\"sr-only\">Screen reader only</span>"
      "<div class=\"pane-menu-block-secondary-nav\"><h2>Briefing Room</h2>"
      "<ul class=\"menu\"><li><a href=\"/a\">A</a></li></ul></div>"
      "<div id=\"section-share-wrapper\">Share This: Twitter</div>"
      "<div class=\"social-links\">Follow</div>"
      "<div class=\"global-nav-modal\">Navigation</div>"
      "<div class=\"node-person-teaser\"><h3>Author Name</h3></div>"
      "<a class=\"tout-wrapper\" href=\"/x\"><h2>Promo heading</h2></a>"
      "<div class=\"breadcrumb\">Home</div><div id=\"footer\">Privacy</div>"
      "<div class=\"usa-banner\">An official website</div>"
      "<div class=\"header\">Logo</div>"
      "<h1 class=\"page-header\">Kept heading</h1><p>Kept.</p>"
      "<p><a href=\"/mp4\">MP4</a><a href=\"/mp3\">MP3</a></p>"
      "<p><a href=\"/t\">Twitter</a> | <a href=\"/f\">Facebook</a> \xC2\xB7 "
      "<a href=\"/e\">Email</a></p>"
      "<p>A sentence with <a href=\"/l\">a link</a> and words.</p>"
      "<p><a href=\"/s\">Read the statement</a></p>"
      "<p><a name=\"x\">Anchor</a><a name=\"y\">Only</a></p>"
      "<main class=\"main-menu\"><p>In the sidebar body.</p>"
      "<p class=\"navigable\">Main text.</p></main>"
      "<article class=\"related-share\"><p>Article text.</p></article>"
      "<div class=\"layout has-sidebar\"><div id=\"with-nav\">"
      "<p class=\"no-share two-sidebar\">In a layout.</p></div></div>"
      "<div class=\"has-x sidebar\">Sidebar</div>"
      "<ul><li><a href=\"/1\">Item one</a></li>"
      "<li><a href=\"/2\">Item two</a></li></ul></body>",
      want, NULL);
}

/* An element named as furniture by its class goes at its end, unless it
** held half of the page's letters: then it was the page's wrapper, named
** after its layout.  Inline ones go too, the sentence around them kept. */
static void test_html_named_wrapper(void **state) {
  static const char *const want[] = {
    "Statement on Clean Energy",
    "The two sides agreed to cooperate on clean energy and on health.",
    "Text before and after.", NULL
  };
  (void)state;
  expect_clauses(
      "<div class=\"st_menu_under st_sidebar_on_right\">"
      "<div class=\"menu\"><h2>Home</h2><a href=\"/\">About us</a></div>"
      "<h1>Statement on Clean Energy</h1><p>The two sides agreed to cooperate"
      " on clean energy and on health.</p><p>Text before <span class=\"share"
      "-label\">Share</span> and after.</p></div>"
      "<div class=\"related\"><h2>Other news from the White House</h2></div>",
      want, NULL);
}

/* <br> ends a line, never a clause by itself: a short line without final
** punctuation before a capitalized one ends a unit, as in a plain-text
** paragraph.  Inside a clause the break stays in its text and its source
** range runs across the tag.  Two in a row end the paragraph. */
static void test_html_br(void **state) {
  static const char *const want[] = {
    "Washington, DC", "The two leaders met today and agreed on a plan.",
    "A line broken by the author keeps going.", NULL
  };
  static const char *const two[] = {
    "The first part", "ends here.", "Item", "and more", NULL
  };
  const char *page = "<p>A line<br>broken.</p>";
  ct_text *t;
  clauses c;
  char *s;
  size_t a, b;
  (void)state;
  expect_clauses("<p>Washington, DC<br>The two leaders met today and agreed"
                 " on a plan.</p><p>A line broken<br>by the author keeps "
                 "going.</p>", want, NULL);
  t = html(page);
  c = cut(t);
  assert_int_equal(c.n, 1);
  s = ct_text_span(t, c.v[0].start, c.v[0].end, 0);
  assert_string_equal(s, "A line\nbroken.");
  free(s);
  ct_text_source_span(t, c.v[0].start, c.v[0].end, &a, &b);
  assert_int_equal(a, 3), assert_int_equal(b, strlen(page) - 4);
  free(c.v);
  ct_text_free(t);
  expect_clauses("<p>The first part<br> <br>\nends here.</p>"
                 "<ul><li>Item<br><br><br>and more</li></ul>", two, NULL);
  t = html("<p>One<br><br>Two.</p>");
  c = cut(t);
  s = ct_text_span(t, c.v[0].start, c.v[c.n - 1].end, 0);
  assert_non_null(strstr(s, "One\n"));
  free(s);
  free(c.v);
  ct_text_free(t);
}

/* A pre element keeps its line ends: its lines read as a plain-text
** paragraph's (a short title line ends a unit, a wrapped sentence runs
** on) and an empty line ends the paragraph; its other white space is one
** space.  The source range of a clause still spans its own bytes. */
static void test_html_pre(void **state) {
  static const char *const want[] = {
    "Article 1", "The Parties shall cooperate on health.",
    "Article 2 covers trade.", "Next.", NULL
  };
  static const char *const flat[] = {
    "Article 1 The Parties shall cooperate on health.", NULL
  };
  const char *page = "<pre>\nArticle 1\n   The Parties shall cooperate\n"
                     "   on health.\n\n\nArticle 2   covers trade.\r\n\r\n"
                     "Next.\n</pre>";
  ct_text *t;
  clauses c;
  size_t a, b;
  (void)state;
  expect_clauses(page, want, NULL);
  /* outside pre the same text runs together */
  expect_clauses("<p>Article 1\n   The Parties shall cooperate\n   on health."
                 "</p>", flat, NULL);
  t = html(page);
  c = cut(t);
  ct_text_source_span(t, c.v[1].start, c.v[1].end, &a, &b);
  assert_int_equal(a, strstr(page, "The Parties") - page);
  assert_int_equal(b, strstr(page, "health.") - page + 7);
  free(c.v);
  ct_text_free(t);
}

/* A superscript note reference goes: a number or sign after a word or a
** sentence's end.  An exponent (after a digit), an ordinal's letters and
** a note's own number at the start of its paragraph stay. */
static void test_html_note_marks(void **state) {
  static const char *const want[] = {
    "We signed the agreement with Korea.", "It grows 10 6 times.",
    "On July 1st the plan.", "Next, trade.", "Then health.",
    "1 See the annex.", NULL
  };
  (void)state;
  expect_clauses("<p>We signed the agreement<sup><a href=\"#fn2\">2</a></sup>"
                 " with Korea. It grows 10 <sup>6</sup> times. On July 1<sup>"
                 "st</sup> the plan.<sup>*</sup> Next, trade.<sup> 3-5 </sup>"
                 " Then health.</p><p><sup>1</sup> See the annex.</p>",
                 want, NULL);
}

/* Bold by style is bold (pages saved from word processors write
** <span style="font-weight:bold"> for <b>); a <b> whose style says normal
** is not. */
static void test_html_style_bold(void **state) {
  static const ct_kind kinds[] = {
    CT_KIND_HEADING, CT_KIND_SENTENCE, CT_KIND_HEADING, CT_KIND_SENTENCE,
    CT_KIND_HEADING, CT_KIND_SENTENCE, CT_KIND_SENTENCE, CT_KIND_SENTENCE
  };
  (void)state;
  expect_clauses("<p><span style=\"font-family: Arial; FONT-WEIGHT : Bold\">"
                 "Economic Security</span></p><p>They will cooperate.</p>"
                 "<p style=\"font-weight:700\">Health</p><p>On vaccines.</p>"
                 "<div><span style=\"font: bold 12px serif\">Climate</span>"
                 "</div><p>On emissions.</p>"
                 "<p><b style=\"font-weight:normal\">Not a title</b></p>"
                 "<p><span style=\"font-weight:400\">Nor this</span></p>",
                 (const char *const[]){"Economic Security",
                                       "They will cooperate.", "Health",
                                       "On vaccines.", "Climate",
                                       "On emissions.", "Not a title",
                                       "Nor this", NULL},
                 kinds);
}

/* The lines of a bold title block after its first are not headings: a
** place or a date would otherwise be the section of what follows. */
static void test_html_bold_title_block(void **state) {
  static const char *const want[] = {
    "Remarks of the President", "The White House", "May 21, 2021",
    "Good afternoon.", "Second Heading", "Text.", NULL
  };
  static const ct_kind kinds[] = {   /* the date line is furniture */
    CT_KIND_HEADING, CT_KIND_SENTENCE, CT_KIND_LINE, CT_KIND_SENTENCE,
    CT_KIND_HEADING, CT_KIND_SENTENCE
  };
  (void)state;
  expect_clauses("<p><strong>Remarks of the President</strong></p>"
                 "<p><strong>The White House</strong></p>"
                 "<p><b>May 21, 2021</b></p><p>Good afternoon.</p>"
                 "<p><b>Second Heading</b></p><p>Text.</p>", want, kinds);
  /* a bold sentence broken by a <br> runs on */
  expect_clauses("<p><b>A bold notice that a line<br>break cuts.</b></p>"
                 "<p><b>Run-in heading</b><br>Its text follows.</p>",
                 (const char *const[]){"A bold notice that a line break "
                                       "cuts.", "Run-in heading",
                                       "Its text follows.", NULL},
                 (const ct_kind[]){CT_KIND_SENTENCE, CT_KIND_HEADING,
                                   CT_KIND_SENTENCE});
  /* the same block as one paragraph with line breaks */
  expect_clauses("<p><strong>Remarks of the President</strong><br>"
                 "<strong>The White House</strong><br>\n<b>May 21, 2021</b>"
                 "</p><p>Good afternoon.</p><p><b>Second Heading</b></p>"
                 "<p>Text.</p>", want, kinds);
}

/* The map back to the page is monotonic where a bold title line and its
** <br> end a block: the break went in at the position past the next
** line's text, so "T" mapped before the break ahead of it (fuzz_html). */
static void test_html_map_monotonic(void **state) {
  static const char *const pages[] = {
    "<b>e<br>T", "<p><b>Run-in heading</b><br>Its text follows.</p>",
    "<p><strong>A</strong><br><strong>B</strong><br>\nC d.</p>",
  };
  size_t k, i, a, b, last;
  (void)state;
  for (k = 0; k < sizeof pages / sizeof *pages; k++) {
    ct_text *t = html(pages[k]);
    for (i = 0, last = 0; i < ct_text_size(t); i++) {
      ct_text_source_span(t, i, i + 1, &a, &b);
      assert_true(a >= last && a <= b && b <= strlen(pages[k]));
      last = a;
    }
    ct_text_free(t);
  }
}

/* Text that opens a page before any tag maps to its own bytes: the
** parser implies html, body and p only once it has read past it, and
** their events once moved the position there ("Hello" at 1:25, not 1:1). */
static void test_html_map_implied(void **state) {
  static const char page[] = "Hello world. Second one.<p>Next</p>";
  ct_text *t = html(page);
  size_t a, b, line, col;
  (void)state;
  ct_text_source_span(t, 0, 5, &a, &b);
  assert_int_equal(a, 0);
  assert_int_equal(b, 5);
  ct_text_linecol(t, 13, &line, &col);
  assert_int_equal(line, 1);
  assert_int_equal(col, 14);
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

/* A page with no text is an empty text, as an empty text file is; so is
** a page of no bytes at all (or only a byte order mark, or white space),
** for which libxml2 makes no parser: it once failed as "out of memory"
** (fuzz_html). */
static void test_html_empty(void **state) {
  static const char *const pages[] = {
    "<html><head><title>x</title></head><body> </body>", "",
    "\xEF\xBB\xBF", " \n",
  };
  size_t k;
  (void)state;
  for (k = 0; k < sizeof pages / sizeof *pages; k++) {
    ct_text *t = html(pages[k]);
    clauses c = cut(t);
    assert_int_equal(c.n, 0);
    free(c.v);
    ct_text_free(t);
  }
}

static char *nested(size_t n, const char *tail) {
  char *s = malloc(n * 5 + strlen(tail) + 1), *p = s;
  size_t k;
  for (k = 0; k < n; k++) p += sprintf(p, "<div>");
  strcpy(p, tail);
  return s;
}

/* Broken markup under deep nesting: no crash, text kept in order.  Past
** CT_HTML_MAX_DEPTH the page fails (libxml2 searches its open elements at
** every end tag, so deeper nesting would make a page quadratic), at the
** element that passed it. */
/* A named element's mark taken after a block that was then dropped
** (its text cut back below the mark), and text added after: truncating
** to the mark cut "\xEC\x82\xAC" in two, and the extracted text was
** not UTF-8 (found by fuzz_html).  The map goes back to the shortest it
** has been since the mark. */
static void test_html_mark_after_drop(void **state) {
  size_t n;
  char *page = th_read_file(
      "tests/fuzz/regress/fuzz_html/mark-after-dropped-block.html", &n);
  ct_text *t = NULL;
  ct_error err;
  (void)state;
  assert_non_null(page);
  assert_int_equal(ct_text_from_format("p.html", page, n, CT_INPUT_HTML,
                                       CT_INVALID_REPLACE, &t, &err), CT_OK);
  assert_int_equal(ct_utf8_check((const unsigned char *)ct_text_data(t),
                                 ct_text_size(t)), ct_text_size(t));
  ct_text_free(t);
  free(page);
}

static void test_html_hostile(void **state) {
  const char *tail = "Deep text.</p></li></td><<>>&bogus; end</zz></zz>";
  char *s = nested(CT_HTML_MAX_DEPTH - 2, tail), *first;   /* html, body */
  ct_text *t;
  ct_error err;
  clauses c;
  (void)state;
  t = html(s);
  c = cut(t);
  assert_true(c.n >= 1);
  first = clause_text(t, &c.v[0]);
  assert_string_equal(first, "Deep text.<<>>&bogus; end");
  free(first);
  free(c.v);
  ct_text_free(t);
  free(s);
  s = nested(20000, tail);
  assert_int_equal(ct_text_from_format("deep.html", s, strlen(s),
                                       CT_INPUT_HTML, CT_INVALID_ERROR, &t,
                                       &err), CT_ETOOBIG);
  assert_null(t);
  assert_string_equal(err.msg, "deep.html:1:1275: HTML elements nested "
                               "deeper than 256");
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
  assert_true(pages >= 7);   /* tests/docs/SOURCES lists them */
}

/* ---- the real pages: the clauses a reader cuts ---------------------------- */

typedef struct page_want {
  const char *file;
  const char *const *headings;   /* every heading, in order */
  const char *first, *last;      /* the first and last clause */
} page_want;

static const char *const wh_2015[] = {
  "Weekly Address: Tuition-Free Community College",
  "Remarks of Vice President Joe Biden", NULL
};
static const char *const wh_2016[] = {
  "WEEKLY ADDRESS: Merry Christmas from the President and the First Lady",
  "Remarks of President Barack Obama and First Lady Michelle Obama as "
  "Delivered", NULL
};
static const char *const wh_2017[] = {
  "The Obama Administration Digital Transition: Moving Forward",
  "Digital assets that will remain with the White House",
  "Where you can access archival Obama White House content",
  "WhiteHouse.gov becomes ObamaWhiteHouse.gov",
  "President Obama, Vice President Biden, First Lady Michelle Obama, and Dr. "
  "Biden",
  "White House Social Media",
  "How you can keep following the President, First Lady, and other White "
  "House Officials:",
  "President Obama", "First Lady Michelle Obama", "Vice President Biden",
  "Dr. Jill Biden", NULL
};
static const char *const fema[] = {
  "Hurricane Maria", "Puerto Rico | DR-4339", "U.S. Virgin Islands | DR-4340",
  "Cell Phones: No Cost Roaming Charges",
  "How to Find or Reunite with Loved Ones", "American Red Cross",
  "National Center for Missing & Exploited Children",
  "Information for Tourists", "Local Resources", "Federal Response Updates",
  "Federal Force Laydown", "Survivor Impacts",
  "Power Restoration and Fuel Impacts", "Transportation Impacts",
  "Water/Wastewater Impacts", "Hospitals and Medical Care Impacts",
  "Commodity Distribution", "On Social Media",
  "Point of Distribution Locations", "U.S. Virgin Islands", "How to Help",
  "The fastest way to help \xE2\x80\x93 cash is best", "Donating Goods",
  "Volunteering", "Urban Search & Rescue Operations",
  "Puerto Rico Road Status", "Safety Tips",
  "Beware of Fraud & Price Gouging", "Price Gouging",
  "Report Price Gouging", "Helping Children Cope", NULL
};

static const char *const wh_2011[] = {"Serve and Remember", NULL};

static const page_want real_pages[] = {
  /* pages a browser saved (tests/docs/SOURCES) */
  {"tests/docs/saved-whitehouse-2011-09-10-serve-and-remember.html", wh_2011,
   "Serve and Remember", "Secretary of Defense Leon Panetta"},
  {"tests/docs/saved-whitehouse-2015-04-11-weekly-address-community-college"
   ".html", wh_2015, "The White House",
   "I hope you have a great weekend and God bless you all and may God "
   "protect our troops."},
  {"tests/docs/saved-whitehouse-2016-12-24-weekly-address-christmas.html",
   wh_2016, "The White House",
   "THE FIRST LADY: And we wish you and your family a happy and healthy "
   "2017\xE2\x80\xA6 thanks, and God bless."},
  /* pages as a server sent them */
  {"tests/docs/whitehouse-2015-04-11-weekly-address-community-college.html",
   wh_2015, "The White House",
   "I hope you have a great weekend and God bless you all and may God "
   "protect our troops."},
  {"tests/docs/whitehouse-2016-12-24-weekly-address-christmas.html",
   wh_2016, "The White House",
   "THE FIRST LADY: And we wish you and your family a happy and healthy "
   "2017\xE2\x80\xA6 thanks, and God bless."},
  {"tests/docs/whitehouse-2017-01-17-digital-transition.html", wh_2017,
   "The Obama Administration Digital Transition: Moving Forward",
   "Todd Park: Archived content will be available at @Todd_Park44."},
  {"tests/docs/fema-2017-10-03-hurricane-maria.html", fema,
   "Hurricane Maria", "10/03/2017 - 08:59"},
};

/* How the sites' furniture begins (skip links, menus, share and download
** links, author boxes, promo touts, modal buttons): no clause may. */
static const char *const furniture_text[] = {
  "Jump to", "Skip to", "Main Content", "Briefing Room",
  "Your Weekly Address", "Speeches & Remarks", "Presidential Actions",
  "Share This", "Twitter Facebook", "MP4", "Follow @",
  "The Final State of the Union", "Watch President Obama", "Find Your Park",
  "Navigation", "Search", "Languages", "Rumor Control",
  "Accessible ASL Videos", NULL
};

/* Whole clauses of furniture: the author box. */
static const char *const furniture_clauses[] = {
  "Kori Schulman",
  "Special Assistant to the President and Deputy Chief Digital Officer", NULL
};

static void check_real_page(const page_want *w) {
  ct_text *t = read_as(w->file, CT_INPUT_HTML);
  clauses c = cut(t);
  size_t k, h = 0;
  char *s;
  assert_true(c.n > 10);
  for (k = 0; k < c.n; k++) {
    const char *const *f;
    if (c.v[k].kind == CT_KIND_LINE) continue;     /* furniture, marked */
    s = clause_text(t, &c.v[k]);
    for (f = furniture_text; *f; f++)
      if (strncmp(s, *f, strlen(*f)) == 0)
        fail_msg("%s clause %zu is furniture: \"%s\"", w->file, k + 1, s);
    for (f = furniture_clauses; *f; f++)
      if (strcmp(s, *f) == 0)
        fail_msg("%s clause %zu is furniture: \"%s\"", w->file, k + 1, s);
    if (c.v[k].kind == CT_KIND_HEADING) {
      if (w->headings[h] == NULL)
        fail_msg("%s: heading too many: \"%s\"", w->file, s);
      if (strcmp(s, w->headings[h]) != 0)
        fail_msg("%s: heading %zu is \"%s\", want \"%s\"", w->file, h + 1, s,
                 w->headings[h]);
      h++;
    }
    free(s);
  }
  if (w->headings[h] != NULL)
    fail_msg("%s: heading \"%s\" missing", w->file, w->headings[h]);
  s = clause_text(t, &c.v[0]);
  assert_string_equal(s, w->first);
  free(s);
  s = clause_text(t, &c.v[c.n - 1]);
  assert_string_equal(s, w->last);
  free(s);
  free(c.v);
  ct_text_free(t);
}

/* Real pages segment as a reader cuts them: the document's own headings
** and nothing else as headings, no furniture among the clauses, the
** document's first and last clause first and last. */
static void test_html_real_pages(void **state) {
  size_t k;
  (void)state;
  for (k = 0; k < sizeof real_pages / sizeof real_pages[0]; k++)
    check_real_page(&real_pages[k]);
}

/* A page as a browser saved it (Blink's serialization of the DOM:
** entities written as characters, attributes and white space redone)
** segments as the page the server sent: the same clauses, kinds and
** headings, in the same order. */
static void expect_same_clauses(const char *server, const char *saved) {
  ct_text *a = read_as(server, CT_INPUT_HTML), *b = read_as(saved,
                                                            CT_INPUT_HTML);
  clauses x = cut(a), y = cut(b);
  size_t k;
  assert_int_equal(x.n, y.n);
  for (k = 0; k < x.n; k++) {
    char *s = clause_text(a, &x.v[k]), *t = clause_text(b, &y.v[k]);
    if (strcmp(s, t) != 0 || x.v[k].kind != y.v[k].kind)
      fail_msg("%s clause %zu: \"%s\" (kind %d), saved \"%s\" (kind %d)",
               saved, k + 1, s, (int)x.v[k].kind, t, (int)y.v[k].kind);
    free(s);
    free(t);
  }
  free(x.v);
  free(y.v);
  ct_text_free(a);
  ct_text_free(b);
}

static void test_html_saved_as_served(void **state) {
  (void)state;
  expect_same_clauses(
      "tests/docs/whitehouse-2015-04-11-weekly-address-community-college.html",
      "tests/docs/saved-whitehouse-2015-04-11-weekly-address-community-college"
      ".html");
  expect_same_clauses(
      "tests/docs/whitehouse-2016-12-24-weekly-address-christmas.html",
      "tests/docs/saved-whitehouse-2016-12-24-weekly-address-christmas.html");
}

/* A date line, a dated byline, a figure's caption alone in an element are
** page furniture, kind `line`, as in plain text; not in a sentence. */
static void test_html_furniture_lines(void **state) {
  ct_text *t = html("<h1>Serve and Remember</h1><p>September 10, 2011 at "
                    "1:06 PM ET by <a href=x>Katelyn Sabochik</a></p>"
                    "<p>May 21, 2021</p><p>Figure 2: Opening a file</p>"
                    "<p>On May 21, 2021 they met.</p>");
  clauses c = cut(t);
  static const ct_kind want[] = {CT_KIND_HEADING, CT_KIND_LINE, CT_KIND_LINE,
                                 CT_KIND_LINE, CT_KIND_SENTENCE};
  size_t k;
  (void)state;
  assert_int_equal(c.n, 5);
  for (k = 0; k < c.n; k++) assert_int_equal(c.v[k].kind, want[k]);
  assert_int_equal(c.v[4].heading, 1);   /* furniture takes no section */
  free(c.v);
  ct_text_free(t);
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
static void check_pdf_offsets(const char *path) {
  ct_text *t = read_as(path, CT_INPUT_PDF);
  clauses c = cut(t);
  const char *layer = ct_text_data(t->src);
  size_t k;
  for (k = 0; k < c.n; k++) {
    size_t a, b, i;
    char *s = clause_text(t, &c.v[k]);
    const char *p;
    ct_text_source_span(t, c.v[k].start, c.v[k].end, &a, &b);
    for (i = a, p = s; *p; p++) {
      if (*p == ' ' || *p == '\n') continue;
      while (i < b && layer[i] != *p) i++;
      if (i == b) fail_msg("%s clause %zu \"%s\" not in [%zu,%zu)", path,
                           k + 1, s, a, b);
      i++;
    }
    free(s);
  }
  free(c.v);
  ct_text_free(t);
}

static void test_pdf_offsets(void **state) {
  (void)state;
  check_pdf_offsets(FR);
  check_pdf_offsets("tests/docs/usgs-2015-fs-feqinput.pdf");
}

/* No page furniture among the Federal Register's clauses, however poppler
** groups it: the printer's codes of every page (`06AUP1`, once glued to
** the next page's first line with the page's form feed) are gone. */
static void test_pdf_real_codes(void **state) {
  ct_text *t = read_as(FR, CT_INPUT_PDF);
  clauses c = cut(t);
  size_t k;
  (void)state;
  assert_false(any_clause_has(t, &c, "06AUP1"));
  assert_false(any_clause_has(t, &c, "\f"));
  assert_false(any_clause_has(t, &c, "</GPH>"));
  /* the headings of two columns on one row, once one heading */
  assert_true(any_clause_has(t, &c, "Comments Invited"));
  for (k = 0; k < c.n; k++) {
    char *s = clause_text(t, &c.v[k]);
    if (strstr(s, "Comments InvitedConfidential") != NULL ||
        strstr(s, "ActionLabor cost") != NULL)
      fail_msg("clause %zu glues two columns: \"%s\"", k + 1, s);
    free(s);
  }
  free(c.v);
  ct_text_free(t);
}

#define FS "tests/docs/usgs-2015-fs-feqinput.pdf"

/* Every heading of the fact sheet, in order: its title (two lines of
** 24-point type), its section headings and the headings that sit side by
** side at the top of two columns (once one line of poppler's text).  Its
** contact blocks (a name and post, the office, an e-mail address) are no
** headings: each of their lines is furniture, kind `line`. */
static const char *const fs_headings[] = {
  "FEQinput: an editor for the Full Equations (FEQ) hydraulic modeling "
  "system",
  "Background", "Introduction", "Loading Files", "Opening FEQinput",
  "Reading Input Lines", "Navigation and Searching in Files",
  "Editing and Saving Files", "Saving Files", "Single-Line Editor",
  "Multi-Line Editor", "Running models", "Additional Information",
  "Questions and Feedback", "Conclusion", NULL
};

/* Lines of the contact blocks, each a clause of kind `line`. */
static const char *const fs_contacts[] = {
  "David S. Ancalle, Hydrology Intern", "pablo.ancalle@upr.edu",
  "Audrey L. Ishii, Chief of Surface Water Investigations",
  "Terry Ortel, Hydrologist", NULL
};

/* Sentences a reader reads whole, that the PDF reader once cut: at a line
** whose box a curly quote made taller (a "font change"), where poppler
** put a column's last line and the next column's first on one line, and
** where a sentence runs on into the next column. */
static const char *const fs_sentences[] = {
  "To open an input file, click \xE2\x80\x9C" "File\xE2\x80\x9D on the menu "
  "and then click on \xE2\x80\x9COpen .FEQ file\xE2\x80\x9D or \xE2\x80\x9C"
  "Open .FTL file\xE2\x80\x9D for FEQ and FEQUTL files, respectively.",
  "While some input files can be as short as a few hundred lines, other "
  "files can range between thousands and tens of thousands of lines.",
  "The code column can help the user find lines that the program cannot "
  "read (code: \xE2\x80\x9CNOREAD\xE2\x80\x9D) and fix any mistakes within "
  "those lines.",
  "For FEQUTL, the executable files also must be located in the same "
  "directory as the input file.",
  "FEQinput does not require installation in order to run.",
  "This output is saved in the same folder as the FEQinput executable with "
  "the name \xE2\x80\x9Coutput\xE2\x80\x9D.",
  NULL
};

/* White space as one space, for comparing a clause with a sentence. */
static char *flat(char *s) {
  char *o = s, *i;
  for (i = s; *i; i++) {
    char ch = *i == '\n' ? ' ' : *i;
    if (ch == ' ' && o > s && o[-1] == ' ') continue;
    *o++ = ch;
  }
  *o = '\0';
  return s;
}

/* A note reference (smaller type, raised) goes from the text; a note's
** own number at the start of its line and an exponent stay, and that
** number does not make its line a paragraph (a heading) of its own. */
static int clause_is(const ct_text *t, const clauses *c, const char *want) {
  size_t k;
  int found = 0;
  for (k = 0; !found && k < c->n; k++) {
    char *s = flat(clause_text(t, &c->v[k]));
    found = strcmp(s, want) == 0;
    free(s);
  }
  return found;
}

static void test_pdf_note_refs(void **state) {
  ct_text *t = read_as(FR, CT_INPUT_PDF);
  clauses c = cut(t);
  size_t k;
  (void)state;
  assert_true(clause_is(t, &c, "On November 7, 2018, the FAA issued "
              "Emergency AD 2018\xE2\x80\x93" "23\xE2\x80\x93" "51 as an "
              "interim corrective action."));
  assert_false(any_clause_has(t, &c, "action.6"));
  assert_true(any_clause_has(t, &c, "disagree alert, and may affect"));
  assert_true(any_clause_has(t, &c, "calculated threshold, the FCC"));
  /* a reference set after a space goes with the space */
  assert_true(any_clause_has(t, &c, "Reports from the accident"));
  assert_true(any_clause_has(t, &c, "system generated repeated"));
  assert_true(any_clause_has(t, &c, "would also limit the magnitude"));
  assert_true(any_clause_has(t, &c, "11 The calculated threshold"));
  /* a footnote's raised number is no measure of its line: the note reads
  ** on, and is no heading that would give the body a section */
  assert_true(clause_is(t, &c, "11 The calculated threshold would be a "
                        "function of the magnitude of the disagreement and "
                        "the rate of change of the AOA sensor position "
                        "values."));
  for (k = 0; k < c.n; k++)
    if (c.v[k].kind == CT_KIND_HEADING) {
      char *s = clause_text(t, &c.v[k]);
      if (s[0] >= '0' && s[0] <= '9' && s[1] == ' ')
        fail_msg("a footnote is a heading: \"%s\"", s);
      free(s);
    }
  assert_true(any_clause_has(t, &c, "14 CFR 11.43 and 11.45"));
  free(c.v);
  ct_text_free(t);
}

static void test_pdf_fact_sheet(void **state) {
  ct_text *t = read_as(FS, CT_INPUT_PDF);
  clauses c = cut(t);
  size_t k, h = 0, last_page = 1, captions = 0;
  const char *const *w;
  (void)state;
  for (k = 0; k < c.n; k++) {
    char *s = flat(clause_text(t, &c.v[k]));
    size_t page = ct_text_page(t, c.v[k].start);
    assert_true(page >= last_page && page <= 4);
    last_page = page;
    /* the agency's footer of every page is furniture, not text */
    if (strstr(s, "Department of the Interior") || strstr(s, "Fact Sheet 2015")
        || strstr(s, "August 2015"))
      fail_msg("clause %zu is the footer: \"%s\"", k + 1, s);
    if (strncmp(s, "Figure ", 7) == 0) {
      if (c.v[k].kind == CT_KIND_HEADING)
        fail_msg("a caption is a heading: \"%s\"", s);
      captions += c.v[k].kind == CT_KIND_LINE;
    }
    if (c.v[k].kind == CT_KIND_HEADING) {
      if (fs_headings[h] == NULL) fail_msg("heading too many: \"%s\"", s);
      if (strcmp(s, fs_headings[h]) != 0)
        fail_msg("heading %zu is \"%s\", want \"%s\"", h + 1, s,
                 fs_headings[h]);
      h++;
    }
    free(s);
  }
  if (fs_headings[h] != NULL) fail_msg("heading \"%s\" missing",
                                       fs_headings[h]);
  assert_int_equal(last_page, 4);
  assert_true(captions >= 5);   /* the one-line captions */
  for (w = fs_sentences; *w; w++) {
    int found = 0;
    for (k = 0; !found && k < c.n; k++) {
      char *s = flat(clause_text(t, &c.v[k]));
      found = strcmp(s, *w) == 0;
      free(s);
    }
    if (!found) fail_msg("no clause \"%s\"", *w);
  }
  for (w = fs_contacts; *w; w++) {
    int found = 0;
    for (k = 0; !found && k < c.n; k++) {
      char *s = flat(clause_text(t, &c.v[k]));
      found = strcmp(s, *w) == 0 && c.v[k].kind == CT_KIND_LINE;
      free(s);
    }
    if (!found) fail_msg("no clause \"%s\" of kind line", *w);
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
    cmocka_unit_test(test_map_drop_block),
    cmocka_unit_test(test_map_truncate),
    cmocka_unit_test(test_map_identity),
    cmocka_unit_test(test_format_of),
    cmocka_unit_test(test_html_structure),
    cmocka_unit_test(test_html_glued_heading),
    cmocka_unit_test(test_html_depth),
    cmocka_unit_test(test_html_dropped),
    cmocka_unit_test(test_html_furniture),
    cmocka_unit_test(test_html_named_wrapper),
    cmocka_unit_test(test_html_br),
    cmocka_unit_test(test_html_pre),
    cmocka_unit_test(test_html_note_marks),
    cmocka_unit_test(test_html_bold_title_block),
    cmocka_unit_test(test_html_style_bold),
    cmocka_unit_test(test_html_map_monotonic),
    cmocka_unit_test(test_html_map_implied),
    cmocka_unit_test(test_html_entities),
    cmocka_unit_test(test_html_charset_ignored),
    cmocka_unit_test(test_html_invalid),
    cmocka_unit_test(test_html_empty),
    cmocka_unit_test(test_html_mark_after_drop),
    cmocka_unit_test(test_html_hostile),
    cmocka_unit_test(test_html_linecol),
    cmocka_unit_test(test_html_offsets_fixture),
    cmocka_unit_test(test_html_offsets_real_pages),
    cmocka_unit_test(test_html_real_pages),
    cmocka_unit_test(test_html_saved_as_served),
    cmocka_unit_test(test_html_furniture_lines),
    cmocka_unit_test(test_pdf_real),
    cmocka_unit_test(test_pdf_note_refs),
    cmocka_unit_test(test_pdf_offsets),
    cmocka_unit_test(test_pdf_real_codes),
    cmocka_unit_test(test_pdf_fact_sheet),
    cmocka_unit_test(test_pdf_bad),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
