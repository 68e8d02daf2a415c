/*
** answer.c -- a document's closing record, from what the run knows of it.
*/
#include <string.h>
#include "cli/answer.h"

int ct_cli_answers(const ct_cli_options *o) {
  return o->input == CT_CLI_INPUT_JSONL && !o->clauses_only && !o->count &&
         strcmp(o->format, "jsonl") == 0;
}

ct_status ct_cli_answer(ct_writer *w, const ct_cli_doc *d, ct_error *err) {
  ct_writer_doc rec;
  ct_cli_doc_record(d, &rec);
  if (d->failed || d->fatal)
    return ct_writer_answer_error(w, &rec,
                                  d->fatal ? d->err.msg : d->msgs.s, err);
  return ct_writer_answer(w, &rec, d->results, d->n, err);
}
