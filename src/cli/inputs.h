/*
** inputs.h -- from the operands of a command to the files it reads.
**
** FILE is read as it is (even without .txt: the user named it), "-" is
** standard input, and DIR stands for the files anywhere below it whose
** names match an --include glob (default *.txt, *.md, *.html, *.htm and
** *.pdf) and no
** --exclude glob.  Names starting with a dot are skipped, as a shell
** glob skips them, and symbolic links to directories are not followed
** (no cycles).  Inside a directory only regular files are read, a link
** being taken for what it points to: a FIFO, a socket or a device, or a
** link to one, is skipped (a FIFO would block the run), and a link that
** leads nowhere (dangling, looping) is reported.  The files of one DIR are sorted by the bytes of their
** whole paths, so output order never depends on the file system.
*/
#ifndef CT_CLI_INPUTS_H
#define CT_CLI_INPUTS_H

#include <stddef.h>

/* Which names inside directories are inputs (fnmatch globs). */
typedef struct ct_cli_filter {
  const char *const *include;   /* none: *.txt and *.md */
  size_t ninclude;
  const char *const *exclude;   /* wins over include */
  size_t nexclude;
} ct_cli_filter;

/* One input: a path to read, or a directory that could not be listed
** or a link in one whose target cannot be reached (errnum != 0),
** reported in its place in the order.  What the listing
** learnt of a file (when it had to stat it: a link, or a file system
** that does not give d_type) travels with it: the reader decides how
** to read it (whole, ahead, in pieces) from that, or stats it itself,
** and the read still checks the open file. */
typedef struct ct_cli_source {
  char *path;
  int errnum;
  int regular;                /* a regular file when listed (a link
                              ** followed), of `size` bytes then: the
                              ** reader need not stat it again */
  unsigned long long size;
} ct_cli_source;

typedef struct ct_cli_input_list {
  ct_cli_source *v;
  size_t n, cap;
} ct_cli_input_list;

/* Expands the operands in order (none: standard input) into *out.
** 0, or ENOMEM (out still to be freed). */
int ct_cli_inputs_expand(const char *const *ops, size_t nops,
                         const ct_cli_filter *f, ct_cli_input_list *out);

void ct_cli_inputs_free(ct_cli_input_list *l);

#endif
