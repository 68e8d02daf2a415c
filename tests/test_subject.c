/*
** test_subject.c -- what a regex searches in a clause (rules/subject.h):
** a clause whose white space is ASCII spaces alone is searched in place;
** in any other each run of white space (Unicode White_Space) that is not
** ASCII spaces alone reads as one space, and every subject offset maps
** back to the input offset whose prefix reads as the subject's prefix.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "rules/subject.h"
#include "text/utf8.h"

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

/* No-break and other Unicode spaces read as one space too, as NFKC
** makes them for phrases; a zero-width space is no white space. */
static void unicode_spaces(void **state) {
  ct_subject sj = {0};
  const char *s = "clean\xc2\xa0" "energy,\xe2\x80\x8b \xe3\x80\x80 grid";
  (void)state;
  assert_int_equal(ct_subject_set(&sj, s, strlen(s)), CT_OK);
  assert_string_equal(sj.s, "clean energy,\xe2\x80\x8b grid");
  assert_int_equal(ct_subject_to_input(&sj, 6), 7);     /* "energy" */
  assert_int_equal(ct_subject_to_input(&sj, sj.len), strlen(s));
  ct_subject_free(&sj);
}

/* The reference, written apart from subject.c: the White_Space
** characters spelled out as UTF-8. */
static size_t white(const char *s, size_t n) {
  static const char *ws[] = {
    " ", "\t", "\n", "\v", "\f", "\r", "\xc2\x85", "\xc2\xa0",
    "\xe1\x9a\x80", "\xe2\x80\x80", "\xe2\x80\x81", "\xe2\x80\x82",
    "\xe2\x80\x83", "\xe2\x80\x84", "\xe2\x80\x85", "\xe2\x80\x86",
    "\xe2\x80\x87", "\xe2\x80\x88", "\xe2\x80\x89", "\xe2\x80\x8a",
    "\xe2\x80\xa8", "\xe2\x80\xa9", "\xe2\x80\xaf", "\xe2\x81\x9f",
    "\xe3\x80\x80"};
  size_t k;
  for (k = 0; k < sizeof ws / sizeof *ws; k++)
    if (strlen(ws[k]) <= n && memcmp(s, ws[k], strlen(ws[k])) == 0)
      return strlen(ws[k]);
  return 0;
}

/* Each maximal run of white space becomes one space unless it is ASCII
** spaces alone. */
static size_t reference(const char *s, size_t n, char *out) {
  size_t i = 0, o = 0;
  while (i < n) {
    size_t j = i, k;
    int plain = 1;
    if (i + 1 < n && s[i] == '\xc2' && s[i + 1] == '\xad') {  /* U+00AD */
      i += 2;
      continue;
    }
    while (j < n && (k = white(s + j, n - j)) > 0) plain &= s[j] == ' ', j += k;
    if (j == i) out[o++] = s[i++];
    else if (plain) memcpy(out + o, s + i, j - i), o += j - i, i = j;
    else out[o++] = ' ', i = j;
  }
  return o;
}

/* A soft hyphen goes from the subject, as from the text phrases read:
** a word it splits is one word; offsets after it map past it. */
static void soft_hyphen_goes(void **state) {
  ct_subject sj = {0};
  const char *s = "defen\xc2\xadse\nties";
  (void)state;
  assert_int_equal(ct_subject_set(&sj, s, strlen(s)), CT_OK);
  assert_string_equal(sj.s, "defense ties");
  assert_int_equal(ct_subject_to_input(&sj, 5), 5);     /* before it */
  assert_int_equal(ct_subject_to_input(&sj, 6), 8);     /* the "e" after */
  assert_int_equal(ct_subject_to_input(&sj, 8), 10);    /* "ties" */
  assert_int_equal(ct_subject_to_input(&sj, sj.len), strlen(s));
  /* alone it is reason enough for a copy */
  assert_int_equal(ct_subject_set(&sj, "a\xc2\xad" "b", 4), CT_OK);
  assert_string_equal(sj.s, "ab");
  ct_subject_free(&sj);
}

static void random_texts_map_back(void **state) {
  static const char *atoms[] = {
    "a", "b", " ", "\t", "\n", "\r\n", "\v", "\f", "\xc3\xa9", "  ",
    "\xc2\xa0", "\xc2\x85", "\xe2\x80\xa8", "\xe3\x80\x80", "\xe2\x80\x8a",
    "\xc2\xa9", "\xe2\x80\x8b", "\xea\xb0\x80", "\xc2", "\xe2\x80",
    "\xc2\xad"};
  unsigned seed = 20261207;
  char in[160], want[160], got[160];
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

/* The byte-level white space test (the subject's and the phrase
** automaton's) and ct_cp_isspace are one set: every code point, whole
** and cut short, and a byte that leads a space followed by every byte. */
static void space_len_is_cp_isspace(void **state) {
  int32_t cp;
  unsigned b, c;
  (void)state;
  for (cp = 0; cp <= 0x10FFFF; cp++) {
    char e[4];
    size_t k;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    k = ct_utf8_encode(cp, e);
    assert_int_equal(ct_utf8_space_len((unsigned char *)e, k),
                     ct_cp_isspace(cp) ? k : 0);
    if (ct_cp_isspace(cp))              /* the quick test lets it through */
      assert_true(ct_utf8_space_lead((unsigned char)e[0]));
    if (k > 1)
      assert_int_equal(ct_utf8_space_len((unsigned char *)e, k - 1), 0);
  }
  for (b = 0xC0; b <= 0xFF; b++)         /* no invalid sequence is one */
    for (c = 0; c <= 0xFF; c++) {
      unsigned char s[3] = {(unsigned char)b, (unsigned char)c, 0x80};
      int32_t got;
      size_t k = ct_utf8_space_len(s, 3);
      if (k > 0) {
        assert_int_equal(ct_utf8_decode(s, 3, &got), k);
        assert_true(got >= 0 && ct_cp_isspace(got));
      }
    }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(no_break_no_copy),
    cmocka_unit_test(breaks_read_as_one_space),
    cmocka_unit_test(unicode_spaces),
    cmocka_unit_test(soft_hyphen_goes),
    cmocka_unit_test(random_texts_map_back),
    cmocka_unit_test(space_len_is_cp_isspace),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
