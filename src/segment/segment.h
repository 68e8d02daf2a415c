/*
** segment.h -- what the segmenter offers the library's other modules
** beyond clausetag.h: clause text appended to a buffer, for writers that
** format many clauses and should not allocate for each.
*/
#ifndef CT_SEGMENT_H
#define CT_SEGMENT_H

#include "clausetag.h"
#include "core/buf.h"

/* ct_clause_text appended to b (NUL-terminated); CT_ENOMEM leaves b as
** it was. */
ct_status ct_clause_text_add(ct_buf *b, const ct_text *t, const ct_clause *c,
                             int collapse);

#endif
