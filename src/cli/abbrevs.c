/*
** abbrevs.c -- loading the abbreviation files of a run.
*/
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "cli/abbrevs.h"
#include "cli/paths.h"

/* 0, or 2 after printing why `path` could not be added. */
static int add_file(ct_cli_abbrev_fn add, void *list, const char *path) {
  ct_error err;
  ct_status s;
  err.msg[0] = '\0';
  s = add(list, path, &err);
  if (s == CT_OK) return 0;
  if (err.msg[0] != '\0') fprintf(stderr, "%s\n", err.msg);
  else fprintf(stderr, "%s: %s\n", path, ct_strerror(s));
  return 2;
}

/* The shipped abbreviations.txt, if there is one. */
static int add_shipped(ct_cli_abbrev_fn add, void *list) {
  char *dir = ct_cli_rules_dir(), *file;
  int rc = 0;
  if (dir == NULL) return 0;
  file = ct_cli_path_join(dir, "abbreviations.txt");
  if (file != NULL && access(file, F_OK) == 0) rc = add_file(add, list, file);
  free(file);
  free(dir);
  return rc;
}

int ct_cli_abbrev_files(const ct_cli_options *o, ct_cli_abbrev_fn add,
                        void *list) {
  size_t i;
  int rc = add_shipped(add, list);
  for (i = 0; rc == 0 && i < o->nabbrevs; i++)
    rc = add_file(add, list, o->abbrevs[i]);
  return rc;
}

static ct_status add_to_list(void *list, const char *path, ct_error *err) {
  return ct_abbrevs_load(list, path, err);
}

static ct_status add_to_rules(void *rs, const char *path, ct_error *err) {
  return ct_ruleset_add_abbrevs(rs, path, err);
}

int ct_cli_abbrevs_into_rules(const ct_cli_options *o, ct_ruleset *rs) {
  return ct_cli_abbrev_files(o, add_to_rules, rs);
}

ct_abbrevs *ct_cli_abbrevs_make(const ct_cli_options *o) {
  ct_abbrevs *ab = ct_abbrevs_new(1);
  if (ab == NULL) {
    fputs("clausetag: out of memory\n", stderr);
    return NULL;
  }
  if (ct_cli_abbrev_files(o, add_to_list, ab) != 0) {
    ct_abbrevs_free(ab);
    return NULL;
  }
  return ab;
}
