/*
** diag.h -- collecting the errors and warnings of rule files.
**
** The loader reports each problem where it finds it, naming the place in
** terms it knows (the declaration on line 3 of FILE, its key `wieght`,
** the second element of its `words`); this module turns that into a
** line and column (locate.c, reading the file's source again, once per
** file, and only when there is something to report) and keeps it; at
** the end they go to the caller's callback sorted as a compiler prints
** them, by file and place, and the first of them to the ct_error of
** ct_ruleset_load.  Errors past the cap are dropped.
**
** Messages say what was expected and what was given, and name the known
** word nearest to a misspelt one (suggest.h): ct_diags_suggest appends
** " (did you mean 'weight'?)" when there is one.
*/
#ifndef CT_DIAG_H
#define CT_DIAG_H

#include <stddef.h>
#include "clausetag.h"
#include "rules/locate.h"

/* Warnings past this many are dropped (one note says so): each costs a
** scan of its file to place it, and a hostile file could make many. */
#define CT_MAX_WARNINGS 100

/* Where a problem is, in the loader's terms. */
typedef struct ct_srcref {
  const char *file;       /* NULL: the whole rule set */
  int line;               /* of the declaration (Lua's line of the call);
                          ** 0: the file as a whole */
  const char *decl;       /* its keyword ("rule"), NULL: the line itself */
  const char *name;       /* its name, or NULL */
  const char *key;        /* a key of its table, or NULL */
  const char *subkey;     /* a key of that key's table, or NULL */
  size_t elem;            /* > 0: that element of the (sub)key's list */
  int at_value;           /* the value rather than the key; without a
                          ** key, the declaration's name */
  int value_line;         /* > 0, with at_value: that line of a value
                          ** that is a long string (1: its first) */
} ct_srcref;

/* One problem, kept until ct_diags_flush. */
typedef struct ct_diag_entry {
  ct_severity severity;
  ct_status status;
  char *file;             /* NULL: about no one file */
  int line, col;
  char *message;
  size_t seq;             /* in the order found */
} ct_diag_entry;

typedef struct ct_diags {
  ct_diagnostic_fn *fn;
  void *ud;
  size_t max_errors;
  size_t errors, warnings;
  int stopped;            /* at the cap, or after a kill: load no more */
  int capped;             /* the cap was reached */
  int wcapped;            /* the warnings' cap was reached */
  ct_diag_entry *v;       /* what was found, in that order */
  size_t n, cap;
  int lost;               /* an entry could not be kept (memory) */
  ct_srcfile src;         /* the last file a place was looked for in */
} ct_diags;

void ct_diags_init(ct_diags *d, ct_diagnostic_fn *fn, void *ud,
                   size_t max_errors);
void ct_diags_free(ct_diags *d);

/* Reports a problem at ref, with a printf-style message.  Errors past
** the cap are not reported (the first past it reports the cap and sets
** `stopped`). */
void ct_diags_at(ct_diags *d, ct_severity sev, ct_status st,
                 const ct_srcref *ref, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* The same at a known place (line, col 0 when unknown). */
void ct_diags_add(ct_diags *d, ct_severity sev, ct_status st,
                  const char *file, int line, int col, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 7, 8)))
#endif
    ;

/* A failure of file `path` as Lua or the sandbox phrased it ("PATH:12:
** unexpected symbol near 'x'", "PATH: No such file ..."): placed at its
** line, at the token it names on that line (near 'x', global 'x', field
** 'x', ...).  A call of an undefined global near one of `decls` (the
** declaration names) reads "unknown declaration 'rulle' (did you mean
** 'rule'?)"; other undefined globals get the nearest of the sandbox's
** globals. */
void ct_diags_lua(ct_diags *d, ct_status st, const char *path,
                  const char *msg, const char *const *decls);

/* Appends " (did you mean 'X'?)" to buf (of size n) when one of
** cands[0..ncands) is near word; the list may also be NULL-ended with
** ncands (size_t)-1. */
void ct_diags_suggest(char *buf, size_t n, const char *word,
                      const char *const *cands, size_t ncands);

/* Appends " (did you mean 'string'?)" to a Lua message (buf, of size n)
** about an undefined global ("attempt to index a nil value (global
** 'striing')") near one of the sandbox's globals.  For errors of rule
** code at load time and while it runs. */
void ct_diags_hint_global(char *buf, size_t n);

/* Adds the column to a message of rule code that failed while it ran
** ("f.lua:3: clause has no field 'nope'" -> "f.lua:3:26: ..."): Lua
** gives the line alone.  The column is that of the name the message
** names (a global, local, field, method, upvalue, or the function a bad
** argument went to), when the line, read again from src's file (one of
** files[0..nfiles)), writes that name once; else buf is left as it is. */
void ct_diags_runtime_column(char *buf, size_t n, char *const *files,
                             size_t nfiles, ct_srcfile *src);

/* Hands everything found to the callback in the order of the source:
** by file (files[0..nfiles) first, in that order, then the others as
** found), line and column, problems of no one file after them and the
** note that the cap was reached last.  The first of them that is an
** error goes to err, and its status is the result (CT_OK when there was
** no error).  Empties the collector. */
ct_status ct_diags_flush(ct_diags *d, char *const *files, size_t nfiles,
                         ct_error *err);

#endif
