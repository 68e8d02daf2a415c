/*
** test_vocab.c -- learned vocabularies: the terms a clause gives (words
** of three characters or more, lowercased, not all digits; Hangul pairs,
** so that a particle does not hide a noun), the table of terms and
** weights, and the scan that finds a clause's distinct terms in it.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <utf8proc.h>
#include "rules/vocab.h"
#include "text/utf8.h"

typedef struct collect {
  char out[8192];
  size_t used;
  int stop_after;          /* > 0: stop the walk at this many terms */
  int seen;
} collect;

/* "term@start-end " for every term. */
static int add(void *ud, const char *term, size_t n, size_t start,
               size_t end) {
  collect *c = ud;
  c->used += (size_t)snprintf(c->out + c->used, sizeof c->out - c->used,
                              "%.*s@%zu-%zu ", (int)n, term, start, end);
  return ++c->seen == c->stop_after ? 7 : 0;
}

static void terms_are(const char *text, const char *want) {
  collect c;
  memset(&c, 0, sizeof c);
  assert_int_equal(ct_vocab_terms(text, strlen(text), 0, add, &c), 0);
  assert_string_equal(c.out, want);
}

static void english_words(void **state) {
  (void)state;
  terms_are("The U.S. and ROK hold 2024 talks on AI.",
            "the@0-3 and@9-12 rok@13-16 hold@17-21 talks@27-32 ");
  terms_are("COVID-19 vaccines", "covid@0-5 vaccines@9-17 ");
  terms_are("", "");
  terms_are("ab 12345 x9y", "x9y@9-12 ");
}

static void non_ascii_words_fold(void **state) {
  (void)state;
  terms_are("ÉNERGIE Ünion", "\xc3\xa9nergie@0-8 \xc3\xbcnion@9-15 ");
}

/* A Hangul word gives its pairs, not itself: 국방을 holds 국방. */
static void hangul_pairs(void **state) {
  (void)state;
  terms_are("국방을 강화", "국방@0-6 방을@3-9 강화@10-16 ");
  terms_are("코로나19", "코로@0-6 로나@3-9 나1@6-10 ");
  terms_are("한", "");
}

static void invalid_bytes_end_words(void **state) {
  collect c;
  (void)state;
  memset(&c, 0, sizeof c);
  assert_int_equal(ct_vocab_terms("trade\xff" "peace", 11, 0, add, &c), 0);
  assert_string_equal(c.out, "trade@0-5 peace@6-11 ");
}

static void walk_stops(void **state) {
  collect c;
  (void)state;
  memset(&c, 0, sizeof c);
  c.stop_after = 2;
  assert_int_equal(ct_vocab_terms("one two three four", 18, 0, add, &c), 7);
  assert_string_equal(c.out, "one@0-3 two@4-7 ");
}

/* A word too long to be a term is none; it still ends where it ends. */
static void long_word_is_no_term(void **state) {
  char text[CT_TERM_MAX + 16];
  collect c;
  (void)state;
  memset(text, 'a', CT_TERM_MAX + 1);
  strcpy(text + CT_TERM_MAX + 1, " end");
  memset(&c, 0, sizeof c);
  ct_vocab_terms(text, strlen(text), 0, add, &c);
  assert_string_equal(c.out, "end@66-69 ");
}

/* Words in a long text, where most are read sixteen bytes at a time:
** the same terms as one at a time, at every kind of word end. */
static void words_in_long_text(void **state) {
  (void)state;
  terms_are("Trade and PEACE, 2024 talks; ab 12345 x9y on AI matters.",
            "trade@0-5 and@6-9 peace@10-15 talks@22-27 x9y@38-41 "
            "matters@48-55 ");
  /* 15 and 16 bytes: the longer one is walked byte by byte */
  terms_are("abcdefghijklmno abcdefghijklmnop and more words here",
            "abcdefghijklmno@0-15 abcdefghijklmnop@16-32 and@33-36 "
            "more@37-41 words@42-47 here@48-52 ");
  /* a word that runs into a letter or a mark from 0x80 goes on with it */
  terms_are("caf\xc3\xa9 societ\xc3\xa9 and cafe\xcc\x81s in town today",
            "caf\xc3\xa9@0-5 societ\xc3\xa9@6-14 and@15-18 "
            "cafe\xcc\x81s@19-26 town@30-34 today@35-40 ");
  /* ... and an ASCII word that runs into Hangul is a Hangul word */
  terms_are("talks abc\xea\xb5\xad\xeb\xb0\xa9 on the peninsula",
            "talks@0-5 c\xea\xb5\xad@8-12 \xea\xb5\xad\xeb\xb0\xa9@9-15 "
            "the@19-22 peninsula@23-32 ");
  /* a word that ends at a byte from 0x80 that is no letter */
  terms_are("trade\xe2\x80\x94peace and security",
            "trade@0-5 peace@8-13 and@14-17 security@18-26 ");
}

