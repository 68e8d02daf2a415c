/*
** test_memtext.c -- the command line's text in memory (src/cli/memtext.h):
** appends readable at once, a text taken whole, the list separators.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "cli/memtext.h"

static void test_printf(void **state) {
  ct_cli_memtext m = {0};
  (void)state;
  assert_null(m.s);
  assert_int_equal(ct_cli_memtext_printf(&m, "%s:%d: %s\n", "a.txt", 3, "x"),
                   0);
  assert_string_equal(m.s, "a.txt:3: x\n");     /* readable at once */
  assert_int_equal(m.len, 11);
  assert_int_equal(ct_cli_memtext_printf(&m, "%zu\n", (size_t)42), 0);
  assert_string_equal(m.s, "a.txt:3: x\n42\n");
  assert_int_equal(m.len, 14);
  ct_cli_memtext_free(&m);
  assert_null(m.s);
  assert_null(m.f);
  ct_cli_memtext_free(&m);                      /* twice: harmless */
}

static void test_take(void **state) {
  ct_cli_memtext m = {0};
  FILE *f;
  char *s;
  (void)state;
  assert_null(ct_cli_memtext_take(&m));         /* nothing written */
  f = ct_cli_memtext_file(&m);
  assert_non_null(f);
  assert_ptr_equal(ct_cli_memtext_file(&m), f); /* one stream */
  fputs("expected [a]", f);
  fwrite(" got [b]xyz", 1, 8, f);
  s = ct_cli_memtext_take(&m);
  assert_string_equal(s, "expected [a] got [b]");
  assert_null(m.s);
  assert_null(m.f);
  assert_int_equal(m.len, 0);
  free(s);
  /* Empty but opened: the empty string. */
  assert_non_null(ct_cli_memtext_file(&m));
  s = ct_cli_memtext_take(&m);
  assert_string_equal(s, "");
  free(s);
}

static void test_series(void **state) {
  const char *seps[3];
  size_t i;
  char out[64] = "";
  const char *const names[] = {"a", "b", "c"};
  (void)state;
  for (i = 0; i < 3; i++) seps[i] = ct_cli_series_sep(i, 3);
  for (i = 0; i < 3; i++) {
    strcat(out, seps[i]);
    strcat(out, names[i]);
  }
  assert_string_equal(out, "a, b and c");
  assert_string_equal(ct_cli_series_sep(0, 1), "");
  assert_string_equal(ct_cli_series_sep(1, 2), " and ");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_printf),
      cmocka_unit_test(test_take),
      cmocka_unit_test(test_series),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
