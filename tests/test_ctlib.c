/*
** test_ctlib.c -- the `ct` Lua library on a plain Lua state.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include "helpers.h"
#include "rules/ctlib.h"

/* (a+)+$ on 40 a's and a b: the limit shared by 42 start positions */
#define CAT_LIMIT                                                  \
  "regex match limit exceeded (match limit 1000000, 23809 steps a " \
  "start position on 41 bytes)"

/* ---------------------------------------------------------------------
** Helpers
** ------------------------------------------------------------------- */

/* A host function in the style of c:find: cfind(regex or pattern, s). */
static int cfind(lua_State *L) {
  const ct_regex *re = ct_lua_checkregex(L, 1);
  size_t len, ms, me;
  const char *s = luaL_checklstring(L, 2, &len);
  if (!ct_lua_find(L, re, s, len, 0, &ms, &me)) return 0;
  lua_pushinteger(L, (lua_Integer)ms + 1);
  lua_pushinteger(L, (lua_Integer)me);
  lua_pushboolean(L, lua_type(L, 1) == LUA_TUSERDATA);
  return 3;
}

static int setup(void **state) {
  lua_State *L = luaL_newstate();
  if (L == NULL) return -1;
  luaL_openlibs(L);
  lua_pushcfunction(L, ct_lua_open_ct);
  lua_call(L, 0, 1);
  lua_setglobal(L, "ct");
  lua_register(L, "cfind", cfind);
  *state = L;
  return 0;
}

static int teardown(void **state) {
  lua_close(*state);
  return 0;
}

/* Runs a chunk that must succeed (its asserts are Lua asserts). */
static void run(lua_State *L, const char *code) {
  if (luaL_dostring(L, code) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    fail_msg("lua: %s\n--- in:\n%s", msg ? msg : "?", code);
  }
  lua_settop(L, 0);
}

/* Runs a one-line chunk named "rule" that must fail with exactly
** "rule:1: " + msg: errors raised in C name the rule's line. */
static void run_fails(lua_State *L, const char *code, const char *msg) {
  char want[512];
  if (luaL_loadbufferx(L, code, strlen(code), "=rule", "t") != LUA_OK ||
      lua_pcall(L, 0, 0, 0) == LUA_OK)
    fail_msg("no error from:\n%s", code);
  snprintf(want, sizeof want, "rule:1: %s", msg);
  assert_string_equal(lua_tostring(L, -1), want);
  lua_settop(L, 0);
}

/* ---------------------------------------------------------------------
** Cases
** ------------------------------------------------------------------- */

static void test_fold(void **state) {
  lua_State *L = *state;
  run(L, "assert(ct.fold('ＡＢＣ Straße ﬁ') == 'abc strasse fi')");
  run(L, "assert(ct.fold('CLIMATE Change') == 'climate change')");
  run(L, "assert(ct.fold('') == '')");
  run(L, "assert(ct.fold('탄소중립') == '탄소중립')");
  run(L, "assert(ct.fold(2050) == '2050')");
}

static void test_find(void **state) {
  lua_State *L = *state;
  run(L, "local r = ct.re('(\\\\w+)-(\\\\w+)')\n"
         "local s, e, a, b = r:find('the Net-Zero goal')\n"
         "assert(s == 5 and e == 12 and a == 'Net' and b == 'Zero')\n"
         "assert(r:find('no pairs') == nil)\n"
         "assert(select('#', r:find('no pairs')) == 1)\n"
         "s, e = r:find('a-b c-d', 2)\n"
         "assert(s == 5 and e == 7)\n");
  /* init like string.find: 1-based, negative from the end, past the end */
  run(L, "local r = ct.re('o')\n"
         "assert(r:find('foo') == 2)\n"
         "assert(r:find('foo', 3) == 3)\n"
         "assert(r:find('foo', -1) == 3)\n"
         "assert(r:find('foo', -10) == 2)\n"
         "assert(r:find('foo', 4) == nil)\n"
         "local s, e = ct.re(''):find('ab', 3)\n"
         "assert(s == 3 and e == 2)\n"
         "assert(ct.re(''):find('ab', 4) == nil)\n");
  /* the extremes of init: no overflow (UBSan), clamped like string.find */
  run(L, "local r = ct.re('o')\n"
         "assert(r:find('foo', math.mininteger) == 2)\n"
         "assert(r:find('foo', math.maxinteger) == nil)\n"
         "assert(r:match('foo', math.mininteger) == 'o')\n"
         "local n = 0\n"
         "for m in r:gmatch('foo', math.mininteger) do n = n + 1 end\n"
         "assert(n == 2)\n"
         "for m in r:gmatch('foo', math.maxinteger) do n = n + 1 end\n"
         "assert(n == 2)\n");
  /* without captures: just the range; byte offsets like string.find */
  run(L, "local s, e, x = ct.re('중립'):find('탄소중립')\n"
         "assert(s == 7 and e == 12 and x == nil)\n"
         "assert(ct.re('CLIMATE'):find('climate') == 1)\n"
         "assert(ct.re('(?-i)CLIMATE'):find('climate') == nil)\n");
}

