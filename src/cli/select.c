/*
** select.c -- checking -c, -l, -q and --label, and their exit status.
*/
#include <stdlib.h>
#include <string.h>
#include "cli/select.h"
#include "cli/memtext.h"

/* "a, b and c": the labels for a message. */
static void list_labels(ct_cli_memtext *m, const ct_ruleset *rs) {
  size_t i, n = ct_ruleset_nlabels(rs);
  for (i = 0; i < n; i++)
    ct_cli_memtext_printf(m, "%s%s", ct_cli_series_sep(i, n),
                          ct_ruleset_label(rs, i)->name);
  if (n == 0) ct_cli_memtext_printf(m, "none");
}

/* want[k] for every --label; 0, or 2 after naming an unknown one. */
static int resolve(ct_cli_select *s, const ct_cli_options *o,
                   const ct_ruleset *rs) {
  size_t i, k, n = ct_ruleset_nlabels(rs);
  s->nlabels = n;
  if (o->nlabels == 0) return 0;
  if ((s->want = calloc(n ? n : 1, 1)) == NULL) {
    fputs("clausetag: out of memory\n", stderr);
    return 2;
  }
  for (i = 0; i < o->nlabels; i++) {
    for (k = 0; k < n; k++)
      if (strcmp(ct_ruleset_label(rs, k)->name, o->labels[i]) == 0) break;
    if (k == n) {
      ct_cli_memtext known = {0};
      int rc;
      list_labels(&known, rs);
      rc = ct_cli_usage_error("classify", "unknown label '%s' for --label "
                              "(known labels: %s)", o->labels[i],
                              known.s ? known.s : "none");
      ct_cli_memtext_free(&known);
      return rc;
    }
    s->want[k] = 1;
  }
  return 0;
}

static int is(const char *f, const char *name) {
  return strcmp(f, name) == 0;
}

/* The writer's selection for -c, -l or -q; 0, or 2 after a usage error
** for a combination that means nothing. */
static int choose(ct_cli_select *s, const ct_cli_options *o) {
  const char *f = o->format;
  const char *opt = o->count ? "-c" : o->names ? "-l" : "-q";
  int summary = is(f, "summary") || is(f, "summary-tsv");
  int report = is(f, "sarif") || is(f, "junit") || is(f, "html");
  if (o->count + o->names + o->quiet > 1)
    return ct_cli_usage_error("classify", "-c, -l and -q cannot be combined "
                              "(choose one)");
  if (o->nlabels > 0 && report)
    return ct_cli_usage_error("classify", "--label does not apply to -f %s, "
                              "a report of every clause", f);
  if ((o->names || o->quiet) && !is(f, "text"))
    return ct_cli_usage_error("classify", "%s writes %s, not -f %s", opt,
                              o->names ? "document names" : "nothing",
                              f);
  if (o->explain && (o->count || o->names || o->quiet || summary))
    return ct_cli_usage_error("classify", "--explain adds the rule hits of "
                              "each clause; %s%s writes no clauses",
                              summary ? "-f " : "", summary ? f : opt);
  if (o->count && (summary || report))
    return ct_cli_usage_error("classify", "-c writes text, tsv or jsonl, "
                              "not -f %s", f);
  s->flags = o->count ? CT_WRITE_COUNT : o->names ? CT_WRITE_NAMES
             : o->quiet ? CT_WRITE_QUIET : 0;
  return 0;
}

int ct_cli_select_setup(ct_cli_select *s, const ct_cli_options *o,
                        const ct_ruleset *rs) {
  memset(s, 0, sizeof *s);
  atomic_init(&s->matched, 0);
  s->active = o->count || o->names || o->quiet || o->nlabels > 0;
  if (resolve(s, o, rs) != 0) return 2;
  return choose(s, o);
}

/* Does a clause with labels `has` have a selected one? */
static int selected(const ct_cli_select *s, const unsigned char *has) {
  size_t k;
  for (k = 0; k < s->nlabels; k++)
    if (has[k] && (s->want == NULL || s->want[k])) return 1;
  return 0;
}

void ct_cli_select_note(ct_cli_select *s, const ct_cli_doc *d) {
  const ct_result *r = ct_results_array(d->results);
  size_t i;
  if (!s->active || r == NULL || atomic_load(&s->matched)) return;
  for (i = 0; i < d->n; i++)
    if (selected(s, r[i].has)) {
      atomic_store(&s->matched, 1);
      return;
    }
}

int ct_cli_select_status(const ct_cli_select *s, int rc) {
  if (rc == 0 && s->active && !atomic_load(&s->matched)) return 1;
  return rc;
}

void ct_cli_select_free(ct_cli_select *s) {
  free(s->want);
  s->want = NULL;
}
