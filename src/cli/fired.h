/*
** fired.h -- the rules that fired on a clause, as lines for a person.
**
** `eval` shows them under a misclassified gold clause and `test` under a
** failing example, in the words of classify --explain (the public
** ct_result_explain):
**
**     + trade.core -> trade +1.0 "tariffs"
**     = trade +1.0 >= 1.0
**
** or "no rule fired" when none did.
*/
#ifndef CT_CLI_FIRED_H
#define CT_CLI_FIRED_H

#include <stdio.h>
#include "clausetag.h"

/* Writes the lines for result r of a clause of text t to f ("    no
** rule fired" when none did, or r is NULL). */
void ct_cli_fired_text(FILE *f, const ct_ruleset *rs, const ct_text *t,
                       const ct_result *r);

#endif
