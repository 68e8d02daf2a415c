/*
** segment_out.c -- the output formats of `clausetag segment`.
**
**   text   FILE:LINE:COL: KIND: TEXT   grep-style, for editors and CI
**   lines  TEXT                        one clause per line
**   jsonl  {"file":...,"text":...}     one JSON object per clause
**
** text and lines collapse white space so a clause is always one line;
** jsonl keeps the exact bytes of the span, so start/end can be checked.
*/
#include <stdlib.h>
#include "output/json.h"
#include "output/writer.h"

static const ct_clause *clause_of(const ct_record *r) {
  return &r->clauses[r->i];
}

/* The clause's text, white space collapsed; NULL when out of memory. */
static char *collapsed(const ct_record *r) {
  const ct_clause *c = clause_of(r);
  return ct_text_span(r->text, c->start, c->end, 1);
}

static ct_status text_clause(ct_writer *w, const ct_record *r) {
  const ct_clause *c = clause_of(r);
  char *s = collapsed(r);
  ct_status st;
  if (s == NULL) return CT_ENOMEM;
  st = ct_buf_printf(&w->buf, "%s:%zu:%zu: %s: %s\n", ct_text_name(r->text),
                     c->line, c->col, ct_kind_name(c->kind), s);
  free(s);
  return st;
}

static ct_status lines_clause(ct_writer *w, const ct_record *r) {
  char *s = collapsed(r);
  ct_status st;
  if (s == NULL) return CT_ENOMEM;
  st = ct_buf_adds(&w->buf, s);
  if (st == CT_OK) st = ct_buf_addc(&w->buf, '\n');
  free(s);
  return st;
}

/* Everything of the jsonl object except its text fields' values. */
static ct_status jsonl_fields(ct_buf *b, const ct_record *r,
                              const char *heading, const char *text) {
  const ct_clause *c = clause_of(r);
  if (ct_buf_adds(b, "{\"file\":") != CT_OK ||
      ct_json_cstr(b, ct_text_name(r->text)) != CT_OK ||
      ct_buf_printf(b, ",\"clause\":%zu,\"line\":%zu,\"col\":%zu"
                       ",\"start\":%zu,\"end\":%zu,\"kind\":\"%s\""
                       ",\"depth\":%d,\"heading\":",
                    c->index, c->line, c->col, c->start, c->end,
                    ct_kind_name(c->kind), c->depth) != CT_OK ||
      ct_json_cstr(b, heading) != CT_OK ||
      ct_buf_adds(b, ",\"text\":") != CT_OK ||
      ct_json_cstr(b, text) != CT_OK || ct_buf_adds(b, "}\n") != CT_OK)
    return CT_ENOMEM;
  return CT_OK;
}

static ct_status jsonl_clause(ct_writer *w, const ct_record *r) {
  const ct_clause *c = clause_of(r);
  int oom;
  char *heading = ct_record_heading(r, &oom);
  char *text = oom ? NULL : ct_text_span(r->text, c->start, c->end, 0);
  ct_status st = CT_ENOMEM;
  if (text != NULL) st = jsonl_fields(&w->buf, r, heading, text);
  free(heading);
  free(text);
  return st;
}

static const ct_format text_format = {"text", NULL, text_clause, NULL};
static const ct_format lines_format = {"lines", NULL, lines_clause, NULL};
static const ct_format jsonl_format = {"jsonl", NULL, jsonl_clause, NULL};

const ct_format *const ct_segment_formats[] = {
  &text_format, &lines_format, &jsonl_format, NULL
};
