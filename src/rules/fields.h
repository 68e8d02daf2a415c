/*
** fields.h -- reading the table of a declaration, strictly, and saying
** precisely what is wrong with it.
**
** `rule "id" { ... }` and the other declarations get a Lua table; these
** helpers read its fields by type (a string, a number, a flag, one of a
** few words, a string or a list of strings) and check that it has no key
** but the known ones.  A mistake is reported to the diagnostics at the
** key, the value or the list element it is about ("rule 'a': 'weight'
** must be a number, not a string", "unknown key 'wieght' (did you mean
** 'weight'?)") and the reader goes on with the default, so one
** declaration reports every mistake in it.  Nothing here raises, except
** Lua itself when memory runs out.
*/
#ifndef CT_FIELDS_H
#define CT_FIELDS_H

#include <stddef.h>
#include <lua.h>
#include "rules/diag.h"

#if defined(__GNUC__)
#define CT_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define CT_PRINTF(f, a)
#endif

/* A declaration being read: where it is and what it is called. */
typedef struct ct_site {
  ct_diags *diags;      /* NULL: mistakes are only noted in `bad` */
  char file[512];
  int line;             /* Lua's line of the declaration's call */
  const char *decl;     /* "rule", "label", ... */
  const char *name;     /* its name, or NULL */
  char what[160];       /* "rule 'climate.core'", for messages */
  const char *key;      /* ct_each_string: the list being read ... */
  size_t elem;          /* ... and its element (0: a lone string) */
  int bad;              /* a mistake was reported */
} ct_site;

void ct_site_init(ct_site *s, ct_diags *d, const char *decl,
                  const char *name);

/* "WHAT: message" at the declaration, at its name, at key, at key's
** value, at the element ct_each_string is reading (s->key, s->elem; key
** NULL: an element of the declaration's own table); ct_name_err at the
** name without the "WHAT: ", for a declaration whose name is the
** mistake. */
void ct_site_err(ct_site *s, const char *fmt, ...) CT_PRINTF(2, 3);
void ct_at_name_err(ct_site *s, const char *fmt, ...) CT_PRINTF(2, 3);
void ct_key_err(ct_site *s, const char *key, const char *fmt, ...)
    CT_PRINTF(3, 4);
void ct_value_err(ct_site *s, const char *key, const char *fmt, ...)
    CT_PRINTF(3, 4);
void ct_item_err(ct_site *s, const char *fmt, ...) CT_PRINTF(2, 3);
void ct_name_err(ct_site *s, const char *fmt, ...) CT_PRINTF(2, 3);

/* "a string", "a table", "nil": what the value at idx is. */
const char *ct_given(lua_State *L, int idx);

/* Every key of the table at idx must be one of `keys` (NULL-ended), or
** with allow_index1 the integer 1. */
void ct_check_keys(lua_State *L, ct_site *s, int idx,
                   const char *const *keys, int allow_index1);

/* Field `key` of the table at idx: NULL / dflt when absent or not of the
** type (reported). */
const char *ct_opt_string(lua_State *L, ct_site *s, int idx,
                          const char *key);
double ct_opt_number(lua_State *L, ct_site *s, int idx, const char *key,
                     double dflt);
int ct_opt_flag(lua_State *L, ct_site *s, int idx, const char *key);

/* Field `key` as one of names[1..] (its index; names[0] is the absent
** value, names is NULL-ended), dflt when absent or wrong. */
int ct_opt_choice(lua_State *L, ct_site *s, int idx, const char *key,
                  const char *const *names, int dflt);

/* Calls fn for every string of field `key`, a string or a list of them,
** with s->key and s->elem saying which (for ct_item_err); other items
** are reported and skipped.  The number of strings. */
typedef void ct_string_fn(lua_State *L, ct_site *s, const char *str,
                          void *ud);
size_t ct_each_string(lua_State *L, ct_site *s, int idx, const char *key,
                      ct_string_fn *fn, void *ud);

#endif
