/*
** fired.c -- the rules that fired on a clause, as lines (see fired.h).
*/
#include <stdlib.h>
#include "cli/fired.h"

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
}
