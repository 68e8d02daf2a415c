/*
** outfile.c -- atomic output files.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/outfile.h"

static int report(const ct_cli_outfile *o, int errnum) {
  if (o->path == NULL)
    fprintf(stderr, "clausetag: write error: %s\n", strerror(errnum));
  else
    fprintf(stderr, "clausetag: cannot write %s: %s\n", o->path,
            strerror(errnum));
  return 2;
}

/* The mode FILE will have: the old file's, or what creat() would give. */
static mode_t target_mode(const struct stat *old, int exists) {
  mode_t mask;
  if (exists) return old->st_mode & 07777;
  mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

static int open_temp(ct_cli_outfile *o, const struct stat *old, int exists) {
  size_t n = strlen(o->path);
  int fd, e;
  o->tmp = malloc(n + sizeof ".XXXXXX");
  if (o->tmp == NULL) return report(o, ENOMEM);
  memcpy(o->tmp, o->path, n);
  memcpy(o->tmp + n, ".XXXXXX", sizeof ".XXXXXX");
  fd = mkstemp(o->tmp);
  if (fd < 0 || fchmod(fd, target_mode(old, exists)) != 0 ||
      (o->f = fdopen(fd, "w")) == NULL) {
    e = errno;
    if (fd >= 0) {
      close(fd);
      unlink(o->tmp);
    }
    free(o->tmp);
    o->tmp = NULL;
    return report(o, e);
  }
  return 0;
}

int ct_cli_outfile_open(ct_cli_outfile *o, const char *path) {
  struct stat st;
  int exists;
  memset(o, 0, sizeof *o);
  o->path = path;
  if (path == NULL) {
    o->f = stdout;
    return 0;
  }
  exists = stat(path, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    o->f = fopen(path, "w");
    return o->f == NULL ? report(o, errno) : 0;
  }
  return open_temp(o, &st, exists);
}

/* Closes a file we opened; stdout is left to exit(). */
static int close_file(ct_cli_outfile *o) {
  int rc = 0;
  if (o->f != NULL && o->f != stdout) {
    errno = 0;
    if (fflush(o->f) != 0 || ferror(o->f)) rc = errno ? errno : EIO;
    errno = 0;
    if (fclose(o->f) != 0 && rc == 0) rc = errno ? errno : EIO;
  }
  o->f = NULL;
  return rc;
}

static void drop_temp(ct_cli_outfile *o) {
  if (o->tmp != NULL) unlink(o->tmp);
  free(o->tmp);
  o->tmp = NULL;
}

int ct_cli_outfile_fail(ct_cli_outfile *o, int errnum) {
  close_file(o);
  drop_temp(o);
  return errnum ? report(o, errnum) : 2;
}

int ct_cli_outfile_commit(ct_cli_outfile *o) {
  int e;
  if (o->f == stdout) {
    errno = 0;
    if (fflush(stdout) != 0 || ferror(stdout))
      return ct_cli_outfile_fail(o, errno ? errno : EIO);
    o->f = NULL;
    return 0;
  }
  if ((e = close_file(o)) != 0) return ct_cli_outfile_fail(o, e);
  if (o->tmp != NULL && rename(o->tmp, o->path) != 0)
    return ct_cli_outfile_fail(o, errno);
  free(o->tmp);
  o->tmp = NULL;
  return 0;
}
