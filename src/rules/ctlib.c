/*
** ctlib.c -- the `ct` Lua library: fold, re, words, log.
**
** Per-state data sits in one full userdata (a `ctstate`) kept in the
** registry and given to every function as upvalue 1, so no call looks it
** up by name.  Its user value is the pattern cache.  Every C allocation
** is owned by a userdata with __gc before anything that can raise runs,
** so a Lua error (a limit, out of memory) never leaks.
*/
#include <stdlib.h>
#include <string.h>
#include <lauxlib.h>
#include <lua.h>
#include "core/error.h"
#include "rules/ctlib.h"
#include "text/norm.h"
#include "text/utf8.h"
#include <utf8proc.h>

#define STATE_MT "ct.state"
#define REGEX_MT "ct.regex"
#define BOX_MT "ct.box"

static const char state_key = 0;   /* its address keys the registry */

typedef struct ctstate {
  ct_rematch *m;
  size_t live;                     /* bytes of compiled regexes alive */
  size_t max_live;
  int cached;                      /* patterns in the cache */
  ct_lua_limit_fn on_limit;
  void *on_limit_ud;
  ct_lua_charge_fn on_charge;
  void *on_charge_ud;
  ct_lua_hold_fn on_hold;
  void *on_hold_ud;
  ct_lua_log_fn on_log;
  void *on_log_ud;
} ctstate;

#define SCAN_BYTES 64      /* bytes scanned worth one instruction */
#define COMPILE_COST 16    /* instructions per byte of pattern compiled */
#define FOLD_COST 8        /* instructions per non-ASCII byte normalized */

static void charge(lua_State *L, ctstate *st, unsigned long units) {
  if (st->on_charge) st->on_charge(L, st->on_charge_ud, units);
}

/* Compiled regexes live outside the Lua allocator: their bytes are held
** against the state's cap and the host's (a sandbox's memory limit). */
static int hold(lua_State *L, ctstate *st, size_t bytes) {
  if (bytes > st->max_live - st->live) return 0;
  if (st->on_hold && !st->on_hold(L, st->on_hold_ud, bytes, 0)) return 0;
  st->live += bytes;
  return 1;
}

static void release(lua_State *L, ctstate *st, size_t bytes) {
  st->live -= bytes;
  if (st->on_hold) st->on_hold(L, st->on_hold_ud, bytes, 1);
}

typedef struct rebox {
  ct_regex *re;
  size_t size;
  ctstate *st;
} rebox;

/* ---------------------------------------------------------------------
** Userdata that own C memory
** ------------------------------------------------------------------- */

static int state_gc(lua_State *L) {
  ctstate *st = luaL_checkudata(L, 1, STATE_MT);
  ct_rematch_free(st->m);
  st->m = NULL;
  return 0;
}

/* The state's memory stays valid through every finalizer of lua_close
** (objects are freed only after all finalizers ran), so a regex may be
** finalized after its state. */
static int regex_gc(lua_State *L) {
  rebox *r = luaL_checkudata(L, 1, REGEX_MT);
  if (r->re != NULL) {
    release(L, r->st, r->size);
    ct_regex_free(r->re);
    r->re = NULL;
  }
  return 0;
}

static ctstate *upstate(lua_State *L) {
  return lua_touserdata(L, lua_upvalueindex(1));
}

/* ---------------------------------------------------------------------
** Errors
** ------------------------------------------------------------------- */

static int raise_match_error(lua_State *L, ctstate *st, const ct_error *e) {
  if (e->status == CT_ELIMIT && st->on_limit != NULL)
    st->on_limit(L, st->on_limit_ud, e->msg);
  if (e->status == CT_ENOMEM) return luaL_error(L, "not enough memory");
  return luaL_error(L, "%s", e->msg);
}

/* A long search stops between two of its windows (regex.h) once the
** host's charge, which reads its clock, raises: a `when` given 100 ms
** does not run a search of a second or two to its end. */
typedef struct watch {
  lua_State *L;
  ctstate *st;
} watch;

