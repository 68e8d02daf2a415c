/*
** report.c -- the text, jsonl and html formats of `clausetag diff`
** (report.h).
**
** Counts are made once (per label and status) and every format walks
** the alignment in document order.  Clause text is the collapsed text the
** alignment compared (text, html) or the exact span (jsonl, as classify's
** jsonl), escaped by the escapers every other format uses.
*/
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "diff/report.h"
#include "text/utf8.h"
#include "output/json.h"
#include "output/report.h"
#include "output/writer.h"
#include "output/xml.h"

static const char *const status_names[CT_DIFF_NSTATUS] = {
  "new", "dropped", "changed", "unchanged"
};

/* Text lines start with these, as diff(1)'s do; = for unchanged. */
static const char status_mark[CT_DIFF_NSTATUS] = {'+', '-', '~', '='};

const char *ct_diff_status_name(ct_diff_status s) {
  return s < CT_DIFF_NSTATUS ? status_names[s] : "?";
}

/* ---- statuses and sections -------------------------------------------- */

static size_t nlabels(const ct_diff *d) {
  return ct_ruleset_nlabels(d->rs);
}

/* Does clause i of doc have label k? */
static int has(const ct_diff_doc *doc, size_t i, size_t k) {
  return i != CT_ALIGN_NONE && doc->results[i].has[k];
}

static int any_label(const ct_diff *d, const ct_diff_doc *doc, size_t i) {
  size_t k;
  for (k = 0; k < nlabels(d); k++)
    if (has(doc, i, k)) return 1;
  return 0;
}

static int same_labels(const ct_diff *d, size_t a, size_t b) {
  size_t k;
  for (k = 0; k < nlabels(d); k++)
    if (has(&d->old_doc, a, k) != has(&d->new_doc, b, k)) return 0;
  return 1;
}

ct_diff_status ct_diff_step_status(const ct_diff *d, size_t k) {
  const ct_align_pair *p = &d->steps[k];
  if (p->a == CT_ALIGN_NONE) return CT_DIFF_NEW;
  if (p->b == CT_ALIGN_NONE) return CT_DIFF_DROPPED;
  if (strcmp(d->old_doc.texts[p->a], d->new_doc.texts[p->b]) == 0 &&
      same_labels(d, p->a, p->b))
    return CT_DIFF_UNCHANGED;
  return CT_DIFF_CHANGED;
}

size_t ct_diff_differences(const ct_diff *d) {
  size_t k, n = 0;
  for (k = 0; k < d->nsteps; k++)
    n += ct_diff_step_status(d, k) != CT_DIFF_UNCHANGED;
  return n;
}

/* Is step k in section `sec` (a label, or nlabels: no label)? */
static int in_section(const ct_diff *d, size_t k, size_t sec) {
  const ct_align_pair *p = &d->steps[k];
  if (sec < nlabels(d))
    return has(&d->old_doc, p->a, sec) || has(&d->new_doc, p->b, sec);
  return !any_label(d, &d->old_doc, p->a) &&
         !any_label(d, &d->new_doc, p->b);
}

/* counts[sec * CT_DIFF_NSTATUS + status] for every section, and the
** totals after them; malloc'ed, NULL when out of memory. */
static size_t *count_all(const ct_diff *d) {
  size_t nsec = nlabels(d) + 1, k, sec;
  size_t *c = calloc((nsec + 1) * CT_DIFF_NSTATUS, sizeof *c);
  if (c == NULL) return NULL;
  for (k = 0; k < d->nsteps; k++) {
    ct_diff_status s = ct_diff_step_status(d, k);
    c[nsec * CT_DIFF_NSTATUS + s]++;
    for (sec = 0; sec < nsec; sec++)
      if (in_section(d, k, sec)) c[sec * CT_DIFF_NSTATUS + s]++;
  }
  return c;
}

static size_t section_total(const size_t *c) {
  return c[0] + c[1] + c[2] + c[3];
}

static const char *section_name(const ct_diff *d, size_t sec) {
  return sec < nlabels(d) ? ct_ruleset_label(d->rs, sec)->name
                          : "(no label)";
}

