/*
** test_diag.c -- load errors like a compiler's: the nearest known word
** (core/suggest.c), places in a rule file's source (rules/locate.c), and
** every error and warning of a load through the public callback
** (ct_ruleset_load_with, ct_diagnostic_format).
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
#include "core/suggest.h"
#include "rules/diag.h"
#include "rules/locate.h"

#define TMP "build/test-diag-rules.lua"
#define TMP2 "build/test-diag-rules2.lua"

/* {=====================================================================
** Suggestions
** ====================================================================== */

static void distances(void **state) {
  (void)state;
  assert_int_equal(ct_edit_distance("wieght", "weight"), 1);   /* a swap */
  assert_int_equal(ct_edit_distance("rulle", "rule"), 1);
  assert_int_equal(ct_edit_distance("trdae", "trade"), 1);
  assert_int_equal(ct_edit_distance("heding", "heading"), 1);
  assert_int_equal(ct_edit_distance("kitten", "sitting"), 3);
  assert_int_equal(ct_edit_distance("", "abc"), 3);
  assert_int_equal(ct_edit_distance("Weight", "weight"), 0);   /* no case */
  assert_int_equal(ct_edit_distance("안보", "안부"), 1);       /* characters */
  assert_int_equal(ct_edit_distance("ca", "abc"), 3);          /* OSA, not 2 */
}

static void suggestions(void **state) {
  static const char *const keys[] = {"label", "words", "regex", "unless",
                                     "when", "weight", NULL};
  static const char *const colors[] = {"red", "green", "yellow", "blue",
                                       "magenta", "cyan", NULL};
  static const char *const labels[] = {"trade", "climate", "security"};
  (void)state;
  assert_string_equal(ct_suggest("wieght", keys, (size_t)-1), "weight");
  assert_string_equal(ct_suggest("word", keys, (size_t)-1), "words");
  assert_string_equal(ct_suggest("Label", keys, (size_t)-1), "label");
  assert_null(ct_suggest("purple", colors, (size_t)-1));    /* too far */
  assert_string_equal(ct_suggest("bleu", colors, (size_t)-1), "blue");
  assert_null(ct_suggest("re", colors, (size_t)-1));        /* too short */
  assert_string_equal(ct_suggest("trdae", labels, 3), "trade");
  assert_string_equal(ct_suggest("secuirty", labels, 3), "security");
  assert_null(ct_suggest("health", labels, 3));
  assert_null(ct_suggest("weight", keys, (size_t)-1));      /* itself */
}

/* }===================================================================== */

/* {=====================================================================
** Places in the source
** ====================================================================== */

static ct_srcpos where(const char *src, int line, const char *decl,
                       const char *name, const char *key, const char *sub,
                       size_t elem, int value) {
  ct_locate_query q;
  ct_srcpos p;
  memset(&q, 0, sizeof q);
  q.line = line, q.decl = decl, q.name = name, q.elem = elem;
  q.at_value = value;
  if (key) q.keys[q.nkeys++] = key;
  if (key && sub) q.keys[q.nkeys++] = sub;
  ct_locate(src, strlen(src), &q, &p);
  return p;
}

#define AT(p, l, c)                 \
  do {                              \
    assert_int_equal((p).line, l);  \
    assert_int_equal((p).col, c);   \
  } while (0)

static void locate_keys(void **state) {
  const char *src =
      "rule \"a\" {\n"                                   /* 1 */
      "  label = \"x\", -- weight = 9 in a comment\n"    /* 2 */
      "  when = function(c) local weight = 2\n"          /* 3 */
      "    if c then weight = 3 end return weight end,\n" /* 4 */
      "  description = [[weight = 4\n"                   /* 5 */
      "  ]], words = { \"a\", [[b]], 'c' },\n"           /* 6 */
      "  [\"weight\"] = 5, nested = { weight = 6 },\n"   /* 7 */
      "  regex = \"x\\\"weight = \",\n"                  /* 8 */
      "}\n";
  (void)state;
  /* the rule's own key, not the local in `when`, nor the comment, the
  ** long string, the nested table or the string with an escaped quote */
  AT(where(src, 1, "rule", "a", "weight", NULL, 0, 0), 7, 3);
  AT(where(src, 1, "rule", "a", "weight", NULL, 0, 1), 7, 16);
  AT(where(src, 1, "rule", "a", "words", NULL, 3, 0), 6, 29);
  AT(where(src, 1, "rule", "a", "words", NULL, 2, 0), 6, 22);
  AT(where(src, 1, "rule", "a", "nested", "weight", 0, 0), 7, 30);
  AT(where(src, 1, "rule", "a", NULL, NULL, 0, 1), 1, 6);      /* the name */
  /* a key that is not there: the keyword */
  AT(where(src, 1, "rule", "a", "scope", NULL, 0, 0), 1, 1);
}

