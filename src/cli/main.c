/*
** main.c -- the clausetag program: picks the command and runs it.
**
** The commands are a table, so a new one is one line here plus its own
** module.  classify is the default command: `clausetag FILE` and
** `clausetag -f jsonl FILE` classify.  A first word that is neither a
** command nor a path (no '/' or '.', and nothing by that name exists) is
** taken for a mistyped command rather than a missing file, since that is
** the likelier mistake and "unknown command" the more useful message.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include "clausetag.h"
#include "cli/commands.h"
#include "cli/outfile.h"

typedef struct command {
  const char *name;
  const char *purpose;               /* one line for --help */
  int (*run)(int argc, char **argv); /* argv[0] is the command name */
  void (*help)(FILE *out);
} command;

static const command commands[] = {
  {"classify", "tag every clause with labels (the default command)",
   ct_cli_classify, ct_cli_classify_help},
  {"segment", "cut documents into clauses and print them",
   ct_cli_segment, ct_cli_segment_help},
  {"rules", "list the labels and rules of the rule files",
   ct_cli_rules, ct_cli_rules_help},
  {"lint", "check rule files: every error and warning, no input read",
   ct_cli_lint, ct_cli_lint_help},
  {"profile", "per rule over a corpus: firings, decisions, time, precision",
   ct_cli_profile, ct_cli_profile_help},
  {"test", "run the examples written in rule files",
   ct_cli_test, ct_cli_test_help},
  {"eval", "precision, recall and F1 against labelled clauses",
   ct_cli_eval, ct_cli_eval_help},
  {"train", "learn rule weights and label thresholds from labelled clauses",
   ct_cli_train, ct_cli_train_help},
  {"diff", "what a new version of a document adds, drops and changes",
   ct_cli_diff, ct_cli_diff_help},
  {NULL, NULL, NULL, NULL}
};

static const command *find_command(const char *name) {
  const command *c;
  for (c = commands; c->name != NULL; c++)
    if (strcmp(c->name, name) == 0) return c;
  return NULL;
}

static void usage(FILE *out) {
  const command *c;
  fputs("Usage: clausetag [COMMAND] [OPTIONS] [FILE|DIR|-]...\n"
        "       clausetag --help | --version | help COMMAND\n"
        "\n"
        "Cut diplomatic documents (treaties, joint statements, fact sheets)\n"
        "into clauses and tag each clause by topic with Lua rule files.\n"
        "Without a command, clausetag classifies: 'clausetag FILE'.\n"
        "\n"
        "Commands:\n", out);
  for (c = commands; c->name != NULL; c++)
    fprintf(out, "  %-10s%s\n", c->name, c->purpose);
  fprintf(out, "  %-10s%s\n", "help", "show the options of a command");
  fputs("\n"
        "Options:\n"
        "  -h, --help     show this help\n"
        "      --version  show the version and the libraries in use\n"
        "\n"
        "Run 'clausetag help COMMAND' for the options of a command.\n", out);
}

/* "clausetag: WHAT 'ARG' (HINT)", the hint by default the way to help. */
static int bad_argument(const char *what, const char *arg, const char *hint) {
  fprintf(stderr, "clausetag: %s '%s' (%s)\n", what, arg,
          hint != NULL ? hint : "try 'clausetag --help'");
  return 2;
}

/* "unknown command 'clasify'", with the nearest command's name. */
static int unknown_command(const char *name) {
  const char *names[sizeof commands / sizeof *commands + 1], *near;
  char hint[64];
  size_t n = 0;
  const command *c;
  for (c = commands; c->name != NULL; c++) names[n++] = c->name;
  names[n++] = "help";
  if ((near = ct_suggest(name, names, n)) == NULL)
    return bad_argument("unknown command", name, NULL);
  snprintf(hint, sizeof hint, "did you mean '%s'?", near);
  return bad_argument("unknown command", name, hint);
}

/* `clausetag help [COMMAND]` */
static int help(int argc, char **argv) {
  const command *c;
  if (argc < 3) {
    usage(stdout);
    return 0;
  }
  if (argc > 3) return bad_argument("unexpected argument", argv[3], NULL);
  if (strcmp(argv[2], "help") == 0) {
    usage(stdout);
    return 0;
  }
  if ((c = find_command(argv[2])) == NULL)
    return unknown_command(argv[2]);
  c->help(stdout);
  return 0;
}

/* Does a first argument that is not a command read as an operand of
** classify: an option, "-", or something that looks like a path? */
static int classify_operand(const char *arg) {
  struct stat st;
  if (arg[0] == '-') return 1;
  return strchr(arg, '/') != NULL || strchr(arg, '.') != NULL ||
         stat(arg, &st) == 0;
}

static int dispatch(int argc, char **argv) {
  const char *first = argv[1];
  const command *c;
  if (argc < 2) {
    fputs("clausetag: no command given (try 'clausetag --help')\n", stderr);
    return 2;
  }
  if (strcmp(first, "--help") == 0 || strcmp(first, "-h") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(first, "--version") == 0) {
    ct_cli_version(stdout);
    return 0;
  }
  if (strcmp(first, "help") == 0) return help(argc, argv);
  if ((c = find_command(first)) != NULL) return c->run(argc - 1, argv + 1);
  if (classify_operand(first)) return ct_cli_classify(argc, argv);
  return unknown_command(first);
}

/* Standard output to a file or a pipe, buffered CT_CLI_OUT_BUFFER bytes
** at a time (outfile.h): segment -j1 of the bench corpus into a file
** made 1,344 write calls instead of 4,096 and took 0.92 of the time. */
static void buffer_stdout(void) {
  static char buf[CT_CLI_OUT_BUFFER];
  ct_cli_outfile_buffer(stdout, buf);
}

/* Blocks up to HEAP_MMAP come from the heap, and up to HEAP_TRIM of free
** memory at a heap's top stays there: with glibc's defaults every piece
** of a large file, and every worker's output buffer, took fresh pages
** that the kernel had to fault in and zero (segment -j1 of a 16 MB file
** of one line: 6,217 page faults, now 1,786, and the time spent there
** was a fifth of the run), for about 1 MB more at the peak.  Malloc
** settings of the user's own (GLIBC_TUNABLES, MALLOC_*_) win. */
#define HEAP_MMAP (4 << 20)
#define HEAP_TRIM (16 << 20)

static void tune_heap(void) {
#ifdef __GLIBC__
  const char *t = getenv("GLIBC_TUNABLES");
  if ((t != NULL && strstr(t, "glibc.malloc.") != NULL) ||
      getenv("MALLOC_MMAP_THRESHOLD_") != NULL ||
      getenv("MALLOC_TRIM_THRESHOLD_") != NULL)
    return;
  mallopt(M_MMAP_THRESHOLD, HEAP_MMAP);
  mallopt(M_TRIM_THRESHOLD, HEAP_TRIM);
#endif
}

int main(int argc, char **argv) {
  int rc;
  tune_heap();
  buffer_stdout();
  rc = dispatch(argc, argv);
  ct_cli_outfile_release();
  /* Help and version text is still buffered: a full disk shows here.
  ** (Commands check their own output and return 2 when it failed.) */
  errno = 0;
  if ((fflush(stdout) != 0 || ferror(stdout)) && rc == 0) {
    fprintf(stderr, "clausetag: write error: %s\n",
            strerror(errno ? errno : EIO));
    rc = 2;
  }
  return rc;
}
