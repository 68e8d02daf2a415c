/*
** deadline.h -- a point on the monotonic clock, some milliseconds ahead.
**
** The one clock of the rule limits: the sandbox's deadline for a `when`
** call or a rule file's load, and the engine's for the regex rules of a
** clause.  A deadline of 0 ms never passes and never reads the clock.
*/
#ifndef CT_DEADLINE_H
#define CT_DEADLINE_H

#include <time.h>

typedef struct ct_deadline {
  struct timespec at;
  unsigned long ms;            /* 0: none */
} ct_deadline;

/* Starts d: ms milliseconds from now (0: no deadline). */
void ct_deadline_start(ct_deadline *d, unsigned long ms);

/* Has d passed?  Reads the clock (unless d has no deadline). */
int ct_deadline_passed(const ct_deadline *d);

#endif
