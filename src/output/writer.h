/*
** writer.h -- output formats as data: a table of callbacks per format.
**
** A format turns one clause record into bytes appended to the writer's
** buffer; the writer owns the stream, batches the bytes and remembers the
** first write error, so a format never touches a FILE and a caller checks
** for failure once, at the end.  Formats that wrap the whole run (a JSON
** array, an XML report) add begin/end hooks.  `segment` uses the formats
** of ct_segment_formats, `classify` those of ct_classify_formats, which
** also read the document's results and the writer's rule set.
*/
#ifndef CT_WRITER_H
#define CT_WRITER_H

#include <stdio.h>
#include "core/buf.h"
#include "core/spill.h"
#include "output/explain.h"
#include "output/json.h"

/* What a document brings besides its text and clauses; NULL fields are
** absent.  A document read from --input jsonl is named by its record's
** id, which JSON formats write back as given, instead of a file name.
** Policies and their violations are the public header's (ct_policy). */
typedef struct ct_docinfo {
  const char *id_json;        /* the record's "id", as JSON */
  const char *meta_json;      /* its "meta" object, as JSON */
  const ct_result *results;   /* classify: one per clause */
  const ct_violation *violations;   /* classify with policies */
  size_t nviolations;
} ct_docinfo;

/* One clause to write, with the document around it (for its heading). */
typedef struct ct_record {
  const ct_text *text;
  const ct_clause *clauses;   /* the whole document, in order */
  size_t nclauses;
  size_t i;                   /* the clause to write: clauses[i] */
  const ct_docinfo *doc;      /* never NULL */
} ct_record;

/* The writer flags (CT_WRITE_*) and the opaque ct_writer are declared in
** clausetag.h; here is what is inside. */
/* The hooks of a format.  For each document the writer calls doc_begin,
** clause for each clause, then doc_end (r->i == r->nclauses there), in
** the order of the inputs, from one thread.  Formats that wrap the run
** (SARIF, JUnit, HTML) can keep what they need and write it at end. */
/* Which of a format's records read the rule hits of their results: none,
** those of a writer with CT_WRITE_EXPLAIN, or all (ct_writer_reads_hits). */
typedef enum ct_hits_use { CT_HITS_NONE, CT_HITS_EXPLAIN, CT_HITS_ALL } ct_hits_use;

typedef struct ct_format {
  const char *name;                                        /* "jsonl" */
  ct_status (*begin)(ct_writer *w);                        /* may be NULL */
  ct_status (*clause)(ct_writer *w, const ct_record *r);
  ct_status (*end)(ct_writer *w);                          /* may be NULL */
  ct_status (*doc_begin)(ct_writer *w, const ct_record *r); /* may be NULL */
  ct_status (*doc_end)(ct_writer *w, const ct_record *r);   /* may be NULL */
  ct_hits_use hits;                        /* does it read results' hits */
} ct_format;

struct ct_writer {
  const ct_format *fmt;
  FILE *out;
  ct_buf buf;       /* bytes formatted but not yet handed to `out` */
  size_t records;   /* clauses written so far */
  int errnum;       /* errno of the first failed write; 0 while none */
  const ct_ruleset *rs;   /* classify: names of labels and rules */
  unsigned flags;         /* CT_WRITE_* */
  const ct_policy *policies;   /* the policies in force, for reports */
  size_t npolicies;
  void *state;            /* the format's own: one malloc'ed block, freed
                          ** by its end hook or else by ct_writer_free */
  ct_buf tmp;             /* scratch for a clause's text on its way to an
                          ** escaper: reused, so a record allocates
                          ** nothing once it is large enough */
  /* What the records of one document share, made once for it (the
  ** writer forgets it when the next document begins): */
  ct_buf doc_json;        /* its JSON opening, ct_record_json_source */
  int have_doc_json;
  ct_buf doc_name;        /* its name as a line field (ct_tsv_field) */
  int have_doc_name;
  ct_buf head_json;       /* a heading's text as a JSON string */
  size_t head;            /* the index of that heading; 0 for none */
  ct_numcache *nums;      /* scores and weights last written, made at
                          ** the first (none when out of memory) */
  ct_write_fn *sink;      /* where bytes go instead of `out` (the public
                          ** writer's callback), or NULL */
  void *sink_ud;
  const unsigned char *want;  /* per label: selected by --label (only
                              ** those clauses are written); NULL: all */
  void *select;           /* the selection format fmt points to, and
                          ** want, in one malloc'ed block that this writer
                          ** owns (select.h), or NULL */
  ct_explain explain;     /* text --explain: its scratch, reused */
  int keeps;              /* a fork: it keeps its bytes for its parent
                          ** (ct_writer_take), past CT_WRITER_KEEP_AT
                          ** in `spill` */
  ct_spill spill;
};

/* What a fork keeps in memory before it spills to a temporary file. */
#define CT_WRITER_KEEP_AT ((size_t)1 << 20)

/* The formats of `clausetag segment`: text, lines, jsonl; NULL-ended. */
extern const ct_format *const ct_segment_formats[];

/* The formats of `clausetag classify`: text, jsonl, tsv, sarif, junit,
** html; NULL-ended.
** They need w->rs and every document's results. */
extern const ct_format *const ct_classify_formats[];

