/*
** answer.h -- the closing records of the stream contract (--input jsonl
** -f jsonl): every input record is answered, after its clause records,
** by one document record or, when it could not be read or processed, by
** one error record, so a caller knows when a document's answer is
** complete and can check that every id came back exactly once.
**
**   {"id":ID,"meta":M,"type":"document","line":N,"status":"ok",
**    "clauses":N,"labels":[...]}          ("status":"partial" and
**                                          "errors":[...] when a rule
**                                          failed under --keep-going)
**   {"id":ID|null,"meta":M,"type":"error","line":N,"status":"error",
**    "error":"MESSAGE"}
**
** "meta" only when the record had one; "labels" (labels of at least one
** clause, in declaration order) only for classify.
*/
#ifndef CT_OUTPUT_ANSWER_H
#define CT_OUTPUT_ANSWER_H

#include "clausetag.h"
#include "core/buf.h"

typedef struct ct_answer {
  const char *id_json;        /* the record's id as JSON; NULL: null */
  const char *meta_json;      /* its meta object as JSON, or NULL */
  size_t line;                /* its line in its stream */
  size_t nclauses;
  const ct_ruleset *rs;       /* classify: label names; NULL: segment */
  const unsigned char *found; /* per label of rs: some clause has it */
  const char *errors;         /* lines: the rule errors (document) or the
                              ** message (error record); NULL: none */
} ct_answer;

/* Appends the document record of a, with its line end. */
ct_status ct_answer_document(ct_buf *b, const ct_answer *a);

/* Appends the error record of a, with its line end. */
ct_status ct_answer_error(ct_buf *b, const ct_answer *a);

#endif
