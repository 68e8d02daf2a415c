/*
** sandbox.c -- the policed Lua state that rule files run in (see
** sandbox.h): memory owned and capped, the instruction budget and the
** clock, kills that pcall cannot catch, and protected calls that turn
** every failure into a ct_error.  What rule code sees of the standard
** library is built in sandbox_lib.c; rule files are loaded by
** sandbox_load.c.
**
** The Lua-facing code uses only the official API of lua.h, lauxlib.h and
** lualib.h.  It relies on one fact about Lua's internals, explained at
** 'refuse' and guarded by a version check.
*/
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <lua.h>
#include <lauxlib.h>
#include "core/error.h"
#include "rules/sandbox_int.h"

static void hook(lua_State *L, lua_Debug *ar);


/*
** {======================================================
** Small helpers
** =======================================================
*/

ct_sandbox *ct_sandbox_of(lua_State *L) {
  ct_sandbox *sb;
  memcpy(&sb, lua_getextraspace(L), sizeof sb);
  return sb;
}

lua_State *ct_sandbox_lua(ct_sandbox *sb) { return sb->L; }

size_t ct_sandbox_memory(const ct_sandbox *sb) { return sb->used[RULE]; }

static unsigned long addsat(unsigned long a, unsigned long b) {
  return b > ULONG_MAX - a ? ULONG_MAX : a + b;
}

/* "64 MiB", "512 KiB" or "1000 bytes" */
void ct_sb_fmtsize(char *out, size_t n, size_t bytes) {
  if (bytes >= ((size_t)1 << 20) && bytes % ((size_t)1 << 20) == 0)
    snprintf(out, n, "%zu MiB", bytes >> 20);
  else if (bytes >= 1024 && bytes % 1024 == 0)
    snprintf(out, n, "%zu KiB", bytes >> 10);
  else
    snprintf(out, n, "%zu bytes", bytes);
}

/* The name Lua was given for a chunk: the full path for files. */
static const char *srcname(const lua_Debug *ar) {
  if (ar->source[0] == '@' || ar->source[0] == '=') return ar->source + 1;
  return ar->short_src;
}

/*
** Writes "FILE:LINE" of the innermost Lua function at or above 'level'
** into 'out', or "" when there is none.  It only reads the stack, so it
** is safe in hooks, message handlers and (see 'refuse') the allocator.
*/
static void where(lua_State *L, int level, char *out, size_t n) {
  lua_Debug ar;
  out[0] = '\0';
  while (lua_getstack(L, level++, &ar)) {
    if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
      snprintf(out, n, "%s:%d", srcname(&ar), ar.currentline);
      return;
    }
  }
}

/* Does the first line of 'msg' hold a location ("NAME:DIGITS:")? */
static int haslocation(const char *msg) {
  size_t line = strcspn(msg, "\n");
  const char *p;
  for (p = strchr(msg, ':'); p != NULL && (size_t)(p - msg) < line;
       p = strchr(p + 1, ':')) {
    const char *d = p + 1;
    while (*d >= '0' && *d <= '9') d++;
    if (d > p + 1 && *d == ':') return 1;
  }
  return 0;
}

/* What luaO_chunkid makes of "@path": the path, or "..." and its tail
** when it does not fit in LUA_IDSIZE. */
static void chunkid(char *out, const char *path) {
  size_t l = strlen(path);
  if (l + 1 <= LUA_IDSIZE)
    memcpy(out, path, l + 1);
  else {
    memcpy(out, "...", 3);
    memcpy(out + 3, path + l - (LUA_IDSIZE - 4), LUA_IDSIZE - 3);
  }
}

/* Writes 'msg' into 'out' starting with the full 'path': Lua shortens
** long names, and a few of its messages carry no location at all. */
void ct_sb_withpath(char *out, size_t n, const char *msg, const char *path) {
  char id[LUA_IDSIZE];
  size_t l;
  chunkid(id, path);
  l = strlen(id);
  if (strncmp(msg, id, l) == 0 && msg[l] == ':')
    snprintf(out, n, "%s%s", path, msg + l);
  else
    snprintf(out, n, "%s: %s", path, msg);
}

/* }====================================================== */


/*
** {======================================================
** Memory: accounting, the cap, and who owns what
** =======================================================
*/

/*
** Every block carries a header saying whether the host or the rules
** allocated it, so text the host puts in the state never counts against
** the rules, even after the collector frees it or a rule grows it.  The
** header is as large as the strictest alignment, so blocks stay aligned.
*/
#define HDR ((size_t)_Alignof(max_align_t))

