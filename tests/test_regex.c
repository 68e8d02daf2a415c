/*
** test_regex.c -- the PCRE2 wrapper: options, limits, iteration, threads.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include "helpers.h"
#include "core/error.h"
#include "rules/regex.h"

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* (a+)+$ on 40 a's and a b: the limit shared by 42 start positions */
#define CAT_LIMIT                                                  \
  "regex match limit exceeded (match limit 1000000, 23809 steps a " \
  "start position on 41 bytes)"
/* ^(a+)+$ on the same: anchored, one start position with all of it */
#define ONE_LIMIT "regex match limit exceeded (match limit 1000000)"

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static ct_regex *compile(const char *pattern) {
  ct_regex *re;
  ct_error err;
  if (ct_regex_compile(pattern, &re, &err) != CT_OK)
    fail_msg("%s: %s", pattern, err.msg);
  return re;
}

/* The first match of pattern in subj as "start-end", "none" or the error
** message. */
static void expect_find(const char *pattern, const char *subj, size_t len,
                        size_t from, const char *want) {
  ct_regex *re = compile(pattern);
  ct_rematch *m = ct_rematch_new(NULL);
  size_t s = 0, e = 0;
  ct_error err;
  char got[1100];
  int rc;
  assert_non_null(m);
  rc = ct_regex_find(re, m, subj, len, from, &s, &e, &err);
  if (rc == 1) snprintf(got, sizeof got, "%zu-%zu", s, e);
  else if (rc == 0) strcpy(got, "none");
  else snprintf(got, sizeof got, "%s", err.msg);
  if (strcmp(got, want) != 0)
    fail_msg("/%s/ on \"%s\": got %s, want %s", pattern, subj, got, want);
  ct_rematch_free(m);
  ct_regex_free(re);
}

#define FIND(p, s, want) expect_find(p, s, strlen(s), 0, want)

static void expect_compile_error(const char *pattern, const char *msg) {
  ct_regex *re = (ct_regex *)&re;
  ct_error err;
  assert_int_equal(ct_regex_compile(pattern, &re, &err), CT_ESYNTAX);
  assert_null(re);
  assert_int_equal(err.status, CT_ESYNTAX);
  assert_string_equal(err.msg, msg);
}

static void test_compile_errors(void **state) {
  char *big = malloc(CT_REGEX_MAX_PATTERN + 2), *deep = malloc(2 * 101 + 2);
  size_t i;
  (void)state;
  assert_non_null(big);
  assert_non_null(deep);
  expect_compile_error("a(b",
      "regex error at offset 3: missing closing parenthesis");
  expect_compile_error("x{2,1}",
      "regex error at offset 5: numbers out of order in {} quantifier");
  expect_compile_error("a\\Cb",
      "regex error at offset 3: using \\C is disabled by the application");
  expect_compile_error("[z-a]",
      "regex error at offset 3: range out of order in character class");
  memset(big, 'a', CT_REGEX_MAX_PATTERN + 1);
  big[CT_REGEX_MAX_PATTERN + 1] = '\0';
  expect_compile_error(big, "regex error at offset 0: pattern string is "
                       "longer than the limit set by the application");
  for (i = 0; i < 101; i++) deep[i] = '(', deep[101 + i] = ')';
  deep[202] = '\0';
  expect_compile_error(deep, "regex error at offset 101: parentheses are "
                       "too deeply nested");
  big[CT_REGEX_MAX_PATTERN] = '\0';          /* exactly the limit: fine */
  ct_regex_free(compile(big));
  free(big);
  free(deep);
}

static void test_info(void **state) {
  ct_regex *re = compile("(a)(?:b)(?<c>c)");
  (void)state;
  assert_string_equal(ct_regex_pattern(re), "(a)(?:b)(?<c>c)");
  assert_int_equal(ct_regex_groups(re), 2);
  assert_true(ct_regex_size(re) > 16);
  ct_regex_free(re);
}

static void test_caseless(void **state) {
  (void)state;
  FIND("climate", "Our CLIMATE goals", "4-11");
  FIND("(?-i)climate", "Our CLIMATE goals", "none");
  FIND("(?-i)CLIMATE", "Our CLIMATE goals", "4-11");
  FIND("énergie", "L'ÉNERGIE", "2-10");
  FIND("straße", "STRASSE straße", "8-15");    /* simple folding only */
  FIND("ΣΟΦΙΑ", "σοφια", "0-10");
}

static void test_unicode_classes(void **state) {
  (void)state;
  FIND("\\bénergie\\b", "l'énergie propre", "2-10");
  FIND("\\bnergie", "énergie nergie", "9-15");   /* é is a word char */
  FIND("\\w+", "— 한국어 text", "4-13");
  FIND("\\d+", "year ٢٠٢٣ and 2050", "5-13");   /* Arabic-Indic digits */
  FIND("\\p{Hangul}+", "Korea 대한민국", "6-18");
  FIND("(?<=a)b", "ab", "1-2");
  expect_find("(?<=a)b", "ab", 2, 1, "1-2");    /* lookbehind before from */
  expect_find("\\bb", "ab", 2, 1, "none");       /* \b sees before from */
  expect_find("a", "a", 1, 2, "none");           /* from past the end */
}

