/*
** buf.h -- a growable byte buffer, the one dynamic string of the library.
**
** A ct_buf starts zeroed ({0}).  Appends grow it geometrically and keep
** it NUL-terminated; they return CT_ENOMEM and leave the contents as they
** were when memory runs out, so callers can free and report.
*/
#ifndef CT_BUF_H
#define CT_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include "clausetag.h"

typedef struct ct_buf {
  char *s;       /* NUL-terminated once anything was appended */
  size_t len;    /* bytes used, not counting the NUL */
  size_t cap;    /* bytes allocated */
} ct_buf;

ct_status ct_buf_reserve(ct_buf *b, size_t extra);
ct_status ct_buf_add(ct_buf *b, const void *p, size_t n);
ct_status ct_buf_addc(ct_buf *b, char c);
ct_status ct_buf_adds(ct_buf *b, const char *s);
ct_status ct_buf_addu(ct_buf *b, size_t v);   /* in decimal, as %zu */
ct_status ct_buf_printf(ct_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void ct_buf_clear(ct_buf *b);           /* len = 0, memory kept */
void ct_buf_free(ct_buf *b);            /* back to {0} */
char *ct_buf_take(ct_buf *b);           /* the string (owned), buffer reset */

/* The end of a function that builds a string to hand out: b's string
** (ct_buf_take) when s, the status of building it, is CT_OK; else NULL,
** with b freed. */
char *ct_buf_take_if(ct_buf *b, ct_status s);

/* The separator before item i of n in a list for a message, "a, b and
** c": "", ", " or " and ". */
const char *ct_series_sep(size_t i, size_t n);

#endif