static void locate_declarations(void **state) {
  const char *src =
      "label \"a\" {} label \"b\" { colr = 1 }\n"
      "for _, l in ipairs({\"x\"}) do\n"
      "  rule (\"r.\" .. l) { label = l, wieght = 2 }\n"
      "end\n"
      "example { \"text\", labels = { \"a\", \"zz\" } }\n"
      "abbreviations { \"A.\", x = 1, \"B\" }\n";
  (void)state;
  AT(where(src, 1, "label", "b", "colr", NULL, 0, 0), 1, 26);   /* 2nd on line */
  AT(where(src, 3, "rule", "r.x", "wieght", NULL, 0, 0), 3, 33);
  AT(where(src, 5, "example", NULL, "labels", NULL, 2, 0), 5, 35);
  AT(where(src, 6, "abbreviations", NULL, NULL, NULL, 2, 0), 6, 30);
  AT(where(src, 2, "rule", NULL, NULL, NULL, 0, 0), 2, 1);  /* not there */
}

/* A line of a long string value: where a vocabulary rule's terms, a
** line each, have a bad one. */
static void locate_value_lines(void **state) {
  const char *src =
      "weights {\n"                                      /* 1 */
      "  vocabulary = {\n"                               /* 2 */
      "    [\"a.v\"] = [[\n"                             /* 3 */
      "tuna 0.25\n"                                      /* 4 */
      "  cod x\n"                                        /* 5 */
      "]],\n"                                            /* 6 */
      "    [\"b.v\"] = [==[tuna 1\n"                     /* 7 */
      "cod 2]==], [\"c.v\"] = 'cod 2',\n"                /* 8 */
      "  },\n"
      "}\n";
  ct_locate_query q;
  ct_srcpos p;
  (void)state;
  memset(&q, 0, sizeof q);
  q.line = 1, q.decl = "weights", q.at_value = 1;
  q.keys[0] = "vocabulary", q.keys[1] = "a.v", q.nkeys = 2;
  q.value_line = 2;                /* after the break Lua drops, blanks */
  ct_locate(src, strlen(src), &q, &p);
  AT(p, 5, 3);
  q.value_line = 1;
  ct_locate(src, strlen(src), &q, &p);
  AT(p, 4, 1);
  q.value_line = 9;                /* past its end: the value itself */
  ct_locate(src, strlen(src), &q, &p);
  AT(p, 3, 15);
  q.keys[1] = "b.v", q.value_line = 1;    /* no break after the bracket */
  ct_locate(src, strlen(src), &q, &p);
  AT(p, 7, 19);
  q.value_line = 2;
  ct_locate(src, strlen(src), &q, &p);
  AT(p, 8, 1);
  q.keys[1] = "c.v", q.value_line = 1;    /* a short string: itself */
  ct_locate(src, strlen(src), &q, &p);
  AT(p, 8, 22);
}

static void locate_tokens(void **state) {
  const char *src = "label \"x\" {\n  title = 'a' 'b'\n";
  const char *over = "rule 'x' { words = [[a\nbc]] -- c\n\n  title = 1 }";
  ct_srcpos p, after;
  (void)state;
  assert_int_equal(ct_locate_token(src, strlen(src), 2, "'b'", &p, &after),
                   1);
  AT(p, 2, 15);
  AT(after, 2, 14);                           /* right after 'a' */
  assert_int_equal(ct_locate_token(src, strlen(src), 2, "<eof>", &p, NULL),
                   1);
  AT(p, 3, 1);
  assert_int_equal(ct_locate_token(src, strlen(src), 2, "nope", &p, &after),
                   0);
  AT(p, 2, 3);                                /* the line's first token */
  AT(after, 0, 0);
  /* the token before ends a long string's last line, a comment apart */
  assert_int_equal(ct_locate_token(over, strlen(over), 4, "title", &p,
                                   &after), 1);
  AT(p, 4, 3);
  AT(after, 2, 5);
  assert_int_equal(ct_locate_token(over, strlen(over), 1, "rule", &p,
                                   &after), 1);
  AT(after, 0, 0);                            /* nothing before it */
}

