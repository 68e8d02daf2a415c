/*
** answer_out.c -- the document and error records of the stream contract
** (answer.h), in the jsonl style: no spaces, keys in a fixed order,
** strings escaped as every other jsonl string.
*/
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "output/answer.h"
#include "output/json.h"
#include "output/select.h"

/* {"id":ID,"meta":M,"type":"TYPE","line":N,"status":" */
static ct_status opening(ct_buf *b, const ct_answer *a, const char *type) {
  if (ct_buf_adds(b, "{\"id\":") != CT_OK ||
      ct_buf_adds(b, a->id_json ? a->id_json : "null") != CT_OK ||
      (a->meta_json && (ct_buf_adds(b, ",\"meta\":") != CT_OK ||
                        ct_buf_adds(b, a->meta_json) != CT_OK)) ||
      ct_buf_adds(b, ",\"type\":\"") != CT_OK || ct_buf_adds(b, type) != CT_OK ||
      ct_buf_adds(b, "\",\"line\":") != CT_OK || ct_buf_addu(b, a->line) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, ",\"status\":\"");
}

/* The lines of s as a JSON array of strings. */
static ct_status lines_array(ct_buf *b, const char *s) {
  int first = 1;
  if (ct_buf_addc(b, '[') != CT_OK) return CT_ENOMEM;
  while (*s != '\0') {
    const char *nl = strchr(s, '\n');
    size_t n = nl ? (size_t)(nl - s) : strlen(s);
    if ((!first && ct_buf_addc(b, ',') != CT_OK) ||
        ct_json_string(b, s, n) != CT_OK)
      return CT_ENOMEM;
    first = 0;
    s += n + (nl != NULL);
  }
  return ct_buf_addc(b, ']');
}

static ct_status labels_found(ct_buf *b, const ct_answer *a) {
  size_t k, n = ct_ruleset_nlabels(a->rs), written = 0;
  if (ct_buf_adds(b, ",\"labels\":[") != CT_OK) return CT_ENOMEM;
  for (k = 0; k < n; k++)
    if (a->found[k] &&
        ((written++ && ct_buf_addc(b, ',') != CT_OK) ||
         ct_json_cstr(b, ct_ruleset_label(a->rs, k)->name) != CT_OK))
      return CT_ENOMEM;
  return ct_buf_addc(b, ']');
}

ct_status ct_answer_document(ct_buf *b, const ct_answer *a) {
  int partial = a->errors != NULL && a->errors[0] != '\0';
  if (opening(b, a, "document") != CT_OK ||
      ct_buf_adds(b, partial ? "partial\"" : "ok\"") != CT_OK ||
      ct_buf_adds(b, ",\"clauses\":") != CT_OK ||
      ct_buf_addu(b, a->nclauses) != CT_OK ||
      (a->rs && labels_found(b, a) != CT_OK) ||
      (partial && (ct_buf_adds(b, ",\"errors\":") != CT_OK ||
                   lines_array(b, a->errors) != CT_OK)))
    return CT_ENOMEM;
  return ct_buf_adds(b, "}\n");
}

ct_status ct_answer_error(ct_buf *b, const ct_answer *a) {
  const char *m = a->errors ? a->errors : "";
  size_t n = strlen(m);
  while (n > 0 && m[n - 1] == '\n') n--;   /* a message, not its line end */
  if (opening(b, a, "error") != CT_OK || ct_buf_adds(b, "error\"") != CT_OK ||
      ct_buf_adds(b, ",\"error\":") != CT_OK || ct_json_string(b, m, n) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_adds(b, "}\n");
}

/* ---- the public writer's answers --------------------------------------- */

/* The labels some written clause has, one flag per label of w->rs, and
** how many clauses of the n were written (with --label, those with a
** selected label). */
static unsigned char *written_labels(const ct_writer *w,
                                     const ct_results *res, size_t n,
                                     size_t *written) {
  size_t i, k, nl = ct_ruleset_nlabels(w->rs);
  unsigned char *found = calloc(nl ? nl : 1, 1);
  const ct_result *r = ct_results_array(res);
  *written = n;
  if (found == NULL || r == NULL) return found;
  for (i = 0; i < n; i++) {
    if (w->want != NULL && !ct_select_keeps(w->want, nl, &r[i])) {
      --*written;
      continue;
    }
    for (k = 0; k < nl; k++)
      if (r[i].has[k]) found[k] = 1;
  }
  return found;
}

static void answer_of(ct_answer *a, const ct_writer_doc *doc) {
  memset(a, 0, sizeof *a);
  if (doc == NULL) return;
  a->id_json = doc->id_json, a->meta_json = doc->meta_json;
  a->line = doc->line;
}

/* The record b holds, handed on; its status otherwise. */
static ct_status hand_on(ct_writer *w, ct_status s, ct_error *err) {
  if (s != CT_OK) return ct_fail(err, s, "%s", ct_strerror(s));
  return ct_writer_flush(w, err);
}

ct_status ct_writer_answer(ct_writer *w, const ct_writer_doc *doc,
                           const ct_results *r, size_t n, ct_error *err) {
  ct_answer a;
  ct_status s;
  answer_of(&a, doc);
  a.nclauses = n;
  a.errors = doc != NULL ? doc->errors : NULL;
  a.rs = w->rs;
  if (w->rs != NULL &&
      (a.found = written_labels(w, r, n, &a.nclauses)) == NULL)
    return hand_on(w, CT_ENOMEM, err);
  s = ct_answer_document(&w->buf, &a);
  free((void *)a.found);
  return hand_on(w, s, err);
}

ct_status ct_writer_answer_error(ct_writer *w, const ct_writer_doc *doc,
                                 const char *message, ct_error *err) {
  ct_answer a;
  answer_of(&a, doc);
  a.errors = message;
  return hand_on(w, ct_answer_error(&w->buf, &a), err);
}
