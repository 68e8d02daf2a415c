/*
** options.c -- from an argument vector to a ct_cli_options.
*/
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cli/options.h"
#include "cli/config.h"
#include "cli/outfile.h"

const char *const ct_cli_input_choices[] = {"text", "html", "pdf", "lines",
                                            "jsonl", NULL};
const char *const ct_cli_invalid_choices[] = {"error", "replace", NULL};
const char *const ct_cli_color_choices[] = {"auto", "always", "never", NULL};

/* One line of an option's text after `indent` spaces: "%lu" is the
** default (a second one, the default in MiB), "%g" the default as it is
** (diff's --threshold). */
static void help_line(FILE *out, int indent, const ct_cli_help *h,
                      const char *line, size_t len) {
  char fmt[256];
  if (len >= sizeof fmt) len = sizeof fmt - 1;
  memcpy(fmt, line, len);
  fmt[len] = '\0';
  fprintf(out, "%*s", indent, "");
  if (strstr(fmt, "%lu") != NULL) {
    unsigned long v = (unsigned long)h->deflt;
    fprintf(out, fmt, v, v >> 20);
  } else if (strstr(fmt, "%g") != NULL) {
    fprintf(out, fmt, h->deflt);
  } else {
    fputs(fmt, out);
  }
  fputc('\n', out);
}

/* The name column of an option: "  -o, --output FILE", or its help's
** names, a line each after six spaces; the width of the last line. */
static int help_names(FILE *out, const ct_cli_option *t) {
  const char *p = t->help.names, *nl;
  int n;
  if (p == NULL) {
    n = t->shrt ? fprintf(out, "  -%c, --%s", t->shrt, t->lng)
                : fprintf(out, "      --%s", t->lng);
    if (t->help.arg != NULL) n += fprintf(out, " %s", t->help.arg);
    return n;
  }
  while ((nl = strchr(p, '\n')) != NULL) {
    fprintf(out, "      %.*s\n", (int)(nl - p), p);
    p = nl + 1;
  }
  return fprintf(out, "      %s", p);
}

void ct_cli_options_help(FILE *out, const ct_cli_option *t, int column) {
  for (; t->key != 0; t++) {
    const char *line = t->help.text, *nl;
    int n, indent = column;
    if (line == NULL) continue;
    n = help_names(out, t);
    if (n < column && t->help.names == NULL) indent = column - n;
    else fputc('\n', out);
    for (;; line = nl + 1, indent = column) {
      nl = strchr(line, '\n');
      help_line(out, indent, &t->help, line,
                nl ? (size_t)(nl - line) : strlen(line));
      if (nl == NULL) break;
    }
  }
}

/* "FILE:LINE" of the setting being applied, for its errors: options are
** parsed once, by the main thread, before anything else runs. */
static const char *usage_where;

static const ct_cli_option *option_of(const ct_cli_option *t, int key) {
  for (; t->key != 0; t++)
    if (t->key == key) return t;
  return NULL;
}

unsigned long ct_cli_option_default(const ct_cli_option *t, int key) {
  const ct_cli_option *o = option_of(t, key);
  return o != NULL ? (unsigned long)o->help.deflt : 0;
}

int ct_cli_usage_error(const char *command, const char *fmt, ...) {
  va_list ap;
  fputs("clausetag: ", stderr);
  if (usage_where != NULL) fprintf(stderr, "%s: ", usage_where);
  va_start(ap, fmt);
  vfprintf(stderr, fmt, ap);
  va_end(ap);
  if (command != NULL)
    fprintf(stderr, "\nTry 'clausetag help %s'.\n", command);
  else
    fputs("\nTry 'clausetag --help'.\n", stderr);
  return 2;
}

int ct_cli_number_arg(const char *command, const char *name, const char *arg,
                      int zero_ok, double *v) {
  char *end;
  double x = strtod(arg, &end);
  if (end != arg && *end == '\0' && (x > 0 || (zero_ok && x == 0)) &&
      x <= 1e6) {
    *v = x;
    return 0;
  }
  return ct_cli_usage_error(command, "invalid argument '%s' for %s "
                            "(expected a number %s 1000000)", arg, name,
                            zero_ok ? "from 0 to" : "greater than 0, at most");
}

