/*
** test_declarative.c -- every declarative context feature of a rule
** (`scope`, `context = "section"`, `context = "previous"`,
** `context = "recent"`, `focus`, and `needs` on a `when`) fires exactly where a `when` function that says
** the same thing in Lua does.  The shipped rules once had such `when`s
** (rules/context.lua); they are declarations now, worked out in C, and
** this is the proof that nothing was lost: two rule sets, one with the
** declarations and one with their `when` equivalents, classify generated
** documents (cut as text and as lines) to the same labels, scores and
** firing rules, clause by clause.  Rules with no words (y.*) are run on
** a clause only when its own evidence (focus) or the previous clause's
** labels (context) for their label allow (the engine's `cond` sets): they
** must still fire wherever their `when`s do.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>
#include <cmocka.h>
#include "clausetag.h"

#define TMP "build/test-declarative-rules.lua"
#define NDOCS 300

/* The clause's own evidence, shared by both rule sets: `a` from "alpha",
** "apple*" and (weakly) "ant"; `b` from "beta" and, outside titles,
** "gamma". */
#define OWN \
  "label \"a\" {}\nlabel \"b\" {}\n" \
  "rule \"a.w\" { label = \"a\", words = { \"alpha\", \"apple*\" } }\n" \
  "rule \"a.weak\" { label = \"a\", words = \"ant\", weight = 0.5 }\n" \
  "rule \"b.w\" { label = \"b\", words = \"beta\" }\n"

/* The declarations, in the order the `when` rule set gives the same ids. */
static const char declared[] = OWN
  "rule \"x.body\" { label = \"b\", words = \"gamma\", scope = \"body\" }\n"
  "rule \"x.title\" { label = \"a\", words = \"report\", scope = \"title\","
  " weight = -5 }\n"
  "rule \"x.focus\" { label = \"a\", focus = true, weight = 0.5 }\n"
  "rule \"x.section\" { label = \"a\", context = \"section\", weight = 0.5 }\n"
  "rule \"x.prev\" { label = \"a\", context = \"previous\","
  " words = \"this effort\" }\n"
  "rule \"y.focus\" { label = \"b\", focus = true, weight = 0.25 }\n"
  "rule \"y.prev\" { label = \"b\", context = \"previous\", weight = 0.25 }\n"
  "rule \"z.recent\" { label = \"a\", context = \"recent\", weight = 0.5 }\n"
  "rule \"z.recentb\" { label = \"b\", context = \"recent\", weight = 0.25 }\n";

