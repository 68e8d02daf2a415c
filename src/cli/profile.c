/*
** profile.c -- `clausetag profile PATH...` (also `clausetag rules
** --stats`): what each rule does over a corpus.
**
** Per rule: the clauses it fired on; the labels it decided, that is the
** clauses whose label would have come out the other way without what it
** added (a positive rule that lifted a score over the threshold, a
** negative one that kept it under); the time spent in its regex and its
** `when` calls, and how many calls; and with --gold, its precision: the
** share of the clauses it fired on where the gold agrees with it (has
** its label, for a negative rule lacks it).  Then the rules that never
** fired.  This is how a rule writer finds dead rules, noisy rules and
** slow rules.
**
** Documents go through the same loop as classify (run.c: every input
** format, -j workers, bad inputs reported and skipped); each worker
** counts into its own tables, added up when it is freed.  Gold files are
** classified as eval classifies them (documents of labelled clauses).
** Times are wall clock and vary from run to run; nothing else does.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/abbrevs.h"
#include "cli/commands.h"
#include "cli/crossval.h"
#include "cli/gold.h"
#include "cli/memtext.h"
#include "cli/options.h"
#include "cli/outfile.h"
#include "cli/rulefiles.h"
#include "cli/run.h"

enum { OPT_GOLD = CT_OPT_OWN };

/* In the order of the help. */
static const ct_cli_option profile_options[] = {
  {CT_OPT_RULES, 'r', "rules", 1,
   {"PATH", "a rule file or a directory of *.lua (repeatable);\n"
            "default: $CLAUSETAG_RULES, else the shipped rules", 0, NULL,
    NULL}},
  {OPT_GOLD, 0, "gold", 1,
   {"FILE", "labelled clauses (as for eval), repeatable,\n"
            "instead of documents: then operands are gold\n"
            "files too", 0, NULL, NULL}},
  {CT_OPT_FORMAT, 'f', "format", 1,
   {"FORMAT", "text (default): a table; jsonl: one object per\n"
              "rule, then a summary object", 0, NULL, NULL}},
  CT_CLI_DOCUMENT_OPTIONS,
  CT_CLI_RULE_LIMIT_OPTIONS_TOGETHER(
      "--rule-budget N, --rule-memory MIB, --rule-time MS,\n"
      "--max-clause-bytes N", "as for classify"),
  {CT_OPT_MAX_CLAUSE_BYTES, 0, "max-clause-bytes", 1, {0}},
  CT_CLI_HELP_OPTION,
  {0, 0, NULL, 0, {0}}
};

/* The report's formats, for -f: the report is not made of clauses (the
** run writes nothing, CT_WRITE_QUIET). */
static const char *const profile_formats[] = {"text", "jsonl", NULL};


void ct_cli_profile_help(FILE *out) {
  fputs(
"Usage: clausetag profile [OPTIONS] [FILE|DIR|-]...\n"
"       clausetag profile [OPTIONS] --gold GOLD.jsonl...\n"
"       clausetag rules --stats [OPTIONS] ...   (the same)\n"
"\n"
"Classify a corpus and report, for each rule: FIRED, the clauses it\n"
"fired on; DECIDED, the clauses whose label would have come out the\n"
"other way without it; WHEN, its `when` calls; MS, the milliseconds in\n"
"its regex, `when` or vocabulary (the first vocabulary rule of a clause\n"
"reads the clause's terms for all of them); with --gold, PRECISION, the\n"
"share of its firings the gold agrees with (its label there; for a\n"
"negative rule, not).\n"
"Then the rules that never fired.\n"
"\n"
"Options:\n", out);
  ct_cli_options_help(out, profile_options, CT_CLI_HELP_COLUMN);
  fputs(
"\n"
"Exit status: 0 done; 2 a usage error, rules that do not load, a rule\n"
"that fails (the report then counts what came before), an input that\n"
"could not be read (the others are still counted), or an output that\n"
"could not be written.\n", out);
}

/* {=====================================================================
** Counting
** ====================================================================== */

typedef struct rule_stat {
  size_t fired, decided, agreed;
} rule_stat;

/* Counts for the whole run, or for one worker. */
typedef struct tally {
  rule_stat *rules;
  ct_rule_cost *costs;
  size_t docs, clauses;
} tally;

static int tally_init(tally *t, size_t nrules) {
  memset(t, 0, sizeof *t);
  t->rules = calloc(nrules + 1, sizeof *t->rules);
  t->costs = calloc(nrules + 1, sizeof *t->costs);
  return t->rules && t->costs ? 0 : -1;
}

static void tally_free(tally *t) {
  free(t->rules);
  free(t->costs);
  memset(t, 0, sizeof *t);
}

