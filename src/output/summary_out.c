/*
** summary_out.c -- -f summary and -f summary-tsv: a table per document,
** one row per label (declaration order; only the --label ones when
** given), then one for the clauses without a label:
**
**   statement.txt: 5 clauses, 3 with a label
**     LABEL    CLAUSES  SHARE  TOP RULES
**     climate        2  40.0%  climate.core 2, climate.section 1
**     trade          1  20.0%  trade.core 1
**     -              2  40.0%
**
**   file  clauses  label  count  share  top_rules     (summary-tsv)
**   statement.txt  5  climate  2  0.400  climate.core=2;climate.section=1
**
** SHARE is the label's clauses over the document's (a clause can have
** several labels, so shares need not add up to one).  The top rules of
** a label are the (at most three) rules that added weight to it in the
** most of its clauses, a clause counting once per rule; ties go to the
** rule declared first.
*/
#include <stdlib.h>
#include <string.h>
#include "output/report.h"
#include "output/select.h"

#define TOP 3

/* One row: a label (or the unlabelled clauses), its clauses and top rules. */
typedef struct row {
  const char *name;
  size_t count;
  size_t top[TOP], top_n[TOP], ntop;
} row;

/* The clauses of label k, and per rule the clauses where it added to k
** (seen[] remembers the last clause counted for each rule). */
static void label_row(const ct_writer *w, const ct_record *r, size_t k,
                      size_t *per_rule, size_t *seen, row *out) {
  size_t i, j, m, nrules = ct_ruleset_nrules(w->rs);
  memset(per_rule, 0, nrules * sizeof *per_rule);
  for (j = 0; j < nrules; j++) seen[j] = (size_t)-1;
  out->name = ct_report_label(w, k), out->count = 0, out->ntop = 0;
  for (i = 0; i < r->nclauses && r->doc->results; i++) {
    const ct_result *res = &r->doc->results[i];
    if (!res->has[k]) continue;
    out->count++;
    for (j = 0; j < res->nhits; j++) {
      const ct_hit *h = &res->hits[j];
      if (h->label != k || !(h->weight > 0) || seen[h->rule] == i) continue;
      seen[h->rule] = i;
      per_rule[h->rule]++;
    }
  }
  for (m = 0; m < TOP; m++) {   /* the most frequent, first declared */
    size_t best = nrules;
    for (j = 0; j < nrules; j++)
      if (per_rule[j] > 0 && (best == nrules || per_rule[j] > per_rule[best]))
        best = j;
    if (best == nrules) break;
    out->top[m] = best, out->top_n[m] = per_rule[best];
    per_rule[best] = 0;
    out->ntop++;
  }
}

static size_t unlabelled(const ct_writer *w, const ct_record *r) {
  size_t i, n = 0;
  for (i = 0; i < r->nclauses; i++)
    if (!ct_report_labelled(w, &r->doc->results[i])) n++;
  return n;
}

static int is_tsv(const ct_writer *w) {
  return ((const ct_select *)(const void *)w->fmt)->style == CT_STYLE_TSV;
}

ct_status ct_select_summary_begin(ct_writer *w) {
  if (!is_tsv(w)) return CT_OK;
  return ct_buf_adds(&w->buf, "file\tclauses\tlabel\tcount\tshare\ttop_rules\n");
}

/* share as 0.400 (tsv) or 40.0% (text); 0 for a document without clauses. */
static ct_status add_share(ct_buf *b, size_t count, size_t total, int tsv) {
  double v = total ? (double)count / (double)total : 0.0;
  return tsv ? ct_buf_printf(b, "%.3f", v) : ct_buf_printf(b, "%5.1f%%", 100 * v);
}

static ct_status tsv_row(ct_writer *w, const ct_record *r, const row *x) {
  ct_buf *b = &w->buf;
  size_t m;
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK || ct_buf_addu(b, r->nclauses) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK || ct_buf_adds(b, x->name) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK || ct_buf_addu(b, x->count) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK ||
      add_share(b, x->count, r->nclauses, 1) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK)
    return CT_ENOMEM;
  for (m = 0; m < x->ntop; m++)
    if ((m && ct_buf_addc(b, ';') != CT_OK) ||
        ct_buf_adds(b, ct_report_rule(w, x->top[m])) != CT_OK ||
        ct_buf_addc(b, '=') != CT_OK || ct_buf_addu(b, x->top_n[m]) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_addc(b, '\n');
}

