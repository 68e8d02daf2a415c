/*
** doc.h -- one document on its way from the input to the output.
**
** A worker thread fills it (reads, cuts, classifies) and the main thread
** prints its messages and writes it, so everything a worker has to say
** is kept in the document rather than printed: that is what keeps
** stderr in input order for every -j.
*/
#ifndef CT_CLI_DOC_H
#define CT_CLI_DOC_H

#include "cli/chain.h"
#include "cli/memtext.h"

/* One document on its way through the workers; everything owned. */
typedef struct ct_cli_doc {
  char *path;            /* the file to read; NULL: `text` is given */
  ct_text *text;
  char *id_json;         /* of a jsonl record, or NULL */
  char *meta_json;
  ct_clause *clauses;
  size_t n;
  ct_results *results;   /* classify: one per clause */
  ct_violation *violations;   /* classify: broken policies */
  size_t nviolations;
  int checked;           /* the policies were checked (violations holds
                         ** what they found, maybe nothing) */
  ct_cli_memtext msgs;   /* lines for stderr, printed before the output */
  ct_writer *formatted;  /* the document's output, when a worker
                         ** formatted it: a fork of the run's writer
                         ** (ct_writer_fork), or NULL */
  /* A piece of a large file (chain.h): the chain, the plan cut it starts
  ** at, and what the pieces before left for its classification. */
  ct_cli_chain *chain;
  size_t cut;
  ct_cli_context ctx;
  const ct_part *part;   /* &ctx.part once it is known, for the step */
  ct_text *ahead_text;   /* with `context = "next"` rules: the piece's
                         ** text with the next piece's first clause after
                         ** it, and its clauses with that one (part->ahead
                         ** is 1); NULL when the piece ends the file */
  ct_clause *ahead_clauses;
  int pass;              /* an item with nothing to write (taken in by the
                         ** piece before, or after a failure) */
  int failed;            /* the input failed: not written, exit 2 */
  int partial;           /* written, but something in it failed (a rule,
                         ** with --keep-going): exit 2 */
  int fatal;             /* the run stops: err says why */
  ct_error err;
  /* A --input jsonl record, answered by a document or an error record
  ** (answer.h), failed or not: */
  int record;
  size_t line;           /* its line in its stream */
  ct_cli_memtext errors; /* what failed in it with --keep-going, a line
                         ** each */
} ct_cli_doc;

/* A document to read from path (NULL: its text is given later); NULL
** when out of memory. */
ct_cli_doc *ct_cli_doc_new(const char *path);
void ct_cli_doc_free(ct_cli_doc *d);

/* Fills err (when not NULL) with status s and its phrase, ct_strerror's
** ("out of memory"); returns s. */
ct_status ct_cli_fail(ct_error *err, ct_status s);

/* What the writer is told of d besides its clauses: its record's id,
** meta, line and the errors passed over in it, and the policies'
** violations when they were checked. */
void ct_cli_doc_record(const ct_cli_doc *d, ct_writer_doc *rec);

/* Adds a line to what is printed on stderr for the document. */
void ct_cli_doc_message(ct_cli_doc *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* Marks a document whose input failed with status s: err's message, or
** "NAME: <what s means>" when it has none; a document over the size cap
** gets the option that sets it named after the message. */
void ct_cli_doc_input_failed(ct_cli_doc *d, const char *name, ct_status s,
                             const ct_error *err);

#endif
