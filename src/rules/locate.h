/*
** locate.h -- where in a rule file's source a key, a value or a token is.
**
** Lua keeps the line of a call but not of the fields of a table
** constructor, so `rule "x" { ..., wieght = 2 }` is known only as "the
** rule declared on line 3".  To point at line 5 where `wieght` is, the
** source text is read again and scanned by a small Lua tokenizer (names,
** strings and long strings, comments and long comments, numbers,
** symbols) from the declaration's line: its keyword, its table, then the
** key (`wieght = ...` or `["wieght"] = ...`) among the table's own
** fields (not inside nested tables or function bodies), then the value,
** or one element of a list value.  Nothing is evaluated: a declaration
** whose table is built by code (`rule "x" (make())`) is found only as
** far as its keyword, and the answer is then the keyword's place.
**
** Positions are 1-based; columns count code points, as everywhere in
** clausetag.  A UTF-8 BOM and a first line starting with '#' are
** skipped, as the loader skips them.
*/
#ifndef CT_LOCATE_H
#define CT_LOCATE_H

#include <stddef.h>
#include "core/buf.h"

typedef struct ct_srcpos {
  int line, col;
} ct_srcpos;

/* What to look for. */
typedef struct ct_locate_query {
  int line;               /* the line Lua gives for the declaration */
  const char *decl;       /* its keyword: "rule", "label", "example", ... */
  const char *name;       /* its name (first argument), or NULL */
  const char *keys[2];    /* a key of its table, then a key of that key's
                          ** table (weights { rules = { ["a"] = 1 } }) */
  size_t nkeys;
  size_t elem;            /* > 0: the elem-th element of the list that is
                          ** the last key's value (nkeys 0: of the
                          ** declaration's own table) */
  int at_value;           /* the key's value rather than the key; without
                          ** a key, the declaration's name */
  int value_line;         /* > 0, with at_value and a key: that line of
                          ** the value when it is a long string (1: its
                          ** first, after the line break Lua drops) */
} ct_locate_query;

/* The place q names in src[0..len): as deep as it could be found (the
** element, the value, the key, the keyword), else the first token of
** q->line, else column 1 of it.  Returns how far it got: 0 nothing, 1
** the keyword, 2 the key, 3 the value or element. */
int ct_locate(const char *src, size_t len, const ct_locate_query *q,
              ct_srcpos *pos);

/* The place of token `tok` (its text as written: a name, a symbol, a
** string with its quotes) on `line`, outside comments; "<eof>" is the
** end of the source.  0 and the first token of the line (else column 1)
** when it is not there, 1 when found.  With after_prev, also the place
** right after the token before it (line 0: none), where a missing ','
** belongs. */
int ct_locate_token(const char *src, size_t len, int line, const char *tok,
                    ct_srcpos *pos, ct_srcpos *after_prev);

/* The place of name `tok` on `line` when it is written there once (a
** token, not in a string or comment): 1 and *pos; 0 when it is not there
** or is there twice, where a column would be a guess. */
int ct_locate_name_once(const char *src, size_t len, int line,
                        const char *tok, ct_srcpos *pos);

/* A rule file's source, read again when a message needs a place in it
** and kept for the next message about the same file.  Zeroed to start. */
typedef struct ct_srcfile {
  char *path;             /* the file whose source is in text */
  ct_buf text;
  int ok;
} ct_srcfile;

/* The source of path (NULL when it cannot be read, or is larger than
** CT_SRCFILE_MAX: the file changed since it was loaded), its length in
** *len. */
#define CT_SRCFILE_MAX ((size_t)64 << 20)
const char *ct_srcfile_get(ct_srcfile *f, const char *path, size_t *len);
void ct_srcfile_free(ct_srcfile *f);

#endif
