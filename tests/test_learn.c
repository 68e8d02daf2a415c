/*
** test_learn.c -- learning weights: the penalized logistic regression
** (logreg.c) on data whose answer is known, and ct_train through the
** public API on documents where the declared weights are wrong.
*/
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "learn/logreg.h"

/* -- logreg ----------------------------------------------------------- */

/* Feature 0 says yes, feature 1 is noise, feature 2 never occurs. */
static void fit_finds_the_signal(void **state) {
  enum { N = 40, K = 3 };
  double x[N * K], w[K], t, w0[K] = {1, 1, 1};
  unsigned char y[N];
  ct_logreg m;
  size_t i;
  (void)state;
  for (i = 0; i < N; i++) {
    y[i] = i % 2;
    x[i * K + 0] = y[i];
    x[i * K + 1] = (i / 2) % 2;
    x[i * K + 2] = 0;
  }
  m.n = N, m.k = K, m.x = x, m.y = y, m.sw = NULL, m.beta = 4;
  m.l2 = 0.1, m.l2t = 0.001, m.w0 = w0, m.t0 = 1;
  assert_int_equal(ct_logreg_fit(&m, w, &t), CT_OK);
  assert_true(w[0] > 1.5);             /* the signal grows */
  assert_true(fabs(w[1]) < 0.3);       /* the noise goes to nothing */
  assert_true(w[2] == 1.0);            /* no data: the prior stays */
  assert_true(t > 0 && t < w[0]);      /* the signal alone crosses it */
}

/* The stronger the pull, the nearer the prior. */
static void fit_pull_toward_prior(void **state) {
  enum { N = 20, K = 1 };
  double x[N], w_weak, w_strong, t, w0[K] = {2};
  unsigned char y[N];
  ct_logreg m;
  size_t i;
  (void)state;
  for (i = 0; i < N; i++) x[i] = 1, y[i] = i < 10;   /* a coin flip */
  m.n = N, m.k = K, m.x = x, m.y = y, m.sw = NULL, m.beta = 4;
  m.l2t = 0.001, m.w0 = w0, m.t0 = 1;
  m.l2 = 0.01;
  assert_int_equal(ct_logreg_fit(&m, &w_weak, &t), CT_OK);
  m.l2 = 100;
  assert_int_equal(ct_logreg_fit(&m, &w_strong, &t), CT_OK);
  assert_true(fabs(w_strong - 2) < 0.05);
  assert_true(fabs(w_weak - 2) > fabs(w_strong - 2));
}

/* An example's weight is how many times it counts: 0 is as if it were
** not there, 2 as if it were there twice. */
static void fit_counts_weighted_examples(void **state) {
  enum { N = 12, K = 1 };
  double x[2 * N], sw[2 * N], w0[K] = {1}, w_a, w_b, t_a, t_b;
  unsigned char y[2 * N];
  ct_logreg m;
  size_t i;
  (void)state;
  for (i = 0; i < N; i++) x[i] = 1, y[i] = i % 3 != 0;
  m.n = N, m.k = K, m.x = x, m.y = y, m.sw = NULL, m.beta = 4;
  m.l2 = 0.1, m.l2t = 0.001, m.w0 = w0, m.t0 = 1;
  assert_int_equal(ct_logreg_fit(&m, &w_a, &t_a), CT_OK);
  for (i = 0; i < N; i++) x[N + i] = 1, y[N + i] = 0, sw[i] = 1, sw[N + i] = 0;
  m.n = 2 * N, m.sw = sw;               /* N more, all "no", counting 0 */
  assert_int_equal(ct_logreg_fit(&m, &w_b, &t_b), CT_OK);
  assert_true(fabs(w_a - w_b) < 1e-9 && fabs(t_a - t_b) < 1e-9);
  for (i = 0; i < N; i++) x[N + i] = 1, y[N + i] = y[i], sw[i] = 2;
  m.n = N;                              /* each twice, as one of weight 2 */
  assert_int_equal(ct_logreg_fit(&m, &w_a, &t_a), CT_OK);
  m.n = 2 * N, m.sw = NULL;
  assert_int_equal(ct_logreg_fit(&m, &w_b, &t_b), CT_OK);
  assert_true(fabs(w_a - w_b) < 1e-6 && fabs(t_a - t_b) < 1e-6);
}

