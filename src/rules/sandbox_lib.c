/*
** sandbox_lib.c -- what rule code sees of Lua's standard library: the
** allowed libraries, read-only and shared by every rule file; stubs that
** name what is not available; pcall and xpcall that cannot catch a kill;
** plain-text string.find; pairs, next, tostring and string.format that
** never show an address or a hash order; and the library functions that
** loop in C, charged to the budget before they run.
*/
#include <limits.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>
#include "rules/sandbox_int.h"

/* Registry keys: the addresses are unique, the values unused. */
static const char GLOBALS_KEY = 'G';   /* the shared read-only globals */
static const char ENVMT_KEY = 'E';     /* metatable of every environment */

/* Globals a rule file must not have; naming one raises a clear error. */
static const char *const removed_globals[] = {
  "io", "os", "debug", "package", "require", "load", "loadstring",
  "dofile", "loadfile", "collectgarbage", "coroutine", "setmetatable",
  "print", NULL
};

/* The safe part of the base library, kept as it is. */
static const char *const base_kept[] = {
  "assert", "error", "getmetatable", "ipairs",
  "rawequal", "rawget", "rawlen", "select", "type", "warn",
  "_VERSION", NULL
};

/*
** {======================================================
** Replacements for library functions
** =======================================================
*/

/* Stands for a function rule files may not use (upvalue: its name). */
static int blocked(lua_State *L) {
  return luaL_error(L, PREFIX "'%s' is not available in rule files",
                    lua_tostring(L, lua_upvalueindex(1)));
}

/* __index of the shared globals: a name that was taken away raises. */
static int missing_global(lua_State *L) {
  const char *const *r;
  if (lua_type(L, 2) == LUA_TSTRING) {
    const char *k = lua_tostring(L, 2);
    for (r = removed_globals; *r != NULL; r++)
      if (strcmp(k, *r) == 0)
        return luaL_error(L, PREFIX "'%s' is not available in rule files%s",
                          k, strcmp(k, "print") == 0 ? " (ct.log prints "
                          "with --debug)" : "");
  }
  lua_pushnil(L);
  return 1;
}

/* __newindex of read-only tables (upvalue: the table's name). */
static int readonly_newindex(lua_State *L) {
  return luaL_error(L, PREFIX "'%s' is read-only",
                    lua_tostring(L, lua_upvalueindex(1)));
}

/* rawset, except on read-only tables: it would write through them. */
static int sb_rawset(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  luaL_checkany(L, 2);
  luaL_checkany(L, 3);
  lua_settop(L, 3);
  if (lua_getmetatable(L, 1)) {                          /* t, k, v, mt */
    if (lua_getfield(L, -1, "__newindex") == LUA_TFUNCTION &&
        lua_tocfunction(L, -1) == readonly_newindex) {   /* t, k, v, mt, f */
      lua_insert(L, 1);                                  /* f, t, k, v, mt */
      lua_pop(L, 1);
      lua_call(L, 3, 0);                                 /* raises */
    }
    lua_settop(L, 3);
  }
  lua_rawset(L, 1);
  lua_settop(L, 1);
  return 1;
}

/*
** pcall and xpcall that cannot catch a kill.  The sticky hook alone
** would stop a rule at its next instruction; re-raising here also covers
** LUA_ERRMEM, which no hook sees.  They also restore the depth of host
** sections: an error raised between ct_sandbox_host_begin and _end skips
** the end, and rule code must not run on as host code, unpoliced.
*/
static int finishpcall(lua_State *L, int status, int extra, int host) {
  ct_sandbox *sb = ct_sandbox_of(L);
  sb->host = host;
  if (status == LUA_ERRMEM && sb->killed == KILL_NONE && sb->host == 0)
    ct_sb_kill_memory(L, sb);
  if (sb->killed != KILL_NONE && sb->host == 0)
    return lua_error(L);                       /* re-raise the kill */
  if (status != LUA_OK) {
    lua_pushboolean(L, 0);
    lua_pushvalue(L, -2);                      /* the error object */
    return 2;                                  /* false, message */
  }
  return lua_gettop(L) - extra;                /* true, results */
}

