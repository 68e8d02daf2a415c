/*
** diff.c -- `clausetag diff OLD NEW`: what a new version of a document
** adds, drops and changes, label by label.
**
** Both documents are read, cut and classified as classify does them
** (the same --input modes, rule files, abbreviations and limits, through
** the public API), their clauses aligned by src/diff/align.c and the
** steps written by src/diff/report.c.  Both sides are read before
** anything stops, so two bad files give two messages; nothing is written
** unless both were read and classified.  Exit status as diff(1)'s: 0 the
** versions say the same, 1 they differ, 2 an error (wins).
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/abbrevs.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/rulefiles.h"

/* The values of -f: ct_diff_write's formats. */
static const char *const diff_formats[] = {"text", "jsonl", "html", NULL};

enum { OPT_THRESHOLD = CT_OPT_OWN, OPT_UNCHANGED };


/* In the order of the help. */
static const ct_cli_option diff_options[] = {
  {CT_OPT_FORMAT, 'f', "format", 1,
   {"FORMAT", "text (default): per label, + new, - dropped,\n"
              "~ changed (both texts), with LINE:COL\n"
              "jsonl: one JSON object per clause or pair\n"
              "html: a self-contained page for a person", 0, NULL, NULL}},
  {CT_OPT_OUTPUT, 'o', "output", 1,
   {"FILE", "write to FILE instead of standard output, atomically", 0,
    NULL, NULL}},
  {OPT_THRESHOLD, 0, "threshold", 1,
   {"X", "the least share of words two clauses have in common\n"
         "to pair (Dice coefficient, 0 < X <= 1; default %g)",
    CT_ALIGN_THRESHOLD, NULL, NULL}},
  {OPT_UNCHANGED, 0, "unchanged", 0,
   {NULL, "text: list the unchanged clauses too", 0, NULL, NULL}},
  {CT_OPT_RULES, 'r', "rules", 1,
   {"PATH", "a rule file or a directory of *.lua (repeatable);\n"
            "default: $CLAUSETAG_RULES, else the shipped rules", 0, NULL,
    NULL}},
  {CT_OPT_INPUT, 0, "input", 1,
   {"MODE", "by name (default), text, html, pdf or lines", 0,
    ct_cli_input_choices, NULL}},
  {CT_OPT_INVALID, 0, "invalid", 1,
   {"MODE", "error (default) or replace, as for classify", 0,
    ct_cli_invalid_choices, NULL}},
  {CT_OPT_ABBREV, 0, "abbrev", 1,
   {"FILE", "more abbreviations (repeatable), as for classify", 0, NULL,
    NULL}},
  {CT_OPT_MAX_DOCUMENT_BYTES, 0, "max-document-bytes", 1,
   {"N", "a larger document is an error (default %lu)",
    CT_DEFAULT_MAX_DOCUMENT_BYTES, NULL, NULL}},
  CT_CLI_RULE_LIMIT_OPTIONS_TOGETHER(
      "--rule-budget N, --rule-memory MIB, --rule-time MS,\n"
      "--max-clause-bytes N, --keep-going, --debug", "as for classify"),
  {CT_OPT_MAX_CLAUSE_BYTES, 0, "max-clause-bytes", 1, {0}},
  {CT_OPT_KEEP_GOING, 0, "keep-going", 0, {0}},
  {CT_OPT_DEBUG, 0, "debug", 0, {0}},
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

void ct_cli_diff_help(FILE *out) {
  fputs(
"Usage: clausetag diff [OPTIONS] OLD NEW\n"
"\n"
"Compare two versions of a document clause by clause: what NEW adds,\n"
"drops and changes against OLD, label by label.  Both are read, cut and\n"
"classified as classify does; their clauses are paired in order by the\n"
"words they share, so a reworded clause pairs with its old wording.  '-'\n"
"reads one of them from standard input.\n"
"\n"
"Options:\n", out);
  ct_cli_options_help(out, diff_options, CT_CLI_HELP_COLUMN);
  fputs(
"\n"
"Exit status: 0 no differences; 1 differences; 2 (wins over 1) a usage\n"
"error, rules that do not load, a rule that fails, or a document that\n"
"could not be read (nothing is written then).\n", out);
}

/* ---- this command's own options ----------------------------------------- */

typedef struct diff_args {
  ct_align_options align;
  unsigned flags;          /* CT_DIFF_LIST_UNCHANGED */
} diff_args;

static int set_threshold(diff_args *da, const char *v) {
  char *end;
  double x;
  errno = 0;
  x = strtod(v, &end);
  if (v[0] < '0' || v[0] > '9' || *end != '\0' || errno != 0 ||
      !(x > 0 && x <= 1))
    return ct_cli_usage_error("diff", "invalid argument '%s' for "
                              "--threshold (expected a number above 0, at "
                              "most 1)", v);
  da->align.threshold = x;
  return 0;
}

/* --threshold and --unchanged (ct_cli_own_fn); 0, or 2 after a usage
** error. */
static int diff_option(void *ud, int key, const ct_cli_args *a) {
  diff_args *da = ud;
  if (key == OPT_THRESHOLD) return set_threshold(da, a->arg);
  if (key == OPT_UNCHANGED) {
    da->flags |= CT_DIFF_LIST_UNCHANGED;
    return 0;
  }
  return -1;   /* an operand: the shared parser keeps it */
}

/* ---- one side: read, cut, classify -------------------------------------- */

typedef struct side {
  const char *path;
  ct_text *text;
  ct_clause *clauses;
  size_t n;
  ct_results *results;
  char **texts;            /* collapsed clause texts */
} side;

static void side_free(side *s) {
  size_t i;
  if (s->texts != NULL)
    for (i = 0; i < s->n; i++) free(s->texts[i]);
  free(s->texts);
  ct_results_free(s->results);
  free(s->clauses);
  ct_text_free(s->text);
}

/* Reads and cuts a side; 0, or 2 after printing why not (the message a
** classify run prints for the same file). */
static int side_read(side *sd, const ct_cli_options *o, const ct_ruleset *rs) {
  ct_error err;
  ct_status s;
  err.msg[0] = '\0';
  s = ct_text_read_format(sd->path, ct_cli_input_format(o, sd->path),
                          o->invalid, o->max_document_bytes, &sd->text, &err);
  if (s == CT_OK && o->input == CT_CLI_INPUT_LINES)
    s = ct_segment_lines(sd->text, &sd->clauses, &sd->n, &err);
  else if (s == CT_OK)
    s = ct_segment(sd->text, ct_ruleset_abbrevs(rs), &sd->clauses, &sd->n,
                   &err);
  if (s == CT_OK) return 0;
  if (s == CT_ETOOBIG && strstr(err.msg, "document size cap") != NULL)
    fprintf(stderr, "%s (--max-document-bytes)\n", err.msg);
  else if (err.msg[0] != '\0')
    fprintf(stderr, "%s\n", err.msg);
  else
    fprintf(stderr, "%s: %s\n", sd->path, ct_strerror(s));
  return 2;
}

/* Classifies a side and collapses its clause texts; 0 or 2. */
static int side_classify(side *sd, ct_engine *e) {
  ct_error err;
  size_t i;
  err.msg[0] = '\0';
  if (sd->n > 0 && ct_engine_classify(e, sd->text, sd->clauses, sd->n, NULL,
                                      &sd->results, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  if ((sd->texts = calloc(sd->n ? sd->n : 1, sizeof *sd->texts)) == NULL)
    goto nomem;
  for (i = 0; i < sd->n; i++)
    if ((sd->texts[i] = ct_clause_text(sd->text, &sd->clauses[i], 1)) == NULL)
      goto nomem;
  return 0;
nomem:
  fputs("clausetag: out of memory\n", stderr);
  return 2;
}

/* ---- the comparison ------------------------------------------------------ */

static int partial;        /* a rule failed under --keep-going */

static void keep_going(void *ud, const ct_error *err) {
  (void)ud;
  partial = 1;
  fprintf(stderr, "%s\n", err->msg);
}

static int write_out(const ct_cli_options *o, const char *s, size_t len) {
  ct_cli_outfile out;
  int rc = ct_cli_outfile_open(&out, o->output);
  if (rc != 0) return rc;
  errno = 0;
  if (fwrite(s, 1, len, out.f) != len)
    return ct_cli_outfile_fail(&out, errno ? errno : EIO);
  return ct_cli_outfile_commit(&out);
}

static void doc_of(const side *sd, ct_diff_doc *doc) {
  doc->name = ct_text_name(sd->text);   /* "<stdin>" for "-" */
  doc->text = sd->text;
  doc->clauses = sd->clauses;
  doc->results = ct_results_array(sd->results);
  doc->texts = (const char *const *)sd->texts;
  doc->n = sd->n;
}

/* Aligns the classified sides and writes the report; the exit status. */
static int compare(const ct_cli_options *o, const diff_args *da,
                   const ct_ruleset *rs, side *old_s, side *new_s) {
  ct_align_pair *steps = NULL;
  size_t nsteps = 0, len;
  char *report;
  ct_diff d;
  ct_error err;
  ct_status s;
  int rc;
  err.msg[0] = '\0';
  s = ct_align((const char *const *)old_s->texts, old_s->n,
               (const char *const *)new_s->texts, new_s->n, &da->align,
               &steps, &nsteps, NULL, &err);
  if (s != CT_OK) {
    fprintf(stderr, "clausetag: %s\n", err.msg);
    return 2;
  }
  d.rs = rs, d.steps = steps, d.nsteps = nsteps;
  doc_of(old_s, &d.old_doc);
  doc_of(new_s, &d.new_doc);
  s = ct_diff_write(o->format, &d, da->flags, &report, &len, &err);
  if (s != CT_OK) {
    fprintf(stderr, "clausetag: %s\n", err.msg);
    rc = 2;
  } else {
    rc = write_out(o, report, len);
    if (rc == 0) rc = ct_diff_differences(&d) > 0;
  }
  ct_string_free(report);
  ct_align_free(steps);
  return rc;
}

static int check_operands(const ct_cli_options *o) {
  if (o->input == CT_CLI_INPUT_JSONL)
    return ct_cli_usage_error("diff", "--input jsonl is not for diff: it "
                              "compares two documents, not streams");
  if (o->noperands != 2)
    return ct_cli_usage_error("diff", "diff compares two documents, OLD and "
                              "NEW (got %zu)", o->noperands);
  if (strcmp(o->operands[0], "-") == 0 && strcmp(o->operands[1], "-") == 0)
    return ct_cli_usage_error("diff", "standard input can be only one of "
                              "OLD and NEW");
  return ct_cli_output_unread(o, "diff", o->output,
                              (const char *const *)o->operands, 2);
}

static int run(const ct_cli_options *o, const diff_args *da, ct_ruleset *rs) {
  side sides[2];
  ct_engine *e = NULL;
  ct_error err;
  int rc = 0, i;
  memset(sides, 0, sizeof sides);
  sides[0].path = o->operands[0], sides[1].path = o->operands[1];
  err.msg[0] = '\0';
  for (i = 0; i < 2; i++)    /* both, so that both can be reported */
    if (side_read(&sides[i], o, rs) != 0) rc = 2;
  if (rc == 0 && ct_engine_new(rs, &e, &err) != CT_OK) {
    fprintf(stderr, "clausetag: %s\n", err.msg);
    rc = 2;
  }
  if (rc == 0) {
    partial = 0;
    if (o->keep_going) ct_engine_on_error(e, keep_going, NULL);
    if (o->debug) ct_engine_on_log(e, ct_cli_print_log, NULL);
    for (i = 0; rc == 0 && i < 2; i++) rc = side_classify(&sides[i], e);
    ct_engine_free(e);     /* its scratch is as large as a document */
    e = NULL;
  }
  for (i = 0; rc == 0 && i < 2; i++)
    if (sides[i].n == 0 && sides[1 - i].n > 0)
      fprintf(stderr, "%s: warning: no clauses: every clause of %s counts "
              "as %s\n", ct_text_name(sides[i].text),
              ct_text_name(sides[1 - i].text),
              i == 0 ? "new" : "dropped");
  if (rc == 0) {
    rc = compare(o, da, rs, &sides[0], &sides[1]);
    if (partial && rc != 2) rc = 2;
  }
  ct_engine_free(e);
  side_free(&sides[0]);
  side_free(&sides[1]);
  return rc;
}

int ct_cli_diff(int argc, char **argv) {
  ct_cli_command_spec spec = {"diff", diff_options, diff_formats, 0,
                              diff_option, NULL, 0};
  ct_cli_options o;
  diff_args da;
  ct_ruleset *rs = NULL;
  int rc;
  memset(&da, 0, sizeof da);
  ct_align_options_default(&da.align);
  spec.own_ud = &da;
  rc = ct_cli_options_parse(&o, &spec, argc, argv);
  if (rc == 0 && o.help) {
    ct_cli_diff_help(stdout);
  } else if (rc == 0 && (rc = check_operands(&o)) == 0) {
    rs = ct_cli_rules_load(&o);
    if (rs == NULL || ct_cli_abbrevs_into_rules(&o, rs) != 0) rc = 2;
    else rc = run(&o, &da, rs);
  }
  ct_ruleset_free(rs);
  ct_cli_options_free(&o);
  return rc;
}
