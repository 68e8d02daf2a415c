/*
** fired.h -- the rules that fired on a clause, as lines for a person.
**
** `eval` shows them under a misclassified gold clause and `test` under a
** failing example, in the words of classify --explain (the public
** ct_result_explain), for the labels it got wrong only:
**
**     + trade.core -> trade +1.0 "tariffs"
**     = trade +1.0 >= 1.0
**
** or "no rule fired for trade" when none did.
*/
#ifndef CT_CLI_FIRED_H
#define CT_CLI_FIRED_H

#include <stdio.h>
#include "clausetag.h"

/* Writes the lines for result r of a clause of text t to f, for the
** labels of rs that `want` and `got` disagree on (one flag per label,
** from rs's first), among those `check` flags (NULL: all): "    no rule
** fired for a, b" when none fired for them. */
void ct_cli_fired_text(FILE *f, const ct_ruleset *rs, const ct_text *t,
                       const ct_result *r, const unsigned char *want,
                       const unsigned char *got, const unsigned char *check);

#endif
