/*
** sandbox_where.c -- where a failure in the sandbox happened, in words a
** rule author can act on: "FILE:LINE" of the running Lua function, read
** without allocating (safe in hooks, message handlers and the
** allocator); rule-file paths in full where Lua shortened them; an error
** object of any type described without touching Lua memory; sizes as
** "64 MiB".
*/
#include <stdio.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include "rules/sandbox_int.h"

/* The name Lua was given for a chunk: the full path for files. */
static const char *srcname(const lua_Debug *ar) {
  if (ar->source[0] == '@' || ar->source[0] == '=') return ar->source + 1;
  return ar->short_src;
}

/*
** Writes "FILE:LINE" of the innermost Lua function at or above 'level'
** into 'out', or "" when there is none.  It only reads the stack, so it
** is safe in hooks, message handlers and (see 'refuse' in
** sandbox_memory.c) the allocator.
*/
void ct_sb_where(lua_State *L, int level, char *out, size_t n) {
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
int ct_sb_haslocation(const char *msg) {
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

/* If 'msg' starts with the shortened name of a Lua function on the
** stack ("...ules/x.lua:3: boom"), writes it with the full name. */
int ct_sb_relocate(lua_State *L, const char *msg, char *out, size_t n) {
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

/* "64 MiB", "512 KiB" or "1000 bytes" */
void ct_sb_fmtsize(char *out, size_t n, size_t bytes) {
  if (bytes >= ((size_t)1 << 20) && bytes % ((size_t)1 << 20) == 0)
    snprintf(out, n, "%zu MiB", bytes >> 20);
  else if (bytes >= 1024 && bytes % 1024 == 0)
    snprintf(out, n, "%zu KiB", bytes >> 10);
  else
    snprintf(out, n, "%zu bytes", bytes);
}
