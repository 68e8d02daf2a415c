/*
** lint.c -- warnings about a rule set that loads but is likely wrong.
**
** Each warning is a mistake that no error catches and that shows only as
** a label that never comes, or comes everywhere:
**
**   - a label no rule scores for;
**   - a label whose rules cannot add up to its threshold: the sum of
**     their positive weights in effect is below it (a rule with `when`
**     can add any amount, so its label is never reported);
**   - a word or unless phrase with '|', '\\', '?' or '^': written as a
**     pattern, matched as itself;
**   - a word twice in one rule's words, and a rule whose words are all
**     words of an earlier rule of the same label and scope (a copy: they
**     count twice), words compared as the automaton compares them:
**     folded, runs of spaces and hyphens as one space (that a rule
**     shares some words with another of its label is how the shipped
**     rules give titles and weak evidence their own weight, and is not
**     warned about);
**   - a regex that can match the empty string (PCRE2's minimum match
**     length is 0): it fires on nearly every clause;
**   - a regex piece that matches only white space a clause never holds
**     for a regex, as it reads as one line (breaks.h): `\r`, `\x{a0}`,
**     `[\r\n]`, a tab written as itself;
**   - an `unless` that cancels every word of its own rule: each word,
**     scanned as a clause by the rule's unless phrases, contains one
**     (for a word with a trailing '*', one that ends inside the word or
**     ends with '*' itself, so that no ending of the word escapes it).
**
** The loader keeps each rule's folded phrases for this (ct_rule_phrase)
** only when warnings are asked for.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "core/buf.h"
#include "core/strmap.h"
#include "rules/breaks.h"
#include "rules/diag.h"
#include "rules/rules.h"

static void at_label(ct_srcref *at, const ct_label_info *lb,
                     const char *key) {
  memset(at, 0, sizeof *at);
  at->file = lb->file, at->line = lb->line, at->decl = "label";
  at->name = lb->name, at->key = key;
  at->at_value = key == NULL;          /* the label's name */
}

static void at_rule(ct_srcref *at, const ct_rule *r, const char *key,
                    size_t elem) {
  memset(at, 0, sizeof *at);
  at->file = r->info.file, at->line = r->info.line, at->decl = "rule";
  at->name = r->info.id, at->key = key, at->elem = elem;
  at->at_value = elem == 0;
}

/* Labels no rule scores for, and labels their rules cannot reach. */
static void lint_labels(const ct_ruleset *rs, ct_diags *d) {
  size_t k, i;
  for (k = 0; k < rs->nlabels; k++) {
    const ct_label_info *lb = &rs->labels[k];
    size_t nrules = 0;
    int unbounded = 0;
    double most = 0;
    ct_srcref at;
    for (i = 0; i < rs->nrules; i++) {
      const ct_rule_info *ri = &rs->rules[i].info;
      if (ri->label != k) continue;
      nrules++;
      unbounded |= ri->when || ri->vocabulary;   /* strengths, not 1 */
      if (ri->weight > 0) most += ri->weight;
    }
    if (nrules == 0) {
      at_label(&at, lb, NULL);
      ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "label '%s' has no "
                  "rules: no clause can get it", lb->name);
    } else if (!unbounded && most < lb->threshold - 1e-9) {
      at_label(&at, lb, "threshold");
      ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "label '%s': its "
                  "rules add at most %g, below its threshold %g: no clause "
                  "can get it", lb->name, most, lb->threshold);
    }
  }
}

/* A vocabulary rule without learned terms adds nothing until trained. */
static void lint_vocabulary(const ct_ruleset *rs, const ct_rule *r,
                            ct_diags *d) {
  size_t k, n = ct_vocab_rows(rs->vocab);
  ct_srcref at;
  for (k = 0; k < n; k++)
    if (ct_vocab_weight(rs->vocab, k, r->vcol) != 0) return;
  at_rule(&at, r, "vocabulary", 0);
  ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': no learned "
              "terms, so it adds nothing (clausetag train learns them)",
              r->info.id);
}

/* A phrase as the automaton reads it, keyed by its label: runs of
** spaces and hyphens are one space, none at the ends. */
static ct_status phrase_key(ct_buf *b, size_t label, const char *p) {
  int space = 0, started = 0;
  ct_buf_clear(b);
  if (ct_buf_printf(b, "%zu:", label) != CT_OK) return CT_ENOMEM;
  for (; *p; p++) {
    if (*p == ' ' || *p == '-' || *p == '\t') {
      space = 1;
      continue;
    }
    if (space && started && ct_buf_addc(b, ' ') != CT_OK) return CT_ENOMEM;
    space = 0, started = 1;
    if (ct_buf_addc(b, *p) != CT_OK) return CT_ENOMEM;
  }
  return CT_OK;
}

/* Do rules a and b fire on the same clauses, given the same words? */
static int same_kind(const ct_rule_info *a, const ct_rule_info *b) {
  return a->label == b->label && a->scope == b->scope &&
         a->context == b->context && a->focus == b->focus;
}

