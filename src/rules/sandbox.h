/*
** sandbox.h -- one Lua 5.4 state that runs rule files written by strangers.
**
** Threat model.  A rule file may be buggy or hostile.  Whatever it does,
** it must not read or write files, run programs or reach the network;
** must not change what another rule file sees; must not make the output
** depend on time; and must not crash, hang or exhaust the host.  The
** sandbox knows nothing about rules: it creates the state, polices it,
** and runs code in it.
**
** What a rule file gets.  The safe part of the base library (assert
** error getmetatable ipairs next pairs pcall rawequal rawget rawlen
** rawset select tonumber tostring type warn xpcall _VERSION, plus _G, its
** own environment), and `string`, `table`, `math` and `utf8` as read-only
** tables.  Not there: io os debug package require load loadstring dofile
** loadfile collectgarbage coroutine setmetatable print (using one raises
** "clausetag sandbox: 'os' is not available in rule files"), nor
** string.dump, string.pack/unpack/packsize, math.randomseed and Lua's
** pattern functions string.match/gmatch/gsub (their backtracking runs in
** C where no limit reaches it).  string.find searches for plain text
** only: its pattern is never a Lua pattern.  math.random is seeded the
** same in every state, and pairs visits keys in a fixed order (numbers,
** strings bytewise, false, true, then table or function keys unordered),
** since Lua seeds its string hash from the clock; next's order is not
** fixed.  The string metatable is protected
** (getmetatable("") is false), and each rule file has its own global
** environment: its writes land there, reads fall through to the shared,
** read-only globals.  Rule files are loaded as text only; bytecode is
** refused.
**
** Limits.  Every call into the rules (ct_sandbox_load, ct_sandbox_call)
** gets a fresh instruction budget.  Work done in C on a rule's behalf is
** charged to the same budget: one instruction per 64 bytes allocated or
** scanned, one per element moved, sorted or unpacked.  The memory the
** rules hold in the state is capped; what the host puts there (document
** text, clause tables) between ct_sandbox_host_begin/_end or in
** ct_sandbox_host_call does not count.  An optional wall-clock limit per
** call exists for hosts that prefer a bounded run to deterministic
** output.  A rule that breaks a limit is stopped: pcall cannot catch
** the kill, and the call fails with CT_ELIMIT and a message that starts
** with the rule file and line where the limit was hit.  The state stays
** usable for the next call.
**
** Conventions.  Functions that run Lua code do so in protected mode and
** report errors as values; no function here raises, except
** ct_sandbox_charge, which is meant for lua_CFunctions.  Stack effects
** are given as [-pop, +push] like the Lua manual's.  A sandbox and its
** state belong to one thread at a time.
*/
#ifndef CT_SANDBOX_H
#define CT_SANDBOX_H

#include <stddef.h>
#include <lua.h>
#include "clausetag.h"

#define CT_SANDBOX_DEFAULT_INSTRUCTIONS 1000000UL        /* per call */
#define CT_SANDBOX_DEFAULT_MEMORY ((size_t)64 << 20)     /* per state */

typedef struct ct_sandbox ct_sandbox;

typedef struct ct_sandbox_limits {
  unsigned long instructions;  /* VM instructions per call; 0: default */
  size_t memory;               /* bytes the rules may hold; 0: default */
  unsigned long time_ms;       /* wall clock per call; 0: no limit */
} ct_sandbox_limits;

/* Creates a sandbox; `lim` NULL means the defaults.  CT_ENOMEM when the
** state cannot be built. */
ct_status ct_sandbox_new(const ct_sandbox_limits *lim, ct_sandbox **out,
                         ct_error *err);

/* Closes the state and frees the sandbox; NULL is allowed. */
void ct_sandbox_free(ct_sandbox *sb);

/* The state, for pushing values and reading results.  Any API call that
** can raise (anything that allocates) must run in protected mode, e.g.
** inside a C function run by ct_sandbox_host_call. */
lua_State *ct_sandbox_lua(ct_sandbox *sb);

/* The sandbox that owns L (any thread of it), for lua_CFunctions. */
ct_sandbox *ct_sandbox_of(lua_State *L);

/* Adds a global that every environment sees, such as a host library.
** `push` runs in protected mode as host code and must return one value.
** A table is published as a read-only snapshot (nested tables too), so
** no rule file can change what another sees; functions and userdata are
** shared as they are.  [-0, +0] */
ct_status ct_sandbox_addglobal(ct_sandbox *sb, const char *name,
                               lua_CFunction push, ct_error *err);

