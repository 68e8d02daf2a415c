/*
** options.h -- the options of the document commands, parsed into a
** struct.
**
** segment and classify share most options, so their meaning and checks
** live here once; each command passes the table of options it accepts
** and the output formats it offers.  A usage error is printed here, in
** the one format every command uses:
**   clausetag: <what is wrong>
**   Try 'clausetag help <command>'.
*/
#ifndef CT_CLI_OPTIONS_H
#define CT_CLI_OPTIONS_H

#include <stddef.h>
#include <stdio.h>
#include "cli/args.h"
#include "clausetag.h"

/* Option keys: the short name where there is one. */
enum {
  CT_OPT_HELP = 'h',
  CT_OPT_FORMAT = 'f',
  CT_OPT_OUTPUT = 'o',
  CT_OPT_RULES = 'r',
  CT_OPT_INPUT = 256,
  CT_OPT_INVALID,
  CT_OPT_ABBREV,
  CT_OPT_EXPLAIN,
  CT_OPT_COLOR,
  CT_OPT_RULE_BUDGET,
  CT_OPT_RULE_MEMORY,
  CT_OPT_MAX_CLAUSE_BYTES,
  CT_OPT_KEEP_GOING,
  CT_OPT_JOBS = 'j',
  CT_OPT_INCLUDE = 300,
  CT_OPT_EXCLUDE,
  CT_OPT_REQUIRE,
  CT_OPT_FORBID,
  CT_OPT_FAIL_ON_UNLABELED,
  CT_OPT_RULE_TIME,
  CT_OPT_MAX_DOCUMENT_BYTES,
  CT_OPT_DEBUG,
  CT_OPT_STRICT,
  CT_OPT_CONFIG,
  CT_OPT_NO_CONFIG,
  CT_OPT_CLAUSES_ONLY,
  CT_OPT_SARIF_LABELS,
  CT_OPT_LABEL,
  CT_OPT_COUNT = 'c',
  CT_OPT_NAMES = 'l',
  CT_OPT_QUIET = 'q'
};

/* The limits rule files load and run under (ct_limits), in every command
** that loads rules, with their defaults (clausetag.h's, the one place
** their values are written) and the help texts BUDGET, MEMORY and TIME.
** A command whose help names them together (NAMES, on --rule-memory's
** entry, so that its TEXT's "%lu" is that default) uses
** CT_CLI_RULE_LIMIT_OPTIONS_TOGETHER. */
#define CT_CLI_RULE_LIMITS(BUDGET, MEMORY, TIME, NAMES)                   \
  {CT_OPT_RULE_BUDGET, 0, "rule-budget", 1,                               \
   {"N", BUDGET, CT_DEFAULT_RULE_BUDGET, NULL, NULL}},                    \
  {CT_OPT_RULE_MEMORY, 0, "rule-memory", 1,                               \
   {"MIB", MEMORY, CT_DEFAULT_RULE_MEMORY >> 20, NULL, NAMES}},           \
  {CT_OPT_RULE_TIME, 0, "rule-time", 1,                                   \
   {"MS", TIME, CT_DEFAULT_RULE_TIME_MS, NULL, NULL}}
#define CT_CLI_RULE_LIMIT_OPTIONS                                         \
  CT_CLI_RULE_LIMITS("Lua instructions per `when` call (default %lu)",    \
                     "memory per Lua state, in MiB (default %lu)",        \
                     "wall clock per `when` call and per rule-file load,\n" \
                     "in milliseconds (default %lu; 0: no limit)", NULL)
#define CT_CLI_RULE_LIMIT_OPTIONS_TOGETHER(NAMES, TEXT)                   \
  CT_CLI_RULE_LIMITS(NULL, TEXT, NULL, NAMES)

/* --max-clause-bytes, for the commands that classify. */
#define CT_CLI_MAX_CLAUSE_BYTES_OPTION                                    \
  {CT_OPT_MAX_CLAUSE_BYTES, 0, "max-clause-bytes", 1,                     \
   {"N", "regexes see at most N bytes of a clause (default\n%lu)",        \
    CT_DEFAULT_MAX_CLAUSE_BYTES, NULL, NULL}}

