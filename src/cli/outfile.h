/*
** outfile.h -- the output stream of a command: stdout or -o FILE.
**
** -o FILE never leaves a half-written FILE: the output goes to a temp
** file beside it (same directory, so the rename cannot cross file
** systems) that is renamed over FILE only after every byte was written
** and closed without error.  A FILE that exists and is not a regular
** file (/dev/null, a FIFO, a terminal) cannot be replaced that way and
** is written directly.  A symbolic link is followed: the file it points
** to is replaced and the link stays (renaming over the link would turn
** /dev/stdout or a user's link into a plain file).  A signal whose
** default action ends the process (SIGINT, SIGTERM, SIGPIPE, SIGXFSZ,
** ...: outfile.c lists them) removes every temp file before it does; only
** SIGKILL and the signals of a crash leave one.
*/
#ifndef CT_CLI_OUTFILE_H
#define CT_CLI_OUTFILE_H

#include <stdio.h>

/* Bytes of the buffer of standard output (main.c) and of -o FILE: stdio
** gives a file its block size, 4 KiB, and a document's output, tens of
** KiB, then went out in two write(2) calls. */
#define CT_CLI_OUT_BUFFER 65536

typedef struct ct_cli_outfile {
  FILE *f;            /* where to write */
  const char *path;   /* -o FILE, or NULL for standard output */
  char *real;         /* the file a symbolic link `path` points to */
  const char *dest;   /* what the temp file replaces: real or path */
  char *tmp;          /* temp file to rename over dest, or NULL */
  char *buf;          /* the buffer of a FILE we opened, or NULL */
  struct ct_cli_pending *pending;   /* tmp in the list of what a fatal
                                    ** signal removes (outfile.c) */
} ct_cli_outfile;

/* Gives f, unless it is a terminal (which keeps its line buffering),
** the CT_CLI_OUT_BUFFER bytes at buf as its buffer, before any output:
** standard output (main.c) and -o FILE.  1 if it took them. */
int ct_cli_outfile_buffer(FILE *f, char *buf);

/* Opens the output; 0, or 2 after "clausetag: cannot write FILE: ...". */
int ct_cli_outfile_open(ct_cli_outfile *o, const char *path);

/* Closes and, for a temp file, renames it into place.  0, or 2 after
** printing why (the temp file is removed). */
int ct_cli_outfile_commit(ct_cli_outfile *o);

/* Gives up after a write error `errnum` (0: no message, e.g. after out
** of memory was reported): prints it, removes the temp file; returns 2. */
int ct_cli_outfile_fail(ct_cli_outfile *o, int errnum);

/* Do the -o paths a and b name one file (so that one report would
** replace the other)?  The same existing file (device and inode, links
** followed), or the same name in the same directory for a file yet to
** be created: a.out, ./a.out, d/../a.out and a link to a.out are one. */
int ct_cli_outfile_same(const char *a, const char *b);

/* The first of the n paths `inputs` that is the existing file the -o
** path `out` would replace ("-", standard input, is none), or NULL.  A
** command whose inputs are known before it writes refuses that, as grep
** does: the report would replace a document or gold file it read. */
const char *ct_cli_outfile_input(const char *out, const char *const *inputs,
                                 size_t n);

/* Frees what the signal cleanup kept of the run's temp files (a node per
** -o, kept while a handler on any thread might walk them).  Call it
** once, at the end, with no other thread left and every output
** committed or failed. */
void ct_cli_outfile_release(void);

#endif
