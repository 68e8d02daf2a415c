/*
** grow.h -- room for one more element in a growing array.
**
** The one doubling loop of the library: an array of n elements with *cap
** slots gets twice the slots (`first` when it has none) once n reaches
** *cap.  Overflow of the byte count is out of memory, and on failure the
** array is left as it was, so the caller's cleanup stays simple.
*/
#ifndef CT_GROW_H
#define CT_GROW_H

#include <stddef.h>

/* arr itself while n < *cap; else arr reallocated to the doubled
** capacity (set in *cap); NULL when out of memory (arr still valid and
** still the caller's). */
void *ct_grow(void *arr, size_t n, size_t *cap, size_t elem, size_t first);

#endif
