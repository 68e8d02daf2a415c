/*
** html_out.c -- `classify -f html`: one self-contained HTML report.
**
** Inline CSS, SVG and a few lines of JS; nothing is fetched, so the file
** can be mailed, archived as a CI artifact or opened from disk.  Each
** document is a <section> with its clauses in order; a clause shows one
** colour bar and one badge per label, the words that fired marked in its
** text, and its rule hits in a <details>.  A document opens with its
** counts per label and its policy violations, the same message grouped
** once with a link per clause (line:col, as the clauses show it).  The
** summary (contents, legend with the label filter, the per-label bar
** chart, which follows the filter, the policies) needs the whole run, so
** it is written at the end and CSS `order` shows it on top: documents
** stream out as they come and memory holds only counts and names.  No
** timestamps: the same input gives the same bytes.
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

/* A stretch of a clause to mark: the bytes that fired hit `hit`. */
typedef struct html_mark {
  size_t start, end, hit;
} html_mark;

typedef struct html_state {
  size_t docs, clauses, labelled, violations;
  ct_buf toc;               /* the contents' items, one per document */
  html_mark *marks;         /* scratch: a clause's hits to mark */
  size_t marks_cap;
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
  ".hits ul{margin:.2rem 0;padding-left:1.2rem}\n"
  "mark{background:none;border-bottom:2px solid var(--c);padding:0}\n"
  "mark.neg{border-bottom-style:dashed}\n"
  "#toc ol{margin:.3rem 0;padding-left:1.4rem;columns:2 20rem}\n"
  ".doclabels .badge{opacity:.9}\n"
  ".violations a{font:12px ui-monospace,monospace}\n";

/* Chart geometry, in SVG user units (the script redraws the bars). */
#define BAR_H 20
#define BAR_STEP 28
#define BAR_X 150
#define BAR_MAX 300
#define CT_STR_(x) #x
#define CT_STR(x) CT_STR_(x)

/* Shows only clauses with a checked label ("-": with none), all when
** nothing is checked, and redraws the chart for the clauses shown. */
static const char script[] =
  "(function () {\n"
  "  var BAR_X = " CT_STR(BAR_X) ", BAR_MAX = " CT_STR(BAR_MAX) ";\n"
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
  "    chart();\n"
  "  }\n"
  "  /* the chart counts the clauses shown */\n"
  "  function chart() {\n"
  "    var bars = document.querySelectorAll('#chart g.bar'), n = [], max = 0;\n"
  "    bars.forEach(function () { n.push(0); });\n"
  "    document.querySelectorAll('li.clause').forEach(function (c) {\n"
  "      var ls = c.getAttribute('data-labels');\n"
  "      if (c.hidden || !ls) return;\n"
  "      ls.split(' ').forEach(function (k) { n[+k]++; });\n"
  "    });\n"
  "    n.forEach(function (v) { if (v > max) max = v; });\n"
  "    bars.forEach(function (g, k) {\n"
  "      var w = max ? Math.max(n[k] ? 1 : 0, Math.floor(n[k] * BAR_MAX / max)) : 0;\n"
  "      g.setAttribute('data-shown', n[k]);\n"
  "      g.querySelector('rect').setAttribute('width', w);\n"
  "      var t = g.querySelectorAll('text')[1];\n"
  "      t.setAttribute('x', BAR_X + w + 6);\n"
  "      t.textContent = n[k];\n"
  "    });\n"
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
                      color_hex[ct_report_color(w->rs, k)]) != CT_OK)
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
                       color_hex[ct_report_color(w->rs, k)], BAR_X + width + 6,
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

/* The documents, linked; only when there are several. */
static ct_status toc(ct_writer *w, const html_state *s) {
  if (s->docs < 2) return CT_OK;
  if (ct_buf_adds(&w->buf, "<nav id=\"toc\"><ol>\n") != CT_OK ||
      ct_buf_add(&w->buf, s->toc.s, s->toc.len) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "</ol></nav>\n");
}