static int sb_pcall(lua_State *L) {
  int status, host = ct_sandbox_of(L)->host;
  luaL_checkany(L, 1);
  lua_pushboolean(L, 1);                       /* first result if no errors */
  lua_insert(L, 1);
  status = lua_pcall(L, lua_gettop(L) - 2, LUA_MULTRET, 0);
  return finishpcall(L, status, 0, host);
}

/* The message handler of xpcall: the user's handler, unless the call
** was killed (upvalue: the user's handler). */
static int xpcall_handler(lua_State *L) {
  if (ct_sandbox_of(L)->killed != KILL_NONE) return 1;
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

static int sb_xpcall(lua_State *L) {
  int status, host = ct_sandbox_of(L)->host;
  int n = lua_gettop(L);
  luaL_checktype(L, 2, LUA_TFUNCTION);
  lua_pushvalue(L, 2);
  lua_pushcclosure(L, xpcall_handler, 1);      /* f, h, ..., handler */
  lua_replace(L, 2);                           /* f, handler, ... */
  lua_pushboolean(L, 1);                       /* first result */
  lua_pushvalue(L, 1);                         /* function */
  lua_rotate(L, 3, 2);                         /* f, handler, true, f, ... */
  status = lua_pcall(L, n - 2, LUA_MULTRET, 2);
  return finishpcall(L, status, 2, host);
}

/*
** string.find for plain text only: the pattern is never a Lua pattern,
** so no backtracking runs in C.  The naive search costs up to
** len(s) * len(text) byte comparisons, and each candidate is charged.
*/
static const char *plainsearch(lua_State *L, const char *s, size_t ls,
                               const char *p, size_t lp) {
  const char *end;
  if (lp == 0) return s;
  if (lp > ls) return NULL;
  ct_sandbox_charge(L, (unsigned long)(ls / CHARGE_BYTES));
  end = s + (ls - lp) + 1;                     /* past the last start */
  while (s < end && (s = memchr(s, p[0], (size_t)(end - s))) != NULL) {
    ct_sandbox_charge(L, 1 + (unsigned long)(lp / CHARGE_BYTES));
    if (memcmp(s + 1, p + 1, lp - 1) == 0) return s;
    s++;
  }
  return NULL;
}

static int plain_find(lua_State *L) {
  size_t ls, lp, init;
  const char *s = luaL_checklstring(L, 1, &ls);
  const char *p = luaL_checklstring(L, 2, &lp);
  lua_Integer pos = luaL_optinteger(L, 3, 1);
  const char *hit;
  if (pos > 0) init = (size_t)pos - 1;         /* as lstrlib's posrelatI */
  else if (pos == 0 || pos < -(lua_Integer)ls) init = 0;
  else init = ls + (size_t)pos;
  if (init > ls || (hit = plainsearch(L, s + init, ls - init, p, lp)) == NULL) {
    luaL_pushfail(L);
    return 1;
  }
  lua_pushinteger(L, (lua_Integer)(hit - s) + 1);
  lua_pushinteger(L, (lua_Integer)(hit - s) + (lua_Integer)lp);
  return 2;
}

/*
** pairs in a fixed order.  Lua seeds its string hash from the clock and
** from addresses, so the order of 'next' changes from run to run; rules
** must not make the output depend on it.  Keys come sorted: numbers
** ascending, strings bytewise, false before true, then any other keys
** (tables, functions: addresses, which vary anyway) in no set order.  'next' is left as Lua has it (its order is
** unspecified, `next(t) == nil` is still a fine emptiness test).
*/
static int keyrank(lua_State *L, int i) {
  switch (lua_type(L, i)) {
    case LUA_TNUMBER: return 0;
    case LUA_TSTRING: return 1;
    case LUA_TBOOLEAN: return 2;
    default: return 3;
  }
}

static int keyless(lua_State *L, int a, int b) {
  int ra = keyrank(L, a), rb = keyrank(L, b);
  size_t la, lb;
  const char *pa, *pb;
  int c;
  if (ra != rb) return ra < rb;
  switch (ra) {
    case 0: return lua_compare(L, a, b, LUA_OPLT);   /* numbers: no metamethods */
    case 1:
      pa = lua_tolstring(L, a, &la);
      pb = lua_tolstring(L, b, &lb);
      c = memcmp(pa, pb, la < lb ? la : lb);
      return c < 0 || (c == 0 && la < lb);
    case 2: return !lua_toboolean(L, a) && lua_toboolean(L, b);
    default: return 0;
  }
}

static int keyat_less(lua_State *L, int keys, lua_Integer i, lua_Integer j) {
  int r;
  lua_rawgeti(L, keys, i);
  lua_rawgeti(L, keys, j);
  r = keyless(L, -2, -1);
  lua_pop(L, 2);
  return r;
}

static void keyswap(lua_State *L, int keys, lua_Integer i, lua_Integer j) {
  lua_rawgeti(L, keys, i);
  lua_rawgeti(L, keys, j);
  lua_rawseti(L, keys, i);
  lua_rawseti(L, keys, j);
}

static void siftdown(lua_State *L, int keys, lua_Integer root, lua_Integer n) {
  for (;;) {
    lua_Integer child = 2 * root;
    if (child > n) return;
    if (child < n && keyat_less(L, keys, child, child + 1)) child++;
    if (!keyat_less(L, keys, root, child)) return;
    keyswap(L, keys, root, child);
    root = child;
  }
}

/* Heap sort of keys[1..n]: in place, and n log n whatever the input. */
static void sortkeys(lua_State *L, int keys, lua_Integer n) {
  lua_Integer i;
  for (i = n / 2; i >= 1; i--) siftdown(L, keys, i, n);
  for (i = n; i > 1; i--) {
    keyswap(L, keys, 1, i);
    siftdown(L, keys, 1, i - 1);
  }
}

static unsigned long nlogn(unsigned long n) {
  unsigned long lg;
  for (lg = 1; lg < CHAR_BIT * sizeof n && (n >> lg) != 0; lg++) {}
  return n > ULONG_MAX / lg ? ULONG_MAX : n * lg;
}

/* upvalues: the table, its sorted keys, the position reached */
static int pairs_next(lua_State *L) {
  lua_Integer i = lua_tointeger(L, lua_upvalueindex(3));
  for (;;) {
    if (lua_rawgeti(L, lua_upvalueindex(2), ++i) == LUA_TNIL)
      return 1;                                /* nil: the end */
    lua_pushvalue(L, -1);
    if (lua_rawget(L, lua_upvalueindex(1)) != LUA_TNIL) break;   /* key, value */
    lua_pop(L, 2);                             /* cleared since: skip it */
  }
  lua_pushinteger(L, i);
  lua_replace(L, lua_upvalueindex(3));
  return 2;
}

static int sb_pairs(lua_State *L) {
  lua_Integer n = 0;
  luaL_checkany(L, 1);
  if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {   /* host objects */
    lua_pushvalue(L, 1);
    lua_call(L, 1, 3);
    return 3;
  }
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 1);
  lua_newtable(L);                             /* t, keys */
  lua_pushnil(L);
  while (lua_next(L, 1)) {                     /* t, keys, key, value */
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, 2, ++n);
  }
  ct_sandbox_charge(L, nlogn((unsigned long)n));
  sortkeys(L, 2, n);
  lua_pushinteger(L, 0);
  lua_pushcclosure(L, pairs_next, 3);          /* iterator */
  lua_pushnil(L);
  lua_pushnil(L);
  return 3;
}

