/*
** test.c -- `clausetag test [RULES]...`: run the examples of rule files.
**
** Every `example { TEXT, labels = {...} }` is classified on its own, as a
** one-clause document, by the whole rule set it belongs to.  It checks
** the labels of the file it is written in -- the labels declared there
** and those its rules score for -- and the labels it names: a user's
** file loaded next to the shipped rules neither breaks their examples
** with its own labels nor is broken by theirs.  (A file that declares
** neither labels nor rules checks them all; --exact checks them all for
** every example.)  Failures show the rules that fired and the words that
** fired them; testreport.c writes them as text or JUnit XML.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/commands.h"
#include "cli/fired.h"
#include "cli/lineclass.h"
#include "cli/memtext.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/rulefiles.h"
#include "cli/testreport.h"

/* test's own options (ct_cli_own_fn): -r is too, so that RULES operands
** and -r paths load in the order given. */
enum { OPT_EXACT = CT_OPT_OWN, OPT_RULES, OPT_OUTPUT };

/* In the order of the help. */
static const ct_cli_option test_options[] = {
  {OPT_RULES, 'r', "rules", 1,
   {"PATH", "a rule file or directory (repeatable)", 0, NULL, NULL}},
  {OPT_EXACT, 0, "exact", 0,
   {NULL, "every example checks every label of the set", 0, NULL, NULL}},
  {CT_OPT_FORMAT, 'f', "format", 1,
   {"F", "text (default) or junit (JUnit XML, a testcase\n"
         "per example, a testsuite per rule file)", 0, NULL, NULL}},
  {OPT_OUTPUT, 'o', "output", 1,
   {"FILE", "write to FILE instead of standard output", 0, NULL, NULL}},
  {CT_OPT_DEBUG, 0, "debug", 0,
   {NULL, "print what rule code passes to ct.log", 0, NULL, NULL}},
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* test's help puts the text from this column. */
#define TEST_HELP_COLUMN 21

/* The values of -f: names only, testreport.c writes the reports. */
static const char *const test_formats[] = {"text", "junit", NULL};

void ct_cli_test_help(FILE *out) {
  fputs("Usage: clausetag test [--exact] [-f text|junit] [-o FILE] [RULES]...\n"
        "\n"
        "Run the example { ... } clauses of rule files: each example is\n"
        "classified on its own by the whole rule set.  It checks the labels\n"
        "of its own file (declared there, or scored by a rule there) and the\n"
        "labels it names, so files written apart can be tested together.\n"
        "RULES (or -r) are rule files or directories of *.lua; without\n"
        "them, CLAUSETAG_RULES or the shipped rules.\n"
        "\n"
        "Prints each failure as FILE:LINE: example expected [...] got [...],\n"
        "with the rules and words that fired, then 'N passed, M failed'.\n"
        "\n", out);
  ct_cli_options_help(out, test_options, TEST_HELP_COLUMN);
  fputs("\n"
        "Exit status: 0 all passed, 1 a failure, 2 the rules did not load\n"
        "or an example could not be run.\n", out);
}

typedef struct test_args {
  int exact, junit;
  const char *output;
  const char **rules;     /* -r and RULES, in order (calloc'd, argc + 1) */
  size_t nrules;
} test_args;

/* "[a,b]": the labels set in `has` among those in `check`. */
static void label_list(FILE *f, const ct_ruleset *rs,
                       const unsigned char *has, const unsigned char *check) {
  size_t k;
  int first = 1;
  putc('[', f);
  for (k = 0; k < ct_ruleset_nlabels(rs); k++)
    if (has[k] && check[k]) {
      fprintf(f, "%s%s", first ? "" : ",", ct_ruleset_label(rs, k)->name);
      first = 0;
    }
  putc(']', f);
}

/* The first 60 characters of s, with an ellipsis when cut. */
static void short_text(FILE *f, const char *s) {
  size_t i = 0, chars = 0;
  char *field;
  while (s[i] && chars < 60) {
    i++;
    while (((unsigned char)s[i] & 0xC0) == 0x80) i++;
    chars++;
  }
  /* an example's text is the rule file's: one field of the line */
  if ((field = ct_line_field(s, i)) != NULL) fputs(field, f);
  ct_string_free(field);
  if (s[i]) fputs("…", f);
}

/* Fills o for a failed example: its summary and its lines. */
static int describe(ct_cli_outcome *o, const ct_ruleset *rs,
                    const ct_cli_lines *l, const ct_result *r,
                    const unsigned char *want, const unsigned char *got,
                    const unsigned char *check) {
  ct_cli_memtext sum = {0}, det = {0};
  FILE *f;
  if ((f = ct_cli_memtext_file(&sum)) != NULL) {
    fputs("expected ", f);
    label_list(f, rs, want, check);
    fputs(" got ", f);
    label_list(f, rs, got, check);
  }
  if ((o->summary = ct_cli_memtext_take(&sum)) == NULL ||
      (f = ct_cli_memtext_file(&det)) == NULL)
    return -1;
  fprintf(f, "%s:%d: example %s: \"", o->ex->file, o->ex->line, o->summary);
  short_text(f, o->ex->text);
  fputs("\"\n", f);
  ct_cli_fired_text(f, rs, l->text, r, want, got, check);
  return (o->detail = ct_cli_memtext_take(&det)) != NULL ? 0 : -1;
}

/* Classifies an example as the only clause of a document in which it
** stands at its own line, so that a rule's error or ct.log names the
** clause as FILE:LINE:1 of the example, not line 1. */
static ct_status example_classify(ct_engine *e, const ct_example_info *ex,
                                  ct_cli_lines *l, size_t *at,
                                  ct_error *err) {
  size_t n = ex->line > 1 ? (size_t)ex->line : 1, k;
  const char **texts = malloc(n * sizeof *texts);
  ct_status st;
  *at = n - 1;
  if (texts == NULL) {
    memset(l, 0, sizeof *l);
    return ct_error_set(err, CT_ENOMEM, "%s: out of memory", ex->file);
  }
  for (k = 0; k + 1 < n; k++) texts[k] = "";
  texts[n - 1] = ex->text;
  st = ct_cli_lines_classify(e, ex->file, texts, n, l, err);
  free(texts);
  return st;
}

/* Runs example i into o; -1 when out of memory. */
static int run_example(ct_engine *e, const ct_ruleset *rs, size_t i,
                       int exact, unsigned char *want, unsigned char *check,
                       const unsigned char *none, ct_cli_outcome *o) {
  const ct_example_info *ex = ct_ruleset_example(rs, i);
  size_t nl = ct_ruleset_nlabels(rs), k, at;
  ct_cli_lines l;
  ct_error err;
  const ct_result *r;
  const unsigned char *got;
  ct_cli_memtext title = {0};
  int rc = 0;
  o->ex = ex;
  if (ct_cli_memtext_printf(&title, "%s:%d: ", ex->file, ex->line) == 0)
    short_text(title.f, ex->text);
  if ((o->title = ct_cli_memtext_take(&title)) == NULL) return -1;
  memset(want, 0, nl);
  for (k = 0; k < ex->nlabels; k++) want[ex->labels[k]] = 1;
  ct_ruleset_example_checks(rs, i, exact, check);
  if (example_classify(e, ex, &l, &at, &err) != CT_OK) {
    fprintf(stderr, "%s:%d: %s\n", ex->file, ex->line, err.msg);
    o->passed = -1;
    o->summary = strdup(err.msg);
    ct_cli_lines_free(&l);
    return o->summary ? 0 : -1;
  }
  r = ct_cli_lines_result(&l, at);
  got = r ? r->has : none;           /* a blank text: no labels at all */
  o->passed = 1;
  for (k = 0; k < nl; k++)
    if (check[k] && got[k] != want[k]) o->passed = 0;
  if (!o->passed) rc = describe(o, rs, &l, r, want, got, check);
  ct_cli_lines_free(&l);
  return rc;
}

/* ct.log lines of the examples (--debug), straight to stderr. */
static void log_line(void *ud, const char *line) {
  (void)ud;
  fprintf(stderr, "%s\n", line);
}

static int write_report(const test_args *ta, const ct_cli_outcome *v,
                        size_t n) {
  ct_cli_outfile out;
  int rc = ct_cli_outfile_open(&out, ta->output), werr;
  if (rc != 0) return rc;
  werr = ta->junit ? ct_cli_test_junit(out.f, v, n)
                   : ct_cli_test_text(out.f, v, n);
  if (werr != 0) return ct_cli_outfile_fail(&out, werr);
  return ct_cli_outfile_commit(&out);
}

int ct_cli_examples_run(const ct_ruleset *rs, int exact, int debug,
                        ct_cli_outcome **out) {
  size_t i, n = ct_ruleset_nexamples(rs), nl = ct_ruleset_nlabels(rs);
  ct_cli_outcome *v = calloc(n + 1, sizeof *v);
  unsigned char *want = calloc(nl + 1, 1), *check = calloc(nl + 1, 1);
  unsigned char *none = calloc(nl + 1, 1);     /* no label at all */
  ct_engine *e = NULL;
  ct_error err;
  int rc = 0;
  err.msg[0] = '\0';
  if (v == NULL || want == NULL || check == NULL || none == NULL ||
      ct_engine_new(rs, &e, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg[0] ? err.msg : "clausetag: out of memory");
    rc = 2;
  }
  if (e && debug) ct_engine_on_log(e, log_line, NULL);
  for (i = 0; rc == 0 && i < n; i++)
    if (run_example(e, rs, i, exact, want, check, none, &v[i]) != 0) {
      fputs("clausetag: out of memory\n", stderr);
      rc = 2;
    }
  ct_engine_free(e);
  free(want);
  free(check);
  free(none);
  if (rc != 0) {
    for (i = 0; v && i < n; i++) ct_cli_outcome_free(&v[i]);
    free(v);
    v = NULL;
  }
  *out = v;
  return rc;
}

static int run_examples(const ct_ruleset *rs, const test_args *ta,
                        int debug) {
  size_t i, n = ct_ruleset_nexamples(rs);
  ct_cli_outcome *v;
  int rc = ct_cli_examples_run(rs, ta->exact, debug, &v), failed = 0;
  int errors = 0;
  for (i = 0; rc == 0 && i < n; i++) {
    failed |= v[i].passed == 0;
    errors |= v[i].passed < 0;
  }
  if (rc == 0) rc = write_report(ta, v, n);
  if (rc == 0) rc = errors ? 2 : failed ? 1 : 0;
  for (i = 0; v && i < n; i++) ct_cli_outcome_free(&v[i]);
  free(v);
  return rc;
}

/* One of test's own options into ta (ct_cli_own_fn); 0, or 2 after a
** usage error. */
static int test_option(void *ud, int key, const ct_cli_args *a) {
  test_args *ta = ud;
  switch (key) {
  case OPT_EXACT: ta->exact = 1; return 0;
  case OPT_OUTPUT: return ct_cli_output_arg("test", a->arg, &ta->output);
  default:   /* -r, and CT_CLI_ARG_OPERAND */
    if (a->arg[0] == '\0')
      return ct_cli_usage_error("test", "empty path for --rules");
    ta->rules[ta->nrules++] = a->arg;
    return 0;
  }
}

int ct_cli_test(int argc, char **argv) {
  ct_cli_command_spec spec = {"test", test_options, test_formats, 0,
                              test_option, NULL, 1};
  ct_cli_options o;
  test_args ta;
  ct_ruleset *rs;
  int status;
  memset(&ta, 0, sizeof ta);
  if ((ta.rules = calloc((size_t)argc + 1, sizeof *ta.rules)) == NULL)
    return 2;
  spec.own_ud = &ta;
  status = ct_cli_options_parse(&o, &spec, argc, argv);
  o.rules = ta.rules, o.nrules = ta.nrules;   /* o owns them now */
  ta.junit = o.format != NULL && strcmp(o.format, "junit") == 0;
  if (status == 0 && o.help) {
    ct_cli_test_help(stdout);
  } else if (status == 0 &&
             (status = ct_cli_output_unread(&o, "test", ta.output, NULL,
                                            0)) == 0) {
    rs = ct_cli_rules_load(&o);
    status = rs ? run_examples(rs, &ta, o.debug) : 2;
    ct_ruleset_free(rs);
  }
  ct_cli_options_free(&o);
  return status;
}
