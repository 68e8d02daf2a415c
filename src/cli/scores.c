/*
** scores.c -- scores of labelled clauses and the bootstrap summary.
**
** The bootstrap resamples documents, not clauses: clauses of one
** document are not independent (one section, one style, one annotator),
** so an interval over clauses would be too narrow.
*/
#include <stdlib.h>
#include <string.h>
#include "cli/scores.h"

void ct_score_add(ct_score *s, int want, int got) {
  s->tp += want && got;
  s->fp += !want && got;
  s->fn += want && !got;
}

void ct_score_sum(ct_score *into, const ct_score *s) {
  into->tp += s->tp;
  into->fp += s->fp;
  into->fn += s->fn;
}

double ct_score_ratio(size_t a, size_t b) {
  return b ? (double)a / (double)b : 0;
}

double ct_score_precision(ct_score s) { return ct_score_ratio(s.tp, s.tp + s.fp); }
double ct_score_recall(ct_score s) { return ct_score_ratio(s.tp, s.tp + s.fn); }

double ct_score_f1(ct_score s) {
  return s.tp + s.fp + s.fn
             ? 2.0 * (double)s.tp / (double)(2 * s.tp + s.fp + s.fn)
             : 1.0;
}

const char *ct_score_cell(char buf[16], double v, int defined) {
  if (!defined) return "-";
  snprintf(buf, 16, "%.3f", v);
  return buf;
}

json_t *ct_score_json(double v, int defined) {
  return defined ? json_real(v) : json_null();
}

/* {=====================================================================
** Summary
** ====================================================================== */

/* Per document and label, its counts: ndocs * nlabels. */
static ct_score *doc_scores(const ct_gold *gd, const unsigned char *got) {
  ct_score *s = calloc(gd->ndocs * gd->nlabels + 1, sizeof *s);
  size_t d, i, k;
  if (s == NULL) return NULL;
  for (d = 0; d < gd->ndocs; d++)
    for (i = gd->docs[d].first; i < gd->docs[d].end; i++)
      for (k = 0; k < gd->nlabels; k++)
        ct_score_add(&s[d * gd->nlabels + k], gd->g[i].want[k],
                     got[i * gd->nlabels + k]);
  return s;
}

/* Micro and macro F1 over documents pick[0..n) (repeats allowed). */
static void f1s(const ct_gold *gd, const ct_score *ds, const size_t *pick,
                size_t n, ct_score *lab, double *micro, double *macro) {
  ct_score all = {0, 0, 0};
  size_t j, k, defined = 0;
  memset(lab, 0, gd->nlabels * sizeof *lab);
  for (j = 0; j < n; j++)
    for (k = 0; k < gd->nlabels; k++)
      ct_score_sum(&lab[k], &ds[pick[j] * gd->nlabels + k]);
  *macro = 0;
  for (k = 0; k < gd->nlabels; k++) {
    ct_score_sum(&all, &lab[k]);
    if (lab[k].tp + lab[k].fp + lab[k].fn) *macro += ct_score_f1(lab[k]), defined++;
  }
  if (defined) *macro /= (double)defined;
  *micro = ct_score_f1(all);
}

/* xorshift64*: a fixed seed, so intervals repeat from run to run. */
static unsigned long long next_rand(unsigned long long *x) {
  *x ^= *x >> 12;
  *x ^= *x << 25;
  *x ^= *x >> 27;
  return *x * 2685821657736338717ULL;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The 2.5 and 97.5 percentiles of v[0..n), sorted in place. */
static void interval(double *v, size_t n, double *lo, double *hi) {
  qsort(v, n, sizeof *v, cmp_double);
  *lo = v[(size_t)(0.025 * (double)(n - 1) + 0.5)];
  *hi = v[(size_t)(0.975 * (double)(n - 1) + 0.5)];
}

static int make_row(ct_summary_row *r, const ct_gold *gd, const ct_score *ds,
                    const size_t *docs, size_t n, size_t resamples) {
  ct_score *lab = calloc(gd->nlabels + 1, sizeof *lab);
  size_t *pick = calloc(n + 1, sizeof *pick), b, j;
  double *mi = calloc(resamples + 1, sizeof *mi);
  double *ma = calloc(resamples + 1, sizeof *ma);
  unsigned long long seed = 0x9E3779B97F4A7C15ULL;
  int st = lab && pick && mi && ma ? 0 : -1;
  r->docs = n;
  r->clauses = 0;
  for (j = 0; j < n; j++) r->clauses += gd->docs[docs[j]].end - gd->docs[docs[j]].first;
  if (st == 0) f1s(gd, ds, docs, n, lab, &r->micro, &r->macro);
  for (b = 0; st == 0 && b < resamples; b++) {
    for (j = 0; j < n; j++) pick[j] = docs[next_rand(&seed) % n];
    f1s(gd, ds, pick, n, lab, &mi[b], &ma[b]);
  }
  r->has_ci = st == 0 && resamples > 0;
  if (r->has_ci) {
    interval(mi, resamples, &r->micro_lo, &r->micro_hi);
    interval(ma, resamples, &r->macro_lo, &r->macro_hi);
  }
  free(lab); free(pick); free(mi); free(ma);
  return st;
}

int ct_summary_make(ct_summary *sm, const ct_gold *gd,
                    const unsigned char *got, size_t resamples) {
  static const char *const names[] = {"all", "English", "Korean"};
  ct_score *ds = doc_scores(gd, got);
  size_t *docs = calloc(gd->ndocs + 1, sizeof *docs), d, n;
  int set, st = ds && docs ? 0 : -1;
  memset(sm, 0, sizeof *sm);
  for (set = 0; st == 0 && set < 3; set++) {
    for (n = d = 0; d < gd->ndocs; d++)
      if (set == 0 || gd->docs[d].korean == (set == 2)) docs[n++] = d;
    if (n == 0 || (set > 0 && n == gd->ndocs)) continue;
    sm->rows[sm->nrows].name = names[set];
    st = make_row(&sm->rows[sm->nrows++], gd, ds, docs, n, resamples);
  }
  free(ds);
  free(docs);
  return st;
}

void ct_summary_print(const ct_summary *sm, FILE *out) {
  size_t i;
  fprintf(out, "%-8s %5s %8s %9s %-16s %9s %s\n", "set", "docs", "clauses",
          "micro-F1", "  95% interval", "macro-F1", "  95% interval");
  for (i = 0; i < sm->nrows; i++) {
    const ct_summary_row *r = &sm->rows[i];
    char a[40] = "", b[40] = "";
    if (r->has_ci) {
      snprintf(a, sizeof a, "  [%.3f, %.3f]", r->micro_lo, r->micro_hi);
      snprintf(b, sizeof b, "  [%.3f, %.3f]", r->macro_lo, r->macro_hi);
    }
    fprintf(out, "%-8s %5zu %8zu %9.3f %-16s %9.3f %s\n", r->name, r->docs,
            r->clauses, r->micro, a, r->macro, b);
  }
}

json_t *ct_summary_json(const ct_summary_row *r) {
  json_t *o = json_pack("{s:s,s:I,s:I,s:f,s:f}", "set", r->name, "documents",
                        (json_int_t)r->docs, "clauses", (json_int_t)r->clauses,
                        "micro_f1", r->micro, "macro_f1", r->macro);
  if (r->has_ci) {
    json_object_set_new(o, "micro_f1_95", json_pack("[f,f]", r->micro_lo, r->micro_hi));
    json_object_set_new(o, "macro_f1_95", json_pack("[f,f]", r->macro_lo, r->macro_hi));
  }
  return o;
}
