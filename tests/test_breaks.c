/*
** test_breaks.c -- the part of a regex that can never match in a clause
** (rules/breaks.h): every way PCRE2 lets a pattern name a tab, a line end
** or a Unicode space is found, and nothing that can still match a clause
** (a class with a space in it, a negated class, layout and comments under
** the x option, \Q...\E text, an escaped backslash) is reported.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include "rules/breaks.h"

typedef struct want {
  const char *pattern;
  const char *found;      /* NULL: nothing reported */
} want;

static const want cases[] = {
  /* escapes that name one character */
  {"low\\s+orbit\\r?\\n", "'\\r'"},
  {"a\\tb", "'\\t'"},
  {"a\\fb", "'\\f'"},
  {"a\\x0ab", "'\\x0a'"},
  {"a\\x{A0}b", "'\\x{A0}'"},
  {"a\\x{0000000D}b", "'\\x{0000000D}'"},
  {"a\\012b", "'\\012'"},
  {"a\\o{11}b", "'\\o{11}'"},
  {"a\\cJb", "'\\cJ'"},
  {"a\\cjb", "'\\cj'"},
  {"a\\N{U+3000}b", "'\\N{U+3000}'"},
  {"a\\x{2028}b", "'\\x{2028}'"},
  {"\\vfoo", "'\\v'"},
  {"end\\R", "'\\R'"},
  /* the character itself */
  {"a\tb", "the character U+0009"},
  {"a\nb", "the character U+000A"},
  {"a\xc2\xa0" "b", "the character U+00A0"},
  {"a\xe3\x80\x80" "b", "the character U+3000"},
  {"\\Q\t\\E", "the character U+0009"},
  {"(?x) a \xc2\xa0 b", "the character U+00A0"},   /* no layout under x */
  /* classes of such characters alone */
  {"a[\\r\\n]+b", "'[\\r\\n]'"},
  {"a[\\x{a0}\\x{3000}]b", "'[\\x{a0}\\x{3000}]'"},
  {"[\\v]", "'[\\v]'"},
  {"x[\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t]",
   "'[\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t\\t...'"},
  /* what still matches a clause, or is no character */
  {"a b", NULL},
  {"a\\sb", NULL},
  {"a\\hb", NULL},
  {"a[ \\t]b", NULL},
  {"a[\\t ]b", NULL},
  {"a[^\\n]b", NULL},
  {"a[\\n\\w]b", NULL},
  {"a[\\t-\\r]b", "'[\\t-\\r]'"},
  {"a[\\x{2000}-\\x{200a}\\n]b", "'[\\x{2000}-\\x{200a}\\n]'"},
  {"a[\\t- ]b", NULL},
  {"a[\\n-\\x{2000}]b", NULL},
  {"a[a-z\\n]b", NULL},
  {"a[[:space:]]b", NULL},
  {"a[]\\n]b", NULL},
  {"a\\\\nb", NULL},
  {"a\\\\tb", NULL},
  {"\\Qa\\n\\E", NULL},
  {"a\\Nb", NULL},
  {"a\\Vb", NULL},
  {"a\\x20b", NULL},
  {"a\\x{20}b", NULL},
  {"a\\x00b", NULL},
  {"a\\nb", "'\\n'"},
  {"\\p{Zs}", NULL},
  {"(?#\\n)a", NULL},
  {"(?x) a \t b\n c", NULL},                      /* layout */
  {"(?x) a # a comment with \\n and \\t\n b", NULL},
  {"(?x: a \t b ) c", NULL},
  {"(?x: a b ) \t", "the character U+0009"},      /* x ends with its group */
  {"(?x) ( a \t ) \t", NULL},                     /* (?x) holds to the end */
  {"(a(?x) \t ) \t", "the character U+0009"},     /* ... of its group */
  {"(?x)(?-x)a\tb", "the character U+0009"},
  {"(?x)(?^)a\tb", "the character U+0009"},
  {"(?xi)a \t b", NULL},
  {"(?i-x)a\tb", "the character U+0009"},
  {"(*UTF)(?x)a \t b", NULL},
  {"(?<name>a)\\k<name>", NULL},
  {"(?P<n>a)(?P=n)\\t", "'\\t'"},
  {"", NULL},
};

