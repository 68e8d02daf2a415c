/*
** weights.c -- weights and thresholds in effect: declared in the rule
** files, learned (`weights {...}`, which `clausetag train` writes), or set
** by a program that learns them; and the labels' priors, which only
** training gives.
**
** A rule's weight in effect scales everything the rule adds: words and
** regex rules add it, a `when` that returns n adds n times (weight in
** effect / declared weight), a focus rule adds it times its label's share
** of the evidence.  So learning changes how much a rule counts, never
** what the rule means.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/error.h"
#include "core/suggest.h"
#include "rules/diag.h"
#include "rules/rules.h"

const char *ct_weight_problem(double v, int kind) {
  if (kind == CT_WEIGHT_PRIOR)
    return v >= 0 && v <= 1 ? NULL : "must be a number from 0 to 1";
  if (kind == CT_WEIGHT_THRESHOLD)
    return v > 0 && v <= CT_WEIGHT_MAX ? NULL
           : "must be a number greater than 0 and at most 1000000";
  return v >= -CT_WEIGHT_MAX && v <= CT_WEIGHT_MAX ? NULL
         : "must be a number between -1000000 and 1000000";
}

/* The names a weights entry could have meant: the rules' ids or the
** labels' names, for a suggestion. */
static void suggest_name(const ct_ruleset *rs, int label, const char *name,
                         char *buf, size_t n) {
  ct_suggester sg;
  size_t i, k = label ? rs->nlabels : rs->nrules;
  ct_suggest_init(&sg, name);
  for (i = 0; i < k; i++)
    ct_suggest_offer(&sg, label ? rs->labels[i].name : rs->rules[i].info.id);
  if (ct_suggest_best(&sg) != NULL)
    snprintf(buf, n, " (did you mean '%s'?)", ct_suggest_best(&sg));
}

static void apply_one(ct_ruleset *rs, const ct_weight_decl *w,
                      const ct_weight_decl **given, ct_diags *d) {
  static const char *const keys[] = {"rules", "thresholds", "priors"};
  static const char *const values[] = {"a weight", "a threshold",
                                       "a prior"};
  size_t i, n = w->label ? rs->nlabels : rs->nrules;
  const char *what = w->label ? "label" : "rule", *bad;
  char hint[200] = "";
  ct_srcref at;
  memset(&at, 0, sizeof at);
  at.file = w->file, at.line = w->line, at.decl = "weights";
  at.key = keys[w->label], at.subkey = w->name;
  for (i = 0; i < n; i++) {
    const char *name = w->label ? rs->labels[i].name : rs->rules[i].info.id;
    if (strcmp(name, w->name) != 0) continue;
    if (given[i]) {
      ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "weights: %s '%s' "
                  "already given at %s:%d", what, w->name, given[i]->file,
                  given[i]->line);
      return;
    }
    given[i] = w;
    at.at_value = 1;
    if ((bad = ct_weight_problem(w->value, w->label)) != NULL) {
      ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "weights: %s '%s': "
                  "%s %s", what, w->name, values[w->label], bad);
      return;
    }
    if (w->label == CT_WEIGHT_PRIOR) {
      rs->labels[i].prior = w->value;
    } else if (w->label == CT_WEIGHT_THRESHOLD) {
      rs->labels[i].threshold = w->value;
      rs->labels[i].learned = 1;
    } else {
      rs->rules[i].info.weight = w->value;
      rs->rules[i].info.learned = w->value != rs->rules[i].info.declared;
    }
    return;
  }
  suggest_name(rs, w->label, w->name, hint, sizeof hint);
  ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at,
              "weights: %s '%s' is not declared%s", what, w->name, hint);
}

/* Would one more term take the vocabulary past the rule memory limit?
** Its table lives outside the Lua state, and a rule file can make it
** rows times vocabulary rules large: the same cap bounds both. */
static int vocab_full(const ct_ruleset *rs, const ct_weight_decl *w) {
  size_t rows = ct_vocab_rows(rs->vocab), row = ct_vocab_row_bytes(rs->nvcols);
  if (rs->vocab != NULL && ct_vocab_find(rs->vocab, w->term,
                                         strlen(w->term)) != (size_t)-1)
    return 0;
  return rows + 1 > rs->lim.rule_memory / row;
}

/* Where the terms read so far stand: the vocabulary reached the limit
** (reported once); the rule of the last term, which the next one most
** likely shares (a weights file lists a rule's terms together, and a
** search of every rule id per term was a third of start-up). */
typedef struct termstate {
  int full;
  size_t rule;
} termstate;

