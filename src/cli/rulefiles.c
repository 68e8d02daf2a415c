/*
** rulefiles.c -- choosing and loading rule files, and printing what the
** loader found: each error and warning on a line of its own.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/paths.h"
#include "cli/rulefiles.h"

/* Paths to load: borrowed from the options, or owned (`own`, freed with
** the list) when split out of the environment or found on disk. */
typedef struct path_list {
  const char **v;
  size_t n;
  char *own;
} path_list;

static void paths_free(path_list *p) {
  free(p->v);
  free(p->own);
}

static int out_of_memory(void) {
  fputs("clausetag: out of memory\n", stderr);
  return -1;
}

/* Splits a copy of CLAUSETAG_RULES at ':'; empty parts are skipped, as
** in PATH. */
static int split_env(path_list *p, const char *env) {
  size_t parts = 1;
  char *s;
  const char *c;
  for (c = env; *c != '\0'; c++) parts += *c == ':';
  p->own = malloc(strlen(env) + 1);
  p->v = malloc(parts * sizeof *p->v);
  if (p->own == NULL || p->v == NULL) return out_of_memory();
  strcpy(p->own, env);
  for (s = strtok(p->own, ":"); s != NULL; s = strtok(NULL, ":"))
    p->v[p->n++] = s;
  return 0;
}

static int shipped(path_list *p) {
  p->own = ct_cli_rules_dir();
  if (p->own == NULL) {
    fputs("clausetag: no rules: the shipped rules directory was not found "
          "(name rule files with -r or CLAUSETAG_RULES)\n", stderr);
    return -1;
  }
  p->v = malloc(sizeof *p->v);
  if (p->v == NULL) return out_of_memory();
  p->v[p->n++] = p->own;
  return 0;
}

/* 0, or -1 after printing why there is nothing to load. */
static int choose(path_list *p, const ct_cli_options *o) {
  const char *env = getenv("CLAUSETAG_RULES");
  memset(p, 0, sizeof *p);
  if (o->nrules > 0) {
    p->v = malloc(o->nrules * sizeof *p->v);
    if (p->v == NULL) return out_of_memory();
    memcpy(p->v, o->rules, o->nrules * sizeof *p->v);
    p->n = o->nrules;
    return 0;
  }
  if (env != NULL && env[0] != '\0') return split_env(p, env);
  return shipped(p);
}

void ct_cli_print_log(void *ud, const char *line) {
  (void)ud;
  fprintf(stderr, "%s\n", line);
}

static void print_diagnostic(void *ud, const ct_diagnostic *d) {
  ct_cli_load_report *rep = ud;
  char line[1200];
  ct_diagnostic_format(d, line, sizeof line);
  fprintf(stderr, "%s\n", line);
  if (d->severity == CT_SEVERITY_WARNING && d->file != NULL)
    rep->nwarnings++;                          /* not a closing note */
  else if (d->status != CT_OK) rep->errors++;      /* not the closing note */
}

ct_ruleset *ct_cli_rules_load_report(const ct_cli_options *o,
                                     ct_cli_load_report *rep) {
  path_list p;
  ct_ruleset *rs = NULL;
  ct_load_options lo;
  ct_error err;
  err.msg[0] = '\0';
  rep->errors = rep->nwarnings = 0;
  memset(&lo, 0, sizeof lo);
  lo.limits = &o->limits;
  lo.on_diagnostic = print_diagnostic;
  lo.ud = rep;
  lo.warnings = rep->warnings;
  if (o->debug) lo.on_log = ct_cli_print_log;
  if (choose(&p, o) != 0) {
    rep->errors = 1;
  } else if (ct_ruleset_load_with(p.v, p.n, &lo, &rs, &err) != CT_OK) {
    if (rep->errors == 0) fprintf(stderr, "%s\n", err.msg);
    rep->errors += rep->errors == 0;
    rs = NULL;
  }
  paths_free(&p);
  return rs;
}

ct_ruleset *ct_cli_rules_load(const ct_cli_options *o) {
  ct_cli_load_report rep;
  memset(&rep, 0, sizeof rep);
  return ct_cli_rules_load_report(o, &rep);
}
