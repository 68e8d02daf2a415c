/*
** test.c -- `clausetag test [RULES]...`: run the examples of rule files.
**
** Every `example { TEXT, labels = {...} }` is classified on its own, as a
** one-clause document, by the whole rule set it belongs to, and must get
** exactly its labels.  Failures are printed grep-style at the example's
** file:line with the rules that fired; the last line counts them.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/commands.h"
#include "cli/lineclass.h"
#include "cli/options.h"
#include "cli/rulefiles.h"
#include "core/buf.h"

static const ct_cli_option test_options[] = {
  {CT_OPT_HELP, 'h', "help", 0},
  {0, 0, NULL, 0}
};

void ct_cli_test_help(FILE *out) {
  fputs("Usage: clausetag test [RULES]...\n"
        "\n"
        "Run the example { ... } clauses of rule files: each example is\n"
        "classified on its own by the whole rule set and must get exactly\n"
        "its labels.  RULES are rule files or directories of *.lua; without\n"
        "them, CLAUSETAG_RULES or the shipped rules.\n"
        "\n"
        "Prints each failure as FILE:LINE: example expected [...] got [...],\n"
        "then 'N passed, M failed'.  Exit status: 0 all passed, 1 a failure,\n"
        "2 the rules did not load.\n"
        "\n"
        "  -h, --help   show this help\n", out);
}

/* "[a,b]": the labels set in `has`. */
static void label_list(ct_buf *b, const ct_ruleset *rs,
                       const unsigned char *has) {
  size_t k;
  int first = 1;
  ct_buf_addc(b, '[');
  for (k = 0; k < ct_ruleset_nlabels(rs); k++)
    if (has[k]) {
      ct_buf_printf(b, "%s%s", first ? "" : ",", ct_ruleset_label(rs, k)->name);
      first = 0;
    }
  ct_buf_addc(b, ']');
}

/* The first 60 characters of s, with an ellipsis when cut. */
static void short_text(ct_buf *b, const char *s) {
  size_t i = 0, chars = 0;
  while (s[i] && chars < 60) {
    i++;
    while (((unsigned char)s[i] & 0xC0) == 0x80) i++;
    chars++;
  }
  ct_buf_add(b, s, i);
  if (s[i]) ct_buf_adds(b, "…");
}

static void print_failure(const ct_ruleset *rs, const ct_example_info *ex,
                          const unsigned char *want, const ct_result *r,
                          const unsigned char *got) {
  ct_buf b = {0};
  size_t h;
  ct_buf_printf(&b, "%s:%d: example expected ", ex->file, ex->line);
  label_list(&b, rs, want);
  ct_buf_adds(&b, " got ");
  label_list(&b, rs, got);
  ct_buf_adds(&b, ": \"");
  short_text(&b, ex->text);
  ct_buf_adds(&b, "\"\n");
  if (r && r->nhits) {
    ct_buf_adds(&b, "    fired:");
    for (h = 0; h < r->nhits; h++)
      ct_buf_printf(&b, " %s(%+g)", ct_ruleset_rule(rs, r->hits[h].rule)->id,
                    r->hits[h].weight);
    ct_buf_addc(&b, '\n');
  }
  fputs(b.s, stdout);
  ct_buf_free(&b);
}

/* 1 passed, 0 failed, -1 error (printed). */
static int run_example(ct_engine *e, const ct_ruleset *rs, size_t i,
                       unsigned char *want) {
  const ct_example_info *ex = ct_ruleset_example(rs, i);
  const unsigned char none[1] = {0};
  size_t nl = ct_ruleset_nlabels(rs), k;
  ct_cli_lines l;
  ct_error err;
  const ct_result *r;
  int ok;
  memset(want, 0, nl);
  for (k = 0; k < ex->nlabels; k++) want[ex->labels[k]] = 1;
  if (ct_cli_lines_classify(e, ex->file, &ex->text, 1, &l, &err) != CT_OK) {
    fprintf(stderr, "%s:%d: %s\n", ex->file, ex->line, err.msg);
    ct_cli_lines_free(&l);
    return -1;
  }
  r = ct_cli_lines_result(&l, 0);
  ok = r ? memcmp(r->has, want, nl) == 0 : memchr(want, 1, nl) == NULL;
  if (!ok) print_failure(rs, ex, want, r, r ? r->has : none);
  ct_cli_lines_free(&l);
  return ok;
}

static int run_examples(ct_ruleset *rs) {
  ct_engine *e;
  ct_error err;
  size_t i, passed = 0, failed = 0;
  unsigned char *want = calloc(ct_ruleset_nlabels(rs) + 1, 1);
  int errors = 0;
  if (want == NULL || ct_engine_new(rs, &e, &err) != CT_OK) {
    fprintf(stderr, "%s\n", want ? err.msg : "clausetag: out of memory");
    free(want);
    return 2;
  }
  for (i = 0; i < ct_ruleset_nexamples(rs); i++) {
    int r = run_example(e, rs, i, want);
    if (r > 0) passed++;
    else failed++;
    errors |= r < 0;
  }
  printf("%zu passed, %zu failed\n", passed, failed);
  ct_engine_free(e);
  free(want);
  return errors ? 2 : failed ? 1 : 0;
}

int ct_cli_test(int argc, char **argv) {
  ct_cli_options o;
  ct_cli_args a;
  ct_ruleset *rs;
  int key, status;
  memset(&o, 0, sizeof o);
  ct_limits_default(&o.limits);
  o.rules = calloc((size_t)argc + 1, sizeof *o.rules);
  if (o.rules == NULL) return 2;
  ct_cli_args_init(&a, argc, argv);
  while ((key = ct_cli_args_next(&a, test_options)) != CT_CLI_ARG_END) {
    if (key == CT_CLI_ARG_OPERAND) o.rules[o.nrules++] = a.arg;
    else if (key == CT_OPT_HELP) o.help = 1;
    else {
      free(o.rules);
      return ct_cli_usage_error("test", "%s", a.msg);
    }
  }
  if (o.help) {
    free(o.rules);
    ct_cli_test_help(stdout);
    return 0;
  }
  rs = ct_cli_rules_load(&o);
  status = rs ? run_examples(rs) : 2;
  ct_ruleset_free(rs);
  free(o.rules);
  return status;
}
