/*
** test_engine.c -- the rule engine through the public API only, the way
** another C program uses libclausetag: load a rule set (and every way
** loading can fail, with its exact message), segment, classify, read
** labels, scores and hits, free everything.
*/
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "text/utf8.h"

#define TMP "build/test-engine-rules.lua"

static void write_rules(const char *src) {
  FILE *f = fopen(TMP, "w");
  assert_non_null(f);
  fputs(src, f);
  fclose(f);
}

static ct_status load(const char *src, ct_ruleset **rs, ct_error *err) {
  const char *paths[] = {TMP};
  write_rules(src);
  return ct_ruleset_load(paths, 1, NULL, rs, err);
}

static void load_fails(const char *src, ct_status want, const char *msg) {
  ct_ruleset *rs = NULL;
  ct_error err;
  assert_int_equal(load(src, &rs, &err), want);
  assert_null(rs);
  assert_string_equal(err.msg, msg);
}

/* Classifies `doc` and renders each clause as "labels|hits" lines. */
static char *classify(ct_ruleset *rs, const char *doc) {
  ct_engine *e;
  ct_text *t;
  ct_clause *c;
  ct_results *res = NULL;
  const ct_result *r;
  ct_error err;
  size_t n, i, k, h;
  char *out = calloc(1, 4096);
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  assert_int_equal(ct_text_from_buffer("doc.txt", doc, strlen(doc),
                                       CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, ct_ruleset_abbrevs(rs), &c, &n, &err), CT_OK);
  assert_int_equal(ct_engine_classify(e, t, c, n, "d1", &res, &err), CT_OK);
  r = ct_results_array(res);
  for (i = 0; i < n; i++) {
    for (k = 0; k < ct_ruleset_nlabels(rs); k++)
      if (r[i].has[k]) {
        strcat(out, ct_ruleset_label(rs, k)->name);
        strcat(out, " ");
      }
    strcat(out, "|");
    for (h = 0; h < r[i].nhits; h++) {
      char buf[160];
      const ct_hit *x = &r[i].hits[h];
      snprintf(buf, sizeof buf, " %s=%g:%.*s", ct_ruleset_rule(rs, x->rule)->id,
               x->weight, (int)(x->end - x->start), doc + x->start);
      strcat(out, buf);
    }
    strcat(out, "\n");
  }
  ct_results_free(res);
  free(c);
  ct_text_free(t);
  ct_engine_free(e);
  return out;
}

static void classify_is(const char *rules, const char *doc, const char *want) {
  ct_ruleset *rs;
  ct_error err;
  char *got;
  if (load(rules, &rs, &err) != CT_OK) fail_msg("load: %s", err.msg);
  got = classify(rs, doc);
  assert_string_equal(got, want);
  free(got);
  ct_ruleset_free(rs);
}

#define CLIMATE "label \"climate\" { title = \"Climate\" }\n"

/* -- loading ---------------------------------------------------------- */

static void load_metadata(void **state) {
  ct_ruleset *rs;
  ct_error err;
  const ct_rule_info *ri;
  int unless;
  (void)state;
  assert_int_equal(load(CLIMATE
    "label \"trade\" { threshold = 2, color = \"yellow\" }\n"
    "rule \"c.core\" { label = \"climate\", words = { \"Climate\", \"emission*\" }, weight = 1.5,\n"
    "  description = \"core\" }\n"
    "rule \"t.re\" { label = \"trade\", regex = [[\\btrade\\b]], unless = \"x\" }\n"
    "example { \"Climate.\", labels = { \"climate\" } }\n"
    "abbreviations { \"Amb.\" }\n", &rs, &err), CT_OK);
  assert_int_equal(ct_ruleset_nlabels(rs), 2);
  assert_string_equal(ct_ruleset_label(rs, 0)->title, "Climate");
  assert_true(ct_ruleset_label(rs, 1)->threshold == 2.0);
  assert_string_equal(ct_ruleset_label(rs, 1)->color, "yellow");
  assert_int_equal(ct_ruleset_nrules(rs), 2);
  ri = ct_ruleset_rule(rs, 0);
  assert_string_equal(ri->id, "c.core");
  assert_true(ri->weight == 1.5 && ri->words && !ri->regex && !ri->when);
  assert_int_equal(ri->line, 3);
  assert_string_equal(ri->file, TMP);
  ri = ct_ruleset_rule(rs, 1);
  assert_true(ri->regex && ri->unless && ri->label == 1 && ri->weight == 1.0);
  /* phrases as written, words then unless, in order */
  assert_int_equal(ct_ruleset_rule_nphrases(rs, 0), 2);
  assert_string_equal(ct_ruleset_rule_phrase(rs, 0, 0, &unless), "Climate");
  assert_false(unless);
  assert_string_equal(ct_ruleset_rule_phrase(rs, 0, 1, &unless), "emission*");
  assert_null(ct_ruleset_rule_phrase(rs, 0, 2, &unless));
  assert_int_equal(ct_ruleset_rule_nphrases(rs, 1), 1);
  assert_string_equal(ct_ruleset_rule_phrase(rs, 1, 0, &unless), "x");
  assert_true(unless);
  assert_int_equal(ct_ruleset_rule_nphrases(rs, 2), 0);
  assert_null(ct_ruleset_rule_phrase(rs, 2, 0, NULL));
  assert_int_equal(ct_ruleset_nexamples(rs), 1);
  assert_int_equal(ct_ruleset_example(rs, 0)->labels[0], 0);
  assert_int_equal(ct_ruleset_nfiles(rs), 1);
  ct_ruleset_free(rs);
}