/* }===================================================================== */

/* {=====================================================================
** Loading with diagnostics
** ====================================================================== */

typedef struct seen {
  char lines[32][300];
  int n;
} seen;

static void collect(void *ud, const ct_diagnostic *d) {
  seen *s = ud;
  if (s->n < 32) ct_diagnostic_format(d, s->lines[s->n++], 300);
}

static void write_file(const char *path, const char *src) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(src, f);
  fclose(f);
}

static ct_status load_with(const char *src, const char *src2, int warnings,
                           size_t max, seen *s, ct_error *err) {
  const char *paths[] = {TMP, TMP2};
  ct_load_options o;
  ct_ruleset *rs = NULL;
  ct_status st;
  write_file(TMP, src);
  if (src2) write_file(TMP2, src2);
  memset(&o, 0, sizeof o);
  memset(s, 0, sizeof *s);
  o.on_diagnostic = collect, o.ud = s, o.warnings = warnings;
  o.max_errors = max;
  st = ct_ruleset_load_with(paths, src2 ? 2 : 1, &o, &rs, err);
  if (st == CT_OK) assert_non_null(rs);
  else assert_null(rs);
  ct_ruleset_free(rs);
  return st;
}

static void every_error(void **state) {
  seen s;
  ct_error err;
  (void)state;
  /* two files: the first stops at its top-level error, the second still
  ** loads; the order is the files', then the lines' */
  assert_int_equal(load_with(
      "label \"alpha\" { color = \"purple\" }\n"
      "rule \"a.x\" {\n  label = \"alpha\",\n  words = { \"x\" },\n"
      "  wieght = 2, weight = \"1\",\n}\n"
      "rulle \"a.y\" {}\n"
      "rule \"a.z\" { label = \"alpha\", words = \"z\", wieght = 1 }\n",
      "rule \"b.x\" { label = \"alpah\", words = { \"q*r\" } }\n"
      "rule \"b.y\" { label = \"beta\", words = { \"q\" } }\n", 0, 0, &s,
      &err), CT_ESYNTAX);
  /* b.y's label 'beta' is near nothing: after a file stopped early, it
  ** could have been declared there, so it is not reported */
  assert_int_equal(s.n, 6);
  assert_string_equal(s.lines[0], TMP ":1:25: label 'alpha': 'color' must "
                      "be red, green, yellow, blue, magenta or cyan, not "
                      "'purple'");
  assert_string_equal(s.lines[1], TMP ":5:3: rule 'a.x': unknown key "
                      "'wieght' (did you mean 'weight'?)");
  assert_string_equal(s.lines[2], TMP ":5:24: rule 'a.x': 'weight' must be "
                      "a number, not a string");
  assert_string_equal(s.lines[3], TMP ":7:1: unknown declaration 'rulle' "
                      "(did you mean 'rule'?)");
  assert_string_equal(s.lines[4], TMP2 ":1:22: rule 'b.x': label 'alpah' is "
                      "not declared (did you mean 'alpha'?)");
  assert_string_equal(s.lines[5], TMP2 ":1:41: rule 'b.x': phrase \"q*r\": "
                      "'*' is allowed only at the end");
  assert_string_equal(err.msg, s.lines[0]);        /* the first error */
}

