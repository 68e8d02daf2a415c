/*
** helpers.h -- small shared helpers for the cmocka suites.
** Tests run from the repository root (make check does so).
*/
#ifndef CT_TEST_HELPERS_H
#define CT_TEST_HELPERS_H

#include <stddef.h>

/* Whole file as a malloc'ed NUL-terminated string, length in *n (may be
** NULL); aborts the test program if the file cannot be read. */
char *th_read_file(const char *path, size_t *n);

#endif