static void tally_add(tally *into, const tally *t, size_t nrules) {
  size_t i;
  for (i = 0; i < nrules; i++) {
    into->rules[i].fired += t->rules[i].fired;
    into->rules[i].decided += t->rules[i].decided;
    into->rules[i].agreed += t->rules[i].agreed;
    into->costs[i].seconds += t->costs[i].seconds;
    into->costs[i].when_calls += t->costs[i].when_calls;
  }
  into->docs += t->docs;
  into->clauses += t->clauses;
}

/* The hits of one clause; gold (per label) or NULL. */
static void count_clause(tally *t, const ct_ruleset *rs, const ct_result *r,
                         const unsigned char *gold) {
  size_t h;
  t->clauses++;
  for (h = 0; h < r->nhits; h++) {
    const ct_hit *x = &r->hits[h];
    double thr = ct_ruleset_label(rs, x->label)->threshold - 1e-9;
    double without = r->scores[x->label] - x->weight;
    rule_stat *s = &t->rules[x->rule];
    s->fired++;
    if (r->has[x->label] ? without < thr : without >= thr) s->decided++;
    if (gold && (x->weight >= 0) == (gold[x->label] != 0)) s->agreed++;
  }
}

/* }===================================================================== */

/* {=====================================================================
** Documents, through the classify loop
** ====================================================================== */

typedef struct profile_ctx {
  const ct_ruleset *rs;
  tally total;
  int oom;
} profile_ctx;

typedef struct profile_worker {
  profile_ctx *ctx;
  ct_engine *engine;
  tally t;
} profile_worker;

static void worker_free(void *w) {
  profile_worker *wk = w;
  if (wk == NULL) return;
  if (wk->t.rules && wk->t.costs)     /* the main thread frees workers */
    tally_add(&wk->ctx->total, &wk->t, ct_ruleset_nrules(wk->ctx->rs));
  ct_engine_free(wk->engine);
  tally_free(&wk->t);
  free(wk);
}

static ct_status worker_new(void *ud, int hits, void **out, ct_error *err) {
  profile_ctx *ctx = ud;
  profile_worker *wk = calloc(1, sizeof *wk);
  ct_status s;
  (void)hits;                   /* a profile counts the hits itself */
  if (wk == NULL || tally_init(&wk->t, ct_ruleset_nrules(ctx->rs)) != 0) {
    if (wk) tally_free(&wk->t);
    free(wk);
    return ct_cli_fail(err, CT_ENOMEM);
  }
  wk->ctx = ctx;
  if ((s = ct_engine_new(ctx->rs, &wk->engine, err)) != CT_OK) {
    tally_free(&wk->t);
    free(wk);
    return s;
  }
  ct_engine_set_costs(wk->engine, wk->t.costs);
  *out = wk;
  return CT_OK;
}

static ct_status profile_doc(void *w, ct_cli_doc *d, ct_error *err) {
  profile_worker *wk = w;
  const char *id = d->id_json ? ct_text_name(d->text) : NULL;
  size_t i;
  ct_status s;
  wk->t.docs++;
  if (d->n == 0) return CT_OK;
  s = ct_engine_classify(wk->engine, d->text, d->clauses, d->n, id,
                         &d->results, err);
  for (i = 0; s == CT_OK && i < d->n; i++)
    count_clause(&wk->t, wk->ctx->rs, ct_results_get(d->results, i),
                 NULL);
  return s;
}

static int profile_documents(const ct_cli_options *o, profile_ctx *ctx) {
  ct_cli_options run_opt = *o;
  ct_cli_step step;
  ct_cli_run r;
  memset(&step, 0, sizeof step);
  step.ud = ctx;
  step.worker_new = worker_new, step.worker_free = worker_free;
  step.run = profile_doc;
  run_opt.output = NULL;         /* the run writes nothing; the report -o */
  run_opt.format = "text";
  r.opt = &run_opt, r.ab = ct_ruleset_abbrevs(ctx->rs), r.step = &step;
  r.rs = ctx->rs, r.wflags = CT_WRITE_QUIET;
  r.labels = NULL, r.nlabels = 0;
  return ct_cli_run_all(&r);
}

