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

#define DUMP_FLAGS (JSON_COMPACT | JSON_ENCODE_ANY | JSON_REAL_PRECISION(15))

ct_status ct_cli_jsonl_open(ct_cli_jsonl *j, const char *path,
                            ct_invalid invalid, size_t max, ct_error *err) {
  memset(j, 0, sizeof *j);
  j->invalid = invalid;
  j->max = max;
  if (strcmp(path, "-") == 0) {
    j->f = stdin;
    j->name = "<stdin>";
    return CT_OK;
  }
  j->name = path;
  j->f = fopen(path, "r");
  if (j->f == NULL)
    return ct_error_set(err, CT_EIO, "%s: cannot read: %s", path, strerror(errno));
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
  return ct_error_set(err, CT_ESYNTAX, "%s:%zu: %s", j->name, j->lineno, what);
}

/* The id as JSON, and as the document's name (*name borrows from the
** result for a number, from the JSON value for a string). */
static char *id_json(const json_t *id, const char **name) {
  char *s;
  if (json_is_string(id)) {
    *name = json_string_value(id);
    return ct_json_quote(*name, json_string_length(id));
  }
  s = json_dumps(id, DUMP_FLAGS);
  *name = s;
  return s;
}

/* The id and meta of a parsed record, whatever else is wrong with it:
** even a record that cannot be answered with clauses is answered by its
** id.  Sets nothing that is not of the right type. */
static ct_status take_names(const ct_cli_jsonl *j, json_t *root,
                            ct_cli_jsonl_doc *d, const char **name,
                            ct_error *err) {
  json_t *id = json_object_get(root, "id");
  json_t *meta = json_object_get(root, "meta");
  if (((json_is_string(id) || json_is_number(id)) &&
       (d->id_json = id_json(id, name)) == NULL) ||
      (json_is_object(meta) &&
       (d->meta_json = json_dumps(meta, DUMP_FLAGS)) == NULL))
    return ct_error_set(err, CT_ENOMEM, "%s:%zu: out of memory", j->name,
                   j->lineno);
  return CT_OK;
}

/* Fills d from a parsed record; on failure d holds what to free. */
static ct_status take_record(const ct_cli_jsonl *j, json_t *root,
                             ct_cli_jsonl_doc *d, ct_error *err) {
  json_t *id = json_object_get(root, "id");
  json_t *text = json_object_get(root, "text");
  json_t *meta = json_object_get(root, "meta");
  json_t *format = json_object_get(root, "format");
  ct_input_format f = CT_INPUT_TEXT;
  const char *name = NULL;
  ct_status st = take_names(j, root, d, &name, err);
  if (st != CT_OK) return st;
  if (!json_is_string(text)) return bad_line(j, err, "missing \"text\" string");
  if (format != NULL) {   /* a record's text may be an HTML page */
    const char *fs = json_is_string(format) ? json_string_value(format) : "";
    if (strcmp(fs, "html") == 0) f = CT_INPUT_HTML;
    else if (strcmp(fs, "text") != 0)
      return bad_line(j, err, "\"format\" must be \"text\" or \"html\"");
  }
  if (!json_is_string(id) && !json_is_number(id))
    return bad_line(j, err, "missing \"id\" string or number");
  if (meta != NULL && !json_is_object(meta))
    return bad_line(j, err, "\"meta\" is not an object");
  return ct_text_from_format(name, json_string_value(text),
                             json_string_length(text), f, j->invalid,
                             &d->text, err);
}

/* The id of a line that is not JSON (cut short, a bad byte further on):
** read when the line opens as a record does, {"id": followed by a whole
** string or number, so that the error record can name the document. */
static void salvage_id(const char *s, size_t n, ct_cli_jsonl_doc *d) {
  static const char *const want[] = {"{", "\"id\"", ":"};
  const char *name;
  json_error_t jerr;
  json_t *id;
  size_t i = 0, k, end;
  for (k = 0; k < 3; k++) {
    size_t len = strlen(want[k]);
    while (i < n && strchr(" \t\r", s[i]) != NULL) i++;
    if (n - i < len || memcmp(s + i, want[k], len) != 0) return;
    i += len;
  }
  while (i < n && strchr(" \t\r", s[i]) != NULL) i++;
  if (i == n) return;
  end = i + 1;
  if (s[i] == '"') {
    while (end < n && s[end] != '"') end += s[end] == '\\' ? 2 : 1;
    if (end++ >= n) return;
  } else {
    while (end < n && strchr("+-.0123456789eE", s[end]) != NULL) end++;
  }
  id = json_loadb(s + i, end - i, JSON_DECODE_ANY, &jerr);
  if (json_is_string(id) || json_is_number(id)) d->id_json = id_json(id, &name);
  json_decref(id);
}

