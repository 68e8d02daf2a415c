/*
** sandbox_state.c -- making and ending a sandbox: the Lua state on the
** sandbox's allocator with its limits (defaults filled in), the count
** hook on from the start, the libraries built as host work (ct_sb_build),
** warnings handed over whole, and a panic handler that names the bug it
** stands for.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <lua.h>
#include "core/error.h"
#include "rules/sandbox_int.h"

lua_State *ct_sandbox_lua(ct_sandbox *sb) { return sb->L; }

size_t ct_sandbox_memory(const ct_sandbox *sb) { return sb->used[RULE]; }

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
  if ((L = lua_newstate(ct_sb_alloc, sb)) == NULL) goto nomem;
  sb->L = L;
  memcpy(lua_getextraspace(L), &sb, sizeof sb);
  lua_atpanic(L, panic);
  lua_setwarnf(L, warnf, sb);
  lua_gc(L, LUA_GCSTOP);
  lua_pushcfunction(L, ct_sb_build);
  if (lua_pcall(L, 0, 0, 0) != LUA_OK) goto nomem;
  lua_gc(L, LUA_GCRESTART);
  ct_sb_hook_on(sb);
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