/* Every pattern of the table is one PCRE2 accepts, as the rules compile
** them, and reads as the table says. */
static void table(void **state) {
  size_t i;
  (void)state;
  for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const want *c = &cases[i];
    char out[48];
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)c->pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_CASELESS, &code, &off,
                                   NULL);
    const char *got = ct_regex_break(c->pattern, out, sizeof out);
    if (re == NULL) fail_msg("case %zu does not compile", i);
    pcre2_code_free(re);
    if (c->found == NULL && got != NULL)
      fail_msg("case %zu: reported %s", i, got);
    if (c->found != NULL) {
      if (got == NULL) fail_msg("case %zu: nothing reported", i);
      assert_string_equal(got, c->found);
    }
  }
}

/* A buffer too small for any message gets none; one just large enough
** gets the piece cut at a character's start. */
static void small_buffers(void **state) {
  char out[24];
  (void)state;
  assert_null(ct_regex_break("a\\n", out, 7));
  assert_string_equal(ct_regex_break("a\\n", out, 8), "'\\n'");
  assert_null(ct_regex_break("a\t", out, 23));
  assert_string_equal(ct_regex_break("a\t", out, 24),
                      "the character U+0009");
  assert_string_equal(ct_regex_break("[\\n\\n\\n\\n\\n]", out, 12),
                      "'[\\n\\n...'");
  assert_string_equal(ct_regex_break("[\\n\xc2\xa0\xc2\xa0]", out, 10),
                      "'[\\n...'");          /* not half a no-break space */
  assert_string_equal(ct_regex_break("[\\n\xc2\xa0\xc2\xa0\xc2\xa0]",
                                     out, 11),
                      "'[\\n\xc2\xa0...'");
}

/* Strings of pattern pieces that PCRE2 accepts: the reader stays inside
** them (the sanitizers and valgrind watch) and never reports a pattern
** made only of pieces that match a space or a letter. */
static void random_patterns(void **state) {
  static const char *safe[] = {"a", " ", "\\s", "[ \\t]", "[^\\n]", "(",
                               ")", "(?x)", "(?-x)", "|", "*", "\\Q\\n\\E",
                               "\\\\n", "(?:", "[", "]", "#", "{2}",
                               "\\x20", "(?#", "\\x{20}"};
  static const char *bad[] = {"\\n", "\t", "\\x{a0}", "[\\r\\n]", "\\R"};
  unsigned seed = 7;
  int i, k, reported = 0;
  (void)state;
  for (i = 0; i < 20000; i++) {
    char p[256] = "", out[48];
    int n = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
    int with_bad = i % 2;
    int code;
    PCRE2_SIZE off;
    pcre2_code *re;
    for (k = 0; k < n; k++) {
      seed = seed * 1103515245u + 12345u;
      strcat(p, safe[(seed >> 16) % (sizeof safe / sizeof safe[0])]);
    }
    if (with_bad) {
      seed = seed * 1103515245u + 12345u;
      strcat(p, bad[(seed >> 16) % (sizeof bad / sizeof bad[0])]);
    }
    re = pcre2_compile((PCRE2_SPTR)p, PCRE2_ZERO_TERMINATED,
                       PCRE2_UTF | PCRE2_CASELESS, &code, &off, NULL);
    if (re == NULL) continue;
    pcre2_code_free(re);
    if (ct_regex_break(p, out, sizeof out) != NULL) {
      if (!with_bad) fail_msg("reported %s in %s", out, p);
      reported++;
    }
  }
  assert_true(reported > 1000);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(table),
    cmocka_unit_test(small_buffers),
    cmocka_unit_test(random_patterns),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
