/*
** commands.h -- the commands of the clausetag program.
**
** Each command is a pair: run(argc, argv) with argv[0] the command's
** name, returning the exit status (0 ok, 1 policy or test failure, 2
** error), and help(out) printing its full option list.  main.c lists
** them in its dispatch table; adding a command is one line there.
*/
#ifndef CT_CLI_COMMANDS_H
#define CT_CLI_COMMANDS_H

#include <stdio.h>

int ct_cli_classify(int argc, char **argv);
void ct_cli_classify_help(FILE *out);

int ct_cli_segment(int argc, char **argv);
void ct_cli_segment_help(FILE *out);

int ct_cli_rules(int argc, char **argv);
void ct_cli_rules_help(FILE *out);

int ct_cli_lint(int argc, char **argv);
void ct_cli_lint_help(FILE *out);

int ct_cli_profile(int argc, char **argv);
void ct_cli_profile_help(FILE *out);

int ct_cli_test(int argc, char **argv);
void ct_cli_test_help(FILE *out);

int ct_cli_eval(int argc, char **argv);
void ct_cli_eval_help(FILE *out);

int ct_cli_train(int argc, char **argv);
void ct_cli_train_help(FILE *out);

int ct_cli_diff(int argc, char **argv);
void ct_cli_diff_help(FILE *out);

/* --version: clausetag's version, then the libraries it is linked with. */
void ct_cli_version(FILE *out);

#endif
