/*
** bytes8.h -- eight ASCII bytes at a time, in a 64-bit word.
**
** A mask has the high bit of byte k set for byte k of the eight, and
** ct_load8 puts p[0] lowest whatever the machine's byte order, so a
** shift by 8 moves a mark to the next byte.  For bytes below 0x80,
** adding a constant below 0x80 never carries into the next byte, so
** every test here is exact byte by byte: callers check that
** (x & CT_HIGHS) == 0 first.
*/
#ifndef CT_BYTES8_H
#define CT_BYTES8_H

#include <stddef.h>
#include <stdint.h>

#define CT_ONES 0x0101010101010101ULL
#define CT_HIGHS 0x8080808080808080ULL

static inline uint64_t ct_load8(const unsigned char *p) {
  return (uint64_t)p[0] | (uint64_t)p[1] << 8 | (uint64_t)p[2] << 16 |
         (uint64_t)p[3] << 24 | (uint64_t)p[4] << 32 | (uint64_t)p[5] << 40 |
         (uint64_t)p[6] << 48 | (uint64_t)p[7] << 56;
}

/* The bytes in [lo, hi] (0 < lo <= hi < 0x80). */
static inline uint64_t ct_range_bits(uint64_t x, unsigned lo, unsigned hi) {
  return (x + CT_ONES * (0x80 - lo)) & ~(x + CT_ONES * (0x7F - hi)) &
         CT_HIGHS;
}

/* The bytes ct_cp_isspace takes for white space: ' ' and 0x09-0x0D. */
static inline uint64_t ct_white_bits(uint64_t x) {
  return ct_range_bits(x, ' ', ' ') | ct_range_bits(x, 0x09, 0x0D);
}

/* How many bytes a mask marks (at most eight: no carry out of the top). */
static inline size_t ct_bytes_set(uint64_t m) {
  return (size_t)(((m >> 7) * CT_ONES) >> 56);
}

#endif
