/*
** test_phrases.c -- the multi-phrase matcher against hand-made cases and
** against a slow reference matcher on a megabyte of generated text.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <cmocka.h>
#include <utf8proc.h>
#include "helpers.h"
#include "rules/phrases.h"
#include "text/utf8.h"

/* ---------------------------------------------------------------------
** Helpers
** ------------------------------------------------------------------- */

typedef struct pid { const char *phrase; int id; } pid;

static ct_phrases *compile(const pid *list, size_t n) {
  ct_phrases *p = ct_phrases_new();
  ct_error err;
  size_t i;
  assert_non_null(p);
  for (i = 0; i < n; i++) {
    ct_status st = ct_phrases_add(p, list[i].phrase, list[i].id, &err);
    if (st != CT_OK) fail_msg("add \"%s\": %s", list[i].phrase, err.msg);
  }
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  return p;
}

/* Hits as "id:start-end id:start-end ..." for readable comparisons. */
static char *scan_str(const ct_phrases *p, const char *text) {
  ct_phrase_hit *h;
  size_t n, i, o = 0;
  char *out;
  assert_int_equal(ct_phrases_scan(p, text, strlen(text), &h, &n), CT_OK);
  out = malloc(32 * n + 1);
  assert_non_null(out);
  out[0] = '\0';
  for (i = 0; i < n; i++)
    o += (size_t)sprintf(out + o, "%s%d:%zu-%zu", i ? " " : "", h[i].id,
                         h[i].start, h[i].end);
  free(h);
  return out;
}

static void expect(const pid *list, size_t n, const char *text,
                   const char *want) {
  ct_phrases *p = compile(list, n);
  char *got = scan_str(p, text);
  if (strcmp(got, want) != 0)
    fail_msg("text \"%s\": got \"%s\", want \"%s\"", text, got, want);
  free(got);
  ct_phrases_free(p);
}

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* ---------------------------------------------------------------------
** Hand-made cases
** ------------------------------------------------------------------- */

static void test_ascii(void **state) {
  static const pid ps[] = {{"climate", 1}};
  (void)state;
  expect(ps, N(ps), "the climate is a climate, (climate)",
         "1:4-11 1:17-24 1:27-34");
  expect(ps, N(ps), "climate", "1:0-7");
  expect(ps, N(ps), "climates climatechange _climate climate_ climate2", "");
}

static void test_multiword(void **state) {
  static const pid ps[] = {{"net zero", 7}};
  (void)state;
  expect(ps, N(ps), "net zero", "7:0-8");
  expect(ps, N(ps), "net-zero", "7:0-8");
  expect(ps, N(ps), "net\n  zero", "7:0-10");
  expect(ps, N(ps), "net -- zero", "7:0-11");
  expect(ps, N(ps), "net\xe2\x80\x93zero", "7:0-10");           /* en dash */
  expect(ps, N(ps), "net\xe2\x80\x91zero", "7:0-10");           /* U+2011 */
  expect(ps, N(ps), "net\xc2\xa0\tzero.", "7:0-10");            /* NBSP */
  expect(ps, N(ps), "netzero net_zero net/zero net zeros", "");
}

static void test_phrase_hyphen_and_spaces(void **state) {
  static const pid ps[] = {{" net-zero  ", 1}, {"a  \t b", 2}};
  (void)state;
  expect(ps, N(ps), "net zero; a-b", "1:0-8 2:10-13");
}

static void test_star(void **state) {
  static const pid ps[] = {{"emission*", 3}};
  (void)state;
  expect(ps, N(ps), "emission emissions emissions-free reemissions",
         "3:0-8 3:9-18 3:19-28");
  expect(ps, N(ps), "emission", "3:0-8");
  expect(ps, N(ps), "emissioné", "3:0-10");
}

static void test_boundaries(void **state) {
  static const pid ps[] = {{"trade", 1}, {"trade*", 2}};
  (void)state;
  expect(ps, N(ps), "trader", "2:0-6");
  expect(ps, N(ps), "untraded", "");
  expect(ps, N(ps), "traders", "2:0-7");
  expect(ps, N(ps), "free trade.", "1:5-10 2:5-10");
  /* a combining mark continues the word */
  expect(ps, N(ps), "trade\xcc\x81", "2:0-7");
}

