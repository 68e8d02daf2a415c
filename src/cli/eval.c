/*
** eval.c -- `clausetag eval --gold FILE.jsonl`: how good are the rules?
**
** Gold lines are {"text": ..., "labels": [...]} with an optional "doc".
** The clauses of one doc (consecutive lines with the same "doc") are
** classified together, in order, as the lines of one document, so rules
** that read the section heading or the previous clause work as on real
** input; lines without a doc are classified alone.  Prints per-label
** precision, recall, F1 and support, micro and macro F1, exact-set
** accuracy and the first misclassified clauses with the rules that fired.
*/
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/commands.h"
#include "cli/lineclass.h"
#include "cli/options.h"
#include "cli/rulefiles.h"
#include "core/buf.h"

enum { OPT_GOLD = 400, OPT_ERRORS };

static const ct_cli_option eval_options[] = {
  {OPT_GOLD, 0, "gold", 1},     {CT_OPT_RULES, 'r', "rules", 1},
  {CT_OPT_FORMAT, 'f', "format", 1}, {OPT_ERRORS, 0, "errors", 1},
  {CT_OPT_HELP, 'h', "help", 0}, {0, 0, NULL, 0}
};

void ct_cli_eval_help(FILE *out) {
  fputs("Usage: clausetag eval --gold GOLD.jsonl [-r RULES]... [-f text|json]\n"
        "                      [--errors N]\n"
        "\n"
        "Score the rules against labelled clauses, one JSON object per line:\n"
        "{\"doc\": \"d1\", \"text\": \"...\", \"labels\": [\"trade\"]}.  Clauses\n"
        "of one doc are classified together, in order, like --input lines.\n"
        "\n"
        "      --gold FILE    the labelled clauses (required)\n"
        "  -r, --rules PATH   rule file or directory, repeatable (default:\n"
        "                     CLAUSETAG_RULES, else the shipped rules)\n"
        "  -f, --format F     text (default) or json\n"
        "      --errors N     show the first N misclassified clauses\n"
        "                     (default 10)\n"
        "  -h, --help         show this help\n", out);
}

typedef struct gold {
  char *doc;             /* NULL: classify alone */
  char *text;
  long *labels;          /* indexes into the table's labels */
  size_t nlabels;
  const unsigned char *want;   /* per label of the table, once read */
  size_t line;
} gold;

typedef struct evalrun {
  ct_ruleset *rs;
  const char *path;
  gold *g;
  size_t n, cap;
  char **extra;          /* gold labels the rule set does not have */
  size_t nextra;
  size_t nlabels;        /* rule-set labels + extra */
  unsigned char *want;   /* n * nlabels: the gold labels */
  unsigned char *got;    /* n * nlabels: the predicted labels */
} evalrun;

/* {=====================================================================
** Reading the gold file
** ====================================================================== */

static long label_index(evalrun *ev, const char *name, int add) {
  size_t k;
  char **v;
  for (k = 0; k < ct_ruleset_nlabels(ev->rs); k++)
    if (strcmp(ct_ruleset_label(ev->rs, k)->name, name) == 0) return (long)k;
  for (k = 0; k < ev->nextra; k++)
    if (strcmp(ev->extra[k], name) == 0)
      return (long)(ct_ruleset_nlabels(ev->rs) + k);
  if (!add) return -1;
  v = realloc(ev->extra, (ev->nextra + 1) * sizeof *v);
  if (v == NULL || (v[ev->nextra] = strdup(name)) == NULL) {
    if (v) ev->extra = v;
    return -1;
  }
  ev->extra = v;
  return (long)(ct_ruleset_nlabels(ev->rs) + ev->nextra++);
}

/* Checks one parsed line; returns the message of what is wrong or NULL. */
static const char *check_line(json_t *o) {
  json_t *labels = json_object_get(o, "labels"), *d = json_object_get(o, "doc");
  size_t i;
  if (!json_is_object(o)) return "expected a JSON object";
  if (!json_is_string(json_object_get(o, "text")))
    return "missing \"text\" string";
  if (!json_is_array(labels)) return "missing \"labels\" list";
  for (i = 0; i < json_array_size(labels); i++)
    if (!json_is_string(json_array_get(labels, i)))
      return "\"labels\" must hold strings";
  if (d && !json_is_string(d) && !json_is_integer(d))
    return "\"doc\" must be a string or a number";
  return NULL;
}