static void load_errors(void **state) {
  (void)state;
  load_fails(CLIMATE "rule \"a\" { label = \"climate\", words = { \"x\" } }\n"
             "rule \"a\" { label = \"climate\", words = { \"y\" } }\n",
             CT_ESYNTAX, TMP ":3:6: rule 'a': already declared at " TMP ":2");
  load_fails(CLIMATE "rule \"a\" { label = \"climate\", words = \"x\", wieght = 2 }\n",
             CT_ESYNTAX, TMP ":2:44: rule 'a': unknown key 'wieght' (did you "
             "mean 'weight'?)");
  load_fails("rule \"a\" { label = \"trade\", words = \"x\" }\n", CT_ESYNTAX,
             TMP ":1:20: rule 'a': label 'trade' is not declared (declare it "
             "with label \"trade\" {...})");
  load_fails(CLIMATE "rule \"a\" { label = \"climate\", regex = \"(x\" }\n",
             CT_ESYNTAX, TMP ":2:39: rule 'a': regex error at offset 2: missing "
             "closing parenthesis");
  load_fails(CLIMATE "rule \"a\" { label = \"climate\" }\n", CT_ESYNTAX,
             TMP ":2:1: rule 'a': needs at least one of 'words', 'regex', 'when', "
             "'context', 'focus' or 'vocabulary'");
  load_fails(CLIMATE "rule \"a\" { label = \"climate\", words = \"x*y\" }\n",
             CT_ESYNTAX, TMP ":2:39: rule 'a': phrase \"x*y\": '*' is allowed only "
             "at the end");
  load_fails(CLIMATE CLIMATE, CT_ESYNTAX,
             TMP ":2:7: label 'climate': already declared at " TMP ":1");
  load_fails("label \"x\" { threshold = 2e6 }\n", CT_ESYNTAX,
             TMP ":1:25: label 'x': 'threshold' must be a number greater than 0 "
             "and at most 1000000");
  load_fails(CLIMATE "rule \"a\" { label = \"climate\", weight = -1e7, "
             "words = \"x\" }\n", CT_ESYNTAX, TMP ":2:40: rule 'a': 'weight' "
             "must be a number between -1000000 and 1000000");
  /* names: letters, marks, digits and _ . - : / + only */
  load_fails("label \"a b\" {}\n", CT_ESYNTAX, TMP ":1:7: label name holds "
             "U+0020 (byte 2); a name holds letters, digits and _ . - : / + "
             "only");
  load_fails(CLIMATE "rule \"a\\tb\" { label = \"climate\", words = \"x\" "
             "}\n", CT_ESYNTAX, TMP ":2:6: rule name holds U+0009 (byte 2); a "
             "name holds letters, digits and _ . - : / + only");
  load_fails("label \"\\u{2066}x\" {}\n", CT_ESYNTAX, TMP ":1:7: label name "
             "holds U+2066 (byte 1); a name holds letters, digits and _ . - "
             ": / + only");
  load_fails("label \"a\\xff\" {}\n", CT_ESYNTAX, TMP ":1:7: label name is "
             "not valid UTF-8 (byte 2)");
  load_fails("label (string.rep('a', 129)) {}\n", CT_ESYNTAX, TMP ":1:7: label "
             "name is longer than 128 bytes");
  load_fails("label \"x\" { threshold = 0 }\n", CT_ESYNTAX,
             TMP ":1:25: label 'x': 'threshold' must be a number greater than 0 "
             "and at most 1000000");
  load_fails(CLIMATE "rule \"a\" { label = \"climate\", weight = \"1\", words = \"x\" }\n",
             CT_ESYNTAX, TMP ":2:40: rule 'a': 'weight' must be a number, not a "
             "string");
  load_fails(CLIMATE "example { labels = {} }\n", CT_ESYNTAX,
             TMP ":2:1: example: the clause text must come first, as a string");
  load_fails(CLIMATE "example { \"x\", labels = { \"nope\" } }\n", CT_ESYNTAX,
             TMP ":2:27: example: label 'nope' is not declared");
  load_fails("abbreviations { \"Amb\" }\n", CT_ESYNTAX,
             TMP ":1:17: abbreviations: 'Amb' must end with a period");
  load_fails("label \"x\" {\n", CT_ESYNTAX,
             TMP ":2:1: unexpected symbol near <eof>");
  load_fails("os.execute(\"true\")\n", CT_ERULE,
             TMP ":1:1: clausetag sandbox: 'os' is not available in rule files");
}

