/*
** segment_out.c -- the output formats of `clausetag segment`.
**
**   text   FILE:LINE:COL: KIND: TEXT   grep-style, for editors and CI
**   lines  TEXT                        one clause per line
**   jsonl  {"file":...,"text":...}     one JSON object per clause
**   tsv    a header, then FILE CLAUSE LINE COL KIND DEPTH TEXT rows
**
** text and lines collapse white space so a clause is always one line;
** jsonl keeps the exact bytes of the span, so start/end can be checked.
*/
#include "output/json.h"
#include "output/writer.h"

/* Collapsed clause text has no line break or control character: it goes
** into the line as it is (ct_record_text_add). */
static ct_status text_clause(ct_writer *w, const ct_record *r) {
  const ct_clause *c = ct_record_clause(r);
  ct_buf *b = &w->buf;
  if (ct_writer_where(w, r) != CT_OK ||
      ct_buf_adds(b, ct_kind_name(c->kind)) != CT_OK ||
      ct_buf_add(b, ": ", 2) != CT_OK || ct_record_text_add(b, r, 1) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '\n');
}

static ct_status lines_clause(ct_writer *w, const ct_record *r) {
  if (ct_record_text_add(&w->buf, r, 1) != CT_OK) return CT_ENOMEM;
  return ct_buf_addc(&w->buf, '\n');
}

static ct_status jsonl_clause(ct_writer *w, const ct_record *r) {
  ct_status st = ct_record_json_clause(w, r, 1);
  return st == CT_OK ? ct_buf_add(&w->buf, "}\n", 2) : st;
}

static ct_status tsv_begin(ct_writer *w) {
  return ct_buf_adds(&w->buf, (w->flags & CT_WRITE_PAGES)
                     ? "file\tclause\tpage\tline\tcol\tkind\tdepth\ttext\n"
                     : "file\tclause\tline\tcol\tkind\tdepth\ttext\n");
}

static ct_status tsv_clause(ct_writer *w, const ct_record *r) {
  const ct_clause *c = ct_record_clause(r);
  if (ct_record_tsv_where(&w->buf, r, w->flags) != CT_OK ||
      ct_buf_printf(&w->buf, "%d\t", c->depth) != CT_OK ||
      ct_record_text_add(&w->buf, r, 1) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(&w->buf, '\n');
}

static const ct_format text_format = {"text", NULL, text_clause, NULL, NULL, NULL,
                                      CT_HITS_NONE};
static const ct_format tsv_format = {"tsv", tsv_begin, tsv_clause, NULL, NULL,
                                     NULL, CT_HITS_NONE};
static const ct_format lines_format = {"lines", NULL, lines_clause, NULL, NULL,
                                       NULL, CT_HITS_NONE};
static const ct_format jsonl_format = {"jsonl", NULL, jsonl_clause, NULL, NULL,
                                       NULL, CT_HITS_NONE};

const ct_format *const ct_segment_formats[] = {
  &text_format, &lines_format, &jsonl_format, &tsv_format, NULL
};

const char *const ct_segment_format_names[] = {
  "text", "lines", "jsonl", "tsv", NULL
};
