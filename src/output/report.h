/*
** report.h -- what the classify formats share: a clause's result and
** labels, the names of labels, rules and policies, label colours, and
** the one-line summary of a clause that the CI reports show.
**
** Kept in one place so text, jsonl, SARIF, JUnit and HTML name, colour
** and order labels the same way.
*/
#ifndef CT_REPORT_H
#define CT_REPORT_H

#include "output/writer.h"

/* The result of the record's clause (r->i < r->nclauses). */
const ct_result *ct_report_result(const ct_record *r);

const char *ct_report_label(const ct_writer *w, size_t label);
const char *ct_report_rule(const ct_writer *w, size_t rule);

/* Does the result carry any label? */
int ct_report_labelled(const ct_writer *w, const ct_result *res);

/* The colours a label can have, by name, and the one label `label`
** takes: its own `color` when it names one of them, else one by index
** (the calm colours first, red last, since red reads as an error). */
#define CT_NCOLORS 6
extern const char *const ct_color_names[CT_NCOLORS];
size_t ct_report_color(const ct_ruleset *rs, size_t label);

/* Appends a label's name, in its ANSI colour when `color` is on. */
ct_status ct_report_add_label(ct_buf *b, const ct_ruleset *rs, size_t label,
                              int color);

/* The rule that added most weight to the clause's labels (ties: the
** first in rule order).  0 when no hit counts towards a label it has. */
int ct_report_top_rule(const ct_result *res, size_t *rule);

/* --explain: the lines of explain.h for the record's clause into b (the
** text format's, under each clause; JUnit's <system-out> has them too). */
ct_status ct_report_explain(ct_writer *w, ct_buf *b, const ct_record *r,
                            int color);

/* "security, trade: TEXT" with TEXT collapsed and cut to `max` code
** points ("..." marks the cut), malloc'ed; NULL when out of memory. */
char *ct_report_summary(const ct_writer *w, const ct_record *r, size_t max);

/* Appends the policy as typed: "--require health", "--fail-on-unlabeled". */
ct_status ct_report_policy(ct_buf *b, const ct_policy *p);

/* Appends its report id: "policy/require/health", ...  */
ct_status ct_report_policy_id(ct_buf *b, const ct_policy *p);

/* The first of w's policies with the kind and label of policy k: reports
** list each policy once, however often it was given, and file a repeated
** policy's violations under its first occurrence. */
size_t ct_report_policy_first(const ct_writer *w, size_t k);

/* The report formats, registered in ct_classify_formats. */
extern const ct_format ct_sarif_format;
extern const ct_format ct_junit_format;
extern const ct_format ct_html_format;

/* The index of the label called `name` in rs; CT_EUSAGE, "unknown label
** 'NAME' for --OPTION (known labels: a, b and c)", when rs declares none
** (policy.c: policies and --label selections). */
ct_status ct_report_label_index(const ct_ruleset *rs, const char *name,
                                const char *option, size_t *index,
                                ct_error *err);

#endif
