/*
** test_diff.c -- the clause alignment of `clausetag diff` (clausetag.h: ct_align).
**
** Similarity on chosen texts (case, order, punctuation, Korean endings),
** alignments with known answers (insertions, deletions, rewordings,
** moves, empty sides), the promises of ct_align on 2,000 random pairs of
** sequences (every item once, order kept, no pair below the threshold,
** the largest sum of similarities, checked against an exhaustive search),
** and the budget: a large gap is searched in a band, in bounded cells.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "clausetag.h"

/* ---- similarity -------------------------------------------------------- */

static double sim(const char *x, const char *y) {
  double d = ct_align_similarity(x, y);
  assert_true(d >= 0 && d <= 1);
  return d;
}

static void test_similarity(void **state) {
  (void)state;
  assert_true(sim("Clean energy.", "Clean energy.") == 1.0);
  /* case, order, punctuation and NFKC width do not count */
  assert_true(sim("Clean ENERGY, now!", "now: clean energy") == 1.0);
  assert_true(sim("ｃｌｅａｎ energy", "clean energy") == 1.0);
  assert_true(sim("alpha beta", "gamma delta") == 0.0);
  /* {a b c d} and {a b c e}: 2*3/8 */
  assert_true(sim("a b c d", "a b c e") == 0.75);
  /* words only: texts without any are equal or not */
  assert_true(sim("—", "—") == 1.0);
  assert_true(sim("—", "•") == 0.0);
  assert_true(sim("", "clean") == 0.0);
  /* a Korean word that changes its particle keeps its first pair */
  assert_true(sim("양국은 협력을 강화한다", "양국은 협력도 강화한다") > 0.6);
  assert_true(sim("양국은 협력을 강화한다", "기후 변화") == 0.0);
}

/* ---- alignments with known answers ------------------------------------- */

typedef struct want {
  size_t a, b;
} want;

#define NONE CT_ALIGN_NONE

static ct_align_pair *align(const char *const *a, size_t na,
                            const char *const *b, size_t nb, size_t *n) {
  ct_align_pair *p = NULL;
  ct_error err = {0};
  assert_int_equal(ct_align(a, na, b, nb, NULL, &p, n, NULL, &err), CT_OK);
  return p;
}

static void expect(const char *const *a, size_t na, const char *const *b,
                   size_t nb, const want *w, size_t nw) {
  size_t n, i;
  ct_align_pair *p = align(a, na, b, nb, &n);
  for (i = 0; i < n && i < nw; i++) {
    if (p[i].a != w[i].a || p[i].b != w[i].b)
      fail_msg("step %zu: got (%zd, %zd), want (%zd, %zd)", i,
               (ssize_t)p[i].a, (ssize_t)p[i].b, (ssize_t)w[i].a,
               (ssize_t)w[i].b);
  }
  assert_int_equal(n, nw);
  ct_align_free(p);
}

static const char *const doc_a[] = {
  "Joint Fact Sheet",
  "The United States will provide $10 million for clean energy.",
  "Both sides will expand student exchanges.",
  "The leaders discussed the regional security situation.",
};

static void test_identical(void **state) {
  static const want w[] = {{0, 0}, {1, 1}, {2, 2}, {3, 3}};
  size_t n, i;
  ct_align_pair *p;
  (void)state;
  expect(doc_a, 4, doc_a, 4, w, 4);
  p = align(doc_a, 4, doc_a, 4, &n);
  for (i = 0; i < n; i++) {
    assert_true(p[i].exact);
    assert_true(p[i].similarity == 1.0);
  }
  ct_align_free(p);
}

static void test_insert_delete_reword(void **state) {
  static const char *const b[] = {
    "Joint Fact Sheet",
    "The United States will provide $20 million for clean energy projects.",
    "The leaders discussed the regional security situation.",
    "They agreed to launch a new dialogue on space cooperation.",
  };
  /* the reworded commitment pairs, exchanges are dropped, space is new */
  static const want w[] = {{0, 0}, {1, 1}, {2, NONE}, {3, 2}, {NONE, 3}};
  size_t n;
  ct_align_pair *p;
  (void)state;
  expect(doc_a, 4, b, 4, w, 5);
  p = align(doc_a, 4, b, 4, &n);
  assert_false(p[1].exact);
  assert_true(p[1].similarity > 0.5 && p[1].similarity < 1.0);
  ct_align_free(p);
}

