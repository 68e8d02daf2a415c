/*
** pieces_check.h -- a file read in pieces is cut into exactly the whole
** file's clauses: the check, reporting instead of asserting, shared by
** test_stream.c and the fuzz target fuzz_stream.c.
*/
#ifndef CT_TEST_PIECES_CHECK_H
#define CT_TEST_PIECES_CHECK_H

#include <stddef.h>
#include "clausetag.h"

/* Plans the file at `path` in pieces of about `piece` bytes for a
** segmenter with windows of `window` bytes (text/cut.h), segments it
** piece by piece (ct_stream_piece) and compares every clause with the
** whole file's (ct_segment_at on the file read whole): number, kind,
** depth, span, line, column, heading and title.  A file the whole read
** refuses must be refused by the plan with the same status and message.
** Returns 1 when all agree, with the number of pieces in *pieces; else
** 0, with what differs in msg[0..cap). */
int th_check_pieces(const char *path, const ct_abbrevs *ab, size_t piece,
                    size_t window, size_t *pieces, char *msg, size_t cap);

/* Plans the file at `path` as a file and as standard input, both as a
** regular file (reopened on it: read again at its offsets) and as a pipe
** (th_stdin_pipe: the plan keeps what it reads, text/plan.h), with the
** same pieces, cap and windows: the same status, message (but for the
** name), size, cuts and invalid flag, and every cut's bytes read back
** alike.  1 when all agree; else 0, with what differs in msg[0..cap). */
int th_check_stdin_plan(const char *path, size_t piece, size_t max,
                        size_t window, char *msg, size_t cap);

/* Makes standard input a pipe that a thread fills with the bytes of the
** file at `path` (as `cat path |` would; with `slow`, 512 bytes at a
** time, 50 microseconds apart, so that reads wait on it); 1, or 0 when
** it cannot.
** th_stdin_pipe_end then points standard input at /dev/null (the thread
** stops if the pipe was not read to its end) and joins the thread. */
int th_stdin_pipe(const char *path, int slow);
void th_stdin_pipe_end(void);

#endif
