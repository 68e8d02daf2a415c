/*
** train.c -- `clausetag train --gold FILE...`: learn rule weights and
** label thresholds from labelled clauses (ct_train) and write them as a
** rule file (weights {...}) that the rule set then loads.
**
** The pull toward the declared weights (--l2) is chosen by
** cross-validation by document unless given: each candidate is scored by
** the micro-F1 of documents classified with weights trained without
** them, and the best is used to train on everything.
*/
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "cli/commands.h"
#include "cli/crossval.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/rulefiles.h"
#include "cli/scores.h"
#include "cli/testreport.h"

enum { OPT_GOLD = CT_OPT_OWN, OPT_L2, OPT_FOLDS, OPT_ROUNDS, OPT_THRESHOLDS,
       OPT_OUTPUT, OPT_VOCAB_L2, OPT_EXAMPLES };

/* In the order of the help; the defaults of --folds and --rounds are
** the table's. */
static const ct_cli_option train_options[] = {
  CT_CLI_GOLD_OPTIONS(OPT_GOLD),
  {OPT_OUTPUT, 'o', "output", 1,
   {"FILE", "write the weights there (default: stdout)", 0, NULL, NULL}},
  {OPT_L2, 0, "l2", 1,
   {"X", "pull toward the declared weights (default:\n"
         "chosen by cross-validation by document)", 0, NULL, NULL}},
  {OPT_FOLDS, 0, "folds", 1,
   {"K", "folds of documents for choosing --l2 (default %lu)", 5, NULL,
    NULL}},
  {OPT_ROUNDS, 0, "rounds", 1,
   {"N", "classify-and-fit rounds (default %lu)", 2, NULL, NULL}},
  {OPT_THRESHOLDS, 0, "thresholds", 1,
   {"T", "f1 (default): where F1 on the training clauses\n"
         "is highest (with vocabulary rules: on the\n"
         "final scores); probability: where the fitted\n"
         "probability is one half", 0, NULL, NULL}},
  {OPT_VOCAB_L2, 0, "vocabulary-l2", 1,
   {"X", "vocabulary rules: pull of each learned term's\n"
         "weight toward 0 (default %lu)", 5, NULL, NULL}},
  {OPT_EXAMPLES, 0, "examples", 1,
   {"W", "the rule files' examples are training clauses\n"
         "too, each counting W times for the labels it\n"
         "checks (default %lu; 0: not at all)", 1, NULL, NULL}},
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* train's help puts the text from this column. */
#define TRAIN_HELP_COLUMN 21

/* The candidates for --l2 when it is not given. */
static const double l2_grid[] = {0.1, 0.3, 1, 3, 10, 30};

void ct_cli_train_help(FILE *out) {
  fputs("Usage: clausetag train --gold GOLD.jsonl... [-r RULES]... [-o FILE]\n"
        "                       [--l2 X] [--folds K] [--rounds N]\n"
        "                       [--thresholds f1|probability]\n"
        "                       [--vocabulary-l2 X] [--examples W]\n"
        "\n"
        "Learn every rule's weight and every label's threshold from labelled\n"
        "clauses (the format of eval) and write them as a rule file,\n"
        "weights { rules = {...}, thresholds = {...} }, to load with the\n"
        "rules (put it in the rules directory, or pass it with -r).  The\n"
        "rules declared with vocabulary = true learn their words too:\n"
        "weights { vocabulary = {...} }.  Then the rule files' examples\n"
        "are run with the learned weights, and each that fails is named on\n"
        "standard error (clausetag test shows why).\n"
        "\n", out);
  ct_cli_options_help(out, train_options, TRAIN_HELP_COLUMN);
}

typedef struct train_args {
  const char **gold;
  size_t ngold, folds;
  const char *output;
  ct_train_options to;
  double examples;        /* what each example counts as, 0: nothing */
  int l2_given;
} train_args;

/* Cross-validated micro-F1 of every candidate l2; *best gets the best. */
static int choose_l2(ct_corpus *c, const ct_gold *gd, train_args *ta) {
  unsigned char *got = calloc(gd->n * gd->nlabels + 1, 1);
  double best = -1;
  size_t i;
  int st = got ? 0 : 2;
  if (st == 0) ct_corpus_deal(c, ta->folds);
  for (i = 0; st == 0 && i < sizeof l2_grid / sizeof *l2_grid; i++) {
    ct_train_options o = ta->to;
    ct_summary sm;
    o.l2 = l2_grid[i];
    memset(got, 0, gd->n * gd->nlabels);
    st = ct_corpus_predict(c, ta->folds, &o, got);
    if (st == 0 && ct_summary_make(&sm, gd, got, 0) != 0) st = 2;
    if (st != 0) break;
    fprintf(stderr, "train: l2 %-4g cross-validated micro-F1 %.3f "
            "(%zu folds)\n", l2_grid[i], sm.rows[0].micro, ta->folds);
    if (sm.rows[0].micro > best + 1e-9) best = sm.rows[0].micro, ta->to.l2 = l2_grid[i];
  }
  free(got);
  return st;
}

/* ", vocabulary l2 X" when the rule set has vocabulary rules. */
static const char *vocab_note(const ct_ruleset *rs, double l2, char *buf,
                              size_t n) {
  size_t i, k = ct_ruleset_nrules(rs);
  for (i = 0; i < k; i++)
    if (ct_ruleset_rule(rs, i)->vocabulary) {
      snprintf(buf, n, ", vocabulary l2 %g", l2);
      return buf;
    }
  return "";
}

/* ", examples W" when the rule set's examples were trained on. */
static const char *examples_note(const ct_ruleset *rs, double w, char *buf,
                                 size_t n) {
  if (w == 0 || ct_ruleset_nexamples(rs) == 0) return "";
  snprintf(buf, n, ", examples %g", w);
  return buf;
}

/* The comment that heads the weights file. */
static void comment(char *buf, size_t n, const train_args *ta,
                    const ct_ruleset *rs, const ct_gold *gd) {
  char note[64], xnote[64];
  size_t i, used;
  used = (size_t)snprintf(buf, n, "Learned by clausetag train from %zu "
                          "clauses in %zu documents:\n", gd->n, gd->ndocs);
  for (i = 0; i < ta->ngold && used < n; i++)
    used += (size_t)snprintf(buf + used, n - used, "  %s\n", ta->gold[i]);
  if (used < n)
    snprintf(buf + used, n - used, "l2 %g, %u round%s, %s thresholds%s%s.  "
             "Edit the rules, not this file: train again.", ta->to.l2,
             ta->to.rounds, ta->to.rounds == 1 ? "" : "s",
             ta->to.f1_thresholds ? "F1" : "probability",
             vocab_note(rs, ta->to.vocabulary_l2, note, sizeof note),
             examples_note(rs, ta->examples, xnote, sizeof xnote));
}

static int write_weights(const ct_ruleset *rs, const train_args *ta,
                         const ct_gold *gd) {
  ct_cli_outfile of;
  ct_error err;
  char text[4096];
  int st = ct_cli_outfile_open(&of, ta->output);
  if (st != 0) return st;
  comment(text, sizeof text, ta, rs, gd);
  if (ct_ruleset_write_weights(rs, of.f, text, &err) != CT_OK ||
      fflush(of.f) != 0 || ferror(of.f))
    return ct_cli_outfile_fail(&of, errno ? errno : EIO);
  return ct_cli_outfile_commit(&of);
}

/* Names on stderr each example that fails with the weights in effect;
** 0, or 2 after printing why an example could not be run. */
static int check_examples(const ct_ruleset *rs) {
  size_t i, n = ct_ruleset_nexamples(rs), failed = 0;
  ct_cli_outcome *v;
  if (ct_cli_examples_run(rs, 0, 0, &v) != 0) return 2;
  for (i = 0; i < n; i++) failed += v[i].passed == 0;
  if (failed > 0)
    fprintf(stderr, "train: %zu of the rule files' %zu examples fail with "
            "the learned weights (clausetag test shows why):\n", failed, n);
  for (i = 0; i < n; i++) {
    if (v[i].passed == 0)
      fprintf(stderr, "  %s:%d: example %s\n", v[i].ex->file, v[i].ex->line,
              v[i].summary);
    ct_cli_outcome_free(&v[i]);
  }
  free(v);
  return 0;
}

static int run(ct_ruleset *rs, train_args *ta) {
  ct_gold gd;
  ct_corpus c;
  int st = ct_gold_read(&gd, rs, ta->gold, ta->ngold);
  memset(&c, 0, sizeof c);
  if (st == 0) st = ct_corpus_open(&c, &gd, rs);
  if (st == 0 && ta->examples > 0) st = ct_corpus_add_examples(&c, ta->examples);
  if (st == 0 && !ta->l2_given) {
    if (ta->folds > gd.ndocs)
      st = ct_cli_usage_error("train", "--folds %zu: the gold has only %zu "
                              "documents (give --l2)", ta->folds, gd.ndocs);
    else
      st = choose_l2(&c, &gd, ta);
  }
  if (st == 0) st = ct_corpus_train(&c, (size_t)-1, &ta->to);
  if (st == 0) st = write_weights(rs, ta, &gd);
  if (st == 0)
    fprintf(stderr, "train: %zu clauses in %zu documents, l2 %g; weights "
            "written to %s\n", gd.n, gd.ndocs, ta->to.l2,
            ta->output ? ta->output : "standard output");
  if (st == 0) st = check_examples(rs);
  ct_corpus_free(&c);
  ct_gold_free(&gd);
  return st;
}

/* One of train's own options into ta (ct_cli_own_fn); 0, or 2 after a
** usage error. */
static int train_option(void *ud, int key, const ct_cli_args *a) {
  train_args *ta = ud;
  double v;
  switch (key) {
  case OPT_GOLD:
  case CT_CLI_ARG_OPERAND:   /* --gold *.jsonl: the files after the first */
    ta->gold[ta->ngold++] = a->arg;
    return 0;
  case OPT_OUTPUT: return ct_cli_output_arg("train", a->arg, &ta->output);
  case OPT_L2:
    ta->l2_given = 1;
    return ct_cli_number_arg("train", a->name, a->arg, 0, &ta->to.l2);
  case OPT_VOCAB_L2:
    return ct_cli_number_arg("train", a->name, a->arg, 0,
                             &ta->to.vocabulary_l2);
  case OPT_EXAMPLES:
    return ct_cli_number_arg("train", a->name, a->arg, 1, &ta->examples);
  case OPT_FOLDS:
  case OPT_ROUNDS:
    if (ct_cli_number_arg("train", a->name, a->arg, 0, &v) != 0) return 2;
    if (v != floor(v) || (key == OPT_FOLDS && v < 2) || v > 1000)
      return ct_cli_usage_error("train", "invalid argument '%s' for %s "
                                "(expected a whole number%s)", a->arg,
                                a->name, key == OPT_FOLDS ? " of at least 2" : "");
    if (key == OPT_FOLDS) ta->folds = (size_t)v;
    else ta->to.rounds = (unsigned)v;
    return 0;
  default:   /* OPT_THRESHOLDS */
    if (strcmp(a->arg, "f1") == 0 || strcmp(a->arg, "probability") == 0) {
      ta->to.f1_thresholds = strcmp(a->arg, "f1") == 0;
      return 0;
    }
    return ct_cli_usage_error("train", "invalid argument '%s' for "
                              "--thresholds (expected f1 or probability)",
                              a->arg);
  }
}

/* The weights may replace a file of the rules they are for (training
** again in place is what -o myrules/weights.lua is for), but not a gold
** file or an abbreviation file. */
static int gold_unread(const ct_cli_options *o, const train_args *ta) {
  ct_cli_options but_rules = *o;
  but_rules.nrules = 0;
  return ct_cli_output_unread(&but_rules, "train", ta->output, ta->gold,
                              ta->ngold);
}

int ct_cli_train(int argc, char **argv) {
  ct_cli_command_spec spec = {"train", train_options, NULL, 0, train_option,
                              NULL, 1};
  ct_cli_options o;
  train_args ta;
  ct_ruleset *rs = NULL;
  int status;
  memset(&ta, 0, sizeof ta);
  ct_train_options_default(&ta.to);
  ta.folds = ct_cli_option_default(train_options, OPT_FOLDS);
  ta.to.rounds = (unsigned)ct_cli_option_default(train_options, OPT_ROUNDS);
  ta.to.vocabulary_l2 =
      (double)ct_cli_option_default(train_options, OPT_VOCAB_L2);
  ta.examples = (double)ct_cli_option_default(train_options, OPT_EXAMPLES);
  if ((ta.gold = calloc((size_t)argc + 1, sizeof *ta.gold)) == NULL)
    return 2;
  spec.own_ud = &ta;
  status = ct_cli_options_parse(&o, &spec, argc, argv);
  if (status == 0 && o.help) {
    ct_cli_train_help(stdout);
  } else if (status == 0 && ta.ngold == 0) {
    status = ct_cli_usage_error("train", "--gold FILE is required");
  } else if (status == 0 && (status = gold_unread(&o, &ta)) == 0) {
    rs = ct_cli_rules_load(&o);
    status = rs ? run(rs, &ta) : 2;
  }
  ct_ruleset_free(rs);
  ct_cli_options_free(&o);
  free(ta.gold);
  return status;
}
