/*
** junit_out.c -- `classify -f junit`: JUnit XML for CI test-report views.
**
**   <testsuites name="clausetag">
**     <testsuite name="FILE" tests="2" failures="1" errors="0" skipped="0">
**       <testcase name="policy --require health" classname="clausetag.policy">
**         <failure message="..." type="policy">FILE:LINE:COL: TEXT</failure>
**       </testcase>
**       <system-out>FILE:LINE:COL: LABELS: TEXT ...</system-out>
**     </testsuite>
**
** One testsuite per document, one testcase per policy in force with one
** failure per violation; with no policies, one passing testcase
** "classify", so report views still list every file.  `failures` counts
** failed testcases, as JUnit does, not violations.  Everything the
** testsuite's attributes need is in the document's info, so each suite
** is written whole as its document arrives; <system-out> lists the
** labelled clauses in the grep style of the text format (with --explain,
** its explain lines under each).  There are no
** timestamps or durations: the same input gives the same bytes.
*/
#include <stdlib.h>
#include <string.h>
#include "output/report.h"
#include "output/xml.h"

#define SUMMARY_MAX 200   /* code points of clause text per line */

static ct_status junit_begin(ct_writer *w) {
  return ct_buf_adds(&w->buf, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                              "<testsuites name=\"clausetag\">\n");
}

static ct_status junit_end(ct_writer *w) {
  return ct_buf_adds(&w->buf, "</testsuites>\n");
}

/* How many violations of policy k (the first of its kind and label)
** the document has. */
static size_t policy_violations(const ct_writer *w, const ct_docinfo *d,
                                size_t k) {
  size_t j, n = 0;
  for (j = 0; j < d->nviolations; j++)
    n += ct_report_policy_first(w, d->violations[j].policy) == k;
  return n;
}

/* The testcases and failed testcases of a suite. */
static void suite_counts(const ct_writer *w, const ct_docinfo *d,
                         size_t *tests, size_t *failures) {
  size_t k;
  *tests = 0, *failures = 0;
  for (k = 0; k < w->npolicies; k++)
    if (ct_report_policy_first(w, k) == k) {
      ++*tests;
      *failures += policy_violations(w, d, k) > 0;
    }
  if (*tests == 0) *tests = 1;    /* "classify" */
}

static ct_status add_attr(ct_buf *b, const char *name, const char *value) {
  if (ct_buf_printf(b, " %s=\"", name) != CT_OK ||
      ct_xml_cstr(b, value) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '"');
}

/* Appends "FILE:LINE:COL: TEXT" of clause i, escaped; with `labels`,
** the clause's labels before its text, as the text format has them. */
static ct_status clause_line(ct_writer *w, const ct_record *r, size_t i,
                             int labels) {
  ct_record at = *r;
  ct_buf line = {0};
  char *text;
  ct_status st = CT_ENOMEM;
  at.i = i;
  text = labels ? ct_report_summary(w, &at, SUMMARY_MAX)
                : ct_record_text(&at, 1);
  if (text != NULL && ct_record_where(&line, &at) == CT_OK &&
      ct_buf_adds(&line, text) == CT_OK)
    st = ct_xml_string(&w->buf, line.s, line.len);
  free(text);
  ct_buf_free(&line);
  return st;
}

static ct_status failure(ct_writer *w, const ct_record *r,
                         const ct_violation *v) {
  ct_buf *b = &w->buf;
  if (ct_buf_adds(b, "      <failure") != CT_OK ||
      add_attr(b, "message", v->message) != CT_OK ||
      ct_buf_adds(b, " type=\"policy\">") != CT_OK)
    return CT_ENOMEM;
  if (v->clause >= 1 && v->clause <= r->nclauses
          ? clause_line(w, r, v->clause - 1, 0) != CT_OK
          : ct_xml_cstr(b, ct_text_name(r->text)) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "</failure>\n");
}

static ct_status policy_case(ct_writer *w, const ct_record *r, size_t k) {
  const ct_docinfo *d = r->doc;
  ct_buf *b = &w->buf, name = {0};
  ct_status st = CT_ENOMEM;
  size_t j, failures = policy_violations(w, d, k);
  if (ct_buf_adds(&name, "policy ") == CT_OK &&
      ct_report_policy(&name, &w->policies[k]) == CT_OK &&
      ct_buf_adds(b, "    <testcase") == CT_OK &&
      add_attr(b, "name", name.s) == CT_OK &&
      ct_buf_adds(b, failures ? " classname=\"clausetag.policy\">\n"
                              : " classname=\"clausetag.policy\"/>\n") == CT_OK)
    st = CT_OK;
  ct_buf_free(&name);
  if (failures == 0) return st;
  for (j = 0; st == CT_OK && j < d->nviolations; j++)
    if (ct_report_policy_first(w, d->violations[j].policy) == k)
      st = failure(w, r, &d->violations[j]);
  return st == CT_OK ? ct_buf_adds(b, "    </testcase>\n") : st;
}

static ct_status testcases(ct_writer *w, const ct_record *r) {
  size_t k;
  if (w->npolicies == 0)
    return ct_buf_adds(&w->buf, "    <testcase name=\"classify\""
                                " classname=\"clausetag\"/>\n");
  for (k = 0; k < w->npolicies; k++)
    if (ct_report_policy_first(w, k) == k &&
        policy_case(w, r, k) != CT_OK)
      return CT_ENOMEM;
  return CT_OK;
}

static ct_status junit_doc_begin(ct_writer *w, const ct_record *r) {
  ct_buf *b = &w->buf;
  size_t tests, failures;
  suite_counts(w, r->doc, &tests, &failures);
  if (ct_buf_adds(b, "  <testsuite") != CT_OK ||
      add_attr(b, "name", ct_text_name(r->text)) != CT_OK ||
      ct_buf_printf(b, " tests=\"%zu\" failures=\"%zu\" errors=\"0\""
                       " skipped=\"0\">\n", tests, failures) != CT_OK ||
      testcases(w, r) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "    <system-out>");
}

/* --explain: under a clause's line, the text format's explain lines. */
static ct_status explain_lines(ct_writer *w, const ct_record *r) {
  ct_buf_clear(&w->tmp);
  if (ct_report_explain(w, &w->tmp, r, 0) != CT_OK) return CT_ENOMEM;
  return ct_xml_string(&w->buf, w->tmp.s, w->tmp.len);
}

/* Labelled clauses go to the suite's <system-out>, one per line. */
static ct_status junit_clause(ct_writer *w, const ct_record *r) {
  const ct_result *res = ct_report_result(r);
  if (!ct_report_labelled(w, res)) return CT_OK;
  if (clause_line(w, r, r->i, 1) != CT_OK ||
      ct_buf_addc(&w->buf, '\n') != CT_OK)
    return CT_ENOMEM;
  return (w->flags & CT_WRITE_EXPLAIN) ? explain_lines(w, r) : CT_OK;
}

static ct_status junit_doc_end(ct_writer *w, const ct_record *r) {
  (void)r;
  return ct_buf_adds(&w->buf, "</system-out>\n  </testsuite>\n");
}

const ct_format ct_junit_format = {"junit", junit_begin, junit_clause,
                                   junit_end, junit_doc_begin, junit_doc_end,
                                   CT_HITS_EXPLAIN};
