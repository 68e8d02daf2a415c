/*
** outfile.c -- atomic output files.
*/
#define _XOPEN_SOURCE 700   /* realpath: X/Open, beyond the Makefile's POSIX */
#include <errno.h>
#include <pthread.h>   /* pthread_sigmask: the workers may be running */
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/outfile.h"
#include "cli/paths.h"

/* The temp files a fatal signal must not leave behind: one node per -o
** FILE opened (a run writes several reports), only ever added to the
** list and never freed, so that a handler, on any thread, can walk it
** while the main thread adds to it.  A node is complete before the
** atomic store that publishes it; `armed` says whether its file still
** exists as a temp file.  The handler itself makes only
** async-signal-safe calls (unlink, signal, raise). */
typedef struct ct_cli_pending {
  struct ct_cli_pending *next;
  volatile sig_atomic_t armed;
  char path[];
} pending;

static _Atomic(pending *) pendings;

/* Every signal whose default action ends the process, so that its death
** does not leave a temp file: POSIX's list without those of a crash
** (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGSYS), whose
** handlers belong to a debugger or a sanitizer and whose core dump should
** show the state as it was.  SIGKILL cannot be caught; the real-time
** signals are added in fatal_signals(). */
static const int fatal[] = {
  SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2,
  SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF,
#ifdef SIGPOLL
  SIGPOLL,
#endif
#ifdef SIGPWR
  SIGPWR,
#endif
#ifdef SIGSTKFLT
  SIGSTKFLT,
#endif
};

static void fatal_signals(sigset_t *set) {
  size_t i;
  int s;
  sigemptyset(set);
  for (i = 0; i < sizeof fatal / sizeof *fatal; i++) sigaddset(set, fatal[i]);
  for (s = SIGRTMIN; s <= SIGRTMAX; s++) sigaddset(set, s);
}

static void on_signal(int sig) {
  pending *p;
  for (p = atomic_load(&pendings); p != NULL; p = p->next)
    if (p->armed) unlink(p->path);
  signal(sig, SIG_DFL);
  raise(sig);   /* delivered on return: die of it, so the parent sees why */
}

/* Catches the signals of `set` whose action is still the default, once:
** one ignored by whoever started us stays ignored, and a handler someone
** else installed stays theirs. */
static void install(const sigset_t *set) {
  static int done;
  struct sigaction sa, old;
  int s;
  if (done) return;
  done = 1;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  for (s = 1; s <= SIGRTMAX; s++)
    if (sigismember(set, s) == 1 && sigaction(s, NULL, &old) == 0 &&
        old.sa_handler == SIG_DFL)
      sigaction(s, &sa, NULL);
}

/* Publishes tmp as a temp file to remove on a fatal signal; the node,
** or NULL out of memory (then it is not cleaned up: the run goes on). */
static pending *arm(const char *tmp) {
  size_t n = strlen(tmp) + 1;
  pending *p = malloc(sizeof *p + n);
  if (p == NULL) return NULL;
  memcpy(p->path, tmp, n);
  p->armed = 1;
  p->next = atomic_load(&pendings);
  atomic_store(&pendings, p);
  return p;
}

void ct_cli_outfile_release(void) {
  sigset_t set, old;
  pending *p, *next;
  fatal_signals(&set);
  pthread_sigmask(SIG_BLOCK, &set, &old);   /* no handler walks them now */
  p = atomic_exchange(&pendings, NULL);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  for (; p != NULL; p = next) {
    next = p->next;
    free(p);
  }
}

static void disarm(ct_cli_outfile *o) {
  if (o->pending != NULL) o->pending->armed = 0;
  o->pending = NULL;
}