static char *doc_name(json_t *d) {
  char buf[32];
  if (d == NULL) return NULL;
  if (json_is_string(d)) return strdup(json_string_value(d));
  snprintf(buf, sizeof buf, "%lld", (long long)json_integer_value(d));
  return strdup(buf);
}

static int add_gold(evalrun *ev, json_t *o, size_t lineno) {
  gold *g;
  json_t *labels = json_object_get(o, "labels");
  size_t i;
  if (ev->n == ev->cap) {
    size_t cap = ev->cap ? ev->cap * 2 : 256;
    gold *v = realloc(ev->g, cap * sizeof *v);
    if (v == NULL) return -1;
    ev->g = v;
    ev->cap = cap;
  }
  g = &ev->g[ev->n++];
  memset(g, 0, sizeof *g);
  g->line = lineno;
  g->doc = doc_name(json_object_get(o, "doc"));
  g->text = strdup(json_string_value(json_object_get(o, "text")));
  g->labels = calloc(json_array_size(labels) + 1, sizeof *g->labels);
  if (g->text == NULL || g->labels == NULL) return -1;
  for (i = 0; i < json_array_size(labels); i++) {
    long k = label_index(ev, json_string_value(json_array_get(labels, i)), 1);
    if (k < 0) return -1;
    g->labels[g->nlabels++] = k;
  }
  return 0;
}

/* 0, or 2 after printing every bad line. */
static int read_gold(evalrun *ev) {
  FILE *f = fopen(ev->path, "r");
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  int status = 0;
  if (f == NULL) {
    fprintf(stderr, "%s: cannot read: %s\n", ev->path, strerror(errno));
    return 2;
  }
  while (getline(&line, &cap, f) > 0) {
    json_error_t je;
    json_t *o;
    const char *bad;
    lineno++;
    if (strspn(line, " \t\r\n") == strlen(line)) continue;
    o = json_loads(line, JSON_DISABLE_EOF_CHECK, &je);
    bad = o ? check_line(o) : je.text;
    if (bad) {
      fprintf(stderr, "%s:%zu: %s%s\n", ev->path, lineno,
              o ? "" : "invalid JSON: ", bad);
      status = 2;
    } else if (add_gold(ev, o, lineno) != 0) {
      fprintf(stderr, "%s:%zu: out of memory\n", ev->path, lineno);
      status = 2;
    }
    json_decref(o);
  }
  free(line);
  fclose(f);
  return status;
}

/* }===================================================================== */

/* {=====================================================================
** Classifying
** ====================================================================== */

/* The end of the run of clauses that are classified together. */
static size_t group_end(const evalrun *ev, size_t i) {
  size_t j = i + 1;
  if (ev->g[i].doc == NULL) return j;
  while (j < ev->n && ev->g[j].doc && strcmp(ev->g[j].doc, ev->g[i].doc) == 0)
    j++;
  return j;
}

typedef void (*group_fn)(evalrun *ev, size_t i, const ct_text *t,
                         const ct_result *r, void *ud);

/* Classifies every group and calls fn for each clause while its result is
** alive. */
static int classify_all(evalrun *ev, ct_engine *e, group_fn fn, void *ud) {
  const char **texts = malloc((ev->n + 1) * sizeof *texts);
  size_t i, j, k;
  if (texts == NULL) return 2;
  for (i = 0; i < ev->n; i = j) {
    ct_cli_lines l;
    ct_error err;
    j = group_end(ev, i);
    for (k = i; k < j; k++) texts[k - i] = ev->g[k].text;
    if (ct_cli_lines_classify(e, ev->path, texts, j - i, &l, &err) != CT_OK) {
      fprintf(stderr, "%s\n", err.msg);
      ct_cli_lines_free(&l);
      free(texts);
      return 2;
    }
    for (k = i; k < j; k++)
      fn(ev, k, l.text, ct_cli_lines_result(&l, k - i), ud);
    ct_cli_lines_free(&l);
  }
  free(texts);
  return 0;
}

static void record(evalrun *ev, size_t i, const ct_text *t,
                   const ct_result *r, void *ud) {
  (void)ud;
  (void)t;
  if (r) memcpy(ev->got + i * ev->nlabels, r->has, ct_ruleset_nlabels(ev->rs));
}

/* }===================================================================== */

/* {=====================================================================
** Scores
** ====================================================================== */