/* "3 new, 1 dropped, 2 changed, 5 unchanged" */
static ct_status counts_add(ct_buf *b, const size_t *c) {
  return ct_buf_printf(b, "%zu new, %zu dropped, %zu changed, %zu unchanged",
                       c[CT_DIFF_NEW], c[CT_DIFF_DROPPED], c[CT_DIFF_CHANGED],
                       c[CT_DIFF_UNCHANGED]);
}

/* ---- pieces the formats share ----------------------------------------- */

/* "LINE:COL", for a PDF "page=N:LINE:COL". */
static ct_status place_add(ct_buf *b, const ct_diff_doc *doc, size_t i) {
  const ct_clause *c = &doc->clauses[i];
  size_t line, col, page = ct_text_page(doc->text, c->start);
  ct_text_linecol(doc->text, c->start, &line, &col);
  if (page && ct_buf_printf(b, "page=%zu:", page) != CT_OK) return CT_ENOMEM;
  return ct_buf_printf(b, "%zu:%zu", line, col);
}

/* The labels joined by commas, or "-", as classify's text shows them. */
static ct_status labels_add(ct_buf *b, const ct_diff *d,
                            const ct_diff_doc *doc, size_t i) {
  size_t k;
  int first = 1;
  for (k = 0; k < nlabels(d); k++) {
    if (!has(doc, i, k)) continue;
    if ((!first && ct_buf_addc(b, ',') != CT_OK) ||
        ct_buf_adds(b, ct_ruleset_label(d->rs, k)->name) != CT_OK)
      return CT_ENOMEM;
    first = 0;
  }
  return first ? ct_buf_addc(b, '-') : CT_OK;
}

/* The similarity as shown: three decimals at most. */
static double shown_similarity(double v) {
  return floor(v * 1000.0 + 0.5) / 1000.0;
}

/* ---- text ------------------------------------------------------------- */

static ct_status text_head(ct_buf *b, const ct_diff *d, const size_t *tot) {
  if (ct_buf_adds(b, "--- ") != CT_OK ||
      ct_tsv_field(b, d->old_doc.name) != CT_OK ||
      ct_buf_printf(b, " (%zu clauses)\n+++ ", d->old_doc.n) != CT_OK ||
      ct_tsv_field(b, d->new_doc.name) != CT_OK ||
      ct_buf_printf(b, " (%zu clauses)\n", d->new_doc.n) != CT_OK ||
      counts_add(b, tot) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '\n');
}

/* One step: its mark, places, labels and text(s). */
static ct_status text_step(ct_buf *b, const ct_diff *d, size_t k,
                           ct_diff_status s) {
  const ct_align_pair *p = &d->steps[k];
  const ct_diff_doc *od = &d->old_doc, *nd = &d->new_doc;
  ct_status e = ct_buf_addc(b, status_mark[s]);
  e = e ? e : ct_buf_addc(b, ' ');
  if (s == CT_DIFF_NEW || s == CT_DIFF_DROPPED) {
    const ct_diff_doc *doc = s == CT_DIFF_NEW ? nd : od;
    size_t i = s == CT_DIFF_NEW ? p->b : p->a;
    e = e ? e : place_add(b, doc, i);
    e = e ? e : ct_buf_adds(b, ": ");
    e = e ? e : labels_add(b, d, doc, i);
    e = e ? e : ct_buf_adds(b, ": ");
    e = e ? e : ct_buf_adds(b, doc->texts[i]);
    return e ? e : ct_buf_addc(b, '\n');
  }
  e = e ? e : place_add(b, od, p->a);
  e = e ? e : ct_buf_adds(b, " -> ");
  e = e ? e : place_add(b, nd, p->b);
  e = e ? e : ct_buf_adds(b, ": ");
  e = e ? e : labels_add(b, d, od, p->a);
  if (!same_labels(d, p->a, p->b)) {
    e = e ? e : ct_buf_adds(b, " -> ");
    e = e ? e : labels_add(b, d, nd, p->b);
  }
  if (s == CT_DIFF_UNCHANGED) {
    e = e ? e : ct_buf_adds(b, ": ");
    e = e ? e : ct_buf_adds(b, nd->texts[p->b]);
    return e ? e : ct_buf_addc(b, '\n');
  }
  e = e ? e : ct_buf_printf(b, " (similarity %.2f)\n",
                            shown_similarity(p->similarity));
  if (strcmp(od->texts[p->a], nd->texts[p->b]) == 0) {
    e = e ? e : ct_buf_adds(b, "  = ");
    e = e ? e : ct_buf_adds(b, nd->texts[p->b]);
    return e ? e : ct_buf_addc(b, '\n');
  }
  e = e ? e : ct_buf_adds(b, "  - ");
  e = e ? e : ct_buf_adds(b, od->texts[p->a]);
  e = e ? e : ct_buf_adds(b, "\n  + ");
  e = e ? e : ct_buf_adds(b, nd->texts[p->b]);
  return e ? e : ct_buf_addc(b, '\n');
}

