/*
** test_api.c -- the public API alone: what a program that includes only
** clausetag.h gets (version, error messages, typed frees, results, alignment, policies,
** the writer, the rule listing).
**
** Only clausetag.h is included, so this suite also checks that the
** header is enough for what it promises.  The rule set is
** tests/rules/formats (labels alpha, beta, gamma).
*/
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "clausetag.h"

static ct_ruleset *rules;

static int load_rules(void **state) {
  const char *path = "tests/rules/formats";
  ct_error err = {0};
  (void)state;
  if (ct_ruleset_load(&path, 1, NULL, &rules, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return -1;
  }
  return 0;
}

static int free_rules(void **state) {
  (void)state;
  ct_ruleset_free(rules);
  return 0;
}

/* A classified document: text, clauses, results. */
typedef struct doc {
  ct_text *t;
  ct_clause *c;
  size_t n;
  ct_results *r;
} doc;

static void doc_make(doc *d, const char *name, const char *s) {
  ct_engine *e = NULL;
  ct_error err = {0};
  memset(d, 0, sizeof *d);
  assert_int_equal(ct_text_from_buffer(name, s, strlen(s), CT_INVALID_ERROR,
                                       &d->t, &err), CT_OK);
  assert_int_equal(ct_segment(d->t, ct_ruleset_abbrevs(rules), &d->c, &d->n,
                              &err), CT_OK);
  assert_int_equal(ct_engine_new(rules, &e, &err), CT_OK);
  assert_int_equal(ct_engine_classify(e, d->t, d->c, d->n, NULL, &d->r,
                                      &err), CT_OK);
  ct_engine_free(e);
}

static void doc_free(doc *d) {
  ct_results_free(d->r);
  ct_clauses_free(d->c);
  ct_text_free(d->t);
}

/* What a writer writes for documents, as a malloc'ed string. */
static char *write_all(const char *format, const ct_writer_options *o,
                       const doc *docs, size_t ndocs, size_t *violations) {
  char *buf = NULL;
  size_t len = 0, i;
  FILE *f = open_memstream(&buf, &len);
  ct_writer *w = NULL;
  ct_error err = {0};
  assert_non_null(f);
  assert_int_equal(ct_writer_new(format, f, o, &w, &err), CT_OK);
  for (i = 0; i < ndocs; i++)
    assert_int_equal(ct_writer_write(w, docs[i].t, docs[i].c, docs[i].n,
                                     o && o->rules ? docs[i].r : NULL, &err),
                     CT_OK);
  if (violations) *violations = ct_writer_violations(w);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(f);
  return buf;
}

static void test_version(void **state) {
  (void)state;
  assert_string_equal(ct_version(), CT_VERSION);
}

/* ct_error_set fills a ct_error as the library's own failures do: the
** message made one line, cut to fit. */
static void test_error_set(void **state) {
  ct_error err = {0};
  char big[2000];
  (void)state;
  assert_int_equal(ct_error_set(&err, CT_ESYNTAX, "%s:%d: bad\n\x1b[31m",
                                "in.jsonl", 3), CT_ESYNTAX);
  assert_int_equal(err.status, CT_ESYNTAX);
  assert_string_equal(err.msg, "in.jsonl:3: bad  [31m");
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  assert_int_equal(ct_error_set(&err, CT_EIO, "%s", big), CT_EIO);
  assert_int_equal(strlen(err.msg), sizeof err.msg - 1);
  assert_int_equal(ct_error_set(NULL, CT_ENOMEM, "no %s", "room"),
                   CT_ENOMEM);
}

static void test_frees(void **state) {
  ct_text *t = NULL;
  char *s;
  (void)state;
  assert_int_equal(ct_text_from_buffer("x", "Ab  c", 5, CT_INVALID_ERROR, &t,
                                       NULL), CT_OK);
  s = ct_text_span(t, 0, 5, 1);
  assert_string_equal(s, "Ab c");
  ct_string_free(s);
  s = ct_fold("ÀB", strlen("ÀB"));
  assert_string_equal(s, "àb");
  ct_string_free(s);
  ct_string_free(NULL);
  ct_clauses_free(NULL);
  ct_violations_free(NULL, 0);
  assert_int_equal(ct_writer_close(NULL, NULL), CT_OK);
  ct_text_free(t);
}

/* Results are an object: a count, one result per clause, one array, one
** free; a document without clauses has none, and a writer of a classify
** format refuses results that do not cover every clause. */
static void test_results(void **state) {
  ct_engine *e = NULL;
  ct_results *none = NULL;
  ct_writer_options o;
  ct_writer *w = NULL;
  ct_error err = {0};
  doc d, one;
  (void)state;
  doc_make(&d, "a.txt", "An alpha clause.\n\nA beta one.\n");
  assert_int_equal(ct_results_count(d.r), 2);
  assert_ptr_equal(ct_results_get(d.r, 0), ct_results_array(d.r));
  assert_ptr_equal(ct_results_get(d.r, 1), ct_results_array(d.r) + 1);
  assert_null(ct_results_get(d.r, 2));
  assert_int_equal(ct_results_get(d.r, 0)->has[0], 1);
  assert_int_equal(ct_results_get(d.r, 1)->has[0], 0);
  assert_int_equal(ct_results_count(NULL), 0);
  assert_null(ct_results_get(NULL, 0));
  assert_null(ct_results_array(NULL));
  ct_results_free(NULL);
  assert_int_equal(ct_engine_new(rules, &e, &err), CT_OK);
  assert_int_equal(ct_engine_classify(e, d.t, d.c, 0, NULL, &none, &err),
                   CT_OK);
  assert_int_equal(ct_results_count(none), 0);
  assert_null(ct_results_array(none));
  ct_results_free(none);
  ct_engine_free(e);
  doc_make(&one, "b.txt", "One clause.\n");
  memset(&o, 0, sizeof o);
  o.rules = rules;
  assert_int_equal(ct_writer_new("jsonl", stdout, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write(w, d.t, d.c, d.n, one.r, &err), CT_EUSAGE);
  assert_string_equal(err.msg, "a.txt: a classify format needs the results "
                               "of every clause (1 for 2 clauses)");
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  doc_free(&one);
  doc_free(&d);
}

/* The alignment of `clausetag diff`, from the header alone: the old
** side's clause alone before the new side's, a reworded clause paired,
** freed with ct_align_free. */
static void test_align(void **state) {
  const char *a[] = {"The parties agree.", "Old clause here.",
                     "Trade shall be free."};
  const char *b[] = {"The parties agree.", "A new clause.",
                     "Trade shall be free and fair."};
  ct_align_pair *p = NULL;
  ct_align_options o;
  ct_error err = {0};
  size_t n = 0;
  (void)state;
  assert_int_equal(ct_align(a, 3, b, 3, NULL, &p, &n, NULL, &err), CT_OK);
  assert_int_equal(n, 4);
  assert_true(p[0].a == 0 && p[0].b == 0 && p[0].exact);
  assert_true(p[1].a == 1 && p[1].b == CT_ALIGN_NONE);
  assert_true(p[2].a == CT_ALIGN_NONE && p[2].b == 1);
  assert_true(p[3].a == 2 && p[3].b == 2 && !p[3].exact);
  assert_true(p[3].similarity >= CT_ALIGN_THRESHOLD);
  ct_align_free(p);
  assert_true(ct_align_similarity("a b", "B A") == 1.0);
  ct_align_options_default(&o);
  o.threshold = 0;
  assert_int_equal(ct_align(a, 3, b, 3, &o, &p, &n, NULL, &err), CT_EUSAGE);
  assert_null(p);
}

/* The segment formats without a rule set, the classify ones with. */
static void test_writer_formats(void **state) {
  ct_writer_options o;
  doc d;
  char *out;
  (void)state;
  doc_make(&d, "a.txt", "An alpha clause.\n\nA beta one.\n");
  out = write_all("lines", NULL, &d, 1, NULL);
  assert_string_equal(out, "An alpha clause.\nA beta one.\n");
  free(out);
  memset(&o, 0, sizeof o);
  o.rules = rules;
  out = write_all("text", &o, &d, 1, NULL);
  assert_string_equal(out, "a.txt:1:1: alpha: An alpha clause.\n"
                           "a.txt:3:1: -: A beta one.\n");
  free(out);
  out = write_all("jsonl", &o, &d, 1, NULL);
  assert_non_null(strstr(out, "\"file\":\"a.txt\""));
  assert_non_null(strstr(out, "\"labels\":[\"alpha\"]"));
  free(out);
  doc_free(&d);
}

static void test_writer_unknown_format(void **state) {
  ct_writer_options o;
  ct_writer *w = (ct_writer *)&o;
  ct_error err = {0};
  (void)state;
  assert_int_equal(ct_writer_new("sarif", stdout, NULL, &w, &err),
                   CT_EUSAGE);
  assert_null(w);
  assert_string_equal(err.msg, "unknown format 'sarif' (known: text, lines, "
                               "jsonl and tsv)");
  memset(&o, 0, sizeof o);
  o.rules = rules;
  assert_int_equal(ct_writer_new("csv", stdout, &o, &w, &err), CT_EUSAGE);
  assert_string_equal(err.msg, "unknown format 'csv' (known: text, jsonl, "
                               "tsv, sarif, junit, html, summary and "
                               "summary-tsv)");
}

static void test_policies(void **state) {
  ct_policy p[3] = {{CT_POLICY_REQUIRE, "gamma", 0},
                    {CT_POLICY_FORBID, "alpha", 0},
                    {CT_POLICY_UNLABELED, NULL, 0}};
  ct_policy bad = {CT_POLICY_FORBID, "delta", 0};
  ct_violation *v = NULL;
  size_t nv = 0;
  ct_error err = {0};
  doc d;
  (void)state;
  doc_make(&d, "a.txt", "An alpha clause.\n\nA plain one.\n");
  assert_int_equal(ct_policies_resolve(&bad, 1, rules, &err), CT_EUSAGE);
  assert_string_equal(err.msg, "unknown label 'delta' for --forbid (known "
                               "labels: alpha, beta and gamma)");
  assert_int_equal(ct_policies_resolve(p, 3, rules, &err), CT_OK);
  assert_int_equal(p[0].label_index, 2);
  assert_int_equal(ct_policies_check(p, 3, rules, d.r, &v, &nv, &err),
                   CT_OK);
  /* the document's own first, then clause by clause */
  assert_int_equal(nv, 3);
  assert_int_equal(v[0].policy, 0);
  assert_int_equal(v[0].clause, 0);
  assert_string_equal(v[0].message, "policy --require gamma: no clause "
                                    "labelled gamma");
  assert_int_equal(v[1].clause, 1);
  assert_string_equal(v[1].message, "policy --forbid alpha: clause labelled "
                                    "alpha");
  assert_int_equal(v[2].clause, 2);
  assert_string_equal(v[2].message, "policy --fail-on-unlabeled: clause has "
                                    "no label");
  ct_violations_free(v, nv);
  doc_free(&d);
}

/* A writer with policies checks every document and reports them. */
static void test_writer_policies(void **state) {
  ct_policy p = {CT_POLICY_FORBID, "alpha", 99};
  ct_writer_options o;
  size_t nv = 0;
  doc d[2];
  char *out;
  (void)state;
  doc_make(&d[0], "a.txt", "An alpha clause.\n\nAnother alpha.\n");
  doc_make(&d[1], "b.txt", "Nothing here.\n");
  memset(&o, 0, sizeof o);
  o.rules = rules, o.policies = &p, o.npolicies = 1;
  out = write_all("junit", &o, d, 2, &nv);
  assert_int_equal(nv, 2);
  assert_non_null(strstr(out, "policy --forbid alpha"));
  assert_int_equal(p.label_index, 99);   /* the caller's, untouched */
  free(out);
  doc_free(&d[0]);
  doc_free(&d[1]);
}

/* A write function: appends to a memstream, or fails with EPIPE after
** `room` bytes. */
typedef struct sink {
  FILE *f;
  size_t room;
} sink;

static int to_sink(void *ud, const void *data, size_t len) {
  sink *k = ud;
  if (len > k->room) return EPIPE;
  k->room -= len;
  fwrite(data, 1, len, k->f);
  return 0;
}

/* The same bytes through a write function as through a FILE; its
** failure is the writer's. */
static void test_writer_callback(void **state) {
  ct_writer_options o;
  ct_writer *w = NULL;
  ct_error err = {0};
  char *want, *got = NULL;
  size_t len = 0;
  sink k;
  doc d;
  (void)state;
  doc_make(&d, "a.txt", "An alpha clause.\n\nA beta one.\n");
  memset(&o, 0, sizeof o);
  o.rules = rules;
  want = write_all("sarif", &o, &d, 1, NULL);
  k.f = open_memstream(&got, &len), k.room = (size_t)-1;
  o.write = to_sink, o.write_ud = &k;
  assert_int_equal(ct_writer_new("sarif", NULL, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write(w, d.t, d.c, d.n, d.r, &err), CT_OK);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(k.f);
  assert_string_equal(got, want);
  free(got);
  k.f = open_memstream(&got, &len), k.room = 10;
  assert_int_equal(ct_writer_new("jsonl", NULL, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write(w, d.t, d.c, d.n, d.r, &err), CT_EIO);
  assert_string_equal(err.msg, "write error: Broken pipe");
  assert_int_equal(ct_writer_close(w, &err), CT_EIO);
  fclose(k.f);
  free(got);
  o.write = NULL;
  assert_int_equal(ct_writer_new("jsonl", NULL, &o, &w, &err), CT_EUSAGE);
  free(want);
  doc_free(&d);
}

/* The listing of `clausetag rules`. */
static void test_listing(void **state) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ct_error err = {0};
  (void)state;
  assert_int_equal(ct_ruleset_write_listing(rules, "text", f, &err), CT_OK);
  assert_int_equal(ct_ruleset_write_listing(rules, "jsonl", f, &err), CT_OK);
  fclose(f);
  assert_memory_equal(buf, "LABEL  THRESHOLD  TITLE\nalpha  1.0 ", 34);
  assert_non_null(strstr(buf, "\n{\"type\":\"label\",\"name\":\"alpha\""));
  free(buf);
  assert_int_equal(ct_ruleset_write_listing(rules, "tsv", stdout, &err),
                   CT_EUSAGE);
  assert_string_equal(err.msg, "unknown format 'tsv' (known: text and "
                               "jsonl)");
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_version),
      cmocka_unit_test(test_error_set),
      cmocka_unit_test(test_frees),
      cmocka_unit_test(test_results),
      cmocka_unit_test(test_align),
      cmocka_unit_test(test_writer_formats),
      cmocka_unit_test(test_writer_unknown_format),
      cmocka_unit_test(test_policies),
      cmocka_unit_test(test_writer_policies),
      cmocka_unit_test(test_writer_callback),
      cmocka_unit_test(test_listing),
  };
  return cmocka_run_group_tests(tests, load_rules, free_rules);
}