static ct_status html_end(ct_writer *w) {
  html_state *s = w->state;
  ct_status st = CT_ENOMEM;
  if (ct_buf_printf(&w->buf, "</main>\n<aside id=\"summary\">\n<p class=\""
                    "totals\"><b>%zu</b> document%s, <b>%zu</b> clauses, "
                    "<b>%zu</b> labelled; <span id=\"shown\">%zu</span> shown"
                    "</p>\n", s->docs, s->docs == 1 ? "" : "s", s->clauses,
                    s->labelled, s->clauses) == CT_OK &&
      toc(w, s) == CT_OK && legend(w, s) == CT_OK && chart(w, s) == CT_OK &&
      policies(w, s) == CT_OK &&
      ct_buf_adds(&w->buf, "</aside>\n</div>\n<script>\n") == CT_OK &&
      ct_buf_adds(&w->buf, script) == CT_OK)
    st = ct_buf_adds(&w->buf, "</script>\n</body>\n</html>\n");
  ct_buf_free(&s->toc);
  free(s->marks);
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

/* A clause's place as the report shows it: LINE:COL, "p.N " before it in
** a PDF. */
static ct_status place(ct_buf *b, const ct_text *t, const ct_clause *c) {
  size_t page = ct_text_page(t, c->start);
  if (page > 0 && ct_buf_printf(b, "p.%zu ", page) != CT_OK) return CT_ENOMEM;
  return ct_buf_printf(b, "%zu:%zu", c->line, c->col);
}

/* A link to clause `index` (1-based), shown as the clause shows its
** place. */
static ct_status clause_link(ct_writer *w, const ct_record *r, size_t doc,
                             size_t index) {
  const ct_clause *c = &r->clauses[index - 1];
  if (ct_buf_printf(&w->buf, "<a href=\"#d%zu-c%zu\">", doc, c->index)
          != CT_OK ||
      place(&w->buf, r->text, c) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "</a>");
}

/* Violation k, with every later one of the same message: once, with a
** link to each clause that broke it. */
static ct_status violation_item(ct_writer *w, const ct_record *r, size_t doc,
                                size_t k) {
  const ct_violation *v = r->doc->violations;
  size_t j, n = 0, nv = r->doc->nviolations;
  ct_buf *b = &w->buf;
  for (j = k; j < nv; j++) n += strcmp(v[j].message, v[k].message) == 0;
  if (ct_buf_adds(b, "<li>") != CT_OK || ct_xml_cstr(b, v[k].message) != CT_OK ||
      (n > 1 && ct_buf_printf(b, " <span class=\"n\">\xC3\x97%zu</span>", n)
                    != CT_OK))
    return CT_ENOMEM;
  for (j = k, n = 0; j < nv; j++)
    if (strcmp(v[j].message, v[k].message) == 0 && v[j].clause > 0 &&
        v[j].clause <= r->nclauses &&
        (ct_buf_adds(b, n++ ? ", " : " (") != CT_OK ||
         clause_link(w, r, doc, v[j].clause) != CT_OK))
      return CT_ENOMEM;
  return ct_buf_adds(b, n ? ")</li>\n" : "</li>\n");
}

static int seen_before(const ct_docinfo *d, size_t k) {
  size_t j;
  for (j = 0; j < k; j++)
    if (strcmp(d->violations[j].message, d->violations[k].message) == 0)
      return 1;
  return 0;
}

static ct_status violation_list(ct_writer *w, const ct_record *r, size_t doc) {
  size_t k;
  if (r->doc->nviolations == 0) return CT_OK;
  if (ct_buf_adds(&w->buf, "<ul class=\"violations\">\n") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < r->doc->nviolations; k++)
    if (!seen_before(r->doc, k) && violation_item(w, r, doc, k) != CT_OK)
      return CT_ENOMEM;
  return ct_buf_adds(&w->buf, "</ul>\n");
}

static ct_status badge(ct_writer *w, size_t label);

/* The document's clauses per label, as badges with counts (none: no
** paragraph). */
static ct_status doc_labels(ct_writer *w, const ct_record *r) {
  size_t k, i, n = ct_ruleset_nlabels(w->rs), shown = 0;
  for (k = 0; k < n; k++) {
    size_t count = 0;
    for (i = 0; i < r->nclauses; i++) count += r->doc->results[i].has[k];
    if (count == 0) continue;
    if ((shown++ == 0 && ct_buf_adds(&w->buf, "<p class=\"doclabels\">")
                             != CT_OK) ||
        badge(w, k) != CT_OK ||
        ct_buf_printf(&w->buf, "<span class=\"n\">%zu</span> ", count) != CT_OK)
      return CT_ENOMEM;
  }
  return shown ? ct_buf_adds(&w->buf, "</p>\n") : CT_OK;
}

static ct_status toc_item(html_state *s, const ct_record *r, size_t doc,
                          size_t labelled) {
  ct_buf *b = &s->toc;
  if (ct_buf_printf(b, "<li><a href=\"#d%zu\">", doc) != CT_OK ||
      ct_xml_cstr(b, ct_text_name(r->text)) != CT_OK)
    return CT_ENOMEM;
  if (ct_buf_printf(b, "</a> <span class=\"n\">%zu/%zu labelled", labelled,
                    r->nclauses) != CT_OK ||
      (r->doc->nviolations > 0 &&
       ct_buf_printf(b, ", %zu violation%s", r->doc->nviolations,
                     r->doc->nviolations == 1 ? "" : "s") != CT_OK))
    return CT_ENOMEM;
  return ct_buf_adds(b, "</span></li>\n");
}

static ct_status html_doc_begin(ct_writer *w, const ct_record *r) {
  html_state *s = w->state;
  ct_buf *b = &w->buf;
  size_t doc = ++s->docs, labelled = labelled_clauses(w, r);
  s->violations += r->doc->nviolations;
  if (toc_item(s, r, doc, labelled) != CT_OK ||
      ct_buf_printf(b, "<section class=\"doc\" id=\"d%zu\">\n<h2>", doc)
          != CT_OK ||
      ct_xml_cstr(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_printf(b, "</h2>\n<p class=\"stats\">%zu clauses, %zu labelled, "
                       "%zu policy violation%s</p>\n", r->nclauses,
                    labelled, r->doc->nviolations,
                    r->doc->nviolations == 1 ? "" : "s") != CT_OK ||
      doc_labels(w, r) != CT_OK || violation_list(w, r, doc) != CT_OK)
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
      place(b, r->text, c) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "</span>");
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

/* ---- the words that fired, marked in the text ------------------------ */

/* The bytes of a words or regex hit inside the clause; a `when`'s hit is
** the whole clause, a context rule's lies in another, and a vocabulary
** rule's is one term of the many it summed (often a common word). */
static int markable(const ct_writer *w, const ct_clause *c, const ct_hit *h) {
  const ct_rule_info *ri = ct_ruleset_rule(w->rs, h->rule);
  return (ri->words || ri->regex) && h->start < h->end &&
         h->start >= c->start && h->end <= c->end;
}

static int by_start(const void *a, const void *b) {
  const html_mark *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  return x->end > y->end ? -1 : x->end < y->end;     /* longest first */
}

/* The clause's hits to mark, in text order; their number. */
static size_t collect_marks(ct_writer *w, const ct_clause *c,
                            const ct_result *res, ct_status *st) {
  html_state *s = w->state;
  size_t k, n = 0;
  *st = CT_OK;
  if (res->nhits > s->marks_cap) {
    html_mark *m = realloc(s->marks, res->nhits * sizeof *m);
    if (m == NULL) { *st = CT_ENOMEM; return 0; }
    s->marks = m;
    s->marks_cap = res->nhits;
  }
  for (k = 0; k < res->nhits; k++)
    if (markable(w, c, &res->hits[k])) {
      s->marks[n].start = res->hits[k].start;
      s->marks[n].end = res->hits[k].end;
      s->marks[n++].hit = k;
    }
  if (n > 1) qsort(s->marks, n, sizeof *s->marks, by_start);
  return n;
}

static int space_at(const ct_text *t, size_t off) {
  unsigned char c = (unsigned char)ct_text_data(t)[off];
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

/* Bytes [a, b) of the clause as its text shows them, into `plain` (and
** escaped into `html`): collapsed, with the one space that stood at either
** end when [a, b) is not at the clause's own end. */
static ct_status piece(const ct_record *r, size_t a, size_t b, ct_buf *plain,
                       ct_buf *html) {
  const ct_clause *c = ct_record_clause(r);
  ct_clause sub = *c;
  size_t from = plain->len;
  char *t;
  ct_status st = CT_OK;
  int lead, trail;
  if (a >= b) return CT_OK;
  lead = a > c->start && space_at(r->text, a);
  trail = b < c->end && space_at(r->text, b - 1);
  sub.start = a;
  sub.end = b;
  if ((t = ct_clause_text(r->text, &sub, 1)) == NULL) return CT_ENOMEM;
  if (lead || (trail && t[0] == '\0')) st = ct_buf_addc(plain, ' ');
  if (st == CT_OK && t[0] != '\0') st = ct_buf_adds(plain, t);
  if (st == CT_OK && trail && t[0] != '\0') st = ct_buf_addc(plain, ' ');
  free(t);
  if (st != CT_OK) return st;
  return ct_xml_string(html, plain->s + from, plain->len - from);
}

static ct_status mark_open(ct_writer *w, const ct_hit *h, ct_buf *html) {
  if (ct_buf_printf(html, "<mark class=\"l%zu%s\" title=\"", h->label,
                    h->weight < 0 ? " neg" : "") != CT_OK ||
      ct_xml_cstr(html, ct_report_rule(w, h->rule)) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(html, "\">");
}

/* The clause's text with <mark> around the words that fired, into html;
** `plain` gets the same text unmarked, to check it against the clause's. */
static ct_status marked(ct_writer *w, const ct_record *r, const ct_result *res,
                        ct_buf *plain, ct_buf *html) {
  const ct_clause *c = ct_record_clause(r);
  ct_status st;
  size_t k, n = collect_marks(w, c, res, &st), pos = c->start;
  for (k = 0; st == CT_OK && k < n; k++) {
    const html_mark *m = &((html_state *)w->state)->marks[k];
    if (m->start < pos) continue;                 /* inside a longer one */
    if ((st = piece(r, pos, m->start, plain, html)) == CT_OK &&
        (st = mark_open(w, &res->hits[m->hit], html)) == CT_OK &&
        (st = piece(r, m->start, m->end, plain, html)) == CT_OK)
      st = ct_buf_adds(html, "</mark>");
    pos = m->end;
  }
  if (st == CT_OK) st = piece(r, pos, c->end, plain, html);
  return st;
}

/* The text, marked when the pieces give back the clause's text exactly
** (Markdown structure cut in two by a piece would not), else plain. */
static ct_status clause_text(ct_writer *w, const ct_record *r,
                             const ct_result *res, const char *text) {
  ct_buf plain = {0}, html = {0};
  ct_status st = marked(w, r, res, &plain, &html);
  if (st == CT_OK && plain.len == strlen(text) &&
      memcmp(plain.s ? plain.s : "", text, plain.len) == 0)
    st = ct_buf_add(&w->buf, html.s ? html.s : "", html.len);
  else if (st == CT_OK)
    st = ct_xml_cstr(&w->buf, text);
  ct_buf_free(&plain);
  ct_buf_free(&html);
  return st;
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
      clause_text(w, r, res, text) == CT_OK &&
      ct_buf_adds(&w->buf, "</span>") == CT_OK && flags(w, r) == CT_OK &&
      hits(w, r, res) == CT_OK)
    st = ct_buf_adds(&w->buf, "</div></li>\n");
  free(text);
  return st;
}

const ct_format ct_html_format = {"html", html_begin, html_clause, html_end,
                                  html_doc_begin, html_doc_end, CT_HITS_ALL};
