/*
** test_vocab.c -- learned vocabularies: the terms a clause gives (words
** of three characters or more, lowercased, not all digits; Hangul pairs,
** so that a particle does not hide a noun), the table of terms and
** weights, and the scan that finds a clause's distinct terms in it.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "rules/vocab.h"

typedef struct collect {
  char out[2048];
  size_t used;
  int stop_after;          /* > 0: stop the walk at this many terms */
  int seen;
} collect;

/* "term@start-end " for every term. */
static int add(void *ud, const char *term, size_t n, size_t start,
               size_t end) {
  collect *c = ud;
  c->used += (size_t)snprintf(c->out + c->used, sizeof c->out - c->used,
                              "%.*s@%zu-%zu ", (int)n, term, start, end);
  return ++c->seen == c->stop_after ? 7 : 0;
}

static void terms_are(const char *text, const char *want) {
  collect c;
  memset(&c, 0, sizeof c);
  assert_int_equal(ct_vocab_terms(text, strlen(text), add, &c), 0);
  assert_string_equal(c.out, want);
}

static void english_words(void **state) {
  (void)state;
  terms_are("The U.S. and ROK hold 2024 talks on AI.",
            "the@0-3 and@9-12 rok@13-16 hold@17-21 talks@27-32 ");
  terms_are("COVID-19 vaccines", "covid@0-5 vaccines@9-17 ");
  terms_are("", "");
  terms_are("ab 12345 x9y", "x9y@9-12 ");
}

static void non_ascii_words_fold(void **state) {
  (void)state;
  terms_are("ÉNERGIE Ünion", "\xc3\xa9nergie@0-8 \xc3\xbcnion@9-15 ");
}

/* A Hangul word gives its pairs, not itself: 국방을 holds 국방. */
static void hangul_pairs(void **state) {
  (void)state;
  terms_are("국방을 강화", "국방@0-6 방을@3-9 강화@10-16 ");
  terms_are("코로나19", "코로@0-6 로나@3-9 나1@6-10 ");
  terms_are("한", "");
}

static void invalid_bytes_end_words(void **state) {
  collect c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(ct_vocab_terms("trade\xff" "peace", 11, add, &c), 0);
  assert_string_equal(c.out, "trade@0-5 peace@6-11 ");
}

static void walk_stops(void **state) {
  collect c;
  (void)state;
  memset(&c, 0, sizeof c);
  c.stop_after = 2;
  assert_int_equal(ct_vocab_terms("one two three four", 18, add, &c), 7);
  assert_string_equal(c.out, "one@0-3 two@4-7 ");
}

/* A word too long to be a term is none; it still ends where it ends. */
static void long_word_is_no_term(void **state) {
  char text[CT_TERM_MAX + 16];
  collect c;
  (void)state;
  memset(text, 'a', CT_TERM_MAX + 1);
  strcpy(text + CT_TERM_MAX + 1, " end");
  memset(&c, 0, sizeof c);
  ct_vocab_terms(text, strlen(text), add, &c);
  assert_string_equal(c.out, "end@66-69 ");
}