/*
** string.format without %p: a pointer differs from run to run, and output
** must not.  Charged like the other string functions.  Upvalue: the
** original.
*/
static int sb_format(lua_State *L) {
  size_t n, i, bytes = 0;
  const char *f = luaL_checklstring(L, 1, &n);
  int a, top = lua_gettop(L);
  for (a = 1; a <= top; a++)          /* the format and the strings: copied */
    if (lua_type(L, a) == LUA_TSTRING) bytes += lua_rawlen(L, a);
  ct_sandbox_charge(L, (unsigned long)(bytes / CHARGE_BYTES) + 1);
  for (i = 0; i < n; i++) {
    if (f[i] != '%') continue;
    i++;
    while (i < n && strchr("-+ #0123456789.", f[i]) != NULL) i++;
    if (i < n && f[i] == 'p')
      return luaL_error(L, PREFIX "string.format's '%%p' is not available in "
                        "rule files (an address differs from run to run)");
  }
  return ((lua_CFunction)lua_tocfunction(L, lua_upvalueindex(1)))(L);
}

/*
** tostring without addresses: a table, function, userdata or thread
** without __tostring or __name prints as its type name only ("table"),
** so that output never depends on where the allocator put it.  Upvalue:
** the original.
*/
static int sb_tostring(lua_State *L) {
  int t;
  luaL_checkany(L, 1);
  t = lua_type(L, 1);
  if ((t == LUA_TTABLE || t == LUA_TFUNCTION || t == LUA_TUSERDATA ||
       t == LUA_TTHREAD || t == LUA_TLIGHTUSERDATA) &&
      luaL_getmetafield(L, 1, "__tostring") == LUA_TNIL &&
      luaL_getmetafield(L, 1, "__name") == LUA_TNIL) {
    lua_pushstring(L, lua_typename(L, t));
    return 1;
  }
  lua_settop(L, 1);
  return ((lua_CFunction)lua_tocfunction(L, lua_upvalueindex(1)))(L);
}

