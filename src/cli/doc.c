/*
** doc.c -- documents in flight: their life cycle and their messages.
*/
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/doc.h"

ct_status ct_cli_fail(ct_error *err, ct_status s) {
  return ct_error_set(err, s, "%s", ct_strerror(s));
}

ct_cli_doc *ct_cli_doc_new(const char *path) {
  ct_cli_doc *d = calloc(1, sizeof *d);
  if (d == NULL) return NULL;
  if (path != NULL && (d->path = strdup(path)) == NULL) {
    free(d);
    return NULL;
  }
  return d;
}

void ct_cli_doc_free(ct_cli_doc *d) {
  if (d == NULL) return;
  ct_violations_free(d->violations, d->nviolations);
  ct_results_free(d->results);
  free(d->clauses);
  ct_text_free(d->text);
  free(d->ahead_clauses);
  ct_text_free(d->ahead_text);
  free(d->id_json);
  free(d->meta_json);
  free(d->path);
  ct_cli_memtext_free(&d->msgs);
  ct_cli_memtext_free(&d->errors);
  ct_writer_close(d->formatted, NULL);
  ct_cli_context_free(&d->ctx);
  ct_cli_chain_release(d->chain);
  free(d);
}

void ct_cli_doc_record(const ct_cli_doc *d, ct_writer_doc *rec) {
  memset(rec, 0, sizeof *rec);
  rec->id_json = d->id_json, rec->meta_json = d->meta_json;
  rec->line = d->line;
  rec->errors = d->errors.s;
  rec->checked = d->checked;
  rec->violations = d->violations, rec->nviolations = d->nviolations;
}

void ct_cli_doc_message(ct_cli_doc *d, const char *fmt, ...) {
  char line[1200];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(line, sizeof line, fmt, ap);
  va_end(ap);
  /* Out of memory for a message: the document still fails. */
  if (ct_cli_memtext_printf(&d->msgs, "%s\n", line) != 0) d->failed = 1;
}

void ct_cli_doc_input_failed(ct_cli_doc *d, const char *name, ct_status s,
                             const ct_error *err) {
  /* The library names the cap; the user needs the option that moves it
  ** (only that one: a PDF's page caps and HTML's nesting cap are fixed). */
  if (s == CT_ETOOBIG && strstr(err->msg, "document size cap") != NULL)
    ct_cli_doc_message(d, "%s (--max-document-bytes)", err->msg);
  else if (err->msg[0] != '\0')
    ct_cli_doc_message(d, "%s", err->msg);
  else
    ct_cli_doc_message(d, "%s: %s", name, ct_strerror(s));
  d->failed = 1;
}