/* mkstemp with the fatal signals blocked until the new file is in the
** list, so that no signal falls between its creation and its arming. */
static int make_temp(ct_cli_outfile *o) {
  sigset_t set, old;
  int fd, e;
  fatal_signals(&set);
  install(&set);
  pthread_sigmask(SIG_BLOCK, &set, &old);
  fd = mkstemp(o->tmp);
  e = errno;
  if (fd >= 0) o->pending = arm(o->tmp);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  errno = e;
  return fd;
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

/* mkstemp failed with errnum in o->dest's directory.  When that
** directory is there, the reason is the temp file's, not FILE's: say so
** (-o /proc/version: /proc holds no new file, and "No such file or
** directory" alone would name a file that exists).  A directory that is
** missing is what the message says already. */
static int temp_failed(ct_cli_outfile *o, int errnum) {
  const char *slash = strrchr(o->dest, '/');
  char *dir = slash == NULL ? strdup(".")
              : slash == o->dest ? strdup("/")
              : strndup(o->dest, (size_t)(slash - o->dest));
  struct stat st;
  if (dir == NULL || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
    free(dir);
    return open_failed(o, errnum);
  }
  fprintf(stderr, "clausetag: cannot write %s: cannot create a temporary "
          "file in %s (the output is written there, then renamed): %s\n",
          o->path, dir, strerror(errnum));
  free(dir);
  free(o->real);
  o->real = NULL;
  return 2;
}

static int open_temp(ct_cli_outfile *o, const struct stat *old, int exists) {
  size_t n = strlen(o->dest);
  int fd, e;
  o->tmp = malloc(n + sizeof ".XXXXXX");
  if (o->tmp == NULL) return open_failed(o, ENOMEM);
  memcpy(o->tmp, o->dest, n);
  memcpy(o->tmp + n, ".XXXXXX", sizeof ".XXXXXX");
  fd = make_temp(o);
  if (fd < 0) {
    e = errno;
    free(o->tmp);
    o->tmp = NULL;
    return temp_failed(o, e);
  }
  if (fchmod(fd, target_mode(old, exists)) != 0 ||
      (o->f = fdopen(fd, "w")) == NULL) {
    e = errno;
    close(fd);
    unlink(o->tmp);
    disarm(o);
    free(o->tmp);
    o->tmp = NULL;
    return open_failed(o, e);
  }
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
  if (o->tmp != NULL) unlink(o->tmp);
  disarm(o);   /* after: a signal between the two unlinks a name gone */
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
  disarm(o);
  free(o->tmp);
  free(o->real);
  o->tmp = o->real = NULL;
  return 0;
}

/* What tells output files apart: the file's device and inode when it
** exists, else its directory's and its name in it (a file -o creates),
** so that a.out, ./a.out, d/../a.out and a link to a.out are one. */
typedef struct out_id {
  dev_t dev;
  ino_t ino;
  int exists;
  char name[256];   /* when it does not: NAME_MAX fits */
} out_id;

/* path's directory, malloc'ed: "." for a bare name. */
static char *parent(const char *path) {
  const char *slash = strrchr(path, '/');
  char *dir;
  if (slash == NULL) return strdup(".");
  if (slash == path) return strdup("/");
  if ((dir = malloc((size_t)(slash - path) + 1)) == NULL) return NULL;
  memcpy(dir, path, (size_t)(slash - path));
  dir[slash - path] = '\0';
  return dir;
}

/* Where the symbolic link `path` points, as a path from here (malloc'ed),
** or NULL. */
static char *link_target(const char *path) {
  char buf[4096], *dir, *to;
  ssize_t n = readlink(path, buf, sizeof buf - 1);
  if (n <= 0) return NULL;
  buf[n] = '\0';
  if (buf[0] == '/') return strdup(buf);
  if ((dir = parent(path)) == NULL) return NULL;
  to = ct_cli_path_join(dir, buf);
  free(dir);
  return to;
}

/* path's identity (out_id); 0 when it has none yet (a missing
** directory: opening the output says so).  A link that leads nowhere is
** followed by hand, since -o writes through it and creates its target;
** `depth` bounds a loop of links as the kernel does. */
static int identify(const char *path, out_id *id, int depth) {
  struct stat st;
  const char *slash = strrchr(path, '/');
  const char *name = slash ? slash + 1 : path;
  char *up;
  int ok;
  memset(id, 0, sizeof *id);
  if (stat(path, &st) == 0) {
    id->dev = st.st_dev, id->ino = st.st_ino, id->exists = 1;
    return 1;
  }
  if (depth < 40 && lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
    if ((up = link_target(path)) == NULL) return 0;
    ok = identify(up, id, depth + 1);
    free(up);
    return ok;
  }
  if (strlen(name) >= sizeof id->name || (up = parent(path)) == NULL)
    return 0;
  ok = stat(up, &st) == 0;
  free(up);
  if (!ok) return 0;
  id->dev = st.st_dev, id->ino = st.st_ino;
  memcpy(id->name, name, strlen(name) + 1);
  return 1;
}

const char *ct_cli_outfile_input(const char *out, const char *const *inputs,
                                 size_t n) {
  struct stat o, i;
  size_t k;
  if (out == NULL || stat(out, &o) != 0 || !S_ISREG(o.st_mode)) return NULL;
  for (k = 0; k < n; k++)
    if (strcmp(inputs[k], "-") != 0 && stat(inputs[k], &i) == 0 &&
        i.st_dev == o.st_dev && i.st_ino == o.st_ino)
      return inputs[k];
  return NULL;
}

int ct_cli_outfile_same(const char *a, const char *b) {
  out_id x, y;
  if (strcmp(a, b) == 0) return 1;
  if (!identify(a, &x, 0) || !identify(b, &y, 0)) return 0;
  return x.dev == y.dev && x.ino == y.ino && x.exists == y.exists &&
         strcmp(x.name, y.name) == 0;
}
