/*
** sandbox_memory.c -- the sandbox's allocator: every byte of the Lua
** state owned by the host or by the rules, the rules' bytes (and what the
** host holds for them, ct_sandbox_hold) capped at the memory limit, a
** refusal that remembers where the rules asked, and growth charged to the
** instruction budget as the C work it is.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <lua.h>
#include "rules/sandbox_int.h"

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
static void *refuse(ct_sandbox *sb, kill_kind why) {
  sb->refused = why;
#if LUA_VERSION_RELEASE_NUM <= 50404
  /* A second refusal can come while Lua raises the first (it grows the
  ** stack for the error handler), where no line can be read: it must not
  ** wipe the line already taken. */
  if (sb->L != NULL) {
    char where[WHERE_MAX];
    ct_sb_where(sb->L, 0, where, sizeof where);
    if (where[0] != '\0') memcpy(sb->memwhere, where, sizeof where);
  }
#endif
  return NULL;
}

/*
** Growth is C work done for the rule (copying, concatenating, filling),
** charged here as it happens.  The count hook compares the budget only
** every QUANTUM instructions, and one instruction can allocate hundreds
** of megabytes (s..s), so the allocator holds the line itself: it
** refuses growth once the budget is spent or the deadline has passed,
** and the refusal is reported as that limit, not as memory.  The clock
** is read once per QUANTUM instructions' worth of bytes, not on every
** small block.  Returns the limit broken, or KILL_NONE.
*/
static kill_kind charge_growth(ct_sandbox *sb, size_t bytes) {
  unsigned long units = (unsigned long)(bytes / CHARGE_BYTES);
  sb->steps = ct_sb_addsat(sb->steps, units);
  if (sb->steps > sb->lim.instructions) return KILL_STEPS;
  sb->unclocked = ct_sb_addsat(sb->unclocked, units);
  if (sb->unclocked < QUANTUM) return KILL_NONE;
  sb->unclocked = 0;
  return ct_sb_overtime(sb) ? KILL_TIME : KILL_NONE;
}

void *ct_sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize) {
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
  else if (who == RULE) {
    kill_kind why;
    if (!rule_may_grow(sb, was, old, nsize)) return refuse(sb, KILL_MEMORY);
    if ((why = charge_growth(sb, nsize - old)) != KILL_NONE) return refuse(sb, why);
  }
  if (nsize > SIZE_MAX - HDR) return NULL;
  nb = realloc(blk, HDR + nsize);
  if (nb == NULL) {
    if (nsize > old) return NULL;
    nb = blk;                       /* Lua assumes a shrink cannot fail */
  }
  sb->used[was] -= old;
  sb->used[who] += nsize;
  nb[0] = (unsigned char)who;
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
