/*
** read.c -- reading a document in any input format (clausetag.h).
**
** Every format is read through the same bounded reader as plain text
** (the size cap, the change check), so a page or a PDF costs no more
** memory than a text file of the same size before its reader starts.
*/
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "core/buf.h"
#include "core/error.h"
#include "input/input.h"
#include "text/text.h"

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n > k && strcasecmp(s + n - k, suffix) == 0;
}

ct_input_format ct_input_format_of(const char *path) {
  if (ends_with(path, ".html") || ends_with(path, ".htm"))
    return CT_INPUT_HTML;
  if (ends_with(path, ".pdf")) return CT_INPUT_PDF;
  return CT_INPUT_TEXT;
}

const char *ct_input_format_name(ct_input_format f) {
  static const char *const names[] = {"text", "html", "pdf"};
  return (unsigned)f < 3 ? names[f] : "?";
}

ct_status ct_text_read_format(const char *path, ct_input_format format,
                              ct_invalid mode, size_t max_bytes,
                              ct_text **out, ct_error *err) {
  ct_text *src;
  ct_buf b = {0};
  ct_status st;
  *out = NULL;
  if (format == CT_INPUT_PDF) {
    if ((st = ct_read_bytes(path, max_bytes, &b, err)) != CT_OK) return st;
    st = ct_pdf_extract(strcmp(path, "-") == 0 ? "<stdin>" : path,
                        b.s ? b.s : "", b.len, max_bytes, out, err);
    ct_buf_free(&b);
    return st;
  }
  st = ct_text_read_file_max(path, mode, max_bytes, &src, err);
  if (st != CT_OK || format == CT_INPUT_TEXT) {
    *out = st == CT_OK ? src : NULL;
    return st;
  }
  return ct_html_extract(src, out, err);
}

ct_status ct_text_from_format(const char *name, const void *data, size_t len,
                              ct_input_format format, ct_invalid mode,
                              ct_text **out, ct_error *err) {
  ct_text *src;
  ct_status st;
  *out = NULL;
  if (format == CT_INPUT_PDF)
    return ct_pdf_extract(name, data, len, CT_DEFAULT_MAX_DOCUMENT_BYTES, out,
                          err);
  st = ct_text_from_buffer(name, data, len, mode, &src, err);
  if (st != CT_OK || format == CT_INPUT_TEXT) {
    *out = st == CT_OK ? src : NULL;
    return st;
  }
  return ct_html_extract(src, out, err);
}