static void table(void **state) {
  ct_vocab *v = ct_vocab_new(2);
  char name[32];
  size_t i;
  (void)state;
  assert_non_null(v);
  assert_int_equal(ct_vocab_set(v, "nuclear", 7, 0, 0.5), CT_OK);
  assert_int_equal(ct_vocab_set(v, "국방", 6, 1, 0.25), CT_OK);
  assert_int_equal(ct_vocab_set(v, "nuclear", 7, 1, -0.125), CT_OK);
  assert_int_equal(ct_vocab_rows(v), 2);
  assert_int_equal(ct_vocab_cols(v), 2);
  assert_int_equal(ct_vocab_find(v, "nuclear", 7), 0);
  assert_int_equal(ct_vocab_find(v, "nuclea", 6), (size_t)-1);
  assert_int_equal(ct_vocab_find(v, "nuclear!", 8), (size_t)-1);
  assert_true(ct_vocab_weight(v, 0, 1) == -0.125);
  assert_true(ct_vocab_weight(v, 1, 0) == 0);
  assert_string_equal(ct_vocab_term(v, 1), "국방");
  for (i = 0; i < 3000; i++) {            /* rows past the first rehashes */
    snprintf(name, sizeof name, "long-term-number-%zu", i);
    assert_int_equal(ct_vocab_set(v, name, strlen(name), 0, (double)i),
                     CT_OK);
  }
  assert_int_equal(ct_vocab_find(v, "long-term-number-2999", 21), 3001);
  assert_true(ct_vocab_weight(v, ct_vocab_find(v, "long-term-number-7", 18),
                              0) == 7);
  assert_int_equal(ct_vocab_find(v, "long-term-number-30000", 22), (size_t)-1);
  assert_int_equal(ct_vocab_find(v, "nuclear", 7), 0);
  /* terms that differ only in bytes 8-15 (compared in the row) and only
  ** after byte 16 (compared in the string) */
  assert_int_equal(ct_vocab_set(v, "cooperations-abc", 16, 1, 1.0), CT_OK);
  assert_int_equal(ct_vocab_set(v, "cooperations-abd", 16, 1, 2.0), CT_OK);
  assert_int_equal(ct_vocab_set(v, "international-law-a", 19, 1, 3.0), CT_OK);
  assert_int_equal(ct_vocab_set(v, "international-law-b", 19, 1, 4.0), CT_OK);
  assert_true(ct_vocab_weight(v, ct_vocab_find(v, "cooperations-abd", 16), 1)
              == 2.0);
  assert_true(ct_vocab_weight(v, ct_vocab_find(v, "international-law-b", 19),
                              1) == 4.0);
  assert_int_equal(ct_vocab_find(v, "cooperations-abe", 16), (size_t)-1);
  assert_int_equal(ct_vocab_find(v, "international-law-c", 19), (size_t)-1);
  assert_int_equal(ct_vocab_rows(v), 3006);
  ct_vocab_free(v);
}

/* A scan counts each distinct term once, in every column, and names the
** term that counts most toward each sum. */
static void scan_tallies(void **state) {
  ct_vocab *v = ct_vocab_new(3);
  ct_vocab_tally *t = ct_vocab_tally_new();
  const char *text = "Nuclear talks: the nuclear issue and 국방을 논의";
  size_t a = 0, b = 0;
  (void)state;
  assert_non_null(t);
  ct_vocab_set(v, "nuclear", 7, 0, 0.5);
  ct_vocab_set(v, "nuclear", 7, 1, -0.125);
  ct_vocab_set(v, "issue", 5, 1, 0.25);
  ct_vocab_set(v, "국방", 6, 0, 0.25);
  ct_vocab_set(v, "talks", 5, 1, -0.5);
  assert_int_equal(ct_vocab_scan(v, t, text, strlen(text), 100), CT_OK);
  assert_true(ct_vocab_sum(t, 0, &a, &b) == 0.75);     /* not 1.25 */
  assert_int_equal(a, 100);
  assert_int_equal(b, 107);
  assert_true(ct_vocab_sum(t, 1, &a, &b) == -0.375);
  assert_int_equal(a, 108);                            /* "talks" */
  assert_int_equal(b, 113);
  a = b = 9;
  assert_true(ct_vocab_sum(t, 2, &a, &b) == 0);
  assert_int_equal(a, 9);                              /* untouched */
  assert_true(ct_vocab_sum(t, 7, &a, &b) == 0);        /* no such column */
  /* the next text starts from nothing */
  assert_int_equal(ct_vocab_scan(v, t, "the issue", 9, 0), CT_OK);
  assert_true(ct_vocab_sum(t, 0, &a, &b) == 0);
  assert_true(ct_vocab_sum(t, 1, &a, &b) == 0.25);
  assert_int_equal(a, 4);
  /* a vocabulary that grew since: the tally grows with it */
  ct_vocab_set(v, "talks", 5, 2, 1.0);
  ct_vocab_set(v, "press", 5, 2, 2.0);
  assert_int_equal(ct_vocab_scan(v, t, "talks to the press", 18, 0), CT_OK);
  assert_true(ct_vocab_sum(t, 2, &a, &b) == 3.0);
  assert_int_equal(a, 13);
  assert_int_equal(ct_vocab_scan(NULL, t, text, strlen(text), 0), CT_OK);
  assert_true(ct_vocab_sum(t, 0, &a, &b) == 0);
  ct_vocab_tally_free(t);
  ct_vocab_free(v);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(english_words),
    cmocka_unit_test(non_ascii_words_fold),
    cmocka_unit_test(hangul_pairs),
    cmocka_unit_test(invalid_bytes_end_words),
    cmocka_unit_test(walk_stops),
    cmocka_unit_test(long_word_is_no_term),
    cmocka_unit_test(table),
    cmocka_unit_test(scan_tallies),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
