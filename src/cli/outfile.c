/*
** outfile.c -- atomic output files.
*/
#define _XOPEN_SOURCE 700   /* realpath: X/Open, beyond the Makefile's POSIX */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/outfile.h"

/* The temp file an interrupt must not leave behind.  The handler can
** only use async-signal-safe calls, so the path is a static copy and
** `armed` says whether it is valid (one -o file per process). */
static char pending[4096];
static volatile sig_atomic_t armed;

static void on_signal(int sig) {
  if (armed) unlink(pending);
  signal(sig, SIG_DFL);
  raise(sig);   /* die of the signal, so the parent sees why */
}

static void arm(const char *tmp) {
  static const int sigs[] = {SIGINT, SIGTERM, SIGHUP};
  struct sigaction sa;
  size_t i, n = strlen(tmp);
  if (n >= sizeof pending) return;   /* too long to keep: not cleaned */
  memcpy(pending, tmp, n + 1);
  armed = 1;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (i = 0; i < sizeof sigs / sizeof *sigs; i++) {
    struct sigaction old;
    /* A signal ignored by whoever started us stays ignored. */
    if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
      continue;
    sigaction(sigs[i], &sa, NULL);
  }
}

static int report(const ct_cli_outfile *o, int errnum) {
  if (o->path == NULL)
    fprintf(stderr, "clausetag: write error: %s\n", strerror(errnum));
  else
    fprintf(stderr, "clausetag: cannot write %s: %s\n", o->path,
            strerror(errnum));
  return 2;
}

/* Opening failed: nothing to clean up but the resolved link. */
static int open_failed(ct_cli_outfile *o, int errnum) {
  free(o->real);
  o->real = NULL;
  return report(o, errnum);
}

/* The mode FILE will have: the old file's, or what creat() would give. */
static mode_t target_mode(const struct stat *old, int exists) {
  mode_t mask;
  if (exists) return old->st_mode & 07777;
  mask = umask(0);
  umask(mask);
  return 0666 & ~mask;
}

int ct_cli_outfile_buffer(FILE *f, char *buf) {
  return !isatty(fileno(f)) &&
         setvbuf(f, buf, _IOFBF, CT_CLI_OUT_BUFFER) == 0;
}

/* A stream we opened gets the buffer standard output has; without the
** memory, stdio's own does. */
static void give_buffer(ct_cli_outfile *o) {
  char *buf = malloc(CT_CLI_OUT_BUFFER);
  if (buf != NULL && ct_cli_outfile_buffer(o->f, buf)) o->buf = buf;
  else free(buf);
}

static int open_temp(ct_cli_outfile *o, const struct stat *old, int exists) {
  size_t n = strlen(o->dest);
  int fd, e;
  o->tmp = malloc(n + sizeof ".XXXXXX");
  if (o->tmp == NULL) return open_failed(o, ENOMEM);
  memcpy(o->tmp, o->dest, n);
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
    return open_failed(o, e);
  }
  arm(o->tmp);
  give_buffer(o);
  return 0;
}

/* Writes straight into path: for what a rename cannot replace. */
static int open_direct(ct_cli_outfile *o) {
  if ((o->f = fopen(o->path, "w")) == NULL) return open_failed(o, errno);
  give_buffer(o);
  return 0;
}

int ct_cli_outfile_open(ct_cli_outfile *o, const char *path) {
  struct stat st;
  int exists;
  memset(o, 0, sizeof *o);
  o->path = o->dest = path;
  if (path == NULL) {
    o->f = stdout;
    return 0;
  }
  if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
    /* A dangling link has no target to replace: fopen creates it. */
    if ((o->real = realpath(path, NULL)) == NULL) return open_direct(o);
    o->dest = o->real;
  }
  exists = stat(o->dest, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) return open_direct(o);
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
  free(o->buf);   /* after fclose, which writes what it holds */
  o->buf = NULL;
  o->f = NULL;
  return rc;
}

static void drop_temp(ct_cli_outfile *o) {
  armed = 0;
  if (o->tmp != NULL) unlink(o->tmp);
  free(o->tmp);
  free(o->real);
  o->tmp = o->real = NULL;
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
  if (o->tmp != NULL && rename(o->tmp, o->dest) != 0)
    return ct_cli_outfile_fail(o, errno);
  armed = 0;
  free(o->tmp);
  free(o->real);
  o->tmp = o->real = NULL;
  return 0;
}
