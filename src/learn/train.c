/*
** train.c -- fitting rule weights and label thresholds to labelled
** documents (ct_train).
**
** Each round classifies every document with the weights in effect and
** records, per clause, how strongly each rule fired; then each label's
** rules get weights and the label a threshold by penalized logistic
** regression (logreg.c) on those strengths.  Rules of one label never
** share a weight with another label, so the labels are fitted apart.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "learn/logreg.h"
#include "learn/vocabulary.h"
#include "rules/rules.h"

#define BETA 4.0            /* logit per unit of score */
#define MIN_THRESHOLD 0.05  /* a label needs some evidence */
#define F1_SLACK 0.001      /* final_thresholds: F1 this close to the best
                            ** is a few clauses in thousands, noise; the
                            ** threshold nearest the rules' own is kept */
#define FINAL_ROUNDS 3      /* final_thresholds: a clause's labels feed the
                            ** context rules of the next, so new thresholds
                            ** move the scores they were chosen on; three
                            ** rounds settle the shipped rules' (the last
                            ** moves none by more than 0.01) */

void ct_train_options_default(ct_train_options *o) {
  o->l2 = 1.0;
  o->rounds = 2;
  o->f1_thresholds = 1;
  o->vocabulary_l2 = 5.0;
}

/* What the rules did on every clause of every document. */
typedef struct table {
  size_t n, nrules, nlabels;
  double *x;                /* n * nrules: strengths */
  double *score;            /* n * nlabels: scores */
  unsigned char *y;         /* n * nlabels: gold */
  double *wt;               /* n * nlabels: how much each counts */
} table;

static ct_status record_doc(table *tb, size_t row, const ct_labelled *d,
                            const ct_result *r) {
  size_t i, h;
  for (i = 0; i < d->n; i++) {
    double *x = tb->x + (row + i) * tb->nrules;
    for (h = 0; h < r[i].nhits; h++) x[r[i].hits[h].rule] = r[i].hits[h].strength;
    memcpy(tb->score + (row + i) * tb->nlabels, r[i].scores,
           tb->nlabels * sizeof *tb->score);
    memcpy(tb->y + (row + i) * tb->nlabels, d->gold + i * tb->nlabels,
           tb->nlabels);
  }
  return CT_OK;
}

/* How much each clause counts for each label: the documents' weights,
** which no round changes. */
static void weigh(table *tb, const ct_labelled *docs, size_t ndocs) {
  size_t d, k, row = 0, nl = tb->nlabels;
  for (d = 0; d < ndocs; row += docs[d].n * nl, d++)
    for (k = 0; k < docs[d].n * nl; k++)
      tb->wt[row + k] = docs[d].weight ? docs[d].weight[k] : 1.0;
}

/* Classifies every document with the weights in effect into tb. */
static ct_status observe(const ct_ruleset *rs, const ct_labelled *docs,
                         size_t ndocs, table *tb, ct_error *err) {
  ct_engine *e;
  size_t k, row = 0;
  ct_status st = ct_engine_new(rs, &e, err);
  if (st != CT_OK) return st;
  memset(tb->x, 0, tb->n * tb->nrules * sizeof *tb->x);
  for (k = 0; st == CT_OK && k < ndocs; k++) {
    ct_results *r = NULL;
    st = ct_engine_classify(e, docs[k].text, docs[k].clauses, docs[k].n,
                            NULL, &r, err);
    if (st != CT_OK) break;
    record_doc(tb, row, &docs[k], ct_results_array(r));
    row += docs[k].n;
    ct_results_free(r);
  }
  ct_engine_free(e);
  return st;
}

/* A candidate threshold: a clause's score, whether the clause has the
** label, and the F1 of the threshold at that score. */
typedef struct cand {
  double s, f1, w;          /* w: how much the clause counts */
  unsigned char y;
} cand;

static int score_down(const void *a, const void *b) {
  double x = ((const cand *)a)->s, z = ((const cand *)b)->s;
  return (x < z) - (x > z);
}