ct_status ct_diff_text(ct_buf *b, const ct_diff *d, unsigned flags) {
  size_t nsec = nlabels(d) + 1, sec, k;
  size_t *c = count_all(d);
  ct_status e = c ? text_head(b, d, c + nsec * CT_DIFF_NSTATUS) : CT_ENOMEM;
  for (sec = 0; e == CT_OK && sec < nsec; sec++) {
    const size_t *sc = c + sec * CT_DIFF_NSTATUS;
    if (section_total(sc) == 0) continue;   /* a label neither side has */
    e = ct_buf_printf(b, "\n%s: ", section_name(d, sec));
    e = e ? e : counts_add(b, sc);
    e = e ? e : ct_buf_addc(b, '\n');
    for (k = 0; e == CT_OK && k < d->nsteps; k++) {
      ct_diff_status s;
      if (!in_section(d, k, sec)) continue;
      s = ct_diff_step_status(d, k);
      if (s == CT_DIFF_UNCHANGED && !(flags & CT_DIFF_LIST_UNCHANGED))
        continue;
      e = text_step(b, d, k, s);
    }
  }
  free(c);
  return e;
}

/* ---- jsonl ------------------------------------------------------------ */

static ct_status json_labels(ct_buf *b, const ct_diff *d,
                             const ct_diff_doc *doc, size_t i) {
  size_t k;
  int first = 1;
  if (ct_buf_addc(b, '[') != CT_OK) return CT_ENOMEM;
  for (k = 0; k < nlabels(d); k++) {
    if (!has(doc, i, k)) continue;
    if ((!first && ct_buf_addc(b, ',') != CT_OK) ||
        ct_json_cstr(b, ct_ruleset_label(d->rs, k)->name) != CT_OK)
      return CT_ENOMEM;
    first = 0;
  }
  return ct_buf_addc(b, ']');
}

/* The labels one side has and the other has not: added (in new, not in
** old) or removed. */
static ct_status json_moved(ct_buf *b, const ct_diff *d,
                            const ct_align_pair *p, int added) {
  size_t k;
  int first = 1;
  if (ct_buf_addc(b, '[') != CT_OK) return CT_ENOMEM;
  for (k = 0; k < nlabels(d); k++) {
    int o = has(&d->old_doc, p->a, k), n = has(&d->new_doc, p->b, k);
    if (added ? !(n && !o) : !(o && !n)) continue;
    if ((!first && ct_buf_addc(b, ',') != CT_OK) ||
        ct_json_cstr(b, ct_ruleset_label(d->rs, k)->name) != CT_OK)
      return CT_ENOMEM;
    first = 0;
  }
  return ct_buf_addc(b, ']');
}