static int rule_may_grow(const ct_sandbox *sb, int was, size_t old,
                         size_t nsize) {
  size_t mine = sb->used[RULE] - (was == RULE ? old : 0);
  return nsize <= sb->lim.memory && mine <= sb->lim.memory - nsize;
}

/*
** Refuses a request of the rules.  Lua then collects garbage in an
** emergency and asks again; only when that fails too does it raise
** LUA_ERRMEM, which carries no location and runs no message handler.
** So the location is taken here.  Reading the stack from inside the
** allocator is safe up to Lua 5.4.4, which grows the stack by allocating
** a new one before it touches the old; 5.4.5 and later turn stack
** pointers into offsets while reallocating it, so there the memory kill
** is reported without a line.
*/
static void *refuse(ct_sandbox *sb) {
  sb->refused = 1;
#if LUA_VERSION_RELEASE_NUM <= 50404
  if (sb->L != NULL) where(sb->L, 0, sb->memwhere, sizeof sb->memwhere);
#endif
  return NULL;
}

static void *sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  ct_sandbox *sb = ud;
  unsigned char *blk = ptr ? (unsigned char *)ptr - HDR : NULL;
  size_t old = ptr ? osize : 0;     /* osize is a type tag when ptr is NULL */
  int was = blk ? blk[0] : HOST;
  int who = sb->host > 0 ? HOST : RULE;
  unsigned char *nb;
  if (nsize == 0) {
    sb->used[was] -= old;
    free(blk);
    return NULL;
  }
  if (nsize <= old)
    who = was;                      /* shrinking changes nothing owned */
  else if (who == RULE && !rule_may_grow(sb, was, old, nsize))
    return refuse(sb);
  if (nsize > SIZE_MAX - HDR) return NULL;
  nb = realloc(blk, HDR + nsize);
  if (nb == NULL) {
    if (nsize > old) return NULL;
    nb = blk;                       /* Lua assumes a shrink cannot fail */
  }
  sb->used[was] -= old;
  sb->used[who] += nsize;
  nb[0] = (unsigned char)who;
  if (who == RULE && nsize > old)   /* C work done for the rule */
    sb->steps = addsat(sb->steps, (unsigned long)((nsize - old) / CHARGE_BYTES));
  return nb + HDR;
}

int ct_sandbox_hold(lua_State *L, size_t bytes) {
  ct_sandbox *sb = ct_sandbox_of(L);
  if (!rule_may_grow(sb, HOST, 0, bytes)) return 0;
  sb->used[RULE] += bytes;
  return 1;
}

void ct_sandbox_release(lua_State *L, size_t bytes) {
  ct_sandbox *sb = ct_sandbox_of(L);
  sb->used[RULE] -= bytes < sb->used[RULE] ? bytes : sb->used[RULE];
}

void ct_sandbox_host_begin(ct_sandbox *sb) { sb->host++; }

void ct_sandbox_host_end(ct_sandbox *sb) {
  if (sb->host > 0) sb->host--;
}

/* }====================================================== */


/*
** {======================================================
** Killing a call: instruction budget, deadline, memory
** =======================================================
*/

void ct_sb_killmsg(const ct_sandbox *sb, char *out, size_t n) {
  char what[128];
  switch (sb->killed) {
    case KILL_STEPS:
      snprintf(what, sizeof what, "instruction limit exceeded (%lu instructions)",
               sb->lim.instructions);
      break;
    case KILL_TIME:
      snprintf(what, sizeof what, "time limit exceeded (%lu ms)", sb->lim.time_ms);
      break;
    case KILL_HOST:
      snprintf(what, sizeof what, "%.120s", sb->hostmsg);
      break;
    default: {
      char size[32];
      ct_sb_fmtsize(size, sizeof size, sb->lim.memory);
      if (sb->refused)
        snprintf(what, sizeof what, "memory limit exceeded (%s)", size);
      else
        snprintf(what, sizeof what, "out of memory");
    }
  }
  if (sb->where[0] != '\0')
    snprintf(out, n, "%s: %s", sb->where, what);
  else
    snprintf(out, n, "%s", what);
}

/*
** Marks the running call as killed and makes the hook sticky: from now
** on every VM instruction raises again, so a rule that catches the error
** cannot run on (the pcall wrappers re-raise it as well).
*/
static void kill(lua_State *L, ct_sandbox *sb, kill_kind why) {
  sb->killed = why;
  where(L, 0, sb->where, sizeof sb->where);
  lua_sethook(L, hook, LUA_MASKCOUNT, 1);
}