/* F1 at every score of c[0..n), sorted down: a clause counts as given
** the label at threshold t when its score is at least t - 1e-9.  One
** sweep, so that training on many clauses is not quadratic. */
static void f1_all(cand *c, size_t n) {
  size_t i, k = 0;
  double tp = 0, fp = 0, pos = 0;
  for (i = 0; i < n; i++) pos += c[i].y * c[i].w;
  for (i = 0; i < n; i++) {
    for (; k < n && c[k].s >= c[i].s - 1e-9; k++)
      tp += c[k].y * c[k].w, fp += !c[k].y * c[k].w;
    c[i].f1 = tp > 0 ? 2.0 * tp / (tp + fp + pos) : 0;
  }
}

/* F1 of the scores s[0..n) against y (clause j counting wt[j * stride])
** at threshold t. */
static double f1_at(const double *s, const unsigned char *y,
                    const double *wt, size_t n, size_t stride, double t) {
  double tp = 0, fp = 0, fn = 0;
  size_t j;
  for (j = 0; j < n; j++) {
    int got = s[j] >= t - 1e-9, want = y[j * stride];
    double w = wt[j * stride];
    tp += (got && want) * w, fp += (got && !want) * w;
    fn += (!got && want) * w;
  }
  return tp > 0 ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
}

/* *t (on entry the threshold to stay near): the threshold in
** [MIN_THRESHOLD, inf), among the scores s[0..n) and *t itself, nearest
** *t whose F1 against y is within `slack` of the best (0: the best, ties
** to the nearest). */
static ct_status f1_threshold(const double *s, const unsigned char *y,
                              const double *wt, size_t n, size_t stride,
                              double slack, double *t) {
  cand *c = malloc((n + 1) * sizeof *c);
  double near = *t, bestf;
  size_t i;
  if (c == NULL) return CT_ENOMEM;
  for (i = 0; i < n; i++)
    c[i].s = s[i], c[i].y = y[i * stride] != 0, c[i].w = wt[i * stride];
  qsort(c, n, sizeof *c, score_down);
  f1_all(c, n);
  c[n].s = near, c[n].f1 = f1_at(s, y, wt, n, stride, near);
  bestf = -1;
  for (i = 0; i <= n; i++)
    if (c[i].s >= MIN_THRESHOLD) bestf = fmax(bestf, c[i].f1);
  for (i = 0; i <= n; i++)
    if (c[i].s >= MIN_THRESHOLD && c[i].f1 >= bestf - slack - 1e-12 &&
        (*t == near || fabs(c[i].s - near) < fabs(*t - near)))
      *t = c[i].s;
  free(c);
  return CT_OK;
}

static double round4(double v) { return round(v * 1e4) / 1e4; }

/* A threshold written to four places, rounded down so that the clause
** whose score it is keeps the label. */
static double floor4(double v) { return floor(v * 1e4) / 1e4; }

/* Fits label l: weights of its rules into w, its threshold into *t. */
static ct_status fit_label(const ct_ruleset *rs, const table *tb, size_t l,
                           const ct_train_options *o, double *w, double *t) {
  size_t k = 0, r, i;
  size_t *cols = malloc((tb->nrules + 1) * sizeof *cols);
  double *x = NULL, *w0 = NULL, *wk = NULL, *score = NULL, *sw = NULL;
  unsigned char *y = NULL;
  ct_logreg m;
  ct_status st = CT_ENOMEM;
  if (cols == NULL) return CT_ENOMEM;
  for (r = 0; r < tb->nrules; r++)
    if (rs->rules[r].info.label == l && !rs->rules[r].info.vocabulary)
      cols[k++] = r;
  x = calloc(tb->n * k + 1, sizeof *x);
  w0 = calloc(k + 1, sizeof *w0);
  wk = calloc(k + 1, sizeof *wk);
  score = calloc(tb->n + 1, sizeof *score);
  y = calloc(tb->n + 1, 1);
  sw = calloc(tb->n + 1, sizeof *sw);
  if (x && w0 && wk && score && y && sw) {
    for (i = 0; i < tb->n; i++) {
      for (r = 0; r < k; r++) x[i * k + r] = tb->x[i * tb->nrules + cols[r]];
      y[i] = tb->y[i * tb->nlabels + l];
      sw[i] = tb->wt[i * tb->nlabels + l];
    }
    for (r = 0; r < k; r++) w0[r] = rs->rules[cols[r]].info.declared;
    m.n = tb->n, m.k = k, m.x = x, m.y = y, m.sw = sw, m.beta = BETA;
    m.l2 = o->l2, m.l2t = o->l2 / 100, m.w0 = w0;
    m.t0 = rs->labels[l].declared_threshold;
    st = ct_logreg_fit(&m, wk, t);
  }
  if (st == CT_OK) {
    for (r = 0; r < k; r++) w[cols[r]] = wk[r] = round4(wk[r]);
    for (i = 0; i < tb->n; i++)
      for (r = 0; r < k; r++) score[i] += wk[r] * x[i * k + r];
    if (*t < MIN_THRESHOLD) *t = MIN_THRESHOLD;
    if (o->f1_thresholds) st = f1_threshold(score, y, sw, tb->n, 1, 0, t);
    *t = round4(*t);
    if (*t < MIN_THRESHOLD) *t = MIN_THRESHOLD;
  }
  free(cols); free(x); free(w0); free(wk); free(score); free(y); free(sw);
  return st;
}

