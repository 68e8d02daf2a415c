/*
** test_norm.c -- the normalized view (NFKC + case fold) and its map back
** to the input, and ct_fold.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>
#include "clausetag.h"
#include "helpers.h"
#include "text/norm.h"
#include "text/utf8.h"

/* ---- helpers --------------------------------------------------------- */

/* Every map is monotonic and ends at base + n. */
static void check_map(const ct_norm *nm, size_t n, size_t base) {
  size_t i;
  assert_int_equal(nm->s[nm->len], '\0');
  assert_int_equal(ct_norm_to_input(nm, nm->len), base + n);
  for (i = 0; i < nm->len; i++) {
    assert_true(ct_norm_to_input(nm, i) <= ct_norm_to_input(nm, i + 1));
    assert_true(ct_norm_to_input(nm, i) >= base && ct_norm_to_input(nm, i) < base + n);
  }
}

static void build(ct_norm *nm, const char *in, size_t n, size_t base) {
  assert_int_equal(ct_norm_build(nm, in, n, base), CT_OK);
  check_map(nm, n, base);
}

/* Normalizes `in`, checks the string, and that ct_fold agrees. */
static void expect_norm(const char *in, const char *want) {
  ct_norm nm;
  char *f;
  size_t n = strlen(in);
  build(&nm, in, n, 0);
  assert_int_equal(strlen(nm.s), nm.len);
  assert_string_equal(nm.s, want);
  f = ct_fold(in, n);
  assert_non_null(f);
  assert_string_equal(f, want);
  free(f);
  ct_norm_free(&nm);
}

static void expect_map(const ct_norm *nm, const size_t *want, size_t n) {
  size_t i;
  assert_int_equal(nm->len + 1, n);
  for (i = 0; i < n; i++)
    if (ct_norm_to_input(nm, i) != want[i])
      fail_msg("map[%zu] = %zu, want %zu", i, ct_norm_to_input(nm, i), want[i]);
}

/* ct_fold(s) is what utf8proc_map gives for the whole string. */
static void check_agrees(const char *s, size_t n) {
  const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  utf8proc_uint8_t *want = NULL;
  char *got = ct_fold(s, n);
  size_t i;
  assert_non_null(got);
  assert_true(utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                           &want, opts) >= 0);
  if (strcmp(got, (const char *)want) != 0) {
    fprintf(stderr, "input:");
    for (i = 0; i < n && i < 32; i++) fprintf(stderr, " %02X", (unsigned char)s[i]);
    fprintf(stderr, "%s\n", n > 32 ? " ..." : "");
    fail_msg("got \"%s\", utf8proc \"%s\"", got, (const char *)want);
  }
  free(got);
  free(want);
}

/* ---- folding --------------------------------------------------------- */

static void test_ascii(void **state) {
  ct_norm nm;
  size_t i;
  (void)state;
  expect_norm("Hello, WORLD! [A-Z] @`{~ 123", "hello, world! [a-z] @`{~ 123");
  build(&nm, "ABC def", 7, 0);
  for (i = 0; i <= 7; i++) assert_int_equal(ct_norm_to_input(&nm, i), i);   /* identity */
  ct_norm_free(&nm);
}

static void test_ligature(void **state) {
  ct_norm nm;
  (void)state;
  expect_norm("\xEF\xAC\x81", "fi");
  build(&nm, "x\xEF\xAC\x81" "ed", 6, 0);   /* "xﬁed" */
  assert_string_equal(nm.s, "xfied");
  expect_map(&nm, (size_t[]){ 0, 1, 1, 4, 5, 6 }, 6);
  ct_norm_free(&nm);
}

/* A soft hyphen is a hyphenation hint a page shows as nothing: it goes,
** as NFKC_Casefold drops it, so "defen\u00ADse" is the word "defense";
** the bytes after it map to where they are. */
static void test_soft_hyphen(void **state) {
  ct_norm nm;
  (void)state;
  expect_norm("Defen\xC2\xADse", "defense");
  expect_norm("\xC2\xAD", "");
  build(&nm, "ab\xC2\xAD" "cd", 6, 0);
  assert_string_equal(nm.s, "abcd");
  expect_map(&nm, (size_t[]){ 0, 1, 4, 5, 6 }, 5);
  ct_norm_free(&nm);
  /* an accent on the hyphen keeps it: it is no longer alone */
  expect_norm("a\xC2\xAD\xCC\x81", "a\xC2\xAD\xCC\x81");
}

