/*
** crossval.c -- gold documents classified as they are or cross-validated.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/crossval.h"

/* Document d's gold rows, one per clause (rule-set labels only). */
static void gold_rows(ct_corpus *c, size_t d, unsigned char *rows) {
  const ct_gold *gd = c->gd;
  const ct_gold_doc *doc = &gd->docs[d];
  size_t nl = ct_ruleset_nlabels(c->rs), i;
  for (i = doc->first; i < doc->end; i++) {
    size_t k = c->lines[d].clause_of[i - doc->first];
    if (k) memcpy(rows + (k - 1) * nl, gd->g[i].want, nl);
  }
}

int ct_corpus_open(ct_corpus *c, const ct_gold *gd, ct_ruleset *rs) {
  size_t d, rows = 0, nl = ct_ruleset_nlabels(rs);
  memset(c, 0, sizeof *c);
  c->gd = gd;
  c->rs = rs;
  c->lines = calloc(gd->ndocs + 1, sizeof *c->lines);
  c->docs = calloc(gd->ndocs + 1, sizeof *c->docs);
  c->fold = calloc(gd->ndocs + 1, sizeof *c->fold);
  c->gold = calloc(gd->n * nl + 1, 1);
  if (!c->lines || !c->docs || !c->fold || !c->gold) {
    fprintf(stderr, "clausetag: out of memory\n");
    return 2;
  }
  for (d = 0; d < gd->ndocs; d++) {
    ct_error err;
    if (ct_gold_lines(gd, d, &c->lines[d], &err) != CT_OK) {
      fprintf(stderr, "%s\n", err.msg);
      return 2;
    }
    c->docs[d].text = c->lines[d].text;
    c->docs[d].clauses = c->lines[d].clauses;
    c->docs[d].n = c->lines[d].nclauses;
    c->docs[d].gold = c->gold + rows * nl;
    gold_rows(c, d, c->gold + rows * nl);
    rows += c->lines[d].nclauses;
  }
  return 0;
}

int ct_corpus_add_examples(ct_corpus *c, double weight) {
  size_t i, k, n = ct_ruleset_nexamples(c->rs), nl = ct_ruleset_nlabels(c->rs);
  unsigned char *check = calloc(nl + 1, 1);
  c->xlines = calloc(n + 1, sizeof *c->xlines);
  c->xdocs = calloc(n + 1, sizeof *c->xdocs);
  c->xgold = calloc(n * nl + 1, 1);
  c->xweight = calloc(n * nl + 1, sizeof *c->xweight);
  if (!check || !c->xlines || !c->xdocs || !c->xgold || !c->xweight) {
    free(check);
    fprintf(stderr, "clausetag: out of memory\n");
    return 2;
  }
  for (i = 0; i < n; i++, c->nx++) {    /* xlines[0..nx) are freed with c */
    const ct_example_info *ex = ct_ruleset_example(c->rs, i);
    unsigned char *gold = c->xgold + i * nl;
    double *w = c->xweight + i * nl;
    ct_error err;
    if (ct_cli_lines_build(ex->file, &ex->text, 1, &c->xlines[i], &err) !=
        CT_OK) {
      ct_cli_lines_free(&c->xlines[i]);
      free(check);
      fprintf(stderr, "%s:%d: %s\n", ex->file, ex->line, err.msg);
      return 2;
    }
    if (c->xlines[i].nclauses != 1) continue;   /* blank: no document */
    ct_ruleset_example_checks(c->rs, i, 0, check);
    for (k = 0; k < ex->nlabels; k++) gold[ex->labels[k]] = 1;
    for (k = 0; k < nl; k++) w[k] = check[k] * weight;
    c->xdocs[i].text = c->xlines[i].text;
    c->xdocs[i].clauses = c->xlines[i].clauses;
    c->xdocs[i].n = 1;
    c->xdocs[i].gold = gold, c->xdocs[i].weight = w;
  }
  free(check);
  return 0;
}

void ct_corpus_free(ct_corpus *c) {
  size_t d;
  for (d = 0; c->lines && d < c->gd->ndocs; d++) ct_cli_lines_free(&c->lines[d]);
  for (d = 0; d < c->nx; d++) ct_cli_lines_free(&c->xlines[d]);
  free(c->xlines);
  free(c->xdocs);
  free(c->xgold);
  free(c->xweight);
  free(c->lines);
  free(c->docs);
  free(c->gold);
  free(c->fold);
  memset(c, 0, sizeof *c);
}

/* FNV-1a: the deal depends on document names only. */
static unsigned long hash(const char *s) {
  unsigned long h = 2166136261UL;
  for (; *s; s++) h = ((h ^ (unsigned char)*s) * 16777619UL) & 0xFFFFFFFFUL;
  return h;
}

