/*
** norm.h -- the normalized view of a text, the form rules match against.
**
** NFKC + case fold (utf8proc), with a map from every byte of the
** normalized string back to the input, so a match found in the
** normalized view is reported at its place in the original.
**
** The view is built cluster by cluster: a cluster is a starter code point
** with the combining marks after it (so composition never crosses a
** cluster), ASCII folds through a table without calling utf8proc.  Every
** normalized byte produced by a cluster maps to the cluster's first input
** byte; map[len] is the end of the input range.  The map is monotonic.
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
#include "clausetag.h"

typedef struct ct_norm {
  char *s;          /* normalized UTF-8, NUL-terminated */
  size_t len;
  size_t *map;      /* len + 1 entries: input offset of each byte */
} ct_norm;

/* Normalizes in[0..n); input offsets in the map start at `base` (pass the
** offset of `in` inside the document).  Invalid sequences fold to U+FFFD. */
ct_status ct_norm_build(ct_norm *out, const char *in, size_t n, size_t base);
void ct_norm_free(ct_norm *nm);

/* Input offset of normalized offset `off` (0 <= off <= len). */
size_t ct_norm_to_input(const ct_norm *nm, size_t off);

/* The first normalized offset whose input offset is >= `in_off`. */
size_t ct_norm_from_input(const ct_norm *nm, size_t in_off);

#endif