/* The settings file's options (config.h), in every command that reads
** the shared options; CONFIG_TEXT: --config's help in a command's own
** words (lint's is shorter). */
#define CT_CLI_CONFIG_OPTIONS_TEXT(CONFIG_TEXT)                           \
  {CT_OPT_CONFIG, 0, "config", 1, {"FILE", CONFIG_TEXT, 0, NULL, NULL}},  \
  {CT_OPT_NO_CONFIG, 0, "no-config", 0,                                   \
   {NULL, "read no settings file", 0, NULL, NULL}}
#define CT_CLI_CONFIG_OPTIONS                                             \
  CT_CLI_CONFIG_OPTIONS_TEXT(                                             \
      "read settings from FILE (default: .clausetag.conf\n"               \
      "here or in the nearest directory above); options\n"                \
      "given here win over the file's")

/* The values of --input, --invalid and --color, in the order of their
** enums (ct_cli_input from CT_CLI_INPUT_TEXT, ct_invalid, ct_cli_color). */
extern const char *const ct_cli_input_choices[];
extern const char *const ct_cli_invalid_choices[];
extern const char *const ct_cli_color_choices[];

/* --input and --invalid, for every command that reads documents. */
#define CT_CLI_INPUT_OPTIONS                                              \
  {CT_OPT_INPUT, 0, "input", 1,                                           \
   {"MODE", "by name (default): *.html and *.htm as html,\n"              \
            "*.pdf as pdf, other files and '-' as text\n"                 \
            "text: documents to cut into clauses\n"                       \
            "html: HTML pages (what a browser shows)\n"                   \
            "pdf: PDF files (their text, page by page)\n"                 \
            "lines: every non-blank line is one clause\n"                 \
            "jsonl: one document per line, {\"id\":..,\"text\":..}\n"     \
            "(\"format\":\"html\" reads a record's text as HTML)",        \
    0, ct_cli_input_choices, NULL}},                                            \
  {CT_OPT_INVALID, 0, "invalid", 1,                                       \
   {"MODE", "error (default): a file with invalid UTF-8 is\n"             \
            "reported and skipped; replace: read it as U+FFFD",           \
    0, ct_cli_invalid_choices, NULL}}

typedef enum ct_cli_input {
  CT_CLI_INPUT_AUTO,     /* by name: *.html, *.htm HTML, *.pdf PDF, the
                         ** rest (and standard input) text */
  CT_CLI_INPUT_TEXT,     /* documents to segment */
  CT_CLI_INPUT_HTML,     /* HTML pages */
  CT_CLI_INPUT_PDF,      /* PDF files */
  CT_CLI_INPUT_LINES,    /* one clause per line, no segmentation */
  CT_CLI_INPUT_JSONL     /* one document per line: {"id":..,"text":..} */
} ct_cli_input;

typedef enum ct_cli_color {
  CT_CLI_COLOR_AUTO,     /* when stdout is a terminal and NO_COLOR is unset */
  CT_CLI_COLOR_ALWAYS,
  CT_CLI_COLOR_NEVER
} ct_cli_color;

/* One more output of the run: -o FORMAT:FILE after the first -o. */
typedef struct ct_cli_output {
  const char *format;      /* a name of the command's formats */
  const char *path;        /* NULL: standard output */
} ct_cli_output;

