/*
** fuzz_html.c -- HTML pages of arbitrary bytes.
**
** Every input is read as an HTML page (ct_text_from_format, invalid UTF-8
** replaced).  A page may be refused, only for what the reader promises
** to refuse (a NUL byte: CT_EBINARY; nesting past CT_HTML_MAX_DEPTH:
** CT_ETOOBIG; what libxml2 cannot parse at all: CT_ESYNTAX), with a
** message that names the page.  A page read must keep the reader's
** promises: the extracted text is valid UTF-8 with no NUL; the map back
** to the source is monotonic and inside the page's bytes; every source
** line and column is one of the page's.  The text is then segmented both
** ways, and the clauses must keep every promise th_check_clauses knows,
** on the extracted text.
*/
#include <string.h>
#include "clausetag.h"
#include "clauses_check.h"
#include "fuzz.h"
#include "text/utf8.h"

static ct_abbrevs *abbrevs;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  abbrevs = ct_abbrevs_new(1);
  FUZZ_CHECK(abbrevs != NULL, "out of memory");
  return 0;
}

/* A refusal the reader documents, named for the page. */
static void check_refused(ct_status st, const ct_error *err,
                          const uint8_t *data, size_t size) {
  FUZZ_CHECK(st == CT_ESYNTAX || st == CT_ETOOBIG ||
                 (st == CT_EBINARY && fuzz_binary(data, size)),
             "refused with status %d: %s", (int)st, err->msg);
  FUZZ_CHECK(strstr(err->msg, "page.html") != NULL,
             "the message does not name the page: %s", err->msg);
}

/* The source map: every extracted byte leads to bytes of the page, in
** order, and to a line and column the page has. */
static void check_map(const ct_text *t, size_t size) {
  size_t n = ct_text_size(t), i, a, b, last = 0, line, col;
  for (i = 0; i < n; i++) {
    ct_text_source_span(t, i, i + 1, &a, &b);
    FUZZ_CHECK(a <= b && b <= size, "byte %zu maps to [%zu, %zu) of a "
               "%zu-byte page", i, a, b, size);
    FUZZ_CHECK(a >= last, "byte %zu maps to %zu, before byte %zu's %zu",
               i, a, i - 1, last);
    last = a;
    ct_text_source_linecol(t, a, &line, &col);
    FUZZ_CHECK(line >= 1 && col >= 1, "byte %zu: line %zu, column %zu", i,
               line, col);
  }
}

static void check_clauses(const ct_text *t, int lines) {
  ct_clause *c;
  size_t n, k, line, col;
  ct_error err;
  char msg[512];
  ct_status st = lines ? ct_segment_lines(t, &c, &n, &err)
                       : ct_segment(t, abbrevs, &c, &n, &err);
  FUZZ_CHECK(st == CT_OK, "segmenting: %s", err.msg);
  if (!th_check_clauses(t, c, n, msg, sizeof msg))
    FUZZ_FAIL("%s: %s", lines ? "ct_segment_lines" : "ct_segment", msg);
  for (k = 0; k < n; k++) {
    ct_text_linecol(t, c[k].start, &line, &col);
    FUZZ_CHECK(line >= 1 && col >= 1, "clause %zu: line %zu, column %zu",
               k + 1, line, col);
  }
  ct_clauses_free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ct_text *t;
  ct_error err;
  ct_status st = ct_text_from_format("page.html", data, size, CT_INPUT_HTML,
                                     CT_INVALID_REPLACE, &t, &err);
  if (st != CT_OK) {
    check_refused(st, &err, data, size);
    return 0;
  }
  FUZZ_CHECK(ct_text_format(t) == CT_INPUT_HTML, "format %d",
             (int)ct_text_format(t));
  FUZZ_CHECK(ct_utf8_check((const unsigned char *)ct_text_data(t),
                           ct_text_size(t)) == ct_text_size(t),
             "the extracted text is not valid UTF-8");
  FUZZ_CHECK(memchr(ct_text_data(t), 0, ct_text_size(t)) == NULL &&
                 ct_text_data(t)[ct_text_size(t)] == '\0',
             "the extracted text holds a NUL, or is not NUL-terminated");
  check_map(t, size);
  check_clauses(t, 0);
  check_clauses(t, 1);
  ct_text_free(t);
  return 0;
}