/* "text, lines or jsonl": the choices for a message. */
static void list_names(char *out, size_t size, const char *const *names) {
  size_t len = 0;
  out[0] = '\0';
  for (; *names != NULL && len < size; names++) {
    const char *sep = names[1] == NULL ? (len ? " or " : "")
                                       : (len ? ", " : "");
    len += (size_t)snprintf(out + len, size - len, "%s%s", sep, *names);
  }
}

/* The entry of a NULL-ended list of names equal to name, or NULL. */
static const char *find_name(const char *const *names, const char *name) {
  for (; *names != NULL; names++)
    if (strcmp(*names, name) == 0) return *names;
  return NULL;
}

static int set_format(ct_cli_options *o, const ct_cli_command_spec *spec,
                      const char *arg) {
  char choices[128];
  o->format = find_name(spec->formats, arg);
  /* one spelling across commands: "json" is the JSON Lines format of the
  ** commands that write one JSON record a line */
  if (o->format == NULL && strcmp(arg, "json") == 0)
    o->format = find_name(spec->formats, "jsonl");
  if (o->format != NULL) return 0;
  list_names(choices, sizeof choices, spec->formats);
  return ct_cli_usage_error(spec->command,
                            "invalid argument '%s' for --format "
                            "(expected %s)", arg, choices);
}

/* The argument of an option that takes one of its help's choices: its
** index, or -1 after a usage error. */
static int choice(const ct_cli_command_spec *spec, int key, const char *arg) {
  const ct_cli_option *opt = option_of(spec->options, key);
  const char *const *c = opt ? opt->help.choices : NULL;
  char names[128];
  int i;
  if (c == NULL) {   /* a table without the option's choices */
    ct_cli_usage_error(spec->command, "unhandled option");
    return -1;
  }
  for (i = 0; c[i] != NULL; i++)
    if (strcmp(arg, c[i]) == 0) return i;
  list_names(names, sizeof names, c);
  ct_cli_usage_error(spec->command, "invalid argument '%s' for --%s "
                     "(expected %s)", arg, opt->lng, names);
  return -1;
}

/* --input, --invalid, --color: one of the choices. */
static int set_choice(ct_cli_options *o, const ct_cli_command_spec *spec,
                      int key, const char *arg) {
  int i = choice(spec, key, arg);
  if (i < 0) return 2;
  if (key == CT_OPT_INPUT) o->input = (ct_cli_input)(CT_CLI_INPUT_TEXT + i);
  else if (key == CT_OPT_INVALID) o->invalid = (ct_invalid)i;
  else o->color = (ct_cli_color)i;
  return 0;
}

/* A count from 1 to max, digits only: "+5", " 5", "5k" and 0 are
** refused rather than read as something the user did not mean. */
static int parse_count(const char *arg, unsigned long max,
                       unsigned long *out) {
  char *end;
  unsigned long v;
  if (arg[0] < '0' || arg[0] > '9') return -1;
  errno = 0;
  v = strtoul(arg, &end, 10);
  if (errno != 0 || *end != '\0' || v == 0 || v > max) return -1;
  *out = v;
  return 0;
}

static int set_limit(ct_cli_options *o, const char *command, int key,
                     const char *arg) {
  static const char *const names[] = {"--rule-budget", "--rule-memory",
                                      "--max-clause-bytes"};
  const unsigned long max_mib = (unsigned long)(SIZE_MAX >> 20);
  int which = key - CT_OPT_RULE_BUDGET;
  unsigned long v;
  if (parse_count(arg, which == 1 ? max_mib : ULONG_MAX, &v) != 0)
    return ct_cli_usage_error(command, "invalid argument '%s' for %s "
                              "(expected a positive integer)", arg,
                              names[which]);
  if (which == 0) o->limits.rule_budget = v;
  else if (which == 1) o->limits.rule_memory = (size_t)v << 20;
  else o->limits.max_clause_bytes = (size_t)v;
  return 0;
}

