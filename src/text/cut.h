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
**
** A line of a window or more (a page exported one line per document) is
** cut too, at *window sentences*: the first place a window or more past
** the line's start (or its last window sentence) where a sentence
** plainly ends: three ASCII small letters, '.', '!' or '?', one or two
** spaces, an ASCII capital and a small letter ("ties. The"); or a
** Hangul syllable, '.', a space and a Hangul syllable ("했습니다. 양국");
** or a CJK letter (Han, kana, Hangul), a full stop '。', '！' or '？'
** and a CJK letter, with no space ("会谈。双方": a text without spaces);
** and two windows or more past, a weaker one: any ASCII letter, '.', '!'
** or '?', a space and a capital ("b. A"), so that a line of tiny
** sentences without the plain kind is cut too.
** The segmenter ends the block there and reads the rest of the line as
** a paragraph's text going on (never a heading, list item or
** furniture), and the plan notes the place as a cut whose text starts
** mid-line (ct_text.col0).  The segmenter's state there is the same
** whatever came before (no block or list open, no headline to come), so
** a piece's run starts at the cut itself.  The test reads the eight
** bytes from six before the capital (or the letter after the stop) to
** one after it, and never a byte before the line's start.
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

/* Byte k of h, the latest byte being byte 0. */
static inline unsigned ct_cut_byte(uint64_t h, int k) {
  return (unsigned)(h >> (8 * k)) & 0xFFu;
}

static inline int ct_cut_small(unsigned c) { return c >= 'a' && c <= 'z'; }
static inline int ct_cut_capital(unsigned c) { return c >= 'A' && c <= 'Z'; }
static inline int ct_cut_trail(unsigned c) { return c >= 0x80 && c <= 0xBF; }
static inline int ct_cut_hangul(unsigned c) { return c >= 0xEA && c <= 0xED; }

/* Do lead byte c and the byte t after it start a CJK letter of three
** bytes: U+3040 (kana) to U+D7FF (Han, Hangul), the CJK punctuation of
** U+3000-303F apart? */
static inline int ct_cut_cjk(unsigned c, unsigned t) {
  return ct_cut_trail(t) && c >= 0xE3 && c <= 0xED && (c > 0xE3 || t > 0x80);
}

/* Is the character of three bytes c1 c2 c3 a CJK full stop: U+3002,
** U+FF01, U+FF1F? */
static inline int ct_cut_cjk_stop(unsigned c1, unsigned c2, unsigned c3) {
  return (c1 == 0xE3 && c2 == 0x80 && c3 == 0x82) ||
         (c1 == 0xEF && c2 == 0xBC && (c3 == 0x81 || c3 == 0x9F));
}

/* Can c be the byte before a window sentence: a space, or the last byte
** of a stop of ct_cut_cjk_stop?  (A cheap test the segmenter makes
** before it reads the eight bytes.) */
static inline int ct_cut_before(unsigned char c) {
  return c == ' ' || c == 0x82 || c == 0x81 || c == 0x9F;
}

/* Is p a plain window sentence, h holding bytes p-6 .. p+1 (p+1 as byte
** 0; bytes before the line's start as 0)?  Its distance from the line's
** start is ct_cut_sentence_at's to check. */
static inline int ct_cut_sentence(uint64_t h) {
  if (ct_cut_byte(h, 2) != ' ')
    return ct_cut_cjk(ct_cut_byte(h, 1), ct_cut_byte(h, 0)) &&
           ct_cut_cjk_stop(ct_cut_byte(h, 4), ct_cut_byte(h, 3),
                           ct_cut_byte(h, 2)) &&
           ct_cut_cjk(ct_cut_byte(h, 7), ct_cut_byte(h, 6)) &&
           ct_cut_trail(ct_cut_byte(h, 5));
  if (ct_cut_capital(ct_cut_byte(h, 1)) && ct_cut_small(ct_cut_byte(h, 0))) {
    int k = ct_cut_byte(h, 3) == ' ' ? 4 : 3;     /* one space or two */
    return ct_cut_final((unsigned char)ct_cut_byte(h, k)) &&
           ct_cut_small(ct_cut_byte(h, k + 1)) &&
           ct_cut_small(ct_cut_byte(h, k + 2)) &&
           ct_cut_small(ct_cut_byte(h, k + 3));
  }
  return ct_cut_hangul(ct_cut_byte(h, 1)) && ct_cut_trail(ct_cut_byte(h, 0)) &&
         ct_cut_byte(h, 3) == '.' && ct_cut_trail(ct_cut_byte(h, 4)) &&
         ct_cut_trail(ct_cut_byte(h, 5)) && ct_cut_hangul(ct_cut_byte(h, 6));
}

/* The weaker kind: a letter, a stop, a space, a capital. */
static inline int ct_cut_sentence_weak(uint64_t h) {
  return ct_cut_byte(h, 2) == ' ' && ct_cut_capital(ct_cut_byte(h, 1)) &&
         ct_cut_final((unsigned char)ct_cut_byte(h, 3)) &&
         ct_cut_small(ct_cut_byte(h, 4) | 0x20u);
}

/* Is p, `dist` bytes into its line (from its start or its last window
** sentence), a window sentence, h as for ct_cut_sentence? */
static inline int ct_cut_sentence_at(uint64_t h, size_t dist,
                                     size_t window) {
  return dist >= window && (ct_cut_sentence(h) ||
                            (dist >= 2 * window && ct_cut_sentence_weak(h)));
}

/* The bytes ct_cut_sentence reads at p, from s where the line starts at
** v (p + 1 a byte of s). */
static inline uint64_t ct_cut_history(const unsigned char *s, size_t v,
                                      size_t p) {
  uint64_t h = 0;
  size_t i = p >= v + 6 ? p - 6 : v;
  for (; i <= p + 1; i++) h = h << 8 | s[i];
  return h;
}

#endif
