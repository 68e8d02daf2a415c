/*
** test_sandbox.c -- the rule sandbox against hostile rule files.
**
** Every test checks the status and the exact message, then that the
** same state still runs a well-behaved file (the process survived and
** the state is reusable).  Scripts live in tests/sandbox/; tests run
** from the repository root.
*/
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include "helpers.h"
#include "rules/sandbox.h"

#define DIR "tests/sandbox/"
#define LIMIT_MSG "instruction limit exceeded (1000000 instructions)"
#define MEMORY_MSG "memory limit exceeded (64 MiB)"
#define NOT_AVAILABLE(name) \
  "clausetag sandbox: '" name "' is not available in rule files"

/* -- helpers ------------------------------------------------------------ */

static ct_sandbox *mk(unsigned long instructions, size_t memory,
                      unsigned long time_ms) {
  ct_sandbox_limits lim;
  ct_sandbox *sb = NULL;
  ct_error err;
  lim.instructions = instructions;
  lim.memory = memory;
  lim.time_ms = time_ms;
  assert_int_equal(ct_sandbox_new(&lim, &sb, &err), CT_OK);
  assert_non_null(sb);
  return sb;
}

static ct_sandbox *mkdefault(void) { return mk(0, 0, 0); }

static void expect(ct_status got, const ct_error *err, ct_status want,
                   const char *msg) {
  if (got != want || (msg != NULL && strcmp(err->msg, msg) != 0))
    fail_msg("status %d, message \"%s\"; wanted %d, \"%s\"", (int)got,
             got == CT_OK ? "" : err->msg, (int)want, msg ? msg : "");
}

/* Loads a file into a fresh environment that is then dropped. */
static ct_status run(ct_sandbox *sb, const char *path, ct_error *err) {
  ct_status st = ct_sandbox_newenv(sb, err);
  if (st != CT_OK) return st;
  return ct_sandbox_load(sb, path, err);
}

/* Loads a file into a fresh environment left on top of the stack. */
static ct_status run_keep(ct_sandbox *sb, const char *path, ct_error *err) {
  lua_State *L = ct_sandbox_lua(sb);
  ct_status st = ct_sandbox_newenv(sb, err);
  if (st != CT_OK) return st;
  lua_pushvalue(L, -1);
  return ct_sandbox_load(sb, path, err);
}

static int fetch_p(lua_State *L) {
  lua_pushstring(L, (const char *)lua_touserdata(L, 2));
  lua_rawget(L, 1);
  return 1;
}

/* Pushes env[name], read as host code. */
static void fetch(ct_sandbox *sb, int env, const char *name) {
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  env = lua_absindex(L, env);
  lua_pushcfunction(L, fetch_p);
  lua_pushvalue(L, env);
  lua_pushlightuserdata(L, (void *)name);
  expect(ct_sandbox_host_call(sb, 2, 1, &err), &err, CT_OK, NULL);
}

static void expect_field(ct_sandbox *sb, int env, const char *name,
                         const char *want) {
  lua_State *L = ct_sandbox_lua(sb);
  fetch(sb, env, name);
  assert_int_equal(lua_type(L, -1), LUA_TSTRING);
  assert_string_equal(lua_tostring(L, -1), want);
  lua_pop(L, 1);
}

/* The process survived; the state still runs a good file and a call. */
static void assert_usable(ct_sandbox *sb) {
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  assert_int_equal(lua_gettop(L), 0);
  expect(run_keep(sb, DIR "find_plain.lua", &err), &err, CT_OK, NULL);
  expect_field(sb, -1, "result", "fine");
  expect(run_keep(sb, DIR "calls.lua", &err), &err, CT_OK, NULL);
  fetch(sb, -1, "double");
  lua_pushinteger(L, 21);
  expect(ct_sandbox_call(sb, 1, 1, &err), &err, CT_OK, NULL);
  assert_int_equal(lua_tointeger(L, -1), 42);
  lua_settop(L, 0);
}