void ct_sb_kill_memory(lua_State *L, ct_sandbox *sb) {
  sb->killed = KILL_MEMORY;
  memcpy(sb->where, sb->memwhere, sizeof sb->where);
  lua_sethook(L, hook, LUA_MASKCOUNT, 1);
}

static int raise_kill(lua_State *L, ct_sandbox *sb) {
  char msg[WHERE_MAX + 128];
  ct_sb_killmsg(sb, msg, sizeof msg);
  lua_pushstring(L, msg);
  return lua_error(L);
}

static int overtime(const ct_sandbox *sb) {
  struct timespec now;
  if (sb->lim.time_ms == 0) return 0;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec > sb->deadline.tv_sec ||
         (now.tv_sec == sb->deadline.tv_sec && now.tv_nsec >= sb->deadline.tv_nsec);
}

/* The count hook.  It stays installed for the whole life of the state,
** so no rule code runs outside it; host sections are not counted. */
static void hook(lua_State *L, lua_Debug *ar) {
  ct_sandbox *sb = ct_sandbox_of(L);
  (void)ar;
  if (sb->host > 0) return;
  if (sb->killed == KILL_NONE) {
    sb->steps = addsat(sb->steps, (unsigned long)sb->quantum);
    if (sb->steps <= sb->lim.instructions && !overtime(sb)) return;
    kill(L, sb, sb->steps > sb->lim.instructions ? KILL_STEPS : KILL_TIME);
  }
  raise_kill(L, sb);
}

/* C work is charged before it runs, and the clock read then too: a C
** function that is about to work for long is stopped on time, not one
** hook period later. */
void ct_sandbox_charge(lua_State *L, unsigned long units) {
  ct_sandbox *sb = ct_sandbox_of(L);
  if (sb->host > 0) return;
  sb->steps = addsat(sb->steps, units);
  if (sb->killed == KILL_NONE) {
    if (sb->steps <= sb->lim.instructions && !overtime(sb)) return;
    kill(L, sb, sb->steps > sb->lim.instructions ? KILL_STEPS : KILL_TIME);
  }
  raise_kill(L, sb);
}

void ct_sandbox_kill(lua_State *L, const char *msg) {
  ct_sandbox *sb = ct_sandbox_of(L);
  if (sb->host > 0) return;
  if (sb->killed == KILL_NONE) {
    snprintf(sb->hostmsg, sizeof sb->hostmsg, "%s", msg);
    kill(L, sb, KILL_HOST);
  }
  raise_kill(L, sb);
}

/* A fresh budget for a call from the host; also ends a sticky kill. */
void ct_sb_fresh_budget(ct_sandbox *sb) {
  sb->killed = KILL_NONE;
  sb->refused = 0;
  sb->steps = 0;
  sb->where[0] = sb->memwhere[0] = sb->errmsg[0] = '\0';
  if (sb->lim.time_ms > 0) {
    clock_gettime(CLOCK_MONOTONIC, &sb->deadline);
    sb->deadline.tv_sec += (time_t)(sb->lim.time_ms / 1000);
    sb->deadline.tv_nsec += (long)(sb->lim.time_ms % 1000) * 1000000L;
    if (sb->deadline.tv_nsec >= 1000000000L) {
      sb->deadline.tv_sec++;
      sb->deadline.tv_nsec -= 1000000000L;
    }
  }
  lua_sethook(sb->L, hook, LUA_MASKCOUNT, sb->quantum);
}

/* After a call from the host: back to normal, garbage of a memory kill
** collected. */
void ct_sb_settle(ct_sandbox *sb) {
  if (sb->killed == KILL_MEMORY) {
    ct_sandbox_host_begin(sb);
    lua_gc(sb->L, LUA_GCCOLLECT);
    ct_sandbox_host_end(sb);
  }
  sb->killed = KILL_NONE;
  lua_sethook(sb->L, hook, LUA_MASKCOUNT, sb->quantum);
}

/* }====================================================== */


/*
** {======================================================
** Creating and freeing a sandbox
** =======================================================
*/

/* Only a bug in clausetag reaches this: a raising call made outside
** protected mode.  Lua aborts when it returns; the one line on stderr
** says why. */
static int panic(lua_State *L) {
  const char *msg = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "?";
  fprintf(stderr, "clausetag: unprotected Lua error: %s\n", msg);
  return 0;
}

