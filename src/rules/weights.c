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
static int vocab_full(const ct_ruleset *rs, const char *term, size_t n) {
  size_t rows = ct_vocab_rows(rs->vocab), row = ct_vocab_row_bytes(rs->nvcols);
  if (rs->vocab != NULL && ct_vocab_find(rs->vocab, term, n) != (size_t)-1)
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

/* The vocabulary rule that entry w gives terms to, else rs->nrules after
** saying why it has none. */
static size_t vocab_rule(const ct_ruleset *rs, const ct_weight_decl *w,
                         ct_diags *d, termstate *ts, const ct_srcref *at) {
  char hint[200] = "";
  size_t i = ts->rule = rule_named(rs, w->name, ts->rule);
  if (i == rs->nrules) {
    suggest_name(rs, 0, w->name, hint, sizeof hint);
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, at, "weights: rule '%s' "
                "is not declared%s", w->name, hint);
  } else if (!rs->rules[i].info.vocabulary) {
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, at, "weights: rule '%s' "
                "has no vocabulary to learn (declare it with vocabulary = "
                "true)", w->name);
    i = rs->nrules;
  }
  return i;
}

/* Term t[0..n) of vocabulary rule i, weight v, written at `at`. */
static ct_status set_term(ct_ruleset *rs, size_t i, const char *t, size_t n,
                          double v, ct_diags *d, termstate *ts,
                          const ct_srcref *at) {
  const char *bad = ct_weight_problem(v, 0);
  if (bad != NULL) {
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, at, "weights: rule '%s', "
                "term '%.*s': a weight %s", rs->rules[i].info.id, (int)n, t,
                bad);
  } else if (ts->full || vocab_full(rs, t, n)) {
    if (!ts->full)
      ct_diags_at(d, CT_SEVERITY_ERROR, CT_ELIMIT, at, "weights: the "
                  "vocabulary of %zu vocabulary rules reaches the limit of "
                  "%zu MiB at its term %zu (raise it with --rule-memory)",
                  rs->nvcols, rs->lim.rule_memory >> 20,
                  ct_vocab_rows(rs->vocab) + 1);
    ts->full = 1;
  } else {
    if (rs->vocab == NULL && (rs->vocab = ct_vocab_new(rs->nvcols)) == NULL)
      return CT_ENOMEM;
    return ct_vocab_set(rs->vocab, t, n, rs->rules[i].vcol, v);
  }
  return CT_OK;
}

static void term_at(ct_srcref *at, const ct_weight_decl *w) {
  memset(at, 0, sizeof *at);
  at->file = w->file, at->line = w->line, at->decl = "weights";
  at->key = "vocabulary", at->subkey = w->name;
}

/* A term of a vocabulary rule's learned words, from a table. */
static ct_status apply_term(ct_ruleset *rs, const ct_weight_decl *w,
                            ct_diags *d, termstate *ts) {
  ct_srcref at;
  size_t i;
  term_at(&at, w);
  if ((i = vocab_rule(rs, w, d, ts, &at)) == rs->nrules) return CT_OK;
  return set_term(rs, i, w->term, strlen(w->term), w->value, d, ts, &at);
}

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static const char *skip_blank(const char *p, const char *end) {
  while (p < end && is_blank(*p)) p++;
  return p;
}

/* The end of the run from p of bytes that are neither blank nor control
** characters: a term, a number. */
static const char *token_end(const char *p, const char *end) {
  while (p < end && (unsigned char)*p > ' ' && *p != 0x7F) p++;
  return p;
}

