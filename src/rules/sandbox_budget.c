/*
** sandbox_budget.c -- stopping a call that goes too far: the instruction
** budget (the count hook, and C work charged before it runs), the
** wall-clock deadline, kills by the allocator or by host code, each
** sticky so that pcall cannot swallow it, and the message that says which
** limit stopped the call and where.
*/
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <lua.h>
#include "rules/sandbox_int.h"

static void hook(lua_State *L, lua_Debug *ar);

/* Here rather than with the state: the hook asks for it every quantum. */
ct_sandbox *ct_sandbox_of(lua_State *L) {
  ct_sandbox *sb;
  memcpy(&sb, lua_getextraspace(L), sizeof sb);
  return sb;
}

void ct_sb_killmsg(const ct_sandbox *sb, char *out, size_t n) {
  char what[KILLWHAT_MAX];
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
  ct_sb_where(L, 0, sb->where, sizeof sb->where);
  lua_sethook(L, hook, LUA_MASKCOUNT, 1);
}

/* A LUA_ERRMEM: the allocator says which limit it refused for (growth
** past the budget or the deadline is refused too, see sandbox_memory.c),
** or the system ran out. */
void ct_sb_kill_memory(lua_State *L, ct_sandbox *sb) {
  sb->killed = sb->refused == KILL_STEPS || sb->refused == KILL_TIME ? sb->refused
                                                                   : KILL_MEMORY;
  memcpy(sb->where, sb->memwhere, sizeof sb->where);
  lua_sethook(L, hook, LUA_MASKCOUNT, 1);
}

static int raise_kill(lua_State *L, ct_sandbox *sb) {
  char msg[KILLMSG_MAX];
  ct_sb_killmsg(sb, msg, sizeof msg);
  lua_pushstring(L, msg);
  return lua_error(L);
}

int ct_sb_overtime(const ct_sandbox *sb) {
  return ct_deadline_passed(&sb->deadline);
}

/* The count hook.  It stays installed for the whole life of the state,
** so no rule code runs outside it; host sections are not counted. */
static void hook(lua_State *L, lua_Debug *ar) {
  ct_sandbox *sb = ct_sandbox_of(L);
  (void)ar;
  if (sb->host > 0) return;
  if (sb->killed == KILL_NONE) {
    sb->steps = ct_sb_addsat(sb->steps, (unsigned long)sb->quantum);
    if (sb->steps <= sb->lim.instructions && !ct_sb_overtime(sb)) return;
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
  sb->steps = ct_sb_addsat(sb->steps, units);
  if (sb->killed == KILL_NONE) {
    if (sb->steps <= sb->lim.instructions && !ct_sb_overtime(sb)) return;
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
  sb->refused = KILL_NONE;
  sb->steps = sb->unclocked = 0;
  sb->where[0] = sb->memwhere[0] = sb->errmsg[0] = '\0';
  ct_deadline_start(&sb->deadline, sb->lim.time_ms);
  ct_sb_hook_on(sb);
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
  ct_sb_hook_on(sb);
}

/* The count hook, every quantum instructions: in place from the moment
** a state is built to its end. */
void ct_sb_hook_on(ct_sandbox *sb) {
  lua_sethook(sb->L, hook, LUA_MASKCOUNT, sb->quantum);
}