static void test_dropped_before_new(void **state) {
  static const char *const a[] = {"one two", "three four", "five six"};
  static const char *const b[] = {"one two", "seven eight", "five six"};
  static const want w[] = {{0, 0}, {1, NONE}, {NONE, 1}, {2, 2}};
  (void)state;
  expect(a, 3, b, 3, w, 4);
}

static void test_move(void **state) {
  /* order is kept: a clause moved to the end is dropped and new */
  static const char *const a[] = {"alpha one", "beta two", "gamma three"};
  static const char *const b[] = {"beta two", "gamma three", "alpha one"};
  static const want w[] = {{0, NONE}, {1, 0}, {2, 1}, {NONE, 2}};
  (void)state;
  expect(a, 3, b, 3, w, 4);
}

static void test_exact_wins(void **state) {
  /* b[0] rewords a[0] with the same words; b[1] is a's exact copy: the
  ** copy pairs, the rewording is new */
  static const char *const a[] = {"clean energy now"};
  static const char *const b[] = {"Now, clean energy!", "clean energy now"};
  static const want w[] = {{NONE, 0}, {0, 1}};
  (void)state;
  expect(a, 1, b, 2, w, 2);
}

static void test_empty_sides(void **state) {
  static const want w1[] = {{NONE, 0}, {NONE, 1}};
  static const want w2[] = {{0, NONE}, {1, NONE}};
  (void)state;
  expect(doc_a, 0, doc_a, 2, w1, 2);
  expect(doc_a, 2, doc_a, 0, w2, 2);
  expect(doc_a, 0, doc_a, 0, NULL, 0);
}

static void test_bad_options(void **state) {
  ct_align_options o;
  ct_align_pair *p = NULL;
  ct_error err = {0};
  size_t n;
  (void)state;
  ct_align_options_default(&o);
  o.threshold = 0;
  assert_int_equal(ct_align(doc_a, 1, doc_a, 1, &o, &p, &n, NULL, &err),
                   CT_EUSAGE);
  o.threshold = 1.5;
  assert_int_equal(ct_align(doc_a, 1, doc_a, 1, &o, &p, &n, NULL, &err),
                   CT_EUSAGE);
  ct_align_options_default(&o);
  o.max_cells = 0;
  assert_int_equal(ct_align(doc_a, 1, doc_a, 1, &o, &p, &n, NULL, &err),
                   CT_EUSAGE);
  assert_null(p);
}

/* ---- the promises on random sequences ---------------------------------- */

static unsigned long rng = 12345;

static unsigned rnd(unsigned n) {
  rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned)((rng >> 33) % n);
}

static const char *const pool[] = {"alpha", "beta", "gamma", "delta",
                                   "trade", "energy", "health", "협력을"};

/* A text of 1 to 4 words of the pool, with a side mark ("a" or "b")
** that no word shares: no text of one side equals one of the other, so
** there are no anchors and the programme alone decides. */
static char *random_text(const char *mark) {
  char buf[128];
  size_t len = 0;
  unsigned k, n = 1 + rnd(4);
  for (k = 0; k < n; k++)
    len += (size_t)snprintf(buf + len, sizeof buf - len, "%s ",
                            pool[rnd(8)]);
  snprintf(buf + len, sizeof buf - len, "%s", mark);
  return strdup(buf);
}

static double wgt(const char *x, const char *y, double thr) {
  double d = ct_align_similarity(x, y);
  return d >= thr ? d : -1;
}