/* --rule-time MS: 0 turns the wall clock off. */
static int set_rule_time(ct_cli_options *o, const char *command,
                         const char *arg) {
  char *end;
  unsigned long v;
  errno = 0;
  v = strtoul(arg, &end, 10);
  if (arg[0] < '0' || arg[0] > '9' || errno != 0 || *end != '\0')
    return ct_cli_usage_error(command, "invalid argument '%s' for "
                              "--rule-time (expected milliseconds, 0 for "
                              "no limit)", arg);
  o->limits.rule_time_ms = v;
  return 0;
}

/* -j N: up to 1024 threads, more than any machine this runs on needs. */
static int set_jobs(ct_cli_options *o, const char *command, const char *arg) {
  unsigned long v;
  if (parse_count(arg, 1024, &v) != 0)
    return ct_cli_usage_error(command, "invalid argument '%s' for --jobs "
                              "(expected an integer from 1 to 1024)", arg);
  o->jobs = (size_t)v;
  return 0;
}

/* --max-document-bytes N: any positive size in bytes. */
static int set_max_document(ct_cli_options *o, const char *command,
                            const char *arg) {
  const unsigned long max = (unsigned long)(SIZE_MAX < ULONG_MAX ? SIZE_MAX
                                                                : ULONG_MAX);
  unsigned long v;
  if (parse_count(arg, max, &v) != 0)
    return ct_cli_usage_error(command, "invalid argument '%s' for "
                              "--max-document-bytes (expected a positive "
                              "integer)", arg);
  o->max_document_bytes = (size_t)v;
  return 0;
}

static int add_policy(ct_cli_options *o, int key, const char *label) {
  ct_policy *grown;
  ct_policy_kind kind = key == CT_OPT_REQUIRE  ? CT_POLICY_REQUIRE
                        : key == CT_OPT_FORBID ? CT_POLICY_FORBID
                                               : CT_POLICY_UNLABELED;
  size_t i;
  for (i = 0; i < o->npolicies; i++)   /* the same check twice: once */
    if (o->policies[i].kind == kind &&
        (label == NULL || strcmp(o->policies[i].label, label) == 0))
      return 0;
  grown = realloc(o->policies, (o->npolicies + 1) * sizeof *grown);
  if (grown == NULL) {
    fputs("clausetag: out of memory\n", stderr);
    return 2;
  }
  grown[o->npolicies].kind = kind;
  grown[o->npolicies].label = label;
  grown[o->npolicies++].label_index = 0;
  o->policies = grown;
  return 0;
}

ct_input_format ct_cli_input_format(const ct_cli_options *o,
                                    const char *path) {
  switch (o->input) {
    case CT_CLI_INPUT_HTML: return CT_INPUT_HTML;
    case CT_CLI_INPUT_PDF: return CT_INPUT_PDF;
    case CT_CLI_INPUT_AUTO: return ct_input_format_of(path);
    default: return CT_INPUT_TEXT;
  }
}

int ct_cli_operands_as_rules(ct_cli_options *o) {
  const char **all;
  if (o->noperands == 0) return 0;
  all = realloc(o->rules, (o->nrules + o->noperands + 1) * sizeof *all);
  if (all == NULL) {
    fputs("clausetag: out of memory\n", stderr);
    return 2;
  }
  memcpy(all + o->nrules, o->operands, o->noperands * sizeof *all);
  o->rules = all;
  o->nrules += o->noperands;
  o->noperands = 0;
  return 0;
}

int ct_cli_output_arg(const char *command, const char *arg,
                      const char **out) {
  static const char *const formats[] = {"text", "lines", "json", "jsonl",
                                        "tsv", "sarif", "junit", "html",
                                        "summary", NULL};
  size_t i;
  if (arg[0] == '\0')
    return ct_cli_usage_error(command, "empty file name for --output");
  for (i = 0; formats[i] != NULL; i++)
    if (strcmp(arg, formats[i]) == 0)
      fprintf(stderr, "clausetag: warning: writing to a file named '%s' "
              "(to choose the format, use -f %s)\n", arg, arg);
  *out = strcmp(arg, "-") == 0 ? NULL : arg;
  return 0;
}