static void load_missing_path(void **state) {
  const char *paths[] = {"tests/data/no-such-rules"};
  ct_ruleset *rs = NULL;
  ct_error err;
  (void)state;
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_EIO);
  assert_string_equal(err.msg, "tests/data/no-such-rules: cannot read: No such "
                               "file or directory");
}

static void shipped_rules_load(void **state) {
  const char *paths[] = {"rules"};
  ct_ruleset *rs;
  ct_error err;
  (void)state;
  if (ct_ruleset_load(paths, 1, NULL, &rs, &err) != CT_OK)
    fail_msg("%s", err.msg);
  assert_int_equal(ct_ruleset_nlabels(rs), 5);
  assert_string_equal(ct_ruleset_label(rs, 0)->name, "security");
  assert_string_equal(ct_ruleset_label(rs, 4)->name, "people");
  ct_ruleset_free(rs);
}

/* -- matching and scoring --------------------------------------------- */

static void words_and_scores(void **state) {
  (void)state;
  classify_is(CLIMATE
    "rule \"c\" { label = \"climate\", words = { \"net zero\", \"emission*\" } }\n",
    "We reach net-zero emissions.\n\nNothing here.\n",
    "climate | c=1:net-zero\n|\n");
}

static void threshold_and_weights(void **state) {
  (void)state;
  classify_is("label \"t\" { threshold = 1.5 }\n"
    "rule \"a\" { label = \"t\", words = \"trade\" }\n"
    "rule \"b\" { label = \"t\", words = \"tariff*\", weight = 0.5 }\n",
    "Trade grew. Trade and tariffs grew.\n",
    "| a=1:Trade\nt | a=1:Trade b=0.5:tariffs\n");
}

static void multi_label_and_unless(void **state) {
  (void)state;
  classify_is(CLIMATE "label \"trade\" {}\n"
    "rule \"c\" { label = \"climate\", words = \"battery\" }\n"
    "rule \"t\" { label = \"trade\", words = \"battery\", unless = \"recycling\" }\n",
    "A battery plant. Battery recycling.\n",
    "climate trade | c=1:battery t=1:battery\nclimate | c=1:Battery\n");
}

static void negative_weight(void **state) {
  (void)state;
  classify_is("label \"s\" {}\n"
    "rule \"a\" { label = \"s\", words = \"security\" }\n"
    "rule \"b\" { label = \"s\", words = \"health security\", weight = -1 }\n",
    "Health security matters. Security matters.\n",
    "| a=1:security b=-1:Health security\ns | a=1:Security\n");
}

static void regex_rule(void **state) {
  (void)state;
  classify_is(CLIMATE
    "rule \"r\" { label = \"climate\", regex = [[\\b1\\.5 degrees\\b]] }\n",
    "Limit warming to 1.5 Degrees. Or 2 degrees.\n",
    "climate | r=1:1.5 Degrees\n|\n");
}