/* Assembles the pieces of a warning and hands over whole messages. */
static void warnf(void *ud, const char *msg, int tocont) {
  ct_sandbox *sb = ud;
  size_t n = strlen(msg), room = sizeof sb->warnbuf - 1 - sb->warnlen;
  if (sb->warnlen == 0 && !tocont && msg[0] == '@') return;   /* control */
  if (n > room) n = room;
  memcpy(sb->warnbuf + sb->warnlen, msg, n);
  sb->warnlen += n;
  if (tocont) return;
  sb->warnbuf[sb->warnlen] = '\0';
  sb->warnlen = 0;
  if (sb->warnfn != NULL) sb->warnfn(sb->warnud, sb->warnbuf);
}

void ct_sandbox_set_warn(ct_sandbox *sb, ct_sandbox_warnfn fn, void *ud) {
  sb->warnfn = fn;
  sb->warnud = ud;
}

static void setlimits(ct_sandbox *sb, const ct_sandbox_limits *lim) {
  if (lim != NULL) sb->lim = *lim;
  if (sb->lim.instructions == 0) sb->lim.instructions = CT_SANDBOX_DEFAULT_INSTRUCTIONS;
  if (sb->lim.memory == 0) sb->lim.memory = CT_SANDBOX_DEFAULT_MEMORY;
  sb->quantum = sb->lim.instructions < QUANTUM ? (int)sb->lim.instructions : QUANTUM;
}

ct_status ct_sandbox_new(const ct_sandbox_limits *lim, ct_sandbox **out,
                         ct_error *err) {
  ct_sandbox *sb = calloc(1, sizeof *sb);
  lua_State *L;
  *out = NULL;
  if (sb == NULL) goto nomem;
  setlimits(sb, lim);
  sb->host = 1;                                /* building is host work */
  if ((L = lua_newstate(sb_alloc, sb)) == NULL) goto nomem;
  sb->L = L;
  memcpy(lua_getextraspace(L), &sb, sizeof sb);
  lua_atpanic(L, panic);
  lua_setwarnf(L, warnf, sb);
  lua_gc(L, LUA_GCSTOP);
  lua_pushcfunction(L, ct_sb_build);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) goto nomem;
  lua_gc(L, LUA_GCRESTART);
  lua_sethook(L, hook, LUA_MASKCOUNT, sb->quantum);
  sb->host = 0;
  *out = sb;
  return CT_OK;
nomem:
  ct_sandbox_free(sb);
  return ct_fail(err, CT_ENOMEM, "cannot create the rule sandbox: out of memory");
}

void ct_sandbox_free(ct_sandbox *sb) {
  if (sb == NULL) return;
  if (sb->L != NULL) lua_close(sb->L);
  free(sb);
}

/* }====================================================== */


/*
** {======================================================
** Running code
** =======================================================
*/