/* A word given twice in one rule's words: the second is never needed
** (a rule fires once however many of its words are there). */
static ct_status lint_repeats(const ct_rule *r, ct_diags *d) {
  ct_strmap map;
  ct_buf key = {0};
  size_t k;
  ct_status st = CT_OK;
  memset(&map, 0, sizeof map);
  for (k = 0; st == CT_OK && k < r->nphrases; k++) {
    uintptr_t first;
    ct_srcref at;
    if (r->phrases[k].unless) continue;
    if ((st = phrase_key(&key, 0, r->phrases[k].folded)) != CT_OK) break;
    first = (uintptr_t)ct_strmap_get(&map, key.s, key.len);    /* 1 + k */
    if (first == 0) {
      st = ct_strmap_put(&map, key.s, key.len, (void *)(uintptr_t)(k + 1));
      continue;
    }
    at_rule(&at, r, "words", r->phrases[k].elem);
    ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': word '%s' "
                "is already item %zu of its words", r->info.id,
                r->phrases[k].folded, r->phrases[first - 1].elem);
  }
  ct_buf_free(&key);
  ct_strmap_free(&map, NULL);
  return st;
}

/* A word that looks like a pattern: '|', '\\', '?' or '^' in it, which
** a phrase matches as itself ("climate|clean energy" finds that text,
** not either).  Other marks are left alone: "2+2", "U.S.", "$1 billion"
** and "(IUU)" are phrases a rule means as written. */
static void lint_patterns(const ct_rule *r, ct_diags *d) {
  size_t k;
  for (k = 0; k < r->nphrases; k++) {
    const ct_rule_phrase *ph = &r->phrases[k];
    const char *m = strpbrk(ph->written, "|\\?^");
    ct_srcref at;
    if (m == NULL) continue;
    at_rule(&at, r, ph->unless ? "unless" : "words", ph->elem);
    ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': %s '%s' "
                "has '%c', which matches only itself: words and unless "
                "phrases are plain text, not patterns (list each apart, or "
                "write a regex)", r->info.id,
                ph->unless ? "unless phrase" : "word", ph->written, *m);
  }
}

/* Each rule's words as the automaton reads them, sorted, without
** repeats, so that "every word of b is a word of a" is one merge. */
typedef struct word_keys {
  char **v;
  size_t n;
} word_keys;

static int cmp_key(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void keys_free(word_keys *k, size_t n) {
  size_t i, j;
  for (i = 0; k && i < n; i++) {
    for (j = 0; j < k[i].n; j++) free(k[i].v[j]);
    free(k[i].v);
  }
  free(k);
}

/* The keys of every rule; NULL when out of memory. */
static word_keys *keys_make(const ct_ruleset *rs) {
  word_keys *k = calloc(rs->nrules + 1, sizeof *k);
  ct_buf key = {0};
  size_t i = 0, j, m;
  int ok = k != NULL;
  for (i = 0; ok && i < rs->nrules; i++) {
    const ct_rule *r = &rs->rules[i];
    ok = (k[i].v = calloc(r->nphrases + 1, sizeof *k[i].v)) != NULL;
    for (j = 0; ok && j < r->nphrases; j++)
      if (!r->phrases[j].unless)
        ok = phrase_key(&key, 0, r->phrases[j].folded) == CT_OK &&
             (k[i].v[k[i].n++] = strdup(key.s)) != NULL;
    if (!ok) break;
    qsort(k[i].v, k[i].n, sizeof *k[i].v, cmp_key);
    for (j = m = 0; j < k[i].n; j++)             /* without repeats */
      if (m > 0 && strcmp(k[i].v[m - 1], k[i].v[j]) == 0) free(k[i].v[j]);
      else k[i].v[m++] = k[i].v[j];
    k[i].n = m;
  }
  ct_buf_free(&key);
  if (!ok) {
    keys_free(k, rs->nrules);       /* a NULL from strdup ends its list */
    return NULL;
  }
  return k;
}

/* Is every key of b a key of a (both sorted)? */
static int within(const word_keys *a, const word_keys *b) {
  size_t i = 0, j = 0;
  while (j < b->n) {
    int c;
    if (i == a->n) return 0;
    if ((c = strcmp(a->v[i], b->v[j])) > 0) return 0;
    i++;
    j += c == 0;
  }
  return 1;
}

/* The words the copy check may compare over a whole rule set: it is
** quadratic in the rules of one label, and rule files may be hostile. */
#define COPY_BUDGET 50000000UL

/* A rule whose words are all words of an earlier rule that fires on the
** same clauses for the same label: a copy, that counts its words twice.
** *budget is what is left of COPY_BUDGET; at its end one note says so
** and the check stops. */
static void lint_copies(const ct_ruleset *rs, const word_keys *k, size_t i,
                        ct_diags *d, unsigned long *budget, int *spent) {
  const ct_rule *b = &rs->rules[i];
  size_t j;
  if (*spent || !b->info.words || k[i].n == 0) return;
  for (j = 0; j < i; j++) {
    const ct_rule *a = &rs->rules[j];
    unsigned long cost = (unsigned long)(k[j].n + k[i].n);
    ct_srcref at;
    if (!a->info.words || !same_kind(&a->info, &b->info)) continue;
    if (*budget < cost) {
      ct_diags_add(d, CT_SEVERITY_WARNING, CT_OK, NULL, 0, 0, "too many "
                   "rules of one label: not every rule was compared with "
                   "the others for copied words");
      *spent = 1;
      return;
    }
    *budget -= cost;
    if (!within(&k[j], &k[i])) continue;
    at_rule(&at, b, "words", 0);
    at.at_value = 0;
    ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': every one of "
                "its words is already a word of rule '%s' (%s:%d), of the "
                "same label and scope, so they count twice", b->info.id,
                a->info.id, a->info.file, a->info.line);
    return;
  }
}