/* Appends to one of the owned arrays; argv outlives them. */
static int push(const char ***arr, size_t *n, const char *s) {
  const char **grown = realloc(*arr, (*n + 1) * sizeof **arr);
  if (grown == NULL) {
    fputs("clausetag: out of memory\n", stderr);
    return 2;
  }
  grown[(*n)++] = s;
  *arr = grown;
  return 0;
}

/* "FORMAT:FILE" with FORMAT one of the command's formats ("json" too):
** the format, and *path the file; NULL for a plain file name. */
static const char *format_prefix(const ct_cli_command_spec *spec,
                                const char *arg, const char **path) {
  const char *colon = strchr(arg, ':');
  char name[32];
  const char *f;
  size_t n = colon ? (size_t)(colon - arg) : 0;
  if (n == 0 || n >= sizeof name || colon[1] == '\0') return NULL;
  memcpy(name, arg, n);
  name[n] = '\0';
  f = find_name(spec->formats, strcmp(name, "json") ? name : "jsonl");
  if (f != NULL) *path = colon + 1;
  return f;
}

/* -o FILE or -o FORMAT:FILE: the first is the run's output (its FORMAT
** overrides -f); every later one must name its format, and is written
** from the same run (see run.c). */
static int add_output(ct_cli_options *o, const ct_cli_command_spec *spec,
                      const char *arg) {
  const char *path = arg, *p;
  const char *f = format_prefix(spec, arg, &path);
  ct_cli_output *grown;
  int rc;
  if (!o->have_output) {
    o->have_output = 1;
    o->output_format = f;
    return ct_cli_output_arg(spec->command, path, &o->output);
  }
  if (!spec->several_outputs)
    return ct_cli_usage_error(spec->command, "one output only: clausetag %s "
                              "writes one report", spec->command);
  if (f == NULL)
    return ct_cli_usage_error(spec->command, "several outputs: name the "
                              "format of each, -o FORMAT:FILE ('%s')", arg);
  if ((rc = ct_cli_output_arg(spec->command, path, &p)) != 0) return rc;
  if (p == NULL && o->output == NULL)
    return ct_cli_usage_error(spec->command, "only one output can be "
                              "standard output");
  grown = realloc(o->outputs, (o->noutputs + 1) * sizeof *grown);
  if (grown == NULL) return ct_cli_usage_error(spec->command, "out of memory");
  o->outputs = grown;
  o->outputs[o->noutputs].format = f;
  o->outputs[o->noutputs++].path = p;
  return 0;
}

