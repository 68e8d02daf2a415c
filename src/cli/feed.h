/*
** feed.h -- the thread that turns inputs into documents for the workers.
**
** It runs apart from the main thread so that the main thread can write
** finished documents while the feeder waits for more input: a process
** at the other end of a --input jsonl pipe gets each answer as soon as
** it is ready, without clausetag reading ahead of it.  Files are only
** named here (the workers read them; with one worker, small files are
** read here, ahead of it); jsonl records are parsed here,
** since a stream is read in order.  A large plain text file is planned
** here (text/plan.h: the first pass over it) and queued as its pieces.  The pool's window blocks the feeder,
** which keeps memory bounded.
*/
#ifndef CT_CLI_FEED_H
#define CT_CLI_FEED_H

#include <pthread.h>
#include <sys/types.h>
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/pool.h"
#include "clausetag.h"

/* A file by its device and inode, whatever its name. */
typedef struct ct_cli_file_id {
  dev_t dev;
  ino_t ino;
} ct_cli_file_id;

typedef struct ct_cli_feed {
  const ct_cli_input_list *inputs;
  int jsonl;               /* --input jsonl: every line is a document */
  ct_invalid invalid;
  size_t max_bytes;        /* --max-document-bytes */
  size_t piece_bytes;      /* 0, or read a plain text file larger than 8
                           ** pieces (or than the cap), and standard
                           ** input, in pieces of about this many bytes
                           ** (chain.h) */
  int by_name;             /* a file is plain text only by its name
                           ** (--input auto), else every file is */
  const ct_ruleset *rs;    /* the run's (NULL: none), for the pieces'
                           ** context */
  const ct_cli_options *opt;  /* for the input format of a file */
  size_t read_ahead;       /* 0, or files up to this size are read here,
                           ** while the one worker works on the ones
                           ** before (the window bounds what is held) */
  size_t small_bytes;      /* a file read ahead up to this size is one of
                           ** the pool's small items (its wide window),
                           ** a larger one is large (its tight bound) */
  const ct_cli_file_id *outs;  /* the run's output files that exist as
                           ** regular files: an input that is one of them
                           ** is skipped with an error (grep's "input file
                           ** is also the output"), not read */
  size_t nouts;
  ct_cli_pool *pool;       /* closed by the feeder when it is done */
  int oom;                 /* ran out of memory: read after join */
  pthread_t thread;
} ct_cli_feed;

/* Is input `in` read in pieces (planned here, its pieces queued apart,
** so that every worker can take one)?  By f's jsonl, piece_bytes,
** max_bytes and by_name; run.c asks it too, before the run, to know how
** many workers a short list of inputs keeps busy. */
int ct_cli_feed_in_pieces(const ct_cli_feed *f, const ct_cli_source *in);

/* Starts feeding f->pool; 0, or -1 when no thread could be started. */
int ct_cli_feed_start(ct_cli_feed *f);
void ct_cli_feed_join(ct_cli_feed *f);

#endif