static ct_status fit_all(ct_ruleset *rs, const table *tb,
                         const ct_train_options *o, ct_error *err) {
  double *w = calloc(rs->nrules + 1, sizeof *w);
  double *t = calloc(rs->nlabels + 1, sizeof *t);
  size_t l, r;
  ct_status st = w && t ? CT_OK : CT_ENOMEM;
  for (r = 0; w && r < rs->nrules; r++) w[r] = rs->rules[r].info.declared;
  for (l = 0; st == CT_OK && l < rs->nlabels; l++)
    st = fit_label(rs, tb, l, o, w, &t[l]);
  if (st == CT_OK) st = ct_ruleset_set_weights(rs, w, t, err);
  else ct_fail(err, st, "train: out of memory");
  free(w);
  free(t);
  return st;
}

/* Each label's threshold chosen again for the F1 of the scores as they
** will be, the learned vocabulary's sums included.  fit_label's are the
** best for the rules alone; the vocabulary, fitted to the likelihood
** around them (a clause at the threshold is even odds), leaves F1's best
** elsewhere: lower for four of the shipped labels, by 0.06 to 0.10, so
** that new documents, whose words the rules lack, lost recall
** (docs/quality.md, "Thresholds for the scores as shipped"). */
static ct_status final_thresholds(ct_ruleset *rs, const ct_labelled *docs,
                                  size_t ndocs, table *tb, ct_error *err) {
  double *s = malloc((tb->n + 1) * sizeof *s);
  double *t = malloc((rs->nlabels + 1) * sizeof *t);
  size_t l, i;
  ct_status st = s && t ? observe(rs, docs, ndocs, tb, err)
                        : ct_fail(err, CT_ENOMEM, "train: out of memory");
  for (l = 0; st == CT_OK && l < rs->nlabels; l++) {
    for (i = 0; i < tb->n; i++) s[i] = tb->score[i * tb->nlabels + l];
    t[l] = rs->labels[l].threshold;
    st = f1_threshold(s, tb->y + l, tb->wt + l, tb->n, tb->nlabels,
                      F1_SLACK, &t[l]);
    t[l] = floor4(t[l]);
    if (t[l] < MIN_THRESHOLD) t[l] = MIN_THRESHOLD;
  }
  if (st == CT_ENOMEM) ct_fail(err, st, "train: out of memory");
  if (st == CT_OK) st = ct_ruleset_set_weights(rs, NULL, t, err);
  free(s);
  free(t);
  return st;
}