/* Gold documents, classified as eval classifies them. */
static int profile_gold(ct_ruleset *rs, const char *const *gold,
                        size_t ngold, profile_ctx *ctx) {
  ct_gold gd;
  ct_corpus corpus;
  ct_engine *e = NULL;
  ct_error err;
  size_t d, i;
  int st;
  memset(&gd, 0, sizeof gd);
  memset(&corpus, 0, sizeof corpus);
  st = ct_gold_read(&gd, rs, gold, ngold);
  if (st == 0) st = ct_corpus_open(&corpus, &gd, rs);
  if (st == 0 && ct_engine_new(rs, &e, &err) != CT_OK) {
    fprintf(stderr, "%s\n", err.msg);
    st = 2;
  }
  if (e) ct_engine_set_costs(e, ctx->total.costs);
  for (d = 0; st == 0 && d < gd.ndocs; d++) {
    const ct_gold_doc *doc = &gd.docs[d];
    const ct_cli_lines *l = &corpus.lines[d];
    ct_results *r = NULL;
    ctx->total.docs++;
    if (l->nclauses == 0) continue;
    if (ct_engine_classify(e, l->text, l->clauses, l->nclauses, NULL, &r,
                           &err) != CT_OK) {
      fprintf(stderr, "%s\n", err.msg);
      st = 2;
      break;
    }
    for (i = doc->first; i < doc->end; i++) {
      size_t k = l->clause_of[i - doc->first];
      if (k)
        count_clause(&ctx->total, rs, ct_results_get(r, k - 1),
                     gd.g[i].want);
    }
    ct_results_free(r);
  }
  ct_engine_free(e);
  ct_corpus_free(&corpus);
  ct_gold_free(&gd);
  return st;
}

/* }===================================================================== */

/* {=====================================================================
** The report
** ====================================================================== */

static void precision_cell(char *buf, size_t n, const rule_stat *s) {
  if (s->fired == 0) snprintf(buf, n, "-");
  else snprintf(buf, n, "%.3f", (double)s->agreed / (double)s->fired);
}

static void report_text(FILE *b, const ct_ruleset *rs, const tally *t,
                        int gold) {
  size_t i, n = ct_ruleset_nrules(rs), wr = 4, wl = 5, never = 0;
  double total = 0;
  for (i = 0; i < n; i++) {
    const ct_rule_info *ri = ct_ruleset_rule(rs, i);
    size_t a = strlen(ri->id), l = strlen(ct_ruleset_label(rs, ri->label)->name);
    if (a > wr) wr = a;
    if (l > wl) wl = l;
  }
  fprintf(b, "%-*s  %-*s  %7s  %7s  ", (int)wr, "RULE", (int)wl, "LABEL",
                "FIRED", "DECIDED");
  if (gold) fprintf(b, "%9s  ", "PRECISION");
  fprintf(b, "%7s  %9s\n", "WHEN", "MS");
  for (i = 0; i < n; i++) {
    const ct_rule_info *ri = ct_ruleset_rule(rs, i);
    const rule_stat *s = &t->rules[i];
    char p[32];
    fprintf(b, "%-*s  %-*s  %7zu  %7zu  ", (int)wr, ri->id, (int)wl,
            ct_ruleset_label(rs, ri->label)->name, s->fired, s->decided);
    if (gold) {
      precision_cell(p, sizeof p, s);
      fprintf(b, "%9s  ", p);
    }
    fprintf(b, "%7lu  %9.3f\n", t->costs[i].when_calls,
            t->costs[i].seconds * 1e3);
    total += t->costs[i].seconds;
    never += s->fired == 0;
  }
  fprintf(b, "\nnever fired (%zu of %zu %s):", never, n,
          n == 1 ? "rule" : "rules");
  for (i = 0; i < n; i++)
    if (t->rules[i].fired == 0)
      fprintf(b, " %s", ct_ruleset_rule(rs, i)->id);
  if (never == 0) fputs(" none", b);
  fprintf(b, "\n%zu %s, %zu %s; %.3f ms in regexes, when functions and vocabularies\n",
          t->docs, t->docs == 1 ? "document" : "documents", t->clauses,
          t->clauses == 1 ? "clause" : "clauses", total * 1e3);
}

/* Writes s as a JSON string (NULL: null), escaped as the writers do;
** *oom set when the escape could not be made. */
static void json_cstr(FILE *b, int *oom, const char *s) {
  char *q;
  if (s == NULL) {
    fputs("null", b);
    return;
  }
  if ((q = ct_json_quote(s, strlen(s))) == NULL) {
    *oom = 1;
    return;
  }
  fputs(q, b);
  ct_string_free(q);
}