static void test_fullwidth(void **state) {
  ct_norm nm;
  (void)state;
  expect_norm("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc");   /* ＡＢＣ */
  build(&nm, "\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", 9, 0);
  expect_map(&nm, (size_t[]){ 0, 3, 6, 9 }, 4);
  ct_norm_free(&nm);
}

static void test_sharp_s(void **state) {
  ct_norm nm;
  (void)state;
  expect_norm("Stra\xC3\x9F" "e", "strasse");
  build(&nm, "Stra\xC3\x9F" "e", 7, 0);
  expect_map(&nm, (size_t[]){ 0, 1, 2, 3, 4, 4, 6, 7 }, 8);
  ct_norm_free(&nm);
}

static void test_combining(void **state) {
  ct_norm nm;
  (void)state;
  /* "e" + U+0301 composes to é, both bytes of é map to the 'e' */
  expect_norm("e\xCC\x81", "\xC3\xA9");
  build(&nm, "caf" "e\xCC\x81" "!", 7, 0);
  assert_string_equal(nm.s, "caf\xC3\xA9!");
  expect_map(&nm, (size_t[]){ 0, 1, 2, 3, 3, 6, 7 }, 7);
  ct_norm_free(&nm);
  /* uppercase base with a mark: fold and compose */
  expect_norm("E\xCC\x81", "\xC3\xA9");
  /* marks out of canonical order are reordered and composed */
  expect_norm("a\xCC\xA3\xCC\x82", "\xE1\xBA\xAD");   /* a + dot below + circ */
  expect_norm("a\xCC\x82\xCC\xA3", "\xE1\xBA\xAD");
  /* a multibyte starter right after the cluster */
  expect_norm("Cafe\xCC\x81\xED\x95\x9C", "caf\xC3\xA9\xED\x95\x9C");
  expect_norm("e\xCC\x81\xF0\x9F\x98\x80", "\xC3\xA9\xF0\x9F\x98\x80");
  expect_norm("\xC3\x89\xCC\x81\xC3\x89", "\xC3\xA9\xCC\x81\xC3\xA9");
  /* a mark with nothing before it stays */
  expect_norm("\xCC\x81x", "\xCC\x81x");
}

static void test_precomposed(void **state) {
  (void)state;
  expect_norm("\xC3\x89", "\xC3\xA9");                  /* É -> é */
  expect_norm("\xC3\x89T\xC3\x89", "\xC3\xA9t\xC3\xA9");
  expect_norm("\xCE\xA3\xCE\x9F\xCE\xA6\xCE\x99\xCE\x91",   /* ΣΟΦΙΑ */
              "\xCF\x83\xCE\xBF\xCF\x86\xCE\xB9\xCE\xB1");
}

static void test_hangul(void **state) {
  ct_norm nm;
  static const char text[] = "\xED\x95\x9C\xEB\xAF\xB8 \xED\x83\x84\xEC\x86\x8C"
                             "\xEC\xA4\x91\xEB\xA6\xBD";   /* 한미 탄소중립 */
  (void)state;
  expect_norm(text, text);
  /* ᄒ ᅡ ᆫ (L V T) compose to 한 and map to the L */
  build(&nm, "x\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB", 10, 0);
  assert_string_equal(nm.s, "x\xED\x95\x9C");
  expect_map(&nm, (size_t[]){ 0, 1, 1, 1, 10 }, 5);
  ct_norm_free(&nm);
  /* L V only */
  expect_norm("\xE1\x84\x80\xE1\x85\xA1", "\xEA\xB0\x80");   /* 가 */
  /* compatibility Jamo and halfwidth forms fold under NFKC */
  expect_norm("\xE3\x84\xB1", "\xE1\x84\x80");
}

