/*
** logreg.c -- penalized logistic regression by Newton's method.
**
** The parameters are v = (w, t); the logit of example i is
** beta (x_i . w - t), that is, a feature vector extended by a constant -1
** whose weight is the threshold.  The objective is the negative
** log-likelihood plus the pulls toward the priors; its Hessian is
** positive definite because of them, so a Cholesky factorization always
** exists.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "learn/logreg.h"

#define MAX_ITER 100

/* x_i extended by the threshold's constant: column j of example i. */
static double xe(const ct_logreg *m, size_t i, size_t j) {
  return j < m->k ? m->x[i * m->k + j] : -1.0;
}

static double count(const ct_logreg *m, size_t i) {
  return m->sw ? m->sw[i] : 1.0;
}

static double prior(const ct_logreg *m, size_t j) {
  return j < m->k ? m->w0[j] : m->t0;
}

static double pull(const ct_logreg *m, size_t j) {
  return j < m->k ? m->l2 : m->l2t;
}

/* log(1 + e^z) without overflow. */
static double softplus(double z) {
  return z > 0 ? z + log1p(exp(-z)) : log1p(exp(z));
}

static double objective(const ct_logreg *m, const double *v) {
  size_t i, j, d = m->k + 1;
  double f = 0;
  for (i = 0; i < m->n; i++) {
    double z = 0, s = count(m, i);
    if (s == 0) continue;
    for (j = 0; j < d; j++) z += xe(m, i, j) * v[j];
    z *= m->beta;
    f += s * (softplus(z) - (m->y[i] ? z : 0));
  }
  for (j = 0; j < d; j++) f += pull(m, j) * (v[j] - prior(m, j)) * (v[j] - prior(m, j));
  return f;
}

/* Gradient g and Hessian h (d * d) of the objective at v. */
static void derivatives(const ct_logreg *m, const double *v, double *g,
                        double *h) {
  size_t i, a, b, d = m->k + 1;
  memset(g, 0, d * sizeof *g);
  memset(h, 0, d * d * sizeof *h);
  for (i = 0; i < m->n; i++) {
    double z = 0, p, r, c, s = count(m, i);
    if (s == 0) continue;
    for (a = 0; a < d; a++) z += xe(m, i, a) * v[a];
    p = 1 / (1 + exp(-m->beta * z));
    r = s * m->beta * (p - m->y[i]);
    c = s * m->beta * m->beta * p * (1 - p);
    for (a = 0; a < d; a++) {
      double xa = xe(m, i, a);
      if (xa == 0) continue;
      g[a] += r * xa;
      for (b = 0; b < d; b++) h[a * d + b] += c * xa * xe(m, i, b);
    }
  }
  for (a = 0; a < d; a++) {
    g[a] += 2 * pull(m, a) * (v[a] - prior(m, a));
    h[a * d + a] += 2 * pull(m, a);
  }
}

/* Solves h s = g in place (s in g) by Cholesky; h is destroyed. */
static int solve(double *h, double *g, size_t d) {
  size_t i, j, k;
  for (j = 0; j < d; j++) {
    double s = h[j * d + j];
    for (k = 0; k < j; k++) s -= h[j * d + k] * h[j * d + k];
    if (!(s > 0)) return -1;
    h[j * d + j] = sqrt(s);
    for (i = j + 1; i < d; i++) {
      double t = h[i * d + j];
      for (k = 0; k < j; k++) t -= h[i * d + k] * h[j * d + k];
      h[i * d + j] = t / h[j * d + j];
    }
  }
  for (i = 0; i < d; i++) {          /* L y = g */
    for (k = 0; k < i; k++) g[i] -= h[i * d + k] * g[k];
    g[i] /= h[i * d + i];
  }
  for (i = d; i-- > 0;) {            /* L' s = y */
    for (k = i + 1; k < d; k++) g[i] -= h[k * d + i] * g[k];
    g[i] /= h[i * d + i];
  }
  return 0;
}

ct_status ct_logreg_fit(const ct_logreg *m, double *w, double *t) {
  size_t d = m->k + 1, j, it;
  double *v = malloc(d * sizeof *v), *g = malloc(d * sizeof *g);
  double *h = malloc(d * d * sizeof *h), *nv = malloc(d * sizeof *nv);
  double f;
  if (!v || !g || !h || !nv) {
    free(v); free(g); free(h); free(nv);
    return CT_ENOMEM;
  }
  for (j = 0; j < d; j++) v[j] = prior(m, j);
  f = objective(m, v);
  for (it = 0; it < MAX_ITER; it++) {
    double step = 1, nf, dec = 0;
    derivatives(m, v, g, h);
    for (j = 0; j < d; j++) dec += g[j] * g[j];
    if (dec < 1e-18 || solve(h, g, d) != 0) break;
    do {                             /* halve until the objective drops */
      for (j = 0; j < d; j++) nv[j] = v[j] - step * g[j];
      nf = objective(m, nv);
      step /= 2;
    } while (nf > f && step > 1e-10);
    if (nf > f) break;
    memcpy(v, nv, d * sizeof *v);
    if (f - nf < 1e-10 * (1 + fabs(f))) break;
    f = nf;
  }
  memcpy(w, v, m->k * sizeof *w);
  *t = v[m->k];
  free(v); free(g); free(h); free(nv);
  return CT_OK;
}