/* {"file":..,"clause":N,"line":L,"col":C[,"page":P],"kind":..,
**  "labels":[..],"text":..} or null. */
static ct_status json_side(ct_buf *b, const ct_diff *d,
                           const ct_diff_doc *doc, size_t i) {
  const ct_clause *c;
  size_t line, col, page;
  char *text;
  ct_status e;
  if (i == CT_ALIGN_NONE) return ct_buf_adds(b, "null");
  c = &doc->clauses[i];
  ct_text_linecol(doc->text, c->start, &line, &col);
  page = ct_text_page(doc->text, c->start);
  e = ct_buf_adds(b, "{\"file\":");
  e = e ? e : ct_json_cstr(b, doc->name);
  e = e ? e : ct_buf_printf(b, ",\"clause\":%zu,\"line\":%zu,\"col\":%zu",
                            c->index, line, col);
  if (page) e = e ? e : ct_buf_printf(b, ",\"page\":%zu", page);
  e = e ? e : ct_buf_printf(b, ",\"kind\":\"%s\",\"labels\":",
                            ct_kind_name(c->kind));
  e = e ? e : json_labels(b, d, doc, i);
  e = e ? e : ct_buf_adds(b, ",\"text\":");
  if (e != CT_OK) return e;
  if ((text = ct_clause_text(doc->text, c, 0)) == NULL) return CT_ENOMEM;
  e = ct_json_cstr(b, text);
  free(text);
  return e ? e : ct_buf_addc(b, '}');
}

ct_status ct_diff_jsonl(ct_buf *b, const ct_diff *d) {
  size_t k;
  ct_status e = CT_OK;
  for (k = 0; e == CT_OK && k < d->nsteps; k++) {
    const ct_align_pair *p = &d->steps[k];
    ct_diff_status s = ct_diff_step_status(d, k);
    e = ct_buf_printf(b, "{\"status\":\"%s\",\"similarity\":",
                      status_names[s]);
    if (s == CT_DIFF_NEW || s == CT_DIFF_DROPPED)
      e = e ? e : ct_buf_adds(b, "null");
    else
      e = e ? e : ct_json_number(b, shown_similarity(p->similarity));
    e = e ? e : ct_buf_adds(b, ",\"old\":");
    e = e ? e : json_side(b, d, &d->old_doc, p->a);
    e = e ? e : ct_buf_adds(b, ",\"new\":");
    e = e ? e : json_side(b, d, &d->new_doc, p->b);
    e = e ? e : ct_buf_adds(b, ",\"labels_added\":");
    e = e ? e : json_moved(b, d, p, 1);
    e = e ? e : ct_buf_adds(b, ",\"labels_removed\":");
    e = e ? e : json_moved(b, d, p, 0);
    e = e ? e : ct_buf_adds(b, "}\n");
  }
  return e;
}

/* ---- html ------------------------------------------------------------- */

/* Screen colours of ct_color_names, as the classify report has them. */
static const char *const color_hex[CT_NCOLORS] = {
  "#d1495b", "#2e9e5b", "#c9a000", "#3a6fd8", "#b04fb8", "#1f9fb0"
};

static const char style[] =
  "body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;"
  "margin:0;padding:0 1.5rem 2rem;color:#1d1f23;background:#fafafa}\n"
  "h1{font-size:1.4rem;margin:1rem 0 .5rem}\n"
  "h2{font-size:1.1rem;margin:0 0 .3rem}\n"
  ".files,.totals{margin:.2rem 0}\n"
  ".files code{word-break:break-all}\n"
  "#filter{margin:.5rem 0}\n#filter label{margin-right:1rem;cursor:pointer}\n"
  "#toc ul{list-style:none;padding:0;margin:.3rem 0 1rem;"
  "display:flex;flex-wrap:wrap;gap:.3rem 1.2rem}\n"
  ".swatch{display:inline-block;width:.9em;height:.9em;border-radius:2px;"
  "background:var(--c);vertical-align:-.1em;margin-right:.3em}\n"
  ".n,.title{color:#666;font-weight:normal}\n"
  "section.label{background:#fff;border:1px solid #ddd;border-radius:6px;"
  "padding:.8rem 1rem;margin:0 0 1rem}\n"
  ".steps{list-style:none;margin:0;padding:0}\n"
  ".step{padding:.3rem 0 .3rem .5rem;border-top:1px solid #f0f0f0;"
  "border-left:4px solid #ccc}\n"
  ".step[hidden]{display:none}\n"
  ".s-new{border-left-color:#2e9e5b}\n.s-dropped{border-left-color:#d1495b}\n"
  ".s-changed{border-left-color:#c9a000}\n"
  ".st{font:12px ui-monospace,monospace;text-transform:uppercase;"
  "margin-right:.4em}\n"
  ".where,.sim{color:#888;font:12px ui-monospace,monospace;"
  "margin-right:.4em}\n"
  ".badge{display:inline-block;background:var(--c);color:#fff;"
  "border-radius:3px;padding:0 .35em;font-size:12px;margin-right:.3em}\n"
  ".badge.none{background:#999}\n"
  ".text{margin:.15rem 0}\n"
  ".text.old{background:#fff1f0}\n.text.new{background:#f0fff4}\n"
  ".text.old mark{background:#ffc9c4;text-decoration:line-through}\n"
  ".text.new mark{background:#b8f0c8}\n"
  ".text.old::before{content:'\\2212  ';color:#a4161a}\n"
  ".text.new::before{content:'+  ';color:#1b7a3d}\n";

