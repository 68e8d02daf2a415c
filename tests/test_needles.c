/*
** test_needles.c -- the literal prefilter of regex rules: which needles a
** pattern gives, that they are sound (a text the regex matches always
** holds one of them in its normalized view, however the text is made of
** case variants, combining marks and compatibility forms), and that a
** regex rule behind its needles fires on exactly the clauses where the
** same regex through c:find does.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "helpers.h"
#include "rules/needles.h"
#include "rules/phrases.h"
#include "rules/regex.h"

#define N(a) (sizeof (a) / sizeof *(a))

/* The needles of a pattern as "[a] [b]", or "-" for none. */
static void needles_are(const char *pattern, const char *want) {
  ct_needles nd;
  char got[1024];
  size_t i, o = 0;
  assert_int_equal(ct_regex_needles(pattern, &nd), CT_OK);
  got[0] = '\0';
  for (i = 0; i < nd.n; i++)
    o += (size_t)snprintf(got + o, sizeof got - o, "%s[%s]", i ? " " : "",
                          nd.v[i]);
  if (nd.n == 0) strcpy(got, "-");
  ct_needles_free(&nd);
  if (strcmp(got, want) != 0)
    fail_msg("pattern %s: got %s, want %s", pattern, got, want);
}

static void extraction(void **state) {
  (void)state;
  /* a letter at the end is dropped: a mark after it would compose */
  needles_are("participants", "[participant]");
  needles_are("Participants\\s+", "[participants]");
  needles_are("abc:", "[abc:]");
  needles_are(":\\s*$", "[:]");
  /* the set with the fewest needles, then the longest shortest one */
  needles_are("\\bmoderni[sz]\\w*\\s+(?:of\\s+)?alliance\\b", "[allianc]");
  needles_are("\\b(?:deepen|strengthen)(?:s|ed)?\\s+security\\b",
              "[securit]");
  needles_are("(?:leaders|people)\\s+young", "[youn]");
  /* alternatives unite; a needle holding another adds nothing */
  needles_are("human rights|dprk human rights|abduct(?:ions|ees)",
              "[human right] [abduc]");
  needles_are("\\b(?:defen[cs]e (?:spending|budgets?)|percent of gdp\\b."
              "{0,30}\\bdefen[cs]e)\\b", "[defe] [percent of gd]");
  /* Hangul syllables are literals; other non-ASCII is not */
  needles_are("북한\\s?인권|이산가족", "[북] [이산가]");
  needles_are("café", "[ca]");
  /* white space and hyphens as the automaton reads them */
  needles_are("\\bfoo-bar\\b", "[foo ba]");
  needles_are("a  -  b\\s", "[a b]");
  needles_are(" x", "-");
  /* quantifiers */
  needles_are("abc?", "[a]");
  needles_are("abcd+", "[abc]");
  needles_are("x{2,3}yzw", "[yz]");
  needles_are("(?:abc){0,2}de:", "[de:]");
  needles_are("(?:abc){2}de", "[ab]");
  needles_are("ab*", "-");
  /* lookarounds and escapes hold nothing */
  needles_are("(?=abc)x", "-");
  needles_are("(?<!abc)xy:", "[xy:]");
  needles_are("\\.\\:\\-x\\s", "[.: x]");
  needles_are("\\p{Lu}+ab:", "[ab:]");
  needles_are("[a-z]+ab:", "[ab:]");
  needles_are("[]x]ab:", "[ab:]");
  needles_are("[[:alpha:]]ab:", "[ab:]");
  needles_are("(?<name>ab:)", "[ab:]");
  /* an alternative without a needle, or what is not understood: none */
  needles_are("abc|\\d+", "-");
  needles_are("x|", "-");
  needles_are("(?i)abc:", "-");
  needles_are("(?x) abc:", "-");
  needles_are("a\\Qb:\\E", "-");
  needles_are("(ab:)\\1", "-");
  needles_are("\\x{41}bc:", "-");
  needles_are("(*UCP)abc:", "-");
  needles_are("a{,3}bc:", "-");
  needles_are("", "-");
}

/* ---- soundness on generated text ------------------------------------ */

static uint32_t seed = 12345;

static uint32_t next_rand(void) {
  seed = seed * 1103515245u + 12345u;
  return (seed >> 8) & 0xFFFFFF;
}