/* The best sum of similarities of an order-keeping alignment, by
** exhaustive recursion (n and m are small). */
static double best(char **a, size_t na, char **b, size_t nb, double thr) {
  double x, y, w;
  if (na == 0 || nb == 0) return 0;
  x = best(a + 1, na - 1, b, nb, thr);
  y = best(a, na, b + 1, nb - 1, thr);
  if (y > x) x = y;
  if ((w = wgt(a[0], b[0], thr)) >= 0) {
    y = w + best(a + 1, na - 1, b + 1, nb - 1, thr);
    if (y > x) x = y;
  }
  return x;
}

static void check_random(size_t na, size_t nb, double thr) {
  char *a[6], *b[6];
  unsigned char seen_a[6] = {0}, seen_b[6] = {0};
  ct_align_options o;
  ct_align_pair *p = NULL;
  ct_error err = {0};
  size_t n, i, last_a = 0, last_b = 0;
  int any_a = 0, any_b = 0;
  double sum = 0;
  for (i = 0; i < na; i++) a[i] = random_text("x");
  for (i = 0; i < nb; i++) b[i] = random_text("y");
  ct_align_options_default(&o);
  o.threshold = thr;
  assert_int_equal(ct_align((const char *const *)a, na,
                            (const char *const *)b, nb, &o, &p, &n, NULL,
                            &err), CT_OK);
  for (i = 0; i < n; i++) {
    if (p[i].a != NONE) {
      assert_true(p[i].a < na && !seen_a[p[i].a]);
      assert_true(!any_a || p[i].a > last_a);
      seen_a[p[i].a] = 1, last_a = p[i].a, any_a = 1;
    }
    if (p[i].b != NONE) {
      assert_true(p[i].b < nb && !seen_b[p[i].b]);
      assert_true(!any_b || p[i].b > last_b);
      seen_b[p[i].b] = 1, last_b = p[i].b, any_b = 1;
    }
    assert_true(p[i].a != NONE || p[i].b != NONE);
    if (p[i].a != NONE && p[i].b != NONE) {
      assert_true(p[i].similarity >= thr);
      sum += p[i].similarity;
    }
    /* dropped before new between two pairs */
    if (i > 0 && p[i].b == NONE) assert_true(p[i - 1].a != NONE);
  }
  for (i = 0; i < na; i++) assert_true(seen_a[i]);
  for (i = 0; i < nb; i++) assert_true(seen_b[i]);
  {
    double top = best(a, na, b, nb, thr);
    if (sum < top - 1e-9 || sum > top + 1e-9)
      fail_msg("sum of similarities %.6f, best %.6f", sum, top);
  }
  ct_align_free(p);
  for (i = 0; i < na; i++) free(a[i]);
  for (i = 0; i < nb; i++) free(b[i]);
}

static void test_random_promises(void **state) {
  static const double thr[] = {0.2, 0.5, 0.8};
  int k;
  (void)state;
  for (k = 0; k < 2000; k++)
    check_random(rnd(7), rnd(7), thr[k % 3]);
}

/* ---- the budget -------------------------------------------------------- */

static void test_band(void **state) {
  enum { N = 400 };
  char *a[N], *b[N];
  ct_align_options o;
  ct_align_stats st;
  ct_align_pair *p = NULL;
  ct_error err = {0};
  size_t n, i, pairs = 0;
  (void)state;
  /* b rewords every clause of a: no anchors, one gap of N x N */
  for (i = 0; i < N; i++) {
    char buf[96];
    snprintf(buf, sizeof buf, "clause %zu on topic %zu and more", i, i * 7);
    a[i] = strdup(buf);
    snprintf(buf, sizeof buf, "clause %zu on topic %zu and more too", i,
             i * 7);
    b[i] = strdup(buf);
  }
  ct_align_options_default(&o);
  o.max_cells = 10000;
  assert_int_equal(ct_align((const char *const *)a, N,
                            (const char *const *)b, N, &o, &p, &n, &st,
                            &err), CT_OK);
  assert_true(st.banded);
  assert_int_equal(st.anchors, 0);
  /* half-width 8: at most (N + 1) rows of 2 * 8 + 3 cells */
  assert_true(st.cells <= (size_t)(N + 1) * 19);
  for (i = 0; i < n; i++) {
    if (p[i].a != NONE && p[i].b != NONE) {
      assert_int_equal(p[i].a, p[i].b);
      pairs++;
    }
  }
  assert_int_equal(pairs, N);
  ct_align_free(p);
  /* the default budget searches the whole gap */
  assert_int_equal(ct_align((const char *const *)a, N,
                            (const char *const *)b, N, NULL, &p, &n, &st,
                            &err), CT_OK);
  assert_false(st.banded);
  assert_int_equal(st.cells, (size_t)(N + 1) * (N + 1));
  ct_align_free(p);
  for (i = 0; i < N; i++) free(a[i]), free(b[i]);
}

