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

ct_status ct_fail(ct_error *err, ct_status s, const char *fmt, ...) {
  va_list ap;
  if (err == NULL) return s;
  err->status = s;
  va_start(ap, fmt);
  vsnprintf(err->msg, sizeof err->msg, fmt, ap);
  va_end(ap);
  return s;
}