/* Lua's "'}' expected" after a whole field: the ',' that is missing,
** placed where it belongs; other brackets keep Lua's words. */
static void missing_commas(void **state) {
  seen s;
  ct_error err;
  (void)state;
  assert_int_equal(load_with(
      "label \"a\" {}\n"
      "rule \"a.x\" {\n  label = \"a\" -- the label\n\n  words = {\"x\"},\n}\n",
      "rule \"b.x\" { label = \"a\", words = {\"x\" [[y]]} }\n", 0, 0,
      &s, &err), CT_ESYNTAX);
  assert_int_equal(s.n, 2);
  assert_string_equal(s.lines[0], TMP ":3:14: missing ',' before 'words' "
                      "(line 5): the fields of a table are separated by ','"
                      " or ';'");
  assert_string_equal(s.lines[1], TMP2 ":1:39: missing ',' before '[[y]]': "
                      "the fields of a table are separated by ',' or ';'");
  assert_int_equal(load_with("rule \"a.x\" {\n  when = function(c)\n"
                             "    return c:has(\"x\" \"y\")\n  end\n}\n",
                             "label \"a\" { title = \"t\"\n end\n", 0, 0,
                             &s, &err), CT_ESYNTAX);
  assert_int_equal(s.n, 2);
  assert_string_equal(s.lines[0], TMP ":3:22: ')' expected near '\"y\"'");
  assert_string_equal(s.lines[1], TMP2 ":2:2: '}' expected (to close '{' "
                      "at line 1) near 'end'");
}

static void error_cap(void **state) {
  seen s;
  ct_error err;
  (void)state;
  assert_int_equal(load_with("label \"a\" { a = 1, b = 2, c = 3, d = 4 }\n",
                             NULL, 0, 2, &s, &err), CT_ESYNTAX);
  assert_int_equal(s.n, 3);
  assert_string_equal(s.lines[2], "clausetag: too many errors; stopped "
                      "after 2");
}

static void warnings_when_asked(void **state) {
  const char *src = "label \"a\" {}\nlabel \"b\" { threshold = 2 }\n"
                    "rule \"b.x\" { label = \"b\", words = { \"x\", \"X\" } }\n";
  seen s;
  ct_error err;
  (void)state;
  assert_int_equal(load_with(src, NULL, 0, 0, &s, &err), CT_OK);
  assert_int_equal(s.n, 0);
  assert_int_equal(load_with(src, NULL, 1, 0, &s, &err), CT_OK);
  assert_int_equal(s.n, 3);
  assert_string_equal(s.lines[0], TMP ":1:7: warning: label 'a' has no "
                      "rules: no clause can get it");
  assert_string_equal(s.lines[1], TMP ":2:13: warning: label 'b': its rules "
                      "add at most 1, below its threshold 2: no clause can "
                      "get it");
  assert_string_equal(s.lines[2], TMP ":3:42: warning: rule 'b.x': word 'x' "
                      "is already item 1 of its words");
}

static void formats(void **state) {
  ct_diagnostic d;
  char buf[64];
  (void)state;
  memset(&d, 0, sizeof d);
  d.message = "boom";
  ct_diagnostic_format(&d, buf, sizeof buf);
  assert_string_equal(buf, "clausetag: boom");
  d.file = "f.lua";
  ct_diagnostic_format(&d, buf, sizeof buf);
  assert_string_equal(buf, "f.lua: boom");
  d.line = 3;
  ct_diagnostic_format(&d, buf, sizeof buf);
  assert_string_equal(buf, "f.lua:3: boom");
  d.col = 7, d.severity = CT_SEVERITY_WARNING;
  ct_diagnostic_format(&d, buf, sizeof buf);
  assert_string_equal(buf, "f.lua:3:7: warning: boom");
  d.message = "\xed\x95\x9c\xed\x95\x9c";           /* cut whole: no half */
  ct_diagnostic_format(&d, buf, 26);
  assert_string_equal(buf, "f.lua:3:7: warning: \xed\x95\x9c");
}

/* ct.log through the public API: a line per call with the rule and the
** clause when a function is set, nothing at all otherwise. */
static void collect_log(void *ud, const char *line) {
  seen *s = ud;
  if (s->n < 32) snprintf(s->lines[s->n++], 300, "%s", line);
}

