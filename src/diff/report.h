/*
** report.h -- what a new version of a document adds, drops and changes,
** label by label: the formats of `clausetag diff`.
**
** Given both documents classified and their clauses aligned (ct_align),
** each step of the alignment has a status: a clause of the new version
** alone is new, one of the old version alone is dropped, a pair is
** unchanged when its texts (white space collapsed) and its labels are the
** same, else changed.  A step belongs to the section of every label that
** either side has, and to the "(no label)" section when neither has one,
** so every difference shows in at least one section.  The formats write
** into a buffer (the caller writes it out) and add nothing that varies
** from run to run: the same documents give the same bytes.
*/
#ifndef CT_DIFF_REPORT_H
#define CT_DIFF_REPORT_H

#include "clausetag.h"
#include "core/buf.h"

/* ct_diff_doc, ct_diff, ct_diff_write and ct_diff_differences are
** public (clausetag.h). */

typedef enum ct_diff_status {
  CT_DIFF_NEW,                 /* only in the new version */
  CT_DIFF_DROPPED,             /* only in the old version */
  CT_DIFF_CHANGED,             /* paired; text or labels differ */
  CT_DIFF_UNCHANGED,           /* paired; same text, same labels */
  CT_DIFF_NSTATUS
} ct_diff_status;

/* "new", "dropped", "changed", "unchanged". */
const char *ct_diff_status_name(ct_diff_status s);

ct_diff_status ct_diff_step_status(const ct_diff *d, size_t k);

/* Text: the two files, the totals, then per label a line of counts and
** its steps in document order (+ new, - dropped, ~ changed with both
** texts under it; = unchanged only with CT_DIFF_LIST_UNCHANGED, of
** clausetag.h). */
ct_status ct_diff_text(ct_buf *b, const ct_diff *d, unsigned flags);

/* JSON Lines: one object per step, in document order. */
ct_status ct_diff_jsonl(ct_buf *b, const ct_diff *d);

/* One self-contained HTML page (inline CSS and script, nothing fetched):
** a section per label with its steps, a table of contents, a filter by
** status (unchanged steps hidden until asked for); in a changed pair the
** words one text lacks in the other (compared folded) are <mark>ed. */
ct_status ct_diff_html(ct_buf *b, const ct_diff *d);

#endif