/* -- ct_train through the public API ---------------------------------- */

#define RULES "build/test-learn-rules.lua"

/* Documents of two sentences each: "alpha" marks label a, "beta" occurs
** in half the clauses either way, so its declared weight is wrong. */
static const char *const sentences[] = {
  "The alpha plan starts.", "A beta note follows.",
  "An alpha and beta case.", "Nothing here at all.",
};
static const unsigned char gold_a[] = {1, 0, 1, 0};

typedef struct corpus {
  ct_text *t[6];
  ct_clause *c[6];
  size_t n[6];
  ct_labelled docs[6];
} corpus;

static void corpus_make(corpus *cp) {
  char buf[256];
  ct_error err;
  size_t d, i;
  memset(cp, 0, sizeof *cp);
  for (d = 0; d < 6; d++) {
    buf[0] = '\0';
    for (i = 0; i < 4; i++) {
      strcat(buf, sentences[(i + d) % 4]);
      strcat(buf, "\n");
    }
    assert_int_equal(ct_text_from_buffer("doc", buf, strlen(buf),
                                         CT_INVALID_ERROR, &cp->t[d], &err),
                     CT_OK);
    assert_int_equal(ct_segment_lines(cp->t[d], &cp->c[d], &cp->n[d], &err),
                     CT_OK);
    assert_int_equal(cp->n[d], 4);
    cp->docs[d].text = cp->t[d];
    cp->docs[d].clauses = cp->c[d];
    cp->docs[d].n = 4;
    cp->docs[d].gold = malloc(4);
    for (i = 0; i < 4; i++)
      ((unsigned char *)cp->docs[d].gold)[i] = gold_a[(i + d) % 4];
  }
}

static void corpus_free(corpus *cp) {
  size_t d;
  for (d = 0; d < 6; d++) {
    free((void *)cp->docs[d].gold);
    free(cp->c[d]);
    ct_text_free(cp->t[d]);
  }
}

/* Errors of the rule set on documents first..6, counted clause by clause. */
static int errors(const ct_ruleset *rs, corpus *cp, size_t first) {
  ct_engine *e;
  ct_error err;
  int wrong = 0;
  size_t d, i;
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  for (d = first; d < 6; d++) {
    ct_results *res = NULL;
    const ct_result *r;
    assert_int_equal(ct_engine_classify(e, cp->t[d], cp->c[d], 4, NULL, &res,
                                        &err), CT_OK);
    r = ct_results_array(res);
    for (i = 0; i < 4; i++) wrong += r[i].has[0] != cp->docs[d].gold[i];
    ct_results_free(res);
  }
  ct_engine_free(e);
  return wrong;
}

/* Label a: "alpha" declared weak (0.5), "beta" strong (1.0). */
static ct_ruleset *alpha_beta_rules(void) {
  const char *paths[] = {RULES};
  FILE *f = fopen(RULES, "w");
  ct_ruleset *rs = NULL;
  ct_error err;
  assert_non_null(f);
  fputs("label \"a\" {}\n"
        "rule \"a.alpha\" { label = \"a\", words = \"alpha\", weight = 0.5 }\n"
        "rule \"a.beta\" { label = \"a\", words = \"beta\", weight = 1.0 }\n", f);
  fclose(f);
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_OK);
  return rs;
}

static void train_beats_declared(void **state) {
  ct_ruleset *rs;
  ct_error err;
  corpus cp;
  ct_train_options o;
  (void)state;
  rs = alpha_beta_rules();
  corpus_make(&cp);
  assert_true(errors(rs, &cp, 4) > 0);            /* declared: wrong */
  ct_train_options_default(&o);
  assert_int_equal(ct_train(rs, cp.docs, 4, &o, &err), CT_OK);  /* 4 of 6 */
  assert_int_equal(errors(rs, &cp, 4), 0);        /* held out: right */
  assert_true(ct_ruleset_rule(rs, 0)->learned);
  assert_true(ct_ruleset_rule(rs, 0)->weight > ct_ruleset_rule(rs, 1)->weight);
  assert_true(ct_ruleset_rule(rs, 0)->declared == 0.5);
  assert_true(ct_ruleset_label(rs, 0)->prior == 0.5);   /* 8 of 16 clauses */
  corpus_free(&cp);
  ct_ruleset_free(rs);
}

