/*
** classify_out.c -- the output formats of `clausetag classify`.
**
**   text   FILE:LINE:COL: LABELS: TEXT      grep-style; --explain adds
**          the lines of explain.h under each clause
**   jsonl  the clause object of segment's jsonl without "depth", plus
**          "labels", "scores" and (--explain) "hits"
**   tsv    a header line, then one row per clause (--explain: "hits")
**
** The CI reports wrapping a whole run (sarif, junit, html) have files of
** their own and share the helpers of report.c, the summaries theirs
** (summary_out.c); all are listed here.
**
** Labels always come in the rule set's declaration order, so output does
** not depend on which rule fired first.  Text formats collapse white
** space; jsonl keeps exact spans, so offsets can be checked.
*/
#include <stdlib.h>
#include <string.h>
#include "output/json.h"
#include "output/report.h"
#include "output/select.h"
#include "text/text.h"

static int colored(const ct_writer *w) {
  return (w->flags & CT_WRITE_COLOR) != 0;
}

static int explained(const ct_writer *w) {
  return (w->flags & CT_WRITE_EXPLAIN) != 0;
}

/* ---- text ------------------------------------------------------------- */

/* The clause's labels comma-joined, or `none` when it has none. */
static ct_status add_labels(ct_writer *w, const ct_record *r,
                            const char *none, int color) {
  const ct_result *res = ct_report_result(r);
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  for (k = 0; k < n; k++) {
    if (!res->has[k]) continue;
    if ((written++ && ct_buf_addc(&w->buf, ',') != CT_OK) ||
        ct_report_add_label(&w->buf, w->rs, k, color) != CT_OK)
      return CT_ENOMEM;
  }
  return written ? CT_OK : ct_buf_adds(&w->buf, none);
}

/* Collapsed clause text has no line break or control character: it goes
** into the line as it is (ct_record_text_add). */
static ct_status text_clause(ct_writer *w, const ct_record *r) {
  ct_status st = CT_ENOMEM;
  if (ct_writer_where(w, r) == CT_OK &&
      add_labels(w, r, "-", colored(w)) == CT_OK &&
      ct_buf_add(&w->buf, ": ", 2) == CT_OK &&
      ct_record_text_add(&w->buf, r, 1) == CT_OK)
    st = ct_buf_addc(&w->buf, '\n');
  if (!explained(w) || st != CT_OK) return st;
  return ct_report_explain(w, &w->buf, r, colored(w));
}

/* ---- jsonl ------------------------------------------------------------ */

