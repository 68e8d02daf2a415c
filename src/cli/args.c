/*
** args.c -- the command-line tokenizer (see args.h for the forms).
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "clausetag.h"
#include "cli/args.h"

void ct_cli_args_init(ct_cli_args *a, int argc, char **argv) {
  memset(a, 0, sizeof *a);
  a->argc = argc;
  a->argv = argv;
  a->ind = 1;
}

static int arg_error(ct_cli_args *a, const char *what) {
  snprintf(a->msg, sizeof a->msg, "%s '%s'", what, a->name);
  return CT_CLI_ARG_ERROR;
}

/* "unknown option '--fromat' (did you mean '--format'?)": the table's
** long name nearest to the one written (a->name). */
static int unknown_long(ct_cli_args *a, const ct_cli_option *table) {
  const ct_cli_option *o;
  const char **names, *near = NULL;
  size_t n = 0;
  for (o = table; o->key != 0; o++) n += o->lng != NULL;
  if ((names = malloc((n ? n : 1) * sizeof *names)) != NULL) {
    for (n = 0, o = table; o->key != 0; o++)
      if (o->lng != NULL) names[n++] = o->lng;
    near = ct_suggest(a->name + 2, names, n);
  }
  if (near == NULL) {     /* (out of memory: no suggestion, still the error) */
    free(names);
    return arg_error(a, "unknown option");
  }
  snprintf(a->msg, sizeof a->msg, "unknown option '%s' (did you mean "
           "'--%s'?)", a->name, near);
  free(names);
  return CT_CLI_ARG_ERROR;
}

/* The option's argument: the rest of its own word if any, else the next
** word (even one starting with '-', as getopt does: -o -x names "-x"). */
static int take_arg(ct_cli_args *a, const ct_cli_option *o,
                    const char *attached) {
  if (attached != NULL && *attached != '\0') {
    a->arg = attached;
    return o->key;
  }
  if (a->ind >= a->argc) {
    snprintf(a->msg, sizeof a->msg, "option '%s' needs an argument",
             a->name);
    return CT_CLI_ARG_ERROR;
  }
  a->arg = a->argv[a->ind++];
  return o->key;
}

static int next_short(ct_cli_args *a, const ct_cli_option *table) {
  char c = *a->cluster++;
  const ct_cli_option *o;
  snprintf(a->name, sizeof a->name, "-%c", c);
  for (o = table; o->key != 0; o++)
    if (o->shrt == c && c != 0) break;
  if (o->key == 0) {
    a->cluster = NULL;
    return arg_error(a, "unknown option");
  }
  if (!o->has_arg) {
    if (*a->cluster == '\0') a->cluster = NULL;
    return o->key;
  }
  {
    const char *rest = a->cluster;
    a->cluster = NULL;
    return take_arg(a, o, rest);
  }
}

static int next_long(ct_cli_args *a, const ct_cli_option *table,
                     const char *word) {
  const char *eq = strchr(word, '=');
  size_t n = eq ? (size_t)(eq - word) : strlen(word);
  const ct_cli_option *o;
  snprintf(a->name, sizeof a->name, "--%.*s", (int)(n < 60 ? n : 60), word);
  for (o = table; o->key != 0; o++)
    if (o->lng != NULL && strlen(o->lng) == n && memcmp(o->lng, word, n) == 0)
      break;
  if (o->key == 0) return unknown_long(a, table);
  if (!o->has_arg) {
    if (eq != NULL) {
      snprintf(a->msg, sizeof a->msg, "option '%s' takes no argument",
               a->name);
      return CT_CLI_ARG_ERROR;
    }
    return o->key;
  }
  if (eq != NULL) {
    a->arg = eq + 1;   /* --output= names the empty file: keep it */
    return o->key;
  }
  return take_arg(a, o, NULL);
}

int ct_cli_args_next(ct_cli_args *a, const ct_cli_option *table) {
  const char *w;
  a->arg = NULL;
  a->name[0] = '\0';
  if (a->cluster != NULL) return next_short(a, table);
  if (a->ind >= a->argc) return CT_CLI_ARG_END;
  w = a->argv[a->ind++];
  if (a->operands_only || w[0] != '-' || w[1] == '\0') {
    a->arg = w;
    return CT_CLI_ARG_OPERAND;
  }
  if (w[1] == '-' && w[2] == '\0') {
    a->operands_only = 1;
    return ct_cli_args_next(a, table);
  }
  if (w[1] == '-') return next_long(a, table, w + 2);
  a->cluster = w + 1;
  return next_short(a, table);
}
