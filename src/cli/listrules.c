/*
** listrules.c -- `clausetag rules`: what a rule set declares.
**
** Loads the rule set exactly as classify would (-r, CLAUSETAG_RULES, the
** shipped rules), so it doubles as a check that rule files load: a load
** error prints the loader's messages and exits 2.  `rules --check` is
** `clausetag lint` (lint.c) and `rules --stats` is `clausetag profile`
** (profile.c): the option picks the command, the rest of the arguments
** are its own.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/commands.h"
#include "cli/outfile.h"
#include "cli/rulefiles.h"

/* In the order of the help. */
static const ct_cli_option rules_options[] = {
  {CT_OPT_RULES, 'r', "rules", 1,
   {"PATH", "a rule file or a directory of *.lua (repeatable;\n"
            "RULES operands are the same, after any -r);\n"
            "default: $CLAUSETAG_RULES (colon-separated), else\n"
            "the shipped rules", 0, NULL, NULL}},
  {CT_OPT_FORMAT, 'f', "format", 1,
   {"FORMAT", "text (default): two aligned tables\n"
              "jsonl: one JSON object per label and per rule", 0, NULL,
    NULL}},
  {CT_OPT_OUTPUT, 'o', "output", 1,
   {"FILE", "write to FILE instead of standard output, atomically", 0,
    NULL, NULL}},
  CT_CLI_RULE_LIMIT_OPTIONS_TOGETHER(
      "--rule-budget N, --rule-memory MIB, --rule-time MS",
      "the limits the rule files load under, as for\n"
      "classify (--rule-memory also caps the automaton\n"
      "of all the rules' words; default %lu)"),
  CT_CLI_CONFIG_OPTIONS,
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* The values of -f: ct_ruleset_write_listing's formats. */
static const char *const list_formats[] = {"text", "jsonl", NULL};

static const ct_cli_command_spec rules_spec = {
  "rules", rules_options, list_formats, 0, NULL, NULL, 0
};

void ct_cli_rules_help(FILE *out) {
  fputs(
"Usage: clausetag rules [OPTIONS] [RULES]...\n"
"       clausetag rules --check [--strict] [RULES]...   (clausetag lint)\n"
"       clausetag rules --stats [OPTIONS] PATH...      (clausetag profile)\n"
"\n"
"Load the rule files and list their labels (name, threshold, title) and\n"
"rules (id, label, weight, matchers, FILE:LINE; in jsonl also their\n"
"words).  A rule file that does not load is reported with every error,\n"
"FILE:LINE:COL: MESSAGE.  With --check, check the rule files and print\n"
"their errors and warnings instead (see 'clausetag help lint'); with\n"
"--stats, profile each rule over documents (see 'clausetag help profile').\n"
"\n"
"Options:\n", out);
  ct_cli_options_help(out, rules_options, CT_CLI_HELP_COLUMN);
  fputs(
"\n"
"Exit status: 0 the rules loaded; 2 a usage error, a rule file that does\n"
"not load, or an output that could not be written.\n", out);
}

static int write_listing(const ct_cli_options *o, const ct_ruleset *rs) {
  ct_cli_outfile out;
  ct_error err;
  ct_status st;
  int rc = ct_cli_outfile_open(&out, o->output);
  if (rc != 0) return rc;
  st = ct_ruleset_write_listing(rs, o->format, out.f, &err);
  if (st == CT_EIO) return ct_cli_outfile_fail(&out, errno ? errno : EIO);
  if (st != CT_OK) {
    ct_cli_outfile_fail(&out, 0);
    fputs("clausetag: out of memory\n", stderr);
    return 2;
  }
  return ct_cli_outfile_commit(&out);
}

/* Runs `run` on argv without its argument `which` (before any "--"),
** when it is there; -1 when it is not. */
static int run_without(int argc, char **argv, const char *which,
                       int (*run)(int, char **)) {
  int i, k, rc;
  char **v;
  for (i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (strcmp(argv[i], which) == 0) break;
  if (i == argc || strcmp(argv[i], "--") == 0) return -1;
  if ((v = malloc(((size_t)argc + 1) * sizeof *v)) == NULL) return 2;
  for (k = 0; k < argc; k++) v[k] = argv[k + (k >= i)];
  v[argc - 1] = NULL;
  rc = run(argc - 1, v);
  free(v);
  return rc;
}

int ct_cli_rules(int argc, char **argv) {
  ct_cli_options o;
  ct_ruleset *rs = NULL;
  int rc;
  if ((rc = run_without(argc, argv, "--check", ct_cli_lint)) >= 0) return rc;
  if ((rc = run_without(argc, argv, "--stats", ct_cli_profile)) >= 0)
    return rc;
  rc = ct_cli_options_parse(&o, &rules_spec, argc, argv);
  if (rc == 0 && !o.help) rc = ct_cli_operands_as_rules(&o);   /* files too */
  if (rc == 0 && !o.help) rc = ct_cli_output_unread(&o, "rules", o.output,
                                                    NULL, 0);
  if (rc == 0 && o.help)
    ct_cli_rules_help(stdout);
  else if (rc == 0 && (rs = ct_cli_rules_load(&o)) == NULL)
    rc = 2;
  else if (rc == 0)
    rc = write_listing(&o, rs);
  ct_ruleset_free(rs);
  ct_cli_options_free(&o);
  return rc;
}