/* Pieces that make folding and caseless matching differ: K and the Kelvin
** sign, s and long s, combining marks after letters (n + tilde composes),
** '<' + U+0338, Hangul with a trailing jamo, compatibility forms, spaces
** and hyphens of every kind. */
static const char *const pieces[] = {
  "a", "b", "k", "K", "\xE2\x84\xAA", "s", "S", "\xC5\xBF", "n", "N", ":",
  "\xCC\x81", "\xCC\x83", "\xCC\xB8", "<", "=", " ", " ", "-", "\xC2\xA0",
  "\xE2\x80\x90", "\t", "\n", "\xED\x95\x9C", "\xEB\xB6\x81",
  "\xE1\x86\xA8", "\xEF\xAC\x81", "\xEF\xBC\xA1", "\xC3\xA9", "1", "_", ".",
  "'", "\xE2\x80\x99", "ks", "as", "nk", "an", "sa:",
};

static const char *const patterns[] = {
  "kas", "ask", "sk\\b", "\\bks\\s+n", "n:", "a<", "a=b", "\xEB\xB6\x81\xED\x95\x9C",
  "\xED\x95\x9C", "k(?:a|n)s", "(?:ab|ks)+n", "s\\s*:", "a-k", "k s",
  "an{2}", "(?<=a)ks", "[ab]n", "ak?s", "a.k", "ks$", "^sa", "fi", "ae",
  "a\\s+k", "(?:kan|sak)\\b", "nn|kk|ss", "sa:|as:", "k\\.s", "a'k",
};

static void random_text(char *buf, size_t cap) {
  size_t n = 0, parts = 1 + next_rand() % 12, i;
  for (i = 0; i < parts; i++) {
    const char *p = pieces[next_rand() % N(pieces)];
    size_t k = strlen(p);
    if (n + k >= cap) break;
    memcpy(buf + n, p, k);
    n += k;
  }
  buf[n] = '\0';
}

/* Does `text`, folded, hold one of the needles, read by the automaton as
** the engine reads them? */
static int holds_needle(const ct_needles *nd, const char *text) {
  ct_phrases *p = ct_phrases_new();
  ct_phrase_hit *h;
  ct_error err;
  char *folded = ct_fold(text, strlen(text));
  size_t i, nh;
  assert_non_null(p);
  assert_non_null(folded);
  for (i = 0; i < nd->n; i++)
    assert_int_equal(ct_phrases_add_substring(p, nd->v[i], 1, &err), CT_OK);
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  assert_int_equal(ct_phrases_scan(p, folded, strlen(folded), &h, &nh), CT_OK);
  free(h);
  free(folded);
  ct_phrases_free(p);
  return nh > 0;
}

static void sound_on_random_text(void **state) {
  ct_rematch *m = ct_rematch_new(NULL);
  size_t i, round, matched = 0;
  (void)state;
  assert_non_null(m);
  for (i = 0; i < N(patterns); i++) {
    ct_regex *re;
    ct_needles nd;
    ct_error err;
    assert_int_equal(ct_regex_compile(patterns[i], &re, &err), CT_OK);
    assert_int_equal(ct_regex_needles(patterns[i], &nd), CT_OK);
    for (round = 0; round < 3000; round++) {
      char text[256];
      size_t a, b;
      random_text(text, sizeof text);
      if (ct_regex_find(re, m, text, strlen(text), 0, &a, &b, &err) != 1)
        continue;
      matched++;
      if (nd.n > 0 && !holds_needle(&nd, text))
        fail_msg("pattern %s matches \"%s\" but no needle is in its view",
                 patterns[i], text);
    }
    ct_needles_free(&nd);
    ct_regex_free(re);
  }
  ct_rematch_free(m);
  assert_true(matched > 1000);      /* the property was tested, not skipped */
}

/* ---- the engine: regex rules behind needles, and c:find ------------- */

#define TMP "build/test-needles-rules.lua"