typedef struct ct_cli_options {
  const char *format;      /* -f: a name of the command's formats */
  const char *output;      /* NULL: standard output */
  const char *output_format;        /* the first -o's FORMAT:, or NULL */
  ct_cli_output *outputs;  /* the other -o FORMAT:FILE (array owned) */
  size_t noutputs;
  ct_cli_input input;
  ct_invalid invalid;
  const char **abbrevs;    /* --abbrev files, in order (array owned) */
  size_t nabbrevs;
  const char **rules;      /* -r paths, in order (array owned) */
  size_t nrules;
  const char **operands;   /* FILE|DIR|- as given (array owned) */
  size_t noperands;
  const char **include;    /* --include globs (array owned) */
  size_t ninclude;
  const char **exclude;    /* --exclude globs (array owned) */
  size_t nexclude;
  ct_policy *policies;     /* --require, --forbid, --fail-on-unlabeled,
                           ** in order; labels found by classify */
  size_t npolicies;
  size_t jobs;             /* -j: worker threads (default: the cores) */
  size_t max_document_bytes;   /* a larger file or jsonl record is
                               ** skipped, read no further than that */
  ct_limits limits;        /* --rule-budget, --rule-memory, ... */
  ct_cli_color color;
  int explain;
  int sarif_labels;        /* --sarif-labels: a SARIF note per labelled clause */
  int keep_going;
  int debug;               /* --debug: ct.log prints */
  int strict;              /* lint --strict: warnings fail */
  int clauses_only;        /* --clauses-only: no document or error records
                           ** in the jsonl stream (answer.h) */
  int count, names, quiet; /* classify -c, -l, -q (cli/select.h) */
  const char **labels;     /* classify --label names (array owned) */
  size_t nlabels;
  int help;
  int have_output;         /* an -o was given */
  struct ct_cli_config *config;   /* the settings file read, or NULL */
} ct_cli_options;

/* The options every document command (segment, classify, profile)
** takes, for its option table next to its own (-f, whose formats differ,
** and -h among them), with their help, so that all the commands describe
** them in the same words. */
#define CT_CLI_DOCUMENT_OPTIONS                                           \
  {CT_OPT_OUTPUT, 'o', "output", 1,                                       \
   {"FILE", "write to FILE instead of standard output, atomically;\n"     \
            "-o FORMAT:FILE names the format too; classify\n"             \
            "and segment write one report per -o FORMAT:FILE", 0, NULL, NULL}}, \
  CT_CLI_INPUT_OPTIONS,                                                   \
  {CT_OPT_ABBREV, 0, "abbrev", 1,                                         \
   {"FILE", "more abbreviations that do not end a sentence,\n"            \
            "one per line, '#' comments (repeatable)", 0, NULL, NULL}},         \
  {CT_OPT_INCLUDE, 0, "include", 1,                                       \
   {"GLOB", "in directories, read the files whose names match\n"          \
            "GLOB (repeatable; default: *.txt, *.md, *.html,\n"           \
            "*.htm and *.pdf)", 0, NULL, NULL}},                                \
  {CT_OPT_EXCLUDE, 0, "exclude", 1,                                       \
   {"GLOB", "in directories, skip the files whose names match\n"          \
            "GLOB (repeatable; wins over --include)", 0, NULL, NULL}},          \
  {CT_OPT_JOBS, 'j', "jobs", 1,                                           \
   {"N", "worker threads (default: the number of cores);\n"               \
         "the output is the same for every N", 0, NULL, NULL}},                 \
  {CT_OPT_MAX_DOCUMENT_BYTES, 0, "max-document-bytes", 1,                 \
   {"N", "skip a file or jsonl record larger than N bytes\n"              \
         "without reading the rest (default %lu, %lu MiB);\n"             \
         "a large text file read in pieces is cut at blank\n"             \
         "lines, and it is the pieces that may not be larger",            \
    CT_DEFAULT_MAX_DOCUMENT_BYTES, NULL, NULL}},                                \
  CT_CLI_CONFIG_OPTIONS

/* --gold (the command's own key GOLD) and -r, as eval and train describe
** them. */
#define CT_CLI_GOLD_OPTIONS(GOLD)                                         \
  {GOLD, 0, "gold", 1,                                                    \
   {"FILE", "labelled clauses, repeatable (at least one); more\n"         \
            "files may follow as operands (--gold *.jsonl)", 0, NULL,     \
    NULL}},                                                               \
  {CT_OPT_RULES, 'r', "rules", 1,                                         \
   {"PATH", "rule file or directory, repeatable (default:\n"              \
            "CLAUSETAG_RULES, else the shipped rules)", 0, NULL, NULL}}

/* -h, as every command's help describes it. */
#define CT_CLI_HELP_OPTION \
  {CT_OPT_HELP, 'h', "help", 0, {NULL, "show this help", 0, NULL, NULL}}