/* Rules with one pattern (a rule file's loop, one rule per label) run it
** once per clause: each still fires with the match, behind its own
** scope and needs, on the clause it matched and no other. */
static void regex_twins(void **state) {
  (void)state;
  classify_is(CLIMATE "label \"b\" {}\n"
    "rule \"r1\" { label = \"climate\", regex = [[:\\s*$]] }\n"
    "rule \"r2\" { label = \"b\", regex = [[:\\s*$]], weight = -0.5 }\n"
    "rule \"r3\" { label = \"b\", regex = [[:\\s*$]], scope = \"title\" }\n"
    "rule \"r4\" { label = \"b\", regex = [[:\\s*$]], needs = \"zz\" }\n",
    "We agree:\n\n  - Plant trees.\n\nThey note zz:\n",
    "climate | r1=1:: r2=-0.5::\n|\nclimate | r1=1:: r2=-0.5:: r4=1::\n");
}

static void korean_phrases(void **state) {
  (void)state;
  classify_is(CLIMATE "rule \"k\" { label = \"climate\", words = \"탄소중립\" }\n",
              "양국은 탄소중립을 달성한다.\n", "climate | k=1:탄소중립\n");
}

/* -- when ------------------------------------------------------------- */

static void when_context(void **state) {
  (void)state;
  classify_is(CLIMATE
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"s\" { label = \"climate\", when = function(c)\n"
    "  return c.heading and c.heading.labels.climate and c.kind == 'bullet'\n"
    "    and c.depth == 1 and 1.0 end }\n",
    "Climate Work\n\n  • Plant trees.\n\nOther Work\n\n  • Plant trees.\n",
    "climate | c=1:Climate\nclimate | s=1:Plant trees.\n|\n|\n");
}

static void when_fields(void **state) {
  (void)state;
  classify_is(CLIMATE
    "rule \"f\" { label = \"climate\", when = function(c)\n"
    "  return c.text == 'Ab cd.' and c.norm == 'ab cd.' and c.index == 2\n"
    "    and c.title == false and c.prev.title == false\n"
    "    and c.line == 1 and c.col == 5 and c.start == 4 and c.stop == 10\n"
    "    and c.prev.text == 'Xy.' and c.doc.path == 'doc.txt'\n"
    "    and c.doc.id == 'd1' and c:has('cd', 'zz') and not c:has('c')\n"
    "    and c:find('c(d)') == 4 and c:count('[a-z]') == 4\n"
    "    and select('#', c:find('zz')) == 1 and c:find('zz') == nil end }\n",
    "Xy. Ab cd.\n", "|\nclimate | f=1:Ab cd.\n");
}

/* Names in any script, with the punctuation ids use. */
static void names_allowed(void **state) {
  (void)state;
  classify_is("label \"\\u{AE30}\\u{D6C4}-x_1\" {}\n"
              "rule \"e\\u{301}t\\u{E9}.a:b/c+d\" { label = \"\\u{AE30}\\u{D6C4}-x_1\", "
              "words = \"sea\" }\n", "Sea level.\n",
              "\xEA\xB8\xB0\xED\x9B\x84-x_1 | e\xCC\x81t\xC3\xA9.a:b/c+d=1:Sea\n");
}

static void when_weight_and_condition(void **state) {
  (void)state;
  classify_is(CLIMATE
    "rule \"w\" { label = \"climate\", words = \"sea\", weight = 3,\n"
    "  when = function(c) return c:has('level') and 0.5 end }\n"
    "rule \"t\" { label = \"climate\", words = \"sea\",\n"
    "  when = function(c) return c:has('rise') end }\n",
    "Sea level. Sea rise. Level.\n",
    "| w=0.5:Sea\nclimate | t=1:Sea\n|\n");
}

static ct_status classify_error(const char *rules, const char *doc,
                                ct_error *err) {
  ct_ruleset *rs;
  ct_engine *e;
  ct_text *t;
  ct_clause *c;
  ct_results *res = NULL;
  size_t n;
  ct_status st;
  if (load(rules, &rs, err) != CT_OK) fail_msg("load: %s", err->msg);
  assert_int_equal(ct_engine_new(rs, &e, err), CT_OK);
  assert_int_equal(ct_text_from_buffer("doc.txt", doc, strlen(doc),
                                       CT_INVALID_ERROR, &t, err), CT_OK);
  assert_int_equal(ct_segment(t, NULL, &c, &n, err), CT_OK);
  st = ct_engine_classify(e, t, c, n, NULL, &res, err);
  ct_results_free(res);
  free(c);
  ct_text_free(t);
  ct_engine_free(e);
  ct_ruleset_free(rs);
  return st;
}