typedef struct score { size_t tp, fp, fn; } score;

static double ratio(size_t a, size_t b) { return b ? (double)a / (double)b : 0; }

static double f1(score s) {
  return s.tp + s.fp + s.fn ? 2.0 * (double)s.tp / (double)(2 * s.tp + s.fp + s.fn)
                            : 1.0;
}

/* The three figures of a row; a ratio over nothing (a label no clause has
** and none was given) is undefined, shown as "-" (JSON null), and left
** out of the macro average. */
typedef struct figures {
  double p, r, f;
  int has_p, has_r, has_f;
} figures;

static figures figures_of(score s) {
  figures x;
  x.p = ratio(s.tp, s.tp + s.fp), x.has_p = s.tp + s.fp > 0;
  x.r = ratio(s.tp, s.tp + s.fn), x.has_r = s.tp + s.fn > 0;
  x.f = f1(s), x.has_f = s.tp + s.fp + s.fn > 0;
  return x;
}

static const char *cell(char buf[16], double v, int defined) {
  if (!defined) return "-";
  snprintf(buf, 16, "%.3f", v);
  return buf;
}

static json_t *jnum(double v, int defined) {
  return defined ? json_real(v) : json_null();
}

static score label_score(const evalrun *ev, size_t k) {
  score s = {0, 0, 0};
  size_t i;
  for (i = 0; i < ev->n; i++) {
    int want = ev->g[i].want[k], got = ev->got[i * ev->nlabels + k];
    s.tp += want && got;
    s.fp += !want && got;
    s.fn += want && !got;
  }
  return s;
}

static int is_exact(const evalrun *ev, size_t i) {
  size_t k;
  for (k = 0; k < ev->nlabels; k++)
    if (ev->g[i].want[k] != ev->got[i * ev->nlabels + k]) return 0;
  return 1;
}

static const char *label_name(const evalrun *ev, size_t k) {
  size_t nrs = ct_ruleset_nlabels(ev->rs);
  return k < nrs ? ct_ruleset_label(ev->rs, k)->name : ev->extra[k - nrs];
}

typedef struct totals {
  score micro;
  double macro;
  size_t defined;     /* labels in the macro average */
  size_t exact;
} totals;

static totals total(const evalrun *ev) {
  totals t = {{0, 0, 0}, 0, 0, 0};
  size_t k, i;
  for (k = 0; k < ev->nlabels; k++) {
    score s = label_score(ev, k);
    t.micro.tp += s.tp;
    t.micro.fp += s.fp;
    t.micro.fn += s.fn;
    if (figures_of(s).has_f) t.macro += f1(s), t.defined++;
  }
  if (t.defined) t.macro /= (double)t.defined;
  for (i = 0; i < ev->n; i++) t.exact += is_exact(ev, i);
  return t;
}

/* }===================================================================== */

/* {=====================================================================
** Reports
** ====================================================================== */

static void labels_text(ct_buf *b, const evalrun *ev, const unsigned char *v) {
  size_t k;
  int first = 1;
  ct_buf_addc(b, '[');
  for (k = 0; k < ev->nlabels; k++)
    if (v[k]) {
      ct_buf_printf(b, "%s%s", first ? "" : ",", label_name(ev, k));
      first = 0;
    }
  ct_buf_addc(b, ']');
}

typedef struct errlist {
  size_t shown, max;
  int json;
  json_t *arr;
} errlist;

/* One line per rule that fired: its id, weight and the words that fired
** it (a `when`-only rule shows no words). */
static void fired_text(ct_buf *b, const ct_ruleset *rs, const ct_text *t,
                       const ct_result *r) {
  size_t h;
  if (r == NULL || r->nhits == 0) ct_buf_adds(b, "    no rule fired\n");
  for (h = 0; r && h < r->nhits; h++) {
    const ct_hit *x = &r->hits[h];
    const ct_rule_info *ri = ct_ruleset_rule(rs, x->rule);
    ct_buf_printf(b, "    + %s -> %s %+g", ri->id,
                  ct_ruleset_label(rs, x->label)->name, x->weight);
    if (ri->words || ri->regex) {
      char *m = ct_text_span(t, x->start, x->end, 1);
      if (m)
        ct_buf_printf(b, " \"%s\"", m);
      free(m);
    }
    ct_buf_addc(b, '\n');
  }
}