static size_t rule_named(const ct_ruleset *rs, const char *name,
                         size_t guess) {
  size_t i;
  if (guess < rs->nrules && strcmp(rs->rules[guess].info.id, name) == 0)
    return guess;
  for (i = 0; i < rs->nrules; i++)
    if (strcmp(rs->rules[i].info.id, name) == 0) break;
  return i;
}

/* A term of a vocabulary rule's learned words. */
static ct_status apply_term(ct_ruleset *rs, const ct_weight_decl *w,
                            ct_diags *d, termstate *ts) {
  const char *bad = ct_weight_problem(w->value, 0);
  int *full = &ts->full;
  char hint[200] = "";
  ct_srcref at;
  size_t i;
  memset(&at, 0, sizeof at);
  at.file = w->file, at.line = w->line, at.decl = "weights";
  at.key = "vocabulary", at.subkey = w->name;
  i = ts->rule = rule_named(rs, w->name, ts->rule);
  if (i == rs->nrules) {
    suggest_name(rs, 0, w->name, hint, sizeof hint);
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "weights: rule '%s' "
                "is not declared%s", w->name, hint);
  } else if (!rs->rules[i].info.vocabulary) {
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "weights: rule '%s' "
                "has no vocabulary to learn (declare it with vocabulary = "
                "true)", w->name);
  } else if (bad != NULL) {
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, &at, "weights: rule '%s', "
                "term '%s': a weight %s", w->name, w->term, bad);
  } else if (*full || vocab_full(rs, w)) {
    if (!*full)
      ct_diags_at(d, CT_SEVERITY_ERROR, CT_ELIMIT, &at, "weights: the "
                  "vocabulary of %zu vocabulary rules reaches the limit of "
                  "%zu MiB at its term %zu (raise it with --rule-memory)",
                  rs->nvcols, rs->lim.rule_memory >> 20,
                  ct_vocab_rows(rs->vocab) + 1);
    *full = 1;
  } else {
    if (rs->vocab == NULL && (rs->vocab = ct_vocab_new(rs->nvcols)) == NULL)
      return CT_ENOMEM;
    return ct_vocab_set(rs->vocab, w->term, strlen(w->term),
                        rs->rules[i].vcol, w->value);
  }
  return CT_OK;
}

/* Where the entries of a kind start in the `given` array: the rules',
** then the labels' thresholds, then their priors. */
static size_t given_at(const ct_ruleset *rs, int kind) {
  return kind == CT_WEIGHT_RULE ? 0
         : kind == CT_WEIGHT_THRESHOLD ? rs->nrules : rs->nrules + rs->nlabels;
}

ct_status ct_ruleset_apply_weights(ct_ruleset *rs, ct_diags *d) {
  size_t n = rs->nrules + 2 * rs->nlabels + 1, i;
  const ct_weight_decl **given;
  ct_status st = CT_OK;
  termstate ts = {0, 0};
  if (rs->nweights == 0) return CT_OK;
  if ((given = calloc(n, sizeof *given)) == NULL) return CT_ENOMEM;
  for (i = 0; st == CT_OK && i < rs->nweights; i++) {
    const ct_weight_decl *w = &rs->weights[i];
    if (w->term != NULL) st = apply_term(rs, w, d, &ts);
    else apply_one(rs, w, given + given_at(rs, w->label), d);
  }
  free(given);
  return st;
}

ct_status ct_ruleset_set_weights(ct_ruleset *rs, const double *rule_w,
                                 const double *thresholds, ct_error *err) {
  size_t i;
  const char *bad;
  for (i = 0; rule_w && i < rs->nrules; i++)
    if ((bad = ct_weight_problem(rule_w[i], 0)) != NULL)
      return ct_fail(err, CT_EUSAGE, "rule '%s': a weight %s",
                     rs->rules[i].info.id, bad);
  for (i = 0; thresholds && i < rs->nlabels; i++)
    if ((bad = ct_weight_problem(thresholds[i], 1)) != NULL)
      return ct_fail(err, CT_EUSAGE, "label '%s': a threshold %s",
                     rs->labels[i].name, bad);
  for (i = 0; rule_w && i < rs->nrules; i++) {
    rs->rules[i].info.weight = rule_w[i];
    rs->rules[i].info.learned = rule_w[i] != rs->rules[i].info.declared;
  }
  for (i = 0; thresholds && i < rs->nlabels; i++) {
    rs->labels[i].threshold = thresholds[i];
    rs->labels[i].learned =
        thresholds[i] != rs->labels[i].declared_threshold;
  }
  return CT_OK;
}

