/*
** align.h -- pairing the clauses of two versions of a document.
**
** What it promises:
**
** - Order is kept: the pairs, read in order, walk both sequences forward
**   (a pair's a and b are both after the previous pair's), and every item
**   of each side appears exactly once, paired or alone.  Between two
**   pairs, the items of `a` left alone (dropped) come before those of `b`
**   (new), as diff(1) prints deletions before insertions.
** - Reworded clauses pair up: two items may pair only when their
**   similarity (ct_align_similarity) reaches the threshold, and among the
**   order-keeping alignments the one with the largest sum of similarities
**   is chosen (a weighted longest common subsequence); byte-identical
**   texts weigh a little more than equal word sets, so an exact copy wins
**   over a reworded one.
** - Bounded: identical texts that occur once on each side are paired
**   first (the longest run of them that keeps order, as patience diff
**   does) and cut the problem into gaps (a gap too large to search whole
**   is cut again by the texts found once within it, up to 16 times);
**   each gap is solved by dynamic
**   programming over at most about max_cells cells in all, time and memory
**   (one byte per cell, two rows of scores).  When a gap would need more,
**   the programme looks only at a band of cells around the gap's diagonal,
**   whose width comes from the budget: large documents are then aligned
**   near the diagonal only (reported in ct_align_stats.banded), never in
**   quadratic time or memory.
** - Deterministic: the same texts always give the same pairs.
**
** Similarity is the Dice coefficient 2|A∩B| / (|A| + |B|) of the sets of
** words of the two texts, after NFKC and case folding (ct_fold): words are
** runs of letters, digits and marks; a word with Hangul, kana or CJK
** ideographs counts as the pairs of adjacent characters in it, since a
** Korean word changes its ending (particles) where an English one stays.
*/
#ifndef CT_DIFF_ALIGN_H
#define CT_DIFF_ALIGN_H

#include <stddef.h>
#include "clausetag.h"

#define CT_ALIGN_NONE ((size_t)-1)

/* Defaults: pair clauses sharing at least half their words; 64 Mi cells
** (64 MiB of directions; a few seconds of work at most, reached by two
** 26 MB documents of repeated text, where no clause is unique). */
#define CT_ALIGN_THRESHOLD 0.5
#define CT_ALIGN_MAX_CELLS ((size_t)64 << 20)

typedef struct ct_align_options {
  double threshold;     /* 0 < threshold <= 1: the least similarity of a
                        ** pair */
  size_t max_cells;     /* the budget of the dynamic programme, > 0 */
} ct_align_options;

void ct_align_options_default(ct_align_options *o);

/* One step of the alignment: a pair, or an item of one side alone. */
typedef struct ct_align_pair {
  size_t a, b;          /* indexes into a and b; CT_ALIGN_NONE: none */
  double similarity;    /* of a pair (1 for equal word sets); 0 alone */
  int exact;            /* a pair whose texts are byte for byte equal */
} ct_align_pair;

typedef struct ct_align_stats {
  size_t anchors;       /* pairs of unique identical texts found first */
  size_t cells;         /* cells of the dynamic programme */
  int banded;           /* a gap was too large and was searched in a band */
} ct_align_stats;

/* Aligns texts a[0..na) with b[0..nb) (UTF-8, NUL-terminated; clause
** texts with white space collapsed).  *out gets a malloc'ed array of
** *nout steps (free with free()), at most na + nb.  stats may be NULL.
** Fails only with CT_ENOMEM, or CT_EUSAGE for options out of range. */
ct_status ct_align(const char *const *a, size_t na, const char *const *b,
                   size_t nb, const ct_align_options *o, ct_align_pair **out,
                   size_t *nout, ct_align_stats *stats, ct_error *err);

/* The similarity of two texts, from 0 to 1 (1: the same words); two
** texts without words are 1 when equal, else 0.  -1 when out of memory. */
double ct_align_similarity(const char *x, const char *y);

#endif
