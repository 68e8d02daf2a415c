/*
** memtext.c -- text gathered in memory through open_memstream (memtext.h).
*/
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "cli/memtext.h"

FILE *ct_cli_memtext_file(ct_cli_memtext *l) {
  if (l->f == NULL) l->f = open_memstream(&l->s, &l->len);
  return l->f;
}

int ct_cli_memtext_printf(ct_cli_memtext *l, const char *fmt, ...) {
  va_list ap;
  int n;
  if (ct_cli_memtext_file(l) == NULL) return -1;
  va_start(ap, fmt);
  n = vfprintf(l->f, fmt, ap);
  va_end(ap);
  /* The flush sets s and len: the text is readable after every append. */
  return fflush(l->f) == 0 && n >= 0 ? 0 : -1;
}

char *ct_cli_memtext_take(ct_cli_memtext *l) {
  char *s;
  int bad = l->f == NULL || ferror(l->f);
  if (l->f != NULL && fclose(l->f) != 0) bad = 1;
  s = bad ? (free(l->s), NULL) : l->s;
  memset(l, 0, sizeof *l);
  return s;
}

void ct_cli_memtext_free(ct_cli_memtext *l) {
  if (l->f != NULL) fclose(l->f);
  free(l->s);
  memset(l, 0, sizeof *l);
}

const char *ct_cli_series_sep(size_t i, size_t n) {
  return i == 0 ? "" : i + 1 == n ? " and " : ", ";
}
