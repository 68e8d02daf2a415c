/*
** grow.c -- the doubling array growth of grow.h.
*/
#include <stdlib.h>
#include "core/grow.h"

void *ct_grow(void *arr, size_t n, size_t *cap, size_t elem, size_t first) {
  size_t ncap;
  void *p;
  if (n < *cap) return arr;
  ncap = *cap ? *cap * 2 : first;
  if (ncap < *cap || ncap > (size_t)-1 / elem) return NULL;
  p = realloc(arr, ncap * elem);
  if (p != NULL) *cap = ncap;
  return p;
}
