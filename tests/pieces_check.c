/*
** pieces_check.c -- see pieces_check.h.
*/
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "pieces_check.h"
#include "segment/segment.h"
#include "stream/stream.h"
#include "text/plan.h"

static int differs(char *msg, size_t cap, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, cap, fmt, ap);
  va_end(ap);
  return 0;
}

static int same_clause(const ct_clause *a, const ct_clause *b, size_t base) {
  return a->index == b->index && a->kind == b->kind && a->depth == b->depth &&
         a->start == b->start + base && a->end == b->end + base &&
         a->line == b->line && a->col == b->col && a->heading == b->heading &&
         a->title == b->title;
}

static int show(char *msg, size_t cap, const char *path, size_t piece,
                const ct_clause *a, const ct_clause *b, size_t base) {
  return differs(msg, cap, "%s (pieces of %zu), clause %zu: whole %zu %s %d "
                 "[%zu,%zu) %zu:%zu h%zu t%d, piece %zu %s %d [%zu,%zu) "
                 "%zu:%zu h%zu t%d", path, piece, a->index, a->index,
                 ct_kind_name(a->kind), a->depth, a->start, a->end, a->line,
                 a->col, a->heading, a->title, b->index,
                 ct_kind_name(b->kind), b->depth, b->start + base,
                 b->end + base, b->line, b->col, b->heading, b->title);
}

/* The pieces of plan p against the whole's clauses w[0..nw). */
static int walk(const ct_plan *p, const ct_abbrevs *ab, size_t piece,
                const ct_clause *w, size_t nw, size_t *pieces, char *msg,
                size_t cap) {
  ct_carry carry;
  ct_error err;
  size_t k = 0;
  ct_carry_init(&carry);
  for (*pieces = 0; carry.cut < p->ncuts; (*pieces)++) {
    ct_text *t;
    ct_clause *c;
    size_t n, i;
    int ok = 1;
    if (ct_stream_piece(p, CT_INVALID_REPLACE, ab, (size_t)-1, &carry, &t,
                        &c, &n, &err) != CT_OK)
      return differs(msg, cap, "%s, piece %zu: %s", p->name, *pieces,
                     err.msg);
    for (i = 0; ok && i < n; i++, k++) {
      if (k >= nw)
        ok = differs(msg, cap, "%s (pieces of %zu): more clauses than the "
                     "whole's %zu", p->name, piece, nw);
      else if (!same_clause(&w[k], &c[i], t->base))
        ok = show(msg, cap, p->name, piece, &w[k], &c[i], t->base);
    }
    free(c);
    ct_text_free(t);
    if (!ok) return 0;
  }
  if (k != nw)
    return differs(msg, cap, "%s (pieces of %zu): %zu clauses, the whole has "
                   "%zu", p->name, piece, k, nw);
  return 1;
}

/* The message of a plan of standard input, with the file's name. */
static int same_message(const char *file, const char *path, const char *in) {
  static const char name[] = "<stdin>";
  size_t n = strlen(path);
  if (strncmp(in, name, sizeof name - 1) != 0) return 0;
  return strncmp(file, path, n) == 0 &&
         strcmp(file + n, in + sizeof name - 1) == 0;
}

/* Cut k's bytes, read back from both plans, are the same. */
static int same_bytes(const ct_plan *f, const ct_plan *s, size_t k) {
  size_t to = k + 1 < f->ncuts ? f->cuts[k + 1].at : f->size;
  ct_text *a = NULL, *b = NULL;
  ct_error err;
  int same = ct_plan_read(f, CT_INVALID_REPLACE, f->cuts[k].from, 0, to, &a,
                          &err) == CT_OK &&
             ct_plan_read(s, CT_INVALID_REPLACE, s->cuts[k].from, 0, to, &b,
                          &err) == CT_OK &&
             a->len == b->len && memcmp(a->data, b->data, a->len) == 0;
  ct_text_free(a);
  ct_text_free(b);
  return same;
}

/* The thread that fills the pipe of th_stdin_pipe. */
static struct {
  int fd;
  char *bytes;
  size_t n;
  int slow;
  pthread_t thread;
} filler = {-1, NULL, 0, 0, 0};

static void *fill(void *arg) {
  const struct timespec pause = {0, 50000};
  size_t done = 0, want;
  ssize_t k;
  (void)arg;
  while (done < filler.n) {
    want = filler.slow && filler.n - done > 512 ? 512 : filler.n - done;
    if ((k = write(filler.fd, filler.bytes + done, want)) > 0)
      done += (size_t)k;
    else if (k == 0 || errno != EINTR)
      break;
    if (filler.slow) nanosleep(&pause, NULL);
  }
  close(filler.fd);
  return NULL;
}

