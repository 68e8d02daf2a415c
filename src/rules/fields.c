/*
** fields.c -- reading a declaration's table (see fields.h).
**
** Every check reports and goes on with the default rather than raising,
** which is what lets a declaration with several mistakes report them
** all, and the file run on to its next declaration.
*/
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <lauxlib.h>
#include "core/suggest.h"
#include "rules/fields.h"

void ct_site_init(ct_site *s, ct_diags *d, const char *decl,
                  const char *name) {
  memset(s, 0, sizeof *s);
  s->diags = d;
  s->decl = decl;
  s->name = name;
  if (name) snprintf(s->what, sizeof s->what, "%s '%s'", decl, name);
  else snprintf(s->what, sizeof s->what, "%s", decl);
}

/* Reports "WHAT: message" (prefix 0: message alone) at key (NULL: the
** declaration), at its value, or at element elem of its list (elem > 0;
** key NULL: of the declaration's own table). */
static void vreport(ct_site *s, int prefix, const char *key, size_t elem,
                    int value, const char *fmt, va_list ap) {
  char msg[900];
  ct_srcref at;
  s->bad = 1;
  if (s->diags == NULL) return;
  vsnprintf(msg, sizeof msg, fmt, ap);
  memset(&at, 0, sizeof at);
  at.file = s->file, at.line = s->line, at.decl = s->decl;
  at.name = prefix ? s->name : NULL;
  at.key = key, at.elem = elem, at.at_value = value;
  if (prefix)
    ct_diags_at(s->diags, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "%s: %s",
                s->what, msg);
  else
    ct_diags_at(s->diags, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "%s", msg);
}

void ct_site_err(ct_site *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(s, 1, NULL, 0, 0, fmt, ap);
  va_end(ap);
}

void ct_at_name_err(ct_site *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(s, 1, NULL, 0, 1, fmt, ap);
  va_end(ap);
}

void ct_name_err(ct_site *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(s, 0, NULL, 0, 1, fmt, ap);
  va_end(ap);
}

void ct_key_err(ct_site *s, const char *key, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(s, 1, key, 0, 0, fmt, ap);
  va_end(ap);
}

void ct_value_err(ct_site *s, const char *key, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(s, 1, key, 0, 1, fmt, ap);
  va_end(ap);
}

void ct_item_err(ct_site *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vreport(s, 1, s->key, s->elem, s->elem == 0, fmt, ap);
  va_end(ap);
}

/* "a string", "a table", "nil": what was given, for a message. */
const char *ct_given(lua_State *L, int idx) {
  switch (lua_type(L, idx)) {
    case LUA_TNIL: return "nil";
    case LUA_TBOOLEAN: return "a boolean";
    case LUA_TNUMBER: return "a number";
    case LUA_TSTRING: return "a string";
    case LUA_TTABLE: return "a table";
    case LUA_TFUNCTION: return "a function";
    default: return "a userdata";
  }
}

/* Every key of the table at `idx` must be one of `keys` (strings) or, with
** `allow_index1`, the integer 1. */
void ct_check_keys(lua_State *L, ct_site *s, int idx,
                   const char *const *keys, int allow_index1) {
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);                                  /* keep the key */
    if (lua_type(L, -1) == LUA_TSTRING) {
      const char *k = lua_tostring(L, -1);
      const char *const *p;
      char hint[160] = "";
      for (p = keys; *p && strcmp(*p, k) != 0; p++) {}
      if (*p != NULL) continue;
      ct_diags_suggest(hint, sizeof hint, k, keys, (size_t)-1);
      ct_key_err(s, k, "unknown key '%s'%s", k, hint);
    } else if (lua_isinteger(L, -1) && lua_tointeger(L, -1) >= 1) {
      lua_Integer i = lua_tointeger(L, -1);
      if (allow_index1 && i == 1) continue;
      s->key = NULL, s->elem = (size_t)i;
      ct_item_err(s, "unexpected value without a key (item %lld)", (long long)i);
    } else {
      ct_site_err(s, "unexpected key of type %s", luaL_typename(L, -1));
    }
  }
}

const char *ct_opt_string(lua_State *L, ct_site *s, int idx,
                          const char *key) {
  const char *v = NULL;
  int t = lua_getfield(L, idx, key);
  if (t == LUA_TSTRING) v = lua_tostring(L, -1);
  else if (t != LUA_TNIL)
    ct_value_err(s, key, "'%s' must be a string, not %s", key, ct_given(L, -1));
  lua_pop(L, 1);                 /* the string stays alive in the table */
  return v;
}

double ct_opt_number(lua_State *L, ct_site *s, int idx, const char *key,
                     double dflt) {
  double v = dflt;
  int t = lua_getfield(L, idx, key);
  if (t == LUA_TNUMBER) v = lua_tonumber(L, -1);
  else if (t != LUA_TNIL)
    ct_value_err(s, key, "'%s' must be a number, not %s", key, ct_given(L, -1));
  lua_pop(L, 1);
  return v;
}

/* Calls fn for every string of field `key`: a string or a list of them
** (s->key and s->elem say which, for item_err).  Other items are
** reported and skipped. */
size_t ct_each_string(lua_State *L, ct_site *s, int idx, const char *key,
                      ct_string_fn *fn, void *ud) {
  size_t n = 0;
  lua_Integer i, len;
  int t = lua_getfield(L, idx, key);
  s->key = key;
  s->elem = 0;
  if (t == LUA_TSTRING) {
    fn(L, s, lua_tostring(L, -1), ud);
    n = 1;
  } else if (t == LUA_TTABLE) {
    len = (lua_Integer)lua_rawlen(L, -1);
    for (i = 1; i <= len; i++) {
      s->elem = (size_t)i;
      if (lua_rawgeti(L, -1, i) != LUA_TSTRING)
        ct_item_err(s, "'%s' must be a list of strings; item %lld is %s", key,
                 (long long)i, ct_given(L, -1));
      else {
        fn(L, s, lua_tostring(L, -1), ud);
        n++;
      }
      lua_pop(L, 1);
    }
  } else if (t != LUA_TNIL) {
    ct_value_err(s, key, "'%s' must be a string or a list of strings, not %s",
              key, ct_given(L, -1));
  }
  lua_pop(L, 1);
  return n;
}

/* Field `key` as one of `names` (its index), `dflt` when absent or
** wrong. */
int ct_opt_choice(lua_State *L, ct_site *s, int idx, const char *key,
                  const char *const *names, int dflt) {
  const char *v = ct_opt_string(L, s, idx, key);
  char hint[160] = "", list[200] = "";
  size_t used = 0;
  int i;
  if (v == NULL) return dflt;
  for (i = 1; names[i]; i++)
    if (strcmp(v, names[i]) == 0) return i;
  for (i = 1; names[i] && used < sizeof list; i++)   /* "a, b or c" */
    used += (size_t)snprintf(list + used, sizeof list - used, "%s%s",
                             i == 1 ? "" : names[i + 1] ? ", " : " or ",
                             names[i]);
  ct_diags_suggest(hint, sizeof hint, v, names + 1, (size_t)-1);
  ct_value_err(s, key, "'%s' must be %s, not '%s'%s", key, list, v, hint);
  return dflt;
}

int ct_opt_flag(lua_State *L, ct_site *s, int idx, const char *key) {
  int t = lua_getfield(L, idx, key), v = lua_toboolean(L, -1);
  if (t != LUA_TNIL && t != LUA_TBOOLEAN) {
    ct_value_err(s, key, "'%s' must be true or false, not %s", key,
              ct_given(L, -1));
    v = 0;
  }
  lua_pop(L, 1);
  return v;
}