/* The same in Lua, as context.lua used to say it.  A `when` runs with the
** clause's own rules, so the ones that must know the clause's own labels
** (context rules never go against them) or its own evidence (focus) work
** them out from its words. */
static const char with_when[] = OWN
  "local ra, rb, rt, last = 0, 0, 0, 0\n"
  "local function recent(c)\n"     /* each earlier body clause half the next */
  "  if c.index ~= last then\n"
  "    local p = c.prev\n"
  "    if p ~= nil and not p.title then\n"
  "      ra = ra / 2 + (p.labels.a and 1 or 0)\n"
  "      rb = rb / 2 + (p.labels.b and 1 or 0)\n"
  "      rt = rt / 2 + 1\n"
  "    end\n"
  "    last = c.index\n"
  "  end\n"
  "end\n"
  "local function share(c, r)\n"
  "  recent(c)\n"
  "  if c.title or rt == 0 or (r == 'a' and ra or rb) / rt < 0.01 then\n"
  "    return 0 end\n"
  "  return (r == 'a' and ra or rb) / rt\n"
  "end\n"
  "local function own_b(c) return c:has('beta') or"
  " (not c.title and c:has('gamma')) end\n"
  "local function own_a(c)\n"
  "  return (c:has('alpha', 'apple*') and 1 or 0) + (c:has('ant') and 0.5 or 0)\n"
  "    + 0.5 * share(c, 'a')\n"
  "end\n"
  "local function evidence_b(c)\n"
  "  return (c:has('beta') and 1 or 0)\n"
  "    + ((not c.title and c:has('gamma')) and 1 or 0) + 0.25 * share(c, 'b')\n"
  "end\n"
  "rule \"x.body\" { label = \"b\", when = function(c)\n"
  "  return not c.title and c:has('gamma') end }\n"
  "rule \"x.title\" { label = \"a\", when = function(c)\n"
  "  return c.title and c:has('report') and -5 end }\n"
  "rule \"x.focus\" { label = \"a\", weight = 0.5, when = function(c)\n"
  "  local a, b = own_a(c), evidence_b(c)\n"
  "  return a > 0 and 0.5 * a / (a + b) end }\n"
  "rule \"x.section\" { label = \"a\", weight = 0.5, when = function(c)\n"
  "  return not c.title and c.heading ~= nil and c.heading.labels.a\n"
  "    and not own_b(c) and 0.5 end }\n"
  "rule \"x.prev\" { label = \"a\", when = function(c)\n"
  "  return not c.title and c:has('this effort') and c.prev ~= nil\n"
  "    and c.prev.labels.a and not own_b(c) end }\n"
  "local function has_a(c)\n"
  "  local a, b = own_a(c), evidence_b(c)\n"
  "  return a + (a > 0 and 0.5 * a / (a + b) or 0) >= 1 - 1e-9\n"
  "end\n"
  "rule \"y.focus\" { label = \"b\", weight = 0.25, when = function(c)\n"
  "  local a, b = own_a(c), evidence_b(c)\n"
  "  return b > 0 and 0.25 * b / (a + b) end }\n"
  "rule \"y.prev\" { label = \"b\", weight = 0.25, when = function(c)\n"
  "  return not c.title and c.prev ~= nil and c.prev.labels.b\n"
  "    and not has_a(c) and 0.25 end }\n"
  "rule \"z.recent\" { label = \"a\", weight = 0.5, when = function(c)\n"
  "  local s = share(c, 'a')\n"
  "  return s > 0 and 0.5 * s end }\n"
  "rule \"z.recentb\" { label = \"b\", weight = 0.25, when = function(c)\n"
  "  local s = share(c, 'b')\n"
  "  return s > 0 and 0.25 * s end }\n";

static ct_ruleset *load(const char *src) {
  FILE *f = fopen(TMP, "w");
  const char *paths[] = {TMP};
  ct_ruleset *rs = NULL;
  ct_error err;
  assert_non_null(f);
  fputs(src, f);
  fclose(f);
  if (ct_ruleset_load(paths, 1, NULL, &rs, &err) != CT_OK)
    fail_msg("%s", err.msg);
  return rs;
}

/* A small deterministic generator (xorshift), so a failure reproduces. */
static unsigned long long rnd_state;
static unsigned rnd(unsigned n) {
  rnd_state ^= rnd_state << 13;
  rnd_state ^= rnd_state >> 7;
  rnd_state ^= rnd_state << 17;
  return (unsigned)(rnd_state % n);
}

static const char *const vocab[] = {
  "alpha", "apples", "ant", "beta", "gamma", "report", "this effort",
  "we", "will", "build", "roads", "today", "together", "plans", "more",
  "the", "partners", "agree", "gammas", "antelope",
};

static void words(char *doc, size_t n) {
  size_t i;
  for (i = 0; i < n; i++) {
    if (i) strcat(doc, " ");
    strcat(doc, vocab[rnd(sizeof vocab / sizeof *vocab)]);
  }
}

