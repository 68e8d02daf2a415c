/*
** chain.h -- one large text file read in pieces by the workers.
**
** The feeder plans the file (ct_plan_open) and queues one item per piece;
** the chain is what the items share.  A piece needs two things from the
** pieces before it, at two moments: to be cut, where the segmenter's run
** stands (ct_carry); to be classified, the labels of the section
** heading and of the clause before it, and the recent labels
** (ct_recent_add).  So each item waits twice for the
** item before it, and publishes twice: after cutting (the next piece can
** be cut while this one is classified) and after classifying (the next
** can be classified while this one is formatted).  Cutting and
** classifying go in file order; reading, formatting, and cutting one
** piece while the one before is classified, go on both cores.
**
** Items are taken from the pool in order, so an item only ever waits for
** one that a worker already holds: no deadlock.  An item a piece before
** it took in (a piece that went on to a later cut) only passes the turn.
** After a failure (a read error, a rule that fails, a cancelled run)
** every item after it passes without doing anything.
*/
#ifndef CT_CLI_CHAIN_H
#define CT_CLI_CHAIN_H

#include <pthread.h>
#include "clausetag.h"

typedef struct ct_cli_chain {
  pthread_mutex_t mu;
  pthread_cond_t turn;
  int refs;                 /* items holding it, and the feeder */
  ct_plan *plan;            /* owned */
  size_t nlabels;
  ct_carry carry;           /* after the last piece cut */
  size_t cut_turn;          /* the item whose turn it is to be cut */
  size_t label_turn;        /* ... to be classified */
  int failed;
  /* after the last piece classified: */
  ct_clause heading;        /* the section heading (index 0: none), its
                            ** offsets into heading_text */
  char *heading_text;       /* its bytes to the end of its line */
  size_t heading_len;
  unsigned char *heading_has;   /* its labels */
  unsigned char *prev_has;      /* the labels of the last clause */
  double *recent;               /* ct_recent_add's state */
  /* With `context = "next"` rules (looks_ahead) a piece is classified
  ** with the next piece's first clause after it, so the item that cuts a
  ** piece reads the next one too; it keeps it here for that one's item,
  ** which takes it instead of reading it again (only in the cut turns): */
  int looks_ahead;
  size_t ahead_cut;             /* the stored piece's cut (0: none) */
  ct_text *ahead_text;
  ct_clause *ahead_clauses;
  size_t ahead_n;
  ct_carry ahead_carry;         /* after it */
} ct_cli_chain;

/* A chain for `plan` (taken over: freed with the chain) and the labels
** of rs (NULL: none, for segment); refs 1 (the feeder's).  NULL when out
** of memory (the plan is freed). */
ct_cli_chain *ct_cli_chain_new(ct_plan *plan, const ct_ruleset *rs);
void ct_cli_chain_hold(ct_cli_chain *c);
void ct_cli_chain_release(ct_cli_chain *c);

/* What a piece takes from the pieces before it when classified. */
typedef struct ct_cli_context {
  ct_part part;             /* for ct_engine_classify_part */
  ct_clause heading;        /* the heading before the piece (index 0:
                            ** none), offsets into heading_text */
  char *heading_text;       /* owned copy */
  size_t heading_len;
  unsigned char *has;       /* owned: heading_has then prev_has */
  double *recent;           /* owned: the chain's recent state */
} ct_cli_context;

void ct_cli_context_free(ct_cli_context *x);

/* Waits for item k's turn to be cut.  1 with *carry to cut it from, 0
** when the item has nothing to do (taken in, or the chain failed): its
** turns are passed on then. */
int ct_cli_chain_cut_turn(ct_cli_chain *c, size_t k, ct_carry *carry);

/* Item k was cut: *carry is what it leaves (ok), or it failed. */
void ct_cli_chain_cut_done(ct_cli_chain *c, size_t k, const ct_carry *carry,
                           int ok);

/* Waits for item k's turn to be classified: 1 with x filled (clauses
** before it: `before`), 0 when the chain failed, -1 out of memory (the
** chain fails). */
int ct_cli_chain_label_turn(ct_cli_chain *c, size_t k, size_t before,
                            ct_cli_context *x);

/* The item whose piece ended at cut `next` was classified: its clauses
** (document numbers, offsets into t) and their labels (NULL for segment:
** no labels), or it failed.  0 when out of memory (the chain fails). */
int ct_cli_chain_label_done(ct_cli_chain *c, size_t next, const ct_text *t,
                             const ct_clause *cl, size_t n,
                             const ct_result *res, int ok);

/* The chain fails: every item after the current ones passes. */
void ct_cli_chain_fail(ct_cli_chain *c);

#endif
