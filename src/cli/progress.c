/*
** progress.c -- the progress line of a batch.
*/
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/progress.h"

static double seconds(const struct timespec *a, const struct timespec *b) {
  return (double)(b->tv_sec - a->tv_sec) +
         (double)(b->tv_nsec - a->tv_nsec) / 1e9;
}

void ct_cli_progress_init(ct_cli_progress *p, size_t total, int to_stdout) {
  memset(p, 0, sizeof *p);
  p->total = total;
  p->on = total > 1 && isatty(STDERR_FILENO) &&
          !(to_stdout && isatty(STDOUT_FILENO));
  if (p->on) clock_gettime(CLOCK_MONOTONIC, &p->start);
  p->last = p->start;
}

void ct_cli_progress_step(ct_cli_progress *p, size_t bytes) {
  if (!p->on) return;
  p->done++;
  ct_cli_progress_part(p, bytes);
}

void ct_cli_progress_part(ct_cli_progress *p, size_t bytes) {
  struct timespec now;
  double t;
  if (!p->on) return;
  p->bytes += (double)bytes;
  clock_gettime(CLOCK_MONOTONIC, &now);
  if (p->shown && seconds(&p->last, &now) < 0.1 && p->done < p->total)
    return;
  p->last = now;
  t = seconds(&p->start, &now);
  fprintf(stderr, "\rclausetag: %zu/%zu files, %.1f MB/s ", p->done,
          p->total, t > 0 ? p->bytes / 1e6 / t : 0.0);
  fflush(stderr);
  p->shown = 1;
}

void ct_cli_progress_clear(ct_cli_progress *p) {
  if (!p->shown) return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
  p->shown = 0;
}
