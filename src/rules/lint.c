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
**   - a phrase twice among the words of one label's rules (in one rule,
**     or in two), compared as the automaton compares them: folded, runs
**     of spaces and hyphens as one space;
**   - a regex that can match the empty string (PCRE2's minimum match
**     length is 0): it fires on nearly every clause;
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
#include "rules/diag.h"
#include "rules/rules.h"

static void at_label(ct_srcref *at, const ct_label_info *lb,
                     const char *key) {
  memset(at, 0, sizeof *at);
  at->file = lb->file, at->line = lb->line, at->decl = "label";
  at->name = lb->name, at->key = key;
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
      unbounded |= ri->when;
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

/* Where a word was first seen. */
typedef struct seen_at {
  size_t rule, phrase;
} seen_at;

static void report_duplicate(const ct_ruleset *rs, ct_diags *d, size_t i,
                             size_t k, const seen_at *was) {
  const ct_rule *r = &rs->rules[i];
  const ct_rule_phrase *ph = &r->phrases[k];
  ct_srcref at;
  at_rule(&at, r, "words", ph->elem);
  if (was->rule == i)
    ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': word '%s' "
                "is already item %zu of its words", r->info.id, ph->folded,
                r->phrases[was->phrase].elem);
  else
    ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': word '%s' "
                "is already a word of rule '%s' (%s:%d), of the same label",
                r->info.id, ph->folded, rs->rules[was->rule].info.id,
                rs->rules[was->rule].info.file,
                rs->rules[was->rule].info.line);
}

/* Words that another word of the same label's rules already is. */
static ct_status lint_duplicates(const ct_ruleset *rs, ct_diags *d) {
  ct_strmap map;
  ct_buf key = {0};
  seen_at *seen = NULL;
  size_t i, k, n = 0, cap = 0;
  ct_status st = CT_OK;
  memset(&map, 0, sizeof map);
  for (i = 0; st == CT_OK && i < rs->nrules; i++) {
    const ct_rule *r = &rs->rules[i];
    for (k = 0; st == CT_OK && k < r->nphrases; k++) {
      uintptr_t first;
      if (r->phrases[k].unless) continue;
      if ((st = phrase_key(&key, r->info.label, r->phrases[k].folded)) !=
          CT_OK)
        break;
      first = (uintptr_t)ct_strmap_get(&map, key.s, key.len);  /* 1 + index */
      if (first != 0) {
        report_duplicate(rs, d, i, k, &seen[first - 1]);
        continue;
      }
      if (n == cap) {
        seen_at *v = realloc(seen, (cap = cap ? 2 * cap : 64) * sizeof *v);
        if (v == NULL) {
          st = CT_ENOMEM;
          break;
        }
        seen = v;
      }
      seen[n].rule = i, seen[n].phrase = k;
      n++;
      st = ct_strmap_put(&map, key.s, key.len, (void *)(uintptr_t)n);
    }
  }
  free(seen);
  ct_buf_free(&key);
  ct_strmap_free(&map, NULL);
  return st;
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
  size_t i;
  ct_status st = sc ? CT_OK : CT_ENOMEM;
  ct_srcref at;
  lint_labels(rs, d);
  if (st == CT_OK) st = lint_duplicates(rs, d);
  for (i = 0; st == CT_OK && i < rs->nrules; i++) {
    const ct_rule *r = &rs->rules[i];
    if (r->regex != NULL && ct_regex_min_length(r->regex) == 0) {
      at_rule(&at, r, "regex", 0);
      ct_diags_at(d, CT_SEVERITY_WARNING, CT_OK, &at, "rule '%s': its regex "
                  "can match the empty string, so it fires on nearly every "
                  "clause", r->info.id);
    }
    if (r->info.unless && r->info.words) st = lint_unless(rs, r, sc, d);
  }
  ct_phrases_scratch_free(sc);
  if (st != CT_OK)
    ct_diags_add(d, CT_SEVERITY_WARNING, CT_OK, NULL, 0, 0,
                 "out of memory: not every warning was looked for");
}
