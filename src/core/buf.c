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

ct_status ct_buf_addc(ct_buf *b, char c) { return ct_buf_add(b, &c, 1); }

ct_status ct_buf_adds(ct_buf *b, const char *s) {
  return ct_buf_add(b, s, strlen(s));
}

ct_status ct_buf_printf(ct_buf *b, const char *fmt, ...) {
  va_list ap;
  int n;
  va_start(ap, fmt);
  n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0 || ct_buf_reserve(b, (size_t)n) != CT_OK) return CT_ENOMEM;
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
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
