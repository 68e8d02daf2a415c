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

/* The library's short name for the public ct_error_set (clausetag.h):
** one function, so the library's messages and a caller's are filled
** alike. */
#define ct_fail ct_error_set

#endif
