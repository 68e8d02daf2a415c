/*
** segment.h -- what the segmenter offers the library's other modules
** beyond clausetag.h: clause text appended to a buffer, for writers that
** format many clauses and should not allocate for each; the segmenter
** with its fast paths off, for tests.
*/
#ifndef CT_SEGMENT_H
#define CT_SEGMENT_H

#include "clausetag.h"
#include "core/buf.h"

/* ct_clause_text appended to b (NUL-terminated); CT_ENOMEM leaves b as
** it was. */
ct_status ct_clause_text_add(ct_buf *b, const ct_text *t, const ct_clause *c,
                             int collapse);

/* ct_segment, or with CT_SEG_LINES ct_segment_lines (which passes no
** abbreviations: ab NULL), and
** with CT_SEG_GENERAL every fast path off: each byte through the general
** steps the fast paths stand for, so tests can compare the two. */
#define CT_SEG_LINES 1u
#define CT_SEG_GENERAL 2u
ct_status ct_segment_with(const ct_text *t, const ct_abbrevs *ab,
                          unsigned flags, ct_clause **out, size_t *n,
                          ct_error *err);

#endif
