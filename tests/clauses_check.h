/*
** clauses_check.h -- the properties every segmentation must have, as a
** check that reports instead of asserting, shared by the cmocka suites
** (test_lossless.c) and the fuzz targets (tests/fuzz/).
*/
#ifndef CT_TEST_CLAUSES_CHECK_H
#define CT_TEST_CLAUSES_CHECK_H

#include <stddef.h>
#include "clausetag.h"

/* Checks clauses c[0..n) of text t, as ct_segment or ct_segment_lines
** gave them:
**   - index k + 1; start < end <= size; start at or after the previous
**     end (ordered, no overlap), after the BOM; both on code point
**     boundaries; no white space at either end;
**   - line and col as ct_text_linecol gives them for start;
**   - kind a known one, depth within 0..16; heading 0 or an earlier
**     clause that reads as a title;
**   - lossless: every byte that is not white space lies in a clause,
**     except list markers (marker-shaped tokens of at most 7 bytes where
**     a line's text begins or after white space: items run together on
**     one line) and Markdown structure (emphasis runs and link syntax at
**     a clause's edge, heading hashes, blockquote markers, table pipes,
**     rule lines, HTML comments).
** Returns 1 when all hold; else 0, with what failed in msg[0..cap). */
int th_check_clauses(const ct_text *t, const ct_clause *c, size_t n,
                     char *msg, size_t cap);

#endif
