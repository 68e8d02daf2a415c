/*
** results_check.c -- checking classification results (results_check.h).
*/
#include <math.h>
#include <stdlib.h>
#include "fuzz.h"
#include "results_check.h"

#define MAX_LABELS 256

static void check_hits(const ct_ruleset *rs, const ct_clause *c,
                       const ct_result *r, double *sum, int finite) {
  size_t nrules = ct_ruleset_nrules(rs), j;
  for (j = 0; j < r->nhits; j++) {
    const ct_hit *h = &r->hits[j];
    FUZZ_CHECK(h->rule < nrules, "clause %zu: hit %zu names rule %zu of %zu",
               c->index, j, h->rule, nrules);
    FUZZ_CHECK(h->label == ct_ruleset_rule(rs, h->rule)->label,
               "clause %zu: hit %zu of rule %s has label %zu", c->index, j,
               ct_ruleset_rule(rs, h->rule)->id, h->label);
    FUZZ_CHECK(c->start <= h->start && h->start <= h->end &&
                   h->end <= c->end,
               "clause %zu (bytes %zu..%zu): hit of rule %s at %zu..%zu is "
               "outside it", c->index, c->start, c->end,
               ct_ruleset_rule(rs, h->rule)->id, h->start, h->end);
    FUZZ_CHECK(j == 0 || r->hits[j - 1].rule <= h->rule,
               "clause %zu: hits out of rule order", c->index);
    if (finite)
      FUZZ_CHECK(isfinite(h->weight) && isfinite(h->strength),
                 "clause %zu: hit of rule %s: weight %g, strength %g",
                 c->index, ct_ruleset_rule(rs, h->rule)->id, h->weight,
                 h->strength);
    sum[h->label] += h->weight;
  }
}

void fz_check_results(const ct_ruleset *rs, const ct_clause *c, size_t n,
                      const ct_result *r, int finite) {
  size_t nl = ct_ruleset_nlabels(rs), i, k;
  double sum[MAX_LABELS];
  FUZZ_CHECK(nl <= MAX_LABELS, "%zu labels: raise MAX_LABELS", nl);
  for (i = 0; i < n; i++) {
    for (k = 0; k < nl; k++) sum[k] = 0;
    check_hits(rs, &c[i], &r[i], sum, finite);
    for (k = 0; k < nl; k++) {
      double s = r[i].scores[k], th = ct_ruleset_label(rs, k)->threshold;
      const char *name = ct_ruleset_label(rs, k)->name;
      if (finite)
        FUZZ_CHECK(isfinite(s), "clause %zu: score %g for %s", c[i].index,
                   s, name);
      if (!isfinite(s) || !isfinite(sum[k])) continue;
      FUZZ_CHECK(fabs(s - sum[k]) <= 1e-9 * (1 + fabs(s)),
                 "clause %zu: score %.17g for %s, its hits add up to %.17g",
                 c[i].index, s, name, sum[k]);
      FUZZ_CHECK(r[i].has[k] == (s >= th - 1e-6) || fabs(s - th) < 1e-6,
                 "clause %zu: score %.17g for %s, threshold %g, has %d",
                 c[i].index, s, name, th, r[i].has[k]);
    }
  }
}
