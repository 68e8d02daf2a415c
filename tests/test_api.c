/*
** test_api.c -- the public API alone: what a program that includes only
** clausetag.h gets (version, error messages, typed frees, results and
** their explanation, results without hits, alignment, policies,
** the writer and its forks, the rule listing).
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
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>
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

/* An engine told to keep no hits gives the same scores and labels, with
** no hits; the shipped rules (context, focus, vocabulary) on the samples. */
static void keep_hits_same(const ct_ruleset *rs, const char *path) {
  ct_engine *e = NULL;
  ct_text *t = NULL;
  ct_clause *c = NULL;
  ct_results *with = NULL, *without = NULL;
  ct_error err = {0};
  size_t n = 0, i, k, nl = ct_ruleset_nlabels(rs), hits = 0;
  assert_int_equal(ct_text_read_file(path, CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, ct_ruleset_abbrevs(rs), &c, &n, &err), CT_OK);
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &with, &err), CT_OK);
  ct_engine_keep_hits(e, 0);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &without, &err),
                   CT_OK);
  for (i = 0; i < n; i++) {
    const ct_result *a = ct_results_get(with, i), *b = ct_results_get(without, i);
    for (k = 0; k < nl; k++) {
      assert_true(a->scores[k] == b->scores[k]);
      assert_int_equal(a->has[k], b->has[k]);
      assert_int_equal(a->context_has[k], b->context_has[k]);
    }
    assert_int_equal(b->nhits, 0);
    hits += a->nhits;
  }
  assert_true(n > 20 && hits > n);
  ct_results_free(with);
  ct_results_free(without);
  ct_engine_free(e);
  ct_clauses_free(c);
  ct_text_free(t);
}

static void test_keep_hits(void **state) {
  const char *path = "rules";
  ct_ruleset *rs = NULL;
  ct_error err = {0};
  (void)state;
  assert_int_equal(ct_ruleset_load(&path, 1, NULL, &rs, &err), CT_OK);
  keep_hits_same(rs, "samples/us-rok-2019-factsheet.txt");
  keep_hits_same(rs, "samples/us-rok-2021-partnership.txt");
  ct_ruleset_free(rs);
}

/* Which writers read hits: --explain's, and the reports that name rules. */
static void test_writer_reads_hits(void **state) {
  static const struct { const char *format; unsigned flags; int reads; } t[] = {
    {"text", 0, 0}, {"text", CT_WRITE_EXPLAIN, 1}, {"jsonl", 0, 0},
    {"jsonl", CT_WRITE_EXPLAIN, 1}, {"tsv", 0, 0}, {"tsv", CT_WRITE_EXPLAIN, 1},
    {"text", CT_WRITE_EXPLAIN | CT_WRITE_COUNT, 0}, {"sarif", 0, 1},
    {"html", 0, 1}, {"summary", 0, 1}, {"summary-tsv", 0, 1}, {"junit", 0, 0},
  };
  size_t i;
  (void)state;
  for (i = 0; i < sizeof t / sizeof t[0]; i++) {
    ct_writer_options o;
    ct_writer *w = NULL;
    ct_error err = {0};
    memset(&o, 0, sizeof o);
    o.rules = rules, o.flags = t[i].flags;
    assert_int_equal(ct_writer_new(t[i].format, stdout, &o, &w, &err), CT_OK);
    if (ct_writer_reads_hits(w) != t[i].reads)
      fail_msg("%s (flags %u): reads hits %d", t[i].format, t[i].flags,
               ct_writer_reads_hits(w));
    assert_int_equal(ct_writer_close(w, &err), CT_OK);
  }
}