/* A subject of ASCII and the marks of U+2010..U+2027 runs the pattern
** compiled without PCRE2_UCP (regex.c, compile_ascii): on random texts
** of those characters and of ones it must not be used for (é, Hangul,
** no-break and line separator spaces, Arabic-Indic digits, the Kelvin
** sign), every first match is the one of the pattern compiled with it,
** from the start or from any byte. */
static void test_ucp_twin(void **state) {
  static const char *const pats[] = {
    "\\bsecur\\w*", "\\w+", "\\W+", "\\s+\\S", "\\d+\\b", "\\Bity\\b",
    "\\bk\\w*", "[\\w’]+", "[^\\w\\s]+", "\\b(?:deepen|strengthen)(?:s|ed)?"
    "\\s+(?:our\\s+)?security\\b", "\\b\\w{3}\\b[^.;:]{0,20}?\\bt",
    "(?<=\\w)\\s(?=\\d)", "[[:alpha:]]+", "(*UCP)\\w+", "—\\s*\\w",
    "é\\w*", "\\b한국\\w*",
  };
  static const char *const atoms[] = {
    "a", "K", "k", "t", "y", "i", "_", "1", "7", " ", " ", "\t", "\n", ".",
    ";", "'", "-", "secur", "ity", "deepen", "strengthen", "security",
    "our", "\xe2\x80\x94", "\xe2\x80\x99", "\xe2\x80\x9c", "\xe2\x80\x90",
    "\xe2\x80\xa6", "\xc3\xa9", "\xed\x95\x9c\xea\xb5\xad", "\xc2\xa0",
    "\xe2\x80\xa8", "\xd9\xa2", "\xe2\x84\xaa",
  };
  size_t natoms = sizeof atoms / sizeof atoms[0], p, k;
  unsigned seed = 20261204;
  ct_rematch *m = ct_rematch_new(NULL);
  pcre2_match_data *md = pcre2_match_data_create(8, NULL);
  (void)state;
  assert_non_null(m);
  for (p = 0; p < sizeof pats / sizeof pats[0]; p++) {
    ct_regex *re = compile(pats[p]);
    int code;
    PCRE2_SIZE off;
    pcre2_code *ref = pcre2_compile((PCRE2_SPTR)pats[p], PCRE2_ZERO_TERMINATED,
                                    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
                                    PCRE2_MATCH_INVALID_UTF, &code, &off, NULL);
    assert_non_null(ref);
    for (k = 0; k < 400; k++) {
      char subj[400];
      size_t len = 0, a, b, n, from;
      ct_error err;
      int rc, want;
      /* half the texts only of characters the twin is used for */
      size_t pool = k % 2 ? natoms : natoms - 6;
      n = (seed = seed * 1103515245u + 12345u) >> 16 & 31;
      while (n-- > 0) {
        const char *x = atoms[((seed = seed * 1103515245u + 12345u) >> 16) % pool];
        memcpy(subj + len, x, strlen(x));
        len += strlen(x);
      }
      /* from anywhere, inside a character too, in a quarter of them */
      from = k % 4 == 3 ? ((seed = seed * 1103515245u + 12345u) >> 16) %
                          (len + 1) : 0;
      rc = ct_regex_find(re, m, subj, len, from, &a, &b, &err);
      want = pcre2_match(ref, (PCRE2_SPTR)subj, len, from, 0, md, NULL);
      assert_true(want >= 0 || want == PCRE2_ERROR_NOMATCH);
      if (rc != (want >= 0) ||
          (rc == 1 && (a != pcre2_get_ovector_pointer(md)[0] ||
                       b != pcre2_get_ovector_pointer(md)[1])))
        fail_msg("/%s/ on \"%.*s\" from %zu: %d %zu-%zu, with PCRE2_UCP %d",
                 pats[p], (int)len, subj, from, rc, a, b, want);
    }
    pcre2_code_free(ref);
    ct_regex_free(re);
  }
  pcre2_match_data_free(md);
  ct_rematch_free(m);
}

static void test_groups(void **state) {
  ct_regex *re = compile("(a)|(b)");
  ct_rematch *m = ct_rematch_new(NULL);
  size_t s, e;
  (void)state;
  assert_int_equal(ct_regex_find(re, m, "xb", 2, 0, &s, &e, NULL), 1);
  assert_int_equal(ct_regex_group(m, 0, &s, &e), 1);
  assert_int_equal(s, 1);
  assert_int_equal(e, 2);
  assert_int_equal(ct_regex_group(m, 1, &s, &e), 0);
  assert_int_equal(ct_regex_group(m, 2, &s, &e), 1);
  assert_int_equal(s, 1);
  assert_int_equal(ct_regex_group(m, 3, &s, &e), 0);
  assert_int_equal(ct_regex_find(re, m, "xy", 2, 0, &s, &e, NULL), 0);
  assert_int_equal(ct_regex_group(m, 0, &s, &e), 0);
  ct_rematch_free(m);
  ct_regex_free(re);
}

/* Match data grows for a pattern with more groups than any before. */
static void test_many_groups(void **state) {
  ct_regex *small = compile("(a)"), *big;
  ct_rematch *m = ct_rematch_new(NULL);
  char pat[400] = "", subj[100];
  size_t s, e, i;
  (void)state;
  for (i = 0; i < 60; i++) strcat(pat, "(.)");
  memset(subj, 'z', 60);
  big = compile(pat);
  assert_int_equal(ct_regex_find(small, m, "a", 1, 0, &s, &e, NULL), 1);
  assert_int_equal(ct_regex_find(big, m, subj, 60, 0, &s, &e, NULL), 1);
  assert_int_equal(ct_regex_group(m, 60, &s, &e), 1);
  assert_int_equal(s, 59);
  assert_int_equal(ct_regex_find(small, m, "a", 1, 0, &s, &e, NULL), 1);
  ct_rematch_free(m);
  ct_regex_free(small);
  ct_regex_free(big);
}

