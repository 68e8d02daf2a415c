/*
** utf8.c -- strict UTF-8 decoding and code point classes.
*/
#include <utf8proc.h>
#include "text/utf8.h"

size_t ct_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) {
  unsigned c = s[0];
  size_t len, i;
  int32_t v;
  unsigned lo = 0x80, hi = 0xBF;   /* allowed range of the second byte */
  if (c < 0x80) { *cp = (int32_t)c; return 1; }
  if (c < 0xC2 || c > 0xF4) { *cp = -1; return 1; }
  if (c < 0xE0) { len = 2; v = (int32_t)(c & 0x1F); }
  else if (c < 0xF0) {
    len = 3; v = (int32_t)(c & 0x0F);
    if (c == 0xE0) lo = 0xA0;        /* overlong */
    else if (c == 0xED) hi = 0x9F;   /* surrogates */
  } else {
    len = 4; v = (int32_t)(c & 0x07);
    if (c == 0xF0) lo = 0x90;        /* overlong */
    else if (c == 0xF4) hi = 0x8F;   /* above U+10FFFF */
  }
  for (i = 1; i < len; i++) {
    unsigned b;
    if (i >= n) { *cp = -1; return i; }
    b = s[i];
    if (i == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) {
      *cp = -1;
      return i;
    }
    v = (v << 6) | (int32_t)(b & 0x3F);
  }
  *cp = v;
  return len;
}

size_t ct_utf8_encode(int32_t cp, char out[4]) {
  if (cp < 0x80) { out[0] = (char)cp; return 1; }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

size_t ct_utf8_check(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    size_t k;
    if (s[i] < 0x80) { i++; continue; }
    k = ct_utf8_decode(s + i, n - i, &cp);
    if (cp < 0) return i;
    i += k;
  }
  return n;
}

int ct_cp_isspace(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= 0x09 && cp <= 0x0D);
  return cp == 0x85 || cp == 0xA0 || cp == 0x1680 ||
         (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
         cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

static utf8proc_category_t category(int32_t cp) {
  if (ct_cp_ishangul(cp)) return UTF8PROC_CATEGORY_LO;
  return cp < 0 ? UTF8PROC_CATEGORY_CN : utf8proc_category(cp);
}

int ct_cp_isformat(int32_t cp) {
  return cp >= 0x80 && category(cp) == UTF8PROC_CATEGORY_CF;
}

int ct_cp_isupper(int32_t cp) {
  utf8proc_category_t c;
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  c = category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int ct_cp_islower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return category(cp) == UTF8PROC_CATEGORY_LL;
}

int ct_cp_isalpha(int32_t cp) {
  utf8proc_category_t c;
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  c = category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int ct_cp_isdigit(int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return category(cp) == UTF8PROC_CATEGORY_ND;
}

int ct_cp_isalnum(int32_t cp) { return ct_cp_isalpha(cp) || ct_cp_isdigit(cp); }

int ct_cp_ismark(int32_t cp) {
  utf8proc_category_t k;
  if (cp < 0x300) return 0;
  k = category(cp);
  return k == UTF8PROC_CATEGORY_MN || k == UTF8PROC_CATEGORY_MC ||
         k == UTF8PROC_CATEGORY_ME;
}

int ct_cp_width(int32_t cp) {
  return ct_cp_ishangul(cp) ? 2 : utf8proc_charwidth(cp);
}

int ct_cp_iscjk(int32_t cp) {
  return (cp >= 0x1100 && cp <= 0x11FF) ||   /* Hangul Jamo */
         (cp >= 0x3040 && cp <= 0x30FF) ||   /* kana */
         (cp >= 0x3130 && cp <= 0x318F) ||   /* Hangul compatibility Jamo */
         (cp >= 0x3400 && cp <= 0x4DBF) ||   /* CJK ext. A */
         (cp >= 0x4E00 && cp <= 0x9FFF) ||   /* CJK unified */
         (cp >= 0xAC00 && cp <= 0xD7AF) ||   /* Hangul syllables */
         (cp >= 0xF900 && cp <= 0xFAFF) ||   /* CJK compatibility */
         (cp >= 0x20000 && cp <= 0x3FFFF);   /* CJK ext. B.. */
}
