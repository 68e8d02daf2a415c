/*
** testreport.h -- what `clausetag test` found, written for a person
** (text) or for a CI test view (JUnit XML).
**
** test.c runs the examples and keeps one outcome per example; this
** module writes them.  Text: each failure as
**   FILE:LINE: example expected [a] got [b]: "TEXT"
**       + RULE -> LABEL +W "WORDS"
** then "N passed, M failed".  JUnit: one testsuite per rule file (in the
** order their examples come), one testcase per example named
** "FILE:LINE: TEXT", a <failure> with the same lines, an <error> for an
** example that could not be run; no timestamps, so the same rules give
** the same bytes.
*/
#ifndef CT_CLI_TESTREPORT_H
#define CT_CLI_TESTREPORT_H

#include <stdio.h>
#include "clausetag.h"

typedef struct ct_cli_outcome {
  const ct_example_info *ex;
  int passed;            /* 1 passed, 0 failed, -1 could not be run */
  char *title;           /* "FILE:LINE: TEXT" (TEXT cut to 60 chars) */
  char *summary;         /* failed: "expected [a] got [b]"; error: why */
  char *detail;          /* failed: the lines above, fired rules included */
} ct_cli_outcome;

void ct_cli_outcome_free(ct_cli_outcome *o);

/* Runs every example of rs (test.c) into *v, one outcome per example
** (free each, then the array); `exact` checks every label.  0, or 2
** after printing why. */
int ct_cli_examples_run(const ct_ruleset *rs, int exact, int debug,
                        ct_cli_outcome **v);

/* Writes the failures and the count; 0, or errno of a failed write. */
int ct_cli_test_text(FILE *out, const ct_cli_outcome *v, size_t n);

/* Writes the JUnit report; 0, or errno (ENOMEM when out of memory). */
int ct_cli_test_junit(FILE *out, const ct_cli_outcome *v, size_t n);

#endif
