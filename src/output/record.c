/*
** record.c -- what every output format needs from a clause record: its
** text, its heading's text, its grep-style place, the document's name.
** Kept here once so segment's and classify's formats print a clause the
** same way.
*/
#include <stdlib.h>
#include "output/json.h"
#include "output/writer.h"

const ct_clause *ct_record_clause(const ct_record *r) {
  return &r->clauses[r->i];
}

/* The clause's text as the segmenter reads it: Markdown structure inside
** the span (emphasis markers, link syntax) is left out. */
char *ct_record_text(const ct_record *r, int collapse) {
  return ct_clause_text(r->text, ct_record_clause(r), collapse);
}

/* Clauses are numbered 1..n in order, so the heading is found by index;
** the scan is a fallback for arrays a caller built by hand. */
static const ct_clause *find_clause(const ct_record *r, size_t index) {
  size_t k;
  if (index >= 1 && index <= r->nclauses &&
      r->clauses[index - 1].index == index)
    return &r->clauses[index - 1];
  for (k = 0; k < r->nclauses; k++)
    if (r->clauses[k].index == index) return &r->clauses[k];
  return NULL;
}

char *ct_record_heading(const ct_record *r, int *oom) {
  const ct_clause *h;
  char *s;
  *oom = 0;
  if (r->clauses[r->i].heading == 0) return NULL;
  h = find_clause(r, r->clauses[r->i].heading);
  if (h == NULL) return NULL;
  s = ct_clause_text(r->text, h, 1);
  *oom = s == NULL;
  return s;
}

/* Tabs and line breaks would split a row, and other control characters
** could drive a terminal: collapsed clause text has none, but a file name
** or a jsonl record's id may.  So tabs and line breaks become spaces, the
** other C0 controls and DEL U+FFFD (C1 controls are already cleaned:
** names are read as UTF-8 and clause text is collapsed). */
ct_status ct_tsv_field(ct_buf *b, const char *s) {
  const unsigned char *u = (const unsigned char *)s;
  for (; *u; u++) {
    ct_status st;
    if (*u == '\t' || *u == '\n' || *u == '\r') st = ct_buf_addc(b, ' ');
    else if (*u < 0x20 || *u == 0x7F) st = ct_buf_adds(b, "\xEF\xBF\xBD");
    else st = ct_buf_addc(b, (char)*u);
    if (st != CT_OK) return CT_ENOMEM;
  }
  return CT_OK;
}

ct_status ct_record_tsv_where(ct_buf *b, const ct_record *r,
                              unsigned flags) {
  const ct_clause *c = ct_record_clause(r);
  size_t page = ct_text_page(r->text, c->start);
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_printf(b, "\t%zu", c->index) != CT_OK)
    return CT_ENOMEM;
  /* The page column is there when the run reads PDFs, empty for the
  ** documents without pages. */
  if ((flags & CT_WRITE_PAGES) &&
      (page ? ct_buf_printf(b, "\t%zu", page) : ct_buf_addc(b, '\t')) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_printf(b, "\t%zu\t%zu\t%s\t", c->line, c->col,
                       ct_kind_name(c->kind));
}

/* A PDF clause's page goes after the file name as the fragment RFC 8118
** defines for PDF (`report.pdf#page=3`, which PDF viewers and browsers
** open at that page), so the place keeps grep's FILE:LINE:COL shape and
** its LINE counts within the page, as jsonl's does. */
ct_status ct_record_where(ct_buf *b, const ct_record *r) {
  const ct_clause *c = ct_record_clause(r);
  size_t page = ct_text_page(r->text, c->start);
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK ||
      (page && ct_buf_printf(b, "#page=%zu", page) != CT_OK))
    return CT_ENOMEM;
  return ct_buf_printf(b, ":%zu:%zu: ", c->line, c->col);
}

ct_status ct_record_json_source(ct_buf *b, const ct_record *r) {
  const ct_docinfo *d = r->doc;
  if (d->id_json == NULL) {
    if (ct_buf_adds(b, "{\"file\":") != CT_OK) return CT_ENOMEM;
    return ct_json_cstr(b, ct_text_name(r->text));
  }
  if (ct_buf_adds(b, "{\"id\":") != CT_OK ||
      ct_buf_adds(b, d->id_json) != CT_OK)
    return CT_ENOMEM;
  if (d->meta_json == NULL) return CT_OK;
  if (ct_buf_adds(b, ",\"meta\":") != CT_OK) return CT_ENOMEM;
  return ct_buf_adds(b, d->meta_json);
}

/* ,"page":N for a document with pages (PDF), nothing for the others. */
static ct_status json_page(ct_buf *b, const ct_record *r) {
  size_t page = ct_text_page(r->text, ct_record_clause(r)->start);
  return page ? ct_buf_printf(b, ",\"page\":%zu", page) : CT_OK;
}

static ct_status json_clause_fields(ct_buf *b, const ct_record *r,
                                    int with_depth, const char *heading,
                                    const char *text) {
  const ct_clause *c = ct_record_clause(r);
  size_t start, end;
  ct_text_source_span(r->text, c->start, c->end, &start, &end);
  if (ct_record_json_source(b, r) != CT_OK ||
      ct_buf_printf(b, ",\"clause\":%zu", c->index) != CT_OK ||
      json_page(b, r) != CT_OK ||
      ct_buf_printf(b, ",\"line\":%zu,\"col\":%zu"
                       ",\"start\":%zu,\"end\":%zu,\"kind\":\"%s\"",
                    c->line, c->col, start, end,
                    ct_kind_name(c->kind)) != CT_OK ||
      (with_depth && ct_buf_printf(b, ",\"depth\":%d", c->depth) != CT_OK) ||
      ct_buf_adds(b, ",\"heading\":") != CT_OK ||
      ct_json_cstr(b, heading) != CT_OK ||
      ct_buf_adds(b, ",\"text\":") != CT_OK ||
      ct_json_cstr(b, text) != CT_OK)
    return CT_ENOMEM;
  return CT_OK;
}

ct_status ct_record_json_clause(ct_buf *b, const ct_record *r,
                                int with_depth) {
  int oom;
  char *heading = ct_record_heading(r, &oom);
  char *text = oom ? NULL : ct_record_text(r, 0);
  ct_status st = CT_ENOMEM;
  if (text != NULL)
    st = json_clause_fields(b, r, with_depth, heading, text);
  free(heading);
  free(text);
  return st;
}