static void test_catastrophic(void **state) {
  char subj[64];
  double t0;
  (void)state;
  memset(subj, 'a', 40);
  subj[40] = 'b';
  subj[41] = '\0';
  t0 = now();
  FIND("(a+)+$", subj, CAT_LIMIT);
  FIND("^(a+)+$", subj, ONE_LIMIT);
  assert_true(now() - t0 < 2.0);
}

/* The same under the interpreter, where depth and heap limits apply. */
static void test_interpreter_limits(void **state) {
  ct_regex_limits lim;
  ct_regex *cat = compile("(a+)+$"), *deep = compile("(a|b(?1))+$");
  ct_rematch *m;
  ct_error err;
  char subj[1024];                      /* at most 1 KiB: 1,000 steps a start
                                        ** (regex.c, WORK_BOUND) */
  size_t s, e;
  double t0 = now();
  (void)state;
  ct_regex_default_limits(&lim);
  lim.no_jit = 1;
  m = ct_rematch_new(&lim);
  memset(subj, 'a', 40);
  subj[40] = 'b';
  assert_int_equal(ct_regex_find(cat, m, subj, 41, 0, &s, &e, &err), -1);
  assert_string_equal(err.msg,
                      CAT_LIMIT);
  assert_true(now() - t0 < 2.0);
  ct_rematch_free(m);
  /* recursion deeper than the depth limit */
  lim.depth_limit = 50;
  m = ct_rematch_new(&lim);
  memset(subj, 'b', sizeof subj);
  assert_int_equal(ct_regex_find(deep, m, subj, sizeof subj, 0, &s, &e, &err),
                   -1);
  assert_int_equal(err.status, CT_ELIMIT);
  assert_string_equal(err.msg, "regex match limit exceeded (depth limit 50)");
  ct_rematch_free(m);
  /* and the heap that holds the backtracking frames */
  lim.depth_limit = 10000;
  lim.heap_limit_kib = 1;
  m = ct_rematch_new(&lim);
  assert_int_equal(ct_regex_find(deep, m, subj, sizeof subj, 0, &s, &e, &err),
                   -1);
  assert_string_equal(err.msg, "regex match limit exceeded (heap limit 1 KiB)");
  ct_rematch_free(m);
  ct_regex_free(cat);
  ct_regex_free(deep);
}

static void test_limits_reported(void **state) {
  ct_regex_limits lim;
  ct_regex *re = compile("(a|b)*\\d");
  ct_rematch *m;
  ct_error err;
  size_t s, e;
  (void)state;
  ct_regex_default_limits(&lim);
  lim.match_limit = 10;
  m = ct_rematch_new(&lim);
  assert_int_equal(ct_regex_find(re, m, "abababababababababab", 20, 0, &s, &e,
                                 &err), -1);
  assert_int_equal(err.status, CT_ELIMIT);
  assert_string_equal(err.msg, "regex match limit exceeded (match limit 10)");
  ct_rematch_free(m);
  ct_regex_free(re);
}

/* n bytes of c and a NUL, malloc'ed: the long subjects below. */
static char *filled(size_t n, char c) {
  char *s = malloc(n + 1);
  assert_non_null(s);
  memset(s, c, n);
  s[n] = '\0';
  return s;
}

/* The match limit is shared by the start positions of a search, but it
** counts backtracking, not characters: a lookahead that scans to the end
** from every position costs n^2 character steps without breaking it.
** This documents the cost; callers cap subject sizes (clauses at 8 KiB,
** ct.re subjects at 64 KiB), and their stop function (the sandbox's
** clock) ends such a search between its windows (test_stop). */
static void test_quadratic_lookahead(void **state) {
  size_t n = 50000;
  char *subj = filled(n, 'x');
  double t0, dt;
  (void)state;
  t0 = now();
  expect_find("(?=.*abcd)", subj, n, 0, "none");
  dt = now() - t0;
  print_message("   (?=.*abcd) on %zu bytes: %.3f s\n", n, dt);
  assert_true(dt < 120.0);   /* a sanity bound: valgrind takes ~16 s */
  free(subj);
}

/* ... while backtracking at every position is bounded for the whole
** search: each of 50,000 positions gets at most 1,000 steps (its share of
** 1,000,000 is 20, and 1,000 is the floor), and this pattern needs ~2,000
** at each, where 1,000,000 per position would have run for seconds. */
static void test_limit_per_search(void **state) {
  size_t n = 50000, s, e;
  char *subj = filled(n, 'a');
  ct_regex *re = compile("(a|a){11}(?:\\d|x)");
  ct_rematch *m = ct_rematch_new(NULL);
  ct_error err;
  (void)state;
  assert_int_equal(ct_regex_find(re, m, subj, n, 0, &s, &e, &err), -1);
  assert_int_equal(err.status, CT_ELIMIT);
  ct_rematch_free(m);
  ct_regex_free(re);
  free(subj);
}

