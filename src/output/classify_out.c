/*
** classify_out.c -- the output formats of `clausetag classify`.
**
**   text   FILE:LINE:COL: LABELS: TEXT      grep-style; --explain adds
**              + RULE -> LABEL +W "MATCH" [START-END]   per hit, then
**              = LABEL +SCORE >= THRESHOLD, ...        (or <)
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
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "output/json.h"
#include "output/report.h"
#include "output/select.h"
#include "text/text.h"

/* ---- colours ---------------------------------------------------------- */

/* ANSI codes of ct_color_names, in the same order. */
static const char *const color_codes[CT_NCOLORS] = {
  "\033[31m", "\033[32m", "\033[33m", "\033[34m", "\033[35m", "\033[36m"
};

static const char *color_code(const ct_writer *w, size_t label) {
  return color_codes[ct_report_color(w, label)];
}

/* Appends a label's name, in its colour when `color` is on. */
static ct_status add_label(ct_writer *w, size_t label, int color) {
  if (!color) return ct_buf_adds(&w->buf, ct_report_label(w, label));
  return ct_buf_printf(&w->buf, "%s%s\033[0m", color_code(w, label),
                       ct_report_label(w, label));
}

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
        add_label(w, k, color) != CT_OK)
      return CT_ENOMEM;
  }
  return written ? CT_OK : ct_buf_adds(&w->buf, none);
}

/* A weight with its sign always shown: +1.0, -0.5. */
static ct_status add_signed(ct_writer *w, double v) {
  if (!(v < 0) && ct_buf_addc(&w->buf, '+') != CT_OK) return CT_ENOMEM;
  return ct_json_number_cached(&w->buf, v, ct_writer_nums(w));
}

/* A rule with neither words nor regex fired on the whole clause, because
** of its `when`, its context or its focus: repeating the clause would
** explain nothing, so the reason is named instead.  NULL otherwise (a
** vocabulary rule's hit is the term that counts most in its sum). */
static const char *judged_whole(const ct_writer *w, const ct_hit *h) {
  const ct_rule_info *ri = ct_ruleset_rule(w->rs, h->rule);
  if (ri == NULL || ri->words || ri->regex || ri->vocabulary) return NULL;
  if (ri->context != CT_CONTEXT_NONE) return ct_context_name(ri->context);
  return ri->focus ? "focus" : "when";
}