/* {=====================================================================
** A reference walk, character by character, to hold the walk to
** ====================================================================== */

static int ref_hangul(int32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

static int ref_word_char(int32_t cp) {
  if (cp < 0) return 0;
  if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') ||
                        (cp >= 'A' && cp <= 'Z');
  return ct_cp_isalnum(cp) || ct_cp_ismark(cp);
}

typedef struct ref_char {
  int32_t cp;
  size_t start, end;
  char f[4];
  size_t flen;
} ref_char;

/* The terms of one word w[0..n), as the walk should give them. */
static void ref_word(collect *c, const ref_char *w, size_t n) {
  size_t k, bytes = 0;
  int digits = 1, hangul = 0;
  for (k = 0; k < n; k++) {
    if (k > 0 && (ref_hangul(w[k].cp) || ref_hangul(w[k - 1].cp))) {
      char two[8];
      memcpy(two, w[k - 1].f, w[k - 1].flen);
      memcpy(two + w[k - 1].flen, w[k].f, w[k].flen);
      add(c, two, w[k - 1].flen + w[k].flen, w[k - 1].start, w[k].end);
    }
    bytes += w[k].flen;
    digits &= w[k].cp < 0x80 ? w[k].cp <= '9' : ct_cp_isdigit(w[k].cp);
    hangul |= ref_hangul(w[k].cp);
  }
  if (n >= 3 && !digits && !hangul && bytes <= CT_TERM_MAX) {
    char buf[4 * 512];
    size_t used = 0;
    for (k = 0; k < n; k++) memcpy(buf + used, w[k].f, w[k].flen), used += w[k].flen;
    add(c, buf, used, w[0].start, w[n - 1].end);
  }
}

static void ref_terms(const char *s, size_t n, collect *c) {
  ref_char w[512];
  size_t i = 0, nw = 0;
  while (i < n) {
    ref_char ch;
    size_t len = ct_utf8_decode((const unsigned char *)s + i, n - i, &ch.cp);
    ch.start = i, ch.end = i + len;
    if (ref_word_char(ch.cp)) {
      int32_t low = ch.cp < 0x80 ? (ch.cp >= 'A' && ch.cp <= 'Z' ? ch.cp + 32
                                                                  : ch.cp)
                                 : utf8proc_tolower(ch.cp);
      ch.flen = ct_utf8_encode(low, ch.f);
      w[nw++] = ch;
    } else {
      if (nw > 0) ref_word(c, w, nw);
      nw = 0;
    }
    i += len;
  }
  if (nw > 0) ref_word(c, w, nw);
}

/* The walk of text[0..n) inside a larger buffer, told that `readable`
** bytes past its end may be read (a heap block of exactly that size, so
** that the sanitizer sees a read beyond it), gives what the reference
** gives: the bytes there (short words, or letters that would lengthen
** the last word) are never taken for text. */
static void readable_past_end(const char *text, size_t n, size_t round,
                              const collect *ref) {
  size_t readable = round % 113, k;
  char *buf = malloc(n + readable > 0 ? n + readable : 1);
  collect got;
  assert_non_null(buf);
  memcpy(buf, text, n);
  for (k = 0; k < readable; k++)
    buf[n + k] = round % 3 == 0 ? (char)0xea : round % 3 == 1 ? " qq"[k % 3]
                                                               : "qq "[k % 3];
  memset(&got, 0, sizeof got);
  assert_int_equal(ct_vocab_terms(buf, n, readable, add, &got), 0);
  if (strcmp(got.out, ref->out) != 0)
    fail_msg("text %.*s (%zu readable past it)\ngot  %s\nwant %s", (int)n,
             text, readable, got.out, ref->out);
  free(buf);
}

/* Random texts of fewer than maxlen bytes, in pieces: `ascii` pieces in
** `of` an ASCII word of 1 to maxword letters of every case and digits
** (and a space after it, when `spaced`), the others a bit from `bits`
** (punctuation, accented letters, marks, Hangul, CJK, invalid bytes);
** the walk gives what the reference gives. */
static void random_texts_match(int rounds, size_t maxlen, size_t maxword,
                               unsigned ascii, unsigned of, int spaced,
                               uint32_t seed) {
  static const char *const bits[] = {
    " ", " ", " ", ",", ".", "-", "(", ")", "'", "\n", "2024", "7",
    "\xc3\xa9", "\xc3\x89", "\xc3\xbc", "\xcc\x81", "\xea\xb5\xad",
    "\xeb\xb0\xa9", "\xec\x9d\x84", "\xe4\xb8\xad", "\xff",
    "\xe2\x80\x94", "\xd9\xa3",
  };
  int round;
  for (round = 0; round < rounds; round++) {
    char text[1200];
    size_t n = 0, want = (size_t)(seed >> 8) % maxlen;
    collect got, ref;
    while (n < want) {
      seed = seed * 1103515245u + 12345u;
      if ((seed >> 16) % of < ascii) {         /* an ASCII word */
        size_t len = 1 + (seed >> 4) % maxword, k;
        for (k = 0; k < len && n < sizeof text - 8; k++) {
          seed = seed * 1103515245u + 12345u;
          text[n++] = (char)((seed >> 16) % 4 == 0 ? 'A' + (seed >> 8) % 26
                             : (seed >> 16) % 9 == 1 ? '0' + (seed >> 8) % 10
                                                      : 'a' + (seed >> 8) % 26);
        }
        if (spaced && n < sizeof text - 8) text[n++] = ' ';
      } else {
        const char *b = bits[(seed >> 8) % (sizeof bits / sizeof *bits)];
        size_t len = strlen(b);
        if (n + len >= sizeof text) break;
        memcpy(text + n, b, len);
        n += len;
      }
    }
    memset(&got, 0, sizeof got);
    memset(&ref, 0, sizeof ref);
    assert_int_equal(ct_vocab_terms(text, n, 0, add, &got), 0);
    ref_terms(text, n, &ref);
    if (strcmp(got.out, ref.out) != 0)
      fail_msg("text %.*s\ngot  %s\nwant %s", (int)n, text, got.out, ref.out);
    readable_past_end(text, n, (size_t)round, &ref);
  }
}

static void walk_matches_reference(void **state) {
  (void)state;
  random_texts_match(3000, 300, 20, 1, 3, 0, 12345);
}

/* Mostly ASCII, as English prose is, in texts long enough that most of
** their bytes are cut 64 at a time: words that end at every place of a
** block, words that run across a block's end, words as long as a block
** and longer, and the odd character from 0x80 that sends a stretch back
** to the byte walk. */
static void ascii_stretches_match_reference(void **state) {
  (void)state;
  random_texts_match(1500, 1100, 12, 39, 40, 1, 777);
  random_texts_match(500, 1100, 70, 24, 25, 1, 4242);
}

static void table(void **state) {
  ct_vocab *v = ct_vocab_new(2);
  char name[32];
  size_t i;
  (void)state;
  assert_non_null(v);
  assert_int_equal(ct_vocab_set(v, "nuclear", 7, 0, 0.5), CT_OK);
  assert_int_equal(ct_vocab_set(v, "국방", 6, 1, 0.25), CT_OK);
  assert_int_equal(ct_vocab_set(v, "nuclear", 7, 1, -0.125), CT_OK);
  assert_int_equal(ct_vocab_rows(v), 2);
  assert_int_equal(ct_vocab_cols(v), 2);
  assert_int_equal(ct_vocab_find(v, "nuclear", 7), 0);
  assert_int_equal(ct_vocab_find(v, "nuclea", 6), (size_t)-1);
  assert_int_equal(ct_vocab_find(v, "nuclear!", 8), (size_t)-1);
  assert_true(ct_vocab_weight(v, 0, 1) == -0.125);
  assert_true(ct_vocab_weight(v, 1, 0) == 0);
  assert_string_equal(ct_vocab_term(v, 1), "국방");
  for (i = 0; i < 3000; i++) {            /* rows past the first rehashes */
    snprintf(name, sizeof name, "long-term-number-%zu", i);
    assert_int_equal(ct_vocab_set(v, name, strlen(name), 0, (double)i),
                     CT_OK);
  }
  assert_int_equal(ct_vocab_find(v, "long-term-number-2999", 21), 3001);
  assert_true(ct_vocab_weight(v, ct_vocab_find(v, "long-term-number-7", 18),
                              0) == 7);
  assert_int_equal(ct_vocab_find(v, "long-term-number-30000", 22), (size_t)-1);
  assert_int_equal(ct_vocab_find(v, "nuclear", 7), 0);
  /* terms that differ only in bytes 8-15 (compared in the row) and only
  ** after byte 16 (compared in the string) */
  assert_int_equal(ct_vocab_set(v, "cooperations-abc", 16, 1, 1.0), CT_OK);
  assert_int_equal(ct_vocab_set(v, "cooperations-abd", 16, 1, 2.0), CT_OK);
  assert_int_equal(ct_vocab_set(v, "international-law-a", 19, 1, 3.0), CT_OK);
  assert_int_equal(ct_vocab_set(v, "international-law-b", 19, 1, 4.0), CT_OK);
  assert_true(ct_vocab_weight(v, ct_vocab_find(v, "cooperations-abd", 16), 1)
              == 2.0);
  assert_true(ct_vocab_weight(v, ct_vocab_find(v, "international-law-b", 19),
                              1) == 4.0);
  assert_int_equal(ct_vocab_find(v, "cooperations-abe", 16), (size_t)-1);
  assert_int_equal(ct_vocab_find(v, "international-law-c", 19), (size_t)-1);
  assert_int_equal(ct_vocab_rows(v), 3006);
  ct_vocab_free(v);
}

/* A scan counts each distinct term once, in every column, and names the
** term that counts most toward each sum. */
static void scan_tallies(void **state) {
  ct_vocab *v = ct_vocab_new(3);
  ct_vocab_tally *t = ct_vocab_tally_new();
  const char *text = "Nuclear talks: the nuclear issue and 국방을 논의";
  size_t a = 0, b = 0;
  (void)state;
  assert_non_null(t);
  ct_vocab_set(v, "nuclear", 7, 0, 0.5);
  ct_vocab_set(v, "nuclear", 7, 1, -0.125);
  ct_vocab_set(v, "issue", 5, 1, 0.25);
  ct_vocab_set(v, "국방", 6, 0, 0.25);
  ct_vocab_set(v, "talks", 5, 1, -0.5);
  assert_int_equal(ct_vocab_scan(v, t, text, strlen(text), 0, 100), CT_OK);
  assert_true(ct_vocab_sum(t, 0, &a, &b) == 0.75);     /* not 1.25 */
  assert_int_equal(a, 100);
  assert_int_equal(b, 107);
  assert_true(ct_vocab_sum(t, 1, &a, &b) == -0.375);
  assert_int_equal(a, 108);                            /* "talks" */
  assert_int_equal(b, 113);
  a = b = 9;
  assert_true(ct_vocab_sum(t, 2, &a, &b) == 0);
  assert_int_equal(a, 9);                              /* untouched */
  assert_true(ct_vocab_sum(t, 7, &a, &b) == 0);        /* no such column */
  /* the next text starts from nothing */
  assert_int_equal(ct_vocab_scan(v, t, "the issue", 9, 0, 0), CT_OK);
  assert_true(ct_vocab_sum(t, 0, &a, &b) == 0);
  assert_true(ct_vocab_sum(t, 1, &a, &b) == 0.25);
  assert_int_equal(a, 4);
  /* a vocabulary that grew since: the tally grows with it */
  ct_vocab_set(v, "talks", 5, 2, 1.0);
  ct_vocab_set(v, "press", 5, 2, 2.0);
  assert_int_equal(ct_vocab_scan(v, t, "talks to the press", 18, 0, 0), CT_OK);
  assert_true(ct_vocab_sum(t, 2, &a, &b) == 3.0);
  assert_int_equal(a, 13);
  assert_int_equal(ct_vocab_scan(NULL, t, text, strlen(text), 0, 0), CT_OK);
  assert_true(ct_vocab_sum(t, 0, &a, &b) == 0);
  ct_vocab_tally_free(t);
  ct_vocab_free(v);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(english_words),
    cmocka_unit_test(non_ascii_words_fold),
    cmocka_unit_test(hangul_pairs),
    cmocka_unit_test(invalid_bytes_end_words),
    cmocka_unit_test(walk_stops),
    cmocka_unit_test(long_word_is_no_term),
    cmocka_unit_test(words_in_long_text),
    cmocka_unit_test(walk_matches_reference),
    cmocka_unit_test(ascii_stretches_match_reference),
    cmocka_unit_test(table),
    cmocka_unit_test(scan_tallies),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
