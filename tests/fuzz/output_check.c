/*
** output_check.c -- writing a document in every format (output_check.h).
*/
#include <jansson.h>
#include <string.h>
#include "fuzz.h"
#include "output_check.h"
#include "text/utf8.h"

/* One jsonl line: the record of clause k. */
static void check_jsonl_line(const char *line, size_t len, const ct_text *t,
                             const ct_clause *c, size_t k,
                             const ct_docinfo *doc) {
  json_error_t jerr;
  json_t *o = json_loadb(line, len, 0, &jerr);
  json_t *id;
  char *text;
  FUZZ_CHECK(json_is_object(o), "jsonl: record %zu is not a JSON object "
             "(%s): %.*s", k + 1, jerr.text, (int)len, line);
  FUZZ_CHECK(json_integer_value(json_object_get(o, "clause")) ==
                     (json_int_t)(k + 1) &&
                 json_integer_value(json_object_get(o, "start")) ==
                     (json_int_t)c[k].start &&
                 json_integer_value(json_object_get(o, "end")) ==
                     (json_int_t)c[k].end,
             "jsonl: record %zu has the wrong clause, start or end: %.*s",
             k + 1, (int)len, line);
  text = ct_clause_text(t, &c[k], 0);   /* Markdown structure left out */
  FUZZ_CHECK(text != NULL, "out of memory");
  FUZZ_CHECK(json_is_string(json_object_get(o, "text")) &&
                 strcmp(json_string_value(json_object_get(o, "text")),
                        text) == 0,
             "jsonl: record %zu: text is not the clause's: %.*s", k + 1,
             (int)len, line);
  free(text);
  if (doc->id_json != NULL) {
    json_t *want = json_loads(doc->id_json, JSON_DECODE_ANY, &jerr);
    id = json_object_get(o, "id");
    FUZZ_CHECK(want != NULL && id != NULL && json_equal(id, want),
               "jsonl: record %zu: id is not %s: %.*s", k + 1, doc->id_json,
               (int)len, line);
    json_decref(want);
  }
  json_decref(o);
}

static void check_jsonl(const char *out, size_t len, const ct_text *t,
                        const ct_clause *c, size_t n, const ct_docinfo *doc) {
  size_t k = 0, i = 0;
  while (i < len) {
    const char *nl = memchr(out + i, '\n', len - i);
    size_t e = nl ? (size_t)(nl - out) : len;
    FUZZ_CHECK(k < n, "jsonl: more records than the %zu clauses", n);
    check_jsonl_line(out + i, e - i, t, c, k, doc);
    k++;
    i = e + 1;
  }
  FUZZ_CHECK(k == n, "jsonl: %zu records for %zu clauses", k, n);
}

static void write_one(const ct_format *f, const ct_ruleset *rs,
                      const ct_text *t, const ct_clause *c, size_t n,
                      const ct_docinfo *doc) {
  static const ct_policy unlabeled = {CT_POLICY_UNLABELED, NULL, 0};
  char *out = NULL;
  size_t len = 0;
  ct_writer w;
  ct_error err;
  FILE *mem = open_memstream(&out, &len);
  FUZZ_CHECK(mem != NULL, "open_memstream failed");
  ct_writer_init(&w, f, mem);
  w.rs = rs;
  w.flags = CT_WRITE_EXPLAIN;
  if (rs != NULL) w.policies = &unlabeled, w.npolicies = 1;
  if (ct_writer_begin(&w, &err) != CT_OK ||
      ct_writer_document_info(&w, t, c, n, doc, &err) != CT_OK ||
      ct_writer_end(&w, &err) != CT_OK)
    FUZZ_FAIL("format %s: %s", f->name, err.msg);
  ct_writer_free(&w);
  fclose(mem);
  /* The text formats write names as they are, as grep does; the
  ** structured ones promise UTF-8 (JSON, XML, HTML). */
  if (strstr("jsonl sarif junit html", f->name) != NULL)
    FUZZ_CHECK(ct_utf8_check((const unsigned char *)out, len) == len,
               "format %s: output is not valid UTF-8 (at byte %zu)",
               f->name, ct_utf8_check((const unsigned char *)out, len));
  if (strcmp(f->name, "jsonl") == 0) {
    check_jsonl(out, len, t, c, n, doc);
  } else if (strcmp(f->name, "sarif") == 0) {
    json_error_t jerr;
    json_t *o = json_loadb(out, len, 0, &jerr);
    FUZZ_CHECK(json_is_object(o), "sarif: not one JSON object: %s (line "
               "%d)", jerr.text, jerr.line);
    json_decref(o);
  }
  free(out);
}

void fz_check_output(const ct_format *const *table, const ct_ruleset *rs,
                     const ct_text *t, const ct_clause *c, size_t n,
                     const ct_docinfo *doc) {
  for (; *table != NULL; table++) write_one(*table, rs, t, c, n, doc);
}
