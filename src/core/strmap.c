/*
** strmap.c -- string-keyed hash map with linear probing.
*/
#include <stdlib.h>
#include <string.h>
#include "core/strmap.h"

static size_t hash(const char *s, size_t n) {
  size_t h = 2166136261u;   /* FNV-1a */
  while (n--) h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}

static size_t slot(char *const *keys, size_t cap, const char *k, size_t n) {
  size_t i = hash(k, n) & (cap - 1);
  while (keys[i] && !(strlen(keys[i]) == n && memcmp(keys[i], k, n) == 0))
    i = (i + 1) & (cap - 1);
  return i;
}

void *ct_strmap_get(const ct_strmap *m, const char *key, size_t n) {
  size_t i;
  if (m->cap == 0 || memchr(key, '\0', n)) return NULL;
  i = slot(m->keys, m->cap, key, n);
  return m->keys[i] ? m->vals[i] : NULL;
}

static ct_status grow(ct_strmap *m) {
  size_t cap = m->cap ? m->cap * 2 : 16, i, j;
  char **keys = calloc(cap, sizeof *keys);
  void **vals = calloc(cap, sizeof *vals);
  if (keys == NULL || vals == NULL) {
    free(keys);
    free(vals);
    return CT_ENOMEM;
  }
  for (i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      j = slot(keys, cap, m->keys[i], strlen(m->keys[i]));
      keys[j] = m->keys[i];
      vals[j] = m->vals[i];
    }
  free(m->keys);
  free(m->vals);
  m->keys = keys;
  m->vals = vals;
  m->cap = cap;
  return CT_OK;
}

ct_status ct_strmap_put(ct_strmap *m, const char *key, size_t n, void *val) {
  size_t i;
  if (memchr(key, '\0', n)) return CT_EUSAGE;   /* keys are C strings */
  if (m->max && m->count >= m->max) return CT_ELIMIT;
  if ((m->count + 1) * 2 > m->cap && grow(m) != CT_OK) return CT_ENOMEM;
  i = slot(m->keys, m->cap, key, n);
  if (m->keys[i] == NULL) {
    if ((m->keys[i] = malloc(n + 1)) == NULL) return CT_ENOMEM;
    memcpy(m->keys[i], key, n);
    m->keys[i][n] = '\0';
    m->count++;
  }
  m->vals[i] = val;
  return CT_OK;
}

void ct_strmap_free(ct_strmap *m, void (*drop)(void *)) {
  size_t i;
  for (i = 0; i < m->cap; i++)
    if (m->keys[i]) {
      if (drop) drop(m->vals[i]);
      free(m->keys[i]);
    }
  free(m->keys);
  free(m->vals);
  memset(m, 0, sizeof *m);
}
