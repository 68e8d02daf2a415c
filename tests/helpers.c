/*
** helpers.c -- shared helpers for the cmocka suites.
*/
#include <stdio.h>
#include <stdlib.h>
#include "helpers.h"

char *th_read_file(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  char *s = NULL;
  long len;
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (len = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0 || (s = malloc((size_t)len + 1)) == NULL ||
      fread(s, 1, (size_t)len, f) != (size_t)len) {
    fprintf(stderr, "test helper: cannot read %s\n", path);
    abort();
  }
  fclose(f);
  s[len] = '\0';
  if (n) *n = (size_t)len;
  return s;
}