static void test_invalid(void **state) {
  ct_norm nm;
  (void)state;
  build(&nm, "A\xFF" "B\xE2\x82" "c", 6, 0);
  assert_string_equal(nm.s, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
  expect_map(&nm, (size_t[]){ 0, 1, 1, 1, 2, 3, 3, 3, 5, 6 }, 10);
  ct_norm_free(&nm);
  /* a mark after an invalid byte is not composed with it */
  expect_norm("\xC3\xCC\x81", "\xEF\xBF\xBD\xCC\x81");
  /* the input may hold NUL bytes: the map covers them */
  build(&nm, "a\0B", 3, 0);
  assert_int_equal(nm.len, 3);
  assert_memory_equal(nm.s, "a\0b", 4);
  ct_norm_free(&nm);
}

static void test_base(void **state) {
  ct_norm nm;
  (void)state;
  build(&nm, "A\xC3\x89" "b", 4, 1000);
  assert_string_equal(nm.s, "a\xC3\xA9" "b");
  expect_map(&nm, (size_t[]){ 1000, 1001, 1001, 1003, 1004 }, 5);
  assert_int_equal(ct_norm_to_input(&nm, 0), 1000);
  assert_int_equal(ct_norm_to_input(&nm, 2), 1001);
  assert_int_equal(ct_norm_to_input(&nm, 4), 1004);
  assert_int_equal(ct_norm_from_input(&nm, 0), 0);      /* before the base */
  assert_int_equal(ct_norm_from_input(&nm, 1002), 3);   /* inside É */
  assert_int_equal(ct_norm_from_input(&nm, 1004), 4);
  assert_int_equal(ct_norm_from_input(&nm, 5000), 4);   /* past the end */
  ct_norm_free(&nm);
}

static void test_round_trip(void **state) {
  /* ASCII, ligature, combining sequence, Hangul, full width, ß, invalid */
  static const char in[] = "The \xEF\xAC\x81nal e\xCC\x81tape: \xED\x95\x9C\xEA\xB5\xAD "
                           "\xEF\xBC\xA1 Stra\xC3\x9F" "e \xFF end";
  size_t n = sizeof in - 1, i, off;
  ct_norm nm;
  (void)state;
  build(&nm, in, n, 7);
  /* every normalized offset maps back to a cluster start, and that input
  ** offset leads to the first byte of the cluster's output */
  for (off = 0; off <= nm.len; off++) {
    size_t at = ct_norm_to_input(&nm, off);
    size_t back = ct_norm_from_input(&nm, at);
    assert_true(back <= off);
    assert_int_equal(ct_norm_to_input(&nm, back), at);
    assert_true(back == 0 || ct_norm_to_input(&nm, back - 1) < at);
  }
  /* every input offset lands at or after its own text */
  for (i = 7; i <= n + 7; i++) {
    off = ct_norm_from_input(&nm, i);
    assert_true(ct_norm_to_input(&nm, off) >= i);
    assert_true(off == 0 || ct_norm_to_input(&nm, off - 1) < i);
  }
  ct_norm_free(&nm);
}

/* A match found in the view is reported where it was in the input. */
static void test_match_location(void **state) {
  static const char in[] = "We \xEF\xAC\x81nance CLEAN energy";
  ct_norm nm;
  const char *hit;
  size_t a, b;
  (void)state;
  build(&nm, in, sizeof in - 1, 0);
  assert_string_equal(nm.s, "we finance clean energy");
  hit = strstr(nm.s, "clean");
  a = ct_norm_to_input(&nm, (size_t)(hit - nm.s));
  b = ct_norm_to_input(&nm, (size_t)(hit - nm.s) + 5);
  assert_memory_equal(in + a, "CLEAN", 5);
  assert_int_equal(b - a, 5);
  hit = strstr(nm.s, "finance");
  a = ct_norm_to_input(&nm, (size_t)(hit - nm.s));
  assert_int_equal(a, 3);
  ct_norm_free(&nm);
}

static void test_fold(void **state) {
  static const char in[] = "Net-Zero \xEF\xAC\x81nance \xED\x83\x84\xEC\x86\x8C "
                           "\xE2\x84\xA6 \xE2\x91\xA0";   /* Ω sign, circled 1 */
  ct_norm nm;
  char *f;
  (void)state;
  build(&nm, in, sizeof in - 1, 0);
  f = ct_fold(in, sizeof in - 1);
  assert_non_null(f);
  assert_string_equal(f, nm.s);
  assert_string_equal(f, "net-zero finance \xED\x83\x84\xEC\x86\x8C \xCF\x89 1");
  free(f);
  ct_norm_free(&nm);
  /* only len bytes are read */
  f = ct_fold("ABCDEF", 3);
  assert_string_equal(f, "abc");
  free(f);
}

static void test_empty(void **state) {
  ct_norm nm;
  char *f;
  (void)state;
  build(&nm, "", 0, 42);
  assert_int_equal(nm.len, 0);
  assert_string_equal(nm.s, "");
  assert_int_equal(ct_norm_to_input(&nm, 0), 42);
  assert_int_equal(ct_norm_to_input(&nm, 0), 42);
  assert_int_equal(ct_norm_from_input(&nm, 42), 0);
  assert_int_equal(ct_norm_from_input(&nm, 43), 0);
  ct_norm_free(&nm);
  ct_norm_free(&nm);   /* freeing twice is harmless */
  f = ct_fold("", 0);
  assert_non_null(f);
  assert_string_equal(f, "");
  free(f);
}

/* A cluster larger than the scratch array on the stack, and a run of
** marks longer than 30: cut into clusters of 30 (UAX #15's stream-safe
** form), each mapped to its first byte.  The string is what NFKC gives
** (U+0301 neither reorders nor composes after the first one). */
static void test_long_cluster(void **state) {
  size_t marks = 500, i, n = 1 + 2 * marks;
  char *in = malloc(n + 1), *f;
  ct_norm nm;
  (void)state;
  assert_non_null(in);
  in[0] = 'A';
  for (i = 0; i < marks; i++) memcpy(in + 1 + 2 * i, "\xCC\x81", 2);
  in[n] = '\0';
  build(&nm, in, n, 0);
  /* á then 499 more acute accents */
  assert_int_equal(nm.len, n - 1);
  assert_memory_equal(nm.s, "\xC3\xA1\xCC\x81", 4);
  check_agrees(in, n);
  /* 'A' and 30 marks (60 bytes out) map to the 'A', then every 30 marks
  ** (60 bytes in and out) to their first byte */
  for (i = 0; i < 60; i++) assert_int_equal(ct_norm_to_input(&nm, i), 0);
  for (; i < nm.len; i++) assert_int_equal(ct_norm_to_input(&nm, i), 61 + (i - 60) / 60 * 60);
  f = ct_fold(in, n);
  assert_string_equal(f, nm.s);
  free(f);
  ct_norm_free(&nm);
  free(in);
}

/* "a", grave accents below (class 220), then an acute (230).  Up to 30
** marks in all, NFKC reorders the acute past the graves and composes it
** with the "a".  With 31, the acute is cut off, as a CGJ would cut it,
** and the text stays as it is. */
static void test_mark_run_cut(void **state) {
  char in[80];
  size_t i, n;
  ct_norm nm;
  (void)state;
  for (n = 1, in[0] = 'a', i = 0; i < 29; i++, n += 2) memcpy(in + n, "\xCC\x96", 2);
  memcpy(in + n, "\xCC\x81", 2);
  n += 2;
  check_agrees(in, n);   /* 30 marks: one cluster, exactly NFKC */
  build(&nm, in, n, 0);
  assert_memory_equal(nm.s, "\xC3\xA1\xCC\x96", 4);
  ct_norm_free(&nm);

  memmove(in + 3, in + 1, n - 1);   /* one grave more: 31 marks */
  memcpy(in + 1, "\xCC\x96", 2);
  n += 2;
  build(&nm, in, n, 0);
  assert_int_equal(nm.len, n);
  assert_memory_equal(nm.s, in, n);
  assert_int_equal(ct_norm_to_input(&nm, n - 3), 0);    /* the 30th mark: the 'a' */
  assert_int_equal(ct_norm_to_input(&nm, n - 2), 61);   /* the acute: its own */
  ct_norm_free(&nm);
}

/* The combining class of the code point at s[*i]; *i moves past it. */
static int ccc_at(const char *s, size_t *i) {
  int32_t cp;
  *i += ct_utf8_decode((const unsigned char *)s + *i, 4, &cp);
  assert_true(cp >= 0);
  return utf8proc_get_property(cp)->combining_class;
}

/* A megabyte of marks on one letter, classes 230 and 220 alternating:
** canonical ordering of the whole run is quadratic (minutes), cut into
** clusters of 30 it is linear.  The view must be exactly NFKC of the
** stream-safe form (a CGJ after every 30 non-starters) without its CGJs;
** each cluster sorted by class; the map monotonic, each byte mapped to
** the cluster it comes from. */
static void test_mark_flood(void **state) {
  const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  size_t pairs = 1 << 18, n = 1 + 4 * pairs, i, k, o, marks;
  char *in = malloc(n), *safe = malloc(n + n / 30 + 8), *f;
  utf8proc_uint8_t *want = NULL;
  ct_norm nm;
  (void)state;
  assert_non_null(in);
  assert_non_null(safe);
  in[0] = safe[0] = 'a';
  for (i = 0, k = o = 1, marks = 0; i < 2 * pairs; i++, k += 2, o += 2) {
    if (marks++ == 30) {
      memcpy(safe + o, "\xCD\x8F", 2);   /* U+034F CGJ */
      o += 2;
      marks = 1;
    }
    memcpy(in + k, i % 2 ? "\xCC\x96" : "\xCC\x81", 2);
    memcpy(safe + o, in + k, 2);
  }
  build(&nm, in, n, 0);
  assert_int_equal(nm.len, n - 1);   /* a + acute -> á */
  assert_true(utf8proc_map((const utf8proc_uint8_t *)safe, (utf8proc_ssize_t)o,
                           &want, opts) >= 0);
  for (i = k = 0; want[i] != '\0'; i++)   /* the CGJs out */
    if (!(want[i] == 0xCD && want[i + 1] == 0x8F)) want[k++] = want[i];
    else i++;
  assert_int_equal(k, nm.len);
  assert_memory_equal(nm.s, want, k);
  for (i = 2; i < nm.len;) {   /* after á: clusters of 30 marks, sorted */
    size_t start = ct_norm_to_input(&nm, i), at = i;
    int prev = 0;
    assert_true(start + 62 >= i && start <= i + 1);
    while (i < nm.len && ct_norm_to_input(&nm, i) == start) {
      int c = ccc_at(nm.s, &i);
      assert_true(c >= prev);
      prev = c;
    }
    assert_true(i - at <= 60);
  }
  f = ct_fold(in, n);
  assert_non_null(f);
  assert_string_equal(f, nm.s);
  free(f);
  free(want);
  ct_norm_free(&nm);
  free(safe);
  free(in);
}

/* The map costs a run where the view stops being a copy, not a byte: an
** ASCII text is one run however long, Hangul and punctuation that fold
** to themselves add none, a cluster that changes adds one and the copy
** after it one more. */
static void test_runs(void **state) {
  static const char mixed[] = "We met \xE2\x80\x9Chere\xE2\x80\x9D, "
                              "\xED\x95\x9C\xEB\xAF\xB8 caf\xC3\xA9 ok";
  size_t n = 1 << 20, i;
  char *in = malloc(n);
  ct_norm nm;
  (void)state;
  assert_non_null(in);
  for (i = 0; i < n; i++) in[i] = (char)("Joint Statement.\n"[i % 17]);
  build(&nm, in, n, 5);
  assert_int_equal(nm.nruns, 1);
  assert_int_equal(ct_norm_to_input(&nm, 12345), 5 + 12345);
  assert_int_equal(ct_norm_from_input(&nm, 5 + 777), 777);
  ct_norm_free(&nm);
  build(&nm, mixed, sizeof mixed - 1, 0);
  assert_int_equal(nm.nruns, 1);       /* quotes, Hangul and é as they are */
  ct_norm_free(&nm);
  build(&nm, "ab \xEF\xAC\x81x CAFE\xCC\x81 z", 16, 0);
  assert_string_equal(nm.s, "ab fix caf\xC3\xA9 z");
  assert_int_equal(nm.nruns, 5);       /* ab_, fi, x_caf, é, _z */
  ct_norm_free(&nm);
  free(in);
}

static void test_large(void **state) {
  size_t reps = 20000, i, n;
  static const char unit[] = "Caf\xC3\xA9 \xED\x95\x9C ";
  char *in = malloc(reps * (sizeof unit - 1) + 1);
  ct_norm nm;
  (void)state;
  assert_non_null(in);
  for (i = 0; i < reps; i++) memcpy(in + i * (sizeof unit - 1), unit, sizeof unit - 1);
  n = reps * (sizeof unit - 1);
  build(&nm, in, n, 0);
  assert_int_equal(nm.len, n);
  assert_memory_equal(nm.s, "caf\xC3\xA9 \xED\x95\x9C caf", 13);
  ct_norm_free(&nm);
  free(in);
}

/* Alone, every code point folds exactly as utf8proc_map folds it (the
** fast paths for ASCII and for code points that need no change included).
** The whole BMP, then every 7th code point above it. */
static void test_agrees_with_utf8proc(void **state) {
  const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPAT |
                                 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD;
  int32_t cp;
  (void)state;
  for (cp = 1; cp <= 0x10FFFF; cp += cp < 0x10000 ? 1 : 7) {
    char in[4];
    size_t n;
    utf8proc_uint8_t *want = NULL;
    char *got;
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    n = ct_utf8_encode(cp, in);
    assert_true(utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)n,
                             &want, opts) >= 0);
    got = ct_fold(in, n);
    assert_non_null(got);
    if (cp == 0xAD) want[0] = '\0';   /* dropped, as NFKC_Casefold drops it */
    if (strcmp(got, (const char *)want) != 0)
      fail_msg("U+%04X: got \"%s\", utf8proc \"%s\"", (unsigned)cp, got,
               (const char *)want);
    free(got);
    free(want);
  }
}