static void test_match(void **state) {
  lua_State *L = *state;
  run(L, "assert(ct.re('\\\\d+'):match('by 2050 or 2060') == '2050')\n"
         "assert(ct.re('\\\\d+'):match('by 2050 or 2060', 9) == '2060')\n"
         "assert(ct.re('\\\\d+'):match('none') == nil)\n"
         "local y, m = ct.re('(\\\\d{4})-(\\\\d\\\\d)'):match('on 2021-05-21')\n"
         "assert(y == '2021' and m == '05')\n"
         "local a, b = ct.re('(a)|(b)'):match('b')\n"
         "assert(a == false and b == 'b')\n"
         "assert(ct.re('\\\\bÉNERGIE\\\\b'):match(\"l'énergie\") == 'énergie')\n");
}

static void test_gmatch(void **state) {
  lua_State *L = *state;
  run(L, "local t = {}\n"
         "for w in ct.re('\\\\w+'):gmatch('net-zero 탄소중립') do t[#t+1] = w end\n"
         "assert(table.concat(t, '|') == 'net|zero|탄소중립')\n"
         "t = {}\n"
         "for k, v in ct.re('(\\\\w)=(\\\\d)'):gmatch('a=1, b=2;c=3') do\n"
         "  t[#t+1] = k .. v end\n"
         "assert(table.concat(t, ' ') == 'a1 b2 c3')\n"
         "t = {}\n"
         "for m in ct.re('x*'):gmatch('axb') do t[#t+1] = '[' .. m .. ']' end\n"
         "assert(table.concat(t) == '[][x][][]', table.concat(t))\n"
         "t = {}\n"
         "for m in ct.re('\\\\d'):gmatch('1 2 3', 3) do t[#t+1] = m end\n"
         "assert(table.concat(t) == '23')\n"
         "for m in ct.re('\\\\d'):gmatch('123', 9) do error('past end') end\n"
         "local it = ct.re('a'):gmatch('a')\n"
         "assert(it() == 'a' and it() == nil and it() == nil)\n");
}

static void test_cache(void **state) {
  lua_State *L = *state;
  run(L, "assert(ct.re('abc') == ct.re('abc'))\n"
         "assert(ct.re('abc') ~= ct.re('abd'))\n"
         "assert(ct.re('abc') ~= ct.re('ABC'))\n"
         "assert(tostring(ct.re('a+b')) == 'ct.re(a+b)')\n"
         "assert(getmetatable(ct.re('a')) == false)\n"
         /* a `when` function calling ct.re on every clause */
         "local seen\n"
         "for i = 1, 1000 do\n"
         "  local r = ct.re('\\\\bclimate\\\\b')\n"
         "  assert(seen == nil or r == seen); seen = r\n"
         "end\n"
         /* more patterns than the cache holds: old ones still work */
         "local keep = ct.re('p0')\n"
         "for i = 1, 700 do assert(ct.re('p' .. i):find('xp' .. i) == 2) end\n"
         "assert(keep:find('p0') == 1)\n"
         "collectgarbage()\n"
         "assert(keep:find('p0') == 1 and ct.re('p0'):find('p0') == 1)\n");
}

