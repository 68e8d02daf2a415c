/*
** html_out.c -- `classify -f html`: one self-contained HTML report.
**
** Inline CSS, SVG and a few lines of JS; nothing is fetched, so the file
** can be mailed, archived as a CI artifact or opened from disk.  Each
** document is a <section> with its clauses in order; a clause shows one
** colour bar and one badge per label, and its rule hits in a <details>.
** The summary (legend with the label filter, the per-label bar chart,
** the policies) needs counts of the whole run, so it is written at the
** end and CSS `order` shows it on top: documents stream out as they come
** and memory holds only the counts.  No timestamps: the same input gives
** the same bytes.
*/
#include <stdlib.h>
#include <string.h>
#include "output/json.h"
#include "output/report.h"
#include "output/xml.h"

/* Screen colours of ct_color_names, in the same order. */
static const char *const color_hex[CT_NCOLORS] = {
  "#d1495b", "#2e9e5b", "#c9a000", "#3a6fd8", "#b04fb8", "#1f9fb0"
};

typedef struct html_state {
  size_t docs, clauses, labelled, violations;
  size_t counts[];          /* per label: clauses that have it */
} html_state;

static const char style[] =
  "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
  "margin:0;padding:0 1.5rem 2rem;color:#1d1f23;background:#fafafa}\n"
  "h1{font-size:1.4rem;margin:1rem 0 .5rem}\n"
  "h2{font-size:1.1rem;margin:0 0 .3rem;word-break:break-all}\n"
  "#report{display:flex;flex-direction:column;gap:1rem}\n"
  "#summary{order:-1;background:#fff;border:1px solid #ddd;"
  "border-radius:6px;padding:.8rem 1rem}\n"
  "#legend{display:flex;flex-wrap:wrap;gap:.4rem 1rem;margin:.4rem 0}\n"
  "#legend label{cursor:pointer;white-space:nowrap}\n"
  ".swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;"
  "background:var(--c);vertical-align:-.1em;margin:0 .3em}\n"
  ".n{color:#666}\n"
  "#chart text{font-size:13px;fill:#1d1f23}\n"
  ".doc{background:#fff;border:1px solid #ddd;border-radius:6px;"
  "padding:.8rem 1rem}\n"
  ".stats{color:#666;margin:0 0 .5rem}\n"
  ".violations{color:#a4161a;margin:.3rem 0 .6rem;padding-left:1.2rem}\n"
  ".clauses{list-style:none;margin:0;padding:0}\n"
  ".clause{display:flex;gap:.5rem;padding:.25rem 0;"
  "border-top:1px solid #f0f0f0}\n"
  ".clause[hidden]{display:none}\n"
  ".bars{display:flex;flex-direction:column;width:6px;flex:none}\n"
  ".bars i{flex:1;background:var(--c)}\n"
  ".clause.labelled{background:#f6f8ff}\n"
  ".clause.violated{background:#fff1f0}\n"
  ".k-heading .text{font-weight:600}\n"
  ".where{color:#888;font:12px ui-monospace,monospace;margin-right:.4em}\n"
  ".badge{display:inline-block;background:var(--c);color:#fff;"
  "border-radius:3px;padding:0 .35em;font-size:12px;margin-right:.3em}\n"
  ".flag{color:#a4161a;font-size:12px;margin-left:.4em}\n"
  ".hits{font-size:13px;color:#444}\n"
  ".hits summary{cursor:pointer;color:#666}\n"
  ".hits ul{margin:.2rem 0;padding-left:1.2rem}\n";

/* Shows only clauses with a checked label ("-": with none); all when
** nothing is checked. */
static const char script[] =
  "(function () {\n"
  "  var boxes = document.querySelectorAll('#legend input');\n"
  "  function apply() {\n"
  "    var on = [], shown = 0;\n"
  "    boxes.forEach(function (b) { if (b.checked) on.push(b.value); });\n"
  "    document.querySelectorAll('li.clause').forEach(function (c) {\n"
  "      var ls = c.getAttribute('data-labels');\n"
  "      var has = ls ? ls.split(' ') : ['-'];\n"
  "      c.hidden = on.length > 0 &&\n"
  "        !on.some(function (l) { return has.indexOf(l) >= 0; });\n"
  "      if (!c.hidden) shown++;\n"
  "    });\n"
  "    document.getElementById('shown').textContent = shown;\n"
  "  }\n"
  "  boxes.forEach(function (b) { b.addEventListener('change', apply); });\n"
  "})();\n";

/* ---- the page around the documents ------------------------------------ */

