/*
** vocabulary.c -- fitting the vocabulary rules' terms (vocabulary.h).
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "learn/vocabulary.h"
#include "text/text.h"

#define MIN_CLAUSES 3   /* a term in fewer training clauses is not learned */
#define EPOCHS 8
#define RATE 0.1        /* AdaGrad's step */
#define KEEP 0.1        /* a smaller weight (logit) is left out: it
                        ** hardly moves a decision, and every term kept
                        ** is a lookup that finds something */

/* The training clauses as lists of distinct term rows. */
typedef struct corpus {
  ct_vocab *dict;       /* every term seen */
  size_t *count;        /* per row: training clauses that hold it */
  size_t *stamp;        /* per row: 1 + the last clause that counted it */
  size_t rcap;
  size_t *off;          /* n + 1: clause i's rows are ids[off[i]..off[i+1]) */
  size_t *ids, nids, icap;
  size_t n;             /* the clause being read */
  int nomem;
} corpus;

static int grow_rows(corpus *c, size_t rows) {
  size_t cap = c->rcap ? c->rcap * 2 : 1024;
  size_t *a, *b;
  if (rows <= c->rcap) return 0;
  if ((a = realloc(c->count, cap * sizeof *a)) == NULL) return -1;
  c->count = a;
  if ((b = realloc(c->stamp, cap * sizeof *b)) == NULL) return -1;
  c->stamp = b;
  memset(a + c->rcap, 0, (cap - c->rcap) * sizeof *a);
  memset(b + c->rcap, 0, (cap - c->rcap) * sizeof *b);
  c->rcap = cap;
  return 0;
}

static int add_term(void *ud, const char *term, size_t n, size_t start,
                    size_t end) {
  corpus *c = ud;
  size_t row = ct_vocab_find(c->dict, term, n);
  (void)start, (void)end;
  if (row == (size_t)-1) {
    if (ct_vocab_set(c->dict, term, n, 0, 0) != CT_OK) return c->nomem = 1;
    row = ct_vocab_rows(c->dict) - 1;
  }
  if (grow_rows(c, row + 1) != 0) return c->nomem = 1;
  if (c->stamp[row] == c->n + 1) return 0;
  c->stamp[row] = c->n + 1;
  c->count[row]++;
  if (c->nids == c->icap) {
    size_t cap = c->icap ? c->icap * 2 : 4096, *v;
    if ((v = realloc(c->ids, cap * sizeof *v)) == NULL) return c->nomem = 1;
    c->ids = v, c->icap = cap;
  }
  c->ids[c->nids++] = row;
  return 0;
}

static ct_status read_corpus(corpus *c, const ct_labelled *docs,
                             size_t ndocs, size_t total) {
  size_t k, i;
  memset(c, 0, sizeof *c);
  c->dict = ct_vocab_new(0);
  c->off = malloc((total + 1) * sizeof *c->off);
  if (c->dict == NULL || c->off == NULL) return CT_ENOMEM;
  for (k = 0; k < ndocs; k++)
    for (i = 0; i < docs[k].n && !c->nomem; i++, c->n++) {
      const ct_clause *cl = &docs[k].clauses[i];
      c->off[c->n] = c->nids;
      ct_vocab_terms((const char *)docs[k].text->data + cl->start,
                     cl->end - cl->start,
                     ct_text_readable(docs[k].text, cl->end), add_term, c);
    }
  c->off[c->n] = c->nids;
  return c->nomem ? CT_ENOMEM : CT_OK;
}

static void free_corpus(corpus *c) {
  ct_vocab_free(c->dict);
  free(c->count); free(c->stamp); free(c->off); free(c->ids);
}

/* A fixed shuffle: xorshift64, seeded the same every time. */
static void shuffle(size_t *v, size_t n, uint64_t *seed) {
  size_t i;
  for (i = n; i > 1; i--) {
    size_t j, t;
    *seed ^= *seed << 13, *seed ^= *seed >> 7, *seed ^= *seed << 17;
    j = (size_t)(*seed % i);
    t = v[i - 1], v[i - 1] = v[j], v[j] = t;
  }
}

