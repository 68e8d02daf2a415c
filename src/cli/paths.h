/*
** paths.h -- where the shipped rules are.
**
** Found relative to the executable, not the working directory, so the
** binary works from anywhere: an installed clausetag uses
** PREFIX/share/clausetag/rules, a build inside the source tree uses the
** tree's rules/ (build/clausetag and build/asan/clausetag alike).
*/
#ifndef CT_CLI_PATHS_H
#define CT_CLI_PATHS_H

/* The shipped rules directory as a malloc'ed path, or NULL when there is
** none (or no memory): then only the compiled-in defaults apply. */
char *ct_cli_rules_dir(void);

/* dir + "/" + name, malloc'ed (no doubled slash); NULL if out of memory. */
char *ct_cli_path_join(const char *dir, const char *name);

#endif
