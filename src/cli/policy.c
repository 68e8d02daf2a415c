/*
** policy.c -- the policies of classify on the command line: the
** library's checks (ct_policies_check), with a usage error for an unknown
** label and a stderr line for each violation at its clause's place.
*/
#include <stdio.h>
#include <stdlib.h>
#include "cli/options.h"
#include "cli/policy.h"

int ct_cli_policies_resolve(ct_policy *p, size_t n, const ct_ruleset *rs) {
  ct_error err;
  if (ct_policies_resolve(p, n, rs, &err) == CT_OK) return 0;
  return ct_cli_usage_error("classify", "%s", err.msg);
}

/* The line for violation v: "FILE: MSG" for the document, else the
** clause's place as text output writes it. */
static void message(ct_cli_doc *d, const ct_violation *v) {
  const ct_clause *c;
  size_t page;
  if (v->clause == 0) {
    ct_cli_doc_message(d, "%s: %s", ct_text_name(d->text), v->message);
    return;
  }
  c = &d->clauses[v->clause - 1];
  if ((page = ct_text_page(d->text, c->start)) > 0)
    ct_cli_doc_message(d, "%s#page=%zu:%zu:%zu: %s", ct_text_name(d->text),
                       page, c->line, c->col, v->message);
  else
    ct_cli_doc_message(d, "%s:%zu:%zu: %s", ct_text_name(d->text), c->line,
                       c->col, v->message);
}

ct_status ct_cli_policies_check(const ct_policy *p, size_t n,
                                const ct_ruleset *rs, ct_cli_doc *d,
                                ct_error *err) {
  size_t i;
  ct_status s = ct_policies_check(p, n, rs, d->results, &d->violations,
                                  &d->nviolations, err);
  d->checked = s == CT_OK;
  for (i = 0; s == CT_OK && i < d->nviolations; i++)
    message(d, &d->violations[i]);
  return s;
}