static int keep_on(void *ud, ct_error *err) {
  watch *w = ud;
  (void)err;
  charge(w->L, w->st, 0);
  return 0;
}

static void watch_search(lua_State *L, ctstate *st, watch *w) {
  w->L = L;
  w->st = st;
  ct_rematch_on_stop(st->m, keep_on, w);
}

static int find_in(lua_State *L, ctstate *st, const ct_regex *re,
                   const char *s, size_t len, size_t from, size_t *ms,
                   size_t *me) {
  ct_error e;
  watch w;
  int rc;
  if (st->m == NULL) return luaL_error(L, "ct library already closed");
  charge(L, st, (unsigned long)((from < len ? len - from : 0) / SCAN_BYTES) + 1);
  watch_search(L, st, &w);
  rc = ct_regex_find(re, st->m, s, len, from, ms, me, &e);
  ct_rematch_on_stop(st->m, NULL, NULL);
  if (rc < 0) return raise_match_error(L, st, &e);
  return rc;
}

/* ---------------------------------------------------------------------
** ct.re: compiling through the cache
** ------------------------------------------------------------------- */

/* Holds the bytes of the new regex r, or raises.  Dropping the cache
** first lets the garbage collector free the regexes nobody else holds. */
static void hold_regex(lua_State *L, ctstate *st, int stidx, rebox *r) {
  size_t size = ct_regex_size(r->re);
  if (!hold(L, st, size)) {
    lua_newtable(L);
    lua_setiuservalue(L, stidx, 1);
    st->cached = 0;
    lua_gc(L, LUA_GCCOLLECT, 0);
    if (!hold(L, st, size)) {
      ct_regex_free(r->re);
      r->re = NULL;
      luaL_error(L, "ct.re: no memory left for compiled regexes (the "
                 "memory limit is reached)");
    }
  }
  r->size = size;
}

static void cache_put(lua_State *L, ctstate *st, int stidx, int patidx,
                      int reidx) {
  if (st->cached >= CT_LUA_RE_CACHE) {
    lua_newtable(L);
    lua_setiuservalue(L, stidx, 1);
    st->cached = 0;
  }
  lua_getiuservalue(L, stidx, 1);
  lua_pushvalue(L, patidx);
  lua_pushvalue(L, reidx);
  lua_rawset(L, -3);
  lua_pop(L, 1);
  st->cached++;
}

/* Pushes the regex for the pattern string at patidx. */
static const ct_regex *push_regex(lua_State *L, int stidx, int patidx) {
  ctstate *st = lua_touserdata(L, stidx);
  size_t len;
  const char *pat = lua_tolstring(L, patidx, &len);
  rebox *r;
  ct_error e;
  luaL_argcheck(L, strlen(pat) == len, patidx, "pattern contains a NUL byte");
  lua_getiuservalue(L, stidx, 1);
  lua_pushvalue(L, patidx);
  if (lua_rawget(L, -2) == LUA_TUSERDATA) {
    lua_remove(L, -2);
    return ((rebox *)lua_touserdata(L, -1))->re;
  }
  lua_pop(L, 2);
  charge(L, st, (unsigned long)len * COMPILE_COST + 1);
  r = lua_newuserdatauv(L, sizeof *r, 1);
  r->re = NULL;
  r->size = 0;
  r->st = st;
  luaL_setmetatable(L, REGEX_MT);
  lua_pushvalue(L, stidx);           /* the state outlives its regexes */
  lua_setiuservalue(L, -2, 1);
  if (ct_regex_compile(pat, &r->re, &e) != CT_OK) {
    if (e.status == CT_ENOMEM) luaL_error(L, "not enough memory");
    luaL_error(L, "%s", e.msg);
  }
  hold_regex(L, st, stidx, r);
  cache_put(L, st, stidx, patidx, lua_gettop(L));
  return r->re;
}