static void test_anchors_cut_gaps(void **state) {
  enum { N = 300 };
  char *a[N];
  ct_align_stats st;
  ct_align_pair *p = NULL;
  ct_error err = {0};
  size_t n, i;
  (void)state;
  for (i = 0; i < N; i++) {
    char buf[64];
    snprintf(buf, sizeof buf, "unique clause number %zu", i);
    a[i] = strdup(buf);
  }
  assert_int_equal(ct_align((const char *const *)a, N,
                            (const char *const *)a, N, NULL, &p, &n, &st,
                            &err), CT_OK);
  assert_int_equal(st.anchors, N);
  assert_int_equal(st.cells, 0);
  assert_int_equal(n, N);
  ct_align_free(p);
  for (i = 0; i < N; i++) free(a[i]);
}

static void test_gap_anchors(void **state) {
  /* "Annex" is twice in each version, so not an anchor of the whole; in
  ** the gap between "Preamble" and "Signatures" it is once: a gap too
  ** large for the budget is searched for such clauses again */
  enum { N = 100 };
  char *a[2 * N + 4], *b[2 * N + 4];
  ct_align_options o;
  ct_align_stats st;
  ct_align_pair *p = NULL;
  ct_error err = {0};
  size_t n, i, k = 0, annex = 0;
  (void)state;
  a[k] = strdup("Preamble"), b[k++] = strdup("Preamble");
  for (i = 0; i < 2 * N + 1; i++, k++) {
    char buf[96];
    if (i == N) {
      a[k] = strdup("Annex"), b[k] = strdup("Annex");
      continue;
    }
    snprintf(buf, sizeof buf, "article %zu on topic %zu", i, i * 3);
    a[k] = strdup(buf);
    snprintf(buf, sizeof buf, "article %zu on topic %zu as amended", i, i * 3);
    b[k] = strdup(buf);
  }
  a[k] = strdup("Signatures"), b[k++] = strdup("Signatures");
  a[k] = strdup("Annex"), b[k++] = strdup("Annex");
  ct_align_options_default(&o);
  o.max_cells = 2000;
  assert_int_equal(ct_align((const char *const *)a, k,
                            (const char *const *)b, k, &o, &p, &n, &st,
                            &err), CT_OK);
  assert_int_equal(st.anchors, 3);
  for (i = 0; i < n; i++) {
    assert_int_equal(p[i].a, p[i].b);
    if (p[i].exact && strcmp(a[p[i].a], "Annex") == 0) annex++;
  }
  assert_int_equal(n, k);
  assert_int_equal(annex, 2);
  ct_align_free(p);
  for (i = 0; i < k; i++) free(a[i]), free(b[i]);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_similarity),
    cmocka_unit_test(test_identical),
    cmocka_unit_test(test_insert_delete_reword),
    cmocka_unit_test(test_dropped_before_new),
    cmocka_unit_test(test_move),
    cmocka_unit_test(test_exact_wins),
    cmocka_unit_test(test_empty_sides),
    cmocka_unit_test(test_bad_options),
    cmocka_unit_test(test_random_promises),
    cmocka_unit_test(test_band),
    cmocka_unit_test(test_anchors_cut_gaps),
    cmocka_unit_test(test_gap_anchors),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