/* Does the rule's unless matcher cancel `word` wherever it matches? */
static int cancelled(const ct_phrases *unless, ct_phrases_scratch *sc,
                     const ct_rule *r, const char *word, int *by) {
  size_t len = strlen(word), h, n;
  int star = len > 0 && word[len - 1] == '*';
  const ct_phrase_hit *hits;
  if (star) len--;
  if (ct_phrases_scan_with(unless, sc, word, len, &hits, &n) != CT_OK)
    return 0;
  for (h = 0; h < n; h++) {
    const char *u = r->phrases[hits[h].id].folded;
    size_t ulen = strlen(u);
    if (!star || hits[h].end < len || (ulen > 0 && u[ulen - 1] == '*')) {
      *by = hits[h].id;
      return 1;
    }
  }
  return 0;
}

/* A rule whose `unless` cancels every one of its words. */
static ct_status lint_unless(const ct_ruleset *rs, const ct_rule *r,
                             ct_phrases_scratch *sc, ct_diags *d) {
  ct_phrases *unless = ct_phrases_new();
  ct_error err;
  size_t k, words = 0, gone = 0, first = 0;
  int by = 0, first_by = 0;
  ct_srcref at;
  (void)rs;
  if (unless == NULL) return CT_ENOMEM;
  for (k = 0; k < r->nphrases; k++)
    if (r->phrases[k].unless &&
        ct_phrases_add(unless, r->phrases[k].folded, (int)k, &err) != CT_OK) {
      ct_phrases_free(unless);
      return err.status == CT_ENOMEM ? CT_ENOMEM : CT_OK;
    }
  if (ct_phrases_compile(unless, &err) != CT_OK) {
    ct_phrases_free(unless);
    return err.status == CT_ENOMEM ? CT_ENOMEM : CT_OK;
  }
  for (k = 0; k < r->nphrases; k++) {
    if (r->phrases[k].unless) continue;
    words++;
    if (!cancelled(unless, sc, r, r->phrases[k].folded, &by)) break;
    if (gone++ == 0) first = k, first_by = by;
  }
  ct_phrases_free(unless);
  if (words == 0 || gone != words) return CT_OK;
  at_rule(&at, r, "unless", 0);
  at.at_value = 0;
  ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': its 'unless' "
              "cancels every one of its words ('%s' by '%s'), so they never "
              "fire", r->info.id, r->phrases[first].folded,
              r->phrases[first_by].folded);
  return CT_OK;
}

void ct_ruleset_lint(const ct_ruleset *rs, ct_diags *d) {
  ct_phrases_scratch *sc = ct_phrases_scratch_new();
  word_keys *keys = keys_make(rs);
  unsigned long budget = COPY_BUDGET;
  int spent = 0;
  size_t i;
  ct_status st = sc && keys ? CT_OK : CT_ENOMEM;
  ct_srcref at;
  char what[48];
  lint_labels(rs, d);
  for (i = 0; st == CT_OK && i < rs->nrules; i++) {
    const ct_rule *r = &rs->rules[i];
    if ((st = lint_repeats(r, d)) != CT_OK) break;
    lint_patterns(r, d);
    lint_copies(rs, keys, i, d, &budget, &spent);
    if (r->regex != NULL && ct_regex_min_length(r->regex) == 0) {
      at_rule(&at, r, "regex", 0);
      ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': its regex "
                  "can match the empty string, so it fires on nearly every "
                  "clause", r->info.id);
    }
    if (r->regex != NULL &&
        ct_regex_break(ct_regex_pattern(r->regex), what, sizeof what)) {
      at_rule(&at, r, "regex", 0);
      ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': its regex "
                  "has %s, which never matches: a clause reads to a regex "
                  "as one line (write \\s or a space)",
                  r->info.id, what);
    }
    if (r->info.unless && r->info.words) st = lint_unless(rs, r, sc, d);
    if (r->info.vocabulary) lint_vocabulary(rs, r, d);
  }
  ct_phrases_scratch_free(sc);
  keys_free(keys, rs->nrules);
  if (st != CT_OK)
    ct_diags_add(d, CT_SEVERITY_WARNING, CT_OK, NULL, 0, 0,
                 "out of memory: not every warning was looked for");
}
