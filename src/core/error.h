/*
** error.h -- filling a ct_error.
**
** Library functions report failure by returning a ct_status and, when
** the caller passed a ct_error, a message in it.  ct_fail does both in
** one statement: `return ct_fail(err, CT_EIO, "%s: %s", path, why);`.
*/
#ifndef CT_ERROR_H
#define CT_ERROR_H

#include "clausetag.h"

ct_status ct_fail(ct_error *err, ct_status s, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
