/*
** lineclass.c -- classifying clause texts as the lines of one document.
*/
#include <stdlib.h>
#include <string.h>
#include "cli/lineclass.h"
#include "core/buf.h"
#include "core/error.h"

static ct_status join(const char *const *texts, size_t n, ct_buf *b) {
  size_t i;
  for (i = 0; i < n; i++) {
    const char *p;
    for (p = texts[i]; *p; p++)
      if (ct_buf_addc(b, *p == '\n' || *p == '\r' ? ' ' : *p) != CT_OK)
        return CT_ENOMEM;
    if (ct_buf_addc(b, '\n') != CT_OK) return CT_ENOMEM;
  }
  return CT_OK;
}

ct_status ct_cli_lines_build(const char *name, const char *const *texts,
                             size_t n, ct_cli_lines *out, ct_error *err) {
  ct_buf b = {0};
  ct_status st;
  size_t k;
  memset(out, 0, sizeof *out);
  out->clause_of = calloc(n + 1, sizeof *out->clause_of);
  if (out->clause_of == NULL || join(texts, n, &b) != CT_OK) {
    ct_buf_free(&b);
    return ct_fail(err, CT_ENOMEM, "%s: out of memory", name);
  }
  st = ct_text_from_buffer(name, b.s ? b.s : "", b.len, CT_INVALID_REPLACE,
                           &out->text, err);
  ct_buf_free(&b);
  if (st == CT_OK)
    st = ct_segment_lines(out->text, &out->clauses, &out->nclauses, err);
  if (st != CT_OK) return st;
  for (k = 0; k < out->nclauses; k++)   /* text i is line i + 1 */
    if (out->clauses[k].line - 1 < n) out->clause_of[out->clauses[k].line - 1] = k + 1;
  return CT_OK;
}

ct_status ct_cli_lines_classify(ct_engine *e, const char *name,
                                const char *const *texts, size_t n,
                                ct_cli_lines *out, ct_error *err) {
  ct_status st = ct_cli_lines_build(name, texts, n, out, err);
  if (st == CT_OK)
    st = ct_engine_classify(e, out->text, out->clauses, out->nclauses, NULL,
                            &out->results, err);
  return st;
}

const ct_result *ct_cli_lines_result(const ct_cli_lines *l, size_t i) {
  return l->clause_of[i] ? ct_results_get(l->results, l->clause_of[i] - 1)
                         : NULL;
}

void ct_cli_lines_free(ct_cli_lines *l) {
  ct_results_free(l->results);
  free(l->clauses);
  free(l->clause_of);
  ct_text_free(l->text);
  memset(l, 0, sizeof *l);
}
