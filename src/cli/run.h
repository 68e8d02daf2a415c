/*
** run.h -- the loop the document commands share.
**
** segment and classify do the same thing around their own step: open
** the output (stdout or an atomic -o file), expand every operand into
** inputs, read each input as documents (--input text, lines or jsonl),
** cut each document into clauses, run the command's step on it, and
** write it.  Documents are read, cut and stepped on by -j worker threads
** but written, and their messages printed, by the main thread in input
** order, so the output and stderr are the same for every -j.  A bad
** input costs only itself: its message goes to stderr, the rest is still
** processed and the exit status is 2 at the end.  A failure of the step
** or of the output stops the run; an -o file is then not written.
*/
#ifndef CT_CLI_RUN_H
#define CT_CLI_RUN_H

#include "cli/doc.h"
#include "cli/options.h"

/* The command's step, run by the workers on each document that was
** read and cut.  Each worker has its own state (an engine, say). */
typedef struct ct_cli_step {
  void *ud;
  /* hits: whether the run's writers read the results' rule hits (a
  ** step that classifies may leave them out when they do not) */
  ct_status (*worker_new)(void *ud, int hits, void **worker, ct_error *err);
  void (*worker_free)(void *worker);
  /* CT_OK, or a failure that stops the run with err's message (CT_ERULE
  ** and CT_ELIMIT messages are printed as they are, others after
  ** "clausetag: "). */
  ct_status (*run)(void *worker, ct_cli_doc *d, ct_error *err);
} ct_cli_step;

typedef struct ct_cli_run {
  const ct_cli_options *opt;
  const ct_abbrevs *ab;        /* for segmenting documents */
  const ct_cli_step *step;     /* NULL: write the document as it is */
  const ct_ruleset *rs;        /* passed to the writer */
  unsigned wflags;             /* CT_WRITE_* for the writer, selections
                               ** (-c, -l, -q) included */
  const char *const *labels;   /* classify --label: the clauses written
                               ** have one of them; NULL: all written */
  size_t nlabels;
} ct_cli_run;

/* Processes every operand (none: standard input) to the output the
** options name; the exit status: 0, 1 when a policy failed, 2 when
** anything went wrong. */
int ct_cli_run_all(const ct_cli_run *r);

#endif