/* Describes the error object at 'idx' without allocating in Lua. */
const char *ct_sb_objmsg(lua_State *L, int idx, char *buf, size_t n) {
  switch (lua_type(L, idx)) {
    case LUA_TSTRING: return lua_tostring(L, idx);
    case LUA_TNUMBER:
      if (lua_isinteger(L, idx))
        snprintf(buf, n, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
      else
        snprintf(buf, n, LUA_NUMBER_FMT, (LUAI_UACNUMBER)lua_tonumber(L, idx));
      return buf;
    default:
      snprintf(buf, n, "(error object is a %s value)", luaL_typename(L, idx));
      return buf;
  }
}

/* If 'msg' starts with the shortened name of a Lua function on the
** stack ("...ules/x.lua:3: boom"), writes it with the full name. */
static int relocate(lua_State *L, const char *msg, char *out, size_t n) {
  lua_Debug ar;
  int level;
  for (level = 1; level < 64 && lua_getstack(L, level, &ar); level++) {
    size_t l;
    if (!lua_getinfo(L, "S", &ar) || ar.what[0] == 'C') continue;
    l = strlen(ar.short_src);
    if (strncmp(msg, ar.short_src, l) == 0 && msg[l] == ':') {
      snprintf(out, n, "%s%s", srcname(&ar), msg + l);
      return 1;
    }
  }
  return 0;
}

/*
** Message handler of the calls the host makes: keeps "FILE:LINE:
** message" in C memory, where no allocation can fail, and returns the
** error object unchanged.  A kill carries its own message.
*/
static int msgh(lua_State *L) {
  ct_sandbox *sb = ct_sandbox_of(L);
  char buf[64], loc[WHERE_MAX];
  const char *msg;
  if (sb->killed != KILL_NONE) return 1;
  msg = ct_sb_objmsg(L, 1, buf, sizeof buf);
  if (relocate(L, msg, sb->errmsg, sizeof sb->errmsg)) return 1;
  loc[0] = '\0';
  if (lua_type(L, 1) != LUA_TSTRING || !haslocation(msg)) where(L, 1, loc, sizeof loc);
  if (loc[0] != '\0')
    snprintf(sb->errmsg, sizeof sb->errmsg, "%s: %s", loc, msg);
  else
    snprintf(sb->errmsg, sizeof sb->errmsg, "%s", msg);
  return 1;
}

/* Turns a failed call into a ct_error; pops the error object. */
static ct_status report(ct_sandbox *sb, int status, ct_error *err) {
  lua_State *L = sb->L;
  char buf[64], msg[sizeof err->msg];
  ct_status st;
  if (status == LUA_ERRMEM && sb->killed == KILL_NONE) ct_sb_kill_memory(L, sb);
  if (sb->killed != KILL_NONE) {
    ct_sb_killmsg(sb, msg, sizeof msg);
    st = ct_fail(err, sb->killed == KILL_MEMORY && !sb->refused ? CT_ENOMEM : CT_ELIMIT,
                 "%s", msg);
  } else if (status == LUA_ERRRUN && sb->errmsg[0] != '\0')
    st = ct_fail(err, CT_ERULE, "%s", sb->errmsg);
  else
    st = ct_fail(err, CT_ERULE, "%s", ct_sb_objmsg(L, -1, buf, sizeof buf));
  lua_pop(L, 1);
  return st;
}

/* ct_sandbox_call, with or without a fresh budget. */
ct_status ct_sb_call(ct_sandbox *sb, int nargs, int nresults, int fresh,
                      ct_error *err) {
  lua_State *L = sb->L;
  int base = lua_gettop(L) - nargs;            /* the function */
  int host = sb->host, status;
  ct_status st = CT_OK;
  if (nargs < 0 || base < 1)
    return ct_fail(err, CT_EUSAGE, "ct_sandbox_call: no function to call");
  if (!lua_checkstack(L, 1)) {
    lua_settop(L, base - 1);
    return ct_fail(err, CT_ENOMEM, "out of memory");
  }
  sb->host = 0;                                /* rule code is never host code */
  if (fresh) ct_sb_fresh_budget(sb);
  lua_pushcfunction(L, msgh);
  lua_insert(L, base);                         /* msgh, f, args */
  sb->depth++;
  status = lua_pcall(L, nargs, nresults, base);
  sb->depth--;
  lua_remove(L, base);                         /* results or error object */
  if (status != LUA_OK) st = report(sb, status, err);
  if (sb->depth == 0) ct_sb_settle(sb);
  sb->host = host;
  return st;
}

ct_status ct_sandbox_call(ct_sandbox *sb, int nargs, int nresults,
                          ct_error *err) {
  return ct_sb_call(sb, nargs, nresults, sb->depth == 0, err);
}

ct_status ct_sandbox_host_call(ct_sandbox *sb, int nargs, int nresults,
                               ct_error *err) {
  lua_State *L = sb->L;
  char buf[64];
  int status, host = sb->host;
  ct_status st;
  if (nargs < 0 || lua_gettop(L) - nargs < 1)
    return ct_fail(err, CT_EUSAGE, "ct_sandbox_host_call: no function to call");
  ct_sandbox_host_begin(sb);
  status = lua_pcall(L, nargs, nresults, 0);
  sb->host = host;                             /* even if the callee leaked one */
  if (status == LUA_OK) return CT_OK;
  if (status == LUA_ERRMEM)
    st = ct_fail(err, CT_ENOMEM, "out of memory");
  else
    st = ct_fail(err, CT_ERULE, "%s", ct_sb_objmsg(L, -1, buf, sizeof buf));
  lua_pop(L, 1);
  return st;
}

/* Runs 'fn' with 'ud' as host code.  [-0, +nresults] on success */
static ct_status protect(ct_sandbox *sb, lua_CFunction fn, void *ud,
                         int nresults, ct_error *err) {
  if (!lua_checkstack(sb->L, 2)) return ct_fail(err, CT_ENOMEM, "out of memory");
  lua_pushcfunction(sb->L, fn);
  lua_pushlightuserdata(sb->L, ud);
  return ct_sandbox_host_call(sb, 1, nresults, err);
}

ct_status ct_sandbox_newenv(ct_sandbox *sb, ct_error *err) {
  return protect(sb, ct_sb_newenv, NULL, 1, err);
}
ct_status ct_sandbox_addglobal(ct_sandbox *sb, const char *name,
                               lua_CFunction push, ct_error *err) {
  ct_sb_global g;
  g.name = name;
  g.push = push;
  return protect(sb, ct_sb_addglobal, &g, 0, err);
}

/* }====================================================== */