/* Shows the steps whose status is checked. */
static const char script[] =
  "(function () {\n"
  "  var boxes = document.querySelectorAll('#filter input');\n"
  "  function apply() {\n"
  "    var on = {}, shown = 0;\n"
  "    boxes.forEach(function (b) { on[b.value] = b.checked; });\n"
  "    document.querySelectorAll('li.step').forEach(function (s) {\n"
  "      s.hidden = !on[s.getAttribute('data-status')];\n"
  "      if (!s.hidden) shown++;\n"
  "    });\n"
  "    document.getElementById('shown').textContent = shown;\n"
  "  }\n"
  "  boxes.forEach(function (b) { b.addEventListener('change', apply); });\n"
  "  apply();\n"
  "})();\n";

static ct_status html_head(ct_buf *b, const ct_diff *d, const size_t *tot) {
  size_t k;
  ct_status e = ct_buf_adds(
      b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
         "\n<meta name=\"viewport\" content=\"width=device-width, "
         "initial-scale=1\">\n<meta name=\"generator\" content=\"clausetag "
         CT_VERSION "\">\n<title>clausetag diff: ");
  e = e ? e : ct_xml_cstr(b, d->old_doc.name);
  e = e ? e : ct_buf_adds(b, " \xe2\x86\x92 ");
  e = e ? e : ct_xml_cstr(b, d->new_doc.name);
  e = e ? e : ct_buf_adds(b, "</title>\n<style>\n");
  e = e ? e : ct_buf_adds(b, style);
  for (k = 0; e == CT_OK && k < nlabels(d); k++)
    e = ct_buf_printf(b, ".l%zu{--c:%s}\n", k, color_hex[ct_report_color(d->rs, k)]);
  e = e ? e : ct_buf_adds(b, "</style>\n</head>\n<body>\n"
                             "<h1>clausetag diff</h1>\n<p class=\"files\">"
                             "old: <code id=\"old\">");
  e = e ? e : ct_xml_cstr(b, d->old_doc.name);
  e = e ? e : ct_buf_printf(b, "</code> (%zu clauses), new: <code "
                               "id=\"new\">", d->old_doc.n);
  e = e ? e : ct_xml_cstr(b, d->new_doc.name);
  e = e ? e : ct_buf_printf(b, "</code> (%zu clauses)</p>\n<p class=\"totals\""
                               " id=\"totals\">", d->new_doc.n);
  e = e ? e : counts_add(b, tot);
  return e ? e : ct_buf_adds(b, "</p>\n");
}

static ct_status html_filter(ct_buf *b, const size_t *tot) {
  size_t s;
  ct_status e = ct_buf_adds(b, "<div id=\"filter\">show:\n");
  for (s = 0; e == CT_OK && s < CT_DIFF_NSTATUS; s++)
    e = ct_buf_printf(b, "<label><input type=\"checkbox\" value=\"%s\"%s> "
                         "%s <span class=\"n\">%zu</span></label>\n",
                      status_names[s],
                      s == CT_DIFF_UNCHANGED ? "" : " checked",
                      status_names[s], tot[s]);
  return e ? e : ct_buf_adds(b, "(<span id=\"shown\"></span> shown)</div>\n");
}

