/*
** gold.h -- labelled clauses (gold JSONL files) for eval and train.
**
** Gold lines are {"text": ..., "labels": [...]} with an optional "doc".
** Consecutive lines of one file with the same "doc" are one document:
** they are classified together, in order, as the lines of one document
** (so rules that read the section heading or the previous clause work as
** on real input); a line without a doc is a document of its own.  Labels
** the rule set does not declare are kept (they count as missed) after the
** rule set's own.
*/
#ifndef CT_CLI_GOLD_H
#define CT_CLI_GOLD_H

#include <stddef.h>
#include "clausetag.h"
#include "cli/lineclass.h"

typedef struct ct_gold_clause {
  char *doc;             /* NULL: a document of its own */
  char *text;
  const char *path;      /* the gold file, and the line in it */
  size_t line;
  const unsigned char *want;   /* per label (rule set's, then extra) */
} ct_gold_clause;

typedef struct ct_gold_doc {
  size_t first, end;     /* its clauses: g[first..end) */
  int korean;            /* some clause has Hangul */
} ct_gold_doc;

typedef struct ct_gold {
  const ct_ruleset *rs;
  ct_gold_clause *g;
  size_t n, cap;
  ct_gold_doc *docs;
  size_t ndocs;
  char **extra;          /* gold labels the rule set does not have */
  size_t nextra;
  size_t nlabels;        /* rule-set labels + extra */
  unsigned char *want;   /* n * nlabels */
  long *labels;          /* while reading: label indexes, -1 separated */
  size_t nlab, caplab;
} ct_gold;

/* Reads gold files paths[0..npaths) for rule set rs.  0, or 2 after
** printing every bad line ("FILE:LINE: what is wrong"). */
int ct_gold_read(ct_gold *gd, const ct_ruleset *rs, const char *const *paths,
                 size_t npaths);

const char *ct_gold_label_name(const ct_gold *gd, size_t k);

/* Document d's texts as the lines of one document, segmented; the
** clause of gold clause i is l->clause_of[i - first]. */
ct_status ct_gold_lines(const ct_gold *gd, size_t d, ct_cli_lines *l,
                        ct_error *err);

void ct_gold_free(ct_gold *gd);

#endif
