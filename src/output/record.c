/*
** record.c -- what every output format needs from a clause record: its
** text, its heading's text, its grep-style place, the document's name.
** Kept here once so segment's and classify's formats print a clause the
** same way.
*/
#include <stdlib.h>
#include <string.h>
#include "output/json.h"
#include "output/writer.h"
#include "segment/segment.h"

const ct_clause *ct_record_clause(const ct_record *r) {
  return &r->clauses[r->i];
}

/* The clause's text as the segmenter reads it: Markdown structure inside
** the span (emphasis markers, link syntax) is left out. */
char *ct_record_text(const ct_record *r, int collapse) {
  return ct_clause_text(r->text, ct_record_clause(r), collapse);
}

ct_status ct_record_text_add(ct_buf *b, const ct_record *r, int collapse) {
  return ct_clause_text_add(b, r->text, ct_record_clause(r), collapse);
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

/* Tabs and line breaks would split a row, and other control characters
** could drive a terminal: collapsed clause text has none, but a file name
** or a jsonl record's id may, and a rule file's titles.  So tabs and
** line breaks become spaces, the other C0 controls, DEL and the C1
** controls (U+0080..U+009F, which terminals read as escapes too) U+FFFD.
** Every other byte is copied, in runs. */
ct_status ct_tsv_field_n(ct_buf *b, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i, run = 0;
  for (i = 0; i < n; i++) {
    const char *esc;
    int c1 = u[i] == 0xC2 && i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F;
    if (u[i] >= 0x20 && u[i] != 0x7F && !c1) continue;
    esc = u[i] == '\t' || u[i] == '\n' || u[i] == '\r' ? " " : "\xEF\xBF\xBD";
    if (ct_buf_add(b, s + run, i - run) != CT_OK ||
        ct_buf_adds(b, esc) != CT_OK)
      return CT_ENOMEM;
    run = (i += c1) + 1;   /* a C1 control (U+0080..U+009F) is two bytes */
  }
  return ct_buf_add(b, s + run, n - run);
}

ct_status ct_tsv_field(ct_buf *b, const char *s) {
  return ct_tsv_field_n(b, s, strlen(s));
}

char *ct_line_field(const char *s, size_t n) {
  ct_buf b = {0};
  return ct_buf_take_if(&b, ct_tsv_field_n(&b, s, n));
}

ct_status ct_record_tsv_where(ct_buf *b, const ct_record *r,
                              unsigned flags) {
  const ct_clause *c = ct_record_clause(r);
  size_t page = ct_text_page(r->text, c->start);
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK || ct_buf_addu(b, c->index) != CT_OK)
    return CT_ENOMEM;
  /* The page column is there when the run reads PDFs, empty for the
  ** documents without pages. */
  if ((flags & CT_WRITE_PAGES) &&
      (ct_buf_addc(b, '\t') != CT_OK || (page && ct_buf_addu(b, page) != CT_OK)))
    return CT_ENOMEM;
  if (ct_buf_addc(b, '\t') != CT_OK || ct_buf_addu(b, c->line) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK || ct_buf_addu(b, c->col) != CT_OK ||
      ct_buf_addc(b, '\t') != CT_OK ||
      ct_buf_adds(b, ct_kind_name(c->kind)) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '\t');
}

/* A PDF clause's page goes after the file name as the fragment RFC 8118
** defines for PDF (`report.pdf#page=3`, which PDF viewers and browsers
** open at that page), so the place keeps grep's FILE:LINE:COL shape and
** its LINE counts within the page, as jsonl's does. */
/* v in decimal at p (as ct_buf_addu writes it); the end. */
static char *put_decimal(char *p, size_t v) {
  char digits[3 * sizeof v], *d = digits + sizeof digits;
  do *--d = (char)('0' + v % 10); while ((v /= 10) != 0);
  memcpy(p, d, (size_t)(digits + sizeof digits - d));
  return p + (digits + sizeof digits - d);
}

/* ":LINE:COL: " goes straight into room reserved once: it is written for
** every clause. */
static ct_status where_after_name(ct_buf *b, const ct_record *r) {
  const ct_clause *c = ct_record_clause(r);
  size_t page = ct_text_page(r->text, c->start);
  char *p;
  if ((page && (ct_buf_adds(b, "#page=") != CT_OK ||
                ct_buf_addu(b, page) != CT_OK)) ||
      ct_buf_reserve(b, 2 * 3 * sizeof(size_t) + 4) != CT_OK)
    return CT_ENOMEM;
  p = b->s + b->len;
  *p++ = ':';
  p = put_decimal(p, c->line);
  *p++ = ':';
  p = put_decimal(p, c->col);
  *p++ = ':';
  *p++ = ' ';
  *p = '\0';
  b->len = (size_t)(p - b->s);
  return CT_OK;
}

