/*
** suggest.c -- the known name nearest to a misspelt one (see suggest.h).
**
** The distance is computed over code points, so a Korean label name is
** one edit from its misspelling as an English one is; ASCII letters are
** folded to lower case first, since `Weight` for `weight` is the
** likeliest typo of all.  Names are short (at most 128 bytes), so the
** three rows of the dynamic programme live on the stack.
*/
#include <stdint.h>
#include <string.h>
#include "core/suggest.h"

/* The length of the UTF-8 sequence at p, 1 for a byte that
** leads none: names compared here were checked when they were made, and
** a stray byte only has to count as one character. */
static size_t seqlen(const unsigned char *p) {
  size_t n = p[0] >= 0xF0 ? 4 : p[0] >= 0xE0 ? 3 : p[0] >= 0xC0 ? 2 : 1, i;
  for (i = 1; i < n; i++)
    if ((p[i] & 0xC0) != 0x80) return 1;
  return n;
}

/* s as characters (each UTF-8 sequence packed in a number: equal
** sequences, equal characters) in out[0..CT_SUGGEST_MAX); the count,
** or -1 when longer. */
static long decode(const char *s, uint32_t *out) {
  const unsigned char *p = (const unsigned char *)s;
  long k = 0;
  while (*p) {
    size_t len = seqlen(p), i;
    uint32_t cp = 0;
    if (k == CT_SUGGEST_MAX) return -1;
    for (i = 0; i < len; i++) cp = cp << 8 | p[i];
    if (cp >= 'A' && cp <= 'Z') cp += 'a' - 'A';
    out[k++] = cp;
    p += len;
  }
  return k;
}

static size_t min3(size_t a, size_t b, size_t c) {
  size_t m = a < b ? a : b;
  return m < c ? m : c;
}

size_t ct_edit_distance(const char *a, const char *b) {
  uint32_t x[CT_SUGGEST_MAX], y[CT_SUGGEST_MAX];
  size_t rows[3][CT_SUGGEST_MAX + 1];
  size_t *prev2 = rows[0], *prev = rows[1], *cur = rows[2], *t;
  long n = decode(a, x), m = decode(b, y), i, j;
  if (n < 0 || m < 0) return (size_t)-1;
  for (j = 0; j <= m; j++) prev[j] = (size_t)j;
  for (i = 1; i <= n; i++) {
    cur[0] = (size_t)i;
    for (j = 1; j <= m; j++) {
      size_t cost = x[i - 1] != y[j - 1];
      cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1] &&
          prev2[j - 2] + 1 < cur[j])
        cur[j] = prev2[j - 2] + 1;                /* a swap */
    }
    t = prev2, prev2 = prev, prev = cur, cur = t;
  }
  return prev[m];
}

/* How many edits a word of n code points may be from its suggestion. */
static size_t allowed(size_t n) {
  return n <= 2 ? 0 : n <= 4 ? 1 : n <= 8 ? 2 : 3;
}

static size_t length(const char *s) {
  uint32_t tmp[CT_SUGGEST_MAX];
  long n = decode(s, tmp);
  return n < 0 ? (size_t)-1 : (size_t)n;
}

void ct_suggest_init(ct_suggester *s, const char *word) {
  s->word = word;
  s->best = NULL;
  s->dist = (size_t)-1;
}

void ct_suggest_offer(ct_suggester *s, const char *candidate) {
  size_t d, n = length(s->word);
  if (candidate == NULL || n == (size_t)-1 || strcmp(candidate, s->word) == 0)
    return;
  d = ct_edit_distance(s->word, candidate);
  /* near enough for the word, and not a rewrite of a short candidate */
  if (d > allowed(n) || d >= length(candidate) || d >= s->dist) return;
  s->best = candidate;
  s->dist = d;
}

const char *ct_suggest_best(const ct_suggester *s) { return s->best; }

const char *ct_suggest(const char *word, const char *const *cands,
                       size_t n) {
  ct_suggester s;
  size_t i;
  ct_suggest_init(&s, word);
  for (i = 0; n == (size_t)-1 ? cands[i] != NULL : i < n; i++)
    ct_suggest_offer(&s, cands[i]);
  return ct_suggest_best(&s);
}
