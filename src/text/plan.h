/*
** plan.h -- the first pass over a large text file read in pieces.
**
** A regular file too large to hold whole (with the text, its clauses and
** its results, a document takes several times its size) is read twice:
** once here, in blocks, with memory that does not grow with the file, and
** then piece by piece (ct_plan_read) by whoever segments and classifies
** it (src/stream/).
**
** The pass checks what reading the whole file would check, with the same
** messages at the same line and column: a NUL byte anywhere (binary file:
** it wins over invalid UTF-8, as there) and invalid UTF-8 (an error, or
** with CT_INVALID_REPLACE noted in `invalid`).  It notes the places where
** the file may be cut: a *boundary* is a line start right after a blank
** line (only ASCII white space, ended by LF or CR LF), whose first byte
** starts text (not white space, not '<', not a byte order mark).  Every
** `piece` bytes or so a boundary becomes a cut, with an earlier boundary
** from which a run of the segmenter can start so as to reach the cut in
** the state the whole document's run reaches it in (src/stream/ checks
** that it does).  A *window line* and a *window sentence* (text/cut.h:
** where the segmenter ends a block in text without blank lines, and in
** a long line) are boundaries too.  Files with CR
** line ends alone have no boundaries.
**
** A cut's span, from its start (the overlap included) to the next cut,
** is at most `max` bytes: past it, with no boundary, the plan fails with
** CT_ETOOBIG and the size cap's message, as reading the whole would.
**
** Standard input ("-", named "<stdin>") that is a regular file (`< FILE`)
** is read again as a file is, from where it stood when the plan began.
** Any other (a pipe) cannot be read twice, so the pass keeps what it
** reads: its first CT_PLAN_KEEP bytes in memory, the rest
** in a spill (core/spill.h: an unlinked temporary file), where the
** pieces are read from.  Memory then stays bounded as for a file; where
** no temporary file can be made, the rest stays in memory too, up to
** `max` (then CT_ETOOBIG, as reading it whole would say).
*/
#ifndef CT_PLAN_H
#define CT_PLAN_H

#include <stdio.h>
#include "clausetag.h"
#include "core/buf.h"
#include "core/spill.h"
#include "text/text.h"

typedef struct ct_cut {
  size_t at;            /* file offset: where the piece's own clauses start */
  size_t line;          /* lines before `at` (its 0-based line index) */
  size_t from;          /* where its text starts (from <= at): a boundary
                        ** before it, or 0 */
  size_t from_line;     /* lines before `from` */
  size_t from_col;      /* characters before `from` on its line: 0 but
                        ** at a window sentence */
} ct_cut;

/* Bytes standard input keeps in memory before it spills, and the most
** of it kept, in caps (`max`): an endless input stops there. */
#define CT_PLAN_KEEP ((size_t)1 << 20)
#define CT_PLAN_STDIN_CAPS 64

typedef struct ct_plan {
  char *name;           /* as given; "<stdin>" for "-" */
  int stream;           /* standard input not a regular file: its bytes
                        ** are kept here */
  ct_buf kept;          /* its bytes [0, kept.len) */
  ct_spill spill;       /* and [kept.len, size), from offset 0 */
  ct_file_state state;  /* when the pass began: each read checks it */
  int fd;               /* standard input that is a regular file: a copy
                        ** of its descriptor (-1: none; a file is opened
                        ** again by its name) */
  unsigned long long base;  /* where in that file standard input began */
  size_t size;          /* bytes in the file */
  int invalid;          /* holds invalid UTF-8 (CT_INVALID_REPLACE) */
  size_t window;        /* the segmenter's window (text/cut.h) */
  ct_cut *cuts;         /* cuts[0] is at 0; in file order */
  size_t ncuts;
} ct_plan;

/* Plans `path` (a regular file, or "-": standard input) in pieces of
** about `piece` bytes, each at most `max` bytes with its overlap (and
** standard input at most CT_PLAN_STDIN_CAPS times `max` in all), for a
** segmenter whose windows are `window` bytes (CT_CUT_WINDOW; tests use
** smaller ones).  CT_EIO, CT_EBINARY, CT_EUTF8 (CT_INVALID_ERROR),
** CT_ETOOBIG, CT_ENOMEM with the messages of ct_text_read_file_max. */
ct_status ct_plan_file(const char *path, ct_invalid mode, size_t piece,
                       size_t max, size_t window, ct_plan *out,
                       ct_error *err);
/* Frees what p holds (not p: a plan of ct_plan_file is the caller's
** struct; ct_plan_open's is freed by ct_plan_free). */
void ct_plan_clear(ct_plan *p);

/* The bytes [from, to) of the planned file as a text of their own, named
** as the file, whose reported offsets are the file's (base = from), and
** columns too (col0 = col: from's ct_cut.from_col).  from must be 0 or a
** boundary the plan noted (so no BOM is taken for one).
** CT_EIO when the file changed since the plan ("changed while being
** read"), or cannot be read. */
ct_status ct_plan_read(const ct_plan *p, ct_invalid mode, size_t from,
                       size_t col, size_t to, ct_text **out, ct_error *err);

#endif