/* A step may scan the rest of the subject (a possessive repeat inside a
** lookahead), so the steps a position gets shrink with the subject's
** length squared: on 32,000 bytes fifteen such lookaheads a position (4
** steps under the bound of 2^32) stop at the limit at once, while the
** same pattern on 500 bytes still runs to its answer. */
static void test_work_bound(void **state) {
  static const char pat[] =
      ".(?:(?=[^z]*+z1)|(?=[^z]*+z2)|(?=[^z]*+z3)|(?=[^z]*+z4)|(?=[^z]*+z5)|"
      "(?=[^z]*+z6)|(?=[^z]*+z7)|(?=[^z]*+z8)|(?=[^z]*+z9)|(?=[^z]*+z10)|"
      "(?=[^z]*+z11)|(?=[^z]*+z12)|(?=[^z]*+z13)|(?=[^z]*+z14)|(?=[^z]*+z15))";
  size_t n = 32000, s, e;
  char *subj = filled(n, 'a');
  ct_regex *re = compile(pat);
  ct_rematch *m = ct_rematch_new(NULL);
  ct_error err;
  (void)state;
  assert_int_equal(ct_regex_find(re, m, subj, n, 0, &s, &e, &err), -1);
  assert_int_equal(err.status, CT_ELIMIT);
  memcpy(subj + 490, "z15", 3);
  assert_int_equal(ct_regex_find(re, m, subj, 500, 0, &s, &e, &err), 1);
  assert_int_equal(s, 0);
  ct_regex_free(re);
  /* the bound leaves a plain pattern that backtracks over words its
  ** match on a clause of 8 KiB (at 2^30 it ran out of steps) */
  re = compile("(?:\\w+\\s+){2,8}(?:goods|trade)\\s+of\\s+security");
  for (s = 0; s + 6 < 8000; s += 6) memcpy(subj + s, "words ", 6);
  memcpy(subj + 6996, "goods of security", 17);
  assert_int_equal(ct_regex_find(re, m, subj, 8000, 0, &s, &e, &err), 1);
  assert_int_equal(e, 7013);
  ct_rematch_free(m);
  ct_regex_free(re);
  free(subj);
}

/* A stop function that counts the windows and never stops. */
static int count_stops(void *ud, ct_error *err) {
  (void)err;
  ++*(int *)ud;
  return 0;
}

enum { CLOCKED = 1, STOP = 2, NOJIT = 4 };

/* The result of pattern on subj[0..len) under a fresh ct_rematch: with
** `clocked` set in its limits (CLOCKED), a stop function (STOP), the
** interpreter (NOJIT). */
static int find_with(const char *pattern, const char *subj, size_t len,
                     int flags, size_t *s, ct_error *err) {
  ct_regex *re = compile(pattern);
  ct_regex_limits lim;
  ct_rematch *m;
  size_t e;
  int rc, stops = 0;
  ct_regex_default_limits(&lim);
  lim.clocked = (flags & CLOCKED) != 0;
  lim.no_jit = (flags & NOJIT) != 0;
  m = ct_rematch_new(&lim);
  assert_non_null(m);
  if (flags & STOP) ct_rematch_on_stop(m, count_stops, &stops);
  rc = ct_regex_find(re, m, subj, len, 0, s, &e, err);
  ct_rematch_free(m);
  ct_regex_free(re);
  return rc;
}

/* Under a clock, a start position of a windowed search gets at least
** span steps (at most a window's work), so a gap that tries every
** character to the end runs on an 8 KiB clause; without a clock, or
** with no stop function to read it, the work bound of 64 steps holds.
** A pattern that explodes at a position still fails at once. */
static void test_clocked_steps(void **state) {
  static const char *gaps[] = {"alliance.*?cornerstone",
                               "\\balliance\\b.*?\\bcornerstone\\b",
                               "alliance[^.]{0,100}?cornerstone",
                               "\\balliance\\b.{0,200}\\bcornerstone\\b"};
  size_t n = 8000, i, k, s;
  char *subj = filled(n, ' ');
  ct_error err;
  (void)state;
  for (i = 0; i + 6 <= n - 20; i += 6) memcpy(subj + i, "words ", 6);
  memcpy(subj + 60, "alliance ", 9);
  memcpy(subj + n - 12, "cornerstone", 11);
  for (k = 0; k < 2 * (sizeof gaps / sizeof *gaps); k++) {
    const char *gap = gaps[k / 2];
    int jit = k % 2 ? NOJIT : 0, want = k / 2 < 2;
    if (find_with(gap, subj, n, CLOCKED | STOP | jit, &s, &err) != want)
      fail_msg("/%s/ clocked: %s", gap, want ? "no match" : err.msg);
    assert_int_equal(find_with(gap, subj, n, STOP | jit, &s, &err), -1);
    assert_int_equal(err.status, CT_ELIMIT);
    assert_int_equal(find_with(gap, subj, n, CLOCKED | jit, &s, &err), -1);
  }
  assert_int_equal(find_with(gaps[0], subj, n, CLOCKED | STOP, &s, &err), 1);
  assert_int_equal(s, 60);
  /* (a|aa)+ on 40 letters: exponential at the first position */
  memset(subj, 'a', 40);
  assert_int_equal(find_with("(?:a|aa)+c", subj, n, CLOCKED | STOP, &s, &err),
                   -1);
  assert_int_equal(err.status, CT_ELIMIT);
  free(subj);
}