/* " (learned; declared +0.6)" after the weight a hit added, when the
** rule's weight was learned (weights {...}, clausetag train). */
static ct_status add_learned(ct_writer *w, const ct_rule_info *ri) {
  if (ri == NULL || !ri->learned) return CT_OK;
  if (ct_buf_adds(&w->buf, " (learned; declared ") != CT_OK ||
      add_signed(w, ri->declared) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(&w->buf, ')');
}

/* The matched text in quotes, collapsed (no line break or control
** character: it stays on the line), and its place: "words" [START-END]. */
static ct_status add_match(ct_writer *w, const ct_record *r,
                           const ct_hit *h) {
  ct_buf *b = &w->buf;
  size_t start, end;
  ct_text_source_span(r->text, h->start, h->end, &start, &end);
  if (ct_buf_add(b, " \"", 2) != CT_OK ||
      ct_text_span_add(b, r->text, h->start, h->end, 1) != CT_OK ||
      ct_buf_add(b, "\" [", 3) != CT_OK || ct_buf_addu(b, start) != CT_OK ||
      ct_buf_addc(b, '-') != CT_OK || ct_buf_addu(b, end) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_add(b, "]\n", 2);
}

static ct_status text_hit(ct_writer *w, const ct_record *r,
                          const ct_hit *h) {
  const char *whole = judged_whole(w, h);
  ct_buf *b = &w->buf;
  if (ct_buf_add(b, "    + ", 6) != CT_OK ||
      ct_buf_adds(b, ct_report_rule(w, h->rule)) != CT_OK ||
      ct_buf_add(b, " -> ", 4) != CT_OK ||
      add_label(w, h->label, colored(w)) != CT_OK || ct_buf_addc(b, ' ') != CT_OK ||
      add_signed(w, h->weight) != CT_OK ||
      add_learned(w, ct_ruleset_rule(w->rs, h->rule)) != CT_OK)
    return CT_ENOMEM;
  if (whole == NULL) return add_match(w, r, h);
  if (ct_buf_add(b, " (", 2) != CT_OK || ct_buf_adds(b, whole) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_add(b, ")\n", 2);
}

/* "    = security +1.5 >= 0.8, trade +0.3 < 0.7": every label the hits
** gave a score, against its threshold, so that the sum and the bar it
** had to reach (learned ones are rarely 1) explain the verdict; the
** labels given first, as the hits above. */
static ct_status text_scores(ct_writer *w, const ct_result *res) {
  size_t j, k, n = ct_ruleset_nlabels(w->rs), written = 0;
  ct_buf *b = &w->buf;
  for (j = 0; j < 2 * n; j++) {
    k = j % n;
    if (res->scores[k] == 0 || !res->has[k] != (j >= n)) continue;
    if (ct_buf_adds(b, written++ ? ", " : "    = ") != CT_OK ||
        add_label(w, k, colored(w)) != CT_OK || ct_buf_addc(b, ' ') != CT_OK ||
        add_signed(w, res->scores[k]) != CT_OK ||
        ct_buf_adds(b, res->has[k] ? " >= " : " < ") != CT_OK ||
        ct_json_number_cached(b, ct_ruleset_label(w->rs, k)->threshold,
                              ct_writer_nums(w)) != CT_OK)
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

/* res's hits in reading order, in w->order (a clause has tens of hits:
** insertion sort). */
static ct_status order_hits(ct_writer *w, const ct_result *res) {
  size_t i, j;
  if (res->nhits > w->order_cap) {
    size_t cap = res->nhits < 64 ? 64 : res->nhits;
    size_t *o = realloc(w->order, cap * sizeof *o);
    if (o == NULL) return CT_ENOMEM;
    w->order = o, w->order_cap = cap;
  }
  for (i = 0; i < res->nhits; i++) {
    for (j = i; j > 0 && read_before(res, i, w->order[j - 1]); j--)
      w->order[j] = w->order[j - 1];
    w->order[j] = i;
  }
  return CT_OK;
}

/* Collapsed clause text has no line break or control character: it goes
** into the line as it is (ct_record_text_add). */
static ct_status text_clause(ct_writer *w, const ct_record *r) {
  const ct_result *res = ct_report_result(r);
  ct_status st = CT_ENOMEM;
  size_t k;
  if (ct_writer_where(w, r) == CT_OK &&
      add_labels(w, r, "-", colored(w)) == CT_OK &&
      ct_buf_add(&w->buf, ": ", 2) == CT_OK &&
      ct_record_text_add(&w->buf, r, 1) == CT_OK)
    st = ct_buf_addc(&w->buf, '\n');
  if (!explained(w)) return st;
  if (st == CT_OK) st = order_hits(w, res);
  for (k = 0; st == CT_OK && k < res->nhits; k++)
    st = text_hit(w, r, &res->hits[w->order[k]]);
  return st == CT_OK ? text_scores(w, res) : st;
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

static const ct_format text_format = {"text", NULL, text_clause, NULL, NULL, NULL};
static const ct_format jsonl_format = {"jsonl", NULL, jsonl_clause, NULL, NULL, NULL};
static const ct_format tsv_format = {"tsv", tsv_begin, tsv_clause, NULL, NULL, NULL};

const ct_format *const ct_classify_formats[] = {
  &text_format, &jsonl_format, &tsv_format,
  &ct_sarif_format, &ct_junit_format, &ct_html_format,
  &ct_summary_text.f, &ct_summary_tsv.f, NULL
};

const char *const ct_classify_format_names[] = {
  "text", "jsonl", "tsv", "sarif", "junit", "html", "summary",
  "summary-tsv", NULL
};
