/*
** version.c -- `clausetag --version`.
**
** Bug reports need the versions actually in use, so PCRE2 and utf8proc
** are asked at run time (a shared library can be newer than its header);
** Lua's is its release string, as Lua exposes no run-time patch level.
*/
#define PCRE2_CODE_UNIT_WIDTH 8
#include <lua.h>
#include <pcre2.h>
#include <string.h>
#include <utf8proc.h>
#include "cli/commands.h"
#include "clausetag.h"

/* "10.42" out of pcre2_config's "10.42 2022-12-11". */
static void pcre2_version(char *out, size_t size) {
  char *space;
  if (pcre2_config(PCRE2_CONFIG_VERSION, NULL) > (int)size ||
      pcre2_config(PCRE2_CONFIG_VERSION, out) < 0) {
    snprintf(out, size, "%d.%02d", PCRE2_MAJOR, PCRE2_MINOR);
    return;
  }
  if ((space = strchr(out, ' ')) != NULL) *space = '\0';
}

void ct_cli_version(FILE *out) {
  char pcre[64];
  pcre2_version(pcre, sizeof pcre);
  fprintf(out, "clausetag %s\n", CT_VERSION);
  fprintf(out, "%s\n", LUA_RELEASE);
  fprintf(out, "PCRE2 %s\n", pcre);
  fprintf(out, "utf8proc %s\n", utf8proc_version());
}
