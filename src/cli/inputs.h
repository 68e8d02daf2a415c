/*
** inputs.h -- from the operands of a command to the files it reads.
**
** FILE is read as it is (even without .txt: the user named it), "-" is
** standard input, and DIR stands for the *.txt files directly inside it
** (no recursion, no dot files, as a shell glob lists them) sorted by the
** bytes of their names, so output order never depends on the file system.
*/
#ifndef CT_CLI_INPUTS_H
#define CT_CLI_INPUTS_H

/* Called once per input path; returns 0 to go on, non-zero to stop. */
typedef int (*ct_cli_input_fn)(void *ctx, const char *path);

/* Calls fn for every input `operand` names.  Returns 0; -1 when fn asked
** to stop; 2 when the operand could not be expanded (message printed:
** "DIR: cannot read: ..."), which makes the run's exit status 2. */
int ct_cli_inputs_each(const char *operand, ct_cli_input_fn fn, void *ctx);

#endif