/* A document whose weight is 0 for a label teaches nothing about it:
** wrong gold there leaves the weights and the prior as they were. */
static void train_zero_weight_teaches_nothing(void **state) {
  const double zero[4] = {0, 0, 0, 0};
  const unsigned char wrong[4] = {0, 1, 0, 1};
  const unsigned char *gold;
  ct_ruleset *rs;
  ct_error err;
  corpus cp;
  double w0, w1, t0, p0;
  (void)state;
  rs = alpha_beta_rules();
  corpus_make(&cp);
  assert_int_equal(ct_train(rs, cp.docs, 5, NULL, &err), CT_OK);
  w0 = ct_ruleset_rule(rs, 0)->weight, w1 = ct_ruleset_rule(rs, 1)->weight;
  t0 = ct_ruleset_label(rs, 0)->threshold, p0 = ct_ruleset_label(rs, 0)->prior;
  gold = cp.docs[5].gold;
  cp.docs[5].gold = wrong, cp.docs[5].weight = zero;
  assert_int_equal(ct_train(rs, cp.docs, 6, NULL, &err), CT_OK);
  assert_true(ct_ruleset_rule(rs, 0)->weight == w0);
  assert_true(ct_ruleset_rule(rs, 1)->weight == w1);
  assert_true(ct_ruleset_label(rs, 0)->threshold == t0);
  assert_true(ct_ruleset_label(rs, 0)->prior == p0);
  cp.docs[5].weight = NULL;             /* counted: the weights move */
  assert_int_equal(ct_train(rs, cp.docs, 6, NULL, &err), CT_OK);
  assert_true(ct_ruleset_rule(rs, 0)->weight != w0);
  cp.docs[5].gold = gold;
  corpus_free(&cp);
  ct_ruleset_free(rs);
}

static void set_weights_checks(void **state) {
  const char *paths[] = {RULES};
  FILE *f = fopen(RULES, "w");
  double w[1] = {NAN}, t[1] = {0}, p[1];
  ct_ruleset *rs;
  ct_error err;
  char *text = NULL;
  size_t len = 0;
  FILE *out;
  (void)state;
  fputs("label \"a\" {}\nrule \"a.x\" { label = \"a\", words = \"x\" }\n", f);
  fclose(f);
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_OK);
  assert_int_equal(ct_ruleset_set_weights(rs, w, NULL, &err), CT_EUSAGE);
  assert_string_equal(err.msg, "rule 'a.x': a weight must be a number between "
                      "-1000000 and 1000000");
  assert_int_equal(ct_ruleset_set_weights(rs, NULL, t, &err), CT_EUSAGE);
  w[0] = 2, t[0] = 0.5;
  assert_int_equal(ct_ruleset_set_weights(rs, w, t, &err), CT_OK);
  out = open_memstream(&text, &len);
  assert_int_equal(ct_ruleset_write_weights(rs, out, "one\ntwo", &err), CT_OK);
  fclose(out);
  assert_string_equal(text, "-- one\n-- two\nweights {\n  thresholds = {\n"
                      "    [\"a\"] = 0.5000,\n  },\n  rules = {\n"
                      "    [\"a.x\"] = 2.0000,\n  },\n}\n");
  free(text);
  p[0] = 1.25;
  assert_int_equal(ct_ruleset_set_priors(rs, p, &err), CT_EUSAGE);
  assert_string_equal(err.msg, "label 'a': a prior must be a number from 0 "
                      "to 1");
  assert_true(ct_ruleset_label(rs, 0)->prior == -1);
  p[0] = 0.125;
  assert_int_equal(ct_ruleset_set_priors(rs, p, &err), CT_OK);
  out = open_memstream(&text, &len);
  assert_int_equal(ct_ruleset_write_weights(rs, out, NULL, &err), CT_OK);
  fclose(out);
  assert_string_equal(text, "weights {\n  thresholds = {\n"
                      "    [\"a\"] = 0.5000,\n  },\n  priors = {\n"
                      "    [\"a\"] = 0.1250,\n  },\n  rules = {\n"
                      "    [\"a.x\"] = 2.0000,\n  },\n}\n");
  free(text);
  assert_int_equal(ct_ruleset_set_priors(rs, NULL, &err), CT_OK);
  assert_true(ct_ruleset_label(rs, 0)->prior == -1);
  ct_ruleset_free(rs);
}

