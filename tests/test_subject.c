/*
** test_subject.c -- what a regex searches in a clause (rules/subject.h):
** a clause without a tab, line break, vertical tab or form feed is
** searched in place; in one with them each run of white space that holds
** one reads as one space, and every subject offset maps back to the
** input offset whose prefix reads as the subject's prefix.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "rules/subject.h"

static void no_break_no_copy(void **state) {
  ct_subject sj = {0};
  const char *s = "the  parties agree";
  (void)state;
  assert_int_equal(ct_subject_set(&sj, s, strlen(s)), CT_OK);
  assert_ptr_equal(sj.s, s);
  assert_int_equal(sj.len, strlen(s));
  assert_int_equal(ct_subject_to_input(&sj, 5), 5);
  assert_null(sj.buf);
  ct_subject_free(&sj);
}

static void breaks_read_as_one_space(void **state) {
  ct_subject sj = {0};
  const char *s = "clean\nenergy \r\n   and  its\tgrid\f";
  (void)state;
  assert_int_equal(ct_subject_set(&sj, s, strlen(s)), CT_OK);
  assert_string_equal(sj.s, "clean energy and  its grid ");
  /* "clean\n": one byte for one */
  assert_int_equal(ct_subject_to_input(&sj, 6), 6);
  /* "and" starts after " \r\n   " (5 bytes read as 1) */
  assert_int_equal(ct_subject_to_input(&sj, 12), 12);   /* the space */
  assert_int_equal(ct_subject_to_input(&sj, 13), 18);   /* "and" */
  assert_int_equal(ct_subject_to_input(&sj, sj.len), strlen(s));
  /* a shorter clause next reuses the buffer */
  assert_int_equal(ct_subject_set(&sj, "a\r\nb", 4), CT_OK);
  assert_string_equal(sj.s, "a b");
  assert_int_equal(ct_subject_to_input(&sj, 2), 3);
  assert_int_equal(ct_subject_set(&sj, "a\nb", 3), CT_OK);
  assert_string_equal(sj.s, "a b");
  assert_int_equal(ct_subject_to_input(&sj, 2), 2);
  ct_subject_free(&sj);
}

/* The reference: each maximal run of {space, \t..\r} with a byte of
** \t..\r in it becomes one space; written apart from subject.c. */
static size_t reference(const char *s, size_t n, char *out) {
  size_t i, o = 0, run = 0;
  int brk = 0;
  for (i = 0; i <= n; i++) {
    int white = i < n && strchr(" \t\n\v\f\r", s[i]) != NULL && s[i] != 0;
    if (white) {
      brk |= s[i] != ' ';
      run++;
      continue;
    }
    if (brk) out[o++] = ' ';
    else memcpy(out + o, s + i - run, run), o += run;
    run = 0, brk = 0;
    if (i < n) out[o++] = s[i];
  }
  return o;
}

static void random_texts_map_back(void **state) {
  static const char *atoms[] = {"a", "b", " ", "\t", "\n", "\r\n", "\v",
                                "\f", "\xc3\xa9", "  "};
  unsigned seed = 20261207;
  char in[128], want[128], got[128];
  ct_subject sj = {0};
  int round;
  (void)state;
  for (round = 0; round < 20000; round++) {
    size_t n = 0, wn, k, parts;
    seed = seed * 1103515245u + 12345u;
    parts = (seed >> 16) % 24;
    while (parts-- > 0) {
      const char *x;
      seed = seed * 1103515245u + 12345u;
      x = atoms[(seed >> 16) % (sizeof atoms / sizeof *atoms)];
      memcpy(in + n, x, strlen(x));
      n += strlen(x);
    }
    wn = reference(in, n, want);
    assert_int_equal(ct_subject_set(&sj, in, n), CT_OK);
    assert_int_equal(sj.len, wn);
    assert_memory_equal(sj.s, want, wn);
    assert_int_equal(ct_subject_to_input(&sj, sj.len), n);
    for (k = 0; k <= sj.len; k++) {   /* the prefixes agree */
      size_t at = ct_subject_to_input(&sj, k);
      assert_true(at <= n);
      assert_true(k == 0 || at >= ct_subject_to_input(&sj, k - 1));
      assert_int_equal(reference(in, at, got), k);
      assert_memory_equal(got, sj.s, k);
    }
  }
  ct_subject_free(&sj);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(no_break_no_copy),
    cmocka_unit_test(breaks_read_as_one_space),
    cmocka_unit_test(random_texts_map_back),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