static ct_status html_swatch(ct_buf *b, const ct_diff *d, size_t sec) {
  if (sec < nlabels(d))
    return ct_buf_printf(b, "<span class=\"swatch l%zu\"></span>", sec);
  return ct_buf_adds(b, "<span class=\"swatch\" style=\"--c:#999\"></span>");
}

static ct_status html_section_id(ct_buf *b, const ct_diff *d, size_t sec) {
  if (sec < nlabels(d)) return ct_buf_printf(b, "l-%zu", sec);
  return ct_buf_adds(b, "l-none");
}

static ct_status html_toc(ct_buf *b, const ct_diff *d, const size_t *c) {
  size_t sec, nsec = nlabels(d) + 1;
  ct_status e = ct_buf_adds(b, "<nav id=\"toc\"><ul>\n");
  for (sec = 0; e == CT_OK && sec < nsec; sec++) {
    const size_t *sc = c + sec * CT_DIFF_NSTATUS;
    if (section_total(sc) == 0) continue;
    e = ct_buf_adds(b, "<li><a href=\"#");
    e = e ? e : html_section_id(b, d, sec);
    e = e ? e : ct_buf_adds(b, "\">");
    e = e ? e : html_swatch(b, d, sec);
    e = e ? e : ct_xml_cstr(b, section_name(d, sec));
    e = e ? e : ct_buf_adds(b, "</a> <span class=\"n\">");
    e = e ? e : counts_add(b, sc);
    e = e ? e : ct_buf_adds(b, "</span></li>\n");
  }
  return e ? e : ct_buf_adds(b, "</ul></nav>\n");
}

static ct_status html_badges(ct_buf *b, const ct_diff *d,
                             const ct_diff_doc *doc, size_t i) {
  size_t k;
  ct_status e = CT_OK;
  int any = 0;
  for (k = 0; e == CT_OK && k < nlabels(d); k++) {
    if (!has(doc, i, k)) continue;
    e = ct_buf_printf(b, "<span class=\"badge l%zu\">", k);
    e = e ? e : ct_xml_cstr(b, ct_ruleset_label(d->rs, k)->name);
    e = e ? e : ct_buf_adds(b, "</span>");
    any = 1;
  }
  if (e == CT_OK && !any)
    e = ct_buf_adds(b, "<span class=\"badge none\">no label</span>");
  return e;
}

static ct_status html_where(ct_buf *b, const char *cls,
                            const ct_diff_doc *doc, size_t i) {
  ct_status e = ct_buf_printf(b, "<span class=\"where %s\">", cls);
  e = e ? e : place_add(b, doc, i);
  return e ? e : ct_buf_adds(b, "</span>");
}

static ct_status html_text(ct_buf *b, const char *cls, const char *text) {
  ct_status e = ct_buf_printf(b, "<div class=\"text %s\">", cls);
  e = e ? e : ct_xml_cstr(b, text);
  return e ? e : ct_buf_adds(b, "</div>");
}

/* ---- the words that changed, marked ----------------------------------- */

/* The word at s[i..) (letters, digits, marks), its length; 0 when s[i]
** starts none. */
static size_t word_at(const char *s, size_t i, size_t n) {
  size_t j = i;
  while (j < n) {
    int32_t cp;
    size_t len = ct_utf8_decode((const unsigned char *)s + j, n - j, &cp);
    if (cp < 0 || !(ct_cp_isalnum(cp) || ct_cp_ismark(cp))) break;
    j += len;
  }
  return j - i;
}

static size_t char_len(const char *s, size_t i, size_t n) {
  int32_t cp;
  return ct_utf8_decode((const unsigned char *)s + i, n - i, &cp);
}

