/*
** fuzz_jsonl.c -- the CLI's JSON Lines reader (src/cli/jsonl_in.c) on
** arbitrary bytes.
**
** The input is the whole stream, read through fmemopen with invalid
** UTF-8 replaced, record by record until the end.  A bad line must cost
** only itself (a message naming "fuzz.jsonl:LINE:", and the reader reads
** on); a good record's id must come back as JSON that parses to what the
** document is named, its meta as a JSON object, and its text must
** segment into clauses that keep every promise th_check_clauses knows,
** and the record must go through every format of `clausetag segment`
** (fz_check_output: jsonl records carry the id back as it came).
*/
#include <jansson.h>
#include <string.h>
#include "cli/jsonl_in.h"
#include "clauses_check.h"
#include "fuzz.h"
#include "output_check.h"

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc;
  (void)argv;
  return 0;
}

static void check_doc(const ct_cli_jsonl_doc *d) {
  json_error_t jerr;
  json_t *id = json_loads(d->id_json, JSON_DECODE_ANY, &jerr);
  ct_clause *c;
  size_t n;
  ct_error err;
  char msg[512];
  ct_docinfo info;
  FUZZ_CHECK(id != NULL && (json_is_string(id) || json_is_number(id)),
             "id %s is not a JSON string or number", d->id_json);
  if (json_is_string(id))
    FUZZ_CHECK(strcmp(json_string_value(id), ct_text_name(d->text)) == 0,
               "id %s names the document \"%s\"", d->id_json,
               ct_text_name(d->text));
  json_decref(id);
  if (d->meta_json != NULL) {
    json_t *meta = json_loads(d->meta_json, 0, &jerr);
    FUZZ_CHECK(json_is_object(meta), "meta %s is not a JSON object",
               d->meta_json);
    json_decref(meta);
  }
  FUZZ_CHECK(ct_segment(d->text, NULL, &c, &n, &err) == CT_OK,
             "ct_segment: %s", err.msg);
  if (!th_check_clauses(d->text, c, n, msg, sizeof msg))
    FUZZ_FAIL("record %s: %s", d->id_json, msg);
  memset(&info, 0, sizeof info);
  info.id_json = d->id_json;
  info.meta_json = d->meta_json;
  fz_check_output(ct_segment_formats, NULL, d->text, c, n, &info);
  free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  ct_cli_jsonl j;
  ct_cli_jsonl_doc d;
  ct_error err;
  ct_status st;
  int more = 1;
  FILE *f;
  if (size == 0) return 0;          /* fmemopen may refuse an empty buffer */
  f = fmemopen((void *)data, size, "r");
  FUZZ_CHECK(f != NULL, "fmemopen failed");
  memset(&j, 0, sizeof j);
  j.f = f;
  j.name = "fuzz.jsonl";
  j.invalid = CT_INVALID_REPLACE;
  while (more) {
    st = ct_cli_jsonl_next(&j, &d, &more, &err);
    FUZZ_CHECK(st != CT_EIO, "a memory stream failed: %s", err.msg);
    if (st == CT_OK && more) {
      check_doc(&d);
      ct_cli_jsonl_doc_free(&d);
    } else if (st != CT_OK) {
      FUZZ_CHECK(strncmp(err.msg, "fuzz.jsonl:", 11) == 0,
                 "message without FILE:LINE: %s", err.msg);
      FUZZ_CHECK(d.text == NULL, "a bad line left a document behind");
      FUZZ_CHECK(d.lineno > 0, "a bad line without its line number");
      if (d.id_json != NULL) {   /* the id of the error record */
        json_error_t jerr;
        json_t *id = json_loads(d.id_json, JSON_DECODE_ANY, &jerr);
        FUZZ_CHECK(json_is_string(id) || json_is_number(id),
                   "a bad line's id %s is not a string or number",
                   d.id_json);
        json_decref(id);
      }
      ct_cli_jsonl_doc_free(&d);
    }
  }
  fclose(f);
  j.f = NULL;
  ct_cli_jsonl_close(&j);
  return 0;
}