static void when_errors(void **state) {
  ct_error err;
  (void)state;
  assert_int_equal(classify_error(CLIMATE
    "rule \"s\" { label = \"climate\", when = function(c) return 'yes' end }\n",
    "One.\n", &err), CT_ERULE);
  assert_string_equal(err.msg, TMP ":2: 'when' returned string; expected a "
                      "number, true, false or nil (rule 's' at " TMP ":2, "
                      "clause doc.txt:1:1)");
  assert_int_equal(classify_error(CLIMATE
    "rule \"e\" { label = \"climate\", when = function(c)\n"
    "  error('boom') end }\n", "One.\n", &err), CT_ERULE);
  assert_string_equal(err.msg, TMP ":3: boom (rule 'e' at " TMP ":2, clause "
                      "doc.txt:1:1)");
  assert_int_equal(classify_error(CLIMATE
    "rule \"l\" { label = \"climate\", when = function(c)\n"
    "  while true do end end }\n", "One.\n", &err), CT_ELIMIT);
  assert_string_equal(err.msg, TMP ":3: instruction limit exceeded (1000000 "
                      "instructions) (rule 'l' at " TMP ":2, clause "
                      "doc.txt:1:1)");
  assert_int_equal(classify_error(CLIMATE
    "rule \"w\" { label = \"climate\", when = function(c)\n"
    "  c.text = 'x' end }\n", "One.\n", &err), CT_ERULE);
  assert_string_equal(err.msg, TMP ":3: clause objects are read-only (rule "
                      "'w' at " TMP ":2, clause doc.txt:1:1)");
  /* a score stays finite: one rule adds at most CT_WEIGHT_MAX */
  assert_int_equal(classify_error(CLIMATE
    "rule \"h\" { label = \"climate\", when = function(c)\n"
    "  return 2e6 end }\n", "One.\n", &err), CT_ERULE);
  assert_string_equal(err.msg, TMP ":2: 'when' returned 2e+06: the rule would "
                      "add more than 1000000 to a score (rule 'h' at " TMP
                      ":2, clause doc.txt:1:1)");
}

/* However long the message, where it happened survives, and it stays one
** line: an error() cannot forge output lines or terminal escapes. */
static void error_message_shape(void **state) {
  ct_error err;
  size_t n;
  (void)state;
  assert_int_equal(classify_error(CLIMATE
    "rule \"long\" { label = \"climate\", when = function(c)\n"
    "  error(string.rep('\\u{E9}', 3000)) end }\n", "One.\n", &err),
    CT_ERULE);
  n = strlen(err.msg);
  assert_true(n < sizeof err.msg);
  assert_string_equal(err.msg + n - strlen("... (rule 'long' at " TMP ":2, "
                                           "clause doc.txt:1:1)"),
                      "... (rule 'long' at " TMP ":2, clause doc.txt:1:1)");
  assert_int_equal(ct_utf8_check((const unsigned char *)err.msg, n), n);
  assert_int_equal(classify_error(CLIMATE
    "rule \"nl\" { label = \"climate\", when = function(c)\n"
    "  error('a\\nb\\27[31mc\\194\\155', 0) end }\n", "One.\n", &err),
    CT_ERULE);
  assert_string_equal(err.msg, TMP ":3: a b [31mc?? (rule 'nl' at " TMP ":2, clause "
                      "doc.txt:1:1)");
}

static int errors_seen;
static void on_error(void *ud, const ct_error *err) {
  (void)ud;
  (void)err;
  errors_seen++;
}

static void keep_going(void **state) {
  ct_ruleset *rs;
  ct_engine *e;
  ct_text *t;
  ct_clause *c;
  ct_results *res = NULL;
  const ct_result *r;
  ct_error err;
  size_t n;
  const char *doc = "One. Two.\n";
  (void)state;
  assert_int_equal(load(CLIMATE
    "rule \"e\" { label = \"climate\", when = function(c) error('x') end }\n"
    "rule \"ok\" { label = \"climate\", words = \"two\" }\n", &rs, &err), CT_OK);
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  ct_engine_on_error(e, on_error, NULL);
  assert_int_equal(ct_text_from_buffer("d", doc, strlen(doc), CT_INVALID_ERROR,
                                       &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, NULL, &c, &n, &err), CT_OK);
  errors_seen = 0;
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &res, &err), CT_OK);
  r = ct_results_array(res);
  assert_int_equal(errors_seen, 2);
  assert_int_equal(r[0].has[0], 0);
  assert_int_equal(r[1].has[0], 1);
  ct_results_free(res);
  free(c);
  ct_text_free(t);
  ct_engine_free(e);
  ct_ruleset_free(rs);
}

