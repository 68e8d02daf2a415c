/*
** scores.h -- precision, recall and F1 of labelled clauses, and the
** summary of eval: micro and macro F1 of all, English and Korean
** documents with 95% intervals from resampling documents.
*/
#ifndef CT_CLI_SCORES_H
#define CT_CLI_SCORES_H

#include <jansson.h>
#include <stdio.h>
#include "cli/gold.h"

typedef struct ct_score { size_t tp, fp, fn; } ct_score;

void ct_score_add(ct_score *s, int want, int got);
void ct_score_sum(ct_score *into, const ct_score *s);
double ct_score_ratio(size_t a, size_t b);
double ct_score_precision(ct_score s);
double ct_score_recall(ct_score s);
double ct_score_f1(ct_score s);     /* 1 when there is nothing to find */

/* "0.912", or "-" when undefined (a ratio over nothing); JSON null. */
const char *ct_score_cell(char buf[16], double v, int defined);
json_t *ct_score_json(double v, int defined);

typedef struct ct_summary_row {
  const char *name;         /* "all", "English", "Korean" */
  size_t docs, clauses;
  double micro, macro;
  double micro_lo, micro_hi, macro_lo, macro_hi;   /* 95% intervals */
  int has_ci;
} ct_summary_row;

typedef struct ct_summary {
  ct_summary_row rows[3];
  size_t nrows;             /* rows with documents */
} ct_summary;

/* got: gd->n * gd->nlabels predicted labels.  `resamples` bootstrap
** resamplings of documents (0: no intervals), from a fixed seed so the
** figures repeat.  0, or -1 when out of memory. */
int ct_summary_make(ct_summary *sm, const ct_gold *gd,
                    const unsigned char *got, size_t resamples);
void ct_summary_print(const ct_summary *sm, FILE *out);
json_t *ct_summary_json(const ct_summary_row *r);

#endif