/*
** next in the order of pairs: Lua's own order follows string hashes that
** are seeded from the clock, so a rule that stopped at the first key of
** next(t) would decide differently from run to run.  Each call sorts the
** keys (charged n log n): walking a table with next costs n^2 log n,
** where pairs costs n log n once.
*/
static int sb_next(lua_State *L) {
  lua_Integer n = 0, lo, hi;
  luaL_checktype(L, 1, LUA_TTABLE);
  lua_settop(L, 2);
  lua_newtable(L);                             /* t, k, keys */
  lua_pushnil(L);
  while (lua_next(L, 1)) {
    lua_pop(L, 1);
    lua_pushvalue(L, -1);
    lua_rawseti(L, 3, ++n);
  }
  ct_sandbox_charge(L, nlogn((unsigned long)n) + 1);
  sortkeys(L, 3, n);
  lo = 1;                                      /* the key after k */
  if (!lua_isnil(L, 2)) {
    for (hi = n + 1; lo < hi;) {               /* first key not less than k */
      lua_Integer mid = lo + (hi - lo) / 2;
      lua_rawgeti(L, 3, mid);
      if (keyless(L, -1, 2)) lo = mid + 1;
      else hi = mid;
      lua_pop(L, 1);
    }
    while (lo <= n) {                          /* k itself (ties: rank 3) */
      int same;
      lua_rawgeti(L, 3, lo++);
      same = lua_rawequal(L, -1, 2);
      lua_pop(L, 1);
      if (same) break;
      if (lo > n) return luaL_error(L, "invalid key to 'next'");
    }
    if (lo > n + 1) return luaL_error(L, "invalid key to 'next'");
  }
  if (lo > n) {
    lua_pushnil(L);
    return 1;
  }
  lua_rawgeti(L, 3, lo);                       /* key */
  lua_pushvalue(L, -1);
  lua_rawget(L, 1);                            /* key, value */
  return 2;
}

/*
** Library functions that loop in C over their arguments, charged before
** they run (the count hook does not see C).  The estimates read the
** arguments without raising; bad arguments cost nothing and the original
** function reports them.
*/
enum cost {
  COST_MOVE,     /* table.move(a, f, e, t): e - f + 1 elements */
  COST_INSERT,   /* table.insert(t, pos, v): elements shifted */
  COST_REMOVE,   /* table.remove(t, pos): elements shifted */
  COST_SORT,     /* table.sort(t): n log n */
  COST_CONCAT,   /* table.concat(t, sep, i, j): j - i + 1 */
  COST_UNPACK,   /* table.unpack(t, i, j): j - i + 1 */
  COST_SLICE,    /* string.byte/utf8.codepoint(s, i, j): bytes in range */
  COST_SCAN,     /* utf8.len/offset, tonumber: the string's length */
  COST_REP       /* string.rep(s, n, sep): n copies, even of "" */
};

static lua_Integer intarg(lua_State *L, int i, lua_Integer dflt) {
  int ok;
  lua_Integer v;
  if (lua_isnoneornil(L, i)) return dflt;
  v = lua_tointegerx(L, i, &ok);
  return ok ? v : dflt;
}

