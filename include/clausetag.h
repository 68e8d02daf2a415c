/*
** clausetag.h -- the public interface of libclausetag.
**
** clausetag reads diplomatic documents, cuts them into clauses and tags
** every clause with Lua rule files.  This header is the whole library
** interface: a C program includes it and links build/libclausetag.a.
**
** Ownership, stated once: a function that returns a pointer through an
** out-parameter (`**out`) or as its result and whose name ends in _new,
** _read_*, _from_* or _span gives the caller an owned object, released
** with the matching _free.  Every `const` pointer a function returns is
** borrowed and lives as long as the object it came from.  Functions that
** can fail return a ct_status and, when given a ct_error, fill it with a
** message the user can act on ("FILE:LINE:COL: what is wrong").  Nothing
** in the library prints or exits.
*/
#ifndef CLAUSETAG_H
#define CLAUSETAG_H

#include <stddef.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define CT_VERSION "0.1.0"

/* ---------------------------------------------------------------------
** Status codes and errors
** ------------------------------------------------------------------- */

typedef enum ct_status {
  CT_OK = 0,
  CT_ENOMEM,    /* out of memory */
  CT_EIO,       /* a file could not be opened, read or written */
  CT_EUTF8,     /* input is not valid UTF-8 */
  CT_EBINARY,   /* input holds NUL bytes: not a text file */
  CT_EUSAGE,    /* a bad argument from the caller */
  CT_ESYNTAX,   /* malformed data (abbreviation file, JSON line, rule file) */
  CT_ERULE,     /* a rule failed at run time */
  CT_ELIMIT,    /* a rule broke a sandbox limit (instructions, memory, regex) */
  CT_STATUS_COUNT
} ct_status;

/* A short English phrase for every status ("out of memory"). */
const char *ct_strerror(ct_status s);

/* Filled by failing calls: the status and the full user-facing message. */
typedef struct ct_error {
  ct_status status;
  char msg[1024];
} ct_error;

/* ---------------------------------------------------------------------
** Text: one input document as bytes, validated as UTF-8
**
** The bytes are kept exactly as read, so every offset the library
** reports is a byte offset into the input file.  A leading BOM is
** skipped (ct_text_body), LF, CRLF and CR all end lines.
** ------------------------------------------------------------------- */

typedef enum ct_invalid {
  CT_INVALID_ERROR,    /* invalid UTF-8 is an error (CT_EUTF8) */
  CT_INVALID_REPLACE   /* invalid sequences read as U+FFFD */
} ct_invalid;

typedef struct ct_text ct_text;

/* Reads a whole file; path "-" reads standard input.  Fails with CT_EIO,
** CT_EBINARY ("FILE: binary file (NUL byte at line L)") or CT_EUTF8
** ("FILE:LINE:COL: invalid UTF-8 (byte 0xC3)") under CT_INVALID_ERROR. */
ct_status ct_text_read_file(const char *path, ct_invalid mode,
                            ct_text **out, ct_error *err);

/* The same checks on a buffer in memory; the bytes are copied. */
ct_status ct_text_from_buffer(const char *name, const void *data, size_t len,
                              ct_invalid mode, ct_text **out, ct_error *err);

void ct_text_free(ct_text *t);

const char *ct_text_name(const ct_text *t);   /* as given: path or name */
const char *ct_text_data(const ct_text *t);   /* all bytes, NUL-terminated */
size_t ct_text_size(const ct_text *t);        /* byte count, BOM included */
size_t ct_text_body(const ct_text *t);        /* offset after the BOM: 0 or 3 */

/* 1-based line and column (in code points) of byte offset `off`. */
void ct_text_linecol(const ct_text *t, size_t off, size_t *line, size_t *col);

/* A malloc'ed NUL-terminated copy of bytes [start, end), with invalid
** sequences written as U+FFFD.  With `collapse`, every run of white space
** (line breaks included) becomes one space and the ends are trimmed.
** NULL when out of memory. */
char *ct_text_span(const ct_text *t, size_t start, size_t end, int collapse);

/* A malloc'ed copy of `s` (length `len`) in NFKC + case fold, the form
** rules match against.  NULL when out of memory. */
char *ct_fold(const char *s, size_t len);

/* ---------------------------------------------------------------------
** Abbreviations: words whose period does not end a sentence
** ------------------------------------------------------------------- */

typedef struct ct_abbrevs ct_abbrevs;

/* An empty list, or (with_defaults) the list shipped in
** rules/abbreviations.txt, compiled into the library. */
ct_abbrevs *ct_abbrevs_new(int with_defaults);
void ct_abbrevs_free(ct_abbrevs *a);

/* Adds one abbreviation, period included ("Amb.", "Adm."). */
ct_status ct_abbrevs_add(ct_abbrevs *a, const char *word);

/* Adds every entry of a file: one abbreviation per line, '#' comments. */
ct_status ct_abbrevs_load(ct_abbrevs *a, const char *path, ct_error *err);

/* ---------------------------------------------------------------------
** Segmentation: clauses of a document
** ------------------------------------------------------------------- */

typedef enum ct_kind {
  CT_KIND_HEADING,    /* a short stand-alone line without final punctuation */
  CT_KIND_BULLET,     /* a sentence of a list item */
  CT_KIND_SENTENCE,   /* a sentence of a paragraph */
  CT_KIND_LINE        /* one input line, unsegmented (--input lines) */
} ct_kind;

const char *ct_kind_name(ct_kind k);   /* "heading", "bullet", ... */

typedef struct ct_clause {
  size_t index;       /* 1-based, in document order */
  ct_kind kind;
  int depth;          /* list nesting: 0 outside lists, 1 top-level item */
  size_t start, end;  /* byte offsets into the input, end exclusive */
  size_t line, col;   /* of start: 1-based, col in code points */
  size_t heading;     /* index of the section's heading clause, 0 if none */
} ct_clause;

/* Cuts a document into clauses (SPEC.md, "Segmentation conventions").
** `ab` may be NULL (shape rules only: initials, U.S.-style forms).  On
** success *out is a malloc'ed array of *n clauses (free with free());
** a document with no text gives *n == 0. */
ct_status ct_segment(const ct_text *t, const ct_abbrevs *ab,
                     ct_clause **out, size_t *n, ct_error *err);

/* One clause of kind CT_KIND_LINE per non-blank line, white space at
** both ends left out (--input lines). */
ct_status ct_segment_lines(const ct_text *t, ct_clause **out, size_t *n,
                           ct_error *err);

#ifdef __cplusplus
}
#endif

#endif /* CLAUSETAG_H */
