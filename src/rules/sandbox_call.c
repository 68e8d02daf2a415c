/*
** sandbox_call.c -- running code in the sandbox: protected calls of rule
** code with a fresh budget (or the caller's, when nested) that turn every
** failure, a kill included, into a ct_error whose message says where;
** host calls that run unpoliced; the library's host work (a new rule-file
** environment, a shared global) made protected.
*/
#include <stdio.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include "core/error.h"
#include "rules/sandbox_int.h"

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
  if (ct_sb_relocate(L, msg, sb->errmsg, sizeof sb->errmsg)) return 1;
  loc[0] = '\0';
  if (lua_type(L, 1) != LUA_TSTRING || !ct_sb_haslocation(msg)) ct_sb_where(L, 1, loc, sizeof loc);
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
