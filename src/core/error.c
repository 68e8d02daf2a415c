/*
** error.c -- status names and error messages.
*/
#include <stdarg.h>
#include <stdio.h>
#include "core/error.h"

static const char *const status_names[CT_STATUS_COUNT] = {
  "success",
  "out of memory",
  "input/output error",
  "invalid UTF-8",
  "binary file",
  "usage error",
  "syntax error",
  "rule error",
  "sandbox limit exceeded",
  "larger than the document size cap",
};

const char *ct_strerror(ct_status s) {
  if ((unsigned)s >= CT_STATUS_COUNT) return "unknown status";
  return status_names[s];
}

/* A message is one line a terminal shows as it is: text from a document
** or a rule file (an error("...") with line breaks or escape sequences)
** must not forge lines or colors.  C0 controls and DEL become spaces, C1
** controls (U+0080..U+009F) question marks. */
static void clean(char *s) {
  unsigned char *p = (unsigned char *)s;
  for (; *p; p++) {
    if (*p < 0x20 || *p == 0x7F) *p = ' ';
    else if (p[0] == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) p[0] = p[1] = '?';
  }
}

ct_status ct_error_set(ct_error *err, ct_status s, const char *fmt, ...) {
  va_list ap;
  if (err == NULL) return s;
  err->status = s;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  clean(err->msg);
  return s;
}
