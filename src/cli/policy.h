/*
** policy.h -- CI policies of classify: --require, --forbid,
** --fail-on-unlabeled.
**
** A policy is checked on every classified document; each violation is
** kept in the document (for report formats) and is one stderr line:
**   FILE: policy --require health: no clause labelled health
**   FILE:LINE:COL: policy --forbid security: clause labelled security
**   FILE:LINE:COL: policy --fail-on-unlabeled: clause has no label
** A broken policy makes the exit status 1 (an error's 2 wins).
*/
#ifndef CT_CLI_POLICY_H
#define CT_CLI_POLICY_H

#include "cli/doc.h"

/* Finds each policy's label in the rule set.  0, or 2 after a usage
** error naming the labels there are. */
int ct_cli_policies_resolve(ct_policy *p, size_t n, const ct_ruleset *rs);

/* Checks a classified document: fills d->violations and adds a message
** for each.  CT_OK or CT_ENOMEM. */
ct_status ct_cli_policies_check(const ct_policy *p, size_t n,
                                const ct_ruleset *rs, ct_cli_doc *d,
                                ct_error *err);

#endif
