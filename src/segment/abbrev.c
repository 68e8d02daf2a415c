/*
** abbrev.c -- the abbreviation set: an open-addressing hash set of words.
**
** Lookups happen at every period of every document, so they hash the
** token in place, with no copy and no allocation.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "segment/abbrev.h"

struct ct_abbrevs {
  char **slot;     /* NULL or an owned NUL-terminated word */
  size_t cap;      /* a power of two */
  size_t count;
};

static size_t hash(const char *s, size_t n) {
  size_t h = 2166136261u;   /* FNV-1a */
  while (n--) h = (h ^ (unsigned char)*s++) * 16777619u;
  return h;
}

static char **find_slot(char **slot, size_t cap, const char *w, size_t n) {
  size_t i = hash(w, n) & (cap - 1);
  while (slot[i] && !(strlen(slot[i]) == n && memcmp(slot[i], w, n) == 0))
    i = (i + 1) & (cap - 1);
  return &slot[i];
}

static ct_status grow(ct_abbrevs *a) {
  size_t cap = a->cap ? a->cap * 2 : 256, i;
  char **slot = calloc(cap, sizeof *slot);
  if (slot == NULL) return CT_ENOMEM;
  for (i = 0; i < a->cap; i++)
    if (a->slot[i])
      *find_slot(slot, cap, a->slot[i], strlen(a->slot[i])) = a->slot[i];
  free(a->slot);
  a->slot = slot;
  a->cap = cap;
  return CT_OK;
}

ct_abbrevs *ct_abbrevs_new(int with_defaults) {
  ct_abbrevs *a = calloc(1, sizeof *a);
  const char *const *w;
  if (a == NULL) return NULL;
  if (with_defaults)
    for (w = ct_abbrev_default; *w; w++)
      if (ct_abbrevs_add(a, *w) != CT_OK) {
        ct_abbrevs_free(a);
        return NULL;
      }
  return a;
}

void ct_abbrevs_free(ct_abbrevs *a) {
  size_t i;
  if (a == NULL) return;
  for (i = 0; i < a->cap; i++) free(a->slot[i]);
  free(a->slot);
  free(a);
}

ct_status ct_abbrevs_add(ct_abbrevs *a, const char *word) {
  size_t n = strlen(word);
  char **s;
  if (n < 2 || word[n - 1] != '.') return CT_EUSAGE;
  if ((a->count + 1) * 2 > a->cap && grow(a) != CT_OK) return CT_ENOMEM;
  s = find_slot(a->slot, a->cap, word, n);
  if (*s) return CT_OK;
  if ((*s = malloc(n + 1)) == NULL) return CT_ENOMEM;
  memcpy(*s, word, n + 1);
  a->count++;
  return CT_OK;
}

int ct_abbrevs_has(const ct_abbrevs *a, const char *tok, size_t n) {
  if (a == NULL || a->cap == 0) return 0;
  return *find_slot(a->slot, a->cap, tok, n) != NULL;
}

/* One entry per line; '#' to the end of the line is a comment. */
static ct_status load_line(ct_abbrevs *a, char *line, const char *path,
                           size_t lineno, ct_error *err) {
  char *p = line, *e, *hash_mark = strchr(line, '#');
  ct_status st;
  if (hash_mark) *hash_mark = '\0';
  while (*p == ' ' || *p == '\t') p++;
  e = p + strlen(p);
  while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
                   e[-1] == '\r'))
    *--e = '\0';
  if (*p == '\0') return CT_OK;
  if (strpbrk(p, " \t"))
    return ct_fail(err, CT_ESYNTAX, "%s:%zu: one abbreviation per line: '%s'",
                   path, lineno, p);
  st = ct_abbrevs_add(a, p);
  if (st == CT_EUSAGE)
    return ct_fail(err, CT_ESYNTAX,
                   "%s:%zu: abbreviation '%s' must end with a period", path,
                   lineno, p);
  if (st != CT_OK) return ct_fail(err, st, "%s: out of memory", path);
  return CT_OK;
}

ct_status ct_abbrevs_load(ct_abbrevs *a, const char *path, ct_error *err) {
  FILE *f = fopen(path, "r");
  char line[512];
  size_t lineno = 0;
  ct_status st = CT_OK;
  if (f == NULL)
    return ct_fail(err, CT_EIO, "%s: cannot read: %s", path, strerror(errno));
  while (st == CT_OK && fgets(line, sizeof line, f)) {
    lineno++;
    st = load_line(a, line, path, lineno, err);
  }
  if (st == CT_OK && ferror(f))
    st = ct_fail(err, CT_EIO, "%s: cannot read: %s", path, strerror(errno));
  fclose(f);
  return st;
}
