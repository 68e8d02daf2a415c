/*
** jsonl_in.c -- reading --input jsonl records with jansson.
**
** The id comes back in the output as it was given: a string is written
** with clausetag's own JSON escaping (like every other string), a number
** in jansson's form (integers exactly, reals to 15 significant digits,
** which prints 1.1 as 1.1 rather than 1.1000000000000001).
*/
#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include "cli/jsonl_in.h"
#include "core/buf.h"
#include "core/error.h"
#include "output/json.h"

#define DUMP_FLAGS (JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))

ct_status ct_cli_jsonl_open(ct_cli_jsonl *j, const char *path,
                            ct_invalid invalid, ct_error *err) {
  memset(j, 0, sizeof *j);
  j->invalid = invalid;
  if (strcmp(path, "-") == 0) {
    j->f = stdin;
    j->name = "<stdin>";
    return CT_OK;
  }
  j->name = path;
  j->f = fopen(path, "r");
  if (j->f == NULL)
    return ct_fail(err, CT_EIO, "%s: cannot read: %s", path, strerror(errno));
  return CT_OK;
}

void ct_cli_jsonl_close(ct_cli_jsonl *j) {
  if (j->f != NULL && j->f != stdin) fclose(j->f);
  free(j->line);
  memset(j, 0, sizeof *j);
}

void ct_cli_jsonl_doc_free(ct_cli_jsonl_doc *d) {
  ct_text_free(d->text);
  free(d->id_json);
  free(d->meta_json);
  memset(d, 0, sizeof *d);
}

static int blank(const char *s, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (strchr(" \t\r\n", s[i]) == NULL) return 0;
  return 1;
}

static ct_status bad_line(const ct_cli_jsonl *j, ct_error *err,
                          const char *what) {
  return ct_fail(err, CT_ESYNTAX, "%s:%zu: %s", j->name, j->lineno, what);
}

/* The id as JSON, and as the document's name (*name borrows from the
** result for a number, from the JSON value for a string). */
static char *id_json(const json_t *id, const char **name) {
  ct_buf b = {0};
  char *s;
  if (json_is_string(id)) {
    *name = json_string_value(id);
    if (ct_json_string(&b, *name, json_string_length(id)) != CT_OK) {
      ct_buf_free(&b);
      return NULL;
    }
    return ct_buf_take(&b);
  }
  s = json_dumps(id, DUMP_FLAGS);
  *name = s;
  return s;
}

/* Fills d from a parsed record; on failure d holds what to free. */
static ct_status take_record(const ct_cli_jsonl *j, json_t *root,
                             ct_cli_jsonl_doc *d, ct_error *err) {
  json_t *id = json_object_get(root, "id");
  json_t *text = json_object_get(root, "text");
  json_t *meta = json_object_get(root, "meta");
  const char *name = NULL;
  if (!json_is_string(text)) return bad_line(j, err, "missing \"text\" string");
  if (!json_is_string(id) && !json_is_number(id))
    return bad_line(j, err, "missing \"id\" string or number");
  if (meta != NULL && !json_is_object(meta))
    return bad_line(j, err, "\"meta\" is not an object");
  if ((d->id_json = id_json(id, &name)) == NULL ||
      (meta != NULL && (d->meta_json = json_dumps(meta, DUMP_FLAGS)) == NULL))
    return ct_fail(err, CT_ENOMEM, "%s:%zu: out of memory", j->name,
                   j->lineno);
  return ct_text_from_buffer(name, json_string_value(text),
                             json_string_length(text), j->invalid, &d->text,
                             err);
}

static ct_status parse_line(const ct_cli_jsonl *j, size_t len,
                            ct_cli_jsonl_doc *d, ct_error *err) {
  json_error_t jerr;
  json_t *root = json_loadb(j->line, len, 0, &jerr);
  ct_status st;
  if (root == NULL) {
    return ct_fail(err, CT_ESYNTAX, "%s:%zu: invalid JSON: %s", j->name,
                   j->lineno, jerr.text);
  }
  if (!json_is_object(root))
    st = bad_line(j, err, "not a JSON object");
  else
    st = take_record(j, root, d, err);
  json_decref(root);
  if (st != CT_OK) ct_cli_jsonl_doc_free(d);
  return st;
}

ct_status ct_cli_jsonl_next(ct_cli_jsonl *j, ct_cli_jsonl_doc *d, int *more,
                            ct_error *err) {
  ssize_t n;
  memset(d, 0, sizeof *d);
  *more = 0;
  for (;;) {
    errno = 0;
    n = getline(&j->line, &j->cap, j->f);
    if (n < 0) {
      if (ferror(j->f))
        return ct_fail(err, CT_EIO, "%s: cannot read: %s", j->name,
                       strerror(errno ? errno : EIO));
      return CT_OK;
    }
    j->lineno++;
    if (!blank(j->line, (size_t)n)) break;
  }
  *more = 1;
  return parse_line(j, (size_t)n, d, err);
}
