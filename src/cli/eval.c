/*
** eval.c -- `clausetag eval --gold FILE.jsonl`: how good are the rules?
**
** Gold files are read by gold.c (documents of labelled clauses).  Prints
** per-label precision, recall, F1 and support, micro and macro F1,
** exact-set accuracy and the first misclassified clauses with the rules
** that fired.  With --folds K the scores are cross-validated by document
** (crossval.c): every document is scored by weights trained without it.
** With --folds or --bootstrap N a summary follows: micro and macro F1 of
** all, English and Korean documents, with 95% intervals from resampling
** documents.
*/
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/commands.h"
#include "cli/crossval.h"
#include "cli/fired.h"
#include "cli/memtext.h"
#include "cli/options.h"
#include "cli/rulefiles.h"
#include "cli/scores.h"

/* eval's own options (-f is its own too: text or json, not a writer's
** formats); -r and -h are the shared ones. */
enum { OPT_GOLD = CT_OPT_OWN, OPT_FORMAT, OPT_ERRORS, OPT_FOLDS, OPT_L2,
       OPT_VOCAB_L2, OPT_EXAMPLES, OPT_BOOTSTRAP, OPT_LABELS };

/* In the order of the help; the defaults of --errors, --l2 and
** --bootstrap (with --folds) are the table's. */
static const ct_cli_option eval_options[] = {
  CT_CLI_GOLD_OPTIONS(OPT_GOLD),
  {OPT_FORMAT, 'f', "format", 1,
   {"F", "text (default) or json", 0, NULL, NULL}},
  {OPT_ERRORS, 0, "errors", 1,
   {"N", "show the first N misclassified clauses\n"
         "(default %lu)", 10, NULL, NULL}},
  {OPT_FOLDS, 0, "folds", 1,
   {"K", "cross-validate by document: score each of K\n"
         "groups of documents with weights trained\n"
         "(clausetag train) on the other K-1", 0, NULL, NULL}},
  {OPT_L2, 0, "l2", 1,
   {"X", "with --folds: the training's pull toward the\n"
         "declared weights (default %lu)", 1, NULL, NULL}},
  {OPT_VOCAB_L2, 0, "vocabulary-l2", 1,
   {"X", "with --folds: the pull of learned terms'\n"
         "weights toward 0 (default %lu)", 5, NULL, NULL}},
  {OPT_EXAMPLES, 0, "examples", 1,
   {"W", "with --folds: the rule files' examples join\n"
         "every training set, each as W clauses\n"
         "(default %lu; 0: not at all)", 1, NULL, NULL}},
  {OPT_BOOTSTRAP, 0, "bootstrap", 1,
   {"N", "resamplings of documents for the 95% intervals\n"
         "of the summary (default %lu with --folds)", 1000, NULL, NULL}},
  {OPT_LABELS, 0, "labels", 1,
   {"L,...", "score only these labels (comma-separated): the\n"
             "others count neither as hits nor as misses", 0, NULL, NULL}},
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* eval's help puts the text from this column. */
#define EVAL_HELP_COLUMN 21

void ct_cli_eval_help(FILE *out) {
  fputs("Usage: clausetag eval --gold GOLD.jsonl... [-r RULES]... [-f text|json]\n"
        "                      [--errors N] [--folds K [--l2 X] [--vocabulary-l2 X]\n"
        "                      [--examples W]]\n"
        "                      [--bootstrap N] [--labels L,...]\n"
        "\n"
        "Score the rules against labelled clauses, one JSON object per line:\n"
        "{\"doc\": \"d1\", \"text\": \"...\", \"labels\": [\"trade\"]}.  Clauses\n"
        "of one doc are classified together, in order, like --input lines.\n"
        "\n", out);
  ct_cli_options_help(out, eval_options, EVAL_HELP_COLUMN);
}

/* What the command line asks for. */
typedef struct eval_args {
  const char **gold;
  size_t ngold;
  const char *labels;    /* --labels, or NULL: all */
  size_t max_errors, folds, bootstrap;
  double l2, vocab_l2, examples;
  int json;
} eval_args;

typedef struct evalrun {
  ct_ruleset *rs;
  ct_gold gd;
  ct_corpus corpus;
  unsigned char *got;    /* gd.n * gd.nlabels: the predicted labels */
  unsigned char *keep;   /* per label: scored (--labels), or NULL: all */
  const eval_args *ea;
} evalrun;

/* {=====================================================================
** Scores of the whole run
** ====================================================================== */

static int is_exact(const evalrun *ev, size_t i) {
  return memcmp(ev->gd.g[i].want, ev->got + i * ev->gd.nlabels,
                ev->gd.nlabels) == 0;
}

static ct_score label_score(const evalrun *ev, size_t k) {
  ct_score s = {0, 0, 0};
  size_t i;
  for (i = 0; i < ev->gd.n; i++)
    ct_score_add(&s, ev->gd.g[i].want[k], ev->got[i * ev->gd.nlabels + k]);
  return s;
}

typedef struct totals {
  ct_score micro;
  double macro;
  size_t defined;     /* labels in the macro average */
  size_t exact;
} totals;

static totals total(const evalrun *ev) {
  totals t = {{0, 0, 0}, 0, 0, 0};
  size_t k, i;
  for (k = 0; k < ev->gd.nlabels; k++) {
    ct_score s = label_score(ev, k);
    ct_score_sum(&t.micro, &s);
    if (s.tp + s.fp + s.fn > 0) t.macro += ct_score_f1(s), t.defined++;
  }
  if (t.defined) t.macro /= (double)t.defined;
  for (i = 0; i < ev->gd.n; i++) t.exact += is_exact(ev, i);
  return t;
}

/* }===================================================================== */

/* {=====================================================================
** Reports
** ====================================================================== */

static void labels_text(FILE *f, const evalrun *ev, const unsigned char *v) {
  size_t k;
  int first = 1;
  putc('[', f);
  for (k = 0; k < ev->gd.nlabels; k++)
    if (v[k]) {
      fprintf(f, "%s%s", first ? "" : ",", ct_gold_label_name(&ev->gd, k));
      first = 0;
    }
  putc(']', f);
}

static json_t *labels_json(const evalrun *ev, const unsigned char *v) {
  json_t *a = json_array();
  size_t k;
  for (k = 0; k < ev->gd.nlabels; k++)
    if (v[k]) json_array_append_new(a, json_string(ct_gold_label_name(&ev->gd, k)));
  return a;
}

static json_t *fired_json(const ct_ruleset *rs, const ct_result *r) {
  json_t *a = json_array();
  size_t h;
  for (h = 0; r && h < r->nhits; h++)
    json_array_append_new(a, json_pack("{s:s,s:s,s:f}", "rule",
        ct_ruleset_rule(rs, r->hits[h].rule)->id, "label",
        ct_ruleset_label(rs, r->hits[h].label)->name, "weight",
        r->hits[h].weight));
  return a;
}

typedef struct errlist {
  size_t shown, max;
  json_t *arr;           /* JSON: the errors, else NULL */
} errlist;

/* Gold clause i, misclassified; r is its result (NULL: not available,
** as with --folds, where the weights differ from fold to fold). */
static void report_error(evalrun *ev, errlist *el, size_t i, const ct_text *t,
                         const ct_result *r) {
  const ct_gold_clause *g = &ev->gd.g[i];
  const unsigned char *got = ev->got + i * ev->gd.nlabels;
  char *text;
  el->shown++;
  if (el->arr) {
    json_array_append_new(el->arr, json_pack("{s:s,s:I,s:s?,s:s,s:o,s:o,s:o}",
        "gold_file", g->path, "line", (json_int_t)g->line, "doc", g->doc,
        "text", g->text, "gold", labels_json(ev, g->want), "predicted",
        labels_json(ev, got), "rules", fired_json(ev->rs, r)));
    return;
  }
  printf("%s:%zu: gold ", g->path, g->line);
  labels_text(stdout, ev, g->want);
  fputs(" predicted ", stdout);
  labels_text(stdout, ev, got);
  text = ct_line_field(g->text, strlen(g->text));   /* the gold file's */
  printf("\n    \"%s\"\n", text ? text : "(out of memory)");
  ct_string_free(text);
  if (t) ct_cli_fired_text(stdout, ev->rs, t, r, g->want, got, NULL);
}

/* The first misclassified clauses, with what fired when the weights in
** effect decided them. */
static int report_errors(evalrun *ev, errlist *el) {
  ct_engine *e = NULL;
  ct_error err;
  size_t d, i;
  if (ev->ea->folds == 0 && ct_engine_new(ev->rs, &e, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  for (d = 0; el->shown < el->max && d < ev->gd.ndocs; d++) {
    const ct_gold_doc *doc = &ev->gd.docs[d];
    const ct_cli_lines *l = &ev->corpus.lines[d];
    ct_results *r = NULL;
    for (i = doc->first; i < doc->end && is_exact(ev, i); i++) {}
    if (i == doc->end) continue;
    if (e && ct_engine_classify(e, l->text, l->clauses, l->nclauses, NULL,
                                &r, &err) != CT_OK) {
      fprintf(stderr, "%s\n", err.msg);
      ct_engine_free(e);
      return 2;
    }
    for (; el->shown < el->max && i < doc->end; i++) {
      size_t k = l->clause_of[i - doc->first];
      if (!is_exact(ev, i))
        report_error(ev, el, i, e ? l->text : NULL,
                     k ? ct_results_get(r, k - 1) : NULL);
    }
    ct_results_free(r);
  }
  ct_engine_free(e);
  return 0;
}

static void print_row(const char *name, ct_score s) {
  char a[16], b[16], c[16];
  printf("%-12s %9s %9s %9s %9zu\n", name,
         ct_score_cell(a, ct_score_precision(s), s.tp + s.fp > 0),
         ct_score_cell(b, ct_score_recall(s), s.tp + s.fn > 0),
         ct_score_cell(c, ct_score_f1(s), s.tp + s.fp + s.fn > 0), s.tp + s.fn);
}

static void print_text(const evalrun *ev, const totals *t) {
  size_t k;
  char m[16];
  printf("%-12s %9s %9s %9s %9s\n", "label", "precision", "recall", "f1",
         "support");
  for (k = 0; k < ev->gd.nlabels; k++)
    if (ev->keep == NULL || ev->keep[k])
      print_row(ct_gold_label_name(&ev->gd, k), label_score(ev, k));
  print_row("micro", t->micro);
  printf("%-12s %9s %9s %9s\n", "macro", "", "",
         ct_score_cell(m, t->macro, t->defined > 0));
  printf("\nexact-set accuracy: %.3f (%zu of %zu clauses)\n",
         ct_score_ratio(t->exact, ev->gd.n), t->exact, ev->gd.n);
}

static json_t *report_json(const evalrun *ev, const totals *t) {
  json_t *labels = json_array();
  size_t k;
  for (k = 0; k < ev->gd.nlabels; k++) {
    ct_score s = label_score(ev, k);
    if (ev->keep != NULL && !ev->keep[k]) continue;
    json_array_append_new(labels, json_pack("{s:s,s:o,s:o,s:o,s:I}",
        "label", ct_gold_label_name(&ev->gd, k),
        "precision", ct_score_json(ct_score_precision(s), s.tp + s.fp > 0),
        "recall", ct_score_json(ct_score_recall(s), s.tp + s.fn > 0),
        "f1", ct_score_json(ct_score_f1(s), s.tp + s.fp + s.fn > 0),
        "support", (json_int_t)(s.tp + s.fn)));
  }
  return json_pack("{s:s,s:I,s:o,s:{s:o,s:o,s:o},s:o,s:{s:f,s:I}}",
      "gold", ev->ea->gold[0], "clauses", (json_int_t)ev->gd.n,
      "labels", labels, "micro",
      "precision", ct_score_json(ct_score_precision(t->micro),
                                 t->micro.tp + t->micro.fp > 0),
      "recall", ct_score_json(ct_score_recall(t->micro),
                              t->micro.tp + t->micro.fn > 0),
      "f1", ct_score_json(ct_score_f1(t->micro),
                          t->micro.tp + t->micro.fp + t->micro.fn > 0),
      "macro_f1", ct_score_json(t->macro, t->defined > 0),
      "exact", "accuracy", ct_score_ratio(t->exact, ev->gd.n), "correct",
      (json_int_t)t->exact);
}

/* The summary by language, with bootstrap intervals. */
static int summary(evalrun *ev, json_t *doc) {
  ct_summary sm;
  size_t k;
  if (ct_summary_make(&sm, &ev->gd, ev->got, ev->ea->bootstrap) != 0) {
    fprintf(stderr, "clausetag: out of memory\n");
    return 2;
  }
  if (doc) {
    json_t *rows = json_array();
    for (k = 0; k < sm.nrows; k++) json_array_append_new(rows, ct_summary_json(&sm.rows[k]));
    json_object_set_new(doc, "summary", rows);
    if (ev->ea->folds)
      json_object_set_new(doc, "folds", json_integer((json_int_t)ev->ea->folds));
  } else {
    printf("\n");
    if (ev->ea->folds)
      printf("cross-validated by document: %zu folds, each scored by "
             "weights trained on the others (l2 %g)\n", ev->ea->folds,
             ev->ea->l2);
    ct_summary_print(&sm, stdout);
  }
  return 0;
}

static int report(evalrun *ev) {
  totals t = total(ev);
  errlist el = {0, ev->ea->max_errors, NULL};
  json_t *doc = NULL;
  size_t wrong = ev->gd.n - t.exact;
  int st = 0, with_summary = ev->ea->folds || ev->ea->bootstrap;
  if (ev->ea->json) {
    doc = report_json(ev, &t);
    el.arr = json_array();
  } else {
    print_text(ev, &t);
  }
  if (with_summary) st = summary(ev, doc);
  if (st == 0 && !ev->ea->json && wrong && el.max)
    printf("\nmisclassified (%zu shown of %zu):\n",
           wrong < el.max ? wrong : el.max, wrong);
  if (st == 0 && wrong && el.max) st = report_errors(ev, &el);
  if (doc) {
    char *s;
    json_object_set_new(doc, "errors", el.arr);
    s = json_dumps(doc, JSON_COMPACT | JSON_REAL_PRECISION(6));
    if (s) puts(s);
    free(s);
    json_decref(doc);
  }
  return st;
}

/* }===================================================================== */

/* "a, b and c": the labels of the gold, for a message. */
static void list_labels(ct_cli_memtext *m, const ct_gold *gd) {
  size_t k;
  for (k = 0; k < gd->nlabels; k++)
    ct_cli_memtext_printf(m, "%s%s", ct_cli_series_sep(k, gd->nlabels),
                          ct_gold_label_name(gd, k));
  if (gd->nlabels == 0) ct_cli_memtext_printf(m, "none");
}

/* --labels: the labels to score.  The others are cleared from the gold
** and the predictions alike (after training, which sees them all), so
** every score counts only these.  0, or 2 after a usage error. */
static int select_labels(evalrun *ev) {
  const char *p = ev->ea->labels;
  size_t nl = ev->gd.nlabels, i, k;
  if (p == NULL) return 0;
  if ((ev->keep = calloc(nl + 1, 1)) == NULL) return 2;
  while (1) {
    size_t len = strcspn(p, ",");
    for (k = 0; k < nl; k++)
      if (strlen(ct_gold_label_name(&ev->gd, k)) == len &&
          memcmp(ct_gold_label_name(&ev->gd, k), p, len) == 0)
        break;
    if (k == nl) {
      ct_cli_memtext known = {0};
      int rc;
      list_labels(&known, &ev->gd);
      rc = len == 0 ? ct_cli_usage_error("eval", "empty label name in "
                                         "--labels '%s'", ev->ea->labels)
                    : ct_cli_usage_error("eval", "unknown label '%.*s' for "
                                         "--labels (known labels: %s)",
                                         (int)len, p,
                                         known.s ? known.s : "none");
      ct_cli_memtext_free(&known);
      return rc;
    }
    ev->keep[k] = 1;
    if (p[len] == '\0') break;
    p += len + 1;
  }
  for (i = 0; i < ev->gd.n; i++)
    for (k = 0; k < nl; k++)
      if (!ev->keep[k]) ev->gd.want[i * nl + k] = ev->got[i * nl + k] = 0;
  return 0;
}

static int run(evalrun *ev) {
  ct_train_options to;
  int st = ct_gold_read(&ev->gd, ev->rs, ev->ea->gold, ev->ea->ngold);
  if (st == 0) st = ct_corpus_open(&ev->corpus, &ev->gd, ev->rs);
  if (st != 0) return st;
  if (ev->ea->folds > ev->gd.ndocs)
    return ct_cli_usage_error("eval", "--folds %zu: the gold has only %zu "
                              "documents", ev->ea->folds, ev->gd.ndocs);
  ev->got = calloc(ev->gd.n * ev->gd.nlabels + 1, 1);
  if (ev->got == NULL) return 2;
  ct_train_options_default(&to);
  to.l2 = ev->ea->l2;
  to.vocabulary_l2 = ev->ea->vocab_l2;
  if (ev->ea->folds) ct_corpus_deal(&ev->corpus, ev->ea->folds);
  if (ev->ea->folds && ev->ea->examples > 0)
    st = ct_corpus_add_examples(&ev->corpus, ev->ea->examples);
  if (st == 0)
    st = ct_corpus_predict(&ev->corpus, ev->ea->folds, &to, ev->got);
  if (st == 0) st = select_labels(ev);
  if (st == 0) st = report(ev);
  if (st == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "clausetag: write error: %s\n", strerror(errno));
    st = 2;
  }
  return st;
}

/* A count option's value into *v: 0, or 2 after a usage error. */
static int count_arg(const ct_cli_args *a, size_t min, size_t *v) {
  char *end;
  unsigned long n = strtoul(a->arg, &end, 10);
  if (a->arg[0] >= '0' && a->arg[0] <= '9' && *end == '\0' && n >= min) {
    *v = n;
    return 0;
  }
  return ct_cli_usage_error("eval", "invalid argument '%s' for %s "
                            "(expected a number%s)", a->arg, a->name,
                            min ? " of at least 2" : "");
}

/* One of eval's own options into ea (ct_cli_own_fn); 0, or 2 after a
** usage error. */
static int eval_option(void *ud, int key, const ct_cli_args *a) {
  eval_args *ea = ud;
  switch (key) {
  case OPT_GOLD:
  case CT_CLI_ARG_OPERAND:   /* --gold *.jsonl: the files after the first */
    ea->gold[ea->ngold++] = a->arg;
    return 0;
  case OPT_FORMAT:
    if (strcmp(a->arg, "text") == 0 || strcmp(a->arg, "json") == 0 ||
        strcmp(a->arg, "jsonl") == 0) {   /* one spelling across commands */
      ea->json = strcmp(a->arg, "text") != 0;
      return 0;
    }
    return ct_cli_usage_error("eval", "invalid argument '%s' for --format "
                              "(expected text or json)", a->arg);
  case OPT_ERRORS: return count_arg(a, 0, &ea->max_errors);
  case OPT_FOLDS: return count_arg(a, 2, &ea->folds);
  case OPT_BOOTSTRAP: return count_arg(a, 0, &ea->bootstrap);
  case OPT_LABELS: ea->labels = a->arg; return 0;
  case OPT_EXAMPLES:
    return ct_cli_number_arg("eval", a->name, a->arg, 1, &ea->examples);
  case OPT_L2: return ct_cli_number_arg("eval", a->name, a->arg, 0, &ea->l2);
  default:   /* OPT_VOCAB_L2 */
    return ct_cli_number_arg("eval", a->name, a->arg, 0, &ea->vocab_l2);
  }
}

int ct_cli_eval(int argc, char **argv) {
  ct_cli_command_spec spec = {"eval", eval_options, NULL, 0, eval_option,
                              NULL, 1};
  ct_cli_options o;
  evalrun ev;
  eval_args ea;
  int status;
  memset(&ev, 0, sizeof ev);
  memset(&ea, 0, sizeof ea);
  ea.max_errors = ct_cli_option_default(eval_options, OPT_ERRORS);
  ea.l2 = (double)ct_cli_option_default(eval_options, OPT_L2);
  ea.vocab_l2 = (double)ct_cli_option_default(eval_options, OPT_VOCAB_L2);
  ea.examples = (double)ct_cli_option_default(eval_options, OPT_EXAMPLES);
  ea.bootstrap = (size_t)-1;
  ea.gold = calloc((size_t)argc + 1, sizeof *ea.gold);
  if (ea.gold == NULL) return 2;
  spec.own_ud = &ea;
  status = ct_cli_options_parse(&o, &spec, argc, argv);
  if (ea.bootstrap == (size_t)-1)
    ea.bootstrap = ea.folds ? ct_cli_option_default(eval_options,
                                                    OPT_BOOTSTRAP) : 0;
  if (status == 0 && o.help) {
    ct_cli_eval_help(stdout);
  } else if (status == 0 && ea.ngold == 0) {
    status = ct_cli_usage_error("eval", "--gold FILE is required");
  } else if (status == 0) {
    ev.ea = &ea;
    ev.rs = ct_cli_rules_load(&o);
    status = ev.rs ? run(&ev) : 2;
  }
  ct_corpus_free(&ev.corpus);
  ct_gold_free(&ev.gd);
  free(ev.got);
  free(ev.keep);
  ct_ruleset_free(ev.rs);
  ct_cli_options_free(&o);
  free(ea.gold);
  return status;
}