static int l_re(lua_State *L) {
  luaL_checkstring(L, 1);
  push_regex(L, lua_upvalueindex(1), 1);
  return 1;
}

/* ---------------------------------------------------------------------
** Regex methods
** ------------------------------------------------------------------- */

static const ct_regex *check_re(lua_State *L) {
  rebox *r = luaL_checkudata(L, 1, REGEX_MT);
  luaL_argcheck(L, r->re != NULL, 1, "regex already freed");
  return r->re;
}

static void check_subject(lua_State *L, size_t len) {
  if (len > CT_LUA_MAX_SUBJECT)
    luaL_error(L, "ct.re: subject too long (%I bytes; at most %d)",
               (lua_Integer)len, CT_LUA_MAX_SUBJECT);
}

/* string.find's reading of init: 1-based, negative from the end; len + 1
** past the end, 0 before the start (math.mininteger has no negation, so
** no value is negated as a signed number). */
static size_t start_offset(lua_State *L, int arg, size_t len) {
  lua_Integer i = luaL_optinteger(L, arg, 1);
  lua_Unsigned back;
  if (i > 0) return (lua_Unsigned)i - 1 <= len ? (size_t)i - 1 : len + 1;
  back = (lua_Unsigned)0 - (lua_Unsigned)i;        /* -i, without overflow */
  if (i == 0 || back > len) return 0;
  return len - (size_t)back;
}

/* Group i of the last match, or false when it took no part. */
static void push_group(lua_State *L, ctstate *st, const char *s, int i) {
  size_t a, b;
  if (ct_regex_group(st->m, i, &a, &b)) lua_pushlstring(L, s + a, b - a);
  else lua_pushboolean(L, 0);
}

/* The captures, or the whole match for a pattern without groups. */
static int push_captures(lua_State *L, ctstate *st, const ct_regex *re,
                         const char *s) {
  int n = ct_regex_groups(re), i;
  if (n == 0) {
    push_group(L, st, s, 0);
    return 1;
  }
  luaL_checkstack(L, n, "too many captures");
  for (i = 1; i <= n; i++) push_group(L, st, s, i);
  return n;
}

/* The first match of r:find / r:match: 1 with the regex, the subject and
** the span, or 0 after pushing fail. */
static int first_match(lua_State *L, ctstate **st, const ct_regex **re,
                       const char **s, size_t *ms, size_t *me) {
  size_t len, from;
  *st = upstate(L);
  *re = check_re(L);
  *s = luaL_checklstring(L, 2, &len);
  check_subject(L, len);
  from = start_offset(L, 3, len);
  if (from <= len && find_in(L, *st, *re, *s, len, from, ms, me)) return 1;
  luaL_pushfail(L);
  return 0;
}

static int m_find(lua_State *L) {
  ctstate *st;
  const ct_regex *re;
  const char *s;
  size_t ms, me;
  if (!first_match(L, &st, &re, &s, &ms, &me)) return 1;
  lua_pushinteger(L, (lua_Integer)ms + 1);
  lua_pushinteger(L, (lua_Integer)me);
  if (ct_regex_groups(re) == 0) return 2;
  return 2 + push_captures(L, st, re, s);
}

static int m_match(lua_State *L) {
  ctstate *st;
  const ct_regex *re;
  const char *s;
  size_t ms, me;
  if (!first_match(L, &st, &re, &s, &ms, &me)) return 1;
  return push_captures(L, st, re, s);
}

/* Upvalues: state, regex, subject, iterator (a userdata). */
static int gmatch_step(lua_State *L) {
  ctstate *st = upstate(L);
  const ct_regex *re = ((rebox *)lua_touserdata(L, lua_upvalueindex(2)))->re;
  size_t len, ms, me;
  const char *s = lua_tolstring(L, lua_upvalueindex(3), &len);
  ct_regex_iter *it = lua_touserdata(L, lua_upvalueindex(4));
  ct_error e;
  watch w;
  int rc;
  if (st->m == NULL || re == NULL) return luaL_error(L, "regex already freed");
  charge(L, st, (unsigned long)((it->pos < len ? len - it->pos : 0) / SCAN_BYTES) + 1);
  watch_search(L, st, &w);
  rc = ct_regex_next(re, st->m, s, len, it, &ms, &me, &e);
  ct_rematch_on_stop(st->m, NULL, NULL);
  if (rc < 0) return raise_match_error(L, st, &e);
  if (rc == 0) return 0;
  return push_captures(L, st, re, s);
}

