/*
** sandbox_int.h -- the inside of a sandbox, shared by its files, one a
** concern: the policed state in sandbox_state.c (making and ending it),
** sandbox_memory.c (the allocator and the cap), sandbox_budget.c (the
** instruction budget, the clock and kills), sandbox_call.c (protected
** calls) and sandbox_where.c (where a failure happened, for messages);
** sandbox_lib.c (the standard library rule code sees); sandbox_load.c
** (loading rule files).  Nothing outside src/rules/sandbox*.c includes
** it.
**
** The Lua-facing code uses only the official API of lua.h, lauxlib.h and
** lualib.h.  It relies on one fact about Lua's internals, explained at
** 'refuse' in sandbox_memory.c and guarded by a version check.
*/
#ifndef CT_SANDBOX_INT_H
#define CT_SANDBOX_INT_H

#include <limits.h>
#include <stddef.h>
#include <time.h>
#include <lua.h>
#include "core/deadline.h"
#include "rules/sandbox.h"

#define QUANTUM 1000        /* instructions between two calls of the hook */
#define CHARGE_BYTES 64     /* bytes of C work worth one instruction */
#define WHERE_MAX 512       /* "FILE:LINE" */
#define KILLWHAT_MAX 128    /* what stopped a call ("time limit ...") */
#define KILLMSG_MAX (WHERE_MAX + 2 + KILLWHAT_MAX)  /* "WHERE: WHAT" */
#define PREFIX "clausetag sandbox: "

typedef enum kill_kind {
  KILL_NONE, KILL_STEPS, KILL_MEMORY, KILL_TIME, KILL_HOST
} kill_kind;

enum { HOST = 0, RULE = 1 };   /* who owns a block of memory */

struct ct_sandbox {
  lua_State *L;
  ct_sandbox_limits lim;
  int quantum;                /* hook period: min(QUANTUM, budget) */
  size_t used[2];             /* bytes held by the host and by the rules */
  int host;                   /* depth of host sections */
  int depth;                  /* depth of ct_sandbox_call */
  unsigned long steps;        /* spent in the running call */
  ct_deadline deadline;       /* of the running call */
  kill_kind killed;           /* why the running call was stopped */
  kill_kind refused;          /* the limit for which the allocator refused
                                 the rules memory (KILL_MEMORY, KILL_STEPS,
                                 KILL_TIME), or KILL_NONE */
  unsigned long unclocked;    /* steps the allocator charged since it last
                                 read the clock */
  char where[WHERE_MAX];      /* where the running call was stopped */
  char memwhere[WHERE_MAX];   /* where the allocator last refused */
  char errmsg[sizeof ((ct_error *)0)->msg];   /* from the message handler */
  char hostmsg[256];          /* why host code killed the call (KILL_HOST) */
  ct_sandbox_warnfn warnfn;
  void *warnud;
  char warnbuf[512];          /* a warning being assembled */
  size_t warnlen;
};

/* What ct_sandbox_addglobal passes to ct_sb_addglobal. */
typedef struct ct_sb_global {
  const char *name;
  lua_CFunction push;
} ct_sb_global;

/* a + b, or ULONG_MAX when that overflows: steps spent never wrap. */
static inline unsigned long ct_sb_addsat(unsigned long a, unsigned long b) {
  return b > ULONG_MAX - a ? ULONG_MAX : a + b;
}

/* sandbox_where.c */
void ct_sb_fmtsize(char *out, size_t n, size_t bytes);   /* "64 MiB" */
void ct_sb_withpath(char *out, size_t n, const char *msg, const char *path);
const char *ct_sb_objmsg(lua_State *L, int idx, char *buf, size_t n);
void ct_sb_where(lua_State *L, int level, char *out, size_t n);
int ct_sb_haslocation(const char *msg);
int ct_sb_relocate(lua_State *L, const char *msg, char *out, size_t n);

/* sandbox_memory.c: the lua_Alloc of every sandbox (ud: the sandbox) */
void *ct_sb_alloc(void *ud, void *ptr, size_t osize, size_t nsize);

/* sandbox_budget.c */
void ct_sb_hook_on(ct_sandbox *sb);
int ct_sb_overtime(const ct_sandbox *sb);
void ct_sb_kill_memory(lua_State *L, ct_sandbox *sb);
void ct_sb_killmsg(const ct_sandbox *sb, char *out, size_t n);
void ct_sb_fresh_budget(ct_sandbox *sb);
void ct_sb_settle(ct_sandbox *sb);

/* sandbox_call.c */
ct_status ct_sb_call(ct_sandbox *sb, int nargs, int nresults, int fresh,
                     ct_error *err);

/* sandbox_lib.c: lua_CFunctions the state runs as host code */
int ct_sb_build(lua_State *L);       /* the libraries and shared globals */
int ct_sb_newenv(lua_State *L);      /* pushes a new rule-file environment */
int ct_sb_addglobal(lua_State *L);   /* arg 1: a ct_sb_global */

#endif