static int apply(ct_cli_options *o, const ct_cli_command_spec *spec,
                 int key, const char *arg) {
  switch (key) {
    case CT_OPT_HELP: o->help = 1; return 0;
    case CT_OPT_FORMAT: return set_format(o, spec, arg);
    case CT_OPT_OUTPUT: return add_output(o, spec, arg);
    case CT_OPT_INPUT:
    case CT_OPT_INVALID:
    case CT_OPT_COLOR: return set_choice(o, spec, key, arg);
    case CT_OPT_ABBREV:
      return push(&o->abbrevs, &o->nabbrevs, arg);
    case CT_OPT_RULES:
      if (arg[0] == '\0')
        return ct_cli_usage_error(spec->command, "empty path for --rules");
      return push(&o->rules, &o->nrules, arg);
    case CT_OPT_EXPLAIN: o->explain = 1; return 0;
    case CT_OPT_SARIF_LABELS: o->sarif_labels = 1; return 0;
    case CT_OPT_KEEP_GOING: o->keep_going = 1; return 0;
    case CT_OPT_DEBUG: o->debug = 1; return 0;
    case CT_OPT_STRICT: o->strict = 1; return 0;
    case CT_OPT_CLAUSES_ONLY: o->clauses_only = 1; return 0;
    case CT_OPT_COUNT: o->count = 1; return 0;
    case CT_OPT_NAMES: o->names = 1; return 0;
    case CT_OPT_QUIET: o->quiet = 1; return 0;
    case CT_OPT_LABEL: return push(&o->labels, &o->nlabels, arg);
    case CT_OPT_JOBS: return set_jobs(o, spec->command, arg);
    case CT_OPT_MAX_DOCUMENT_BYTES:
      return set_max_document(o, spec->command, arg);
    case CT_OPT_INCLUDE: return push(&o->include, &o->ninclude, arg);
    case CT_OPT_EXCLUDE: return push(&o->exclude, &o->nexclude, arg);
    case CT_OPT_REQUIRE:
    case CT_OPT_FORBID:
      return add_policy(o, key, arg);
    case CT_OPT_FAIL_ON_UNLABELED: return add_policy(o, key, NULL);
    case CT_OPT_RULE_BUDGET:
    case CT_OPT_RULE_MEMORY:
    case CT_OPT_MAX_CLAUSE_BYTES:
      return set_limit(o, spec->command, key, arg);
    case CT_OPT_RULE_TIME: return set_rule_time(o, spec->command, arg);
    case CT_OPT_CONFIG:
    case CT_OPT_NO_CONFIG: return 0;       /* read before: read_config */
    default: return ct_cli_usage_error(spec->command, "unhandled option");
  }
}

/* One worker per online core, and at least one. */
static size_t default_jobs(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : n > 1024 ? 1024 : (size_t)n;
}

/* -- the settings file (config.h) ------------------------------------- */

/* Every option a settings file may set (not help, config, debug). */
static const char *const settable[] = {
  "format", "output", "input", "invalid", "abbrev", "include", "exclude",
  "jobs", "max-document-bytes", "rules", "require", "forbid",
  "fail-on-unlabeled", "explain", "color", "keep-going", "rule-budget",
  "rule-memory", "rule-time", "max-clause-bytes", "strict", "label", "sarif-labels",
  "clauses-only", NULL
};

/* The commands that read the shared options, and so the file. */
static const char *const sections[] = {"classify", "segment", "rules",
                                       "lint", "profile", NULL};

#define NKEYS 512

/* What the command line gives, so that the file does not: the keys, and
** --config FILE / --no-config.  Malformed options are the main pass's. */
static void prescan(const ct_cli_command_spec *spec, int argc, char **argv,
                    unsigned char *given, const char **file, int *none) {
  ct_cli_args a;
  int key;
  ct_cli_args_init(&a, argc, argv);
  while ((key = ct_cli_args_next(&a, spec->options)) != CT_CLI_ARG_END &&
         key != CT_CLI_ARG_ERROR) {
    if (key > 0 && key < NKEYS) given[key] = 1;
    if (key == CT_OPT_CONFIG) *file = a.arg;
    if (key == CT_OPT_NO_CONFIG) *none = 1;
  }
}

static const ct_cli_option *find_option(const ct_cli_option *t,
                                        const char *name) {
  for (; t->key != 0; t++)
    if (t->lng != NULL && strcmp(t->lng, name) == 0) return t;
  return NULL;
}

static int in_list(const char *const *list, const char *name) {
  size_t i;
  for (i = 0; list[i] != NULL; i++)
    if (strcmp(list[i], name) == 0) return 1;
  return 0;
}

/* A path of the settings file that leads out of its directory: only the
** command line names files anywhere.  A file read from elsewhere would
** still run only in the sandbox, but the error for one that is no rule
** or abbreviation file quotes a line of it: whatever the job can read
** would reach its log. */
static int escapes(const char *command, int key, const char *path,
                   const char *why) {
  int out = key == CT_OPT_OUTPUT;
  return ct_cli_usage_error(command, "%s '%s' is outside the settings "
                            "file's directory (%s): a settings file %s only "
                            "below its own directory; give %s on the command "
                            "line instead",
                            out ? "output" : key == CT_OPT_RULES ? "rules"
                                                                 : "abbrev",
                            path, why, out ? "writes" : "reads",
                            out ? "-o" : key == CT_OPT_RULES ? "--rules"
                                                             : "--abbrev");
}

