/*
** lint.c -- `clausetag lint [RULES]...` (also `clausetag rules --check`):
** check rule files without any input, for pre-commit hooks and CI.
**
** Loads the rule set as every command does, with warnings asked for:
** each error and warning is a line on stderr, FILE:LINE:COL first, in
** the order of the files; stdout gets one line that counts them.  The
** exit status says what a hook needs: 0 the rules load (warnings are
** printed but pass, unless --strict), 1 warnings under --strict, 2
** errors.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/rulefiles.h"

/* In the order of the help. */
static const ct_cli_option lint_options[] = {
  {CT_OPT_RULES, 'r', "rules", 1,
   {"PATH", "a rule file or directory (repeatable)", 0, NULL, NULL}},
  {CT_OPT_STRICT, 0, "strict", 0,
   {NULL, "warnings fail the check too (exit status 1)", 0, NULL, NULL}},
  {CT_OPT_DEBUG, 0, "debug", 0,
   {NULL, "print ct.log lines of the files' top level", 0, NULL, NULL}},
  CT_CLI_RULE_LIMIT_OPTIONS_TOGETHER(
      "--rule-budget N, --rule-memory MIB, --rule-time MS",
      "the limits of a rule file's load, as for classify"),
  CT_CLI_CONFIG_OPTIONS_TEXT(
      "read settings from FILE (default: .clausetag.conf\n"
      "here or in the nearest directory above)"),
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* lint's help puts the text from this column. */
#define LINT_HELP_COLUMN 21

/* lint's one format, the parser's default. */
static const char *const lint_formats[] = {"text", NULL};

static const ct_cli_command_spec lint_spec = {
  "lint", lint_options, lint_formats, 0, NULL, NULL, 0
};

void ct_cli_lint_help(FILE *out) {
  fputs(
"Usage: clausetag lint [--strict] [-r PATH]... [RULES]...\n"
"       clausetag rules --check [--strict] [-r PATH]... [RULES]...\n"
"\n"
"Check rule files without reading any document: every error of every\n"
"file (up to 20) and every warning, each on its own line of stderr,\n"
"FILE:LINE:COL: MESSAGE or FILE:LINE:COL: warning: MESSAGE, sorted by\n"
"file and place.  RULES and -r name rule files or directories of\n"
"*.lua; without them, CLAUSETAG_RULES or the shipped rules.  The last\n"
"line, on stdout, counts what was found.\n"
"\n"
"Warnings: a label no rule scores for; a label whose rules cannot add\n"
"up to its threshold; a word or unless phrase written as a pattern\n"
"(with '|', '\\', '?' or '^', which it matches as itself); a word twice\n"
"in one rule's words; a rule whose words all copy another's of the same\n"
"label and scope; a regex that can match the empty string, or that has\n"
"a piece matching only a tab, a line end or a Unicode space, as \\r or\n"
"[\\r\\n] (a clause reads to a regex as one line); an 'unless' that\n"
"cancels every word of its own rule.\n"
"\n", out);
  ct_cli_options_help(out, lint_options, LINT_HELP_COLUMN);
  fputs(
"\n"
"Exit status: 0 the rules load (with warnings, unless --strict); 1\n"
"warnings under --strict; 2 errors, or a usage error.\n", out);
}

/* "1 error", "2 errors" */
static const char *plural(size_t n, const char *one, const char *many) {
  return n == 1 ? one : many;
}

static int report(const ct_ruleset *rs, const ct_cli_load_report *rep,
                  int strict) {
  if (rs != NULL)
    printf("%zu %s, %zu %s, %zu %s, %zu %s: ", ct_ruleset_nfiles(rs),
           plural(ct_ruleset_nfiles(rs), "file", "files"),
           ct_ruleset_nlabels(rs),
           plural(ct_ruleset_nlabels(rs), "label", "labels"),
           ct_ruleset_nrules(rs), plural(ct_ruleset_nrules(rs), "rule", "rules"),
           ct_ruleset_nexamples(rs),
           plural(ct_ruleset_nexamples(rs), "example", "examples"));
  printf("%zu %s, %zu %s\n", rep->errors,
         plural(rep->errors, "error", "errors"), rep->nwarnings,
         plural(rep->nwarnings, "warning", "warnings"));
  if (rs == NULL) return 2;
  return strict && rep->nwarnings > 0 ? 1 : 0;
}

int ct_cli_lint(int argc, char **argv) {
  ct_cli_options o;
  ct_cli_load_report rep;
  ct_ruleset *rs = NULL;
  int status = ct_cli_options_parse(&o, &lint_spec, argc, argv);
  memset(&rep, 0, sizeof rep);
  if (status == 0 && o.help) {
    ct_cli_lint_help(stdout);
  } else if (status == 0) {
    /* the operands are rule files too, after any -r */
    status = ct_cli_operands_as_rules(&o);
    if (status == 0) {
      rep.warnings = 1;
      rs = ct_cli_rules_load_report(&o, &rep);
      fflush(stderr);
      status = report(rs, &rep, o.strict);
    }
  }
  ct_ruleset_free(rs);
  ct_cli_options_free(&o);
  return status;
}
