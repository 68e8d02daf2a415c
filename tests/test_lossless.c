/*
** test_lossless.c -- properties every segmentation must have.
**
** On every sample, every text fixture and thousands of generated
** documents, segmented by sentences and by lines: clause offsets in
** range, increasing and not overlapping, on code point boundaries,
** without white space at either end; and lossless: every byte that is
** not white space lies in exactly one clause, except list markers
** (marker-shaped tokens where a line's text begins or after white space)
** and Markdown structure.  The checks themselves are
** in clauses_check.c, shared with the fuzz targets (tests/fuzz/).
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
#include "clauses_check.h"
#include "helpers.h"

static void check_properties(const char *name, const char *data, size_t len,
                             ct_invalid mode) {
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  char msg[256];
  assert_int_equal(ct_text_from_buffer(name, data, len, mode, &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, NULL, &c, &n, &err), CT_OK);
  if (!th_check_clauses(t, c, n, msg, sizeof msg))
    fail_msg("%s: %s", name, msg);
  free(c);
  assert_int_equal(ct_segment_lines(t, &c, &n, &err), CT_OK);
  if (!th_check_clauses(t, c, n, msg, sizeof msg))
    fail_msg("%s (lines): %s", name, msg);
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

/* Each of docs[0..n), named by its own text. */
static void check_docs(const char *const *docs, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    check_properties(docs[k], docs[k], strlen(docs[k]), CT_INVALID_REPLACE);
}

/* A line of Markdown structure ("---", "***") whose line holds a comment
** ("<!-- ... -->", read as nothing) is structure too: the property once
** judged the comment's bytes part of the line (a fuzz_segment finding,
** tests/fuzz/regress/fuzz_segment/structure-line-after-comment.txt), and
** white space other than ' ' and '\t' at its end ("---\v") too (CI's
** fuzz_segment, structure-line-vertical-tab.txt). */
static void structure_after_comment(void **state) {
  static const char *const docs[] = {
    "Text one. <!--\nx -->---\n",
    "Text one.\n<!-- c -->**********************\n",
    "<!-- a\nb -->***\nText two.\n",
    "Text one.\n---\v\nText two.\n",      /* any white space at its end */
    "Text one. <!--\nx -->---\v\n",
  };
  (void)state;
  check_docs(docs, sizeof docs / sizeof *docs);
}

/* A link's "](url)" outside a clause is structure only when the URL has
** no white space: "](https:\t/x.org)" once lost "/x.org)" (a
** fuzz_segment finding, tests/fuzz/regress/fuzz_segment/
** link-url-with-tab.txt); and a title is a quote after a space, with
** nothing but ')' after it: "](htt\"Fig. \"ps://x)" once lost
** "\"ps://x)" (link-quote-not-after-space.txt). */
static void link_url_with_blank(void **state) {
  static const char *const docs[] = {
    "Words and [link](https:\t/x.org/a.b.) A label ends it!\n",
    "Words and [link](https:\xc2\xa0/x.org/a.b.) A label ends it!\n",
    "Words and [link](https:\xe2\x80\x8b/x.org/a.b.) A label ends it!\n",
    "Words and [link](https://x.org/a.b. \"t\") A label ends it!\n",
    "Words and [link](htt\"Fig. \"ps://x.org/a.b.) A label ends it!\n",
    "Words and [link](htt\"\"\"Fig. \"\"\"ps://x.org/a.b.) A label.\n",
    "Words and [link](https://x.org/a \"two words\"  ) A label.\n",
  };
  (void)state;
  check_docs(docs, sizeof docs / sizeof *docs);
}

/* A table row's cells that hold only emphasis markers are structure, of
** any length: the property once allowed eight such bytes in a run, the
** segmenter trims them all (a fuzz_segment finding, tests/fuzz/regress/
** fuzz_segment/table-cells-of-emphasis.txt). */
static void table_cells_of_emphasis(void **state) {
  static const char *const docs[] = {
    "|*||||||||", "Text one.\n|*****************|\n",
    "| a | b |\n|*|*|*|*|*|*|*|*| c |\n", "||||||||||||*\nText two.\n",
  };
  (void)state;
  check_docs(docs, sizeof docs / sizeof *docs);
}

/* A line of structure inside a blockquote ("> ----") is structure too:
** the segmenter strips the quote marker, the property once read the '>'
** as text on the line (CI's fuzz_segment, tests/fuzz/regress/
** fuzz_segment/structure-line-in-quote.txt). */
static void structure_in_quote(void **state) {
  static const char *const docs[] = {
    "Text one.\n> ----\n", "Text one.\n\n> > ***\nText two.\n",
    "> Quoted text.\n>\t---\n", "Text one. <!--\nx --> > ___\n",
  };
  (void)state;
  check_docs(docs, sizeof docs / sizeof *docs);
}

/* A line of pipes and one kind of mark other than '-' ("|===|",
** "||||======") is structure to the segmenter (ct_md_rule), as "|---|"
** is; the property once allowed only '-' and ':' beside pipes (a 300-
** second fuzz_segment run, tests/fuzz/regress/fuzz_segment/
** table-rule-of-equals.txt). */
static void table_rule_of_equals(void **state) {
  static const char *const docs[] = {
    "Text one.|||\n||||======\n", "| a | b |\n|===|===|\n| c | d |\n",
    "Text one.\n| *** | *** |\n", "Text one.\n|:___:|\n",
  };
  (void)state;
  check_docs(docs, sizeof docs / sizeof *docs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(samples),
    cmocka_unit_test(fixtures),
    cmocka_unit_test(generated),
    cmocka_unit_test(structure_after_comment),
    cmocka_unit_test(link_url_with_blank),
    cmocka_unit_test(table_cells_of_emphasis),
    cmocka_unit_test(structure_in_quote),
    cmocka_unit_test(table_rule_of_equals),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