static ct_status json_labels(ct_writer *w, const ct_result *res) {
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  ct_buf *b = &w->buf;
  if (ct_buf_adds(b, ",\"labels\":[") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (res->has[k] && ((written++ && ct_buf_addc(b, ',') != CT_OK) ||
                        ct_json_cstr(b, ct_report_label(w, k)) != CT_OK))
      return CT_ENOMEM;
  return ct_buf_addc(b, ']');
}

/* Every label with a score other than zero, in declaration order. */
static ct_status json_scores(ct_writer *w, const ct_result *res) {
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  ct_buf *b = &w->buf;
  if (ct_buf_adds(b, ",\"scores\":{") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (res->scores[k] != 0 &&
        ((written++ && ct_buf_addc(b, ',') != CT_OK) ||
         ct_json_cstr(b, ct_report_label(w, k)) != CT_OK ||
         ct_buf_addc(b, ':') != CT_OK ||
         ct_json_number_cached(b, res->scores[k], ct_writer_nums(w)) != CT_OK))
      return CT_ENOMEM;
  return ct_buf_addc(b, '}');
}

static ct_status json_hit(ct_writer *w, const ct_record *r, const ct_hit *h) {
  ct_buf *b = &w->buf;
  size_t start, end;
  ct_text_source_span(r->text, h->start, h->end, &start, &end);
  ct_buf_clear(&w->tmp);
  if (ct_text_span_add(&w->tmp, r->text, h->start, h->end, 0) != CT_OK ||
      ct_buf_adds(b, "{\"rule\":") != CT_OK ||
      ct_json_cstr(b, ct_report_rule(w, h->rule)) != CT_OK ||
      ct_buf_adds(b, ",\"label\":") != CT_OK ||
      ct_json_cstr(b, ct_report_label(w, h->label)) != CT_OK ||
      ct_buf_adds(b, ",\"weight\":") != CT_OK ||
      ct_json_number_cached(b, h->weight, ct_writer_nums(w)) != CT_OK ||
      ct_buf_adds(b, ",\"match\":") != CT_OK ||
      ct_json_string(b, w->tmp.s, w->tmp.len) != CT_OK ||
      ct_buf_adds(b, ",\"start\":") != CT_OK || ct_buf_addu(b, start) != CT_OK ||
      ct_buf_adds(b, ",\"end\":") != CT_OK || ct_buf_addu(b, end) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '}');
}

static ct_status json_hits(ct_writer *w, const ct_record *r,
                           const ct_result *res) {
  size_t k;
  if (ct_buf_adds(&w->buf, ",\"hits\":[") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < res->nhits; k++)
    if ((k && ct_buf_addc(&w->buf, ',') != CT_OK) ||
        json_hit(w, r, &res->hits[k]) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_addc(&w->buf, ']');
}

static ct_status jsonl_clause(ct_writer *w, const ct_record *r) {
  const ct_result *res = ct_report_result(r);
  if (ct_record_json_clause(w, r, 0) != CT_OK ||
      json_labels(w, res) != CT_OK || json_scores(w, res) != CT_OK ||
      (explained(w) && json_hits(w, r, res) != CT_OK))
    return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "}\n");
}

/* ---- tsv -------------------------------------------------------------- */

static ct_status tsv_begin(ct_writer *w) {
  if (ct_buf_adds(&w->buf, (w->flags & CT_WRITE_PAGES)
                  ? "file\tclause\tpage\tline" : "file\tclause\tline") != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(&w->buf, explained(w)
                     ? "\tcol\tkind\tlabels\ttext\thits\n"
                     : "\tcol\tkind\tlabels\ttext\n");
}

/* rule=match;rule=match */
static ct_status tsv_hits(ct_writer *w, const ct_record *r,
                          const ct_result *res) {
  size_t k;
  ct_status st = ct_buf_addc(&w->buf, '\t');
  for (k = 0; st == CT_OK && k < res->nhits; k++) {
    const ct_hit *h = &res->hits[k];
    ct_buf_clear(&w->tmp);
    if ((k && ct_buf_addc(&w->buf, ';') != CT_OK) ||
        ct_buf_adds(&w->buf, ct_report_rule(w, h->rule)) != CT_OK ||
        ct_buf_addc(&w->buf, '=') != CT_OK ||
        ct_text_span_add(&w->tmp, r->text, h->start, h->end, 1) != CT_OK ||
        ct_tsv_field_n(&w->buf, w->tmp.s, w->tmp.len) != CT_OK)
      st = CT_ENOMEM;
  }
  return st;
}

static ct_status tsv_clause(ct_writer *w, const ct_record *r) {
  const ct_result *res = ct_report_result(r);
  if (ct_record_tsv_where(&w->buf, r, w->flags) != CT_OK ||
      add_labels(w, r, "", 0) != CT_OK || ct_buf_addc(&w->buf, '\t') != CT_OK ||
      ct_record_text_add(&w->buf, r, 1) != CT_OK ||
      (explained(w) && tsv_hits(w, r, res) != CT_OK))
    return CT_ENOMEM;
  return ct_buf_addc(&w->buf, '\n');
}

static const ct_format text_format = {"text", NULL, text_clause, NULL, NULL, NULL,
                                      CT_HITS_EXPLAIN};
static const ct_format jsonl_format = {"jsonl", NULL, jsonl_clause, NULL, NULL,
                                       NULL, CT_HITS_EXPLAIN};
static const ct_format tsv_format = {"tsv", tsv_begin, tsv_clause, NULL, NULL,
                                     NULL, CT_HITS_EXPLAIN};

const ct_format *const ct_classify_formats[] = {
  &text_format, &jsonl_format, &tsv_format,
  &ct_sarif_format, &ct_junit_format, &ct_html_format,
  &ct_summary_text.f, &ct_summary_tsv.f, NULL
};

const char *const ct_classify_format_names[] = {
  "text", "jsonl", "tsv", "sarif", "junit", "html", "summary",
  "summary-tsv", NULL
};