static json_t *labels_json(const evalrun *ev, const unsigned char *v) {
  json_t *a = json_array();
  size_t k;
  for (k = 0; k < ev->nlabels; k++)
    if (v[k]) json_array_append_new(a, json_string(label_name(ev, k)));
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

/* Called per clause on a second classification pass, to show the rules
** that fired on the first misclassified ones. */
static void report_error(evalrun *ev, size_t i, const ct_text *t,
                         const ct_result *r, void *ud) {
  errlist *el = ud;
  const unsigned char *got = ev->got + i * ev->nlabels;
  ct_buf b = {0};
  if (is_exact(ev, i) || el->shown >= el->max) return;
  el->shown++;
  if (el->json) {
    json_array_append_new(el->arr, json_pack("{s:I,s:s?,s:s,s:o,s:o,s:o}",
        "line", (json_int_t)ev->g[i].line, "doc", ev->g[i].doc, "text",
        ev->g[i].text, "gold", labels_json(ev, ev->g[i].want), "predicted",
        labels_json(ev, got), "rules", fired_json(ev->rs, r)));
    return;
  }
  ct_buf_printf(&b, "%s:%zu: gold ", ev->path, ev->g[i].line);
  labels_text(&b, ev, ev->g[i].want);
  ct_buf_adds(&b, " predicted ");
  labels_text(&b, ev, got);
  ct_buf_printf(&b, "\n    \"%s\"\n", ev->g[i].text);
  fired_text(&b, ev->rs, t, r);
  fputs(b.s, stdout);
  ct_buf_free(&b);
}

static void print_row(const char *name, score s) {
  figures x = figures_of(s);
  char a[16], b[16], c[16];
  printf("%-12s %9s %9s %9s %9zu\n", name, cell(a, x.p, x.has_p),
         cell(b, x.r, x.has_r), cell(c, x.f, x.has_f), s.tp + s.fn);
}

static void print_text(const evalrun *ev, const totals *t) {
  size_t k;
  char m[16];
  printf("%-12s %9s %9s %9s %9s\n", "label", "precision", "recall", "f1",
         "support");
  for (k = 0; k < ev->nlabels; k++) print_row(label_name(ev, k), label_score(ev, k));
  print_row("micro", t->micro);
  printf("%-12s %9s %9s %9s\n", "macro", "", "", cell(m, t->macro, t->defined > 0));
  printf("\nexact-set accuracy: %.3f (%zu of %zu clauses)\n",
         ratio(t->exact, ev->n), t->exact, ev->n);
}

static json_t *report_json(const evalrun *ev, const totals *t) {
  json_t *labels = json_array();
  size_t k;
  for (k = 0; k < ev->nlabels; k++) {
    score s = label_score(ev, k);
    figures x = figures_of(s);
    json_array_append_new(labels, json_pack("{s:s,s:o,s:o,s:o,s:I}",
        "label", label_name(ev, k), "precision", jnum(x.p, x.has_p),
        "recall", jnum(x.r, x.has_r), "f1", jnum(x.f, x.has_f), "support",
        (json_int_t)(s.tp + s.fn)));
  }
  {
    figures m = figures_of(t->micro);
    return json_pack("{s:s,s:I,s:o,s:{s:o,s:o,s:o},s:o,s:{s:f,s:I}}",
        "gold", ev->path, "clauses", (json_int_t)ev->n, "labels", labels,
        "micro", "precision", jnum(m.p, m.has_p), "recall", jnum(m.r, m.has_r),
        "f1", jnum(m.f, m.has_f), "macro_f1", jnum(t->macro, t->defined > 0),
        "exact", "accuracy", ratio(t->exact, ev->n), "correct",
        (json_int_t)t->exact);
  }
}

static int report(evalrun *ev, ct_engine *e, size_t max_errors, int json) {
  totals t = total(ev);
  errlist el = {0, max_errors, json, NULL};
  json_t *doc = NULL;
  size_t wrong = ev->n - t.exact;
  int st;
  if (json) {
    doc = report_json(ev, &t);
    el.arr = json_array();
  } else {
    print_text(ev, &t);
    if (wrong && max_errors)
      printf("\nmisclassified (%zu shown of %zu):\n",
             wrong < max_errors ? wrong : max_errors, wrong);
  }
  st = wrong && max_errors ? classify_all(ev, e, report_error, &el) : 0;
  if (json) {
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

static void evalrun_free(evalrun *ev) {
  size_t i;
  for (i = 0; i < ev->n; i++) {
    free(ev->g[i].doc);
    free(ev->g[i].text);
    free(ev->g[i].labels);
  }
  for (i = 0; i < ev->nextra; i++) free(ev->extra[i]);
  free(ev->g);
  free(ev->extra);
  free(ev->want);
  free(ev->got);
  ct_ruleset_free(ev->rs);
}

static int run(evalrun *ev, size_t max_errors, int json) {
  ct_engine *e;
  ct_error err;
  size_t i, k;
  int st = read_gold(ev);
  if (st != 0) return st;
  ev->nlabels = ct_ruleset_nlabels(ev->rs) + ev->nextra;
  ev->got = calloc(ev->n * ev->nlabels + 1, 1);
  ev->want = calloc(ev->n * ev->nlabels + 1, 1);
  if (ev->got == NULL || ev->want == NULL) return 2;
  for (i = 0; i < ev->n; i++) {
    for (k = 0; k < ev->g[i].nlabels; k++)
      ev->want[i * ev->nlabels + (size_t)ev->g[i].labels[k]] = 1;
    ev->g[i].want = ev->want + i * ev->nlabels;
  }
  if (ct_engine_new(ev->rs, &e, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    return 2;
  }
  st = classify_all(ev, e, record, NULL);
  if (st == 0) st = report(ev, e, max_errors, json);
  ct_engine_free(e);
  if (st == 0 && (fflush(stdout) != 0 || ferror(stdout))) {
    fprintf(stderr, "clausetag: write error: %s\n", strerror(errno));
    st = 2;
  }
  return st;
}

/* What the command line asks for. */
typedef struct eval_args {
  const char *gold;
  size_t max_errors;
  int json, help;
} eval_args;

/* One option into ea and o (for -r); 0, or 2 after a usage error. */
static int eval_option(int key, const ct_cli_args *a, eval_args *ea,
                       ct_cli_options *o) {
  char *end;
  switch (key) {
  case OPT_GOLD: ea->gold = a->arg; return 0;
  case CT_OPT_RULES: o->rules[o->nrules++] = a->arg; return 0;
  case CT_OPT_HELP: ea->help = 1; return 0;
  case CT_OPT_FORMAT:
    if (strcmp(a->arg, "text") == 0 || strcmp(a->arg, "json") == 0) {
      ea->json = strcmp(a->arg, "json") == 0;
      return 0;
    }
    return ct_cli_usage_error("eval", "invalid argument '%s' for --format "
                              "(expected text or json)", a->arg);
  case OPT_ERRORS:
    ea->max_errors = strtoul(a->arg, &end, 10);
    if (a->arg[0] >= '0' && a->arg[0] <= '9' && *end == '\0') return 0;
    return ct_cli_usage_error("eval", "invalid argument '%s' for --errors "
                              "(expected a number)", a->arg);
  case CT_CLI_ARG_OPERAND:
    return ct_cli_usage_error("eval", "unexpected operand '%s' (the gold "
                              "file goes after --gold)", a->arg);
  default:
    return ct_cli_usage_error("eval", "%s", a->msg);
  }
}

int ct_cli_eval(int argc, char **argv) {
  ct_cli_options o;
  ct_cli_args a;
  evalrun ev;
  eval_args ea = {NULL, 10, 0, 0};
  int key, status = 0;
  memset(&o, 0, sizeof o);
  memset(&ev, 0, sizeof ev);
  ct_limits_default(&o.limits);
  o.rules = calloc((size_t)argc + 1, sizeof *o.rules);
  if (o.rules == NULL) return 2;
  ct_cli_args_init(&a, argc, argv);
  while (status == 0 && (key = ct_cli_args_next(&a, eval_options)) != CT_CLI_ARG_END)
    status = eval_option(key, &a, &ea, &o);
  if (status == 0 && ea.help) {
    ct_cli_eval_help(stdout);
  } else if (status == 0 && ea.gold == NULL) {
    status = ct_cli_usage_error("eval", "--gold FILE is required");
  } else if (status == 0) {
    ev.path = ea.gold;
    ev.rs = ct_cli_rules_load(&o);
    status = ev.rs ? run(&ev, ea.max_errors, ea.json) : 2;
  }
  evalrun_free(&ev);
  free(o.rules);
  return status;
}
