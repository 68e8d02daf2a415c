/*
** json.c -- JSON string escaping.
**
** Bytes that need no escape are copied in runs, so a long clause costs
** one append per escape rather than one per byte.  Whatever the bytes,
** the result is valid JSON: an invalid UTF-8 sequence (a file name is any
** bytes) becomes U+FFFD, a number that is not finite is never written as
** "inf" or "nan".
*/
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include "core/bytes8.h"
#include "output/json.h"
#include "text/utf8.h"

#define REPLACEMENT "\xEF\xBF\xBD"   /* U+FFFD */

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

/* A byte JSON takes as it is: ASCII other than '"', '\\' and the C0
** controls.  Bytes from 0x80 are decoded, and a valid sequence is taken
** as it is too. */
static int json_plain(unsigned char c) {
  return c >= 0x20 && c < 0x80 && c != '"' && c != '\\';
}

/* json_plain for eight bytes at once (core/bytes8.h). */
static int json_plain8(const unsigned char *p) {
  uint64_t x = ct_load8(p);
  return (x & CT_HIGHS) == 0 &&
         (ct_range_bits(x, 0x20, 0x7F) & ~ct_range_bits(x, '"', '"') &
          ~ct_range_bits(x, '\\', '\\')) == CT_HIGHS;
}

ct_status ct_json_chars(ct_buf *b, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, run = 0, len;
  char tmp[8];
  while (i < n) {
    const char *esc;
    if (n - i >= 8 && json_plain8(u + i)) {
      i += 8;
      continue;
    }
    if (json_plain(u[i])) {
      i++;
      continue;
    }
    len = 1;
    if (u[i] < 0x80) {
      esc = escape_of(u[i], tmp);
    } else {
      int32_t cp;
      len = ct_utf8_decode(u + i, n - i, &cp);
      esc = cp < 0 ? REPLACEMENT : NULL;
    }
    if (esc == NULL) {
      i += len;
      continue;
    }
    if (ct_buf_add(b, s + run, i - run) != CT_OK ||
        ct_buf_adds(b, esc) != CT_OK)
      return CT_ENOMEM;
    i += len;
    run = i;
  }
  return ct_buf_add(b, s + run, n - run);
}

ct_status ct_json_string(ct_buf *b, const char *s, size_t n) {
  if (ct_buf_reserve(b, n + 2) != CT_OK || ct_buf_addc(b, '"') != CT_OK ||
      ct_json_chars(b, s, n) != CT_OK)
    return CT_ENOMEM;
  return ct_buf_addc(b, '"');
}

ct_status ct_json_cstr(ct_buf *b, const char *s) {
  if (s == NULL) return ct_buf_adds(b, "null");
  return ct_json_string(b, s, strlen(s));
}

/* What ct_json_number writes for v, into num (24 bytes: %.6g takes at
** most 13, "-1.79769e+308", and ".0" goes only where there is no
** exponent); its length. */
static size_t number_text(double v, char *num) {
  if (isnan(v)) {
    memcpy(num, "null", 5);
    return 4;
  }
  if (isinf(v)) v = v > 0 ? DBL_MAX : -DBL_MAX;   /* 1.79769e+308 */
  snprintf(num, 22, "%.6g", v);
  if (strpbrk(num, ".e") == NULL && strstr(num, "inf") == NULL &&
      strstr(num, "nan") == NULL)
    strcat(num, ".0");
  return strlen(num);
}

ct_status ct_json_number(ct_buf *b, double v) {
  char num[24];
  size_t n = number_text(v, num);
  return ct_buf_add(b, num, n);
}

/* A slot holds what number_text wrote for the bits it holds: the text is
** a function of the bits, so a hit is exact. */
ct_status ct_json_number_cached(ct_buf *b, double v, ct_numcache *c) {
  uint64_t bits;
  size_t k;
  if (c == NULL) return ct_json_number(b, v);
  memcpy(&bits, &v, sizeof bits);
  k = (size_t)((bits * 0x9E3779B97F4A7C15ULL) >> 55);   /* 512 slots */
  if (c->len[k] == 0 || c->bits[k] != bits) {
    c->len[k] = (unsigned char)number_text(v, c->text[k]);
    c->bits[k] = bits;
  }
  return ct_buf_add(b, c->text[k], c->len[k]);
}

char *ct_json_quote(const char *s, size_t n) {
  ct_buf b = {0};
  return ct_buf_take_if(&b, ct_json_string(&b, s, n));
}
