/*
** test_formats.c -- the CI report formats of classify: sarif, junit, html.
**
** The writers run on texts from ct_text_from_buffer with hand-made
** clauses, results, policies and violations; only the label and rule
** names come from a small test rule set (tests/rules/formats), so these
** tests fix the report structure without depending on the shipped rules
** or on where the segmenter cuts.  SARIF is parsed back with jansson;
** JUnit XML and HTML are checked for escaping, balanced tags and counts.
*/
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <jansson.h>
#include "clausetag.h"
#include "helpers.h"
#include "output/writer.h"
#include "output/xml.h"

/* Labels and rules of tests/rules/formats, by index. */
enum { ALPHA, BETA, GAMMA, NLABELS };
enum { R_ALPHA_WORDS, R_ALPHA_STRONG, R_BETA_WORD, R_BETA_MORE, R_GAMMA };

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

/* ---- hand-made documents --------------------------------------------- */

#define MAXC 4
#define MAXH 4

/* One document: its text, clauses over whole lines, and one result per
** clause built from the hits given. */
typedef struct doc {
  ct_text *text;
  ct_clause c[MAXC];
  ct_result res[MAXC];
  double scores[MAXC][NLABELS];
  unsigned char has[MAXC][NLABELS];
  ct_hit hits[MAXC][MAXH];
  size_t n;
  ct_docinfo info;
} doc;

/* Each line of `s` is one clause. */
static void doc_init(doc *d, const char *name, const char *s) {
  const char *p = s;
  ct_error err = {0};
  memset(d, 0, sizeof *d);
  if (ct_text_from_buffer(name, s, strlen(s), CT_INVALID_ERROR, &d->text,
                          &err) != CT_OK)
    fail_msg("%s", err.msg);
  while (*p && d->n < MAXC) {
    const char *e = strchr(p, '\n');
    ct_clause *c = &d->c[d->n];
    c->index = d->n + 1;
    c->kind = CT_KIND_SENTENCE;
    c->start = (size_t)(p - s);
    c->end = e ? (size_t)(e - s) : strlen(s);
    ct_text_linecol(d->text, c->start, &c->line, &c->col);
    d->res[d->n].scores = d->scores[d->n];
    d->res[d->n].has = d->has[d->n];
    d->res[d->n].hits = d->hits[d->n];
    d->n++;
    p = e ? e + 1 : s + strlen(s);
  }
  d->info.results = d->res;
}

/* Rule `rule` fired on clause i (0-based) over its first `len` bytes. */
static void hit(doc *d, size_t i, size_t rule, size_t label, double w,
                size_t len) {
  ct_result *r = &d->res[i];
  ct_hit *h = &d->hits[i][r->nhits++];
  h->rule = rule, h->label = label, h->weight = w;
  h->start = d->c[i].start, h->end = d->c[i].start + len;
  d->scores[i][label] += w;
  d->has[i][label] = d->scores[i][label] >= 1.0;
}

static void doc_free(doc *d) { ct_text_free(d->text); }

/* The flags of run(); the SARIF tests look at label notes, which only
** --sarif-labels (CT_WRITE_LABELS) adds. */
static unsigned run_flags = CT_WRITE_LABELS;

/* Runs the whole writer protocol over the documents into memory. */
static char *run(const char *format, doc **docs, size_t ndocs,
                 const ct_policy *pol, size_t npol) {
  char *out = NULL;
  size_t len = 0, k;
  FILE *f = open_memstream(&out, &len);
  const ct_format *fmt = ct_format_find(ct_classify_formats, format);
  ct_writer w;
  ct_error err = {0};
  assert_non_null(f);
  assert_non_null(fmt);
  ct_writer_init(&w, fmt, f);
  w.rs = rules, w.policies = pol, w.npolicies = npol, w.flags = run_flags;
  assert_int_equal(ct_writer_begin(&w, &err), CT_OK);
  for (k = 0; k < ndocs; k++)
    assert_int_equal(ct_writer_document_info(&w, docs[k]->text, docs[k]->c,
                                             docs[k]->n, &docs[k]->info, &err),
                     CT_OK);
  assert_int_equal(ct_writer_end(&w, &err), CT_OK);
  assert_null(w.state);
  ct_writer_free(&w);
  fclose(f);
  return out;
}