/* A pattern tried at one start position gets the whole match limit,
** within the work of a window under a clock (2^27 / span steps) and of
** a search without one (2^32 / span): anchored (^, \A) at its start,
** and one with a leading .* or (?m)^ on a subject with no line end.  So
** their gaps run on 8 KiB with or without a clock.  Each line end adds a
** position that shares the limit; an invalid byte makes every position
** count, as a precaution (regex.c, start_positions). */
static void test_one_position_steps(void **state) {
  static const char *gaps[] = {"^alliance.*?cornerstone",
                               "\\Aalliance\\b.{0,9000}?\\bcornerstone",
                               "(?m)^alliance.*?cornerstone",
                               ".*?cornerstone", ".*cornerstone"};
  size_t n = 8000, k, s;
  char *subj = filled(n, ' '), *huge = filled(200000, 'x');
  ct_error err;
  (void)state;
  memcpy(subj, "alliance ", 9);
  memcpy(subj + n - 12, "cornerstone", 11);
  for (k = 0; k < 2 * (sizeof gaps / sizeof *gaps); k++) {
    int jit = k % 2 ? NOJIT : 0;
    if (find_with(gaps[k / 2], subj, n, jit, &s, &err) != 1)
      fail_msg("/%s/: %s", gaps[k / 2], err.msg);
    if (find_with(gaps[k / 2], subj, n, CLOCKED | STOP | jit, &s, &err) != 1)
      fail_msg("/%s/ clocked: %s", gaps[k / 2], err.msg);
  }
  subj[5000] = '\xff';
  assert_int_equal(find_with(".*?cornerstone", subj, n, NOJIT, &s, &err), -1);
  assert_string_equal(err.msg, "regex match limit exceeded (match limit "
                      "1000000, 67 steps a start position on 8000 bytes)");
  /* 80 lines of 98 a's and a b: 81 positions share the limit */
  for (k = 0; k < n; k++)
    subj[k] = k % 100 == 99 ? '\n' : k % 100 == 98 ? 'b' : 'a';
  assert_int_equal(find_with("(?m)^(a+)+$", subj, n, 0, &s, &err), -1);
  assert_string_equal(err.msg, "regex match limit exceeded (match limit "
                      "1000000, 6627 steps a start position on 8000 bytes)");
  /* 200,000 bytes: 2^32 / 200,001 steps without a clock, 2^27 / 200,001
  ** (a window's work) with one, fewer than the gap needs */
  memcpy(huge, "alliance ", 9);
  memcpy(huge + 200000 - 12, "cornerstone", 11);
  assert_int_equal(find_with(gaps[0], huge, 200000, 0, &s, &err), -1);
  assert_string_equal(err.msg, "regex match limit exceeded (match limit "
                      "1000000, 21474 steps a start position on 200000 bytes)");
  assert_int_equal(find_with(gaps[0], huge, 200000, CLOCKED | STOP, &s, &err),
                   -1);
  assert_string_equal(err.msg, "regex match limit exceeded (match limit "
                      "1000000, 671 steps a start position on 200000 bytes)");
  free(huge);
  free(subj);
}

/* The unbroken search, to compare with: PCRE2's interpreter, with no
** windows and at most `steps` a start position (far more than a search
** of 9,000 bytes or more gives one here, 14,911 at most but to a pattern
** tried at one position; the interpreter counts more steps than JIT).
** 1, 0, or -1 when it broke a limit. */
static int oracle(const char *pattern, const char *subj, size_t len,
                  size_t from, uint32_t steps, size_t *ms, size_t *me) {
  int code, rc;
  PCRE2_SIZE off;
  pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                 PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS |
                                     PCRE2_MATCH_INVALID_UTF,
                                 &code, &off, NULL);
  pcre2_match_context *mc = pcre2_match_context_create(NULL);
  pcre2_match_data *md;
  assert_non_null(re);
  assert_non_null(mc);
  md = pcre2_match_data_create_from_pattern(re, NULL);
  assert_non_null(md);
  pcre2_set_match_limit(mc, steps);
  rc = pcre2_match(re, (PCRE2_SPTR)subj, len, from, 0, md, mc);
  if (rc > 0) {
    *ms = pcre2_get_ovector_pointer(md)[0];
    *me = pcre2_get_ovector_pointer(md)[1];
  }
  pcre2_match_data_free(md);
  pcre2_match_context_free(mc);
  pcre2_code_free(re);
  return rc > 0 ? 1 : rc == PCRE2_ERROR_NOMATCH ? 0 : -1;
}

/* n bytes of whole copies of unit, with "goods " in place of the copy
** that holds byte `at` (none when at >= n); the length in *len. */
static char *repeated(const char *unit, size_t n, size_t at, size_t *len) {
  size_t u = strlen(unit), i;
  char *s = filled(n, ' ');
  for (i = 0; i + u <= n; i += u) memcpy(s + i, unit, u);
  *len = i;
  if (at < i) memcpy(s + at / u * u, "goods ", 6 < u ? 6 : u);
  return s;
}

