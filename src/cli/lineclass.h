/*
** lineclass.h -- classifying clause texts given one by one.
**
** `test` (rule-file examples) and `eval` (gold corpora) have clause texts,
** not documents.  They are classified as the lines of one document, as
** `--input lines` does: each text is one clause, and a text that reads as
** a title heads the texts after it, so context rules behave as they do
** on real input.
*/
#ifndef CT_CLI_LINECLASS_H
#define CT_CLI_LINECLASS_H

#include "clausetag.h"

typedef struct ct_cli_lines {
  ct_text *text;         /* the texts joined, one per line */
  ct_clause *clauses;
  size_t nclauses;
  ct_results *results;
  size_t *clause_of;     /* per text: 1 + its clause index, 0 if blank */
} ct_cli_lines;

/* Makes texts[0..n) the lines of one document and segments it, one
** clause per non-blank text.  Line breaks inside a text are read as
** spaces. */
ct_status ct_cli_lines_build(const char *name, const char *const *texts,
                             size_t n, ct_cli_lines *out, ct_error *err);

/* ct_cli_lines_build, then classifies the clauses with engine e. */
ct_status ct_cli_lines_classify(ct_engine *e, const char *name,
                                const char *const *texts, size_t n,
                                ct_cli_lines *out, ct_error *err);

/* The result of text i, or NULL for a blank text. */
const ct_result *ct_cli_lines_result(const ct_cli_lines *l, size_t i);

void ct_cli_lines_free(ct_cli_lines *l);

#endif
