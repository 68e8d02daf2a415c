/*
** crossval.h -- classifying gold documents, as they are or scored by
** weights trained without them (cross-validation by document).
**
** A document is never scored by weights that saw it: with K folds, the
** documents are dealt into K groups (by a hash of their names, so the
** split does not depend on file order), and each group is classified
** with weights trained by ct_train on the other K-1.  The weights in
** effect before are restored afterwards.
*/
#ifndef CT_CLI_CROSSVAL_H
#define CT_CLI_CROSSVAL_H

#include "cli/gold.h"

typedef struct ct_corpus {
  const ct_gold *gd;
  ct_ruleset *rs;
  ct_cli_lines *lines;       /* per document: its texts as lines */
  ct_labelled *docs;         /* per document, for ct_train */
  unsigned char *gold;       /* the docs' gold rows, by clause */
  size_t *fold;              /* per document, once dealt */
} ct_corpus;

/* 0, or 2 after printing why. */
int ct_corpus_open(ct_corpus *c, const ct_gold *gd, ct_ruleset *rs);
void ct_corpus_free(ct_corpus *c);

/* Deals the documents into k folds (k >= 2, at most the documents). */
int ct_corpus_deal(ct_corpus *c, size_t k);

/* got (gd->n * gd->nlabels, zeroed by the caller) gets every clause's
** labels: with the weights in effect (folds 0), or cross-validated over
** the dealt folds, training with options o.  0, or 2 after printing
** why. */
int ct_corpus_predict(ct_corpus *c, size_t folds, const ct_train_options *o,
                      unsigned char *got);

#endif