/* -- vocabulary rules ------------------------------------------------- */

#define VDOCS 16

/* Label a is said by "alpha" (a word of its rule) or by "tuna" and
** "quotas" (words no rule has); each document holds every sentence once,
** in another order. */
static const char *const vsentences[] = {
  "The alpha plan starts.", "Tuna quotas were agreed.", "A beta note follows.",
  "Nothing here at all.", "The quotas for tuna rose.", "The beta case is closed.",
};
static const unsigned char vgold[] = {1, 1, 0, 0, 1, 0};

typedef struct vcorpus {
  ct_text *t[VDOCS];
  ct_clause *c[VDOCS];
  ct_labelled docs[VDOCS];
  unsigned char gold[VDOCS][6];
} vcorpus;

static void vcorpus_make(vcorpus *cp) {
  char buf[512];
  ct_error err;
  size_t d, i, n;
  memset(cp, 0, sizeof *cp);
  for (d = 0; d < VDOCS; d++) {
    buf[0] = '\0';
    for (i = 0; i < 6; i++) {
      strcat(buf, vsentences[(i + d) % 6]);
      strcat(buf, "\n");
      cp->gold[d][i] = vgold[(i + d) % 6];
    }
    assert_int_equal(ct_text_from_buffer("doc", buf, strlen(buf),
                                         CT_INVALID_ERROR, &cp->t[d], &err),
                     CT_OK);
    assert_int_equal(ct_segment_lines(cp->t[d], &cp->c[d], &n, &err), CT_OK);
    assert_int_equal(n, 6);
    cp->docs[d].text = cp->t[d];
    cp->docs[d].clauses = cp->c[d];
    cp->docs[d].n = 6;
    cp->docs[d].gold = cp->gold[d];
  }
}

static void vcorpus_free(vcorpus *cp) {
  size_t d;
  for (d = 0; d < VDOCS; d++) {
    free(cp->c[d]);
    ct_text_free(cp->t[d]);
  }
}

/* Errors on the last two documents, which training does not see. */
static int verrors(const ct_ruleset *rs, vcorpus *cp) {
  ct_engine *e;
  ct_error err;
  int wrong = 0;
  size_t d, i;
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  for (d = VDOCS - 2; d < VDOCS; d++) {
    ct_results *res = NULL;
    const ct_result *r;
    assert_int_equal(ct_engine_classify(e, cp->t[d], cp->c[d], 6, NULL, &res,
                                        &err), CT_OK);
    r = ct_results_array(res);
    for (i = 0; i < 6; i++) wrong += r[i].has[0] != cp->gold[d][i];
    ct_results_free(res);
  }
  ct_engine_free(e);
  return wrong;
}

/* Label a, said by "alpha" or by the terms training learns. */
static ct_ruleset *vrules(void) {
  const char *paths[] = {RULES};
  FILE *f = fopen(RULES, "w");
  ct_ruleset *rs = NULL;
  ct_error err;
  assert_non_null(f);
  fputs("label \"a\" {}\n"
        "rule \"a.alpha\" { label = \"a\", words = \"alpha\" }\n"
        "rule \"a.learned\" { label = \"a\", vocabulary = true }\n", f);
  fclose(f);
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_OK);
  return rs;
}

/* F1 of label a on the first ndocs documents at threshold t, and the
** best F1 of any threshold among their scores, by the rule set as it is
** (learned vocabulary included). */
static double vf1(const ct_ruleset *rs, vcorpus *cp, size_t ndocs, double t,
                  double *best) {
  double s[VDOCS * 6];
  unsigned char y[VDOCS * 6];
  ct_engine *e;
  ct_error err;
  size_t d, i, j, k, n = 0;
  double at = 0;
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  for (d = 0; d < ndocs; d++) {
    ct_results *res = NULL;
    assert_int_equal(ct_engine_classify(e, cp->t[d], cp->c[d], 6, NULL, &res,
                                        &err), CT_OK);
    for (i = 0; i < 6; i++, n++) {
      s[n] = ct_results_array(res)[i].scores[0];
      y[n] = cp->gold[d][i];
    }
    ct_results_free(res);
  }
  ct_engine_free(e);
  *best = 0;
  for (k = 0; k <= n; k++) {
    double th = k < n ? s[k] : t, f;
    size_t tp = 0, fp = 0, fn = 0;
    for (j = 0; j < n; j++) {
      int got = s[j] >= th - 1e-9;
      tp += got && y[j], fp += got && !y[j], fn += !got && y[j];
    }
    f = tp ? 2.0 * tp / (2.0 * tp + fp + fn) : 0;
    if (k == n) at = f;
    else if (th >= 0.05 && f > *best) *best = f;     /* MIN_THRESHOLD */
  }
  return at;
}

