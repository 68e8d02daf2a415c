/*
** inputs.c -- expanding FILE, DIR and "-" operands.
*/
#define _DEFAULT_SOURCE   /* d_type and DT_*: a stat less per listed file */
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/inputs.h"
#include "cli/paths.h"

void ct_cli_inputs_free(ct_cli_input_list *l) {
  size_t i;
  for (i = 0; i < l->n; i++) free(l->v[i].path);
  free(l->v);
  memset(l, 0, sizeof *l);
}

/* Appends path (taken, even on failure), with what st says of it when
** not NULL; 0 or ENOMEM. */
static int push_st(ct_cli_input_list *l, char *path, int errnum,
                   const struct stat *st) {
  ct_cli_source *src;
  if (path == NULL) return ENOMEM;
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    ct_cli_source *v = realloc(l->v, cap * sizeof *v);
    if (v == NULL) {
      free(path);
      return ENOMEM;
    }
    l->v = v, l->cap = cap;
  }
  src = &l->v[l->n++];
  src->path = path;
  src->errnum = errnum;
  src->regular = st != NULL && S_ISREG(st->st_mode) && st->st_size >= 0;
  src->size = src->regular ? (unsigned long long)st->st_size : 0;
  return 0;
}

static int push(ct_cli_input_list *l, char *path, int errnum) {
  return push_st(l, path, errnum, NULL);
}

static int any_match(const char *const *globs, size_t n, const char *name) {
  size_t i;
  for (i = 0; i < n; i++)
    if (fnmatch(globs[i], name, 0) == 0) return 1;
  return 0;
}

static int wanted(const ct_cli_filter *f, const char *name) {
  static const char *const dflt[] = {"*.txt", "*.md", "*.html", "*.htm",
                                     "*.pdf"};
  int in = f->ninclude ? any_match(f->include, f->ninclude, name)
                       : any_match(dflt, 5, name);
  return in && !any_match(f->exclude, f->nexclude, name);
}

static int walk(const char *dir, const ct_cli_filter *f,
                ct_cli_input_list *out);

/* A regular file by the directory's own word (d_type), so that a
** listing of many files makes no stat of each in the thread that every
** worker waits for; its reader stats it (feed.c), in parallel. */
static int plain_file(const struct dirent *e) {
#ifdef DT_REG
  return e->d_type == DT_REG;
#else
  (void)e;
  return 0;
#endif
}

/* A symbolic link named `name` at path (taken): read as what it points
** to.  Only a regular file is kept: a link to a FIFO, a socket or a
** device is skipped as that file itself would be (opening a FIFO blocks
** until something writes to it), and one to a directory is not followed
** (no cycles).  A link whose target cannot be reached (dangling,
** looping, not searchable) is reported in its place, as grep -r does:
** silence would hide a missing document. */
static int link_entry(char *path, const char *name, const ct_cli_filter *f,
                      ct_cli_input_list *out) {
  struct stat st;
  if (!wanted(f, name)) {
    free(path);
    return 0;
  }
  if (stat(path, &st) != 0) return push(out, path, errno);
  if (S_ISREG(st.st_mode)) return push_st(out, path, 0, &st);
  free(path);
  return 0;
}

/* One directory entry: a file to keep, a directory to enter, or
** neither (a FIFO, a socket, a device: nothing a document is kept in,
** and a FIFO would block the run). */
static int entry(const char *dir, const struct dirent *e,
                 const ct_cli_filter *f, ct_cli_input_list *out) {
  const char *name = e->d_name;
  struct stat st;
  char *path;
  int rc = 0;
  if (name[0] == '.') return 0;
  if (plain_file(e))
    return wanted(f, name) ? push(out, ct_cli_path_join(dir, name), 0) : 0;
  if ((path = ct_cli_path_join(dir, name)) == NULL) return ENOMEM;
  if (lstat(path, &st) != 0) {
    free(path);
    return 0;   /* gone since readdir: nothing to read */
  }
  if (S_ISLNK(st.st_mode)) return link_entry(path, name, f, out);
  if (S_ISDIR(st.st_mode)) {
    rc = walk(path, f, out);
  } else if (S_ISREG(st.st_mode) && wanted(f, name)) {
    return push_st(out, path, 0, &st);
  }
  free(path);
  return rc;
}

/* Adds the inputs below dir; 0 or ENOMEM (a directory that cannot be
** listed is an entry of its own). */
static int walk(const char *dir, const ct_cli_filter *f,
                ct_cli_input_list *out) {
  DIR *d = opendir(dir);
  struct dirent *e;
  int rc = 0;
  if (d == NULL) return push(out, strdup(dir), errno);
  for (errno = 0; rc == 0 && (e = readdir(d)) != NULL; errno = 0)
    rc = entry(dir, e, f, out);
  if (rc == 0 && errno != 0) rc = push(out, strdup(dir), errno);
  closedir(d);
  return rc;
}

static int by_path(const void *a, const void *b) {
  return strcmp(((const ct_cli_source *)a)->path,
                ((const ct_cli_source *)b)->path);
}

static int expand(const char *op, const ct_cli_filter *f,
                  ct_cli_input_list *out) {
  struct stat st;
  size_t first = out->n;
  int rc;
  if (strcmp(op, "-") == 0) return push(out, strdup(op), 0);
  if (stat(op, &st) != 0) return push(out, strdup(op), 0);  /* reading
                                                 ** reports what is wrong */
  if (!S_ISDIR(st.st_mode)) return push_st(out, strdup(op), 0, &st);
  rc = walk(op, f, out);
  if (out->n - first > 1)   /* none: v may be NULL, which qsort refuses */
    qsort(out->v + first, out->n - first, sizeof *out->v, by_path);
  return rc;
}

int ct_cli_inputs_expand(const char *const *ops, size_t nops,
                         const ct_cli_filter *f, ct_cli_input_list *out) {
  size_t i;
  int rc = 0;
  memset(out, 0, sizeof *out);
  if (nops == 0) return push(out, strdup("-"), 0);
  for (i = 0; i < nops && rc == 0; i++) rc = expand(ops[i], f, out);
  return rc;
}