/* A long search runs in windows of start positions (the stop function
** is asked between them) and finds what the unbroken search finds,
** wherever a window boundary falls: inside a two-, three- or four-byte
** character, in invalid UTF-8, on the ASCII twin (em dashes) or not.
** (The first pass, which gives each position fewer steps, answers the
** searches that need no more.) */
static void test_windows_same_answer(void **state) {
  static const char *units[] = {
      "words ", "word\xe2\x80\x94 ", "\xed\x95\x9c\xea\xb5\xad\xec\x96\xb4 ",
      "ab cd\xff ef\xc3 ", "\xc3\xa9t\xc3\xa9 ", "x\xf0\x9f\x99\x82yz "};
  static const char *pats[] = {"(?:\\w+\\s+){2,3}goods\\b",
                               "(?<=\\s)\\S+\\s+goods", "\\bgoods\\s+\\S+\\s+\\S"};
  static const size_t ats[] = {40, 7001, 15900, 99999};
  size_t u, p, a, len, s, e, os, oe;
  int stops, rc, windowed[sizeof units / sizeof *units] = {0};
  (void)state;
  for (u = 0; u < sizeof units / sizeof *units; u++)
    for (p = 0; p < sizeof pats / sizeof *pats; p++)
      for (a = 0; a < sizeof ats / sizeof *ats; a++) {
        char *subj = repeated(units[u], 16000, ats[a], &len);
        ct_regex *re = compile(pats[p]);
        ct_rematch *m = ct_rematch_new(NULL);
        ct_error err;
        size_t from = a % 2 ? 37 : 0;
        stops = 0;
        ct_rematch_on_stop(m, count_stops, &stops);
        rc = ct_regex_find(re, m, subj, len, from, &s, &e, &err);
        if (rc < 0) fail_msg("/%s/ unit %zu: %s", pats[p], u, err.msg);
        if (oracle(pats[p], subj, len, from, 1000, &os, &oe) != rc ||
            (rc == 1 && (s != os || e != oe)))
          fail_msg("/%s/ unit %zu, goods at %zu: got %d %zu-%zu, want "
                   "%zu-%zu", pats[p], u, ats[a], rc, s, e, os, oe);
        windowed[u] += stops > 0;
        ct_rematch_free(m);
        ct_regex_free(re);
        free(subj);
      }
  for (u = 0; u < sizeof units / sizeof *units; u++)
    if (windowed[u] == 0) fail_msg("unit %zu: no search ran in windows", u);
}

/* Every start position is tried once, across window boundaries: the
** first alternative needs many steps at each word (so the search runs in
** windows, a few hundred positions each at 16,000 bytes) and matches
** nowhere, the second matches at exactly one position, which looks
** behind it; it is found at each of positions 200 to 1,400. */
static void test_window_boundaries(void **state) {
  size_t len, k, s, e;
  char *subj = repeated("words ", 16000, 99999, &len);
  ct_regex *re = compile("(?:\\w+\\s+){2,3}goods|(?<=q)r");
  ct_rematch *m = ct_rematch_new(NULL);
  ct_error err;
  int stops = 0;
  (void)state;
  ct_rematch_on_stop(m, count_stops, &stops);
  for (k = 200; k < 1400; k++) {
    char was[2];
    memcpy(was, subj + k - 1, 2);
    memcpy(subj + k - 1, "qr", 2);
    if (ct_regex_find(re, m, subj, len, 0, &s, &e, &err) != 1 || s != k)
      fail_msg("qr at %zu: not found there", k - 1);
    memcpy(subj + k - 1, was, 2);
  }
  assert_true(stops > 1000);
  ct_rematch_free(m);
  ct_regex_free(re);
  free(subj);
}

/* A small deterministic generator (tests must not depend on libc's). */
static uint32_t lcg(uint32_t *x) {
  *x = *x * 1664525u + 1013904223u;
  return *x >> 8;
}

/* A random pattern of the atoms and quantifiers rules use, groups and
** alternatives two deep. */
static char *random_pattern(char *p, uint32_t *x, int depth) {
  static const char *atoms[] = {"a", "b", "\\w", "\\s", "\\b", "[ab]", ".",
                                "\\S", "\xc3\xa9", "(?<=a)", "(?<=\\s)",
                                "(?=b)", "\\W", "x"};
  static const char *quants[] = {"", "", "*", "+", "?", "{2,3}", "*?", "+?"};
  int n = 1 + (int)(lcg(x) % 4), i;
  for (i = 0; i < n; i++) {
    const char *q;
    if (depth < 2 && lcg(x) % 4 == 0) {
      *p++ = '(', *p++ = '?', *p++ = ':';
      p = random_pattern(p, x, depth + 1);
      if (lcg(x) % 2) {
        *p++ = '|';
        p = random_pattern(p, x, depth + 1);
      }
      *p++ = ')';
    } else {
      const char *a = atoms[lcg(x) % (sizeof atoms / sizeof *atoms)];
      memcpy(p, a, strlen(a));
      p += strlen(a);
    }
    q = quants[lcg(x) % (sizeof quants / sizeof *quants)];
    memcpy(p, q, strlen(q));
    p += strlen(q);
  }
  *p = '\0';
  return p;
}

