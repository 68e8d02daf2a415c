/*
** buf.c -- growable byte buffer.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"

ct_status ct_buf_reserve(ct_buf *b, size_t extra) {
  size_t need, cap;
  char *s;
  if (extra > (size_t)-1 - b->len - 1) return CT_ENOMEM;
  need = b->len + extra + 1;
  if (need <= b->cap) return CT_OK;
  cap = b->cap ? b->cap : 64;
  while (cap < need) cap = cap > (size_t)-1 / 2 ? need : cap * 2;
  s = realloc(b->s, cap);
  if (s == NULL) return CT_ENOMEM;
  b->s = s;
  b->cap = cap;
  return CT_OK;
}

ct_status ct_buf_add(ct_buf *b, const void *p, size_t n) {
  if (ct_buf_reserve(b, n) != CT_OK) return CT_ENOMEM;
  if (n) memcpy(b->s + b->len, p, n);
  b->len += n;
  b->s[b->len] = '\0';
  return CT_OK;
}

ct_status ct_buf_addc(ct_buf *b, char c) {
  if (b->len + 1 < b->cap) {            /* room for c and the NUL */
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
    return CT_OK;
  }
  return ct_buf_add(b, &c, 1);
}

ct_status ct_buf_addu(ct_buf *b, size_t v) {
  char digits[3 * sizeof v], *p = digits + sizeof digits;
  do *--p = (char)('0' + v % 10); while ((v /= 10) != 0);
  return ct_buf_add(b, p, (size_t)(digits + sizeof digits - p));
}

ct_status ct_buf_adds(ct_buf *b, const char *s) {
  return ct_buf_add(b, s, strlen(s));
}

/* Formats straight into the free room, and a second time only when it
** did not fit. */
ct_status ct_buf_printf(ct_buf *b, const char *fmt, ...) {
  va_list ap;
  int n;
  if (ct_buf_reserve(b, 63) != CT_OK) return CT_ENOMEM;
  va_start(ap, fmt);
  n = vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
  va_end(ap);
  if (n < 0) {
    b->s[b->len] = '\0';
    return CT_ENOMEM;
  }
  if ((size_t)n >= b->cap - b->len) {
    b->s[b->len] = '\0';
    if (ct_buf_reserve(b, (size_t)n) != CT_OK) return CT_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
  }
  b->len += (size_t)n;
  return CT_OK;
}

void ct_buf_clear(ct_buf *b) {
  b->len = 0;
  if (b->s) b->s[0] = '\0';
}

void ct_buf_free(ct_buf *b) {
  free(b->s);
  b->s = NULL;
  b->len = b->cap = 0;
}

char *ct_buf_take(ct_buf *b) {
  char *s = b->s;
  if (s == NULL) s = calloc(1, 1);
  b->s = NULL;
  b->len = b->cap = 0;
  return s;
}

char *ct_buf_take_if(ct_buf *b, ct_status s) {
  if (s == CT_OK) return ct_buf_take(b);
  ct_buf_free(b);
  return NULL;
}

const char *ct_series_sep(size_t i, size_t n) {
  return i == 0 ? "" : i + 1 == n ? " and " : ", ";
}
