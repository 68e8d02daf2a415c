/*
** results_check.h -- the promises of ct_engine_classify's results, as
** the fuzz targets check them (fuzz_classify, fuzz_rules).
*/
#ifndef CT_FUZZ_RESULTS_CHECK_H
#define CT_FUZZ_RESULTS_CHECK_H

#include "clausetag.h"

/* Aborts (FUZZ_FAIL) unless, for every clause i of c[0..n) and its
** result r[i]: every hit names a rule of rs and that rule's label, lies
** inside the clause (start <= end, both within the clause's span), and
** the hits are in rule order; each label's score is the sum of its hits'
** weights and `has` says whether it reaches the label's threshold.  With
** `finite`, scores, weights and strengths must also be finite numbers
** (rule files that can return any number may overflow them). */
void fz_check_results(const ct_ruleset *rs, const ct_clause *c, size_t n,
                      const ct_result *r, int finite);

#endif