/* 500 random patterns on random subjects of 9,000 to 13,000 bytes (ASCII;
** with an e acute; with invalid bytes, dashes and Hangul), searched from
** 0 or from a character start near it: the same answer as the unbroken
** search, wherever PCRE2 gives one within its limit; without a clock and
** with one (more steps a position). */
static void windows_random(int clocked) {
  static const char *units[] = {"a", "b", " ", "\xc3\xa9", "x", "ab ",
                                "\xff", "\xe2\x80\x94", "\xed\x95\x9c"};
  uint32_t x = 20261206;
  int i, windowed = 0, compared = 0;
  char *subj = malloc(13100);
  ct_regex_limits lim;
  ct_regex_default_limits(&lim);
  lim.clocked = clocked;
  assert_non_null(subj);
  for (i = 0; i < 500; i++) {
    char pat[2048];
    size_t n = 9000 + lcg(&x) % 4000, len = 0, from = 0, s = 0, e = 0;
    size_t os = 0, oe = 0, kinds = 3 + 3 * (lcg(&x) % 3);
    ct_regex *re;
    ct_rematch *m = ct_rematch_new(&lim);
    ct_error err;
    int stops = 0, rc, orc;
    random_pattern(pat, &x, 0);
    if (ct_regex_compile(pat, &re, &err) != CT_OK) {   /* "\\b*" */
      ct_rematch_free(m);
      continue;
    }
    while (len < n) {
      const char *u = units[lcg(&x) % kinds];
      memcpy(subj + len, u, strlen(u));
      len += strlen(u);
    }
    if (lcg(&x) % 4 == 0) from = lcg(&x) % 100;
    while (from < len && (subj[from] & 0xC0) == 0x80) from++;
    ct_rematch_on_stop(m, count_stops, &stops);
    rc = ct_regex_find(re, m, subj, len, from, &s, &e, &err);
    orc = oracle(pat, subj, len, from, 100000, &os, &oe);
    if (rc >= 0 && orc < 0)   /* ours gave a position more: ask again */
      orc = oracle(pat, subj, len, from, 10000000, &os, &oe);
    if (orc < 0) rc = -1;     /* JIT counts fewer steps: not compared */
    if (rc >= 0 && (orc != rc || (rc == 1 && (s != os || e != oe))))
      fail_msg("/%s/ from %zu on %zu bytes: got %d %zu-%zu, PCRE2 %d "
               "%zu-%zu", pat, from, len, rc, s, e, orc, os, oe);
    compared += rc >= 0;
    windowed += stops > 0;
    ct_rematch_free(m);
    ct_regex_free(re);
  }
  print_message("   %s: %d compared, %d of them in windows\n",
                clocked ? "clocked" : "no clock", compared, windowed);
  assert_true(compared > 250 && windowed > 150);
  free(subj);
}

static void test_windows_random(void **state) {
  (void)state;
  windows_random(0);
  windows_random(1);
}

static int stop_third(void *ud, ct_error *err) {
  if (++*(int *)ud < 3) return 0;
  ct_fail(err, CT_ELIMIT, "stopped by the host");
  return 1;
}

/* The stop function ends a search between two windows, with its error;
** the match state stays usable.  \G (true at the search's start) and
** backtracking verbs would change what windows find: those patterns are
** searched unbroken.  Here (*COMMIT) fails the whole search at its first
** position, where windows would go on to find "words goods"; so do a
** leading .* and \G below. */
static void test_stop(void **state) {
  size_t len, s, e;
  char *subj = repeated("words ", 16000, 15990, &len);
  ct_regex *re = compile("(?:\\w+\\s+){2,3}goods\\b");
  ct_regex *commit = compile("(?:\\w+\\s+){2,3}(*COMMIT)goods");
  ct_regex *g = compile("\\Gx|(?:\\w+\\s+){2,3}goods");
  ct_regex *dotstar = compile(".*(?<=\\s)x");
  ct_rematch *m = ct_rematch_new(NULL);
  ct_error err;
  int stops = 0;
  (void)state;
  ct_rematch_on_stop(m, stop_third, &stops);
  assert_int_equal(ct_regex_find(re, m, subj, len, 0, &s, &e, &err), -1);
  assert_int_equal(err.status, CT_ELIMIT);
  assert_string_equal(err.msg, "stopped by the host");
  assert_int_equal(stops, 3);
  assert_int_equal(ct_regex_find(re, m, subj, 100, 0, &s, &e, &err), 0);
  ct_rematch_on_stop(m, count_stops, &stops);
  stops = 0;
  assert_int_equal(ct_regex_find(commit, m, subj, len, 0, &s, &e, &err), 0);
  assert_int_equal(ct_regex_find(g, m, subj, len, 0, &s, &e, &err), 1);
  assert_int_equal(s, 15990 / 6 * 6 - 18);
  /* a leading .* is tried at the start and after newlines only: an
  ** invalid byte stops it at once, and a window's start would be one
  ** more place to try, where it matches */
  subj[2] = '\xff';
  memcpy(subj + len - 2, " x", 2);
  assert_int_equal(ct_regex_find(dotstar, m, subj, len, 0, &s, &e, &err), 0);
  assert_int_equal(stops, 0);
  ct_rematch_on_stop(m, NULL, NULL);
  ct_rematch_free(m);
  ct_regex_free(re);
  ct_regex_free(commit);
  ct_regex_free(g);
  ct_regex_free(dotstar);
  free(subj);
}

/* A search from inside a character starts at the next one (PCRE2 10.42's
** JIT found an empty match inside it, its interpreter did not). */
static void test_from_inside_character(void **state) {
  (void)state;
  expect_find("\xc3\xa9*", "a\xc3\xa9" "b", 4, 2, "3-3");
  expect_find("\\w?", "a\xc3\xa9" "b", 4, 2, "3-4");
  expect_find("(?<=\xc3\xa9)b", "a\xc3\xa9" "b", 4, 2, "3-4");
}

static void test_invalid_utf8_subject(void **state) {
  static const char subj[] = "ab\xff" "cd\xc3" "e\xe2\x82" "f\xed\xa0\x80g";
  ct_regex *re = compile(".");
  ct_rematch *m = ct_rematch_new(NULL);
  ct_regex_iter it;
  size_t s, e, n = 0, len = sizeof subj - 1, from;
  (void)state;
  FIND("c", "ab\xff" "cd", "3-4");
  FIND("\\xff", "ab\xff" "cd", "none");
  /* "." matches only the valid characters, one byte each here */
  ct_regex_iter_init(&it, 0);
  while (ct_regex_next(re, m, subj, len, &it, &s, &e, NULL) == 1) {
    assert_int_equal(e, s + 1);
    n++;
  }
  assert_int_equal(n, 7);
  /* every start offset, even inside a broken sequence, is safe */
  for (from = 0; from <= len; from++) {
    int rc = ct_regex_find(re, m, subj, len, from, &s, &e, NULL);
    assert_true(rc == 0 || (rc == 1 && s >= from && e <= len));
  }
  /* ...and inside a valid multi-byte character */
  expect_find("b", "\xed\x95\x9c" "b", 4, 1, "3-4");
  ct_rematch_free(m);
  ct_regex_free(re);
}