ct_status ct_record_where(ct_buf *b, const ct_record *r) {
  if (ct_tsv_field(b, ct_text_name(r->text)) != CT_OK) return CT_ENOMEM;
  return where_after_name(b, r);
}

/* The name is the same for every record of the document: escaped for
** the first, then copied. */
ct_status ct_writer_where(ct_writer *w, const ct_record *r) {
  if (!w->have_doc_name) {
    ct_buf_clear(&w->doc_name);
    if (ct_tsv_field(&w->doc_name, ct_text_name(r->text)) != CT_OK)
      return CT_ENOMEM;
    w->have_doc_name = 1;
  }
  if (ct_buf_add(&w->buf, w->doc_name.s, w->doc_name.len) != CT_OK)
    return CT_ENOMEM;
  return where_after_name(&w->buf, r);
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
  if (page == 0) return CT_OK;
  return ct_buf_adds(b, ",\"page\":") == CT_OK ? ct_buf_addu(b, page)
                                              : CT_ENOMEM;
}

/* The heading's collapsed text as a JSON string, or null when the clause
** has none.  Clauses of a section share it: it is made once while they
** come one after the other. */
static ct_status json_heading(ct_writer *w, const ct_record *r) {
  const ct_clause *c = ct_record_clause(r), *h;
  if (c->heading == 0 || (h = find_clause(r, c->heading)) == NULL)
    return ct_buf_add(&w->buf, "null", 4);
  if (w->head != c->heading) {
    w->head = 0;
    ct_buf_clear(&w->tmp);
    ct_buf_clear(&w->head_json);
    if (ct_clause_text_add(&w->tmp, r->text, h, 1) != CT_OK ||
        ct_json_string(&w->head_json, w->tmp.s, w->tmp.len) != CT_OK)
      return CT_ENOMEM;
    w->head = c->heading;
  }
  return ct_buf_add(&w->buf, w->head_json.s, w->head_json.len);
}

/* The document's JSON opening, made for its first record. */
static ct_status json_source(ct_writer *w, const ct_record *r) {
  if (!w->have_doc_json) {
    ct_buf_clear(&w->doc_json);
    if (ct_record_json_source(&w->doc_json, r) != CT_OK) return CT_ENOMEM;
    w->have_doc_json = 1;
  }
  return ct_buf_add(&w->buf, w->doc_json.s, w->doc_json.len);
}

/* ,"key":N; key comes quoted, with its comma and colon. */
#define JSON_COUNT(b, key, v) \
  (ct_buf_add(b, key, sizeof key - 1) == CT_OK ? ct_buf_addu(b, v) : CT_ENOMEM)

/* ,"depth":N (the segmenter's depths are 0 to 16; any int prints). */
static ct_status json_depth(ct_buf *b, int depth) {
  if (depth < 0) return ct_buf_printf(b, ",\"depth\":%d", depth);
  return JSON_COUNT(b, ",\"depth\":", (size_t)depth);
}

/* The clause's exact text as a JSON string. */
static ct_status json_text(ct_writer *w, const ct_record *r) {
  ct_buf_clear(&w->tmp);
  if (ct_record_text_add(&w->tmp, r, 0) != CT_OK) return CT_ENOMEM;
  return ct_json_string(&w->buf, w->tmp.s, w->tmp.len);
}

ct_status ct_record_json_clause(ct_writer *w, const ct_record *r,
                                int with_depth) {
  const ct_clause *c = ct_record_clause(r);
  ct_buf *b = &w->buf;
  size_t start, end;
  ct_text_source_span(r->text, c->start, c->end, &start, &end);
  if (json_source(w, r) != CT_OK ||
      JSON_COUNT(b, ",\"clause\":", c->index) != CT_OK ||
      json_page(b, r) != CT_OK ||
      JSON_COUNT(b, ",\"line\":", c->line) != CT_OK ||
      JSON_COUNT(b, ",\"col\":", c->col) != CT_OK ||
      JSON_COUNT(b, ",\"start\":", start) != CT_OK ||
      JSON_COUNT(b, ",\"end\":", end) != CT_OK ||
      ct_buf_adds(b, ",\"kind\":\"") != CT_OK ||
      ct_buf_adds(b, ct_kind_name(c->kind)) != CT_OK ||
      ct_buf_addc(b, '"') != CT_OK ||
      (with_depth && json_depth(b, c->depth) != CT_OK) ||
      ct_buf_adds(b, ",\"heading\":") != CT_OK || json_heading(w, r) != CT_OK ||
      ct_buf_adds(b, ",\"text\":") != CT_OK || json_text(w, r) != CT_OK)
    return CT_ENOMEM;
  return CT_OK;
}