/* Their names, in the same order: the public ct_writer_formats. */
extern const char *const ct_segment_format_names[];
extern const char *const ct_classify_format_names[];

/* The format called `name` in a NULL-ended table, or NULL. */
const ct_format *ct_format_find(const ct_format *const *table,
                                const char *name);

void ct_writer_init(ct_writer *w, const ct_format *fmt, FILE *out);

/* The same with the settings of the public ct_writer_options (rule set,
** flags, policies, which must be resolved and outlive w; labels and the
** selection flags, which make fmt the selection's format): how the
** command line sets up its writers (api.c).  CT_EUSAGE for a selection
** that does not apply (clausetag.h, ct_writer_new), or CT_ENOMEM; w is
** then still to be freed. */
ct_status ct_writer_init_with(ct_writer *w, const ct_format *fmt, FILE *out,
                              const ct_writer_options *o, ct_error *err);

/* A writer of model's format and settings to out: a worker's, which
** formats documents apart into its own buffer (out NULL).  The selection
** is model's, which must outlive w. */
void ct_writer_init_like(ct_writer *w, const ct_writer *model, FILE *out);
ct_status ct_writer_begin(ct_writer *w, ct_error *err);

/* Writes every clause of one document.  After a write error it returns
** CT_EIO at once (err: "write error: ...", w->errnum: the errno). */
ct_status ct_writer_document(ct_writer *w, const ct_text *t,
                             const ct_clause *c, size_t n, ct_error *err);

/* The same for a document with more to say (doc may be NULL). */
ct_status ct_writer_document_info(ct_writer *w, const ct_text *t,
                                  const ct_clause *c, size_t n,
                                  const ct_docinfo *doc, ct_error *err);

/* Writes clauses c[0..n) of a part of a document that continues the
** one written before (formats that write documents apart only,
** clausetag.h's ct_writer_apart): in groups of
** clauses, each with the heading its first clauses name before it as
** context, not written (`heading`, the clause before c[0], or one of
** c).  results: one per clause, or NULL.  CT_EIO or CT_ENOMEM. */
ct_status ct_writer_part(ct_writer *w, const ct_text *t,
                         const ct_clause *heading, const ct_clause *c,
                         size_t n, const ct_result *results, ct_error *err);

/* Appends what `part` holds (written with no stream: its bytes and
** record count) to w as if w had written it, then flushes w; `part` is
** left empty.  CT_EIO after a write error of w or when part's spill
** cannot be read back ("read error: temporary file: ..."), or CT_ENOMEM. */
ct_status ct_writer_take(ct_writer *w, ct_writer *part, ct_error *err);

/* Hands what w->buf holds to the stream (no fflush); CT_EIO after any
** write error.  A writer with neither stream nor sink (a fork) keeps
** its bytes. */
ct_status ct_writer_flush(ct_writer *w, ct_error *err);

/* Runs the end hook and flushes everything to the stream (fflush
** included), reporting any write error of the whole run. */
ct_status ct_writer_end(ct_writer *w, ct_error *err);

/* Frees the buffer; the stream stays the caller's. */
void ct_writer_free(ct_writer *w);

/* w's number cache, made at the first call; NULL when out of memory (the
** numbers are then written without one). */
ct_numcache *ct_writer_nums(ct_writer *w);

/* Helpers the formats share (record.c). */

/* The clause to write. */
const ct_clause *ct_record_clause(const ct_record *r);

/* Its text, malloc'ed: the exact span, or collapsed to one line; NULL
** when out of memory. */
char *ct_record_text(const ct_record *r, int collapse);

/* The same appended to b.  Collapsed text holds no tab, line break or
** other control character, so it is a TSV field and a text line as it
** is. */
ct_status ct_record_text_add(ct_buf *b, const ct_record *r, int collapse);

/* Appends s as one field of a line (TSV, text): tabs and line breaks
** become spaces, other C0 controls, DEL and C1 controls U+FFFD. */
ct_status ct_tsv_field(ct_buf *b, const char *s);

/* The same for s[0..n). */
ct_status ct_tsv_field_n(ct_buf *b, const char *s, size_t n);

/* Appends the first TSV fields of a clause row and a tab:
** FILE CLAUSE LINE COL KIND, with PAGE after CLAUSE under CT_WRITE_PAGES. */
ct_status ct_record_tsv_where(ct_buf *b, const ct_record *r, unsigned flags);

/* Appends "FILE:LINE:COL: ", the grep-style place of the clause; for a
** PDF "FILE#page=N:LINE:COL: ", LINE within page N. */
ct_status ct_record_where(ct_buf *b, const ct_record *r);

/* The same appended to w->buf, the name escaped once per document. */
ct_status ct_writer_where(ct_writer *w, const ct_record *r);

/* Appends the opening of a JSON object naming the document:
** {"file":"NAME"  or  {"id":ID,"meta":{...}  (--input jsonl). */
ct_status ct_record_json_source(ct_buf *b, const ct_record *r);

/* Appends the clause's JSON object up to its "text" (the exact span) to
** w->buf, without the closing brace, so a format can add keys: "file"
** (or "id" and "meta"), "clause", "line", "col", "start", "end", "kind",
** "depth" (only when with_depth), "heading", "text".  Uses w->tmp. */
ct_status ct_record_json_clause(ct_writer *w, const ct_record *r,
                                int with_depth);

#endif
