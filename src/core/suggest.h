/*
** suggest.h -- "did you mean ...?": the known name nearest to a
** misspelt one.
**
** Names are compared by edit distance over code points (ASCII letters
** compared without case), where inserting, deleting or changing one
** character, or swapping two neighbours, costs 1 each (the optimal
** string alignment distance): `wieght` is 1 from `weight`, `rulle` 1
** from `rule`, `trdae` 1 from `trade`.  A name is suggested only when it
** is near enough for the mistake to be a typo: at most 1 edit for a word
** of 3 or 4 characters, 2 up to 8, 3 beyond; none for 1 or 2 characters
** (every short word is near every other).  Among equally near names the
** first offered wins, so suggestions do not depend on anything but the
** order the caller offers them in.
*/
#ifndef CT_SUGGEST_H
#define CT_SUGGEST_H

#include <stddef.h>
#include "clausetag.h"

/* The longest name compared, in code points; longer ones are never near. */
#define CT_SUGGEST_MAX 128

/* Edit distance between a and b as above; (size_t)-1 when either is
** longer than CT_SUGGEST_MAX code points. */
size_t ct_edit_distance(const char *a, const char *b);

/* Collects candidates one at a time: the nearest one so far. */
typedef struct ct_suggester {
  const char *word;      /* the misspelt name */
  const char *best;      /* nearest candidate near enough, or NULL */
  size_t dist;
} ct_suggester;

void ct_suggest_init(ct_suggester *s, const char *word);
void ct_suggest_offer(ct_suggester *s, const char *candidate);

/* The suggestion, or NULL. */
const char *ct_suggest_best(const ct_suggester *s);

/* ct_suggest, the nearest of a list of names, is public: clausetag.h. */

#endif
