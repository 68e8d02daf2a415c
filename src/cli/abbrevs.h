/*
** abbrevs.h -- the abbreviation files a run adds to the segmenter's
** list: the shipped rules directory's abbreviations.txt (users extend it
** for every run), then each --abbrev FILE in order.  segment adds them to
** a plain list, classify to its rule set's list; the order and the error
** handling are the same, so they are here once.
*/
#ifndef CT_CLI_ABBREVS_H
#define CT_CLI_ABBREVS_H

#include "cli/options.h"

/* Adds one abbreviation file to the caller's list. */
typedef ct_status (*ct_cli_abbrev_fn)(void *list, const char *path,
                                      ct_error *err);

/* Calls add for each file; 0, or 2 after printing the first failure. */
int ct_cli_abbrev_files(const ct_cli_options *o, ct_cli_abbrev_fn add,
                        void *list);

/* The compiled-in list plus those files, or NULL after printing why. */
ct_abbrevs *ct_cli_abbrevs_make(const ct_cli_options *o);

/* Adds those files to a rule set's list (which already holds the
** compiled-in list and the rule files' abbreviations{}); 0 or 2. */
int ct_cli_abbrevs_into_rules(const ct_cli_options *o, ct_ruleset *rs);

#endif
