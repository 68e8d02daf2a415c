/*
** abbrev.h -- the abbreviation set the segmenter consults.
**
** Entries are stored as written ("U.S.", "Amb.", "e.g."), period
** included, and looked up case-sensitively by the token that ends at a
** period, with its leading brackets and quotes already stripped.
*/
#ifndef CT_ABBREV_H
#define CT_ABBREV_H

#include <stddef.h>
#include "clausetag.h"

/* The shipped list, generated from rules/abbreviations.txt; NULL-ended. */
extern const char *const ct_abbrev_default[];

/* Is tok[0..n) (period included) a listed abbreviation? */
int ct_abbrevs_has(const ct_abbrevs *a, const char *tok, size_t n);

#endif
