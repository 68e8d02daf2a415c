/*
** select_out.c -- the selections of select.h but the summary: clauses
** filtered by label, counts per document, names, nothing.
**
** With -c, -l and -q the document's clauses are not written: their
** clause hook does nothing, and the document hook reads the results of
** every clause at once (r->doc->results).
*/
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "output/json.h"
#include "output/report.h"
#include "output/select.h"

static const ct_select *sel(const ct_writer *w) {
  return (const ct_select *)(const void *)w->fmt;
}

const unsigned char *ct_select_want(const ct_writer *w) {
  return sel(w)->want;
}

int ct_select_keeps(const unsigned char *want, size_t nlabels,
                    const ct_result *res) {
  size_t k;
  for (k = 0; k < nlabels; k++)
    if (res->has[k] && (want == NULL || want[k])) return 1;
  return 0;
}

ct_status ct_select_nothing(ct_writer *w, const ct_record *r) {
  (void)w;
  (void)r;
  return CT_OK;
}

/* ---- clauses: the inner format's, for the clauses kept ---------------- */

static ct_status filter_begin(ct_writer *w) {
  return sel(w)->inner->begin(w);
}

static ct_status filter_end(ct_writer *w) {
  return sel(w)->inner->end(w);
}

static ct_status filter_doc_begin(ct_writer *w, const ct_record *r) {
  return sel(w)->inner->doc_begin(w, r);
}

static ct_status filter_doc_end(ct_writer *w, const ct_record *r) {
  return sel(w)->inner->doc_end(w, r);
}

static ct_status filter_clause(ct_writer *w, const ct_record *r) {
  if (!ct_select_keeps(sel(w)->want, ct_ruleset_nlabels(w->rs),
                       ct_report_result(r)))
    return CT_OK;
  return sel(w)->inner->clause(w, r);
}

/* ---- counts ----------------------------------------------------------- */

static int shown(const ct_writer *w, size_t k) {
  const unsigned char *want = sel(w)->want;
  return want == NULL || want[k];
}

/* Clauses per label, and those with no label at all, into count[0..n]
** (count[n]: unlabelled). */
static void tally(const ct_writer *w, const ct_record *r, size_t *count) {
  size_t i, k, n = ct_ruleset_nlabels(w->rs);
  memset(count, 0, (n + 1) * sizeof *count);
  for (i = 0; i < r->nclauses && r->doc->results; i++) {
    int any = 0;
    for (k = 0; k < n; k++)
      if (r->doc->results[i].has[k]) count[k]++, any = 1;
    if (!any) count[n]++;
  }
}