static void log_lines(void **state) {
  const char *paths[] = {TMP};
  ct_ruleset *rs;
  ct_engine *e;
  ct_text *t;
  ct_clause *c;
  ct_results *res = NULL;
  size_t n;
  ct_error err;
  seen s;
  (void)state;
  write_file(TMP, "label \"a\" {}\n"
                  "rule \"a.w\" { label = \"a\", when = function(c)\n"
                  "  ct.log(c.kind, c.index, \"x\\ty\") return false end }\n");
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_OK);
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  assert_int_equal(ct_text_from_buffer("doc", "Hello there.", 12,
                                       CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, NULL, &c, &n, &err), CT_OK);
  memset(&s, 0, sizeof s);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &res, &err), CT_OK);
  ct_results_free(res);
  ct_engine_on_log(e, collect_log, &s);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &res, &err), CT_OK);
  ct_results_free(res);
  assert_int_equal(s.n, 1);
  assert_string_equal(s.lines[0], TMP ":3: log: sentence 1 x y (rule 'a.w' "
                      "at " TMP ":2, clause doc:1:1)");
  ct_engine_on_log(e, NULL, NULL);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &res, &err), CT_OK);
  ct_results_free(res);
  assert_int_equal(s.n, 1);
  free(c);
  ct_text_free(t);
  ct_engine_free(e);
  ct_ruleset_free(rs);
}

/* }===================================================================== */

/* {=====================================================================
** Places of run-time errors
** ====================================================================== */

static void locate_names_once(void **state) {
  const char *src = "x = 1\n  return a.b + a.c -- b\n  f('b', b)\n";
  ct_srcpos p;
  (void)state;
  assert_int_equal(ct_locate_name_once(src, strlen(src), 2, "c", &p), 1);
  AT(p, 2, 18);
  assert_int_equal(ct_locate_name_once(src, strlen(src), 2, "a", &p), 0);
  assert_int_equal(ct_locate_name_once(src, strlen(src), 2, "b", &p), 1);
  AT(p, 2, 12);                         /* not the one in the comment */
  assert_int_equal(ct_locate_name_once(src, strlen(src), 3, "b", &p), 1);
  AT(p, 3, 10);                         /* not the string 'b' */
  assert_int_equal(ct_locate_name_once(src, strlen(src), 4, "b", &p), 0);
}

/* What ct_diags_runtime_column makes of msg for TMP's source. */
static const char *with_column(const char *msg, size_t n) {
  static char buf[300];
  char *files[] = {(char *)"other.lua", (char *)TMP};
  ct_srcfile src = {0};
  snprintf(buf, sizeof buf, "%s", msg);
  ct_diags_runtime_column(buf, n, files, 2, &src);
  ct_srcfile_free(&src);
  return buf;
}

static void runtime_columns(void **state) {
  (void)state;
  write_file(TMP, "rule 'x' { when = function(c)\n"
                  "  return string.rep(c.text, nil) .. c.nope .. c.text\n"
                  "end }\n");
  assert_string_equal(with_column(TMP ":2: clause has no field 'nope'", 300),
                      TMP ":2:39: clause has no field 'nope'");
  assert_string_equal(with_column(TMP ":2: bad argument #2 to 'rep' (x)", 300),
                      TMP ":2:17: bad argument #2 to 'rep' (x)");
  /* written twice on the line: no column rather than a guess */
  assert_string_equal(with_column(TMP ":2: clause has no field 'text'", 300),
                      TMP ":2: clause has no field 'text'");
  /* no name, another line, a file not of the rule set, no room */
  assert_string_equal(with_column(TMP ":2: boom", 300), TMP ":2: boom");
  assert_string_equal(with_column(TMP ":1: field 'nope'", 300),
                      TMP ":1: field 'nope'");
  assert_string_equal(with_column("x.lua:2: field 'nope'", 300),
                      "x.lua:2: field 'nope'");
  assert_string_equal(with_column(TMP ":2: field 'nope'", sizeof TMP + 16),
                      TMP ":2: field 'nope'");
  remove(TMP);
}

/* }===================================================================== */

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(distances),
    cmocka_unit_test(suggestions),
    cmocka_unit_test(locate_keys),
    cmocka_unit_test(locate_declarations),
    cmocka_unit_test(locate_value_lines),
    cmocka_unit_test(locate_tokens),
    cmocka_unit_test(every_error),
    cmocka_unit_test(missing_commas),
    cmocka_unit_test(error_cap),
    cmocka_unit_test(warnings_when_asked),
    cmocka_unit_test(formats),
    cmocka_unit_test(log_lines),
    cmocka_unit_test(locate_names_once),
    cmocka_unit_test(runtime_columns),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