/* The threshold is chosen for the scores as they will be, the learned
** vocabulary's sums included: pulled hard toward 0 (vocabulary l2 100;
** 70 to 120 show the same), the learned terms cannot lift "tuna" and
** "quotas" to the rules' own threshold, and a threshold left there
** missed them all (F1 0.5 instead of 1). */
static void thresholds_fit_final_scores(void **state) {
  ct_ruleset *rs = vrules();
  ct_error err;
  vcorpus cp;
  ct_train_options o;
  double best, at;
  (void)state;
  vcorpus_make(&cp);
  ct_train_options_default(&o);
  o.vocabulary_l2 = 100;
  assert_int_equal(ct_train(rs, cp.docs, VDOCS - 2, &o, &err), CT_OK);
  at = vf1(rs, &cp, VDOCS - 2, ct_ruleset_label(rs, 0)->threshold, &best);
  assert_true(at >= best - 0.001);
  assert_true(at > 0.99);                  /* the tuna clauses are found */
  assert_int_equal(verrors(rs, &cp), 0);
  vcorpus_free(&cp);
  ct_ruleset_free(rs);
}

static void vocabulary_learns_missing_words(void **state) {
  FILE *f, *out;
  ct_ruleset *rs = vrules(), *again;
  ct_error err;
  vcorpus cp;
  ct_train_options o;
  char *text = NULL;
  size_t len = 0;
  (void)state;
  assert_true(ct_ruleset_rule(rs, 1)->vocabulary);
  vcorpus_make(&cp);
  assert_int_equal(verrors(rs, &cp), 4);          /* the tuna clauses */
  ct_train_options_default(&o);
  assert_int_equal(ct_train(rs, cp.docs, VDOCS - 2, &o, &err), CT_OK);
  assert_int_equal(verrors(rs, &cp), 0);
  out = open_memstream(&text, &len);
  assert_int_equal(ct_ruleset_write_weights(rs, out, NULL, &err), CT_OK);
  fclose(out);
  assert_non_null(strstr(text, "  vocabulary = {\n    [\"a.learned\"] = [[\n"));
  assert_non_null(strstr(text, "\ntuna 0."));
  /* the file loads back and classifies the same */
  f = fopen("build/test-learn-weights.lua", "w");
  fputs(text, f);
  fclose(f);
  {
    const char *both[] = {RULES, "build/test-learn-weights.lua"};
    assert_int_equal(ct_ruleset_load(both, 2, NULL, &again, &err), CT_OK);
  }
  assert_int_equal(verrors(again, &cp), 0);
  /* training again starts from no vocabulary: the same file */
  assert_int_equal(ct_train(rs, cp.docs, VDOCS - 2, &o, &err), CT_OK);
  {
    char *text2 = NULL;
    size_t len2 = 0;
    out = open_memstream(&text2, &len2);
    assert_int_equal(ct_ruleset_write_weights(rs, out, NULL, &err), CT_OK);
    fclose(out);
    assert_string_equal(text, text2);
    free(text2);
  }
  o.vocabulary_l2 = 0;
  assert_int_equal(ct_train(rs, cp.docs, VDOCS - 2, &o, &err), CT_EUSAGE);
  assert_string_equal(err.msg, "train: the vocabulary's l2 must be a number "
                      "greater than 0");
  free(text);
  vcorpus_free(&cp);
  ct_ruleset_free(again);
  ct_ruleset_free(rs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(fit_finds_the_signal),
    cmocka_unit_test(fit_pull_toward_prior),
    cmocka_unit_test(fit_counts_weighted_examples),
    cmocka_unit_test(train_beats_declared),
    cmocka_unit_test(train_zero_weight_teaches_nothing),
    cmocka_unit_test(set_weights_checks),
    cmocka_unit_test(vocabulary_learns_missing_words),
    cmocka_unit_test(thresholds_fit_final_scores),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
