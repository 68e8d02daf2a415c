/*
** progress.h -- "clausetag: 120/480 files, 3.2 MB/s" on stderr.
**
** Only for a person watching: stderr must be a terminal and the batch
** more than one file, so pipes and CI logs never get carriage returns;
** and not when the output itself goes to the terminal, where the line
** would tangle with it (the output shows the progress there).
** The line is redrawn in place at most ten times a second and erased
** before any message and at the end.
*/
#ifndef CT_CLI_PROGRESS_H
#define CT_CLI_PROGRESS_H

#include <stddef.h>
#include <time.h>

typedef struct ct_cli_progress {
  int on;
  int shown;                 /* the line is on the screen */
  size_t done, total;
  double bytes;
  struct timespec start, last;
} ct_cli_progress;

/* On when stderr is a terminal, total > 1, and the output (to_stdout:
** standard output) is not on a terminal. */
void ct_cli_progress_init(ct_cli_progress *p, size_t total, int to_stdout);

/* One more file of `bytes` done. */
void ct_cli_progress_step(ct_cli_progress *p, size_t bytes);

/* `bytes` more of a file read in pieces, not yet done. */
void ct_cli_progress_part(ct_cli_progress *p, size_t bytes);

/* Erases the line (it comes back at the next step). */
void ct_cli_progress_clear(ct_cli_progress *p);

#endif
