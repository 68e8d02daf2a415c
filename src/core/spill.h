/*
** spill.h -- bytes kept for later in an unnamed temporary file.
**
** A fork of a writer holds a document's output until the document's turn
** to be written comes, and a document of many short clauses formats to
** thirty times its size; so past a size the bytes go to a file instead,
** as sort(1) spills.  The file is made in $TMPDIR (else /tmp), mode 0600,
** and unlinked at once: nothing is left behind, whatever ends the
** process.  A spill never fails a write: when no file can be made, or a
** write to it fails (a full disk), ct_spill_put takes fewer bytes or
** none, from then on, and the caller keeps the rest in memory as it
** would without a spill.  Reading back can fail (CT_EIO, errno set).
*/
#ifndef CT_SPILL_H
#define CT_SPILL_H

#include <stddef.h>
#include "clausetag.h"

typedef struct ct_spill {
  int state;       /* 0: no file yet, 1: open, 2: off (a make or write failed) */
  int fd;          /* the file, when open */
  size_t len;      /* bytes in it */
} ct_spill;        /* zeroed: empty */

/* Appends up to n bytes of p to the file; returns how many it took. */
size_t ct_spill_put(ct_spill *sp, const void *p, size_t n);

/* Reads n bytes at offset `at` (at + n <= sp->len) into p. */
ct_status ct_spill_read(const ct_spill *sp, size_t at, void *p, size_t n);

/* Closes the file; sp is empty again. */
void ct_spill_close(ct_spill *sp);

#endif
