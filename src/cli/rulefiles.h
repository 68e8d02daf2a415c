/*
** rulefiles.h -- which rule files a command loads, and loading them.
**
** The -r paths when there are any; else the colon-separated paths of
** CLAUSETAG_RULES; else the shipped rules directory (its *.lua files).
** A rule set that fails to load stops the command before any input is
** read, with the loader's message ("rules/x.lua:12: ...").
*/
#ifndef CT_CLI_RULEFILES_H
#define CT_CLI_RULEFILES_H

#include "cli/options.h"

/* The rule set, or NULL after printing why it could not be loaded. */
ct_ruleset *ct_cli_rules_load(const ct_cli_options *o);

#endif
