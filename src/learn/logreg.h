/*
** logreg.h -- penalized logistic regression, small and dense.
**
** Fits weights w and a threshold t so that P(y=1 | x) = s(beta (w.x - t))
** (s the logistic function) maximizes the likelihood of the data minus
** l2 * |w - w0|^2 and l2t * (t - t0)^2: weights are pulled toward prior
** values (the declared weights of rules) rather than toward 0, so a
** feature the data says little about keeps its prior.  Newton's method
** with a halving step; the problem is convex, so it converges from any
** start.
*/
#ifndef CT_LEARN_LOGREG_H
#define CT_LEARN_LOGREG_H

#include <stddef.h>
#include "clausetag.h"

typedef struct ct_logreg {
  size_t n, k;            /* examples, features */
  const double *x;        /* n * k, row major */
  const unsigned char *y; /* n: 0 or 1 */
  const double *sw;       /* n: how much each example counts (0: not at
                          ** all); NULL: 1 each */
  double beta;            /* scale of the score in the logit */
  double l2, l2t;         /* pulls on the weights and on the threshold */
  const double *w0;       /* k: prior weights */
  double t0;              /* prior threshold */
} ct_logreg;

/* Fits w[0..k) and *t, starting from the priors.  CT_ENOMEM only. */
ct_status ct_logreg_fit(const ct_logreg *m, double *w, double *t);

#endif