static int m_gmatch(lua_State *L) {
  size_t len;
  ct_regex_iter *it;
  check_re(L);
  luaL_checklstring(L, 2, &len);
  check_subject(L, len);
  lua_settop(L, 3);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushvalue(L, 1);
  lua_pushvalue(L, 2);
  it = lua_newuserdatauv(L, sizeof *it, 0);
  ct_regex_iter_init(it, start_offset(L, 3, len));
  if (it->pos > len) it->done = 1;
  lua_pushcclosure(L, gmatch_step, 4);
  return 1;
}

static int m_tostring(lua_State *L) {
  rebox *r = luaL_checkudata(L, 1, REGEX_MT);
  lua_pushfstring(L, "ct.re(%s)", r->re ? ct_regex_pattern(r->re) : "freed");
  return 1;
}

/* ---------------------------------------------------------------------
** ct.fold and ct.words
** ------------------------------------------------------------------- */

/* ASCII folds at memory speed; every other byte goes through utf8proc's
** decomposition and reordering, some 60 ns a byte for combining marks
** (15 VM instructions' time).  At 8 a byte, a default budget folds at
** most 125 KB of marks, under 10 ms. */
static unsigned long fold_cost(const char *s, size_t len) {
  size_t i, wide = 0;
  for (i = 0; i < len; i++) wide += (unsigned char)s[i] >= 0x80;
  return (unsigned long)(len / SCAN_BYTES + wide * FOLD_COST) + 1;
}

/* The fold's C buffers are held against the host's memory limit
** (ct_lua_on_hold) while they live: first room for a result four times
** the input's size (output and scratch doubled), then four times more
** each time the fold stops at what is held, until the host refuses.  So
** a string that grows elevenfold (U+FDFA) cannot take memory, or the
** time its folding takes, beyond the limit; the attempts cost at most
** a third more than the last.  Without a host hook nothing is capped. */
#define HOLD_MAX ((size_t)-1 >> 1)

/* Four times w, or HOLD_MAX where that would overflow. */
static size_t hold_times4(size_t w) {
  return w > ((size_t)-1 >> 3) ? HOLD_MAX : 4 * w;
}

typedef struct foldbox {         /* ct.fold's result, owned by Lua */
  char *p;
  size_t held;                   /* bytes held for it (ct_lua_on_hold) */
  ctstate *st;
} foldbox;

static void fold_release(lua_State *L, foldbox *b) {
  if (b->held > 0 && b->st->on_hold) b->st->on_hold(L, b->st->on_hold_ud, b->held, 1);
  b->held = 0;
}

static int foldbox_gc(lua_State *L) {
  foldbox *b = luaL_checkudata(L, 1, BOX_MT);
  free(b->p);
  b->p = NULL;
  fold_release(L, b);
  return 0;
}

/* Raises; a sandbox makes it a kill that pcall cannot catch. */
static int fold_over(lua_State *L, ctstate *st) {
  const char *msg = "ct.fold: memory limit exceeded (the folded string "
                    "does not fit)";
  if (st->on_limit != NULL) st->on_limit(L, st->on_limit_ud, msg);
  return luaL_error(L, "%s", msg);
}

