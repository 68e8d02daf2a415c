/*
** norm.h -- the normalized view of a text, the form rules match against.
**
** NFKC + case fold (utf8proc), with a map from every byte of the
** normalized string back to the input, so a match found in the
** normalized view is reported at its place in the original.  A soft
** hyphen (U+00AD) that stands alone is dropped, as NFKC_Casefold drops
** it: a word it splits is one word.
**
** The view is built cluster by cluster: a cluster is a starter code point
** with the combining marks after it (so composition never crosses a
** cluster), ASCII folds through a table without calling utf8proc.  Every
** normalized byte produced by a cluster maps to the cluster's first input
** byte; the end of the view maps to the end of the input range.  The map
** is monotonic.
**
** The map is kept as runs, not per byte: a *copy* run is text the view
** holds as it was (ASCII, lowercased, and every code point that neither
** decomposes nor case folds: punctuation, Hangul, CJK), where each byte
** maps to the start of its own character; a *cluster* run is one cluster
** that folding changed, all of whose bytes map to its first input byte.
** ASCII text is one run however long, so the map costs 8 bytes per run
** instead of 8 per byte.  Offsets are kept relative to `base` in 32 bits:
** a view covers less than 2 GiB of input (longer: CT_ETOOBIG).
**
** A run of more than 30 non-starters is cut into clusters of 30, as the
** stream-safe text format of UAX #15 cuts it with a CGJ (none is added
** to the view): the time stays linear in the input, where canonical
** ordering of one long run would be quadratic.  Text with such a run is
** folded as NFKC folds the stream-safe form; any other text exactly as
** NFKC + case fold.
*/
#ifndef CT_NORM_H
#define CT_NORM_H

#include <stddef.h>
#include <stdint.h>
#include "clausetag.h"

#define CT_NORM_MAX_INPUT ((size_t)1 << 31)   /* bytes a view may cover */

typedef struct ct_norm_run {
  uint32_t norm;    /* first normalized byte of the run */
  uint32_t in;      /* its input offset from base; CT_NORM_CLUSTER set for
                    ** a cluster run */
} ct_norm_run;

#define CT_NORM_CLUSTER 0x80000000u

typedef struct ct_norm {
  char *s;          /* normalized UTF-8, NUL-terminated */
  size_t len;
  size_t base;      /* input offset of the first input byte */
  size_t n;         /* input bytes covered */
  ct_norm_run *runs;   /* by normalized offset; the last starts at len */
  size_t nruns;
} ct_norm;

/* Normalizes in[0..n); input offsets in the map start at `base` (pass the
** offset of `in` inside the document).  Invalid sequences fold to U+FFFD.
** CT_ENOMEM, or CT_ETOOBIG when n or the view reaches 2 GiB. */
/* ct_fold with the bytes its buffers hold (output and scratch) capped
** at `cap` (0: no cap), for callers whose memory is limited (ct.fold in
** the rule sandbox): NULL, with *over set, once the fold would pass it;
** NULL with *over 0 when out of memory.  Stopping at the cap also bounds
** the work, which grows with the output. */
char *ct_fold_within(const char *s, size_t len, size_t cap, int *over);

ct_status ct_norm_build(ct_norm *out, const char *in, size_t n, size_t base);
void ct_norm_free(ct_norm *nm);

/* Input offset of normalized offset `off` (0 <= off <= len). */
size_t ct_norm_to_input(const ct_norm *nm, size_t off);

/* The first normalized offset whose input offset is >= `in_off`. */
size_t ct_norm_from_input(const ct_norm *nm, size_t in_off);

#endif