static ct_status html_begin(ct_writer *w) {
  size_t k, n = ct_ruleset_nlabels(w->rs);
  ct_buf *b = &w->buf;
  w->state = calloc(1, sizeof(html_state) + n * sizeof(size_t));
  if (w->state == NULL) return CT_ENOMEM;
  if (ct_buf_adds(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
                     "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
                     "content=\"width=device-width, initial-scale=1\">\n"
                     "<meta name=\"generator\" content=\"clausetag "
                     CT_VERSION "\">\n<title>clausetag report</title>\n"
                     "<style>\n") != CT_OK ||
      ct_buf_adds(b, style) != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (ct_buf_printf(b, ".l%zu{--c:%s}\n", k,
                      color_hex[ct_report_color(w, k)]) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_adds(b, "</style>\n</head>\n<body>\n<h1>clausetag report</h1>"
                        "\n<div id=\"report\">\n<main id=\"docs\">\n");
}

static ct_status legend_key(ct_writer *w, size_t k, size_t count) {
  const ct_label_info *li = ct_ruleset_label(w->rs, k);
  ct_buf *b = &w->buf;
  if (ct_buf_adds(b, "<label class=\"key\" title=\"") != CT_OK ||
      ct_xml_cstr(b, li->title ? li->title : li->name) != CT_OK ||
      ct_buf_printf(b, "\"><input type=\"checkbox\" value=\"%zu\">"
                       "<span class=\"swatch l%zu\"></span>", k, k) != CT_OK ||
      ct_xml_cstr(b, li->name) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_printf(b, " <span class=\"n\">%zu</span></label>\n", count);
}

static ct_status legend(ct_writer *w, const html_state *s) {
  size_t k, n = ct_ruleset_nlabels(w->rs);
  if (ct_buf_adds(&w->buf, "<div id=\"legend\">\n") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (legend_key(w, k, s->counts[k]) != CT_OK) return CT_ENOMEM;
  return ct_buf_printf(&w->buf, "<label class=\"key\" title=\"clauses with no "
                       "label\"><input type=\"checkbox\" value=\"-\">"
                       "<span class=\"swatch\" style=\"--c:#bbb\"></span>"
                       "unlabelled <span class=\"n\">%zu</span></label>\n"
                       "</div>\n", s->clauses - s->labelled);
}

/* Chart geometry, in SVG user units. */
#define BAR_H 20
#define BAR_STEP 28
#define BAR_X 150
#define BAR_MAX 300

static ct_status chart_bar(ct_writer *w, size_t k, size_t count, size_t max) {
  const char *name = ct_report_label(w, k);
  size_t y = 4 + k * BAR_STEP, width = max ? count * BAR_MAX / max : 0;
  ct_buf *b = &w->buf;
  if (count > 0 && width == 0) width = 1;
  if (ct_buf_adds(b, "<g class=\"bar\" data-label=\"") != CT_OK ||
      ct_xml_cstr(b, name) != CT_OK ||
      ct_buf_printf(b, "\" data-count=\"%zu\"><title>", count) != CT_OK ||
      ct_xml_cstr(b, name) != CT_OK ||
      ct_buf_printf(b, ": %zu clauses</title><text x=\"%d\" y=\"%zu\" "
                       "text-anchor=\"end\">", count, BAR_X - 8, y + 15)
          != CT_OK ||
      ct_xml_cstr(b, name) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_printf(b, "</text><rect x=\"%d\" y=\"%zu\" width=\"%zu\" "
                          "height=\"%d\" rx=\"2\" fill=\"%s\"/><text x=\"%zu\" "
                          "y=\"%zu\">%zu</text></g>\n", BAR_X, y, width, BAR_H,
                       color_hex[ct_report_color(w, k)], BAR_X + width + 6,
                       y + 15, count);
}

static ct_status chart(ct_writer *w, const html_state *s) {
  size_t k, n = ct_ruleset_nlabels(w->rs), max = 0;
  size_t width = BAR_X + BAR_MAX + 60, height = 8 + n * BAR_STEP;
  for (k = 0; k < n; k++)
    if (s->counts[k] > max) max = s->counts[k];
  if (ct_buf_printf(&w->buf, "<svg id=\"chart\" xmlns=\"http://www.w3.org/2000"
                    "/svg\" width=\"%zu\" height=\"%zu\" viewBox=\"0 0 %zu "
                    "%zu\" role=\"img\" aria-label=\"clauses per label\">\n",
                    width, height, width, height) != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (chart_bar(w, k, s->counts[k], max) != CT_OK) return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "</svg>\n");
}

static ct_status policies(ct_writer *w, const html_state *s) {
  ct_buf *b = &w->buf, name = {0};
  ct_status st = CT_OK;
  size_t k;
  if (w->npolicies == 0) return CT_OK;
  if (ct_buf_adds(b, "<p class=\"policies\">Policies:") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; st == CT_OK && k < w->npolicies; k++)
    if (ct_report_policy_first(w, k) == k) {
      ct_buf_clear(&name);
      if ((st = ct_report_policy(&name, &w->policies[k])) == CT_OK &&
          (st = ct_buf_adds(b, " <code>")) == CT_OK &&
          (st = ct_xml_string(b, name.s, name.len)) == CT_OK)
        st = ct_buf_adds(b, "</code>");
    }
  ct_buf_free(&name);
  if (st != CT_OK) return st;
  return ct_buf_printf(b, "; <b class=\"nviolations\">%zu</b> "
                          "violation%s</p>\n",
                       s->violations, s->violations == 1 ? "" : "s");
}

static ct_status html_end(ct_writer *w) {
  html_state *s = w->state;
  ct_status st = CT_ENOMEM;
  if (ct_buf_printf(&w->buf, "</main>\n<aside id=\"summary\">\n<p class=\""
                    "totals\"><b>%zu</b> document%s, <b>%zu</b> clauses, "
                    "<b>%zu</b> labelled; <span id=\"shown\">%zu</span> shown"
                    "</p>\n", s->docs, s->docs == 1 ? "" : "s", s->clauses,
                    s->labelled, s->clauses) == CT_OK &&
      legend(w, s) == CT_OK && chart(w, s) == CT_OK &&
      policies(w, s) == CT_OK &&
      ct_buf_adds(&w->buf, "</aside>\n</div>\n<script>\n") == CT_OK &&
      ct_buf_adds(&w->buf, script) == CT_OK)
    st = ct_buf_adds(&w->buf, "</script>\n</body>\n</html>\n");
  free(s);
  w->state = NULL;
  return st;
}

/* ---- documents -------------------------------------------------------- */

static size_t labelled_clauses(const ct_writer *w, const ct_record *r) {
  size_t k, n = 0;
  for (k = 0; k < r->nclauses; k++)
    n += ct_report_labelled(w, &r->doc->results[k]);
  return n;
}

static ct_status violation_item(ct_writer *w, size_t doc,
                                const ct_violation *v) {
  ct_buf *b = &w->buf;
  if (ct_buf_adds(b, "<li>") != CT_OK || ct_xml_cstr(b, v->message) != CT_OK)
    return CT_ENOMEM;
  if (v->clause > 0 &&
      ct_buf_printf(b, " (<a href=\"#d%zu-c%zu\">clause %zu</a>)", doc,
                    v->clause, v->clause) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "</li>\n");
}

static ct_status violation_list(ct_writer *w, const ct_record *r, size_t doc) {
  size_t k;
  if (r->doc->nviolations == 0) return CT_OK;
  if (ct_buf_adds(&w->buf, "<ul class=\"violations\">\n") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < r->doc->nviolations; k++)
    if (violation_item(w, doc, &r->doc->violations[k]) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "</ul>\n");
}

static ct_status html_doc_begin(ct_writer *w, const ct_record *r) {
  html_state *s = w->state;
  ct_buf *b = &w->buf;
  size_t doc = ++s->docs;
  s->violations += r->doc->nviolations;
  if (ct_buf_printf(b, "<section class=\"doc\" id=\"d%zu\">\n<h2>", doc)
          != CT_OK ||
      ct_xml_cstr(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_printf(b, "</h2>\n<p class=\"stats\">%zu clauses, %zu labelled, "
                       "%zu policy violation%s</p>\n", r->nclauses,
                    labelled_clauses(w, r), r->doc->nviolations,
                    r->doc->nviolations == 1 ? "" : "s") != CT_OK ||
      violation_list(w, r, doc) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "<ol class=\"clauses\">\n");
}

static ct_status html_doc_end(ct_writer *w, const ct_record *r) {
  (void)r;
  return ct_buf_adds(&w->buf, "</ol>\n</section>\n");
}

/* ---- clauses ---------------------------------------------------------- */

/* Does a policy name this clause?  Its messages then flag it. */
static int violated(const ct_record *r) {
  size_t k;
  for (k = 0; k < r->doc->nviolations; k++)
    if (r->doc->violations[k].clause == r->i + 1) return 1;
  return 0;
}

static ct_status clause_open(ct_writer *w, const ct_record *r,
                             const ct_result *res) {
  const ct_clause *c = ct_record_clause(r);
  const html_state *s = w->state;
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  size_t page = ct_text_page(r->text, c->start);   /* a PDF's */
  ct_buf *b = &w->buf;
  if (ct_buf_printf(b, "<li class=\"clause k-%s%s%s\" id=\"d%zu-c%zu\" "
                       "data-labels=\"", ct_kind_name(c->kind),
                    ct_report_labelled(w, res) ? " labelled" : "",
                    violated(r) ? " violated" : "", s->docs, c->index) != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (res->has[k] && ct_buf_printf(b, written++ ? " %zu" : "%zu", k) != CT_OK)
      return CT_ENOMEM;
  if (ct_buf_adds(b, "\"><span class=\"bars\">") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (res->has[k] && ct_buf_printf(b, "<i class=\"l%zu\"></i>", k) != CT_OK)
      return CT_ENOMEM;
  if (ct_buf_adds(b, "</span><div class=\"body\"><span class=\"where\">") !=
          CT_OK ||
      (page > 0 && ct_buf_printf(b, "p.%zu ", page) != CT_OK))
    return CT_ENOMEM;
  return ct_buf_printf(b, "%zu:%zu</span>", c->line, c->col);
}

static ct_status badge(ct_writer *w, size_t label) {
  if (ct_buf_printf(&w->buf, "<span class=\"badge l%zu\">", label) != CT_OK ||
      ct_xml_cstr(&w->buf, ct_report_label(w, label)) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "</span>");
}

static ct_status badges(ct_writer *w, const ct_result *res) {
  size_t k, n = ct_ruleset_nlabels(w->rs);
  for (k = 0; k < n; k++)
    if (res->has[k] && badge(w, k) != CT_OK) return CT_ENOMEM;
  return CT_OK;
}

static ct_status flags(ct_writer *w, const ct_record *r) {
  size_t k;
  for (k = 0; k < r->doc->nviolations; k++) {
    const ct_violation *v = &r->doc->violations[k];
    if (v->clause != r->i + 1) continue;
    if (ct_buf_adds(&w->buf, "<span class=\"flag\">") != CT_OK ||
        ct_xml_cstr(&w->buf, v->message) != CT_OK ||
        ct_buf_adds(&w->buf, "</span>") != CT_OK)
      return CT_ENOMEM;
  }
  return CT_OK;
}

static ct_status hit_item(ct_writer *w, const ct_record *r, const ct_hit *h) {
  char *match = ct_text_span(r->text, h->start, h->end, 1);
  ct_buf *b = &w->buf;
  ct_status st = CT_ENOMEM;
  if (match != NULL && ct_buf_adds(b, "<li class=\"hit\"><code>") == CT_OK &&
      ct_xml_cstr(b, ct_report_rule(w, h->rule)) == CT_OK &&
      ct_buf_adds(b, "</code> \xE2\x86\x92 ") == CT_OK &&
      badge(w, h->label) == CT_OK &&
      (!(h->weight >= 0) || ct_buf_addc(b, '+') == CT_OK) &&
      ct_json_number(b, h->weight) == CT_OK &&
      ct_buf_adds(b, " <q>") == CT_OK && ct_xml_cstr(b, match) == CT_OK)
    st = ct_buf_adds(b, "</q></li>");
  free(match);
  return st;
}

static ct_status hits(ct_writer *w, const ct_record *r, const ct_result *res) {
  size_t k;
  if (res->nhits == 0) return CT_OK;
  if (ct_buf_printf(&w->buf, "<details class=\"hits\"><summary>%zu rule "
                    "hit%s</summary><ul>", res->nhits,
                    res->nhits == 1 ? "" : "s") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < res->nhits; k++)
    if (hit_item(w, r, &res->hits[k]) != CT_OK) return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "</ul></details>");
}

static void count(html_state *s, const ct_writer *w, const ct_result *res) {
  size_t k, n = ct_ruleset_nlabels(w->rs);
  s->clauses++;
  s->labelled += ct_report_labelled(w, res);
  for (k = 0; k < n; k++) s->counts[k] += res->has[k];
}

static ct_status html_clause(ct_writer *w, const ct_record *r) {
  const ct_result *res = ct_report_result(r);
  char *text = ct_record_text(r, 1);
  ct_status st = CT_ENOMEM;
  count(w->state, w, res);
  if (text != NULL && clause_open(w, r, res) == CT_OK &&
      badges(w, res) == CT_OK &&
      ct_buf_adds(&w->buf, "<span class=\"text\">") == CT_OK &&
      ct_xml_cstr(&w->buf, text) == CT_OK &&
      ct_buf_adds(&w->buf, "</span>") == CT_OK && flags(w, r) == CT_OK &&
      hits(w, r, res) == CT_OK)
    st = ct_buf_adds(&w->buf, "</div></li>\n");
  free(text);
  return st;
}

const ct_format ct_html_format = {"html", html_begin, html_clause, html_end,
                                  html_doc_begin, html_doc_end};
