/*
** report.c -- helpers the classify formats share (report.h).
*/
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "output/explain.h"
#include "output/report.h"

const ct_result *ct_report_result(const ct_record *r) {
  return &r->doc->results[r->i];
}

const char *ct_report_label(const ct_writer *w, size_t label) {
  return ct_ruleset_label(w->rs, label)->name;
}

const char *ct_report_rule(const ct_writer *w, size_t rule) {
  return ct_ruleset_rule(w->rs, rule)->id;
}

int ct_report_labelled(const ct_writer *w, const ct_result *res) {
  size_t k, n = ct_ruleset_nlabels(w->rs);
  for (k = 0; k < n; k++)
    if (res->has[k]) return 1;
  return 0;
}

/* ---- colours ---------------------------------------------------------- */

const char *const ct_color_names[CT_NCOLORS] = {"red", "green", "yellow",
                                                "blue", "magenta", "cyan"};

static const unsigned char palette[CT_NCOLORS] = {1, 2, 3, 4, 5, 0};

size_t ct_report_color(const ct_ruleset *rs, size_t label) {
  const char *want = ct_ruleset_label(rs, label)->color;
  size_t k;
  for (k = 0; want != NULL && k < CT_NCOLORS; k++)
    if (strcmp(want, ct_color_names[k]) == 0) return k;
  return palette[label % CT_NCOLORS];
}

/* ANSI codes of ct_color_names, in the same order. */
static const char *const color_codes[CT_NCOLORS] = {
  "\033[31m", "\033[32m", "\033[33m", "\033[34m", "\033[35m", "\033[36m"
};

ct_status ct_report_add_label(ct_buf *b, const ct_ruleset *rs, size_t label,
                              int color) {
  const char *name = ct_ruleset_label(rs, label)->name;
  if (!color) return ct_buf_adds(b, name);
  return ct_buf_printf(b, "%s%s\033[0m", color_codes[ct_report_color(rs, label)],
                       name);
}

/* ---- the rule that counts most ---------------------------------------- */

/* Hits come in rule order, so one rule's hits are adjacent: each run is
** summed, and only a strictly larger sum replaces the best so far. */
int ct_report_top_rule(const ct_result *res, size_t *rule) {
  size_t k, from;
  int found = 0;
  double best = 0;
  for (k = 0; k < res->nhits; k = from) {
    double sum = 0;
    int counts = 0;
    for (from = k; from < res->nhits && res->hits[from].rule ==
                                            res->hits[k].rule; from++)
      if (res->has[res->hits[from].label])
        sum += res->hits[from].weight, counts = 1;
    if (counts && (!found || sum > best))
      found = 1, best = sum, *rule = res->hits[k].rule;
  }
  return found;
}

/* ---- one-line summary ------------------------------------------------- */

/* Cuts s to at most max code points, in place; returns whether it cut. */
static int cut_code_points(char *s, size_t max) {
  size_t i, seen = 0;
  for (i = 0; s[i] != '\0'; i++) {
    if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
    if (seen++ == max) {
      while (i > 0 && s[i - 1] == ' ') i--;
      s[i] = '\0';
      return 1;
    }
  }
  return 0;
}

static ct_status summary_labels(ct_buf *b, const ct_writer *w,
                                const ct_result *res) {
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  for (k = 0; k < n; k++)
    if (res->has[k] && ((written++ && ct_buf_addc(b, ',') != CT_OK) ||
                        ct_buf_adds(b, ct_report_label(w, k)) != CT_OK))
      return CT_ENOMEM;
  return written ? ct_buf_adds(b, ": ") : CT_OK;
}

char *ct_report_summary(const ct_writer *w, const ct_record *r, size_t max) {
  ct_buf b = {0};
  char *text = ct_record_text(r, 1);
  int cut = text != NULL && cut_code_points(text, max);
  ct_status st = text == NULL ? CT_ENOMEM
                              : summary_labels(&b, w, ct_report_result(r));
  if (st == CT_OK) st = ct_buf_adds(&b, text);
  if (st == CT_OK && cut) st = ct_buf_adds(&b, "\xE2\x80\xA6");   /* ... */
  free(text);
  if (st == CT_OK) return ct_buf_take(&b);
  ct_buf_free(&b);
  return NULL;
}

/* ---- policies --------------------------------------------------------- */

static const char *const policy_names[] = {"require", "forbid",
                                           "fail-on-unlabeled"};

ct_status ct_report_policy(ct_buf *b, const ct_policy *p) {
  if (p->label == NULL) return ct_buf_printf(b, "--%s", policy_names[p->kind]);
  return ct_buf_printf(b, "--%s %s", policy_names[p->kind], p->label);
}

ct_status ct_report_policy_id(ct_buf *b, const ct_policy *p) {
  if (p->label == NULL)
    return ct_buf_printf(b, "policy/%s", policy_names[p->kind]);
  return ct_buf_printf(b, "policy/%s/%s", policy_names[p->kind], p->label);
}

static int same_policy(const ct_policy *a, const ct_policy *b) {
  if (a->kind != b->kind) return 0;
  if (a->label == NULL || b->label == NULL) return a->label == b->label;
  return strcmp(a->label, b->label) == 0;
}

size_t ct_report_policy_first(const ct_writer *w, size_t k) {
  size_t j;
  for (j = 0; j < k; j++)
    if (same_policy(&w->policies[j], &w->policies[k])) return j;
  return k;
}

ct_status ct_report_explain(ct_writer *w, ct_buf *b, const ct_record *r,
                            int color) {
  w->explain.rs = w->rs;
  w->explain.color = color;
  w->explain.spans = 1;
  w->explain.only = NULL;
  w->explain.nums = ct_writer_nums(w);
  return ct_explain_add(&w->explain, b, r->text, ct_report_result(r));
}
