/*
** jsonl_in.h -- --input jsonl: one document per line of a JSON Lines
** stream, {"id": ..., "text": ..., "meta": {...}}.
**
** The reader goes line by line (never the whole stream at once), so
** clausetag can sit in a pipeline and answer each record as it comes,
** and holds at most one line of the size cap: a longer line, or a stream
** without line ends, costs its own message and no more memory.
** A malformed line costs only itself: next() says so with a message
** naming FILE:LINE, and the caller reads on.
*/
#ifndef CT_CLI_JSONL_IN_H
#define CT_CLI_JSONL_IN_H

#include <stdio.h>
#include "clausetag.h"

typedef struct ct_cli_jsonl {
  FILE *f;
  const char *name;     /* for messages: the path, or "<stdin>" */
  char *line;           /* the line being read, without its '\n',
                        ** NUL-terminated once a byte was read */
  size_t len, cap;      /* its bytes; what line holds */
  size_t lineno;
  size_t max;           /* the longest line kept (--max-document-bytes) */
  int skip;             /* the rest of a line that was not kept is next */
  ct_invalid invalid;
} ct_cli_jsonl;

/* One record: everything owned, freed by ct_cli_jsonl_doc_free.  A bad
** line leaves no text, but what could be read of its id and meta (for
** the error record that answers it: the stream contract), and its line
** number. */
typedef struct ct_cli_jsonl_doc {
  ct_text *text;        /* named by the id, as a string */
  char *id_json;        /* the id as JSON: "a-12" or 12; NULL for a bad
                        ** line whose id could not be read */
  char *meta_json;      /* the "meta" object as JSON, or NULL */
  size_t lineno;        /* the line the record was on, from 1 */
} ct_cli_jsonl_doc;

/* Opens path ("-": standard input), whose lines may hold up to max
** bytes; CT_OK or CT_EIO with the message "FILE: cannot read: ...". */
ct_status ct_cli_jsonl_open(ct_cli_jsonl *j, const char *path,
                            ct_invalid invalid, size_t max, ct_error *err);

/* The next record.  CT_OK with *more = 1 and *d filled, CT_OK with
** *more = 0 at the end; any other status means one bad line (message
** "FILE:LINE: ...", read on: a line longer than max is CT_ETOOBIG, and
** the rest of it is read and dropped by the next call) or a stream that
** cannot go on (stop): CT_EIO when reading failed, CT_EBINARY at a NUL
** byte, which no JSON text holds.  Blank lines are skipped.  After a bad
** line, d holds its line number and, when they could be read, its id
** (from the start of a line that is not valid JSON or is too long) and
** meta: free it with ct_cli_jsonl_doc_free. */
ct_status ct_cli_jsonl_next(ct_cli_jsonl *j, ct_cli_jsonl_doc *d, int *more,
                            ct_error *err);

void ct_cli_jsonl_doc_free(ct_cli_jsonl_doc *d);
void ct_cli_jsonl_close(ct_cli_jsonl *j);

#endif
