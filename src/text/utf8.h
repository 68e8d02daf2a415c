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

#endif
