/*
** rules.h -- the inside of a rule set, shared by the loader and engines.
**
** ruleset.c reads rule files into a ct_ruleset: metadata, folded phrases
** compiled into one automaton, compiled regexes.  Lua functions cannot
** move between Lua states, so each engine runs the same files again in
** its own sandbox and keeps only the `when` functions
** (ct_ruleset_instantiate).  Rule files are deterministic (no clock, no
** I/O, a seeded math.random), so both runs declare the same rules in the
** same order.
*/
#ifndef CT_RULES_H
#define CT_RULES_H

#include "clausetag.h"
#include "rules/phrases.h"
#include "rules/regex.h"
#include "rules/sandbox.h"
#include "rules/vocab.h"

/* Phrase ids in the automaton: the rule index and which list. */
enum { CT_LIST_WORDS, CT_LIST_UNLESS, CT_LIST_NEEDS };
#define CT_PHRASE_ID(rule, list) ((int)((rule) << 2 | (list)))
#define CT_PHRASE_RULE(id) ((size_t)(id) >> 2)
#define CT_PHRASE_LIST(id) ((id) & 3)

/* A `words` or `unless` phrase of a rule, as written (listings) and
** folded (the warnings of lint.c), and where it is in the rule's list. */
typedef struct ct_rule_phrase {
  char *written;
  char *folded;
  size_t elem;           /* 1-based place in the list; 0: a lone string */
  int unless;
} ct_rule_phrase;

typedef struct ct_rule {
  ct_rule_info info;     /* the public view; strings owned here */
  char *label_name;      /* as written; resolved to info.label at the end
                         ** (NULL: the rule named none, already reported) */
  ct_regex *regex;       /* NULL without regex */
  ct_rule_phrase *phrases;   /* words, then unless, in file order */
  size_t nphrases;
  size_t vcol;           /* a vocabulary rule's column in rs->vocab */
  size_t nneeds;         /* needles of the regex (declared `needs`, else
                         ** found in the pattern: needles.h); 0: none,
                         ** the regex runs on every clause */
} ct_rule;

typedef struct ct_example {
  ct_example_info info;  /* text owned; labels resolved at the end */
  char **label_names;
  size_t *label_idx;
} ct_example;

/* One entry of a weights {...} declaration, applied once every file has
** declared its labels and rules. */
typedef struct ct_weight_decl {
  char *name;            /* rule id, or label name */
  char *term;            /* a term of the rule's vocabulary, or NULL */
  int label;             /* what it sets: CT_WEIGHT_... */
  double value;
  char *terms;           /* or a vocabulary rule's terms as text, a line
                         ** each: "term weight" */
  size_t termslen;
  char *file;
  int line;
} ct_weight_decl;

struct ct_ruleset {
  ct_limits lim;
  char **files;
  size_t nfiles;
  ct_label_info *labels;
  size_t nlabels;
  ct_rule *rules;
  size_t nrules;
  ct_example *examples;
  size_t nexamples;
  ct_abbrevs *abbrevs;
  ct_phrases *phrases;   /* words and unless of every rule */
  ct_weight_decl *weights;
  size_t nweights;
  ct_vocab *vocab;       /* learned terms, a column per vocabulary rule
                         ** (NULL: none learned) */
  size_t nvcols;         /* the vocabulary rules */
};

struct ct_diags;

/* Applies the weights {...} declarations: every name must be a declared
** rule or label, given once; each one that is not is reported to d.
** CT_ENOMEM, or CT_OK (d counts the errors). */
ct_status ct_ruleset_apply_weights(ct_ruleset *rs, struct ct_diags *d);

/* The warnings of a rule set that loaded (lint.c), reported to d: a
** label no rule scores for, a label whose rules cannot reach its
** threshold, a word twice in one rule's words or a rule whose words copy
** another's, a regex that can match the empty string, an `unless` that
** cancels every word of its rule.  Needs the phrases the loader keeps when asked. */
void ct_ruleset_lint(const ct_ruleset *rs, struct ct_diags *d);

/* What a weights {...} entry sets. */
enum { CT_WEIGHT_RULE, CT_WEIGHT_THRESHOLD, CT_WEIGHT_PRIOR };

/* What a value of that kind (a rule's weight, a label's threshold or
** prior) must be, for a message ("must be a number ..."), or NULL when v
** is one. */
const char *ct_weight_problem(double v, int kind);

/* The regex limits of this rule set's searches, in `regex` rules and in
** ct.re alike: its match limit, and whether a clock (--rule-time) stops
** a long search, so that a windowed one may take more steps a position. */
void ct_ruleset_regex_limits(const ct_ruleset *rs, ct_regex_limits *rl);

/* A sandbox for this rule set: its limits, and the `ct` library as a
** global of every rule file. */
ct_status ct_ruleset_sandbox(const ct_ruleset *rs, ct_sandbox **out,
                             ct_error *err);

/* Runs the rule files again in `sb` and stores, for each rule in order, a
** registry reference to its `when` function (LUA_NOREF when it has none)
** in refs[0..nrules). */
ct_status ct_ruleset_instantiate(const ct_ruleset *rs, ct_sandbox *sb,
                                 int *refs, ct_error *err);

#endif
