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

enum { OPT_STRICT = 500 };

static const ct_cli_option lint_options[] = {
  {CT_OPT_RULES, 'r', "rules", 1},
  {OPT_STRICT, 0, "strict", 0},
  {CT_OPT_DEBUG, 0, "debug", 0},
  {CT_OPT_HELP, 'h', "help", 0},
  {0, 0, NULL, 0}
};

void ct_cli_lint_help(FILE *out) {
  fputs(
"Usage: clausetag lint [--strict] [-r PATH]... [RULES]...\n"
"       clausetag rules --check [--strict] [-r PATH]... [RULES]...\n"
"\n"
"Check rule files without reading any document: every error of every\n"
"file (up to 20), then the warnings, each on its own line of stderr as\n"
"FILE:LINE:COL: MESSAGE (FILE:LINE:COL: warning: MESSAGE).  RULES and\n"
"-r name rule files or directories of *.lua; without them,\n"
"CLAUSETAG_RULES or the shipped rules.  The last line on stdout counts\n"
"what was found.\n"
"\n"
"Warnings: a label no rule scores for; a label whose rules cannot add\n"
"up to its threshold; a word twice among the words of one label's\n"
"rules; a regex that can match the empty string; an 'unless' that\n"
"cancels every word of its own rule.\n"
"\n"
"  -r, --rules PATH   a rule file or directory (repeatable)\n"
"      --strict       warnings fail the check too (exit status 1)\n"
"      --debug        print ct.log lines of the files' top level\n"
"  -h, --help         show this help\n"
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
  ct_cli_args a;
  ct_cli_load_report rep;
  ct_ruleset *rs;
  int key, strict = 0, status;
  memset(&o, 0, sizeof o);
  memset(&rep, 0, sizeof rep);
  ct_limits_default(&o.limits);
  o.rules = calloc((size_t)argc + 1, sizeof *o.rules);
  if (o.rules == NULL) return 2;
  ct_cli_args_init(&a, argc, argv);
  while ((key = ct_cli_args_next(&a, lint_options)) != CT_CLI_ARG_END) {
    if (key == CT_CLI_ARG_OPERAND || key == CT_OPT_RULES) {
      if (a.arg[0] == '\0') {
        free(o.rules);
        return ct_cli_usage_error("lint", "empty path for --rules");
      }
      o.rules[o.nrules++] = a.arg;
    } else if (key == CT_OPT_HELP) {
      o.help = 1;
    } else if (key == OPT_STRICT) {
      strict = 1;
    } else if (key == CT_OPT_DEBUG) {
      o.debug = 1;
    } else {
      free(o.rules);
      return ct_cli_usage_error("lint", "%s", a.msg);
    }
  }
  if (o.help) {
    free(o.rules);
    ct_cli_lint_help(stdout);
    return 0;
  }
  rep.warnings = 1;
  rs = ct_cli_rules_load_report(&o, &rep);
  fflush(stderr);
  status = report(rs, &rep, strict);
  ct_ruleset_free(rs);
  free(o.rules);
  return status;
}