/* The value to apply: a path from the file's directory, a flag's NULL. */
static int setting_value(ct_cli_config *c, ct_cli_setting *st,
                         const ct_cli_option *opt,
                         const ct_cli_command_spec *spec) {
  const char *command = spec->command, *path;
  char *p;
  if (opt->has_arg && st->value == NULL)
    return ct_cli_usage_error(command, "'%s' needs a value: %s = VALUE",
                              st->name, st->name);
  if (!opt->has_arg && st->value != NULL) {
    if (strcmp(st->value, "true") != 0 && strcmp(st->value, "false") != 0)
      return ct_cli_usage_error(command, "'%s' is true or false, not '%s'",
                                st->name, st->value);
    return 0;
  }
  if (opt->key == CT_OPT_RULES || opt->key == CT_OPT_ABBREV ||
      opt->key == CT_OPT_OUTPUT) {
    /* output = FORMAT:FILE: the FILE part is the path */
    size_t keep = opt->key == CT_OPT_OUTPUT &&
                  format_prefix(spec, st->value, &path) != NULL
                  ? (size_t)(path - st->value) : 0;
    const char *why;
    char *q;
    if ((opt->key != CT_OPT_OUTPUT || strcmp(st->value + keep, "-") != 0) &&
        (why = ct_cli_config_escapes(c, st->value + keep,
                                     opt->key == CT_OPT_RULES ? ".lua"
                                                              : NULL)) != NULL)
      return escapes(command, opt->key, st->value + keep, why);
    if ((p = ct_cli_config_path(c, st->value + keep)) == NULL ||
        (q = malloc(keep + strlen(p) + 1)) == NULL) {
      free(p);
      return ct_cli_usage_error(command, "out of memory");
    }
    memcpy(q, st->value, keep);
    strcpy(q + keep, p);
    free(p);
    free(st->value);
    st->value = q;
  }
  return 0;
}

/* A sandbox limit from the settings file may only be lowered: the file
** can come with the rule files it would unleash (a pull request's), and
** "nothing in rule code can escape" the limits must hold for it too.
** The command line, the user's own choice, may still set any value. */
static int check_ceiling(const ct_cli_options *o, const char *command,
                         const ct_cli_setting *st, int key) {
  unsigned long v, max;
  switch (key) {
    case CT_OPT_RULE_BUDGET:
      v = o->limits.rule_budget, max = CT_DEFAULT_RULE_BUDGET; break;
    case CT_OPT_RULE_MEMORY:
      v = (unsigned long)(o->limits.rule_memory >> 20);
      max = (unsigned long)(CT_DEFAULT_RULE_MEMORY >> 20); break;
    case CT_OPT_RULE_TIME:
      v = o->limits.rule_time_ms, max = CT_DEFAULT_RULE_TIME_MS;
      if (v == 0)
        return ct_cli_usage_error(command, "'rule-time = 0' (no limit) "
                                  "would lift a sandbox limit: a settings "
                                  "file may only lower it (default %lu); "
                                  "give --rule-time on the command line "
                                  "instead", max);
      break;
    case CT_OPT_MAX_CLAUSE_BYTES:
      v = (unsigned long)o->limits.max_clause_bytes;
      max = (unsigned long)CT_DEFAULT_MAX_CLAUSE_BYTES; break;
    case CT_OPT_MAX_DOCUMENT_BYTES:
      v = (unsigned long)o->max_document_bytes;
      max = (unsigned long)CT_DEFAULT_MAX_DOCUMENT_BYTES; break;
    default: return 0;
  }
  if (v <= max) return 0;
  return ct_cli_usage_error(command, "'%s = %s' would raise a sandbox limit "
                            "above its default, %lu: a settings file may "
                            "only lower it; give --%s on the command line "
                            "instead", st->name, st->value, max, st->name);
}

