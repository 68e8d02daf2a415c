/*
** segment.c -- `clausetag segment`: print the clauses of documents.
**
** The shared document loop (run.c) does the work: every input is read,
** segmented and written on its own, so a bad file costs only its own
** output.  Only a failure of the output itself (disk full, out of
** memory) stops the run.
*/
#include <stdio.h>
#include <stdlib.h>
#include "cli/abbrevs.h"
#include "cli/rulefiles.h"
#include "cli/commands.h"
#include "cli/options.h"
#include "cli/run.h"

/* In the order of the help. */
static const ct_cli_option segment_options[] = {
  {CT_OPT_FORMAT, 'f', "format", 1,
   {"FORMAT", "text (default): FILE:LINE:COL: KIND: TEXT\n"
              "lines: the text of each clause only\n"
              "jsonl: one JSON object per clause, with offsets\n"
              "tsv: a header line, then one row per clause", 0, NULL, NULL}},
  {CT_OPT_RULES, 'r', "rules", 1,
   {"PATH", "rule files whose abbreviations { ... } the\n"
            "segmenter uses (repeatable; CLAUSETAG_RULES too)", 0, NULL, NULL}},
  CT_CLI_DOCUMENT_OPTIONS,
  CT_CLI_STREAM_OPTIONS,
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* -f takes the writer's segment formats (ct_writer_formats). */
static const ct_cli_command_spec segment_spec = {
  "segment", segment_options, NULL, 1, NULL, NULL, 0
};

void ct_cli_segment_help(FILE *out) {
  fputs(
"Usage: clausetag segment [OPTIONS] [FILE|DIR|-]...\n"
"\n"
"Cut documents into clauses (headings, list items, sentences) and print\n"
"them, one per line.  DIR means the *.txt, *.md, *.html, *.htm and *.pdf\n"
"files anywhere below it, in byte order of path; '-' or no operand reads\n"
"standard input.  HTML pages and PDF files are read as the text a reader\n"
"sees; offsets, lines and columns point into the page (for a PDF: the\n"
"page, and the line and column within it; text shows FILE#page=N:LINE:COL).\n"
"\n"
"Options:\n", out);
  ct_cli_options_help(out, segment_options, CT_CLI_HELP_COLUMN);
  fputs(
"\n"
"Exit status: 0 all inputs done; 2 a usage error, an input that could not\n"
"be read or is not valid UTF-8 text (the others are still processed), or\n"
"an output that could not be written.\n", out);
}

/* Rule files matter to segment only for their abbreviations { ... }: they
** are loaded when named (-r or CLAUSETAG_RULES); the shipped rules declare
** none, so without them the plain list is the same and cheaper. */
static int wants_rules(const ct_cli_options *o) {
  const char *env = getenv("CLAUSETAG_RULES");
  return o->nrules > 0 || (env != NULL && env[0] != '\0');
}

static int run_with(const ct_cli_options *o, const ct_abbrevs *ab) {
  ct_cli_run r;
  r.opt = o, r.ab = ab, r.step = NULL, r.rs = NULL, r.wflags = 0;
  r.labels = NULL, r.nlabels = 0;
  return ct_cli_run_all(&r);
}

int ct_cli_segment(int argc, char **argv) {
  ct_cli_options o;
  ct_ruleset *rs = NULL;
  ct_abbrevs *ab = NULL;
  ct_cli_command_spec spec = segment_spec;
  int rc;
  spec.formats = ct_writer_formats(0);
  rc = ct_cli_options_parse(&o, &spec, argc, argv);
  if (rc != 0 || o.help) {
    if (rc == 0) ct_cli_segment_help(stdout);
    ct_cli_options_free(&o);
    return rc;
  }
  if (wants_rules(&o)) {
    rs = ct_cli_rules_load(&o);
    rc = rs == NULL || ct_cli_abbrevs_into_rules(&o, rs) != 0
             ? 2 : run_with(&o, ct_ruleset_abbrevs(rs));
  } else {
    ab = ct_cli_abbrevs_make(&o);
    rc = ab == NULL ? 2 : run_with(&o, ab);
  }
  ct_ruleset_free(rs);
  ct_abbrevs_free(ab);
  ct_cli_options_free(&o);
  return rc;
}