/* The number p[0..n), into *v; 0 if it is none.  A decimal of at most
** 15 digits (what `clausetag train` writes) is an exact integer divided
** by an exact power of ten, which IEEE division rounds as strtod does;
** anything else goes to strtod (which reads the C locale's numerals: the
** library never sets another). */
static int read_number(const char *p, size_t n, double *v) {
  static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7,
                                 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
                                 1e15};
  char buf[64], *end;
  size_t i = p[0] == '-', digits = 0, frac = 0;
  int point = 0;
  double m = 0;
  for (; i < n && digits <= 15; i++) {
    if (p[i] == '.' && !point) point = 1;
    else if (p[i] >= '0' && p[i] <= '9')
      m = m * 10 + (p[i] - '0'), digits++, frac += (size_t)point;
    else break;
  }
  if (i == n && digits > 0 && digits <= 15) {
    *v = (p[0] == '-' ? -m : m) / pow10[frac];
    return 1;
  }
  if (n >= sizeof buf) return 0;
  memcpy(buf, p, n);
  buf[n] = '\0';
  *v = strtod(buf, &end);
  return end == buf + n;
}

/* One line of a rule's terms as text, p[0..end): blank, or a term and
** its weight apart by blanks. */
static ct_status apply_line(ct_ruleset *rs, size_t i, const char *p,
                            const char *end, ct_diags *d, termstate *ts,
                            ct_srcref *at) {
  const char *t0 = skip_blank(p, end), *t1 = token_end(t0, end);
  const char *w0 = skip_blank(t1, end), *w1 = token_end(w0, end);
  double v;
  if (t0 == end) return CT_OK;
  if (t1 == t0 || w0 == t1 || w1 == w0 || skip_blank(w1, end) != end)
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, at, "weights: rule '%s', "
                "line %d of its terms: expected a term and its weight, "
                "apart by blanks ('tuna 0.25')", rs->rules[i].info.id,
                at->value_line);
  else if (!read_number(w0, (size_t)(w1 - w0), &v))
    ct_diags_at(d, CT_SEVERITY_ERROR, CT_ESYNTAX, at, "weights: rule '%s', "
                "term '%.*s': its weight '%.*s' is not a number",
                rs->rules[i].info.id, (int)(t1 - t0), t0, (int)(w1 - w0),
                w0);
  else
    return set_term(rs, i, t0, (size_t)(t1 - t0), v, d, ts, at);
  return CT_OK;
}

/* A vocabulary rule's terms as text, a line each. */
static ct_status apply_text(ct_ruleset *rs, const ct_weight_decl *w,
                            ct_diags *d, termstate *ts) {
  const char *p = w->terms, *end = w->terms + w->termslen;
  ct_srcref at;
  ct_status st = CT_OK;
  size_t i;
  term_at(&at, w);
  if ((i = vocab_rule(rs, w, d, ts, &at)) == rs->nrules) return CT_OK;
  at.at_value = 1;
  while (st == CT_OK && p < end) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    if (eol == NULL) eol = end;
    at.value_line++;
    st = apply_line(rs, i, p, eol, d, ts, &at);
    p = eol + (eol < end);
  }
  return st;
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
    if (w->terms != NULL) st = apply_text(rs, w, d, &ts);
    else if (w->term != NULL) st = apply_term(rs, w, d, &ts);
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

/* Whether a text could yield term t: no ASCII byte but a lowercase
** letter or a digit (vocab.h).  Any other term, which only a table
** written by hand could hold, matches nothing and is not written, so
** that a term never has to be quoted in a line of text. */
static int writable(const char *t) {
  for (; *t != '\0'; t++) {
    unsigned char c = (unsigned char)*t;
    if (c < 0x80 && !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
      return 0;
  }
  return 1;
}

/* Each vocabulary rule's terms with a weight, in byte order of term, a
** line each in one long string: Lua reads that far faster than a table
** of thousands of fields (docs/rules.md, "weights"). */
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
    fputs("[[\n", out);
    for (k = 0; k < n; k++) {
      double w = ct_vocab_weight(rs->vocab, t[k].row, r->vcol);
      if (w != 0 && writable(t[k].term))
        fprintf(out, "%s %.4f\n", t[k].term, w);
    }
    fputs("]],\n", out);
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