/* c:has scans a clause with its own scratch: the document's phrase hits,
** still to be read by later clauses, survive it, also when the scan finds
** more matches than the scratch first holds (a use-after-free before). */
static void has_keeps_document_hits(void **state) {
  char doc[2048] = "Many:";
  int i;
  (void)state;
  for (i = 0; i < 300; i++) strcat(doc, " x");
  strcat(doc, ".\nThe climate and trade.\n");
  classify_is(CLIMATE "label \"trade\" {}\n"
    "rule \"h\" { label = \"climate\", when = function(c) c:has('x') end }\n"
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"t\" { label = \"trade\", words = \"trade\" }\n",
    doc, "|\nclimate trade | c=1:climate t=1:trade\n");
}

/* context = "recent": the share of the label over the earlier clauses
** that are not titles, each half the one after it; under 1% it is none.
** "Climate." then "Other." then "Next.": the second clause sees 1 of 1,
** the third (1/2 + 0) / (1/2 + 1) = 1/3. */
static void recent_share(void **state) {
  (void)state;
  classify_is(CLIMATE
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"r\" { label = \"climate\", context = \"recent\", weight = 0.6 }\n",
    "Climate.\nOther.\nNext.\n",
    "climate | c=1:Climate\n| r=0.6:Other.\n| r=0.2:Next.\n");
}

/* A title neither leans nor counts; a share under 1% does not fire. */
static void recent_titles_and_floor(void **state) {
  char doc[512] = "Climate.\n\nA Heading\n\n";
  int i;
  (void)state;
  for (i = 0; i < 7; i++) strcat(doc, "Other.\n");
  classify_is(CLIMATE
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"r\" { label = \"climate\", context = \"recent\", weight = 0.5 }\n",
    doc,
    "climate | c=1:Climate\n|\n| r=0.5:Other.\n| r=0.166667:Other.\n"
    "| r=0.0714286:Other.\n| r=0.0333333:Other.\n| r=0.016129:Other.\n"
    "| r=0.00793651:Other.\n|\n");
}

/* With priors (weights { priors }), a document starts as if a clause with
** those shares came before it: the first clause leans by the prior. */
static void recent_starts_from_priors(void **state) {
  ct_ruleset *rs;
  ct_error err;
  double st[3];
  (void)state;
  classify_is(CLIMATE "label \"trade\" {}\n"
    "rule \"r\" { label = \"climate\", context = \"recent\" }\n"
    "weights { priors = { climate = 0.25 } }\n",
    "Other.\nNext.\n", "| r=0.25:Other.\n| r=0.0833333:Next.\n");
  assert_int_equal(load(CLIMATE "label \"trade\" {}\n"
                        "weights { priors = { trade = 0.5 } }\n", &rs, &err),
                   CT_OK);
  assert_true(ct_ruleset_label(rs, 0)->prior == -1);
  assert_true(ct_ruleset_label(rs, 1)->prior == 0.5);
  ct_recent_start(rs, st);
  assert_true(st[0] == 0 && st[1] == 0.5 && st[2] == 1);
  assert_true(ct_recent_share(st, 2, 1) == 0.5);
  ct_ruleset_free(rs);
  load_fails(CLIMATE "weights { priors = { climate = 1.5 } }\n", CT_ESYNTAX,
             TMP ":2:32: weights: label 'climate': a prior must be a number "
             "from 0 to 1");
  load_fails(CLIMATE "weights { priors = { climat = 0.5 } }\n", CT_ESYNTAX,
             TMP ":2:22: weights: label 'climat' is not declared (did you "
             "mean 'climate'?)");
}