static ct_status count_begin(ct_writer *w) {
  size_t k, n = ct_ruleset_nlabels(w->rs);
  ct_buf *b = &w->buf;
  if (sel(w)->style != CT_STYLE_TSV) return CT_OK;
  if (ct_buf_adds(b, "file\tclauses") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (shown(w, k) && (ct_buf_addc(b, '\t') != CT_OK ||
                        ct_buf_adds(b, ct_report_label(w, k)) != CT_OK))
      return CT_ENOMEM;
  return ct_buf_adds(b, "\tunlabelled\n");
}

/* NAME: N clauses; climate 2, trade 1; 2 without a label */
static ct_status count_text(ct_writer *w, const ct_record *r,
                            const size_t *count) {
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  ct_buf *b = &w->buf;
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_adds(b, ": ") != CT_OK || ct_buf_addu(b, r->nclauses) != CT_OK ||
      ct_buf_adds(b, r->nclauses == 1 ? " clause" : " clauses") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (shown(w, k) &&
        (ct_buf_adds(b, written++ ? ", " : "; ") != CT_OK ||
         ct_buf_adds(b, ct_report_label(w, k)) != CT_OK ||
         ct_buf_addc(b, ' ') != CT_OK || ct_buf_addu(b, count[k]) != CT_OK))
      return CT_ENOMEM;
  if (ct_buf_adds(b, "; ") != CT_OK || ct_buf_addu(b, count[n]) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, " without a label\n");
}

static ct_status count_tsv(ct_writer *w, const ct_record *r,
                           const size_t *count) {
  size_t k, n = ct_ruleset_nlabels(w->rs);
  ct_buf *b = &w->buf;
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK || ct_buf_addu(b, r->nclauses) != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (shown(w, k) && (ct_buf_addc(b, '\t') != CT_OK ||
                        ct_buf_addu(b, count[k]) != CT_OK))
      return CT_ENOMEM;
  if (ct_buf_addc(b, '\t') != CT_OK || ct_buf_addu(b, count[n]) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '\n');
}

/* {"file":F,"clauses":N,"counts":{"climate":2},"unlabelled":2} */
static ct_status count_jsonl(ct_writer *w, const ct_record *r,
                             const size_t *count) {
  size_t k, n = ct_ruleset_nlabels(w->rs), written = 0;
  ct_buf *b = &w->buf;
  if (ct_record_json_source(b, r) != CT_OK ||
      ct_buf_adds(b, ",\"clauses\":") != CT_OK ||
      ct_buf_addu(b, r->nclauses) != CT_OK ||
      ct_buf_adds(b, ",\"counts\":{") != CT_OK)
    return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (shown(w, k) &&
        ((written++ && ct_buf_addc(b, ',') != CT_OK) ||
         ct_json_cstr(b, ct_report_label(w, k)) != CT_OK ||
         ct_buf_addc(b, ':') != CT_OK || ct_buf_addu(b, count[k]) != CT_OK))
      return CT_ENOMEM;
  if (ct_buf_adds(b, "},\"unlabelled\":") != CT_OK ||
      ct_buf_addu(b, count[n]) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "}\n");
}

static ct_status count_doc(ct_writer *w, const ct_record *r) {
  size_t n = ct_ruleset_nlabels(w->rs);
  size_t stack[64], *count = n < 64 ? stack : NULL;
  ct_status s;
  if (count == NULL && (count = malloc((n + 1) * sizeof *count)) == NULL)
    return CT_ENOMEM;
  tally(w, r, count);
  switch (sel(w)->style) {
    case CT_STYLE_TSV: s = count_tsv(w, r, count); break;
    case CT_STYLE_JSONL: s = count_jsonl(w, r, count); break;
    default: s = count_text(w, r, count); break;
  }
  if (count != stack) free(count);
  return s;
}

/* ---- names ------------------------------------------------------------ */

static ct_status names_doc(ct_writer *w, const ct_record *r) {
  size_t i, n = ct_ruleset_nlabels(w->rs);
  for (i = 0; i < r->nclauses && r->doc->results; i++)
    if (ct_select_keeps(sel(w)->want, n, &r->doc->results[i])) {
      if (ct_tsv_field(&w->buf, ct_text_name(r->text)) != CT_OK)
        return CT_ENOMEM;
      return ct_buf_addc(&w->buf, '\n');
    }
  return CT_OK;
}

/* ---- setting up ------------------------------------------------------- */

void ct_select_init(ct_select *s, ct_select_mode mode, ct_select_style style,
                    const ct_format *inner, const unsigned char *want) {
  memset(s, 0, sizeof *s);
  s->mode = mode, s->style = style, s->inner = inner, s->want = want;
  s->f.clause = ct_select_nothing;
  switch (mode) {
    case CT_SELECT_CLAUSES:    /* the inner format's hooks, filtered */
      s->f.name = inner->name;
      s->f.clause = filter_clause;
      s->f.begin = inner->begin ? filter_begin : NULL;
      s->f.end = inner->end ? filter_end : NULL;
      s->f.doc_begin = inner->doc_begin ? filter_doc_begin : NULL;
      s->f.doc_end = inner->doc_end ? filter_doc_end : NULL;
      s->f.hits = inner->hits;
      break;
    case CT_SELECT_COUNT:
      s->f.name = "count";
      s->f.begin = count_begin;
      s->f.doc_end = count_doc;
      break;
    case CT_SELECT_NAMES:
      s->f.name = "names";
      s->f.doc_end = names_doc;
      break;
    case CT_SELECT_QUIET:
      s->f.name = "quiet";
      break;
    case CT_SELECT_SUMMARY:
      s->f.name = style == CT_STYLE_TSV ? "summary-tsv" : "summary";
      s->f.begin = ct_select_summary_begin;
      s->f.doc_end = ct_select_summary_doc;
      s->f.hits = CT_HITS_ALL;
      break;
  }
}

/* ---- what a writer's options ask for ---------------------------------- */

static int is(const ct_format *f, const char *name) {
  return strcmp(f->name, name) == 0;
}

/* CT_EUSAGE for a selection w's format cannot carry. */
static ct_status check(const ct_writer *w, unsigned sel, size_t nlabels,
                       ct_error *err) {
  const ct_format *f = w->fmt;
  int summary = is(f, "summary") || is(f, "summary-tsv");
  int report = is(f, "sarif") || is(f, "junit") || is(f, "html");
  if (w->rs == NULL)
    return ct_fail(err, CT_EUSAGE, "a selection needs a rule set (classify "
                   "formats)");
  if (sel & (sel - 1))
    return ct_fail(err, CT_EUSAGE, "count, names and quiet cannot be "
                   "combined (choose one)");
  if (nlabels > 0 && report)
    return ct_fail(err, CT_EUSAGE, "labels do not apply to format '%s', a "
                   "report of every clause", f->name);
  if ((sel & (CT_WRITE_NAMES | CT_WRITE_QUIET)) && !is(f, "text"))
    return ct_fail(err, CT_EUSAGE, "%s writes text, not format '%s'",
                   sel & CT_WRITE_NAMES ? "names" : "quiet", f->name);
  if ((sel & CT_WRITE_COUNT) && (summary || report))
    return ct_fail(err, CT_EUSAGE, "count writes text, tsv or jsonl, not "
                   "format '%s'", f->name);
  return CT_OK;
}

/* s set up as what sel and want ask of format f; 0 when they ask for
** nothing (a summary of every label is f itself). */
static int choose(ct_select *s, const ct_format *f, unsigned sel,
                  const unsigned char *want) {
  int summary = is(f, "summary") || is(f, "summary-tsv");
  if (sel & CT_WRITE_COUNT)
    ct_select_init(s, CT_SELECT_COUNT,
                   is(f, "tsv") ? CT_STYLE_TSV
                   : is(f, "jsonl") ? CT_STYLE_JSONL : CT_STYLE_TEXT,
                   NULL, want);
  else if (sel & CT_WRITE_NAMES)
    ct_select_init(s, CT_SELECT_NAMES, CT_STYLE_TEXT, NULL, want);
  else if (sel & CT_WRITE_QUIET)
    ct_select_init(s, CT_SELECT_QUIET, CT_STYLE_TEXT, NULL, want);
  else if (want != NULL && summary)
    ct_select_init(s, CT_SELECT_SUMMARY,
                   is(f, "summary-tsv") ? CT_STYLE_TSV : CT_STYLE_TEXT, NULL,
                   want);
  else if (want != NULL)
    ct_select_init(s, CT_SELECT_CLAUSES, CT_STYLE_TEXT, f, want);
  else
    return 0;
  return 1;
}

ct_status ct_select_setup(ct_writer *w, const ct_writer_options *o,
                          ct_error *err) {
  unsigned sel = o->flags & (CT_WRITE_COUNT | CT_WRITE_NAMES | CT_WRITE_QUIET);
  size_t i, k, n, nlabels = o->labels != NULL ? o->nlabels : 0;
  unsigned char *want = NULL;
  ct_select *s;
  ct_status st;
  if (sel == 0 && nlabels == 0) return CT_OK;
  if ((st = check(w, sel, nlabels, err)) != CT_OK) return st;
  n = ct_ruleset_nlabels(w->rs);
  /* one block: the format, then a flag per label */
  if ((s = calloc(1, sizeof *s + n + 1)) == NULL)
    return ct_fail(err, CT_ENOMEM, "out of memory");
  if (nlabels > 0) want = (unsigned char *)(s + 1);
  for (i = 0; i < nlabels; i++) {
    if ((st = ct_report_label_index(w->rs, o->labels[i], "label", &k,
                                    err)) != CT_OK) {
      free(s);
      return st;
    }
    want[k] = 1;
  }
  if (!choose(s, w->fmt, sel, want)) {
    free(s);
    return CT_OK;
  }
  w->select = s;
  w->fmt = &s->f;
  w->want = want;
  return CT_OK;
}
