/*
** json.c -- JSON string escaping.
**
** Bytes that need no escape are copied in runs, so a long clause costs
** one append per escape rather than one per byte.
*/
#include <stdio.h>
#include <string.h>
#include "output/json.h"

/* The escape for byte c, or NULL when it is copied as it is. */
static const char *escape_of(unsigned char c, char tmp[8]) {
  switch (c) {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    case '\b': return "\\b";
    case '\f': return "\\f";
    default: break;
  }
  if (c >= 0x20) return NULL;
  tmp[0] = '\\', tmp[1] = 'u', tmp[2] = '0', tmp[3] = '0';
  tmp[4] = "0123456789abcdef"[c >> 4];
  tmp[5] = "0123456789abcdef"[c & 15];
  tmp[6] = '\0';
  return tmp;
}

ct_status ct_json_string(ct_buf *b, const char *s, size_t n) {
  size_t i, run = 0;
  char tmp[8];
  if (ct_buf_reserve(b, n + 2) != CT_OK || ct_buf_addc(b, '"') != CT_OK)
    return CT_ENOMEM;
  for (i = 0; i < n; i++) {
    const char *esc = escape_of((unsigned char)s[i], tmp);
    if (esc == NULL) continue;
    if (ct_buf_add(b, s + run, i - run) != CT_OK ||
        ct_buf_adds(b, esc) != CT_OK)
      return CT_ENOMEM;
    run = i + 1;
  }
  if (ct_buf_add(b, s + run, n - run) != CT_OK) return CT_ENOMEM;
  return ct_buf_addc(b, '"');
}

ct_status ct_json_cstr(ct_buf *b, const char *s) {
  if (s == NULL) return ct_buf_adds(b, "null");
  return ct_json_string(b, s, strlen(s));
}

ct_status ct_json_number(ct_buf *b, double v) {
  char num[40];
  snprintf(num, sizeof num, "%.6g", v);
  if (strpbrk(num, ".e") == NULL && strstr(num, "inf") == NULL &&
      strstr(num, "nan") == NULL)
    strcat(num, ".0");
  return ct_buf_adds(b, num);
}
