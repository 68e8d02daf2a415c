/*
** utf8.h -- decoding UTF-8 and classifying code points.
**
** The decoder is strict (RFC 3629): overlong forms, surrogates, code
** points above U+10FFFF, truncated sequences and stray continuation bytes
** are all invalid.  It never reads past `n` and always advances, so any
** byte string can be walked safely.
*/
#ifndef CT_UTF8_H
#define CT_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define CT_REPLACEMENT 0xFFFD

/* Decodes the code point at s[0..n) (n > 0).  Returns its length in bytes
** (1..4) and stores it in *cp; on an invalid sequence returns the length
** of the maximal invalid prefix (at least 1) and stores -1. */
size_t ct_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Encodes cp into out[0..4); returns the length. */
size_t ct_utf8_encode(int32_t cp, char out[4]);

/* Offset of the first invalid sequence in s[0..n), or n if all valid. */
size_t ct_utf8_check(const unsigned char *s, size_t n);

/* Code point classes (Unicode general categories via utf8proc). */
int ct_cp_isspace(int32_t cp);   /* White_Space: Zs, tab, line ends, NBSP */
int ct_cp_isupper(int32_t cp);   /* Lu, Lt */
int ct_cp_islower(int32_t cp);   /* Ll */
int ct_cp_isalpha(int32_t cp);   /* any letter L* */
int ct_cp_isdigit(int32_t cp);   /* Nd */
int ct_cp_isalnum(int32_t cp);
int ct_cp_ismark(int32_t cp);    /* combining marks M* */
int ct_cp_isformat(int32_t cp);  /* Cf: zero-width space, joiners, BOM,
                                 ** bidi controls, soft hyphen */
int ct_cp_iscjk(int32_t cp);     /* Hangul, kana, CJK ideographs */
int ct_cp_width(int32_t cp);     /* columns a terminal gives it: 2 for
                                 ** Hangul, CJK, fullwidth forms, 0 for
                                 ** combining marks (utf8proc's) */

/* A Hangul syllable, U+AC00 to U+D7A3: most of a Korean text, so the
** classes above answer it without utf8proc's tables (a letter, Lo, of
** width 2, no case, no decomposition by table, combining class 0). */
static inline int ct_cp_ishangul(int32_t cp) {
  return cp >= 0xAC00 && cp <= 0xD7A3;
}

/* Can byte c start a White_Space character (ct_utf8_space_len)?  A
** loop's quick test before it asks for the length. */
static inline int ct_utf8_space_lead(unsigned c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0xC2 ||
         (c >= 0xE1 && c <= 0xE3);
}

/* The length of the White_Space character (ct_cp_isspace's set) that
** starts s[0..n) (n > 0), or 0: the same set read from the bytes, for
** loops that meet white space far more often than they decode (the
** phrase automaton, a regex's subject).  test_subject checks that the
** two agree on every code point. */
static inline size_t ct_utf8_space_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c == ' ' || (c >= 0x09 && c <= 0x0D)) return 1;
  if (c == 0xC2) return n >= 2 && (s[1] == 0x85 || s[1] == 0xA0) ? 2 : 0;
  if (n < 3 || c < 0xE1 || c > 0xE3) return 0;
  if (c == 0xE1) return s[1] == 0x9A && s[2] == 0x80 ? 3 : 0;  /* U+1680 */
  if (c == 0xE3) return s[1] == 0x80 && s[2] == 0x80 ? 3 : 0;  /* U+3000 */
  if (s[1] == 0x81) return s[2] == 0x9F ? 3 : 0;                /* U+205F */
  if (s[1] != 0x80) return 0;
  c = s[2];                             /* U+2000..200A, 2028, 2029, 202F */
  return (c >= 0x80 && c <= 0x8A) || c == 0xA8 || c == 0xA9 || c == 0xAF
             ? 3 : 0;
}

#endif