/* Runs one hostile file in a default sandbox: status, exact message,
** then the same state must still work. */
static void hostile(const char *file, ct_status want, const char *msg) {
  ct_sandbox *sb = mkdefault();
  ct_error err;
  char path[256];
  snprintf(path, sizeof path, DIR "%s", file);
  expect(run(sb, path, &err), &err, want, msg);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* Calls the function `name` of tests/sandbox/calls.lua. */
static ct_status call_fn(ct_sandbox *sb, const char *name, int nargs,
                         ct_error *err) {
  lua_State *L = ct_sandbox_lua(sb);
  ct_error lerr;
  expect(run_keep(sb, DIR "calls.lua", &lerr), &lerr, CT_OK, NULL);
  fetch(sb, -1, name);                  /* args, env, f */
  lua_remove(L, -2);                    /* args, f */
  lua_insert(L, -1 - nargs);            /* f, args */
  return ct_sandbox_call(sb, nargs, 1, err);
}

/* -- creation ------------------------------------------------------------ */

static void test_new_free(void **state) {
  ct_sandbox *sb = NULL;
  ct_error err;
  (void)state;
  assert_int_equal(ct_sandbox_new(NULL, &sb, &err), CT_OK);
  assert_non_null(ct_sandbox_lua(sb));
  assert_ptr_equal(ct_sandbox_of(ct_sandbox_lua(sb)), sb);
  assert_true(ct_sandbox_memory(sb) < 4096);   /* the libraries are the host's */
  assert_usable(sb);
  ct_sandbox_free(sb);
  ct_sandbox_free(NULL);
}

/* -- what is not there --------------------------------------------------- */

static void test_os_execute(void **state) {
  (void)state;
  hostile("os_execute.lua", CT_ERULE,
          DIR "os_execute.lua:1: " NOT_AVAILABLE("os"));
  assert_int_not_equal(access("/tmp/clausetag-pwned", F_OK), 0);
}

static void test_io_open(void **state) {
  (void)state;
  hostile("io_open.lua", CT_ERULE, DIR "io_open.lua:1: " NOT_AVAILABLE("io"));
}

static void test_require(void **state) {
  (void)state;
  hostile("require.lua", CT_ERULE, DIR "require.lua:1: " NOT_AVAILABLE("require"));
}

static void test_load_dump(void **state) {
  (void)state;
  hostile("load_dump.lua", CT_ERULE, DIR "load_dump.lua:1: " NOT_AVAILABLE("load"));
  hostile("string_dump.lua", CT_ERULE,
          DIR "string_dump.lua:1: " NOT_AVAILABLE("string.dump"));
}

static void test_debug(void **state) {
  (void)state;
  hostile("debug.lua", CT_ERULE, DIR "debug.lua:1: " NOT_AVAILABLE("debug"));
}

static void test_collectgarbage(void **state) {
  (void)state;
  hostile("collectgarbage.lua", CT_ERULE,
          DIR "collectgarbage.lua:1: " NOT_AVAILABLE("collectgarbage"));
}

static void test_gc_finalizer(void **state) {
  (void)state;
  hostile("gc_finalizer.lua", CT_ERULE,
          DIR "gc_finalizer.lua:2: " NOT_AVAILABLE("setmetatable"));
}

static void test_print(void **state) {
  (void)state;
  hostile("print.lua", CT_ERULE, DIR "print.lua:1: " NOT_AVAILABLE("print")
          " (ct.log prints with --debug)");
}

static void test_coroutine(void **state) {
  (void)state;
  hostile("coroutine.lua", CT_ERULE,
          DIR "coroutine.lua:1: " NOT_AVAILABLE("coroutine"));
}

static void test_patterns_absent(void **state) {
  (void)state;
  hostile("match.lua", CT_ERULE, DIR "match.lua:2: " NOT_AVAILABLE("string.match"));
  hostile("gmatch.lua", CT_ERULE, DIR "gmatch.lua:2: " NOT_AVAILABLE("string.gmatch"));
  hostile("gsub_method.lua", CT_ERULE,
          DIR "gsub_method.lua:1: " NOT_AVAILABLE("string.gsub"));
}

static void test_randomseed_absent(void **state) {
  (void)state;
  hostile("randomseed.lua", CT_ERULE,
          DIR "randomseed.lua:1: " NOT_AVAILABLE("math.randomseed"));
}

/* -- loading --------------------------------------------------------------- */

static int dump_writer(lua_State *L, const void *p, size_t n, void *ud) {
  (void)L;
  return fwrite(p, 1, n, ud) != n;
}

static void test_bytecode_refused(void **state) {
  char path[] = "/tmp/ct_sandbox_XXXXXX", want[256];
  int fd = mkstemp(path);
  FILE *f;
  lua_State *plain = luaL_newstate();
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  assert_true(fd >= 0 && plain != NULL);
  f = fdopen(fd, "wb");
  assert_non_null(f);
  assert_int_equal(luaL_loadstring(plain, "os.execute('echo pwned')"), LUA_OK);
  assert_int_equal(lua_dump(plain, dump_writer, f, 0), 0);
  fclose(f);
  lua_close(plain);
  snprintf(want, sizeof want, "%s: attempt to load a binary chunk (mode is 't')", path);
  expect(run(sb, path, &err), &err, CT_ESYNTAX, want);
  unlink(path);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_syntax_error(void **state) {
  (void)state;
  hostile("syntax.lua", CT_ESYNTAX,
          DIR "syntax.lua:3: '}' expected (to close '{' at line 1) near <eof>");
}

static void test_runtime_error(void **state) {
  (void)state;
  hostile("runtime.lua", CT_ERULE,
          DIR "runtime.lua:3: attempt to index a nil value (local 'x')");
}

static void test_missing_file(void **state) {
  (void)state;
  hostile("nope.lua", CT_EIO, DIR "nope.lua: No such file or directory");
}

/* A rule file is read whole, within the memory limit: one byte over
** is refused before any of it runs; a directory is no file. */
static void test_file_over_memory(void **state) {
  char path[] = "/tmp/ct_sandbox_XXXXXX", want[256];
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "wb");
  ct_sandbox *sb = mk(0, 1 << 20, 0);
  ct_error err;
  size_t i;
  (void)state;
  assert_non_null(f);
  for (i = 0; i < (1u << 20) / 16; i++) fputs("x = 1 -- padding\n", f);
  fclose(f);
  snprintf(want, sizeof want,
           "%s: rule file larger than the memory limit (1 MiB)", path);
  expect(run(sb, path, &err), &err, CT_ELIMIT, want);
  assert_int_equal(truncate(path, (1 << 20) - 16), 0);
  expect(run(sb, path, &err), &err, CT_OK, NULL);
  unlink(path);
  expect(run(sb, "/tmp", &err), &err, CT_EIO,
         "/tmp: cannot read: Is a directory");
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* Lua shortens long chunk names to 60 bytes; messages keep the path. */
static void test_long_path(void **state) {
  const char *dir = "/tmp/ct_sandbox_a_directory_name_long_enough_to_be_shortened";
  char path[256], want[512];
  ct_sandbox *sb = mkdefault();
  ct_error err;
  FILE *f;
  (void)state;
  mkdir(dir, 0700);
  snprintf(path, sizeof path, "%s/syntax.lua", dir);
  f = fopen(path, "w");
  assert_non_null(f);
  fputs("local x =\n", f);
  fclose(f);
  snprintf(want, sizeof want, "%s:2: unexpected symbol near <eof>", path);
  expect(run(sb, path, &err), &err, CT_ESYNTAX, want);
  f = fopen(path, "w");
  fputs("\nerror('deep')\n", f);
  fclose(f);
  snprintf(want, sizeof want, "%s:2: deep", path);
  expect(run(sb, path, &err), &err, CT_ERULE, want);
  f = fopen(path, "w");
  fputs("local n = 0\nwhile true do n = n + 1 end\n", f);
  fclose(f);
  snprintf(want, sizeof want, "%s:2: " LIMIT_MSG, path);
  expect(run(sb, path, &err), &err, CT_ELIMIT, want);
  unlink(path);
  rmdir(dir);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* A BOM and a first '#' line are skipped, line numbers kept. */
static void test_bom_and_shebang(void **state) {
  char path[] = "/tmp/ct_sandbox_XXXXXX", want[256];
  int fd = mkstemp(path);
  FILE *f = fdopen(fd, "wb");
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  assert_non_null(f);
  fputs("\xEF\xBB\xBF#!/usr/bin/env clausetag\nx = 1\nerror('line three')\n", f);
  fclose(f);
  snprintf(want, sizeof want, "%s:3: line three", path);
  expect(run(sb, path, &err), &err, CT_ERULE, want);
  unlink(path);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* -- the shared string metatable and the libraries ------------------------ */

static void test_string_metatable(void **state) {
  ct_sandbox *sb = mkdefault();
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  (void)state;
  expect(run(sb, DIR "strmeta_patch.lua", &err), &err, CT_ERULE,
         DIR "strmeta_patch.lua:2: attempt to index a boolean value");
  expect(run(sb, DIR "strlib_assign.lua", &err), &err, CT_ERULE,
         DIR "strlib_assign.lua:1: clausetag sandbox: 'string' is read-only");
  expect(run(sb, DIR "strlib_rawset.lua", &err), &err, CT_ERULE,
         DIR "strlib_rawset.lua:1: clausetag sandbox: 'string' is read-only");
  expect(run_keep(sb, DIR "strmeta_check.lua", &err), &err, CT_OK, NULL);
  expect_field(sb, -1, "seen_upper", "ABC");
  lua_pop(L, 1);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_env_isolation(void **state) {
  ct_sandbox *sb = mkdefault();
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  (void)state;
  expect(run_keep(sb, DIR "env_a.lua", &err), &err, CT_OK, NULL);
  expect_field(sb, -1, "shared", "from A");
  expect(run_keep(sb, DIR "env_b.lua", &err), &err, CT_OK, NULL);
  expect_field(sb, -1, "saw", "ok");
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_find_plain(void **state) {
  (void)state;
  hostile("find_plain.lua", CT_OK, NULL);
}

static void test_backtracking_pattern(void **state) {
  clock_t t0 = clock();
  (void)state;
  hostile("backtrack.lua", CT_OK, NULL);
  assert_true(clock() - t0 < 5 * CLOCKS_PER_SEC);
}

static void test_random_deterministic(void **state) {
  ct_sandbox *a = mkdefault(), *b = mkdefault();
  ct_error err;
  char first[128];
  (void)state;
  expect(run_keep(a, DIR "random.lua", &err), &err, CT_OK, NULL);
  expect(run_keep(b, DIR "random.lua", &err), &err, CT_OK, NULL);
  fetch(a, -1, "sequence");
  snprintf(first, sizeof first, "%s", lua_tostring(ct_sandbox_lua(a), -1));
  assert_true(strlen(first) >= 9);
  expect_field(b, -1, "sequence", first);
  lua_settop(ct_sandbox_lua(a), 0);
  lua_settop(ct_sandbox_lua(b), 0);
  ct_sandbox_free(a);
  ct_sandbox_free(b);
}

static void test_pairs_order(void **state) {
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  expect(run_keep(sb, DIR "pairs.lua", &err), &err, CT_OK, NULL);
  expect_field(sb, -1, "order", "1,1.5,2,10,,Zeta,al,alpha,eta,kappa,false,true");
  lua_pop(ct_sandbox_lua(sb), 1);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_error_values(void **state) {
  (void)state;
  hostile("error_table.lua", CT_ERULE,
          DIR "error_table.lua:1: (error object is a table value)");
  hostile("error_level0.lua", CT_ERULE, DIR "error_level0.lua:1: plain message");
}

/* -- instruction budget ---------------------------------------------------- */

static void test_infinite_loop(void **state) {
  (void)state;
  hostile("loop.lua", CT_ELIMIT, DIR "loop.lua:1: " LIMIT_MSG);
}

static void test_pcall_cannot_catch(void **state) {
  (void)state;
  hostile("pcall_loop.lua", CT_ELIMIT, DIR "pcall_loop.lua:1: " LIMIT_MSG);
  hostile("pcall_forever.lua", CT_ELIMIT, DIR "pcall_forever.lua:1: " LIMIT_MSG);
  hostile("xpcall_loop.lua", CT_ELIMIT, DIR "xpcall_loop.lua:1: " LIMIT_MSG);
}

static void test_c_loops_charged(void **state) {
  (void)state;
  hostile("table_move.lua", CT_ELIMIT, DIR "table_move.lua:1: " LIMIT_MSG);
  hostile("table_insert.lua", CT_ELIMIT, DIR "table_insert.lua:3: " LIMIT_MSG);
}

static void test_recursion(void **state) {
  ct_sandbox *sb = mk(1000000000UL, (size_t)512 << 20, 0);
  ct_error err;
  (void)state;
  /* with room enough, Lua's own stack limit stops it */
  expect(run(sb, DIR "recursion.lua", &err), &err, CT_ERULE,
         DIR "recursion.lua:1: stack overflow");
  assert_usable(sb);
  ct_sandbox_free(sb);
  /* with the defaults, the budget runs out first */
  hostile("recursion.lua", CT_ELIMIT, DIR "recursion.lua:1: " LIMIT_MSG);
}

/* -- memory ---------------------------------------------------------------- */

static void test_string_rep(void **state) {
  (void)state;
  /* 2^31 copies are charged before Lua tries them (or finds the result
  ** too large) */
  hostile("rep_toolarge.lua", CT_ELIMIT,
          DIR "rep_toolarge.lua:1: instruction limit exceeded (1000000 "
          "instructions)");
  hostile("rep_empty.lua", CT_ELIMIT,
          DIR "rep_empty.lua:2: instruction limit exceeded (1000000 "
          "instructions)");
  hostile("rep_huge.lua", CT_ELIMIT, DIR "rep_huge.lua:1: instruction limit "
          "exceeded (1000000 instructions)");
  /* doubling a string charges its bytes: the budget runs out first */
  hostile("pcall_memory.lua", CT_ELIMIT, DIR "pcall_memory.lua:1: " LIMIT_MSG);
}

/* With budget to spare, the memory cap stops doubling, and pcall
** cannot catch that either. */
static void test_doubling_memory(void **state) {
  ct_sandbox *sb = mk(ULONG_MAX, 0, 0);
  ct_error err;
  (void)state;
  expect(run(sb, DIR "pcall_memory.lua", &err), &err, CT_ELIMIT,
         DIR "pcall_memory.lua:1: " MEMORY_MSG);
  expect(run(sb, DIR "concat_double.lua", &err), &err, CT_ELIMIT,
         DIR "concat_double.lua:2: " MEMORY_MSG);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* Reads the number env.n, left by a killed file. */
static lua_Integer field_n(ct_sandbox *sb) {
  lua_State *L = ct_sandbox_lua(sb);
  lua_Integer n;
  fetch(sb, -1, "n");
  assert_int_equal(lua_type(L, -1), LUA_TNUMBER);
  n = lua_tointeger(L, -1);
  lua_settop(L, 0);
  return n;
}

/* The allocator refuses growth once the budget is spent: a loop whose
** every turn copies 2 MiB (32,768 instructions' worth) stops after
** 1,000,000 / 32,768 turns, not at the hook 1,000 instructions on (some
** 160 turns, 320 MiB copied). */
static void test_growth_spends_budget(void **state) {
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  expect(run_keep(sb, DIR "concat_loop.lua", &err), &err, CT_ELIMIT,
         DIR "concat_loop.lua:6: " LIMIT_MSG);
  assert_true(field_n(sb) <= 1000000 / 32768);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* ... and once the deadline has passed: 40 MiB a turn, 300 ms allowed,
** in which no machine copies 2 GiB (50 turns).  The hook alone, 1,000
** instructions (some 100 turns, 4 GiB) apart, would let it run on. */
static void test_growth_meets_deadline(void **state) {
  ct_sandbox *sb = mk(ULONG_MAX, (size_t)256 << 20, 300);
  ct_error err;
  lua_Integer n;
  (void)state;
  /* line 6, or line 4 where making the 20 MiB takes 300 ms already
  ** (AddressSanitizer on a loaded machine) */
  expect(run_keep(sb, DIR "concat_loop_time.lua", &err), &err, CT_ELIMIT, NULL);
  if (strcmp(err.msg, DIR "concat_loop_time.lua:6: time limit exceeded (300 ms)") != 0)
    assert_string_equal(err.msg,
                        DIR "concat_loop_time.lua:4: time limit exceeded (300 ms)");
  n = field_n(sb);
  if (n >= 50) fail_msg("%lld turns of 40 MiB in 300 ms", (long long)n);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_table_grows(void **state) {
  ct_sandbox *sb = mk(1000000000UL, (size_t)8 << 20, 0);
  ct_error err;
  (void)state;
  expect(run(sb, DIR "table_grow.lua", &err), &err, CT_ELIMIT,
         DIR "table_grow.lua:2: memory limit exceeded (8 MiB)");
  assert_true(ct_sandbox_memory(sb) < ((size_t)1 << 20));   /* collected */
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* -- calls ----------------------------------------------------------------- */

/* A limit enforced in C (ct_sandbox_kill) sticks like the budget. */
static int host_kill(lua_State *L) {
  ct_sandbox_kill(L, "killed by the host");
  return 0;
}

static int push_host_kill(lua_State *L) {
  lua_pushcfunction(L, host_kill);
  return 1;
}

static void test_host_kill(void **state) {
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  assert_int_equal(ct_sandbox_addglobal(sb, "host_kill", push_host_kill, &err),
                   CT_OK);
  expect(run(sb, DIR "host_kill.lua", &err), &err, CT_ELIMIT,
         DIR "host_kill.lua:3: killed by the host");
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_calls(void **state) {
  ct_sandbox *sb = mkdefault();
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  int i;
  (void)state;
  for (i = 0; i < 3; i++) {             /* each call has its own budget */
    expect(call_fn(sb, "spin", 0, &err), &err, CT_ELIMIT,
           DIR "calls.lua:5: " LIMIT_MSG);
    assert_int_equal(lua_gettop(L), 0);   /* the function is gone */
    lua_pushinteger(L, 21);
    expect(call_fn(sb, "double", 1, &err), &err, CT_OK, NULL);
    assert_int_equal(lua_tointeger(L, -1), 42);
    lua_settop(L, 0);
  }
  expect(call_fn(sb, "boom", 0, &err), &err, CT_ERULE, DIR "calls.lua:9: boom");
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_call_memory(void **state) {
  ct_sandbox *sb = mk(1000000000UL, (size_t)4 << 20, 0);
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  (void)state;
  expect(call_fn(sb, "hog", 0, &err), &err, CT_ELIMIT,
         DIR "calls.lua:14: memory limit exceeded (4 MiB)");
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_call_recursion(void **state) {
  ct_sandbox *sb = mkdefault();
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  (void)state;
  expect(call_fn(sb, "recurse", 0, &err), &err, CT_ELIMIT,
         DIR "calls.lua:22: " LIMIT_MSG);
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_time_limit(void **state) {
  ct_sandbox *sb = mk(ULONG_MAX, 0, 100);
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  (void)state;
  expect(call_fn(sb, "spin", 0, &err), &err, CT_ELIMIT,
         DIR "calls.lua:5: time limit exceeded (100 ms)");
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* -- host memory ----------------------------------------------------------- */

static int push_big(lua_State *L) {
  luaL_Buffer b;
  char *p = luaL_buffinitsize(L, &b, (size_t)4 << 20);
  memset(p, 'x', (size_t)4 << 20);
  luaL_pushresultsize(&b, (size_t)4 << 20);
  return 1;
}

static void test_host_memory_not_charged(void **state) {
  ct_sandbox *sb = mk(0, (size_t)1 << 20, 0);
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  int i;
  (void)state;
  for (i = 0; i < 3; i++) {
    lua_pushcfunction(L, push_big);
    expect(ct_sandbox_host_call(sb, 0, 1, &err), &err, CT_OK, NULL);
    assert_true(ct_sandbox_memory(sb) < ((size_t)1 << 20));
    expect(call_fn(sb, "hold", 1, &err), &err, CT_OK, NULL);
    assert_int_equal(lua_tointeger(L, -1), 4 << 20);
    lua_settop(L, 0);
  }
  lua_pushcfunction(L, push_big);
  expect(ct_sandbox_host_call(sb, 0, 1, &err), &err, CT_OK, NULL);
  expect(call_fn(sb, "grow", 1, &err), &err, CT_ELIMIT,
         DIR "calls.lua:19: memory limit exceeded (1 MiB)");
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* The host's own protected call, bracketed: its memory is the host's. */
static void test_host_bracket(void **state) {
  ct_sandbox *sb = mk(0, (size_t)1 << 20, 0);
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  (void)state;
  ct_sandbox_host_begin(sb);
  lua_pushcfunction(L, push_big);
  assert_int_equal(lua_pcall(L, 0, 1, 0), LUA_OK);
  ct_sandbox_host_end(sb);
  assert_true(ct_sandbox_memory(sb) < ((size_t)1 << 20));
  expect(call_fn(sb, "hold", 1, &err), &err, CT_OK, NULL);
  assert_int_equal(lua_tointeger(L, -1), 4 << 20);
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* A host function that calls back into rule code: the inner call shares
** the running budget, and a kill inside it stops the outer call too. */
static int nest(lua_State *L) {
  ct_error err;
  luaL_checktype(L, 1, LUA_TFUNCTION);
  lua_settop(L, 1);
  if (ct_sandbox_call(ct_sandbox_of(L), 0, 1, &err) != CT_OK)
    return luaL_error(L, "nested: %s", err.msg);
  return 1;
}

static int push_nest(lua_State *L) {
  lua_pushcfunction(L, nest);
  return 1;
}

static ct_status call_nest(ct_sandbox *sb, const char *name, ct_error *err) {
  lua_State *L = ct_sandbox_lua(sb);
  ct_error lerr;
  expect(run_keep(sb, DIR "nest.lua", &lerr), &lerr, CT_OK, NULL);
  fetch(sb, -1, name);
  lua_remove(L, -2);
  return ct_sandbox_call(sb, 0, 1, err);
}

static void test_nested_calls(void **state) {
  ct_sandbox *sb = mkdefault();
  lua_State *L = ct_sandbox_lua(sb);
  ct_error err;
  (void)state;
  expect(ct_sandbox_addglobal(sb, "nest", push_nest, &err), &err, CT_OK, NULL);
  expect(call_nest(sb, "ok", &err), &err, CT_OK, NULL);
  assert_string_equal(lua_tostring(L, -1), "inner");
  lua_settop(L, 0);
  expect(call_nest(sb, "spin", &err), &err, CT_ELIMIT, DIR "nest.lua:2: " LIMIT_MSG);
  assert_int_equal(lua_gettop(L), 0);
  expect(call_nest(sb, "fail", &err), &err, CT_ERULE,
         DIR "nest.lua:3: nested: " DIR "nest.lua:3: inner failure");
  lua_settop(L, 0);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* A host function that raises inside its host section. */
static int leaky(lua_State *L) {
  ct_sandbox_host_begin(ct_sandbox_of(L));
  return luaL_error(L, "host failure");
}

static int push_leaky(lua_State *L) {
  lua_pushcfunction(L, leaky);
  return 1;
}

static void test_host_section_leak(void **state) {
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  expect(ct_sandbox_addglobal(sb, "leaky", push_leaky, &err), &err, CT_OK, NULL);
  expect(run(sb, DIR "host_leak.lua", &err), &err, CT_ELIMIT,
         DIR "host_leak.lua:4: " LIMIT_MSG);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

static void test_misuse(void **state) {
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  expect(ct_sandbox_call(sb, 0, 0, &err), &err, CT_EUSAGE,
         "ct_sandbox_call: no function to call");
  expect(ct_sandbox_host_call(sb, 2, 0, &err), &err, CT_EUSAGE,
         "ct_sandbox_host_call: no function to call");
  lua_pushnil(ct_sandbox_lua(sb));                 /* not a function */
  expect(ct_sandbox_call(sb, 0, 0, &err), &err, CT_ERULE,
         "attempt to call a nil value");
  assert_usable(sb);
  ct_sandbox_free(sb);
}

/* -- host globals and warnings -------------------------------------------- */

static int greet(lua_State *L) {
  lua_pushfstring(L, "hi %s", luaL_checkstring(L, 1));
  return 1;
}

static int push_ct(lua_State *L) {
  lua_newtable(L);
  lua_pushliteral(L, "test");
  lua_setfield(L, -2, "version");
  lua_pushcfunction(L, greet);
  lua_setfield(L, -2, "greet");
  lua_newtable(L);
  lua_pushinteger(L, 1);
  lua_setfield(L, -2, "x");
  lua_pushvalue(L, -2);
  lua_setfield(L, -2, "parent");        /* a cycle */
  lua_setfield(L, -2, "nested");
  return 1;
}

static void test_addglobal(void **state) {
  ct_sandbox *sb = mkdefault();
  ct_error err;
  (void)state;
  expect(ct_sandbox_addglobal(sb, "ct", push_ct, &err), &err, CT_OK, NULL);
  expect(run_keep(sb, DIR "hostlib.lua", &err), &err, CT_OK, NULL);
  expect_field(sb, -1, "result", "fine");
  lua_pop(ct_sandbox_lua(sb), 1);
  expect(run_keep(sb, DIR "hostlib.lua", &err), &err, CT_OK, NULL);   /* unchanged */
  expect_field(sb, -1, "result", "fine");
  lua_pop(ct_sandbox_lua(sb), 1);
  assert_usable(sb);
  ct_sandbox_free(sb);
}

struct warnings { char text[256]; int n; };

static void on_warn(void *ud, const char *msg) {
  struct warnings *w = ud;
  size_t l = strlen(w->text);
  snprintf(w->text + l, sizeof w->text - l, "%s[%s]", w->n ? " " : "", msg);
  w->n++;
}

static void test_warn(void **state) {
  ct_sandbox *sb = mkdefault();
  struct warnings w;
  ct_error err;
  (void)state;
  memset(&w, 0, sizeof w);
  ct_sandbox_set_warn(sb, on_warn, &w);
  expect(run(sb, DIR "warn.lua", &err), &err, CT_OK, NULL);
  assert_string_equal(w.text, "[hello world] [second]");
  assert_int_equal(w.n, 2);
  ct_sandbox_free(sb);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_new_free),
    cmocka_unit_test(test_os_execute),
    cmocka_unit_test(test_io_open),
    cmocka_unit_test(test_require),
    cmocka_unit_test(test_load_dump),
    cmocka_unit_test(test_debug),
    cmocka_unit_test(test_collectgarbage),
    cmocka_unit_test(test_gc_finalizer),
    cmocka_unit_test(test_print),
    cmocka_unit_test(test_coroutine),
    cmocka_unit_test(test_patterns_absent),
    cmocka_unit_test(test_randomseed_absent),
    cmocka_unit_test(test_bytecode_refused),
    cmocka_unit_test(test_syntax_error),
    cmocka_unit_test(test_runtime_error),
    cmocka_unit_test(test_missing_file),
    cmocka_unit_test(test_file_over_memory),
    cmocka_unit_test(test_long_path),
    cmocka_unit_test(test_bom_and_shebang),
    cmocka_unit_test(test_string_metatable),
    cmocka_unit_test(test_env_isolation),
    cmocka_unit_test(test_find_plain),
    cmocka_unit_test(test_backtracking_pattern),
    cmocka_unit_test(test_random_deterministic),
    cmocka_unit_test(test_pairs_order),
    cmocka_unit_test(test_error_values),
    cmocka_unit_test(test_infinite_loop),
    cmocka_unit_test(test_pcall_cannot_catch),
    cmocka_unit_test(test_c_loops_charged),
    cmocka_unit_test(test_recursion),
    cmocka_unit_test(test_string_rep),
    cmocka_unit_test(test_table_grows),
    cmocka_unit_test(test_host_kill),
    cmocka_unit_test(test_calls),
    cmocka_unit_test(test_call_memory),
    cmocka_unit_test(test_doubling_memory),
    cmocka_unit_test(test_growth_spends_budget),
    cmocka_unit_test(test_growth_meets_deadline),
    cmocka_unit_test(test_call_recursion),
    cmocka_unit_test(test_time_limit),
    cmocka_unit_test(test_host_memory_not_charged),
    cmocka_unit_test(test_host_bracket),
    cmocka_unit_test(test_nested_calls),
    cmocka_unit_test(test_host_section_leak),
    cmocka_unit_test(test_misuse),
    cmocka_unit_test(test_addglobal),
    cmocka_unit_test(test_warn),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
