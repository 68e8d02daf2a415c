/*
** classify.c -- `clausetag classify`: tag every clause with its labels.
**
** The rule set is loaded, and its abbreviations completed, before any
** input is read, so a broken rule file costs nothing but its message.
** Then the shared document loop (run.c) reads and cuts each document and
** this command's step classifies it and writes it.  A rule that fails at
** run time stops the run (exit 2; an -o file is not written), or with
** --keep-going is reported, counted as not firing, and the run goes on
** to exit 2 at the end.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/abbrevs.h"
#include "cli/commands.h"
#include "cli/policy.h"
#include "cli/rulefiles.h"
#include "cli/run.h"
#include "cli/select.h"

/* In the order of the help. */
static const ct_cli_option classify_options[] = {
  {CT_OPT_RULES, 'r', "rules", 1,
   {"PATH", "a rule file or a directory of *.lua (repeatable);\n"
            "default: $CLAUSETAG_RULES (colon-separated), else\n"
            "the shipped rules", 0, NULL, NULL}},
  {CT_OPT_FORMAT, 'f', "format", 1,
   {"FORMAT", "text (default): FILE:LINE:COL: LABELS: TEXT\n"
              "jsonl: one JSON object per clause, with scores\n"
              "tsv: a header line, then one row per clause\n"
              "sarif: a SARIF 2.1.0 log, for code scanning\n"
              "junit: JUnit XML, a test case per policy\n"
              "html: a self-contained report for a person\n"
              "summary: a table per document: clauses, share\n"
              "and top rules per label (summary-tsv: as TSV)", 0, NULL, NULL}},
  {CT_OPT_LABEL, 0, "label", 1,
   {"LABEL", "write only the clauses with LABEL (repeatable:\n"
             "any of them); counts, names and summaries keep\n"
             "to those labels", 0, NULL, NULL}},
  {CT_OPT_COUNT, 'c', "count", 0,
   {NULL, "per document: its clauses, and how many have each\n"
          "label (text, or -f tsv, -f jsonl)", 0, NULL, NULL}},
  {CT_OPT_NAMES, 'l', "files-with-labels", 0,
   {NULL, "print the name of each document with a labelled\n"
          "clause (with --label: one of those labels)", 0, NULL, NULL}},
  {CT_OPT_QUIET, 'q', "quiet", 0,
   {NULL, "write nothing: the exit status says it", 0, NULL, NULL}},
  CT_CLI_DOCUMENT_OPTIONS,
  CT_CLI_STREAM_OPTIONS,
  {CT_OPT_EXPLAIN, 0, "explain", 0,
   {NULL, "add every rule hit: rule, label, weight and the\n"
          "text that fired it, with its byte offsets", 0, NULL, NULL}},
  {CT_OPT_SARIF_LABELS, 0, "sarif-labels", 0,
   {NULL, "-f sarif: a note for every labelled clause too\n"
          "(default: results are policy violations only)", 0, NULL, NULL}},
  {CT_OPT_COLOR, 0, "color", 1,
   {"WHEN", "colour labels in text output: auto (default: on a\n"
            "terminal, unless NO_COLOR is set), always, never", 0,
    ct_cli_color_choices, NULL}},
  CT_CLI_RULE_LIMIT_OPTIONS,
  CT_CLI_MAX_CLAUSE_BYTES_OPTION,
  {CT_OPT_KEEP_GOING, 0, "keep-going", 0,
   {NULL, "report a rule that fails at run time and go on\n"
          "(it counts as not firing); exit status 2 at the end", 0, NULL, NULL}},
  {CT_OPT_DEBUG, 0, "debug", 0,
   {NULL, "print what rule code passes to ct.log on stderr,\n"
          "FILE:LINE: log: ... (rule R at F:L, clause D:L:C)", 0, NULL, NULL}},
  {CT_OPT_REQUIRE, 0, "require", 1,
   {"LABEL", "policy: every document has a clause with LABEL", 0, NULL, NULL}},
  {CT_OPT_FORBID, 0, "forbid", 1,
   {"LABEL", "policy: no clause has LABEL", 0, NULL, NULL}},
  {CT_OPT_FAIL_ON_UNLABELED, 0, "fail-on-unlabeled", 0,
   {NULL, "policy: every clause has a label\n"
          "(policies are repeatable; each violation is a\n"
          "line on stderr and makes the exit status 1)", 0, NULL, NULL}},
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* -f takes the writer's classify formats (ct_writer_formats). */
static const ct_cli_command_spec classify_spec = {
  "classify", classify_options, NULL, 1, NULL, NULL, 0
};

void ct_cli_classify_help(FILE *out) {
  fputs(
"Usage: clausetag [classify] [OPTIONS] [FILE|DIR|-]...\n"
"\n"
"Cut documents into clauses and tag each clause with the labels of the\n"
"rule files.  DIR means the *.txt, *.md, *.html, *.htm and *.pdf files\n"
"anywhere below it, in byte order of path (HTML and PDF as the text a\n"
"reader sees, offsets into the page); '-' or no operand reads standard\n"
"input.  classify\n"
"is the default command: 'clausetag FILE' is 'clausetag classify FILE'.\n"
"\n"
"Options:\n", out);
  ct_cli_options_help(out, classify_options, CT_CLI_HELP_COLUMN);
  fputs(
"\n"
"Exit status: 0 all inputs done; 1 a policy failed, or with --label, -c,\n"
"-l or -q no clause has a label asked for (as grep: 1 when nothing\n"
"matched); 2 (wins over 1) a usage error, a rule file that does not\n"
"load, a rule that fails, an input that could not be read or is not\n"
"valid UTF-8 text (the others are still processed), or an output that\n"
"could not be written.\n", out);
}

/* What every worker shares: the rule set, the options, the selection. */
typedef struct classify_ctx {
  const ct_ruleset *rs;
  const ct_cli_options *opt;
  ct_cli_select *sel;
} classify_ctx;

/* A worker's own: its engine, and the document it is on (for the
** --keep-going handler). */
typedef struct classify_worker {
  const classify_ctx *ctx;
  ct_engine *engine;
  ct_cli_doc *doc;
} classify_worker;

static void keep_going(void *ud, const ct_error *err) {
  classify_worker *wk = ud;
  wk->doc->partial = 1;
  ct_cli_doc_message(wk->doc, "%s", err->msg);
  if (ct_cli_memtext_printf(&wk->doc->errors, "%s\n", err->msg) != 0)
    wk->doc->failed = 1;
}

/* ct.log lines go with the document's messages, so that stderr is in
** input order for every -j. */
static void log_line(void *ud, const char *line) {
  classify_worker *wk = ud;
  ct_cli_doc_message(wk->doc, "%s", line);
}

static ct_status worker_new(void *ud, int hits, void **out, ct_error *err) {
  classify_worker *wk = calloc(1, sizeof *wk);
  ct_status s;
  if (wk == NULL) {
    err->status = CT_ENOMEM;
    snprintf(err->msg, sizeof err->msg, "clausetag: out of memory");
    return CT_ENOMEM;
  }
  wk->ctx = ud;
  if ((s = ct_engine_new(wk->ctx->rs, &wk->engine, err)) != CT_OK) {
    free(wk);
    return s;
  }
  ct_engine_keep_hits(wk->engine, hits);
  if (wk->ctx->opt->keep_going) ct_engine_on_error(wk->engine, keep_going, wk);
  if (wk->ctx->opt->debug) ct_engine_on_log(wk->engine, log_line, wk);
  *out = wk;
  return CT_OK;
}

static void worker_free(void *w) {
  classify_worker *wk = w;
  if (wk == NULL) return;
  ct_engine_free(wk->engine);
  free(wk);
}

static ct_status classify_doc(void *w, ct_cli_doc *d, ct_error *err) {
  classify_worker *wk = w;
  const ct_cli_options *o = wk->ctx->opt;
  const char *id = d->id_json ? ct_text_name(d->text) : NULL;
  ct_status s;
  wk->doc = d;
  if (d->n > 0 && d->part != NULL)     /* with the clause looked ahead to */
    s = ct_engine_classify_part(wk->engine,
                                d->ahead_text ? d->ahead_text : d->text,
                                d->ahead_text ? d->ahead_clauses : d->clauses,
                                d->n + d->part->ahead, id, d->part,
                                &d->results, err);
  else if (d->n > 0)
    s = ct_engine_classify(wk->engine, d->text, d->clauses, d->n, id,
                           &d->results, err);
  else
    s = CT_OK;
  if (s != CT_OK) return s;
  ct_cli_select_note(wk->ctx->sel, d);
  return ct_cli_policies_check(o->policies, o->npolicies, wk->ctx->rs, d,
                               err);
}

/* Colour only where a person reads it: clauses in the text format (not
** -c, -l, -q), to a terminal, and not against the NO_COLOR convention
** (https://no-color.org) unless the user asked for it outright. */
static int want_color(const ct_cli_options *o) {
  const char *no = getenv("NO_COLOR");
  if (strcmp(o->format, "text") != 0 || o->count || o->names ||
      o->quiet || o->color == CT_CLI_COLOR_NEVER)
    return 0;
  if (o->color == CT_CLI_COLOR_ALWAYS) return 1;
  return o->output == NULL && isatty(STDOUT_FILENO) &&
         (no == NULL || no[0] == '\0');
}

/* -c, -l, -q and --label become the writer's selection. */
static int run_with(const ct_cli_options *o, const ct_ruleset *rs) {
  classify_ctx ctx;
  ct_cli_select sel;
  ct_cli_step step;
  ct_cli_run r;
  int rc;
  if (ct_cli_select_setup(&sel, o, rs) != 0) {
    ct_cli_select_free(&sel);
    return 2;
  }
  ctx.rs = rs, ctx.opt = o, ctx.sel = &sel;
  step.ud = &ctx;
  step.worker_new = worker_new, step.worker_free = worker_free;
  step.run = classify_doc;
  r.opt = o, r.ab = ct_ruleset_abbrevs(rs), r.step = &step, r.rs = rs;
  r.labels = (const char *const *)o->labels, r.nlabels = o->nlabels;
  r.wflags = (o->explain ? CT_WRITE_EXPLAIN : 0) |
             (o->sarif_labels ? CT_WRITE_LABELS : 0) |
             (want_color(o) ? CT_WRITE_COLOR : 0) | sel.flags;
  rc = ct_cli_select_status(&sel, ct_cli_run_all(&r));
  ct_cli_select_free(&sel);
  return rc;
}

int ct_cli_classify(int argc, char **argv) {
  ct_cli_options o;
  ct_ruleset *rs;
  ct_cli_command_spec spec = classify_spec;
  int rc;
  spec.formats = ct_writer_formats(1);
  rc = ct_cli_options_parse(&o, &spec, argc, argv);
  if (rc != 0 || o.help) {
    if (rc == 0) ct_cli_classify_help(stdout);
    ct_cli_options_free(&o);
    return rc;
  }
  rs = ct_cli_rules_load(&o);
  if (rs == NULL || ct_cli_abbrevs_into_rules(&o, rs) != 0 ||
      ct_cli_policies_resolve(o.policies, o.npolicies, rs) != 0)
    rc = 2;
  else
    rc = run_with(&o, rs);
  ct_ruleset_free(rs);
  ct_cli_options_free(&o);
  return rc;
}
