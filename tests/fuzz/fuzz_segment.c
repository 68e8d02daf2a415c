/*
** fuzz_segment.c -- segmentation of arbitrary bytes.
**
** Every input is read as a document with invalid UTF-8 replaced (a NUL
** byte is the one thing it may be refused for) and cut both ways,
** ct_segment (with the shipped abbreviations) and ct_segment_lines.
** Both must keep every promise th_check_clauses knows (ordered,
** in-range, non-overlapping clauses on character boundaries, lossless
** coverage of every byte but white space and list markers), and every
** clause's ct_text_span must be valid UTF-8, equal to its bytes when the
** text is valid, and collapsed without white space but single spaces.
** Both ways, the segmenter's fast paths must give the clauses its general
** path gives (ct_segment_with(CT_SEG_GENERAL)).
*/
#include <string.h>
#include "clausetag.h"
#include "clauses_check.h"
#include "fuzz.h"
#include "segment/segment.h"
#include "text/utf8.h"

static ct_abbrevs *abbrevs;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  abbrevs = ct_abbrevs_new(1);
  FUZZ_CHECK(abbrevs != NULL, "out of memory");
  return 0;
}

/* A collapsed span: one space between words, none at the ends, no other
** white space. */
static int collapsed(const char *s) {
  size_t i, n = strlen(s), k;
  if (n > 0 && (s[0] == ' ' || s[n - 1] == ' ')) return 0;
  for (i = 0; i < n; i += k) {
    int32_t cp;
    k = ct_utf8_decode((const unsigned char *)s + i, n - i, &cp);
    if (cp == ' ' && s[i + 1] == ' ') return 0;
    if (cp != ' ' && ct_cp_isspace(cp)) return 0;
  }
  return 1;
}

static void check_spans(const ct_text *t, const ct_clause *c, size_t n,
                        int valid) {
  size_t k;
  for (k = 0; k < n; k++) {
    size_t len = c[k].end - c[k].start;
    char *raw = ct_text_span(t, c[k].start, c[k].end, 0);
    char *col = ct_text_span(t, c[k].start, c[k].end, 1);
    FUZZ_CHECK(raw != NULL && col != NULL, "ct_text_span: out of memory");
    FUZZ_CHECK(ct_utf8_check((const unsigned char *)raw, strlen(raw)) ==
                   strlen(raw), "clause %zu: span is not valid UTF-8", k + 1);
    FUZZ_CHECK(ct_utf8_check((const unsigned char *)col, strlen(col)) ==
                   strlen(col), "clause %zu: collapsed span is not valid "
               "UTF-8", k + 1);
    if (valid)
      FUZZ_CHECK(strlen(raw) == len &&
                     memcmp(raw, ct_text_data(t) + c[k].start, len) == 0,
                 "clause %zu: span differs from the input bytes", k + 1);
    FUZZ_CHECK(collapsed(col), "clause %zu: collapsed span \"%s\" keeps "
               "white space", k + 1, col);
    FUZZ_CHECK(col[0] != '\0', "clause %zu: collapsed span is empty", k + 1);
    free(raw);
    free(col);
  }
}

static void check(const ct_text *t, const ct_clause *c, size_t n, int lines,
                  int valid) {
  char msg[512];
  size_t k;
  if (!th_check_clauses(t, c, n, msg, sizeof msg))
    FUZZ_FAIL("%s: %s", lines ? "ct_segment_lines" : "ct_segment", msg);
  for (k = 0; k < n; k++) {
    if (lines)
      FUZZ_CHECK(c[k].kind == CT_KIND_LINE && c[k].depth == 0,
                 "ct_segment_lines: clause %zu: kind %s, depth %d", k + 1,
                 ct_kind_name(c[k].kind), c[k].depth);
    else   /* kind line: page furniture, in no section */
      FUZZ_CHECK(c[k].title == (c[k].kind == CT_KIND_HEADING) &&
                     (c[k].kind == CT_KIND_BULLET || c[k].depth == 0) &&
                     (c[k].kind != CT_KIND_LINE || c[k].heading == 0),
                 "ct_segment: clause %zu: kind %s, title %d, depth %d, "
                 "heading %zu", k + 1, ct_kind_name(c[k].kind), c[k].title,
                 c[k].depth, c[k].heading);
  }
  check_spans(t, c, n, valid);
}

/* The same clauses with every fast path off (and the abbreviations each
** entry point reads: ct_segment_lines reads none). */
static void check_general(const ct_text *t, const ct_clause *c, size_t n,
                          unsigned flags) {
  ct_clause *g;
  size_t ng, k;
  ct_error err;
  FUZZ_CHECK(ct_segment_with(t, flags & CT_SEG_LINES ? NULL : abbrevs,
                             flags | CT_SEG_GENERAL, &g, &ng, &err) == CT_OK,
             "ct_segment_with: %s", err.msg);
  FUZZ_CHECK(ng == n, "%s: %zu clauses, %zu without fast paths",
             flags ? "ct_segment_lines" : "ct_segment", n, ng);
  for (k = 0; k < n; k++)
    FUZZ_CHECK(c[k].start == g[k].start && c[k].end == g[k].end &&
                   c[k].kind == g[k].kind && c[k].depth == g[k].depth &&
                   c[k].line == g[k].line && c[k].col == g[k].col &&
                   c[k].heading == g[k].heading && c[k].title == g[k].title,
               "clause %zu: [%zu, %zu) kind %s, without fast paths [%zu, %zu) "
               "kind %s", k + 1, c[k].start, c[k].end, ct_kind_name(c[k].kind),
               g[k].start, g[k].end, ct_kind_name(g[k].kind));
  free(g);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  int valid;
  ct_status st = ct_text_from_buffer("fuzz", data, size, CT_INVALID_REPLACE,
                                     &t, &err);
  if (st != CT_OK) {
    FUZZ_CHECK(st == CT_EBINARY && fuzz_binary(data, size),
               "ct_text_from_buffer: %s", err.msg);
    return 0;
  }
  FUZZ_CHECK(ct_text_size(t) == size && memcmp(ct_text_data(t), data, size) == 0
                 && ct_text_data(t)[size] == '\0',
             "ct_text_from_buffer changed the bytes");
  valid = ct_utf8_check(data, size) == size;
  st = ct_segment(t, abbrevs, &c, &n, &err);
  FUZZ_CHECK(st == CT_OK, "ct_segment: %s", err.msg);
  check(t, c, n, 0, valid);
  check_general(t, c, n, 0);
  free(c);
  st = ct_segment_lines(t, &c, &n, &err);
  FUZZ_CHECK(st == CT_OK, "ct_segment_lines: %s", err.msg);
  check(t, c, n, 1, valid);
  check_general(t, c, n, CT_SEG_LINES);
  free(c);
  ct_text_free(t);
  return 0;
}
