/*
** sarif_out.c -- `classify -f sarif`: SARIF 2.1.0 for code-scanning views.
**
** One JSON document for the whole run.  tool.driver.rules lists every
** rule of the rule set, then every policy in force; each labelled clause
** is a `note` result of the rule that added most to its labels (with
** --explain, every hit behind them a related location), each policy
** violation an `error` result (with --explain, the hits of a forbidden
** label, or all of an unlabelled clause's).  Results are written as
** documents arrive, so memory stays flat however many files a run reads.
**
** Regions are 1-based lines and columns counted in code points, which
** run.columnKind "unicodeCodePoints" declares; byteOffset/byteLength give
** the exact span, as jsonl's start/end do.
*/
#include <stdlib.h>
#include <string.h>
#include "output/json.h"
#include "output/report.h"

#define SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"
#define SUMMARY_MAX 120   /* code points of clause text in a message */

/* What the run needs to remember: whether a result was written yet, for
** the commas between them. */
typedef struct sarif_state {
  size_t results;
} sarif_state;

/* Opens the next element of an array that holds `n` already. */
static ct_status next_element(ct_buf *b, size_t n) {
  return ct_buf_adds(b, n ? ",\n" : "\n");
}

/* ---- rules ------------------------------------------------------------ */

static const char *rule_text(const ct_writer *w, const ct_rule_info *ri) {
  const ct_label_info *li = ct_ruleset_label(w->rs, ri->label);
  if (ri->description != NULL) return ri->description;
  return li->title != NULL ? li->title : li->name;
}

static ct_status rule_descriptor(ct_writer *w, size_t k) {
  const ct_rule_info *ri = ct_ruleset_rule(w->rs, k);
  ct_buf *b = &w->buf;
  if (next_element(b, k) != CT_OK || ct_buf_adds(b, "{\"id\":") != CT_OK ||
      ct_json_cstr(b, ri->id) != CT_OK ||
      ct_buf_adds(b, ",\"shortDescription\":{\"text\":") != CT_OK ||
      ct_json_cstr(b, rule_text(w, ri)) != CT_OK ||
      ct_buf_adds(b, "},\"defaultConfiguration\":{\"level\":\"note\"}"
                     ",\"properties\":{\"label\":") != CT_OK ||
      ct_json_cstr(b, ct_report_label(w, ri->label)) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "}}");
}

/* What a policy asks, as a rule's short description. */
static ct_status policy_text(ct_buf *b, const ct_policy *p) {
  switch (p->kind) {
    case CT_POLICY_REQUIRE:
      return ct_buf_printf(b, "Each document has a clause labelled %s",
                           p->label);
    case CT_POLICY_FORBID:
      return ct_buf_printf(b, "No clause is labelled %s", p->label);
    default:
      return ct_buf_adds(b, "Every clause carries a label");
  }
}

/* Strings that must go through the JSON escape are built in `tmp`. */
static ct_status add_json_tmp(ct_buf *b, ct_buf *tmp) {
  ct_status st = ct_json_string(b, tmp->s ? tmp->s : "", tmp->len);
  ct_buf_clear(tmp);
  return st;
}

static ct_status policy_descriptor(ct_writer *w, const ct_policy *p,
                                   size_t n, ct_buf *tmp) {
  ct_buf *b = &w->buf;
  if (next_element(b, n) != CT_OK || ct_buf_adds(b, "{\"id\":") != CT_OK ||
      ct_report_policy_id(tmp, p) != CT_OK || add_json_tmp(b, tmp) != CT_OK ||
      ct_buf_adds(b, ",\"shortDescription\":{\"text\":") != CT_OK ||
      policy_text(tmp, p) != CT_OK || add_json_tmp(b, tmp) != CT_OK ||
      ct_buf_adds(b, "},\"defaultConfiguration\":{\"level\":\"error\"}"
                     ",\"properties\":{\"policy\":") != CT_OK ||
      ct_report_policy(tmp, p) != CT_OK || add_json_tmp(b, tmp) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "}}");
}