/* Two or three code points: the clusters must compose exactly where
** NFKC composes the whole string.  Bases are letters that take vowel
** signs, Jamo, katakana; the followers cover combining marks, vowel
** signs, length marks, Jamo and halfwidth forms. */
static void test_clusters_agree(void **state) {
  static const int32_t bases[] = {
    'a', 'E', 0x00C5, 0x09C7, 0x0B47, 0x0BC6, 0x0BC7, 0x0C46, 0x0CBF,
    0x0CC6, 0x0D46, 0x0DD9, 0x0F71, 0x1025, 0x1100, 0x1112, 0xAC00,
    0xB098, 0x1B05, 0x3131, 0x314E, 0xFF76, 0xFF8A, 0x11131, 0x11347,
    0x114B9, 0x115B8, 0x11935,
  };
  static const int32_t ranges[][2] = {
    { 0x0300, 0x036F }, { 0x0900, 0x0DFF }, { 0x0F70, 0x0F85 },
    { 0x1000, 0x1040 }, { 0x1160, 0x11FF }, { 0x1B00, 0x1B4B },
    { 0x3099, 0x309C }, { 0x3130, 0x318F }, { 0xFF60, 0xFFDF },
    { 0x11100, 0x11140 }, { 0x11300, 0x11360 }, { 0x11480, 0x114C0 },
    { 0x11580, 0x115C0 }, { 0x11900, 0x11940 },
  };
  size_t b, r;
  (void)state;
  for (b = 0; b < sizeof bases / sizeof bases[0]; b++)
    for (r = 0; r < sizeof ranges / sizeof ranges[0]; r++) {
      int32_t c;
      for (c = ranges[r][0]; c <= ranges[r][1]; c++) {
        char s[12];
        size_t n = ct_utf8_encode(bases[b], s);
        size_t k = ct_utf8_encode(c, s + n);
        check_agrees(s, n + k);
        memcpy(s + n + k, s + n, k);   /* the follower twice */
        check_agrees(s, n + 2 * k);
      }
    }
}