/* For each pattern, a label fired by a `regex` rule (behind its needles)
** and one fired by a `when` that runs the same regex with c:find on every
** clause: on generated documents the two must agree clause by clause. */
static void engine_agrees_with_find(void **state) {
  FILE *f = fopen(TMP, "w");
  const char *paths[] = {TMP};
  ct_ruleset *rs;
  ct_engine *e;
  ct_error err;
  size_t i, d, fired = 0;
  (void)state;
  assert_non_null(f);
  for (i = 0; i < N(patterns); i++)
    fprintf(f, "label \"r%zu\" {}\nlabel \"w%zu\" {}\n"
            "rule \"r%zu\" { label = \"r%zu\", regex = [==[%s]==] }\n"
            "rule \"w%zu\" { label = \"w%zu\", when = function(c) "
            "return c:find([==[%s]==]) ~= nil end }\n",
            i, i, i, i, patterns[i], i, i, patterns[i]);
  fclose(f);
  if (ct_ruleset_load(paths, 1, NULL, &rs, &err) != CT_OK)
    fail_msg("load: %s", err.msg);
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  for (d = 0; d < 300; d++) {
    char doc[4096];
    size_t n = 0, k, nc;
    ct_text *t;
    ct_clause *c;
    ct_results *res = NULL;
    const ct_result *r;
    for (k = 0; k < 20; k++) {
      char part[256];
      random_text(part, sizeof part);
      n += (size_t)snprintf(doc + n, sizeof doc - n, "%s%s", part,
                            k % 3 == 2 ? ".\n\n" : next_rand() % 2 ? " **" : ". ");
    }
    assert_int_equal(ct_text_from_buffer("g.txt", doc, strlen(doc),
                                         CT_INVALID_ERROR, &t, &err), CT_OK);
    assert_int_equal(ct_segment(t, ct_ruleset_abbrevs(rs), &c, &nc, &err),
                     CT_OK);
    assert_int_equal(ct_engine_classify(e, t, c, nc, NULL, &res, &err), CT_OK);
    r = ct_results_array(res);
    for (k = 0; k < nc; k++)
      for (i = 0; i < N(patterns); i++) {
        if (r[k].has[2 * i] != r[k].has[2 * i + 1])
          fail_msg("pattern %s, clause %zu of \"%s\": regex rule %d, "
                   "c:find %d", patterns[i], k + 1, doc, r[k].has[2 * i],
                   r[k].has[2 * i + 1]);
        fired += r[k].has[2 * i];
      }
    ct_results_free(res);
    free(c);
    ct_text_free(t);
  }
  assert_true(fired > 100);
  ct_engine_free(e);
  ct_ruleset_free(rs);
}

/* ---- declared needs -------------------------------------------------- */

static void load_fails(const char *src, const char *msg) {
  FILE *f = fopen(TMP, "w");
  const char *paths[] = {TMP};
  ct_ruleset *rs = NULL;
  ct_error err;
  assert_non_null(f);
  fputs(src, f);
  fclose(f);
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_ESYNTAX);
  assert_null(rs);
  assert_string_equal(err.msg, msg);
}

static void needs_errors(void **state) {
  (void)state;
  load_fails("label \"l\" {}\nrule \"x\" { label = \"l\", words = \"a\", "
             "needs = \"a\" }\n",
             TMP ":2:38: rule 'x': 'needs' is for a 'regex' or a 'when' rule: "
             "it names what a clause must hold for them to run");
  load_fails("label \"l\" {}\nrule \"x\" { label = \"l\", regex = \"a\", "
             "needs = {} }\n",
             TMP ":2:46: rule 'x': 'needs' must name at least one string");
  load_fails("label \"l\" {}\nrule \"x\" { label = \"l\", regex = \"a\", "
             "needs = \" - \" }\n",
             TMP ":2:46: rule 'x': 'needs': phrase \" - \": empty phrase");
  load_fails("label \"l\" {}\nrule \"x\" { label = \"l\", regex = \"a\", "
             "needs = 3 }\n",
             TMP ":2:46: rule 'x': 'needs' must be a string or a list of "
             "strings, not a number");
}

/* A declared needs replaces the needles found in the pattern: the regex
** runs only where one of them is. */
static void declared_needs_filter(void **state) {
  static const char doc[] = "Young leaders met. Young people met.\n";
  FILE *f = fopen(TMP, "w");
  const char *paths[] = {TMP};
  ct_ruleset *rs;
  ct_engine *e;
  ct_text *t;
  ct_clause *c;
  ct_results *res = NULL;
  const ct_result *r;
  ct_error err;
  size_t n;
  (void)state;
  assert_non_null(f);
  fputs("label \"l\" {}\nrule \"x\" { label = \"l\", regex = \"young\", "
        "needs = { \"leader\", \"scientist\" } }\n", f);
  fclose(f);
  assert_int_equal(ct_ruleset_load(paths, 1, NULL, &rs, &err), CT_OK);
  assert_int_equal(ct_engine_new(rs, &e, &err), CT_OK);
  assert_int_equal(ct_text_from_buffer("d.txt", doc, strlen(doc),
                                       CT_INVALID_ERROR, &t, &err), CT_OK);
  assert_int_equal(ct_segment(t, NULL, &c, &n, &err), CT_OK);
  assert_int_equal(n, 2);
  assert_int_equal(ct_engine_classify(e, t, c, n, NULL, &res, &err), CT_OK);
  r = ct_results_array(res);
  assert_int_equal(r[0].has[0], 1);
  assert_int_equal(r[1].has[0], 0);
  ct_results_free(res);
  free(c);
  ct_text_free(t);
  ct_engine_free(e);
  ct_ruleset_free(rs);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(extraction),
    cmocka_unit_test(sound_on_random_text),
    cmocka_unit_test(engine_agrees_with_find),
    cmocka_unit_test(needs_errors),
    cmocka_unit_test(declared_needs_filter),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
