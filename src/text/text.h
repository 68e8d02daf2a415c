/*
** text.h -- the inside of a ct_text (see clausetag.h for the promises).
**
** The bytes are the input exactly as read, plus a NUL.  `lines` holds the
** offset where each line starts (line 1 at lines[0] == 0), so line and
** column of any offset cost one binary search plus a scan of one line.
*/
#ifndef CT_TEXT_H
#define CT_TEXT_H

#include "clausetag.h"

struct ct_text {
  char *name;           /* path or name as given */
  unsigned char *data;  /* len bytes + NUL */
  size_t len;
  size_t body;          /* 3 after a UTF-8 BOM, else 0 */
  size_t *lines;        /* start offset of each line */
  size_t nlines;
  int invalid;          /* holds invalid UTF-8 (only under CT_INVALID_REPLACE) */
};

#endif
