/*
** fuzz_classify.c -- classification of arbitrary text with the shipped
** rules.
**
** The rules are loaded once (LLVMFuzzerInitialize) from $CT_FUZZ_RULES,
** else from the rules/ directory the Makefile compiled in.  Each input is
** read with invalid UTF-8 replaced, segmented both ways (sentences with
** the rule set's abbreviations, and lines) and classified; the shipped
** rules must never fail on any text, and the results must keep the
** promises fz_check_results knows: every hit inside its clause, every
** score finite and the sum of its hits.  The sentences are then written
** in every format of `clausetag classify` (fz_check_output).  A second
** engine keeps no hits (ct_engine_keep_hits): its scores and labels must
** be the first's.
*/
#include <string.h>
#include "clausetag.h"
#include "fuzz.h"
#include "output_check.h"
#include "results_check.h"

#ifndef CT_FUZZ_RULES_DIR
#define CT_FUZZ_RULES_DIR "rules"
#endif

static ct_ruleset *rules;
static ct_engine *engine, *bare;

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  const char *dir = getenv("CT_FUZZ_RULES");
  ct_error err;
  (void)argc;
  (void)argv;
  if (dir == NULL || *dir == '\0') dir = CT_FUZZ_RULES_DIR;
  if (ct_ruleset_load(&dir, 1, NULL, &rules, &err) != CT_OK ||
      ct_engine_new(rules, &engine, &err) != CT_OK ||
      ct_engine_new(rules, &bare, &err) != CT_OK)
    FUZZ_FAIL("loading the shipped rules: %s", err.msg);
  ct_engine_keep_hits(bare, 0);
  return 0;
}

/* The engine that keeps no hits gives r's scores and labels. */
static void same_without_hits(const ct_text *t, const ct_clause *c, size_t n,
                              const ct_results *r, const char *how) {
  ct_results *b = NULL;
  ct_error err;
  size_t i, k, nl = ct_ruleset_nlabels(rules);
  if (ct_engine_classify(bare, t, c, n, "fuzz", &b, &err) != CT_OK)
    FUZZ_FAIL("%s: without hits: %s", how, err.msg);
  for (i = 0; i < n; i++) {
    const ct_result *x = ct_results_get(r, i), *y = ct_results_get(b, i);
    if (y->nhits != 0) FUZZ_FAIL("%s: clause %zu: hits kept", how, i);
    for (k = 0; k < nl; k++)
      if (x->scores[k] != y->scores[k] || x->has[k] != y->has[k] ||
          x->context_has[k] != y->context_has[k])
        FUZZ_FAIL("%s: clause %zu, label %zu: %g without hits, %g with",
                  how, i, k, y->scores[k], x->scores[k]);
  }
  ct_results_free(b);
}

static void classify(const ct_text *t, const ct_clause *c, size_t n,
                     const char *how, int write) {
  ct_results *r = NULL;
  ct_error err;
  ct_docinfo info;
  if (ct_engine_classify(engine, t, c, n, "fuzz", &r, &err) != CT_OK)
    FUZZ_FAIL("%s: ct_engine_classify: %s", how, err.msg);
  fz_check_results(rules, c, n, ct_results_array(r), 1);
  same_without_hits(t, c, n, r, how);
  if (write) {
    memset(&info, 0, sizeof info);
    info.results = ct_results_array(r);
    fz_check_output(ct_classify_formats, rules, t, c, n, &info);
  }
  ct_results_free(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_error err;
  if (ct_text_from_buffer("fuzz", data, size, CT_INVALID_REPLACE, &t,
                          &err) != CT_OK)
    return 0;                                    /* a NUL byte: binary */
  if (ct_segment(t, ct_ruleset_abbrevs(rules), &c, &n, &err) != CT_OK)
    FUZZ_FAIL("ct_segment: %s", err.msg);
  classify(t, c, n, "sentences", 1);
  free(c);
  if (ct_segment_lines(t, &c, &n, &err) != CT_OK)
    FUZZ_FAIL("ct_segment_lines: %s", err.msg);
  classify(t, c, n, "lines", 0);
  free(c);
  ct_text_free(t);
  return 0;
}