static void test_hangul(void **state) {
  static const pid ps[] = {{"탄소중립", 1}, {"중립", 2}, {"ai", 3},
                           {"기후*", 4}, {"연합훈련", 5}};
  (void)state;
  /* particles and endings attach to the noun */
  expect(ps, N(ps), "탄소중립을 위한", "1:0-12");
  expect(ps, N(ps), "2050 탄소중립.", "1:5-17");
  expect(ps, N(ps), "탄소중립하기로", "1:0-12");
  expect(ps, N(ps), "중립을 지킨다", "2:0-6");
  /* ... but a noun that goes on to the right is another word */
  expect(ps, N(ps), "탄소중립국 중립국", "");
  /* compounds put their head last, so a longer Hangul phrase may end
  ** one; a word of one or two syllables must begin a word ("중립" is
  ** not on its own in "탄소중립") */
  expect(ps, N(ps), "한미연합훈련을", "5:6-18");
  /* a Latin phrase's left edge still needs a boundary, even next to
  ** Hangul; on its right a Korean particle may follow it ("AI를"), not
  ** a noun */
  expect(ps, N(ps), "한국ai 한국 ai", "3:16-18");
  expect(ps, N(ps), "ai를 ai협력 ai의", "3:0-2 3:15-17");
  expect(ps, N(ps), "기후변화에 대응", "4:0-15");
}

static void test_cjk(void **state) {
  static const pid ps[] = {{"気候", 1}, {"climate", 2}};
  (void)state;
  expect(ps, N(ps), "気候変動とclimate", "1:0-6");
}

static void test_overlapping(void **state) {
  static const pid ps[] = {{"united states", 1}, {"states", 2},
                           {"united", 3}, {"united states of america", 4},
                           {"states of", 5}};
  (void)state;
  expect(ps, N(ps), "the united states of america",
         "3:4-10 1:4-17 4:4-28 2:11-17 5:11-20");
}

/* Substrings (the needles of regex rules) match anywhere, beside a word
** phrase of the same text that keeps its boundaries. */
static void test_substring(void **state) {
  ct_phrases *p = ct_phrases_new();
  ct_error err;
  char *got;
  (void)state;
  assert_non_null(p);
  assert_int_equal(ct_phrases_add_substring(p, "youn", 5, &err), CT_OK);
  assert_int_equal(ct_phrases_add_substring(p, "human right", 6, &err), CT_OK);
  assert_int_equal(ct_phrases_add_substring(p, "a*", 7, &err), CT_OK);
  assert_int_equal(ct_phrases_add(p, "youn", 8, &err), CT_OK);
  assert_int_equal(ct_phrases_add_substring(p, " - ", 9, &err), CT_ESYNTAX);
  assert_string_equal(err.msg, "phrase \" - \": empty phrase");
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  got = scan_str(p, "younger youn human-rights a*b");
  assert_string_equal(got, "5:0-4 5:8-12 8:8-12 6:13-24 7:26-28");
  free(got);
  ct_phrases_free(p);
}

/* Matches begin only where the character before allows them (the scan's
** automaton knows it, see "Word starts" in phrases.c): after
** punctuation, white space and characters outside ASCII that are no
** letters; never inside a word, unless the phrase may begin there (kana,
** CJK, a Hangul phrase of three syllables or more, a substring). */
static void test_word_starts(void **state) {
  static const pid trade[] = {{"trade", 1}};
  static const pid marks[] = {{".net", 2}, {"c++", 3}};
  static const pid accents[] = {{"énergie", 4}};
  static const pid scripts[] = {{"기후변화", 5}, {"중립", 6}, {"気候", 7}};
  static const pid digits[] = {{"g7", 10}, {"co2 emission*", 11}};
  ct_phrases *p = ct_phrases_new();
  ct_error err;
  char *got;
  (void)state;
  expect(trade, N(trade), "(trade)/trade;trade's untrade trade",
         "1:1-6 1:8-13 1:14-19 1:30-35");
  expect(marks, N(marks), "asp.net a .net,c++11 (c++) abc++",
         "2:10-14 3:22-25");
  /* after an apostrophe and an em dash, not after a letter */
  expect(accents, N(accents), "l'énergie xénergie —énergie",
         "4:2-10 4:24-32");
  expect(scripts, N(scripts), "abc기후변화에 x중립 중립을 abc気候",
         "5:3-15 6:27-33 7:40-46");
  expect(digits, N(digits), "the g7 summit, 2g7 g77 g7.",
         "10:4-6 10:23-25");
  expect(digits, N(digits), "reco2 emissions co2-emissions", "11:16-29");
  /* a substring inside a word, beside a phrase that shares its start */
  assert_non_null(p);
  assert_int_equal(ct_phrases_add_substring(p, "ment", 8, &err), CT_OK);
  assert_int_equal(ct_phrases_add(p, "men", 9, &err), CT_OK);
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  got = scan_str(p, "agreement men");
  assert_string_equal(got, "8:5-9 9:10-13");
  free(got);
  ct_phrases_free(p);
}

static void test_same_phrase_ids(void **state) {
  static const pid ps[] = {{"climate", 2}, {"climate", 1}, {"climate", 2},
                           {"climate*", 1}, {"climates", 1}};
  (void)state;
  /* ids 1 and 2 each once; climate* and climates give the same hit */
  expect(ps, N(ps), "climate climates", "1:0-7 2:0-7 1:8-16");
}

