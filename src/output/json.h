/*
** json.h -- JSON string literals for the library's output formats.
**
** Output is JSON Lines, read by scripts line by line, so a string must
** never contain a raw line break.  Everything JSON requires is escaped
** (" \ and the C0 controls); all other text, non-ASCII and U+2028/U+2029
** included, is written literally as UTF-8, which keeps Hangul readable
** and the output byte-for-byte predictable.
*/
#ifndef CT_JSON_H
#define CT_JSON_H

#include <stddef.h>
#include <stdint.h>
#include "core/buf.h"

/* Appends s[0..n) as a quoted JSON string.  `s` should be valid UTF-8
** (ct_text_span guarantees it); an invalid sequence (a file name can be
** any bytes) is written as U+FFFD.  NUL bytes inside it are escaped. */
ct_status ct_json_string(ct_buf *b, const char *s, size_t n);

/* The same without the quotes: the inside of a string, so that a string
** can be written in pieces. */
ct_status ct_json_chars(ct_buf *b, const char *s, size_t n);

/* The same for a NUL-terminated string; NULL appends `null`. */
ct_status ct_json_cstr(ct_buf *b, const char *s);

/* Appends a weight or score: %.6g, with ".0" added when that reads as an
** integer, so a number is always a JSON float (1.0, 2.5, -1.0, 1e+20).
** A score that overflowed (rule files may return huge numbers) is written
** as the largest finite value of its sign, 1.79769e+308, and NaN as null:
** JSON has no infinities.  Text formats print weights the same way. */
ct_status ct_json_number(ct_buf *b, double v);

/* The numbers last written, by their bits: scores and weights repeat (a
** rule adds the same weight at every hit; a corpus has a few hundred
** distinct ones), and %.6g costs far more than a look-up.  Zeroed to
** start. */
#define CT_NUMCACHE 512
typedef struct ct_numcache {
  uint64_t bits[CT_NUMCACHE];
  char text[CT_NUMCACHE][24];       /* "-1.79769e+308" is the longest */
  unsigned char len[CT_NUMCACHE];   /* 0: the slot is empty */
} ct_numcache;

/* ct_json_number through the cache c (NULL: none). */
ct_status ct_json_number_cached(ct_buf *b, double v, ct_numcache *c);

#endif