static int l_fold(lua_State *L) {
  size_t len, want;
  const char *s = luaL_checklstring(L, 1, &len);
  ctstate *st = upstate(L);
  foldbox *b;
  int over = 0;
  charge(L, st, fold_cost(s, len));
  b = lua_newuserdatauv(L, sizeof *b, 0);
  b->p = NULL;
  b->held = 0;
  b->st = st;
  luaL_setmetatable(L, BOX_MT);
  if (st->on_hold == NULL) {
    b->p = ct_fold(s, len);
  } else {
    for (want = hold_times4(len + 64);; want = hold_times4(want)) {
      if (!st->on_hold(L, st->on_hold_ud, want, 0)) return fold_over(L, st);
      b->held = want;
      if ((b->p = ct_fold_within(s, len, want, &over)) != NULL || !over) break;
      fold_release(L, b);
      if (want == HOLD_MAX) return fold_over(L, st);
      charge(L, st, 0);                /* reads the clock; holds nothing */
    }
  }
  if (b->p == NULL) return luaL_error(L, "not enough memory");
  lua_pushstring(L, b->p);           /* may raise: the box still owns p */
  free(b->p);
  b->p = NULL;
  fold_release(L, b);
  return 1;
}

/* 0 outside words, 1 in a word of a spaced script, 2 in a CJK one;
** marks continue whatever word they follow. */
static int word_class(int32_t cp, int prev) {
  utf8proc_category_t c;
  if (cp < 0) return 0;
  if (ct_cp_isalnum(cp)) return ct_cp_iscjk(cp) ? 2 : 1;
  if (cp < 0x80) return 0;
  c = utf8proc_category(cp);
  if (c == UTF8PROC_CATEGORY_MN || c == UTF8PROC_CATEGORY_MC ||
      c == UTF8PROC_CATEGORY_ME)
    return prev ? prev : 1;
  return 0;
}

/* Upvalues: subject, offset of the next byte to look at, the state. */
static int words_step(lua_State *L) {
  size_t len, pos = (size_t)lua_tointeger(L, lua_upvalueindex(2)), start = 0;
  size_t from = pos;
  const unsigned char *s =
      (const unsigned char *)lua_tolstring(L, lua_upvalueindex(1), &len);
  int cls = 0;
  while (pos < len) {
    int32_t cp;
    size_t k = ct_utf8_decode(s + pos, len - pos, &cp);
    int c = word_class(cp, cls);
    if (cls != 0 && c != cls) break;
    if (cls == 0 && c != 0) {
      cls = c;
      start = pos;
    }
    pos += k;
  }
  lua_pushinteger(L, (lua_Integer)pos);
  lua_replace(L, lua_upvalueindex(2));
  charge(L, lua_touserdata(L, lua_upvalueindex(3)),
         (unsigned long)((pos - from) / SCAN_BYTES) + 1);
  if (cls == 0) return 0;
  lua_pushlstring(L, (const char *)s + start, pos - start);
  return 1;
}

static int l_words(lua_State *L) {
  luaL_checkstring(L, 1);
  lua_settop(L, 1);
  lua_pushinteger(L, 0);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_pushcclosure(L, words_step, 3);
  return 1;
}

/* ---------------------------------------------------------------------
** ct.log(...): a line for the rule writer, only when the host asks
** ------------------------------------------------------------------- */

#define LOG_MAX 1024        /* bytes of one log line */

/* Appends what value idx reads as: strings and numbers as tostring
** gives them, a value with a __tostring of the host's (a clause, a
** regex) through it, anything else by its type alone (an address would
** make the output differ from run to run). */
static void log_value(lua_State *L, ctstate *st, int idx, char *line,
                      size_t *len) {
  const char *v;
  size_t n;
  char num[64];
  switch (lua_type(L, idx)) {
    case LUA_TNIL: v = "nil"; n = 3; break;
    case LUA_TBOOLEAN:
      v = lua_toboolean(L, idx) ? "true" : "false";
      n = strlen(v);
      break;
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx))
        snprintf(num, sizeof num, LUA_INTEGER_FMT,
                 (LUAI_UACINT)lua_tointeger(L, idx));
      else
        snprintf(num, sizeof num, LUA_NUMBER_FMT,
                 (LUAI_UACNUMBER)lua_tonumber(L, idx));
      v = num, n = strlen(num);
      break;
    case LUA_TSTRING: v = lua_tolstring(L, idx, &n); break;
    default:
      if (luaL_getmetafield(L, idx, "__tostring") != LUA_TNIL) {
        lua_pop(L, 1);
        v = luaL_tolstring(L, idx, &n);          /* pushed: kept alive */
      } else {
        v = luaL_typename(L, idx);
        n = strlen(v);
      }
  }
  charge(L, st, (unsigned long)(n / SCAN_BYTES) + 1);
  if (n > LOG_MAX - 1 - *len) n = LOG_MAX - 1 - *len;
  memcpy(line + *len, v, n);
  *len += n;
  line[*len] = '\0';
}