static void test_replacement_and_invalid(void **state) {
  static const pid ps[] = {{"climate", 1}, {"\xef\xbf\xbd", 2}};
  (void)state;
  /* U+FFFD is no word character, so it separates words; but a phrase
  ** edge that is no letter still needs a non-word neighbour, like every
  ** edge outside CJK, so "\ufffd" is not found next to "climate" */
  expect(ps, N(ps), "\xef\xbf\xbd" "climate\xef\xbf\xbd", "1:3-10");
  expect(ps, N(ps), "\xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd",
         "2:0-3 2:4-7 2:7-10");
  expect(ps, N(ps), "\xff" "climate\xe2\x80", "1:1-8");
  expect(ps, N(ps), "\xe2\x80 climate \xc2", "1:3-10");
}

static void test_empty(void **state) {
  static const pid ps[] = {{"x", 1}};
  ct_phrases *p = ct_phrases_new();
  ct_phrase_hit *h = (ct_phrase_hit *)&h;
  size_t n = 99;
  (void)state;
  expect(ps, N(ps), "", "");
  assert_int_equal(ct_phrases_compile(p, NULL), CT_OK);
  assert_int_equal(ct_phrases_scan(p, "x y", 3, &h, &n), CT_OK);
  assert_int_equal(n, 0);
  assert_null(h);
  ct_phrases_free(p);
}

static void expect_error(const char *phrase, const char *msg) {
  ct_phrases *p = ct_phrases_new();
  ct_error err;
  assert_int_equal(ct_phrases_add(p, phrase, 1, &err), CT_ESYNTAX);
  assert_int_equal(err.status, CT_ESYNTAX);
  assert_string_equal(err.msg, msg);
  assert_int_equal(ct_phrases_count(p), 0);
  ct_phrases_free(p);
}

static void test_invalid_phrases(void **state) {
  (void)state;
  expect_error("", "phrase \"\": empty phrase");
  expect_error(" - ", "phrase \" - \": empty phrase");
  expect_error("x*y", "phrase \"x*y\": '*' is allowed only at the end");
  expect_error("*x", "phrase \"*x\": '*' is allowed only at the end");
  expect_error("x**", "phrase \"x**\": '*' is allowed only at the end");
  expect_error("*", "phrase \"*\": '*' needs a word before it");
  expect_error("x *", "phrase \"x *\": '*' must follow a word, not a space");
  expect_error(" *", "phrase \" *\": '*' must follow a word, not a space");
  expect_error("\xff", "phrase is not valid UTF-8");
}

static void test_usage(void **state) {
  ct_phrases *p = ct_phrases_new();
  ct_phrase_hit *h;
  size_t n;
  ct_error err;
  (void)state;
  assert_int_equal(ct_phrases_add(p, "a", 1, &err), CT_OK);
  assert_int_equal(ct_phrases_count(p), 1);
  assert_int_equal(ct_phrases_scan(p, "a", 1, &h, &n), CT_EUSAGE);
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  assert_int_equal(ct_phrases_add(p, "b", 1, &err), CT_EUSAGE);
  assert_int_equal(ct_phrases_compile(p, &err), CT_EUSAGE);
  ct_phrases_free(p);
}

/* The automaton is sized before it is built: past the limit, compile
** fails and nothing was allocated for it. */
static void test_memory_limit(void **state) {
  ct_phrases *p = ct_phrases_new();
  ct_error err;
  char w[64];
  int i;
  (void)state;
  for (i = 0; i < 2000; i++) {
    snprintf(w, sizeof w, "phrase number %d of many", i);
    assert_int_equal(ct_phrases_add(p, w, i, &err), CT_OK);
  }
  ct_phrases_set_limit(p, (size_t)1 << 20);
  assert_int_equal(ct_phrases_compile(p, &err), CT_ELIMIT);
  assert_string_equal(err.msg, "the phrases need 2 MiB of automaton, more "
                      "than the limit of 1 MiB");
  ct_phrases_set_limit(p, (size_t)8 << 20);
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  assert_true(ct_phrases_memory(p) <= ((size_t)8 << 20));
  ct_phrases_free(p);
}

static void three_digits(char *at, int i) {
  at[0] = (char)('0' + i / 100);
  at[1] = (char)('0' + i / 10 % 10);
  at[2] = (char)('0' + i % 10);
}