/* All matches as "s-e s-e ..." through ct_regex_next. */
static void expect_all(const char *pattern, const char *subj,
                       const char *want) {
  ct_regex *re = compile(pattern);
  ct_rematch *m = ct_rematch_new(NULL);
  ct_regex_iter it;
  size_t s, e, o = 0, guard = 0;
  char got[1000];
  got[0] = '\0';
  ct_regex_iter_init(&it, 0);
  while (ct_regex_next(re, m, subj, strlen(subj), &it, &s, &e, NULL) == 1) {
    o += (size_t)snprintf(got + o, sizeof got - o, "%s%zu-%zu", o ? " " : "",
                          s, e);
    assert_true(++guard < 100);
  }
  assert_false(ct_regex_next(re, m, subj, strlen(subj), &it, &s, &e, NULL));
  if (strcmp(got, want) != 0)
    fail_msg("/%s/ on \"%s\": got %s, want %s", pattern, subj, got, want);
  ct_rematch_free(m);
  ct_regex_free(re);
}

static void test_iteration(void **state) {
  (void)state;
  expect_all("x*", "axb", "0-0 1-2 2-2 3-3");
  expect_all("", "한국", "0-0 3-3 6-6");
  expect_all("", "", "0-0");
  expect_all("a|", "ab", "0-1 1-1 2-2");
  expect_all("\\b", "hi you", "0-0 2-2 3-3 6-6");
  expect_all("(?=a)|a", "aa", "0-0 0-1 1-1 1-2");
  expect_all("\\w+", "net-zero 탄소중립", "0-3 4-8 9-21");
}

/* The documented hand loop with ct_regex_advance ends too. */
static void test_find_loop_terminates(void **state) {
  static const char subj[] = "a\xff한b";
  ct_regex *re = compile("x*");
  ct_rematch *m = ct_rematch_new(NULL);
  size_t from = 0, s, e, n = 0, len = sizeof subj - 1;
  (void)state;
  while (ct_regex_find(re, m, subj, len, from, &s, &e, NULL) == 1) {
    from = e > s ? e : ct_regex_advance(subj, len, e);
    assert_true(++n < 20);
  }
  assert_int_equal(n, 5);       /* at 0, 1, 2, 5, 6 */
  assert_int_equal(ct_regex_advance(subj, len, len), len + 1);
  assert_int_equal(ct_regex_advance(subj, len, len + 5), len + 1);
  assert_int_equal(ct_regex_advance(subj, len, 1), 2);
  assert_int_equal(ct_regex_advance(subj, len, 2), 5);
  ct_rematch_free(m);
  ct_regex_free(re);
}

/* One compiled pattern, several threads, each with its own ct_rematch. */
typedef struct job { const ct_regex *re; size_t found; } job;

static void *worker(void *arg) {
  job *j = arg;
  ct_rematch *m = ct_rematch_new(NULL);
  static const char subj[] = "clean energy and renewable power, ZERO-EMISSION "
                             "vehicles";
  size_t s, e;
  int i;
  for (i = 0; i < 2000; i++)
    if (ct_regex_find(j->re, m, subj, sizeof subj - 1, 0, &s, &e, NULL) == 1 &&
        s == 0 && e == 12)
      j->found++;
  ct_rematch_free(m);
  return NULL;
}

static void test_threads(void **state) {
  ct_regex *re = compile("\\b(clean|renewable|zero[- ]emissions?) "
                         "(energy|power|vehicles?)\\b");
  pthread_t th[4];
  job jobs[4];
  int i;
  (void)state;
  for (i = 0; i < 4; i++) {
    jobs[i].re = re;
    jobs[i].found = 0;
    assert_int_equal(pthread_create(&th[i], NULL, worker, &jobs[i]), 0);
  }
  for (i = 0; i < 4; i++) {
    pthread_join(th[i], NULL);
    assert_int_equal(jobs[i].found, 2000);
  }
  ct_regex_free(re);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_compile_errors),
    cmocka_unit_test(test_info),
    cmocka_unit_test(test_caseless),
    cmocka_unit_test(test_unicode_classes),
    cmocka_unit_test(test_ucp_twin),
    cmocka_unit_test(test_groups),
    cmocka_unit_test(test_many_groups),
    cmocka_unit_test(test_catastrophic),
    cmocka_unit_test(test_interpreter_limits),
    cmocka_unit_test(test_limits_reported),
    cmocka_unit_test(test_quadratic_lookahead),
    cmocka_unit_test(test_limit_per_search),
    cmocka_unit_test(test_work_bound),
    cmocka_unit_test(test_clocked_steps),
    cmocka_unit_test(test_one_position_steps),
    cmocka_unit_test(test_windows_same_answer),
    cmocka_unit_test(test_window_boundaries),
    cmocka_unit_test(test_windows_random),
    cmocka_unit_test(test_stop),
    cmocka_unit_test(test_from_inside_character),
    cmocka_unit_test(test_invalid_utf8_subject),
    cmocka_unit_test(test_iteration),
    cmocka_unit_test(test_find_loop_terminates),
    cmocka_unit_test(test_threads),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
