/*
** bytes16.h -- sixteen bytes at a time, where the machine has SSE2.
**
** Every x86-64 processor has SSE2, and its byte compares test sixteen
** bytes in one instruction, where bytes8.h's tests take several
** instructions for eight.  Only the first position of a byte class in a
** block is asked for (a bit mask, byte k in bit k).  CT_BYTES16 is 0
** where there is no SSE2 (or no GCC-style bit scan): callers then keep
** their portable loops, which stay as the reference either way.
*/
#ifndef CT_BYTES16_H
#define CT_BYTES16_H

#if defined(__SSE2__) && defined(__GNUC__)
#define CT_BYTES16 1
#include <emmintrin.h>

typedef __m128i ct_v16;

static inline ct_v16 ct_load16(const unsigned char *p) {
  return _mm_loadu_si128((const __m128i *)(const void *)p);
}

/* Sixteen copies of c. */
static inline ct_v16 ct_set16(unsigned char c) {
  return _mm_set1_epi8((char)c);
}

/* The bytes equal to c. */
static inline ct_v16 ct_eq16(ct_v16 x, unsigned char c) {
  return _mm_cmpeq_epi8(x, _mm_set1_epi8((char)c));
}

/* The bytes equal to c once `bits` are set in them: ct_eq_or16(x, 1,
** ')') marks '(' and ')'. */
static inline ct_v16 ct_eq_or16(ct_v16 x, unsigned char bits,
                                unsigned char c) {
  return _mm_cmpeq_epi8(_mm_or_si128(x, _mm_set1_epi8((char)bits)),
                        _mm_set1_epi8((char)c));
}

static inline ct_v16 ct_or16(ct_v16 a, ct_v16 b) { return _mm_or_si128(a, b); }
static inline ct_v16 ct_and16(ct_v16 a, ct_v16 b) {
  return _mm_and_si128(a, b);
}

/* The bytes above c (c < 0x80; a byte from 0x80 compares negative). */
static inline ct_v16 ct_above16(ct_v16 x, unsigned char c) {
  return _mm_cmpgt_epi8(x, _mm_set1_epi8((char)c));
}

/* The bytes in [lo, hi] (0 < lo <= hi < 0x80; a byte from 0x80 compares
** negative: none). */
static inline ct_v16 ct_range16(ct_v16 x, unsigned char lo, unsigned char hi) {
  return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8((char)(lo - 1))),
                       _mm_cmplt_epi8(x, _mm_set1_epi8((char)(hi + 1))));
}

/* Printable ASCII, 0x21 to 0x7E (a byte from 0x80 compares negative). */
static inline ct_v16 ct_print16(ct_v16 x) {
  return _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x20)),
                       _mm_cmplt_epi8(x, _mm_set1_epi8(0x7F)));
}

/* ASCII white space, ' ' and 0x09 to 0x0D (a byte from 0x80 compares
** negative: none). */
static inline ct_v16 ct_white16(ct_v16 x) {
  return _mm_or_si128(_mm_cmpeq_epi8(x, _mm_set1_epi8(' ')),
                      _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8(0x08)),
                                    _mm_cmplt_epi8(x, _mm_set1_epi8(0x0E))));
}

/* x with the ASCII capitals A-Z made lowercase, every other byte as it
** was. */
static inline ct_v16 ct_lower16(ct_v16 x) {
  ct_v16 up = _mm_and_si128(_mm_cmpgt_epi8(x, _mm_set1_epi8('A' - 1)),
                            _mm_cmplt_epi8(x, _mm_set1_epi8('Z' + 1)));
  return _mm_add_epi8(x, _mm_and_si128(up, _mm_set1_epi8(0x20)));
}

static inline void ct_store16(unsigned char *p, ct_v16 x) {
  _mm_storeu_si128((__m128i *)(void *)p, x);
}

/* Bit k set for a marked byte k (or, for ct_high16, a byte from 0x80). */
static inline unsigned ct_mask16(ct_v16 m) {
  return (unsigned)_mm_movemask_epi8(m);
}
static inline unsigned ct_high16(ct_v16 x) {
  return (unsigned)_mm_movemask_epi8(x);
}

/* How many bytes a 16-bit mask marks. */
static inline unsigned ct_count16(unsigned m) {
  /* in two-, four-, eight-bit sums: no call to a library's popcount */
  m = m - ((m >> 1) & 0x5555u);
  m = (m & 0x3333u) + ((m >> 2) & 0x3333u);
  m = (m + (m >> 4)) & 0x0F0Fu;
  return (m + (m >> 8)) & 0x1Fu;
}

/* The first marked byte of a mask that is not 0. */
static inline unsigned ct_first16(unsigned m) {
  return (unsigned)__builtin_ctz(m);
}

/* The last marked byte of a mask that is not 0. */
static inline unsigned ct_last16(unsigned m) {
  return 31u - (unsigned)__builtin_clz(m);
}
#else
#define CT_BYTES16 0
#endif

#endif