int th_stdin_pipe(const char *path, int slow) {
  FILE *f = fopen(path, "rb");
  long n;
  int fds[2];
  if (f == NULL || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
      fseek(f, 0, SEEK_SET) != 0 ||
      (filler.bytes = malloc((size_t)n + 1)) == NULL ||
      fread(filler.bytes, 1, (size_t)n, f) != (size_t)n) {
    if (f != NULL) fclose(f);
    free(filler.bytes);
    filler.bytes = NULL;
    return 0;
  }
  fclose(f);
  filler.n = (size_t)n;
  filler.slow = slow;
  signal(SIGPIPE, SIG_IGN);    /* a plan that stops early closes it */
  if (freopen("/dev/null", "rb", stdin) == NULL || pipe(fds) != 0 ||
      dup2(fds[0], STDIN_FILENO) < 0) {
    free(filler.bytes);
    filler.bytes = NULL;
    return 0;
  }
  close(fds[0]);
  clearerr(stdin);
  filler.fd = fds[1];
  if (pthread_create(&filler.thread, NULL, fill, NULL) != 0) {
    close(fds[1]);
    free(filler.bytes);
    filler.bytes = NULL;
    return 0;
  }
  return 1;
}

void th_stdin_pipe_end(void) {
  if (filler.bytes == NULL) return;
  if (freopen("/dev/null", "rb", stdin) == NULL) abort();
  pthread_join(filler.thread, NULL);
  free(filler.bytes);
  filler.bytes = NULL;
}

/* Standard input on `path`, as a regular file (pipe 0) or a pipe (1). */
static int stdin_on(const char *path, int pipe) {
  return pipe ? th_stdin_pipe(path, 0) : freopen(path, "rb", stdin) != NULL;
}

/* th_check_stdin_plan with standard input a regular file or a pipe. */
static int check_stdin(const char *path, int pipe, size_t piece, size_t max,
                       size_t window, char *msg, size_t cap) {
  const char *how = pipe ? "a pipe" : "a file";
  ct_plan f, s;
  ct_error a, b;
  ct_status sa, sb;
  size_t k;
  int ok = 1;
  sa = ct_plan_file(path, CT_INVALID_ERROR, piece, max, window, &f, &a);
  if (!stdin_on(path, pipe))
    return differs(msg, cap, "%s: cannot make standard input %s", path, how);
  sb = ct_plan_file("-", CT_INVALID_ERROR, piece, max, window, &s, &b);
  if (pipe) th_stdin_pipe_end();
  if (sa != CT_OK || sb != CT_OK) {
    if (sa == CT_OK) ct_plan_clear(&f);
    if (sb == CT_OK) ct_plan_clear(&s);
    if (sa != sb || !same_message(a.msg, path, b.msg))
      return differs(msg, cap, "%s: as a file: %s; as standard input (%s): "
                     "%s", path, sa == CT_OK ? "ok" : a.msg, how,
                     sb == CT_OK ? "ok" : b.msg);
    return 1;
  }
  if (f.size != s.size || f.ncuts != s.ncuts || f.invalid != s.invalid ||
      s.stream != pipe)
    ok = differs(msg, cap, "%s: as a file %zu bytes, %zu cuts; as standard "
                 "input (%s) %zu bytes, %zu cuts, %s", path, f.size, f.ncuts,
                 how, s.size, s.ncuts, s.stream ? "kept" : "read again");
  for (k = 0; ok && k < f.ncuts; k++)
    if (memcmp(&f.cuts[k], &s.cuts[k], sizeof f.cuts[k]) != 0 ||
        !same_bytes(&f, &s, k))
      ok = differs(msg, cap, "%s: cut %zu differs as standard input (%s)",
                   path, k, how);
  ct_plan_clear(&f);
  ct_plan_clear(&s);
  return ok;
}

int th_check_stdin_plan(const char *path, size_t piece, size_t max,
                        size_t window, char *msg, size_t cap) {
  return check_stdin(path, 0, piece, max, window, msg, cap) &&
         check_stdin(path, 1, piece, max, window, msg, cap);
}

int th_check_pieces(const char *path, const ct_abbrevs *ab, size_t piece,
                    size_t window, size_t *pieces, char *msg, size_t cap) {
  ct_text *t;
  ct_clause *w = NULL;
  ct_plan p;
  ct_error a, b;
  ct_status sa, sb;
  size_t nw = 0;
  int ok;
  *pieces = 0;
  sa = ct_text_read_file_max(path, CT_INVALID_REPLACE, (size_t)-1, &t, &a);
  sb = ct_plan_file(path, CT_INVALID_REPLACE, piece, (size_t)-1, window, &p,
                    &b);
  if (sa != CT_OK || sb != CT_OK) {
    if (sa == CT_OK) ct_text_free(t);
    if (sb == CT_OK) ct_plan_clear(&p);
    if (sa != sb) return differs(msg, cap, "%s: read whole: %s; planned: %s",
                                 path, sa == CT_OK ? "ok" : a.msg,
                                 sb == CT_OK ? "ok" : b.msg);
    if (strcmp(a.msg, b.msg) != 0)
      return differs(msg, cap, "%s: read whole: %s; planned: %s", path, a.msg,
                     b.msg);
    return 1;
  }
  sa = ct_segment_at(t, ab, 0, window, NULL, 0, &w, &nw, &a);
  ct_text_free(t);
  ok = sa == CT_OK ? walk(&p, ab, piece, w, nw, pieces, msg, cap)
                   : differs(msg, cap, "%s: %s", path, a.msg);
  free(w);
  ct_plan_clear(&p);
  return ok;
}