/* "FILE:LINE: log: a b c", one line: its arguments as strings, between
** spaces, control characters as spaces.  Without a host function, the
** call returns at once: rule files may keep their ct.log calls. */
static int l_log(lua_State *L) {
  ctstate *st = upstate(L);
  char line[LOG_MAX];
  size_t len, k;
  int i, n = lua_gettop(L);
  lua_Debug ar;
  if (st->on_log == NULL) return 0;
  line[0] = '\0';
  if (lua_getstack(L, 1, &ar) && lua_getinfo(L, "Sl", &ar))
    snprintf(line, sizeof line, "%s:%d: ",
             ar.source[0] == '@' ? ar.source + 1 : ar.short_src,
             ar.currentline);
  len = strlen(line);
  snprintf(line + len, sizeof line - len, "log:");
  len = strlen(line);
  luaL_checkstack(L, n + 2, "too many arguments");
  for (i = 1; i <= n && len + 1 < sizeof line; i++) {
    line[len++] = ' ';
    line[len] = '\0';
    log_value(L, st, i, line, &len);
  }
  for (k = 0; k < len; k++)
    if ((unsigned char)line[k] < 0x20 || line[k] == 0x7F) line[k] = ' ';
  st->on_log(L, st->on_log_ud, line);
  return 0;
}

/* ---------------------------------------------------------------------
** Opening
** ------------------------------------------------------------------- */

static const luaL_Reg ct_funcs[] = {
  {"fold", l_fold},
  {"re", l_re},
  {"words", l_words},
  {"log", l_log},
  {NULL, NULL}
};

static const luaL_Reg re_methods[] = {
  {"find", m_find},
  {"match", m_match},
  {"gmatch", m_gmatch},
  {NULL, NULL}
};

/* Metatables for the boxes and regexes; the state userdata is on top. */
static void make_metatables(lua_State *L) {
  luaL_newmetatable(L, BOX_MT);
  lua_pushcfunction(L, foldbox_gc);
  lua_setfield(L, -2, "__gc");
  lua_pop(L, 1);
  luaL_newmetatable(L, REGEX_MT);
  lua_pushcfunction(L, regex_gc);
  lua_setfield(L, -2, "__gc");
  lua_pushcfunction(L, m_tostring);
  lua_setfield(L, -2, "__tostring");
  lua_pushboolean(L, 0);               /* getmetatable(r) gives false */
  lua_setfield(L, -2, "__metatable");
  luaL_newlibtable(L, re_methods);
  lua_pushvalue(L, -3);
  luaL_setfuncs(L, re_methods, 1);
  lua_setfield(L, -2, "__index");
  lua_pop(L, 1);
}

/* Pushes the state userdata, making it on the first call. */
static void push_state(lua_State *L) {
  ctstate *st;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &state_key) == LUA_TUSERDATA) return;
  lua_pop(L, 1);
  st = lua_newuserdatauv(L, sizeof *st, 1);
  memset(st, 0, sizeof *st);
  st->max_live = CT_LUA_RE_MEMORY;
  luaL_newmetatable(L, STATE_MT);
  lua_pushcfunction(L, state_gc);
  lua_setfield(L, -2, "__gc");
  lua_setmetatable(L, -2);
  if ((st->m = ct_rematch_new(NULL)) == NULL)
    luaL_error(L, "not enough memory");
  lua_newtable(L);
  lua_setiuservalue(L, -2, 1);
  make_metatables(L);
  lua_pushvalue(L, -1);
  lua_rawsetp(L, LUA_REGISTRYINDEX, &state_key);
}