static lua_Integer len1(lua_State *L) {
  int t = lua_type(L, 1);
  return (t == LUA_TTABLE || t == LUA_TSTRING) ? (lua_Integer)lua_rawlen(L, 1) : 0;
}

/* Elements in [i, j]; saturates instead of overflowing. */
static unsigned long span(lua_Integer i, lua_Integer j) {
  lua_Unsigned n;
  if (j < i) return 0;
  n = (lua_Unsigned)j - (lua_Unsigned)i;
  return n >= ULONG_MAX ? ULONG_MAX : (unsigned long)n + 1;
}

static unsigned long slice(lua_State *L) {
  lua_Integer n = len1(L);
  lua_Integer i = intarg(L, 2, 1);
  lua_Integer j = intarg(L, 3, i);
  if (i < 0) i = i < -n ? 1 : n + i + 1;
  if (j < 0) j = j < -n ? 0 : n + j + 1;
  if (i < 1) i = 1;
  if (j > n) j = n;
  return span(i, j);
}

/* n copies of s and n - 1 of sep: every iteration costs, as Lua loops n
** times even when both are empty ("":rep(2^62) never ends otherwise). */
static unsigned long repcost(lua_State *L) {
  lua_Integer n = intarg(L, 2, 0);
  size_t ls = lua_type(L, 1) == LUA_TSTRING ? lua_rawlen(L, 1) : 0;
  size_t lsep = lua_type(L, 3) == LUA_TSTRING ? lua_rawlen(L, 3) : 0;
  lua_Unsigned un, bytes;
  if (n <= 0) return 1;
  un = (lua_Unsigned)n;
  bytes = (lua_Unsigned)ls + lsep;
  if (bytes != 0 && un > (lua_Unsigned)-1 / bytes) return ULONG_MAX;
  bytes *= un;
  un = un / CHARGE_BYTES + bytes / CHARGE_BYTES;
  return un >= ULONG_MAX ? ULONG_MAX : (unsigned long)un + 1;
}

static unsigned long cost(lua_State *L, int kind) {
  switch (kind) {
    case COST_MOVE: return span(intarg(L, 2, 1), intarg(L, 3, 0));
    case COST_INSERT: return lua_gettop(L) >= 3 ? span(intarg(L, 2, 1), len1(L)) : 1;
    case COST_REMOVE: return lua_gettop(L) >= 2 ? span(intarg(L, 2, 1), len1(L)) : 1;
    case COST_SORT: return nlogn((unsigned long)len1(L));
    case COST_CONCAT: return span(intarg(L, 3, 1), intarg(L, 4, len1(L)));
    case COST_UNPACK: return span(intarg(L, 2, 1), intarg(L, 3, len1(L)));
    case COST_SLICE: return slice(L);
    case COST_REP: return repcost(L);
    default:
      return lua_type(L, 1) == LUA_TSTRING
                 ? (unsigned long)(lua_rawlen(L, 1) / CHARGE_BYTES) : 0;
  }
}

/* upvalues: the original function, its cost kind.  The original uses no
** upvalues of its own, so it can run on this call's stack directly. */
static int charged(lua_State *L) {
  lua_CFunction f = lua_tocfunction(L, lua_upvalueindex(1));
  ct_sandbox_charge(L, cost(L, (int)lua_tointeger(L, lua_upvalueindex(2))));
  return f(L);
}

/* }====================================================== */


/*
** {======================================================
** Building the state
** =======================================================
*/

/* lib[name] = a stub saying "libname.name" is not available  [-0, +0] */
static void block(lua_State *L, int lib, const char *libname, const char *name) {
  lua_pushfstring(L, "%s.%s", libname, name);
  lua_pushcclosure(L, blocked, 1);
  lua_setfield(L, lib, name);
}

/* lib[name] = the original, charged by 'kind' before it runs  [-0, +0] */
static void charge(lua_State *L, int lib, const char *name, int kind) {
  lua_getfield(L, lib, name);                  /* original */
  lua_pushinteger(L, kind);
  lua_pushcclosure(L, charged, 2);
  lua_setfield(L, lib, name);
}

