/*
** explain.h -- why a clause has its labels, as lines for a person.
**
** One renderer for everything that explains a result in text:
** `classify --explain` under each clause, and `test` and `eval` under a
** failing example or a misclassified gold clause (the public
** ct_result_explain is it too):
**
**     + RULE -> LABEL +W "MATCH" [START-END]     a words or regex rule
**                                                (the span if asked for)
**     + RULE -> LABEL +W (learned; declared +D) (focus)
**     = LABEL +SCORE >= THRESHOLD, LABEL +SCORE < THRESHOLD
**
** A rule without words or regex judged the whole clause, so its reason
** (when, focus, or its context) is named instead of the clause again.
** Hits come in reading order: the labels the clause got first, then the
** others in declaration order, the largest weights first within a label;
** the `=` line the same way.  Numbers are written as in jsonl (the
** shortest text that reads back as the same double).
*/
#ifndef CT_EXPLAIN_H
#define CT_EXPLAIN_H

#include "clausetag.h"
#include "core/buf.h"
#include "output/json.h"

typedef struct ct_explain {
  const ct_ruleset *rs;
  int color;              /* labels in their ANSI colours */
  int spans;              /* " [START-END]" after a match */
  const unsigned char *only;  /* per label: explain it; NULL: all */
  ct_numcache *nums;      /* numbers last written, or NULL */
  size_t *order;          /* scratch: a result's hits in the order
                          ** written, grown as needed */
  size_t order_cap;
} ct_explain;

/* Appends the lines for result res of a clause of text t (offsets as
** ct_text_source_span gives them); nothing when no rule fired for the
** labels explained. */
ct_status ct_explain_add(ct_explain *x, ct_buf *b, const ct_text *t,
                         const ct_result *res);

/* Frees x's scratch (not what it points to). */
void ct_explain_free(ct_explain *x);

#endif