/* The limit counts trie states, not phrase bytes: a thousand phrases of
** a thousand bytes that differ only in their last three are about 4,000
** states, far under 1 MiB (counted by bytes, 37 MiB). */
static void test_shared_beginnings_share_memory(void **state) {
  ct_phrases *p = ct_phrases_new();
  ct_error err;
  ct_phrase_hit *h;
  size_t n;
  char w[1001];
  int i;
  (void)state;
  memset(w, 'a', 997);
  w[1000] = '\0';
  for (i = 0; i < 1000; i++) {
    three_digits(w + 997, i);
    assert_int_equal(ct_phrases_add(p, w, i, &err), CT_OK);
  }
  ct_phrases_set_limit(p, (size_t)1 << 20);
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  three_digits(w + 997, 512);
  assert_int_equal(ct_phrases_scan(p, w, 1000, &h, &n), CT_OK);
  assert_int_equal(n, 1);
  assert_int_equal(h[0].id, 512);
  free(h);
  ct_phrases_free(p);
}

static void test_scratch_reuse(void **state) {
  static const pid ps[] = {{"a", 1}, {"b c", 2}};
  ct_phrases *p = compile(ps, N(ps));
  ct_phrases_scratch *s = ct_phrases_scratch_new();
  const ct_phrase_hit *h;
  size_t n;
  (void)state;
  assert_int_equal(ct_phrases_scan_with(p, s, "a b  c a", 8, &h, &n), CT_OK);
  assert_int_equal(n, 3);
  assert_int_equal(h[1].id, 2);
  assert_int_equal(h[1].start, 2);
  assert_int_equal(h[1].end, 6);
  assert_int_equal(ct_phrases_scan_with(p, s, "xa", 2, &h, &n), CT_OK);
  assert_int_equal(n, 0);
  assert_int_equal(ct_phrases_scan_with(p, s, "a", 1, &h, &n), CT_OK);
  assert_int_equal(n, 1);
  ct_phrases_scratch_free(s);
  ct_phrases_free(p);
}

/* A starred CJK phrase hits at every character of a long run, and every
** hit extends to the end of the run: still linear. */
static void test_long_cjk_run(void **state) {
  static const pid ps[] = {{"탄탄탄*", 1}, {"탄탄탄탄", 2}};
  ct_phrases *p = compile(ps, N(ps));
  size_t len = 3 * 300000, i, n;
  char *text = malloc(len);
  ct_phrase_hit *h;
  (void)state;
  assert_non_null(text);
  for (i = 0; i < len; i += 3) memcpy(text + i, "탄", 3);
  assert_int_equal(ct_phrases_scan(p, text, len, &h, &n), CT_OK);
  /* "탄탄탄*" at every start that leaves it three syllables, each to the
  ** end of the run (the word end is found once, not once per start);
  ** "탄탄탄탄" only at the end: "탄" is no particle, so elsewhere the
  ** word goes on */
  assert_int_equal(n, 299998 + 1);
  assert_int_equal(h[0].id, 1);
  assert_int_equal(h[0].end, len);
  assert_int_equal(h[n - 3].start, len - 12);
  assert_int_equal(h[n - 2].id, 2);
  assert_int_equal(h[n - 2].start, len - 12);
  assert_int_equal(h[n - 1].start, len - 9);
  free(h);
  free(text);
  ct_phrases_free(p);
}

/* ---------------------------------------------------------------------
** A slow reference matcher: every phrase tried at every byte
** ------------------------------------------------------------------- */

static size_t ref_space(const unsigned char *s, size_t n) {
  int32_t cp;
  size_t k = ct_utf8_decode(s, n, &cp);
  if (cp == '-' || cp == 0x2010 || cp == 0x2011 || cp == 0x2013) return k;
  return cp >= 0 && ct_cp_isspace(cp) ? k : 0;
}

static int ref_word(int32_t cp) {
  utf8proc_category_t c;
  if (cp < 0) return 0;
  if (cp == '_') return 1;
  c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO) ||
         (c >= UTF8PROC_CATEGORY_MN && c <= UTF8PROC_CATEGORY_ME) ||
         c == UTF8PROC_CATEGORY_ND;
}

typedef struct refp {          /* a phrase split into its words */
  char words[8][64];
  size_t nwords;
  int star, id, lfree, rfree;
} refp;

static void ref_parse(refp *r, const char *phrase, int id);

/* A substring: no boundaries, '*' a character like any other. */
static void ref_parse_raw(refp *r, const char *text, int id) {
  char tmp[256];
  size_t n = strlen(text);
  assert_true(n + 1 < sizeof tmp);
  memcpy(tmp, text, n);              /* with '_' after it, so that no */
  tmp[n] = '_';                      /* trailing '*' is read as one */
  tmp[n + 1] = '\0';
  ref_parse(r, tmp, id);
  r->words[r->nwords - 1][strlen(r->words[r->nwords - 1]) - 1] = '\0';
  r->star = 0;
  r->lfree = r->rfree = 1;
}