static int apply_setting(ct_cli_options *o, const ct_cli_command_spec *spec,
                         ct_cli_config *c, ct_cli_setting *st,
                         const unsigned char *given) {
  const char *cmd = spec->command;
  const ct_cli_option *opt;
  int mine = st->section == NULL || strcmp(st->section, cmd) == 0;
  if (st->section != NULL && !in_list(sections, st->section))
    return ct_cli_usage_error(cmd, "unknown section '[%s]' (sections are "
                              "[classify], [segment], [rules], [lint] and "
                              "[profile])", st->section);
  if (!in_list(settable, st->name))
    return ct_cli_usage_error(cmd, "unknown setting '%s' (settings are the "
                              "long options of the commands, without --)",
                              st->name);
  if (!mine) return 0;
  if ((opt = find_option(spec->options, st->name)) == NULL)
    return st->section == NULL ? 0
           : ct_cli_usage_error(cmd, "'%s' is not an option of clausetag %s",
                                st->name, cmd);
  if (given[opt->key]) return 0;                 /* the command line's */
  if (setting_value(c, st, opt, spec) != 0) return 2;
  if (!opt->has_arg && st->value != NULL && strcmp(st->value, "false") == 0)
    return 0;
  if (apply(o, spec, opt->key, st->value) != 0) return 2;
  return check_ceiling(o, cmd, st, opt->key);
}

/* Reads the settings file, if there is one, and applies what the command
** line does not give. */
static int read_config(ct_cli_options *o, const ct_cli_command_spec *spec,
                       int argc, char **argv) {
  unsigned char given[NKEYS] = {0};
  const char *file = NULL;
  char *found = NULL, where[600];
  int none = 0, rc;
  size_t i;
  prescan(spec, argc, argv, given, &file, &none);
  if (none) return 0;
  if (file == NULL && ((rc = ct_cli_config_find(&found)) != 0 || !found))
    return rc;
  if ((o->config = calloc(1, sizeof *o->config)) == NULL)
    rc = ct_cli_usage_error(spec->command, "out of memory");
  else
    /* the file --config names is the user's choice: no ownership check */
    rc = ct_cli_config_read(o->config, file ? file : found, file == NULL);
  free(found);
  if (rc == CT_CLI_CONFIG_IGNORED) rc = 0;    /* warned; it holds nothing */
  for (i = 0; rc == 0 && i < o->config->n; i++) {
    ct_cli_setting *st = &o->config->settings[i];
    snprintf(where, sizeof where, "%s:%d", o->config->path, st->line);
    usage_where = where;
    rc = apply_setting(o, spec, o->config, st, given);
    usage_where = NULL;
  }
  return rc;
}

/* The file of output k: 0 the run's own (-o or its first), then the
** -o FORMAT:FILE after it; NULL for standard output. */
static const char *output_path(const ct_cli_options *o, size_t k) {
  return k == 0 ? o->output : o->outputs[k - 1].path;
}

/* No two outputs may be one file: each report would replace the other
** (the last renamed wins) and the run would still say it wrote both.
** Checked before any output is opened; 0, or 2 after a usage error. */
static int distinct_outputs(const ct_cli_options *o,
                            const ct_cli_command_spec *spec) {
  size_t i, k;
  for (k = 1; k <= o->noutputs; k++)
    for (i = 0; i < k; i++) {
      const char *a = output_path(o, i), *b = output_path(o, k);
      if (a != NULL && b != NULL && ct_cli_outfile_same(a, b))
        return ct_cli_usage_error(spec->command, "two outputs are one "
                                  "file: '%s' and '%s' (each report needs "
                                  "a file of its own)", a, b);
    }
  return 0;
}