/* Random short strings over code points that interact: letters, marks
** in and out of canonical order, Jamo, syllables, joiners, ligatures. */
static void test_random_agree(void **state) {
  static const int32_t alphabet[] = {
    'a', 'E', 'i', ' ', 0x00C9, 0x00DF, 0x0301, 0x0323, 0x0302, 0x0308,
    0x0345, 0x0399, 0x03A3, 0x0BC6, 0x0BBE, 0x0BD7, 0x0F71, 0x0F72, 0x0F73,
    0x1100, 0x1112, 0x1161, 0x1175, 0x11A8, 0x11AB, 0xAC00, 0xD55C, 0x3131,
    0x314F, 0x3133, 0xFF76, 0xFF9E, 0xFF9F, 0xFB01, 0xFF21, 0x2126, 0x1E9E,
    0x0130, 0x3099, 0x309B, 0x1F600, 0x4E2D,
  };
  uint32_t seed = 12345;
  int iter;
  (void)state;
  for (iter = 0; iter < 20000; iter++) {
    char s[64];
    size_t n = 0, len, i;
    seed = seed * 1103515245u + 12345u;
    len = 1 + (seed >> 16) % 10;
    for (i = 0; i < len; i++) {
      seed = seed * 1103515245u + 12345u;
      n += ct_utf8_encode(alphabet[(seed >> 16) % (sizeof alphabet / sizeof alphabet[0])],
                          s + n);
    }
    check_agrees(s, n);
  }
}