/* Each label's prior: the share of the training clauses, titles aside,
** that have it, each clause counting as much as it does for the label
** (what a clause of recent context leans toward before any came before
** it: ct_recent_start). */
static ct_status set_priors(ct_ruleset *rs, const ct_labelled *docs,
                            size_t ndocs, ct_error *err) {
  size_t d, i, l, nl = rs->nlabels;
  double *p = calloc(2 * nl + 1, sizeof *p), *body = p + nl;
  ct_status st;
  if (p == NULL) return ct_fail(err, CT_ENOMEM, "train: out of memory");
  for (d = 0; d < ndocs; d++)
    for (i = 0; i < docs[d].n; i++) {
      if (docs[d].clauses[i].title) continue;
      for (l = 0; l < nl; l++) {
        double w = docs[d].weight ? docs[d].weight[i * nl + l] : 1.0;
        body[l] += w;
        p[l] += (docs[d].gold[i * nl + l] != 0) * w;
      }
    }
  for (l = 0; l < nl; l++) p[l] = body[l] > 0 ? round4(p[l] / body[l]) : 0;
  st = ct_ruleset_set_priors(rs, p, err);
  free(p);
  return st;
}

/* The declared weights and thresholds back in effect. */
static ct_status declared(ct_ruleset *rs, ct_error *err) {
  double *w = calloc(rs->nrules + 1, sizeof *w);
  double *t = calloc(rs->nlabels + 1, sizeof *t);
  size_t i;
  ct_status st = CT_ENOMEM;
  if (w && t) {
    for (i = 0; i < rs->nrules; i++) w[i] = rs->rules[i].info.declared;
    for (i = 0; i < rs->nlabels; i++) t[i] = rs->labels[i].declared_threshold;
    st = ct_ruleset_set_weights(rs, w, t, err);
  } else {
    ct_fail(err, st, "train: out of memory");
  }
  free(w);
  free(t);
  return st;
}

ct_status ct_train(ct_ruleset *rs, const ct_labelled *docs, size_t ndocs,
                   const ct_train_options *o, ct_error *err) {
  ct_train_options dflt;
  table tb;
  size_t k;
  unsigned round;
  ct_status st;
  if (o == NULL) ct_train_options_default(&dflt), o = &dflt;
  if (!(o->l2 > 0) || !isfinite(o->l2))
    return ct_fail(err, CT_EUSAGE, "train: l2 must be a number greater "
                   "than 0");
  if (!(o->vocabulary_l2 > 0) || !isfinite(o->vocabulary_l2))
    return ct_fail(err, CT_EUSAGE, "train: the vocabulary's l2 must be a "
                   "number greater than 0");
  memset(&tb, 0, sizeof tb);
  tb.nrules = rs->nrules;
  tb.nlabels = rs->nlabels;
  for (k = 0; k < ndocs; k++) tb.n += docs[k].n;
  tb.x = calloc(tb.n * tb.nrules + 1, sizeof *tb.x);
  tb.y = calloc(tb.n * tb.nlabels + 1, 1);
  tb.score = calloc(tb.n * tb.nlabels + 1, sizeof *tb.score);
  tb.wt = calloc(tb.n * tb.nlabels + 1, sizeof *tb.wt);
  ct_vocab_free(rs->vocab);          /* the rules are fitted without it */
  rs->vocab = NULL;
  if (tb.x == NULL || tb.y == NULL || tb.score == NULL || tb.wt == NULL) {
    st = ct_fail(err, CT_ENOMEM, "train: out of memory");
  } else {
    weigh(&tb, docs, ndocs);
    st = declared(rs, err);
    if (st == CT_OK) st = set_priors(rs, docs, ndocs, err);
    for (round = 0; st == CT_OK && round < (o->rounds ? o->rounds : 1); round++) {
      st = observe(rs, docs, ndocs, &tb, err);
      if (st == CT_OK) st = fit_all(rs, &tb, o, err);
    }
    if (st == CT_OK && rs->nvcols > 0) st = observe(rs, docs, ndocs, &tb, err);
    if (st == CT_OK && rs->nvcols > 0)
      st = ct_fit_vocabulary(rs, docs, ndocs, tb.score, tb.wt, BETA,
                             o->vocabulary_l2, err);
    for (round = 0; st == CT_OK && rs->nvcols > 0 && o->f1_thresholds &&
                    round < FINAL_ROUNDS; round++)
      st = final_thresholds(rs, docs, ndocs, &tb, err);
  }
  free(tb.x);
  free(tb.y);
  free(tb.score);
  free(tb.wt);
  return st;
}
