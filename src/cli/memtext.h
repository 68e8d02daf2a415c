/*
** memtext.h -- text the command line gathers in memory before it prints
** it: a worker's messages for a document, a report built before its
** size is known.
**
** Built on POSIX open_memstream (the build defines _POSIX_C_SOURCE
** 200809L) rather than a buffer of our own: the stream grows itself and
** printf formats straight into it.  The library's growable buffer is
** internal to it; the command line keeps to the public header.
*/
#ifndef CT_CLI_MEMTEXT_H
#define CT_CLI_MEMTEXT_H

#include <stddef.h>
#include <stdio.h>

/* Starts zeroed ({0}); s is NULL until something is appended, then the
** whole text, NUL-terminated, len bytes without the NUL. */
typedef struct ct_cli_memtext {
  char *s;
  size_t len;
  FILE *f;          /* the stream that writes s, opened by the first
                    ** append */
} ct_cli_memtext;

/* Appends printf-style text; 0, or -1 when memory runs out (s then
** holds what it held before, or less of the new text). */
int ct_cli_memtext_printf(ct_cli_memtext *l, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* The stream that appends to l (opened on first use), for functions that
** write to a FILE *; NULL when memory runs out.  s and len are up to
** date after a flush. */
FILE *ct_cli_memtext_file(ct_cli_memtext *l);

/* The text, now the caller's (free it), l back to {0}; NULL when memory
** ran out on the way (or nothing was ever written). */
char *ct_cli_memtext_take(ct_cli_memtext *l);

/* Frees the text; l is back to {0}. */
void ct_cli_memtext_free(ct_cli_memtext *l);

/* "a, b and c": the separator before item i of n in a list written for
** a person: "", ", " or " and ". */
const char *ct_cli_series_sep(size_t i, size_t n);

#endif