/* ASCII runs of every length from 0 to 40 (sixteen bytes a step and the
** bytes after), at every alignment, around what is not ASCII: an accented
** letter, a combining mark that composes with the last ASCII letter, a
** ligature.  The runs hold every ASCII byte, the neighbours of A-Z ('@',
** '[', '`', '{') among them.  Each must fold as utf8proc folds the whole,
** and every ASCII byte map to itself. */
static void test_ascii_blocks(void **state) {
  static const char *const others[] = { "\xC3\x89", "\xCC\x81",
                                        "\xEF\xAC\x81", "" };
  char s[160];
  size_t run, lead, o;
  (void)state;
  for (run = 0; run <= 40; run++)
    for (lead = 0; lead < 17; lead++)
      for (o = 0; o < sizeof others / sizeof others[0]; o++) {
        size_t n = 0, k, q = strlen(others[o]);
        ct_norm nm;
        for (k = 0; k < lead; k++) s[n++] = (char)('Z' - k % 3);
        memcpy(s + n, others[o], q);
        n += q;
        for (k = 0; k < run; k++)
          s[n++] = (char)(1 + (k * 37 + run * 11 + lead) % 127);
        memcpy(s + n, others[o], q);
        n += q;
        s[n] = '\0';
        check_agrees(s, n);
        build(&nm, s, n, 7);
        for (k = 0; k < nm.len; k++)
          if ((unsigned char)nm.s[k] < 0x80 &&
              (unsigned char)s[ct_norm_to_input(&nm, k) - 7] < 0x80) {
            char c = s[ct_norm_to_input(&nm, k) - 7];
            assert_int_equal(nm.s[k], c >= 'A' && c <= 'Z' ? c + 32 : c);
          }
        ct_norm_free(&nm);
      }
}

