/*
** explain.c -- a result's hits and scores as lines (see explain.h).
*/
#include <math.h>
#include <stdlib.h>
#include "output/explain.h"
#include "output/report.h"
#include "text/text.h"

/* A weight with its sign always shown: +1.0, -0.5. */
static ct_status add_signed(ct_explain *x, ct_buf *b, double v) {
  if (!(v < 0) && ct_buf_addc(b, '+') != CT_OK) return CT_ENOMEM;
  return ct_json_number_cached(b, v, x->nums);
}

/* A rule with neither words nor regex fired on the whole clause, because
** of its `when`, its context or its focus: repeating the clause would
** explain nothing, so the reason is named instead.  NULL otherwise (a
** vocabulary rule's hit is the term that counts most in its sum). */
static const char *judged_whole(const ct_rule_info *ri) {
  if (ri == NULL || ri->words || ri->regex || ri->vocabulary) return NULL;
  if (ri->context != CT_CONTEXT_NONE) return ct_context_name(ri->context);
  return ri->focus ? "focus" : "when";
}

/* " (learned; declared +0.6)" after the weight a hit added, when the
** rule's weight was learned (weights {...}, clausetag train). */
static ct_status add_learned(ct_explain *x, ct_buf *b,
                             const ct_rule_info *ri) {
  if (ri == NULL || !ri->learned) return CT_OK;
  if (ct_buf_adds(b, " (learned; declared ") != CT_OK ||
      add_signed(x, b, ri->declared) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, ')');
}

/* The matched text in quotes, collapsed (no line break or control
** character: it stays on the line), and with spans its place:
** "words" [START-END]. */
static ct_status add_match(const ct_explain *x, ct_buf *b, const ct_text *t,
                           const ct_hit *h) {
  size_t start, end;
  ct_text_source_span(t, h->start, h->end, &start, &end);
  if (ct_buf_add(b, " \"", 2) != CT_OK ||
      ct_text_span_add(b, t, h->start, h->end, 1) != CT_OK ||
      ct_buf_addc(b, '"') != CT_OK)
    return CT_ENOMEM;
  if (x->spans &&
      (ct_buf_add(b, " [", 2) != CT_OK || ct_buf_addu(b, start) != CT_OK ||
       ct_buf_addc(b, '-') != CT_OK || ct_buf_addu(b, end) != CT_OK ||
       ct_buf_addc(b, ']') != CT_OK))
    return CT_ENOMEM;
  return ct_buf_addc(b, '\n');
}

static int shown(const ct_explain *x, size_t label) {
  return x->only == NULL || x->only[label];
}

static ct_status add_hit(ct_explain *x, ct_buf *b, const ct_text *t,
                         const ct_hit *h) {
  const ct_rule_info *ri = ct_ruleset_rule(x->rs, h->rule);
  const char *whole = judged_whole(ri);
  if (!shown(x, h->label)) return CT_OK;
  if (ct_buf_add(b, "    + ", 6) != CT_OK || ct_buf_adds(b, ri->id) != CT_OK ||
      ct_buf_add(b, " -> ", 4) != CT_OK ||
      ct_report_add_label(b, x->rs, h->label, x->color) != CT_OK ||
      ct_buf_addc(b, ' ') != CT_OK || add_signed(x, b, h->weight) != CT_OK ||
      add_learned(x, b, ri) != CT_OK)
    return CT_ENOMEM;
  if (whole == NULL) return add_match(x, b, t, h);
  if (ct_buf_add(b, " (", 2) != CT_OK || ct_buf_adds(b, whole) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_add(b, ")\n", 2);
}

/* "    = security +1.5 >= 0.8, trade +0.3 < 0.7": every label the hits
** gave a score, against its threshold, so that the sum and the bar it
** had to reach (learned ones are rarely 1) explain the verdict; the
** labels given first, as the hits above. */
static ct_status add_scores(ct_explain *x, ct_buf *b, const ct_result *res) {
  size_t j, k, n = ct_ruleset_nlabels(x->rs), written = 0;
  for (j = 0; j < 2 * n; j++) {
    k = j % n;
    if (res->scores[k] == 0 || !res->has[k] != (j >= n) || !shown(x, k))
      continue;
    if (ct_buf_adds(b, written++ ? ", " : "    = ") != CT_OK ||
        ct_report_add_label(b, x->rs, k, x->color) != CT_OK ||
        ct_buf_addc(b, ' ') != CT_OK ||
        add_signed(x, b, res->scores[k]) != CT_OK ||
        ct_buf_adds(b, res->has[k] ? " >= " : " < ") != CT_OK ||
        ct_json_number_cached(b, ct_ruleset_label(x->rs, k)->threshold,
                              x->nums) != CT_OK)
      return CT_ENOMEM;
  }
  return written ? ct_buf_addc(b, '\n') : CT_OK;
}

/* Does hit a come before hit b for a reader?  The labels the clause got
** first, then label by label, and within a label the hits that counted
** most: the reason for a label is under the clause, not among the small
** leanings of every label (each a line in rule order, it was lost). */
static int read_before(const ct_result *res, size_t a, size_t b) {
  const ct_hit *x = &res->hits[a], *y = &res->hits[b];
  double wx = fabs(x->weight), wy = fabs(y->weight);
  if (res->has[x->label] != res->has[y->label]) return res->has[x->label];
  if (x->label != y->label) return x->label < y->label;
  if (wx != wy) return wx > wy;
  return a < b;
}

/* res's hits in reading order, in x->order (a clause has tens of hits:
** insertion sort). */
static ct_status order_hits(ct_explain *x, const ct_result *res) {
  size_t i, j;
  if (res->nhits > x->order_cap) {
    size_t cap = res->nhits < 64 ? 64 : res->nhits;
    size_t *o = realloc(x->order, cap * sizeof *o);
    if (o == NULL) return CT_ENOMEM;
    x->order = o, x->order_cap = cap;
  }
  for (i = 0; i < res->nhits; i++) {
    for (j = i; j > 0 && read_before(res, i, x->order[j - 1]); j--)
      x->order[j] = x->order[j - 1];
    x->order[j] = i;
  }
  return CT_OK;
}

ct_status ct_explain_add(ct_explain *x, ct_buf *b, const ct_text *t,
                         const ct_result *res) {
  ct_status st = order_hits(x, res);
  size_t k;
  for (k = 0; st == CT_OK && k < res->nhits; k++)
    st = add_hit(x, b, t, &res->hits[x->order[k]]);
  return st == CT_OK ? add_scores(x, b, res) : st;
}

void ct_explain_free(ct_explain *x) {
  free(x->order);
  x->order = NULL;
  x->order_cap = 0;
}

char *ct_result_explain(const ct_ruleset *rs, const ct_text *t,
                        const ct_result *r, const unsigned char *labels,
                        unsigned flags) {
  ct_explain x = {0};
  ct_buf b = {0};
  ct_status st;
  x.rs = rs;
  x.spans = (flags & CT_EXPLAIN_SPANS) != 0;
  x.only = labels;
  st = r != NULL ? ct_explain_add(&x, &b, t, r) : CT_OK;
  ct_explain_free(&x);
  return ct_buf_take_if(&b, st);
}