static void test_bad_arguments(void **state) {
  lua_State *L = *state;
  run_fails(L, "ct.re()",
            "bad argument #1 to 're' (string expected, got no value)");
  run_fails(L, "ct.re({})",
            "bad argument #1 to 're' (string expected, got table)");
  run_fails(L, "ct.re('a\\0b')",
            "bad argument #1 to 're' (pattern contains a NUL byte)");
  run_fails(L, "ct.fold(nil)",
            "bad argument #1 to 'fold' (string expected, got nil)");
  run_fails(L, "ct.words(true)",
            "bad argument #1 to 'words' (string expected, got boolean)");
  run_fails(L, "ct.re('a'):find()",
            "bad argument #1 to 'find' (string expected, got no value)");
  run_fails(L, "ct.re('a'):match({})",
            "bad argument #1 to 'match' (string expected, got table)");
  run_fails(L, "ct.re('a'):gmatch()",
            "bad argument #1 to 'gmatch' (string expected, got no value)");
  run_fails(L, "ct.re('a'):find('a', 'x')",
            "bad argument #2 to 'find' (number expected, got string)");
  run_fails(L, "local r = ct.re('a'); r.find('a', 'a')",
            "bad argument #1 to 'find' (ct.regex expected, got string)");
  run_fails(L, "local r = ct.re('a'); r.match(nil, 'a')",
            "bad argument #1 to 'match' (ct.regex expected, got nil)");
  /* subjects past the cap are refused, not searched */
  run(L, "assert(ct.re('z'):find(string.rep('a', 65535) .. 'z') == 65536)");
  run_fails(L, "ct.re('z'):find(string.rep('a', 65536) .. 'z')",
            "ct.re: subject too long (65537 bytes; at most 65536)");
  run_fails(L, "ct.re('z'):match(string.rep('a', 70000))",
            "ct.re: subject too long (70000 bytes; at most 65536)");
  run_fails(L, "ct.re('z'):gmatch(string.rep('a', 70000))",
            "ct.re: subject too long (70000 bytes; at most 65536)");
}

static void test_pattern_errors(void **state) {
  lua_State *L = *state;
  run_fails(L, "ct.re('a(')",
            "regex error at offset 2: missing closing parenthesis");
  run_fails(L, "ct.re('\\\\C')", "regex error at offset 2: using \\C is "
            "disabled by the application");
  /* the failed pattern is not cached: it fails again the same way */
  run_fails(L, "pcall(ct.re, 'a('); ct.re('a(')",
            "regex error at offset 2: missing closing parenthesis");
}

static int limit_calls;
static char limit_msg[200];

static void on_limit(lua_State *L, void *ud, const char *msg) {
  (void)L;
  limit_calls += *(int *)ud;
  snprintf(limit_msg, sizeof limit_msg, "%s", msg);
}

static void test_limits(void **state) {
  lua_State *L = *state;
  static int one = 1;
  ct_regex_limits lim;
  assert_int_equal(ct_lua_on_limit(L, on_limit, &one), CT_OK);
  limit_calls = 0;
  run_fails(L, "ct.re('(a+)+$'):find(string.rep('a', 40) .. 'b')",
            CAT_LIMIT);
  run_fails(L, "for m in ct.re('(a+)+$'):gmatch(string.rep('a', 40) .. 'b') "
            "do end", CAT_LIMIT);
  run_fails(L, "cfind('(a+)+$', string.rep('a', 40) .. 'b')",
            CAT_LIMIT);
  assert_int_equal(limit_calls, 3);
  assert_string_equal(limit_msg,
                      CAT_LIMIT);
  ct_regex_default_limits(&lim);
  lim.match_limit = 10;
  assert_int_equal(ct_lua_set_limits(L, &lim), CT_OK);
  run_fails(L, "ct.re('(a|b)*\\\\d'):match(string.rep('ab', 20))",
            "regex match limit exceeded (match limit 10)");
  assert_int_equal(limit_calls, 4);
}

static int zero_charges;

/* A host whose time is up at the third look at its clock. */
static void stop_third(lua_State *L, void *ud, unsigned long units) {
  (void)ud;
  if (units == 0 && ++zero_charges == 3) {
    lua_pushliteral(L, "time is up");
    lua_error(L);
  }
}

/* A long search asks the host between its windows (a charge of 0, which
** reads a sandbox's clock), so the host's deadline stops it there: one
** search of fifteen lookaheads over 16,000 bytes takes a second or
** two, within the match limit, and no instruction runs meanwhile. */
static void test_search_meets_deadline(void **state) {
  static const char *calls[] = {"r:find(s)", "for m in r:gmatch(s) do end",
                                "cfind(r, s)"};
  lua_State *L = *state;
  size_t i;
  run(L, "local a = {}\n"
         "for i = 1, 15 do a[#a + 1] = '(?=[^z]*+z' .. i .. ')' end\n"
         "r = ct.re('.(?:' .. table.concat(a, '|') .. ')')\n"
         "s = ('a'):rep(16000)");
  assert_int_equal(ct_lua_on_charge(L, stop_third, NULL), CT_OK);
  for (i = 0; i < sizeof calls / sizeof *calls; i++) {
    zero_charges = 0;
    if (luaL_dostring(L, calls[i]) == LUA_OK)
      fail_msg("%s: ran to its end", calls[i]);
    assert_string_equal(lua_tostring(L, -1), "time is up");
    assert_int_equal(zero_charges, 3);
    lua_settop(L, 0);
  }
  assert_int_equal(ct_lua_on_charge(L, NULL, NULL), CT_OK);
  run(L, "assert(r:find(('a'):rep(100) .. 'z15') == 1)");
}

