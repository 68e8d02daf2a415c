/*
** segment.c -- `clausetag segment`: print the clauses of documents.
**
** Every input is read, segmented and written on its own, so a bad file
** costs only its own output: its message goes to stderr, the others are
** still processed and the exit status is 2 at the end.  Only a failure
** of the output itself (disk full, out of memory) stops the run.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/commands.h"
#include "cli/inputs.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/paths.h"

static const ct_cli_option segment_options[] = {
  {CT_OPT_FORMAT, 'f', "format", 1},
  {CT_OPT_OUTPUT, 'o', "output", 1},
  {CT_OPT_INPUT, 0, "input", 1},
  {CT_OPT_INVALID, 0, "invalid", 1},
  {CT_OPT_ABBREV, 0, "abbrev", 1},
  {CT_OPT_HELP, 'h', "help", 0},
  {0, 0, NULL, 0}
};

static const ct_cli_command_spec segment_spec = {
  "segment", segment_options, ct_segment_formats
};

void ct_cli_segment_help(FILE *out) {
  fputs(
"Usage: clausetag segment [OPTIONS] [FILE|DIR|-]...\n"
"\n"
"Cut documents into clauses (headings, list items, sentences) and print\n"
"them, one per line.  DIR means the *.txt files directly in it, in byte\n"
"order of name; '-' or no operand reads standard input.\n"
"\n"
"Options:\n"
"  -f, --format FORMAT  text (default): FILE:LINE:COL: KIND: TEXT\n"
"                       lines: the text of each clause only\n"
"                       jsonl: one JSON object per clause, with offsets\n"
"  -o, --output FILE    write to FILE instead of standard output, atomically\n"
"      --input MODE     text (default): documents to cut into clauses\n"
"                       lines: every non-blank line is one clause\n"
"      --invalid MODE   error (default): a file with invalid UTF-8 is\n"
"                       reported and skipped; replace: read it as U+FFFD\n"
"      --abbrev FILE    more abbreviations that do not end a sentence,\n"
"                       one per line, '#' comments (repeatable)\n"
"  -h, --help           show this help\n"
"\n"
"Exit status: 0 all inputs done; 2 a usage error, an input that could not\n"
"be read or is not valid UTF-8 text (the others are still processed), or\n"
"an output that could not be written.\n", out);
}

/* Everything one run of the command shares across its inputs. */
typedef struct seg_run {
  const ct_cli_options *opt;
  ct_abbrevs *ab;
  ct_writer w;
  int status;        /* 2 once an input failed */
  int fatal;         /* the output failed: stop */
  ct_error err;      /* of the fatal failure */
} seg_run;

/* A failed input: its message as the library wrote it ("FILE:3:7: ..."). */
static void input_failed(seg_run *r, const char *path, ct_status s,
                         const ct_error *err) {
  if (r->w.out == stdout) fflush(stdout);   /* keep terminal order */
  if (err->msg[0] != '\0')
    fprintf(stderr, "%s\n", err->msg);
  else
    fprintf(stderr, "%s: %s\n", path, ct_strerror(s));
  r->status = 2;
}

static ct_status cut(const seg_run *r, const ct_text *t, ct_clause **c,
                     size_t *n, ct_error *err) {
  if (r->opt->input == CT_CLI_INPUT_LINES)
    return ct_segment_lines(t, c, n, err);
  return ct_segment(t, r->ab, c, n, err);
}

static int segment_one(void *ctx, const char *path) {
  seg_run *r = ctx;
  ct_text *t = NULL;
  ct_clause *c = NULL;
  size_t n = 0;
  ct_error err;
  ct_status s;
  err.msg[0] = '\0';
  s = ct_text_read_file(path, r->opt->invalid, &t, &err);
  if (s == CT_OK) s = cut(r, t, &c, &n, &err);
  if (s != CT_OK) {
    input_failed(r, path, s, &err);
  } else if (ct_writer_document(&r->w, t, c, n, &r->err) != CT_OK) {
    r->fatal = 1;
  }
  free(c);
  ct_text_free(t);
  return r->fatal;
}