static size_t count_of(const char *s, const char *needle) {
  size_t n = 0;
  for (; (s = strstr(s, needle)) != NULL; s += strlen(needle)) n++;
  return n;
}

/* The standard pair: doc 1 has alpha, alpha+beta and an unlabelled
** clause; doc 2 one unlabelled clause. */
static void two_docs(doc *a, doc *b) {
  doc_init(a, "one.txt", "Alpha first.\nAlpha and beta.\nNothing.\n");
  hit(a, 0, R_ALPHA_WORDS, ALPHA, 1.0, 5);
  hit(a, 1, R_ALPHA_WORDS, ALPHA, 1.0, 5);
  hit(a, 1, R_BETA_WORD, BETA, 0.5, 5);
  hit(a, 1, R_BETA_MORE, BETA, 1.5, 5);
  doc_init(b, "two.txt", "Nothing again.");
}

static const ct_policy policies[] = {
  {CT_POLICY_REQUIRE, "gamma", GAMMA},
  {CT_POLICY_FORBID, "beta", BETA},
  {CT_POLICY_UNLABELED, NULL, 0},
  {CT_POLICY_REQUIRE, "gamma", GAMMA},   /* given twice: listed once */
};

static const ct_violation violations_a[] = {
  {0, 0, "policy --require gamma: no clause labelled gamma"},
  {1, 2, "policy --forbid beta: clause labelled beta"},
  {2, 3, "policy --fail-on-unlabeled: clause has no label"},
};

static const ct_violation violations_b[] = {
  {3, 0, "policy --require gamma: no clause labelled gamma"},
  {2, 1, "policy --fail-on-unlabeled: clause has no label"},
};

static void add_violations(doc *a, doc *b) {
  a->info.violations = violations_a, a->info.nviolations = 3;
  b->info.violations = violations_b, b->info.nviolations = 2;
}

/* ---- XML escaping ---------------------------------------------------- */

static void expect_xml(const char *in, size_t n, const char *want) {
  ct_buf b = {0};
  assert_int_equal(ct_xml_string(&b, in, n), CT_OK);
  assert_string_equal(b.s ? b.s : "", want);
  ct_buf_free(&b);
}

#define XML(lit, want) expect_xml(lit, sizeof lit - 1, want)

static void test_xml_escape(void **state) {
  (void)state;
  XML("", "");
  XML("plain", "plain");
  XML("a&b<c>d\"e'f", "a&amp;b&lt;c&gt;d&quot;e&#39;f");
  XML("t\tn\nr\r", "t&#9;n&#10;r&#13;");
  XML("\x01x\x1f\0", "\xef\xbf\xbdx\xef\xbf\xbd\xef\xbf\xbd");
  XML("\xef\xbf\xbe\xef\xbf\xbf\xef\xbf\xbd", "\xef\xbf\xbd\xef\xbf\xbd"
                                              "\xef\xbf\xbd");
  XML("\xec\x95\x8c\xed\x8c\x8c", "\xec\x95\x8c\xed\x8c\x8c");
}

