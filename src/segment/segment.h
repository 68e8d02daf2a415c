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

/* The segmenter's state at a place in the text (ct_segment_at). */
#define CT_SEG_LEVELS 16        /* list levels told apart (ct_carry's) */
typedef struct ct_seg_probe {
  size_t at;                    /* asked: a line start of plain text, or
                                ** its end */
  int fresh;                    /* no block is open there: the block before
                                ** ended, or a window line at `at` would
                                ** end it (whether text starts at `at` is
                                ** the caller's to know) */
  int nlevels;                  /* the list levels open there, once that */
  size_t levels[CT_SEG_LEVELS]; /* block is out: their indentation */
} ct_seg_probe;

/* ct_segment_with in windows of `window` bytes (text/cut.h; ct_segment
** and ct_segment_with use CT_CUT_WINDOW, tests smaller windows to cut
** often what real text cuts every 256 KiB), which also fills in the
** state at each of probe[0..nprobe).  The streaming of large files
** (src/stream/) asks, to check that a piece is cut where the whole
** file's run starts a block, with the same list levels open. */
ct_status ct_segment_at(const ct_text *t, const ct_abbrevs *ab,
                        unsigned flags, size_t window, ct_seg_probe *probe,
                        size_t nprobe, ct_clause **out, size_t *n,
                        ct_error *err);

#endif
