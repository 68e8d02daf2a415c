/*
** version.c -- the library's version at run time.
**
** A program built against one header may run with another shared
** library; ct_version() says which one it got (CT_VERSION is the
** header's).
*/
#include "clausetag.h"

const char *ct_version(void) { return CT_VERSION; }
