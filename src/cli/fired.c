/*
** fired.c -- the rules that fired on a clause, and the scores they made,
** as lines (see fired.h).
*/
#include <stdlib.h>
#include "cli/fired.h"

/* "    no rule fired for a, b": the labels flagged in wrong (all for
** NULL). */
static void none_fired(FILE *f, const ct_ruleset *rs,
                       const unsigned char *wrong) {
  size_t k, n = 0;
  fputs("    no rule fired", f);
  for (k = 0; wrong && k < ct_ruleset_nlabels(rs); k++)
    if (wrong[k])
      fprintf(f, "%s%s", n++ ? ", " : " for ", ct_ruleset_label(rs, k)->name);
  putc('\n', f);
}

/* Without spans: the clause is a gold line or an example, whose bytes
** the text the rules saw does not share.  Out of memory for the labels'
** flags, every label is shown. */
void ct_cli_fired_text(FILE *f, const ct_ruleset *rs, const ct_text *t,
                       const ct_result *r, const unsigned char *want,
                       const unsigned char *got, const unsigned char *check) {
  size_t k, nl = ct_ruleset_nlabels(rs);
  unsigned char *wrong = calloc(nl + 1, 1);
  char *lines;
  for (k = 0; wrong != NULL && k < nl; k++)
    wrong[k] = (check == NULL || check[k]) && want[k] != got[k];
  lines = r ? ct_result_explain(rs, t, r, wrong, 0) : NULL;
  if (r != NULL && lines == NULL)
    fputs("    (out of memory: the rules that fired are not shown)\n", f);
  else if (lines == NULL || lines[0] == '\0')
    none_fired(f, rs, wrong);
  else
    fputs(lines, f);
  ct_string_free(lines);
  free(wrong);
}
