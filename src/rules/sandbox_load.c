/*
** sandbox_load.c -- running a rule file in the sandbox: read as text
** (never bytecode) within the memory limit, a BOM and a '#' first line
** skipped as lua.c does, compiled and run in the environment on the
** stack, with the budget and clock of a call.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <lua.h>
#include <lauxlib.h>
#include "core/buf.h"
#include "core/error.h"
#include "rules/sandbox_int.h"
#include "text/text.h"


/*
** {======================================================
** Loading rule files
** =======================================================
*/

/* The rule file whole, within the memory limit (the reader's cap, with
** its change check: a file edited while it is read is refused). */
static ct_status readfile(const char *path, size_t max, ct_buf *b,
                          ct_error *err) {
  char size[32];
  ct_status st;
  FILE *f = fopen(path, "rb");
  if (f == NULL) return ct_fail(err, CT_EIO, "%s: %s", path, strerror(errno));
  st = ct_read_stream_bytes(f, path, max, b, err);
  fclose(f);
  if (st != CT_ETOOBIG) return st;
  ct_sb_fmtsize(size, sizeof size, max);
  return ct_fail(err, CT_ELIMIT,
                 "%s: rule file larger than the memory limit (%s)", path, size);
}

/* Skips a UTF-8 BOM and a first line starting with '#', as
** luaL_loadfilex does; the newline stays, so line numbers hold. */
static const char *skipheader(const char *s, size_t *n) {
  if (*n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
    s += 3;
    *n -= 3;
  }
  if (*n > 0 && s[0] == '#') {
    const char *nl = memchr(s, '\n', *n);
    size_t skip = nl ? (size_t)(nl - s) : *n;
    s += skip;
    *n -= skip;
  }
  return s;
}

/* Compiles the file as text, charged to the rules.  [-0, +1]: the chunk,
** or the error message. */
static int compile(ct_sandbox *sb, const char *path, const ct_buf *src,
                   ct_buf *name) {
  size_t n = src->len;
  const char *text = skipheader(src->s != NULL ? src->s : "", &n);
  if (ct_buf_addc(name, '@') != CT_OK || ct_buf_adds(name, path) != CT_OK)
    return LUA_ERRMEM;
  if (!lua_checkstack(sb->L, 2)) return LUA_ERRMEM;
  return luaL_loadbufferx(sb->L, text, n, name->s, "t");
}

/* Turns a failed compilation into a ct_error. */
static ct_status load_failure(ct_sandbox *sb, int status, int pushed,
                              const char *path, ct_error *err) {
  lua_State *L = sb->L;
  char buf[64], msg[sizeof err->msg];
  if (status != LUA_ERRMEM) {
    ct_sb_withpath(msg, sizeof msg, pushed ? ct_sb_objmsg(L, -1, buf, sizeof buf) : "?", path);
    return ct_fail(err, CT_ESYNTAX, "%s", msg);
  }
  ct_sb_kill_memory(L, sb);
  if (sb->where[0] == '\0') snprintf(sb->where, sizeof sb->where, "%s", path);
  ct_sb_killmsg(sb, msg, sizeof msg);
  return ct_fail(err, sb->refused ? CT_ELIMIT : CT_ENOMEM, "%s", msg);
}

ct_status ct_sandbox_load(ct_sandbox *sb, const char *path, ct_error *err) {
  lua_State *L = sb->L;
  ct_buf src = {0}, name = {0};
  int status, host = sb->host, top = lua_gettop(L);   /* top: the env */
  ct_status st = readfile(path, sb->lim.memory, &src, err);
  if (st != CT_OK) {
    lua_settop(L, top - 1);
    return st;
  }
  sb->host = 0;
  if (sb->depth == 0) ct_sb_fresh_budget(sb);
  status = compile(sb, path, &src, &name);     /* env, chunk */
  ct_buf_free(&src);
  ct_buf_free(&name);
  if (status != LUA_OK) {
    st = load_failure(sb, status, lua_gettop(L) > top, path, err);
    lua_settop(L, top - 1);
    if (sb->depth == 0) ct_sb_settle(sb);
    sb->host = host;
    return st;
  }
  lua_insert(L, -2);                           /* chunk, env */
  if (lua_setupvalue(L, -2, 1) == NULL)        /* chunk._ENV = env */
    lua_pop(L, 1);
  st = ct_sb_call(sb, 0, 0, 0, err);
  sb->host = host;
  return st;
}

/* }====================================================== */
