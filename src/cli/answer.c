/*
** answer.c -- a document's closing record, from what the run knows of it.
*/
#include <stdlib.h>
#include <string.h>
#include "cli/answer.h"
#include "output/answer.h"
#include "output/select.h"

int ct_cli_answers(const ct_cli_options *o) {
  return o->input == CT_CLI_INPUT_JSONL && !o->clauses_only &&
         strcmp(o->format->name, "jsonl") == 0;
}

/* The labels some clause of d that was written has, one flag per label
** of rs, and how many clauses were written. */
static unsigned char *labels_found(const ct_cli_doc *d, const ct_ruleset *rs,
                                   const unsigned char *want,
                                   size_t *written) {
  size_t i, k, n = ct_ruleset_nlabels(rs);
  unsigned char *found = calloc(n ? n : 1, 1);
  const ct_result *r = ct_results_array(d->results);
  *written = d->n;
  if (found == NULL || r == NULL) return found;
  for (i = 0; i < d->n; i++) {
    if (want != NULL && !ct_select_keeps(want, n, &r[i])) {
      --*written;
      continue;
    }
    for (k = 0; k < n; k++)
      if (r[i].has[k]) found[k] = 1;
  }
  return found;
}

ct_status ct_cli_answer(ct_buf *b, const ct_cli_doc *d, const ct_ruleset *rs,
                        const unsigned char *want) {
  ct_answer a;
  ct_status s;
  memset(&a, 0, sizeof a);
  a.id_json = d->id_json, a.meta_json = d->meta_json, a.line = d->line;
  if (d->failed || d->fatal) {
    a.errors = d->fatal ? d->err.msg : d->msgs.s;
    return ct_answer_error(b, &a);
  }
  a.nclauses = d->n;
  a.errors = d->errors.s;
  a.rs = rs;
  if (rs != NULL && (a.found = labels_found(d, rs, want, &a.nclauses)) == NULL)
    return CT_ENOMEM;
  s = ct_answer_document(b, &a);
  free((void *)a.found);
  return s;
}
