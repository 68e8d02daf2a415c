/*
** free.c -- the typed frees of clausetag.h for memory handed out as
** plain malloc'ed blocks (clause arrays, strings), so a program never
** has to know which allocator the library uses.
*/
#include <stdlib.h>
#include "clausetag.h"

void ct_clauses_free(ct_clause *c) { free(c); }

void ct_string_free(char *s) { free(s); }
