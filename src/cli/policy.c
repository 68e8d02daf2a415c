/*
** policy.c -- checking CI policies on classified documents.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/options.h"
#include "cli/policy.h"
#include "core/error.h"

/* "a, b and c": the labels for a message. */
static void list_labels(ct_buf *b, const ct_ruleset *rs) {
  size_t i, n = ct_ruleset_nlabels(rs);
  for (i = 0; i < n; i++)
    ct_buf_printf(b, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ",
                  ct_ruleset_label(rs, i)->name);
  if (n == 0) ct_buf_adds(b, "none");
}

static int find_label(ct_policy *p, const ct_ruleset *rs) {
  size_t i, n = ct_ruleset_nlabels(rs);
  ct_buf known = {0};
  int rc;
  for (i = 0; i < n; i++)
    if (strcmp(ct_ruleset_label(rs, i)->name, p->label) == 0) {
      p->label_index = i;
      return 0;
    }
  list_labels(&known, rs);
  rc = ct_cli_usage_error("classify", "unknown label '%s' for --%s "
                          "(known labels: %s)", p->label,
                          p->kind == CT_POLICY_REQUIRE ? "require" : "forbid",
                          known.s ? known.s : "none");
  ct_buf_free(&known);
  return rc;
}

int ct_cli_policies_resolve(ct_policy *p, size_t n, const ct_ruleset *rs) {
  size_t i;
  for (i = 0; i < n; i++)
    if (p[i].kind != CT_POLICY_UNLABELED && find_label(&p[i], rs) != 0)
      return 2;
  return 0;
}

/* Does clause i carry a label? */
static int labelled(const ct_cli_doc *d, size_t nlabels, size_t i) {
  size_t k;
  for (k = 0; k < nlabels; k++)
    if (d->results[i].has[k]) return 1;
  return 0;
}

/* Records one violation: clause is 1-based, 0 for the whole document. */
static ct_status add(ct_cli_doc *d, size_t policy, size_t clause,
                     const char *msg) {
  ct_violation *v = realloc(d->violations,
                            (d->nviolations + 1) * sizeof *v);
  char *m = strdup(msg);
  size_t page;
  if (v != NULL) d->violations = v;
  if (v == NULL || m == NULL) {
    free(m);
    return CT_ENOMEM;
  }
  v[d->nviolations].policy = policy;
  v[d->nviolations].clause = clause;
  v[d->nviolations++].message = m;
  if (clause == 0)
    ct_cli_doc_message(d, "%s: %s", ct_text_name(d->text), msg);
  else if ((page = ct_text_page(d->text, d->clauses[clause - 1].start)) > 0)
    ct_cli_doc_message(d, "%s#page=%zu:%zu:%zu: %s", ct_text_name(d->text),
                       page, d->clauses[clause - 1].line,
                       d->clauses[clause - 1].col, msg);   /* as text's */
  else
    ct_cli_doc_message(d, "%s:%zu:%zu: %s", ct_text_name(d->text),
                       d->clauses[clause - 1].line,
                       d->clauses[clause - 1].col, msg);
  return CT_OK;
}

static ct_status check_require(const ct_policy *p, size_t ip,
                               ct_cli_doc *d) {
  char msg[300];
  size_t i;
  for (i = 0; i < d->n; i++)
    if (d->results[i].has[p->label_index]) return CT_OK;
  snprintf(msg, sizeof msg, "policy --require %s: no clause labelled %s",
           p->label, p->label);
  return add(d, ip, 0, msg);
}

/* Clause i against a --forbid or --fail-on-unlabeled policy. */
static ct_status check_clause(const ct_policy *p, size_t ip, size_t nl,
                              ct_cli_doc *d, size_t i) {
  char msg[300];
  if (p->kind == CT_POLICY_UNLABELED) {
    if (labelled(d, nl, i)) return CT_OK;
    snprintf(msg, sizeof msg, "policy --fail-on-unlabeled: clause has no "
             "label");
  } else {
    if (!d->results[i].has[p->label_index]) return CT_OK;
    snprintf(msg, sizeof msg, "policy --forbid %s: clause labelled %s",
             p->label, p->label);
  }
  return add(d, ip, i + 1, msg);
}

/* The document-level violations first, then the clauses' in document
** order, the way a reader goes through the file. */
ct_status ct_cli_policies_check(const ct_policy *p, size_t n,
                                const ct_ruleset *rs, ct_cli_doc *d,
                                ct_error *err) {
  size_t i, k, nl = ct_ruleset_nlabels(rs);
  ct_status s = CT_OK;
  for (k = 0; k < n && s == CT_OK; k++)
    if (p[k].kind == CT_POLICY_REQUIRE) s = check_require(&p[k], k, d);
  for (i = 0; i < d->n && s == CT_OK; i++)
    for (k = 0; k < n && s == CT_OK; k++)
      if (p[k].kind != CT_POLICY_REQUIRE)
        s = check_clause(&p[k], k, nl, d, i);
  if (s != CT_OK) return ct_fail(err, s, "out of memory");
  return CT_OK;
}