/* After the rule set's n rules: each policy once. */
static ct_status policy_descriptors(ct_writer *w, size_t n) {
  ct_buf tmp = {0};
  ct_status st = CT_OK;
  size_t k;
  for (k = 0; st == CT_OK && k < w->npolicies; k++)
    if (ct_report_policy_first(w, k) == k)
      st = policy_descriptor(w, &w->policies[k], n++, &tmp);
  ct_buf_free(&tmp);
  return st;
}

/* ---- the run ---------------------------------------------------------- */

static ct_status sarif_begin(ct_writer *w) {
  size_t k, n = ct_ruleset_nrules(w->rs);
  if ((w->state = calloc(1, sizeof(sarif_state))) == NULL) return CT_ENOMEM;
  if (ct_buf_adds(&w->buf, "{\"$schema\":\"" SCHEMA "\",\"version\":\"2.1.0\""
                  ",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"clausetag\""
                  ",\"version\":\"" CT_VERSION "\""
                  ",\"semanticVersion\":\"" CT_VERSION "\",\"rules\":[")
      != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (rule_descriptor(w, k) != CT_OK) return CT_ENOMEM;
  if (policy_descriptors(w, n) != CT_OK) return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "]}},\n\"columnKind\":\"unicodeCodePoints\""
                              ",\"results\":[");
}

static ct_status sarif_end(ct_writer *w) {
  free(w->state);
  w->state = NULL;
  return ct_buf_adds(&w->buf, "\n]}]}\n");
}

/* ---- locations -------------------------------------------------------- */

static int unreserved(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9') || strchr("-._~/", c) != NULL;
}

