/*
** strmap.h -- a map from strings to pointers (open addressing).
**
** Keys are copied; values are the caller's, released through the `drop`
** function given to ct_strmap_free.  Used for per-engine caches (compiled
** regexes and phrases that rules build at run time), so it has a size cap:
** ct_strmap_put refuses new keys once `max` entries are held, and the
** caller then uses its value uncached.
*/
#ifndef CT_STRMAP_H
#define CT_STRMAP_H

#include <stddef.h>
#include "clausetag.h"

typedef struct ct_strmap {
  char **keys;
  void **vals;
  size_t cap, count, max;
} ct_strmap;

/* The value of key[0..n), or NULL. */
void *ct_strmap_get(const ct_strmap *m, const char *key, size_t n);

/* Stores a value under a new key: CT_OK, CT_ENOMEM, or CT_ELIMIT when
** the map already holds `max` entries (0: no cap). */
ct_status ct_strmap_put(ct_strmap *m, const char *key, size_t n, void *val);

void ct_strmap_free(ct_strmap *m, void (*drop)(void *));

#endif