/* A document of headings, paragraphs of sentences and bullet lists. */
static void make_doc(char *doc) {
  size_t blocks = 1 + rnd(10), b, k;
  doc[0] = '\0';
  for (b = 0; b < blocks; b++) {
    switch (rnd(3)) {
    case 0:                                   /* a heading */
      strcat(doc, "Heading ");
      words(doc, 1 + rnd(3));
      strcat(doc, "\n\n");
      break;
    case 1:                                   /* a paragraph */
      for (k = 1 + rnd(3); k > 0; k--) {
        strcat(doc, "Then ");
        words(doc, 1 + rnd(6));
        strcat(doc, k > 1 ? ". " : ".\n\n");
      }
      break;
    default:                                  /* a list */
      for (k = 1 + rnd(3); k > 0; k--) {
        strcat(doc, "  - Then ");
        words(doc, 1 + rnd(5));
        strcat(doc, ".\n");
      }
      strcat(doc, "\n");
    }
  }
}

typedef struct run {
  ct_clause *c;
  size_t n;
  ct_results *r;
} run;

static void classify(ct_engine *e, const ct_ruleset *rs, ct_text *t,
                     int lines, run *out) {
  ct_error err;
  ct_status st = lines ? ct_segment_lines(t, &out->c, &out->n, &err)
                       : ct_segment(t, ct_ruleset_abbrevs(rs), &out->c,
                                    &out->n, &err);
  assert_int_equal(st, CT_OK);
  if (ct_engine_classify(e, t, out->c, out->n, NULL, &out->r, &err) != CT_OK)
    fail_msg("%s", err.msg);
}

/* Same labels, scores and firing rules (with their weights) per clause;
** counts how often each declarative rule fired, so that the test is
** known to reach every feature. */
static void same(const ct_ruleset *rs, const run *x, const run *y,
                 const char *doc, size_t *fired) {
  size_t i, k, nl = ct_ruleset_nlabels(rs);
  assert_int_equal(x->n, y->n);
  for (i = 0; i < x->n; i++) {
    const ct_result *p = ct_results_get(x->r, i),
                    *q = ct_results_get(y->r, i);
    for (k = 0; k < nl; k++) {
      if (p->has[k] != q->has[k] || fabs(p->scores[k] - q->scores[k]) > 1e-9)
        fail_msg("clause %zu, label %zu: %d %g vs %d %g in\n%s", i + 1, k,
                 p->has[k], p->scores[k], q->has[k], q->scores[k], doc);
    }
    if (p->nhits != q->nhits)
      fail_msg("clause %zu: %zu hits vs %zu in\n%s", i + 1, p->nhits,
               q->nhits, doc);
    for (k = 0; k < p->nhits; k++) {
      if (p->hits[k].rule != q->hits[k].rule ||
          fabs(p->hits[k].weight - q->hits[k].weight) > 1e-9)
        fail_msg("clause %zu: hit %zu differs in\n%s", i + 1, k, doc);
      fired[p->hits[k].rule]++;
    }
  }
}

static void free_run(run *x) {
  ct_results_free(x->r);
  free(x->c);
}

static void declarations_fire_where_whens_did(void **state) {
  ct_ruleset *rd = load(declared), *rw = load(with_when);
  ct_engine *ed, *ew;
  ct_error err;
  size_t fired[16] = {0}, d, r;
  char *doc = malloc(8192);
  int lines;
  (void)state;
  assert_int_equal(ct_ruleset_nrules(rd), ct_ruleset_nrules(rw));
  assert_true(ct_ruleset_nrules(rd) <= 16);
  assert_int_equal(ct_engine_new(rd, &ed, &err), CT_OK);
  assert_int_equal(ct_engine_new(rw, &ew, &err), CT_OK);
  rnd_state = 0x9E3779B97F4A7C15ULL;
  for (d = 0; d < NDOCS; d++) {
    make_doc(doc);
    for (lines = 0; lines < 2; lines++) {
      ct_text *t;
      run x, y;
      assert_int_equal(ct_text_from_buffer("gen.txt", doc, strlen(doc),
                                           CT_INVALID_ERROR, &t, &err),
                       CT_OK);
      classify(ed, rd, t, lines, &x);
      classify(ew, rw, t, lines, &y);
      same(rd, &x, &y, doc, fired);
      free_run(&x);
      free_run(&y);
      ct_text_free(t);
    }
  }
  for (r = 0; r < ct_ruleset_nrules(rd); r++)
    if (fired[r] < 10)
      fail_msg("rule %s fired %zu times: the documents do not exercise it",
               ct_ruleset_rule(rd, r)->id, fired[r]);
  free(doc);
  ct_engine_free(ed);
  ct_engine_free(ew);
  ct_ruleset_free(rd);
  ct_ruleset_free(rw);
}