/* Real text in many scripts, with decomposed and compatibility forms. */
static void test_file_agrees(void **state) {
  size_t n;
  char *s = th_read_file("tests/data/text_scripts.txt", &n);
  ct_norm nm;
  (void)state;
  check_agrees(s, n);
  build(&nm, s, n, 0);
  ct_norm_free(&nm);
  free(s);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_ascii),
    cmocka_unit_test(test_ligature),
    cmocka_unit_test(test_soft_hyphen),
    cmocka_unit_test(test_fullwidth),
    cmocka_unit_test(test_sharp_s),
    cmocka_unit_test(test_combining),
    cmocka_unit_test(test_precomposed),
    cmocka_unit_test(test_hangul),
    cmocka_unit_test(test_invalid),
    cmocka_unit_test(test_base),
    cmocka_unit_test(test_round_trip),
    cmocka_unit_test(test_match_location),
    cmocka_unit_test(test_fold),
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_long_cluster),
    cmocka_unit_test(test_mark_run_cut),
    cmocka_unit_test(test_mark_flood),
    cmocka_unit_test(test_runs),
    cmocka_unit_test(test_large),
    cmocka_unit_test(test_ascii_blocks),
    cmocka_unit_test(test_agrees_with_utf8proc),
    cmocka_unit_test(test_clusters_agree),
    cmocka_unit_test(test_random_agree),
    cmocka_unit_test(test_file_agrees),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