/* Adds abbreviations from `path`; 0, or 2 after printing why not. */
static int load_abbrevs(ct_abbrevs *ab, const char *path) {
  ct_error err;
  ct_status s;
  err.msg[0] = '\0';
  s = ct_abbrevs_load(ab, path, &err);
  if (s == CT_OK) return 0;
  if (err.msg[0] != '\0') fprintf(stderr, "%s\n", err.msg);
  else fprintf(stderr, "%s: %s\n", path, ct_strerror(s));
  return 2;
}

/* The shipped abbreviations.txt, if there is one: users extend it. */
static int load_shipped(ct_abbrevs *ab) {
  char *dir = ct_cli_rules_dir(), *file;
  int rc = 0;
  if (dir == NULL) return 0;
  file = ct_cli_path_join(dir, "abbreviations.txt");
  if (file != NULL && access(file, F_OK) == 0) rc = load_abbrevs(ab, file);
  free(file);
  free(dir);
  return rc;
}

/* Compiled-in defaults + shipped file + every --abbrev; NULL on error. */
static ct_abbrevs *make_abbrevs(const ct_cli_options *o) {
  ct_abbrevs *ab = ct_abbrevs_new(1);
  size_t i;
  int rc;
  if (ab == NULL) {
    fputs("clausetag: out of memory\n", stderr);
    return NULL;
  }
  rc = load_shipped(ab);
  for (i = 0; rc == 0 && i < o->nabbrevs; i++)
    rc = load_abbrevs(ab, o->abbrevs[i]);
  if (rc != 0) {
    ct_abbrevs_free(ab);
    return NULL;
  }
  return ab;
}

static void run_inputs(seg_run *r) {
  static const char *const stdin_only[] = {"-"};
  const char *const *ops = r->opt->noperands ? r->opt->operands : stdin_only;
  size_t i, n = r->opt->noperands ? r->opt->noperands : 1;
  for (i = 0; i < n && !r->fatal; i++)
    if (ct_cli_inputs_each(ops[i], segment_one, r) == 2) r->status = 2;
}

/* Writes everything to the opened output; the exit status. */
static int run_to(seg_run *r, ct_cli_outfile *out) {
  ct_writer_init(&r->w, r->opt->format, out->f);
  r->err.msg[0] = '\0';
  if (ct_writer_begin(&r->w, &r->err) != CT_OK) r->fatal = 1;
  if (!r->fatal) run_inputs(r);
  if (!r->fatal && ct_writer_end(&r->w, &r->err) != CT_OK) r->fatal = 1;
  if (r->fatal) {
    if (r->w.errnum == 0)
      fprintf(stderr, "clausetag: %s\n", r->err.msg);
    return ct_cli_outfile_fail(out, r->w.errnum);
  }
  return ct_cli_outfile_commit(out) ? 2 : r->status;
}

int ct_cli_segment(int argc, char **argv) {
  ct_cli_options o;
  ct_cli_outfile out;
  seg_run r;
  int rc = ct_cli_options_parse(&o, &segment_spec, argc, argv);
  if (rc != 0 || o.help) {
    if (rc == 0) ct_cli_segment_help(stdout);
    ct_cli_options_free(&o);
    return rc;
  }
  memset(&r, 0, sizeof r);
  r.opt = &o;
  r.ab = make_abbrevs(&o);
  if (r.ab == NULL) rc = 2;
  else if ((rc = ct_cli_outfile_open(&out, o.output)) == 0) {
    rc = run_to(&r, &out);
    ct_writer_free(&r.w);
  }
  if (r.ab != NULL) ct_abbrevs_free(r.ab);
  ct_cli_options_free(&o);
  return rc;
}