/* Compiled regexes count against a per-state cap; garbage is collected
** before giving up. */
static void test_regex_memory(void **state) {
  lua_State *L = *state;
  assert_int_equal(ct_lua_set_regex_memory(L, 200000), CT_OK);
  run(L, "for i = 1, 3000 do\n"
         "  assert(ct.re('w' .. i .. '\\\\w+'):find('w' .. i .. 'x'))\n"
         "end\n");
  run_fails(L, "keep = {} for i = 1, 3000 do "
            "keep[i] = ct.re('k' .. i .. '\\\\w+') end",
            "ct.re: no memory left for compiled regexes (the memory limit "
            "is reached)");
  run(L, "keep = nil; collectgarbage(); assert(ct.re('again'):find('again'))");
}

/* The host is told of every compiled regex's bytes, may refuse them, and
** gets back all it was told once the regexes are collected. */
static size_t held, hold_cap;
static int on_hold(lua_State *L, void *ud, size_t bytes, int release) {
  (void)L;
  (void)ud;
  if (release) {
    assert_true(bytes <= held);
    held -= bytes;
    return 1;
  }
  if (bytes > hold_cap - held) return 0;
  held += bytes;
  return 1;
}

static void test_regex_hold(void **state) {
  lua_State *L = *state;
  held = 0;
  hold_cap = 100000;
  assert_int_equal(ct_lua_on_hold(L, on_hold, NULL), CT_OK);
  run(L, "r = ct.re('a+b')");
  assert_true(held > 0);
  run_fails(L, "keep = {} for i = 1, 3000 do "
            "keep[i] = ct.re('k' .. i .. '\\\\w+') end",
            "ct.re: no memory left for compiled regexes (the memory limit "
            "is reached)");
  assert_true(held <= hold_cap);
  run(L, "keep = nil; r = nil; assert(ct.re('again'):find('again'))");
  lua_close(L);                       /* finalizers give everything back */
  assert_int_equal(held, 0);
  *state = luaL_newstate();           /* for the teardown */
}

/* ct.fold's C buffers are held too, while the fold runs: a string that
** folds elevenfold (U+FDFA, 3 bytes to 33) stops at the cap instead of
** taking eleven times its size outside it; one that fits folds as before
** and gives back what was held. */
static void test_fold_hold(void **state) {
  lua_State *L = *state;
  held = 0;
  hold_cap = 1000000;
  assert_int_equal(ct_lua_on_hold(L, on_hold, NULL), CT_OK);
  run(L, "assert(ct.fold(('\\u{FDFA}'):rep(1000)) == "
         "('\\u{635}\\u{644}\\u{649} \\u{627}\\u{644}\\u{644}\\u{647} "
         "\\u{639}\\u{644}\\u{64A}\\u{647} \\u{648}\\u{633}\\u{644}"
         "\\u{645}'):rep(1000))");
  assert_int_equal(held, 0);
  run_fails(L, "return ct.fold(('\\u{FDFA}'):rep(100000))",
            "ct.fold: memory limit exceeded (the folded string does not fit)");
  assert_int_equal(held, 0);
  hold_cap = 1u << 30;                /* room: the same string folds */
  run(L, "assert(#ct.fold(('\\u{FDFA}'):rep(100000)) == 3300000)");
  assert_int_equal(held, 0);
}