/* Pushes a fresh environment for one rule file: reads fall through to
** the shared globals, writes stay in it, its metatable is hidden.  The
** host may add fields to it (with ct_sandbox_host_call).  [-0, +1] on
** success, [-0, +0] on failure (CT_ENOMEM). */
ct_status ct_sandbox_newenv(ct_sandbox *sb, ct_error *err);

/* Loads the rule file `path` as text with the environment on top of the
** stack as its _ENV, and runs it under a fresh budget.  Errors:
** CT_EIO ("PATH: No such file or directory"), CT_ESYNTAX ("PATH:12:
** unexpected symbol near 'x'", or "PATH: attempt to load a binary chunk
** (mode is 't')"), CT_ERULE ("PATH:7: attempt to call a nil value ..."),
** CT_ELIMIT ("PATH:7: instruction limit exceeded (1000000
** instructions)"), CT_ENOMEM.  [-1, +0]: the environment is popped,
** whatever the outcome. */
ct_status ct_sandbox_load(ct_sandbox *sb, const char *path, ct_error *err);

/* Calls the function below the `nargs` arguments on top of the stack,
** like lua_pcall, under a fresh budget (a call made from a C function
** that rule code called shares the running budget).  `nresults` may be
** LUA_MULTRET.  Errors: CT_ERULE ("FILE:LINE: message"), CT_ELIMIT
** ("FILE:LINE: instruction limit exceeded (N instructions)", "FILE:LINE:
** memory limit exceeded (64 MiB)", "FILE:LINE: time limit exceeded (N
** ms)"), CT_ENOMEM.  [-(nargs+1), +nresults] on success, [-(nargs+1),
** +0] on failure. */
ct_status ct_sandbox_call(ct_sandbox *sb, int nargs, int nresults,
                          ct_error *err);

/* Calls trusted host code (a lua_CFunction below `nargs` arguments) in
** protected mode, with no budget and no memory cap, its allocations
** counted as the host's.  Errors: CT_ENOMEM, or CT_ERULE with the raised
** message.  Stack effect as ct_sandbox_call. */
ct_status ct_sandbox_host_call(ct_sandbox *sb, int nargs, int nresults,
                               ct_error *err);

/* Brackets host work done in protected mode by other means: memory
** allocated in between is the host's, not the rules', and no budget
** runs.  Nests.  An error raised inside the bracket skips the _end; the
** sandbox then restores the depth at the pcall or ct_sandbox_call that
** catches it, before any rule code runs again. */
void ct_sandbox_host_begin(ct_sandbox *sb);
void ct_sandbox_host_end(ct_sandbox *sb);

/* Charges `units` instructions of C work to the running call; when the
** budget is spent, kills the call (raises).  For lua_CFunctions that
** rule code calls, before expensive work and while they hold no
** resources a raise would leak.  Does nothing in host code. */
void ct_sandbox_charge(lua_State *L, unsigned long units);

/* Kills the running call like a broken limit, with `msg` as the reason
** (CT_ELIMIT, "FILE:LINE: msg"): for limits enforced in C, such as a
** regex's, so that pcall cannot catch them either.  Raises; does nothing
** in host code. */
void ct_sandbox_kill(lua_State *L, const char *msg);

/* Memory the host holds because rule code asked for it (compiled
** regexes, cached phrase matchers) counts against the memory cap as if
** the rules had allocated it.  ct_sandbox_hold counts `bytes` and returns
** 1, or returns 0 and counts nothing when they would pass the cap (the
** caller then frees what it built, or gives up a cache); it never
** raises.  ct_sandbox_release gives back what a hold counted. */
int ct_sandbox_hold(lua_State *L, size_t bytes);
void ct_sandbox_release(lua_State *L, size_t bytes);

/* Bytes the rules hold in the state now (held host memory included). */
size_t ct_sandbox_memory(const ct_sandbox *sb);

/* Where `warn` messages go (one whole message per call); by default they
** are dropped.  Control messages ("@on", "@off") are ignored. */
typedef void (*ct_sandbox_warnfn)(void *ud, const char *msg);
void ct_sandbox_set_warn(ct_sandbox *sb, ct_sandbox_warnfn fn, void *ud);

#endif