/* What may follow a Hangul phrase inside a word: its particles and
** endings, written out again here as the reference. */
static int ref_particle(const unsigned char *t, size_t len) {
  static const char *const tails[] = {
    "이", "가", "을", "를", "은", "는", "의", "에", "와", "과", "도", "만",
    "로", "으로", "께", "나", "며", "고", "랑", "란", "라", "다", "요", "여",
    "까지", "부터", "처럼", "보다", "마저", "조차", "한테", "하", "한", "할",
    "함", "해", "했", "합", "된", "되", "될", "됨", "돼", "됐", "시키", "시킨",
    "적", "화", "상", "간", "내", "등", "들", "별", "측"};
  size_t i;
  for (i = 0; i < sizeof tails / sizeof *tails; i++)
    if (strlen(tails[i]) <= len &&
        memcmp(t, tails[i], strlen(tails[i])) == 0)
      return 1;
  return 0;
}

static size_t ref_syllables(const char *w) {
  size_t n = 0;
  for (; *w; w++) n += ((unsigned char)*w & 0xC0) != 0x80;
  return n;
}

static void ref_parse(refp *r, const char *phrase, int id) {
  const unsigned char *s = (const unsigned char *)phrase;
  size_t n = strlen(phrase), i = 0, k, w = 0;
  int32_t first, last = -1;
  memset(r, 0, sizeof *r);
  r->id = id;
  r->star = phrase[n - 1] == '*';
  n -= (size_t)r->star;
  while (i < n) {
    if ((k = ref_space(s + i, n - i)) > 0) {
      if (w > 0) { r->words[r->nwords++][w] = '\0'; w = 0; }
      i += k;
      continue;
    }
    r->words[r->nwords][w++] = (char)s[i++];
  }
  if (w > 0) r->words[r->nwords++][w] = '\0';
  ct_utf8_decode((const unsigned char *)r->words[0], 4, &first);
  for (i = 0; r->words[r->nwords - 1][i]; i += k)
    k = ct_utf8_decode((const unsigned char *)r->words[r->nwords - 1] + i, 4,
                       &last);
  r->lfree = ct_cp_iscjk(first);
  if (first >= 0xAC00 && first <= 0xD7A3 && r->nwords == 1 &&
      ref_syllables(r->words[0]) <= 2)
    r->lfree = 0;              /* a short Korean word begins a word */
  r->rfree = ct_cp_iscjk(last) && !(last >= 0xAC00 && last <= 0xD7A3);
}

static int32_t ref_before(const unsigned char *t, size_t pos) {
  size_t j;
  int32_t cp = -1;
  for (j = 1; j <= 4 && j <= pos; j++)
    if (ct_utf8_decode(t + pos - j, j, &cp) == j && cp >= 0) return cp;
  return -1;
}

/* End of a match of r at t[pos], or 0 for none. */
static size_t ref_match(const refp *r, const unsigned char *t, size_t len,
                        size_t pos) {
  size_t i = pos, w, k;
  int32_t cp;
  if (!r->lfree && ref_word(ref_before(t, pos))) return 0;
  for (w = 0; w < r->nwords; w++) {
    size_t wl = strlen(r->words[w]);
    if (w > 0) {
      size_t run = i;
      while (i < len && (k = ref_space(t + i, len - i)) > 0) i += k;
      if (i == run) return 0;
    }
    if (len - i < wl || memcmp(t + i, r->words[w], wl) != 0) return 0;
    i += wl;
  }
  if (r->star) {
    while (i < len && (k = ct_utf8_decode(t + i, len - i, &cp)) > 0 &&
           ref_word(cp))
      i += k;
    return i;
  }
  if (!r->rfree && i < len) {
    ct_utf8_decode(t + i, len - i, &cp);
    if (ref_word(cp) && !ref_particle(t + i, len - i))
      return 0;
  }
  return i;
}

static int cmp_ref_hit(const void *a, const void *b) {
  const ct_phrase_hit *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->end != y->end) return x->end < y->end ? -1 : 1;
  return (x->id > y->id) - (x->id < y->id);
}

static ct_phrase_hit *ref_scan(const refp *rs, size_t nr, const char *text,
                               size_t len, size_t *nout) {
  const unsigned char *t = (const unsigned char *)text;
  size_t cap = 1024, n = 0, pos, i, o = 0;
  ct_phrase_hit *h = malloc(cap * sizeof *h);
  assert_non_null(h);
  for (pos = 0; pos < len; pos++)
    for (i = 0; i < nr; i++) {
      size_t end;
      if ((unsigned char)rs[i].words[0][0] != t[pos]) continue;
      if ((end = ref_match(&rs[i], t, len, pos)) == 0) continue;
      if (n == cap) {
        h = realloc(h, (cap *= 2) * sizeof *h);
        assert_non_null(h);
      }
      h[n].id = rs[i].id;
      h[n].start = pos;
      h[n++].end = end;
    }
  qsort(h, n, sizeof *h, cmp_ref_hit);
  for (i = 0; i < n; i++)
    if (o == 0 || cmp_ref_hit(&h[i], &h[o - 1]) != 0) h[o++] = h[i];
  *nout = o;
  return h;
}

