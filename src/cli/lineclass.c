/*
** lineclass.c -- classifying clause texts as the lines of one document.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/lineclass.h"

/* The texts as the lines of one document (a line break inside a text
** becomes a space), malloc'ed; NULL when out of memory. */
static char *join(const char *const *texts, size_t n, size_t *len) {
  size_t i, total = 0;
  char *s, *p;
  for (i = 0; i < n; i++) total += strlen(texts[i]) + 1;
  if ((s = p = malloc(total + 1)) == NULL) return NULL;
  for (i = 0; i < n; i++) {
    const char *q;
    for (q = texts[i]; *q; q++) *p++ = *q == '\n' || *q == '\r' ? ' ' : *q;
    *p++ = '\n';
  }
  *p = '\0';
  *len = total;
  return s;
}

ct_status ct_cli_lines_build(const char *name, const char *const *texts,
                             size_t n, ct_cli_lines *out, ct_error *err) {
  char *doc = NULL;
  size_t len = 0, k;
  ct_status st;
  memset(out, 0, sizeof *out);
  out->clause_of = calloc(n + 1, sizeof *out->clause_of);
  if (out->clause_of == NULL || (doc = join(texts, n, &len)) == NULL) {
    if (err != NULL) {
      err->status = CT_ENOMEM;
      snprintf(err->msg, sizeof err->msg, "%s: out of memory", name);
    }
    return CT_ENOMEM;
  }
  st = ct_text_from_buffer(name, doc, len, CT_INVALID_REPLACE, &out->text,
                           err);
  free(doc);
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