/* Does clause c of t hold `s` (lowercase ASCII text)? */
static int holds(const ct_text *t, const ct_clause *c, const char *s) {
  const char *p = ct_text_data(t) + c->start;
  size_t n = c->end - c->start, k = strlen(s), i;
  for (i = 0; i + k <= n; i++)
    if (memcmp(p + i, s, k) == 0) return 1;
  return 0;
}

/* `needs` on a `when`: the same labels as the `when` alone, and the
** function is called on exactly the clauses that hold a needle: no
** clause object, no Lua, anywhere else. */
static void needs_gate_when(void **state) {
  static const char base[] =
    "label \"b\" {}\n"
    "rule \"b.when\" { label = \"b\", %s when = function(c)\n"
    "  return c:has('gamma') and not c:has('beta') end }\n";
  char src[512];
  ct_ruleset *rn, *rp;
  ct_engine *en, *ep;
  ct_rule_cost cn[1], cp[1];
  ct_error err;
  size_t d, i, holding = 0, total = 0;
  char *doc = malloc(8192);
  (void)state;
  snprintf(src, sizeof src, base, "needs = { \"gamm\" },");
  rn = load(src);
  snprintf(src, sizeof src, base, "");
  rp = load(src);
  assert_int_equal(ct_engine_new(rn, &en, &err), CT_OK);
  assert_int_equal(ct_engine_new(rp, &ep, &err), CT_OK);
  memset(cn, 0, sizeof cn);
  memset(cp, 0, sizeof cp);
  ct_engine_set_costs(en, cn);
  ct_engine_set_costs(ep, cp);
  rnd_state = 12345;
  for (d = 0; d < NDOCS / 3; d++) {
    ct_text *t;
    run x, y;
    size_t fired[1] = {0};
    make_doc(doc);
    assert_int_equal(ct_text_from_buffer("gen.txt", doc, strlen(doc),
                                         CT_INVALID_ERROR, &t, &err), CT_OK);
    classify(en, rn, t, 0, &x);
    classify(ep, rp, t, 0, &y);
    same(rn, &x, &y, doc, fired);
    for (i = 0; i < x.n; i++) holding += holds(t, &x.c[i], "gamm");
    total += x.n;
    free_run(&x);
    free_run(&y);
    ct_text_free(t);
  }
  assert_int_equal(cp[0].when_calls, total);
  assert_int_equal(cn[0].when_calls, holding);
  assert_true(holding > 0 && holding < total / 2);
  free(doc);
  ct_engine_free(en);
  ct_engine_free(ep);
  ct_ruleset_free(rn);
  ct_ruleset_free(rp);
}

/* `needs` without `regex` or `when` says nothing: an error, placed. */
static void needs_needs_regex_or_when(void **state) {
  FILE *f = fopen(TMP, "w");
  const char *paths[] = {TMP};
  ct_ruleset *rs = NULL;
  ct_error err;
  (void)state;
  assert_non_null(f);
  fputs("label \"l\" {}\nrule \"x\" { label = \"l\", context = \"section\", "
        "needs = \"a\" }\n", f);
  fclose(f);
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_ESYNTAX);
  assert_string_equal(err.msg, TMP ":2:46: rule 'x': 'needs' is for a "
                      "'regex' or a 'when' rule: it names what a clause must "
                      "hold for them to run");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(declarations_fire_where_whens_did),
    cmocka_unit_test(needs_gate_when),
    cmocka_unit_test(needs_needs_regex_or_when),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
