/*
** cut.h -- where a plain text may be cut, as the first pass over a large
** file (plan.c) and the segmenter (segment/) both see it.
**
** The segmenter takes a text a block at a time (lines with no blank line
** between).  So that a file without blank lines is not one block, held
** whole, the segmenter also ends a block at a *window line*: a line that
** starts text right after a line that ends a sentence, the first such
** line of its window (the file's bytes in windows of CT_CUT_WINDOW) when
** the block began in an earlier window.  The rule reads only the bytes
** and the file offset, so the plan can note the same lines as places to
** cut, and the pieces of a file reach them as the whole file does.
** Offsets here are the file's (a text's base added).
**
** A window line ends a sentence anyway, so a block cut there is cut into
** the same clauses but for what the segmenter reads off a whole block
** (its width, furniture among its lines).  Windows of 256 KiB keep a
** piece of text without blank lines near 512 KiB (1 MiB windows
** doubled the memory of two workers: 91 MB for 512 MiB, against 53).
*/
#ifndef CT_CUT_H
#define CT_CUT_H

#include <stddef.h>
#include <stdint.h>
#include "text/utf8.h"

#define CT_CUT_WINDOW ((size_t)256 << 10)
#define CT_CUT_SMALL_WINDOW ((size_t)256)   /* for tests: windows cut often */

/* Does text start at s (n bytes on)?  Not white space, not '<' (markup
** that may close a comment), not a byte order mark. */
static inline int ct_cut_starts_text(const unsigned char *s, size_t n) {
  int32_t cp;
  if (s[0] < 0x80) return s[0] > ' ' && s[0] < 0x7F && s[0] != '<';
  ct_utf8_decode(s, n, &cp);
  return cp >= 0 && cp != 0xFEFF && !ct_cp_isspace(cp);
}

/* Does `at` lie in a later window than `block_at`, where a block began? */
static inline int ct_cut_new_window(size_t block_at, size_t at,
                                    size_t window) {
  return block_at / window < at / window;
}

/* Is c a byte that neither ends a line's content nor shows: space, tab,
** vertical tab, form feed. */
static inline int ct_cut_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\v' || c == '\f';
}

/* Is c, the last byte of a line's content (ct_cut_space bytes apart),
** the end of a sentence? */
static inline int ct_cut_final(unsigned char c) {
  return c == '.' || c == '!' || c == '?';
}

#endif
