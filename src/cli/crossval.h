/*
** crossval.h -- classifying gold documents, as they are or scored by
** weights trained without them (cross-validation by document).
**
** A document is never scored by weights that saw it: with K folds, the
** documents are dealt into K groups (by a hash of their names, so the
** split does not depend on file order), and each group is classified
** with weights trained by ct_train on the other K-1.  The weights in
** effect before are restored afterwards.
**
** The rule set's own examples may join every training set (never a
** fold: they are the rules' tests, not documents to score), each a
** one-clause document that counts, for the labels it checks, as many
** clauses as asked: weights that break a rule file's examples are
** weights its author would not ship.
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
  ct_cli_lines *xlines;      /* per example added: its text as a line */
  ct_labelled *xdocs;        /* the examples added, for ct_train */
  unsigned char *xgold;      /* nx * nlabels: the labels each names */
  double *xweight;           /* nx * nlabels: what each counts per label */
  size_t nx;
} ct_corpus;

/* 0, or 2 after printing why. */
int ct_corpus_open(ct_corpus *c, const ct_gold *gd, ct_ruleset *rs);
void ct_corpus_free(ct_corpus *c);

/* Adds the rule set's examples to every training set, each counting as
** `weight` clauses (> 0) for the labels it checks
** (ct_ruleset_example_checks).  0, or 2 after printing why. */
int ct_corpus_add_examples(ct_corpus *c, double weight);

/* Trains c->rs with options o on every document but those of fold f
** (SIZE_MAX: on all of them) and on the examples added.  0, or 2 after
** printing why. */
int ct_corpus_train(ct_corpus *c, size_t f, const ct_train_options *o);

/* Deals the documents into k folds (k >= 2, at most the documents). */
int ct_corpus_deal(ct_corpus *c, size_t k);

/* got (gd->n * gd->nlabels, zeroed by the caller) gets every clause's
** labels: with the weights in effect (folds 0), or cross-validated over
** the dealt folds, training with options o.  0, or 2 after printing
** why. */
int ct_corpus_predict(ct_corpus *c, size_t folds, const ct_train_options *o,
                      unsigned char *got);

#endif
