/*
** fuzz_rules.c -- loading an arbitrary rule file and classifying with it.
**
** The API loads rule files by path (an engine runs them again), so each
** input is written to one file in a private temporary directory made at
** start.  The limits are small (20,000 instructions per call, 4 MiB of
** Lua memory, a PCRE2 match limit of 100,000), so a hostile file is cut
** off quickly: loading may fail with any status but must not crash or
** hang.  A file that loads classifies a small fixed document (headings,
** list items, sentences, Korean) with every rule failure passed to a
** handler (--keep-going), and its results must keep the promises
** fz_check_results knows (hits inside their clauses, scores the sums of
** their hits); finiteness is not asked, since a `when` may return any
** finite number and a weight multiplies it.  The results then go
** through every format of `clausetag classify` (fz_check_output: label
** and rule names are any Lua strings), and the weights in effect are
** written out, as `clausetag train` does.
*/
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "clausetag.h"
#include "fuzz.h"
#include "output_check.h"
#include "results_check.h"

static const char doc[] =
  "Joint Statement on Security and Trade\n"
  "\n"
  "The United States and the R.O.K. reaffirm their alliance. The two "
  "leaders discussed trade, investment and supply chains.\n"
  "\n"
  "## Health and Climate\n"
  "\n"
  "  \xE2\x80\xA2 Expand cooperation on pandemic preparedness and vaccines.\n"
  "    (a) Net zero emissions by 2050; clean energy.\n"
  "  - People-to-people exchanges, students and U.S. visas!\n"
  "\n"
  "\xED\x95\x9C\xEB\xAF\xB8 \xEB\x8F\x99\xEB\xA7\xB9\xEC\x9D\x80 "
  "\xEA\xB5\xB0\xEC\x82\xAC \xED\x98\x91\xEB\xA0\xA5\xEC\x9D\x84 "
  "\xEA\xB0\x95\xED\x99\x94\xED\x95\x9C\xEB\x8B\xA4. Dr. Smith "
  "arrived at 3 p.m. on Jan. 5 \xE2\x80\x94 cyber and sanctions?\n";

static char dir[] = "/tmp/ct-fuzz-rules.XXXXXX";
static char path[64];
static ct_text *text;
static ct_limits limits;

static void cleanup(void) {
  unlink(path);
  rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  ct_error err;
  (void)argc;
  (void)argv;
  FUZZ_CHECK(mkdtemp(dir) != NULL, "cannot make a temporary directory");
  snprintf(path, sizeof path, "%s/fuzz.lua", dir);
  atexit(cleanup);
  if (ct_text_from_buffer("doc.txt", doc, sizeof doc - 1, CT_INVALID_ERROR,
                          &text, &err) != CT_OK)
    FUZZ_FAIL("the fixed document: %s", err.msg);
  ct_limits_default(&limits);
  limits.rule_budget = 20000;
  limits.rule_memory = (size_t)4 << 20;
  limits.match_limit = 100000;
  return 0;
}

static void on_error(void *ud, const ct_error *err) {
  (void)err;
  ++*(size_t *)ud;
}

static void write_weights(const ct_ruleset *rs) {
  char *buf = NULL;
  size_t len = 0;
  ct_error err;
  FILE *f = open_memstream(&buf, &len);
  FUZZ_CHECK(f != NULL, "open_memstream failed");
  (void)ct_ruleset_write_weights(rs, f, "fuzz", &err);
  fclose(f);
  free(buf);
}

static void classify(const ct_ruleset *rs) {
  ct_engine *e;
  ct_clause *c;
  ct_results *r = NULL;
  size_t n, failures = 0;
  ct_error err;
  if (ct_segment(text, ct_ruleset_abbrevs(rs), &c, &n, &err) != CT_OK)
    FUZZ_FAIL("ct_segment: %s", err.msg);
  if (ct_engine_new(rs, &e, &err) == CT_OK) {
    ct_engine_on_error(e, on_error, &failures);
    if (ct_engine_classify(e, text, c, n, "doc", &r, &err) == CT_OK) {
      ct_docinfo info;
      fz_check_results(rs, c, n, ct_results_array(r), 0);
      memset(&info, 0, sizeof info);
      info.results = ct_results_array(r);
      fz_check_output(ct_classify_formats, rs, text, c, n, &info);
      ct_results_free(r);
    }
    ct_engine_free(e);
  }
  free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *paths[1];
  ct_ruleset *rs;
  ct_error err;
  FILE *f = fopen(path, "wb");
  FUZZ_CHECK(f != NULL && fwrite(data, 1, size, f) == size &&
                 fclose(f) == 0, "cannot write %s", path);
  paths[0] = path;
  if (ct_ruleset_load(paths, 1, &limits, &rs, &err) != CT_OK) {
    FUZZ_CHECK(err.status > CT_OK && err.status < CT_STATUS_COUNT &&
                   err.msg[0] != '\0', "a failed load without a message");
    return 0;
  }
  classify(rs);
  write_weights(rs);
  ct_ruleset_free(rs);
  return 0;
}
