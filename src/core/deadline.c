/*
** deadline.c -- see deadline.h.
*/
#include "core/deadline.h"

void ct_deadline_start(ct_deadline *d, unsigned long ms) {
  d->ms = ms;
  if (ms == 0) return;
  clock_gettime(CLOCK_MONOTONIC, &d->at);
  d->at.tv_sec += (time_t)(ms / 1000);
  d->at.tv_nsec += (long)(ms % 1000) * 1000000L;
  if (d->at.tv_nsec >= 1000000000L) {
    d->at.tv_sec++;
    d->at.tv_nsec -= 1000000000L;
  }
}

int ct_deadline_passed(const ct_deadline *d) {
  struct timespec now;
  if (d->ms == 0) return 0;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > d->at.tv_sec ||
         (now.tv_sec == d->at.tv_sec && now.tv_nsec >= d->at.tv_nsec);
}
