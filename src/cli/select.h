/*
** select.h -- classify's -c, -l, -q and --label: checked against -f and
** the rule set's labels, with a usage message naming the options, and
** handed to the writer as its selection (CT_WRITE_COUNT, _NAMES, _QUIET
** and ct_writer_options.labels); their exit status, as grep's: 0 when some
** clause of some document has a selected label (with no --label: any
** label), 1 when none has; an error's 2 wins, and a broken policy still
** makes it 1.
*/
#ifndef CT_CLI_SELECT_H
#define CT_CLI_SELECT_H

#include <stdatomic.h>
#include "cli/doc.h"
#include "cli/options.h"

typedef struct ct_cli_select {
  unsigned flags;          /* the writer's CT_WRITE_COUNT, _NAMES or
                           ** _QUIET, or 0 */
  unsigned char *want;     /* per label: named by --label; NULL: none */
  size_t nlabels;
  int active;              /* -c, -l, -q or --label: the exit status says
                           ** whether anything matched */
  atomic_int matched;      /* set by the workers */
} ct_cli_select;

/* Checks the options against rs and sets s up.  0, or 2 after a usage
** error. */
int ct_cli_select_setup(ct_cli_select *s, const ct_cli_options *o,
                        const ct_ruleset *rs);

/* In a worker: notes a classified document that has a selected clause. */
void ct_cli_select_note(ct_cli_select *s, const ct_cli_doc *d);

/* The run's exit status rc, made 1 when they are active, rc is 0 and
** nothing matched. */
int ct_cli_select_status(const ct_cli_select *s, int rc);

void ct_cli_select_free(ct_cli_select *s);

#endif
