/*
** vocabulary.h -- learning the terms of a rule set's vocabulary rules.
**
** What the written rules leave undecided is often a word they lack: a
** vocabulary rule (`vocabulary = true`) learns, from labelled clauses,
** how much each term (vocab.h) says for its label beyond what the rules
** already say.  Per vocabulary rule, a logistic regression over the
** clause's terms whose offset is the rules' own score: the logit of
** clause i is beta (score_i - threshold) + sum of the weights of its
** terms.  The weights are pulled to 0 (l2, divided by the number of
** clauses that hold the term, so a rare term must earn its weight), and
** fitted by AdaGrad over a fixed shuffle: the same data give the same
** file.
*/
#ifndef CT_LEARN_VOCABULARY_H
#define CT_LEARN_VOCABULARY_H

#include "clausetag.h"
#include "rules/rules.h"

/* Fits every vocabulary rule of rs to the clauses of docs[0..ndocs),
** whose scores under the rules in effect (no vocabulary) are scores
** (clause after clause, nlabels each), and puts the terms that count into
** rs->vocab (replacing what it held).  wt: how much each clause counts
** for each label, laid out as scores.  beta: the logit per unit of
** score.  CT_ENOMEM only. */
ct_status ct_fit_vocabulary(ct_ruleset *rs, const ct_labelled *docs,
                            size_t ndocs, const double *scores,
                            const double *wt, double beta, double l2,
                            ct_error *err);

#endif