/* --clauses-only, for the commands that write clause records (segment,
** classify). */
#define CT_CLI_STREAM_OPTIONS                                             \
  {CT_OPT_CLAUSES_ONLY, 0, "clauses-only", 0,                             \
   {NULL, "with --input jsonl -f jsonl: write the clause records\n"       \
          "only (the shape before the stream contract); by\n"             \
          "default each record is answered by its clauses, then\n"        \
          "a document record, or an error record", 0, NULL, NULL}}

/* Prints the help of table's options that carry one (ct_cli_help), in
** table order: "  -o, --output FILE    what it does", the text from
** `column` (0-based; CT_CLI_HELP_COLUMN for most commands), the name of
** an option too long for it, and names that stand for several options,
** on lines of their own. */
#define CT_CLI_HELP_COLUMN 23
void ct_cli_options_help(FILE *out, const ct_cli_option *table, int column);

/* The default a table's option `key` names in its help (ct_cli_help
** .deflt); 0 when it names none. */
unsigned long ct_cli_option_default(const ct_cli_option *table, int key);

/* Keys from CT_OPT_OWN up are a command's own options, which the parser
** hands to the command (ct_cli_own_fn) in their turn. */
#define CT_OPT_OWN 400

/* A command's own option `key` (its argument and name in a), or with key
** CT_CLI_ARG_OPERAND an operand: 0, 2 after a usage error, or -1 for an
** operand the parser is to keep (o->operands). */
typedef int ct_cli_own_fn(void *ud, int key, const ct_cli_args *a);

typedef struct ct_cli_command_spec {
  const char *command;                 /* "segment" */
  const ct_cli_option *options;        /* accepted options */
  const char *const *formats;          /* values of -f, NULL-ended; the first
                                       ** is default; NULL: -f is the
                                       ** command's own */
  int several_outputs;                 /* -o FORMAT:FILE more than once (the
                                       ** run loop's commands, run.h) */
  ct_cli_own_fn *own;                  /* the command's own options, or NULL */
  void *own_ud;
  int no_config;                       /* reads no settings file (eval) */
} ct_cli_command_spec;

/* Parses argv (argv[0] is the command name).  Returns 0, or 2 after
** printing a usage error; *o must be freed either way. */
int ct_cli_options_parse(ct_cli_options *o, const ct_cli_command_spec *spec,
                         int argc, char **argv);
void ct_cli_options_free(ct_cli_options *o);

/* The format a file is read in: the one --input names, else by name. */
ct_input_format ct_cli_input_format(const ct_cli_options *o,
                                    const char *path);

/* 0, or 2 after a usage error ("FILE: input file is also the output (-o
** would replace it)") when the output `out` (NULL: standard output)
** would replace a file the command reads: one of the n `inputs`, a rule
** file of o (a -r file, or an existing *.lua file of a -r directory) or
** an abbreviation file.  The parser checks its -o outputs against the
** rule and abbreviation files; a command checks its own -o, and its
** documents or gold files, itself (the run loop's feeder skips a
** document that is an output instead). */
int ct_cli_output_unread(const ct_cli_options *o, const char *command,
                         const char *out, const char *const *inputs,
                         size_t n);

/* For the commands whose operands are rule files (lint, rules): the
** operands join the -r paths, after them.  0, or 2 out of memory. */
int ct_cli_operands_as_rules(ct_cli_options *o);

/* The argument of -o/--output: *out is the file name, NULL for "-"
** (standard output).  An empty name is a usage error (2); a name that is
** a format's (`-o json`, likely meant as `-f json`) is written all the
** same, after a warning.  0 otherwise. */
int ct_cli_output_arg(const char *command, const char *arg, const char **out);

/* The argument of option `name` as a number into *v: greater than 0,
** or (zero_ok) at least 0, and at most 1000000.  0, or 2 after a usage
** error of `command` ("invalid argument 'x' for --name (expected ...)"). */
int ct_cli_number_arg(const char *command, const char *name, const char *arg,
                      int zero_ok, double *v);

/* Prints "clausetag: MESSAGE" and the hint to `command`'s help; 2. */
int ct_cli_usage_error(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
