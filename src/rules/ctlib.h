/*
** ctlib.h -- the `ct` library that rule files see.
**
**   ct.fold(s)          s in NFKC + case fold, the form phrases match
**   ct.re(pattern)      a compiled regex (PCRE2, see regex.h); the same
**                       pattern gives the same object, compiled once
**   r:find(s [, init])  start, end (1-based, inclusive, like string.find)
**                       and then the captures; nil when there is no match
**   r:match(s [, init]) the captures, or the whole match when the pattern
**                       has none; nil when there is no match
**   r:gmatch(s [, init]) an iterator over the matches, giving what match
**                       gives; an empty match is followed by a non-empty
**                       one at the same place if there is one
**   ct.words(s)         an iterator over the words of s: runs of letters,
**                       digits and combining marks, split where the script
**                       changes between CJK (Hangul, kana, ideographs) and
**                       the rest, so "2050년" gives "2050" and "년"
**   ct.log(...)         hands "FILE:LINE: log: ARGS" (its arguments as
**                       strings, between spaces) to the host's log
**                       function (ct_lua_on_log); without one it returns
**                       at once
**
** A subject longer than CT_LUA_MAX_SUBJECT is refused ("ct.re: subject
** too long (N bytes; at most 65536)"): some patterns cost time quadratic
** in it without breaking a match limit.
**
** A capture group that took no part in the match gives false.  `init`
** counts like string.find's (negative from the end).  Errors: argument
** errors are Lua's uniform "bad argument #1 to 'find' (string expected,
** got nil)"; a bad pattern raises "regex error at offset N: ..."; a
** broken match limit raises "regex match limit exceeded (match limit
** 1000000)" after calling the on-limit hook, so a sandbox can make the
** kill stick even under pcall.  Like every luaL_error, these messages
** start with the calling rule's "chunk:line: ".
**
** Everything the library allocates belongs to the Lua state and is freed
** by lua_close: the per-state ct_rematch, the pattern cache (at most
** CT_LUA_RE_CACHE patterns; a full cache starts over) and the compiled
** regexes.  Compiled regexes live outside the Lua allocator, so their
** total size per state is capped (CT_LUA_RE_MEMORY by default) and told to
** the host (ct_lua_on_hold), which may refuse them; once refused, ct.re
** drops the cache, collects garbage and, if still refused, raises
** "ct.re: no memory left for compiled regexes (the memory limit is
** reached)".
*/
#ifndef CT_CTLIB_H
#define CT_CTLIB_H

#include <stddef.h>
#include <lua.h>
#include "clausetag.h"
#include "rules/regex.h"

#define CT_LUA_RE_CACHE 256                /* patterns */
#define CT_LUA_MAX_SUBJECT 65536           /* bytes r:find & co. search */
#define CT_LUA_RE_MEMORY (64u * 1024 * 1024) /* bytes of compiled regexes */

/* Pushes the ct table and returns 1 (a lua_CFunction, for luaL_requiref
** or a plain call).  The per-state data is made on the first call and
** shared by later ones.  May raise (memory), like any luaopen_*. */
int ct_lua_open_ct(lua_State *L);

/* Called before a limit error is raised, with the message. */
typedef void (*ct_lua_limit_fn)(lua_State *L, void *ud, const char *msg);

/* Called before (or, for ct.words, right after) work done in C, with its
** cost in instructions: one per 64 bytes scanned, 16 per byte of pattern
** compiled.  It may raise (a sandbox stops the call there). */
typedef void (*ct_lua_charge_fn)(lua_State *L, void *ud, unsigned long units);

/* Called with the bytes of a compiled regex (outside the Lua allocator)
** before it is kept (release 0: returns 0 to refuse it, and ct.re then
** raises) and when it is freed (release 1: the result is ignored).  Must
** not raise. */
typedef int (*ct_lua_hold_fn)(lua_State *L, void *ud, size_t bytes,
                              int release);

/* Called by ct.log with its line (one line, at most 1023 bytes).  Must
** not raise. */
typedef void (*ct_lua_log_fn)(lua_State *L, void *ud, const char *line);

/* These do not raise and may be called outside a protected call; they
** fail with CT_EUSAGE when ct_lua_open_ct has not run on L. */
ct_status ct_lua_on_limit(lua_State *L, ct_lua_limit_fn fn, void *ud);
ct_status ct_lua_on_charge(lua_State *L, ct_lua_charge_fn fn, void *ud);
ct_status ct_lua_on_hold(lua_State *L, ct_lua_hold_fn fn, void *ud);
ct_status ct_lua_on_log(lua_State *L, ct_lua_log_fn fn, void *ud);
ct_status ct_lua_set_limits(lua_State *L, const ct_regex_limits *lim);
ct_status ct_lua_set_regex_memory(lua_State *L, size_t max_bytes);

/* For host functions such as c:find and c:count, called from Lua (they
** raise).  ct_lua_checkregex accepts a ct.re object or a pattern string,
** which it compiles through the cache and puts in place of the argument,
** so the regex stays alive while the function runs.  ct_lua_find matches
** with the state's ct_rematch: 1 with [*ms, *me), 0, or it raises the
** errors described above. */
const ct_regex *ct_lua_checkregex(lua_State *L, int arg);
int ct_lua_find(lua_State *L, const ct_regex *re, const char *s, size_t len,
                size_t from, size_t *ms, size_t *me);

#endif