static void report_jsonl(FILE *b, int *oom, const ct_ruleset *rs,
                         const tally *t, int gold) {
  size_t i, n = ct_ruleset_nrules(rs), never = 0;
  double total = 0;
  for (i = 0; i < n; i++) {
    const ct_rule_info *ri = ct_ruleset_rule(rs, i);
    const rule_stat *s = &t->rules[i];
    fputs("{\"type\":\"rule\",\"rule\":", b);
    json_cstr(b, oom, ri->id);
    fputs(",\"label\":", b);
    json_cstr(b, oom, ct_ruleset_label(rs, ri->label)->name);
    fputs(",\"file\":", b);
    json_cstr(b, oom, ri->file);
    fprintf(b, ",\"line\":%d,\"fired\":%zu,\"decided\":%zu,\"precision\":",
            ri->line, s->fired, s->decided);
    if (gold && s->fired > 0)
      fprintf(b, "%.6g", (double)s->agreed / (double)s->fired);
    else
      fputs("null", b);
    fprintf(b, ",\"when_calls\":%lu,\"ms\":%.6f}\n", t->costs[i].when_calls,
            t->costs[i].seconds * 1e3);
    total += t->costs[i].seconds;
  }
  fprintf(b, "{\"type\":\"summary\",\"documents\":%zu,\"clauses\":%zu,"
          "\"rules\":%zu,\"never_fired\":[", t->docs, t->clauses, n);
  for (i = 0; i < n; i++)
    if (t->rules[i].fired == 0) {
      if (never++) fputc(',', b);
      json_cstr(b, oom, ct_ruleset_rule(rs, i)->id);
    }
  fprintf(b, "],\"ms\":%.6f}\n", total * 1e3);
}

static int write_report(const ct_cli_options *o, const ct_ruleset *rs,
                        const tally *t, int gold) {
  ct_cli_memtext m = {0};
  ct_cli_outfile out;
  FILE *f = ct_cli_memtext_file(&m);
  size_t len;
  char *text;
  int rc, oom = 0;
  if (f != NULL) {
    if (strcmp(o->format, "jsonl") == 0) report_jsonl(f, &oom, rs, t, gold);
    else report_text(f, rs, t, gold);
    fflush(f);
  }
  len = m.len;
  if ((text = ct_cli_memtext_take(&m)) == NULL || oom) {
    free(text);
    fputs("clausetag: out of memory\n", stderr);
    return 2;
  }
  if ((rc = ct_cli_outfile_open(&out, o->output)) == 0) {
    errno = 0;
    if (fwrite(text, 1, len, out.f) != len)
      rc = ct_cli_outfile_fail(&out, errno ? errno : EIO);
    else
      rc = ct_cli_outfile_commit(&out);
  }
  free(text);
  return rc;
}

/* }===================================================================== */

/* The --gold files (ct_cli_own_fn). */
typedef struct gold_args {
  const char **gold;
  size_t n;
} gold_args;

static int profile_option(void *ud, int key, const ct_cli_args *a) {
  gold_args *g = ud;
  if (key != OPT_GOLD) return -1;   /* an operand: the parser keeps it */
  g->gold[g->n++] = a->arg;
  return 0;
}

int ct_cli_profile(int argc, char **argv) {
  ct_cli_command_spec spec = {"profile", profile_options, profile_formats, 0,
                              profile_option, NULL, 0};
  ct_cli_options o;
  profile_ctx ctx;
  gold_args g;
  ct_ruleset *rs = NULL;
  int rc;
  memset(&ctx, 0, sizeof ctx);
  g.n = 0;
  if ((g.gold = calloc((size_t)argc + 1, sizeof *g.gold)) == NULL) return 2;
  spec.own_ud = &g;
  rc = ct_cli_options_parse(&o, &spec, argc, argv);
  if (rc == 0 && o.help) {
    ct_cli_profile_help(stdout);
  } else if (rc == 0) {
    size_t k;   /* with --gold, operands are gold files (--gold *.jsonl) */
    for (k = 0; g.n > 0 && k < o.noperands; k++) g.gold[g.n++] = o.operands[k];
    rc = ct_cli_output_unread(&o, "profile", o.output,
                              (const char *const *)(g.n ? g.gold : o.operands),
                              g.n ? g.n : o.noperands);
    if (rc == 0 && ((rs = ct_cli_rules_load(&o)) == NULL ||
                    ct_cli_abbrevs_into_rules(&o, rs) != 0))
      rc = 2;
    else if (rc == 0 && tally_init(&ctx.total, ct_ruleset_nrules(rs)) != 0)
      rc = 2;
    else if (rc == 0) {
      ctx.rs = rs;
      rc = g.n ? profile_gold(rs, g.gold, g.n, &ctx)
               : profile_documents(&o, &ctx);
      /* what was counted, also when an input or a rule failed */
      if (write_report(&o, rs, &ctx.total, g.n > 0) != 0) rc = 2;
    }
  }
  tally_free(&ctx.total);
  ct_ruleset_free(rs);
  ct_cli_options_free(&o);
  free(g.gold);
  return rc;
}
