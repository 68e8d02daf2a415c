/*
** args.h -- splitting a command line into options and operands.
**
** A reentrant getopt_long: the state is a struct, so each command parses
** its own arguments with its own table and nothing is global.  Accepted
** forms: -f jsonl, -fjsonl, -hf jsonl (clustered flags), --format jsonl,
** --format=jsonl; operands and options may be mixed (as in GNU tools);
** "--" makes every later argument an operand; "-" is an operand.
** Long names must be written in full: a prefix that matches today could
** become ambiguous when an option is added, breaking scripts.
*/
#ifndef CT_CLI_ARGS_H
#define CT_CLI_ARGS_H

/* What help says about an option, and the values it takes: all zero
** for an option its command's help describes in its own words. */
typedef struct ct_cli_help {
  const char *arg;              /* the argument's name in help ("N") */
  const char *text;             /* what the option does, lines split by
                                ** '\n'; "%lu" stands for the default (a
                                ** second one: the default in MiB), "%g"
                                ** for a default that is not whole */
  double deflt;                 /* the default the text names */
  const char *const *choices;   /* the values of the argument, the first
                                ** 0 (NULL-ended); NULL: any */
  const char *names;            /* the name column as written, lines split
                                ** by '\n', for an entry that stands for
                                ** several options (the others then have
                                ** no text); NULL: the option's own */
} ct_cli_help;

typedef struct ct_cli_option {
  int key;            /* what ct_cli_args_next returns; > 0 */
  char shrt;          /* short name, or 0 */
  const char *lng;    /* long name without "--", or NULL */
  int has_arg;        /* takes an argument */
  ct_cli_help help;
} ct_cli_option;      /* tables end with an all-zero entry */

typedef struct ct_cli_args {
  int argc;
  char **argv;
  int ind;                /* next element of argv */
  const char *cluster;    /* rest of a short-option cluster ("-hf") */
  int operands_only;      /* after "--" */
  const char *arg;        /* the option's argument, or the operand */
  char name[64];          /* the option as written ("-f", "--format") */
  char msg[160];          /* what is wrong, after CT_CLI_ARG_ERROR */
} ct_cli_args;

enum {
  CT_CLI_ARG_END = 0,       /* no arguments left */
  CT_CLI_ARG_OPERAND = -1,  /* an operand, in ->arg */
  CT_CLI_ARG_ERROR = -2     /* a malformed option, described in ->msg */
};

/* Starts at argv[1] (argv[0] is the program or command name). */
void ct_cli_args_init(ct_cli_args *a, int argc, char **argv);

/* The next option's key (its argument in ->arg), or one of the above. */
int ct_cli_args_next(ct_cli_args *a, const ct_cli_option *table);

#endif