ct_status ct_ruleset_set_priors(ct_ruleset *rs, const double *priors,
                                ct_error *err) {
  size_t i;
  const char *bad;
  for (i = 0; priors && i < rs->nlabels; i++)
    if (priors[i] != -1 &&
        (bad = ct_weight_problem(priors[i], CT_WEIGHT_PRIOR)) != NULL)
      return ct_fail(err, CT_EUSAGE, "label '%s': a prior %s",
                     rs->labels[i].name, bad);
  for (i = 0; i < rs->nlabels; i++)
    rs->labels[i].prior = priors ? priors[i] : -1;
  return CT_OK;
}

/* A Lua string literal for a name, as a key: quotes, backslashes and
** control bytes escaped. */
static void put_key(FILE *out, const char *indent, const char *name) {
  const char *p;
  fprintf(out, "%s[\"", indent);
  for (p = name; *p; p++) {
    if (*p == '"' || *p == '\\') fputc('\\', out);
    if ((unsigned char)*p < 0x20) fprintf(out, "\\%03d", (unsigned char)*p);
    else fputc(*p, out);
  }
  fputs("\"] = ", out);
}

/* A row of the vocabulary, to be sorted by its term. */
typedef struct termrow {
  const char *term;
  size_t row;
} termrow;

static int by_term(const void *a, const void *b) {
  return strcmp(((const termrow *)a)->term, ((const termrow *)b)->term);
}

/* Each vocabulary rule's terms with a weight, in byte order of term. */
static ct_status write_vocabulary(const ct_ruleset *rs, FILE *out) {
  size_t n = ct_vocab_rows(rs->vocab), i, k;
  termrow *t;
  if (n == 0) return CT_OK;
  if ((t = malloc(n * sizeof *t)) == NULL) return CT_ENOMEM;
  for (k = 0; k < n; k++) t[k].term = ct_vocab_term(rs->vocab, k), t[k].row = k;
  qsort(t, n, sizeof *t, by_term);
  fputs("  vocabulary = {\n", out);
  for (i = 0; i < rs->nrules; i++) {
    const ct_rule *r = &rs->rules[i];
    if (!r->info.vocabulary) continue;
    put_key(out, "    ", r->info.id);
    fputs("{\n", out);
    for (k = 0; k < n; k++) {
      double w = ct_vocab_weight(rs->vocab, t[k].row, r->vcol);
      if (w == 0) continue;
      put_key(out, "      ", t[k].term);
      fprintf(out, "%.4f,\n", w);
    }
    fputs("    },\n", out);
  }
  fputs("  },\n", out);
  free(t);
  return CT_OK;
}

/* The priors known, if any. */
static void write_priors(const ct_ruleset *rs, FILE *out) {
  size_t i, any = 0;
  for (i = 0; i < rs->nlabels; i++) any += rs->labels[i].prior >= 0;
  if (any == 0) return;
  fputs("  priors = {\n", out);
  for (i = 0; i < rs->nlabels; i++)
    if (rs->labels[i].prior >= 0) {
      put_key(out, "    ", rs->labels[i].name);
      fprintf(out, "%.4f,\n", rs->labels[i].prior);
    }
  fputs("  },\n", out);
}

ct_status ct_ruleset_write_weights(const ct_ruleset *rs, FILE *out,
                                   const char *comment, ct_error *err) {
  size_t i;
  const char *p = comment;
  while (p && *p) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) : strlen(p);
    fprintf(out, "-- %.*s\n", (int)n, p);
    p += n + (nl != NULL);
  }
  fputs("weights {\n  thresholds = {\n", out);
  for (i = 0; i < rs->nlabels; i++) {
    put_key(out, "    ", rs->labels[i].name);
    fprintf(out, "%.4f,\n", rs->labels[i].threshold);
  }
  fputs("  },\n", out);
  write_priors(rs, out);
  fputs("  rules = {\n", out);
  for (i = 0; i < rs->nrules; i++) {
    put_key(out, "    ", rs->rules[i].info.id);
    fprintf(out, "%.4f,\n", rs->rules[i].info.weight);
  }
  fputs("  },\n", out);
  if (write_vocabulary(rs, out) != CT_OK)
    return ct_fail(err, CT_ENOMEM, "cannot write the weights: out of memory");
  fputs("}\n", out);
  if (ferror(out))
    return ct_fail(err, CT_EIO, "cannot write the weights: %s",
                   "write error");
  return CT_OK;
}