/* ---------------------------------------------------------------------
** Generated text
** ------------------------------------------------------------------- */

static const char *const vocab[] = {
  "trade", "trader", "traders", "untraded", "trade-offs", "emission",
  "emissions", "reemission", "net", "zero", "netzero", "climate",
  "climates", "change", "clean", "energy", "united", "states", "of",
  "america", "korea", "republic", "cooperation", "security", "cyber",
  "working", "group", "ransomware", "supply", "chain", "chains",
  "탄소중립", "탄소중립을", "기후", "기후변화", "에너지", "협력", "한국",
  "협력하기로", "안보리", "안보의",
  "気候", "変動", "énergie", "cafe\xcc\x81", "2050", "1.5", "g7", "a", "an",
  "the", "\xef\xbf\xbd", "x_y", "semi", "conductor", "semiconductors",
};
static const char *const seps[] = {
  " ", " ", " ", " ", "  ", "-", " - ", "\n", "\n\n  ", "\xe2\x80\x93",
  "\xc2\xa0", ", ", ". ", "/", "(", ")", "\xe2\x80\x91", "", "\t", "--",
};

static uint32_t rng = 12345;
static uint32_t next_rand(void) {
  rng ^= rng << 13;
  rng ^= rng >> 17;
  rng ^= rng << 5;
  return rng;
}

static char *gen_text(size_t want, size_t *len) {
  char *t = malloc(want + 256);
  size_t n = 0;
  assert_non_null(t);
  while (n < want) {
    const char *w = vocab[next_rand() % N(vocab)];
    const char *s = seps[next_rand() % N(seps)];
    memcpy(t + n, w, strlen(w));
    n += strlen(w);
    memcpy(t + n, s, strlen(s));
    n += strlen(s);
  }
  t[n] = '\0';
  *len = n;
  return t;
}

/* 1 to 3 vocabulary words, sometimes a prefix with '*'. */
static void gen_phrase(char *out) {
  size_t words = 1 + next_rand() % 3, i, n = 0;
  for (i = 0; i < words; i++) {
    const char *w = vocab[next_rand() % N(vocab)];
    if (i > 0) out[n++] = (next_rand() % 4) ? ' ' : '-';
    memcpy(out + n, w, strlen(w));
    n += strlen(w);
  }
  out[n] = '\0';
  if (next_rand() % 4 == 0) {
    if (n > 3 && (unsigned char)out[n - 1] < 0x80 && next_rand() % 2)
      n -= 1 + next_rand() % 2;      /* a prefix: "trad*" */
    while (n > 0 && (out[n - 1] == '-' || out[n - 1] == ' ')) n--;
    if (n > 0 && (unsigned char)out[n - 1] < 0x80) {
      out[n] = '*';
      out[n + 1] = '\0';
    }
  }
}

/* The hits h[0..n) of a scan of text are the reference matcher's for
** rs[0..nr), and many; frees the text, the phrases and the reference. */
static void expect_reference(const ct_phrase_hit *h, size_t n, refp *rs,
                             size_t nr, char *text, size_t len) {
  size_t i, nwant;
  ct_phrase_hit *want = ref_scan(rs, nr, text, len, &nwant);
  for (i = 0; i < n && i < nwant; i++)
    if (cmp_ref_hit(&h[i], &want[i]) != 0)
      fail_msg("hit %zu: got %d:%zu-%zu, reference %d:%zu-%zu", i, h[i].id,
               h[i].start, h[i].end, want[i].id, want[i].start, want[i].end);
  assert_int_equal(n, nwant);
  assert_true(n > 10000);
  free(want);
  free(text);
  free(rs);
}

static void test_random_against_reference(void **state) {
  enum { NPHRASES = 500 };
  static char phrases[NPHRASES][256];
  refp *rs = malloc(NPHRASES * sizeof *rs);
  ct_phrases *p = ct_phrases_new();
  ct_phrases_scratch *s = ct_phrases_scratch_new();
  const ct_phrase_hit *h;
  size_t len, n, i;
  char *text;
  ct_error err;
  clock_t t0;
  (void)state;
  assert_non_null(rs);
  for (i = 0; i < NPHRASES; i++) {
    int id = (int)(next_rand() % 300);
    gen_phrase(phrases[i]);
    if (ct_phrases_add(p, phrases[i], id, &err) != CT_OK)
      fail_msg("%s", err.msg);
    ref_parse(&rs[i], phrases[i], id);
  }
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  text = gen_text(1 << 20, &len);
  t0 = clock();
  assert_int_equal(ct_phrases_scan_with(p, s, text, len, &h, &n), CT_OK);
  print_message("   1 MiB, %d phrases: %zu hits in %.3f s\n", NPHRASES, n,
                (double)(clock() - t0) / CLOCKS_PER_SEC);
  expect_reference(h, n, rs, NPHRASES, text, len);
  ct_phrases_scratch_free(s);
  ct_phrases_free(p);
}