/* ct_result_explain is classify --explain's text under a clause: the
** labels given first, the larger weight first within a label, spans
** only when asked for, the labels asked for only; "" for a clause no
** rule fired on (for those labels). */
static void test_result_explain(void **state) {
  static const unsigned char beta[] = {0, 1, 0}, gamma[] = {0, 0, 1};
  doc d;
  char *s;
  (void)state;
  doc_make(&d, "e.txt", "A strong alpha and beta.\n\nNothing here.\n");
  assert_int_equal(ct_results_count(d.r), 2);
  s = ct_result_explain(rules, d.t, ct_results_get(d.r, 0), NULL,
                        CT_EXPLAIN_SPANS);
  assert_string_equal(s,
      "    + alpha.strong -> alpha +2.0 \"strong alpha\" [2-14]\n"
      "    + alpha.words -> alpha +1.0 \"alpha\" [9-14]\n"
      "    + beta.word -> beta +0.5 \"beta\" [19-23]\n"
      "    = alpha +3.0 >= 1.0, beta +0.5 < 1.0\n");
  ct_string_free(s);
  s = ct_result_explain(rules, d.t, ct_results_get(d.r, 0), NULL, 0);
  assert_string_equal(s,
      "    + alpha.strong -> alpha +2.0 \"strong alpha\"\n"
      "    + alpha.words -> alpha +1.0 \"alpha\"\n"
      "    + beta.word -> beta +0.5 \"beta\"\n"
      "    = alpha +3.0 >= 1.0, beta +0.5 < 1.0\n");
  ct_string_free(s);
  s = ct_result_explain(rules, d.t, ct_results_get(d.r, 0), beta, 0);
  assert_string_equal(s, "    + beta.word -> beta +0.5 \"beta\"\n"
                         "    = beta +0.5 < 1.0\n");
  ct_string_free(s);
  s = ct_result_explain(rules, d.t, ct_results_get(d.r, 0), gamma, 0);
  assert_string_equal(s, "");
  ct_string_free(s);
  s = ct_result_explain(rules, d.t, ct_results_get(d.r, 1), NULL, 0);
  assert_string_equal(s, "");
  ct_string_free(s);
  s = ct_result_explain(rules, d.t, NULL, NULL, CT_EXPLAIN_SPANS);
  assert_string_equal(s, "");
  ct_string_free(s);
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

/* A document whose record says its policies were checked brings its
** violations: the writer reports those and does not check again. */
static void test_writer_checked_doc(void **state) {
  ct_policy p = {CT_POLICY_FORBID, "alpha", 0};
  ct_writer_options o;
  ct_writer_doc rec;
  ct_writer *w = NULL;
  ct_error err = {0};
  ct_violation *v = NULL;
  size_t nv = 0;
  FILE *f = fopen("/dev/null", "w");
  doc d;
  (void)state;
  assert_non_null(f);
  doc_make(&d, "a.txt", "An alpha clause.\n\nAnother alpha.\n");
  memset(&o, 0, sizeof o);
  o.rules = rules, o.policies = &p, o.npolicies = 1;
  assert_int_equal(ct_writer_new("jsonl", f, &o, &w, &err), CT_OK);
  memset(&rec, 0, sizeof rec);
  rec.checked = 1;                        /* checked, nothing found */
  assert_int_equal(ct_writer_write_doc(w, d.t, d.c, d.n, d.r, &rec, &err),
                   CT_OK);
  assert_int_equal(ct_writer_violations(w), 0);
  assert_int_equal(ct_policies_resolve(&p, 1, rules, &err), CT_OK);
  assert_int_equal(ct_policies_check(&p, 1, rules, d.r, &v, &nv, &err),
                   CT_OK);
  assert_int_equal(nv, 2);
  rec.violations = v, rec.nviolations = nv;
  assert_int_equal(ct_writer_write_doc(w, d.t, d.c, d.n, d.r, &rec, &err),
                   CT_OK);
  assert_int_equal(ct_writer_violations(w), 2);
  rec.checked = 0;                        /* not checked: the writer does */
  assert_int_equal(ct_writer_write_doc(w, d.t, d.c, d.n, d.r, &rec, &err),
                   CT_OK);
  assert_int_equal(ct_writer_violations(w), 4);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(f);
  ct_violations_free(v, nv);
  doc_free(&d);
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
** failure is the writer's, and a join's after it. */
static void test_writer_callback(void **state) {
  ct_writer_options o;
  ct_writer *w = NULL, *a = NULL;
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
  /* a join after it reports it too, and frees the fork all the same */
  assert_int_equal(ct_writer_fork(w, &a, &err), CT_OK);
  assert_int_equal(ct_writer_write(a, d.t, d.c, d.n, d.r, &err), CT_OK);
  err.msg[0] = '\0';
  assert_int_equal(ct_writer_join(w, a, &err), CT_EIO);
  assert_string_equal(err.msg, "write error: Broken pipe");
  assert_int_equal(ct_writer_close(w, &err), CT_EIO);
  fclose(k.f);
  free(got);
  o.write = NULL;
  assert_int_equal(ct_writer_new("jsonl", NULL, &o, &w, &err), CT_EUSAGE);
  free(want);
  doc_free(&d);
}

/* The names ct_writer_new takes, the default first; which of them write
** documents apart. */
static void test_writer_format_names(void **state) {
  static const char *const seg[] = {"text", "lines", "jsonl", "tsv", NULL};
  static const char *const cls[] = {"text", "jsonl", "tsv", "sarif",
                                    "junit", "html", "summary",
                                    "summary-tsv", NULL};
  static const int cls_apart[] = {1, 1, 1, 0, 0, 0, 0, 0};
  const char *const *names;
  ct_writer_options o;
  ct_writer *w = NULL;
  ct_error err = {0};
  size_t i;
  FILE *devnull = fopen("/dev/null", "w");
  (void)state;
  assert_non_null(devnull);
  memset(&o, 0, sizeof o);
  for (names = ct_writer_formats(0), i = 0; seg[i] != NULL; i++) {
    assert_string_equal(names[i], seg[i]);
    assert_int_equal(ct_writer_new(names[i], devnull, NULL, &w, &err), CT_OK);
    assert_true(ct_writer_apart(w));
    assert_int_equal(ct_writer_close(w, &err), CT_OK);
  }
  assert_null(names[i]);
  o.rules = rules;
  for (names = ct_writer_formats(1), i = 0; cls[i] != NULL; i++) {
    assert_string_equal(names[i], cls[i]);
    assert_int_equal(ct_writer_new(names[i], devnull, &o, &w, &err), CT_OK);
    assert_int_equal(ct_writer_apart(w), cls_apart[i]);
    assert_int_equal(ct_writer_close(w, &err), CT_OK);
  }
  assert_null(names[i]);
  /* a selection is the writer's format: -c writes a line per document */
  o.flags = CT_WRITE_COUNT;
  assert_int_equal(ct_writer_new("text", devnull, &o, &w, &err), CT_OK);
  assert_false(ct_writer_apart(w));
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  o.flags = CT_WRITE_QUIET;
  assert_int_equal(ct_writer_new("text", devnull, &o, &w, &err), CT_OK);
  assert_true(ct_writer_apart(w));
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(devnull);
}

/* Documents written to forks and joined in order are the bytes and
** counts of the same documents written to the writer itself. */
static void test_writer_fork_join(void **state) {
  ct_policy p = {CT_POLICY_FORBID, "alpha", 0};
  ct_writer_options o;
  ct_writer *w = NULL, *a = NULL, *b = NULL, *other = NULL;
  ct_error err = {0};
  char *want, *got = NULL;
  size_t len = 0, nv = 0;
  FILE *f, *devnull = fopen("/dev/null", "w");
  doc d[2];
  (void)state;
  assert_non_null(devnull);
  doc_make(&d[0], "a.txt", "An alpha clause.\n\nA beta one.\n");
  doc_make(&d[1], "b.txt", "Another alpha.\n");
  memset(&o, 0, sizeof o);
  o.rules = rules, o.policies = &p, o.npolicies = 1;
  want = write_all("tsv", &o, d, 2, &nv);
  assert_int_equal(nv, 2);
  f = open_memstream(&got, &len);
  assert_int_equal(ct_writer_new("tsv", f, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_fork(w, &a, &err), CT_OK);
  assert_int_equal(ct_writer_fork(w, &b, &err), CT_OK);
  /* written out of order, joined in order */
  assert_int_equal(ct_writer_write(b, d[1].t, d[1].c, d[1].n, d[1].r, &err),
                   CT_OK);
  assert_int_equal(ct_writer_write(a, d[0].t, d[0].c, d[0].n, d[0].r, &err),
                   CT_OK);
  assert_int_equal(ct_writer_violations(w), 0);
  assert_int_equal(ct_writer_join(w, a, &err), CT_OK);
  assert_int_equal(ct_writer_join(w, b, &err), CT_OK);
  assert_int_equal(ct_writer_violations(w), 2);
  /* a fork closed unjoined writes nothing */
  assert_int_equal(ct_writer_fork(w, &a, &err), CT_OK);
  assert_int_equal(ct_writer_write(a, d[0].t, d[0].c, d[0].n, d[0].r, &err),
                   CT_OK);
  assert_int_equal(ct_writer_close(a, &err), CT_OK);
  /* only a fork of this writer joins it; nothing is freed then */
  assert_int_equal(ct_writer_new("tsv", devnull, &o, &other, &err), CT_OK);
  assert_int_equal(ct_writer_join(w, other, &err), CT_EUSAGE);
  assert_string_equal(err.msg, "cannot join a writer that is not a fork of "
                               "this one");
  assert_int_equal(ct_writer_fork(other, &b, &err), CT_OK);
  assert_int_equal(ct_writer_join(w, b, &err), CT_EUSAGE);
  assert_int_equal(ct_writer_close(b, &err), CT_OK);
  assert_int_equal(ct_writer_close(other, &err), CT_OK);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(f);
  assert_string_equal(got, want);
  free(got);
  free(want);
  /* a writer of a format that wraps its documents has no forks */
  o.npolicies = 0;
  assert_int_equal(ct_writer_new("sarif", devnull, &o, &w, &err), CT_OK);
  a = w;
  assert_int_equal(ct_writer_fork(w, &a, &err), CT_EUSAGE);
  assert_null(a);
  assert_string_equal(err.msg, "cannot fork a writer of format 'sarif': it "
                               "does not write documents apart");
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(devnull);
  doc_free(&d[0]);
  doc_free(&d[1]);
}

/* How many of this process's files are deleted files of dir that
** clausetag made (a fork's spill). */
static int spill_files(const char *dir) {
  char link[64], path[4096];
  int fd, count = 0;
  size_t n = strlen(dir);
  for (fd = 0; fd < 1024; fd++) {
    ssize_t k;
    snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
    if ((k = readlink(link, path, sizeof path - 1)) <= 0) continue;
    path[k] = '\0';
    if (strncmp(path, dir, n) == 0 &&
        strncmp(path + n, "/clausetag-", 11) == 0 &&
        strstr(path, " (deleted)") != NULL)
      count++;
  }
  return count;
}

/* One document through a fork of a jsonl writer; its output. */
static char *write_forked(const ct_writer_options *o, const doc *d,
                          int spills, const char *dir) {
  char *got = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&got, &len);
  ct_writer *w = NULL, *a = NULL;
  ct_error err = {0};
  assert_non_null(f);
  assert_int_equal(ct_writer_new("jsonl", f, o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_fork(w, &a, &err), CT_OK);
  assert_int_equal(ct_writer_write(a, d->t, d->c, d->n, d->r, &err), CT_OK);
  assert_int_equal(spill_files(dir), spills);
  assert_int_equal(ct_writer_join(w, a, &err), CT_OK);
  assert_int_equal(spill_files(dir), 0);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(f);
  return got;
}

/* A fork keeps what passes 1 MiB in an unlinked file of $TMPDIR, and
** in memory where no file can be made there or written (a file size
** limit): the bytes joined are the same each way, and nothing is left. */
static void test_writer_fork_spills(void **state) {
  char dir[] = "/tmp/ct-test-spill-XXXXXX", *want, *got;
  const char *old = getenv("TMPDIR");
  char *saved = old ? strdup(old) : NULL;
  struct rlimit lim, small;
  ct_writer_options o;
  size_t i, n = 40000;
  char *text = malloc(n * 12 + 1);
  doc d;
  (void)state;
  assert_non_null(text);
  for (i = 0; i < n; i++) memcpy(text + i * 12, "An alpha b. ", 12);
  text[n * 12] = '\0';
  doc_make(&d, "many.txt", text);
  memset(&o, 0, sizeof o);
  o.rules = rules;
  want = write_all("jsonl", &o, &d, 1, NULL);
  assert_true(strlen(want) > ((size_t)2 << 20));
  assert_non_null(mkdtemp(dir));
  setenv("TMPDIR", dir, 1);
  got = write_forked(&o, &d, 1, dir);
  assert_string_equal(got, want);
  free(got);
  setenv("TMPDIR", "/nonexistent/ct-test-spill", 1);
  got = write_forked(&o, &d, 0, dir);
  assert_string_equal(got, want);
  free(got);
  setenv("TMPDIR", dir, 1);
  assert_int_equal(getrlimit(RLIMIT_FSIZE, &lim), 0);
  small = lim;
  small.rlim_cur = 200000;
  signal(SIGXFSZ, SIG_IGN);
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &small), 0);
  got = write_forked(&o, &d, 1, dir);
  assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
  signal(SIGXFSZ, SIG_DFL);
  assert_string_equal(got, want);
  free(got);
  assert_int_equal(rmdir(dir), 0);        /* nothing left in it */
  if (saved) setenv("TMPDIR", saved, 1);
  else unsetenv("TMPDIR");
  free(saved);
  free(want);
  free(text);
  doc_free(&d);
}

/* The clauses of a piece, with the heading before it as the run's pieces
** have it: the text extended by the heading's bytes, the heading clause
** pointing there. */
static void write_piece(ct_writer *w, const ct_text *whole,
                        const ct_clause *all, const ct_text *pt,
                        const ct_clause *c, size_t n) {
  ct_clause h;
  ct_text *x = NULL;
  ct_error err = {0};
  size_t i, head = 0;
  for (i = 0; i < n; i++)
    if (c[i].heading != 0 && c[i].heading < c[0].index) head = c[i].heading;
  if (head == 0) {
    assert_int_equal(ct_writer_write_part(w, pt, NULL, c, n, NULL, &err),
                     CT_OK);
    return;
  }
  h = all[head - all[0].index];
  assert_int_equal(ct_text_extend(pt, ct_text_data(whole) + h.start,
                                  h.end - h.start, CT_INVALID_ERROR, &x,
                                  &err), CT_OK);
  h.end = ct_text_size(pt) + (h.end - h.start);
  h.start = ct_text_size(pt);
  assert_int_equal(ct_writer_write_part(w, x, &h, c, n, NULL, &err), CT_OK);
  ct_text_free(x);
}

/* A large file written in pieces is the whole document's output. */
static void test_writer_write_part(void **state) {
  char path[] = "/tmp/ct_api_partXXXXXX";
  ct_clause *whole = NULL, *c = NULL;
  ct_text *t = NULL, *pt = NULL;
  ct_plan *p = NULL;
  ct_carry carry;
  ct_writer *w = NULL, *f = NULL;
  ct_writer_options o;
  ct_policy pol = {CT_POLICY_FORBID, "alpha", 0};
  ct_error err = {0};
  char *want = NULL, *got = NULL, want_msg[128];
  size_t nwhole = 0, n = 0, wlen = 0, glen = 0, i;
  FILE *wf, *gf, *devnull = fopen("/dev/null", "w");
  int fd = mkstemp(path);
  (void)state;
  assert_true(fd >= 0);
  wf = fdopen(fd, "w");
  for (i = 0; i < 40; i++)
    fprintf(wf, "# Part %zu\n\nParagraph %zu has a clause. And a second "
                "one.\n\nMore text here. And more.\n\n", i, i);
  fclose(wf);
  assert_int_equal(ct_text_read_file(path, CT_INVALID_ERROR, &t, &err),
                   CT_OK);
  assert_int_equal(ct_segment(t, NULL, &whole, &nwhole, &err), CT_OK);
  wf = open_memstream(&want, &wlen);
  assert_int_equal(ct_writer_new("jsonl", wf, NULL, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write(w, t, whole, nwhole, NULL, &err), CT_OK);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(wf);
  gf = open_memstream(&got, &glen);
  assert_int_equal(ct_writer_new("jsonl", gf, NULL, &w, &err), CT_OK);
  assert_int_equal(ct_plan_open(path, CT_INVALID_ERROR, 300, (size_t)-1, &p,
                                &err), CT_OK);
  assert_true(ct_plan_pieces(p) > 5);
  ct_carry_init(&carry);
  for (i = 0; carry.cut < ct_plan_pieces(p); i++) {
    assert_int_equal(ct_stream_piece(p, CT_INVALID_ERROR, NULL, (size_t)-1,
                                     &carry, &pt, &c, &n, &err), CT_OK);
    if (i % 2 == 0) {           /* to w itself, or through a fork */
      write_piece(w, t, whole, pt, c, n);
    } else {
      assert_int_equal(ct_writer_fork(w, &f, &err), CT_OK);
      write_piece(f, t, whole, pt, c, n);
      assert_int_equal(ct_writer_join(w, f, &err), CT_OK);
    }
    ct_clauses_free(c);
    ct_text_free(pt);
  }
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(gf);
  assert_string_equal(got, want);
  free(got);
  free(want);
  ct_plan_free(p);
  remove(path);
  /* what cannot be written in parts */
  memset(&o, 0, sizeof o);
  o.rules = rules;
  assert_int_equal(ct_writer_new("sarif", devnull, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write_part(w, t, NULL, whole, 1, NULL, &err),
                   CT_EUSAGE);
  assert_string_equal(err.msg, "cannot write part of a document in format "
                               "'sarif': it does not write documents apart");
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  assert_int_equal(ct_writer_new("jsonl", devnull, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write_part(w, t, NULL, whole, 2, NULL, &err),
                   CT_EUSAGE);
  snprintf(want_msg, sizeof want_msg, "%s: a classify format needs the "
           "results of every clause (0 for 2 clauses)", path);
  assert_string_equal(err.msg, want_msg);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  o.policies = &pol, o.npolicies = 1;
  assert_int_equal(ct_writer_new("jsonl", devnull, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write_part(w, t, NULL, whole, 1, NULL, &err),
                   CT_EUSAGE);
  assert_string_equal(err.msg, "cannot write part of a document with "
                               "policies: they look at whole documents");
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(devnull);
  ct_clauses_free(whole);
  ct_text_free(t);
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

/* The escapes of the JSON and XML writers, as strings the caller owns. */
static void test_escapes(void **state) {
  char *s;
  (void)state;
  s = ct_json_quote("a\"b\\c\n\x01\xff", 8);
  assert_non_null(s);
  assert_string_equal(s, "\"a\\\"b\\\\c\\n\\u0001\xEF\xBF\xBD\"");
  ct_string_free(s);
  s = ct_json_quote("x\0y", 3);             /* a NUL inside is escaped */
  assert_string_equal(s, "\"x\\u0000y\"");
  ct_string_free(s);
  s = ct_json_quote("", 0);
  assert_string_equal(s, "\"\"");
  ct_string_free(s);
  s = ct_xml_escape("<a href='x'>&\"\t\x01</a>", 20);
  assert_non_null(s);
  assert_string_equal(s, "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&#9;\xEF\xBF\xBD"
                         "&lt;/a&gt;");
  ct_string_free(s);
  s = ct_xml_escape("", 0);                  /* empty, still a string */
  assert_non_null(s);
  assert_string_equal(s, "");
  ct_string_free(s);
}

/* One side of a diff: the document and its collapsed clause texts. */
static void diff_side(const doc *d, char **texts, ct_diff_doc *side) {
  size_t i;
  for (i = 0; i < d->n; i++) texts[i] = ct_clause_text(d->t, &d->c[i], 1);
  side->name = ct_text_name(d->t);
  side->text = d->t, side->clauses = d->c, side->n = d->n;
  side->results = ct_results_array(d->r);
  side->texts = (const char *const *)texts;
}

/* The reports of clausetag diff: every format, the count, a bad name. */
static void test_diff_write(void **state) {
  doc a, b;
  char *ta[8], *tb[8], *out = NULL;
  ct_align_pair *steps = NULL;
  ct_diff d;
  ct_error err = {0};
  size_t i, len = 0, lines = 0;
  (void)state;
  doc_make(&a, "old.txt", "Alpha one.\n\nSame text here.\n");
  doc_make(&b, "new.txt", "Same text here.\n\nGamma three.\n");
  assert_true(a.n <= 8 && b.n <= 8);
  memset(&d, 0, sizeof d);
  d.rs = rules;
  diff_side(&a, ta, &d.old_doc);
  diff_side(&b, tb, &d.new_doc);
  assert_int_equal(ct_align(d.old_doc.texts, a.n, d.new_doc.texts, b.n, NULL,
                            &steps, &d.nsteps, NULL, &err), CT_OK);
  d.steps = steps;
  assert_int_equal(ct_diff_differences(&d), 2);   /* one dropped, one new */
  assert_int_equal(ct_diff_write("jsonl", &d, 0, &out, &len, &err), CT_OK);
  assert_int_equal(len, strlen(out));
  for (i = 0; i < len; i++) lines += out[i] == '\n';
  assert_int_equal(lines, d.nsteps);              /* one object a step */
  assert_non_null(strstr(out, "\"dropped\""));
  ct_string_free(out);
  assert_int_equal(ct_diff_write("text", &d, CT_DIFF_LIST_UNCHANGED, &out,
                                 &len, &err), CT_OK);
  assert_non_null(strstr(out, "old.txt"));
  ct_string_free(out);
  assert_int_equal(ct_diff_write("html", &d, 0, &out, &len, &err), CT_OK);
  assert_memory_equal(out, "<!DOCTYPE html>", 15);
  ct_string_free(out);
  assert_int_equal(ct_diff_write("xml", &d, 0, &out, &len, &err), CT_EUSAGE);
  assert_null(out);
  assert_int_equal(len, 0);
  assert_string_equal(err.msg, "unknown format 'xml' (known: text, jsonl "
                               "and html)");
  d.new_doc = d.old_doc;                          /* a version and itself */
  ct_align_free(steps);
  assert_int_equal(ct_align(d.old_doc.texts, a.n, d.old_doc.texts, a.n, NULL,
                            &steps, &d.nsteps, NULL, &err), CT_OK);
  d.steps = steps;
  assert_int_equal(ct_diff_differences(&d), 0);
  ct_align_free(steps);
  for (i = 0; i < a.n; i++) ct_string_free(ta[i]);
  for (i = 0; i < b.n; i++) ct_string_free(tb[i]);
  doc_free(&a);
  doc_free(&b);
}

/* What a writer of `format` with selection `flags` and labels writes
** for d; NULL when ct_writer_new fails (err says why). */
static char *write_selected(const char *format, unsigned flags,
                            const char *const *labels, size_t nlabels,
                            const doc *d, ct_error *err) {
  ct_writer_options o;
  ct_writer *w = NULL;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ct_status s;
  memset(&o, 0, sizeof o);
  o.rules = rules, o.flags = flags;
  o.labels = labels, o.nlabels = nlabels;
  if ((s = ct_writer_new(format, f, &o, &w, err)) != CT_OK) {
    assert_null(w);
    fclose(f);
    free(buf);
    return NULL;
  }
  assert_int_equal(ct_writer_write(w, d->t, d->c, d->n, d->r, err), CT_OK);
  assert_int_equal(ct_writer_close(w, err), CT_OK);
  fclose(f);
  return buf;
}

static void expect_selected(const char *format, unsigned flags,
                            const char *label, const doc *d,
                            const char *want) {
  ct_error err = {0};
  char *out = write_selected(format, flags, label ? &label : NULL,
                             label ? 1 : 0, d, &err);
  assert_non_null(out);
  assert_string_equal(out, want);
  free(out);
}

static void expect_refused(const char *format, unsigned flags,
                           const char *label, const char *msg) {
  ct_error err = {0};
  doc d;
  memset(&d, 0, sizeof d);
  assert_null(write_selected(format, flags, label ? &label : NULL,
                             label ? 1 : 0, &d, &err));
  assert_int_equal(err.status, CT_EUSAGE);
  assert_string_equal(err.msg, msg);
}

/* classify --label, -c, -l and -q as writer options. */
static void test_writer_select(void **state) {
  doc d;
  (void)state;
  doc_make(&d, "a.txt", "An alpha clause.\n\nA beta one.\n");
  expect_selected("text", 0, "alpha", &d,
                  "a.txt:1:1: alpha: An alpha clause.\n");
  expect_selected("text", 0, "gamma", &d, "");
  expect_selected("text", CT_WRITE_COUNT, NULL, &d,
                  "a.txt: 2 clauses; alpha 1, beta 0, gamma 0; 1 without a "
                  "label\n");
  expect_selected("text", CT_WRITE_COUNT, "gamma", &d,
                  "a.txt: 2 clauses; gamma 0; 1 without a label\n");
  expect_selected("tsv", CT_WRITE_COUNT, NULL, &d,
                  "file\tclauses\talpha\tbeta\tgamma\tunlabelled\n"
                  "a.txt\t2\t1\t0\t0\t1\n");
  expect_selected("text", CT_WRITE_NAMES, NULL, &d, "a.txt\n");
  expect_selected("text", CT_WRITE_NAMES, "gamma", &d, "");
  expect_selected("text", CT_WRITE_QUIET, NULL, &d, "");
  expect_refused("text", 0, "delta", "unknown label 'delta' for --label "
                 "(known labels: alpha, beta and gamma)");
  expect_refused("text", CT_WRITE_COUNT | CT_WRITE_QUIET, NULL,
                 "count, names and quiet cannot be combined (choose one)");
  expect_refused("sarif", 0, "alpha", "labels do not apply to format "
                 "'sarif', a report of every clause");
  expect_refused("jsonl", CT_WRITE_NAMES, NULL,
                 "names writes text, not format 'jsonl'");
  expect_refused("summary", CT_WRITE_COUNT, NULL,
                 "count writes text, tsv or jsonl, not format 'summary'");
  doc_free(&d);
}

/* A selection needs a rule set: the segment formats have no labels. */
static void test_writer_select_segment(void **state) {
  const char *label = "alpha";
  ct_writer_options o;
  ct_writer *w = NULL;
  ct_error err = {0};
  (void)state;
  memset(&o, 0, sizeof o);
  o.labels = &label, o.nlabels = 1;
  assert_int_equal(ct_writer_new("jsonl", stdout, &o, &w, &err), CT_EUSAGE);
  assert_null(w);
  assert_string_equal(err.msg, "a selection needs a rule set (classify "
                               "formats)");
}

/* The stream contract: a record's id and meta in its clause records, its
** closing record after them, an error record for one that failed. */
static void test_writer_answers(void **state) {
  const char *label = "alpha";
  ct_writer_options o;
  ct_writer_doc rec = {"\"d1\"", "{\"k\":1}", 1, NULL, 0, NULL, 0};
  ct_writer_doc bad = {"2", NULL, 2, NULL, 0, NULL, 0};
  ct_writer *w = NULL;
  ct_error err = {0};
  char *buf = NULL;
  size_t len = 0;
  FILE *f;
  doc d;
  (void)state;
  doc_make(&d, "d1", "An alpha clause.\n\nA beta one.\n");
  memset(&o, 0, sizeof o);
  o.rules = rules;
  f = open_memstream(&buf, &len);
  assert_int_equal(ct_writer_new("jsonl", f, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_write_doc(w, d.t, d.c, d.n, d.r, &rec, &err),
                   CT_OK);
  assert_int_equal(ct_writer_answer(w, &rec, d.r, d.n, &err), CT_OK);
  assert_int_equal(ct_writer_answer_error(w, &bad, "a.jsonl:2: missing "
                                          "\"text\" string\n", &err), CT_OK);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(f);
  assert_string_equal(buf,
      "{\"id\":\"d1\",\"meta\":{\"k\":1},\"clause\":1,\"line\":1,\"col\":1,"
      "\"start\":0,\"end\":16,\"kind\":\"sentence\",\"heading\":null,"
      "\"text\":\"An alpha clause.\",\"labels\":[\"alpha\"],"
      "\"scores\":{\"alpha\":1.0}}\n"
      "{\"id\":\"d1\",\"meta\":{\"k\":1},\"clause\":2,\"line\":3,\"col\":1,"
      "\"start\":18,\"end\":29,\"kind\":\"sentence\",\"heading\":null,"
      "\"text\":\"A beta one.\",\"labels\":[],\"scores\":{\"beta\":0.5}}\n"
      "{\"id\":\"d1\",\"meta\":{\"k\":1},\"type\":\"document\",\"line\":1,"
      "\"status\":\"ok\",\"clauses\":2,\"labels\":[\"alpha\"]}\n"
      "{\"id\":2,\"type\":\"error\",\"line\":2,\"status\":\"error\","
      "\"error\":\"a.jsonl:2: missing \\\"text\\\" string\"}\n");
  free(buf);
  /* with --label only the clauses written count; errors make it partial */
  o.labels = &label, o.nlabels = 1;
  rec.errors = "rule x failed\n";
  buf = NULL;
  f = open_memstream(&buf, &len);
  assert_int_equal(ct_writer_new("jsonl", f, &o, &w, &err), CT_OK);
  assert_int_equal(ct_writer_answer(w, &rec, d.r, d.n, &err), CT_OK);
  assert_int_equal(ct_writer_close(w, &err), CT_OK);
  fclose(f);
  assert_string_equal(buf,
      "{\"id\":\"d1\",\"meta\":{\"k\":1},\"type\":\"document\",\"line\":1,"
      "\"status\":\"partial\",\"clauses\":1,\"labels\":[\"alpha\"],"
      "\"errors\":[\"rule x failed\"]}\n");
  free(buf);
  doc_free(&d);
}

/* A large file read in pieces gives the whole document's clauses. */
static void test_pieces(void **state) {
  char path[] = "/tmp/ct_api_piecesXXXXXX";
  ct_clause *whole = NULL, *c = NULL;
  ct_text *t = NULL, *pt = NULL;
  ct_plan *p = NULL;
  ct_carry carry;
  ct_error err = {0};
  size_t nwhole = 0, n = 0, got = 0, reads = 0, i;
  FILE *f;
  int fd = mkstemp(path);
  (void)state;
  assert_true(fd >= 0);
  f = fdopen(fd, "w");
  fputs("# Title\n\n", f);
  for (i = 0; i < 200; i++)
    fprintf(f, "Paragraph %zu has an alpha clause. And a second one.\n\n",
            i);
  fclose(f);
  assert_int_equal(ct_text_read_file(path, CT_INVALID_ERROR, &t, &err),
                   CT_OK);
  assert_int_equal(ct_segment(t, NULL, &whole, &nwhole, &err), CT_OK);
  assert_int_equal(ct_plan_open(path, CT_INVALID_ERROR, 1000, (size_t)-1, &p,
                                &err), CT_OK);
  assert_string_equal(ct_plan_name(p), path);
  assert_true(ct_plan_pieces(p) > 5);
  ct_carry_init(&carry);
  while (carry.cut < ct_plan_pieces(p)) {
    assert_int_equal(ct_stream_piece(p, CT_INVALID_ERROR, NULL, (size_t)-1,
                                     &carry, &pt, &c, &n, &err), CT_OK);
    for (i = 0; i < n; i++, got++) {
      char *a = ct_clause_text(pt, &c[i], 1);
      char *b = ct_clause_text(t, &whole[got], 1);
      assert_int_equal(c[i].index, whole[got].index);
      assert_int_equal(c[i].line, whole[got].line);
      assert_int_equal(c[i].heading, whole[got].heading);
      assert_string_equal(a, b);
      ct_string_free(a);
      ct_string_free(b);
    }
    assert_int_equal(carry.clauses, got);
    ct_clauses_free(c);
    ct_text_free(pt);
    reads++;
  }
  assert_int_equal(got, nwhole);
  assert_true(reads > 1);
  ct_plan_free(p);
  ct_clauses_free(whole);
  ct_text_free(t);
  remove(path);
  assert_int_equal(ct_plan_open(path, CT_INVALID_ERROR, 1000, (size_t)-1, &p,
                                &err), CT_EIO);
  assert_null(p);
  assert_non_null(strstr(err.msg, path));
}

/* A text with bytes after it keeps its name and offsets; only plain
** text can be extended. */
static void test_text_extend(void **state) {
  const char *html = "<p>Hi there.</p>";
  ct_text *t = NULL, *x = NULL;
  ct_error err = {0};
  size_t line, col;
  (void)state;
  assert_int_equal(ct_text_from_buffer("a.txt", "One.\n", 5,
                                       CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_int_equal(ct_text_extend(t, "Two.\n", 5, CT_INVALID_ERROR, &x, &err),
                   CT_OK);
  assert_string_equal(ct_text_name(x), "a.txt");
  assert_int_equal(ct_text_size(x), 10);
  assert_string_equal(ct_text_data(x), "One.\nTwo.\n");
  ct_text_linecol(x, 5, &line, &col);
  assert_int_equal(line, 2);
  assert_int_equal(col, 1);
  ct_text_free(x);
  assert_int_equal(ct_text_extend(t, "\xff", 1, CT_INVALID_ERROR, &x, &err),
                   CT_EUTF8);
  assert_null(x);
  ct_text_free(t);
  assert_int_equal(ct_text_from_format("p.html", html, strlen(html),
                                       CT_INPUT_HTML, CT_INVALID_ERROR, &t,
                                       &err), CT_OK);
  assert_int_equal(ct_text_extend(t, "x", 1, CT_INVALID_ERROR, &x, &err),
                   CT_EUSAGE);
  assert_null(x);
  assert_string_equal(err.msg, "p.html: only a plain text can be extended");
  ct_text_free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_version),
      cmocka_unit_test(test_error_set),
      cmocka_unit_test(test_frees),
      cmocka_unit_test(test_results),
      cmocka_unit_test(test_result_explain),
      cmocka_unit_test(test_keep_hits),
      cmocka_unit_test(test_writer_reads_hits),
      cmocka_unit_test(test_align),
      cmocka_unit_test(test_writer_formats),
      cmocka_unit_test(test_writer_unknown_format),
      cmocka_unit_test(test_policies),
      cmocka_unit_test(test_writer_policies),
      cmocka_unit_test(test_writer_checked_doc),
      cmocka_unit_test(test_writer_callback),
      cmocka_unit_test(test_writer_format_names),
      cmocka_unit_test(test_writer_fork_join),
      cmocka_unit_test(test_writer_write_part),
      cmocka_unit_test(test_listing),
      cmocka_unit_test(test_escapes),
      cmocka_unit_test(test_diff_write),
      cmocka_unit_test(test_writer_select),
      cmocka_unit_test(test_writer_select_segment),
      cmocka_unit_test(test_writer_answers),
      cmocka_unit_test(test_writer_fork_spills),
      cmocka_unit_test(test_pieces),
      cmocka_unit_test(test_text_extend),
  };
  return cmocka_run_group_tests(tests, load_rules, free_rules);
}
