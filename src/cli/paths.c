/*
** paths.c -- locating the shipped rules directory from the executable.
**
** Order: PREFIX/share/clausetag/rules for EXEDIR = PREFIX/bin (an
** install: bin/ next to share/), then a `rules` directory holding
** abbreviations.txt in EXEDIR or up to three levels above it (a source
** tree: build/ or build/asan/).  The abbreviations.txt test keeps an
** unrelated `rules` directory higher up the file system from being taken
** for ours.
*/
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/paths.h"

#define MAX_UP 3

char *ct_cli_path_join(const char *dir, const char *name) {
  size_t d = strlen(dir), n = strlen(name);
  int slash = d > 0 && dir[d - 1] != '/';
  char *p = malloc(d + (size_t)slash + n + 1);
  if (p == NULL) return NULL;
  memcpy(p, dir, d);
  if (slash) p[d] = '/';
  memcpy(p + d + (size_t)slash, name, n + 1);
  return p;
}

/* The resolved path of the running executable, malloc'ed, or NULL. */
static char *exe_path(void) {
  size_t size = 256;
  for (;;) {
    char *p = malloc(size);
    ssize_t n;
    if (p == NULL) return NULL;
    n = readlink("/proc/self/exe", p, size);
    if (n < 0) {
      free(p);
      return NULL;
    }
    if ((size_t)n < size) {
      p[n] = '\0';
      return p;
    }
    free(p);   /* may have been cut: try a bigger buffer */
    size *= 2;
  }
}

/* Cuts the last component off an absolute path in place; 0 at "/". */
static int up(char *path) {
  char *slash = strrchr(path, '/');
  if (slash == NULL || slash == path) return 0;
  *slash = '\0';
  return 1;
}

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int is_file(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

/* dir/rel if `ok` holds for it, else NULL (freed). */
static char *try_path(const char *dir, const char *rel,
                      int (*ok)(const char *)) {
  char *p = ct_cli_path_join(dir, rel);
  if (p != NULL && !ok(p)) {
    free(p);
    p = NULL;
  }
  return p;
}

static char *source_tree_rules(char *dir) {
  int level;
  for (level = 0; level <= MAX_UP; level++) {
    char *f = try_path(dir, "rules/abbreviations.txt", is_file);
    if (f != NULL) {
      up(f);   /* the directory holding it */
      return f;
    }
    if (!up(dir)) break;
  }
  return NULL;
}

/* PREFIX/share/clausetag/rules for EXEDIR = PREFIX/bin, written without
** "..", so that the rule file names printed from it are clean.  EXEDIR
** comes from /proc/self/exe, links resolved: its parent is "..". */
static char *installed_rules(const char *exedir) {
  char *parent = strdup(exedir), *found;
  if (parent == NULL) return NULL;
  if (!up(parent)) strcpy(parent, "/");   /* EXEDIR is /bin */
  found = try_path(parent, "share/clausetag/rules", is_dir);
  free(parent);
  return found;
}

char *ct_cli_rules_dir(void) {
  char *dir = exe_path(), *found;
  if (dir == NULL || !up(dir)) {
    free(dir);
    return NULL;
  }
  found = installed_rules(dir);
  if (found == NULL) found = source_tree_rules(dir);
  free(dir);
  return found;
}