/* The document's name as a URI reference: relative paths stay relative
** (code scanning resolves them against the checkout), absolute ones get
** file://, and every byte outside the unreserved set is %-encoded. */
static ct_status add_uri(ct_buf *b, const char *name) {
  const unsigned char *p = (const unsigned char *)name;
  if (*p == '/' && ct_buf_adds(b, "\"file://") != CT_OK) return CT_ENOMEM;
  if (*p != '/' && ct_buf_addc(b, '"') != CT_OK) return CT_ENOMEM;
  for (; *p != '\0'; p++)
    if ((unreserved(*p) ? ct_buf_addc(b, (char)*p)
                        : ct_buf_printf(b, "%%%02X", *p)) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_addc(b, '"');
}

/* The region of the text's bytes [a, e), which begin at line:col (as
** ct_text_source_linecol counts them); a PDF's page goes in the region's
** properties, its lines and columns counting within the page.  A span
** that runs on to a later page has no end a region can say (its lines
** count from 1 again): the region is its first line, and the properties
** say where it ends. */
static ct_status add_span(ct_buf *b, const ct_text *t, size_t a, size_t e,
                          size_t first_line, size_t first_col) {
  size_t line, col, start, end, page, end_page;
  ct_status st;
  ct_text_source_span(t, a, e, &start, &end);
  ct_text_source_linecol(t, end, &line, &col);
  page = ct_text_page(t, a);
  end_page = e > a ? ct_text_page(t, e - 1) : page;
  if (ct_buf_printf(b, "{\"startLine\":%zu,\"startColumn\":%zu", first_line,
                    first_col) != CT_OK)
    return CT_ENOMEM;
  if (end_page == page &&
      ct_buf_printf(b, ",\"endLine\":%zu,\"endColumn\":%zu", line, col) !=
          CT_OK)
    return CT_ENOMEM;
  /* A PDF's text layer is not the file's bytes: no byte offsets there. */
  if (page == 0)
    st = ct_buf_printf(b, ",\"byteOffset\":%zu,\"byteLength\":%zu", start,
                       end - start);
  else if (end_page == page)
    st = ct_buf_printf(b, ",\"properties\":{\"page\":%zu}", page);
  else
    st = ct_buf_printf(b, ",\"properties\":{\"page\":%zu,\"endPage\":%zu,"
                          "\"endLine\":%zu,\"endColumn\":%zu}",
                       page, end_page, line, col);
  if (st != CT_OK) return CT_ENOMEM;
  return ct_buf_addc(b, '}');
}

/* The clause's region in the source, or the start of the file when c is
** NULL. */
static ct_status add_region(ct_buf *b, const ct_text *t, const ct_clause *c) {
  if (c == NULL) return ct_buf_adds(b, "{\"startLine\":1,\"startColumn\":1}");
  return add_span(b, t, c->start, c->end, c->line, c->col);
}

/* A location's physicalLocation member up to its region: the document's
** URI. */
static ct_status open_physical(ct_buf *b, const ct_text *t) {
  if (ct_buf_adds(b, "\"physicalLocation\":{\"artifactLocation\":"
                     "{\"uri\":") != CT_OK ||
      add_uri(b, ct_text_name(t)) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "},\"region\":");
}

static ct_status add_location(ct_buf *b, const ct_text *t,
                              const ct_clause *c) {
  if (ct_buf_adds(b, ",\"locations\":[{") != CT_OK ||
      open_physical(b, t) != CT_OK || add_region(b, t, c) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "}}]");
}

/* --explain: the hits behind a result, each a related location: the
** words that fired it (for a rule that fired on the whole clause, the
** clause), with the text format's words, "RULE -> LABEL +W". */
static ct_status related_hit(ct_writer *w, const ct_text *t, const ct_hit *h,
                             size_t id) {
  ct_buf *b = &w->buf;
  size_t line, col, start, end;
  ct_text_source_span(t, h->start, h->end, &start, &end);
  ct_text_source_linecol(t, start, &line, &col);
  ct_buf_clear(&w->tmp);
  if (ct_buf_printf(b, "%s{\"id\":%zu,", id ? "," : "", id) != CT_OK ||
      open_physical(b, t) != CT_OK ||
      add_span(b, t, h->start, h->end, line, col) != CT_OK ||
      ct_buf_adds(b, "},\"message\":{\"text\":") != CT_OK ||
      ct_buf_adds(&w->tmp, ct_report_rule(w, h->rule)) != CT_OK ||
      ct_buf_adds(&w->tmp, " -> ") != CT_OK ||
      ct_buf_adds(&w->tmp, ct_report_label(w, h->label)) != CT_OK ||
      ct_buf_adds(&w->tmp, h->weight < 0 ? " " : " +") != CT_OK ||
      ct_json_number_cached(&w->tmp, h->weight, ct_writer_nums(w)) != CT_OK ||
      ct_json_string(b, w->tmp.s, w->tmp.len) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "}}");
}

/* Which hits explain a result: a label note's, those of the clause's
** labels (p NULL); a forbid violation's, those of its label; an
** unlabelled clause's, all (what fired, and fell short). */
static int explains(const ct_result *res, const ct_policy *p, size_t label) {
  if (p == NULL) return res->has[label];
  return p->kind != CT_POLICY_FORBID || label == p->label_index;
}

static ct_status add_related(ct_writer *w, const ct_text *t,
                             const ct_clause *c, const ct_result *res,
                             const ct_policy *p) {
  size_t k, n = 0;
  if (!(w->flags & CT_WRITE_EXPLAIN) || c == NULL) return CT_OK;
  for (k = 0; k < res->nhits; k++)
    if (explains(res, p, res->hits[k].label) &&
        ((n == 0 && ct_buf_adds(&w->buf, ",\"relatedLocations\":[") != CT_OK) ||
         related_hit(w, t, &res->hits[k], n++) != CT_OK))
      return CT_ENOMEM;
  return n ? ct_buf_addc(&w->buf, ']') : CT_OK;   /* none: no member */
}

/* ---- results ---------------------------------------------------------- */

static ct_status open_result(ct_writer *w) {
  sarif_state *s = w->state;
  return next_element(&w->buf, s->results++);
}

static ct_status result_labels(ct_writer *w, const ct_result *res) {
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  ct_buf *b = &w->buf;
  if (ct_buf_adds(b, ",\"properties\":{\"labels\":[") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (res->has[k] && ((written++ && ct_buf_addc(b, ',') != CT_OK) ||
                        ct_json_cstr(b, ct_report_label(w, k)) != CT_OK))
      return CT_ENOMEM;
  return ct_buf_adds(b, "]}}");
}

static ct_status sarif_clause(ct_writer *w, const ct_record *r) {
  const ct_result *res = ct_report_result(r);
  ct_buf *b = &w->buf;
  size_t rule;
  char *msg;
  ct_status st = CT_ENOMEM;
  /* labels are not findings: a code-scanning view shows the violations,
  ** and a note per labelled clause only when asked */
  if (!(w->flags & CT_WRITE_LABELS) || !ct_report_labelled(w, res))
    return CT_OK;
  if ((msg = ct_report_summary(w, r, SUMMARY_MAX)) != NULL &&
      open_result(w) == CT_OK && ct_buf_addc(b, '{') == CT_OK &&
      (!ct_report_top_rule(res, &rule) ||
       (ct_buf_adds(b, "\"ruleId\":") == CT_OK &&
        ct_json_cstr(b, ct_report_rule(w, rule)) == CT_OK &&
        ct_buf_addc(b, ',') == CT_OK)) &&
      ct_buf_adds(b, "\"level\":\"note\",\"message\":{\"text\":") == CT_OK &&
      ct_json_cstr(b, msg) == CT_OK && ct_buf_addc(b, '}') == CT_OK &&
      add_location(b, r->text, ct_record_clause(r)) == CT_OK &&
      add_related(w, r->text, ct_record_clause(r), res, NULL) == CT_OK)
    st = result_labels(w, res);
  free(msg);
  return st;
}

/* The clause a violation names, or NULL for the document as a whole. */
static const ct_clause *violation_clause(const ct_record *r,
                                         const ct_violation *v) {
  if (v->clause == 0 || v->clause > r->nclauses) return NULL;
  return &r->clauses[v->clause - 1];
}

static ct_status violation_result(ct_writer *w, const ct_record *r,
                                  const ct_violation *v, ct_buf *tmp) {
  ct_buf *b = &w->buf;
  const ct_policy *p = &w->policies[v->policy];
  const ct_clause *c = violation_clause(r, v);
  if (open_result(w) != CT_OK || ct_buf_adds(b, "{\"ruleId\":") != CT_OK ||
      ct_report_policy_id(tmp, p) != CT_OK || add_json_tmp(b, tmp) != CT_OK ||
      ct_buf_adds(b, ",\"level\":\"error\",\"message\":{\"text\":") != CT_OK ||
      ct_json_cstr(b, v->message) != CT_OK || ct_buf_addc(b, '}') != CT_OK ||
      add_location(b, r->text, c) != CT_OK ||
      (c != NULL &&
       add_related(w, r->text, c, &r->doc->results[v->clause - 1], p) != CT_OK))
    return CT_ENOMEM;
  return ct_buf_addc(b, '}');
}

static ct_status sarif_doc_end(ct_writer *w, const ct_record *r) {
  ct_buf tmp = {0};
  ct_status st = CT_OK;
  size_t k;
  for (k = 0; st == CT_OK && k < r->doc->nviolations; k++)
    st = violation_result(w, r, &r->doc->violations[k], &tmp);
  ct_buf_free(&tmp);
  return st;
}

const ct_format ct_sarif_format = {"sarif", sarif_begin, sarif_clause,
                                   sarif_end, NULL, sarif_doc_end, CT_HITS_ALL};
