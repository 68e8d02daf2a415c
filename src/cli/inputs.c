/*
** inputs.c -- expanding FILE, DIR and "-" operands.
*/
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/inputs.h"
#include "cli/paths.h"

typedef struct name_list {
  char **v;
  size_t n, cap;
} name_list;

static void names_free(name_list *l) {
  size_t i;
  for (i = 0; i < l->n; i++) free(l->v[i]);
  free(l->v);
}

static int names_push(name_list *l, char *s) {
  if (s == NULL) return -1;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    char **v = realloc(l->v, cap * sizeof *v);
    if (v == NULL) {
      free(s);
      return -1;
    }
    l->v = v, l->cap = cap;
  }
  l->v[l->n++] = s;
  return 0;
}

static int by_bytes(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Would the shell's glob "*.txt" inside the directory list it? */
static int wanted(const char *dir, const char *name) {
  size_t n = strlen(name);
  struct stat st;
  char *path;
  int dir_entry;
  if (name[0] == '.' || n < 5 || strcmp(name + n - 4, ".txt") != 0) return 0;
  path = ct_cli_path_join(dir, name);
  if (path == NULL) return 1;   /* let the join fail again, and report */
  dir_entry = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
  free(path);
  return !dir_entry;
}

/* The sorted paths of DIR's *.txt; 0, or an errno value. */
static int list_dir(const char *dir, name_list *out) {
  DIR *d = opendir(dir);
  struct dirent *e;
  int rc = 0;
  if (d == NULL) return errno;
  for (errno = 0; (e = readdir(d)) != NULL; errno = 0) {
    if (!wanted(dir, e->d_name)) continue;
    if (names_push(out, ct_cli_path_join(dir, e->d_name)) != 0) {
      rc = ENOMEM;
      break;
    }
  }
  if (rc == 0 && errno != 0) rc = errno;
  closedir(d);
  if (rc == 0 && out->n > 1) qsort(out->v, out->n, sizeof *out->v, by_bytes);
  return rc;
}

static int each_in_dir(const char *dir, ct_cli_input_fn fn, void *ctx) {
  name_list l = {0};
  size_t i;
  int rc = list_dir(dir, &l);
  if (rc != 0) {
    fprintf(stderr, "%s: cannot read: %s\n", dir, strerror(rc));
    names_free(&l);
    return 2;
  }
  for (i = 0; i < l.n && rc == 0; i++)
    if (fn(ctx, l.v[i]) != 0) rc = -1;
  names_free(&l);
  return rc;
}

int ct_cli_inputs_each(const char *operand, ct_cli_input_fn fn, void *ctx) {
  struct stat st;
  if (strcmp(operand, "-") != 0 && stat(operand, &st) == 0 &&
      S_ISDIR(st.st_mode))
    return each_in_dir(operand, fn, ctx);
  /* A file, stdin, or a name that does not exist: reading reports it. */
  return fn(ctx, operand) != 0 ? -1 : 0;
}