/* A rule set, an engine and a document of lines (ct_segment_lines), for
** the tests that classify it in parts; close_lines frees them. */
static void open_lines(const char *rules, const char *doc, ct_ruleset **rs,
                       ct_engine **e, ct_text **t, ct_clause **c,
                       size_t *n) {
  ct_error err;
  assert_int_equal(load(rules, rs, &err), CT_OK);
  assert_int_equal(ct_engine_new(*rs, e, &err), CT_OK);
  assert_int_equal(ct_text_from_buffer("doc.txt", doc, strlen(doc),
                                       CT_INVALID_ERROR, t, &err), CT_OK);
  assert_int_equal(ct_segment_lines(*t, c, n, &err), CT_OK);
}

static void close_lines(ct_ruleset *rs, ct_engine *e, ct_text *t,
                        ct_clause *c) {
  free(c);
  ct_text_free(t);
  ct_engine_free(e);
  ct_ruleset_free(rs);
}

/* A document classified in two parts, the second given what the first
** left (ct_recent_add over its results), gets the scores it gets whole. */
static void recent_across_parts(void **state) {
  static const char doc[] = "Climate.\nOther.\nClimate again.\nNext.\n"
                            "More.\nLast.\n";
  ct_ruleset *rs;
  ct_engine *e;
  ct_text *t;
  ct_clause *c;
  ct_results *whole, *p1, *p2;
  ct_part part;
  ct_error err;
  double st[2];
  size_t n, i, cut = 3;
  (void)state;
  open_lines(CLIMATE
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"r\" { label = \"climate\", context = \"recent\", weight = 0.7 }\n"
    "weights { priors = { climate = 0.4 } }\n", doc, &rs, &e, &t, &c, &n);
  assert_int_equal(n, 6);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &whole, &err), CT_OK);
  memset(&part, 0, sizeof part);
  assert_int_equal(ct_engine_classify_part(e, t, c, cut, NULL, &part, &p1,
                                           &err), CT_OK);
  ct_recent_start(rs, st);
  for (i = 0; i < cut; i++)
    ct_recent_add(st, 1, &c[i], ct_results_get(p1, i)->has);
  part.before = cut;
  part.prev_has = ct_results_get(p1, cut - 1)->has;
  part.recent = st;
  assert_int_equal(ct_engine_classify_part(e, t, c + cut, n - cut, NULL,
                                           &part, &p2, &err), CT_OK);
  for (i = 0; i < n; i++) {
    const ct_result *a = ct_results_get(whole, i),
                    *b = i < cut ? ct_results_get(p1, i)
                                 : ct_results_get(p2, i - cut);
    assert_true(a->scores[0] == b->scores[0]);
    assert_int_equal(a->has[0], b->has[0]);
  }
  assert_true(ct_results_get(whole, 4)->scores[0] > 0);
  ct_results_free(whole);
  ct_results_free(p1);
  ct_results_free(p2);
  close_lines(rs, e, t, c);
}

/* A `next` rule reads the next clause's labels as the other rules left
** them: a heading and a lead-in take the topic after them, a label never
** travels back two clauses, a clause with another label of its own
** keeps it, and the last clause has nothing after it. */
static void next_clause(void **state) {
  (void)state;
  classify_is(CLIMATE "label \"trade\" {}\n"
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"t\" { label = \"trade\", words = \"trade\" }\n"
    "rule \"n\" { label = \"climate\", context = \"next\" }\n",
    "Energy\n\nClimate first.\n\nOne.\n\nTwo.\n\nClimate again.\n\n"
    "Trade.\n\nClimate last.\n",
    "climate | n=1:Energy\nclimate | c=1:Climate\n|\nclimate | n=1:Two.\n"
    "climate | c=1:Climate\ntrade | t=1:Trade\nclimate | c=1:Climate\n");
  /* after the last clause, as if an average one followed: the prior */
  classify_is(CLIMATE "label \"trade\" {}\n"
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"n\" { label = \"climate\", context = \"next\", weight = 2 }\n"
    "weights { priors = { climate = 0.25, trade = 0.5 } }\n",
    "Climate.\nOther.\n", "climate | c=1:Climate\n| n=0.5:Other.\n");
}