/* Opens the allowed libraries, as linit.c would, and leaves the real
** library tables on the stack in this order.  [-0, +5] */
static void openlibs(lua_State *L) {
  static const luaL_Reg libs[] = {
    {LUA_GNAME, luaopen_base},
    {LUA_STRLIBNAME, luaopen_string},
    {LUA_TABLIBNAME, luaopen_table},
    {LUA_MATHLIBNAME, luaopen_math},
    {LUA_UTF8LIBNAME, luaopen_utf8},
    {NULL, NULL}
  };
  const luaL_Reg *lib;
  for (lib = libs; lib->func != NULL; lib++)
    luaL_requiref(L, lib->name, lib->func, 1);
}

/* Strips the real library tables: strings share one metatable whose
** __index is the real string table, so a copy would not be enough.
** Stack: _G, string, table, math, utf8 at 1..5. */
static void striplibs(lua_State *L) {
  static const char *const strblocked[] = {
    "dump", "match", "gmatch", "gsub", "pack", "packsize", "unpack", NULL
  };
  const char *const *s;
  for (s = strblocked; *s != NULL; s++) block(L, 2, "string", *s);
  lua_pushcfunction(L, plain_find);
  lua_setfield(L, 2, "find");
  charge(L, 2, "byte", COST_SLICE);
  charge(L, 2, "rep", COST_REP);
  lua_getfield(L, 2, "format");                /* original */
  lua_pushcclosure(L, sb_format, 1);
  lua_setfield(L, 2, "format");
  charge(L, 3, "move", COST_MOVE);
  charge(L, 3, "insert", COST_INSERT);
  charge(L, 3, "remove", COST_REMOVE);
  charge(L, 3, "sort", COST_SORT);
  charge(L, 3, "concat", COST_CONCAT);
  charge(L, 3, "unpack", COST_UNPACK);
  lua_getfield(L, 4, "randomseed");            /* Lua seeds from the clock */
  lua_pushinteger(L, 0);
  lua_call(L, 1, 0);
  block(L, 4, "math", "randomseed");
  charge(L, 5, "len", COST_SCAN);
  charge(L, 5, "offset", COST_SCAN);
  charge(L, 5, "codepoint", COST_SLICE);
  charge(L, 1, "tonumber", COST_SCAN);
}

/* getmetatable("") is false from now on: no rule can reach the one
** string metatable all environments share. */
static void protect_strings(lua_State *L) {
  lua_pushliteral(L, "");
  lua_getmetatable(L, -1);                     /* "", mt */
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_pop(L, 2);
}

/*
** Pushes a read-only view of the table at 't': an empty table whose
** hidden metatable reads from a copy and refuses writes.  Nested tables
** get views of their own; 'seen' maps tables already done to their
** views, so cycles end.  [-0, +1]
*/
static void push_readonly(lua_State *L, int t, const char *name, int seen) {
  int view, copy;
  lua_pushvalue(L, t);
  if (lua_rawget(L, seen) != LUA_TNIL) return;  /* done already */
  lua_pop(L, 1);
  luaL_checkstack(L, 10, "tables nested too deep");
  lua_newtable(L);
  view = lua_gettop(L);
  lua_pushvalue(L, t);
  lua_pushvalue(L, view);
  lua_rawset(L, seen);                         /* seen[t] = view */
  lua_newtable(L);
  copy = lua_gettop(L);
  lua_pushnil(L);
  while (lua_next(L, t)) {                     /* ..., key, value */
    if (lua_type(L, -1) == LUA_TTABLE) {
      const char *sub = lua_type(L, -2) == LUA_TSTRING
          ? lua_pushfstring(L, "%s.%s", name, lua_tostring(L, -2))
          : lua_pushstring(L, name);           /* ..., key, value, subname */
      push_readonly(L, lua_gettop(L) - 1, sub, seen);
      lua_replace(L, -3);                      /* ..., key, subview, subname */
      lua_pop(L, 1);
    }
    lua_pushvalue(L, -2);
    lua_insert(L, -2);                         /* ..., key, key, value */
    lua_rawset(L, copy);                       /* ..., key */
  }
  lua_createtable(L, 0, 3);                    /* view, copy, mt */
  lua_insert(L, copy);                         /* view, mt, copy */
  lua_setfield(L, -2, "__index");
  lua_pushstring(L, name);
  lua_pushcclosure(L, readonly_newindex, 1);
  lua_setfield(L, -2, "__newindex");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
  lua_setmetatable(L, view);                   /* view */
}