/* The per-term weights (logits) of one label, in w[0..rows); clause x
** counts sw[x]. */
static void fit_one(const corpus *c, const double *offset,
                    const unsigned char *y, const double *sw, double l2,
                    double *w, double *g2, size_t *order) {
  size_t rows = ct_vocab_rows(c->dict), i, e, k;
  uint64_t seed = 0x9E3779B97F4A7C15u;
  for (k = 0; k < rows; k++) w[k] = 0, g2[k] = 1e-8;
  for (i = 0; i < c->n; i++) order[i] = i;
  for (e = 0; e < EPOCHS; e++) {
    shuffle(order, c->n, &seed);
    for (i = 0; i < c->n; i++) {
      size_t x = order[i];
      double z = offset[x], g;
      for (k = c->off[x]; k < c->off[x + 1]; k++)
        if (c->count[c->ids[k]] >= MIN_CLAUSES) z += w[c->ids[k]];
      z = z > 30 ? 30 : z < -30 ? -30 : z;
      g = sw[x] * (1 / (1 + exp(-z)) - y[x]);
      for (k = c->off[x]; k < c->off[x + 1]; k++) {
        size_t t = c->ids[k];
        double gt;
        if (c->count[t] < MIN_CLAUSES) continue;
        gt = g + l2 * w[t] / (double)c->count[t];
        g2[t] += gt * gt;
        w[t] -= RATE * gt / sqrt(g2[t]);
      }
    }
  }
}

/* Fits vocabulary rule r into out, from the training clauses' offsets. */
static ct_status fit_rule(const ct_ruleset *rs, const ct_rule *r,
                          const corpus *c, const ct_labelled *docs,
                          size_t ndocs, const double *scores,
                          const double *wt, double beta, double l2,
                          ct_vocab *out) {
  size_t rows = ct_vocab_rows(c->dict), nl = rs->nlabels, l = r->info.label;
  size_t i, k, d, x = 0;
  double *off = malloc((c->n + 1) * sizeof *off);
  double *sw = malloc((c->n + 1) * sizeof *sw);
  double *w = malloc((rows + 1) * sizeof *w), *g2 = malloc((rows + 1) * sizeof *g2);
  unsigned char *y = malloc(c->n + 1);
  size_t *order = malloc((c->n + 1) * sizeof *order);
  ct_status st = off && sw && w && g2 && y && order ? CT_OK : CT_ENOMEM;
  for (d = 0; st == CT_OK && d < ndocs; d++)
    for (i = 0; i < docs[d].n; i++, x++) {
      off[x] = beta * (scores[x * nl + l] - rs->labels[l].threshold);
      y[x] = docs[d].gold[i * nl + l];
      sw[x] = wt[x * nl + l];
    }
  if (st == CT_OK) fit_one(c, off, y, sw, l2, w, g2, order);
  for (k = 0; st == CT_OK && k < rows; k++) {
    double v = round(w[k] / beta * 1e4) / 1e4;
    if (fabs(w[k]) < KEEP || v == 0) continue;
    st = ct_vocab_set(out, ct_vocab_term(c->dict, k),
                      strlen(ct_vocab_term(c->dict, k)), r->vcol, v);
  }
  free(off); free(sw); free(w); free(g2); free(y); free(order);
  return st;
}

ct_status ct_fit_vocabulary(ct_ruleset *rs, const ct_labelled *docs,
                            size_t ndocs, const double *scores,
                            const double *wt, double beta, double l2,
                            ct_error *err) {
  corpus c;
  ct_vocab *out = ct_vocab_new(rs->nvcols);
  size_t total = 0, k;
  ct_status st;
  for (k = 0; k < ndocs; k++) total += docs[k].n;
  st = out ? read_corpus(&c, docs, ndocs, total) : CT_ENOMEM;
  for (k = 0; st == CT_OK && k < rs->nrules; k++)
    if (rs->rules[k].info.vocabulary)
      st = fit_rule(rs, &rs->rules[k], &c, docs, ndocs, scores, wt, beta, l2,
                    out);
  if (out) free_corpus(&c);
  if (st != CT_OK) {
    ct_vocab_free(out);
    return ct_fail(err, CT_ENOMEM, "train: out of memory");
  }
  ct_vocab_free(rs->vocab);
  rs->vocab = out;
  return CT_OK;
}