static void test_not_opened(void **state) {
  lua_State *L = luaL_newstate();
  (void)state;
  assert_int_equal(ct_lua_on_limit(L, on_limit, NULL), CT_EUSAGE);
  assert_int_equal(ct_lua_set_limits(L, NULL), CT_EUSAGE);
  assert_int_equal(ct_lua_set_regex_memory(L, 1), CT_EUSAGE);
  /* opening twice shares one state: the cache is common */
  luaL_openlibs(L);
  lua_pushcfunction(L, ct_lua_open_ct);
  lua_call(L, 0, 1);
  lua_setglobal(L, "a");
  lua_pushcfunction(L, ct_lua_open_ct);
  lua_call(L, 0, 1);
  lua_setglobal(L, "b");
  run(L, "assert(a ~= b and a.re('x') == b.re('x'))");
  assert_int_equal(ct_lua_set_limits(L, NULL), CT_OK);
  lua_close(L);
}

static void test_host_functions(void **state) {
  lua_State *L = *state;
  run(L, "local s, e, isre = cfind('zero', 'net zero')\n"
         "assert(s == 5 and e == 8 and isre == true)\n"
         "s, e, isre = cfind(ct.re('net'), 'net zero')\n"
         "assert(s == 1 and e == 3 and isre == true)\n"
         "assert(cfind('x', 'net zero') == nil)\n"
         "assert(cfind('abc', '') == nil)\n"
         "assert(cfind('q+', 'qq') == 1 and ct.re('q+') == ct.re('q+'))\n");
  run_fails(L, "cfind({}, 'x')",
            "bad argument #1 to 'cfind' (string expected, got table)");
  run_fails(L, "cfind(io.stdout, 'x')",
            "bad argument #1 to 'cfind' (ct.regex expected, got FILE*)");
  run_fails(L, "cfind('(', 'x')",
            "regex error at offset 1: missing closing parenthesis");
}

/* The words of s joined with '|'. */
static void expect_words(lua_State *L, const char *s, const char *want) {
  luaL_Buffer b;
  int first = 1;
  lua_getglobal(L, "ct");
  lua_getfield(L, -1, "words");
  lua_pushstring(L, s);
  lua_call(L, 1, 1);
  luaL_buffinit(L, &b);
  for (;;) {
    lua_pushvalue(L, 2);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
      lua_pop(L, 1);
      break;
    }
    if (!first) luaL_addchar(&b, '|');
    first = 0;
    luaL_addvalue(&b);
  }
  luaL_pushresult(&b);
  if (strcmp(lua_tostring(L, -1), want) != 0)
    fail_msg("words \"%s\": got \"%s\", want \"%s\"", s, lua_tostring(L, -1),
             want);
  lua_settop(L, 0);
}

static void test_words(void **state) {
  lua_State *L = *state;
  expect_words(L, "Don't stop: net-zero by 2050!",
               "Don|t|stop|net|zero|by|2050");
  expect_words(L, "2050년 탄소중립을 달성하기 위해", "2050|년|탄소중립을|"
               "달성하기|위해");
  expect_words(L, "한국ai와 AI", "한국|ai|와|AI");
  expect_words(L, "気候変動 ＣＯ２", "気候変動|ＣＯ２");
  expect_words(L, "cafe\xcc\x81 \xcc\x81x", "cafe\xcc\x81|\xcc\x81x");
  expect_words(L, "a\xff" "b\xef\xbf\xbd" "c_d", "a|b|c|d");
  expect_words(L, "", "");
  expect_words(L, " -- ", "");
  run(L, "local n = 0\n"
         "for w in ct.words('one two three') do n = n + 1 end\n"
         "assert(n == 3)\n");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test_setup_teardown(test_fold, setup, teardown),
    cmocka_unit_test_setup_teardown(test_find, setup, teardown),
    cmocka_unit_test_setup_teardown(test_search_meets_deadline, setup,
                                    teardown),
    cmocka_unit_test_setup_teardown(test_match, setup, teardown),
    cmocka_unit_test_setup_teardown(test_gmatch, setup, teardown),
    cmocka_unit_test_setup_teardown(test_cache, setup, teardown),
    cmocka_unit_test_setup_teardown(test_bad_arguments, setup, teardown),
    cmocka_unit_test_setup_teardown(test_pattern_errors, setup, teardown),
    cmocka_unit_test_setup_teardown(test_limits, setup, teardown),
    cmocka_unit_test_setup_teardown(test_regex_memory, setup, teardown),
    cmocka_unit_test_setup_teardown(test_regex_hold, setup, teardown),
    cmocka_unit_test_setup_teardown(test_fold_hold, setup, teardown),
    cmocka_unit_test(test_not_opened),
    cmocka_unit_test_setup_teardown(test_host_functions, setup, teardown),
    cmocka_unit_test_setup_teardown(test_words, setup, teardown),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