static ct_status text_row(ct_writer *w, const ct_record *r, const row *x,
                          int width) {
  ct_buf *b = &w->buf;
  size_t m;
  if (ct_buf_printf(b, "  %-*s %8zu  ", width, x->name, x->count) != CT_OK ||
      add_share(b, x->count, r->nclauses, 0) != CT_OK)
    return CT_ENOMEM;
  for (m = 0; m < x->ntop; m++)
    if (ct_buf_adds(b, m ? ", " : "  ") != CT_OK ||
        ct_buf_adds(b, ct_report_rule(w, x->top[m])) != CT_OK ||
        ct_buf_printf(b, " %zu", x->top_n[m]) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_addc(b, '\n');
}

/* "NAME: N clauses, M with a label" and the column heads, with a blank
** line between documents. */
static ct_status text_head(ct_writer *w, const ct_record *r, size_t labelled,
                           int width) {
  ct_buf *b = &w->buf;
  /* w->state marks that a document came before: it gets a blank line */
  if (w->state != NULL && ct_buf_addc(b, '\n') != CT_OK) return CT_ENOMEM;
  if (w->state == NULL) w->state = malloc(1);
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_printf(b, ": %zu clause%s, %zu with a label\n", r->nclauses,
                    r->nclauses == 1 ? "" : "s", labelled) != CT_OK ||
      ct_buf_printf(b, "  %-*s  CLAUSES   SHARE  TOP RULES\n", width,
                    "LABEL") != CT_OK)
    return CT_ENOMEM;
  return CT_OK;
}

static ct_status rows(ct_writer *w, const ct_record *r, row *x, size_t nx) {
  size_t k, labelled = r->nclauses - x[nx - 1].count;
  int width = 5;
  ct_status s = CT_OK;
  if (is_tsv(w)) {
    for (k = 0; s == CT_OK && k < nx; k++) s = tsv_row(w, r, &x[k]);
    return s;
  }
  for (k = 0; k < nx; k++)
    if ((int)strlen(x[k].name) > width) width = (int)strlen(x[k].name);
  s = text_head(w, r, labelled, width);
  for (k = 0; s == CT_OK && k < nx; k++) s = text_row(w, r, &x[k], width);
  return s;
}

ct_status ct_select_summary_doc(ct_writer *w, const ct_record *r) {
  const unsigned char *want = ct_select_want(w);
  size_t k, nx = 0, n = ct_ruleset_nlabels(w->rs);
  size_t nrules = ct_ruleset_nrules(w->rs);
  size_t *per_rule = malloc((nrules + 1) * sizeof *per_rule);
  size_t *seen = malloc((nrules + 1) * sizeof *seen);
  row *x = malloc((n + 1) * sizeof *x);
  ct_status s = CT_ENOMEM;
  if (per_rule && seen && x) {
    for (k = 0; k < n; k++)
      if (want == NULL || want[k])
        label_row(w, r, k, per_rule, seen, &x[nx++]);
    x[nx].name = "-", x[nx].ntop = 0;
    x[nx++].count = r->doc->results ? unlabelled(w, r) : r->nclauses;
    s = rows(w, r, x, nx);
  }
  free(per_rule);
  free(seen);
  free(x);
  return s;
}

const ct_select ct_summary_text = {
  {"summary", ct_select_summary_begin, ct_select_nothing, NULL, NULL,
   ct_select_summary_doc, CT_HITS_ALL},
  CT_SELECT_SUMMARY, CT_STYLE_TEXT, NULL, NULL
};

const ct_select ct_summary_tsv = {
  {"summary-tsv", ct_select_summary_begin, ct_select_nothing, NULL, NULL,
   ct_select_summary_doc, CT_HITS_ALL},
  CT_SELECT_SUMMARY, CT_STYLE_TSV, NULL, NULL
};
