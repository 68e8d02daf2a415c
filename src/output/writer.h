/*
** writer.h -- output formats as data: a table of callbacks per format.
**
** A format turns one clause record into bytes appended to the writer's
** buffer; the writer owns the stream, batches the bytes and remembers the
** first write error, so a format never touches a FILE and a caller checks
** for failure once, at the end.  Formats that wrap the whole run (a JSON
** array, an XML report) add begin/end hooks.  `segment` uses the formats
** of ct_segment_formats; `classify` extends ct_record with its labels and
** brings its own table.
*/
#ifndef CT_WRITER_H
#define CT_WRITER_H

#include <stdio.h>
#include "core/buf.h"

/* One clause to write, with the document around it (for its heading). */
typedef struct ct_record {
  const ct_text *text;
  const ct_clause *clauses;   /* the whole document, in order */
  size_t nclauses;
  size_t i;                   /* the clause to write: clauses[i] */
} ct_record;

typedef struct ct_writer ct_writer;

typedef struct ct_format {
  const char *name;                                        /* "jsonl" */
  ct_status (*begin)(ct_writer *w);                        /* may be NULL */
  ct_status (*clause)(ct_writer *w, const ct_record *r);
  ct_status (*end)(ct_writer *w);                          /* may be NULL */
} ct_format;

struct ct_writer {
  const ct_format *fmt;
  FILE *out;
  ct_buf buf;       /* bytes formatted but not yet handed to `out` */
  size_t records;   /* clauses written so far */
  int errnum;       /* errno of the first failed write; 0 while none */
};

/* The formats of `clausetag segment`: text, lines, jsonl; NULL-ended. */
extern const ct_format *const ct_segment_formats[];

/* The format called `name` in a NULL-ended table, or NULL. */
const ct_format *ct_format_find(const ct_format *const *table,
                                const char *name);

void ct_writer_init(ct_writer *w, const ct_format *fmt, FILE *out);
ct_status ct_writer_begin(ct_writer *w, ct_error *err);

/* Writes every clause of one document.  After a write error it returns
** CT_EIO at once (err: "write error: ...", w->errnum: the errno). */
ct_status ct_writer_document(ct_writer *w, const ct_text *t,
                             const ct_clause *c, size_t n, ct_error *err);

/* Runs the end hook and flushes everything to the stream (fflush
** included), reporting any write error of the whole run. */
ct_status ct_writer_end(ct_writer *w, ct_error *err);

/* Frees the buffer; the stream stays the caller's. */
void ct_writer_free(ct_writer *w);

/* The collapsed text of the heading of r's clause, malloc'ed, or NULL
** when it has none (*oom set when NULL means out of memory). */
char *ct_record_heading(const ct_record *r, int *oom);

#endif
