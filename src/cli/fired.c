/*
** fired.c -- the rules that fired on a clause, and the scores they made,
** as lines (see fired.h).
*/
#include <stdlib.h>
#include "cli/fired.h"

/* "    = trade +0.6 < 0.8, ...": each scored label against its threshold,
** as classify --explain ends a clause. */
static void scores_text(FILE *f, const ct_ruleset *rs, const ct_result *r) {
  size_t k, written = 0;
  for (k = 0; k < ct_ruleset_nlabels(rs); k++) {
    const ct_label_info *li = ct_ruleset_label(rs, k);
    if (r->scores[k] == 0) continue;
    fprintf(f, "%s%s %+g %s %g", written++ ? ", " : "    = ", li->name,
            r->scores[k], r->has[k] ? ">=" : "<", li->threshold);
  }
  if (written) putc('\n', f);
}

void ct_cli_fired_text(FILE *f, const ct_ruleset *rs, const ct_text *t,
                       const ct_result *r) {
  size_t h;
  if (r == NULL || r->nhits == 0) fputs("    no rule fired\n", f);
  for (h = 0; r && h < r->nhits; h++) {
    const ct_hit *x = &r->hits[h];
    const ct_rule_info *ri = ct_ruleset_rule(rs, x->rule);
    fprintf(f, "    + %s -> %s %+g", ri->id,
                  ct_ruleset_label(rs, x->label)->name, x->weight);
    if (ri->words || ri->regex) {
      char *m = ct_text_span(t, x->start, x->end, 1);
      if (m) fprintf(f, " \"%s\"", m);
      free(m);
    }
    putc('\n', f);
  }
  if (r != NULL) scores_text(f, rs, r);
}
