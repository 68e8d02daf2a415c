/*
** chain.c -- the turns of a file's pieces (see chain.h).
**
** The turns are plan cut numbers: after a piece is cut, the next turn is
** the cut it ended at, so the items of the cuts it took in find their
** turn gone and pass.
*/
#include <stdlib.h>
#include <string.h>
#include "cli/chain.h"

ct_cli_chain *ct_cli_chain_new(ct_plan *plan, const ct_ruleset *rs) {
  size_t nlabels = rs ? ct_ruleset_nlabels(rs) : 0, k;
  ct_cli_chain *c = calloc(1, sizeof *c);
  if (c == NULL) {
    ct_plan_free(plan);
    return NULL;
  }
  c->heading_has = calloc(nlabels + 1, 1);
  c->prev_has = calloc(nlabels + 1, 1);
  c->recent = calloc(nlabels + 1, sizeof *c->recent);
  if (c->heading_has == NULL || c->prev_has == NULL || c->recent == NULL) {
    free(c->heading_has), free(c->prev_has), free(c->recent), free(c);
    ct_plan_free(plan);
    return NULL;
  }
  if (rs) ct_recent_start(rs, c->recent);
  for (k = 0; rs != NULL && k < ct_ruleset_nrules(rs); k++)
    c->looks_ahead |= ct_ruleset_rule(rs, k)->context == CT_CONTEXT_NEXT;
  pthread_mutex_init(&c->mu, NULL);
  pthread_cond_init(&c->turn, NULL);
  c->refs = 1;
  c->plan = plan;
  c->nlabels = nlabels;
  ct_carry_init(&c->carry);
  return c;
}

void ct_cli_chain_hold(ct_cli_chain *c) {
  pthread_mutex_lock(&c->mu);
  c->refs++;
  pthread_mutex_unlock(&c->mu);
}

void ct_cli_chain_release(ct_cli_chain *c) {
  int last;
  if (c == NULL) return;
  pthread_mutex_lock(&c->mu);
  last = --c->refs == 0;
  pthread_mutex_unlock(&c->mu);
  if (!last) return;
  pthread_mutex_destroy(&c->mu);
  pthread_cond_destroy(&c->turn);
  ct_plan_free(c->plan);
  free(c->heading_text);
  free(c->heading_has);
  free(c->prev_has);
  free(c->recent);
  ct_text_free(c->ahead_text);
  free(c->ahead_clauses);
  free(c);
}

void ct_cli_context_free(ct_cli_context *x) {
  free(x->heading_text);
  free(x->has);
  free(x->recent);
  memset(x, 0, sizeof *x);
}

void ct_cli_chain_fail(ct_cli_chain *c) {
  pthread_mutex_lock(&c->mu);
  c->failed = 1;
  pthread_cond_broadcast(&c->turn);
  pthread_mutex_unlock(&c->mu);
}

int ct_cli_chain_cut_turn(ct_cli_chain *c, size_t k, ct_carry *carry) {
  int mine;
  pthread_mutex_lock(&c->mu);
  while (c->cut_turn < k && !c->failed) pthread_cond_wait(&c->turn, &c->mu);
  mine = !c->failed && c->cut_turn == k;
  if (mine) *carry = c->carry;
  pthread_mutex_unlock(&c->mu);
  return mine;
}

void ct_cli_chain_cut_done(ct_cli_chain *c, size_t k, const ct_carry *carry,
                           int ok) {
  (void)k;
  pthread_mutex_lock(&c->mu);
  if (ok) {
    c->carry = *carry;
    c->cut_turn = carry->cut;
  } else {
    c->failed = 1;
  }
  pthread_cond_broadcast(&c->turn);
  pthread_mutex_unlock(&c->mu);
}

int ct_cli_chain_label_turn(ct_cli_chain *c, size_t k, size_t before,
                            ct_cli_context *x) {
  size_t nl = c->nlabels;
  int ok;
  memset(x, 0, sizeof *x);
  pthread_mutex_lock(&c->mu);
  while (c->label_turn < k && !c->failed)
    pthread_cond_wait(&c->turn, &c->mu);
  ok = !c->failed;
  if (ok && ((x->has = malloc(2 * nl + 1)) == NULL ||
             (x->recent = malloc((nl + 1) * sizeof *x->recent)) == NULL))
    ok = -1;
  if (ok > 0 && c->heading.index != 0 &&
      (x->heading_text = malloc(c->heading_len + 1)) == NULL)
    ok = -1;
  if (ok > 0) {
    memcpy(x->has, c->heading_has, nl);
    memcpy(x->has + nl, c->prev_has, nl);
    memcpy(x->recent, c->recent, (nl + 1) * sizeof *x->recent);
    x->heading = c->heading;
    x->heading_len = c->heading_len;
    if (x->heading_text) memcpy(x->heading_text, c->heading_text,
                                c->heading_len + 1);
    x->part.before = before;
    x->part.heading = c->heading.index;
    x->part.heading_has = c->heading.index ? x->has : NULL;
    x->part.prev_has = before ? x->has + nl : NULL;
    x->part.recent = before ? x->recent : NULL;
  } else {
    c->failed = 1;
    pthread_cond_broadcast(&c->turn);
  }
  pthread_mutex_unlock(&c->mu);
  if (ok <= 0) ct_cli_context_free(x);
  return ok;
}

/* The last heading of a piece becomes the chain's: its bytes to the end
** of its line (what its text as a heading is made from), its labels. */
static int keep_heading(ct_cli_chain *c, const ct_text *t, const ct_clause *h,
                        const unsigned char *has) {
  const char *s = ct_text_data(t);
  size_t len = ct_text_size(t), e = h->end, n;
  char *copy;
  while (e < len && s[e] != '\n') e++;
  if (e < len) e++;
  n = e - h->start;
  if ((copy = malloc(n + 1)) == NULL) return 0;
  memcpy(copy, s + h->start, n);
  copy[n] = '\0';
  free(c->heading_text);
  c->heading_text = copy;
  c->heading_len = n;
  c->heading = *h;
  c->heading.start = 0;
  c->heading.end = h->end - h->start;
  if (has) memcpy(c->heading_has, has, c->nlabels);
  return 1;
}

int ct_cli_chain_label_done(ct_cli_chain *c, size_t next, const ct_text *t,
                             const ct_clause *cl, size_t n,
                             const ct_result *res, int ok) {
  size_t i = n;
  pthread_mutex_lock(&c->mu);
  while (ok && i > 0 && cl[i - 1].kind != CT_KIND_HEADING) i--;
  if (ok && i > 0 &&
      !keep_heading(c, t, &cl[i - 1], res ? res[i - 1].context_has : NULL))
    ok = 0;
  if (ok && n > 0 && res)
    memcpy(c->prev_has, res[n - 1].context_has, c->nlabels);
  for (i = 0; ok && res && i < n; i++)
    ct_recent_add(c->recent, c->nlabels, &cl[i], res[i].context_has);
  if (ok) c->label_turn = next;
  else c->failed = 1;
  pthread_cond_broadcast(&c->turn);
  pthread_mutex_unlock(&c->mu);
  return ok;
}
