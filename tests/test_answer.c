/*
** test_answer.c -- the closing records of the stream contract
** (output/answer.h): their exact bytes, escaping, and the keys that are
** there only when they mean something.  Run from the repository root
** (the rule set of tests/rules/basic names the labels).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "clausetag.h"
#include "core/buf.h"
#include "output/answer.h"

static ct_ruleset *basic(void) {
  const char *paths[] = {"tests/rules/basic"};
  ct_ruleset *rs = NULL;
  ct_error err;
  if (ct_ruleset_load(paths, 1, NULL, &rs, &err) != CT_OK)
    fail_msg("rules: %s", err.msg);
  return rs;
}

static void expect(ct_status (*fn)(ct_buf *, const ct_answer *),
                   const ct_answer *a, const char *want) {
  ct_buf b = {0};
  assert_int_equal(fn(&b, a), CT_OK);
  assert_non_null(b.s);
  assert_string_equal(b.s, want);
  ct_buf_free(&b);
}

/* Labels found come in declaration order (climate, trade, security). */
static void test_document(void **state) {
  ct_ruleset *rs = basic();
  unsigned char found[3] = {0, 1, 1};
  ct_answer a;
  (void)state;
  assert_int_equal(ct_ruleset_nlabels(rs), 3);
  memset(&a, 0, sizeof a);
  a.id_json = "\"d-1\"", a.meta_json = "{\"k\":1}", a.line = 12;
  a.nclauses = 4, a.rs = rs, a.found = found;
  expect(ct_answer_document, &a,
         "{\"id\":\"d-1\",\"meta\":{\"k\":1},\"type\":\"document\",\"line\":12,"
         "\"status\":\"ok\",\"clauses\":4,\"labels\":[\"trade\",\"security\"]}\n");
  ct_ruleset_free(rs);
}

/* segment: no labels key; an empty document is still answered. */
static void test_document_segment_empty(void **state) {
  ct_answer a;
  (void)state;
  memset(&a, 0, sizeof a);
  a.id_json = "7", a.line = 1;
  expect(ct_answer_document, &a,
         "{\"id\":7,\"type\":\"document\",\"line\":1,\"status\":\"ok\","
         "\"clauses\":0}\n");
}

/* A rule that failed under --keep-going: partial, every message kept. */
static void test_document_partial(void **state) {
  ct_answer a;
  (void)state;
  memset(&a, 0, sizeof a);
  a.id_json = "\"x\"", a.line = 3, a.nclauses = 2;
  a.errors = "r.lua:1: boom \"a\"\nr.lua:2: tab\there\n";
  expect(ct_answer_document, &a,
         "{\"id\":\"x\",\"type\":\"document\",\"line\":3,\"status\":\"partial\","
         "\"clauses\":2,\"errors\":[\"r.lua:1: boom \\\"a\\\"\","
         "\"r.lua:2: tab\\there\"]}\n");
}

/* An unreadable id is null; the message loses its line end only. */
static void test_error(void **state) {
  ct_answer a;
  (void)state;
  memset(&a, 0, sizeof a);
  a.line = 5;
  a.errors = "<stdin>:5: invalid JSON: \x1b near 'x'\n";
  expect(ct_answer_error, &a,
         "{\"id\":null,\"type\":\"error\",\"line\":5,\"status\":\"error\","
         "\"error\":\"<stdin>:5: invalid JSON: \\u001b near 'x'\"}\n");
  a.id_json = "\"k\"", a.meta_json = "{}", a.errors = NULL;
  expect(ct_answer_error, &a,
         "{\"id\":\"k\",\"meta\":{},\"type\":\"error\",\"line\":5,"
         "\"status\":\"error\",\"error\":\"\"}\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_document),
    cmocka_unit_test(test_document_segment_empty),
    cmocka_unit_test(test_document_partial),
    cmocka_unit_test(test_error),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
