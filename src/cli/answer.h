/*
** answer.h -- the stream contract on the command line's side: the
** closing record that answers each --input jsonl record (a document
** record, or an error record for a record that failed), built from the
** document as the run loop hands it over (output/answer.h writes it).
*/
#ifndef CT_CLI_ANSWER_H
#define CT_CLI_ANSWER_H

#include "cli/doc.h"
#include "cli/options.h"

/* Does this run answer its records: --input jsonl, -f jsonl, and not
** --clauses-only (the shape of the output before the contract)? */
int ct_cli_answers(const ct_cli_options *o);

/* Appends d's closing record to b: its document record, or its error
** record when d failed or stopped the run.  rs: the rule set whose
** labels d's results name (classify); NULL for segment.  want: with
** --label, the labels of the clauses written (only those are counted);
** NULL: every clause was written. */
ct_status ct_cli_answer(ct_buf *b, const ct_cli_doc *d, const ct_ruleset *rs,
                        const unsigned char *want);

#endif
