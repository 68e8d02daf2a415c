/*
** config.h -- the settings file: the options a project keeps beside its
** documents, so that every run in it, by hand or in CI, uses the same.
**
** A file `.clausetag.conf` in the working directory or the nearest
** directory above it that has one (or the file of --config; none with
** --no-config) holds long option names and their values, one a line:
**
**   # the project's rules and policies
**   rules = rules/
**   rules = extra/maritime.lua
**   require = security
**   exclude = draft-*.txt
**   explain
**
** `[classify]`, `[segment]`, ... start a section whose lines apply to
** that command only.  A relative path (rules, abbrev, output) is taken
** from the file's directory, and must stay inside it.  The file may
** lower the sandbox's limits, never raise them (options.c).  An option
** the command line gives is not taken from the file at all, so a flag
** always wins, for repeatable options too (`-r mine.lua` replaces every
** `rules =` of the file).
** This module only reads the file; options.c applies what it read.
*/
#ifndef CT_CLI_CONFIG_H
#define CT_CLI_CONFIG_H

#include <stddef.h>

#define CT_CLI_CONFIG_NAME ".clausetag.conf"

typedef struct ct_cli_setting {
  char *name;           /* the long option name, without "--" */
  char *value;          /* NULL for a bare name (a flag) */
  char *section;        /* the command it is for, or NULL: every command */
  int line;
} ct_cli_setting;

typedef struct ct_cli_config {
  char *path;           /* as found or given; NULL: no file */
  char *dir;            /* its directory, for relative paths */
  ct_cli_setting *settings;
  size_t n;
} ct_cli_config;

/* Finds the file from the working directory upward into *path (malloc'd;
** NULL when there is none).  0, or 2 after printing an error. */
int ct_cli_config_find(char **path);

/* Reads the file at `path` into *c (zeroed first; free it with
** ct_cli_config_free either way).  0, or 2 after printing
** "clausetag: FILE:LINE: what is wrong".  With check_owner (a file the
** upward search found, not one --config names), a file that is not the
** user's or root's, or that its group or others can write, is not read:
** CT_CLI_CONFIG_IGNORED after a warning that says why, and *c holds no
** settings. */
#define CT_CLI_CONFIG_IGNORED 1
int ct_cli_config_read(ct_cli_config *c, const char *path, int check_owner);

/* Why the path `value` of the file (an `output`, the part after any
** FORMAT:, or a `rules` or `abbrev`) may not be used, or NULL when it
** may: a settings file writes and reads only inside its own directory
** -- no absolute path, no ".." component, and no symbolic link on the
** way that leads out of it or nowhere (a settings file may come with the
** rule files of a pull request, and a file it names that is not what it
** should be is quoted in the error).  With `ext` (".lua"), a directory's
** entries of that name are checked too, as the rule loader reads them. */
const char *ct_cli_config_escapes(const ct_cli_config *c, const char *value,
                                  const char *ext);

/* `value` as a path from the file's directory, when it is relative
** (malloc'd); NULL out of memory. */
char *ct_cli_config_path(const ct_cli_config *c, const char *value);

void ct_cli_config_free(ct_cli_config *c);

#endif