int ct_lua_open_ct(lua_State *L) {
  push_state(L);
  luaL_newlibtable(L, ct_funcs);
  lua_pushvalue(L, -2);
  luaL_setfuncs(L, ct_funcs, 1);
  lua_remove(L, -2);
  return 1;
}

/* ---------------------------------------------------------------------
** Host side
** ------------------------------------------------------------------- */

/* The state without raising, or NULL when ct was never opened. */
static ctstate *find_state(lua_State *L) {
  ctstate *st = NULL;
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &state_key) == LUA_TUSERDATA)
    st = lua_touserdata(L, -1);
  lua_pop(L, 1);
  return st;
}

ct_status ct_lua_on_limit(lua_State *L, ct_lua_limit_fn fn, void *ud) {
  ctstate *st = find_state(L);
  if (st == NULL) return CT_EUSAGE;
  st->on_limit = fn;
  st->on_limit_ud = ud;
  return CT_OK;
}

ct_status ct_lua_on_charge(lua_State *L, ct_lua_charge_fn fn, void *ud) {
  ctstate *st = find_state(L);
  if (st == NULL) return CT_EUSAGE;
  st->on_charge = fn;
  st->on_charge_ud = ud;
  return CT_OK;
}

ct_status ct_lua_on_hold(lua_State *L, ct_lua_hold_fn fn, void *ud) {
  ctstate *st = find_state(L);
  if (st == NULL) return CT_EUSAGE;
  st->on_hold = fn;
  st->on_hold_ud = ud;
  return CT_OK;
}

ct_status ct_lua_on_log(lua_State *L, ct_lua_log_fn fn, void *ud) {
  ctstate *st = find_state(L);
  if (st == NULL) return CT_EUSAGE;
  st->on_log = fn;
  st->on_log_ud = ud;
  return CT_OK;
}

ct_status ct_lua_set_limits(lua_State *L, const ct_regex_limits *lim) {
  ctstate *st = find_state(L);
  ct_rematch *m;
  if (st == NULL) return CT_EUSAGE;
  if ((m = ct_rematch_new(lim)) == NULL) return CT_ENOMEM;
  ct_rematch_free(st->m);
  st->m = m;
  return CT_OK;
}

ct_status ct_lua_set_regex_memory(lua_State *L, size_t max_bytes) {
  ctstate *st = find_state(L);
  if (st == NULL) return CT_EUSAGE;
  st->max_live = max_bytes;
  return CT_OK;
}

const ct_regex *ct_lua_checkregex(lua_State *L, int arg) {
  const ct_regex *re;
  arg = lua_absindex(L, arg);
  if (lua_type(L, arg) == LUA_TUSERDATA) {
    rebox *r = luaL_checkudata(L, arg, REGEX_MT);
    luaL_argcheck(L, r->re != NULL, arg, "regex already freed");
    return r->re;
  }
  luaL_checkstring(L, arg);
  if (lua_rawgetp(L, LUA_REGISTRYINDEX, &state_key) != LUA_TUSERDATA)
    luaL_error(L, "ct library not opened");
  re = push_regex(L, lua_gettop(L), arg);
  lua_replace(L, arg);
  lua_pop(L, 1);
  return re;
}

int ct_lua_find(lua_State *L, const ct_regex *re, const char *s, size_t len,
                size_t from, size_t *ms, size_t *me) {
  ctstate *st = find_state(L);
  if (st == NULL) return luaL_error(L, "ct library not opened");
  return find_in(L, st, re, s, len, from, ms, me);
}