/* Hits as found by a matcher of `ps` compiled with 16-bit cells and one
** compiled with 32-bit cells (the representation for more than 2^15
** states), on the same text: the same. */
static void test_wide_cells_same_hits(void **state) {
  enum { NPHRASES = 500 };
  static char phrases[NPHRASES][256];
  ct_phrases *narrow = ct_phrases_new(), *wide = ct_phrases_new();
  ct_phrase_hit *a, *b;
  size_t len, na, nb, i;
  char *text;
  ct_error err;
  (void)state;
  ct_phrases_force_wide(wide);
  for (i = 0; i < NPHRASES; i++) {
    int id = (int)(next_rand() % 300);
    gen_phrase(phrases[i]);
    assert_int_equal(ct_phrases_add(narrow, phrases[i], id, &err), CT_OK);
    assert_int_equal(ct_phrases_add(wide, phrases[i], id, &err), CT_OK);
  }
  assert_int_equal(ct_phrases_compile(narrow, &err), CT_OK);
  assert_int_equal(ct_phrases_compile(wide, &err), CT_OK);
  assert_int_equal(ct_phrases_cell_bits(narrow), 16);
  assert_int_equal(ct_phrases_cell_bits(wide), 32);
  text = gen_text(1 << 18, &len);
  assert_int_equal(ct_phrases_scan(narrow, text, len, &a, &na), CT_OK);
  assert_int_equal(ct_phrases_scan(wide, text, len, &b, &nb), CT_OK);
  assert_int_equal(na, nb);
  assert_true(na > 1000);
  for (i = 0; i < na; i++)
    if (cmp_ref_hit(&a[i], &b[i]) != 0)
      fail_msg("hit %zu: 16-bit %d:%zu-%zu, 32-bit %d:%zu-%zu", i, a[i].id,
               a[i].start, a[i].end, b[i].id, b[i].start, b[i].end);
  free(a);
  free(b);
  free(text);
  ct_phrases_free(narrow);
  ct_phrases_free(wide);
}

/* Eight phrases of 4,095 bytes with no prefix in common make 32,762
** states with the two roots (at a word start, inside a word); a ninth of
** 6 bytes makes 2^15 (the most 16-bit cells hold), of 7 bytes one more
** (32-bit cells).  Both find the same phrases in the same text. */
static ct_phrases *boundary_matcher(size_t last_len, char **text,
                                    size_t *len) {
  ct_phrases *p = ct_phrases_new();
  char *w = malloc(4096), *t = malloc(4 * 4096);
  size_t k, n = 0;
  ct_error err;
  assert_non_null(w);
  assert_non_null(t);
  for (k = 0; k < 9; k++) {
    size_t wl = k < 8 ? 4095 : last_len;
    memset(w, 'z', wl);
    w[0] = (char)('a' + k);
    w[wl] = '\0';
    assert_int_equal(ct_phrases_add(p, w, (int)k, &err), CT_OK);
    if (k == 2 || k == 8) {            /* the text: "czzz...z izz..z ." */
      memcpy(t + n, w, wl);
      n += wl;
      t[n++] = ' ';
    }
  }
  t[n++] = '.';
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  free(w);
  *text = t;
  *len = n;
  return p;
}

static void test_cells_at_the_boundary(void **state) {
  size_t last;
  (void)state;
  for (last = 6; last <= 7; last++) {
    char *text;
    size_t len, n;
    ct_phrase_hit *h;
    ct_phrases *p = boundary_matcher(last, &text, &len);
    assert_int_equal(ct_phrases_cell_bits(p), last == 6 ? 16 : 32);
    assert_int_equal(ct_phrases_scan(p, text, len, &h, &n), CT_OK);
    assert_int_equal(n, 2);
    assert_int_equal(h[0].id, 2);
    assert_int_equal(h[0].start, 0);
    assert_int_equal(h[0].end, 4095);
    assert_int_equal(h[1].id, 8);
    assert_int_equal(h[1].start, 4096);
    assert_int_equal(h[1].end, 4096 + last);
    free(h);
    free(text);
    ct_phrases_free(p);
  }
}