/* A document with `next` rules classified in two parts, wherever it is
** cut: the first part given the second's first clause to look ahead to
** (ct_part.ahead), the second what the first left (context_has: the
** labels before the next rules), gets what it gets whole. */
static void next_across_parts(void **state) {
  static const char doc[] = "Energy\nClimate first.\nOne.\nTwo.\n"
                            "Climate again.\nTrade.\nClimate last.\n";
  ct_ruleset *rs;
  ct_engine *e;
  ct_text *t;
  ct_clause *c;
  ct_results *whole, *p1, *p2;
  ct_part part;
  ct_error err;
  double st[3];
  size_t n, i, cut, nl = 2;
  (void)state;
  open_lines(CLIMATE "label \"trade\" {}\n"
    "rule \"c\" { label = \"climate\", words = \"climate\" }\n"
    "rule \"t\" { label = \"trade\", words = \"trade\" }\n"
    "rule \"n\" { label = \"climate\", context = \"next\" }\n"
    "rule \"r\" { label = \"climate\", context = \"recent\", weight = 0.3 }\n"
    "rule \"s\" { label = \"climate\", context = \"section\", weight = 0.2 }\n",
    doc, &rs, &e, &t, &c, &n);
  assert_int_equal(n, 7);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &whole, &err), CT_OK);
  assert_true(ct_results_get(whole, 0)->has[0]);        /* by its next */
  assert_false(ct_results_get(whole, 0)->context_has[0]);
  for (cut = 1; cut < n; cut++) {
    memset(&part, 0, sizeof part);
    part.ahead = 1;
    assert_int_equal(ct_engine_classify_part(e, t, c, cut + 1, NULL, &part,
                                             &p1, &err), CT_OK);
    assert_int_equal(ct_results_count(p1), cut);
    ct_recent_start(rs, st);
    for (i = 0; i < cut; i++)
      ct_recent_add(st, nl, &c[i], ct_results_get(p1, i)->context_has);
    memset(&part, 0, sizeof part);
    part.before = cut;
    part.prev_has = ct_results_get(p1, cut - 1)->context_has;
    part.recent = st;
    if (c[cut].heading > 0 && c[cut].heading <= cut) {
      part.heading = c[cut].heading;
      part.heading_has = ct_results_get(p1, part.heading - 1)->context_has;
    }
    assert_int_equal(ct_engine_classify_part(e, t, c + cut, n - cut, NULL,
                                             &part, &p2, &err), CT_OK);
    for (i = 0; i < n; i++) {
      const ct_result *a = ct_results_get(whole, i),
                      *b = i < cut ? ct_results_get(p1, i)
                                   : ct_results_get(p2, i - cut);
      assert_true(a->scores[0] == b->scores[0]);
      assert_true(a->scores[1] == b->scores[1]);
      assert_int_equal(a->has[0], b->has[0]);
      assert_int_equal(a->context_has[0], b->context_has[0]);
      assert_int_equal(a->nhits, b->nhits);
    }
    ct_results_free(p1);
    ct_results_free(p2);
  }
  memset(&part, 0, sizeof part);
  part.ahead = 2;
  assert_int_equal(ct_engine_classify_part(e, t, c, 1, NULL, &part, &p1,
                                           &err), CT_EUSAGE);
  assert_string_equal(err.msg, "doc.txt: the part looks ahead to 2 clauses "
                      "of its 1");
  ct_results_free(whole);
  close_lines(rs, e, t, c);
}

static void empty_document(void **state) {
  (void)state;
  classify_is(CLIMATE "rule \"c\" { label = \"climate\", words = \"x\" }\n",
              "", "");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(load_metadata),
    cmocka_unit_test(load_errors),
    cmocka_unit_test(load_missing_path),
    cmocka_unit_test(shipped_rules_load),
    cmocka_unit_test(words_and_scores),
    cmocka_unit_test(threshold_and_weights),
    cmocka_unit_test(multi_label_and_unless),
    cmocka_unit_test(negative_weight),
    cmocka_unit_test(regex_rule),
    cmocka_unit_test(regex_twins),
    cmocka_unit_test(korean_phrases),
    cmocka_unit_test(when_context),
    cmocka_unit_test(when_fields),
    cmocka_unit_test(when_weight_and_condition),
    cmocka_unit_test(when_errors),
    cmocka_unit_test(names_allowed),
    cmocka_unit_test(error_message_shape),
    cmocka_unit_test(keep_going),
    cmocka_unit_test(has_keeps_document_hits),
    cmocka_unit_test(recent_share),
    cmocka_unit_test(recent_titles_and_floor),
    cmocka_unit_test(recent_starts_from_priors),
    cmocka_unit_test(recent_across_parts),
    cmocka_unit_test(next_clause),
    cmocka_unit_test(next_across_parts),
    cmocka_unit_test(empty_document),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
