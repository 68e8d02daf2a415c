/*
** answer.h -- the stream contract on the command line's side: the
** closing record that answers each --input jsonl record (a document
** record, or an error record for a record that failed), from the
** document as the run loop hands it over; the writer writes it
** (ct_writer_answer).
*/
#ifndef CT_CLI_ANSWER_H
#define CT_CLI_ANSWER_H

#include "cli/doc.h"
#include "cli/options.h"

/* Does this run answer its records: --input jsonl, -f jsonl (not -c,
** whose count objects are no clause records), and not --clauses-only
** (the shape of the output before the contract)? */
int ct_cli_answers(const ct_cli_options *o);

/* Writes d's closing record through w: its document record, or its
** error record when d failed or stopped the run.  With --label, only the
** clauses w wrote are counted (w's selection). */
ct_status ct_cli_answer(ct_writer *w, const ct_cli_doc *d, ct_error *err);

#endif