/* The hash of a word as rules match it (NFKC + case fold); 0 when out of
** memory, which marks nothing. */
static uint64_t word_hash(const char *w, size_t len) {
  char *f = ct_fold(w, len);
  uint64_t h = 1469598103934665603ULL;
  const unsigned char *p;
  if (f == NULL) return 0;
  for (p = (const unsigned char *)f; *p; p++) h = (h ^ *p) * 1099511628211ULL;
  free(f);
  return h;
}

static int cmp_hash(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

/* The sorted hashes of the words of s; NULL (and *n 0) when out of
** memory. */
static uint64_t *word_set(const char *s, size_t *n) {
  size_t len = strlen(s), i = 0, k = 0;
  uint64_t *v = malloc((len / 2 + 1) * sizeof *v);
  *n = 0;
  if (v == NULL) return NULL;
  while (i < len) {
    size_t w = word_at(s, i, len);
    if (w > 0) v[k++] = word_hash(s + i, w), i += w;
    else i += char_len(s, i, len);
  }
  qsort(v, k, sizeof *v, cmp_hash);
  *n = k;
  return v;
}

/* The text with <mark> around each word the other text lacks. */
static ct_status html_text_marked(ct_buf *b, const char *cls,
                                  const char *text, const char *other) {
  size_t len = strlen(text), i = 0, from = 0, nset;
  uint64_t *set = word_set(other, &nset);
  ct_status e = ct_buf_printf(b, "<div class=\"text %s\">", cls);
  while (e == CT_OK && i < len) {
    size_t w = word_at(text, i, len);
    uint64_t h;
    if (w == 0) {
      i += char_len(text, i, len);
      continue;
    }
    h = word_hash(text + i, w);
    if (set != NULL && h != 0 && !bsearch(&h, set, nset, sizeof h, cmp_hash)) {
      e = ct_xml_string(b, text + from, i - from);
      e = e ? e : ct_buf_adds(b, "<mark>");
      e = e ? e : ct_xml_string(b, text + i, w);
      e = e ? e : ct_buf_adds(b, "</mark>");
      from = i + w;
    }
    i += w;
  }
  free(set);
  e = e ? e : ct_xml_string(b, text + from, len - from);
  return e ? e : ct_buf_adds(b, "</div>");
}

static ct_status html_step(ct_buf *b, const ct_diff *d, size_t k,
                           ct_diff_status s) {
  const ct_align_pair *p = &d->steps[k];
  const ct_diff_doc *od = &d->old_doc, *nd = &d->new_doc;
  ct_status e = ct_buf_printf(b, "<li class=\"step s-%s\" data-status=\"%s\""
                                 "%s><span class=\"st\">%s</span>",
                              status_names[s], status_names[s],
                              s == CT_DIFF_UNCHANGED ? " hidden" : "",
                              status_names[s]);
  if (p->a != CT_ALIGN_NONE) e = e ? e : html_where(b, "old", od, p->a);
  if (p->a != CT_ALIGN_NONE && p->b != CT_ALIGN_NONE)
    e = e ? e : ct_buf_adds(b, "\xe2\x86\x92 ");
  if (p->b != CT_ALIGN_NONE) e = e ? e : html_where(b, "new", nd, p->b);
  if (s == CT_DIFF_CHANGED)
    e = e ? e : ct_buf_printf(b, "<span class=\"sim\">similarity %.2f</span>",
                              shown_similarity(p->similarity));
  if (p->a != CT_ALIGN_NONE) e = e ? e : html_badges(b, d, od, p->a);
  if (p->a != CT_ALIGN_NONE && p->b != CT_ALIGN_NONE &&
      !same_labels(d, p->a, p->b)) {
    e = e ? e : ct_buf_adds(b, "\xe2\x86\x92 ");
    e = e ? e : html_badges(b, d, nd, p->b);
  } else if (p->a == CT_ALIGN_NONE) {
    e = e ? e : html_badges(b, d, nd, p->b);
  }
  if (s == CT_DIFF_NEW) e = e ? e : html_text(b, "new", nd->texts[p->b]);
  else if (s == CT_DIFF_DROPPED)
    e = e ? e : html_text(b, "old", od->texts[p->a]);
  else if (strcmp(od->texts[p->a], nd->texts[p->b]) == 0)
    e = e ? e : html_text(b, "same", nd->texts[p->b]);
  else {
    e = e ? e : html_text_marked(b, "old", od->texts[p->a],
                                 nd->texts[p->b]);
    e = e ? e : html_text_marked(b, "new", nd->texts[p->b],
                                 od->texts[p->a]);
  }
  return e ? e : ct_buf_adds(b, "</li>\n");
}

static ct_status html_section(ct_buf *b, const ct_diff *d, size_t sec,
                              const size_t *sc) {
  size_t k;
  ct_status e = ct_buf_adds(b, "<section class=\"label\" id=\"");
  e = e ? e : html_section_id(b, d, sec);
  e = e ? e : ct_buf_adds(b, "\" data-label=\"");
  e = e ? e : ct_xml_cstr(b, sec < nlabels(d) ? section_name(d, sec) : "-");
  e = e ? e : ct_buf_adds(b, "\">\n<h2>");
  e = e ? e : html_swatch(b, d, sec);
  e = e ? e : ct_xml_cstr(b, section_name(d, sec));
  if (sec < nlabels(d) && ct_ruleset_label(d->rs, sec)->title != NULL) {
    e = e ? e : ct_buf_adds(b, " <span class=\"title\">");
    e = e ? e : ct_xml_cstr(b, ct_ruleset_label(d->rs, sec)->title);
    e = e ? e : ct_buf_adds(b, "</span>");
  }
  e = e ? e : ct_buf_adds(b, "</h2>\n<p class=\"n\">");
  e = e ? e : counts_add(b, sc);
  e = e ? e : ct_buf_adds(b, "</p>\n<ol class=\"steps\">\n");
  for (k = 0; e == CT_OK && k < d->nsteps; k++)
    if (in_section(d, k, sec))
      e = html_step(b, d, k, ct_diff_step_status(d, k));
  return e ? e : ct_buf_adds(b, "</ol>\n</section>\n");
}

ct_status ct_diff_html(ct_buf *b, const ct_diff *d) {
  size_t nsec = nlabels(d) + 1, sec;
  size_t *c = count_all(d);
  ct_status e = c ? html_head(b, d, c + nsec * CT_DIFF_NSTATUS) : CT_ENOMEM;
  e = e ? e : html_filter(b, c + nsec * CT_DIFF_NSTATUS);
  e = e ? e : html_toc(b, d, c);
  e = e ? e : ct_buf_adds(b, "<main>\n");
  for (sec = 0; e == CT_OK && sec < nsec; sec++)
    if (section_total(c + sec * CT_DIFF_NSTATUS) > 0)
      e = html_section(b, d, sec, c + sec * CT_DIFF_NSTATUS);
  e = e ? e : ct_buf_adds(b, "</main>\n<script>\n");
  e = e ? e : ct_buf_adds(b, script);
  e = e ? e : ct_buf_adds(b, "</script>\n</body>\n</html>\n");
  free(c);
  return e;
}

ct_status ct_diff_write(const char *format, const ct_diff *d, unsigned flags,
                        char **out, size_t *len, ct_error *err) {
  ct_buf b = {0};
  ct_status s;
  *out = NULL, *len = 0;
  if (format != NULL && strcmp(format, "text") == 0)
    s = ct_diff_text(&b, d, flags);
  else if (format != NULL && strcmp(format, "jsonl") == 0)
    s = ct_diff_jsonl(&b, d);
  else if (format != NULL && strcmp(format, "html") == 0)
    s = ct_diff_html(&b, d);
  else
    return ct_fail(err, CT_EUSAGE, "unknown format '%s' (known: text, "
                   "jsonl and html)", format ? format : "(null)");
  if (s != CT_OK) {
    ct_buf_free(&b);
    return ct_fail(err, s, "%s", ct_strerror(s));
  }
  *len = b.len;
  if ((*out = ct_buf_take(&b)) == NULL)
    return ct_fail(err, CT_ENOMEM, "%s", ct_strerror(CT_ENOMEM));
  return CT_OK;
}