typedef struct keyed { unsigned long h; size_t d; } keyed;

static int cmp_keyed(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return (x->d > y->d) - (x->d < y->d);
}

int ct_corpus_deal(ct_corpus *c, size_t k) {
  size_t d, n = c->gd->ndocs;
  keyed *v = calloc(n + 1, sizeof *v);
  if (v == NULL) return 2;
  for (d = 0; d < n; d++) {
    const char *name = c->gd->g[c->gd->docs[d].first].doc;
    v[d].h = hash(name ? name : c->gd->g[c->gd->docs[d].first].text);
    v[d].d = d;
  }
  qsort(v, n, sizeof *v, cmp_keyed);
  for (d = 0; d < n; d++) c->fold[v[d].d] = d % k;
  free(v);
  return 0;
}

/* Classifies document d into got. */
static int classify_doc(ct_corpus *c, ct_engine *e, size_t d,
                        unsigned char *got) {
  const ct_gold_doc *doc = &c->gd->docs[d];
  size_t nl = ct_ruleset_nlabels(c->rs), i;
  ct_results *r = NULL;
  ct_error err;
  if (ct_engine_classify(e, c->docs[d].text, c->docs[d].clauses,
                         c->docs[d].n, NULL, &r, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  for (i = doc->first; i < doc->end; i++) {
    size_t k = c->lines[d].clause_of[i - doc->first];
    if (k)
      memcpy(got + i * c->gd->nlabels, ct_results_get(r, k - 1)->has, nl);
  }
  ct_results_free(r);
  return 0;
}

/* Classifies the documents of fold f (every document: f == SIZE_MAX). */
static int classify_fold(ct_corpus *c, size_t f, unsigned char *got) {
  ct_engine *e;
  ct_error err;
  size_t d;
  int st = 0;
  if (ct_engine_new(c->rs, &e, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  for (d = 0; st == 0 && d < c->gd->ndocs; d++)
    if (f == (size_t)-1 || c->fold[d] == f) st = classify_doc(c, e, d, got);
  ct_engine_free(e);
  return st;
}

int ct_corpus_train(ct_corpus *c, size_t f, const ct_train_options *o) {
  size_t d, n = 0;
  ct_labelled *v = calloc(c->gd->ndocs + c->nx + 1, sizeof *v);
  ct_error err;
  int st = 0;
  if (v == NULL) {
    fprintf(stderr, "clausetag: out of memory\n");
    return 2;
  }
  for (d = 0; d < c->gd->ndocs; d++)
    if (c->fold[d] != f) v[n++] = c->docs[d];
  for (d = 0; d < c->nx; d++)
    if (c->xdocs[d].n > 0) v[n++] = c->xdocs[d];
  if (ct_train(c->rs, v, n, o, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    st = 2;
  }
  free(v);
  return st;
}

/* The weights, thresholds and priors in effect, to put back. */
typedef struct saved { double *w, *t, *p; } saved;

static int save(const ct_ruleset *rs, saved *s) {
  size_t i;
  s->w = calloc(ct_ruleset_nrules(rs) + 1, sizeof *s->w);
  s->t = calloc(ct_ruleset_nlabels(rs) + 1, sizeof *s->t);
  s->p = calloc(ct_ruleset_nlabels(rs) + 1, sizeof *s->p);
  if (!s->w || !s->t || !s->p) return 2;
  for (i = 0; i < ct_ruleset_nrules(rs); i++) s->w[i] = ct_ruleset_rule(rs, i)->weight;
  for (i = 0; i < ct_ruleset_nlabels(rs); i++) {
    s->t[i] = ct_ruleset_label(rs, i)->threshold;
    s->p[i] = ct_ruleset_label(rs, i)->prior;
  }
  return 0;
}

int ct_corpus_predict(ct_corpus *c, size_t folds, const ct_train_options *o,
                      unsigned char *got) {
  saved s = {NULL, NULL, NULL};
  size_t f;
  int st;
  if (folds == 0) return classify_fold(c, (size_t)-1, got);
  st = save(c->rs, &s);
  for (f = 0; st == 0 && f < folds; f++) {
    st = ct_corpus_train(c, f, o);
    if (st == 0) st = classify_fold(c, f, got);
  }
  if (s.w && s.t && s.p) {
    ct_ruleset_set_weights(c->rs, s.w, s.t, NULL);
    ct_ruleset_set_priors(c->rs, s.p, NULL);
  }
  free(s.w);
  free(s.t);
  free(s.p);
  return st;
}
