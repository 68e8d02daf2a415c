/*
** rulefiles.h -- which rule files a command loads, and loading them.
**
** The -r paths when there are any; else the colon-separated paths of
** CLAUSETAG_RULES; else the shipped rules directory (its *.lua files).
** A rule set that fails to load stops the command before any input is
** read, with every error the loader found, each on its own line of
** stderr as a compiler prints them ("rules/x.lua:12:5: ...").
*/
#ifndef CT_CLI_RULEFILES_H
#define CT_CLI_RULEFILES_H

#include "cli/options.h"

/* The rule set, or NULL after printing why it could not be loaded.
** With o->debug, ct.log at the top level of rule files prints too. */
ct_ruleset *ct_cli_rules_load(const ct_cli_options *o);

/* How a load went, for `rules --check`: warnings looked for and
** printed, and the counts. */
typedef struct ct_cli_load_report {
  int warnings;          /* in: look for warnings */
  size_t errors;         /* out: errors printed (past the cap: the cap) */
  size_t nwarnings;      /* out: warnings printed */
} ct_cli_load_report;

ct_ruleset *ct_cli_rules_load_report(const ct_cli_options *o,
                                     ct_cli_load_report *rep);

/* Prints a ct.log line on stderr (for ct_load_options and engines). */
void ct_cli_print_log(void *ud, const char *line);

#endif