/* Texts of 4 KiB and more are scanned in two lanes that meet near the
** middle, of 16 KiB and more in four that meet at the quarters: wherever
** a seam falls (in a run of white space, a Korean word, a phrase that
** spans it), and where a later lane cannot start in step and the lane
** before it goes on, the hits are the reference's. */
static void test_lanes_against_reference(void **state) {
  enum { NPHRASES = 200 };
  static char phrases[NPHRASES][256];
  refp *rs = malloc(NPHRASES * sizeof *rs);
  ct_phrases *p = ct_phrases_new();
  ct_phrases_scratch *s = ct_phrases_scratch_new();
  ct_error err;
  size_t i, round;
  (void)state;
  assert_non_null(rs);
  for (i = 0; i < NPHRASES; i++) {
    int id = (int)(next_rand() % 100);
    gen_phrase(phrases[i]);
    assert_int_equal(ct_phrases_add(p, phrases[i], id, &err), CT_OK);
    ref_parse(&rs[i], phrases[i], id);
  }
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  for (round = 0; round < 90; round++) {
    size_t len, n, nwant;
    const ct_phrase_hit *h;
    char *text = gen_text(round < 60 ? 3000 + next_rand() % 9000
                                     : 15000 + next_rand() % 30000, &len);
    ct_phrase_hit *want = ref_scan(rs, NPHRASES, text, len, &nwant);
    assert_int_equal(ct_phrases_scan_with(p, s, text, len, &h, &n), CT_OK);
    for (i = 0; i < n && i < nwant; i++)
      if (cmp_ref_hit(&h[i], &want[i]) != 0)
        fail_msg("%zu bytes, hit %zu: got %d:%zu-%zu, reference %d:%zu-%zu",
                 len, i, h[i].id, h[i].start, h[i].end, want[i].id,
                 want[i].start, want[i].end);
    assert_int_equal(n, nwant);
    free(want);
    free(text);
  }
  free(rs);
  ct_phrases_scratch_free(s);
  ct_phrases_free(p);
}

/* A fragment of a vocabulary word (or all of it), as a substring. */
static void gen_fragment(char *out) {
  const char *w = vocab[next_rand() % N(vocab)];
  size_t n = strlen(w), i, a = 0, b = n;
  int ascii = 1;
  for (i = 0; i < n; i++) ascii &= (unsigned char)w[i] < 0x80;
  if (ascii && n >= 4) {
    a = next_rand() % (n - 2);
    b = a + 2 + next_rand() % (n - a - 1);
  }
  while (b > a + 1 && w[b - 1] == '-') b--;  /* no hyphen at an end: */
  while (a + 1 < b && w[a] == '-') a++;      /* it would be trimmed */
  memcpy(out, w + a, b - a);
  out[b - a] = '\0';
}

/* Phrases and substrings (fragments of words) together, so that matches
** begin inside words too: the hits are the reference's. */
static void test_substrings_against_reference(void **state) {
  enum { NPHRASES = 300 };
  static char phrases[NPHRASES][256];
  refp *rs = malloc(NPHRASES * sizeof *rs);
  ct_phrases *p = ct_phrases_new();
  const ct_phrase_hit *h;
  ct_phrases_scratch *s = ct_phrases_scratch_new();
  size_t len, n, i;
  char *text;
  ct_error err;
  (void)state;
  assert_non_null(rs);
  for (i = 0; i < NPHRASES; i++) {
    int id = (int)(next_rand() % 200);
    if (i % 3 == 0) {
      gen_fragment(phrases[i]);
      if (ct_phrases_add_substring(p, phrases[i], id, &err) != CT_OK)
        fail_msg("%s", err.msg);
      ref_parse_raw(&rs[i], phrases[i], id);
    } else {
      gen_phrase(phrases[i]);
      if (ct_phrases_add(p, phrases[i], id, &err) != CT_OK)
        fail_msg("%s", err.msg);
      ref_parse(&rs[i], phrases[i], id);
    }
  }
  assert_int_equal(ct_phrases_compile(p, &err), CT_OK);
  text = gen_text(1 << 18, &len);
  assert_int_equal(ct_phrases_scan_with(p, s, text, len, &h, &n), CT_OK);
  expect_reference(h, n, rs, NPHRASES, text, len);
  ct_phrases_scratch_free(s);
  ct_phrases_free(p);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_ascii),
    cmocka_unit_test(test_multiword),
    cmocka_unit_test(test_phrase_hyphen_and_spaces),
    cmocka_unit_test(test_star),
    cmocka_unit_test(test_boundaries),
    cmocka_unit_test(test_hangul),
    cmocka_unit_test(test_cjk),
    cmocka_unit_test(test_overlapping),
    cmocka_unit_test(test_substring),
    cmocka_unit_test(test_word_starts),
    cmocka_unit_test(test_same_phrase_ids),
    cmocka_unit_test(test_replacement_and_invalid),
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_invalid_phrases),
    cmocka_unit_test(test_usage),
    cmocka_unit_test(test_memory_limit),
    cmocka_unit_test(test_shared_beginnings_share_memory),
    cmocka_unit_test(test_scratch_reuse),
    cmocka_unit_test(test_long_cjk_run),
    cmocka_unit_test(test_random_against_reference),
    cmocka_unit_test(test_wide_cells_same_hits),
    cmocka_unit_test(test_cells_at_the_boundary),
    cmocka_unit_test(test_lanes_against_reference),
    cmocka_unit_test(test_substrings_against_reference),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
