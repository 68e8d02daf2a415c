/*
** fired.c -- the rules that fired on a clause, and the scores they made,
** as lines (see fired.h).
*/
#include "cli/fired.h"

/* Without spans: the clause is a gold line or an example, whose bytes
** the text the rules saw does not share. */
void ct_cli_fired_text(FILE *f, const ct_ruleset *rs, const ct_text *t,
                       const ct_result *r) {
  char *lines;
  if (r == NULL || r->nhits == 0) {
    fputs("    no rule fired\n", f);
    return;
  }
  lines = ct_result_explain(rs, t, r, 0);
  fputs(lines ? lines : "    (out of memory: the rules that fired are not "
                        "shown)\n", f);
  ct_string_free(lines);
}