/* Pushes a new table with a hidden metatable {__index = idx}.  [-0, +1] */
static void push_hidden_mt(lua_State *L, lua_CFunction fn, int idx) {
  lua_createtable(L, 0, 2);
  if (fn != NULL) lua_pushcfunction(L, fn);
  else lua_pushvalue(L, idx);
  lua_setfield(L, -2, "__index");
  lua_pushboolean(L, 0);
  lua_setfield(L, -2, "__metatable");
}

/*
** The shared globals: the kept base functions, the wrappers, and
** read-only views of the libraries, behind a metatable that names what
** was taken away.  Then the metatable of every environment.
** Stack: _G, string, table, math, utf8 at 1..5.  [-0, +0]
*/
static void make_globals(lua_State *L) {
  static const char *const libnames[] = {"string", "table", "math", "utf8"};
  const char *const *k;
  int i, g, seen;
  lua_newtable(L);
  g = lua_gettop(L);
  lua_newtable(L);
  seen = lua_gettop(L);
  for (k = base_kept; *k != NULL; k++) {
    lua_getfield(L, 1, *k);
    lua_setfield(L, g, *k);
  }
  lua_getfield(L, 1, "tonumber");
  lua_setfield(L, g, "tonumber");
  lua_pushcfunction(L, sb_pairs);
  lua_setfield(L, g, "pairs");
  lua_pushcfunction(L, sb_next);
  lua_setfield(L, g, "next");
  lua_getfield(L, 1, "tostring");
  lua_pushcclosure(L, sb_tostring, 1);
  lua_setfield(L, g, "tostring");
  lua_pushcfunction(L, sb_pcall);
  lua_setfield(L, g, "pcall");
  lua_pushcfunction(L, sb_xpcall);
  lua_setfield(L, g, "xpcall");
  lua_pushcfunction(L, sb_rawset);
  lua_setfield(L, g, "rawset");
  for (i = 0; i < 4; i++) {
    push_readonly(L, i + 2, libnames[i], seen);
    lua_setfield(L, g, libnames[i]);
  }
  lua_pop(L, 1);                               /* seen */
  push_hidden_mt(L, missing_global, 0);
  lua_setmetatable(L, g);
  push_hidden_mt(L, NULL, g);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &ENVMT_KEY);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &GLOBALS_KEY);
}

/* The real global table is out of the rules' reach; emptying its
** dangerous entries anyway keeps a host mistake from handing them out. */
static void clear_real_globals(lua_State *L) {
  const char *const *r;
  for (r = removed_globals; *r != NULL; r++) {
    lua_pushnil(L);
    lua_setfield(L, 1, *r);
  }
}

int ct_sb_build(lua_State *L) {
  openlibs(L);
  striplibs(L);
  protect_strings(L);
  make_globals(L);
  clear_real_globals(L);
  lua_settop(L, 0);
  return 0;
}

/* }====================================================== */


/*
** {======================================================
** Environments and shared globals
** =======================================================
*/

int ct_sb_newenv(lua_State *L) {
  lua_createtable(L, 0, 8);                    /* env */
  lua_rawgetp(L, LUA_REGISTRYINDEX, &ENVMT_KEY);
  lua_setmetatable(L, -2);
  lua_pushliteral(L, "_G");
  lua_pushvalue(L, -2);
  lua_rawset(L, -3);                           /* env._G = env */
  return 1;
}

int ct_sb_addglobal(lua_State *L) {
  const ct_sb_global *g = lua_touserdata(L, 1);
  lua_rawgetp(L, LUA_REGISTRYINDEX, &GLOBALS_KEY);   /* ud, G */
  lua_pushstring(L, g->name);                        /* ud, G, name */
  lua_pushcfunction(L, g->push);
  lua_call(L, 0, 1);                                 /* ud, G, name, value */
  if (lua_type(L, 4) == LUA_TTABLE) {
    lua_newtable(L);                                 /* ..., value, seen */
    push_readonly(L, 4, g->name, 5);                 /* ..., value, seen, view */
    lua_replace(L, 4);
    lua_pop(L, 1);
  }
  lua_rawset(L, 2);
  return 0;
}

/* }====================================================== */