/* A file name can be any bytes: invalid UTF-8 becomes U+FFFD, one per
** maximal invalid sequence, so the report stays well-formed (found by
** reading the code while fuzzing; tests/fuzz/README.md). */
static void test_xml_invalid_utf8(void **state) {
  (void)state;
  XML("bad\xff.txt", "bad\xef\xbf\xbd.txt");
  XML("\xc3", "\xef\xbf\xbd");
  XML("\xed\xa0\x80<", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd&lt;");
  XML("\xe2\x82x\xc3\xa9", "\xef\xbf\xbdx\xc3\xa9");
}

/* ---- SARIF ----------------------------------------------------------- */

static json_t *parse(const char *s) {
  json_error_t e;
  json_t *j = json_loads(s, 0, &e);
  if (j == NULL)
    fail_msg("invalid JSON at %d:%d: %s", e.line, e.column, e.text);
  return j;
}

static json_t *the_run(json_t *root) {
  return json_array_get(json_object_get(root, "runs"), 0);
}

static const char *str_at(json_t *o, const char *path) {
  char key[64];
  const char *dot;
  while ((dot = strchr(path, '.')) != NULL) {
    snprintf(key, sizeof key, "%.*s", (int)(dot - path), path);
    o = isdigit((unsigned char)key[0])
            ? json_array_get(o, (size_t)atoi(key)) : json_object_get(o, key);
    path = dot + 1;
  }
  return json_string_value(json_object_get(o, path));
}

static json_int_t int_at(json_t *region, const char *key) {
  return json_integer_value(json_object_get(region, key));
}

static void test_sarif_structure(void **state) {
  doc a, b, *docs[] = {&a, &b};
  json_t *root, *run1, *rulesj, *results;
  char *out;
  (void)state;
  two_docs(&a, &b);
  out = run("sarif", docs, 2, NULL, 0);
  root = parse(out);
  run1 = the_run(root);
  assert_string_equal(str_at(root, "version"), "2.1.0");
  assert_non_null(str_at(root, "$schema"));
  assert_string_equal(str_at(run1, "columnKind"), "unicodeCodePoints");
  assert_string_equal(str_at(run1, "tool.driver.name"), "clausetag");
  rulesj = json_object_get(json_object_get(json_object_get(run1, "tool"),
                                           "driver"), "rules");
  assert_int_equal(json_array_size(rulesj), ct_ruleset_nrules(rules));
  assert_string_equal(str_at(rulesj, "0.id"), "alpha.words");
  assert_string_equal(str_at(rulesj, "4.properties.label"), "gamma");
  results = json_object_get(run1, "results");
  assert_int_equal(json_array_size(results), 2);   /* labelled clauses */
  assert_string_equal(str_at(results, "0.level"), "note");
  assert_string_equal(str_at(results, "0.ruleId"), "alpha.words");
  assert_string_equal(str_at(results, "1.ruleId"), "beta.more");  /* 2.0 */
  assert_string_equal(str_at(results, "1.message.text"),
                      "alpha,beta: Alpha and beta.");
  assert_string_equal(str_at(results, "1.locations.0.physicalLocation."
                                      "artifactLocation.uri"), "one.txt");
  json_decref(root);
  free(out);
  doc_free(&a), doc_free(&b);
}

/* The region of result i: startLine, startColumn, endLine, endColumn. */
static json_t *region_of(json_t *results, size_t i) {
  json_t *loc = json_array_get(json_object_get(json_array_get(results, i),
                                               "locations"), 0);
  return json_object_get(json_object_get(loc, "physicalLocation"), "region");
}

static void test_sarif_regions(void **state) {
  doc a, *docs[] = {&a};
  json_t *root, *results, *r;
  char *out;
  (void)state;
  /* Columns count code points: "alpha" after "알파 " is at column 4. */
  doc_init(&a, "k.txt", "x\n\xec\x95\x8c\xed\x8c\x8c alpha\n");
  a.c[1].start = 2 + 7;
  ct_text_linecol(a.text, a.c[1].start, &a.c[1].line, &a.c[1].col);
  hit(&a, 1, R_ALPHA_WORDS, ALPHA, 1.0, 5);
  out = run("sarif", docs, 1, NULL, 0);
  root = parse(out);
  results = json_object_get(the_run(root), "results");
  assert_int_equal(json_array_size(results), 1);
  r = region_of(results, 0);
  assert_int_equal(int_at(r, "startLine"), 2);
  assert_int_equal(int_at(r, "startColumn"), 4);
  assert_int_equal(int_at(r, "endLine"), 2);
  assert_int_equal(int_at(r, "endColumn"), 9);   /* just past the end */
  assert_int_equal(int_at(r, "byteOffset"), 9);
  assert_int_equal(int_at(r, "byteLength"), 5);
  json_decref(root);
  free(out);
  doc_free(&a);
}

/* By default labels are not findings: the violations are the results. */
static void test_sarif_violations_only(void **state) {
  doc a, b, *docs[] = {&a, &b};
  json_t *root, *results;
  size_t k;
  char *out;
  (void)state;
  two_docs(&a, &b);
  add_violations(&a, &b);
  run_flags = 0;
  out = run("sarif", docs, 2, policies, 4);
  run_flags = CT_WRITE_LABELS;
  root = parse(out);
  results = json_object_get(the_run(root), "results");
  assert_int_equal(json_array_size(results), 5);
  for (k = 0; k < json_array_size(results); k++)
    assert_string_equal(str_at(json_array_get(results, k), "level"), "error");
  json_decref(root);
  free(out);
  doc_free(&a), doc_free(&b);
}

static void test_sarif_policies(void **state) {
  doc a, b, *docs[] = {&a, &b};
  json_t *root, *run1, *rulesj, *results;
  size_t k, errors = 0, notes = 0, nrules = ct_ruleset_nrules(rules);
  char *out;
  (void)state;
  two_docs(&a, &b);
  add_violations(&a, &b);
  out = run("sarif", docs, 2, policies, 4);
  root = parse(out);
  run1 = the_run(root);
  rulesj = json_object_get(json_object_get(json_object_get(run1, "tool"),
                                           "driver"), "rules");
  assert_int_equal(json_array_size(rulesj), nrules + 3);   /* once each */
  assert_string_equal(str_at(rulesj, "5.id"), "policy/require/gamma");
  assert_string_equal(str_at(rulesj, "6.id"), "policy/forbid/beta");
  assert_string_equal(str_at(rulesj, "7.id"), "policy/fail-on-unlabeled");
  results = json_object_get(run1, "results");
  for (k = 0; k < json_array_size(results); k++) {
    const char *level = str_at(json_array_get(results, k), "level");
    errors += strcmp(level, "error") == 0;
    notes += strcmp(level, "note") == 0;
  }
  assert_int_equal(notes, 2);
  assert_int_equal(errors, 5);
  /* doc 1's violations follow its notes, in order; the repeated policy
  ** reports under the id of its first occurrence. */
  assert_string_equal(str_at(results, "2.ruleId"), "policy/require/gamma");
  assert_int_equal(int_at(region_of(results, 2), "startLine"), 1);
  assert_null(json_object_get(region_of(results, 2), "endLine"));
  assert_string_equal(str_at(results, "3.ruleId"), "policy/forbid/beta");
  assert_int_equal(int_at(region_of(results, 3), "startLine"), 2);
  assert_string_equal(str_at(results, "5.ruleId"), "policy/require/gamma");
  assert_string_equal(str_at(results, "5.message.text"),
                      "policy --require gamma: no clause labelled gamma");
  json_decref(root);
  free(out);
  doc_free(&a), doc_free(&b);
}

/* Equal sums: the first rule in rule order wins; hits for a label the
** clause does not have do not count. */
static void test_sarif_top_rule(void **state) {
  doc a, *docs[] = {&a};
  json_t *root, *results;
  char *out;
  (void)state;
  doc_init(&a, "t.txt", "tie\nbeta only counts\n");
  hit(&a, 0, R_ALPHA_STRONG, ALPHA, 1.0, 3);
  hit(&a, 0, R_BETA_WORD, BETA, 1.0, 3);
  hit(&a, 1, R_ALPHA_STRONG, ALPHA, 0.5, 3);  /* alpha stays below 1.0 */
  hit(&a, 1, R_BETA_WORD, BETA, 0.5, 3);
  hit(&a, 1, R_BETA_WORD, BETA, 0.25, 3);     /* one rule, two hits */
  hit(&a, 1, R_BETA_MORE, BETA, 0.5, 3);
  out = run("sarif", docs, 1, NULL, 0);
  root = parse(out);
  results = json_object_get(the_run(root), "results");
  assert_int_equal(json_array_size(results), 2);
  assert_string_equal(str_at(results, "0.ruleId"), "alpha.strong");
  assert_string_equal(str_at(results, "1.ruleId"), "beta.word");
  assert_string_equal(str_at(results, "1.message.text"),
                      "beta: beta only counts");
  json_decref(root);
  free(out);
  doc_free(&a);
}

/* Any name and any text give valid JSON; names become URI references. */
static void test_sarif_escaping(void **state) {
  doc a, *docs[] = {&a};
  json_t *root, *results;
  char *out;
  (void)state;
  doc_init(&a, "/tmp/a \"b\"\\c\x01%.txt", "alpha \"q\" \\ \x01\x1f end\n");
  hit(&a, 0, R_ALPHA_WORDS, ALPHA, 1.0, 5);
  out = run("sarif", docs, 1, NULL, 0);
  root = parse(out);
  results = json_object_get(the_run(root), "results");
  assert_string_equal(str_at(results, "0.locations.0.physicalLocation."
                                      "artifactLocation.uri"),
                      "file:///tmp/a%20%22b%22%5Cc%01%25.txt");
  assert_string_equal(str_at(results, "0.message.text"),
                      "alpha: alpha \"q\" \\ \xEF\xBF\xBD\xEF\xBF\xBD end");
  json_decref(root);
  free(out);
  doc_free(&a);
}

static void test_sarif_empty_run(void **state) {
  json_t *root;
  char *out;
  (void)state;
  out = run("sarif", NULL, 0, policies, 1);
  root = parse(out);
  assert_int_equal(json_array_size(json_object_get(the_run(root), "results")),
                   0);
  json_decref(root);
  free(out);
}

/* ---- a small XML checker --------------------------------------------- */

/* Every '<' opens a tag, every tag closes in order, every '&' starts a
** reference: enough to catch a missed escape or an unbalanced element. */
static void check_xml(const char *s) {
  const char *stack[64];
  size_t depth = 0, n;
  for (; *s; s++) {
    if (*s == '&') {
      assert_true(strncmp(s, "&amp;", 5) == 0 || strncmp(s, "&lt;", 4) == 0 ||
                  strncmp(s, "&gt;", 4) == 0 || strncmp(s, "&quot;", 6) == 0 ||
                  strncmp(s, "&#", 2) == 0);
      continue;
    }
    if (*s == '>') fail_msg("raw '>' outside a tag: %.40s", s);
    if (*s != '<') continue;
    n = strcspn(s, ">");
    assert_int_equal(s[n], '>');
    assert_null(memchr(s + 1, '<', n - 1));
    if (s[1] == '?' || s[n - 1] == '/') {
      s += n;
      continue;
    }
    if (s[1] == '/') {
      assert_true(depth > 0);
      depth--;
      assert_memory_equal(stack[depth], s + 2, strcspn(s + 2, ">"));
    } else {
      assert_true(depth < 64);
      stack[depth++] = s + 1;
    }
    s += n;
  }
  assert_int_equal(depth, 0);
}

/* ---- JUnit ----------------------------------------------------------- */

static void test_junit_no_policies(void **state) {
  doc a, b, *docs[] = {&a, &b};
  char *out;
  (void)state;
  two_docs(&a, &b);
  out = run("junit", docs, 2, NULL, 0);
  check_xml(out);
  assert_int_equal(strncmp(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                           38), 0);
  assert_int_equal(count_of(out, "<testsuite "), 2);
  assert_int_equal(count_of(out, "<testcase name=\"classify\""), 2);
  assert_int_equal(count_of(out, "<failure"), 0);
  assert_non_null(strstr(out, "<testsuite name=\"one.txt\" tests=\"1\" "
                              "failures=\"0\""));
  assert_non_null(strstr(out, "one.txt:2:1: alpha,beta: Alpha and beta.\n"));
  free(out);
  doc_free(&a), doc_free(&b);
}

static void test_junit_policies(void **state) {
  doc a, b, *docs[] = {&a, &b};
  char *out;
  (void)state;
  two_docs(&a, &b);
  add_violations(&a, &b);
  out = run("junit", docs, 2, policies, 4);
  check_xml(out);
  assert_int_equal(count_of(out, "<testcase "), 6);    /* 3 policies x 2 */
  assert_int_equal(count_of(out, "<failure "), 5);
  assert_non_null(strstr(out, "<testsuite name=\"one.txt\" tests=\"3\" "
                              "failures=\"3\""));
  assert_non_null(strstr(out, "<testsuite name=\"two.txt\" tests=\"3\" "
                              "failures=\"2\""));
  assert_non_null(strstr(out, "<testcase name=\"policy --forbid beta\" "
                              "classname=\"clausetag.policy\">"));
  assert_non_null(strstr(out, "<failure message=\"policy --forbid beta: "
                              "clause labelled beta\" type=\"policy\">"
                              "one.txt:2:1: Alpha and beta.</failure>"));
  free(out);
  doc_free(&a), doc_free(&b);
}

static void test_junit_escaping(void **state) {
  doc a, *docs[] = {&a};
  static const ct_violation v[] = {{1, 1, "msg <&> \"'\x01"}};
  char *out;
  (void)state;
  doc_init(&a, "a<b>&\"c\".txt", "alpha <x> & \"y\" 'z' \x02\n");
  hit(&a, 0, R_ALPHA_WORDS, ALPHA, 1.0, 5);
  a.info.violations = v, a.info.nviolations = 1;
  out = run("junit", docs, 1, policies, 2);
  check_xml(out);
  assert_non_null(strstr(out, "name=\"a&lt;b&gt;&amp;&quot;c&quot;.txt\""));
  assert_non_null(strstr(out, "message=\"msg &lt;&amp;&gt; &quot;&#39;"
                              "\xef\xbf\xbd\""));
  assert_non_null(strstr(out, "alpha &lt;x&gt; &amp; &quot;y&quot; "
                              "&#39;z&#39; \xef\xbf\xbd"));
  assert_null(strchr(out, '\x01'));
  assert_null(strchr(out, '\x02'));
  free(out);
  doc_free(&a);
}

/* ---- HTML ------------------------------------------------------------ */

static void test_html_sections(void **state) {
  doc a, b, *docs[] = {&a, &b};
  char *out, *again;
  (void)state;
  two_docs(&a, &b);
  add_violations(&a, &b);
  out = run("html", docs, 2, policies, 4);
  assert_int_equal(strncmp(out, "<!DOCTYPE html>", 15), 0);
  assert_int_equal(count_of(out, "<section class=\"doc\""), 2);
  assert_int_equal(count_of(out, "<li class=\"clause"), 4);
  assert_int_equal(count_of(out, " violated\""), 3);
  assert_non_null(strstr(out, "data-label=\"alpha\" data-count=\"2\""));
  assert_non_null(strstr(out, "data-label=\"beta\" data-count=\"1\""));
  assert_non_null(strstr(out, "data-label=\"gamma\" data-count=\"0\""));
  assert_non_null(strstr(out, "data-labels=\"0 1\""));
  assert_non_null(strstr(out, "<code>beta.more</code>"));
  /* Nothing is fetched from anywhere. */
  assert_null(strstr(out, "src="));
  assert_null(strstr(out, "href=\"http"));
  assert_null(strstr(out, "@import"));
  again = run("html", docs, 2, policies, 4);
  assert_string_equal(out, again);   /* deterministic */
  free(again);
  free(out);
  doc_free(&a), doc_free(&b);
}

static void test_html_escaping(void **state) {
  doc a, *docs[] = {&a};
  char *out;
  (void)state;
  doc_init(&a, "<script>x</script>.txt",
           "alpha <script>alert(1)</script> & \"q\"\n");
  hit(&a, 0, R_ALPHA_WORDS, ALPHA, 1.0, 5);
  out = run("html", docs, 1, NULL, 0);
  assert_int_equal(count_of(out, "<script>"), 1);   /* the report's own */
  assert_non_null(strstr(out, "<h2>&lt;script&gt;x&lt;/script&gt;.txt</h2>"));
  /* the word that fired marked, the rest escaped around it */
  assert_non_null(strstr(out, "<mark class=\"l0\" title=\"alpha.words\">"
                              "alpha</mark> &lt;script&gt;alert(1)&lt;/script&gt; "
                              "&amp; &quot;q&quot;"));
  free(out);
  doc_free(&a);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_xml_escape),
    cmocka_unit_test(test_xml_invalid_utf8),
    cmocka_unit_test(test_sarif_structure),
    cmocka_unit_test(test_sarif_regions),
    cmocka_unit_test(test_sarif_policies),
    cmocka_unit_test(test_sarif_violations_only),
    cmocka_unit_test(test_sarif_top_rule),
    cmocka_unit_test(test_sarif_escaping),
    cmocka_unit_test(test_sarif_empty_run),
    cmocka_unit_test(test_junit_no_policies),
    cmocka_unit_test(test_junit_policies),
    cmocka_unit_test(test_junit_escaping),
    cmocka_unit_test(test_html_sections),
    cmocka_unit_test(test_html_escaping),
  };
  return cmocka_run_group_tests(tests, load_rules, free_rules);
}