/* The existing *.lua file `out` of a directory among the n `paths`
** (what the rule loader reads of a -r directory), or NULL. */
static const char *lua_of_dir(const char *out, const char *const *paths,
                              size_t n) {
  const char *base = strrchr(out, '/');
  size_t len = strlen(out), k;
  char *dir;
  struct stat d, p;
  int ok;
  base = base ? base + 1 : out;
  if (len < 4 || strcmp(out + len - 4, ".lua") != 0 || base[0] == '.' ||
      stat(out, &p) != 0 || !S_ISREG(p.st_mode))
    return NULL;
  if ((dir = base == out ? strdup(".") : strdup(out)) == NULL) return NULL;
  if (base != out) dir[base - out] = '\0';
  ok = stat(dir, &d) == 0;
  free(dir);
  for (k = 0; ok && k < n; k++)
    if (stat(paths[k], &p) == 0 && S_ISDIR(p.st_mode) &&
        p.st_dev == d.st_dev && p.st_ino == d.st_ino)
      return out;
  return NULL;
}

int ct_cli_output_unread(const ct_cli_options *o, const char *command,
                         const char *out, const char *const *inputs,
                         size_t n) {
  const char *const *rules = (const char *const *)o->rules;
  const char *in;
  if (out == NULL) return 0;
  if ((in = ct_cli_outfile_input(out, inputs, n)) == NULL &&
      (in = ct_cli_outfile_input(out, rules, o->nrules)) == NULL &&
      (in = lua_of_dir(out, rules, o->nrules)) == NULL &&
      (in = ct_cli_outfile_input(out, (const char *const *)o->abbrevs,
                                 o->nabbrevs)) == NULL)
    return 0;
  return ct_cli_usage_error(command, "%s: input file is also the output "
                            "(-o would replace it)", in);
}

int ct_cli_options_parse(ct_cli_options *o, const ct_cli_command_spec *spec,
                         int argc, char **argv) {
  ct_cli_args a;
  int key, rc = 0;
  size_t k;
  memset(o, 0, sizeof *o);
  o->format = spec->formats ? spec->formats[0] : NULL;
  o->invalid = CT_INVALID_ERROR;
  ct_limits_default(&o->limits);
  o->jobs = default_jobs();
  o->max_document_bytes = CT_DEFAULT_MAX_DOCUMENT_BYTES;
  rc = spec->no_config ? 0 : read_config(o, spec, argc, argv);
  ct_cli_args_init(&a, argc, argv);
  while (rc == 0 && (key = ct_cli_args_next(&a, spec->options)) != 0) {
    if (key == CT_CLI_ARG_ERROR)
      rc = ct_cli_usage_error(spec->command, "%s", a.msg);
    else if ((key >= CT_OPT_OWN || key == CT_CLI_ARG_OPERAND) && spec->own &&
             (rc = spec->own(spec->own_ud, key, &a)) != -1)
      continue;
    else if (key == CT_CLI_ARG_OPERAND)
      rc = push(&o->operands, &o->noperands, a.arg);
    else
      rc = apply(o, spec, key, a.arg);
  }
  if (rc == 0 && o->output_format != NULL) o->format = o->output_format;
  if (rc == 0 && o->noutputs > 0 &&
      (o->input == CT_CLI_INPUT_JSONL || o->nlabels > 0 || o->count ||
       o->names || o->quiet))
    rc = ct_cli_usage_error(spec->command, "several outputs (-o FORMAT:FILE) "
                            "are for files and directories, not with "
                            "--input jsonl, --label, -c, -l or -q");
  if (rc == 0 && o->noutputs > 0) rc = distinct_outputs(o, spec);
  for (k = 0; rc == 0 && k <= o->noutputs; k++)   /* documents: feed.c */
    rc = ct_cli_output_unread(o, spec->command, output_path(o, k), NULL, 0);
  return rc;
}

void ct_cli_options_free(ct_cli_options *o) {
  free(o->abbrevs);
  free(o->rules);
  free(o->operands);
  free(o->include);
  free(o->exclude);
  free(o->policies);
  free(o->outputs);
  if (o->config != NULL) ct_cli_config_free(o->config);
  free(o->config);
  free(o->labels);
  memset(o, 0, sizeof *o);
}
