/*
** run.h -- the loop the document commands share.
**
** segment and classify do the same thing around their own step: open
** the output (stdout or an atomic -o file), expand every operand into
** inputs, read each input as documents (--input text, lines or jsonl),
** cut each document into clauses, then hand it to the command, which
** writes it.  A bad input costs only itself: its message goes to stderr,
** the rest is still processed and the exit status is 2 at the end.  A
** failure of the command's step or of the output stops the run; an -o
** file is then not written at all.
*/
#ifndef CT_CLI_RUN_H
#define CT_CLI_RUN_H

#include "cli/options.h"
#include "cli/outfile.h"
#include "output/writer.h"

/* One document, cut into clauses. */
typedef struct ct_cli_doc {
  const ct_text *text;
  const ct_clause *clauses;
  size_t n;
  ct_docinfo info;   /* id and meta of a jsonl record; results are the
                     ** command's to fill */
} ct_cli_doc;

typedef struct ct_cli_run ct_cli_run;

/* The command's step for one document.  CT_OK, or a failure that stops
** the run with err's message (CT_ERULE and CT_ELIMIT messages are
** printed as they are, others after "clausetag: "). */
typedef ct_status (*ct_cli_step_fn)(ct_cli_run *r, ct_cli_doc *d,
                                    ct_error *err);

struct ct_cli_run {
  const ct_cli_options *opt;
  const ct_abbrevs *ab;    /* for segmenting documents */
  ct_cli_step_fn step;     /* NULL: write the document as it is */
  void *ud;                /* the command's own state */
  const ct_ruleset *rs;    /* passed to the writer */
  unsigned wflags;         /* CT_WRITE_* for the writer */
  ct_writer w;
  int status;              /* 2 once an input failed */
  int fatal;               /* stop: the step or the output failed */
  ct_error err;            /* of the fatal failure */
};

/* Zeroes r and sets what every run needs. */
void ct_cli_run_init(ct_cli_run *r, const ct_cli_options *opt,
                     const ct_abbrevs *ab);

/* Processes every operand (none: standard input) to the output the
** options name; the exit status (0 or 2). */
int ct_cli_run_all(ct_cli_run *r);

/* Writes a document to the output (what a step does last). */
ct_status ct_cli_run_write(ct_cli_run *r, const ct_cli_doc *d,
                           ct_error *err);

/* Prints a message on stderr in order with what stdout already got. */
void ct_cli_run_message(const ct_cli_run *r, const char *msg);

#endif
