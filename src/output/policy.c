/*
** policy.c -- checking policies (--require, --forbid, --fail-on-unlabeled)
** on classified documents.
**
** Promises: a violation for each broken policy, the document's own
** (require) first, then clause by clause in the order of the policies,
** each with the one-line message the command line prints after the
** clause's place; nothing else is allocated, and out of memory frees
** what was found.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "core/error.h"
#include "core/grow.h"
#include "output/report.h"

/* "a, b and c": the labels for a message. */
static void list_labels(ct_buf *b, const ct_ruleset *rs) {
  size_t i, n = ct_ruleset_nlabels(rs);
  for (i = 0; i < n; i++)
    ct_buf_printf(b, "%s%s", ct_series_sep(i, n),
                  ct_ruleset_label(rs, i)->name);
  if (n == 0) ct_buf_adds(b, "none");
}

ct_status ct_report_label_index(const ct_ruleset *rs, const char *name,
                                const char *option, size_t *index,
                                ct_error *err) {
  size_t i, n = ct_ruleset_nlabels(rs);
  ct_buf known = {0};
  ct_status s;
  for (i = 0; i < n; i++)
    if (strcmp(ct_ruleset_label(rs, i)->name, name) == 0) {
      *index = i;
      return CT_OK;
    }
  list_labels(&known, rs);
  s = ct_fail(err, CT_EUSAGE, "unknown label '%s' for --%s (known labels: "
              "%s)", name, option, known.s ? known.s : "none");
  ct_buf_free(&known);
  return s;
}

static ct_status find_label(ct_policy *p, const ct_ruleset *rs,
                            ct_error *err) {
  return ct_report_label_index(rs, p->label,
                               p->kind == CT_POLICY_REQUIRE ? "require"
                                                            : "forbid",
                               &p->label_index, err);
}

ct_status ct_policies_resolve(ct_policy *p, size_t n, const ct_ruleset *rs,
                              ct_error *err) {
  size_t i;
  ct_status s;
  for (i = 0; i < n; i++)
    if (p[i].kind != CT_POLICY_UNLABELED &&
        (s = find_label(&p[i], rs, err)) != CT_OK)
      return s;
  return CT_OK;
}

/* The violations found so far. */
typedef struct found {
  ct_violation *v;
  size_t n, cap;
} found;

/* Records one violation: clause is 1-based, 0 for the whole document. */
static ct_status add(found *f, size_t policy, size_t clause,
                     const char *msg) {
  char *m;
  if (f->n == f->cap) {
    ct_violation *v = ct_grow(f->v, f->n, &f->cap, sizeof *v, 4);
    if (v == NULL) return CT_ENOMEM;
    f->v = v;
  }
  if ((m = strdup(msg)) == NULL) return CT_ENOMEM;
  f->v[f->n].policy = policy;
  f->v[f->n].clause = clause;
  f->v[f->n++].message = m;
  return CT_OK;
}

/* Does clause i carry a label? */
static int labelled(const ct_result *r, size_t nlabels) {
  size_t k;
  for (k = 0; k < nlabels; k++)
    if (r->has[k]) return 1;
  return 0;
}

static ct_status check_require(const ct_policy *p, size_t ip,
                               const ct_result *r, size_t n, found *f) {
  char msg[300];
  size_t i;
  for (i = 0; i < n; i++)
    if (r[i].has[p->label_index]) return CT_OK;
  snprintf(msg, sizeof msg, "policy --require %s: no clause labelled %s",
           p->label, p->label);
  return add(f, ip, 0, msg);
}

/* Clause i against a --forbid or --fail-on-unlabeled policy. */
static ct_status check_clause(const ct_policy *p, size_t ip, size_t nl,
                              const ct_result *r, size_t i, found *f) {
  char msg[300];
  if (p->kind == CT_POLICY_UNLABELED) {
    if (labelled(&r[i], nl)) return CT_OK;
    snprintf(msg, sizeof msg, "policy --fail-on-unlabeled: clause has no "
             "label");
  } else {
    if (!r[i].has[p->label_index]) return CT_OK;
    snprintf(msg, sizeof msg, "policy --forbid %s: clause labelled %s",
             p->label, p->label);
  }
  return add(f, ip, i + 1, msg);
}

void ct_violations_free(ct_violation *v, size_t n) {
  size_t i;
  if (v == NULL) return;
  for (i = 0; i < n; i++) free((char *)v[i].message);
  free(v);
}

/* The document-level violations first, then the clauses' in document
** order, the way a reader goes through the file. */
ct_status ct_policies_check(const ct_policy *p, size_t np,
                            const ct_ruleset *rs, const ct_results *res,
                            ct_violation **out, size_t *nout,
                            ct_error *err) {
  const ct_result *r = ct_results_array(res);
  size_t i, k, n = ct_results_count(res), nl = ct_ruleset_nlabels(rs);
  found f = {NULL, 0, 0};
  ct_status s = CT_OK;
  *out = NULL, *nout = 0;
  for (k = 0; k < np && s == CT_OK; k++)
    if (p[k].kind == CT_POLICY_REQUIRE) s = check_require(&p[k], k, r, n, &f);
  for (i = 0; i < n && s == CT_OK; i++)
    for (k = 0; k < np && s == CT_OK; k++)
      if (p[k].kind != CT_POLICY_REQUIRE)
        s = check_clause(&p[k], k, nl, r, i, &f);
  if (s != CT_OK) {
    ct_violations_free(f.v, f.n);
    return ct_fail(err, s, "out of memory");
  }
  *out = f.v, *nout = f.n;
  return CT_OK;
}