static ct_status parse_line(const ct_cli_jsonl *j, size_t len,
                            ct_cli_jsonl_doc *d, ct_error *err) {
  json_error_t jerr;
  json_t *root = json_loadb(j->line, len, 0, &jerr);
  ct_status st;
  if (root == NULL) {
    salvage_id(j->line, len, d);
    if (json_error_code(&jerr) == json_error_null_character)   /* jansson's
                                          ** words name its own flag */
      return ct_error_set(err, CT_ESYNTAX, "%s:%zu: a string holds \\u0000 "
                          "(a NUL character), which records may not",
                          j->name, j->lineno);
    return ct_error_set(err, CT_ESYNTAX, "%s:%zu: invalid JSON: %s", j->name,
                   j->lineno, jerr.text);
  }
  if (!json_is_object(root))
    st = bad_line(j, err, "not a JSON object");
  else
    st = take_record(j, root, d, err);
  json_decref(root);
  if (st != CT_OK) {   /* the names stay, for the error record */
    ct_text_free(d->text);
    d->text = NULL;
  }
  return st;
}

/* ---- lines ----------------------------------------------------------- */

/* How reading a line ended. */
typedef enum line_end {
  LINE_NL,       /* at its '\n' */
  LINE_EOF,      /* at the end of the stream */
  LINE_LONG,     /* past j->max bytes: the rest is still to be read */
  LINE_NUL,      /* at a NUL byte: a binary stream */
  LINE_NOMEM,
  LINE_ERROR     /* reading failed, errno says why */
} line_end;

/* Room for another byte and the NUL after it.  The line's own doubling
** buffer, not a memory stream: it is filled a byte at a time, emptied
** for every line and bounded by j->max, which open_memstream would make
** harder to keep, not easier. */
static int grow_line(ct_cli_jsonl *j) {
  size_t cap = j->cap ? j->cap * 2 : 64;
  char *p = realloc(j->line, cap);
  if (p == NULL) return -1;
  j->line = p, j->cap = cap;
  return 0;
}

/* Reads to the end of the line, into j->line with `keep` (a line of more
** than j->max bytes stops there), or dropping the bytes.  Byte by byte
** rather than getline, which would hold a line of any length: a stream
** that never sends '\n' would take all memory.  getc reads what the pipe
** has, so a record is answered without waiting for the next. */
static line_end read_line(ct_cli_jsonl *j, int keep) {
  line_end r = LINE_EOF;
  int c;
  flockfile(j->f);
  errno = 0;
  while ((c = getc_unlocked(j->f)) != EOF) {
    if (c == '\n' || c == '\0') {
      r = c == '\n' ? LINE_NL : LINE_NUL;
      break;
    }
    if (!keep) continue;
    if (j->len == j->max) {
      r = LINE_LONG;
      break;
    }
    if (j->len + 1 >= j->cap && grow_line(j) != 0) {
      r = LINE_NOMEM;
      break;
    }
    j->line[j->len++] = (char)c;
  }
  if (c == EOF && ferror(j->f)) r = LINE_ERROR;
  funlockfile(j->f);
  if (j->line != NULL) j->line[j->len] = '\0';
  return r;
}

/* A line that cannot be kept: the stream ends or read on past it.  What
** was read of it may still name the record. */
static ct_status line_failed(ct_cli_jsonl *j, line_end r,
                             ct_cli_jsonl_doc *d, ct_error *err) {
  int e = errno;
  d->lineno = j->lineno;
  if (r != LINE_ERROR && j->line != NULL)
    salvage_id(j->line, j->len, d);
  if (r == LINE_NUL)
    return ct_error_set(err, CT_EBINARY, "%s:%zu: binary file (NUL byte)",
                   j->name, j->lineno);
  if (r == LINE_ERROR)
    return ct_error_set(err, CT_EIO, "%s: cannot read: %s", j->name,
                   strerror(e ? e : EIO));
  j->skip = 1;
  if (r == LINE_NOMEM)
    return ct_error_set(err, CT_ENOMEM, "%s:%zu: out of memory", j->name,
                   j->lineno);
  return ct_error_set(err, CT_ETOOBIG, "%s:%zu: record larger than %zu bytes, "
                 "the document size cap", j->name, j->lineno, j->max);
}

/* Drops the rest of a line that was too long. */
static ct_status skip_rest(ct_cli_jsonl *j, ct_cli_jsonl_doc *d,
                           ct_error *err) {
  line_end r;
  j->len = 0;
  r = read_line(j, 0);
  j->skip = 0;
  if (r == LINE_NUL || r == LINE_ERROR) return line_failed(j, r, d, err);
  return CT_OK;
}

ct_status ct_cli_jsonl_next(ct_cli_jsonl *j, ct_cli_jsonl_doc *d, int *more,
                            ct_error *err) {
  line_end r;
  ct_status st;
  memset(d, 0, sizeof *d);
  *more = 0;
  if (j->skip && (st = skip_rest(j, d, err)) != CT_OK) return st;
  for (;;) {
    j->len = 0;
    r = read_line(j, 1);
    if (r == LINE_EOF && j->len == 0) return CT_OK;
    j->lineno++;
    if (r != LINE_NL && r != LINE_EOF) return line_failed(j, r, d, err);
    if (!blank(j->line, j->len)) break;
  }
  *more = 1;
  d->lineno = j->lineno;
  return parse_line(j, j->len, d, err);
}
