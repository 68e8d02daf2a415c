/*
** stream.h -- cutting a large text file into pieces whose clauses are
** exactly the whole document's.
**
** The plan (text/plan.h) gives cuts: line starts after a blank line, and
** window lines (text/cut.h), where the segmenter ends a block too.  A
** piece is segmented alone, from a start a little before its cut (the
** overlap), and its clauses are those that start at or after the cut.
** They are the whole document's when the segmenter reaches the cut in the
** same state in both runs, up to the section heading (which the piece
** takes from the pieces before it).  Between blocks, the segmenter's state
** is: the section heading, whether a sentence has come yet (before one, a
** short line may be the headline), the page furniture just emitted, an
** HTML comment left open, and the indentation of open list levels.  A run
** is *clean* at a cut when the last clause before it is not page
** furniture and only white space (a blank line) lies between that clause
** and the cut: then no furniture is pending, no comment is open (its
** "<!--" would lie there).  The list levels open at the cut are compared
** (the segmenter tells them, ct_segment_at): a first line that opens a
** paragraph or a top-level item would make them not matter, but one that
** opens nothing ("===", a table row) leaves them to the indented item
** after it.  Two runs clean at a cut, with the same list levels and the
** same answer to "has a sentence come", go on alike from there.
**
** At a window line no blank line shows that a block ended; and the plan,
** which takes blocks to begin after blank lines, may note one where the
** segmenter's block began later (after a comment line) and goes on.  So
** each run is also asked (ct_segment_at) whether a block is open at the
** cut that no window line ends: clean then means that none is.
**
** A window sentence (text/cut.h) cuts a long line: the segmenter ends the
** block there (the run of the piece before must see that it does, at its
** end, as for a window line), and the rest of the line is text going on,
** with no list open and no headline to come.  That is a state of its own,
** the same in every run, so a piece cut there starts its run at the cut
** (the text's col0 says it starts mid-line) and needs no check at its
** start.
**
** ct_stream_piece checks both runs: the piece's own at its cut (else it
** starts over from where the previous piece's run started, which reaches
** the cut as the whole document does), and the whole document's at the
** piece's end, seen in the piece's clauses (else the piece goes on to the
** next cut).  A piece is thus at most a few cuts long except in text
** with no clean cut (one list, one block): the plan's cap bounds it.
**
** What this knows of the segmenter is its state between blocks, listed
** above; tests/test_stream.c cuts documents of every kind at every cut
** and compares, so a segmenter that keeps more state fails there.
*/
#ifndef CT_STREAM_H
#define CT_STREAM_H

#include "clausetag.h"
#include "text/plan.h"

/* ct_carry, ct_carry_init and ct_stream_piece are public (clausetag.h,
** "Large text files in pieces"), as are ct_plan_open, _pieces, _name and
** _free over text/plan.h's plan. */

#endif
